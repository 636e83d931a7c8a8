/** Tariefbeleid: routes under /api/v1/tarieven and the `zorginkoop tarief` commands. */
import fs from 'node:fs';
import { Type } from '@fastify/type-provider-typebox';
import { Option } from 'commander';
import { jaarOptie } from '../platform/cli/index.ts';
import type { Capability } from '../platform/capability-type.ts';
import { actorOf, type Api } from '../platform/http/app.ts';
import type { AppContext } from '../platform/context.ts';
import { problems } from '../platform/http/problems.ts';
import { AppError, badRequest, notFound } from '../platform/errors.ts';
import { isAanbieder, isToezicht, isZorgkantoor } from '../platform/auth/roles.ts';
import { LEVERINGSVORMEN, type Leveringsvorm } from '../domain/tarieven/taal.ts';
import { valideerBeleid, compileerBeleid } from '../domain/tarieven/valideer.ts';
import {
  vergelijk,
  watAls,
  profielOf,
  geldendBeleid,
  conceptOpslaan,
  publiceer,
  versies,
  voorbeeldOpAanbieders,
  profielOpslaan,
  berekenTarieven,
  tarievenVanAanbieder,
  beleidVoorAanbieder,
  zorgkantoorId,
  ZORGKANTOREN,
  isManagerVan,
} from './service.ts';

const S = Type.String();
const N = Type.Union([Type.String(), Type.Null()]);
const Zek = Type.Union([Type.Literal('H'), Type.Literal('M'), Type.Literal('L')]);

export const ProfielSchema = Type.Object(
  {
    nieuweAanbieder: Type.Optional(Type.Boolean()),
    arbeidsbesparendeTechnologie: Type.Optional(Type.Boolean()),
    bewegingenEnDoelen: Type.Optional(Type.Boolean()),
    essentieleVoorziening: Type.Optional(Type.Boolean()),
    regionaleRol: Type.Optional(Type.Union([Type.Number({ minimum: -2, maximum: 1 }), Type.String()])),
    commitmentRegionaleTafels: Type.Optional(Type.Boolean()),
    specifiekPlanVptMpt: Type.Optional(Type.Boolean()),
    voldoetAanBasis: Type.Optional(Type.Boolean()),
    vorigJaarPercentage: Type.Optional(Type.Union([Type.String(), Type.Number()])),
    monitorUitkomst: Type.Optional(Type.Union([Type.Literal('hoger'), Type.Literal('gelijk'), Type.Literal('lager')])),
    ontwikkelplanAkkoord: Type.Optional(Type.Boolean()),
    opslagPercentage: Type.Optional(Type.Union([Type.String(), Type.Number()])),
    freeProposal: Type.Optional(Type.Boolean()),
    werkgeversopslag: Type.Optional(Type.Boolean()),
    socialeContextVraagtZzp4: Type.Optional(Type.Boolean()),
    presteertBeter: Type.Optional(Type.Boolean()),
  },
  {
    description:
      'Aanbiedersprofiel; alle kenmerken optioneel. Percentages als decimale tekst. Onbekende kenmerken worden geweigerd (400, met de naam).',
  },
);

