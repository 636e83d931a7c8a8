/**
 * Benchmark (not a test): generates and loads the national demo data set (seed 1, ~2,000
 * providers, ~300,000 clients, 12 months of realisatie) into a fresh in-memory PGlite database,
 * or a fresh database on DATABASE_URL, and prints the time and rows per second.
 *   node --import tsx bench/demo.bench.ts [--seed 1] [--schaal nationaal|regio]
 */
import { createTestDb } from '../src/testing.ts';
import { loadConfig } from '../src/platform/config.ts';
import { JobRunner } from '../src/platform/jobs.ts';
import type { AppContext } from '../src/platform/context.ts';
import { loadDemo, classificatieMix } from '../src/demo/index.ts';
import { generateDemo, omvangVoor } from '../src/demo/generator.ts';
import { voorbeeldTarieven } from '../src/demo/index.ts';

const arg = (naam: string, std: string) => {
  const i = process.argv.indexOf(`--${naam}`);
  return i > 0 ? process.argv[i + 1] : std;
};
const seed = Number(arg('seed', '1'));
const schaal = arg('schaal', 'nationaal') as 'regio' | 'nationaal';

const g0 = performance.now();
generateDemo(seed, omvangVoor(schaal), voorbeeldTarieven());
const genereren = (performance.now() - g0) / 1000;

const tdb = await createTestDb();
const ctx: AppContext = {
  db: tdb.db,
  config: loadConfig({ passwordHashCost: 'test', databaseUrl: tdb.url }, {}),
  jobs: new JobRunner(tdb.db),
  now: () => new Date(),
};
const t0 = performance.now();
// time per phase, from the progress steps loadDemo reports (a step lasts until the next one starts)
const fasen: [string, number][] = [];
let vorige = { stap: 'start', t: t0 };
const importFasen: Record<string, number> = {};
const r = await loadDemo(ctx, { seed, schaal, importFasen }, async (_f, stap = '') => {
  const nu = performance.now();
  if (stap !== vorige.stap) {
    fasen.push([vorige.stap, nu - vorige.t]);
    vorige = { stap, t: nu };
  }
});
const totaal = (performance.now() - t0) / 1000;
fasen.push([vorige.stap, performance.now() - vorige.t]);
const rijen = Object.values(r.rijen).reduce((a, b) => a + b, 0);
console.log(`demo ${schaal} seed ${seed} op ${tdb.db.kind}`);
for (const [t, n] of Object.entries(r.rijen)) console.log(`  ${t.padEnd(18)} ${String(n).padStart(9)}`);
const perFase = new Map<string, number>();
for (const [f, ms] of fasen) perFase.set(f.replace(/ \(.*\)$/, ''), (perFase.get(f.replace(/ \(.*\)$/, '')) ?? 0) + ms);
for (const [f, ms] of perFase) console.log(`  fase ${f.padEnd(28)} ${(ms / 1000).toFixed(1).padStart(6)} s`);
for (const [f, ms] of Object.entries(importFasen))
  console.log(`    import ${f.padEnd(26)} ${(ms / 1000).toFixed(1).padStart(6)} s`);
console.log(`  alleen genereren    ${genereren.toFixed(1)} s`);
console.log(`  genereren + laden   ${totaal.toFixed(1)} s, ${rijen} rijen, ${Math.round(rijen / totaal)} rijen/s`);
console.log(`  classificatiemix    ${JSON.stringify(await classificatieMix(tdb.db))}`);
await tdb.close();
