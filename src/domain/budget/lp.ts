/**
 * The linear programme behind models Q and toekenning, built as text in CPLEX LP format (what
 * HiGHS reads), and the interpretation of its solution. Pure: the solver is passed in.
 *
 * The problem ("water-filling"): every item i has a lower bound l_i (the floor), an optional upper
 * bound u_i (the cap) and a weight w_i ≥ 0. Allocate T above the floors so that each item gets the
 * same amount per unit of weight, λ·w_i, unless its cap stops it first. In the amounts above the
 * floors, x_i = y_i − l_i:
 *
 *   minimise   λ
 *   subject to Σ x_i = T                 (budget: T = min(B − Σ l_i, Σ (u_i − l_i)), all that can be given)
 *              x_i − w_i·λ ≤ 0           (aandeel naar gewicht)
 *              0 ≤ x_i ≤ u_i − l_i       (vloer, plafond)
 *
 * The optimum is unique: x_i = min(u_i − l_i, λ*·w_i). HiGHS tells which caps bind (the columns it
 * leaves at their upper bound); the amounts are then computed exactly from that set as rationals
 * with one common denominator (integers, no tolerance) and checked: a binding cap must stop its
 * item (λ·w_i ≥ room), a free item must stay under its cap (λ·w_i ≤ room). If the check fails
 * (solver tolerance in a degenerate case) the exact sorted algorithm decides, and the outcome
 * says so (`lpGecorrigeerd`).
 */
import { som } from './exact.ts';

export interface WaterItem {
  id: string;
  /** floor in cents */
  vloer: bigint;
  /** cap in cents ≥ vloer, or null */
  plafond: bigint | null;
  /** weight ≥ 0 (an integer); an item with weight 0 keeps its floor */
  gewicht: bigint;
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

/**
 * The exact shares above the floors: item i gets `heel[i]` cents plus `rest[i] / noemer` of a cent
 * (0 ≤ rest < noemer). Capped items have rest 0. λ (cents per unit of weight) = teller / noemer.
 */
export interface ExacteVerdeling {
  heel: bigint[];
  rest: bigint[];
  noemer: bigint;
  /** λ = lambdaTeller / noemer, or null when nothing was shared proportionally */
  lambdaTeller: bigint | null;
  afgetopt: boolean[];
}

export interface WaterUitkomst extends ExacteVerdeling {
  /** T: what was allocated above the floors, cents */
  verdeeld: bigint;
  /** whether HiGHS was asked, and whether its binding set failed the exact check */
  lpGebruikt: boolean;
  lpGecorrigeerd: boolean;
  /** the LP text that was solved (for audit and docs), or null */
  lp: string | null;
}

const ruimte = (it: WaterItem): bigint | null => (it.plafond === null ? null : it.plafond - it.vloer);
const doetMee = (it: WaterItem) => it.gewicht > 0n && (it.plafond === null || it.plafond > it.vloer);

/** T = min(beschikbaar, Σ room of the items with weight); beschikbaar = B − Σ floors ≥ 0. */
export function verdeelbaar(items: WaterItem[], beschikbaar: bigint): bigint {
  let cap = 0n;
  for (const it of items) {
    if (!doetMee(it)) continue;
    const r = ruimte(it);
    if (r === null) return beschikbaar;
    cap += r;
  }
  return cap < beschikbaar ? cap : beschikbaar;
}

/** Exact shares for a given set of capped items; null if the set is not the right one. */
export function exactVoorSet(items: WaterItem[], T: bigint, afgetopt: boolean[]): ExacteVerdeling | null {
  let rest = T;
  let W = 0n;
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    if (!doetMee(it)) continue;
    if (afgetopt[i]) {
      if (it.plafond === null) return null; // no cap to bind
      rest -= it.plafond - it.vloer;
    } else W += it.gewicht;
  }
  if (rest < 0n) return null;
  const heel: bigint[] = new Array(items.length);
  const resten: bigint[] = new Array(items.length);
  if (W === 0n) {
    if (rest !== 0n) return null;
    for (let i = 0; i < items.length; i++) {
      heel[i] = doetMee(items[i]) && afgetopt[i] ? ruimte(items[i])! : 0n;
      resten[i] = 0n;
    }
    return { heel, rest: resten, noemer: 1n, lambdaTeller: null, afgetopt };
  }
  // λ = rest / W; share_i = rest·w_i / W
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    resten[i] = 0n;
    if (!doetMee(it)) {
      heel[i] = 0n;
      continue;
    }
    const r = ruimte(it);
    const teller = rest * it.gewicht;
    if (afgetopt[i]) {
      if (teller < r! * W) return null; // would not reach its cap: not binding
      heel[i] = r!;
    } else {
      if (r !== null && teller > r * W) return null; // would pass its cap: binding
      heel[i] = teller / W;
      resten[i] = teller % W;
    }
  }
  return { heel, rest: resten, noemer: W, lambdaTeller: rest, afgetopt };
}

