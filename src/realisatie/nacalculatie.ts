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
import { herschikBasis } from '../budget/index.ts';
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
  /** providers contracted under model P (PxQ budget = the agreement; overproduction never paid later) */
  modelP?: string[];
  /** budgetplafond per provider: nothing above it is declarable */
  plafonds?: Record<string, string>;
  toelichting?: string;
}

/** The rule's input from the database; `regel` from the zorgkantoor's setting unless given. */
export async function nacalculatieInvoer(
  q: Queryable,
  inv: NacalculatieVoorstelInvoer & { regel?: OverproductieRegel },
): Promise<{ invoer: NacalculatieInvoer; zorgkantoorId: string; namen: Map<string, string> }> {
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
  const gedeclareerd = new Map(
    (await store.gedeclareerdPerAanbieder(q, inv.regio, inv.jaar, inv.sector)).map((r) => [r.organisatie_id, r.bedrag]),
  );
  const namen = new Map(basis.aanbieders.map((x) => [x.id, x.naam]));
  const ids = [...new Set([...basis.aanbieders.map((x) => x.id), ...gedeclareerd.keys()])].sort();
  const fouten: Fout[] = [];
  const modelP = new Set(inv.modelP ?? []);
  for (const id of modelP)
    if (!ids.includes(id)) fouten.push({ waar: `modelP.${id}`, wat: 'geen afspraak of declaratie in deze regio' });
  for (const [id, v] of Object.entries(inv.plafonds ?? {})) {
    if (!ids.includes(id)) fouten.push({ waar: `plafonds.${id}`, wat: 'geen afspraak of declaratie in deze regio' });
    if (parseCenten(v) === undefined)
      fouten.push({ waar: `plafonds.${id}`, wat: `"${v}" is geen bedrag`, actie: 'Bijv. "1250000.00".' });
  }
  if (fouten.length)
    throw unprocessable('nacalculatie-ongeldig', 'De invoer van de nacalculatie klopt niet.', { fouten });
  const invoer: NacalculatieInvoer = {
    jaar: inv.jaar,
    regio: inv.regio,
    contracteerruimte: c(basis.totaal),
    regel,
    aanbieders: ids.map((id) => {
      const plafond = inv.plafonds?.[id];
      return {
        id,
        afspraak: c(basis.aanbieders.find((x) => x.id === id)?.bedrag ?? '0.00'),
        gedeclareerd: c(gedeclareerd.get(id) ?? '0.00'),
        model: modelP.has(id) ? ('P' as const) : ('Q' as const),
        ...(plafond !== undefined ? { plafond: c(plafond) } : {}),
      };
    }),
  };
  return { invoer, zorgkantoorId: basis.zorgkantoorId, namen };
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

const invoerJson = (i: NacalculatieInvoer) => ({
  jaar: i.jaar,
  regio: i.regio,
  contracteerruimte: formatCenten(i.contracteerruimte),
  regel: i.regel,
  aanbieders: i.aanbieders.map((a) => ({
    id: a.id,
    model: a.model ?? 'Q',
    afspraak: formatCenten(a.afspraak),
    gedeclareerd: formatCenten(a.gedeclareerd),
    plafond: a.plafond === undefined ? null : formatCenten(a.plafond),
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
    uitleg: g.uitleg,
  };
}

async function view(q: Queryable, a: Actor, n: NacalculatieRow) {
  const eigen = isAanbieder(a);
  const regels = await store.nacalculatieRegels(q, n.id, eigen ? a.organisatieId : null);
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
export type NacalculatieView = Awaited<ReturnType<typeof view>>;

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
    const { invoer } = await nacalculatieInvoer(t, inv);
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
        invoer: invoerJson(invoer),
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
          uitleg: r.uitleg,
        };
      }),
    );
    await appendAudit(t, auditActor(a), {
      actie: 'nacalculatie.voorgesteld',
      onderwerpType: 'nacalculatie',
      onderwerpId: id,
      invoer: invoerJson(invoer),
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
    if (!isZorgkantoor(a) || n.zorgkantoor_id !== a.organisatieId || !a.rollen.includes('manager'))
      throw forbidden('Alleen een manager van het zorgkantoor besluit over de nacalculatie.');
    if (n.voorgesteld_door === a.gebruikerId)
      throw forbidden('Vier ogen: u heeft deze nacalculatie voorgesteld; een andere manager moet besluiten.');
    if (n.status !== 'voorgesteld')
      throw conflict('nacalculatie-besloten', `Over deze nacalculatie is al besloten (${n.status}).`);
    if (inv.besluit === 'vaststellen') {
      // the inputs must still be what the proposal was computed from
      const { invoer } = await nacalculatieInvoer(t, {
        regio: n.regio_code,
        jaar: n.jaar,
        sector: n.sector,
        regel: n.regel,
        modelP: (n.invoer as ReturnType<typeof invoerJson>).aanbieders.filter((x) => x.model === 'P').map((x) => x.id),
        plafonds: Object.fromEntries(
          (n.invoer as ReturnType<typeof invoerJson>).aanbieders
            .filter((x) => x.plafond !== null)
            .map((x) => [x.id, x.plafond!]),
        ),
      });
      if (canoniek(invoerJson(invoer)) !== canoniek(n.invoer))
        throw conflict(
          'nacalculatie-verouderd',
          'Afspraken, declaraties of contracteerruimte zijn sinds het voorstel gewijzigd.',
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
    nacalculaties: await Promise.all(rows.map((n) => view(ctx.db, a, n))),
  };
}

export async function nacalculatieDetail(ctx: AppContext, a: Actor, id: string) {
  return view(ctx.db, a, await zichtbaar(ctx.db, a, id));
}

/** A manager chooses the zorgkantoor's overproduction rule for a year (audited). */
export async function zetOverproductieRegel(ctx: AppContext, a: Actor, jaar: number, regel: OverproductieRegel) {
  if (!isZorgkantoor(a) || !a.rollen.includes('manager'))
    throw forbidden('Alleen een manager van het zorgkantoor kiest de regel voor overproductie.');
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
