import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createTestApp, type TestApp, type TestClient } from '../testing.ts';
import { Decimal } from '../domain/money.ts';

let t: TestApp;
let inkoper: TestClient, manager: TestClient, controller: TestClient, vgz: TestClient;
let zonnehof: TestClient, heideweg: TestClient, nza: TestClient;

before(async () => {
  t = await createTestApp();
  t.setNow(new Date('2025-09-15T10:00:00Z'));
  [inkoper, manager, controller, vgz, zonnehof, heideweg, nza] = await Promise.all(
    [
      'inkoper@cz.demo',
      'manager@cz.demo',
      'controller@cz.demo',
      'inkoper@vgz.demo',
      'contractmanager@zonnehof.demo',
      'contractmanager@heideweg.demo',
      'toezicht@nza.demo',
    ].map((e) => t.login(e)),
  );
});
after(async () => {
  await t.close();
});

const balans = (c: any) => {
  const som = ['afspraken', 'pool', 'oormerk', 'reserve'].reduce((s, k) => s.plus(c[k]), new Decimal(0));
  assert.equal(som.toFixed(2), c.totaal, `balans ${JSON.stringify(c)}`);
  assert.deepEqual(
    { a: c.controle.inBalans, m: c.controle.mutatiesKloppen, f: c.controle.afsprakenKloppen },
    { a: true, m: true, f: true },
  );
};

async function nieuweCr(c: TestClient, regio: string, jaar: number, sector: string, totaal: string) {
  const r = await c.post('/api/v1/budget/contracteerruimte', { regio, jaar, sector, totaal });
  assert.equal(r.statusCode, 201, r.body);
  return r.json();
}

