/**
 * Cliëntstroom through the HTTP API on a real database (PGlite, or PostgreSQL with DATABASE_URL):
 * an indicatie arrives (IO31), the client is on the worklist, a toewijzing is made (AW33, valid
 * against the XSD), the provider reports the start of care (AW35 → AW36) and a change of the
 * waiting-list status (AW39 → AW310); refused messages store nothing; who sees personal data;
 * the BSN never appears in a log line, a URL or the audit log, and is stored only encrypted.
 */
import { test, before, after } from 'node:test';
import { Writable } from 'node:stream';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp, type TestClient } from '../testing.ts';
import { verifyAudit } from '../platform/audit.ts';
import { buildApp } from '../platform/http/app.ts';
import { capabilities } from '../capabilities.ts';
import { createSession, SESSION_COOKIE } from '../platform/auth/sessions.ts';
import {
  bouwIo31,
  bouwAw35,
  bouwAw39,
  bouwRetour,
  valideerBericht,
  leesAw33,
  leesRetour,
  leesXml,
  BERICHTEN,
} from '../iwlz/index.ts';
import { voorbeeldIo31Client, voorbeeldAw35, voorbeeldAw39, VOORBEELD_BSN } from '../iwlz/voorbeelden.ts';
import * as store from './store.ts';
import { Command } from 'commander';
import type { CliContext, Output } from '../platform/cli/index.ts';
import { clientstroomCapability } from './capability.ts';

const REGIO = '5527'; // CZ, Zonnehof (za-demo-0001, AGB 73730001)
const AGB = '73730001';
const BSN = VOORBEELD_BSN[0];
const BSN2 = VOORBEELD_BSN[1];
let t: TestApp;
let bemiddelaar: TestClient, inkoper: TestClient, zonnehof: TestClient, heideweg: TestClient, vgz: TestClient;
let clientenraad: TestClient;

const xml = (c: TestClient, url: string, body: string) =>
  c.inject({ method: 'POST', url, payload: body, headers: { 'content-type': 'application/xml' } });

function io31(...clienten: ReturnType<typeof voorbeeldIo31Client>[]) {
  return bouwIo31({ kop: { ontvanger: REGIO, berichtId: 'CIZ1', dagtekening: '2025-05-21' }, clienten });
}

before(async () => {
  t = await createTestApp();
  t.setNow(new Date('2025-06-20T09:00:00Z'));
  [bemiddelaar, inkoper, zonnehof, heideweg, vgz, clientenraad] = await Promise.all(
    [
      'zorgbemiddelaar@cz.demo',
      'inkoper@cz.demo',
      'contractmanager@zonnehof.demo',
      'contractmanager@heideweg.demo',
      'inkoper@vgz.demo',
      'clientenraad@zonnehof.demo',
    ].map((e) => t.login(e)),
  );
});
after(() => t.close());

let clientId: string;
let clientId2: string;
let toewijzingId: string;

test('IO31: a refused message (schema error, DTD, wrong type) stores nothing and answers iwlz-0001 with the line', async () => {
  const voor = await store.aantallen(t.db);
  const kapot = io31(voorbeeldIo31Client(BSN, '250000101')).replace('<Geslacht>2</Geslacht>', '<Geslacht>7</Geslacht>');
  const r = await xml(bemiddelaar, '/api/v1/clientstroom/indicaties/io31', kapot);
  assert.equal(r.statusCode, 400);
  assert.equal(r.headers['content-type'], 'application/problem+json; charset=utf-8');
  const p = r.json();
  assert.equal(p.code, 'iwlz-0001');
  assert.match(p.title, /retourcode 0001/);
  const regel = kapot.split('\n').findIndex((l) => l.includes('<Geslacht>7')) + 1;
  assert.ok(
    p.fouten.some((f: any) => f.waar === `regel ${regel}`),
    JSON.stringify(p.fouten),
  );

  const xxe = `<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<Bericht xmlns="${BERICHTEN.IO31.namespace}">&e;</Bericht>`;
  const r2 = await xml(bemiddelaar, '/api/v1/clientstroom/indicaties/io31', xxe);
  assert.equal(r2.statusCode, 400);
  assert.equal(r2.json().code, 'iwlz-0001');
  assert.ok(!r2.body.includes('root:'));

  const aw35 = await xml(bemiddelaar, '/api/v1/clientstroom/indicaties/io31', bouwAw35(voorbeeldAw35(REGIO, AGB)));
  assert.equal(aw35.statusCode, 400);
  assert.match(aw35.json().fouten[0].wat, /AW35.*IO31/);

  const groot = await xml(
    bemiddelaar,
    '/api/v1/clientstroom/indicaties/io31',
    '<a>' + 'x'.repeat(10 * 1024 * 1024) + '</a>',
  );
  assert.equal(groot.statusCode, 400);
  assert.match(groot.json().fouten[0].wat, /maximum/);

  assert.deepEqual(await store.aantallen(t.db), voor);
  assert.equal(await store.aantalBerichten(t.db), 0);
});

test('IO31: indicaties arrive; BSN stored only as token + ciphertext; IO32 answer valid; invalid BSN answered 0448', async () => {
  const fout = voorbeeldIo31Client('999900007', '250000199'); // fails the elfproef
  const r = await xml(
    bemiddelaar,
    '/api/v1/clientstroom/indicaties/io31',
    io31(
      voorbeeldIo31Client(BSN, '250000101', { geboortedatum: '1938-04-12' }),
      voorbeeldIo31Client(BSN2, '250000102'),
      fout,
    ),
  );
  assert.equal(r.statusCode, 200, r.body);
  const b = r.json();
  assert.equal(b.opgeslagen, 2);
  assert.equal(b.geweigerd, 1);
  assert.deepEqual(b.clienten[2].retourcodes, ['0448']);
  assert.equal(b.clienten[0].bsn, '******006');
  const v = await valideerBericht(b.io32);
  assert.equal(v.geldig, true);
  assert.equal(v.type, 'IO32');
  const retour = leesRetour(b.io32);
  assert.deepEqual(retour.klassen.find((k) => k.pad === 'Client[2]')?.codes, ['0448']);
  assert.deepEqual(retour.klassen.find((k) => k.pad === 'Client[0]')?.codes, ['0200']);
  clientId = b.clienten[0].clientId;
  clientId2 = b.clienten[1].clientId;

  const rows = await t.db.query<{ bsn: string | null; bsn_versleuteld: string; persoonsgegevens_versleuteld: string }>(
    'SELECT bsn, bsn_versleuteld, persoonsgegevens_versleuteld FROM client WHERE id = $1',
    [clientId],
  );
  assert.equal(rows[0].bsn, null);
  assert.ok(!rows[0].bsn_versleuteld.includes(BSN) && !rows[0].persoonsgegevens_versleuteld.includes('Voorbeeld'));
  const berichten = await t.db.query<{ xml_versleuteld: string }>('SELECT xml_versleuteld FROM iwlz_bericht');
  assert.equal(berichten.length, 2, 'IO31 in, IO32 out');
  assert.ok(berichten.every((x) => !x.xml_versleuteld.includes(BSN)));

  const again = await xml(
    bemiddelaar,
    '/api/v1/clientstroom/indicaties/io31',
    io31(voorbeeldIo31Client(BSN, '250000101')),
  );
  assert.equal(again.json().alOntvangen, 1, 'the same besluit is not stored twice');
});

