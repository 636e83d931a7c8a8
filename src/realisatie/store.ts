/**
 * The only SQL on realisatie's tables (realisatie, realisatie_import, realisatie_import_fout,
 * realisatie_periode), with a declared row type for every query.
 *
 * Other capabilities' data comes in as parameters: the agreements (budget's `productieafspraak`) are
 * read through src/budget/index.ts by service.ts. Reference tables (`organisatie`, `prestatie`,
 * `nza_tarief`, `regio_concessie`) are read-only lookups.
 */
import type { Queryable } from '../platform/db/index.ts';
import type { DeclaratieRegel, RegelFout } from '../domain/realisatie/declaraties.ts';

export type ImportModus = 'alles-of-niets' | 'geldige-regels';

export interface ImportRow {
  id: string;
  jaar: number;
  bestandsnaam: string;
  sha256: string;
  modus: ImportModus;
  status: 'geladen' | 'geweigerd';
  regels: number;
  geladen: number;
  geweigerd: number;
  perioden: number;
  organisatie_id: string | null;
  gebruiker_id: string | null;
  geimporteerd_op: Date;
}

export interface FoutRow {
  regel: number;
  veld: string;
  reden: string;
}

/** Serialises imports of one year (PostgreSQL and PGlite both honour advisory locks). */
export async function lockJaar(t: Queryable, jaar: number): Promise<void> {
  await t.query("SELECT pg_advisory_xact_lock(hashtext('realisatie_import'), $1)", [jaar]);
}

/**
 * The earlier import of this very file (same hash, year, mode and importer) that still supplies
 * every period it loaded: importing it again would change nothing.
 */
export async function ongewijzigdeImport(
  t: Queryable,
  sha256: string,
  jaar: number,
  modus: ImportModus,
  organisatieId: string | null,
): Promise<ImportRow | undefined> {
  return t.maybeOne<ImportRow>(
    `SELECT i.* FROM realisatie_import i
      WHERE i.sha256 = $1 AND i.jaar = $2 AND i.modus = $3 AND i.organisatie_id IS NOT DISTINCT FROM $4
        AND i.status = 'geladen'
        AND i.perioden = (SELECT count(*) FROM realisatie_periode p WHERE p.import_id = i.id)
      ORDER BY i.geimporteerd_op DESC LIMIT 1`,
    [sha256, jaar, modus, organisatieId],
  );
}

/** The staged lines with their key's text (what controleer reads). */
const STAGING_VIEW = `CREATE TEMP VIEW realisatie_staging AS
      SELECT r.regel, r.client, k.aanbieder, k.prestatie, k.regio, r.maand, r.aantal, r.bedrag
        FROM realisatie_regels r JOIN realisatie_sleutel_bron k ON k.sleutel = r.sleutel;`;

export async function maakStaging(t: Queryable): Promise<void> {
  // hash aggregates over a whole file stay in memory instead of spilling to disk (this transaction only).
  // The lines are staged narrow: the (aanbieder, prestatie, regio) text of a line is a small integer
  // `sleutel` into realisatie_sleutel_bron (a file has a few thousand distinct ones), so the COPY and
  // every scan move less and the checks against the reference data join a small table.
  await t.exec(`SET LOCAL work_mem = '128MB';
    CREATE TEMP TABLE realisatie_regels (
      regel int NOT NULL, client text NOT NULL, sleutel int NOT NULL, maand int NOT NULL,
      aantal numeric(14,2) NOT NULL, bedrag numeric(16,2) NOT NULL
    ) ON COMMIT DROP;
    CREATE TEMP TABLE realisatie_sleutel_bron (sleutel int NOT NULL, aanbieder text NOT NULL, prestatie text NOT NULL, regio text) ON COMMIT DROP;
    CREATE TEMP TABLE realisatie_staging_fout (regel int NOT NULL, veld text NOT NULL, reden text NOT NULL) ON COMMIT DROP;
    ${STAGING_VIEW}`);
}

/**
 * The straight path (docs/realisatie.md, "Import"): the file's data lines as they are, one text column
 * per header column, numbered by an identity (line 1 is the header, so the first data line is 2).
 */
export async function maakRuw(t: Queryable, kolommen: readonly string[]): Promise<void> {
  await t.exec(`CREATE TEMP TABLE realisatie_ruw (
      regel int GENERATED ALWAYS AS IDENTITY (START WITH 2),
      ${kolommen.map((k) => `"${k}" text`).join(', ')}
    ) ON COMMIT DROP`);
}

/** The characters JavaScript's trim() removes at a field's ends that are at most a space (code 1..32). */
export const KORT = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i + 1)).join('');

const lijst = (xs: string[]) => `ARRAY[${xs.map((x) => `'${x}'`).join(',')}]::text[]`;
/** The shapes of a plain number with 1..n integer digits (every digit written as 0) and at most two decimals. */
const vormen = (n: number) =>
  lijst(
    Array.from({ length: n }, (_, i) => '0'.repeat(i + 1)).flatMap((d) =>
      ['', '.0', '.00', ',0', ',00'].map((f) => d + f),
    ),
  );
const twee = (n: number) => String(n).padStart(2, '0');
/** JJJJ-MM, and JJJJ-MM-DD up to day 28, of one year. */
const perioden = (jaar: number) =>
  lijst(
    Array.from({ length: 12 }, (_, m) => `${jaar}-${twee(m + 1)}`).flatMap((p) => [
      p,
      ...Array.from({ length: 28 }, (_, d) => `${p}-${twee(d + 1)}`),
    ]),
  );

/**
 * Whether a raw line is a plain line: SQL that accepts a line only when the line checks in
 * src/domain/realisatie/declaraties.ts (leesRegel) accept it with the same values — stricter where
 * simpler (no spaces around a field, lengths in bytes, a day only up to 28); a line it does not accept
 * sends the whole file to the line-by-line path, which gives every reason. No regular expressions
 * (they cost more than the COPY): a number's shape (digits written as 0) is looked up in a constant
 * list, which PostgreSQL hashes. $1: KORT. Exported for the property test that compares it with leesRegel.
 */
export function gewoneRegelSql(jaar: number, heeftRegio: boolean): string {
  const schoon = (k: string, max: number) =>
    `(${k} IS NOT NULL AND octet_length(${k}) <= ${max} AND btrim(${k}, $1) = ${k})`;
  return `(${schoon('client', 64)} AND ${schoon('aanbieder', 100)} AND ${schoon('prestatie', 100)}
      AND ${heeftRegio ? `(regio IS NULL OR ${schoon('regio', 100)})` : 'true'}
      AND periode = ANY(${perioden(jaar)})
      AND translate(aantal, '123456789', '000000000') = ANY(${vormen(10)}) AND translate(aantal, '0.,', '') <> ''
      AND translate(bedrag, '123456789', '000000000') = ANY(${vormen(13)}))`;
}

