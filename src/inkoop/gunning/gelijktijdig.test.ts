/**
 * Concurrent decisions on one bid: of requests fired at the same moment exactly one succeeds, the
 * others get 409 problem+json in Dutch, and exactly one row is stored — for scoring by two assessors,
 * "vastgesteld" against "afgewezen" (four eyes), provisional and final award (2016 decision table and
 * best value) and open house admission. Meant for PostgreSQL (a pool of connections, so the requests
 * really overlap):
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node scripts/test.mjs --no-e2e gunning/gelijktijdig
 * On PGlite (one connection, transactions one after the other) the same outcome must hold.
 * The procedures are set up directly in the tables of 0020_inkoop.sql, as in gunning.test.ts.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp, type TestClient, type TestResponse } from '../../testing.ts';

let t: TestApp;
let beoordelaar: TestClient, beoordelaar2: TestClient, manager: TestClient;
const DEADLINE = new Date('2015-07-31T15:00:00Z');
const NA_DEADLINE = new Date('2015-08-03T08:00:00Z');

const ins = (id: string, pad: string) => `/api/v1/inkoop/inschrijvingen/${id}${pad}`;
const aantal = async (sql: string, p: unknown[]) => Number((await t.db.one<{ n: number }>(sql, p)).n);

/** A kader of CZ with a passed submission deadline, its criteria, and one submitted bid per provider given. */
async function kaderMet(
  procedure: 'dialoog' | 'open_house' | 'best_value',
  fase: string,
  aanbieders: string[],
): Promise<{ kaderId: string; bids: string[] }> {
  const [van, tot] = procedure === 'best_value' ? [2027, 2029] : [2016, 2016];
  const kaderId = (
    await t.db.one<{ id: string }>(
      `INSERT INTO inkoopkader (organisatie_id, titel, jaar_van, jaar_tot, sector, regio_codes, procedure_type, fase, gepubliceerde_versie, publieke_versie, regionale_paragraaf, bezwaartermijn_dagen, gepubliceerd_op, omschrijving)
       VALUES ('zk-cz', $1, $2, $3, 'VV', '{5527}', $4, $5, 1, $6, '{}', 14, '2015-06-01T08:00:00Z', 'Gelijktijdigheid (test)') RETURNING id`,
      [`Gelijktijdig ${procedure}`, van, tot, procedure, fase, JSON.stringify({ titel: `Gelijktijdig ${procedure}` })],
    )
  ).id;
  await t.db.query(
    `INSERT INTO termijn (kader_id, fase, begint_op, eindigt_op) VALUES ($1,'publicatie','2015-06-01T08:00:00Z',NULL), ($1,'inschrijving','2015-06-01T08:00:00Z',$2)`,
    [kaderId, DEADLINE],
  );
  await t.db.query(
    `INSERT INTO eis (kader_id, code, groep, tekst, soort, gewicht, schaal_min, schaal_max, volgorde) VALUES
     ($1,'KO1','gunningscriterium_knockout','Voldoet aan het Programma van Eisen','oordeel',NULL,NULL,NULL,1),
     ($1,'F1','gunningscriterium_gewogen','Effect voor de cliënt','oordeel',100,1,5,2)`,
    [kaderId],
  );
  const bids: string[] = [];
  for (const a of aanbieders) {
    const id = (
      await t.db.one<{ id: string }>(
        `INSERT INTO inschrijving (kader_id, organisatie_id, status, kader_versie, regio_codes, ingediend_op) VALUES ($1,$2,'ingediend',1,'{5527}','2015-07-30T10:00:00Z') RETURNING id`,
        [kaderId, a],
      )
    ).id;
    // in the 2016 procedure weighted criteria (F1–F3) are scored only for a bidder with an ontwikkelplan
    if (procedure === 'dialoog') await t.db.query('INSERT INTO ontwikkelplan (inschrijving_id) VALUES ($1)', [id]);
    if (procedure === 'best_value') {
      await t.db.query(
        `INSERT INTO best_value_voorstel (inschrijving_id, voorstel, kansen, risicos, aangeboden_prijs, prijs_toelichting) VALUES ($1,'Kleinschalig wonen','Huisarts','Personeel',990000.00,'Per jaar')`,
        [id],
      );
      await t.db.query(
        `INSERT INTO kpi (inschrijving_id, volgnummer, naam, eenheid, nulmeting, streefwaarde, richting, meetmethode) VALUES ($1,1,'Cliënttevredenheid','score',0.1,0.3,'hoger_is_beter','jaarlijks')`,
        [id],
      );
    }
    bids.push(id);
  }
  return { kaderId, bids };
}

