import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDb } from '../../testing.ts';
import { listMigrations, migrate } from './migrate.ts';

test('migrations run on this database (PGlite or PostgreSQL) and are recorded once', async () => {
  // an empty database, not the migrated template the other tests start from
  const t = await createTestDb({ fromScratch: true });
  try {
    const all = listMigrations();
    assert.ok(all.length >= 5);
    const rows = await t.db.query<{ versie: string }>('SELECT versie FROM schema_migratie ORDER BY versie');
    assert.deepEqual(
      rows.map((r) => r.versie),
      all.map((m) => m.versie),
    );
    // Running again applies nothing.
    assert.deepEqual(await migrate(t.db), []);
    // Reference data is there: 32 COD001 codes, 31 in use.
    const r = await t.db.one<{ n: number; actief: number }>(
      'SELECT count(*) AS n, count(*) FILTER (WHERE actief) AS actief FROM regio',
    );
    assert.equal(r.n, 32);
    assert.equal(r.actief, 31);
  } finally {
    await t.close();
  }
});

test('a changed, already applied migration is refused with the file named', async () => {
  const t = await createTestDb();
  try {
    await t.db.query(`UPDATE schema_migratie SET checksum = 'anders' WHERE versie = '0001'`);
    await assert.rejects(() => migrate(t.db), /0001_platform\.sql is gewijzigd/);
  } finally {
    await t.close();
  }
});

test('migration versions are unique and ordered', () => {
  const v = listMigrations().map((m) => m.versie);
  assert.deepEqual(v, [...new Set(v)].sort());
});
