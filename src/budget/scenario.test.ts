import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp, type TestClient } from '../testing.ts';
import { Decimal } from '../domain/money.ts';
import { verdeel } from './verdeling.ts';

let t: TestApp;
let inkoper: TestClient, manager: TestClient, zonnehof: TestClient, heideweg: TestClient, nza: TestClient;
let crId: string;

before(async () => {
  t = await createTestApp();
  t.setNow(new Date('2025-09-15T10:00:00Z'));
  [inkoper, manager, zonnehof, heideweg, nza] = await Promise.all(
    [
      'inkoper@cz.demo',
      'manager@cz.demo',
      'contractmanager@zonnehof.demo',
      'contractmanager@heideweg.demo',
      'toezicht@nza.demo',
    ].map((e) => t.login(e)),
  );
  const re = await t.db.one<{ som: string }>(
    `SELECT coalesce(sum(r.bedrag),0)::numeric(16,2) AS som FROM realisatie r JOIN prestatie p ON p.code = r.prestatie_code WHERE r.regio_code = '5527' AND r.jaar = 2025 AND p.sector = 'VV'`,
  );
  assert.ok(new Decimal(re.som).greaterThan(0), 'demo has 2025 realisation in 5527');
  const r = await inkoper.post('/api/v1/budget/contracteerruimte', {
    regio: '5527',
    jaar: 2026,
    sector: 'VV',
    totaal: new Decimal(re.som).times('1.05').toDecimalPlaces(2).toFixed(2),
  });
  assert.equal(r.statusCode, 201, r.body);
  crId = r.json().id;
  await inkoper.post(`/api/v1/budget/contracteerruimte/${crId}/oormerk`, { label: 'innovatie', percentage: '1' });
});
after(async () => {
  await t.close();
});

async function berekend(c: TestClient, id: string) {
  const r = await c.post(`/api/v1/budget/scenarios/${id}/bereken`);
  assert.equal(r.statusCode, 202, r.body);
  await t.ctx.jobs.done(r.json().taakId).catch(() => undefined);
  const taak = (await c.get(`/api/v1/taken/${r.json().taakId}`)).json();
  const s = (await c.get(`/api/v1/budget/scenarios/${id}`)).json();
  return { taak, s };
}

