/**
 * NZa maximum tariffs per prestatie per year, imported from a CSV file (format:
 * docs/formaten/nza-tarieven.md). An import is one transaction: a file with any error imports
 * nothing and every error is reported with file, line, column and reason. A file marked as
 * example figures (voorbeeld) is stored with voorbeeld = true and always shown as
 * "voorbeeldcijfers" — never as NZa data.
 */
import crypto from 'node:crypto';
import type { Queryable } from '../platform/db/index.ts';
import type { AppContext } from '../platform/context.ts';
import type { Actor } from '../platform/auth/roles.ts';
import { appendAudit, SYSTEEM } from '../platform/audit.ts';
import { auditActor } from '../platform/audit.ts';
import { AppError, type Fout } from '../platform/errors.ts';
import * as store from './store.ts';
import { Decimal } from '../domain/money.ts';

export const VOORBEELD_LABEL = 'voorbeeldcijfers';

export interface NzaTariefRegel {
  prestatie: string;
  jaar: number;
  tarief: string;
  nhc: string | null;
  nic: string | null;
  regel: number;
}
export interface ParseResultaat {
  regels: NzaTariefRegel[];
  fouten: Fout[];
  gemarkeerdAlsVoorbeeld: boolean;
}

const VERPLICHT = ['prestatie', 'jaar', 'tarief'] as const;
const OPTIONEEL = ['nhc', 'nic'] as const;
/** Columns for people reading the file; accepted and ignored. */
const TOELICHTING = ['omschrijving', 'eenheid', 'opmerking', 'label', 'bron'];
const MAX_FOUTEN = 500;
const BEDRAG_RE = /^\d{1,10}([.,]\d{1,2})?$/;

/** Splits one CSV line; double quotes around a field allow the separator inside it. */
function splitLine(line: string, sep: string): string[] | null {
  const out: string[] = [];
  let cur = '';
  let inQ = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (inQ) {
      if (ch === '"') {
        if (line[i + 1] === '"') {
          cur += '"';
          i++;
        } else inQ = false;
      } else cur += ch;
    } else if (ch === '"' && cur.trim() === '') {
      inQ = true;
      cur = '';
    } else if (ch === sep) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (inQ) return null;
  out.push(cur);
  return out.map((s) => s.trim());
}

/** Decodes bytes strictly as UTF-8 (a BOM is allowed); throws a Fout-carrying AppError otherwise. */
export function decodeUtf8(bestandsnaam: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new AppError(
      422,
      'bestand-ongeldig',
      `${bestandsnaam} is geen UTF-8-tekstbestand; er is niets geïmporteerd.`,
      {
        fouten: [
          {
            waar: `${bestandsnaam}:1:1`,
            wat: 'het bestand is geen geldige UTF-8-tekst',
            actie: 'Sla het bestand op als "CSV UTF-8" en probeer opnieuw.',
          },
        ],
      },
    );
  }
}

/**
 * Parses and checks a tariff file against the prestatie catalogue and the expected year. Pure:
 * collects every error instead of stopping at the first.
 */
