import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDb } from '../testing.ts';
import { JobRunner } from './jobs.ts';

test('a job records progress, result and failure; interrupted jobs are marked at start-up', async () => {
  const t = await createTestDb();
  try {
    const jobs = new JobRunner(t.db);
    const seen: number[] = [];
    jobs.on('progress', (_id, f) => seen.push(f));
    const id = await jobs.start('test', 'test taak', null, { n: 3 }, async (progress) => {
      for (let i = 1; i <= 3; i++) await progress(i / 3, `stap ${i}`);
      return { som: '6.00' };
    });
    assert.deepEqual(await jobs.done(id), { som: '6.00' });
    const row = await jobs.get(id);
    assert.equal(row?.status, 'klaar');
    assert.equal(Number(row?.voortgang), 1);
    assert.deepEqual(
      seen.map((f) => f.toFixed(2)),
      ['0.33', '0.67', '1.00'],
    );

    const bad = await jobs.start('test', 'mislukt', null, {}, async () => {
      throw new Error('regel 3: bedrag ontbreekt');
    });
    await assert.rejects(() => jobs.done(bad), /bedrag ontbreekt/);
    const badRow = await jobs.get(bad);
    assert.equal(badRow?.status, 'mislukt');
    assert.match(badRow?.fout ?? '', /regel 3/);

    await t.db.query(`INSERT INTO taak (soort, omschrijving, status) VALUES ('x','hangend','bezig')`);
    await jobs.markInterrupted();
    const hung = await t.db.one<{ status: string; fout: string }>(
      `SELECT status, fout FROM taak WHERE omschrijving = 'hangend'`,
    );
    assert.equal(hung.status, 'mislukt');
    assert.match(hung.fout, /herstart/);
  } finally {
    await t.close();
  }
});
