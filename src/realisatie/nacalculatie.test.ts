// Nacalculatie through the API on the real database (PGlite, or PostgreSQL with DATABASE_URL): the
// zorgkantoor's overproduction rule, cases by hand (unpaid, paid later, tariff cut, budget ceiling,
// model P), four eyes, provider isolation, the next year's base without unpaid overproduction, and
// properties of the stored result.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createTestApp, type TestApp, type TestClient } from '../testing.ts';
import { parseCenten, formatCenten } from '../domain/realisatie/centen.ts';
import { Decimal } from '../domain/money.ts';
import { nacalculatieInvoer, bereken, basisVolgendJaar } from './nacalculatie.ts';

let t: TestApp;
let inkoper: TestClient, controller: TestClient, manager: TestClient;
let zonnehof: TestClient, heideweg: TestClient, vgz: TestClient;
const JAAR = 2025;
const c = (s: string) => parseCenten(s)!;
let REGIO = '';
let ids: string[] = [];
let afspraak = new Map<string, bigint>();
let CR = 0n;

/** Declares `bedrag` for a provider in the year (one month, one of its prestaties). */
async function declareer(id: string, bedrag: bigint) {
  const p = await t.db.one<{ prestatie_code: string }>(
    `SELECT prestatie_code FROM productieafspraak WHERE jaar = $1 AND regio_code = $2 AND sector = 'VV' AND organisatie_id = $3 AND prijs > 0 ORDER BY prestatie_code LIMIT 1`,
    [JAAR, REGIO, id],
  );
  await t.db.query(
    `INSERT INTO realisatie (jaar, maand, regio_code, organisatie_id, prestatie_code, clienten, volume, bedrag) VALUES ($1,12,$2,$3,$4,1,1,$5)`,
    [JAAR, REGIO, id, p.prestatie_code, formatCenten(bedrag)],
  );
}

before(async () => {
  t = await createTestApp();
  t.setNow(new Date('2026-03-15T10:00:00Z'));
  const r = await t.db.query<{ regio_code: string }>(
    `SELECT p.regio_code FROM productieafspraak p JOIN regio_concessie c ON c.regio_code = p.regio_code AND c.jaar = p.jaar AND c.organisatie_id = 'zk-cz'
      WHERE p.jaar = $1 AND p.sector = 'VV' AND p.prijs > 0 GROUP BY 1 HAVING count(DISTINCT p.organisatie_id) >= 3
      ORDER BY bool_or(p.organisatie_id = 'za-demo-0001') DESC, 1 LIMIT 1`,
    [JAAR],
  );
  REGIO = r[0].regio_code;
  await t.db.query(
    `INSERT INTO gebruiker (email, naam, organisatie_id, rollen, wachtwoord_hash)
     SELECT 'manager2@cz.demo', 'Tweede manager CZ', organisatie_id, ARRAY['manager'], wachtwoord_hash FROM gebruiker WHERE email = 'manager@cz.demo'`,
  );
  [inkoper, controller, manager, zonnehof, heideweg, vgz] = await Promise.all(
    [
      'inkoper@cz.demo',
      'controller@cz.demo',
      'manager@cz.demo',
      'contractmanager@zonnehof.demo',
      'contractmanager@heideweg.demo',
      'inkoper@vgz.demo',
    ].map((e) => t.login(e)),
  );
  const per = await t.db.query<{ organisatie_id: string; som: string }>(
    `SELECT organisatie_id, sum(bedrag)::text AS som FROM productieafspraak WHERE jaar = $1 AND regio_code = $2 AND sector = 'VV' GROUP BY 1 ORDER BY 1`,
    [JAAR, REGIO],
  );
  afspraak = new Map(per.map((x) => [x.organisatie_id, c(x.som)]));
  ids = per.filter((x) => c(x.som) > 0n).map((x) => x.organisatie_id);
  // zonnehof first when it has an agreement here
  if (ids.includes('za-demo-0001')) ids = ['za-demo-0001', ...ids.filter((x) => x !== 'za-demo-0001')];
  const som = [...afspraak.values()].reduce((s, x) => s + x, 0n);
  // example ledger: the agreements plus a pool of 100,000.00
  CR = som + 10_000_000n;
  const cr = await inkoper.post('/api/v1/budget/contracteerruimte', {
    regio: REGIO,
    jaar: JAAR,
    sector: 'VV',
    totaal: formatCenten(CR),
  });
  assert.equal(cr.statusCode, 201, cr.body);
  // the year's declarations: provider 0 declares its agreement + 300,000.00; the others 90% of theirs
  await t.db.query('DELETE FROM realisatie WHERE jaar = $1 AND regio_code = $2', [JAAR, REGIO]);
  await declareer(ids[0], afspraak.get(ids[0])! + 30_000_000n);
  for (const id of ids.slice(1)) await declareer(id, (afspraak.get(id)! * 9n) / 10n);
});
after(() => t.close());

