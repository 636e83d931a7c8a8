// Herschikkingsrondes through the API on the real database (PGlite, or PostgreSQL with DATABASE_URL):
// the system's proposal, the purchaser's adjustment (total unchanged, nobody below realised), four
// eyes, the decision writing agreement versions and ledger mutations, provider isolation, the
// published depletion view.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp, type TestClient } from '../testing.ts';
import fc from 'fast-check';
import { parseCenten, formatCenten } from '../domain/realisatie/centen.ts';
import { herschikAfspraken, herschikBasis } from '../budget/index.ts';
import { actorByEmail } from '../platform/auth/sessions.ts';
import { vernieuwMonitorAggregaat } from './store.ts';

let t: TestApp;
let inkoper: TestClient, manager: TestClient, manager2: TestClient, controller: TestClient, vgz: TestClient;
let zonnehof: TestClient, heideweg: TestClient, nza: TestClient;
const JAAR = 2025;
const c = (s: string) => parseCenten(s)!;
let REGIO = '';
let ids: string[] = [];
let AANBIEDER_ZONNEHOF_IN_REGIO = false;

before(async () => {
  t = await createTestApp();
  t.setNow(new Date('2025-07-15T10:00:00Z'));
  // a CZ region with VV agreements of at least three providers in 2025 (Zonnehof among them when possible)
  const r = await t.db.query<{ regio_code: string; n: number; zonnehof: boolean }>(
    `SELECT p.regio_code, count(DISTINCT p.organisatie_id)::int AS n, bool_or(p.organisatie_id = 'za-demo-0001') AS zonnehof
       FROM productieafspraak p JOIN regio_concessie c ON c.regio_code = p.regio_code AND c.jaar = p.jaar AND c.organisatie_id = 'zk-cz'
      WHERE p.jaar = $1 AND p.sector = 'VV' AND p.prijs > 0 GROUP BY 1 HAVING count(DISTINCT p.organisatie_id) >= 3
      ORDER BY bool_or(p.organisatie_id = 'za-demo-0001') DESC, 1 LIMIT 1`,
    [JAAR],
  );
  assert.equal(r.length, 1, 'demo has a CZ region with VV agreements');
  REGIO = r[0].regio_code;
  AANBIEDER_ZONNEHOF_IN_REGIO = r[0].zonnehof;
  await t.db.query(
    `INSERT INTO gebruiker (email, naam, organisatie_id, rollen, wachtwoord_hash)
     SELECT 'manager2@cz.demo', 'Tweede manager CZ', organisatie_id, ARRAY['manager'], wachtwoord_hash FROM gebruiker WHERE email = 'manager@cz.demo'`,
  );
  [inkoper, manager, manager2, controller, vgz, zonnehof, heideweg, nza] = await Promise.all(
    [
      'inkoper@cz.demo',
      'manager@cz.demo',
      'manager2@cz.demo',
      'controller@cz.demo',
      'inkoper@vgz.demo',
      'contractmanager@zonnehof.demo',
      'contractmanager@heideweg.demo',
      'toezicht@nza.demo',
    ].map((e) => t.login(e)),
  );
  const afspraken = await t.db.one<{ som: string }>(
    `SELECT sum(bedrag)::text AS som FROM productieafspraak WHERE jaar = $1 AND regio_code = $2 AND sector = 'VV'`,
    [JAAR, REGIO],
  );
  // a ledger with a pool of 1,000,000.00 on top of the agreements (example figures)
  const cr = await inkoper.post('/api/v1/budget/contracteerruimte', {
    regio: REGIO,
    jaar: JAAR,
    sector: 'VV',
    totaal: formatCenten(c(afspraken.som) + 100_000_000n),
  });
  assert.equal(cr.statusCode, 201, cr.body);
  assert.equal(cr.json().pool, '1000000.00');
  // realisation Jan–Jun: the first provider produces at 150% of its agreement pace, the others at 40%
  const per = await t.db.query<{ organisatie_id: string; prestatie_code: string; bedrag: string }>(
    `SELECT organisatie_id, prestatie_code, bedrag::text FROM productieafspraak WHERE jaar = $1 AND regio_code = $2 AND sector = 'VV' AND prijs > 0 ORDER BY organisatie_id, prestatie_code`,
    [JAAR, REGIO],
  );
  ids = [...new Set(per.map((p) => p.organisatie_id))].sort();
  // the demo's own realisation of this region and year is replaced by the months below
  await t.db.query('DELETE FROM realisatie WHERE jaar = $1 AND regio_code = $2', [JAAR, REGIO]);
  const eerste = AANBIEDER_ZONNEHOF_IN_REGIO ? 'za-demo-0001' : ids[0];
  for (const p of per)
    for (let m = 1; m <= 6; m++) {
      const factor = p.organisatie_id === eerste ? 150n : 40n;
      const bedrag = (c(p.bedrag) * factor) / 100n / 12n;
      await t.db.query(
        `INSERT INTO realisatie (jaar, maand, regio_code, organisatie_id, prestatie_code, clienten, volume, bedrag) VALUES ($1,$2,$3,$4,$5,1,1,$6)
         ON CONFLICT (jaar, regio_code, organisatie_id, prestatie_code, maand) DO UPDATE SET bedrag = excluded.bedrag`,
        [JAAR, m, REGIO, p.organisatie_id, p.prestatie_code, formatCenten(bedrag)],
      );
    }
  // realisatie written directly: bring the monitoring aggregate up to date as the import does
  await vernieuwMonitorAggregaat(t.db, JAAR);
});
after(() => t.close());

