/**
 * The linear programme behind models Q and toekenning, built as text in CPLEX LP format (what
 * HiGHS reads), and the interpretation of its solution. Pure: the solver is passed in.
 *
 * The problem ("water-filling"): every item i has a lower bound l_i (the floor), an optional upper
 * bound u_i (the cap) and a weight w_i ≥ 0. Allocate T above the floors so that each item gets the
 * same amount per unit of weight, λ·w_i, unless its cap stops it first:
 *
 *   minimise   λ
 *   subject to Σ y_i = Σ l_i + T                 (alles wat verdeelbaar is, wordt verdeeld)
 *              Σ y_i ≤ B                          (budget)
 *              y_i − w_i·λ ≤ l_i                  (aandeel naar gewicht)
 *              l_i ≤ y_i ≤ u_i                    (vloer, plafond)
 *
 * With T = min(B − Σ l, Σ (u_i − l_i)) the optimum is unique: y_i = l_i + min(u_i − l_i, λ*·w_i).
 * HiGHS tells which caps bind; the amounts are then computed exactly in decimals from that set and
 * checked (a cap that binds must stop the item, an item that is free must stay under its cap).
 * If the check fails (solver tolerance in a degenerate case) the exact sorted algorithm decides.
 */
import { Decimal } from '../money.ts';

export interface WaterItem {
  id: string;
  /** floor in euros (whole cents) */
  vloer: Decimal;
  /** cap in euros (whole cents) ≥ vloer, or null */
  plafond: Decimal | null;
  /** weight ≥ 0; an item with weight 0 keeps its floor */
  gewicht: Decimal;
}

export interface LpKolom {
  waarde: number;
  /** basis status as HiGHS reports it: 'UB' = at the upper bound, 'LB', 'BS', 'FX', … */
  basis: string;
}

export interface LpOplossing {
  status: string;
  kolommen: Record<string, LpKolom>;
}

/** A solver for LP text; synchronous (HiGHS WebAssembly blocks while it solves). */
export type LpSolver = (lp: string) => LpOplossing;

export interface WaterUitkomst {
  /** exact extra above the floor per item (not yet rounded) */
  extra: Decimal[];
  /** which items are stopped by their cap */
  afgetopt: boolean[];
  /** T: what was allocated above the floors */
  verdeeld: Decimal;
  /** λ: amount per unit of weight (null when nothing was allocated proportionally) */
  lambda: Decimal | null;
  /** whether HiGHS was asked, and whether its binding set held the exact check */
  lpGebruikt: boolean;
  lpGecorrigeerd: boolean;
  /** the LP text that was solved (for audit and docs), or null */
  lp: string | null;
}

const NUL = new Decimal(0);
const DUIZEND = new Decimal(1000);

const ruimte = (it: WaterItem): Decimal | null => (it.plafond === null ? null : it.plafond.minus(it.vloer));
const doetMee = (it: WaterItem) =>
  it.gewicht.greaterThan(0) && (it.plafond === null || it.plafond.greaterThan(it.vloer));

/** T = min(beschikbaar, Σ room of the items with weight); beschikbaar = B − Σ floors ≥ 0. */
export function verdeelbaar(items: WaterItem[], beschikbaar: Decimal): Decimal {
  let cap = NUL;
  for (const it of items) {
    if (!doetMee(it)) continue;
    const r = ruimte(it);
    if (r === null) return beschikbaar;
    cap = cap.plus(r);
  }
  return Decimal.min(beschikbaar, cap);
}

/** Exact amounts for a given set of capped items; null if the set is not the right one. */
function exactVoorSet(
  items: WaterItem[],
  T: Decimal,
  afgetopt: boolean[],
): { extra: Decimal[]; lambda: Decimal | null } | null {
  let rest = T;
  let gewicht = NUL;
  items.forEach((it, i) => {
    if (!doetMee(it)) return;
    if (afgetopt[i]) rest = rest.minus(ruimte(it)!);
    else gewicht = gewicht.plus(it.gewicht);
  });
  if (rest.isNegative()) return null;
  if (gewicht.isZero()) {
    if (!rest.isZero()) return null;
    // everything capped: λ is the largest room per weight (all caps bind)
    let lambda: Decimal | null = null;
    items.forEach((it, i) => {
      if (doetMee(it) && afgetopt[i]) {
        const l = ruimte(it)!.dividedBy(it.gewicht);
        if (lambda === null || l.greaterThan(lambda)) lambda = l;
      }
    });
    return { extra: items.map((it, i) => (doetMee(it) && afgetopt[i] ? ruimte(it)! : NUL)), lambda };
  }
  const lambda = rest.dividedBy(gewicht);
  const extra: Decimal[] = [];
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    if (!doetMee(it)) {
      extra.push(NUL);
      continue;
    }
    const r = ruimte(it);
    const vrij = lambda.times(it.gewicht);
    if (afgetopt[i]) {
      if (vrij.lessThan(r!)) return null; // would not reach its cap: not binding
      extra.push(r!);
    } else {
      if (r !== null && vrij.greaterThan(r)) return null; // would pass its cap: binding
      extra.push(vrij);
    }
  }
  return { extra, lambda };
}

