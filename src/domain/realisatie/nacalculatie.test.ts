import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  nacalculeer,
  NacalculatieFout,
  OVERPRODUCTIE_REGELS,
  type NacalculatieAanbieder,
  type NacalculatieInvoer,
  type OverproductieRegel,
} from './nacalculatie.ts';
import { formatCenten, parseCenten } from './centen.ts';
import { Decimal } from '../money.ts';

const c = (s: string) => parseCenten(s)!;
const a = (id: string, afspraak: string, gedeclareerd: string, extra: Partial<NacalculatieAanbieder> = {}) => ({
  id,
  afspraak: c(afspraak),
  gedeclareerd: c(gedeclareerd),
  ...extra,
});
const run = (regel: OverproductieRegel, ruimte: string, aanbieders: NacalculatieAanbieder[]) =>
  nacalculeer({ jaar: 2027, regio: '5527', contracteerruimte: c(ruimte), regel, aanbieders });
const vast = (u: ReturnType<typeof nacalculeer>) =>
  Object.fromEntries(u.regels.map((r) => [r.aanbieder, formatCenten(r.vastgesteld)]));

const regio = () => [a('A', '500.00', '600.00'), a('B', '400.00', '300.00'), a('C', '100.00', '100.00')];

test('niet-vergoed: overproduction unpaid, under-production paid as delivered, unpaid never in next year’s base', () => {
  const u = run('niet-vergoed', '1000.00', regio());
  assert.deepEqual(vast(u), { A: '500.00', B: '300.00', C: '100.00' });
  const A = u.regels[0];
  assert.equal(formatCenten(A.overproductie), '100.00');
  assert.equal(formatCenten(A.onbetaald), '100.00');
  assert.equal(formatCenten(A.basisVolgendJaar), '500.00');
  assert.ok(A.uitleg.some((x) => /niet mee als uitgangspunt voor volgend jaar/.test(x)));
  assert.ok(u.regels[1].uitleg.some((x) => /Onderproductie: 100\.00/.test(x)));
});

test('later-vergoed: overproduction paid from room left in the contracteerruimte, never above it', () => {
  assert.deepEqual(vast(run('later-vergoed', '1000.00', regio())), { A: '600.00', B: '300.00', C: '100.00' });
  // Overproduction 200, room 1000 − 900 = 100: half paid later, half unpaid, and the base excludes it.
  const u = run('later-vergoed', '1000.00', [
    a('A', '500.00', '700.00'),
    a('B', '400.00', '300.00'),
    a('C', '100.00', '100.00'),
  ]);
  assert.deepEqual(vast(u), { A: '600.00', B: '300.00', C: '100.00' });
  assert.equal(formatCenten(u.regels[0].nabetaling), '100.00');
  assert.equal(formatCenten(u.regels[0].onbetaald), '100.00');
  assert.equal(formatCenten(u.regels[0].basisVolgendJaar), '600.00');
  assert.equal(formatCenten(u.totaalVastgesteld), '1000.00');
});

test('tariefkorting: within the contracteerruimte no cut; above it everyone cut by one percentage, cents by largest remainder', () => {
  assert.deepEqual(vast(run('tariefkorting', '1000.00', regio())), { A: '600.00', B: '300.00', C: '100.00' });
  // Declared 700 + 300 + 100 = 1100 over a ruimte of 1000: cut 100/1100 = 9.0909%.
  // 1000 × 7/11 = 636.3636…, × 3/11 = 272.7272…, × 1/11 = 90.9090… → floors 636.36 + 272.72 + 90.90 = 999.98;
  // the two cents go to the largest remainders (C .09…, B .27… of a cent → C and B).
  const u = run('tariefkorting', '1000.00', [
    a('A', '500.00', '700.00'),
    a('B', '400.00', '300.00'),
    a('C', '100.00', '100.00'),
  ]);
  assert.deepEqual(vast(u), { A: '636.36', B: '272.73', C: '90.91' });
  assert.equal(u.kortingspercentage, '9.0909');
  assert.equal(formatCenten(u.overschrijding), '100.00');
  assert.equal(formatCenten(u.regels[0].korting), '63.64');
  assert.equal(formatCenten(u.regels[0].onbetaald), '0.00');
  assert.ok(u.uitleg.some((x) => /gekort met 9\.0909%/.test(x)));
});

