import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { grootsteResten, naarRato } from './afronden.ts';
import { verdeelbaar, waterfillExact, exactVoorSet, type WaterItem } from './lp.ts';
import { breukTekst, centNl, centTekst, centen, deelAfgerond, getal, procentVan } from './exact.ts';

test('exact: parsing, half-up division, display', () => {
  assert.deepEqual(getal('008.500'), { n: 85n, schaal: 1, tekst: '8.5' });
  assert.equal(centen('4000000.00'), 400000000n);
  assert.equal(centen('0.5'), 50n);
  assert.equal(deelAfgerond(5n, 2n), 3n); // 2.5 → 3
  assert.equal(deelAfgerond(-5n, 2n), -3n); // -2.5 → -3 (away from zero)
  assert.equal(deelAfgerond(7n, 3n), 2n);
  // 1 234 567.89 × 85% = 1 049 382.7065 → 1 049 382.71
  assert.equal(procentVan(123456789n, getal('85')), 104938271n);
  assert.equal(centTekst(5n), '0.05');
  assert.equal(centTekst(-123456n), '-1234.56');
  assert.equal(centNl(123456789n), '€ 1.234.567,89');
  assert.equal(breukTekst(2n, 3n, 4), '0.6667');
});

test('grootsteResten: the cents left go to the largest remainders, ties by id', () => {
  // 3 × 1/3 of 1.00: 33 cents each + 1/3, one cent left; all remainders equal → lowest id (A)
  assert.deepEqual(naarRato(['C', 'A', 'B'], [1n, 1n, 1n], 100n), [33n, 34n, 33n]);
  // 1 000 000.00 split 40:18:8 (the Kader 4 case worked in verdeling.test.ts): remainders .6, .27, .12 of a cent
  assert.deepEqual(naarRato(['A', 'B', 'C'], [40n, 18n, 8n], 100000000n), [60606061n, 27272727n, 12121212n]);
});

test('grootsteResten: never past a maximum', () => {
  const r = grootsteResten(
    [
      { id: 'A', heel: 99n, rest: 9n, max: 99n },
      { id: 'B', heel: 0n, rest: 1n, max: null },
    ],
    100n,
  );
  assert.deepEqual(r, [99n, 1n]);
});

test('property: naarRato sums exactly, each within one cent of its exact share, order-independent', () => {
  fc.assert(
    fc.property(
      fc.array(fc.nat({ max: 1_000_000 }), { minLength: 1, maxLength: 12 }),
      fc.nat({ max: 100_000_000 }),
      (gewichten, totaal) => {
        const g = gewichten.map(BigInt);
        const somG = g.reduce((s, x) => s + x, 0n);
        if (somG === 0n) return;
        const ids = g.map((_, i) => `p${String(i).padStart(3, '0')}`);
        const T = BigInt(totaal);
        const r = naarRato(ids, g, T);
        assert.equal(
          r.reduce((s, x) => s + x, 0n),
          T,
        );
        // |r_i − T·g_i/Σg| < 1 ⇔ |r_i·Σg − T·g_i| < Σg
        r.forEach((x, i) => {
          const afwijking = x * somG - T * g[i];
          assert.ok((afwijking < 0n ? -afwijking : afwijking) < somG);
        });
        const omgekeerd = naarRato([...ids].reverse(), [...g].reverse(), T).reverse();
        assert.deepEqual(omgekeerd, r);
      },
    ),
    { numRuns: 300 },
  );
});

test('waterfillExact: caps bind in order of room per weight; the rest shares in proportion', () => {
  const items: WaterItem[] = [
    { id: 'A', vloer: 0n, plafond: 10n, gewicht: 5n },
    { id: 'B', vloer: 0n, plafond: null, gewicht: 3n },
    { id: 'C', vloer: 0n, plafond: null, gewicht: 2n },
  ];
  const T = verdeelbaar(items, 100n);
  assert.equal(T, 100n);
  const r = waterfillExact(items, T);
  assert.deepEqual(r.afgetopt, [true, false, false]);
  assert.deepEqual(r.heel, [10n, 54n, 36n]);
  assert.deepEqual(r.rest, [0n, 0n, 0n]);
  // a wrong set of binding caps is refused by the exact check
  assert.equal(exactVoorSet(items, T, [false, false, false]), null); // A would pass its cap
  assert.equal(exactVoorSet(items, T, [true, true, false]), null); // B has no cap to bind
  // all capped: T is the room, not the budget
  const capped: WaterItem[] = items.map((i) => ({ ...i, plafond: 5n }));
  assert.equal(verdeelbaar(capped, 100n), 15n);
});
