/** Named TypeBox shapes of the realisatie API (the web app imports the types). */
import { Type, type Static } from '@fastify/type-provider-typebox';

const Bedrag = Type.String({ pattern: '^\\d{1,13}(\\.\\d{1,2})?$', description: 'bedrag in euro, bijv. "950000.00"' });

export const HerschikAanbiederSchema = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 100 }),
    afspraak: Bedrag,
    gerealiseerdTotNu: Bedrag,
    prognoseJaar: Bedrag,
    prioriteit: Type.Optional(Type.Integer({ description: 'hoger gaat voor; standaard 0' })),
    naam: Type.Optional(Type.String({ maxLength: 200 })),
    toelichting: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);

export const HerschikScenarioSchema = Type.Object(
  {
    jaar: Type.Integer({ minimum: 2000, maximum: 2100 }),
    regio: Type.String({ minLength: 1, maxLength: 20 }),
    pool: Bedrag,
    aanbieders: Type.Array(HerschikAanbiederSchema, { maxItems: 10000 }),
    toelichting: Type.Optional(Type.String({ maxLength: 2000 })),
    voorbeeld: Type.Optional(Type.Boolean()),
  },
  {
    additionalProperties: false,
    description: 'Herschikkingsscenario (docs/formaten/herschikking.md)',
  },
);
export type HerschikScenarioIn = Static<typeof HerschikScenarioSchema>;

export const HerschikUitkomstSchema = Type.Object({
  afspraken: Type.Array(
    Type.Object({ aanbieder: Type.String(), voor: Type.String(), na: Type.String(), verschil: Type.String() }),
  ),
  pool: Type.Object({ voor: Type.String(), na: Type.String() }),
  uitleg: Type.Array(Type.String()),
});
export type HerschikUitkomstOut = Static<typeof HerschikUitkomstSchema>;

export const ImportModusSchema = Type.Union([Type.Literal('alles-of-niets'), Type.Literal('geldige-regels')]);

export const ImportGestartSchema = Type.Object({
  taakId: Type.String({ description: 'volg de voortgang met GET /api/v1/taken/{taakId}' }),
});

export const ImportSchema = Type.Object({
  id: Type.String(),
  jaar: Type.Integer(),
  bestandsnaam: Type.String(),
  sha256: Type.String(),
  modus: ImportModusSchema,
  status: Type.Union([Type.Literal('geladen'), Type.Literal('geweigerd')]),
  regels: Type.Integer(),
  geladen: Type.Integer(),
  geweigerd: Type.Integer(),
  perioden: Type.Integer(),
  geimporteerdOp: Type.String(),
  foutenRapport: Type.String({ description: 'pad van het rapport met geweigerde regels (CSV)' }),
});
export type ImportOut = Static<typeof ImportSchema>;

export const MonitorSchema = Type.Object({
  jaar: Type.Integer(),
  regio: Type.String(),
  totMaand: Type.Integer({ description: 'maanden 1..totMaand tellen als gerealiseerd' }),
  aanbieders: Type.Array(
    Type.Object({
      aanbieder: Type.String(),
      soort: Type.Union([
        Type.Literal('overproductie'),
        Type.Literal('onderproductie'),
        Type.Literal('afspraak-overschreden'),
        Type.Literal('binnen'),
      ]),
      afspraak: Type.String(),
      gerealiseerd: Type.String(),
      prognose: Type.String(),
      afwijking: Type.Union([Type.String(), Type.Null()]),
      uitleg: Type.String(),
    }),
  ),
  totaal: Type.Union([
    Type.Object({ afspraak: Type.String(), gerealiseerd: Type.String(), prognose: Type.String() }),
    Type.Null(),
  ]),
});