/**
 * Turns the raw lines into the staged lines (realisatie_regels + realisatie_sleutel_bron) when every
 * one is a plain line (gewoneRegelSql); returns false, writing nothing, when any is not.
 */
export async function ruwNaarRegels(t: Queryable, jaar: number, heeftRegio: boolean): Promise<boolean> {
  const regio = heeftRegio ? 'r.regio' : 'NULL::text';
  // one scan: the distinct keys, and per key whether all its lines are plain
  await t.query(
    `CREATE TEMP TABLE realisatie_ruw_sleutel ON COMMIT DROP AS
     SELECT aanbieder, prestatie, regio, bool_and(ok) AS ok FROM (
       SELECT r.aanbieder, r.prestatie, ${regio} AS regio, ${gewoneRegelSql(jaar, heeftRegio)} AS ok
         FROM realisatie_ruw r) x
      GROUP BY 1, 2, 3`,
    [KORT],
  );
  const ok = await t.one<{ ok: boolean }>('SELECT coalesce(bool_and(ok), true) AS ok FROM realisatie_ruw_sleutel');
  if (!ok.ok) return false;
  await t.exec(`INSERT INTO realisatie_sleutel_bron (sleutel, aanbieder, prestatie, regio)
    SELECT row_number() OVER (), aanbieder, prestatie, regio FROM realisatie_ruw_sleutel`);
  // The staged lines become a view on the raw lines (not a second copy of the file): the checks read
  // them in their own scans, converting only the columns they use.
  await t.exec(`DROP TABLE realisatie_regels CASCADE;
    CREATE TEMP VIEW realisatie_regels AS
    SELECT r.regel, r.client, k.sleutel, substr(r.periode, 6, 2)::int AS maand,
           replace(r.aantal, ',', '.')::numeric(14,2) AS aantal, replace(r.bedrag, ',', '.')::numeric(16,2) AS bedrag
      FROM realisatie_ruw r JOIN realisatie_sleutel_bron k
        ON k.aanbieder = r.aanbieder AND k.prestatie = r.prestatie AND coalesce(k.regio, '') = coalesce(${regio}, '');
    ${STAGING_VIEW}`);
  return true;
}

/** Number of raw lines staged. */
export async function ruwAantal(t: Queryable): Promise<number> {
  return (await t.one<{ n: number }>('SELECT count(*)::int AS n FROM realisatie_ruw')).n;
}

/** COPY text format: backslash, tab and line breaks escaped (a field never holds a line break). */
const copyVeld = (s: string) =>
  /[\\\t\r\n]/.test(s) ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\r/g, '\\r').replace(/\n/g, '\\n') : s;

/** At most this many distinct keys are remembered; past it a key may get a second number (still correct, see controleer). */
const MAX_SLEUTELS = 100_000;

/**
 * Writes parsed batches into the staging tables as COPY text, straight from the parsed lines (no
 * row arrays, no CSV quoting per cell). Memory: one batch of text plus at most MAX_SLEUTELS keys.
 */
export class StagingSchrijver {
  private sleutels = new Map<string, number>();
  private volgende = 1;
  constructor(private readonly t: Queryable) {}

  async laad(regels: DeclaratieRegel[], fouten: RegelFout[]): Promise<void> {
    let tekst = '';
    let nieuw = '';
    for (const r of regels) {
      // a field never contains a line break, so '\n' separates the parts unambiguously
      const k = r.regio === null ? r.aanbieder + '\n' + r.prestatie : r.aanbieder + '\n' + r.prestatie + '\n' + r.regio;
      let id = this.sleutels.get(k);
      if (id === undefined) {
        if (this.sleutels.size >= MAX_SLEUTELS) this.sleutels.clear();
        id = this.volgende++;
        this.sleutels.set(k, id);
        nieuw += `${id}\t${copyVeld(r.aanbieder)}\t${copyVeld(r.prestatie)}\t${r.regio === null ? '\\N' : copyVeld(r.regio)}\n`;
      }
      tekst += `${r.regel}\t${copyVeld(r.client)}\t${id}\t${r.maand}\t${r.aantal}\t${r.bedrag}\n`;
    }
    if (nieuw) await this.t.copyText('realisatie_sleutel_bron', ['sleutel', 'aanbieder', 'prestatie', 'regio'], nieuw);
    if (tekst)
      await this.t.copyText('realisatie_regels', ['regel', 'client', 'sleutel', 'maand', 'aantal', 'bedrag'], tekst);
    if (fouten.length)
      await this.t.copyInto(
        'realisatie_staging_fout',
        ['regel', 'veld', 'reden'],
        fouten.map((f) => [f.regel, f.veld, f.reden]),
      );
  }
}

/**
 * Checks every staged line against the reference data and the agreements, in SQL, and stores the
 * outcome in `realisatie_gecontroleerd` (temp) plus reasons in `realisatie_staging_fout`.
 * `zorgkantoorId`: when set, lines outside the regions this zorgkantoor holds in `jaar` are refused.
 */
/** The year's agreements (read through budget's index.ts) as a temporary table to join on. */
export async function laadAfspraken(t: Queryable, afspraken: AfspraakPrijsInvoer[]): Promise<void> {
  await t.query(
    `CREATE TEMP TABLE realisatie_afspraak_prijs ON COMMIT DROP AS
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::numeric[]) AS x(organisatie_id, prestatie_code, regio_code, prijs)`,
    [
      afspraken.map((a) => a.organisatie_id),
      afspraken.map((a) => a.prestatie_code),
      afspraken.map((a) => a.regio_code),
      afspraken.map((a) => a.prijs),
    ],
  );
}

/** A provider by id or AGB (the id wins when both match): the key the file's aanbieder column is read with. */
const ORG_SLEUTEL = `org AS (
       SELECT DISTINCT ON (sleutel) sleutel, id FROM (
         SELECT id AS sleutel, id, 0 AS voorrang FROM organisatie WHERE soort = 'zorgaanbieder'
         UNION ALL
         SELECT agb, id, 1 FROM organisatie WHERE soort = 'zorgaanbieder' AND agb IS NOT NULL AND agb <> ''
       ) x ORDER BY sleutel, voorrang
     )`;

/**
 * The fast path for a file without refusals (the usual case). Checks the distinct
 * (aanbieder, prestatie, regio) keys once against the reference data — a few thousand rows, not a
 * row per line — then, in one scan of the lines, the amounts against agreed price and NZa maximum,
 * and in a second the duplicates. Returns the number of lines when every line is valid (the monthly
 * sums are then in `realisatie_som`); null when any line is refused or the keys are ambiguous
 * (two keys for one provider × prestatie): then `controleer` gives every line its reasons, as before.
 */
