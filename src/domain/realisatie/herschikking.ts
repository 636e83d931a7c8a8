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
 *
 * Maxima (caps). A provider may carry a maximum: its agreement after the round never exceeds it.
 * Keuze van het product: the sources name budget ceilings and capacity but give no arithmetic; the
 * maximum only limits what a provider RECEIVES (a provider already above its maximum is not lowered
 * by it: lowering is only ever its spare), so its effective need is min(need, max(0, maximum −
 * afspraak)). With a maximum present the share-out per priority is an optimisation and is solved
 * with HiGHS (src/domain/budget/lp.ts, water-filling):
 *   lexicographic by priority: first the most the highest priority can get (min(available,
 *   Σ min(need, room under the maximum))), then the next priority with what is left;
 *   within one priority: minimise λ subject to Σ x_i = that amount, x_i ≤ λ·need_i,
 *   0 ≤ x_i ≤ min(need_i, maximum_i − afspraak_i); the optimum is x_i = min(room_i, λ·need_i), i.e.
 *   pro rata to need unless the maximum stops a provider first.
 * HiGHS tells which maxima bind; the cents are then exact: a bound provider gets its room exactly,
 * the others share the rest pro rata to need by largest remainder (the same division as without
 * maxima, so a scenario whose maxima do not bind gives the same result as the rule above).
 */
import { formatCenten, parseCenten, verdeelNaarRato } from './centen.ts';
import { waterfill, type LpSolver, type WaterItem } from '../budget/lp.ts';

export interface HerschikAanbieder {
  id: string;
  afspraak: bigint;
  gerealiseerdTotNu: bigint;
  prognoseJaar: bigint;
  prioriteit: number;
  /** the highest agreement after the round (cents), or undefined/null: no maximum */
  maximum?: bigint | null;
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
  /** the maximum, when the provider has one */
  maximum: bigint | null;
  /** whether the maximum stopped the provider below its need */
  maximumBindt: boolean;
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
  /** whether HiGHS solved the share-out (some provider has a maximum) */
  highs: boolean;
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
  'maximum',
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
      const maximum = r.maximum === undefined || r.maximum === null ? null : bedrag(r.maximum, `${w}.maximum`, fouten);
      aanbieders.push({ id, afspraak, gerealiseerdTotNu, prognoseJaar, prioriteit, maximum });
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

/**
 * The herschikking. Throws OnmogelijkeInvoer when an agreement is already below what was realised.
 * A scenario with a maximum needs the solver (HiGHS); without maxima the rule is plain arithmetic.
 */
export function herschik(s: HerschikScenario, solver?: LpSolver): HerschikUitkomst {
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

  const metMaximum = s.aanbieders.some((a) => a.maximum !== undefined && a.maximum !== null);
  if (metMaximum && !solver) throw new Error('herschik: een scenario met een maximum vraagt de solver (HiGHS)');
  const behoefte = new Map<string, bigint>();
  const ruimte = new Map<string, bigint>();
  /** what a provider can receive: its need, limited by its maximum */
  const plafond = new Map<string, bigint>();
  for (const a of s.aanbieders) {
    const b = max(0n, a.prognoseJaar - a.afspraak);
    behoefte.set(a.id, b);
    ruimte.set(a.id, max(0n, a.afspraak - max(a.prognoseJaar, a.gerealiseerdTotNu)));
    plafond.set(a.id, a.maximum === undefined || a.maximum === null ? b : min(b, max(0n, a.maximum - a.afspraak)));
  }
  const totaleBehoefte = [...behoefte.values()].reduce((x, y) => x + y, 0n);
  const totaleRuimte = [...ruimte.values()].reduce((x, y) => x + y, 0n);
  const teOntvangen = [...plafond.values()].reduce((x, y) => x + y, 0n);
  const teVerschuiven = min(teOntvangen, s.pool + totaleRuimte);
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
  const gebonden = new Set<string>();
  for (const p of prioriteiten) {
    const groep = s.aanbieders.filter((a) => a.prioriteit === p && behoefte.get(a.id)! > 0n);
    if (!groep.length) continue;
    const groepBehoefte = groep.reduce((x, a) => x + behoefte.get(a.id)!, 0n);
    let toe: bigint;
    if (!metMaximum) {
      toe = min(beschikbaar, groepBehoefte);
      const deel = verdeelNaarRato(
        toe,
        groep.map((a) => ({ key: a.id, gewicht: behoefte.get(a.id)! })),
      );
      for (const [k, v] of deel) ontvangen.set(k, v);
    } else {
      const r = verdeelMetMaxima(
        groep,
        behoefte,
        plafond,
        beschikbaar,
        solver!,
        `herschikking ${s.regio} ${s.jaar} prioriteit ${p}`,
      );
      toe = r.toe;
      for (const [k, v] of r.deel) ontvangen.set(k, v);
      for (const id of r.gebonden) gebonden.add(id);
    }
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
      maximum: a.maximum ?? null,
      maximumBindt: gebonden.has(a.id),
    };
  });

  const kop = [
    `Herschikking ${s.jaar}, regio ${s.regio}: totale behoefte ${e(totaleBehoefte)}, pool ${e(s.pool)}, vrij te maken ruimte ${e(totaleRuimte)}.`,
    teVerschuiven === 0n
      ? 'Er wordt niets verschoven (geen behoefte of geen geld beschikbaar).'
      : `Verschoven: ${e(teVerschuiven)}, waarvan ${e(uitPool)} uit de pool${uitRuimte > 0n ? ` en ${e(uitRuimte)} uit ruimte bij aanbieders (naar rato van hun ruimte; de pool was eerst op)` : ''}.`,
  ];
  if (teVerschuiven < teOntvangen)
    kop.push(
      `Niet alle behoefte is te dekken: ${e(teOntvangen - teVerschuiven)} blijft ongedekt (pool en ruimte zijn op); hogere prioriteit gaat voor.`,
    );
  if (metMaximum) {
    kop.push(
      'Er gelden maxima per aanbieder: de verdeling is een optimalisatie, opgelost met HiGHS (per prioriteit eerst zoveel mogelijk voor de hoogste prioriteit, binnen een prioriteit naar rato van de behoefte, nooit boven behoefte of maximum); de centen exact (grootste rest).',
    );
    if (teOntvangen < totaleBehoefte)
      kop.push(
        `Door de maxima kan ${e(totaleBehoefte - teOntvangen)} van de behoefte niet worden toegekend (${[...gebonden].sort().join(', ') || 'geen'} aan het maximum).`,
      );
  }
  const perAanbieder: string[] = [];
  for (const r of regels) {
    const a = s.aanbieders.find((x) => x.id === r.aanbieder)!;
    if (r.behoefte > 0n)
      perAanbieder.push(
        `${r.aanbieder}: prognose ${e(a.prognoseJaar)} boven afspraak ${e(r.voor)}, behoefte ${e(r.behoefte)}; ontvangt ${e(r.ontvangen)} (prioriteit ${a.prioriteit}).`,
      );
    if (r.maximumBindt)
      perAanbieder.push(
        `${r.aanbieder}: maximum ${e(r.maximum!)} bindt: de afspraak komt op ${e(r.na)}; zonder maximum was naar rato meer toegekend (behoefte ${e(r.behoefte)}).`,
      );
    else if (r.maximum !== null && r.behoefte > 0n)
      perAanbieder.push(`${r.aanbieder}: maximum ${e(r.maximum)} bindt niet.`);
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
    highs: metMaximum,
  };
}