const totaal = (r: any) => r.regels.reduce((s: bigint, g: any) => s + c(g.na), 0n) + c(r.pool.na);
const totaalVoor = (r: any) => r.regels.reduce((s: bigint, g: any) => s + c(g.afspraak), 0n) + c(r.pool.voor);
let rondeId = '';

test('proposal: the system moves money from the pool and under-producers to the over-producer; total unchanged; audited', async () => {
  const r = await inkoper.post('/api/v1/realisatie/herschikkingsrondes', { regio: REGIO, jaar: JAAR, sector: 'VV' });
  assert.equal(r.statusCode, 201, r.body);
  const ronde = r.json();
  rondeId = ronde.id;
  assert.equal(ronde.status, 'voorgesteld');
  assert.equal(ronde.peilmaand, 6);
  assert.equal(ronde.volgnummer, 1);
  assert.equal(totaal(ronde), totaalVoor(ronde), 'afspraken + pool unchanged');
  const eerste = AANBIEDER_ZONNEHOF_IN_REGIO ? 'za-demo-0001' : ids[0];
  const over = ronde.regels.find((g: any) => g.aanbieder === eerste);
  assert.ok(c(over.na) > c(over.afspraak), `over-producer receives: ${JSON.stringify(over)}`);
  assert.equal(ronde.pool.na, '0.00', 'the pool is used first');
  for (const g of ronde.regels) assert.ok(c(g.na) >= c(g.gerealiseerd), `${g.aanbieder} not below realised`);
  const audit = await t.db.one<{ n: number }>(
    `SELECT count(*)::int AS n FROM audit_regel WHERE actie = 'herschikkingsronde.voorgesteld' AND onderwerp_id = $1`,
    [rondeId],
  );
  assert.equal(audit.n, 1);
  // a second open round is refused
  const dubbel = await inkoper.post('/api/v1/realisatie/herschikkingsrondes', {
    regio: REGIO,
    jaar: JAAR,
    sector: 'VV',
  });
  assert.equal(dubbel.statusCode, 409);
});

