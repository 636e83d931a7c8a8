/**
 * SQL of open house admission: table toelating, and the inkoop tables an admission reads or writes
 * (inkoopkader, inschrijving, eis, beoordeling, beoordeling_besluit, overeenkomst, document).
 * Every query has a declared row type; rules stay in ./regel.ts, use cases in ./service.ts.
 */
import type { GunningDocumentRij } from '../gunning/store.ts';
import type { Queryable } from '../../platform/db/index.ts';
import type { KaderRij } from '../gunning/service.ts';

type Tijdstip = Date | string;

export async function kaderRij(q: Queryable, kaderId: string): Promise<KaderRij | null> {
  return (await q.maybeOne<KaderRij>('SELECT * FROM inkoopkader WHERE id = $1', [kaderId])) ?? null;
}

export function eisTekstRijen(q: Queryable, kaderId: string): Promise<{ code: string; tekst: string }[]> {
  return q.query<{ code: string; tekst: string }>('SELECT code, tekst FROM eis WHERE kader_id = $1', [kaderId]);
}

/** The requirements a raamovereenkomst lists (PvE, bestuursverklaring, suitability, exclusion). */
export function contractEisen(q: Queryable, kaderId: string): Promise<{ code: string; tekst: string }[]> {
  return q.query<{ code: string; tekst: string }>(
    `SELECT code, tekst FROM eis WHERE kader_id = $1 AND NOT vervallen AND groep IN ('pve','bestuursverklaring','geschiktheidseis','uitsluitingsgrond') ORDER BY volgorde, code`,
    [kaderId],
  );
}

export interface IndieningRij {
  ontvangst_hash: string | null;
  ingediend_op: Date | null;
  regio_codes: string[];
}

/** The submission's receipt, time and regions, locked for the decision. */
export function indieningVoorBesluit(q: Queryable, inschrijvingId: string): Promise<IndieningRij> {
  return q.one<IndieningRij>(
    'SELECT ontvangst_hash, ingediend_op, regio_codes FROM inschrijving WHERE id = $1 FOR UPDATE',
    [inschrijvingId],
  );
}

/** Whether an admission was already recorded on this assessment decision. */
export async function isBeslotenOp(q: Queryable, beoordelingBesluitId: string): Promise<boolean> {
  return !!(await q.maybeOne<{ id: string }>('SELECT id FROM toelating WHERE beoordeling_besluit_id = $1', [
    beoordelingBesluitId,
  ]));
}

export async function volgendeRonde(q: Queryable, inschrijvingId: string): Promise<number> {
  const r = await q.one<{ n: number }>(
    'SELECT coalesce(max(ronde), 0) + 1 AS n FROM toelating WHERE inschrijving_id = $1',
    [inschrijvingId],
  );
  return Number(r.n);
}

export interface ScoreRij {
  code: string;
  beoordelaar_id: string;
  voldoet: boolean | null;
  score: string | null;
  motivatie: string | null;
}

/** Every assessor's judgement of the bid, in requirement order. */
export function scoreRijen(q: Queryable, inschrijvingId: string): Promise<ScoreRij[]> {
  return q.query<ScoreRij>(
    `SELECT e.code, b.beoordelaar_id, b.voldoet, b.score, b.motivatie FROM beoordeling b JOIN eis e ON e.id = b.eis_id WHERE b.inschrijving_id = $1 ORDER BY e.volgorde, e.code, b.beoordelaar_id`,
    [inschrijvingId],
  );
}

export function organisatieNamen(q: Queryable, ids: string[]): Promise<{ id: string; naam: string }[]> {
  return q.query<{ id: string; naam: string }>('SELECT id, naam FROM organisatie WHERE id = ANY($1::text[])', [ids]);
}

