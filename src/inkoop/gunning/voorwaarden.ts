/**
 * Gates are gates, conditions are conditions — the assessment side (src/domain/inkoop/toetreding.ts).
 *
 * For the kaders decided by the decision table (procedure types dialoog, openbaar,
 * onderhandeling_voorselectie):
 *  - the gate requirements that apply to the bidder's class (bestuursverklaring, Programma van Eisen,
 *    bijlagen, evidence for new providers; 2008: geschiktheidseisen and uitsluitingsgronden) are
 *    knock-out criteria of the assessment: judged automatically from a yes/no answer (stored with
 *    beoordeling.automatisch), otherwise by the assessor with motivation; the four-eyes decision
 *    confirms both. A failed one is "toetredingseisen niet voldaan" → geen overeenkomst, named;
 *  - the weighted criteria of a dialogue kader (F1–F3, the beoordelingskader ontwikkelplan) are
 *    scored only for bidders with an ontwikkelplan;
 *  - the two-year conditions (2016 G1–G4 and the regional ones) and the 2008 algemene
 *    gunningsvoorwaarden are not criteria: shown read-only with their source.
 * Best value and open house keep their own rules.
 */
import type { Queryable } from '../../platform/db/index.ts';
import { unprocessable } from '../../platform/errors.ts';
import type { Criterium, ScoreInvoer } from '../../domain/inkoop/beoordeling.ts';
import { bepalendeKlasse, eisGeldtVoor, type Klasse } from '../../domain/inkoop/classificatie.ts';
import {
  BRON_TWEEJARIG_2016,
  GUNNINGSVOORWAARDE,
  POORT_GROEPEN,
  poortOordeel,
  TOETREDING_REGEL,
  TWEEJARIGE_VOORWAARDE,
} from '../../domain/inkoop/toetreding.ts';
import * as store from './store.ts';
import { bronVermelding, INTERNE_BRONWOORDEN, noemtBekendeBron } from '../../domain/bronnen.ts';

export const BESLISTABEL_TYPES = ['dialoog', 'openbaar', 'onderhandeling_voorselectie'];

export type BeoordeelCriterium = Criterium & {
  eisId: string;
  tekst: string;
  groep: string;
  bron: string | null;
  /** set for a gate requirement judged from the answer itself */
  automatisch: { voldaan: boolean; toelichting: string } | null;
};

interface KaderLike {
  id: string;
  procedure_type: string;
}

export async function klasseVan(q: Queryable, kaderId: string, organisatieId: string): Promise<Klasse> {
  return bepalendeKlasse(await store.klassenVan(q, kaderId, organisatieId));
}

/**
 * The criteria this bid is assessed on: the gate requirements of its class, then the kader's own
 * knock-out and weighted criteria (weighted ones of a dialogue kader only with an ontwikkelplan).
 * `basis` = criteriaVan(q, k) of gunning/service.ts (published criteria with the regional weights).
 */
export async function criteriaVoorInschrijving(
  q: Queryable,
  k: KaderLike,
  i: { id: string; organisatie_id: string },
  basis: (Criterium & { eisId: string; tekst: string })[],
): Promise<BeoordeelCriterium[]> {
  const bronnen = await store.eisBronnen(q, k.id);
  const metBron = (c: Criterium & { eisId: string; tekst: string }): BeoordeelCriterium => {
    const e = bronnen.find((x) => x.code === c.code);
    return { ...c, groep: e?.groep ?? '', bron: leesbareBron(e?.bron ?? null), automatisch: null };
  };
  if (!BESLISTABEL_TYPES.includes(k.procedure_type)) return basis.map(metBron);
  const klasse = await klasseVan(q, k.id, i.organisatie_id);
  const eisen = await store.eisenMetAntwoord(q, k.id, i.id, POORT_GROEPEN);
  const poort: BeoordeelCriterium[] = [];
  for (const e of eisen) {
    if (!eisGeldtVoor(e.van_toepassing, klasse)) continue;
    const o = poortOordeel(
      e,
      e.waarde === null && !e.document_id ? undefined : { waarde: e.waarde, documentId: e.document_id },
    );
    if (o.wijze === 'niet-van-toepassing') continue;
    poort.push({
      eisId: e.id,
      code: e.code,
      naam: e.tekst,
      tekst: e.tekst,
      soort: 'knock-out',
      groep: e.groep,
      bron: poortBron(e.groep, e.bron),
      automatisch: o.wijze === 'automatisch' ? { voldaan: o.voldaan!, toelichting: o.toelichting } : null,
    });
  }
  let rest = basis.map(metBron);
  if (k.procedure_type === 'dialoog') {
    if (!(await store.heeftOntwikkelplan(q, i.id))) rest = rest.filter((c) => c.soort !== 'gewogen');
  }
  const codes = new Set(poort.map((c) => c.code));
  return [...poort, ...rest.filter((c) => !codes.has(c.code))];
}

