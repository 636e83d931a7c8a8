/**
 * Browser-test support. Each e2e file starts one server (real app, real test database with the
 * demo data, the built web app from web/dist) and one headless Chromium:
 *
 *   const server = await startE2eServer();
 *   const browser = await launchBrowser();
 *   const page = await newPage(browser, server);        // baseURL = server.url: page.goto('/regios')
 *   await login(page, 'inkoper@cz.demo');
 *   ...
 *   after(async () => { await browser.close(); await server.close(); });
 *
 * scripts/test.mjs builds web/dist before running e2e files. Chromium comes from Debian
 * (/usr/bin/chromium); no browser is ever downloaded.
 */
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { loadConfig, type Config } from '../src/platform/config.ts';
import { JobRunner } from '../src/platform/jobs.ts';
import type { AppContext } from '../src/platform/context.ts';
import { buildApp, type Api } from '../src/platform/http/app.ts';
import { capabilities } from '../src/capabilities.ts';
import { createTestDb } from '../src/testing.ts';
import { createSession, SESSION_COOKIE } from '../src/platform/auth/sessions.ts';
import { loadDemo, DEMO_PASSWORD, type DemoOptions } from '../src/demo/index.ts';

export { DEMO_PASSWORD };

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface E2eServer {
  /** base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  app: Api;
  ctx: AppContext;
  /** move the server clock */
  setNow(d: Date | (() => Date)): void;
  close(): Promise<void>;
}

let lastUrl: string | null = null;

export async function startE2eServer(
  opts: { demo?: DemoOptions | false; config?: Partial<Config> } = {},
): Promise<E2eServer> {
  if (!fs.existsSync(path.join(root, 'web/dist/index.html'))) {
    throw new Error(
      'web/dist ontbreekt: bouw de web-app eerst (npx vite build --config web/vite.config.ts) of gebruik node scripts/test.mjs.',
    );
  }
  const tdb = await createTestDb();
  const config = loadConfig(
    { passwordHashCost: 'test', databaseUrl: tdb.url, cookieSecure: false, ...opts.config },
    {},
  );
  let now: () => Date = () => new Date();
  const ctx: AppContext = { db: tdb.db, config, jobs: new JobRunner(tdb.db), now: () => now() };
  if (opts.demo !== false) await loadDemo(ctx, opts.demo ?? { seed: 1, schaal: 'regio' });
  const app = await buildApp(ctx, { capabilities, logger: false, serveWeb: true });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  lastUrl = `http://127.0.0.1:${port}`;
  return {
    url: lastUrl,
    app,
    ctx,
    setNow(d) {
      now = typeof d === 'function' ? d : () => d;
    },
    async close() {
      await ctx.jobs.idle();
      await app.close();
      await tdb.close();
    },
  };
}

export const CHROMIUM = '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** A page in a fresh browser context (own cookies) whose relative URLs go to the server. */
export async function newPage(
  browser: Browser,
  server: Pick<E2eServer, 'url'>,
  opts: { locale?: string } = {},
): Promise<Page> {
  const context = await browser.newContext({
    baseURL: server.url,
    locale: opts.locale ?? 'nl-NL',
    viewport: { width: 1360, height: 900 },
  });
  return context.newPage();
}

/**
 * Signs in through the login form as a demo account and waits until signed in (the sign-out
 * button shows). Goes to /inloggen on `base` (default: the last started e2e server) first.
 */
export async function login(
  page: Page,
  email: string,
  opts: { wachtwoord?: string; base?: string } = {},
): Promise<void> {
  const base = opts.base ?? lastUrl;
  if (!base) throw new Error('login(): start eerst een server met startE2eServer() of geef opts.base.');
  const wachtwoord = opts.wachtwoord ?? DEMO_PASSWORD;
  await page.goto(`${base}/inloggen`);
  // The form's labels are Dutch by default, English when the language was switched.
  await page.getByLabel(/^(E-mailadres|E-mail address)/).fill(email);
  await page.getByLabel(/^(Wachtwoord|Password)/).fill(wachtwoord);
  await page.getByRole('button', { name: /^(Inloggen|Sign in)$/ }).click();
  await page.getByRole('button', { name: /^(Uitloggen|Sign out)$/ }).waitFor();
}

/** Signs out through the header button and waits for the login form. */
export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^(Uitloggen|Sign out)$/ }).click();
  await page.getByRole('button', { name: /^(Inloggen|Sign in)$/ }).waitFor();
}

/** Collects console errors and failed requests so a test can assert the page stayed clean. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return errors;
}

// ───────────── Shared setup for e2e files (added; the functions above keep their signatures) ─────────────

export interface E2eOmgeving {
  /** filled in by the before() hook */
  server: E2eServer;
  browser: Browser;
}

/**
 * Registers before/after hooks in the calling describe(): one server (optionally with its clock set
 * to `nu`) and one Chromium, closed afterwards. Use the returned object inside the tests:
 *
 *   const env = e2eOmgeving({ nu: new Date('2025-06-02T08:00:00Z') });
 *   test('…', async () => { const { page, errors } = await alsGebruiker(env, 'inkoper@cz.demo'); … });
 */
