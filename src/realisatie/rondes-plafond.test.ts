// Herschikkingsrondes propose maxima from stored data, through the API on the real database (PGlite, or
// PostgreSQL with DATABASE_URL): the cap of the latest promoted budget scenario becomes the provider's
// maximum (bron budgetplafond, its scenario named) and HiGHS keeps the proposal under it; a typed
// maximum above it is refused naming the field, the ceiling and its source; a lower one is taken (bron
// inkoper); a provider without a ceiling has no maximum unless one is typed. The source is in the round
// and in the decision's audit input.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp, type TestClient } from '../testing.ts';
import { parseCenten, formatCenten } from '../domain/realisatie/centen.ts';
import { Decimal } from '../domain/money.ts';
import { vernieuwMonitorAggregaat } from './store.ts';

let t: TestApp;
let inkoper: TestClient, manager: TestClient;
const JAAR = 2026;
const REGIO = '5527';
const A = 'za-demo-0001';
const c = (s: string) => parseCenten(s)!;
const SCENARIO = 'Plafond voor de herschikking';
let plafond = '';
let B = '';

async function afspraken() {
  const per = await t.db.query<{ organisatie_id: string; som: string }>(
    `SELECT organisatie_id, sum(bedrag)::text AS som FROM productieafspraak WHERE jaar = $1 AND regio_code = $2 AND sector = 'VV' GROUP BY 1 HAVING sum(bedrag) > 0 ORDER BY 1`,
    [JAAR, REGIO],
  );
  return new Map(per.map((x) => [x.organisatie_id, c(x.som)]));
}

before(async () => {
  t = await createTestApp();
  t.setNow(new Date('2026-07-15T10:00:00Z'));
  [inkoper, manager] = await Promise.all(['inkoper@cz.demo', 'manager@cz.demo'].map((e) => t.login(e)));
  // example ledger: last year's realisation + 5 %
  const re = await t.db.one<{ som: string }>(
    `SELECT coalesce(sum(r.bedrag),0)::numeric(16,2)::text AS som FROM realisatie r JOIN prestatie p ON p.code = r.prestatie_code WHERE r.regio_code = $1 AND r.jaar = $2 AND p.sector = 'VV'`,
    [REGIO, JAAR - 1],
  );
  const totaal = new Decimal(re.som).times('1.05').toDecimalPlaces(2).toFixed(2);
  const cr = await inkoper.post('/api/v1/budget/contracteerruimte', { regio: REGIO, jaar: JAAR, sector: 'VV', totaal });
  assert.equal(cr.statusCode, 201, cr.body);
  // a promoted model Q scenario with a cap on A and a reserve that stays in the pool
  plafond = '1000000.00';
  let r = await inkoper.post('/api/v1/budget/scenarios', {
    regio: REGIO,
    jaar: JAAR,
    sector: 'VV',
    naam: SCENARIO,
    model: 'Q',
  });
  assert.equal(r.statusCode, 201, r.body);
  const s = r.json();
  r = await inkoper.put(`/api/v1/budget/scenarios/${s.id}`, {
    vloerPercentage: '0',
    reserve: new Decimal(totaal).times('0.2').toDecimalPlaces(2).toFixed(2),
    plafonds: { [A]: plafond },
  });
  assert.equal(r.statusCode, 200, r.body);
  r = await inkoper.post(`/api/v1/budget/scenarios/${s.id}/bereken`);
  assert.equal(r.statusCode, 202, r.body);
  await t.ctx.jobs.done(r.json().taakId).catch(() => undefined);
  r = await manager.post(`/api/v1/budget/scenarios/${s.id}/promoveer`, {});
  assert.equal(r.statusCode, 200, r.body);
  const af = await afspraken();
  assert.ok(af.has(A) && af.get(A)! <= c(plafond), 'the agreement respects the cap');
  B = [...af.keys()].find((k) => k !== A)!;
  // realisation Jan–Jun at 150 % of every agreement's pace: all over-produce
  await t.db.query('DELETE FROM realisatie WHERE jaar = $1 AND regio_code = $2', [JAAR, REGIO]);
  const rows = await t.db.query<{ organisatie_id: string; prestatie_code: string; bedrag: string }>(
    `SELECT organisatie_id, prestatie_code, sum(bedrag)::text AS bedrag FROM productieafspraak WHERE jaar = $1 AND regio_code = $2 AND sector = 'VV' AND bedrag > 0 GROUP BY 1, 2`,
    [JAAR, REGIO],
  );
  for (const x of rows)
    for (let m = 1; m <= 6; m++)
      await t.db.query(
        `INSERT INTO realisatie (jaar, maand, regio_code, organisatie_id, prestatie_code, clienten, volume, bedrag) VALUES ($1,$2,$3,$4,$5,1,1,$6)`,
        [JAAR, m, REGIO, x.organisatie_id, x.prestatie_code, formatCenten((c(x.bedrag) * 150n) / 100n / 12n)],
      );
  await vernieuwMonitorAggregaat(t.db, JAAR);
});
after(async () => {
  await t.close();
});

