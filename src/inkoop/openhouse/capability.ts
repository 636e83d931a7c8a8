/** Open house admission routes (/api/v1/inkoop/...) and the `zorginkoop inkoop toelatingen` command. */
import { Type } from '@fastify/type-provider-typebox';
import { commandGroup } from '../../platform/cli/index.ts';
import type { Capability } from '../../platform/capability-type.ts';
import { actorOf, type Api } from '../../platform/http/app.ts';
import { stuurDownload } from '../../platform/http/download.ts';
import type { AppContext } from '../../platform/context.ts';
import { problems } from '../../platform/http/problems.ts';
import { notFound } from '../../platform/errors.ts';
import * as svc from './service.ts';
import { kaderRij } from './store.ts';
import { isUuid } from '../../platform/validatie.ts';

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Reden = Type.Object({
  code: Type.String(),
  tekst: Type.String(),
  voldaan: Type.Boolean(),
  toelichting: Type.String(),
});
const EisKort = Type.Object({ code: Type.String(), tekst: Type.String() });
const AANBIEDER = {
  rollen: ['aanbieder-contractmanager', 'aanbieder-bestuurder'] as (
    'aanbieder-contractmanager' | 'aanbieder-bestuurder'
  )[],
  data: 'eigen-organisatie' as const,
  organisaties: ['zorgaanbieder' as const],
};

const ToelatingSchema = Type.Object({
  id: Type.String(),
  ronde: Type.Integer(),
  besluit: Type.String(),
  redenen: Type.Array(Reden),
  nietVoldaan: Type.Array(EisKort),
  regel: Type.String(),
  motivatie: Nullable(Type.String()),
  beslotenOp: Type.String(),
  beslotenDoor: Nullable(Type.String()),
  briefDocumentId: Nullable(Type.String()),
  heraangemeldOp: Nullable(Type.String()),
  overeenkomst: Nullable(
    Type.Object({
      id: Type.String(),
      soort: Type.String(),
      status: Type.String(),
      ingangsdatum: Type.String(),
      einddatum: Type.String(),
      documentId: Nullable(Type.String()),
      geaccepteerdOp: Nullable(Type.String()),
    }),
  ),
});

const OverzichtSchema = Type.Object({
  kaderId: Type.String(),
  titel: Type.String(),
  fase: Type.String(),
  jaarVan: Type.Integer(),
  jaarTot: Type.Integer(),
  toelatingOpen: Type.Boolean(),
  ontzegeld: Type.Boolean(),
  regel: Type.String(),
  aanbieders: Type.Array(
    Type.Object({
      inschrijvingId: Type.String(),
      aanbiederId: Type.String(),
      aanbiederNaam: Type.String(),
      inschrijvingStatus: Type.String(),
      ingediendOp: Nullable(Type.String()),
      beoordeling: Type.Object({
        status: Type.String(),
        knockOut: Nullable(Type.String()),
        vierOgen: Type.Boolean(),
        verouderd: Type.Boolean(),
      }),
      toestand: Type.String(),
      verwachtBesluit: Nullable(Type.String()),
      kanVastleggen: Type.Boolean(),
      toelating: Nullable(ToelatingSchema),
      eerdere: Type.Array(ToelatingSchema),
    }),
  ),
});

const MijnSchema = Type.Array(
  Type.Object({
    inschrijvingId: Type.String(),
    kaderId: Type.String(),
    kaderTitel: Type.String(),
    zorgkantoorNaam: Type.String(),
    jaarVan: Type.Integer(),
    jaarTot: Type.Integer(),
    fase: Type.String(),
    inschrijvingStatus: Type.String(),
    ingediendOp: Nullable(Type.String()),
    toestand: Type.String(),
    heraanmeldenMogelijk: Type.Boolean(),
    toelating: Nullable(ToelatingSchema),
    eerdere: Type.Array(ToelatingSchema),
  }),
);

