/**
 * SQL on the inkoop capability's tables for assessment and award (the gunning folder): scores and the
 * four-eyes decision, awards, objections, the generated documents, contracts and their prices, the
 * open-data (OCDS) facts. The services keep the use cases, transactions and audit; every query here
 * has a declared row type. `q` is the database or the decision's transaction.
 */
import type { Queryable } from '../../platform/db/index.ts';
import type { Klasse } from '../../domain/inkoop/classificatie.ts';
import type { KaderRij } from '../kader.ts';

type Tijdstip = Date | string;

// ───────────────────────────── Kader and inschrijving ─────────────────────────────

export async function laadKaderRij(q: Queryable, id: string): Promise<KaderRij | null> {
  return (await q.maybeOne<KaderRij>('SELECT * FROM inkoopkader WHERE id = $1', [id])) ?? null;
}

export interface InschrijvingRij {
  id: string;
  kader_id: string;
  organisatie_id: string;
  status: string;
  ingediend_op: Date | null;
  kader_versie: number | null;
}

/** With `vergrendel` the row stays locked until the transaction ends (decisions on one bid run one after the other). */
export async function laadInschrijvingRij(
  q: Queryable,
  id: string,
  vergrendel: boolean,
): Promise<InschrijvingRij | null> {
  return (
    (await q.maybeOne<InschrijvingRij>(
      `SELECT id, kader_id, organisatie_id, status, ingediend_op, kader_versie FROM inschrijving WHERE id = $1${vergrendel ? ' FOR UPDATE' : ''}`,
      [id],
    )) ?? null
  );
}

export async function aantalIngediend(q: Queryable, kaderId: string): Promise<number> {
  const r = await q.one<{ n: number | string }>(
    `SELECT count(*) AS n FROM inschrijving WHERE kader_id = $1 AND status = 'ingediend'`,
    [kaderId],
  );
  return Number(r.n);
}

export async function organisatieNaam(q: Queryable, id: string): Promise<string> {
  return (await q.one<{ naam: string }>('SELECT naam FROM organisatie WHERE id = $1', [id])).naam;
}

export async function organisatieNamen(q: Queryable, ids: string[]): Promise<{ id: string; naam: string }[]> {
  return q.query<{ id: string; naam: string }>('SELECT id, naam FROM organisatie WHERE id = ANY($1::text[])', [ids]);
}

export async function gebruikerNamen(q: Queryable, ids: string[]): Promise<{ id: string; naam: string }[]> {
  return q.query<{ id: string; naam: string }>('SELECT id, naam FROM gebruiker WHERE id = ANY($1::uuid[])', [ids]);
}

// ───────────────────────────── Requirements (eis) ─────────────────────────────

export interface CriteriumEisRij {
  id: string;
  code: string;
  groep: string;
  tekst: string;
  gewicht: string | null;
  schaal_min: string | null;
  schaal_max: string | null;
}

/** The knock-out and weighted criteria of the working version (before publication). */
export function werkCriteria(q: Queryable, kaderId: string): Promise<CriteriumEisRij[]> {
  return q.query<CriteriumEisRij>(
    `SELECT id, code, groep, tekst, gewicht, schaal_min, schaal_max FROM eis
     WHERE kader_id = $1 AND NOT vervallen AND groep IN ('gunningscriterium_knockout','gunningscriterium_gewogen') ORDER BY volgorde, code`,
    [kaderId],
  );
}

/** Code and text of the named requirements (also removed ones); `opVolgorde` orders them as in the kader. */
export function eisTeksten(
  q: Queryable,
  kaderId: string,
  codes: string[],
  opVolgorde = false,
): Promise<{ code: string; tekst: string }[]> {
  return q.query<{ code: string; tekst: string }>(
    `SELECT code, tekst FROM eis WHERE kader_id = $1 AND code = ANY($2::text[])${opVolgorde ? ' ORDER BY volgorde, code' : ''}`,
    [kaderId, codes],
  );
}

/** Code and text of the current requirements of the given groups, in the kader's order. */
export function eisenVanGroepen(
  q: Queryable,
  kaderId: string,
  groepen: readonly string[],
): Promise<{ code: string; tekst: string }[]> {
  return q.query<{ code: string; tekst: string }>(
    'SELECT code, tekst FROM eis WHERE kader_id = $1 AND NOT vervallen AND groep = ANY($2::text[]) ORDER BY volgorde, code',
    [kaderId, [...groepen]],
  );
}

export function eisBronnen(
  q: Queryable,
  kaderId: string,
): Promise<{ code: string; groep: string; bron: string | null }[]> {
  return q.query<{ code: string; groep: string; bron: string | null }>(
    'SELECT code, groep, bron FROM eis WHERE kader_id = $1 AND NOT vervallen',
    [kaderId],
  );
}

export interface PoortEisRij {
  id: string;
  code: string;
  groep: string;
  tekst: string;
  soort: string;
  verplicht: boolean;
  van_toepassing: string[];
  bron: string | null;
  waarde: unknown;
  document_id: string | null;
}

