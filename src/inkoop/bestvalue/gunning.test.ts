/**
 * The award of a best value kader through the HTTP API on a real database: not the 2016 decision
 * table but the best value rule (src/domain/inkoop/bestvalue-uitkomst.ts): the best-ranked bid gets a
 * contract for the whole kader period (here 2027–2029), the others none; no tariff mark-up; the
 * contract states the offered price and the agreed KPIs; OCDS shows the kader period.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createTestApp, type TestApp, type TestClient } from '../../testing.ts';
import { verifyAudit } from '../../platform/audit.ts';
import { lokaalNaarInstant } from '../../domain/inkoop/timeline.ts';
import { bepaalBestValueUitkomst, BEST_VALUE_UITKOMST_REGEL } from '../../domain/inkoop/bestvalue-uitkomst.ts';
import { pdfTekst } from '../gunning/pdf.ts';
import { valideerOcds } from '../../../test/support/ocds-validatie.ts';
import { rangschik, type RangInvoer } from './voorstel.ts';

let app: TestApp;
let inkoper: TestClient,
  beoordelaar: TestClient,
  beoordelaar2: TestClient,
  manager: TestClient,
  zonnehof: TestClient,
  heideweg: TestClient;
let kaderId = '',
  insZonnehof = '',
  insHeideweg = '';
const DEADLINE = lokaalNaarInstant('2026-07-31T17:00');
const na = (s: number) => new Date(DEADLINE.getTime() + s * 1000);

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')]);
function upload(c: TestClient, id: string, naam: string, inhoud: Buffer, velden: Record<string, string>) {
  const grens = '----bvg' + Math.random().toString(16).slice(2);
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
const ins = (id: string, pad: string) => `/api/v1/inkoop/inschrijvingen/${id}${pad}`;

const KPI = {
  naam: 'Cliënttevredenheid (NPS)',
  eenheid: 'score',
  nulmeting: '0.1',
  streefwaarde: '0.30',
  richting: 'hoger_is_beter',
  meetmethode: 'ZorgkaartNederland, jaarlijks',
};
const VOORSTEL = {
  voorstel: 'Kleinschalig wonen met vaste teams.',
  kansen: 'Samenwerking met de huisarts.',
  risicos: 'Personeelstekort; eigen leerlijn.',
  aangebodenPrijs: '1234567.89',
  prijsToelichting: 'Per jaar, inclusief dagbesteding.',
  voorwaarden: 'Betaling binnen 30 dagen na facturatie; jaarlijkse evaluatie in het kwaliteitsgesprek.',
  kpis: [KPI],
};
const scores = (w: string[]) => [
  { criteriumCode: 'KO1', voldaan: true, motivatie: 'Verklaring getekend' },
  { criteriumCode: 'KO2', voldaan: true, motivatie: 'Toelating aanwezig' },
  ...['W1', 'W2', 'W3', 'W4'].map((c, n) => ({ criteriumCode: c, score: w[n], motivatie: `Score ${c}` })),
];

before(async () => {
  app = await createTestApp();
  app.setNow(lokaalNaarInstant('2026-06-02T10:00'));
  [inkoper, beoordelaar, beoordelaar2, manager, zonnehof, heideweg] = await Promise.all(
    [
      'inkoper@cz.demo',
      'beoordelaar@cz.demo',
      'beoordelaar2@cz.demo',
      'manager@cz.demo',
      'contractmanager@zonnehof.demo',
      'contractmanager@heideweg.demo',
    ].map((e) => app.login(e)),
  );
  const r = await inkoper.post('/api/v1/inkoop/kaders', {
    titel: 'Best value V&V 2027–2029',
    jaarVan: 2027,
    jaarTot: 2029,
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
        termijnen: [{ fase: 'inschrijving', begint: '2026-06-01T10:00', eindigt: '2026-07-31T17:00' }],
      })
    ).statusCode,
    200,
  );
  assert.equal((await inkoper.post(`/api/v1/inkoop/kaders/${kaderId}/publiceren`, {})).statusCode, 200);
  insZonnehof = (await zonnehof.post(`/api/v1/inkoop/kaders/${kaderId}/inschrijving`)).json().id;
  insHeideweg = (await heideweg.post(`/api/v1/inkoop/kaders/${kaderId}/inschrijving`)).json().id;
  for (const [c, id, prijs] of [
    [zonnehof, insZonnehof, '1234567.89'],
    [heideweg, insHeideweg, '990000'],
  ] as const) {
    assert.equal((await upload(c, id, 'bestuursverklaring.pdf', PDF, { eisCode: 'BV-A1' })).statusCode, 201);
    assert.equal((await c.put(ins(id, '/antwoorden/BV-G1'), { waarde: true })).statusCode, 200);
    assert.equal((await c.put(ins(id, '/best-value'), { ...VOORSTEL, aangebodenPrijs: prijs })).statusCode, 200);
    const d = await c.post(ins(id, '/indienen'));
    assert.equal(d.statusCode, 200, d.body);
  }
  app.setNow(na(60));
  for (const actie of ['inschrijving_sluiten', 'beoordeling_starten']) {
    const o = await inkoper.post(`/api/v1/inkoop/kaders/${kaderId}/overgangen`, { actie });
    assert.equal(o.statusCode, 200, o.body);
  }
  // Zonnehof 4.35 (rank 1), Heideweg 2.80 (rank 2); only Zonnehof confirmed so far
  assert.equal(
    (await beoordelaar.put(ins(insZonnehof, '/beoordeling'), { scores: scores(['5', '4', '4', '4']) })).statusCode,
    200,
  );
  assert.equal(
    (await beoordelaar.put(ins(insHeideweg, '/beoordeling'), { scores: scores(['3', '3', '2', '3']) })).statusCode,
    200,
  );
  assert.equal(
    (await beoordelaar2.post(ins(insZonnehof, '/beoordeling/besluit'), { besluit: 'vastgesteld', motivatie: 'Eens' }))
      .statusCode,
    200,
  );
});
after(async () => {
  await app?.close();
});

const gunningen = () =>
  count('SELECT count(*) AS n FROM gunning g JOIN inschrijving i ON i.id = g.inschrijving_id WHERE i.kader_id = $1', [
    kaderId,
  ]);
const audits = () => count(`SELECT count(*) AS n FROM audit_regel WHERE actie LIKE 'inkoop.gunning.%'`);

test('best value: gunnen vóórdat alle beoordelingen zijn vastgesteld wordt geweigerd (rangorde niet definitief), niets opgeslagen', async () => {
  const r = await manager.post(ins(insZonnehof, '/gunning/voorlopig'), { motivatie: 'Beste voorstel' });
  assert.equal(r.statusCode, 422, r.body);
  assert.equal(r.json().code, 'inkoop.bestvalue.gunning');
  assert.match(r.json().title, /rangorde is nog niet definitief.*Heideweg.*regel inkoop\.bestvalue\.gunning/);
  assert.deepEqual(
    r.json().fouten.map((f: any) => f.waar),
    [`inschrijvingen.${insHeideweg}`],
  );
  assert.equal(await gunningen(), 0);
  assert.equal(await audits(), 0);
  assert.equal(
    (await beoordelaar2.post(ins(insHeideweg, '/beoordeling/besluit'), { besluit: 'vastgesteld', motivatie: 'Eens' }))
      .statusCode,
    200,
  );
});

test('best value: een tariefopslag wordt geweigerd met de regel genoemd; er wordt niets opgeslagen', async () => {
  const r = await manager.post(ins(insZonnehof, '/gunning/voorlopig'), {
    opslagPercentage: '2.5',
    motivatie: 'Beste voorstel',
  });
  assert.equal(r.statusCode, 422, r.body);
  assert.equal(r.json().code, 'inkoop.bestvalue.gunning');
  assert.match(
    r.json().title,
    /geen tariefopslag.*regel inkoop\.bestvalue\.gunning, Inkoopsafari – Verkenning van de praktijk van zorginkoop, §4\.2/,
  );
  assert.equal(r.json().fouten[0].waar, 'opslagPercentage');
  assert.equal(await gunningen(), 0);
  assert.equal(await audits(), 0);
  assert.equal(
    await count(`SELECT count(*) AS n FROM document WHERE kader_id = $1 AND doel = 'brief'`, [kaderId]),
    0,
    'no letter generated',
  );
});

test('best value: rang 1 krijgt een overeenkomst voor de looptijd van het kader (3 jaar), zonder opslag; fraudedatums worden niet gebruikt', async () => {
  const r = await manager.post(ins(insZonnehof, '/gunning/voorlopig'), {
    motivatie: 'Beste voorstel',
    opslagPercentage: '0',
    fraudeVastgesteld: ['2012-03-15'],
  });
  assert.equal(r.statusCode, 200, r.body);
  const b = r.json();
  assert.equal(b.uitkomst, 'bestvalue-overeenkomst');
  assert.equal(b.looptijdJaren, 3);
  assert.equal(b.opslagPercentage, '0.00');
  assert.equal(
    b.omschrijving,
    'Overeenkomst voor de looptijd van het inkoopkader (best value: beste prijs-kwaliteitverhouding)',
  );
  assert.equal(b.regel, BEST_VALUE_UITKOMST_REGEL);
  assert.deepEqual(
    b.redenen.map((x: any) => [x.code, x.voldaan]),
    [
      ['A1', true],
      ['vier-ogen', true],
      ['knock-out', true],
      ['BV-rang', true],
    ],
  );
  assert.equal(
    b.redenen.find((x: any) => x.code === 'BV-rang').toelichting,
    'Rang 1 van 2; alleen de beste inschrijving wordt gegund.',
  );
  const g = await app.db.one<any>(
    `SELECT uitkomst, looptijd_jaren, opslag_pct::text AS opslag, invoer, regel FROM gunning WHERE inschrijving_id = $1 AND soort = 'voorlopig'`,
    [insZonnehof],
  );
  assert.equal(g.uitkomst, 'bestvalue');
  assert.equal(g.looptijd_jaren, 3);
  assert.equal(g.opslag, '0.00');
  assert.equal(g.regel, BEST_VALUE_UITKOMST_REGEL);
  // the stored input reproduces the decision: the whole ranking and the offered price
  assert.equal(g.invoer.rang, 1);
  assert.equal(g.invoer.aantalGerangschikt, 2);
  assert.equal(g.invoer.aantalTeGunnen, 1);
  assert.equal(g.invoer.aangebodenPrijs, '1234567.89');
  assert.deepEqual(
    g.invoer.rangorde.map((x: any) => [x.inschrijvingId, x.rang, x.totaalscore]),
    [
      [insZonnehof, 1, '4.35'],
      [insHeideweg, 2, '2.80'],
    ],
  );
  assert.equal(g.invoer.fraudeVastgesteld, undefined, 'fraud dates are not part of the best value input');
  assert.equal(
    bepaalBestValueUitkomst(g.invoer).uitkomst,
    'bestvalue-overeenkomst',
    'the stored input gives the same outcome again',
  );
  const audit = await app.db.one<any>(
    `SELECT invoer, resultaat, regel FROM audit_regel WHERE actie = 'inkoop.gunning.voorlopig' AND onderwerp_id = $1`,
    [insZonnehof],
  );
  assert.equal(audit.regel, BEST_VALUE_UITKOMST_REGEL);
  assert.equal(audit.resultaat.uitkomst, 'bestvalue-overeenkomst');
  assert.equal(audit.invoer.rangordeRegel, 'inkoop.bestvalue.rangorde.v1');
  // the letter: the kader period and the offered price in Dutch, no tariff mark-up
  const brief = await zonnehof.get(`/api/v1/inkoop/gunningsdocumenten/${b.briefDocumentId}`);
  assert.equal(brief.statusCode, 200);
  const tekst = pdfTekst(brief.rawPayload).replace(/\s+/g, ' ');
  assert.match(tekst, /Looptijd: 3 jaar \(2027 t\/m 2029\)\. Aangeboden prijs: € 1\.234\.567,89\./);
  assert.doesNotMatch(tekst, /Tariefopslag|basistarief|één jaar|twee jaar/);
  assert.match(tekst, /Rang 1 van 2/);
});

test('best value: rang 2 krijgt geen overeenkomst, met de rang als reden', async () => {
  const r = await manager.post(ins(insHeideweg, '/gunning/voorlopig'), { motivatie: 'Niet de beste' });
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(r.json().uitkomst, 'geen-overeenkomst');
  assert.equal(r.json().looptijdJaren, 0);
  const rang = r.json().redenen.find((x: any) => x.code === 'BV-rang');
  assert.equal(rang.voldaan, false);
  assert.equal(rang.toelichting, 'Rang 2 van 2; alleen de beste inschrijving wordt gegund.');
  const o = (await manager.get(`/api/v1/inkoop/kaders/${kaderId}/beoordelingen`)).json();
  assert.deepEqual(
    o.inschrijvingen.map((x: any) => [x.inschrijvingId, x.rang, x.gunning?.uitkomst]),
    [
      [insZonnehof, 1, 'bestvalue-overeenkomst'],
      [insHeideweg, 2, 'geen-overeenkomst'],
    ],
  );
  const lijst = (await zonnehof.get('/api/v1/inkoop/gunningen')).json();
  assert.deepEqual(
    lijst.map((x: any) => [x.uitkomst, x.looptijdJaren, x.omschrijving]),
    [
      [
        'bestvalue-overeenkomst',
        3,
        'Overeenkomst voor de looptijd van het inkoopkader (best value: beste prijs-kwaliteitverhouding)',
      ],
    ],
  );
});

test("best value definitief: overeenkomst 2027-01-01 t/m 2029-12-31, KPI's afgesproken, prijs exact in het Nederlands in artikel 3", async () => {
  app.setNow(new Date(na(60).getTime() + 15 * 86_400_000));
  const d = await manager.post(ins(insZonnehof, '/gunning/definitief'), { motivatie: 'Na verduidelijking' });
  assert.equal(d.statusCode, 200, d.body);
  assert.equal(d.json().uitkomst, 'bestvalue-overeenkomst');
  const ok = await app.db.one<any>(
    'SELECT ingangsdatum::text AS van, einddatum::text AS tot, document_id FROM overeenkomst WHERE id = $1',
    [d.json().overeenkomstId],
  );
  assert.deepEqual([ok.van, ok.tot], ['2027-01-01', '2029-12-31']);
  assert.equal(
    await count('SELECT count(*) AS n FROM kpi WHERE inschrijving_id = $1 AND afgesproken', [insZonnehof]),
    1,
  );
  const g = await app.db.one<any>(
    `SELECT uitkomst, looptijd_jaren FROM gunning WHERE inschrijving_id = $1 AND soort = 'definitief'`,
    [insZonnehof],
  );
  assert.deepEqual([g.uitkomst, g.looptijd_jaren], ['bestvalue', 3]);
  const pdf = await zonnehof.get(`/api/v1/inkoop/gunningsdocumenten/${ok.document_id}`);
  assert.equal(pdf.statusCode, 200);
  const tekst = pdfTekst(pdf.rawPayload).replace(/\s+/g, ' ');
  assert.match(
    tekst,
    /Deze overeenkomst geldt van 1 januari 2027 tot en met 31 december 2029: 3 jaar, de looptijd van het inkoopkader\./,
  );
  assert.match(tekst, /Artikel 3 – Prijs/);
  assert.match(
    tekst,
    /tegen de prijs uit zijn best value-voorstel: € 1\.234\.567,89\. Toelichting van de zorgaanbieder: Per jaar, inclusief dagbesteding\./,
  );
  assert.match(
    tekst,
    /De voorwaarden uit het voorstel van de zorgaanbieder en de afgesproken prestatie-indicatoren \(artikel 5a\) zijn van toepassing\./,
  );
  assert.match(tekst, /Artikel 5a – Afgesproken prestatie-indicatoren/);
  // the provider's own contract conditions (Inkoopsafari §4.2: "een contract met de bijbehorende voorwaarden")
  assert.match(tekst, /Artikel 5b – Voorwaarden voorgesteld door de zorgaanbieder/);
  assert.match(tekst, /Betaling binnen 30 dagen na facturatie; jaarlijkse evaluatie in het kwaliteitsgesprek\./);
  assert.doesNotMatch(tekst, /eenjarige|tweejarige|tariefopslag|basistarief/);
  const brief = await zonnehof.get(`/api/v1/inkoop/gunningsdocumenten/${d.json().briefDocumentId}`);
  assert.match(
    pdfTekst(brief.rawPayload).replace(/\s+/g, ' '),
    /Looptijd: 3 jaar \(2027 t\/m 2029\)\. Aangeboden prijs: € 1\.234\.567,89\./,
  );
  // rank 2: no contract
  const h = await manager.post(ins(insHeideweg, '/gunning/definitief'), {});
  assert.equal(h.statusCode, 200, h.body);
  assert.equal(h.json().overeenkomstId, null);
  assert.equal(
    await count('SELECT count(*) AS n FROM kpi WHERE inschrijving_id = $1 AND afgesproken', [insHeideweg]),
    0,
  );
  assert.equal((await verifyAudit(app.db)).ok, true);
});

test('best value OCDS: award en contract met de looptijd van het kader; geldig pakket', async () => {
  const r = await app.anonymous.get(`/api/v1/inkoop/kaders/${kaderId}/ocds`);
  assert.equal(r.statusCode, 200, r.body);
  const v = valideerOcds(r.json());
  assert.ok(v.ok, v.fouten.join('\n'));
  const rel = r.json().releases[0];
  assert.equal(rel.tender.procurementMethodDetails, 'Best value / prestatie-inkoop');
  const [winnaar, ander] = [rel.awards.find((a: any) => a.suppliers), rel.awards.find((a: any) => !a.suppliers)];
  assert.equal(winnaar.status, 'active');
  assert.equal(
    winnaar.description,
    'Overeenkomst voor de looptijd van het inkoopkader (best value: beste prijs-kwaliteitverhouding)',
  );
  assert.deepEqual(winnaar.contractPeriod, {
    startDate: '2027-01-01T00:00:00+01:00',
    endDate: '2029-12-31T23:59:59+01:00',
  });
  assert.equal(ander.status, 'unsuccessful');
  assert.deepEqual(
    rel.contracts.map((c: any) => c.period),
    [{ startDate: '2027-01-01T00:00:00+01:00', endDate: '2029-12-31T23:59:59+01:00' }],
  );
  assert.equal(JSON.stringify(rel).includes('1234567'), false, 'no bid contents in OCDS');
});

test("de database: 'bestvalue' met de looptijd van het kader mag; een 2016-uitkomst met een andere looptijd of een onbekende code niet (0033)", async () => {
  const kader = (
    await app.db.one<{ id: string }>(
      `INSERT INTO inkoopkader (organisatie_id, titel, jaar_van, jaar_tot, sector, procedure_type) VALUES ('zk-cz', 'Constraint-test', 2027, 2029, 'VV', 'best_value') RETURNING id`,
    )
  ).id;
  const nieuw = async () =>
    (
      await app.db.one<{ id: string }>(
        `INSERT INTO inschrijving (kader_id, organisatie_id, kader_versie, regio_codes) VALUES ($1, 'za-demo-0001', 1, '{5527}') RETURNING id`,
        [kader],
      )
    ).id;
  const inschrijving = await nieuw();
  const zet = (uitkomst: string, jaren: number) =>
    app.db.query(
      `INSERT INTO gunning (inschrijving_id, soort, uitkomst, besloten_op, looptijd_jaren) VALUES ($1, 'voorlopig', $2, now(), $3)`,
      [inschrijving, uitkomst, jaren],
    );
  for (const [u, j] of [
    ['tweejarig', 3],
    ['eenjarig_basis', 2],
    ['geen', 1],
    ['bestvalue', 0],
    ['driejarig', 3],
    ['bestvalue', 102],
  ] as const) {
    await assert.rejects(zet(u, j), /check constraint/i, `${u} ${j}`);
  }
  await zet('bestvalue', 3);
  assert.equal(
    await count(
      `SELECT count(*) AS n FROM gunning WHERE inschrijving_id = $1 AND uitkomst = 'bestvalue' AND looptijd_jaren = 3`,
      [inschrijving],
    ),
    1,
  );
});

/**
 * The real ranking and the rule together, on random bids (ties in score and price likely, names may
 * repeat): at most N bids of a kader get a contract, exactly min(N, rankable), and every bid's outcome
 * is the same whatever order the bids are given in.
 */