async function routes(api: Api, ctx: AppContext) {
  const tags = ['openhouse'];

  api.post(
    '/inkoop/inschrijvingen/:id/toelating',
    {
      config: { access: { rollen: ['manager', 'inkoper'], data: 'eigen-organisatie', organisaties: ['zorgkantoor'] } },
      schema: {
        tags,
        summary:
          'Open house: toelating van één aanbieder vastleggen (toegelaten ⇔ vier-ogenbesluit en alle knock-outeisen voldaan); maakt brief en raamovereenkomst',
        params: Id,
        body: Type.Object({ motivatie: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))) }),
        response: {
          200: Type.Object({
            toelatingId: Type.String(),
            inschrijvingId: Type.String(),
            besluit: Type.String(),
            ronde: Type.Integer(),
            redenen: Type.Array(Reden),
            nietVoldaan: Type.Array(EisKort),
            regel: Type.String(),
            briefDocumentId: Type.String(),
            overeenkomstId: Nullable(Type.String()),
            overeenkomstDocumentId: Nullable(Type.String()),
          }),
          ...problems(400, 401, 403, 404, 409, 422),
        },
      },
    },
    async (req) => svc.toelatingVastleggen(ctx, actorOf(req), req.params.id, req.body ?? {}),
  );

  api.get(
    '/inkoop/kaders/:id/toelatingen',
    {
      config: {
        access: {
          rollen: ['manager', 'inkoper', 'beoordelaar', 'controller'],
          data: 'eigen-organisatie',
          organisaties: ['zorgkantoor'],
        },
      },
      schema: {
        tags,
        summary: 'Open house: elke aanbieder met beoordelingsstatus en toelating (eigen inkoopkader)',
        params: Id,
        response: { 200: OverzichtSchema, ...problems(401, 403, 404, 422) },
      },
    },
    async (req) => svc.kaderToelatingen(ctx, actorOf(req), req.params.id),
  );

  api.get(
    '/inkoop/toelatingen',
    {
      config: {
        access: {
          rollen: ['aanbieder-contractmanager', 'aanbieder-bestuurder', 'clientenraad'],
          data: 'eigen-organisatie',
          organisaties: ['zorgaanbieder'],
        },
      },
      schema: {
        tags,
        summary: 'Open house: de eigen aanmeldingen met toelating, brief en raamovereenkomst (aanbieder)',
        response: { 200: MijnSchema, ...problems(401, 403) },
      },
    },
    async (req) => svc.mijnToelatingen(ctx, actorOf(req)),
  );

  api.get(
    '/inkoop/toelatingen/:id/brief',
    {
      config: {
        access: {
          rollen: [
            'manager',
            'inkoper',
            'beoordelaar',
            'controller',
            'aanbieder-contractmanager',
            'aanbieder-bestuurder',
            'clientenraad',
          ],
          data: 'eigen-organisatie',
          organisaties: ['zorgkantoor', 'zorgaanbieder'],
        },
      },
      schema: {
        tags,
        summary: 'Open house: het toelatingsbesluit als PDF (alleen het eigen)',
        params: Id,
        response: {
          200: Type.String({ format: 'binary', description: 'application/pdf' }),
          ...problems(401, 403, 404),
        },
      },
    },
    async (req, reply) => {
      const d = await svc.toelatingBrief(ctx, actorOf(req), req.params.id);
      return stuurDownload(reply, { ...d, mime: 'application/pdf' });
    },
  );

  api.post(
    '/inkoop/inschrijvingen/:id/heraanmelden',
    {
      config: { access: AANBIEDER },
      schema: {
        tags,
        summary:
          'Open house: na een afwijzing opnieuw aanmelden (de aanmelding wordt weer een concept; eerdere besluiten blijven bewaard)',
        params: Id,
        response: {
          200: Type.Object({ inschrijvingId: Type.String(), status: Type.String() }),
          ...problems(401, 403, 404, 409, 422),
        },
      },
    },
    async (req) => svc.heraanmelden(ctx, actorOf(req), req.params.id),
  );
}

type Overzicht = Awaited<ReturnType<typeof svc.toelatingsOverzicht>>;
const TOESTAND: Record<string, string> = {
  concept: 'concept (opnieuw aangemeld)',
  in_behandeling: 'in behandeling',
  toegelaten: 'toegelaten',
  afgewezen: 'afgewezen',
  ingetrokken: 'ingetrokken',
};

function overzichtTekst(o: Overzicht): string {
  const lines = [`${o.titel} — fase: ${o.fase}${o.toelatingOpen ? ' (toelating open)' : ''}`, `Regel: ${o.regel}`];
  if (!o.ontzegeld) {
    lines.push('De aanmeldingen zijn nog verzegeld (de toelating is nog niet geopend).');
    return lines.join('\n');
  }
  if (!o.aanbieders.length) lines.push('Nog geen aanmeldingen.');
  for (const a of o.aanbieders) {
    const t = a.toelating;
    const extra = t
      ? `${t.besluit === 'afgewezen' ? ` — niet voldaan: ${t.nietVoldaan.map((e) => e.code).join(', ')}` : ''}${t.overeenkomst ? ` — raamovereenkomst ${t.overeenkomst.status}` : ''}`
      : a.verwachtBesluit
        ? ` — vast te leggen: ${a.verwachtBesluit}`
        : '';
    lines.push(
      `  ${a.aanbiederNaam.padEnd(40)} ${(TOESTAND[a.toestand] ?? a.toestand).padEnd(28)} beoordeling: ${a.beoordeling.status}${extra}${a.eerdere.length ? ` (${a.eerdere.length} eerdere)` : ''}`,
    );
  }
  return lines.join('\n');
}

export const openHouseCapability: Capability = {
  naam: 'inkoop-openhouse',
  routes,
  cli(program, cli) {
    const inkoop = commandGroup(program, 'inkoop', 'inkoopprocedures');
    inkoop
      .command('toelatingen')
      .description('open house: elke aanbieder van een inkoopkader met beoordeling en toelating')
      .requiredOption('--kader <id>', 'id van het inkoopkader (open house)')
      .action(async (o, cmd) => {
        await cli.run(cmd, async (ctx, out) => {
          const k = isUuid(o.kader) ? await kaderRij(ctx.db, o.kader) : undefined;
          if (!k) throw notFound(`Inkoopkader ${o.kader}`);
          const r = await svc.toelatingsOverzicht(ctx, ctx.db, k);
          out.result(r, overzichtTekst);
        });
      });
  },
};
