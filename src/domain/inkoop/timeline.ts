/**
 * Deadlines of a procurement procedure. A deadline is written in Europe/Amsterdam local time
 * ("uiterlijk 31 juli 2015 17.00 uur") and stored as an instant; it is always evaluated against the
 * server clock (ctx.now()), with one-second precision: a submission at 17:00:00 is on time, one at
 * 17:00:01 is late. Conversions use Intl only (the platform's tz database), so the DST changes on
 * the last Sunday of March and October are handled:
 *  - a local time that does not exist (02:30 on the spring-forward Sunday) moves forward by the gap
 *    (03:30 CEST);
 *  - a local time that exists twice (02:30 on the fall-back Sunday) means the first occurrence (CEST).
 */

export const TIJDZONE = 'Europe/Amsterdam';

export const TERMIJN_FASEN = [
  'publicatie',
  'vragen',
  'nvi',
  'inschrijving',
  'dialoog',
  'voorlopige_gunning',
  'bezwaar',
  'definitieve_gunning',
  'toelating',
] as const;
export type TermijnFase = (typeof TERMIJN_FASEN)[number];

export const TERMIJN_NAMEN: Record<TermijnFase, { nl: string; en: string }> = {
  publicatie: { nl: 'Publicatie inkoopkader', en: 'Publication of the framework' },
  vragen: { nl: 'Vragen stellen (Nota van Inlichtingen)', en: 'Questions (clarification memo)' },
  nvi: { nl: 'Nota van Inlichtingen beschikbaar', en: 'Clarification memo published' },
  inschrijving: {
    nl: 'Inschrijving (incl. zelfanalyse en voorstel ontwikkelplan)',
    en: 'Submission (incl. self-analysis and draft plan)',
  },
  dialoog: { nl: 'Dialoog zorgaanbieder–zorgkantoor', en: 'Dialogue provider–care office' },
  voorlopige_gunning: { nl: 'Voorlopige gunning', en: 'Provisional award' },
  bezwaar: { nl: 'Bezwaartermijn', en: 'Objection period' },
  definitieve_gunning: { nl: 'Definitieve gunning', en: 'Final award' },
  toelating: { nl: 'Doorlopende toelating (open house)', en: 'Continuous admission (open house)' },
};

export interface Termijn {
  fase: TermijnFase;
  begintOp: Date | null;
  eindigtOp: Date | null;
  omschrijving?: string | null;
}

const fmt = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIJDZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

interface LocalParts {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
}

function partsOf(instant: Date): LocalParts {
  const p: Record<string, string> = {};
  for (const x of fmt.formatToParts(instant)) p[x.type] = x.value;
  return {
    y: Number(p.year),
    mo: Number(p.month),
    d: Number(p.day),
    h: Number(p.hour),
    mi: Number(p.minute),
    s: Number(p.second),
  };
}

/** The offset of Amsterdam local time from UTC at an instant, in minutes (60 in winter, 120 in summer). */
export function offsetMinuten(instant: Date): number {
  const p = partsOf(instant);
  const asUtc = Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi, p.s);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

const LOKAAL_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** "2015-07-31T17:00" (Amsterdam local; seconds optional; date alone = 00:00) → the instant. */
export function lokaalNaarInstant(lokaal: string): Date {
  const m = LOKAAL_RE.exec(lokaal.trim());
  if (!m) throw new Error(`Ongeldige lokale tijd '${lokaal}': verwacht JJJJ-MM-DDTUU:MM[:SS] (Europe/Amsterdam).`);
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(Number);
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) {
    throw new Error(`Ongeldige lokale tijd '${lokaal}': deze datum of tijd bestaat niet.`);
  }
  const t = Date.UTC(y, mo - 1, d, h, mi, s);
  const voor = offsetMinuten(new Date(t - 12 * 3600_000));
  const na = offsetMinuten(new Date(t + 12 * 3600_000));
  const kandidaten = [...new Set([voor, na])]
    .map((o) => t - o * 60000)
    .filter((i) => {
      const p = partsOf(new Date(i));
      return p.y === y && p.mo === mo && p.d === d && p.h === h && p.mi === mi && p.s === s;
    })
    .sort((a, b) => a - b);
  if (kandidaten.length) return new Date(kandidaten[0]); // ambiguous (fall back): the first occurrence
  return new Date(t - voor * 60000); // gap (spring forward): moves forward by the gap
}