export async function snelleControle(t: Queryable, jaar: number, zorgkantoorId: string | null): Promise<number | null> {
  const voor = await t.one<{ fouten: boolean }>('SELECT EXISTS (SELECT 1 FROM realisatie_staging_fout) AS fouten');
  if (voor.fouten) return null;
  await t.query(
    `CREATE TEMP TABLE realisatie_sleutel_check ON COMMIT DROP AS
     WITH ${ORG_SLEUTEL},
     ap AS (
       SELECT organisatie_id, prestatie_code, count(*) AS regios, min(regio_code) AS regio_code, max(prijs) AS prijs
         FROM realisatie_afspraak_prijs GROUP BY 1, 2
     ),
     k AS (
       SELECT k.sleutel, k.prestatie, k.regio AS regio_opgegeven, o.id AS organisatie_id, (p.code IS NOT NULL) AS prestatie_bekend,
              CASE WHEN k.regio IS NOT NULL THEN ar.regio_code WHEN a.regios = 1 THEN a.regio_code END AS regio_code,
              coalesce(a.regios, 0) AS regios,
              (CASE WHEN k.regio IS NOT NULL THEN ar.prijs ELSE a.prijs END) AS prijs,
              (nt.tarief + coalesce(nt.nhc, 0) + coalesce(nt.nic, 0)) AS nza_max
         FROM realisatie_sleutel_bron k
         LEFT JOIN org o ON o.sleutel = k.aanbieder
         LEFT JOIN prestatie p ON p.code = k.prestatie
         LEFT JOIN ap a ON a.organisatie_id = o.id AND a.prestatie_code = k.prestatie
         LEFT JOIN realisatie_afspraak_prijs ar ON k.regio IS NOT NULL AND ar.organisatie_id = o.id AND ar.prestatie_code = k.prestatie AND ar.regio_code = k.regio
         LEFT JOIN nza_tarief nt ON nt.prestatie_code = k.prestatie AND nt.jaar = $1
     )
     -- the same reasons as controleer(), per key instead of per line (the amount and duplicate checks are per line, below)
     SELECT k.sleutel, k.prestatie, k.organisatie_id, k.regio_code, k.prijs, k.nza_max,
            (k.organisatie_id IS NULL OR NOT k.prestatie_bekend OR k.regios = 0 OR k.regio_code IS NULL
             OR ($2::text IS NOT NULL AND NOT EXISTS (
                   SELECT 1 FROM regio_concessie c WHERE c.jaar = $1 AND c.organisatie_id = $2::text AND c.regio_code = k.regio_code))) AS fout
       FROM k`,
    [jaar, zorgkantoorId],
  );
  const sleutels = await t.one<{ fout: boolean }>(
    `SELECT (EXISTS (SELECT 1 FROM realisatie_sleutel_check WHERE fout)
             OR EXISTS (SELECT 1 FROM realisatie_sleutel_check GROUP BY organisatie_id, prestatie HAVING count(*) > 1)) AS fout`,
  );
  if (sleutels.fout) return null;
  // no ANALYZE here: both scans below are plain aggregates over the staged lines (the join is to the
  // small key table), whose plan does not depend on statistics; ANALYZE cost a fifth of the checks
  // one scan: monthly sums per key (one client per line: duplicates are excluded below) and the
  // lines above agreed price or NZa maximum
  await t.exec(
    `CREATE TEMP TABLE realisatie_som ON COMMIT DROP AS
     SELECT r.sleutel, r.maand, count(*)::int AS n, sum(r.aantal) AS volume, sum(r.bedrag) AS bedrag,
            count(*) FILTER (WHERE (k.prijs IS NOT NULL AND r.bedrag > round(r.aantal * k.prijs, 2))
                               OR (k.nza_max IS NOT NULL AND r.bedrag > round(r.aantal * k.nza_max, 2)))::int AS te_hoog
       FROM realisatie_regels r JOIN realisatie_sleutel_check k ON k.sleutel = r.sleutel
      GROUP BY 1, 2`,
  );
  const som = await t.one<{ n: number; te_hoog: number }>(
    'SELECT coalesce(sum(n), 0)::int AS n, coalesce(sum(te_hoog), 0)::int AS te_hoog FROM realisatie_som',
  );
  if (som.te_hoog > 0) return null;
  // duplicates (same client, provider, prestatie and month): with one key per provider × prestatie
  // this is a repeat of (key, month, client)
  const dubbel = await t.one<{ d: boolean }>(
    'SELECT EXISTS (SELECT 1 FROM realisatie_regels GROUP BY sleutel, maand, client HAVING count(*) > 1) AS d',
  );
  return dubbel.d ? null : som.n;
}