/** The current requirements of the given groups with this bid's answer (if any). */
export function eisenMetAntwoord(
  q: Queryable,
  kaderId: string,
  inschrijvingId: string,
  groepen: readonly string[],
): Promise<PoortEisRij[]> {
  return q.query<PoortEisRij>(
    `SELECT e.id, e.code, e.groep, e.tekst, e.soort, e.verplicht, e.van_toepassing, e.bron, a.waarde, a.document_id
       FROM eis e LEFT JOIN inschrijving_antwoord a ON a.eis_id = e.id AND a.inschrijving_id = $2
      WHERE e.kader_id = $1 AND NOT e.vervallen AND e.groep = ANY($3::text[]) ORDER BY e.volgorde, e.code`,
    [kaderId, inschrijvingId, [...groepen]],
  );
}

export function eisenMetBronVanGroep(
  q: Queryable,
  kaderId: string,
  groep: string,
): Promise<{ code: string; tekst: string; bron: string | null }[]> {
  return q.query<{ code: string; tekst: string; bron: string | null }>(
    'SELECT code, tekst, bron FROM eis WHERE kader_id = $1 AND NOT vervallen AND groep = $2 ORDER BY volgorde, code',
    [kaderId, groep],
  );
}

export interface AntwoordRij {
  code: string;
  tekst: string;
  waarde: unknown;
  toelichting: string | null;
  document_id: string | null;
}

export function antwoordenVan(q: Queryable, inschrijvingId: string): Promise<AntwoordRij[]> {
  return q.query<AntwoordRij>(
    `SELECT e.code, e.tekst, a.waarde, a.toelichting, a.document_id FROM inschrijving_antwoord a JOIN eis e ON e.id = a.eis_id WHERE a.inschrijving_id = $1 ORDER BY e.volgorde, e.code`,
    [inschrijvingId],
  );
}

// ───────────────────────────── Classification, plan, facts about the provider ─────────────────────────────

export async function klassenVan(q: Queryable, kaderId: string, organisatieId: string): Promise<Klasse[]> {
  const rows = await q.query<{ klasse: Klasse }>(
    'SELECT klasse FROM classificatie WHERE kader_id = $1 AND organisatie_id = $2',
    [kaderId, organisatieId],
  );
  return rows.map((r) => r.klasse);
}

export async function heeftOntwikkelplan(q: Queryable, inschrijvingId: string): Promise<boolean> {
  return !!(await q.maybeOne<{ x: number }>('SELECT 1 AS x FROM ontwikkelplan WHERE inschrijving_id = $1', [
    inschrijvingId,
  ]));
}

export async function locatiesVerscherptToezicht(q: Queryable, organisatieId: string): Promise<string[]> {
  const rows = await q.query<{ naam: string }>(
    `SELECT naam FROM locatie WHERE organisatie_id = $1 AND inspectie_status = 'verscherpt' ORDER BY naam`,
    [organisatieId],
  );
  return rows.map((r) => r.naam);
}

/** The periods of the provider's accepted contracts (dates as 'YYYY-MM-DD'). */
export function geaccepteerdePeriodes(q: Queryable, organisatieId: string): Promise<{ van: string; tot: string }[]> {
  return q.query<{ van: string; tot: string }>(
    `SELECT ingangsdatum::text AS van, einddatum::text AS tot FROM overeenkomst WHERE organisatie_id = $1 AND status = 'geaccepteerd'`,
    [organisatieId],
  );
}

/** The periods of the provider's accepted contracts from kaders of one zorgkantoor (regional `contractjaren`). */
export function geaccepteerdePeriodesBij(
  q: Queryable,
  organisatieId: string,
  zorgkantoorId: string,
): Promise<{ van: string; tot: string }[]> {
  return q.query<{ van: string; tot: string }>(
    `SELECT o.ingangsdatum::text AS van, o.einddatum::text AS tot FROM overeenkomst o JOIN inkoopkader k ON k.id = o.kader_id
      WHERE o.organisatie_id = $1 AND o.status = 'geaccepteerd' AND k.organisatie_id = $2`,
    [organisatieId, zorgkantoorId],
  );
}

// ───────────────────────────── Scores and the four-eyes decision ─────────────────────────────

export interface BesluitRij {
  id: string;
  inschrijving_id: string;
  eerste_beoordelaar_id: string;
  tweede_beslisser_id: string | null;
  status: 'voorgesteld' | 'vastgesteld' | 'afgewezen';
  totaalscore: string | null;
  knockout_eis_code: string | null;
  voorstel_uitkomst: string | null;
  motivatie: string | null;
  voorgesteld_op: Date;
  besloten_op: Date | null;
  uitslag: unknown;
  regel: string | null;
  vervallen_op: Date | null;
}

export const BESLUIT_VOLGORDE = `(status <> 'afgewezen') DESC, voorgesteld_op DESC, besloten_op DESC NULLS FIRST`;

/**
 * At most one assessment is open or confirmed at a time; rejected ones are history (the clock may
 * stand still in tests). vervallen_op: superseded by an open house re-application, history too.
 */
export async function laatsteBesluitRij(q: Queryable, inschrijvingId: string): Promise<BesluitRij | null> {
  return (
    (await q.maybeOne<BesluitRij>(
      `SELECT * FROM beoordeling_besluit WHERE inschrijving_id = $1 AND vervallen_op IS NULL ORDER BY ${BESLUIT_VOLGORDE} LIMIT 1`,
      [inschrijvingId],
    )) ?? null
  );
}

