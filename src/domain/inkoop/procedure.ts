/**
 * The procurement procedure as a state machine, one per procedure type (Kader zorginkoop 2008 §3.3, Inkoopkader Langdurige Zorg 2016 §2.2,
 * Inkoopsafari §4.2: open house and best value). Pure: no I/O, no clock. The service applies a transition
 * and audits it in the same transaction; deadlines are checked separately (timeline.ts).
 *
 * Phases (fase):
 *   concept               being written by the zorgkantoor; providers see nothing
 *   gepubliceerd          public version out; providers read it and may draft inschrijvingen
 *   vragenronde           questions may be asked (until the 'vragen' deadline)
 *   nvi_gepubliceerd      a Nota van Inlichtingen is out (more versions may follow)
 *   toelating_doorlopend  open house only: continuous admission, every provider may submit at any time
 *   inschrijving_gesloten the submission deadline has passed; bids are unsealed for assessors
 *   preselectie           negotiated procedure: candidates are preselected
 *   onderhandeling        negotiated procedure: negotiation with the preselected candidates
 *   dialoog               dialogue model (2016): dialogue on zelfanalyse and ontwikkelplan (optional)
 *   beoordeling           assessors score against the published criteria
 *   verduidelijking       best value: clarification phase with the best-scoring provider(s)
 *   voorlopige_gunning    provisional award sent
 *   bezwaartermijn        objection window open
 *   definitieve_gunning   final award
 *   afgerond              contracts signed; procedure closed (final)
 *   ingetrokken           procedure withdrawn (final)
 */

export const PROCEDURE_TYPES = [
  'openbaar',
  'onderhandeling_voorselectie',
  'dialoog',
  'open_house',
  'best_value',
] as const;
export type ProcedureType = (typeof PROCEDURE_TYPES)[number];

export const FASEN = [
  'concept',
  'gepubliceerd',
  'vragenronde',
  'nvi_gepubliceerd',
  'toelating_doorlopend',
  'inschrijving_gesloten',
  'preselectie',
  'onderhandeling',
  'dialoog',
  'beoordeling',
  'verduidelijking',
  'voorlopige_gunning',
  'bezwaartermijn',
  'definitieve_gunning',
  'afgerond',
  'ingetrokken',
] as const;
export type Fase = (typeof FASEN)[number];

export const ACTIES = [
  'publiceren',
  'vragenronde_openen',
  'nvi_publiceren',
  'toelating_openen',
  'toelating_sluiten',
  'inschrijving_sluiten',
  'preselectie_starten',
  'onderhandeling_starten',
  'dialoog_starten',
  'beoordeling_starten',
  'verduidelijking_starten',
  'voorlopig_gunnen',
  'bezwaartermijn_starten',
  'definitief_gunnen',
  'afronden',
  'intrekken',
] as const;
export type Actie = (typeof ACTIES)[number];

export const PROCEDURE_NAMEN: Record<ProcedureType, { nl: string; en: string; bron: string }> = {
  openbaar: {
    nl: 'Openbare procedure',
    en: 'Open procedure',
    bron: 'Kader zorginkoop 2008, §3.3 Keuze van inkoopprocedure',
  },
  onderhandeling_voorselectie: {
    nl: 'Procedure van onderhandeling met voorafgaande bekendmaking',
    en: 'Negotiated procedure with preselection',
    bron: 'Kader zorginkoop 2008, §3.3 Keuze van inkoopprocedure',
  },
  dialoog: {
    nl: 'Dialoogmodel (inkoopkader 2016)',
    en: 'Dialogue model (2016 framework)',
    bron: 'Inkoopkader Langdurige Zorg 2016, §2.2 Inkoopprocedure 2016',
  },
  open_house: {
    nl: 'Open house (iedere aanbieder die aan de eisen voldoet krijgt een raamovereenkomst)',
    en: 'Open house',
    bron: 'Inkoopsafari – Verkenning van de praktijk van zorginkoop, §4.2 (Zeeuwse model, bij gemeenten in de Wmo); Keuze van het product: voor de Wlz een optie van het product',
  },
  best_value: {
    nl: "Best value / prestatie-inkoop (kort voorstel, eigen KPI's)",
    en: 'Best value procurement',
    bron: 'Inkoopsafari – Verkenning van de praktijk van zorginkoop, §4.2 (gemeenten, Wmo), §1.3 en §2.2 (zorgverzekeraars, Zvw); Keuze van het product: voor de Wlz een optie van het product',
  },
};

