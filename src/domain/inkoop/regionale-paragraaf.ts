/**
 * The zorgkantoor's regionale paragraaf of an inkoopkader (Inkoopkader Langdurige Zorg 2016: "In de regionale paragraaf van
 * het zorgkantoor wordt dit nader toegelicht"; F4 and G5): its own text, its weighting
 * of the weighted award criteria (F4: "Het zorgkantoor bepaalt zelf welke weging … van toepassing
 * is"), the scoring step, the extra regional conditions for a two-year contract (G5: "plus regional
 * ones", Inkoopkader Langdurige Zorg 2016 §2.2.4), and — for best value kaders only — the proposal limits
 * (src/inkoop/bestvalue/voorstel.ts). Pure: the kader's criteria and procedure type are passed in.
 *
 * Stored as inkoopkader.regionale_paragraaf (jsonb) in the normalised form below; read by
 * src/inkoop/gunning/service.ts (criteriaVan → pasWegingToe, uitkomstInvoer) and
 * src/inkoop/bestvalue/voorstel.ts (instellingen).
 */
import { dec } from '../money.ts';
import type { RegelFoutDetail } from './beoordeling.ts';
import {
  normaliseerPrijsafspraken,
  valideerPrijsafspraken,
  type Basistarief,
  type Moment,
  type OpslagRij,
} from './opslag.ts';
import {
  normaliseerVoorwaarde,
  valideerVoorwaardeSoort,
  VOORWAARDE_SLEUTELS,
  type RegionaleVoorwaarde,
} from './regionale-voorwaarden.ts';

export const REGIONALE_PARAGRAAF_REGEL = 'inkoop.kader.regionale-paragraaf.v1';

/** A regional condition with its checkable kind (src/domain/inkoop/regionale-voorwaarden.ts). */
export type RegionaleVoorwaardeInvoer = RegionaleVoorwaarde;
export interface BestValueInstellingen {
  maxWoorden?: number;
  maxKpis?: number;
  verduidelijkingAantal?: number;
}

/** The normalised paragraph: absent keys mean "nothing regional" (published defaults apply). */
export interface RegionaleParagraaf {
  /** the paragraph's own text (max. 20,000 characters) */
  toelichting?: string;
  /** criterion code → weight (exact decimal string, > 0, ≤ 2 decimals); overrides the published weight */
  weging?: Record<string, string>;
  /** step between allowed scores on every weighted criterion's scale, e.g. "0.5" */
  schaalStap?: string;
  /** extra regional conditions for the two-year contract (G5) */
  tweejarigeVoorwaarden?: RegionaleVoorwaardeInvoer[];
  /** best value only: proposal limits (defaults in src/inkoop/bestvalue/voorstel.ts STANDAARD) */
  bestValue?: BestValueInstellingen;
  /** basistarief as % of the NZa maximum, per leveringsvorm / prestatie (src/domain/inkoop/opslag.ts) */
  basistarief?: Basistarief;
  /** the beoordelingskader: weighted score (F1–F3) → opslag 0–3 % */
  opslagTabel?: OpslagRij[];
  /** when the opslag is granted: initieel, herschikking, nacalculatie */
  opslagMomenten?: Moment[];
}

/** What the rules need to know about the kader. `eisen`: its current (not removed) requirements. */
export interface ParagraafKader {
  procedureType: string;
  eisen: { code: string; groep: string; gewicht: string | null; schaalMin: string | null; schaalMax: string | null }[];
}

export const SLEUTELS = [
  'toelichting',
  'weging',
  'schaalStap',
  'tweejarigeVoorwaarden',
  'bestValue',
  'basistarief',
  'opslagTabel',
  'opslagMomenten',
] as const;
export const BEST_VALUE_SLEUTELS = ['maxWoorden', 'maxKpis', 'verduidelijkingAantal'] as const;
/** The national two-year conditions (Inkoopkader Langdurige Zorg 2016, §2.2.4, G1–G4); regional codes must differ. */
export const LANDELIJKE_CODES = ['G1', 'G2', 'G3', 'G4'] as const;

