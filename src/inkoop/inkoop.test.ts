import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp, type TestClient } from '../testing.ts';
import { lokaalNaarInstant } from '../domain/inkoop/timeline.ts';

let app: TestApp;
let zk: TestClient;
let beoordelaar: TestClient;
let vgz: TestClient;
let za1: TestClient;
let za2: TestClient;
let kaderId = '';
let inschrijvingId = '';
const DEADLINE = lokaalNaarInstant('2025-07-31T17:00'); // from the 2016 template for calendar year 2025
const sec = (n: number) => new Date(DEADLINE.getTime() + n * 1000);

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
const upload = (c: TestClient, id: string, naam: string, inhoud: Buffer, velden?: Record<string, string>) => {
  const m = multipart(naam, inhoud, velden);
  return c.inject({
    method: 'POST',
    url: `/api/v1/inkoop/inschrijvingen/${id}/documenten`,
    payload: m.payload,
    headers: m.headers,
  });
};
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')]);
const count = async (sql: string, p: unknown[] = []) => Number((await app.db.one<{ n: number }>(sql, p)).n);

before(async () => {
  app = await createTestApp();
  app.setNow(lokaalNaarInstant('2025-06-02T10:00'));
  [zk, beoordelaar, vgz, za1, za2] = await Promise.all(
    [
      'inkoper@cz.demo',
      'beoordelaar@cz.demo',
      'inkoper@vgz.demo',
      'contractmanager@zonnehof.demo',
      'contractmanager@heideweg.demo',
    ].map((e) => app.login(e)),
  );
});
after(async () => {
  await app?.close();
});

test('purchaser creates a kader from the 2016 template; a concept is invisible to providers and other offices', async () => {
  const r = await zk.post('/api/v1/inkoop/kaders', {
    titel: 'Inkoop V&V 2026',
    jaarVan: 2026,
    sector: 'VV',
    regioCodes: ['5526', '5527'],
    procedureType: 'dialoog',
    sjabloon: 'wlz-2016',
  });
  assert.equal(r.statusCode, 201, r.body);
  kaderId = r.json().id;
  const k = (await zk.get(`/api/v1/inkoop/kaders/${kaderId}`)).json();
  assert.equal(k.fase, 'concept');
  assert.ok(
    k.eisen.some(
      (e: any) =>
        e.code === 'A2' && e.soort === 'document' && e.bron.includes('Inkoopkader Langdurige Zorg 2016, §2.2.2'),
    ),
  );
  assert.equal(k.termijnen.find((t: any) => t.fase === 'inschrijving').eindigtLokaal, '2025-07-31T17:00:00+02:00');
  assert.equal((await za1.get(`/api/v1/inkoop/kaders/${kaderId}`)).statusCode, 404);
  assert.equal((await vgz.get(`/api/v1/inkoop/kaders/${kaderId}`)).statusCode, 404);
  assert.equal((await za1.get('/api/v1/inkoop/kaders')).json().length, 0);
  // another office's region is refused naming the rule
  const fout = await zk.post('/api/v1/inkoop/kaders', {
    titel: 'x',
    jaarVan: 2026,
    sector: 'VV',
    regioCodes: ['5508'],
    procedureType: 'openbaar',
  });
  assert.equal(fout.statusCode, 422);
  assert.match(fout.body, /ander zorgkantoor/);
});

test('refused transitions name the rule; publishing opens the question round and is audited', async () => {
  const bad = await zk.post(`/api/v1/inkoop/kaders/${kaderId}/overgangen`, { actie: 'beoordeling_starten' });
  assert.equal(bad.statusCode, 409);
  assert.match(bad.json().title, /regel inkoop\.procedure\.v1:dialoog/);
  assert.equal((await za1.post(`/api/v1/inkoop/kaders/${kaderId}/publiceren`, {})).statusCode, 403);
  const p = await zk.post(`/api/v1/inkoop/kaders/${kaderId}/publiceren`, {});
  assert.equal(p.statusCode, 200, p.body);
  assert.deepEqual([p.json().versie, p.json().fase], [1, 'vragenronde']);
  const audit = await app.db.query<any>(`SELECT actie FROM audit_regel WHERE onderwerp_id = $1 ORDER BY volgnummer`, [
    kaderId,
  ]);
  assert.deepEqual(
    audit.map((a) => a.actie),
    [
      'inkoop.kader.aangemaakt',
      'inkoop.procedure.publiceren',
      'inkoop.procedure.vragenronde_openen',
      'inkoop.kader.gepubliceerd',
    ],
  );
});

