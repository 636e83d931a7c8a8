/** Named TypeBox shapes of the cliëntstroom and iWlz routes (the web app imports the types). */
import { Type, type Static, type TSchema } from '@fastify/type-provider-typebox';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const Validatiefout = Type.Object({ regel: Nullable(Type.Integer()), melding: Type.String() });
export const ValidatieSchema = Type.Object({
  geldig: Type.Boolean(),
  type: Nullable(Type.String({ description: 'IO31, IO32, AW33, AW34, AW35, AW36, AW39 of AW310' })),
  omschrijving: Nullable(Type.String()),
  retourcode: Nullable(Type.String({ description: 'LDT_RetourCode bij afkeuring (0001)' })),
  retourcodeOmschrijving: Nullable(Type.String()),
  fouten: Type.Array(Validatiefout),
});
export type ValidatieView = Static<typeof ValidatieSchema>;

export const ImportResultaatSchema = Type.Object({
  berichtId: Nullable(Type.String()),
  bron: Type.String(),
  opgeslagen: Type.Integer(),
  alOntvangen: Type.Integer(),
  geweigerd: Type.Integer(),
  clienten: Type.Array(
    Type.Object({
      clientId: Nullable(Type.String()),
      bsn: Type.String({ description: 'gemaskeerd: alleen de laatste drie cijfers' }),
      besluitnummer: Type.String(),
      uitkomst: Type.String(),
      retourcodes: Type.Array(Type.String()),
    }),
  ),
  io32: Type.String({ description: 'het retourbericht IO32 (XML)' }),
});

export const VerwerkResultaatSchema = Type.Object({
  berichtId: Nullable(Type.String()),
  type: Type.String(),
  verwerkt: Type.Integer(),
  geweigerd: Type.Integer(),
  clienten: Type.Array(
    Type.Object({ bsn: Type.String(), retourcodes: Type.Array(Type.String()), uitkomst: Type.String() }),
  ),
  antwoord: Type.String({ description: 'het retourbericht AW36 of AW310 (XML)' }),
  antwoordType: Type.String(),
});
export type VerwerkResultaatView = Static<typeof VerwerkResultaatSchema>;

export const Toetsing = Type.Object({
  verantwoord: Nullable(Type.Boolean()),
  doelmatig: Nullable(Type.Boolean()),
  toelichting: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
});

export const ToewijzingInvoerSchema = Type.Object({
  indicatieId: Type.String({ format: 'uuid' }),
  organisatieId: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  soort: Type.Union([Type.Literal('1'), Type.Literal('3'), Type.Literal('5')], {
    description: 'LDT_SoortToewijzing: 1 regulier, 3 overbrugging, 5 administratief',
  }),
  leveringsvorm: Type.Union(['verblijf', 'vpt', 'mpt', 'pgb', 'dtv'].map((x) => Type.Literal(x))),
  ingangsdatum: Type.Optional(Type.String({ maxLength: 10 })),
  einddatum: Type.Optional(Nullable(Type.String({ maxLength: 10 }))),
  toetsing: Type.Optional(Nullable(Toetsing)),
  pgbZorgverlenerId: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  overbruggingVoor: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
  partneropname: Type.Optional(Type.Boolean()),
  functieCode: Type.Optional(
    Nullable(Type.String({ maxLength: 2, description: 'mpt: the function assigned (LDT_FunctieCode)' })),
  ),
  functieKlasse: Type.Optional(Nullable(Type.String({ maxLength: 4, description: 'mpt: LDT_Klasse of the function' }))),
});

