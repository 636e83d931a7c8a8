/**
 * Herschikkingsrondes: the system proposes, the purchaser adjusts, a manager who did not prepare it
 * decides (four eyes). Proposal = the herschikking rule (src/domain/realisatie/herschikking.ts) on
 * the budget ledger's pool, the agreements (budget's index.ts), realised to date and the forecast
 * (the monitor, for the round's sector). A decision writes new agreement versions and ledger
 * mutations through budget's index.ts in the same transaction, notifies each changed provider and
 * is audited with its inputs, the rule and who decided.
 *
 * Who sees what: a zorgkantoor its own regions (inkoper/manager write, controller reads); the NZa
 * everything (read); a provider only the rounds it has a line in, and then only its own line (no
 * pool, no other providers). Anything else is 404.
 */
import { isUuid } from '../platform/validatie.ts';
import type { AppContext } from '../platform/context.ts';
import type { Queryable } from '../platform/db/index.ts';
import type { Actor } from '../platform/auth/roles.ts';
import { vereisManagerZorgkantoor, vereisVierOgenBesluit } from './toegang.ts';
import { isAanbieder, isToezicht, isZorgkantoor } from '../platform/auth/roles.ts';
import { appendAudit, auditActor } from '../platform/audit.ts';
import { AppError, conflict, forbidden, notFound, unprocessable, type Fout } from '../platform/errors.ts';
import { herschik, alsJson, OnmogelijkeInvoer, type HerschikScenario } from '../domain/realisatie/herschikking.ts';
import { formatCenten, parseCenten } from '../domain/realisatie/centen.ts';
import { afspraakPrijzen, herschikAfspraken, herschikBasis, nacalculatieAfspraken } from '../budget/index.ts';
import { kenOpslagToeBijHerschikking, toetsOpslagBijHerschikking } from '../inkoop/index.ts';
import { highsSolver, laadHighs } from '../platform/highs.ts';
import { geldendBeleid } from '../tarieven/index.ts';
import { PRESTATIES } from '../reference/index.ts';
import { inkoopsignalen, type Inkoopsignaal } from '../clientstroom/index.ts';
import * as store from './store.ts';
import type { RondeRegelRow, RondeRow } from './store.ts';
import { monitor } from './service.ts';

export const HERSCHIK_REGEL =
  'herschikking: behoefte = max(0, prognose − afspraak); ruimte = max(0, afspraak − max(prognose, gerealiseerd)); pool eerst, dan ruimte naar rato; behoefte op prioriteit en naar rato; niemand onder de realisatie; totaal gelijk (docs/formaten/herschikking.md); met maxima per aanbieder opgelost met HiGHS (nooit boven het maximum)';

const c = (s: string) => parseCenten(s)!;
const schrijft = (a: Actor) => isZorgkantoor(a) && a.rollen.some((r) => r === 'inkoper' || r === 'manager');

async function heeftConcessie(q: Queryable, a: Actor, regio: string, jaar: number) {
  return store.heeftConcessie(q, a.organisatieId, regio, jaar);
}

/** The round as the actor may see it, or 404. */
async function zichtbareRonde(q: Queryable, a: Actor, id: string, voorUpdate = false): Promise<RondeRow> {
  const r = isUuid(id) ? await store.rondeLaden(q, id, voorUpdate) : undefined;
  if (!r) throw notFound('Deze herschikkingsronde');
  if (isToezicht(a)) return r;
  if (isZorgkantoor(a) && r.zorgkantoor_id === a.organisatieId) return r;
  if (isAanbieder(a) && (await store.rondeRegels(q, r.id, a.organisatieId)).length) return r;
  throw notFound('Deze herschikkingsronde');
}

function regelView(g: RondeRegelRow, prio?: Record<string, PrioriteitUitleg>) {
  return {
    prioriteitUitleg: prio?.[g.organisatie_id]?.redenen ?? [],
    aanbieder: g.organisatie_id,
    naam: g.naam,
    afspraak: g.afspraak,
    gerealiseerd: g.gerealiseerd,
    prognose: g.prognose,
    prioriteit: g.prioriteit,
    voorgesteld: g.voorgesteld,
    na: g.na,
    verschil: formatCenten(c(g.na) - c(g.afspraak)),
    toegepast: g.toegepast,
    toelichting: g.toelichting,
    maximum: g.maximum,
    maximumBron: g.maximum_bron,
    maximumUitleg: g.maximum_uitleg,
    maximumBindt: g.maximum_bindt,
    opslag:
      g.opslag === null ? null : { percentage: g.opslag, motivatie: g.opslag_motivatie, toegekend: g.opslag_toegekend },
  };
}

