/**
 * Contracteerruimte and productieafspraken: use cases. A decision is one transaction: load with
 * visibility → guard → pure rule (src/domain/contracteerruimte) → write → audit → view.
 *
 * Who sees what:
 *  - zorgkantoor users (inkoper, manager, controller, beoordelaar): everything of the regions their
 *    organisation holds the concession for in that year; writing: inkoper and manager;
 *  - a provider: its own agreements, and per region it works in only the region's totals (total
 *    contracteerruimte, sum of agreements, share used) — never another provider's amounts;
 *  - the NZa (toezichthouder): everything, read-only.
 * Anything else answers 404 as if it did not exist.
 */
import { createHash } from 'node:crypto';
import type { AppContext } from '../platform/context.ts';
import type { Db, Queryable } from '../platform/db/index.ts';
import type { Actor } from '../platform/auth/roles.ts';
import { isAanbieder, isInkoperOfManager, isManagerZorgkantoor, isToezicht } from '../platform/auth/roles.ts';
import { appendAudit } from '../platform/audit.ts';
import { auditActor } from '../platform/audit.ts';
import { AppError, conflict, forbidden, notFound, unprocessable, type Fout } from '../platform/errors.ts';
import { Decimal, euros } from '../domain/money.ts';
import {
  pasToe,
  benutting,
  oormerkVanPercentage,
  GrootboekWeigering,
  type Mutatie,
  type Stand,
  type Deltas,
} from '../domain/contracteerruimte/grootboek.ts';
import {
  bedragVan,
  deadlineStand,
  magNaarStatus,
  NZA_DEADLINE_BRON,
  type AfspraakSoort,
  type AfspraakStatus,
  type PrijsBron,
} from '../domain/contracteerruimte/afspraak.ts';
import { instantNaarLokaal } from '../domain/inkoop/timeline.ts';
import { lijstNzaTarieven, zichtVoor, type Zicht } from '../reference/index.ts';
import { tarievenVanAanbieder } from '../tarieven/index.ts';
import { gegundePrijzen, overeenkomstVoorAanbieder } from '../inkoop/index.ts';
import { verdeelNaarRato } from '../domain/realisatie/centen.ts';
import { plafondsUitRegels, type AfgeleidPlafond, type PlafondMixRegel } from '../domain/budget/plafondregels.ts';
import * as store from './store.ts';
import { realisatieLaatsteJaar } from '../realisatie/index.ts';
import type { CrRow, AfspraakRow, MutatieRow, VersieRow } from './store.ts';

export const VOORBEELD_LABEL =
  'Voorbeeldcijfers: deze contracteerruimte is fictief en voor demonstratie; het is geen werkelijk budget.';

// ---------------------------------------------------------------- visibility

export type { Zicht };
export async function zicht(q: Queryable, a: Actor, jaar: number): Promise<Zicht> {
  return zichtVoor(q, a, jaar);
}

function ziet(z: Zicht, regio: string): boolean {
  return z.soort === 'alle' || (z.soort === 'regios' && z.regios.includes(regio));
}

/** The ledger, loaded for writing by a purchaser or manager of the zorgkantoor holding the region. */
async function crVoorSchrijven(q: Queryable, a: Actor, id: string): Promise<CrRow> {
  const cr = await store.crLaden(q, id, true);
  if (!cr) throw notFound('Deze contracteerruimte');
  const z = await zicht(q, a, cr.jaar);
  if (!ziet(z, cr.regio_code) || z.soort === 'alle') throw notFound('Deze contracteerruimte');
  if (!isInkoperOfManager(a) || cr.zorgkantoor_id !== a.organisatieId)
    throw forbidden(
      'Alleen een inkoper of manager van het zorgkantoor van deze regio kan de contracteerruimte wijzigen.',
    );
  return cr;
}

// ---------------------------------------------------------------- ledger views

const d = (s: string | Decimal) => new Decimal(s);

function standVan(cr: CrRow, oormerken: store.OormerkRow[]): Stand {
  return {
    totaal: d(cr.totaal),
    afspraken: d(cr.afspraken),
    reserve: d(cr.reserve),
    pool: d(cr.pool),
    oormerken: Object.fromEntries(oormerken.map((o) => [o.label, d(o.bedrag)])),
  };
}

function deadlineView(jaar: number, nu: Date) {
  const s = deadlineStand(jaar, nu);
  return {
    jaar,
    uiterlijk: instantNaarLokaal(s.deadline),
    laatsteDag: s.laatsteDag,
    verstreken: s.verstreken,
    dagenOver: s.dagenOver,
    omschrijving: `Budgetformulier ${jaar} vóór 1 november ${jaar - 1} naar de NZa (laatste dag ${s.laatsteDag}).`,
    bron: NZA_DEADLINE_BRON,
  };
}
export type DeadlineView = ReturnType<typeof deadlineView>;

function mutatieView(m: MutatieRow) {
  return {
    id: m.id,
    volgnummer: m.volgnummer,
    soort: m.soort,
    totaal: euros(m.d_totaal),
    afspraken: euros(m.d_afspraken),
    oormerk: euros(m.d_oormerk),
    reserve: euros(m.d_reserve),
    pool: euros(m.d_pool),
    oormerkLabel: m.oormerk_label,
    percentage: m.percentage,
    status: m.status,
    overhevelingId: m.overheveling_id,
    tegenContracteerruimteId: m.tegen_contracteerruimte_id,
    tegenRegio: m.tegen_regio_code,
    tegenZorgkantoor: m.tegen_zorgkantoor_naam,
    afspraakVersieId: m.afspraak_versie_id,
    omschrijving: m.omschrijving,
    bron: m.bron,
    door: m.door_naam,
    op: new Date(m.op).toISOString(),
  };
}

async function crView(q: Queryable, cr: CrRow, nu: Date, metMutaties: boolean) {
  const oormerken = await store.oormerken(q, cr.id);
  const controle = await store.controleSommen(q, cr.id);
  const stand = standVan(cr, oormerken);
  const balans = stand.afspraken.plus(stand.pool).plus(stand.reserve).plus(d(cr.oormerk));
  const mutatiesKloppen =
    d(controle.totaal).equals(stand.totaal) &&
    d(controle.afspraken).equals(stand.afspraken) &&
    d(controle.oormerk).equals(d(cr.oormerk)) &&
    d(controle.reserve).equals(stand.reserve) &&
    d(controle.pool).equals(stand.pool);
  return {
    id: cr.id,
    zorgkantoorId: cr.zorgkantoor_id,
    zorgkantoorNaam: cr.zorgkantoor_naam,
    regioCode: cr.regio_code,
    regioNaam: cr.regio_naam,
    jaar: cr.jaar,
    sector: cr.sector,
    status: cr.status,
    bron: cr.bron,
    voorbeeld: cr.voorbeeld,
    label: cr.voorbeeld ? VOORBEELD_LABEL : null,
    toelichting: cr.toelichting,
    totaal: euros(cr.totaal),
    afspraken: euros(cr.afspraken),
    oormerk: euros(cr.oormerk),
    reserve: euros(cr.reserve),
    pool: euros(cr.pool),
    oormerken: oormerken.map((o) => ({ label: o.label, bedrag: euros(o.bedrag) })),
    benutting: benutting(stand),
    controle: {
      inBalans: balans.equals(stand.totaal),
      mutatiesKloppen,
      afsprakenKloppen: d(controle.afspraken_tabel).equals(stand.afspraken),
      regel: 'afspraken + pool + oormerk + reserve = totaal',
    },
    aangemaakt: { door: cr.aangemaakt_naam, op: new Date(cr.aangemaakt_op).toISOString() },
    definitief: cr.definitief_op ? { door: cr.definitief_naam, op: new Date(cr.definitief_op).toISOString() } : null,
    nzaDeadline: deadlineView(cr.jaar, nu),
    mutaties: metMutaties ? (await store.mutaties(q, cr.id)).map(mutatieView) : undefined,
  };
}
export type CrView = Awaited<ReturnType<typeof crView>>;

/** What a provider sees of a region's ledger: the totals and the share used, nothing per provider. */
function benuttingView(cr: CrRow) {
  return {
    id: cr.id,
    regioCode: cr.regio_code,
    regioNaam: cr.regio_naam,
    zorgkantoorNaam: cr.zorgkantoor_naam,
    jaar: cr.jaar,
    sector: cr.sector,
    status: cr.status,
    voorbeeld: cr.voorbeeld,
    label: cr.voorbeeld ? VOORBEELD_LABEL : null,
    totaal: euros(cr.totaal),
    afspraken: euros(cr.afspraken),
    benutting: benutting({ totaal: d(cr.totaal), afspraken: d(cr.afspraken) }),
  };
}
export type BenuttingView = ReturnType<typeof benuttingView>;

