/**
 * Herschikking: during the year money moves from providers that will not use their productieafspraak
 * to providers that will need more, within the contracteerruimte. Pure, deterministic, exact cents.
 *
 * Sources (quoted verbatim):
 *  - ZN, kader zorginkoop 2008 §4.3 Doelmatigheid: "Een productieafspraak is altijd een voorlopige
 *    afspraak; het is geen PxQ-budget dat de aanbieder – ongeacht wat gebeurt met aantallen cliënnten
 *    en gerealiseerde zorg – kan houden tijdens het jaar. [...] Zo nodig ook neerwaartse aanpassingen.
 *    Hiermee ontstaat ruimte voor extra productie door aanbieders die meer geïndiceerde cliënten
 *    krijgen. Dus herschikking."
 *  - Inkoopkader Langdurige Zorg 2016 §2.2.4: "De middelen die daarmee onverdeeld blijven, worden in
 *    de herschikking 2016 verdeeld op basis van de keuze van de cliënt."
 *  - Tabel thema's in contractering langdurige zorg 2024 - 2026 (Menzis): "Bij een regionaal
 *    budgettair tekort prevaleren de afspraken voor extramurale zorg."; (DSW): "Bij de toekenning
 *    van budget voorrang aan de uitbreiding van extramurale zorgverlening t.o.v. traditionele
 *    vormen." — expressed here as a priority number per provider (the zorgkantoor sets it).
 *
 * The rule (the sources give the direction, not the arithmetic; the arithmetic is the product's
 * choice, documented in docs/formaten/herschikking.md):
 *   behoefte (need)  = max(0, prognose − afspraak)
 *   ruimte  (spare)  = max(0, afspraak − max(prognose, gerealiseerd tot nu))
 *   1. the money to move is min(Σ need, pool + Σ spare);
 *   2. it comes from the pool first (the unallocated part the sources name), then from spare,
 *      pro rata to spare and only as much as needed;
 *   3. needs are met by priority (higher first); within one priority pro rata to need, never
 *      beyond need;
 *   4. nobody ends below what it has realised to date (spare never counts realised money);
 *   5. Σ afspraken + pool is unchanged.
 * Cents are divided by largest remainder, ties by provider id (ascending).
 */
import { formatCenten, parseCenten, verdeelNaarRato } from './centen.ts';

export interface HerschikAanbieder {
  id: string;
  afspraak: bigint;
  gerealiseerdTotNu: bigint;
  prognoseJaar: bigint;
  prioriteit: number;
}

export interface HerschikScenario {
  jaar: number;
  regio: string;
  pool: bigint;
  aanbieders: HerschikAanbieder[];
}

export interface HerschikRegel {
  aanbieder: string;
  voor: bigint;
  na: bigint;
  behoefte: bigint;
  ruimte: bigint;
  /** received (≥ 0) */
  ontvangen: bigint;
  /** given up (≥ 0) */
  afgestaan: bigint;
}

export interface HerschikUitkomst {
  regels: HerschikRegel[];
  poolVoor: bigint;
  poolNa: bigint;
  uitPool: bigint;
  uitRuimte: bigint;
  totaleBehoefte: bigint;
  totaleRuimte: bigint;
  uitleg: string[];
}

export interface ScenarioFout {
  waar: string;
  wat: string;
  actie?: string;
}

/** A scenario the rule cannot honour (e.g. an agreement already below what was realised). */
export class OnmogelijkeInvoer extends Error {
  constructor(readonly fouten: ScenarioFout[]) {
    super(fouten.map((f) => `${f.waar}: ${f.wat}`).join('; '));
  }
}

const TOP_VELDEN = new Set(['jaar', 'regio', 'pool', 'aanbieders', 'toelichting', 'voorbeeld', '$schema', '$comment']);
const AANBIEDER_VELDEN = new Set([
  'id',
  'afspraak',
  'gerealiseerdTotNu',
  'prognoseJaar',
  'prioriteit',
  'naam',
  'toelichting',
]);

