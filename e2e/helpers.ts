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
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { loadConfig, type Config } from '../src/platform/config.ts';
import { JobRunner } from '../src/platform/jobs.ts';
import type { AppContext } from '../src/platform/context.ts';
import { buildApp, type Api } from '../src/platform/http/app.ts';
import { createTestDb } from '../src/platform/testing.ts';
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

export async function startE2eServer(opts: { demo?: DemoOptions | false; config?: Partial<Config> } = {}): Promise<E2eServer> {
  if (!fs.existsSync(path.join(root, 'web/dist/index.html'))) {
    throw new Error('web/dist ontbreekt: bouw de web-app eerst (npx vite build --config web/vite.config.ts) of gebruik node scripts/test.mjs.');
  }
  const tdb = await createTestDb();
  const config = loadConfig({ passwordHashCost: 'test', databaseUrl: tdb.url, cookieSecure: false, ...opts.config }, {});
  let now: () => Date = () => new Date();
  const ctx: AppContext = { db: tdb.db, config, jobs: new JobRunner(tdb.db), now: () => now() };
  if (opts.demo !== false) await loadDemo(ctx, opts.demo ?? { seed: 1, schaal: 'regio' });
  const app = await buildApp(ctx, { logger: false, serveWeb: true });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  lastUrl = `http://127.0.0.1:${port}`;
  return {
    url: lastUrl, app, ctx,
    setNow(d) { now = typeof d === 'function' ? d : () => d; },
    async close() { await ctx.jobs.idle(); await app.close(); await tdb.close(); },
  };
}

export const CHROMIUM = '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** A page in a fresh browser context (own cookies) whose relative URLs go to the server. */
export async function newPage(browser: Browser, server: Pick<E2eServer, 'url'>, opts: { locale?: string } = {}): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.url, locale: opts.locale ?? 'nl-NL', viewport: { width: 1360, height: 900 } });
  return context.newPage();
}

/**
 * Signs in through the login form as a demo account and waits until signed in (the sign-out
 * button shows). Goes to /inloggen on `base` (default: the last started e2e server) first.
 */
export async function login(page: Page, email: string, opts: { wachtwoord?: string; base?: string } = {}): Promise<void> {
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
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return errors;
}