export async function crLijst(
  ctx: AppContext,
  a: Actor,
  f: { jaar: number; sector?: string; regio?: string },
): Promise<{ contracteerruimtes: CrView[]; benutting: BenuttingView[]; nzaDeadline: DeadlineView }> {
  const z = await zicht(ctx.db, a, f.jaar);
  if (z.soort === 'aanbieder') {
    const regios = await store.regiosVanAanbieder(ctx.db, a.organisatieId, f.jaar);
    const rows = await store.crZoeken(ctx.db, { regios, jaar: f.jaar, sector: f.sector, regio: f.regio });
    return { contracteerruimtes: [], benutting: rows.map(benuttingView), nzaDeadline: deadlineView(f.jaar, ctx.now()) };
  }
  const rows = await store.crZoeken(ctx.db, {
    regios: z.soort === 'alle' ? null : z.regios,
    jaar: f.jaar,
    sector: f.sector,
    regio: f.regio,
  });
  const out: CrView[] = [];
  for (const r of rows) out.push(await crView(ctx.db, r, ctx.now(), false));
  return { contracteerruimtes: out, benutting: [], nzaDeadline: deadlineView(f.jaar, ctx.now()) };
}

export async function crDetail(ctx: AppContext, a: Actor, id: string): Promise<CrView | BenuttingView> {
  const cr = await store.crLaden(ctx.db, id);
  if (!cr) throw notFound('Deze contracteerruimte');
  const z = await zicht(ctx.db, a, cr.jaar);
  if (z.soort === 'aanbieder') {
    const regios = await store.regiosVanAanbieder(ctx.db, a.organisatieId, cr.jaar);
    if (!regios.includes(cr.regio_code)) throw notFound('Deze contracteerruimte');
    return benuttingView(cr);
  }
  if (!ziet(z, cr.regio_code)) throw notFound('Deze contracteerruimte');
  return crView(ctx.db, cr, ctx.now(), true);
}

// ---------------------------------------------------------------- ledger decisions

function weigering(e: unknown): never {
  if (e instanceof GrootboekWeigering)
    throw unprocessable('grootboek-weigert', e.fout.wat, { fouten: [e.fout], actie: e.fout.actie });
  throw e;
}

type MutatieExtra = Partial<
  Pick<
    store.NieuweMutatie,
    'percentage' | 'status' | 'overheveling_id' | 'tegen_contracteerruimte_id' | 'afspraak_versie_id' | 'bron'
  >
>;

/** Applies one mutation to a locked ledger: pure rule, then the row and the new balances. */
async function boek(
  q: Queryable,
  a: { gebruikerId: string | null; naam: string },
  cr: CrRow,
  m: Mutatie,
  omschrijving: string,
  extra: MutatieExtra = {},
): Promise<{ id: string; volgnummer: number; deltas: Deltas }> {
  const stand = standVan(cr, await store.oormerken(q, cr.id));
  let deltas: Deltas;
  try {
    deltas = pasToe(stand, m).deltas;
  } catch (e) {
    weigering(e);
  }
  const r = await store.mutatieToevoegen(q, {
    contracteerruimte_id: cr.id,
    soort: m.soort,
    d_totaal: deltas.totaal.toFixed(2),
    d_afspraken: deltas.afspraken.toFixed(2),
    d_oormerk: deltas.oormerk.toFixed(2),
    d_reserve: deltas.reserve.toFixed(2),
    d_pool: deltas.pool.toFixed(2),
    oormerk_label: m.soort === 'oormerk' ? m.label.trim() : null,
    percentage: extra.percentage ?? null,
    status: extra.status ?? null,
    overheveling_id: extra.overheveling_id ?? null,
    tegen_contracteerruimte_id: extra.tegen_contracteerruimte_id ?? null,
    afspraak_versie_id: extra.afspraak_versie_id ?? null,
    omschrijving,
    bron: extra.bron ?? null,
    door: a.gebruikerId,
    doorNaam: a.naam,
  });
  return { ...r, deltas };
}

export interface CrInvoer {
  regio: string;
  jaar: number;
  sector: string;
  totaal: string;
  toelichting?: string;
  bron?: string;
}

/**
 * A new contracteerruimte (voorlopig) for a region of the actor's zorgkantoor. Agreements that
 * already exist for the region, year and sector are booked on the new ledger at once, so it
 * balances from the first line; a total below them is refused.
 */
export async function crAanmaken(
  ctx: AppContext,
  a: Actor,
  inv: CrInvoer,
  opts: { bron?: CrRow['bron']; voorbeeld?: boolean } = {},
): Promise<CrView> {
  return ctx.db.tx((t) => crAanmakenIn(t, ctx, a, inv, opts));
}

export async function crAanmakenIn(
  t: Queryable,
  ctx: AppContext,
  a: Actor,
  inv: CrInvoer,
  opts: { bron?: CrRow['bron']; voorbeeld?: boolean } = {},
): Promise<CrView> {
  const fouten: Fout[] = [];
  if (!(await store.regioBestaat(t, inv.regio)))
    fouten.push({
      waar: 'regio',
      wat: `Regio ${inv.regio} bestaat niet.`,
      actie: 'Kies een zorgkantoorregio (COD001, 5501–5533).',
    });
  if (!(await store.sectorBestaat(t, inv.sector)))
    fouten.push({ waar: 'sector', wat: `Sector ${inv.sector} bestaat niet.`, actie: 'Kies VV, GZ of GGZ.' });
  if (fouten.length)
    throw unprocessable('invoer-onbekend', 'De contracteerruimte kan niet worden aangemaakt.', { fouten });
  const houder = await store.concessiehouder(t, inv.regio, inv.jaar);
  if (houder !== a.organisatieId || !isInkoperOfManager(a))
    throw forbidden(
      `Regio ${inv.regio} valt in ${inv.jaar} niet onder uw zorgkantoor, of uw rol mag geen contracteerruimte invoeren (inkoper of manager).`,
    );
  const bestaand = await store.crVoorSleutel(t, inv.regio, inv.jaar, inv.sector);
  if (bestaand)
    throw conflict(
      'bestaat-al',
      `Er is al een contracteerruimte voor regio ${inv.regio}, ${inv.jaar}, ${inv.sector}.`,
      {
        actie: `Stel het bedrag bij met POST /api/v1/budget/contracteerruimte/${bestaand.id}/vaststelling.`,
      },
    );
  const id = await store.crNieuw(t, {
    zorgkantoorId: a.organisatieId,
    regio: inv.regio,
    jaar: inv.jaar,
    sector: inv.sector,
    bron: opts.bron ?? 'ingevoerd',
    voorbeeld: opts.voorbeeld ?? false,
    toelichting: inv.toelichting ?? null,
    door: a.gebruikerId,
    doorNaam: a.naam,
  });
  let cr = (await store.crLaden(t, id, true))!;
  await boek(
    t,
    { gebruikerId: a.gebruikerId, naam: a.naam },
    cr,
    { soort: 'vaststelling', totaal: inv.totaal },
    'Contracteerruimte voorlopig ingevoerd',
    {
      status: 'voorlopig',
      bron: inv.bron ?? null,
    },
  );
  const oud = await store.afsprakenZonderLedger(t, inv.regio, inv.jaar, inv.sector);
  if (oud.n > 0) {
    cr = (await store.crLaden(t, id))!;
    await boek(
      t,
      { gebruikerId: a.gebruikerId, naam: a.naam },
      cr,
      { soort: 'afspraak', bedrag: oud.som },
      `${oud.n} bestaande productieafspraken geboekt`,
    );
    await store.koppelAanLedger(t, inv.regio, inv.jaar, inv.sector, id);
  }
  cr = (await store.crLaden(t, id))!;
  await appendAudit(t, auditActor(a), {
    actie: 'contracteerruimte.aangemaakt',
    onderwerpType: 'contracteerruimte',
    onderwerpId: id,
    invoer: { ...inv, voorbeeld: opts.voorbeeld ?? false },
    resultaat: { totaal: cr.totaal, afspraken: cr.afspraken, pool: cr.pool, bestaandeAfspraken: oud.n },
    regel: 'grootboek: afspraken + pool + oormerk + reserve = totaal',
  });
  return crView(t, cr, ctx.now(), true);
}

/** Sets the total anew (a new voorlopig figure, or the definitief one: manager only; definitief is final). */
export async function crVaststellen(
  ctx: AppContext,
  a: Actor,
  id: string,
  inv: { totaal: string; status: 'voorlopig' | 'definitief'; toelichting?: string; bron?: string },
): Promise<CrView> {
  return ctx.db.tx((t) => crVaststellenIn(t, ctx, a, id, inv));
}