const regel = (n: any, id: string) => n.regels.find((g: any) => g.aanbieder === id);

test('without a chosen overproduction rule the proposal is refused, naming what to do', async () => {
  const r = await controller.post('/api/v1/realisatie/nacalculatie', { regio: REGIO, jaar: JAAR, sector: 'VV' });
  assert.equal(r.statusCode, 422, r.body);
  assert.equal(r.json().code, 'geen-overproductieregel');
  assert.match(r.body, /nacalculatie\/regel/);
  // only a manager chooses the rule
  assert.equal(
    (await inkoper.put('/api/v1/realisatie/nacalculatie/regel', { jaar: JAAR, regel: 'niet-vergoed' })).statusCode,
    403,
  );
});

test('niet-vergoed by hand: overproduction unpaid, under-production paid as delivered; next year base excludes the unpaid part', async () => {
  const z = await manager.put('/api/v1/realisatie/nacalculatie/regel', { jaar: JAAR, regel: 'niet-vergoed' });
  assert.equal(z.statusCode, 200, z.body);
  const r = await controller.post('/api/v1/realisatie/nacalculatie', { regio: REGIO, jaar: JAAR, sector: 'VV' });
  assert.equal(r.statusCode, 201, r.body);
  const n = r.json();
  assert.equal(n.status, 'voorgesteld');
  assert.equal(n.regel, 'niet-vergoed');
  const over = regel(n, ids[0]);
  assert.equal(over.declarabel, formatCenten(afspraak.get(ids[0])! + 30_000_000n));
  assert.equal(over.vastgesteld, formatCenten(afspraak.get(ids[0])!), 'paid up to the agreement');
  assert.equal(over.onbetaald, '300000.00');
  assert.equal(over.basisVolgendJaar, over.vastgesteld, 'next year starts from what was paid');
  assert.ok(
    over.uitleg.some((u: string) => /Overproductie 300000\.00 wordt niet betaald/.test(u)),
    over.uitleg.join('|'),
  );
  assert.ok(over.uitleg.some((u: string) => /telt niet mee als uitgangspunt voor volgend jaar/.test(u)));
  const onder = regel(n, ids[1]);
  assert.equal(
    onder.vastgesteld,
    formatCenten((afspraak.get(ids[1])! * 9n) / 10n),
    'under-production: paid as delivered',
  );
  const audit = await t.db.one<{ n: number }>(
    `SELECT count(*)::int AS n FROM audit_regel WHERE actie = 'nacalculatie.voorgesteld' AND onderwerp_id = $1`,
    [n.id],
  );
  assert.equal(audit.n, 1);
  // a second open proposal is refused
  assert.equal(
    (await inkoper.post('/api/v1/realisatie/nacalculatie', { regio: REGIO, jaar: JAAR, sector: 'VV' })).statusCode,
    409,
  );
  // a provider does not see a proposal; VGZ not at all
  assert.equal((await zonnehof.get(`/api/v1/realisatie/nacalculatie/${n.id}`)).statusCode, 404);
  assert.equal((await vgz.get(`/api/v1/realisatie/nacalculatie/${n.id}`)).statusCode, 404);
  // four eyes: the inkoper and the proposer cannot decide
  assert.equal(
    (await inkoper.post(`/api/v1/realisatie/nacalculatie/${n.id}/besluit`, { besluit: 'vaststellen' })).statusCode,
    403,
  );
  const besluit = await manager.post(`/api/v1/realisatie/nacalculatie/${n.id}/besluit`, { besluit: 'vaststellen' });
  assert.equal(besluit.statusCode, 200, besluit.body);
  assert.equal(besluit.json().status, 'vastgesteld');
  assert.ok(besluit.json().besluit.door);
  // the next year's base of the decided result never holds unpaid overproduction
  const basis = await basisVolgendJaar(t.db, REGIO, JAAR, 'VV');
  const b0 = basis.find((x) => x.aanbieder === ids[0])!;
  assert.equal(b0.basis, formatCenten(afspraak.get(ids[0])!));
  assert.ok(c(b0.basis) < c(b0.declarabel));
});

