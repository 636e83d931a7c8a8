// Herschikking priorities from the zorgkantoor's policy and the purchasing signals, through the API on
// the real database: in a region whose zorgkantoor's policy puts extramural care first (as Menzis'
// and DSW's do), a provider with an extramural agreement is served first; a provider with clients
// waiting gets priority too; the reason is shown per provider; the purchaser's own priority wins.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createTestApp, type TestApp, type TestClient } from '../testing.ts';
import { parseCenten, formatCenten } from '../domain/realisatie/centen.ts';
import { vernieuwMonitorAggregaat } from './store.ts';

let t: TestApp;
let inkoper: TestClient, manager: TestClient;
const JAAR = 2025;
const c = (s: string) => parseCenten(s)!;
let REGIO = '';
let EXTRA = ''; // a provider with an extramural (vpt/mpt) agreement in the region
let INTRA: string[] = []; // providers with only verblijf

before(async () => {
  t = await createTestApp();
  t.setNow(new Date('2025-07-15T10:00:00Z'));
  const r = await t.db.query<{ regio_code: string; extra: string; alle: string[] }>(
    `WITH a AS (
       SELECT p.regio_code, p.organisatie_id, bool_or(pr.leveringsvorm <> 'verblijf') AS extramuraal
         FROM productieafspraak p JOIN prestatie pr ON pr.code = p.prestatie_code
         JOIN regio_concessie c ON c.regio_code = p.regio_code AND c.jaar = p.jaar AND c.organisatie_id = 'zk-cz'
        WHERE p.jaar = $1 AND p.sector = 'VV' AND p.prijs > 0 GROUP BY 1, 2)
     SELECT regio_code, min(organisatie_id) FILTER (WHERE extramuraal) AS extra, array_agg(organisatie_id ORDER BY organisatie_id) AS alle
       FROM a GROUP BY 1 HAVING bool_or(extramuraal) AND count(*) >= 3 ORDER BY 1 LIMIT 1`,
    [JAAR],
  );
  assert.equal(r.length, 1, 'demo has a CZ region with an extramural provider among three or more');
  REGIO = r[0].regio_code;
  EXTRA = r[0].extra;
  INTRA = r[0].alle.filter((x) => x !== EXTRA);
  // the other providers get no extramural agreement here: their vpt/mpt lines are priced 0 (example data)
  await t.db.query(
    `UPDATE productieafspraak p SET prijs = 0 FROM prestatie pr
      WHERE pr.code = p.prestatie_code AND pr.leveringsvorm <> 'verblijf' AND p.jaar = $1 AND p.regio_code = $2
        AND p.sector = 'VV' AND p.organisatie_id <> $3`,
    [JAAR, REGIO, EXTRA],
  );
  [inkoper, manager] = await Promise.all(['inkoper@cz.demo', 'manager@cz.demo'].map((e) => t.login(e)));
  // CZ publishes, for this test, Menzis' policy text as its own (a Menzis-like region)
  const alle = JSON.parse(fs.readFileSync('src/tarieven/data/beleid-2024-vv.json', 'utf8'));
  const lijst = Array.isArray(alle) ? alle : alle.beleid;
  const menzis = lijst.find((b: any) => b.zorgkantoorId === 'zk-menzis');
  const beleid = { ...menzis, id: 'zk-cz-2025-VV-test', zorgkantoorId: 'zk-cz', zorgkantoor: 'CZ', jaar: JAAR };
  await t.db.query(
    `INSERT INTO tariefbeleid_versie (zorgkantoor_id, jaar, sector, versie, status, beleid, gebaseerd_op, aangemaakt_naam)
     VALUES ('zk-cz', $1, 'VV', 1, 'gepubliceerd', $2, 'meegeleverd', 'test')`,
    [JAAR, JSON.stringify(beleid)],
  );
  // every provider produces at 150% of its agreement pace; the pool holds only 1,000.00 (example figures)
  const afspraken = await t.db.one<{ som: string }>(
    `SELECT sum(bedrag)::text AS som FROM productieafspraak WHERE jaar = $1 AND regio_code = $2 AND sector = 'VV'`,
    [JAAR, REGIO],
  );
  const cr = await inkoper.post('/api/v1/budget/contracteerruimte', {
    regio: REGIO,
    jaar: JAAR,
    sector: 'VV',
    totaal: formatCenten(c(afspraken.som) + 100_000n),
  });
  assert.equal(cr.statusCode, 201, cr.body);
  await t.db.query('DELETE FROM realisatie WHERE jaar = $1 AND regio_code = $2', [JAAR, REGIO]);
  const per = await t.db.query<{ organisatie_id: string; prestatie_code: string; bedrag: string }>(
    `SELECT organisatie_id, prestatie_code, bedrag::text FROM productieafspraak WHERE jaar = $1 AND regio_code = $2 AND sector = 'VV' AND prijs > 0`,
    [JAAR, REGIO],
  );
  for (const p of per)
    for (let m = 1; m <= 6; m++)
      await t.db.query(
        `INSERT INTO realisatie (jaar, maand, regio_code, organisatie_id, prestatie_code, clienten, volume, bedrag) VALUES ($1,$2,$3,$4,$5,1,1,$6)
         ON CONFLICT (jaar, regio_code, organisatie_id, prestatie_code, maand) DO UPDATE SET bedrag = excluded.bedrag`,
        [JAAR, m, REGIO, p.organisatie_id, p.prestatie_code, formatCenten((c(p.bedrag) * 150n) / 100n / 12n)],
      );
  // realisatie written directly: bring the monitoring aggregate up to date as the import does
  await vernieuwMonitorAggregaat(t.db, JAAR);
});
after(() => t.close());

