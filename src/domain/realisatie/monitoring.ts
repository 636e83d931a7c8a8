/**
 * Monitoring during the year: year-end forecast, depletion of the contracteerruimte, under- and
 * overproduction signals, and the efficiency checks of ZN's kader zorginkoop 2008 §4.3. Pure, exact:
 * money in integer cents, hours and percentages as Decimal.
 *
 * Sources (quoted verbatim):
 *  - Inkoopkader Langdurige Zorg 2016, §2.2.4: "Om zorgaanbieders comfort te bieden bij deze
 *    werkwijze, publiceren zorgkantoren periodiek over de uitnutting van de contracteerruimte."
 *  - NZa, Doelmatige zorg in de Wlz, §3.3.2: "Aandachtspunten bij dit initiatief zijn: transparantie
 *    over budgetuitputting, zodat alle zorgaanbieders het financiële risico van een tariefkorting zo
 *    vroeg mogelijk kennen."
 *  - Inkoopsafari (RVS), §3.2: "Zeker wanneer de gemaakte afspraken over en de realisatie van de zorg
 *    uit elkaar lopen, spreken zorginkopers en -verkopers elkaar over de ontstane situatie en wordt er
 *    onderhandeld over aanpassingen."
 *  - ZN, kader zorginkoop 2008, §4.3 (bandwidth, mix) and NZa, Doelmatige zorg in de Wlz, §3.3.3
 *    (intramural cap): quoted at each check below.
 */
import { Decimal } from '../money.ts';
import { formatCenten } from './centen.ts';

const e = formatCenten;
const D = (v: bigint | number | string) => new Decimal(typeof v === 'bigint' ? v.toString() : v);
const pct = (teller: Decimal, noemer: Decimal) =>
  noemer.isZero() ? null : teller.dividedBy(noemer).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

// ------------------------------------------------------------------ forecast

/**
 * Year-end forecast by seasonal run-rate (product choice; the sources ask for monitoring, not a
 * method). With realised amounts for months 1..m of this year and complete past years:
 *   seizoensaandeel(m) = Σ_past cumulative(1..m) / Σ_past year total   (ratio of sums: robust to a
 *                        single odd year, weighs bigger years more)
 *   prognose           = realised(1..m) / seizoensaandeel(m), half-up to cents.
 * Without usable history: linear run-rate realised(1..m) × 12 / m. The measured error of both on
 * generated data is in docs/realisatie.md (bench/prognose.bench.ts).
 */
export interface Prognose {
  prognose: bigint;
  methode: 'seizoen' | 'lineair' | 'volledig';
  /** the share of a normal year realised by month m, as a percentage with 2 decimals */
  seizoensaandeel: string;
  maanden: number;
  uitleg: string;
}

export function jaarprognose(ditJaar: bigint[], verleden: bigint[][] = []): Prognose {
  const m = ditJaar.length;
  if (m < 1 || m > 12) throw new Error('jaarprognose: 1 tot 12 maanden realisatie nodig');
  const totNu = ditJaar.reduce((s, x) => s + x, 0n);
  if (m === 12)
    return {
      prognose: totNu,
      methode: 'volledig',
      seizoensaandeel: '100.00',
      maanden: 12,
      uitleg: 'Het jaar is compleet.',
    };
  const bruikbaar = verleden.filter((j) => j.length === 12 && j.reduce((s, x) => s + x, 0n) > 0n);
  let teller = 0n;
  let noemer = 0n;
  for (const j of bruikbaar) {
    teller += j.slice(0, m).reduce((s, x) => s + x, 0n);
    noemer += j.reduce((s, x) => s + x, 0n);
  }
  if (bruikbaar.length && teller > 0n) {
    const prognose = (totNu * noemer * 2n + teller) / (teller * 2n); // half-up
    return {
      prognose,
      methode: 'seizoen',
      seizoensaandeel: pct(D(teller), D(noemer))!.toFixed(2),
      maanden: m,
      uitleg: `Seizoenspatroon van ${bruikbaar.length} eerdere jaren: tot en met maand ${m} wordt normaal ${pct(D(teller), D(noemer))!.toFixed(2)}% van het jaar gerealiseerd; ${e(totNu)} / dat aandeel = ${e(prognose)}.`,
    };
  }
  const prognose = (totNu * 12n * 2n + BigInt(m)) / (BigInt(m) * 2n);
  return {
    prognose,
    methode: 'lineair',
    seizoensaandeel: D(m).dividedBy(12).times(100).toDecimalPlaces(2).toFixed(2),
    maanden: m,
    uitleg: `Geen bruikbare eerdere jaren: lineair doorgetrokken, ${e(totNu)} × 12 / ${m} = ${e(prognose)}.`,
  };
}