test('provider view: only its own line of a decided result, no region totals; list shows only its own', async () => {
  const lijst = (await inkoper.get(`/api/v1/realisatie/nacalculatie?jaar=${JAAR}`)).json();
  const n = lijst.nacalculaties.find((x: any) => x.regio === REGIO && x.status === 'vastgesteld');
  assert.ok(n);
  assert.equal(lijst.overproductieRegel.regel, 'niet-vergoed');
  const eigenaar = ids[0] === 'za-demo-0001' ? zonnehof : ids.includes('za-demo-0002') ? heideweg : null;
  const eigenId = ids[0] === 'za-demo-0001' ? 'za-demo-0001' : 'za-demo-0002';
  if (eigenaar) {
    const r = await eigenaar.get(`/api/v1/realisatie/nacalculatie/${n.id}`);
    assert.equal(r.statusCode, 200, r.body);
    const v = r.json();
    assert.deepEqual(
      v.regels.map((g: any) => g.aanbieder),
      [eigenId],
    );
    assert.equal(v.contracteerruimte, null);
    assert.equal(v.totaal, null);
    assert.deepEqual(v.uitleg, []);
    const l = (await eigenaar.get(`/api/v1/realisatie/nacalculatie?jaar=${JAAR}`)).json();
    assert.ok(l.nacalculaties.every((x: any) => x.regels.every((g: any) => g.aanbieder === eigenId)));
  }
  // a decided nacalculatie cannot be proposed again
  assert.equal(
    (await controller.post('/api/v1/realisatie/nacalculatie', { regio: REGIO, jaar: JAAR, sector: 'VV' })).statusCode,
    409,
  );
});

test('later-vergoed and tariefkorting by hand on the same figures; budget ceiling and model P', async () => {
  const ovp = 30_000_000n; // provider 0's overproduction
  // later-vergoed: the pool (100,000.00) plus the others' under-production pays overproduction later
  let u = bereken(
    (await nacalculatieInvoer(t.db, { regio: REGIO, jaar: JAAR, sector: 'VV', regel: 'later-vergoed' })).invoer,
  );
  const onder = ids.slice(1).reduce((s, id) => s + afspraak.get(id)! - (afspraak.get(id)! * 9n) / 10n, 0n);
  const ruimte = CR - [...afspraak.values()].reduce((s, x) => s + x, 0n) + onder;
  const r0 = u.regels.find((g) => g.aanbieder === ids[0])!;
  assert.equal(r0.nabetaling, ruimte < ovp ? ruimte : ovp, 'paid later from the room left, never more');
  assert.ok(u.totaalVastgesteld <= CR);
  // tariefkorting: the region overruns only if declared > CR; raise provider 0's declaration so it does
  const extra = CR; // declares the whole contracteerruimte on top
  await declareer(ids[0], extra).catch(async () => {
    await t.db.query(
      `UPDATE realisatie SET bedrag = bedrag + $4 WHERE jaar = $1 AND regio_code = $2 AND organisatie_id = $3 AND maand = 12`,
      [JAAR, REGIO, ids[0], formatCenten(extra)],
    );
  });
  u = bereken(
    (await nacalculatieInvoer(t.db, { regio: REGIO, jaar: JAAR, sector: 'VV', regel: 'tariefkorting' })).invoer,
  );
  assert.equal(u.totaalVastgesteld, CR, 'a general cut lands the region exactly on the contracteerruimte');
  assert.ok(u.kortingspercentage && Number(u.kortingspercentage) > 0);
  for (const g of u.regels) assert.ok(g.korting > 0n || g.declarabel === 0n, `${g.aanbieder} is cut too`);
  // budget ceiling: nothing above it is declarable, under every rule
  const plafond = formatCenten(afspraak.get(ids[0])! + 1_000_000n);
  u = bereken(
    (
      await nacalculatieInvoer(t.db, {
        regio: REGIO,
        jaar: JAAR,
        sector: 'VV',
        regel: 'later-vergoed',
        plafonds: { [ids[0]]: plafond },
      })
    ).invoer,
  );
  assert.equal(u.regels.find((g) => g.aanbieder === ids[0])!.declarabel, c(plafond));
  assert.ok(u.regels.find((g) => g.aanbieder === ids[0])!.vastgesteld <= c(plafond));
  // model P: paid up to the PxQ budget (the agreement); its overproduction is never paid later
  u = bereken(
    (
      await nacalculatieInvoer(t.db, {
        regio: REGIO,
        jaar: JAAR,
        sector: 'VV',
        regel: 'later-vergoed',
        modelP: [ids[0]],
      })
    ).invoer,
  );
  const p0 = u.regels.find((g) => g.aanbieder === ids[0])!;
  assert.equal(p0.vastgesteld, afspraak.get(ids[0])!);
  assert.equal(p0.nabetaling, 0n);
  // unknown providers in the input are refused, naming the field
  const fout = await controller.post('/api/v1/realisatie/nacalculatie', {
    regio: REGIO,
    jaar: JAAR + 1,
    sector: 'VV',
    plafonds: { 'za-bestaat-niet': '1.00' },
  });
  assert.ok([404, 422].includes(fout.statusCode), fout.body);
});