test('only the zorgbemiddelaar imports; VGZ (other regions) is refused for a CZ region', async () => {
  const body = io31(voorbeeldIo31Client(VOORBEELD_BSN[2], '250000103'));
  assert.equal((await xml(inkoper, '/api/v1/clientstroom/indicaties/io31', body)).statusCode, 403);
  assert.equal((await xml(zonnehof, '/api/v1/clientstroom/indicaties/io31', body)).statusCode, 403);
});

test('worklist: the new client is on it (no provider), with suggestions of contracted providers in the region', async () => {
  const r = await bemiddelaar.get(`/api/v1/clientstroom/werklijst?regio=${REGIO}&sector=VV&limiet=1000`);
  assert.equal(r.statusCode, 200, r.body);
  const regel = r.json().find((x: any) => x.clientId === clientId);
  assert.ok(regel, 'client on the worklist');
  assert.equal(regel.reden, 'geen-aanbieder');
  assert.equal(regel.bsn, '******006', 'masked in lists');
  assert.equal(regel.sinds, '2025-05-20');
  assert.ok(Array.isArray(regel.suggesties));
  assert.equal(
    (await inkoper.get('/api/v1/clientstroom/werklijst')).statusCode,
    403,
    'no personal data for the inkoper',
  );
  assert.equal((await zonnehof.get('/api/v1/clientstroom/werklijst')).statusCode, 403);
});

test('toewijzing: rules of leveringsvormen and contract are checked; AW33 is valid and carries the toewijzing', async () => {
  const ind = (await bemiddelaar.get(`/api/v1/clientstroom/clienten/${clientId}`)).json().indicaties[0];
  // vpt without the toetsing of care at home is refused, nothing stored
  const zonder = await bemiddelaar.post('/api/v1/clientstroom/toewijzingen', {
    indicatieId: ind.id,
    organisatieId: 'za-demo-0001',
    soort: '1',
    leveringsvorm: 'vpt',
    ingangsdatum: '2025-06-01',
  });
  assert.equal(zonder.statusCode, 422);
  assert.equal(zonder.json().fouten[0].waar, 'toetsing-ontbreekt');
  assert.match(zonder.json().fouten[0].actie, /Inkoopkader Langdurige Zorg 2016/);
  // a provider without a contract in the region
  const geen = await bemiddelaar.post('/api/v1/clientstroom/toewijzingen', {
    indicatieId: ind.id,
    organisatieId: 'za-demo-0002',
    soort: '1',
    leveringsvorm: 'verblijf',
    ingangsdatum: '2025-06-01',
  });
  assert.equal(geen.statusCode, 422);
  assert.equal(geen.json().code, 'niet-gecontracteerd');
  assert.equal((await store.aantallen(t.db)).toewijzing, 0);

  const r = await bemiddelaar.post('/api/v1/clientstroom/toewijzingen', {
    indicatieId: ind.id,
    organisatieId: 'za-demo-0001',
    soort: '1',
    leveringsvorm: 'verblijf',
    ingangsdatum: '2025-06-01',
  });
  assert.equal(r.statusCode, 201, r.body);
  toewijzingId = r.json().id;
  assert.equal(r.json().soortNaam, 'Regulier');

  const aw33 = await zonnehof.get(`/api/v1/iwlz/toewijzingen/${toewijzingId}/aw33`);
  assert.equal(aw33.statusCode, 200);
  assert.match(aw33.headers['content-type'], /application\/xml/);
  const v = await valideerBericht(aw33.body);
  assert.equal(v.geldig, true, JSON.stringify(v.fouten));
  assert.equal(v.type, 'AW33');
  const gelezen = leesAw33(aw33.body);
  assert.equal(gelezen.kop.ontvanger, AGB);
  assert.equal(gelezen.clienten[0].bsn, BSN);
  assert.deepEqual(
    gelezen.clienten[0].zorgzwaartepakketten.map((z) => [
      z.zzpCode,
      z.instelling,
      z.soort,
      z.ingangsdatum,
      z.leveringsvorm,
    ]),
    [['755', AGB, '1', '2025-06-01', '4']],
  );
  // another provider sees neither the AW33 nor the client
  assert.equal((await heideweg.get(`/api/v1/iwlz/toewijzingen/${toewijzingId}/aw33`)).statusCode, 404);
  assert.equal((await heideweg.get(`/api/v1/clientstroom/clienten/${clientId}`)).statusCode, 404);
  assert.equal((await heideweg.get('/api/v1/clientstroom/toewijzingen')).json().length, 0);
  assert.equal((await clientenraad.get(`/api/v1/clientstroom/clienten/${clientId}`)).statusCode, 403);
  // a second verblijf provider is refused (one provider for verblijf)
  const tweede = await bemiddelaar.post('/api/v1/clientstroom/toewijzingen', {
    indicatieId: ind.id,
    organisatieId: 'za-demo-0001',
    soort: '1',
    leveringsvorm: 'mpt',
    ingangsdatum: '2025-06-01',
    toetsing: { verantwoord: true, doelmatig: true },
  });
  assert.equal(tweede.statusCode, 422);
  assert.equal(tweede.json().fouten[0].waar, 'combinatie');
});

test('AW34: the provider answers the AW33; matched and stored with its codes; an unknown AW33 is refused', async () => {
  const aw33 = (await zonnehof.get(`/api/v1/iwlz/toewijzingen/${toewijzingId}/aw33`)).body;
  const aw34 = bouwRetour('AW33', leesXml(aw33), {
    identificatieRetour: 'AW34000001',
    dagtekeningRetour: '2025-06-02',
  });
  const r = await xml(zonnehof, '/api/v1/iwlz/aw34', aw34);
  assert.equal(r.statusCode, 200, r.body);
  assert.ok(r.json().klassen.length > 3);
  assert.ok(r.json().klassen.every((k: any) => k.codes[0] === '0200'));
  const anders = aw34.replace(
    /<iwlz:Identificatie>[^<]*<\/iwlz:Identificatie>/,
    '<iwlz:Identificatie>ONBEKEND1</iwlz:Identificatie>',
  );
  const r2 = await xml(zonnehof, '/api/v1/iwlz/aw34', anders);
  assert.equal(r2.statusCode, 422);
  assert.equal(r2.json().code, 'iwlz-aw33-onbekend');
  assert.equal((await xml(heideweg, '/api/v1/iwlz/aw34', aw34)).statusCode, 422, 'not addressed to Heideweg');
});

