/**
 * The three allocation models of issue 11 on a validated scenario. Pure: the LP solver is passed
 * in (HiGHS behind src/budget/highs.ts). All arithmetic is exact in integers (cents, rationals with
 * one denominator; see exact.ts). Every provider of the scenario is in the outcome, in the order
 * of the scenario.
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
import { grootsteResten, naarRato } from './afronden.ts';
import {
  breukProcentNl,
  breukTekst,
  centNl as eur,
  centTekst as euros,
  deelAfgerond,
  getalNl,
  maxB,
  minB,
  procentNl,
  procentVan,
  som,
  tienMacht,
  vergelijk,
  type Getal,
} from './exact.ts';
import { verdeelbaar, waterfill, type LpSolver, type WaterItem } from './lp.ts';
import type { GeldigScenario } from './valideer.ts';
import type { Afspraak, Bindend, Conflict, PrestatieUitkomst, VerdelingUitkomst } from './types.ts';

const vanRealisatie = (bedrag: bigint, realisatie: bigint): string | null =>
  realisatie === 0n ? null : breukTekst(bedrag * 100n, realisatie, 2);

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

const GEEN_LP: Diagnose = { lpGebruikt: false, lpGecorrigeerd: false, lp: null };

function basis(s: GeldigScenario) {
  return {
    model: s.model,
    jaar: s.jaar,
    regio: s.regio,
    contracteerruimte: euros(s.contracteerruimte),
    reserve: euros(s.reserve),
  };
}

const pool = (s: GeldigScenario, totaal: bigint) => euros(maxB(0n, s.contracteerruimte - totaal));

// ---------------------------------------------------------------------------------------------
// Model Q
// ---------------------------------------------------------------------------------------------

/**
 * Keuze van het product, with its reason: the sources say that waiting lists feed purchasing
 * ("Hierdoor komt geld beschikbaar voor zorgaanbieders die gewild zijn en waar een wachtlijst is.",
 * NZa, Themaonderzoek 'Doelmatige zorg in de Wlz' (2016), doelmatigheidsinitiatief "Wachtlijstinformatie
 * en zorginkoop") but
 * give no formula. Popularity only raises a provider's weight in the selective part, never its
 * floor or cap, and is counted up to 1 waiting client per place so a small provider with a long
 * list cannot take the whole selective part.
 */
export const KEUZE_POPULARITEIT =
  'Keuze van het product: populariteit verhoogt alleen het gewicht in het selectieve deel (gewicht = score × realisatie × (1 + factor × populariteit), populariteit geteld tot hoogstens 1), niet de vloer of het plafond; de bronnen zeggen dat wachtlijstinformatie de inkoop voedt (NZa, Doelmatige zorg in de Wlz, doelmatigheidsinitiatief "Wachtlijstinformatie en zorginkoop": “Hierdoor komt geld beschikbaar voor zorgaanbieders die gewild zijn en waar een wachtlijst is.”) maar geven geen formule.';

/**
 * The popularity multipliers of model Q, as integers over one denominator: teller[i] / noemer =
 * 1 + factor × min(populariteit, 1). Null when popularity plays no part (factor 0 or nobody
 * popular): then the weights are exactly those without popularity.
 */
export function populariteitGewichten(
  s: GeldigScenario,
): { teller: bigint[]; noemer: bigint; tekst: string[]; factorTekst: string[] } | null {
  const f = s.populariteitFactor;
  if (f.n === 0n || !s.aanbieders.some((a) => a.populariteit.n > 0n)) return null;
  const P = Math.max(0, ...s.aanbieders.map((a) => a.populariteit.schaal));
  const een = tienMacht(P);
  const pn = s.aanbieders.map((a) => minB(a.populariteit.n * tienMacht(P - a.populariteit.schaal), een));
  const noemer = tienMacht(f.schaal + P);
  const teller = pn.map((p) => noemer + f.n * p);
  return {
    teller,
    noemer,
    tekst: pn.map((p) => breukTekst(p, een, P)),
    factorTekst: teller.map((t) => breukTekst(t, noemer, f.schaal + P)),
  };
}

