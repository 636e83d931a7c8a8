/**
 * AW39 — mutatie, zorgaanbieder → zorgkantoor (BerichtCode 358): changes in delivery (end of
 * care, transfer, client does not want care yet), the waiting-list status (Leveringsstatus with
 * LeveringsstatusClassificatie) and requests for an adjusted toewijzing (Aanvraag, with the
 * Doelmatig/Verantwoord answers of the toetsingskader for care at home).
 */
import { BERICHTEN } from './berichten.ts';
import {
  kopNaarXml,
  kopUitXml,
  isJa,
  jaNee,
  verkorteNaamNaarXml,
  verkorteNaamUitXml,
  zonderLeeg,
  type Berichtkop,
  type VerkorteNaam,
} from './kop.ts';
import { knoop, knopen, leesXml, schrijfXml, tekst, type XmlKnoop } from './xml.ts';

export interface MutatieZzp {
  besluitnummer: string;
  zzpCode: string;
  toewijzingIngangsdatum: string;
  begindatum?: string;
  instelling: string;
  /** LDT_MutatieCode */
  mutatiecode: string;
  mutatiedatum: string;
  /** LDT_Leveringsstatus */
  leveringsstatus: string;
  /** LDT_LeveringsstatusClassificatie */
  leveringsstatusClassificatie?: string;
  leveringsvorm: string;
  instellingBestemming?: string;
  statusAanlevering: string;
}

export interface MutatieFunctie {
  besluitnummer: string;
  functieCode: string;
  toewijzingIngangsdatum: string;
  begindatum?: string;
  instelling: string;
  mutatiecode: string;
  mutatiedatum: string;
  instellingBestemming?: string;
  statusAanlevering: string;
}

export interface Aanvraag {
  besluitnummer: string;
  afgiftedatum: string;
  instelling: string;
  zzpCode: string;
  klasse?: string;
  leveringsvorm: string;
  doelmatig?: boolean;
  verantwoord?: boolean;
  instellingen: {
    instelling: string;
    soort: string;
    toewijzingIngangsdatum: string;
    toewijzingEinddatum?: string;
    opname?: boolean;
  }[];
}

export interface Aw39Client {
  bsn: string;
  geboortedatum: string;
  geslacht: string;
  naam: VerkorteNaam;
  functies: MutatieFunctie[];
  zorgzwaartepakketten: MutatieZzp[];
  aanvragen: Aanvraag[];
}

export interface Aw39Bericht {
  kop: Berichtkop;
  clienten: Aw39Client[];
}

const jn = (b: boolean | undefined) => (b === undefined ? undefined : jaNee(b));
const leesJn = (v: string | undefined) => (v === undefined ? undefined : isJa(v));

export function bouwAw39(b: Aw39Bericht): string {
  return schrijfXml(BERICHTEN.AW39.namespace, {
    Header: kopNaarXml('AW39', b.kop),
    Clienten: {
      Client: b.clienten.map((c): XmlKnoop => ({
        Bsn: c.bsn,
        Geboortedatum: { Datum: c.geboortedatum },
        Geslacht: c.geslacht,
        Naam: verkorteNaamNaarXml(c.naam),
        MutatieFuncties: c.functies.length
          ? {
              MutatieFunctie: c.functies.map((f) => ({
                Besluitnummer: f.besluitnummer,
                FunctieCode: f.functieCode,
                ToewijzingIngangsdatum: f.toewijzingIngangsdatum,
                Begindatum: f.begindatum,
                Instelling: f.instelling,
                Mutatiecode: f.mutatiecode,
                Mutatiedatum: f.mutatiedatum,
                InstellingBestemming: f.instellingBestemming,
                StatusAanlevering: f.statusAanlevering,
              })),
            }
          : undefined,
        MutatieZorgzwaartepakketten: c.zorgzwaartepakketten.length
          ? {
              MutatieZorgzwaartepakket: c.zorgzwaartepakketten.map((z) => ({
                Besluitnummer: z.besluitnummer,
                ZzpCode: z.zzpCode,
                ToewijzingIngangsdatum: z.toewijzingIngangsdatum,
                Begindatum: z.begindatum,
                Instelling: z.instelling,
                Mutatiecode: z.mutatiecode,
                Mutatiedatum: z.mutatiedatum,
                Leveringsstatus: z.leveringsstatus,
                LeveringsstatusClassificatie: z.leveringsstatusClassificatie,
                Leveringsvorm: z.leveringsvorm,
                InstellingBestemming: z.instellingBestemming,
                StatusAanlevering: z.statusAanlevering,
              })),
            }
          : undefined,
        Aanvragen: c.aanvragen.length
          ? {
              Aanvraag: c.aanvragen.map((a) => ({
                Besluitnummer: a.besluitnummer,
                Afgiftedatum: a.afgiftedatum,
                Instelling: a.instelling,
                ZzpCode: a.zzpCode,
                Klasse: a.klasse,
                Leveringsvorm: a.leveringsvorm,
                Doelmatig: jn(a.doelmatig),
                Verantwoord: jn(a.verantwoord),
                AanvraagInstellingen: {
                  AanvraagInstelling: a.instellingen.map((i) => ({
                    Instelling: i.instelling,
                    Soort: i.soort,
                    ToewijzingIngangsdatum: i.toewijzingIngangsdatum,
                    ToewijzingEinddatum: i.toewijzingEinddatum,
                    Opname: jn(i.opname),
                  })),
                },
              })),
            }
          : undefined,
      })),
    },
  });
}

