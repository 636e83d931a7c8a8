/**
 * Nacalculatie: the final amounts per provider at year end, from the final productieafspraak, what
 * was declared, and the zorgkantoor's rule for overproduction. Pure, exact cents.
 *
 * Sources (quoted verbatim):
 *  - Inkoopsafari (RVS), §3.2: "Zorgkantoren verschillen in het achteraf honoreren daarvan: sommige
 *    instellingen hebben al jaren voor de overproductie niet betaald gekregen (zo’n 1,5% van de
 *    omzet), andere kregen alsnog betaald, maar heel laat in het jaar of in het jaar daarna."
 *    → regel 'niet-vergoed' and regel 'later-vergoed'.
 *  - idem: "Extra bezwarend wordt het wanneer de overproductie die niet uitbetaald wordt in het jaar
 *    zelf, wel het getalsmatige uitgangspunt voor het nieuwe contractjaar vormt. Dat kan tot een
 *    prikkel leiden om meer te zorg te leveren dan gecontracteerd." → `basisVolgendJaar` never
 *    contains unpaid overproduction.
 *  - idem: "Vanuit dat maatschappelijke perspectief werken budgetplafonds onteigenend." → a
 *    budgetplafond is honoured as given: nothing above it is declarable, under every rule.
 *  - NZa, Doelmatige zorg in de Wlz, §3.3.2: "elke cliëntvraag wordt gehonoreerd (uitgaande van de
 *    indicatie) en de zorgaanbieders krijgen de geleverde zorg vergoed. De andere kant van de
 *    medaille is dat alle zorgaanbieders op het tarief worden gekort als de contracteerruimte wordt
 *    overschreden." → regel 'tariefkorting'.
 *  - ZN, kader zorginkoop 2008, §3.5 (model P): "De betaling ligt in het verlengde van de
 *    geïndiceerde en geleverde zorg (tot het maximum van het PxQ-budget). Als het PxQ-budget
 *    ontoereikend is – ondanks een doelmatige aanwending van middelen om te voorzien in de
 *    geïndiceerde zorgvraag – heeft het zorgkantoor een inspanningsverplichting om een groter
 *    productievolume mogelijk te maken." → model P is paid P × geleverd volume up to the PxQ budget.
 *  - ZN, kader zorginkoop 2008, §4.3: "Een productieafspraak is altijd een voorlopige afspraak; het
 *    is geen PxQ-budget dat de aanbieder [...] kan houden tijdens het jaar." → under-production is
 *    paid as delivered, never the agreement.
 *  - Inkoopkader Langdurige Zorg 2016, §2.2.4: "Zorgkantoren willen zorgaanbieders belonen voor het
 *    daadwerkelijk realiseren van de afspraken zoals zijn overeengekomen in de definitieve
 *    ontwikkelplannen. Zorgkantoren lichten in hun regionale paragraaf toe wanneer en onder welke
 *    condities zij (delen van) de tariefsopslag in het tarief verwerken. Deze toekenning kan bij de
 *    initiële toekenning in november 2015, bij de herschikking en/of bij de nacalculatie voor 2016
 *    plaatsvinden." → per provider the opslag is granted (kept in the paid price) or withheld (paid at
 *    basistarief): the withheld share of each paid amount x is x − x × 100 / (100 + opslag%).
 *
 * Product choices (the sources are silent), with reasons:
 *  - 'later-vergoed' pays overproduction only from room left in the contracteerruimte (Σ paid never
 *    above it: the NZa rules cap the region), pro rata to overproduction; the rest stays unpaid.
 *  - 'tariefkorting' cuts everyone by one percentage so the region lands exactly on the
 *    contracteerruimte; cents by largest remainder (ties by id).
 *  - a withheld opslag lowers vergoed and nabetaling to basistarief (cents half up, each separately);
 *    the withheld share is its own column, so vastgesteld + onbetaald + korting + opslagOnthouden =
 *    declarabel. The next year's base is what was paid (withheld opslag is not in it).
 *  - model P overproduction above the PxQ budget is not paid by 'niet-vergoed' and 'later-vergoed'
 *    (the source caps it); the explanation names the zorgkantoor's inspanningsverplichting. Under
 *    'tariefkorting' every delivered euro counts (that rule honours every client demand).
 */