// ------------------------------------------------------------------ depletion

export interface Uitputting {
  contracteerruimte: bigint;
  gerealiseerd: bigint;
  prognose: bigint;
  /** realised / contracteerruimte, % with 2 decimals */
  uitnuttingTotNu: string | null;
  /** forecast / contracteerruimte */
  uitnuttingPrognose: string | null;
  /** first month (1..12) in which the forecast path reaches the contracteerruimte; null if never */
  uitgeputInMaand: number | null;
  signaal: 'binnen' | 'krap' | 'overschrijding';
  uitleg: string;
}

/**
 * Depletion of the contracteerruimte from the region's monthly realisation so far and the region's
 * forecast. The path after month m follows the seasonal shape of past years (or straight lines).
 * `krapVanaf` (default 98%, a product choice) marks a forecast close to the ceiling.
 */
export function uitputting(
  contracteerruimte: bigint,
  ditJaar: bigint[],
  verleden: bigint[][] = [],
  krapVanaf = '98',
): Uitputting {
  const p = jaarprognose(ditJaar, verleden);
  const m = ditJaar.length;
  const totNu = ditJaar.reduce((s, x) => s + x, 0n);
  // cumulative path: realised months, then the remaining forecast spread by the seasonal shape
  const bruikbaar = verleden.filter((j) => j.length === 12 && j.reduce((s, x) => s + x, 0n) > 0n);
  const vorm = Array.from({ length: 12 }, (_, k) => bruikbaar.reduce((s, j) => s + j[k], 0n));
  const rest = vorm.slice(m).reduce((s, x) => s + x, 0n);
  const pad: bigint[] = [];
  let cum = 0n;
  for (let k = 0; k < 12; k++) {
    if (k < m) cum += ditJaar[k];
    else {
      const over = p.prognose - totNu;
      const deel =
        rest > 0n
          ? (over * vorm.slice(m, k + 1).reduce((s, x) => s + x, 0n)) / rest
          : (over * BigInt(k + 1 - m)) / BigInt(12 - m);
      cum = totNu + deel;
    }
    pad.push(cum);
  }
  const idx = pad.findIndex((x) => x > contracteerruimte);
  const uitgeputInMaand = idx === -1 ? null : idx + 1;
  const C = D(contracteerruimte);
  const uitnuttingPrognose = pct(D(p.prognose), C);
  const signaal =
    p.prognose > contracteerruimte
      ? 'overschrijding'
      : uitnuttingPrognose !== null && uitnuttingPrognose.gte(krapVanaf)
        ? 'krap'
        : 'binnen';
  return {
    contracteerruimte,
    gerealiseerd: totNu,
    prognose: p.prognose,
    uitnuttingTotNu: pct(D(totNu), C)?.toFixed(2) ?? null,
    uitnuttingPrognose: uitnuttingPrognose?.toFixed(2) ?? null,
    uitgeputInMaand,
    signaal,
    uitleg:
      signaal === 'overschrijding'
        ? `Verwacht wordt dat de contracteerruimte (${e(contracteerruimte)}) in maand ${uitgeputInMaand} op is; jaarprognose ${e(p.prognose)} (${uitnuttingPrognose!.toFixed(2)}%). ${p.uitleg}`
        : `Uitnutting tot nu ${pct(D(totNu), C)?.toFixed(2) ?? '–'}%, verwacht aan het eind van het jaar ${uitnuttingPrognose?.toFixed(2) ?? '–'}%${signaal === 'krap' ? ' (krap)' : ''}. ${p.uitleg}`,
  };
}

// ------------------------------------------------------------------ under/overproduction

export interface ProductieSignaal {
  aanbieder: string;
  soort: 'overproductie' | 'onderproductie' | 'afspraak-overschreden' | 'binnen';
  afspraak: bigint;
  gerealiseerd: bigint;
  prognose: bigint;
  /** (forecast − agreement) / agreement, % with 2 decimals */
  afwijking: string | null;
  uitleg: string;
}