async function rondeView(q: Queryable, a: Actor, r: RondeRow) {
  const eigen = isAanbieder(a);
  const regels = await store.rondeRegels(q, r.id, eigen ? a.organisatieId : null);
  const prio = (r.voorstel as { prioriteiten?: Record<string, PrioriteitUitleg> }).prioriteiten;
  const basis = {
    id: r.id,
    regio: r.regio_code,
    jaar: r.jaar,
    sector: r.sector,
    volgnummer: r.volgnummer,
    peilmaand: r.peilmaand,
    status: r.status,
    regels: regels.map((g) => regelView(g, prio)),
    aangemaakt: { door: r.aangemaakt_naam, op: new Date(r.aangemaakt_op).toISOString() },
    aangepast: r.aangepast_op ? { door: r.aangepast_naam ?? '', op: new Date(r.aangepast_op).toISOString() } : null,
    besluit: r.besloten_op
      ? {
          door: r.besloten_naam ?? '',
          op: new Date(r.besloten_op).toISOString(),
          toelichting: r.besluit_toelichting,
        }
      : null,
  };
  if (eigen) return { ...basis, pool: null, toelichting: null, uitleg: [], regel: HERSCHIK_REGEL };
  const voorstel = r.voorstel as { uitleg?: string[] };
  return {
    ...basis,
    pool: { voor: r.pool_voor, na: r.pool_na },
    toelichting: r.toelichting,
    uitleg: voorstel.uitleg ?? [],
    regel: HERSCHIK_REGEL,
  };
}
export type RondeView = Awaited<ReturnType<typeof rondeView>>;

/**
 * The zorgkantoor's policy on extramural care in a herschikking: its tariff policy of the round's
 * year (or the latest earlier year) holds a randvoorwaarde "…-extramuraal-voorrang" (Menzis: "Bij een
 * regionaal budgettair tekort prevaleren de afspraken voor extramurale zorg."; DSW: "Bij de
 * toekenning van budget voorrang aan de uitbreiding van extramurale zorgverlening t.o.v.
 * traditionele vormen."). null when the policy says nothing about it.
 */
async function extramuraalVoorrang(
  q: Queryable,
  zorgkantoorId: string,
  jaar: number,
  sector: string,
): Promise<{ citaat: string; document: string; beleid: string } | null> {
  for (let j = jaar; j >= jaar - 10; j--) {
    const g = (await geldendBeleid(q, j, sector)).find((x) => x.c.beleid.zorgkantoorId === zorgkantoorId);
    if (!g) continue;
    const r = (g.c.beleid.randvoorwaarden ?? []).find((x) => x.id.endsWith('extramuraal-voorrang'));
    return r ? { citaat: r.bron.citaat, document: r.bron.document, beleid: g.c.beleid.titel } : null;
  }
  return null;
}

const EXTRAMURAAL = new Set(PRESTATIES.filter((p) => p.leveringsvorm !== 'verblijf').map((p) => p.code));

export interface PrioriteitUitleg {
  prioriteit: number;
  bron: 'beleid-en-signalen' | 'inkoper';
  redenen: string[];
}

/**
 * Priority per provider from the zorgkantoor's policy and the purchasing signals (Keuze van het
 * product: the sources give the direction, not how the two combine): +2 for a provider with an
 * extramural agreement in the region when the policy gives extramural care precedence, +1 for a
 * provider with clients waiting for it (cliëntstroom: waiting list and preference). A priority the
 * purchaser gives wins and is marked as such.
 */