export async function besluitTotaalscore(
  q: Queryable,
  besluitId: string | null,
): Promise<{ totaalscore: string | null } | null> {
  return (
    (await q.maybeOne<{ totaalscore: string | null }>('SELECT totaalscore FROM beoordeling_besluit WHERE id = $1', [
      besluitId,
    ])) ?? null
  );
}

export interface ScoreRij {
  id: string;
  inschrijving_id: string;
  eis_id: string;
  beoordelaar_id: string;
  voldoet: boolean | null;
  score: string | null;
  motivatie: string;
  beoordeeld_op: Date;
  automatisch: boolean;
  code: string;
  beoordelaar_naam: string;
}

export function scoresVan(q: Queryable, inschrijvingId: string): Promise<ScoreRij[]> {
  return q.query<ScoreRij>(
    `SELECT b.*, e.code, g.naam AS beoordelaar_naam FROM beoordeling b JOIN eis e ON e.id = b.eis_id JOIN gebruiker g ON g.id = b.beoordelaar_id WHERE b.inschrijving_id = $1 ORDER BY g.naam, e.volgorde, e.code`,
    [inschrijvingId],
  );
}

export async function verwijderScores(q: Queryable, inschrijvingId: string, beoordelaarId: string): Promise<void> {
  await q.query('DELETE FROM beoordeling WHERE inschrijving_id = $1 AND beoordelaar_id = $2', [
    inschrijvingId,
    beoordelaarId,
  ]);
}