export function verdeelQ(s: GeldigScenario, solver: LpSolver): ModelResultaat {
  const B = s.contracteerruimte - s.reserve;
  const vp = s.vloerPercentage;
  const vloeren = s.aanbieders.map((a) => procentVan(a.realisatie, vp));
  const somVloeren = som(vloeren);

  // 1. Conflicts that no allocation can resolve: a cap below the floor; floors above the budget.
  const conflicten: Conflict[] = [];
  s.aanbieders.forEach((a, i) => {
    if (a.plafond !== null && a.plafond < vloeren[i])
      conflicten.push({
        beperkingen: [`vloer ${a.id}`, `plafond ${a.id}`],
        bedrag: euros(vloeren[i] - a.plafond),
        uitleg: `De vloer van ${a.id} (${procentNl(vp)} van ${eur(a.realisatie)} = ${eur(vloeren[i])}) is hoger dan het plafond (${eur(a.plafond)}), ${eur(vloeren[i] - a.plafond)} te veel. Verhoog het plafond of verlaag het vloerpercentage.`,
      });
  });
  const budgetTekort = somVloeren - B;
  if (budgetTekort > 0n && (s.bijTekort === 'melden' || conflicten.length > 0))
    conflicten.push({
      beperkingen: ['budget', ...s.aanbieders.filter((_, i) => vloeren[i] > 0n).map((a) => `vloer ${a.id}`)],
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
        uitleg: `Geen afspraak: de verdeling is onhaalbaar (zie conflicten). Vloer ${eur(vloeren[i])}${a.plafond !== null ? `, plafond ${eur(a.plafond)}` : ''}.`,
        vloer: euros(vloeren[i]),
        plafond: a.plafond !== null ? euros(a.plafond) : null,
        score: a.score.tekst,
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
      diagnose: GEEN_LP,
    };
  }

  // 2. Floors above the budget, bijTekort "prorata": every floor cut by the same factor B / Σ floors.
  if (budgetTekort > 0n) {
    const bedragen = naarRato(
      s.aanbieders.map((a) => a.id),
      vloeren,
      B,
      vloeren,
    );
    const factor = breukProcentNl(B * 100n, somVloeren, 4);
    const afspraken: Afspraak[] = s.aanbieders.map((a, i) => ({
      aanbieder: a.id,
      bedrag: euros(bedragen[i]),
      bindend: ['budget'],
      uitleg:
        `De vloeren samen (${eur(somVloeren)}) passen niet binnen de contracteerruimte min de reserve (${eur(B)}). ` +
        `Met bijTekort "prorata" is elke vloer met dezelfde factor verlaagd: ${factor} van de vloer. ` +
        `Vloer ${eur(vloeren[i])} (${procentNl(vp)} van ${eur(a.realisatie)}) → afspraak ${eur(bedragen[i])}. Er is geen selectief deel.`,
      vloer: euros(vloeren[i]),
      plafond: a.plafond !== null ? euros(a.plafond) : null,
      score: a.score.tekst,
      percentageVanRealisatie: vanRealisatie(bedragen[i], a.realisatie),
    }));
    const totaal = som(bedragen);
    return {
      uitkomst: {
        status: 'prorata',
        ...basis(s),
        totaal: euros(totaal),
        pool: pool(s, totaal),
        selectiefDeel: '0.00',
        afspraken,
      },
      diagnose: GEEN_LP,
    };
  }

  // 3. Feasible: floors, then the selective share in proportion to score × realisation, caps respected.
  const selectief = B - somVloeren;
  const S = Math.max(0, ...s.aanbieders.map((a) => a.score.schaal));
  const pop = populariteitGewichten(s);
  const items: WaterItem[] = s.aanbieders.map((a, i) => ({
    id: a.id,
    vloer: vloeren[i],
    plafond: a.plafond,
    gewicht: a.score.n * tienMacht(S - a.score.schaal) * a.realisatie * (pop ? pop.teller[i] : 1n),
  }));
  const T = verdeelbaar(items, selectief);
  const w = waterfill(items, T, solver, `Verdelingsmodel Q, regio ${s.regio}, jaar ${s.jaar}`);
  const extra = grootsteResten(
    items.map((it, i) => ({
      id: it.id,
      heel: w.heel[i],
      rest: w.rest[i],
      max: it.plafond !== null ? it.plafond - it.vloer : null,
    })),
    T,
  );
  const bedragen = extra.map((e, i) => vloeren[i] + e);
  const totaal = som(bedragen);
  const budgetBindt = totaal === B;
  // percentage of realisation per score point above the floor: λ · 10^S · 100
  // (with popularity: per score point at weight multiplier 1, i.e. for a provider nobody waits for)
  const perPuntTeller =
    w.lambdaTeller !== null && w.noemer > 1n ? w.lambdaTeller * tienMacht(S) * 100n * (pop ? pop.noemer : 1n) : null;
  const perPuntNl = perPuntTeller !== null ? breukProcentNl(perPuntTeller, w.noemer, 4) : null;

  const afspraken: Afspraak[] = s.aanbieders.map((a, i) => {
    const bindend: Bindend[] = [];
    const zinnen: string[] = [];
    const plafond = a.plafond;
    zinnen.push(`Vloer: ${procentNl(vp)} van de realisatie vorig jaar (${eur(a.realisatie)}) = ${eur(vloeren[i])}.`);
    if (extra[i] === 0n) {
      bindend.push('vloer');
      if (plafond !== null && plafond === vloeren[i]) {
        bindend.push('plafond');
        zinnen.push(`Het plafond (${eur(plafond)}) is gelijk aan de vloer: geen selectief deel mogelijk.`);
      } else if (a.realisatie === 0n)
        zinnen.push(
          'Geen realisatie vorig jaar: model Q geeft het selectieve deel naar verhouding van score × realisatie, dus geen selectief deel. Ruimte voor een nieuwe aanbieder komt uit de reserve of de herschikking.',
        );
      else if (a.score.n === 0n) zinnen.push('Score 0: geen selectief deel, alleen de vloer.');
      else if (selectief === 0n) {
        bindend.push('budget');
        zinnen.push('De vloeren vullen de contracteerruimte min de reserve precies: er is geen selectief deel.');
      } else zinnen.push('Het selectieve deel is na afronding op centen 0.');
    } else {
      zinnen.push(
        `Selectief deel: ${eur(extra[i])} (${breukProcentNl(extra[i] * 100n, a.realisatie)} van de realisatie) op grond van score ${getalNl(a.score)}` +
          (pop
            ? ` en populariteit ${pop.tekst[i].replace('.', ',')} (gewicht × ${pop.factorTekst[i].replace('.', ',')})`
            : '') +
          (perPuntNl
            ? `; het selectieve deel is ${perPuntNl} van de realisatie per scorepunt${pop ? ' (bij gewicht × 1)' : ''}.`
            : '.'),
      );
      if (plafond !== null && bedragen[i] === plafond) {
        bindend.push('plafond');
        zinnen.push(`Het plafond (${eur(plafond)}) bindt: zonder plafond was het selectieve deel hoger geweest.`);
      } else if (budgetBindt) {
        bindend.push('budget');
        zinnen.push(
          `De contracteerruimte min de reserve (${eur(B)}) is volledig verdeeld: het budget bepaalt de hoogte van het selectieve deel.`,
        );
      } else
        zinnen.push(
          'Het budget bindt niet: er blijft ruimte over omdat de andere aanbieders hun plafond hebben bereikt.',
        );
    }
    const pr = vanRealisatie(bedragen[i], a.realisatie);
    if (pop)
      zinnen.push(
        `Populariteit (wachtenden per plaats, geteld tot hoogstens 1): ${pop.tekst[i].replace('.', ',')}; met populariteitsfactor ${getalNl(s.populariteitFactor)} weegt het selectieve deel × ${pop.factorTekst[i].replace('.', ',')}. ${KEUZE_POPULARITEIT}`,
      );
    zinnen.push(`Afspraak ${eur(bedragen[i])}${pr ? ` = ${pr.replace('.', ',')}% van de realisatie` : ''}.`);
    return {
      aanbieder: a.id,
      bedrag: euros(bedragen[i]),
      bindend,
      uitleg: zinnen.join(' '),
      vloer: euros(vloeren[i]),
      plafond: plafond !== null ? euros(plafond) : null,
      score: a.score.tekst,
      percentageVanRealisatie: pr,
      ...(pop ? { populariteit: pop.tekst[i], populariteitGewicht: pop.factorTekst[i] } : {}),
    };
  });
  return {
    uitkomst: {
      status: 'opgelost',
      ...basis(s),
      totaal: euros(totaal),
      pool: pool(s, totaal),
      selectiefDeel: euros(selectief),
      ...(perPuntTeller !== null ? { procentPerScorepunt: breukTekst(perPuntTeller, w.noemer, 6) } : {}),
      afspraken,
    },
    diagnose: { lpGebruikt: w.lpGebruikt, lpGecorrigeerd: w.lpGecorrigeerd, lp: w.lp },
  };
}

