/**
 * The tariff-policy language: a zorgkantoor × year × sector policy as data, not code.
 *
 * A policy starts from a base percentage of the NZa maximum tariff (excluding NHC/NIC unless the
 * policy says otherwise) and applies rules. Each rule has a condition on the provider profile and
 * on the prestatie/leveringsvorm, one effect, a Dutch source quote and a confidence (H/M/L).
 * Percentages are decimal strings ("95.5"); the unit of every change is explicit:
 *   - 'procentVanNza' — an absolute percentage of the NZa maximum (zet, plafond, bodem)
 *   - 'procentpunt'   — percentage points added to the current percentage (95.5 − 2 = 93.5)
 *   - 'relatief'      — a relative change of the current percentage (95.5 × 0.98 = 93.59)
 * A rule whose source gives no figure has op 'onbepaald' (or 'bereik' without a profile value):
 * it makes the result undetermined with the reason, never an invented number.
 */
import { Decimal, parseDecimal } from '../money.ts';

export const LEVERINGSVORMEN = ['verblijf', 'vpt', 'mpt'] as const;
export type Leveringsvorm = (typeof LEVERINGSVORMEN)[number];

export const MONITOR_UITKOMSTEN = ['hoger', 'gelijk', 'lager'] as const;

/** The provider-profile keys a policy may refer to, with their kind. */
export const PROFIEL_SLEUTELS = {
  nieuweAanbieder: 'boolean',
  arbeidsbesparendeTechnologie: 'boolean',
  bewegingenEnDoelen: 'boolean',
  essentieleVoorziening: 'boolean',
  /** Menzis differentiation by regional role, percentage points −2 … +1 */
  regionaleRol: 'getal',
  commitmentRegionaleTafels: 'boolean',
  specifiekPlanVptMpt: 'boolean',
  voldoetAanBasis: 'boolean',
  /** the provider's tariff percentage of the previous year (DSW monitor) */
  vorigJaarPercentage: 'percentage',
  monitorUitkomst: 'keuze',
  ontwikkelplanAkkoord: 'boolean',
  /** agreed mark-up on the basistarief (Inkoopkader 2016: at most 3%) */
  opslagPercentage: 'percentage',
  /** extension: CZ "free proposal tot 100%" was submitted and approved */
  freeProposal: 'boolean',
  /** extension: Z&Z werkgeversopslag agreed (conditions not in the source) */
  werkgeversopslag: 'boolean',
  /** VGZ: intramural ZZP4 only where the client's social context requires it */
  socialeContextVraagtZzp4: 'boolean',
  /** model P (2008): the provider performs better on the zorgkantoor's criteria */
  presteertBeter: 'boolean',
} as const;
export type ProfielSleutel = keyof typeof PROFIEL_SLEUTELS;
export const isProfielSleutel = (k: string): k is ProfielSleutel =>
  Object.prototype.hasOwnProperty.call(PROFIEL_SLEUTELS, k);

/** A parsed profile: booleans, keuze strings, Decimals. Absent = unknown. */
export type Profiel = Partial<Record<ProfielSleutel, boolean | string | Decimal>>;

export type Voorwaarde =
  | { alle: Voorwaarde[] }
  | { een: Voorwaarde[] }
  | { niet: Voorwaarde }
  | { kenmerk: string; is: boolean | string }
  | { kenmerk: string; bekend: boolean }
  | { leveringsvorm: string[] }
  | { prestatie: string[] };

export type Eenheid = 'procentVanNza' | 'procentpunt' | 'relatief';

export type Effect =
  | { op: 'zet'; waarde: string; eenheid: 'procentVanNza' }
  | { op: 'vorigJaar'; eenheid: 'procentVanNza' }
  | { op: 'plus' | 'min'; waarde: string; eenheid: 'procentpunt' | 'relatief' }
  | { op: 'bereik'; van: string; tot: string; eenheid: 'procentpunt' | 'relatief'; kenmerk?: string }
  | { op: 'onbepaald'; richting: 'lager' | 'hoger' | 'onbekend'; eenheid: 'procentpunt' | 'relatief' | 'procentVanNza' }
  | { op: 'plafond' | 'bodem'; waarde: string; eenheid: 'procentVanNza' }
  | { op: 'uitgesloten' };

export type Zekerheid = 'H' | 'M' | 'L';

export interface Bron {
  citaat: string;
  document: string;
  vindplaats?: string;
}

export interface Regel {
  id: string;
  omschrijving: string;
  als?: Voorwaarde;
  effect: Effect;
  /** the unit is an interpretation of the source (the overview table gives none), not stated by it */
  eenheidAangenomen?: boolean;
  bron: Bron;
  zekerheid: Zekerheid;
  toelichting?: string;
  /** why the result is undetermined (op onbepaald / bereik without value) */
  reden?: string;
  /** explicit order within a phase; lower first */
  volgorde?: number;
  /** evaluate after these rules */
  na?: string[];
  /** exclusive alternatives: of the rules in one group only the first that applies (by order) counts */
  groep?: string;
  /** this rule may produce a percentage above 100 */
  boven100Toegestaan?: boolean;
}