import { Decimal } from '../money.ts';
import { formatCenten, verdeelNaarRato } from './centen.ts';

export const OVERPRODUCTIE_REGELS = ['niet-vergoed', 'later-vergoed', 'tariefkorting'] as const;
export type OverproductieRegel = (typeof OVERPRODUCTIE_REGELS)[number];

export interface NacalculatieAanbieder {
  id: string;
  /** final productieafspraak (after herschikkingen), cents; for model P the PxQ budget */
  afspraak: bigint;
  /** declared (gedeclareerd) amount for the year, cents */
  gedeclareerd: bigint;
  model?: 'Q' | 'P';
  /** model P: the agreed price P and the delivered volume; then P × volume is what is payable */
  prijs?: string;
  volume?: string;
  /** model P from stored agreements: Σ agreed price × delivered volume per prestatie (cents); caps like prijs × volume */
  waardeP?: bigint;
  /** budgetplafond: nothing above it is declarable (cents) */
  plafond?: bigint;
  /** the zorgkantoor's judgement at the nacalculatie on the opslag in the paid price (percentage on the basistarief) */
  opslag?: { percentage: string; oordeel: 'toegekend' | 'onthouden' };
}

export interface NacalculatieInvoer {
  jaar: number;
  regio: string;
  contracteerruimte: bigint;
  regel: OverproductieRegel;
  aanbieders: NacalculatieAanbieder[];
}

export interface NacalculatieRegel {
  aanbieder: string;
  afspraak: bigint;
  gedeclareerd: bigint;
  /** gedeclareerd, limited to P × volume (model P) and to the budgetplafond */
  declarabel: bigint;
  /** above the plafond (or above P × volume): not declarable */
  nietDeclarabel: bigint;
  /** declarabel − afspraak when positive */
  overproductie: bigint;
  /** paid in the year's settlement */
  vergoed: bigint;
  /** overproduction paid later ('later-vergoed') */
  nabetaling: bigint;
  /** tariff cut ('tariefkorting') */
  korting: bigint;
  /** declarable but not paid */
  onbetaald: bigint;
  /** withheld opslag: the opslag share of vergoed + nabetaling when the opslag is withheld (paid at basistarief) */
  opslagOnthouden: bigint;
  /** what would be paid with the opslag kept (vastgesteld + opslagOnthouden) */
  vastgesteldMetOpslag: bigint;
  /** vergoed + nabetaling: the final amount */
  vastgesteld: bigint;
  /** what next year may start from: the paid amount, never unpaid overproduction */
  basisVolgendJaar: bigint;
  uitleg: string[];
}

export interface NacalculatieUitkomst {
  regels: NacalculatieRegel[];
  totaalDeclarabel: bigint;
  totaalVastgesteld: bigint;
  /** declarable above the contracteerruimte (0 when within) */
  overschrijding: bigint;
  /** 'tariefkorting': the cut as a percentage with 4 decimals, e.g. "3.1250"; else null */
  kortingspercentage: string | null;
  uitleg: string[];
}

export class NacalculatieFout extends Error {
  constructor(
    readonly waar: string,
    wat: string,
  ) {
    super(`${waar}: ${wat}`);
  }
}

const e = formatCenten;
const min = (a: bigint, b: bigint) => (a < b ? a : b);
const max = (a: bigint, b: bigint) => (a > b ? a : b);

function pxq(prijs: string, volume: string, waar: string): bigint {
  let p: Decimal, v: Decimal;
  try {
    p = new Decimal(prijs);
    v = new Decimal(volume);
  } catch {
    throw new NacalculatieFout(waar, `prijs "${prijs}" of volume "${volume}" is geen getal`);
  }
  if (p.isNegative() || v.isNegative()) throw new NacalculatieFout(waar, 'prijs en volume mogen niet negatief zijn');
  return BigInt(p.times(v).times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0));
}