export async function schrijfScore(
  q: Queryable,
  s: {
    inschrijvingId: string;
    eisId: string;
    beoordelaarId: string;
    voldoet: boolean | null | undefined;
    score: string | null;
    motivatie: string;
    op: Date;
  },
): Promise<void> {
  await q.query(
    `INSERT INTO beoordeling (inschrijving_id, eis_id, beoordelaar_id, voldoet, score, motivatie, beoordeeld_op) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
    [s.inschrijvingId, s.eisId, s.beoordelaarId, s.voldoet, s.score, s.motivatie, s.op],
  );
}

/** Marks the stored automatic judgements (beoordeling.automatisch, 0036). */
export async function markeerScoresAutomatisch(
  q: Queryable,
  inschrijvingId: string,
  beoordelaarId: string,
  eisIds: string[],
): Promise<void> {
  await q.query(
    'UPDATE beoordeling SET automatisch = true WHERE inschrijving_id = $1 AND beoordelaar_id = $2 AND eis_id = ANY($3::uuid[])',
    [inschrijvingId, beoordelaarId, eisIds],
  );
}

export interface UitslagVoorstel {
  totaal: string | null;
  knockOut: string | null;
  uitslag: unknown;
  regel: string;
  op: Date;
}

export async function werkVoorstelBij(q: Queryable, besluitId: string, v: UitslagVoorstel): Promise<void> {
  await q.query(
    `UPDATE beoordeling_besluit SET totaalscore = $2, knockout_eis_code = $3, uitslag = $4, regel = $5, voorgesteld_op = $6 WHERE id = $1`,
    [besluitId, v.totaal, v.knockOut, JSON.stringify(v.uitslag), v.regel, v.op],
  );
}

export async function nieuwVoorstel(
  q: Queryable,
  inschrijvingId: string,
  beoordelaarId: string,
  v: UitslagVoorstel,
): Promise<string> {
  const r = await q.one<{ id: string }>(
    `INSERT INTO beoordeling_besluit (inschrijving_id, eerste_beoordelaar_id, status, totaalscore, knockout_eis_code, uitslag, regel, voorgesteld_op)
        VALUES ($1,$2,'voorgesteld',$3,$4,$5,$6,$7) RETURNING id`,
    [inschrijvingId, beoordelaarId, v.totaal, v.knockOut, JSON.stringify(v.uitslag), v.regel, v.op],
  );
  return r.id;
}

export async function beoordelaarsVan(q: Queryable, inschrijvingId: string): Promise<string[]> {
  const rows = await q.query<{ beoordelaar_id: string }>(
    'SELECT DISTINCT beoordelaar_id FROM beoordeling WHERE inschrijving_id = $1',
    [inschrijvingId],
  );
  return rows.map((r) => r.beoordelaar_id);
}

export async function legBesluitVast(
  q: Queryable,
  besluitId: string,
  b: { status: 'vastgesteld' | 'afgewezen'; beslisserId: string; motivatie: string; op: Date },
): Promise<void> {
  await q.query(
    `UPDATE beoordeling_besluit SET status = $2, tweede_beslisser_id = $3, motivatie = $4, besloten_op = $5 WHERE id = $1`,
    [besluitId, b.status, b.beslisserId, b.motivatie, b.op],
  );
}

// ───────────────────────────── Overview ─────────────────────────────

export interface OverzichtRij {
  id: string;
  organisatie_id: string;
  naam: string;
  ingediend_op: Tijdstip | null;
  besluit: {
    status: string;
    totaalscore: string | null;
    knockout_eis_code: string | null;
    eerste_beoordelaar_id: string;
    tweede_beslisser_id: string | null;
  } | null;
  gunning: { id: string; soort: string; uitkomst: string; opslag_pct: string | number | null } | null;
}

/** The submitted bids of a kader with their current assessment and award. */
export function ingediendeMetStand(q: Queryable, kaderId: string): Promise<OverzichtRij[]> {
  return q.query<OverzichtRij>(
    `SELECT i.id, i.organisatie_id, o.naam, i.ingediend_op,
            (SELECT row_to_json(b) FROM (SELECT status, totaalscore::text AS totaalscore, knockout_eis_code, eerste_beoordelaar_id, tweede_beslisser_id FROM beoordeling_besluit
               WHERE inschrijving_id = i.id AND vervallen_op IS NULL ORDER BY ${BESLUIT_VOLGORDE} LIMIT 1) b) AS besluit,
            (SELECT row_to_json(g) FROM (SELECT id, soort, uitkomst, opslag_pct FROM gunning WHERE inschrijving_id = i.id ORDER BY CASE soort WHEN 'definitief' THEN 0 ELSE 1 END LIMIT 1) g) AS gunning
     FROM inschrijving i JOIN organisatie o ON o.id = i.organisatie_id
     WHERE i.kader_id = $1 AND i.status = 'ingediend' ORDER BY o.naam`,
    [kaderId],
  );
}

// ───────────────────────────── Awards and objections ─────────────────────────────

export interface GunningRij {
  id: string;
  inschrijving_id: string;
  besluit_id: string | null;
  soort: 'voorlopig' | 'definitief';
  uitkomst: string;
  opslag_pct: string | null;
  motivatie: string | null;
  brief_document_id: string | null;
  besloten_door: string | null;
  besloten_op: Date;
  looptijd_jaren: number | null;
  invoer: Record<string, unknown> | null;
  redenen: { code: string; regel: string; voldaan: boolean; toelichting: string }[] | null;
  regel: string | null;
  bezwaar_tot: Date | null;
  herzien_op: Date | null;
  opslag_voorstel: string | null;
  opslag_motivatie: string | null;
  prijzen: unknown;
}

export async function gunningVan(
  q: Queryable,
  inschrijvingId: string,
  soort: 'voorlopig' | 'definitief',
): Promise<GunningRij | null> {
  return (
    (await q.maybeOne<GunningRij>(`SELECT * FROM gunning WHERE inschrijving_id = $1 AND soort = $2`, [
      inschrijvingId,
      soort,
    ])) ?? null
  );
}

export async function isDefinitiefGegund(q: Queryable, inschrijvingId: string): Promise<boolean> {
  return !!(await q.maybeOne<{ x: number }>(
    `SELECT 1 AS x FROM gunning WHERE inschrijving_id = $1 AND soort = 'definitief'`,
    [inschrijvingId],
  ));
}

/** The columns an award is stored with (provisional and final). */
export interface GunningVelden {
  uitkomst: string;
  opslagPct: string;
  motivatie: string | null;
  briefDocumentId: string;
  beslotenDoor: string;
  op: Date;
  looptijdJaren: number | null;
  invoer: unknown;
  redenen: unknown;
  regel: string | null;
}

export async function nieuweVoorlopigeGunning(
  q: Queryable,
  inschrijvingId: string,
  g: GunningVelden & { bezwaarTot: Date; besluitId: string },
): Promise<string> {
  const r = await q.one<{ id: string }>(
    `INSERT INTO gunning (inschrijving_id, soort, uitkomst, opslag_pct, motivatie, brief_document_id, besloten_door, besloten_op, looptijd_jaren, invoer, redenen, regel, bezwaar_tot, besluit_id)
        VALUES ($1,'voorlopig',$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13) RETURNING id`,
    [inschrijvingId, ...gunningWaarden(g), g.bezwaarTot, g.besluitId],
  );
  return r.id;
}

/** A provisional award revised after a founded objection; the objection is marked as processed. */
export async function herzieVoorlopigeGunning(
  q: Queryable,
  gunningId: string,
  g: GunningVelden & { bezwaarTot: Date; besluitId: string },
): Promise<void> {
  await q.query(
    `UPDATE gunning SET uitkomst=$2, opslag_pct=$3, motivatie=$4, brief_document_id=$5, besloten_door=$6, herzien_op=$7, looptijd_jaren=$8, invoer=$9, redenen=$10, regel=$11, bezwaar_tot=$12, besluit_id=$13 WHERE id = $1`,
    [gunningId, ...gunningWaarden(g), g.bezwaarTot, g.besluitId],
  );
  await q.query(
    `UPDATE bezwaar SET verwerkt_op = $2 WHERE gunning_id = $1 AND status = 'gegrond' AND verwerkt_op IS NULL`,
    [gunningId, g.op],
  );
}

export async function nieuweDefinitieveGunning(
  q: Queryable,
  inschrijvingId: string,
  g: GunningVelden & { besluitId: string | null },
): Promise<string> {
  const r = await q.one<{ id: string }>(
    `INSERT INTO gunning (inschrijving_id, besluit_id, soort, uitkomst, opslag_pct, motivatie, brief_document_id, besloten_door, besloten_op, looptijd_jaren, invoer, redenen, regel)
      VALUES ($1,$2,'definitief',$3,$4,$5,$6,$7,$8,$9,$10,$11,$12) RETURNING id`,
    [inschrijvingId, g.besluitId, ...gunningWaarden(g)],
  );
  return r.id;
}

function gunningWaarden(g: GunningVelden): unknown[] {
  return [
    g.uitkomst,
    g.opslagPct,
    g.motivatie,
    g.briefDocumentId,
    g.beslotenDoor,
    g.op,
    g.looptijdJaren,
    JSON.stringify(g.invoer),
    JSON.stringify(g.redenen),
    g.regel,
  ];
}

/** The prices of a (provisional) award as in its letter, and the opslag proposal it was decided on. */
export async function zetGunningPrijzen(
  q: Queryable,
  gunningId: string,
  prijzen: unknown,
  opslagVoorstel: string | null,
  opslagMotivatie: string | null,
): Promise<void> {
  await q.query('UPDATE gunning SET prijzen = $2, opslag_voorstel = $3, opslag_motivatie = $4 WHERE id = $1', [
    gunningId,
    JSON.stringify(prijzen),
    opslagVoorstel,
    opslagMotivatie,
  ]);
}

export interface ZichtbareGunningRij extends GunningRij {
  aanbieder_id: string;
  kader_id: string;
  zorgkantoor_id: string;
}

export async function gunningMetPartijen(q: Queryable, gunningId: string): Promise<ZichtbareGunningRij | null> {
  return (
    (await q.maybeOne<ZichtbareGunningRij>(
      `SELECT g.*, i.organisatie_id AS aanbieder_id, i.kader_id, k.organisatie_id AS zorgkantoor_id FROM gunning g JOIN inschrijving i ON i.id = g.inschrijving_id
     JOIN inkoopkader k ON k.id = i.kader_id WHERE g.id = $1`,
      [gunningId],
    )) ?? null
  );
}

export interface GunningLijstRij extends GunningRij {
  aanbieder_id: string;
  kader_id: string;
  kader_titel: string;
  aanbieder_naam: string;
}

/** Awards of one organisation: a provider's own (`alsAanbieder`), else those of the zorgkantoor's kaders. */
export function gunningenVan(
  q: Queryable,
  organisatieId: string,
  alsAanbieder: boolean,
  kaderId: string | null,
): Promise<GunningLijstRij[]> {
  return q.query<GunningLijstRij>(
    `SELECT g.*, i.organisatie_id AS aanbieder_id, i.kader_id, k.titel AS kader_titel, o.naam AS aanbieder_naam FROM gunning g
     JOIN inschrijving i ON i.id = g.inschrijving_id JOIN inkoopkader k ON k.id = i.kader_id JOIN organisatie o ON o.id = i.organisatie_id
     WHERE ($1::text IS NULL OR i.kader_id::text = $1) AND (CASE WHEN $3 THEN i.organisatie_id = $2 ELSE k.organisatie_id = $2 END)
     ORDER BY g.besloten_op DESC`,
    [kaderId, organisatieId, alsAanbieder],
  );
}

export async function kaderTitelEnAanbiederNaam(
  q: Queryable,
  kaderId: string,
  aanbiederId: string,
): Promise<{ kader_titel: string; aanbieder_naam: string }> {
  return q.one<{ kader_titel: string; aanbieder_naam: string }>(
    'SELECT k.titel AS kader_titel, o.naam AS aanbieder_naam FROM inkoopkader k, organisatie o WHERE k.id = $1 AND o.id = $2',
    [kaderId, aanbiederId],
  );
}

export interface BezwaarRij {
  id: string;
  gunning_id: string;
  inschrijving_id: string;
  tekst: string;
  ingediend_op: Date;
  ingediend_door: string | null;
  status: 'ingediend' | 'gegrond' | 'ongegrond' | 'ingetrokken';
  besluit: string | null;
  besloten_op: Date | null;
  besloten_door: string | null;
  verwerkt_op: Date | null;
}

export function bezwarenVan(q: Queryable, gunningIds: string[]): Promise<BezwaarRij[]> {
  return q.query<BezwaarRij>('SELECT * FROM bezwaar WHERE gunning_id = ANY($1::uuid[]) ORDER BY ingediend_op', [
    gunningIds,
  ]);
}

export async function laadBezwaar(q: Queryable, id: string): Promise<BezwaarRij | null> {
  return (await q.maybeOne<BezwaarRij>('SELECT * FROM bezwaar WHERE id = $1', [id])) ?? null;
}

export async function heeftOnverwerktGegrondBezwaar(q: Queryable, gunningId: string): Promise<boolean> {
  return !!(await q.maybeOne<{ x: number }>(
    `SELECT 1 AS x FROM bezwaar WHERE gunning_id = $1 AND status = 'gegrond' AND verwerkt_op IS NULL`,
    [gunningId],
  ));
}

export async function openBezwaren(q: Queryable, gunningId: string): Promise<string[]> {
  const rows = await q.query<{ id: string }>(`SELECT id FROM bezwaar WHERE gunning_id = $1 AND status = 'ingediend'`, [
    gunningId,
  ]);
  return rows.map((r) => r.id);
}

export async function nieuwBezwaar(
  q: Queryable,
  b: { gunningId: string; inschrijvingId: string; tekst: string; op: Date; door: string },
): Promise<string> {
  const r = await q.one<{ id: string }>(
    `INSERT INTO bezwaar (gunning_id, inschrijving_id, tekst, ingediend_op, ingediend_door) VALUES ($1,$2,$3,$4,$5) RETURNING id`,
    [b.gunningId, b.inschrijvingId, b.tekst, b.op, b.door],
  );
  return r.id;
}

export async function beslisBezwaar(
  q: Queryable,
  id: string,
  b: { status: 'gegrond' | 'ongegrond'; besluit: string; op: Date; door: string },
): Promise<void> {
  await q.query('UPDATE bezwaar SET status = $2, besluit = $3, besloten_op = $4, besloten_door = $5 WHERE id = $1', [
    id,
    b.status,
    b.besluit,
    b.op,
    b.door,
  ]);
}

// ───────────────────────────── Documents ─────────────────────────────

export async function nieuwGegenereerdDocument(
  q: Queryable,
  d: {
    organisatieId: string;
    inschrijvingId: string;
    kaderId: string;
    doel: string;
    naam: string;
    pdf: Buffer;
    sha256: string;
    door: string;
  },
): Promise<string> {
  const r = await q.one<{ id: string }>(
    // gegenereerd: the zorgkantoor's document under the provider's bid, never deletable by the provider (0034_document_gegenereerd.sql)
    `INSERT INTO document (organisatie_id, inschrijving_id, kader_id, doel, naam, mime, grootte, sha256, inhoud, geupload_door, gegenereerd)
    VALUES ($1,$2,$3,$4,$5,'application/pdf',$6,$7,$8,$9,true) RETURNING id`,
    [d.organisatieId, d.inschrijvingId, d.kaderId, d.doel, d.naam, d.pdf.length, d.sha256, d.pdf, d.door],
  );
  return r.id;
}

export interface GunningDocumentRij {
  naam: string;
  inhoud: Uint8Array;
  sha256: string;
  organisatie_id: string;
  zorgkantoor_id: string;
}

/** A generated letter or contract (never another document). */
export async function laadGunningDocument(q: Queryable, id: string): Promise<GunningDocumentRij | null> {
  return (
    (await q.maybeOne<GunningDocumentRij>(
      `SELECT d.naam, d.inhoud, d.sha256, d.organisatie_id, k.organisatie_id AS zorgkantoor_id FROM document d JOIN inkoopkader k ON k.id = d.kader_id
     WHERE d.id = $1 AND d.doel IN ('brief','overeenkomst') AND NOT d.verwijderd
       AND (EXISTS (SELECT 1 FROM gunning g WHERE g.brief_document_id = d.id) OR EXISTS (SELECT 1 FROM overeenkomst o WHERE o.document_id = d.id))`,
      [id],
    )) ?? null
  );
}

export async function documentSha256(q: Queryable, id: string): Promise<string | null> {
  return (await q.maybeOne<{ sha256: string }>('SELECT sha256 FROM document WHERE id = $1', [id]))?.sha256 ?? null;
}

export interface NviRij {
  versie: number;
  inhoud: unknown;
}

export async function laatsteNviRij(q: Queryable, kaderId: string): Promise<NviRij | null> {
  return (
    (await q.maybeOne<NviRij>(
      'SELECT versie, inhoud FROM nota_van_inlichtingen WHERE kader_id = $1 ORDER BY versie DESC LIMIT 1',
      [kaderId],
    )) ?? null
  );
}

// ───────────────────────────── Contracts ─────────────────────────────

export interface OvereenkomstRij {
  id: string;
  inschrijving_id: string;
  gunning_id: string | null;
  toelating_id: string | null;
  soort: string;
  kader_id: string;
  organisatie_id: string;
  ingangsdatum: string;
  einddatum: string;
  kader_versie: number | null;
  nvi_versie: number | null;
  documenten: unknown;
  document_id: string | null;
  status: 'aangeboden' | 'geaccepteerd' | 'geweigerd';
  geaccepteerd_door: string | null;
  geaccepteerd_op: Date | null;
  aangemaakt_op: Date;
}

const OVEREENKOMST = 'SELECT *, ingangsdatum::text AS ingangsdatum, einddatum::text AS einddatum FROM overeenkomst';

export function overeenkomstenVanGunningen(q: Queryable, gunningIds: string[]): Promise<OvereenkomstRij[]> {
  return q.query<OvereenkomstRij>(`${OVEREENKOMST} WHERE gunning_id = ANY($1::uuid[])`, [gunningIds]);
}

export async function laadOvereenkomst(q: Queryable, id: string): Promise<OvereenkomstRij | null> {
  return (await q.maybeOne<OvereenkomstRij>(`${OVEREENKOMST} WHERE id = $1`, [id])) ?? null;
}

export async function nieuweOvereenkomst(
  q: Queryable,
  o: {
    inschrijvingId: string;
    gunningId: string;
    kaderId: string;
    organisatieId: string;
    ingangsdatum: string;
    einddatum: string;
    kaderVersie: number | null;
    nviVersie: number | null;
    documenten: unknown;
    documentId: string;
    op: Date;
  },
): Promise<string> {
  const r = await q.one<{ id: string }>(
    `INSERT INTO overeenkomst (inschrijving_id, gunning_id, kader_id, organisatie_id, ingangsdatum, einddatum, kader_versie, nvi_versie, documenten, document_id, aangemaakt_op)
        VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) RETURNING id`,
    [
      o.inschrijvingId,
      o.gunningId,
      o.kaderId,
      o.organisatieId,
      o.ingangsdatum,
      o.einddatum,
      o.kaderVersie,
      o.nviVersie,
      JSON.stringify(o.documenten),
      o.documentId,
      o.op,
    ],
  );
  return r.id;
}

export async function beslisOvereenkomst(
  q: Queryable,
  id: string,
  b: { status: 'geaccepteerd' | 'geweigerd'; door: string; op: Date },
): Promise<void> {
  await q.query('UPDATE overeenkomst SET status = $2, geaccepteerd_door = $3, geaccepteerd_op = $4 WHERE id = $1', [
    id,
    b.status,
    b.door,
    b.op,
  ]);
}

/** Provider and zorgkantoor of a contract (for visibility). */
export async function overeenkomstPartijen(
  q: Queryable,
  id: string,
): Promise<{ organisatie_id: string; zorgkantoor_id: string } | null> {
  return (
    (await q.maybeOne<{ organisatie_id: string; zorgkantoor_id: string }>(
      'SELECT o.organisatie_id, k.organisatie_id AS zorgkantoor_id FROM overeenkomst o JOIN inkoopkader k ON k.id = o.kader_id WHERE o.id = $1',
      [id],
    )) ?? null
  );
}

// ───────────────────────────── Prices and the opslag ─────────────────────────────

export interface NzaTariefRij {
  code: string;
  omschrijving: string;
  leveringsvorm: string | null;
  tarief: string;
  voorbeeld: boolean;
}

export function nzaTarievenVan(q: Queryable, sector: string, jaar: number): Promise<NzaTariefRij[]> {
  return q.query<NzaTariefRij>(
    `SELECT p.code, p.omschrijving, p.leveringsvorm, n.tarief::text AS tarief, i.voorbeeld
       FROM prestatie p JOIN nza_tarief n ON n.prestatie_code = p.code AND n.jaar = $2
       JOIN nza_tarief_import i ON i.id = n.import_id
      WHERE p.sector = $1 ORDER BY p.code`,
    [sector, jaar],
  );
}

export interface OvereenkomstOpslagRij extends OvereenkomstRij {
  zorgkantoor_id: string;
  opslag: string | null;
  uitkomst: string;
}

/** A contract from an award with the agreed opslag, locked for the grant. */
export async function overeenkomstVoorOpslag(q: Queryable, id: string): Promise<OvereenkomstOpslagRij | null> {
  return (
    (await q.maybeOne<OvereenkomstOpslagRij>(
      `SELECT o.*, k.organisatie_id AS zorgkantoor_id, g.opslag_pct::text AS opslag, g.uitkomst FROM overeenkomst o
         JOIN inkoopkader k ON k.id = o.kader_id JOIN gunning g ON g.id = o.gunning_id WHERE o.id = $1 FOR UPDATE OF o`,
      [id],
    )) ?? null
  );
}

export async function isOpslagToegekend(q: Queryable, overeenkomstId: string, moment: string): Promise<boolean> {
  return !!(await q.maybeOne<{ x: number }>(
    'SELECT 1 AS x FROM opslag_toekenning WHERE overeenkomst_id = $1 AND moment = $2',
    [overeenkomstId, moment],
  ));
}

export async function toegekendeOpslag(q: Queryable, overeenkomstId: string): Promise<string | null> {
  return (
    await q.one<{ s: string | null }>(
      'SELECT max(cumulatief)::text AS s FROM opslag_toekenning WHERE overeenkomst_id = $1',
      [overeenkomstId],
    )
  ).s;
}

export async function schrijfOpslagToekenning(
  q: Queryable,
  t: {
    overeenkomstId: string;
    moment: string;
    percentage: string;
    cumulatief: string;
    motivatie: string | null;
    door: string;
    op: Date;
  },
): Promise<void> {
  await q.query(
    `INSERT INTO opslag_toekenning (overeenkomst_id, moment, percentage, cumulatief, motivatie, toegekend_door, toegekend_op) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
    [t.overeenkomstId, t.moment, t.percentage, t.cumulatief, t.motivatie, t.door, t.op],
  );
}

