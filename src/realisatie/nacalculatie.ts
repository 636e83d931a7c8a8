/**
 * Nacalculatie on the database: the final amounts per provider of a region × year × sector, computed
 * by the pure rule (src/domain/realisatie/nacalculatie.ts) from the final agreements and the ledger's
 * contracteerruimte (budget's index.ts), the year's declarations (realisatie) and the zorgkantoor's
 * overproduction rule (chosen per zorgkantoor and year by a manager, stored). A controller, purchaser
 * or manager proposes; a manager who did not propose decides (four eyes). Proposal and decision are
 * audited with the inputs, the rule and who decided.
 *
 * Who sees what: a zorgkantoor its own regions; the NZa everything (read); a provider only decided
 * results it has a line in, and then only its own line (no region totals, no other providers).
 */
import { isUuid } from '../platform/validatie.ts';
import type { AppContext } from '../platform/context.ts';
import type { Queryable } from '../platform/db/index.ts';
import type { Actor } from '../platform/auth/roles.ts';
import { vereisManagerZorgkantoor, vereisVierOgenBesluit } from './toegang.ts';
import { isAanbieder, isToezicht, isZorgkantoor } from '../platform/auth/roles.ts';
import { appendAudit, auditActor } from '../platform/audit.ts';
import { conflict, forbidden, notFound, unprocessable, type Fout } from '../platform/errors.ts';
import {
  nacalculeer,
  nacalculatieJson,
  NacalculatieFout,
  OVERPRODUCTIE_REGELS,
  type NacalculatieInvoer,
  type OverproductieRegel,
} from '../domain/realisatie/nacalculatie.ts';
import { formatCenten, parseCenten } from '../domain/realisatie/centen.ts';
import { herschikBasis, nacalculatieAfspraken } from '../budget/index.ts';
import { Decimal, dec } from '../domain/money.ts';
import * as store from './nacalculatie/store.ts';
import { heeftConcessie, concessieRegios } from './store.ts';
import type { NacalculatieRegelRow, NacalculatieRow } from './nacalculatie/store.ts';

export const NACALCULATIE_REGEL =
  'nacalculatie: declarabel = gedeclareerd tot het budgetplafond; vergoed tot de afspraak (model P: tot het PxQ-budget); overproductie volgens de regel van het zorgkantoor (niet vergoeden, later vergoeden uit resterende ruimte, of tariefkorting voor allen bij overschrijding); onbetaalde overproductie telt niet mee als basis voor volgend jaar (docs/realisatie.md)';

const c = (s: string) => parseCenten(s)!;
const stelVoor = (a: Actor) =>
  isZorgkantoor(a) && a.rollen.some((r) => r === 'inkoper' || r === 'controller' || r === 'manager');

export interface NacalculatieVoorstelInvoer {
  regio: string;
  jaar: number;
  sector: string;
  /**
   * providers under model P, only where the budget stores no model for them (no promoted scenario);
   * a provider whose model is stored cannot be set here
   */
  modelP?: string[];
  /** budgetplafond per provider, only where the budget stores none (no cap in its promoted scenario) */
  plafonds?: Record<string, string>;
  toelichting?: string;
}

type Bron = 'afspraak' | 'ingevoerd' | null;
interface OpslagInvoer {
  oordeel: 'toegekend' | 'onthouden';
  percentage: string;
  motivatie: string;
}

