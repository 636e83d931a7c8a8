/**
 * Sealing ("verzegeld") and the submission deadline, as pure rules on plain shapes. Every route that
 * reads bids, their documents, dialogue minutes or scores asks `verzegeld` with the PUBLISHED facts
 * (the published deadline and seal flag, never an unpublished working version), and every change of
 * the submission deadline after publication is checked by `deadlineWijziging`.
 *
 * Product choices (no source prescribes them; reasons given):
 * - The seal flag can only be set before publication: providers bid trusting the published terms,
 *   and lifting the seal halfway would show competitors' bids to the zorgkantoor before the deadline.
 * - After publication the submission deadline only moves later (an extension), never earlier: a
 *   provider planning on the published deadline must never be cut off, and an earlier deadline would
 *   unseal bids early. An extension takes effect only when it is published (audited on both steps).
 */
import { inschrijvingenOntzegeld, type Fase, type ProcedureType } from './procedure.ts';
import { voorDeadline } from './timeline.ts';

export const VERZEGELING_REGEL = 'inkoop.verzegeling';
export const DEADLINE_REGEL = 'inkoop.deadline.wijzigen';

export interface VerzegelingInvoer {
  /** the published submission deadline (null: none, e.g. an open house without an end) */
  deadline: Date | null;
  /** the server clock */
  nu: Date;
  /** the published seal flag (inkoopkader.verzegeld_voor_beoordelaars as published) */
  verzegeldVoorBeoordelaars: boolean;
  procedureType: ProcedureType;
  fase: Fase;
}

/**
 * Whether submitted bids are still sealed for the zorgkantoor (assessors, purchasers, managers,
 * controllers): until the published deadline has passed (the deadline second itself still counts as
 * before), or, without a deadline, until the phase opens the bids. A kader published unsealed is
 * readable at once.
 */
export function verzegeld(v: VerzegelingInvoer): boolean {
  if (!v.verzegeldVoorBeoordelaars) return false;
  if (v.deadline) return voorDeadline(v.nu, v.deadline);
  return !inschrijvingenOntzegeld(v.procedureType, v.fase);
}

/**
 * Whether the zorgkantoor may see that providers are preparing a bid (counts of concepts and
 * withdrawn bids): only once the published deadline has passed; with no deadline (open house) never.
 */
export function voorbereidingZichtbaar(deadline: Date | null, nu: Date): boolean {
  return !!deadline && !voorDeadline(nu, deadline);
}

export interface DeadlineWijziging {
  /** the procedure type (an open house may drop its end date: that is an extension) */
  procedureType: ProcedureType;
  /** the published submission deadline, or null when there is none published */
  gepubliceerd: Date | null;
  /** whether the kader has ever been published */
  isGepubliceerd: boolean;
  /** the requested submission deadline (null: none) */
  nieuw: Date | null;
  nu: Date;
  /** number of submitted bids (named in the refusal) */
  ingediend: number;
}

/** Why a change of the submission deadline is refused, or null when it is allowed. */
export function deadlineWijziging(w: DeadlineWijziging): { wat: string; actie: string } | null {
  if (!w.isGepubliceerd || !w.gepubliceerd) return null; // before publication the purchaser plans freely
  const bids = w.ingediend
    ? ` Er ${w.ingediend === 1 ? 'is al 1 inschrijving' : `zijn al ${w.ingediend} inschrijvingen`} ingediend.`
    : '';
  if (w.nieuw === null) {
    if (w.procedureType === 'open_house') return null;
    return {
      wat: `Na publicatie kan de sluitingstermijn voor inschrijving niet vervallen.${bids}`,
      actie: 'Laat de termijn "inschrijving" staan; verlengen (een latere einddatum) kan wel, en geldt na publicatie.',
    };
  }
  if (w.nieuw.getTime() < w.gepubliceerd.getTime()) {
    return {
      wat: `Na publicatie kan de sluitingstermijn voor inschrijving alleen later worden, nooit eerder (regel ${DEADLINE_REGEL}).${bids}`,
      actie: 'Kies een einddatum op of na de gepubliceerde sluitingstermijn (verlengen), en publiceer die wijziging.',
    };
  }
  if (!voorDeadline(w.nu, w.nieuw)) {
    return {
      wat: `De nieuwe sluitingstermijn ligt in het verleden (regel ${DEADLINE_REGEL}).`,
      actie: 'Kies een einddatum in de toekomst.',
    };
  }
  return null;
}
