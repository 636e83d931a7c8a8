import type { Config } from './config.ts';
import type { Db } from './db/index.ts';
import type { JobRunner } from './jobs.ts';

/** What every capability receives: the database, configuration, the job runner and the clock. */
export interface AppContext {
  db: Db;
  config: Config;
  jobs: JobRunner;
  /** the server clock; tests replace it to move past deadlines */
  now: () => Date;
}