/** The rule's input from the database; `regel` from the zorgkantoor's setting unless given. */
export async function nacalculatieInvoer(
  q: Queryable,
  inv: NacalculatieVoorstelInvoer & { regel?: OverproductieRegel },
): Promise<{
  invoer: NacalculatieInvoer;
  zorgkantoorId: string;
  namen: Map<string, string>;
  bronnen: Map<string, { model: Bron; plafond: Bron; opslag: OpslagInvoer | null }>;
}> {
  const basis = await herschikBasis(q, inv.regio, inv.jaar, inv.sector);
  if (!basis)
    throw unprocessable(
      'geen-contracteerruimte',
      `Er is geen contracteerruimte voor ${inv.regio}, ${inv.jaar}, ${inv.sector}.`,
      {
        fouten: [{ waar: 'sector', wat: 'geen grootboek voor deze regio, dit jaar en deze sector' }],
        actie: 'Voer eerst de contracteerruimte in (Budget → Contracteerruimte).',
      },
    );
  const regel = inv.regel ?? (await store.overproductieRegel(q, basis.zorgkantoorId, inv.jaar))?.regel;
  if (!regel)
    throw unprocessable(
      'geen-overproductieregel',
      `Het zorgkantoor heeft voor ${inv.jaar} nog geen regel voor overproductie gekozen.`,
      {
        fouten: [{ waar: 'regel', wat: 'geen overproductieregel voor dit jaar' }],
        actie: `Een manager kiest de regel (${OVERPRODUCTIE_REGELS.join(', ')}): PUT /api/v1/realisatie/nacalculatie/regel.`,
      },
    );
  const [afspraken, gedeclareerdRijen, volumes, oordelen] = await Promise.all([
    nacalculatieAfspraken(q, inv.regio, inv.jaar, inv.sector),
    store.gedeclareerdPerAanbieder(q, inv.regio, inv.jaar, inv.sector),
    store.geleverdVolume(q, inv.regio, inv.jaar, inv.sector),
    store.opslagOordelen(q, inv.regio, inv.jaar, inv.sector),
  ]);
  const gedeclareerd = new Map(gedeclareerdRijen.map((r) => [r.organisatie_id, r.bedrag]));
  const afspraak = new Map(afspraken.map((x) => [x.id, x]));
  const namen = new Map(afspraken.map((x) => [x.id, x.naam]));
  const ids = [...new Set([...afspraken.map((x) => x.id), ...gedeclareerd.keys()])].sort();
  const fouten: Fout[] = [];
  const modelP = new Set(inv.modelP ?? []);
  for (const id of modelP) {
    if (!ids.includes(id)) fouten.push({ waar: `modelP.${id}`, wat: 'geen afspraak of declaratie in deze regio' });
    const m = afspraak.get(id)?.model;
    if (m)
      fouten.push({
        waar: `modelP.${id}`,
        wat: `het model staat al vast in de afspraak (scenario "${afspraak.get(id)!.scenario!.naam}", model ${m})`,
        actie: 'Laat deze aanbieder weg uit modelP.',
      });
  }
  for (const [id, v] of Object.entries(inv.plafonds ?? {})) {
    if (!ids.includes(id)) fouten.push({ waar: `plafonds.${id}`, wat: 'geen afspraak of declaratie in deze regio' });
    if (parseCenten(v) === undefined)
      fouten.push({ waar: `plafonds.${id}`, wat: `"${v}" is geen bedrag`, actie: 'Bijv. "1250000.00".' });
    const p = afspraak.get(id)?.plafond;
    if (p)
      fouten.push({
        waar: `plafonds.${id}`,
        wat: `het plafond staat al vast in de afspraak (${p}, scenario "${afspraak.get(id)!.scenario!.naam}")`,
        actie: 'Laat deze aanbieder weg uit plafonds.',
      });
  }
  if (fouten.length)
    throw unprocessable('nacalculatie-ongeldig', 'De invoer van de nacalculatie klopt niet.', { fouten });
  // model P: agreed price × declared volume per agreed prestatie (declarations of other prestaties count for nothing)
  const prijs = new Map(afspraken.flatMap((x) => x.regels.map((r) => [`${x.id}|${r.prestatie}`, r.prijs] as const)));
  const waardeP = new Map<string, bigint>();
  for (const v of volumes) {
    const p = prijs.get(`${v.organisatie_id}|${v.prestatie_code}`);
    if (p === undefined) continue;
    const w = BigInt(dec(p).times(v.volume).times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0));
    waardeP.set(v.organisatie_id, (waardeP.get(v.organisatie_id) ?? 0n) + w);
  }
  const oordeel = new Map(oordelen.map((o) => [o.organisatie_id, o]));
  const bronnen = new Map<string, { model: Bron; plafond: Bron; opslag: OpslagInvoer | null }>();
  const invoer: NacalculatieInvoer = {
    jaar: inv.jaar,
    regio: inv.regio,
    contracteerruimte: c(basis.totaal),
    regel,
    aanbieders: ids.map((id) => {
      const x = afspraak.get(id);
      const model: 'P' | 'Q' = x?.model ? (x.model === 'P' ? 'P' : 'Q') : modelP.has(id) ? 'P' : 'Q';
      const plafond = x?.plafond ?? inv.plafonds?.[id];
      const o = oordeel.get(id);
      bronnen.set(id, {
        model: x?.model ? 'afspraak' : modelP.has(id) ? 'ingevoerd' : null,
        plafond: x?.plafond ? 'afspraak' : inv.plafonds?.[id] !== undefined ? 'ingevoerd' : null,
        opslag: o ? { oordeel: o.oordeel, percentage: o.percentage, motivatie: o.motivatie } : null,
      });
      return {
        id,
        afspraak: c(x?.bedrag ?? '0.00'),
        gedeclareerd: c(gedeclareerd.get(id) ?? '0.00'),
        model,
        ...(model === 'P' && x?.model === 'P' ? { waardeP: waardeP.get(id) ?? 0n } : {}),
        ...(plafond !== undefined ? { plafond: c(plafond) } : {}),
        ...(o ? { opslag: { percentage: o.percentage, oordeel: o.oordeel } } : {}),
      };
    }),
  };
  return { invoer, zorgkantoorId: basis.zorgkantoorId, namen, bronnen };
}