/** controleer() with the agreements given (kept for callers that check in one step). */
export async function controleer(
  t: Queryable,
  jaar: number,
  zorgkantoorId: string | null,
  afspraken?: AfspraakPrijsInvoer[],
): Promise<void> {
  if (afspraken) await laadAfspraken(t, afspraken);
  // on the straight path the staged lines are a view on realisatie_ruw: analyse what holds the lines
  const v = await t.one<{ tabel: string }>(
    `SELECT CASE WHEN to_regclass('pg_temp.realisatie_ruw') IS NULL THEN 'realisatie_regels' ELSE 'realisatie_ruw' END AS tabel`,
  );
  await t.exec(`ANALYZE ${v.tabel}`);
  // One pass: every staged line is joined once to the reference data, and its reasons for refusal
  // (veld|reden, none = valid) are computed in the same row; the realisation is written from this
  // table. (Was: a full copy of the file plus nine scans of it, one per reason.)
  await t.query(
    `CREATE TEMP TABLE realisatie_gecontroleerd ON COMMIT DROP AS
     WITH ${ORG_SLEUTEL},
     ap_regio AS (SELECT organisatie_id, prestatie_code, regio_code, prijs FROM realisatie_afspraak_prijs),
     ap AS (
       SELECT organisatie_id, prestatie_code, count(*) AS regios, min(regio_code) AS regio_code, max(prijs) AS prijs
         FROM ap_regio GROUP BY 1, 2
     ),
     dubbel AS (
       SELECT client, aanbieder, prestatie, maand, min(regel) AS eerste
         FROM realisatie_staging GROUP BY 1, 2, 3, 4 HAVING count(*) > 1
     ),
     concessie AS (
       SELECT DISTINCT regio_code FROM regio_concessie WHERE jaar = $1 AND organisatie_id = $2::text
     ),
     g AS (
       SELECT s.regel, s.client, s.prestatie, s.maand, s.aantal, s.bedrag, s.regio AS regio_opgegeven,
              o.id AS organisatie_id,
              (p.code IS NOT NULL) AS prestatie_bekend,
              CASE WHEN s.regio IS NOT NULL THEN ar.regio_code WHEN a.regios = 1 THEN a.regio_code END AS regio_code,
              coalesce(a.regios, 0) AS regios,
              (CASE WHEN s.regio IS NOT NULL THEN ar.prijs ELSE a.prijs END) AS prijs,
              (nt.tarief + coalesce(nt.nhc, 0) + coalesce(nt.nic, 0)) AS nza_max,
              coalesce(d.eerste, s.regel) AS eerste
         FROM realisatie_staging s
         -- duplicates by hash aggregate (no sort of the whole file): the first line of each repeated key
         LEFT JOIN dubbel d ON d.client = s.client AND d.aanbieder = s.aanbieder AND d.prestatie = s.prestatie AND d.maand = s.maand
         LEFT JOIN org o ON o.sleutel = s.aanbieder
         LEFT JOIN prestatie p ON p.code = s.prestatie
         LEFT JOIN ap a ON a.organisatie_id = o.id AND a.prestatie_code = s.prestatie
         LEFT JOIN ap_regio ar ON s.regio IS NOT NULL AND ar.organisatie_id = o.id AND ar.prestatie_code = s.prestatie AND ar.regio_code = s.regio
         LEFT JOIN nza_tarief nt ON nt.prestatie_code = s.prestatie AND nt.jaar = $1
     )
     SELECT g.regel, g.client, g.prestatie, g.maand, g.aantal, g.bedrag, g.organisatie_id, g.regio_code,
            nullif(array_remove(ARRAY[
              CASE WHEN g.organisatie_id IS NULL
                THEN 'aanbieder|onbekende zorgaanbieder (gebruik de organisatie-id of de AGB-code)' END,
              CASE WHEN NOT g.prestatie_bekend THEN 'prestatie|onbekende prestatie' END,
              CASE WHEN g.organisatie_id IS NOT NULL AND g.prestatie_bekend AND g.regios = 0
                THEN 'prestatie|geen productieafspraak ' || $1::int || ' voor deze aanbieder en prestatie' END,
              CASE WHEN g.regio_opgegeven IS NOT NULL AND g.regios > 0 AND g.regio_code IS NULL
                THEN 'regio|geen productieafspraak ' || $1::int || ' in regio ' || g.regio_opgegeven || ' voor deze aanbieder en prestatie' END,
              CASE WHEN g.regio_opgegeven IS NULL AND g.regios > 1
                THEN 'regio|de aanbieder heeft voor deze prestatie afspraken in ' || g.regios || ' regio''s; voeg de kolom regio toe' END,
              CASE WHEN g.prijs IS NOT NULL AND g.regio_code IS NOT NULL AND g.bedrag > round(g.aantal * g.prijs, 2)
                THEN 'bedrag|bedrag ' || g.bedrag || ' ligt boven aantal × afgesproken prijs (' || round(g.aantal * g.prijs, 2) || ')' END,
              CASE WHEN g.nza_max IS NOT NULL AND g.bedrag > round(g.aantal * g.nza_max, 2)
                THEN 'bedrag|bedrag ' || g.bedrag || ' ligt boven aantal × NZa-maximumtarief (' || round(g.aantal * g.nza_max, 2) || ')' END,
              CASE WHEN g.regel <> g.eerste
                THEN '(regel)|dubbele regel: zelfde cliënt, aanbieder, prestatie en periode als regel ' || g.eerste END,
              CASE WHEN $2::text IS NOT NULL AND g.regio_code IS NOT NULL AND c.regio_code IS NULL
                THEN 'regio|regio ' || g.regio_code || ' hoort in ' || $1::int || ' niet bij uw zorgkantoor' END
            ]::text[], NULL), '{}') AS fouten
       FROM g LEFT JOIN concessie c ON c.regio_code = g.regio_code`,
    [jaar, zorgkantoorId],
  );
  // veld never contains '|'; the reason may (it can quote the file's regio)
  await t.exec(
    `INSERT INTO realisatie_staging_fout (regel, veld, reden)
     SELECT g.regel, split_part(f, '|', 1), substr(f, strpos(f, '|') + 1)
       FROM realisatie_gecontroleerd g CROSS JOIN LATERAL unnest(g.fouten) AS f
      WHERE g.fouten IS NOT NULL`,
  );
}

export interface Telling {
  regels: number;
  geweigerd: number;
}

export async function telling(t: Queryable): Promise<Telling> {
  return t.one<Telling>(
    `SELECT (SELECT count(*) FROM realisatie_staging)::int + (SELECT count(DISTINCT regel) FROM realisatie_staging_fout f
              WHERE NOT EXISTS (SELECT 1 FROM realisatie_staging s WHERE s.regel = f.regel))::int AS regels,
            (SELECT count(DISTINCT regel) FROM realisatie_staging_fout)::int AS geweigerd`,
  );
}

export async function nieuweImport(
  t: Queryable,
  r: Omit<ImportRow, 'id' | 'geimporteerd_op' | 'perioden' | 'geladen'>,
): Promise<string> {
  const row = await t.one<{ id: string }>(
    `INSERT INTO realisatie_import (jaar, bestandsnaam, sha256, modus, status, regels, geladen, geweigerd, perioden, organisatie_id, gebruiker_id)
     VALUES ($1,$2,$3,$4,$5,$6,0,$7,0,$8,$9) RETURNING id`,
    [r.jaar, r.bestandsnaam, r.sha256, r.modus, r.status, r.regels, r.geweigerd, r.organisatie_id, r.gebruiker_id],
  );
  return row.id;
}

export async function bewaarFouten(t: Queryable, importId: string): Promise<void> {
  await t.query(
    `INSERT INTO realisatie_import_fout (import_id, regel, veld, reden)
     SELECT $1, regel, veld, reden FROM realisatie_staging_fout ORDER BY regel, veld`,
    [importId],
  );
}

/** Empties the periods (region × provider × month) listed in the temp table realisatie_sleutel: a file replaces them whole. */
async function leegPerioden(t: Queryable, jaar: number): Promise<void> {
  await t.query(
    `DELETE FROM realisatie r USING realisatie_sleutel k
      WHERE r.jaar = $1 AND r.regio_code = k.regio_code AND r.organisatie_id = k.organisatie_id AND r.maand = k.maand`,
    [jaar],
  );
}

/**
 * Records that this import now owns the periods in realisatie_sleutel, and its counts
 * (`geladenSql` counts the lines loaded). Returns (lines loaded, periods replaced).
 */
async function legPeriodenVast(
  t: Queryable,
  jaar: number,
  importId: string,
  geladenSql: string,
): Promise<{ geladen: number; perioden: number }> {
  await t.query(
    `INSERT INTO realisatie_periode (jaar, regio_code, organisatie_id, maand, import_id)
     SELECT $1, regio_code, organisatie_id, maand, $2 FROM realisatie_sleutel
     ON CONFLICT (jaar, regio_code, organisatie_id, maand) DO UPDATE SET import_id = EXCLUDED.import_id`,
    [jaar, importId],
  );
  const n = await t.one<{ geladen: number; perioden: number }>(
    `SELECT (${geladenSql})::int AS geladen, (SELECT count(*) FROM realisatie_sleutel)::int AS perioden`,
  );
  await t.query('UPDATE realisatie_import SET geladen = $2, perioden = $3 WHERE id = $1', [
    importId,
    n.geladen,
    n.perioden,
  ]);
  return n;
}

