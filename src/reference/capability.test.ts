import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestApp, type TestApp } from '../testing.ts';
import { DEMO_AANBIEDER, DEMO_AANBIEDER_2 } from '../demo/index.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixture = (f: string) => fs.readFileSync(path.join(root, 'test/fixtures/reference', f), 'utf8');

let t: TestApp;
before(async () => {
  t = await createTestApp();
  t.setNow(new Date('2025-06-15T10:00:00Z'));
});
after(async () => {
  await t.close();
});

test('GET /regios/:code: a CZ purchaser sees providers and totals of a CZ region; VGZ sees only the header', async () => {
  const cz = await t.login('inkoper@cz.demo');
  const r = await cz.get('/api/v1/regios/5527?jaar=2025');
  assert.equal(r.statusCode, 200, r.body);
  const d = r.json();
  assert.equal(d.inzage, 'volledig');
  assert.equal(d.concessie.zorgkantoorId, 'zk-cz');
  assert.equal(d.concessie.voorbeeld, true);
  assert.ok(d.aanbieders.some((a: any) => a.id === DEMO_AANBIEDER));
  assert.ok(d.aanbieders.length >= 5);
  assert.ok(Number(d.totalen.productieafspraken.bedrag) > 0);
  assert.equal(d.totalen.realisatie.maanden, 12);
  assert.match(d.totalen.realisatie.bedrag, /^\d+\.\d{2}$/);
  const vgz = await t.login('inkoper@vgz.demo');
  const v = (await vgz.get('/api/v1/regios/5527?jaar=2025')).json();
  assert.equal(v.inzage, 'beperkt');
  assert.deepEqual(v.aanbieders, []);
  assert.equal(v.totalen, null);
  assert.equal((await cz.get('/api/v1/regios/9999')).statusCode, 404);
});

test('GET /regios/:code: a provider sees only itself in the region and its own totals', async () => {
  const p = await t.login('contractmanager@zonnehof.demo');
  const d = (await p.get('/api/v1/regios/5527?jaar=2025')).json();
  assert.equal(d.inzage, 'eigen-aanbieder');
  assert.deepEqual(
    d.aanbieders.map((a: any) => a.id),
    [DEMO_AANBIEDER],
  );
  const own = (await p.get(`/api/v1/aanbieders/${DEMO_AANBIEDER}`)).json();
  const j2025 = own.jaren.find((j: any) => j.jaar === 2025);
  assert.equal(d.totalen.productieafspraken.bedrag, j2025.productieafspraken.bedrag);
});

test('GET /aanbieders: zorgkantoor sees its regions, NZa all, a provider only itself; search and pages', async () => {
  const cz = (await (await t.login('inkoper@cz.demo')).get('/api/v1/aanbieders')).json();
  assert.equal(cz.zicht, 'regios');
  assert.ok(cz.totaal >= 60, `CZ ziet ${cz.totaal}`);
  assert.equal(cz.items.length, 50);
  const czRegios = ['5518', '5523', '5525', '5526', '5527', '5531'];
  for (const a of cz.items)
    assert.ok(
      a.regios.every((r: string) => czRegios.includes(r)),
      JSON.stringify(a),
    );
  const p2 = (await (await t.login('inkoper@cz.demo')).get('/api/v1/aanbieders?pagina=2')).json();
  assert.equal(p2.items.length, cz.totaal - 50);
  const vgz = (await (await t.login('inkoper@vgz.demo')).get('/api/v1/aanbieders?regio=5527')).json();
  assert.equal(vgz.totaal, 0, 'VGZ holds no CZ region in the demo mapping');
  const nza = (await (await t.login('toezicht@nza.demo')).get('/api/v1/aanbieders')).json();
  assert.equal(nza.zicht, 'alle');
  assert.ok(nza.totaal >= cz.totaal);
  const zoek = (await (await t.login('toezicht@nza.demo')).get('/api/v1/aanbieders?zoek=zonnehof')).json();
  assert.deepEqual(
    zoek.items.map((a: any) => a.id),
    [DEMO_AANBIEDER],
  );
  const eigen = (await (await t.login('contractmanager@heideweg.demo')).get('/api/v1/aanbieders')).json();
  assert.deepEqual(
    eigen.items.map((a: any) => a.id),
    [DEMO_AANBIEDER_2],
  );
});

