/**
 * IO31 — indicatiebesluit, CIZ → zorgkantoor (BerichtCode 388). Read by the zorgkantoor; written
 * here only to make examples and tests. The client block is kept whole (`blok`) because the
 * zorgtoewijzing (AW33) repeats the client's data and the indicatie as the CIZ sent them.
 */
import { BERICHTEN } from './berichten.ts';
import { kopNaarXml, kopUitXml, isJa, jaNee, zonderLeeg, type Berichtkop } from './kop.ts';
import { knoop, knopen, leesXml, schrijfXml, tekst, type XmlKnoop } from './xml.ts';

export interface Io31Zzp {
  zzpCode: string;
  ingangsdatum: string;
  einddatum?: string;
  /** LDT_Klasse; '99' = niet van toepassing */
  klasse: string;
  /** LDT_VoorkeurClient: the client's preferred leveringsvorm */
  voorkeurClient?: string;
  /** AGB code of the provider the client prefers */
  instellingVoorkeur?: string;
  /** LDT_Financiering */
  financiering: string;
}

export interface Io31Functie {
  functieCode: string;
  ingangsdatum: string;
  einddatum?: string;
  klasse: string;
  leveringsvoorwaarde: string;
  instellingVoorkeur?: string;
  financiering: string;
}

export interface Io31Contact {
  /** LDT_AdresSoort: 01 = woonadres (BRP), 02 = correspondentie, … */
  soort: string;
  huisnummer?: string;
  postcode?: string;
  straatnaam?: string;
  plaatsnaam?: string;
}

export interface Io31Client {
  bsn: string;
  geheim: boolean;
  geboortedatum: string;
  /** LDT_Geslacht: 0 onbekend, 1 man, 2 vrouw */
  geslacht: string;
  achternaam: string;
  voorvoegsel?: string;
  voorletters?: string;
  /** LDT_NaamGebruik */
  naamGebruik: string;
  /** LDT_Leefeenheid */
  leefeenheid: string;
  contacten: Io31Contact[];
  indicatie: {
    besluitnummer: string;
    /** LDT_SoortIndicatie */
    soort: string;
    grondslagen: string[];
    afgiftedatum: string;
    ingangsdatum: string;
    einddatum?: string;
    zorgzwaartepakketten: Io31Zzp[];
    functies: Io31Functie[];
  };
}

export interface Io31Bericht {
  kop: Berichtkop;
  clienten: Io31Client[];
}

export interface Io31Gelezen {
  kop: Berichtkop;
  clienten: (Io31Client & { blok: XmlKnoop })[];
}

function contactNaarXml(c: Io31Contact): XmlKnoop {
  const adres =
    c.huisnummer || c.postcode || c.straatnaam || c.plaatsnaam
      ? {
          Huis: c.huisnummer ? { Huisnummer: c.huisnummer } : undefined,
          Postcode: c.postcode,
          Straatnaam: c.straatnaam,
          Plaatsnaam: c.plaatsnaam,
        }
      : undefined;
  return { Soort: c.soort, Adres: adres };
}

export function io31ClientNaarXml(c: Io31Client): XmlKnoop {
  const i = c.indicatie;
  return {
    Bsn: c.bsn,
    GeheimeClient: jaNee(c.geheim),
    Geboortedatum: { Datum: c.geboortedatum },
    Geslacht: c.geslacht,
    Naam: {
      Geslachtsnaam: { Achternaam: c.achternaam, Voorvoegsel: c.voorvoegsel },
      Voorletters: c.voorletters,
      NaamGebruik: c.naamGebruik,
    },
    Leefeenheid: c.leefeenheid,
    Contactgegevens: { Contact: c.contacten.map(contactNaarXml) },
    Indicatie: {
      Besluitnummer: i.besluitnummer,
      Soort: i.soort,
      Grondslagen: i.grondslagen.length ? { Grondslag01: i.grondslagen[0], Grondslag02: i.grondslagen[1] } : undefined,
      Afgiftedatum: i.afgiftedatum,
      Ingangsdatum: i.ingangsdatum,
      Einddatum: i.einddatum,
      GeindiceerdeFuncties: i.functies.length
        ? {
            GeindiceerdeFunctie: i.functies.map((f) => ({
              FunctieCode: f.functieCode,
              Ingangsdatum: f.ingangsdatum,
              Einddatum: f.einddatum,
              Klasse: f.klasse,
              Leveringsvoorwaarde: f.leveringsvoorwaarde,
              InstellingVoorkeur: f.instellingVoorkeur,
              Financiering: f.financiering,
            })),
          }
        : undefined,
      GeindiceerdeZorgzwaartepakketten: i.zorgzwaartepakketten.length
        ? {
            GeindiceerdZorgzwaartepakket: i.zorgzwaartepakketten.map((z) => ({
              ZzpCode: z.zzpCode,
              Ingangsdatum: z.ingangsdatum,
              Einddatum: z.einddatum,
              Klasse: z.klasse,
              VoorkeurClient: z.voorkeurClient,
              InstellingVoorkeur: z.instellingVoorkeur,
              Financiering: z.financiering,
            })),
          }
        : undefined,
    },
  };
}

