/**
 * Benchmark (not a test) of the declaration import (src/realisatie/service.ts importeerDeclaraties):
 * a generated file of 1,000,000 declaration lines (example data: fictional providers, clients and
 * amounts), imported into PGlite and into PostgreSQL. Each figure is also given as a ratio to a raw
 * COPY of the same file into a bare table (text columns, no checks) on the same engine in the same
 * run. Every phase runs in its own child process, so its peak RSS is its own. PGlite runs on a data
 * directory on disk, as the product does (--data-dir): in-memory PGlite (what the tests use) slows
 * down sharply once tables pass a few hundred thousand rows.
 *
 *   npm run bench:import                      (PostgreSQL: DATABASE_URL or postgres://postgres@127.0.0.1:5432/test)
 *   REGELS=200000 npm run bench:import        (a smaller file)
 *   npm run bench:import -- --regels 10000000 (10 million lines, the bounded-memory check)
 *   npm run bench:import -- --engine postgres (one engine only)
 *
 * Prints figures; nothing passes or fails on time.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDb, type Db } from '../src/platform/db/index.ts';
import { loadConfig } from '../src/platform/config.ts';
import { JobRunner } from '../src/platform/jobs.ts';
import { prepareDatabase } from '../src/setup.ts';
import { importeerDeclaraties } from '../src/realisatie/service.ts';

const JAAR = 2027;
const AANBIEDERS = 250;
const PRESTATIES_PER_AANBIEDER = 8;
const PG_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const self = fileURLToPath(import.meta.url);

interface Meting {
  fase: string;
  regels: number;
  seconden: number;
  maxRssMb: number;
  status?: string;
  /** seconds per phase of the import */
  fasen?: Record<string, number>;
}

// ------------------------------------------------------------------ generated data
const aanbiederId = (i: number) => `za-bench-${String(i).padStart(4, '0')}`;

async function prestatieCodes(db: Db): Promise<string[]> {
  const rows = await db.query<{ code: string }>(
    "SELECT code FROM prestatie WHERE eenheid IN ('dag','uur') ORDER BY code LIMIT $1",
    [PRESTATIES_PER_AANBIEDER * 4],
  );
  return rows.map((r) => r.code);
}

function afspraakVan(i: number, codes: string[]): string[] {
  return Array.from({ length: PRESTATIES_PER_AANBIEDER }, (_, k) => codes[(i * 3 + k) % codes.length]);
}

/** The bench's fixtures: example providers and agreements (a direct write into budget's table, bench only). */
async function fixtures(db: Db): Promise<{ regio: string; codes: string[] }> {
  const regio = (await db.one<{ code: string }>('SELECT code FROM regio ORDER BY code LIMIT 1')).code;
  const codes = await prestatieCodes(db);
  const sector = await db.query<{ code: string; sector: string }>(
    'SELECT code, sector FROM prestatie WHERE code = ANY($1)',
    [codes],
  );
  const sectorVan = new Map(sector.map((s) => [s.code, s.sector]));
  await db.copyInto(
    'organisatie',
    ['id', 'soort', 'naam', 'voorbeeld'],
    Array.from({ length: AANBIEDERS }, (_, i) => [aanbiederId(i), 'zorgaanbieder', `Voorbeeldaanbieder ${i}`, true]),
  );
  const rows: unknown[][] = [];
  for (let i = 0; i < AANBIEDERS; i++)
    for (const code of afspraakVan(i, codes))
      rows.push([JAAR, regio, aanbiederId(i), sectorVan.get(code), code, '150.00', '100000.00', '15000000.00']);
  await db.copyInto(
    'productieafspraak',
    ['jaar', 'regio_code', 'organisatie_id', 'sector', 'prestatie_code', 'prijs', 'volume', 'bedrag'],
    rows,
  );
  return { regio, codes };
}

async function genereer(bestand: string, regels: number, codes: string[]): Promise<void> {
  const out = fs.createWriteStream(bestand);
  const schrijf = (s: string) =>
    out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r()));
  await schrijf('client;aanbieder;prestatie;periode;aantal;bedrag\n');
  const perCombinatie = AANBIEDERS * PRESTATIES_PER_AANBIEDER * 12;
  const clienten = Math.ceil(regels / perCombinatie);
  let n = 0;
  let buf = '';
  outer: for (let c = 0; c < clienten; c++)
    for (let i = 0; i < AANBIEDERS; i++)
      for (const code of afspraakVan(i, codes))
        for (let m = 1; m <= 12; m++) {
          if (n++ >= regels) break outer;
          const aantal = 1 + ((c * 7 + i + m) % 30);
          buf += `clt-${c}-${i};${aanbiederId(i)};${code};${JAAR}-${String(m).padStart(2, '0')};${aantal};${aantal * 150}.00\n`;
          if (buf.length > 1 << 16) {
            await schrijf(buf);
            buf = '';
          }
        }
  await schrijf(buf);
  await new Promise<void>((r) => out.end(() => r()));
}

