/**
 * The zorgkantoor's regional conditions for a two-year contract (G5; Inkoopkader Langdurige Zorg 2016,
 * §2.2.4: "Zorgkantoren hebben de mogelijkheid om aanvullende voorwaarden te stellen voor het verlenen van
 * een tweejarige overeenkomst. Deze zijn opgenomen in de regionale paragraaf van het zorgkantoor.").
 *
 * Each condition has a checkable kind, so the decision table computes it together with G1–G4 from stored
 * facts instead of a manager ticking it at the award:
 *  - `klasse`: the provider's classification (§2.2.2) is one of `klassen`;
 *  - `geen-signalen`: no signal of the `signaalSoorten` in the signalenregister (or the other G1–G3
 *    facts of the award) within the last `jaren` years before the decision date;
 *  - `contractjaren`: a contract with this zorgkantoor in each of the `jaren` years directly before the
 *    contract's first year.
 * Keuze van het product: the source leaves the content of the regional conditions to the zorgkantoor;
 * the product offers these three kinds because they can be checked from data it holds (classification,
 * signalenregister, contract history). A condition without a kind (stored before kinds existed) is never
 * computed as met or not met: the award is refused until the zorgkantoor gives it a kind.
 * Pure: the facts are passed in.
 */
import type { RegelFoutDetail } from './beoordeling.ts';
import { KLASSE_NAMEN, KLASSEN, type Klasse } from './classificatie.ts';

export const VOORWAARDE_SOORTEN = ['klasse', 'geen-signalen', 'contractjaren'] as const;
export type VoorwaardeSoort = (typeof VOORWAARDE_SOORTEN)[number];
/** The kinds of signal a `geen-signalen` condition may name (the signalenregister's kinds). */
export const VOORWAARDE_SIGNAAL_SOORTEN = ['verscherpt_toezicht', 'fraudeonderzoek', 'fraude_vastgesteld'] as const;
export type VoorwaardeSignaalSoort = (typeof VOORWAARDE_SIGNAAL_SOORTEN)[number];
export const SIGNAAL_NAMEN: Record<VoorwaardeSignaalSoort, string> = {
  verscherpt_toezicht: 'verscherpt toezicht',
  fraudeonderzoek: 'fraudeonderzoek',
  fraude_vastgesteld: 'vastgestelde fraude',
};
export const SOORT_NAMEN: Record<VoorwaardeSoort, string> = {
  klasse: 'klasse van de aanbieder',
  'geen-signalen': 'geen signalen',
  contractjaren: 'jaren met een overeenkomst',
};
/** Bounds of `jaren` (both kinds). */
export const JAREN_GRENZEN = [1, 20] as const;
export const REGIONALE_VOORWAARDE_REGEL =
  'inkoop.regionale-voorwaarde.v1 (G5, Inkoopkader Langdurige Zorg 2016, §2.2.4)';