test('AW35 without a toewijzing is refused with 0448 and nothing is stored; a begindatum before the toewijzing gets 0699', async () => {
  const voor = await store.aantallen(t.db);
  const berichtenVoor = await store.aantalBerichten(t.db);
  const zonder = voorbeeldAw35(REGIO, AGB);
  zonder.clienten[0].bsn = BSN2; // indicatie known, but no toewijzing
  zonder.clienten[0].zorgzwaartepakketten[0].besluitnummer = '250000102';
  const r = await xml(zonnehof, '/api/v1/iwlz/aw35', bouwAw35(zonder));
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(r.json().verwerkt, 0);
  assert.deepEqual(r.json().clienten[0].retourcodes, ['0448']);
  const aw36 = await valideerBericht(r.json().antwoord);
  assert.equal(aw36.type, 'AW36');
  assert.equal(aw36.geldig, true);
  assert.deepEqual(leesRetour(r.json().antwoord).klassen.find((k) => k.pad === 'Client[0]')?.codes, ['0448']);
  assert.deepEqual(await store.aantallen(t.db), voor);
  assert.equal(await store.aantalBerichten(t.db), berichtenVoor);

  const vroeg = voorbeeldAw35(REGIO, AGB);
  vroeg.clienten[0].zorgzwaartepakketten[0].begindatum = '2025-05-01';
  const r2 = await xml(zonnehof, '/api/v1/iwlz/aw35', bouwAw35(vroeg));
  assert.deepEqual(r2.json().clienten[0].retourcodes, ['0699']);
  assert.deepEqual(await store.aantallen(t.db), voor);

  // Heideweg (other provider) reporting Zonnehof's client: 0448, the same answer as an unknown BSN
  const ander = voorbeeldAw35(REGIO, '73730002');
  const r3 = await xml(heideweg, '/api/v1/iwlz/aw35', bouwAw35(ander));
  assert.deepEqual(r3.json().clienten[0].retourcodes, ['0448']);
  // the sender must be the provider's own AGB
  const r4 = await xml(heideweg, '/api/v1/iwlz/aw35', bouwAw35(voorbeeldAw35(REGIO, AGB)));
  assert.equal(r4.statusCode, 422);
  assert.equal(r4.json().code, 'iwlz-afzender');
});

test('AW35: the provider reports the start of care; AW36 0200; client in care, off the worklist', async () => {
  const r = await xml(zonnehof, '/api/v1/iwlz/aw35', bouwAw35(voorbeeldAw35(REGIO, AGB)));
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(r.json().verwerkt, 1);
  assert.deepEqual(r.json().clienten[0].retourcodes, ['0200']);
  const tw = await store.toewijzingOpId(t.db, toewijzingId);
  assert.equal(tw?.status, 'in_zorg');
  const d = (await zonnehof.get(`/api/v1/clientstroom/clienten/${clientId}`)).json();
  assert.equal(d.bsn, BSN, 'the provider sees its own client');
  assert.deepEqual(d.notities, []);
  assert.deepEqual(
    d.statussen.map((s: any) => [s.status, s.vanaf]),
    [['4', '2025-06-09']],
  );
  const w = (await bemiddelaar.get(`/api/v1/clientstroom/werklijst?regio=${REGIO}&limiet=1000`)).json();
  assert.ok(!w.some((x: any) => x.clientId === clientId), 'off the worklist');
});

test('AW39: waiting-list status of the second client after a toewijzing; mutatiedatum in the future gets 1156; waiting list updated', async () => {
  const tweede = { clientId: clientId2 };
  const c2 = (await bemiddelaar.get(`/api/v1/clientstroom/clienten/${clientId2}`)).json();
  const tw = await bemiddelaar.post('/api/v1/clientstroom/toewijzingen', {
    indicatieId: c2.indicaties[0].id,
    organisatieId: 'za-demo-0001',
    soort: '1',
    leveringsvorm: 'verblijf',
    ingangsdatum: '2025-06-01',
  });
  assert.equal(tw.statusCode, 201, tw.body);
  const toekomst = voorbeeldAw39(REGIO, AGB);
  toekomst.clienten[0].zorgzwaartepakketten[0].mutatiedatum = '2025-07-01';
  const r1 = await xml(zonnehof, '/api/v1/iwlz/aw39', bouwAw39(toekomst));
  assert.deepEqual(r1.json().clienten[0].retourcodes, ['1156']);
  const r = await xml(zonnehof, '/api/v1/iwlz/aw39', bouwAw39(voorbeeldAw39(REGIO, AGB)));
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(r.json().verwerkt, 1);
  const v = await valideerBericht(r.json().antwoord);
  assert.equal(v.type, 'AW310');
  assert.equal(v.geldig, true);

  const wl = (await bemiddelaar.get(`/api/v1/clientstroom/wachtlijst?regio=${REGIO}`)).json();
  const x = wl.clienten.find((c: any) => c.clientId === tweede.clientId);
  assert.equal(x.status, '2');
  assert.equal(x.statusNaam, 'Wacht op voorkeur');
  assert.equal(x.sinds, '2025-06-14');
  assert.equal(x.overschreden, false, 'waiting by choice has no norm');
  const agg = (await inkoper.get(`/api/v1/clientstroom/wachtlijst?regio=${REGIO}`)).json();
  assert.equal(agg.clienten, undefined, 'the inkoper sees figures, no client rows');
  assert.ok(agg.perStatus.some((s: any) => s.status === '2' && s.aantal >= 1));
});

test('norms: the default is the Treeknorm as the product choice; a manager changes it (audited); past the norm on the worklist', async () => {
  const n = (await inkoper.get('/api/v1/clientstroom/normen')).json();
  const ap = n.find((x: any) => x.sector === 'VV' && x.status === '7');
  assert.equal(ap.dagen, 42);
  assert.equal(ap.standaard, true);
  assert.match(ap.bron, /Treeknormen/);
  assert.equal(
    (await inkoper.put('/api/v1/clientstroom/normen', { sector: 'VV', status: '7', dagen: 30, bron: 'x' })).statusCode,
    403,
  );
  const r = await bemiddelaar.put('/api/v1/clientstroom/normen', {
    sector: 'VV',
    status: '2',
    dagen: 3,
    bron: 'Regionaal beleid (voorbeeld)',
  });
  assert.equal(r.statusCode, 200, r.body);
  const wl = (await bemiddelaar.get(`/api/v1/clientstroom/werklijst?regio=${REGIO}&limiet=1000`)).json();
  const x = wl.find((c: any) => c.clientId === clientId2);
  assert.ok(x, 'past the (changed) norm → on the worklist');
  assert.equal(x.reden, 'boven-norm');
});

test('signals for purchasing: waiting and preference per provider, popularity as an exact decimal', async () => {
  const r = await inkoper.get(`/api/v1/clientstroom/signalen?regio=${REGIO}&sector=VV`);
  assert.equal(r.statusCode, 200, r.body);
  const zh = r.json().aanbieders.find((a: any) => a.organisatieId === 'za-demo-0001');
  assert.ok(zh);
  assert.ok(zh.wachtend >= 1);
  assert.ok(zh.populariteit === null || /^\d+\.\d{2}$/.test(zh.populariteit));
  assert.equal((await vgz.get(`/api/v1/clientstroom/signalen?regio=${REGIO}`)).statusCode, 404, 'not VGZ’s region');
  assert.equal((await zonnehof.get(`/api/v1/clientstroom/signalen?regio=${REGIO}`)).statusCode, 403);
});

