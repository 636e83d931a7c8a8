import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  alsJson,
  herschik,
  leesScenario,
  OnmogelijkeInvoer,
  type HerschikAanbieder,
  type HerschikScenario,
} from './herschikking.ts';
import { formatCenten, parseCenten, verdeelNaarRato } from './centen.ts';

const sc = (pool: string, aanbieders: [string, string, string, string, number?][]): HerschikScenario =>
  leesScenario({
    jaar: 2027,
    regio: '5527',
    pool,
    aanbieders: aanbieders.map(([id, afspraak, gerealiseerdTotNu, prognoseJaar, prioriteit]) => ({
      id,
      afspraak,
      gerealiseerdTotNu,
      prognoseJaar,
      ...(prioriteit === undefined ? {} : { prioriteit }),
    })),
  }).scenario!;
const na = (s: HerschikScenario) => Object.fromEntries(alsJson(herschik(s)).afspraken.map((a) => [a.aanbieder, a.na]));

test('the brief example: need 350000 met from the pool, pool 950000 → 600000', () => {
  const j = alsJson(herschik(sc('950000.00', [['X', '2550000.00', '1450000.00', '2900000.00', 0]])));
  assert.deepEqual(j.afspraken, [{ aanbieder: 'X', voor: '2550000.00', na: '2900000.00', verschil: '350000.00' }]);
  assert.deepEqual(j.pool, { voor: '950000.00', na: '600000.00' });
  assert.ok(j.uitleg.length >= 2);
});

test('hand-worked: pool too small, spare taken pro rata to spare (300000 : 50000), cent to the larger remainder', () => {
  // need A = 1300000 − 1000000 = 300000; spare B = 2000000 − max(1700000, 900000) = 300000;
  // spare C = 500000 − max(400000, 450000) = 50000. Pool 100000 first, then 200000 from spare:
  // B 200000 × 300/350 = 171428.5714…, C 200000 × 50/350 = 28571.4285… → floors 171428.57 + 28571.42,
  // one cent left, C's remainder (0.857) > B's (0.142) → C 28571.43.
  const u = herschik(
    sc('100000.00', [
      ['A', '1000000.00', '400000.00', '1300000.00'],
      ['B', '2000000.00', '900000.00', '1700000.00'],
      ['C', '500000.00', '450000.00', '400000.00'],
    ]),
  );
  const j = alsJson(u);
  assert.deepEqual(
    j.afspraken.map((a) => [a.aanbieder, a.na, a.verschil]),
    [
      ['A', '1300000.00', '300000.00'],
      ['B', '1828571.43', '-171428.57'],
      ['C', '471428.57', '-28571.43'],
    ],
  );
  assert.deepEqual(j.pool, { voor: '100000.00', na: '0.00' });
  assert.equal(formatCenten(u.uitPool), '100000.00');
  assert.equal(formatCenten(u.uitRuimte), '200000.00');
});

test('hand-worked: priority first, then pro rata to need within the priority (3 : 1)', () => {
  const r = na(
    sc('200000.00', [
      ['thuis', '800000.00', '500000.00', '950000.00', 1],
      ['vpa', '3000000.00', '1800000.00', '3300000.00', 0],
      ['vpb', '1200000.00', '700000.00', '1300000.00', 0],
    ]),
  );
  assert.deepEqual(r, { thuis: '950000.00', vpa: '3037500.00', vpb: '1212500.00' });
});

test('hand-worked: ten cents over three equal needs — the left-over cent goes to the lowest id', () => {
  const r = na(
    sc('0.10', [
      ['C', '10.00', '5.00', '11.00'],
      ['A', '10.00', '5.00', '11.00'],
      ['B', '10.00', '5.00', '11.00'],
    ]),
  );
  assert.deepEqual(r, { C: '10.03', A: '10.04', B: '10.03' });
});

test('spare is only taken as far as needed; nobody with spare loses when the pool suffices', () => {
  const r = na(
    sc('1000.00', [
      ['need', '100.00', '50.00', '600.00'],
      ['spare', '1000.00', '100.00', '200.00'],
    ]),
  );
  assert.deepEqual(r, { need: '600.00', spare: '1000.00' });
  const r2 = na(
    sc('100.00', [
      ['need', '100.00', '50.00', '600.00'],
      ['spare', '1000.00', '100.00', '200.00'],
    ]),
  );
  // 500 needed, pool 100, spare 800 → 400 from spare; the spare provider ends at 600 ≥ prognose 200.
  assert.deepEqual(r2, { need: '600.00', spare: '600.00' });
});

