/**
 * Every budget command exits 2 on wrong usage (missing or invalid option, unknown option, missing
 * argument, unreadable file), as a user runs it: a real process, before any database is opened (an
 * unreachable DATABASE_URL would make the command fail with 1 if it tried).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const werkmap = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-cli-'));

function zorginkoop(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/zorginkoop.mjs'), ...args], {
    cwd: werkmap,
    encoding: 'utf8',
    timeout: 120_000,
    env: {
      ...process.env,
      DATABASE_URL: 'postgres://niemand@127.0.0.1:9/geen',
      ZORGINKOOP_DATA_DIR: path.join(werkmap, 'db'),
    },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const gevallen: [string, string[], RegExp][] = [
  ['year not an integer', ['contracteerruimte', 'lijst', '--jaar', '2026.5'], /jaartal/],
  ['year not a number', ['contracteerruimte', 'controle', '--jaar', 'volgend'], /jaartal/],
  ['missing required option', ['contracteerruimte', 'lijst'], /--jaar/],
  ['unknown option', ['contracteerruimte', 'lijst', '--jaar', '2026', '--kleur', 'rood'], /--kleur/],
  ['missing argument', ['contracteerruimte', 'toon'], /id/],
  [
    'amount not an amount',
    [
      'contracteerruimte',
      'invoeren',
      '--regio',
      '5527',
      '--jaar',
      '2026',
      '--sector',
      'VV',
      '--totaal',
      '12,5',
      '--als',
      'x@y',
    ],
    /bedrag/,
  ],
  [
    'missing --als',
    ['contracteerruimte', 'invoeren', '--regio', '5527', '--jaar', '2026', '--sector', 'VV', '--totaal', '1.00'],
    /--als/,
  ],
  ['unknown format', ['afspraken', 'export', '--regio', '5527', '--jaar', '2026', '--formaat', 'pdf'], /csv of xlsx/],
  ['export without --regio', ['afspraken', 'export', '--jaar', '2026'], /--regio/],
  ['import of a file that does not exist', ['afspraken', 'import', 'bestaat-niet.csv', '--als', 'x@y'], /bestaat niet/],
  [
    'ledger import of a file that does not exist',
    ['contracteerruimte', 'import', 'weg.csv', '--als', 'x@y'],
    /bestaat niet/,
  ],
  ['verdeel without --scenario', ['verdeel'], /--scenario/],
];

for (const [naam, args, melding] of gevallen)
  test(`wrong usage exits 2: ${naam}`, () => {
    const r = zorginkoop(...args);
    assert.equal(r.code, 2, `${args.join(' ')}\n${r.stdout}\n${r.stderr}`);
    assert.match(r.stderr, melding);
    assert.doesNotMatch(r.stderr, /\n\s+at .+:\d+:\d+/, 'no stack trace');
  });

test('help is not wrong usage: exit 0', () => {
  assert.equal(zorginkoop('contracteerruimte', 'lijst', '--help').code, 0);
});
