/** Realisatie: routes under /api/v1/realisatie and the `zorginkoop herschik` command. */
import fs from 'node:fs';
import type { Capability } from '../capabilities.ts';
import type { Api } from '../platform/http/app.ts';
import type { AppContext } from '../platform/context.ts';
import { problems } from '../platform/capability.ts';
import { makeOutput } from '../platform/cli/index.ts';
import { badRequest, formatForTerminal, AppError } from '../platform/errors.ts';
import { formatEuroNl } from '../domain/money.ts';
import { HerschikScenarioSchema, HerschikUitkomstSchema } from './schemas.ts';
import { berekenHerschikking, isUsageError, leesScenarioTekst } from './service.ts';
import type { HerschikJson } from '../domain/realisatie/herschikking.ts';

async function routes(api: Api, _ctx: AppContext) {
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

export const realisatieCapability: Capability = {
  naam: 'realisatie',
  routes,
  cli(program) {
    program
      .command('herschik')
      .description('bereken een herschikking uit een scenariobestand (JSON); geen database nodig')
      .requiredOption('--scenario <bestand>', 'scenario als JSON (docs/formaten/herschikking.md)')
      .action(async (o, cmd) => {
        const json = !!cmd.optsWithGlobals().json;
        try {
          const out = makeOutput(json);
          {
            if (!fs.existsSync(o.scenario) || !fs.statSync(o.scenario).isFile())
              throw badRequest('bestand-ontbreekt', `Scenariobestand ${o.scenario} bestaat niet.`, {
                fouten: [{ waar: '--scenario', wat: `${o.scenario} is niet gevonden` }],
                actie: 'Geef het pad naar een JSON-bestand, bijv. examples/herschikking/01-basis.json.',
              });
            const raw = leesScenarioTekst(fs.readFileSync(o.scenario, 'utf8'), o.scenario);
            out.result(berekenHerschikking(raw), herschikTabel);
          }
        } catch (e) {
          // Field errors and unreadable files are wrong usage: exit 2. Impossible figures: exit 1.
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
      });
  },
};