test('spare never counts money already realised: realised above prognose protects the realisation', () => {
  const r = na(
    sc('0.00', [
      ['need', '100.00', '0.00', '10000.00'],
      ['g', '1000.00', '900.00', '100.00'],
    ]),
  );
  assert.deepEqual(r, { need: '200.00', g: '900.00' });
});

test('an agreement below what was realised is impossible input, with the provider named', () => {
  assert.throws(
    () => herschik(sc('0.00', [['Y', '1000.00', '1100.00', '1500.00']])),
    (e: unknown) => e instanceof OnmogelijkeInvoer && /aanbieders\[0\] \(Y\)/.test(e.fouten[0].waar),
  );
});

test('field errors name the field', () => {
  const { fouten } = leesScenario({
    jaar: '2027',
    regio: '',
    pool: '-5',
    aanbieders: [
      { id: 'X', afspraak: '1,5', gerealiseerdTotNu: '1', prognoseJaar: '1.234' },
      { id: 'X', afspraak: '1', gerealiseerdTotNu: '1', prognoseJaar: '1', prioriteit: 1.5, extra: 1 },
    ],
  });
  const waar = fouten.map((f) => f.waar);
  for (const w of [
    'jaar',
    'regio',
    'pool',
    'aanbieders[0].afspraak',
    'aanbieders[0].prognoseJaar',
    'aanbieders[1].id',
    'aanbieders[1].prioriteit',
    'aanbieders[1].extra',
  ])
    assert.ok(waar.includes(w), `${w} in ${waar.join(', ')}`);
  assert.equal(leesScenario({ jaar: 2027, regio: 'r', pool: '1' }).fouten[0].waar, 'aanbieders');
  assert.equal(leesScenario([]).fouten[0].waar, '(bestand)');
});

test('parseCenten / formatCenten are exact and strict', () => {
  assert.equal(parseCenten('950000'), 95000000n);
  assert.equal(parseCenten('0.5'), 50n);
  assert.equal(parseCenten('1.234'), undefined);
  assert.equal(parseCenten('-1'), undefined);
  assert.equal(parseCenten('1e3'), undefined);
  assert.equal(formatCenten(-5n), '-0.05');
  assert.equal(formatCenten(123456n), '1234.56');
});

test('verdeelNaarRato: exact total, each share within one cent of its exact share', () => {
  fc.assert(
    fc.property(
      fc.bigInt({ min: 0n, max: 10n ** 12n }),
      fc.array(fc.bigInt({ min: 1n, max: 10n ** 10n }), { minLength: 1, maxLength: 12 }),
      (total, ws) => {
        const items = ws.map((gewicht, i) => ({ key: `k${i}`, gewicht }));
        const W = ws.reduce((a, b) => a + b, 0n);
        const m = verdeelNaarRato(total, items);
        assert.equal(
          [...m.values()].reduce((a, b) => a + b, 0n),
          total,
        );
        for (const it of items) {
          const d = m.get(it.key)! * W - total * it.gewicht;
          assert.ok(d > -W && d < W);
        }
      },
    ),
  );
});

// ------------------------------------------------------------------ properties
const cents = (max: bigint) => fc.bigInt({ min: 0n, max });
const aanbiederArb = (i: number) =>
  fc
    .record({
      gerealiseerdTotNu: cents(5_000_000_00n),
      boven: cents(3_000_000_00n),
      prognoseJaar: cents(9_000_000_00n),
      prioriteit: fc.integer({ min: 0, max: 2 }),
    })
    .map((r): HerschikAanbieder => ({
      id: `p${String(i).padStart(2, '0')}`,
      afspraak: r.gerealiseerdTotNu + r.boven,
      gerealiseerdTotNu: r.gerealiseerdTotNu,
      prognoseJaar: r.prognoseJaar,
      prioriteit: r.prioriteit,
    }));
const scenarioArb = fc
  .integer({ min: 0, max: 9 })
  .chain((n) => fc.tuple(cents(4_000_000_00n), fc.tuple(...Array.from({ length: n }, (_, i) => aanbiederArb(i)))))
  .map(([pool, aanbieders]): HerschikScenario => ({ jaar: 2027, regio: '5527', pool, aanbieders }));

const bmax = (a: bigint, b: bigint) => (a > b ? a : b);
const bmin = (a: bigint, b: bigint) => (a < b ? a : b);