/** Computes without storing (CLI preview and the proposal). */
export function bereken(invoer: NacalculatieInvoer) {
  try {
    return nacalculeer(invoer);
  } catch (e) {
    if (e instanceof NacalculatieFout)
      throw unprocessable('nacalculatie-onmogelijk', 'Met deze cijfers is geen nacalculatie te maken.', {
        fouten: [{ waar: e.waar, wat: e.message }],
      });
    throw e;
  }
}

const invoerJson = (
  i: NacalculatieInvoer,
  bronnen: Map<string, { model: Bron; plafond: Bron; opslag: OpslagInvoer | null }>,
) => ({
  jaar: i.jaar,
  regio: i.regio,
  contracteerruimte: formatCenten(i.contracteerruimte),
  regel: i.regel,
  aanbieders: i.aanbieders.map((a) => ({
    id: a.id,
    model: a.model ?? 'Q',
    modelBron: bronnen.get(a.id)?.model ?? null,
    waardeP: a.waardeP === undefined ? null : formatCenten(a.waardeP),
    afspraak: formatCenten(a.afspraak),
    gedeclareerd: formatCenten(a.gedeclareerd),
    plafond: a.plafond === undefined ? null : formatCenten(a.plafond),
    plafondBron: bronnen.get(a.id)?.plafond ?? null,
    opslag: bronnen.get(a.id)?.opslag ?? null,
  })),
});

/** JSON with sorted keys (jsonb does not keep the key order). */
function canoniek(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : x,
  );
}

async function zichtbaar(q: Queryable, a: Actor, id: string, voorUpdate = false): Promise<NacalculatieRow> {
  const n = isUuid(id) ? await store.nacalculatieLaden(q, id, voorUpdate) : undefined;
  if (!n) throw notFound('Deze nacalculatie');
  if (isToezicht(a)) return n;
  if (isZorgkantoor(a) && n.zorgkantoor_id === a.organisatieId) return n;
  if (isAanbieder(a) && n.status === 'vastgesteld' && (await store.nacalculatieRegels(q, n.id, a.organisatieId)).length)
    return n;
  throw notFound('Deze nacalculatie');
}

function regelView(g: NacalculatieRegelRow) {
  return {
    aanbieder: g.organisatie_id,
    naam: g.naam,
    model: g.model,
    afspraak: g.afspraak,
    gedeclareerd: g.gedeclareerd,
    plafond: g.plafond,
    declarabel: g.declarabel,
    vergoed: g.vergoed,
    nabetaling: g.nabetaling,
    korting: g.korting,
    onbetaald: g.onbetaald,
    vastgesteld: g.vastgesteld,
    basisVolgendJaar: g.basis_volgend_jaar,
    opslag: g.opslag_oordeel
      ? {
          oordeel: g.opslag_oordeel,
          percentage: g.opslag_percentage!,
          motivatie: g.opslag_motivatie ?? '',
          onthouden: g.opslag_onthouden,
          metOpslag: formatCenten(c(g.vastgesteld) + c(g.opslag_onthouden)),
          zonderOpslag: g.opslag_oordeel === 'onthouden' ? g.vastgesteld : null,
        }
      : null,
    uitleg: g.uitleg,
  };
}

