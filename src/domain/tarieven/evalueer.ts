/**
 * Evaluation of a compiled tariff policy for one provider profile and leveringsvorm/prestatie,
 * with a trace of every rule that fired, in order, with its effect and source.
 *
 * The percentage is carried as an interval [van, tot] of exact Decimals (null = open). Known
 * figures keep van = tot. A rule whose source names no figure widens the interval; a later cap
 * may close it again (DSW: 2023 at 97.5 and monitor "hoger" → still 97.5). The result is
 * "bepaald" only when van = tot; otherwise "onbepaald" with the reasons and the interval, and no
 * percentage — never an invented number.
 *
 * Tariff (named rounding rule "centen-half-up"): NZa maximum excl. NHC/NIC × exact percentage / 100,
 * rounded to cents half-up (money.ts applyPercentage). The percentage itself is shown with two
 * decimals but the tariff uses the exact value. NHC and NIC are each multiplied by the policy's
 * own NHC/NIC percentage, or left undetermined when the policy (source) gives none.
 */
import { Decimal, applyPercentage, pct, sum } from '../money.ts';
import type { Leveringsvorm, Profiel, Voorwaarde } from './taal.ts';
import type { GecompileerdBeleid, GecompileerdeRegel } from './valideer.ts';

export interface SpoorRegel {
  regel: string;
  effect: string;
  bron: string;
  omschrijving: string;
  zekerheid: 'H' | 'M' | 'L';
  eenheidAangenomen: boolean;
  /** percentage (or interval) after this rule */
  na: string;
  document: string;
}

export interface Uitkomst {
  zorgkantoor: string;
  beleidId: string;
  /** two decimals, only when bepaald */
  percentage: string | null;
  status: 'bepaald' | 'onbepaald';
  /** the interval when onbepaald (null = open end) */
  bandbreedte: { van: string | null; tot: string | null };
  redenen: string[];
  uitgesloten: boolean;
  spoor: SpoorRegel[];
  /** exact value for tariff calculation (not rounded) */
  exact: Decimal | null;
}

export interface Situatie {
  leveringsvorm: Leveringsvorm;
  prestatie?: string;
}

function geldt(v: Voorwaarde | undefined, p: Profiel, s: Situatie): boolean {
  if (!v) return true;
  if ('alle' in v) return v.alle.every((x) => geldt(x, p, s));
  if ('een' in v) return v.een.some((x) => geldt(x, p, s));
  if ('niet' in v) return !geldt(v.niet, p, s);
  if ('kenmerk' in v) {
    const w = p[v.kenmerk as keyof Profiel];
    if ('bekend' in v) return (w !== undefined) === v.bekend;
    return w === v.is;
  }
  if ('leveringsvorm' in v) return v.leveringsvorm.includes(s.leveringsvorm);
  if ('prestatie' in v) return s.prestatie !== undefined && v.prestatie.includes(s.prestatie);
  return false;
}

const fmt = (d: Decimal | null) => (d === null ? '?' : pct(d));
const interval = (van: Decimal | null, tot: Decimal | null) =>
  van !== null && tot !== null && van.equals(tot)
    ? pct(van)
    : `tussen ${van === null ? 'onbekend' : pct(van)} en ${tot === null ? 'onbekend' : pct(tot)}`;
const minD = (a: Decimal, b: Decimal) => (a.lessThan(b) ? a : b);
const maxD = (a: Decimal, b: Decimal) => (a.greaterThan(b) ? a : b);
const HONDERD = new Decimal(100);
const NUL = new Decimal(0);

