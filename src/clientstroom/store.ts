/**
 * The only SQL on the cliëntstroom tables (client, indicatie, iwlz_bericht, toewijzing,
 * zorgaanvang, leveringsstatus, wachttijdnorm, bemiddeling_notitie). Typed rows; readable BSNs
 * never pass through here — only tokens and ciphertext.
 */
import type { Queryable } from '../platform/db/index.ts';

export interface ClientRij {
  id: string;
  bsn_token: string | null;
  bsn_versleuteld: string | null;
  persoonsgegevens_versleuteld: string | null;
  geheim: boolean;
  geboortejaar: number;
  regio_code: string;
}

export interface IndicatieRij {
  id: string;
  client_id: string;
  zorgprofiel_code: string;
  sector: string;
  grondslag: string | null;
  ingangsdatum: string;
  einddatum: string | null;
  leveringsvorm: string | null;
  organisatie_id: string | null;
  besluitnummer: string | null;
  afgiftedatum: string | null;
  klasse: string | null;
  voorkeur_client: string | null;
  voorkeur_agb: string | null;
  bron: 'demo' | 'io31' | 'csv';
}

export interface ToewijzingRij {
  id: string;
  indicatie_id: string;
  client_id: string;
  regio_code: string;
  zorgkantoor_id: string;
  organisatie_id: string | null;
  pgb_zorgverlener_id: string | null;
  soort: '1' | '3' | '5';
  leveringsvorm: string;
  zorgprofiel_code: string;
  klasse: string | null;
  ingangsdatum: string;
  einddatum: string | null;
  toewijzingsdatum: string;
  toewijzingstijd: string;
  status: 'toegewezen' | 'in_zorg' | 'beeindigd' | 'ingetrokken';
  reden_intrekking: string | null;
  toetsing: { verantwoord: boolean | null; doelmatig: boolean | null; toelichting?: string | null } | null;
  overbrugging_voor: string | null;
  aw33_bericht_id: string | null;
  /** mpt per function: LDT_FunctieCode and LDT_Klasse; null for a toewijzing of the whole zorgprofiel */
  functie_code: string | null;
  functie_klasse: string | null;
  aangemaakt_op: Date;
}

export interface StatusRij {
  id: string;
  client_id: string;
  indicatie_id: string | null;
  organisatie_id: string | null;
  status: string;
  classificatie: string | null;
  vanaf: string;
  bron: string;
}

export interface BerichtRij {
  id: string;
  type: string;
  richting: 'in' | 'uit';
  zorgkantoor_code: string;
  organisatie_id: string | null;
  identificatie: string;
  dagtekening: string;
  sha256: string;
  bytes: number;
  xml_versleuteld: string;
  antwoord_op: string | null;
  retourcodes: unknown;
  aangemaakt_op: Date;
}

// ------------------------------------------------------------------ clients

export const clientOpToken = (q: Queryable, token: string) =>
  q.maybeOne<ClientRij>(
    'SELECT id, bsn_token, bsn_versleuteld, persoonsgegevens_versleuteld, geheim, geboortejaar, regio_code FROM client WHERE bsn_token = $1',
    [token],
  );

export const clientOpId = (q: Queryable, id: string) =>
  q.maybeOne<ClientRij>(
    'SELECT id, bsn_token, bsn_versleuteld, persoonsgegevens_versleuteld, geheim, geboortejaar, regio_code FROM client WHERE id = $1',
    [id],
  );

export async function clientOpslaan(
  q: Queryable,
  c: Omit<ClientRij, 'bsn_token'> & { bsn_token: string },
  bestaat: boolean,
): Promise<void> {
  if (bestaat)
    await q.query(
      `UPDATE client SET bsn_versleuteld = $2, persoonsgegevens_versleuteld = $3, geheim = $4, geboortejaar = $5, regio_code = $6 WHERE id = $1`,
      [c.id, c.bsn_versleuteld, c.persoonsgegevens_versleuteld, c.geheim, c.geboortejaar, c.regio_code],
    );
  else
    await q.query(
      `INSERT INTO client (id, bsn_token, bsn_versleuteld, persoonsgegevens_versleuteld, geheim, geboortejaar, regio_code)
       VALUES ($1,$2,$3,$4,$5,$6,$7)`,
      [c.id, c.bsn_token, c.bsn_versleuteld, c.persoonsgegevens_versleuteld, c.geheim, c.geboortejaar, c.regio_code],
    );
}