export const ToewijzingSchema = Type.Object({
  id: Type.String(),
  clientId: Type.String(),
  indicatieId: Type.String(),
  regioCode: Type.String(),
  organisatieId: Nullable(Type.String()),
  organisatieNaam: Nullable(Type.String()),
  soort: Type.String(),
  soortNaam: Type.String(),
  leveringsvorm: Type.String(),
  zorgprofielCode: Type.String(),
  ingangsdatum: Type.String(),
  einddatum: Nullable(Type.String()),
  toewijzingsdatum: Type.String(),
  status: Type.String(),
  toetsing: Nullable(Type.Unknown()),
  overbruggingVoor: Nullable(Type.String()),
  aw33BerichtId: Nullable(Type.String()),
  functieCode: Nullable(Type.String()),
  functieKlasse: Nullable(Type.String()),
  signalen: Type.Array(Type.String()),
});
export type ToewijzingViewT = Static<typeof ToewijzingSchema>;

export const NormSchema = Type.Object({
  sector: Type.String(),
  status: Type.String(),
  statusNaam: Type.String(),
  dagen: Nullable(Type.Integer()),
  bron: Type.String(),
  standaard: Type.Boolean(),
});

const WachtendeSchema = Type.Object({
  clientId: Type.String(),
  bsn: Type.String({ description: 'gemaskeerd' }),
  geboortejaar: Type.Integer(),
  regioCode: Type.String(),
  sector: Type.String(),
  zorgprofielCode: Type.String(),
  leveringsvorm: Nullable(Type.String()),
  voorkeurAgb: Nullable(Type.String()),
  status: Nullable(Type.String()),
  statusNaam: Type.String(),
  aanbiederId: Nullable(Type.String()),
  sinds: Nullable(Type.String()),
  dagen: Type.Integer(),
  dagenNorm: Type.Integer(),
  norm: Nullable(Type.Integer()),
  overschreden: Type.Boolean(),
  reden: Type.String(),
  heeftIndicatiebesluit: Type.Boolean(),
  overbrugging: Type.Boolean(),
});

export const WachtlijstSchema = Type.Object({
  peildatum: Type.String(),
  totaal: Type.Integer(),
  zonderAanbieder: Type.Integer(),
  bovenNorm: Type.Integer(),
  overbrugging: Type.Integer(),
  perStatus: Type.Array(
    Type.Object({
      status: Type.String(),
      statusNaam: Type.String(),
      aantal: Type.Integer(),
      bovenNorm: Type.Integer(),
      gemiddeldeDagen: Type.Integer(),
    }),
  ),
  perSector: Type.Array(Type.Object({ sector: Type.String(), aantal: Type.Integer(), bovenNorm: Type.Integer() })),
  clienten: Type.Optional(Type.Array(WachtendeSchema)),
});
export type WachtlijstView = Static<typeof WachtlijstSchema>;

export const WerklijstSchema = Type.Array(
  Type.Intersect([
    WachtendeSchema,
    Type.Object({
      suggesties: Type.Array(
        Type.Object({
          organisatieId: Type.String(),
          organisatieNaam: Type.String(),
          agb: Nullable(Type.String()),
          capaciteit: Type.Integer(),
          bezet: Type.Integer(),
          vrij: Type.Integer(),
          score: Nullable(Type.String()),
          voorkeur: Type.Boolean(),
          reden: Type.String(),
        }),
      ),
    }),
  ]),
);
export type WerklijstView = Static<typeof WerklijstSchema>;

export const InkoopsignaalSchema = Type.Object({
  regioCode: Type.String(),
  sector: Nullable(Type.String()),
  aanbieders: Type.Array(
    Type.Object({
      organisatieId: Type.String(),
      naam: Type.String(),
      capaciteit: Type.Integer(),
      wachtend: Type.Integer(),
      voorkeur: Type.Integer(),
      populariteit: Nullable(Type.String({ description: 'wachtenden met voorkeur per plaats, 2 decimalen' })),
    }),
  ),
  pgbBijGecontracteerde: Type.Array(
    Type.Object({ organisatieId: Type.String(), naam: Type.String(), clienten: Type.Integer(), bron: Type.String() }),
  ),
});
export type InkoopsignaalView = Static<typeof InkoopsignaalSchema>;

