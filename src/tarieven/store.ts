/**
 * The tarieven capability's SQL: the only file that reads or writes tariefbeleid_versie,
 * tarief_profiel and berekend_tarief. It also reads the reference tables (NZa tariffs,
 * prestaties, locations, concessions) it needs. Every query has a declared row type.
 */
import type { Queryable } from '../platform/db/index.ts';
import type { Beleid } from '../domain/tarieven/taal.ts';

type Tijdstip = Date | string;

/** The latest published version per zorgkantoor for a year and sector. */
export function gepubliceerdBeleid(
  q: Queryable,
  jaar: number,
  sector: string,
): Promise<{ id: string; zorgkantoor_id: string; versie: number; beleid: Beleid }[]> {
  return q.query<{ id: string; zorgkantoor_id: string; versie: number; beleid: Beleid }>(
    `SELECT DISTINCT ON (zorgkantoor_id) id, zorgkantoor_id, versie, beleid FROM tariefbeleid_versie
     WHERE jaar = $1 AND sector = $2 AND status = 'gepubliceerd' ORDER BY zorgkantoor_id, versie DESC`,
    [jaar, sector],
  );
}

export interface NzaRij {
  tarief: string;
  nhc: string | null;
  nic: string | null;
  voorbeeld: boolean;
  leveringsvorm: string | null;
}

/** The NZa maximum tariff of one prestatie in a year. */
export function nzaRij(q: Queryable, code: string, jaar: number): Promise<NzaRij | undefined> {
  return q.maybeOne<NzaRij>(
    `SELECT t.tarief, t.nhc, t.nic, i.voorbeeld, p.leveringsvorm FROM nza_tarief t JOIN nza_tarief_import i ON i.id = t.import_id
     JOIN prestatie p ON p.code = t.prestatie_code WHERE t.prestatie_code = $1 AND t.jaar = $2`,
    [code, jaar],
  );
}

export interface AanbiederVanZkRij {
  id: string;
  naam: string;
  leveringsvormen: string[] | null;
  profiel: unknown;
}

/** Providers with a location in a region whose concession the zorgkantoor holds that year, or with a profile there. */
export function aanbiedersVan(q: Queryable, zkId: string, jaar: number): Promise<AanbiederVanZkRij[]> {
  return q.query<AanbiederVanZkRij>(
    `SELECT o.id, o.naam,
            (SELECT array_agg(DISTINCT lv) FROM locatie l JOIN regio_concessie rc ON rc.regio_code = l.regio_code AND rc.jaar = $2 AND rc.organisatie_id = $1
              CROSS JOIN LATERAL unnest(l.leveringsvormen) AS lv WHERE l.organisatie_id = o.id) AS leveringsvormen,
            (SELECT profiel FROM tarief_profiel p WHERE p.aanbieder_id = o.id AND p.zorgkantoor_id = $1 AND p.jaar = $2) AS profiel
     FROM organisatie o WHERE o.soort = 'zorgaanbieder' AND (
       EXISTS (SELECT 1 FROM locatie l JOIN regio_concessie rc ON rc.regio_code = l.regio_code AND rc.jaar = $2 AND rc.organisatie_id = $1 WHERE l.organisatie_id = o.id)
       OR EXISTS (SELECT 1 FROM tarief_profiel p WHERE p.aanbieder_id = o.id AND p.zorgkantoor_id = $1 AND p.jaar = $2))
     ORDER BY o.naam`,
    [zkId, jaar],
  );
}

/** The latest version of a zorgkantoor's policy for a year and sector, locked for the new version that follows. */
export function laatsteVersieVoorWijziging(
  t: Queryable,
  zkId: string,
  jaar: number,
  sector: string,
): Promise<{ id: string; versie: number } | undefined> {
  return t.maybeOne<{ id: string; versie: number }>(
    'SELECT id, versie FROM tariefbeleid_versie WHERE zorgkantoor_id = $1 AND jaar = $2 AND sector = $3 ORDER BY versie DESC LIMIT 1 FOR UPDATE',
    [zkId, jaar, sector],
  );
}

