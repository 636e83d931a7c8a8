/**
 * Routes of "Stap 5 - (Verbeter)afspraken vaststellen" (Inkoopkader Langdurige Zorg 2016, §2.2.4):
 * the zorgkantoor agrees with the ontwikkelplan or sends it back, grants the opslag at the moments of
 * the regional paragraph, and the prices per prestatie; plus the kader's quality themes (with sector).
 */
import { Type } from '@fastify/type-provider-typebox';
import type { Capability } from '../../platform/capability-type.ts';
import { actorOf, type Api } from '../../platform/http/app.ts';
import type { AppContext } from '../../platform/context.ts';
import { problems } from '../../platform/http/problems.ts';
import { isAanbieder, isZorgkantoor } from '../../platform/auth/roles.ts';
import { notFound } from '../../platform/errors.ts';
import { akkoordOntwikkelplan, ontwikkelplanVoorZorgkantoor, stuurOntwikkelplanTerug } from '../ontwikkelplan.ts';
import { kaderThemas, zetKaderThemas } from '../themas.ts';
import { gegundePrijzen, kenOpslagToe } from './prijs.ts';
import { overeenkomstPartijen } from './store.ts';

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const ZK_INKOOP = {
  rollen: ['inkoper', 'manager'] as ('inkoper' | 'manager')[],
  data: 'eigen-organisatie' as const,
  organisaties: ['zorgkantoor' as const],
};
const Waarschuwing = Type.Object({ code: Type.String(), wat: Type.String() });
const Thema = Type.Object({ code: Type.String(), naam: Type.String(), bron: Type.String(), sector: Type.String() });
const ThemasView = Type.Object({
  kaderId: Type.String(),
  sector: Type.String(),
  eigen: Type.Boolean(),
  themas: Type.Array(Thema),
  uitgesloten: Type.Array(Type.Object({ ...Thema.properties, reden: Type.String() })),
});
const PlanBesluit = Type.Object({
  status: Type.String(),
  besluitId: Type.String(),
  planSha256: Type.String(),
  waarschuwingen: Type.Array(Waarschuwing),
});
const Prijzen = Type.Object({
  overeenkomstId: Type.String(),
  jaar: Type.Integer(),
  opslagAfgesproken: Type.String(),
  opslagToegekend: Type.String(),
  toekenningen: Type.Array(
    Type.Object({
      moment: Type.String(),
      percentage: Type.String(),
      cumulatief: Type.String(),
      motivatie: Nullable(Type.String()),
      toegekendOp: Type.String(),
    }),
  ),
  prijzen: Type.Array(
    Type.Object({
      prestatieCode: Type.String(),
      moment: Type.String(),
      nzaMax: Type.String(),
      basistariefPct: Type.String(),
      basistarief: Type.String(),
      opslagPct: Type.String(),
      prijs: Type.String(),
      maxTariefZk: Type.String(),
      voorbeeld: Type.Boolean(),
    }),
  ),
  regel: Type.String(),
  bron: Type.String(),
});

