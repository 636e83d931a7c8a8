/** Best value / prestatie-inkoop routes: the provider's proposal with its own KPIs, and the agreed KPIs of a contract. */
import { Type } from '@fastify/type-provider-typebox';
import type { Capability } from '../../platform/capability-type.ts';
import { actorOf, type Api } from '../../platform/http/app.ts';
import type { AppContext } from '../../platform/context.ts';
import { problems } from '../../platform/http/problems.ts';
import type { Rol } from '../../platform/auth/roles.ts';
import { getBestValue, overeenkomstKpis, zetBestValue } from './service.ts';
import { RICHTINGEN } from './voorstel.ts';

const Id = Type.Object({ id: Type.String() });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Tekst = (max: number) => Type.Optional(Nullable(Type.String({ maxLength: max })));
const Fout = Type.Object({
  waar: Type.Optional(Type.String()),
  wat: Type.String(),
  actie: Type.Optional(Type.String()),
});

export const KpiSchema = Type.Object({
  id: Type.String(),
  volgnummer: Type.Integer(),
  naam: Type.String(),
  omschrijving: Nullable(Type.String()),
  eenheid: Type.String(),
  nulmeting: Type.String({ description: 'exact decimaal als tekst' }),
  streefwaarde: Type.String({ description: 'exact decimaal als tekst' }),
  richting: Type.Union([Type.Literal('hoger_is_beter'), Type.Literal('lager_is_beter'), Type.Literal('handhaven')], {
    description: RICHTINGEN.join(' | '),
  }),
  meetmethode: Type.String(),
  meetmoment: Nullable(Type.String()),
  bron: Nullable(Type.String()),
  afgesproken: Type.Boolean(),
  afgesprokenOp: Nullable(Type.String()),
});

/** The proposal as the assessment view (gunning) shows it. */
export const VoorstelSchema = Type.Object({
  voorstel: Nullable(Type.String()),
  kansen: Nullable(Type.String()),
  risicos: Nullable(Type.String()),
  aangebodenPrijs: Nullable(Type.String({ description: "euro's, exact, twee decimalen" })),
  prijsToelichting: Nullable(Type.String()),
  voorwaarden: Nullable(
    Type.String({
      description:
        'de contractvoorwaarden die de zorgaanbieder zelf voorstelt; worden bij de definitieve gunning artikel 5b',
    }),
  ),
  woorden: Type.Integer(),
  gewijzigdOp: Nullable(Type.String()),
  kpis: Type.Array(KpiSchema),
});

/** Extra (optional) fields of the assessment overview of a best value kader (gunning/capability.ts OverzichtSchema). */
export const BestValueOverzichtRij = {
  rang: Type.Optional(
    Nullable(
      Type.Integer({
        description: 'rang op vastgestelde totaalscore (regel inkoop.bestvalue.rangorde.v1); null = geen rang',
      }),
    ),
  ),
  aangebodenPrijs: Type.Optional(Nullable(Type.String({ description: "euro's, exact" }))),
  verduidelijking: Type.Optional(
    Type.Boolean({ description: 'hoort bij de top N die in de verduidelijkingsfase komt' }),
  ),
};
export const BestValueOverzichtKop = {
  bestValue: Type.Optional(
    Type.Object({
      regel: Type.String(),
      uitleg: Type.String(),
      verduidelijkingAantal: Type.Integer(),
      verduidelijkingsfase: Type.Boolean(),
    }),
  ),
};

const ViewSchema = Type.Object({
  ...VoorstelSchema.properties,
  inschrijvingId: Type.String(),
  kaderId: Type.String(),
  status: Type.String(),
  wijzigbaar: Type.Boolean(),
  instellingen: Type.Object({
    maxWoorden: Type.Integer(),
    maxKpis: Type.Integer(),
    verduidelijkingAantal: Type.Integer(),
    bron: Type.String(),
  }),
  ontbreekt: Type.Array(Fout),
});

const KpiBody = Type.Object({
  naam: Tekst(200),
  omschrijving: Tekst(2000),
  eenheid: Tekst(50),
  // numbers travel as text ("12,5"); checked and normalised by the service with the field path
  nulmeting: Tekst(40),
  streefwaarde: Tekst(40),
  richting: Tekst(40),
  meetmethode: Tekst(2000),
  meetmoment: Tekst(200),
  bron: Tekst(500),
});

const AANBIEDER: Rol[] = ['aanbieder-contractmanager', 'aanbieder-bestuurder'];
const LEZEN: Rol[] = [
  'aanbieder-contractmanager',
  'aanbieder-bestuurder',
  'clientenraad',
  'inkoper',
  'manager',
  'beoordelaar',
  'controller',
];

async function routes(api: Api, ctx: AppContext) {
  const tags = ['inkoop'];

  api.get(
    '/inkoop/inschrijvingen/:id/best-value',
    {
      config: { access: { rollen: LEZEN, data: 'eigen-organisatie', organisaties: ['zorgaanbieder', 'zorgkantoor'] } },
      schema: {
        tags,
        summary:
          "Best value-voorstel met eigen KPI's van een inschrijving (aanbieder: eigen; zorgkantoor: pas na de sluitingstermijn)",
        params: Id,
        response: { 200: ViewSchema, ...problems(401, 403, 404, 422) },
      },
    },
    async (req) => getBestValue(ctx, actorOf(req), req.params.id),
  );

  api.put(
    '/inkoop/inschrijvingen/:id/best-value',
    {
      config: { access: { rollen: AANBIEDER, data: 'eigen-organisatie', organisaties: ['zorgaanbieder'] } },
      schema: {
        tags,
        summary:
          "Best value-voorstel vervangen: voorstel (≈ twee A4), kansen, risico's, prijs en 1..5 KPI's (alleen als concept, vóór de sluitingstermijn)",
        params: Id,
        body: Type.Object({
          voorstel: Tekst(100_000),
          kansen: Tekst(50_000),
          risicos: Tekst(50_000),
          aangebodenPrijs: Tekst(40),
          prijsToelichting: Tekst(5000),
          voorwaarden: Tekst(20_000),
          kpis: Type.Array(KpiBody, { maxItems: 50 }),
        }),
        response: { 200: ViewSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) => zetBestValue(ctx, actorOf(req), req.params.id, req.body),
  );

  api.get(
    '/inkoop/overeenkomsten/:id/kpis',
    {
      config: { access: { rollen: LEZEN, data: 'eigen-organisatie', organisaties: ['zorgaanbieder', 'zorgkantoor'] } },
      schema: {
        tags,
        summary: "Afgesproken KPI's van een overeenkomst (best value), om de voortgang te volgen",
        params: Id,
        response: {
          200: Type.Object({
            overeenkomstId: Type.String(),
            kaderId: Type.String(),
            kaderTitel: Type.String(),
            aanbiederId: Type.String(),
            procedureType: Type.String(),
            status: Type.String(),
            ingangsdatum: Type.String(),
            einddatum: Type.String(),
            regel: Type.String(),
            kpis: Type.Array(KpiSchema),
          }),
          ...problems(401, 403, 404),
        },
      },
    },
    async (req) => overeenkomstKpis(ctx, actorOf(req), req.params.id),
  );
}

export const bestValueCapability: Capability = { naam: 'bestvalue', routes };
