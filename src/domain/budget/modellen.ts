/**
 * The three allocation models of issue 11 on a validated scenario. Pure: the LP solver is passed
 * in (HiGHS behind src/budget/highs.ts). Every amount is exact to the cent and every provider of
 * the scenario is in the outcome, in the order of the scenario.
 *
 * Sources (quoted in docs/formaten/verdeling.md):
 * - Q: ZN, kader "Zorginkoop 2008" §3.5, Kader 4 (eerste model) — floor of e.g. 90% of realised
 *   production, the rest selectively by performance, "ook boven de 100%", sum within the
 *   contracteerruimte, part of the budget may be kept back.
 * - P: same, Kader 4 (tweede model) — no set-aside, price from e.g. 90% of the maximum tariff
 *   upward by performance, volume follows client choice; a shortfall is not cut but reported.
 * - toekenning: Inkoopkader Langdurige Zorg 2016 §2.2.4 "Bepaling van het volume" — an initial
 *   agreement below the full volume; what stays unallocated goes to the herschikking.
 */
import { Decimal, euros, formatEuroNl, sum } from '../money.ts';
import { grootsteResten } from './afronden.ts';
import { verdeelbaar, waterfill, type LpSolver, type WaterItem } from './lp.ts';
import type { GeldigScenario, GeldigeAanbieder } from './valideer.ts';
import type { Afspraak, Bindend, Conflict, PrestatieUitkomst, VerdelingUitkomst } from './types.ts';

const NUL = new Decimal(0);
const HONDERD = new Decimal(100);

/** Dutch percentage: "92,50%" (two decimals, half-up). */
export function procentNl(v: Decimal, decimalen = 2): string {
  return v.toDecimalPlaces(decimalen, Decimal.ROUND_HALF_UP).toFixed(decimalen).replace('.', ',') + '%';
}
const getalNl = (v: Decimal) => v.toString().replace('.', ',');
const eur = formatEuroNl;
const centen = (v: Decimal) => v.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
const vanRealisatie = (bedrag: Decimal, realisatie: Decimal): string | null =>
  realisatie.isZero()
    ? null
    : bedrag.times(HONDERD).dividedBy(realisatie).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);

/** What the solver did, for the bench and for audit (not part of the JSON outcome). */
export interface Diagnose {
  lpGebruikt: boolean;
  lpGecorrigeerd: boolean;
  lp: string | null;
}

export interface ModelResultaat {
  uitkomst: VerdelingUitkomst;
  diagnose: Diagnose;
}

function basis(s: GeldigScenario) {
  return {
    model: s.model,
    jaar: s.jaar,
    regio: s.regio,
    contracteerruimte: euros(s.contracteerruimte),
    reserve: euros(s.reserve),
  };
}

const pool = (s: GeldigScenario, totaal: Decimal) => euros(Decimal.max(NUL, s.contracteerruimte.minus(totaal)));

// ---------------------------------------------------------------------------------------------
// Model Q
// ---------------------------------------------------------------------------------------------