/**
 * Writes the valid lines: the periods (year × region × provider × month) this file contains are
 * replaced as a whole by the file's aggregate. Returns (lines loaded, periods replaced).
 */
export async function schrijfRealisatie(
  t: Queryable,
  jaar: number,
  importId: string,
): Promise<{ geladen: number; perioden: number }> {
  // the valid checked lines (lines refused while reading never reached the staging table)
  const geldig = '(SELECT * FROM realisatie_gecontroleerd WHERE fouten IS NULL) AS geldig';
  await t.exec(`CREATE TEMP TABLE realisatie_sleutel ON COMMIT DROP AS
    SELECT DISTINCT regio_code, organisatie_id, maand FROM ${geldig}`);
  await leegPerioden(t, jaar);
  // clients counted once per period and prestatie: aggregate per client first (hash), then per key
  await t.query(
    `INSERT INTO realisatie (jaar, maand, regio_code, organisatie_id, prestatie_code, clienten, volume, bedrag)
     SELECT $1, maand, regio_code, organisatie_id, prestatie, count(*), sum(aantal), sum(bedrag)
       FROM (SELECT maand, regio_code, organisatie_id, prestatie, client, sum(aantal) AS aantal, sum(bedrag) AS bedrag
               FROM ${geldig} GROUP BY 1, 2, 3, 4, 5) per_client
      GROUP BY maand, regio_code, organisatie_id, prestatie`,
    [jaar],
  );
  return legPeriodenVast(t, jaar, importId, `SELECT count(*) FROM ${geldig}`);
}

/**
 * Writes a file that passed snelleControle: per period the file's monthly sums replace what was
 * there (one aggregation level: one client per line, so lines = clients). Returns (lines, periods).
 */
export async function schrijfSnel(
  t: Queryable,
  jaar: number,
  importId: string,
): Promise<{ geladen: number; perioden: number }> {
  await t.exec(`CREATE TEMP TABLE realisatie_sleutel ON COMMIT DROP AS
    SELECT DISTINCT k.regio_code, k.organisatie_id, s.maand FROM realisatie_som s JOIN realisatie_sleutel_check k ON k.sleutel = s.sleutel`);
  await leegPerioden(t, jaar);
  await t.query(
    `INSERT INTO realisatie (jaar, maand, regio_code, organisatie_id, prestatie_code, clienten, volume, bedrag)
     SELECT $1, s.maand, k.regio_code, k.organisatie_id, k.prestatie, s.n, s.volume, s.bedrag
       FROM realisatie_som s JOIN realisatie_sleutel_check k ON k.sleutel = s.sleutel`,
    [jaar],
  );
  return legPeriodenVast(t, jaar, importId, 'SELECT coalesce(sum(n), 0) FROM realisatie_som');
}

/** The first rejected lines, for a message. */
export async function eersteFouten(t: Queryable, n: number): Promise<FoutRow[]> {
  return t.query<FoutRow>('SELECT regel, veld, reden FROM realisatie_staging_fout ORDER BY regel, veld LIMIT $1', [n]);
}

export async function importVan(t: Queryable, id: string): Promise<ImportRow | undefined> {
  return t.maybeOne<ImportRow>('SELECT * FROM realisatie_import WHERE id = $1', [id]);
}

export async function foutenVan(t: Queryable, importId: string): Promise<FoutRow[]> {
  return t.query<FoutRow>(
    'SELECT regel, veld, reden FROM realisatie_import_fout WHERE import_id = $1 ORDER BY regel, veld',
    [importId],
  );
}

export interface RealisatieRow {
  jaar: number;
  maand: number;
  regio_code: string;
  organisatie_id: string;
  prestatie_code: string;
  clienten: number;
  volume: string;
  bedrag: string;
}

export async function realisatieVan(t: Queryable, jaar: number, organisatieId?: string): Promise<RealisatieRow[]> {
  return t.query<RealisatieRow>(
    `SELECT jaar, maand, regio_code, organisatie_id, prestatie_code, clienten, volume, bedrag FROM realisatie
      WHERE jaar = $1 AND ($2::text IS NULL OR organisatie_id = $2)
      ORDER BY regio_code, organisatie_id, prestatie_code, maand`,
    [jaar, organisatieId ?? null],
  );
}

export interface MaandBedragRow {
  organisatie_id: string;
  jaar: number;
  maand: number;
  bedrag: string;
}

/**
 * Realised amount per provider × year × month in one region, for `jaar` and up to 3 years before,
 * read from the monitoring aggregate `realisatie_maand` (a few rows per provider and month instead of
 * one per prestatie). Same rows, same text as `maandbedragenUitRealisatie`.
 */
export async function maandbedragen(
  t: Queryable,
  regio: string,
  jaar: number,
  organisatieId: string | null,
  sector: string | null = null,
): Promise<MaandBedragRow[]> {
  return t.query<MaandBedragRow>(
    `SELECT organisatie_id, jaar, maand, sum(bedrag)::text AS bedrag FROM realisatie_maand
      WHERE regio_code = $1 AND jaar BETWEEN $2::int - 3 AND $2::int AND ($3::text IS NULL OR organisatie_id = $3)
        AND ($4::text IS NULL OR sector = $4)
      GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    [regio, jaar, organisatieId, sector],
  );
}

/**
 * The same figures straight from `realisatie` (the computation the monitor used before the
 * aggregate): the test oracle for `maandbedragen`.
 */
export async function maandbedragenUitRealisatie(
  t: Queryable,
  regio: string,
  jaar: number,
  organisatieId: string | null,
  sector: string | null = null,
): Promise<MaandBedragRow[]> {
  return t.query<MaandBedragRow>(
    `SELECT r.organisatie_id, r.jaar, r.maand, sum(r.bedrag)::text AS bedrag FROM realisatie r
      WHERE r.regio_code = $1 AND r.jaar BETWEEN $2::int - 3 AND $2::int AND ($3::text IS NULL OR r.organisatie_id = $3)
        AND ($4::text IS NULL OR EXISTS (SELECT 1 FROM prestatie p WHERE p.code = r.prestatie_code AND p.sector = $4))
      GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    [regio, jaar, organisatieId, sector],
  );
}

// ------------------------------------------------------------------ monitoring aggregate

/** What `realisatie_maand` holds for a period, as a fresh GROUP BY of `realisatie` gives it. */
const AGGREGAAT_SELECT = `SELECT r.regio_code, r.jaar, r.organisatie_id, p.sector, r.maand, count(*)::int, sum(r.bedrag)
  FROM realisatie r JOIN prestatie p ON p.code = r.prestatie_code`;