/** The exact sorted water-filling (no solver): caps in order of room per weight. */
export function waterfillExact(
  items: WaterItem[],
  T: Decimal,
): { extra: Decimal[]; afgetopt: boolean[]; lambda: Decimal | null } {
  const afgetopt = items.map(() => false);
  const volgorde = items
    .map((it, i) => ({ it, i }))
    .filter((x) => doetMee(x.it) && x.it.plafond !== null)
    .sort(
      (a, b) =>
        ruimte(a.it)!.dividedBy(a.it.gewicht).comparedTo(ruimte(b.it)!.dividedBy(b.it.gewicht)) ||
        (a.it.id < b.it.id ? -1 : 1),
    );
  let rest = T;
  let gewicht = items.reduce((s, it) => (doetMee(it) ? s.plus(it.gewicht) : s), NUL);
  for (const { it, i } of volgorde) {
    if (gewicht.isZero()) break;
    const lambda = rest.dividedBy(gewicht);
    if (lambda.times(it.gewicht).lessThan(ruimte(it)!)) break;
    afgetopt[i] = true;
    rest = rest.minus(ruimte(it)!);
    gewicht = gewicht.minus(it.gewicht);
  }
  const r = exactVoorSet(items, T, afgetopt);
  if (!r) throw new Error('waterfillExact: geen consistente verdeling (interne fout)');
  return { ...r, afgetopt };
}

const k = (d: Decimal) => d.dividedBy(DUIZEND).toString();

/** Builds the LP text (amounts in thousands of euros, weights scaled to at most 1). */
export function bouwLp(
  items: WaterItem[],
  budget: Decimal,
  T: Decimal,
  kop: string,
): { tekst: string; kolommen: string[] } {
  const mee = items.map((it, i) => ({ it, i })).filter((x) => doetMee(x.it));
  const maxGewicht = mee.reduce((m, x) => Decimal.max(m, x.it.gewicht), NUL);
  const naam = (i: number) => `y${i}`;
  const vasteVloeren = items.reduce((s, it) => (doetMee(it) ? s : s.plus(it.vloer)), NUL);
  const vloerenMee = mee.reduce((s, x) => s.plus(x.it.vloer), NUL);
  const regels: string[] = [];
  regels.push(`\\ ${kop}`);
  regels.push(
    `\\ Bedragen in duizenden euro's; gewichten geschaald naar hoogstens 1. ${mee.length} aanbieders met een gewicht.`,
  );
  regels.push('Minimize', ' obj: lambda', 'Subject To');
  const som = (): string[] => {
    const uit: string[] = [];
    for (let j = 0; j < mee.length; j += 10)
      uit.push(
        '  ' +
          mee
            .slice(j, j + 10)
            .map((x, n) => `${j + n === 0 ? '' : '+ '}${naam(x.i)}`)
            .join(' '),
      );
    return uit;
  };
  regels.push(' budget:', ...som(), `  <= ${k(budget.minus(vasteVloeren))}`);
  regels.push(' volledig:', ...som(), `  >= ${k(vloerenMee.plus(T))}`);
  for (const { it, i } of mee) {
    const w = it.gewicht.dividedBy(maxGewicht).toSignificantDigits(15);
    regels.push(` aandeel${i}: ${naam(i)} - ${w.toString()} lambda <= ${k(it.vloer)}`);
  }
  regels.push('Bounds');
  for (const { it, i } of mee)
    regels.push(
      it.plafond === null ? ` ${naam(i)} >= ${k(it.vloer)}` : ` ${k(it.vloer)} <= ${naam(i)} <= ${k(it.plafond)}`,
    );
  regels.push(' lambda >= 0', 'End', '');
  return { tekst: regels.join('\n'), kolommen: mee.map((x) => naam(x.i)) };
}

/**
 * Allocates T above the floors in proportion to the weights, caps respected. Uses the solver
 * for the set of binding caps when there is a choice to make; the amounts are exact.
 */
export function waterfill(
  items: WaterItem[],
  budget: Decimal,
  T: Decimal,
  solver: LpSolver,
  kop: string,
): WaterUitkomst {
  const mee = items.filter(doetMee);
  const leeg = items.map(() => NUL);
  if (T.isZero() || mee.length === 0)
    return {
      extra: leeg,
      afgetopt: items.map(() => false),
      verdeeld: NUL,
      lambda: null,
      lpGebruikt: false,
      lpGecorrigeerd: false,
      lp: null,
    };
  const { tekst } = bouwLp(items, budget, T, kop);
  const opl = solver(tekst);
  if (opl.status !== 'Optimal') {
    // The model is feasible by construction (T ≤ room); a solver that says otherwise is overruled.
    const ex = waterfillExact(items, T);
    return { ...ex, verdeeld: T, lpGebruikt: true, lpGecorrigeerd: true, lp: tekst };
  }
  const afgetopt = items.map((it, i) => {
    if (!doetMee(it) || it.plafond === null) return false;
    const kol = opl.kolommen[`y${i}`];
    if (!kol) return false;
    const cap = it.plafond.dividedBy(DUIZEND).toNumber();
    return kol.basis === 'UB' || kol.waarde >= cap - 1e-7 * Math.max(1, Math.abs(cap));
  });
  const exact = exactVoorSet(items, T, afgetopt);
  if (exact) return { ...exact, afgetopt, verdeeld: T, lpGebruikt: true, lpGecorrigeerd: false, lp: tekst };
  const ex = waterfillExact(items, T);
  return { ...ex, verdeeld: T, lpGebruikt: true, lpGecorrigeerd: true, lp: tekst };
}
