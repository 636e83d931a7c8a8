/**
 * Dutch PDF documents of open house admission: the toelatingsbesluit (admitted or rejected, with
 * every condition and its result) and the raamovereenkomst with the Nota van Inlichtingen as an
 * annex. Rendered with the same pdfmake setup as the award letters (src/inkoop/gunning/pdf.ts:
 * standard Helvetica, uncompressed, no file or network access), so pdfTekst() can read them.
 */
import { briefhoofd, datumNl, isoNl, nviBijlage, partijen, redenTabel, render, type NviItem } from '../gunning/pdf.ts';
import type { ToelatingReden } from '../../domain/inkoop/openhouse.ts';

export interface ToelatingsbriefGegevens {
  kenmerk: string;
  zorgkantoorNaam: string;
  aanbiederNaam: string;
  aanbiederId: string;
  kaderTitel: string;
  sector: string;
  jaarVan: number;
  jaarTot: number;
  besluit: 'toegelaten' | 'afgewezen';
  ronde: number;
  redenen: ToelatingReden[];
  nietVoldaan: { code: string; tekst: string }[];
  regel: string;
  motivatie: string | null;
  datum: Date;
  besluitDoor: string;
  /** admitted: the framework contract's term */
  ingangsdatum?: string;
  einddatum?: string;
}

export interface RaamovereenkomstGegevens extends ToelatingsbriefGegevens {
  ingangsdatum: string;
  einddatum: string;
  regios: string[];
  kaderVersie: number | null;
  nviVersie: number | null;
  nvi: NviItem[];
  eisen: { code: string; tekst: string }[];
}

const redenen = (rs: ToelatingReden[]) =>
  redenTabel(
    rs.map((r) => ({ ...r, toelichting: r.toelichting || '–' })),
    'Eis',
    [60, 45],
  );

export async function toelatingsbrief(g: ToelatingsbriefGegevens): Promise<Buffer> {
  const toegelaten = g.besluit === 'toegelaten';
  return render({
    info: {
      title: `Toelatingsbesluit ${g.kaderTitel} – ${g.aanbiederNaam}`,
      author: g.zorgkantoorNaam,
      subject: toegelaten ? 'Toelating (open house)' : 'Afwijzing toelating (open house)',
    },
    content: [
      ...briefhoofd(g, 'open house'),
      { text: toegelaten ? 'Besluit: toegelaten' : 'Besluit: niet toegelaten', style: 'kop' },
      { text: `Geachte bestuurder van ${g.aanbiederNaam},` },
      {
        text: `Wij hebben uw aanmelding${g.ronde > 1 ? ` (aanmelding ${g.ronde})` : ''} voor ${g.kaderTitel} beoordeeld. Bij deze open house-procedure wordt iedere zorgaanbieder die aan de minimumeisen voldoet toegelaten en krijgt een raamovereenkomst; er wordt niet gerangschikt en er is geen maximum aantal aanbieders.`,
        margin: [0, 6, 0, 0],
      },
      ...(toegelaten
        ? [
            {
              text: `U voldoet aan alle minimumeisen. Daarom wordt ${g.aanbiederNaam} toegelaten.`,
              bold: true,
              margin: [0, 8, 0, 0],
            },
            {
              text: `De raamovereenkomst${g.ingangsdatum && g.einddatum ? ` (${isoNl(g.ingangsdatum)} tot en met ${isoNl(g.einddatum)})` : ''} staat voor u klaar in Zorginkoop Wlz. Het tariefbeleid van het zorgkantoor met zijn maximumtarieven is van toepassing, en de cliënt kiest vrij bij welke toegelaten zorgaanbieder hij zorg ontvangt. De overeenkomst wordt van kracht na acceptatie door uw geregistreerde bestuurder.`,
              margin: [0, 6, 0, 0],
            },
          ]
        : [
            {
              text: `U voldoet niet aan ${g.nietVoldaan.length === 1 ? 'de volgende eis' : `de volgende ${g.nietVoldaan.length} eisen`}. Daarom wordt ${g.aanbiederNaam} (nog) niet toegelaten.`,
              bold: true,
              margin: [0, 8, 0, 4],
            },
            { ul: g.nietVoldaan.map((e) => `${e.code}: ${e.tekst}`) },
            {
              text: 'Zolang de toelating openstaat, kunt u zich in Zorginkoop Wlz opnieuw aanmelden nadat u de tekortkomingen heeft hersteld. Uw nieuwe aanmelding wordt opnieuw beoordeeld; dit besluit blijft bewaard.',
              margin: [0, 6, 0, 0],
            },
          ]),
      { text: 'Onderbouwing per eis', style: 'sub' },
      redenen(g.redenen),
      ...(g.motivatie ? [{ text: 'Toelichting', style: 'sub' }, { text: g.motivatie }] : []),
      { text: `Toegepaste regel: ${g.regel}.`, style: 'klein', margin: [0, 12, 0, 0] },
      { text: `Met vriendelijke groet,\n${g.besluitDoor}\n${g.zorgkantoorNaam}`, margin: [0, 18, 0, 0] },
    ],
  });
}

