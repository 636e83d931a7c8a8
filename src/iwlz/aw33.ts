/**
 * AW33 — zorgtoewijzing, zorgkantoor → zorgaanbieder (BerichtCode 352). The client's data and the
 * indicatie are repeated from the indicatiebesluit (IO31) with the toewijzingen added
 * (ToegewezenZorgzwaartepakketten / ToegewezenFuncties), in the order of AW33.xsd.
 */
import { BERICHTEN } from './berichten.ts';
import { kopNaarXml, kopUitXml, isJa, jaNee, zonderLeeg, type Berichtkop } from './kop.ts';
import { knoop, knopen, leesXml, schrijfXml, tekst, type XmlKnoop } from './xml.ts';

export interface ToegewezenZzp {
  zzpCode: string;
  /** AGB code of the provider; absent for a pgb toewijzing */
  instelling?: string;
  zorgkantoor: string;
  /** LDT_SoortToewijzing: 1 regulier, 3 overbrugging, 5 administratief */
  soort: string;
  toewijzingsdatum: string;
  /** HH:MM:SS */
  toewijzingstijd: string;
  /** percentage × 100 (pattern [1-9][0-9]*00), e.g. 10000 = 100 % */
  percentage?: string;
  ingangsdatum: string;
  einddatum?: string;
  redenIntrekking?: string;
  klasse?: string;
  /** LDT_Leveringsvorm: 2 pgb, 4 verblijf, 5 vpt, 7 mpt, 8 dtv, 9 vkb */
  leveringsvorm: string;
  opname?: boolean;
}

export interface ToegewezenFunctie {
  functieCode: string;
  instelling: string;
  zorgkantoor: string;
  soort: string;
  toewijzingsdatum: string;
  toewijzingstijd: string;
  ingangsdatum: string;
  einddatum?: string;
  redenIntrekking?: string;
  klasse: string;
}

export interface Aw33Client {
  /** the Client block of the IO31 the indicatie came with */
  io31Blok: XmlKnoop;
  partneropname: boolean;
  zorgzwaartepakketten: ToegewezenZzp[];
  functies: ToegewezenFunctie[];
}

export interface Aw33Bericht {
  kop: Berichtkop;
  clienten: Aw33Client[];
}

const zonder = (k: XmlKnoop | undefined, ...weg: string[]) =>
  k ? Object.fromEntries(Object.entries(k).filter(([n]) => !weg.includes(n))) : undefined;

function zzpNaarXml(z: ToegewezenZzp): XmlKnoop {
  return {
    ZzpCode: z.zzpCode,
    Instelling: z.instelling,
    Zorgkantoor: z.zorgkantoor,
    Soort: z.soort,
    Toewijzingsdatum: z.toewijzingsdatum,
    Toewijzingstijd: z.toewijzingstijd,
    ToewijzingPercentage: z.percentage,
    Ingangsdatum: z.ingangsdatum,
    Einddatum: z.einddatum,
    RedenIntrekking: z.redenIntrekking,
    Klasse: z.klasse,
    Leveringsvorm: z.leveringsvorm,
    Opname: z.opname === undefined ? undefined : jaNee(z.opname),
  };
}

function functieNaarXml(f: ToegewezenFunctie): XmlKnoop {
  return {
    FunctieCode: f.functieCode,
    Instelling: f.instelling,
    Zorgkantoor: f.zorgkantoor,
    Soort: f.soort,
    Toewijzingsdatum: f.toewijzingsdatum,
    Toewijzingstijd: f.toewijzingstijd,
    Ingangsdatum: f.ingangsdatum,
    Einddatum: f.einddatum,
    RedenIntrekking: f.redenIntrekking,
    Klasse: f.klasse,
  };
}

