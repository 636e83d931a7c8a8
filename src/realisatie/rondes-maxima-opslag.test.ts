// Herschikkingsrondes through the API on the real database: a maximum per provider makes the proposal an
// optimisation solved with HiGHS (the bound maximum named in the uitleg), and an opslag proposed in the
// round is checked with inkoop's rules and granted at moment herschikking by the manager's decision: the
// price of the award-priced agreement changes with the decision, not before.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp, type TestClient } from '../testing.ts';
import { parseCenten, formatCenten } from '../domain/realisatie/centen.ts';
import { vernieuwMonitorAggregaat } from './store.ts';

let t: TestApp;
let inkoper: TestClient, manager: TestClient;
const JAAR = 2026;
const REGIO = '5526';
const PRESTATIE = 'VV-Z754-B';
const A = 'za-demo-0001'; // with an award contract: agreed opslag 2.00 %, 1.00 % granted initially
const B = 'za-demo-0002';
const c = (s: string) => parseCenten(s)!;
let overeenkomstId = '';
let afspraakA = '';
let nzaMax = '';

before(async () => {
  t = await createTestApp();
  t.setNow(new Date('2026-07-15T10:00:00Z'));
  [inkoper, manager] = await Promise.all(['inkoper@cz.demo', 'manager@cz.demo'].map((e) => t.login(e)));
  const zk = await t.db.one<{ organisatie_id: string; id: string }>(
    `SELECT organisatie_id, id FROM gebruiker WHERE email = 'inkoper@cz.demo'`,
  );
  // the NZa maximum of the prestatie in that year (example figures when the demo has none)
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
  nzaMax = n.tarief;
  const k = await t.db.one<{ id: string }>(
    `INSERT INTO inkoopkader (organisatie_id, titel, jaar_van, jaar_tot, sector, procedure_type, regionale_paragraaf)
     VALUES ($1, 'Kader met opslag bij herschikking (test)', $2, $2, 'VV', 'dialoog', $3) RETURNING id`,
    [
      zk.organisatie_id,
      JAAR,
      JSON.stringify({
        opslagMomenten: ['initieel', 'herschikking'],
        basistarief: { perPrestatie: { [PRESTATIE]: '95' } },
        opslagTabel: [{ vanaf: '0', opslag: '2' }],
      }),
    ],
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
  overeenkomstId = o.id;
  // basistarief 95 % of the NZa maximum and the price with 1.00 %, both rounded down to cents
  const basis = formatCenten((c(nzaMax) * 95n) / 100n);
  const metEen = formatCenten((c(basis) * 101n) / 100n);
  await t.db.query(
    `INSERT INTO overeenkomst_prijs (overeenkomst_id, moment, prestatie_code, jaar, nza_max, basistarief_pct, basistarief, opslag_pct, prijs, max_tarief_zk, voorbeeld)
     VALUES ($1, 'initieel', $2, $3, $4, 95.00, $5, 1.00, $6, $4, true)`,
    [o.id, PRESTATIE, JAAR, nzaMax, basis, metEen],
  );
  await t.db.query(
    `INSERT INTO opslag_toekenning (overeenkomst_id, moment, percentage, cumulatief, toegekend_door, toegekend_op)
     VALUES ($1, 'initieel', 1.00, 1.00, $2, now())`,
    [o.id, zk.id],
  );
  // a ledger with room for the agreements below and a large pool (example figures)
  const som = await t.db.one<{ som: string | null }>(
    `SELECT sum(bedrag)::text AS som FROM productieafspraak WHERE jaar = $1 AND regio_code = $2 AND sector = 'VV'`,
    [JAAR, REGIO],
  );
  const cr = await inkoper.post('/api/v1/budget/contracteerruimte', {
    regio: REGIO,
    jaar: JAAR,
    sector: 'VV',
    totaal: formatCenten(c(som.som ?? '0') + 1_000_000_000n),
  });
  assert.equal(cr.statusCode, 201, cr.body);
  // agreements: A priced by the award, B entered
  const a = await inkoper.post('/api/v1/budget/productieafspraken', {
    aanbiederId: A,
    regio: REGIO,
    jaar: JAAR,
    prestatie: PRESTATIE,
    volume: '1000',
    prijsBron: 'gunning',
  });
  assert.equal(a.statusCode, 201, a.body);
  assert.equal(a.json().prijs, metEen);
  afspraakA = a.json().id;
  const b = await inkoper.post('/api/v1/budget/productieafspraken', {
    aanbiederId: B,
    regio: REGIO,
    jaar: JAAR,
    prestatie: PRESTATIE,
    volume: '1000',
    prijsBron: 'ingevoerd',
    prijs: '100.00',
  });
  assert.equal(b.statusCode, 201, b.body);
  // realisation Jan–Jun: A and B at 150 % of their agreement's pace (both over-produce)
  await t.db.query('DELETE FROM realisatie WHERE jaar = $1 AND regio_code = $2', [JAAR, REGIO]);
  const rows = await t.db.query<{ organisatie_id: string; bedrag: string }>(
    `SELECT organisatie_id, bedrag::text FROM productieafspraak WHERE jaar = $1 AND regio_code = $2 AND sector = 'VV' AND organisatie_id = ANY($3)`,
    [JAAR, REGIO, [A, B]],
  );
  for (const r of rows)
    for (let m = 1; m <= 6; m++)
      await t.db.query(
        `INSERT INTO realisatie (jaar, maand, regio_code, organisatie_id, prestatie_code, clienten, volume, bedrag) VALUES ($1,$2,$3,$4,$5,1,1,$6)`,
        [JAAR, m, REGIO, r.organisatie_id, PRESTATIE, formatCenten((c(r.bedrag) * 150n) / 100n / 12n)],
      );
  // written directly, not by the import: the monitoring aggregate is rebuilt as the demo load does
  await vernieuwMonitorAggregaat(t.db, JAAR);
});
after(async () => {
  await t.close();
});

const regel = (ronde: any, id: string) => ronde.regels.find((g: any) => g.aanbieder === id);

test('a round with a maximum: HiGHS solves the proposal, the maximum binds and the uitleg names it; total unchanged', async () => {
  const zonder = await inkoper.post('/api/v1/realisatie/herschikkingsrondes', {
    regio: REGIO,
    jaar: JAAR,
    sector: 'VV',
  });
  assert.equal(zonder.statusCode, 201, zonder.body);
  const z = zonder.json();
  assert.ok(!z.uitleg.some((u: string) => /HiGHS/.test(u)), 'no maxima: the plain rule');
  const behoefteA = c(regel(z, A).na) - c(regel(z, A).afspraak);
  assert.ok(behoefteA > 100_000n, `A over-produces: ${JSON.stringify(regel(z, A))}`);
  assert.equal(
    (await manager.post(`/api/v1/realisatie/herschikkingsrondes/${z.id}/besluit`, { besluit: 'afwijzen' })).statusCode,
    200,
  );

  const maximum = formatCenten(c(regel(z, A).afspraak) + 100_000n); // 1000.00 above its agreement
  const r = await inkoper.post('/api/v1/realisatie/herschikkingsrondes', {
    regio: REGIO,
    jaar: JAAR,
    sector: 'VV',
    maxima: { [A]: maximum },
  });
  assert.equal(r.statusCode, 201, r.body);
  const ronde = r.json();
  assert.equal(regel(ronde, A).na, maximum);
  assert.equal(regel(ronde, A).maximum, maximum);
  assert.equal(regel(ronde, A).maximumBindt, true);
  assert.equal(regel(ronde, B).maximumBindt, false);
  assert.equal(regel(ronde, B).na, regel(z, B).na, 'B got its full need in both rounds (the pool is large)');
  assert.ok(
    ronde.uitleg.some((u: string) => /opgelost met HiGHS/.test(u)),
    ronde.uitleg.join('\n'),
  );
  assert.ok(
    ronde.uitleg.some((u: string) => u.startsWith(`${A}: maximum ${maximum} bindt`)),
    ronde.uitleg.join('\n'),
  );
  const voor = ronde.regels.reduce((s: bigint, g: any) => s + c(g.afspraak), 0n) + c(ronde.pool.voor);
  const na = ronde.regels.reduce((s: bigint, g: any) => s + c(g.na), 0n) + c(ronde.pool.na);
  assert.equal(na, voor, 'afspraken + pool unchanged');
  // an unknown provider's maximum is refused, naming the field
  const fout = await inkoper.post('/api/v1/realisatie/herschikkingsrondes', {
    regio: REGIO,
    jaar: JAAR,
    sector: 'VV',
    maxima: { 'za-bestaat-niet': '1.00' },
  });
  assert.ok([409, 422].includes(fout.statusCode), fout.body);
  assert.equal(
    (await manager.post(`/api/v1/realisatie/herschikkingsrondes/${ronde.id}/besluit`, { besluit: 'afwijzen' }))
      .statusCode,
    200,
  );
});

test('opslag in the round: above 3 % refused naming rule F5 and the source; deviation needs a motivation; granted by the decision, price changes then, not before', async () => {
  const r = await inkoper.post('/api/v1/realisatie/herschikkingsrondes', { regio: REGIO, jaar: JAAR, sector: 'VV' });
  assert.equal(r.statusCode, 201, r.body);
  const ronde = r.json();
  const ra = regel(ronde, A);
  const pad = `/api/v1/realisatie/herschikkingsrondes/${ronde.id}`;
  const aanpassen = (opslag: string, opslagMotivatie?: string) =>
    inkoper.put(pad, {
      regels: [{ aanbieder: A, na: ra.na, opslag, ...(opslagMotivatie ? { opslagMotivatie } : {}) }],
      pool: ronde.pool.na,
    });

  const teHoog = await aanpassen('3.5');
  assert.equal(teHoog.statusCode, 422, teHoog.body);
  const f = teHoog.json().fouten[0];
  assert.equal(f.waar, 'regels[0].opslag');
  assert.match(f.wat, /landelijke maximum van 3%/);
  assert.match(f.wat, /Inkoopkader Langdurige Zorg 2016, §2\.2\.4/);
  assert.match(f.wat, /\[regel F5\]/);

  // the proposal is the rest of the agreed opslag (2.00 − 1.00): 0.50 deviates and needs a motivation
  const zonderMotivatie = await aanpassen('0.50');
  assert.equal(zonderMotivatie.statusCode, 422, zonderMotivatie.body);
  assert.equal(zonderMotivatie.json().fouten[0].waar, 'regels[0].opslagMotivatie');

  const ok = await aanpassen('1.00');
  assert.equal(ok.statusCode, 200, ok.body);
  assert.deepEqual(regel(ok.json(), A).opslag, { percentage: '1.00', motivatie: null, toegekend: null });
  // not granted yet: the agreement and the contract keep their price
  const prijsVoor = (await inkoper.get(`/api/v1/budget/productieafspraken/${afspraakA}`)).json().prijs;
  const toek0 = await t.db.one<{ n: number }>(
    `SELECT count(*)::int AS n FROM opslag_toekenning WHERE overeenkomst_id = $1 AND moment = 'herschikking'`,
    [overeenkomstId],
  );
  assert.equal(toek0.n, 0);

  const b = await manager.post(`${pad}/besluit`, { besluit: 'goedkeuren' });
  assert.equal(b.statusCode, 200, b.body);
  assert.equal(regel(b.json(), A).opslag.toegekend, '2.00');
  const na = (await inkoper.get(`/api/v1/budget/productieafspraken/${afspraakA}`)).json();
  // basistarief 95 % of the NZa maximum, rounded down; + 2.00 %, rounded down
  const basis = (c(nzaMax) * 95n) / 100n;
  const verwacht = formatCenten((basis * 102n) / 100n);
  assert.notEqual(na.prijs, prijsVoor);
  assert.equal(na.prijs, verwacht);
  const laatste = na.versies.reduce((x: any, y: any) => (y.versie > x.versie ? y : x));
  assert.equal(laatste.reden, 'herschikking');
  assert.equal(laatste.prijs, verwacht);
  const audit = await t.db.one<{ n: number }>(
    `SELECT count(*)::int AS n FROM audit_regel WHERE actie = 'inkoop.opslag.toegekend' AND onderwerp_id = $1
        AND invoer->>'moment' = 'herschikking' AND invoer->>'herschikkingsronde' = $2`,
    [overeenkomstId, ronde.id],
  );
  assert.equal(audit.n, 1);
  const bericht = await t.db.one<{ tekst: string }>(
    'SELECT tekst FROM herschikking_bericht WHERE ronde_id = $1 AND organisatie_id = $2',
    [ronde.id, A],
  );
  assert.match(bericht.tekst, /tariefopslag toegekend.*2\.00%/);
});