test('scenarios: copy, compute as a job (reproducible), change floor and weights, compare, promote with four eyes, provider sees only its own explanation', async () => {
  // 1. copy the current situation and compute model Q
  let r = await inkoper.post('/api/v1/budget/scenarios', {
    regio: '5527',
    jaar: 2026,
    sector: 'VV',
    naam: 'Basis Q',
    model: 'Q',
  });
  assert.equal(r.statusCode, 201, r.body);
  const a = r.json();
  assert.equal(a.status, 'concept');
  assert.ok(a.aanbieders.length > 3);
  assert.equal(a.parameters.vloerPercentage, '90');
  assert.equal(
    a.parameters.contracteerruimte,
    new Decimal(a.basis.contracteerruimte.totaal).minus(a.basis.contracteerruimte.oormerk).toFixed(2),
  );
  const ra = await berekend(inkoper, a.id);
  assert.equal(ra.taak.status, 'klaar', JSON.stringify(ra.taak));
  assert.equal(Number(ra.taak.voortgang), 1);
  const sa = ra.s;
  assert.equal(sa.status, 'berekend', sa.fout);
  assert.ok(['opgelost', 'prorata'].includes(sa.uitkomst.status), sa.uitkomst.status);
  assert.match(sa.motor, /HiGHS/);
  // stored input reproduces the stored output exactly
  assert.deepEqual(await verdeel(sa.invoer), sa.uitkomst);
  // proposal lines obey price × volume and stay within each provider's allocation
  for (const x of sa.uitkomst.afspraken) {
    const som = sa.voorstel.regels
      .filter((l: any) => l.aanbiederId === x.aanbieder)
      .reduce((s: Decimal, l: any) => s.plus(l.bedrag), new Decimal(0));
    assert.ok(som.lessThanOrEqualTo(x.bedrag), `${x.aanbieder} ${som} > ${x.bedrag}`);
  }
  assert.ok(new Decimal(sa.voorstel.totalen.totaal).lessThanOrEqualTo(sa.parameters.contracteerruimte));

  // 2. a copy with a higher floor and a higher weight for one provider
  r = await inkoper.post('/api/v1/budget/scenarios', {
    regio: '5527',
    jaar: 2026,
    sector: 'VV',
    naam: 'Bodem 95, Zonnehof zwaarder',
    model: 'Q',
    kopieVan: a.id,
  });
  const b = r.json();
  r = await inkoper.put(`/api/v1/budget/scenarios/${b.id}`, { vloerPercentage: '95', scores: { 'za-demo-0001': '3' } });
  assert.equal(r.statusCode, 200, r.body);
  r = await inkoper.put(`/api/v1/budget/scenarios/${b.id}`, { scores: { 'za-bestaat-niet': '3' } });
  assert.equal(r.statusCode, 422);
  assert.equal(r.json().fouten[0].waar, 'scores.za-bestaat-niet');
  const sb = (await berekend(inkoper, b.id)).s;
  assert.equal(sb.status, 'berekend', sb.fout);

  // 3. compare side by side
  r = await inkoper.get(`/api/v1/budget/scenarios/vergelijk?a=${a.id}&b=${b.id}`);
  assert.equal(r.statusCode, 200, r.body);
  const v = r.json();
  const z = v.perAanbieder.find((x: any) => x.sleutel === 'za-demo-0001');
  assert.ok(z, 'Zonnehof in the comparison');
  assert.ok(new Decimal(z.b).greaterThan(z.a), `weight 3 gives Zonnehof more: ${z.a} → ${z.b}`);
  const som = v.perAanbieder.reduce((s: Decimal, x: any) => s.plus(x.verschil), new Decimal(0));
  assert.equal(som.toFixed(2), v.verschil);
  const somLv = v.perLeveringsvorm.reduce((s: Decimal, x: any) => s.plus(x.b), new Decimal(0));
  assert.equal(somLv.toFixed(2), v.b.totaal);

  // 4. promotion: not by the purchaser (role), not by a manager who prepared it (four eyes)
  r = await inkoper.post(`/api/v1/budget/scenarios/${b.id}/promoveer`, {});
  assert.equal(r.statusCode, 403);
  r = await manager.post('/api/v1/budget/scenarios', {
    regio: '5527',
    jaar: 2026,
    sector: 'VV',
    naam: 'Eigen',
    model: 'toekenning',
  });
  const eigen = r.json();
  assert.equal((await berekend(manager, eigen.id)).s.status, 'berekend');
  r = await manager.post(`/api/v1/budget/scenarios/${eigen.id}/promoveer`, {});
  assert.equal(r.statusCode, 403);
  assert.match(r.json().title, /Vier ogen/);

  r = await manager.post(`/api/v1/budget/scenarios/${b.id}/promoveer`, { toelichting: 'vastgesteld in MT' });
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(r.json().status, 'gepromoveerd');
  assert.equal(r.json().gepromoveerd.door, 'Marieke Manager');
  const cr = (await manager.get(`/api/v1/budget/contracteerruimte/${crId}`)).json();
  assert.equal(cr.afspraken, sb.voorstel.totalen.totaal);
  assert.ok(cr.controle.inBalans && cr.controle.mutatiesKloppen && cr.controle.afsprakenKloppen);
  const lijst = (await manager.get('/api/v1/budget/productieafspraken?jaar=2026&regio=5527')).json();
  assert.equal(lijst.totalen.bedrag, sb.voorstel.totalen.totaal);
  const eenAfspraak = (await manager.get(`/api/v1/budget/productieafspraken/${lijst.afspraken[0].id}`)).json();
  assert.equal(eenAfspraak.versies.at(-1).reden, 'scenario');
  assert.equal(eenAfspraak.versies.at(-1).scenarioId, b.id);
  const audit = await t.db.one<{ invoer: any; resultaat: any; regel: string; actor_naam: string }>(
    `SELECT invoer, resultaat, regel, actor_naam FROM audit_regel WHERE actie = 'scenario.gepromoveerd' AND onderwerp_id = $1`,
    [b.id],
  );
  assert.equal(audit.actor_naam, 'Marieke Manager');
  assert.equal(audit.invoer.model, 'Q');
  assert.equal(audit.invoer.invoer.vloerPercentage, '95');
  assert.match(audit.regel, /HiGHS.*model Q.*vier ogen/);
  // a promoted scenario is fixed
  assert.equal((await inkoper.put(`/api/v1/budget/scenarios/${b.id}`, { vloerPercentage: '80' })).statusCode, 409);

  // the exported form of the promoted agreements imports back unchanged (export → import round trip)
  const csv = (await manager.get('/api/v1/budget/productieafspraken/export?jaar=2026&regio=5527')).body;
  r = await manager.post('/api/v1/budget/productieafspraken/import', {
    bestandsnaam: 'terug.csv',
    inhoudBase64: Buffer.from(csv).toString('base64'),
  });
  assert.equal(r.statusCode, 201, r.body);
  assert.equal(
    (await manager.get('/api/v1/budget/productieafspraken?jaar=2026&regio=5527')).json().totalen.bedrag,
    sb.voorstel.totalen.totaal,
  );

  // 5. the provider sees its own explanation, not another's; no scenarios
  r = await zonnehof.get('/api/v1/budget/toelichting?jaar=2026');
  assert.equal(r.statusCode, 200, r.body);
  const tl = r.json();
  assert.equal(tl.length, 1);
  assert.equal(tl[0].model, 'Q');
  assert.match(tl[0].uitleg, /\S/);
  assert.ok(tl[0].regels.every((x: any) => x.aanbiederId === 'za-demo-0001'));
  assert.ok(!r.body.includes('za-demo-0002'), 'no other provider in the explanation');
  assert.equal((await zonnehof.get('/api/v1/budget/toelichting?jaar=2026&aanbieder=za-demo-0002')).statusCode, 404);
  assert.equal((await zonnehof.get(`/api/v1/budget/scenarios/${b.id}`)).statusCode, 403);
  const mijn = (await zonnehof.get('/api/v1/budget/productieafspraken?jaar=2026')).json();
  assert.ok(mijn.afspraken.length > 0 && mijn.afspraken.every((x: any) => x.aanbiederId === 'za-demo-0001'));
  const hw = (await heideweg.get('/api/v1/budget/toelichting?jaar=2026')).json();
  assert.ok(!JSON.stringify(hw).includes('za-demo-0001'));
  // the NZa reads scenarios
  assert.equal((await nza.get(`/api/v1/budget/scenarios/${b.id}`)).statusCode, 200);
});

