// The opslag at the nacalculatie taken from the contract, through the API on the real database (PGlite,
// or PostgreSQL with DATABASE_URL): the award grants 2.00 % opslag on a basistarief of 150.00, so the
// agreed price is 153.00. The judgement needs no percentage (it comes from the contract, bron
// overeenkomst) and refuses another one; withheld, the nacalculatie pays exactly the opslag share less
// (137,700.00 declared at 153.00 → 135,000.00 at basistarief, 2,700.00 withheld), shown with and
// without the opslag; granted, the full amount.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp, type TestClient } from '../testing.ts';
import { parseCenten, formatCenten } from '../domain/realisatie/centen.ts';

let t: TestApp;
let inkoper: TestClient, controller: TestClient, manager: TestClient, zonnehof: TestClient;
const JAAR = 2026;
const REGIO = '5526';
const PRESTATIE = 'VV-Z754-B';
const A = 'za-demo-0001'; // Zonnehof: an award contract with 2.00 % opslag
const c = (s: string) => parseCenten(s)!;

before(async () => {
  t = await createTestApp();
  t.setNow(new Date('2026-07-15T10:00:00Z'));
  [inkoper, controller, manager, zonnehof] = await Promise.all(
    ['inkoper@cz.demo', 'controller@cz.demo', 'manager@cz.demo', 'contractmanager@zonnehof.demo'].map((e) =>
      t.login(e),
    ),
  );
  const zk = await t.db.one<{ organisatie_id: string; id: string }>(
    `SELECT organisatie_id, id FROM gebruiker WHERE email = 'inkoper@cz.demo'`,
  );
  let n = await t.db.maybeOne<{ tarief: string }>(
    'SELECT tarief::text FROM nza_tarief WHERE prestatie_code = $1 AND jaar = $2',
    [PRESTATIE, JAAR],
  );
  if (!n) {
    const imp = await t.db.one<{ id: string }>(
      `INSERT INTO nza_tarief_import (bestandsnaam, sha256, jaar, regels, voorbeeld, bron) VALUES ('test.csv', 'test', $1, 1, true, 'test') RETURNING id`,
      [JAAR],
    );
    await t.db.query(`INSERT INTO nza_tarief (import_id, jaar, prestatie_code, tarief) VALUES ($1, $2, $3, 200.00)`, [
      imp.id,
      JAAR,
      PRESTATIE,
    ]);
    n = { tarief: '200.00' };
  }
  assert.ok(c(n.tarief) >= c('153.00'), `the NZa maximum ${n.tarief} allows the example price`);
  // example contract: awarded with 2.00 % opslag, basistarief 150.00, price 153.00, opslag granted initially
  const k = await t.db.one<{ id: string }>(
    `INSERT INTO inkoopkader (organisatie_id, titel, jaar_van, jaar_tot, sector, procedure_type, regionale_paragraaf)
     VALUES ($1, 'Kader met opslag (test)', $2, $2, 'VV', 'dialoog', $3) RETURNING id`,
    [zk.organisatie_id, JAAR, JSON.stringify({ opslagMomenten: ['initieel', 'nacalculatie'] })],
  );
  const i = await t.db.one<{ id: string }>(
    'INSERT INTO inschrijving (kader_id, organisatie_id) VALUES ($1, $2) RETURNING id',
    [k.id, A],
  );
  const g = await t.db.one<{ id: string }>(
    `INSERT INTO gunning (inschrijving_id, soort, uitkomst, besloten_op, opslag_pct)
     VALUES ($1, 'definitief', 'tweejarig', now(), 2.00) RETURNING id`,
    [i.id],
  );
  const o = await t.db.one<{ id: string }>(
    `INSERT INTO overeenkomst (inschrijving_id, gunning_id, kader_id, organisatie_id, ingangsdatum, einddatum, status)
     VALUES ($1, $2, $3, $4, $5, $6, 'geaccepteerd') RETURNING id`,
    [i.id, g.id, k.id, A, `${JAAR}-01-01`, `${JAAR}-12-31`],
  );
  await t.db.query(
    `INSERT INTO overeenkomst_prijs (overeenkomst_id, moment, prestatie_code, jaar, nza_max, basistarief_pct, basistarief, opslag_pct, prijs, max_tarief_zk, voorbeeld)
     VALUES ($1, 'initieel', $2, $3, $4, 75.00, 150.00, 2.00, 153.00, $4, true)`,
    [o.id, PRESTATIE, JAAR, n.tarief],
  );
  await t.db.query(
    `INSERT INTO opslag_toekenning (overeenkomst_id, moment, percentage, cumulatief, toegekend_door, toegekend_op)
     VALUES ($1, 'initieel', 2.00, 2.00, $2, now())`,
    [o.id, zk.id],
  );
  // an example ledger with room for the agreements
  const som = await t.db.one<{ som: string | null }>(
    `SELECT sum(bedrag)::text AS som FROM productieafspraak WHERE jaar = $1 AND regio_code = $2 AND sector = 'VV'`,
    [JAAR, REGIO],
  );
  const cr = await inkoper.post('/api/v1/budget/contracteerruimte', {
    regio: REGIO,
    jaar: JAAR,
    sector: 'VV',
    totaal: formatCenten(c(som.som ?? '0') + 100_000_000n),
  });
  assert.equal(cr.statusCode, 201, cr.body);
  const a = await inkoper.post('/api/v1/budget/productieafspraken', {
    aanbiederId: A,
    regio: REGIO,
    jaar: JAAR,
    prestatie: PRESTATIE,
    volume: '1000',
    prijsBron: 'gunning',
  });
  assert.equal(a.statusCode, 201, a.body);
  assert.equal(a.json().prijs, '153.00', 'priced by the award: basistarief 150.00 + 2.00 %');
  // the year's declarations: only A, 900 days at the agreed price (under its agreement: paid as declared)
  await t.db.query('DELETE FROM realisatie WHERE jaar = $1 AND regio_code = $2', [JAAR, REGIO]);
  await t.db.query(
    `INSERT INTO realisatie (jaar, maand, regio_code, organisatie_id, prestatie_code, clienten, volume, bedrag) VALUES ($1,12,$2,$3,$4,3,900,137700.00)`,
    [JAAR, REGIO, A, PRESTATIE],
  );
  t.setNow(new Date('2027-03-15T10:00:00Z'));
  const r = await manager.put('/api/v1/realisatie/nacalculatie/regel', { jaar: JAAR, regel: 'niet-vergoed' });
  assert.equal(r.statusCode, 200, r.body);
});
after(() => t.close());