export async function crVaststellenIn(
  t: Queryable,
  ctx: AppContext,
  a: Actor,
  id: string,
  inv: { totaal: string; status: 'voorlopig' | 'definitief'; toelichting?: string; bron?: string },
): Promise<CrView> {
  const cr = await crVoorSchrijven(t, a, id);
  if (cr.status === 'definitief')
    throw conflict(
      'al-definitief',
      'De contracteerruimte is al definitief; het bedrag verandert alleen nog door overheveling.',
      {
        actie: 'Leg een overheveling vast als de ruimte moet veranderen.',
      },
    );
  if (inv.status === 'definitief' && !isManagerZorgkantoor(a))
    throw forbidden('Alleen een manager van het zorgkantoor kan de contracteerruimte definitief maken.');
  const r = await boek(
    t,
    { gebruikerId: a.gebruikerId, naam: a.naam },
    cr,
    { soort: 'vaststelling', totaal: inv.totaal },
    inv.toelichting ??
      (inv.status === 'definitief' ? 'Definitieve contracteerruimte' : 'Voorlopige contracteerruimte bijgesteld'),
    { status: inv.status, bron: inv.bron ?? null },
  );
  if (inv.status === 'definitief') await store.crDefinitief(t, id, a.gebruikerId, a.naam, ctx.now());
  const na = (await store.crLaden(t, id))!;
  await appendAudit(t, auditActor(a), {
    actie: inv.status === 'definitief' ? 'contracteerruimte.definitief' : 'contracteerruimte.bijgesteld',
    onderwerpType: 'contracteerruimte',
    onderwerpId: id,
    invoer: { ...inv, vorigTotaal: cr.totaal },
    resultaat: { totaal: na.totaal, pool: na.pool, volgnummer: r.volgnummer },
    regel: 'grootboek: vaststelling via de pool',
  });
  return crView(t, na, ctx.now(), true);
}

/** Earmarks (or releases, negative) an amount or a percentage of the total under a label. */
export async function crOormerk(
  ctx: AppContext,
  a: Actor,
  id: string,
  inv: { label: string; bedrag?: string; percentage?: string; toelichting?: string; bron?: string },
): Promise<CrView> {
  if ((inv.bedrag === undefined) === (inv.percentage === undefined))
    throw unprocessable(
      'bedrag-of-percentage',
      'Geef een bedrag of een percentage van de contracteerruimte, niet beide.',
      {
        fouten: [
          { waar: 'bedrag', wat: 'precies één van bedrag en percentage', actie: 'Bijv. {"percentage":"1"} voor 1%.' },
        ],
      },
    );
  return ctx.db.tx(async (t) => {
    const cr = await crVoorSchrijven(t, a, id);
    const bedrag = inv.bedrag ?? oormerkVanPercentage(cr.totaal, inv.percentage!).toFixed(2);
    const r = await boek(
      t,
      { gebruikerId: a.gebruikerId, naam: a.naam },
      cr,
      { soort: 'oormerk', label: inv.label, bedrag },
      inv.toelichting ??
        (inv.percentage ? `Oormerk ${inv.label}: ${inv.percentage}% van ${euros(cr.totaal)}` : `Oormerk ${inv.label}`),
      { percentage: inv.percentage ?? null, bron: inv.bron ?? null },
    );
    await appendAudit(t, auditActor(a), {
      actie: 'contracteerruimte.oormerk',
      onderwerpType: 'contracteerruimte',
      onderwerpId: id,
      invoer: inv,
      resultaat: { bedrag, volgnummer: r.volgnummer },
      regel: inv.percentage ? 'oormerk = totaal × percentage / 100, centen half-up' : 'oormerk uit de pool',
    });
    return crView(t, (await store.crLaden(t, id))!, ctx.now(), true);
  });
}

/** Holds back (positive) or releases (negative) reserve. */
export async function crReserve(
  ctx: AppContext,
  a: Actor,
  id: string,
  inv: { bedrag: string; toelichting?: string },
): Promise<CrView> {
  return ctx.db.tx(async (t) => {
    const cr = await crVoorSchrijven(t, a, id);
    const r = await boek(
      t,
      { gebruikerId: a.gebruikerId, naam: a.naam },
      cr,
      { soort: 'reserve', bedrag: inv.bedrag },
      inv.toelichting ?? (d(inv.bedrag).isNegative() ? 'Reserve vrijgegeven' : 'Reserve achtergehouden'),
    );
    await appendAudit(t, auditActor(a), {
      actie: 'contracteerruimte.reserve',
      onderwerpType: 'contracteerruimte',
      onderwerpId: id,
      invoer: inv,
      resultaat: { volgnummer: r.volgnummer },
      regel: 'reserve uit de pool',
    });
    return crView(t, (await store.crLaden(t, id))!, ctx.now(), true);
  });
}

/**
 * Overheveling: moves money from this contracteerruimte's pool to another region's (same year and
 * sector), possibly of another zorgkantoor: "ruimte voor overheveling van contracteerruimte
 * tussen zorgkantoren" (Kader zorginkoop 2008, §3.7). Recorded on both sides with one id.
 * Product choice: the giving zorgkantoor records it; the receiving side sees it in its ledger.
 */
export async function crOverheveling(
  ctx: AppContext,
  a: Actor,
  id: string,
  inv: { naarRegio: string; bedrag: string; toelichting?: string; bron?: string },
): Promise<CrView> {
  return ctx.db.tx(async (t) => {
    const van = await crVoorSchrijven(t, a, id);
    const doelKop = await store.crVoorSleutel(t, inv.naarRegio, van.jaar, van.sector);
    if (!doelKop || doelKop.id === van.id)
      throw unprocessable(
        'doel-onbekend',
        `Er is geen (andere) contracteerruimte voor regio ${inv.naarRegio}, ${van.jaar}, ${van.sector}.`,
        {
          fouten: [
            {
              waar: 'naarRegio',
              wat: 'geen contracteerruimte in deze regio voor dit jaar en deze sector',
              actie: 'Laat het ontvangende zorgkantoor de contracteerruimte eerst invoeren.',
            },
          ],
        },
      );
    // lock both ledgers in a fixed order so two opposite transfers cannot deadlock
    const [eerst, tweede] = [van.id, doelKop.id].sort();
    await store.crLaden(t, eerst, true);
    await store.crLaden(t, tweede, true);
    const bron = (await store.crLaden(t, van.id))!;
    const doel = (await store.crLaden(t, doelKop.id))!;
    const ovId = crypto.randomUUID();
    const omschr = inv.toelichting ?? 'Overheveling';
    const actor = { gebruikerId: a.gebruikerId, naam: a.naam };
    const uit = await boek(
      t,
      actor,
      bron,
      { soort: 'overheveling-uit', bedrag: inv.bedrag },
      `${omschr} naar regio ${doel.regio_code} (${doel.zorgkantoor_naam})`,
      {
        overheveling_id: ovId,
        tegen_contracteerruimte_id: doel.id,
        bron: inv.bron ?? null,
      },
    );
    const inn = await boek(
      t,
      actor,
      doel,
      { soort: 'overheveling-in', bedrag: inv.bedrag },
      `${omschr} uit regio ${bron.regio_code} (${bron.zorgkantoor_naam})`,
      {
        overheveling_id: ovId,
        tegen_contracteerruimte_id: bron.id,
        bron: inv.bron ?? null,
      },
    );
    await appendAudit(t, auditActor(a), {
      actie: 'contracteerruimte.overheveling',
      onderwerpType: 'contracteerruimte',
      onderwerpId: van.id,
      invoer: { ...inv, van: van.id, naar: doel.id, overhevelingId: ovId },
      resultaat: { uit: uit.volgnummer, in: inn.volgnummer },
      regel: 'overheveling: pool van de gever → pool van de ontvanger, op beide grootboeken',
    });
    return crView(t, (await store.crLaden(t, van.id))!, ctx.now(), true);
  });
}

// ---------------------------------------------------------------- productieafspraken

function afspraakView(r: AfspraakRow) {
  return {
    id: r.id,
    jaar: r.jaar,
    regioCode: r.regio_code,
    regioNaam: r.regio_naam,
    aanbiederId: r.organisatie_id,
    aanbiederNaam: r.aanbieder_naam,
    sector: r.sector,
    prestatie: r.prestatie_code,
    prestatieOmschrijving: r.prestatie_omschrijving,
    leveringsvorm: r.leveringsvorm,
    zorgprofiel: r.zorgprofiel_code,
    functie: r.functie_code,
    klasse: r.klasse_code,
    eenheid: r.eenheid,
    prijs: euros(r.prijs),
    volume: d(r.volume).toFixed(2),
    bedrag: euros(r.bedrag),
    status: r.status,
    soort: r.soort,
    prijsBron: r.prijs_bron,
    overeenkomstId: r.overeenkomst_id,
    versie: r.huidige_versie,
    contracteerruimteId: r.contracteerruimte_id,
  };
}
export type AfspraakView = ReturnType<typeof afspraakView>;

function versieView(v: VersieRow) {
  return {
    versie: v.versie,
    status: v.status,
    soort: v.soort,
    prijs: euros(v.prijs),
    prijsBron: v.prijs_bron,
    prijsToelichting: v.prijs_toelichting,
    overeenkomstId: v.overeenkomst_id ?? null,
    volume: d(v.volume).toFixed(2),
    bedrag: euros(v.bedrag),
    reden: v.reden,
    toelichting: v.toelichting,
    scenarioId: v.scenario_id,
    door: v.door_naam,
    op: new Date(v.op).toISOString(),
  };
}