test('adjustment: a changed total and an amount below realised are refused naming the field; a valid one is kept', async () => {
  const ronde = (await inkoper.get(`/api/v1/realisatie/herschikkingsrondes/${rondeId}`)).json();
  const [a, b] = ronde.regels;
  // total changed by one cent
  let r = await inkoper.put(`/api/v1/realisatie/herschikkingsrondes/${rondeId}`, {
    regels: [{ aanbieder: a.aanbieder, na: formatCenten(c(a.na) + 1n) }],
    pool: ronde.pool.na,
  });
  assert.equal(r.statusCode, 422, r.body);
  assert.equal(r.json().fouten[0].waar, 'pool');
  // below realised
  const onder = ronde.regels.find((g: any) => c(g.gerealiseerd) > 0n);
  r = await inkoper.put(`/api/v1/realisatie/herschikkingsrondes/${rondeId}`, {
    regels: [{ aanbieder: onder.aanbieder, na: formatCenten(c(onder.gerealiseerd) - 1n) }],
    pool: formatCenten(c(ronde.pool.na) + c(onder.na) - c(onder.gerealiseerd) + 1n),
  });
  assert.equal(r.statusCode, 422, r.body);
  assert.match(r.json().fouten[0].waar, /regels\[0\]\.na/);
  // unknown provider
  r = await inkoper.put(`/api/v1/realisatie/herschikkingsrondes/${rondeId}`, {
    regels: [{ aanbieder: 'za-bestaat-niet', na: '1.00' }],
    pool: ronde.pool.na,
  });
  assert.equal(r.statusCode, 422);
  // valid: move 100.00 from b to a
  const geef = c(b.na) - c(b.gerealiseerd) >= 10000n ? 10000n : 0n;
  r = await inkoper.put(`/api/v1/realisatie/herschikkingsrondes/${rondeId}`, {
    regels: [
      { aanbieder: a.aanbieder, na: formatCenten(c(a.na) + geef), toelichting: 'wachtlijst' },
      { aanbieder: b.aanbieder, na: formatCenten(c(b.na) - geef) },
    ],
    pool: ronde.pool.na,
  });
  assert.equal(r.statusCode, 200, r.body);
  const na = r.json();
  assert.equal(na.regels.find((g: any) => g.aanbieder === a.aanbieder).na, formatCenten(c(a.na) + geef));
  assert.equal(totaal(na), totaalVoor(na));
  // nothing is written to the agreements before a decision
  const cr = (await inkoper.get(`/api/v1/budget/contracteerruimte?jaar=${JAAR}&regio=${REGIO}`)).json();
  assert.ok(JSON.stringify(cr).includes('1000000.00'), 'pool untouched before the decision');
});

test('provider isolation: a provider sees only its own line and no pool; others get 404; VGZ gets 404', async () => {
  const z = await zonnehof.get(`/api/v1/realisatie/herschikkingsrondes/${rondeId}`);
  if (AANBIEDER_ZONNEHOF_IN_REGIO) {
    assert.equal(z.statusCode, 200, z.body);
    assert.equal(z.json().pool, null);
    assert.deepEqual(
      z.json().regels.map((g: any) => g.aanbieder),
      ['za-demo-0001'],
    );
    const lijst = (await zonnehof.get(`/api/v1/realisatie/herschikkingsrondes?jaar=${JAAR}`)).json();
    assert.equal(lijst.rondes.length, 1);
    assert.equal(lijst.rondes[0].regels.length, 1);
  }
  const h = await heideweg.get(`/api/v1/realisatie/herschikkingsrondes/${rondeId}`);
  if (!ids.includes('za-demo-0002')) assert.equal(h.statusCode, 404);
  assert.equal((await vgz.get(`/api/v1/realisatie/herschikkingsrondes/${rondeId}`)).statusCode, 404);
  assert.equal((await vgz.get(`/api/v1/realisatie/herschikkingsrondes?jaar=${JAAR}`)).json().rondes.length, 0);
  assert.equal((await nza.get(`/api/v1/realisatie/herschikkingsrondes/${rondeId}`)).statusCode, 200);
  // a provider and a controller cannot adjust or decide
  assert.equal(
    (await zonnehof.put(`/api/v1/realisatie/herschikkingsrondes/${rondeId}`, { regels: [], pool: '0.00' })).statusCode,
    403,
  );
  assert.equal(
    (await controller.post(`/api/v1/realisatie/herschikkingsrondes/${rondeId}/besluit`, { besluit: 'goedkeuren' }))
      .statusCode,
    403,
  );
});

