/**
 * The ledger of a contracteerruimte: one region × year × sector budget split into
 *
 *   afspraken + pool + oormerken + reserve = totaal
 *
 * - totaal: the contracteerruimte as set (voorlopig, later definitief), plus overheveling in,
 *   minus overheveling out. "De contracteerruimte is verbijzonderd naar zorgkantoren, als
 *   financieel kader waarbinnen elk zorgkantoor met gecontracteerde aanbieders productieafspraken
 *   maakt." (Kader zorginkoop 2008, §5.2)
 * - afspraken: the sum of the current productieafspraken. "Zorgaanbieders kunnen het totale
 *   inkoopbudget niet overschrijden; de optelsom van de productieafspraken past binnen de
 *   contracteerruimte." (Kader zorginkoop 2008, §3.5)
 * - oormerken: earmarked parts by name, e.g. "Naast het stimuleringsbudget, wordt 1% van de
 *   contracteerruimte voor innovatie gereserveerd." (Tabel thema's in contractering langdurige zorg
 *   2024 - 2026, Zorg en Zekerheid, Technologie) and "Extra budget essentiële voorzieningen"
 *   (idem, Zilveren Kruis, Bekostiging en tarieven).
 * - reserve: held back for later in the year: "om enige flexibiliteit te houden, verderop in het
 *   jaar, is het denkbaar dat het zorgkantoor niet het gehele inkoopbudget meteen aan het begin
 *   van het jaar toekent." (Kader zorginkoop 2008, §3.5)
 * - pool: what is not yet allocated — "De middelen die daarmee onverdeeld blijven, worden in de
 *   herschikking 2016 verdeeld op basis van de keuze van de cliënt." (Inkoopkader Langdurige Zorg 2016, §2.2.4)
 *
 * Every mutation moves money between these buckets and carries its own deltas, which balance by
 * themselves (d_totaal = d_afspraken + d_pool + d_oormerk + d_reserve). No bucket may go below
 * zero: a mutation that would is refused with what, where and what to do. Amounts are exact cents.
 *
 * Product choices (the sources name no rule): money always moves through the pool (an earmark
 * comes out of the pool and goes back to it when released); a lower contracteerruimte or a
 * transfer out can only take what is in the pool.
 */
import { Decimal, dec, type DecimalInput } from '../money.ts';

export interface Stand {
  totaal: Decimal;
  afspraken: Decimal;
  reserve: Decimal;
  pool: Decimal;
  /** earmarked amount per label */
  oormerken: Record<string, Decimal>;
}

export interface Deltas {
  totaal: Decimal;
  afspraken: Decimal;
  oormerk: Decimal;
  reserve: Decimal;
  pool: Decimal;
}

export type Mutatie =
  /** set the contracteerruimte to a new total (voorlopig or definitief figure) */
  | { soort: 'vaststelling'; totaal: DecimalInput }
  /** earmark (positive) or release (negative) an amount under a label */
  | { soort: 'oormerk'; label: string; bedrag: DecimalInput }
  /** hold back (positive) or release (negative) reserve */
  | { soort: 'reserve'; bedrag: DecimalInput }
  /** transfer to another contracteerruimte (out of the pool) */
  | { soort: 'overheveling-uit'; bedrag: DecimalInput }
  /** transfer received from another contracteerruimte (into the pool) */
  | { soort: 'overheveling-in'; bedrag: DecimalInput }
  /** agreements change by this amount (a new version of a productieafspraak) */
  | { soort: 'afspraak'; bedrag: DecimalInput };

export interface GrootboekFout {
  waar: string;
  wat: string;
  actie: string;
}

export class GrootboekWeigering extends Error {
  constructor(readonly fout: GrootboekFout) {
    super(fout.wat);
  }
}

const NUL = () => new Decimal(0);

export function legeStand(): Stand {
  return { totaal: NUL(), afspraken: NUL(), reserve: NUL(), pool: NUL(), oormerken: {} };
}

export function oormerkTotaal(s: Stand): Decimal {
  let t = NUL();
  for (const v of Object.values(s.oormerken)) t = t.plus(v);
  return t;
}

/** The invariant: afspraken + pool + oormerken + reserve = totaal, exactly. */
export function inBalans(s: Stand): boolean {
  return s.afspraken.plus(s.pool).plus(oormerkTotaal(s)).plus(s.reserve).equals(s.totaal);
}

const eur = (d: Decimal) => d.toFixed(2);

function centen(v: DecimalInput, waar: string): Decimal {
  let d: Decimal;
  try {
    d = dec(v);
  } catch {
    throw new GrootboekWeigering({ waar, wat: `"${String(v)}" is geen bedrag`, actie: 'Geef een bedrag als 1234.56.' });
  }
  if (!d.isFinite() || d.decimalPlaces() > 2)
    throw new GrootboekWeigering({
      waar,
      wat: `${String(v)} is geen bedrag in hele centen`,
      actie: 'Geef het bedrag met hoogstens twee decimalen.',
    });
  return d;
}