test('search by BSN goes in the body; VGZ does not find a CZ client; notes are stored encrypted', async () => {
  const z = await bemiddelaar.post('/api/v1/clientstroom/clienten/zoek', { bsn: BSN });
  assert.equal(z.json().clientId, clientId);
  assert.equal((await vgz.post('/api/v1/clientstroom/clienten/zoek', { bsn: BSN })).statusCode, 403);
  const n = await bemiddelaar.post(`/api/v1/clientstroom/clienten/${clientId}/notities`, {
    tekst: 'Gebeld met dochter; voorkeur Zonnehof.',
  });
  assert.equal(n.statusCode, 201);
  const rij = await t.db.one<{ tekst_versleuteld: string }>('SELECT tekst_versleuteld FROM bemiddeling_notitie');
  assert.ok(!rij.tekst_versleuteld.includes('dochter'));
  assert.equal(
    (await bemiddelaar.get(`/api/v1/clientstroom/clienten/${clientId}`)).json().notities[0].tekst,
    'Gebeld met dochter; voorkeur Zonnehof.',
  );
});

test('bridging care is recorded as a toewijzing of soort 3 next to the regular one; pgb at a contracted provider is flagged', async () => {
  const c = (await bemiddelaar.get(`/api/v1/clientstroom/clienten/${clientId}`)).json();
  const r = await bemiddelaar.post('/api/v1/clientstroom/toewijzingen', {
    indicatieId: c.indicaties[0].id,
    organisatieId: 'za-demo-0001',
    soort: '3',
    leveringsvorm: 'verblijf',
    ingangsdatum: '2025-06-15',
    overbruggingVoor: toewijzingId,
  });
  assert.equal(r.statusCode, 201, r.body);
  assert.equal(r.json().soortNaam, 'Overbrugging');
  const pgb = await bemiddelaar.post('/api/v1/clientstroom/toewijzingen', {
    indicatieId: c.indicaties[0].id,
    soort: '1',
    leveringsvorm: 'pgb',
    ingangsdatum: '2025-06-15',
    pgbZorgverlenerId: 'za-demo-0001',
  });
  assert.equal(pgb.statusCode, 422, 'pgb cannot sit next to verblijf');
});

test('the BSN never appears in a log line, a URL or the audit log; the audit chain is intact', async () => {
  const regels: string[] = [];
  const stream = new Writable({
    write(chunk, _e, cb) {
      regels.push(String(chunk));
      cb();
    },
  });
  // A second app over the same database, logging at info level into memory, used for the calls that carry BSNs.
  const app = await buildApp(t.ctx, { capabilities, logger: { stream } });
  try {
    // A session made directly: a password sign-in would end the other clients' sessions of this person.
    const g = await t.db.one<{ id: string }>("SELECT id FROM gebruiker WHERE email = 'zorgbemiddelaar@cz.demo'");
    const sessie = await createSession(t.db, g.id);
    const headers = { cookie: `${SESSION_COOKIE}=${sessie.token}`, 'x-csrf-token': sessie.csrf };
    const io = await app.inject({
      method: 'POST',
      url: '/api/v1/clientstroom/indicaties/io31',
      payload: io31(voorbeeldIo31Client(VOORBEELD_BSN[3], '250000104')),
      headers: { ...headers, 'content-type': 'application/xml' },
    });
    assert.equal(io.statusCode, 200, io.body);
    const z = await app.inject({
      method: 'POST',
      url: '/api/v1/clientstroom/clienten/zoek',
      payload: { bsn: BSN },
      headers,
    });
    assert.equal(z.statusCode, 200);
    const fout = await app.inject({
      method: 'POST',
      url: '/api/v1/clientstroom/clienten/zoek',
      payload: { bsn: '12345' },
      headers,
    });
    assert.equal(fout.statusCode, 400);
    await app.inject({ method: 'GET', url: `/api/v1/clientstroom/clienten/${z.json().clientId}`, headers });
  } finally {
    await app.close();
  }
  const log = regels.join('');
  assert.ok(log.includes('/api/v1/clientstroom/clienten/zoek'), 'requests are logged');
  for (const bsn of VOORBEELD_BSN) assert.ok(!log.includes(bsn), `BSN ${bsn.slice(-3)} not in the log`);
  const urls = [...log.matchAll(/"(?:url|pad)":"([^"]*)"/g)].map((m) => m[1]);
  // A random UUID (a client id in a path) may hold nine digits in a row; it is no BSN, so it is left out.
  const zonderUuid = (u: string) =>
    u.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<uuid>');
  assert.ok(urls.length > 0, 'urls are logged');
  for (const u of urls) assert.ok(!/\d{9}/.test(zonderUuid(u)), `no BSN-like number in a URL: ${zonderUuid(u)}`);
  const audit = await t.db.query<{ invoer: unknown; resultaat: unknown; onderwerp_id: string }>(
    'SELECT invoer, resultaat, onderwerp_id FROM audit_regel',
  );
  const tekst = JSON.stringify(audit);
  for (const bsn of VOORBEELD_BSN) assert.ok(!tekst.includes(bsn), 'no BSN in the audit log');
  assert.equal((await verifyAudit(t.db)).ok, true);
});

test('pgb at a contracted provider: the toewijzing carries the signal and the purchasing signals list the provider', async () => {
  const r = await xml(
    bemiddelaar,
    '/api/v1/clientstroom/indicaties/io31',
    io31(voorbeeldIo31Client(VOORBEELD_BSN[2], '250000105')),
  );
  const id = r.json().clienten[0].clientId;
  const ind = (await bemiddelaar.get(`/api/v1/clientstroom/clienten/${id}`)).json().indicaties[0];
  const pgb = await bemiddelaar.post('/api/v1/clientstroom/toewijzingen', {
    indicatieId: ind.id,
    soort: '1',
    leveringsvorm: 'pgb',
    ingangsdatum: '2025-06-15',
    pgbZorgverlenerId: 'za-demo-0001',
  });
  assert.equal(pgb.statusCode, 201, pgb.body);
  assert.equal(pgb.json().organisatieId, null);
  assert.match(pgb.json().signalen[0], /niet conform de wet/);
  const s = (await inkoper.get(`/api/v1/clientstroom/signalen?regio=${REGIO}`)).json();
  assert.deepEqual(
    s.pgbBijGecontracteerde.map((p: any) => [p.organisatieId, p.clienten]),
    [['za-demo-0001', 1]],
  );
});

test('no readable BSN can be written; rows from before the migration are converted with the key', async () => {
  await assert.rejects(
    t.db.query(
      `INSERT INTO client (id, bsn, geboortejaar, regio_code) VALUES (gen_random_uuid(), '999900080', 1950, '5527')`,
    ),
    /client_bsn_niet_leesbaar/,
  );
  // simulate a row written before 0081
  await t.db.exec(`ALTER TABLE client DROP CONSTRAINT client_bsn_niet_leesbaar`);
  await t.db.query(
    `INSERT INTO client (id, bsn, geboortejaar, regio_code) VALUES ('00000000-0000-4000-8000-000000000001', '999900080', 1950, '5527')`,
  );
  await t.db.exec(`ALTER TABLE client ADD CONSTRAINT client_bsn_niet_leesbaar CHECK (bsn IS NULL) NOT VALID`);
  const { beveiligOudeBsns } = await import('./index.ts');
  assert.equal(await beveiligOudeBsns(t.ctx), 1);
  const rij = await t.db.one<{ bsn: string | null; bsn_token: string }>(
    `SELECT bsn, bsn_token FROM client WHERE id = '00000000-0000-4000-8000-000000000001'`,
  );
  assert.equal(rij.bsn, null);
  assert.match(rij.bsn_token, /^[0-9a-f]{64}$/);
  assert.equal(await beveiligOudeBsns(t.ctx), 0);
});