export function evalueer(c: GecompileerdBeleid, profiel: Profiel, situatie: Situatie): Uitkomst {
  const b = c.beleid;
  let van: Decimal | null = c.basis;
  let tot: Decimal | null = c.basis;
  const redenen: string[] = [];
  let uitgesloten = false;
  const spoor: SpoorRegel[] = [
    {
      regel: b.basis.regel,
      omschrijving: b.basis.omschrijving,
      zekerheid: b.basis.zekerheid,
      eenheidAangenomen: false,
      effect: `basis ${pct(c.basis)}% van het NZa-maximumtarief (excl. NHC/NIC)`,
      bron: b.basis.bron.citaat,
      document: b.basis.bron.document,
      na: pct(c.basis),
    },
  ];
  const gekozenGroep = new Map<string, string>();

  const toepassen = (g: GecompileerdeRegel): string | null => {
    const r = g.regel;
    const e = r.effect;
    const voor = interval(van, tot);
    switch (e.op) {
      case 'zet':
        van = tot = g.waarde!;
        return `vastgezet op ${pct(g.waarde!)}% (was ${voor})`;
      case 'vorigJaar': {
        const v = profiel.vorigJaarPercentage;
        if (v instanceof Decimal) {
          van = tot = v;
          return `percentage vorig jaar: ${pct(v)}% (was ${voor})`;
        }
        van = tot = null;
        redenen.push(`${r.id}: het percentage van vorig jaar (vorigJaarPercentage) is niet opgegeven`);
        return 'percentage vorig jaar onbekend (vorigJaarPercentage ontbreekt in het profiel)';
      }
      case 'uitgesloten':
        uitgesloten = true;
        van = tot = null;
        redenen.push(`${r.id}: ${r.reden ?? r.omschrijving}`);
        return `geen afspraak mogelijk: ${r.reden ?? r.omschrijving}`;
      case 'plus':
      case 'min': {
        const w = e.op === 'min' ? g.waarde!.negated() : g.waarde!;
        if (e.eenheid === 'procentpunt') {
          van = van === null ? null : van.plus(w);
          tot = tot === null ? null : tot.plus(w);
          return `${w.isNegative() ? '−' : '+'}${pct(w.abs())} procentpunt → ${interval(van, tot)}`;
        }
        const f = HONDERD.plus(w).dividedBy(HONDERD);
        van = van === null ? null : van.times(f);
        tot = tot === null ? null : tot.times(f);
        return `${w.isNegative() ? '−' : '+'}${pct(w.abs())}% relatief (× ${f.toString()}) → ${interval(van, tot)}`;
      }
      case 'bereik': {
        const k = e.kenmerk as keyof Profiel | undefined;
        const pv = k ? profiel[k] : undefined;
        const rel = e.eenheid === 'relatief';
        const toep = (x: Decimal | null, d: Decimal) =>
          x === null ? null : rel ? x.times(HONDERD.plus(d).dividedBy(HONDERD)) : x.plus(d);
        if (pv instanceof Decimal) {
          const d = maxD(g.van!, minD(g.tot!, pv));
          const begrensd = !d.equals(pv)
            ? ` (opgegeven ${pv.toString()}, begrensd tot het bereik ${g.van} … ${g.tot})`
            : '';
          van = toep(van, d);
          tot = toep(tot, d);
          return `${d.isNegative() ? '−' : '+'}${pct(d.abs())} ${rel ? '% relatief' : 'procentpunt'} uit ${k}${begrensd} → ${interval(van, tot)}`;
        }
        van = toep(van, g.van!);
        tot = toep(tot, g.tot!);
        redenen.push(`${r.id}: ${r.reden ?? `de bron geeft alleen een bereik ${g.van} … ${g.tot}`}`);
        return `bereik ${g.van} … ${g.tot} ${rel ? '% relatief' : 'procentpunt'}; hoogte niet bepaald → ${interval(van, tot)}`;
      }
      case 'onbepaald': {
        if (e.richting === 'lager') van = null;
        else if (e.richting === 'hoger') tot = null;
        else {
          van = null;
          tot = null;
        }
        redenen.push(`${r.id}: ${r.reden ?? 'de bron noemt geen hoogte'}`);
        return `${e.richting === 'lager' ? 'verlaging' : e.richting === 'hoger' ? 'verhoging' : 'wijziging'} zonder genoemde hoogte → ${interval(van, tot)}`;
      }
      case 'plafond': {
        const w = g.waarde!;
        if (van !== null && tot !== null && tot.lessThanOrEqualTo(w)) return null;
        van = van === null ? null : minD(van, w);
        tot = tot === null ? w : minD(tot, w);
        return `maximum ${pct(w)}% → ${interval(van, tot)}`;
      }
      case 'bodem': {
        const w = g.waarde!;
        if (van !== null && tot !== null && van.greaterThanOrEqualTo(w)) return null;
        tot = tot === null ? null : maxD(tot, w);
        van = van === null ? w : maxD(van, w);
        return `minimum ${pct(w)}% → ${interval(van, tot)}`;
      }
    }
  };

  for (const g of c.regels) {
    const r = g.regel;
    if (!geldt(r.als, profiel, situatie)) continue;
    if (uitgesloten) break;
    if (r.groep) {
      const al = gekozenGroep.get(r.groep);
      if (al) {
        spoor.push({
          regel: r.id,
          omschrijving: r.omschrijving,
          zekerheid: r.zekerheid,
          eenheidAangenomen: !!r.eenheidAangenomen,
          document: r.bron.document,
          effect: `niet toegepast: alternatief ${al} gaat voor (een van beide)`,
          bron: r.bron.citaat,
          na: interval(van, tot),
        });
        continue;
      }
      gekozenGroep.set(r.groep, r.id);
    }
    const effect = toepassen(g);
    if (effect === null) continue;
    spoor.push({
      regel: r.id,
      omschrijving: r.omschrijving,
      zekerheid: r.zekerheid,
      eenheidAangenomen: !!r.eenheidAangenomen,
      document: r.bron.document,
      effect,
      bron: r.bron.citaat,
      na: interval(van, tot),
    });
  }

  // The NZa tariff is a maximum: never above 100% unless the policy explicitly allows it; never below 0.
  if (!uitgesloten) {
    const vanV = van as Decimal | null;
    const totV = tot as Decimal | null;
    if (!b.boven100Toegestaan && (totV === null || totV.greaterThan(HONDERD))) {
      van = vanV === null ? null : minD(vanV, HONDERD);
      tot = totV === null ? HONDERD : minD(totV, HONDERD);
      spoor.push({
        regel: 'NZa-maximum',
        omschrijving: 'Het NZa-tarief is een maximumtarief',
        zekerheid: 'H',
        eenheidAangenomen: false,
        document: 'Wlz / NZa-tariefbeschikking',
        effect: `maximum 100.00% → ${interval(van, tot)}`,
        bron: 'NZa_max_excl_NHC_NIC … cap(zk) ≤ 100 (the NZa tariff is a maximum)',
        na: interval(van, tot),
      });
    }
    const van2 = van as Decimal | null;
    const tot2 = tot as Decimal | null;
    if (van2 === null || van2.isNegative()) {
      van = van2 === null ? NUL : maxD(van2, NUL);
      tot = tot2 === null ? null : maxD(tot2, NUL);
    }
  }

  const vanF = van as Decimal | null;
  const totF = tot as Decimal | null;
  const bepaald = !uitgesloten && vanF !== null && totF !== null && vanF.equals(totF);
  return {
    zorgkantoor: b.zorgkantoor,
    beleidId: b.id,
    percentage: bepaald ? pct(vanF!) : null,
    status: bepaald ? 'bepaald' : 'onbepaald',
    bandbreedte: {
      van: uitgesloten || vanF === null ? null : fmt(vanF),
      tot: uitgesloten || totF === null ? null : fmt(totF),
    },
    redenen: bepaald ? [] : redenen.length ? redenen : ['bandbreedte niet gesloten'],
    uitgesloten,
    spoor,
    exact: bepaald ? vanF : null,
  };
}

