/**
 * Test support: a fresh, migrated database per test file — in-memory PGlite by default, or a
 * new database on the PostgreSQL server named by DATABASE_URL — and an HTTP client that signs in
 * as a demo account. Real database, real app: nothing of ours is mocked.
 */
import crypto from 'node:crypto';
import { loadConfig, type Config } from './platform/config.ts';
import { openDb, type Db } from './platform/db/index.ts';
import { JobRunner } from './platform/jobs.ts';
import type { AppContext } from './platform/context.ts';
import { buildApp, type Api, type BuildAppOptions } from './platform/http/app.ts';
import { prepareDatabase } from './setup.ts';
import { loadDemo, type DemoOptions } from './demo/index.ts';
import { capabilities } from './capabilities.ts';
import { createSession, SESSION_COOKIE } from './platform/auth/sessions.ts';

export interface TestDb {
  db: Db;
  url?: string;
  close(): Promise<void>;
}

export async function createTestDb(): Promise<TestDb> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    const db = await openDb({});
    await prepareDatabase(db);
    return { db, close: () => db.close() };
  }
  const name = `zk_test_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  const admin = await openDb({ databaseUrl: base });
  await admin.exec(`CREATE DATABASE ${name}`);
  await admin.close();
  const u = new URL(base);
  u.pathname = '/' + name;
  const db = await openDb({ databaseUrl: u.href });
  await prepareDatabase(db);
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