export interface PrijsRegelInvoer {
  prestatieCode: string;
  nzaMax: string;
  basistariefPct: string;
  basistarief: string;
  opslagPct: string;
  prijs: string;
  maxTariefZk: string;
  voorbeeld: boolean;
}

export async function schrijfOvereenkomstPrijs(
  q: Queryable,
  overeenkomstId: string,
  moment: string,
  jaar: number,
  r: PrijsRegelInvoer,
): Promise<void> {
  await q.query(
    `INSERT INTO overeenkomst_prijs (overeenkomst_id, moment, prestatie_code, jaar, nza_max, basistarief_pct, basistarief, opslag_pct, prijs, max_tarief_zk, voorbeeld)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`,
    [
      overeenkomstId,
      moment,
      r.prestatieCode,
      jaar,
      r.nzaMax,
      r.basistariefPct,
      r.basistarief,
      r.opslagPct,
      r.prijs,
      r.maxTariefZk,
      r.voorbeeld,
    ],
  );
}

/** The contract from an award that a provider holds with a zorgkantoor for a year; null when none. */
export async function overeenkomstIdVoorAanbieder(
  q: Queryable,
  aanbiederId: string,
  zorgkantoorId: string,
  jaar: number,
): Promise<string | null> {
  const r = await q.maybeOne<{ id: string }>(
    `SELECT o.id FROM overeenkomst o JOIN inkoopkader k ON k.id = o.kader_id
      WHERE o.organisatie_id = $1 AND k.organisatie_id = $2 AND $3::int BETWEEN k.jaar_van AND k.jaar_tot
        AND o.gunning_id IS NOT NULL AND o.status <> 'geweigerd'
      ORDER BY o.aangemaakt_op DESC, o.id LIMIT 1`,
    [aanbiederId, zorgkantoorId, jaar],
  );
  return r?.id ?? null;
}

