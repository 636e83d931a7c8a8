/**
 * Validation of a tariff policy before it is saved, and compilation into the evaluation order.
 * Refused, with the rule named: unknown profile keys, a cycle in the order ('na'), a percentage
 * above 100 without explicit permission, and overlapping rules whose order matters but is not
 * given. Also the plain structure: unique ids, known ops, explicit units, decimals, source quotes.
 *
 * Evaluation order: phase (1 zet/vorigJaar/uitgesloten → 2 plus/min/onbepaald → 3 bereik →
 * 4 plafond/bodem, override → additive → differentiation → clamp), refined by 'na'
 * and 'volgorde'. Rules that commute (two percentage-point additions, two caps) need no order.
 */
import { Decimal } from '../money.ts';
import {
  LEVERINGSVORMEN,
  MONITOR_UITKOMSTEN,
  PROFIEL_SLEUTELS,
  isProfielSleutel,
  type Beleid,
  type LooptijdNieuweAanbieder,
  type Effect,
  type Regel,
  type Voorwaarde,
} from './taal.ts';

export interface BeleidFout {
  waar: string;
  wat: string;
  actie?: string;
  regel?: string;
}

export interface GecompileerdBeleid {
  beleid: Beleid;
  basis: Decimal;
  /** rules in evaluation order, with parsed numbers */
  regels: GecompileerdeRegel[];
  /** true if any condition looks at the prestatie code (else the percentage depends on leveringsvorm only) */
  prestatieAfhankelijk: boolean;
  nhcNic: Decimal | null;
  /** the profile keys the outcome can depend on (for memoisation) */
  kenmerken: string[];
}

export interface GecompileerdeRegel {
  regel: Regel;
  fase: number;
  waarde?: Decimal;
  van?: Decimal;
  tot?: Decimal;
}

export class BeleidOngeldig extends Error {
  constructor(readonly fouten: BeleidFout[]) {
    super(`Tariefbeleid ongeldig: ${fouten.map((f) => `${f.waar}: ${f.wat}`).join('; ')}`);
  }
}

const DEC_RE = /^-?\d+(\.\d+)?$/;
const FASE: Record<string, number> = {
  zet: 1,
  vorigJaar: 1,
  uitgesloten: 1,
  plus: 2,
  min: 2,
  onbepaald: 2,
  bereik: 3,
  plafond: 4,
  bodem: 4,
};
const EENHEDEN: Record<string, string[]> = {
  zet: ['procentVanNza'],
  vorigJaar: ['procentVanNza'],
  plafond: ['procentVanNza'],
  bodem: ['procentVanNza'],
  plus: ['procentpunt', 'relatief'],
  min: ['procentpunt', 'relatief'],
  bereik: ['procentpunt', 'relatief'],
  onbepaald: ['procentpunt', 'relatief', 'procentVanNza'],
  uitgesloten: [],
};

function regelWaar(i: number, r: Partial<Regel>): string {
  return `regels[${i}]${r && typeof r.id === 'string' ? ` (${r.id})` : ''}`;
}