/**
 * Brings the monitoring aggregate up to date for the periods (year × region × provider × month) the
 * import `importId` wrote, in the import's transaction: each period's aggregate rows are replaced by
 * a fresh sum of its realisatie rows. Call after the realisation and `realisatie_periode` are written.
 */
export async function werkMonitorAggregaatBij(t: Queryable, jaar: number, importId: string): Promise<void> {
  await t.query(
    `DELETE FROM realisatie_maand m USING realisatie_periode k
      WHERE k.import_id = $2 AND k.jaar = $1
        AND m.jaar = k.jaar AND m.regio_code = k.regio_code AND m.organisatie_id = k.organisatie_id AND m.maand = k.maand`,
    [jaar, importId],
  );
  await t.query(
    `INSERT INTO realisatie_maand (regio_code, jaar, organisatie_id, sector, maand, regels, bedrag)
     ${AGGREGAAT_SELECT}
       JOIN realisatie_periode k ON k.jaar = r.jaar AND k.regio_code = r.regio_code AND k.organisatie_id = r.organisatie_id AND k.maand = r.maand
      WHERE k.import_id = $2 AND k.jaar = $1
      GROUP BY 1, 2, 3, 4, 5`,
    [jaar, importId],
  );
}

/**
 * Rebuilds the monitoring aggregate from `realisatie` (all of it, or one year): after a bulk load
 * that wrote `realisatie` directly (the demo data) and in tests that do.
 */
export async function vernieuwMonitorAggregaat(t: Queryable, jaar: number | null = null): Promise<void> {
  await t.query('DELETE FROM realisatie_maand WHERE $1::int IS NULL OR jaar = $1', [jaar]);
  await t.query(
    `INSERT INTO realisatie_maand (regio_code, jaar, organisatie_id, sector, maand, regels, bedrag)
     ${AGGREGAAT_SELECT} WHERE $1::int IS NULL OR r.jaar = $1 GROUP BY 1, 2, 3, 4, 5`,
    [jaar],
  );
}

export interface AggregaatVerschilRow {
  regio_code: string;
  jaar: number;
  organisatie_id: string;
  sector: string;
  maand: number;
  opgeslagen: string | null;
  vers: string | null;
}

/** Every row where the stored aggregate differs from a fresh GROUP BY of `realisatie` (empty: equal). */
export async function monitorAggregaatVerschillen(t: Queryable): Promise<AggregaatVerschilRow[]> {
  return t.query<AggregaatVerschilRow>(
    `WITH v (regio_code, jaar, organisatie_id, sector, maand, regels, bedrag) AS (${AGGREGAAT_SELECT} GROUP BY 1, 2, 3, 4, 5)
     SELECT coalesce(m.regio_code, v.regio_code) AS regio_code, coalesce(m.jaar, v.jaar) AS jaar,
            coalesce(m.organisatie_id, v.organisatie_id) AS organisatie_id, coalesce(m.sector, v.sector) AS sector,
            coalesce(m.maand, v.maand) AS maand, m.regels || ':' || m.bedrag AS opgeslagen, v.regels || ':' || v.bedrag AS vers
       FROM realisatie_maand m FULL JOIN v
         ON v.regio_code = m.regio_code AND v.jaar = m.jaar AND v.organisatie_id = m.organisatie_id AND v.sector = m.sector AND v.maand = m.maand
      WHERE m.regio_code IS NULL OR v.regio_code IS NULL OR m.regels <> v.regels OR m.bedrag <> v.bedrag
      ORDER BY 1, 2, 3, 4, 5`,
  );
}

/** reference: does this zorgkantoor hold the concession for the region in the year? */
export async function heeftConcessie(
  t: Queryable,
  organisatieId: string,
  regio: string,
  jaar: number,
): Promise<boolean> {
  return !!(await t.maybeOne<{ x: number }>(
    'SELECT 1 AS x FROM regio_concessie WHERE organisatie_id = $1 AND regio_code = $2 AND jaar = $3',
    [organisatieId, regio, jaar],
  ));
}

/** Agreement price per provider × prestatie × region of a year, as budget's index.ts gives it. */
export interface AfspraakPrijsInvoer {
  organisatie_id: string;
  prestatie_code: string;
  regio_code: string;
  prijs: string;
}

// ---- reads for other capabilities (exported through src/realisatie/index.ts)

export interface RealisatieMixRow {
  organisatie_id: string;
  prestatie_code: string;
  bedrag: string;
  volume: string;
}

/** Realised amount and volume per provider × prestatie of a region, year and sector. */
export async function realisatiePerAanbiederPrestatie(
  q: Queryable,
  regio: string,
  jaar: number,
  sector: string,
): Promise<RealisatieMixRow[]> {
  return q.query<RealisatieMixRow>(
    `SELECT r.organisatie_id, r.prestatie_code, sum(r.bedrag)::numeric(16,2)::text AS bedrag, sum(r.volume)::numeric(14,2)::text AS volume
       FROM realisatie r JOIN prestatie p ON p.code = r.prestatie_code
      WHERE r.regio_code = $1 AND r.jaar = $2 AND p.sector = $3
      GROUP BY 1, 2 ORDER BY 1, 2`,
    [regio, jaar, sector],
  );
}

export interface RealisatieRegioSectorRow {
  jaar: number;
  regio_code: string;
  sector: string;
  bedrag: string;
}

/** The latest year with realisation: its total per region × sector (empty when there is none). */
export async function realisatieLaatsteJaar(q: Queryable): Promise<RealisatieRegioSectorRow[]> {
  return q.query<RealisatieRegioSectorRow>(
    `WITH rj AS (SELECT max(jaar) AS j FROM realisatie)
     SELECT rj.j AS jaar, r.regio_code, p.sector, sum(r.bedrag)::numeric(16,2)::text AS bedrag
       FROM realisatie r JOIN prestatie p ON p.code = r.prestatie_code, rj
      WHERE r.jaar = rj.j GROUP BY 1, 2, 3 ORDER BY 2, 3`,
  );
}

// ------------------------------------------------------------------ herschikkingsrondes

export interface RondeRow {
  id: string;
  zorgkantoor_id: string;
  regio_code: string;
  jaar: number;
  sector: string;
  volgnummer: number;
  peilmaand: number;
  status: 'voorgesteld' | 'besloten' | 'afgewezen';
  pool_voor: string;
  pool_na: string;
  invoer: unknown;
  voorstel: unknown;
  toelichting: string | null;
  voorbereid_door: string[];
  aangemaakt_naam: string;
  aangemaakt_op: Date;
  aangepast_naam: string | null;
  aangepast_op: Date | null;
  besloten_naam: string | null;
  besloten_op: Date | null;
  besluit_toelichting: string | null;
}

