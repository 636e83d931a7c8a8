/** Reference data and the region / provider overviews. */
import { Type } from '@fastify/type-provider-typebox';
import fs from 'node:fs';
import path from 'node:path';
import type { Capability } from '../platform/capability-type.ts';
import { actorOf, type Api } from '../platform/http/app.ts';
import type { AppContext } from '../platform/context.ts';
import { problems } from '../platform/http/problems.ts';
import { AppError } from '../platform/errors.ts';
import { jaarOptie } from '../platform/cli/index.ts';
import { importNzaTarieven, lijstNzaTarieven, VOORBEELD_LABEL } from './nza-tarieven.ts';
import { aanbiederDetail, aanbiedersLijst, regioDetail, wijzigConcessie, type Cijferbron } from './overzicht.ts';
import * as store from './store.ts';

const RegioSchema = Type.Object({
  code: Type.String(),
  naam: Type.String(),
  actief: Type.Boolean(),
  opmerking: Type.Union([Type.String(), Type.Null()]),
  zorgkantoorId: Type.Union([Type.String(), Type.Null()]),
  zorgkantoorNaam: Type.Union([Type.String(), Type.Null()]),
  indelingIsVoorbeeld: Type.Boolean(),
  aantalAanbieders: Type.Integer(),
  aantalLocaties: Type.Integer(),
});

