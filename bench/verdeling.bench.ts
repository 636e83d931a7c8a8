/**
 * Benchmark (not a test): the allocation engine on a national scenario — the 31 active regions
 * (COD001) × 300 providers × 40 prestaties, generated deterministically (fixed LCG seed; fictitious
 * amounts, not real budgets or NZa tariffs). Per region three runs through `verdeelMetMeting`, the
 * same entry point as the CLI and the API:
 *   - model Q with a plafond on a third of the providers (HiGHS decides which caps bind),
 *   - toekenning whose initial agreements do not fit the budget (HiGHS: uniform cut, caps respected),
 *   - model P with 40 prestaties per provider (no LP; 372,000 lines in exact decimals).
 * Prints the total time, the time inside HiGHS and the ratio overhead / solver time (overhead =
 * total − HiGHS: validation, LP text, exact amounts, rounding, explanation). HiGHS' one-off load
 * is reported separately. Goal: under 10 s in all, overhead under 1.5× solver time for the LP models.
 */
import fs from 'node:fs';
import { laadHighs, resetSolverStatistiek, solverStatistiek, verdeelMetMeting } from '../src/budget/verdeling.ts';
import type { VerdelingScenario } from '../src/domain/budget/types.ts';

const AANBIEDERS = 300;
const PRESTATIES = 40;

let seed = 20270101;
const rnd = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const centen = (n: number) => (Math.round(n) / 100).toFixed(2);

const regios: string[] = JSON.parse(
  fs.readFileSync(new URL('../src/reference/data/regios.json', import.meta.url), 'utf8'),
)
  .regios.filter((r: { actief: boolean }) => r.actief)
  .map((r: { code: string }) => r.code);
if (regios.length !== 31) throw new Error(`verwacht 31 actieve regio's, gevonden ${regios.length}`);

function regioScenarios(regio: string): { Q: VerdelingScenario; toekenning: VerdelingScenario; P: VerdelingScenario } {
  const aanbieders = Array.from({ length: AANBIEDERS }, (_, i) => {
    const realisatieCent = Math.floor(20_000_000 + rnd() * 5_000_000_000); // € 0.2 mln – € 50 mln (fictief)
    return {
      id: `${regio}-za-${String(i + 1).padStart(3, '0')}`,
      realisatieCent,
      score: (Math.floor(rnd() * 101) / 10).toString(),
      plafondCent: i % 3 === 0 ? Math.floor(realisatieCent * (0.95 + rnd() * 0.1)) : null,
      prestaties: Array.from({ length: PRESTATIES }, (_, j) => ({
        code: `VB${String(j + 1).padStart(2, '0')}`,
        maxTarief: centen(5_000 + rnd() * 30_000),
        volume: String(Math.floor(rnd() * 2_000)),
      })),
    };
  });
  const somRealisatie = aanbieders.reduce((s, a) => s + a.realisatieCent, 0);
  const basis = { jaar: 2027, regio, toelichting: 'BENCHMARK — fictieve bedragen' };
  return {
    Q: {
      ...basis,
      model: 'Q',
      contracteerruimte: centen(somRealisatie * 1.02),
      reserve: centen(somRealisatie * 0.01),
      vloerPercentage: '90',
      aanbieders: aanbieders.map((a) => ({
        id: a.id,
        realisatieVorigJaar: centen(a.realisatieCent),
        score: a.score,
        ...(a.plafondCent !== null ? { plafond: centen(a.plafondCent) } : {}),
      })),
    },
    toekenning: {
      ...basis,
      model: 'toekenning',
      contracteerruimte: centen(somRealisatie * 0.8),
      toekenningspercentage: '85',
      aanbieders: aanbieders.map((a) => ({
        id: a.id,
        realisatieVorigJaar: centen(a.realisatieCent),
        ...(a.plafondCent !== null ? { plafond: centen(a.plafondCent * 0.8) } : {}),
      })),
    },
    P: {
      ...basis,
      model: 'P',
      contracteerruimte: centen(somRealisatie * 0.9),
      startPercentage: '90',
      prijsTrappen: [
        { vanafScore: '6', percentage: '93' },
        { vanafScore: '8', percentage: '96' },
      ],
      aanbieders: aanbieders.map((a) => ({ id: a.id, score: a.score, prestaties: a.prestaties })),
    },
  };
}

