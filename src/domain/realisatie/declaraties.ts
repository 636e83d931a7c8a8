/**
 * Declaration file (CSV) parsing, streaming: bytes in, batches of checked lines out, memory bounded
 * by the batch size and the longest line — never by the file. Format: docs/formaten/declaraties.md.
 *
 * What is checked here (per line, without a database): UTF-8 (a BOM is fine), the delimiter (from
 * the header: `;`, `,` or tab), the header columns, field count, quoting, client present, period a
 * month inside the import year, quantity a positive number, amount a non-negative amount with at
 * most two decimals, and — when the caller passes the catalogue — a known prestatie. What needs the
 * database (provider, agreement, price, region, duplicates over the whole file) is checked in SQL by
 * the import (src/realisatie/store.ts), so no per-file set grows in memory.
 *
 * Pure: no I/O of its own; the caller hands an async iterable of byte chunks.
 */

export const VERPLICHTE_KOLOMMEN = ['client', 'aanbieder', 'prestatie', 'periode', 'aantal', 'bedrag'] as const;
export const OPTIONELE_KOLOMMEN = ['regio'] as const;
export type Kolom = (typeof VERPLICHTE_KOLOMMEN)[number] | (typeof OPTIONELE_KOLOMMEN)[number];

export const MAX_REGEL_LENGTE = 4000;

export interface DeclaratieRegel {
  regel: number;
  client: string;
  aanbieder: string;
  prestatie: string;
  regio: string | null;
  maand: number;
  /** decimal text with '.', e.g. "31" or "12.5" */
  aantal: string;
  /** amount text with two decimals, e.g. "4123.50" */
  bedrag: string;
}

export interface RegelFout {
  regel: number;
  veld: string;
  reden: string;
}

export interface Batch {
  regels: DeclaratieRegel[];
  fouten: RegelFout[];
  /** bytes consumed so far (for progress) */
  bytes: number;
}

/** A fault in the whole file (encoding, header): nothing can be read; names line and what to do. */
export class BestandsFout extends Error {
  constructor(
    readonly regel: number,
    readonly veld: string,
    message: string,
    readonly actie: string,
  ) {
    super(message);
  }
}

export interface ParseOpties {
  jaar: number;
  /** known prestatie codes; when given, unknown ones are refused per line */
  prestaties?: ReadonlySet<string>;
  batchGrootte?: number;
}

const SCHEIDINGSTEKENS = [';', ',', '\t'] as const;
const naamVan = (d: string) => (d === '\t' ? 'tab' : `"${d}"`);

/** Splits one CSV line (RFC 4180 quoting, no line breaks inside quotes). Returns null on bad quoting. */
export function splitsRegel(line: string, d: string): string[] | null {
  if (line.indexOf('"') === -1) return line.split(d);
  const out: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let v = '';
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q === -1) return null;
        v += line.slice(i, q);
        if (line[q + 1] === '"') {
          v += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      out.push(v);
      if (i === line.length) return out;
      if (line[i] !== d) return null;
      i++;
    } else {
      const n = line.indexOf(d, i);
      const v = n === -1 ? line.slice(i) : line.slice(i, n);
      if (v.includes('"')) return null;
      out.push(v);
      if (n === -1) return out;
      i = n + 1;
    }
  }
}

/** Reads the header: which delimiter, which column at which position. */
export function leesKop(line: string): { scheiding: string; kolommen: Map<Kolom, number> } {
  const pogingen: string[] = [];
  for (const d of SCHEIDINGSTEKENS) {
    const velden = splitsRegel(line, d);
    if (!velden || velden.length < VERPLICHTE_KOLOMMEN.length) continue;
    const namen = velden.map((v) => v.trim().toLowerCase());
    const kolommen = new Map<Kolom, number>();
    const onbekend: string[] = [];
    namen.forEach((n, i) => {
      if (
        (VERPLICHTE_KOLOMMEN as readonly string[]).includes(n) ||
        (OPTIONELE_KOLOMMEN as readonly string[]).includes(n)
      ) {
        if (kolommen.has(n as Kolom))
          throw new BestandsFout(
            1,
            n,
            `Kolom "${n}" staat twee keer in de kopregel.`,
            'Laat iedere kolom één keer voorkomen.',
          );
        kolommen.set(n as Kolom, i);
      } else onbekend.push(velden[i]);
    });
    const mist = VERPLICHTE_KOLOMMEN.filter((k) => !kolommen.has(k));
    if (mist.length === 0) {
      if (onbekend.length)
        throw new BestandsFout(
          1,
          onbekend[0],
          `Onbekende kolom(men) in de kopregel: ${onbekend.map((x) => `"${x}"`).join(', ')}.`,
          `Toegestaan: ${[...VERPLICHTE_KOLOMMEN, ...OPTIONELE_KOLOMMEN].join(', ')}.`,
        );
      return { scheiding: d, kolommen };
    }
    pogingen.push(`met ${naamVan(d)} ontbreekt ${mist.join(', ')}`);
  }
  throw new BestandsFout(
    1,
    '(kopregel)',
    `De kopregel is niet herkend: geen scheidingsteken (;, komma of tab) geeft de kolommen ${VERPLICHTE_KOLOMMEN.join(', ')}${pogingen.length ? ` (${pogingen.join('; ')})` : ''}.`,
    `Begin het bestand met de kopregel, bijv. ${VERPLICHTE_KOLOMMEN.join(';')}.`,
  );
}

