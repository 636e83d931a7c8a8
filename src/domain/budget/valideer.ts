/**
 * Validation of an allocation scenario: every error names the field (`aanbieders[2].score`), says
 * what is wrong and what to do. Produces the parsed scenario with exact decimals for the engine.
 * Unknown fields are ignored (a scenario may carry a `toelichting` or other notes).
 */
import { centen, getal as leesGetal, vergelijk, type Getal } from './exact.ts';
import type { BijTekort, VerdelingScenario, VerdelingsModel, VeldFout } from './types.ts';

export interface GeldigePrestatie {
  code: string;
  maxTarief: Getal;
  volume: Getal;
}

export interface GeldigeAanbieder {
  id: string;
  /** position in the scenario (for messages) */
  index: number;
  /** cents */
  realisatie: bigint;
  score: Getal;
  /** cents, or null */
  plafond: bigint | null;
  prestaties: GeldigePrestatie[];
  /** Q: popularity as given (not yet bounded), 0 when absent */
  populariteit: Getal;
}

export interface GeldigScenario {
  model: VerdelingsModel;
  jaar: number;
  regio: string;
  /** cents */
  contracteerruimte: bigint;
  /** cents */
  reserve: bigint;
  vloerPercentage: Getal;
  bijTekort: BijTekort;
  toekenningspercentage: Getal;
  startPercentage: Getal;
  /** sorted by vanafScore ascending */
  prijsTrappen: { vanafScore: Getal; percentage: Getal }[];
  aanbieders: GeldigeAanbieder[];
  /** Q: 0…1; 0 when absent (popularity plays no part) */
  populariteitFactor: Getal;
}

export type ValidatieResultaat = { scenario: GeldigScenario; fouten: [] } | { scenario: null; fouten: VeldFout[] };

