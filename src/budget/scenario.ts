/**
 * Scenarios (what-if): copy the current situation of one contracteerruimte (providers, last year's
 * realisation and prestatie mix, prices), change budget, floor, weights (scores) or tariffs, run
 * the allocation engine (`verdeel`, HiGHS) as a job with progress, store input and output so the
 * result is reproducible, compare two side by side, and — by a manager who did not prepare it
 * (four eyes) — turn one into productieafspraken (new versions, audited with input, model and who
 * decided). A provider sees only the explanation of its own allocation.
 *
 * Product choices (the sources name no figure): every provider starts with score 1 (the purchaser
 * sets the scores from the assessment); the tariff change of a scenario is a percentage on the
 * agreement prices (Q, toekenning); model P takes the NZa maximum tariffs of the year.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../platform/context.ts';
import type { Queryable } from '../platform/db/index.ts';
import type { Actor } from '../platform/auth/roles.ts';
import { isAanbieder, isInkoperOfManager, isManagerZorgkantoor } from '../platform/auth/roles.ts';
import { appendAudit, canonicalJson } from '../platform/audit.ts';
import { auditActor } from '../platform/audit.ts';
import { AppError, conflict, forbidden, notFound, unprocessable, type Fout } from '../platform/errors.ts';
import { Decimal, euros } from '../domain/money.ts';
import {
  maakVoorstel,
  totalenVoorstel,
  type MixRegel,
  type VoorstelRegel,
} from '../domain/contracteerruimte/voorstel.ts';
import type { Afspraak, VerdelingScenario, VerdelingUitkomst } from '../domain/budget/types.ts';
import { verdeelMetMeting } from './verdeling.ts';
import { realisatiePerAanbiederPrestatie } from '../realisatie/index.ts';
import { metPlafondUitleg, plafondsUitRegels, type PlafondRegels } from '../domain/budget/plafondregels.ts';
import { lijstNzaTarieven } from '../reference/index.ts';
import { afspraakSchrijven, zicht } from './service.ts';
import * as store from './store.ts';
import type { ScenarioRow } from './store.ts';

/** The installed HiGHS version, named with every result (reproducibility). */
function highsVersie(): string {
  try {
    let dir = path.dirname(createRequire(import.meta.url).resolve('highs'));
    for (let i = 0; i < 4; i++, dir = path.dirname(dir)) {
      const f = path.join(dir, 'package.json');
      if (fs.existsSync(f)) {
        const pkg = JSON.parse(fs.readFileSync(f, 'utf8'));
        if (pkg.name === 'highs') return pkg.version;
      }
    }
  } catch {
    /* unknown version: named as such */
  }
  return '(versie onbekend)';
}
export const MOTOR = `verdeel (src/budget/verdeling.ts) met HiGHS ${highsVersie()}`;

export interface ScenarioParameters {
  contracteerruimte: string;
  reserve: string;
  vloerPercentage: string;
  toekenningspercentage: string;
  startPercentage: string;
  bijTekort: 'melden' | 'prorata';
  prijsTrappen: { vanafScore: string; percentage: string }[];
  /** weights per provider (score on the gunningscriteria); default 1 */
  scores: Record<string, string>;
  plafonds: Record<string, string | null>;
  /** tariffs: agreement prices × this percentage (Q, toekenning) */
  tariefFactor: string;
  /**
   * Q: 0…1, how strongly the cliëntstroom signal (clients waiting per place) raises a provider's
   * weight in the selective part; absent or "0" = the signals play no part
   */
  populariteitFactor?: string;
  /** caps derived from purchasing rules (growth ceiling, intramural days); see src/domain/budget/plafondregels.ts */
  plafondRegels?: PlafondRegels;
}

interface BasisAanbieder {
  id: string;
  naam: string;
  realisatieVorigJaar: string;
  mix: (MixRegel & { referentieVolume: string; nzaMax: string | null; behandeling?: boolean })[];
}
interface Basis {
  contracteerruimte: {
    id: string;
    totaal: string;
    oormerk: string;
    reserve: string;
    afspraken: string;
    status: string;
    voorbeeld: boolean;
  };
  nzaJaar: number | null;
  nzaVoorbeeld: boolean;
  aanbieders: BasisAanbieder[];
}

const d = (s: string | number) => new Decimal(s);