async function routes(api: Api, ctx: AppContext, cijfers: Cijferbron) {
  api.get(
    '/regios',
    {
      config: { access: { rollen: 'ingelogd', data: 'alle' } },
      schema: {
        tags: ['referentie'],
        summary: "Zorgkantoorregio's (COD001) met concessiehouder en aantallen",
        querystring: Type.Object({ jaar: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) }),
        response: { 200: Type.Array(RegioSchema), ...problems(401) },
      },
    },
    async (req) => {
      const jaar = req.query.jaar ?? ctx.now().getFullYear();
      const rows = await store.regioOverzicht(ctx.db, jaar);
      return rows.map((r) => ({
        code: r.code,
        naam: r.naam,
        actief: r.actief,
        opmerking: r.opmerking,
        zorgkantoorId: r.organisatie_id,
        zorgkantoorNaam: r.org_naam,
        indelingIsVoorbeeld: r.voorbeeld,
        aantalAanbieders: Number(r.aanbieders),
        aantalLocaties: Number(r.locaties),
      }));
    },
  );

  const PrestatieSchema = Type.Object({
    code: Type.String(),
    omschrijving: Type.String(),
    soort: Type.String(),
    sector: Type.Union([Type.String(), Type.Null()]),
    leveringsvorm: Type.Union([Type.String(), Type.Null()]),
    zorgprofielCode: Type.Union([Type.String(), Type.Null()]),
    functieCode: Type.Union([Type.String(), Type.Null()]),
    klasseCode: Type.Union([Type.String(), Type.Null()]),
    behandeling: Type.Union([Type.Boolean(), Type.Null()]),
    eenheid: Type.String(),
    bron: Type.Union([Type.String(), Type.Null()]),
  });
  api.get(
    '/prestaties',
    {
      config: { access: { rollen: 'ingelogd', data: 'alle' } },
      schema: {
        tags: ['referentie'],
        summary: 'Prestatiecatalogus (zzp, vpt, mpt per sector; indeling: docs/formaten/prestaties.md)',
        querystring: Type.Object({ sector: Type.Optional(Type.String()), soort: Type.Optional(Type.String()) }),
        response: { 200: Type.Array(PrestatieSchema), ...problems(401) },
      },
    },
    async (req) => {
      const rows = await store.prestaties(ctx.db, { sector: req.query.sector ?? null, soort: req.query.soort ?? null });
      return rows.map((p) => ({
        code: p.code,
        omschrijving: p.omschrijving,
        soort: p.soort,
        sector: p.sector,
        leveringsvorm: p.leveringsvorm,
        zorgprofielCode: p.zorgprofiel_code,
        functieCode: p.functie_code,
        klasseCode: p.klasse_code,
        behandeling: p.behandeling,
        eenheid: p.eenheid,
        bron: p.bron,
      }));
    },
  );

  const Bedragen = Type.Object({ regels: Type.Integer(), volume: Type.String(), bedrag: Type.String() });
  const Realisatie = Type.Object({
    regels: Type.Integer(),
    maanden: Type.Integer(),
    volume: Type.String(),
    bedrag: Type.String(),
  });
  const AanbiederInRegio = Type.Object({
    id: Type.String(),
    naam: Type.String(),
    aantalLocaties: Type.Integer(),
    capaciteit: Type.Integer(),
    sectoren: Type.Array(Type.String()),
    verscherptToezicht: Type.Boolean(),
  });
  const Nullable = <T extends import('@fastify/type-provider-typebox').TSchema>(s: T) => Type.Union([s, Type.Null()]);

  api.get(
    '/regios/:code',
    {
      config: { access: { rollen: 'ingelogd', data: 'zorgkantoor-regio' } },
      schema: {
        tags: ['referentie'],
        summary:
          'Eén regio: concessiehouder, zorgaanbieders met locaties en totalen van productieafspraken en realisatie in een jaar',
        description:
          'Zorgkantoor: aanbieders en totalen alleen voor regio\'s die de eigen organisatie dat jaar uitvoert (anders inzage "beperkt"). ' +
          'NZa: alles. Zorgaanbieder: alleen de eigen gegevens (inzage "eigen-aanbieder").',
        params: Type.Object({ code: Type.String({ pattern: '^\\d{4}$' }) }),
        querystring: Type.Object({ jaar: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) }),
        response: {
          200: Type.Object({
            code: Type.String(),
            naam: Type.String(),
            actief: Type.Boolean(),
            opmerking: Nullable(Type.String()),
            bron: Type.String(),
            jaar: Type.Integer(),
            inzage: Type.Union([Type.Literal('volledig'), Type.Literal('eigen-aanbieder'), Type.Literal('beperkt')]),
            concessie: Nullable(
              Type.Object({
                zorgkantoorId: Type.String(),
                zorgkantoorNaam: Type.String(),
                voorbeeld: Type.Boolean(),
                bron: Type.String(),
                gewijzigdOp: Nullable(Type.String()),
              }),
            ),
            aanbieders: Type.Array(AanbiederInRegio),
            totalen: Nullable(Type.Object({ productieafspraken: Bedragen, realisatie: Realisatie })),
          }),
          ...problems(400, 401, 404),
        },
      },
    },
    async (req) =>
      regioDetail(ctx.db, cijfers, actorOf(req), req.params.code, req.query.jaar ?? ctx.now().getFullYear()),
  );

  api.put(
    '/regios/:code/concessie/:jaar',
    {
      config: { access: { rollen: ['applicatiebeheerder'], data: 'alle', organisaties: ['beheer'] } },
      schema: {
        tags: ['referentie'],
        summary:
          'Concessiehouder van een regio in een jaar vastleggen (applicatiebeheerder; vervangt de voorbeeldindeling)',
        description:
          'Alleen voor de applicatiebeheerder (organisatie van soort beheer): de indeling bepaalt welk zorgkantoor de aanbieders, ' +
          'productieafspraken en realisatie van een regio ziet, dus geen zorgkantoor wijst zichzelf een regio toe. ' +
          'Het lopende jaar en latere jaren zijn te wijzigen; een verstreken jaar ligt vast (409). ' +
          'Elke wijziging komt in het auditlog en zet "voorbeeld" op false.',
        params: Type.Object({
          code: Type.String({ pattern: '^\\d{4}$' }),
          jaar: Type.Integer({ minimum: 2000, maximum: 2100 }),
        }),
        body: Type.Object({
          organisatieId: Type.String({ minLength: 1, maxLength: 100 }),
          bron: Type.Optional(Type.String({ maxLength: 500 })),
        }),
        response: {
          200: Type.Object({
            regioCode: Type.String(),
            jaar: Type.Integer(),
            zorgkantoorId: Type.String(),
            zorgkantoorNaam: Type.String(),
            voorbeeld: Type.Boolean(),
            bron: Type.String(),
            vorigeZorgkantoorId: Nullable(Type.String()),
          }),
          ...problems(400, 401, 403, 404, 409),
        },
      },
    },
    async (req) => {
      const a = actorOf(req);
      const r = await ctx.db.tx((t) =>
        wijzigConcessie(t, a, req.params.code, req.params.jaar, req.body, ctx.now().getFullYear()),
      );
      req.log.info(
        {
          event: 'regio.concessie-gewijzigd',
          gebruikerId: a.gebruikerId,
          regio: r.regioCode,
          jaar: r.jaar,
          van: r.vorigeZorgkantoorId,
          naar: r.zorgkantoorId,
        },
        'concessiehouder gewijzigd',
      );
      return r;
    },
  );

  api.get(
    '/aanbieders',
    {
      config: { access: { rollen: 'ingelogd', data: 'zorgkantoor-regio' } },
      schema: {
        tags: ['referentie'],
        summary: "Zorgaanbieders met locaties (zorgkantoor: eigen regio's; NZa: alle; aanbieder: alleen zichzelf)",
        querystring: Type.Object({
          regio: Type.Optional(Type.String({ pattern: '^\\d{4}$' })),
          zoek: Type.Optional(Type.String({ maxLength: 100 })),
          pagina: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
          jaar: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
        }),
        response: {
          200: Type.Object({
            pagina: Type.Integer(),
            perPagina: Type.Integer(),
            totaal: Type.Integer(),
            zicht: Type.String(),
            items: Type.Array(
              Type.Object({
                id: Type.String(),
                naam: Type.String(),
                agb: Nullable(Type.String()),
                regios: Type.Array(Type.String()),
                aantalLocaties: Type.Integer(),
                sectoren: Type.Array(Type.String()),
                verscherptToezicht: Type.Boolean(),
              }),
            ),
          }),
          ...problems(400, 401),
        },
      },
    },
    async (req) =>
      aanbiedersLijst(ctx.db, actorOf(req), { ...req.query, jaar: req.query.jaar ?? ctx.now().getFullYear() }),
  );

  api.get(
    '/aanbieders/:id',
    {
      config: { access: { rollen: 'ingelogd', data: 'eigen-organisatie' } },
      schema: {
        tags: ['referentie'],
        summary:
          'Eén zorgaanbieder met locaties en per jaar productieafspraken en realisatie (een aanbieder ziet alleen zichzelf)',
        description:
          "Zorgkantoor: de bedragen van regio's die de eigen organisatie in dat jaar uitvoert. Een aanbieder die een andere aanbieder opvraagt krijgt 404.",
        params: Type.Object({ id: Type.String() }),
        response: {
          200: Type.Object({
            id: Type.String(),
            naam: Type.String(),
            agb: Nullable(Type.String()),
            kvk: Nullable(Type.String()),
            locaties: Type.Array(
              Type.Object({
                id: Type.String(),
                naam: Type.String(),
                adres: Nullable(Type.String()),
                postcode: Nullable(Type.String()),
                plaats: Nullable(Type.String()),
                regioCode: Type.String(),
                sectoren: Type.Array(Type.String()),
                leveringsvormen: Type.Array(Type.String()),
                capaciteit: Nullable(Type.Integer()),
                inspectieStatus: Type.String(),
              }),
            ),
            jaren: Type.Array(
              Type.Object({
                jaar: Type.Integer(),
                regios: Type.Array(Type.String()),
                productieafspraken: Bedragen,
                realisatie: Realisatie,
              }),
            ),
          }),
          ...problems(401, 404),
        },
      },
    },
    async (req) => aanbiederDetail(ctx.db, cijfers, actorOf(req), req.params.id),
  );

  const ImportSchema = Type.Object({
    importId: Type.String(),
    bestandsnaam: Type.String(),
    sha256: Type.String(),
    jaar: Type.Integer(),
    regels: Type.Integer(),
    voorbeeld: Type.Boolean(),
    label: Nullable(Type.String()),
    bron: Type.String(),
    vervangen: Type.Integer(),
  });
  api.post(
    '/nza-tarieven/import',
    {
      config: { access: { rollen: ['beheerder', 'controller'], data: 'alle', organisaties: ['zorgkantoor'] } },
      schema: {
        tags: ['referentie'],
        summary:
          'NZa-maximumtarieven van één jaar importeren uit CSV (alles of niets; formaat: docs/formaten/nza-tarieven.md)',
        description:
          'Body JSON: bestandsnaam, inhoud (de CSV-tekst, UTF-8), jaar en voorbeeld (true = voorbeeldcijfers, nooit NZa-data). ' +
          'Een fout bestand geeft 422 met per fout waar = "bestand:regel:kolom"; er wordt dan niets geïmporteerd.',
        body: Type.Object({
          bestandsnaam: Type.String({ minLength: 1, maxLength: 200 }),
          inhoud: Type.String({ minLength: 1, maxLength: 1_500_000 }),
          jaar: Type.Integer({ minimum: 2000, maximum: 2100 }),
          voorbeeld: Type.Boolean({ default: false }),
        }),
        response: { 201: ImportSchema, ...problems(400, 401, 403, 422) },
      },
    },
    async (req, reply) => {
      const r = await importNzaTarieven(ctx, actorOf(req), { ...req.body, voorbeeld: req.body.voorbeeld ?? false });
      return reply.status(201).send(r);
    },
  );

  api.get(
    '/nza-tarieven',
    {
      config: { access: { rollen: 'ingelogd', data: 'alle' } },
      schema: {
        tags: ['referentie'],
        summary:
          'NZa-maximumtarieven van een jaar, met bron en voorbeeld-vlag ("voorbeeldcijfers" bij voorbeeldbestanden)',
        querystring: Type.Object({ jaar: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) }),
        response: {
          200: Type.Object({
            jaar: Type.Integer(),
            voorbeeld: Type.Boolean(),
            label: Nullable(Type.String()),
            bron: Nullable(Type.String()),
            import: Nullable(
              Type.Object({
                id: Type.String(),
                bestandsnaam: Type.String(),
                sha256: Type.String(),
                regels: Type.Integer(),
                voorbeeld: Type.Boolean(),
                geimporteerdOp: Type.String(),
              }),
            ),
            tarieven: Type.Array(
              Type.Object({
                prestatie: Type.String(),
                omschrijving: Type.String(),
                soort: Type.String(),
                sector: Nullable(Type.String()),
                eenheid: Type.String(),
                tarief: Type.String(),
                nhc: Nullable(Type.String()),
                nic: Nullable(Type.String()),
                voorbeeld: Type.Boolean(),
              }),
            ),
          }),
          ...problems(400, 401),
        },
      },
    },
    async (req) => lijstNzaTarieven(ctx.db, req.query.jaar ?? ctx.now().getFullYear()),
  );
}

