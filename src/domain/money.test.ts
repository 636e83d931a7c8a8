import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  Decimal,
  applyPercentage,
  controleerDecimaal,
  type DecimaalRegels,
  euros,
  formatEuroNl,
  parseDecimal,
  pct,
  roundCents,
  sum,
} from './money.ts';

test('half-up rounding to cents, including the binary-float traps', () => {
  assert.equal(euros('0.005'), '0.01');
  assert.equal(euros('1.005'), '1.01'); // 1.005 in binary float rounds down to 1.00
  assert.equal(euros('2.675'), '2.68');
  assert.equal(euros('-0.005'), '-0.01');
  assert.equal(euros('0.0049999'), '0.00');
  assert.equal(pct('95.5'), '95.50');
  assert.equal(applyPercentage('100.00', '95.5').toFixed(2), '95.50');
  assert.equal(applyPercentage('187.33', '95.5').toFixed(2), '178.90'); // 178.90015
});

test('0.1 + 0.2 is exactly 0.3', () => {
  assert.equal(sum(['0.1', '0.2']).toString(), '0.3');
});

test('parseDecimal accepts Dutch commas and refuses garbage with the value named', () => {
  assert.equal(parseDecimal('95,5').toString(), '95.5');
  assert.throws(() => parseDecimal('12a', 'regel 3, kolom tarief'), /regel 3, kolom tarief: "12a"/);
  assert.throws(() => parseDecimal('1e5'), /geen decimaal/);
});

test('formatEuroNl', () => {
  assert.equal(formatEuroNl('1234567.891'), '€ 1.234.567,89');
  assert.equal(formatEuroNl('-5'), '-€ 5,00');
});

test('property: sum of cent amounts is exact and order-independent', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: -10_000_000_00, max: 10_000_000_00 }), { maxLength: 200 }), (cents) => {
      const amounts = cents.map((c) => new Decimal(c).dividedBy(100));
      const a = sum(amounts);
      const b = sum([...amounts].reverse());
      assert.ok(a.equals(b));
      assert.ok(a.times(100).equals(new Decimal(cents.reduce((x, y) => x + y, 0))));
    }),
  );
});

test('property: roundCents is idempotent and moves at most half a cent', () => {
  fc.assert(
    fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 9999 }), (i, frac) => {
      const v = new Decimal(i).dividedBy(100).plus(new Decimal(frac).dividedBy(1e6));
      const r = roundCents(v);
      assert.ok(roundCents(r).equals(r));
      assert.ok(r.minus(v).abs().lte('0.005'));
    }),
  );
});

test('controleerDecimaal: digits, decimals and sign bounded like the column; no exponent, blanks or separators', () => {
  const bedrag: DecimaalRegels = { cijfers: 12, decimalen: 2, teken: 'niet-negatief' };
  const ok = (v: unknown, r: DecimaalRegels = bedrag) => {
    const x = controleerDecimaal(v, r);
    return x.ok ? x.waarde : null;
  };
  assert.equal(ok('25000'), '25000');
  assert.equal(ok('25000,5'), '25000.5');
  assert.equal(ok(' 007.10 '), '7.10');
  assert.equal(ok('0'), '0');
  assert.equal(ok('999999999999.99'), '999999999999.99');
  for (const v of [
    '-1',
    '1234567890123',
    '1e5',
    '1.234',
    '',
    '   ',
    'abc',
    '1.000,00',
    '+5',
    '0x10',
    'Infinity',
    5,
    null,
  ])
    assert.equal(ok(v), null, String(v));
  assert.equal(ok('-1.5', { cijfers: 5, decimalen: 2 }), '-1.5');
  assert.equal(ok('0', { cijfers: 5, decimalen: 2, teken: 'positief' }), null);
  const f = controleerDecimaal('-3', bedrag);
  assert.ok(!f.ok && /negatief/.test(f.wat) && f.actie.length > 0);
});

test('controleerDecimaal: every accepted value fits numeric(cijfers + decimalen, decimalen) exactly', () => {
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom('0', '1', '9', '.', ',', '-', 'e', ' '), maxLength: 20 }), (s) => {
      const r = controleerDecimaal(s, { cijfers: 5, decimalen: 2 });
      if (!r.ok) return;
      const d = new Decimal(r.waarde);
      assert.ok(d.abs().lessThan(100000), s);
      assert.ok(d.decimalPlaces() <= 2, s);
      assert.ok(d.equals(new Decimal(s.trim().replace(',', '.'))), s);
    }),
  );
});
