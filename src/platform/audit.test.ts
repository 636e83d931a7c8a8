import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDb } from '../testing.ts';
import { appendAudit, verifyAudit, canonicalJson } from './audit.ts';

const actor = { gebruikerId: null, naam: 'test', organisatieId: 'zk-cz' };

test('canonicalJson sorts keys at every level', () => {
  assert.equal(
    canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } }),
    '{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}',
  );
});

test('audit chain: intact after appends, and every kind of tampering is detected', async () => {
  const t = await createTestDb();
  try {
    for (let i = 0; i < 5; i++) {
      await t.db.tx((q) =>
        appendAudit(q, actor, {
          actie: 'test.besluit',
          onderwerpType: 'x',
          onderwerpId: String(i),
          invoer: { i, bedrag: '10.50' },
          resultaat: { ok: true },
          regel: 'r1',
        }),
      );
    }
    const ok = await verifyAudit(t.db);
    assert.equal(ok.ok, true);
    assert.equal(ok.gecontroleerd, 5);

    // Append-only: an ordinary UPDATE or DELETE is refused by the database.
    await assert.rejects(() => t.db.query(`UPDATE audit_regel SET actie = 'x' WHERE volgnummer = 2`), /append-only/);
    await assert.rejects(() => t.db.query(`DELETE FROM audit_regel WHERE volgnummer = 2`), /append-only/);

    // Someone with table-owner rights disables the trigger and changes an input.
    await t.db.exec(`ALTER TABLE audit_regel DISABLE TRIGGER audit_regel_append_only`);
    await t.db.query(`UPDATE audit_regel SET invoer = '{"i":3,"bedrag":"99.50"}' WHERE volgnummer = 4`);
    const changed = await verifyAudit(t.db);
    assert.equal(changed.ok, false);
    assert.equal(changed.fout?.volgnummer, 4);
    assert.match(changed.fout!.reden, /inhoud gewijzigd/);

    // Restore the content, then delete a row in the middle.
    await t.db.query(`UPDATE audit_regel SET invoer = '{"i":3,"bedrag":"10.50"}' WHERE volgnummer = 4`);
    assert.equal((await verifyAudit(t.db)).ok, true);
    await t.db.query(`DELETE FROM audit_regel WHERE volgnummer = 3`);
    const gap = await verifyAudit(t.db);
    assert.equal(gap.ok, false);
    assert.equal(gap.fout?.volgnummer, 3);

    // Truncating the tail is detected against the chain head.
    const t2 = await createTestDb();
    try {
      for (let i = 0; i < 3; i++)
        await t2.db.tx((q) => appendAudit(q, actor, { actie: 'a', onderwerpType: 'x', onderwerpId: String(i) }));
      await t2.db.exec(`ALTER TABLE audit_regel DISABLE TRIGGER audit_regel_append_only`);
      await t2.db.query(`DELETE FROM audit_regel WHERE volgnummer = 3`);
      const tail = await verifyAudit(t2.db);
      assert.equal(tail.ok, false);
      assert.match(tail.fout!.reden, /kop/);
    } finally {
      await t2.close();
    }
  } finally {
    await t.close();
  }
});

test('audit entry rolls back with the decision it belongs to', async () => {
  const t = await createTestDb();
  try {
    await assert.rejects(() =>
      t.db.tx(async (q) => {
        await appendAudit(q, actor, { actie: 'a', onderwerpType: 'x', onderwerpId: '1' });
        throw new Error('besluit mislukt');
      }),
    );
    const n = await t.db.one<{ n: number }>('SELECT count(*) AS n FROM audit_regel');
    assert.equal(n.n, 0);
    assert.equal((await verifyAudit(t.db)).ok, true);
  } finally {
    await t.close();
  }
});