async function zichtbaar(q: Queryable, a: Actor, id: string, voorUpdate = false): Promise<ScenarioRow> {
  const s = await store.scenarioLaden(q, id, voorUpdate);
  if (!s || isAanbieder(a)) throw notFound('Dit scenario');
  const z = await zicht(q, a, s.jaar);
  if (!(z.soort === 'alle' || (z.soort === 'regios' && z.regios.includes(s.regio_code))))
    throw notFound('Dit scenario');
  return s;
}

function eigenaar(a: Actor, s: ScenarioRow) {
  if (!isInkoperOfManager(a) || s.zorgkantoor_id !== a.organisatieId)
    throw forbidden('Alleen een inkoper of manager van het zorgkantoor van deze regio kan dit scenario wijzigen.');
}

/** The current situation of a region × year × sector, as a scenario copies it. */
async function kopieer(q: Queryable, cr: store.CrRow): Promise<Basis> {
  const rows = await store.huidigeSituatie(
    q,
    cr.regio_code,
    cr.jaar,
    cr.sector,
    await realisatiePerAanbiederPrestatie(q, cr.regio_code, cr.jaar - 1, cr.sector),
  );
  // NZa maximum tariffs of the year (else the latest earlier year that has them, named in the basis)
  let nzaJaar: number | null = null;
  let nza: Awaited<ReturnType<typeof lijstNzaTarieven>> | null = null;
  for (let j = cr.jaar; j >= cr.jaar - 3; j--) {
    const l = await lijstNzaTarieven(q, j);
    if (l.tarieven.length) {
      nzaJaar = j;
      nza = l;
      break;
    }
  }
  const nzaMax = new Map(
    (nza?.tarieven ?? []).map((t) => [
      t.prestatie,
      d(t.tarief)
        .plus(t.nhc ?? 0)
        .plus(t.nic ?? 0),
    ]),
  );
  const per = new Map<string, BasisAanbieder>();
  for (const r of rows) {
    const a = per.get(r.organisatie_id) ?? { id: r.organisatie_id, naam: r.naam, realisatieVorigJaar: '0.00', mix: [] };
    a.realisatieVorigJaar = d(a.realisatieVorigJaar).plus(r.realisatie_bedrag).toFixed(2);
    const gerealiseerdePrijs = d(r.realisatie_volume).greaterThan(0)
      ? d(r.realisatie_bedrag).dividedBy(r.realisatie_volume).toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
      : null;
    const max = nzaMax.get(r.prestatie_code) ?? null;
    const prijs = r.prijs_nu ?? r.prijs_vorig ?? gerealiseerdePrijs?.toFixed(2) ?? max?.toFixed(2) ?? '0.00';
    a.mix.push({
      prestatie: r.prestatie_code,
      leveringsvorm: r.leveringsvorm,
      behandeling: r.behandeling,
      prijs: d(prijs).toFixed(2),
      referentieBedrag: d(r.realisatie_bedrag).toFixed(2),
      referentieVolume: d(r.realisatie_volume).toFixed(2),
      nzaMax: max ? max.toFixed(2) : null,
    });
    per.set(r.organisatie_id, a);
  }
  return {
    contracteerruimte: {
      id: cr.id,
      totaal: cr.totaal,
      oormerk: cr.oormerk,
      reserve: cr.reserve,
      afspraken: cr.afspraken,
      status: cr.status,
      voorbeeld: cr.voorbeeld,
    },
    nzaJaar,
    nzaVoorbeeld: !!nza?.voorbeeld,
    aanbieders: [...per.values()],
  };
}

function standaardParameters(b: Basis): ScenarioParameters {
  return {
    contracteerruimte: d(b.contracteerruimte.totaal).minus(b.contracteerruimte.oormerk).toFixed(2),
    reserve: d(b.contracteerruimte.reserve).toFixed(2),
    vloerPercentage: '90',
    toekenningspercentage: '90',
    startPercentage: '90',
    bijTekort: 'melden',
    prijsTrappen: [],
    scores: {},
    plafonds: {},
    tariefFactor: '100',
  };
}

/** Caps per provider from the scenario's rules (growth ceiling, intramural days), lower explicit caps kept. */
export function afgeleidePlafonds(b: Basis, p: ScenarioParameters) {
  if (!p.plafondRegels) return new Map<string, { plafond: string; uitleg: string }>();
  return plafondsUitRegels(
    b.aanbieders.map((a) => ({ id: a.id, mix: a.mix, plafond: p.plafonds[a.id] ?? null })),
    p.plafondRegels,
  );
}

// ------------------------------------------------------------------ cliëntstroom signals