export interface TariefUitkomst {
  /** NZa maximum excl. NHC/NIC × percentage, cents half-up */
  tarief: string | null;
  nhc: string | null;
  nic: string | null;
  /** tarief + nhc + nic when all three are determined */
  totaal: string | null;
  afronding: 'centen-half-up';
  toelichting: string[];
}

const SCHAAL = 1_000_000;
const DELER = 100 * SCHAAL;
const VEILIG = 2 ** 51;
const geschaaldCache = new WeakMap<Decimal, number | null>();

/** The percentage × 10^6 as an exact integer, when it has at most 6 decimals (else null: Decimal path). */
function geschaald(d: Decimal): number | null {
  let g = geschaaldCache.get(d);
  if (g === undefined) {
    g = d.decimalPlaces() <= 6 && !d.isNegative() && d.lessThanOrEqualTo(1000) ? d.times(SCHAAL).toNumber() : null;
    geschaaldCache.set(d, g);
  }
  return g;
}

const CENT_RE = /^(\d{1,12})(?:\.(\d{1,2}))?$/;
function centen(s: string): number | null {
  const m = CENT_RE.exec(s);
  if (!m) return null;
  const c = Number(m[1]) * 100 + (m[2] ? Number(m[2].padEnd(2, '0')) : 0);
  return c < VEILIG ? c : null;
}
const tekst = (c: number) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;

