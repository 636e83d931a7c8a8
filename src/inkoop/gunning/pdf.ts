/**
 * Dutch PDF documents of the award: voorlopige and definitieve gunningsbrief, and the overeenkomst
 * with the Nota van Inlichtingen as an annex (Inkoopkader Langdurige Zorg 2016, §2.2.1: "maken integraal onderdeel uit van
 * de overeenkomst"). pdfmake with the 14 standard PDF fonts (Helvetica, built into every reader),
 * so no font file is downloaded or shipped. Uncompressed content streams: text stays checkable.
 */
import pdfmake from 'pdfmake';
import { formatEuroNl } from '../../domain/money.ts';

const HELVETICA = {
  normal: 'Helvetica',
  bold: 'Helvetica-Bold',
  italics: 'Helvetica-Oblique',
  bolditalics: 'Helvetica-BoldOblique',
};
pdfmake.setFonts({ Helvetica: HELVETICA });
// Standard fonts are resolved by name inside pdfkit; nothing else may be read from disk or the network.
pdfmake.setLocalAccessPolicy((p: string) => Object.values(HELVETICA).includes(p));
pdfmake.setUrlAccessPolicy(() => false);

export interface RedenRegel {
  code: string;
  regel: string;
  voldaan: boolean;
  toelichting: string;
}

export interface BriefGegevens {
  kenmerk: string;
  zorgkantoorNaam: string;
  aanbiederNaam: string;
  aanbiederId: string;
  kaderTitel: string;
  sector: string;
  jaarVan: number;
  jaarTot: number;
  uitkomst: string;
  uitkomstTekst: string;
  looptijdJaren: number;
  opslagPercentage: string;
  redenen: RedenRegel[];
  totaalscore?: string | null;
  knockOut?: string | null;
  datum: Date;
  /** objection window end (voorlopige gunning) */
  bezwaarTot?: Date | null;
  besluitDoor: string;
  /** best value: the offered price of the proposal, euros as an exact decimal string ("1234567.89") */
  aangebodenPrijs?: string | null;
  /** 2016 decision table: price per prestatie = basistarief + opslag (src/domain/inkoop/opslag.ts) */
  prijzen?: PrijsRegel[];
  /** how the opslag was decided and when it is granted, and the source */
  prijsToelichting2016?: string[];
}

export interface PrijsRegel {
  prestatieCode: string;
  omschrijving: string | null;
  nzaMax: string;
  basistariefPct: string;
  basistarief: string;
  opslagPct: string;
  prijs: string;
  maxTariefZk: string;
  voorbeeld: boolean;
}

/** The price table of a letter or contract: basistarief + opslag = prijs ≤ max. tarief ZK ≤ NZa-maximum. */
export function prijsBlok(g: { prijzen?: PrijsRegel[]; prijsToelichting2016?: string[] }): any[] {
  const uit: any[] = (g.prijsToelichting2016 ?? []).map((t) => ({ text: t, margin: [0, 2, 0, 2] }));
  if (!g.prijzen?.length) return uit;
  return [
    ...uit,
    {
      table: {
        headerRows: 1,
        widths: [60, '*', 55, 40, 55, 35, 55, 55],
        body: [
          ['Prestatie', 'Omschrijving', 'NZa-max.', 'Basis %', 'Basistarief', 'Opslag', 'Prijs', 'Max. ZK'].map(
            (t) => ({
              text: t,
              bold: true,
            }),
          ),
          ...g.prijzen.map((p) => [
            p.prestatieCode,
            `${p.omschrijving ?? ''}${p.voorbeeld ? ' (voorbeeldtarief)' : ''}`,
            formatEuroNl(p.nzaMax),
            `${pctNl(p.basistariefPct)}%`,
            formatEuroNl(p.basistarief),
            `${pctNl(p.opslagPct)}%`,
            formatEuroNl(p.prijs),
            formatEuroNl(p.maxTariefZk),
          ]),
        ],
      },
      layout: 'lightHorizontalLines',
      fontSize: 8,
      margin: [0, 4, 0, 4],
    },
  ];
}

export interface NviItem {
  nummer: number;
  onderwerp?: string | null;
  eisCode?: string | null;
  vraag: string;
  antwoord: string;
}