const AANTAL_RE = /^-?\d{1,10}([.,]\d{1,2})?$/;
const BEDRAG_RE = /^-?\d{1,13}([.,]\d{1,2})?$/;
const PERIODE_RE = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;

function dagenIn(jaar: number, maand: number) {
  return new Date(Date.UTC(jaar, maand, 0)).getUTCDate();
}

const kolomIndexen = new WeakMap<Map<Kolom, number>, number[]>();
const VOLGORDE: Kolom[] = ['client', 'aanbieder', 'prestatie', 'periode', 'aantal', 'bedrag', 'regio'];

/** A field that needs no trimming and is 1..max characters long. */
const schoon = (x: string | undefined, max: number): x is string =>
  x !== undefined && x.length > 0 && x.length <= max && x.charCodeAt(0) > 32 && x.charCodeAt(x.length - 1) > 32;

/** digits{1,maxInt} optionally '.' digits{1,2}: -1 when not; else the index of '.' (or the length). */
function decimaalPunt(x: string, maxInt: number): number {
  let i = 0;
  while (i < x.length) {
    const c = x.charCodeAt(i);
    if (c < 48 || c > 57) break;
    i++;
  }
  if (i === 0 || i > maxInt) return -1;
  if (i === x.length) return i;
  if (x.charCodeAt(i) !== 46) return -1;
  const f = x.length - i - 1;
  if (f < 1 || f > 2) return -1;
  for (let k = i + 1; k < x.length; k++) {
    const c = x.charCodeAt(k);
    if (c < 48 || c > 57) return -1;
  }
  return i;
}

/**
 * The common line, checked with character codes and no allocation but the result: every field
 * plain, period JJJJ-MM in the year, quantity and amount with a decimal point and the amount already
 * in its normal form. Undefined when anything differs: leesRegel then checks the line in full (so
 * this decides nothing leesRegel would decide otherwise; the tests compare both).
 */
export function gewoneRegel(
  velden: string[],
  regel: number,
  kolommen: Map<Kolom, number>,
  opties: ParseOpties,
): DeclaratieRegel | undefined {
  let ix = kolomIndexen.get(kolommen);
  if (!ix) kolomIndexen.set(kolommen, (ix = VOLGORDE.map((k) => kolommen.get(k) ?? -1)));
  const client = velden[ix[0]];
  const aanbieder = velden[ix[1]];
  const prestatie = velden[ix[2]];
  const periode = velden[ix[3]];
  const aantal = velden[ix[4]];
  const bedrag = velden[ix[5]];
  if (!schoon(client, 64) || !schoon(aanbieder, 100) || !schoon(prestatie, 100)) return undefined;
  if (opties.prestaties && !opties.prestaties.has(prestatie)) return undefined;
  let regio: string | null = null;
  if (ix[6] >= 0) {
    const r = velden[ix[6]];
    if (r === undefined || r === '') regio = null;
    else if (schoon(r, 100)) regio = r;
    else return undefined;
  }
  if (periode === undefined || periode.length !== 7 || periode.charCodeAt(4) !== 45) return undefined;
  let j = 0;
  for (let k = 0; k < 4; k++) {
    const c = periode.charCodeAt(k) - 48;
    if (c < 0 || c > 9) return undefined;
    j = j * 10 + c;
  }
  const m1 = periode.charCodeAt(5) - 48;
  const m2 = periode.charCodeAt(6) - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9) return undefined;
  const maand = m1 * 10 + m2;
  if (maand < 1 || maand > 12 || j !== opties.jaar) return undefined;
  if (aantal === undefined || decimaalPunt(aantal, 10) < 0) return undefined;
  let nul = true;
  for (let k = 0; k < aantal.length && nul; k++) {
    const c = aantal.charCodeAt(k);
    if (c > 48 && c <= 57) nul = false;
  }
  if (nul) return undefined;
  if (bedrag === undefined) return undefined;
  const p = decimaalPunt(bedrag, 13);
  // normal form: no leading zero (but "0.xx") and exactly two decimals
  if (p < 0 || bedrag.length !== p + 3 || (p > 1 && bedrag.charCodeAt(0) === 48)) return undefined;
  return { regel, client, aanbieder, prestatie, regio, maand, aantal, bedrag };
}