/** The instant as Amsterdam local time: "2015-07-31T17:00:00+02:00". */
export function instantNaarLokaal(instant: Date): string {
  const p = partsOf(instant);
  const o = offsetMinuten(instant);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const sign = o >= 0 ? '+' : '-';
  return `${pad(p.y, 4)}-${pad(p.mo)}-${pad(p.d)}T${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}${sign}${pad(Math.floor(Math.abs(o) / 60))}:${pad(Math.abs(o) % 60)}`;
}

/** Dutch text for a deadline: "vrijdag 31 juli 2015 17:00". */
export function formatteerNl(instant: Date): string {
  return new Intl.DateTimeFormat('nl-NL', {
    timeZone: TIJDZONE,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .format(instant)
    .replace(' om ', ' ');
}

const tot_seconde = (d: Date) => Math.floor(d.getTime() / 1000);

/**
 * Whether `nu` is on or before the deadline, at one-second precision: the whole second of the
 * deadline still counts ("uiterlijk 17.00 uur" includes 17:00:00.999), the next second is late.
 */
export function voorDeadline(nu: Date, deadline: Date): boolean {
  return tot_seconde(nu) <= tot_seconde(deadline);
}

/** Whether a phase has started at `nu` (a missing start means it has). */
export function begonnen(nu: Date, begin: Date | null): boolean {
  return !begin || tot_seconde(nu) >= tot_seconde(begin);
}

export interface Aftelling {
  deadline: string; // ISO instant
  deadlineLokaal: string; // Amsterdam local with offset
  verstreken: boolean;
  resterendeSeconden: number; // 0 once passed
  dagen: number;
  uren: number;
  minuten: number;
  seconden: number;
  tekst: string; // "nog 3 dagen, 4 uur en 5 minuten" / "verstreken"
}

/** Server-computed countdown to a deadline. */
export function aftelling(nu: Date, deadline: Date): Aftelling {
  const rest = Math.max(0, tot_seconde(deadline) - tot_seconde(nu));
  const verstreken = !voorDeadline(nu, deadline);
  const r = verstreken ? 0 : rest;
  const dagen = Math.floor(r / 86400);
  const uren = Math.floor((r % 86400) / 3600);
  const minuten = Math.floor((r % 3600) / 60);
  const seconden = r % 60;
  const delen: string[] = [];
  if (dagen) delen.push(`${dagen} ${dagen === 1 ? 'dag' : 'dagen'}`);
  if (uren) delen.push(`${uren} uur`);
  if (minuten) delen.push(`${minuten} ${minuten === 1 ? 'minuut' : 'minuten'}`);
  if (!dagen && !uren) delen.push(`${seconden} ${seconden === 1 ? 'seconde' : 'seconden'}`);
  const tekst = verstreken
    ? 'verstreken'
    : 'nog ' + (delen.length > 1 ? delen.slice(0, -1).join(', ') + ' en ' + delen[delen.length - 1] : delen[0]);
  return {
    deadline: deadline.toISOString(),
    deadlineLokaal: instantNaarLokaal(deadline),
    verstreken,
    resterendeSeconden: r,
    dagen,
    uren,
    minuten,
    seconden,
    tekst,
  };
}

/** The last Sunday of a month (the EU DST changes: March and October), as 'YYYY-MM-DD'. */
export function laatsteZondag(jaar: number, maand: number): string {
  const last = new Date(Date.UTC(jaar, maand, 0));
  last.setUTCDate(last.getUTCDate() - last.getUTCDay());
  return last.toISOString().slice(0, 10);
}

export interface TermijnSjabloon {
  fase: TermijnFase;
  begint: string | null;
  eindigt: string | null;
  omschrijving: string;
  bron: string;
}

/**
 * The 2016 timetable (Inkoopkader Langdurige Zorg 2016, §2.2, "De planning voor de inkoopprocedure"), for any calendar
 * year: publication 1 June; questions until 21 June; NvI by 3 July; submission by 31 July 17:00;
 * dialogue (optional); provisional award by 9 October; objection window; final award 1 November.
 * Dates without a time end at 23:59:59 local ("uiterlijk 21 juni" = the whole day).
 */
export function tijdlijn2016(jaar = 2015): TermijnSjabloon[] {
  const d = (md: string, t = '23:59:59') => `${jaar}-${md}T${t}`;
  const bron = 'Inkoopkader Langdurige Zorg 2016, §2.2 (De planning voor de inkoopprocedure)';
  const tijdstip = `${bron}. Tijdstip 09:00: Keuze van het product: de bron noemt geen tijdstip; 09:00 (Europe/Amsterdam) is het begin van een werkdag.`;
  return [
    {
      fase: 'publicatie',
      begint: d('06-01', '09:00:00'),
      eindigt: null,
      omschrijving: 'Publicatie inkoopkader zorgkantoor',
      bron: tijdstip,
    },
    {
      fase: 'vragen',
      begint: d('06-01', '09:00:00'),
      eindigt: d('06-21'),
      omschrijving: 'Indienen van vragen t.b.v. Nota van Inlichtingen (uiterlijk 21 juni)',
      bron: tijdstip,
    },
    {
      fase: 'nvi',
      begint: null,
      eindigt: d('07-03'),
      omschrijving: 'Nota van Inlichtingen beschikbaar stellen (uiterlijk 3 juli)',
      bron,
    },
    {
      fase: 'inschrijving',
      begint: d('06-01', '09:00:00'),
      eindigt: d('07-31', '17:00:00'),
      omschrijving:
        'Inschrijving zorgaanbieder incl. zelfanalyse en voorstel ontwikkelplan (uiterlijk 31 juli 17.00 uur)',
      bron: tijdstip,
    },
    {
      fase: 'dialoog',
      begint: d('08-01', '00:00:00'),
      eindigt: d('10-08'),
      omschrijving: 'Dialoog zorgaanbieder–zorgkantoor (facultatief)',
      bron: `Keuze van het product: het inkoopkader noemt de dialoog facultatief en zonder data (${bron}); het product plant haar tussen de sluiting van de inschrijving (31 juli 17.00 uur) en de voorlopige gunning (9 oktober).`,
    },
    {
      fase: 'voorlopige_gunning',
      begint: null,
      eindigt: d('10-09'),
      omschrijving: 'Voorlopige gunning (uiterlijk 9 oktober)',
      bron,
    },
    {
      fase: 'bezwaar',
      begint: d('10-10', '00:00:00'),
      eindigt: d('10-31'),
      omschrijving: 'Bezwaartermijn (niet in de bron; venster tussen voorlopige en definitieve gunning)',
      bron: `Keuze van het product: het inkoopkader noemt geen bezwaartermijn (${bron}); het product laat bezwaar toe tussen de voorlopige gunning (9 oktober) en de definitieve gunning (1 november).`,
    },
    {
      fase: 'definitieve_gunning',
      begint: d('11-01', '00:00:00'),
      eindigt: d('11-01'),
      omschrijving: 'Definitieve gunning (1 november)',
      bron,
    },
  ];
}

/** Turns a template (local times) into termijnen (instants). */
export function termijnenUitSjabloon(s: TermijnSjabloon[]): Termijn[] {
  return s.map((t) => ({
    fase: t.fase,
    omschrijving: t.omschrijving,
    begintOp: t.begint ? lokaalNaarInstant(t.begint) : null,
    eindigtOp: t.eindigt ? lokaalNaarInstant(t.eindigt) : null,
  }));
}

/** Which termijnen are running at `nu` (start passed, end not passed); end-only termijnen are milestones, never running. */
export function lopendeTermijnen(nu: Date, termijnen: Termijn[]): TermijnFase[] {
  return termijnen
    .filter((t) => t.begintOp && begonnen(nu, t.begintOp) && (!t.eindigtOp || voorDeadline(nu, t.eindigtOp)))
    .map((t) => t.fase);
}

/** Checks a timeline for order problems; returns the problems (empty = fine). */
export function controleerTijdlijn(termijnen: Termijn[]): string[] {
  const fouten: string[] = [];
  const by = new Map(termijnen.map((t) => [t.fase, t]));
  for (const t of termijnen) {
    if (t.begintOp && t.eindigtOp && t.begintOp > t.eindigtOp) fouten.push(`${t.fase}: begint na het einde.`);
  }
  const volgorde: TermijnFase[] = ['vragen', 'nvi', 'inschrijving', 'voorlopige_gunning', 'definitieve_gunning'];
  let vorige: Termijn | undefined;
  for (const f of volgorde) {
    const t = by.get(f);
    if (!t?.eindigtOp) continue;
    if (vorige?.eindigtOp && vorige.eindigtOp > t.eindigtOp) fouten.push(`${f}: eindigt vóór ${vorige.fase}.`);
    vorige = t;
  }
  return fouten;
}