test('CLI: zorginkoop iwlz aw33 --toewijzing writes the valid AW33 of the toewijzing', async () => {
  const printed: unknown[] = [];
  const out = {
    json: true,
    result: (d: unknown) => printed.push(d),
    info: () => undefined,
    progress: () => Object.assign(async () => undefined, { end: () => undefined }),
  } as unknown as Output;
  const cli = {
    run: async (_cmd: Command, fn: (ctx: typeof t.ctx, o: Output) => Promise<unknown>) => {
      await fn(t.ctx, out);
    },
  } as unknown as CliContext;
  const program = new Command().exitOverride();
  clientstroomCapability.cli!(program, cli);
  await program.parseAsync(['node', 'zorginkoop', 'iwlz', 'aw33', '--toewijzing', toewijzingId]);
  const aw33 = (printed[0] as { aw33: string }).aw33;
  const v = await valideerBericht(aw33);
  assert.equal(v.type, 'AW33');
  assert.equal(v.geldig, true);
  assert.equal(leesAw33(aw33).clienten[0].bsn, BSN);
});

test('withdrawing a toewijzing: status ingetrokken with reason, a new valid AW33 with Einddatum and RedenIntrekking; audited', async () => {
  const c = (await bemiddelaar.get(`/api/v1/clientstroom/clienten/${clientId}`)).json();
  const overbrugging = c.toewijzingen.find((x: any) => x.soort === '3');
  assert.equal(
    (
      await bemiddelaar.post(`/api/v1/clientstroom/toewijzingen/${overbrugging.id}/intrekken`, {
        reden: '99',
        einddatum: '2025-06-30',
      })
    ).statusCode,
    400,
  );
  assert.equal(
    (
      await zonnehof.post(`/api/v1/clientstroom/toewijzingen/${overbrugging.id}/intrekken`, {
        reden: '4',
        einddatum: '2025-06-30',
      })
    ).statusCode,
    403,
  );
  const r = await bemiddelaar.post(`/api/v1/clientstroom/toewijzingen/${overbrugging.id}/intrekken`, {
    reden: '4',
    einddatum: '2025-06-30',
  });
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(r.json().status, 'ingetrokken');
  const aw33 = (await zonnehof.get(`/api/v1/iwlz/toewijzingen/${overbrugging.id}/aw33`)).body;
  assert.equal((await valideerBericht(aw33)).geldig, true);
  const z = leesAw33(aw33).clienten[0].zorgzwaartepakketten[0];
  assert.deepEqual([z.soort, z.einddatum, z.redenIntrekking], ['3', '2025-06-30', '4']);
  const again = await bemiddelaar.post(`/api/v1/clientstroom/toewijzingen/${overbrugging.id}/intrekken`, {
    reden: '4',
    einddatum: '2025-06-30',
  });
  assert.equal(again.statusCode, 422);
});

test('mpt per function: several providers each get a function with its own AW33; one provider per function; a function is required and checked', async () => {
  const bsn = '999900055';
  const imp = await xml(
    bemiddelaar,
    '/api/v1/clientstroom/indicaties/io31',
    io31(voorbeeldIo31Client(bsn, '250000106')),
  );
  assert.equal(imp.statusCode, 200, imp.body);
  const id = imp.json().clienten[0].clientId as string;
  const ind = (await bemiddelaar.get(`/api/v1/clientstroom/clienten/${id}`)).json().indicaties[0];
  const werk = (await bemiddelaar.get(`/api/v1/clientstroom/werklijst?regio=${REGIO}&sector=VV&limiet=1000`)).json();
  const regel = werk.find((x: any) => x.clientId === id);
  // two contracted providers in the region: Zonnehof and another suggested one
  const ander = regel.suggesties.map((s: any) => s.organisatieId).find((o: string) => o !== 'za-demo-0001');
  assert.ok(ander, 'a second contracted provider is suggested');
  const mpt = (organisatieId: string, functieCode: string | undefined, functieKlasse: string | undefined) =>
    bemiddelaar.post('/api/v1/clientstroom/toewijzingen', {
      indicatieId: ind.id,
      organisatieId,
      soort: '1',
      leveringsvorm: 'mpt',
      ingangsdatum: '2025-06-01',
      toetsing: { verantwoord: true, doelmatig: true },
      ...(functieCode ? { functieCode } : {}),
      ...(functieKlasse ? { functieKlasse } : {}),
    });
  const voor = await store.aantallen(t.db);
  const zonder = await mpt('za-demo-0001', undefined, undefined);
  assert.equal(zonder.statusCode, 422);
  assert.deepEqual(
    zonder.json().fouten.map((f: any) => f.waar),
    ['functie-ontbreekt'],
  );
  const onbekend = await mpt('za-demo-0001', '99', 'K9');
  assert.deepEqual(
    onbekend.json().fouten.map((f: any) => f.waar),
    ['functie-onbekend', 'klasse-onbekend'],
  );
  assert.deepEqual(await store.aantallen(t.db), voor, 'nothing stored from a refused toewijzing');

  const pv = await mpt('za-demo-0001', '31', 'K3');
  assert.equal(pv.statusCode, 201, pv.body);
  assert.deepEqual([pv.json().functieCode, pv.json().functieKlasse], ['31', 'K3']);
  const aw33 = (await zonnehof.get(`/api/v1/iwlz/toewijzingen/${pv.json().id}/aw33`)).body;
  assert.equal((await valideerBericht(aw33)).geldig, true);
  const c = leesAw33(aw33).clienten[0];
  assert.deepEqual(c.zorgzwaartepakketten, [], 'a function, not the whole zorgprofiel');
  assert.deepEqual(
    c.functies.map((f) => [f.functieCode, f.klasse, f.instelling, f.soort, f.ingangsdatum]),
    [['31', 'K3', AGB, '1', '2025-06-01']],
  );
  // the same function to another provider: refused; another function to another provider: fine
  const dubbel = await mpt(ander, '31', 'K3');
  assert.equal(dubbel.statusCode, 422, dubbel.body);
  assert.deepEqual(
    dubbel.json().fouten.map((f: any) => f.waar),
    ['functie-al-toegewezen'],
  );
  assert.match(dubbel.json().fouten[0].actie, /Keuze van het product/);
  const vp = await mpt(ander, '41', 'K2');
  assert.equal(vp.statusCode, 201, vp.body);
  assert.notEqual(vp.json().aw33BerichtId, pv.json().aw33BerichtId, 'an AW33 per toewijzing');
  const tws = (await bemiddelaar.get(`/api/v1/clientstroom/clienten/${id}`)).json().toewijzingen;
  assert.deepEqual(
    tws.map((x: any) => [x.organisatieId, x.functieCode]).sort(),
    [
      ['za-demo-0001', '31'],
      [ander, '41'],
    ].sort(),
  );
  // a function on verblijf makes no sense
  const verblijf = await bemiddelaar.post('/api/v1/clientstroom/toewijzingen', {
    indicatieId: ind.id,
    organisatieId: 'za-demo-0001',
    soort: '3',
    leveringsvorm: 'verblijf',
    functieCode: '31',
    functieKlasse: 'K3',
  });
  assert.equal(verblijf.statusCode, 422);
  assert.ok(verblijf.json().fouten.some((f: any) => f.waar === 'functie-niet-mpt'));
});