async function routes(api: Api, ctx: AppContext) {
  const tag = ['gunning'];

  api.get(
    '/inkoop/kaders/:id/themas',
    {
      config: { access: { rollen: 'ingelogd', data: 'eigen-organisatie' } },
      schema: {
        tags: ['inkoop'],
        summary:
          "Kwaliteitsthema's van dit kader (eigen, of die van het sjabloon als de sector klopt), met sector en bron",
        params: Id,
        response: { 200: ThemasView, ...problems(401, 403, 404) },
      },
    },
    async (req) => kaderThemas(ctx, actorOf(req), req.params.id),
  );

  api.put(
    '/inkoop/kaders/:id/themas',
    {
      config: { access: ZK_INKOOP },
      schema: {
        tags: ['inkoop'],
        summary:
          "Eigen kwaliteitsthema's van het kader vastleggen (vóór publicatie); een thema van een andere sector wordt geweigerd (regel inkoop.kwaliteitsthema.sector.v1). null = die van het sjabloon.",
        params: Id,
        body: Type.Object({
          themas: Nullable(
            Type.Array(
              Type.Object({
                code: Type.String({ minLength: 1, maxLength: 40 }),
                naam: Type.String({ minLength: 1, maxLength: 500 }),
                bron: Type.String({ maxLength: 500 }),
                sector: Type.String({ minLength: 1, maxLength: 10 }),
              }),
              { maxItems: 50 },
            ),
          ),
        }),
        response: { 200: ThemasView, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) => zetKaderThemas(ctx, actorOf(req), req.params.id, req.body.themas),
  );

  api.get(
    '/inkoop/inschrijvingen/:id/ontwikkelplan/beoordeling',
    {
      config: {
        access: {
          rollen: ['inkoper', 'manager', 'beoordelaar'],
          data: 'eigen-organisatie',
          organisaties: ['zorgkantoor'],
        },
      },
      schema: {
        tags: tag,
        summary: 'Ontwikkelplan, toets op de zelfanalyse en de besluiten erover (zorgkantoor, na de sluitingstermijn)',
        params: Id,
        response: { 200: Type.Object({}, { additionalProperties: true }), ...problems(401, 403, 404, 409) },
      },
    },
    async (req) => ontwikkelplanVoorZorgkantoor(ctx, actorOf(req), req.params.id),
  );

  api.post(
    '/inkoop/inschrijvingen/:id/ontwikkelplan/akkoord',
    {
      config: { access: ZK_INKOOP },
      schema: {
        tags: tag,
        summary:
          'Het zorgkantoor stemt in met het definitief aangeboden ontwikkelplan (alle 7 elementen en een zorgvuldige zelfanalyse); alleen dan opslag en tweejarige overeenkomst',
        params: Id,
        body: Type.Optional(Type.Object({ toelichting: Type.Optional(Type.String({ maxLength: 5000 })) })),
        response: { 200: PlanBesluit, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) => akkoordOntwikkelplan(ctx, actorOf(req), req.params.id, req.body?.toelichting),
  );

  api.post(
    '/inkoop/inschrijvingen/:id/ontwikkelplan/terugsturen',
    {
      config: { access: ZK_INKOOP },
      schema: {
        tags: tag,
        summary: 'Het zorgkantoor stuurt het aangeboden ontwikkelplan terug, met een reden',
        params: Id,
        body: Type.Object({ reden: Type.String({ maxLength: 5000 }) }),
        response: { 200: PlanBesluit, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) => stuurOntwikkelplanTerug(ctx, actorOf(req), req.params.id, req.body.reden),
  );

  api.post(
    '/inkoop/overeenkomsten/:id/opslag-toekenning',
    {
      config: { access: { rollen: ['manager'], data: 'eigen-organisatie', organisaties: ['zorgkantoor'] } },
      schema: {
        tags: tag,
        summary:
          'Tariefopslag (deels) toekennen bij herschikking of nacalculatie, als de regionale paragraaf dat moment noemt; legt de prijzen vanaf dat moment vast',
        params: Id,
        body: Type.Object({
          moment: Type.String(),
          percentage: Type.String(),
          motivatie: Type.Optional(Type.String({ maxLength: 5000 })),
        }),
        response: { 200: Prijzen, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) => (await kenOpslagToe(ctx, actorOf(req), req.params.id, req.body))!,
  );

  api.get(
    '/inkoop/overeenkomsten/:id/prijzen',
    {
      config: {
        access: {
          rollen: [
            'inkoper',
            'manager',
            'controller',
            'beoordelaar',
            'aanbieder-contractmanager',
            'aanbieder-bestuurder',
          ],
          data: 'eigen-organisatie',
          organisaties: ['zorgkantoor', 'zorgaanbieder'],
        },
      },
      schema: {
        tags: tag,
        summary: 'Gegunde prijzen per prestatie (basistarief + opslag) en de toekenningen van de opslag',
        params: Id,
        response: { 200: Prijzen, ...problems(401, 403, 404) },
      },
    },
    async (req) => {
      const a = actorOf(req);
      const o = await overeenkomstPartijen(ctx.db, req.params.id);
      const mag =
        !!o &&
        (isAanbieder(a)
          ? o.organisatie_id === a.organisatieId
          : isZorgkantoor(a) && o.zorgkantoor_id === a.organisatieId);
      if (!mag) throw notFound('Deze overeenkomst');
      return (await gegundePrijzen(ctx.db, req.params.id))!;
    },
  );
}

export const afsprakenCapability: Capability = { naam: 'inkoop-afspraken', routes };