/** An earmark set as a percentage of the total: total × pct / 100, cents half-up. */
export function oormerkVanPercentage(totaal: DecimalInput, percentage: DecimalInput): Decimal {
  return dec(totaal).times(dec(percentage)).dividedBy(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** The deltas a mutation causes in a stand; throws GrootboekWeigering when it may not happen. */
export function deltasVan(s: Stand, m: Mutatie): Deltas {
  const d: Deltas = { totaal: NUL(), afspraken: NUL(), oormerk: NUL(), reserve: NUL(), pool: NUL() };
  switch (m.soort) {
    case 'vaststelling': {
      const nieuw = centen(m.totaal, 'totaal');
      if (nieuw.isNegative())
        throw new GrootboekWeigering({
          waar: 'totaal',
          wat: `De contracteerruimte kan niet negatief zijn (${eur(nieuw)}).`,
          actie: 'Geef een bedrag van 0 of meer.',
        });
      d.totaal = nieuw.minus(s.totaal);
      d.pool = d.totaal;
      break;
    }
    case 'oormerk': {
      const b = centen(m.bedrag, 'bedrag');
      const label = m.label.trim();
      if (!label)
        throw new GrootboekWeigering({
          waar: 'label',
          wat: 'Een oormerk heeft een naam nodig.',
          actie: 'Geef het doel, bijv. "innovatie".',
        });
      const huidig = s.oormerken[label] ?? NUL();
      if (huidig.plus(b).isNegative())
        throw new GrootboekWeigering({
          waar: 'bedrag',
          wat: `Oormerk "${label}" heeft ${eur(huidig)}; er kan niet ${eur(b.negated())} van worden vrijgegeven.`,
          actie: `Geef hoogstens ${eur(huidig)} vrij.`,
        });
      d.oormerk = b;
      d.pool = b.negated();
      break;
    }
    case 'reserve': {
      const b = centen(m.bedrag, 'bedrag');
      if (s.reserve.plus(b).isNegative())
        throw new GrootboekWeigering({
          waar: 'bedrag',
          wat: `De reserve is ${eur(s.reserve)}; er kan niet ${eur(b.negated())} van worden vrijgegeven.`,
          actie: `Geef hoogstens ${eur(s.reserve)} vrij.`,
        });
      d.reserve = b;
      d.pool = b.negated();
      break;
    }
    case 'overheveling-uit':
    case 'overheveling-in': {
      const b = centen(m.bedrag, 'bedrag');
      if (!b.isPositive() || b.isZero())
        throw new GrootboekWeigering({
          waar: 'bedrag',
          wat: 'Een overheveling is een positief bedrag.',
          actie: 'Geef het over te hevelen bedrag groter dan 0.',
        });
      d.totaal = m.soort === 'overheveling-uit' ? b.negated() : b;
      d.pool = d.totaal;
      break;
    }
    case 'afspraak': {
      const b = centen(m.bedrag, 'bedrag');
      if (s.afspraken.plus(b).isNegative())
        throw new GrootboekWeigering({
          waar: 'bedrag',
          wat: `De afspraken zouden negatief worden (${eur(s.afspraken.plus(b))}).`,
          actie: 'Controleer de afspraak.',
        });
      d.afspraken = b;
      d.pool = b.negated();
      break;
    }
  }
  if (s.pool.plus(d.pool).isNegative()) {
    const tekort = s.pool.plus(d.pool).negated();
    throw new GrootboekWeigering({
      waar: m.soort === 'vaststelling' ? 'totaal' : 'bedrag',
      wat:
        `Onvoldoende vrije ruimte: de pool is ${eur(s.pool)}, deze mutatie vraagt ${eur(d.pool.negated())} ` +
        `(tekort ${eur(tekort)}). De som van de afspraken, oormerken en reserve mag de contracteerruimte niet overschrijden.`,
      actie:
        m.soort === 'afspraak'
          ? 'Verlaag de afspraak, geef reserve of een oormerk vrij, of verhoog de contracteerruimte (overheveling).'
          : 'Verlaag eerst afspraken, oormerken of reserve, of kies een kleiner bedrag.',
    });
  }
  return d;
}

/** Applies a mutation: the new stand and the deltas, or a GrootboekWeigering (stand unchanged). */
export function pasToe(s: Stand, m: Mutatie): { stand: Stand; deltas: Deltas } {
  const d = deltasVan(s, m);
  const oormerken = { ...s.oormerken };
  if (m.soort === 'oormerk') {
    const label = m.label.trim();
    const nieuw = (oormerken[label] ?? NUL()).plus(d.oormerk);
    if (nieuw.isZero()) delete oormerken[label];
    else oormerken[label] = nieuw;
  }
  const stand: Stand = {
    totaal: s.totaal.plus(d.totaal),
    afspraken: s.afspraken.plus(d.afspraken),
    reserve: s.reserve.plus(d.reserve),
    pool: s.pool.plus(d.pool),
    oormerken,
  };
  return { stand, deltas: d };
}

/** Rebuilds a stand from stored deltas (the ledger's mutations in order). */
export function standUitDeltas(rijen: Iterable<Deltas & { label?: string | null }>): Stand {
  const s = legeStand();
  for (const r of rijen) {
    s.totaal = s.totaal.plus(r.totaal);
    s.afspraken = s.afspraken.plus(r.afspraken);
    s.reserve = s.reserve.plus(r.reserve);
    s.pool = s.pool.plus(r.pool);
    if (r.label) {
      const n = (s.oormerken[r.label] ?? NUL()).plus(r.oormerk);
      if (n.isZero()) delete s.oormerken[r.label];
      else s.oormerken[r.label] = n;
    }
  }
  return s;
}

/** Share of the contracteerruimte taken by agreements, in percent with one decimal ("87.5"); null when 0. */
export function benutting(s: Pick<Stand, 'totaal' | 'afspraken'>): string | null {
  if (s.totaal.isZero()) return null;
  return s.afspraken.times(100).dividedBy(s.totaal).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toFixed(1);
}