function totalenVan(rows: AfspraakRow[]) {
  let bedrag = new Decimal(0);
  const perLv = new Map<string, Decimal>();
  const perAanbieder = new Map<string, { naam: string; bedrag: Decimal }>();
  for (const r of rows) {
    bedrag = bedrag.plus(r.bedrag);
    const lv = r.leveringsvorm ?? 'overig';
    perLv.set(lv, (perLv.get(lv) ?? new Decimal(0)).plus(r.bedrag));
    const a = perAanbieder.get(r.organisatie_id) ?? { naam: r.aanbieder_naam, bedrag: new Decimal(0) };
    a.bedrag = a.bedrag.plus(r.bedrag);
    perAanbieder.set(r.organisatie_id, a);
  }
  return {
    regels: rows.length,
    bedrag: euros(bedrag),
    perLeveringsvorm: [...perLv].sort().map(([leveringsvorm, b]) => ({ leveringsvorm, bedrag: euros(b) })),
    perAanbieder: [...perAanbieder].map(([id, x]) => ({ aanbiederId: id, naam: x.naam, bedrag: euros(x.bedrag) })),
  };
}

export async function afsprakenLijst(
  ctx: AppContext,
  a: Actor,
  f: { jaar: number; regio?: string; aanbieder?: string; sector?: string; leveringsvorm?: string },
) {
  const z = await zicht(ctx.db, a, f.jaar);
  if (z.soort === 'aanbieder' && f.aanbieder && f.aanbieder !== a.organisatieId) throw notFound('Deze zorgaanbieder');
  const rows = await store.afsprakenZoeken(ctx.db, {
    regios: z.soort === 'regios' ? z.regios : null,
    aanbieder: z.soort === 'aanbieder' ? z.id : (f.aanbieder ?? null),
    jaar: f.jaar,
    regio: f.regio,
    sector: f.sector,
    leveringsvorm: f.leveringsvorm,
  });
  return {
    jaar: f.jaar,
    nzaDeadline: deadlineView(f.jaar, ctx.now()),
    afspraken: rows.map(afspraakView),
    totalen: totalenVan(rows),
  };
}

async function afspraakZichtbaar(q: Queryable, a: Actor, id: string, voorUpdate = false): Promise<AfspraakRow> {
  const r = await store.afspraakLaden(q, id, voorUpdate);
  if (!r) throw notFound('Deze productieafspraak');
  const z = await zicht(q, a, r.jaar);
  if (z.soort === 'aanbieder' ? r.organisatie_id !== z.id : !ziet(z, r.regio_code))
    throw notFound('Deze productieafspraak');
  return r;
}

export async function afspraakDetail(ctx: AppContext, a: Actor, id: string) {
  const r = await afspraakZichtbaar(ctx.db, a, id);
  const vs = await store.versies(ctx.db, id);
  return { ...afspraakView(r), nzaDeadline: deadlineView(r.jaar, ctx.now()), versies: vs.map(versieView) };
}

/**
 * The award price of a provider × prestatie × year: the contract (overeenkomst) the provider holds
 * with the zorgkantoor for the year, priced by inkoop (basistarief + the opslag granted so far).
 * null when the provider has no such contract or the contract has no price for the prestatie.
 */
export async function gunningsPrijs(
  q: Queryable,
  inv: { aanbieder: string; zorgkantoor: string; jaar: number; prestatie: string },
): Promise<{ prijs: Decimal; toelichting: string; overeenkomstId: string } | null> {
  const id = await overeenkomstVoorAanbieder(q, inv.aanbieder, inv.zorgkantoor, inv.jaar);
  if (!id) return null;
  const g = await gegundePrijzen(q, id);
  const p = g?.prijzen.find((x) => x.prestatieCode === inv.prestatie);
  if (!g || !p) return null;
  return {
    prijs: d(p.prijs),
    overeenkomstId: id,
    toelichting:
      `Gunning: basistarief ${p.basistarief} (${p.basistariefPct}% van het NZa-maximum ${p.nzaMax}) + opslag ${p.opslagPct}% ` +
      `(toegekend ${g.opslagToegekend}% van ${g.opslagAfgesproken}%, moment ${p.moment}) = ${p.prijs}; overeenkomst ${id}` +
      `${p.voorbeeld ? ' (voorbeeldcijfers, geen NZa-tarief)' : ''}`,
  };
}

/**
 * The price of an agreement line: from the award (the provider's contract), the tariff policy, the
 * NZa maximum, or entered. 'tariefbeleid' takes the award price when the provider has a contract with
 * a price for the prestatie in that year, else the tariff policy; 'gunning' requires the award price.
 */
export async function prijsBepalen(
  q: Queryable,
  inv: {
    prijsBron: PrijsBron;
    prijs?: string;
    aanbieder: string;
    zorgkantoor: string;
    jaar: number;
    prestatie: string;
  },
  nzaCache?: Map<number, Awaited<ReturnType<typeof lijstNzaTarieven>>>,
): Promise<{ prijs: Decimal; toelichting: string; overeenkomstId?: string } | Fout> {
  if (inv.prijsBron === 'gunning' || inv.prijsBron === 'tariefbeleid') {
    const g = await gunningsPrijs(q, inv);
    if (g) return g;
    if (inv.prijsBron === 'gunning')
      return {
        waar: 'prestatie',
        wat: `Aanbieder ${inv.aanbieder} heeft voor ${inv.jaar} geen overeenkomst uit een gunning met een prijs voor ${inv.prestatie}.`,
        actie: 'Kies prijsbron tariefbeleid, nza-maximum of ingevoerd, of rond eerst de gunning af.',
      };
  }
  if (inv.prijsBron === 'ingevoerd') {
    if (inv.prijs === undefined)
      return {
        waar: 'prijs',
        wat: 'Bij prijsbron "ingevoerd" hoort een prijs.',
        actie: 'Vul de prijs in, bijv. 123.45.',
      };
    return { prijs: d(inv.prijs), toelichting: 'Prijs ingevoerd' };
  }
  if (inv.prijsBron === 'nza-maximum') {
    let lijst = nzaCache?.get(inv.jaar);
    if (!lijst) {
      lijst = await lijstNzaTarieven(q, inv.jaar);
      nzaCache?.set(inv.jaar, lijst);
    }
    const t = lijst.tarieven.find((x) => x.prestatie === inv.prestatie);
    if (!t)
      return {
        waar: 'prestatie',
        wat: `Prestatie ${inv.prestatie} heeft geen NZa-maximumtarief voor ${inv.jaar}.`,
        actie: 'Importeer de NZa-tarieven van dat jaar of geef de prijs zelf (prijsBron "ingevoerd").',
      };
    const som = d(t.tarief)
      .plus(t.nhc ?? 0)
      .plus(t.nic ?? 0);
    return {
      prijs: som,
      toelichting: `NZa-maximumtarief ${inv.jaar} incl. NHC/NIC${t.voorbeeld ? ' (voorbeeldcijfers, geen NZa-tarief)' : ''}`,
    };
  }
  if (inv.prijsBron === 'tariefbeleid') {
    const rows = await tarievenVanAanbieder(q, inv.aanbieder, inv.jaar, inv.zorgkantoor);
    const t = rows.find((x) => x.prestatie === inv.prestatie);
    if (!t)
      return {
        waar: 'prestatie',
        wat: `Er is geen berekend tarief voor ${inv.prestatie} van deze aanbieder in ${inv.jaar}.`,
        actie: 'Bereken eerst de tarieven onder Tarieven (tariefbeleid), of geef de prijs zelf.',
      };
    if (t.tarief === null)
      return {
        waar: 'prestatie',
        wat: `Het tariefbeleid bepaalt geen tarief voor ${inv.prestatie}: ${t.redenen.join('; ') || 'onbepaald'}.`,
        actie: 'Leg het ontbrekende kenmerk van het aanbiedersprofiel vast, of geef de prijs zelf.',
      };
    const som = d(t.tarief)
      .plus(t.nhc ?? 0)
      .plus(t.nic ?? 0);
    return {
      prijs: som,
      toelichting: `Tariefbeleid ${inv.jaar} (${t.percentage}% van het NZa-maximum${t.nzaVoorbeeld ? ', voorbeeldcijfers' : ''}) incl. NHC/NIC; beleidsversie ${t.beleidVersie}`,
    };
  }
  return {
    waar: 'prijsBron',
    wat: `Prijsbron ${inv.prijsBron} kan niet worden ingevoerd.`,
    actie: 'Kies gunning, tariefbeleid, nza-maximum of ingevoerd.',
  };
}