test('budgetplafond: nothing above it is declarable, under every rule', () => {
  for (const regel of OVERPRODUCTIE_REGELS) {
    const u = run(regel, '2000.00', [a('A', '500.00', '600.00', { plafond: c('550.00') })]);
    const r = u.regels[0];
    assert.equal(formatCenten(r.declarabel), '550.00', regel);
    assert.equal(formatCenten(r.nietDeclarabel), '50.00', regel);
    assert.ok(r.vastgesteld <= c('550.00'), regel);
  }
  assert.equal(
    vast(run('later-vergoed', '2000.00', [a('A', '500.00', '600.00', { plafond: c('550.00') })])).A,
    '550.00',
  );
});

test('model P: paid P × delivered volume up to the PxQ budget, with the inspanningsverplichting named', () => {
  // P 100.00 × 5.5 days = 550.00 payable; declared 600.00; PxQ budget 500.00.
  const p = a('P1', '500.00', '600.00', { model: 'P', prijs: '100.00', volume: '5.5' });
  for (const regel of ['niet-vergoed', 'later-vergoed'] as const) {
    const u = run(regel, '2000.00', [p]);
    const r = u.regels[0];
    assert.equal(formatCenten(r.declarabel), '550.00');
    assert.equal(formatCenten(r.vastgesteld), '500.00', regel);
    assert.ok(r.uitleg.some((x) => /inspanningsverplichting/.test(x)));
  }
  assert.equal(vast(run('tariefkorting', '2000.00', [p])).P1, '550.00');
  // below the budget: paid as delivered
  assert.equal(
    vast(run('niet-vergoed', '2000.00', [a('P2', '500.00', '999.00', { model: 'P', prijs: '45.50', volume: '10' })]))
      .P2,
    '455.00',
  );
});

test('refuses agreements above the contracteerruimte, duplicate ids, unknown rule', () => {
  assert.throws(() => run('niet-vergoed', '100.00', [a('A', '101.00', '0')]), NacalculatieFout);
  assert.throws(() => run('niet-vergoed', '1000.00', [a('A', '1.00', '0'), a('A', '1.00', '0')]), /dubbel/);
  assert.throws(() => run('weet-niet' as OverproductieRegel, '1000.00', []), /onbekende overproductieregel/);
});

// ------------------------------------------------------------------ properties
const cents = (m: bigint) => fc.bigInt({ min: 0n, max: m });
const invoerArb = fc
  .tuple(
    fc.constantFrom(...OVERPRODUCTIE_REGELS),
    fc.array(
      fc.record({
        afspraak: cents(1_000_000_00n),
        gedeclareerd: cents(1_500_000_00n),
        model: fc.constantFrom('Q' as const, 'P' as const),
        plafond: fc.option(cents(1_500_000_00n), { nil: undefined }),
      }),
      { maxLength: 10 },
    ),
    cents(3_000_000_00n),
  )
  .map(([regel, rows, extra]): NacalculatieInvoer => {
    const aanbieders = rows.map((r, i) => ({ id: `a${i}`, ...r }));
    const som = aanbieders.reduce((s, x) => s + x.afspraak, 0n);
    return { jaar: 2027, regio: '5527', contracteerruimte: som + extra, regel, aanbieders };
  });

test('property: never above the contracteerruimte; every declarable euro is paid, cut or unpaid — exactly once', () => {
  fc.assert(
    fc.property(invoerArb, (inv) => {
      const u = nacalculeer(inv);
      assert.ok(u.totaalVastgesteld <= inv.contracteerruimte);
      for (const [i, r] of u.regels.entries()) {
        const x = inv.aanbieders[i];
        assert.ok(r.declarabel <= r.gedeclareerd);
        if (x.plafond !== undefined) assert.ok(r.declarabel <= x.plafond, 'nothing above the plafond');
        for (const v of [r.vergoed, r.nabetaling, r.korting, r.onbetaald, r.vastgesteld]) assert.ok(v >= 0n);
        assert.equal(r.vastgesteld + r.korting + r.onbetaald, r.declarabel);
        assert.equal(r.basisVolgendJaar, r.vastgesteld, 'next year’s base is what was paid');
        assert.ok(r.basisVolgendJaar + r.onbetaald <= r.declarabel);
        if (inv.regel === 'niet-vergoed')
          assert.equal(r.vastgesteld, r.declarabel < r.afspraak ? r.declarabel : r.afspraak);
        if (inv.regel === 'later-vergoed') {
          assert.ok(r.vastgesteld >= (r.declarabel < r.afspraak ? r.declarabel : r.afspraak));
          if (x.model === 'P') assert.equal(r.nabetaling, 0n, 'model P capped at PxQ');
        }
      }
    }),
    { numRuns: 400 },
  );
});