test('four eyes: a manager who adjusted the round may not decide it; the inkoper may not decide at all', async () => {
  assert.equal(
    (await inkoper.post(`/api/v1/realisatie/herschikkingsrondes/${rondeId}/besluit`, { besluit: 'goedkeuren' }))
      .statusCode,
    403,
  );
  const ronde = (await manager.get(`/api/v1/realisatie/herschikkingsrondes/${rondeId}`)).json();
  const r = await manager.put(`/api/v1/realisatie/herschikkingsrondes/${rondeId}`, {
    regels: ronde.regels.map((g: any) => ({ aanbieder: g.aanbieder, na: g.na })),
    pool: ronde.pool.na,
  });
  assert.equal(r.statusCode, 200, r.body);
  const besluit = await manager.post(`/api/v1/realisatie/herschikkingsrondes/${rondeId}/besluit`, {
    besluit: 'goedkeuren',
  });
  assert.equal(besluit.statusCode, 403, besluit.body);
  assert.match(besluit.json().detail ?? besluit.body, /Vier ogen/);
  const still = (await manager.get(`/api/v1/realisatie/herschikkingsrondes/${rondeId}`)).json();
  assert.equal(still.status, 'voorgesteld');
});

test('decision by a second manager: new agreement versions, ledger balanced with the pool moved, providers notified, audited', async () => {
  const ronde = (await manager2.get(`/api/v1/realisatie/herschikkingsrondes/${rondeId}`)).json();
  const r = await manager2.post(`/api/v1/realisatie/herschikkingsrondes/${rondeId}/besluit`, {
    besluit: 'goedkeuren',
    toelichting: 'akkoord',
  });
  assert.equal(r.statusCode, 200, r.body);
  const na = r.json();
  assert.equal(na.status, 'besloten');
  assert.equal(na.besluit.door, 'Tweede manager CZ');
  // applied totals are within one volume step of the asked amount per line, and the agreements are the applied totals
  for (const g of na.regels) {
    const nu = await t.db.one<{ som: string; versies: number }>(
      `SELECT sum(bedrag)::text AS som, max(huidige_versie)::int AS versies FROM productieafspraak WHERE jaar = $1 AND regio_code = $2 AND sector = 'VV' AND organisatie_id = $3`,
      [JAAR, REGIO, g.aanbieder],
    );
    assert.equal(nu.som, g.toegepast, g.aanbieder);
    if (g.na !== g.afspraak) {
      assert.ok(nu.versies >= 1, `${g.aanbieder} has a new version`);
      // the version history names the herschikking as the reason (not a purchaser's 'wijziging')
      const regel = await t.db.one<{ id: string }>(
        `SELECT id FROM productieafspraak WHERE jaar = $1 AND regio_code = $2 AND sector = 'VV' AND organisatie_id = $3 AND huidige_versie >= 1 LIMIT 1`,
        [JAAR, REGIO, g.aanbieder],
      );
      const detail = (await inkoper.get(`/api/v1/budget/productieafspraken/${regel.id}`)).json();
      const laatste = detail.versies.reduce((x: any, y: any) => (y.versie > x.versie ? y : x));
      assert.equal(laatste.reden, 'herschikking', `${g.aanbieder}: ${JSON.stringify(laatste)}`);
    }
    assert.ok(c(g.toegepast) >= c(g.gerealiseerd) || c(g.toegepast) >= c(g.afspraak));
    // rounding to whole volume steps: a decrease never goes below the decided amount, an increase never above it
    if (c(g.na) < c(g.afspraak)) assert.ok(c(g.toegepast) >= c(g.na), `${g.aanbieder} decrease`);
    if (c(g.na) > c(g.afspraak)) assert.ok(c(g.toegepast) <= c(g.na), `${g.aanbieder} increase`);
  }
  // the ledger still balances and agreements + pool is unchanged
  const cr = await t.db.one<{ totaal: string; afspraken: string; pool: string; oormerk: string; reserve: string }>(
    `SELECT totaal::text, afspraken::text, pool::text, oormerk::text, reserve::text FROM contracteerruimte WHERE regio_code = $1 AND jaar = $2 AND sector = 'VV'`,
    [REGIO, JAAR],
  );
  assert.equal(c(cr.afspraken) + c(cr.pool) + c(cr.oormerk) + c(cr.reserve), c(cr.totaal));
  assert.equal(c(cr.afspraken) + c(cr.pool), totaalVoor(ronde));
  assert.equal(cr.pool, na.pool.na);
  const audit = await t.db.one<{ n: number }>(
    `SELECT count(*)::int AS n FROM audit_regel WHERE actie = 'herschikkingsronde.goedgekeurd' AND onderwerp_id = $1`,
    [rondeId],
  );
  assert.equal(audit.n, 1);
  // deciding again is refused
  assert.equal(
    (await manager2.post(`/api/v1/realisatie/herschikkingsrondes/${rondeId}/besluit`, { besluit: 'afwijzen' }))
      .statusCode,
    409,
  );
  if (AANBIEDER_ZONNEHOF_IN_REGIO) {
    const b = (await zonnehof.get(`/api/v1/realisatie/herschikkingsberichten?jaar=${JAAR}`)).json();
    assert.equal(b.berichten.length, 1);
    assert.match(b.berichten[0].tekst, /herschikt/);
    const mijn = (await zonnehof.get(`/api/v1/budget/productieafspraken?jaar=${JAAR}&regio=${REGIO}`)).json();
    assert.ok(mijn.afspraken.every((x: any) => x.aanbiederId === 'za-demo-0001'));
    assert.ok(
      mijn.afspraken.some((x: any) => x.versie >= 1),
      'the provider sees its new agreement version',
    );
  }
});