/** One provider's waiting-list signal as cliëntstroom gives it (its `inkoopsignalen`). */
export interface WachtlijstSignaal {
  organisatieId: string;
  /** clients with a toewijzing to this provider, still waiting */
  wachtend: number;
  /** clients without a provider who prefer this one */
  voorkeur: number;
  /** places (summed capacity of the provider's locations in the region and sector) */
  capaciteit: number;
}
/**
 * Where budget reads the waiting-list signals per provider of a region and sector. Cliëntstroom
 * owns them and imports budget (contracts), so budget cannot import cliëntstroom: the composition
 * root (src/capabilities.ts) hands the reader over, like inkoop's contract history source.
 */
export type WachtlijstSignaalBron = (
  ctx: AppContext,
  a: Actor,
  f: { regio: string; sector: string },
) => Promise<{ aanbieders: WachtlijstSignaal[] }>;
let signaalBron: WachtlijstSignaalBron | null = null;
export function gebruikWachtlijstSignalen(bron: WachtlijstSignaalBron) {
  signaalBron = bron;
}

/**
 * Popularity for the allocation: clients waiting for the provider (with a toewijzing, or
 * preferring it without one) per place, 2 decimals half up. Keuze van het product: both kinds of
 * waiting count ("waiters per capacity"); a provider with waiting clients and no places counts as
 * fully popular (1, the engine's bound); no waiting clients is 0.
 */
