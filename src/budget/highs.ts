/**
 * HiGHS for the budget capability: the generic wrapper lives in src/platform/highs.ts (realisatie's
 * herschikking uses the same solver and may not reach budget's files).
 */
export { laadHighs, highsSolver, solverStatistiek, resetSolverStatistiek } from '../platform/highs.ts';