const ontvangen = (g: any) => c(g.na) - c(g.afspraak);

test('policy puts extramural first: the provider with an extramural agreement is served first, the reason quoted per provider', async () => {
  const signalen = (await inkoper.get(`/api/v1/clientstroom/signalen?regio=${REGIO}&sector=VV`)).json();
  const wachtend = new Map<string, number>(signalen.aanbieders.map((x: any) => [x.organisatieId, x.wachtend]));
  const r = await inkoper.post('/api/v1/realisatie/herschikkingsrondes', { regio: REGIO, jaar: JAAR, sector: 'VV' });
  assert.equal(r.statusCode, 201, r.body);
  const ronde = r.json();
  const e = ronde.regels.find((g: any) => g.aanbieder === EXTRA);
  assert.ok(e.prioriteit >= 2, JSON.stringify(e));
  assert.ok(
    e.prioriteitUitleg.some((u: string) =>
      u.includes('Bij een regionaal budgettair tekort prevaleren de afspraken voor extramurale zorg.'),
    ),
    e.prioriteitUitleg.join('|'),
  );
  assert.equal(ontvangen(e), 100_000n, 'the whole (small) pool goes to the extramural provider');
  for (const id of INTRA) {
    const g = ronde.regels.find((x: any) => x.aanbieder === id);
    assert.ok(g.prioriteit < e.prioriteit);
    assert.equal(ontvangen(g), 0n, `${id} (intramural only) waits for the extramural provider`);
    assert.ok(g.prioriteitUitleg.some((u: string) => /Geen extramurale afspraak/.test(u)));
    // waiting list: a provider with clients waiting gets +1 and says so
    if ((wachtend.get(id) ?? 0) > 0) {
      assert.equal(g.prioriteit, 1);
      assert.ok(g.prioriteitUitleg.some((u: string) => u.startsWith('Wachtlijst:')));
    } else assert.equal(g.prioriteit, 0);
  }
  // reject it so the next test may propose again
  assert.equal(
    (await manager.post(`/api/v1/realisatie/herschikkingsrondes/${ronde.id}/besluit`, { besluit: 'afwijzen' }))
      .statusCode,
    200,
  );
});

test('the purchaser’s priority overrides the computed one and is marked as the purchaser’s', async () => {
  const eerste = INTRA[0];
  const r = await inkoper.post('/api/v1/realisatie/herschikkingsrondes', {
    regio: REGIO,
    jaar: JAAR,
    sector: 'VV',
    prioriteiten: { [eerste]: 9 },
  });
  assert.equal(r.statusCode, 201, r.body);
  const g = r.json().regels.find((x: any) => x.aanbieder === eerste);
  assert.equal(g.prioriteit, 9);
  assert.ok(g.prioriteitUitleg.some((u: string) => /gekozen door de inkoper/.test(u)));
  assert.equal(ontvangen(g), 100_000n, 'the purchaser’s choice is served first');
  const e = r.json().regels.find((x: any) => x.aanbieder === EXTRA);
  assert.equal(ontvangen(e), 0n);
});