export function populariteitVoorVerdeling(x: WachtlijstSignaal): string {
  const n = x.wachtend + x.voorkeur;
  if (n === 0) return '0';
  if (x.capaciteit <= 0) return '1';
  return d(n).dividedBy(x.capaciteit).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

/** The signals of the scenario's region and sector (empty when the region is no longer the zorgkantoor's). */
async function leesSignalen(ctx: AppContext, a: Actor, s: ScenarioRow): Promise<Map<string, WachtlijstSignaal>> {
  if (!signaalBron) throw new Error('budget: geen bron voor wachtlijstsignalen aangesloten (src/capabilities.ts)');
  const r = await signaalBron(ctx, a, { regio: s.regio_code, sector: s.sector }).catch((e: unknown) => {
    if (e instanceof AppError && e.status === 404) return { aanbieders: [] };
    throw e;
  });
  return new Map(r.aanbieders.map((x) => [x.organisatieId, x]));
}

const populariteitAan = (s: Pick<ScenarioRow, 'model'>, p: ScenarioParameters) =>
  s.model === 'Q' && !!p.populariteitFactor && d(p.populariteitFactor).greaterThan(0);

/** The exact engine input for a scenario (stored with the result). */
export function bouwInvoer(
  s: Pick<ScenarioRow, 'model' | 'jaar' | 'regio_code' | 'naam'>,
  b: Basis,
  p: ScenarioParameters,
  signalen?: Map<string, WachtlijstSignaal>,
): VerdelingScenario {
  const metPopulariteit = populariteitAan(s, p) && !!signalen;
  const afgeleid = afgeleidePlafonds(b, p);
  const aanbieders = b.aanbieders
    .map((a) => {
      const plafond = afgeleid.get(a.id)?.plafond ?? p.plafonds[a.id];
      const basis = {
        id: a.id,
        naam: a.naam,
        realisatieVorigJaar: a.realisatieVorigJaar,
        score: p.scores[a.id] ?? '1',
        ...(plafond ? { plafond } : {}),
        ...(metPopulariteit
          ? {
              populariteit: signalen!.has(a.id) ? populariteitVoorVerdeling(signalen!.get(a.id)!) : '0',
            }
          : {}),
      };
      if (s.model !== 'P') return basis;
      const prestaties = a.mix
        .filter((m) => m.nzaMax && d(m.referentieVolume).greaterThan(0))
        .map((m) => ({ code: m.prestatie, maxTarief: m.nzaMax!, volume: m.referentieVolume }));
      return prestaties.length ? { id: a.id, naam: a.naam, score: basis.score, prestaties } : null;
    })
    .filter((x): x is NonNullable<typeof x> => x !== null);
  return {
    model: s.model,
    jaar: s.jaar,
    regio: s.regio_code,
    contracteerruimte: p.contracteerruimte,
    reserve: p.reserve,
    ...(s.model === 'Q' ? { vloerPercentage: p.vloerPercentage, bijTekort: p.bijTekort } : {}),
    ...(metPopulariteit ? { populariteitFactor: p.populariteitFactor } : {}),
    ...(s.model === 'toekenning' ? { toekenningspercentage: p.toekenningspercentage } : {}),
    ...(s.model === 'P' ? { startPercentage: p.startPercentage, prijsTrappen: p.prijsTrappen } : {}),
    aanbieders,
    toelichting: `Scenario ${s.naam}`,
  };
}

function scenarioView(s: ScenarioRow) {
  const voorstel = (s.voorstel as { regels: VoorstelRegel[]; zonderMix: string[] } | null) ?? null;
  const basis = s.basis as Basis;
  return {
    id: s.id,
    contracteerruimteId: s.contracteerruimte_id,
    zorgkantoorId: s.zorgkantoor_id,
    regioCode: s.regio_code,
    jaar: s.jaar,
    sector: s.sector,
    naam: s.naam,
    model: s.model,
    status: s.status,
    parameters: s.parameters as ScenarioParameters,
    aanbieders: basis.aanbieders.map((a) => ({
      id: a.id,
      naam: a.naam,
      realisatieVorigJaar: a.realisatieVorigJaar,
      prestaties: a.mix.length,
    })),
    plafondsUitRegels: [...afgeleidePlafonds(basis, s.parameters as ScenarioParameters).entries()].map(([id, x]) => ({
      aanbieder: id,
      plafond: x.plafond,
      uitleg: x.uitleg,
    })),
    basis: { contracteerruimte: basis.contracteerruimte, nzaJaar: basis.nzaJaar, nzaVoorbeeld: basis.nzaVoorbeeld },
    invoer: s.invoer ?? null,
    uitkomst: (s.uitkomst as VerdelingUitkomst | null) ?? null,
    voorstel: voorstel
      ? { regels: voorstel.regels, zonderMix: voorstel.zonderMix, totalen: totalenVoorstel(voorstel.regels) }
      : null,
    meting: s.meting ?? null,
    motor: s.motor,
    fout: s.fout,
    taakId: s.taak_id,
    aangemaakt: { door: s.aangemaakt_naam, op: new Date(s.aangemaakt_op).toISOString() },
    berekend: s.berekend_op ? { door: s.berekend_naam, op: new Date(s.berekend_op).toISOString() } : null,
    gepromoveerd: s.gepromoveerd_op
      ? { door: s.gepromoveerd_naam, op: new Date(s.gepromoveerd_op).toISOString() }
      : null,
  };
}
export type ScenarioView = ReturnType<typeof scenarioView>;

export async function scenarioAanmaken(
  ctx: AppContext,
  a: Actor,
  inv: { regio: string; jaar: number; sector: string; naam: string; model: ScenarioRow['model']; kopieVan?: string },
): Promise<ScenarioView> {
  return ctx.db.tx(async (t) => {
    const cr = await store.crVoorSleutel(t, inv.regio, inv.jaar, inv.sector);
    if (!cr)
      throw unprocessable(
        'geen-contracteerruimte',
        `Er is geen contracteerruimte voor regio ${inv.regio}, ${inv.jaar}, ${inv.sector}.`,
        {
          fouten: [{ waar: 'regio', wat: 'geen contracteerruimte', actie: 'Voer eerst de contracteerruimte in.' }],
        },
      );
    if (!isInkoperOfManager(a) || cr.zorgkantoor_id !== a.organisatieId)
      throw forbidden('Alleen het zorgkantoor van deze regio maakt hier scenario’s.');
    let basis: Basis;
    let parameters: ScenarioParameters;
    if (inv.kopieVan) {
      const bron = await zichtbaar(t, a, inv.kopieVan);
      basis = bron.basis as Basis;
      parameters = bron.parameters as ScenarioParameters;
    } else {
      basis = await kopieer(t, cr);
      parameters = standaardParameters(basis);
    }
    if (!basis.aanbieders.length)
      throw unprocessable(
        'geen-aanbieders',
        'Er zijn geen aanbieders met realisatie of afspraken in deze regio en sector om te verdelen.',
        {
          actie: 'Importeer eerst de realisatie van vorig jaar of leg afspraken vast.',
        },
      );
    const id = await store.scenarioNieuw(t, {
      crId: cr.id,
      zorgkantoorId: cr.zorgkantoor_id,
      regio: cr.regio_code,
      jaar: cr.jaar,
      sector: cr.sector,
      naam: inv.naam,
      model: inv.model,
      basis,
      parameters,
      door: a.gebruikerId,
      doorNaam: a.naam,
    });
    await appendAudit(t, auditActor(a), {
      actie: 'scenario.aangemaakt',
      onderwerpType: 'scenario',
      onderwerpId: id,
      invoer: { ...inv, aanbieders: basis.aanbieders.length },
    });
    return scenarioView((await store.scenarioLaden(t, id))!);
  });
}

export async function scenarioWijzigen(
  ctx: AppContext,
  a: Actor,
  id: string,
  inv: Partial<Omit<ScenarioParameters, 'scores' | 'plafonds' | 'plafondRegels'>> & {
    plafondRegels?: { groeiplafondBehandeling?: string | null; intramuraleDagen?: Record<string, string | null> };
    naam?: string;
    model?: ScenarioRow['model'];
    scores?: Record<string, string>;
    plafonds?: Record<string, string | null>;
  },
): Promise<ScenarioView> {
  return ctx.db.tx(async (t) => {
    const s = await zichtbaar(t, a, id, true);
    eigenaar(a, s);
    if (s.status === 'gepromoveerd' || s.status === 'bezig')
      throw conflict('scenario-vast', `Een scenario met status ${s.status} kan niet meer worden gewijzigd.`, {
        actie: 'Maak een kopie.',
      });
    const basis = s.basis as Basis;
    const bekend = new Set(basis.aanbieders.map((x) => x.id));
    const fouten: Fout[] = [];
    for (const k of [
      ...Object.keys(inv.scores ?? {}),
      ...Object.keys(inv.plafonds ?? {}),
      ...Object.keys(inv.plafondRegels?.intramuraleDagen ?? {}),
    ])
      if (!bekend.has(k))
        fouten.push({
          waar: `scores.${k}`,
          wat: `${k} is geen aanbieder in dit scenario`,
          actie: 'Gebruik een aanbieder-id uit het scenario.',
        });
    if (fouten.length)
      throw unprocessable('scenario-ongeldig', 'Het scenario kan zo niet worden gewijzigd.', { fouten });
    const oud = s.parameters as ScenarioParameters;
    const { naam, model, scores, plafonds, plafondRegels, ...rest } = inv;
    const p: ScenarioParameters = {
      ...oud,
      ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)),
      scores: { ...oud.scores, ...(scores ?? {}) },
      plafonds: { ...oud.plafonds, ...(plafonds ?? {}) },
      ...(plafondRegels || oud.plafondRegels
        ? {
            plafondRegels: {
              groeiplafondBehandeling:
                plafondRegels?.groeiplafondBehandeling !== undefined
                  ? plafondRegels.groeiplafondBehandeling
                  : (oud.plafondRegels?.groeiplafondBehandeling ?? null),
              intramuraleDagen: Object.fromEntries(
                Object.entries({
                  ...(oud.plafondRegels?.intramuraleDagen ?? {}),
                  ...(plafondRegels?.intramuraleDagen ?? {}),
                }).filter((x): x is [string, string] => x[1] !== null),
              ),
            },
          }
        : {}),
    };
    await store.scenarioParameters(t, id, model ?? s.model, naam ?? s.naam, p);
    await appendAudit(t, auditActor(a), {
      actie: 'scenario.gewijzigd',
      onderwerpType: 'scenario',
      onderwerpId: id,
      invoer: inv,
    });
    return scenarioView((await store.scenarioLaden(t, id))!);
  });
}