test('providers see open procedures for their regions with a server-computed countdown', async () => {
  const l = (await za1.get('/api/v1/inkoop/kaders')).json();
  assert.equal(l.length, 1);
  assert.equal(l[0].deadlineLokaal, '2025-07-31T17:00:00+02:00');
  assert.equal(l[0].aftelling.verstreken, false);
  assert.equal(l[0].aftelling.dagen, 59);
  assert.equal(l[0].inschrijvenOpen, true);
  assert.equal(l[0].aantalIngediend, null, 'no competitor counts for providers');
  const k = (await za1.get(`/api/v1/inkoop/kaders/${kaderId}`)).json();
  assert.equal(k.versie, 1);
  assert.equal(k.eigenaar, false);
  assert.equal(k.status.aantallen.ingediend, 0);
  assert.equal((await vgz.get(`/api/v1/inkoop/kaders/${kaderId}`)).statusCode, 404);
});

test('editing a published kader creates a new version; the public snapshot stays until republished', async () => {
  assert.equal(
    (await zk.patch(`/api/v1/inkoop/kaders/${kaderId}`, { omschrijving: 'Gewijzigd: regionale paragraaf toegevoegd.' }))
      .statusCode,
    200,
  );
  let k = (await zk.get(`/api/v1/inkoop/kaders/${kaderId}`)).json();
  assert.deepEqual([k.versie, k.gepubliceerdeVersie, k.ongepubliceerdeWijzigingen], [2, 1, true]);
  assert.notEqual(
    (await za1.get(`/api/v1/inkoop/kaders/${kaderId}`)).json().omschrijving,
    'Gewijzigd: regionale paragraaf toegevoegd.',
  );
  assert.equal(
    (await zk.post(`/api/v1/inkoop/kaders/${kaderId}/publiceren`, { wijzigingen: 'omschrijving' })).json().versie,
    2,
  );
  k = (await za1.get(`/api/v1/inkoop/kaders/${kaderId}`)).json();
  assert.equal(k.omschrijving, 'Gewijzigd: regionale paragraaf toegevoegd.');
  assert.equal((await za1.get(`/api/v1/inkoop/kaders/${kaderId}/versies`)).json().length, 2);
  assert.equal(
    (await zk.post(`/api/v1/inkoop/kaders/${kaderId}/publiceren`, {})).statusCode,
    409,
    'nothing to publish',
  );
});

test('questions until the cut-off; answers published anonymously as the Nota van Inlichtingen', async () => {
  const v = await za1.post(`/api/v1/inkoop/kaders/${kaderId}/vragen`, {
    tekst: 'Geldt A5 ook voor vpt?',
    eisCode: 'A5',
  });
  assert.equal(v.statusCode, 201, v.body);
  assert.equal(
    (await za2.get(`/api/v1/inkoop/kaders/${kaderId}/vragen`)).json().length,
    0,
    'a provider sees only its own questions',
  );
  app.setNow(lokaalNaarInstant('2025-06-22T00:00:00'));
  const laat = await za2.post(`/api/v1/inkoop/kaders/${kaderId}/vragen`, { tekst: 'Te laat?' });
  assert.equal(laat.statusCode, 409);
  assert.match(laat.json().title, /regel inkoop\.deadline\.vragen/);
  // the zorgkantoor must answer every question before the Nota after the cut-off
  assert.equal((await zk.post(`/api/v1/inkoop/kaders/${kaderId}/nvi`)).statusCode, 409);
  const alle = (await zk.get(`/api/v1/inkoop/kaders/${kaderId}/vragen`)).json();
  assert.equal(alle[0].organisatieId, 'za-demo-0001');
  assert.equal(
    (await zk.put(`/api/v1/inkoop/kaders/${kaderId}/vragen/${alle[0].id}/antwoord`, { antwoord: 'Ja, ook voor vpt.' }))
      .statusCode,
    200,
  );
  const n = await zk.post(`/api/v1/inkoop/kaders/${kaderId}/nvi`);
  assert.equal(n.statusCode, 200, n.body);
  const nvi = (await za2.get(`/api/v1/inkoop/kaders/${kaderId}/nvi`)).json();
  assert.equal(nvi.versie, 1);
  assert.deepEqual(nvi.regels, [
    { nummer: 1, onderwerp: null, eisCode: 'A5', vraag: 'Geldt A5 ook voor vpt?', antwoord: 'Ja, ook voor vpt.' },
  ]);
  assert.doesNotMatch(JSON.stringify(nvi), /za-demo|Zonnehof/);
  assert.equal((await zk.get(`/api/v1/inkoop/kaders/${kaderId}`)).json().fase, 'nvi_gepubliceerd');
});