test('property: for any rule, ceilings and model P set, Σ paid ≤ contracteerruimte and ≤ Σ ceilings, nobody paid above declarable, model P never above its agreement, base ≤ paid', async () => {
  const regels = ['niet-vergoed', 'later-vergoed', 'tariefkorting'] as const;
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...regels),
      fc.array(fc.boolean(), { minLength: ids.length, maxLength: ids.length }),
      fc.array(fc.bigInt({ min: 0n, max: 500_000_000n }), { minLength: ids.length, maxLength: ids.length }),
      async (r, p, plaf) => {
        const plafonds = Object.fromEntries(ids.map((id, i) => [id, formatCenten(plaf[i])]));
        const { invoer } = await nacalculatieInvoer(t.db, {
          regio: REGIO,
          jaar: JAAR,
          sector: 'VV',
          regel: r,
          modelP: ids.filter((_, i) => p[i]),
          plafonds,
        });
        const u = bereken(invoer);
        assert.ok(u.totaalVastgesteld <= invoer.contracteerruimte);
        const somPlafond = invoer.aanbieders.reduce((s, a) => s + (a.plafond ?? a.gedeclareerd), 0n);
        assert.ok(u.totaalVastgesteld <= somPlafond);
        for (const g of u.regels) {
          const a = invoer.aanbieders.find((x) => x.id === g.aanbieder)!;
          assert.ok(g.vastgesteld <= g.declarabel);
          if (a.plafond !== undefined) assert.ok(g.declarabel <= a.plafond);
          if (a.model === 'P' && r !== 'tariefkorting') assert.ok(g.vastgesteld <= a.afspraak, 'model P ≤ P×Q');
          assert.ok(g.basisVolgendJaar <= g.vastgesteld);
          assert.equal(g.vastgesteld + g.onbetaald + g.korting, g.declarabel);
        }
      },
    ),
    { numRuns: 40 },
  );
});

// ---------------------------------------------------------------- stored agreements and the opslag (2026, region 5527)

const J2 = 2026;
const R2 = '5527';

async function berekendEnGepromoveerd(naam: string, model: 'Q' | 'P', wijzig: Record<string, unknown> = {}) {
  let r = await inkoper.post('/api/v1/budget/scenarios', { regio: R2, jaar: J2, sector: 'VV', naam, model });
  assert.equal(r.statusCode, 201, r.body);
  const s = r.json();
  if (Object.keys(wijzig).length) {
    r = await inkoper.put(`/api/v1/budget/scenarios/${s.id}`, wijzig);
    assert.equal(r.statusCode, 200, r.body);
  }
  r = await inkoper.post(`/api/v1/budget/scenarios/${s.id}/bereken`);
  assert.equal(r.statusCode, 202, r.body);
  await t.ctx.jobs.done(r.json().taakId).catch(() => undefined);
  r = await manager.post(`/api/v1/budget/scenarios/${s.id}/promoveer`, {});
  assert.equal(r.statusCode, 200, r.body);
  return s;
}