const scores = [
  { criteriumCode: 'KO1', voldaan: true, motivatie: 'Programma van Eisen aantoonbaar' },
  { criteriumCode: 'F1', score: '4', motivatie: 'Concreet cliëntdoel' },
];

/** Scored by `beoordelaar`, confirmed by `beoordelaar2` (four eyes), one after the other. */
async function vastgesteld(id: string) {
  assert.equal((await beoordelaar.put(ins(id, '/beoordeling'), { scores })).statusCode, 200);
  const b = await beoordelaar2.post(ins(id, '/beoordeling/besluit'), { besluit: 'vastgesteld', motivatie: 'Eens' });
  assert.equal(b.statusCode, 200, b.body);
}

/** Exactly one success; every other answer 409 problem+json in Dutch with one of the expected codes. */
function eenWint(rs: TestResponse[], codes: string[]): TestResponse {
  const overzicht = rs.map((r) => `${r.statusCode} ${r.body.slice(0, 200)}`).join('\n');
  const ok = rs.filter((r) => r.statusCode === 200);
  assert.equal(ok.length, 1, `precies één geslaagd verzoek verwacht:\n${overzicht}`);
  for (const r of rs.filter((x) => x !== ok[0])) {
    assert.equal(r.statusCode, 409, overzicht);
    assert.match(String(r.headers['content-type']), /^application\/problem\+json/);
    assert.ok(codes.includes(r.json().code), `code ${r.json().code} niet in ${codes.join(', ')}`);
    assert.match(r.json().title, /\b(al|is|een|deze|over)\b/i, 'a Dutch sentence');
  }
  return ok[0];
}

before(async () => {
  t = await createTestApp();
  t.setNow(NA_DEADLINE);
  [beoordelaar, beoordelaar2, manager] = await Promise.all(
    ['beoordelaar@cz.demo', 'beoordelaar2@cz.demo', 'manager@cz.demo'].map((e) => t.login(e)),
  );
});
after(async () => {
  await t?.close();
});

test('two assessors score the same bid at once: one proposal (200), the other 409; one assessment stored', async () => {
  const { bids } = await kaderMet('dialoog', 'beoordeling', ['za-demo-0001']);
  const [id] = bids;
  const rs = await Promise.all([
    beoordelaar.put(ins(id, '/beoordeling'), { scores }),
    beoordelaar2.put(ins(id, '/beoordeling'), { scores }),
  ]);
  eenWint(rs, ['beoordeling-in-behandeling']);
  assert.equal(await aantal('SELECT count(*) AS n FROM beoordeling_besluit WHERE inschrijving_id = $1', [id]), 1);
  assert.equal(
    await aantal('SELECT count(DISTINCT beoordelaar_id) AS n FROM beoordeling WHERE inschrijving_id = $1', [id]),
    1,
    'the scores of one assessor only',
  );
  assert.equal(
    await aantal(
      `SELECT count(*) AS n FROM audit_regel WHERE actie = 'inkoop.beoordeling.gescoord' AND onderwerp_id = $1`,
      [id],
    ),
    1,
  );

  // four eyes: "vastgesteld" and "afgewezen" at once by the two people who may decide (not the assessor)
  const besluit = await t.db.one<{ id: string; eerste_beoordelaar_id: string }>(
    'SELECT id, eerste_beoordelaar_id FROM beoordeling_besluit WHERE inschrijving_id = $1',
    [id],
  );
  const b2 = await t.db.one<{ id: string }>(`SELECT id FROM gebruiker WHERE email = 'beoordelaar2@cz.demo'`);
  const tweede = besluit.eerste_beoordelaar_id === b2.id ? beoordelaar : beoordelaar2;
  const beslissingen = await Promise.all([
    tweede.post(ins(id, '/beoordeling/besluit'), { besluit: 'vastgesteld', motivatie: 'Eens met de scores' }),
    manager.post(ins(id, '/beoordeling/besluit'), { besluit: 'afgewezen', motivatie: 'Motivatie te mager' }),
  ]);
  const winnaar = eenWint(beslissingen, ['al-besloten']);
  const rij = await t.db.one<{ status: string }>('SELECT status FROM beoordeling_besluit WHERE id = $1', [besluit.id]);
  assert.equal(rij.status, winnaar.json().status, 'the stored decision is the one that got 200');
  assert.equal(
    await aantal(
      `SELECT count(*) AS n FROM audit_regel WHERE actie IN ('inkoop.beoordeling.vastgesteld','inkoop.beoordeling.afgewezen') AND onderwerp_id = $1`,
      [id],
    ),
    1,
  );
});