test('demo: example contracteerruimtes for CZ’s regions, labelled as example figures, balanced, created once', async () => {
  const { ensureBudgetVoorbeelden } = await import('../demo/budget-voorbeelden.ts');
  assert.equal(await ensureBudgetVoorbeelden(t.ctx), true);
  assert.equal(await ensureBudgetVoorbeelden(t.ctx), false);
  const j25 = (await manager.get('/api/v1/budget/contracteerruimte?jaar=2025')).json().contracteerruimtes;
  const j26 = (await manager.get('/api/v1/budget/contracteerruimte?jaar=2026')).json().contracteerruimtes;
  assert.ok(j25.length >= 4 && j26.length >= 4, `${j25.length} / ${j26.length}`);
  for (const c of [...j25, ...j26.filter((x: any) => x.id !== crId)]) {
    assert.equal(c.voorbeeld, true);
    assert.match(c.label, /Voorbeeldcijfers.*geen werkelijk budget/);
    assert.ok(c.controle.inBalans && c.controle.mutatiesKloppen && c.controle.afsprakenKloppen);
    assert.equal(c.zorgkantoorId, 'zk-cz');
  }
  assert.ok(j25.every((c: any) => c.status === 'definitief' && c.afspraken !== '0.00'));
  assert.ok(j26.filter((x: any) => x.id !== crId).every((c: any) => c.status === 'voorlopig'));
  // the provider sees the example label on its region's use
  const b = (await zonnehof.get('/api/v1/budget/contracteerruimte?jaar=2025')).json().benutting;
  assert.ok(b.length > 0 && b.every((x: any) => x.voorbeeld && x.label));
});