/**
 * One signal per provider: realised already above the agreement, forecast above it by more than
 * `marge` % (overproductie) or below by more than `marge` % (onderproductie). The margin is the
 * zorgkantoor's setting (default 5%, a product choice: the sources name no figure).
 */
export function productieSignaal(
  aanbieder: string,
  afspraak: bigint,
  ditJaar: bigint[],
  verleden: bigint[][] = [],
  marge = '5',
): ProductieSignaal {
  const p = jaarprognose(ditJaar, verleden);
  const totNu = ditJaar.reduce((s, x) => s + x, 0n);
  const afw =
    afspraak > 0n
      ? D(p.prognose - afspraak)
          .dividedBy(D(afspraak))
          .times(100)
      : null;
  const base = {
    aanbieder,
    afspraak,
    gerealiseerd: totNu,
    prognose: p.prognose,
    afwijking: afw?.toDecimalPlaces(2).toFixed(2) ?? null,
  };
  if (totNu > afspraak)
    return {
      ...base,
      soort: 'afspraak-overschreden',
      uitleg: `Al ${e(totNu)} gerealiseerd, boven de afspraak ${e(afspraak)}: bespreek nu een aanpassing (herschikking) of de gevolgen (overproductieregel).`,
    };
  if (afw === null)
    return {
      ...base,
      soort: p.prognose > 0n ? 'overproductie' : 'binnen',
      uitleg: 'Geen afspraak; elke realisatie is overproductie.',
    };
  if (afw.gt(marge))
    return {
      ...base,
      soort: 'overproductie',
      uitleg: `Prognose ${e(p.prognose)} ligt ${afw.toDecimalPlaces(2).toFixed(2)}% boven de afspraak ${e(afspraak)} (marge ${marge}%): kandidaat voor extra geld in de herschikking.`,
    };
  if (afw.lt(D(marge).negated()))
    return {
      ...base,
      soort: 'onderproductie',
      uitleg: `Prognose ${e(p.prognose)} ligt ${afw.abs().toDecimalPlaces(2).toFixed(2)}% onder de afspraak ${e(afspraak)} (marge ${marge}%): ruimte die in de herschikking vrij kan komen.`,
    };
  return { ...base, soort: 'binnen', uitleg: `Prognose binnen ${marge}% van de afspraak.` };
}

// ------------------------------------------------------------------ §4.3 checks

export type Status = 'ok' | 'signaal' | 'onbepaald';
export interface Toets {
  toets: string;
  status: Status;
  waarde: string | null;
  norm: string;
  uitleg: string;
  bron: string;
}

const BRON_BANDBREEDTE =
  'ZN, kader zorginkoop 2008, §4.3 Doelmatigheid: “afspraken over de uren zorg die een aanbieder gemiddeld kan declareren binnen de bandbreedte van geïndiceerde functie/klassen (bijvoorbeeld maximaal 50% van de bandbreedte)”; voetnoot 16: “Het genoemde cijfer is in dit voorbeeld bedoeld als gemiddelde bij de totaal geleverde zorg. Het is geen norm voor de zorg per cliënt”';

/**
 * Bandwidth use of one function/class, over the whole population of clients indicated in it. The
 * input is aggregated on purpose: total declared hours and total client-weeks, never one client —
 * the source forbids using the figure as a norm per client. Position in the bandwidth =
 * (average hours per client-week − lower bound) / (upper − lower bound). The 50% is the source's
 * example; the zorgkantoor sets its own (`maxPositie`).
 */
