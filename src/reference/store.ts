/**
 * The reference capability's SQL: the only file that reads or writes its tables (regio,
 * regio_concessie, prestatie, locatie, nza_tarief, nza_tarief_import, …). Every query has a
 * declared row type. Counts come back as strings from PostgreSQL and as numbers from PGlite.
 */
import type { Queryable } from '../platform/db/index.ts';

type Aantal = number | string;
type Tijdstip = Date | string;

/** One INSERT … SELECT FROM jsonb_to_recordset per table: fast on every start, on both drivers. */
export async function insertAll(
  q: Queryable,
  table: string,
  cols: Record<string, string>,
  rows: Record<string, unknown>[],
  conflict = 'ON CONFLICT DO NOTHING',
) {
  if (!rows.length) return;
  const names = Object.keys(cols);
  const def = names.map((n) => `${n} ${cols[n]}`).join(', ');
  await q.query(
    `INSERT INTO ${table} (${names.join(', ')}) SELECT ${names.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS x(${def}) ${conflict}`,
    [JSON.stringify(rows)],
  );
}

// ── regions and concessions ──

export interface RegioRij {
  code: string;
  naam: string;
  actief: boolean;
  opmerking: string | null;
  bron: string;
}

export interface RegioOverzichtRij {
  code: string;
  naam: string;
  actief: boolean;
  opmerking: string | null;
  organisatie_id: string | null;
  org_naam: string | null;
  voorbeeld: boolean;
  aanbieders: Aantal;
  locaties: Aantal;
}

/** Every region with its concession holder in a year and its numbers of providers and locations. */
export function regioOverzicht(q: Queryable, jaar: number): Promise<RegioOverzichtRij[]> {
  return q.query<RegioOverzichtRij>(
    `SELECT r.code, r.naam, r.actief, r.opmerking, c.organisatie_id, o.naam AS org_naam, coalesce(c.voorbeeld, false) AS voorbeeld,
              (SELECT count(DISTINCT l.organisatie_id) FROM locatie l WHERE l.regio_code = r.code) AS aanbieders,
              (SELECT count(*) FROM locatie l WHERE l.regio_code = r.code) AS locaties
       FROM regio r LEFT JOIN regio_concessie c ON c.regio_code = r.code AND c.jaar = $1 LEFT JOIN organisatie o ON o.id = c.organisatie_id
       ORDER BY r.code`,
    [jaar],
  );
}

export function regio(q: Queryable, code: string): Promise<RegioRij | undefined> {
  return q.maybeOne<RegioRij>('SELECT * FROM regio WHERE code = $1', [code]);
}

/** The regions an organisation holds in a year. */
export async function concessieRegios(q: Queryable, organisatieId: string, jaar: number): Promise<string[]> {
  const rows = await q.query<{ regio_code: string }>(
    'SELECT regio_code FROM regio_concessie WHERE organisatie_id = $1 AND jaar = $2 ORDER BY regio_code',
    [organisatieId, jaar],
  );
  return rows.map((r) => r.regio_code);
}

export interface ConcessieRij {
  regio_code: string;
  jaar: number;
  organisatie_id: string;
  voorbeeld: boolean;
  bron: string;
  gewijzigd_door: string | null;
  gewijzigd_op: Tijdstip | null;
  org_naam: string;
}

export function concessie(q: Queryable, regioCode: string, jaar: number): Promise<ConcessieRij | undefined> {
  return q.maybeOne<ConcessieRij>(
    `SELECT c.*, o.naam AS org_naam FROM regio_concessie c JOIN organisatie o ON o.id = c.organisatie_id WHERE c.regio_code = $1 AND c.jaar = $2`,
    [regioCode, jaar],
  );
}

/** The concession of a region in a year, locked for the update that follows. */
export function concessieVoorWijziging(
  t: Queryable,
  regioCode: string,
  jaar: number,
): Promise<{ organisatie_id: string; voorbeeld: boolean; bron: string } | undefined> {
  return t.maybeOne<{ organisatie_id: string; voorbeeld: boolean; bron: string }>(
    'SELECT organisatie_id, voorbeeld, bron FROM regio_concessie WHERE regio_code = $1 AND jaar = $2 FOR UPDATE',
    [regioCode, jaar],
  );
}