export async function overeenkomstMetOpslag(
  q: Queryable,
  id: string,
): Promise<{ id: string; opslag: string | null; jaar_van: number } | null> {
  return (
    (await q.maybeOne<{ id: string; opslag: string | null; jaar_van: number }>(
      `SELECT o.id, g.opslag_pct::text AS opslag, k.jaar_van FROM overeenkomst o JOIN gunning g ON g.id = o.gunning_id JOIN inkoopkader k ON k.id = o.kader_id WHERE o.id = $1`,
      [id],
    )) ?? null
  );
}

export interface ToekenningRij {
  moment: string;
  percentage: string;
  cumulatief: string;
  motivatie: string | null;
  toegekend_op: Tijdstip;
}

export function opslagToekenningen(q: Queryable, overeenkomstId: string): Promise<ToekenningRij[]> {
  return q.query<ToekenningRij>(
    'SELECT moment, percentage::text AS percentage, cumulatief::text AS cumulatief, motivatie, toegekend_op FROM opslag_toekenning WHERE overeenkomst_id = $1',
    [overeenkomstId],
  );
}

export interface OvereenkomstPrijsRij {
  moment: string;
  prestatie_code: string;
  jaar: number;
  nza_max: string;
  basistarief_pct: string;
  basistarief: string;
  opslag_pct: string;
  prijs: string;
  max_tarief_zk: string;
  voorbeeld: boolean;
}