// ------------------------------------------------------------------ phases (child processes)
const BARE = 'CREATE TABLE kaal (client text, aanbieder text, prestatie text, periode text, aantal text, bedrag text)';

async function nieuweDatabase(engine: 'pglite' | 'postgres'): Promise<{ db: Db; opruimen: () => Promise<void> }> {
  if (engine === 'pglite') {
    // on disk, as the product runs it (--data-dir); in-memory PGlite slows down sharply on large tables
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zk-bench-pglite-'));
    const db = await openDb({ dataDir: dir });
    return {
      db,
      async opruimen() {
        await db.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const naam = `zk_bench_${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
  const admin = await openDb({ databaseUrl: PG_URL });
  await admin.exec(`CREATE DATABASE ${naam}`);
  await admin.close();
  const u = new URL(PG_URL);
  u.pathname = '/' + naam;
  const db = await openDb({ databaseUrl: u.href });
  return {
    db,
    async opruimen() {
      await db.close();
      const a = await openDb({ databaseUrl: PG_URL });
      await a.exec(`DROP DATABASE IF EXISTS ${naam} WITH (FORCE)`);
      await a.close();
    },
  };
}

async function faseRaw(engine: 'pglite' | 'postgres', bestand: string): Promise<Omit<Meting, 'fase' | 'maxRssMb'>> {
  if (engine === 'pglite') {
    // the straight path on PGlite: the whole file as a blob into COPY ... FROM '/dev/blob'
    const { PGlite } = await import('@electric-sql/pglite');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zk-bench-pglite-'));
    const pg = new PGlite(path.join(dir, 'pgdata'));
    await pg.waitReady;
    await pg.exec(BARE);
    const t0 = performance.now();
    await pg.query(`COPY kaal FROM '/dev/blob' WITH (FORMAT csv, HEADER true, DELIMITER ';')`, [], {
      blob: await fs.openAsBlob(bestand),
    });
    const seconden = (performance.now() - t0) / 1000;
    const regels = (await pg.query<{ n: number }>('SELECT count(*)::int AS n FROM kaal')).rows[0].n;
    await pg.close();
    fs.rmSync(dir, { recursive: true, force: true });
    return { regels, seconden };
  }
  const { db, opruimen } = await nieuweDatabase(engine);
  await db.exec(BARE);
  const pgmod = await import('pg');
  const { from: copyFrom } = await import('pg-copy-streams');
  const { pipeline } = await import('node:stream/promises');
  const u = new URL(PG_URL);
  u.pathname = '/' + (await db.one<{ d: string }>('SELECT current_database() AS d')).d;
  const client = new ((pgmod as any).default ?? pgmod).Client({ connectionString: u.href });
  await client.connect();
  const t0 = performance.now();
  await pipeline(
    fs.createReadStream(bestand, { highWaterMark: 1 << 20 }),
    client.query(copyFrom(`COPY kaal FROM STDIN WITH (FORMAT csv, HEADER true, DELIMITER ';')`)),
  );
  const seconden = (performance.now() - t0) / 1000;
  await client.end();
  const regels = (await db.one<{ n: number }>('SELECT count(*)::int AS n FROM kaal')).n;
  await opruimen();
  return { regels, seconden };
}

async function faseImport(engine: 'pglite' | 'postgres', bestand: string): Promise<Omit<Meting, 'fase' | 'maxRssMb'>> {
  const { db, opruimen } = await nieuweDatabase(engine);
  await prepareDatabase(db);
  await fixtures(db);
  const ctx = { db, config: loadConfig({}, {}), jobs: new JobRunner(db), now: () => new Date() };
  const fasen: Record<string, number> = {};
  const t0 = performance.now();
  const r = await importeerDeclaraties(ctx, null, bestand, {
    jaar: JAAR,
    modus: 'alles-of-niets',
    bestandsnaam: path.basename(bestand),
    fasen,
  });
  const seconden = (performance.now() - t0) / 1000;
  await opruimen();
  for (const k of Object.keys(fasen)) fasen[k] = Math.round(fasen[k]) / 1000;
  return {
    regels: r.geladen,
    seconden,
    status: `${r.status}, ${r.geweigerd} geweigerd, ${r.perioden} perioden`,
    fasen,
  };
}

// ------------------------------------------------------------------ driver
async function main() {
  const args = process.argv.slice(2);
  const fase = args[args.indexOf('--fase') + 1];
  if (args.includes('--fase')) {
    const bestand = args[args.indexOf('--bestand') + 1];
    const [soort, engine] = fase.split('-') as ['raw' | 'import', 'pglite' | 'postgres'];
    const m = soort === 'raw' ? await faseRaw(engine, bestand) : await faseImport(engine, bestand);
    const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    process.stdout.write('MEETING ' + JSON.stringify({ fase, ...m, maxRssMb }) + '\n');
    return;
  }

  const i = args.indexOf('--regels');
  const regels = Number(i >= 0 ? args[i + 1] : (process.env.REGELS ?? 1_000_000));
  if (!Number.isInteger(regels) || regels < 1) throw new Error('--regels: geef een positief geheel aantal regels');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zk-bench-import-'));
  const bestand = path.join(dir, 'declaraties.csv');
  const db = await openDb({});
  await prepareDatabase(db);
  const codes = await prestatieCodes(db);
  await db.close();
  const t0 = performance.now();
  await genereer(bestand, regels, codes);
  console.log(
    `Bestand: ${regels.toLocaleString('nl-NL')} regels, ${(fs.statSync(bestand).size / 1024 / 1024).toFixed(1)} MB, gegenereerd in ${((performance.now() - t0) / 1000).toFixed(1)} s (voorbeelddata)`,
  );

  let pgOk = true;
  try {
    const probe = await openDb({ databaseUrl: PG_URL });
    await probe.close();
  } catch (e) {
    pgOk = false;
    console.log(`PostgreSQL niet bereikbaar (${(e as Error).message}); alleen PGlite.`);
  }
  const metingen: Meting[] = [];
  // --engine pglite|postgres: only that engine (e.g. the 10 million line run on PostgreSQL alone)
  const e = args.indexOf('--engine');
  const alleen = e >= 0 ? args[e + 1] : null;
  const fasen = ['raw-pglite', 'import-pglite', ...(pgOk ? ['raw-postgres', 'import-postgres'] : [])];
  for (const f of fasen.filter((x) => !alleen || x.endsWith(`-${alleen}`))) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', self, '--fase', f, '--bestand', bestand], {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
      env: process.env,
    });
    const regel = r.stdout.split('\n').find((l) => l.startsWith('MEETING '));
    if (!regel) {
      console.log(`${f}: mislukt (exit ${r.status})\n${r.stderr.slice(-2000)}`);
      continue;
    }
    const m = JSON.parse(regel.slice(8)) as Meting;
    metingen.push(m);
    console.log(
      `${f.padEnd(16)} ${m.regels.toLocaleString('nl-NL').padStart(10)} regels in ${m.seconden.toFixed(1).padStart(6)} s = ${Math.round(
        m.regels / m.seconden,
      )
        .toLocaleString('nl-NL')
        .padStart(9)} regels/s, piek-RSS ${String(m.maxRssMb).padStart(5)} MB${m.status ? `  (${m.status})` : ''}`,
    );
    if (m.fasen)
      console.log(
        `${''.padEnd(16)} fasen (s): ${Object.entries(m.fasen)
          .map(([k, v]) => `${k} ${v.toFixed(2)}`)
          .join(', ')}`,
      );
  }
  for (const engine of ['pglite', 'postgres']) {
    const raw = metingen.find((m) => m.fase === `raw-${engine}`);
    const imp = metingen.find((m) => m.fase === `import-${engine}`);
    if (!raw || !imp) continue;
    const snelheid = imp.regels / imp.seconden / (raw.regels / raw.seconden);
    console.log(
      `${engine}: import t.o.v. kale COPY: snelheid ${snelheid.toFixed(2)}× (${(1 / snelheid).toFixed(1)}× zo lang), piek-RSS ${(imp.maxRssMb / raw.maxRssMb).toFixed(2)}×`,
    );
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

await main();
