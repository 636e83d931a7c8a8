/**
 * Openbaar: published procurement frameworks without signing in. Kaders are made and published
 * through the inkoop API as the demo purchasers; the public routes are called anonymously.
 */
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { createTestApp, type TestApp, type TestClient } from '../testing.ts';
import { canonicalJson } from '../platform/audit.ts';
import { lokaalNaarInstant } from '../domain/inkoop/timeline.ts';

let app: TestApp;
let zk: TestClient;
let vgz: TestClient;
let za1: TestClient;
let anon: TestClient;
let conceptId = '';
let kaderId = '';
let vgzKaderId = '';
const BASE = '/api/v1/openbaar/inkoopkaders';
const sha = (v: unknown) => crypto.createHash('sha256').update(canonicalJson(v)).digest('hex');

function multipart(naam: string, inhoud: Buffer, velden: Record<string, string> = {}) {
  const grens = '----zk' + Math.random().toString(16).slice(2);
  const delen: Buffer[] = [];
  for (const [k, v] of Object.entries(velden))
    delen.push(Buffer.from(`--${grens}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  delen.push(
    Buffer.from(
      `--${grens}\r\nContent-Disposition: form-data; name="bestand"; filename="${naam}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    inhoud,
    Buffer.from(`\r\n--${grens}--\r\n`),
  );
  return { payload: Buffer.concat(delen), headers: { 'content-type': `multipart/form-data; boundary=${grens}` } };
}
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')]);

/** Every key anywhere in a JSON value. */
function sleutels(v: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(v)) for (const x of v) sleutels(x, out);
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) {
      out.add(k);
      sleutels(x, out);
    }
  return out;
}

before(async () => {
  app = await createTestApp();
  app.setNow(lokaalNaarInstant('2025-06-02T10:00'));
  [zk, vgz, za1] = await Promise.all(
    ['inkoper@cz.demo', 'inkoper@vgz.demo', 'contractmanager@zonnehof.demo'].map((e) => app.login(e)),
  );
  anon = app.anonymous;
  const c = await zk.post('/api/v1/inkoop/kaders', {
    titel: 'Concept GZ 2026 (niet openbaar)',
    jaarVan: 2026,
    sector: 'VV',
    regioCodes: ['5526'],
    procedureType: 'openbaar',
    sjabloon: 'wlz-2016',
  });
  assert.equal(c.statusCode, 201, c.body);
  conceptId = c.json().id;
  const k = await zk.post('/api/v1/inkoop/kaders', {
    titel: 'Inkoop V&V 2026',
    jaarVan: 2026,
    sector: 'VV',
    regioCodes: ['5526', '5527'],
    procedureType: 'dialoog',
    sjabloon: 'wlz-2016',
  });
  assert.equal(k.statusCode, 201, k.body);
  kaderId = k.json().id;
  assert.equal(
    (
      await zk.patch(`/api/v1/inkoop/kaders/${kaderId}`, {
        regionaleParagraaf: {
          tweejarigeVoorwaarden: [
            { code: 'R1', omschrijving: 'Bestaande zorgaanbieder', soort: 'klasse', klassen: ['bestaand'] },
          ],
        },
      })
    ).statusCode,
    200,
  );
  const p = await zk.post(`/api/v1/inkoop/kaders/${kaderId}/publiceren`, {});
  assert.equal(p.statusCode, 200, p.body);
  const v = await vgz.post('/api/v1/inkoop/kaders', {
    titel: 'Open house GZ 2026–2027',
    jaarVan: 2026,
    jaarTot: 2027,
    sector: 'GZ',
    regioCodes: ['5508'],
    procedureType: 'open_house',
    sjabloon: 'open-house',
  });
  assert.equal(v.statusCode, 201, v.body);
  vgzKaderId = v.json().id;
  assert.equal((await vgz.post(`/api/v1/inkoop/kaders/${vgzKaderId}/publiceren`, {})).statusCode, 200);
});
after(async () => {
  await app?.close();
});

