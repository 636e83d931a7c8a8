/**
 * `zorginkoop` — the command line. Global options: --data-dir, --json. Exit codes: 0 success,
 * 1 error (with a message that says what to do), 2 wrong usage.
 */
import { Command, CommanderError, Option } from 'commander';
import { capabilities } from './capabilities.ts';
import { cliContext, fail, setPrepare } from './platform/cli/index.ts';
import { prepareDatabase } from './setup.ts';
import { startServer } from './server.ts';

export function buildProgram(): Command {
  setPrepare(prepareDatabase);
  const program = new Command('zorginkoop')
    .description('Zorginkoop Wlz — inkoop, tarieven, budget en verantwoording van Wlz-zorg')
    .option('--data-dir <map>', 'map van de ingebouwde database (standaard ./.zorginkoop; genegeerd met DATABASE_URL)')
    .option('--json', "uitvoer als JSON voor programma's")
    .showHelpAfterError('(gebruik --help voor de opties)')
    .exitOverride();

  program
    .command('start')
    .description('start de webapp en API (database aanmaken, migreren, demodata laden)')
    .addOption(new Option('--port <poort>', 'poort').env('PORT'))
    .option('--host <host>', 'adres om op te luisteren', process.env.HOST ?? '127.0.0.1')
    .option('--geen-demo', 'laad geen demodata bij een lege database')
    .action(async (opts, cmd) => {
      const json = !!cmd.optsWithGlobals().json;
      try {
        const config = cliContext.config(cmd);
        if (opts.port !== undefined) config.port = Number(opts.port);
        config.host = opts.host;
        await startServer(config, { demo: !opts.geenDemo, log: (m) => process.stdout.write(m + '\n') });
      } catch (e) {
        fail(e, json);
      }
    });

  program
    .command('openapi')
    .description('schrijf of controleer het OpenAPI-document (docs/openapi.json)')
    .option('--write', 'schrijf docs/openapi.json')
    .option('--check', 'exit 1 als docs/openapi.json afwijkt van de code')
    .action(async (o, cmd) => {
      await cliContext.runPlain(cmd, async (out) => {
        const { generateOpenApi, OPENAPI_FILE } = await import('./platform/http/openapi.ts');
        const fs = await import('node:fs');
        const text = await generateOpenApi(capabilities);
        if (o.write) {
          fs.writeFileSync(OPENAPI_FILE, text);
          out.result({ geschreven: OPENAPI_FILE }, () => `Geschreven: ${OPENAPI_FILE}`);
          return;
        }
        if (o.check) {
          const current = fs.existsSync(OPENAPI_FILE) ? fs.readFileSync(OPENAPI_FILE, 'utf8') : '';
          if (current !== text)
            throw new Error(
              'docs/openapi.json wijkt af van de routes in de code. Voer `npm run openapi` uit en commit het resultaat.',
            );
          out.result({ actueel: true }, () => 'docs/openapi.json is actueel.');
          return;
        }
        process.stdout.write(text);
      });
    });

  for (const c of capabilities) c.cli?.(program, cliContext);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  program.configureOutput({ writeErr: (s) => process.stderr.write(s) });
  for (const sub of program.commands) sub.exitOverride();
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help')
        process.exit(0);
      process.exit(2);
    }
    fail(e, argv.includes('--json'));
  }
}
