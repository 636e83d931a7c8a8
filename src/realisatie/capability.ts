/** Realisatie: routes under /api/v1/realisatie and the `zorginkoop herschik` command. */
import fs from 'node:fs';
import type { Capability } from '../platform/capability-type.ts';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Type } from '@fastify/type-provider-typebox';
import { Option, type Command } from 'commander';
import { actorOf, type Api } from '../platform/http/app.ts';
import type { AppContext } from '../platform/context.ts';
import { problems } from '../platform/http/problems.ts';
import type { OrganisatieSoort, Rol } from '../platform/auth/roles.ts';
import { jaarOptie, makeOutput } from '../platform/cli/index.ts';
import { badRequest, formatForTerminal, AppError } from '../platform/errors.ts';
import { formatEuroNl } from '../domain/money.ts';
import {
  HerschikScenarioSchema,
  HerschikUitkomstSchema,
  ImportGestartSchema,
  ImportSchema,
  MonitorSchema,
  RondeSchema,
  RondeInvoerSchema,
  AanpassingSchema,
  BesluitSchema,
  RondesSchema,
  InstellingSchema,
  BerichtenSchema,
  UitputtingSchema,
  type ImportOut,
} from './schemas.ts';
import {
  berichten,
  rondeAanpassen,
  rondeBesluiten,
  rondeDetail,
  rondesLijst,
  rondeVoorstellen,
  zetRondesPerJaar,
} from './rondes.ts';
import {
  berekenHerschikking,
  berekenNacalculatie,
  foutenRapport,
  importeerDeclaraties,
  isUsageError,
  leesScenarioTekst,
  monitor,
  uitputtingRegio,
  zichtbareImport,
  type ImportResultaat,
} from './service.ts';
import type { ImportModus, ImportRow } from './store.ts';
import type { HerschikJson } from '../domain/realisatie/herschikking.ts';
import { nacalculatieRoutes } from './nacalculatie/routes.ts';
import { bereken as berekenNacalculatieDb, nacalculatieInvoer } from './nacalculatie.ts';
import { nacalculatieJson, OVERPRODUCTIE_REGELS, type OverproductieRegel } from '../domain/realisatie/nacalculatie.ts';

const MAX_DECLARATIE_BYTES = 1024 * 1024 * 1024;
const MODI: ImportModus[] = ['alles-of-niets', 'geldige-regels'];
const ZK_IMPORT = {
  rollen: ['inkoper', 'controller', 'manager'],
  data: 'eigen-organisatie',
  organisaties: ['zorgkantoor'],
} as const;

function importOut(r: ImportRow): ImportOut {
  return {
    id: r.id,
    jaar: r.jaar,
    bestandsnaam: r.bestandsnaam,
    sha256: r.sha256,
    modus: r.modus,
    status: r.status,
    regels: r.regels,
    geladen: r.geladen,
    geweigerd: r.geweigerd,
    perioden: r.perioden,
    geimporteerdOp: new Date(r.geimporteerd_op).toISOString(),
    foutenRapport: `/api/v1/realisatie/import/${r.id}/fouten.csv`,
  };
}

function leesJaar(v: string | undefined, waar: string): number {
  const n = Number(v);
  if (!v || !/^\d{4}$/.test(v) || n < 2000 || n > 2100)
    throw badRequest('jaar-ongeldig', `Geef het jaar van de declaraties (${waar}), bijv. 2027.`, {
      fouten: [{ waar, wat: v ? `"${v}" is geen jaartal` : 'ontbreekt' }],
    });
  return n;
}
function leesModus(v: string | undefined, waar: string): ImportModus {
  if (v === undefined || v === '') return 'alles-of-niets';
  if (!(MODI as string[]).includes(v))
    throw badRequest('modus-ongeldig', `Onbekende modus "${v}".`, {
      fouten: [{ waar, wat: `kies ${MODI.join(' of ')}` }],
    });
  return v as ImportModus;
}