test('ledger: voorlopig → earmark 1% → reserve → overheveling to another region and another zorgkantoor → definitief; balanced to the cent on both sides, audited', async () => {
  const cr = await nieuweCr(inkoper, '5518', 2026, 'VV', '10000000.00');
  assert.equal(cr.status, 'voorlopig');
  assert.equal(cr.pool, '10000000.00');
  balans(cr);

  // Z&Z-style earmark: 1% of the contracteerruimte
  let r = await inkoper.post(`/api/v1/budget/contracteerruimte/${cr.id}/oormerk`, {
    label: 'innovatie',
    percentage: '1',
  });
  assert.equal(r.statusCode, 200, r.body);
  assert.deepEqual(r.json().oormerken, [{ label: 'innovatie', bedrag: '100000.00' }]);
  r = await inkoper.post(`/api/v1/budget/contracteerruimte/${cr.id}/oormerk`, {
    label: 'essentiële voorzieningen',
    bedrag: '250000.55',
  });
  assert.equal(r.json().oormerk, '350000.55');
  r = await inkoper.post(`/api/v1/budget/contracteerruimte/${cr.id}/reserve`, { bedrag: '500000.00' });
  assert.equal(r.json().reserve, '500000.00');
  assert.equal(r.json().pool, '9149999.45');
  balans(r.json());

  // transfer to another CZ region and to a VGZ region; both ledgers record it with one id
  const cz2 = await nieuweCr(inkoper, '5523', 2026, 'VV', '2000000.00');
  const vgzCr = await nieuweCr(vgz, '5508', 2026, 'VV', '3000000.00');
  r = await inkoper.post(`/api/v1/budget/contracteerruimte/${cr.id}/overheveling`, {
    naarRegio: '5523',
    bedrag: '149999.45',
  });
  assert.equal(r.statusCode, 200, r.body);
  r = await inkoper.post(`/api/v1/budget/contracteerruimte/${cr.id}/overheveling`, {
    naarRegio: '5508',
    bedrag: '1000000.00',
    toelichting: 'bovenregionale aanbieder',
  });
  assert.equal(r.statusCode, 200, r.body);
  const na = r.json();
  assert.equal(na.totaal, '8850000.55');
  assert.equal(na.pool, '8000000.00');
  balans(na);
  const uit = na.mutaties.find((m: any) => m.soort === 'overheveling-uit' && m.tegenRegio === '5508');
  const ontvanger = (await vgz.get(`/api/v1/budget/contracteerruimte/${vgzCr.id}`)).json();
  const inn = ontvanger.mutaties.find((m: any) => m.soort === 'overheveling-in');
  assert.equal(inn.overhevelingId, uit.overhevelingId);
  assert.equal(inn.totaal, '1000000.00');
  assert.equal(ontvanger.totaal, '4000000.00');
  balans(ontvanger);
  balans((await inkoper.get(`/api/v1/budget/contracteerruimte/${cz2.id}`)).json());

  // more than the pool cannot leave
  r = await inkoper.post(`/api/v1/budget/contracteerruimte/${cr.id}/overheveling`, {
    naarRegio: '5523',
    bedrag: '8000000.01',
  });
  assert.equal(r.statusCode, 422);
  assert.match(r.headers['content-type'], /problem\+json/);
  assert.match(r.json().title, /tekort 0\.01/);
  // lowering the total below what is committed is refused
  r = await inkoper.post(`/api/v1/budget/contracteerruimte/${cr.id}/vaststelling`, {
    totaal: '850000.54',
    status: 'voorlopig',
  });
  assert.equal(r.statusCode, 422);
  assert.equal(r.json().fouten[0].waar, 'totaal');

  // definitief: manager only, then final
  r = await inkoper.post(`/api/v1/budget/contracteerruimte/${cr.id}/vaststelling`, {
    totaal: '9000000.00',
    status: 'definitief',
  });
  assert.equal(r.statusCode, 403);
  r = await manager.post(`/api/v1/budget/contracteerruimte/${cr.id}/vaststelling`, {
    totaal: '9000000.00',
    status: 'definitief',
  });
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(r.json().status, 'definitief');
  assert.equal(r.json().pool, '8149999.45');
  balans(r.json());
  r = await manager.post(`/api/v1/budget/contracteerruimte/${cr.id}/vaststelling`, {
    totaal: '9100000.00',
    status: 'voorlopig',
  });
  assert.equal(r.statusCode, 409);

  const audit = await t.db.query<{ actie: string }>(
    `SELECT actie FROM audit_regel WHERE onderwerp_type = 'contracteerruimte' AND onderwerp_id = $1 ORDER BY volgnummer`,
    [cr.id],
  );
  assert.deepEqual(
    audit.map((a) => a.actie),
    [
      'contracteerruimte.aangemaakt',
      'contracteerruimte.oormerk',
      'contracteerruimte.oormerk',
      'contracteerruimte.reserve',
      'contracteerruimte.overheveling',
      'contracteerruimte.overheveling',
      'contracteerruimte.definitief',
    ],
  );
  // mutations are append-only in the database itself
  await assert.rejects(t.db.query(`UPDATE budgetmutatie SET d_pool = 0 WHERE contracteerruimte_id = $1`, [cr.id]));
  // and the database refuses an unbalanced mutation even if the code had a bug
  await assert.rejects(
    t.db.query(
      `INSERT INTO budgetmutatie (contracteerruimte_id, volgnummer, soort, d_totaal, d_pool, omschrijving, door_naam) VALUES ($1, 999, 'reserve', 1, 0, 'x', 'x')`,
      [cr.id],
    ),
    /budgetmutatie_balans/,
  );
});

test('a second contracteerruimte for the same region, year and sector is a 409; an unknown sector 422; another zorgkantoor’s region 403', async () => {
  await nieuweCr(inkoper, '5525', 2026, 'GZ', '100.00');
  let r = await inkoper.post('/api/v1/budget/contracteerruimte', {
    regio: '5525',
    jaar: 2026,
    sector: 'GZ',
    totaal: '1.00',
  });
  assert.equal(r.statusCode, 409);
  r = await inkoper.post('/api/v1/budget/contracteerruimte', {
    regio: '5525',
    jaar: 2026,
    sector: 'XX',
    totaal: '1.00',
  });
  assert.equal(r.statusCode, 422);
  assert.equal(r.json().fouten[0].waar, 'sector');
  r = await inkoper.post('/api/v1/budget/contracteerruimte', {
    regio: '5508',
    jaar: 2026,
    sector: 'GZ',
    totaal: '1.00',
  });
  assert.equal(r.statusCode, 403);
  r = await inkoper.post('/api/v1/budget/contracteerruimte', {
    regio: '5525',
    jaar: 2026,
    sector: 'VV',
    totaal: '1.001',
  });
  assert.equal(r.statusCode, 400);
  assert.match(r.json().fouten[0].waar, /totaal/);
});

