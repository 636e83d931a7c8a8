/**
 * iWlz XML as an ordered tree: writing (own small serializer, so element order is exactly the
 * order of the object's keys = the XSD sequence) and reading (fast-xml-parser, without DTDs or
 * entity expansion; only called on text that passed `valideerBericht`).
 *
 * Elements of a Basisschema complex type (CDT_*) have children in the Basisschema namespace
 * (elementFormDefault="qualified" in basisschema.xsd); the writer prefixes those with `iwlz:`.
 */
import { XMLParser } from 'fast-xml-parser';
import { BASIS_NAMESPACE } from './berichten.ts';

export type XmlWaarde = string | XmlKnoop | XmlKnoop[] | string[];
export interface XmlKnoop {
  [naam: string]: XmlWaarde | undefined;
}

/** Elements whose type is a Basisschema CDT_* (from the message XSDs): their descendants are in the iwlz namespace. */
const CDT_ELEMENTEN = new Set([
  'Adres',
  'BerichtIdentificatie',
  'BijzondereSituatie',
  'Communicatie',
  'Geboortedatum',
  'Grondslagen',
  'Naam',
  'Periode',
  'Telefoon',
  'Wzd',
  'XsdVersie',
  'XsdVersieRetour',
]);

/** Elements that may repeat (maxOccurs="unbounded") in the messages we handle; read as arrays. */
const HERHALEND = new Set([
  'Client',
  'Relatie',
  'Stoornis',
  'Beperking',
  'BeperkingScore',
  'GeindiceerdeFunctie',
  'StoornisScore',
  'ToegewezenFunctie',
  'GeindiceerdZorgzwaartepakket',
  'ToegewezenZorgzwaartepakket',
  'GeleverdeFunctie',
  'GeleverdZorgzwaartepakket',
  'MutatieFunctie',
  'MutatieZorgzwaartepakket',
  'Aanvraag',
  'AanvraagInstelling',
  'RetourCode',
]);

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Serialises `{ Header: {...}, Clienten: {...} }` as `<Bericht xmlns="namespace">…</Bericht>`. */
export function schrijfXml(namespace: string, bericht: XmlKnoop): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  out.push(`<Bericht xmlns="${namespace}" xmlns:iwlz="${BASIS_NAMESPACE}">\n`);
  const element = (naam: string, v: XmlWaarde, diepte: number, basis: boolean) => {
    const tag = basis ? `iwlz:${naam}` : naam;
    const inspring = '  '.repeat(diepte);
    if (typeof v === 'string') {
      out.push(`${inspring}<${tag}>${escapeText(v)}</${tag}>\n`);
      return;
    }
    if (Array.isArray(v)) {
      for (const x of v) element(naam, x, diepte, basis);
      return;
    }
    out.push(`${inspring}<${tag}>\n`);
    const kindBasis = basis || CDT_ELEMENTEN.has(naam);
    for (const [k, x] of Object.entries(v)) if (x !== undefined) element(k, x, diepte + 1, kindBasis);
    out.push(`${inspring}</${tag}>\n`);
  };
  for (const [k, v] of Object.entries(bericht)) if (v !== undefined) element(k, v, 1, false);
  out.push('</Bericht>\n');
  return out.join('');
}

const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // Only the five predefined XML entities and character references; documents with a DTD are
  // refused before they get here (valideerBericht), so no declared entity can be expanded.
  processEntities: true,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (naam) => HERHALEND.has(naam),
});

/** Reads a validated message into its tree: the children of the root element `Bericht`. */
export function leesXml(xml: string): XmlKnoop {
  const doc = parser.parse(xml) as XmlKnoop;
  const root = doc.Bericht;
  if (!root || typeof root !== 'object' || Array.isArray(root)) throw new Error('Geen Bericht-element');
  return root as XmlKnoop;
}

// ------------------------------------------------------------------ typed access to a tree

export function knoop(v: XmlWaarde | undefined): XmlKnoop | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
}
export function knopen(v: XmlWaarde | undefined): XmlKnoop[] {
  if (!v) return [];
  if (Array.isArray(v)) return v.filter((x): x is XmlKnoop => typeof x === 'object');
  return typeof v === 'object' ? [v] : [];
}
export function tekst(v: XmlWaarde | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
/** Removes undefined values so a tree compares equal after a round trip. */
export function compact<T extends XmlKnoop>(k: T): T {
  return Object.fromEntries(Object.entries(k).filter(([, v]) => v !== undefined)) as T;
}