export async function raamovereenkomstPdf(o: RaamovereenkomstGegevens): Promise<Buffer> {
  return render({
    info: {
      title: `Raamovereenkomst ${o.kaderTitel} – ${o.aanbiederNaam}`,
      author: o.zorgkantoorNaam,
      subject: 'Raamovereenkomst Wlz-zorg (open house)',
    },
    content: [
      { text: 'Raamovereenkomst Wlz-zorg (open house)', style: 'kop' },
      { text: `Kenmerk: ${o.kenmerk}` },
      ...partijen(o),
      { text: 'Artikel 1 – Onderwerp', style: 'sub' },
      {
        text: `De zorgaanbieder is op ${datumNl(o.datum)} toegelaten tot ${o.kaderTitel} (versie ${o.kaderVersie ?? '–'}), een open house-procedure: iedere zorgaanbieder die aan de minimumeisen voldoet krijgt deze raamovereenkomst. De zorgaanbieder mag onder deze overeenkomst Wlz-zorg leveren in de sector ${o.sector}${o.regios.length ? ` in de regio's ${o.regios.join(', ')}` : ''}.`,
      },
      { text: 'Artikel 2 – Looptijd', style: 'sub' },
      { text: `Deze raamovereenkomst geldt van ${isoNl(o.ingangsdatum)} tot en met ${isoNl(o.einddatum)}.` },
      { text: 'Artikel 3 – Tarief', style: 'sub' },
      {
        text: 'Op deze raamovereenkomst is het tariefbeleid van het zorgkantoor van toepassing. Het zorgkantoor stelt per prestatie een maximumtarief vast; de zorgaanbieder brengt ten hoogste dat maximumtarief in rekening. Er wordt niet op prijs of kwaliteit onderhandeld of gerangschikt.',
      },
      { text: 'Artikel 4 – Keuzevrijheid van de cliënt', style: 'sub' },
      {
        text: 'De cliënt kiest vrij bij welke toegelaten zorgaanbieder hij zorg ontvangt. Deze raamovereenkomst geeft geen recht op een bepaalde omvang van de zorg; die volgt uit de keuze van cliënten.',
      },
      { text: 'Artikel 5 – Onderdelen van de overeenkomst', style: 'sub' },
      {
        text: 'Het inkoopkader inclusief bijlagen en de Nota van Inlichtingen (bijlage 1 bij deze overeenkomst) maken integraal onderdeel uit van deze raamovereenkomst.',
      },
      ...(o.eisen.length
        ? [
            { text: 'Artikel 6 – Minimumeisen', style: 'sub' },
            {
              text: 'De zorgaanbieder blijft gedurende de looptijd voldoen aan de minimumeisen waarop hij is toegelaten:',
            },
            { ul: o.eisen.map((e) => `${e.code}: ${e.tekst}`), fontSize: 9 },
          ]
        : []),
      { text: 'Artikel 7 – Acceptatie', style: 'sub' },
      {
        text: 'De raamovereenkomst komt tot stand door acceptatie door de geregistreerde bestuurder van de zorgaanbieder in Zorginkoop Wlz.',
      },
      {
        text: `Aldus opgemaakt op ${datumNl(o.datum)} door ${o.besluitDoor} namens ${o.zorgkantoorNaam}.`,
        margin: [0, 18, 0, 0],
      },
      ...nviBijlage(o.nvi, o.nviVersie),
    ],
  });
}
