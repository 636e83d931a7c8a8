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

export async function maakStaging(t: Queryable): Promise<void> {
  // hash aggregates over a whole file stay in memory instead of spilling to disk (this transaction only)
  await t.exec(`SET LOCAL work_mem = '128MB';
    CREATE TEMP TABLE realisatie_staging (
      regel int NOT NULL, client text NOT NULL, aanbieder text NOT NULL, prestatie text NOT NULL,
      regio text, maand int NOT NULL, aantal numeric(14,2) NOT NULL, bedrag numeric(16,2) NOT NULL
    ) ON COMMIT DROP;
    CREATE TEMP TABLE realisatie_staging_fout (regel int NOT NULL, veld text NOT NULL, reden text NOT NULL) ON COMMIT DROP;`);
}

const STAGING_KOLOMMEN = ['regel', 'client', 'aanbieder', 'prestatie', 'regio', 'maand', 'aantal', 'bedrag'];

export async function laadBatch(t: Queryable, regels: DeclaratieRegel[], fouten: RegelFout[]): Promise<void> {
  if (regels.length)
    await t.copyInto(
      'realisatie_staging',
      STAGING_KOLOMMEN,
      regels.map((r) => [r.regel, r.client, r.aanbieder, r.prestatie, r.regio, r.maand, r.aantal, r.bedrag]),
    );
  if (fouten.length)
    await t.copyInto(
      'realisatie_staging_fout',
      ['regel', 'veld', 'reden'],
      fouten.map((f) => [f.regel, f.veld, f.reden]),
    );
}

/**
 * Checks every staged line against the reference data and the agreements, in SQL, and stores the
 * outcome in `realisatie_gecontroleerd` (temp) plus reasons in `realisatie_staging_fout`.
 * `zorgkantoorId`: when set, lines outside the regions this zorgkantoor holds in `jaar` are refused.
 */