/** Runs the engine as a job; returns at once with the job id (progress in the jobs panel). */
export async function scenarioBerekenen(
  ctx: AppContext,
  a: Actor,
  id: string,
): Promise<{ taakId: string; scenarioId: string }> {
  const s = await ctx.db.tx(async (t) => {
    const s = await zichtbaar(t, a, id, true);
    eigenaar(a, s);
    if (s.status === 'gepromoveerd' || s.status === 'bezig')
      throw conflict('scenario-vast', `Een scenario met status ${s.status} wordt niet opnieuw berekend.`, {
        actie: 'Maak een kopie.',
      });
    await store.scenarioStart(t, id, null);
    return s;
  });
  // waiting list per provider (cliëntstroom), read with the purchaser's own rights; only when asked
  let signalen: Map<string, WachtlijstSignaal> | undefined;
  try {
    signalen = populariteitAan(s, s.parameters as ScenarioParameters) ? await leesSignalen(ctx, a, s) : undefined;
  } catch (e) {
    await store.scenarioMislukt(ctx.db, id, e instanceof Error ? e.message : String(e));
    throw e;
  }
  const taakId = await ctx.jobs.start(
    'budget.verdeling',
    `Scenario ${s.naam}: verdeling model ${s.model}, regio ${s.regio_code} ${s.jaar} ${s.sector}`,
    a,
    { scenarioId: id, model: s.model },
    async (progress) => {
      try {
        await progress(0.1, 'invoer opbouwen');
        const invoer = bouwInvoer(s, s.basis as Basis, s.parameters as ScenarioParameters, signalen);
        await progress(0.3, 'verdelen (HiGHS)');
        const gemeten = await verdeelMetMeting(invoer);
        const meting = gemeten.meting;
        const afgeleid = afgeleidePlafonds(s.basis as Basis, s.parameters as ScenarioParameters);
        const uitkomst = {
          ...gemeten.uitkomst,
          afspraken: metSignaalUitleg(metPlafondUitleg(gemeten.uitkomst.afspraken, afgeleid), signalen),
        };
        await progress(0.8, 'voorstel per prestatie');
        const basis = s.basis as Basis;
        const mix = Object.fromEntries(basis.aanbieders.map((x) => [x.id, x.mix]));
        const lv = new Map(basis.aanbieders.flatMap((x) => x.mix.map((m) => [m.prestatie, m.leveringsvorm] as const)));
        const voorstel = maakVoorstel(uitkomst.afspraken, mix, {
          tariefFactor: s.model === 'P' ? '100' : (s.parameters as ScenarioParameters).tariefFactor,
          leveringsvormVan: (c) => lv.get(c) ?? null,
        });
        await ctx.db.tx(async (t) => {
          await store.scenarioBerekend(t, id, {
            invoer,
            uitkomst,
            voorstel,
            meting: {
              totaalMs: Math.round(meting.totaalMs),
              solverMs: Math.round(meting.solverMs),
              lpAanroepen: meting.lpAanroepen,
            },
            motor: MOTOR,
            door: a.gebruikerId,
            doorNaam: a.naam,
            op: ctx.now(),
          });
          await appendAudit(t, auditActor(a), {
            actie: 'scenario.berekend',
            onderwerpType: 'scenario',
            onderwerpId: id,
            invoer: { model: s.model, invoerSha256: sha(invoer), parameters: s.parameters },
            resultaat: {
              status: uitkomst.status,
              totaal: uitkomst.totaal,
              pool: uitkomst.pool,
              regels: voorstel.regels.length,
            },
            regel: MOTOR,
          });
        });
        await progress(1, 'klaar');
        return { scenarioId: id, status: uitkomst.status, totaal: uitkomst.totaal };
      } catch (e) {
        const tekst =
          e instanceof AppError
            ? [e.message, ...e.fouten.map((f) => `${f.waar ?? ''}: ${f.wat}`)].join(' ')
            : e instanceof Error
              ? e.message
              : String(e);
        await store.scenarioMislukt(ctx.db, id, tekst);
        throw e;
      }
    },
  );
  await store.scenarioTaak(ctx.db, id, taakId);
  return { taakId, scenarioId: id };
}