test('CLI: zorginkoop iwlz importeer validates and reads in an IO31 as a zorgbemiddelaar; exit 0, or 1 when (partly) refused', async () => {
  const fs = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'io31-'));
  const printed: any[] = [];
  const out = {
    json: true,
    result: (d: unknown) => printed.push(d),
    info: () => undefined,
    progress: () => Object.assign(async () => undefined, { end: () => undefined }),
  } as unknown as Output;
  const cli = {
    run: async (_cmd: Command, fn: (ctx: typeof t.ctx, o: Output) => Promise<unknown>) => {
      await fn(t.ctx, out);
    },
  } as unknown as CliContext;
  const draai = async (bestand: string, als: string) => {
    const program = new Command().exitOverride();
    clientstroomCapability.cli!(program, cli);
    process.exitCode = undefined;
    try {
      await program.parseAsync(['node', 'zorginkoop', 'iwlz', 'importeer', bestand, '--als', als]);
      return process.exitCode ?? 0;
    } finally {
      process.exitCode = undefined;
    }
  };
  const goed = path.join(dir, 'goed.xml');
  fs.writeFileSync(goed, io31(voorbeeldIo31Client('999900067', '250000107')));
  assert.equal(await draai(goed, 'zorgbemiddelaar@cz.demo'), 0);
  assert.deepEqual([printed[0].opgeslagen, printed[0].geweigerd], [1, 0]);
  assert.equal((await valideerBericht(printed[0].io32)).type, 'IO32');
  const c = await bemiddelaar.get(`/api/v1/clientstroom/clienten/${printed[0].clienten[0].clientId}`);
  assert.equal(c.statusCode, 200);
  assert.equal(c.json().indicaties[0].bron, 'io31');
  assert.equal(await draai(goed, 'zorgbemiddelaar@cz.demo'), 0, 'read again: already received');
  assert.equal(printed[1].alOntvangen, 1);

  // one client with a BSN that fails the elfproef: the other is stored, exit 1
  const deels = path.join(dir, 'deels.xml');
  fs.writeFileSync(
    deels,
    io31(voorbeeldIo31Client('999900079', '250000108'), voorbeeldIo31Client('999900001', '250000109')),
  );
  assert.equal(await draai(deels, 'zorgbemiddelaar@cz.demo'), 1);
  assert.deepEqual([printed[2].opgeslagen, printed[2].geweigerd], [1, 1]);

  // a message that fails the schema: refused with 0001, nothing stored
  const voor = await store.aantallen(t.db);
  const kapot = path.join(dir, 'kapot.xml');
  fs.writeFileSync(
    kapot,
    io31(voorbeeldIo31Client('999900080', '250000110')).replace('<Geslacht>2</Geslacht>', '<Geslacht>7</Geslacht>'),
  );
  await assert.rejects(draai(kapot, 'zorgbemiddelaar@cz.demo'), (e: any) => e.code === 'iwlz-0001');
  // not a zorgbemiddelaar: refused before anything is read
  await assert.rejects(draai(goed, 'inkoper@cz.demo'), (e: any) => e.code === 'geen-zorgbemiddelaar');
  await assert.rejects(draai(goed, 'niemand@cz.demo'), (e: any) => e.code === 'gebruiker-onbekend');
  assert.deepEqual(await store.aantallen(t.db), voor);
  fs.rmSync(dir, { recursive: true });
});

test('notes are editable by their author only; the earlier text is kept (encrypted) and the change audited', async () => {
  const url = `/api/v1/clientstroom/clienten/${clientId}/notities`;
  const n = (await bemiddelaar.post(url, { tekst: 'Eerste versie: bellen op maandag.' })).json();
  const w = await bemiddelaar.put(`${url}/${n.id}`, { tekst: 'Tweede versie: gebeld, terugbellen vrijdag.' });
  assert.equal(w.statusCode, 200, w.body);
  const na = w.json().find((x: any) => x.id === n.id);
  assert.equal(na.tekst, 'Tweede versie: gebeld, terugbellen vrijdag.');
  assert.equal(na.eigen, true);
  assert.ok(na.gewijzigdOp);
  assert.deepEqual(
    na.eerdere.map((v: any) => v.tekst),
    ['Eerste versie: bellen op maandag.'],
  );
  await bemiddelaar.put(`${url}/${n.id}`, { tekst: 'Derde versie.' });
  const d = (await bemiddelaar.get(`/api/v1/clientstroom/clienten/${clientId}`)).json();
  assert.deepEqual(
    d.notities.find((x: any) => x.id === n.id).eerdere.map((v: any) => v.tekst),
    ['Eerste versie: bellen op maandag.', 'Tweede versie: gebeld, terugbellen vrijdag.'],
  );
  const versie = await t.db.one<{ tekst_versleuteld: string }>(
    'SELECT tekst_versleuteld FROM bemiddeling_notitie_versie ORDER BY geldig_tot LIMIT 1',
  );
  assert.ok(!versie.tekst_versleuteld.includes('maandag'), 'earlier versions encrypted too');
  const audit = await t.db.query<{ invoer: any }>(
    "SELECT invoer FROM audit_regel WHERE actie = 'clientstroom.notitie.gewijzigd' ORDER BY volgnummer",
  );
  assert.equal(audit.length, 2);
  assert.equal(audit[0].invoer.notitieId, n.id);
  assert.ok(!JSON.stringify(audit).includes('versie'), 'no note text in the audit log');

  // a colleague's note: refused (403) and unchanged
  const ander = (await bemiddelaar.post(url, { tekst: 'Notitie van een collega.' })).json();
  await t.db.query(
    "UPDATE bemiddeling_notitie SET gebruiker_id = (SELECT id FROM gebruiker WHERE email = 'inkoper@cz.demo') WHERE id = $1",
    [ander.id],
  );
  const weg = await bemiddelaar.put(`${url}/${ander.id}`, { tekst: 'Overschreven.' });
  assert.equal(weg.statusCode, 403);
  const d2 = (await bemiddelaar.get(`/api/v1/clientstroom/clienten/${clientId}`)).json();
  const collega = d2.notities.find((x: any) => x.id === ander.id);
  assert.deepEqual([collega.tekst, collega.eigen, collega.eerdere], ['Notitie van een collega.', false, []]);
  // empty text, an unknown note, a note of another client, other roles
  assert.equal((await bemiddelaar.put(`${url}/${n.id}`, { tekst: '   ' })).statusCode, 400);
  assert.equal((await bemiddelaar.put(`${url}/${crypto.randomUUID()}`, { tekst: 'x' })).statusCode, 404);
  assert.equal(
    (await bemiddelaar.put(`/api/v1/clientstroom/clienten/${clientId2}/notities/${n.id}`, { tekst: 'x' })).statusCode,
    404,
  );
  assert.equal((await zonnehof.put(`${url}/${n.id}`, { tekst: 'x' })).statusCode, 403);
  assert.equal((await vgz.put(`${url}/${n.id}`, { tekst: 'x' })).statusCode, 403);
});