/** The reference capability; the overview's contract and realisation figures come from their owners (src/capabilities.ts). */
export const maakReferenceCapability = (cijfers: Cijferbron): Capability => ({
  naam: 'reference',
  routes: (api, ctx) => routes(api, ctx, cijfers),
  cli(program, cli) {
    const nza = program
      .command('nza-tarieven')
      .description('NZa-maximumtarieven (import uit CSV; formaat: docs/formaten/nza-tarieven.md)');
    nza
      .command('import <bestand>')
      .description(
        'importeer de tarieven van één jaar; een bestand met fouten importeert niets (exit 1 met de foutenlijst)',
      )
      .requiredOption('--jaar <jaar>', 'tariefjaar, bijv. 2024', jaarOptie)
      .option('--voorbeeld', 'het bestand bevat voorbeeldcijfers (nooit NZa-data)')
      .action(async (bestand: string, o, cmd) => {
        await cli.run(cmd, async (ctx, out) => {
          const jaar: number = o.jaar;
          let inhoud: Buffer;
          try {
            inhoud = fs.readFileSync(bestand);
          } catch (e) {
            throw new AppError(1, 'bestand-onleesbaar', `Kan ${bestand} niet lezen: ${(e as Error).message}`, {
              actie: 'Controleer het pad en de leesrechten.',
            });
          }
          const r = await importNzaTarieven(ctx, null, {
            bestandsnaam: path.basename(bestand),
            inhoud,
            jaar,
            voorbeeld: !!o.voorbeeld,
          });
          out.result(
            r,
            (x) =>
              `Geïmporteerd: ${x.regels} tarieven voor ${x.jaar} uit ${x.bestandsnaam}${x.voorbeeld ? ` — ${VOORBEELD_LABEL.toUpperCase()}, geen NZa-data` : ''}.` +
              `${x.vervangen ? ` Vervangen: ${x.vervangen} eerdere tarieven van ${x.jaar}.` : ''}\nsha256 ${x.sha256}`,
          );
        });
      });
    nza
      .command('lijst')
      .description('toon de tarieven van een jaar')
      .requiredOption('--jaar <jaar>', 'tariefjaar, bijv. 2024', jaarOptie)
      .action(async (o, cmd) => {
        await cli.run(cmd, async (ctx, out) => {
          const l = await lijstNzaTarieven(ctx.db, o.jaar);
          out.result(l, (x) => {
            if (!x.tarieven.length)
              return `Geen tarieven voor ${x.jaar}. Importeer ze met: zorginkoop nza-tarieven import <bestand> --jaar ${x.jaar}`;
            const kop = x.voorbeeld
              ? `${VOORBEELD_LABEL.toUpperCase()} — verzonnen bedragen, geen NZa-data (${x.bron})`
              : `Bron: ${x.bron}`;
            return [
              kop,
              ...x.tarieven.map(
                (t: any) =>
                  `${t.prestatie.padEnd(18)} ${t.tarief.padStart(10)} per ${t.eenheid}${t.nhc ? `  nhc ${t.nhc}` : ''}${t.nic ? `  nic ${t.nic}` : ''}  ${t.omschrijving}`,
              ),
            ].join('\n');
          });
        });
      });
  },
});