export function aw39ClientUitXml(c: XmlKnoop): Aw39Client {
  return {
    bsn: tekst(c.Bsn) ?? '',
    geboortedatum: tekst(knoop(c.Geboortedatum)?.Datum) ?? '',
    geslacht: tekst(c.Geslacht) ?? '',
    naam: verkorteNaamUitXml(knoop(c.Naam)),
    functies: knopen(knoop(c.MutatieFuncties)?.MutatieFunctie).map((f) =>
      zonderLeeg({
        besluitnummer: tekst(f.Besluitnummer) ?? '',
        functieCode: tekst(f.FunctieCode) ?? '',
        toewijzingIngangsdatum: tekst(f.ToewijzingIngangsdatum) ?? '',
        begindatum: tekst(f.Begindatum),
        instelling: tekst(f.Instelling) ?? '',
        mutatiecode: tekst(f.Mutatiecode) ?? '',
        mutatiedatum: tekst(f.Mutatiedatum) ?? '',
        instellingBestemming: tekst(f.InstellingBestemming),
        statusAanlevering: tekst(f.StatusAanlevering) ?? '',
      }),
    ),
    zorgzwaartepakketten: knopen(knoop(c.MutatieZorgzwaartepakketten)?.MutatieZorgzwaartepakket).map((z) =>
      zonderLeeg({
        besluitnummer: tekst(z.Besluitnummer) ?? '',
        zzpCode: tekst(z.ZzpCode) ?? '',
        toewijzingIngangsdatum: tekst(z.ToewijzingIngangsdatum) ?? '',
        begindatum: tekst(z.Begindatum),
        instelling: tekst(z.Instelling) ?? '',
        mutatiecode: tekst(z.Mutatiecode) ?? '',
        mutatiedatum: tekst(z.Mutatiedatum) ?? '',
        leveringsstatus: tekst(z.Leveringsstatus) ?? '',
        leveringsstatusClassificatie: tekst(z.LeveringsstatusClassificatie),
        leveringsvorm: tekst(z.Leveringsvorm) ?? '',
        instellingBestemming: tekst(z.InstellingBestemming),
        statusAanlevering: tekst(z.StatusAanlevering) ?? '',
      }),
    ),
    aanvragen: knopen(knoop(c.Aanvragen)?.Aanvraag).map((a) =>
      zonderLeeg({
        besluitnummer: tekst(a.Besluitnummer) ?? '',
        afgiftedatum: tekst(a.Afgiftedatum) ?? '',
        instelling: tekst(a.Instelling) ?? '',
        zzpCode: tekst(a.ZzpCode) ?? '',
        klasse: tekst(a.Klasse),
        leveringsvorm: tekst(a.Leveringsvorm) ?? '',
        doelmatig: leesJn(tekst(a.Doelmatig)),
        verantwoord: leesJn(tekst(a.Verantwoord)),
        instellingen: knopen(knoop(a.AanvraagInstellingen)?.AanvraagInstelling).map((i) =>
          zonderLeeg({
            instelling: tekst(i.Instelling) ?? '',
            soort: tekst(i.Soort) ?? '',
            toewijzingIngangsdatum: tekst(i.ToewijzingIngangsdatum) ?? '',
            toewijzingEinddatum: tekst(i.ToewijzingEinddatum),
            opname: leesJn(tekst(i.Opname)),
          }),
        ),
      }),
    ),
  };
}

export function leesAw39(xml: string): Aw39Bericht {
  const b = leesXml(xml);
  return { kop: kopUitXml(b), clienten: knopen(knoop(b.Clienten)?.Client).map(aw39ClientUitXml) };
}