/** Every profile key and its condition values used in a condition; collects errors. */
function checkVoorwaarde(v: unknown, waar: string, fouten: BeleidFout[], regel: string): void {
  if (!v || typeof v !== 'object' || Array.isArray(v)) {
    fouten.push({ waar, regel, wat: 'voorwaarde moet een object zijn' });
    return;
  }
  const o = v as Record<string, unknown>;
  if ('alle' in o || 'een' in o) {
    const lijst = (o.alle ?? o.een) as unknown;
    if (!Array.isArray(lijst) || lijst.length === 0) {
      fouten.push({ waar, regel, wat: `"${'alle' in o ? 'alle' : 'een'}" moet een niet-lege lijst zijn` });
      return;
    }
    lijst.forEach((x, i) => checkVoorwaarde(x, `${waar}.${'alle' in o ? 'alle' : 'een'}[${i}]`, fouten, regel));
    return;
  }
  if ('niet' in o) {
    checkVoorwaarde(o.niet, `${waar}.niet`, fouten, regel);
    return;
  }
  if ('kenmerk' in o) {
    const k = String(o.kenmerk);
    if (!isProfielSleutel(k)) {
      fouten.push({
        waar: `${waar}.kenmerk`,
        regel,
        wat: `regel ${regel}: onbekend profielkenmerk "${k}"`,
        actie: `kies uit: ${Object.keys(PROFIEL_SLEUTELS).join(', ')}`,
      });
      return;
    }
    if ('bekend' in o) {
      if (typeof o.bekend !== 'boolean') fouten.push({ waar: `${waar}.bekend`, regel, wat: 'moet true of false zijn' });
      return;
    }
    if (!('is' in o)) {
      fouten.push({ waar, regel, wat: 'een kenmerk-voorwaarde heeft "is" of "bekend"' });
      return;
    }
    const soort = PROFIEL_SLEUTELS[k];
    if (soort === 'boolean' && typeof o.is !== 'boolean')
      fouten.push({ waar: `${waar}.is`, regel, wat: `${k} is true of false` });
    else if (soort === 'keuze' && !(MONITOR_UITKOMSTEN as readonly unknown[]).includes(o.is))
      fouten.push({ waar: `${waar}.is`, regel, wat: `${k} is een van ${MONITOR_UITKOMSTEN.join(', ')}` });
    else if (soort === 'getal' || soort === 'percentage')
      fouten.push({
        waar: `${waar}.is`,
        regel,
        wat: `op getal-kenmerk ${k} alleen "bekend" gebruiken (of een bereik-effect)`,
      });
    return;
  }
  if ('leveringsvorm' in o) {
    const l = o.leveringsvorm;
    if (!Array.isArray(l) || l.length === 0 || l.some((x) => !(LEVERINGSVORMEN as readonly unknown[]).includes(x))) {
      fouten.push({ waar: `${waar}.leveringsvorm`, regel, wat: `lijst uit ${LEVERINGSVORMEN.join(', ')}` });
    }
    return;
  }
  if ('prestatie' in o) {
    const l = o.prestatie;
    if (!Array.isArray(l) || l.length === 0 || l.some((x) => typeof x !== 'string' || !x))
      fouten.push({ waar: `${waar}.prestatie`, regel, wat: 'lijst van prestatiecodes' });
    return;
  }
  fouten.push({
    waar,
    regel,
    wat: `onbekende voorwaarde ${JSON.stringify(Object.keys(o))}`,
    actie: 'gebruik alle, een, niet, kenmerk, leveringsvorm of prestatie',
  });
}

