/**
 * Test support: a fresh, migrated database per test file — in-memory PGlite by default, or a
 * new database on the PostgreSQL server named by DATABASE_URL — and an HTTP client that signs in
 * as a demo account. Real database, real app: nothing of ours is mocked.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, type Config } from './platform/config.ts';
import { openDb, type Db } from './platform/db/index.ts';
import { JobRunner } from './platform/jobs.ts';
import type { AppContext } from './platform/context.ts';
import { buildApp, type Api, type BuildAppOptions } from './platform/http/app.ts';
import { prepareDatabase } from './setup.ts';
import { listMigrations } from './platform/db/migrate.ts';
import { loadDemo, type DemoOptions } from './demo/index.ts';
import { capabilities } from './capabilities.ts';
import { createSession, SESSION_COOKIE } from './platform/auth/sessions.ts';

export interface TestDb {
  db: Db;
  url?: string;
  close(): Promise<void>;
}

const srcDir = path.dirname(fileURLToPath(import.meta.url));

/**
 * What a migrated, prepared database depends on: every migration (its checksum), the reference data
 * and the code that loads it, and the PGlite version. A change to any of these gives a new template.
 */
function templateHash(): string {
  const h = crypto.createHash('sha256');
  for (const m of listMigrations()) h.update(`${m.bestand}:${m.checksum}\n`);
  // the reference capability's code (its loader and store) and its data files
  const inMap = (map: string, past: (f: string) => boolean) =>
    fs
      .readdirSync(path.join(srcDir, map))
      .filter(past)
      .sort()
      .map((f) => `${map}/${f}`);
  const files = [
    'setup.ts',
    'platform/db/migrate.ts',
    ...inMap('reference', (f) => f.endsWith('.ts') && !f.endsWith('.test.ts')),
    ...inMap('reference/data', () => true),
  ];
  for (const f of files)
    h.update(`${f}:`)
      .update(fs.readFileSync(path.join(srcDir, f)))
      .update('\n');
  const pglite = path.join(srcDir, '../node_modules/@electric-sql/pglite/package.json');
  if (fs.existsSync(pglite)) h.update(JSON.parse(fs.readFileSync(pglite, 'utf8')).version);
  return h.digest('hex').slice(0, 16);
}
let hashOnce: string | undefined;
const hash = () => (hashOnce ??= templateHash());

let pgliteTemplate: Promise<Blob> | undefined;
/**
 * The tarball of a migrated, prepared PGlite data directory, built once per version (see
 * templateHash) in the temp directory and shared by every test process. Written to a temporary
 * file and renamed, so a reader never sees half a file; two processes that build it at the same
 * time both write a whole one.
 */
export function pgliteTemplateTarball(): Promise<Blob> {
  return (pgliteTemplate ??= (async () => {
    const file = path.join(os.tmpdir(), `zk-test-template-${hash()}.tar`);
    try {
      return new Blob([fs.readFileSync(file)]);
    } catch {
      /* not built yet */
    }
    const db = await openDb({});
    try {
      await prepareDatabase(db);
      const blob = await db.dumpDataDir!();
      const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}`;
      fs.writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
      fs.renameSync(tmp, file);
      return blob;
    } finally {
      await db.close();
    }
  })());
}

/**
 * Writes a migrated, prepared PGlite database into `dataDir` (as `--data-dir` of the CLI expects
 * it: dataDir/pgdata), for tests that run the CLI on a database and are not about migrating one.
 */
export async function prepareTestDataDir(dataDir: string): Promise<void> {
  const db = await openDb({ dataDir, loadDataDir: await pgliteTemplateTarball() });
  await db.close();
}

/**
 * The name of a migrated, prepared template database on the PostgreSQL server, made once per
 * version (templateHash). Test processes start at the same time: an advisory lock makes one build
 * it while the others wait; it is built under a temporary name and renamed when complete.
 */
async function postgresTemplate(base: string): Promise<string> {
  const name = `zk_tpl_${hash()}`;
  const admin = await openDb({ databaseUrl: base });
  try {
    if (await admin.maybeOne('SELECT 1 FROM pg_database WHERE datname = $1', [name])) return name;
    // one connection for the session lock and CREATE DATABASE (not allowed inside a transaction)
    const pgmod = await import('pg');
    const client = new ((pgmod as any).default ?? pgmod).Client({ connectionString: base });
    await client.connect();
    try {
      await client.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
      if (!(await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rows.length) {
        const tmp = `zk_tplbouw_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
        await client.query(`CREATE DATABASE ${tmp}`);
        const u = new URL(base);
        u.pathname = '/' + tmp;
        const db = await openDb({ databaseUrl: u.href });
        try {
          await prepareDatabase(db);
        } finally {
          await db.close();
        }
        await client.query(`ALTER DATABASE ${tmp} RENAME TO ${name}`);
      }
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [name]);
    } finally {
      await client.end();
    }
    return name;
  } finally {
    await admin.close();
  }
}