async function afspraken2() {
  const per = await t.db.query<{ organisatie_id: string; som: string }>(
    `SELECT organisatie_id, sum(bedrag)::text AS som FROM productieafspraak WHERE jaar = $1 AND regio_code = $2 AND sector = 'VV' GROUP BY 1 HAVING sum(bedrag) > 0 ORDER BY 1`,
    [J2, R2],
  );
  return new Map(per.map((x) => [x.organisatie_id, c(x.som)]));
}

/** Declares `bedrag` for a provider in J2 on one agreed prestatie, volume = bedrag / agreed price. */
async function declareer2(id: string, bedrag: bigint) {
  const p = await t.db.one<{ prestatie_code: string; prijs: string }>(
    `SELECT prestatie_code, prijs::text AS prijs FROM productieafspraak WHERE jaar = $1 AND regio_code = $2 AND sector = 'VV' AND organisatie_id = $3 AND prijs > 0 AND bedrag > 0 ORDER BY bedrag DESC, prestatie_code LIMIT 1`,
    [J2, R2, id],
  );
  const volume = new Decimal(formatCenten(bedrag)).dividedBy(p.prijs).toDecimalPlaces(2).toFixed(2);
  await t.db.query(
    `INSERT INTO realisatie (jaar, maand, regio_code, organisatie_id, prestatie_code, clienten, volume, bedrag) VALUES ($1,12,$2,$3,$4,1,$5,$6)`,
    [J2, R2, id, p.prestatie_code, volume, formatCenten(bedrag)],
  );
}

test('model and ceiling come from the agreements made through the budget API (promoted scenario); hand input for them is refused', async () => {
  const re = await t.db.one<{ som: string }>(
    `SELECT coalesce(sum(r.bedrag),0)::numeric(16,2)::text AS som FROM realisatie r JOIN prestatie p ON p.code = r.prestatie_code WHERE r.regio_code = $1 AND r.jaar = $2 AND p.sector = 'VV'`,
    [R2, J2 - 1],
  );
  const cr = await inkoper.post('/api/v1/budget/contracteerruimte', {
    regio: R2,
    jaar: J2,
    sector: 'VV',
    totaal: new Decimal(re.som).times('1.05').toDecimalPlaces(2).toFixed(2),
  });
  assert.equal(cr.statusCode, 201, cr.body);
  // a model Q scenario with a cap on zonnehof
  const plafond = '1000000.00';
  const q = await berekendEnGepromoveerd('Nacalculatie Q', 'Q', {
    vloerPercentage: '0',
    plafonds: { 'za-demo-0001': plafond },
  });
  const af = await afspraken2();
  assert.ok(af.has('za-demo-0001') && af.get('za-demo-0001')! <= c(plafond), 'the agreement respects the cap');
  await t.db.query('DELETE FROM realisatie WHERE jaar = $1 AND regio_code = $2', [J2, R2]);
  await declareer2('za-demo-0001', c(plafond) * 2n);
  const { invoer } = await nacalculatieInvoer(t.db, { regio: R2, jaar: J2, sector: 'VV', regel: 'niet-vergoed' });
  const z = invoer.aanbieders.find((x) => x.id === 'za-demo-0001')!;
  assert.equal(z.plafond, c(plafond), 'ceiling from the promoted scenario');
  assert.equal(z.model, 'Q');
  assert.equal(z.afspraak, af.get('za-demo-0001'), 'agreement amount from the stored lines');
  const u = bereken(invoer);
  assert.equal(u.regels.find((g) => g.aanbieder === 'za-demo-0001')!.declarabel, c(plafond));
  assert.equal(
    (await manager.put('/api/v1/realisatie/nacalculatie/regel', { jaar: J2, regel: 'niet-vergoed' })).statusCode,
    200,
  );
  const fout = await controller.post('/api/v1/realisatie/nacalculatie', {
    regio: R2,
    jaar: J2,
    sector: 'VV',
    plafonds: { 'za-demo-0001': '5.00' },
    modelP: ['za-demo-0001'],
  });
  assert.equal(fout.statusCode, 422, fout.body);
  const waar = fout.json().fouten.map((f: any) => f.waar);
  assert.ok(waar.includes('plafonds.za-demo-0001') && waar.includes('modelP.za-demo-0001'), fout.body);
  assert.ok(q.id);
  // a later model P scenario: model P from the agreement, PxQ = the agreement, paid up to P × delivered volume
  await berekendEnGepromoveerd('Nacalculatie P', 'P', { startPercentage: '50' });
  const afP = await afspraken2();
  await t.db.query('DELETE FROM realisatie WHERE jaar = $1 AND regio_code = $2', [J2, R2]);
  await declareer2('za-demo-0001', afP.get('za-demo-0001')! + 5_000_000n);
  const p = await nacalculatieInvoer(t.db, { regio: R2, jaar: J2, sector: 'VV', regel: 'later-vergoed' });
  const zp = p.invoer.aanbieders.find((x) => x.id === 'za-demo-0001')!;
  assert.equal(zp.model, 'P', 'model from the latest promoted scenario');
  assert.equal(zp.afspraak, afP.get('za-demo-0001'));
  assert.equal(zp.plafond, undefined, 'a model P scenario sets no cap');
  assert.ok(zp.waardeP !== undefined && zp.waardeP > afP.get('za-demo-0001')!, 'P × delivered volume above PxQ');
  const gp = bereken(p.invoer).regels.find((g) => g.aanbieder === 'za-demo-0001')!;
  assert.equal(gp.vastgesteld, afP.get('za-demo-0001')!, 'model P: paid up to P×Q, never above');
  assert.equal(gp.nabetaling, 0n);
  // back to what the opslag test below starts from
  await t.db.query('DELETE FROM realisatie WHERE jaar = $1 AND regio_code = $2', [J2, R2]);
});