async function view(q: Queryable, a: Actor, n: NacalculatieRow) {
  return viewMet(a, n, await store.nacalculatieRegels(q, n.id, isAanbieder(a) ? a.organisatieId : null));
}

function viewMet(a: Actor, n: NacalculatieRow, regels: NacalculatieRegelRow[]) {
  const eigen = isAanbieder(a);
  const u = n.uitkomst as {
    totaal: { declarabel: string; vastgesteld: string; overschrijding: string };
    uitleg: string[];
  };
  return {
    id: n.id,
    regio: n.regio_code,
    jaar: n.jaar,
    sector: n.sector,
    status: n.status,
    regel: n.regel,
    kortingspercentage: n.kortingspercentage,
    contracteerruimte: eigen ? null : n.contracteerruimte,
    totaal: eigen ? null : u.totaal,
    uitleg: eigen ? [] : u.uitleg,
    regels: regels.map(regelView),
    toelichting: eigen ? null : n.toelichting,
    voorgesteld: { door: n.voorgesteld_naam, op: new Date(n.voorgesteld_op).toISOString() },
    besluit: n.besloten_op
      ? { door: n.besloten_naam ?? '', op: new Date(n.besloten_op).toISOString(), toelichting: n.besluit_toelichting }
      : null,
    bron: NACALCULATIE_REGEL,
  };
}
export type NacalculatieView = ReturnType<typeof viewMet>;

/** A controller, purchaser or manager of the region's zorgkantoor proposes the nacalculatie. */
export async function nacalculatieVoorstellen(
  ctx: AppContext,
  a: Actor,
  inv: NacalculatieVoorstelInvoer,
): Promise<NacalculatieView> {
  if (!stelVoor(a))
    throw forbidden('Alleen een controller, inkoper of manager van het zorgkantoor stelt een nacalculatie voor.');
  return ctx.db.tx(async (t) => {
    if (!(await heeftConcessie(t, a.organisatieId, inv.regio, inv.jaar)))
      throw notFound(`Regio ${inv.regio} in ${inv.jaar}`);
    const bestaand = await store.openNacalculatie(t, inv.regio, inv.jaar, inv.sector);
    if (bestaand.some((x) => x.status === 'voorgesteld'))
      throw conflict('nacalculatie-open', 'Er staat al een voorstel voor deze nacalculatie open.', {
        actie: 'Laat een manager eerst over dat voorstel besluiten (vaststellen of afwijzen).',
      });
    if (bestaand.some((x) => x.status === 'vastgesteld'))
      throw conflict(
        'nacalculatie-vastgesteld',
        'De nacalculatie van deze regio, dit jaar en deze sector is al vastgesteld.',
      );
    const { invoer, bronnen } = await nacalculatieInvoer(t, inv);
    const uitkomst = bereken(invoer);
    const json = nacalculatieJson(uitkomst);
    const nu = ctx.now();
    const id = await store.nacalculatieNieuw(
      t,
      {
        zorgkantoorId: a.organisatieId,
        regio: inv.regio,
        jaar: inv.jaar,
        sector: inv.sector,
        regel: invoer.regel,
        contracteerruimte: formatCenten(invoer.contracteerruimte),
        kortingspercentage: uitkomst.kortingspercentage,
        invoer: invoerJson(invoer, bronnen),
        uitkomst: json,
        toelichting: inv.toelichting ?? null,
        door: a.gebruikerId,
        doorNaam: a.naam,
        op: nu,
      },
      uitkomst.regels.map((r) => {
        const x = invoer.aanbieders.find((y) => y.id === r.aanbieder)!;
        return {
          organisatie_id: r.aanbieder,
          model: x.model ?? 'Q',
          afspraak: formatCenten(r.afspraak),
          gedeclareerd: formatCenten(r.gedeclareerd),
          plafond: x.plafond === undefined ? null : formatCenten(x.plafond),
          declarabel: formatCenten(r.declarabel),
          vergoed: formatCenten(r.vergoed),
          nabetaling: formatCenten(r.nabetaling),
          korting: formatCenten(r.korting),
          onbetaald: formatCenten(r.onbetaald),
          vastgesteld: formatCenten(r.vastgesteld),
          basis_volgend_jaar: formatCenten(r.basisVolgendJaar),
          opslag_oordeel: bronnen.get(r.aanbieder)?.opslag?.oordeel ?? null,
          opslag_percentage: bronnen.get(r.aanbieder)?.opslag?.percentage ?? null,
          opslag_motivatie: bronnen.get(r.aanbieder)?.opslag?.motivatie ?? null,
          opslag_onthouden: formatCenten(r.opslagOnthouden),
          uitleg: r.uitleg,
        };
      }),
    );
    await appendAudit(t, auditActor(a), {
      actie: 'nacalculatie.voorgesteld',
      onderwerpType: 'nacalculatie',
      onderwerpId: id,
      invoer: invoerJson(invoer, bronnen),
      resultaat: json,
      regel: NACALCULATIE_REGEL,
    });
    return view(t, a, (await store.nacalculatieLaden(t, id))!);
  });
}