test('productieafspraken: amount = price × volume half-up; above the pool refused with field; every version kept; status concept → ingediend → vastgesteld; deadline shown', async () => {
  const cr = await nieuweCr(inkoper, '5526', 2026, 'VV', '100000.00');
  let r = await inkoper.post('/api/v1/budget/productieafspraken', {
    aanbiederId: 'za-demo-0001',
    regio: '5526',
    jaar: 2026,
    prestatie: 'VV-Z754-B',
    volume: '365.5',
    prijsBron: 'ingevoerd',
    prijs: '123.45',
  });
  assert.equal(r.statusCode, 201, r.body);
  const a = r.json();
  assert.equal(a.bedrag, '45120.98'); // 123.45 × 365.5 = 45120.975 → half-up
  assert.equal(a.status, 'concept');
  assert.equal(a.versie, 1);
  assert.equal(a.prijsBron, 'ingevoerd');
  assert.equal(a.eenheid, 'dag');
  assert.equal(a.nzaDeadline.laatsteDag, '2025-10-31');
  assert.equal(a.nzaDeadline.verstreken, false);
  assert.equal(a.nzaDeadline.dagenOver, 46);
  let c = (await inkoper.get(`/api/v1/budget/contracteerruimte/${cr.id}`)).json();
  assert.equal(c.afspraken, '45120.98');
  balans(c);

  // the same key again: 409 pointing at PUT
  r = await inkoper.post('/api/v1/budget/productieafspraken', {
    aanbiederId: 'za-demo-0001',
    regio: '5526',
    jaar: 2026,
    prestatie: 'VV-Z754-B',
    volume: '1',
    prijsBron: 'ingevoerd',
    prijs: '1.00',
  });
  assert.equal(r.statusCode, 409);

  // more than the free pool: 422 naming the volume, nothing written
  r = await inkoper.post('/api/v1/budget/productieafspraken', {
    aanbiederId: 'za-demo-0002',
    regio: '5526',
    jaar: 2026,
    prestatie: 'VV-Z754-B',
    volume: '500',
    prijsBron: 'ingevoerd',
    prijs: '123.45',
  });
  assert.equal(r.statusCode, 422, r.body);
  assert.equal(r.json().fouten[0].waar, 'volume');
  assert.match(r.json().fouten[0].wat, /Onvoldoende vrije ruimte/);
  const n = await t.db.one<{ n: number }>(
    `SELECT count(*) AS n FROM productieafspraak WHERE organisatie_id = 'za-demo-0002' AND jaar = 2026`,
  );
  assert.equal(n.n, 0);

  // a change is a new version; the old one stays
  r = await inkoper.put(`/api/v1/budget/productieafspraken/${a.id}`, { volume: '400', soort: 'eenzijdig' });
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(r.json().versie, 2);
  assert.equal(r.json().bedrag, '49380.00');
  assert.equal(r.json().soort, 'eenzijdig');
  assert.deepEqual(
    r.json().versies.map((v: any) => [v.versie, v.bedrag, v.reden]),
    [
      [1, '45120.98', 'nieuw'],
      [2, '49380.00', 'wijziging'],
    ],
  );
  c = (await inkoper.get(`/api/v1/budget/contracteerruimte/${cr.id}`)).json();
  assert.equal(c.afspraken, '49380.00');
  balans(c);
  await assert.rejects(t.db.query(`DELETE FROM productieafspraak_versie WHERE afspraak_id = $1`, [a.id]));

  // status
  r = await inkoper.post(`/api/v1/budget/productieafspraken/${a.id}/status`, { status: 'vastgesteld' });
  assert.equal(r.statusCode, 409);
  r = await inkoper.post(`/api/v1/budget/productieafspraken/${a.id}/status`, { status: 'ingediend' });
  assert.equal(r.statusCode, 200, r.body);
  r = await manager.post(`/api/v1/budget/productieafspraken/${a.id}/status`, {
    status: 'vastgesteld',
    toelichting: 'NZa-beschikking ontvangen',
  });
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(r.json().status, 'vastgesteld');
  assert.deepEqual(
    r.json().versies.map((v: any) => v.status),
    ['concept', 'concept', 'ingediend', 'vastgesteld'],
  );
  const audit = await t.db.query<{ actie: string }>(
    `SELECT actie FROM audit_regel WHERE onderwerp_type = 'productieafspraak' AND onderwerp_id = $1 ORDER BY volgnummer`,
    [a.id],
  );
  assert.deepEqual(
    audit.map((x) => x.actie),
    [
      'productieafspraak.aangemaakt',
      'productieafspraak.gewijzigd',
      'productieafspraak.ingediend',
      'productieafspraak.vastgesteld',
    ],
  );
});

