/** Bringing a database to the current version: migrations, then the shipped reference data. */
import type { Db } from './platform/db/index.ts';
import { migrate } from './platform/db/migrate.ts';
import { ensureReference } from './reference/index.ts';

export async function prepareDatabase(db: Db): Promise<string[]> {
  const applied = await migrate(db);
  await db.tx((t) => ensureReference(t));
  return applied;
}