export function overeenkomstPrijzen(q: Queryable, overeenkomstId: string): Promise<OvereenkomstPrijsRij[]> {
  return q.query<OvereenkomstPrijsRij>(
    `SELECT moment, prestatie_code, jaar, nza_max::text AS nza_max, basistarief_pct::text AS basistarief_pct, basistarief::text AS basistarief,
            opslag_pct::text AS opslag_pct, prijs::text AS prijs, max_tarief_zk::text AS max_tarief_zk, voorbeeld
       FROM overeenkomst_prijs WHERE overeenkomst_id = $1`,
    [overeenkomstId],
  );
}

// ───────────────────────────── Open data (OCDS) ─────────────────────────────

export async function koperVan(q: Queryable, id: string): Promise<{ id: string; naam: string; kvk: string | null }> {
  return q.one<{ id: string; naam: string; kvk: string | null }>(
    'SELECT id, naam, kvk FROM organisatie WHERE id = $1',
    [id],
  );
}

export interface OcdsGunningRij {
  id: string;
  uitkomst: string;
  looptijd_jaren: number | null;
  besloten_op: Tijdstip;
  org_id: string;
  naam: string;
  kvk: string | null;
  agb: string | null;
}

export function definitieveGunningenVanKader(q: Queryable, kaderId: string): Promise<OcdsGunningRij[]> {
  return q.query<OcdsGunningRij>(
    `SELECT g.id, g.uitkomst, g.looptijd_jaren, g.besloten_op, o.id AS org_id, o.naam, o.kvk, o.agb FROM gunning g JOIN inschrijving i ON i.id = g.inschrijving_id
     JOIN organisatie o ON o.id = i.organisatie_id WHERE i.kader_id = $1 AND g.soort = 'definitief' ORDER BY o.naam`,
    [kaderId],
  );
}