async function prioriteitenVoorstel(
  signaal: Inkoopsignaal,
  q: Queryable,
  a: Actor,
  inv: { regio: string; jaar: number; sector: string; prioriteiten?: Record<string, number> },
  aanbieders: string[],
): Promise<Map<string, PrioriteitUitleg>> {
  const beleid = await extramuraalVoorrang(q, a.organisatieId, inv.jaar, inv.sector);
  const extramuraal = new Set(
    (await afspraakPrijzen(q, inv.jaar))
      .filter((r) => r.regio_code === inv.regio && EXTRAMURAAL.has(r.prestatie_code) && Number(r.prijs) > 0)
      .map((r) => r.organisatie_id),
  );
  const signalen = new Map(signaal.aanbieders.map((x) => [x.organisatieId, x]));
  const uit = new Map<string, PrioriteitUitleg>();
  for (const id of aanbieders) {
    const redenen: string[] = [];
    let p = 0;
    if (beleid && extramuraal.has(id)) {
      p += 2;
      redenen.push(
        `Extramurale afspraak; het beleid (${beleid.beleid}) zegt: "${beleid.citaat}" (${beleid.document}).`,
      );
    } else if (beleid) redenen.push('Geen extramurale afspraak in deze regio: geen voorrang uit het beleid.');
    const s = signalen.get(id);
    if (s && s.wachtend > 0) {
      p += 1;
      redenen.push(
        `Wachtlijst: ${s.wachtend} wachtende cliënt(en), voorkeur ${s.voorkeur}, capaciteit ${s.capaciteit}${s.populariteit ? `, populariteit ${s.populariteit}` : ''}.`,
      );
    }
    const eigen = inv.prioriteiten?.[id];
    if (eigen !== undefined) {
      redenen.push(`Prioriteit ${eigen} gekozen door de inkoper (berekend: ${p}).`);
      uit.set(id, { prioriteit: eigen, bron: 'inkoper', redenen });
    } else {
      if (!redenen.length) redenen.push('Geen voorrang uit beleid of wachtlijst.');
      uit.set(id, { prioriteit: p, bron: 'beleid-en-signalen', redenen });
    }
  }
  return uit;
}

export interface RondeInvoer {
  regio: string;
  jaar: number;
  sector: string;
  /** months 1..peilmaand count as realised (default: the last month with data) */
  peilmaand?: number;
  /** priority per provider id (higher first; default 0), e.g. extramural first by policy */
  prioriteiten?: Record<string, number>;
  /**
   * the highest agreement after the round per provider id, typed by the purchaser. Without one the
   * round proposes the stored maximum (voorgesteldeMaxima); a typed maximum above a stored one is
   * refused. With any maximum the proposal is solved with HiGHS.
   */
  maxima?: Record<string, string>;
  toelichting?: string;
}

export interface RondeMaximum {
  maximum: string;
  bron: 'budgetplafond' | 'capaciteit' | 'inkoper';
  uitleg: string;
}

/**
 * The maximum per provider of a round. Stored first: the cap the latest promoted budget scenario put
 * on the provider (budget's nacalculatieAfspraken, the same ceiling the nacalculatie reads), as
 * 'capaciteit' when that cap came from the scenario's maximum of intramural days (days × day price),
 * else 'budgetplafond'. Nothing else in the data model gives a capacity in euros (the locations'
 * places carry no tariff or days), so nothing else is proposed. A maximum the purchaser types wins
 * when it is at most the stored one ('inkoper'); above it the round is refused (seed 001 §3.2:
 * nothing is declarable above the budget ceiling, so an agreement above it would promise money that
 * cannot be paid — the product's reading). Without a stored one, only a typed maximum counts.
 */
export async function voorgesteldeMaxima(
  q: Queryable,
  inv: Pick<RondeInvoer, 'regio' | 'jaar' | 'sector' | 'maxima'>,
  aanbieders: { id: string }[],
): Promise<Map<string, RondeMaximum>> {
  const opgeslagen = new Map<string, RondeMaximum>();
  for (const x of await nacalculatieAfspraken(q, inv.regio, inv.jaar, inv.sector))
    if (x.plafond !== null && x.scenario)
      opgeslagen.set(x.id, {
        maximum: x.plafond,
        bron: x.plafondRegel?.regel === 'intramurale-dagen' ? 'capaciteit' : 'budgetplafond',
        uitleg: x.plafondRegel?.uitleg ?? `Plafond uit het gepromoveerde scenario "${x.scenario.naam}".`,
      });
  const uit = new Map<string, RondeMaximum>();
  const fouten: Fout[] = [];
  for (const { id } of aanbieders) {
    const s = opgeslagen.get(id);
    const getypt = inv.maxima?.[id];
    if (getypt === undefined) {
      if (s) uit.set(id, s);
      continue;
    }
    const m = formatCenten(c(getypt));
    if (s && c(m) > c(s.maximum)) {
      fouten.push({
        waar: `maxima.${id}`,
        wat: `${m} ligt boven het ${s.bron === 'capaciteit' ? 'capaciteitsplafond' : 'budgetplafond'} van ${id}: ${s.maximum} (bron: ${s.bron}; ${s.uitleg})`,
        actie: `Kies ten hoogste ${s.maximum}, of laat het maximum weg: dan geldt het opgeslagen plafond. Een hoger plafond wordt in het budget vastgelegd (nieuw scenario promoveren).`,
      });
      continue;
    }
    uit.set(id, {
      maximum: m,
      bron: 'inkoper',
      uitleg: s
        ? `Ingevoerd door de inkoper, onder het opgeslagen ${s.bron} ${s.maximum} (${s.uitleg})`
        : 'Ingevoerd door de inkoper (geen opgeslagen plafond of capaciteit).',
    });
  }
  if (fouten.length)
    throw unprocessable('maximum-boven-plafond', 'Een maximum ligt boven het opgeslagen plafond van de aanbieder.', {
      fouten,
    });
  return uit;
}