function checkEffect(e: unknown, waar: string, fouten: BeleidFout[], regel: string, boven100: boolean): void {
  if (!e || typeof e !== 'object') {
    fouten.push({ waar, regel, wat: 'effect ontbreekt' });
    return;
  }
  const o = e as Record<string, unknown>;
  const op = String(o.op);
  if (!(op in FASE)) {
    fouten.push({
      waar: `${waar}.op`,
      regel,
      wat: `onbekende op "${op}"`,
      actie: `kies uit: ${Object.keys(FASE).join(', ')}`,
    });
    return;
  }
  if (op !== 'uitgesloten') {
    if (!EENHEDEN[op].includes(String(o.eenheid))) {
      fouten.push({
        waar: `${waar}.eenheid`,
        regel,
        wat: `regel ${regel}: eenheid moet expliciet zijn: ${EENHEDEN[op].join(' of ')}`,
        actie: 'procentpunt = optellen bij het percentage; relatief = vermenigvuldigen',
      });
    }
  }
  const num = (key: string): Decimal | undefined => {
    const s = o[key];
    if (typeof s !== 'string' || !DEC_RE.test(s)) {
      fouten.push({
        waar: `${waar}.${key}`,
        regel,
        wat: `moet een decimaal als tekst zijn (bijv. "0.1"), niet ${JSON.stringify(s)}`,
      });
      return undefined;
    }
    return new Decimal(s);
  };
  const boven = (d: Decimal | undefined, key: string) => {
    if (d && d.greaterThan(100) && !boven100) {
      fouten.push({
        waar: `${waar}.${key}`,
        regel,
        wat: `regel ${regel}: percentage ${d.toString()} ligt boven 100% van het NZa-maximum zonder uitdrukkelijke toestemming`,
        actie: 'zet boven100Toegestaan: true op de regel of het beleid als de bron dit echt zegt',
      });
    }
  };
  if (op === 'zet' || op === 'plafond' || op === 'bodem') {
    const d = num('waarde');
    boven(d, 'waarde');
    if (d && d.isNegative())
      fouten.push({ waar: `${waar}.waarde`, regel, wat: 'een percentage van het NZa-maximum is niet negatief' });
  }
  if (op === 'plus' || op === 'min') {
    const d = num('waarde');
    if (d && d.isNegative())
      fouten.push({ waar: `${waar}.waarde`, regel, wat: `gebruik een positieve waarde; "${op}" geeft de richting` });
  }
  if (op === 'bereik') {
    const van = num('van');
    const tot = num('tot');
    if (van && tot && van.greaterThan(tot))
      fouten.push({ waar: `${waar}.van`, regel, wat: `van (${van}) is groter dan tot (${tot})` });
    if (o.kenmerk !== undefined) {
      const k = String(o.kenmerk);
      if (!isProfielSleutel(k))
        fouten.push({
          waar: `${waar}.kenmerk`,
          regel,
          wat: `regel ${regel}: onbekend profielkenmerk "${k}"`,
          actie: `kies uit: ${Object.keys(PROFIEL_SLEUTELS).join(', ')}`,
        });
      else if (!['getal', 'percentage'].includes(PROFIEL_SLEUTELS[k]))
        fouten.push({
          waar: `${waar}.kenmerk`,
          regel,
          wat: `bereik leest een getal-kenmerk; ${k} is ${PROFIEL_SLEUTELS[k]}`,
        });
    }
  }
  if (op === 'onbepaald' && !['lager', 'hoger', 'onbekend'].includes(String(o.richting))) {
    fouten.push({ waar: `${waar}.richting`, regel, wat: 'richting is lager, hoger of onbekend' });
  }
}

// ---- overlap: can two conditions hold at once? Brute force over the atoms they mention. ----

type Toekenning = Map<string, unknown>;
const ANDERS = '\u0000anders';

function atomen(v: Voorwaarde | undefined, uit: Map<string, Set<unknown>>): void {
  if (!v) return;
  if ('alle' in v) v.alle.forEach((x) => atomen(x, uit));
  else if ('een' in v) v.een.forEach((x) => atomen(x, uit));
  else if ('niet' in v) atomen(v.niet, uit);
  else if ('kenmerk' in v) {
    const k = 'k:' + v.kenmerk;
    if (!uit.has(k)) {
      const soort = PROFIEL_SLEUTELS[v.kenmerk as keyof typeof PROFIEL_SLEUTELS];
      uit.set(
        k,
        new Set<unknown>(
          soort === 'boolean'
            ? [undefined, true, false]
            : soort === 'keuze'
              ? [undefined, ...MONITOR_UITKOMSTEN]
              : [undefined, 'waarde'],
        ),
      );
    }
  } else if ('leveringsvorm' in v) uit.set('leveringsvorm', new Set(LEVERINGSVORMEN));
  else if ('prestatie' in v) {
    const s = uit.get('prestatie') ?? new Set<unknown>([ANDERS]);
    v.prestatie.forEach((p) => s.add(p));
    uit.set('prestatie', s);
  }
}

function geldt(v: Voorwaarde | undefined, t: Toekenning): boolean {
  if (!v) return true;
  if ('alle' in v) return v.alle.every((x) => geldt(x, t));
  if ('een' in v) return v.een.some((x) => geldt(x, t));
  if ('niet' in v) return !geldt(v.niet, t);
  if ('kenmerk' in v) {
    const w = t.get('k:' + v.kenmerk);
    if ('bekend' in v) return (w !== undefined) === v.bekend;
    return w === v.is;
  }
  if ('leveringsvorm' in v) return v.leveringsvorm.includes(t.get('leveringsvorm') as string);
  if ('prestatie' in v) return v.prestatie.includes(t.get('prestatie') as string);
  return false;
}

