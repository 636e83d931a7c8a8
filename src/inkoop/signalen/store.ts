/**
 * SQL of the signalenregister (tables signaal and contractrelatie) and the reference reads its
 * validation needs. Every query has a declared row type; rules and audit stay in ./service.ts.
 */
import type { Queryable } from '../../platform/db/index.ts';

type Tijdstip = Date | string;

export type SignaalSoortCode = 'verscherpt_toezicht' | 'fraudeonderzoek' | 'fraude_vastgesteld';
export type ContractRelatieRolCode = 'onderaannemer' | 'zzp_pilot' | 'pgb';

/** A row of table signaal as stored. */
export interface SignaalRij {
  id: string;
  zorgkantoor_id: string;
  aanbieder_id: string;
  locatie_id: string | null;
  soort: SignaalSoortCode;
  omschrijving: string;
  bron: string;
  datum_van: string;
  datum_tot: string | null;
  vastgelegd_door: string;
  vastgelegd_op: Date;
  gewijzigd_op: Date | null;
  ingetrokken_op: Date | null;
  ingetrokken_door: string | null;
  intrekkingsreden: string | null;
}

/** A signal with the names of zorgkantoor, provider, location and users, dates as text. */
export interface SignaalWeergaveRij {
  id: string;
  zorgkantoor_id: string;
  zorgkantoor_naam: string;
  aanbieder_id: string;
  aanbieder_naam: string;
  locatie_id: string | null;
  locatie_naam: string | null;
  soort: SignaalSoortCode;
  omschrijving: string;
  bron: string;
  datum_van: string;
  datum_tot: string | null;
  vastgelegd_door_naam: string;
  vastgelegd_op: Tijdstip;
  gewijzigd_op: Tijdstip | null;
  ingetrokken_op: Tijdstip | null;
  ingetrokken_door_naam: string | null;
  intrekkingsreden: string | null;
}

const SIGNAAL_SELECT = `SELECT s.id, s.zorgkantoor_id, zk.naam AS zorgkantoor_naam, s.aanbieder_id, o.naam AS aanbieder_naam, s.locatie_id, l.naam AS locatie_naam,
    s.soort, s.omschrijving, s.bron, s.datum_van::text AS datum_van, s.datum_tot::text AS datum_tot,
    g.naam AS vastgelegd_door_naam, s.vastgelegd_op, s.gewijzigd_op, s.ingetrokken_op, gi.naam AS ingetrokken_door_naam, s.intrekkingsreden
  FROM signaal s JOIN organisatie o ON o.id = s.aanbieder_id JOIN organisatie zk ON zk.id = s.zorgkantoor_id
  LEFT JOIN locatie l ON l.id = s.locatie_id JOIN gebruiker g ON g.id = s.vastgelegd_door LEFT JOIN gebruiker gi ON gi.id = s.ingetrokken_door`;

/** The register: all zorgkantoren (alle) or one, optionally filtered on provider and kind. */
export function signaalRijen(
  q: Queryable,
  f: { alle: boolean; zorgkantoorId: string; aanbieder: string | null; soort: string | null },
): Promise<SignaalWeergaveRij[]> {
  return q.query<SignaalWeergaveRij>(
    `${SIGNAAL_SELECT}
    WHERE ($1::boolean OR s.zorgkantoor_id = $2) AND ($3::text IS NULL OR s.aanbieder_id = $3) AND ($4::text IS NULL OR s.soort = $4)
    ORDER BY s.datum_van DESC, s.vastgelegd_op DESC`,
    [f.alle, f.zorgkantoorId, f.aanbieder, f.soort],
  );
}

/** Every signal about a provider, optionally of one zorgkantoor (operator CLI). */
export function signaalRijenVanAanbieder(
  q: Queryable,
  aanbiederId: string,
  zorgkantoorId: string | null,
): Promise<SignaalWeergaveRij[]> {
  return q.query<SignaalWeergaveRij>(
    `${SIGNAAL_SELECT} WHERE s.aanbieder_id = $1 AND ($2::text IS NULL OR s.zorgkantoor_id = $2) ORDER BY s.datum_van DESC, s.vastgelegd_op DESC`,
    [aanbiederId, zorgkantoorId],
  );
}

export function signaalWeergave(q: Queryable, id: string): Promise<SignaalWeergaveRij> {
  return q.one<SignaalWeergaveRij>(`${SIGNAAL_SELECT} WHERE s.id = $1`, [id]);
}