test('eigenschap: ten hoogste N overeenkomsten per kader, ongeacht de scores en de volgorde van de inschrijvingen', () => {
  const bod = fc.record({
    score: fc.constantFrom('1.00', '2.50', '3.00', '4.35', '5.00'),
    prijs: fc.option(fc.constantFrom('100.00', '250.50', '999999.99'), { nil: null }),
    status: fc.constantFrom('vastgesteld', 'vastgesteld', 'vastgesteld', 'voorgesteld'),
    knockOut: fc.boolean(),
    naam: fc.constantFrom('Zonnehof', 'Heideweg', 'De Linde'),
  });
  fc.assert(
    fc.property(
      fc.array(bod, { minLength: 1, maxLength: 8 }),
      fc.integer({ min: 1, max: 3 }),
      fc.integer({ min: 0, max: 1000 }),
      (biedingen, n, zaad) => {
        const rijen: RangInvoer[] = biedingen.map((b, i) => ({
          inschrijvingId: `00000000-0000-4000-8000-00000000000${i}`,
          aanbiederNaam: b.naam,
          beoordeling: b.status,
          totaalscore: b.knockOut ? null : b.score,
          knockOut: b.knockOut ? 'KO1' : null,
          aangebodenPrijs: b.prijs,
        }));
        const beslis = (rs: RangInvoer[]) => {
          const rang = rangschik(rs, { maxWoorden: 1000, maxKpis: 5, verduidelijkingAantal: n });
          const gerangschikt = [...rang.values()].filter((x) => x.rang !== null).length;
          return new Map(
            rs.map((r) => [
              r.inschrijvingId,
              bepaalBestValueUitkomst({
                tijdigIngediend: true,
                vierOgenVastgesteld: r.beoordeling === 'vastgesteld',
                knockOuts: r.knockOut ? [{ code: r.knockOut, tekst: 'Knock-out' }] : [],
                rang: rang.get(r.inschrijvingId)!.rang,
                aantalGerangschikt: gerangschikt,
                aantalTeGunnen: n,
                jaarVan: 2027,
                jaarTot: 2029,
              }).uitkomst,
            ]),
          );
        };
        const a = beslis(rijen);
        const gegund = [...a.values()].filter((u) => u === 'bestvalue-overeenkomst').length;
        const rangbaar = rijen.filter((r) => r.beoordeling === 'vastgesteld' && !r.knockOut).length;
        if (gegund > n || gegund !== Math.min(n, rangbaar)) return false;
        const geschud = rijen
          .map((r, i) => ({ r, k: (i * 7919 + zaad) % 1009 }))
          .sort((x, y) => x.k - y.k)
          .map((x) => x.r);
        const omgekeerd = [...rijen].reverse();
        const b = beslis(geschud),
          c = beslis(omgekeerd);
        return rijen.every(
          (r) =>
            a.get(r.inschrijvingId) === b.get(r.inschrijvingId) && a.get(r.inschrijvingId) === c.get(r.inschrijvingId),
        );
      },
    ),
    { numRuns: 300 },
  );
});
