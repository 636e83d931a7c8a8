/** Inkoop routes (/api/v1/inkoop/...) and the `zorginkoop inkoop` command group (core of issue 3). */
import { Type } from '@fastify/type-provider-typebox';
import { commandGroup } from '../platform/cli/index.ts';
import type { Capability } from '../platform/capability-type.ts';
import { actorOf, type Api } from '../platform/http/app.ts';
import { stuurDownload } from '../platform/http/download.ts';
import { leesUpload } from '../platform/http/upload.ts';
import type { AppContext } from '../platform/context.ts';
import { problems } from '../platform/http/problems.ts';
import { notFound } from '../platform/errors.ts';
import type { Rol } from '../platform/auth/roles.ts';
import { ACTIES, PROCEDURE_TYPES, type Actie, type ProcedureType } from '../domain/inkoop/procedure.ts';
import { TERMIJN_FASEN } from '../domain/inkoop/timeline.ts';
import {
  beantwoordVraag,
  dialooggesprekken,
  dienIn,
  eigenInschrijving,
  laadDocument,
  laadInschrijving,
  laadKader,
  laadNotaVanInlichtingen,
  kaderStatus,
  kaderVersie,
  kaderVersies,
  KWALITEITSTHEMAS,
  legDialoogVast,
  lijstKaders,
  lijstVragen,
  lijstInschrijvingen,
  maakEis,
  maakKader,
  maakOntwikkelplanDefinitief,
  MAX_DOCUMENT_BYTES,
  publiceer,
  publiceerNvI,
  sjablonen,
  startInschrijving,
  stelVraag,
  uploadDocument,
  verwijderDocument,
  verwijderEis,
  voerOvergangUit,
  wijzigEis,
  wijzigKader,
  wijzigStatus,
  zetAntwoord,
  zetOntwikkelplan,
  zetTermijnen,
  zetZelfanalyse,
} from './service.ts';
import { kaderRij } from './store.ts';
import * as S from './schemas.ts';
import { isUuid } from '../platform/validatie.ts';

const INKOOP: Rol[] = ['inkoper', 'manager'];
const ZK_LEZEN: Rol[] = ['inkoper', 'manager', 'beoordelaar', 'controller'];
const AANBIEDER: Rol[] = ['aanbieder-contractmanager', 'aanbieder-bestuurder'];
const AANBIEDER_LEZEN: Rol[] = ['aanbieder-contractmanager', 'aanbieder-bestuurder', 'clientenraad'];

const Id = Type.Object({ id: Type.String() });
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const Ok = Type.Object({ ok: Type.Boolean() });

const EisBody = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 40 }),
  groep: Type.String(),
  tekst: Type.String({ minLength: 1, maxLength: 4000 }),
  soort: Type.String(),
  vanToepassing: Type.Optional(Type.Array(Type.String())),
  bewijs: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  gewicht: Type.Optional(Nullable(Type.String())),
  schaalMin: Type.Optional(Nullable(Type.String())),
  schaalMax: Type.Optional(Nullable(Type.String())),
  verplicht: Type.Optional(Type.Boolean()),
  volgorde: Type.Optional(Type.Integer()),
  bron: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
});

/**
 * The regional paragraph (src/domain/inkoop/regionale-paragraaf.ts), described for the OpenAPI
 * document. Types only: the content rules (criteria of this kader, decimals, ranges, codes) are the
 * domain's and answer 422 with a path per problem.
 */