// ---------------------------------------------------------------------------------------------
// Model P
// ---------------------------------------------------------------------------------------------

/** The price percentage for a score: the highest step whose vanafScore ≤ score, else the start. */
export function prijsPercentage(s: GeldigScenario, score: Getal): { percentage: Getal; trap: Getal | null } {
  let uit: { percentage: Getal; trap: Getal | null } = { percentage: s.startPercentage, trap: null };
  for (const t of s.prijsTrappen)
    if (vergelijk(t.vanafScore, score) <= 0) uit = { percentage: t.percentage, trap: t.vanafScore };
  return uit;
}

export function verdeelP(s: GeldigScenario): ModelResultaat {
  const regels = s.aanbieders.map((a) => {
    const { percentage, trap } = prijsPercentage(s, a.score);
    const prestaties: PrestatieUitkomst[] = [];
    let bedrag = 0n;
    for (const p of a.prestaties) {
      // cents = volume × maxTarief × percentage (euros × percentage / 100 × 100), half up
      const b = deelAfgerond(
        p.volume.n * p.maxTarief.n * percentage.n,
        tienMacht(p.volume.schaal + p.maxTarief.schaal + percentage.schaal),
      );
      bedrag += b;
      prestaties.push({
        code: p.code,
        volume: p.volume.tekst,
        maxTarief: p.maxTarief.tekst,
        percentage: percentage.tekst,
        bedrag: euros(b),
      });
    }
    return { a, percentage, trap, prestaties, bedrag };
  });
  const totaal = som(regels.map((r) => r.bedrag));
  const tekort = totaal - s.contracteerruimte;
  const isTekort = tekort > 0n;
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
      score: a.score.tekst,
      percentage: percentage.tekst,
      prestaties,
    };
  });
  return {
    uitkomst: {
      status: isTekort ? 'tekort' : 'opgelost',
      ...basis(s),
      totaal: euros(totaal),
      pool: pool(s, totaal),
      tekortBedrag: euros(maxB(0n, tekort)),
      afspraken,
    },
    diagnose: GEEN_LP,
  };
}