export interface RondeRegelRow {
  organisatie_id: string;
  naam: string;
  afspraak: string;
  gerealiseerd: string;
  prognose: string;
  prioriteit: number;
  voorgesteld: string;
  na: string;
  toegepast: string | null;
  toelichting: string | null;
  maximum: string | null;
  maximum_bindt: boolean;
  /** where the maximum came from: a stored budget ceiling, stored capacity, or typed by the purchaser */
  maximum_bron: 'budgetplafond' | 'capaciteit' | 'inkoper' | null;
  /** the source named (scenario, rule) */
  maximum_uitleg: string | null;
  /** the opslag (percent) the purchaser proposes to grant at this herschikking */
  opslag: string | null;
  opslag_motivatie: string | null;
  /** the opslag granted in the price by the decision (cumulative percent) */
  opslag_toegekend: string | null;
}

const RONDE_SELECT = `SELECT id, zorgkantoor_id, regio_code, jaar, sector, volgnummer, peilmaand, status, pool_voor::text, pool_na::text,
  invoer, voorstel, toelichting, voorbereid_door, aangemaakt_naam, aangemaakt_op, aangepast_naam, aangepast_op, besloten_naam,
  besloten_op, besluit_toelichting FROM herschikkingsronde`;

export async function rondeLaden(t: Queryable, id: string, voorUpdate = false): Promise<RondeRow | undefined> {
  return t.maybeOne<RondeRow>(`${RONDE_SELECT} WHERE id = $1${voorUpdate ? ' FOR UPDATE' : ''}`, [id]);
}

/** Rounds of a year; regions null = all; aanbieder: only rounds in which that provider has a line. */
export async function rondesZoeken(
  t: Queryable,
  f: { jaar: number; regios: string[] | null; regio: string | null; aanbieder: string | null },
): Promise<RondeRow[]> {
  return t.query<RondeRow>(
    `${RONDE_SELECT} WHERE jaar = $1 AND ($2::text[] IS NULL OR regio_code = ANY($2)) AND ($3::text IS NULL OR regio_code = $3)
       AND ($4::text IS NULL OR EXISTS (SELECT 1 FROM herschikkingsronde_regel g WHERE g.ronde_id = herschikkingsronde.id AND g.organisatie_id = $4))
     ORDER BY regio_code, sector, volgnummer`,
    [f.jaar, f.regios, f.regio, f.aanbieder],
  );
}

export async function rondeRegels(
  t: Queryable,
  rondeId: string,
  aanbieder: string | null = null,
): Promise<RondeRegelRow[]> {
  return t.query<RondeRegelRow>(
    `SELECT g.organisatie_id, o.naam, g.afspraak::text, g.gerealiseerd::text, g.prognose::text, g.prioriteit, g.voorgesteld::text,
            g.na::text, g.toegepast::text, g.toelichting, g.maximum::text, g.maximum_bindt, g.maximum_bron, g.maximum_uitleg, g.opslag::text,
            g.opslag_motivatie, g.opslag_toegekend::text
       FROM herschikkingsronde_regel g JOIN organisatie o ON o.id = g.organisatie_id
      WHERE g.ronde_id = $1 AND ($2::text IS NULL OR g.organisatie_id = $2) ORDER BY g.organisatie_id`,
    [rondeId, aanbieder],
  );
}

export async function rondesTellen(
  t: Queryable,
  regio: string,
  jaar: number,
  sector: string,
): Promise<{ n: number; open: number }> {
  return t.one<{ n: number; open: number }>(
    `SELECT count(*) FILTER (WHERE status <> 'afgewezen')::int AS n, count(*) FILTER (WHERE status = 'voorgesteld')::int AS open,
            coalesce(max(volgnummer), 0)::int AS laatste
       FROM herschikkingsronde WHERE regio_code = $1 AND jaar = $2 AND sector = $3`,
    [regio, jaar, sector],
  );
}

export async function laatsteVolgnummer(t: Queryable, regio: string, jaar: number, sector: string): Promise<number> {
  const r = await t.one<{ n: number }>(
    'SELECT coalesce(max(volgnummer), 0)::int AS n FROM herschikkingsronde WHERE regio_code = $1 AND jaar = $2 AND sector = $3',
    [regio, jaar, sector],
  );
  return r.n;
}

export async function rondeNieuw(
  t: Queryable,
  r: {
    zorgkantoorId: string;
    regio: string;
    jaar: number;
    sector: string;
    volgnummer: number;
    peilmaand: number;
    poolVoor: string;
    poolNa: string;
    invoer: unknown;
    voorstel: unknown;
    toelichting: string | null;
    door: string | null;
    doorNaam: string;
    op: Date;
  },
  regels: Omit<RondeRegelRow, 'naam' | 'toegepast' | 'opslag' | 'opslag_motivatie' | 'opslag_toegekend'>[],
): Promise<string> {
  const { id } = await t.one<{ id: string }>(
    `INSERT INTO herschikkingsronde (zorgkantoor_id, regio_code, jaar, sector, volgnummer, peilmaand, status, pool_voor, pool_na, invoer,
       voorstel, toelichting, voorbereid_door, aangemaakt_door, aangemaakt_naam, aangemaakt_op)
     VALUES ($1,$2,$3,$4,$5,$6,'voorgesteld',$7,$8,$9,$10,$11,$12,$13,$14,$15) RETURNING id`,
    [
      r.zorgkantoorId,
      r.regio,
      r.jaar,
      r.sector,
      r.volgnummer,
      r.peilmaand,
      r.poolVoor,
      r.poolNa,
      JSON.stringify(r.invoer),
      JSON.stringify(r.voorstel),
      r.toelichting,
      r.door ? [r.door] : [],
      r.door,
      r.doorNaam,
      r.op,
    ],
  );
  for (const g of regels)
    await t.query(
      `INSERT INTO herschikkingsronde_regel (ronde_id, organisatie_id, afspraak, gerealiseerd, prognose, prioriteit, voorgesteld, na, toelichting,
         maximum, maximum_bindt, maximum_bron, maximum_uitleg)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)`,
      [
        id,
        g.organisatie_id,
        g.afspraak,
        g.gerealiseerd,
        g.prognose,
        g.prioriteit,
        g.voorgesteld,
        g.na,
        g.toelichting,
        g.maximum,
        g.maximum_bindt,
        g.maximum_bron,
        g.maximum_uitleg,
      ],
    );
  return id;
}

export async function rondeAanpassen(
  t: Queryable,
  id: string,
  poolNa: string,
  regels: {
    organisatie_id: string;
    na: string;
    toelichting: string | null;
    /** undefined: unchanged; null: no opslag */
    opslag?: { percentage: string; motivatie: string | null } | null;
  }[],
  door: string,
  doorNaam: string,
  op: Date,
) {
  for (const g of regels)
    await t.query(
      `UPDATE herschikkingsronde_regel SET na = $3, toelichting = coalesce($4, toelichting) WHERE ronde_id = $1 AND organisatie_id = $2`,
      [id, g.organisatie_id, g.na, g.toelichting],
    );
  for (const g of regels)
    if (g.opslag !== undefined)
      await t.query(
        'UPDATE herschikkingsronde_regel SET opslag = $3, opslag_motivatie = $4 WHERE ronde_id = $1 AND organisatie_id = $2',
        [id, g.organisatie_id, g.opslag?.percentage ?? null, g.opslag?.motivatie ?? null],
      );
  await t.query(
    `UPDATE herschikkingsronde SET pool_na = $2, aangepast_naam = $4, aangepast_op = $5,
       voorbereid_door = CASE WHEN $3 = ANY(voorbereid_door) THEN voorbereid_door ELSE array_append(voorbereid_door, $3) END
     WHERE id = $1`,
    [id, poolNa, door, doorNaam, op],
  );
}

