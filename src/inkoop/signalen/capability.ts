/** Signalenregister and contract relations: routes under /api/v1/inkoop/ and `zorginkoop inkoop signalen`. */
import { Type, type TSchema } from '@fastify/type-provider-typebox';
import { commandGroup } from '../../platform/cli/index.ts';
import type { Capability } from '../../platform/capability-type.ts';
import { actorOf, type Api } from '../../platform/http/app.ts';
import type { AppContext } from '../../platform/context.ts';
import { problems } from '../../platform/http/problems.ts';
import type { Rol } from '../../platform/auth/roles.ts';
import * as svc from './service.ts';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Id = Type.Object({ id: Type.String() });
const LEZEN = {
  rollen: [...svc.SIGNAAL_LEZERS, 'toezichthouder'] as Rol[],
  data: 'eigen-organisatie' as const,
  organisaties: ['zorgkantoor' as const, 'nza' as const],
};
const SCHRIJVEN = {
  rollen: svc.SIGNAAL_SCHRIJVERS,
  data: 'eigen-organisatie' as const,
  organisaties: ['zorgkantoor' as const],
};
const tags = ['signalen'];

// Dates are plain strings here so the service can name the field and the fix (waar/wat/actie).
const Datum = (description: string) => Type.String({ maxLength: 30, description: `${description} (JJJJ-MM-DD)` });

const SignaalSchema = Type.Object({
  id: Type.String(),
  zorgkantoorId: Type.String(),
  zorgkantoorNaam: Type.String(),
  aanbiederId: Type.String(),
  aanbiederNaam: Type.String(),
  locatieId: Nullable(Type.String()),
  locatieNaam: Nullable(Type.String()),
  soort: Type.String({ enum: [...svc.SIGNAAL_SOORTEN] }),
  omschrijving: Type.String(),
  bron: Type.String(),
  datumVan: Type.String(),
  datumTot: Nullable(Type.String()),
  actief: Type.Boolean({ description: 'niet ingetrokken en loopt op de dag van vandaag (serverklok)' }),
  vastgelegdDoor: Type.String(),
  vastgelegdOp: Type.String(),
  gewijzigdOp: Nullable(Type.String()),
  ingetrokkenOp: Nullable(Type.String()),
  ingetrokkenDoor: Nullable(Type.String()),
  intrekkingsreden: Nullable(Type.String()),
});

const RelatieSchema = Type.Object({
  id: Type.String(),
  zorgkantoorId: Type.String(),
  zorgkantoorNaam: Type.String(),
  aanbiederId: Type.String(),
  aanbiederNaam: Type.String(),
  jaar: Type.Integer(),
  regioCode: Type.String(),
  sector: Type.String(),
  rol: Type.String({ enum: [...svc.CONTRACT_ROLLEN] }),
  hoofdaannemerId: Nullable(Type.String()),
  hoofdaannemerNaam: Nullable(Type.String()),
  bron: Type.String(),
  vastgelegdDoor: Type.String(),
  vastgelegdOp: Type.String(),
  ingetrokkenOp: Nullable(Type.String()),
  intrekkingsreden: Nullable(Type.String()),
});

