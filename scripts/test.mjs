#!/usr/bin/env node
// Runs the whole suite with Node's test runner through tsx: unit and API tests beside the code
// (src/**/*.test.ts), cross-cutting tests (test/**/*.test.ts) and browser tests (e2e/**/*.e2e.ts).
// The database is in-memory PGlite, or a fresh database per test file on DATABASE_URL.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const noE2e = args.includes('--no-e2e');
const only = args.filter((a) => !a.startsWith('--'));
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

function walk(dir, out = []) {
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules') walk(p, out);
    } else if (/\.(test|e2e)\.ts$/.test(e.name)) out.push(path.relative(root, p));
  }
  return out;
}

/** every file under dir except node_modules and web/dist (the build output) */
function walkAll(dir, out = []) {
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules' && p !== path.join(root, 'web/dist')) walkAll(p, out);
    } else out.push(p);
  }
  return out;
}

let files = [...walk(path.join(root, 'src')), ...walk(path.join(root, 'test'))];
const e2e = walk(path.join(root, 'e2e'));
if (!noE2e) {
  if (fs.existsSync('/usr/bin/chromium')) {
    // The web app is built once per version of its sources: web/ and src/ (it imports schemas from
    // there) and the dependencies. A second run on the same sources (CI runs the suite three times)
    // reuses web/dist.
    const stempel = path.join(root, 'web/dist/.bron-hash');
    const h = crypto.createHash('sha256');
    const bronnen = [...walkAll(path.join(root, 'web')), ...walkAll(path.join(root, 'src'))].sort();
    for (const f of [...bronnen, path.join(root, 'package.json'), path.join(root, 'package-lock.json')]) {
      if (fs.existsSync(f)) h.update(path.relative(root, f) + '\0').update(fs.readFileSync(f));
    }
    const hash = h.digest('hex');
    const actueel =
      fs.existsSync(path.join(root, 'web/dist/index.html')) &&
      fs.existsSync(stempel) &&
      fs.readFileSync(stempel, 'utf8') === hash;
    if (actueel) console.log('web/dist is actueel voor deze bronnen; niet opnieuw gebouwd.');
    else {
      const b = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
        cwd: root,
        stdio: 'inherit',
      });
      if (b.status !== 0) process.exit(b.status ?? 1);
      fs.writeFileSync(stempel, hash);
    }
    files.push(...e2e);
  } else if (process.env.CI) {
    console.error('Chromium ontbreekt (/usr/bin/chromium): installeer met apt-get install -y chromium.');
    process.exit(1);
  } else {
    console.warn(
      'Let op: /usr/bin/chromium ontbreekt; de browsertests worden overgeslagen (apt-get install -y chromium).',
    );
  }
}
if (only.length) files = files.filter((f) => only.some((o) => f.includes(o)));
files.sort();
console.log(
  `${files.length} testbestanden, database: ${process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : 'PGlite'}`,
);
const r = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'test' },
  },
);
process.exit(r.status ?? 1);