export const NotitieSchema = Type.Object({
  id: Type.String(),
  tekst: Type.String(),
  door: Type.String(),
  op: Type.String(),
  gewijzigdOp: Nullable(Type.String()),
  eigen: Type.Boolean({ description: 'written by the signed-in user (only the author edits a note)' }),
  eerdere: Type.Array(Type.Object({ tekst: Type.String(), tot: Type.String() })),
});

export const ClientDetailSchema = Type.Object({
  id: Type.String(),
  bsn: Nullable(Type.String()),
  naam: Nullable(Type.String()),
  geboortedatum: Nullable(Type.String()),
  geboortejaar: Type.Integer(),
  regioCode: Type.String(),
  geheim: Type.Boolean(),
  indicaties: Type.Array(
    Type.Object({
      id: Type.String(),
      besluitnummer: Nullable(Type.String()),
      zorgprofielCode: Type.String(),
      sector: Type.String(),
      ingangsdatum: Type.String(),
      einddatum: Nullable(Type.String()),
      leveringsvorm: Nullable(Type.String()),
      voorkeurAgb: Nullable(Type.String()),
      bron: Type.String(),
    }),
  ),
  toewijzingen: Type.Array(ToewijzingSchema),
  statussen: Type.Array(
    Type.Object({
      status: Type.String(),
      statusNaam: Type.String(),
      classificatie: Nullable(Type.String()),
      vanaf: Type.String(),
      organisatieId: Nullable(Type.String()),
      bron: Type.String(),
    }),
  ),
  notities: Type.Array(NotitieSchema),
});
export type ClientDetailView = Static<typeof ClientDetailSchema>;

export const VerzoekSchema = Type.Object({
  id: Type.String(),
  clientId: Type.String(),
  client: Type.String({ description: 'gemaskeerd BSN en geboortejaar' }),
  indicatieId: Type.String(),
  regioCode: Type.String(),
  organisatieId: Type.String({ description: 'de aanbieder die het verzoek stuurde' }),
  organisatieNaam: Type.String(),
  berichtIdentificatie: Type.String({ description: 'BerichtIdentificatie van het AW39-bericht' }),
  instellingAgb: Type.String({ description: 'AanvraagInstelling: voor welke aanbieder de toewijzing gevraagd wordt' }),
  soort: Type.Union([Type.Literal('1'), Type.Literal('3'), Type.Literal('5')]),
  soortNaam: Type.String(),
  leveringsvorm: Type.String(),
  zorgprofielCode: Type.String(),
  klasse: Nullable(Type.String()),
  ingangsdatum: Type.String(),
  einddatum: Nullable(Type.String()),
  opname: Nullable(Type.Boolean()),
  doelmatig: Nullable(Type.Boolean()),
  verantwoord: Nullable(Type.Boolean()),
  status: Type.Union([Type.Literal('open'), Type.Literal('toegekend'), Type.Literal('geweigerd')]),
  reden: Nullable(Type.String({ description: 'reden van weigering' })),
  toewijzingId: Nullable(Type.String()),
  beslotenOp: Nullable(Type.String({ format: 'date-time' })),
  ontvangenOp: Type.String({ format: 'date-time' }),
});
export type VerzoekViewT = Static<typeof VerzoekSchema>;

export const VerzoekToekennenSchema = Type.Object({
  toetsing: Type.Optional(
    Nullable(
      Type.Object({
        verantwoord: Type.Boolean(),
        doelmatig: Type.Boolean(),
        toelichting: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
      }),
    ),
  ),
  functieCode: Type.Optional(Nullable(Type.String({ maxLength: 2 }))),
  functieKlasse: Type.Optional(Nullable(Type.String({ maxLength: 4 }))),
});

export const VerzoekToegekendSchema = Type.Object({ verzoek: VerzoekSchema, toewijzing: ToewijzingSchema });

export const VerzoekWeigerenSchema = Type.Object({
  reden: Type.Optional(Nullable(Type.String({ maxLength: 2000, description: 'verplicht: waarom geweigerd' }))),
});
