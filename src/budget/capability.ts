/** Budget: routes under /api/v1/budget and the `zorginkoop contracteerruimte` / `afspraken` commands. */
import { Type } from '@fastify/type-provider-typebox';
import type { Capability } from '../capabilities.ts';
import { actorOf, type Api } from '../platform/http/app.ts';
import type { AppContext } from '../platform/context.ts';
import { problems } from '../platform/capability.ts';
import type { Access } from '../platform/auth/roles.ts';
import * as svc from './service.ts';
import * as S from './schemas.ts';
import type { Command } from 'commander';
import type { CliContext } from '../platform/cli/index.ts';
import type { Actor } from '../platform/auth/roles.ts';
import { AppError, badRequest } from '../platform/errors.ts';
import { InvalidArgumentError } from 'commander';
import { actorVoorEmail } from './store.ts';

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
          'Nieuwe productieafspraak (concept): prijs uit tariefbeleid, NZa-maximum of ingevoerd; bedrag = prijs × volume; past binnen de contracteerruimte',
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
  const a = await actorVoorEmail(ctx.db, email);
  if (!a) throw badRequest('gebruiker-onbekend', `Er is geen actieve gebruiker ${email}.`);
  return a;
}

const jaarOptie = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 2000 || n > 2100) throw new InvalidArgumentError('een jaartal, bijv. 2026');
  return n;
};

function crRegel(c: svc.CrView): string {
  return [
    `${c.regioCode} ${c.regioNaam} ${c.jaar} ${c.sector} (${c.status}${c.voorbeeld ? ', VOORBEELDCIJFERS' : ''})`,
    `  totaal ${c.totaal} = afspraken ${c.afspraken} + pool ${c.pool} + oormerk ${c.oormerk} + reserve ${c.reserve}` +
      `  ${c.controle.inBalans && c.controle.mutatiesKloppen && c.controle.afsprakenKloppen ? 'in balans' : 'NIET IN BALANS'}`,
    ...c.oormerken.map((o) => `  oormerk ${o.label}: ${o.bedrag}`),
  ].join('\n');
}

export function budgetCli(program: Command, cli: CliContext) {
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
    .requiredOption('--totaal <bedrag>', 'bedrag in euro, bijv. 123456789.00')
    .option('--definitief', 'definitief vaststellen (manager)')
    .option('--bron <tekst>', 'document en paragraaf waar het bedrag vandaan komt')
    .requiredOption('--als <email>', 'de gebruiker die besluit')
    .action(async (o, cmd) =>
      cli.run(cmd, async (ctx, out) => {
        if (!/^\d{1,14}(\.\d{1,2})?$/.test(o.totaal))
          throw badRequest('totaal-ongeldig', `--totaal ${o.totaal} is geen bedrag.`, {
            actie: 'Bijv. --totaal 123456789.00',
          });
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
}

export const budgetCapability: Capability = {
  naam: 'budget',
  routes,
  cli: budgetCli,
};