/** A manager who did not propose decides: vaststellen or afwijzen. */
export async function nacalculatieBesluiten(
  ctx: AppContext,
  a: Actor,
  id: string,
  inv: { besluit: 'vaststellen' | 'afwijzen'; toelichting?: string },
): Promise<NacalculatieView> {
  return ctx.db.tx(async (t) => {
    const n = await zichtbaar(t, a, id, true);
    vereisVierOgenBesluit(a, {
      wat: 'besluit over de nacalculatie',
      zorgkantoorId: n.zorgkantoor_id,
      voorbereidDoor: [n.voorgesteld_door],
      voorbereid: 'deze nacalculatie voorgesteld',
      onderwerp: 'deze nacalculatie',
      status: n.status,
      code: 'nacalculatie-besloten',
    });
    if (inv.besluit === 'vaststellen') {
      // the inputs must still be what the proposal was computed from
      // only what was entered by hand is given again; stored model, ceilings and opslag are read afresh
      const oud = (n.invoer as ReturnType<typeof invoerJson>).aanbieders;
      const { invoer, bronnen } = await nacalculatieInvoer(t, {
        regio: n.regio_code,
        jaar: n.jaar,
        sector: n.sector,
        regel: n.regel,
        modelP: oud.filter((x) => x.model === 'P' && x.modelBron === 'ingevoerd').map((x) => x.id),
        plafonds: Object.fromEntries(
          oud.filter((x) => x.plafond !== null && x.plafondBron === 'ingevoerd').map((x) => [x.id, x.plafond!]),
        ),
      });
      if (canoniek(invoerJson(invoer, bronnen)) !== canoniek(n.invoer))
        throw conflict(
          'nacalculatie-verouderd',
          'Afspraken, declaraties, contracteerruimte of het oordeel over de opslag zijn sinds het voorstel gewijzigd.',
          { actie: 'Wijs dit voorstel af en stel een nieuw voor.' },
        );
    }
    const nu = ctx.now();
    await store.nacalculatieBesloten(t, n.id, {
      status: inv.besluit === 'vaststellen' ? 'vastgesteld' : 'afgewezen',
      door: a.gebruikerId,
      naam: a.naam,
      op: nu,
      toelichting: inv.toelichting ?? null,
    });
    await appendAudit(t, auditActor(a), {
      actie: inv.besluit === 'vaststellen' ? 'nacalculatie.vastgesteld' : 'nacalculatie.afgewezen',
      onderwerpType: 'nacalculatie',
      onderwerpId: n.id,
      invoer: {
        besluit: inv.besluit,
        toelichting: inv.toelichting ?? null,
        voorstel: n.invoer,
        voorgesteldDoor: n.voorgesteld_naam,
      },
      resultaat: n.uitkomst,
      regel: `${NACALCULATIE_REGEL}; vier ogen: een manager die niet voorstelde besluit`,
    });
    return view(t, a, (await store.nacalculatieLaden(t, n.id))!);
  });
}

