// `zorginkoop iwlz valideer`: message type and each error with its line; exit 0 valid, 1 invalid,
// 2 wrong usage. Every example in examples/iwlz validates (or is refused, for the ongeldig-* files).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { valideerBericht } from './index.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'bin/zorginkoop.mjs');
const voorbeelden = path.join(root, 'examples/iwlz');
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });

test('examples/iwlz: every message validates, every ongeldig-* file is refused with 0001', async () => {
  const xmls = fs.readdirSync(voorbeelden).filter((f) => f.endsWith('.xml'));
  assert.ok(xmls.length >= 9);
  for (const f of xmls) {
    const v = await valideerBericht(fs.readFileSync(path.join(voorbeelden, f)));
    assert.equal(v.geldig, !f.startsWith('ongeldig-'), `${f}: ${JSON.stringify(v.fouten)}`);
    if (!v.geldig) assert.equal(v.retourcode, '0001');
  }
});

test('CLI valideer: valid → exit 0 with the type; invalid → exit 1 with the line; --json; usage → exit 2', () => {
  const ok = run('iwlz', 'valideer', path.join(voorbeelden, 'aw35-melding-aanvang-zorg.xml'));
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /geldig AW35-bericht/);

  const fout = run('--json', 'iwlz', 'valideer', path.join(voorbeelden, 'ongeldig-onbekende-leveringsstatus.xml'));
  assert.equal(fout.status, 1, fout.stderr);
  const j = JSON.parse(fout.stdout);
  assert.equal(j.geldig, false);
  assert.equal(j.type, 'AW35');
  assert.equal(j.retourcode, '0001');
  assert.equal(j.fouten[0].regel, 39);
  assert.match(j.fouten[0].melding, /Leveringsstatus/);

  const tekst = run('iwlz', 'valideer', path.join(voorbeelden, 'ongeldig-xxe.xml'));
  assert.equal(tekst.status, 1);
  assert.match(tekst.stdout, /regel 2: .*DTD/);

  assert.equal(run('iwlz', 'valideer').status, 2, 'missing argument');
  assert.equal(run('iwlz', 'valideer', path.join(voorbeelden, 'bestaat-niet.xml')).status, 2, 'no such file');
});

test('CLI importeer: wrong usage exits 2 before any database is opened (no file, no --als)', () => {
  const geen = run('iwlz', 'importeer', path.join(voorbeelden, 'bestaat-niet.xml'), '--als', 'zorgbemiddelaar@cz.demo');
  assert.equal(geen.status, 2, geen.stderr);
  assert.match(geen.stderr, /Bestand niet gevonden/);
  const zonderAls = run('iwlz', 'importeer', path.join(voorbeelden, 'io31-indicatiebesluit.xml'));
  assert.equal(zonderAls.status, 2, zonderAls.stderr);
  assert.match(zonderAls.stderr, /--als/);
  assert.equal(run('iwlz', 'importeer').status, 2, 'missing argument');
});