/** The exact sorted water-filling (no solver): caps in order of room per weight. */
export function waterfillExact(items: WaterItem[], T: bigint): ExacteVerdeling {
  const afgetopt = items.map(() => false);
  const volgorde = items
    .map((it, i) => ({ it, i, r: ruimte(it) }))
    .filter((x) => doetMee(x.it) && x.r !== null)
    .sort((a, b) => {
      const l = a.r! * b.it.gewicht;
      const r = b.r! * a.it.gewicht;
      return l < r ? -1 : l > r ? 1 : a.it.id < b.it.id ? -1 : a.it.id > b.it.id ? 1 : 0;
    });
  let rest = T;
  let W = som(items.filter(doetMee).map((it) => it.gewicht));
  for (const { it, i, r } of volgorde) {
    if (W === 0n) break;
    if (rest * it.gewicht < r! * W) break; // λ·w_i < room: this and all later ones stay free
    afgetopt[i] = true;
    rest -= r!;
    W -= it.gewicht;
  }
  const e = exactVoorSet(items, T, afgetopt);
  if (!e) throw new Error('waterfillExact: geen consistente verdeling (interne fout)');
  return e;
}

/**
 * Builds the LP text. The variables are the amounts above the floors, so the floors drop out and
 * the numbers are of the size of T: the unit is T/1000 (T = 1000 in the LP) and the weights are
 * scaled to at most 1, far above HiGHS' tolerances (about 1e-7).
 */
export function bouwLp(items: WaterItem[], T: bigint, kop: string): { tekst: string; kolommen: string[] } {
  const mee: number[] = [];
  let maxGewicht = 0n;
  for (let i = 0; i < items.length; i++)
    if (doetMee(items[i])) {
      mee.push(i);
      if (items[i].gewicht > maxGewicht) maxGewicht = items[i].gewicht;
    }
  const t = Number(T);
  const mw = Number(maxGewicht);
  const naam = (i: number) => `x${i}`;
  const regels: string[] = [
    `\\ ${kop}`,
    `\\ x_i = bedrag boven de vloer van aanbieder i, in eenheden van T/1000 = ${(t / 100_000).toPrecision(12)} euro.`,
    `\\ ${mee.length} aanbieders met een gewicht; gewichten geschaald naar hoogstens 1.`,
    'Minimize',
    ' obj: lambda',
    'Subject To',
    ' budget:',
  ];
  for (let j = 0; j < mee.length; j += 10)
    regels.push(
      '  ' +
        mee
          .slice(j, j + 10)
          .map((i, n) => `${j + n === 0 ? '' : '+ '}${naam(i)}`)
          .join(' '),
    );
  regels.push('  = 1000');
  for (const i of mee) regels.push(` aandeel${i}: ${naam(i)} - ${Number(items[i].gewicht) / mw} lambda <= 0`);
  regels.push('Bounds');
  for (const i of mee) {
    const r = ruimte(items[i]);
    regels.push(r === null ? ` ${naam(i)} >= 0` : ` 0 <= ${naam(i)} <= ${(Number(r) * 1000) / t}`);
  }
  regels.push(' lambda >= 0', 'End', '');
  return { tekst: regels.join('\n'), kolommen: mee.map(naam) };
}

/**
 * Allocates T above the floors in proportion to the weights, caps respected. Uses the solver
 * for the set of binding caps; the shares are exact.
 */
export function waterfill(items: WaterItem[], T: bigint, solver: LpSolver, kop: string): WaterUitkomst {
  if (T === 0n || !items.some(doetMee)) {
    const nul = items.map(() => 0n);
    return {
      heel: nul,
      rest: nul,
      noemer: 1n,
      lambdaTeller: null,
      afgetopt: items.map(() => false),
      verdeeld: 0n,
      lpGebruikt: false,
      lpGecorrigeerd: false,
      lp: null,
    };
  }
  const { tekst } = bouwLp(items, T, kop);
  const opl = solver(tekst);
  const klaar = (e: ExacteVerdeling, gecorrigeerd: boolean): WaterUitkomst => ({
    ...e,
    verdeeld: T,
    lpGebruikt: true,
    lpGecorrigeerd: gecorrigeerd,
    lp: tekst,
  });
  // The model is feasible by construction (T ≤ room); a solver that says otherwise is overruled.
  if (opl.status !== 'Optimal') return klaar(waterfillExact(items, T), true);
  // a cap binds where HiGHS leaves the variable at its upper bound
  const afgetopt = items.map((it, i) => doetMee(it) && it.plafond !== null && opl.kolommen[`x${i}`]?.basis === 'UB');
  const exact = exactVoorSet(items, T, afgetopt);
  return exact ? klaar(exact, false) : klaar(waterfillExact(items, T), true);
}
