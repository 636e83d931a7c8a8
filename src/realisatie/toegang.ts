import { isManagerZorgkantoor, type Actor } from '../platform/auth/roles.ts';
import { forbidden } from '../platform/errors.ts';

/** Refuses (403) anyone but a manager of the zorgkantoor (of `zorgkantoorId`, when given); `wat` completes the sentence. */
export function vereisManagerZorgkantoor(a: Actor, wat: string, zorgkantoorId?: string): void {
  if (!isManagerZorgkantoor(a, zorgkantoorId)) throw forbidden(`Alleen een manager van het zorgkantoor ${wat}.`);
}