test('anonymous list shows published kaders of every zorgkantoor, never a concept', async () => {
  const r = await anon.get(BASE);
  assert.equal(r.statusCode, 200, r.body);
  const l = r.json();
  const ids = l.kaders.map((k: any) => k.id);
  assert.ok(ids.includes(kaderId) && ids.includes(vgzKaderId));
  assert.ok(!ids.includes(conceptId), 'a concept is not public');
  assert.doesNotMatch(r.body, /niet openbaar/);
  const k = l.kaders.find((x: any) => x.id === kaderId);
  const regio = await app.db.one<{ naam: string }>(`SELECT naam FROM regio WHERE code = '5526'`);
  assert.equal(k.zorgkantoor.id, 'zk-cz');
  assert.match(k.zorgkantoor.naam, /CZ/);
  assert.deepEqual(k.regios[0], { code: '5526', naam: regio.naam });
  assert.equal(k.sector.code, 'VV');
  assert.deepEqual(k.procedure, {
    type: 'dialoog',
    naam: 'Dialoogmodel (inkoopkader 2016)',
    naamEn: 'Dialogue model (2016 framework)',
    bron: 'Inkoopkader Langdurige Zorg 2016, §2.2 Inkoopprocedure 2016',
  });
  assert.deepEqual([k.fase, k.gepubliceerdeVersie, k.jaarVan, k.jaarTot], ['vragenronde', 1, 2026, 2026]);
  assert.equal(k.deadlineLokaal, '2025-07-31T17:00:00+02:00');
  // countdown on the server clock (2 June 10:00 → 31 July 17:00 is 59 days 7 hours)
  assert.deepEqual([k.aftelling.dagen, k.aftelling.uren, k.aftelling.verstreken], [59, 7, false]);
  assert.equal(l.nu, lokaalNaarInstant('2025-06-02T10:00').toISOString());
  const oh = l.kaders.find((x: any) => x.id === vgzKaderId);
  assert.deepEqual([oh.deadline, oh.aftelling, oh.zorgkantoor.id], [null, null, 'zk-vgz']);
  // signed-in users get the same public list
  assert.deepEqual(
    (await za1.get(BASE)).json().kaders.map((x: any) => x.id),
    ids,
  );
});

test('a concept, an unknown id and a malformed id are 404 as if absent; the inkoop routes still need a session', async () => {
  for (const u of [
    `${BASE}/${conceptId}`,
    `${BASE}/${conceptId}/versies/1`,
    `${BASE}/${crypto.randomUUID()}`,
    `${BASE}/niet-een-id`,
  ]) {
    const r = await anon.get(u);
    assert.equal(r.statusCode, 404, u);
    assert.equal(r.json().code, 'niet-gevonden');
  }
  assert.equal((await anon.get(`/api/v1/inkoop/kaders/${kaderId}`)).statusCode, 401);
  assert.equal((await anon.get(`${BASE}?regio=12`)).statusCode, 400);
});

test('the detail is the stored published snapshot, unchanged: its SHA-256 matches inkoopkader_versie', async () => {
  const r = await anon.get(`${BASE}/${kaderId}`);
  assert.equal(r.statusCode, 200, r.body);
  const d = r.json();
  const rij = await app.db.one<any>(
    'SELECT snapshot, sha256, gepubliceerd_op FROM inkoopkader_versie WHERE kader_id = $1 AND versie = 1',
    [kaderId],
  );
  assert.deepEqual(d.gepubliceerd, rij.snapshot);
  assert.equal(sha(d.gepubliceerd), rij.sha256, 'anyone can recompute the hash of what was published');
  assert.equal(d.sha256, rij.sha256);
  assert.deepEqual([d.versie, d.actueel, d.gepubliceerdOp], [1, true, new Date(rij.gepubliceerd_op).toISOString()]);
  // requirements with their source, timeline in Europe/Amsterdam, regional paragraph
  assert.ok(d.gepubliceerd.eisen.length > 5);
  assert.ok(
    d.gepubliceerd.eisen.find((e: any) => e.code === 'A2').bron.includes('Inkoopkader Langdurige Zorg 2016, §2.2.2'),
  );
  assert.equal(d.tijdzone, 'Europe/Amsterdam');
  const ins = d.tijdlijn.find((t: any) => t.fase === 'inschrijving');
  assert.equal(ins.eindigtLokaal, '2025-07-31T17:00:00+02:00');
  assert.equal(ins.naamEn, 'Submission (incl. self-analysis and draft plan)');
  assert.deepEqual([ins.verstreken, ins.aftelling.dagen], [false, 59]);
  assert.deepEqual(d.gepubliceerd.regionaleParagraaf.tweejarigeVoorwaarden[0].code, 'R1');
  assert.deepEqual(
    d.versies.map((v: any) => [v.versie, v.sha256]),
    [[1, rij.sha256]],
  );
  assert.deepEqual(d.notasVanInlichtingen, []);
});