/** The stored row, locked for a change. */
export async function signaalVoorWijziging(q: Queryable, id: string): Promise<SignaalRij | null> {
  return (await q.maybeOne<SignaalRij>('SELECT * FROM signaal WHERE id = $1 FOR UPDATE', [id])) ?? null;
}

export async function voegSignaalToe(
  q: Queryable,
  s: {
    zorgkantoorId: string;
    aanbiederId: string;
    locatieId: string | null;
    soort: string;
    omschrijving: string;
    bron: string;
    datumVan: string;
    datumTot: string | null;
    door: string;
    op: Date;
  },
): Promise<string> {
  const row = await q.one<{ id: string }>(
    `INSERT INTO signaal (zorgkantoor_id, aanbieder_id, locatie_id, soort, omschrijving, bron, datum_van, datum_tot, vastgelegd_door, vastgelegd_op)
      VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING id`,
    [
      s.zorgkantoorId,
      s.aanbiederId,
      s.locatieId,
      s.soort,
      s.omschrijving,
      s.bron,
      s.datumVan,
      s.datumTot,
      s.door,
      s.op,
    ],
  );
  return row.id;
}

export async function zetSignaalEinddatum(
  q: Queryable,
  id: string,
  datumTot: string | null,
  door: string,
  op: Date,
): Promise<void> {
  await q.query('UPDATE signaal SET datum_tot = $2, gewijzigd_door = $3, gewijzigd_op = $4 WHERE id = $1', [
    id,
    datumTot,
    door,
    op,
  ]);
}

export async function trekSignaalIn(q: Queryable, id: string, op: Date, door: string, reden: string): Promise<void> {
  await q.query('UPDATE signaal SET ingetrokken_op = $2, ingetrokken_door = $3, intrekkingsreden = $4 WHERE id = $1', [
    id,
    op,
    door,
    reden,
  ]);
}

export interface SignaalUitkomstRij {
  id: string;
  soort: SignaalSoortCode;
  datum_van: string;
  datum_tot: string | null;
  locatie_naam: string | null;
  aanbieder_naam: string;
}

/** Non-withdrawn signals of one zorgkantoor about one provider, oldest first (for an award). */
export function signalenVanAanbieder(
  q: Queryable,
  zorgkantoorId: string,
  aanbiederId: string,
): Promise<SignaalUitkomstRij[]> {
  return q.query<SignaalUitkomstRij>(
    `SELECT s.id, s.soort, s.datum_van::text AS datum_van, s.datum_tot::text AS datum_tot, l.naam AS locatie_naam, o.naam AS aanbieder_naam
     FROM signaal s JOIN organisatie o ON o.id = s.aanbieder_id LEFT JOIN locatie l ON l.id = s.locatie_id
     WHERE s.zorgkantoor_id = $1 AND s.aanbieder_id = $2 AND s.ingetrokken_op IS NULL ORDER BY s.datum_van, s.id`,
    [zorgkantoorId, aanbiederId],
  );
}

// ───────────────────────────── Reference reads for validation ─────────────────────────────

export async function organisatieSoort(q: Queryable, id: string): Promise<string | null> {
  return (await q.maybeOne<{ soort: string }>('SELECT soort FROM organisatie WHERE id = $1', [id]))?.soort ?? null;
}

/** The organisation a location belongs to, or null when the location does not exist. */
export async function locatieOrganisatie(q: Queryable, locatieId: string): Promise<string | null> {
  return (
    (await q.maybeOne<{ organisatie_id: string }>('SELECT organisatie_id FROM locatie WHERE id = $1', [locatieId]))
      ?.organisatie_id ?? null
  );
}

export async function bestaatRegio(q: Queryable, code: string): Promise<boolean> {
  return !!(await q.maybeOne<{ code: string }>('SELECT code FROM regio WHERE code = $1', [code]));
}

export async function bestaatSector(q: Queryable, code: string): Promise<boolean> {
  return !!(await q.maybeOne<{ code: string }>('SELECT code FROM sector WHERE code = $1', [code]));
}

// ───────────────────────────── Contract relations ─────────────────────────────

/** A row of table contractrelatie as stored (the columns the service uses). */
export interface ContractRelatieOpslagRij {
  id: string;
  zorgkantoor_id: string;
  organisatie_id: string;
  ingetrokken_op: Date | null;
}

