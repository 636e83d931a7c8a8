/**
 * Assessment of a submission against the published criteria (Inkoopkader Langdurige Zorg 2016, §2.2.4, F1–F4; Kader zorginkoop 2008
 * gunningscriteria): knock-out criteria (met / not met) end an assessment with the requirement
 * named; weighted criteria get a score on their published scale, weighted with the zorgkantoor's
 * weights into an exact total. A second person decides (four-eyes). Pure and deterministic.
 */
import { Decimal, dec } from '../money.ts';

export interface RegelFoutDetail {
  waar?: string;
  wat: string;
  actie?: string;
}

/** A domain rule refused the input; `regel` names the rule, `fouten` say where and what to do. */
export class RegelFout extends Error {
  readonly regel: string;
  readonly fouten: RegelFoutDetail[];
  constructor(regel: string, message: string, fouten: RegelFoutDetail[] = []) {
    super(message);
    this.name = 'RegelFout';
    this.regel = regel;
    this.fouten = fouten;
  }
}

export interface Schaal {
  min: string;
  max: string;
  /** step between allowed scores, e.g. "1" or "0.5"; absent = any decimal */ stap?: string;
}

export interface Criterium {
  code: string;
  naam: string;
  soort: 'knock-out' | 'gewogen';
  /** published weight (percent or points) for gewogen criteria */
  gewicht?: string;
  schaal?: Schaal;
}

export interface ScoreInvoer {
  criteriumCode: string;
  /** decimal string on the criterion's scale (gewogen) */
  score?: string | null;
  /** met / not met (knock-out) */
  voldaan?: boolean | null;
  motivatie: string;
}

export interface CriteriumUitslag {
  code: string;
  naam: string;
  soort: Criterium['soort'];
  score: string | null;
  voldaan: boolean | null;
  gewicht: string | null;
  gewogen: string | null;
  motivatie: string;
}

export interface BeoordelingUitslag {
  status: 'knock-out' | 'gescoord';
  /** the knock-out requirements that were not met, named */
  knockOut: { code: string; naam: string }[];
  /** Σ score × gewicht / Σ gewicht, exact, two decimals half-up; null after a knock-out */
  totaal: string | null;
  perCriterium: CriteriumUitslag[];
  regel: string;
}

export const BEOORDELING_REGEL = 'beoordeling: knock-out eerst, daarna gewogen gemiddelde Σ(score×gewicht)/Σgewicht v1';
const DEC_RE = /^-?\d+(\.\d+)?$/;

export const schaalTekst = (s: Schaal) => `${s.min}–${s.max}${s.stap ? ` in stappen van ${s.stap}` : ''}`;

/** Weights per zorgkantoor override the published ones (regionale paragraaf, Inkoopkader Langdurige Zorg 2016, F4). */
export function pasWegingToe(criteria: Criterium[], weging?: Record<string, string>): Criterium[] {
  if (!weging) return criteria;
  return criteria.map((c) =>
    c.soort === 'gewogen' && weging[c.code] !== undefined ? { ...c, gewicht: weging[c.code] } : c,
  );
}

/** Checks the criteria themselves: a gewogen criterion needs a positive weight and a scale. */
export function controleerCriteria(criteria: Criterium[]): void {
  const fouten: RegelFoutDetail[] = [];
  const seen = new Set<string>();
  for (const c of criteria) {
    if (seen.has(c.code)) fouten.push({ waar: c.code, wat: `Criterium ${c.code} komt twee keer voor.` });
    seen.add(c.code);
    if (c.soort !== 'gewogen') continue;
    if (!c.gewicht || !DEC_RE.test(c.gewicht) || !dec(c.gewicht).greaterThan(0))
      fouten.push({
        waar: c.code,
        wat: `Criterium ${c.code} (${c.naam}) heeft geen positief gewicht.`,
        actie: 'Publiceer een gewicht groter dan 0.',
      });
    if (
      !c.schaal ||
      !DEC_RE.test(c.schaal.min) ||
      !DEC_RE.test(c.schaal.max) ||
      !dec(c.schaal.max).greaterThan(c.schaal.min)
    ) {
      fouten.push({
        waar: c.code,
        wat: `Criterium ${c.code} (${c.naam}) heeft geen geldige schaal.`,
        actie: 'Geef een schaal met min < max, bijv. 1–5.',
      });
    }
  }
  if (fouten.length)
    throw new RegelFout(
      'criteria',
      `De gepubliceerde criteria zijn onvolledig: ${fouten.map((f) => f.wat).join(' ')}`,
      fouten,
    );
}