const oordeel = (cl: TestClient, body: Record<string, unknown>) =>
  cl.put('/api/v1/realisatie/nacalculatie/opslag', { regio: REGIO, jaar: JAAR, sector: 'VV', aanbieder: A, ...body });
const regel = (n: any) => n.regels.find((g: any) => g.aanbieder === A);

test('the percentage comes from the contract (2.00, bron overeenkomst); another percentage is refused naming the field', async () => {
  const fout = await oordeel(inkoper, { oordeel: 'onthouden', motivatie: 'Niet bereikt.', percentage: '1.50' });
  assert.equal(fout.statusCode, 422, fout.body);
  assert.equal(fout.json().fouten[0].waar, 'percentage');
  assert.match(fout.json().fouten[0].wat, /de overeenkomst noemt een opslag van 2\.00%, niet 1\.50%/);
  const ok = await oordeel(inkoper, {
    oordeel: 'onthouden',
    motivatie: 'Het ontwikkelplan heeft zijn resultaat niet bereikt.',
  });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal(ok.json().percentage, '2.00');
  assert.equal(ok.json().percentageBron, 'overeenkomst');
  // the same percentage, given, is accepted as well
  assert.equal(
    (
      await oordeel(inkoper, {
        oordeel: 'onthouden',
        motivatie: 'Het ontwikkelplan heeft zijn resultaat niet bereikt.',
        percentage: '2',
      })
    ).statusCode,
    200,
  );
  const audit = await t.db.one<{ invoer: any }>(
    `SELECT invoer FROM audit_regel WHERE actie = 'nacalculatie.opslag.onthouden' ORDER BY volgnummer DESC LIMIT 1`,
  );
  assert.equal(audit.invoer.percentageBron, 'overeenkomst');
  assert.ok(audit.invoer.overeenkomstId, 'the contract is named in the audit');
});

