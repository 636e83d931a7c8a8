/**
 * Rounding to cents with an exact sum: the largest-remainder method (Hamilton). Every share is an
 * exact rational `heel + rest/noemer` cents with one common denominator, so remainders compare as
 * integers. Each share gets its whole cents; the cents that are left go one each to the shares
 * with the largest remainders, ties broken by id (ascending), never past a share's maximum.
 * Deterministic and independent of the order of the providers. Combined with a proportional
 * share (water-filling) it is monotone: a share whose exact value rises while all others fall
 * never gets fewer cents (argument in docs/formaten/verdeling.md).
 */

export interface Deel {
  id: string;
  /** whole cents of the exact share */
  heel: bigint;
  /** remainder: the exact share is heel + rest / noemer (0 ≤ rest < noemer) */
  rest: bigint;
  /** maximum in cents, or null */
  max: bigint | null;
}

/** Returns the shares in cents, in the order given, summing exactly to `totaal` cents. */
export function grootsteResten(delen: Deel[], totaal: bigint): bigint[] {
  const uit = delen.map((d) => d.heel);
  let over = totaal;
  for (const d of delen) over -= d.heel;
  if (over < 0n) throw new Error(`grootsteResten: de delen zijn samen ${-over} cent meer dan het totaal`);
  if (over === 0n) return uit;
  const volgorde = delen
    .map((d, i) => ({ i, id: d.id, rest: d.rest }))
    .filter((x) => x.rest > 0n)
    .sort((x, y) => (x.rest > y.rest ? -1 : x.rest < y.rest ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  for (const x of volgorde) {
    if (over === 0n) break;
    const max = delen[x.i].max;
    if (max !== null && uit[x.i] + 1n > max) continue;
    uit[x.i] += 1n;
    over -= 1n;
  }
  if (over !== 0n) throw new Error(`grootsteResten: ${over} cent kon nergens heen (interne fout)`);
  return uit;
}

/** Splits `totaal` cents in proportion to integer weights (Σ > 0), largest remainder. */
export function naarRato(ids: string[], gewichten: bigint[], totaal: bigint, max?: (bigint | null)[]): bigint[] {
  let noemer = 0n;
  for (const g of gewichten) noemer += g;
  if (noemer === 0n) throw new Error('naarRato: som van de gewichten is 0');
  return grootsteResten(
    gewichten.map((g, i) => ({
      id: ids[i],
      heel: (totaal * g) / noemer,
      rest: (totaal * g) % noemer,
      max: max?.[i] ?? null,
    })),
    totaal,
  );
}