async function routes(api: Api, ctx: AppContext) {
  api.post(
    '/realisatie/import',
    {
      config: { access: { ...ZK_IMPORT, rollen: [...ZK_IMPORT.rollen], organisaties: [...ZK_IMPORT.organisaties] } },
      schema: {
        tags: ['realisatie'],
        summary:
          'Declaratiebestand (CSV) importeren als taak (multipart: velden jaar en modus vóór het bestand; zie docs/formaten/declaraties.md)',
        description:
          'Eén transactie per bestand; idempotent (zelfde bestand = geen wijziging); een verbeterd bestand vervangt zijn perioden. Modus alles-of-niets (standaard) of geldige-regels. Antwoord 202 met het taak-id; het resultaat (importId, aantallen) staat in de taak.',
        consumes: ['multipart/form-data'],
        response: { 202: ImportGestartSchema, ...problems(400, 401, 403, 413) },
      },
    },
    async (req, reply) => {
      if (!req.isMultipart())
        throw badRequest(
          'geen-multipart',
          'Stuur het bestand als multipart/form-data (velden jaar en modus, dan bestand).',
        );
      const file = await req.file({ limits: { fileSize: MAX_DECLARATIE_BYTES } });
      if (!file) throw badRequest('geen-bestand', 'Er zit geen bestand in het verzoek.');
      const veld = (n: string) => {
        const f = (file.fields as any)[n];
        return f && !Array.isArray(f) && 'value' in f ? String(f.value) : undefined;
      };
      let jaar: number, modus: ImportModus;
      try {
        jaar = leesJaar(veld('jaar'), 'jaar');
        modus = leesModus(veld('modus'), 'modus');
      } catch (e) {
        file.file.resume();
        throw e;
      }
      const pad = path.join(os.tmpdir(), `zk-declaraties-${crypto.randomUUID()}.csv`);
      try {
        await pipeline(file.file, fs.createWriteStream(pad));
      } catch (e) {
        fs.rmSync(pad, { force: true });
        if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') file.file.truncated = true;
        else throw e;
      }
      if (file.file.truncated) {
        fs.rmSync(pad, { force: true });
        throw new AppError(
          413,
          'bestand-te-groot',
          `Het bestand is groter dan ${MAX_DECLARATIE_BYTES / 1024 / 1024} MB.`,
          {
            actie: 'Splits het bestand per maand of per aanbieder, of gebruik de CLI (zorginkoop realisatie import).',
          },
        );
      }
      const actor = actorOf(req);
      const bestandsnaam = path.basename(file.filename || 'declaraties.csv');
      const taakId = await ctx.jobs.start(
        'realisatie-import',
        `Declaraties ${bestandsnaam} (${jaar})`,
        actor,
        { bestandsnaam, jaar, modus },
        async (progress) => {
          try {
            return await importeerDeclaraties(ctx, actor, pad, { jaar, modus, bestandsnaam }, progress);
          } finally {
            fs.rmSync(pad, { force: true });
          }
        },
      );
      return reply.status(202).send({ taakId });
    },
  );

  api.get(
    '/realisatie/monitor',
    {
      config: {
        access: {
          rollen: [
            'inkoper',
            'controller',
            'manager',
            'aanbieder-contractmanager',
            'aanbieder-bestuurder',
            'toezichthouder',
          ],
          data: 'zorgkantoor-regio',
        },
      },
      schema: {
        tags: ['realisatie'],
        summary:
          'Realisatie tegen afspraak per aanbieder in een regio, met jaarprognose en signaal (zorgkantoor: eigen regio’s; aanbieder: alleen de eigen regel)',
        querystring: Type.Object({
          jaar: Type.Integer({ minimum: 2000, maximum: 2100 }),
          regio: Type.String({ minLength: 1, maxLength: 10 }),
          totMaand: Type.Optional(Type.Integer({ minimum: 1, maximum: 12 })),
          marge: Type.Optional(Type.String({ pattern: '^\\d{1,2}(\\.\\d{1,2})?$' })),
        }),
        response: { 200: MonitorSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => monitor(ctx, actorOf(req), req.query),
  );

  api.get(
    '/realisatie/import/:id',
    {
      config: { access: { ...ZK_IMPORT, rollen: [...ZK_IMPORT.rollen], organisaties: [...ZK_IMPORT.organisaties] } },
      schema: {
        tags: ['realisatie'],
        summary: 'Eén declaratie-import van de eigen organisatie',
        params: Type.Object({ id: Type.String() }),
        response: { 200: ImportSchema, ...problems(401, 403, 404) },
      },
    },
    async (req) => importOut(await zichtbareImport(ctx, actorOf(req), req.params.id)),
  );

  api.get(
    '/realisatie/import/:id/fouten.csv',
    {
      config: { access: { ...ZK_IMPORT, rollen: [...ZK_IMPORT.rollen], organisaties: [...ZK_IMPORT.organisaties] } },
      schema: {
        tags: ['realisatie'],
        summary: 'Rapport van de geweigerde regels (CSV: regel;veld;reden — nooit de inhoud van de regel)',
        params: Type.Object({ id: Type.String() }),
        produces: ['text/csv'],
        response: { 200: Type.String(), ...problems(401, 403, 404) },
      },
    },
    async (req, reply) => {
      const csv = await foutenRapport(ctx, actorOf(req), req.params.id);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="geweigerde-regels-${req.params.id}.csv"`)
        .send(csv);
    },
  );

  api.post(
    '/realisatie/herschikking/bereken',
    {
      config: {
        access: {
          rollen: ['inkoper', 'controller', 'manager'],
          data: 'zorgkantoor-regio',
          organisaties: ['zorgkantoor'],
        },
      },
      schema: {
        tags: ['realisatie'],
        summary: 'Bereken een herschikkingsscenario (niets wordt opgeslagen)',
        description:
          'Pool eerst, dan ruimte naar rato; behoefte op prioriteit en naar rato; niemand onder de realisatie; totaal gelijk. Zie docs/formaten/herschikking.md.',
        body: HerschikScenarioSchema,
        response: { 200: HerschikUitkomstSchema, ...problems(400, 401, 403, 422) },
      },
    },
    async (req) => berekenHerschikking(req.body),
  );

  const RONDE_LEZEN = {
    rollen: [
      'inkoper',
      'controller',
      'manager',
      'aanbieder-contractmanager',
      'aanbieder-bestuurder',
      'toezichthouder',
    ] as Rol[],
    data: 'zorgkantoor-regio' as const,
  };
  const RONDE_SCHRIJVEN = {
    rollen: ['inkoper', 'manager'] as Rol[],
    data: 'zorgkantoor-regio' as const,
    organisaties: ['zorgkantoor'] as OrganisatieSoort[],
  };
  const Id = Type.Object({ id: Type.String({ maxLength: 40 }) });

  api.get(
    '/realisatie/herschikkingsrondes',
    {
      config: { access: RONDE_LEZEN },
      schema: {
        tags: ['realisatie'],
        summary:
          'Herschikkingsrondes van een jaar (zorgkantoor: eigen regio’s; aanbieder: rondes met een eigen regel, alleen die regel; NZa: alle)',
        querystring: Type.Object({
          jaar: Type.Integer({ minimum: 2000, maximum: 2100 }),
          regio: Type.Optional(Type.String({ minLength: 1, maxLength: 10 })),
        }),
        response: { 200: RondesSchema, ...problems(400, 401, 403) },
      },
    },
    async (req) => rondesLijst(ctx, actorOf(req), req.query),
  );

  api.post(
    '/realisatie/herschikkingsrondes',
    {
      config: { access: RONDE_SCHRIJVEN },
      schema: {
        tags: ['realisatie'],
        summary:
          'Herschikkingsronde voorstellen: het systeem berekent het voorstel (pool, afspraken, realisatie, prognose)',
        description:
          'Regel: docs/formaten/herschikking.md. Standaard twee rondes per jaar per regio en sector (instelbaar); één open ronde tegelijk.',
        body: RondeInvoerSchema,
        response: { 201: RondeSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => reply.status(201).send(await rondeVoorstellen(ctx, actorOf(req), req.body)),
  );

  api.put(
    '/realisatie/herschikkingsrondes/instelling',
    {
      config: { access: { ...RONDE_SCHRIJVEN, rollen: ['manager'] as Rol[], data: 'eigen-organisatie' as const } },
      schema: {
        tags: ['realisatie'],
        summary: 'Aantal herschikkingsrondes per jaar voor het eigen zorgkantoor (standaard 2)',
        body: Type.Object(
          {
            jaar: Type.Integer({ minimum: 2000, maximum: 2100 }),
            rondesPerJaar: Type.Integer({ minimum: 1, maximum: 12 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: InstellingSchema, ...problems(400, 401, 403) },
      },
    },
    async (req) => zetRondesPerJaar(ctx, actorOf(req), req.body.jaar, req.body.rondesPerJaar),
  );

  api.get(
    '/realisatie/herschikkingsrondes/:id',
    {
      config: { access: RONDE_LEZEN },
      schema: {
        tags: ['realisatie'],
        summary: 'Eén herschikkingsronde (een aanbieder ziet alleen de eigen regel, geen pool)',
        params: Id,
        response: { 200: RondeSchema, ...problems(401, 403, 404) },
      },
    },
    async (req) => rondeDetail(ctx, actorOf(req), req.params.id),
  );

  api.put(
    '/realisatie/herschikkingsrondes/:id',
    {
      config: { access: RONDE_SCHRIJVEN },
      schema: {
        tags: ['realisatie'],
        summary: 'Bedragen per aanbieder aanpassen (totaal afspraken + pool gelijk; niemand onder de realisatie)',
        params: Id,
        body: AanpassingSchema,
        response: { 200: RondeSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) => rondeAanpassen(ctx, actorOf(req), req.params.id, req.body),
  );

  api.post(
    '/realisatie/herschikkingsrondes/:id/besluit',
    {
      config: { access: { ...RONDE_SCHRIJVEN, rollen: ['manager'] as Rol[] } },
      schema: {
        tags: ['realisatie'],
        summary:
          'Besluit (vier ogen: een manager die de ronde niet voorbereidde); goedkeuren geeft elke gewijzigde afspraak een nieuwe versie en bericht de aanbieders',
        params: Id,
        body: BesluitSchema,
        response: { 200: RondeSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) => rondeBesluiten(ctx, actorOf(req), req.params.id, req.body),
  );

  api.get(
    '/realisatie/herschikkingsberichten',
    {
      config: {
        access: {
          rollen: ['aanbieder-contractmanager', 'aanbieder-bestuurder'] as Rol[],
          data: 'eigen-organisatie',
          organisaties: ['zorgaanbieder'] as OrganisatieSoort[],
        },
      },
      schema: {
        tags: ['realisatie'],
        summary: 'Berichten aan de eigen organisatie over herschikte productieafspraken',
        querystring: Type.Object({ jaar: Type.Integer({ minimum: 2000, maximum: 2100 }) }),
        response: { 200: BerichtenSchema, ...problems(400, 401, 403) },
      },
    },
    async (req) => berichten(ctx, actorOf(req), req.query.jaar),
  );

  api.get(
    '/realisatie/uitputting',
    {
      config: { access: RONDE_LEZEN },
      schema: {
        tags: ['realisatie'],
        summary:
          'Gepubliceerde uitnutting van de contracteerruimte van een regio (afgesproken, gerealiseerd, prognose, %), zonder bedragen van andere aanbieders',
        querystring: Type.Object({
          jaar: Type.Integer({ minimum: 2000, maximum: 2100 }),
          regio: Type.String({ minLength: 1, maxLength: 10 }),
        }),
        response: { 200: UitputtingSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => uitputtingRegio(ctx, actorOf(req), req.query),
  );
  await nacalculatieRoutes(api, ctx);
}

/** Dutch table for the terminal. */
export function herschikTabel(d: HerschikJson): string {
  const rows = d.afspraken.map((a) => [
    a.aanbieder,
    formatEuroNl(a.voor),
    formatEuroNl(a.na),
    (a.verschil.startsWith('-') || a.verschil === '0.00' ? '' : '+') + formatEuroNl(a.verschil),
  ]);
  const head = ['Aanbieder', 'Afspraak voor', 'Afspraak na', 'Verschil'];
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ');
  return [
    line(head),
    w.map((n) => '-'.repeat(n)).join('  '),
    ...rows.map(line),
    '',
    `Pool: ${formatEuroNl(d.pool.voor)} → ${formatEuroNl(d.pool.na)}`,
    '',
    'Toelichting:',
    ...d.uitleg.map((u) => `  - ${u}`),
  ].join('\n');
}

function nacalculatieTabel(d: ReturnType<typeof berekenNacalculatie>): string {
  const head = ['Aanbieder', 'Afspraak', 'Declarabel', 'Vastgesteld', 'Onbetaald', 'Korting', 'Basis volgend jaar'];
  const rows = d.aanbieders.map((a) => [
    a.aanbieder,
    formatEuroNl(a.afspraak),
    formatEuroNl(a.declarabel),
    formatEuroNl(a.vastgesteld),
    formatEuroNl(a.onbetaald),
    formatEuroNl(a.korting),
    formatEuroNl(a.basisVolgendJaar),
  ]);
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ');
  return [
    line(head),
    w.map((n) => '-'.repeat(n)).join('  '),
    ...rows.map(line),
    '',
    ...d.uitleg,
    '',
    ...d.aanbieders.flatMap((a) => a.uitleg.map((u) => `${a.aanbieder}: ${u}`)),
  ].join('\n');
}

/**
 * A command that reads a JSON scenario and computes without a database. Field errors and unreadable
 * files are wrong usage (exit 2); figures the rule cannot honour exit 1.
 */
async function zonderDatabase<T>(
  cmd: Command,
  bestand: string,
  voorbeeld: string,
  bereken: (raw: unknown) => T | Promise<T>,
  tabel: (d: T) => string,
): Promise<void> {
  const json = !!cmd.optsWithGlobals().json;
  try {
    const out = makeOutput(json);
    if (!fs.existsSync(bestand) || !fs.statSync(bestand).isFile())
      throw badRequest('bestand-ontbreekt', `Scenariobestand ${bestand} bestaat niet.`, {
        fouten: [{ waar: '--scenario', wat: `${bestand} is niet gevonden` }],
        actie: `Geef het pad naar een JSON-bestand, bijv. ${voorbeeld}.`,
      });
    out.result(await bereken(leesScenarioTekst(fs.readFileSync(bestand, 'utf8'), bestand)), tabel);
  } catch (e) {
    const code = isUsageError(e) ? 2 : 1;
    if (json) {
      const body =
        e instanceof AppError
          ? { fout: e.message, code: e.code, fouten: e.fouten, actie: e.actie }
          : { fout: e instanceof Error ? e.message : String(e) };
      process.stdout.write(JSON.stringify(body, null, 2) + '\n');
    }
    process.stderr.write(`Fout: ${formatForTerminal(e)}\n`);
    process.exit(code);
  }
}

export const realisatieCapability: Capability = {
  naam: 'realisatie',
  routes,
  cli(program, cli) {
    const realisatie = program.command('realisatie').description('realisatie: declaraties importeren, rapporten');
    realisatie
      .command('import')
      .description('declaratiebestand (CSV) importeren in één transactie, als taak met voortgang')
      .argument('<bestand>', 'CSV volgens docs/formaten/declaraties.md')
      .requiredOption('--jaar <jaar>', 'jaar van de declaraties', jaarOptie)
      .addOption(
        new Option('--modus <modus>', 'alles-of-niets: niets bij één foute regel; geldige-regels: laad de goede')
          .choices(MODI)
          .default('alles-of-niets'),
      )
      .option('--rapport <pad>', 'schrijf de geweigerde regels (regel;veld;reden) naar dit bestand')
      .action(async (bestand: string, o, cmd) => {
        await cli.run(cmd, async (ctx, out) => {
          if (!fs.existsSync(bestand) || !fs.statSync(bestand).isFile())
            throw badRequest('bestand-ontbreekt', `Bestand ${bestand} bestaat niet.`);
          const bar = out.progress('declaraties');
          const bestandsnaam = path.basename(bestand);
          const id = await ctx.jobs.start(
            'realisatie-import',
            `Declaraties ${bestandsnaam} (${o.jaar})`,
            null,
            { bestandsnaam, jaar: o.jaar, modus: o.modus },
            (progress) =>
              importeerDeclaraties(
                ctx,
                null,
                path.resolve(bestand),
                { jaar: o.jaar, modus: o.modus, bestandsnaam },
                async (f, stap) => {
                  await bar(f, stap);
                  await progress(f, stap);
                },
              ),
          );
          let r: ImportResultaat;
          try {
            r = await ctx.jobs.done<ImportResultaat>(id);
          } finally {
            bar.end();
          }
          if (o.rapport) fs.writeFileSync(o.rapport, await foutenRapport(ctx, null, r.importId));
          if (r.status === 'geweigerd')
            throw new AppError(
              1,
              'declaraties-geweigerd',
              `${bestandsnaam}: ${r.geweigerd} van ${r.regels} regels geweigerd; er is niets ingelezen (modus alles-of-niets).`,
              {
                fouten: r.eersteFouten.map((f) => ({ waar: `regel ${f.regel} (${f.veld})`, wat: f.reden })),
                actie: `Verbeter het bestand en importeer opnieuw, of gebruik --modus geldige-regels. Volledig rapport: zorginkoop realisatie fouten ${r.importId}${o.rapport ? ` (ook in ${o.rapport})` : ''}.`,
              },
            );
          out.result({ taak: id, ...r }, (x: ImportResultaat) =>
            x.status === 'ongewijzigd'
              ? `${bestandsnaam} is al ingelezen (import ${x.importId}); er is niets gewijzigd.`
              : [
                  `${bestandsnaam}: ${x.geladen} van ${x.regels} regels ingelezen, ${x.perioden} perioden bijgewerkt (import ${x.importId}).`,
                  ...(x.geweigerd
                    ? [
                        `${x.geweigerd} regels geweigerd; rapport: zorginkoop realisatie fouten ${x.importId}`,
                        ...x.eersteFouten.map((f) => `  regel ${f.regel} (${f.veld}): ${f.reden}`),
                      ]
                    : []),
                ].join('\n'),
          );
        });
      });
    realisatie
      .command('monitor')
      .description('realisatie tegen afspraak per aanbieder in een regio, met jaarprognose en signaal')
      .requiredOption('--jaar <jaar>', 'jaar', jaarOptie)
      .requiredOption('--regio <code>', 'regiocode, bijv. 5527')
      .option('--tot-maand <maand>', 'maanden 1..N tellen als gerealiseerd', (v: string) => Number(v))
      .action(async (o, cmd) => {
        await cli.run(cmd, async (ctx, out) => {
          const r = await monitor(ctx, null, { jaar: o.jaar, regio: o.regio, totMaand: o.totMaand });
          out.result(r, (d: typeof r) =>
            [
              `Regio ${d.regio}, ${d.jaar}, t/m maand ${d.totMaand}`,
              ...d.aanbieders.map(
                (a) =>
                  `${a.aanbieder.padEnd(24)} ${a.soort.padEnd(22)} afspraak ${formatEuroNl(a.afspraak).padStart(16)}  prognose ${formatEuroNl(a.prognose).padStart(16)}  ${a.afwijking ?? ''}%`,
              ),
            ].join('\n'),
          );
        });
      });
    realisatie
      .command('fouten')
      .description('rapport van de geweigerde regels van een import (CSV: regel;veld;reden)')
      .argument('<importId>')
      .action(async (importId: string, _o, cmd) => {
        await cli.run(cmd, async (ctx, out) => {
          const csv = await foutenRapport(ctx, null, importId);
          if (out.json)
            out.result(
              csv
                .trim()
                .split('\n')
                .slice(1)
                .map((l) => l.split(';')),
            );
          else process.stdout.write(csv);
        });
      });

    program
      .command('herschik')
      .description('bereken een herschikking uit een scenariobestand (JSON); geen database nodig')
      .requiredOption('--scenario <bestand>', 'scenario als JSON (docs/formaten/herschikking.md)')
      .action((o, cmd) =>
        zonderDatabase(cmd, o.scenario, 'examples/herschikking/01-basis.json', berekenHerschikking, herschikTabel),
      );
    program
      .command('nacalculatie')
      .description(
        'bereken de nacalculatie: uit een scenariobestand (--scenario, geen database) of uit de database (--regio en --jaar)',
      )
      .option('--scenario <bestand>', 'scenario als JSON')
      .option('--regio <code>', 'uit de database: regio (met --jaar; berekent, slaat niets op)')
      .option('--jaar <jaar>', 'uit de database: jaar', jaarOptie)
      .option('--sector <sector>', 'uit de database: sector', 'VV')
      .addOption(
        new Option(
          '--regel <regel>',
          'uit de database: overproductieregel (standaard die van het zorgkantoor)',
        ).choices(OVERPRODUCTIE_REGELS),
      )
      .action(async (o, cmd) => {
        if (o.scenario)
          return zonderDatabase(
            cmd,
            o.scenario,
            'examples/nacalculatie/01-tariefkorting.json',
            berekenNacalculatie,
            nacalculatieTabel,
          );
        if (!o.regio || !o.jaar)
          cmd.error('geef --scenario <bestand>, of --regio en --jaar (uit de database)', { exitCode: 2 });
        await cli.run(cmd, async (ctx, out) => {
          const { invoer } = await nacalculatieInvoer(ctx.db, {
            regio: o.regio,
            jaar: o.jaar,
            sector: o.sector,
            regel: o.regel as OverproductieRegel | undefined,
          });
          out.result(nacalculatieJson(berekenNacalculatieDb(invoer)), nacalculatieTabel);
        });
      });
  },
};