export function parseNzaCsv(
  bestandsnaam: string,
  inhoud: string,
  jaar: number,
  bekendePrestaties: ReadonlySet<string>,
): ParseResultaat {
  const fouten: Fout[] = [];
  const regels: NzaTariefRegel[] = [];
  const fout = (regel: number, kolom: number, wat: string, actie?: string) => {
    if (fouten.length < MAX_FOUTEN) fouten.push({ waar: `${bestandsnaam}:${regel}:${kolom}`, wat, actie });
  };
  const tekst = inhoud.replace(/^\uFEFF/, '');
  const lines = tekst.split(/\r\n|\n|\r/);
  let gemarkeerdAlsVoorbeeld = /VOORBEELD/i.test(bestandsnaam);
  let header: string[] | null = null;
  let sep = ';';
  const idx: Record<string, number> = {};
  const gezien = new Map<string, number>();
  for (let i = 0; i < lines.length; i++) {
    const nr = i + 1;
    const raw = lines[i];
    if (raw.trim() === '') continue;
    if (raw.trimStart().startsWith('#')) {
      if (/VOORBEELD/i.test(raw)) gemarkeerdAlsVoorbeeld = true;
      continue;
    }
    if (!header) {
      sep = raw.includes(';') ? ';' : raw.includes('\t') ? '\t' : ',';
      const cols = splitLine(raw, sep) ?? [];
      header = cols.map((c) => c.toLowerCase());
      header.forEach((c, k) => {
        if (c in idx) fout(nr, k + 1, `kolom "${c}" staat twee keer in de kopregel`, 'Verwijder de dubbele kolom.');
        else if ([...VERPLICHT, ...OPTIONEEL, ...TOELICHTING].includes(c)) idx[c] = k;
        else
          fout(
            nr,
            k + 1,
            `onbekende kolom "${cols[k]}"`,
            `Toegestane kolommen: ${[...VERPLICHT, ...OPTIONEEL, ...TOELICHTING].join(', ')}.`,
          );
      });
      for (const v of VERPLICHT) {
        if (!(v in idx))
          fout(
            nr,
            header.length + 1,
            `verplichte kolom "${v}" ontbreekt in de kopregel`,
            `De kopregel moet minstens ${VERPLICHT.join(sep)} bevatten (zie docs/formaten/nza-tarieven.md).`,
          );
      }
      if (VERPLICHT.some((v) => !(v in idx))) break;
      continue;
    }
    const cells = splitLine(raw, sep);
    if (!cells) {
      fout(nr, 1, 'een aanhalingsteken wordt niet gesloten', 'Sluit elk veld dat met " begint ook af met ".');
      continue;
    }
    if (cells.length !== header.length) {
      fout(
        nr,
        Math.min(cells.length, header.length) + 1,
        `${cells.length} kolommen, de kopregel heeft er ${header.length}`,
        `Gebruik "${sep}" als scheidingsteken en precies ${header.length} velden per regel.`,
      );
      continue;
    }
    if (idx.label !== undefined && /VOORBEELD/i.test(cells[idx.label])) gemarkeerdAlsVoorbeeld = true;
    if (idx.bron !== undefined && /VOORBEELD/i.test(cells[idx.bron])) gemarkeerdAlsVoorbeeld = true;
    let ok = true;
    const code = cells[idx.prestatie];
    if (!code) {
      fout(nr, idx.prestatie + 1, 'prestatie is leeg', 'Vul een prestatiecode in, bijv. VV-Z754-B.');
      ok = false;
    } else if (!bekendePrestaties.has(code)) {
      fout(
        nr,
        idx.prestatie + 1,
        `onbekende prestatie "${code}"`,
        'Gebruik een code uit de prestatiecatalogus (GET /api/v1/prestaties of docs/formaten/prestaties.md).',
      );
      ok = false;
    } else if (gezien.has(code)) {
      fout(
        nr,
        idx.prestatie + 1,
        `prestatie "${code}" staat dubbel (ook op regel ${gezien.get(code)})`,
        'Houd één regel per prestatie per jaar.',
      );
      ok = false;
    } else gezien.set(code, nr);
    const jaarTekst = cells[idx.jaar];
    if (!/^\d{4}$/.test(jaarTekst)) {
      fout(nr, idx.jaar + 1, `jaar "${jaarTekst}" is geen jaartal`, `Vul ${jaar} in.`);
      ok = false;
    } else if (Number(jaarTekst) !== jaar) {
      fout(
        nr,
        idx.jaar + 1,
        `jaar ${jaarTekst} hoort niet bij deze import voor ${jaar}`,
        `Importeer één jaar per bestand; corrigeer de regel of kies --jaar ${jaarTekst}.`,
      );
      ok = false;
    }
    const bedrag = (kolom: string, verplicht: boolean): string | null | undefined => {
      const k = idx[kolom];
      if (k === undefined) return null;
      const v = cells[k];
      if (v === '') {
        if (verplicht) {
          fout(nr, k + 1, `${kolom} is leeg`, "Vul een bedrag in euro's in, bijv. 123,45.");
          return undefined;
        }
        return null;
      }
      if (!BEDRAG_RE.test(v) || (sep === ',' && v.includes(','))) {
        fout(
          nr,
          k + 1,
          `${kolom} "${v}" is geen geldig bedrag`,
          "Gebruik een bedrag in euro's zonder €-teken of duizendtallen, met hoogstens twee decimalen: 123,45 of 123.45.",
        );
        return undefined;
      }
      return new Decimal(v.replace(',', '.')).toFixed(2);
    };
    const tarief = bedrag('tarief', true);
    const nhc = bedrag('nhc', false);
    const nic = bedrag('nic', false);
    if (tarief === undefined || nhc === undefined || nic === undefined) ok = false;
    if (ok) regels.push({ prestatie: code, jaar, tarief: tarief!, nhc: nhc ?? null, nic: nic ?? null, regel: nr });
  }
  if (!header)
    fout(1, 1, 'het bestand heeft geen kopregel', `Begin met de kopregel ${[...VERPLICHT, ...OPTIONEEL].join(';')}.`);
  else if (!regels.length && !fouten.length)
    fout(lines.length, 1, 'het bestand bevat geen tariefregels', 'Voeg per prestatie één regel toe.');
  return { regels, fouten, gemarkeerdAlsVoorbeeld };
}