const LvSchema = Type.Union(LEVERINGSVORMEN.map((l) => Type.Literal(l)));
const VergelijkBody = Type.Object({
  jaar: Type.Integer({ minimum: 2000, maximum: 2100 }),
  sector: Type.String({ minLength: 1, maxLength: 10 }),
  leveringsvorm: LvSchema,
  profiel: Type.Optional(ProfielSchema),
  prestatie: Type.Optional(Type.String({ maxLength: 40 })),
});
const SpoorSchema = Type.Object({
  regel: S,
  effect: S,
  bron: S,
  omschrijving: Type.Optional(S),
  zekerheid: Type.Optional(Zek),
  eenheidAangenomen: Type.Optional(Type.Boolean()),
  na: Type.Optional(S),
  document: Type.Optional(S),
});
const ResultaatSchema = Type.Object({
  zorgkantoor: S,
  zorgkantoorId: N,
  percentage: N,
  status: Type.Union([Type.Literal('bepaald'), Type.Literal('onbepaald')]),
  bandbreedte: Type.Object({ van: N, tot: N }),
  redenen: Type.Array(S),
  uitgesloten: Type.Boolean(),
  verschilMetBasis: N,
  uitleg: S,
  laagsteZekerheid: Zek,
  eenheidAangenomen: Type.Boolean(),
  beleidId: S,
  beleidVersie: S,
  spoor: Type.Array(SpoorSchema),
  tarief: Type.Optional(
    Type.Object({
      prestatie: S,
      nzaTarief: S,
      tarief: N,
      nhc: N,
      nic: N,
      totaal: N,
      afronding: S,
      nzaVoorbeeld: Type.Boolean(),
      toelichting: Type.Array(S),
    }),
  ),
});
const VergelijkSchema = Type.Object({
  jaar: Type.Integer(),
  sector: S,
  leveringsvorm: S,
  profiel: Type.Unknown(),
  resultaten: Type.Array(ResultaatSchema),
  verschillen: Type.Array(S),
});
const WatAlsSchema = Type.Object({
  jaar: Type.Integer(),
  sector: S,
  leveringsvorm: S,
  profiel: Type.Unknown(),
  wijziging: Type.Unknown(),
  resultaten: Type.Array(
    Type.Object({
      zorgkantoor: S,
      voor: Type.Object({ percentage: N, status: S }),
      na: Type.Object({ percentage: N, status: S }),
      verschil: N,
      uitleg: S,
      spoorNa: Type.Array(SpoorSchema),
    }),
  ),
});
const BeleidSchema = Type.Unknown({ description: 'Tariefbeleid in de beleidstaal (zie src/domain/tarieven/taal.ts)' });
const BeleidOverzicht = Type.Object({
  zorgkantoor: S,
  zorgkantoorId: N,
  jaar: Type.Integer(),
  sector: S,
  versie: S,
  versieNummer: Type.Integer(),
  beleid: BeleidSchema,
});
const FoutSchema = Type.Object({ waar: S, wat: S, actie: Type.Optional(S), regel: Type.Optional(S) });
const VoorbeeldSchema = Type.Object({
  aanbiederId: S,
  naam: S,
  leveringsvorm: S,
  huidig: N,
  huidigStatus: S,
  nieuw: N,
  nieuwStatus: S,
  verschil: N,
});
const TariefSchema = Type.Object({
  zorgkantoorId: S,
  prestatie: S,
  omschrijving: S,
  leveringsvorm: N,
  status: S,
  percentage: N,
  nzaTarief: S,
  tarief: N,
  nhc: N,
  nic: N,
  nzaVoorbeeld: Type.Boolean(),
  beleidVersie: S,
  redenen: Type.Unknown(),
  spoor: Type.Unknown(),
  berekendOp: S,
});