export interface OcdsToelatingRij {
  id: string;
  besloten_op: Tijdstip;
  van: string;
  tot: string;
  org_id: string;
  naam: string;
  kvk: string | null;
  agb: string | null;
}

/** Open house: every admitted provider with its framework contract; rejections are not published. */
export function toelatingenVanKader(q: Queryable, kaderId: string): Promise<OcdsToelatingRij[]> {
  return q.query<OcdsToelatingRij>(
    `SELECT t.id, t.besloten_op, ok.ingangsdatum::text AS van, ok.einddatum::text AS tot, o.id AS org_id, o.naam, o.kvk, o.agb FROM toelating t
     JOIN overeenkomst ok ON ok.id = t.overeenkomst_id JOIN organisatie o ON o.id = t.organisatie_id WHERE t.kader_id = $1 AND t.besluit = 'toegelaten' ORDER BY o.naam`,
    [kaderId],
  );
}

export interface OcdsOvereenkomstRij {
  id: string;
  gunning_id: string;
  van: string;
  tot: string;
  status: string;
  aangemaakt_op: Tijdstip;
  geaccepteerd_op: Tijdstip | null;
}

export function overeenkomstenVanKader(q: Queryable, kaderId: string): Promise<OcdsOvereenkomstRij[]> {
  return q.query<OcdsOvereenkomstRij>(
    `SELECT id, coalesce(gunning_id, toelating_id) AS gunning_id, ingangsdatum::text AS van, einddatum::text AS tot, status, aangemaakt_op, geaccepteerd_op FROM overeenkomst WHERE kader_id = $1 ORDER BY aangemaakt_op`,
    [kaderId],
  );
}
