import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Decimal } from '../money.ts';
import { grootsteResten } from './afronden.ts';
import { verdeelbaar, waterfillExact, type WaterItem } from './lp.ts';

const d = (s: string | number) => new Decimal(s);

test('grootsteResten: the cents left go to the largest remainders, ties by id', () => {
  // 3 × 1/3 of 1.00: 0.33 each, one cent left; all remainders equal → lowest id
  const r = grootsteResten(
    ['C', 'A', 'B'].map((id) => ({ id, exact: d(1).dividedBy(3), max: null })),
    d('1.00'),
  );
  assert.deepEqual(
    r.map((x) => x.toFixed(2)),
    ['0.33', '0.34', '0.33'],
  );
  // remainders .6, .27, .12 of 1 000 000 split 40:18:8 (the Kader 4 case worked in verdeling.test.ts)
  const m = d(1000000);
  const r2 = grootsteResten(
    [
      { id: 'A', exact: m.times(40).dividedBy(66), max: null },
      { id: 'B', exact: m.times(18).dividedBy(66), max: null },
      { id: 'C', exact: m.times(8).dividedBy(66), max: null },
    ],
    m,
  );
  assert.deepEqual(
    r2.map((x) => x.toFixed(2)),
    ['606060.61', '272727.27', '121212.12'],
  );
});

test('grootsteResten: never past a maximum', () => {
  const r = grootsteResten(
    [
      { id: 'A', exact: d('0.999'), max: d('0.99') },
      { id: 'B', exact: d('0.001'), max: null },
    ],
    d('1.00'),
  );
  assert.deepEqual(
    r.map((x) => x.toFixed(2)),
    ['0.99', '0.01'],
  );
});

test('property: grootsteResten sums exactly, each within one cent of its exact share, order-independent', () => {
  fc.assert(
    fc.property(
      fc.array(fc.nat({ max: 1_000_000 }), { minLength: 1, maxLength: 12 }),
      fc.nat({ max: 100_000_000 }),
      (gewichten, totaalCent) => {
        const totaal = d(totaalCent).dividedBy(100);
        const som = gewichten.reduce((s, g) => s + g, 0);
        const exact = gewichten.map((g) => (som === 0 ? d(0) : totaal.times(g).dividedBy(som)));
        if (som === 0) return;
        const ids = gewichten.map((_, i) => `p${String(i).padStart(3, '0')}`);
        const r = grootsteResten(
          exact.map((e, i) => ({ id: ids[i], exact: e, max: null })),
          totaal,
        );
        assert.equal(r.reduce((s, x) => s.plus(x), d(0)).toFixed(2), totaal.toFixed(2));
        r.forEach((x, i) => {
          assert.ok(x.decimalPlaces() <= 2);
          assert.ok(x.minus(exact[i]).abs().lessThan('0.01'), `${x} vs ${exact[i]}`);
        });
        // reversed input order gives the same amount per id
        const rev = grootsteResten(
          exact.map((e, i) => ({ id: ids[i], exact: e, max: null })).reverse(),
          totaal,
        ).reverse();
        assert.deepEqual(
          rev.map((x) => x.toFixed(2)),
          r.map((x) => x.toFixed(2)),
        );
      },
    ),
    { numRuns: 300 },
  );
});

test('waterfillExact: caps bind in order of room per weight; the rest shares in proportion', () => {
  const items: WaterItem[] = [
    { id: 'A', vloer: d(0), plafond: d(10), gewicht: d(5) },
    { id: 'B', vloer: d(0), plafond: null, gewicht: d(3) },
    { id: 'C', vloer: d(0), plafond: null, gewicht: d(2) },
  ];
  const T = verdeelbaar(items, d(100));
  assert.equal(T.toString(), '100');
  const r = waterfillExact(items, T);
  assert.deepEqual(r.afgetopt, [true, false, false]);
  assert.deepEqual(
    r.extra.map((x) => x.toString()),
    ['10', '54', '36'],
  );
  // all capped: T is the room, not the budget
  const capped: WaterItem[] = items.map((i) => ({ ...i, plafond: d(5) }));
  assert.equal(verdeelbaar(capped, d(100)).toString(), '15');
});