/**
 * Validates one assessor's scores. Refuses a score outside the scale (naming criterion and scale),
 * a missing motivation, an unknown criterion and a missing score. Knock-out: once a knock-out
 * criterion is "not met" the weighted criteria need not be scored.
 */
export function controleerScores(criteria: Criterium[], scores: ScoreInvoer[]): void {
  controleerCriteria(criteria);
  const fouten: RegelFoutDetail[] = [];
  const byCode = new Map(criteria.map((c) => [c.code, c]));
  const given = new Map<string, ScoreInvoer>();
  for (const s of scores) {
    const c = byCode.get(s.criteriumCode);
    if (!c) {
      fouten.push({
        waar: s.criteriumCode,
        wat: `Criterium ${s.criteriumCode} is niet gepubliceerd voor deze procedure.`,
        actie: `Kies uit ${criteria.map((x) => x.code).join(', ')}.`,
      });
      continue;
    }
    if (given.has(c.code)) {
      fouten.push({ waar: c.code, wat: `Criterium ${c.code} is twee keer gescoord.` });
      continue;
    }
    given.set(c.code, s);
    if (!s.motivatie || !s.motivatie.trim())
      fouten.push({
        waar: c.code,
        wat: `Motivatie ontbreekt bij criterium ${c.code} (${c.naam}).`,
        actie: 'Licht elke score toe.',
      });
    if (c.soort === 'knock-out') {
      if (typeof s.voldaan !== 'boolean')
        fouten.push({
          waar: c.code,
          wat: `Knock-outcriterium ${c.code} (${c.naam}) vraagt voldaan ja/nee.`,
          actie: 'Geef voldaan: true of false.',
        });
      continue;
    }
    const sc = s.score?.trim().replace(',', '.');
    if (!sc || !DEC_RE.test(sc)) {
      fouten.push({
        waar: c.code,
        wat: `Score "${s.score ?? ''}" bij criterium ${c.code} (${c.naam}) is geen getal.`,
        actie: `Geef een score op de schaal ${schaalTekst(c.schaal!)}.`,
      });
      continue;
    }
    const v = dec(sc);
    const { min, max, stap } = c.schaal!;
    const buiten = v.lessThan(min) || v.greaterThan(max);
    const tussen = !buiten && stap && !v.minus(min).mod(stap).isZero();
    if (buiten || tussen) {
      fouten.push({
        waar: c.code,
        wat: `Score ${sc} bij criterium ${c.code} (${c.naam}) valt buiten de schaal ${schaalTekst(c.schaal!)}.`,
        actie: `Geef een score op de schaal ${schaalTekst(c.schaal!)}.`,
      });
    }
  }
  const knockOutGefaald = criteria.some((c) => c.soort === 'knock-out' && given.get(c.code)?.voldaan === false);
  for (const c of criteria) {
    if (given.has(c.code)) continue;
    if (c.soort === 'gewogen' && knockOutGefaald) continue;
    fouten.push({
      waar: c.code,
      wat: `Criterium ${c.code} (${c.naam}) is niet beoordeeld.`,
      actie: 'Beoordeel alle gepubliceerde criteria.',
    });
  }
  if (fouten.length)
    throw new RegelFout(
      'schaal',
      fouten.length === 1
        ? fouten[0].wat
        : `${fouten.length} scores zijn ongeldig: ${fouten.map((f) => f.wat).join(' ')}`,
      fouten,
    );
}