export const GRENZEN = {
  toelichting: 20_000,
  omschrijving: 2_000,
  voorwaarden: 50,
  /** same bound as eis.gewicht numeric(7,2) */
  gewichtMax: '99999.99',
  bestValue: {
    maxWoorden: [100, 10_000],
    maxKpis: [1, 20],
    verduidelijkingAantal: [1, 1_000],
  } as Record<(typeof BEST_VALUE_SLEUTELS)[number], [number, number]>,
} as const;

const GEWOGEN = 'gunningscriterium_gewogen';
const KNOCKOUT = 'gunningscriterium_knockout';
const DEC2 = /^\d+([.,]\d{1,2})?$/;
const DEC_ANY = /^-?\d+([.,]\d+)?$/;
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
const INT = /^\d+$/;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** "060,50" → "60.50": trimmed, decimal point, no leading zeros; the digits typed are kept (exact). */
const canoniekDecimaal = (s: string) =>
  s
    .trim()
    .replace(',', '.')
    .replace(/^0+(?=\d)/, '');
const kies = (xs: readonly string[]) =>
  xs.length ? `Kies uit: ${xs.join(', ')}.` : 'Dit inkoopkader heeft geen gewogen gunningscriteria.';

/**
 * Checks a decimal string: exact, at most two decimals, within (0, max]. Returns the problem or null.
 * `watNaam` names the value in the message ("Het gewicht van F1", "De schaalstap").
 */
function decimaalFout(v: unknown, watNaam: string, max?: string): string | null {
  if (typeof v !== 'string') return `${watNaam} is geen tekst (${v === null ? 'null' : typeof v}).`;
  const t = v.trim();
  if (!t) return `${watNaam} is leeg.`;
  if (!DEC_ANY.test(t)) return `${watNaam} "${v}" is geen decimaal getal.`;
  if (t.startsWith('-')) return `${watNaam} "${v}" is negatief.`;
  if (!DEC2.test(t)) return `${watNaam} "${v}" heeft meer dan twee decimalen.`;
  const d = dec(canoniekDecimaal(t));
  if (!d.greaterThan(0)) return `${watNaam} is ${t}; het moet groter zijn dan 0.`;
  if (max && d.greaterThan(max)) return `${watNaam} "${v}" is groter dan ${max}.`;
  return null;
}

function geheelGetal(v: unknown): number | null {
  if (typeof v === 'number' && Number.isSafeInteger(v)) return v;
  if (typeof v === 'string' && INT.test(v.trim()) && v.trim().length <= 9) return Number(v.trim());
  return null;
}

/**
 * Validates a regional paragraph against the kader. Returns every problem at once, each with its
 * path (`regionaleParagraaf.weging.W1`, `regionaleParagraaf.tweejarigeVoorwaarden[0].code`), what is
 * wrong and what to do; an empty list means valid.
 *
 * Weights: the keys must be weighted criteria (groep gunningscriterium_gewogen) of this kader; the
 * weight must be an exact decimal with at most two decimals and greater than 0 — the assessment
 * (controleerCriteria in beoordeling.ts) refuses a weighted criterion without a positive weight,
 * so an override of 0 would make every bid unscorable. Weights are relative (total =
 * Σ score×gewicht / Σ gewicht), so they need not add up to 100.
 */