// ------------------------------------------------------------------ requests for a toewijzing (AW39 Aanvraag)

const BSN_VERZOEK = '999900134';
const aantalVerzoeken = async () =>
  (await t.db.one<{ n: number }>('SELECT count(*)::int AS n FROM toewijzingsverzoek')).n;

/** An AW39 of Zonnehof with only an Aanvraag: a new regular verblijf toewijzing and a bridging one. */
function aw39Aanvraag(over: { besluitnummer?: string; leveringsvorm?: string; berichtId?: string } = {}) {
  const b = voorbeeldAw39(REGIO, AGB);
  b.kop.berichtId = over.berichtId ?? 'AANVRAAG01';
  b.clienten[0].bsn = BSN_VERZOEK;
  b.clienten[0].zorgzwaartepakketten = [];
  b.clienten[0].aanvragen = [
    {
      besluitnummer: over.besluitnummer ?? '250000201',
      afgiftedatum: '2025-05-20',
      instelling: AGB,
      zzpCode: '755',
      leveringsvorm: over.leveringsvorm ?? '4',
      instellingen: [
        { instelling: AGB, soort: '1', toewijzingIngangsdatum: '2025-07-01', opname: true },
        { instelling: AGB, soort: '3', toewijzingIngangsdatum: '2025-06-25', toewijzingEinddatum: '2025-06-30' },
      ],
    },
  ];
  return bouwAw39(b);
}

let verzoekIds: string[] = [];

test('AW39 Aanvraag: a rejected message or one without a toewijzing stores no request; an accepted one stores one per AanvraagInstelling', async () => {
  const imp = await xml(
    bemiddelaar,
    '/api/v1/clientstroom/indicaties/io31',
    io31(voorbeeldIo31Client(BSN_VERZOEK, '250000201')),
  );
  assert.equal(imp.statusCode, 200, imp.body);
  const cid = imp.json().clienten[0].clientId as string;
  const ind = (await bemiddelaar.get(`/api/v1/clientstroom/clienten/${cid}`)).json().indicaties[0];
  // before any toewijzing at Zonnehof the client is unknown to it: 0448, nothing stored
  const vooraf = await xml(zonnehof, '/api/v1/iwlz/aw39', aw39Aanvraag());
  assert.deepEqual(vooraf.json().clienten[0].retourcodes, ['0448']);
  assert.equal(await aantalVerzoeken(), 0);
  const tw = await bemiddelaar.post('/api/v1/clientstroom/toewijzingen', {
    indicatieId: ind.id,
    organisatieId: 'za-demo-0001',
    soort: '1',
    leveringsvorm: 'verblijf',
    ingangsdatum: '2025-06-01',
  });
  assert.equal(tw.statusCode, 201, tw.body);

  // schema error (Leveringsvorm 3 is no LDT_Leveringsvorm): 400 iwlz-0001, nothing stored
  const kapot = await xml(zonnehof, '/api/v1/iwlz/aw39', aw39Aanvraag({ leveringsvorm: '3' }));
  assert.equal(kapot.statusCode, 400);
  assert.equal(kapot.json().code, 'iwlz-0001');
  // another provider without a toewijzing for this client: 0448, nothing stored
  const heide = await xml(heideweg, '/api/v1/iwlz/aw39', aw39Aanvraag().replaceAll(AGB, '73730002'));
  assert.equal(heide.statusCode, 200, heide.body);
  assert.deepEqual(heide.json().clienten[0].retourcodes, ['0448']);
  // an Aanvraag for an indicatie that is not this client's: 0233 on the Aanvraag, nothing stored
  const vreemd = await xml(zonnehof, '/api/v1/iwlz/aw39', aw39Aanvraag({ besluitnummer: '250000101' }));
  assert.equal(vreemd.statusCode, 200, vreemd.body);
  assert.deepEqual(vreemd.json().clienten[0].retourcodes, ['0233']);
  assert.equal(vreemd.json().verwerkt, 0);
  assert.equal(await aantalVerzoeken(), 0);

  const r = await xml(zonnehof, '/api/v1/iwlz/aw39', aw39Aanvraag());
  assert.equal(r.statusCode, 200, r.body);
  assert.deepEqual(r.json().clienten[0].retourcodes, ['0200']);
  assert.match(r.json().clienten[0].uitkomst, /1 aanvraag/);
  assert.equal((await valideerBericht(r.json().antwoord)).geldig, true);
  assert.equal(await aantalVerzoeken(), 2);

  const lijst = (await bemiddelaar.get('/api/v1/clientstroom/verzoeken?status=open'))
    .json()
    .sort((x: any, y: any) => x.soort.localeCompare(y.soort));
  assert.equal(lijst.length, 2);
  assert.deepEqual(
    lijst.map((v: any) => [v.soort, v.leveringsvorm, v.ingangsdatum, v.einddatum, v.berichtIdentificatie]),
    [
      ['1', 'verblijf', '2025-07-01', null, 'AANVRAAG01'],
      ['3', 'verblijf', '2025-06-25', '2025-06-30', 'AANVRAAG01'],
    ],
  );
  assert.equal(lijst[0].client, '******134 (1938)');
  assert.equal(lijst[0].organisatieId, 'za-demo-0001');
  assert.ok(!JSON.stringify(lijst).includes(BSN_VERZOEK), 'no BSN in the queue');
  verzoekIds = lijst.map((v: any) => v.id);
});