export interface AfspraakInvoer {
  aanbiederId: string;
  regio: string;
  jaar: number;
  prestatie: string;
  volume: string;
  prijsBron: 'gunning' | 'tariefbeleid' | 'nza-maximum' | 'ingevoerd';
  prijs?: string;
  /** take the award price instead when the provider has one for this prestatie × year (promotion of a scenario) */
  gunningVoorrang?: boolean;
  soort?: AfspraakSoort;
  toelichting?: string;
}

interface SchrijfContext {
  actor: Actor;
  nu: Date;
  reden: VersieRow['reden'];
  scenarioId?: string | null;
  nzaCache?: Map<number, Awaited<ReturnType<typeof lijstNzaTarieven>>>;
}

/**
 * Creates or changes one agreement inside the caller's transaction: a new version, the ledger
 * mutation for the change of amount, the projection. Returns the view or a list of fouten
 * (nothing written) — the spreadsheet import collects them per row.
 */
export async function afspraakSchrijven(
  t: Queryable,
  sc: SchrijfContext,
  inv: AfspraakInvoer,
  waarPrefix = '',
): Promise<{ afspraak: AfspraakRow; versie: number; nieuw: boolean; vorigBedrag: string | null } | { fouten: Fout[] }> {
  const a = sc.actor;
  const fouten: Fout[] = [];
  const w = (x: string) => (waarPrefix ? `${waarPrefix}${x}` : x);
  const [p] = await store.prestaties(t, [inv.prestatie]);
  if (!p)
    fouten.push({
      waar: w('prestatie'),
      wat: `Prestatie ${inv.prestatie} bestaat niet.`,
      actie: 'Kies een code uit de prestatiecatalogus.',
    });
  if (!(await store.isAanbieder(t, inv.aanbiederId)))
    fouten.push({
      waar: w('aanbiederId'),
      wat: `Zorgaanbieder ${inv.aanbiederId} bestaat niet.`,
      actie: 'Controleer de aanbieder-id.',
    });
  if (fouten.length) return { fouten };
  const sector = p!.sector ?? '';
  const cr = await store.crVoorSleutel(t, inv.regio, inv.jaar, sector, true);
  if (!cr)
    return {
      fouten: [
        {
          waar: w('regio'),
          wat: `Er is geen contracteerruimte voor regio ${inv.regio}, ${inv.jaar}, sector ${sector}.`,
          actie: 'Voer eerst de contracteerruimte in; een afspraak past altijd binnen een contracteerruimte.',
        },
      ],
    };
  if (cr.zorgkantoor_id !== a.organisatieId || !isInkoperOfManager(a))
    throw forbidden(
      'Alleen een inkoper of manager van het zorgkantoor van deze regio kan productieafspraken vastleggen.',
    );
  const gunning = inv.gunningVoorrang
    ? await gunningsPrijs(t, {
        aanbieder: inv.aanbiederId,
        zorgkantoor: cr.zorgkantoor_id,
        jaar: inv.jaar,
        prestatie: inv.prestatie,
      })
    : null;
  const prijs =
    gunning ??
    (await prijsBepalen(
      t,
      {
        prijsBron: inv.prijsBron,
        prijs: inv.prijs,
        aanbieder: inv.aanbiederId,
        zorgkantoor: cr.zorgkantoor_id,
        jaar: inv.jaar,
        prestatie: inv.prestatie,
      },
      sc.nzaCache,
    ));
  if ('wat' in prijs) return { fouten: [{ ...prijs, waar: w(prijs.waar ?? 'prijs') }] };
  const prijsCent = prijs.prijs.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const bedrag = bedragVan(prijsCent, inv.volume);
  const bestaand = await store.afspraakVoorSleutel(t, {
    jaar: inv.jaar,
    regio: inv.regio,
    aanbieder: inv.aanbiederId,
    prestatie: inv.prestatie,
  });
  const delta = bedrag.minus(bestaand ? bestaand.bedrag : 0);
  const waarden: store.AfspraakWaarden = {
    prijs: prijsCent.toFixed(2),
    volume: d(inv.volume).toFixed(2),
    bedrag: bedrag.toFixed(2),
    status: 'concept',
    soort: inv.soort ?? bestaand?.soort ?? 'tweezijdig',
    prijsBron:
      'overeenkomstId' in prijs && prijs.overeenkomstId
        ? 'gunning'
        : sc.reden === 'scenario'
          ? 'scenario'
          : inv.prijsBron,
    overeenkomstId: 'overeenkomstId' in prijs && prijs.overeenkomstId ? prijs.overeenkomstId : null,
  };
  // a historical agreement not yet on this ledger comes onto it with its full new amount
  const geboekt = !!bestaand && bestaand.contracteerruimte_id === cr.id;
  const ledgerDelta = geboekt ? delta : bedrag;
  try {
    pasToe(standVan(cr, await store.oormerken(t, cr.id)), { soort: 'afspraak', bedrag: ledgerDelta.toFixed(2) });
  } catch (e) {
    if (e instanceof GrootboekWeigering) return { fouten: [{ ...e.fout, waar: w('volume') }] };
    throw e;
  }
  let id: string;
  let versie: number;
  if (!bestaand) {
    id = await store.afspraakNieuw(
      t,
      { jaar: inv.jaar, regio: inv.regio, aanbieder: inv.aanbiederId, sector, prestatie: inv.prestatie, crId: cr.id },
      waarden,
    );
    versie = 1;
  } else {
    id = bestaand.id;
    await snapshotHistorisch(t, bestaand);
    versie = bestaand.huidige_versie + 1;
  }
  const versieId = await store.versieToevoegen(t, {
    afspraak_id: id,
    versie,
    status: waarden.status,
    soort: waarden.soort,
    prijs: waarden.prijs,
    prijs_bron: waarden.prijsBron,
    prijs_toelichting: prijs.toelichting,
    overeenkomst_id: waarden.overeenkomstId,
    volume: waarden.volume,
    bedrag: waarden.bedrag,
    reden: bestaand ? (sc.reden === 'nieuw' ? 'wijziging' : sc.reden) : sc.reden === 'wijziging' ? 'nieuw' : sc.reden,
    toelichting: inv.toelichting ?? null,
    scenario_id: sc.scenarioId ?? null,
    door: a.gebruikerId,
    doorNaam: a.naam,
    op: sc.nu,
  });
  if (!ledgerDelta.isZero())
    await boek(
      t,
      { gebruikerId: a.gebruikerId, naam: a.naam },
      (await store.crLaden(t, cr.id))!,
      { soort: 'afspraak', bedrag: ledgerDelta.toFixed(2) },
      `Productieafspraak ${inv.aanbiederId} ${inv.prestatie} versie ${versie}`,
      { afspraak_versie_id: versieId },
    );
  await store.afspraakBijwerken(t, id, waarden, versie, cr.id);
  return {
    afspraak: (await store.afspraakLaden(t, id))!,
    versie,
    nieuw: !bestaand,
    vorigBedrag: bestaand?.bedrag ?? null,
  };
}

/** Version 0 of a historical agreement (loaded before versions existed) is kept before it changes. */
async function snapshotHistorisch(t: Queryable, r: AfspraakRow) {
  if (r.huidige_versie !== 0 || (await store.heeftVersie(t, r.id, 0))) return;
  await store.versieToevoegen(t, {
    afspraak_id: r.id,
    versie: 0,
    status: r.status,
    soort: r.soort,
    prijs: r.prijs,
    prijs_bron: r.prijs_bron,
    prijs_toelichting: null,
    volume: r.volume,
    bedrag: r.bedrag,
    reden: 'historisch',
    toelichting: 'Stand vóór het versiebeheer (contracthistorie)',
    scenario_id: null,
    door: null,
    doorNaam: 'systeem',
    op: new Date(0),
  });
}

function ongeldig(fouten: Fout[]): never {
  throw unprocessable('afspraak-ongeldig', 'De productieafspraak kan niet worden vastgelegd.', { fouten });
}

export async function afspraakVastleggen(ctx: AppContext, a: Actor, inv: AfspraakInvoer, alleenNieuw: boolean) {
  return ctx.db.tx(async (t) => {
    if (alleenNieuw) {
      const bestaand = await store.afspraakVoorSleutel(t, {
        jaar: inv.jaar,
        regio: inv.regio,
        aanbieder: inv.aanbiederId,
        prestatie: inv.prestatie,
      });
      if (bestaand)
        throw conflict(
          'bestaat-al',
          `Er is al een productieafspraak voor ${inv.aanbiederId}, ${inv.prestatie}, regio ${inv.regio}, ${inv.jaar}.`,
          {
            actie: `Wijzig die met PUT /api/v1/budget/productieafspraken/${bestaand.id}.`,
          },
        );
    }
    const r = await afspraakSchrijven(t, { actor: a, nu: ctx.now(), reden: 'nieuw' }, inv);
    if ('fouten' in r) ongeldig(r.fouten);
    await appendAudit(t, auditActor(a), {
      actie: r.nieuw ? 'productieafspraak.aangemaakt' : 'productieafspraak.gewijzigd',
      onderwerpType: 'productieafspraak',
      onderwerpId: r.afspraak.id,
      invoer: inv,
      resultaat: { versie: r.versie, prijs: r.afspraak.prijs, bedrag: r.afspraak.bedrag, vorigBedrag: r.vorigBedrag },
      regel: 'bedrag = prijs × volume, centen half-up; past binnen de contracteerruimte',
    });
    return afspraakDetailIn(t, ctx, r.afspraak.id);
  });
}