test('opslag at the nacalculatie: only zorgkantoor staff judge; withheld lowers the paid amount by exactly the opslag share, granted keeps it; audited; provider sees only its own line', async () => {
  const af = await afspraken2();
  const [x, y] = ['za-demo-0001', [...af.keys()].find((k) => k !== 'za-demo-0001')!];
  await declareer2(x, (af.get(x)! * 9n) / 10n);
  await declareer2(y, (af.get(y)! * 9n) / 10n);
  const oordeel = (cl: TestClient, body: Record<string, unknown>) =>
    cl.put('/api/v1/realisatie/nacalculatie/opslag', { regio: R2, jaar: J2, sector: 'VV', ...body });
  // a provider cannot judge, not even its own opslag; VGZ has no concession here
  assert.equal(
    (await oordeel(zonnehof, { aanbieder: x, oordeel: 'toegekend', motivatie: 'zelf', percentage: '2' })).statusCode,
    403,
  );
  assert.equal(
    (await oordeel(vgz, { aanbieder: x, oordeel: 'toegekend', motivatie: 'x', percentage: '2' })).statusCode,
    404,
  );
  // without a contract opslag the percentage must be given, within (0, 3]
  let r = await oordeel(inkoper, { aanbieder: x, oordeel: 'onthouden', motivatie: 'Resultaat niet bereikt' });
  assert.equal(r.statusCode, 422, r.body);
  assert.equal(r.json().fouten[0].waar, 'percentage');
  r = await oordeel(inkoper, { aanbieder: x, oordeel: 'onthouden', motivatie: 'x', percentage: '3.5' });
  assert.equal(r.statusCode, 422, r.body);
  r = await oordeel(inkoper, {
    aanbieder: x,
    oordeel: 'onthouden',
    motivatie: 'Het ontwikkelplan heeft zijn resultaat niet bereikt: de scholing is niet gegeven.',
    percentage: '2.00',
  });
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(r.json().moment, 'nacalculatie');
  r = await oordeel(controller, {
    aanbieder: y,
    oordeel: 'toegekend',
    motivatie: 'Resultaat bereikt.',
    percentage: '2.00',
  });
  assert.equal(r.statusCode, 200, r.body);
  const audit = await t.db.one<{ invoer: any; regel: string }>(
    `SELECT invoer, regel FROM audit_regel WHERE actie = 'nacalculatie.opslag.onthouden' ORDER BY volgnummer DESC LIMIT 1`,
  );
  assert.equal(audit.invoer.moment, 'nacalculatie');
  assert.equal(audit.invoer.aanbieder, x);
  assert.match(audit.invoer.motivatie, /niet bereikt/);
  assert.match(audit.regel, /nacalculatie voor 2016/);

  // the same figures without any judgement, computed by the rule, as reference
  const { invoer } = await nacalculatieInvoer(t.db, { regio: R2, jaar: J2, sector: 'VV', regel: 'niet-vergoed' });
  const ref = bereken({ ...invoer, aanbieders: invoer.aanbieders.map(({ opslag: _o, ...a }) => a) });
  const refX = ref.regels.find((g) => g.aanbieder === x)!;
  const refY = ref.regels.find((g) => g.aanbieder === y)!;
  const deel = (v: bigint) =>
    v -
    BigInt(new Decimal(v.toString()).times(100).dividedBy('102').toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0));

  assert.equal(
    (await manager.put('/api/v1/realisatie/nacalculatie/regel', { jaar: J2, regel: 'niet-vergoed' })).statusCode,
    200,
  );
  r = await controller.post('/api/v1/realisatie/nacalculatie', { regio: R2, jaar: J2, sector: 'VV' });
  assert.equal(r.statusCode, 201, r.body);
  const n = r.json();
  const gx = regel(n, x);
  assert.equal(gx.opslag.oordeel, 'onthouden');
  assert.equal(gx.opslag.metOpslag, formatCenten(refX.vastgesteld));
  assert.equal(gx.opslag.onthouden, formatCenten(deel(refX.vastgesteld)));
  assert.equal(
    gx.vastgesteld,
    formatCenten(refX.vastgesteld - deel(refX.vastgesteld)),
    'lower by exactly the opslag share',
  );
  assert.equal(gx.opslag.zonderOpslag, gx.vastgesteld);
  assert.match(gx.opslag.motivatie, /niet bereikt/);
  assert.ok(
    gx.uitleg.some((u: string) => /Opslag 2\.00% onthouden/.test(u)),
    gx.uitleg.join('|'),
  );
  const gy = regel(n, y);
  assert.equal(gy.opslag.oordeel, 'toegekend');
  assert.equal(gy.vastgesteld, formatCenten(refY.vastgesteld), 'granted: paid with the opslag');
  assert.equal(gy.opslag.onthouden, '0.00');
  for (const g of n.regels)
    assert.equal(
      c(g.vastgesteld) + c(g.korting) + c(g.onbetaald) + c(g.opslag?.onthouden ?? '0.00'),
      c(g.declarabel),
      `${g.aanbieder}: paid + cut + unpaid + withheld = declarable`,
    );
  // a changed judgement makes the proposal stale
  r = await oordeel(inkoper, { aanbieder: y, oordeel: 'onthouden', motivatie: 'Herzien.', percentage: '2.00' });
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(
    (await manager.post(`/api/v1/realisatie/nacalculatie/${n.id}/besluit`, { besluit: 'vaststellen' })).statusCode,
    409,
  );
  assert.equal(
    (
      await oordeel(inkoper, {
        aanbieder: y,
        oordeel: 'toegekend',
        motivatie: 'Resultaat bereikt.',
        percentage: '2.00',
      })
    ).statusCode,
    200,
  );
  r = await manager.post(`/api/v1/realisatie/nacalculatie/${n.id}/besluit`, { besluit: 'vaststellen' });
  assert.equal(r.statusCode, 200, r.body);
  // after the decision the judgement is fixed
  assert.equal(
    (await oordeel(inkoper, { aanbieder: x, oordeel: 'toegekend', motivatie: 'x', percentage: '2.00' })).statusCode,
    409,
  );
  // the provider sees only its own line, with the effect of the opslag
  const eigen = (await zonnehof.get(`/api/v1/realisatie/nacalculatie/${n.id}`)).json();
  assert.deepEqual(
    eigen.regels.map((g: any) => g.aanbieder),
    [x],
  );
  assert.equal(eigen.regels[0].opslag.onthouden, gx.opslag.onthouden);
  const lijst = (await zonnehof.get(`/api/v1/realisatie/nacalculatie?jaar=${J2}`)).json();
  assert.ok(lijst.nacalculaties.length >= 1);
  assert.ok(lijst.nacalculaties.every((m: any) => m.regels.every((g: any) => g.aanbieder === x)));
  // the zorgkantoor's list (one query for all lines) has every line
  const zk = (await inkoper.get(`/api/v1/realisatie/nacalculatie?jaar=${J2}`)).json();
  assert.equal(zk.nacalculaties.find((m: any) => m.id === n.id).regels.length, n.regels.length);
});
