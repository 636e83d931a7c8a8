/**
 * SQL on the inkoop capability's tables (kader, termijnen, eisen, vragen and Nota's, inschrijvingen,
 * zelfanalyse, ontwikkelplan) and the reads of the public read model (src/inkoop/publiek.ts). The
 * services keep the logic, transactions and audit; every query here has a declared row type.
 */
import type { Queryable } from '../platform/db/index.ts';
import type { Fase, ProcedureType } from '../domain/inkoop/procedure.ts';
import type { Thema } from '../domain/inkoop/toetreding.ts';
import type { TermijnFase } from '../domain/inkoop/timeline.ts';
import type { KaderSnapshot } from './schemas.ts';

type Tijdstip = Date | string;

// ───────────────────────────── Kader ─────────────────────────────

/** A row of inkoopkader. */
export interface KaderRij {
  id: string;
  organisatie_id: string;
  titel: string;
  jaar_van: number;
  jaar_tot: number;
  sector: string;
  regio_codes: string[];
  procedure_type: ProcedureType;
  fase: Fase;
  versie: number;
  gepubliceerde_versie: number | null;
  publieke_versie: KaderSnapshot | null;
  verzegeld_voor_beoordelaars: boolean;
  sjabloon: string | null;
  omschrijving: string | null;
  regionale_paragraaf: any;
  bezwaartermijn_dagen: number;
  kwaliteitsthemas: Thema[] | null;
  aangemaakt_op: Date;
  gewijzigd_op: Date;
  gepubliceerd_op: Date | null;
}

