/** Assessment, award, objection, contract and OCDS routes and the `inkoop ocds` command. */
import { Type } from '@fastify/type-provider-typebox';
import { commandGroup } from '../../platform/cli/index.ts';
import type { Capability } from '../../platform/capability-type.ts';
import { actorOf, type Api } from '../../platform/http/app.ts';
import { stuurDownload } from '../../platform/http/download.ts';
import type { AppContext } from '../../platform/context.ts';
import { problems } from '../../platform/http/problems.ts';
import { badRequest } from '../../platform/errors.ts';
import * as svc from './service.ts';
import { ocdsVoorKader } from './ocds.ts';
import { BestValueOverzichtKop, BestValueOverzichtRij, VoorstelSchema } from '../bestvalue/capability.ts';

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Reden = Type.Object({
  code: Type.String(),
  regel: Type.String(),
  voldaan: Type.Boolean(),
  toelichting: Type.String(),
});
const ZK_BEOORDELING = {
  rollen: ['beoordelaar', 'manager', 'inkoper'] as ('beoordelaar' | 'manager' | 'inkoper')[],
  data: 'eigen-organisatie' as const,
  organisaties: ['zorgkantoor' as const],
};

const GunningSchema = Type.Object({
  id: Type.String(),
  inschrijvingId: Type.String(),
  kaderId: Type.String(),
  kaderTitel: Type.String(),
  aanbiederId: Type.String(),
  aanbiederNaam: Type.String(),
  soort: Type.String(),
  uitkomst: Type.String(),
  omschrijving: Type.String(),
  looptijdJaren: Type.Integer(),
  opslagPercentage: Type.String(),
  redenen: Type.Array(Reden),
  beslotenOp: Type.String(),
  bezwaarTot: Nullable(Type.String()),
  bezwaarOpen: Type.Boolean(),
  briefDocumentId: Nullable(Type.String()),
  bezwaren: Type.Array(
    Type.Object({
      id: Type.String(),
      tekst: Type.String(),
      status: Type.String(),
      besluit: Nullable(Type.String()),
      ingediendOp: Type.String(),
      verwerkt: Type.Boolean(),
    }),
  ),
  overeenkomst: Nullable(
    Type.Object({
      id: Type.String(),
      status: Type.String(),
      ingangsdatum: Type.String(),
      einddatum: Type.String(),
      documentId: Nullable(Type.String()),
      nviVersie: Nullable(Type.Integer()),
      geaccepteerdOp: Nullable(Type.String()),
    }),
  ),
});

const OverzichtSchema = Type.Object({
  kaderId: Type.String(),
  titel: Type.String(),
  fase: Type.String(),
  ontzegeld: Type.Boolean(),
  aantalIngediend: Type.Integer(),
  inschrijvingen: Type.Array(
    Type.Object({
      inschrijvingId: Type.String(),
      aanbiederId: Type.String(),
      aanbiederNaam: Type.String(),
      ingediendOp: Nullable(Type.String()),
      beoordeling: Type.String(),
      totaalscore: Nullable(Type.String()),
      knockOut: Nullable(Type.String()),
      gunning: Nullable(Type.Object({ id: Type.String(), soort: Type.String(), uitkomst: Type.String() })),
      ...BestValueOverzichtRij,
    }),
  ),
  ...BestValueOverzichtKop,
});