// ---------------------------------------------------------------------------------------------
// Toekenning
// ---------------------------------------------------------------------------------------------

export function verdeelToekenning(s: GeldigScenario, solver: LpSolver): ModelResultaat {
  const B = s.contracteerruimte - s.reserve;
  const tp = s.toekenningspercentage;
  const gevraagd = s.aanbieders.map((a) => procentVan(a.realisatie, tp));
  const grens = s.aanbieders.map((a, i) => (a.plafond !== null ? minB(a.plafond, gevraagd[i]) : gevraagd[i]));
  const somGrens = som(grens);
  const budgetBindt = somGrens > B;
  let bedragen: bigint[] = grens;
  let diagnose: Diagnose = GEEN_LP;
  // the percentage applied to providers not stopped by their cap, as a text with 4 decimals
  let effectief = breukTekst(tp.n, tienMacht(tp.schaal), 4);
  let effectiefNl = procentNl(tp, 4);
  if (budgetBindt) {
    // The initial agreements do not fit: one lower percentage for all, caps still respected (LP).
    const items: WaterItem[] = s.aanbieders.map((a, i) => ({
      id: a.id,
      vloer: 0n,
      plafond: grens[i],
      gewicht: a.realisatie,
    }));
    const T = verdeelbaar(items, B);
    const w = waterfill(items, T, solver, `Toekenning, regio ${s.regio}, jaar ${s.jaar}`);
    bedragen = grootsteResten(
      items.map((it, i) => ({ id: it.id, heel: w.heel[i], rest: w.rest[i], max: grens[i] })),
      T,
    );
    if (w.lambdaTeller !== null && w.noemer > 1n) {
      // λ · 100 = lambdaTeller · 100 / noemer, at most the percentage asked
      const p = w.lambdaTeller * 100n * tienMacht(tp.schaal);
      const q = w.noemer * tp.n;
      if (p < q) {
        effectief = breukTekst(w.lambdaTeller * 100n, w.noemer, 4);
        effectiefNl = breukProcentNl(w.lambdaTeller * 100n, w.noemer, 4);
      }
    }
    diagnose = { lpGebruikt: w.lpGebruikt, lpGecorrigeerd: w.lpGecorrigeerd, lp: w.lp };
  }
  const totaal = som(bedragen);
  const afspraken: Afspraak[] = s.aanbieders.map((a, i) => {
    const bindend: Bindend[] = [];
    const zinnen: string[] = [
      `Initiële afspraak: toekenningspercentage ${procentNl(tp)} van de referentieomvang (realisatie vorig jaar ${eur(a.realisatie)}) = ${eur(gevraagd[i])}.`,
    ];
    if (a.plafond !== null && bedragen[i] === a.plafond && a.plafond < gevraagd[i]) {
      bindend.push('plafond');
      zinnen.push(`Het plafond (${eur(a.plafond)}) bindt: de afspraak is begrensd op het plafond.`);
    }
    if (budgetBindt && bedragen[i] < grens[i]) {
      bindend.push('budget');
      zinnen.push(
        `De initiële afspraken samen (${eur(somGrens)}) passen niet binnen de contracteerruimte min de reserve (${eur(B)}): alle afspraken zijn met hetzelfde percentage verlaagd, effectief ${effectiefNl} van de realisatie (vóór afronding op centen).`,
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
      plafond: a.plafond !== null ? euros(a.plafond) : null,
      percentageVanRealisatie: vanRealisatie(bedragen[i], a.realisatie),
    };
  });
  return {
    uitkomst: {
      status: 'opgelost',
      ...basis(s),
      totaal: euros(totaal),
      pool: pool(s, totaal),
      effectiefPercentage: effectief,
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