/** Validates and evaluates: knock-out ends the assessment; otherwise the exact weighted total. */
export function beoordeel(criteria: Criterium[], scores: ScoreInvoer[]): BeoordelingUitslag {
  controleerScores(criteria, scores);
  const by = new Map(scores.map((s) => [s.criteriumCode, s]));
  const knockOut = criteria
    .filter((c) => c.soort === 'knock-out' && by.get(c.code)?.voldaan === false)
    .map((c) => ({ code: c.code, naam: c.naam }));
  const perCriterium: CriteriumUitslag[] = criteria.map((c) => {
    const s = by.get(c.code);
    const score = c.soort === 'gewogen' && s?.score ? dec(s.score.trim().replace(',', '.')) : null;
    return {
      code: c.code,
      naam: c.naam,
      soort: c.soort,
      score: score ? score.toString() : null,
      voldaan: c.soort === 'knock-out' ? (s?.voldaan ?? null) : null,
      gewicht: c.soort === 'gewogen' ? dec(c.gewicht!).toString() : null,
      gewogen: score && c.gewicht ? score.times(c.gewicht).toString() : null,
      motivatie: s?.motivatie ?? '',
    };
  });
  if (knockOut.length) return { status: 'knock-out', knockOut, totaal: null, perCriterium, regel: BEOORDELING_REGEL };
  const gewogen = criteria.filter((c) => c.soort === 'gewogen');
  let teller = new Decimal(0);
  let noemer = new Decimal(0);
  for (const c of gewogen) {
    teller = teller.plus(dec(by.get(c.code)!.score!.trim().replace(',', '.')).times(c.gewicht!));
    noemer = noemer.plus(c.gewicht!);
  }
  const totaal = noemer.isZero() ? null : teller.dividedBy(noemer).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
  return { status: 'gescoord', knockOut: [], totaal, perCriterium, regel: BEOORDELING_REGEL };
}

export interface Persoon {
  gebruikerId: string;
  naam?: string;
  organisatieId: string;
  rollen: readonly string[];
}

export const VIER_OGEN_REGEL =
  'vier-ogen: het besluit over een beoordeling neemt een andere persoon dan de beoordelaar, met rol beoordelaar of manager, van hetzelfde zorgkantoor';
export const BESLUIT_ROLLEN = ['beoordelaar', 'manager'] as const;

/** Four-eyes: the decider is someone else than every assessor, holds beoordelaar or manager, at the same zorgkantoor. */
export function controleerVierOgen(beoordelaars: Persoon[], besluiter: Persoon, zorgkantoorId: string): void {
  const fouten: RegelFoutDetail[] = [];
  if (beoordelaars.length === 0)
    fouten.push({
      wat: 'Er is nog geen beoordeling om over te besluiten.',
      actie: 'Laat eerst een beoordelaar scoren.',
    });
  if (beoordelaars.some((b) => b.gebruikerId === besluiter.gebruikerId)) {
    fouten.push({
      wat: 'U heeft deze inschrijving zelf beoordeeld en mag er dus niet over besluiten (vier-ogenprincipe).',
      actie: 'Laat een tweede beoordelaar of een manager besluiten.',
    });
  }
  if (!besluiter.rollen.some((r) => (BESLUIT_ROLLEN as readonly string[]).includes(r))) {
    fouten.push({
      wat: 'Alleen een beoordelaar of manager mag over een beoordeling besluiten.',
      actie: 'Vraag iemand met de rol beoordelaar of manager.',
    });
  }
  if (besluiter.organisatieId !== zorgkantoorId)
    fouten.push({ wat: 'Alleen het zorgkantoor van deze procedure besluit over de beoordeling.' });
  if (fouten.length) throw new RegelFout('vier-ogen', `Vier-ogenprincipe: ${fouten[0].wat}`, fouten);
}
