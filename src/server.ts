/** Starting the product: database, migrations, demo data on first start, HTTP server. */
import type { Config } from './platform/config.ts';
import { openDb } from './platform/db/index.ts';
import { prepareDatabase } from './setup.ts';
import { JobRunner } from './platform/jobs.ts';
import { buildApp } from './platform/http/app.ts';
import { capabilities } from './capabilities.ts';
import { AppError } from './platform/errors.ts';
import type { AppContext } from './platform/context.ts';
import { ensureDemo, DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo/index.ts';
import { ensureInkoopVoorbeelden } from './demo/inkoop-voorbeelden.ts';
import { beveiligOudeBsns } from './clientstroom/index.ts';
import { ensureBudgetVoorbeelden } from './demo/budget-voorbeelden.ts';

export async function startServer(config: Config, opts: { demo: boolean; log: (m: string) => void }) {
  if (!Number.isInteger(config.port) || config.port < 0 || config.port > 65535) {
    throw new AppError(1, 'poort-ongeldig', `Poort "${config.port}" is geen geldig poortnummer.`, {
      actie: 'Gebruik PORT of --port met een getal van 1 tot 65535.',
    });
  }
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const ctx: AppContext = { db, config, jobs: new JobRunner(db), now: () => new Date() };
  const applied = await prepareDatabase(db);
  await ctx.jobs.markInterrupted();
  if (applied.length) opts.log(`Database bijgewerkt: ${applied.length} migratie(s) uitgevoerd.`);
  // Client rows written before BSNs were protected are converted with the key this server holds.
  const omgezet = await beveiligOudeBsns(ctx);
  if (omgezet) opts.log(`${omgezet} BSN('s) omgezet naar token en versleuteling.`);
  if (opts.demo) {
    const loaded = await ensureDemo(ctx, { seed: 1, schaal: 'regio' }, async (f, stap) => {
      if (stap) opts.log(`  demodata: ${stap} (${Math.round(f * 100)}%)`);
    });
    if (loaded) opts.log('Demodata geladen (fictief, seed 1, schaal regio).');
    if (await ensureInkoopVoorbeelden(ctx))
      opts.log('Voorbeeldprocedures aangemaakt (dialoogmodel, open house, best value; fictief).');
    if (await ensureBudgetVoorbeelden(ctx))
      opts.log(
        'Voorbeeld-contracteerruimtes aangemaakt voor de regio’s van CZ (voorbeeldcijfers, geen werkelijke budgetten).',
      );
  }
  // Structured JSON log on stdout (pino; level from LOG_LEVEL, default info; see docs/beheer.md).
  const app = await buildApp(ctx, { capabilities, logger: true, serveWeb: true });
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (e: any) {
    await app.close();
    await db.close();
    if (e.code === 'EADDRINUSE')
      throw new AppError(1, 'poort-bezet', `Poort ${config.port} is al in gebruik.`, {
        actie: 'Stop het andere programma of kies een andere poort met PORT=… of --port.',
      });
    if (e.code === 'EACCES')
      throw new AppError(1, 'poort-geweigerd', `Geen rechten om op poort ${config.port} te luisteren.`, {
        actie: 'Kies een poort boven 1024.',
      });
    throw e;
  }
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}/`;
  opts.log(`Zorginkoop Wlz draait op ${url}`);
  opts.log(
    `Database: ${db.kind === 'pglite' ? `ingebouwd (PGlite) in ${config.dataDir}` : 'PostgreSQL-server (DATABASE_URL)'}`,
  );
  if (opts.demo) {
    opts.log(`Demo-accounts (wachtwoord voor alle accounts: ${DEMO_PASSWORD}):`);
    for (const a of DEMO_ACCOUNTS) opts.log(`  ${a.email.padEnd(38)} ${a.omschrijving}`);
  }
  const shutdown = async () => {
    await app.close();
    await ctx.jobs.idle();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  return { app, ctx, url };
}
