/**
 * `zorginkoop verdeel --scenario <file> [--json]` as a user runs it: a real process, exit codes
 * 0 / 1 / 2, and no database opened (the data directory stays absent and an unreachable
 * DATABASE_URL does not matter).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const werkmap = fs.mkdtempSync(path.join(os.tmpdir(), 'verdeel-cli-'));
const voorbeeld = (naam: string) => path.join(root, 'examples/verdeling', `${naam}.json`);
const geenStack = (s: string) => assert.doesNotMatch(s, /\n\s+at .+:\d+:\d+/, 'geen stacktrace');

function zorginkoop(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/zorginkoop.mjs'), ...args], {
    cwd: werkmap,
    encoding: 'utf8',
    timeout: 120_000,
    env: {
      ...process.env,
      // would fail loudly if the command tried to open a database
      DATABASE_URL: 'postgres://niemand@127.0.0.1:9/geen',
      ZORGINKOOP_DATA_DIR: path.join(werkmap, 'db'),
    },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('exit 0 with the outcome as JSON; byte for byte the same on a second run; no database touched', () => {
  const r = zorginkoop('verdeel', '--scenario', voorbeeld('q'), '--json');
  assert.equal(r.code, 0, r.stderr);
  const u = JSON.parse(r.stdout);
  assert.equal(u.status, 'opgelost');
  assert.equal(u.totaal, '10000000.00');
  assert.deepEqual(
    u.afspraken.map((a: { aanbieder: string; bedrag: string }) => [a.aanbieder, a.bedrag]),
    [
      ['A', '5106060.61'],
      ['B', '2972727.27'],
      ['C', '1921212.12'],
    ],
  );
  const nogEens = zorginkoop('verdeel', '--scenario', voorbeeld('q'), '--json');
  assert.equal(nogEens.stdout, r.stdout);
  assert.equal(fs.existsSync(path.join(werkmap, 'db')), false);
  assert.equal(fs.existsSync(path.join(werkmap, '.zorginkoop')), false);
});

test('exit 0 for prorata and tekort (a result), exit 1 for onhaalbaar with the JSON still printed', () => {
  const p = zorginkoop('verdeel', '--json', '--scenario', voorbeeld('p-tekort'));
  assert.equal(p.code, 0, p.stderr);
  assert.equal(JSON.parse(p.stdout).tekortBedrag, '106931.23');
  const o = zorginkoop('verdeel', '--scenario', voorbeeld('q-onhaalbaar'), '--json');
  assert.equal(o.code, 1);
  const u = JSON.parse(o.stdout);
  assert.equal(u.status, 'onhaalbaar');
  assert.ok(u.conflicten.some((c: { beperkingen: string[] }) => c.beperkingen.includes('budget')));
  assert.equal(u.afspraken.length, 3);
});

test('exit 2 for an invalid file (field named), a missing file and a missing --scenario', () => {
  const r = zorginkoop('verdeel', '--scenario', voorbeeld('ongeldig'), '--json');
  assert.equal(r.code, 2);
  const f = JSON.parse(r.stdout);
  assert.equal(f.code, 'scenario-ongeldig');
  assert.equal(f.fouten[0].waar, 'aanbieders[2].score');
  assert.match(r.stderr, /aanbieders\[2\]\.score/);
  geenStack(r.stderr);
  fs.writeFileSync(path.join(werkmap, 'kapot.json'), '{ "model": "Q", ');
  const kapot = zorginkoop('verdeel', '--scenario', 'kapot.json');
  assert.equal(kapot.code, 2);
  assert.match(kapot.stderr, /geen geldige JSON/);
  geenStack(kapot.stderr);
  assert.equal(zorginkoop('verdeel', '--scenario', 'bestaat-niet.json').code, 2);
  assert.equal(zorginkoop('verdeel').code, 2);
});

test('without --json: a readable Dutch table with the explanation', () => {
  const r = zorginkoop('verdeel', '--scenario', voorbeeld('q-plafond'));
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /Verdeling model Q, regio 5527, jaar 2027: opgelost/);
  assert.match(r.stdout, /Aanbieder\s+Score\s+Vloer \(€\)\s+Plafond \(€\)\s+Bedrag \(€\)/);
  assert.match(r.stdout, /A\s+8\s+4\.500\.000,00\s+4\.800\.000,00\s+4\.800\.000,00\s+96,00\s+plafond/);
  assert.match(r.stdout, /pool € 200\.000,00/);
  assert.match(r.stdout, /Uitleg per aanbieder:/);
});