const regel = (ronde: any, id: string) => ronde.regels.find((g: any) => g.aanbieder === id);
const voorstellen = (body: Record<string, unknown> = {}) =>
  inkoper.post('/api/v1/realisatie/herschikkingsrondes', { regio: REGIO, jaar: JAAR, sector: 'VV', ...body });

test('the stored budget ceiling is proposed as the maximum (bron budgetplafond, scenario named) and HiGHS keeps the proposal under it; the others have none', async () => {
  const r = await voorstellen();
  assert.equal(r.statusCode, 201, r.body);
  const ronde = r.json();
  const a = regel(ronde, A);
  assert.equal(a.maximum, plafond);
  assert.equal(a.maximumBron, 'budgetplafond');
  assert.match(a.maximumUitleg, new RegExp(`"${SCENARIO}"`));
  assert.ok(c(a.na) <= c(plafond), `HiGHS respects the ceiling: ${a.na} ≤ ${plafond}`);
  assert.ok(c(a.prognose) > c(plafond), 'without the ceiling A would need more');
  assert.equal(a.maximumBindt, true);
  assert.ok(
    ronde.uitleg.some((u: string) => /opgelost met HiGHS/.test(u)),
    ronde.uitleg.join('\n'),
  );
  for (const g of ronde.regels.filter((g: any) => g.aanbieder !== A)) {
    assert.equal(g.maximum, null, `${g.aanbieder} has no stored ceiling`);
    assert.equal(g.maximumBron, null);
  }
  assert.ok(c(regel(ronde, B).na) > c(regel(ronde, B).afspraak), 'B, without a ceiling, receives money');
  const voor = ronde.regels.reduce((s: bigint, g: any) => s + c(g.afspraak), 0n) + c(ronde.pool.voor);
  const na = ronde.regels.reduce((s: bigint, g: any) => s + c(g.na), 0n) + c(ronde.pool.na);
  assert.equal(na, voor, 'afspraken + pool unchanged');
  // the stored round's input records the source, and the decision's audit input carries it
  const b = await manager.post(`/api/v1/realisatie/herschikkingsrondes/${ronde.id}/besluit`, { besluit: 'afwijzen' });
  assert.equal(b.statusCode, 200, b.body);
  const audit = await t.db.one<{ invoer: any }>(
    `SELECT invoer FROM audit_regel WHERE actie = 'herschikkingsronde.afgewezen' AND onderwerp_id = $1`,
    [ronde.id],
  );
  const ia = audit.invoer.regels.find((g: any) => g.aanbieder === A);
  assert.equal(ia.maximum, plafond);
  assert.equal(ia.maximumBron, 'budgetplafond');
  assert.equal(audit.invoer.voorstel.aanbieders.find((g: any) => g.id === A).maximumBron, 'budgetplafond');
  assert.equal(audit.invoer.voorstel.aanbieders.find((g: any) => g.id === B).maximumBron, null);
});

test('a typed maximum above the stored ceiling is refused naming the field, the ceiling and its source; nothing is written', async () => {
  const voor = await t.db.one<{ n: number }>('SELECT count(*)::int AS n FROM herschikkingsronde');
  const r = await voorstellen({ maxima: { [A]: formatCenten(c(plafond) + 1n) } });
  assert.equal(r.statusCode, 422, r.body);
  const f = r.json().fouten[0];
  assert.equal(f.waar, `maxima.${A}`);
  assert.match(f.wat, /1000000\.01 ligt boven het budgetplafond/);
  assert.match(f.wat, /1000000\.00/);
  assert.match(f.wat, new RegExp(`bron: budgetplafond.*"${SCENARIO}"`));
  assert.equal((await t.db.one<{ n: number }>('SELECT count(*)::int AS n FROM herschikkingsronde')).n, voor.n);
});