test('inschrijving: wrong type, fake PDF, oversized file and missing mandatory items are refused naming the rule; nothing stored', async () => {
  app.setNow(lokaalNaarInstant('2025-07-10T12:00'));
  // Scenario: Zonnehof had no contract in 2025 (the demo data gives it one; remove it) → entirely new.
  await app.db.query(`DELETE FROM realisatie WHERE organisatie_id = 'za-demo-0001' AND jaar = 2025`);
  await app.db.query(`DELETE FROM productieafspraak WHERE organisatie_id = 'za-demo-0001' AND jaar = 2025`);
  const s = await za1.post(`/api/v1/inkoop/kaders/${kaderId}/inschrijving`);
  assert.equal(s.statusCode, 200, s.body);
  inschrijvingId = s.json().id;
  assert.equal(
    (await za1.post(`/api/v1/inkoop/kaders/${kaderId}/inschrijving`)).json().id,
    inschrijvingId,
    'idempotent',
  );
  const view = (await za1.get(`/api/v1/inkoop/inschrijvingen/${inschrijvingId}`)).json();
  assert.equal(view.classificatie.klasse, 'geheel_nieuw');
  assert.match(view.classificatie.regios[0].reden, /geen enkel zorgkantoor/);
  assert.ok(
    view.eisen.find((e: any) => e.code === 'B5').vanToepassingOpMij,
    'new providers must supply Bijlage 5 evidence',
  );
  assert.ok(!view.eisen.find((e: any) => e.code === 'B4').vanToepassingOpMij);

  const voor = await count('SELECT count(*) AS n FROM document');
  const exe = await upload(za1, inschrijvingId, 'virus.exe', Buffer.from('MZ\x90\x00'), { eisCode: 'A2' });
  assert.equal(exe.statusCode, 415);
  assert.match(exe.json().title, /regel inkoop\.document\.type/);
  const nep = await upload(za1, inschrijvingId, 'verklaring.pdf', Buffer.from('dit is geen pdf'), { eisCode: 'A2' });
  assert.equal(nep.statusCode, 415);
  assert.match(nep.json().title, /extensie én inhoud/);
  const groot = await upload(za1, inschrijvingId, 'groot.pdf', Buffer.concat([PDF, Buffer.alloc(20 * 1024 * 1024)]), {
    eisCode: 'A2',
  });
  assert.equal(groot.statusCode, 413);
  assert.match(groot.json().title, /20 MB \(regel inkoop\.document\.grootte\)/);
  assert.equal(await count('SELECT count(*) AS n FROM document'), voor);
  assert.equal(
    await count('SELECT count(*) AS n FROM inschrijving_antwoord WHERE inschrijving_id = $1', [inschrijvingId]),
    0,
  );

  const onvolledig = await za1.post(`/api/v1/inkoop/inschrijvingen/${inschrijvingId}/indienen`);
  assert.equal(onvolledig.statusCode, 422);
  assert.match(onvolledig.json().title, /regel inkoop\.inschrijving\.volledig/);
  assert.ok(
    onvolledig.json().fouten.some((f: any) => f.waar === 'eis A2' && /Verplicht document ontbreekt: A2/.test(f.wat)),
  );
  assert.equal((await za1.get(`/api/v1/inkoop/inschrijvingen/${inschrijvingId}`)).json().status, 'concept');
  const bad = await za1.put(`/api/v1/inkoop/inschrijvingen/${inschrijvingId}/antwoorden/A3`, { waarde: 'misschien' });
  assert.equal(bad.statusCode, 400);
});

