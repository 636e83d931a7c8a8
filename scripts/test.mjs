#!/usr/bin/env node
// Runs the whole suite with Node's test runner through tsx: unit and API tests beside the code
// (src/**/*.test.ts), cross-cutting tests (test/**/*.test.ts) and browser tests (e2e/**/*.e2e.ts).
// The database is in-memory PGlite, or a fresh database per test file on DATABASE_URL.
import { spawnSync } from 'node:child_process';
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

let files = [...walk(path.join(root, 'src')), ...walk(path.join(root, 'test'))];
const e2e = walk(path.join(root, 'e2e'));
if (!noE2e) {
  if (fs.existsSync('/usr/bin/chromium')) {
    const b = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
      cwd: root,
      stdio: 'inherit',
    });
    if (b.status !== 0) process.exit(b.status ?? 1);
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
