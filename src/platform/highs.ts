/**
 * HiGHS (WebAssembly, npm package `highs`) behind one function: solve an LP given as CPLEX LP
 * text. The module is loaded once per process and reused; time spent inside HiGHS is counted so
 * the benchmark can compare it with the rest of the engine.
 */
import * as highsModule from 'highs';
import type { LpOplossing, LpSolver } from '../domain/budget/lp.ts';

/** The part of the `highs` API used here (its one-shot `solve` on LP text). */
interface Highs {
  solve(
    lp: string,
    options?: Record<string, unknown>,
  ): {
    Status: string;
    Columns: Record<string, { Primal?: number; Status?: string }>;
  };
}
// The package ships CommonJS and ESM builds; depending on the loader the function is the default
// export or the module itself.
const mod = highsModule as unknown as { default?: unknown };
const highsLoader = (typeof mod.default === 'function' ? mod.default : mod) as () => Promise<Highs>;

let laden: Promise<Highs> | null = null;
let solverMs = 0;
let solverCpuMs = 0;
let aanroepen = 0;

/** Loads HiGHS once (about 30 ms the first time). */
export function laadHighs(): Promise<Highs> {
  if (!laden) laden = highsLoader();
  return laden;
}

/**
 * Cumulative time inside HiGHS `solve` since the start of the process (or the last reset): wall
 * time and CPU time of this process (the latter does not count waiting on a busy machine).
 */
export function solverStatistiek(): { solverMs: number; solverCpuMs: number; aanroepen: number } {
  return { solverMs, solverCpuMs, aanroepen };
}
export function resetSolverStatistiek(): void {
  solverMs = 0;
  solverCpuMs = 0;
  aanroepen = 0;
}

// Primal simplex without presolve: measured fastest on these models (300 columns: ~20–40 ms
// against ~150–400 ms with the defaults). One thread, no time limit: results never depend on the
// machine's load.
const OPTIES = {
  solver: 'simplex',
  simplex_strategy: 4,
  presolve: 'off',
  parallel: 'off',
  output_flag: false,
} as const;

/** A synchronous solver for the domain; call after `laadHighs()` resolved. */
export function highsSolver(highs: Highs): LpSolver {
  return (lp: string): LpOplossing => {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const r = highs.solve(lp, OPTIES);
    const c = process.cpuUsage(c0);
    solverMs += performance.now() - t0;
    solverCpuMs += (c.user + c.system) / 1000;
    aanroepen++;
    const kolommen: LpOplossing['kolommen'] = {};
    if (r.Status === 'Optimal')
      for (const [naam, k] of Object.entries(r.Columns)) {
        kolommen[naam] = { waarde: k.Primal ?? 0, basis: k.Status ?? '' };
      }
    return { status: r.Status, kolommen };
  };
}
