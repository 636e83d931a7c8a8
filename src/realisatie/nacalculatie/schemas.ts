/** Named TypeBox shapes of the nacalculatie API (the web app imports the types). */
import { Type, type Static } from '@fastify/type-provider-typebox';

const Bedrag = Type.String({ pattern: '^\\d{1,13}(\\.\\d{1,2})?$', description: 'bedrag in euro, bijv. "950000.00"' });
const Regel = Type.Union([Type.Literal('niet-vergoed'), Type.Literal('later-vergoed'), Type.Literal('tariefkorting')], {
  description:
    'overproductie: niet-vergoed (boven de afspraak niet betaald), later-vergoed (alsnog uit resterende ruimte), tariefkorting (iedereen gekort als de regio overschrijdt)',
});
const OpslagOordeel = Type.Union([Type.Literal('toegekend'), Type.Literal('onthouden')], {
  description: 'toegekend: de opslag blijft in de betaalde prijs; onthouden: betaald tegen het basistarief',
});
const Door = Type.Object({ door: Type.String(), op: Type.String({ format: 'date-time' }) });

export const NacalculatieRegelSchema = Type.Object({
  aanbieder: Type.String(),
  naam: Type.String(),
  model: Type.Union([Type.Literal('Q'), Type.Literal('P')]),
  afspraak: Type.String(),
  gedeclareerd: Type.String(),
  plafond: Type.Union([Type.String(), Type.Null()]),
  declarabel: Type.String(),
  vergoed: Type.String(),
  nabetaling: Type.String(),
  korting: Type.String(),
  onbetaald: Type.String(),
  vastgesteld: Type.String(),
  basisVolgendJaar: Type.String({ description: 'wat volgend jaar als basis telt: nooit onbetaalde overproductie' }),
  opslag: Type.Union([
    Type.Object({
      oordeel: OpslagOordeel,
      percentage: Type.String(),
      motivatie: Type.String(),
      onthouden: Type.String({ description: 'het deel van het betaalde bedrag dat de opslag was (0 als toegekend)' }),
      metOpslag: Type.String({ description: 'vastgesteld met opslag' }),
      zonderOpslag: Type.Union([Type.String(), Type.Null()], {
        description: 'vastgesteld tegen basistarief (onthouden)',
      }),
    }),
    Type.Null(),
  ]),
  uitleg: Type.Array(Type.String()),
});

export const NacalculatieSchema = Type.Object({
  id: Type.String(),
  regio: Type.String(),
  jaar: Type.Integer(),
  sector: Type.String(),
  status: Type.Union([Type.Literal('voorgesteld'), Type.Literal('vastgesteld'), Type.Literal('afgewezen')]),
  regel: Regel,
  kortingspercentage: Type.Union([Type.String(), Type.Null()]),
  contracteerruimte: Type.Union([Type.String(), Type.Null()]),
  totaal: Type.Union([
    Type.Object({ declarabel: Type.String(), vastgesteld: Type.String(), overschrijding: Type.String() }),
    Type.Null(),
  ]),
  uitleg: Type.Array(Type.String()),
  regels: Type.Array(NacalculatieRegelSchema),
  toelichting: Type.Union([Type.String(), Type.Null()]),
  voorgesteld: Door,
  besluit: Type.Union([
    Type.Object({
      door: Type.String(),
      op: Type.String({ format: 'date-time' }),
      toelichting: Type.Union([Type.String(), Type.Null()]),
    }),
    Type.Null(),
  ]),
  bron: Type.String(),
});
export type NacalculatieOut = Static<typeof NacalculatieSchema>;

export const NacalculatiesSchema = Type.Object({
  jaar: Type.Integer(),
  overproductieRegel: Type.Union([
    Type.Object({ regel: Regel, door: Type.String(), op: Type.String({ format: 'date-time' }) }),
    Type.Null(),
  ]),
  nacalculaties: Type.Array(NacalculatieSchema),
});
export type NacalculatiesOut = Static<typeof NacalculatiesSchema>;

export const NacalculatieInvoerSchema = Type.Object(
  {
    regio: Type.String({ minLength: 1, maxLength: 10 }),
    jaar: Type.Integer({ minimum: 2000, maximum: 2100 }),
    sector: Type.String({ minLength: 1, maxLength: 10 }),
    modelP: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 100 }), {
        maxItems: 10000,
        description: 'aanbieders onder model P (PxQ-budget = de afspraak)',
      }),
    ),
    plafonds: Type.Optional(
      Type.Record(Type.String({ maxLength: 100 }), Bedrag, { description: 'budgetplafond per aanbieder' }),
    ),
    toelichting: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);

export const NacalculatieBesluitSchema = Type.Object(
  {
    besluit: Type.Union([Type.Literal('vaststellen'), Type.Literal('afwijzen')]),
    toelichting: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);

export const OverproductieRegelInvoerSchema = Type.Object(
  { jaar: Type.Integer({ minimum: 2000, maximum: 2100 }), regel: Regel },
  { additionalProperties: false },
);
export const OverproductieRegelSchema = Type.Object({
  regel: Regel,
  door: Type.String(),
  op: Type.String({ format: 'date-time' }),
});

export type NacalculatieRegelOut = Static<typeof NacalculatieRegelSchema>;

export const OpslagOordeelInvoerSchema = Type.Object(
  {
    regio: Type.String({ minLength: 1, maxLength: 10 }),
    jaar: Type.Integer({ minimum: 2000, maximum: 2100 }),
    sector: Type.String({ minLength: 1, maxLength: 10 }),
    aanbieder: Type.String({ minLength: 1, maxLength: 100 }),
    oordeel: OpslagOordeel,
    motivatie: Type.String({ minLength: 1, maxLength: 2000 }),
    percentage: Type.Optional(
      Type.String({
        maxLength: 10,
        description: 'opslag op het basistarief; alleen als de afspraak niet uit een overeenkomst met opslag komt',
      }),
    ),
  },
  { additionalProperties: false },
);
export const OpslagOordeelSchema = Type.Object({
  regio: Type.String(),
  jaar: Type.Integer(),
  sector: Type.String(),
  aanbieder: Type.String(),
  moment: Type.Literal('nacalculatie'),
  oordeel: OpslagOordeel,
  percentage: Type.String(),
  percentageBron: Type.Union([Type.Literal('overeenkomst'), Type.Literal('ingevoerd')]),
  motivatie: Type.String(),
  door: Type.String(),
  op: Type.String({ format: 'date-time' }),
  bron: Type.String(),
});
export type OpslagOordeelOut = Static<typeof OpslagOordeelSchema>;
