/**
 * Best value / prestatie-inkoop through the HTTP API on a real database: a kader from the best value
 * template, the provider's proposal with its own KPIs (validation, exact decimals, sealing), the
 * submission rule and the receipt, the ranking for the assessors, the final award that turns the
 * KPIs into contract terms, and the KPI route of the contract.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createTestApp, type TestApp, type TestClient } from '../../testing.ts';
import { verifyAudit } from '../../platform/audit.ts';
import { lokaalNaarInstant } from '../../domain/inkoop/timeline.ts';
import { Decimal } from '../../domain/money.ts';
import { pdfTekst } from '../gunning/pdf.ts';
import { instellingen, rangschik, telWoorden, valideerVoorstel, STANDAARD } from './voorstel.ts';

let app: TestApp;
let inkoper: TestClient,
  beoordelaar: TestClient,
  beoordelaar2: TestClient,
  manager: TestClient,
  zonnehof: TestClient,
  heideweg: TestClient,
  vgz: TestClient;
let kaderId = '',
  insZonnehof = '',
  insHeideweg = '';
const DEADLINE = lokaalNaarInstant('2025-07-31T17:00');
const na = (s: number) => new Date(DEADLINE.getTime() + s * 1000);

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')]);
function upload(c: TestClient, id: string, naam: string, inhoud: Buffer, velden: Record<string, string>) {
  const grens = '----bv' + Math.random().toString(16).slice(2);
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
  return c.inject({
    method: 'POST',
    url: `/api/v1/inkoop/inschrijvingen/${id}/documenten`,
    payload: Buffer.concat(delen),
    headers: { 'content-type': `multipart/form-data; boundary=${grens}` },
  });
}
const count = async (sql: string, p: unknown[] = []) => Number((await app.db.one<{ n: number }>(sql, p)).n);
const bv = (id: string) => `/api/v1/inkoop/inschrijvingen/${id}/best-value`;

const KPI1 = {
  naam: 'Cliënttevredenheid (NPS)',
  eenheid: 'score',
  nulmeting: '0.1',
  streefwaarde: '0.30',
  richting: 'hoger_is_beter',
  meetmethode: 'ZorgkaartNederland, jaarlijks',
  meetmoment: 'jaarlijks in december',
  bron: 'ZorgkaartNederland',
};
const KPI2 = {
  naam: 'Valincidenten per 1000 verblijfsdagen',
  eenheid: 'aantal',
  nulmeting: '4,5',
  streefwaarde: '3',
  richting: 'lager_is_beter',
  meetmethode: 'MIC-meldingen gedeeld door verblijfsdagen',
};
const VOLLEDIG = {
  voorstel: 'Wij bieden kleinschalig wonen met vaste teams en dagelijkse zinvolle dagbesteding.',
  kansen: 'Samenwerking met de huisarts en de wijkverpleging.',
  risicos: 'Personeelstekort; beheerst met een eigen leerlijn.',
  aangebodenPrijs: '1234567.89',
  prijsToelichting: 'Per jaar, inclusief dagbesteding.',
  kpis: [KPI1, KPI2],
};

before(async () => {
  app = await createTestApp();
  app.setNow(lokaalNaarInstant('2025-06-02T10:00'));
  [inkoper, beoordelaar, beoordelaar2, manager, zonnehof, heideweg, vgz] = await Promise.all(
    [
      'inkoper@cz.demo',
      'beoordelaar@cz.demo',
      'beoordelaar2@cz.demo',
      'manager@cz.demo',
      'contractmanager@zonnehof.demo',
      'contractmanager@heideweg.demo',
      'inkoper@vgz.demo',
    ].map((e) => app.login(e)),
  );
});
after(async () => {
  await app?.close();
});

test('het best value-sjabloon levert gewogen criteria en knock-outs met bron (Inkoopsafari)', async () => {
  const sj = (await inkoper.get('/api/v1/inkoop/sjablonen')).json().find((s: any) => s.id === 'best-value');
  assert.ok(sj, 'template is loaded from src/inkoop/data/sjabloon-best-value.json');
  assert.equal(sj.procedureType, 'best_value');
  const gewogen = sj.eisen.filter((e: any) => e.groep === 'gunningscriterium_gewogen');
  assert.deepEqual(
    gewogen.map((e: any) => e.code),
    ['W1', 'W2', 'W3', 'W4'],
  );
  assert.equal(gewogen.reduce((s: Decimal, e: any) => s.plus(e.gewicht), new Decimal(0)).toString(), '100');
  assert.ok(sj.eisen.every((e: any) => typeof e.bron === 'string' && e.bron.length > 10));
  assert.match(
    gewogen.find((e: any) => e.code === 'W4').bron,
    /Inkoopsafari – Verkenning van de praktijk van zorginkoop, §4\.2.*prestaties worden gewogen tegen de kosten/,
  );
  assert.match(gewogen.find((e: any) => e.code === 'W1').bron, /twee A4/);
  assert.deepEqual(
    sj.eisen.filter((e: any) => e.groep === 'gunningscriterium_knockout').map((e: any) => e.code),
    ['KO1', 'KO2'],
  );

  const r = await inkoper.post('/api/v1/inkoop/kaders', {
    titel: 'Best value V&V 2026',
    jaarVan: 2026,
    sector: 'VV',
    regioCodes: ['5526', '5527'],
    procedureType: 'best_value',
    sjabloon: 'best-value',
  });
  assert.equal(r.statusCode, 201, r.body);
  kaderId = r.json().id;
  assert.equal(
    (
      await inkoper.put(`/api/v1/inkoop/kaders/${kaderId}/termijnen`, {
        termijnen: [{ fase: 'inschrijving', begint: '2025-06-01T10:00', eindigt: '2025-07-31T17:00' }],
      })
    ).statusCode,
    200,
  );
  // this office allows at most 3 KPIs; the word limit stays at the default
  assert.equal(
    (await inkoper.patch(`/api/v1/inkoop/kaders/${kaderId}`, { regionaleParagraaf: { bestValue: { maxKpis: 3 } } }))
      .statusCode,
    200,
  );
  const p = await inkoper.post(`/api/v1/inkoop/kaders/${kaderId}/publiceren`, {});
  assert.equal(p.statusCode, 200, p.body);
  insZonnehof = (await zonnehof.post(`/api/v1/inkoop/kaders/${kaderId}/inschrijving`)).json().id;
  insHeideweg = (await heideweg.post(`/api/v1/inkoop/kaders/${kaderId}/inschrijving`)).json().id;
  assert.ok(insZonnehof && insHeideweg);
});

test('opslaan en teruglezen: bedragen en KPI-waarden exact als tekst, komma geaccepteerd; de standaarden en de kaderinstelling', async () => {
  const leeg = await zonnehof.get(bv(insZonnehof));
  assert.equal(leeg.statusCode, 200, leeg.body);
  assert.deepEqual(leeg.json().instellingen.maxWoorden, STANDAARD.maxWoorden);
  assert.equal(leeg.json().instellingen.maxKpis, 3, 'regionale_paragraaf.bestValue.maxKpis');
  assert.deepEqual(
    leeg.json().ontbreekt.map((f: any) => f.waar),
    ['voorstel', 'kansen', 'risicos', 'aangebodenPrijs', 'kpis'],
  );
  const r = await zonnehof.put(bv(insZonnehof), VOLLEDIG);
  assert.equal(r.statusCode, 200, r.body);
  const v = (await zonnehof.get(bv(insZonnehof))).json();
  assert.equal(v.aangebodenPrijs, '1234567.89');
  assert.deepEqual(
    v.kpis.map((k: any) => [k.volgnummer, k.nulmeting, k.streefwaarde, k.richting]),
    [
      [1, '0.1', '0.30', 'hoger_is_beter'],
      [2, '4.5', '3', 'lager_is_beter'],
    ],
  );
  assert.equal(v.kpis[0].meetmoment, 'jaarlijks in december');
  assert.equal(v.woorden, telWoorden(VOLLEDIG.voorstel) + telWoorden(VOLLEDIG.kansen) + telWoorden(VOLLEDIG.risicos));
  assert.deepEqual(v.ontbreekt, []);
  assert.equal(v.wijzigbaar, true);
  // stored as numeric: 0.1 + 0.30 is exactly 0.40 in the database
  assert.equal(
    (
      await app.db.one<{ s: string }>(
        `SELECT (sum(nulmeting) FILTER (WHERE volgnummer = 1) + sum(streefwaarde) FILTER (WHERE volgnummer = 1))::text AS s FROM kpi WHERE inschrijving_id = $1`,
        [insZonnehof],
      )
    ).s,
    '0.40',
  );
  const audit = await app.db.one<any>(
    `SELECT invoer, regel FROM audit_regel WHERE actie = 'inkoop.bestvalue.voorstel_gewijzigd' AND onderwerp_id = $1 ORDER BY volgnummer DESC LIMIT 1`,
    [insZonnehof],
  );
  assert.equal(audit.invoer.aangebodenPrijs, '1234567.89');
  assert.match(audit.regel, /inkoop\.bestvalue\.kpi/);
  assert.deepEqual(instellingen({}), { maxWoorden: 1000, maxKpis: 5, verduidelijkingAantal: 1 });
  assert.deepEqual(instellingen({ bestValue: { maxWoorden: 'veel', maxKpis: 0, verduidelijkingAantal: 2 } }), {
    maxWoorden: 1000,
    maxKpis: 5,
    verduidelijkingAantal: 2,
  });
});

test('elke ongeldige invoer wordt geweigerd met het veldpad en er wordt niets opgeslagen', async () => {
  const voor = (await zonnehof.get(bv(insZonnehof))).body;
  const auditVoor = await count(
    `SELECT count(*) AS n FROM audit_regel WHERE actie = 'inkoop.bestvalue.voorstel_gewijzigd'`,
  );
  const woorden = (n: number) => Array.from({ length: n }, (_, i) => `woord${i}`).join(' ');
  const gevallen: [string, unknown, string, RegExp][] = [
    [
      "te veel woorden (1001, voorstel + kansen + risico's)",
      { ...VOLLEDIG, voorstel: woorden(1001 - telWoorden(VOLLEDIG.kansen) - telWoorden(VOLLEDIG.risicos)) },
      'voorstel',
      /1001 woorden.*ten hoogste 1000.*twee A4.*inkoop\.bestvalue\.omvang/,
    ],
    ['geen KPI', { ...VOLLEDIG, kpis: [] }, 'kpis', /minstens één KPI/],
    [
      "te veel KPI's (4 > 3 van dit kader)",
      { ...VOLLEDIG, kpis: [KPI1, KPI2, KPI1, KPI2] },
      'kpis',
      /4 KPI's.*ten hoogste 3/,
    ],
    [
      'streefwaarde tegen de richting in',
      { ...VOLLEDIG, kpis: [KPI1, { ...KPI2, streefwaarde: '5' }] },
      'kpis[1].streefwaarde',
      /lager is beter.*5 is hoger dan de nulmeting 4\.5/,
    ],
    [
      'handhaven met een andere streefwaarde',
      { ...VOLLEDIG, kpis: [{ ...KPI1, richting: 'handhaven', nulmeting: '9', streefwaarde: '9.5' }] },
      'kpis[0].streefwaarde',
      /handhaven.*gelijk zijn aan de nulmeting \(9\)/,
    ],
    [
      'geen getal',
      { ...VOLLEDIG, kpis: [{ ...KPI1, nulmeting: 'tachtig' }] },
      'kpis[0].nulmeting',
      /'tachtig'.*geen getal/,
    ],
    [
      'prijs met drie decimalen',
      { ...VOLLEDIG, aangebodenPrijs: '1000.125' },
      'aangebodenPrijs',
      /3 decimalen.*ten hoogste 2/,
    ],
    ['prijs nul', { ...VOLLEDIG, aangebodenPrijs: '0.00' }, 'aangebodenPrijs', /groter zijn dan € 0/],
    [
      'meetmethode ontbreekt',
      { ...VOLLEDIG, kpis: [KPI1, { ...KPI2, meetmethode: '  ' }] },
      'kpis[1].meetmethode',
      /ontbreekt de meetmethode/,
    ],
    [
      'onbekende richting',
      { ...VOLLEDIG, kpis: [{ ...KPI1, richting: 'omhoog' }] },
      'kpis[0].richting',
      /Onbekende richting 'omhoog'/,
    ],
  ];
  for (const [naam, body, waar, wat] of gevallen) {
    const r = await zonnehof.put(bv(insZonnehof), body);
    assert.equal(r.statusCode, 422, `${naam}: ${r.body}`);
    assert.equal(r.json().code, 'best-value-ongeldig', naam);
    const f = r.json().fouten.find((x: any) => x.waar === waar);
    assert.ok(f, `${naam}: expected a fout at ${waar}, got ${JSON.stringify(r.json().fouten)}`);
    assert.match(f.wat, wat, naam);
    assert.ok(f.actie, `${naam}: says what to do`);
  }
  // all problems at once, each with its own path
  const veel = await zonnehof.put(bv(insZonnehof), {
    ...VOLLEDIG,
    aangebodenPrijs: '12.345',
    kpis: [
      { ...KPI1, naam: '' },
      { ...KPI2, streefwaarde: 'x' },
    ],
  });
  assert.deepEqual(
    veel.json().fouten.map((f: any) => f.waar),
    ['aangebodenPrijs', 'kpis[0].naam', 'kpis[1].streefwaarde'],
  );
  assert.equal((await zonnehof.get(bv(insZonnehof))).body, voor, 'nothing changed');
  assert.equal(
    await count(`SELECT count(*) AS n FROM audit_regel WHERE actie = 'inkoop.bestvalue.voorstel_gewijzigd'`),
    auditVoor,
  );
});

test('een andere aanbieder krijgt 404; een kader van een ander proceduretype wordt geweigerd met de regel', async () => {
  assert.equal((await heideweg.get(bv(insZonnehof))).statusCode, 404);
  assert.equal((await heideweg.put(bv(insZonnehof), VOLLEDIG)).statusCode, 404);
  assert.equal((await vgz.get(bv(insZonnehof))).statusCode, 404);
  assert.equal((await zonnehof.get(bv('00000000-0000-4000-8000-000000000000'))).statusCode, 404);
  assert.equal(
    (await inkoper.put(bv(insZonnehof), VOLLEDIG)).statusCode,
    403,
    'the zorgkantoor does not write proposals',
  );
  const ander = (
    await app.db.one<{
      id: string;
    }>(`INSERT INTO inkoopkader (organisatie_id, titel, jaar_van, jaar_tot, sector, regio_codes, procedure_type, fase, gepubliceerde_versie, publieke_versie, gepubliceerd_op)
    VALUES ('zk-cz', 'Openbaar V&V 2026', 2026, 2026, 'VV', '{5527}', 'openbaar', 'gepubliceerd', 1, '{}', now()) RETURNING id`)
  ).id;
  await app.db.query(
    `INSERT INTO termijn (kader_id, fase, begint_op, eindigt_op) VALUES ($1, 'inschrijving', '2025-06-01T08:00:00Z', $2)`,
    [ander, DEADLINE],
  );
  const ins = (
    await app.db.one<{ id: string }>(
      `INSERT INTO inschrijving (kader_id, organisatie_id, kader_versie, regio_codes) VALUES ($1, 'za-demo-0001', 1, '{5527}') RETURNING id`,
      [ander],
    )
  ).id;
  for (const r of [await zonnehof.get(bv(ins)), await zonnehof.put(bv(ins), VOLLEDIG)]) {
    assert.equal(r.statusCode, 422, r.body);
    assert.equal(r.json().code, 'inkoop.bestvalue.procedure');
    assert.match(r.json().title, /procedure 'openbaar'.*regel inkoop\.bestvalue\.procedure/);
  }
  assert.equal(await count('SELECT count(*) AS n FROM kpi WHERE inschrijving_id = $1', [ins]), 0);
});

test('indienen zonder volledig voorstel wordt geweigerd met de ontbrekende onderdelen', async () => {
  for (const [c, id] of [
    [zonnehof, insZonnehof],
    [heideweg, insHeideweg],
  ] as const) {
    assert.equal((await upload(c, id, 'bestuursverklaring.pdf', PDF, { eisCode: 'BV-A1' })).statusCode, 201);
    assert.equal(
      (await c.put(`/api/v1/inkoop/inschrijvingen/${id}/antwoorden/BV-G1`, { waarde: true })).statusCode,
      200,
    );
  }
  const niets = await heideweg.post(`/api/v1/inkoop/inschrijvingen/${insHeideweg}/indienen`);
  assert.equal(niets.statusCode, 422, niets.body);
  assert.equal(niets.json().code, 'best-value-onvolledig');
  assert.match(niets.json().title, /regel inkoop\.bestvalue\.volledig/);
  assert.deepEqual(
    niets.json().fouten.map((f: any) => f.waar),
    ['voorstel', 'kansen', 'risicos', 'aangebodenPrijs', 'kpis'],
  );
  // only KPIs and a price: the texts are still missing
  assert.equal((await heideweg.put(bv(insHeideweg), { aangebodenPrijs: '990000', kpis: [KPI2] })).statusCode, 200);
  const half = await heideweg.post(`/api/v1/inkoop/inschrijvingen/${insHeideweg}/indienen`);
  assert.equal(half.statusCode, 422);
  assert.deepEqual(
    half.json().fouten.map((f: any) => f.waar),
    ['voorstel', 'kansen', 'risicos'],
  );
  assert.equal((await heideweg.get(`/api/v1/inkoop/inschrijvingen/${insHeideweg}`)).json().status, 'concept');
  assert.equal(
    (await heideweg.put(bv(insHeideweg), { ...VOLLEDIG, aangebodenPrijs: '990000', kpis: [KPI2] })).statusCode,
    200,
  );
  const ok = await heideweg.post(`/api/v1/inkoop/inschrijvingen/${insHeideweg}/indienen`);
  assert.equal(ok.statusCode, 200, ok.body);
});

test("het ontvangstbewijs dekt voorstel en KPI's: zelfde inhoud → zelfde hash, andere streefwaarde → andere hash", async () => {
  const indienen = async () => {
    const r = await zonnehof.post(`/api/v1/inkoop/inschrijvingen/${insZonnehof}/indienen`);
    assert.equal(r.statusCode, 200, r.body);
    return r.json().hash as string;
  };
  const heropen = async () =>
    assert.equal((await zonnehof.post(`/api/v1/inkoop/inschrijvingen/${insZonnehof}/heropenen`)).statusCode, 200);
  const h1 = await indienen();
  // a submitted bid's proposal cannot be changed in place
  const dicht = await zonnehof.put(bv(insZonnehof), VOLLEDIG);
  assert.equal(dicht.statusCode, 409);
  assert.equal(dicht.json().code, 'inschrijving-niet-concept');
  assert.equal((await zonnehof.get(bv(insZonnehof))).json().wijzigbaar, false);
  await heropen();
  assert.equal(await indienen(), h1, 'same content at the same moment gives the same receipt');
  await heropen();
  assert.equal(
    (await zonnehof.put(bv(insZonnehof), { ...VOLLEDIG, kpis: [{ ...KPI1, streefwaarde: '0.31' }, KPI2] })).statusCode,
    200,
  );
  const h2 = await indienen();
  assert.notEqual(h2, h1, 'a changed KPI changes the receipt');
  const ontvangst = await app.db.one<any>('SELECT ontvangst, ontvangst_hash FROM inschrijving WHERE id = $1', [
    insZonnehof,
  ]);
  assert.equal(ontvangst.ontvangst_hash, h2);
  assert.equal(ontvangst.ontvangst.inhoud.bestValue.kpis[0].streefwaarde, '0.31');
  assert.equal(ontvangst.ontvangst.inhoud.bestValue.aangebodenPrijs, '1234567.89');
});

test('verzegeld: het zorgkantoor ziet het voorstel pas na de sluitingstermijn; daarna kan de aanbieder niets meer wijzigen', async () => {
  const r = await beoordelaar.get(bv(insZonnehof));
  assert.equal(r.statusCode, 403);
  assert.equal(r.json().code, 'verzegeld');
  assert.equal((await beoordelaar.get(`/api/v1/inkoop/inschrijvingen/${insZonnehof}/beoordeling`)).statusCode, 403);
  assert.equal((await vgz.get(bv(insZonnehof))).statusCode, 404);
  app.setNow(DEADLINE);
  assert.equal((await beoordelaar.get(bv(insZonnehof))).statusCode, 403, 'the deadline second itself is still sealed');
  app.setNow(na(1));
  const open = await beoordelaar.get(bv(insZonnehof));
  assert.equal(open.statusCode, 200, open.body);
  assert.equal(open.json().kpis[0].streefwaarde, '0.31');
  assert.equal(open.json().wijzigbaar, false);
  const detail = (await beoordelaar.get(`/api/v1/inkoop/inschrijvingen/${insZonnehof}/beoordeling`)).json();
  assert.equal(detail.bestValue.voorstel, VOLLEDIG.voorstel);
  assert.equal(detail.bestValue.aangebodenPrijs, '1234567.89');
  assert.deepEqual(
    detail.bestValue.kpis.map((k: any) => k.naam),
    [KPI1.naam, KPI2.naam],
  );
  // after the deadline: reopening and changing are refused, nothing stored
  assert.equal((await zonnehof.post(`/api/v1/inkoop/inschrijvingen/${insZonnehof}/heropenen`)).statusCode, 409);
  const laat = await zonnehof.put(bv(insZonnehof), VOLLEDIG);
  assert.equal(laat.statusCode, 409);
  assert.equal(laat.json().code, 'deadline-verstreken');
  assert.equal(
    (
      await app.db.one<{ s: string }>(
        `SELECT streefwaarde::text AS s FROM kpi WHERE inschrijving_id = $1 AND volgnummer = 1`,
        [insZonnehof],
      )
    ).s,
    '0.31',
  );
});

const scores = (w: string[]) => [
  { criteriumCode: 'KO1', voldaan: true, motivatie: 'Verklaring getekend' },
  { criteriumCode: 'KO2', voldaan: true, motivatie: 'Toelating aanwezig' },
  ...['W1', 'W2', 'W3', 'W4'].map((c, n) => ({ criteriumCode: c, score: w[n], motivatie: `Score ${c}` })),
];

test('rangorde: op vastgestelde score (niet op naam), prijs ernaast, de beste in de verduidelijkingsfase', async () => {
  for (const actie of ['inschrijving_sluiten', 'beoordeling_starten']) {
    assert.equal((await inkoper.post(`/api/v1/inkoop/kaders/${kaderId}/overgangen`, { actie })).statusCode, 200);
  }
  assert.equal(
    (
      await beoordelaar.put(`/api/v1/inkoop/inschrijvingen/${insHeideweg}/beoordeling`, {
        scores: scores(['3', '3', '2', '3']),
      })
    ).statusCode,
    200,
  );
  let o = (await manager.get(`/api/v1/inkoop/kaders/${kaderId}/beoordelingen`)).json();
  assert.ok(
    o.inschrijvingen.every((r: any) => r.rang === null),
    'no rank before the four-eyes decision',
  );
  assert.equal(
    (
      await beoordelaar.put(`/api/v1/inkoop/inschrijvingen/${insZonnehof}/beoordeling`, {
        scores: scores(['5', '4', '4', '4']),
      })
    ).statusCode,
    200,
  );
  for (const id of [insHeideweg, insZonnehof]) {
    assert.equal(
      (
        await beoordelaar2.post(`/api/v1/inkoop/inschrijvingen/${id}/beoordeling/besluit`, {
          besluit: 'vastgesteld',
          motivatie: 'Eens',
        })
      ).statusCode,
      200,
    );
  }
  o = (await manager.get(`/api/v1/inkoop/kaders/${kaderId}/beoordelingen`)).json();
  assert.equal(o.bestValue.regel, 'inkoop.bestvalue.rangorde.v1');
  assert.match(o.bestValue.uitleg, /hoogste eerst.*laagste aangeboden prijs/);
  assert.equal(o.bestValue.verduidelijkingAantal, 1);
  // Zonnehof (4.35) before Heideweg (2.80) although H sorts before Z
  assert.deepEqual(
    o.inschrijvingen.map((r: any) => [
      r.aanbiederNaam.includes('Zonnehof') ? 'Z' : 'H',
      r.rang,
      r.totaalscore,
      r.aangebodenPrijs,
      r.verduidelijking,
    ]),
    [
      ['Z', 1, '4.35', '1234567.89', true],
      ['H', 2, '2.80', '990000.00', false],
    ],
  );
  assert.equal(
    (await inkoper.post(`/api/v1/inkoop/kaders/${kaderId}/overgangen`, { actie: 'verduidelijking_starten' })).json()
      .naar,
    'verduidelijking',
  );
  assert.equal(
    (await manager.get(`/api/v1/inkoop/kaders/${kaderId}/beoordelingen`)).json().bestValue.verduidelijkingsfase,
    true,
  );
});

test('rangschik (puur): gelijke score → laagste prijs eerst; knock-out en open beoordelingen zonder rang; top N', () => {
  const r = rangschik(
    [
      {
        inschrijvingId: 'a',
        aanbiederNaam: 'A',
        beoordeling: 'vastgesteld',
        totaalscore: '4.00',
        knockOut: null,
        aangebodenPrijs: '200.00',
      },
      {
        inschrijvingId: 'b',
        aanbiederNaam: 'B',
        beoordeling: 'vastgesteld',
        totaalscore: '4.00',
        knockOut: null,
        aangebodenPrijs: '100.00',
      },
      {
        inschrijvingId: 'c',
        aanbiederNaam: 'C',
        beoordeling: 'vastgesteld',
        totaalscore: '4.10',
        knockOut: null,
        aangebodenPrijs: null,
      },
      {
        inschrijvingId: 'd',
        aanbiederNaam: 'D',
        beoordeling: 'vastgesteld',
        totaalscore: null,
        knockOut: 'KO1',
        aangebodenPrijs: '1.00',
      },
      {
        inschrijvingId: 'e',
        aanbiederNaam: 'E',
        beoordeling: 'voorgesteld',
        totaalscore: '5.00',
        knockOut: null,
        aangebodenPrijs: '1.00',
      },
    ],
    { maxWoorden: 1000, maxKpis: 5, verduidelijkingAantal: 2 },
  );
  assert.deepEqual(
    ['a', 'b', 'c', 'd', 'e'].map((x) => [r.get(x)!.rang, r.get(x)!.verduidelijking]),
    [
      [3, false],
      [2, true],
      [1, true],
      [null, false],
      [null, false],
    ],
  );
});

test("definitieve gunning: de KPI's worden afgesproken (zelfde transactie, geaudit) en staan in de overeenkomst-PDF", async () => {
  const v = await manager.post(`/api/v1/inkoop/inschrijvingen/${insZonnehof}/gunning/voorlopig`, {
    motivatie: 'Beste voorstel',
  });
  assert.equal(v.statusCode, 200, v.body);
  assert.equal(
    await count('SELECT count(*) AS n FROM kpi WHERE inschrijving_id = $1 AND afgesproken', [insZonnehof]),
    0,
    'not agreed at the provisional award',
  );
  app.setNow(new Date(na(1).getTime() + 15 * 86_400_000));
  const d = await manager.post(`/api/v1/inkoop/inschrijvingen/${insZonnehof}/gunning/definitief`, {
    motivatie: 'Na verduidelijking',
  });
  assert.equal(d.statusCode, 200, d.body);
  const overeenkomstId = d.json().overeenkomstId;
  assert.ok(overeenkomstId);
  assert.deepEqual(
    (
      await app.db.query<any>('SELECT afgesproken FROM kpi WHERE inschrijving_id = $1 ORDER BY volgnummer', [
        insZonnehof,
      ])
    ).map((x) => x.afgesproken),
    [true, true],
  );
  assert.equal(
    await count('SELECT count(*) AS n FROM kpi WHERE inschrijving_id = $1 AND afgesproken', [insHeideweg]),
    0,
  );
  const audit = await app.db.one<any>(
    `SELECT invoer FROM audit_regel WHERE actie = 'inkoop.gunning.definitief' AND onderwerp_id = $1`,
    [insZonnehof],
  );
  assert.deepEqual(
    audit.invoer.afgesprokenKpis.map((k: any) => [k.naam, k.streefwaarde]),
    [
      [KPI1.naam, '0.31'],
      [KPI2.naam, '3'],
    ],
  );
  assert.equal(audit.invoer.kpiRegel, 'inkoop.bestvalue.contract');
  const ok = await app.db.one<{ document_id: string }>('SELECT document_id FROM overeenkomst WHERE id = $1', [
    overeenkomstId,
  ]);
  const pdf = await zonnehof.get(`/api/v1/inkoop/gunningsdocumenten/${ok.document_id}`);
  assert.equal(pdf.statusCode, 200);
  const tekst = pdfTekst(pdf.rawPayload).replace(/\s+/g, ' ');
  assert.match(tekst, /Artikel 5a – Afgesproken prestatie-indicatoren/);
  assert.match(tekst, /Valincidenten per 1000 verblijfsdagen/);
  assert.match(tekst, /MIC-meldingen gedeeld door verblijfsdagen/);
  assert.match(tekst, /0,31/);
  assert.match(tekst, /4,5/);
  assert.equal((await verifyAudit(app.db)).ok, true);

  // the KPI route of the contract: the provider and its zorgkantoor; anyone else 404
  const eigen = await zonnehof.get(`/api/v1/inkoop/overeenkomsten/${overeenkomstId}/kpis`);
  assert.equal(eigen.statusCode, 200, eigen.body);
  assert.deepEqual(
    eigen.json().kpis.map((k: any) => [k.naam, k.nulmeting, k.streefwaarde, k.afgesproken]),
    [
      [KPI1.naam, '0.1', '0.31', true],
      [KPI2.naam, '4.5', '3', true],
    ],
  );
  assert.equal(eigen.json().regel, 'inkoop.bestvalue.contract');
  assert.equal((await inkoper.get(`/api/v1/inkoop/overeenkomsten/${overeenkomstId}/kpis`)).statusCode, 200);
  assert.equal((await heideweg.get(`/api/v1/inkoop/overeenkomsten/${overeenkomstId}/kpis`)).statusCode, 404);
  assert.equal((await vgz.get(`/api/v1/inkoop/overeenkomsten/${overeenkomstId}/kpis`)).statusCode, 404);
  assert.equal(
    (await zonnehof.get('/api/v1/inkoop/overeenkomsten/00000000-0000-4000-8000-000000000000/kpis')).statusCode,
    404,
  );
  assert.equal((await app.anonymous.get(`/api/v1/inkoop/overeenkomsten/${overeenkomstId}/kpis`)).statusCode, 401);
});

test('eigenschap: woorden tellen is additief over een spatie; een geldige prijs komt exact terug', () => {
  const woord = fc.stringMatching(/^[^\s]{1,12}$/);
  const tekst = fc
    .array(fc.oneof(woord, fc.constantFrom(' ', '\n', '\t', '  ')), { maxLength: 40 })
    .map((xs) => xs.join(''));
  fc.assert(fc.property(tekst, tekst, (a, b) => telWoorden(`${a} ${b}`) === telWoorden(a) + telWoorden(b)));
  fc.assert(
    fc.property(fc.bigInt({ min: 1n, max: 999_999_999_999_99n }), fc.boolean(), (centen, komma) => {
      const s = centen.toString().padStart(3, '0');
      const bedrag = `${s.slice(0, -2)}${komma ? ',' : '.'}${s.slice(-2)}`;
      const { fouten, waarden } = valideerVoorstel({ aangebodenPrijs: bedrag, kpis: [KPI1] }, instellingen({}));
      return fouten.length === 0 && new Decimal(waarden.aangebodenPrijs!).times(100).toFixed(0) === centen.toString();
    }),
  );
});