async function routes(api: Api, ctx: AppContext) {
  api.get(
    '/inkoop/signalen',
    {
      config: { access: LEZEN },
      schema: {
        tags,
        summary:
          'Signalenregister: verscherpt toezicht en fraudesignalen (eigen zorgkantoor; toezichthouder: alle; nooit voor aanbieders)',
        querystring: Type.Object({
          aanbieder: Type.Optional(Type.String({ maxLength: 100 })),
          soort: Type.Optional(Type.String({ enum: [...svc.SIGNAAL_SOORTEN] })),
        }),
        response: { 200: Type.Array(SignaalSchema), ...problems(400, 401, 403) },
      },
    },
    async (req) => svc.signalen(ctx, actorOf(req), req.query),
  );

  api.post(
    '/inkoop/signalen',
    {
      config: { access: SCHRIJVEN },
      schema: {
        tags,
        summary: 'Signaal vastleggen (manager of inkoper van het zorgkantoor; geaudit)',
        description:
          'Verscherpt toezicht telt voor voorwaarde G1 zolang het loopt op de besluitdatum; een fraudeonderzoek voor G2 met de startdatum; ' +
          'vastgestelde fraude voor G3 met de datum van vaststelling. De omschrijving is intern en komt nooit in de redenen of brieven aan de aanbieder.',
        body: Type.Object({
          aanbiederId: Type.String({ minLength: 1, maxLength: 100 }),
          locatieId: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
          soort: Type.String({ enum: [...svc.SIGNAAL_SOORTEN] }),
          omschrijving: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
          bron: Type.String({ maxLength: 500 }),
          datumVan: Datum('begin toezicht / start onderzoek / datum vaststelling'),
          datumTot: Type.Optional(Nullable(Datum('einde toezicht / onderzoek afgesloten'))),
        }),
        response: { 201: SignaalSchema, ...problems(400, 401, 403, 422) },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.signaalVastleggen(ctx, actorOf(req), req.body)),
  );

  api.patch(
    '/inkoop/signalen/:id',
    {
      config: { access: SCHRIJVEN },
      schema: {
        tags,
        summary: 'Einddatum van een signaal vastleggen of wissen (einde toezicht, onderzoek afgesloten; geaudit)',
        params: Id,
        body: Type.Object({ datumTot: Nullable(Datum('einddatum; null wist de einddatum')) }),
        response: { 200: SignaalSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) => svc.signaalEinddatum(ctx, actorOf(req), req.params.id, req.body.datumTot),
  );

  api.post(
    '/inkoop/signalen/:id/intrekken',
    {
      config: { access: SCHRIJVEN },
      schema: {
        tags,
        summary: 'Signaal intrekken met reden (niets wordt verwijderd; geaudit)',
        params: Id,
        body: Type.Object({ reden: Type.String({ maxLength: 5000 }) }),
        response: { 200: SignaalSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) => svc.signaalIntrekken(ctx, actorOf(req), req.params.id, req.body.reden),
  );

  api.get(
    '/inkoop/contractrelaties',
    {
      config: { access: LEZEN },
      schema: {
        tags,
        summary: "Contractrelaties naast de hoofdaanneming (onderaannemer, pilot zzp'ers, pgb) voor de classificatie",
        querystring: Type.Object({
          aanbieder: Type.Optional(Type.String({ maxLength: 100 })),
          jaar: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
        }),
        response: { 200: Type.Array(RelatieSchema), ...problems(400, 401, 403) },
      },
    },
    async (req) => svc.contractrelaties(ctx, actorOf(req), req.query),
  );

  api.post(
    '/inkoop/contractrelaties',
    {
      config: { access: SCHRIJVEN },
      schema: {
        tags,
        summary:
          'Contractrelatie vastleggen (telt mee in de classificatie: alleen onderaannemer / zzp-pilot / pgb = geheel nieuw; geaudit)',
        body: Type.Object({
          aanbiederId: Type.String({ minLength: 1, maxLength: 100 }),
          jaar: Type.Integer(),
          regioCode: Type.String({ maxLength: 10 }),
          sector: Type.String({ maxLength: 10 }),
          rol: Type.String({ enum: [...svc.CONTRACT_ROLLEN] }),
          hoofdaannemerId: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
          bron: Type.String({ maxLength: 500 }),
        }),
        response: { 201: RelatieSchema, ...problems(400, 401, 403, 422) },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.contractrelatieVastleggen(ctx, actorOf(req), req.body)),
  );

  api.post(
    '/inkoop/contractrelaties/:id/intrekken',
    {
      config: { access: SCHRIJVEN },
      schema: {
        tags,
        summary: 'Contractrelatie intrekken met reden (geaudit)',
        params: Id,
        body: Type.Object({ reden: Type.String({ maxLength: 5000 }) }),
        response: { 200: RelatieSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) => svc.contractrelatieIntrekken(ctx, actorOf(req), req.params.id, req.body.reden),
  );
}

function signalenTekst(rows: svc.Signaal[]): string {
  if (!rows.length) return 'Geen signalen.';
  return rows
    .map(
      (s) =>
        `${s.datumVan}${s.datumTot ? ` t/m ${s.datumTot}` : ''}  ${svc.SIGNAAL_SOORT_TEKST[s.soort].padEnd(20)} ${s.locatieNaam ?? ''}` +
        `  (${s.zorgkantoorNaam}; bron: ${s.bron})${s.ingetrokkenOp ? ` — INGETROKKEN: ${s.intrekkingsreden}` : s.actief ? ' — actief' : ''}`,
    )
    .join('\n');
}

export const signalenCapability: Capability = {
  naam: 'inkoop-signalen',
  routes,
  cli(program, cli) {
    const inkoop = commandGroup(program, 'inkoop', 'inkoopprocedures');
    inkoop
      .command('signalen')
      .description('signalenregister: verscherpt toezicht en fraudesignalen over een zorgaanbieder')
      .requiredOption('--aanbieder <id>', 'id van de zorgaanbieder, bijv. za-demo-0001')
      .option('--zorgkantoor <id>', 'alleen de signalen van dit zorgkantoor')
      .action(async (o, cmd) => {
        await cli.run(cmd, async (ctx, out) => {
          const rows = await svc.signalenVoorBeheer(ctx, o.aanbieder, o.zorgkantoor);
          out.result(rows, signalenTekst);
        });
      });
  },
};
