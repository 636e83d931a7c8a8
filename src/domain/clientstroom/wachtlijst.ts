/**
 * The waiting list in iWlz terms and the waiting time of a client across status changes. Pure.
 *
 * Statuses are LDT_Leveringsstatus of iWlz 2.2 (code list of the Basisschema); the provider
 * reports them in AW35/AW39 with a LDT_LeveringsstatusClassificatie. A waiting episode is a run
 * of waiting statuses (urgent plaatsen, actief plaatsen, actief wachtend, wacht op voorkeur,
 * wacht uit voorzorg) ending at "in zorg" or "einde zorgvraag"; a change between waiting
 * statuses continues the same episode.
 *
 * Norms: "De zorgaanbieder bevordert dat de verzekerde zo snel mogelijk vanaf de indicatie de
 * zorg ontvangt; in beginsel binnen de normen voor aanvaardbare wachttijd (Treeknormen)."
 * (Kader zorginkoop 2008, modelbepalingen). Clients who wait by choice for the provider of their
 * preference ("wens wachtend": "Cliënten kunnen binnen een bepaalde termijn – de Treeknorm –
 * altijd naar een instelling, maar dit is niet altijd de instelling van hun voorkeur. Er zijn
 * cliënten die er bewust voor kiezen om te wachten …", RVS, Inkoopsafari, §5.2) are not held to
 * the norm: only days in urgent plaatsen, actief plaatsen and actief wachtend count towards it.
 */

export const LEVERINGSSTATUSSEN = ['1', '2', '3', '4', '5', '6', '7'] as const;
export type Leveringsstatus = (typeof LEVERINGSSTATUSSEN)[number];

/** LDT_Leveringsstatus, as in the iWlz 2.2 code list. */
export const LEVERINGSSTATUS_NAAM: Record<Leveringsstatus, string> = {
  '1': 'Actief wachtend',
  '2': 'Wacht op voorkeur',
  '3': 'Wacht uit voorzorg',
  '4': 'In zorg',
  '5': 'Einde zorgvraag',
  '6': 'Urgent plaatsen',
  '7': 'Actief plaatsen',
};

export const WACHTSTATUSSEN: readonly Leveringsstatus[] = ['6', '7', '1', '2', '3'];
/** Waiting for a place (not by choice): these days count towards the norm. */
export const NORMSTATUSSEN: readonly Leveringsstatus[] = ['6', '7', '1'];

export const isWachtend = (s: Leveringsstatus) => WACHTSTATUSSEN.includes(s);
export const isLeveringsstatus = (s: string): s is Leveringsstatus =>
  (LEVERINGSSTATUSSEN as readonly string[]).includes(s);

export interface StatusMoment {
  status: Leveringsstatus;
  /** date the status applies from, YYYY-MM-DD */
  vanaf: string;
}

export interface Wachttijd {
  /** the latest status on the peildatum, or null without any */
  status: Leveringsstatus | null;
  wachtend: boolean;
  /** start of the last waiting episode, or null when there was none */
  sinds: string | null;
  /** end of that episode (in zorg / einde zorgvraag), null while still waiting */
  tot: string | null;
  /** days in the episode up to the end or the peildatum */
  dagen: number;
  /** days of the episode in statuses that count towards the norm */
  dagenNorm: number;
  perStatus: Partial<Record<Leveringsstatus, number>>;
}

const DAG = 86_400_000;
const dagen = (van: string, tot: string) => Math.max(0, Math.round((Date.parse(tot) - Date.parse(van)) / DAG));

/**
 * The waiting time on `peildatum` from a client's status history. Moments after the peildatum are
 * ignored; on the same date the later moment in the list wins.
 */
export function berekenWachttijd(momenten: readonly StatusMoment[], peildatum: string): Wachttijd {
  const m = momenten
    .map((x, i) => ({ ...x, i }))
    .filter((x) => x.vanaf <= peildatum)
    .sort((a, b) => (a.vanaf === b.vanaf ? a.i - b.i : a.vanaf < b.vanaf ? -1 : 1));
  const leeg: Wachttijd = {
    status: null,
    wachtend: false,
    sinds: null,
    tot: null,
    dagen: 0,
    dagenNorm: 0,
    perStatus: {},
  };
  if (!m.length) return leeg;
  const status = m[m.length - 1].status;
  // The last waiting episode: walk back from the end to its first waiting moment.
  let eind = m.length - 1;
  while (eind >= 0 && !isWachtend(m[eind].status)) eind--;
  if (eind < 0) return { ...leeg, status };
  let begin = eind;
  while (begin > 0 && isWachtend(m[begin - 1].status)) begin--;
  const afsluiter = m[eind + 1];
  const tot = afsluiter ? afsluiter.vanaf : null;
  const grens = tot ?? peildatum;
  const perStatus: Partial<Record<Leveringsstatus, number>> = {};
  let totaal = 0;
  let norm = 0;
  for (let k = begin; k <= eind; k++) {
    const d = dagen(m[k].vanaf, k < eind ? m[k + 1].vanaf : grens);
    perStatus[m[k].status] = (perStatus[m[k].status] ?? 0) + d;
    totaal += d;
    if (NORMSTATUSSEN.includes(m[k].status)) norm += d;
  }
  return {
    status,
    wachtend: isWachtend(status),
    sinds: m[begin].vanaf,
    tot,
    dagen: totaal,
    dagenNorm: norm,
    perStatus,
  };
}

export interface Normtoets {
  /** the norm of the current status in days, null = no norm for this status */
  norm: number | null;
  overschreden: boolean;
  dagenOver: number;
}

/**
 * Whether a client still waiting has passed the norm of the current status. Days counted: those of
 * the episode in statuses that count (`telt`; default the statuses of waiting for a place, see
 * above; a zorgkantoor that sets a norm for a wish-waiting status makes those days count too).
 */
export function toetsNorm(
  w: Wachttijd,
  normDagen: number | null | undefined,
  telt: (s: Leveringsstatus) => boolean = (s) => NORMSTATUSSEN.includes(s),
): Normtoets & { dagenGeteld: number } {
  const geteld = (Object.entries(w.perStatus) as [Leveringsstatus, number][])
    .filter(([s]) => telt(s))
    .reduce((n, [, d]) => n + d, 0);
  if (!w.wachtend || normDagen === null || normDagen === undefined)
    return { norm: normDagen ?? null, overschreden: false, dagenOver: 0, dagenGeteld: geteld };
  const over = geteld - normDagen;
  return { norm: normDagen, overschreden: over > 0, dagenOver: Math.max(0, over), dagenGeteld: geteld };
}

export type Normen = Record<string, Partial<Record<Leveringsstatus, number | null>>>;

/**
 * Default norms per sector and waiting status, in days; every zorgkantoor can change them.
 * The sources require the Treeknormen but do not state their length; 6 weeks (42 days) for
 * actief plaatsen / actief wachtend is the product's default (the commonly used Treeknorm for
 * Wlz care), urgent plaatsen 7 days is the product's choice ("urgent": placed as soon as
 * possible), and waiting by choice has no norm (see above).
 */
export const STANDAARD_NORMEN_BRON =
  'Kader zorginkoop 2008, modelbepalingen: "in beginsel binnen de normen voor aanvaardbare wachttijd (Treeknormen)"; lengte: keuze van het product (6 weken; urgent 7 dagen), aan te passen per zorgkantoor.';
export function standaardNorm(status: Leveringsstatus): number | null {
  if (status === '6') return 7;
  if (status === '7' || status === '1') return 42;
  return null;
}