export interface RegionaleVoorwaarde {
  code: string;
  omschrijving: string;
  /** absent only for conditions stored before kinds existed (never computed) */
  soort?: VoorwaardeSoort;
  /** klasse: the classes that meet the condition */
  klassen?: Klasse[];
  /** geen-signalen: the kinds of signal that must be absent */
  signaalSoorten?: VoorwaardeSignaalSoort[];
  /** geen-signalen: the window in years before the decision date; contractjaren: the number of years */
  jaren?: number;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const GEHEEL = /^\d{1,9}$/;
function geheelGetal(v: unknown): number | null {
  if (typeof v === 'number' && Number.isSafeInteger(v)) return v;
  if (typeof v === 'string' && GEHEEL.test(v.trim())) return Number(v.trim());
  return null;
}

/** The keys a condition may carry. */
export const VOORWAARDE_SLEUTELS = ['code', 'omschrijving', 'soort', 'klassen', 'signaalSoorten', 'jaren'] as const;
const PARAMETERS: Record<VoorwaardeSoort, string[]> = {
  klasse: ['klassen'],
  'geen-signalen': ['signaalSoorten', 'jaren'],
  contractjaren: ['jaren'],
};

/**
 * Checks the kind and its parameters of one condition (code and description are checked by the paragraph).
 * `waar` is the condition's path, e.g. regionaleParagraaf.tweejarigeVoorwaarden[0].
 */
export function valideerVoorwaardeSoort(v: Record<string, unknown>, waar: string, nr: number): RegelFoutDetail[] {
  const fouten: RegelFoutDetail[] = [];
  const naam = `Voorwaarde ${nr}${typeof v.code === 'string' && v.code.trim() ? ` (${v.code.trim()})` : ''}`;
  if (v.soort === undefined || v.soort === null || v.soort === '') {
    return [
      {
        waar: `${waar}.soort`,
        wat: `${naam} heeft geen soort: de beslistabel kan haar niet berekenen.`,
        actie: `Kies een soort: ${VOORWAARDE_SOORTEN.join(', ')}.`,
      },
    ];
  }
  if (typeof v.soort !== 'string' || !(VOORWAARDE_SOORTEN as readonly string[]).includes(v.soort)) {
    return [
      {
        waar: `${waar}.soort`,
        wat: `${naam}: onbekende soort '${String(v.soort)}'.`,
        actie: `Kies uit: ${VOORWAARDE_SOORTEN.join(', ')}.`,
      },
    ];
  }
  const soort = v.soort as VoorwaardeSoort;
  for (const k of ['klassen', 'signaalSoorten', 'jaren']) {
    if (v[k] !== undefined && !PARAMETERS[soort].includes(k))
      fouten.push({
        waar: `${waar}.${k}`,
        wat: `${naam}: '${k}' hoort niet bij de soort ${soort}.`,
        actie: `Laat '${k}' weg; bij ${soort} horen: ${PARAMETERS[soort].join(', ')}.`,
      });
  }
  const lijst = (k: 'klassen' | 'signaalSoorten', toegestaan: readonly string[], wat: string) => {
    const x = v[k];
    if (!Array.isArray(x) || x.length === 0) {
      fouten.push({
        waar: `${waar}.${k}`,
        wat: `${naam}: geef minstens één ${wat}.`,
        actie: `Kies uit: ${toegestaan.join(', ')}.`,
      });
      return;
    }
    x.forEach((e, j) => {
      if (typeof e !== 'string' || !toegestaan.includes(e))
        fouten.push({
          waar: `${waar}.${k}[${j}]`,
          wat: `${naam}: onbekende ${wat} '${String(e)}'.`,
          actie: `Kies uit: ${toegestaan.join(', ')}.`,
        });
    });
    if (new Set(x).size !== x.length)
      fouten.push({
        waar: `${waar}.${k}`,
        wat: `${naam}: een ${wat} staat er dubbel in.`,
        actie: 'Noem elke één keer.',
      });
  };
  if (soort === 'klasse') lijst('klassen', KLASSEN, 'klasse');
  if (soort === 'geen-signalen') lijst('signaalSoorten', VOORWAARDE_SIGNAAL_SOORTEN, 'signaalsoort');
  if (soort === 'geen-signalen' || soort === 'contractjaren') {
    const n = geheelGetal(v.jaren);
    const [min, max] = JAREN_GRENZEN;
    if (n === null || n < min || n > max)
      fouten.push({
        waar: `${waar}.jaren`,
        wat: `${naam}: het aantal jaren ${v.jaren === undefined ? 'ontbreekt' : `"${String(v.jaren)}" is geen geheel getal van ${min} tot en met ${max}`}.`,
        actie: `Geef een geheel getal van ${min} tot en met ${max}.`,
      });
  }
  return fouten;
}

/** The stored form of a valid condition: only the parameters of its kind. */
export function normaliseerVoorwaarde(v: Record<string, unknown>): RegionaleVoorwaarde {
  const uit: RegionaleVoorwaarde = {
    code: String(v.code ?? '').trim(),
    omschrijving: String(v.omschrijving ?? '').trim(),
  };
  if (typeof v.soort !== 'string' || !(VOORWAARDE_SOORTEN as readonly string[]).includes(v.soort)) return uit;
  const soort = v.soort as VoorwaardeSoort;
  uit.soort = soort;
  if (soort === 'klasse' && Array.isArray(v.klassen)) uit.klassen = [...new Set(v.klassen as Klasse[])];
  if (soort === 'geen-signalen' && Array.isArray(v.signaalSoorten))
    uit.signaalSoorten = [...new Set(v.signaalSoorten as VoorwaardeSignaalSoort[])];
  if (soort !== 'klasse') {
    const n = geheelGetal(v.jaren);
    if (n !== null) uit.jaren = n;
  }
  return uit;
}

/** A fact the condition may be computed from: a signal with its period and where it came from. */
export interface SignaalFeit {
  soort: VoorwaardeSignaalSoort;
  /** YYYY-MM-DD */
  van: string;
  /** YYYY-MM-DD, the same as `van` for a moment (fraud investigation started, fraud established), or null while ongoing */
  tot: string | null;
  /** e.g. "signalenregister (signaal 1b2c…)", "inspectiestatus locatie", "aanvullend opgegeven bij de gunning" */
  herkomst: string;
}

export interface RegionaleFeiten {
  /** the provider's classification for this kader (the deciding class) */
  klasse: Klasse;
  /** the decision date, YYYY-MM-DD */
  peildatum: string;
  /** the first year of the contract */
  jaar: number;
  signalen: SignaalFeit[];
  /** years in which the provider had a contract with this zorgkantoor, with their source per year */
  contractjaren: { jaar: number; herkomst: string }[];
}

export interface RegionaleUitkomst {
  code: string;
  omschrijving: string;
  soort: VoorwaardeSoort;
  voldaan: boolean;
  /** what was checked and what was found */
  toelichting: string;
  /** the data the check used */
  gebruikt: Record<string, unknown>;
  /** where that data came from */
  bron: string;
  regel: string;
}

/** A condition without a kind: it cannot be computed (the caller refuses the award, never passes or fails it). */
export const zonderSoort = (vs: RegionaleVoorwaarde[]) => vs.filter((v) => !v.soort);

const jarenTerug = (datum: string, n: number) =>
  `${String(Number(datum.slice(0, 4)) - n).padStart(4, '0')}${datum.slice(4)}`;

/** Computes each regional condition WITH a kind (call zonderSoort first: those are skipped here). */
export function beoordeelRegionaleVoorwaarden(vs: RegionaleVoorwaarde[], f: RegionaleFeiten): RegionaleUitkomst[] {
  const uit: RegionaleUitkomst[] = [];
  for (const v of vs) {
    if (!v.soort) continue;
    const basis = { code: v.code, omschrijving: v.omschrijving, soort: v.soort, regel: REGIONALE_VOORWAARDE_REGEL };
    if (v.soort === 'klasse') {
      const klassen = v.klassen ?? [];
      const ok = klassen.includes(f.klasse);
      uit.push({
        ...basis,
        voldaan: ok,
        toelichting: `Klasse van de aanbieder: ${KLASSE_NAMEN[f.klasse].nl}; vereist: ${klassen.map((k) => KLASSE_NAMEN[k].nl).join(' of ')}.`,
        gebruikt: { klasse: f.klasse, klassen },
        bron: 'classificatie van de inschrijving (Inkoopkader Langdurige Zorg 2016, §2.2.2)',
      });
    } else if (v.soort === 'geen-signalen') {
      const soorten = v.signaalSoorten ?? [];
      const n = v.jaren ?? 0;
      const vanaf = jarenTerug(f.peildatum, n);
      // a signal counts when its period touches the window [vanaf, peildatum]; no end date = still ongoing
      const treffers = f.signalen.filter(
        (s) => soorten.includes(s.soort) && s.van <= f.peildatum && (s.tot === null || s.tot >= vanaf),
      );
      const ok = treffers.length === 0;
      uit.push({
        ...basis,
        voldaan: ok,
        toelichting: ok
          ? `Geen ${soorten.map((s) => SIGNAAL_NAMEN[s]).join(', ')} tussen ${vanaf} en ${f.peildatum}.`
          : `Gevonden tussen ${vanaf} en ${f.peildatum}: ${treffers.map((s) => `${SIGNAAL_NAMEN[s.soort]} vanaf ${s.van} (${s.herkomst})`).join('; ')}.`,
        gebruikt: { signaalSoorten: soorten, jaren: n, van: vanaf, tot: f.peildatum, gevonden: treffers },
        bron: 'signalenregister van het zorgkantoor, inspectiestatus van de locaties en bij de gunning opgegeven fraudedata',
      });
    } else {
      const n = v.jaren ?? 0;
      const nodig = Array.from({ length: n }, (_, j) => f.jaar - n + j);
      const met = new Map<number, string[]>();
      for (const c of f.contractjaren) met.set(c.jaar, [...(met.get(c.jaar) ?? []), c.herkomst]);
      const ontbreekt = nodig.filter((j) => !met.has(j));
      const ok = ontbreekt.length === 0;
      uit.push({
        ...basis,
        voldaan: ok,
        toelichting: ok
          ? `Overeenkomst met dit zorgkantoor in ${n === 1 ? nodig[0] : `elk van de jaren ${nodig[0]}–${nodig[nodig.length - 1]}`}.`
          : `Geen overeenkomst met dit zorgkantoor in ${ontbreekt.join(', ')} (vereist: elk van de ${n} jaar vóór ${f.jaar}).`,
        gebruikt: {
          jaren: n,
          vereisteJaren: nodig,
          gevonden: nodig.filter((j) => met.has(j)).map((j) => ({ jaar: j, herkomst: [...new Set(met.get(j))] })),
        },
        bron: 'contracthistorie: productieafspraken in de regio’s van dit inkoopkader en geaccepteerde overeenkomsten met dit zorgkantoor',
      });
    }
  }
  return uit;
}

/** Key order does not count (jsonb stores keys in its own order). */
const canoniek = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(canoniek)
    : isObject(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, canoniek(v[k])]),
        )
      : v;
