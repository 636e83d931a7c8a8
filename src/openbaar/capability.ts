/**
 * Openbaar: public routes (no sign-in) for published procurement frameworks (/api/v1/openbaar/...).
 * Every route is { publiek: true, data: 'publiek' }; the response schemas list exactly what is
 * served, so nothing else can slip out (the published snapshot itself is passed through unchanged so
 * that its SHA-256 can be checked by anyone). See docs/openbaar.md.
 */
import { Type, type TSchema } from '@fastify/type-provider-typebox';
import type { Capability } from '../platform/capability-type.ts';
import type { Api } from '../platform/http/app.ts';
import type { AppContext } from '../platform/context.ts';
import { problems } from '../platform/http/problems.ts';
import { Aftelling as AftellingInkoop } from '../inkoop/index.ts';
import { kaderOpenbaar, lijstOpenbaar } from './service.ts';

const S = Type.String();
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const PUBLIEK = { publiek: true as const, data: 'publiek' as const };
const tags = ['openbaar'];

const Aftelling = Type.Object(AftellingInkoop.properties, { description: 'Aftelling berekend op de serverklok' });

const Kop = {
  id: S,
  titel: S,
  zorgkantoor: Type.Object({ id: S, naam: S }),
  jaarVan: Type.Integer(),
  jaarTot: Type.Integer(),
  sector: Type.Object({ code: S, naam: S, naamEn: S }),
  regios: Type.Array(Type.Object({ code: S, naam: S })),
  procedure: Type.Object({ type: S, naam: S, naamEn: S, bron: S }),
  fase: S,
  faseNaam: S,
  gepubliceerdeVersie: Type.Integer({ description: 'Laatste gepubliceerde versie' }),
  eerstGepubliceerdOp: S,
  deadline: Nullable(S),
  deadlineLokaal: Nullable(S),
  aftelling: Nullable(Aftelling),
};

const LijstSchema = Type.Object({
  nu: S,
  aantal: Type.Integer(),
  kaders: Type.Array(Type.Object({ ...Kop, versieGepubliceerdOp: S })),
  keuzes: Type.Object({
    jaren: Type.Array(Type.Integer()),
    sectoren: Type.Array(Type.Object({ code: S, naam: S, naamEn: S })),
    regios: Type.Array(Type.Object({ code: S, naam: S })),
    zorgkantoren: Type.Array(Type.Object({ id: S, naam: S })),
  }),
});

/** The stored snapshot of a published version (src/inkoop/kader.ts snapshot()); passed through unchanged. */
const Open = { additionalProperties: true };
const SnapshotSchema = Type.Object(
  {
    id: S,
    versie: Type.Integer(),
    zorgkantoorId: S,
    titel: S,
    jaarVan: Type.Integer(),
    jaarTot: Type.Integer(),
    sector: S,
    regioCodes: Type.Array(S),
    procedureType: S,
    omschrijving: Nullable(S),
    regionaleParagraaf: Type.Optional(Type.Unknown()),
    termijnen: Type.Array(
      Type.Object(
        {
          fase: S,
          naam: S,
          begintOp: Nullable(S),
          eindigtOp: Nullable(S),
          begintLokaal: Nullable(S),
          eindigtLokaal: Nullable(S),
        },
        Open,
      ),
    ),
    eisen: Type.Array(Type.Object({ code: S, groep: S, tekst: S, soort: S, bron: Nullable(S) }, Open)),
  },
  {
    ...Open,
    description: 'De gepubliceerde momentopname, ongewijzigd: SHA-256 van de canonieke JSON is gelijk aan sha256',
  },
);

const DetailSchema = Type.Object({
  ...Kop,
  nu: S,
  tijdzone: S,
  versie: Type.Integer(),
  actueel: Type.Boolean(),
  sha256: S,
  gepubliceerdOp: S,
  wijzigingen: Nullable(S),
  tijdlijn: Type.Array(
    Type.Object({
      fase: S,
      naam: S,
      naamEn: S,
      begintOp: Nullable(S),
      eindigtOp: Nullable(S),
      begintLokaal: Nullable(S),
      eindigtLokaal: Nullable(S),
      omschrijving: Nullable(S),
      verstreken: Type.Boolean(),
      aftelling: Nullable(Aftelling),
    }),
  ),
  gepubliceerd: SnapshotSchema,
  versies: Type.Array(Type.Object({ versie: Type.Integer(), sha256: S, gepubliceerdOp: S, wijzigingen: Nullable(S) })),
  notasVanInlichtingen: Type.Array(
    Type.Object(
      {
        versie: Type.Integer(),
        sha256: S,
        gepubliceerdOp: S,
        regels: Type.Array(
          Type.Object({ nummer: Type.Integer(), onderwerp: Nullable(S), eisCode: Nullable(S), vraag: S, antwoord: S }),
        ),
      },
      { description: 'Anoniem: nooit wie een vraag stelde' },
    ),
  ),
});

const Id = Type.Object({ id: S });

async function routes(api: Api, ctx: AppContext) {
  api.get(
    '/openbaar/inkoopkaders',
    {
      config: { access: PUBLIEK },
      schema: {
        tags,
        summary:
          'Gepubliceerde inkoopkaders van alle zorgkantoren (zonder inloggen), met filters en aftelling tot de sluitingstermijn',
        querystring: Type.Object({
          jaar: Type.Optional(
            Type.Integer({ minimum: 2000, maximum: 2100, description: 'Contractjaar dat het kader dekt' }),
          ),
          sector: Type.Optional(Type.String({ maxLength: 10 })),
          regio: Type.Optional(Type.String({ pattern: '^[0-9]{4}$', description: 'Zorgkantoorregio (COD001)' })),
          zorgkantoor: Type.Optional(Type.String({ maxLength: 100, description: 'Id van het zorgkantoor' })),
        }),
        response: { 200: LijstSchema, ...problems(400) },
      },
    },
    async (req) => lijstOpenbaar(ctx, req.query),
  );

  api.get(
    '/openbaar/inkoopkaders/:id',
    {
      config: { access: PUBLIEK },
      schema: {
        tags,
        summary:
          'Eén gepubliceerd inkoopkader zoals gepubliceerd: eisen met bron, tijdlijn, regionale paragraaf, versies met SHA-256 en de Nota van Inlichtingen',
        params: Id,
        response: { 200: DetailSchema, ...problems(404) },
      },
    },
    async (req) => kaderOpenbaar(ctx, req.params.id),
  );

  api.get(
    '/openbaar/inkoopkaders/:id/versies/:versie',
    {
      config: { access: PUBLIEK },
      schema: {
        tags,
        summary: 'Een eerder gepubliceerde versie van een inkoopkader',
        params: Type.Object({ id: S, versie: Type.Integer({ minimum: 1 }) }),
        response: { 200: DetailSchema, ...problems(400, 404) },
      },
    },
    async (req) => kaderOpenbaar(ctx, req.params.id, req.params.versie),
  );
}

export const openbaarCapability: Capability = { naam: 'openbaar', routes };