async function afspraakDetailIn(q: Queryable, ctx: AppContext, id: string) {
  const r = (await store.afspraakLaden(q, id))!;
  return {
    ...afspraakView(r),
    nzaDeadline: deadlineView(r.jaar, ctx.now()),
    versies: (await store.versies(q, id)).map(versieView),
  };
}
export type AfspraakDetail = Awaited<ReturnType<typeof afspraakDetailIn>>;

export async function afspraakWijzigen(
  ctx: AppContext,
  a: Actor,
  id: string,
  inv: {
    volume?: string;
    prijsBron?: AfspraakInvoer['prijsBron'];
    prijs?: string;
    soort?: AfspraakSoort;
    toelichting?: string;
  },
) {
  const huidig = await afspraakZichtbaar(ctx.db, a, id);
  if (isAanbieder(a) || isToezicht(a)) throw forbidden();
  const prijsBron = inv.prijsBron ?? (inv.prijs !== undefined ? 'ingevoerd' : huidigeBron(huidig));
  return afspraakVastleggen(
    ctx,
    a,
    {
      aanbiederId: huidig.organisatie_id,
      regio: huidig.regio_code,
      jaar: huidig.jaar,
      prestatie: huidig.prestatie_code,
      volume: inv.volume ?? huidig.volume,
      prijsBron,
      prijs: inv.prijs ?? (prijsBron === 'ingevoerd' ? huidig.prijs : undefined),
      soort: inv.soort,
      toelichting: inv.toelichting,
    },
    false,
  );
}

/** Re-using the current price when only the volume changes: keep its source where it can be recomputed. */
function huidigeBron(r: AfspraakRow): AfspraakInvoer['prijsBron'] {
  return r.prijs_bron === 'gunning' || r.prijs_bron === 'tariefbeleid' || r.prijs_bron === 'nza-maximum'
    ? r.prijs_bron
    : 'ingevoerd';
}

/** concept → ingediend (bij de NZa) → vastgesteld; ingediend → concept (withdrawn). A new version each step. */
export async function afspraakStatus(
  ctx: AppContext,
  a: Actor,
  id: string,
  inv: { status: AfspraakStatus; toelichting?: string },
) {
  return ctx.db.tx(async (t) => {
    const r = await afspraakZichtbaar(t, a, id, true);
    if (!isInkoperOfManager(a) || !r.contracteerruimte_id)
      throw forbidden('Alleen een inkoper of manager van het zorgkantoor van deze regio kan de status wijzigen.');
    const cr = await store.crLaden(t, r.contracteerruimte_id);
    if (cr?.zorgkantoor_id !== a.organisatieId) throw forbidden();
    if (!magNaarStatus(r.status, inv.status))
      throw conflict('status-overgang', `Een afspraak met status ${r.status} kan niet naar ${inv.status}.`, {
        actie:
          'Volgorde: concept → ingediend → vastgesteld. Een vastgestelde afspraak wijzigen kan met een nieuwe versie (PUT).',
      });
    await snapshotHistorisch(t, r);
    const versie = r.huidige_versie + 1;
    await store.versieToevoegen(t, {
      afspraak_id: id,
      versie,
      status: inv.status,
      soort: r.soort,
      prijs: r.prijs,
      prijs_bron: r.prijs_bron,
      prijs_toelichting: null,
      volume: r.volume,
      bedrag: r.bedrag,
      reden: 'status',
      toelichting: inv.toelichting ?? null,
      scenario_id: null,
      door: a.gebruikerId,
      doorNaam: a.naam,
      op: ctx.now(),
    });
    await store.afspraakBijwerken(
      t,
      id,
      {
        prijs: r.prijs,
        volume: r.volume,
        bedrag: r.bedrag,
        status: inv.status,
        soort: r.soort,
        prijsBron: r.prijs_bron,
      },
      versie,
      null,
    );
    const dl = deadlineStand(r.jaar, ctx.now());
    await appendAudit(t, auditActor(a), {
      actie: `productieafspraak.${inv.status}`,
      onderwerpType: 'productieafspraak',
      onderwerpId: id,
      invoer: { ...inv, van: r.status },
      resultaat: { versie, naDeadline: inv.status === 'ingediend' ? dl.verstreken : undefined },
      regel: 'status: concept → ingediend → vastgesteld',
    });
    return afspraakDetailIn(t, ctx, id);
  });
}

export { deadlineView, AppError };
export type { Db };

// ---------------------------------------------------------------- importing contracteerruimtes

const CR_KOLOMMEN = ['regio', 'jaar', 'sector', 'totaal', 'status', 'bron', 'toelichting'];

/**
 * Contracteerruimtes from a CSV (e.g. the figures the NZa announces per region): `regio;jaar;
 * sector;totaal[;status][;bron][;toelichting]` (format: docs/formaten/contracteerruimte.md). A new
 * key is created (bron "import"), an existing one gets the figure as a new vaststelling; status
 * definitief needs a manager. All or nothing, errors per row and field.
 */
export async function crImporteren(ctx: AppContext, a: Actor, bestand: { bestandsnaam: string; inhoud: string }) {
  const regels = bestand.inhoud
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\n|\r/)
    .map((t, i) => ({ regel: i + 1, t }))
    .filter((x) => x.t.trim() && !x.t.startsWith('#'));
  if (!regels.length) throw unprocessable('geen-regels', `${bestand.bestandsnaam} is leeg.`);
  const kop = regels[0].t.split(';').map((k) => k.trim().toLowerCase());
  const fouten: Fout[] = [];
  for (const k of kop)
    if (!CR_KOLOMMEN.includes(k))
      fouten.push({
        waar: `kolom ${k}`,
        wat: `onbekende kolom "${k}"`,
        actie: `Toegestaan: ${CR_KOLOMMEN.join(', ')}.`,
      });
  for (const k of ['regio', 'jaar', 'sector', 'totaal'])
    if (!kop.includes(k)) fouten.push({ waar: `kolom ${k}`, wat: `verplichte kolom "${k}" ontbreekt` });
  if (fouten.length)
    throw unprocessable('kolommen-onjuist', `${bestand.bestandsnaam}: de kolommen kloppen niet.`, { fouten });
  const rijen = regels.slice(1).map((x) => {
    const c = x.t.split(';');
    const v = Object.fromEntries(kop.map((k, i) => [k, (c[i] ?? '').trim()]));
    const waar = (k: string) => `regel ${x.regel}, ${k}`;
    if (!/^55\d\d$/.test(v.regio))
      fouten.push({ waar: waar('regio'), wat: `"${v.regio}" is geen zorgkantoorregio`, actie: 'Bijv. 5527.' });
    if (!/^\d{4}$/.test(v.jaar)) fouten.push({ waar: waar('jaar'), wat: `"${v.jaar}" is geen jaartal` });
    if (!v.sector) fouten.push({ waar: waar('sector'), wat: 'leeg', actie: 'VV, GZ of GGZ.' });
    const totaal = v.totaal.replace(',', '.');
    if (!/^\d{1,14}(\.\d{1,2})?$/.test(totaal))
      fouten.push({
        waar: waar('totaal'),
        wat: `"${v.totaal}" is geen bedrag`,
        actie: 'Schrijf bijv. 12500000,00, zonder duizendtalscheiding of €-teken.',
      });
    const status = v.status || 'voorlopig';
    if (status !== 'voorlopig' && status !== 'definitief')
      fouten.push({ waar: waar('status'), wat: `onbekende status "${v.status}"`, actie: 'voorlopig of definitief.' });
    return {
      regel: x.regel,
      regio: v.regio,
      jaar: Number(v.jaar),
      sector: v.sector,
      totaal,
      status,
      bron: v.bron || undefined,
      toelichting: v.toelichting || undefined,
    };
  });
  if (fouten.length)
    throw unprocessable(
      'import-ongeldig',
      `${bestand.bestandsnaam}: ${fouten.length} fout(en); er is niets opgeslagen.`,
      { fouten },
    );
  return ctx.db.tx(async (t) => {
    const uit: { regel: number; id: string; nieuw: boolean }[] = [];
    for (const r of rijen) {
      try {
        const bestaand = await store.crVoorSleutel(t, r.regio, r.jaar, r.sector);
        let id = bestaand?.id;
        if (!bestaand) id = (await crAanmakenIn(t, ctx, a, { ...r }, { bron: 'import' })).id;
        if (bestaand || r.status === 'definitief')
          await crVaststellenIn(t, ctx, a, id!, {
            totaal: r.totaal,
            status: r.status as 'voorlopig' | 'definitief',
            bron: r.bron,
            toelichting: r.toelichting,
          });
        uit.push({ regel: r.regel, id: id!, nieuw: !bestaand });
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        const waar = `regel ${r.regel}`;
        if (e.fouten.length) fouten.push(...e.fouten.map((f) => ({ ...f, waar: `${waar}, ${f.waar ?? 'totaal'}` })));
        else fouten.push({ waar, wat: e.message, actie: e.actie });
      }
    }
    if (fouten.length)
      throw unprocessable(
        'import-ongeldig',
        `${bestand.bestandsnaam}: ${fouten.length} fout(en); er is niets opgeslagen.`,
        { fouten },
      );
    await appendAudit(t, auditActor(a), {
      actie: 'contracteerruimte.geimporteerd',
      onderwerpType: 'contracteerruimte-import',
      onderwerpId: createHash('sha256').update(bestand.inhoud).digest('hex'),
      invoer: { bestandsnaam: bestand.bestandsnaam, regels: rijen.length },
      resultaat: uit,
    });
    return {
      bestandsnaam: bestand.bestandsnaam,
      regels: uit.length,
      nieuw: uit.filter((x) => x.nieuw).length,
      contracteerruimtes: uit.map((x) => x.id),
    };
  });
}