/** Creates a round with the system's proposal. Inkoper or manager of the region's zorgkantoor. */
export async function rondeVoorstellen(ctx: AppContext, a: Actor, inv: RondeInvoer): Promise<RondeView> {
  if (!schrijft(a))
    throw forbidden('Alleen een inkoper of manager van het zorgkantoor kan een herschikkingsronde voorstellen.');
  // waiting list and preference per provider (cliëntstroom), read before the transaction (own reads)
  // (the signals follow today's concessions: a region no longer the zorgkantoor's gives no signals)
  const signaal: Inkoopsignaal = await inkoopsignalen(ctx, a, { regio: inv.regio, sector: inv.sector }).catch(
    (e: unknown) => {
      if (e instanceof AppError && e.status === 404)
        return { regioCode: inv.regio, sector: inv.sector, aanbieders: [], pgbBijGecontracteerde: [] };
      throw e;
    },
  );
  // HiGHS is loaded (once per process) before the transaction when typed maxima make it an optimisation;
  // stored maxima are only known inside it, and load it there
  let solver = Object.keys(inv.maxima ?? {}).length ? highsSolver(await laadHighs()) : undefined;
  return ctx.db.tx(async (t) => {
    if (!(await heeftConcessie(t, a, inv.regio, inv.jaar))) throw notFound(`Regio ${inv.regio} in ${inv.jaar}`);
    const basis = await herschikBasis(t, inv.regio, inv.jaar, inv.sector);
    if (!basis)
      throw unprocessable(
        'geen-contracteerruimte',
        `Er is geen contracteerruimte voor ${inv.regio}, ${inv.jaar}, ${inv.sector}.`,
        {
          fouten: [{ waar: 'sector', wat: 'geen grootboek voor deze regio, dit jaar en deze sector' }],
          actie: 'Voer eerst de contracteerruimte in (Budget → Contracteerruimte).',
        },
      );
    const max = await store.rondesPerJaar(t, a.organisatieId, inv.jaar);
    const tel = await store.rondesTellen(t, inv.regio, inv.jaar, inv.sector);
    if (tel.open > 0)
      throw conflict(
        'ronde-open',
        'Er staat al een herschikkingsronde open voor deze regio, dit jaar en deze sector.',
        {
          actie: 'Besluit eerst over die ronde (goedkeuren of afwijzen).',
        },
      );
    if (tel.n >= max)
      throw conflict(
        'rondes-op',
        `Er zijn al ${tel.n} herschikkingsrondes in ${inv.jaar}; het zorgkantoor houdt er ${max} per jaar.`,
        {
          actie:
            'Verhoog het aantal rondes per jaar (PUT /api/v1/realisatie/herschikkingsrondes/instelling) als dat beleid is.',
        },
      );
    for (const id of Object.keys(inv.prioriteiten ?? {}))
      if (!basis.aanbieders.some((x) => x.id === id))
        throw unprocessable('prioriteit-onbekend', `Aanbieder ${id} heeft geen afspraak in deze regio en sector.`, {
          fouten: [{ waar: `prioriteiten.${id}`, wat: 'geen afspraak in deze ronde' }],
        });
    for (const id of Object.keys(inv.maxima ?? {}))
      if (!basis.aanbieders.some((x) => x.id === id))
        throw unprocessable('maximum-onbekend', `Aanbieder ${id} heeft geen afspraak in deze regio en sector.`, {
          fouten: [{ waar: `maxima.${id}`, wat: 'geen afspraak in deze ronde' }],
        });
    const maxima = await voorgesteldeMaxima(t, inv, basis.aanbieders);
    const maximum = (id: string) => (maxima.has(id) ? c(maxima.get(id)!.maximum) : null);
    if (maxima.size && !solver) solver = highsSolver(await laadHighs());
    const m = await monitor(
      ctx,
      null,
      { jaar: inv.jaar, regio: inv.regio, totMaand: inv.peilmaand, sector: inv.sector },
      t,
    );
    const prio = await prioriteitenVoorstel(
      signaal,
      t,
      a,
      inv,
      basis.aanbieders.map((x) => x.id),
    );
    const regels = basis.aanbieders.map((x) => {
      const s = m.aanbieders.find((y) => y.aanbieder === x.id);
      const gerealiseerd = s?.gerealiseerd ?? '0.00';
      // without any realisation there is no forecast: the agreement stands (product's choice)
      const prognose = s ? s.prognose : x.bedrag;
      return { ...x, gerealiseerd, prognose, prioriteit: prio.get(x.id)!.prioriteit };
    });
    // a provider already beyond its agreement: the rule's floor is the agreement (the round can raise
    // it, never lower it); its real realisation stays on its line (product's choice, docs/realisatie.md)
    const scenario: HerschikScenario = {
      jaar: inv.jaar,
      regio: inv.regio,
      pool: c(basis.pool),
      aanbieders: regels.map((g) => ({
        id: g.id,
        afspraak: c(g.bedrag),
        gerealiseerdTotNu: c(g.gerealiseerd) < c(g.bedrag) ? c(g.gerealiseerd) : c(g.bedrag),
        prognoseJaar: c(g.prognose),
        prioriteit: g.prioriteit,
        maximum: maximum(g.id),
      })),
    };
    let uitkomst, berekend;
    try {
      berekend = herschik(scenario, solver);
      uitkomst = alsJson(berekend);
    } catch (e) {
      if (e instanceof OnmogelijkeInvoer)
        throw unprocessable('herschikking-onmogelijk', 'Met deze cijfers is geen herschikking voor te stellen.', {
          fouten: e.fouten,
        });
      throw e;
    }
    const invoer = {
      jaar: inv.jaar,
      regio: inv.regio,
      sector: inv.sector,
      peilmaand: m.totMaand,
      contracteerruimteId: basis.contracteerruimteId,
      pool: basis.pool,
      aanbieders: regels.map((g) => ({
        id: g.id,
        afspraak: g.bedrag,
        gerealiseerdTotNu: g.gerealiseerd,
        prognoseJaar: g.prognose,
        prioriteit: g.prioriteit,
        maximum: maxima.get(g.id)?.maximum ?? null,
        maximumBron: maxima.get(g.id)?.bron ?? null,
        maximumUitleg: maxima.get(g.id)?.uitleg ?? null,
      })),
      highs: berekend.highs,
    };
    const nu = ctx.now();
    const id = await store.rondeNieuw(
      t,
      {
        zorgkantoorId: a.organisatieId,
        regio: inv.regio,
        jaar: inv.jaar,
        sector: inv.sector,
        volgnummer: (await store.laatsteVolgnummer(t, inv.regio, inv.jaar, inv.sector)) + 1,
        peilmaand: m.totMaand,
        poolVoor: uitkomst.pool.voor,
        poolNa: uitkomst.pool.na,
        invoer,
        voorstel: { ...uitkomst, prioriteiten: Object.fromEntries(prio) },
        toelichting: inv.toelichting ?? null,
        door: a.gebruikerId,
        doorNaam: a.naam,
        op: nu,
      },
      regels.map((g) => {
        const na = uitkomst.afspraken.find((x) => x.aanbieder === g.id)!.na;
        return {
          organisatie_id: g.id,
          afspraak: g.bedrag,
          gerealiseerd: g.gerealiseerd,
          prognose: g.prognose,
          prioriteit: g.prioriteit,
          voorgesteld: na,
          na,
          toelichting: null,
          maximum: maxima.get(g.id)?.maximum ?? null,
          maximum_bron: maxima.get(g.id)?.bron ?? null,
          maximum_uitleg: maxima.get(g.id)?.uitleg ?? null,
          maximum_bindt: berekend.regels.find((x) => x.aanbieder === g.id)!.maximumBindt,
        };
      }),
    );
    await appendAudit(t, auditActor(a), {
      actie: 'herschikkingsronde.voorgesteld',
      onderwerpType: 'herschikkingsronde',
      onderwerpId: id,
      invoer,
      resultaat: uitkomst,
      regel: HERSCHIK_REGEL,
    });
    return rondeView(t, a, (await store.rondeLaden(t, id))!);
  });
}

