/** Named request and response shapes of /api/v1/inkoop (the services return them; the web app imports the types). */
import { Type, type Static, type TSchema } from '@fastify/type-provider-typebox';
import { FASEN, PROCEDURE_TYPES, type Fase, type ProcedureType } from '../domain/inkoop/procedure.ts';
import { TERMIJN_FASEN, type TermijnFase } from '../domain/inkoop/timeline.ts';

const S = Type.String();
const N = Type.Union([Type.String(), Type.Null()]);
const keuze = <T extends string>(waarden: readonly T[]) => Type.Unsafe<T>({ type: 'string', enum: [...waarden] });
const open = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const FaseS = keuze<Fase>(FASEN);
export const ProcedureTypeS = keuze<ProcedureType>(PROCEDURE_TYPES);
export const TermijnFaseS = keuze<TermijnFase>(TERMIJN_FASEN);

/** One requirement (eis) of a kader as providers and assessors see it. */
export const Eis = Type.Object({
  id: S,
  code: S,
  groep: S,
  tekst: S,
  soort: S,
  vanToepassing: Type.Array(S),
  bewijs: N,
  gewicht: N,
  schaalMin: N,
  schaalMax: N,
  verplicht: Type.Boolean(),
  volgorde: Type.Integer(),
  bron: N,
});
export type EisView = Static<typeof Eis>;

/** One phase of the timeline: instants (ISO) and the same in Europe/Amsterdam local time. */
export const Termijn = Type.Object({
  fase: TermijnFaseS,
  naam: S,
  begintOp: N,
  eindigtOp: N,
  begintLokaal: N,
  eindigtLokaal: N,
  omschrijving: N,
});
export type TermijnView = Static<typeof Termijn>;

/** A product choice a template made (shown on the new-kader form, stored with the kader). */
export const SjabloonKeuze = Type.Object({ onderwerp: S, bron: S });
export type SjabloonKeuzeT = Static<typeof SjabloonKeuze>;

/** The public content of a kader version: what providers see and what bids are made against. */
export const KaderSnapshot = Type.Object({
  id: S,
  versie: Type.Integer(),
  zorgkantoorId: S,
  titel: S,
  jaarVan: Type.Integer(),
  jaarTot: Type.Integer(),
  sector: S,
  regioCodes: Type.Array(S),
  procedureType: ProcedureTypeS,
  omschrijving: N,
  verzegeldVoorBeoordelaars: Type.Boolean(),
  bezwaartermijnDagen: Type.Integer(),
  regionaleParagraaf: Type.Record(S, Type.Unknown()),
  termijnen: Type.Array(Termijn),
  eisen: Type.Array(Eis),
});
export type KaderSnapshot = Static<typeof KaderSnapshot>;

export { open };