test('a complete inschrijving is submitted with a receipt hash; zelfanalyse and draft plan are part of it', async () => {
  const ok = await upload(za1, inschrijvingId, 'bestuursverklaring.pdf', PDF, { eisCode: 'A2' });
  assert.equal(ok.statusCode, 201, ok.body);
  assert.match(ok.json().sha256, /^[0-9a-f]{64}$/);
  assert.equal((await upload(za1, inschrijvingId, 'bijlage5.pdf', PDF, { eisCode: 'B5' })).statusCode, 201);
  for (const code of ['A3', 'A4', 'A5', 'A6', 'A7', 'A8', 'A9', 'A11', 'B6']) {
    const r = await za1.put(`/api/v1/inkoop/inschrijvingen/${inschrijvingId}/antwoorden/${code}`, { waarde: true });
    assert.equal(r.statusCode, 200, r.body);
  }
  assert.equal(
    // a V&V kader does not use the template's GZ themes (src/inkoop/themas.ts): an own theme ('eigen')
    (
      await za1.put(`/api/v1/inkoop/inschrijvingen/${inschrijvingId}/zelfanalyse/eigen`, {
        huidigeAanpak: 'Intake binnen 2 weken',
        sterktes: 'Team',
        ontwikkelpunten: 'Dagbesteding',
        inOntwikkelplan: true,
      })
    ).statusCode,
    200,
  );
  assert.equal((await za1.put(`/api/v1/inkoop/inschrijvingen/${inschrijvingId}/zelfanalyse/9.9`, {})).statusCode, 400);
  assert.equal(
    (
      await za1.put(`/api/v1/inkoop/inschrijvingen/${inschrijvingId}/ontwikkelplan`, {
        themas: ['3.2.1'],
        doelstelling: 'Meer regie voor de cliënt',
      })
    ).statusCode,
    200,
  );
  const r = await za1.post(`/api/v1/inkoop/inschrijvingen/${inschrijvingId}/indienen`);
  assert.equal(r.statusCode, 200, r.body);
  assert.match(r.json().hash, /^[0-9a-f]{64}$/);
  assert.equal(r.json().ingediendOpLokaal, '2025-07-10T12:00:00+02:00');
  assert.equal(r.json().documenten.length, 2);
  const v = (await za1.get(`/api/v1/inkoop/inschrijvingen/${inschrijvingId}`)).json();
  assert.equal(v.status, 'ingediend');
  assert.equal(v.ontvangstHash, r.json().hash);
  // a submitted bid is not edited in place
  assert.equal(
    (await za1.put(`/api/v1/inkoop/inschrijvingen/${inschrijvingId}/antwoorden/A3`, { waarde: false })).statusCode,
    409,
  );
  // withdraw and reopen before the deadline, then submit again: a new receipt
  assert.equal(
    (await za1.post(`/api/v1/inkoop/inschrijvingen/${inschrijvingId}/intrekken`)).json().status,
    'ingetrokken',
  );
  assert.equal((await za1.post(`/api/v1/inkoop/inschrijvingen/${inschrijvingId}/heropenen`)).json().status, 'concept');
  app.setNow(sec(-1)); // 16:59:59 on the deadline day
  const again = await za1.post(`/api/v1/inkoop/inschrijvingen/${inschrijvingId}/indienen`);
  assert.equal(again.statusCode, 200, again.body);
  assert.notEqual(again.json().hash, r.json().hash, 'the time of submission is part of the receipt');
});