test('price sources: NZa maximum (example figures, labelled) incl. NHC/NIC; a prestatie without tariff names the field; existing agreements are booked on a new ledger', async () => {
  // 2025 has demo agreements (history) and example NZa tariffs
  const bestaand = await t.db.one<{ n: number; som: string }>(
    `SELECT count(*) AS n, coalesce(sum(bedrag),0)::numeric(16,2) AS som FROM productieafspraak WHERE regio_code = '5527' AND jaar = 2025 AND sector = 'VV'`,
  );
  const r0 = await inkoper.post('/api/v1/budget/contracteerruimte', {
    regio: '5527',
    jaar: 2025,
    sector: 'VV',
    totaal: '1.00',
  });
  if (bestaand.n > 0) {
    assert.equal(r0.statusCode, 422, 'a total below the existing agreements is refused');
  }
  const totaal = new Decimal(bestaand.som).plus('1000000').toFixed(2);
  const cr = await nieuweCr(inkoper, '5527', 2025, 'VV', totaal);
  assert.equal(cr.afspraken, new Decimal(bestaand.som).toFixed(2));
  assert.equal(cr.pool, '1000000.00');
  balans(cr);

  let r = await inkoper.post('/api/v1/budget/productieafspraken', {
    aanbiederId: 'za-demo-0002',
    regio: '5527',
    jaar: 2025,
    prestatie: 'VV-Z750-B',
    volume: '10',
    prijsBron: 'nza-maximum',
  });
  assert.equal(r.statusCode, 201, r.body);
  // example 2025: 125.70 + NHC 20.79 + NIC 3.27 = 149.76
  assert.equal(r.json().prijs, '149.76');
  assert.equal(r.json().bedrag, '1497.60');
  assert.match(r.json().versies[0].prijsToelichting, /voorbeeldcijfers/);

  r = await inkoper.post('/api/v1/budget/productieafspraken', {
    aanbiederId: 'za-demo-0002',
    regio: '5527',
    jaar: 2026,
    prestatie: 'VV-Z750-B',
    volume: '10',
    prijsBron: 'nza-maximum',
  });
  assert.equal(r.statusCode, 422);
  assert.equal(r.json().fouten[0].waar, 'regio'); // no contracteerruimte 5527/2026 yet
  await nieuweCr(inkoper, '5527', 2026, 'VV', '1000.00');
  r = await inkoper.post('/api/v1/budget/productieafspraken', {
    aanbiederId: 'za-demo-0002',
    regio: '5527',
    jaar: 2026,
    prestatie: 'VV-Z750-B',
    volume: '10',
    prijsBron: 'nza-maximum',
  });
  assert.equal(r.statusCode, 422);
  assert.equal(r.json().fouten[0].waar, 'prestatie');
  assert.match(r.json().fouten[0].wat, /geen NZa-maximumtarief voor 2026/);
  r = await inkoper.post('/api/v1/budget/productieafspraken', {
    aanbiederId: 'za-demo-0002',
    regio: '5527',
    jaar: 2026,
    prestatie: 'VV-Z750-B',
    volume: '10',
    prijsBron: 'ingevoerd',
  });
  assert.equal(r.statusCode, 422);
  assert.equal(r.json().fouten[0].waar, 'prijs');

  // a historical agreement changed: version 0 (history) is kept before version 1
  const oud = await t.db.maybeOne<{ id: string }>(
    `SELECT id FROM productieafspraak WHERE regio_code = '5527' AND jaar = 2025 AND sector = 'VV' AND huidige_versie = 0 LIMIT 1`,
  );
  if (oud) {
    r = await inkoper.put(`/api/v1/budget/productieafspraken/${oud.id}`, { volume: '1' });
    assert.equal(r.statusCode, 200, r.body);
    assert.deepEqual(
      r.json().versies.map((v: any) => [v.versie, v.reden]),
      [
        [0, 'historisch'],
        [1, 'wijziging'],
      ],
    );
    balans((await inkoper.get(`/api/v1/budget/contracteerruimte/${cr.id}`)).json());
  }
});

