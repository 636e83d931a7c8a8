/**
 * The iWlz 2.2 code lists (the enumerations of the Basisschema, ./xsd/codelists.csv), read once.
 * Return codes (LDT_RetourCode) come from here, with their official descriptions.
 */
import fs from 'node:fs';
import path from 'node:path';
import { XSD_DIR } from './berichten.ts';

let cache: Map<string, Map<string, string>> | undefined;

export function codelijsten(): Map<string, Map<string, string>> {
  if (cache) return cache;
  const m = new Map<string, Map<string, string>>();
  const lines = fs.readFileSync(path.join(XSD_DIR, 'codelists.csv'), 'utf8').split(/\r?\n/).slice(1);
  for (const line of lines) {
    if (!line.trim()) continue;
    const [lijst, code, ...rest] = line.split(';');
    if (!m.has(lijst)) m.set(lijst, new Map());
    m.get(lijst)!.set(code, rest.join(';'));
  }
  cache = m;
  return m;
}

/** Description of a code in a list (e.g. `omschrijving('LDT_Leveringsstatus', '6')` = "Urgent plaatsen"). */
export function omschrijving(lijst: string, code: string): string | undefined {
  return codelijsten().get(lijst)?.get(code);
}

export function codes(lijst: string): string[] {
  return [...(codelijsten().get(lijst)?.keys() ?? [])];
}

/**
 * The return codes this product gives, each an entry of LDT_RetourCode (COD954 in the code list).
 * Where the code list has no code for a situation, the choice is the product's and says why.
 */
export const RETOURCODE = {
  /** "Bericht is afgekeurd om technische redenen." — not well-formed, not schema-valid, too large, DTD. */
  TECHNISCH: '0001',
  /** "Geen opmerking over deze berichtklasse." */
  GOED: '0200',
  /** "Berichtklasse is niet beoordeeld." — children of a class that was refused. */
  NIET_BEOORDEELD: '0233',
  /**
   * "Client kan niet geidentificeerd worden." — the BSN is unknown to the zorgkantoor, and also
   * (product choice) when the client is known but has no toewijzing at the sending provider: the
   * code list has no separate code for "no toewijzing", and giving the same answer in both cases
   * keeps a provider from learning whether a BSN is a client of the zorgkantoor.
   */
  CLIENT_ONBEKEND: '0448',
  /** "STARTDATUM levering ontbreekt of is onjuist." — begindatum before the toewijzing or in the future. */
  STARTDATUM_ONJUIST: '0699',
  /** "MUTATIEDATUM ontbreekt of is onjuist." — mutatiedatum before the start of care or in the future. */
  MUTATIEDATUM_ONJUIST: '1156',
} as const;
export type Retourcode = (typeof RETOURCODE)[keyof typeof RETOURCODE];

export function retourcodeOmschrijving(code: string): string {
  return omschrijving('LDT_RetourCode', code) ?? `onbekende retourcode ${code}`;
}
