/**
 * SQL on the inkoop capability's tables (kader, termijnen, eisen, vragen and Nota's, inschrijvingen,
 * zelfanalyse, ontwikkelplan) and the reads of the public read model (src/inkoop/publiek.ts). The
 * services keep the logic, transactions and audit; every query here has a declared row type.
 */
import type { Queryable } from '../platform/db/index.ts';
import type { Fase, ProcedureType } from '../domain/inkoop/procedure.ts';
import type { Thema } from '../domain/inkoop/toetreding.ts';
import type { TermijnFase } from '../domain/inkoop/timeline.ts';
import type { Klasse } from '../domain/inkoop/classificatie.ts';
import type { KaderSnapshot, OntvangstT, SjabloonKeuzeT } from './schemas.ts';

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
  /** the template's product choices [{onderwerp, bron}] (0037_kader_keuzes.sql) */
  keuzes: SjabloonKeuzeT[];
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
  keuzes: SjabloonKeuzeT[];
  door: string;
  op: Date;
}

export async function voegKaderToe(q: Queryable, k: NieuwKader): Promise<string> {
  const row = await q.one<{ id: string }>(
    `INSERT INTO inkoopkader (organisatie_id, titel, jaar_van, jaar_tot, sector, regio_codes, procedure_type, verzegeld_voor_beoordelaars, sjabloon, omschrijving, bezwaartermijn_dagen, aangemaakt_door, aangemaakt_op, gewijzigd_op, keuzes)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$13,$14) RETURNING id`,
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
      JSON.stringify(k.keuzes),
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

// ───────────────────────────── Inschrijvingen ─────────────────────────────

/** A row of inschrijving. */
export interface InschrijvingRij {
  id: string;
  kader_id: string;
  organisatie_id: string;
  status: 'concept' | 'ingediend' | 'ingetrokken';
  kader_versie: number | null;
  regio_codes: string[];
  ingediend_op: Date | null;
  ontvangst_hash: string | null;
  /** the receipt as stored when submitted, with the submitted content (inhoud) */
  ontvangst: (OntvangstT & { inhoud?: unknown }) | null;
  ingetrokken_op: Date | null;
  aangemaakt_op: Date;
  gewijzigd_op: Date;
}

/** The raw bid row (no visibility: src/inkoop/inschrijving.ts inschrijvingVoor applies it). */
export function inschrijvingRij(q: Queryable, id: string, lock = false): Promise<InschrijvingRij | undefined> {
  return q.maybeOne<InschrijvingRij>(`SELECT * FROM inschrijving WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
}

/** The bid of an organisation for a kader, if any. */
export function inschrijvingVan(
  q: Queryable,
  kaderId: string,
  organisatieId: string,
): Promise<InschrijvingRij | undefined> {
  return q.maybeOne<InschrijvingRij>('SELECT * FROM inschrijving WHERE kader_id = $1 AND organisatie_id = $2', [
    kaderId,
    organisatieId,
  ]);
}

/** Whether the bid belongs to the organisation. */
export async function isInschrijvingVan(q: Queryable, id: string, organisatieId: string): Promise<boolean> {
  return !!(await q.maybeOne<{ ja: number }>('SELECT 1 AS ja FROM inschrijving WHERE id = $1 AND organisatie_id = $2', [
    id,
    organisatieId,
  ]));
}

export async function voegInschrijvingToe(
  q: Queryable,
  i: { kaderId: string; organisatieId: string; kaderVersie: number | null; regioCodes: string[]; op: Date },
): Promise<string> {
  const row = await q.one<{ id: string }>(
    'INSERT INTO inschrijving (kader_id, organisatie_id, kader_versie, regio_codes, aangemaakt_op, gewijzigd_op) VALUES ($1,$2,$3,$4,$5,$5) RETURNING id',
    [i.kaderId, i.organisatieId, i.kaderVersie, i.regioCodes, i.op],
  );
  return row.id;
}

export async function raakInschrijvingAan(q: Queryable, id: string, op: Date): Promise<void> {
  await q.query('UPDATE inschrijving SET gewijzigd_op = $2 WHERE id = $1', [id, op]);
}

export async function zetIngediend(
  q: Queryable,
  id: string,
  d: { op: Date; door: string; hash: string; ontvangst: unknown; kaderVersie: number | null },
): Promise<void> {
  await q.query(
    `UPDATE inschrijving SET status = 'ingediend', ingediend_op = $2, ingediend_door = $3, ontvangst_hash = $4, ontvangst = $5, kader_versie = $6, gewijzigd_op = $2, ingetrokken_op = NULL WHERE id = $1`,
    [id, d.op, d.door, d.hash, JSON.stringify(d.ontvangst), d.kaderVersie],
  );
}

export async function zetInschrijvingStatus(
  q: Queryable,
  id: string,
  status: 'ingetrokken' | 'concept',
  op: Date,
): Promise<void> {
  await q.query(`UPDATE inschrijving SET status = $2, ingetrokken_op = $3, gewijzigd_op = $4 WHERE id = $1`, [
    id,
    status,
    status === 'ingetrokken' ? op : null,
    op,
  ]);
}

/** Whether an open-house bid has a standing (not lapsed) admission decision. */
export async function heeftBeoordelingsbesluit(q: Queryable, inschrijvingId: string): Promise<boolean> {
  return !!(await q.maybeOne<{ ja: number }>(
    'SELECT 1 AS ja FROM beoordeling_besluit WHERE inschrijving_id = $1 AND vervallen_op IS NULL',
    [inschrijvingId],
  ));
}

/** The submitted bids of a kader with the bidder's name. */
export function ingediendeInschrijvingen(
  q: Queryable,
  kaderId: string,
): Promise<(InschrijvingRij & { org_naam: string })[]> {
  return q.query<InschrijvingRij & { org_naam: string }>(
    `SELECT i.*, o.naam AS org_naam FROM inschrijving i JOIN organisatie o ON o.id = i.organisatie_id
    WHERE i.kader_id = $1 AND i.status = 'ingediend' ORDER BY o.naam`,
    [kaderId],
  );
}

export async function organisatieNaam(q: Queryable, id: string): Promise<string> {
  return (await q.one<{ naam: string }>('SELECT naam FROM organisatie WHERE id = $1', [id])).naam;
}

/** Delivery forms of an organisation's locations in the regions. */
export async function leveringsvormen(q: Queryable, organisatieId: string, regios: string[]): Promise<string[][]> {
  const rows = await q.query<{ leveringsvormen: string[] }>(
    'SELECT leveringsvormen FROM locatie WHERE organisatie_id = $1 AND regio_code = ANY($2::text[])',
    [organisatieId, regios],
  );
  return rows.map((r) => r.leveringsvormen);
}

// ───────────────────────────── Classificatie ─────────────────────────────

export interface ClassificatieRij {
  regio_code: string;
  klasse: Klasse;
  reden: string;
  bewijs: Record<string, unknown>;
}

export async function zetClassificatie(
  q: Queryable,
  c: {
    kaderId: string;
    organisatieId: string;
    regioCode: string;
    klasse: Klasse;
    reden: string;
    bewijs: unknown;
    op: Date;
  },
): Promise<void> {
  await q.query(
    `INSERT INTO classificatie (kader_id, organisatie_id, regio_code, klasse, reden, bewijs, bepaald_op) VALUES ($1,$2,$3,$4,$5,$6,$7)
      ON CONFLICT (kader_id, organisatie_id, regio_code) DO UPDATE SET klasse = EXCLUDED.klasse, reden = EXCLUDED.reden, bewijs = EXCLUDED.bewijs, bepaald_op = EXCLUDED.bepaald_op`,
    [c.kaderId, c.organisatieId, c.regioCode, c.klasse, c.reden, JSON.stringify(c.bewijs), c.op],
  );
}

export function classificatieRijen(q: Queryable, kaderId: string, organisatieId: string): Promise<ClassificatieRij[]> {
  return q.query<ClassificatieRij>(
    'SELECT regio_code, klasse, reden, bewijs FROM classificatie WHERE kader_id = $1 AND organisatie_id = $2 ORDER BY regio_code',
    [kaderId, organisatieId],
  );
}

// ───────────────────────────── Antwoorden and documenten ─────────────────────────────

/** An answer with the linked (not deleted) document's hash and name. */
export interface AntwoordRij {
  eis_id: string;
  waarde: unknown;
  toelichting: string | null;
  document_id: string | null;
  sha256: string | null;
  naam: string | null;
}

export function antwoordRijen(q: Queryable, inschrijvingId: string): Promise<AntwoordRij[]> {
  return q.query<AntwoordRij>(
    `SELECT a.eis_id, a.waarde, a.toelichting, a.document_id, d.sha256, d.naam FROM inschrijving_antwoord a
    LEFT JOIN document d ON d.id = a.document_id AND NOT d.verwijderd WHERE a.inschrijving_id = $1`,
    [inschrijvingId],
  );
}

export async function antwoordDocument(q: Queryable, inschrijvingId: string, eisId: string): Promise<string | null> {
  const r = await q.maybeOne<{ document_id: string | null }>(
    'SELECT document_id FROM inschrijving_antwoord WHERE inschrijving_id = $1 AND eis_id = $2',
    [inschrijvingId, eisId],
  );
  return r?.document_id ?? null;
}

export async function zetAntwoordRij(
  q: Queryable,
  a: {
    inschrijvingId: string;
    eisId: string;
    waarde: unknown;
    toelichting: string | null;
    documentId: string | null;
    op: Date;
  },
): Promise<void> {
  await q.query(
    `INSERT INTO inschrijving_antwoord (inschrijving_id, eis_id, waarde, toelichting, document_id, gewijzigd_op) VALUES ($1,$2,$3,$4,$5,$6)
      ON CONFLICT (inschrijving_id, eis_id) DO UPDATE SET waarde = EXCLUDED.waarde, toelichting = EXCLUDED.toelichting, document_id = EXCLUDED.document_id, gewijzigd_op = EXCLUDED.gewijzigd_op`,
    [
      a.inschrijvingId,
      a.eisId,
      a.waarde === undefined ? null : JSON.stringify(a.waarde),
      a.toelichting,
      a.documentId,
      a.op,
    ],
  );
}

/** Links a document as the answer to a requirement (the value stays empty for a new answer). */
export async function koppelDocument(
  q: Queryable,
  inschrijvingId: string,
  eisId: string,
  documentId: string,
  op: Date,
): Promise<void> {
  await q.query(
    `INSERT INTO inschrijving_antwoord (inschrijving_id, eis_id, waarde, document_id, gewijzigd_op) VALUES ($1,$2,NULL,$3,$4)
        ON CONFLICT (inschrijving_id, eis_id) DO UPDATE SET document_id = EXCLUDED.document_id, gewijzigd_op = EXCLUDED.gewijzigd_op`,
    [inschrijvingId, eisId, documentId, op],
  );
}

/** A row of document (without the content unless asked for). */
export interface DocumentRij {
  id: string;
  organisatie_id: string;
  inschrijving_id: string | null;
  kader_id: string | null;
  doel: string;
  eis_code: string | null;
  naam: string;
  mime: string;
  grootte: number;
  sha256: string;
  geupload_op: Date;
  gegenereerd: boolean;
}

/** A (not deleted) document of a bid. */
export function documentVanInschrijving(
  q: Queryable,
  inschrijvingId: string,
  documentId: string,
): Promise<Pick<DocumentRij, 'id' | 'naam' | 'doel' | 'gegenereerd'> | undefined> {
  return q.maybeOne<Pick<DocumentRij, 'id' | 'naam' | 'doel' | 'gegenereerd'>>(
    'SELECT id, naam, doel, gegenereerd FROM document WHERE id = $1 AND inschrijving_id = $2 AND NOT verwijderd',
    [documentId, inschrijvingId],
  );
}

/** A (not deleted) document with its content. */
export function documentMetInhoud(
  q: Queryable,
  documentId: string,
): Promise<(DocumentRij & { inhoud: Uint8Array }) | undefined> {
  return q.maybeOne<DocumentRij & { inhoud: Uint8Array }>(
    'SELECT id, organisatie_id, inschrijving_id, kader_id, doel, eis_code, naam, mime, grootte, sha256, geupload_op, gegenereerd, inhoud FROM document WHERE id = $1 AND NOT verwijderd',
    [documentId],
  );
}

/** The (not deleted) documents of a bid in upload order; only the provider's own uploads when alleenEigen. */
export function documentRijen(q: Queryable, inschrijvingId: string): Promise<DocumentRij[]> {
  return q.query<DocumentRij>(
    'SELECT id, organisatie_id, inschrijving_id, kader_id, doel, eis_code, naam, mime, grootte, sha256, geupload_op, gegenereerd FROM document WHERE inschrijving_id = $1 AND NOT verwijderd ORDER BY geupload_op',
    [inschrijvingId],
  );
}

/** The provider's own (not generated, not deleted) documents of a bid, in the order of the receipt. */
export function eigenDocumentRijen(q: Queryable, inschrijvingId: string): Promise<DocumentRij[]> {
  return q.query<DocumentRij>(
    'SELECT id, organisatie_id, inschrijving_id, kader_id, doel, eis_code, naam, mime, grootte, sha256, geupload_op, gegenereerd FROM document WHERE inschrijving_id = $1 AND NOT verwijderd AND NOT gegenereerd ORDER BY sha256, naam',
    [inschrijvingId],
  );
}

export async function voegDocumentToe(
  q: Queryable,
  d: {
    organisatieId: string;
    inschrijvingId: string;
    kaderId: string;
    doel: string;
    eisCode: string | null;
    naam: string;
    mime: string;
    grootte: number;
    sha256: string;
    inhoud: Buffer;
    door: string;
    op: Date;
  },
): Promise<string> {
  const row = await q.one<{ id: string }>(
    `INSERT INTO document (organisatie_id, inschrijving_id, kader_id, doel, eis_code, naam, mime, grootte, sha256, inhoud, geupload_door, geupload_op)
      VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12) RETURNING id`,
    [
      d.organisatieId,
      d.inschrijvingId,
      d.kaderId,
      d.doel,
      d.eisCode,
      d.naam,
      d.mime,
      d.grootte,
      d.sha256,
      d.inhoud,
      d.door,
      d.op,
    ],
  );
  return row.id;
}

/** Marks a document deleted and unlinks it from the bid's answers. */
export async function verwijderDocumentRij(q: Queryable, inschrijvingId: string, documentId: string): Promise<void> {
  await q.query('UPDATE document SET verwijderd = true WHERE id = $1', [documentId]);
  await q.query('UPDATE inschrijving_antwoord SET document_id = NULL WHERE inschrijving_id = $1 AND document_id = $2', [
    inschrijvingId,
    documentId,
  ]);
}

// ───────────────────────────── Zelfanalyse, ontwikkelplan, dialoog ─────────────────────────────

/** A row of zelfanalyse (one quality theme). */
export interface ZelfanalyseRij {
  thema_code: string;
  huidige_aanpak: string | null;
  sterktes: string | null;
  ontwikkelpunten: string | null;
  ervaring_client: string | null;
  niveau: string | null;
  gegevens: string | null;
  in_ontwikkelplan: boolean;
}

export function zelfanalyseRijen(q: Queryable, inschrijvingId: string): Promise<ZelfanalyseRij[]> {
  return q.query<ZelfanalyseRij>(
    'SELECT thema_code, huidige_aanpak, sterktes, ontwikkelpunten, ervaring_client, niveau, gegevens, in_ontwikkelplan FROM zelfanalyse WHERE inschrijving_id = $1 ORDER BY thema_code',
    [inschrijvingId],
  );
}

export async function zetZelfanalyseRij(
  q: Queryable,
  inschrijvingId: string,
  z: {
    themaCode: string;
    huidigeAanpak: string | null;
    sterktes: string | null;
    ontwikkelpunten: string | null;
    ervaringClient: string | null;
    niveau: string | null;
    gegevens: string | null;
    inOntwikkelplan: boolean;
  },
  op: Date,
): Promise<void> {
  await q.query(
    `INSERT INTO zelfanalyse (inschrijving_id, thema_code, huidige_aanpak, sterktes, ontwikkelpunten, ervaring_client, niveau, gegevens, in_ontwikkelplan, gewijzigd_op)
      VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) ON CONFLICT (inschrijving_id, thema_code) DO UPDATE SET huidige_aanpak = EXCLUDED.huidige_aanpak, sterktes = EXCLUDED.sterktes,
      ontwikkelpunten = EXCLUDED.ontwikkelpunten, ervaring_client = EXCLUDED.ervaring_client, niveau = EXCLUDED.niveau, gegevens = EXCLUDED.gegevens, in_ontwikkelplan = EXCLUDED.in_ontwikkelplan, gewijzigd_op = EXCLUDED.gewijzigd_op`,
    [
      inschrijvingId,
      z.themaCode,
      z.huidigeAanpak,
      z.sterktes,
      z.ontwikkelpunten,
      z.ervaringClient,
      z.niveau,
      z.gegevens,
      z.inOntwikkelplan,
      op,
    ],
  );
}

/** A row of ontwikkelplan. */
export interface OntwikkelplanRij {
  id: string;
  inschrijving_id: string;
  status: 'voorstel' | 'definitief' | 'afgewezen' | 'akkoord';
  themas: string[];
  doelstelling: string | null;
  plan_van_aanpak: string | null;
  planning: string | null;
  investering: string | null;
  risicos: string | null;
  resultaten: string | null;
  bewijslast: string | null;
  clientenraad_betrokkenheid: string | null;
  clientenraad_document_id: string | null;
  definitief_op: Date | null;
  definitief_door: string | null;
  akkoord_op: Date | null;
  akkoord_door: string | null;
  teruggestuurd_reden: string | null;
  gewijzigd_op: Date;
}

export function ontwikkelplanRij(
  q: Queryable,
  inschrijvingId: string,
  lock = false,
): Promise<OntwikkelplanRij | undefined> {
  return q.maybeOne<OntwikkelplanRij>(
    `SELECT * FROM ontwikkelplan WHERE inschrijving_id = $1${lock ? ' FOR UPDATE' : ''}`,
    [inschrijvingId],
  );
}

export interface OntwikkelplanVelden {
  themas: string[];
  doelstelling: string | null;
  planVanAanpak: string | null;
  planning: string | null;
  investering: string | null;
  risicos: string | null;
  resultaten: string | null;
  bewijslast: string | null;
  clientenraadBetrokkenheid: string | null;
  clientenraadDocumentId: string | null;
}

export async function zetOntwikkelplanRij(
  q: Queryable,
  inschrijvingId: string,
  m: OntwikkelplanVelden,
  op: Date,
): Promise<void> {
  await q.query(
    `INSERT INTO ontwikkelplan (inschrijving_id, themas, doelstelling, plan_van_aanpak, planning, investering, risicos, resultaten, bewijslast, clientenraad_betrokkenheid, clientenraad_document_id, gewijzigd_op)
      VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12) ON CONFLICT (inschrijving_id) DO UPDATE SET themas = EXCLUDED.themas, doelstelling = EXCLUDED.doelstelling, plan_van_aanpak = EXCLUDED.plan_van_aanpak,
      planning = EXCLUDED.planning, investering = EXCLUDED.investering, risicos = EXCLUDED.risicos, resultaten = EXCLUDED.resultaten, bewijslast = EXCLUDED.bewijslast,
      clientenraad_betrokkenheid = EXCLUDED.clientenraad_betrokkenheid, clientenraad_document_id = EXCLUDED.clientenraad_document_id, gewijzigd_op = EXCLUDED.gewijzigd_op`,
    [
      inschrijvingId,
      m.themas,
      m.doelstelling,
      m.planVanAanpak,
      m.planning,
      m.investering,
      m.risicos,
      m.resultaten,
      m.bewijslast,
      m.clientenraadBetrokkenheid,
      m.clientenraadDocumentId,
      op,
    ],
  );
}

export async function zetPlanDefinitief(q: Queryable, inschrijvingId: string, op: Date, door: string): Promise<void> {
  await q.query(
    `UPDATE ontwikkelplan SET status = 'definitief', definitief_op = $2, definitief_door = $3, gewijzigd_op = $2 WHERE inschrijving_id = $1`,
    [inschrijvingId, op, door],
  );
}

/** Records the zorgkantoor's decision on a final plan (agreed, or sent back to 'voorstel' with the reason). */
export async function besluitOverPlan(
  q: Queryable,
  b: {
    inschrijvingId: string;
    besluit: 'akkoord' | 'teruggestuurd';
    reden: string | null;
    sha256: string;
    door: string;
    op: Date;
  },
): Promise<string> {
  if (b.besluit === 'akkoord')
    await q.query(
      `UPDATE ontwikkelplan SET status = 'akkoord', akkoord_op = $2, akkoord_door = $3, teruggestuurd_reden = NULL, gewijzigd_op = $2 WHERE inschrijving_id = $1`,
      [b.inschrijvingId, b.op, b.door],
    );
  else
    await q.query(
      `UPDATE ontwikkelplan SET status = 'voorstel', teruggestuurd_reden = $2, definitief_op = NULL, definitief_door = NULL, gewijzigd_op = $3 WHERE inschrijving_id = $1`,
      [b.inschrijvingId, b.reden, b.op],
    );
  const row = await q.one<{ id: string }>(
    `INSERT INTO ontwikkelplan_besluit (inschrijving_id, besluit, reden, plan_sha256, besloten_door, besloten_op) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id`,
    [b.inschrijvingId, b.besluit, b.reden, b.sha256, b.door, b.op],
  );
  return row.id;
}

export interface PlanBesluitRij {
  besluit: 'akkoord' | 'teruggestuurd';
  reden: string | null;
  plan_sha256: string;
  besloten_op: Date;
  naam: string;
}

export function planBesluiten(q: Queryable, inschrijvingId: string): Promise<PlanBesluitRij[]> {
  return q.query<PlanBesluitRij>(
    `SELECT b.besluit, b.reden, b.plan_sha256, b.besloten_op, g.naam FROM ontwikkelplan_besluit b JOIN gebruiker g ON g.id = b.besloten_door
     WHERE b.inschrijving_id = $1 ORDER BY b.besloten_op`,
    [inschrijvingId],
  );
}

/** Whether the bid was definitively awarded. */
export async function isDefinitiefGegund(q: Queryable, inschrijvingId: string): Promise<boolean> {
  return !!(await q.maybeOne<{ ja: number }>(
    `SELECT 1 AS ja FROM gunning WHERE inschrijving_id = $1 AND soort = 'definitief'`,
    [inschrijvingId],
  ));
}

/** A row of dialooggesprek. */
export interface DialooggesprekRij {
  id: string;
  datum: Date;
  deelnemers: { naam: string; rol?: string; organisatie?: string }[];
  onderwerpen: string[];
  verslag: string | null;
}

export function dialooggesprekRijen(q: Queryable, inschrijvingId: string): Promise<DialooggesprekRij[]> {
  return q.query<DialooggesprekRij>(
    'SELECT id, datum, deelnemers, onderwerpen, verslag FROM dialooggesprek WHERE inschrijving_id = $1 ORDER BY datum',
    [inschrijvingId],
  );
}

export async function voegDialooggesprekToe(
  q: Queryable,
  g: {
    inschrijvingId: string;
    datum: Date;
    deelnemers: unknown;
    onderwerpen: string[];
    verslag: string | null;
    door: string;
    op: Date;
  },
): Promise<string> {
  const row = await q.one<{ id: string }>(
    'INSERT INTO dialooggesprek (inschrijving_id, datum, deelnemers, onderwerpen, verslag, vastgelegd_door, vastgelegd_op) VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id',
    [g.inschrijvingId, g.datum, JSON.stringify(g.deelnemers), g.onderwerpen, g.verslag, g.door, g.op],
  );
  return row.id;
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
  sjabloon: string | null;
  eerst_gepubliceerd_op: Tijdstip;
  versie: number;
  snapshot: KaderSnapshot;
  sha256: string;
  versie_gepubliceerd_op: Tijdstip;
  wijzigingen: string | null;
}

const BASIS = `SELECT k.id, k.organisatie_id, o.naam AS zorgkantoor_naam, k.fase, k.procedure_type, k.gepubliceerde_versie, k.gepubliceerd_op AS eerst_gepubliceerd_op,
    k.sjabloon, v.versie, v.snapshot, v.sha256, v.gepubliceerd_op AS versie_gepubliceerd_op, v.wijzigingen
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
