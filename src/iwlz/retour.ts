/**
 * Answers (retourberichten): IO32, AW34, AW36, AW310. An answer repeats the message it answers,
 * with RetourCodes (LDT_RetourCode) at the end of every berichtklasse the answer schema marks, and
 * in the header the identification and date of the answer. A class without remarks gets 0200
 * ("Geen opmerking over deze berichtklasse"); the classes inside a refused class get 0233
 * ("Berichtklasse is niet beoordeeld").
 */
import { BERICHTEN, XSD_VERSIE, type BerichtType } from './berichten.ts';
import { RETOURCODE } from './codelijsten.ts';
import { kopUitXml, type Berichtkop } from './kop.ts';
import { knoop, leesXml, schrijfXml, tekst, type XmlKnoop, type XmlWaarde } from './xml.ts';

export interface RetourKop {
  /** IdentificatieRetour, 1–12 characters */
  identificatieRetour: string;
  dagtekeningRetour: string;
}

/**
 * Codes for one berichtklasse (element name `klasse`) of the message; undefined = no remark.
 * `client` is the Client element the class belongs to (identity of the parsed tree).
 */
export type Beoordeling = (klasse: string, element: XmlKnoop, client: XmlKnoop | undefined) => string[] | undefined;

const NEUTRAAL: readonly string[] = [RETOURCODE.GOED, RETOURCODE.NIET_BEOORDEELD];

function retourHeader(heenType: BerichtType, header: XmlKnoop, kop: RetourKop, kopCodes?: string[]): XmlKnoop {
  const retour = BERICHTEN[heenType].retour!;
  const h: XmlKnoop = {};
  for (const [k, v] of Object.entries(header)) h[k] = k === 'BerichtCode' ? BERICHTEN[retour].berichtCode : v;
  h.IdentificatieRetour = kop.identificatieRetour;
  h.DagtekeningRetour = kop.dagtekeningRetour;
  h.XsdVersieRetour = { ...XSD_VERSIE };
  if (kopCodes?.length) h.RetourCodes = { RetourCode: kopCodes };
  return h;
}

/** The answer to a message that was read (its tree from leesXml), with codes from `beoordeel`. */
export function bouwRetour(
  heenType: BerichtType,
  heen: XmlKnoop,
  kop: RetourKop,
  beoordeel: Beoordeling = () => undefined,
  kopCodes?: string[],
): string {
  const retour = BERICHTEN[heenType].retour;
  if (!retour) throw new Error(`${heenType} heeft geen retourbericht`);
  const klassen = new Set(BERICHTEN[retour].retourKlassen);

  const annoteer = (naam: string, el: XmlKnoop, ouderAfgekeurd: boolean, client: XmlKnoop | undefined): XmlKnoop => {
    const isKlasse = klassen.has(naam);
    const eigenClient = naam === 'Client' ? el : client;
    let codes: string[] | undefined;
    let afgekeurd = ouderAfgekeurd;
    if (isKlasse) {
      codes = ouderAfgekeurd ? [RETOURCODE.NIET_BEOORDEELD] : (beoordeel(naam, el, eigenClient) ?? [RETOURCODE.GOED]);
      if (!codes.length) codes = [RETOURCODE.GOED];
      afgekeurd = ouderAfgekeurd || codes.some((c) => !NEUTRAAL.includes(c));
    }
    const uit: XmlKnoop = {};
    for (const [k, v] of Object.entries(el)) uit[k] = kind(k, v, afgekeurd, eigenClient);
    if (isKlasse) uit.RetourCodes = { RetourCode: codes! };
    return uit;
  };
  const kind = (
    naam: string,
    v: XmlWaarde | undefined,
    afgekeurd: boolean,
    client: XmlKnoop | undefined,
  ): XmlWaarde | undefined => {
    if (v === undefined || typeof v === 'string') return v;
    if (Array.isArray(v))
      return (v as (string | XmlKnoop)[]).map((x) =>
        typeof x === 'string' ? x : annoteer(naam, x, afgekeurd, client),
      ) as string[] | XmlKnoop[];
    return annoteer(naam, v, afgekeurd, client);
  };

  const header = knoop(heen.Header) ?? {};
  const clienten = knoop(heen.Clienten);
  return schrijfXml(BERICHTEN[retour].namespace, {
    Header: retourHeader(heenType, header, kop, kopCodes),
    Clienten: clienten ? annoteer('Clienten', clienten, false, undefined) : undefined,
  });
}

/**
 * The answer to a message refused as a whole (technical reasons, 0001): only the header, taken
 * from the refused message where it can be read.
 */
export function bouwAfkeuring(heenType: BerichtType, heenHeader: XmlKnoop, kop: RetourKop): string {
  const retour = BERICHTEN[heenType].retour!;
  return schrijfXml(BERICHTEN[retour].namespace, {
    Header: retourHeader(heenType, heenHeader, kop, [RETOURCODE.TECHNISCH]),
  });
}

export interface GelezenRetour {
  kop: Berichtkop & { identificatieRetour: string; dagtekeningRetour: string };
  kopCodes: string[];
  /** every berichtklasse with its codes, by path, e.g. "Client[0]/GeleverdZorgzwaartepakket[0]" */
  klassen: { pad: string; klasse: string; codes: string[] }[];
}

/** Reads an answer (IO32, AW34, AW36, AW310) that passed valideerBericht. */
export function leesRetour(xml: string): GelezenRetour {
  const b = leesXml(xml);
  const h = knoop(b.Header) ?? {};
  const codesVan = (k: XmlKnoop | undefined) => {
    const r = knoop(k?.RetourCodes)?.RetourCode;
    return Array.isArray(r) ? (r as string[]) : typeof r === 'string' ? [r] : [];
  };
  const klassen: GelezenRetour['klassen'] = [];
  const loop = (naam: string, v: XmlWaarde | undefined, pad: string) => {
    if (!v || typeof v === 'string') return;
    const lijst = Array.isArray(v) ? v : [v];
    lijst.forEach((x, i) => {
      if (typeof x === 'string') return;
      const p = `${pad}${pad ? '/' : ''}${naam}${Array.isArray(v) ? `[${i}]` : ''}`;
      if (x.RetourCodes) klassen.push({ pad: p, klasse: naam, codes: codesVan(x) });
      for (const [k, w] of Object.entries(x)) if (k !== 'RetourCodes') loop(k, w, p);
    });
  };
  const clienten = knoop(b.Clienten);
  if (clienten) for (const [k, w] of Object.entries(clienten)) loop(k, w, '');
  return {
    kop: {
      ...kopUitXml(b),
      identificatieRetour: tekst(h.IdentificatieRetour) ?? '',
      dagtekeningRetour: tekst(h.DagtekeningRetour) ?? '',
    },
    kopCodes: codesVan(h),
    klassen,
  };
}
