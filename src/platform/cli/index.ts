/**
 * CLI plumbing shared by every command: opening the database, `--json` output, exit codes
 * (0 success, 1 error with a clear message, 2 wrong usage) and a progress bar for long work.
 */
import { InvalidArgumentError, type Command } from 'commander';
import { loadConfig, type Config } from '../config.ts';
import { openDb } from '../db/index.ts';
import { migrate } from '../db/migrate.ts';
import type { Db } from '../db/index.ts';
import { JobRunner, type Progress } from '../jobs.ts';
import type { AppContext } from '../context.ts';
import { AppError, formatForTerminal } from '../errors.ts';

export interface Output {
  json: boolean;
  /** prints the result: JSON with --json, else the human text */
  result(data: unknown, human?: (d: any) => string): void;
  info(msg: string): void;
  /** a progress bar on stderr (silent with --json) */
  progress(label: string): Progress & { end(): void };
}

export interface GlobalOptions {
  dataDir?: string;
  json?: boolean;
}

export interface CliContext {
  /** opens the database (migrated), runs fn, closes; errors become a message and exit code 1 */
  run(cmd: Command, fn: (ctx: AppContext, out: Output) => Promise<unknown>): Promise<void>;
  /** same, without a database */
  runPlain(cmd: Command, fn: (out: Output, opts: GlobalOptions) => Promise<unknown>): Promise<void>;
  config(cmd: Command): Config;
}

export function makeOutput(json: boolean): Output {
  return {
    json,
    result(data, human) {
      if (json) process.stdout.write(JSON.stringify(data, null, 2) + '\n');
      else
        process.stdout.write(
          (human ? human(data) : typeof data === 'string' ? data : JSON.stringify(data, null, 2)) + '\n',
        );
    },
    info(msg) {
      if (!json) process.stderr.write(msg + '\n');
    },
    progress(label) {
      const tty = process.stderr.isTTY;
      let lastPct = -1;
      const fn = (async (fraction: number, stap?: string) => {
        if (json) return;
        const pct = Math.floor(fraction * 100);
        if (pct === lastPct) return;
        lastPct = pct;
        const width = 30;
        const filled = Math.round((pct / 100) * width);
        const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
        const line = `${label} [${bar}] ${String(pct).padStart(3)}%${stap ? ' ' + stap : ''}`;
        if (tty) process.stderr.write('\r' + line.padEnd(100).slice(0, 100));
        else if (pct % 10 === 0) process.stderr.write(line + '\n');
      }) as Progress & { end(): void };
      fn.end = () => {
        if (!json && tty) process.stderr.write('\n');
      };
      return fn;
    },
  };
}

function globals(cmd: Command): GlobalOptions {
  return cmd.optsWithGlobals() as GlobalOptions;
}

export function fail(err: unknown, json: boolean): never {
  if (json) {
    const body =
      err instanceof AppError
        ? { fout: err.message, code: err.code, fouten: err.fouten, actie: err.actie }
        : { fout: err instanceof Error ? err.message : String(err) };
    process.stdout.write(JSON.stringify(body, null, 2) + '\n');
  }
  process.stderr.write(`Fout: ${formatForTerminal(err)}\n`);
  if (process.env.ZORGINKOOP_DEBUG && err instanceof Error) process.stderr.write((err.stack ?? '') + '\n');
  process.exit(1);
}

/** The composition root replaces this with migrations + reference data (src/setup.ts). */
let prepare: (db: Db) => Promise<unknown> = migrate;
export function setPrepare(fn: (db: Db) => Promise<unknown>) {
  prepare = fn;
}

export const cliContext: CliContext = {
  config(cmd) {
    const g = globals(cmd);
    return loadConfig(
      g.dataDir ? { dataDir: g.dataDir.startsWith('/') ? g.dataDir : process.cwd() + '/' + g.dataDir } : {},
    );
  },
  async run(cmd, fn) {
    const g = globals(cmd);
    const out = makeOutput(!!g.json);
    let ctx: AppContext | undefined;
    try {
      const config = this.config(cmd);
      const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      ctx = { db, config, jobs: new JobRunner(db), now: () => new Date() };
      await prepare(db);
      await fn(ctx, out);
      await ctx.jobs.idle();
      await db.close();
    } catch (e) {
      await ctx?.db.close().catch(() => undefined);
      fail(e, out.json);
    }
  },
  async runPlain(cmd, fn) {
    const g = globals(cmd);
    const out = makeOutput(!!g.json);
    try {
      await fn(out, g);
    } catch (e) {
      fail(e, out.json);
    }
  },
};

/**
 * The parser of every `--jaar <jaar>` option: a four-digit year from 2000 to 2100 as an integer.
 * Anything else is wrong usage: commander prints the message and the CLI exits 2.
 */
export function jaarOptie(v: string): number {
  const n = Number(v);
  if (!/^\d{4}$/.test(v) || n < 2000 || n > 2100)
    throw new InvalidArgumentError('geef een jaartal van vier cijfers tussen 2000 en 2100, bijv. 2026');
  return n;
}

/**
 * A command group several capabilities add subcommands to (e.g. `inkoop`): the existing group of
 * that name, or a new one with this description. Whoever registers first sets the description.
 */
export function commandGroup(program: Command, name: string, description: string): Command {
  return program.commands.find((c) => c.name() === name) ?? program.command(name).description(description);
}
