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
  bezwaartermijnDagen: Type.Optional(Type.Integer()),
  /** absent in versions published before the regional paragraph existed */
  regionaleParagraaf: Type.Optional(Type.Record(S, Type.Unknown())),
  /** the template's product choices, stored with the kader (absent in versions published before 0037) */
  keuzes: Type.Optional(Type.Array(SjabloonKeuze)),
  termijnen: Type.Array(Termijn),
  eisen: Type.Array(Eis),
  /** requirement groups read in today's grouping (versions published before 0036); the stored version is unchanged */
  eisGroepenBijgewerkt: Type.Optional(Type.Array(Type.Object({ code: S, van: S, naar: S, regel: S }))),
});
export type KaderSnapshot = Static<typeof KaderSnapshot>;

/** Time left until a deadline (src/domain/inkoop/timeline.ts aftelling). */
export const Aftelling = Type.Object({
  deadline: S,
  deadlineLokaal: S,
  verstreken: Type.Boolean(),
  resterendeSeconden: Type.Integer(),
  dagen: Type.Integer(),
  uren: Type.Integer(),
  minuten: Type.Integer(),
  seconden: Type.Integer(),
  tekst: S,
});
export type Aftelling = Static<typeof Aftelling>;
const NInt = open(Type.Integer());

/** Phase, allowed actions, deadlines, countdown and counts per state of a kader. */
export const KaderStatus = Type.Object({
  id: S,
  titel: S,
  procedureType: ProcedureTypeS,
  fase: FaseS,
  versie: Type.Integer(),
  gepubliceerdeVersie: NInt,
  nu: Type.String({ description: 'de serverklok bij het antwoord (voor aftellingen in de browser)' }),
  toegestaneActies: Type.Array(S),
  deadline: N,
  deadlineLokaal: N,
  aftelling: open(Aftelling),
  vragenOpen: Type.Boolean(),
  inschrijvenOpen: Type.Boolean(),
  verzegeld: Type.Boolean(),
  termijnen: Type.Array(Termijn),
  aantallen: Type.Object(
    {
      concept: NInt,
      ingediend: Type.Integer(),
      ingetrokken: NInt,
      vragen: Type.Integer(),
      vragenOnbeantwoord: Type.Integer(),
      nviVersies: Type.Integer(),
    },
    { description: 'concept en ingetrokken zijn null tot de gepubliceerde sluitingstermijn (verzegeld)' },
  ),
});
export type KaderStatusT = Static<typeof KaderStatus>;

/** A kader as the actor sees it: the owner its working version, others the published snapshot. */
export const KaderDetail = Type.Object({
  ...KaderSnapshot.properties,
  fase: FaseS,
  eigenaar: Type.Boolean(),
  gepubliceerdeVersie: NInt,
  ongepubliceerdeWijzigingen: Type.Boolean(),
  status: KaderStatus,
});
export type KaderDetailT = Static<typeof KaderDetail>;

/** One line of the list of kaders. */
export const KaderLijstItem = Type.Object({
  id: S,
  titel: S,
  zorgkantoorId: S,
  jaarVan: Type.Integer(),
  jaarTot: Type.Integer(),
  sector: S,
  regioCodes: Type.Array(S),
  procedureType: ProcedureTypeS,
  fase: FaseS,
  versie: Type.Integer(),
  deadline: N,
  deadlineLokaal: N,
  aftelling: open(Aftelling),
  inschrijvenOpen: Type.Boolean(),
  vragenOpen: Type.Boolean(),
  nu: S,
  eigenInschrijving: open(Type.Object({ id: S, status: S })),
  aantalIngediend: NInt,
});
export type KaderLijstItemT = Static<typeof KaderLijstItem>;

/** A published version (without its content). */
export const KaderVersieKort = Type.Object({
  versie: Type.Integer(),
  sha256: S,
  gepubliceerdOp: S,
  wijzigingen: N,
});
export const KaderVersie = Type.Object({ ...KaderVersieKort.properties, snapshot: KaderSnapshot });
export type KaderVersieT = Static<typeof KaderVersie>;

/** A requirement as a template proposes it. */
export const SjabloonEis = Type.Object({
  code: S,
  groep: S,
  tekst: S,
  soort: S,
  vanToepassing: Type.Optional(Type.Array(S)),
  bewijs: Type.Optional(N),
  gewicht: Type.Optional(N),
  schaalMin: Type.Optional(N),
  schaalMax: Type.Optional(N),
  verplicht: Type.Optional(Type.Boolean()),
  volgorde: Type.Optional(Type.Integer()),
  bron: Type.Optional(N),
});
export const KwaliteitsthemaS = Type.Object({ code: S, naam: S, bron: S, sector: S });

/** A template for a new kader (src/inkoop/data/sjabloon-*.json). */
export const Sjabloon = Type.Object({
  id: S,
  naam: S,
  jaar: Type.Integer(),
  procedureType: ProcedureTypeS,
  tijdlijn: Type.Union([Type.Literal('2016'), Type.Null()]),
  bron: S,
  toelichting: S,
  keuzes: Type.Optional(Type.Array(SjabloonKeuze, { description: 'waarden die het product koos waar de bron zwijgt' })),
  themas: Type.Optional(Type.Array(KwaliteitsthemaS)),
  eisen: Type.Array(SjabloonEis),
});
export type SjabloonT = Static<typeof Sjabloon>;

/** A question for the Nota van Inlichtingen; who asked only for the zorgkantoor. */
export const Vraag = Type.Object({
  id: S,
  onderwerp: N,
  eisCode: N,
  tekst: S,
  gesteldOp: S,
  antwoord: N,
  beantwoordOp: N,
  nviVersie: NInt,
  organisatieId: N,
  organisatieNaam: N,
});
export type VraagT = Static<typeof Vraag>;

export const NvIRegel = Type.Object({ nummer: Type.Integer(), onderwerp: N, eisCode: N, vraag: S, antwoord: S });
/** A published (cumulative, anonymous) Nota van Inlichtingen. */
export const NotaVanInlichtingen = Type.Object({
  kaderId: S,
  versie: Type.Integer(),
  sha256: S,
  gepubliceerdOp: S,
  regels: Type.Array(NvIRegel),
});
export type NotaVanInlichtingenT = Static<typeof NotaVanInlichtingen>;