test('withheld: paid 135000.00 instead of 137700.00 (exactly the 2.00 % share, 2700.00, less), shown with and without opslag; the provider sees it', async () => {
  let r = await controller.post('/api/v1/realisatie/nacalculatie', { regio: REGIO, jaar: JAAR, sector: 'VV' });
  assert.equal(r.statusCode, 201, r.body);
  const n = r.json();
  const g = regel(n);
  assert.equal(g.gedeclareerd, '137700.00');
  assert.equal(g.declarabel, '137700.00');
  assert.deepEqual(
    { ...g.opslag, motivatie: undefined },
    {
      oordeel: 'onthouden',
      percentage: '2.00',
      motivatie: undefined,
      onthouden: '2700.00',
      metOpslag: '137700.00',
      zonderOpslag: '135000.00',
    },
  );
  assert.equal(g.vastgesteld, '135000.00');
  assert.equal(c(g.vastgesteld) + c(g.opslag.onthouden), c(g.declarabel), 'paid + withheld = declarable');
  assert.equal(g.basisVolgendJaar, '135000.00', 'the withheld opslag is not in next year’s base');
  assert.ok(
    g.uitleg.some((u: string) => /Opslag 2\.00% onthouden/.test(u)),
    g.uitleg.join('|'),
  );
  // granted instead: the same figures pay the full amount (the open proposal is stale, so decline it first)
  r = await oordeel(inkoper, { oordeel: 'toegekend', motivatie: 'Resultaat alsnog aangetoond.' });
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(
    (await manager.post(`/api/v1/realisatie/nacalculatie/${n.id}/besluit`, { besluit: 'vaststellen' })).statusCode,
    409,
    'a changed judgement makes the proposal stale',
  );
  assert.equal(
    (await manager.post(`/api/v1/realisatie/nacalculatie/${n.id}/besluit`, { besluit: 'afwijzen' })).statusCode,
    200,
  );
  r = await controller.post('/api/v1/realisatie/nacalculatie', { regio: REGIO, jaar: JAAR, sector: 'VV' });
  assert.equal(r.statusCode, 201, r.body);
  const gt = regel(r.json());
  assert.equal(gt.vastgesteld, '137700.00');
  assert.equal(gt.opslag.oordeel, 'toegekend');
  assert.equal(gt.opslag.onthouden, '0.00');
  assert.equal(gt.opslag.metOpslag, '137700.00');
  assert.equal(gt.opslag.zonderOpslag, null);
  assert.equal(c(g.vastgesteld), c(gt.vastgesteld) - c('2700.00'), 'withheld pays exactly the opslag share less');
  // decided, the provider sees its own line with the judgement
  assert.equal(
    (await manager.post(`/api/v1/realisatie/nacalculatie/${r.json().id}/besluit`, { besluit: 'vaststellen' }))
      .statusCode,
    200,
  );
  const eigen = (await zonnehof.get(`/api/v1/realisatie/nacalculatie/${r.json().id}`)).json();
  assert.deepEqual(
    eigen.regels.map((x: any) => x.aanbieder),
    [A],
  );
  assert.equal(eigen.regels[0].opslag.percentage, '2.00');
  assert.equal(eigen.regels[0].vastgesteld, '137700.00');
});