export function kunnenSamenGelden(a: Voorwaarde | undefined, b: Voorwaarde | undefined): boolean {
  const dom = new Map<string, Set<unknown>>();
  atomen(a, dom);
  atomen(b, dom);
  const keys = [...dom.keys()];
  const vals = keys.map((k) => [...dom.get(k)!]);
  let combos = vals.reduce((n, v) => n * v.length, 1);
  if (combos > 200_000) return true; // too many to enumerate: assume they overlap (safe side)
  const idx = new Array(keys.length).fill(0);
  while (combos-- > 0) {
    const t: Toekenning = new Map(keys.map((k, i) => [k, vals[i][idx[i]]]));
    if (geldt(a, t) && geldt(b, t)) return true;
    for (let i = 0; i < idx.length; i++) {
      idx[i]++;
      if (idx[i] < vals[i].length) break;
      idx[i] = 0;
    }
  }
  return false;
}

/** Do the two effects give the same result in either order? */
function commuteren(a: Effect, b: Effect): boolean {
  const additief = (e: Effect) =>
    (e.op === 'plus' || e.op === 'min' || e.op === 'bereik' || e.op === 'onbepaald') && e.eenheid === 'procentpunt';
  const relatief = (e: Effect) =>
    (e.op === 'plus' || e.op === 'min' || e.op === 'bereik' || e.op === 'onbepaald') && e.eenheid === 'relatief';
  if (additief(a) && additief(b)) return true;
  // An open end stays open and the other end moves the same way in either order.
  const verander = (e: Effect) => e.op === 'plus' || e.op === 'min' || e.op === 'bereik' || e.op === 'onbepaald';
  if ((a.op === 'onbepaald' && verander(b)) || (b.op === 'onbepaald' && verander(a))) return true;
  if (relatief(a) && relatief(b)) return true;
  if (a.op === 'plafond' && b.op === 'plafond') return true;
  if (a.op === 'bodem' && b.op === 'bodem') return true;
  if (a.op === 'uitgesloten' || b.op === 'uitgesloten') return true;
  return false;
}

/** The contract term for new providers: whole years ≥ 1, a period of years, the source quoted. */
function valideerLooptijdNieuw(l: unknown, fouten: BeleidFout[]): void {
  const waar = 'looptijdNieuweAanbieder';
  if (!l || typeof l !== 'object' || Array.isArray(l)) {
    fouten.push({ waar, wat: 'looptijdNieuweAanbieder moet een object zijn (jaren, inkoopperiode, bron, zekerheid)' });
    return;
  }
  const v = l as Partial<LooptijdNieuweAanbieder>;
  if (!Number.isInteger(v.jaren) || (v.jaren as number) < 1 || (v.jaren as number) > 10)
    fouten.push({
      waar: `${waar}.jaren`,
      wat: 'jaren moet een geheel getal van 1 tot en met 10 zijn',
      actie: 'Geef het aantal jaren, bijv. 1.',
    });
  const p = v.inkoopperiode;
  const jaar = (x: unknown) => Number.isInteger(x) && (x as number) >= 2000 && (x as number) <= 2100;
  if (!p || typeof p !== 'object' || !jaar(p.van) || !jaar(p.tot))
    fouten.push({
      waar: `${waar}.inkoopperiode`,
      wat: 'inkoopperiode moet { van, tot } met jaartallen zijn',
      actie: 'Bijv. { "van": 2024, "tot": 2026 }.',
    });
  else if (p.tot < p.van)
    fouten.push({ waar: `${waar}.inkoopperiode`, wat: `inkoopperiode eindigt (${p.tot}) vóór het begin (${p.van})` });
  if (!v.bron || typeof v.bron !== 'object' || !v.bron.citaat || !v.bron.document)
    fouten.push({
      waar: `${waar}.bron`,
      wat: 'bron (citaat en document) ontbreekt',
      actie: 'citeer de brontekst letterlijk',
    });
  if (!['H', 'M', 'L'].includes(v.zekerheid as string))
    fouten.push({ waar: `${waar}.zekerheid`, wat: 'zekerheid is H, M of L' });
}

