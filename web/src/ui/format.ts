/**
 * Display formatting for money, percentages, numbers and dates in Dutch or English.
 * Amounts arrive from the API as decimal strings ("1234.5", "-0.125"). They are formatted as
 * strings — never through parseFloat/Number — so no cent is ever lost to binary floating point.
 * Rounding is half-up (away from zero), like src/domain/money.ts.
 */
export type Taal = 'nl' | 'en';

const DECIMAL_RE = /^\s*([+-])?(\d*)(?:[.,](\d*))?\s*$/;

interface Parts {
  neg: boolean;
  int: string;
  frac: string;
}

function parts(value: string | number | null | undefined): Parts | null {
  if (value === null || value === undefined || value === '') return null;
  const s = typeof value === 'number' ? (Number.isInteger(value) ? String(value) : String(value)) : value;
  const m = DECIMAL_RE.exec(s);
  if (!m || (!m[2] && !m[3])) return null;
  return { neg: m[1] === '-', int: (m[2] || '0').replace(/^0+(?=\d)/, ''), frac: m[3] ?? '' };
}

/** Adds one to a string of digits ("199" → "200"). */
function incDigits(d: string): string {
  const a = d.split('');
  let i = a.length - 1;
  while (i >= 0) {
    if (a[i] === '9') {
      a[i] = '0';
      i--;
    } else {
      a[i] = String(Number(a[i]) + 1);
      return a.join('');
    }
  }
  return '1' + a.join('');
}

/** Rounds a decimal string half-up (away from zero) to `places` decimals; returns [neg, int, frac]. */
export function roundDecimalString(value: string | number, places: number): Parts | null {
  const p = parts(value);
  if (!p) return null;
  let { int, frac } = p;
  if (frac.length > places) {
    const roundUp = frac.charCodeAt(places) >= 53; // '5'
    frac = frac.slice(0, places);
    if (roundUp) {
      const joined = incDigits(int + frac);
      int = joined.slice(0, joined.length - places) || '0';
      frac = places ? joined.slice(joined.length - places) : '';
    }
  }
  frac = frac.padEnd(places, '0');
  const zero = /^0*$/.test(int + frac);
  return { neg: p.neg && !zero, int, frac };
}

function group(int: string, sep: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

function seps(taal: Taal) {
  return taal === 'en' ? { g: ',', d: '.' } : { g: '.', d: ',' };
}

/** A number written out with grouping: formatGetal('1234.5', 'nl', 1) → "1.234,5". */
export function formatGetal(value: string | number | null | undefined, taal: Taal = 'nl', decimalen?: number): string {
  const p0 = parts(value);
  if (!p0) return '—';
  const places = decimalen ?? p0.frac.replace(/0+$/, '').length;
  const p = roundDecimalString(typeof value === 'number' ? String(value) : value!, places)!;
  const { g, d } = seps(taal);
  return `${p.neg ? '−' : ''}${group(p.int, g)}${places ? d + p.frac : ''}`;
}

/** Euro amount: formatBedrag('1234567.5') → "€ 1.234.567,50" (nl) or "€1,234,567.50" (en). */
export function formatBedrag(
  value: string | number | null | undefined,
  taal: Taal = 'nl',
  opts: { decimalen?: number } = {},
): string {
  const places = opts.decimalen ?? 2;
  const p = value === null || value === undefined ? null : roundDecimalString(value, places);
  if (!p) return '—';
  const { g, d } = seps(taal);
  const body = `${group(p.int, g)}${places ? d + p.frac : ''}`;
  const sign = p.neg ? '−' : '';
  return taal === 'en' ? `${sign}€${body}` : `${sign}€ ${body}`;
}

/** Percentage given in percent points: formatPercentage('95.5') → "95,50%" (nl) / "95.50%" (en). */
export function formatPercentage(value: string | number | null | undefined, taal: Taal = 'nl', decimalen = 2): string {
  const p = value === null || value === undefined ? null : roundDecimalString(value, decimalen);
  if (!p) return '—';
  const { g, d } = seps(taal);
  return `${p.neg ? '−' : ''}${group(p.int, g)}${decimalen ? d + p.frac : ''}%`;
}

/** Compares two decimal strings exactly (for sorting amounts): negative, zero or positive. */
export function compareDecimal(a: string | number | null | undefined, b: string | number | null | undefined): number {
  const pa = parts(a ?? ''),
    pb = parts(b ?? '');
  if (!pa || !pb) return pa ? 1 : pb ? -1 : 0;
  const za = /^0*$/.test(pa.int + pa.frac),
    zb = /^0*$/.test(pb.int + pb.frac);
  const na = pa.neg && !za,
    nb = pb.neg && !zb;
  if (na !== nb) return na ? -1 : 1;
  const len = Math.max(pa.frac.length, pb.frac.length);
  const ia = pa.int.replace(/^0+/, ''),
    ib = pb.int.replace(/^0+/, '');
  let c = ia.length - ib.length;
  if (c === 0) {
    const sa = ia + pa.frac.padEnd(len, '0'),
      sb = ib + pb.frac.padEnd(len, '0');
    c = sa < sb ? -1 : sa > sb ? 1 : 0;
  }
  // never -0: equal values compare as 0 (Object.is(-0, 0) is false)
  return na && c !== 0 ? -c : c;
}

const locale = (taal: Taal) => (taal === 'en' ? 'en-GB' : 'nl-NL');

/** Date ("2026-03-01" or ISO timestamp) as "1 maart 2026" / "1 March 2026". */
export function formatDatum(value: string | Date | null | undefined, taal: Taal = 'nl'): string {
  if (!value) return '—';
  const d =
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00`) : new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  return d.toLocaleDateString(locale(taal), { day: 'numeric', month: 'long', year: 'numeric' });
}

/** Date and time: "1 mrt 2026 14:05". */
export function formatTijdstip(value: string | Date | null | undefined, taal: Taal = 'nl'): string {
  if (!value) return '—';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  return d.toLocaleString(locale(taal), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** Decimal string → BigInt scaled by 10^scale (exact; extra digits are cut, not rounded). */
function scaled(value: string | number, scale: number): bigint | null {
  const p = parts(value);
  if (!p) return null;
  const v = BigInt(p.int + p.frac.slice(0, scale).padEnd(scale, '0'));
  return p.neg ? -v : v;
}

/**
 * deel / geheel × 100 as a decimal string with `decimalen` places, half-up, computed exactly
 * with BigInt: percentageVan('95.5', '200') → "47.75". null when geheel is zero or invalid.
 */
export function percentageVan(deel: string | number, geheel: string | number, decimalen = 2): string | null {
  const scale = 6;
  const a = scaled(deel, scale),
    b = scaled(geheel, scale);
  if (a === null || b === null || b === 0n) return null;
  const neg = a < 0n !== b < 0n && a !== 0n;
  const x = a < 0n ? -a : a,
    y = b < 0n ? -b : b;
  const factor = 100n * 10n ** BigInt(decimalen);
  const q = (x * factor * 2n + y) / (2n * y); // half-up
  const s = q.toString().padStart(decimalen + 1, '0');
  const out = decimalen ? `${s.slice(0, s.length - decimalen)}.${s.slice(s.length - decimalen)}` : s;
  return neg && q !== 0n ? `-${out}` : out;
}
