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

/** The bidder's class per region, with the reason (src/domain/inkoop/classificatie.ts). */
export const Classificatie = Type.Object({
  klasse: S,
  klasseNaam: S,
  regios: Type.Array(Type.Object({ regioCode: S, klasse: S, klasseNaam: S, reden: S })),
});

/** A submitted bid in the zorgkantoor's list (only once unsealed). */
export const InschrijvingKort = Type.Object({
  id: S,
  organisatieId: S,
  organisatieNaam: S,
  status: S,
  ingediendOp: N,
  ontvangstHash: N,
  kaderVersie: NInt,
  classificatie: Classificatie,
});
export type InschrijvingKortT = Static<typeof InschrijvingKort>;

const Document = Type.Object({ naam: S, sha256: S, grootte: Type.Integer(), doel: S, eis: N });
/** The receipt of a submitted bid: SHA-256 over the canonical JSON of what was submitted. */
export const Ontvangst = Type.Object({
  hash: S,
  algoritme: S,
  ingediendOp: S,
  ingediendOpLokaal: S,
  kaderVersie: NInt,
  klasse: S,
  aantalAntwoorden: Type.Integer(),
  documenten: Type.Array(Document),
});
export type OntvangstT = Static<typeof Ontvangst>;

const Fout = Type.Object({ waar: Type.Optional(S), wat: S, actie: Type.Optional(S) });

/** One bid with answers, documents, classification, zelfanalyse, ontwikkelplan and dialogue minutes. */
export const Inschrijving = Type.Object({
  nu: S,
  voorDeadline: Type.Boolean(),
  ontwikkelplanBewerkbaar: Type.Boolean(),
  id: S,
  kaderId: S,
  kaderTitel: S,
  organisatieId: S,
  organisatieNaam: S,
  status: keuze<'concept' | 'ingediend' | 'ingetrokken'>(['concept', 'ingediend', 'ingetrokken']),
  kaderVersie: NInt,
  actueleKaderVersie: NInt,
  regioCodes: Type.Array(S),
  ingediendOp: N,
  ontvangstHash: N,
  ontvangst: open(Type.Object({ ...Ontvangst.properties }, { additionalProperties: true })),
  deadline: N,
  wijzigbaar: Type.Boolean(),
  classificatie: Classificatie,
  eisen: Type.Array(
    Type.Object({
      ...Eis.properties,
      vanToepassingOpMij: Type.Boolean(),
      antwoord: open(Type.Object({ waarde: Type.Unknown(), toelichting: N, documentId: N, documentNaam: N })),
    }),
  ),
  voorwaarden: Type.Array(
    Type.Object(
      { code: S, groep: S, tekst: S, bron: S, toelichting: S },
      {
        description:
          'G1–G4 en voorwaarden van de overeenkomst: niet door de aanbieder beantwoord, alleen ter informatie',
      },
    ),
  ),
  ontbreekt: Type.Array(Fout),
  documenten: Type.Array(
    Type.Object({
      id: S,
      naam: S,
      mime: S,
      grootte: Type.Integer(),
      sha256: S,
      doel: S,
      eisCode: N,
      geuploadOp: S,
      gegenereerd: Type.Boolean(),
    }),
  ),
  zelfanalyse: Type.Array(
    Type.Object({
      themaCode: S,
      huidigeAanpak: N,
      sterktes: N,
      ontwikkelpunten: N,
      ervaringClient: N,
      niveau: N,
      gegevens: N,
      inOntwikkelplan: Type.Boolean(),
    }),
  ),
  ontwikkelplan: open(
    Type.Object({
      status: S,
      akkoordOp: N,
      teruggestuurdReden: N,
      themas: Type.Array(S),
      doelstelling: N,
      planVanAanpak: N,
      planning: N,
      investering: N,
      risicos: N,
      resultaten: N,
      bewijslast: N,
      clientenraadBetrokkenheid: N,
      clientenraadDocumentId: N,
      definitiefOp: N,
    }),
  ),
  dialooggesprekken: Type.Array(
    Type.Object({
      id: S,
      datum: S,
      deelnemers: Type.Array(
        Type.Object({ naam: S, rol: Type.Optional(S), organisatie: Type.Optional(S) }, { additionalProperties: true }),
      ),
      onderwerpen: Type.Array(S),
      verslag: N,
    }),
  ),
  waarschuwingen: Type.Array(Type.Object({ code: S, wat: S })),
});
export type InschrijvingT = Static<typeof Inschrijving>;
