/**
 * What a provider and a reader of a published kader see: the template's product choices are stored
 * with the kader (detail and snapshot); G1–G4 (computed two-year conditions) and GV-… (2008 contract
 * conditions) are no requirements the provider answers; snapshots published before 0036 are read in
 * today's requirement grouping while the stored version stays as it was.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp, type TestClient } from '../testing.ts';
import { lokaalNaarInstant } from '../domain/inkoop/timeline.ts';
import { sjabloon } from './kader.ts';

let app: TestApp;
let inkoper: TestClient, zonnehof: TestClient;
let kader2016: string;

before(async () => {
  app = await createTestApp();
  app.setNow(lokaalNaarInstant('2025-06-02T10:00'));
  [inkoper, zonnehof] = await Promise.all(
    ['inkoper@cz.demo', 'contractmanager@zonnehof.demo'].map((e) => app.login(e)),
  );
  const r = await inkoper.post('/api/v1/inkoop/kaders', {
    titel: 'GZ 2026 keuzes',
    jaarVan: 2026,
    sector: 'GZ',
    regioCodes: ['5527'],
    procedureType: 'dialoog',
    sjabloon: 'wlz-2016',
  });
  assert.equal(r.statusCode, 201, r.body);
  kader2016 = r.json().id;
  const p = await inkoper.post(`/api/v1/inkoop/kaders/${kader2016}/publiceren`, {});
  assert.equal(p.statusCode, 200, p.body);
});
after(async () => {
  await app?.close();
});

test('the template’s product choices are stored with the kader: detail, published snapshot and public page', async () => {
  const verwacht = sjabloon('wlz-2016').keuzes!;
  assert.ok(verwacht.length >= 3);
  const eigen = (await inkoper.get(`/api/v1/inkoop/kaders/${kader2016}`)).json();
  assert.deepEqual(eigen.keuzes, verwacht);
  assert.match(eigen.keuzes[0].bron, /^Keuze van het product: /);
  const versie = (await inkoper.get(`/api/v1/inkoop/kaders/${kader2016}/versies/1`)).json();
  assert.deepEqual(versie.snapshot.keuzes, verwacht);
  const aanbieder = (await zonnehof.get(`/api/v1/inkoop/kaders/${kader2016}`)).json();
  assert.deepEqual(aanbieder.keuzes, verwacht);
  const openbaar = (await app.anonymous.get(`/api/v1/openbaar/inkoopkaders/${kader2016}`)).json();
  assert.deepEqual(openbaar.gepubliceerd.keuzes, verwacht);
  // a kader without a template has none
  const leeg = await inkoper.post('/api/v1/inkoop/kaders', {
    titel: 'Zonder sjabloon',
    jaarVan: 2026,
    sector: 'GZ',
    regioCodes: ['5527'],
    procedureType: 'dialoog',
  });
  assert.deepEqual((await inkoper.get(`/api/v1/inkoop/kaders/${leeg.json().id}`)).json().keuzes, []);
});

test('G1–G4 are not requirements the provider answers: shown apart, read-only, with their source', async () => {
  const s = await zonnehof.post(`/api/v1/inkoop/kaders/${kader2016}/inschrijving`, {});
  assert.equal(s.statusCode, 200, s.body);
  const id = s.json().id;
  const i = (await zonnehof.get(`/api/v1/inkoop/inschrijvingen/${id}`)).json();
  const codes = i.eisen.map((e: { code: string }) => e.code);
  assert.ok(codes.includes('A2'), 'the gates are still there');
  assert.ok(!codes.some((c: string) => /^G[1-4]$/.test(c)), codes.join(','));
  assert.ok(!i.eisen.some((e: { groep: string }) => e.groep === 'tweejarige_voorwaarde'));
  assert.deepEqual(
    i.voorwaarden.map((v: { code: string }) => v.code),
    ['G1', 'G2', 'G3', 'G4'],
  );
  for (const v of i.voorwaarden) {
    assert.equal(v.groep, 'tweejarige_voorwaarde');
    assert.match(v.bron, /Inkoopkader Langdurige Zorg 2016/);
    assert.match(v.toelichting, /geen eis die u beantwoordt/);
  }
  // and answering one is refused, naming the rule and the source; nothing is stored
  const a = await zonnehof.put(`/api/v1/inkoop/inschrijvingen/${id}/antwoorden/G1`, { waarde: true });
  assert.equal(a.statusCode, 409, a.body);
  assert.equal(a.json().code, 'geen-eis-voor-aanbieder');
  assert.match(a.json().title, /G1 .*tweejarige overeenkomst.*Inkoopkader Langdurige Zorg 2016, §2\.2\.4/);
  const n = await app.db.one<{ n: number }>(
    `SELECT count(*)::int AS n FROM inschrijving_antwoord a JOIN eis e ON e.id = a.eis_id WHERE a.inschrijving_id = $1 AND e.code = 'G1'`,
    [id],
  );
  assert.equal(n.n, 0);
});

test('a snapshot published before 0036 is read in today’s grouping; the stored version is not rewritten', async () => {
  // a version as published before 0036: G1–G4 typed as knock-out criteria (set in the stored row directly)
  const oud = `jsonb_set(snapshot, '{eisen}', (SELECT jsonb_agg(CASE WHEN e->>'code' IN ('G1','G2','G3','G4')
      THEN jsonb_set(e, '{groep}', '"gunningscriterium_knockout"') ELSE e END) FROM jsonb_array_elements(snapshot->'eisen') e))`;
  await app.db.query(`UPDATE inkoopkader_versie SET snapshot = ${oud} WHERE kader_id = $1`, [kader2016]);
  await app.db.query(
    `UPDATE inkoopkader k SET publieke_versie = v.snapshot FROM inkoopkader_versie v WHERE v.kader_id = k.id AND k.id = $1`,
    [kader2016],
  );
  const groepVan = (eisen: { code: string; groep: string }[], code: string) =>
    eisen.find((e) => e.code === code)?.groep;

  const aanbieder = (await zonnehof.get(`/api/v1/inkoop/kaders/${kader2016}`)).json();
  assert.equal(groepVan(aanbieder.eisen, 'G1'), 'tweejarige_voorwaarde');
  assert.equal(groepVan(aanbieder.eisen, 'A2'), 'bestuursverklaring');
  assert.deepEqual(
    aanbieder.eisGroepenBijgewerkt.map((x: { code: string; van: string; naar: string }) => [x.code, x.van, x.naar]),
    ['G1', 'G2', 'G3', 'G4'].map((c) => [c, 'gunningscriterium_knockout', 'tweejarige_voorwaarde']),
  );
  const versie = (await zonnehof.get(`/api/v1/inkoop/kaders/${kader2016}/versies/1`)).json();
  assert.equal(groepVan(versie.snapshot.eisen, 'G4'), 'tweejarige_voorwaarde');
  const openbaar = (await app.anonymous.get(`/api/v1/openbaar/inkoopkaders/${kader2016}`)).json();
  assert.equal(groepVan(openbaar.gepubliceerd.eisen, 'G2'), 'tweejarige_voorwaarde');
  const lijst = (await app.anonymous.get('/api/v1/openbaar/inkoopkaders')).json();
  assert.ok(JSON.stringify(lijst).length > 0);

  // the stored history is unchanged
  const opgeslagen = await app.db.one<{ groep: string }>(
    `SELECT e->>'groep' AS groep FROM inkoopkader_versie v, jsonb_array_elements(v.snapshot->'eisen') e WHERE v.kader_id = $1 AND e->>'code' = 'G1'`,
    [kader2016],
  );
  assert.equal(opgeslagen.groep, 'gunningscriterium_knockout');
  // a kader of another template keeps its knock-outs as they are
  const { huidigeGroep } = await import('./snapshot.ts');
  assert.equal(huidigeGroep('best-value', 'G1', 'gunningscriterium_knockout'), 'gunningscriterium_knockout');
  assert.equal(huidigeGroep('awbz-2008', 'GV-TZ-a', 'gunningscriterium_knockout'), 'gunningsvoorwaarde');
  assert.equal(huidigeGroep('awbz-2008', 'KO1', 'gunningscriterium_knockout'), 'gunningscriterium_knockout');
});

test('a kader made before the choices were stored (0037) shows its template’s choices on read; published versions from then on carry them; earlier snapshots stay as published', async () => {
  const verwacht = sjabloon('wlz-2016').keuzes!;
  const r = await inkoper.post('/api/v1/inkoop/kaders', {
    titel: 'GZ 2026 van vóór 0037',
    jaarVan: 2026,
    sector: 'GZ',
    regioCodes: ['5527'],
    procedureType: 'dialoog',
    sjabloon: 'wlz-2016',
  });
  assert.equal(r.statusCode, 201, r.body);
  const id = r.json().id;
  // as stored by the product before 0037: nothing in the column
  await app.db.query(`UPDATE inkoopkader SET keuzes = '[]'::jsonb WHERE id = $1`, [id]);
  assert.deepEqual((await inkoper.get(`/api/v1/inkoop/kaders/${id}`)).json().keuzes, verwacht);
  const p = await inkoper.post(`/api/v1/inkoop/kaders/${id}/publiceren`, {});
  assert.equal(p.statusCode, 200, p.body);
  assert.deepEqual((await inkoper.get(`/api/v1/inkoop/kaders/${id}/versies/1`)).json().snapshot.keuzes, verwacht);
  assert.deepEqual((await zonnehof.get(`/api/v1/inkoop/kaders/${id}`)).json().keuzes, verwacht);
  // the column itself is not rewritten by reading
  const rij = await app.db.one<{ keuzes: unknown }>('SELECT keuzes FROM inkoopkader WHERE id = $1', [id]);
  assert.deepEqual(rij.keuzes, []);
  // a template that no longer exists gives none (no error)
  await app.db.query(`UPDATE inkoopkader SET sjabloon = 'bestaat-niet' WHERE id = $1`, [id]);
  const weg = await inkoper.get(`/api/v1/inkoop/kaders/${id}`);
  assert.equal(weg.statusCode, 200, weg.body);
  assert.deepEqual(weg.json().keuzes, []);
});
