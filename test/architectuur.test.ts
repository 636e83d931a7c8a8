/**
 * One owner per table, arrows pointing down (ARCHITECTURE.md):
 *  - a capability's tables (CREATE TABLE in src/<capability>/migrations) are read and written only by
 *    that capability's store.ts files; platform and reference tables are readable by all; demo/ and
 *    tests are exempt;
 *  - no import circles among the files of src/.
 * The debt that existed when this test was written is listed in architectuur-baseline.json. The test
 * is a ratchet: a new violation fails it, and so does an entry of the baseline that no longer
 * occurs (remove it, so the list only shrinks).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  SQL_VERWIJZING,
  baselinePad,
  bestanden,
  eigenaren,
  importKringen,
  rel,
  src,
  tabelOvertredingen,
} from './support/architectuur.ts';

const baseline = JSON.parse(fs.readFileSync(baselinePad, 'utf8')) as { tabellen: string[]; kringen: string[][] };

test('every table has one owner: no table is created in two capabilities', () => {
  const gezien = new Map<string, string>();
  for (const f of bestanden(src, /^\d{4}_.*\.sql$/)) {
    const cap = rel(f).split('/')[1];
    const sql = fs.readFileSync(f, 'utf8').replace(/--.*$/gm, '');
    for (const x of sql.matchAll(/CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?([a-z_][a-z0-9_]*)/gi)) {
      const t = x[1].toLowerCase();
      assert.ok(!gezien.has(t) || gezien.get(t) === cap, `${t} in ${gezien.get(t)} en ${cap}`);
      gezien.set(t, cap);
    }
  }
  assert.ok(gezien.size > 20);
});

test('no file outside the owner’s store.ts uses a capability’s tables (ratchet against the baseline)', () => {
  const nu = tabelOvertredingen();
  const bekend = new Set(baseline.tabellen);
  const nieuw = nu.filter((x) => !bekend.has(x));
  const opgelost = baseline.tabellen.filter((x) => !nu.includes(x));
  assert.deepEqual(
    nieuw,
    [],
    'nieuwe overtredingen: zet de SQL in de store.ts van de eigenaar en gebruik zijn index.ts',
  );
  assert.deepEqual(opgelost, [], `opgelost: haal deze regels uit ${rel(baselinePad)}`);
});

test('no new import circles in src/ (ratchet against the baseline)', () => {
  const nu = importKringen().map((k) => k.join(' ↔ '));
  const bekend = new Set(baseline.kringen.map((k) => k.join(' ↔ ')));
  assert.deepEqual(
    nu.filter((k) => !bekend.has(k)),
    [],
    'nieuwe importkring',
  );
  assert.deepEqual(
    [...bekend].filter((k) => !nu.includes(k)),
    [],
    `kring opgelost of veranderd: werk ${rel(baselinePad)} bij`,
  );
});

test('the checks see reads, writes and COPY, and know the owners', () => {
  const m =
    "SELECT 1 FROM inkoopkader k JOIN inschrijving i ON true; INSERT INTO gunning; UPDATE eis SET; copyInto('realisatie'";
  const tabellen = [...m.matchAll(SQL_VERWIJZING)].map((x) => x[2] ?? x[3]);
  assert.deepEqual(tabellen, ['inkoopkader', 'inschrijving', 'gunning', 'eis', 'realisatie']);
  const eig = eigenaren();
  assert.equal(eig.get('inkoopkader'), 'inkoop');
  assert.equal(eig.get('audit_regel'), 'platform');
  assert.equal(eig.get('productieafspraak'), 'budget');
  assert.equal(eig.get('realisatie'), 'realisatie');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kring-'));
  fs.writeFileSync(path.join(tmp, 'a.ts'), "import { b } from './b.ts';\nexport const a = b;\n");
  fs.writeFileSync(path.join(tmp, 'b.ts'), "import type { c } from './c.ts';\nexport const b = 1;\n");
  fs.writeFileSync(path.join(tmp, 'c.ts'), "export { a as c } from './a.ts';\n");
  fs.writeFileSync(path.join(tmp, 'd.ts'), "import { a } from './a.ts';\nexport const d = a;\n");
  const kringen = importKringen(tmp);
  fs.rmSync(tmp, { recursive: true });
  assert.deepEqual(
    kringen.map((k) => k.map((f) => path.basename(f))),
    [['a.ts', 'b.ts', 'c.ts']],
  );
  // A capability reading another's table, or its own outside store.ts, is found; its own store.ts is not.
  const boom = fs.mkdtempSync(path.join(os.tmpdir(), 'tabellen-'));
  fs.mkdirSync(path.join(boom, 'inkoop'));
  fs.writeFileSync(
    path.join(boom, 'inkoop/service.ts'),
    'const s = `SELECT 1 FROM productieafspraak JOIN gunning ON true`;\n',
  );
  fs.writeFileSync(path.join(boom, 'inkoop/store.ts'), 'const s = `UPDATE gunning SET x = 1`;\n');
  const gevonden = tabelOvertredingen(boom);
  fs.rmSync(boom, { recursive: true });
  assert.deepEqual(gevonden, ['src/inkoop/service.ts → gunning', 'src/inkoop/service.ts → productieafspraak']);
});
