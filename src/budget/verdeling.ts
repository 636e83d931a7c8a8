/**
 * The allocation engine of issue 11 — entry point for the CLI (`zorginkoop verdeel`), the API and
 * the benchmark. Validates a scenario, runs model Q, P or toekenning (HiGHS for the LP) and returns
 * the production agreements with their explanation. No database: the caller stores what it wants.
 *
 * Same input → same output, byte for byte: the outcome holds no times or ids of its own; the
 * solver's time is available separately through `verdeelMetMeting` and `solverStatistiek`.
 */
import { Type, type Static } from '@fastify/type-provider-typebox';
import { AppError } from '../platform/errors.ts';
import { verdeelGeldig, type Diagnose } from '../domain/budget/modellen.ts';
import { valideerScenarioInvoer, type GeldigScenario } from '../domain/budget/valideer.ts';
import type { VeldFout, VerdelingScenario, VerdelingUitkomst } from '../domain/budget/types.ts';
import { highsSolver, laadHighs, solverStatistiek } from './highs.ts';

export type { VerdelingScenario, VerdelingUitkomst, VeldFout } from '../domain/budget/types.ts';
export type { GeldigScenario } from '../domain/budget/valideer.ts';
export { solverStatistiek, resetSolverStatistiek, laadHighs } from './highs.ts';

// ---------------------------------------------------------------------------------------------
// TypeBox schemas (for API routes and OpenAPI). The validator below gives the field-level errors.
// ---------------------------------------------------------------------------------------------

const Decimaal = Type.Union([Type.String(), Type.Number()], { description: 'decimaal getal, bij voorkeur als tekst' });
const Bedrag = Type.String({ pattern: '^-?\\d+\\.\\d{2}$', description: 'bedrag in euro met twee decimalen' });

export const PrestatieInvoerSchema = Type.Object({ code: Type.String(), maxTarief: Decimaal, volume: Decimaal });
export const AanbiederInvoerSchema = Type.Object({
  id: Type.String({ minLength: 1 }),
  naam: Type.Optional(Type.String()),
  realisatieVorigJaar: Type.Optional(Decimaal),
  score: Type.Optional(Decimaal),
  plafond: Type.Optional(Type.Union([Decimaal, Type.Null()])),
  prestaties: Type.Optional(Type.Array(PrestatieInvoerSchema)),
  populariteit: Type.Optional(Decimaal),
});
export const VerdelingScenarioSchema = Type.Object(
  {
    model: Type.Union([Type.Literal('Q'), Type.Literal('P'), Type.Literal('toekenning')]),
    jaar: Type.Integer({ minimum: 2000, maximum: 2100 }),
    regio: Type.String({ minLength: 1 }),
    contracteerruimte: Decimaal,
    reserve: Type.Optional(Decimaal),
    vloerPercentage: Type.Optional(Decimaal),
    bijTekort: Type.Optional(Type.Union([Type.Literal('melden'), Type.Literal('prorata')])),
    toekenningspercentage: Type.Optional(Decimaal),
    startPercentage: Type.Optional(Decimaal),
    prijsTrappen: Type.Optional(Type.Array(Type.Object({ vanafScore: Decimaal, percentage: Decimaal }))),
    populariteitFactor: Type.Optional(Decimaal),
    aanbieders: Type.Array(AanbiederInvoerSchema, { minItems: 1 }),
    toelichting: Type.Optional(Type.String()),
  },
  { $id: 'VerdelingScenario', description: 'Scenario voor de verdeling (docs/formaten/verdeling.md)' },
);

const Bindend = Type.Union([
  Type.Literal('vloer'),
  Type.Literal('plafond'),
  Type.Literal('budget'),
  Type.Literal('toekenningspercentage'),
  Type.Literal('prijstrap'),
  Type.Literal('startpercentage'),
]);
export const AfspraakSchema = Type.Object({
  aanbieder: Type.String(),
  bedrag: Bedrag,
  bindend: Type.Array(Bindend),
  uitleg: Type.String(),
  vloer: Type.Optional(Bedrag),
  plafond: Type.Optional(Type.Union([Bedrag, Type.Null()])),
  score: Type.Optional(Type.String()),
  percentageVanRealisatie: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  percentage: Type.Optional(Type.String()),
  prestaties: Type.Optional(
    Type.Array(
      Type.Object({
        code: Type.String(),
        volume: Type.String(),
        maxTarief: Type.String(),
        percentage: Type.String(),
        bedrag: Bedrag,
      }),
    ),
  ),
  populariteit: Type.Optional(Type.String()),
  populariteitGewicht: Type.Optional(Type.String()),
  signaal: Type.Optional(
    Type.Object({ wachtend: Type.Integer(), voorkeur: Type.Integer(), capaciteit: Type.Integer() }),
  ),
});
export const VerdelingUitkomstSchema = Type.Object(
  {
    status: Type.Union([
      Type.Literal('opgelost'),
      Type.Literal('prorata'),
      Type.Literal('onhaalbaar'),
      Type.Literal('tekort'),
    ]),
    model: Type.Union([Type.Literal('Q'), Type.Literal('P'), Type.Literal('toekenning')]),
    jaar: Type.Integer(),
    regio: Type.String(),
    contracteerruimte: Bedrag,
    reserve: Bedrag,
    totaal: Bedrag,
    pool: Bedrag,
    selectiefDeel: Type.Optional(Bedrag),
    procentPerScorepunt: Type.Optional(Type.String()),
    effectiefPercentage: Type.Optional(Type.String()),
    tekortBedrag: Type.Optional(Bedrag),
    conflicten: Type.Optional(
      Type.Array(Type.Object({ beperkingen: Type.Array(Type.String()), bedrag: Bedrag, uitleg: Type.String() })),
    ),
    afspraken: Type.Array(AfspraakSchema),
  },
  { $id: 'VerdelingUitkomst', description: 'Uitkomst van de verdeling (docs/formaten/verdeling.md)' },
);

