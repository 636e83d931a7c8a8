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
    maximum: Type.Optional(
      Type.Union([Bedrag, Type.Null()], {
        description: 'hoogste afspraak na de herschikking (met een maximum lost HiGHS de verdeling op)',
      }),
    ),
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

const Wie = Type.Object({ door: Type.String(), op: Type.String() });
export const RondeSchema = Type.Object({
  id: Type.String(),
  regio: Type.String(),
  jaar: Type.Integer(),
  sector: Type.String(),
  volgnummer: Type.Integer(),
  peilmaand: Type.Integer({ description: 'maanden 1..peilmaand tellen als gerealiseerd' }),
  status: Type.Union([Type.Literal('voorgesteld'), Type.Literal('besloten'), Type.Literal('afgewezen')]),
  regels: Type.Array(
    Type.Object({
      aanbieder: Type.String(),
      naam: Type.String(),
      afspraak: Type.String(),
      gerealiseerd: Type.String(),
      prognose: Type.String(),
      prioriteit: Type.Integer(),
      prioriteitUitleg: Type.Array(Type.String(), {
        description:
          'waarom deze prioriteit: beleid van het zorgkantoor (extramuraal eerst), wachtlijst, of de inkoper',
      }),
      voorgesteld: Type.String({ description: 'bedrag volgens de herschikkingsregel' }),
      na: Type.String({ description: 'bedrag na aanpassing door de inkoper' }),
      verschil: Type.String(),
      toegepast: Type.Union([Type.String(), Type.Null()], {
        description: 'afspraaktotaal na het besluit (prijs × volume)',
      }),
      toelichting: Type.Union([Type.String(), Type.Null()]),
      maximum: Type.Union([Type.String(), Type.Null()], {
        description:
          'hoogste afspraak na de ronde (uit het budgetplafond of de capaciteit, of door de inkoper gegeven); met maxima lost HiGHS het voorstel op',
      }),
      maximumBron: Type.Union(
        [Type.Literal('budgetplafond'), Type.Literal('capaciteit'), Type.Literal('inkoper'), Type.Null()],
        {
          description:
            'waar het maximum vandaan komt: budgetplafond (gepromoveerd budgetscenario), capaciteit (intramurale dagen in dat scenario) of inkoper (ingevoerd, nooit boven een opgeslagen plafond)',
        },
      ),
      maximumUitleg: Type.Union([Type.String(), Type.Null()], { description: 'de bron van het maximum met naam' }),
      maximumBindt: Type.Boolean({ description: 'het maximum hield deze aanbieder onder zijn behoefte' }),
      opslag: Type.Union(
        [
          Type.Object({
            percentage: Type.String({ description: 'tariefopslag die bij deze herschikking wordt toegekend' }),
            motivatie: Type.Union([Type.String(), Type.Null()]),
            toegekend: Type.Union([Type.String(), Type.Null()], {
              description: 'de opslag in de prijs na het besluit (cumulatief), null zolang niet besloten',
            }),
          }),
          Type.Null(),
        ],
        { description: 'voorgestelde tariefopslag bij de herschikking (Inkoopkader Langdurige Zorg 2016, §2.2.4)' },
      ),
    }),
  ),
  pool: Type.Union([Type.Object({ voor: Type.String(), na: Type.String() }), Type.Null()], {
    description: 'null voor een zorgaanbieder',
  }),
  toelichting: Type.Union([Type.String(), Type.Null()]),
  uitleg: Type.Array(Type.String()),
  regel: Type.String(),
  aangemaakt: Wie,
  aangepast: Type.Union([Wie, Type.Null()]),
  besluit: Type.Union([
    Type.Object({ door: Type.String(), op: Type.String(), toelichting: Type.Union([Type.String(), Type.Null()]) }),
    Type.Null(),
  ]),
});

