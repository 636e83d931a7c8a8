/**
 * Region and provider overviews, and editing the region → zorgkantoor mapping.
 *
 * Who sees what (the same rule everywhere):
 *  - NZa / toezichthouder: every region and provider;
 *  - zorgkantoor users: providers, contract and production figures in the regions their
 *    organisation holds in the year asked for (region header and concession holder: all regions);
 *  - a provider: only itself — another provider's data answers 404 as if it did not exist.
 */
import type { Queryable } from '../platform/db/index.ts';
import type { Actor } from '../platform/auth/roles.ts';
import { isAanbieder, isToezicht } from '../platform/auth/roles.ts';
import { appendAudit } from '../platform/audit.ts';
import { auditActor } from '../platform/audit.ts';
import { badRequest, conflict, notFound } from '../platform/errors.ts';
import * as store from './store.ts';

export type Zicht = { soort: 'alle' } | { soort: 'regios'; regios: string[] } | { soort: 'aanbieder'; id: string };

/** The part of the data an actor may see for a year. */
export async function zichtVoor(q: Queryable, a: Actor, jaar: number): Promise<Zicht> {
  if (isAanbieder(a)) return { soort: 'aanbieder', id: a.organisatieId };
  if (isToezicht(a)) return { soort: 'alle' };
  return { soort: 'regios', regios: await store.concessieRegios(q, a.organisatieId, jaar) };
}

/** SQL parameters for a Zicht: regions (null = all) and provider (null = all). */
const params = (z: Zicht): [string[] | null, string | null] =>
  z.soort === 'alle' ? [null, null] : z.soort === 'regios' ? [z.regios, null] : [null, z.id];

export interface Totalen {
  productieafspraken: { regels: number; volume: string; bedrag: string };
  realisatie: { regels: number; maanden: number; volume: string; bedrag: string };
}

/**
 * The contract and realisation figures the overview shows, read by their owners (budget owns
 * productieafspraak, realisatie owns realisatie). The composition root hands them in, so reference
 * stays below budget and realisatie in the import graph.
 */
export interface Cijferbron {
  afspraakTotalen(q: Queryable, f: CijferFilter): Promise<{ n: number; volume: string; bedrag: string }>;
  realisatieTotalen(
    q: Queryable,
    f: CijferFilter,
  ): Promise<{ n: number; maanden: number; volume: string; bedrag: string }>;
  afsprakenPerJaar(
    q: Queryable,
    organisatieId: string,
    zorgkantoor: string | null,
  ): Promise<{ jaar: number; n: number; volume: string; bedrag: string; regios: string[] }[]>;
  realisatiePerJaar(
    q: Queryable,
    organisatieId: string,
    zorgkantoor: string | null,
  ): Promise<{ jaar: number; n: number; maanden: number; volume: string; bedrag: string }[]>;
}
export interface CijferFilter {
  jaar: number;
  regio?: string | null;
  organisatie?: string | null;
  regios?: string[] | null;
}

async function totalen(q: Queryable, cijfers: Cijferbron, f: CijferFilter): Promise<Totalen> {
  const pa = await cijfers.afspraakTotalen(q, f);
  const re = await cijfers.realisatieTotalen(q, f);
  return {
    productieafspraken: { regels: Number(pa.n), volume: pa.volume, bedrag: pa.bedrag },
    realisatie: { regels: Number(re.n), maanden: Number(re.maanden), volume: re.volume, bedrag: re.bedrag },
  };
}

