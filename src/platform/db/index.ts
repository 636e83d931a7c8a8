/**
 * One database interface over two drivers: the embedded PGlite (default, persisted to a data
 * directory) and a PostgreSQL server (when DATABASE_URL is set). All SQL is PostgreSQL dialect
 * and runs unchanged on both. Value conventions, the same on both drivers:
 *   numeric → string (exact; parse with Decimal), int8/count → number, date → 'YYYY-MM-DD',
 *   timestamptz → Date, jsonb → object.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors.ts';

export type Row = Record<string, any>;

export interface Queryable {
  query<T = Row>(text: string, params?: unknown[]): Promise<T[]>;
  /** exactly one row, else throws */
  one<T = Row>(text: string, params?: unknown[]): Promise<T>;
  maybeOne<T = Row>(text: string, params?: unknown[]): Promise<T | undefined>;
  /** multi-statement SQL without parameters (migrations) */
  exec(sql: string): Promise<void>;
  /** bulk load rows (COPY on both drivers); values are written as CSV text */
  copyInto(table: string, columns: string[], rows: Iterable<unknown[]>): Promise<number>;
  /**
   * bulk load text already in PostgreSQL's COPY text format (tab between columns, \\N for null,
   * backslash escapes, one row per line): no intermediate row objects, for the hot path of an import
   */
  copyText(table: string, columns: string[], text: string): Promise<void>;
  /**
   * bulk load CSV bytes as they are (no quoting in them is interpreted differently from COPY's csv
   * format): `chunks` must each end at a line end. Streams; one chunk in memory at a time.
   */
  copyCsv(table: string, columns: string[], delimiter: string, chunks: AsyncIterable<Uint8Array>): Promise<void>;
}

