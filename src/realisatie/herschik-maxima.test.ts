/**
 * Herschikking with a maximum per provider, solved with HiGHS (src/domain/realisatie/herschikking.ts,
 * verdeelMetMaxima): the invariants as properties, and the HiGHS path equal to the layered rule when no
 * maximum binds. Real HiGHS, no mock.
 */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  alsJson,
  herschik,
  leesScenario,
  type HerschikAanbieder,
  type HerschikScenario,
} from '../domain/realisatie/herschikking.ts';
import type { LpSolver } from '../domain/budget/lp.ts';
import { highsSolver, laadHighs } from '../platform/highs.ts';
import { berekenHerschikking } from './herschikking.ts';

let solver: LpSolver;
before(async () => {
  solver = highsSolver(await laadHighs());
});

const bmax = (a: bigint, b: bigint) => (a > b ? a : b);
const bmin = (a: bigint, b: bigint) => (a < b ? a : b);
const cents = (max: bigint) => fc.bigInt({ min: 0n, max });

const aanbiederArb = (i: number) =>
  fc
    .record({
      gerealiseerdTotNu: cents(5_000_000_00n),
      boven: cents(3_000_000_00n),
      prognoseJaar: cents(9_000_000_00n),
      prioriteit: fc.integer({ min: 0, max: 2 }),
      // a maximum relative to the agreement: below it, between, far above, or none
      maximumBoven: fc.option(fc.bigInt({ min: -1_000_000_00n, max: 4_000_000_00n }), { nil: undefined }),
    })
    .map((r): HerschikAanbieder => {
      const afspraak = r.gerealiseerdTotNu + r.boven;
      return {
        id: `p${String(i).padStart(2, '0')}`,
        afspraak,
        gerealiseerdTotNu: r.gerealiseerdTotNu,
        prognoseJaar: r.prognoseJaar,
        prioriteit: r.prioriteit,
        maximum: r.maximumBoven === undefined ? null : bmax(0n, afspraak + r.maximumBoven),
      };
    });
const scenarioArb = fc
  .integer({ min: 1, max: 9 })
  .chain((n) => fc.tuple(cents(4_000_000_00n), fc.tuple(...Array.from({ length: n }, (_, i) => aanbiederArb(i)))))
  .map(([pool, aanbieders]): HerschikScenario => ({ jaar: 2027, regio: '5527', pool, aanbieders }));

test('example: a maximum binds, HiGHS gives the rest to the other provider, and the uitleg names it', () => {
  const s = leesScenario({
    jaar: 2027,
    regio: '5527',
    pool: '300000.00',
    aanbieders: [
      {
        id: 'A',
        afspraak: '1000000.00',
        gerealiseerdTotNu: '500000.00',
        prognoseJaar: '1200000.00',
        maximum: '1050000.00',
      },
      { id: 'B', afspraak: '1000000.00', gerealiseerdTotNu: '500000.00', prognoseJaar: '1200000.00' },
    ],
  }).scenario!;
  const u = herschik(s, solver);
  assert.equal(u.highs, true);
  // without the maximum each would get 150000.00; A stops at 50000.00, B gets its full need 200000.00
  assert.deepEqual(
    u.regels.map((r) => [r.aanbieder, r.na, r.maximumBindt]),
    [
      ['A', 105000000n, true],
      ['B', 120000000n, false],
    ],
  );
  assert.equal(u.poolNa, 5000000n);
  assert.ok(u.uitleg.some((x) => /opgelost met HiGHS/.test(x)));
  assert.ok(
    u.uitleg.some((x) => /^A: maximum 1050000\.00 bindt/.test(x)),
    u.uitleg.join('\n'),
  );
  assert.ok(!u.uitleg.some((x) => /^B: maximum/.test(x)));
  assert.throws(() => herschik(s), /vraagt de solver/);
});

test('property with maxima: total unchanged, nobody below realised, never beyond need or maximum', () => {
  fc.assert(
    fc.property(scenarioArb, (s) => {
      const u = herschik(s, solver);
      const voor = s.aanbieders.reduce((x, a) => x + a.afspraak, 0n) + s.pool;
      assert.equal(u.regels.reduce((x, r) => x + r.na, 0n) + u.poolNa, voor, 'total unchanged');
      assert.ok(u.poolNa >= 0n && u.poolNa <= s.pool);
      s.aanbieders.forEach((a, i) => {
        const r = u.regels[i];
        assert.ok(r.na >= a.gerealiseerdTotNu, 'not below realised');
        assert.ok(r.ontvangen <= bmax(0n, a.prognoseJaar - a.afspraak), 'never beyond need');
        if (a.maximum != null && r.ontvangen > 0n) assert.ok(r.na <= a.maximum, `${r.aanbieder} above its maximum`);
        if (r.maximumBindt) assert.equal(r.na, bmax(a.maximum!, a.afspraak), 'a bound maximum is reached exactly');
      });
    }),
    { numRuns: 300 },
  );
});