const tGen = performance.now();
const scenarios = regios.map(regioScenarios);
const genMs = performance.now() - tGen;

const tLaad = performance.now();
await laadHighs();
const laadMs = performance.now() - tLaad;

const fmt = (ms: number) => `${(ms / 1000).toFixed(3)} s`;
const verh = (totaal: number, solver: number) => (solver > 0 ? `${((totaal - solver) / solver).toFixed(2)}×` : '–');
interface Som {
  totaal: number;
  solver: number;
  cpu: number;
  solverCpu: number;
}
const rij = (naam: string, t: Som, lp: number, gecorrigeerd: number, extra = '') =>
  console.log(
    `${naam.padEnd(11)} wand ${fmt(t.totaal).padStart(9)} (HiGHS ${fmt(t.solver)}, overhead/HiGHS ${verh(t.totaal, t.solver)})` +
      `  CPU ${fmt(t.cpu).padStart(9)} (HiGHS ${fmt(t.solverCpu)}, overhead/HiGHS ${verh(t.cpu, t.solverCpu)})` +
      `  ${lp} LP's${gecorrigeerd ? `, ${gecorrigeerd} gecorrigeerd` : ''}${extra}`,
  );

console.log(
  `Nationaal scenario: ${regios.length} regio's × ${AANBIEDERS} aanbieders × ${PRESTATIES} prestaties (gegenereerd in ${fmt(genMs)})`,
);
console.log(`HiGHS laden (eenmalig): ${fmt(laadMs)}\n`);

resetSolverStatistiek();
const tAlles = performance.now();
const cAlles = process.cpuUsage();
let lpTotaal = 0;
const lpModellen: Som = { totaal: 0, solver: 0, cpu: 0, solverCpu: 0 };
for (const model of ['Q', 'toekenning', 'P'] as const) {
  const t: Som = { totaal: 0, solver: 0, cpu: 0, solverCpu: 0 };
  let lp = 0;
  let gecorrigeerd = 0;
  const statussen = new Map<string, number>();
  for (const s of scenarios) {
    const { uitkomst, meting } = await verdeelMetMeting(s[model]);
    t.totaal += meting.totaalMs;
    t.solver += meting.solverMs;
    t.cpu += meting.totaalCpuMs;
    t.solverCpu += meting.solverCpuMs;
    lp += meting.lpAanroepen;
    if (meting.lpGecorrigeerd) gecorrigeerd++;
    statussen.set(uitkomst.status, (statussen.get(uitkomst.status) ?? 0) + 1);
  }
  rij(model, t, lp, gecorrigeerd, `; status ${[...statussen].map(([k, v]) => `${k} ${v}×`).join(', ')}`);
  lpTotaal += lp;
  if (model !== 'P') for (const k of ['totaal', 'solver', 'cpu', 'solverCpu'] as const) lpModellen[k] += t[k];
}
const allesMs = performance.now() - tAlles;
const c = process.cpuUsage(cAlles);
const allesCpuMs = (c.user + c.system) / 1000;
const st = solverStatistiek();
console.log('');
console.log(
  `Totaal (3 × 31 verdelingen): wand ${fmt(allesMs)}, CPU ${fmt(allesCpuMs)}; binnen HiGHS wand ${fmt(st.solverMs)}, CPU ${fmt(st.solverCpuMs)} (${lpTotaal} LP's)`,
);
console.log(
  `LP-modellen (Q + toekenning): overhead/HiGHS wand ${verh(lpModellen.totaal, lpModellen.solver)}, CPU ${verh(lpModellen.cpu, lpModellen.solverCpu)} (doel < 1,5×)`,
);
console.log(
  `Doel alles onder 10 s: ${allesMs < 10_000 ? 'gehaald' : 'niet gehaald'} (wand ${fmt(allesMs)}, CPU ${fmt(allesCpuMs)}; belasting van de machine: ${(await import('node:os')).loadavg()[0].toFixed(1)})`,
);