test('who sees what: provider only its own agreements and the region totals; NZa reads all but cannot write; another zorgkantoor sees nothing; controller reads only', async () => {
  const cr = await nieuweCr(inkoper, '5531', 2026, 'VV', '500000.00');
  const mk = async (aanbiederId: string, volume: string) => {
    const r = await inkoper.post('/api/v1/budget/productieafspraken', {
      aanbiederId,
      regio: '5531',
      jaar: 2026,
      prestatie: 'VV-Z755-B',
      volume,
      prijsBron: 'ingevoerd',
      prijs: '100.00',
    });
    assert.equal(r.statusCode, 201, r.body);
    return r.json();
  };
  const eigen = await mk('za-demo-0001', '1000');
  const ander = await mk('za-demo-0002', '2000');

  // provider: own agreements only
  let r = await zonnehof.get('/api/v1/budget/productieafspraken?jaar=2026');
  assert.equal(r.statusCode, 200);
  const ids = r.json().afspraken.map((x: any) => x.aanbiederId);
  assert.ok(ids.length >= 1 && ids.every((x: string) => x === 'za-demo-0001'), JSON.stringify(ids));
  assert.ok(!r.body.includes('za-demo-0002'));
  assert.equal((await zonnehof.get(`/api/v1/budget/productieafspraken/${ander.id}`)).statusCode, 404);
  assert.equal((await zonnehof.get(`/api/v1/budget/productieafspraken/${eigen.id}`)).statusCode, 200);
  assert.equal(
    (await zonnehof.get('/api/v1/budget/productieafspraken?jaar=2026&aanbieder=za-demo-0002')).statusCode,
    404,
  );
  // provider: region totals, not the ledger and not other providers' amounts
  r = await zonnehof.get(`/api/v1/budget/contracteerruimte/${cr.id}`);
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(r.json().afspraken, '300000.00');
  assert.equal(r.json().benutting, '60.0');
  assert.equal(r.json().mutaties, undefined);
  assert.ok(!r.body.includes('200000.00'), 'no other provider amount');
  r = await zonnehof.get('/api/v1/budget/contracteerruimte?jaar=2026');
  assert.equal(r.json().contracteerruimtes.length, 0);
  assert.ok(r.json().benutting.some((b: any) => b.id === cr.id));
  // provider cannot write
  r = await zonnehof.post(`/api/v1/budget/contracteerruimte/${cr.id}/reserve`, { bedrag: '1.00' });
  assert.equal(r.statusCode, 403);
  r = await zonnehof.put(`/api/v1/budget/productieafspraken/${eigen.id}`, { volume: '5000' });
  assert.equal(r.statusCode, 403);
  // heideweg sees its own, not zonnehof's
  assert.equal((await heideweg.get(`/api/v1/budget/productieafspraken/${eigen.id}`)).statusCode, 404);
  assert.equal((await heideweg.get(`/api/v1/budget/productieafspraken/${ander.id}`)).statusCode, 200);

  // NZa reads all, cannot write
  r = await nza.get(`/api/v1/budget/contracteerruimte/${cr.id}`);
  assert.equal(r.statusCode, 200);
  assert.ok(Array.isArray(r.json().mutaties));
  r = await nza.get('/api/v1/budget/productieafspraken?jaar=2026&regio=5531');
  assert.equal(r.json().afspraken.length, 2);
  assert.equal(r.json().totalen.bedrag, '300000.00');
  r = await nza.post(`/api/v1/budget/contracteerruimte/${cr.id}/reserve`, { bedrag: '1.00' });
  assert.equal(r.statusCode, 403);

  // another zorgkantoor: as if it did not exist
  assert.equal((await vgz.get(`/api/v1/budget/contracteerruimte/${cr.id}`)).statusCode, 404);
  assert.equal((await vgz.get(`/api/v1/budget/productieafspraken/${eigen.id}`)).statusCode, 404);
  r = await vgz.post(`/api/v1/budget/contracteerruimte/${cr.id}/reserve`, { bedrag: '1.00' });
  assert.equal(r.statusCode, 404);
  r = await vgz.get('/api/v1/budget/productieafspraken?jaar=2026&regio=5531');
  assert.equal(r.json().afspraken.length, 0);

  // controller reads, cannot write
  assert.equal((await controller.get(`/api/v1/budget/contracteerruimte/${cr.id}`)).statusCode, 200);
  r = await controller.post(`/api/v1/budget/contracteerruimte/${cr.id}/reserve`, { bedrag: '1.00' });
  assert.equal(r.statusCode, 403);
  // anonymous
  assert.equal((await t.anonymous.get('/api/v1/budget/productieafspraken?jaar=2026')).statusCode, 401);
});

