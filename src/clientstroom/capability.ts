/**
 * Cliëntstroom and iWlz: routes under /api/v1/clientstroom/… and /api/v1/iwlz/…, and the CLI
 * commands `zorginkoop iwlz valideer|aw33` and `zorginkoop clientstroom io31|bsn-beveiligen`.
 * iWlz messages are sent as the request body with Content-Type application/xml.
 */
import fs from 'node:fs';
import { Type } from '@fastify/type-provider-typebox';
import type { Capability } from '../platform/capability-type.ts';
import { actorOf, type Api } from '../platform/http/app.ts';
import type { AppContext } from '../platform/context.ts';
import { problems } from '../platform/http/problems.ts';
import { AppError } from '../platform/errors.ts';
import { isZorgkantoor } from '../platform/auth/roles.ts';
import { actorByEmail } from '../platform/auth/sessions.ts';
import {
  valideerBericht,
  BERICHTEN,
  MAX_BERICHT_BYTES,
  retourcodeOmschrijving,
  type Validatie,
} from '../iwlz/index.ts';
import * as svc from './service.ts';
import * as S from './schemas.ts';
import * as store from './store.ts';

const tags = ['clientstroom'];
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const BEMIDDELAAR = {
  rollen: svc.BEMIDDELAARS,
  data: 'zorgkantoor-regio' as const,
  organisaties: ['zorgkantoor' as const],
};
const WACHTLIJST = {
  rollen: svc.WACHTLIJST_LEZERS,
  data: 'zorgkantoor-regio' as const,
  organisaties: ['zorgkantoor' as const],
};
const AANBIEDER = {
  rollen: svc.AANBIEDER_ROLLEN,
  data: 'eigen-organisatie' as const,
  organisaties: ['zorgaanbieder' as const],
};
const BEMIDDELAAR_OF_AANBIEDER = {
  rollen: [...svc.BEMIDDELAARS, ...svc.AANBIEDER_ROLLEN],
  data: 'eigen-organisatie' as const,
  organisaties: ['zorgkantoor' as const, 'zorgaanbieder' as const],
};
/** Messages up to twice the limit reach the validator, which refuses them with 0001 and the limit. */
const XML_ROUTE = { bodyLimit: 2 * MAX_BERICHT_BYTES };
const XmlBody = Type.String({ description: 'het iWlz-bericht (Content-Type: application/xml)' });

function validatieView(v: Validatie): S.ValidatieView {
  return {
    geldig: v.geldig,
    type: v.type,
    omschrijving: v.type ? BERICHTEN[v.type].omschrijving : null,
    retourcode: v.retourcode,
    retourcodeOmschrijving: v.retourcode ? retourcodeOmschrijving(v.retourcode) : null,
    fouten: v.fouten,
  };
}