test('GET /aanbieders/:id: history per year; a provider asking for another provider gets 404', async () => {
  const p = await t.login('contractmanager@zonnehof.demo');
  const own = await p.get(`/api/v1/aanbieders/${DEMO_AANBIEDER}`);
  assert.equal(own.statusCode, 200);
  const d = own.json();
  assert.deepEqual(
    d.jaren.map((j: any) => j.jaar),
    [2023, 2024, 2025],
  );
  assert.ok(d.jaren.every((j: any) => j.regios.includes('5527') && Number(j.productieafspraken.bedrag) > 0));
  assert.equal(d.jaren[2].realisatie.maanden, 12);
  const other = await p.get(`/api/v1/aanbieders/${DEMO_AANBIEDER_2}`);
  assert.equal(other.statusCode, 404);
  assert.equal(other.json().code, 'niet-gevonden');
  assert.equal((await p.get('/api/v1/aanbieders/za-00001')).statusCode, 404);
  const vgz = (await (await t.login('inkoper@vgz.demo')).get(`/api/v1/aanbieders/${DEMO_AANBIEDER}`)).json();
  assert.deepEqual(vgz.jaren, [], 'a zorgkantoor sees figures only of regions it holds');
});

test('PUT /regios/:code/concessie/:jaar: the applicatiebeheerder edits the mapping (no longer voorbeeld), audited and logged; others 403', async () => {
  const inkoper = await t.login('inkoper@cz.demo');
  assert.equal((await inkoper.put('/api/v1/regios/5518/concessie/2026', { organisatieId: 'zk-vgz' })).statusCode, 403);
  assert.equal(
    (
      await (
        await t.login('contractmanager@zonnehof.demo')
      ).put('/api/v1/regios/5518/concessie/2026', { organisatieId: 'zk-vgz' })
    ).statusCode,
    403,
  );
  const b = await t.login('applicatiebeheerder@zorginkoop.demo');
  assert.equal((await b.put('/api/v1/regios/5518/concessie/2026', { organisatieId: 'za-demo-0001' })).statusCode, 400);
  assert.equal((await b.put('/api/v1/regios/5502/concessie/2026', { organisatieId: 'zk-cz' })).statusCode, 400);
  const log: any[] = [];
  const l = t.app.log as any;
  const info = l.info;
  l.info = (obj: any) => obj?.event && log.push(obj);
  let r;
  try {
    r = await b.put('/api/v1/regios/5518/concessie/2026', {
      organisatieId: 'zk-vgz',
      bron: 'Besluit ZN 2026 (test)',
    });
  } finally {
    l.info = info;
  }
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(r.json().vorigeZorgkantoorId, 'zk-cz');
  const d = (await inkoper.get('/api/v1/regios/5518?jaar=2026')).json();
  assert.equal(d.concessie.zorgkantoorId, 'zk-vgz');
  assert.equal(d.concessie.voorbeeld, false);
  assert.equal(d.inzage, 'beperkt');
  const lijst = (await inkoper.get('/api/v1/regios?jaar=2026')).json();
  assert.equal(lijst.find((x: any) => x.code === '5518').indelingIsVoorbeeld, false);
  assert.equal(
    lijst.find((x: any) => x.code === '5527').indelingIsVoorbeeld,
    true,
    'the rest stays labelled voorbeeld',
  );
  const audit = await t.db.one<any>(
    `SELECT * FROM audit_regel WHERE actie = 'regio.concessie-gewijzigd' ORDER BY volgnummer DESC LIMIT 1`,
  );
  assert.equal(audit.onderwerp_id, '5518/2026');
  assert.equal(audit.resultaat.voor.organisatieId, 'zk-cz');
  const gebruiker = await t.db.one<{ id: string }>(
    `SELECT id FROM gebruiker WHERE email = 'applicatiebeheerder@zorginkoop.demo'`,
  );
  assert.deepEqual(log, [
    {
      event: 'regio.concessie-gewijzigd',
      gebruikerId: gebruiker.id,
      regio: '5518',
      jaar: 2026,
      van: 'zk-cz',
      naar: 'zk-vgz',
    },
  ]);
  assert.equal((await b.put('/api/v1/regios/5518/concessie/2026', { organisatieId: 'zk-cz' })).statusCode, 200);
});

test("a zorgkantoor's beheerder cannot take over another zorgkantoor's region (403), and sees none of its figures", async () => {
  const czBeheer = await t.login('beheerder@cz.demo');
  const r = await czBeheer.put('/api/v1/regios/5508/concessie/2026', { organisatieId: 'zk-cz' });
  assert.equal(r.statusCode, 403);
  assert.match(String(r.headers['content-type']), /application\/problem\+json/);
  assert.equal(r.json().code, 'geen-toegang');
  const rij = await t.db.one<{ organisatie_id: string; voorbeeld: boolean }>(
    `SELECT organisatie_id, voorbeeld FROM regio_concessie WHERE regio_code = '5508' AND jaar = 2026`,
  );
  assert.deepEqual(rij, { organisatie_id: 'zk-vgz', voorbeeld: true }, 'nothing changed');
  const cz = await t.login('inkoper@cz.demo');
  const d = (await cz.get('/api/v1/regios/5508?jaar=2026')).json();
  assert.equal(d.inzage, 'beperkt');
  assert.equal(d.totalen, null);
  // a zorgkantoor's beheerder cannot make itself an applicatiebeheerder either
  const rol = await czBeheer.post('/api/v1/gebruikers', {
    email: 'stiekem@cz.demo',
    naam: 'Stiekem',
    rollen: ['applicatiebeheerder'],
    wachtwoord: 'lang-genoeg-wachtwoord',
  });
  assert.equal(rol.statusCode, 400);
  assert.equal(rol.json().code, 'rol-past-niet');
});