export async function concessieOpslaan(
  t: Queryable,
  c: { regioCode: string; jaar: number; organisatieId: string; bron: string; gewijzigdDoor: string },
): Promise<void> {
  await t.query(
    `INSERT INTO regio_concessie (regio_code, jaar, organisatie_id, voorbeeld, bron, gewijzigd_door, gewijzigd_op) VALUES ($1,$2,$3,false,$4,$5,now())
     ON CONFLICT (regio_code, jaar) DO UPDATE SET organisatie_id = EXCLUDED.organisatie_id, voorbeeld = false, bron = EXCLUDED.bron,
       gewijzigd_door = EXCLUDED.gewijzigd_door, gewijzigd_op = EXCLUDED.gewijzigd_op`,
    [c.regioCode, c.jaar, c.organisatieId, c.bron, c.gewijzigdDoor],
  );
}

// ── organisations (a platform table, read here for the overviews) ──

export function organisatie(
  q: Queryable,
  id: string,
): Promise<{ id: string; naam: string; soort: string } | undefined> {
  return q.maybeOne<{ id: string; naam: string; soort: string }>(
    'SELECT id, naam, soort FROM organisatie WHERE id = $1',
    [id],
  );
}

export interface ZorgaanbiederRij {
  id: string;
  naam: string;
  agb: string | null;
  kvk: string | null;
}

export function zorgaanbieder(q: Queryable, id: string): Promise<ZorgaanbiederRij | undefined> {
  return q.maybeOne<ZorgaanbiederRij>(
    `SELECT id, naam, agb, kvk FROM organisatie WHERE id = $1 AND soort = 'zorgaanbieder'`,
    [id],
  );
}

// ── prestaties ──

export interface PrestatieRij {
  code: string;
  omschrijving: string;
  soort: string;
  sector: string | null;
  leveringsvorm: string | null;
  zorgprofiel_code: string | null;
  functie_code: string | null;
  klasse_code: string | null;
  behandeling: boolean | null;
  eenheid: string;
  bron: string | null;
}

export function prestaties(q: Queryable, f: { sector: string | null; soort: string | null }): Promise<PrestatieRij[]> {
  return q.query<PrestatieRij>(
    'SELECT * FROM prestatie WHERE ($1::text IS NULL OR sector = $1) AND ($2::text IS NULL OR soort = $2) ORDER BY code',
    [f.sector, f.soort],
  );
}

export async function prestatieCodes(q: Queryable): Promise<string[]> {
  return (await q.query<{ code: string }>('SELECT code FROM prestatie')).map((r) => r.code);
}

// ── locations ──

export interface LocatieRij {
  id: string;
  organisatie_id: string;
  naam: string;
  adres: string | null;
  postcode: string | null;
  plaats: string | null;
  regio_code: string;
  sectoren: string[];
  leveringsvormen: string[];
  capaciteit: number | null;
  inspectie_status: string;
}

export function locatiesVan(q: Queryable, organisatieId: string): Promise<LocatieRij[]> {
  return q.query<LocatieRij>('SELECT * FROM locatie WHERE organisatie_id = $1 ORDER BY naam, id', [organisatieId]);
}

export interface AanbiederInRegioRij {
  id: string;
  naam: string;
  locaties: Aantal;
  capaciteit: Aantal;
  sectoren: string[] | null;
  verscherpt: boolean | null;
}

/** The providers with locations in a region (all, or only the one given). */
export function aanbiedersInRegio(
  q: Queryable,
  regioCode: string,
  organisatieId: string | null,
): Promise<AanbiederInRegioRij[]> {
  return q.query<AanbiederInRegioRij>(
    `SELECT o.id, o.naam, count(*) AS locaties, coalesce(sum(l.capaciteit), 0) AS capaciteit,
              (SELECT array_agg(DISTINCT s ORDER BY s) FROM locatie l2, unnest(l2.sectoren) s WHERE l2.organisatie_id = o.id AND l2.regio_code = $1) AS sectoren,
              bool_or(l.inspectie_status = 'verscherpt') AS verscherpt
       FROM locatie l JOIN organisatie o ON o.id = l.organisatie_id
       WHERE l.regio_code = $1 AND ($2::text IS NULL OR o.id = $2)
       GROUP BY o.id, o.naam ORDER BY o.naam, o.id`,
    [regioCode, organisatieId],
  );
}

export interface AanbiederLijstRij {
  id: string;
  naam: string;
  agb: string | null;
  regios: string[];
  locaties: Aantal;
  sectoren: string[] | null;
  verscherpt: boolean | null;
  totaal: Aantal;
}