export function conceptToevoegen(
  t: Queryable,
  c: {
    zorgkantoorId: string;
    jaar: number;
    sector: string;
    versie: number;
    beleid: Beleid;
    toelichting: string | null;
    gebaseerdOp: string;
    aangemaaktDoor: string;
    aangemaaktNaam: string;
  },
): Promise<{ id: string; aangemaakt_op: Tijdstip }> {
  return t.one<{ id: string; aangemaakt_op: Tijdstip }>(
    `INSERT INTO tariefbeleid_versie (zorgkantoor_id, jaar, sector, versie, status, beleid, toelichting, gebaseerd_op, aangemaakt_door, aangemaakt_naam)
       VALUES ($1,$2,$3,$4,'concept',$5,$6,$7,$8,$9) RETURNING id, aangemaakt_op`,
    [
      c.zorgkantoorId,
      c.jaar,
      c.sector,
      c.versie,
      JSON.stringify(c.beleid),
      c.toelichting,
      c.gebaseerdOp,
      c.aangemaaktDoor,
      c.aangemaaktNaam,
    ],
  );
}

export interface BeleidVersieKopRij {
  id: string;
  zorgkantoor_id: string;
  jaar: number;
  sector: string;
  versie: number;
  status: string;
  beleid: Beleid;
}

export function versieVoorWijziging(t: Queryable, id: string): Promise<BeleidVersieKopRij | undefined> {
  return t.maybeOne<BeleidVersieKopRij>(
    'SELECT id, zorgkantoor_id, jaar, sector, versie, status, beleid FROM tariefbeleid_versie WHERE id = $1 FOR UPDATE',
    [id],
  );
}

/** The published version of (zorgkantoor, year, sector) lapses and the given one is published. */
export async function publiceerVersie(
  t: Queryable,
  v: { id: string; zorgkantoorId: string; jaar: number; sector: string; door: string; naam: string },
): Promise<void> {
  await t.query(
    `UPDATE tariefbeleid_versie SET status = 'vervallen' WHERE zorgkantoor_id = $1 AND jaar = $2 AND sector = $3 AND status = 'gepubliceerd'`,
    [v.zorgkantoorId, v.jaar, v.sector],
  );
  await t.query(
    `UPDATE tariefbeleid_versie SET status = 'gepubliceerd', gepubliceerd_door = $2, gepubliceerd_naam = $3, gepubliceerd_op = now() WHERE id = $1`,
    [v.id, v.door, v.naam],
  );
}

export interface BeleidVersieRij {
  id: string;
  jaar: number;
  sector: string;
  versie: number;
  status: string;
  toelichting: string | null;
  gebaseerd_op: string;
  aangemaakt_naam: string;
  aangemaakt_op: Tijdstip;
  gepubliceerd_naam: string | null;
  gepubliceerd_op: Tijdstip | null;
  beleid: Beleid;
}

export function versiesVan(q: Queryable, zkId: string, jaar: number | null): Promise<BeleidVersieRij[]> {
  return q.query<BeleidVersieRij>(
    `SELECT id, jaar, sector, versie, status, toelichting, gebaseerd_op, aangemaakt_naam, aangemaakt_op, gepubliceerd_naam, gepubliceerd_op, beleid
     FROM tariefbeleid_versie WHERE zorgkantoor_id = $1 AND ($2::int IS NULL OR jaar = $2) ORDER BY jaar DESC, sector, versie DESC`,
    [zkId, jaar],
  );
}

export async function isZorgaanbieder(q: Queryable, id: string): Promise<boolean> {
  return !!(await q.maybeOne<{ '?column?': number }>(
    `SELECT 1 FROM organisatie WHERE id = $1 AND soort = 'zorgaanbieder'`,
    [id],
  ));
}

export async function profielOpslaan(
  t: Queryable,
  p: { aanbiederId: string; zorgkantoorId: string; jaar: number; profiel: unknown; door: string },
): Promise<void> {
  await t.query(
    `INSERT INTO tarief_profiel (aanbieder_id, zorgkantoor_id, jaar, profiel, bijgewerkt_door) VALUES ($1,$2,$3,$4,$5)
      ON CONFLICT (aanbieder_id, zorgkantoor_id, jaar) DO UPDATE SET profiel = EXCLUDED.profiel, bijgewerkt_door = EXCLUDED.bijgewerkt_door, bijgewerkt_op = now()`,
    [p.aanbiederId, p.zorgkantoorId, p.jaar, JSON.stringify(p.profiel), p.door],
  );
}