export function valideerRegionaleParagraaf(invoer: unknown, kader: ParagraafKader): RegelFoutDetail[] {
  const P = 'regionaleParagraaf';
  const fouten: RegelFoutDetail[] = [];
  if (!isObject(invoer)) {
    return [
      {
        waar: P,
        wat: `De regionale paragraaf moet een object zijn, niet ${Array.isArray(invoer) ? 'een lijst' : invoer === null ? 'null' : typeof invoer}.`,
        actie: `Geef een object met (een deel van) ${SLEUTELS.join(', ')}; {} wist de paragraaf.`,
      },
    ];
  }
  for (const k of Object.keys(invoer)) {
    if (!(SLEUTELS as readonly string[]).includes(k)) {
      fouten.push({
        waar: `${P}.${k}`,
        wat: `Onbekend onderdeel '${k}' in de regionale paragraaf.`,
        actie: `Toegestaan: ${SLEUTELS.join(', ')}.`,
      });
    }
  }

  // toelichting
  if (invoer.toelichting !== undefined) {
    if (typeof invoer.toelichting !== 'string')
      fouten.push({
        waar: `${P}.toelichting`,
        wat: 'De toelichting is geen tekst.',
        actie: 'Geef de tekst van de regionale paragraaf als tekst.',
      });
    else if (invoer.toelichting.length > GRENZEN.toelichting) {
      fouten.push({
        waar: `${P}.toelichting`,
        wat: `De toelichting is ${invoer.toelichting.length} tekens; het maximum is ${GRENZEN.toelichting}.`,
        actie: 'Kort de tekst in of verwijs naar een bijlage.',
      });
    }
  }

  const gewogen = kader.eisen.filter((e) => e.groep === GEWOGEN);
  const gewogenCodes = gewogen.map((e) => e.code);

  // weging
  if (invoer.weging !== undefined) {
    if (!isObject(invoer.weging)) {
      fouten.push({
        waar: `${P}.weging`,
        wat: 'De weging moet een object zijn: criteriumcode → gewicht.',
        actie: 'Bijvoorbeeld { "F1": "50", "F2": "30" }.',
      });
    } else {
      for (const [code, w] of Object.entries(invoer.weging)) {
        const waar = `${P}.weging.${code}`;
        const eis = kader.eisen.find((e) => e.code === code);
        if (!eis)
          fouten.push({
            waar,
            wat: `${code} is geen gunningscriterium van dit inkoopkader.`,
            actie: `Verwijder dit gewicht of kies een gewogen criterium. ${kies(gewogenCodes)}`,
          });
        else if (eis.groep !== GEWOGEN) {
          fouten.push({
            waar,
            wat: `${code} is geen gewogen gunningscriterium (groep ${eis.groep}${eis.groep === KNOCKOUT ? ': voldaan ja/nee, zonder gewicht' : ''}).`,
            actie: `Alleen gewogen criteria krijgen een gewicht. ${kies(gewogenCodes)}`,
          });
        }
        const f = decimaalFout(w, `Het gewicht van ${code}`, GRENZEN.gewichtMax);
        if (f)
          fouten.push({
            waar,
            wat: f,
            actie:
              'Geef een gewicht groter dan 0 met hoogstens twee decimalen als tekst, bijv. "35" of "12.5"; laat het veld leeg om het gepubliceerde gewicht te houden.',
          });
      }
    }
  }

  // schaalStap
  if (invoer.schaalStap !== undefined) {
    const f = decimaalFout(invoer.schaalStap, 'De schaalstap');
    if (f)
      fouten.push({
        waar: `${P}.schaalStap`,
        wat: f,
        actie: 'Geef een stap groter dan 0 met hoogstens twee decimalen, bijv. "1" of "0.5".',
      });
    else {
      const stap = dec(canoniekDecimaal(invoer.schaalStap as string));
      for (const e of gewogen) {
        if (e.schaalMin === null || e.schaalMax === null || !DEC_ANY.test(e.schaalMin) || !DEC_ANY.test(e.schaalMax))
          continue;
        const bereik = dec(e.schaalMax).minus(e.schaalMin);
        if (!bereik.mod(stap).isZero()) {
          fouten.push({
            waar: `${P}.schaalStap`,
            wat: `Met stap ${stap.toString()} is het maximum ${dec(e.schaalMax).toString()} van de schaal van ${e.code} (${dec(e.schaalMin).toString()}–${dec(e.schaalMax).toString()}) niet te bereiken.`,
            actie: `Kies een stap waarin ${bereik.toString()} precies opgaat, bijv. "1" of "0.5".`,
          });
        }
      }
    }
  }

  // tweejarigeVoorwaarden
  if (invoer.tweejarigeVoorwaarden !== undefined) {
    const lijst = invoer.tweejarigeVoorwaarden;
    if (!Array.isArray(lijst)) {
      fouten.push({
        waar: `${P}.tweejarigeVoorwaarden`,
        wat: 'De regionale voorwaarden moeten een lijst zijn.',
        actie:
          'Bijvoorbeeld [{ "code": "R1", "omschrijving": "Bestaande aanbieder", "soort": "klasse", "klassen": ["bestaand"] }].',
      });
    } else {
      if (lijst.length > GRENZEN.voorwaarden)
        fouten.push({
          waar: `${P}.tweejarigeVoorwaarden`,
          wat: `${lijst.length} regionale voorwaarden; het maximum is ${GRENZEN.voorwaarden}.`,
          actie: 'Voeg voorwaarden samen.',
        });
      const gezien = new Map<string, number>();
      lijst.forEach((v, i) => {
        const waar = `${P}.tweejarigeVoorwaarden[${i}]`;
        if (!isObject(v)) {
          fouten.push({
            waar,
            wat: `Voorwaarde ${i + 1} is geen object met code, omschrijving en soort.`,
            actie: 'Geef per voorwaarde een object.',
          });
          return;
        }
        for (const k of Object.keys(v)) {
          if (!(VOORWAARDE_SLEUTELS as readonly string[]).includes(k))
            fouten.push({
              waar: `${waar}.${k}`,
              wat: `Onbekend onderdeel '${k}' in voorwaarde ${i + 1}.`,
              actie: `Toegestaan: ${VOORWAARDE_SLEUTELS.join(', ')}.`,
            });
        }
        fouten.push(...valideerVoorwaardeSoort(v, waar, i + 1));
        const code = typeof v.code === 'string' ? v.code.trim() : '';
        if (!code)
          fouten.push({
            waar: `${waar}.code`,
            wat: `Voorwaarde ${i + 1} heeft geen code.`,
            actie: 'Geef een korte code, bijv. R1.',
          });
        else if (!CODE.test(code))
          fouten.push({
            waar: `${waar}.code`,
            wat: `Code '${code}' van voorwaarde ${i + 1} is ongeldig.`,
            actie:
              'Letters, cijfers, punt, streep of liggend streepje; begint met een letter of cijfer; max. 40 tekens.',
          });
        else if ((LANDELIJKE_CODES as readonly string[]).includes(code.toUpperCase())) {
          fouten.push({
            waar: `${waar}.code`,
            wat: `Code ${code} is een landelijke voorwaarde voor de tweejarige overeenkomst (G1–G4, Inkoopkader Langdurige Zorg 2016, §2.2.4); een regionale voorwaarde heeft een eigen code.`,
            actie: 'Kies een andere code, bijv. R1.',
          });
        } else {
          const eerder = gezien.get(code.toUpperCase());
          if (eerder !== undefined)
            fouten.push({
              waar: `${waar}.code`,
              wat: `Code ${code} komt al voor bij voorwaarde ${eerder + 1}.`,
              actie: 'Geef elke regionale voorwaarde een eigen code.',
            });
          else gezien.set(code.toUpperCase(), i);
        }
        const oms = typeof v.omschrijving === 'string' ? v.omschrijving.trim() : '';
        if (!oms)
          fouten.push({
            waar: `${waar}.omschrijving`,
            wat: `Voorwaarde ${i + 1}${code ? ` (${code})` : ''} heeft geen omschrijving.`,
            actie: 'Beschrijf waaraan de aanbieder moet voldoen.',
          });
        else if (oms.length > GRENZEN.omschrijving)
          fouten.push({
            waar: `${waar}.omschrijving`,
            wat: `De omschrijving van voorwaarde ${i + 1} is ${oms.length} tekens; het maximum is ${GRENZEN.omschrijving}.`,
          });
      });
    }
  }

  // basistarief, opslagTabel, opslagMomenten (src/domain/inkoop/opslag.ts)
  fouten.push(...valideerPrijsafspraken(invoer, P));

  // bestValue
  if (invoer.bestValue !== undefined) {
    const bv = invoer.bestValue;
    if (kader.procedureType !== 'best_value') {
      fouten.push({
        waar: `${P}.bestValue`,
        wat: `Best value-instellingen horen alleen bij een best value-procedure; dit kader is een procedure van het type ${kader.procedureType}.`,
        actie: 'Laat bestValue weg.',
      });
    } else if (!isObject(bv)) {
      fouten.push({
        waar: `${P}.bestValue`,
        wat: 'bestValue moet een object zijn.',
        actie: `Bijvoorbeeld { "maxWoorden": 1000, "maxKpis": 5, "verduidelijkingAantal": 1 }.`,
      });
    } else {
      for (const k of Object.keys(bv)) {
        if (!(BEST_VALUE_SLEUTELS as readonly string[]).includes(k))
          fouten.push({
            waar: `${P}.bestValue.${k}`,
            wat: `Onbekende best value-instelling '${k}'.`,
            actie: `Toegestaan: ${BEST_VALUE_SLEUTELS.join(', ')}.`,
          });
      }
      for (const k of BEST_VALUE_SLEUTELS) {
        if (bv[k] === undefined) continue;
        const [min, max] = GRENZEN.bestValue[k];
        const n = geheelGetal(bv[k]);
        if (n === null || n < min || n > max) {
          fouten.push({
            waar: `${P}.bestValue.${k}`,
            wat: `${k} "${String(bv[k])}" is geen geheel getal van ${min} tot en met ${max}.`,
            actie: `Geef een geheel getal van ${min} tot en met ${max}.`,
          });
        }
      }
    }
  }
  return fouten;
}