export async function regioDetail(q: Queryable, cijfers: Cijferbron, a: Actor, code: string, jaar: number) {
  const r = await store.regio(q, code);
  if (!r) throw notFound(`Regio ${code}`);
  const c = await store.concessie(q, code, jaar);
  const z = await zichtVoor(q, a, jaar);
  const inzage: 'volledig' | 'eigen-aanbieder' | 'beperkt' =
    z.soort === 'alle' || (z.soort === 'regios' && z.regios.includes(code))
      ? 'volledig'
      : z.soort === 'aanbieder'
        ? 'eigen-aanbieder'
        : 'beperkt';
  let aanbieders: store.AanbiederInRegioRij[] = [];
  let tot: Totalen | null = null;
  if (inzage !== 'beperkt') {
    const org = z.soort === 'aanbieder' ? z.id : null;
    aanbieders = await store.aanbiedersInRegio(q, code, org);
    tot = await totalen(q, cijfers, { jaar, regio: code, organisatie: org });
  }
  return {
    code: r.code,
    naam: r.naam,
    actief: r.actief,
    opmerking: r.opmerking,
    bron: r.bron,
    jaar,
    inzage,
    concessie: c
      ? {
          zorgkantoorId: c.organisatie_id,
          zorgkantoorNaam: c.org_naam,
          voorbeeld: c.voorbeeld,
          bron: c.bron,
          gewijzigdOp: c.gewijzigd_op ? new Date(c.gewijzigd_op).toISOString() : null,
        }
      : null,
    aanbieders: aanbieders.map((x) => ({
      id: x.id,
      naam: x.naam,
      aantalLocaties: Number(x.locaties),
      capaciteit: Number(x.capaciteit),
      sectoren: x.sectoren ?? [],
      verscherptToezicht: !!x.verscherpt,
    })),
    totalen: tot,
  };
}

export const PER_PAGINA = 50;

export async function aanbiedersLijst(
  q: Queryable,
  a: Actor,
  opts: { regio?: string; zoek?: string; pagina?: number; jaar: number },
) {
  const z = await zichtVoor(q, a, opts.jaar);
  const [regios, org] = params(z);
  const pagina = opts.pagina ?? 1;
  const zoek = opts.zoek?.trim()
    ? `%${opts.zoek
        .trim()
        .toLowerCase()
        .replace(/[\\%_]/g, (m) => '\\' + m)}%`
    : null;
  const rows = await store.aanbiedersPagina(q, {
    regios,
    organisatieId: org,
    regio: opts.regio ?? null,
    zoekPatroon: zoek,
    limiet: PER_PAGINA,
    vanaf: (pagina - 1) * PER_PAGINA,
  });
  let totaal = rows.length ? Number(rows[0].totaal) : 0;
  if (!rows.length && pagina > 1) {
    // past the last page: still say how many there are
    const t = await aanbiedersLijst(q, a, { ...opts, pagina: 1 });
    totaal = t.totaal;
  }
  return {
    pagina,
    perPagina: PER_PAGINA,
    totaal,
    zicht: z.soort,
    items: rows.map((x) => ({
      id: x.id,
      naam: x.naam,
      agb: x.agb,
      regios: x.regios,
      aantalLocaties: Number(x.locaties),
      sectoren: x.sectoren ?? [],
      verscherptToezicht: !!x.verscherpt,
    })),
  };
}

export async function aanbiederDetail(q: Queryable, cijfers: Cijferbron, a: Actor, id: string) {
  // A provider sees only itself; asking for another provider looks exactly like asking for nothing.
  if (isAanbieder(a) && a.organisatieId !== id) throw notFound('Deze zorgaanbieder');
  const o = await store.zorgaanbieder(q, id);
  if (!o) throw notFound('Deze zorgaanbieder');
  const locs = await store.locatiesVan(q, o.id);
  const zk = !isAanbieder(a) && !isToezicht(a);
  // Zorgkantoor users see the figures of the regions their organisation holds in that year.
  const zicht = zk ? a.organisatieId : null;
  const pa = await cijfers.afsprakenPerJaar(q, o.id, zicht);
  const re = await cijfers.realisatiePerJaar(q, o.id, zicht);
  const jaren = [...new Set([...pa.map((x) => Number(x.jaar)), ...re.map((x) => Number(x.jaar))])].sort(
    (x, y) => x - y,
  );
  const perJaar = jaren.map((jaar) => ({
    jaar,
    pa: pa.find((x) => Number(x.jaar) === jaar),
    re: re.find((x) => Number(x.jaar) === jaar),
  }));
  return {
    ...o,
    locaties: locs.map((l) => ({
      id: l.id,
      naam: l.naam,
      adres: l.adres,
      postcode: l.postcode,
      plaats: l.plaats,
      regioCode: l.regio_code,
      sectoren: l.sectoren,
      leveringsvormen: l.leveringsvormen,
      capaciteit: l.capaciteit,
      inspectieStatus: l.inspectie_status,
    })),
    jaren: perJaar.map((j) => ({
      jaar: j.jaar,
      regios: j.pa?.regios ?? [],
      productieafspraken: {
        regels: Number(j.pa?.n ?? 0),
        volume: j.pa?.volume ?? '0.00',
        bedrag: j.pa?.bedrag ?? '0.00',
      },
      realisatie: {
        regels: Number(j.re?.n ?? 0),
        maanden: Number(j.re?.maanden ?? 0),
        volume: j.re?.volume ?? '0.00',
        bedrag: j.re?.bedrag ?? '0.00',
      },
    })),
  };
}

