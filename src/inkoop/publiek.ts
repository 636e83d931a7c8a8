/**
 * The public read model of the inkoop capability: published kaders (the immutable snapshot of every
 * published version, with its SHA-256) and the anonymous Nota's van Inlichtingen. Never part of it:
 * the working (unpublished) version, concept kaders, inschrijvingen, scores, or who asked a question.
 * A kader that was never published does not exist here. Used by src/openbaar.
 */
import type { Queryable } from '../platform/db/index.ts';
import * as store from './store.ts';
import { normaliseerSnapshot } from './snapshot.ts';

export type { KaderSnapshot } from './schemas.ts';
export type { PubliekKaderRij, PubliekFilter, PubliekeKeuzeRij, PubliekeVersieRij } from './store.ts';

export interface NotaRegel {
  nummer: number;
  onderwerp: string | null;
  eisCode: string | null;
  vraag: string;
  antwoord: string;
}

export interface PubliekeNota {
  versie: number;
  sha256: string;
  gepubliceerdOp: string;
  regels: NotaRegel[];
}

/** A published kader with its snapshot in today's requirement grouping (src/inkoop/snapshot.ts; the stored version is unchanged). */
const leesbaar = (r: store.PubliekKaderRij): store.PubliekKaderRij => ({
  ...r,
  snapshot: normaliseerSnapshot(r.snapshot, r.sjabloon),
});

export async function gepubliceerdeKaders(q: Queryable, f: store.PubliekFilter): Promise<store.PubliekKaderRij[]> {
  return (await store.gepubliceerdeKaders(q, f)).map(leesbaar);
}
export async function gepubliceerdKader(
  q: Queryable,
  id: string,
  versie: number | undefined,
): Promise<store.PubliekKaderRij | undefined> {
  const r = await store.gepubliceerdKader(q, id, versie);
  return r && leesbaar(r);
}
export const isGepubliceerd = store.isGepubliceerd;
export const publiekeKeuzes = store.publiekeKeuzes;
export const gepubliceerdeVersies = store.gepubliceerdeVersies;

/** The published Nota's van Inlichtingen of a kader, newest first; each line with its fields listed explicitly. */
export async function publiekeNotas(q: Queryable, kaderId: string): Promise<PubliekeNota[]> {
  const nvis = await store.notasVanInlichtingen(q, kaderId);
  return nvis.map((x) => ({
    versie: x.versie,
    sha256: x.sha256,
    gepubliceerdOp: new Date(x.gepubliceerd_op).toISOString(),
    regels: (Array.isArray(x.inhoud) ? x.inhoud : []).map((l) => ({
      nummer: Number(l.nummer),
      onderwerp: l.onderwerp ?? null,
      eisCode: l.eisCode ?? null,
      vraag: String(l.vraag ?? ''),
      antwoord: String(l.antwoord ?? ''),
    })),
  }));
}