test('three provisional awards at once: one 200, two 409; then three final awards at once: one 200, two 409', async () => {
  const { bids } = await kaderMet('dialoog', 'beoordeling', ['za-demo-0002']);
  const [id] = bids;
  await vastgesteld(id);
  const voorlopig = await Promise.all([1, 2, 3].map(() => manager.post(ins(id, '/gunning/voorlopig'), {})));
  eenWint(voorlopig, ['al-gegund']);
  assert.equal(
    await aantal(`SELECT count(*) AS n FROM gunning WHERE inschrijving_id = $1 AND soort = 'voorlopig'`, [id]),
    1,
  );
  assert.equal(
    await aantal(`SELECT count(*) AS n FROM document WHERE inschrijving_id = $1 AND naam LIKE 'voorlopige-gunning-%'`, [
      id,
    ]),
    1,
    'one letter: the losers left nothing behind',
  );

  t.setNow(new Date(NA_DEADLINE.getTime() + 30 * 86_400_000)); // after the objection window
  try {
    const definitief = await Promise.all([1, 2, 3].map(() => manager.post(ins(id, '/gunning/definitief'), {})));
    const ok = eenWint(definitief, ['al-definitief']);
    assert.equal(
      await aantal(`SELECT count(*) AS n FROM gunning WHERE inschrijving_id = $1 AND soort = 'definitief'`, [id]),
      1,
    );
    assert.equal(
      await aantal('SELECT count(*) AS n FROM overeenkomst WHERE inschrijving_id = $1', [id]),
      ok.json().overeenkomstId ? 1 : 0,
    );
    assert.equal(
      await aantal(
        `SELECT count(*) AS n FROM audit_regel WHERE actie = 'inkoop.gunning.definitief' AND onderwerp_id = $1`,
        [id],
      ),
      1,
    );
  } finally {
    t.setNow(NA_DEADLINE);
  }
});

test('best value: three provisional awards at once: one 200, two 409; one award stored', async () => {
  const { bids } = await kaderMet('best_value', 'beoordeling', ['za-demo-0001']);
  const [id] = bids;
  await vastgesteld(id);
  const rs = await Promise.all([1, 2, 3].map(() => manager.post(ins(id, '/gunning/voorlopig'), {})));
  const ok = eenWint(rs, ['al-gegund']);
  assert.equal(ok.json().uitkomst, 'bestvalue-overeenkomst');
  assert.equal(await aantal('SELECT count(*) AS n FROM gunning WHERE inschrijving_id = $1', [id]), 1);
});

test('open house: three admission decisions at once: one 200, two 409; one admission and one framework contract', async () => {
  const { bids } = await kaderMet('open_house', 'toelating_doorlopend', ['za-demo-0002']);
  const [id] = bids;
  await vastgesteld(id);
  const rs = await Promise.all(
    [1, 2, 3].map(() => manager.post(ins(id, '/toelating'), { motivatie: 'Voldoet aan de minimumeisen' })),
  );
  const ok = eenWint(rs, ['al-besloten']);
  assert.equal(ok.json().besluit, 'toegelaten');
  assert.equal(await aantal('SELECT count(*) AS n FROM toelating WHERE inschrijving_id = $1', [id]), 1);
  assert.equal(await aantal('SELECT count(*) AS n FROM overeenkomst WHERE inschrijving_id = $1', [id]), 1);
});
