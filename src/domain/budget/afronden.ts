/**
 * Rounding to cents with an exact sum: the largest-remainder method (Hamilton). Each share is cut
 * down to whole cents; the cents that are left go one each to the shares with the largest
 * remainders, ties broken by id (ascending), never past a share's maximum. Deterministic and
 * order-independent. Combined with a proportional share (water-filling) it is monotone: a share
 * whose exact value rises while all others fall never gets fewer cents (see verdeling.md).
 */
import { Decimal } from '../money.ts';

export interface Aandeel {
  id: string;
  /** exact share in euros (any precision) */
  exact: Decimal;
  /** maximum in euros (whole cents), or null */
  max: Decimal | null;
}

const HONDERD = new Decimal(100);

/** Returns the shares in cents-rounded euros, in the order given, summing exactly to `totaal` (whole cents). */
export function grootsteResten(aandelen: Aandeel[], totaal: Decimal): Decimal[] {
  // Remove the noise of 40-digit arithmetic first: a share of 499.99999…9 cents is 500 cents.
  const inCenten = aandelen.map((a) => a.exact.times(HONDERD).toDecimalPlaces(20, Decimal.ROUND_HALF_UP));
  const heel = inCenten.map((c) => c.floor());
  const totaalCent = totaal.times(HONDERD);
  if (!totaalCent.isInteger()) throw new Error(`grootsteResten: totaal ${totaal.toString()} is geen bedrag in centen`);
  let over = totaalCent.minus(heel.reduce((s, c) => s.plus(c), new Decimal(0))).toNumber();
  if (over < 0) throw new Error(`grootsteResten: de aandelen zijn samen ${-over} cent meer dan het totaal`);
  const volgorde = aandelen
    .map((a, i) => ({ i, id: a.id, rest: inCenten[i].minus(heel[i]) }))
    .sort((x, y) => y.rest.comparedTo(x.rest) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  for (const x of volgorde) {
    if (over === 0) break;
    const max = aandelen[x.i].max;
    if (max !== null && heel[x.i].plus(1).greaterThan(max.times(HONDERD))) continue;
    heel[x.i] = heel[x.i].plus(1);
    over--;
  }
  if (over !== 0) throw new Error(`grootsteResten: ${over} cent kon nergens heen (alle maxima bereikt)`);
  return heel.map((c) => c.dividedBy(HONDERD));
}

/** Rounds each share half-up to cents on its own (no sum constraint). */
export function afzonderlijkAfronden(waarden: Decimal[]): Decimal[] {
  return waarden.map((w) => w.toDecimalPlaces(2, Decimal.ROUND_HALF_UP));
}