/**
 * For the demo's example ledgers: per region of a zorgkantoor and sector, the latest realisation
 * year's agreements and realisation (a definitief ledger) and the next year (voorlopig).
 */
export async function voorbeeldBasis(q: Queryable, zorgkantoor: string) {
  return store.voorbeeldBasis(q, zorgkantoor, await realisatieLaatsteJaar(q));
}

// ---------------------------------------------------------------- herschikking (used by realisatie)

/** The ledger and the agreement total per provider of one region × year × sector (herschikking input). */
export interface HerschikBasis {
  contracteerruimteId: string;
  zorgkantoorId: string;
  voorbeeld: boolean;
  totaal: string;
  pool: string;
  aanbieders: { id: string; naam: string; bedrag: string }[];
}

export async function herschikBasis(
  q: Queryable,
  regio: string,
  jaar: number,
  sector: string,
): Promise<HerschikBasis | undefined> {
  const cr = await store.crVoorSleutel(q, regio, jaar, sector);
  if (!cr) return undefined;
  const rows = await store.afsprakenZoeken(q, { regios: null, aanbieder: null, jaar, regio, sector });
  const per = new Map<string, { id: string; naam: string; bedrag: Decimal }>();
  for (const r of rows) {
    const x = per.get(r.organisatie_id) ?? { id: r.organisatie_id, naam: r.aanbieder_naam, bedrag: new Decimal(0) };
    x.bedrag = x.bedrag.plus(r.bedrag);
    per.set(r.organisatie_id, x);
  }
  return {
    contracteerruimteId: cr.id,
    zorgkantoorId: cr.zorgkantoor_id,
    voorbeeld: cr.voorbeeld,
    totaal: euros(cr.totaal),
    pool: euros(cr.pool),
    aanbieders: [...per.values()]
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((x) => ({ id: x.id, naam: x.naam, bedrag: x.bedrag.toFixed(2) })),
  };
}

export interface HerschikAfsprakenInvoer {
  regio: string;
  jaar: number;
  sector: string;
  /** the new agreement total per provider (only the providers that change) */
  regels: { aanbiederId: string; bedrag: string }[];
  toelichting: string;
  /**
   * providers whose award price changed with this decision (an opslag granted at the herschikking):
   * their lines priced by the award ('gunning') take the contract's price as it is now
   */
  herprijs?: string[];
}

export interface HerschikAfsprakenUitkomst {
  aanbieders: {
    aanbiederId: string;
    voor: string;
    gevraagd: string;
    na: string;
    versies: {
      afspraakId: string;
      prestatie: string;
      versie: number;
      voor: string;
      na: string;
      prijsVoor: string;
      prijsNa: string;
    }[];
  }[];
  pool: { voor: string; na: string };
}

/**
 * Applies a decided herschikking inside the caller's transaction: per provider its new total is spread
 * over its agreement lines of the region × year × sector pro rata to their current amounts (cents by
 * largest remainder); each line keeps its price, so volume = share / price (2 decimals: rounded up
 * for a decrease, down for an increase, and an increase never takes more than the pool holds) and
 * amount = price × volume. Every changed line gets a new version (reden 'herschikking', the line keeps
 * its status) and a ledger mutation against the pool, decreases first, so
 * afspraken + pool + oormerk + reserve = totaal holds after every step. Because amount = price ×
 * volume, a provider's total can differ from the asked total by less than one volume step (0.01 ×
 * price) per line; that difference stays in the pool and is reported (`na` against `gevraagd`).
 */
export async function herschikAfspraken(
  t: Queryable,
  a: Actor,
  nu: Date,
  inv: HerschikAfsprakenInvoer,
): Promise<HerschikAfsprakenUitkomst> {
  const cr0 = await store.crVoorSleutel(t, inv.regio, inv.jaar, inv.sector, true);
  if (!cr0) throw notFound(`De contracteerruimte van regio ${inv.regio}, ${inv.jaar}, ${inv.sector}`);
  if (cr0.zorgkantoor_id !== a.organisatieId || !isInkoperOfManager(a))
    throw forbidden(
      'Alleen een inkoper of manager van het zorgkantoor van deze regio kan productieafspraken wijzigen.',
    );
  const poolVoor = euros(cr0.pool);
  const plannen: {
    aanbiederId: string;
    voor: Decimal;
    gevraagd: Decimal;
    lijnen: { r: AfspraakRow; doel: Decimal }[];
  }[] = [];
  for (const regel of inv.regels) {
    const rows = (
      await store.afsprakenZoeken(t, {
        regios: null,
        aanbieder: regel.aanbiederId,
        jaar: inv.jaar,
        regio: inv.regio,
        sector: inv.sector,
      })
    ).filter((r) => d(r.prijs).gt(0));
    const gevraagd = d(regel.bedrag);
    const voor = rows.reduce((s, r) => s.plus(r.bedrag), new Decimal(0));
    if (rows.some((r) => r.contracteerruimte_id !== cr0.id))
      throw unprocessable('afspraak-buiten-grootboek', 'Niet alle afspraken staan in het grootboek.', {
        fouten: [
          {
            waar: regel.aanbiederId,
            wat: 'Een afspraak van deze aanbieder is niet op deze contracteerruimte geboekt.',
          },
        ],
      });
    if (!rows.length && !gevraagd.isZero())
      throw unprocessable('geen-afspraakregel', `${regel.aanbiederId} heeft geen afspraakregel om te wijzigen.`, {
        fouten: [
          {
            waar: regel.aanbiederId,
            wat: `Er is geen productieafspraak met een prijs in regio ${inv.regio}, ${inv.jaar}, ${inv.sector}.`,
            actie: 'Leg eerst een productieafspraak vast (Budget → Productieafspraken).',
          },
        ],
      });
    const cent = (x: Decimal | string) => BigInt(d(x).times(100).toFixed(0));
    const gewichten = rows.map((r) => ({ key: r.id, gewicht: voor.isZero() ? 1n : cent(r.bedrag) }));
    const delen = rows.length ? verdeelNaarRato(cent(gevraagd), gewichten) : new Map<string, bigint>();
    plannen.push({
      aanbiederId: regel.aanbiederId,
      voor,
      gevraagd,
      lijnen: rows.map((r) => ({ r, doel: new Decimal(String(delen.get(r.id) ?? 0n)).div(100) })),
    });
  }
  // decreases first: the pool never goes negative on the way
  plannen.sort((x, y) => x.gevraagd.minus(x.voor).comparedTo(y.gevraagd.minus(y.voor)));
  const uit: HerschikAfsprakenUitkomst['aanbieders'] = [];
  for (const p of plannen) {
    const versies: HerschikAfsprakenUitkomst['aanbieders'][number]['versies'] = [];
    let na = new Decimal(0);
    for (const { r, doel } of p.lijnen) {
      // an opslag granted with this decision: a line priced by the award reads the contract's price now
      // (the amount stays the decided one; the volume follows from the new price)
      let prijs = d(r.prijs);
      let prijsToelichting: string | null = null;
      if (inv.herprijs?.includes(p.aanbiederId) && r.prijs_bron === 'gunning') {
        const g = await gunningsPrijs(t, {
          aanbieder: p.aanbiederId,
          zorgkantoor: cr0.zorgkantoor_id,
          jaar: inv.jaar,
          prestatie: r.prestatie_code,
        });
        if (g && !g.prijs.eq(prijs)) {
          prijs = g.prijs;
          prijsToelichting = g.toelichting;
        }
      }
      // a decrease rounds the volume up (never below the asked amount, so never below realised), an
      // increase rounds down and takes at most what the pool holds at that moment
      const omhoog = doel.gt(r.bedrag);
      let volume = doel.div(prijs).toDecimalPlaces(2, omhoog ? Decimal.ROUND_DOWN : Decimal.ROUND_UP);
      // (with a new price even an unchanged amount can round above the old one: the pool is checked then too)
      if (omhoog || bedragVan(prijs, volume).gt(r.bedrag)) {
        const pool = d((await store.crLaden(t, cr0.id))!.pool);
        if (bedragVan(prijs, volume).minus(r.bedrag).gt(pool))
          volume = pool.plus(r.bedrag).div(prijs).toDecimalPlaces(2, Decimal.ROUND_DOWN);
        while (volume.gt(0) && bedragVan(prijs, volume).minus(r.bedrag).gt(pool)) volume = volume.minus('0.01');
      }
      const bedrag = bedragVan(prijs, volume);
      na = na.plus(bedrag);
      const delta = bedrag.minus(r.bedrag);
      if (delta.isZero() && prijsToelichting === null) continue;
      await snapshotHistorisch(t, r);
      const versie = r.huidige_versie + 1;
      const waarden: store.AfspraakWaarden = {
        prijs: prijs.toFixed(2),
        volume: volume.toFixed(2),
        bedrag: bedrag.toFixed(2),
        status: r.status,
        soort: r.soort,
        prijsBron: r.prijs_bron,
      };
      const versieId = await store.versieToevoegen(t, {
        afspraak_id: r.id,
        versie,
        status: waarden.status,
        soort: waarden.soort,
        prijs: waarden.prijs,
        prijs_bron: waarden.prijsBron,
        prijs_toelichting: prijsToelichting,
        volume: waarden.volume,
        bedrag: waarden.bedrag,
        reden: 'herschikking',
        toelichting: inv.toelichting,
        scenario_id: null,
        door: a.gebruikerId,
        doorNaam: a.naam,
        op: nu,
      });
      await boek(
        t,
        { gebruikerId: a.gebruikerId, naam: a.naam },
        (await store.crLaden(t, cr0.id))!,
        { soort: 'afspraak', bedrag: delta.toFixed(2) },
        `Herschikking: productieafspraak ${r.organisatie_id} ${r.prestatie_code} versie ${versie}`,
        { afspraak_versie_id: versieId },
      );
      await store.afspraakBijwerken(t, r.id, waarden, versie, cr0.id);
      versies.push({
        afspraakId: r.id,
        prestatie: r.prestatie_code,
        versie,
        voor: euros(r.bedrag),
        na: euros(bedrag),
        prijsVoor: euros(r.prijs),
        prijsNa: prijs.toFixed(2),
      });
    }
    uit.push({
      aanbiederId: p.aanbiederId,
      voor: p.voor.toFixed(2),
      gevraagd: p.gevraagd.toFixed(2),
      na: na.toFixed(2),
      versies,
    });
  }
  const cr1 = (await store.crLaden(t, cr0.id))!;
  uit.sort((x, y) => (x.aanbiederId < y.aanbiederId ? -1 : 1));
  return { aanbieders: uit, pool: { voor: poolVoor, na: euros(cr1.pool) } };
}