/** Names the cliëntstroom signal behind each provider's popularity in its explanation. */
function metSignaalUitleg(afspraken: Afspraak[], signalen: Map<string, WachtlijstSignaal> | undefined): Afspraak[] {
  if (!signalen) return afspraken;
  return afspraken.map((x) => {
    const g = signalen.get(x.aanbieder) ?? { wachtend: 0, voorkeur: 0, capaciteit: 0 };
    const signaal = { wachtend: g.wachtend, voorkeur: g.voorkeur, capaciteit: g.capaciteit };
    const zin = `Cliëntstroom (wachtlijst): ${g.wachtend} wachtende cliënt(en) met een toewijzing, ${g.voorkeur} zonder aanbieder met voorkeur voor deze aanbieder, capaciteit ${g.capaciteit} plaats(en).`;
    return { ...x, signaal, uitleg: `${x.uitleg} ${zin}` };
  });
}

const sha = (v: unknown) => createHash('sha256').update(canonicalJson(v)).digest('hex');

export async function scenarioDetail(ctx: AppContext, a: Actor, id: string) {
  return scenarioView(await zichtbaar(ctx.db, a, id));
}

export async function scenarioLijst(ctx: AppContext, a: Actor, f: { jaar: number; regio?: string; sector?: string }) {
  if (isAanbieder(a)) return [];
  const z = await zicht(ctx.db, a, f.jaar);
  const rows = await store.scenariosZoeken(ctx.db, {
    regios: z.soort === 'regios' ? z.regios : null,
    jaar: f.jaar,
    regio: f.regio,
    sector: f.sector,
  });
  return rows.map((s) => {
    const v = scenarioView(s);
    return { ...v, invoer: null, uitkomst: null, voorstel: v.voorstel ? { ...v.voorstel, regels: [] } : null };
  });
}

