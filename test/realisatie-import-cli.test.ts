// `zorginkoop realisatie import` as a user meets it: exit 0 (loaded), 1 (refused, with line and
// reason; nothing half-written), 2 (usage), and the rejected-lines report on disk.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prepareTestDataDir } from '../src/testing.ts';

const bin = path.resolve('bin/zorginkoop.mjs');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zk-import-cli-'));
const env: Record<string, string | undefined> = { ...process.env };
delete env.DATABASE_URL;

function run(args: string[]) {
  const r = spawnSync(process.execPath, [bin, '--data-dir', path.join(dir, 'db'), ...args], {
    env,
    encoding: 'utf8',
    timeout: 180_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
// an already migrated data dir (migrating one is tested in test/cli.test.ts)
before(() => prepareTestDataDir(path.join(dir, 'db')));

const csv = path.join(dir, 'decl.csv');
fs.writeFileSync(
  csv,
  'client;aanbieder;prestatie;periode;aantal;bedrag\nC1;niemand;VV-Z754-E;2027-01;1;10.00\nC2;niemand;VV-Z754-E;2026-01;1;10.00\n',
);

test('refused lines: exit 1 naming line, field and reason; --rapport writes the report; nothing loaded', () => {
  const rapport = path.join(dir, 'fouten.csv');
  const r = run(['realisatie', 'import', csv, '--jaar', '2027', '--rapport', rapport]);
  assert.equal(r.code, 1, r.err);
  assert.match(r.err, /2 van 2 regels geweigerd; er is niets ingelezen/);
  assert.match(r.err, /regel 2 \(aanbieder\): onbekende zorgaanbieder/);
  assert.match(r.err, /regel 3 \(periode\): 2026-01 ligt buiten het jaar 2027/);
  assert.doesNotMatch(r.err, /\n\s+at .+:\d+:\d+/);
  assert.equal(fs.readFileSync(rapport, 'utf8').split('\n')[0], 'regel;veld;reden');
  assert.ok(!fs.readFileSync(rapport, 'utf8').includes('C1'), 'no client numbers in the report');
});

test('geldige-regels with nothing valid: exit 0, zero loaded, JSON result with the import id', () => {
  const r = run(['realisatie', 'import', csv, '--jaar', '2027', '--modus', 'geldige-regels', '--json']);
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  assert.equal(j.status, 'geladen');
  assert.equal(j.geladen, 0);
  assert.equal(j.geweigerd, 2);
  const f = run(['realisatie', 'fouten', j.importId]);
  assert.equal(f.code, 0, f.err);
  assert.match(f.out, /^regel;veld;reden\n2;aanbieder;/);
});

test('usage errors exit 2', () => {
  assert.equal(run(['realisatie', 'import', csv]).code, 2);
  assert.equal(run(['realisatie', 'import', csv, '--jaar', 'twee']).code, 2);
  assert.equal(run(['realisatie', 'import', csv, '--jaar', '2027', '--modus', 'half']).code, 2);
});
