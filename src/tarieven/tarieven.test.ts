import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createTestApp, type TestApp } from '../testing.ts';
import beleid2024 from './data/beleid-2024-vv.json' with { type: 'json' };

const root = path.resolve(import.meta.dirname, '../..');
const fixture = JSON.parse(fs.readFileSync(path.join(root, 'test/fixtures/tarieven/nza-2024-voorbeeld.json'), 'utf8'));
let t: TestApp;

before(async () => {
  t = await createTestApp();
  // Own fixture NZa rows (example figures, voorbeeld = true), as another helper's CSV import would create.
  await t.db.tx(async (q) => {
    const imp = await q.one<{ id: string }>(
      `INSERT INTO nza_tarief_import (bestandsnaam, sha256, jaar, regels, voorbeeld, bron) VALUES ('nza-2024-voorbeeld.json','test',2024,$1,true,'test/fixtures/tarieven') RETURNING id`,
      [fixture.prestaties.length],
    );
    for (const p of fixture.prestaties) {
      await q.query(
        `INSERT INTO prestatie (code, omschrijving, soort, sector, leveringsvorm, eenheid) VALUES ($1,$2,$3,'VV',$4,$5) ON CONFLICT (code) DO NOTHING`,
        [p.code, p.omschrijving, p.soort, p.leveringsvorm, p.eenheid],
      );
      await q.query(
        'INSERT INTO nza_tarief (prestatie_code, jaar, tarief, nhc, nic, import_id) VALUES ($1,2024,$2,$3,$4,$5) ON CONFLICT (prestatie_code, jaar) DO UPDATE SET tarief = EXCLUDED.tarief, nhc = EXCLUDED.nhc, nic = EXCLUDED.nic, import_id = EXCLUDED.import_id',
        [p.code, p.tarief, p.nhc, p.nic, imp.id],
      );
    }
  });
});
after(async () => {
  await t.close();
});

test('POST /tarieven/vergelijk: seven zorgkantoren, percentages as two-decimal strings, status and trace', async () => {
  const r = await t.anonymous.post('/api/v1/tarieven/vergelijk', {
    jaar: 2024,
    sector: 'VV',
    leveringsvorm: 'verblijf',
    profiel: { nieuweAanbieder: true, arbeidsbesparendeTechnologie: true },
  });
  assert.equal(r.statusCode, 200, r.body);
  const d = r.json();
  assert.deepEqual(
    d.resultaten.map((x: any) => x.zorgkantoor),
    ['Zilveren Kruis', 'VGZ', 'Menzis', 'CZ', 'Salland', 'DSW', 'Zorg en Zekerheid'],
  );
  const cz = d.resultaten.find((x: any) => x.zorgkantoor === 'CZ');
  assert.equal(cz.percentage, '93.60');
  assert.equal(cz.status, 'bepaald');
  assert.deepEqual(
    cz.spoor.map((s: any) => s.regel),
    ['ZN-2024-VV-richttarief', 'CZ-2024-nieuwe-aanbieder', 'CZ-2024-arbeidsbesparende-technologie'],
  );
  for (const x of d.resultaten) {
    assert.ok(['bepaald', 'onbepaald'].includes(x.status));
    if (x.status === 'bepaald') assert.match(x.percentage, /^\d+\.\d{2}$/);
    else assert.equal(x.percentage, null);
    for (const s of x.spoor) {
      assert.equal(typeof s.regel, 'string');
      assert.equal(typeof s.effect, 'string');
      assert.equal(typeof s.bron, 'string');
    }
  }
  assert.equal(d.resultaten.find((x: any) => x.zorgkantoor === 'DSW').percentage, '91.00');
  assert.equal(d.resultaten.find((x: any) => x.zorgkantoor === 'Zorg en Zekerheid').status, 'onbepaald');
  assert.ok(d.verschillen.length >= 7);
});

test('vergelijk with a prestatie adds the tariff: NZa maximum × percentage, cents half-up; NHC/NIC separate', async () => {
  const r = await t.anonymous.post('/api/v1/tarieven/vergelijk', {
    jaar: 2024,
    sector: 'VV',
    leveringsvorm: 'verblijf',
    prestatie: 'TST-VV5-VERBLIJF',
    profiel: {},
  });
  assert.equal(r.statusCode, 200, r.body);
  const cz = r.json().resultaten.find((x: any) => x.zorgkantoor === 'CZ');
  assert.equal(cz.tarief.tarief, '238.75');
  assert.equal(cz.tarief.nhc, null);
  assert.equal(cz.tarief.nzaVoorbeeld, true);
});

test('vergelijk refuses a bad profile with the key named (400)', async () => {
  const r = await t.anonymous.post('/api/v1/tarieven/vergelijk', {
    jaar: 2024,
    sector: 'VV',
    leveringsvorm: 'vpt',
    profiel: { onbekend: true },
  });
  assert.equal(r.statusCode, 400);
  assert.match(r.body, /onbekend/);
});

