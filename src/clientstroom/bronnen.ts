/**
 * Read-only facts cliëntstroom needs from tables other capabilities own: regions per zorgkantoor
 * (reference: regio_concessie), organisations (platform), care profiles and locations with
 * capacity (reference); contracts come from budget's index.ts and assessment scores from inkoop's.
 * Nothing here writes.
 */
import type { Queryable } from '../platform/db/index.ts';
import {
  gecontracteerdeAanbieders,
  gecontracteerdeAanbiedersInRegios,
  gecontracteerdeAanbiedersPerSector,
} from '../budget/index.ts';
import { laatsteVastgesteldeScores } from '../inkoop/index.ts';

/** Regions the zorgkantoor holds in `jaar` (or the latest year before it with a mapping). */
export async function regiosVanZorgkantoor(q: Queryable, organisatieId: string, jaar: number): Promise<string[]> {
  const rows = await q.query<{ regio_code: string }>(
    `SELECT regio_code FROM regio_concessie
      WHERE organisatie_id = $1 AND jaar = (SELECT max(jaar) FROM regio_concessie WHERE jaar <= $2)
      ORDER BY regio_code`,
    [organisatieId, jaar],
  );
  return rows.map((r) => r.regio_code);
}

export async function zorgkantoorVanRegio(q: Queryable, regio: string, jaar: number): Promise<string | null> {
  const r = await q.maybeOne<{ organisatie_id: string }>(
    `SELECT organisatie_id FROM regio_concessie
      WHERE regio_code = $1 AND jaar = (SELECT max(jaar) FROM regio_concessie WHERE jaar <= $2)`,
    [regio, jaar],
  );
  return r?.organisatie_id ?? null;
}

export const bestaatRegio = async (q: Queryable, code: string) =>
  !!(await q.maybeOne('SELECT 1 FROM regio WHERE code = $1', [code]));

export interface Organisatie {
  id: string;
  soort: string;
  naam: string;
  agb: string | null;
}
export const organisatie = (q: Queryable, id: string) =>
  q.maybeOne<Organisatie>('SELECT id, soort, naam, agb FROM organisatie WHERE id = $1', [id]);
/** The provider with this AGB code (an AanvraagInstelling names a provider by AGB). */
export const zorgaanbiederOpAgb = (q: Queryable, agb: string) =>
  q.maybeOne<Organisatie>(
    `SELECT id, soort, naam, agb FROM organisatie WHERE agb = $1 AND soort = 'zorgaanbieder' ORDER BY id LIMIT 1`,
    [agb],
  );
export const organisatiesOpId = (q: Queryable, ids: string[]) =>
  q.query<Organisatie>('SELECT id, soort, naam, agb FROM organisatie WHERE id = ANY($1)', [ids]);

/** Care profiles by code, all in one read (an import reads the profiles of all its clients at once). */
export async function zorgprofielen(q: Queryable, codes: string[]) {
  const rows = codes.length
    ? await q.query<{ code: string; naam: string; sector: string | null }>(
        'SELECT code, naam, sector FROM zorgprofiel WHERE code = ANY($1::text[])',
        [[...new Set(codes)]],
      )
    : [];
  return new Map(rows.map((r) => [r.code, r]));
}

/** Providers with a production agreement in the region and sector, in the latest year ≤ jaar that has any (budget). */
export async function gecontracteerd(q: Queryable, regio: string, sector: string, jaar: number): Promise<Set<string>> {
  return new Set(await gecontracteerdeAanbieders(q, regio, sector, jaar));
}

/** Contracted providers of many regions in one read, keyed `regio|sector` (budget). */
export async function gecontracteerdPerRegioSector(
  q: Queryable,
  regios: string[],
  jaar: number,
): Promise<Map<string, Set<string>>> {
  const uit = new Map<string, Set<string>>();
  for (const r of await gecontracteerdeAanbiedersPerSector(q, regios, jaar)) {
    const k = `${r.regio_code}|${r.sector}`;
    if (!uit.has(k)) uit.set(k, new Set());
    uit.get(k)!.add(r.organisatie_id);
  }
  return uit;
}