/** The contracteerruimte of a region in a year per sector (for the published depletion view). */
export async function crVanRegio(
  q: Queryable,
  regio: string,
  jaar: number,
): Promise<{ sector: string; totaal: string; afspraken: string; status: string; voorbeeld: boolean }[]> {
  const rows = await store.crZoeken(q, { regios: null, jaar, regio });
  return rows.map((r) => ({
    sector: r.sector,
    totaal: euros(r.totaal),
    afspraken: euros(r.afspraken),
    status: r.status,
    voorbeeld: r.voorbeeld,
  }));
}

/** One provider's stored agreement for the nacalculatie (realisatie reads it through index.ts). */
export interface NacalculatieAfspraak {
  id: string;
  naam: string;
  /** Σ amount of the agreement lines (for model P: the PxQ budget) */
  bedrag: string;
  regels: { prestatie: string; prijs: string; volume: string; bedrag: string }[];
  /** the awarded contract the lines were priced from (prijs_bron 'gunning'), else null */
  overeenkomstId: string | null;
  /** the bekostigingsmodel of the latest promoted scenario that allocated to this provider, else null (not stored) */
  model: 'Q' | 'P' | 'toekenning' | null;
  /** the cap that scenario put on this provider (explicit or from the purchasing rules), else null (not stored) */
  plafond: string | null;
  /**
   * which of the scenario's rules gave that cap: 'scenario' (entered in the scenario),
   * 'groeiplafond-behandeling' or 'intramurale-dagen' (src/domain/budget/plafondregels.ts), with its
   * explanation; null without a cap
   */
  plafondRegel: { regel: 'scenario' | AfgeleidPlafond['regel']; uitleg: string } | null;
  scenario: { id: string; naam: string } | null;
  /** the opslag (%) granted so far in the contract's prices (inkoop's opslag toekenning), else null */
  opslag: string | null;
}

/**
 * The rule behind a promoted scenario's cap on a provider: the derived rule whose amount is the cap
 * (the tightest; an explicit lower cap wins and is then 'scenario'), recomputed from the scenario's
 * stored basis and parameters exactly as the scenario did (src/domain/budget/plafondregels.ts).
 */
function plafondRegelVan(
  s: { naam: string; basis: unknown; parameters: unknown },
  id: string,
  plafond: string,
): NonNullable<NacalculatieAfspraak['plafondRegel']> {
  const p = s.parameters as {
    plafonds?: Record<string, string | null>;
    plafondRegels?: Parameters<typeof plafondsUitRegels>[1];
  } | null;
  const a = (s.basis as { aanbieders?: { id: string; mix: PlafondMixRegel[] }[] } | null)?.aanbieders?.find(
    (x) => x.id === id,
  );
  const expliciet = p?.plafonds?.[id] ?? null;
  if (p?.plafondRegels && a) {
    const afg = plafondsUitRegels([{ id, mix: a.mix, plafond: expliciet }], p.plafondRegels).get(id);
    const regel = afg?.regels.find((r) => d(r.plafond).equals(plafond));
    if (afg && regel) return { regel: regel.regel, uitleg: `${regel.uitleg} (scenario "${s.naam}")` };
  }
  return { regel: 'scenario', uitleg: `Plafond ingevoerd in het gepromoveerde scenario "${s.naam}".` };
}

/**
 * The stored agreements of a region × year × sector for the nacalculatie: per provider its lines
 * (price, volume, amount), the contract they were priced from, and — when its agreement was made from
 * a promoted scenario — that scenario's model and cap. A productieafspraak itself stores no model and
 * no ceiling; the promoted scenario is where the budget capability keeps them.
 */
export async function nacalculatieAfspraken(
  q: Queryable,
  regio: string,
  jaar: number,
  sector: string,
): Promise<NacalculatieAfspraak[]> {
  const rows = await store.afsprakenZoeken(q, { regios: null, aanbieder: null, jaar, regio, sector });
  const scenarios = (await store.scenariosZoeken(q, { regios: null, jaar, regio, sector }))
    .filter((s) => s.status === 'gepromoveerd' && s.gepromoveerd_op)
    .sort((a, b) => new Date(b.gepromoveerd_op!).getTime() - new Date(a.gepromoveerd_op!).getTime());
  const per = new Map<string, NacalculatieAfspraak>();
  for (const r of rows) {
    const x = per.get(r.organisatie_id) ?? {
      id: r.organisatie_id,
      naam: r.aanbieder_naam,
      bedrag: '0.00',
      regels: [],
      overeenkomstId: null,
      model: null,
      plafond: null,
      plafondRegel: null,
      scenario: null,
      opslag: null,
    };
    x.bedrag = d(x.bedrag).plus(r.bedrag).toFixed(2);
    x.regels.push({ prestatie: r.prestatie_code, prijs: r.prijs, volume: r.volume, bedrag: r.bedrag });
    x.overeenkomstId ??= r.overeenkomst_id;
    per.set(r.organisatie_id, x);
  }
  for (const x of per.values()) {
    const s = scenarios.find((s) =>
      ((s.invoer as { aanbieders?: { id: string }[] } | null)?.aanbieders ?? []).some((a) => a.id === x.id),
    );
    if (!s) continue;
    const a = (s.invoer as { aanbieders: { id: string; plafond?: string }[] }).aanbieders.find((a) => a.id === x.id)!;
    x.model = s.model;
    x.plafond = a.plafond ? d(a.plafond).toFixed(2) : null;
    x.scenario = { id: s.id, naam: s.naam };
    if (x.plafond) x.plafondRegel = plafondRegelVan(s, x.id, x.plafond);
  }
  for (const x of per.values())
    if (x.overeenkomstId) {
      const g = await gegundePrijzen(q, x.overeenkomstId);
      if (g && d(g.opslagToegekend).greaterThan(0)) x.opslag = g.opslagToegekend;
    }
  return [...per.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