const gelijk = (a: unknown, b: unknown) => JSON.stringify(canoniek(a ?? null)) === JSON.stringify(canoniek(b ?? null));

/**
 * True when `nieuw` differs from `oud` only in giving kind-less conditions (stored before kinds existed) a
 * kind: same parts, same conditions in the same order with the same code and description, the kinds
 * already there unchanged, at least one kind added. Such an edit is allowed after the submission
 * deadline (it changes no published term, it says how the decision table reads one); anything else is not.
 */
export function alleenSoortToegevoegd(oud: unknown, nieuw: unknown): boolean {
  if (!isObject(oud) || !isObject(nieuw)) return false;
  const sleutels = new Set([...Object.keys(oud), ...Object.keys(nieuw)]);
  for (const k of sleutels) if (k !== 'tweejarigeVoorwaarden' && !gelijk(oud[k], nieuw[k])) return false;
  const a = Array.isArray(oud.tweejarigeVoorwaarden) ? (oud.tweejarigeVoorwaarden as RegionaleVoorwaarde[]) : [];
  const b = Array.isArray(nieuw.tweejarigeVoorwaarden) ? (nieuw.tweejarigeVoorwaarden as RegionaleVoorwaarde[]) : [];
  if (a.length !== b.length) return false;
  let toegevoegd = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i].code !== b[i].code || a[i].omschrijving !== b[i].omschrijving) return false;
    if (a[i].soort) {
      if (!gelijk(a[i], b[i])) return false;
    } else if (b[i].soort) toegevoegd++;
  }
  return toegevoegd > 0;
}