export interface ImportInvoer {
  bestandsnaam: string;
  inhoud: string | Uint8Array;
  jaar: number;
  voorbeeld: boolean;
}
export interface ImportResultaat {
  importId: string;
  bestandsnaam: string;
  sha256: string;
  jaar: number;
  regels: number;
  voorbeeld: boolean;
  label: string | null;
  bron: string;
  vervangen: number;
}

/** Imports inside the caller's transaction (used by the demo loader); see importNzaTarieven. */
export async function importNzaTarievenIn(
  t: Queryable,
  actor: Actor | null,
  invoer: ImportInvoer,
): Promise<ImportResultaat> {
  const { bestandsnaam, jaar, voorbeeld } = invoer;
  if (!Number.isInteger(jaar) || jaar < 2000 || jaar > 2100) {
    throw new AppError(400, 'jaar-ongeldig', `Jaar ${jaar} is geen geldig tariefjaar.`, {
      actie: 'Geef het jaar op met --jaar, bijv. --jaar 2024.',
    });
  }
  const bytes = typeof invoer.inhoud === 'string' ? Buffer.from(invoer.inhoud, 'utf8') : invoer.inhoud;
  const tekst = typeof invoer.inhoud === 'string' ? invoer.inhoud : decodeUtf8(bestandsnaam, invoer.inhoud);
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  const bekend = new Set(await store.prestatieCodes(t));
  const p = parseNzaCsv(bestandsnaam, tekst, jaar, bekend);
  if (p.gemarkeerdAlsVoorbeeld && !voorbeeld) {
    p.fouten.unshift({
      waar: `${bestandsnaam}:1:1`,
      wat: 'dit bestand is gemarkeerd als VOORBEELD (voorbeeldcijfers), maar wordt geïmporteerd als echte tarieven',
      actie: 'Importeer het met --voorbeeld (API: "voorbeeld": true), of gebruik het echte tarievenbestand.',
    });
  }
  if (p.fouten.length) {
    throw new AppError(
      422,
      'tarievenbestand-ongeldig',
      `${bestandsnaam}: ${p.fouten.length >= MAX_FOUTEN ? `${MAX_FOUTEN} of meer` : p.fouten.length} fout(en); er is niets geïmporteerd.`,
      { fouten: p.fouten, actie: 'Herstel de genoemde regels en importeer het hele bestand opnieuw.' },
    );
  }
  const bron = voorbeeld
    ? `VOORBEELDCIJFERS uit ${bestandsnaam}: verzonnen bedragen voor demo en test, geen NZa-tarieven`
    : `Geïmporteerd uit ${bestandsnaam} (sha256 ${sha256.slice(0, 12)}…)${actor ? ` door ${actor.naam}, ${actor.organisatieNaam}` : ''}`;
  const imp = {
    id: await store.nzaImportOpslaan(t, {
      bestandsnaam,
      sha256,
      jaar,
      regels: p.regels.length,
      voorbeeld,
      bron,
      gebruikerId: actor?.gebruikerId ?? null,
    }),
  };
  // A new file for a year replaces that year's tariffs as a whole.
  const vervangen = await store.nzaTarievenVervangen(
    t,
    jaar,
    imp.id,
    p.regels.map((r) => ({ prestatie: r.prestatie, tarief: r.tarief, nhc: r.nhc, nic: r.nic })),
  );
  const resultaat: ImportResultaat = {
    importId: imp.id,
    bestandsnaam,
    sha256,
    jaar,
    regels: p.regels.length,
    voorbeeld,
    label: voorbeeld ? VOORBEELD_LABEL : null,
    bron,
    vervangen,
  };
  await appendAudit(t, actor ? auditActor(actor) : SYSTEEM, {
    actie: 'nza-tarieven.geimporteerd',
    onderwerpType: 'nza_tarief_import',
    onderwerpId: imp.id,
    invoer: { bestandsnaam, sha256, jaar, voorbeeld },
    resultaat: { regels: p.regels.length, vervangen },
    regel:
      'Een tarievenbestand wordt in zijn geheel geïmporteerd of helemaal niet; een nieuw bestand vervangt de tarieven van dat jaar.',
  });
  return resultaat;
}