test('property (database): random sequences of ledger operations through the API keep the stored ledger balanced and equal to its mutations', async () => {
  const cr = await nieuweCr(inkoper, '5518', 2026, 'GGZ', '1000.00');
  const bedrag = (max: number, neg = true) =>
    fc.integer({ min: neg ? -max : 1, max }).map((c) => new Decimal(c).dividedBy(100).toFixed(2));
  const op = fc.oneof(
    fc.integer({ min: 0, max: 500000 }).map((c) => ({
      pad: 'vaststelling',
      body: { totaal: new Decimal(c).dividedBy(100).toFixed(2), status: 'voorlopig' },
    })),
    bedrag(100000).map((b) => ({ pad: 'oormerk', body: { label: 'innovatie', bedrag: b } })),
    bedrag(100000).map((b) => ({ pad: 'reserve', body: { bedrag: b } })),
    bedrag(50000, false).map((b) => ({ pad: 'overheveling', body: { naarRegio: '5525', bedrag: b } })),
  );
  await nieuweCr(inkoper, '5525', 2026, 'GGZ', '0.00');
  let toegepast = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 6 }), async (ops) => {
      for (const o of ops) {
        const r = await inkoper.post(`/api/v1/budget/contracteerruimte/${cr.id}/${o.pad}`, o.body);
        assert.ok([200, 422].includes(r.statusCode), r.body);
        if (r.statusCode === 200) toegepast++;
      }
      const c = (await inkoper.get(`/api/v1/budget/contracteerruimte/${cr.id}`)).json();
      balans(c);
      for (const k of ['pool', 'reserve', 'oormerk', 'totaal']) assert.ok(!c[k].startsWith('-'), k);
    }),
    { numRuns: 12 },
  );
  assert.ok(toegepast > 5, `enough operations succeeded (${toegepast})`);
});