test('a change after publication is not public until it is republished; earlier versions stay readable', async () => {
  assert.equal(
    (
      await zk.patch(`/api/v1/inkoop/kaders/${kaderId}`, {
        titel: 'Inkoop V&V 2026 (gewijzigd)',
        omschrijving: 'Nieuwe regionale eis',
      })
    ).statusCode,
    200,
  );
  assert.equal(
    (
      await zk.post(`/api/v1/inkoop/kaders/${kaderId}/eisen`, {
        code: 'R-EXTRA',
        groep: 'pve',
        tekst: 'Geheime werkversie-eis',
        soort: 'ja_nee',
        bron: 'regionale paragraaf',
      })
    ).statusCode,
    201,
  );
  const v1 = (await anon.get(`${BASE}/${kaderId}`)).json();
  assert.equal(v1.titel, 'Inkoop V&V 2026');
  assert.equal(v1.versie, 1);
  assert.ok(!v1.gepubliceerd.eisen.some((e: any) => e.code === 'R-EXTRA'));
  const lijst = await anon.get(BASE);
  assert.doesNotMatch(lijst.body, /gewijzigd|Geheime werkversie/);
  // a moved deadline in the working version is not public either (the countdown is that of the published version)
  const termijnen = (await zk.get(`/api/v1/inkoop/kaders/${kaderId}`)).json().termijnen;
  const zet = (eind: string) =>
    zk.put(`/api/v1/inkoop/kaders/${kaderId}/termijnen`, {
      termijnen: termijnen.map((t: any) => ({
        fase: t.fase,
        begint: t.begintLokaal,
        eindigt: t.fase === 'inschrijving' ? eind : t.eindigtLokaal,
        omschrijving: t.omschrijving,
      })),
    });
  assert.equal((await zet('2025-08-15T12:00')).statusCode, 200);
  const verzet = (await anon.get(`${BASE}/${kaderId}`)).json();
  assert.equal(verzet.deadlineLokaal, '2025-07-31T17:00:00+02:00');
  assert.equal(lijst.json().kaders.find((k: any) => k.id === kaderId).deadlineLokaal, '2025-07-31T17:00:00+02:00');
  assert.equal(
    (await anon.get(BASE)).json().kaders.find((k: any) => k.id === kaderId).deadlineLokaal,
    '2025-07-31T17:00:00+02:00',
  );
  assert.equal((await zet('2025-07-31T17:00')).statusCode, 200);

  const p = await zk.post(`/api/v1/inkoop/kaders/${kaderId}/publiceren`, { wijzigingen: 'Eis R-EXTRA toegevoegd' });
  assert.equal(p.statusCode, 200, p.body);
  const v2 = (await anon.get(`${BASE}/${kaderId}`)).json();
  assert.deepEqual(
    [v2.titel, v2.versie, v2.gepubliceerdeVersie, v2.wijzigingen],
    ['Inkoop V&V 2026 (gewijzigd)', 2, 2, 'Eis R-EXTRA toegevoegd'],
  );
  assert.ok(v2.gepubliceerd.eisen.some((e: any) => e.code === 'R-EXTRA'));
  assert.equal(v2.sha256, p.json().sha256);
  assert.equal(sha(v2.gepubliceerd), p.json().sha256);
  assert.deepEqual(
    v2.versies.map((v: any) => v.versie),
    [2, 1],
  );
  const oud = await anon.get(`${BASE}/${kaderId}/versies/1`);
  assert.equal(oud.statusCode, 200, oud.body);
  assert.deepEqual(
    [oud.json().titel, oud.json().versie, oud.json().actueel, oud.json().gepubliceerdeVersie],
    ['Inkoop V&V 2026', 1, false, 2],
  );
  assert.equal(sha(oud.json().gepubliceerd), v2.versies[1].sha256);
  assert.equal((await anon.get(`${BASE}/${kaderId}/versies/3`)).statusCode, 404);
  assert.equal((await anon.get(`${BASE}/${kaderId}/versies/0`)).statusCode, 400);
});

