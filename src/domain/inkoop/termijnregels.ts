/**
 * When a kader accepts bids and questions: its phase (procedure.ts) and its terms (timeline.ts) together.
 * Pure: the services pass the kader's procedure, phase and the enforced (published) terms.
 */
import { accepteertInschrijvingen, accepteertVragen, type Fase, type ProcedureType } from './procedure.ts';
import { voorDeadline, type Termijn } from './timeline.ts';

/** The submission deadline of a kader (termijn 'inschrijving'), or null (open house without an end). */
export function deadlineVan(termijnen: Termijn[]): Date | null {
  return termijnen.find((t) => t.fase === 'inschrijving')?.eindigtOp ?? null;
}

/** Whether providers may (still) work on bids now: the phase accepts them and the deadline has not passed. */
export function inschrijvenOpen(
  k: { procedure_type: ProcedureType; fase: Fase },
  termijnen: Termijn[],
  nu: Date,
): boolean {
  if (!accepteertInschrijvingen(k.procedure_type, k.fase)) return false;
  const dl = deadlineVan(termijnen);
  return !dl || voorDeadline(nu, dl);
}

/** Whether questions may (still) be asked: the question round is on and its term has not ended. */
export function vragenOpen(k: { fase: Fase }, termijnen: Termijn[], nu: Date): boolean {
  if (!accepteertVragen(k.fase)) return false;
  const v = termijnen.find((x) => x.fase === 'vragen');
  return !v?.eindigtOp || voorDeadline(nu, v.eindigtOp);
}