export async function nacalculatiesLijst(ctx: AppContext, a: Actor, f: { jaar: number }) {
  const rows = await store.nacalculatiesZoeken(ctx.db, {
    jaar: f.jaar,
    regios: isZorgkantoor(a) ? await concessieRegios(ctx.db, a.organisatieId, f.jaar) : null,
    aanbieder: isAanbieder(a) ? a.organisatieId : null,
  });
  const regel = isZorgkantoor(a) ? await store.overproductieRegel(ctx.db, a.organisatieId, f.jaar) : undefined;
  return {
    jaar: f.jaar,
    overproductieRegel: regel
      ? { regel: regel.regel, door: regel.gezet_naam, op: new Date(regel.gezet_op).toISOString() }
      : null,
    nacalculaties: await (async () => {
      // one query for the lines of all rows (set-based), grouped in memory
      const regels = await store.nacalculatieRegelsVan(
        ctx.db,
        rows.map((n) => n.id),
        isAanbieder(a) ? a.organisatieId : null,
      );
      const per = new Map<string, NacalculatieRegelRow[]>();
      for (const g of regels) per.set(g.nacalculatie_id, [...(per.get(g.nacalculatie_id) ?? []), g]);
      return rows.map((n) => viewMet(a, n, per.get(n.id) ?? []));
    })(),
  };
}

export async function nacalculatieDetail(ctx: AppContext, a: Actor, id: string) {
  return view(ctx.db, a, await zichtbaar(ctx.db, a, id));
}

/** A manager chooses the zorgkantoor's overproduction rule for a year (audited). */
export async function zetOverproductieRegel(ctx: AppContext, a: Actor, jaar: number, regel: OverproductieRegel) {
  vereisManagerZorgkantoor(a, 'kiest de regel voor overproductie');
  const nu = ctx.now();
  await ctx.db.tx(async (t) => {
    const was = await store.overproductieRegel(t, a.organisatieId, jaar);
    await store.zetOverproductieRegel(t, {
      zorgkantoor: a.organisatieId,
      jaar,
      regel,
      door: a.gebruikerId,
      naam: a.naam,
      op: nu,
    });
    await appendAudit(t, auditActor(a), {
      actie: 'nacalculatie.overproductieregel',
      onderwerpType: 'nacalculatie_instelling',
      onderwerpId: `${a.organisatieId}/${jaar}`,
      invoer: { jaar, regel },
      resultaat: { was: was?.regel ?? null },
      regel:
        'overproductie: niet vergoeden, later vergoeden of tariefkorting voor allen; per zorgkantoor en jaar gekozen',
    });
  });
  return { regel, door: a.naam, op: nu.toISOString() };
}

/**
 * The decided next-year base per provider: what was paid, never unpaid overproduction. Empty when
 * the nacalculatie of that year is not decided.
 */
export async function basisVolgendJaar(q: Queryable, regio: string, jaar: number, sector: string) {
  return (await store.basisVolgendJaar(q, regio, jaar, sector)).map((r) => ({
    aanbieder: r.organisatie_id,
    basis: r.basis,
    declarabel: r.declarabel,
  }));
}

export const OPSLAG_OORDEEL_REGEL =
  'opslag bij de nacalculatie: het zorgkantoor oordeelt of het ontwikkelplan zijn resultaat bereikte; toegekend = de opslag blijft in de betaalde prijs, onthouden = betaald tegen het basistarief (Inkoopkader Langdurige Zorg 2016, §2.2.4: "Deze toekenning kan bij de initiële toekenning in november 2015, bij de herschikking en/of bij de nacalculatie voor 2016 plaatsvinden.")';

/**
 * Zorgkantoor staff (inkoper, controller, manager) of the region judge per provider, at the
 * nacalculatie, whether the ontwikkelplan reached its result: the opslag is granted or withheld, with a
 * motivation; audited (moment 'nacalculatie'). The percentage is the opslag granted in the provider's
 * contract prices (inkoop, read through the budget's agreements); where the agreement was not priced
 * from a contract with an opslag, the percentage is entered (0 < p ≤ 3).
 */