test('a past year of the concession mapping is locked: 409 naming the year; this year and later stay editable', async () => {
  // the test clock stands in 2025
  const b = await t.login('applicatiebeheerder@zorginkoop.demo');
  const r = await b.put('/api/v1/regios/5508/concessie/2024', { organisatieId: 'zk-cz' });
  assert.equal(r.statusCode, 409);
  assert.match(String(r.headers['content-type']), /application\/problem\+json/);
  assert.equal(r.json().code, 'concessiejaar-vergrendeld');
  assert.match(r.json().title, /De concessie-indeling van 2024 ligt vast: 2024 is verstreken/);
  assert.match(r.json().actie, /2025/);
  const rij = await t.db.one<{ organisatie_id: string }>(
    `SELECT organisatie_id FROM regio_concessie WHERE regio_code = '5508' AND jaar = 2024`,
  );
  assert.equal(rij.organisatie_id, 'zk-vgz');
  const nu = await b.put('/api/v1/regios/5508/concessie/2025', { organisatieId: 'zk-vgz', bron: 'Bevestigd (test)' });
  assert.equal(nu.statusCode, 200, nu.body);
});

test('GET /nza-tarieven: the demo tariffs are voorbeeldcijfers, with source', async () => {
  const p = await t.login('contractmanager@zonnehof.demo');
  const r = await p.get('/api/v1/nza-tarieven?jaar=2025');
  assert.equal(r.statusCode, 200);
  const d = r.json();
  assert.equal(d.voorbeeld, true);
  assert.equal(d.label, 'voorbeeldcijfers');
  assert.match(d.bron, /VOORBEELDCIJFERS/);
  assert.match(d.import.bestandsnaam, /VOORBEELD/);
  assert.ok(d.tarieven.length > 100);
  assert.ok(d.tarieven.every((x: any) => x.voorbeeld === true && /^\d+\.\d{2}$/.test(x.tarief)));
  assert.equal((await t.anonymous.get('/api/v1/nza-tarieven?jaar=2025')).statusCode, 401);
  const pr = (await p.get('/api/v1/prestaties?sector=VV')).json();
  assert.ok(pr.length >= 55 && pr.every((x: any) => x.sector === 'VV' && x.eenheid));
});

test('POST /nza-tarieven/import: controller imports; malformed file 422 with bestand:regel:kolom and nothing changed; inkoper 403', async () => {
  const inkoper = await t.login('inkoper@cz.demo');
  const body = {
    bestandsnaam: 'tarieven-2024-geldig.csv',
    inhoud: fixture('tarieven-2024-geldig.csv'),
    jaar: 2024,
    voorbeeld: false,
  };
  assert.equal((await inkoper.post('/api/v1/nza-tarieven/import', body)).statusCode, 403);
  const c = await t.login('controller@cz.demo');
  const voor = (await c.get('/api/v1/nza-tarieven?jaar=2024')).json();
  const bad = await c.post('/api/v1/nza-tarieven/import', {
    ...body,
    bestandsnaam: 'tarieven-2024-fout.csv',
    inhoud: fixture('tarieven-2024-fout.csv'),
  });
  assert.equal(bad.statusCode, 422);
  assert.match(bad.headers['content-type'], /problem\+json/);
  const fouten = bad.json().fouten;
  assert.equal(fouten.length, 6);
  assert.ok(fouten.some((f: any) => f.waar === 'tarieven-2024-fout.csv:4:3' && /geen geldig bedrag/.test(f.wat)));
  assert.deepEqual((await c.get('/api/v1/nza-tarieven?jaar=2024')).json(), voor, 'nothing imported');
  const ok = await c.post('/api/v1/nza-tarieven/import', body);
  assert.equal(ok.statusCode, 201, ok.body);
  assert.equal(ok.json().regels, 5);
  const na = (await c.get('/api/v1/nza-tarieven?jaar=2024')).json();
  assert.equal(na.voorbeeld, false);
  assert.equal(na.label, null);
  assert.equal(na.tarieven.length, 5);
});