/** Imports one tariff file in ONE transaction: all lines or nothing. Audited. */
export function importNzaTarieven(
  ctx: AppContext,
  actor: Actor | null,
  invoer: ImportInvoer,
): Promise<ImportResultaat> {
  return ctx.db.tx((t) => importNzaTarievenIn(t, actor, invoer));
}

export interface NzaTariefLijst {
  jaar: number;
  voorbeeld: boolean;
  label: string | null;
  bron: string | null;
  import: {
    id: string;
    bestandsnaam: string;
    sha256: string;
    regels: number;
    voorbeeld: boolean;
    geimporteerdOp: string;
  } | null;
  tarieven: {
    prestatie: string;
    omschrijving: string;
    soort: string;
    sector: string | null;
    eenheid: string;
    tarief: string;
    nhc: string | null;
    nic: string | null;
    voorbeeld: boolean;
  }[];
}

export async function lijstNzaTarieven(q: Queryable, jaar: number): Promise<NzaTariefLijst> {
  const rows = await store.nzaTarieven(q, jaar);
  const imp = await store.nzaImportVanJaar(q, jaar);
  const voorbeeld = rows.some((r) => r.voorbeeld) || !!imp?.voorbeeld;
  return {
    jaar,
    voorbeeld,
    label: voorbeeld ? VOORBEELD_LABEL : null,
    bron: imp?.bron ?? null,
    import: imp
      ? {
          id: imp.id,
          bestandsnaam: imp.bestandsnaam,
          sha256: imp.sha256,
          regels: imp.regels,
          voorbeeld: imp.voorbeeld,
          geimporteerdOp: new Date(imp.geimporteerd_op).toISOString(),
        }
      : null,
    tarieven: rows.map((r) => ({
      prestatie: r.prestatie_code,
      omschrijving: r.omschrijving,
      soort: r.soort,
      sector: r.sector,
      eenheid: r.eenheid,
      tarief: r.tarief,
      nhc: r.nhc,
      nic: r.nic,
      voorbeeld: r.voorbeeld,
    })),
  };
}