async function routes(api: Api, ctx: AppContext) {
  api.post(
    '/tarieven/vergelijk',
    {
      config: { access: { publiek: true, data: 'publiek' } },
      schema: {
        tags: ['tarieven'],
        summary: 'Eén aanbiedersprofiel, het tariefpercentage bij elk zorgkantoor naast elkaar, met spoor',
        body: VergelijkBody,
        response: { 200: VergelijkSchema, ...problems(400, 404) },
      },
    },
    async (req) =>
      vergelijk(ctx.db, {
        ...req.body,
        leveringsvorm: req.body.leveringsvorm as Leveringsvorm,
        profiel: profielOf(req.body.profiel ?? {}),
      }),
  );

  api.post(
    '/tarieven/wat-als',
    {
      config: { access: { publiek: true, data: 'publiek' } },
      schema: {
        tags: ['tarieven'],
        summary: 'Wat-als: hetzelfde profiel met en zonder een wijziging, bij elk zorgkantoor',
        body: Type.Intersect([VergelijkBody, Type.Object({ wijziging: ProfielSchema })]),
        response: { 200: WatAlsSchema, ...problems(400, 404) },
      },
    },
    async (req) =>
      watAls(ctx.db, {
        ...req.body,
        leveringsvorm: req.body.leveringsvorm as Leveringsvorm,
        profiel: profielOf(req.body.profiel ?? {}),
        wijziging: profielOf(req.body.wijziging),
      }),
  );

  api.get(
    '/tarieven/beleid',
    {
      config: { access: { publiek: true, data: 'publiek' } },
      schema: {
        tags: ['tarieven'],
        summary: 'Geldend tariefbeleid per zorgkantoor (met bronciteren en zekerheid)',
        querystring: Type.Object({
          jaar: Type.Integer({ minimum: 2000, maximum: 2100 }),
          sector: Type.String({ default: 'VV' }),
        }),
        response: { 200: Type.Array(BeleidOverzicht), ...problems(400) },
      },
    },
    async (req) =>
      (await geldendBeleid(ctx.db, req.query.jaar, req.query.sector)).map((g) => ({
        zorgkantoor: g.c.beleid.zorgkantoor,
        zorgkantoorId: g.c.beleid.zorgkantoorId,
        jaar: g.c.beleid.jaar,
        sector: g.c.beleid.sector,
        versie: g.versie,
        versieNummer: g.versieNummer,
        beleid: g.c.beleid,
      })),
  );

  api.post(
    '/tarieven/beleid/valideer',
    {
      config: {
        access: {
          rollen: ['inkoper', 'manager', 'controller', 'beoordelaar'],
          data: 'eigen-organisatie',
          organisaties: ['zorgkantoor'],
        },
      },
      schema: {
        tags: ['tarieven'],
        summary: 'Controleer een beleid en toon het effect op de eigen aanbieders (niets wordt opgeslagen)',
        body: Type.Object({ beleid: BeleidSchema }),
        response: {
          200: Type.Object({
            geldig: Type.Boolean(),
            fouten: Type.Array(FoutSchema),
            voorbeeld: Type.Array(VoorbeeldSchema),
          }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (req) => {
      const fouten = valideerBeleid(req.body.beleid);
      if (fouten.length) return { geldig: false, fouten, voorbeeld: [] };
      const c = compileerBeleid(req.body.beleid);
      if (c.beleid.zorgkantoorId && c.beleid.zorgkantoorId !== actorOf(req).organisatieId)
        return { geldig: true, fouten: [], voorbeeld: [] };
      return { geldig: true, fouten: [], voorbeeld: await voorbeeldOpAanbieders(ctx.db, c) };
    },
  );

  api.get(
    '/tarieven/beleid/versies',
    {
      config: {
        access: {
          rollen: ['inkoper', 'manager', 'controller', 'beoordelaar'],
          data: 'eigen-organisatie',
          organisaties: ['zorgkantoor'],
        },
      },
      schema: {
        tags: ['tarieven'],
        summary: 'Alle versies (concept, gepubliceerd, vervallen) van het eigen tariefbeleid: wie, wanneer',
        querystring: Type.Object({ jaar: Type.Optional(Type.Integer()) }),
        response: {
          200: Type.Array(
            Type.Object({
              id: S,
              jaar: Type.Integer(),
              sector: S,
              versie: Type.Integer(),
              status: S,
              toelichting: N,
              gebaseerdOp: S,
              aangemaaktDoor: S,
              aangemaaktOp: S,
              gepubliceerdDoor: N,
              gepubliceerdOp: N,
              beleid: BeleidSchema,
            }),
          ),
          ...problems(401, 403),
        },
      },
    },
    async (req) => versies(ctx.db, actorOf(req).organisatieId, req.query.jaar),
  );

  api.post(
    '/tarieven/beleid/versies',
    {
      config: { access: { rollen: ['manager'], data: 'eigen-organisatie', organisaties: ['zorgkantoor'] } },
      schema: {
        tags: ['tarieven'],
        summary: 'Nieuw concept van het eigen tariefbeleid (gevalideerd, geaudit)',
        body: Type.Object({ beleid: BeleidSchema, toelichting: Type.Optional(Type.String({ maxLength: 2000 })) }),
        response: { 201: Type.Object({ id: S, versie: Type.Integer(), status: S }), ...problems(400, 401, 403, 422) },
      },
    },
    async (req, reply) => reply.status(201).send(await conceptOpslaan(ctx.db, actorOf(req), req.body)),
  );

  api.post(
    '/tarieven/beleid/versies/:id/publiceer',
    {
      config: { access: { rollen: ['manager'], data: 'eigen-organisatie', organisaties: ['zorgkantoor'] } },
      schema: {
        tags: ['tarieven'],
        summary: 'Publiceer een concept; de vorige gepubliceerde versie vervalt',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        response: {
          200: Type.Object({ id: S, versie: Type.Integer(), status: S }),
          ...problems(401, 403, 404, 409, 422),
        },
      },
    },
    async (req) => publiceer(ctx.db, actorOf(req), req.params.id),
  );

  api.put(
    '/tarieven/profielen/:aanbiederId',
    {
      config: { access: { rollen: ['inkoper', 'manager'], data: 'zorgkantoor-regio', organisaties: ['zorgkantoor'] } },
      schema: {
        tags: ['tarieven'],
        summary: 'Leg het tariefprofiel van een aanbieder vast (voor het eigen zorgkantoor)',
        params: Type.Object({ aanbiederId: S }),
        body: Type.Object({ jaar: Type.Integer({ minimum: 2000, maximum: 2100 }), profiel: ProfielSchema }),
        response: {
          200: Type.Object({ aanbiederId: S, zorgkantoorId: S, jaar: Type.Integer(), profiel: Type.Unknown() }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (req) =>
      profielOpslaan(ctx.db, actorOf(req), req.params.aanbiederId, req.body.jaar, profielOf(req.body.profiel)),
  );

  api.post(
    '/tarieven/berekeningen',
    {
      config: { access: { rollen: ['inkoper', 'manager'], data: 'zorgkantoor-regio', organisaties: ['zorgkantoor'] } },
      schema: {
        tags: ['tarieven'],
        summary: 'Bereken alle tarieven (aanbieder × prestatie) van het eigen zorgkantoor voor een jaar, met spoor',
        body: Type.Object({ jaar: Type.Integer({ minimum: 2000, maximum: 2100 }) }),
        response: {
          200: Type.Object({
            zorgkantoorId: S,
            jaar: Type.Integer(),
            beleidVersie: S,
            aanbieders: Type.Integer(),
            tarieven: Type.Integer(),
            bepaald: Type.Integer(),
            onbepaald: Type.Integer(),
          }),
          ...problems(400, 401, 403, 404, 422),
        },
      },
    },
    async (req) => berekenTarieven(ctx.db, actorOf(req), actorOf(req).organisatieId, req.body.jaar, ctx.now()),
  );

  api.get(
    '/tarieven/aanbieders/:id/tarieven',
    {
      config: { access: { rollen: 'ingelogd', data: 'eigen-organisatie' } },
      schema: {
        tags: ['tarieven'],
        summary:
          'Berekende tarieven van een aanbieder (een aanbieder ziet alleen de eigen; een zorgkantoor alleen die het zelf berekende)',
        params: Type.Object({ id: S }),
        querystring: Type.Object({ jaar: Type.Integer({ minimum: 2000, maximum: 2100 }) }),
        response: { 200: Type.Array(TariefSchema), ...problems(401, 403, 404) },
      },
    },
    async (req) => {
      const a = actorOf(req);
      if (isAanbieder(a)) {
        if (a.organisatieId !== req.params.id) throw notFound('Deze zorgaanbieder');
        return tarievenVanAanbieder(ctx.db, req.params.id, req.query.jaar);
      }
      if (isZorgkantoor(a)) return tarievenVanAanbieder(ctx.db, req.params.id, req.query.jaar, a.organisatieId);
      if (isToezicht(a)) return tarievenVanAanbieder(ctx.db, req.params.id, req.query.jaar);
      throw notFound('Deze zorgaanbieder');
    },
  );

  api.get(
    '/tarieven/aanbieders/:id/beleid',
    {
      config: { access: { rollen: 'ingelogd', data: 'eigen-organisatie' } },
      schema: {
        tags: ['tarieven'],
        summary: "Het tariefbeleid dat voor een aanbieder geldt (zorgkantoren van de regio's waar hij werkt)",
        params: Type.Object({ id: S }),
        querystring: Type.Object({ jaar: Type.Integer({ minimum: 2000, maximum: 2100 }) }),
        response: {
          200: Type.Array(Type.Object({ versie: S, versieNummer: Type.Integer(), beleid: BeleidSchema })),
          ...problems(401, 404),
        },
      },
    },
    async (req) => {
      const a = actorOf(req);
      if (isAanbieder(a) && a.organisatieId !== req.params.id) throw notFound('Deze zorgaanbieder');
      return beleidVoorAanbieder(ctx.db, req.params.id, req.query.jaar);
    },
  );
}

// ---- CLI ----

function jsonArg(text: string, wat: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw badRequest('json-ongeldig', `${wat} is geen geldige JSON: ${(e as Error).message}`, {
      actie: `Geef bijv. --${wat} '{"nieuweAanbieder":true}' (enkele aanhalingstekens om de JSON).`,
    });
  }
}

function tabel(d: { resultaten: any[]; verschillen?: string[] }): string {
  const lines = d.resultaten.map(
    (r) =>
      `${r.zorgkantoor.padEnd(22)} ${(r.percentage ?? 'onbepaald').padStart(10)}  ${r.status === 'bepaald' ? r.spoor.map((s: any) => s.regel).join(' → ') : r.redenen.join('; ')}`,
  );
  return [
    `${'Zorgkantoor'.padEnd(22)} ${'%'.padStart(10)}  Spoor / reden`,
    ...lines,
    '',
    ...(d.verschillen ?? []),
  ].join('\n');
}

export const tarievenCapability: Capability = {
  naam: 'tarieven',
  routes,
  cli(program, cli) {
    const tarief = program
      .command('tarief')
      .description('tariefbeleid: vergelijken, wat-als, beleid tonen en controleren, tarieven berekenen');
    const lvOpt = () =>
      new Option('--leveringsvorm <vorm>', 'verblijf, vpt of mpt').choices([...LEVERINGSVORMEN]).makeOptionMandatory();

    tarief
      .command('vergelijk')
      .description('één aanbiedersprofiel, het tariefpercentage bij elk zorgkantoor naast elkaar, met spoor')
      .requiredOption('--jaar <jaar>', 'jaar, bijv. 2024', jaarOptie)
      .requiredOption('--sector <sector>', 'sector, bijv. VV')
      .addOption(lvOpt())
      .option('--profiel <json>', 'aanbiedersprofiel als JSON, bijv. \'{"nieuweAanbieder":true}\'', '{}')
      .option('--prestatie <code>', 'bereken ook het tarief voor deze prestatie (NZa-maximum nodig)')
      .action(async (o, cmd) => {
        await cli.run(cmd, async (ctx, out) => {
          const profiel = profielOf(jsonArg(o.profiel, 'profiel'));
          const r = await vergelijk(ctx.db, {
            jaar: o.jaar,
            sector: o.sector,
            leveringsvorm: o.leveringsvorm,
            profiel,
            prestatie: o.prestatie,
          });
          out.result(r, tabel);
        });
      });

    tarief
      .command('wat-als')
      .description(
        'wat levert een wijziging van het profiel op bij elk zorgkantoor? (standaard: arbeidsbesparende technologie)',
      )
      .requiredOption('--jaar <jaar>', 'jaar', jaarOptie)
      .requiredOption('--sector <sector>', 'sector, bijv. VV')
      .addOption(lvOpt())
      .option('--profiel <json>', 'vertrekprofiel als JSON', '{}')
      .option('--wijziging <json>', 'wijziging als JSON', '{"arbeidsbesparendeTechnologie":true}')
      .action(async (o, cmd) => {
        await cli.run(cmd, async (ctx, out) => {
          const profiel = profielOf(jsonArg(o.profiel, 'profiel'));
          const wijziging = profielOf(jsonArg(o.wijziging, 'wijziging'));
          const r = await watAls(ctx.db, {
            jaar: o.jaar,
            sector: o.sector,
            leveringsvorm: o.leveringsvorm,
            profiel,
            wijziging,
          });
          out.result(r, (d) =>
            d.resultaten
              .map(
                (x: any) =>
                  `${x.zorgkantoor.padEnd(22)} ${(x.voor.percentage ?? 'onbepaald').padStart(9)} → ${(x.na.percentage ?? 'onbepaald').padStart(9)}  ${x.verschil ?? ''}  ${x.uitleg}`,
              )
              .join('\n'),
          );
        });
      });

    tarief
      .command('beleid')
      .description('toon het geldende tariefbeleid met bronciteren en zekerheid')
      .requiredOption('--jaar <jaar>', 'jaar', jaarOptie)
      .option('--sector <sector>', 'sector', 'VV')
      .option('--zorgkantoor <naam>', 'alleen dit zorgkantoor (bijv. CZ of zk-cz)')
      .action(async (o, cmd) => {
        await cli.run(cmd, async (ctx, out) => {
          let g = await geldendBeleid(ctx.db, o.jaar, o.sector);
          if (o.zorgkantoor) {
            const id = zorgkantoorId(o.zorgkantoor);
            if (!id)
              throw badRequest('zorgkantoor-onbekend', `Onbekend zorgkantoor "${o.zorgkantoor}".`, {
                actie: `Kies uit: ${ZORGKANTOREN.map((z) => z.kort).join(', ')}.`,
              });
            g = g.filter((x) => x.c.beleid.zorgkantoorId === id);
          }
          out.result(
            g.map((x) => ({ versie: x.versie, beleid: x.c.beleid })),
            (d) =>
              d
                .map((x: any) =>
                  [
                    `${x.beleid.zorgkantoor} — ${x.beleid.titel} (versie: ${x.versie})`,
                    `  basis ${x.beleid.basis.waarde}% [${x.beleid.basis.zekerheid}] "${x.beleid.basis.bron.citaat}"`,
                    ...x.beleid.regels.map(
                      (r: any) =>
                        `  ${r.id} [${r.zekerheid}${r.eenheidAangenomen ? ', eenheid aangenomen' : ''}]: ${r.omschrijving}\n      "${r.bron.citaat}"`,
                    ),
                  ].join('\n'),
                )
                .join('\n\n'),
          );
        });
      });

    tarief
      .command('valideer')
      .description('controleer een beleidsbestand (JSON); exit 1 met de fouten per regel')
      .argument('<bestand>', 'pad naar het beleid als JSON')
      .action(async (bestand, _o, cmd) => {
        await cli.runPlain(cmd, async (out) => {
          if (!fs.existsSync(bestand)) throw badRequest('bestand-ontbreekt', `Bestand ${bestand} bestaat niet.`);
          const fouten = valideerBeleid(jsonArg(fs.readFileSync(bestand, 'utf8'), 'bestand'));
          if (fouten.length)
            throw new AppError(1, 'beleid-ongeldig', `Het tariefbeleid in ${bestand} is ongeldig.`, { fouten });
          out.result({ geldig: true, fouten: [] }, () => `${bestand}: geldig.`);
        });
      });

    tarief
      .command('bereken')
      .description('bereken en bewaar alle tarieven van een zorgkantoor voor een jaar (met spoor)')
      .requiredOption('--zorgkantoor <naam>', 'bijv. CZ of zk-cz')
      .requiredOption('--jaar <jaar>', 'jaar', jaarOptie)
      .action(async (o, cmd) => {
        await cli.run(cmd, async (ctx, out) => {
          const id = zorgkantoorId(o.zorgkantoor);
          if (!id)
            throw badRequest('zorgkantoor-onbekend', `Onbekend zorgkantoor "${o.zorgkantoor}".`, {
              actie: `Kies uit: ${ZORGKANTOREN.map((z) => z.kort).join(', ')}.`,
            });
          const r = await berekenTarieven(ctx.db, null, id, o.jaar, ctx.now());
          out.result(
            r,
            (d) =>
              `${d.tarieven} tarieven berekend voor ${d.aanbieders} aanbieders (${d.bepaald} bepaald, ${d.onbepaald} onbepaald), beleid ${d.beleidVersie}.`,
          );
        });
      });
  },
};

export { isManagerVan };
