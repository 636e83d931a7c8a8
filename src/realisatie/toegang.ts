import { isManagerZorgkantoor, type Actor } from '../platform/auth/roles.ts';
import { conflict, forbidden } from '../platform/errors.ts';

/** Refuses (403) anyone but a manager of the zorgkantoor (of `zorgkantoorId`, when given); `wat` completes the sentence. */
export function vereisManagerZorgkantoor(a: Actor, wat: string, zorgkantoorId?: string): void {
  if (!isManagerZorgkantoor(a, zorgkantoorId)) throw forbidden(`Alleen een manager van het zorgkantoor ${wat}.`);
}

/**
 * The four-eyes decision step shared by herschikkingsrondes and nacalculaties: only a manager of the
 * zorgkantoor that owns the proposal (403), who did not prepare it (403), decides, and only while it
 * is still 'voorgesteld' (409 with `code`).
 */
export function vereisVierOgenBesluit(
  a: Actor,
  x: {
    /** completes "Alleen een manager van het zorgkantoor …" */
    wat: string;
    zorgkantoorId: string;
    /** every user who prepared it (proposed or adjusted) */
    voorbereidDoor: readonly (string | null)[];
    /** completes "Vier ogen: u heeft …; een andere manager moet besluiten." */
    voorbereid: string;
    /** completes "Over … is al besloten (status)." */
    onderwerp: string;
    status: string;
    /** the problem code when it was already decided */
    code: string;
  },
): void {
  vereisManagerZorgkantoor(a, x.wat, x.zorgkantoorId);
  if (x.voorbereidDoor.includes(a.gebruikerId))
    throw forbidden(`Vier ogen: u heeft ${x.voorbereid}; een andere manager moet besluiten.`);
  if (x.status !== 'voorgesteld') throw conflict(x.code, `Over ${x.onderwerp} is al besloten (${x.status}).`);
}