export interface AanpassingInvoer {
  regels: {
    aanbieder: string;
    na: string;
    toelichting?: string;
    /**
     * the tariff opslag (percent) to grant at this herschikking; null removes a proposed one; absent
     * leaves it as it is. Checked with inkoop's rules (≤ 3 %, score table, motivation when deviating).
     */
    opslag?: string | null;
    opslagMotivatie?: string;
  }[];
  /** the pool after the round; Σ na + pool must equal Σ afspraak + pool before */
  pool: string;
}

/** The purchaser adjusts amounts per provider: total unchanged, nobody below realised. */
export async function rondeAanpassen(ctx: AppContext, a: Actor, id: string, inv: AanpassingInvoer): Promise<RondeView> {
  return ctx.db.tx(async (t) => {
    const r = await zichtbareRonde(t, a, id, true);
    if (!schrijft(a) || r.zorgkantoor_id !== a.organisatieId)
      throw forbidden('Alleen een inkoper of manager van het zorgkantoor kan de ronde aanpassen.');
    if (r.status !== 'voorgesteld')
      throw conflict('ronde-besloten', `Over deze ronde is al besloten (${r.status}); aanpassen kan niet meer.`);
    const regels = await store.rondeRegels(t, r.id);
    const fouten: Fout[] = [];
    const nieuw = new Map(regels.map((g) => [g.organisatie_id, c(g.na)]));
    const gezien = new Set<string>();
    inv.regels.forEach((x, i) => {
      const g = regels.find((y) => y.organisatie_id === x.aanbieder);
      const w = `regels[${i}]`;
      if (!g) return void fouten.push({ waar: `${w}.aanbieder`, wat: `${x.aanbieder} staat niet in deze ronde` });
      if (gezien.has(x.aanbieder)) return void fouten.push({ waar: `${w}.aanbieder`, wat: 'komt twee keer voor' });
      gezien.add(x.aanbieder);
      const na = c(x.na);
      const vloer = c(g.afspraak) < c(g.gerealiseerd) ? c(g.afspraak) : c(g.gerealiseerd);
      if (na < vloer)
        fouten.push({
          waar: `${w}.na`,
          wat: `${x.na} ligt onder wat ${x.aanbieder} al gerealiseerd heeft (${formatCenten(vloer)})`,
          actie: 'Een herschikking brengt niemand onder zijn realisatie; kies minstens dat bedrag.',
        });
      nieuw.set(x.aanbieder, na);
    });
    // the opslag per provider, with inkoop's rules (its door), each refusal named on its line
    const opslagen = new Map<string, { percentage: string; motivatie: string | null } | null>();
    for (const [i, x] of inv.regels.entries()) {
      if (x.opslag === undefined || !regels.some((y) => y.organisatie_id === x.aanbieder)) continue;
      if (x.opslag === null || x.opslag.trim() === '') {
        opslagen.set(x.aanbieder, null);
        continue;
      }
      try {
        const o = await toetsOpslagBijHerschikking(t, {
          zorgkantoorId: r.zorgkantoor_id,
          aanbiederId: x.aanbieder,
          jaar: r.jaar,
          percentage: x.opslag,
          motivatie: x.opslagMotivatie,
        });
        opslagen.set(x.aanbieder, { percentage: o.percentage, motivatie: o.motivatie });
      } catch (e) {
        if (!(e instanceof AppError) || e.status !== 422) throw e;
        const eerste = e.fouten?.[0];
        fouten.push({
          waar: `regels[${i}].${eerste?.waar === 'motivatie' ? 'opslagMotivatie' : 'opslag'}`,
          wat: `${e.message} [regel ${e.code}]`,
          actie: eerste?.actie,
        });
      }
    }
    const voor = regels.reduce((s, g) => s + c(g.afspraak), 0n) + c(r.pool_voor);
    const na = [...nieuw.values()].reduce((s, x) => s + x, 0n) + c(inv.pool);
    if (voor !== na)
      fouten.push({
        waar: 'pool',
        wat: `afspraken + pool na de ronde (${formatCenten(na)}) wijkt ${formatCenten(na > voor ? na - voor : voor - na)} af van het totaal ervoor (${formatCenten(voor)})`,
        actie:
          'Een herschikking verschuift geld binnen de contracteerruimte; het totaal blijft gelijk. Pas bedragen of pool aan.',
      });
    if (fouten.length)
      throw unprocessable(
        'aanpassing-ongeldig',
        'De aanpassing van de herschikkingsronde kan niet worden vastgelegd.',
        {
          fouten,
        },
      );
    const nu = ctx.now();
    await store.rondeAanpassen(
      t,
      r.id,
      inv.pool,
      inv.regels.map((x) => ({
        organisatie_id: x.aanbieder,
        na: formatCenten(c(x.na)),
        toelichting: x.toelichting ?? null,
        opslag: opslagen.get(x.aanbieder),
      })),
      a.gebruikerId,
      a.naam,
      nu,
    );
    await appendAudit(t, auditActor(a), {
      actie: 'herschikkingsronde.aangepast',
      onderwerpType: 'herschikkingsronde',
      onderwerpId: r.id,
      invoer: inv,
      resultaat: {
        voorstel: regels.map((g) => ({ aanbieder: g.organisatie_id, voorgesteld: g.voorgesteld, was: g.na })),
      },
      regel:
        'aanpassing: totaal (afspraken + pool) gelijk; niemand onder de realisatie; opslag met de regels van de gunning (inkoop.gunning.opslag.v1, F5)',
    });
    return rondeView(t, a, (await store.rondeLaden(t, r.id))!);
  });
}