export function verdeelQ(s: GeldigScenario, solver: LpSolver): ModelResultaat {
  const B = s.contracteerruimte.minus(s.reserve);
  const vp = s.vloerPercentage;
  const vloeren = s.aanbieders.map((a) => centen(a.realisatie.times(vp).dividedBy(HONDERD)));
  const somVloeren = sum(vloeren);
  const geenLp: Diagnose = { lpGebruikt: false, lpGecorrigeerd: false, lp: null };

  // 1. Conflicts that no allocation can resolve: a cap below the floor.
  const conflicten: Conflict[] = [];
  s.aanbieders.forEach((a, i) => {
    if (a.plafond !== null && a.plafond.lessThan(vloeren[i]))
      conflicten.push({
        beperkingen: [`vloer ${a.id}`, `plafond ${a.id}`],
        bedrag: euros(vloeren[i].minus(a.plafond)),
        uitleg: `De vloer van ${a.id} (${procentNl(vp)} van ${eur(a.realisatie)} = ${eur(vloeren[i])}) is hoger dan het plafond (${eur(a.plafond)}), ${eur(vloeren[i].minus(a.plafond))} te veel. Verhoog het plafond of verlaag het vloerpercentage.`,
      });
  });
  const budgetTekort = somVloeren.minus(B);
  const vloerPlafond = conflicten.length > 0;
  if (budgetTekort.greaterThan(0) && (s.bijTekort === 'melden' || vloerPlafond))
    conflicten.push({
      beperkingen: ['budget', ...s.aanbieders.filter((_, i) => vloeren[i].greaterThan(0)).map((a) => `vloer ${a.id}`)],
      bedrag: euros(budgetTekort),
      uitleg: `De vloeren samen (${eur(somVloeren)}) zijn ${eur(budgetTekort)} hoger dan de contracteerruimte min de reserve (${eur(B)}). Verlaag het vloerpercentage of de reserve, vraag een hogere contracteerruimte, of kies bijTekort "prorata" om de vloeren naar rato te verlagen.`,
    });

  if (conflicten.length) {
    const inConflict = new Set(conflicten.flatMap((c) => c.beperkingen));
    const afspraken: Afspraak[] = s.aanbieders.map((a, i) => {
      const bindend: Bindend[] = [];
      if (inConflict.has(`vloer ${a.id}`)) bindend.push('vloer');
      if (inConflict.has(`plafond ${a.id}`)) bindend.push('plafond');
      if (inConflict.has('budget') && bindend.includes('vloer')) bindend.push('budget');
      return {
        aanbieder: a.id,
        bedrag: '0.00',
        bindend,
        uitleg: `Geen afspraak: de verdeling is onhaalbaar (zie conflicten). Vloer ${eur(vloeren[i])}${a.plafond ? `, plafond ${eur(a.plafond)}` : ''}.`,
        vloer: euros(vloeren[i]),
        plafond: a.plafond ? euros(a.plafond) : null,
        score: a.score.toString(),
        percentageVanRealisatie: null,
      };
    });
    return {
      uitkomst: {
        status: 'onhaalbaar',
        ...basis(s),
        totaal: '0.00',
        pool: euros(s.contracteerruimte),
        selectiefDeel: '0.00',
        conflicten,
        afspraken,
      },
      diagnose: geenLp,
    };
  }

  // 2. Floors above the budget, bijTekort "prorata": every floor cut by the same factor B / Σ floors.
  if (budgetTekort.greaterThan(0)) {
    const factor = B.dividedBy(somVloeren);
    const bedragen = grootsteResten(
      s.aanbieders.map((a, i) => ({ id: a.id, exact: vloeren[i].times(factor), max: vloeren[i] })),
      B,
    );
    const afspraken: Afspraak[] = s.aanbieders.map((a, i) => ({
      aanbieder: a.id,
      bedrag: euros(bedragen[i]),
      bindend: ['budget'],
      uitleg:
        `De vloeren samen (${eur(somVloeren)}) passen niet binnen de contracteerruimte min de reserve (${eur(B)}). ` +
        `Met bijTekort "prorata" is elke vloer met dezelfde factor verlaagd: ${procentNl(factor.times(HONDERD), 4)} van de vloer. ` +
        `Vloer ${eur(vloeren[i])} (${procentNl(vp)} van ${eur(a.realisatie)}) → afspraak ${eur(bedragen[i])}. Er is geen selectief deel.`,
      vloer: euros(vloeren[i]),
      plafond: a.plafond ? euros(a.plafond) : null,
      score: a.score.toString(),
      percentageVanRealisatie: vanRealisatie(bedragen[i], a.realisatie),
    }));
    const totaal = sum(bedragen);
    return {
      uitkomst: {
        status: 'prorata',
        ...basis(s),
        totaal: euros(totaal),
        pool: pool(s, totaal),
        selectiefDeel: '0.00',
        afspraken,
      },
      diagnose: geenLp,
    };
  }

  // 3. Feasible: floors, then the selective share proportional to score × realisation, caps respected.
  const selectief = B.minus(somVloeren);
  const items: WaterItem[] = s.aanbieders.map((a, i) => ({
    id: a.id,
    vloer: vloeren[i],
    plafond: a.plafond,
    gewicht: a.score.times(a.realisatie),
  }));
  const T = verdeelbaar(items, selectief);
  const w = waterfill(items, B, T, solver, `Verdelingsmodel Q, regio ${s.regio}, jaar ${s.jaar}`);
  const extra = grootsteResten(
    items.map((it, i) => ({ id: it.id, exact: w.extra[i], max: it.plafond ? it.plafond.minus(it.vloer) : null })),
    T,
  );
  const bedragen = extra.map((e, i) => vloeren[i].plus(e));
  const totaal = sum(bedragen);
  const budgetBindt = totaal.equals(B);
  // percentage of realisation per score point above the floor: λ × 100
  const perPunt = w.lambda ? w.lambda.times(HONDERD) : null;

  const afspraken: Afspraak[] = s.aanbieders.map((a, i) => {
    const bindend: Bindend[] = [];
    const zinnen: string[] = [];
    const heeftPlafond = a.plafond !== null;
    zinnen.push(`Vloer: ${procentNl(vp)} van de realisatie vorig jaar (${eur(a.realisatie)}) = ${eur(vloeren[i])}.`);
    if (extra[i].isZero()) {
      bindend.push('vloer');
      if (heeftPlafond && a.plafond!.equals(vloeren[i])) {
        bindend.push('plafond');
        zinnen.push(`Het plafond (${eur(a.plafond!)}) is gelijk aan de vloer: geen selectief deel mogelijk.`);
      } else if (a.realisatie.isZero())
        zinnen.push(
          'Geen realisatie vorig jaar: model Q geeft het selectieve deel naar verhouding van score × realisatie, dus geen selectief deel. Ruimte voor een nieuwe aanbieder komt uit de reserve of de herschikking.',
        );
      else if (a.score.isZero()) zinnen.push('Score 0: geen selectief deel, alleen de vloer.');
      else if (selectief.isZero())
        zinnen.push('De vloeren vullen de contracteerruimte min de reserve precies: er is geen selectief deel.');
      else zinnen.push('Het selectieve deel is na afronding op centen 0.');
    } else {
      const pctExtra = a.realisatie.isZero() ? NUL : extra[i].times(HONDERD).dividedBy(a.realisatie);
      zinnen.push(
        `Selectief deel: ${eur(extra[i])} (${procentNl(pctExtra)} van de realisatie) op grond van score ${getalNl(a.score)}` +
          (perPunt ? `; het selectieve deel is ${procentNl(perPunt, 4)} van de realisatie per scorepunt.` : '.'),
      );
      if (heeftPlafond && bedragen[i].equals(a.plafond!)) {
        bindend.push('plafond');
        zinnen.push(`Het plafond (${eur(a.plafond!)}) bindt: zonder plafond was het selectieve deel hoger geweest.`);
      } else if (budgetBindt) {
        bindend.push('budget');
        zinnen.push(
          `De contracteerruimte min de reserve (${eur(B)}) is volledig verdeeld: het budget bepaalt de hoogte van het selectieve deel.`,
        );
      }
    }
    if (!budgetBindt && !extra[i].isZero() && !bindend.includes('plafond'))
      zinnen.push(
        'Het budget bindt niet: er blijft ruimte over omdat de andere aanbieders hun plafond hebben bereikt.',
      );
    const pr = vanRealisatie(bedragen[i], a.realisatie);
    zinnen.push(`Afspraak ${eur(bedragen[i])}${pr ? ` = ${pr.replace('.', ',')}% van de realisatie` : ''}.`);
    return {
      aanbieder: a.id,
      bedrag: euros(bedragen[i]),
      bindend,
      uitleg: zinnen.join(' '),
      vloer: euros(vloeren[i]),
      plafond: a.plafond ? euros(a.plafond) : null,
      score: a.score.toString(),
      percentageVanRealisatie: pr,
    };
  });
  return {
    uitkomst: {
      status: 'opgelost',
      ...basis(s),
      totaal: euros(totaal),
      pool: pool(s, totaal),
      selectiefDeel: euros(selectief),
      ...(perPunt ? { procentPerScorepunt: perPunt.toDecimalPlaces(6, Decimal.ROUND_HALF_UP).toFixed(6) } : {}),
      afspraken,
    },
    diagnose: { lpGebruikt: w.lpGebruikt, lpGecorrigeerd: w.lpGecorrigeerd, lp: w.lp },
  };
}