/** Sets which zorgkantoor holds a region in a year. The mapping stops being "voorbeeld". Audited. */
export async function wijzigConcessie(
  t: Queryable,
  a: Actor,
  regio: string,
  jaar: number,
  body: { organisatieId: string; bron?: string },
  ditJaar: number,
) {
  const r = await store.regio(t, regio);
  if (!r) throw notFound(`Regio ${regio}`);
  // A past year is history: its productieafspraken and realisatie were seen, settled and reported
  // under the holder of that year, so the holder of a past year does not change afterwards (product choice).
  if (jaar < ditJaar)
    throw conflict(
      'concessiejaar-vergrendeld',
      `De concessie-indeling van ${jaar} ligt vast: ${jaar} is verstreken. Alleen ${ditJaar} en latere jaren kunnen worden gewijzigd.`,
      {
        fouten: [{ waar: 'jaar', wat: `${jaar} is een verstreken jaar.`, actie: `Kies ${ditJaar} of later.` }],
        actie: `Kies ${ditJaar} of een later jaar.`,
      },
    );
  if (!r.actief)
    throw badRequest('regio-vervallen', `Regio ${regio} is vervallen en krijgt geen concessiehouder.`, {
      actie: 'Kies de regiocode die in gebruik is (zie de opmerking bij de regio).',
    });
  const org = await store.organisatie(t, body.organisatieId);
  if (!org || org.soort !== 'zorgkantoor') {
    throw badRequest('geen-zorgkantoor', `${body.organisatieId} is geen zorgkantoor.`, {
      fouten: [
        {
          waar: 'body/organisatieId',
          wat: 'onbekend zorgkantoor',
          actie: 'Kies een van de zeven zorgkantoren, bijv. zk-cz.',
        },
      ],
    });
  }
  const voor = await store.concessieVoorWijziging(t, regio, jaar);
  const bron = body.bron?.trim() || `Vastgesteld door ${a.naam} (${a.organisatieNaam})`;
  await store.concessieOpslaan(t, {
    regioCode: regio,
    jaar,
    organisatieId: org.id,
    bron,
    gewijzigdDoor: a.gebruikerId,
  });
  await appendAudit(t, auditActor(a), {
    actie: 'regio.concessie-gewijzigd',
    onderwerpType: 'regio',
    onderwerpId: `${regio}/${jaar}`,
    invoer: { regio, jaar, organisatieId: org.id, bron },
    resultaat: {
      voor: voor ? { organisatieId: voor.organisatie_id, voorbeeld: voor.voorbeeld } : null,
      na: { organisatieId: org.id, voorbeeld: false },
    },
  });
  return {
    regioCode: regio,
    jaar,
    zorgkantoorId: org.id,
    zorgkantoorNaam: org.naam,
    voorbeeld: false,
    bron,
    vorigeZorgkantoorId: voor?.organisatie_id ?? null,
  };
}