/** Validates a policy; returns the errors (empty = valid). */
export function valideerBeleid(input: unknown): BeleidFout[] {
  const fouten: BeleidFout[] = [];
  if (!input || typeof input !== 'object') return [{ waar: 'beleid', wat: 'het beleid moet een JSON-object zijn' }];
  const b = input as Partial<Beleid>;
  for (const k of ['id', 'zorgkantoor', 'sector', 'titel'] as const) {
    if (typeof b[k] !== 'string' || !b[k]) fouten.push({ waar: k, wat: `${k} ontbreekt` });
  }
  if (!Number.isInteger(b.jaar) || (b.jaar as number) < 2000 || (b.jaar as number) > 2100)
    fouten.push({ waar: 'jaar', wat: 'jaar moet een geheel getal tussen 2000 en 2100 zijn' });
  const boven100Beleid = b.boven100Toegestaan === true;
  if (!b.basis || typeof b.basis !== 'object') fouten.push({ waar: 'basis', wat: 'basispercentage ontbreekt' });
  else {
    if (typeof b.basis.waarde !== 'string' || !DEC_RE.test(b.basis.waarde))
      fouten.push({ waar: 'basis.waarde', wat: 'basis.waarde moet een decimaal als tekst zijn, bijv. "95.5"' });
    else if (new Decimal(b.basis.waarde).greaterThan(100) && !boven100Beleid)
      fouten.push({
        waar: 'basis.waarde',
        regel: b.basis.regel,
        wat: `basispercentage ${b.basis.waarde} ligt boven 100% zonder uitdrukkelijke toestemming`,
        actie: 'zet boven100Toegestaan: true op het beleid als de bron dit echt zegt',
      });
    if (!b.basis.regel) fouten.push({ waar: 'basis.regel', wat: 'de basis heeft een regel-id nodig (voor het spoor)' });
    if (!b.basis.bron?.citaat) fouten.push({ waar: 'basis.bron.citaat', wat: 'bronvermelding (citaat) ontbreekt' });
  }
  if (!b.nhcNic || typeof b.nhcNic !== 'object')
    fouten.push({
      waar: 'nhcNic',
      wat: 'nhcNic ontbreekt (percentage of null, met toelichting)',
      actie: 'bijv. {"percentage": null, "toelichting": "bron noemt geen NHC/NIC-percentage"}',
    });
  else if (
    b.nhcNic.percentage !== null &&
    (typeof b.nhcNic.percentage !== 'string' || !DEC_RE.test(b.nhcNic.percentage))
  )
    fouten.push({ waar: 'nhcNic.percentage', wat: 'decimaal als tekst of null' });
  else if (b.nhcNic.percentage !== null && new Decimal(b.nhcNic.percentage).greaterThan(100) && !boven100Beleid)
    fouten.push({
      waar: 'nhcNic.percentage',
      wat: `NHC/NIC-percentage ${b.nhcNic.percentage} ligt boven 100% zonder uitdrukkelijke toestemming`,
    });
  if (b.looptijdNieuweAanbieder !== undefined) valideerLooptijdNieuw(b.looptijdNieuweAanbieder, fouten);
  if (!Array.isArray(b.regels)) {
    fouten.push({ waar: 'regels', wat: 'regels moet een lijst zijn' });
    return fouten;
  }

  const ids = new Map<string, number>();
  b.regels.forEach((r, i) => {
    const waar = regelWaar(i, r);
    if (!r || typeof r !== 'object') {
      fouten.push({ waar, wat: 'regel moet een object zijn' });
      return;
    }
    if (typeof r.id !== 'string' || !/^[A-Za-z0-9&._-]+$/.test(r.id))
      fouten.push({ waar: `${waar}.id`, wat: 'id ontbreekt of bevat ongeldige tekens' });
    else if (ids.has(r.id) || r.id === b.basis?.regel)
      fouten.push({ waar: `${waar}.id`, regel: r.id, wat: `regel-id "${r.id}" komt twee keer voor` });
    else ids.set(r.id, i);
    if (!r.omschrijving) fouten.push({ waar: `${waar}.omschrijving`, regel: r.id, wat: 'omschrijving ontbreekt' });
    if (!r.bron || !r.bron.citaat || !r.bron.document)
      fouten.push({
        waar: `${waar}.bron`,
        regel: r.id,
        wat: `regel ${r.id}: bron (citaat en document) ontbreekt`,
        actie: 'citeer de brontekst letterlijk',
      });
    if (!['H', 'M', 'L'].includes(r.zekerheid as string))
      fouten.push({ waar: `${waar}.zekerheid`, regel: r.id, wat: 'zekerheid is H, M of L' });
    if (r.als !== undefined) checkVoorwaarde(r.als, `${waar}.als`, fouten, r.id);
    checkEffect(r.effect, `${waar}.effect`, fouten, r.id, boven100Beleid || r.boven100Toegestaan === true);
    if (r.volgorde !== undefined && !Number.isInteger(r.volgorde))
      fouten.push({ waar: `${waar}.volgorde`, regel: r.id, wat: 'volgorde is een geheel getal' });
    if (r.na !== undefined && (!Array.isArray(r.na) || r.na.some((x) => typeof x !== 'string')))
      fouten.push({ waar: `${waar}.na`, regel: r.id, wat: 'na is een lijst van regel-ids' });
  });
  if (fouten.length) return fouten;

  // 'na' must name existing rules; no cycles (including against the phase order).
  const regels = b.regels as Regel[];
  for (const [i, r] of regels.entries()) {
    for (const n of r.na ?? [])
      if (!ids.has(n))
        fouten.push({
          waar: `${regelWaar(i, r)}.na`,
          regel: r.id,
          wat: `regel ${r.id} verwijst naar onbekende regel "${n}"`,
        });
  }
  if (fouten.length) return fouten;
  const cyclus = vindCyclus(regels);
  if (cyclus) {
    fouten.push({
      waar: `regels (${cyclus[0]})`,
      regel: cyclus[0],
      wat: `cyclus in de volgorde: ${cyclus.join(' → ')}`,
      actie: 'haal een van de "na"-verwijzingen weg; let op: fase zet → plus/min → bereik → plafond/bodem ligt vast',
    });
    return fouten;
  }

  // Overlapping rules whose order matters but is not given.
  const voor = bereikbaarheid(regels);
  for (let i = 0; i < regels.length; i++) {
    for (let j = i + 1; j < regels.length; j++) {
      const a = regels[i];
      const c = regels[j];
      const zelfdeGroep = a.groep !== undefined && a.groep === c.groep;
      if (FASE[a.effect.op] !== FASE[c.effect.op] && !zelfdeGroep) continue;
      if (!zelfdeGroep && commuteren(a.effect, c.effect)) continue;
      if (a.volgorde !== undefined && c.volgorde !== undefined && a.volgorde !== c.volgorde) continue;
      if (voor(a.id, c.id) || voor(c.id, a.id)) continue;
      if (!kunnenSamenGelden(a.als, c.als)) continue;
      fouten.push({
        waar: `${regelWaar(j, c)}`,
        regel: c.id,
        wat: `regels ${a.id} en ${c.id} kunnen tegelijk gelden en de volgorde bepaalt de uitkomst, maar er is geen volgorde gegeven`,
        actie: 'geef beide een verschillende "volgorde", zet "na" op één van beide, of maak de voorwaarden uitsluitend',
      });
    }
  }
  return fouten;
}