/** Checks one data line. Values of the client field never appear in a reason (personal data). */
export function leesRegel(
  velden: string[],
  regel: number,
  kolommen: Map<Kolom, number>,
  opties: ParseOpties,
): DeclaratieRegel | RegelFout[] {
  const fouten: RegelFout[] = [];
  const v = (k: Kolom) => {
    const i = kolommen.get(k);
    if (i === undefined) return '';
    const x = velden[i];
    // trim only when needed: most fields have no surrounding spaces
    return x === undefined ? '' : x.charCodeAt(0) <= 32 || x.charCodeAt(x.length - 1) <= 32 ? x.trim() : x;
  };
  const client = v('client');
  if (!client) fouten.push({ regel, veld: 'client', reden: 'ontbreekt' });
  else if (client.length > 64) fouten.push({ regel, veld: 'client', reden: 'langer dan 64 tekens' });
  const aanbieder = v('aanbieder');
  if (!aanbieder) fouten.push({ regel, veld: 'aanbieder', reden: 'ontbreekt' });
  else if (aanbieder.length > 100) fouten.push({ regel, veld: 'aanbieder', reden: 'langer dan 100 tekens' });
  const prestatie = v('prestatie');
  if (!prestatie) fouten.push({ regel, veld: 'prestatie', reden: 'ontbreekt' });
  else if (opties.prestaties && !opties.prestaties.has(prestatie))
    fouten.push({ regel, veld: 'prestatie', reden: `onbekende prestatie "${prestatie.slice(0, 40)}"` });
  const regio = kolommen.has('regio') ? v('regio') || null : null;

  let maand = 0;
  const periode = v('periode');
  const pm = PERIODE_RE.exec(periode);
  if (!periode) fouten.push({ regel, veld: 'periode', reden: 'ontbreekt' });
  else if (!pm)
    fouten.push({
      regel,
      veld: 'periode',
      reden: `"${periode.slice(0, 20)}" is geen maand (JJJJ-MM) of datum (JJJJ-MM-DD)`,
    });
  else {
    const j = Number(pm[1]);
    const m = Number(pm[2]);
    const d = pm[3] === undefined ? 1 : Number(pm[3]);
    if (m < 1 || m > 12 || (pm[3] !== undefined && (d < 1 || d > dagenIn(j, m))))
      fouten.push({ regel, veld: 'periode', reden: `"${periode}" bestaat niet` });
    else if (j !== opties.jaar)
      fouten.push({ regel, veld: 'periode', reden: `${periode} ligt buiten het jaar ${opties.jaar}` });
    else maand = m;
  }

  let aantal = v('aantal');
  if (!aantal) fouten.push({ regel, veld: 'aantal', reden: 'ontbreekt' });
  else if (!AANTAL_RE.test(aantal))
    fouten.push({ regel, veld: 'aantal', reden: `"${aantal.slice(0, 20)}" is geen getal (hoogstens twee decimalen)` });
  else if (aantal.startsWith('-'))
    fouten.push({
      regel,
      veld: 'aantal',
      reden: 'negatief aantal; corrigeer door een verbeterd bestand voor dezelfde periode te sturen',
    });
  else if (/^[0.,]+$/.test(aantal)) fouten.push({ regel, veld: 'aantal', reden: 'aantal is 0; laat de regel weg' });
  else aantal = aantal.replace(',', '.');

  let bedrag = v('bedrag');
  if (!bedrag) fouten.push({ regel, veld: 'bedrag', reden: 'ontbreekt' });
  else if (!BEDRAG_RE.test(bedrag))
    fouten.push({
      regel,
      veld: 'bedrag',
      reden: `"${bedrag.slice(0, 20)}" is geen bedrag (hoogstens twee decimalen, geen duizendtallen)`,
    });
  else if (bedrag.startsWith('-'))
    fouten.push({
      regel,
      veld: 'bedrag',
      reden: 'negatief bedrag; corrigeer door een verbeterd bestand voor dezelfde periode te sturen',
    });
  else {
    const [i, f = ''] = bedrag.replace(',', '.').split('.');
    bedrag = `${BigInt(i)}.${(f + '00').slice(0, 2)}`;
  }

  if (fouten.length) return fouten;
  return { regel, client, aanbieder, prestatie, regio, maand, aantal, bedrag };
}