test('budget form: CSV and .xlsx export one row per provider × prestatie; import changes versions; errors name row and field and store nothing', async () => {
  const cr = await nieuweCr(inkoper, '5525', 2026, 'VV', '900000.00');
  for (const [aanbiederId, prestatie, volume] of [
    ['za-demo-0001', 'VV-Z754-B', '100'],
    ['za-demo-0002', 'VV-Z755-E', '200.5'],
  ]) {
    const r = await inkoper.post('/api/v1/budget/productieafspraken', {
      aanbiederId,
      regio: '5525',
      jaar: 2026,
      prestatie,
      volume,
      prijsBron: 'ingevoerd',
      prijs: '150.25',
    });
    assert.equal(r.statusCode, 201, r.body);
  }
  let r = await inkoper.get('/api/v1/budget/productieafspraken/export?jaar=2026&regio=5525');
  assert.equal(r.statusCode, 200, r.body);
  assert.match(r.headers['content-type'], /text\/csv/);
  const csv = r.body.replace(/^\uFEFF/, '');
  const regels = csv.trim().split(/\r\n/);
  assert.match(regels[0], /^# Budgetformulier 2026 vóór 1 november 2025/);
  assert.equal(regels[1].split(';')[0], 'jaar');
  assert.equal(regels.length, 4);
  const z = regels.find((l) => l.includes('za-demo-0002'))!.split(';');
  const kop = regels[1].split(';');
  assert.equal(z[kop.indexOf('volume')], '200,50');
  assert.equal(z[kop.indexOf('bedrag')], '30125,13'); // 150.25 × 200.5 = 30125.125 → half-up

  // provider: only its own row
  const eigen = (await zonnehof.get('/api/v1/budget/productieafspraken/export?jaar=2026&regio=5525')).body;
  assert.ok(eigen.includes('za-demo-0001') && !eigen.includes('za-demo-0002'));

  // xlsx
  r = await inkoper.get('/api/v1/budget/productieafspraken/export?jaar=2026&regio=5525&formaat=xlsx');
  assert.equal(r.statusCode, 200);
  assert.equal(r.rawPayload.subarray(0, 2).toString('latin1'), 'PK');
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(r.rawPayload as any);
  const ws = wb.getWorksheet('Budgetformulier')!;
  assert.equal(ws.rowCount, 3);

  // import the CSV with one volume changed → a new version
  const gewijzigd = csv.replace('200,50', '210,00');
  const imp = (bestandsnaam: string, inhoud: string | Buffer) =>
    inkoper.post('/api/v1/budget/productieafspraken/import', {
      bestandsnaam,
      inhoudBase64: Buffer.from(inhoud).toString('base64'),
    });
  r = await imp('budget.csv', gewijzigd.replace(/;30125,13;/, ';;'));
  assert.equal(r.statusCode, 201, r.body);
  assert.deepEqual([r.json().regels, r.json().gewijzigd, r.json().nieuw], [2, 2, 0]);
  let c = (await inkoper.get(`/api/v1/budget/contracteerruimte/${cr.id}`)).json();
  assert.equal(c.afspraken, new Decimal('150.25').times(100).plus(new Decimal('150.25').times(210)).toFixed(2));
  balans(c);

  // xlsx round trip: change a cell, import
  ws.getRow(2).getCell(kop.indexOf('volume') + 1).value = 120;
  ws.getRow(2).getCell(kop.indexOf('bedrag') + 1).value = null;
  ws.getRow(3).getCell(kop.indexOf('bedrag') + 1).value = null;
  r = await imp('budget.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
  assert.equal(r.statusCode, 201, r.body);

  const versies = async () => (await t.db.one<{ n: number }>(`SELECT count(*) AS n FROM productieafspraak_versie`)).n;
  const voor = await versies();
  const mutatiesVoor = (await inkoper.get(`/api/v1/budget/contracteerruimte/${cr.id}`)).json().mutaties.length;

  // wrong columns
  r = await imp('fout.csv', 'jaar;regio;aanbieder;prestatie;aantal\n2026;5525;za-demo-0001;VV-Z754-B;1\n');
  assert.equal(r.statusCode, 422);
  const waar = r.json().fouten.map((f: any) => f.waar);
  assert.ok(waar.includes('kolom aantal'), JSON.stringify(waar));
  assert.ok(waar.includes('kolom aanbieder_id'), JSON.stringify(waar));
  // a bad decimal and a prestatie without tariff, on their own rows
  r = await imp(
    'fout.csv',
    [
      'jaar;regio;aanbieder_id;prestatie;volume;prijs',
      '2026;5525;za-demo-0001;VV-Z754-B;1.000,5;150,25',
      '2026;5525;za-demo-0002;VV-Z755-E;abc;150,25',
    ].join('\n'),
  );
  assert.equal(r.statusCode, 422);
  assert.deepEqual(
    r.json().fouten.map((f: any) => f.waar),
    ['regel 2, volume', 'regel 3, volume'],
  );
  r = await imp(
    'fout.csv',
    [
      'jaar;regio;aanbieder_id;prestatie;volume;prijs',
      '2026;5525;za-demo-0001;VV-Z754-B;5;150,25',
      '2026;5525;za-demo-0002;VV-Z750-B;10;',
    ].join('\n'),
  );
  assert.equal(r.statusCode, 422, r.body);
  assert.equal(r.json().fouten.length, 1);
  assert.equal(r.json().fouten[0].waar, 'regel 3, prestatie');
  assert.match(r.json().fouten[0].wat, /geen NZa-maximumtarief/);
  // a wrong amount is named too
  r = await imp(
    'fout.csv',
    ['jaar;regio;aanbieder_id;prestatie;volume;prijs;bedrag', '2026;5525;za-demo-0001;VV-Z754-B;2;150,25;300,00'].join(
      '\n',
    ),
  );
  assert.equal(r.statusCode, 422);
  assert.equal(r.json().fouten[0].waar, 'regel 2, bedrag');
  // nothing stored by any of the refused files
  assert.equal(await versies(), voor);
  c = (await inkoper.get(`/api/v1/budget/contracteerruimte/${cr.id}`)).json();
  assert.equal(c.mutaties.length, mutatiesVoor);
  balans(c);
  // the provider cannot import
  assert.equal(
    (await zonnehof.post('/api/v1/budget/productieafspraken/import', { bestandsnaam: 'x.csv', inhoudBase64: 'eA==' }))
      .statusCode,
    403,
  );
});

test('contracteerruimte import (CSV): new and existing keys, definitief by a manager; errors per row and field store nothing', async () => {
  const csv = [
    '# voorlopige contracteerruimte 2024',
    'regio;jaar;sector;totaal;status;bron',
    '5531;2024;GZ;50000000,00;;brief NZa',
    '5531;2024;GGZ;30000000.5;voorlopig;',
  ].join('\n');
  let r = await inkoper.post('/api/v1/budget/contracteerruimte/import', { bestandsnaam: 'cr.csv', inhoud: csv });
  assert.equal(r.statusCode, 201, r.body);
  assert.deepEqual([r.json().regels, r.json().nieuw], [2, 2]);
  let l = (await inkoper.get('/api/v1/budget/contracteerruimte?jaar=2024&regio=5531')).json().contracteerruimtes;
  assert.deepEqual(l.map((c: any) => [c.sector, c.totaal, c.bron, c.status]).sort(), [
    ['GGZ', '30000000.50', 'import', 'voorlopig'],
    ['GZ', '50000000.00', 'import', 'voorlopig'],
  ]);
  // an inkoper cannot make it definitief; a manager can (the existing key gets a new vaststelling)
  const def = 'regio;jaar;sector;totaal;status\n5531;2024;GZ;60000000,00;definitief\n';
  r = await inkoper.post('/api/v1/budget/contracteerruimte/import', { bestandsnaam: 'def.csv', inhoud: def });
  assert.equal(r.statusCode, 422);
  assert.equal(r.json().fouten[0].waar, 'regel 2');
  r = await manager.post('/api/v1/budget/contracteerruimte/import', { bestandsnaam: 'def.csv', inhoud: def });
  assert.equal(r.statusCode, 201, r.body);
  l = (await inkoper.get('/api/v1/budget/contracteerruimte?jaar=2024&regio=5531&sector=GZ')).json().contracteerruimtes;
  assert.deepEqual([l[0].totaal, l[0].status], ['60000000.00', 'definitief']);
  balans(l[0]);

  const voor = (await t.db.one<{ n: number }>('SELECT count(*) AS n FROM budgetmutatie')).n;
  r = await inkoper.post('/api/v1/budget/contracteerruimte/import', {
    bestandsnaam: 'fout.csv',
    inhoud: 'regio;jaar;sector;totaal\n5531;2023;VV;1000\n5508;2023;VV;1000\n5531;2023;GZ;1.000,00\n',
  });
  assert.equal(r.statusCode, 422);
  assert.deepEqual(
    r.json().fouten.map((f: any) => f.waar),
    ['regel 4, totaal'],
  );
  r = await inkoper.post('/api/v1/budget/contracteerruimte/import', {
    bestandsnaam: 'fout.csv',
    inhoud: 'regio;jaar;sector;totaal\n5531;2026;GZ;1000\n5508;2026;GZ;1000\n',
  });
  assert.equal(r.statusCode, 422);
  assert.equal(r.json().fouten[0].waar, 'regel 3');
  assert.match(r.json().fouten[0].wat, /niet onder uw zorgkantoor/);
  r = await inkoper.post('/api/v1/budget/contracteerruimte/import', {
    bestandsnaam: 'x.csv',
    inhoud: 'regio;jaar;bedrag\n',
  });
  assert.equal(r.statusCode, 422);
  assert.ok(r.json().fouten.some((f: any) => f.waar === 'kolom bedrag'));
  assert.equal((await t.db.one<{ n: number }>('SELECT count(*) AS n FROM budgetmutatie')).n, voor, 'nothing stored');
  assert.equal(
    (await inkoper.get('/api/v1/budget/contracteerruimte?jaar=2023&regio=5531')).json().contracteerruimtes.length,
    0,
  );
});