test('property with maxima: lexicographic by priority, pro rata to need among the unbound (within a cent)', () => {
  fc.assert(
    fc.property(scenarioArb, (s) => {
      const u = herschik(s, solver);
      const room = (a: HerschikAanbieder) => {
        const need = bmax(0n, a.prognoseJaar - a.afspraak);
        return a.maximum == null ? need : bmin(need, bmax(0n, a.maximum - a.afspraak));
      };
      const rows = u.regels.map((r, i) => ({ ...r, a: s.aanbieders[i], room: room(s.aanbieders[i]) }));
      // a lower priority receives only when every higher one got all it could (need or maximum)
      for (const lo of rows)
        if (lo.ontvangen > 0n)
          for (const hi of rows) if (hi.a.prioriteit > lo.a.prioriteit) assert.equal(hi.ontvangen, hi.room);
      // as much moved as possible
      const kamer = rows.reduce((x, r) => x + r.room, 0n);
      assert.equal(u.uitPool + u.uitRuimte, bmin(kamer, s.pool + u.totaleRuimte));
      for (const p of new Set(rows.map((r) => r.a.prioriteit))) {
        const vrij = rows.filter((r) => r.a.prioriteit === p && r.room > 0n && r.ontvangen < r.room);
        const need = vrij.reduce((x, r) => x + r.behoefte, 0n);
        const got = vrij.reduce((x, r) => x + r.ontvangen, 0n);
        for (const r of vrij) {
          const d = r.ontvangen * need - got * r.behoefte;
          assert.ok(d > -need && d < need, 'unbound providers within one cent of pro rata to need');
        }
        // a provider stopped by its maximum would have got at least as much pro rata (within a cent)
        if (vrij.length)
          for (const r of rows.filter((x) => x.a.prioriteit === p && x.maximumBindt && x.room > 0n))
            assert.ok(r.room * need <= got * r.behoefte + need, `${r.aanbieder}: the maximum really stopped it`);
      }
    }),
    { numRuns: 300 },
  );
});

test('property: maxima that do not bind give exactly the layered rule (HiGHS path = plain rule)', () => {
  fc.assert(
    fc.property(scenarioArb, fc.bigInt({ min: 0n, max: 1_000_000_00n }), (s, extra) => {
      const zonder: HerschikScenario = { ...s, aanbieders: s.aanbieders.map((a) => ({ ...a, maximum: null })) };
      // every maximum at or above the forecast (or agreement): it can never stop anyone
      const met: HerschikScenario = {
        ...s,
        aanbieders: s.aanbieders.map((a) => ({ ...a, maximum: bmax(a.prognoseJaar, a.afspraak) + extra })),
      };
      const a = herschik(zonder);
      const b = herschik(met, solver);
      assert.equal(a.highs, false);
      assert.equal(b.highs, true);
      assert.deepEqual(alsJson(b).afspraken, alsJson(a).afspraken);
      assert.deepEqual(alsJson(b).pool, alsJson(a).pool);
      assert.ok(b.regels.every((r) => !r.maximumBindt));
    }),
    { numRuns: 300 },
  );
});

test('berekenHerschikking (API and CLI): a maximum in the file is solved with HiGHS; without one, no HiGHS line', async () => {
  const basis = {
    jaar: 2027,
    regio: '5527',
    pool: '100000.00',
    aanbieders: [
      { id: 'A', afspraak: '1000.00', gerealiseerdTotNu: '500.00', prognoseJaar: '90000.00' },
      { id: 'B', afspraak: '1000.00', gerealiseerdTotNu: '500.00', prognoseJaar: '90000.00' },
    ],
  };
  const zonder = await berekenHerschikking(basis);
  assert.ok(!zonder.uitleg.some((x) => /HiGHS/.test(x)));
  const met = await berekenHerschikking({
    ...basis,
    aanbieders: [{ ...basis.aanbieders[0], maximum: '11000.00' }, basis.aanbieders[1]],
  });
  assert.deepEqual(
    met.afspraken.map((x) => x.na),
    ['11000.00', '90000.00'],
  );
  assert.equal(met.pool.na, '1000.00');
  assert.ok(met.uitleg.some((x) => /HiGHS/.test(x)));
});