test('scenario caps from rules: growth ceiling and intramural days become euro caps with rule and source; the engine never exceeds them', async () => {
  let r = await inkoper.post('/api/v1/budget/scenarios', {
    regio: '5527',
    jaar: 2026,
    sector: 'VV',
    naam: 'Groeiplafond 80%',
    model: 'Q',
  });
  assert.equal(r.statusCode, 201, r.body);
  const id = r.json().id;
  const eerste = r.json().aanbieders[0].id;
  r = await inkoper.put(`/api/v1/budget/scenarios/${id}`, {
    vloerPercentage: '0',
    plafondRegels: { groeiplafondBehandeling: '80', intramuraleDagen: { [eerste]: '10' } },
  });
  assert.equal(r.statusCode, 200, r.body);
  const s0 = r.json();
  assert.equal(s0.parameters.plafondRegels.groeiplafondBehandeling, '80');
  const cap = s0.plafondsUitRegels.find((x: any) => x.aanbieder === eerste);
  assert.ok(cap, JSON.stringify(s0.plafondsUitRegels).slice(0, 400));
  assert.match(cap.uitleg, /intramurale dagen/);
  r = await inkoper.put(`/api/v1/budget/scenarios/${id}`, { plafondRegels: { groeiplafondBehandeling: '180' } });
  assert.equal(r.statusCode, 400, 'a share above 99.99% is refused');
  r = await inkoper.put(`/api/v1/budget/scenarios/${id}`, { plafondRegels: { intramuraleDagen: { onbekend: '5' } } });
  assert.equal(r.statusCode, 422);
  const s = (await berekend(inkoper, id)).s;
  assert.equal(s.status, 'berekend', s.fout);
  for (const c of s.plafondsUitRegels) {
    const a = s.uitkomst.afspraken.find((x: any) => x.aanbieder === c.aanbieder);
    assert.ok(new Decimal(a.bedrag).lessThanOrEqualTo(c.plafond), `${c.aanbieder} ${a.bedrag} > ${c.plafond}`);
    assert.ok(a.uitleg.includes(c.uitleg), 'rule and source in the explanation');
  }
  assert.equal(s.invoer.aanbieders.find((x: any) => x.id === eerste).plafond, cap.plafond);
});