function bedrag(v: unknown, waar: string, fouten: ScenarioFout[]): bigint {
  let text: string | undefined;
  if (typeof v === 'string') text = v;
  // A JSON number is accepted when its shortest form is an exact amount (e.g. 950000 or 12.5).
  else if (typeof v === 'number' && Number.isFinite(v) && Math.abs(v) < 1e13) text = String(v);
  const c = text === undefined ? undefined : parseCenten(text);
  if (c === undefined) {
    fouten.push({
      waar,
      wat:
        v === undefined
          ? 'ontbreekt'
          : `"${String(v)}" is geen bedrag (niet-negatief, hoogstens twee decimalen, punt als decimaalteken)`,
      actie: 'Schrijf het bedrag als tekst, bijv. "950000.00".',
    });
    return 0n;
  }
  return c;
}

/**
 * Reads a scenario from parsed JSON. Returns the scenario, or the list of field errors (each names
 * the field, e.g. `aanbieders[2].afspraak`). Impossible combinations are checked by `herschik`.
 */
export function leesScenario(raw: unknown): { scenario?: HerschikScenario; fouten: ScenarioFout[] } {
  const fouten: ScenarioFout[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { fouten: [{ waar: '(bestand)', wat: 'het bestand bevat geen JSON-object', actie: 'Zie het formaat.' }] };
  const o = raw as Record<string, unknown>;
  for (const k of Object.keys(o))
    if (!TOP_VELDEN.has(k))
      fouten.push({
        waar: k,
        wat: 'onbekend veld',
        actie: `Toegestaan: ${[...TOP_VELDEN].join(', ')}.`,
      });
  if (!Number.isInteger(o.jaar) || (o.jaar as number) < 2000 || (o.jaar as number) > 2100)
    fouten.push({
      waar: 'jaar',
      wat: o.jaar === undefined ? 'ontbreekt' : `"${String(o.jaar)}" is geen jaartal`,
      actie: 'Geef een geheel jaartal, bijv. 2027.',
    });
  if (typeof o.regio !== 'string' || !o.regio.trim())
    fouten.push({ waar: 'regio', wat: 'ontbreekt of is leeg', actie: 'Geef de regiocode, bijv. "5527".' });
  const pool = bedrag(o.pool, 'pool', fouten);
  const aanbieders: HerschikAanbieder[] = [];
  if (!Array.isArray(o.aanbieders)) {
    fouten.push({
      waar: 'aanbieders',
      wat: o.aanbieders === undefined ? 'ontbreekt' : 'is geen lijst',
      actie: 'Geef een lijst van aanbieders.',
    });
  } else {
    const gezien = new Map<string, number>();
    o.aanbieders.forEach((a, i) => {
      const w = `aanbieders[${i}]`;
      if (typeof a !== 'object' || a === null || Array.isArray(a)) {
        fouten.push({ waar: w, wat: 'is geen object' });
        return;
      }
      const r = a as Record<string, unknown>;
      for (const k of Object.keys(r))
        if (!AANBIEDER_VELDEN.has(k))
          fouten.push({
            waar: `${w}.${k}`,
            wat: 'onbekend veld',
            actie: `Toegestaan: ${[...AANBIEDER_VELDEN].join(', ')}.`,
          });
      let id = '';
      if (typeof r.id !== 'string' || !r.id.trim())
        fouten.push({ waar: `${w}.id`, wat: 'ontbreekt of is leeg', actie: 'Geef iedere aanbieder een id.' });
      else {
        id = r.id;
        const eerder = gezien.get(id);
        if (eerder !== undefined)
          fouten.push({
            waar: `${w}.id`,
            wat: `"${id}" komt al voor bij aanbieders[${eerder}]`,
            actie: 'Iedere aanbieder één keer.',
          });
        else gezien.set(id, i);
      }
      const afspraak = bedrag(r.afspraak, `${w}.afspraak`, fouten);
      const gerealiseerdTotNu = bedrag(r.gerealiseerdTotNu, `${w}.gerealiseerdTotNu`, fouten);
      const prognoseJaar = bedrag(r.prognoseJaar, `${w}.prognoseJaar`, fouten);
      let prioriteit = 0;
      if (r.prioriteit !== undefined) {
        if (!Number.isSafeInteger(r.prioriteit))
          fouten.push({
            waar: `${w}.prioriteit`,
            wat: `"${String(r.prioriteit)}" is geen geheel getal`,
            actie: 'Geef een geheel getal; hoger gaat voor, standaard 0.',
          });
        else prioriteit = r.prioriteit as number;
      }
      aanbieders.push({ id, afspraak, gerealiseerdTotNu, prognoseJaar, prioriteit });
    });
  }
  if (fouten.length) return { fouten };
  return {
    scenario: { jaar: o.jaar as number, regio: (o.regio as string).trim(), pool, aanbieders },
    fouten,
  };
}

const max = (a: bigint, b: bigint) => (a > b ? a : b);
const min = (a: bigint, b: bigint) => (a < b ? a : b);
const e = formatCenten;

/** The herschikking. Throws OnmogelijkeInvoer when an agreement is already below what was realised. */
export function herschik(s: HerschikScenario): HerschikUitkomst {
  const onmogelijk: ScenarioFout[] = [];
  s.aanbieders.forEach((a, i) => {
    if (a.afspraak < a.gerealiseerdTotNu)
      onmogelijk.push({
        waar: `aanbieders[${i}] (${a.id})`,
        wat: `de afspraak ${e(a.afspraak)} ligt al onder wat gerealiseerd is (${e(a.gerealiseerdTotNu)}); een herschikking kan niemand onder zijn realisatie brengen, maar deze aanbieder staat daar al`,
        actie:
          'Verhoog eerst de afspraak tot minstens de realisatie (dat is een besluit over overproductie, geen herschikking) of corrigeer de cijfers.',
      });
  });
  if (onmogelijk.length) throw new OnmogelijkeInvoer(onmogelijk);

  const behoefte = new Map<string, bigint>();
  const ruimte = new Map<string, bigint>();
  for (const a of s.aanbieders) {
    behoefte.set(a.id, max(0n, a.prognoseJaar - a.afspraak));
    ruimte.set(a.id, max(0n, a.afspraak - max(a.prognoseJaar, a.gerealiseerdTotNu)));
  }
  const totaleBehoefte = [...behoefte.values()].reduce((x, y) => x + y, 0n);
  const totaleRuimte = [...ruimte.values()].reduce((x, y) => x + y, 0n);
  const teVerschuiven = min(totaleBehoefte, s.pool + totaleRuimte);
  const uitPool = min(teVerschuiven, s.pool);
  const uitRuimte = teVerschuiven - uitPool;

  const afgestaan = verdeelNaarRato(
    uitRuimte,
    s.aanbieders.filter((a) => ruimte.get(a.id)! > 0n).map((a) => ({ key: a.id, gewicht: ruimte.get(a.id)! })),
  );

  const ontvangen = new Map<string, bigint>();
  const uitleg: string[] = [];
  const prioriteiten = [...new Set(s.aanbieders.map((a) => a.prioriteit))].sort((a, b) => b - a);
  let beschikbaar = teVerschuiven;
  for (const p of prioriteiten) {
    const groep = s.aanbieders.filter((a) => a.prioriteit === p && behoefte.get(a.id)! > 0n);
    if (!groep.length) continue;
    const groepBehoefte = groep.reduce((x, a) => x + behoefte.get(a.id)!, 0n);
    const toe = min(beschikbaar, groepBehoefte);
    const deel = verdeelNaarRato(
      toe,
      groep.map((a) => ({ key: a.id, gewicht: behoefte.get(a.id)! })),
    );
    for (const [k, v] of deel) ontvangen.set(k, v);
    beschikbaar -= toe;
    if (prioriteiten.length > 1 || toe < groepBehoefte)
      uitleg.push(
        toe === groepBehoefte
          ? `Prioriteit ${p}: behoefte ${e(groepBehoefte)} volledig gedekt.`
          : `Prioriteit ${p}: behoefte ${e(groepBehoefte)}, beschikbaar ${e(toe)}; verdeeld naar rato van de behoefte (${e(groepBehoefte - toe)} blijft ongedekt).`,
      );
  }

  const regels: HerschikRegel[] = s.aanbieders.map((a) => {
    const in_ = ontvangen.get(a.id) ?? 0n;
    const uit = afgestaan.get(a.id) ?? 0n;
    return {
      aanbieder: a.id,
      voor: a.afspraak,
      na: a.afspraak + in_ - uit,
      behoefte: behoefte.get(a.id)!,
      ruimte: ruimte.get(a.id)!,
      ontvangen: in_,
      afgestaan: uit,
    };
  });

  const kop = [
    `Herschikking ${s.jaar}, regio ${s.regio}: totale behoefte ${e(totaleBehoefte)}, pool ${e(s.pool)}, vrij te maken ruimte ${e(totaleRuimte)}.`,
    teVerschuiven === 0n
      ? 'Er wordt niets verschoven (geen behoefte of geen geld beschikbaar).'
      : `Verschoven: ${e(teVerschuiven)}, waarvan ${e(uitPool)} uit de pool${uitRuimte > 0n ? ` en ${e(uitRuimte)} uit ruimte bij aanbieders (naar rato van hun ruimte; de pool was eerst op)` : ''}.`,
  ];
  if (teVerschuiven < totaleBehoefte)
    kop.push(
      `Niet alle behoefte is te dekken: ${e(totaleBehoefte - teVerschuiven)} blijft ongedekt (pool en ruimte zijn op); hogere prioriteit gaat voor.`,
    );
  const perAanbieder: string[] = [];
  for (const r of regels) {
    const a = s.aanbieders.find((x) => x.id === r.aanbieder)!;
    if (r.behoefte > 0n)
      perAanbieder.push(
        `${r.aanbieder}: prognose ${e(a.prognoseJaar)} boven afspraak ${e(r.voor)}, behoefte ${e(r.behoefte)}; ontvangt ${e(r.ontvangen)} (prioriteit ${a.prioriteit}).`,
      );
    else if (r.afgestaan > 0n)
      perAanbieder.push(
        `${r.aanbieder}: afspraak ${e(r.voor)} boven prognose ${e(a.prognoseJaar)} en gerealiseerd ${e(a.gerealiseerdTotNu)}, ruimte ${e(r.ruimte)}; staat ${e(r.afgestaan)} af.`,
      );
    else if (r.ruimte > 0n)
      perAanbieder.push(`${r.aanbieder}: ruimte ${e(r.ruimte)}, niet nodig; afspraak blijft ${e(r.voor)}.`);
    else perAanbieder.push(`${r.aanbieder}: geen behoefte en geen ruimte; afspraak blijft ${e(r.voor)}.`);
    if (a.prognoseJaar < a.gerealiseerdTotNu)
      perAanbieder.push(
        `${r.aanbieder}: let op, de jaarprognose ${e(a.prognoseJaar)} ligt onder wat al gerealiseerd is (${e(a.gerealiseerdTotNu)}); gerekend is met de realisatie als ondergrens.`,
      );
  }
  return {
    regels,
    poolVoor: s.pool,
    poolNa: s.pool - uitPool,
    uitPool,
    uitRuimte,
    totaleBehoefte,
    totaleRuimte,
    uitleg: [...kop, ...uitleg, ...perAanbieder],
  };
}

/** The output format of `zorginkoop herschik --json` (docs/formaten/herschikking.md). */
export interface HerschikJson {
  afspraken: { aanbieder: string; voor: string; na: string; verschil: string }[];
  pool: { voor: string; na: string };
  uitleg: string[];
}

export function alsJson(u: HerschikUitkomst): HerschikJson {
  return {
    afspraken: u.regels.map((r) => ({
      aanbieder: r.aanbieder,
      voor: e(r.voor),
      na: e(r.na),
      verschil: e(r.na - r.voor),
    })),
    pool: { voor: e(u.poolVoor), na: e(u.poolNa) },
    uitleg: u.uitleg,
  };
}
