/**
 * Budget: routes under /api/v1/budget and the commands `zorginkoop contracteerruimte`, `afspraken`
 * and `verdeel` (the allocation engine on a scenario file, without database):
 *
 *   zorginkoop verdeel --scenario <bestand.json> [--json]
 *
 * `verdeel` exits 0 for a result (also `prorata` and `tekort`), 1 for `onhaalbaar` (the outcome is
 * still printed), 2 for wrong usage or an invalid scenario file (the field named).
 */
import fs from 'node:fs';
import type { Capability } from '../platform/capability-type.ts';
import { formatForTerminal } from '../platform/errors.ts';
import type { VerdelingUitkomst } from '../domain/budget/types.ts';
import { Type } from '@fastify/type-provider-typebox';
import { actorOf, type Api } from '../platform/http/app.ts';
import type { AppContext } from '../platform/context.ts';
import { problems } from '../platform/http/problems.ts';
import type { Access } from '../platform/auth/roles.ts';
import * as svc from './service.ts';
import * as S from './schemas.ts';
import * as sc from './scenario.ts';
import * as sheet from './spreadsheet.ts';
import type { Command } from 'commander';
import { jaarOptie, type CliContext } from '../platform/cli/index.ts';
import type { Actor } from '../platform/auth/roles.ts';
import { AppError, badRequest } from '../platform/errors.ts';
import { InvalidArgumentError } from 'commander';
import { actorByEmail } from '../platform/auth/sessions.ts';

const LEZEN: Access = {
  rollen: [
    'inkoper',
    'beoordelaar',
    'controller',
    'manager',
    'toezichthouder',
    'aanbieder-contractmanager',
    'aanbieder-bestuurder',
  ],
  data: 'zorgkantoor-regio',
};
const SCHRIJVEN: Access = { rollen: ['inkoper', 'manager'], data: 'zorgkantoor-regio', organisaties: ['zorgkantoor'] };