/** Edges: phase order plus 'na'. Returns a cycle as a list of ids, or null. */
function vindCyclus(regels: Regel[]): string[] | null {
  const volg = new Map<string, string[]>();
  for (const r of regels) volg.set(r.id, []);
  for (const r of regels) for (const n of r.na ?? []) volg.get(n)!.push(r.id);
  for (const a of regels) for (const c of regels) if (FASE[a.effect.op] < FASE[c.effect.op]) volg.get(a.id)!.push(c.id);
  const kleur = new Map<string, number>();
  const pad: string[] = [];
  const dfs = (id: string): string[] | null => {
    kleur.set(id, 1);
    pad.push(id);
    for (const n of volg.get(id)!) {
      if (kleur.get(n) === 1) return [...pad.slice(pad.indexOf(n)), n];
      if (!kleur.get(n)) {
        const c = dfs(n);
        if (c) return c;
      }
    }
    kleur.set(id, 2);
    pad.pop();
    return null;
  };
  // Report cycles that involve an explicit 'na' first, starting from the rule that carries it.
  for (const r of regels)
    if ((r.na ?? []).length && !kleur.get(r.id)) {
      const c = dfs(r.id);
      if (c) return c;
    }
  for (const r of regels)
    if (!kleur.get(r.id)) {
      const c = dfs(r.id);
      if (c) return c;
    }
  return null;
}