export function toetsBandbreedte(input: {
  klasse: string;
  ondergrens: string;
  bovengrens: string;
  gedeclareerdeUren: string;
  clientweken: string;
  maxPositie?: string;
}): Toets & { gemiddeldeUren: string | null } {
  const lo = D(input.ondergrens);
  const hi = D(input.bovengrens);
  const max = D(input.maxPositie ?? '50');
  const norm = `gemiddeld hoogstens ${max.toFixed()}% van de bandbreedte ${lo.toFixed()}–${hi.toFixed()} uur per week (populatiegemiddelde, geen norm per cliënt)`;
  if (hi.lte(lo)) throw new Error(`toetsBandbreedte ${input.klasse}: bovengrens moet boven de ondergrens liggen`);
  const weken = D(input.clientweken);
  if (weken.isZero())
    return {
      toets: `bandbreedte ${input.klasse}`,
      status: 'onbepaald',
      waarde: null,
      gemiddeldeUren: null,
      norm,
      uitleg: 'Geen cliëntweken in deze klasse.',
      bron: BRON_BANDBREEDTE,
    };
  const gem = D(input.gedeclareerdeUren).dividedBy(weken);
  const positie = gem.minus(lo).dividedBy(hi.minus(lo)).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const ok = positie.lte(max);
  return {
    toets: `bandbreedte ${input.klasse}`,
    status: ok ? 'ok' : 'signaal',
    waarde: positie.toFixed(2),
    gemiddeldeUren: gem.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2),
    norm,
    uitleg: `Gemiddeld ${gem.toDecimalPlaces(2).toFixed(2)} uur per cliëntweek = ${positie.toFixed(2)}% van de bandbreedte${ok ? '' : `, boven de afgesproken ${max.toFixed()}%: bespreek de declaraties met de aanbieder`}. Dit is een gemiddelde over alle cliënten in de klasse; per cliënt mag de aanbieder maatwerk leveren.`,
    bron: BRON_BANDBREEDTE,
  };
}

export interface MixUren {
  pvBasis?: string;
  pvExtra?: string;
  pvSpeciaal?: string;
  vp?: string;
  obBasis?: string;
  obSpeciaal?: string;
}

/**
 * The mix checks of §4.3 "Specifieke aanpak" on one provider's (or the region's) declared hours.
 *  - PV-extra “omstreeks 15%” of PV + VP hours: band 15 ± `pvExtraMarge` points (default 5, a
 *    product choice for “omstreeks”); too low and too high are both signalled, as the source says.
 *  - PV-speciaal “begrensd [...] tot gemiddeld 5% à 10%” of PV hours: signal above the upper end.
 *  - OB: “een mix van OB-basis en OB-speciaal aangewezen” — no figure; signal when all OB hours are
 *    speciaal, or above `obSpeciaalMax` when the zorgkantoor set one.
 */