export function bouwIo31(b: Io31Bericht): string {
  return schrijfXml(BERICHTEN.IO31.namespace, {
    Header: kopNaarXml('IO31', b.kop),
    Clienten: { Client: b.clienten.map(io31ClientNaarXml) },
  });
}

export function io31ClientUitXml(c: XmlKnoop): Io31Client {
  const naam = knoop(c.Naam) ?? {};
  const gn = knoop(naam.Geslachtsnaam) ?? {};
  const ind = knoop(c.Indicatie) ?? {};
  const gr = knoop(ind.Grondslagen);
  return zonderLeeg({
    bsn: tekst(c.Bsn) ?? '',
    geheim: isJa(tekst(c.GeheimeClient)),
    geboortedatum: tekst(knoop(c.Geboortedatum)?.Datum) ?? '',
    geslacht: tekst(c.Geslacht) ?? '',
    achternaam: tekst(gn.Achternaam) ?? '',
    voorvoegsel: tekst(gn.Voorvoegsel),
    voorletters: tekst(naam.Voorletters),
    naamGebruik: tekst(naam.NaamGebruik) ?? '',
    leefeenheid: tekst(c.Leefeenheid) ?? '',
    contacten: knopen(knoop(c.Contactgegevens)?.Contact).map((x) => {
      const a = knoop(x.Adres) ?? {};
      return zonderLeeg({
        soort: tekst(x.Soort) ?? '',
        huisnummer: tekst(knoop(a.Huis)?.Huisnummer),
        postcode: tekst(a.Postcode),
        straatnaam: tekst(a.Straatnaam),
        plaatsnaam: tekst(a.Plaatsnaam),
      });
    }),
    indicatie: zonderLeeg({
      besluitnummer: tekst(ind.Besluitnummer) ?? '',
      soort: tekst(ind.Soort) ?? '',
      grondslagen: gr ? [tekst(gr.Grondslag01), tekst(gr.Grondslag02)].filter((x): x is string => !!x) : [],
      afgiftedatum: tekst(ind.Afgiftedatum) ?? '',
      ingangsdatum: tekst(ind.Ingangsdatum) ?? '',
      einddatum: tekst(ind.Einddatum),
      zorgzwaartepakketten: knopen(knoop(ind.GeindiceerdeZorgzwaartepakketten)?.GeindiceerdZorgzwaartepakket).map((z) =>
        zonderLeeg({
          zzpCode: tekst(z.ZzpCode) ?? '',
          ingangsdatum: tekst(z.Ingangsdatum) ?? '',
          einddatum: tekst(z.Einddatum),
          klasse: tekst(z.Klasse) ?? '',
          voorkeurClient: tekst(z.VoorkeurClient),
          instellingVoorkeur: tekst(z.InstellingVoorkeur),
          financiering: tekst(z.Financiering) ?? '',
        }),
      ),
      functies: knopen(knoop(ind.GeindiceerdeFuncties)?.GeindiceerdeFunctie).map((f) =>
        zonderLeeg({
          functieCode: tekst(f.FunctieCode) ?? '',
          ingangsdatum: tekst(f.Ingangsdatum) ?? '',
          einddatum: tekst(f.Einddatum),
          klasse: tekst(f.Klasse) ?? '',
          leveringsvoorwaarde: tekst(f.Leveringsvoorwaarde) ?? '',
          instellingVoorkeur: tekst(f.InstellingVoorkeur),
          financiering: tekst(f.Financiering) ?? '',
        }),
      ),
    }),
  });
}

/** Reads an IO31 that passed valideerBericht. */
export function leesIo31(xml: string): Io31Gelezen {
  const b = leesXml(xml);
  return {
    kop: kopUitXml(b),
    clienten: knopen(knoop(b.Clienten)?.Client).map((c) => ({ ...io31ClientUitXml(c), blok: c })),
  };
}