/** Two computed scenarios side by side: totals per provider and per leveringsvorm. */
export async function scenariosVergelijken(ctx: AppContext, a: Actor, idA: string, idB: string) {
  const [sa, sb] = [await zichtbaar(ctx.db, a, idA), await zichtbaar(ctx.db, a, idB)];
  const va = scenarioView(sa),
    vb = scenarioView(sb);
  for (const v of [va, vb])
    if (!v.voorstel)
      throw conflict('niet-berekend', `Scenario ${v.naam} is nog niet berekend.`, {
        actie: 'Reken het scenario eerst door.',
      });
  const namen = new Map([...va.aanbieders, ...vb.aanbieders].map((x) => [x.id, x.naam]));
  const rij = (ka: Record<string, string>, kb: Record<string, string>) =>
    [...new Set([...Object.keys(ka), ...Object.keys(kb)])].sort().map((k) => {
      const x = ka[k] ?? '0.00',
        y = kb[k] ?? '0.00';
      return { sleutel: k, a: x, b: y, verschil: euros(d(y).minus(x)) };
    });
  const ta = va.voorstel!.totalen,
    tb = vb.voorstel!.totalen;
  return {
    a: { id: va.id, naam: va.naam, model: va.model, status: va.uitkomst?.status ?? null, totaal: ta.totaal },
    b: { id: vb.id, naam: vb.naam, model: vb.model, status: vb.uitkomst?.status ?? null, totaal: tb.totaal },
    perAanbieder: rij(ta.perAanbieder, tb.perAanbieder).map((r) => ({ ...r, naam: namen.get(r.sleutel) ?? r.sleutel })),
    perLeveringsvorm: rij(ta.perLeveringsvorm, tb.perLeveringsvorm),
    verschil: euros(d(tb.totaal).minus(ta.totaal)),
  };
}

/**
 * A manager turns a computed scenario into productieafspraken: a new version of every agreement of
 * the region × year × sector (lines not in the proposal go to volume 0), decreases first so the
 * ledger never overruns midway. Four eyes: not the person who created or computed the scenario.
 */
