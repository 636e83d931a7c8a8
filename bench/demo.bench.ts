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
const r = await loadDemo(ctx, { seed, schaal });
const totaal = (performance.now() - t0) / 1000;
const rijen = Object.values(r.rijen).reduce((a, b) => a + b, 0);
console.log(`demo ${schaal} seed ${seed} op ${tdb.db.kind}`);
for (const [t, n] of Object.entries(r.rijen)) console.log(`  ${t.padEnd(18)} ${String(n).padStart(9)}`);
console.log(`  alleen genereren    ${genereren.toFixed(1)} s`);
console.log(`  genereren + laden   ${totaal.toFixed(1)} s, ${rijen} rijen, ${Math.round(rijen / totaal)} rijen/s`);
console.log(`  classificatiemix    ${JSON.stringify(await classificatieMix(tdb.db))}`);
await tdb.close();