/** Rows written before BSNs were protected (plain `bsn`), a batch at a time. */
export const onbeveiligdeClienten = (q: Queryable, n: number) =>
  q.query<{ id: string; bsn: string }>('SELECT id, bsn FROM client WHERE bsn IS NOT NULL ORDER BY id LIMIT $1', [n]);

export async function beveiligClient(q: Queryable, id: string, token: string, versleuteld: string): Promise<void> {
  await q.query('UPDATE client SET bsn = NULL, bsn_token = $2, bsn_versleuteld = $3 WHERE id = $1', [
    id,
    token,
    versleuteld,
  ]);
}

// ------------------------------------------------------------------ indicaties

const INDICATIE_KOLOMMEN =
  'id, client_id, zorgprofiel_code, sector, grondslag, ingangsdatum, einddatum, leveringsvorm, organisatie_id, besluitnummer, afgiftedatum, klasse, voorkeur_client, voorkeur_agb, bron';

export const indicatieOpBesluit = (q: Queryable, besluitnummer: string) =>
  q.maybeOne<IndicatieRij>(`SELECT ${INDICATIE_KOLOMMEN} FROM indicatie WHERE besluitnummer = $1`, [besluitnummer]);

export const indicatieOpId = (q: Queryable, id: string) =>
  q.maybeOne<IndicatieRij>(`SELECT ${INDICATIE_KOLOMMEN} FROM indicatie WHERE id = $1`, [id]);

export const indicatiesVanClient = (q: Queryable, clientId: string) =>
  q.query<IndicatieRij>(`SELECT ${INDICATIE_KOLOMMEN} FROM indicatie WHERE client_id = $1 ORDER BY ingangsdatum DESC`, [
    clientId,
  ]);

export async function indicatieToevoegen(q: Queryable, i: IndicatieRij): Promise<void> {
  await q.query(
    `INSERT INTO indicatie (${INDICATIE_KOLOMMEN}, ontvangen_op) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15, now())`,
    [
      i.id,
      i.client_id,
      i.zorgprofiel_code,
      i.sector,
      i.grondslag,
      i.ingangsdatum,
      i.einddatum,
      i.leveringsvorm,
      i.organisatie_id,
      i.besluitnummer,
      i.afgiftedatum,
      i.klasse,
      i.voorkeur_client,
      i.voorkeur_agb,
      i.bron,
    ],
  );
}

export async function indicatieAanbieder(
  q: Queryable,
  id: string,
  organisatieId: string | null,
  leveringsvorm: string | null,
): Promise<void> {
  await q.query('UPDATE indicatie SET organisatie_id = $2, leveringsvorm = COALESCE($3, leveringsvorm) WHERE id = $1', [
    id,
    organisatieId,
    leveringsvorm,
  ]);
}

/**
 * Open indicaties in the given regions (null = all) that may be waiting: not ended on the
 * peildatum, not pgb, without a provider in care or with a reported status; with the number of
 * active regular toewijzingen.
 */