export interface ContractRelatieWeergaveRij {
  id: string;
  zorgkantoor_id: string;
  zorgkantoor_naam: string;
  organisatie_id: string;
  organisatie_naam: string;
  jaar: number;
  regio_code: string;
  sector: string;
  rol: ContractRelatieRolCode;
  hoofdaannemer_id: string | null;
  hoofdaannemer_naam: string | null;
  bron: string;
  vastgelegd_door_naam: string;
  vastgelegd_op: Tijdstip;
  ingetrokken_op: Tijdstip | null;
  intrekkingsreden: string | null;
}

const RELATIE_SELECT = `SELECT c.id, c.zorgkantoor_id, zk.naam AS zorgkantoor_naam, c.organisatie_id, o.naam AS organisatie_naam, c.jaar, c.regio_code, c.sector, c.rol,
    c.hoofdaannemer_id, h.naam AS hoofdaannemer_naam, c.bron, g.naam AS vastgelegd_door_naam, c.vastgelegd_op, c.ingetrokken_op, c.intrekkingsreden
  FROM contractrelatie c JOIN organisatie o ON o.id = c.organisatie_id JOIN organisatie zk ON zk.id = c.zorgkantoor_id
  LEFT JOIN organisatie h ON h.id = c.hoofdaannemer_id JOIN gebruiker g ON g.id = c.vastgelegd_door`;

export function contractrelatieRijen(
  q: Queryable,
  f: { aanbieder: string | null; jaar: number | null },
): Promise<ContractRelatieWeergaveRij[]> {
  return q.query<ContractRelatieWeergaveRij>(
    `${RELATIE_SELECT} WHERE ($1::text IS NULL OR c.organisatie_id = $1) AND ($2::int IS NULL OR c.jaar = $2)
    ORDER BY c.jaar DESC, o.naam, c.regio_code, c.rol`,
    [f.aanbieder, f.jaar],
  );
}

export function contractrelatieWeergave(q: Queryable, id: string): Promise<ContractRelatieWeergaveRij> {
  return q.one<ContractRelatieWeergaveRij>(`${RELATIE_SELECT} WHERE c.id = $1`, [id]);
}

export async function contractrelatieVoorWijziging(q: Queryable, id: string): Promise<ContractRelatieOpslagRij | null> {
  return (
    (await q.maybeOne<ContractRelatieOpslagRij>('SELECT * FROM contractrelatie WHERE id = $1 FOR UPDATE', [id])) ?? null
  );
}

export async function voegContractrelatieToe(
  q: Queryable,
  c: {
    zorgkantoorId: string;
    aanbiederId: string;
    jaar: number;
    regioCode: string;
    sector: string;
    rol: string;
    hoofdaannemerId: string | null;
    bron: string;
    door: string;
    op: Date;
  },
): Promise<string> {
  const row = await q.one<{ id: string }>(
    `INSERT INTO contractrelatie (zorgkantoor_id, organisatie_id, jaar, regio_code, sector, rol, hoofdaannemer_id, bron, vastgelegd_door, vastgelegd_op)
      VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING id`,
    [c.zorgkantoorId, c.aanbiederId, c.jaar, c.regioCode, c.sector, c.rol, c.hoofdaannemerId, c.bron, c.door, c.op],
  );
  return row.id;
}

export async function trekContractrelatieIn(
  q: Queryable,
  id: string,
  op: Date,
  door: string,
  reden: string,
): Promise<void> {
  await q.query(
    'UPDATE contractrelatie SET ingetrokken_op = $2, ingetrokken_door = $3, intrekkingsreden = $4 WHERE id = $1',
    [id, op, door, reden],
  );
}

/** The non-withdrawn relations of a provider in a year, for contractHistorie (classification). */
export function contractrelatiesVoorHistorie(
  q: Queryable,
  organisatieId: string,
  jaar: number,
): Promise<{ regio_code: string; sector: string; rol: ContractRelatieRolCode }[]> {
  return q.query<{ regio_code: string; sector: string; rol: ContractRelatieRolCode }>(
    `SELECT DISTINCT regio_code, sector, rol FROM contractrelatie WHERE organisatie_id = $1 AND jaar = $2 AND ingetrokken_op IS NULL ORDER BY regio_code, sector, rol`,
    [organisatieId, jaar],
  );
}