/** Contracted providers in a region (any sector), for the pgb flag (budget). */
export async function gecontracteerdInRegios(q: Queryable, regios: string[] | null, jaar: number) {
  return new Set(await gecontracteerdeAanbiedersInRegios(q, regios, jaar));
}

export interface AanbiederInRegio {
  organisatie_id: string;
  naam: string;
  agb: string | null;
  capaciteit: number;
  score: string | null;
}

/**
 * Providers with locations in the region that offer the sector and leveringsvorm: summed capacity
 * and the latest adopted assessment score (beoordeling_besluit.totaalscore, status vastgesteld).
 */
export async function aanbiedersInRegio(
  q: Queryable,
  regio: string,
  sector: string | null,
  leveringsvorm: string | null,
): Promise<AanbiederInRegio[]> {
  const rows = await q.query<Omit<AanbiederInRegio, 'score'>>(
    `SELECT o.id AS organisatie_id, o.naam, o.agb, coalesce(sum(l.capaciteit), 0)::int AS capaciteit
       FROM locatie l JOIN organisatie o ON o.id = l.organisatie_id
      WHERE l.regio_code = $1 AND ($2::text IS NULL OR $2 = ANY(l.sectoren)) AND ($3::text IS NULL OR $3 = ANY(l.leveringsvormen))
      GROUP BY o.id, o.naam, o.agb
      ORDER BY o.naam`,
    [regio, sector, leveringsvorm],
  );
  const scores = await laatsteVastgesteldeScores(
    q,
    rows.map((r) => r.organisatie_id),
  );
  return rows.map((r) => ({ ...r, score: scores.get(r.organisatie_id) ?? null }));
}

/**
 * aanbiedersInRegio for many (region, sector, leveringsvorm) groups at once: one read of the
 * locations of all the regions and one of the scores, whatever the number of groups. Keyed
 * `regio|sector|leveringsvorm`; the same rows, order and sums as aanbiedersInRegio per group.
 */
export async function aanbiedersInRegios(
  q: Queryable,
  groepen: { regio: string; sector: string; leveringsvorm: string }[],
): Promise<Map<string, AanbiederInRegio[]>> {
  const uit = new Map<string, AanbiederInRegio[]>();
  if (!groepen.length) return uit;
  const locaties = await q.query<{
    regio_code: string;
    organisatie_id: string;
    naam: string;
    agb: string | null;
    capaciteit: number;
    sectoren: string[];
    leveringsvormen: string[];
  }>(
    `SELECT l.regio_code, o.id AS organisatie_id, o.naam, o.agb, coalesce(l.capaciteit, 0)::int AS capaciteit,
            l.sectoren, l.leveringsvormen
       FROM locatie l JOIN organisatie o ON o.id = l.organisatie_id
      WHERE l.regio_code = ANY($1::text[])
      ORDER BY o.naam, o.id`,
    [[...new Set(groepen.map((g) => g.regio))]],
  );
  const scores = await laatsteVastgesteldeScores(q, [...new Set(locaties.map((l) => l.organisatie_id))]);
  for (const g of groepen) {
    const per = new Map<string, AanbiederInRegio>();
    for (const l of locaties) {
      if (l.regio_code !== g.regio || !l.sectoren?.includes(g.sector) || !l.leveringsvormen?.includes(g.leveringsvorm))
        continue;
      const x = per.get(l.organisatie_id);
      if (x) x.capaciteit += l.capaciteit;
      else
        per.set(l.organisatie_id, {
          organisatie_id: l.organisatie_id,
          naam: l.naam,
          agb: l.agb,
          capaciteit: l.capaciteit,
          score: scores.get(l.organisatie_id) ?? null,
        });
    }
    uit.set(`${g.regio}|${g.sector}|${g.leveringsvorm}`, [...per.values()]);
  }
  return uit;
}