export interface OpenIndicatieRij extends IndicatieRij {
  regio_code: string;
  geboortejaar: number;
  /** the client's encrypted BSN, read in the same query (no query per client) */
  bsn_versleuteld: string | null;
  heeft_persoonsgegevens: boolean;
  actieve_toewijzingen: number;
  in_zorg: boolean;
  /** provider of the first active regular toewijzing on this indicatie, if any */
  regulier_organisatie_id: string | null;
  /** an active bridging toewijzing (soort 3) on this indicatie */
  overbrugging: boolean;
}
export function openIndicaties(
  q: Queryable,
  regios: string[] | null,
  peildatum: string,
  opts: { sector?: string; regio?: string; limiet: number },
) {
  return q.query<OpenIndicatieRij>(
    `SELECT i.id, i.client_id, i.zorgprofiel_code, i.sector, i.grondslag, i.ingangsdatum, i.einddatum, i.leveringsvorm,
            i.organisatie_id, i.besluitnummer, i.afgiftedatum, i.klasse, i.voorkeur_client, i.voorkeur_agb, i.bron,
            c.regio_code, c.geboortejaar, c.bsn_versleuteld, (c.persoonsgegevens_versleuteld IS NOT NULL) AS heeft_persoonsgegevens,
            coalesce(tw.regulier, 0)::int AS actieve_toewijzingen,
            (i.organisatie_id IS NOT NULL) AS in_zorg,
            tw.regulier_organisatie_id, coalesce(tw.overbrugging, false) AS overbrugging
       FROM indicatie i JOIN client c ON c.id = i.client_id
       LEFT JOIN LATERAL (
         SELECT count(*) FILTER (WHERE t.soort = '1') AS regulier,
                (array_agg(t.organisatie_id ORDER BY t.aangemaakt_op) FILTER (WHERE t.soort = '1'))[1] AS regulier_organisatie_id,
                bool_or(t.soort = '3') AS overbrugging
           FROM toewijzing t WHERE t.indicatie_id = i.id AND t.status IN ('toegewezen','in_zorg')) tw ON true
      WHERE ($1::text[] IS NULL OR c.regio_code = ANY($1))
        AND (i.einddatum IS NULL OR i.einddatum >= $2::date)
        AND i.ingangsdatum <= $2::date + 365
        AND coalesce(i.leveringsvorm, '') <> 'pgb'
        AND ($3::text IS NULL OR i.sector = $3)
        AND ($4::text IS NULL OR c.regio_code = $4)
        -- candidates only: no provider and no active regular toewijzing, or a reported status
        AND ((i.organisatie_id IS NULL AND NOT EXISTS (
               SELECT 1 FROM toewijzing t WHERE t.indicatie_id = i.id AND t.soort = '1' AND t.status = 'in_zorg'))
             OR EXISTS (SELECT 1 FROM leveringsstatus s WHERE s.client_id = i.client_id))
      ORDER BY coalesce(i.afgiftedatum, i.ingangsdatum), i.id
      LIMIT $5`,
    [regios, peildatum, opts.sector ?? null, opts.regio ?? null, opts.limiet],
  );
}

// ------------------------------------------------------------------ messages

export async function berichtOpslaan(q: Queryable, b: Omit<BerichtRij, 'aangemaakt_op'>, gebruikerId: string | null) {
  await q.query(
    `INSERT INTO iwlz_bericht (id, type, richting, zorgkantoor_code, organisatie_id, identificatie, dagtekening, sha256, bytes, xml_versleuteld, antwoord_op, retourcodes, gebruiker_id)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)`,
    [
      b.id,
      b.type,
      b.richting,
      b.zorgkantoor_code,
      b.organisatie_id,
      b.identificatie,
      b.dagtekening,
      b.sha256,
      b.bytes,
      b.xml_versleuteld,
      b.antwoord_op,
      b.retourcodes === null ? null : JSON.stringify(b.retourcodes),
      gebruikerId,
    ],
  );
}

export const berichtOpId = (q: Queryable, id: string) =>
  q.maybeOne<BerichtRij>(
    'SELECT id, type, richting, zorgkantoor_code, organisatie_id, identificatie, dagtekening, sha256, bytes, xml_versleuteld, antwoord_op, retourcodes, aangemaakt_op FROM iwlz_bericht WHERE id = $1',
    [id],
  );

export const aantalBerichten = async (q: Queryable) =>
  (await q.one<{ n: number }>('SELECT count(*)::int AS n FROM iwlz_bericht')).n;

// ------------------------------------------------------------------ toewijzingen

const TOEWIJZING_KOLOMMEN =
  'id, indicatie_id, client_id, regio_code, zorgkantoor_id, organisatie_id, pgb_zorgverlener_id, soort, leveringsvorm, zorgprofiel_code, klasse, ingangsdatum, einddatum, toewijzingsdatum, toewijzingstijd, status, reden_intrekking, toetsing, overbrugging_voor, aw33_bericht_id, functie_code, functie_klasse, aangemaakt_op';

export const toewijzingOpId = (q: Queryable, id: string) =>
  q.maybeOne<ToewijzingRij>(`SELECT ${TOEWIJZING_KOLOMMEN} FROM toewijzing WHERE id = $1`, [id]);

export const toewijzingenVanClient = (q: Queryable, clientId: string) =>
  q.query<ToewijzingRij>(`SELECT ${TOEWIJZING_KOLOMMEN} FROM toewijzing WHERE client_id = $1 ORDER BY aangemaakt_op`, [
    clientId,
  ]);

