// The CLI as a user meets it: exit codes, clear messages on bad configuration, no stack traces.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { prepareTestDataDir } from '../src/testing.ts';

const bin = path.resolve('bin/zorginkoop.mjs');
const env = { ...process.env };
delete env.DATABASE_URL;

function run(args: string[], extraEnv: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    env: { ...env, ...extraEnv },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const noStack = (s: string) => assert.doesNotMatch(s, /\n\s+at .+:\d+:\d+/, 'no stack trace');
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'zk-cli-'));

test('--help lists the commands and exits 0; unknown command exits 2', () => {
  const h = run(['--help']);
  assert.equal(h.code, 0);
  for (const c of ['start', 'migrate', 'audit', 'openapi']) assert.match(h.out, new RegExp(`\\b${c}\\b`));
  const bad = run(['bestaat-niet']);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /unknown command/);
});

test('a DATABASE_URL that cannot be reached: exit 1 with what and what to do', () => {
  const r = run(['migrate'], { DATABASE_URL: 'postgres://niemand@127.0.0.1:1/nergens' });
  assert.equal(r.code, 1);
  assert.match(r.err, /Kan niet verbinden met de PostgreSQL-server postgres:\/\/niemand@127\.0\.0\.1:1\/nergens/);
  assert.match(r.err, /Controleer DATABASE_URL/);
  noStack(r.err);
  const wrong = run(['migrate', '--json'], { DATABASE_URL: 'mysql://x@localhost/db' });
  assert.equal(wrong.code, 1);
  assert.match(JSON.parse(wrong.out).fout, /postgres:\/\//);
});

test('a data dir that cannot be used: exit 1 naming the directory', () => {
  const dir = tmp();
  const file = path.join(dir, 'een-bestand');
  fs.writeFileSync(file, 'x');
  const r = run(['--data-dir', path.join(file, 'db'), 'migrate']);
  assert.equal(r.code, 1);
  assert.match(r.err, /De datamap .*een-bestand\/db is niet te gebruiken/);
  noStack(r.err);
});

test('migrate then audit verify on a fresh embedded database, with --json', () => {
  const dir = tmp();
  const m = run(['--data-dir', dir, 'migrate', '--json']);
  assert.equal(m.code, 0, m.err);
  assert.deepEqual(JSON.parse(m.out), { ok: true, database: 'pglite' });
  const v = run(['--data-dir', dir, 'audit', 'verify', '--json']);
  assert.equal(v.code, 0, v.err);
  assert.equal(JSON.parse(v.out).ok, true);
});

test('port in use: exit 1 with a message, not a stack trace', async () => {
  const srv = net.createServer();
  await new Promise<void>((res) => srv.listen(0, '127.0.0.1', () => res()));
  const port = (srv.address() as net.AddressInfo).port;
  // an already migrated data dir: this test is about the port, not about migrating
  const dir = tmp();
  await prepareTestDataDir(dir);
  try {
    const r = await new Promise<{ code: number | null; err: string }>((res) => {
      const p = spawn(process.execPath, [bin, '--data-dir', dir, 'start', '--geen-demo', '--port', String(port)], {
        env,
      });
      let err = '';
      p.stderr.on('data', (d) => {
        err += d;
      });
      p.on('exit', (code) => res({ code, err }));
    });
    assert.equal(r.code, 1);
    assert.match(r.err, new RegExp(`Poort ${port} is al in gebruik`));
    noStack(r.err);
  } finally {
    srv.close();
  }
});