/**
 * amount × percentage / 100 in cents, half-up. Exact integer arithmetic when both fit (the
 * same result as money.ts applyPercentage, property-tested); otherwise applyPercentage itself.
 */
export function maalPercentage(bedrag: string, p: Decimal): { centen: number | null; tekst: string } {
  const g = geschaald(p);
  const c = g === null ? null : centen(bedrag);
  if (g !== null && c !== null && c * g < VEILIG) {
    const num = 2 * c * g + DELER;
    const q = (num - (num % (2 * DELER))) / (2 * DELER);
    return { centen: q, tekst: tekst(q) };
  }
  return { centen: null, tekst: applyPercentage(bedrag, p).toFixed(2) };
}

/** Tariff for one prestatie from an evaluated percentage and the NZa maximum (strings, numeric). */
export function berekenTarief(
  u: Pick<Uitkomst, 'exact' | 'status'>,
  nhcNicPercentage: Decimal | null,
  nza: { tarief: string; nhc: string | null; nic: string | null },
): TariefUitkomst {
  const toelichting: string[] = [];
  const tarief = u.exact === null ? null : maalPercentage(nza.tarief, u.exact);
  if (tarief === null) toelichting.push('percentage onbepaald: geen tarief');
  const comp = (v: string | null, naam: string) => {
    if (v === null) return null;
    if (nhcNicPercentage === null) {
      toelichting.push(`${naam}: het beleid (de bron) noemt geen percentage voor ${naam}; niet berekend`);
      return null;
    }
    return maalPercentage(v, nhcNicPercentage);
  };
  const nhc = comp(nza.nhc, 'NHC');
  const nic = comp(nza.nic, 'NIC');
  const compleet = tarief !== null && (nza.nhc === null || nhc !== null) && (nza.nic === null || nic !== null);
  let totaal: string | null = null;
  if (compleet) {
    const delen = [tarief!, nhc, nic].filter((x): x is { centen: number | null; tekst: string } => x !== null);
    totaal = delen.every((x) => x.centen !== null)
      ? tekst(delen.reduce((a, x) => a + x.centen!, 0))
      : sum(delen.map((x) => x.tekst)).toFixed(2);
  }
  return {
    tarief: tarief?.tekst ?? null,
    nhc: nhc?.tekst ?? null,
    nic: nic?.tekst ?? null,
    totaal,
    afronding: 'centen-half-up',
    toelichting,
  };
}

const memo = new WeakMap<GecompileerdBeleid, Map<string, Uitkomst>>();

/**
 * evalueer with memoisation: the outcome depends only on the profile keys the policy reads and
 * on the leveringsvorm (and prestatie if a rule looks at it), so equal signatures share one
 * (immutable) outcome. Used for bulk calculation.
 */
export function evalueerMemo(c: GecompileerdBeleid, profiel: Profiel, situatie: Situatie): Uitkomst {
  let m = memo.get(c);
  if (!m) {
    m = new Map();
    memo.set(c, m);
  }
  let key = situatie.leveringsvorm + '|' + (c.prestatieAfhankelijk ? (situatie.prestatie ?? '') : '');
  for (const k of c.kenmerken) {
    const v = profiel[k as keyof Profiel];
    key += '|' + (v === undefined ? '' : String(v));
  }
  let u = m.get(key);
  if (!u) {
    if (m.size > 100_000) m.clear();
    u = evalueer(c, profiel, situatie);
    m.set(key, u);
  }
  return u;
}

export interface VoorbereideNza {
  tarief: string;
  nhc: string | null;
  nic: string | null;
  tariefCenten: number | null;
}
/** Parses the NZa amount once per prestatie for bulk calculation. */
export function bereidNzaVoor(n: { tarief: string; nhc: string | null; nic: string | null }): VoorbereideNza {
  return { ...n, tariefCenten: centen(n.tarief) };
}

/** Bulk path: the tariff excl. NHC/NIC in cents (half-up), or null when the percentage is undetermined. */
export function tariefInCenten(u: Uitkomst, n: VoorbereideNza): number | null {
  if (u.exact === null) return null;
  const g = geschaald(u.exact);
  if (g !== null && n.tariefCenten !== null && n.tariefCenten * g < VEILIG) {
    const num = 2 * n.tariefCenten * g + DELER;
    return (num - (num % (2 * DELER))) / (2 * DELER);
  }
  return Number(applyPercentage(n.tarief, u.exact).times(100).toFixed(0));
}