async function routes(api: Api, ctx: AppContext) {
  api.get(
    '/budget/nza-deadline',
    {
      config: { access: { rollen: 'ingelogd', data: 'alle' } },
      schema: {
        tags: ['budget'],
        summary:
          'Uiterste datum van het NZa-budgetformulier voor de productieafspraken van een jaar (vóór 1 november van het jaar ervoor)',
        querystring: Type.Object({ jaar: S.Jaar }),
        response: { 200: S.NzaDeadline, ...problems(400, 401) },
      },
    },
    async (req) => svc.deadlineView(req.query.jaar, ctx.now()),
  );

  api.get(
    '/budget/contracteerruimte',
    {
      config: { access: LEZEN },
      schema: {
        tags: ['budget'],
        summary:
          'Contracteerruimtes van een jaar: zorgkantoor ziet zijn regio’s met grootboek, NZa alles; een aanbieder alleen per regio het totaal en de benutting',
        querystring: S.CrQuery,
        response: { 200: S.ContracteerruimteLijst, ...problems(400, 401, 403) },
      },
    },
    async (req) => svc.crLijst(ctx, actorOf(req), req.query),
  );

  api.get(
    '/budget/contracteerruimte/:id',
    {
      config: { access: LEZEN },
      schema: {
        tags: ['budget'],
        summary:
          'Eén contracteerruimte met grootboek (mutaties, oormerken, reserve, pool, controle); aanbieder: alleen totaal en benutting',
        params: S.IdParams,
        response: { 200: Type.Union([S.Contracteerruimte, S.Benutting]), ...problems(401, 403, 404) },
      },
    },
    async (req) => svc.crDetail(ctx, actorOf(req), req.params.id),
  );

  api.post(
    '/budget/contracteerruimte',
    {
      config: { access: SCHRIJVEN },
      schema: {
        tags: ['budget'],
        summary:
          'Contracteerruimte invoeren (voorlopig) voor een regio van het eigen zorgkantoor; bestaande afspraken worden meteen geboekt',
        body: S.ContracteerruimteNieuw,
        response: { 201: S.Contracteerruimte, ...problems(400, 401, 403, 409, 422) },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.crAanmaken(ctx, actorOf(req), req.body)),
  );

  api.post(
    '/budget/contracteerruimte/import',
    {
      config: { access: SCHRIJVEN },
      schema: {
        tags: ['budget'],
        summary:
          'Contracteerruimtes importeren uit CSV (regio;jaar;sector;totaal[;status][;bron]); alles of niets, fouten per regel en veld',
        description: 'Formaat: docs/formaten/contracteerruimte.md.',
        body: Type.Object({
          bestandsnaam: Type.String({ minLength: 1, maxLength: 200 }),
          inhoud: Type.String({ minLength: 1, maxLength: 1_000_000 }),
        }),
        response: {
          201: Type.Object({
            bestandsnaam: Type.String(),
            regels: Type.Integer(),
            nieuw: Type.Integer(),
            contracteerruimtes: Type.Array(Type.String()),
          }),
          ...problems(400, 401, 403, 422),
        },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.crImporteren(ctx, actorOf(req), req.body)),
  );

  api.post(
    '/budget/contracteerruimte/:id/vaststelling',
    {
      config: { access: SCHRIJVEN },
      schema: {
        tags: ['budget'],
        summary:
          'Bedrag bijstellen (voorlopig) of definitief vaststellen (alleen manager); het verschil gaat via de pool',
        params: S.IdParams,
        body: S.Vaststelling,
        response: { 200: S.Contracteerruimte, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) => svc.crVaststellen(ctx, actorOf(req), req.params.id, req.body),
  );

  api.post(
    '/budget/contracteerruimte/:id/oormerk',
    {
      config: { access: SCHRIJVEN },
      schema: {
        tags: ['budget'],
        summary: 'Oormerken (positief) of vrijgeven (negatief), als bedrag of als percentage van de contracteerruimte',
        params: S.IdParams,
        body: S.Oormerk,
        response: { 200: S.Contracteerruimte, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (req) => svc.crOormerk(ctx, actorOf(req), req.params.id, req.body),
  );

  api.post(
    '/budget/contracteerruimte/:id/reserve',
    {
      config: { access: SCHRIJVEN },
      schema: {
        tags: ['budget'],
        summary: 'Reserve achterhouden (positief) of vrijgeven (negatief)',
        params: S.IdParams,
        body: S.Reserve,
        response: { 200: S.Contracteerruimte, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (req) => svc.crReserve(ctx, actorOf(req), req.params.id, req.body),
  );

  api.post(
    '/budget/contracteerruimte/:id/overheveling',
    {
      config: { access: SCHRIJVEN },
      schema: {
        tags: ['budget'],
        summary:
          'Overheveling naar de contracteerruimte van een andere regio of een ander zorgkantoor (zelfde jaar en sector); op beide grootboeken',
        params: S.IdParams,
        body: S.Overheveling,
        response: { 200: S.Contracteerruimte, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (req) => svc.crOverheveling(ctx, actorOf(req), req.params.id, req.body),
  );

  api.get(
    '/budget/productieafspraken',
    {
      config: { access: LEZEN },
      schema: {
        tags: ['budget'],
        summary: 'Productieafspraken van een jaar met totalen en de NZa-deadline (aanbieder: alleen de eigen)',
        querystring: S.AfsprakenQuery,
        response: { 200: S.AfsprakenLijst, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => svc.afsprakenLijst(ctx, actorOf(req), req.query),
  );

  api.get(
    '/budget/productieafspraken/export',
    {
      config: { access: LEZEN },
      schema: {
        tags: ['budget'],
        summary:
          'Budgetformulier voor de NZa: productieafspraken van een regio en jaar, een rij per aanbieder × prestatie (CSV of .xlsx)',
        description: 'Formaat: docs/formaten/budgetformulier.md. Een aanbieder krijgt alleen de eigen regels.',
        querystring: Type.Object({
          jaar: S.Jaar,
          regio: S.RegioCode,
          sector: Type.Optional(S.SectorCode),
          formaat: Type.Optional(Type.Union([Type.Literal('csv'), Type.Literal('xlsx')], { default: 'csv' })),
        }),
        response: {
          200: Type.String({
            format: 'binary',
            description: 'text/csv of application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (req, reply) => {
      const { jaar, regio, sector } = req.query;
      const e = await sheet.exportRijen(ctx, actorOf(req), { jaar, regio, sector });
      const meta = { voorbeeld: e.voorbeeld, toelichting: e.deadline.omschrijving };
      const naam = `budgetformulier-${regio}-${jaar}${sector ? '-' + sector : ''}`;
      if (req.query.formaat === 'xlsx')
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="${naam}.xlsx"`)
          .send((await sheet.naarXlsx(e.rijen, meta)) as any);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${naam}.csv"`)
        .send(sheet.naarCsv(e.rijen, meta) as any);
    },
  );

  api.post(
    '/budget/productieafspraken/import',
    {
      config: { access: SCHRIJVEN },
      schema: {
        tags: ['budget'],
        summary: 'Ingevuld budgetformulier importeren (CSV of .xlsx; alles of niets, fouten per regel en veld)',
        description:
          'Body JSON: bestandsnaam en inhoudBase64 (het bestand, base64). Elke regel wordt een nieuwe versie van de afspraak. Een fout geeft 422 met waar = "regel N, veld"; er wordt dan niets opgeslagen.',
        body: Type.Object({
          bestandsnaam: Type.String({ minLength: 1, maxLength: 200 }),
          inhoudBase64: Type.String({ minLength: 1, maxLength: 2_000_000 }),
        }),
        response: {
          201: Type.Object({
            bestandsnaam: Type.String(),
            sha256: Type.String(),
            regels: Type.Integer(),
            nieuw: Type.Integer(),
            gewijzigd: Type.Integer(),
            totaal: Type.String(),
          }),
          ...problems(400, 401, 403, 422),
        },
      },
    },
    async (req, reply) =>
      reply.status(201).send(
        await sheet.importeer(ctx, actorOf(req), {
          bestandsnaam: req.body.bestandsnaam,
          bytes: Buffer.from(req.body.inhoudBase64, 'base64'),
        }),
      ),
  );

  api.get(
    '/budget/productieafspraken/:id',
    {
      config: { access: LEZEN },
      schema: {
        tags: ['budget'],
        summary: 'Eén productieafspraak met al haar versies',
        params: S.IdParams,
        response: { 200: S.ProductieafspraakDetail, ...problems(401, 403, 404) },
      },
    },
    async (req) => svc.afspraakDetail(ctx, actorOf(req), req.params.id),
  );

  api.post(
    '/budget/productieafspraken',
    {
      config: { access: SCHRIJVEN },
      schema: {
        tags: ['budget'],
        summary:
          'Nieuwe productieafspraak (concept): prijs uit de gunning (overeenkomst), tariefbeleid, NZa-maximum of ingevoerd; bedrag = prijs × volume; past binnen de contracteerruimte',
        body: S.AfspraakNieuw,
        response: { 201: S.ProductieafspraakDetail, ...problems(400, 401, 403, 409, 422) },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.afspraakVastleggen(ctx, actorOf(req), req.body, true)),
  );

  api.put(
    '/budget/productieafspraken/:id',
    {
      config: { access: SCHRIJVEN },
      schema: {
        tags: ['budget'],
        summary: 'Productieafspraak wijzigen: een nieuwe versie (concept); de vorige blijft bewaard',
        params: S.IdParams,
        body: S.AfspraakWijziging,
        response: { 200: S.ProductieafspraakDetail, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (req) => svc.afspraakWijzigen(ctx, actorOf(req), req.params.id, req.body),
  );

  api.post(
    '/budget/productieafspraken/:id/status',
    {
      config: { access: SCHRIJVEN },
      schema: {
        tags: ['budget'],
        summary: 'Status: concept → ingediend (bij de NZa) → vastgesteld; ingediend → concept (ingetrokken)',
        params: S.IdParams,
        body: S.AfspraakStatusWijziging,
        response: { 200: S.ProductieafspraakDetail, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => svc.afspraakStatus(ctx, actorOf(req), req.params.id, req.body),
  );

  const LEZEN_ZK: Access = {
    rollen: ['inkoper', 'beoordelaar', 'controller', 'manager', 'toezichthouder'],
    data: 'zorgkantoor-regio',
  };
  api.get(
    '/budget/scenarios',
    {
      config: { access: LEZEN_ZK },
      schema: {
        tags: ['budget'],
        summary: 'Scenario’s van een jaar (zonder de volledige in- en uitvoer)',
        querystring: S.ScenarioQuery,
        response: { 200: Type.Array(S.Scenario), ...problems(400, 401, 403) },
      },
    },
    async (req) => sc.scenarioLijst(ctx, actorOf(req), req.query),
  );
  api.get(
    '/budget/scenarios/vergelijk',
    {
      config: { access: LEZEN_ZK },
      schema: {
        tags: ['budget'],
        summary: 'Twee berekende scenario’s naast elkaar: totalen per zorgaanbieder en per leveringsvorm',
        querystring: S.VergelijkQuery,
        response: { 200: S.ScenarioVergelijking, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => sc.scenariosVergelijken(ctx, actorOf(req), req.query.a, req.query.b),
  );
  api.get(
    '/budget/scenarios/:id',
    {
      config: { access: LEZEN_ZK },
      schema: {
        tags: ['budget'],
        summary: 'Eén scenario met invoer, uitkomst (uitleg per aanbieder) en voorstel per prestatie',
        params: S.IdParams,
        response: { 200: S.Scenario, ...problems(401, 403, 404) },
      },
    },
    async (req) => sc.scenarioDetail(ctx, actorOf(req), req.params.id),
  );
  api.post(
    '/budget/scenarios',
    {
      config: { access: SCHRIJVEN },
      schema: {
        tags: ['budget'],
        summary:
          'Nieuw scenario: kopie van de huidige situatie (realisatie vorig jaar, prestatiemix, prijzen) of van een ander scenario',
        body: S.ScenarioNieuw,
        response: { 201: S.Scenario, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (req, reply) => reply.status(201).send(await sc.scenarioAanmaken(ctx, actorOf(req), req.body)),
  );
  api.put(
    '/budget/scenarios/:id',
    {
      config: { access: SCHRIJVEN },
      schema: {
        tags: ['budget'],
        summary:
          'Scenario wijzigen: budget, reserve, bodem, toekenningspercentage, gewichten (scores), plafonds, tarieven, model',
        params: S.IdParams,
        body: S.ScenarioWijziging,
        response: { 200: S.Scenario, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) => sc.scenarioWijzigen(ctx, actorOf(req), req.params.id, req.body),
  );
  api.post(
    '/budget/scenarios/:id/bereken',
    {
      config: { access: SCHRIJVEN },
      schema: {
        tags: ['budget'],
        summary: 'Scenario doorrekenen met de rekenmotor (verdeel, HiGHS) als taak met voortgang',
        params: S.IdParams,
        response: {
          202: Type.Object({ taakId: Type.String(), scenarioId: Type.String() }),
          ...problems(401, 403, 404, 409),
        },
      },
    },
    async (req, reply) => reply.status(202).send(await sc.scenarioBerekenen(ctx, actorOf(req), req.params.id)),
  );
  api.post(
    '/budget/scenarios/:id/promoveer',
    {
      config: { access: { rollen: ['manager'], data: 'zorgkantoor-regio', organisaties: ['zorgkantoor'] } },
      schema: {
        tags: ['budget'],
        summary:
          'Scenario omzetten in productieafspraken (nieuwe versies); manager, vier ogen; geaudit met invoer, model en besluiter',
        params: S.IdParams,
        body: Type.Object({ toelichting: Type.Optional(Type.String({ maxLength: 2000 })) }),
        response: { 200: S.Scenario, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) => sc.scenarioPromoveren(ctx, actorOf(req), req.params.id, req.body),
  );
  api.get(
    '/budget/toelichting',
    {
      config: { access: LEZEN },
      schema: {
        tags: ['budget'],
        summary: 'Uitleg van de toekenning van één zorgaanbieder (een aanbieder: alleen de eigen)',
        querystring: Type.Object({ jaar: S.Jaar, aanbieder: Type.Optional(Type.String({ maxLength: 100 })) }),
        response: { 200: S.Toelichting, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (req) => sc.toelichtingVoorAanbieder(ctx, actorOf(req), req.query.jaar, req.query.aanbieder),
  );
}

/** The CLI reads as an operator with full view (like the NZa); decisions need --als <e-mail> of a real user. */
const OPERATOR: Actor = {
  gebruikerId: '00000000-0000-0000-0000-000000000000',
  naam: 'CLI',
  email: 'cli@localhost',
  organisatieId: 'nza',
  organisatieNaam: 'beheer (CLI)',
  organisatieSoort: 'nza',
  rollen: ['toezichthouder'],
  taal: 'nl',
};

async function alsGebruiker(ctx: AppContext, email: string | undefined): Promise<Actor> {
  if (!email)
    throw badRequest('als-ontbreekt', 'Een besluit vraagt wie het neemt.', {
      actie: 'Geef --als <e-mail> van een inkoper of manager van het zorgkantoor.',
    });
  const a = await actorByEmail(ctx.db, email);
  if (!a) throw badRequest('gebruiker-onbekend', `Er is geen actieve gebruiker ${email}.`);
  return a;
}

const bedragOptie = (v: string) => {
  if (!/^\d{1,14}(\.\d{1,2})?$/.test(v)) throw new InvalidArgumentError('een bedrag in euro, bijv. 123456789.00');
  return v;
};
const formaatOptie = (v: string) => {
  if (v !== 'csv' && v !== 'xlsx') throw new InvalidArgumentError('csv of xlsx');
  return v;
};

/**
 * Wrong usage exits 2 for every budget command: commander's own errors (missing or invalid option,
 * unknown option, missing argument) are thrown instead of exiting 1, and src/cli.ts turns them into 2.
 */
function gebruikExit2(c: Command) {
  c.exitOverride();
  for (const sub of c.commands) gebruikExit2(sub);
}

/** A file argument that cannot be read is wrong usage (exit 2), found before any database is opened. */
function leesbaarOfExit2(cmd: Command, bestand: string): boolean {
  try {
    fs.accessSync(bestand, fs.constants.R_OK);
    return true;
  } catch {
    gebruiksfout(
      !!cmd.optsWithGlobals().json,
      new AppError(2, 'bestand-onleesbaar', `${bestand} bestaat niet of is niet leesbaar.`, {
        actie: 'Geef het pad naar een bestaand bestand.',
      }),
    );
    return false;
  }
}

function crRegel(c: svc.CrView): string {
  return [
    `${c.regioCode} ${c.regioNaam} ${c.jaar} ${c.sector} (${c.status}${c.voorbeeld ? ', VOORBEELDCIJFERS' : ''})`,
    `  totaal ${c.totaal} = afspraken ${c.afspraken} + pool ${c.pool} + oormerk ${c.oormerk} + reserve ${c.reserve}` +
      `  ${c.controle.inBalans && c.controle.mutatiesKloppen && c.controle.afsprakenKloppen ? 'in balans' : 'NIET IN BALANS'}`,
    ...c.oormerken.map((o) => `  oormerk ${o.label}: ${o.bedrag}`),
  ].join('\n');
}

export function budgetCli(program: Command, cli: CliContext) {
  verdeelCli(program);
  const cr = program
    .command('contracteerruimte')
    .description('contracteerruimte per regio, jaar en sector (grootboek)');
  cr.command('lijst')
    .description('contracteerruimtes van een jaar met hun balans')
    .requiredOption('--jaar <jaar>', 'jaar', jaarOptie)
    .option('--regio <code>', 'zorgkantoorregio (COD001)')
    .option('--sector <code>', 'VV, GZ of GGZ')
    .action(async (o, cmd) =>
      cli.run(cmd, async (ctx, out) => {
        const r = await svc.crLijst(ctx, OPERATOR, { jaar: o.jaar, regio: o.regio, sector: o.sector });
        out.result(r.contracteerruimtes, (xs: svc.CrView[]) =>
          xs.length ? xs.map(crRegel).join('\n') : `Geen contracteerruimte voor ${o.jaar}.`,
        );
      }),
    );
  cr.command('toon <id>')
    .description('één contracteerruimte met alle mutaties')
    .action(async (id, _o, cmd) =>
      cli.run(cmd, async (ctx, out) => {
        const c = (await svc.crDetail(ctx, OPERATOR, id)) as svc.CrView;
        out.result(c, (x: svc.CrView) =>
          [
            crRegel(x),
            ...(x.mutaties ?? []).map(
              (m) =>
                `  #${m.volgnummer} ${m.soort.padEnd(16)} totaal ${m.totaal.padStart(14)} pool ${m.pool.padStart(14)}  ${m.omschrijving} (${m.door})`,
            ),
          ].join('\n'),
        );
      }),
    );
  cr.command('invoeren')
    .description('contracteerruimte invoeren (voorlopig) of, als ze bestaat, bijstellen / definitief maken')
    .requiredOption('--regio <code>', 'zorgkantoorregio')
    .requiredOption('--jaar <jaar>', 'jaar', jaarOptie)
    .requiredOption('--sector <code>', 'VV, GZ of GGZ')
    .requiredOption('--totaal <bedrag>', 'bedrag in euro, bijv. 123456789.00', bedragOptie)
    .option('--definitief', 'definitief vaststellen (manager)')
    .option('--bron <tekst>', 'document en paragraaf waar het bedrag vandaan komt')
    .requiredOption('--als <email>', 'de gebruiker die besluit')
    .action(async (o, cmd) =>
      cli.run(cmd, async (ctx, out) => {
        const a = await alsGebruiker(ctx, o.als);
        const lijst = await svc.crLijst(ctx, a, { jaar: o.jaar, regio: o.regio, sector: o.sector });
        const bestaand = lijst.contracteerruimtes[0];
        const c = bestaand
          ? await svc.crVaststellen(ctx, a, bestaand.id, {
              totaal: o.totaal,
              status: o.definitief ? 'definitief' : 'voorlopig',
              bron: o.bron,
            })
          : await svc.crAanmaken(ctx, a, {
              regio: o.regio,
              jaar: o.jaar,
              sector: o.sector,
              totaal: o.totaal,
              bron: o.bron,
            });
        if (!bestaand && o.definitief)
          await svc.crVaststellen(ctx, a, c.id, { totaal: o.totaal, status: 'definitief', bron: o.bron });
        out.result(c, crRegel);
      }),
    );
  const af = program.command('afspraken').description('productieafspraken (budgetformulier voor de NZa)');
  af.command('export')
    .description('productieafspraken van een regio en jaar als CSV of .xlsx (een rij per aanbieder × prestatie)')
    .requiredOption('--regio <code>', 'zorgkantoorregio')
    .requiredOption('--jaar <jaar>', 'jaar', jaarOptie)
    .option('--sector <code>', 'VV, GZ of GGZ')
    .option('--formaat <csv|xlsx>', 'bestandsformaat', formaatOptie, 'csv')
    .option('--uit <pad>', 'schrijf naar dit bestand (standaard: stdout voor CSV)')
    .action(async (o, cmd) =>
      cli.run(cmd, async (ctx, out) => {
        const e = await sheet.exportRijen(ctx, OPERATOR, { jaar: o.jaar, regio: o.regio, sector: o.sector });
        const meta = { voorbeeld: e.voorbeeld, toelichting: e.deadline.omschrijving };
        if (out.json) return out.result({ jaar: o.jaar, regio: o.regio, nzaDeadline: e.deadline, rijen: e.rijen });
        if (o.formaat === 'xlsx' && !o.uit)
          throw badRequest('uit-ontbreekt', 'Een .xlsx-bestand gaat niet naar het scherm.', {
            actie: 'Geef --uit <bestand.xlsx>.',
          });
        const inhoud = o.formaat === 'xlsx' ? await sheet.naarXlsx(e.rijen, meta) : sheet.naarCsv(e.rijen, meta);
        if (o.uit) {
          fs.writeFileSync(o.uit, inhoud);
          out.info(`${e.rijen.length} regels geschreven naar ${o.uit}. ${e.deadline.omschrijving}`);
        } else process.stdout.write(inhoud);
      }),
    );
  af.command('import <bestand>')
    .description('ingevuld budgetformulier (CSV of .xlsx) importeren; alles of niets')
    .requiredOption('--als <email>', 'de gebruiker die besluit')
    .action(async (bestand, o, cmd) =>
      !leesbaarOfExit2(cmd, bestand)
        ? undefined
        : cli.run(cmd, async (ctx, out) => {
            const a = await alsGebruiker(ctx, o.als);
            let bytes: Buffer;
            try {
              bytes = fs.readFileSync(bestand);
            } catch {
              throw badRequest('bestand-onleesbaar', `${bestand} bestaat niet of is niet leesbaar.`);
            }
            const r = await sheet.importeer(ctx, a, { bestandsnaam: bestand, bytes });
            out.result(
              r,
              (x) =>
                `${x.regels} regels geïmporteerd (${x.nieuw} nieuw, ${x.gewijzigd} gewijzigd), totaal € ${x.totaal}.`,
            );
          }),
    );
  cr.command('import <bestand>')
    .description('contracteerruimtes importeren uit CSV (regio;jaar;sector;totaal[;status][;bron]); alles of niets')
    .requiredOption('--als <email>', 'de gebruiker die besluit')
    .action(async (bestand, o, cmd) =>
      !leesbaarOfExit2(cmd, bestand)
        ? undefined
        : cli.run(cmd, async (ctx, out) => {
            const a = await alsGebruiker(ctx, o.als);
            let inhoud: string;
            try {
              inhoud = fs.readFileSync(bestand, 'utf8');
            } catch {
              throw badRequest('bestand-onleesbaar', `${bestand} bestaat niet of is niet leesbaar.`);
            }
            const r = await svc.crImporteren(ctx, a, { bestandsnaam: bestand, inhoud });
            out.result(r, (x) => `${x.regels} contracteerruimtes geïmporteerd (${x.nieuw} nieuw).`);
          }),
    );
  cr.command('controle')
    .description('controleer of elk grootboek van een jaar in balans is; exitcode 1 als er één niet klopt')
    .requiredOption('--jaar <jaar>', 'jaar', jaarOptie)
    .action(async (o, cmd) =>
      cli.run(cmd, async (ctx, out) => {
        const r = await svc.crLijst(ctx, OPERATOR, { jaar: o.jaar });
        const fout = r.contracteerruimtes.filter(
          (c) => !(c.controle.inBalans && c.controle.mutatiesKloppen && c.controle.afsprakenKloppen),
        );
        const res = { gecontroleerd: r.contracteerruimtes.length, nietInBalans: fout.map((c) => c.id) };
        if (fout.length)
          throw new AppError(
            1,
            'niet-in-balans',
            `${fout.length} grootboek(en) niet in balans: ${fout.map((c) => `${c.regioCode}/${c.sector}`).join(', ')}.`,
            {
              actie: 'Meld dit aan de beheerder; vergelijk de mutaties met het auditlog.',
            },
          );
        out.result(res, (x) => `${x.gecontroleerd} grootboeken gecontroleerd: alle in balans.`);
      }),
    );
  for (const c of [cr, af, ...program.commands.filter((x) => x.name() === 'verdeel')]) gebruikExit2(c);
}

/** Dutch display of "1234567.89" as "1.234.567,89". */
function bedragNl(s: string): string {
  const neg = s.startsWith('-');
  const [i, f] = (neg ? s.slice(1) : s).split('.');
  return `${neg ? '-' : ''}${i.replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${f ?? '00'}`;
}

const STATUS_NL: Record<VerdelingUitkomst['status'], string> = {
  opgelost: 'opgelost',
  prorata: 'opgelost met vloeren naar rato verlaagd (prorata)',
  onhaalbaar: 'ONHAALBAAR — geen verdeling',
  tekort: 'TEKORT — de afspraken overschrijden de contracteerruimte',
};

/** A readable Dutch table of the outcome. */
export function verdelingAlsTabel(u: VerdelingUitkomst): string {
  const kop = ['Aanbieder', 'Bedrag (€)', u.model === 'P' ? '% NZa-max' : '% realisatie', 'Bindend'];
  if (u.model === 'Q') kop.splice(1, 0, 'Score', 'Vloer (€)', 'Plafond (€)');
  if (u.model === 'toekenning') kop.splice(1, 0, 'Plafond (€)');
  if (u.model === 'P') kop.splice(1, 0, 'Score');
  const rijen = u.afspraken.map((a) => {
    const r = [
      a.aanbieder,
      bedragNl(a.bedrag),
      u.model === 'P'
        ? (a.percentage ?? '')
        : a.percentageVanRealisatie
          ? a.percentageVanRealisatie.replace('.', ',')
          : '–',
      a.bindend.join(', ') || '–',
    ];
    if (u.model === 'Q')
      r.splice(1, 0, a.score ?? '', bedragNl(a.vloer ?? '0.00'), a.plafond ? bedragNl(a.plafond) : '–');
    if (u.model === 'toekenning') r.splice(1, 0, a.plafond ? bedragNl(a.plafond) : '–');
    if (u.model === 'P') r.splice(1, 0, a.score ?? '');
    return r;
  });
  const breed = kop.map((k, c) => Math.max(k.length, ...rijen.map((r) => r[c].length)));
  const links = (c: number) => c === 0 || c === kop.length - 1;
  const regel = (r: string[]) =>
    r
      .map((v, c) => (links(c) ? v.padEnd(breed[c]) : v.padStart(breed[c])))
      .join('  ')
      .trimEnd();
  const modelNaam = u.model === 'toekenning' ? 'toekenningspercentage' : `model ${u.model}`;
  const uit: string[] = [
    `Verdeling ${modelNaam}, regio ${u.regio}, jaar ${u.jaar}: ${STATUS_NL[u.status]}`,
    '',
    regel(kop),
    breed.map((b) => '-'.repeat(b)).join('  '),
    ...rijen.map(regel),
    '',
    `Contracteerruimte € ${bedragNl(u.contracteerruimte)}, reserve € ${bedragNl(u.reserve)}, totaal afspraken € ${bedragNl(u.totaal)}, pool € ${bedragNl(u.pool)}.`,
  ];
  if (u.selectiefDeel !== undefined && u.status === 'opgelost')
    uit.push(`Selectief deel (boven de vloeren): € ${bedragNl(u.selectiefDeel)}.`);
  if (u.tekortBedrag !== undefined && u.tekortBedrag !== '0.00')
    uit.push(`Tekort: € ${bedragNl(u.tekortBedrag)} (niet gekort; ophoging vragen bij de NZa).`);
  if (u.conflicten?.length) {
    uit.push('', 'Conflicten:');
    for (const c of u.conflicten)
      uit.push(`  - ${c.beperkingen.join(' + ')} (${'€ ' + bedragNl(c.bedrag)}): ${c.uitleg}`);
  }
  uit.push('', 'Uitleg per aanbieder:');
  for (const a of u.afspraken) uit.push(`  ${a.aanbieder}: ${a.uitleg}`);
  return uit.join('\n');
}

/** Prints a usage / file error and sets exit code 2. */
function gebruiksfout(json: boolean, err: AppError): void {
  if (json)
    process.stdout.write(
      JSON.stringify({ fout: err.message, code: err.code, fouten: err.fouten, actie: err.actie }, null, 2) + '\n',
    );
  process.stderr.write(`Fout: ${formatForTerminal(err)}\n`);
  process.exitCode = 2;
}

function verdeelCli(program: Command) {
  program
    .command('verdeel')
    .description(
      'verdeel de contracteerruimte over aanbieders (model Q, P of toekenning) uit een scenariobestand; zonder database',
    )
    .requiredOption('--scenario <bestand>', 'scenario als JSON (zie docs/formaten/verdeling.md)')
    .action(async (o: { scenario: string }, cmd: Command) => {
      const json = !!cmd.optsWithGlobals().json;
      let tekst: string;
      try {
        tekst = fs.readFileSync(o.scenario, 'utf8');
      } catch {
        return gebruiksfout(
          json,
          new AppError(2, 'bestand-onleesbaar', `Het scenariobestand ${o.scenario} bestaat niet of is niet leesbaar.`, {
            actie: 'Geef het pad naar een JSON-bestand met --scenario.',
          }),
        );
      }
      let invoer: unknown;
      try {
        invoer = JSON.parse(tekst);
      } catch (e) {
        return gebruiksfout(
          json,
          new AppError(2, 'geen-json', `Het scenariobestand ${o.scenario} is geen geldige JSON.`, {
            fouten: [{ waar: o.scenario, wat: e instanceof Error ? e.message : String(e) }],
            actie: 'Controleer komma’s, aanhalingstekens en haakjes.',
          }),
        );
      }
      const { valideerScenario, verdeel } = await import('./verdeling.ts');
      const v = valideerScenario(invoer);
      if (!v.geldig)
        return gebruiksfout(
          json,
          new AppError(2, 'scenario-ongeldig', `Het scenario in ${o.scenario} is ongeldig.`, {
            fouten: v.fouten,
            actie: 'Verbeter de genoemde velden; het formaat staat in docs/formaten/verdeling.md.',
          }),
        );
      try {
        const u = await verdeel(invoer as Parameters<typeof verdeel>[0]);
        process.stdout.write((json ? JSON.stringify(u, null, 2) : verdelingAlsTabel(u)) + '\n');
        process.exitCode = u.status === 'onhaalbaar' ? 1 : 0;
      } catch (e) {
        if (json)
          process.stdout.write(JSON.stringify({ fout: e instanceof Error ? e.message : String(e) }, null, 2) + '\n');
        process.stderr.write(`Fout: ${formatForTerminal(e)}\n`);
        process.exitCode = 1;
      }
    });
}

export const budgetCapability: Capability = {
  naam: 'budget',
  routes,
  cli: budgetCli,
};