const RegionaleParagraafBody = Type.Object(
  {
    toelichting: Type.Optional(Type.String({ description: 'Tekst van de regionale paragraaf (max. 20.000 tekens).' })),
    weging: Type.Optional(
      Type.Record(Type.String(), Type.String(), {
        description:
          'Criteriumcode (gewogen gunningscriterium van dit kader) → gewicht als exacte decimaal > 0 met hoogstens 2 decimalen, bijv. { "F1": "50" }; gaat voor het gepubliceerde gewicht.',
      }),
    ),
    schaalStap: Type.Optional(
      Type.String({
        description: 'Stap tussen toegestane scores op de schaal van elk gewogen criterium, bijv. "0.5".',
      }),
    ),
    tweejarigeVoorwaarden: Type.Optional(
      Type.Array(
        Type.Object(
          {
            code: Type.String(),
            omschrijving: Type.String(),
            soort: Type.String({
              description:
                'Hoe de beslistabel de voorwaarde berekent: klasse (klassen), geen-signalen (signaalSoorten, jaren) of contractjaren (jaren).',
            }),
            klassen: Type.Optional(
              Type.Array(Type.String(), {
                description: 'klasse: bestaand, geheel_nieuw, nieuw_in_regio, nieuw_zzp_vpt',
              }),
            ),
            signaalSoorten: Type.Optional(
              Type.Array(Type.String(), {
                description: 'geen-signalen: verscherpt_toezicht, fraudeonderzoek, fraude_vastgesteld',
              }),
            ),
            jaren: Type.Optional(
              Type.Integer({
                description:
                  'geen-signalen: terugkijkperiode in jaren vóór de gunningsdatum; contractjaren: aantal jaren direct vóór het eerste contractjaar met een overeenkomst met dit zorgkantoor (1–20)',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        {
          description:
            'Regionale voorwaarden voor de tweejarige overeenkomst (G5), elk met een soort die de beslistabel berekent; codes uniek en niet G1–G4.',
        },
      ),
    ),
    bestValue: Type.Optional(
      Type.Object(
        {
          maxWoorden: Type.Optional(Type.Integer({ description: '100–10000' })),
          maxKpis: Type.Optional(Type.Integer({ description: '1–20' })),
          verduidelijkingAantal: Type.Optional(Type.Integer({ description: '1–1000' })),
        },
        { additionalProperties: false, description: 'Alleen bij procedure best_value.' },
      ),
    ),
    basistarief: Type.Optional(
      Type.Object(
        {
          perLeveringsvorm: Type.Optional(Type.Record(Type.String(), Type.String())),
          perPrestatie: Type.Optional(Type.Record(Type.String(), Type.String())),
        },
        {
          additionalProperties: false,
          description:
            'Basistarief als percentage van het NZa-maximumtarief, per leveringsvorm en/of prestatie (prestatie gaat voor), bijv. { "perLeveringsvorm": { "verblijf": "95" } }.',
        },
      ),
    ),
    opslagTabel: Type.Optional(
      Type.Array(Type.Object({ vanaf: Type.String(), opslag: Type.String() }, { additionalProperties: false }), {
        description:
          'Beoordelingskader ontwikkelplan: gewogen score (vanaf, oplopend) → opslag 0–3% op het basistarief.',
      }),
    ),
    opslagMomenten: Type.Optional(
      Type.Array(Type.String(), {
        description: 'Momenten waarop de opslag wordt toegekend: initieel, herschikking, nacalculatie.',
      }),
    ),
  },
  {
    additionalProperties: false,
    description:
      'Regionale paragraaf; vervangt de hele paragraaf ({} wist hem). Ongeldig → 422 met per fout het pad (regionaleParagraaf.weging.F1).',
  },
);

async function routes(api: Api, ctx: AppContext) {
  const tag = ['inkoop'];

  api.get(
    '/inkoop/sjablonen',
    {
      config: { access: { rollen: 'ingelogd', data: 'publiek' } },
      schema: {
        tags: tag,
        summary: 'Sjablonen voor een inkoopkader (2008, 2016) met eisen en bronnen',
        response: { 200: Type.Array(S.Sjabloon), ...problems(401) },
      },
    },
    async () => sjablonen(),
  );

  api.get(
    '/inkoop/themas',
    {
      config: { access: { rollen: 'ingelogd', data: 'publiek' } },
      schema: {
        tags: tag,
        summary:
          "Kwaliteitsthema's van het sjabloon 2016 (Inkoopkader Langdurige Zorg 2016 GZ, hoofdstuk 3), met sector",
        response: {
          200: Type.Array(
            Type.Object({ code: Type.String(), naam: Type.String(), bron: Type.String(), sector: Type.String() }),
          ),
          ...problems(401),
        },
      },
    },
    async () => KWALITEITSTHEMAS(),
  );

  api.get(
    '/inkoop/kaders',
    {
      config: { access: { rollen: 'ingelogd', data: 'eigen-organisatie' } },
      schema: {
        tags: tag,
        summary: "Inkoopkaders: eigen (zorgkantoor), open procedures in de eigen regio's met aftelling (aanbieder)",
        response: { 200: Type.Array(S.KaderLijstItem), ...problems(401) },
      },
    },
    async (req) => lijstKaders(ctx, actorOf(req)),
  );

  api.post(
    '/inkoop/kaders',
    {
      config: { access: { rollen: INKOOP, data: 'eigen-organisatie', organisaties: ['zorgkantoor'] } },
      schema: {
        tags: tag,
        summary: 'Inkoopkader aanmaken (optioneel vanuit een sjabloon)',
        body: Type.Object({
          titel: Type.String({ minLength: 1, maxLength: 300 }),
          jaarVan: Type.Integer({ minimum: 2000, maximum: 2100 }),
          jaarTot: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
          sector: Type.String(),
          regioCodes: Type.Array(Type.String(), { minItems: 1 }),
          procedureType: Type.Union(PROCEDURE_TYPES.map((p) => Type.Literal(p))),
          sjabloon: Type.Optional(Type.String()),
          omschrijving: Type.Optional(Type.String({ maxLength: 10000 })),
          verzegeldVoorBeoordelaars: Type.Optional(Type.Boolean()),
          bezwaartermijnDagen: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })),
        }),
        response: { 201: Type.Object({ id: Type.String() }), ...problems(400, 401, 403, 422) },
      },
    },
    async (req, reply) =>
      reply.status(201).send({
        id: await maakKader(ctx, actorOf(req), {
          ...req.body,
          procedureType: req.body.procedureType as ProcedureType,
        }),
      }),
  );

  api.get(
    '/inkoop/kaders/:id',
    {
      config: { access: { rollen: 'ingelogd', data: 'eigen-organisatie' } },
      schema: {
        tags: tag,
        summary:
          'Eén inkoopkader (eigenaar: werkversie; anderen: gepubliceerde versie) met termijnen, eisen en aftelling',
        params: Id,
        response: { 200: S.KaderDetail, ...problems(401, 404) },
      },
    },
    async (req) => laadKader(ctx, actorOf(req), req.params.id),
  );

  api.patch(
    '/inkoop/kaders/:id',
    {
      config: { access: { rollen: INKOOP, data: 'eigen-organisatie', organisaties: ['zorgkantoor'] } },
      // Schema problems inside regionaleParagraaf go to the domain rule (422 with paths, unknown keys named); others stay 400 (handler).
      attachValidation: true,
      schema: {
        tags: tag,
        summary: 'Inkoopkader wijzigen (na publicatie ontstaat een nieuwe versie)',
        params: Id,
        body: Type.Object({
          titel: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
          jaarVan: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
          jaarTot: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
          sector: Type.Optional(Type.String()),
          regioCodes: Type.Optional(Type.Array(Type.String())),
          omschrijving: Type.Optional(Type.String({ maxLength: 10000 })),
          verzegeldVoorBeoordelaars: Type.Optional(Type.Boolean()),
          bezwaartermijnDagen: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })),
          regionaleParagraaf: Type.Optional(RegionaleParagraafBody),
        }),
        response: { 200: Ok, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) => {
      if (req.validationError) {
        // The domain rules for the paragraph are stricter than its schema (types only), so they refuse whatever the schema refused there.
        const v = (req.validationError as { validation?: { instancePath?: string }[] }).validation ?? [];
        if (!v.length || !v.every((x) => (x.instancePath ?? '').startsWith('/regionaleParagraaf')))
          throw req.validationError;
      }
      await wijzigKader(ctx, actorOf(req), req.params.id, req.body);
      return { ok: true };
    },
  );

  api.put(
    '/inkoop/kaders/:id/termijnen',
    {
      config: { access: { rollen: INKOOP, data: 'eigen-organisatie', organisaties: ['zorgkantoor'] } },
      schema: {
        tags: tag,
        summary: 'Tijdlijn vervangen; tijden als JJJJ-MM-DDTUU:MM in Europe/Amsterdam (of ISO met tijdzone)',
        params: Id,
        body: Type.Object({
          termijnen: Type.Array(
            Type.Object({
              fase: Type.Union(TERMIJN_FASEN.map((f) => Type.Literal(f))),
              begint: Type.Optional(Nullable(Type.String())),
              eindigt: Type.Optional(Nullable(Type.String())),
              omschrijving: Type.Optional(Nullable(Type.String())),
            }),
          ),
        }),
        response: { 200: Ok, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) => {
      await zetTermijnen(ctx, actorOf(req), req.params.id, req.body.termijnen);
      return { ok: true };
    },
  );

  api.post(
    '/inkoop/kaders/:id/eisen',
    {
      config: { access: { rollen: INKOOP, data: 'eigen-organisatie', organisaties: ['zorgkantoor'] } },
      schema: {
        tags: tag,
        summary: 'Eis toevoegen',
        params: Id,
        body: EisBody,
        response: { 201: Ok, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      await maakEis(ctx, actorOf(req), req.params.id, req.body);
      return reply.status(201).send({ ok: true });
    },
  );

  api.patch(
    '/inkoop/kaders/:id/eisen/:code',
    {
      config: { access: { rollen: INKOOP, data: 'eigen-organisatie', organisaties: ['zorgkantoor'] } },
      schema: {
        tags: tag,
        summary: 'Eis wijzigen',
        params: Type.Object({ id: Type.String(), code: Type.String() }),
        body: Type.Partial(Type.Omit(EisBody, ['code'])),
        response: { 200: Ok, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      await wijzigEis(ctx, actorOf(req), req.params.id, req.params.code, req.body);
      return { ok: true };
    },
  );

  api.delete(
    '/inkoop/kaders/:id/eisen/:code',
    {
      config: { access: { rollen: INKOOP, data: 'eigen-organisatie', organisaties: ['zorgkantoor'] } },
      schema: {
        tags: tag,
        summary: 'Eis verwijderen (na publicatie: vervallen)',
        params: Type.Object({ id: Type.String(), code: Type.String() }),
        response: { 200: Ok, ...problems(401, 403, 404, 409) },
      },
    },
    async (req) => {
      await verwijderEis(ctx, actorOf(req), req.params.id, req.params.code);
      return { ok: true };
    },
  );

  api.post(
    '/inkoop/kaders/:id/publiceren',
    {
      config: { access: { rollen: INKOOP, data: 'eigen-organisatie', organisaties: ['zorgkantoor'] } },
      schema: {
        tags: tag,
        summary: 'Publiceren: de werkversie wordt de publieke versie (eerste keer: concept → gepubliceerd)',
        params: Id,
        body: Type.Optional(Type.Object({ wijzigingen: Type.Optional(Type.String({ maxLength: 4000 })) })),
        response: {
          200: Type.Object({ versie: Type.Integer(), sha256: Type.String(), fase: Type.String() }),
          ...problems(401, 403, 404, 409, 422),
        },
      },
    },
    async (req) => publiceer(ctx, actorOf(req), req.params.id, req.body?.wijzigingen),
  );

  api.post(
    '/inkoop/kaders/:id/overgangen',
    {
      config: { access: { rollen: INKOOP, data: 'eigen-organisatie', organisaties: ['zorgkantoor'] } },
      schema: {
        tags: tag,
        summary: 'Procedure-overgang uitvoeren (toestandsmachine per proceduretype; geauditeerd)',
        params: Id,
        body: Type.Object({ actie: Type.Union(ACTIES.map((a) => Type.Literal(a))) }),
        response: {
          200: Type.Object({ van: Type.String(), naar: Type.String() }),
          ...problems(400, 401, 403, 404, 409),
        },
      },
    },
    async (req) => voerOvergangUit(ctx, actorOf(req), req.params.id, req.body.actie as Actie),
  );

  api.get(
    '/inkoop/kaders/:id/status',
    {
      config: { access: { rollen: ZK_LEZEN, data: 'eigen-organisatie', organisaties: ['zorgkantoor'] } },
      schema: {
        tags: tag,
        summary: 'Fase, termijnen, aftelling en aantallen per status',
        params: Id,
        response: { 200: S.KaderStatus, ...problems(401, 403, 404) },
      },
    },
    async (req) => {
      const k = await laadKader(ctx, actorOf(req), req.params.id);
      if (!k.eigenaar) throw notFound('Dit inkoopkader');
      return k.status;
    },
  );

  api.get(
    '/inkoop/kaders/:id/versies',
    {
      config: { access: { rollen: 'ingelogd', data: 'eigen-organisatie' } },
      schema: {
        tags: tag,
        summary: 'Gepubliceerde versies',
        params: Id,
        response: { 200: Type.Array(S.KaderVersieKort), ...problems(401, 404) },
      },
    },
    async (req) => kaderVersies(ctx, actorOf(req), req.params.id),
  );

  api.get(
    '/inkoop/kaders/:id/versies/:versie',
    {
      config: { access: { rollen: 'ingelogd', data: 'eigen-organisatie' } },
      schema: {
        tags: tag,
        summary: 'Eén gepubliceerde versie (de publieke momentopname)',
        params: Type.Object({ id: Type.String(), versie: Type.Integer({ minimum: 1 }) }),
        response: { 200: S.KaderVersie, ...problems(401, 404) },
      },
    },
    async (req) => kaderVersie(ctx, actorOf(req), req.params.id, req.params.versie),
  );

  // Vragen en Nota van Inlichtingen
  api.get(
    '/inkoop/kaders/:id/vragen',
    {
      config: { access: { rollen: [...ZK_LEZEN, ...AANBIEDER_LEZEN], data: 'eigen-organisatie' } },
      schema: {
        tags: tag,
        summary: 'Vragen (zorgkantoor: alle; aanbieder: eigen)',
        params: Id,
        response: { 200: Type.Array(S.Vraag), ...problems(401, 404) },
      },
    },
    async (req) => lijstVragen(ctx, actorOf(req), req.params.id),
  );

  api.post(
    '/inkoop/kaders/:id/vragen',
    {
      config: { access: { rollen: AANBIEDER, data: 'eigen-organisatie', organisaties: ['zorgaanbieder'] } },
      schema: {
        tags: tag,
        summary: 'Vraag stellen voor de Nota van Inlichtingen (tot de sluitingsdatum voor vragen)',
        params: Id,
        body: Type.Object({
          tekst: Type.String({ minLength: 1, maxLength: 4000 }),
          onderwerp: Type.Optional(Type.String({ maxLength: 300 })),
          eisCode: Type.Optional(Type.String({ maxLength: 40 })),
        }),
        response: { 201: Type.Object({ id: Type.String() }), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.status(201).send({ id: await stelVraag(ctx, actorOf(req), req.params.id, req.body) }),
  );

  api.put(
    '/inkoop/kaders/:id/vragen/:vraagId/antwoord',
    {
      config: { access: { rollen: INKOOP, data: 'eigen-organisatie', organisaties: ['zorgkantoor'] } },
      schema: {
        tags: tag,
        summary: 'Vraag beantwoorden',
        params: Type.Object({ id: Type.String(), vraagId: Type.String({ format: 'uuid' }) }),
        body: Type.Object({ antwoord: Type.String({ minLength: 1, maxLength: 8000 }) }),
        response: { 200: Ok, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      await beantwoordVraag(ctx, actorOf(req), req.params.id, req.params.vraagId, req.body.antwoord);
      return { ok: true };
    },
  );

  api.post(
    '/inkoop/kaders/:id/nvi',
    {
      config: { access: { rollen: INKOOP, data: 'eigen-organisatie', organisaties: ['zorgkantoor'] } },
      schema: {
        tags: tag,
        summary: 'Nota van Inlichtingen publiceren (nieuwe versie, anoniem, voor alle aanbieders)',
        params: Id,
        response: { 200: S.NotaVanInlichtingen, ...problems(401, 403, 404, 409) },
      },
    },
    async (req) => publiceerNvI(ctx, actorOf(req), req.params.id),
  );

  api.get(
    '/inkoop/kaders/:id/nvi',
    {
      config: { access: { rollen: 'ingelogd', data: 'eigen-organisatie' } },
      schema: {
        tags: tag,
        summary: 'De laatste Nota van Inlichtingen (of ?versie=n)',
        params: Id,
        querystring: Type.Object({ versie: Type.Optional(Type.Integer({ minimum: 1 })) }),
        response: { 200: S.NotaVanInlichtingen, ...problems(401, 404) },
      },
    },
    async (req) => {
      const n = await laadNotaVanInlichtingen(ctx, actorOf(req), req.params.id, req.query.versie);
      if (!n) throw notFound('Een Nota van Inlichtingen');
      return n;
    },
  );

  // Inschrijvingen
  api.get(
    '/inkoop/kaders/:id/inschrijvingen',
    {
      config: { access: { rollen: ZK_LEZEN, data: 'eigen-organisatie', organisaties: ['zorgkantoor'] } },
      schema: {
        tags: tag,
        summary: 'Ingediende inschrijvingen met classificatie (pas na de sluitingstermijn: verzegeld)',
        params: Id,
        response: { 200: Type.Array(S.InschrijvingKort), ...problems(401, 403, 404) },
      },
    },
    async (req) => lijstInschrijvingen(ctx, actorOf(req), req.params.id),
  );

  api.get(
    '/inkoop/kaders/:id/inschrijving',
    {
      config: { access: { rollen: AANBIEDER_LEZEN, data: 'eigen-organisatie', organisaties: ['zorgaanbieder'] } },
      schema: {
        tags: tag,
        summary: 'De eigen inschrijving op dit kader (null als er nog geen is)',
        params: Id,
        response: { 200: Type.Union([S.Inschrijving, Type.Null()]), ...problems(401, 403, 404) },
      },
    },
    async (req) => eigenInschrijving(ctx, actorOf(req), req.params.id),
  );

  api.post(
    '/inkoop/kaders/:id/inschrijving',
    {
      config: { access: { rollen: AANBIEDER, data: 'eigen-organisatie', organisaties: ['zorgaanbieder'] } },
      schema: {
        tags: tag,
        summary: 'Inschrijving starten (concept) of de bestaande teruggeven',
        params: Id,
        response: { 200: Type.Object({ id: Type.String() }), ...problems(401, 403, 404, 409) },
      },
    },
    async (req) => ({ id: await startInschrijving(ctx, actorOf(req), req.params.id) }),
  );

  api.get(
    '/inkoop/inschrijvingen/:id',
    {
      config: { access: { rollen: [...ZK_LEZEN, ...AANBIEDER_LEZEN], data: 'eigen-organisatie' } },
      schema: {
        tags: tag,
        summary: 'Eén inschrijving (aanbieder: eigen; zorgkantoor: na ontzegeling)',
        params: Id,
        response: { 200: S.Inschrijving, ...problems(401, 403, 404) },
      },
    },
    async (req) => laadInschrijving(ctx, actorOf(req), req.params.id),
  );

  api.put(
    '/inkoop/inschrijvingen/:id/antwoorden/:code',
    {
      config: { access: { rollen: AANBIEDER, data: 'eigen-organisatie', organisaties: ['zorgaanbieder'] } },
      schema: {
        tags: tag,
        summary: 'Antwoord op een eis opslaan (concept, vóór de sluitingstermijn)',
        params: Type.Object({ id: Type.String(), code: Type.String() }),
        body: Type.Object({
          waarde: Type.Optional(Type.Union([Type.Boolean(), Type.String({ maxLength: 20000 }), Type.Null()])),
          toelichting: Type.Optional(Nullable(Type.String({ maxLength: 20000 }))),
          documentId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
        }),
        response: { 200: Ok, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      await zetAntwoord(ctx, actorOf(req), req.params.id, req.params.code, req.body);
      return { ok: true };
    },
  );

  api.post(
    '/inkoop/inschrijvingen/:id/documenten',
    {
      config: { access: { rollen: AANBIEDER, data: 'eigen-organisatie', organisaties: ['zorgaanbieder'] } },
      schema: {
        tags: tag,
        summary: `Document uploaden (multipart: velden eisCode/doel vóór het bestand; PDF/Office, extensie én inhoud; max ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB; SHA-256; malwarecontrole: geen macro's, actieve PDF-inhoud of virussen, 503 als de virusscanner onbereikbaar is)`,
        consumes: ['multipart/form-data'],
        params: Id,
        response: {
          201: Type.Object({
            id: Type.String(),
            naam: Type.String(),
            mime: Type.String(),
            grootte: Type.Integer(),
            sha256: Type.String(),
            eisCode: Nullable(Type.String()),
          }),
          ...problems(400, 401, 403, 404, 409, 413, 415, 422, 503),
        },
      },
    },
    async (req, reply) => {
      const u = await leesUpload(req, { maxBytes: MAX_DOCUMENT_BYTES });
      const r = await uploadDocument(ctx, actorOf(req), req.params.id, {
        naam: u.naam,
        inhoud: u.inhoud,
        afgekapt: u.afgekapt,
        eisCode: u.velden.eisCode || undefined,
        doel: u.velden.doel || undefined,
      });
      return reply.status(201).send(r);
    },
  );

  api.delete(
    '/inkoop/inschrijvingen/:id/documenten/:documentId',
    {
      config: { access: { rollen: AANBIEDER, data: 'eigen-organisatie', organisaties: ['zorgaanbieder'] } },
      schema: {
        tags: tag,
        summary: 'Document verwijderen (concept, vóór de sluitingstermijn)',
        params: Type.Object({ id: Type.String(), documentId: Type.String({ format: 'uuid' }) }),
        response: { 200: Ok, ...problems(401, 403, 404, 409) },
      },
    },
    async (req) => {
      await verwijderDocument(ctx, actorOf(req), req.params.id, req.params.documentId);
      return { ok: true };
    },
  );

  api.get(
    '/inkoop/documenten/:id',
    {
      config: { access: { rollen: [...ZK_LEZEN, ...AANBIEDER_LEZEN], data: 'eigen-organisatie' } },
      schema: {
        tags: tag,
        summary: 'Document downloaden (eigenaar; zorgkantoor na ontzegeling)',
        params: Id,
        response: { 200: Type.Unknown(), ...problems(401, 403, 404) },
      },
    },
    async (req, reply) => {
      const d = await laadDocument(ctx, actorOf(req), req.params.id);
      return stuurDownload(reply, d);
    },
  );

  api.post(
    '/inkoop/inschrijvingen/:id/indienen',
    {
      config: { access: { rollen: AANBIEDER, data: 'eigen-organisatie', organisaties: ['zorgaanbieder'] } },
      schema: {
        tags: tag,
        summary: 'Inschrijving indienen: controle verplichte eisen, ontvangstbewijs met SHA-256',
        params: Id,
        response: { 200: S.Ontvangst, ...problems(401, 403, 404, 409, 422) },
      },
    },
    async (req) => dienIn(ctx, actorOf(req), req.params.id),
  );

  api.post(
    '/inkoop/inschrijvingen/:id/intrekken',
    {
      config: { access: { rollen: AANBIEDER, data: 'eigen-organisatie', organisaties: ['zorgaanbieder'] } },
      schema: {
        tags: tag,
        summary: 'Inschrijving intrekken (vóór de sluitingstermijn)',
        params: Id,
        response: { 200: Type.Object({ status: Type.String() }), ...problems(401, 403, 404, 409) },
      },
    },
    async (req) => wijzigStatus(ctx, actorOf(req), req.params.id, 'ingetrokken'),
  );

  api.post(
    '/inkoop/inschrijvingen/:id/heropenen',
    {
      config: { access: { rollen: AANBIEDER, data: 'eigen-organisatie', organisaties: ['zorgaanbieder'] } },
      schema: {
        tags: tag,
        summary:
          'Ingediende of ingetrokken inschrijving terugzetten naar concept om te wijzigen (vóór de sluitingstermijn; daarna opnieuw indienen)',
        params: Id,
        response: { 200: Type.Object({ status: Type.String() }), ...problems(401, 403, 404, 409) },
      },
    },
    async (req) => wijzigStatus(ctx, actorOf(req), req.params.id, 'concept'),
  );

  api.put(
    '/inkoop/inschrijvingen/:id/zelfanalyse/:thema',
    {
      config: { access: { rollen: AANBIEDER, data: 'eigen-organisatie', organisaties: ['zorgaanbieder'] } },
      schema: {
        tags: tag,
        summary: 'Zelfanalyse per kwaliteitsthema',
        params: Type.Object({ id: Type.String(), thema: Type.String() }),
        body: Type.Object({
          huidigeAanpak: Type.Optional(Nullable(Type.String())),
          sterktes: Type.Optional(Nullable(Type.String())),
          ontwikkelpunten: Type.Optional(Nullable(Type.String())),
          ervaringClient: Type.Optional(Nullable(Type.String())),
          niveau: Type.Optional(Nullable(Type.String())),
          gegevens: Type.Optional(Nullable(Type.String())),
          inOntwikkelplan: Type.Optional(Type.Boolean()),
        }),
        response: { 200: Ok, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      await zetZelfanalyse(ctx, actorOf(req), req.params.id, req.params.thema, req.body);
      return { ok: true };
    },
  );

  api.put(
    '/inkoop/inschrijvingen/:id/ontwikkelplan',
    {
      config: { access: { rollen: AANBIEDER, data: 'eigen-organisatie', organisaties: ['zorgaanbieder'] } },
      schema: {
        tags: tag,
        summary: 'Ontwikkelplan (voorstel) opslaan: 7 elementen en betrokkenheid cliëntenraad',
        params: Id,
        body: Type.Object({
          themas: Type.Optional(Type.Array(Type.String())),
          doelstelling: Type.Optional(Nullable(Type.String())),
          planVanAanpak: Type.Optional(Nullable(Type.String())),
          planning: Type.Optional(Nullable(Type.String())),
          investering: Type.Optional(Nullable(Type.String())),
          risicos: Type.Optional(Nullable(Type.String())),
          resultaten: Type.Optional(Nullable(Type.String())),
          bewijslast: Type.Optional(Nullable(Type.String())),
          clientenraadBetrokkenheid: Type.Optional(Nullable(Type.String())),
          clientenraadDocumentId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
        }),
        response: { 200: Ok, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      await zetOntwikkelplan(ctx, actorOf(req), req.params.id, req.body);
      return { ok: true };
    },
  );

  api.post(
    '/inkoop/inschrijvingen/:id/ontwikkelplan/definitief',
    {
      config: { access: { rollen: AANBIEDER, data: 'eigen-organisatie', organisaties: ['zorgaanbieder'] } },
      schema: {
        tags: tag,
        summary:
          'Ontwikkelplan als definitief aanbieden aan het zorgkantoor (alle 7 elementen; zonder betrokkenheid van de cliëntenraad volgt een waarschuwing)',
        params: Id,
        response: {
          200: Type.Object({
            status: Type.String(),
            waarschuwingen: Type.Array(Type.Object({ code: Type.String(), wat: Type.String() })),
          }),
          ...problems(401, 403, 404, 409, 422),
        },
      },
    },
    async (req) => maakOntwikkelplanDefinitief(ctx, actorOf(req), req.params.id),
  );

  api.post(
    '/inkoop/inschrijvingen/:id/dialoog',
    {
      config: { access: { rollen: ZK_LEZEN, data: 'eigen-organisatie', organisaties: ['zorgkantoor'] } },
      schema: {
        tags: tag,
        summary: 'Dialooggesprek vastleggen (verslag, deelnemers incl. cliëntenraad)',
        params: Id,
        body: Type.Object({
          datum: Type.String(),
          deelnemers: Type.Array(
            Type.Object({
              naam: Type.String(),
              rol: Type.Optional(Type.String()),
              organisatie: Type.Optional(Type.String()),
            }),
          ),
          onderwerpen: Type.Array(Type.String()),
          verslag: Type.Optional(Type.String({ maxLength: 50000 })),
        }),
        response: { 201: Type.Object({ id: Type.String() }), ...problems(400, 401, 403, 404) },
      },
    },
    async (req, reply) =>
      reply.status(201).send({ id: await legDialoogVast(ctx, actorOf(req), req.params.id, req.body) }),
  );

  api.get(
    '/inkoop/inschrijvingen/:id/dialoog',
    {
      config: { access: { rollen: [...ZK_LEZEN, ...AANBIEDER_LEZEN], data: 'eigen-organisatie' } },
      schema: {
        tags: tag,
        summary:
          'Verslagen van de dialooggesprekken (zorgkantoor: na ontzegeling; aanbieder en cliëntenraad: eigen inschrijving, alleen lezen)',
        params: Id,
        response: {
          200: Type.Array(
            Type.Object({
              id: Type.String(),
              datum: Type.String(),
              deelnemers: Type.Array(
                Type.Object({
                  naam: Type.String(),
                  rol: Type.Optional(Type.String()),
                  organisatie: Type.Optional(Type.String()),
                }),
              ),
              onderwerpen: Type.Array(Type.String()),
              verslag: Nullable(Type.String()),
            }),
          ),
          ...problems(401, 403, 404),
        },
      },
    },
    async (req) => dialooggesprekken(ctx, actorOf(req), req.params.id),
  );
}

function statusTekst(s: Awaited<ReturnType<typeof kaderStatus>>): string {
  const lines = [
    `${s.titel} (${s.procedureType}) — fase: ${s.fase}, versie ${s.versie}${s.gepubliceerdeVersie ? ` (gepubliceerd: ${s.gepubliceerdeVersie})` : ''}`,
    `Sluitingstermijn: ${s.deadlineLokaal ?? 'geen'}${s.aftelling ? ` — ${s.aftelling.tekst}` : ''}`,
    s.aantallen.concept === null || s.aantallen.ingetrokken === null
      ? `Inschrijvingen: ${s.aantallen.ingediend} ingediend${s.verzegeld ? ' (verzegeld)' : ''}; concepten en ingetrokken inschrijvingen zijn tot de sluitingstermijn verzegeld`
      : `Inschrijvingen: ${s.aantallen.concept} concept, ${s.aantallen.ingediend} ingediend, ${s.aantallen.ingetrokken} ingetrokken${s.verzegeld ? ' (verzegeld)' : ''}`,
    `Vragen: ${s.aantallen.vragen} (${s.aantallen.vragenOnbeantwoord} onbeantwoord), Nota's van Inlichtingen: ${s.aantallen.nviVersies}`,
    'Termijnen:',
    ...s.termijnen.map((t) => `  ${t.fase.padEnd(20)} ${t.begintLokaal ?? '—'}  →  ${t.eindigtLokaal ?? '—'}`),
    `Mogelijke acties: ${s.toegestaneActies.join(', ') || 'geen'}`,
  ];
  return lines.join('\n');
}

export const inkoopCapability: Capability = {
  naam: 'inkoop',
  routes,
  cli(program, cli) {
    // The gunning, open house and signalen parts add their commands to this group (commandGroup).
    const inkoop = commandGroup(program, 'inkoop', 'inkoopprocedures: status, (gunning: ocds)');
    inkoop
      .command('status')
      .description('fase, termijnen en aantallen per status van een inkoopkader')
      .requiredOption('--kader <id>', 'id van het inkoopkader')
      .action(async (o, cmd) => {
        await cli.run(cmd, async (ctx, out) => {
          if (!isUuid(o.kader)) throw notFound(`Inkoopkader ${o.kader}`);
          const k = await kaderRij(ctx.db, o.kader);
          if (!k) throw notFound(`Inkoopkader ${o.kader}`);
          const s = await kaderStatus(ctx, ctx.db, k);
          out.result(s, () => statusTekst(s));
        });
      });
  },
};