export interface OvereenkomstGegevens extends BriefGegevens {
  ingangsdatum: string;
  einddatum: string;
  kaderVersie: number | null;
  nviVersie: number | null;
  nvi: NviItem[];
  eisen: { code: string; tekst: string }[];
  /** best value: the provider's explanation of its price */
  prijsToelichting?: string | null;
  /** best value: the contract conditions the provider proposed itself (Artikel 5b) */
  voorwaarden?: string | null;
  /** best value: the provider's own KPIs, agreed at the final award (src/inkoop/bestvalue) */
  kpis?: {
    naam: string;
    eenheid: string;
    nulmeting: string;
    streefwaarde: string;
    richting: string;
    meetmethode: string;
    meetmoment?: string | null;
  }[];
}

export const datumNl = (d: Date) =>
  new Intl.DateTimeFormat('nl-NL', {
    timeZone: 'Europe/Amsterdam',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(d);
const tijdNl = (d: Date) =>
  new Intl.DateTimeFormat('nl-NL', {
    timeZone: 'Europe/Amsterdam',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(d);
export const isoNl = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return datumNl(new Date(Date.UTC(y, m - 1, d, 12)));
};
const pctNl = (p: string) => p.replace('.', ',');
const getalNl = (p: string) => p.replace('.', ',');

const STYLES = {
  kop: { fontSize: 16, bold: true, margin: [0, 0, 0, 12] },
  sub: { fontSize: 12, bold: true, margin: [0, 12, 0, 6] },
  klein: { fontSize: 8, color: '#555555' },
};

type Briefhoofd = Pick<
  BriefGegevens,
  | 'zorgkantoorNaam'
  | 'aanbiederNaam'
  | 'aanbiederId'
  | 'datum'
  | 'kenmerk'
  | 'kaderTitel'
  | 'sector'
  | 'jaarVan'
  | 'jaarTot'
>;

/** The letterhead of every letter (award, admission); `betreftExtra` is appended to the subject line. */
export function briefhoofd(g: Briefhoofd, betreftExtra?: string): any[] {
  return [
    { text: g.zorgkantoorNaam, bold: true, fontSize: 12 },
    { text: `Aan: ${g.aanbiederNaam} (${g.aanbiederId})`, margin: [0, 12, 0, 0] },
    { text: `Datum: ${datumNl(g.datum)}` },
    { text: `Kenmerk: ${g.kenmerk}` },
    {
      text: `Betreft: ${g.kaderTitel} (${g.sector}, ${g.jaarVan}${g.jaarTot !== g.jaarVan ? `–${g.jaarTot}` : ''})${betreftExtra ? `, ${betreftExtra}` : ''}`,
      margin: [0, 0, 0, 16],
    },
  ];
}

/** The table of conditions and their results in a letter: code, condition, met, explanation. */
export function redenTabel(
  rijen: { code: string; tekst: string; voldaan: boolean; toelichting: string }[],
  kop = 'Voorwaarde',
  breedtes: [number, number] = [50, 50],
): any {
  return {
    table: {
      headerRows: 1,
      widths: [breedtes[0], '*', breedtes[1], '*'],
      body: [
        [
          { text: 'Code', bold: true },
          { text: kop, bold: true },
          { text: 'Voldaan', bold: true },
          { text: 'Toelichting', bold: true },
        ],
        ...rijen.map((r) => [r.code, r.tekst, r.voldaan ? 'ja' : 'nee', r.toelichting]),
      ],
    },
    layout: 'lightHorizontalLines',
    fontSize: 9,
  };
}
const redenen = (rs: RedenRegel[]) =>
  redenTabel(rs.map((r) => ({ code: r.code, tekst: r.regel, voldaan: r.voldaan, toelichting: r.toelichting })));

const BEST_VALUE = 'bestvalue-overeenkomst';
const KADER_2008 = 'overeenkomst-2008';
const periodeNl = (g: { jaarVan: number; jaarTot: number }) =>
  g.jaarVan === g.jaarTot ? `${g.jaarVan}` : `${g.jaarVan} t/m ${g.jaarTot}`;

function uitkomstBlok(g: BriefGegevens): any[] {
  const regels: any[] = [{ text: `Uitkomst: ${g.uitkomstTekst}`, bold: true, margin: [0, 6, 0, 6] }];
  // best value: the kader period and the offered price; no tariff mark-up (src/domain/inkoop/bestvalue-uitkomst.ts)
  if (g.looptijdJaren > 0 && (g.uitkomst === BEST_VALUE || g.uitkomst === KADER_2008)) {
    regels.push({
      text: `Looptijd: ${g.looptijdJaren} jaar (${periodeNl(g)}).${g.aangebodenPrijs ? ` Aangeboden prijs: ${formatEuroNl(g.aangebodenPrijs)}.` : ''}`,
    });
  } else if (g.looptijdJaren > 0)
    regels.push({
      text: `Looptijd: ${g.looptijdJaren === 2 ? 'twee jaar' : 'één jaar'}. Tariefopslag op het basistarief: ${pctNl(g.opslagPercentage)}%.`,
    });
  if (g.totaalscore) regels.push({ text: `Uw gewogen totaalscore: ${pctNl(g.totaalscore)}.` });
  if (
    g.looptijdJaren > 0 &&
    g.uitkomst !== BEST_VALUE &&
    g.uitkomst !== KADER_2008 &&
    (g.prijzen?.length || g.prijsToelichting2016?.length)
  )
    regels.push({ text: 'Prijzen', style: 'sub' }, ...prijsBlok(g));
  if (g.knockOut)
    regels.push({ text: `De beoordeling is beëindigd omdat niet is voldaan aan de knock-outeis ${g.knockOut}.` });
  return regels;
}

export async function render(doc: any): Promise<Buffer> {
  const def = {
    ...doc,
    compress: false,
    defaultStyle: { font: 'Helvetica', fontSize: 10, lineHeight: 1.2 },
    styles: STYLES,
    pageSize: 'A4',
    pageMargins: [56, 56, 56, 56],
  };
  return pdfmake.createPdf(def).getBuffer();
}

export async function voorlopigeGunningsbrief(g: BriefGegevens): Promise<Buffer> {
  return render({
    info: {
      title: `Voorlopige gunning ${g.kaderTitel} – ${g.aanbiederNaam}`,
      author: g.zorgkantoorNaam,
      subject: 'Voorlopige gunning',
    },
    content: [
      ...briefhoofd(g),
      { text: 'Voorlopige gunningsbeslissing', style: 'kop' },
      { text: `Geachte bestuurder van ${g.aanbiederNaam},` },
      {
        text: `Wij hebben uw inschrijving voor ${g.kaderTitel} beoordeeld. Hierbij delen wij u onze voorlopige gunningsbeslissing mee.`,
        margin: [0, 6, 0, 0],
      },
      ...uitkomstBlok(g),
      { text: 'Onderbouwing', style: 'sub' },
      redenen(g.redenen),
      { text: 'Bezwaar', style: 'sub' },
      {
        text: g.bezwaarTot
          ? `Bent u het niet eens met deze voorlopige gunning, dan kunt u tot en met ${tijdNl(g.bezwaarTot)} bezwaar maken via Zorginkoop Wlz. Na afloop van deze termijn volgt de definitieve gunning.`
          : 'Na afloop van de bezwaartermijn volgt de definitieve gunning.',
      },
      { text: `Met vriendelijke groet,\n${g.besluitDoor}\n${g.zorgkantoorNaam}`, margin: [0, 18, 0, 0] },
      {
        text: 'Dit is een voorlopige beslissing; er kunnen nog geen rechten aan worden ontleend.',
        style: 'klein',
        margin: [0, 24, 0, 0],
      },
    ],
  });
}

export async function definitieveGunningsbrief(g: BriefGegevens): Promise<Buffer> {
  return render({
    info: {
      title: `Definitieve gunning ${g.kaderTitel} – ${g.aanbiederNaam}`,
      author: g.zorgkantoorNaam,
      subject: 'Definitieve gunning',
    },
    content: [
      ...briefhoofd(g),
      { text: 'Definitieve gunningsbeslissing', style: 'kop' },
      { text: `Geachte bestuurder van ${g.aanbiederNaam},` },
      { text: `Hierbij delen wij u de definitieve gunningsbeslissing voor ${g.kaderTitel} mee.`, margin: [0, 6, 0, 0] },
      ...uitkomstBlok(g),
      { text: 'Onderbouwing', style: 'sub' },
      redenen(g.redenen),
      g.looptijdJaren > 0
        ? {
            text: 'De overeenkomst staat voor u klaar in Zorginkoop Wlz. De overeenkomst wordt van kracht na acceptatie door uw geregistreerde bestuurder.',
            margin: [0, 12, 0, 0],
          }
        : { text: 'Met deze beslissing komt er geen overeenkomst tot stand.', margin: [0, 12, 0, 0] },
      { text: `Met vriendelijke groet,\n${g.besluitDoor}\n${g.zorgkantoorNaam}`, margin: [0, 18, 0, 0] },
    ],
  });
}

/** The parties block of every contract (overeenkomst, raamovereenkomst). */
export function partijen(o: {
  zorgkantoorNaam: string;
  aanbiederNaam: string;
  aanbiederId: string;
}): Record<string, unknown>[] {
  return [
    { text: 'Partijen', style: 'sub' },
    {
      ol: [
        `${o.zorgkantoorNaam}, handelend als zorgkantoor namens de Wlz-uitvoerders, hierna: het zorgkantoor;`,
        `${o.aanbiederNaam} (${o.aanbiederId}), hierna: de zorgaanbieder.`,
      ],
    },
  ];
}

/** Bijlage 1 of every contract: the Nota van Inlichtingen (anonymous questions and answers), on a new page. */
export function nviBijlage(nvi: NviItem[], nviVersie: number | null): Record<string, unknown>[] {
  return [
    {
      text: `Bijlage 1 – Nota van Inlichtingen${nviVersie ? ` (versie ${nviVersie})` : ''}`,
      style: 'kop',
      pageBreak: 'before',
    },
    nvi.length
      ? {
          table: {
            headerRows: 1,
            widths: [24, 40, '*', '*'],
            body: [
              [
                { text: 'Nr.', bold: true },
                { text: 'Eis', bold: true },
                { text: 'Vraag', bold: true },
                { text: 'Antwoord', bold: true },
              ],
              ...nvi.map((n) => [String(n.nummer), n.eisCode ?? '', n.vraag, n.antwoord]),
            ],
          },
          layout: 'lightHorizontalLines',
          fontSize: 9,
        }
      : { text: 'Er zijn geen vragen gesteld; de Nota van Inlichtingen is leeg.' },
  ];
}

/**
 * Best value: Artikel 2 text (the kader period) and Artikel 3 – Prijs: the offered price of the
 * proposal (exact, Dutch notation), with the terms of the proposal and the agreed KPIs (Artikel 5a).
 * No basistarief and no mark-up: those belong to the 2016 decision table.
 */
function bestValueLooptijdEnPrijs(o: OvereenkomstGegevens): Record<string, unknown>[] {
  return [
    {
      text: `Deze overeenkomst geldt van ${isoNl(o.ingangsdatum)} tot en met ${isoNl(o.einddatum)}: ${o.looptijdJaren} jaar, de looptijd van het inkoopkader.`,
    },
    { text: 'Artikel 3 – Prijs', style: 'sub' },
    {
      text: `De zorgaanbieder levert de zorg tegen de prijs uit zijn best value-voorstel: ${o.aangebodenPrijs ? formatEuroNl(o.aangebodenPrijs) : 'de aangeboden prijs'}.${o.prijsToelichting ? ` Toelichting van de zorgaanbieder: ${o.prijsToelichting}` : ''}`,
    },
    {
      text: `De voorwaarden uit het voorstel van de zorgaanbieder${o.kpis?.length ? ' en de afgesproken prestatie-indicatoren (artikel 5a)' : ''} zijn van toepassing. Uitkomst van de gunning: ${o.uitkomstTekst}.`,
      margin: [0, 6, 0, 0],
    },
  ];
}

export async function overeenkomstPdf(o: OvereenkomstGegevens): Promise<Buffer> {
  return render({
    info: {
      title: `Overeenkomst ${o.kaderTitel} – ${o.aanbiederNaam}`,
      author: o.zorgkantoorNaam,
      subject: 'Overeenkomst Wlz-zorg',
    },
    content: [
      { text: 'Overeenkomst Wlz-zorg', style: 'kop' },
      { text: `Kenmerk: ${o.kenmerk}` },
      ...partijen(o),
      { text: 'Artikel 1 – Onderwerp', style: 'sub' },
      {
        text: `De zorgaanbieder levert Wlz-zorg in de sector ${o.sector} onder de voorwaarden van ${o.kaderTitel} (versie ${o.kaderVersie ?? '–'}).`,
      },
      { text: 'Artikel 2 – Looptijd', style: 'sub' },
      ...(o.uitkomst === BEST_VALUE
        ? bestValueLooptijdEnPrijs(o)
        : [
            {
              text: `Deze overeenkomst geldt van ${isoNl(o.ingangsdatum)} tot en met ${isoNl(o.einddatum)} (${o.looptijdJaren === 2 ? 'tweejarige' : 'eenjarige'} overeenkomst).`,
            },
            { text: 'Artikel 3 – Tarief', style: 'sub' },
            {
              text: `Op deze overeenkomst is het basistarief van het zorgkantoor van toepassing, verhoogd met een tariefopslag van ${pctNl(o.opslagPercentage)}%. Uitkomst van de gunning: ${o.uitkomstTekst}.`,
            },
            ...prijsBlok(o),
          ]),
      { text: 'Artikel 4 – Onderdelen van de overeenkomst', style: 'sub' },
      {
        text: 'Het inkoopkader inclusief bijlagen en de Nota van Inlichtingen (bijlage 1 bij deze overeenkomst) maken integraal onderdeel uit van deze overeenkomst.',
      },
      ...(o.eisen.length
        ? [
            { text: 'Artikel 5 – Eisen', style: 'sub' },
            { ul: o.eisen.map((e) => `${e.code}: ${e.tekst}`), fontSize: 9 },
          ]
        : []),
      ...(o.kpis?.length
        ? [
            { text: "Artikel 5a – Afgesproken prestatie-indicatoren (KPI's)", style: 'sub' },
            {
              text: "De zorgaanbieder heeft deze KPI's zelf voorgesteld (best value / prestatie-inkoop). Partijen volgen de voortgang op deze KPI's gedurende de looptijd.",
              margin: [0, 0, 0, 6],
            },
            {
              table: {
                headerRows: 1,
                widths: ['*', 50, 50, 50, '*'],
                body: [
                  [
                    { text: 'KPI', bold: true },
                    { text: 'Eenheid', bold: true },
                    { text: 'Nulmeting', bold: true },
                    { text: 'Streefwaarde', bold: true },
                    { text: 'Meetmethode', bold: true },
                  ],
                  ...o.kpis.map((x) => [
                    x.naam,
                    x.eenheid,
                    getalNl(x.nulmeting),
                    `${getalNl(x.streefwaarde)}${x.richting === 'handhaven' ? ' (handhaven)' : ''}`,
                    `${x.meetmethode}${x.meetmoment ? ` (${x.meetmoment})` : ''}`,
                  ]),
                ],
              },
              layout: 'lightHorizontalLines',
              fontSize: 9,
            },
          ]
        : []),
      ...(o.voorwaarden
        ? [
            { text: 'Artikel 5b – Voorwaarden voorgesteld door de zorgaanbieder', style: 'sub' },
            {
              text: 'De zorgaanbieder heeft deze contractvoorwaarden zelf voorgesteld in zijn best value-voorstel; zij maken deel uit van deze overeenkomst.',
              margin: [0, 0, 0, 6],
            },
            { text: o.voorwaarden, fontSize: 9 },
          ]
        : []),
      { text: 'Artikel 6 – Acceptatie', style: 'sub' },
      {
        text: 'De overeenkomst komt tot stand door acceptatie door de geregistreerde bestuurder van de zorgaanbieder in Zorginkoop Wlz.',
      },
      {
        text: `Aldus opgemaakt op ${datumNl(o.datum)} door ${o.besluitDoor} namens ${o.zorgkantoorNaam}.`,
        margin: [0, 18, 0, 0],
      },
      ...nviBijlage(o.nvi, o.nviVersie),
    ],
  });
}

/**
 * The visible text of one of our (uncompressed, standard-font) PDFs, for tests and checks:
 * the hex strings of every TJ operator decoded as WinAnsi, lines joined with newlines.
 */
// WinAnsiEncoding differs from Latin-1 only in 0x80–0x9F (€, dashes, quotes, …).
const WIN_ANSI_80 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const winAnsi = (bytes: Buffer) =>
  [...bytes].map((b) => (b >= 0x80 && b <= 0x9f ? WIN_ANSI_80[b - 0x80] : String.fromCharCode(b))).join('');

export function pdfTekst(pdf: Buffer): string {
  const s = pdf.toString('latin1');
  const out: string[] = [];
  // pdfkit writes each word as "1 0 0 1 x y Tm [<hex> kern …] TJ"; a new y starts a new line.
  const re = /(-?[\d.]+) (-?[\d.]+) Tm|\[((?:<[0-9a-fA-F]*>\s*-?[\d.]*\s*)+)\]\s*TJ/g;
  let line = '';
  let y: string | null = null;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    if (m[2] !== undefined) {
      if (y !== null && m[2] !== y && line) {
        out.push(line.trimEnd());
        line = '';
      }
      y = m[2];
      continue;
    }
    for (const h of m[3].match(/<([0-9a-fA-F]*)>/g) ?? []) {
      const bytes = Buffer.from(h.slice(1, -1), 'hex');
      line += winAnsi(bytes);
    }
  }
  if (line) out.push(line.trimEnd());
  return out.join('\n');
}