/**
 * Adds the automatic judgements to the assessor's scores. A score the assessor gives for an
 * automatically judged requirement must agree with it (the answer says it); a score for a criterion
 * this bid is not assessed on (weighted criteria without an ontwikkelplan) is refused.
 */
export function metAutomatischeOordelen(crit: BeoordeelCriterium[], scores: ScoreInvoer[]): ScoreInvoer[] {
  const fouten: { waar: string; wat: string; actie: string }[] = [];
  const uit: ScoreInvoer[] = [];
  for (const s of scores) {
    const c = crit.find((x) => x.code === s.criteriumCode);
    if (c?.automatisch) {
      if (typeof s.voldaan === 'boolean' && s.voldaan !== c.automatisch.voldaan)
        fouten.push({
          waar: c.code,
          wat: `${c.code} is automatisch beoordeeld uit het antwoord van de inschrijver (${c.automatisch.voldaan ? 'voldaan' : 'niet voldaan'}); een beoordelaar kan dat niet omdraaien (regel ${TOETREDING_REGEL}).`,
          actie: `Laat ${c.code} weg uit de scores.`,
        });
      continue;
    }
    uit.push(s);
  }
  if (fouten.length) throw unprocessable(TOETREDING_REGEL, fouten[0].wat, { fouten, actie: fouten[0].actie });
  for (const c of crit)
    if (c.automatisch)
      uit.unshift({ criteriumCode: c.code, voldaan: c.automatisch.voldaan, motivatie: c.automatisch.toelichting });
  return uit;
}

/** Marks the stored automatic judgements (beoordeling.automatisch, 0036). */
export async function markeerAutomatisch(
  q: Queryable,
  inschrijvingId: string,
  beoordelaarId: string,
  crit: BeoordeelCriterium[],
) {
  const ids = crit.filter((c) => c.automatisch).map((c) => c.eisId);
  if (ids.length) await store.markeerScoresAutomatisch(q, inschrijvingId, beoordelaarId, ids);
}

/** The framework sections a requirement group comes from, named by document (src/domain/bronnen.ts). */
export const BRON_VAN_GROEP = {
  poort2008: bronVermelding('zorginkoop-2008', '§3.4, Kader 3.1 Geschiktheidseisen en uitsluitingsgronden'),
  voorwaarden2008: bronVermelding('zorginkoop-2008', '§3.4, Kader 3.2 Algemene gunningsvoorwaarden'),
  toetreding2016: bronVermelding('inkoopkader-2016', '§2.2.2 Toetredingseisen'),
};

/**
 * A stored source text as users may see it. Texts stored by earlier versions may carry words of
 * this repository (a file name with a line number): those parts are dropped on read, and what is
 * left is shown only when it still names a document of the register; otherwise `terugval` (the
 * framework's section) or null. A zorgkantoor's own text without such words is shown as written.
 */
export function leesbareBron(bron: string | null, terugval: string | null = null): string | null {
  const tekst = bron?.trim();
  if (!tekst) return terugval;
  if (!INTERNE_BRONWOORDEN.test(tekst)) return tekst;
  const delen = tekst
    .split(/[;()]/)
    .map((deel) =>
      deel
        .split(',')
        .map((x) => x.trim())
        .filter((x) => x && !INTERNE_BRONWOORDEN.test(x))
        .join(', '),
    )
    .map((d) => d.replace(/[\s,.:]+$/, ''))
    .filter(Boolean);
  const rest = delen.join('; ');
  return rest && noemtBekendeBron(rest) ? rest : terugval;
}

/** The bron of a gate requirement for the screens (the kader's own text, else the framework's section). */
export function poortBron(groep: string, bron: string | null): string {
  const terugval =
    groep === 'geschiktheidseis' || groep === 'uitsluitingsgrond'
      ? BRON_VAN_GROEP.poort2008
      : BRON_VAN_GROEP.toetreding2016;
  return leesbareBron(bron, terugval) ?? terugval;
}

/** The contract terms of a 2008 kader (Kader 3.2), read-only with their source. */
export async function gunningsvoorwaarden(q: Queryable, kaderId: string) {
  const rows = await store.eisenMetBronVanGroep(q, kaderId, GUNNINGSVOORWAARDE);
  return rows.map((r) => ({
    code: r.code,
    tekst: r.tekst,
    bron: leesbareBron(r.bron, BRON_VAN_GROEP.voorwaarden2008) ?? BRON_VAN_GROEP.voorwaarden2008,
    toelichting: 'Onderdeel van de overeenkomst (algemene gunningsvoorwaarde); geen knock-out.',
  }));
}

export const VOORWAARDE_BRONNEN = {
  tweejarig: BRON_TWEEJARIG_2016,
  groep: TWEEJARIGE_VOORWAARDE,
};
