import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Decimal } from '../money.ts';
import {
  legeStand,
  pasToe,
  inBalans,
  oormerkTotaal,
  standUitDeltas,
  oormerkVanPercentage,
  benutting,
  GrootboekWeigering,
  type Mutatie,
  type Stand,
  type Deltas,
} from './grootboek.ts';
import { bedragVan, deadlineStand, magNaarStatus, nzaDeadline } from './afspraak.ts';

const cents = (max: number) => fc.integer({ min: -max, max }).map((c) => new Decimal(c).dividedBy(100).toFixed(2));
const pos = (max: number) => fc.integer({ min: 1, max }).map((c) => new Decimal(c).dividedBy(100).toFixed(2));
const mutatie: fc.Arbitrary<Mutatie> = fc.oneof(
  pos(2_000_000_00).map((t) => ({ soort: 'vaststelling' as const, totaal: t })),
  fc
    .tuple(fc.constantFrom('innovatie', 'essentiële voorzieningen'), cents(30_000_00))
    .map(([label, bedrag]) => ({ soort: 'oormerk' as const, label, bedrag })),
  cents(30_000_00).map((bedrag) => ({ soort: 'reserve' as const, bedrag })),
  pos(50_000_00).map((bedrag) => ({ soort: 'overheveling-uit' as const, bedrag })),
  pos(50_000_00).map((bedrag) => ({ soort: 'overheveling-in' as const, bedrag })),
  cents(400_000_00).map((bedrag) => ({ soort: 'afspraak' as const, bedrag })),
);

const nonNegative = (s: Stand) =>
  !s.totaal.isNegative() &&
  !s.afspraken.isNegative() &&
  !s.pool.isNegative() &&
  !s.reserve.isNegative() &&
  Object.values(s.oormerken).every((v) => !v.isNegative());
const exactCents = (s: Stand) =>
  [s.totaal, s.afspraken, s.pool, s.reserve, ...Object.values(s.oormerken)].every((d) => d.decimalPlaces() <= 2);

test('property: any sequence of ledger operations keeps afspraken + pool + oormerk + reserve = totaal to the cent', () => {
  fc.assert(
    fc.property(fc.array(mutatie, { maxLength: 60 }), (ops) => {
      let s = legeStand();
      const log: (Deltas & { label?: string })[] = [];
      for (const m of ops) {
        const voor = s;
        try {
          const r = pasToe(s, m);
          // each mutation's own deltas balance
          assert.ok(
            r.deltas.totaal.equals(
              r.deltas.afspraken.plus(r.deltas.pool).plus(r.deltas.oormerk).plus(r.deltas.reserve),
            ),
          );
          s = r.stand;
          log.push({ ...r.deltas, label: m.soort === 'oormerk' ? m.label : undefined });
        } catch (e) {
          assert.ok(e instanceof GrootboekWeigering, String(e));
          assert.ok(e.fout.waar && e.fout.wat && e.fout.actie);
          assert.equal(s, voor, 'a refused mutation changes nothing');
        }
        assert.ok(inBalans(s), 'balance');
        assert.ok(nonNegative(s), 'no bucket below zero');
        assert.ok(exactCents(s), 'exact cents');
      }
      // the stored deltas alone rebuild the same stand
      const r = standUitDeltas(log);
      assert.ok(r.totaal.equals(s.totaal) && r.afspraken.equals(s.afspraken) && r.pool.equals(s.pool));
      assert.ok(r.reserve.equals(s.reserve) && oormerkTotaal(r).equals(oormerkTotaal(s)));
    }),
    { numRuns: 400 },
  );
});

test('agreements above the free pool are refused, naming the shortfall', () => {
  let s = pasToe(legeStand(), { soort: 'vaststelling', totaal: '1000.00' }).stand;
  s = pasToe(s, { soort: 'oormerk', label: 'innovatie', bedrag: '10.00' }).stand;
  s = pasToe(s, { soort: 'afspraak', bedrag: '990.00' }).stand;
  assert.equal(s.pool.toFixed(2), '0.00');
  assert.throws(
    () => pasToe(s, { soort: 'afspraak', bedrag: '0.01' }),
    (e: any) => e instanceof GrootboekWeigering && /tekort 0\.01/.test(e.fout.wat),
  );
  // lowering the total below what is committed is refused too
  assert.throws(() => pasToe(s, { soort: 'vaststelling', totaal: '999.99' }), GrootboekWeigering);
  // sub-cent amounts are refused
  assert.throws(() => pasToe(s, { soort: 'reserve', bedrag: '0.001' }), /hele centen/);
});