export async function controleer(
  t: Queryable,
  jaar: number,
  zorgkantoorId: string | null,
  afspraken: AfspraakPrijsInvoer[],
): Promise<void> {
  // the year's agreements (read through budget's index.ts) as a temporary table to join on
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
  await t.exec('ANALYZE realisatie_staging');
  await t.query(
    `CREATE TEMP TABLE realisatie_gecontroleerd ON COMMIT DROP AS
     WITH org AS (
       SELECT DISTINCT ON (sleutel) sleutel, id FROM (
         SELECT id AS sleutel, id, 0 AS voorrang FROM organisatie WHERE soort = 'zorgaanbieder'
         UNION ALL
         SELECT agb, id, 1 FROM organisatie WHERE soort = 'zorgaanbieder' AND agb IS NOT NULL AND agb <> ''
       ) x ORDER BY sleutel, voorrang
     ),
     ap_regio AS (SELECT organisatie_id, prestatie_code, regio_code, prijs FROM realisatie_afspraak_prijs),
     ap AS (
       SELECT organisatie_id, prestatie_code, count(*) AS regios, min(regio_code) AS regio_code, max(prijs) AS prijs
         FROM ap_regio GROUP BY 1, 2
     ),
     dubbel AS (
       SELECT client, aanbieder, prestatie, maand, min(regel) AS eerste
         FROM realisatie_staging GROUP BY 1, 2, 3, 4 HAVING count(*) > 1
     )
     SELECT s.regel, s.client, s.prestatie, s.maand, s.aantal, s.bedrag, s.aanbieder, s.regio AS regio_opgegeven,
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
       LEFT JOIN nza_tarief nt ON nt.prestatie_code = s.prestatie AND nt.jaar = $1`,
    [jaar],
  );
  await t.query(
    `INSERT INTO realisatie_staging_fout (regel, veld, reden)
     SELECT regel, 'aanbieder', 'onbekende zorgaanbieder (gebruik de organisatie-id of de AGB-code)'
       FROM realisatie_gecontroleerd WHERE organisatie_id IS NULL
     UNION ALL
     SELECT regel, 'prestatie', 'onbekende prestatie' FROM realisatie_gecontroleerd WHERE NOT prestatie_bekend
     UNION ALL
     SELECT regel, 'prestatie', 'geen productieafspraak ' || $1::int || ' voor deze aanbieder en prestatie'
       FROM realisatie_gecontroleerd WHERE organisatie_id IS NOT NULL AND prestatie_bekend AND regios = 0
     UNION ALL
     SELECT regel, 'regio', 'geen productieafspraak ' || $1::int || ' in regio ' || regio_opgegeven || ' voor deze aanbieder en prestatie'
       FROM realisatie_gecontroleerd WHERE regio_opgegeven IS NOT NULL AND regios > 0 AND regio_code IS NULL
     UNION ALL
     SELECT regel, 'regio', 'de aanbieder heeft voor deze prestatie afspraken in ' || regios || ' regio''s; voeg de kolom regio toe'
       FROM realisatie_gecontroleerd WHERE regio_opgegeven IS NULL AND regios > 1
     UNION ALL
     SELECT regel, 'bedrag', 'bedrag ' || bedrag || ' ligt boven aantal × afgesproken prijs (' || round(aantal * prijs, 2) || ')'
       FROM realisatie_gecontroleerd WHERE prijs IS NOT NULL AND regio_code IS NOT NULL AND bedrag > round(aantal * prijs, 2)
     UNION ALL
     SELECT regel, 'bedrag', 'bedrag ' || bedrag || ' ligt boven aantal × NZa-maximumtarief (' || round(aantal * nza_max, 2) || ')'
       FROM realisatie_gecontroleerd WHERE nza_max IS NOT NULL AND bedrag > round(aantal * nza_max, 2)
     UNION ALL
     SELECT regel, '(regel)', 'dubbele regel: zelfde cliënt, aanbieder, prestatie en periode als regel ' || eerste
       FROM realisatie_gecontroleerd WHERE regel <> eerste
     UNION ALL
     SELECT g.regel, 'regio', 'regio ' || g.regio_code || ' hoort in ' || $1::int || ' niet bij uw zorgkantoor'
       FROM realisatie_gecontroleerd g
      WHERE $2::text IS NOT NULL AND g.regio_code IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM regio_concessie c WHERE c.regio_code = g.regio_code AND c.jaar = $1::int AND c.organisatie_id = $2)`,
    [jaar, zorgkantoorId],
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

/**
 * Writes the valid lines: the periods (year × region × provider × month) this file contains are
 * replaced as a whole by the file's aggregate. Returns (lines loaded, periods replaced).
 */
export async function schrijfRealisatie(
  t: Queryable,
  jaar: number,
  importId: string,
): Promise<{ geladen: number; perioden: number }> {
  const fouten = await t.one<{ n: number }>('SELECT count(*)::int AS n FROM realisatie_staging_fout');
  // Without refused lines every checked line is valid: no second copy of the file.
  const geldig = fouten.n === 0 ? 'realisatie_gecontroleerd' : 'realisatie_geldig';
  if (fouten.n > 0)
    await t.exec(`CREATE TEMP TABLE realisatie_geldig ON COMMIT DROP AS
      SELECT g.* FROM realisatie_gecontroleerd g
       WHERE NOT EXISTS (SELECT 1 FROM realisatie_staging_fout f WHERE f.regel = g.regel)`);
  await t.exec(`CREATE TEMP TABLE realisatie_sleutel ON COMMIT DROP AS
    SELECT DISTINCT regio_code, organisatie_id, maand FROM ${geldig}`);
  await t.query(
    `DELETE FROM realisatie r USING realisatie_sleutel k
      WHERE r.jaar = $1 AND r.regio_code = k.regio_code AND r.organisatie_id = k.organisatie_id AND r.maand = k.maand`,
    [jaar],
  );
  // clients counted once per period and prestatie: aggregate per client first (hash), then per key
  await t.query(
    `INSERT INTO realisatie (jaar, maand, regio_code, organisatie_id, prestatie_code, clienten, volume, bedrag)
     SELECT $1, maand, regio_code, organisatie_id, prestatie, count(*), sum(aantal), sum(bedrag)
       FROM (SELECT maand, regio_code, organisatie_id, prestatie, client, sum(aantal) AS aantal, sum(bedrag) AS bedrag
               FROM ${geldig} GROUP BY 1, 2, 3, 4, 5) per_client
      GROUP BY maand, regio_code, organisatie_id, prestatie`,
    [jaar],
  );
  await t.query(
    `INSERT INTO realisatie_periode (jaar, regio_code, organisatie_id, maand, import_id)
     SELECT $1, regio_code, organisatie_id, maand, $2 FROM realisatie_sleutel
     ON CONFLICT (jaar, regio_code, organisatie_id, maand) DO UPDATE SET import_id = EXCLUDED.import_id`,
    [jaar, importId],
  );
  const n = await t.one<{ geladen: number; perioden: number }>(
    `SELECT (SELECT count(*) FROM ${geldig})::int AS geladen, (SELECT count(*) FROM realisatie_sleutel)::int AS perioden`,
  );
  await t.query('UPDATE realisatie_import SET geladen = $2, perioden = $3 WHERE id = $1', [
    importId,
    n.geladen,
    n.perioden,
  ]);
  return n;
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

/** Realised amount per provider × year × month in one region, for `jaar` and up to 3 years before. */
export async function maandbedragen(
  t: Queryable,
  regio: string,
  jaar: number,
  organisatieId: string | null,
): Promise<MaandBedragRow[]> {
  return t.query<MaandBedragRow>(
    `SELECT organisatie_id, jaar, maand, sum(bedrag)::text AS bedrag FROM realisatie
      WHERE regio_code = $1 AND jaar BETWEEN $2::int - 3 AND $2::int AND ($3::text IS NULL OR organisatie_id = $3)
      GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    [regio, jaar, organisatieId],
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