test('property: tariefkorting lands exactly on the contracteerruimte when it overruns, with one percentage (within a cent)', () => {
  fc.assert(
    fc.property(invoerArb, (inv0) => {
      const inv = { ...inv0, regel: 'tariefkorting' as const };
      const u = nacalculeer(inv);
      if (u.overschrijding === 0n) {
        assert.equal(u.totaalVastgesteld, u.totaalDeclarabel);
        assert.equal(u.kortingspercentage, null);
        return;
      }
      assert.equal(u.totaalVastgesteld, inv.contracteerruimte);
      const T = u.totaalDeclarabel;
      for (const r of u.regels) {
        const d = r.vastgesteld * T - inv.contracteerruimte * r.declarabel;
        assert.ok(d > -T && d < T);
      }
    }),
    { numRuns: 300 },
  );
});

test('property: later-vergoed pays all overproduction when the room suffices, else fills the contracteerruimte', () => {
  fc.assert(
    fc.property(invoerArb, (inv0) => {
      const inv = { ...inv0, regel: 'later-vergoed' as const };
      const u = nacalculeer(inv);
      const qOver = u.regels
        .filter((_, i) => (inv.aanbieders[i].model ?? 'Q') === 'Q')
        .reduce((s, r) => s + r.overproductie, 0n);
      const nab = u.regels.reduce((s, r) => s + r.nabetaling, 0n);
      assert.ok(nab === qOver || u.totaalVastgesteld === inv.contracteerruimte);
    }),
    { numRuns: 300 },
  );
});

test('property: a withheld opslag lowers each paid amount by exactly its opslag share; granted changes nothing; paid + cut + unpaid + withheld = declarable', () => {
  const pctArb = fc.integer({ min: 1, max: 300 }).map((n) => (n / 100).toFixed(2));
  fc.assert(
    fc.property(
      invoerArb,
      fc.array(fc.constantFrom('toegekend', 'onthouden', null), { maxLength: 8 }),
      pctArb,
      (inv, oordelen, p) => {
        const zonder = nacalculeer(inv);
        const met = nacalculeer({
          ...inv,
          aanbieders: inv.aanbieders.map((x, i) =>
            oordelen[i] ? { ...x, opslag: { percentage: p, oordeel: oordelen[i] as 'toegekend' | 'onthouden' } } : x,
          ),
        });
        assert.ok(met.totaalVastgesteld <= inv.contracteerruimte);
        for (const [i, r] of met.regels.entries()) {
          const z = zonder.regels[i];
          assert.equal(r.vastgesteld + r.korting + r.onbetaald + r.opslagOnthouden, r.declarabel);
          assert.equal(r.vastgesteldMetOpslag, z.vastgesteld, 'with the opslag kept: the same as without a judgement');
          assert.equal(r.basisVolgendJaar, r.vastgesteld);
          if (oordelen[i] !== 'onthouden') {
            assert.equal(r.vastgesteld, z.vastgesteld);
            assert.equal(r.opslagOnthouden, 0n);
            continue;
          }
          // the share of x paid at basistarief × (1 + p%): x − round(x × 100 / (100 + p))
          const deel = (x: bigint) =>
            x -
            BigInt(
              new Decimal(x.toString())
                .times(100)
                .dividedBy(new Decimal(100).plus(p))
                .toDecimalPlaces(0, Decimal.ROUND_HALF_UP)
                .toFixed(0),
            );
          assert.equal(r.opslagOnthouden, deel(z.vergoed) + deel(z.nabetaling));
          assert.equal(r.vastgesteld, z.vastgesteld - r.opslagOnthouden);
          assert.equal(r.korting, z.korting);
          assert.equal(r.onbetaald, z.onbetaald);
        }
      },
    ),
    { numRuns: 300 },
  );
});

test('opslag by hand: 1,030,000.00 paid at basistarief + 3% is 1,000,000.00 at basistarief; withheld share 30,000.00', () => {
  const inv = {
    jaar: 2026,
    regio: 'R',
    contracteerruimte: c('2000000.00'),
    regel: 'niet-vergoed' as const,
    aanbieders: [a('A', '1030000.00', '1030000.00', { opslag: { percentage: '3.00', oordeel: 'onthouden' } })],
  };
  const r = nacalculeer(inv).regels[0];
  assert.equal(formatCenten(r.vastgesteld), '1000000.00');
  assert.equal(formatCenten(r.opslagOnthouden), '30000.00');
  assert.equal(formatCenten(r.vastgesteldMetOpslag), '1030000.00');
  assert.ok(r.uitleg.some((u) => /Opslag 3\.00% onthouden/.test(u)));
  assert.throws(
    () =>
      nacalculeer({
        ...inv,
        aanbieders: [{ ...inv.aanbieders[0], opslag: { percentage: '3.5', oordeel: 'onthouden' } }],
      }),
    NacalculatieFout,
  );
});