test('a typed maximum at or below the ceiling wins (bron inkoper); a provider without a ceiling gets one only when typed', async () => {
  const afA = c(regel((await voorstellen()).json(), A).afspraak);
  // (the round above is open: decline it first)
  const open = (await inkoper.get(`/api/v1/realisatie/herschikkingsrondes?jaar=${JAAR}&regio=${REGIO}`)).json();
  for (const x of open.rondes.filter((x: any) => x.status === 'voorgesteld'))
    assert.equal(
      (await manager.post(`/api/v1/realisatie/herschikkingsrondes/${x.id}/besluit`, { besluit: 'afwijzen' }))
        .statusCode,
      200,
    );
  const lager = formatCenten(afA); // no room above its agreement
  const bMax = formatCenten(c(regel(open.rondes[0], B).afspraak) + 100n);
  const r = await voorstellen({ maxima: { [A]: lager, [B]: bMax } });
  assert.equal(r.statusCode, 201, r.body);
  const ronde = r.json();
  assert.equal(regel(ronde, A).maximum, lager);
  assert.equal(regel(ronde, A).maximumBron, 'inkoper');
  assert.match(regel(ronde, A).maximumUitleg, /onder het opgeslagen budgetplafond 1000000\.00/);
  assert.equal(regel(ronde, A).na, lager);
  assert.equal(regel(ronde, B).maximum, bMax);
  assert.equal(regel(ronde, B).maximumBron, 'inkoper');
  assert.equal(regel(ronde, B).na, bMax, 'HiGHS stops B at its typed maximum');
  assert.equal(
    (await manager.post(`/api/v1/realisatie/herschikkingsrondes/${ronde.id}/besluit`, { besluit: 'afwijzen' }))
      .statusCode,
    200,
  );
});

test('a cap from the scenario’s intramural days is proposed as capaciteit, named with its rule', async () => {
  const open = (await inkoper.get(`/api/v1/realisatie/herschikkingsrondes?jaar=${JAAR}&regio=${REGIO}`)).json();
  for (const x of open.rondes.filter((x: any) => x.status === 'voorgesteld'))
    await manager.post(`/api/v1/realisatie/herschikkingsrondes/${x.id}/besluit`, { besluit: 'afwijzen' });
  // a later promoted scenario: no explicit cap, a maximum of intramural days for A
  let r = await inkoper.post('/api/v1/budget/scenarios', {
    regio: REGIO,
    jaar: JAAR,
    sector: 'VV',
    naam: 'Dagenplafond',
    model: 'Q',
  });
  assert.equal(r.statusCode, 201, r.body);
  const s = r.json();
  r = await inkoper.put(`/api/v1/budget/scenarios/${s.id}`, {
    vloerPercentage: '0',
    plafondRegels: { intramuraleDagen: { [A]: '2000' } },
  });
  assert.equal(r.statusCode, 200, r.body);
  r = await inkoper.post(`/api/v1/budget/scenarios/${s.id}/bereken`);
  assert.equal(r.statusCode, 202, r.body);
  await t.ctx.jobs.done(r.json().taakId).catch(() => undefined);
  const d = (await inkoper.get(`/api/v1/budget/scenarios/${s.id}`)).json();
  const afgeleid = d.plafondsUitRegels.find((x: any) => x.aanbieder === A);
  assert.ok(afgeleid, `the days rule gives A a cap: ${JSON.stringify(d.plafondsUitRegels)}`);
  r = await manager.post(`/api/v1/budget/scenarios/${s.id}/promoveer`, {});
  assert.equal(r.statusCode, 200, r.body);
  r = await voorstellen();
  assert.equal(r.statusCode, 201, r.body);
  const a = regel(r.json(), A);
  assert.equal(a.maximum, afgeleid.plafond);
  assert.equal(a.maximumBron, 'capaciteit');
  assert.match(a.maximumUitleg, /Plafond intramurale dagen: ten hoogste 2000 dagen/);
  assert.match(a.maximumUitleg, /"Dagenplafond"/);
  assert.ok(c(a.na) <= c(afgeleid.plafond), 'HiGHS keeps A under its capacity');
  const besluit = await manager.post(`/api/v1/realisatie/herschikkingsrondes/${r.json().id}/besluit`, {
    besluit: 'afwijzen',
  });
  assert.equal(besluit.statusCode, 200, besluit.body);
  const hoger = await voorstellen({ maxima: { [A]: formatCenten(c(afgeleid.plafond) + 1n) } });
  assert.equal(hoger.statusCode, 422, hoger.body);
  assert.match(hoger.json().fouten[0].wat, /boven het capaciteitsplafond/);
});