/** Read-only conditions, the ontwikkelplan and the opslag proposal (src/inkoop/gunning/prijs.ts beoordelingExtra). */
const VoorwaardenDetail = {
  voorwaarden: Type.Optional(
    Type.Object({
      tweejarig: Type.Array(
        Type.Object({
          code: Type.String(),
          regel: Type.String(),
          voldaan: Type.Boolean(),
          toelichting: Type.String(),
          bron: Type.String(),
          gebruikt: Type.Optional(
            Type.Record(Type.String(), Type.Unknown(), {
              description: 'G5: de gegevens waarmee de regionale voorwaarde is berekend',
            }),
          ),
        }),
      ),
      gunningsvoorwaarden: Type.Array(
        Type.Object({ code: Type.String(), tekst: Type.String(), bron: Type.String(), toelichting: Type.String() }),
      ),
      toelichting: Type.String(),
    }),
  ),
  ontwikkelplan: Type.Optional(
    Nullable(
      Type.Object({
        status: Nullable(Type.String()),
        akkoord: Type.Boolean(),
        zelfanalyseZorgvuldig: Type.Boolean(),
        zelfanalyseOntbreekt: Type.Array(Type.String()),
        clientenraadBetrokken: Type.Boolean(),
        teruggestuurdReden: Nullable(Type.String()),
      }),
    ),
  ),
  opslagVoorstel: Type.Optional(
    Nullable(Type.Object({ opslag: Type.String(), tabelMaximum: Type.String(), toelichting: Type.String() })),
  ),
};

const DetailSchema = Type.Object({
  inschrijvingId: Type.String(),
  kaderId: Type.String(),
  kaderTitel: Type.String(),
  aanbiederId: Type.String(),
  aanbiederNaam: Type.String(),
  criteria: Type.Array(
    Type.Object({
      code: Type.String(),
      naam: Type.String(),
      soort: Type.String(),
      gewicht: Nullable(Type.String()),
      schaalMin: Nullable(Type.String()),
      schaalMax: Nullable(Type.String()),
      groep: Type.Optional(Type.String()),
      bron: Type.Optional(Nullable(Type.String())),
      automatisch: Type.Optional(Nullable(Type.Object({ voldaan: Type.Boolean(), toelichting: Type.String() }))),
    }),
  ),
  regionaleVoorwaarden: Type.Array(
    Type.Object({
      code: Type.String(),
      omschrijving: Type.String(),
      soort: Nullable(
        Type.String({ description: 'klasse | geen-signalen | contractjaren; null: zonder soort (niet te berekenen)' }),
      ),
    }),
  ),
  antwoorden: Type.Array(
    Type.Object({
      code: Type.String(),
      tekst: Type.String(),
      waarde: Type.Unknown(),
      toelichting: Nullable(Type.String()),
    }),
  ),
  scores: Type.Array(
    Type.Object({
      criteriumCode: Type.String(),
      beoordelaarId: Type.String(),
      beoordelaarNaam: Type.String(),
      score: Nullable(Type.String()),
      voldaan: Nullable(Type.Boolean()),
      motivatie: Type.String(),
    }),
  ),
  besluit: Nullable(
    Type.Object({
      id: Type.String(),
      status: Type.String(),
      totaalscore: Nullable(Type.String()),
      knockOut: Nullable(Type.String()),
      beoordelaarId: Type.String(),
      beoordelaarNaam: Nullable(Type.String()),
      beslisserId: Nullable(Type.String()),
      beslisserNaam: Nullable(Type.String()),
      motivatie: Nullable(Type.String()),
      besluitenOp: Nullable(Type.String()),
    }),
  ),
  bestValue: Type.Optional(Nullable(VoorstelSchema)),
  ...VoorwaardenDetail,
});