export const actieveToewijzingen = (q: Queryable, indicatieId: string) =>
  q.query<ToewijzingRij>(
    `SELECT ${TOEWIJZING_KOLOMMEN} FROM toewijzing WHERE indicatie_id = $1 AND status IN ('toegewezen','in_zorg') ORDER BY aangemaakt_op`,
    [indicatieId],
  );

/** Toewijzingen visible in a list: a zorgkantoor's regions, or one provider's own. */
export function toewijzingenLijst(
  q: Queryable,
  zicht: { regios: string[] } | { organisatieId: string },
  limiet: number,
) {
  const [regios, org] = 'regios' in zicht ? [zicht.regios, null] : [null, zicht.organisatieId];
  return q.query<ToewijzingRij>(
    `SELECT ${TOEWIJZING_KOLOMMEN} FROM toewijzing
      WHERE ($1::text[] IS NULL OR regio_code = ANY($1)) AND ($2::text IS NULL OR organisatie_id = $2)
      ORDER BY aangemaakt_op DESC LIMIT $3`,
    [regios, org, limiet],
  );
}

export async function toewijzingToevoegen(q: Queryable, t: Omit<ToewijzingRij, 'aangemaakt_op'>, door: string) {
  await q.query(
    `INSERT INTO toewijzing (id, indicatie_id, client_id, regio_code, zorgkantoor_id, organisatie_id, pgb_zorgverlener_id, soort, leveringsvorm,
       zorgprofiel_code, klasse, ingangsdatum, einddatum, toewijzingsdatum, toewijzingstijd, status, reden_intrekking, toetsing, overbrugging_voor, aw33_bericht_id, aangemaakt_door, functie_code, functie_klasse)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23)`,
    [
      t.id,
      t.indicatie_id,
      t.client_id,
      t.regio_code,
      t.zorgkantoor_id,
      t.organisatie_id,
      t.pgb_zorgverlener_id,
      t.soort,
      t.leveringsvorm,
      t.zorgprofiel_code,
      t.klasse,
      t.ingangsdatum,
      t.einddatum,
      t.toewijzingsdatum,
      t.toewijzingstijd,
      t.status,
      t.reden_intrekking,
      t.toetsing === null ? null : JSON.stringify(t.toetsing),
      t.overbrugging_voor,
      t.aw33_bericht_id,
      door,
      t.functie_code,
      t.functie_klasse,
    ],
  );
}

export async function toewijzingBericht(q: Queryable, id: string, berichtId: string) {
  await q.query('UPDATE toewijzing SET aw33_bericht_id = $2 WHERE id = $1', [id, berichtId]);
}

export async function toewijzingStatus(
  q: Queryable,
  id: string,
  status: ToewijzingRij['status'],
  einddatum: string | null = null,
) {
  await q.query('UPDATE toewijzing SET status = $2, einddatum = COALESCE($3, einddatum) WHERE id = $1', [
    id,
    status,
    einddatum,
  ]);
}

/** pgb toewijzingen with a known zorgverlener (for the pgb-at-a-contracted-provider flag). */
export const pgbRelaties = (q: Queryable, regios: string[] | null) =>
  q.query<{ organisatie_id: string; client_id: string }>(
    `SELECT pgb_zorgverlener_id AS organisatie_id, client_id FROM toewijzing
      WHERE leveringsvorm = 'pgb' AND pgb_zorgverlener_id IS NOT NULL AND status IN ('toegewezen','in_zorg')
        AND ($1::text[] IS NULL OR regio_code = ANY($1))`,
    [regios],
  );

// ------------------------------------------------------------------ start of care, statuses

export async function zorgaanvangVastleggen(q: Queryable, toewijzingId: string, begindatum: string, berichtId: string) {
  await q.query(
    `INSERT INTO zorgaanvang (toewijzing_id, begindatum, bericht_id) VALUES ($1,$2,$3)
     ON CONFLICT (toewijzing_id) DO UPDATE SET begindatum = EXCLUDED.begindatum, bericht_id = EXCLUDED.bericht_id, gemeld_op = now()`,
    [toewijzingId, begindatum, berichtId],
  );
}

