/**
 * Benchmark (not a test) of the realisatie monitoring endpoints: loads the national demo data set
 * (seed 1, fictional) into a fresh database on the PostgreSQL server, starts the app on loopback,
 * signs in as a zorgkantoor user (inkoper@cz.demo) and a provider user, and hits each endpoint with
 * autocannon, bounded (10 connections, a fixed number of requests per endpoint). Prints p50/p95/p99
 * latency and requests per second per endpoint, and whether p95 < 200 ms.
 *
 *   npm run bench:api                       (DATABASE_URL or postgres://postgres@127.0.0.1:5432/test)
 *   npm run bench:api -- --verzoeken 500 --verbindingen 10 --schaal regio
 *
 * Prints figures; nothing passes or fails on time.
 */
import crypto from 'node:crypto';
import autocannon from 'autocannon';
import { openDb } from '../src/platform/db/index.ts';
import { loadConfig } from '../src/platform/config.ts';
import { JobRunner } from '../src/platform/jobs.ts';
import type { AppContext } from '../src/platform/context.ts';
import { buildApp } from '../src/platform/http/app.ts';
import { capabilities } from '../src/capabilities.ts';
import { prepareDatabase } from '../src/setup.ts';
import { loadDemo, DEMO_PASSWORD, DEMO_ZORGKANTOOR, DEMO_ACCOUNTS } from '../src/demo/index.ts';
import { ensureBudgetVoorbeelden } from '../src/demo/budget-voorbeelden.ts';

const arg = (naam: string, std: string) => {
  const i = process.argv.indexOf(`--${naam}`);
  return i > 0 ? process.argv[i + 1] : std;
};
const VERZOEKEN = Number(arg('verzoeken', '1000'));
const VERBINDINGEN = Number(arg('verbindingen', '10'));
const SCHAAL = arg('schaal', 'nationaal') as 'regio' | 'nationaal';
const PG_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

