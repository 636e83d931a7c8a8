/**
 * Long work (imports, demo data, allocations, reports) runs as a Taak: a row in the database
 * with status and progress, so the web app and the CLI can both show it while it runs.
 */
import { EventEmitter } from 'node:events';
import type { Db } from './db/index.ts';
import type { Actor } from './auth/roles.ts';

export interface Progress {
  /** fraction 0..1 and the step being worked on */
  (fraction: number, stap?: string): Promise<void>;
}

export interface TaakRow {
  id: string;
  soort: string;
  omschrijving: string;
  status: 'wachtend' | 'bezig' | 'klaar' | 'mislukt';
  voortgang: string;
  stap: string | null;
  resultaat: unknown;
  fout: string | null;
  aangemaakt_op: Date;
  gestart_op: Date | null;
  klaar_op: Date | null;
  organisatie_id: string | null;
}

export class JobRunner extends EventEmitter {
  private running = new Map<string, Promise<unknown>>();
  constructor(private db: Db) {
    super();
  }

  /** Starts the work and returns the taak id at once; `done(id)` awaits the result. */
  async start<T>(
    soort: string,
    omschrijving: string,
    actor: Pick<Actor, 'gebruikerId' | 'organisatieId'> | null,
    invoer: unknown,
    work: (progress: Progress) => Promise<T>,
  ): Promise<string> {
    const row = await this.db.one<{ id: string }>(
      `INSERT INTO taak (soort, omschrijving, status, invoer, gebruiker_id, organisatie_id) VALUES ($1,$2,'wachtend',$3,$4,$5) RETURNING id`,
      [soort, omschrijving, JSON.stringify(invoer ?? {}), actor?.gebruikerId ?? null, actor?.organisatieId ?? null],
    );
    const id = row.id;
    let last = 0;
    const progress: Progress = async (fraction, stap) => {
      const f = Math.max(0, Math.min(1, fraction));
      this.emit('progress', id, f, stap);
      const now = Date.now();
      if (now - last < 250 && f < 1) return; // throttle writes, never the events
      last = now;
      await this.db.query('UPDATE taak SET voortgang = $2, stap = coalesce($3, stap) WHERE id = $1', [
        id,
        f.toFixed(4),
        stap ?? null,
      ]);
    };
    const p = (async () => {
      await this.db.query(`UPDATE taak SET status = 'bezig', gestart_op = now() WHERE id = $1`, [id]);
      try {
        const result = await work(progress);
        await this.db.query(
          `UPDATE taak SET status = 'klaar', voortgang = 1, resultaat = $2, klaar_op = now() WHERE id = $1`,
          [id, JSON.stringify(result ?? null)],
        );
        this.emit('done', id, result);
        return result;
      } catch (e) {
        const msg = e instanceof Error ? e.message : String(e);
        await this.db
          .query(`UPDATE taak SET status = 'mislukt', fout = $2, klaar_op = now() WHERE id = $1`, [id, msg])
          .catch(() => undefined);
        this.emit('failed', id, e);
        throw e;
      } finally {
        this.running.delete(id);
      }
    })();
    p.catch(() => undefined);
    this.running.set(id, p);
    return id;
  }

  /** Resolves with the work's result, or rejects with its error. */
  async done<T = unknown>(id: string): Promise<T> {
    const p = this.running.get(id);
    if (p) return (await p) as T;
    const r = await this.get(id);
    if (!r) throw new Error(`taak ${id} bestaat niet`);
    if (r.status === 'mislukt') throw new Error(r.fout ?? 'mislukt');
    return r.resultaat as T;
  }

  async get(id: string): Promise<TaakRow | undefined> {
    return this.db.maybeOne<TaakRow>('SELECT * FROM taak WHERE id = $1', [id]);
  }

  /** At start-up: work that was running when the process stopped will not finish; say so. */
  async markInterrupted(): Promise<void> {
    await this.db
      .query(`UPDATE taak SET status = 'mislukt', fout = 'Onderbroken: de server is herstart terwijl deze taak liep. Start de taak opnieuw.', klaar_op = now()
      WHERE status IN ('wachtend','bezig')`);
  }

  /** Waits for all running work (used at shutdown). */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.running.values()]);
  }
}