export interface NzaVvRij<L extends string = string> {
  code: string;
  leveringsvorm: L;
  tarief: string;
  nhc: string | null;
  nic: string | null;
  voorbeeld: boolean;
}

/** The NZa maximum tariffs V&V (verblijf, vpt, mpt) of a year. */
export function nzaTarievenVv<L extends string>(q: Queryable, jaar: number): Promise<NzaVvRij<L>[]> {
  return q.query<NzaVvRij<L>>(
    `SELECT p.code, p.leveringsvorm, t.tarief, t.nhc, t.nic, i.voorbeeld FROM nza_tarief t JOIN prestatie p ON p.code = t.prestatie_code
     JOIN nza_tarief_import i ON i.id = t.import_id WHERE t.jaar = $1 AND p.sector = 'VV' AND p.leveringsvorm IN ('verblijf','vpt','mpt') ORDER BY p.code`,
    [jaar],
  );
}

/** Removes a zorgkantoor's computed tariffs of a year (before they are computed again). */
export async function berekendeTarievenWissen(t: Queryable, zkId: string, jaar: number): Promise<void> {
  await t.query('DELETE FROM berekend_tarief WHERE zorgkantoor_id = $1 AND jaar = $2', [zkId, jaar]);
}

/** Stores computed tariffs, 500 rows per statement; each row has the 15 columns in the order below. */
export async function berekendeTarievenToevoegen(t: Queryable, rows: unknown[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    const ph = chunk
      .map((_, j) => `(${Array.from({ length: 15 }, (_x, k) => `$${j * 15 + k + 1}`).join(',')})`)
      .join(',');
    await t.query(
      `INSERT INTO berekend_tarief (aanbieder_id, zorgkantoor_id, jaar, prestatie_code, beleid_versie, status, percentage, nza_tarief, tarief, nhc, nic, spoor, redenen, nza_voorbeeld, berekend_op) VALUES ${ph}`,
      chunk.flat(),
    );
  }
}

export interface BerekendTariefRij {
  aanbieder_id: string;
  zorgkantoor_id: string;
  jaar: number;
  prestatie_code: string;
  beleid_versie: string;
  status: string;
  percentage: string | null;
  nza_tarief: string;
  tarief: string | null;
  nhc: string | null;
  nic: string | null;
  spoor: unknown;
  redenen: string[];
  nza_voorbeeld: boolean;
  berekend_op: Tijdstip;
  omschrijving: string;
  leveringsvorm: string | null;
}

export function berekendeTarieven(
  q: Queryable,
  aanbiederId: string,
  jaar: number,
  zorgkantoorId: string | null,
): Promise<BerekendTariefRij[]> {
  return q.query<BerekendTariefRij>(
    `SELECT b.*, p.omschrijving, p.leveringsvorm FROM berekend_tarief b JOIN prestatie p ON p.code = b.prestatie_code
     WHERE b.aanbieder_id = $1 AND b.jaar = $2 AND ($3::text IS NULL OR b.zorgkantoor_id = $3) ORDER BY b.zorgkantoor_id, b.prestatie_code`,
    [aanbiederId, jaar, zorgkantoorId],
  );
}

/** The zorgkantoren whose regions the provider works in that year, or that hold a profile of it. */
export async function zorgkantorenVanAanbieder(q: Queryable, aanbiederId: string, jaar: number): Promise<string[]> {
  const zks = await q.query<{ organisatie_id: string }>(
    `SELECT DISTINCT rc.organisatie_id FROM locatie l JOIN regio_concessie rc ON rc.regio_code = l.regio_code AND rc.jaar = $2 WHERE l.organisatie_id = $1
     UNION SELECT zorgkantoor_id FROM tarief_profiel WHERE aanbieder_id = $1 AND jaar = $2`,
    [aanbiederId, jaar],
  );
  return zks.map((z) => z.organisatie_id);
}