test('sealed: another provider gets 404, the zorgkantoor is refused before the deadline', async () => {
  assert.equal((await za2.get(`/api/v1/inkoop/inschrijvingen/${inschrijvingId}`)).statusCode, 404);
  assert.equal((await za2.post(`/api/v1/inkoop/inschrijvingen/${inschrijvingId}/intrekken`)).statusCode, 404);
  const doc = (await za1.get(`/api/v1/inkoop/inschrijvingen/${inschrijvingId}`)).json().documenten[0].id;
  assert.equal((await za2.get(`/api/v1/inkoop/documenten/${doc}`)).statusCode, 404);
  assert.equal((await za1.get(`/api/v1/inkoop/documenten/${doc}`)).statusCode, 200);
  const lijst = await beoordelaar.get(`/api/v1/inkoop/kaders/${kaderId}/inschrijvingen`);
  assert.equal(lijst.statusCode, 403);
  assert.match(
    lijst.json().title,
    /verzegeld tot de sluitingstermijn \(2025-07-31T17:00:00\+02:00.*regel inkoop\.verzegeling/,
  );
  assert.equal((await beoordelaar.get(`/api/v1/inkoop/inschrijvingen/${inschrijvingId}`)).statusCode, 403);
  assert.equal((await beoordelaar.get(`/api/v1/inkoop/documenten/${doc}`)).statusCode, 403);
  assert.equal((await vgz.get(`/api/v1/inkoop/inschrijvingen/${inschrijvingId}`)).statusCode, 404);
  const st = (await zk.get(`/api/v1/inkoop/kaders/${kaderId}/status`)).json();
  assert.deepEqual([st.aantallen.ingediend, st.verzegeld], [1, true]);
});

test('the deadline to the second: at 17:00:00 still open, at 17:00:01 late for starting, changing and withdrawing', async () => {
  app.setNow(DEADLINE);
  const s = await za2.post(`/api/v1/inkoop/kaders/${kaderId}/inschrijving`);
  assert.equal(s.statusCode, 200, s.body);
  const id2 = s.json().id;
  app.setNow(sec(1));
  const laat = await za2.post(`/api/v1/inkoop/inschrijvingen/${id2}/indienen`);
  assert.equal(laat.statusCode, 409);
  assert.match(
    laat.json().title,
    /sluitingstermijn was 2025-07-31T17:00:00\+02:00 .* 2025-07-31T17:00:01\+02:00 volgens de serverklok \(regel inkoop\.deadline\.inschrijving\)/,
  );
  assert.equal((await za1.post(`/api/v1/inkoop/inschrijvingen/${inschrijvingId}/intrekken`)).statusCode, 409);
  assert.equal((await za1.post(`/api/v1/inkoop/inschrijvingen/${inschrijvingId}/heropenen`)).statusCode, 409);
  assert.equal((await upload(za2, id2, 'x.pdf', PDF)).statusCode, 409);
  assert.equal(await count(`SELECT count(*) AS n FROM document WHERE inschrijving_id = $1`, [id2]), 0);
  assert.equal(await count(`SELECT count(*) AS n FROM inschrijving WHERE id = $1 AND status = 'concept'`, [id2]), 1);
});

test('after the deadline: assessors see submitted bids with classification; concepts stay hidden', async () => {
  const l = await beoordelaar.get(`/api/v1/inkoop/kaders/${kaderId}/inschrijvingen`);
  assert.equal(l.statusCode, 200, l.body);
  assert.equal(l.json().length, 1);
  assert.equal(l.json()[0].organisatieId, 'za-demo-0001');
  assert.equal(l.json()[0].classificatie.klasse, 'geheel_nieuw');
  const v = await beoordelaar.get(`/api/v1/inkoop/inschrijvingen/${inschrijvingId}`);
  assert.equal(v.statusCode, 200);
  assert.equal(v.json().zelfanalyse[0].themaCode, 'eigen');
  const concept = await app.db.one<{ id: string }>(`SELECT id FROM inschrijving WHERE organisatie_id = 'za-demo-0002'`);
  assert.equal((await beoordelaar.get(`/api/v1/inkoop/inschrijvingen/${concept.id}`)).statusCode, 404);
  // transitions: close, dialogue; closing before the deadline would have been refused
  assert.equal(
    (await zk.post(`/api/v1/inkoop/kaders/${kaderId}/overgangen`, { actie: 'inschrijving_sluiten' })).json().naar,
    'inschrijving_gesloten',
  );
  assert.equal(
    (await zk.post(`/api/v1/inkoop/kaders/${kaderId}/overgangen`, { actie: 'dialoog_starten' })).json().naar,
    'dialoog',
  );
  assert.equal(
    (await zk.patch(`/api/v1/inkoop/kaders/${kaderId}`, { titel: 'anders' })).statusCode,
    409,
    'requirements are fixed after closing',
  );
  const d = await zk.post(`/api/v1/inkoop/inschrijvingen/${inschrijvingId}/dialoog`, {
    datum: '2025-08-20T10:00:00+02:00',
    deelnemers: [{ naam: 'Cliëntenraad Zonnehof', rol: 'clientenraad' }],
    onderwerpen: ['ontwikkelplan'],
    verslag: 'Besproken.',
  });
  assert.equal(d.statusCode, 201, d.body);
});

test('ontwikkelplan: final only with all 7 elements; cliëntenraad involvement is asked for (a warning)', async () => {
  const r = await za1.post(`/api/v1/inkoop/inschrijvingen/${inschrijvingId}/ontwikkelplan/definitief`);
  assert.equal(r.statusCode, 422);
  assert.match(r.json().title, /regel inkoop\.ontwikkelplan\.definitief/);
  const waar = r.json().fouten.map((f: any) => f.waar);
  assert.deepEqual(waar, ['planVanAanpak', 'planning', 'investering', 'risicos', 'resultaten', 'bewijslast']);
  const bewijs = await upload(
    za1,
    inschrijvingId,
    'clientenraad.docx',
    Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)]),
    { doel: 'clientenraad' },
  );
  assert.equal(bewijs.statusCode, 201, bewijs.body);
  assert.equal(
    (
      await za1.put(`/api/v1/inkoop/inschrijvingen/${inschrijvingId}/ontwikkelplan`, {
        planVanAanpak: 'S: …, M: …, A: …, R: …, T: …',
        planning: '2026 Q1–Q4',
        investering: '25000.00',
        risicos: 'Personeel',
        resultaten: 'Hogere cliënttevredenheid',
        bewijslast: 'Metingen',
        clientenraadDocumentId: bewijs.json().id,
      })
    ).statusCode,
    200,
  );
  const ok = await za1.post(`/api/v1/inkoop/inschrijvingen/${inschrijvingId}/ontwikkelplan/definitief`);
  assert.equal(ok.statusCode, 200, ok.body);
  assert.deepEqual(ok.json().waarschuwingen, [], 'the cliëntenraad statement is there: no warning');
  assert.equal(
    (await za1.put(`/api/v1/inkoop/inschrijvingen/${inschrijvingId}/ontwikkelplan`, { planning: 'anders' })).statusCode,
    409,
  );
});