/**
 * A manager who did not prepare the round decides. Approving writes the new agreement versions and
 * ledger mutations (budget), the applied totals and a message to every changed provider.
 */
export async function rondeBesluiten(
  ctx: AppContext,
  a: Actor,
  id: string,
  inv: { besluit: 'goedkeuren' | 'afwijzen'; toelichting?: string },
): Promise<RondeView> {
  return ctx.db.tx(async (t) => {
    const r = await zichtbareRonde(t, a, id, true);
    vereisVierOgenBesluit(a, {
      wat: 'besluit over een herschikkingsronde',
      zorgkantoorId: r.zorgkantoor_id,
      voorbereidDoor: r.voorbereid_door,
      voorbereid: 'deze ronde voorbereid (voorgesteld of aangepast)',
      onderwerp: 'deze ronde',
      status: r.status,
      code: 'ronde-besloten',
    });
    const regels = await store.rondeRegels(t, r.id);
    const nu = ctx.now();
    let toepassing = null;
    const opslagToegekend = new Map<string, string>();
    if (inv.besluit === 'goedkeuren') {
      // the agreements and the pool must still be what the round started from
      const basis = (await herschikBasis(t, r.regio_code, r.jaar, r.sector))!;
      const verschoven: Fout[] = [];
      for (const g of regels) {
        const nuBedrag = basis.aanbieders.find((x) => x.id === g.organisatie_id)?.bedrag ?? '0.00';
        if (nuBedrag !== g.afspraak)
          verschoven.push({
            waar: g.organisatie_id,
            wat: `afspraak is nu ${nuBedrag}, bij het voorstel ${g.afspraak}`,
          });
      }
      if (basis.pool !== r.pool_voor)
        verschoven.push({ waar: 'pool', wat: `pool is nu ${basis.pool}, bij het voorstel ${r.pool_voor}` });
      if (verschoven.length)
        throw conflict('ronde-verouderd', 'Afspraken of pool zijn sinds het voorstel gewijzigd.', {
          fouten: verschoven,
          actie: 'Wijs deze ronde af en stel een nieuwe voor.',
        });
      // the opslag proposed in the round is granted first (moment herschikking, inkoop's rules and audit),
      // so the agreement lines priced by the award take the new price in the versions below
      for (const g of regels)
        if (g.opslag !== null) {
          const o = await kenOpslagToeBijHerschikking(t, a, nu, {
            zorgkantoorId: r.zorgkantoor_id,
            aanbiederId: g.organisatie_id,
            jaar: r.jaar,
            percentage: g.opslag,
            motivatie: g.opslag_motivatie,
            rondeId: r.id,
          });
          opslagToegekend.set(g.organisatie_id, o.cumulatief);
        }
      toepassing = await herschikAfspraken(t, a, nu, {
        regio: r.regio_code,
        jaar: r.jaar,
        sector: r.sector,
        regels: regels
          .filter((g) => g.na !== g.afspraak || opslagToegekend.has(g.organisatie_id))
          .map((g) => ({ aanbiederId: g.organisatie_id, bedrag: g.na })),
        toelichting: `Herschikking ${r.jaar} ronde ${r.volgnummer} (regio ${r.regio_code}, ${r.sector}), besloten door ${a.naam}`,
        herprijs: [...opslagToegekend.keys()],
      });
      for (const x of toepassing.aanbieders)
        await store.berichtNieuw(t, {
          rondeId: r.id,
          organisatieId: x.aanbiederId,
          voor: x.voor,
          na: x.na,
          tekst: `Uw productieafspraak ${r.jaar} in regio ${r.regio_code} (${r.sector}) is herschikt: ${x.voor} → ${x.na} (herschikkingsronde ${r.volgnummer}).${opslagToegekend.has(x.aanbiederId) ? ` Bij deze herschikking is tariefopslag toegekend; de opslag in uw prijs is nu ${opslagToegekend.get(x.aanbiederId)}%.` : ''} De nieuwe versie staat bij Mijn productieafspraken.`,
          op: nu,
        });
    }
    await store.rondeBesloten(t, r.id, {
      status: inv.besluit === 'goedkeuren' ? 'besloten' : 'afgewezen',
      door: a.gebruikerId,
      doorNaam: a.naam,
      op: nu,
      toelichting: inv.toelichting ?? null,
      poolNa: toepassing ? toepassing.pool.na : null,
      toegepast: toepassing
        ? regels.map((g) => ({
            organisatie_id: g.organisatie_id,
            bedrag: toepassing!.aanbieders.find((x) => x.aanbiederId === g.organisatie_id)?.na ?? g.afspraak,
            opslagToegekend: opslagToegekend.get(g.organisatie_id) ?? null,
          }))
        : [],
    });
    await appendAudit(t, auditActor(a), {
      actie: inv.besluit === 'goedkeuren' ? 'herschikkingsronde.goedgekeurd' : 'herschikkingsronde.afgewezen',
      onderwerpType: 'herschikkingsronde',
      onderwerpId: r.id,
      invoer: {
        besluit: inv.besluit,
        toelichting: inv.toelichting ?? null,
        voorstel: r.invoer,
        regels: regels.map((g) => ({
          aanbieder: g.organisatie_id,
          afspraak: g.afspraak,
          voorgesteld: g.voorgesteld,
          na: g.na,
          maximum: g.maximum,
          maximumBron: g.maximum_bron,
          maximumUitleg: g.maximum_uitleg,
          opslag: g.opslag,
          opslagMotivatie: g.opslag_motivatie,
        })),
        poolNa: r.pool_na,
        voorbereidDoor: r.voorbereid_door,
      },
      resultaat: toepassing
        ? { ...toepassing, opslagToegekend: Object.fromEntries(opslagToegekend) }
        : { afgewezen: true },
      regel: `${HERSCHIK_REGEL}; vier ogen: een manager die de ronde niet voorbereidde besluit`,
    });
    return rondeView(t, a, (await store.rondeLaden(t, r.id))!);
  });
}

