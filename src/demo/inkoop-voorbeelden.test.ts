/** The demo's example procedures: created once, through the services, open for the demo provider. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp } from '../testing.ts';
import { ensureInkoopVoorbeelden } from './inkoop-voorbeelden.ts';

test('example procedures: one per kind, published, in the phase a demo user can work in; created only once', async (t) => {
  const app = await createTestApp();
  t.after(() => app.close());
  app.setNow(new Date('2026-11-23T09:00:00Z'));
  assert.equal(await ensureInkoopVoorbeelden(app.ctx), true);
  assert.equal(await ensureInkoopVoorbeelden(app.ctx), false, 'a second start creates nothing');
  const rows = await app.db.query<any>(
    'SELECT titel, procedure_type, fase, jaar_van, jaar_tot FROM inkoopkader ORDER BY procedure_type',
  );
  assert.deepEqual(
    rows.map((r) => [r.procedure_type, r.fase, r.jaar_van, r.jaar_tot]),
    [
      ['best_value', 'vragenronde', 2027, 2029],
      ['dialoog', 'vragenronde', 2027, 2027],
      ['open_house', 'toelating_doorlopend', 2027, 2027],
    ],
  );
  assert.ok(rows.every((r) => r.titel.startsWith('Voorbeeld – ')));
  // Themes belong to a sector: the dialogue example uses the template's GZ themes, so it is a GZ kader.
  const dialoog = await app.db.one<{ id: string; sector: string }>(
    `SELECT id, sector FROM inkoopkader WHERE procedure_type = 'dialoog'`,
  );
  assert.equal(dialoog.sector, 'GZ');
  const inkoper = await app.login('inkoper@cz.demo');
  const th = (await inkoper.get(`/api/v1/inkoop/kaders/${dialoog.id}/themas`)).json();
  assert.equal(th.themas.length, 8);
  assert.ok(th.themas.every((x: any) => x.sector === 'GZ' && /Inkoopkader Langdurige Zorg 2016 \(GZ\)/.test(x.bron)));

  // The provider sees all three as open procedures, with its draft on the dialogue procedure.
  const za = await app.login('contractmanager@zonnehof.demo');
  const lijst = await za.get('/api/v1/inkoop/kaders');
  assert.equal(lijst.statusCode, 200);
  const titels = lijst.json().map((k: any) => k.titel);
  for (const r of rows) assert.ok(titels.includes(r.titel), `${r.titel} zichtbaar voor de aanbieder`);
  const concept = await app.db.one<{ n: number }>(
    `SELECT count(*) AS n FROM inschrijving WHERE organisatie_id = 'za-demo-0001' AND status = 'concept'`,
  );
  assert.equal(Number(concept.n), 1);
  // Created through the services: audited.
  const audit = await app.db.one<{ n: number }>(
    `SELECT count(*) AS n FROM audit_regel WHERE actie = 'inkoop.kader.aangemaakt'`,
  );
  assert.equal(Number(audit.n), 3);
});