export function e2eOmgeving(
  opts: { nu?: Date; demo?: DemoOptions | false; config?: Partial<Config> } = {},
): E2eOmgeving {
  const env = {} as E2eOmgeving;
  before(async () => {
    env.server = await startE2eServer({ demo: opts.demo, config: opts.config });
    if (opts.nu) env.server.setNow(opts.nu);
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/** A fresh page (own cookies) signed in as this demo account, with console errors collected. */
export async function alsGebruiker(
  env: { browser: Browser; server: Pick<E2eServer, 'url'> },
  email: string,
  opts: { locale?: string } = {},
): Promise<{ page: Page; errors: string[] }> {
  const page = await newPage(env.browser, env.server, opts);
  const errors = watchErrors(page);
  await login(page, email, { base: env.server.url });
  return { page, errors };
}

/**
 * Asserts the page logged no errors apart from failed requests with the expected HTTP statuses
 * (refusals a test provokes on purpose), then closes its browser context.
 */
export async function sluitPagina(
  page: Page,
  errors: string[],
  verwachteStatussen: number[] = [401, 404, 422],
): Promise<void> {
  const verwacht = new RegExp(`Failed to load resource.*(${verwachteStatussen.join('|')})`);
  assert.deepEqual(
    errors.filter((e) => !verwacht.test(e)),
    [],
  );
  await page.context().close();
}

/** Follows a link in the main menu and waits for the page heading (default: the link's text). */
export async function naarMenu(page: Page, link: string, kop: string | RegExp = link): Promise<void> {
  await page
    .getByRole('navigation', { name: /^(Hoofdmenu|Main menu)$/ })
    .getByRole('link', { name: link, exact: true })
    .click();
  await page.getByRole('heading', { level: 1, name: kop }).waitFor();
}

/** Creates a kader through the "Inkoopkaders" screen as the signed-in purchaser; returns its id. */
export async function maakKaderViaScherm(
  page: Page,
  k: { titel: string; jaar: number; regios: string; procedureType?: string },
): Promise<string> {
  await naarMenu(page, 'Inkoopkaders');
  await page.getByLabel('Titel van het inkoopkader').fill(k.titel);
  await page.getByLabel('Contractjaar').fill(String(k.jaar));
  await page.getByLabel('Regiocodes').fill(k.regios);
  await page.getByLabel('Proceduretype').selectOption(k.procedureType ?? 'openbaar');
  await page.getByRole('button', { name: 'Inkoopkader aanmaken' }).click();
  await page.getByRole('heading', { level: 1, name: k.titel }).waitFor();
  return new URL(page.url()).pathname.split('/').pop()!;
}

/** A session for a demo account made directly in the database (see apiAls): the Cookie header value and the CSRF token. */
export async function sessieVoor(
  server: Pick<E2eServer, 'ctx'>,
  email: string,
): Promise<{ cookie: string; csrfToken: string }> {
  const g = await server.ctx.db.maybeOne<{ id: string }>(
    'SELECT id FROM gebruiker WHERE lower(email) = lower($1) AND actief',
    [email],
  );
  if (!g) throw new Error(`sessieVoor(${email}): geen actieve gebruiker met dit e-mailadres`);
  const s = await createSession(server.ctx.db, g.id);
  return { cookie: `${SESSION_COOKIE}=${s.token}`, csrfToken: s.csrf };
}

export interface ApiClient {
  get<T = any>(pad: string): Promise<{ status: number; body: T }>;
  post<T = any>(pad: string, body?: unknown): Promise<{ status: number; body: T }>;
  put<T = any>(pad: string, body?: unknown): Promise<{ status: number; body: T }>;
}

/**
 * A JSON client for /api/v1 paths signed in as a demo account (session cookie and CSRF token), for
 * setting up data quickly. The session is made directly, not through the sign-in form or route: a
 * password sign-in ends the person's earlier sessions, and a test may have the same person signed
 * in the browser too. (A later browser sign-in of the same person does end this client's session.)
 */
export async function apiAls(server: Pick<E2eServer, 'url' | 'ctx'>, email: string): Promise<ApiClient> {
  let sessie = await sessieVoor(server, email);
  const doe = (method: string, pad: string, body?: unknown) =>
    fetch(`${server.url}/api/v1${pad}`, {
      method,
      headers: {
        cookie: sessie.cookie,
        'x-csrf-token': sessie.csrfToken,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
  const call = async (method: string, pad: string, body?: unknown) => {
    let res = await doe(method, pad, body);
    if (res.status === 401) {
      // A browser sign-in of the same person in the test ended this session (one session per
      // person): take a new one, as a person would by signing in again.
      sessie = await sessieVoor(server, email);
      res = await doe(method, pad, body);
    }
    const text = await res.text();
    let parsed: any = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON */
    }
    return { status: res.status, body: parsed };
  };
  return {
    get: (p) => call('GET', p),
    post: (p, b) => call('POST', p, b ?? {}),
    put: (p, b) => call('PUT', p, b ?? {}),
  };
}

/**
 * Accessibility basics of the current page: one h1, one main, every form control labelled, every
 * button and link named. Returns what is wrong (empty lists when fine).
 */
export async function toegankelijkheid(
  page: Page,
): Promise<{ h1: number; main: number; unlabelled: string[]; nameless: string[] }> {
  // A string, not a function: tsx would add helper calls (__name) that do not exist in the page.
  return page.evaluate(`(() => {
    function naam(e) { return (e.getAttribute('aria-label') || e.innerText || '').trim(); }
    const unlabelled = [...document.querySelectorAll('input, select, textarea')]
      .filter((e) => e.type !== 'hidden' && !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby'))
      .map((e) => e.outerHTML.slice(0, 80));
    const nameless = [...document.querySelectorAll('button, a[href]')].filter((e) => !naam(e)).map((e) => e.outerHTML.slice(0, 80));
    return { h1: document.querySelectorAll('h1').length, main: document.querySelectorAll('main').length, unlabelled, nameless };
  })()`);
}