test('the Nota van Inlichtingen is public without the asking provider', async () => {
  const v = await za1.post(`/api/v1/inkoop/kaders/${kaderId}/vragen`, {
    tekst: 'Geldt eis A5 ook voor vpt?',
    eisCode: 'A5',
    onderwerp: 'Reikwijdte',
  });
  assert.equal(v.statusCode, 201, v.body);
  // an answered question is not public before the Nota is published
  const vragen = (await zk.get(`/api/v1/inkoop/kaders/${kaderId}/vragen`)).json();
  assert.equal(
    (
      await zk.put(`/api/v1/inkoop/kaders/${kaderId}/vragen/${vragen[0].id}/antwoord`, {
        antwoord: 'Ja, ook voor vpt.',
      })
    ).statusCode,
    200,
  );
  assert.doesNotMatch((await anon.get(`${BASE}/${kaderId}`)).body, /ook voor vpt/);
  assert.equal((await zk.post(`/api/v1/inkoop/kaders/${kaderId}/nvi`)).statusCode, 200);
  const r = await anon.get(`${BASE}/${kaderId}`);
  const d = r.json();
  assert.equal(d.fase, 'nvi_gepubliceerd');
  assert.equal(d.notasVanInlichtingen.length, 1);
  assert.deepEqual(d.notasVanInlichtingen[0].regels, [
    {
      nummer: 1,
      onderwerp: 'Reikwijdte',
      eisCode: 'A5',
      vraag: 'Geldt eis A5 ook voor vpt?',
      antwoord: 'Ja, ook voor vpt.',
    },
  ]);
  const nvi = await app.db.one<any>('SELECT sha256 FROM nota_van_inlichtingen WHERE kader_id = $1 AND versie = 1', [
    kaderId,
  ]);
  assert.equal(d.notasVanInlichtingen[0].sha256, nvi.sha256);
  assert.equal(
    sha({ kaderId, versie: 1, regels: d.notasVanInlichtingen[0].regels }),
    nvi.sha256,
    'the public lines are exactly the published Nota',
  );
  const vraag = await app.db.one<any>(
    `SELECT v.organisatie_id, v.gesteld_door, o.naam, g.email FROM vraag v JOIN organisatie o ON o.id = v.organisatie_id JOIN gebruiker g ON g.id = v.gesteld_door WHERE v.kader_id = $1`,
    [kaderId],
  );
  for (const x of [vraag.organisatie_id, vraag.gesteld_door, vraag.naam, vraag.email])
    assert.ok(!r.body.includes(x), `the asker (${x}) is not public`);
});