export async function rondesLijst(ctx: AppContext, a: Actor, f: { jaar: number; regio?: string }) {
  const rows = await store.rondesZoeken(ctx.db, {
    jaar: f.jaar,
    regios: isZorgkantoor(a) ? await store.concessieRegios(ctx.db, a.organisatieId, f.jaar) : null,
    regio: f.regio ?? null,
    aanbieder: isAanbieder(a) ? a.organisatieId : null,
  });
  return {
    jaar: f.jaar,
    rondesPerJaar: isZorgkantoor(a) ? await store.rondesPerJaar(ctx.db, a.organisatieId, f.jaar) : null,
    rondes: await Promise.all(rows.map((r) => rondeView(ctx.db, a, r))),
  };
}

export async function rondeDetail(ctx: AppContext, a: Actor, id: string) {
  return rondeView(ctx.db, a, await zichtbareRonde(ctx.db, a, id));
}

export async function zetRondesPerJaar(ctx: AppContext, a: Actor, jaar: number, n: number) {
  vereisManagerZorgkantoor(a, 'stelt het aantal herschikkingsrondes per jaar in');
  await ctx.db.tx(async (t) => {
    const was = await store.rondesPerJaar(t, a.organisatieId, jaar);
    await store.zetRondesPerJaar(t, a.organisatieId, jaar, n);
    await appendAudit(t, auditActor(a), {
      actie: 'herschikking.rondes-per-jaar',
      onderwerpType: 'herschikking_instelling',
      onderwerpId: `${a.organisatieId}/${jaar}`,
      invoer: { jaar, rondesPerJaar: n },
      resultaat: { was },
      regel: 'standaard twee herschikkingsrondes per jaar; instelbaar per zorgkantoor en jaar',
    });
  });
  return { jaar, rondesPerJaar: n };
}

/** A provider's messages about decided rounds. */
export async function berichten(ctx: AppContext, a: Actor, jaar: number) {
  if (!isAanbieder(a)) throw forbidden('Berichten over herschikking zijn voor zorgaanbieders.');
  const rows = await store.berichtenVan(ctx.db, a.organisatieId, jaar);
  return {
    jaar,
    berichten: rows.map((b) => ({
      id: b.id,
      rondeId: b.ronde_id,
      regio: b.regio_code,
      sector: b.sector,
      voor: b.voor,
      na: b.na,
      tekst: b.tekst,
      op: new Date(b.op).toISOString(),
    })),
  };
}