/** An amount paid at basistarief × (1 + p/100), back at basistarief: round half up to the cent. */
function opBasistarief(bedrag: bigint, percentage: string): bigint {
  return BigInt(
    new Decimal(bedrag.toString())
      .times(100)
      .dividedBy(new Decimal(100).plus(percentage))
      .toDecimalPlaces(0, Decimal.ROUND_HALF_UP)
      .toFixed(0),
  );
}

export function nacalculeer(inv: NacalculatieInvoer): NacalculatieUitkomst {
  if (!OVERPRODUCTIE_REGELS.includes(inv.regel))
    throw new NacalculatieFout('regel', `onbekende overproductieregel "${inv.regel}"`);
  const somAfspraken = inv.aanbieders.reduce((s, a) => s + a.afspraak, 0n);
  if (somAfspraken > inv.contracteerruimte)
    throw new NacalculatieFout(
      'aanbieders',
      `de som van de afspraken (${e(somAfspraken)}) ligt boven de contracteerruimte (${e(inv.contracteerruimte)}); dat mag niet en moet eerst worden rechtgezet`,
    );
  const ids = new Set<string>();
  const regels: NacalculatieRegel[] = inv.aanbieders.map((a, i) => {
    if (ids.has(a.id)) throw new NacalculatieFout(`aanbieders[${i}].id`, `"${a.id}" komt dubbel voor`);
    ids.add(a.id);
    if (a.afspraak < 0n || a.gedeclareerd < 0n || (a.plafond !== undefined && a.plafond < 0n))
      throw new NacalculatieFout(`aanbieders[${i}]`, 'bedragen mogen niet negatief zijn');
    const uitleg: string[] = [];
    let declarabel = a.gedeclareerd;
    if (a.model === 'P' && a.prijs !== undefined && a.volume !== undefined) {
      const waarde = pxq(a.prijs, a.volume, `aanbieders[${i}]`);
      if (declarabel > waarde) {
        uitleg.push(
          `Model P: gedeclareerd ${e(declarabel)} boven P × geleverd volume (${a.prijs} × ${a.volume} = ${e(waarde)}).`,
        );
        declarabel = waarde;
      }
    } else if (a.model === 'P' && a.waardeP !== undefined) {
      if (a.waardeP < 0n) throw new NacalculatieFout(`aanbieders[${i}].waardeP`, 'mag niet negatief zijn');
      if (declarabel > a.waardeP) {
        uitleg.push(
          `Model P: gedeclareerd ${e(declarabel)} boven P × geleverd volume (afgesproken prijs × gedeclareerd volume per prestatie = ${e(a.waardeP)}).`,
        );
        declarabel = a.waardeP;
      }
    }
    if (a.opslag) {
      let p: Decimal;
      try {
        p = new Decimal(a.opslag.percentage);
      } catch {
        throw new NacalculatieFout(`aanbieders[${i}].opslag`, `"${a.opslag.percentage}" is geen percentage`);
      }
      if (p.lte(0) || p.gt(3))
        throw new NacalculatieFout(`aanbieders[${i}].opslag`, 'de opslag ligt boven 0% en ten hoogste op 3%');
    }
    if (a.plafond !== undefined && declarabel > a.plafond) {
      uitleg.push(`Budgetplafond ${e(a.plafond)}: ${e(declarabel - a.plafond)} daarboven is niet declarabel.`);
      declarabel = a.plafond;
    }
    return {
      aanbieder: a.id,
      afspraak: a.afspraak,
      gedeclareerd: a.gedeclareerd,
      declarabel,
      nietDeclarabel: a.gedeclareerd - declarabel,
      overproductie: max(0n, declarabel - a.afspraak),
      vergoed: 0n,
      nabetaling: 0n,
      korting: 0n,
      onbetaald: 0n,
      opslagOnthouden: 0n,
      vastgesteldMetOpslag: 0n,
      vastgesteld: 0n,
      basisVolgendJaar: 0n,
      uitleg,
    };
  });
  const model = new Map(inv.aanbieders.map((a) => [a.id, a.model ?? 'Q']));
  const totaalDeclarabel = regels.reduce((s, r) => s + r.declarabel, 0n);
  const overschrijding = max(0n, totaalDeclarabel - inv.contracteerruimte);
  const uitleg: string[] = [
    `Nacalculatie ${inv.jaar}, regio ${inv.regio}: contracteerruimte ${e(inv.contracteerruimte)}, declarabel ${e(totaalDeclarabel)}${overschrijding > 0n ? `, overschrijding ${e(overschrijding)}` : ', binnen de contracteerruimte'}.`,
  ];
  let kortingspercentage: string | null = null;

  if (inv.regel === 'tariefkorting') {
    if (overschrijding === 0n) {
      for (const r of regels) r.vergoed = r.declarabel;
      uitleg.push(
        'Regel tariefkorting: de regio blijft binnen de contracteerruimte, dus geen korting; alle geleverde zorg wordt vergoed.',
      );
    } else {
      const deel = verdeelNaarRato(
        inv.contracteerruimte,
        regels.map((r) => ({ key: r.aanbieder, gewicht: r.declarabel })),
      );
      for (const r of regels) {
        r.vergoed = deel.get(r.aanbieder)!;
        r.korting = r.declarabel - r.vergoed;
      }
      kortingspercentage = new Decimal(overschrijding.toString())
        .dividedBy(totaalDeclarabel.toString())
        .times(100)
        .toDecimalPlaces(4, Decimal.ROUND_HALF_UP)
        .toFixed(4);
      uitleg.push(
        `Regel tariefkorting: de regio overschrijdt de contracteerruimte met ${e(overschrijding)}; alle aanbieders worden op het tarief gekort met ${kortingspercentage}% (overschrijding / declarabel), zodat het totaal precies op de contracteerruimte uitkomt.`,
      );
    }
  } else {
    for (const r of regels) r.vergoed = min(r.declarabel, r.afspraak);
    const binnen = regels.reduce((s, r) => s + r.vergoed, 0n);
    if (inv.regel === 'later-vergoed') {
      const kandidaten = regels.filter((r) => r.overproductie > 0n && model.get(r.aanbieder) === 'Q');
      const over = kandidaten.reduce((s, r) => s + r.overproductie, 0n);
      const ruimte = max(0n, inv.contracteerruimte - binnen);
      const toe = min(over, ruimte);
      const deel = verdeelNaarRato(
        toe,
        kandidaten.map((r) => ({ key: r.aanbieder, gewicht: r.overproductie })),
      );
      for (const r of kandidaten) r.nabetaling = deel.get(r.aanbieder)!;
      uitleg.push(
        over === 0n
          ? 'Regel later vergoeden: er is geen overproductie (model Q) te vergoeden.'
          : toe === over
            ? `Regel later vergoeden: alle overproductie (${e(over)}) wordt alsnog betaald uit de resterende ruimte (${e(ruimte)}).`
            : `Regel later vergoeden: overproductie ${e(over)}, resterende ruimte ${e(ruimte)}; ${e(toe)} wordt alsnog betaald naar rato van de overproductie, ${e(over - toe)} blijft onbetaald.`,
      );
    } else {
      uitleg.push('Regel niet vergoeden: overproductie boven de afspraak wordt niet betaald.');
    }
  }

  const opslagVan = new Map(inv.aanbieders.map((a) => [a.id, a.opslag]));
  for (const r of regels) {
    r.vastgesteld = r.vergoed + r.nabetaling;
    r.onbetaald = r.declarabel - r.vastgesteld - r.korting;
    r.vastgesteldMetOpslag = r.vastgesteld;
    const o = opslagVan.get(r.aanbieder);
    if (o?.oordeel === 'onthouden') {
      // the paid price is basistarief × (1 + opslag); withheld, each paid euro goes back to basistarief
      const vergoedBasis = opBasistarief(r.vergoed, o.percentage);
      const nabetalingBasis = opBasistarief(r.nabetaling, o.percentage);
      r.opslagOnthouden = r.vergoed - vergoedBasis + (r.nabetaling - nabetalingBasis);
      r.vergoed = vergoedBasis;
      r.nabetaling = nabetalingBasis;
      r.vastgesteld = r.vergoed + r.nabetaling;
      r.uitleg.push(
        `Opslag ${o.percentage}% onthouden (het ontwikkelplan heeft zijn resultaat niet bereikt): betaald tegen het basistarief, ${e(r.opslagOnthouden)} minder dan met opslag (${e(r.vastgesteldMetOpslag)}).`,
      );
    } else if (o?.oordeel === 'toegekend')
      r.uitleg.push(
        `Opslag ${o.percentage}% toegekend (het ontwikkelplan heeft zijn resultaat bereikt): blijft in de betaalde prijs.`,
      );
    r.basisVolgendJaar = r.vastgesteld;
    if (r.declarabel < r.afspraak)
      r.uitleg.push(
        `Onderproductie: ${e(r.afspraak - r.declarabel)} van de afspraak is niet geleverd en wordt niet betaald (een productieafspraak is geen PxQ-budget om te houden).`,
      );
    if (r.overproductie > 0n) {
      if (inv.regel !== 'tariefkorting' && model.get(r.aanbieder) === 'P')
        r.uitleg.push(
          `Model P: betaald tot het PxQ-budget (${e(r.afspraak)}); ${e(r.overproductie)} daarboven niet. Het zorgkantoor heeft een inspanningsverplichting om een groter productievolume mogelijk te maken (herschikking of ophoging aanvragen).`,
        );
      else if (r.nabetaling > 0n)
        r.uitleg.push(`Overproductie ${e(r.overproductie)}: ${e(r.nabetaling)} wordt later betaald.`);
      else if (inv.regel !== 'tariefkorting') r.uitleg.push(`Overproductie ${e(r.overproductie)} wordt niet betaald.`);
    }
    if (r.korting > 0n) r.uitleg.push(`Tariefkorting: ${e(r.korting)} minder dan gedeclareerd.`);
    if (r.onbetaald > 0n)
      r.uitleg.push(
        `Onbetaald ${e(r.onbetaald)} telt niet mee als uitgangspunt voor volgend jaar: basis ${e(r.basisVolgendJaar)}.`,
      );
    r.uitleg.push(`Vastgesteld: ${e(r.vastgesteld)}.`);
  }
  const totaalVastgesteld = regels.reduce((s, r) => s + r.vastgesteld, 0n);
  uitleg.push(`Totaal vastgesteld: ${e(totaalVastgesteld)}.`);
  return { regels, totaalDeclarabel, totaalVastgesteld, overschrijding, kortingspercentage, uitleg };
}