test('rounds per year: two by default, configurable by a manager', async () => {
  // round 2 is allowed, round 3 is not (after round 2 is rejected it does not count)
  let r = await inkoper.post('/api/v1/realisatie/herschikkingsrondes', { regio: REGIO, jaar: JAAR, sector: 'VV' });
  assert.equal(r.statusCode, 201, r.body);
  assert.equal(r.json().volgnummer, 2);
  r = await manager.post(`/api/v1/realisatie/herschikkingsrondes/${r.json().id}/besluit`, { besluit: 'goedkeuren' });
  assert.equal(r.statusCode, 200, r.body);
  r = await inkoper.post('/api/v1/realisatie/herschikkingsrondes', { regio: REGIO, jaar: JAAR, sector: 'VV' });
  assert.equal(r.statusCode, 409);
  assert.equal(r.json().code ?? 'rondes-op', 'rondes-op');
  assert.equal(
    (await inkoper.put('/api/v1/realisatie/herschikkingsrondes/instelling', { jaar: JAAR, rondesPerJaar: 3 }))
      .statusCode,
    403,
  );
  r = await manager.put('/api/v1/realisatie/herschikkingsrondes/instelling', { jaar: JAAR, rondesPerJaar: 3 });
  assert.equal(r.statusCode, 200, r.body);
  r = await inkoper.post('/api/v1/realisatie/herschikkingsrondes', { regio: REGIO, jaar: JAAR, sector: 'VV' });
  assert.equal(r.statusCode, 201, r.body);
});