export function toetsMix(u: MixUren, opties: { pvExtraMarge?: string; obSpeciaalMax?: string } = {}): Toets[] {
  const z = (s?: string) => D(s ?? '0');
  const pv = z(u.pvBasis).plus(z(u.pvExtra)).plus(z(u.pvSpeciaal));
  const out: Toets[] = [];
  const marge = D(opties.pvExtraMarge ?? '5');
  const pvExtra = pct(z(u.pvExtra), pv.plus(z(u.vp)));
  const lo = D(15).minus(marge);
  const hi = D(15).plus(marge);
  out.push({
    toets: 'PV-extra als deel van PV + VP',
    status: pvExtra === null ? 'onbepaald' : pvExtra.lt(lo) || pvExtra.gt(hi) ? 'signaal' : 'ok',
    waarde: pvExtra?.toFixed(2) ?? null,
    norm: `omstreeks 15% (${lo.toFixed()}–${hi.toFixed()}%)`,
    uitleg:
      pvExtra === null
        ? 'Geen PV- of VP-uren.'
        : pvExtra.lt(lo)
          ? `PV-extra ${pvExtra.toFixed(2)}%: veel lager dan 15% is ineffectief (te weinig inkomsten voor oproepbare zorg).`
          : pvExtra.gt(hi)
            ? `PV-extra ${pvExtra.toFixed(2)}%: veel hoger dan 15% is doorgaans inefficiënt.`
            : `PV-extra ${pvExtra.toFixed(2)}%, omstreeks 15%.`,
    bron: 'ZN, kader zorginkoop 2008, §4.3: “Indien van alle uren PV en VP omstreeks 15% als PV-extra is aangemerkt (en aldus wordt betaald) is het mogelijk “oproepbare zorg” te organiseren [...] Een veel lager percentage is ineffectief [...] Een veel hoger percentage is doorgaans inefficiënt.”',
  });
  const pvSp = pct(z(u.pvSpeciaal), pv);
  out.push({
    toets: 'PV-speciaal als deel van PV',
    status: pvSp === null ? 'onbepaald' : pvSp.gt(10) ? 'signaal' : 'ok',
    waarde: pvSp?.toFixed(2) ?? null,
    norm: 'gemiddeld hoogstens 5% à 10% van alle PV-uren',
    uitleg:
      pvSp === null
        ? 'Geen PV-uren.'
        : pvSp.gt(10)
          ? `PV-speciaal ${pvSp.toFixed(2)}% van de PV-uren, boven 10%: PV-speciaal is bedoeld voor cliënten met een chronische ziekte waar verzorging en verpleging sterk samenhangen.`
          : `PV-speciaal ${pvSp.toFixed(2)}% van de PV-uren, binnen 10%.`,
    bron: 'ZN, kader zorginkoop 2008, §4.3: “uit landelijke referentiecijfers komt naar voren dat de toepassing van PV-speciaal begrensd kan blijven tot gemiddeld 5% à 10% van alle PV-uren.”',
  });
  const ob = z(u.obBasis).plus(z(u.obSpeciaal));
  const obSp = pct(z(u.obSpeciaal), ob);
  const obMax = opties.obSpeciaalMax ? D(opties.obSpeciaalMax) : null;
  const obSignaal = obSp !== null && (obMax ? obSp.gt(obMax) : obSp.gte(100));
  out.push({
    toets: 'mix OB-basis / OB-speciaal',
    status: obSp === null ? 'onbepaald' : obSignaal ? 'signaal' : 'ok',
    waarde: obSp?.toFixed(2) ?? null,
    norm: obMax
      ? `OB-speciaal hoogstens ${obMax.toFixed()}% (instelling van het zorgkantoor)`
      : 'een mix (de bron noemt geen percentage; alleen 100% OB-speciaal wordt gesignaleerd)',
    uitleg:
      obSp === null
        ? 'Geen OB-uren.'
        : obSignaal
          ? `OB-speciaal ${obSp.toFixed(2)}% van de OB-uren: vanuit doelmatigheid is een mix van OB-basis en OB-speciaal aangewezen.`
          : `OB-speciaal ${obSp.toFixed(2)}% van de OB-uren.`,
    bron: 'ZN, kader zorginkoop 2008, §4.3: “Sommige zorgaanbieders willen alle uren afspreken op basis van de zorgprestatie OB-speciaal. Vanuit doelmatigheid (of kosteneffectieve zorg) is een mix van OB-basis en OB-speciaal aangewezen.”',
  });
  return out;
}

/**
 * Intramural days against the provider's cap (plafond in dagen). Signals when the realised days
 * already exceed it, or the year forecast (same seasonal method, on days) will.
 */
export function toetsIntramuraalPlafond(input: {
  plafondDagen: number;
  dagenPerMaand: number[];
  verleden?: number[][];
}): Toets & { prognoseDagen: number } {
  const p = jaarprognose(
    input.dagenPerMaand.map((d) => BigInt(d)),
    (input.verleden ?? []).map((j) => j.map((d) => BigInt(d))),
  );
  const totNu = input.dagenPerMaand.reduce((s, x) => s + x, 0);
  const prognoseDagen = Number(p.prognose);
  const status: Status = totNu > input.plafondDagen || prognoseDagen > input.plafondDagen ? 'signaal' : 'ok';
  return {
    toets: 'intramuraal plafond (dagen)',
    status,
    waarde: String(prognoseDagen),
    prognoseDagen,
    norm: `hoogstens ${input.plafondDagen} dagen zorg met verblijf`,
    uitleg:
      totNu > input.plafondDagen
        ? `Al ${totNu} dagen gerealiseerd, boven het plafond van ${input.plafondDagen}.`
        : prognoseDagen > input.plafondDagen
          ? `Verwacht ${prognoseDagen} dagen, boven het plafond van ${input.plafondDagen}. Let op: het plafond kan de keuzevrijheid van cliënten beperken.`
          : `Verwacht ${prognoseDagen} dagen, binnen het plafond van ${input.plafondDagen}.`,
    bron: 'NZa, Doelmatige zorg in de Wlz, §3.3.3: “Het zorgkantoor heeft hiertoe sinds 2012 een plafond in dagen per zorgaanbieder ingesteld voor zorg met verblijf (intramurale zorg) [...] Het intramuraal plafond kan dus de keuzevrijheid van cliënten beperken.”',
  };
}