async function routes(api: Api, ctx: AppContext) {
  api.get(
    '/inkoop/kaders/:id/beoordelingen',
    {
      config: { access: ZK_BEOORDELING },
      schema: {
        tags: ['gunning'],
        summary: 'Ingediende inschrijvingen met beoordelings- en gunningsstatus (pas na de sluitingstermijn)',
        params: Id,
        response: { 200: OverzichtSchema, ...problems(401, 403, 404) },
      },
    },
    async (req) => svc.beoordelingsOverzicht(ctx, actorOf(req), req.params.id),
  );

  api.get(
    '/inkoop/inschrijvingen/:id/beoordeling',
    {
      config: { access: ZK_BEOORDELING },
      schema: {
        tags: ['gunning'],
        summary: 'Beoordeling van één inschrijving: criteria, antwoorden, scores, besluit',
        params: Id,
        response: { 200: DetailSchema, ...problems(401, 403, 404, 409) },
      },
    },
    async (req) => svc.beoordelingDetail(ctx, actorOf(req), req.params.id),
  );

  api.put(
    '/inkoop/inschrijvingen/:id/beoordeling',
    {
      config: { access: { rollen: ['beoordelaar'], data: 'eigen-organisatie', organisaties: ['zorgkantoor'] } },
      schema: {
        tags: ['gunning'],
        summary: 'Scores en motivatie per criterium vastleggen (beoordelaar, na de sluitingstermijn)',
        params: Id,
        body: Type.Object({
          scores: Type.Array(
            Type.Object({
              criteriumCode: Type.String({ minLength: 1 }),
              score: Type.Optional(Nullable(Type.String())),
              voldaan: Type.Optional(Nullable(Type.Boolean())),
              motivatie: Type.String(),
            }),
            { maxItems: 500 },
          ),
        }),
        response: {
          200: Type.Object({
            besluitId: Type.String(),
            status: Type.String(),
            uitslag: Type.Object(
              {
                status: Type.String(),
                knockOut: Type.Array(Type.Object({ code: Type.String(), naam: Type.String() })),
                totaal: Nullable(Type.String()),
                regel: Type.String(),
              },
              { additionalProperties: true },
            ),
          }),
          ...problems(400, 401, 403, 404, 409, 422),
        },
      },
    },
    async (req) =>
      svc.scoor(
        ctx,
        actorOf(req),
        req.params.id,
        req.body.scores.map((s) => ({ ...s, motivatie: s.motivatie })),
      ),
  );

  api.post(
    '/inkoop/inschrijvingen/:id/beoordeling/besluit',
    {
      config: {
        access: { rollen: ['beoordelaar', 'manager'], data: 'eigen-organisatie', organisaties: ['zorgkantoor'] },
      },
      schema: {
        tags: ['gunning'],
        summary: 'Vier-ogenbesluit over een beoordeling (andere persoon dan de beoordelaar)',
        params: Id,
        body: Type.Object({
          besluit: Type.Union([Type.Literal('vastgesteld'), Type.Literal('afgewezen')]),
          motivatie: Type.String({ maxLength: 5000 }),
        }),
        response: {
          200: Type.Object({ besluitId: Type.String(), status: Type.String() }),
          ...problems(400, 401, 403, 404, 409, 422),
        },
      },
    },
    async (req) => svc.besluitBeoordeling(ctx, actorOf(req), req.params.id, req.body),
  );

  const UitkomstResultaat = Type.Object({
    gunningId: Type.String(),
    uitkomst: Type.String(),
    omschrijving: Type.String(),
    looptijdJaren: Type.Integer(),
    opslagPercentage: Type.String(),
    redenen: Type.Array(Reden),
    regel: Type.String(),
    bezwaarTot: Type.String(),
    briefDocumentId: Type.String(),
  });
  api.post(
    '/inkoop/inschrijvingen/:id/gunning/voorlopig',
    {
      config: { access: { rollen: ['manager'], data: 'eigen-organisatie', organisaties: ['zorgkantoor'] } },
      schema: {
        tags: ['gunning'],
        summary:
          'Voorlopig gunnen (uitkomst volgens de beslistabel, bij best value volgens de rangorde; vereist een vier-ogenbesluit)',
        params: Id,
        body: Type.Object({
          opslagPercentage: Type.Optional(Nullable(Type.String({ pattern: '^\\d+([.,]\\d+)?$' }))),
          fraudeonderzoekenGestart: Type.Optional(Type.Array(Type.String({ format: 'date' }))),
          fraudeVastgesteld: Type.Optional(Type.Array(Type.String({ format: 'date' }))),
          overeenkomstVorigJaar: Type.Optional(Type.Boolean()),
          motivatie: Type.Optional(Type.String({ maxLength: 5000 })),
        }),
        response: { 200: UitkomstResultaat, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) => {
      // The regional conditions are computed by the decision table; a manager no longer ticks them.
      if ((req.body as Record<string, unknown>).regionaalVoldaan !== undefined)
        throw badRequest(
          'regionaal-voldaan-vervallen',
          'De regionale voorwaarden worden niet meer bij de gunning aangevinkt: de beslistabel berekent ze uit de classificatie, het signalenregister en de contracthistorie (regel inkoop.regionale-voorwaarde.v1).',
          {
            fouten: [
              {
                waar: 'regionaalVoldaan',
                wat: 'Het veld regionaalVoldaan bestaat niet meer.',
                actie: 'Laat het veld weg; de uitkomst per regionale voorwaarde staat in de redenen (G5:<code>).',
              },
            ],
          },
        );
      return svc.voorlopigGunnen(ctx, actorOf(req), req.params.id, {
        ...req.body,
        opslagPercentage: req.body.opslagPercentage?.replace(',', '.') ?? null,
      });
    },
  );

  api.post(
    '/inkoop/inschrijvingen/:id/gunning/definitief',
    {
      config: { access: { rollen: ['manager'], data: 'eigen-organisatie', organisaties: ['zorgkantoor'] } },
      schema: {
        tags: ['gunning'],
        summary: 'Definitief gunnen na de bezwaartermijn; maakt brief en overeenkomst (met Nota van Inlichtingen)',
        params: Id,
        body: Type.Object({ motivatie: Type.Optional(Type.String({ maxLength: 5000 })) }),
        response: {
          200: Type.Object({
            gunningId: Type.String(),
            uitkomst: Type.String(),
            overeenkomstId: Nullable(Type.String()),
            briefDocumentId: Type.String(),
          }),
          ...problems(400, 401, 403, 404, 409, 422),
        },
      },
    },
    async (req) => svc.definitiefGunnen(ctx, actorOf(req), req.params.id, req.body ?? {}),
  );

  api.get(
    '/inkoop/gunningen',
    {
      config: {
        access: {
          rollen: [
            'beoordelaar',
            'manager',
            'inkoper',
            'controller',
            'aanbieder-contractmanager',
            'aanbieder-bestuurder',
          ],
          data: 'eigen-organisatie',
          organisaties: ['zorgkantoor', 'zorgaanbieder'],
        },
      },
      schema: {
        tags: ['gunning'],
        summary: 'Gunningen: een aanbieder ziet alleen de eigen, een zorgkantoor die van de eigen kaders',
        querystring: Type.Object({ kader: Type.Optional(Type.String({ format: 'uuid' })) }),
        response: { 200: Type.Array(GunningSchema), ...problems(401, 403) },
      },
    },
    async (req) => svc.gunningen(ctx, actorOf(req), req.query.kader),
  );

  api.get(
    '/inkoop/gunningen/:id',
    {
      config: {
        access: {
          rollen: [
            'beoordelaar',
            'manager',
            'inkoper',
            'controller',
            'aanbieder-contractmanager',
            'aanbieder-bestuurder',
          ],
          data: 'eigen-organisatie',
          organisaties: ['zorgkantoor', 'zorgaanbieder'],
        },
      },
      schema: {
        tags: ['gunning'],
        summary: 'Eén gunning met onderbouwing per voorwaarde, bezwaren en overeenkomst',
        params: Id,
        response: { 200: GunningSchema, ...problems(401, 403, 404) },
      },
    },
    async (req) => svc.gunning(ctx, actorOf(req), req.params.id),
  );

  api.post(
    '/inkoop/gunningen/:id/bezwaar',
    {
      config: {
        access: {
          rollen: ['aanbieder-contractmanager', 'aanbieder-bestuurder'],
          data: 'eigen-organisatie',
          organisaties: ['zorgaanbieder'],
        },
      },
      schema: {
        tags: ['gunning'],
        summary: 'Bezwaar maken tegen een voorlopige gunning (binnen de bezwaartermijn)',
        params: Id,
        body: Type.Object({ tekst: Type.String({ minLength: 1, maxLength: 20000 }) }),
        response: {
          201: Type.Object({ bezwaarId: Type.String(), status: Type.String() }),
          ...problems(400, 401, 403, 404, 422),
        },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await svc.bezwaarIndienen(ctx, actorOf(req), req.params.id, req.body.tekst)),
  );

  api.post(
    '/inkoop/bezwaren/:id/besluit',
    {
      config: { access: { rollen: ['manager'], data: 'eigen-organisatie', organisaties: ['zorgkantoor'] } },
      schema: {
        tags: ['gunning'],
        summary: 'Besluit op bezwaar (gegrond: de voorlopige gunning wordt herzien)',
        params: Id,
        body: Type.Object({
          status: Type.Union([Type.Literal('gegrond'), Type.Literal('ongegrond')]),
          besluit: Type.String({ minLength: 1, maxLength: 20000 }),
        }),
        response: {
          200: Type.Object({ bezwaarId: Type.String(), status: Type.String() }),
          ...problems(400, 401, 403, 404, 409, 422),
        },
      },
    },
    async (req) => svc.bezwaarBeslissen(ctx, actorOf(req), req.params.id, req.body),
  );

  api.get(
    '/inkoop/gunningsdocumenten/:id',
    {
      config: {
        access: {
          rollen: [
            'beoordelaar',
            'manager',
            'inkoper',
            'controller',
            'aanbieder-contractmanager',
            'aanbieder-bestuurder',
          ],
          data: 'eigen-organisatie',
          organisaties: ['zorgkantoor', 'zorgaanbieder'],
        },
      },
      schema: {
        tags: ['gunning'],
        summary: 'Gunningsbrief of overeenkomst als PDF (alleen de eigen)',
        params: Id,
        response: {
          200: Type.String({ format: 'binary', description: 'application/pdf' }),
          ...problems(401, 403, 404),
        },
      },
    },
    async (req, reply) => {
      const d = await svc.gunningDocument(ctx, actorOf(req), req.params.id);
      return stuurDownload(reply, { ...d, mime: 'application/pdf' });
    },
  );

  api.post(
    '/inkoop/overeenkomsten/:id/acceptatie',
    {
      config: {
        access: { rollen: ['aanbieder-bestuurder'], data: 'eigen-organisatie', organisaties: ['zorgaanbieder'] },
      },
      schema: {
        tags: ['gunning'],
        summary: 'Acceptatie van de overeenkomst door de geregistreerde bestuurder van de aanbieder',
        params: Id,
        body: Type.Object({ akkoord: Type.Boolean() }),
        response: {
          200: Type.Object({ id: Type.String(), status: Type.String() }),
          ...problems(400, 401, 403, 404, 409),
        },
      },
    },
    async (req) => svc.overeenkomstAccepteren(ctx, actorOf(req), req.params.id, req.body.akkoord),
  );

  api.get(
    '/inkoop/kaders/:id/ocds',
    {
      config: { access: { publiek: true, data: 'publiek' } },
      schema: {
        tags: ['gunning', 'openbaar'],
        summary: 'OCDS 1.1 release package van een gepubliceerd inkoopkader (alleen openbare gegevens)',
        params: Type.Object({ id: Type.String() }),
        response: {
          200: Type.Object({}, { additionalProperties: true, description: 'OCDS 1.1 release package' }),
          ...problems(404),
        },
      },
    },
    async (req) => ocdsVoorKader(ctx, req.params.id),
  );
}

export const gunningCapability: Capability = {
  naam: 'inkoop-gunning',
  routes,
  cli(program, cli) {
    const inkoop = commandGroup(program, 'inkoop', 'inkoopprocedures');
    inkoop
      .command('ocds')
      .description('OCDS 1.1 release package van een gepubliceerd inkoopkader (JSON op stdout)')
      .requiredOption('--kader <id>', 'id van het inkoopkader')
      .action(async (o, cmd) => {
        await cli.run(cmd, async (ctx, out) => {
          const pkg = await ocdsVoorKader(ctx, o.kader);
          // The package is JSON by nature: print it as JSON also without --json.
          out.result(pkg, (p) => JSON.stringify(p, null, 2));
        });
      });
  },
};