export async function rondeBesloten(
  t: Queryable,
  id: string,
  b: {
    status: 'besloten' | 'afgewezen';
    door: string;
    doorNaam: string;
    op: Date;
    toelichting: string | null;
    poolNa: string | null;
    toegepast: { organisatie_id: string; bedrag: string; opslagToegekend?: string | null }[];
  },
) {
  for (const g of b.toegepast)
    await t.query(
      'UPDATE herschikkingsronde_regel SET toegepast = $3, opslag_toegekend = $4 WHERE ronde_id = $1 AND organisatie_id = $2',
      [id, g.organisatie_id, g.bedrag, g.opslagToegekend ?? null],
    );
  await t.query(
    `UPDATE herschikkingsronde SET status = $2, besloten_door = $3, besloten_naam = $4, besloten_op = $5, besluit_toelichting = $6,
       pool_na = coalesce($7, pool_na) WHERE id = $1`,
    [id, b.status, b.door, b.doorNaam, b.op, b.toelichting, b.poolNa],
  );
}

export async function rondesPerJaar(t: Queryable, zorgkantoor: string, jaar: number): Promise<number> {
  const r = await t.maybeOne<{ n: number }>(
    'SELECT rondes_per_jaar AS n FROM herschikking_instelling WHERE zorgkantoor_id = $1 AND jaar = $2',
    [zorgkantoor, jaar],
  );
  return r?.n ?? 2;
}

export async function zetRondesPerJaar(t: Queryable, zorgkantoor: string, jaar: number, n: number) {
  await t.query(
    `INSERT INTO herschikking_instelling (zorgkantoor_id, jaar, rondes_per_jaar) VALUES ($1, $2, $3)
     ON CONFLICT (zorgkantoor_id, jaar) DO UPDATE SET rondes_per_jaar = excluded.rondes_per_jaar`,
    [zorgkantoor, jaar, n],
  );
}

export interface BerichtRow {
  id: string;
  ronde_id: string;
  organisatie_id: string;
  regio_code: string;
  jaar: number;
  sector: string;
  voor: string;
  na: string;
  tekst: string;
  op: Date;
}

export async function berichtNieuw(
  t: Queryable,
  b: { rondeId: string; organisatieId: string; voor: string; na: string; tekst: string; op: Date },
) {
  await t.query(
    'INSERT INTO herschikking_bericht (ronde_id, organisatie_id, voor, na, tekst, op) VALUES ($1,$2,$3,$4,$5,$6)',
    [b.rondeId, b.organisatieId, b.voor, b.na, b.tekst, b.op],
  );
}

export async function berichtenVan(t: Queryable, organisatieId: string, jaar: number): Promise<BerichtRow[]> {
  return t.query<BerichtRow>(
    `SELECT b.id, b.ronde_id, b.organisatie_id, r.regio_code, r.jaar, r.sector, b.voor::text, b.na::text, b.tekst, b.op
       FROM herschikking_bericht b JOIN herschikkingsronde r ON r.id = b.ronde_id
      WHERE b.organisatie_id = $1 AND r.jaar = $2 ORDER BY b.op DESC`,
    [organisatieId, jaar],
  );
}

/** reference: the regions a zorgkantoor holds the concession for in a year. */
export async function concessieRegios(t: Queryable, organisatieId: string, jaar: number): Promise<string[]> {
  const rows = await t.query<{ regio_code: string }>(
    'SELECT regio_code FROM regio_concessie WHERE organisatie_id = $1 AND jaar = $2 ORDER BY regio_code',
    [organisatieId, jaar],
  );
  return rows.map((r) => r.regio_code);
}

// ───────────────────────────── Reads for other capabilities ─────────────────────────────

/** Count, months, volume and amount of the realisation that passes the filter (numeric(16,2) as text). */
export function realisatieTotalen(
  q: Queryable,
  f: { jaar: number; regio?: string | null; organisatie?: string | null; regios?: string[] | null },
): Promise<{ n: number; maanden: number; volume: string; bedrag: string }> {
  return q.one<{ n: number; maanden: number; volume: string; bedrag: string }>(
    `SELECT count(*) AS n, count(DISTINCT maand) AS maanden, coalesce(sum(volume), 0)::numeric(16,2) AS volume, coalesce(sum(bedrag), 0)::numeric(16,2) AS bedrag FROM realisatie
      WHERE jaar = $1 AND ($2::text IS NULL OR regio_code = $2) AND ($3::text IS NULL OR organisatie_id = $3) AND ($4::text[] IS NULL OR regio_code = ANY($4))`,
    [f.jaar, f.regio ?? null, f.organisatie ?? null, f.regios ?? null],
  );
}

export interface RealisatiePerJaarRow {
  jaar: number;
  n: number;
  maanden: number;
  volume: string;
  bedrag: string;
}

/** A provider's realisation per year; with `zorgkantoor` only the regions it holds in that year. */
export function realisatiePerJaar(
  q: Queryable,
  organisatieId: string,
  zorgkantoor: string | null,
): Promise<RealisatiePerJaarRow[]> {
  return q.query<RealisatiePerJaarRow>(
    `SELECT jaar, count(*) AS n, count(DISTINCT maand) AS maanden, sum(volume)::numeric(16,2) AS volume, sum(bedrag)::numeric(16,2) AS bedrag
       FROM realisatie r
      WHERE organisatie_id = $1 AND ($2::text IS NULL OR EXISTS (SELECT 1 FROM regio_concessie z WHERE z.organisatie_id = $2 AND z.regio_code = r.regio_code AND z.jaar = r.jaar))
      GROUP BY jaar ORDER BY jaar`,
    [organisatieId, zorgkantoor],
  );
}

/** The regions and sectors in which a provider actually delivered care (volume > 0) in a year (the classification's history). */
export function productieRegiosSectoren(
  q: Queryable,
  organisatieId: string,
  jaar: number,
): Promise<{ regio_code: string; sector: string }[]> {
  return q.query<{ regio_code: string; sector: string }>(
    `SELECT DISTINCT r.regio_code, p.sector FROM realisatie r JOIN prestatie p ON p.code = r.prestatie_code
      WHERE r.organisatie_id = $1 AND r.jaar = $2 AND r.volume > 0`,
    [organisatieId, jaar],
  );
}