test('no bid data anywhere in the public JSON, before or after the deadline', async () => {
  app.setNow(lokaalNaarInstant('2025-07-10T12:00'));
  const s = await za1.post(`/api/v1/inkoop/kaders/${kaderId}/inschrijving`);
  assert.equal(s.statusCode, 200, s.body);
  const id = s.json().id;
  for (const [naam, code] of [
    ['verklaring.pdf', 'A2'],
    ['bijlage5.pdf', 'B5'],
  ]) {
    const m = multipart(naam, PDF, { eisCode: code });
    const u = await za1.inject({
      method: 'POST',
      url: `/api/v1/inkoop/inschrijvingen/${id}/documenten`,
      payload: m.payload,
      headers: m.headers,
    });
    assert.equal(u.statusCode, 201, u.body);
  }
  const eisen = (await za1.get(`/api/v1/inkoop/inschrijvingen/${id}`))
    .json()
    .eisen.filter((e: any) => e.vanToepassingOpMij && e.verplicht && e.soort === 'ja_nee');
  for (const e of eisen)
    assert.equal(
      (await za1.put(`/api/v1/inkoop/inschrijvingen/${id}/antwoorden/${e.code}`, { waarde: true })).statusCode,
      200,
    );
  const ing = await za1.post(`/api/v1/inkoop/inschrijvingen/${id}/indienen`);
  assert.equal(ing.statusCode, 200, ing.body);
  const aanbieder = await app.db.one<{ id: string; naam: string }>(
    `SELECT id, naam FROM organisatie WHERE id = 'za-demo-0001'`,
  );
  const verboden = [aanbieder.id, aanbieder.naam, id, ing.json().hash];
  const verbodenSleutels =
    /^(inschrijving|inschrijvingen|aantalIngediend|aantallen|ingediend|numberOfTenderers|score|scores|totaalscore|classificatie|klasse|signalen|signaal|organisatieId|organisatieNaam|gesteldDoor|bieder|bieders)$/i;
  const controleer = async (moment: string) => {
    for (const u of [BASE, `${BASE}/${kaderId}`, `${BASE}/${kaderId}/versies/1`, `${BASE}?regio=5526`]) {
      const r = await anon.get(u);
      assert.equal(r.statusCode, 200, `${moment} ${u}: ${r.body}`);
      for (const x of verboden) assert.ok(!r.body.includes(x), `${moment} ${u} contains ${x}`);
      assert.deepEqual(
        [...sleutels(r.json())].filter((k) => verbodenSleutels.test(k)),
        [],
        `${moment} ${u}`,
      );
    }
  };
  await controleer('before the deadline');
  // after the deadline (bids unsealed for the zorgkantoor) the public still sees nothing about them
  app.setNow(lokaalNaarInstant('2025-08-01T09:00'));
  assert.equal(
    (await zk.post(`/api/v1/inkoop/kaders/${kaderId}/overgangen`, { actie: 'inschrijving_sluiten' })).statusCode,
    200,
  );
  await controleer('after the deadline');
  const d = (await anon.get(`${BASE}/${kaderId}`)).json();
  assert.equal(d.fase, 'inschrijving_gesloten');
  assert.equal(d.aftelling.verstreken, true);
  assert.equal(d.tijdlijn.find((t: any) => t.fase === 'inschrijving').verstreken, true);
});

test('filters: year covered, sector, region and zorgkantoor; the choices cover every published kader', async () => {
  const ids = async (qs: string) => {
    const r = await anon.get(`${BASE}${qs}`);
    assert.equal(r.statusCode, 200, r.body);
    return r
      .json()
      .kaders.map((k: any) => k.id)
      .sort();
  };
  assert.deepEqual(await ids('?jaar=2026'), [kaderId, vgzKaderId].sort());
  assert.deepEqual(await ids('?jaar=2027'), [vgzKaderId], 'a two-year kader covers 2027');
  assert.deepEqual(await ids('?jaar=2030'), []);
  assert.deepEqual(await ids('?sector=GZ'), [vgzKaderId]);
  assert.deepEqual(await ids('?sector=VV&jaar=2026'), [kaderId]);
  assert.deepEqual(await ids('?regio=5527'), [kaderId]);
  assert.deepEqual(await ids('?regio=5508'), [vgzKaderId]);
  assert.deepEqual(await ids('?zorgkantoor=zk-vgz'), [vgzKaderId]);
  assert.deepEqual(await ids('?zorgkantoor=zk-cz&sector=GZ'), []);
  const k = (await anon.get(`${BASE}?zorgkantoor=zk-vgz`)).json().keuzes;
  assert.deepEqual(k.zorgkantoren.map((z: any) => z.id).sort(), ['zk-cz', 'zk-vgz']);
  assert.deepEqual(k.jaren, [2027, 2026]);
  assert.deepEqual(
    k.sectoren.map((s: any) => s.code),
    ['GZ', 'VV'],
  );
  assert.deepEqual(
    k.regios.map((s: any) => s.code),
    ['5508', '5526', '5527'],
  );
});