test('property: total unchanged, nobody below realised, never beyond need, spare only from spare', () => {
  fc.assert(
    fc.property(scenarioArb, (s) => {
      const u = herschik(s);
      const voor = s.aanbieders.reduce((x, a) => x + a.afspraak, 0n) + s.pool;
      const nu = u.regels.reduce((x, r) => x + r.na, 0n) + u.poolNa;
      assert.equal(nu, voor);
      s.aanbieders.forEach((a, i) => {
        const r = u.regels[i];
        const need = bmax(0n, a.prognoseJaar - a.afspraak);
        assert.ok(r.na >= a.gerealiseerdTotNu, 'not below realised');
        assert.ok(r.na - r.voor <= need, 'never beyond need');
        assert.ok(r.voor - r.na <= bmax(0n, a.afspraak - bmax(a.prognoseJaar, a.gerealiseerdTotNu)));
        assert.ok(r.ontvangen === 0n || r.afgestaan === 0n, 'giver or receiver, not both');
      });
      assert.ok(u.poolNa >= 0n && u.poolNa <= s.pool);
    }),
    { numRuns: 400 },
  );
});

test('property: pool before spare, and as much moved as possible (min(need, pool + spare))', () => {
  fc.assert(
    fc.property(scenarioArb, (s) => {
      const u = herschik(s);
      if (u.uitRuimte > 0n) assert.equal(u.poolNa, 0n, 'spare only touched once the pool is empty');
      assert.equal(u.uitPool + u.uitRuimte, bmin(u.totaleBehoefte, s.pool + u.totaleRuimte));
      const afgestaan = u.regels.reduce((x, r) => x + r.afgestaan, 0n);
      const ontvangen = u.regels.reduce((x, r) => x + r.ontvangen, 0n);
      assert.equal(afgestaan, u.uitRuimte);
      assert.equal(ontvangen, u.uitPool + u.uitRuimte);
    }),
    { numRuns: 400 },
  );
});

test('property: priority order respected; pro rata within a priority and among givers (within one cent)', () => {
  fc.assert(
    fc.property(scenarioArb, (s) => {
      const u = herschik(s);
      const rows = u.regels.map((r, i) => ({ ...r, p: s.aanbieders[i].prioriteit }));
      for (const lo of rows)
        if (lo.ontvangen > 0n)
          for (const hi of rows)
            if (hi.p > lo.p) assert.equal(hi.ontvangen, hi.behoefte, `${hi.aanbieder} (p${hi.p}) fully met first`);
      for (const p of new Set(rows.map((r) => r.p))) {
        const g = rows.filter((r) => r.p === p && r.behoefte > 0n);
        const need = g.reduce((x, r) => x + r.behoefte, 0n);
        const got = g.reduce((x, r) => x + r.ontvangen, 0n);
        for (const r of g) {
          const d = r.ontvangen * need - got * r.behoefte;
          assert.ok(d > -need && d < need, 'within one cent of the pro rata share');
        }
      }
      const givers = rows.filter((r) => r.ruimte > 0n);
      const spare = givers.reduce((x, r) => x + r.ruimte, 0n);
      for (const r of givers) {
        const d = r.afgestaan * spare - u.uitRuimte * r.ruimte;
        assert.ok(d > -spare && d < spare, 'spare taken pro rata');
      }
    }),
    { numRuns: 400 },
  );
});

test('property: same input, same output — also when the providers are listed in another order', () => {
  fc.assert(
    fc.property(scenarioArb, fc.integer({ min: 0, max: 1000 }), (s, seed) => {
      const a = JSON.stringify(alsJson(herschik(s)));
      assert.equal(JSON.stringify(alsJson(herschik(structuredClone(s)))), a);
      const shuffled = [...s.aanbieders].sort(
        (x, y) => ((Number(x.id.slice(1)) * 7919 + seed) % 101) - ((Number(y.id.slice(1)) * 7919 + seed) % 101),
      );
      const byId = (j: ReturnType<typeof alsJson>) => Object.fromEntries(j.afspraken.map((x) => [x.aanbieder, x.na]));
      assert.deepEqual(byId(alsJson(herschik({ ...s, aanbieders: shuffled }))), byId(JSON.parse(a)));
    }),
    { numRuns: 200 },
  );
});

test('property: exact cents in the JSON — two decimals, differences sum to the pool change', () => {
  fc.assert(
    fc.property(scenarioArb, (s) => {
      const j = alsJson(herschik(s));
      const re = /^-?\d+\.\d{2}$/;
      let som = 0n;
      for (const a of j.afspraken) {
        for (const v of [a.voor, a.na, a.verschil]) assert.match(v, re);
        const neg = a.verschil.startsWith('-');
        som += (neg ? -1n : 1n) * parseCenten(a.verschil.replace('-', ''))!;
        assert.equal(
          parseCenten(a.na)! - parseCenten(a.voor)!,
          (neg ? -1n : 1n) * parseCenten(a.verschil.replace('-', ''))!,
        );
      }
      assert.equal(som, parseCenten(j.pool.voor)! - parseCenten(j.pool.na)!);
    }),
    { numRuns: 300 },
  );
});