test('earmark as percentage: Z&Z 1% of the contracteerruimte, cents half-up', () => {
  assert.equal(oormerkVanPercentage('123456789.50', '1').toFixed(2), '1234567.90');
  assert.equal(oormerkVanPercentage('0.50', '1').toFixed(2), '0.01');
  assert.equal(oormerkVanPercentage('0.49', '1').toFixed(2), '0.00');
});

test('benutting: share of agreements in the total', () => {
  assert.equal(benutting({ totaal: new Decimal('200'), afspraken: new Decimal('175') }), '87.5');
  assert.equal(benutting({ totaal: new Decimal('0'), afspraken: new Decimal('0') }), null);
});

test('productieafspraak: amount = price × volume half-up; status steps; NZa deadline 1 November the year before', () => {
  assert.equal(bedragVan('123.45', '3.5').toFixed(2), '432.08'); // 432.075 → 432.08
  assert.equal(bedragVan('0.01', '0.5').toFixed(2), '0.01');
  assert.ok(magNaarStatus('concept', 'ingediend'));
  assert.ok(magNaarStatus('ingediend', 'vastgesteld'));
  assert.ok(!magNaarStatus('concept', 'vastgesteld'));
  assert.ok(!magNaarStatus('vastgesteld', 'concept'));
  // 1 Nov 2025 00:00 Amsterdam (CET, +01:00) = 31 Oct 2025 23:00 UTC
  assert.equal(nzaDeadline(2026).toISOString(), '2025-10-31T23:00:00.000Z');
  const d = deadlineStand(2026, new Date('2025-10-31T12:00:00Z'));
  assert.equal(d.verstreken, false);
  assert.equal(d.dagenOver, 0);
  assert.equal(d.laatsteDag, '2025-10-31');
  assert.equal(deadlineStand(2026, new Date('2025-10-31T23:00:00Z')).verstreken, true);
  assert.equal(deadlineStand(2026, new Date('2025-10-01T00:00:00Z')).dagenOver, 30);
});

test('property: a proposal never exceeds the allocation per provider, and every line is price × volume', async () => {
  const { maakVoorstel } = await import('./voorstel.ts');
  fc.assert(
    fc.property(
      fc.array(
        fc.record({
          bedrag: fc.integer({ min: 0, max: 500_000_000 }),
          mix: fc.array(
            fc.record({ prijs: fc.integer({ min: 1, max: 40_000 }), ref: fc.integer({ min: 0, max: 9_000_000 }) }),
            {
              minLength: 1,
              maxLength: 4,
            },
          ),
        }),
        { minLength: 1, maxLength: 6 },
      ),
      fc.integer({ min: 50, max: 120 }),
      (xs, factor) => {
        const c = (n: number) => new Decimal(n).dividedBy(100).toFixed(2);
        const mix = Object.fromEntries(
          xs.map((x, i) => [
            `a${i}`,
            x.mix.map((m, j) => ({
              prestatie: `p${j}`,
              leveringsvorm: j % 2 ? 'mpt' : 'verblijf',
              prijs: c(m.prijs),
              referentieBedrag: c(m.ref),
            })),
          ]),
        );
        const v = maakVoorstel(
          xs.map((x, i) => ({ aanbieder: `a${i}`, bedrag: c(x.bedrag) })),
          mix,
          { tariefFactor: String(factor) },
        );
        xs.forEach((x, i) => {
          const som = v.regels
            .filter((r) => r.aanbiederId === `a${i}`)
            .reduce((s, r) => s.plus(r.bedrag), new Decimal(0));
          assert.ok(som.lessThanOrEqualTo(c(x.bedrag)), `a${i}: ${som} > ${c(x.bedrag)}`);
        });
        for (const r of v.regels) assert.equal(bedragVan(r.prijs, r.volume).toFixed(2), r.bedrag);
      },
    ),
    { numRuns: 200 },
  );
});
