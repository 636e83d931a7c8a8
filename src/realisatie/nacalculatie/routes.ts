/** HTTP routes of the nacalculatie (/api/v1/realisatie/nacalculatie/...). */
import { Type } from '@fastify/type-provider-typebox';
import { actorOf, type Api } from '../../platform/http/app.ts';
import type { AppContext } from '../../platform/context.ts';
import { problems } from '../../platform/http/problems.ts';
import type { OrganisatieSoort, Rol } from '../../platform/auth/roles.ts';
import {
  NacalculatieBesluitSchema,
  NacalculatieInvoerSchema,
  NacalculatieSchema,
  NacalculatiesSchema,
  OverproductieRegelInvoerSchema,
  OverproductieRegelSchema,
  OpslagOordeelInvoerSchema,
  OpslagOordeelSchema,
} from './schemas.ts';
import {
  nacalculatieBesluiten,
  nacalculatieDetail,
  nacalculatiesLijst,
  nacalculatieVoorstellen,
  zetOverproductieRegel,
  opslagBeoordelen,
} from '../nacalculatie.ts';

const LEZEN = {
  rollen: [
    'inkoper',
    'controller',
    'manager',
    'toezichthouder',
    'aanbieder-contractmanager',
    'aanbieder-bestuurder',
  ] as Rol[],
  data: 'zorgkantoor-regio' as const,
};
const VOORSTELLEN = {
  rollen: ['inkoper', 'controller', 'manager'] as Rol[],
  data: 'zorgkantoor-regio' as const,
  organisaties: ['zorgkantoor'] as OrganisatieSoort[],
};
const Id = Type.Object({ id: Type.String({ maxLength: 40 }) });

export async function nacalculatieRoutes(api: Api, ctx: AppContext) {
  api.get(
    '/realisatie/nacalculatie',
    {
      config: { access: LEZEN },
      schema: {
        tags: ['realisatie'],
        summary:
          'Nacalculaties van een jaar (zorgkantoor: eigen regio’s en de gekozen overproductieregel; aanbieder: alleen vastgestelde, alleen de eigen regel; NZa: alle)',
        querystring: Type.Object({ jaar: Type.Integer({ minimum: 2000, maximum: 2100 }) }),
        response: { 200: NacalculatiesSchema, ...problems(400, 401, 403) },
      },
    },
    async (req) => nacalculatiesLijst(ctx, actorOf(req), req.query),
  );
  api.put(
    '/realisatie/nacalculatie/regel',
    {
      config: { access: { ...VOORSTELLEN, rollen: ['manager'] as Rol[], data: 'eigen-organisatie' as const } },
      schema: {
        tags: ['realisatie'],
        summary: 'De regel voor overproductie van het eigen zorgkantoor in een jaar (manager)',
        body: OverproductieRegelInvoerSchema,
        response: { 200: OverproductieRegelSchema, ...problems(400, 401, 403) },
      },
    },
    async (req) => zetOverproductieRegel(ctx, actorOf(req), req.body.jaar, req.body.regel),
  );
  api.post(
    '/realisatie/nacalculatie',
    {
      config: { access: VOORSTELLEN },
      schema: {
        tags: ['realisatie'],
        summary:
          'Nacalculatie voorstellen voor een regio, jaar en sector: eindbedrag per aanbieder uit de afspraken, de declaraties en de overproductieregel',
        body: NacalculatieInvoerSchema,
        response: { 201: NacalculatieSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => reply.status(201).send(await nacalculatieVoorstellen(ctx, actorOf(req), req.body)),
  );
  api.get(
    '/realisatie/nacalculatie/:id',
    {
      config: { access: LEZEN },
      schema: {
        tags: ['realisatie'],
        summary: 'Eén nacalculatie met uitleg per aanbieder (aanbieder: alleen de eigen regel, als vastgesteld)',
        params: Id,
        response: { 200: NacalculatieSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => nacalculatieDetail(ctx, actorOf(req), req.params.id),
  );
  api.put(
    '/realisatie/nacalculatie/opslag',
    {
      config: { access: VOORSTELLEN },
      schema: {
        tags: ['realisatie'],
        summary:
          'Oordeel over de opslag bij de nacalculatie: per aanbieder toegekend (blijft in de prijs) of onthouden (basistarief), met motivatie',
        body: OpslagOordeelInvoerSchema,
        response: { 200: OpslagOordeelSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) => opslagBeoordelen(ctx, actorOf(req), req.body),
  );
  api.post(
    '/realisatie/nacalculatie/:id/besluit',
    {
      config: { access: { ...VOORSTELLEN, rollen: ['manager'] as Rol[] } },
      schema: {
        tags: ['realisatie'],
        summary: 'Besluit over de nacalculatie (vier ogen: een manager die niet voorstelde)',
        params: Id,
        body: NacalculatieBesluitSchema,
        response: { 200: NacalculatieSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) => nacalculatieBesluiten(ctx, actorOf(req), req.params.id, req.body),
  );
}