async function routes(api: Api, ctx: AppContext) {
  for (const ct of ['application/xml', 'text/xml'])
    if (!api.hasContentTypeParser(ct))
      api.addContentTypeParser(ct, { parseAs: 'string', bodyLimit: 2 * MAX_BERICHT_BYTES }, (_req, body, done) =>
        done(null, body),
      );

  api.post(
    '/iwlz/valideer',
    {
      ...XML_ROUTE,
      config: { access: { rollen: 'ingelogd', data: 'eigen-organisatie' } },
      schema: {
        tags: ['iwlz'],
        summary: 'Een iWlz 2.2-bericht valideren tegen de officiële XSD (niets wordt opgeslagen)',
        description:
          'Ondersteund: IO31, IO32, AW33, AW34, AW35, AW36, AW39, AW310. Berichten met een DTD (<!DOCTYPE>/<!ENTITY>) of groter dan 10 MiB worden geweigerd met retourcode 0001.',
        consumes: ['application/xml'],
        body: XmlBody,
        response: { 200: S.ValidatieSchema, ...problems(400, 401) },
      },
    },
    async (req) => validatieView(await valideerBericht(req.body)),
  );

  api.post(
    '/clientstroom/indicaties/io31',
    {
      ...XML_ROUTE,
      config: { access: BEMIDDELAAR },
      schema: {
        tags,
        summary: 'Indicatiebesluiten ontvangen (IO31); antwoord met het retourbericht IO32',
        description:
          'Afgekeurd bericht (schema, DTD, te groot): 400 met code iwlz-0001 en de regels; er wordt niets opgeslagen. Per cliënt: 0448 bij een BSN dat de elfproef niet doorstaat.',
        consumes: ['application/xml'],
        body: XmlBody,
        response: { 200: S.ImportResultaatSchema, ...problems(400, 401, 403, 422) },
      },
    },
    async (req) => svc.importeerIo31(ctx, actorOf(req), req.body),
  );

  api.post(
    '/clientstroom/indicaties/csv',
    {
      config: { access: BEMIDDELAAR },
      schema: {
        tags,
        summary: 'Indicaties uit een CSV-bestand importeren (alles of niets; daarna als IO31 verwerkt)',
        description: `Kopregel: ${svc.CSV_KOLOMMEN.join(';')}. Scheidingsteken ; of ,.`,
        body: Type.Object({
          regio: Type.String({ pattern: '^55\\d\\d$' }),
          csv: Type.String({ maxLength: 5 * 1024 * 1024 }),
        }),
        response: { 200: S.ImportResultaatSchema, ...problems(400, 401, 403, 422) },
      },
    },
    async (req) => svc.importeerIndicatiesCsv(ctx, actorOf(req), req.body.csv, req.body.regio),
  );

  api.post(
    '/clientstroom/toewijzingen',
    {
      config: { access: BEMIDDELAAR },
      schema: {
        tags,
        summary:
          'Zorgtoewijzing aan een gecontracteerde aanbieder (regulier, overbrugging, administratief); maakt de AW33',
        description:
          'Regels voor leveringsvormen (Inkoopkader Langdurige Zorg 2016 §1.2): één aanbieder bij verblijf/vpt, meerdere bij mpt/pgb, alleen mpt+pgb combineren; vpt/mpt alleen na de toetsing verantwoord en doelmatig. Geaudit.',
        body: S.ToewijzingInvoerSchema,
        response: { 201: S.ToewijzingSchema, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await svc.maakToewijzing(ctx, actorOf(req), req.body as svc.ToewijzingInvoer)),
  );

  api.post(
    '/clientstroom/toewijzingen/:id/intrekken',
    {
      config: { access: BEMIDDELAAR },
      schema: {
        tags,
        summary:
          'Toewijzing intrekken per einddatum met reden (LDT_RedenIntrekking); de aanbieder krijgt een nieuw AW33',
        params: Id,
        body: Type.Object({ reden: Type.String({ maxLength: 2 }), einddatum: Type.String({ maxLength: 10 }) }),
        response: { 200: S.ToewijzingSchema, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (req) => svc.trekToewijzingIn(ctx, actorOf(req), req.params.id, req.body),
  );

  api.get(
    '/clientstroom/toewijzingen',
    {
      config: { access: BEMIDDELAAR_OF_AANBIEDER },
      schema: {
        tags,
        summary: 'Toewijzingen (zorgbemiddelaar: regio’s van het zorgkantoor; aanbieder: alleen de eigen)',
        response: { 200: Type.Array(S.ToewijzingSchema), ...problems(401, 403) },
      },
    },
    async (req) => svc.toewijzingen(ctx, actorOf(req)),
  );

  api.get(
    '/clientstroom/verzoeken',
    {
      config: { access: BEMIDDELAAR_OF_AANBIEDER },
      schema: {
        tags,
        summary:
          'Verzoeken om een (aangepaste) toewijzing uit AW39-berichten (zorgbemiddelaar: regio’s van het zorgkantoor; aanbieder: alleen de eigen)',
        description: 'Open verzoeken eerst, daarna op ontvangstmoment. Filter met status=open|toegekend|geweigerd.',
        querystring: Type.Object({
          status: Type.Optional(
            Type.Union([Type.Literal('open'), Type.Literal('toegekend'), Type.Literal('geweigerd')]),
          ),
        }),
        response: { 200: Type.Array(S.VerzoekSchema), ...problems(400, 401, 403) },
      },
    },
    async (req) => svc.verzoeken(ctx, actorOf(req), { status: req.query.status }),
  );

  api.get(
    '/clientstroom/verzoeken/:id',
    {
      config: { access: BEMIDDELAAR_OF_AANBIEDER },
      schema: {
        tags,
        summary: 'Eén toewijzingsverzoek met zijn status (een aanbieder alleen de eigen; anders 404)',
        params: Id,
        response: { 200: S.VerzoekSchema, ...problems(401, 403, 404) },
      },
    },
    async (req) => svc.verzoek(ctx, actorOf(req), req.params.id),
  );

  api.post(
    '/clientstroom/verzoeken/:id/toekennen',
    {
      config: { access: BEMIDDELAAR },
      schema: {
        tags,
        summary:
          'Een toewijzingsverzoek toekennen: maakt de toewijzing en het AW33-bericht (zoals een toewijzing met de hand)',
        description:
          'Dezelfde regels als POST /clientstroom/toewijzingen. Vpt/mpt: zonder eigen toetsing gelden de antwoorden Doelmatig/Verantwoord uit de aanvraag; mpt vraagt functieCode. Een verzoek wordt één keer beslist: 409 daarna. Geaudit.',
        params: Id,
        body: S.VerzoekToekennenSchema,
        response: { 200: S.VerzoekToegekendSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) => svc.kenVerzoekToe(ctx, actorOf(req), req.params.id, req.body),
  );

  api.post(
    '/clientstroom/verzoeken/:id/weigeren',
    {
      config: { access: BEMIDDELAAR },
      schema: {
        tags,
        summary: 'Een toewijzingsverzoek weigeren, met een verplichte reden die de aanbieder ziet',
        description:
          'Zonder reden: 400 met fouten[].waar = "reden". Een verzoek wordt één keer beslist: 409 daarna. Geaudit.',
        params: Id,
        body: S.VerzoekWeigerenSchema,
        response: { 200: S.VerzoekSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => svc.weigerVerzoek(ctx, actorOf(req), req.params.id, req.body),
  );

  api.get(
    '/iwlz/toewijzingen/:id/aw33',
    {
      config: { access: BEMIDDELAAR_OF_AANBIEDER },
      schema: {
        tags: ['iwlz'],
        summary: 'Het AW33-bericht van een toewijzing (de aanbieder alleen voor de eigen toewijzingen)',
        params: Id,
        produces: ['application/xml'],
        response: { 200: Type.String(), ...problems(401, 403, 404) },
      },
    },
    async (req, reply) =>
      reply.type('application/xml; charset=utf-8').send(await svc.aw33VanToewijzing(ctx, actorOf(req), req.params.id)),
  );

  api.post(
    '/iwlz/aw35',
    {
      ...XML_ROUTE,
      config: { access: AANBIEDER },
      schema: {
        tags: ['iwlz'],
        summary: 'Melding aanvang zorg (AW35) van de aanbieder; antwoord met AW36 en retourcodes',
        description:
          'Zonder toewijzing bij de eigen organisatie: retourcode 0448 voor de cliënt, niets opgeslagen. Begindatum voor de toewijzing of in de toekomst: 0699. Afgekeurd bericht: 400 iwlz-0001.',
        consumes: ['application/xml'],
        body: XmlBody,
        response: { 200: S.VerwerkResultaatSchema, ...problems(400, 401, 403, 422) },
      },
    },
    async (req) => svc.verwerkAw35(ctx, actorOf(req), req.body),
  );

  api.post(
    '/iwlz/aw39',
    {
      ...XML_ROUTE,
      config: { access: AANBIEDER },
      schema: {
        tags: ['iwlz'],
        summary: 'Mutatie (AW39) van de aanbieder, incl. wachtlijststatus; antwoord met AW310 en retourcodes',
        description:
          'Mutatiedatum in de toekomst of voor de aanvang zorg: 1156. Zonder toewijzing: 0448, niets opgeslagen.',
        consumes: ['application/xml'],
        body: XmlBody,
        response: { 200: S.VerwerkResultaatSchema, ...problems(400, 401, 403, 422) },
      },
    },
    async (req) => svc.verwerkAw39(ctx, actorOf(req), req.body),
  );

  api.post(
    '/iwlz/aw34',
    {
      ...XML_ROUTE,
      config: { access: AANBIEDER },
      schema: {
        tags: ['iwlz'],
        summary: 'Retour zorgtoewijzing (AW34) van de aanbieder: gekoppeld aan het AW33 en met retourcodes opgeslagen',
        consumes: ['application/xml'],
        body: XmlBody,
        response: {
          200: Type.Object({
            berichtId: Type.String(),
            aw33BerichtId: Type.String(),
            kopCodes: Type.Array(Type.String()),
            klassen: Type.Array(Type.Object({ pad: Type.String(), codes: Type.Array(Type.String()) })),
          }),
          ...problems(400, 401, 403, 422),
        },
      },
    },
    async (req) => svc.ontvangAw34(ctx, actorOf(req), req.body),
  );

  api.get(
    '/clientstroom/wachtlijst',
    {
      config: { access: WACHTLIJST },
      schema: {
        tags,
        summary:
          'Wachtlijst met iWlz-statussen, wachttijd en normoverschrijdingen (cliëntregels alleen voor de zorgbemiddelaar)',
        querystring: Type.Object({
          regio: Type.Optional(Type.String({ maxLength: 4 })),
          sector: Type.Optional(Type.String({ maxLength: 5 })),
        }),
        response: { 200: S.WachtlijstSchema, ...problems(401, 403) },
      },
    },
    async (req) => svc.wachtlijst(ctx, actorOf(req), req.query),
  );

  api.get(
    '/clientstroom/werklijst',
    {
      config: { access: BEMIDDELAAR },
      schema: {
        tags,
        summary:
          'Bemiddelingswerklijst: cliënten zonder aanbieder of boven de norm, met suggesties van gecontracteerde aanbieders',
        querystring: Type.Object({
          regio: Type.Optional(Type.String({ maxLength: 4 })),
          sector: Type.Optional(Type.String({ maxLength: 5 })),
          limiet: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 200 })),
        }),
        response: { 200: S.WerklijstSchema, ...problems(401, 403) },
      },
    },
    async (req) => svc.werklijst(ctx, actorOf(req), req.query),
  );

  api.get(
    '/clientstroom/signalen',
    {
      config: { access: WACHTLIJST },
      schema: {
        tags,
        summary:
          'Signalen voor de inkoop: wachtenden en voorkeur per aanbieder (populariteit = voorkeur per plaats), pgb bij gecontracteerde aanbieders',
        querystring: Type.Object({
          regio: Type.String({ maxLength: 4 }),
          sector: Type.Optional(Type.String({ maxLength: 5 })),
        }),
        response: { 200: S.InkoopsignaalSchema, ...problems(401, 403, 404) },
      },
    },
    async (req) => svc.inkoopsignalen(ctx, actorOf(req), req.query),
  );

  api.get(
    '/clientstroom/normen',
    {
      config: { access: WACHTLIJST },
      schema: {
        tags,
        summary: 'Wachttijdnormen per sector en wachtstatus (standaard: Treeknorm, aanpasbaar)',
        response: { 200: Type.Array(S.NormSchema), ...problems(401, 403) },
      },
    },
    async () => svc.normen(ctx),
  );

  api.put(
    '/clientstroom/normen',
    {
      config: { access: { rollen: svc.NORM_BEHEERDERS, data: 'eigen-organisatie', organisaties: ['zorgkantoor'] } },
      schema: {
        tags,
        summary: 'Een wachttijdnorm zetten (dagen; null = geen norm), met bron of reden (geaudit)',
        body: Type.Object({
          sector: Type.String({ maxLength: 5 }),
          status: Type.String({ maxLength: 1 }),
          dagen: Type.Union([Type.Integer({ minimum: 0, maximum: 3650 }), Type.Null()]),
          bron: Type.String({ minLength: 1, maxLength: 1000 }),
        }),
        response: { 200: Type.Array(S.NormSchema), ...problems(400, 401, 403) },
      },
    },
    async (req) => svc.zetNorm(ctx, actorOf(req), req.body),
  );

  api.post(
    '/clientstroom/clienten/zoek',
    {
      config: { access: BEMIDDELAAR_OF_AANBIEDER },
      schema: {
        tags,
        summary: 'Cliënt zoeken op BSN (het BSN in de body, nooit in de URL)',
        body: Type.Object({ bsn: Type.String({ pattern: '^\\d{9}$' }) }),
        response: { 200: Type.Object({ clientId: Type.String() }), ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => svc.zoekClient(ctx, actorOf(req), req.body.bsn),
  );

  api.get(
    '/clientstroom/clienten/:id',
    {
      config: { access: BEMIDDELAAR_OF_AANBIEDER },
      schema: {
        tags,
        summary: 'Dossier van een cliënt (zorgbemiddelaar van de regio; aanbieder alleen bij een eigen toewijzing)',
        params: Id,
        response: { 200: S.ClientDetailSchema, ...problems(401, 403, 404) },
      },
    },
    async (req) => svc.clientDetail(ctx, actorOf(req), req.params.id),
  );

  api.post(
    '/clientstroom/clienten/:id/notities',
    {
      config: { access: BEMIDDELAAR },
      schema: {
        tags,
        summary: 'Bemiddelingsnotitie bij een cliënt (versleuteld opgeslagen)',
        params: Id,
        body: Type.Object({ tekst: Type.String({ minLength: 1, maxLength: 5000 }) }),
        response: { 201: Type.Object({ id: Type.String() }), ...problems(400, 401, 403, 404) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await svc.notitieToevoegen(ctx, actorOf(req), req.params.id, req.body.tekst)),
  );

  api.put(
    '/clientstroom/clienten/:id/notities/:notitieId',
    {
      config: { access: BEMIDDELAAR },
      schema: {
        tags,
        summary: 'Bemiddelingsnotitie wijzigen (alleen door wie haar schreef; de vorige tekst blijft bewaard)',
        params: Type.Object({ id: Type.String({ format: 'uuid' }), notitieId: Type.String({ format: 'uuid' }) }),
        body: Type.Object({ tekst: Type.String({ minLength: 1, maxLength: 5000 }) }),
        response: { 200: Type.Array(S.NotitieSchema), ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => svc.notitieWijzigen(ctx, actorOf(req), req.params.id, req.params.notitieId, req.body.tekst),
  );
}

export const clientstroomCapability: Capability = {
  naam: 'clientstroom',
  routes,
  cli(program, cli) {
    const iwlz = program.command('iwlz').description('iWlz 2.2-berichten');
    iwlz
      .command('valideer <bestand>')
      .description('valideer een iWlz-bericht tegen de officiële XSD; exit 0 geldig, 1 ongeldig, 2 verkeerd gebruik')
      .action(async (bestand: string, _o, cmd) => {
        const json = !!cmd.optsWithGlobals().json;
        if (!fs.existsSync(bestand) || !fs.statSync(bestand).isFile()) {
          if (json) process.stdout.write(JSON.stringify({ fout: `Bestand niet gevonden: ${bestand}` }) + '\n');
          process.stderr.write(`Bestand niet gevonden: ${bestand}. Geef het pad van een XML-bestand.\n`);
          process.exit(2);
        }
        await cli.runPlain(cmd, async (out) => {
          const v = await valideerBericht(fs.readFileSync(bestand));
          out.result({ bestand, ...validatieView(v) }, () => {
            const kop = v.geldig
              ? `${bestand}: geldig ${v.type}-bericht (${BERICHTEN[v.type!].omschrijving})`
              : `${bestand}: ONGELDIG${v.type ? ` ${v.type}-bericht` : ''} — retourcode ${v.retourcode} (${retourcodeOmschrijving(v.retourcode!)})`;
            return [kop, ...v.fouten.map((f) => `  regel ${f.regel ?? '?'}: ${f.melding}`)].join('\n');
          });
          if (!v.geldig) process.exitCode = 1;
        });
      });
    iwlz
      .command('aw33')
      .description('schrijf het AW33-bericht van een toewijzing naar stdout (of --uit <bestand>)')
      .requiredOption('--toewijzing <id>', 'id van de toewijzing')
      .option('--uit <bestand>', 'schrijf naar dit bestand')
      .action(async (o, cmd) => {
        await cli.run(cmd, async (ctx, out) => {
          if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(o.toewijzing))
            throw new AppError(1, 'toewijzing-id', `"${o.toewijzing}" is geen toewijzing-id (uuid).`, {
              actie: 'Zie de id in het cliëntdossier of in GET /api/v1/clientstroom/toewijzingen.',
            });
          const t = await store.toewijzingOpId(ctx.db, o.toewijzing);
          if (!t) throw new AppError(1, 'niet-gevonden', `Toewijzing ${o.toewijzing} bestaat niet.`);
          const xml = await svc.aw33VanToewijzing(ctx, systeemZorgkantoor(t.zorgkantoor_id), o.toewijzing);
          if (o.uit) {
            fs.writeFileSync(o.uit, xml);
            out.result({ geschreven: o.uit }, () => `AW33 geschreven: ${o.uit}`);
          } else if (out.json) out.result({ aw33: xml });
          else process.stdout.write(xml);
        });
      });
    iwlz
      .command('importeer <bestand>')
      .description(
        'valideer een indicatiebesluit (IO31) en lees het in als zorgbemiddelaar (--als); exit 0 ingelezen, 1 (deels) geweigerd, 2 verkeerd gebruik',
      )
      .option('--als <email>', 'de zorgbemiddelaar van het zorgkantoor die inleest')
      .action(async (bestand: string, o: { als?: string }, cmd) => {
        const json = !!cmd.optsWithGlobals().json;
        const gebruik = (melding: string) => {
          if (json) process.stdout.write(JSON.stringify({ fout: melding }) + '\n');
          process.stderr.write(melding + '\n');
          process.exit(2);
        };
        if (!fs.existsSync(bestand) || !fs.statSync(bestand).isFile())
          return gebruik(`Bestand niet gevonden: ${bestand}. Geef het pad van een IO31-bericht (XML).`);
        if (!o.als) return gebruik('Wie leest in? Geef --als <e-mail> van een zorgbemiddelaar van het zorgkantoor.');
        await cli.run(cmd, async (ctx, out) => {
          const a = await actorByEmail(ctx.db, o.als!);
          if (!a) throw new AppError(1, 'gebruiker-onbekend', `Er is geen actieve gebruiker ${o.als}.`);
          if (!isZorgkantoor(a) || !a.rollen.some((r) => svc.BEMIDDELAARS.includes(r)))
            throw new AppError(1, 'geen-zorgbemiddelaar', `${o.als} is geen zorgbemiddelaar van een zorgkantoor.`, {
              actie: 'Alleen een zorgbemiddelaar leest indicatiebesluiten (met persoonsgegevens) in.',
            });
          const r = await svc.importeerIo31(ctx, a, fs.readFileSync(bestand));
          const { io32, ...rest } = r;
          out.result({ bestand, ...rest, io32 }, () =>
            [
              `${bestand}: ${r.opgeslagen} opgeslagen, ${r.alOntvangen} al ontvangen, ${r.geweigerd} geweigerd.`,
              ...r.clienten.map(
                (c) => `  ${c.bsn} besluit ${c.besluitnummer}: ${c.uitkomst} (${c.retourcodes.join(', ')})`,
              ),
            ].join('\n'),
          );
          if (r.geweigerd > 0) process.exitCode = 1;
        });
      });
    const cs = program.command('clientstroom').description('cliëntstroom: indicaties en BSN-beveiliging');
    cs.command('bsn-beveiligen')
      .description("zet leesbaar opgeslagen BSN's om naar token + versleuteling (gebeurt ook bij het starten)")
      .action(async (_o, cmd) => {
        await cli.run(cmd, async (ctx, out) => {
          const n = await svc.beveiligOudeBsns(ctx);
          out.result({ omgezet: n }, () => `${n} cliënt(en) omgezet.`);
        });
      });
  },
};

/** The CLI acts as the zorgkantoor that owns the toewijzing (an operator with database access). */
function systeemZorgkantoor(organisatieId: string) {
  return {
    gebruikerId: '00000000-0000-0000-0000-000000000000',
    naam: 'systeem (CLI)',
    email: '',
    organisatieId,
    organisatieNaam: organisatieId,
    organisatieSoort: 'zorgkantoor' as const,
    rollen: ['zorgbemiddelaar' as const],
    taal: 'nl' as const,
  };
}