/**
 * The stored form of a VALID paragraph (call valideerRegionaleParagraaf first): texts trimmed,
 * decimals with a point and without leading zeros but otherwise as typed ("60.50" stays "60.50"),
 * condition codes trimmed, best value settings as integers, and empty parts left out. Idempotent.
 */
export function normaliseerRegionaleParagraaf(invoer: unknown): RegionaleParagraaf {
  if (!isObject(invoer)) return {};
  const uit: RegionaleParagraaf = {};
  if (typeof invoer.toelichting === 'string' && invoer.toelichting.trim()) uit.toelichting = invoer.toelichting.trim();
  if (isObject(invoer.weging)) {
    const w = Object.entries(invoer.weging)
      .filter(([, v]) => typeof v === 'string' && v.trim())
      .map(([code, v]) => [code, canoniekDecimaal(v as string)] as const);
    if (w.length) uit.weging = Object.fromEntries(w);
  }
  if (typeof invoer.schaalStap === 'string' && invoer.schaalStap.trim())
    uit.schaalStap = canoniekDecimaal(invoer.schaalStap);
  if (Array.isArray(invoer.tweejarigeVoorwaarden) && invoer.tweejarigeVoorwaarden.length) {
    uit.tweejarigeVoorwaarden = invoer.tweejarigeVoorwaarden.filter(isObject).map(normaliseerVoorwaarde);
  }
  if (isObject(invoer.bestValue)) {
    const bv: BestValueInstellingen = {};
    for (const k of BEST_VALUE_SLEUTELS) {
      const n = geheelGetal(invoer.bestValue[k]);
      if (n !== null) bv[k] = n;
    }
    if (Object.keys(bv).length) uit.bestValue = bv;
  }
  Object.assign(uit, normaliseerPrijsafspraken(invoer));
  return uit;
}