const naam = `zk_bench_api_${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
const admin = await openDb({ databaseUrl: PG_URL });
await admin.exec(`CREATE DATABASE ${naam}`);
await admin.close();
const u = new URL(PG_URL);
u.pathname = '/' + naam;
const db = await openDb({ databaseUrl: u.href });

try {
  await prepareDatabase(db);
  const ctx: AppContext = {
    db,
    config: loadConfig(
      {
        passwordHashCost: 'test',
        databaseUrl: u.href,
        sleutelPersoonsgegevens: crypto.randomBytes(32).toString('base64'),
      },
      {},
    ),
    jobs: new JobRunner(db),
    now: () => new Date(),
  };
  const t0 = performance.now();
  await loadDemo(ctx, { seed: 1, schaal: SCHAAL });
  await ensureBudgetVoorbeelden(ctx);
  await db.exec('ANALYZE');
  console.log(
    `Demodata ${SCHAAL} (seed 1, fictief) geladen op PostgreSQL in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  const { jaar } = await db.one<{ jaar: number }>('SELECT max(jaar)::int AS jaar FROM realisatie');
  const regios = await db.query<{ regio_code: string; n: number }>(
    `SELECT r.regio_code, count(DISTINCT r.organisatie_id)::int AS n FROM realisatie r
       JOIN regio_concessie c ON c.regio_code = r.regio_code AND c.jaar = r.jaar AND c.organisatie_id = $2
      WHERE r.jaar = $1 GROUP BY 1 ORDER BY 2 DESC LIMIT 1`,
    [jaar, DEMO_ZORGKANTOOR],
  );
  if (!regios.length) throw new Error(`geen realisatie in een regio van ${DEMO_ZORGKANTOOR} in ${jaar}`);
  const regio = regios[0].regio_code;
  const aanbiederRegio = await db.maybeOne<{ regio_code: string }>(
    'SELECT regio_code FROM realisatie WHERE organisatie_id = $1 AND jaar = $2 LIMIT 1',
    [DEMO_ACCOUNTS.find((a) => a.email === 'contractmanager@zonnehof.demo')!.organisatieId, jaar],
  );

  const app = await buildApp(ctx, { capabilities, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  const login = async (email: string) => {
    const r = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, wachtwoord: DEMO_PASSWORD }),
    });
    if (r.status !== 200) throw new Error(`inloggen als ${email}: ${r.status} ${await r.text()}`);
    return { cookie: String(r.headers.get('set-cookie')).split(';')[0] };
  };
  const zk = await login('inkoper@cz.demo');
  const endpoints: { naam: string; pad: string; headers: Record<string, string> }[] = [
    { naam: 'monitor (zorgkantoor)', pad: `/api/v1/realisatie/monitor?jaar=${jaar}&regio=${regio}`, headers: zk },
    {
      naam: 'monitor tot maand 6',
      pad: `/api/v1/realisatie/monitor?jaar=${jaar}&regio=${regio}&totMaand=6`,
      headers: zk,
    },
    { naam: 'uitputting (zorgkantoor)', pad: `/api/v1/realisatie/uitputting?jaar=${jaar}&regio=${regio}`, headers: zk },
    { naam: 'herschikkingsrondes', pad: `/api/v1/realisatie/herschikkingsrondes?jaar=${jaar}`, headers: zk },
  ];
  if (aanbiederRegio) {
    const za = await login('contractmanager@zonnehof.demo').catch(() => null);
    if (za)
      endpoints.push(
        {
          naam: 'monitor (aanbieder)',
          pad: `/api/v1/realisatie/monitor?jaar=${jaar}&regio=${aanbiederRegio.regio_code}`,
          headers: za,
        },
        {
          naam: 'uitputting (aanbieder)',
          pad: `/api/v1/realisatie/uitputting?jaar=${jaar}&regio=${aanbiederRegio.regio_code}`,
          headers: za,
        },
      );
  }
  const { n: rijen } = await db.one<{ n: number }>('SELECT count(*)::int AS n FROM realisatie');
  console.log(
    `Realisatie: ${rijen.toLocaleString('nl-NL')} rijen; regio ${regio} (${regios[0].n} aanbieders), jaar ${jaar}; ${VERBINDINGEN} verbindingen, ${VERZOEKEN} verzoeken per endpoint`,
  );
  for (const e of endpoints) {
    const check = await fetch(base + e.pad, { headers: e.headers });
    if (check.status !== 200) {
      console.log(`${e.naam.padEnd(26)} status ${check.status}: ${(await check.text()).slice(0, 200)}`);
      continue;
    }
    // exact percentiles from every response time (autocannon's own summary has no p95)
    const tijden: number[] = [];
    const t1 = performance.now();
    const inst = autocannon({ url: base + e.pad, connections: VERBINDINGEN, amount: VERZOEKEN, headers: e.headers });
    inst.on('response', (_c: unknown, _status: number, _bytes: number, ms: number) => tijden.push(ms));
    const r = await inst;
    const per = (performance.now() - t1) / 1000;
    tijden.sort((a, b) => a - b);
    const p = (q: number) => tijden[Math.min(tijden.length - 1, Math.ceil((q / 100) * tijden.length) - 1)] ?? NaN;
    const fout = r.non2xx + r.errors + r.timeouts;
    const ms = (x: number) => x.toFixed(1).padStart(7);
    console.log(
      `${e.naam.padEnd(26)} p50 ${ms(p(50))} ms  p95 ${ms(p(95))} ms  p99 ${ms(p(99))} ms  ${Math.round(
        tijden.length / per,
      )
        .toLocaleString('nl-NL')
        .padStart(6)} verzoeken/s  p95 < 200 ms: ${p(95) < 200 ? 'ja' : 'NEE'}${fout ? `  (${fout} fout)` : ''}`,
    );
  }
  await app.close();
} finally {
  await db.close();
  const a = await openDb({ databaseUrl: PG_URL });
  await a.exec(`DROP DATABASE IF EXISTS ${naam} WITH (FORCE)`);
  await a.close();
}