function bereikbaarheid(regels: Regel[]): (a: string, b: string) => boolean {
  const volg = new Map<string, string[]>();
  for (const r of regels) volg.set(r.id, []);
  for (const r of regels) for (const n of r.na ?? []) volg.get(n)!.push(r.id);
  return (a, b) => {
    const seen = new Set<string>([a]);
    const stack = [a];
    while (stack.length) {
      const x = stack.pop()!;
      for (const n of volg.get(x)!) {
        if (n === b) return true;
        if (!seen.has(n)) {
          seen.add(n);
          stack.push(n);
        }
      }
    }
    return false;
  };
}

/** Validates and puts the rules in evaluation order; throws BeleidOngeldig. */
export function compileerBeleid(input: unknown): GecompileerdBeleid {
  const fouten = valideerBeleid(input);
  if (fouten.length) throw new BeleidOngeldig(fouten);
  const beleid = input as Beleid;
  const positie = new Map(beleid.regels.map((r, i) => [r.id, i]));
  // Topological order over phase + 'na', ties by (volgorde, position in the file).
  const rest = new Set(beleid.regels.map((r) => r.id));
  const byId = new Map(beleid.regels.map((r) => [r.id, r]));
  const order: Regel[] = [];
  const key = (r: Regel) => [FASE[r.effect.op], r.volgorde ?? 0, positie.get(r.id)!];
  const before = (a: Regel, c: Regel) => FASE[a.effect.op] < FASE[c.effect.op] || (c.na ?? []).includes(a.id);
  while (rest.size) {
    const klaar = [...rest]
      .map((id) => byId.get(id)!)
      .filter((c) => ![...rest].some((id) => id !== c.id && before(byId.get(id)!, c)));
    klaar.sort((x, y) => {
      const a = key(x);
      const c = key(y);
      return a[0] - c[0] || a[1] - c[1] || a[2] - c[2];
    });
    const next = klaar[0];
    order.push(next);
    rest.delete(next.id);
  }
  const prestatieAfhankelijk = JSON.stringify(beleid.regels.map((r) => r.als ?? null)).includes('"prestatie"');
  const kenmerken = new Set<string>();
  const verzamel = (v: Voorwaarde | undefined): void => {
    if (!v) return;
    if ('alle' in v) v.alle.forEach(verzamel);
    else if ('een' in v) v.een.forEach(verzamel);
    else if ('niet' in v) verzamel(v.niet);
    else if ('kenmerk' in v) kenmerken.add(v.kenmerk);
  };
  for (const r of beleid.regels) {
    verzamel(r.als);
    if (r.effect.op === 'bereik' && r.effect.kenmerk) kenmerken.add(r.effect.kenmerk);
    if (r.effect.op === 'vorigJaar') kenmerken.add('vorigJaarPercentage');
  }
  return {
    beleid,
    basis: new Decimal(beleid.basis.waarde),
    nhcNic: beleid.nhcNic.percentage === null ? null : new Decimal(beleid.nhcNic.percentage),
    prestatieAfhankelijk,
    kenmerken: [...kenmerken].sort(),
    regels: order.map((r) => {
      const e = r.effect as any;
      return {
        regel: r,
        fase: FASE[r.effect.op],
        waarde: e.waarde !== undefined ? new Decimal(e.waarde) : undefined,
        van: e.van !== undefined ? new Decimal(e.van) : undefined,
        tot: e.tot !== undefined ? new Decimal(e.tot) : undefined,
      };
    }),
  };
}

export { geldt as _geldtVoorTest };