/**
 * Streams a declaration file: yields batches of valid lines and line errors. Throws BestandsFout
 * for a fault in the whole file (not UTF-8, no header, unknown columns).
 */
export async function* parseDeclaraties(
  bron: AsyncIterable<Uint8Array | string>,
  opties: ParseOpties,
): AsyncGenerator<Batch> {
  const grootte = opties.batchGrootte ?? 10_000;
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let rest = '';
  let regelNr = 0;
  let bytes = 0;
  let kop: ReturnType<typeof leesKop> | null = null;
  let verwacht = 0;
  let batch: Batch = { regels: [], fouten: [], bytes: 0 };

  const verwerk = (line: string): void => {
    regelNr++;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (!kop) {
      if (line.trim() === '')
        throw new BestandsFout(
          regelNr,
          '(kopregel)',
          'Het bestand begint met een lege regel.',
          'Zet de kopregel op de eerste regel.',
        );
      kop = leesKop(line);
      verwacht = Math.max(...kop.kolommen.values()) + 1;
      return;
    }
    if (line.trim() === '') return;
    if (line.length > MAX_REGEL_LENGTE) {
      batch.fouten.push({ regel: regelNr, veld: '(regel)', reden: `regel langer dan ${MAX_REGEL_LENGTE} tekens` });
      return;
    }
    const velden = splitsRegel(line, kop.scheiding);
    if (!velden) {
      batch.fouten.push({
        regel: regelNr,
        veld: '(regel)',
        reden: 'aanhalingstekens kloppen niet (of een regeleinde binnen aanhalingstekens)',
      });
      return;
    }
    if (velden.length < verwacht) {
      batch.fouten.push({
        regel: regelNr,
        veld: '(regel)',
        reden: `${velden.length} velden, verwacht ${verwacht} (scheidingsteken ${naamVan(kop.scheiding)})`,
      });
      return;
    }
    const snel = gewoneRegel(velden, regelNr, kop.kolommen, opties);
    if (snel) {
      batch.regels.push(snel);
      return;
    }
    const r = leesRegel(velden, regelNr, kop.kolommen, opties);
    if (Array.isArray(r)) batch.fouten.push(...r);
    else batch.regels.push(r);
  };

  const decode = (chunk: Uint8Array | string, stream: boolean): string => {
    if (typeof chunk === 'string') return chunk;
    try {
      return decoder.decode(chunk, { stream });
    } catch {
      throw new BestandsFout(
        regelNr + 1 + (rest.match(/\n/g)?.length ?? 0),
        '(codering)',
        `Het bestand is geen geldige UTF-8 (rond regel ${regelNr + 1}).`,
        'Sla het bestand op als UTF-8 (in Excel: "CSV UTF-8"); Windows-1252/Latin-1 wordt niet gelezen.',
      );
    }
  };

  for await (const chunk of bron) {
    bytes += typeof chunk === 'string' ? chunk.length : chunk.byteLength;
    let text = rest + decode(chunk, true);
    if (regelNr === 0 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      if (nl === -1) break;
      verwerk(text.slice(start, nl));
      start = nl + 1;
      if (batch.regels.length + batch.fouten.length >= grootte) {
        batch.bytes = bytes;
        yield batch;
        batch = { regels: [], fouten: [], bytes };
      }
    }
    rest = text.slice(start);
    if (rest.length > MAX_REGEL_LENGTE * 4 && rest.indexOf('\n') === -1)
      throw new BestandsFout(
        regelNr + 1,
        '(regel)',
        `Regel ${regelNr + 1} is langer dan ${MAX_REGEL_LENGTE * 4} tekens zonder regeleinde.`,
        'Is dit wel een CSV-bestand met één declaratie per regel?',
      );
  }
  const slot = rest + decode(new Uint8Array(0), false);
  if (slot.length) verwerk(slot.charCodeAt(0) === 0xfeff && regelNr === 0 ? slot.slice(1) : slot);
  if (!kop)
    throw new BestandsFout(
      1,
      '(kopregel)',
      'Het bestand is leeg.',
      'Lever een CSV met een kopregel en declaratieregels.',
    );
  batch.bytes = bytes;
  yield batch;
}
