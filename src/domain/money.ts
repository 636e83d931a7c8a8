/**
 * Money and percentages, exact. Euros and percentages are Decimal (decimal.js, 40 significant
 * digits), never binary floating point. Rounding to cents is half-up ("rekenkundig afronden")
 * unless a rule names another mode. Serialised as strings: "1234.56", "95.50".
 */
import { Decimal as DecimalJs } from 'decimal.js';

export const Decimal = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -30,
  toExpPos: 30,
});
export type Decimal = InstanceType<typeof Decimal>;
export type DecimalInput = Decimal | string | number;

const DECIMAL_RE = /^-?\d+(\.\d+)?$/;

/** Parses a decimal string strictly ("95.5", "-2", "0.10"); Dutch comma accepted ("95,5"). */
export function parseDecimal(s: string, where = 'waarde'): Decimal {
  const t = s.trim().replace(',', '.');
  if (!DECIMAL_RE.test(t)) throw new Error(`${where}: "${s}" is geen decimaal getal (gebruik bijv. 95.5 of 95,5)`);
  return new Decimal(t);
}

export const dec = (v: DecimalInput): Decimal => (v instanceof Decimal ? v : new Decimal(v));

/** Rounds to cents, half-up: 0.005 → 0.01, -0.005 → -0.01 (away from zero). */
export function roundCents(v: DecimalInput): Decimal {
  return dec(v).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** Euro amount as a string with two decimals. */
export function euros(v: DecimalInput): string {
  return roundCents(v).toFixed(2);
}

/** Percentage as a string with two decimals ("95.50"). */
export function pct(v: DecimalInput, places = 2): string {
  return dec(v).toDecimalPlaces(places, Decimal.ROUND_HALF_UP).toFixed(places);
}

/** amount × percentage / 100, rounded to cents half-up. */
export function applyPercentage(amount: DecimalInput, percentage: DecimalInput): Decimal {
  return roundCents(dec(amount).times(dec(percentage)).dividedBy(100));
}

export function sum(values: Iterable<DecimalInput>): Decimal {
  let s = new Decimal(0);
  for (const v of values) s = s.plus(dec(v));
  return s;
}

/** Dutch display: € 1.234,56 */
export function formatEuroNl(v: DecimalInput): string {
  const [i, f] = roundCents(v).abs().toFixed(2).split('.');
  const grouped = i.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${dec(v).isNegative() && !roundCents(v).isZero() ? '-' : ''}€ ${grouped},${f}`;
}