type Overgang = readonly [Actie, readonly Fase[], Fase];

/** Transitions shared by the deadline-driven procedures (everything but open house). */
const VOOR_SLUITING: Overgang[] = [
  ['publiceren', ['concept'], 'gepubliceerd'],
  ['vragenronde_openen', ['gepubliceerd'], 'vragenronde'],
  ['nvi_publiceren', ['vragenronde'], 'nvi_gepubliceerd'],
  ['inschrijving_sluiten', ['gepubliceerd', 'nvi_gepubliceerd'], 'inschrijving_gesloten'],
];
const NA_BEOORDELING: Overgang[] = [
  ['bezwaartermijn_starten', ['voorlopige_gunning'], 'bezwaartermijn'],
  ['definitief_gunnen', ['bezwaartermijn'], 'definitieve_gunning'],
  ['afronden', ['definitieve_gunning'], 'afgerond'],
];
/** Withdrawal is possible from every phase the type can reach, up to the final award. */
function metIntrekken(o: Overgang[]): Overgang[] {
  const bereikbaar = new Set<Fase>(['concept']);
  for (const [, , naar] of o) bereikbaar.add(naar);
  const intrekbaar = FASEN.filter(
    (f) => bereikbaar.has(f) && !['definitieve_gunning', 'afgerond', 'ingetrokken'].includes(f),
  );
  return [...o, ['intrekken', intrekbaar, 'ingetrokken']];
}

const BASIS: Record<ProcedureType, Overgang[]> = {
  openbaar: [
    ...VOOR_SLUITING,
    ['beoordeling_starten', ['inschrijving_gesloten'], 'beoordeling'],
    ['voorlopig_gunnen', ['beoordeling'], 'voorlopige_gunning'],
    ...NA_BEOORDELING,
  ],
  onderhandeling_voorselectie: [
    ...VOOR_SLUITING,
    ['preselectie_starten', ['inschrijving_gesloten'], 'preselectie'],
    ['onderhandeling_starten', ['preselectie'], 'onderhandeling'],
    ['beoordeling_starten', ['onderhandeling'], 'beoordeling'],
    ['voorlopig_gunnen', ['beoordeling'], 'voorlopige_gunning'],
    ...NA_BEOORDELING,
  ],
  dialoog: [
    ...VOOR_SLUITING,
    // The dialogue is optional ("facultatief", Inkoopkader Langdurige Zorg 2016 §2.2): assessment may start straight away.
    ['dialoog_starten', ['inschrijving_gesloten'], 'dialoog'],
    ['beoordeling_starten', ['inschrijving_gesloten', 'dialoog'], 'beoordeling'],
    ['voorlopig_gunnen', ['beoordeling'], 'voorlopige_gunning'],
    ...NA_BEOORDELING,
  ],
  open_house: [
    ['publiceren', ['concept'], 'gepubliceerd'],
    ['vragenronde_openen', ['gepubliceerd'], 'vragenronde'],
    ['nvi_publiceren', ['vragenronde'], 'nvi_gepubliceerd'],
    ['toelating_openen', ['gepubliceerd', 'nvi_gepubliceerd'], 'toelating_doorlopend'],
    ['toelating_sluiten', ['toelating_doorlopend'], 'afgerond'],
  ],
  best_value: [
    ...VOOR_SLUITING,
    ['beoordeling_starten', ['inschrijving_gesloten'], 'beoordeling'],
    ['verduidelijking_starten', ['beoordeling'], 'verduidelijking'],
    ['voorlopig_gunnen', ['verduidelijking'], 'voorlopige_gunning'],
    ...NA_BEOORDELING,
  ],
};