test('published depletion view: region totals for a provider of the region, its own line, never other providers', async () => {
  const zk = await inkoper.get(`/api/v1/realisatie/uitputting?jaar=${JAAR}&regio=${REGIO}`);
  assert.equal(zk.statusCode, 200, zk.body);
  const u = zk.json();
  assert.equal(u.totMaand, 6);
  assert.ok(c(u.contracteerruimte) > 0n);
  assert.ok(u.gerealiseerdPct !== null && /^\d+\.\d\d$/.test(u.gerealiseerdPct));
  assert.equal(u.eigen, null);
  assert.ok(u.bronnen[0].includes('publiceren zorgkantoren periodiek over de uitnutting van de contracteerruimte'));
  if (AANBIEDER_ZONNEHOF_IN_REGIO) {
    const z = await zonnehof.get(`/api/v1/realisatie/uitputting?jaar=${JAAR}&regio=${REGIO}`);
    assert.equal(z.statusCode, 200, z.body);
    assert.equal(z.json().gerealiseerd, u.gerealiseerd);
    assert.ok(z.json().eigen);
    for (const id of ids.filter((x) => x !== 'za-demo-0001')) assert.ok(!z.body.includes(id));
  }
  assert.equal((await vgz.get(`/api/v1/realisatie/uitputting?jaar=${JAAR}&regio=${REGIO}`)).statusCode, 404);
});

class Terugdraaien extends Error {}

test('property: applying any decided herschikking keeps afspraken + pool, decreases never below and increases never above the decided amount', async () => {
  const manager = (await actorByEmail(t.db, 'manager@cz.demo'))!;
  const basis = (await herschikBasis(t.db, REGIO, JAAR, 'VV'))!;
  const n = basis.aanbieders.length;
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: n, maxLength: n }),
      fc.nat({ max: n - 1 }),
      fc.integer({ min: 0, max: 1000 }),
      async (promille, ontvanger, uitPool) => {
        // every provider but one gives up promille/1000 of half its agreement; the receiver gets that plus part of the pool
        const regels = basis.aanbieders.map((a) => ({ aanbiederId: a.id, bedrag: c(a.bedrag) }));
        let vrij = 0n;
        regels.forEach((r, i) => {
          if (i === ontvanger) return;
          const af = (r.bedrag * BigInt(promille[i])) / 2000n;
          r.bedrag -= af;
          vrij += af;
        });
        regels[ontvanger].bedrag += vrij + (c(basis.pool) * BigInt(uitPool)) / 1000n;
        const vraag = regels.map((r) => ({ aanbiederId: r.aanbiederId, bedrag: formatCenten(r.bedrag) }));
        try {
          await t.db.tx(async (q) => {
            const u = await herschikAfspraken(q, manager, new Date('2025-07-15T10:00:00Z'), {
              regio: REGIO,
              jaar: JAAR,
              sector: 'VV',
              regels: vraag,
              toelichting: 'eigenschapstest',
            });
            const na = (await herschikBasis(q, REGIO, JAAR, 'VV'))!;
            const som = (b: typeof na) => b.aanbieders.reduce((s, a) => s + c(a.bedrag), 0n) + c(b.pool);
            assert.equal(som(na), som(basis), 'afspraken + pool unchanged');
            assert.equal(na.pool, u.pool.na);
            for (const a of u.aanbieders) {
              const voor = c(a.voor),
                gevraagd = c(a.gevraagd),
                toegepast = c(a.na);
              if (gevraagd < voor) assert.ok(toegepast >= gevraagd && toegepast <= voor, JSON.stringify(a));
              if (gevraagd > voor) assert.ok(toegepast <= gevraagd && toegepast >= voor, JSON.stringify(a));
            }
            const regelsNa = await q.query<{ ok: boolean }>(
              `SELECT bool_and(bedrag = round(prijs * volume, 2)) AS ok FROM productieafspraak WHERE jaar = $1 AND regio_code = $2 AND sector = 'VV'`,
              [JAAR, REGIO],
            );
            assert.equal(regelsNa[0].ok, true, 'amount = price × volume on every line');
            throw new Terugdraaien();
          });
        } catch (e) {
          if (!(e instanceof Terugdraaien)) throw e;
        }
      },
    ),
    { numRuns: 12 },
  );
});
