/**
 * Generated monthly realisation (example data, no real providers or budgets) to measure the
 * year-end forecast: a seasonal profile, a yearly trend and monthly noise, all in integer cents from
 * a seeded generator, so a run is repeatable. Used by monitoring.test.ts and bench/prognose.bench.ts.
 */

/** mulberry32: small deterministic PRNG; returns integers in [0, n). */
export function rng(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n: number) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) % n) | 0;
  };
}

/**
 * Per mille of an average month: fewer declarations in summer, a December catch-up (late
 * declarations before the year closes). An illustrative shape, not measured data.
 */
export const SEIZOEN_PROMILLE = [1030, 960, 1010, 990, 985, 950, 900, 915, 1005, 1040, 1045, 1170];

export interface Reeks {
  jaren: bigint[][];
}

/**
 * One provider: `jaren` complete years of 12 months. Base monthly amount between 20k and 520k
 * euro, yearly trend −4 … +8 %, monthly noise ± `ruisPromille`, the provider's own seasonal
 * deviation ± 30 per mille per month.
 */
export function genereerAanbieder(r: (n: number) => number, jaren = 4, ruisPromille = 40): Reeks {
  const basis = BigInt(20_000_00 + r(500_000_00));
  const trend = BigInt(r(121) - 40); // per mille per year
  const eigen = SEIZOEN_PROMILLE.map((s) => BigInt(s + r(61) - 30));
  const out: bigint[][] = [];
  for (let j = 0; j < jaren; j++) {
    const jaarFactor = 1000n + trend * BigInt(j);
    out.push(
      eigen.map((s) => {
        const ruis = BigInt(1000 + r(2 * ruisPromille + 1) - ruisPromille);
        return (basis * jaarFactor * s * ruis) / 1_000_000_000n;
      }),
    );
  }
  return { jaren: out };
}
