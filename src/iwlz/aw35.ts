/**
 * AW35 — melding aanvang zorg, zorgaanbieder → zorgkantoor (BerichtCode 354): the provider
 * reports that delivery of a toegewezen zorgzwaartepakket or functie has started, with the
 * leveringsstatus (LDT_Leveringsstatus) of that delivery.
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

export interface GeleverdZzp {
  besluitnummer: string;
  zzpCode: string;
  toewijzingIngangsdatum: string;
  begindatum: string;
  sleuteldatum?: string;
  instelling: string;
  klasse?: string;
  /** LDT_Leveringsstatus */
  leveringsstatus: string;
  /** LDT_Leveringsvorm */
  leveringsvorm: string;
  behandeling?: boolean;
  /** LDT_StatusAanlevering: 1 eerste, 2 gewijzigd, 3 verwijderen */
  statusAanlevering: string;
}

export interface GeleverdeFunctie {
  besluitnummer: string;
  functieCode: string;
  toewijzingIngangsdatum: string;
  begindatum: string;
  instelling: string;
  klasse: string;
  opslag?: string;
  statusAanlevering: string;
}

export interface Aw35Client {
  bsn: string;
  geboortedatum: string;
  geslacht: string;
  naam: VerkorteNaam;
  zorgzwaartepakketten: GeleverdZzp[];
  functies: GeleverdeFunctie[];
}

export interface Aw35Bericht {
  kop: Berichtkop;
  clienten: Aw35Client[];
}

export function bouwAw35(b: Aw35Bericht): string {
  return schrijfXml(BERICHTEN.AW35.namespace, {
    Header: kopNaarXml('AW35', b.kop),
    Clienten: {
      Client: b.clienten.map((c): XmlKnoop => ({
        Bsn: c.bsn,
        Geboortedatum: { Datum: c.geboortedatum },
        Geslacht: c.geslacht,
        Naam: verkorteNaamNaarXml(c.naam),
        GeleverdeFuncties: c.functies.length
          ? {
              GeleverdeFunctie: c.functies.map((f) => ({
                Besluitnummer: f.besluitnummer,
                FunctieCode: f.functieCode,
                ToewijzingIngangsdatum: f.toewijzingIngangsdatum,
                Begindatum: f.begindatum,
                Instelling: f.instelling,
                Klasse: f.klasse,
                Opslag: f.opslag,
                StatusAanlevering: f.statusAanlevering,
              })),
            }
          : undefined,
        GeleverdeZorgzwaartepakketten: c.zorgzwaartepakketten.length
          ? {
              GeleverdZorgzwaartepakket: c.zorgzwaartepakketten.map((z) => ({
                Besluitnummer: z.besluitnummer,
                ZzpCode: z.zzpCode,
                ToewijzingIngangsdatum: z.toewijzingIngangsdatum,
                Begindatum: z.begindatum,
                Sleuteldatum: z.sleuteldatum,
                Instelling: z.instelling,
                Klasse: z.klasse,
                Leveringsstatus: z.leveringsstatus,
                Leveringsvorm: z.leveringsvorm,
                Behandeling: z.behandeling === undefined ? undefined : jaNee(z.behandeling),
                StatusAanlevering: z.statusAanlevering,
              })),
            }
          : undefined,
      })),
    },
  });
}

export function aw35ClientUitXml(c: XmlKnoop): Aw35Client {
  return {
    bsn: tekst(c.Bsn) ?? '',
    geboortedatum: tekst(knoop(c.Geboortedatum)?.Datum) ?? '',
    geslacht: tekst(c.Geslacht) ?? '',
    naam: verkorteNaamUitXml(knoop(c.Naam)),
    zorgzwaartepakketten: knopen(knoop(c.GeleverdeZorgzwaartepakketten)?.GeleverdZorgzwaartepakket).map((z) =>
      zonderLeeg({
        besluitnummer: tekst(z.Besluitnummer) ?? '',
        zzpCode: tekst(z.ZzpCode) ?? '',
        toewijzingIngangsdatum: tekst(z.ToewijzingIngangsdatum) ?? '',
        begindatum: tekst(z.Begindatum) ?? '',
        sleuteldatum: tekst(z.Sleuteldatum),
        instelling: tekst(z.Instelling) ?? '',
        klasse: tekst(z.Klasse),
        leveringsstatus: tekst(z.Leveringsstatus) ?? '',
        leveringsvorm: tekst(z.Leveringsvorm) ?? '',
        behandeling: tekst(z.Behandeling) === undefined ? undefined : isJa(tekst(z.Behandeling)),
        statusAanlevering: tekst(z.StatusAanlevering) ?? '',
      }),
    ),
    functies: knopen(knoop(c.GeleverdeFuncties)?.GeleverdeFunctie).map((f) =>
      zonderLeeg({
        besluitnummer: tekst(f.Besluitnummer) ?? '',
        functieCode: tekst(f.FunctieCode) ?? '',
        toewijzingIngangsdatum: tekst(f.ToewijzingIngangsdatum) ?? '',
        begindatum: tekst(f.Begindatum) ?? '',
        instelling: tekst(f.Instelling) ?? '',
        klasse: tekst(f.Klasse) ?? '',
        opslag: tekst(f.Opslag),
        statusAanlevering: tekst(f.StatusAanlevering) ?? '',
      }),
    ),
  };
}

export function leesAw35(xml: string): Aw35Bericht {
  const b = leesXml(xml);
  return { kop: kopUitXml(b), clienten: knopen(knoop(b.Clienten)?.Client).map(aw35ClientUitXml) };
}