export async function zorgaanvangVerwijderen(q: Queryable, toewijzingId: string) {
  await q.query('DELETE FROM zorgaanvang WHERE toewijzing_id = $1', [toewijzingId]);
}

export const zorgaanvang = (q: Queryable, toewijzingId: string) =>
  q.maybeOne<{ begindatum: string }>('SELECT begindatum FROM zorgaanvang WHERE toewijzing_id = $1', [toewijzingId]);

export async function statusToevoegen(q: Queryable, s: Omit<StatusRij, 'id'>, berichtId: string | null) {
  await q.query(
    `INSERT INTO leveringsstatus (client_id, indicatie_id, organisatie_id, status, classificatie, vanaf, bron, bericht_id)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
    [s.client_id, s.indicatie_id, s.organisatie_id, s.status, s.classificatie, s.vanaf, s.bron, berichtId],
  );
}

export const statussenVanClienten = (q: Queryable, clientIds: string[]) =>
  q.query<StatusRij>(
    `SELECT id, client_id, indicatie_id, organisatie_id, status, classificatie, vanaf, bron FROM leveringsstatus
      WHERE client_id = ANY($1) ORDER BY client_id, vanaf, vastgelegd_op`,
    [clientIds],
  );

/** Clients with any status in the regions (null = all), for the waiting list. */
export const clientenMetStatus = (q: Queryable, regios: string[] | null, sector: string | null) =>
  q.query<{ client_id: string; regio_code: string; sector: string | null; geboortejaar: number }>(
    `SELECT DISTINCT s.client_id, c.regio_code, i.sector, c.geboortejaar
       FROM leveringsstatus s JOIN client c ON c.id = s.client_id LEFT JOIN indicatie i ON i.id = s.indicatie_id
      WHERE ($1::text[] IS NULL OR c.regio_code = ANY($1)) AND ($2::text IS NULL OR i.sector = $2)`,
    [regios, sector],
  );

export const aantallen = async (q: Queryable) =>
  q.one<{ zorgaanvang: number; leveringsstatus: number; toewijzing: number; client: number; indicatie: number }>(
    `SELECT (SELECT count(*) FROM zorgaanvang)::int AS zorgaanvang, (SELECT count(*) FROM leveringsstatus)::int AS leveringsstatus,
            (SELECT count(*) FROM toewijzing)::int AS toewijzing, (SELECT count(*) FROM client)::int AS client,
            (SELECT count(*) FROM indicatie)::int AS indicatie`,
  );

// ------------------------------------------------------------------ norms, notes

export const normen = (q: Queryable) =>
  q.query<{ sector: string; status: string; dagen: number | null; bron: string }>(
    'SELECT sector, status, dagen, bron FROM wachttijdnorm ORDER BY sector, status',
  );

export async function normZetten(
  q: Queryable,
  sector: string,
  status: string,
  dagen: number | null,
  bron: string,
  door: string,
) {
  await q.query(
    `INSERT INTO wachttijdnorm (sector, status, dagen, bron, gewijzigd_door) VALUES ($1,$2,$3,$4,$5)
     ON CONFLICT (sector, status) DO UPDATE SET dagen = EXCLUDED.dagen, bron = EXCLUDED.bron, gewijzigd_door = EXCLUDED.gewijzigd_door, gewijzigd_op = now()`,
    [sector, status, dagen, bron, door],
  );
}

export async function notitieToevoegen(q: Queryable, id: string, clientId: string, versleuteld: string, door: string) {
  await q.query(
    'INSERT INTO bemiddeling_notitie (id, client_id, tekst_versleuteld, gebruiker_id) VALUES ($1,$2,$3,$4)',
    [id, clientId, versleuteld, door],
  );
}

export const notities = (q: Queryable, clientId: string) =>
  q.query<{
    id: string;
    tekst_versleuteld: string;
    gebruiker_id: string;
    gebruiker_naam: string;
    aangemaakt_op: Date;
    gewijzigd_op: Date | null;
  }>(
    `SELECT n.id, n.tekst_versleuteld, n.gebruiker_id, g.naam AS gebruiker_naam, n.aangemaakt_op, n.gewijzigd_op
       FROM bemiddeling_notitie n JOIN gebruiker g ON g.id = n.gebruiker_id WHERE n.client_id = $1 ORDER BY n.aangemaakt_op`,
    [clientId],
  );

export const notitieOpId = (q: Queryable, id: string) =>
  q.maybeOne<{ id: string; client_id: string; gebruiker_id: string; tekst_versleuteld: string }>(
    'SELECT id, client_id, gebruiker_id, tekst_versleuteld FROM bemiddeling_notitie WHERE id = $1 FOR UPDATE',
    [id],
  );

/** Keeps the current text as an earlier version, then stores the new one. */
export async function notitieWijzigen(q: Queryable, id: string, versleuteld: string, door: string) {
  await q.query(
    `INSERT INTO bemiddeling_notitie_versie (notitie_id, tekst_versleuteld, gewijzigd_door)
     SELECT id, tekst_versleuteld, $2 FROM bemiddeling_notitie WHERE id = $1`,
    [id, door],
  );
  await q.query('UPDATE bemiddeling_notitie SET tekst_versleuteld = $2, gewijzigd_op = now() WHERE id = $1', [
    id,
    versleuteld,
  ]);
}

/** Earlier versions of the notes of a client, oldest first. */
export const notitieVersies = (q: Queryable, clientId: string) =>
  q.query<{ notitie_id: string; tekst_versleuteld: string; geldig_tot: Date }>(
    `SELECT v.notitie_id, v.tekst_versleuteld, v.geldig_tot FROM bemiddeling_notitie_versie v
       JOIN bemiddeling_notitie n ON n.id = v.notitie_id WHERE n.client_id = $1 ORDER BY v.geldig_tot, v.id`,
    [clientId],
  );

/** Clients in care per region, leveringsvorm and provider, for all regions at once (the worklist). */
export const bezettingInRegios = (q: Queryable, regios: string[]) =>
  q.query<{ regio_code: string; leveringsvorm: string | null; organisatie_id: string; n: number }>(
    `SELECT c.regio_code, i.leveringsvorm, i.organisatie_id, count(*)::int AS n FROM indicatie i JOIN client c ON c.id = i.client_id
      WHERE c.regio_code = ANY($1) AND i.organisatie_id IS NOT NULL AND i.einddatum IS NULL
      GROUP BY c.regio_code, i.leveringsvorm, i.organisatie_id`,
    [regios],
  );

/** Waiting clients per provider in a region/sector: active toewijzing not yet in care, and preference (AGB) not in care. */
export const wachtendPerAanbieder = (q: Queryable, regio: string, sector: string | null) =>
  q.query<{ organisatie_id: string; wachtend: number }>(
    `SELECT t.organisatie_id, count(DISTINCT t.client_id)::int AS wachtend FROM toewijzing t JOIN indicatie i ON i.id = t.indicatie_id
      WHERE t.regio_code = $1 AND t.status = 'toegewezen' AND t.soort = '1' AND t.organisatie_id IS NOT NULL AND ($2::text IS NULL OR i.sector = $2)
      GROUP BY t.organisatie_id`,
    [regio, sector],
  );

export const voorkeurPerAgb = (q: Queryable, regio: string, sector: string | null) =>
  q.query<{ agb: string; voorkeur: number }>(
    `SELECT i.voorkeur_agb AS agb, count(DISTINCT i.client_id)::int AS voorkeur FROM indicatie i JOIN client c ON c.id = i.client_id
      WHERE c.regio_code = $1 AND i.voorkeur_agb IS NOT NULL AND i.organisatie_id IS NULL AND i.einddatum IS NULL
        AND ($2::text IS NULL OR i.sector = $2)
      GROUP BY i.voorkeur_agb`,
    [regio, sector],
  );

export const aw33OpIdentificatie = (q: Queryable, identificatie: string, organisatieId: string) =>
  q.maybeOne<{ id: string; zorgkantoor_code: string }>(
    `SELECT id, zorgkantoor_code FROM iwlz_bericht WHERE type = 'AW33' AND richting = 'uit' AND identificatie = $1 AND organisatie_id = $2`,
    [identificatie, organisatieId],
  );

export async function toewijzingIntrekken(
  q: Queryable,
  id: string,
  einddatum: string,
  reden: string,
  berichtId: string | null,
) {
  await q.query(
    `UPDATE toewijzing SET status = 'ingetrokken', einddatum = $2, reden_intrekking = $3, aw33_bericht_id = COALESCE($4, aw33_bericht_id) WHERE id = $1`,
    [id, einddatum, reden, berichtId],
  );
}

// ------------------------------------------------------------------ toewijzingsverzoeken (AW39 Aanvraag)

export interface VerzoekRij {
  id: string;
  client_id: string;
  indicatie_id: string;
  regio_code: string;
  organisatie_id: string;
  bericht_id: string;
  bericht_identificatie: string;
  instelling_agb: string;
  soort: '1' | '3' | '5';
  leveringsvorm: string;
  zorgprofiel_code: string;
  klasse: string | null;
  ingangsdatum: string;
  einddatum: string | null;
  opname: boolean | null;
  doelmatig: boolean | null;
  verantwoord: boolean | null;
  status: 'open' | 'toegekend' | 'geweigerd';
  reden: string | null;
  toewijzing_id: string | null;
  besloten_door: string | null;
  besloten_op: Date | null;
  ontvangen_op: Date;
}

const VERZOEK_KOLOMMEN =
  'id, client_id, indicatie_id, regio_code, organisatie_id, bericht_id, bericht_identificatie, instelling_agb, soort, leveringsvorm, zorgprofiel_code, klasse, ingangsdatum, einddatum, opname, doelmatig, verantwoord, status, reden, toewijzing_id, besloten_door, besloten_op, ontvangen_op';

export async function verzoekToevoegen(
  q: Queryable,
  v: Omit<VerzoekRij, 'status' | 'reden' | 'toewijzing_id' | 'besloten_door' | 'besloten_op' | 'ontvangen_op'>,
) {
  await q.query(
    `INSERT INTO toewijzingsverzoek (id, client_id, indicatie_id, regio_code, organisatie_id, bericht_id, bericht_identificatie,
       instelling_agb, soort, leveringsvorm, zorgprofiel_code, klasse, ingangsdatum, einddatum, opname, doelmatig, verantwoord)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17)`,
    [
      v.id,
      v.client_id,
      v.indicatie_id,
      v.regio_code,
      v.organisatie_id,
      v.bericht_id,
      v.bericht_identificatie,
      v.instelling_agb,
      v.soort,
      v.leveringsvorm,
      v.zorgprofiel_code,
      v.klasse,
      v.ingangsdatum,
      v.einddatum,
      v.opname,
      v.doelmatig,
      v.verantwoord,
    ],
  );
}

/** Requests visible in a list: a zorgkantoor's regions, or one provider's own; optionally one status. */
export function verzoekenLijst(
  q: Queryable,
  zicht: { regios: string[] } | { organisatieId: string },
  status: VerzoekRij['status'] | null,
  limiet: number,
) {
  const [regios, org] = 'regios' in zicht ? [zicht.regios, null] : [null, zicht.organisatieId];
  return q.query<VerzoekRij>(
    `SELECT ${VERZOEK_KOLOMMEN} FROM toewijzingsverzoek
      WHERE ($1::text[] IS NULL OR regio_code = ANY($1)) AND ($2::text IS NULL OR organisatie_id = $2)
        AND ($3::text IS NULL OR status = $3)
      ORDER BY (status = 'open') DESC, ontvangen_op, id LIMIT $4`,
    [regios, org, status, limiet],
  );
}

export const verzoekOpId = (q: Queryable, id: string) =>
  q.maybeOne<VerzoekRij>(`SELECT ${VERZOEK_KOLOMMEN} FROM toewijzingsverzoek WHERE id = $1`, [id]);

/** The request, locked until the end of the transaction: two decisions at once wait for each other. */
export const verzoekVergrendeld = (q: Queryable, id: string) =>
  q.maybeOne<VerzoekRij>(`SELECT ${VERZOEK_KOLOMMEN} FROM toewijzingsverzoek WHERE id = $1 FOR UPDATE`, [id]);

export async function verzoekBesluit(
  q: Queryable,
  id: string,
  b: { status: 'toegekend' | 'geweigerd'; reden: string | null; toewijzingId: string | null; door: string },
) {
  await q.query(
    `UPDATE toewijzingsverzoek SET status = $2, reden = $3, toewijzing_id = $4, besloten_door = $5, besloten_op = now()
      WHERE id = $1 AND status = 'open'`,
    [id, b.status, b.reden, b.toewijzingId, b.door],
  );
}