// ---------------------------------------------------------------------------------------------
// Model P
// ---------------------------------------------------------------------------------------------

/** The price percentage for a score: the highest step whose vanafScore ≤ score, else the start. */
export function prijsPercentage(s: GeldigScenario, score: Decimal): { percentage: Decimal; trap: Decimal | null } {
  let uit: { percentage: Decimal; trap: Decimal | null } = { percentage: s.startPercentage, trap: null };
  for (const t of s.prijsTrappen)
    if (t.vanafScore.lessThanOrEqualTo(score)) uit = { percentage: t.percentage, trap: t.vanafScore };
  return uit;
}

export function verdeelP(s: GeldigScenario): ModelResultaat {
  const regels = s.aanbieders.map((a: GeldigeAanbieder) => {
    const { percentage, trap } = prijsPercentage(s, a.score);
    const prestaties: PrestatieUitkomst[] = [];
    let bedrag = NUL;
    for (const p of a.prestaties) {
      const b = centen(p.volume.times(p.maxTarief).times(percentage).dividedBy(HONDERD));
      bedrag = bedrag.plus(b);
      prestaties.push({
        code: p.code,
        volume: p.volume.toString(),
        maxTarief: p.maxTarief.toString(),
        percentage: percentage.toString(),
        bedrag: euros(b),
      });
    }
    return { a, percentage, trap, prestaties, bedrag };
  });
  const totaal = sum(regels.map((r) => r.bedrag));
  const tekort = totaal.minus(s.contracteerruimte);
  const isTekort = tekort.greaterThan(0);
  const afspraken: Afspraak[] = regels.map(({ a, percentage, trap, prestaties, bedrag }) => {
    const zinnen: string[] = [];
    zinnen.push(
      trap
        ? `Score ${getalNl(a.score)}: prijstrap vanaf score ${getalNl(trap)} → ${procentNl(percentage)} van het NZa-maximumtarief.`
        : `Score ${getalNl(a.score)}: geen prijstrap bereikt → startpercentage ${procentNl(percentage)} van het NZa-maximumtarief.`,
    );
    zinnen.push(
      prestaties.length
        ? `${prestaties.length} prestatie${prestaties.length === 1 ? '' : 's'}, per regel volume × maximumtarief × percentage, op centen afgerond: samen ${eur(bedrag)}.`
        : 'Geen prestaties opgegeven: afspraak € 0,00.',
    );
    zinnen.push('Het volume volgt de keuze van cliënten; er wordt niets apart gezet.');
    if (isTekort)
      zinnen.push(
        `De afspraken samen overschrijden de contracteerruimte met ${eur(tekort)}; volgens het model wordt niet gekort maar het tekort gemeld (ophoging vragen bij de NZa).`,
      );
    return {
      aanbieder: a.id,
      bedrag: euros(bedrag),
      bindend: [trap ? 'prijstrap' : 'startpercentage'],
      uitleg: zinnen.join(' '),
      score: a.score.toString(),
      percentage: percentage.toString(),
      prestaties,
    };
  });
  return {
    uitkomst: {
      status: isTekort ? 'tekort' : 'opgelost',
      ...basis(s),
      totaal: euros(totaal),
      pool: pool(s, totaal),
      tekortBedrag: euros(Decimal.max(NUL, tekort)),
      afspraken,
    },
    diagnose: { lpGebruikt: false, lpGecorrigeerd: false, lp: null },
  };
}

