/**
 * The iWlz 2.2 messages this product reads and writes, as the official schemas in ./xsd define
 * them (iStandaarden, XSD-iWlz tag iWlz2.2-v1.0). Odd code = message, the next even code = its
 * answer (retourbericht). BerichtCode, namespace and versions are copied from the XSD files.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const XSD_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'xsd');

export const BERICHT_TYPES = ['IO31', 'IO32', 'AW33', 'AW34', 'AW35', 'AW36', 'AW39', 'AW310'] as const;
export type BerichtType = (typeof BERICHT_TYPES)[number];

export interface BerichtDef {
  type: BerichtType;
  /** LDT_BerichtCode as fixed by the message XSD (xs:pattern) */
  berichtCode: string;
  namespace: string;
  xsd: string;
  omschrijving: string;
  /** the answer to this message, or the message this one answers */
  retour?: BerichtType;
  heen?: BerichtType;
  /**
   * Elements (berichtklassen) that carry RetourCodes in the answer schema, in answer messages only.
   * Derived from the answer XSDs: every complexType with a RetourCodes element.
   */
  retourKlassen?: readonly string[];
}

const ns = (t: string) => `http://www.istandaarden.nl/iwlz/2_2/${t.toLowerCase()}/schema`;

export const BASIS_NAMESPACE = 'http://www.istandaarden.nl/iwlz/2_2/basisschema/schema';
/** BerichtVersie / BerichtSubversie fixed by every 2.2 message schema (xs:pattern 5 and 2). */
export const BERICHT_VERSIE = '5';
export const BERICHT_SUBVERSIE = '2';
/** iwlz:BerichtXsdVersie and iwlz:BasisschemaXsdVersie in the schemas' appinfo. */
export const XSD_VERSIE = { BasisschemaXsdVersie: '1.0.0', BerichtXsdVersie: '1.0.0' } as const;

export const BERICHTEN: Record<BerichtType, BerichtDef> = {
  IO31: {
    type: 'IO31',
    berichtCode: '388',
    namespace: ns('IO31'),
    xsd: 'IO31.xsd',
    omschrijving: 'Indicatiebesluit (CIZ → zorgkantoor)',
    retour: 'IO32',
  },
  IO32: {
    type: 'IO32',
    berichtCode: '389',
    namespace: ns('IO32'),
    xsd: 'IO32.xsd',
    omschrijving: 'Retour indicatiebesluit (zorgkantoor → CIZ)',
    heen: 'IO31',
    retourKlassen: [
      'Client',
      'Relatie',
      'Contact',
      'Indicatie',
      'Stoornis',
      'Beperking',
      'BeperkingScore',
      'GeindiceerdeFunctie',
      'StoornisScore',
      'GeindiceerdZorgzwaartepakket',
    ],
  },
  AW33: {
    type: 'AW33',
    berichtCode: '352',
    namespace: ns('AW33'),
    xsd: 'AW33.xsd',
    omschrijving: 'Zorgtoewijzing (zorgkantoor → zorgaanbieder)',
    retour: 'AW34',
  },
  AW34: {
    type: 'AW34',
    berichtCode: '353',
    namespace: ns('AW34'),
    xsd: 'AW34.xsd',
    omschrijving: 'Retour zorgtoewijzing (zorgaanbieder → zorgkantoor)',
    heen: 'AW33',
    retourKlassen: [
      'Client',
      'Relatie',
      'Contact',
      'Indicatie',
      'Stoornis',
      'Beperking',
      'BeperkingScore',
      'GeindiceerdeFunctie',
      'StoornisScore',
      'ToegewezenFunctie',
      'GeindiceerdZorgzwaartepakket',
      'ToegewezenZorgzwaartepakket',
    ],
  },
  AW35: {
    type: 'AW35',
    berichtCode: '354',
    namespace: ns('AW35'),
    xsd: 'AW35.xsd',
    omschrijving: 'Melding aanvang zorg (zorgaanbieder → zorgkantoor)',
    retour: 'AW36',
  },
  AW36: {
    type: 'AW36',
    berichtCode: '355',
    namespace: ns('AW36'),
    xsd: 'AW36.xsd',
    omschrijving: 'Retour melding aanvang zorg (zorgkantoor → zorgaanbieder)',
    heen: 'AW35',
    retourKlassen: ['Client', 'GeleverdeFunctie', 'GeleverdZorgzwaartepakket'],
  },
  AW39: {
    type: 'AW39',
    berichtCode: '358',
    namespace: ns('AW39'),
    xsd: 'AW39.xsd',
    omschrijving: 'Mutatie, incl. wachtlijststatus (zorgaanbieder → zorgkantoor)',
    retour: 'AW310',
  },
  AW310: {
    type: 'AW310',
    berichtCode: '359',
    namespace: ns('AW310'),
    xsd: 'AW310.xsd',
    omschrijving: 'Retour mutatie (zorgkantoor → zorgaanbieder)',
    heen: 'AW39',
    retourKlassen: ['Client', 'MutatieFunctie', 'MutatieZorgzwaartepakket', 'Aanvraag', 'AanvraagInstelling'],
  },
};

export function berichtVoorNamespace(namespace: string): BerichtDef | undefined {
  return Object.values(BERICHTEN).find((b) => b.namespace === namespace);
}