export function aw33ClientNaarXml(c: Aw33Client): XmlKnoop {
  const b = c.io31Blok;
  const ind = knoop(b.Indicatie) ?? {};
  const gf = knopen(knoop(ind.GeindiceerdeFuncties)?.GeindiceerdeFunctie);
  const gz = knopen(knoop(ind.GeindiceerdeZorgzwaartepakketten)?.GeindiceerdZorgzwaartepakket);
  return {
    Bsn: b.Bsn,
    GeheimeClient: b.GeheimeClient,
    Geboortedatum: b.Geboortedatum,
    Geslacht: b.Geslacht,
    BurgerlijkeStaat: b.BurgerlijkeStaat,
    Naam: b.Naam,
    Leefeenheid: b.Leefeenheid,
    Huisarts: b.Huisarts,
    Communicatie: b.Communicatie,
    Wzd: b.Wzd,
    Partneropname: jaNee(c.partneropname),
    Commentaar: b.Commentaar,
    Relaties: b.Relaties,
    Contactgegevens: b.Contactgegevens,
    Indicatie: {
      Besluitnummer: ind.Besluitnummer,
      Soort: ind.Soort,
      Grondslagen: ind.Grondslagen,
      Afgiftedatum: ind.Afgiftedatum,
      Ingangsdatum: ind.Ingangsdatum,
      Einddatum: ind.Einddatum,
      Commentaar: ind.Commentaar,
      Stoornissen: ind.Stoornissen,
      Beperkingen: ind.Beperkingen,
      // AW33 has no InstellingVoorkeur in the indicated functions and packages (AW33.xsd).
      GeindiceerdeFuncties: gf.length
        ? { GeindiceerdeFunctie: gf.map((f) => zonder(f, 'InstellingVoorkeur')!) }
        : undefined,
      StoornisScores: ind.StoornisScores,
      ToegewezenFuncties: c.functies.length ? { ToegewezenFunctie: c.functies.map(functieNaarXml) } : undefined,
      GeindiceerdeZorgzwaartepakketten: gz.length
        ? { GeindiceerdZorgzwaartepakket: gz.map((z) => zonder(z, 'InstellingVoorkeur')!) }
        : undefined,
      ToegewezenZorgzwaartepakketten: c.zorgzwaartepakketten.length
        ? { ToegewezenZorgzwaartepakket: c.zorgzwaartepakketten.map(zzpNaarXml) }
        : undefined,
    },
  };
}

export function bouwAw33(b: Aw33Bericht): string {
  return schrijfXml(BERICHTEN.AW33.namespace, {
    Header: kopNaarXml('AW33', b.kop),
    Clienten: { Client: b.clienten.map(aw33ClientNaarXml) },
  });
}

export interface Aw33Gelezen {
  kop: Berichtkop;
  clienten: {
    bsn: string;
    besluitnummer: string;
    partneropname: boolean;
    zorgzwaartepakketten: ToegewezenZzp[];
    functies: ToegewezenFunctie[];
  }[];
}

export function leesAw33(xml: string): Aw33Gelezen {
  const b = leesXml(xml);
  return {
    kop: kopUitXml(b),
    clienten: knopen(knoop(b.Clienten)?.Client).map((c) => {
      const ind = knoop(c.Indicatie) ?? {};
      return {
        bsn: tekst(c.Bsn) ?? '',
        besluitnummer: tekst(ind.Besluitnummer) ?? '',
        partneropname: isJa(tekst(c.Partneropname)),
        zorgzwaartepakketten: knopen(knoop(ind.ToegewezenZorgzwaartepakketten)?.ToegewezenZorgzwaartepakket).map((z) =>
          zonderLeeg({
            zzpCode: tekst(z.ZzpCode) ?? '',
            instelling: tekst(z.Instelling),
            zorgkantoor: tekst(z.Zorgkantoor) ?? '',
            soort: tekst(z.Soort) ?? '',
            toewijzingsdatum: tekst(z.Toewijzingsdatum) ?? '',
            toewijzingstijd: tekst(z.Toewijzingstijd) ?? '',
            percentage: tekst(z.ToewijzingPercentage),
            ingangsdatum: tekst(z.Ingangsdatum) ?? '',
            einddatum: tekst(z.Einddatum),
            redenIntrekking: tekst(z.RedenIntrekking),
            klasse: tekst(z.Klasse),
            leveringsvorm: tekst(z.Leveringsvorm) ?? '',
            opname: tekst(z.Opname) === undefined ? undefined : isJa(tekst(z.Opname)),
          }),
        ),
        functies: knopen(knoop(ind.ToegewezenFuncties)?.ToegewezenFunctie).map((f) =>
          zonderLeeg({
            functieCode: tekst(f.FunctieCode) ?? '',
            instelling: tekst(f.Instelling) ?? '',
            zorgkantoor: tekst(f.Zorgkantoor) ?? '',
            soort: tekst(f.Soort) ?? '',
            toewijzingsdatum: tekst(f.Toewijzingsdatum) ?? '',
            toewijzingstijd: tekst(f.Toewijzingstijd) ?? '',
            ingangsdatum: tekst(f.Ingangsdatum) ?? '',
            einddatum: tekst(f.Einddatum),
            redenIntrekking: tekst(f.RedenIntrekking),
            klasse: tekst(f.Klasse) ?? '',
          }),
        ),
      };
    }),
  };
}
