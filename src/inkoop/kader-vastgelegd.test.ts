/**
 * What bids are made and judged against stays fixed: a published kader cannot be edited once the
 * submission deadline has passed (to the second, server clock), and assessors score only against the
 * published version — with unpublished edits pending (open house, where the kader stays editable
 * while admission runs) scoring waits for the publication.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp, type TestClient } from '../testing.ts';
import { lokaalNaarInstant } from '../domain/inkoop/timeline.ts';

let app: TestApp;
let inkoper: TestClient, beoordelaar: TestClient, zonnehof: TestClient;
const DEADLINE = lokaalNaarInstant('2025-07-31T17:00'); // the 2016 template's submission deadline for contract year 2026

before(async () => {
  app = await createTestApp();
  app.setNow(lokaalNaarInstant('2025-06-02T10:00'));
  [inkoper, beoordelaar, zonnehof] = await Promise.all(
    ['inkoper@cz.demo', 'beoordelaar@cz.demo', 'contractmanager@zonnehof.demo'].map((e) => app.login(e)),
  );
});
after(async () => {
  await app?.close();
});

test('a published kader is editable until the deadline and fixed one second after it; a concept with past dates stays editable', async () => {
  const r = await inkoper.post('/api/v1/inkoop/kaders', {
    titel: 'V&V 2026 vastgelegd',
    jaarVan: 2026,
    sector: 'VV',
    regioCodes: ['5527'],
    procedureType: 'dialoog',
    sjabloon: 'wlz-2016',
  });
  assert.equal(r.statusCode, 201, r.body);
  const id = r.json().id;
  assert.equal((await inkoper.post(`/api/v1/inkoop/kaders/${id}/publiceren`, {})).statusCode, 200);

  app.setNow(new Date(DEADLINE.getTime() - 1000));
  const voor = await inkoper.patch(`/api/v1/inkoop/kaders/${id}`, { omschrijving: 'Laatste verduidelijking' });
  assert.equal(voor.statusCode, 200, voor.body);

  app.setNow(new Date(DEADLINE.getTime() + 1000));
  const versieVoor = (await app.db.one<{ versie: number }>('SELECT versie FROM inkoopkader WHERE id = $1', [id]))
    .versie;
  for (const [wat, req] of [
    ['omschrijving', () => inkoper.patch(`/api/v1/inkoop/kaders/${id}`, { omschrijving: 'Te laat' })],
    [
      'termijn verlengen',
      () =>
        inkoper.put(`/api/v1/inkoop/kaders/${id}/termijnen`, {
          termijnen: [{ fase: 'inschrijving', eindigt: '2025-08-31T17:00' }],
        }),
    ],
  ] as const) {
    const na = await req();
    assert.equal(na.statusCode, 409, `${wat}: ${na.body}`);
    assert.equal(na.json().code, 'kader-vastgelegd');
    assert.match(na.json().title, /2025-07-31T17:00:00\+02:00/);
  }
  const k = await app.db.one<{ versie: number; omschrijving: string }>(
    'SELECT versie, omschrijving FROM inkoopkader WHERE id = $1',
    [id],
  );
  assert.equal(k.versie, versieVoor, 'nothing changed');
  assert.equal(k.omschrijving, 'Laatste verduidelijking');

  // a concept copied from the same template (deadline in the past) is still the purchaser's to edit
  const c = await inkoper.post('/api/v1/inkoop/kaders', {
    titel: 'Concept met oude data',
    jaarVan: 2026,
    sector: 'VV',
    regioCodes: ['5527'],
    procedureType: 'dialoog',
    sjabloon: 'wlz-2016',
  });
  assert.equal(
    (await inkoper.patch(`/api/v1/inkoop/kaders/${c.json().id}`, { omschrijving: 'Nog in bewerking' })).statusCode,
    200,
  );
});

test('open house: scoring waits while the kader has unpublished edits, and works again after publication', async () => {
  app.setNow(lokaalNaarInstant('2025-09-01T10:00'));
  const r = await inkoper.post('/api/v1/inkoop/kaders', {
    titel: 'Open house 2026',
    jaarVan: 2026,
    sector: 'VV',
    regioCodes: ['5526', '5527'],
    procedureType: 'open_house',
  });
  assert.equal(r.statusCode, 201, r.body);
  const id = r.json().id;
  assert.ok(
    (
      await inkoper.post(`/api/v1/inkoop/kaders/${id}/eisen`, {
        code: 'KO1',
        groep: 'gunningscriterium_knockout',
        tekst: 'Voldoet aan de minimumeisen',
        soort: 'oordeel',
        verplicht: false,
      })
    ).statusCode < 300,
  );
  assert.equal((await inkoper.post(`/api/v1/inkoop/kaders/${id}/publiceren`, {})).statusCode, 200);
  assert.equal(
    (await inkoper.post(`/api/v1/inkoop/kaders/${id}/overgangen`, { actie: 'toelating_openen' })).statusCode,
    200,
  );
  const ins = (await zonnehof.post(`/api/v1/inkoop/kaders/${id}/inschrijving`, {})).json().id;
  assert.equal((await zonnehof.post(`/api/v1/inkoop/inschrijvingen/${ins}/indienen`, {})).statusCode, 200);

  // an edit that is not yet published
  assert.equal(
    (
      await inkoper.patch(`/api/v1/inkoop/kaders/${id}`, {
        omschrijving: 'Aangescherpte minimumeisen (nog niet gepubliceerd)',
      })
    ).statusCode,
    200,
  );
  const scores = { scores: [{ criteriumCode: 'KO1', voldaan: true, motivatie: 'Aangetoond' }] };
  const wacht = await beoordelaar.put(`/api/v1/inkoop/inschrijvingen/${ins}/beoordeling`, scores);
  assert.equal(wacht.statusCode, 409, wacht.body);
  assert.equal(wacht.json().code, 'kader-niet-gepubliceerd');
  assert.equal(
    Number(
      (await app.db.one<{ n: number }>('SELECT count(*) AS n FROM beoordeling WHERE inschrijving_id = $1', [ins])).n,
    ),
    0,
    'nothing stored',
  );

  assert.equal(
    (await inkoper.post(`/api/v1/inkoop/kaders/${id}/publiceren`, { wijzigingen: 'Omschrijving aangescherpt' }))
      .statusCode,
    200,
  );
  const ok = await beoordelaar.put(`/api/v1/inkoop/inschrijvingen/${ins}/beoordeling`, scores);
  assert.equal(ok.statusCode, 200, ok.body);
});
