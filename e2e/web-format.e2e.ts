/**
 * The web app's string-based money and percentage formatting (web/src/ui/format.ts), checked
 * against decimal.js. Lives with the browser tests because it covers web/src; needs no browser.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Decimal } from '../src/domain/money.ts';
import {
  compareDecimal,
  formatBedrag,
  formatGetal,
  formatPercentage,
  percentageVan,
  roundDecimalString,
} from '../web/src/ui/format.ts';

const decimalString = fc
  .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.integer({ min: 0, max: 6 }))
  .map(([neg, digits, scale]) => {
    const s = digits.toString().padStart(scale + 1, '0');
    const v = scale ? `${s.slice(0, s.length - scale)}.${s.slice(s.length - scale)}` : s;
    return (neg ? '-' : '') + v;
  });

test('formatBedrag: Dutch and English, half-up, never through floating point', () => {
  assert.equal(formatBedrag('1234567.5'), '€ 1.234.567,50');
  assert.equal(formatBedrag('1234567.5', 'en'), '€1,234,567.50');
  assert.equal(formatBedrag('0.005'), '€ 0,01');
  assert.equal(formatBedrag('999.995'), '€ 1.000,00');
  assert.equal(formatBedrag('-12.345'), '−€ 12,35');
  assert.equal(formatBedrag('-0.004'), '€ 0,00');
  assert.equal(formatBedrag('90071992547409.93'), '€ 90.071.992.547.409,93'); // beyond double precision
  assert.equal(formatBedrag(null), '—');
  assert.equal(formatBedrag('abc'), '—');
  assert.equal(formatPercentage('95.5'), '95,50%');
  assert.equal(formatPercentage('3.14159', 'en'), '3.14%');
  assert.equal(formatGetal('1234.5', 'en'), '1,234.5');
  assert.equal(formatGetal(1234), '1.234');
});

test('roundDecimalString matches decimal.js ROUND_HALF_UP', () => {
  fc.assert(
    fc.property(decimalString, fc.integer({ min: 0, max: 4 }), (s, places) => {
      const p = roundDecimalString(s, places)!;
      const mine = `${p.neg ? '-' : ''}${p.int}${places ? '.' + p.frac : ''}`;
      const ref = new Decimal(s).toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
      assert.equal(mine, ref.isZero() ? ref.abs().toFixed(places) : ref.toFixed(places));
    }),
    { numRuns: 500 },
  );
});

test('compareDecimal matches decimal.js; percentageVan is exact', () => {
  fc.assert(
    fc.property(decimalString, decimalString, (a, b) => {
      assert.equal(Math.sign(compareDecimal(a, b)), new Decimal(a).cmp(new Decimal(b)));
    }),
    { numRuns: 500 },
  );
  assert.equal(percentageVan('95.5', '200'), '47.75');
  assert.equal(percentageVan('1', '3'), '33.33');
  assert.equal(percentageVan('2', '3', 1), '66.7');
  assert.equal(percentageVan('3408176.10', '3558290.24', 1), '95.8');
  assert.equal(percentageVan('1', '0'), null);
});
