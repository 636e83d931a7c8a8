import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { jsonFoutPositie, leesScenarioTekst, berekenHerschikking } from './service.ts';
import { AppError } from '../platform/errors.ts';

test('jsonFoutPositie: undefined for any valid JSON, the offending offset otherwise', () => {
  fc.assert(
    fc.property(fc.json(), (j) => {
      assert.equal(jsonFoutPositie(j), undefined);
      assert.equal(jsonFoutPositie(JSON.stringify(JSON.parse(j), null, 2)), undefined);
    }),
  );
  assert.equal(jsonFoutPositie('{"a": }'), 6);
  assert.equal(jsonFoutPositie('{"a": 1,}'), 8);
  assert.equal(jsonFoutPositie('[1 2]'), 3);
  assert.equal(jsonFoutPositie('{"a": 1} x'), 9);
});

test('leesScenarioTekst: a BOM is fine; a broken file names line and column', () => {
  assert.deepEqual(leesScenarioTekst('\uFEFF{"a":1}'), { a: 1 });
  assert.throws(
    () => leesScenarioTekst('{\n  "jaar": 2027,\n  "pool": }', 's.json'),
    (e: unknown) => e instanceof AppError && e.status === 400 && e.fouten[0].waar === 's.json:3:11',
  );
});

test('berekenHerschikking: 400 for field errors, 422 for impossible figures', async () => {
  await assert.rejects(
    () => berekenHerschikking({ jaar: 2027, regio: 'r', pool: 'x', aanbieders: [] }),
    (e: unknown) => e instanceof AppError && e.status === 400 && e.fouten[0].waar === 'pool',
  );
  await assert.rejects(
    () =>
      berekenHerschikking({
        jaar: 2027,
        regio: 'r',
        pool: '0',
        aanbieders: [{ id: 'Y', afspraak: '1', gerealiseerdTotNu: '2', prognoseJaar: '2' }],
      }),
    (e: unknown) => e instanceof AppError && e.status === 422,
  );
});