test('cliëntstroom signals: waiting clients raise the provider’s share of the selective part in a scenario with a populariteitFactor; the explanation names them', async () => {
  const { bouwIo31 } = await import('../iwlz/index.ts');
  const { voorbeeldIo31Client, VOORBEELD_BSN } = await import('../iwlz/voorbeelden.ts');
  const bemiddelaar = await t.login('zorgbemiddelaar@cz.demo');
  const ZH = 'za-demo-0001'; // Zonnehof, contracted in 5527
  const maak = async (naam: string, kopieVan?: string) => {
    const r = await inkoper.post('/api/v1/budget/scenarios', {
      regio: '5527',
      jaar: 2026,
      sector: 'VV',
      naam,
      model: 'Q',
      ...(kopieVan ? { kopieVan } : {}),
    });
    assert.equal(r.statusCode, 201, r.body);
    return r.json().id as string;
  };
  const bedragVan = (s: any, id: string) => s.uitkomst.afspraken.find((x: any) => x.aanbieder === id);

  // without the factor: no signals read, no popularity in input or outcome
  const id0 = await maak('Zonder wachtlijst');
  const s0 = (await berekend(inkoper, id0)).s;
  assert.equal(s0.status, 'berekend', s0.fout);
  assert.ok(s0.invoer.populariteitFactor === undefined);
  assert.ok(s0.uitkomst.afspraken.every((x: any) => x.signaal === undefined && x.populariteit === undefined));
  assert.ok(bedragVan(s0, ZH), 'Zonnehof is in the allocation');

  // with the factor but nobody waiting yet: same amounts; the (empty) signal is named per provider
  const id1 = await maak('Met wachtlijst, leeg');
  let r = await inkoper.put(`/api/v1/budget/scenarios/${id1}`, { populariteitFactor: '1.5' });
  assert.equal(r.statusCode, 400, 'a factor above 1 is refused');
  r = await inkoper.put(`/api/v1/budget/scenarios/${id1}`, { populariteitFactor: '1' });
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(r.json().parameters.populariteitFactor, '1');
  const s1 = (await berekend(inkoper, id1)).s;
  assert.equal(s1.status, 'berekend', s1.fout);
  assert.deepEqual(
    s1.uitkomst.afspraken.map((x: any) => x.bedrag),
    s0.uitkomst.afspraken.map((x: any) => x.bedrag),
  );
  assert.deepEqual(bedragVan(s1, ZH).signaal.wachtend, 0);

  // two clients get a toewijzing to Zonnehof and wait (real cliëntstroom data: IO31 in, toewijzing made)
  const io = bouwIo31({
    kop: { ontvanger: '5527', berichtId: 'CIZ-scenario', dagtekening: '2025-09-01' },
    clienten: [voorbeeldIo31Client(VOORBEELD_BSN[0], '250000901'), voorbeeldIo31Client(VOORBEELD_BSN[1], '250000902')],
  });
  r = await bemiddelaar.inject({
    method: 'POST',
    url: '/api/v1/clientstroom/indicaties/io31',
    payload: io,
    headers: { 'content-type': 'application/xml' },
  });
  assert.equal(r.statusCode, 200, r.body);
  for (const bsn of [VOORBEELD_BSN[0], VOORBEELD_BSN[1]]) {
    const c = (await bemiddelaar.post('/api/v1/clientstroom/clienten/zoek', { bsn })).json();
    const ind = (await bemiddelaar.get(`/api/v1/clientstroom/clienten/${c.clientId}`)).json().indicaties[0];
    const tw = await bemiddelaar.post('/api/v1/clientstroom/toewijzingen', {
      indicatieId: ind.id,
      organisatieId: ZH,
      soort: '1',
      leveringsvorm: 'verblijf',
      ingangsdatum: '2025-10-01',
    });
    assert.equal(tw.statusCode, 201, tw.body);
  }
  const sig = (await inkoper.get('/api/v1/clientstroom/signalen?regio=5527&sector=VV')).json();
  const zh = sig.aanbieders.find((a: any) => a.organisatieId === ZH);
  assert.equal(zh.wachtend, 2);

  // the same scenario again: Zonnehof gets more, the others no more, the total stays within the budget
  const id2 = await maak('Met wachtlijst', id1);
  const s2 = (await berekend(inkoper, id2)).s;
  assert.equal(s2.status, 'berekend', s2.fout);
  const voor = bedragVan(s1, ZH),
    na = bedragVan(s2, ZH);
  assert.ok(new Decimal(na.bedrag).greaterThan(voor.bedrag), `${voor.bedrag} → ${na.bedrag}`);
  for (const x of s2.uitkomst.afspraken)
    if (x.aanbieder !== ZH)
      assert.ok(new Decimal(x.bedrag).lessThanOrEqualTo(bedragVan(s1, x.aanbieder).bedrag), x.aanbieder);
  assert.ok(new Decimal(s2.uitkomst.totaal).lessThanOrEqualTo(s2.parameters.contracteerruimte));
  assert.deepEqual(na.signaal, { wachtend: 2, voorkeur: 0, capaciteit: zh.capaciteit });
  assert.match(na.uitleg, /2 wachtende cliënt\(en\) met een toewijzing/);
  assert.match(na.uitleg, /Keuze van het product: populariteit/);
  // the input stored with the result carries the popularity: the amounts are reproducible from it
  const inv = s2.invoer.aanbieders.find((x: any) => x.id === ZH);
  assert.equal(inv.populariteit, zh.capaciteit > 0 ? new Decimal(2).dividedBy(zh.capaciteit).toFixed(2) : '1');
  assert.equal(s2.invoer.populariteitFactor, '1');
  assert.deepEqual(
    (await verdeel(s2.invoer)).afspraken.map((x) => x.bedrag),
    s2.uitkomst.afspraken.map((x: any) => x.bedrag),
  );
});