test('classification from contract and production history: existing provider', async () => {
  const p = await app.db.maybeOne<{ code: string }>(
    `SELECT code FROM prestatie WHERE sector = 'VV' AND soort = 'zzp' ORDER BY code LIMIT 1`,
  );
  assert.ok(p, 'reference data has a VV zzp prestatie');
  await app.db.query(
    `INSERT INTO productieafspraak (jaar, regio_code, organisatie_id, sector, prestatie_code, prijs, volume, bedrag) VALUES (2025,'5526','za-demo-0002','VV',$1,'100.00','10','1000.00') ON CONFLICT DO NOTHING`,
    [p!.code],
  );
  await app.db.query(
    `INSERT INTO realisatie (jaar, maand, regio_code, organisatie_id, prestatie_code, clienten, volume, bedrag) VALUES (2025,1,'5526','za-demo-0002',$1,3,'5','500.00') ON CONFLICT DO NOTHING`,
    [p!.code],
  );
  const { classificeerInschrijving } = await import('./service.ts');
  const k = await app.db.one<any>('SELECT * FROM inkoopkader WHERE id = $1', [kaderId]);
  const c = await classificeerInschrijving(app.ctx, app.db, k, 'za-demo-0002');
  assert.equal(c.klasse, 'bestaand');
  assert.match(c.regios[0].reden, /regio 5526 in sector VV, met daadwerkelijke productie/);
});

test('CLI-equivalent status: phase, deadlines and counts per state', async () => {
  const { kaderStatus } = await import('./service.ts');
  const k = await app.db.one<any>('SELECT * FROM inkoopkader WHERE id = $1', [kaderId]);
  const s = await kaderStatus(app.ctx, app.db, k);
  assert.equal(s.fase, 'dialoog');
  assert.equal(s.deadlineLokaal, '2025-07-31T17:00:00+02:00');
  assert.deepEqual([s.aantallen.ingediend, s.aantallen.concept, s.aantallen.nviVersies], [1, 1, 1]);
  assert.equal(s.aftelling?.verstreken, true);
  assert.ok(s.toegestaneActies.includes('beoordeling_starten'));
  // the audit chain is intact after all of this
  const v = await beoordelaar.get('/api/v1/audit/verificatie');
  assert.equal(v.statusCode, 403); // beoordelaar has no audit role; the controller checks
  const c = await app.login('controller@cz.demo');
  assert.equal((await c.get('/api/v1/audit/verificatie')).json().ok, true);
});
