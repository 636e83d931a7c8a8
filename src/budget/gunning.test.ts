/**
 * Award prices reach the agreements: a provider with a contract (overeenkomst) from an award gets the
 * price inkoop computes for it (gegundePrijzen: basistarief + the opslag granted so far), with the
 * contract named; without a contract 'gunning' is refused and 'tariefbeleid' stays as it was.
 * The award itself is set up as rows (the procedure is tested in src/inkoop/brontrouw.test.ts).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp, type TestClient } from '../testing.ts';

let t: TestApp;
let inkoper: TestClient;
let overeenkomstId: string;
let afspraakId: string;
const AANBIEDER = 'za-demo-0001';
const PRESTATIE = 'VV-Z754-B';

before(async () => {
  t = await createTestApp();
  t.setNow(new Date('2025-09-15T10:00:00Z'));
  inkoper = await t.login('inkoper@cz.demo');
  const zk = await t.db.one<{ organisatie_id: string; id: string }>(
    `SELECT organisatie_id, id FROM gebruiker WHERE email = 'inkoper@cz.demo'`,
  );
  const k = await t.db.one<{ id: string }>(
    `INSERT INTO inkoopkader (organisatie_id, titel, jaar_van, jaar_tot, sector, procedure_type)
     VALUES ($1, 'Voorbeeldkader (test)', 2026, 2027, 'VV', 'dialoog') RETURNING id`,
    [zk.organisatie_id],
  );
  const i = await t.db.one<{ id: string }>(
    'INSERT INTO inschrijving (kader_id, organisatie_id) VALUES ($1, $2) RETURNING id',
    [k.id, AANBIEDER],
  );
  const g = await t.db.one<{ id: string }>(
    `INSERT INTO gunning (inschrijving_id, soort, uitkomst, besloten_op, opslag_pct)
     VALUES ($1, 'definitief', 'tweejarig', now(), 2.00) RETURNING id`,
    [i.id],
  );
  const o = await t.db.one<{ id: string }>(
    `INSERT INTO overeenkomst (inschrijving_id, gunning_id, kader_id, organisatie_id, ingangsdatum, einddatum, status)
     VALUES ($1, $2, $3, $4, '2026-01-01', '2027-12-31', 'geaccepteerd') RETURNING id`,
    [i.id, g.id, k.id, AANBIEDER],
  );
  overeenkomstId = o.id;
  // initieel: basistarief 95% of 200.00 = 190.00, no opslag yet; herschikking: 1.00% granted → 191.90
  await t.db.query(
    `INSERT INTO overeenkomst_prijs (overeenkomst_id, moment, prestatie_code, jaar, nza_max, basistarief_pct, basistarief, opslag_pct, prijs, max_tarief_zk, voorbeeld)
     VALUES ($1, 'initieel', $2, 2026, 200.00, 95.00, 190.00, 0.00, 190.00, 200.00, true),
            ($1, 'herschikking', $2, 2026, 200.00, 95.00, 190.00, 1.00, 191.90, 200.00, true)`,
    [o.id, PRESTATIE],
  );
  await t.db.query(
    `INSERT INTO opslag_toekenning (overeenkomst_id, moment, percentage, cumulatief, toegekend_door, toegekend_op)
     VALUES ($1, 'herschikking', 1.00, 1.00, $2, now())`,
    [o.id, zk.id],
  );
  const cr = await inkoper.post('/api/v1/budget/contracteerruimte', {
    regio: '5526',
    jaar: 2026,
    sector: 'VV',
    totaal: '1000000.00',
  });
  assert.equal(cr.statusCode, 201, cr.body);
});
after(async () => {
  await t.close();
});

test('award → agreement: price = basistarief + granted opslag (190.00 × 1.01 = 191.90), prijsBron gunning with the contract', async () => {
  const r = await inkoper.post('/api/v1/budget/productieafspraken', {
    aanbiederId: AANBIEDER,
    regio: '5526',
    jaar: 2026,
    prestatie: PRESTATIE,
    volume: '100.5',
    prijsBron: 'gunning',
  });
  assert.equal(r.statusCode, 201, r.body);
  const a = r.json();
  assert.equal(a.prijs, '191.90');
  assert.equal(a.bedrag, '19285.95'); // 191.90 × 100.5
  assert.equal(a.prijsBron, 'gunning');
  assert.equal(a.overeenkomstId, overeenkomstId);
  assert.match(a.versies[0].prijsToelichting, /basistarief 190\.00.*opslag 1\.00%.*= 191\.90/);
  assert.equal(a.versies[0].overeenkomstId, overeenkomstId);
  afspraakId = a.id;
});

test('tariefbeleid: the award price wins when the provider has one for the prestatie × year', async () => {
  const w = await inkoper.put(`/api/v1/budget/productieafspraken/${afspraakId}`, {
    volume: '10',
    prijsBron: 'tariefbeleid',
  });
  assert.equal(w.statusCode, 200, w.body);
  assert.equal(w.json().prijs, '191.90');
  assert.equal(w.json().bedrag, '1919.00');
  assert.equal(w.json().prijsBron, 'gunning');
});

test('gunning without a contract for that provider is refused naming the prestatie; nothing stored', async () => {
  const r = await inkoper.post('/api/v1/budget/productieafspraken', {
    aanbiederId: 'za-demo-0002',
    regio: '5526',
    jaar: 2026,
    prestatie: PRESTATIE,
    volume: '10',
    prijsBron: 'gunning',
  });
  assert.equal(r.statusCode, 422, r.body);
  assert.equal(r.json().fouten[0].waar, 'prestatie');
  assert.match(r.json().fouten[0].wat, /geen overeenkomst uit een gunning/);
  const lijst = (await inkoper.get('/api/v1/budget/productieafspraken?jaar=2026&regio=5526')).json();
  assert.ok(!JSON.stringify(lijst).includes('za-demo-0002'));
});