/**
 * One priority with maxima: the most it can get (lexicographic step), shared with HiGHS' water-filling
 * (which maxima bind), then exact cents: a bound provider gets its room, the others share the rest
 * pro rata to need by largest remainder (never above their room: λ·need ≤ room and room is whole cents).
 */
function verdeelMetMaxima(
  groep: HerschikAanbieder[],
  behoefte: Map<string, bigint>,
  plafond: Map<string, bigint>,
  beschikbaar: bigint,
  solver: LpSolver,
  kop: string,
): { toe: bigint; deel: Map<string, bigint>; gebonden: string[] } {
  const items: WaterItem[] = groep.map((a) => ({
    id: a.id,
    vloer: 0n,
    plafond: plafond.get(a.id)!,
    gewicht: behoefte.get(a.id)!,
  }));
  const kamer = items.reduce((x, it) => x + it.plafond!, 0n);
  const toe = min(beschikbaar, kamer);
  const w = waterfill(items, toe, solver, kop);
  // a provider with no room under its maximum takes no part in the LP and gets nothing
  const aanMaximum = groep.map((a, i) => w.afgetopt[i] || plafond.get(a.id)! === 0n);
  const gebonden = groep.filter((a, i) => aanMaximum[i] && plafond.get(a.id)! < behoefte.get(a.id)!).map((a) => a.id);
  const vast = groep.filter((_, i) => aanMaximum[i]);
  const deel = new Map<string, bigint>();
  for (const a of vast) deel.set(a.id, plafond.get(a.id)!);
  const vrij = groep.filter((_, i) => !aanMaximum[i]);
  const rest = toe - vast.reduce((x, a) => x + plafond.get(a.id)!, 0n);
  if (vrij.length)
    for (const [k, v] of verdeelNaarRato(
      rest,
      vrij.map((a) => ({ key: a.id, gewicht: behoefte.get(a.id)! })),
    ))
      deel.set(k, v);
  return { toe, deel, gebonden };
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