// Compile-time check that the schemas and the domain types agree.
type _InvoerKlopt = VerdelingScenario extends Static<typeof VerdelingScenarioSchema> ? true : never;
type _UitkomstKlopt = VerdelingUitkomst extends Static<typeof VerdelingUitkomstSchema> ? true : never;
export const _schemasKloppen: [_InvoerKlopt, _UitkomstKlopt] = [true, true];

// ---------------------------------------------------------------------------------------------
// Validation and allocation
// ---------------------------------------------------------------------------------------------

/**
 * Checks a scenario (parsed JSON). Returns the field errors (`waar` like `aanbieders[2].score`);
 * an empty list means valid. Never throws on bad input.
 */
export function valideerScenario(json: unknown): { geldig: true; fouten: [] } | { geldig: false; fouten: VeldFout[] } {
  const r = valideerScenarioInvoer(json);
  return r.scenario ? { geldig: true, fouten: [] } : { geldig: false, fouten: r.fouten };
}

/** Same check, throwing an AppError 400 (`scenario-ongeldig`) with the field errors. */
export function controleerScenario(json: unknown): GeldigScenario {
  const r = valideerScenarioInvoer(json);
  if (!r.scenario)
    throw new AppError(
      400,
      'scenario-ongeldig',
      `Het verdelingsscenario is ongeldig (${r.fouten.length} fout${r.fouten.length === 1 ? '' : 'en'}).`,
      {
        fouten: r.fouten,
        actie: 'Verbeter de genoemde velden; het formaat staat in docs/formaten/verdeling.md.',
      },
    );
  return r.scenario;
}

export interface Meting {
  /** wall time of the whole call, ms (validation, model building, solving, rounding, explanation) */
  totaalMs: number;
  /** time inside HiGHS during this call, ms */
  solverMs: number;
  /** CPU time of this process for the whole call and inside HiGHS, ms (not counting waiting on a busy machine) */
  totaalCpuMs: number;
  solverCpuMs: number;
  /** number of LP solves in this call */
  lpAanroepen: number;
  /** true when HiGHS' set of binding caps failed the exact check and the exact algorithm decided */
  lpGecorrigeerd: boolean;
  /** the LP text solved (CPLEX LP format), or null when no LP was needed */
  lp: string | null;
}

/** Allocates a scenario and reports how long it took and how much of that was HiGHS. */
export async function verdeelMetMeting(
  scenario: VerdelingScenario | unknown,
): Promise<{ uitkomst: VerdelingUitkomst; meting: Meting }> {
  const highs = await laadHighs();
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const voor = solverStatistiek();
  const geldig = controleerScenario(scenario);
  const { uitkomst, diagnose }: { uitkomst: VerdelingUitkomst; diagnose: Diagnose } = verdeelGeldig(
    geldig,
    highsSolver(highs),
  );
  const na = solverStatistiek();
  const cpu = process.cpuUsage(c0);
  return {
    uitkomst,
    meting: {
      totaalMs: performance.now() - t0,
      solverMs: na.solverMs - voor.solverMs,
      totaalCpuMs: (cpu.user + cpu.system) / 1000,
      solverCpuMs: na.solverCpuMs - voor.solverCpuMs,
      lpAanroepen: na.aanroepen - voor.aanroepen,
      lpGecorrigeerd: diagnose.lpGecorrigeerd,
      lp: diagnose.lp,
    },
  };
}

/**
 * The engine: production agreements for one region × year under model Q, P or toekenning.
 * Throws AppError 400 (`scenario-ongeldig`, with field errors) on an invalid scenario. An
 * infeasible scenario is not an error: status `onhaalbaar` with `conflicten`.
 */
export async function verdeel(scenario: VerdelingScenario): Promise<VerdelingUitkomst> {
  return (await verdeelMetMeting(scenario)).uitkomst;
}