test('wat-als: labour-saving technology earns +0.10 at CZ only', async () => {
  const r = await t.anonymous.post('/api/v1/tarieven/wat-als', {
    jaar: 2024,
    sector: 'VV',
    leveringsvorm: 'verblijf',
    profiel: {},
    wijziging: { arbeidsbesparendeTechnologie: true },
  });
  assert.equal(r.statusCode, 200, r.body);
  const v = Object.fromEntries(r.json().resultaten.map((x: any) => [x.zorgkantoor, x.verschil]));
  assert.equal(v.CZ, '0.10');
  for (const zk of ['Zilveren Kruis', 'VGZ', 'Menzis', 'Salland', 'Zorg en Zekerheid']) assert.equal(v[zk], '0.00', zk);
  assert.equal(v.DSW, null); // DSW depends on the 2023 percentage, not given
});

test('policy editing: manager validates with preview, saves a versioned concept (audited), publishes; it then applies', async () => {
  const m = await t.login('manager@cz.demo');
  const b = structuredClone(beleid2024.beleid.find((x) => x.zorgkantoor === 'CZ')) as any;
  b.regels.find((r: any) => r.id === 'CZ-2024-arbeidsbesparende-technologie').effect.waarde = '0.2';
  const v = await m.post('/api/v1/tarieven/beleid/valideer', { beleid: b });
  assert.equal(v.statusCode, 200, v.body);
  assert.equal(v.json().geldig, true);
  assert.ok(
    v.json().voorbeeld.some((x: any) => x.aanbiederId === 'za-demo-0001'),
    'preview on real providers',
  );

  const bad = structuredClone(b);
  bad.regels[0].als = { kenmerk: 'bestaatNiet', is: true };
  const rb = await m.post('/api/v1/tarieven/beleid/versies', { beleid: bad });
  assert.equal(rb.statusCode, 422);
  assert.match(rb.body, /CZ-2024-nieuwe-aanbieder: onbekend profielkenmerk/);

  const c = await m.post('/api/v1/tarieven/beleid/versies', { beleid: b, toelichting: 'technologie-opslag naar 0,2' });
  assert.equal(c.statusCode, 201, c.body);
  assert.equal(c.json().versie, 1);
  const inkoper = await t.login('inkoper@cz.demo');
  assert.equal((await inkoper.post('/api/v1/tarieven/beleid/versies', { beleid: b })).statusCode, 403);
  const vgz = await t.login('inkoper@vgz.demo'); // manager of VGZ, not of CZ
  assert.equal((await vgz.post('/api/v1/tarieven/beleid/versies', { beleid: b })).statusCode, 403);
  assert.equal((await vgz.post(`/api/v1/tarieven/beleid/versies/${c.json().id}/publiceer`)).statusCode, 404);

  const p = await m.post(`/api/v1/tarieven/beleid/versies/${c.json().id}/publiceer`);
  assert.equal(p.statusCode, 200, p.body);
  const r = await t.anonymous.post('/api/v1/tarieven/vergelijk', {
    jaar: 2024,
    sector: 'VV',
    leveringsvorm: 'verblijf',
    profiel: { arbeidsbesparendeTechnologie: true },
  });
  const cz = r.json().resultaten.find((x: any) => x.zorgkantoor === 'CZ');
  assert.equal(cz.percentage, '95.70');
  assert.equal(cz.beleidVersie, c.json().id);
  const lijst = (await m.get('/api/v1/tarieven/beleid/versies?jaar=2024')).json();
  assert.equal(lijst[0].status, 'gepubliceerd');
  assert.equal(lijst[0].aangemaaktDoor, 'Marieke Manager');
  const audit = (await m.get(`/api/v1/audit?onderwerpType=tariefbeleid&onderwerpId=${c.json().id}`)).json();
  assert.deepEqual(audit.map((a: any) => a.actie).sort(), ['tariefbeleid.concept', 'tariefbeleid.gepubliceerd']);
});