/**
 * A fresh, migrated database with the reference data, for one test file. It is a copy of a
 * template built once per version (PGlite: a tarball in the temp directory; PostgreSQL: CREATE
 * DATABASE … TEMPLATE). `fromScratch` runs the real migrations on an empty database instead.
 */
export async function createTestDb(opts: { fromScratch?: boolean } = {}): Promise<TestDb> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    const db = opts.fromScratch ? await openDb({}) : await openDb({ loadDataDir: await pgliteTemplateTarball() });
    if (opts.fromScratch) await prepareDatabase(db);
    return { db, close: () => db.close() };
  }
  const tpl = opts.fromScratch ? undefined : await postgresTemplate(base);
  const name = `zk_test_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  const admin = await openDb({ databaseUrl: base });
  await admin.exec(tpl ? `CREATE DATABASE ${name} TEMPLATE ${tpl}` : `CREATE DATABASE ${name}`);
  await admin.close();
  const u = new URL(base);
  u.pathname = '/' + name;
  const db = await openDb({ databaseUrl: u.href });
  if (!tpl) await prepareDatabase(db);
  return {
    db,
    url: u.href,
    async close() {
      await db.close();
      const a = await openDb({ databaseUrl: base });
      await a.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.close();
    },
  };
}

export interface TestClient {
  get(url: string): Promise<TestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<TestResponse>;
  put(url: string, body?: unknown): Promise<TestResponse>;
  patch(url: string, body?: unknown): Promise<TestResponse>;
  delete(url: string): Promise<TestResponse>;
  /** raw inject with the session cookie and CSRF header added */
  inject(opts: Record<string, any>): Promise<TestResponse>;
  csrf: string;
}
export interface TestResponse {
  statusCode: number;
  headers: Record<string, any>;
  body: string;
  rawPayload: Buffer;
  json<T = any>(): T;
}

export interface TestApp {
  app: Api;
  ctx: AppContext;
  db: Db;
  /** a client signed in as this (demo) account; earlier clients of the same person stay signed in */
  login(email: string): Promise<TestClient>;
  anonymous: TestClient;
  /** move the server clock */
  setNow(d: Date | (() => Date)): void;
  close(): Promise<void>;
}

export async function createTestApp(
  opts: {
    demo?: DemoOptions | false;
    config?: Partial<Config>;
    app?: Omit<BuildAppOptions, 'serveWeb' | 'capabilities'>;
  } = {},
): Promise<TestApp> {
  const tdb = await createTestDb();
  const config = loadConfig({ passwordHashCost: 'test', databaseUrl: tdb.url, ...opts.config }, {});
  let now: () => Date = () => new Date();
  const ctx: AppContext = { db: tdb.db, config, jobs: new JobRunner(tdb.db), now: () => now() };
  if (opts.demo !== false) await loadDemo(ctx, opts.demo ?? { seed: 1, schaal: 'regio' });
  const app = await buildApp(ctx, { capabilities, logger: false, ...opts.app });
  const client = (cookie?: string, csrf = ''): TestClient => {
    const inject = (o: Record<string, any>) =>
      app.inject({
        ...o,
        headers: { ...(cookie ? { cookie } : {}), ...(csrf ? { 'x-csrf-token': csrf } : {}), ...(o.headers ?? {}) },
      }) as unknown as Promise<TestResponse>;
    return {
      csrf,
      inject,
      get: (url) => inject({ method: 'GET', url }),
      post: (url, body, headers) => inject({ method: 'POST', url, payload: body as any, headers }),
      put: (url, body) => inject({ method: 'PUT', url, payload: body as any }),
      patch: (url, body) => inject({ method: 'PATCH', url, payload: body as any }),
      delete: (url) => inject({ method: 'DELETE', url }),
    };
  };
  return {
    app,
    ctx,
    db: tdb.db,
    anonymous: client(),
    setNow(d) {
      now = typeof d === 'function' ? d : () => d;
    },
    async login(email) {
      // A session made directly, not through POST /auth/login: a password sign-in ends the person's
      // earlier sessions, and a test may hold several clients of one person. The sign-in route itself
      // is tested in src/platform/http/auth.test.ts.
      const g = await tdb.db.maybeOne<{ id: string }>(
        'SELECT id FROM gebruiker WHERE lower(email) = lower($1) AND actief',
        [email],
      );
      if (!g) throw new Error(`login ${email} failed: no active user with this e-mail`);
      const s = await createSession(tdb.db, g.id);
      return client(`${SESSION_COOKIE}=${s.token}`, s.csrf);
    },
    async close() {
      await ctx.jobs.idle();
      await app.close();
      await tdb.close();
    },
  };
}
