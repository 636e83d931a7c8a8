/** `zorginkoop demo`: loads fictional demo data as a job with a progress bar. */
import { Option } from 'commander';
import type { Capability } from '../platform/capability-type.ts';
import { AppError } from '../platform/errors.ts';
import { demoStatus, loadDemo, type DemoOptions, type DemoResultaat } from './index.ts';

export const demoCapability: Capability = {
  naam: 'demo',
  cli(program, cli) {
    program
      .command('demo')
      .description('laad fictieve demodata, deterministisch uit een seed (eenmalig per database)')
      .option('--seed <n>', 'seed van de generator (geheel getal)', '1')
      .addOption(
        new Option(
          '--schaal <schaal>',
          "regio = de CZ-regio's (~80 aanbieders, ~5.000 cliënten); nationaal = 31 regio's (~2.000 aanbieders, ~300.000 cliënten)",
        )
          .choices(['regio', 'nationaal'])
          .default('regio'),
      )
      .action(async (o, cmd) => {
        await cli.run(cmd, async (ctx, out) => {
          if (!/^-?\d+$/.test(String(o.seed)))
            throw new AppError(1, 'seed-ongeldig', `--seed "${o.seed}" is geen geheel getal.`, {
              actie: 'Gebruik bijv. --seed 1.',
            });
          const opts: DemoOptions = { seed: Number(o.seed), schaal: o.schaal };
          const al = await demoStatus(ctx.db);
          if (al) {
            throw new AppError(
              1,
              'demo-al-geladen',
              `Deze database heeft al demodata (seed ${al.seed}, schaal ${al.schaal}); demodata worden maar één keer geladen.`,
              {
                actie:
                  'Gebruik een lege database: bijv. zorginkoop --data-dir ./.zorginkoop-demo demo --seed 1 --schaal nationaal (of een nieuwe DATABASE_URL).',
              },
            );
          }
          const bar = out.progress(`demodata (${opts.schaal})`);
          const id = await ctx.jobs.start(
            'demo',
            `Demodata laden (seed ${opts.seed}, schaal ${opts.schaal})`,
            null,
            opts,
            (progress) =>
              loadDemo(ctx, opts, async (f, stap) => {
                await bar(f, stap);
                await progress(f, stap);
              }),
          );
          let r: DemoResultaat;
          try {
            r = await ctx.jobs.done<DemoResultaat>(id);
          } finally {
            bar.end();
          }
          out.result({ taak: id, ...r }, (x) =>
            [
              `Demodata geladen in ${x.seconden} s (seed ${x.seed}, schaal ${x.schaal}; fictief).`,
              ...Object.entries(x.rijen).map(([t, n]) => `  ${t.padEnd(18)} ${String(n).padStart(9)}`),
              `  checksum ${x.checksum}`,
            ].join('\n'),
          );
        });
      });
  },
};