const copyCsvSql = (table: string, columns: string[], delimiter: string, bron: string) =>
  `COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(',')}) FROM ${bron} WITH (FORMAT csv, DELIMITER E'${
    delimiter === '\t' ? '\\t' : delimiter.replace(/['\\]/g, '\\$&')
  }')`;

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** one transaction; everything inside commits or nothing does */
  tx<T>(fn: (t: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** PGlite only: the whole data directory as an uncompressed tarball (tests build a template from it) */
  dumpDataDir?(): Promise<Blob>;
}

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  let s: string;
  if (v instanceof Date) s = v.toISOString();
  else if (typeof v === 'object') s = JSON.stringify(v);
  else s = String(v);
  if (s === '' || /[",\n\r]/.test(s)) return '"' + s.replace(/"/g, '""') + '"';
  return s;
}

export function* toCsvChunks(rows: Iterable<unknown[]>, chunkRows = 5000): Generator<string> {
  let buf: string[] = [];
  for (const r of rows) {
    buf.push(r.map(csvCell).join(','));
    if (buf.length >= chunkRows) {
      yield buf.join('\n') + '\n';
      buf = [];
    }
  }
  if (buf.length) yield buf.join('\n') + '\n';
}

const quoteIdent = (s: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(s)) throw new Error(`ongeldige identifier ${s}`);
  return s;
};

function withHelpers(raw: (text: string, params?: unknown[]) => Promise<Row[]>) {
  return {
    query: raw as Queryable['query'],
    async one<T>(text: string, params?: unknown[]) {
      const rows = await raw(text, params);
      if (rows.length !== 1) throw new Error(`expected one row, got ${rows.length}: ${text.slice(0, 80)}`);
      return rows[0] as T;
    },
    async maybeOne<T>(text: string, params?: unknown[]) {
      const rows = await raw(text, params);
      return rows[0] as T | undefined;
    },
  };
}

// ---------------------------------------------------------------- PGlite
async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<Db> {
  const { PGlite, types } = await import('@electric-sql/pglite');
  const parsers = {
    [types.DATE]: (v: string) => v,
    [types.INT8]: (v: string) => Number(v),
    [types.NUMERIC]: (v: string) => v,
  };
  let pg: InstanceType<typeof PGlite>;
  try {
    pg = new PGlite({ ...(dataDir ? { dataDir } : {}), ...(loadDataDir ? { loadDataDir } : {}), parsers });
    await pg.waitReady;
  } catch (e) {
    throw new AppError(
      500,
      'database-niet-te-openen',
      `De ingebouwde database in ${dataDir ?? '(geheugen)'} kon niet worden geopend: ${(e as Error).message}`,
      { actie: 'Controleer of de map leesbaar en schrijfbaar is, of kies een andere met --data-dir.' },
    );
  }
  const mk = (q: {
    query: (t: string, p?: unknown[], o?: any) => Promise<{ rows: any[] }>;
    exec: (s: string) => Promise<unknown>;
  }): Queryable => {
    const raw = async (text: string, params?: unknown[]) => (await q.query(text, params as any[])).rows as Row[];
    return {
      ...withHelpers(raw),
      async exec(sql: string) {
        await q.exec(sql);
      },
      async copyInto(table, columns, rows) {
        let n = 0;
        for (const chunk of toCsvChunks(rows)) {
          n += chunk.split('\n').length - 1;
          await q.query(
            `COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(',')}) FROM '/dev/blob' WITH (FORMAT csv)`,
            [],
            { blob: new Blob([chunk]) },
          );
        }
        return n;
      },
      async copyText(table, columns, text) {
        if (!text) return;
        await q.query(`COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(',')}) FROM '/dev/blob'`, [], {
          blob: new Blob([text]),
        });
      },
      async copyCsv(table, columns, delimiter, chunks) {
        const sql = copyCsvSql(table, columns, delimiter, `'/dev/blob'`);
        for await (const chunk of chunks)
          if (chunk.byteLength) await q.query(sql, [], { blob: new Blob([chunk as Uint8Array<ArrayBuffer>]) });
      },
    };
  };
  const base = mk(pg as any);
  let chain: Promise<unknown> = Promise.resolve();
  return {
    kind: 'pglite',
    ...base,
    // PGlite has one connection: transactions are serialised so they never interleave.
    tx<T>(fn: (t: Queryable) => Promise<T>): Promise<T> {
      const run = chain.then(() => pg.transaction((t) => fn(mk(t as any))));
      chain = run.catch(() => undefined);
      return run as Promise<T>;
    },
    async close() {
      await pg.close();
    },
    async dumpDataDir() {
      return pg.dumpDataDir('none');
    },
  };
}

// ---------------------------------------------------------------- PostgreSQL server
async function openPostgres(url: string): Promise<Db> {
  const pgmod = await import('pg');
  const pgLib = (pgmod as any).default ?? pgmod;
  const { from: copyFrom } = await import('pg-copy-streams');
  const { pipeline } = await import('node:stream/promises');
  const { Readable } = await import('node:stream');
  const typeParsers = {
    getTypeParser(oid: number, format?: any) {
      if (oid === 1082) return (v: string) => v; // date
      if (oid === 20) return (v: string) => Number(v); // int8
      return pgLib.types.getTypeParser(oid, format);
    },
  };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new AppError(500, 'database-url-ongeldig', `DATABASE_URL is geen geldige URL.`, {
      actie: 'Gebruik de vorm postgres://gebruiker@host:5432/database.',
    });
  }
  if (!/^postgres(ql)?:$/.test(parsed.protocol)) {
    throw new AppError(
      500,
      'database-url-ongeldig',
      `DATABASE_URL moet met postgres:// of postgresql:// beginnen (nu: ${parsed.protocol}//).`,
      {
        actie: 'Gebruik de vorm postgres://gebruiker@host:5432/database.',
      },
    );
  }
  const pool = new pgLib.Pool({ connectionString: url, types: typeParsers, max: 10, connectionTimeoutMillis: 5000 });
  pool.on('error', () => {
    /* idle client errors are reported on next use */
  });
  try {
    const c = await pool.connect();
    c.release();
  } catch (e) {
    await pool.end().catch(() => undefined);
    const safe = `${parsed.protocol}//${parsed.username ? parsed.username + '@' : ''}${parsed.host}${parsed.pathname}`;
    throw new AppError(
      500,
      'database-onbereikbaar',
      `Kan niet verbinden met de PostgreSQL-server ${safe}: ${(e as Error).message}`,
      {
        actie:
          'Controleer DATABASE_URL (host, poort, database, gebruiker) en of de server draait; laat DATABASE_URL weg om de ingebouwde database te gebruiken.',
      },
    );
  }
  const mk = (client: { query: (t: string, p?: unknown[]) => Promise<{ rows: any[] }> }, conn?: any): Queryable => {
    const raw = async (text: string, params?: unknown[]) => (await client.query(text, params as any[])).rows as Row[];
    /** COPY needs one connection: the transaction's, else one from the pool for the duration. */
    const opVerbinding = async <T>(run: (c: any) => Promise<T>): Promise<T> => {
      if (conn) return run(conn);
      const c = await pool.connect();
      try {
        return await run(c);
      } finally {
        c.release();
      }
    };
    return {
      ...withHelpers(raw),
      async exec(sql: string) {
        await client.query(sql);
      },
      async copyInto(table, columns, rows) {
        const run = async (c: any) => {
          let n = 0;
          const chunks = toCsvChunks(rows);
          const counted = (function* () {
            for (const ch of chunks) {
              n += ch.split('\n').length - 1;
              yield ch;
            }
          })();
          await pipeline(
            Readable.from(counted),
            c.query(
              copyFrom(`COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(',')}) FROM STDIN WITH (FORMAT csv)`),
            ),
          );
          return n;
        };
        return opVerbinding(run);
      },
      async copyText(table, columns, text) {
        if (!text) return;
        const run = async (c: any): Promise<void> => {
          await pipeline(
            Readable.from([text]),
            c.query(copyFrom(`COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(',')}) FROM STDIN`)),
          );
        };
        return opVerbinding(run);
      },
      async copyCsv(table, columns, delimiter, chunks) {
        const run = async (c: any): Promise<void> => {
          await pipeline(Readable.from(chunks), c.query(copyFrom(copyCsvSql(table, columns, delimiter, 'STDIN'))));
        };
        return opVerbinding(run);
      },
    };
  };
  return {
    kind: 'postgres',
    ...mk(pool),
    async tx<T>(fn: (t: Queryable) => Promise<T>): Promise<T> {
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        const r = await fn(mk(c, c));
        await c.query('COMMIT');
        return r;
      } catch (e) {
        await c.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        c.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}

/** Guards the embedded data directory against a second process opening it at the same time. */
function lockDataDir(dataDir: string): () => void {
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.accessSync(dataDir, fs.constants.R_OK | fs.constants.W_OK);
  } catch (e) {
    throw new AppError(
      500,
      'datamap-onbruikbaar',
      `De datamap ${dataDir} is niet te gebruiken: ${(e as Error).message}`,
      {
        actie: 'Geef een map op waarin u mag lezen en schrijven, met --data-dir of ZORGINKOOP_DATA_DIR.',
      },
    );
  }
  const lock = path.join(dataDir, 'zorginkoop.pid');
  try {
    const pid = Number(fs.readFileSync(lock, 'utf8'));
    if (pid && pid !== process.pid) {
      let alive = true;
      try {
        process.kill(pid, 0);
      } catch {
        alive = false;
      }
      if (alive)
        throw new AppError(500, 'datamap-in-gebruik', `De datamap ${dataDir} is in gebruik door proces ${pid}.`, {
          actie:
            'Stop dat proces (bijv. de draaiende server) of gebruik een andere --data-dir. Met een PostgreSQL-server (DATABASE_URL) kunnen server en CLI tegelijk werken.',
        });
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
  }
  fs.writeFileSync(lock, String(process.pid));
  return () => {
    try {
      if (fs.readFileSync(lock, 'utf8') === String(process.pid)) fs.unlinkSync(lock);
    } catch {
      /* gone */
    }
  };
}

export interface OpenDbOptions {
  databaseUrl?: string;
  /** PGlite data directory; undefined = in memory */
  dataDir?: string;
  /**
   * PGlite only: start a new database from this tarball of a data directory (made by dumpDataDir)
   * instead of an empty one. The test support uses it for a migrated template; the product does not.
   */
  loadDataDir?: Blob;
}

export async function openDb(opts: OpenDbOptions): Promise<Db> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  if (!opts.dataDir) return openPglite(undefined, opts.loadDataDir);
  const unlock = lockDataDir(opts.dataDir);
  try {
    const db = await openPglite(path.join(opts.dataDir, 'pgdata'), opts.loadDataDir);
    const close = db.close;
    return {
      ...db,
      async close() {
        await close();
        unlock();
      },
    };
  } catch (e) {
    unlock();
    throw e;
  }
}
