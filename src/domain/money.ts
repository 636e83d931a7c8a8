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

/** What a decimal typed by a user may look like; mirrors the numeric(p, s) column it is stored in. */
export interface DecimaalRegels {
  /** digits before the decimal point, e.g. 12 for numeric(14,2) */
  cijfers: number;
  /** decimals allowed, e.g. 2 */
  decimalen: number;
  /** 'positief': > 0; 'niet-negatief': ≥ 0; absent: any sign */
  teken?: 'positief' | 'niet-negatief';
}

const INVOER_RE = /^(-)?(\d+)(?:[.,](\d+))?$/;

/**
 * Checks a decimal typed by a user: a string like "25000", "25000.50" or "25000,50" (no exponent,
 * no thousands separators), within the digits and sign the rules allow. Returns the normalised
 * string ("25000.50", leading zeros dropped, the decimals as typed) or the problem in Dutch.
 */
export function controleerDecimaal(
  v: unknown,
  regels: DecimaalRegels,
): { ok: true; waarde: string } | { ok: false; wat: string; actie: string } {
  const voorbeeld =
    regels.decimalen > 0 ? `bijv. "1250" of "1250.${'5'.padEnd(regels.decimalen, '0')}"` : 'bijv. "1250"';
  if (typeof v !== 'string')
    return { ok: false, wat: 'Geef het getal als tekst.', actie: `Schrijf het getal als tekst, ${voorbeeld}.` };
  const m = INVOER_RE.exec(v.trim());
  if (!m)
    return {
      ok: false,
      wat: `'${v.slice(0, 40)}' is geen decimaal getal.`,
      actie: `Gebruik alleen cijfers met hoogstens één punt of komma, zonder duizendtallen of e-notatie, ${voorbeeld}.`,
    };
  const [, min, heel, frac = ''] = m;
  const cijfers = heel.replace(/^0+(?=\d)/, '');
  if (cijfers.length > regels.cijfers)
    return {
      ok: false,
      wat: `'${v.slice(0, 40)}' is te groot: hoogstens ${regels.cijfers} cijfers vóór de komma.`,
      actie: 'Controleer het getal.',
    };
  if (frac.length > regels.decimalen)
    return {
      ok: false,
      wat: `'${v}' heeft ${frac.length} decimalen; hoogstens ${regels.decimalen} zijn toegestaan.`,
      actie: regels.decimalen ? `Rond af op ${regels.decimalen} decimalen.` : 'Geef een geheel getal.',
    };
  const d = new Decimal(`${min ?? ''}${cijfers}${frac ? '.' + frac : ''}`);
  if (regels.teken === 'niet-negatief' && d.isNegative() && !d.isZero())
    return { ok: false, wat: `'${v}' is negatief.`, actie: 'Geef 0 of een positief getal.' };
  if (regels.teken === 'positief' && !d.greaterThan(0))
    return { ok: false, wat: `'${v}' is niet groter dan 0.`, actie: 'Geef een getal groter dan 0.' };
  return { ok: true, waarde: `${d.isNegative() ? '-' : ''}${cijfers}${frac ? '.' + frac : ''}` };
}
