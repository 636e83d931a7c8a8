/** The header (Header) every iWlz 2.2 message starts with, and shared person blocks. */
import { BERICHTEN, BERICHT_SUBVERSIE, BERICHT_VERSIE, XSD_VERSIE, type BerichtType } from './berichten.ts';
import { knoop, tekst, type XmlKnoop } from './xml.ts';

export interface Berichtkop {
  /** Afzender: zorgkantoor code (AW33) or AGB code (AW35, AW39); IO31 has none */
  afzender?: string;
  /** Ontvanger: zorgkantoor code (IO31, AW35, AW39) or AGB code (AW33) */
  ontvanger: string;
  /** BerichtIdentificatie/Identificatie, 1–12 characters */
  berichtId: string;
  /** BerichtIdentificatie/Dagtekening, YYYY-MM-DD */
  dagtekening: string;
}

export function kopNaarXml(type: BerichtType, k: Berichtkop): XmlKnoop {
  return {
    BerichtCode: BERICHTEN[type].berichtCode,
    BerichtVersie: BERICHT_VERSIE,
    BerichtSubversie: BERICHT_SUBVERSIE,
    Afzender: k.afzender,
    Ontvanger: k.ontvanger,
    BerichtIdentificatie: { Identificatie: k.berichtId, Dagtekening: k.dagtekening },
    XsdVersie: { ...XSD_VERSIE },
  };
}

export function kopUitXml(bericht: XmlKnoop): Berichtkop {
  const h = knoop(bericht.Header) ?? {};
  const id = knoop(h.BerichtIdentificatie) ?? {};
  const k: Berichtkop = {
    ontvanger: tekst(h.Ontvanger) ?? '',
    berichtId: tekst(id.Identificatie) ?? '',
    dagtekening: tekst(id.Dagtekening) ?? '',
  };
  const afzender = tekst(h.Afzender);
  if (afzender !== undefined) k.afzender = afzender;
  return k;
}

/** CDT_VerkorteNaam (AW35, AW39): the shortened name a provider reports. */
export interface VerkorteNaam {
  achternaam: string;
  voorvoegsel?: string;
  voorletters?: string;
}

export function verkorteNaamNaarXml(n: VerkorteNaam): XmlKnoop {
  return {
    Geslachtsnaam: { Achternaam: n.achternaam, Voorvoegsel: n.voorvoegsel },
    Voorletters: n.voorletters,
  };
}

export function verkorteNaamUitXml(v: XmlKnoop | undefined): VerkorteNaam {
  const g = knoop(v?.Geslachtsnaam) ?? {};
  const n: VerkorteNaam = { achternaam: tekst(g.Achternaam) ?? '' };
  if (tekst(g.Voorvoegsel)) n.voorvoegsel = tekst(g.Voorvoegsel);
  if (tekst(v?.Voorletters)) n.voorletters = tekst(v?.Voorletters);
  return n;
}

/** Drops optional fields that are undefined, so typed values compare equal after a round trip. */
export function zonderLeeg<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export const jaNee = (b: boolean) => (b ? '1' : '2');
export const isJa = (v: string | undefined) => v === '1';