const DECIMAAL = /^\d+(\.\d+)?$/;
const MODELLEN: readonly VerdelingsModel[] = ['Q', 'P', 'toekenning'];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks a scenario as parsed from JSON. Never throws on bad input: returns the field errors. */
export function valideerScenarioInvoer(json: unknown): ValidatieResultaat {
  const fouten: VeldFout[] = [];
  const fout = (waar: string, wat: string, actie?: string) => fouten.push(actie ? { waar, wat, actie } : { waar, wat });

  /** A non-negative decimal; `maxDecimalen` for amounts in euros (cents). */
  const getal = (
    v: unknown,
    waar: string,
    opts: { verplicht: boolean; maxDecimalen?: number; max?: Getal; standaard?: Getal },
  ): Getal | null => {
    if (v === undefined || v === null || v === '') {
      if (opts.verplicht) {
        fout(waar, 'ontbreekt', 'Vul een getal in als tekst, bijvoorbeeld "90".');
        return null;
      }
      return opts.standaard ?? null;
    }
    let t: string;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) {
        fout(waar, `${v} is geen getal`, 'Gebruik een decimaal getal als tekst, bijvoorbeeld "90.5".');
        return null;
      }
      t = String(v);
    } else if (typeof v === 'string') t = v.trim().replace(',', '.');
    else {
      fout(
        waar,
        `verwacht een getal als tekst, kreeg ${Array.isArray(v) ? 'een lijst' : typeof v}`,
        'Bijvoorbeeld "90.5".',
      );
      return null;
    }
    if (t.startsWith('-') && DECIMAAL.test(t.slice(1))) {
      fout(waar, `"${String(v)}" is negatief`, 'Gebruik 0 of een positief getal.');
      return null;
    }
    if (!DECIMAAL.test(t)) {
      fout(waar, `"${String(v)}" is geen decimaal getal`, 'Gebruik cijfers met een punt, bijvoorbeeld "4000000.00".');
      return null;
    }
    const d = leesGetal(t);
    if (opts.maxDecimalen !== undefined && d.schaal > opts.maxDecimalen) {
      fout(
        waar,
        `"${String(v)}" heeft meer dan ${opts.maxDecimalen} decimalen`,
        'Geef een bedrag in euro op de cent, bijvoorbeeld "1250.50".',
      );
      return null;
    }
    if (opts.max && vergelijk(d, opts.max) > 0) {
      fout(waar, `"${String(v)}" is hoger dan ${opts.max.tekst}`, `Gebruik hoogstens ${opts.max.tekst}.`);
      return null;
    }
    return d;
  };
  const HONDERD = leesGetal('100');
  const NUL = leesGetal('0');
  const BEDRAG = { maxDecimalen: 2 };
  /** an amount in euros (two decimals at most) as cents */
  const bedrag = (v: unknown, waar: string, opts: { verplicht: boolean; standaard?: Getal }): bigint | null => {
    const g = getal(v, waar, { ...opts, ...BEDRAG });
    return g ? centen(g.tekst) : null;
  };

  if (!isObject(json)) {
    return {
      scenario: null,
      fouten: [
        { waar: '(scenario)', wat: 'het scenario is geen JSON-object', actie: 'Zie docs/formaten/verdeling.md.' },
      ],
    };
  }
  const s = json as Record<string, unknown>;

  let model: VerdelingsModel = 'Q';
  if (typeof s.model !== 'string' || !MODELLEN.includes(s.model as VerdelingsModel))
    fout(
      'model',
      s.model === undefined ? 'ontbreekt' : `onbekend model ${JSON.stringify(s.model)}`,
      'Kies "Q", "P" of "toekenning".',
    );
  else model = s.model as VerdelingsModel;

  let jaar = 0;
  if (typeof s.jaar !== 'number' || !Number.isInteger(s.jaar) || s.jaar < 2000 || s.jaar > 2100)
    fout(
      'jaar',
      s.jaar === undefined ? 'ontbreekt' : `${JSON.stringify(s.jaar)} is geen jaartal`,
      'Bijvoorbeeld 2027 (een getal).',
    );
  else jaar = s.jaar;

  let regio = '';
  if (typeof s.regio !== 'string' || !s.regio.trim())
    fout('regio', 'ontbreekt of is leeg', 'Geef de regio (zorgkantoorregio), bijvoorbeeld "5527".');
  else regio = s.regio.trim();

  const contracteerruimte = bedrag(s.contracteerruimte, 'contracteerruimte', { verplicht: true });
  const reserve = bedrag(s.reserve, 'reserve', { verplicht: false, standaard: NUL });
  if (contracteerruimte !== null && reserve !== null && reserve > contracteerruimte)
    fout(
      'reserve',
      'de reserve is groter dan de contracteerruimte',
      'Kies een reserve van hoogstens de contracteerruimte.',
    );
  if (model === 'P' && reserve !== null && reserve !== 0n)
    fout(
      'reserve',
      'model P zet geen deel van de contracteerruimte apart',
      'Laat de reserve weg of zet haar op "0.00"; kies model Q voor een reserve.',
    );

  const vloerPercentage =
    model === 'Q'
      ? getal(s.vloerPercentage, 'vloerPercentage', { verplicht: false, max: HONDERD, standaard: leesGetal('90') })
      : leesGetal('90');
  let bijTekort: BijTekort = 'melden';
  if (model === 'Q' && s.bijTekort !== undefined) {
    if (s.bijTekort !== 'melden' && s.bijTekort !== 'prorata')
      fout('bijTekort', `onbekende keuze ${JSON.stringify(s.bijTekort)}`, 'Kies "melden" of "prorata".');
    else bijTekort = s.bijTekort;
  }
  const toekenningspercentage =
    model === 'toekenning'
      ? getal(s.toekenningspercentage, 'toekenningspercentage', { verplicht: true, max: HONDERD })
      : NUL;
  const startPercentage =
    model === 'P' ? getal(s.startPercentage, 'startPercentage', { verplicht: true, max: HONDERD }) : NUL;

  const prijsTrappen: { vanafScore: Getal; percentage: Getal }[] = [];
  if (model === 'P' && s.prijsTrappen !== undefined) {
    if (!Array.isArray(s.prijsTrappen))
      fout('prijsTrappen', 'is geen lijst', 'Geef een lijst als [{"vanafScore": "6", "percentage": "93"}].');
    else {
      s.prijsTrappen.forEach((t, i) => {
        const waar = `prijsTrappen[${i}]`;
        if (!isObject(t)) return void fout(waar, 'is geen object', 'Geef {"vanafScore": "6", "percentage": "93"}.');
        const vanaf = getal(t.vanafScore, `${waar}.vanafScore`, { verplicht: true });
        const p = getal(t.percentage, `${waar}.percentage`, { verplicht: true, max: HONDERD });
        if (vanaf && p) {
          if (startPercentage && vergelijk(p, startPercentage) < 0)
            fout(
              `${waar}.percentage`,
              `${p.tekst} is lager dan het startpercentage ${startPercentage.tekst}`,
              'Een prijstrap verhoogt de prijs: kies een percentage van minstens het startpercentage.',
            );
          if (prijsTrappen.some((x) => vergelijk(x.vanafScore, vanaf) === 0))
            fout(`${waar}.vanafScore`, `score ${vanaf.tekst} komt twee keer voor`, 'Geef elke trap een eigen score.');
          prijsTrappen.push({ vanafScore: vanaf, percentage: p });
        }
      });
      prijsTrappen.sort((a, b) => vergelijk(a.vanafScore, b.vanafScore));
      for (let i = 1; i < prijsTrappen.length; i++)
        if (vergelijk(prijsTrappen[i].percentage, prijsTrappen[i - 1].percentage) < 0)
          fout(
            'prijsTrappen',
            `de trap vanaf score ${prijsTrappen[i].vanafScore.tekst} geeft een lager percentage dan de trap vanaf score ${prijsTrappen[i - 1].vanafScore.tekst}`,
            'Een hogere score mag nooit een lagere prijs geven: laat de percentages meestijgen met de score.',
          );
    }
  }

  const EEN = leesGetal('1');
  const populariteitFactor =
    model === 'Q'
      ? getal(s.populariteitFactor, 'populariteitFactor', { verplicht: false, max: EEN, standaard: NUL })
      : NUL;

  const aanbieders: GeldigeAanbieder[] = [];
  if (!Array.isArray(s.aanbieders) || s.aanbieders.length === 0)
    fout(
      'aanbieders',
      s.aanbieders === undefined ? 'ontbreekt' : 'is geen lijst met minstens één aanbieder',
      'Geef een lijst van aanbieders.',
    );
  else {
    const gezien = new Map<string, number>();
    s.aanbieders.forEach((a, i) => {
      const waar = `aanbieders[${i}]`;
      if (!isObject(a))
        return void fout(waar, 'is geen object', 'Geef {"id": "A", "realisatieVorigJaar": "…", "score": "…"}.');
      let id = '';
      if (typeof a.id !== 'string' || !a.id.trim())
        fout(`${waar}.id`, 'ontbreekt of is leeg', 'Geef elke aanbieder een id.');
      else {
        id = a.id.trim();
        const eerder = gezien.get(id);
        if (eerder !== undefined)
          fout(`${waar}.id`, `"${id}" komt ook voor bij aanbieders[${eerder}]`, 'Geef elke aanbieder een eigen id.');
        else gezien.set(id, i);
      }
      const realisatie = bedrag(a.realisatieVorigJaar, `${waar}.realisatieVorigJaar`, {
        verplicht: model !== 'P',
        standaard: NUL,
      });
      const score = getal(a.score, `${waar}.score`, { verplicht: model !== 'toekenning', standaard: NUL });
      const plafond = model === 'P' ? null : bedrag(a.plafond, `${waar}.plafond`, { verplicht: false });
      const prestaties: GeldigePrestatie[] = [];
      if (model === 'P') {
        if (!Array.isArray(a.prestaties))
          fout(
            `${waar}.prestaties`,
            a.prestaties === undefined ? 'ontbreekt' : 'is geen lijst',
            'Geef de verwachte volumes: [{"code": "VV5", "maxTarief": "150.00", "volume": "2000"}].',
          );
        else
          a.prestaties.forEach((p, j) => {
            const w = `${waar}.prestaties[${j}]`;
            if (!isObject(p))
              return void fout(w, 'is geen object', 'Geef {"code": "VV5", "maxTarief": "150.00", "volume": "2000"}.');
            if (typeof p.code !== 'string' || !p.code.trim())
              fout(`${w}.code`, 'ontbreekt of is leeg', 'Geef de prestatiecode, bijv. "VV5".');
            const maxTarief = getal(p.maxTarief, `${w}.maxTarief`, { verplicht: true });
            const volume = getal(p.volume, `${w}.volume`, { verplicht: true });
            if (maxTarief && volume && typeof p.code === 'string')
              prestaties.push({ code: p.code.trim(), maxTarief, volume });
          });
      }
      const populariteit =
        model === 'Q' ? getal(a.populariteit, `${waar}.populariteit`, { verplicht: false, standaard: NUL }) : NUL;
      if (id && realisatie !== null && score && populariteit)
        aanbieders.push({ id, index: i, realisatie, score, plafond, prestaties, populariteit });
    });
  }

  if (fouten.length) return { scenario: null, fouten };
  return {
    scenario: {
      model,
      jaar,
      regio,
      contracteerruimte: contracteerruimte!,
      reserve: reserve!,
      vloerPercentage: vloerPercentage!,
      bijTekort,
      toekenningspercentage: toekenningspercentage!,
      startPercentage: startPercentage!,
      prijsTrappen,
      aanbieders,
      populariteitFactor: populariteitFactor!,
    },
    fouten: [],
  };
}

/** Type guard for callers that received a validated JSON document. */
export function isVerdelingScenario(json: unknown): json is VerdelingScenario {
  return valideerScenarioInvoer(json).fouten.length === 0;
}