test('verzoeken: granting makes the toewijzing with a valid AW33 (audited); a second decision is 409', async () => {
  const [regulier] = verzoekIds;
  assert.equal((await zonnehof.post(`/api/v1/clientstroom/verzoeken/${regulier}/toekennen`, {})).statusCode, 403);
  const voor = (await store.aantallen(t.db)).toewijzing;
  const r = await bemiddelaar.post(`/api/v1/clientstroom/verzoeken/${regulier}/toekennen`, {});
  assert.equal(r.statusCode, 200, r.body);
  const { verzoek: v, toewijzing: tw } = r.json();
  assert.equal(v.status, 'toegekend');
  assert.equal(v.toewijzingId, tw.id);
  assert.deepEqual(
    [tw.organisatieId, tw.soort, tw.leveringsvorm, tw.ingangsdatum, tw.status],
    ['za-demo-0001', '1', 'verblijf', '2025-07-01', 'toegewezen'],
  );
  assert.equal((await store.aantallen(t.db)).toewijzing, voor + 1);
  const aw33 = await zonnehof.get(`/api/v1/iwlz/toewijzingen/${tw.id}/aw33`);
  assert.equal(aw33.statusCode, 200);
  const val = await valideerBericht(aw33.body);
  assert.deepEqual([val.type, val.geldig], ['AW33', true]);
  const gelezen = leesAw33(aw33.body);
  assert.equal(gelezen.clienten[0].zorgzwaartepakketten[0].ingangsdatum, '2025-07-01');
  assert.equal(gelezen.clienten[0].bsn, BSN_VERZOEK);

  const audit = await t.db.query<{ invoer: any; resultaat: any }>(
    "SELECT invoer, resultaat FROM audit_regel WHERE actie = 'clientstroom.verzoek.toegekend' AND onderwerp_id = $1",
    [regulier],
  );
  assert.equal(audit.length, 1);
  assert.equal(audit[0].resultaat.toewijzingId, tw.id);
  assert.equal(audit[0].invoer.instellingAgb, AGB);

  const nogmaals = await bemiddelaar.post(`/api/v1/clientstroom/verzoeken/${regulier}/toekennen`, {});
  assert.equal(nogmaals.statusCode, 409);
  assert.equal(nogmaals.json().code, 'verzoek-al-besloten');
  const weiger = await bemiddelaar.post(`/api/v1/clientstroom/verzoeken/${regulier}/weigeren`, { reden: 'Te laat.' });
  assert.equal(weiger.statusCode, 409);
  assert.equal((await store.aantallen(t.db)).toewijzing, voor + 1, 'no second toewijzing');
});

test('verzoeken: refusing needs a reason (400 naming the field); two decisions at once: one wins, the other gets 409', async () => {
  const [, overbrugging] = verzoekIds;
  const url = `/api/v1/clientstroom/verzoeken/${overbrugging}`;
  for (const body of [{}, { reden: '   ' }, { reden: null }]) {
    const r = await bemiddelaar.post(`${url}/weigeren`, body);
    assert.equal(r.statusCode, 400, JSON.stringify(body));
    assert.equal(r.json().fouten[0].waar, 'reden');
  }
  assert.equal((await bemiddelaar.get(url)).json().status, 'open');
  const [a, b] = await Promise.all([
    bemiddelaar.post(`${url}/weigeren`, { reden: 'Overbrugging is niet nodig: de plaats is per 1 juli vrij.' }),
    bemiddelaar.post(`${url}/toekennen`, {}),
  ]);
  assert.deepEqual([a.statusCode, b.statusCode].sort(), [200, 409]);
  const na = (await bemiddelaar.get(url)).json();
  if (a.statusCode === 200) {
    assert.equal(na.status, 'geweigerd');
    assert.equal(na.reden, 'Overbrugging is niet nodig: de plaats is per 1 juli vrij.');
    assert.equal(na.toewijzingId, null);
    const audit = await t.db.query<{ invoer: any }>(
      "SELECT invoer FROM audit_regel WHERE actie = 'clientstroom.verzoek.geweigerd' AND onderwerp_id = $1",
      [overbrugging],
    );
    assert.equal(audit.length, 1);
    assert.equal(audit[0].invoer.reden, na.reden);
  } else assert.equal(na.status, 'toegekend');
  const besloten = await t.db.one<{ n: number }>(
    "SELECT count(*)::int AS n FROM audit_regel WHERE actie LIKE 'clientstroom.verzoek.%' AND onderwerp_id = $1",
    [overbrugging],
  );
  assert.equal(besloten.n, 1, 'exactly one decision audited');
});

test('verzoeken: the provider sees the status of its own requests only; other providers and other zorgkantoren get 404', async () => {
  const eigen = (await zonnehof.get('/api/v1/clientstroom/verzoeken')).json();
  assert.deepEqual(eigen.map((v: any) => v.id).sort(), [...verzoekIds].sort());
  assert.ok(eigen.every((v: any) => v.status !== 'open'));
  assert.equal((await zonnehof.get(`/api/v1/clientstroom/verzoeken/${verzoekIds[0]}`)).json().status, 'toegekend');
  assert.deepEqual((await heideweg.get('/api/v1/clientstroom/verzoeken')).json(), []);
  assert.equal((await heideweg.get(`/api/v1/clientstroom/verzoeken/${verzoekIds[0]}`)).statusCode, 404);
  assert.equal(
    (await heideweg.post(`/api/v1/clientstroom/verzoeken/${verzoekIds[1]}/weigeren`, { reden: 'x' })).statusCode,
    403,
  );
  assert.equal((await bemiddelaar.get(`/api/v1/clientstroom/verzoeken/${crypto.randomUUID()}`)).statusCode, 404);
  assert.equal((await vgz.get('/api/v1/clientstroom/verzoeken')).statusCode, 403);
  assert.equal((await inkoper.get('/api/v1/clientstroom/verzoeken')).statusCode, 403);
});

test('worklist suggestions are read set-based: the number of queries does not grow with the number of (region, sector, leveringsvorm) groups', async () => {
  // Counts every statement the application sends (a pass-through: the real database answers).
  let n = 0;
  const db = t.ctx.db as any;
  const echt = { query: db.query, one: db.one, maybeOne: db.maybeOne };
  for (const k of ['query', 'one', 'maybeOne'] as const)
    db[k] = (...args: unknown[]) => {
      n++;
      return echt[k].apply(db, args);
    };
  const meet = async () => {
    n = 0;
    const r = await bemiddelaar.get(`/api/v1/clientstroom/werklijst?regio=${REGIO}&limiet=1000`);
    assert.equal(r.statusCode, 200, r.body);
    const groepen = new Set(r.json().map((x: any) => `${x.regioCode}|${x.sector}|${x.leveringsvorm ?? 'verblijf'}`));
    return {
      queries: n,
      groepen: groepen.size,
      lijst: [...groepen],
      suggesties: r.json().flatMap((x: any) => x.suggesties),
    };
  };
  try {
    const voor = await meet();
    // two more clients without a provider, GZ preferring vpt and GGZ preferring mpt: two more groups
    const r = await xml(
      bemiddelaar,
      '/api/v1/clientstroom/indicaties/io31',
      bouwIo31({
        kop: { ontvanger: REGIO, berichtId: 'CIZ-groepen', dagtekening: '2025-06-19' },
        clienten: (
          [
            ['999900109', '250000951', '5', '780'],
            ['999900122', '250000952', '6', '760'],
          ] as const
        ).map(([bsn, besluit, voorkeur, zzpCode]) => {
          const c = voorbeeldIo31Client(bsn, besluit);
          c.indicatie.zorgzwaartepakketten = c.indicatie.zorgzwaartepakketten.map((z) => ({
            ...z,
            zzpCode,
            voorkeurClient: voorkeur,
          }));
          return c;
        }),
      }),
    );
    assert.equal(r.statusCode, 200, r.body);
    const na = await meet();
    assert.ok(na.groepen >= voor.groepen + 2, `${voor.lijst} → ${na.lijst}`);
    assert.equal(na.queries, voor.queries, `queries ${voor.queries} → ${na.queries} with ${na.groepen} groups`);
    // the suggestions still name contracted providers with their capacity
    for (const s of na.suggesties) assert.ok(s.organisatieId && Number.isInteger(s.capaciteit));
  } finally {
    Object.assign(db, echt);
  }
});
