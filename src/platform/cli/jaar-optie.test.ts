/**
 * One year option for every command: a wrong `--jaar` is wrong usage (exit 2, the option and what
 * to type named) before any database is opened, in budget and in realisatie alike; and the command
 * group helper gives capabilities one shared `inkoop` group.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { commandGroup, jaarOptie } from './index.ts';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');
const werkmap = fs.mkdtempSync(path.join(os.tmpdir(), 'jaar-cli-'));

function zorginkoop(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/zorginkoop.mjs'), ...args], {
    cwd: werkmap,
    encoding: 'utf8',
    timeout: 120_000,
    // an unreachable database: a command that got past option parsing would fail with 1, not 2
    env: { ...process.env, DATABASE_URL: 'postgres://niemand@127.0.0.1:9/geen', ZORGINKOOP_DATA_DIR: werkmap },
  });
  return { code: r.status, stderr: r.stderr };
}

test('jaarOptie: four digits from 2000 to 2100, anything else is refused', () => {
  assert.equal(jaarOptie('2026'), 2026);
  assert.equal(jaarOptie('2000'), 2000);
  assert.equal(jaarOptie('2100'), 2100);
  for (const v of ['abc', '', '2026.0', '2026.5', '1999', '2101', '26', ' 2026', '02026', '1e3'])
    assert.throws(() => jaarOptie(v), InvalidArgumentError, v);
});

const gevallen: [string, string[]][] = [
  ['budget: contracteerruimte lijst', ['contracteerruimte', 'lijst', '--jaar', 'abc']],
  ['budget: afspraken export', ['afspraken', 'export', '--jaar', 'abc', '--regio', '5527']],
  [
    'realisatie: monitor (was Number(v): NaN passed through)',
    ['realisatie', 'monitor', '--jaar', 'abc', '--regio', '5527'],
  ],
  ['realisatie: import', ['realisatie', 'import', 'declaraties.csv', '--jaar', '20x6']],
];
for (const [naam, args] of gevallen) {
  test(`--jaar wrong → exit 2 with the option and an example named: ${naam}`, () => {
    const r = zorginkoop(...args);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /--jaar/);
    assert.match(r.stderr, /jaartal van vier cijfers tussen 2000 en 2100, bijv\. 2026/);
  });
}

test('commandGroup: one group, first description wins, later callers add to it', () => {
  const program = new Command();
  const a = commandGroup(program, 'inkoop', 'inkoopprocedures');
  a.command('status');
  const b = commandGroup(program, 'inkoop', 'iets anders');
  b.command('ocds');
  assert.equal(a, b);
  assert.equal(program.commands.filter((c) => c.name() === 'inkoop').length, 1);
  assert.equal(a.description(), 'inkoopprocedures');
  assert.deepEqual(
    a.commands.map((c) => c.name()),
    ['status', 'ocds'],
  );
});

test('the real CLI has one inkoop group holding the commands of inkoop, gunning, open house and signalen', () => {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/zorginkoop.mjs'), 'inkoop', '--help'], {
    cwd: werkmap,
    encoding: 'utf8',
    timeout: 120_000,
  });
  assert.equal(r.status, 0, r.stderr);
  for (const c of ['ocds', 'toelatingen']) assert.match(r.stdout, new RegExp(`\\b${c}\\b`));
});