export async function voegToelatingToe(
  q: Queryable,
  t: {
    inschrijvingId: string;
    kaderId: string;
    organisatieId: string;
    ronde: number;
    besluit: 'toegelaten' | 'afgewezen';
    beoordelingBesluitId: string;
    regel: string;
    invoer: unknown;
    redenen: unknown;
    motivatie: string | null;
    ontvangstHash: string | null;
    briefDocumentId: string;
    door: string;
    op: Date;
  },
): Promise<string> {
  const r = await q.one<{ id: string }>(
    `INSERT INTO toelating (inschrijving_id, kader_id, organisatie_id, ronde, besluit, beoordeling_besluit_id, regel, invoer, redenen, motivatie, ontvangst_hash, brief_document_id, besloten_door, besloten_op)
      VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14) RETURNING id`,
    [
      t.inschrijvingId,
      t.kaderId,
      t.organisatieId,
      t.ronde,
      t.besluit,
      t.beoordelingBesluitId,
      t.regel,
      JSON.stringify(t.invoer),
      JSON.stringify(t.redenen),
      t.motivatie,
      t.ontvangstHash,
      t.briefDocumentId,
      t.door,
      t.op,
    ],
  );
  return r.id;
}

/** The raamovereenkomst of an admission (no gunning), linked back to the admission. */
export async function voegRaamovereenkomstToe(
  q: Queryable,
  o: {
    inschrijvingId: string;
    toelatingId: string;
    kaderId: string;
    organisatieId: string;
    ingangsdatum: string;
    einddatum: string;
    kaderVersie: number | null;
    nviVersie: number | null;
    documenten: unknown[];
    documentId: string;
    op: Date;
  },
): Promise<string> {
  const r = await q.one<{ id: string }>(
    `INSERT INTO overeenkomst (inschrijving_id, gunning_id, toelating_id, soort, kader_id, organisatie_id, ingangsdatum, einddatum, kader_versie, nvi_versie, documenten, document_id, aangemaakt_op)
        VALUES ($1,NULL,$2,'raamovereenkomst',$3,$4,$5,$6,$7,$8,$9,$10,$11) RETURNING id`,
    [
      o.inschrijvingId,
      o.toelatingId,
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
  await q.query('UPDATE toelating SET overeenkomst_id = $2 WHERE id = $1', [o.toelatingId, r.id]);
  return r.id;
}

export interface Reden {
  code: string;
  tekst: string;
  voldaan: boolean;
  toelichting: string;
}

/** A row of table toelating with the name of the person who decided. */
export interface ToelatingRij {
  id: string;
  inschrijving_id: string;
  kader_id: string;
  organisatie_id: string;
  ronde: number;
  besluit: 'toegelaten' | 'afgewezen';
  beoordeling_besluit_id: string;
  regel: string;
  redenen: Reden[] | null;
  motivatie: string | null;
  ontvangst_hash: string | null;
  brief_document_id: string | null;
  overeenkomst_id: string | null;
  besloten_door: string;
  besloten_op: Tijdstip;
  heraangemeld_op: Tijdstip | null;
  beslist_naam?: string | null;
}

export async function laatsteToelating(q: Queryable, inschrijvingId: string): Promise<ToelatingRij | null> {
  return (
    (await q.maybeOne<ToelatingRij>('SELECT * FROM toelating WHERE inschrijving_id = $1 ORDER BY ronde DESC LIMIT 1', [
      inschrijvingId,
    ])) ?? null
  );
}

/**
 * Re-application: the bid goes back to concept, the rejection records the moment, and the current
 * assessment decisions are superseded. Returns the ids of the superseded decisions.
 */
export async function heropenVoorHeraanmelding(
  q: Queryable,
  inschrijvingId: string,
  toelatingId: string,
  nu: Date,
): Promise<string[]> {
  await q.query(`UPDATE inschrijving SET status = 'concept', ingetrokken_op = NULL, gewijzigd_op = $2 WHERE id = $1`, [
    inschrijvingId,
    nu,
  ]);
  await q.query('UPDATE toelating SET heraangemeld_op = $2 WHERE id = $1', [toelatingId, nu]);
  const vervallen = await q.query<{ id: string }>(
    'UPDATE beoordeling_besluit SET vervallen_op = $2 WHERE inschrijving_id = $1 AND vervallen_op IS NULL RETURNING id',
    [inschrijvingId, nu],
  );
  return vervallen.map((v) => v.id);
}

export function toelatingRijen(q: Queryable, inschrijvingIds: string[]): Promise<ToelatingRij[]> {
  return q.query<ToelatingRij>(
    `SELECT t.*, g.naam AS beslist_naam FROM toelating t LEFT JOIN gebruiker g ON g.id = t.besloten_door
    WHERE t.inschrijving_id = ANY($1::uuid[]) ORDER BY t.ronde DESC`,
    [inschrijvingIds],
  );
}

export interface RaamovereenkomstRij {
  id: string;
  toelating_id: string | null;
  soort: string;
  status: string;
  ingangsdatum: string;
  einddatum: string;
  document_id: string | null;
  geaccepteerd_op: Tijdstip | null;
}

export function overeenkomstenVanToelatingen(q: Queryable, toelatingIds: string[]): Promise<RaamovereenkomstRij[]> {
  return q.query<RaamovereenkomstRij>(
    `SELECT id, toelating_id, soort, status, ingangsdatum::text AS ingangsdatum, einddatum::text AS einddatum, document_id, geaccepteerd_op
    FROM overeenkomst WHERE toelating_id = ANY($1::uuid[])`,
    [toelatingIds],
  );
}

export interface AanmeldingRij {
  id: string;
  organisatie_id: string;
  naam: string;
  status: string;
  ingediend_op: Tijdstip | null;
}

/** The bids of a kader that were submitted or have an admission history, by provider name. */
export function aanmeldingen(q: Queryable, kaderId: string): Promise<AanmeldingRij[]> {
  return q.query<AanmeldingRij>(
    `SELECT i.id, i.organisatie_id, o.naam, i.status, i.ingediend_op FROM inschrijving i JOIN organisatie o ON o.id = i.organisatie_id
     WHERE i.kader_id = $1 AND (i.status = 'ingediend' OR EXISTS (SELECT 1 FROM toelating t WHERE t.inschrijving_id = i.id)) ORDER BY o.naam`,
    [kaderId],
  );
}

export interface EigenAanmeldingRij {
  id: string;
  kader_id: string;
  status: string;
  ingediend_op: Tijdstip | null;
  titel: string;
  fase: string;
  jaar_van: number;
  jaar_tot: number;
  zorgkantoor_naam: string;
}

/** A provider's bids on open house kaders, newest year first. */
export function eigenAanmeldingen(q: Queryable, organisatieId: string): Promise<EigenAanmeldingRij[]> {
  return q.query<EigenAanmeldingRij>(
    `SELECT i.id, i.kader_id, i.status, i.ingediend_op, k.titel, k.fase, k.jaar_van, k.jaar_tot, z.naam AS zorgkantoor_naam FROM inschrijving i
     JOIN inkoopkader k ON k.id = i.kader_id JOIN organisatie z ON z.id = k.organisatie_id
     WHERE i.organisatie_id = $1 AND k.procedure_type = 'open_house' ORDER BY k.jaar_van DESC, k.titel`,
    [organisatieId],
  );
}

/** A stored letter with its owners: the same shape as gunning's generated documents. */
export type BriefRij = GunningDocumentRij;

export async function toelatingsbriefRij(q: Queryable, toelatingId: string): Promise<BriefRij | null> {
  return (
    (await q.maybeOne<BriefRij>(
      `SELECT d.naam, d.inhoud, d.sha256, t.organisatie_id, k.organisatie_id AS zorgkantoor_id FROM toelating t JOIN document d ON d.id = t.brief_document_id
     JOIN inkoopkader k ON k.id = t.kader_id WHERE t.id = $1 AND NOT d.verwijderd`,
      [toelatingId],
    )) ?? null
  );
}
