/**
 * Error of the year-end forecast (src/domain/realisatie/monitoring.ts) on generated data: 2,000
 * example providers, 3 complete past years and the current year, forecast after 3, 6 and 9 months.
 * Prints the weighted absolute percentage error (Σ|prognose − werkelijk| / Σ werkelijk) per method.
 * Figures only; nothing passes or fails. Run: npm run bench:prognose
 */
import { jaarprognose } from '../src/domain/realisatie/monitoring.ts';
import { genereerAanbieder, rng } from '../src/domain/realisatie/testdata.ts';

const N = Number(process.env.AANBIEDERS ?? 2000);
for (const ruis of [20, 40, 80]) {
  const r = rng(2027);
  const som = new Map<string, [bigint, bigint]>();
  const add = (k: string, p: bigint, w: bigint) => {
    const x = som.get(k) ?? [0n, 0n];
    x[0] += p > w ? p - w : w - p;
    x[1] += w;
    som.set(k, x);
  };
  for (let i = 0; i < N; i++) {
    const { jaren } = genereerAanbieder(r, 4, ruis);
    const dit = jaren[3];
    const werkelijk = dit.reduce((s, x) => s + x, 0n);
    for (const m of [3, 6, 9]) {
      add(`seizoen  m=${m}`, jaarprognose(dit.slice(0, m), jaren.slice(0, 3)).prognose, werkelijk);
      add(`lineair  m=${m}`, jaarprognose(dit.slice(0, m)).prognose, werkelijk);
    }
  }
  console.log(`\nmaandruis ±${ruis / 10}% — ${N} aanbieders (voorbeelddata), gewogen absolute fout:`);
  for (const [k, [f, w]] of [...som].sort()) console.log(`  ${k}: ${(Number((f * 10000n) / w) / 100).toFixed(2)}%`);
}