export interface LooptijdNieuweAanbieder {
  /** at most this many years */
  jaren: number;
  inkoopperiode: { van: number; tot: number };
  bron: Bron;
  zekerheid: Zekerheid;
  toelichting?: string;
}

export interface Randvoorwaarde {
  id: string;
  omschrijving: string;
  bron: Bron;
  zekerheid: Zekerheid;
}

export interface Beleid {
  id: string;
  /** short zorgkantoor name (src/reference/data/zorgkantoren.json "kort"), or an example label */
  zorgkantoor: string;
  zorgkantoorId: string | null;
  jaar: number;
  sector: string;
  titel: string;
  soort: 'zorgkantoor' | 'voorbeeld';
  bron: { document: string; peildatum?: string; toelichting?: string };
  basis: {
    regel: string;
    omschrijving: string;
    waarde: string;
    bron: Bron;
    zekerheid: Zekerheid;
    toelichting?: string;
  };
  /** NHC/NIC are outside the percentage; their own percentage, or null when the source gives none */
  nhcNic: { percentage: string | null; toelichting: string };
  boven100Toegestaan?: boolean;
  /**
   * The contract term the zorgkantoor gives a NEW provider (any class but 'bestaand') at the award,
   * e.g. DSW 2024: "Nieuwe zorgaanbieders: eenjarige overeenkomst". Applies to kaders whose first
   * year lies in the inkoopperiode. Not a tariff rule: read by the award (src/inkoop/gunning).
   */
  looptijdNieuweAanbieder?: LooptijdNieuweAanbieder;
  regels: Regel[];
  /** non-tariff constraints shown beside the policy (volume ceilings, eligibility), not evaluated */
  randvoorwaarden?: Randvoorwaarde[];
}

export class ProfielFout extends Error {
  constructor(readonly fouten: { waar: string; wat: string; actie?: string }[]) {
    super(`Ongeldig profiel: ${fouten.map((f) => `${f.waar}: ${f.wat}`).join('; ')}`);
  }
}

const DEC_RE = /^-?\d+([.,]\d+)?$/;

/**
 * Parses a provider profile from JSON input. Unknown keys, wrong types and out-of-range values
 * are refused with the key named.
 */
export function parseProfiel(input: unknown): Profiel {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new ProfielFout([
      { waar: 'profiel', wat: 'het profiel moet een JSON-object zijn', actie: 'bijv. {"nieuweAanbieder":true}' },
    ]);
  }
  const out: Profiel = {};
  const fouten: { waar: string; wat: string; actie?: string }[] = [];
  for (const [k, v] of Object.entries(input as Record<string, unknown>)) {
    if (!isProfielSleutel(k)) {
      fouten.push({
        waar: `profiel.${k}`,
        wat: `onbekend profielkenmerk "${k}"`,
        actie: `kies uit: ${Object.keys(PROFIEL_SLEUTELS).join(', ')}`,
      });
      continue;
    }
    if (v === null || v === undefined) continue;
    const soort = PROFIEL_SLEUTELS[k];
    if (soort === 'boolean') {
      if (typeof v !== 'boolean')
        fouten.push({ waar: `profiel.${k}`, wat: `moet true of false zijn, niet ${JSON.stringify(v)}` });
      else out[k] = v;
    } else if (soort === 'keuze') {
      if (typeof v !== 'string' || !(MONITOR_UITKOMSTEN as readonly string[]).includes(v)) {
        fouten.push({
          waar: `profiel.${k}`,
          wat: `moet een van ${MONITOR_UITKOMSTEN.join(', ')} zijn, niet ${JSON.stringify(v)}`,
        });
      } else out[k] = v;
    } else {
      const s = typeof v === 'number' && Number.isFinite(v) ? String(v) : typeof v === 'string' ? v.trim() : null;
      if (s === null || !DEC_RE.test(s)) {
        fouten.push({
          waar: `profiel.${k}`,
          wat: `moet een decimaal getal zijn (bijv. "95.50"), niet ${JSON.stringify(v)}`,
        });
        continue;
      }
      const d = parseDecimal(s, `profiel.${k}`);
      if (k === 'regionaleRol' && (d.lessThan(-2) || d.greaterThan(1))) {
        fouten.push({ waar: `profiel.${k}`, wat: `moet tussen -2 en +1 liggen, niet ${s}` });
      } else if (soort === 'percentage' && (d.isNegative() || d.greaterThan(100))) {
        fouten.push({ waar: `profiel.${k}`, wat: `moet tussen 0 en 100 liggen, niet ${s}` });
      } else out[k] = d;
    }
  }
  if (fouten.length) throw new ProfielFout(fouten);
  return out;
}

/** The profile back as JSON (Decimals as strings). */
export function profielNaarJson(p: Profiel): Record<string, boolean | string> {
  const o: Record<string, boolean | string> = {};
  for (const [k, v] of Object.entries(p)) o[k] = v instanceof Decimal ? v.toString() : (v as boolean | string);
  return o;
}