// ------------------------------------------------------------------ file format (zorginkoop nacalculatie)

export interface NacalculatieFoutVeld {
  waar: string;
  wat: string;
  actie?: string;
}

const AMOUNT = /^\d{1,13}(\.\d{1,2})?$/;
const DECIMAAL = /^\d{1,10}(\.\d{1,4})?$/;

/** Reads a nacalculatie scenario from parsed JSON; field errors name the field. */
export function leesNacalculatie(raw: unknown): { invoer?: NacalculatieInvoer; fouten: NacalculatieFoutVeld[] } {
  const fouten: NacalculatieFoutVeld[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { fouten: [{ waar: '(bestand)', wat: 'het bestand bevat geen JSON-object' }] };
  const o = raw as Record<string, unknown>;
  const bedrag = (v: unknown, waar: string, verplicht = true): bigint | undefined => {
    if (v === undefined && !verplicht) return undefined;
    const t = typeof v === 'number' && Number.isFinite(v) ? String(v) : v;
    if (typeof t !== 'string' || !AMOUNT.test(t.trim())) {
      fouten.push({
        waar,
        wat: v === undefined ? 'ontbreekt' : `"${String(v)}" is geen bedrag (niet-negatief, hoogstens twee decimalen)`,
        actie: 'Schrijf het bedrag als tekst, bijv. "1250000.00".',
      });
      return 0n;
    }
    const [i, f = ''] = t.trim().split('.');
    return BigInt(i) * 100n + BigInt((f + '00').slice(0, 2));
  };
  if (!Number.isInteger(o.jaar)) fouten.push({ waar: 'jaar', wat: 'ontbreekt of is geen geheel jaartal' });
  if (typeof o.regio !== 'string' || !o.regio) fouten.push({ waar: 'regio', wat: 'ontbreekt' });
  if (!OVERPRODUCTIE_REGELS.includes(o.regel as OverproductieRegel))
    fouten.push({
      waar: 'regel',
      wat: `"${String(o.regel)}" is geen overproductieregel`,
      actie: `Kies ${OVERPRODUCTIE_REGELS.join(', ')}.`,
    });
  const contracteerruimte = bedrag(o.contracteerruimte, 'contracteerruimte')!;
  const aanbieders: NacalculatieAanbieder[] = [];
  if (!Array.isArray(o.aanbieders)) fouten.push({ waar: 'aanbieders', wat: 'ontbreekt of is geen lijst' });
  else
    o.aanbieders.forEach((a, i) => {
      const w = `aanbieders[${i}]`;
      if (typeof a !== 'object' || a === null) return void fouten.push({ waar: w, wat: 'is geen object' });
      const r = a as Record<string, unknown>;
      if (typeof r.id !== 'string' || !r.id) fouten.push({ waar: `${w}.id`, wat: 'ontbreekt' });
      const model = r.model ?? 'Q';
      if (model !== 'Q' && model !== 'P') fouten.push({ waar: `${w}.model`, wat: 'kies "Q" of "P"' });
      for (const k of ['prijs', 'volume'] as const)
        if (r[k] !== undefined && (typeof r[k] !== 'string' || !DECIMAAL.test(r[k] as string)))
          fouten.push({ waar: `${w}.${k}`, wat: 'geen decimaal getal als tekst (bijv. "153.20")' });
      aanbieders.push({
        id: String(r.id ?? ''),
        afspraak: bedrag(r.afspraak, `${w}.afspraak`)!,
        gedeclareerd: bedrag(r.gedeclareerd, `${w}.gedeclareerd`)!,
        model: model as 'Q' | 'P',
        prijs: r.prijs as string | undefined,
        volume: r.volume as string | undefined,
        plafond: bedrag(r.plafond, `${w}.plafond`, false),
      });
    });
  if (fouten.length) return { fouten };
  return {
    invoer: {
      jaar: o.jaar as number,
      regio: o.regio as string,
      contracteerruimte,
      regel: o.regel as OverproductieRegel,
      aanbieders,
    },
    fouten,
  };
}

export function nacalculatieJson(u: NacalculatieUitkomst) {
  return {
    aanbieders: u.regels.map((r) => ({
      aanbieder: r.aanbieder,
      afspraak: e(r.afspraak),
      gedeclareerd: e(r.gedeclareerd),
      declarabel: e(r.declarabel),
      vergoed: e(r.vergoed),
      nabetaling: e(r.nabetaling),
      korting: e(r.korting),
      onbetaald: e(r.onbetaald),
      opslagOnthouden: e(r.opslagOnthouden),
      vastgesteld: e(r.vastgesteld),
      basisVolgendJaar: e(r.basisVolgendJaar),
      uitleg: r.uitleg,
    })),
    totaal: {
      declarabel: e(u.totaalDeclarabel),
      vastgesteld: e(u.totaalVastgesteld),
      overschrijding: e(u.overschrijding),
    },
    kortingspercentage: u.kortingspercentage,
    uitleg: u.uitleg,
  };
}
