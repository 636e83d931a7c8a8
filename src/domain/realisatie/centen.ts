/**
 * Exact euro amounts as integer cents (bigint) for allocation work, and the largest-remainder
 * split of a whole number of cents over weights. Pure, no I/O.
 */

const BEDRAG_RE = /^\d{1,13}(\.\d{1,2})?$/;

/** "1450000.5" → 145000050n; undefined when the text is not a non-negative amount with ≤ 2 decimals. */
export function parseCenten(s: string): bigint | undefined {
  const t = s.trim();
  if (!BEDRAG_RE.test(t)) return undefined;
  const [i, f = ''] = t.split('.');
  return BigInt(i) * 100n + BigInt((f + '00').slice(0, 2));
}

/** 145000050n → "1450000.50"; negative amounts get a leading minus. */
export function formatCenten(c: bigint): string {
  const neg = c < 0n;
  const a = neg ? -c : c;
  const s = `${a / 100n}.${String(a % 100n).padStart(2, '0')}`;
  return neg ? '-' + s : s;
}

/**
 * Splits `total` cents over items pro rata to their weights, whole cents, by largest remainder:
 * everyone gets floor(total × w / W); the cents left go one each to the largest remainders, ties
 * broken by key (ascending, a stable and documented order). Requires total ≤ W when the caller
 * needs every share ≤ its weight (then floor + 1 ≤ ceil(exact) ≤ weight).
 */
export function verdeelNaarRato<K extends string>(
  total: bigint,
  items: ReadonlyArray<{ key: K; gewicht: bigint }>,
): Map<K, bigint> {
  const out = new Map<K, bigint>();
  const W = items.reduce((s, i) => s + i.gewicht, 0n);
  if (total < 0n) throw new Error('verdeelNaarRato: negatief totaal');
  if (W === 0n) {
    if (total !== 0n) throw new Error('verdeelNaarRato: totaal zonder gewichten');
    for (const i of items) out.set(i.key, 0n);
    return out;
  }
  let rest = total;
  const rem: { key: K; r: bigint }[] = [];
  for (const i of items) {
    const p = total * i.gewicht;
    const share = p / W;
    out.set(i.key, share);
    rest -= share;
    rem.push({ key: i.key, r: p % W });
  }
  rem.sort((a, b) => (a.r === b.r ? (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) : a.r > b.r ? -1 : 1));
  for (let k = 0; rest > 0n; k++) {
    const key = rem[k].key;
    out.set(key, out.get(key)! + 1n);
    rest -= 1n;
  }
  return out;
}