export const OVERGANGEN: Record<ProcedureType, readonly Overgang[]> = Object.fromEntries(
  PROCEDURE_TYPES.map((t) => [t, metIntrekken(BASIS[t])]),
) as unknown as Record<ProcedureType, readonly Overgang[]>;

export type OvergangResultaat =
  | { ok: true; van: Fase; naar: Fase; actie: Actie; regel: string }
  | { ok: false; van: Fase; actie: Actie; reden: string; toegestaan: Actie[] };

export const REGEL = 'inkoop.procedure.v1';

/** The actions allowed from a phase for a procedure type. */
export function toegestaneActies(type: ProcedureType, fase: Fase): Actie[] {
  return OVERGANGEN[type].filter(([, van]) => van.includes(fase)).map(([a]) => a);
}

/** Applies an action; refuses with the reason (naming the rule) when it is not allowed. */
export function overgang(type: ProcedureType, fase: Fase, actie: Actie): OvergangResultaat {
  const o = OVERGANGEN[type].find(([a, van]) => a === actie && van.includes(fase));
  if (o) return { ok: true, van: fase, naar: o[2], actie, regel: `${REGEL}:${type}` };
  const toegestaan = toegestaneActies(type, fase);
  const bestaat = OVERGANGEN[type].some(([a]) => a === actie);
  const reden = !bestaat
    ? `De actie '${actie}' bestaat niet bij een ${PROCEDURE_NAMEN[type].nl.toLowerCase()} (regel ${REGEL}:${type}).`
    : isEindfase(fase)
      ? `De procedure is ${fase}; er zijn geen overgangen meer mogelijk (regel ${REGEL}:${type}).`
      : `De actie '${actie}' kan niet in fase '${fase}' (regel ${REGEL}:${type}). Toegestaan: ${toegestaan.join(', ') || 'geen'}.`;
  return { ok: false, van: fase, actie, reden, toegestaan };
}

export const isEindfase = (f: Fase) => f === 'afgerond' || f === 'ingetrokken';

/** Phases in which providers see the published version. */
export const isOpenbaar = (f: Fase) => f !== 'concept';

/** Phases in which providers may create, change, submit or withdraw an inschrijving (the deadline is checked separately). */
export function accepteertInschrijvingen(type: ProcedureType, f: Fase): boolean {
  if (type === 'open_house')
    return f === 'toelating_doorlopend' || f === 'gepubliceerd' || f === 'vragenronde' || f === 'nvi_gepubliceerd';
  return f === 'gepubliceerd' || f === 'vragenronde' || f === 'nvi_gepubliceerd';
}

/** Questions may be asked only during the vragenronde (and before the 'vragen' deadline). */
export const accepteertVragen = (f: Fase) => f === 'vragenronde';

/**
 * Whether the zorgkantoor's people (assessors, purchasers) may open submitted bids in this phase.
 * Open house: admission is continuous, so a submitted bid is assessed as it comes in.
 */
export function inschrijvingenOntzegeld(type: ProcedureType, f: Fase): boolean {
  if (type === 'open_house') return f === 'toelating_doorlopend' || f === 'afgerond';
  return !['concept', 'gepubliceerd', 'vragenronde', 'nvi_gepubliceerd', 'ingetrokken'].includes(f);
}

/** Every phase a procedure type can reach, in the usual order (for UIs and status output). */
export function fasenVan(type: ProcedureType): Fase[] {
  const seen = new Set<Fase>(['concept']);
  for (const [, , naar] of OVERGANGEN[type]) seen.add(naar);
  return FASEN.filter((f) => seen.has(f));
}