export async function opslagBeoordelen(
  ctx: AppContext,
  a: Actor,
  inv: {
    regio: string;
    jaar: number;
    sector: string;
    aanbieder: string;
    oordeel: 'toegekend' | 'onthouden';
    motivatie: string;
    percentage?: string;
  },
) {
  if (!stelVoor(a))
    throw forbidden('Alleen een inkoper, controller of manager van het zorgkantoor oordeelt over de opslag.');
  return ctx.db.tx(async (t) => {
    if (!(await heeftConcessie(t, a.organisatieId, inv.regio, inv.jaar)))
      throw notFound(`Regio ${inv.regio} in ${inv.jaar}`);
    if ((await store.openNacalculatie(t, inv.regio, inv.jaar, inv.sector)).some((x) => x.status === 'vastgesteld'))
      throw conflict(
        'nacalculatie-vastgesteld',
        'De nacalculatie van deze regio, dit jaar en deze sector is al vastgesteld; het oordeel over de opslag ligt vast.',
      );
    const x = (await nacalculatieAfspraken(t, inv.regio, inv.jaar, inv.sector)).find((y) => y.id === inv.aanbieder);
    if (!x)
      throw unprocessable('opslag-ongeldig', 'Deze aanbieder heeft hier geen productieafspraak.', {
        fouten: [
          { waar: 'aanbieder', wat: `geen afspraak van ${inv.aanbieder} in ${inv.regio}, ${inv.jaar}, ${inv.sector}` },
        ],
      });
    const fouten: Fout[] = [];
    if (!inv.motivatie.trim()) fouten.push({ waar: 'motivatie', wat: 'ontbreekt', actie: 'Licht het oordeel toe.' });
    let percentage: string | null = null;
    let bron: 'overeenkomst' | 'ingevoerd' = 'ingevoerd';
    const p = inv.percentage?.trim().replace(',', '.');
    if (x.opslag) {
      percentage = x.opslag;
      bron = 'overeenkomst';
      if (p !== undefined && !dec(p).equals(x.opslag))
        fouten.push({
          waar: 'percentage',
          wat: `de overeenkomst noemt een opslag van ${x.opslag}%, niet ${p}%`,
          actie: 'Laat het percentage weg; het komt uit de overeenkomst.',
        });
    } else if (p === undefined || !/^\d(\.\d{1,2})?$/.test(p) || dec(p).lte(0) || dec(p).gt(3))
      fouten.push({
        waar: 'percentage',
        wat:
          p === undefined
            ? 'ontbreekt: de afspraak komt niet uit een overeenkomst met opslag'
            : `"${p}" is geen opslag boven 0% en ten hoogste 3%`,
        actie: 'Geef de opslag op het basistarief, bijv. "2.00".',
      });
    else percentage = dec(p).toFixed(2);
    if (fouten.length || percentage === null)
      throw unprocessable('opslag-ongeldig', 'Het oordeel over de opslag klopt niet.', { fouten });
    const nu = ctx.now();
    const was = await store.zetOpslagOordeel(t, {
      zorgkantoor_id: a.organisatieId,
      regio_code: inv.regio,
      jaar: inv.jaar,
      sector: inv.sector,
      organisatie_id: inv.aanbieder,
      oordeel: inv.oordeel,
      percentage,
      percentage_bron: bron,
      motivatie: inv.motivatie.trim(),
      door: a.gebruikerId,
      door_naam: a.naam,
      op: nu,
    });
    await appendAudit(t, auditActor(a), {
      actie: `nacalculatie.opslag.${inv.oordeel}`,
      onderwerpType: 'nacalculatie_opslag',
      onderwerpId: `${inv.regio}/${inv.jaar}/${inv.sector}/${inv.aanbieder}`,
      invoer: {
        moment: 'nacalculatie',
        aanbieder: inv.aanbieder,
        oordeel: inv.oordeel,
        percentage,
        percentageBron: bron,
        overeenkomstId: x.overeenkomstId,
        motivatie: inv.motivatie.trim(),
      },
      resultaat: { was: was ? { oordeel: was.oordeel, percentage: was.percentage, motivatie: was.motivatie } : null },
      regel: OPSLAG_OORDEEL_REGEL,
    });
    return {
      regio: inv.regio,
      jaar: inv.jaar,
      sector: inv.sector,
      aanbieder: inv.aanbieder,
      moment: 'nacalculatie' as const,
      oordeel: inv.oordeel,
      percentage,
      percentageBron: bron,
      motivatie: inv.motivatie.trim(),
      door: a.naam,
      op: nu.toISOString(),
      bron: OPSLAG_OORDEEL_REGEL,
    };
  });
}