export async function scenarioPromoveren(ctx: AppContext, a: Actor, id: string, inv: { toelichting?: string }) {
  return ctx.db.tx(async (t) => {
    const s = await zichtbaar(t, a, id, true);
    if (!isManagerZorgkantoor(a) || s.zorgkantoor_id !== a.organisatieId)
      throw forbidden('Alleen een manager van het zorgkantoor van deze regio kan een scenario omzetten in afspraken.');
    if (a.gebruikerId === s.aangemaakt_door || a.gebruikerId === s.berekend_door)
      throw forbidden('Vier ogen: u heeft dit scenario zelf opgesteld of doorgerekend; een andere manager besluit.');
    if (s.status !== 'berekend')
      throw conflict('scenario-status', `Alleen een berekend scenario kan worden omgezet (dit is ${s.status}).`, {
        actie: 'Reken het scenario eerst door.',
      });
    const uitkomst = s.uitkomst as VerdelingUitkomst;
    if (uitkomst.status === 'onhaalbaar' || uitkomst.status === 'tekort')
      throw unprocessable('scenario-onbruikbaar', `De verdeling is ${uitkomst.status}; die wordt geen afspraak.`, {
        actie: 'Pas budget, bodem of tarieven aan en reken opnieuw.',
      });
    const voorstel = (s.voorstel as { regels: VoorstelRegel[] }).regels;
    const bestaand = await store.afsprakenZoeken(t, {
      regios: null,
      aanbieder: null,
      jaar: s.jaar,
      regio: s.regio_code,
      sector: s.sector,
    });
    const sleutel = (x: string, p: string) => `${x}|${p}`;
    const nieuw = new Map(voorstel.map((r) => [sleutel(r.aanbiederId, r.prestatie), r]));
    const oud = new Map(bestaand.map((r) => [sleutel(r.organisatie_id, r.prestatie_code), r]));
    const regels = [
      ...voorstel.map((r) => ({
        ...r,
        delta: d(r.bedrag).minus(oud.get(sleutel(r.aanbiederId, r.prestatie))?.bedrag ?? 0),
      })),
      ...bestaand
        .filter((r) => !nieuw.has(sleutel(r.organisatie_id, r.prestatie_code)))
        .map((r) => ({
          aanbiederId: r.organisatie_id,
          prestatie: r.prestatie_code,
          leveringsvorm: r.leveringsvorm,
          prijs: r.prijs,
          volume: '0.00',
          bedrag: '0.00',
          delta: d(r.bedrag).negated(),
        })),
    ].sort(
      (x, y) =>
        x.delta.comparedTo(y.delta) ||
        (sleutel(x.aanbiederId, x.prestatie) < sleutel(y.aanbiederId, y.prestatie) ? -1 : 1),
    );
    const fouten: Fout[] = [];
    for (const [i, r] of regels.entries()) {
      const res = await afspraakSchrijven(
        t,
        { actor: a, nu: ctx.now(), reden: 'scenario', scenarioId: id },
        {
          aanbiederId: r.aanbiederId,
          regio: s.regio_code,
          jaar: s.jaar,
          prestatie: r.prestatie,
          volume: r.volume,
          prijsBron: 'ingevoerd',
          prijs: r.prijs,
          gunningVoorrang: true,
          toelichting: `Scenario "${s.naam}" (model ${s.model})${inv.toelichting ? ': ' + inv.toelichting : ''}`,
        },
        `regels[${i}].`,
      );
      if ('fouten' in res) fouten.push(...res.fouten);
    }
    if (fouten.length)
      throw unprocessable('omzetten-mislukt', 'Het scenario kon niet worden omgezet; er is niets vastgelegd.', {
        fouten,
      });
    await store.scenarioGepromoveerd(t, id, a.gebruikerId, a.naam, ctx.now());
    const totalen = totalenVoorstel(voorstel);
    await appendAudit(t, auditActor(a), {
      actie: 'scenario.gepromoveerd',
      onderwerpType: 'scenario',
      onderwerpId: id,
      invoer: {
        scenarioId: id,
        model: s.model,
        invoerSha256: sha(s.invoer),
        invoer: s.invoer,
        parameters: s.parameters,
        toelichting: inv.toelichting ?? null,
      },
      resultaat: {
        regels: regels.length,
        totaal: totalen.totaal,
        perAanbieder: totalen.perAanbieder,
        opgesteldDoor: s.aangemaakt_naam,
        berekendDoor: s.berekend_naam,
      },
      regel: `${s.motor ?? MOTOR}; model ${s.model}; vier ogen`,
    });
    return scenarioView((await store.scenarioLaden(t, id))!);
  });
}

/** A provider's own allocation explained: from every promoted scenario of the year that names it. */
export async function toelichtingVoorAanbieder(ctx: AppContext, a: Actor, jaar: number, aanbieder?: string) {
  const id = isAanbieder(a) ? a.organisatieId : aanbieder;
  if (!id)
    throw unprocessable('aanbieder-ontbreekt', 'Geef de aanbieder.', {
      fouten: [{ waar: 'aanbieder', wat: 'ontbreekt' }],
    });
  if (isAanbieder(a) && aanbieder && aanbieder !== a.organisatieId) throw notFound('Deze zorgaanbieder');
  const z = await zicht(ctx.db, a, jaar);
  const rows = (await store.gepromoveerdVoorAanbieder(ctx.db, id, jaar)).filter(
    (s) => z.soort !== 'regios' || z.regios.includes(s.regio_code),
  );
  return rows.map((s) => {
    const u = s.uitkomst as VerdelingUitkomst;
    const eigen = u.afspraken.find((x) => x.aanbieder === id)!;
    const regels = ((s.voorstel as { regels: VoorstelRegel[] }).regels ?? []).filter((r) => r.aanbiederId === id);
    return {
      scenarioId: s.id,
      scenarioNaam: s.naam,
      regioCode: s.regio_code,
      jaar: s.jaar,
      sector: s.sector,
      model: s.model,
      bedrag: eigen.bedrag,
      uitleg: eigen.uitleg,
      bindend: eigen.bindend as string[],
      vloer: eigen.vloer ?? null,
      plafond: eigen.plafond ?? null,
      score: eigen.score ?? null,
      percentageVanRealisatie: eigen.percentageVanRealisatie ?? null,
      regels,
      besluit: { door: s.gepromoveerd_naam, op: s.gepromoveerd_op ? new Date(s.gepromoveerd_op).toISOString() : null },
    };
  });
}