/** One page of providers within the given regions (null = all) or the one provider, searched by name, id or AGB. */
export function aanbiedersPagina(
  q: Queryable,
  f: {
    regios: string[] | null;
    organisatieId: string | null;
    regio: string | null;
    zoekPatroon: string | null;
    limiet: number;
    vanaf: number;
  },
): Promise<AanbiederLijstRij[]> {
  return q.query<AanbiederLijstRij>(
    `WITH zicht AS (
       SELECT l.* FROM locatie l
       WHERE ($1::text[] IS NULL OR l.regio_code = ANY($1)) AND ($2::text IS NULL OR l.organisatie_id = $2) AND ($3::text IS NULL OR l.regio_code = $3))
     SELECT o.id, o.naam, o.agb, array_agg(DISTINCT z.regio_code ORDER BY z.regio_code) AS regios, count(*) AS locaties,
            (SELECT array_agg(DISTINCT s ORDER BY s) FROM zicht z2, unnest(z2.sectoren) s WHERE z2.organisatie_id = o.id) AS sectoren,
            bool_or(z.inspectie_status = 'verscherpt') AS verscherpt, count(*) OVER () AS totaal
     FROM zicht z JOIN organisatie o ON o.id = z.organisatie_id
     WHERE o.soort = 'zorgaanbieder' AND ($4::text IS NULL OR lower(o.naam) LIKE $4 OR o.id LIKE $4 OR coalesce(o.agb, '') LIKE $4)
     GROUP BY o.id, o.naam, o.agb ORDER BY o.naam, o.id LIMIT $5 OFFSET $6`,
    [f.regios, f.organisatieId, f.regio, f.zoekPatroon, f.limiet, f.vanaf],
  );
}

// ── NZa tariffs ──

export async function nzaImportOpslaan(
  t: Queryable,
  i: {
    bestandsnaam: string;
    sha256: string;
    jaar: number;
    regels: number;
    voorbeeld: boolean;
    bron: string;
    gebruikerId: string | null;
  },
): Promise<string> {
  const imp = await t.one<{ id: string }>(
    `INSERT INTO nza_tarief_import (bestandsnaam, sha256, jaar, regels, voorbeeld, bron, gebruiker_id) VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id`,
    [i.bestandsnaam, i.sha256, i.jaar, i.regels, i.voorbeeld, i.bron, i.gebruikerId],
  );
  return imp.id;
}

/** Replaces a year's tariffs as a whole; answers how many lines were replaced. */
export async function nzaTarievenVervangen(
  t: Queryable,
  jaar: number,
  importId: string,
  regels: { prestatie: string; tarief: string; nhc: string | null; nic: string | null }[],
): Promise<number> {
  const vervangen = (
    await t.query<{ prestatie_code: string }>('DELETE FROM nza_tarief WHERE jaar = $1 RETURNING prestatie_code', [jaar])
  ).length;
  await t.query(
    `INSERT INTO nza_tarief (prestatie_code, jaar, tarief, nhc, nic, import_id)
    SELECT prestatie, $2::int, tarief, nhc, nic, $3::uuid FROM jsonb_to_recordset($1::jsonb) AS x(prestatie text, tarief numeric, nhc numeric, nic numeric)`,
    [JSON.stringify(regels), jaar, importId],
  );
  return vervangen;
}

export interface NzaTariefRij {
  prestatie_code: string;
  omschrijving: string;
  soort: string;
  sector: string | null;
  eenheid: string;
  tarief: string;
  nhc: string | null;
  nic: string | null;
  voorbeeld: boolean;
  import_id: string;
}

export function nzaTarieven(q: Queryable, jaar: number): Promise<NzaTariefRij[]> {
  return q.query<NzaTariefRij>(
    `SELECT t.prestatie_code, p.omschrijving, p.soort, p.sector, p.eenheid, t.tarief, t.nhc, t.nic, i.voorbeeld, i.id AS import_id
     FROM nza_tarief t JOIN prestatie p ON p.code = t.prestatie_code JOIN nza_tarief_import i ON i.id = t.import_id
     WHERE t.jaar = $1 ORDER BY t.prestatie_code`,
    [jaar],
  );
}

export interface NzaImportRij {
  id: string;
  bestandsnaam: string;
  sha256: string;
  jaar: number;
  regels: number;
  voorbeeld: boolean;
  bron: string;
  gebruiker_id: string | null;
  geimporteerd_op: Tijdstip;
}

/** The import whose tariffs are in force for a year, or null. */
export function nzaImportVanJaar(q: Queryable, jaar: number): Promise<NzaImportRij | undefined> {
  return q.maybeOne<NzaImportRij>(
    `SELECT * FROM nza_tarief_import WHERE jaar = $1 AND id IN (SELECT import_id FROM nza_tarief WHERE jaar = $1) ORDER BY geimporteerd_op DESC LIMIT 1`,
    [jaar],
  );
}