export const RondeInvoerSchema = Type.Object(
  {
    regio: Type.String({ minLength: 1, maxLength: 10 }),
    jaar: Type.Integer({ minimum: 2000, maximum: 2100 }),
    sector: Type.String({ minLength: 1, maxLength: 10 }),
    peilmaand: Type.Optional(Type.Integer({ minimum: 1, maximum: 12 })),
    prioriteiten: Type.Optional(
      Type.Record(Type.String({ maxLength: 100 }), Type.Integer({ minimum: -100, maximum: 100 }), {
        description: 'prioriteit per aanbieder-id (hoger gaat voor), bijv. extramuraal eerst volgens beleid',
      }),
    ),
    maxima: Type.Optional(
      Type.Record(Type.String({ maxLength: 100 }), Bedrag, {
        description:
          'hoogste afspraak na de ronde per aanbieder-id, ingevoerd door de inkoper; zonder invoer stelt de ronde het opgeslagen budgetplafond of de capaciteit voor. Boven een opgeslagen plafond wordt geweigerd (422). Met maxima lost HiGHS het voorstel op',
      }),
    ),
    toelichting: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);

export const AanpassingSchema = Type.Object(
  {
    regels: Type.Array(
      Type.Object(
        {
          aanbieder: Type.String({ minLength: 1, maxLength: 100 }),
          na: Bedrag,
          toelichting: Type.Optional(Type.String({ maxLength: 2000 })),
          opslag: Type.Optional(
            Type.Union([Type.String({ maxLength: 10 }), Type.Null()], {
              description:
                'tariefopslag (procent) om bij deze herschikking toe te kennen; null haalt een voorstel weg. Regels van de gunning: ten hoogste 3% en de opslagtabel, motivatie bij afwijken',
            }),
          ),
          opslagMotivatie: Type.Optional(Type.String({ maxLength: 2000 })),
        },
        { additionalProperties: false },
      ),
      { maxItems: 10000 },
    ),
    pool: Bedrag,
  },
  { additionalProperties: false },
);

export const BesluitSchema = Type.Object(
  {
    besluit: Type.Union([Type.Literal('goedkeuren'), Type.Literal('afwijzen')]),
    toelichting: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);

export const RondesSchema = Type.Object({
  jaar: Type.Integer(),
  rondesPerJaar: Type.Union([Type.Integer(), Type.Null()]),
  rondes: Type.Array(RondeSchema),
});

export const InstellingSchema = Type.Object({
  jaar: Type.Integer(),
  rondesPerJaar: Type.Integer({ minimum: 1, maximum: 12 }),
});

export const BerichtenSchema = Type.Object({
  jaar: Type.Integer(),
  berichten: Type.Array(
    Type.Object({
      id: Type.String(),
      rondeId: Type.String(),
      regio: Type.String(),
      sector: Type.String(),
      voor: Type.String(),
      na: Type.String(),
      tekst: Type.String(),
      op: Type.String(),
    }),
  ),
});

const Pct = Type.Union([Type.String(), Type.Null()]);
export const UitputtingSchema = Type.Object({
  jaar: Type.Integer(),
  regio: Type.String(),
  totMaand: Type.Integer(),
  contracteerruimte: Type.String(),
  voorbeeld: Type.Boolean({ description: 'true: voorbeeldcijfers, geen werkelijk budget' }),
  afgesproken: Type.String(),
  gerealiseerd: Type.String(),
  prognose: Type.String(),
  afgesprokenPct: Pct,
  gerealiseerdPct: Pct,
  prognosePct: Pct,
  uitgeputInMaand: Type.Union([Type.Integer(), Type.Null()]),
  signaal: Type.Union([Type.Literal('binnen'), Type.Literal('krap'), Type.Literal('overschrijding'), Type.Null()]),
  uitleg: Type.String(),
  aanbieders: Type.Integer({ description: 'aantal aanbieders met een afspraak in de regio' }),
  eigen: Type.Union([
    Type.Object({
      afspraak: Type.String(),
      gerealiseerd: Type.String(),
      prognose: Type.String(),
      signaal: Type.String(),
    }),
    Type.Null(),
  ]),
  bronnen: Type.Array(Type.String()),
});
