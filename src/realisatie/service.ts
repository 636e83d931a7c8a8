/**
 * Realisatie use cases. Herschikking scenarios are computed without a database: read → pure rule →
 * view. Errors say what, where (field) and what to do.
 */
import { AppError, badRequest, unprocessable } from '../platform/errors.ts';
import {
  alsJson,
  herschik,
  leesScenario,
  OnmogelijkeInvoer,
  type HerschikJson,
} from '../domain/realisatie/herschikking.ts';

/**
 * Where JSON text first goes wrong (0-based offset), for a line:column message; Node's JSON.parse
 * does not always say. A small scanner of the JSON grammar; undefined when the text is valid.
 */
export function jsonFoutPositie(t: string): number | undefined {
  let i = 0;
  const ws = () => {
    while (i < t.length && ' \t\n\r'.includes(t[i])) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const lit = (w: string) => {
    if (t.startsWith(w, i)) i += w.length;
    else fail();
  };
  const str = () => {
    i++;
    while (i < t.length && t[i] !== '"') {
      if (t[i] === '\\') i++;
      else if (t.charCodeAt(i) < 0x20) fail();
      i++;
    }
    if (i >= t.length) fail();
    i++;
  };
  const num = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(t.slice(i, i + 400));
    if (!m) fail();
    i += m![0].length;
  };
  const value = (): void => {
    ws();
    const c = t[i];
    if (c === '{') {
      i++;
      ws();
      if (t[i] === '}') return void i++;
      for (;;) {
        ws();
        if (t[i] !== '"') fail();
        str();
        ws();
        if (t[i] !== ':') fail();
        i++;
        value();
        ws();
        if (t[i] === ',') i++;
        else if (t[i] === '}') return void i++;
        else fail();
      }
    } else if (c === '[') {
      i++;
      ws();
      if (t[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (t[i] === ',') i++;
        else if (t[i] === ']') return void i++;
        else fail();
      }
    } else if (c === '"') str();
    else if (c === 't') lit('true');
    else if (c === 'f') lit('false');
    else if (c === 'n') lit('null');
    else num();
  };
  try {
    value();
    ws();
    if (i < t.length) fail();
    return undefined;
  } catch (e) {
    if (typeof e === 'number') return Math.min(e, t.length);
    throw e;
  }
}

/** Parses the text of a scenario file; a bad file is a 400 naming the line and column. */
export function leesScenarioTekst(tekst: string, bestand = 'scenario'): unknown {
  const t = tekst.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(t);
  } catch (e) {
    const pos = jsonFoutPositie(t);
    let waar = bestand;
    if (pos !== undefined) {
      const voor = t.slice(0, pos).split('\n');
      waar = `${bestand}:${voor.length}:${voor[voor.length - 1].length + 1}`;
    }
    throw badRequest('scenario-geen-json', `${bestand} is geen geldige JSON.`, {
      fouten: [{ waar, wat: (e as Error).message }],
      actie: 'Controleer komma’s, aanhalingstekens en haakjes (zie docs/formaten/herschikking.md).',
    });
  }
}

/**
 * Computes a herschikking scenario. 400 `scenario-ongeldig` for a field error (CLI exit 2),
 * 422 `herschikking-onmogelijk` when the figures cannot be honoured (CLI exit 1).
 */
export function berekenHerschikking(raw: unknown): HerschikJson {
  const { scenario, fouten } = leesScenario(raw);
  if (!scenario)
    throw badRequest('scenario-ongeldig', 'Het herschikkingsscenario is ongeldig.', {
      fouten,
      actie: 'Zie docs/formaten/herschikking.md voor het formaat.',
    });
  try {
    return alsJson(herschik(scenario));
  } catch (e) {
    if (e instanceof OnmogelijkeInvoer)
      throw unprocessable('herschikking-onmogelijk', 'Deze herschikking is met deze cijfers niet uit te voeren.', {
        fouten: e.fouten,
      });
    throw e;
  }
}

export const isUsageError = (e: unknown) => e instanceof AppError && e.status === 400;