// ---------------------------------------------------------------------------------------------
// Toekenning
// ---------------------------------------------------------------------------------------------

export function verdeelToekenning(s: GeldigScenario, solver: LpSolver): ModelResultaat {
  const B = s.contracteerruimte.minus(s.reserve);
  const tp = s.toekenningspercentage;
  const gevraagd = s.aanbieders.map((a) => centen(a.realisatie.times(tp).dividedBy(HONDERD)));
  const grens = s.aanbieders.map((a, i) =>
    a.plafond !== null && a.plafond.lessThan(gevraagd[i]) ? a.plafond : gevraagd[i],
  );
  const somGrens = sum(grens);
  let bedragen: Decimal[];
  let diagnose: Diagnose = { lpGebruikt: false, lpGecorrigeerd: false, lp: null };
  const budgetBindt = somGrens.greaterThan(B);
  // the percentage applied to providers not stopped by their cap
  let eff: Decimal = tp;
  if (!budgetBindt) bedragen = grens;
  else {
    // The initial agreements do not fit: one lower percentage for all, caps still respected (LP).
    const items: WaterItem[] = s.aanbieders.map((a, i) => ({
      id: a.id,
      vloer: NUL,
      plafond: grens[i],
      gewicht: a.realisatie,
    }));
    const T = verdeelbaar(items, B);
    const w = waterfill(items, B, T, solver, `Toekenning, regio ${s.regio}, jaar ${s.jaar}`);
    bedragen = grootsteResten(
      items.map((it, i) => ({ id: it.id, exact: w.extra[i], max: grens[i] })),
      T,
    );
    if (w.lambda) eff = Decimal.min(tp, w.lambda.times(HONDERD));
    diagnose = { lpGebruikt: w.lpGebruikt, lpGecorrigeerd: w.lpGecorrigeerd, lp: w.lp };
  }
  const totaal = sum(bedragen);
  const afspraken: Afspraak[] = s.aanbieders.map((a, i) => {
    const bindend: Bindend[] = [];
    const zinnen: string[] = [
      `Initiële afspraak: toekenningspercentage ${procentNl(tp)} van de referentieomvang (realisatie vorig jaar ${eur(a.realisatie)}) = ${eur(gevraagd[i])}.`,
    ];
    const plafondBindt = a.plafond !== null && bedragen[i].equals(a.plafond) && a.plafond.lessThan(gevraagd[i]);
    if (plafondBindt) {
      bindend.push('plafond');
      zinnen.push(`Het plafond (${eur(a.plafond!)}) bindt: de afspraak is begrensd op het plafond.`);
    }
    if (budgetBindt && bedragen[i].lessThan(grens[i])) {
      bindend.push('budget');
      zinnen.push(
        `De initiële afspraken samen (${eur(somGrens)}) passen niet binnen de contracteerruimte min de reserve (${eur(B)}): alle afspraken zijn met hetzelfde percentage verlaagd, effectief ${procentNl(eff, 4)} van de realisatie (vóór afronding op centen).`,
      );
    }
    if (!bindend.length) bindend.push('toekenningspercentage');
    zinnen.push(
      `Afspraak ${eur(bedragen[i])}. Het deel dat niet is toegekend, blijft in de pool voor de herschikking en wordt verdeeld naar de keuze van de cliënt.`,
    );
    return {
      aanbieder: a.id,
      bedrag: euros(bedragen[i]),
      bindend,
      uitleg: zinnen.join(' '),
      plafond: a.plafond ? euros(a.plafond) : null,
      percentageVanRealisatie: vanRealisatie(bedragen[i], a.realisatie),
    };
  });
  return {
    uitkomst: {
      status: 'opgelost',
      ...basis(s),
      totaal: euros(totaal),
      pool: pool(s, totaal),
      effectiefPercentage: eff.toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed(4),
      afspraken,
    },
    diagnose,
  };
}

export function verdeelGeldig(s: GeldigScenario, solver: LpSolver): ModelResultaat {
  if (s.model === 'Q') return verdeelQ(s, solver);
  if (s.model === 'P') return verdeelP(s);
  return verdeelToekenning(s, solver);
}