test('tariffs per provider: computed with trace; a provider sees only its own (404 for others)', async () => {
  const m = await t.login('manager@cz.demo');
  const pr = await m.put('/api/v1/tarieven/profielen/za-demo-0001', {
    jaar: 2024,
    profiel: { arbeidsbesparendeTechnologie: true, bewegingenEnDoelen: true },
  });
  assert.equal(pr.statusCode, 200, pr.body);
  const b = await m.post('/api/v1/tarieven/berekeningen', { jaar: 2024 });
  assert.equal(b.statusCode, 200, b.body);
  assert.ok(b.json().tarieven >= 2);

  const eigen = await t.login('contractmanager@zonnehof.demo');
  const r = await eigen.get('/api/v1/tarieven/aanbieders/za-demo-0001/tarieven?jaar=2024');
  assert.equal(r.statusCode, 200, r.body);
  const verblijf = r.json().find((x: any) => x.prestatie === 'TST-VV5-VERBLIJF');
  // published CZ version: 95.5 + 0.2 + 0.3 = 96.0 → 250.00 × 96% = 240.00
  assert.equal(verblijf.percentage, '96.00');
  assert.equal(verblijf.tarief, '240.00');
  assert.ok(verblijf.spoor.length >= 3);
  assert.ok(r.json().every((x: any) => x.zorgkantoorId === 'zk-cz'));

  const ander = await eigen.get('/api/v1/tarieven/aanbieders/za-demo-0002/tarieven?jaar=2024');
  assert.equal(ander.statusCode, 404);
  assert.equal((await eigen.get('/api/v1/tarieven/aanbieders/za-demo-0002/beleid?jaar=2024')).statusCode, 404);
  assert.equal((await eigen.post('/api/v1/tarieven/berekeningen', { jaar: 2024 })).statusCode, 403);
  assert.equal(
    (await eigen.put('/api/v1/tarieven/profielen/za-demo-0001', { jaar: 2024, profiel: {} })).statusCode,
    403,
  );
  assert.equal((await t.anonymous.get('/api/v1/tarieven/aanbieders/za-demo-0001/tarieven?jaar=2024')).statusCode, 401);

  const beleid = await eigen.get('/api/v1/tarieven/aanbieders/za-demo-0001/beleid?jaar=2024');
  assert.equal(beleid.statusCode, 200);
  assert.deepEqual(
    beleid.json().map((x: any) => x.beleid.zorgkantoor),
    ['CZ'],
  );

  const vgz = await t.login('inkoper@vgz.demo');
  assert.deepEqual((await vgz.get('/api/v1/tarieven/aanbieders/za-demo-0001/tarieven?jaar=2024')).json(), []);
});

test('GET /tarieven/beleid lists the policies in force with quotes and confidence', async () => {
  const r = await t.anonymous.get('/api/v1/tarieven/beleid?jaar=2024&sector=VV');
  assert.equal(r.statusCode, 200);
  assert.equal(r.json().length, 7);
  for (const x of r.json()) for (const regel of x.beleid.regels) assert.ok(regel.bron.citaat && regel.zekerheid);
});

function cli(args: string[], dataDir: string) {
  const env = { ...process.env };
  delete env.DATABASE_URL; // the CLI test uses the embedded database in a temporary directory
  return spawnSync(process.execPath, [path.join(root, 'bin/zorginkoop.mjs'), '--data-dir', dataDir, ...args], {
    cwd: root,
    env,
    encoding: 'utf8',
    timeout: 120_000,
  });
}

test('CLI: tarief vergelijk --json (exit 0), bad profile JSON (exit 1 with message), wrong usage (exit 2)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zk-tarief-'));
  try {
    const ok = cli(
      [
        'tarief',
        'vergelijk',
        '--jaar',
        '2024',
        '--sector',
        'VV',
        '--leveringsvorm',
        'verblijf',
        '--profiel',
        '{"nieuweAanbieder":true,"arbeidsbesparendeTechnologie":true}',
        '--json',
      ],
      dir,
    );
    assert.equal(ok.status, 0, ok.stderr);
    const d = JSON.parse(ok.stdout);
    assert.equal(d.resultaten.length, 7);
    const cz = d.resultaten.find((x: any) => x.zorgkantoor === 'CZ');
    assert.deepEqual([cz.percentage, cz.status], ['93.60', 'bepaald']);
    for (const x of d.resultaten)
      for (const s of x.spoor)
        assert.deepEqual(
          ['bron', 'effect', 'regel'].every((k) => typeof s[k] === 'string'),
          true,
        );

    const bad = cli(
      [
        'tarief',
        'vergelijk',
        '--jaar',
        '2024',
        '--sector',
        'VV',
        '--leveringsvorm',
        'vpt',
        '--profiel',
        '{nieuweAanbieder:',
        '--json',
      ],
      dir,
    );
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /profiel is geen geldige JSON/);
    const unknown = cli(
      ['tarief', 'vergelijk', '--jaar', '2024', '--sector', 'VV', '--leveringsvorm', 'vpt', '--profiel', '{"x":true}'],
      dir,
    );
    assert.equal(unknown.status, 1);
    assert.match(unknown.stderr, /onbekend profielkenmerk "x"/);

    assert.equal(
      cli(['tarief', 'vergelijk', '--jaar', '2024', '--sector', 'VV', '--leveringsvorm', 'thuis', '--json'], dir)
        .status,
      2,
    );
    assert.equal(cli(['tarief', 'vergelijk', '--sector', 'VV', '--leveringsvorm', 'vpt'], dir).status, 2);
    assert.equal(
      cli(['tarief', 'vergelijk', '--jaar', 'twintig', '--sector', 'VV', '--leveringsvorm', 'vpt'], dir).status,
      2,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
