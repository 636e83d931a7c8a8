/**
 * Benchmark (not a test): the budget path on the demo (regio scale, PGlite or DATABASE_URL):
 * entering a contracteerruimte, 200 ledger mutations, a Q scenario computed through the job
 * runner (HiGHS), promotion of the proposal to productieafspraken (one new version + ledger line
 * per agreement), the CSV export and its re-import. Prints the figures; never fails on time.
 *
 *   node --import tsx bench/budget.bench.ts
 */
import { createTestDb } from '../src/testing.ts';
import { loadConfig } from '../src/platform/config.ts';
import { JobRunner } from '../src/platform/jobs.ts';
import type { AppContext } from '../src/platform/context.ts';
import { loadDemo } from '../src/demo/index.ts';
import { crAanmaken, crDetail } from '../src/budget/index.ts';
import { actorByEmail } from '../src/platform/auth/sessions.ts';
import { crReserve } from '../src/budget/service.ts';
import { scenarioAanmaken, scenarioBerekenen, scenarioDetail, scenarioPromoveren } from '../src/budget/scenario.ts';
import { exportRijen, importeer, naarCsv } from '../src/budget/spreadsheet.ts';

const tdb = await createTestDb();
const ctx: AppContext = {
  db: tdb.db,
  config: loadConfig({ passwordHashCost: 'test', databaseUrl: tdb.url }, {}),
  jobs: new JobRunner(tdb.db),
  now: () => new Date('2025-09-15T10:00:00Z'),
};
await loadDemo(ctx, { seed: 1, schaal: 'regio' });
const inkoper = (await actorByEmail(ctx.db, 'inkoper@cz.demo'))!;
const manager = (await actorByEmail(ctx.db, 'manager@cz.demo'))!;
const ms = (t0: number) => `${Math.round(performance.now() - t0)} ms`;

let t0 = performance.now();
const cr = await crAanmaken(ctx, inkoper, { regio: '5527', jaar: 2026, sector: 'VV', totaal: '500000000.00' });
console.log(`contracteerruimte invoeren: ${ms(t0)}`);
t0 = performance.now();
for (let i = 0; i < 200; i++) await crReserve(ctx, inkoper, cr.id, { bedrag: i % 2 ? '-1.00' : '1.00' });
console.log(`200 grootboekmutaties: ${ms(t0)} (${((performance.now() - t0) / 200).toFixed(1)} ms per mutatie)`);
t0 = performance.now();
const s = await scenarioAanmaken(ctx, inkoper, { regio: '5527', jaar: 2026, sector: 'VV', naam: 'bench', model: 'Q' });
console.log(`scenario kopiëren (${s.aanbieders.length} aanbieders): ${ms(t0)}`);
t0 = performance.now();
const { taakId } = await scenarioBerekenen(ctx, inkoper, s.id);
await ctx.jobs.done(taakId);
const d = await scenarioDetail(ctx, inkoper, s.id);
console.log(
  `scenario doorrekenen als taak: ${ms(t0)} (motor ${JSON.stringify(d.meting)}; ${d.voorstel!.regels.length} voorstelregels)`,
);
t0 = performance.now();
await scenarioPromoveren(ctx, manager, s.id, {});
console.log(`omzetten in afspraken (${d.voorstel!.regels.length} versies + grootboekregels): ${ms(t0)}`);
t0 = performance.now();
const e = await exportRijen(ctx, inkoper, { jaar: 2026, regio: '5527' });
const csv = naarCsv(e.rijen, { voorbeeld: false, toelichting: e.deadline.omschrijving });
console.log(`export CSV (${e.rijen.length} regels, ${csv.length} tekens): ${ms(t0)}`);
t0 = performance.now();
await importeer(ctx, inkoper, { bestandsnaam: 'bench.csv', bytes: Buffer.from(csv) });
console.log(`import CSV (${e.rijen.length} regels, alles of niets): ${ms(t0)}`);
const c = (await crDetail(ctx, inkoper, cr.id)) as Awaited<ReturnType<typeof crAanmaken>>;
console.log(
  `grootboek: ${c.mutaties!.length} mutaties, in balans: ${c.controle.inBalans && c.controle.mutatiesKloppen && c.controle.afsprakenKloppen}`,
);
await ctx.jobs.idle();
await tdb.close();