/** The raw kader row (no visibility: src/inkoop/kader.ts kaderVoor applies it). */
export function kaderRij(q: Queryable, id: string, lock = false): Promise<KaderRij | undefined> {
  return q.maybeOne<KaderRij>(`SELECT * FROM inkoopkader WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
}

export function kadersVanZorgkantoor(q: Queryable, organisatieId: string): Promise<KaderRij[]> {
  return q.query<KaderRij>('SELECT * FROM inkoopkader WHERE organisatie_id = $1 ORDER BY aangemaakt_op DESC', [
    organisatieId,
  ]);
}

/** Published (non-concept) kaders, optionally only those covering one of the regions. */
export function openbareKaders(q: Queryable, regios?: string[]): Promise<KaderRij[]> {
  return regios
    ? q.query<KaderRij>(
        `SELECT * FROM inkoopkader WHERE fase <> 'concept' AND regio_codes && $1::text[] ORDER BY gepubliceerd_op DESC`,
        [regios],
      )
    : q.query<KaderRij>(`SELECT * FROM inkoopkader WHERE fase <> 'concept' ORDER BY gepubliceerd_op DESC`);
}

export interface NieuwKader {
  organisatieId: string;
  titel: string;
  jaarVan: number;
  jaarTot: number;
  sector: string;
  regioCodes: string[];
  procedureType: ProcedureType;
  verzegeld: boolean;
  sjabloon: string | null;
  omschrijving: string | null;
  bezwaartermijnDagen: number;
  door: string;
  op: Date;
}

export async function voegKaderToe(q: Queryable, k: NieuwKader): Promise<string> {
  const row = await q.one<{ id: string }>(
    `INSERT INTO inkoopkader (organisatie_id, titel, jaar_van, jaar_tot, sector, regio_codes, procedure_type, verzegeld_voor_beoordelaars, sjabloon, omschrijving, bezwaartermijn_dagen, aangemaakt_door, aangemaakt_op, gewijzigd_op)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$13) RETURNING id`,
    [
      k.organisatieId,
      k.titel,
      k.jaarVan,
      k.jaarTot,
      k.sector,
      k.regioCodes,
      k.procedureType,
      k.verzegeld,
      k.sjabloon,
      k.omschrijving,
      k.bezwaartermijnDagen,
      k.door,
      k.op,
    ],
  );
  return row.id;
}

export async function zetKaderVersie(q: Queryable, id: string, versie: number, op: Date): Promise<void> {
  await q.query('UPDATE inkoopkader SET versie = $2, gewijzigd_op = $3 WHERE id = $1', [id, versie, op]);
}

export interface KaderVelden {
  titel: string;
  jaarVan: number;
  jaarTot: number;
  sector: string;
  regioCodes: string[];
  omschrijving: string | null;
  verzegeld: boolean;
  bezwaartermijnDagen: number;
  regionaleParagraaf: unknown;
}

export async function zetKaderVelden(q: Queryable, id: string, v: KaderVelden): Promise<void> {
  await q.query(
    `UPDATE inkoopkader SET titel = $2, jaar_van = $3, jaar_tot = $4, sector = $5, regio_codes = $6, omschrijving = $7,
      verzegeld_voor_beoordelaars = $8, bezwaartermijn_dagen = $9, regionale_paragraaf = $10 WHERE id = $1`,
    [
      id,
      v.titel,
      v.jaarVan,
      v.jaarTot,
      v.sector,
      v.regioCodes,
      v.omschrijving,
      v.verzegeld,
      v.bezwaartermijnDagen,
      JSON.stringify(v.regionaleParagraaf),
    ],
  );
}

export async function zetKaderFase(q: Queryable, id: string, fase: Fase, op: Date): Promise<void> {
  await q.query('UPDATE inkoopkader SET fase = $2, gewijzigd_op = $3 WHERE id = $1', [id, fase, op]);
}

export async function zetKwaliteitsthemas(q: Queryable, id: string, themas: Thema[] | null): Promise<void> {
  await q.query('UPDATE inkoopkader SET kwaliteitsthemas = $2 WHERE id = $1', [
    id,
    themas === null ? null : JSON.stringify(themas),
  ]);
}

/** Stores a published version (the immutable snapshot) and makes it the kader's public version. */
export async function slaPublicatieOp(
  q: Queryable,
  p: {
    id: string;
    fase: Fase;
    versie: number;
    snapshot: KaderSnapshot;
    sha256: string;
    op: Date;
    door: string;
    wijzigingen: string | null;
  },
): Promise<void> {
  await q.query(
    'INSERT INTO inkoopkader_versie (kader_id, versie, snapshot, sha256, gepubliceerd_op, gepubliceerd_door, wijzigingen) VALUES ($1,$2,$3,$4,$5,$6,$7)',
    [p.id, p.versie, JSON.stringify(p.snapshot), p.sha256, p.op, p.door, p.wijzigingen],
  );
  await q.query(
    'UPDATE inkoopkader SET fase = $2, gepubliceerde_versie = $3, publieke_versie = $4, gepubliceerd_op = coalesce(gepubliceerd_op, $5), gewijzigd_op = $5 WHERE id = $1',
    [p.id, p.fase, p.versie, JSON.stringify(p.snapshot), p.op],
  );
}

export interface KaderVersieRij {
  versie: number;
  sha256: string;
  gepubliceerd_op: Tijdstip;
  wijzigingen: string | null;
  snapshot: KaderSnapshot;
}

export function kaderVersieRij(q: Queryable, id: string, versie: number): Promise<KaderVersieRij | undefined> {
  return q.maybeOne<KaderVersieRij>(
    'SELECT versie, sha256, gepubliceerd_op, wijzigingen, snapshot FROM inkoopkader_versie WHERE kader_id = $1 AND versie = $2',
    [id, versie],
  );
}

export function kaderVersieRijen(q: Queryable, id: string): Promise<PubliekeVersieRij[]> {
  return q.query<PubliekeVersieRij>(
    'SELECT versie, sha256, gepubliceerd_op, wijzigingen FROM inkoopkader_versie WHERE kader_id = $1 ORDER BY versie',
    [id],
  );
}

// ───────────────────────────── Reference data the kader checks ─────────────────────────────

export async function regiosVanAanbieder(q: Queryable, organisatieId: string): Promise<string[]> {
  const rows = await q.query<{ regio_code: string }>(
    'SELECT DISTINCT regio_code FROM locatie WHERE organisatie_id = $1 ORDER BY regio_code',
    [organisatieId],
  );
  return rows.map((r) => r.regio_code);
}

export async function bestaatRegio(q: Queryable, code: string): Promise<boolean> {
  return !!(await q.maybeOne<{ code: string }>('SELECT code FROM regio WHERE code = $1', [code]));
}

/** The zorgkantoor holding the concession of a region in a year, or undefined. */
export async function concessieHouder(q: Queryable, regio: string, jaar: number): Promise<string | undefined> {
  const c = await q.maybeOne<{ organisatie_id: string }>(
    'SELECT organisatie_id FROM regio_concessie WHERE regio_code = $1 AND jaar = $2',
    [regio, jaar],
  );
  return c?.organisatie_id;
}

export async function bestaatSector(q: Queryable, code: string): Promise<boolean> {
  return !!(await q.maybeOne<{ code: string }>('SELECT code FROM sector WHERE code = $1', [code]));
}

// ───────────────────────────── Termijnen ─────────────────────────────

export interface TermijnRij {
  fase: TermijnFase;
  begint_op: Date | null;
  eindigt_op: Date | null;
  omschrijving: string | null;
}

export function termijnRijen(q: Queryable, kaderId: string): Promise<TermijnRij[]> {
  return q.query<TermijnRij>('SELECT fase, begint_op, eindigt_op, omschrijving FROM termijn WHERE kader_id = $1', [
    kaderId,
  ]);
}

export async function schrijfTermijn(
  q: Queryable,
  kaderId: string,
  tm: { fase: TermijnFase; begintOp: Date | null; eindigtOp: Date | null; omschrijving?: string | null },
): Promise<void> {
  await q.query(
    `INSERT INTO termijn (kader_id, fase, begint_op, eindigt_op, omschrijving) VALUES ($1,$2,$3,$4,$5)
    ON CONFLICT (kader_id, fase) DO UPDATE SET begint_op = EXCLUDED.begint_op, eindigt_op = EXCLUDED.eindigt_op, omschrijving = EXCLUDED.omschrijving`,
    [kaderId, tm.fase, tm.begintOp, tm.eindigtOp, tm.omschrijving ?? null],
  );
}

export async function wisTermijnen(q: Queryable, kaderId: string): Promise<void> {
  await q.query('DELETE FROM termijn WHERE kader_id = $1', [kaderId]);
}

// ───────────────────────────── Eisen ─────────────────────────────

/** A row of eis. */
export interface EisRij {
  id: string;
  kader_id: string;
  code: string;
  groep: string;
  tekst: string;
  soort: string;
  van_toepassing: string[];
  bewijs: string | null;
  gewicht: string | null;
  schaal_min: string | null;
  schaal_max: string | null;
  verplicht: boolean;
  volgorde: number;
  bron: string | null;
  vervallen: boolean;
}

/** The current (not withdrawn) requirements of a kader in their order. */
export function eisRijen(q: Queryable, kaderId: string): Promise<EisRij[]> {
  return q.query<EisRij>('SELECT * FROM eis WHERE kader_id = $1 AND NOT vervallen ORDER BY volgorde, code', [kaderId]);
}

/** One current requirement by code. */
export function eisRij(q: Queryable, kaderId: string, code: string): Promise<EisRij | undefined> {
  return q.maybeOne<EisRij>('SELECT * FROM eis WHERE kader_id = $1 AND code = $2 AND NOT vervallen', [kaderId, code]);
}

/** Whether a requirement with this code exists (withdrawn or not). */
export function eisBestaat(q: Queryable, kaderId: string, code: string): Promise<{ vervallen: boolean } | undefined> {
  return q.maybeOne<{ vervallen: boolean }>('SELECT vervallen FROM eis WHERE kader_id = $1 AND code = $2', [
    kaderId,
    code,
  ]);
}

export interface EisVelden {
  code: string;
  groep: string;
  tekst: string;
  soort: string;
  vanToepassing: string[];
  bewijs: string | null;
  gewicht: string | null;
  schaalMin: string | null;
  schaalMax: string | null;
  verplicht: boolean;
  volgorde: number;
  bron: string | null;
}

const eisWaarden = (kaderId: string, e: EisVelden) => [
  kaderId,
  e.code,
  e.groep,
  e.tekst,
  e.soort,
  e.vanToepassing,
  e.bewijs,
  e.gewicht,
  e.schaalMin,
  e.schaalMax,
  e.verplicht,
  e.volgorde,
  e.bron,
];

export async function voegEisRijToe(q: Queryable, kaderId: string, e: EisVelden): Promise<void> {
  await q.query(
    `INSERT INTO eis (kader_id, code, groep, tekst, soort, van_toepassing, bewijs, gewicht, schaal_min, schaal_max, verplicht, volgorde, bron)
      VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)`,
    eisWaarden(kaderId, e),
  );
}

/** Overwrites the requirement with this code (and brings a withdrawn one back when herstel). */
export async function zetEisRij(q: Queryable, kaderId: string, e: EisVelden, herstel = false): Promise<void> {
  await q.query(
    `UPDATE eis SET groep=$3, tekst=$4, soort=$5, van_toepassing=$6, bewijs=$7, gewicht=$8, schaal_min=$9, schaal_max=$10, verplicht=$11, volgorde=$12, bron=$13${herstel ? ', vervallen=false' : ''}
      WHERE kader_id=$1 AND code=$2`,
    eisWaarden(kaderId, e),
  );
}

export async function eisBeantwoord(q: Queryable, eisId: string): Promise<boolean> {
  return !!(await q.maybeOne<{ ja: number }>('SELECT 1 AS ja FROM inschrijving_antwoord WHERE eis_id = $1 LIMIT 1', [
    eisId,
  ]));
}

export async function laatEisVervallen(q: Queryable, eisId: string): Promise<void> {
  await q.query('UPDATE eis SET vervallen = true WHERE id = $1', [eisId]);
}

export async function verwijderEisRij(q: Queryable, eisId: string): Promise<void> {
  await q.query('DELETE FROM eis WHERE id = $1', [eisId]);
}

// ───────────────────────────── Counts for the kader status ─────────────────────────────

export function inschrijvingenPerStatus(q: Queryable, kaderId: string): Promise<{ status: string; n: number }[]> {
  return q.query<{ status: string; n: number }>(
    'SELECT status, count(*) AS n FROM inschrijving WHERE kader_id = $1 GROUP BY status',
    [kaderId],
  );
}

export async function aantalIngediend(q: Queryable, kaderId: string): Promise<number> {
  const r = await q.one<{ n: number }>(
    `SELECT count(*) AS n FROM inschrijving WHERE kader_id = $1 AND status = 'ingediend'`,
    [kaderId],
  );
  return Number(r.n);
}

export async function aantallenVragen(q: Queryable, kaderId: string): Promise<{ n: number; open: number }> {
  const r = await q.one<{ n: number; open: number }>(
    'SELECT count(*) AS n, count(*) FILTER (WHERE antwoord IS NULL) AS open FROM vraag WHERE kader_id = $1',
    [kaderId],
  );
  return { n: Number(r.n), open: Number(r.open) };
}

export async function aantalNotas(q: Queryable, kaderId: string): Promise<number> {
  return Number(
    (await q.one<{ n: number }>('SELECT count(*) AS n FROM nota_van_inlichtingen WHERE kader_id = $1', [kaderId])).n,
  );
}

/** The provider's own bid for a kader (id and status), if any. */
export function eigenInschrijvingRij(
  q: Queryable,
  kaderId: string,
  organisatieId: string,
): Promise<{ id: string; status: string } | undefined> {
  return q.maybeOne<{ id: string; status: string }>(
    'SELECT id, status FROM inschrijving WHERE kader_id = $1 AND organisatie_id = $2',
    [kaderId, organisatieId],
  );
}

// ───────────────────────────── Vragen and Nota van Inlichtingen ─────────────────────────────

/** A row of vraag. */
export interface VraagRij {
  id: string;
  kader_id: string;
  organisatie_id: string;
  gesteld_door: string;
  eis_code: string | null;
  onderwerp: string | null;
  tekst: string;
  gesteld_op: Date;
  antwoord: string | null;
  beantwoord_op: Date | null;
  beantwoord_door: string | null;
  nvi_versie: number | null;
}

export async function voegVraagToe(
  q: Queryable,
  v: {
    kaderId: string;
    organisatieId: string;
    door: string;
    eisCode: string | null;
    onderwerp: string | null;
    tekst: string;
    op: Date;
  },
): Promise<string> {
  const row = await q.one<{ id: string }>(
    'INSERT INTO vraag (kader_id, organisatie_id, gesteld_door, eis_code, onderwerp, tekst, gesteld_op) VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id',
    [v.kaderId, v.organisatieId, v.door, v.eisCode, v.onderwerp, v.tekst, v.op],
  );
  return row.id;
}

/** The questions of a kader with the asking organisation's name (only one organisation's when given). */
export function vraagRijen(
  q: Queryable,
  kaderId: string,
  organisatieId: string | null,
): Promise<(VraagRij & { org_naam: string })[]> {
  return q.query<VraagRij & { org_naam: string }>(
    `SELECT v.*, o.naam AS org_naam FROM vraag v JOIN organisatie o ON o.id = v.organisatie_id
    WHERE v.kader_id = $1 AND ($2::text IS NULL OR v.organisatie_id = $2) ORDER BY v.gesteld_op, v.id`,
    [kaderId, organisatieId],
  );
}

export function vraagRij(q: Queryable, kaderId: string, vraagId: string): Promise<VraagRij | undefined> {
  return q.maybeOne<VraagRij>('SELECT * FROM vraag WHERE id = $1 AND kader_id = $2', [vraagId, kaderId]);
}

export async function zetAntwoord(q: Queryable, vraagId: string, antwoord: string, op: Date, door: string) {
  await q.query('UPDATE vraag SET antwoord = $2, beantwoord_op = $3, beantwoord_door = $4 WHERE id = $1', [
    vraagId,
    antwoord,
    op,
    door,
  ]);
}

export async function aantalOnbeantwoord(q: Queryable, kaderId: string): Promise<number> {
  const r = await q.one<{ n: number }>('SELECT count(*) AS n FROM vraag WHERE kader_id = $1 AND antwoord IS NULL', [
    kaderId,
  ]);
  return Number(r.n);
}

export async function laatsteNotaVersie(q: Queryable, kaderId: string): Promise<number> {
  const r = await q.one<{ v: number | null }>(
    'SELECT max(versie) AS v FROM nota_van_inlichtingen WHERE kader_id = $1',
    [kaderId],
  );
  return Number(r.v ?? 0);
}

export function beantwoordeVragen(q: Queryable, kaderId: string): Promise<VraagRij[]> {
  return q.query<VraagRij>('SELECT * FROM vraag WHERE kader_id = $1 AND antwoord IS NOT NULL ORDER BY gesteld_op, id', [
    kaderId,
  ]);
}

/** Stores a Nota version and marks the answered, unpublished questions as part of it. */
export async function slaNotaOp(
  q: Queryable,
  n: { kaderId: string; versie: number; regels: NotaRegelOpgeslagen[]; sha256: string; op: Date; door: string },
): Promise<void> {
  await q.query(
    'INSERT INTO nota_van_inlichtingen (kader_id, versie, inhoud, sha256, gepubliceerd_op, gepubliceerd_door) VALUES ($1,$2,$3,$4,$5,$6)',
    [n.kaderId, n.versie, JSON.stringify(n.regels), n.sha256, n.op, n.door],
  );
  await q.query(
    'UPDATE vraag SET nvi_versie = $2 WHERE kader_id = $1 AND antwoord IS NOT NULL AND nvi_versie IS NULL',
    [n.kaderId, n.versie],
  );
}

/** The latest (or the given) Nota van Inlichtingen of a kader. */
export function notaRij(q: Queryable, kaderId: string, versie?: number): Promise<NotaRij | undefined> {
  return q.maybeOne<NotaRij>(
    `SELECT versie, sha256, gepubliceerd_op, inhoud FROM nota_van_inlichtingen WHERE kader_id = $1 ${versie ? 'AND versie = $2' : ''} ORDER BY versie DESC LIMIT 1`,
    versie ? [kaderId, versie] : [kaderId],
  );
}

// ───────────────────────────── Public read model ─────────────────────────────

/** A published kader joined with the stored snapshot of one of its published versions. */
export interface PubliekKaderRij {
  id: string;
  organisatie_id: string;
  zorgkantoor_naam: string;
  fase: Fase;
  procedure_type: ProcedureType;
  gepubliceerde_versie: number;
  eerst_gepubliceerd_op: Tijdstip;
  versie: number;
  snapshot: KaderSnapshot;
  sha256: string;
  versie_gepubliceerd_op: Tijdstip;
  wijzigingen: string | null;
}

const BASIS = `SELECT k.id, k.organisatie_id, o.naam AS zorgkantoor_naam, k.fase, k.procedure_type, k.gepubliceerde_versie, k.gepubliceerd_op AS eerst_gepubliceerd_op,
    v.versie, v.snapshot, v.sha256, v.gepubliceerd_op AS versie_gepubliceerd_op, v.wijzigingen
  FROM inkoopkader k
  JOIN inkoopkader_versie v ON v.kader_id = k.id
  JOIN organisatie o ON o.id = k.organisatie_id
  WHERE k.fase <> 'concept' AND k.gepubliceerde_versie IS NOT NULL`;

export interface PubliekFilter {
  jaar?: number;
  sector?: string;
  regio?: string;
  zorgkantoor?: string;
}

/** The latest published version of every published kader that passes the filter. */
export function gepubliceerdeKaders(q: Queryable, f: PubliekFilter): Promise<PubliekKaderRij[]> {
  const where: string[] = ['v.versie = k.gepubliceerde_versie'];
  const p: unknown[] = [];
  if (f.jaar !== undefined) {
    p.push(f.jaar);
    where.push(`(v.snapshot->>'jaarVan')::int <= $${p.length} AND (v.snapshot->>'jaarTot')::int >= $${p.length}`);
  }
  if (f.sector) {
    p.push(f.sector);
    where.push(`v.snapshot->>'sector' = $${p.length}`);
  }
  if (f.regio) {
    p.push(f.regio);
    where.push(`v.snapshot->'regioCodes' @> jsonb_build_array($${p.length}::text)`);
  }
  if (f.zorgkantoor) {
    p.push(f.zorgkantoor);
    where.push(`k.organisatie_id = $${p.length}`);
  }
  return q.query<PubliekKaderRij>(
    `${BASIS} AND ${where.join(' AND ')}
    ORDER BY (v.snapshot->>'jaarVan')::int DESC, o.naam, v.snapshot->>'titel', k.id`,
    p,
  );
}

export interface PubliekeKeuzeRij {
  organisatie_id: string;
  naam: string;
  jaar_van: number;
  jaar_tot: number;
  sector: string;
  regios: string[];
}

/** Zorgkantoor, years, sector and regions of every published kader (for filter choices). */
export function publiekeKeuzes(q: Queryable): Promise<PubliekeKeuzeRij[]> {
  return q.query<PubliekeKeuzeRij>(
    `SELECT k.organisatie_id, o.naam, (v.snapshot->>'jaarVan')::int AS jaar_van, (v.snapshot->>'jaarTot')::int AS jaar_tot, v.snapshot->>'sector' AS sector,
       ARRAY(SELECT jsonb_array_elements_text(v.snapshot->'regioCodes')) AS regios
     FROM inkoopkader k JOIN inkoopkader_versie v ON v.kader_id = k.id AND v.versie = k.gepubliceerde_versie JOIN organisatie o ON o.id = k.organisatie_id
     WHERE k.fase <> 'concept' AND k.gepubliceerde_versie IS NOT NULL`,
  );
}

/** One published version of a kader (the latest published when versie is undefined). */
export function gepubliceerdKader(
  q: Queryable,
  id: string,
  versie: number | undefined,
): Promise<PubliekKaderRij | undefined> {
  return q.maybeOne<PubliekKaderRij>(
    `${BASIS} AND k.id = $1 AND v.versie = ${versie === undefined ? 'k.gepubliceerde_versie' : '$2'}`,
    versie === undefined ? [id] : [id, versie],
  );
}

/** Whether any version of the kader was published. */
export async function isGepubliceerd(q: Queryable, id: string): Promise<boolean> {
  return !!(await q.maybeOne<PubliekKaderRij>(`${BASIS} AND k.id = $1 LIMIT 1`, [id]));
}

export interface PubliekeVersieRij {
  versie: number;
  sha256: string;
  gepubliceerd_op: Tijdstip;
  wijzigingen: string | null;
}

/** The published versions of a kader up to and including tot, newest first. */
export function gepubliceerdeVersies(q: Queryable, id: string, tot: number): Promise<PubliekeVersieRij[]> {
  return q.query<PubliekeVersieRij>(
    'SELECT versie, sha256, gepubliceerd_op, wijzigingen FROM inkoopkader_versie WHERE kader_id = $1 AND versie <= $2 ORDER BY versie DESC',
    [id, tot],
  );
}

/** One stored line of a published Nota van Inlichtingen (as written by publishing it; read defensively). */
export interface NotaRegelOpgeslagen {
  nummer?: unknown;
  onderwerp?: string | null;
  eisCode?: string | null;
  vraag?: unknown;
  antwoord?: unknown;
}

export interface NotaRij {
  versie: number;
  sha256: string;
  gepubliceerd_op: Tijdstip;
  inhoud: NotaRegelOpgeslagen[] | null;
}

/**
 * The published Nota's van Inlichtingen of a kader, newest first. Only the published, anonymous
 * content: the columns that name the asker (vraag.organisatie_id, gesteld_door) are in another table
 * and never read here.
 */
export function notasVanInlichtingen(q: Queryable, kaderId: string): Promise<NotaRij[]> {
  return q.query<NotaRij>(
    'SELECT versie, sha256, gepubliceerd_op, inhoud FROM nota_van_inlichtingen WHERE kader_id = $1 ORDER BY versie DESC',
    [kaderId],
  );
}
