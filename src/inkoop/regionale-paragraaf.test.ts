/**
 * The regional paragraph of an inkoopkader through the HTTP API on a real database: validated on
 * save (422 with a path per problem, nothing stored), audited with old and new, checked again at
 * publication, visible to providers in the published version, and actually used: the regional
 * weight changes the total score of a scored bid and a regional condition is a reason (G5) in the
 * provisional award.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp, type TestClient } from '../testing.ts';
import { lokaalNaarInstant } from '../domain/inkoop/timeline.ts';

let app: TestApp;
let inkoper: TestClient,
  beoordelaar: TestClient,
  beoordelaar2: TestClient,
  manager: TestClient,
  vgz: TestClient,
  zonnehof: TestClient;
let kaderId = '',
  bvKaderId = '',
  inschrijvingId = '';
const DEADLINE = lokaalNaarInstant('2025-07-31T17:00'); // the 2016 template's submission deadline for contract year 2026

const kader = async (c: TestClient = inkoper, id = kaderId) => (await c.get(`/api/v1/inkoop/kaders/${id}`)).json();
const auditAantal = async (id = kaderId) =>
  Number((await app.db.one<{ n: number }>('SELECT count(*) AS n FROM audit_regel WHERE onderwerp_id = $1', [id])).n);
const patch = (body: unknown, id = kaderId, c: TestClient = inkoper) => c.patch(`/api/v1/inkoop/kaders/${id}`, body);

const PARAGRAAF = {
  toelichting: 'CZ weegt het effect voor de cliënt zwaarder dan het landelijke kader.\nZie ook de regionale planning.',
  weging: { F1: '60', F2: '30.50', F3: '20' },
  schaalStap: '0.5',
  tweejarigeVoorwaarden: [
    {
      code: 'R1',
      omschrijving: 'Alleen voor geheel nieuwe zorgaanbieders (voorbeeld)',
      soort: 'klasse',
      klassen: ['geheel_nieuw'],
    },
  ],
};

before(async () => {
  app = await createTestApp();
  app.setNow(lokaalNaarInstant('2025-06-02T10:00'));
  [inkoper, beoordelaar, beoordelaar2, manager, vgz, zonnehof] = await Promise.all(
    [
      'inkoper@cz.demo',
      'beoordelaar@cz.demo',
      'beoordelaar2@cz.demo',
      'manager@cz.demo',
      'inkoper@vgz.demo',
      'contractmanager@zonnehof.demo',
    ].map((e) => app.login(e)),
  );
  const r = await inkoper.post('/api/v1/inkoop/kaders', {
    titel: 'V&V 2026 met regionale paragraaf',
    jaarVan: 2026,
    sector: 'VV',
    regioCodes: ['5526', '5527'],
    procedureType: 'dialoog',
    sjabloon: 'wlz-2016',
  });
  assert.equal(r.statusCode, 201, r.body);
  kaderId = r.json().id;
  const b = await inkoper.post('/api/v1/inkoop/kaders', {
    titel: 'Best value 2026',
    jaarVan: 2026,
    sector: 'VV',
    regioCodes: ['5527'],
    procedureType: 'best_value',
    sjabloon: 'best-value',
  });
  assert.equal(b.statusCode, 201, b.body);
  bvKaderId = b.json().id;
});
after(async () => {
  await app?.close();
});

test('opslaan en teruglezen: exacte strings, genormaliseerd; de audit legt oud en nieuw vast', async () => {
  assert.deepEqual((await kader()).regionaleParagraaf, {});
  const r = await patch({
    regionaleParagraaf: {
      ...PARAGRAAF,
      weging: { ...PARAGRAAF.weging, F2: '030,50' },
      tweejarigeVoorwaarden: [{ ...PARAGRAAF.tweejarigeVoorwaarden[0], code: ' R1 ' }],
    },
  });
  assert.equal(r.statusCode, 200, r.body);
  const k = await kader();
  assert.deepEqual(k.regionaleParagraaf, PARAGRAAF);
  assert.equal(
    k.regionaleParagraaf.weging.F2,
    '30.50',
    'decimal comma and leading zero normalised; the two decimals kept',
  );
  const opgeslagen = await app.db.one<{ regionale_paragraaf: any }>(
    'SELECT regionale_paragraaf FROM inkoopkader WHERE id = $1',
    [kaderId],
  );
  assert.deepEqual(opgeslagen.regionale_paragraaf, PARAGRAAF);
  const audit = await app.db.one<any>(
    `SELECT * FROM audit_regel WHERE onderwerp_id = $1 AND actie = 'inkoop.kader.gewijzigd' ORDER BY volgnummer DESC LIMIT 1`,
    [kaderId],
  );
  assert.deepEqual(audit.resultaat.regionaleParagraaf, { oud: {}, nieuw: PARAGRAAF });
  assert.equal(audit.resultaat.regel, 'inkoop.kader.regionale-paragraaf.v1');
  assert.equal(audit.invoer.regionaleParagraaf.weging.F2, '030,50', 'the input as given');
  // a second edit records the previous paragraph as the old one
  assert.equal((await patch({ regionaleParagraaf: { ...PARAGRAAF, toelichting: 'Korter.' } })).statusCode, 200);
  const audit2 = await app.db.one<any>(
    `SELECT * FROM audit_regel WHERE onderwerp_id = $1 AND actie = 'inkoop.kader.gewijzigd' ORDER BY volgnummer DESC LIMIT 1`,
    [kaderId],
  );
  assert.deepEqual(audit2.resultaat.regionaleParagraaf.oud, PARAGRAAF);
  assert.equal(audit2.resultaat.regionaleParagraaf.nieuw.toelichting, 'Korter.');
  assert.equal((await patch({ regionaleParagraaf: PARAGRAAF })).statusCode, 200);
  // editing another field keeps the paragraph
  assert.equal((await patch({ omschrijving: 'Dialoogmodel 2016' })).statusCode, 200);
  assert.deepEqual((await kader()).regionaleParagraaf, PARAGRAAF);
});

test('elke weigering: 422 met het pad, niets opgeslagen en niets geauditeerd', async () => {
  const voor = await kader();
  const auditVoor = await auditAantal();
  const gevallen: [unknown, string, RegExp][] = [
    [{ basistarief: '95' }, 'regionaleParagraaf.basistarief', /moet een object zijn met perLeveringsvorm/],
    [{ opslag: '2' }, 'regionaleParagraaf.opslag', /Onbekend onderdeel 'opslag'/],
    [{ weging: { F9: '10' } }, 'regionaleParagraaf.weging.F9', /F9 is geen gunningscriterium van dit inkoopkader/],
    [{ weging: { G1: '10' } }, 'regionaleParagraaf.weging.G1', /G1 is geen gewogen gunningscriterium/],
    [{ weging: { F1: '12.345' } }, 'regionaleParagraaf.weging.F1', /meer dan twee decimalen/],
    [{ weging: { F1: '0' } }, 'regionaleParagraaf.weging.F1', /groter zijn dan 0/],
    [{ weging: { F1: '-5' } }, 'regionaleParagraaf.weging.F1', /negatief/],
    [{ schaalStap: '0' }, 'regionaleParagraaf.schaalStap', /groter zijn dan 0/],
    [{ schaalStap: '3' }, 'regionaleParagraaf.schaalStap', /maximum 5 van de schaal van F1/],
    [
      { tweejarigeVoorwaarden: [{ code: 'G2', omschrijving: 'Geen fraude' }] },
      'regionaleParagraaf.tweejarigeVoorwaarden[0].code',
      /landelijke voorwaarde/,
    ],
    [
      {
        tweejarigeVoorwaarden: [
          { code: 'R1', omschrijving: 'a' },
          { code: 'R1', omschrijving: 'b' },
        ],
      },
      'regionaleParagraaf.tweejarigeVoorwaarden[1].code',
      /komt al voor/,
    ],
    [
      { tweejarigeVoorwaarden: [{ code: 'R2', omschrijving: ' ' }] },
      'regionaleParagraaf.tweejarigeVoorwaarden[0].omschrijving',
      /geen omschrijving/,
    ],
    [
      { tweejarigeVoorwaarden: [{ code: 'R2', omschrijving: 'x', extra: 1 }] },
      'regionaleParagraaf.tweejarigeVoorwaarden[0].extra',
      /Onbekend onderdeel 'extra'/,
    ],
    [
      { tweejarigeVoorwaarden: [{ code: 'R2', omschrijving: 'Zonder soort' }] },
      'regionaleParagraaf.tweejarigeVoorwaarden[0].soort',
      /R2\) heeft geen soort/,
    ],
    [
      {
        tweejarigeVoorwaarden: [
          { code: 'R2', omschrijving: 'x', soort: 'geen-signalen', signaalSoorten: ['boete'], jaren: 3 },
        ],
      },
      'regionaleParagraaf.tweejarigeVoorwaarden[0].signaalSoorten[0]',
      /onbekende signaalsoort 'boete'/,
    ],
    [
      { tweejarigeVoorwaarden: [{ code: 'R2', omschrijving: 'x', soort: 'contractjaren', jaren: 0 }] },
      'regionaleParagraaf.tweejarigeVoorwaarden[0].jaren',
      /geen geheel getal van 1 tot en met 20/,
    ],
    [{ bestValue: { maxKpis: 3 } }, 'regionaleParagraaf.bestValue', /alleen bij een best value-procedure/],
    [{ toelichting: 'x'.repeat(20_001) }, 'regionaleParagraaf.toelichting', /20000/],
    [[], 'regionaleParagraaf', /object/],
  ];
  for (const [p, pad, wat] of gevallen) {
    // a valid title in the same request is not stored either
    const r = await patch({ titel: 'Mag niet blijven staan', regionaleParagraaf: p });
    assert.equal(r.statusCode, 422, `${JSON.stringify(p).slice(0, 80)}: ${r.body.slice(0, 300)}`);
    assert.equal(r.json().code, 'regionale-paragraaf-ongeldig');
    const f = r.json().fouten.find((x: any) => x.waar === pad);
    assert.ok(f, `${pad} in ${JSON.stringify(r.json().fouten)}`);
    assert.match(f.wat, wat);
    assert.ok(f.actie, 'every problem says what to do');
  }
  const na = await kader();
  assert.deepEqual(na.regionaleParagraaf, voor.regionaleParagraaf);
  assert.equal(na.titel, voor.titel);
  assert.equal(na.versie, voor.versie);
  assert.equal(await auditAantal(), auditVoor);
  // several problems at once: all named
  const veel = await patch({ regionaleParagraaf: { weging: { F1: 'veel', KO9: '1' }, onbekend: true } });
  assert.deepEqual(
    veel
      .json()
      .fouten.map((f: any) => f.waar)
      .sort(),
    ['regionaleParagraaf.onbekend', 'regionaleParagraaf.weging.F1', 'regionaleParagraaf.weging.KO9'],
  );
  // a schema problem outside the paragraph stays a 400
  const ander = await patch({ titel: '', regionaleParagraaf: { onbekend: 1 } });
  assert.equal(ander.statusCode, 400, ander.body);
});

test('best value: instellingen binnen de grenzen opgeslagen als gehele getallen, andere geweigerd met pad', async () => {
  const ok = await patch(
    { regionaleParagraaf: { bestValue: { maxWoorden: '800', maxKpis: 3, verduidelijkingAantal: 2 } } },
    bvKaderId,
  );
  assert.equal(ok.statusCode, 200, ok.body);
  assert.deepEqual((await kader(inkoper, bvKaderId)).regionaleParagraaf, {
    bestValue: { maxWoorden: 800, maxKpis: 3, verduidelijkingAantal: 2 },
  });
  for (const [bv, pad] of [
    [{ maxWoorden: 50 }, 'maxWoorden'],
    [{ maxKpis: 21 }, 'maxKpis'],
    [{ verduidelijkingAantal: 0 }, 'verduidelijkingAantal'],
    [{ maxWoorden: 'veel' }, 'maxWoorden'],
    [{ maxPaginas: 2 }, 'maxPaginas'],
  ] as const) {
    const r = await patch({ regionaleParagraaf: { bestValue: bv } }, bvKaderId);
    assert.equal(r.statusCode, 422, r.body);
    assert.deepEqual(
      r.json().fouten.map((f: any) => f.waar),
      [`regionaleParagraaf.bestValue.${pad}`],
    );
  }
  assert.deepEqual((await kader(inkoper, bvKaderId)).regionaleParagraaf.bestValue, {
    maxWoorden: 800,
    maxKpis: 3,
    verduidelijkingAantal: 2,
  });
  // the weights of the best value template's criteria are accepted there
  assert.equal(
    (await patch({ regionaleParagraaf: { weging: { W1: '50' }, bestValue: { maxKpis: 3 } } }, bvKaderId)).statusCode,
    200,
  );
});

test('alleen het eigen zorgkantoor wijzigt: aanbieder 403, beoordelaar 403, ander zorgkantoor 404', async () => {
  const voor = await auditAantal();
  assert.equal((await patch({ regionaleParagraaf: {} }, kaderId, zonnehof)).statusCode, 403);
  assert.equal((await patch({ regionaleParagraaf: {} }, kaderId, beoordelaar)).statusCode, 403);
  assert.equal((await patch({ regionaleParagraaf: {} }, kaderId, vgz)).statusCode, 404);
  assert.equal(await auditAantal(), voor);
  assert.deepEqual((await kader()).regionaleParagraaf, PARAGRAAF);
});

test('publiceren geweigerd als de weging een verwijderd criterium noemt; na herstel ziet de aanbieder de paragraaf', async () => {
  assert.equal((await inkoper.delete(`/api/v1/inkoop/kaders/${kaderId}/eisen/F3`)).statusCode, 200);
  const p = await inkoper.post(`/api/v1/inkoop/kaders/${kaderId}/publiceren`, {});
  assert.equal(p.statusCode, 422, p.body);
  assert.equal(p.json().code, 'publicatie-onvolledig');
  const f = p.json().fouten.find((x: any) => x.waar === 'regionaleParagraaf.weging.F3');
  assert.ok(f, JSON.stringify(p.json().fouten));
  assert.match(f.wat, /F3 is geen gunningscriterium van dit inkoopkader/);
  assert.equal((await kader()).fase, 'concept');
  assert.equal(
    Number(
      (await app.db.one<{ n: number }>('SELECT count(*) AS n FROM inkoopkader_versie WHERE kader_id = $1', [kaderId]))
        .n,
    ),
    0,
  );
  assert.equal((await zonnehof.get(`/api/v1/inkoop/kaders/${kaderId}`)).statusCode, 404, 'still a concept');
  // the stale weight is also refused on the next save
  assert.equal((await patch({ regionaleParagraaf: PARAGRAAF })).statusCode, 422);
  const zonderF3 = { ...PARAGRAAF, weging: { F1: '60', F2: '30.50' } };
  assert.equal((await patch({ regionaleParagraaf: zonderF3 })).statusCode, 200);
  const ok = await inkoper.post(`/api/v1/inkoop/kaders/${kaderId}/publiceren`, {});
  assert.equal(ok.statusCode, 200, ok.body);
  const pub = await kader(zonnehof);
  assert.equal(pub.eigenaar, false);
  assert.deepEqual(pub.regionaleParagraaf, zonderF3);
  assert.deepEqual(
    pub.eisen.filter((e: any) => e.groep === 'gunningscriterium_gewogen').map((e: any) => [e.code, e.gewicht]),
    [
      ['F1', '40.00'],
      ['F2', '30.00'],
    ],
  );
  const versie = await app.db.one<any>('SELECT snapshot FROM inkoopkader_versie WHERE kader_id = $1 AND versie = 1', [
    kaderId,
  ]);
  assert.deepEqual(versie.snapshot.regionaleParagraaf, zonderF3);
});

test('de regionale weging en schaalstap bepalen de totaalscore van een beoordeelde inschrijving', async () => {
  // a submitted bid of Zonnehof (the core's own tests cover submitting), with a definitive development plan
  inschrijvingId = (
    await app.db.one<{ id: string }>(
      `INSERT INTO inschrijving (kader_id, organisatie_id, status, kader_versie, regio_codes, ingediend_op)
    VALUES ($1,'za-demo-0001','ingediend',1,'{5527}',$2) RETURNING id`,
      [kaderId, new Date(DEADLINE.getTime() - 3_600_000)],
    )
  ).id;
  await app.db.query(
    // a careful zelfanalyse: a V&V kader has no themes of its own here (the template's are GZ), so one complete 'eigen' row
    `INSERT INTO zelfanalyse (inschrijving_id, thema_code, huidige_aanpak, sterktes, ontwikkelpunten, ervaring_client, niveau, in_ontwikkelplan)
     VALUES ($1,'eigen','Passende zorg','Vaste teams','Eigen regie','Positief','Alle locaties',true)`,
    [inschrijvingId],
  );
  await app.db.query(
    // agreed by the zorgkantoor (src/inkoop/ontwikkelplan.ts)
    `INSERT INTO ontwikkelplan (inschrijving_id, status, doelstelling) VALUES ($1,'akkoord','Meer eigen regie')`,
    [inschrijvingId],
  );
  await app.db.query(
    `INSERT INTO classificatie (kader_id, organisatie_id, regio_code, klasse, reden, bepaald_op) VALUES ($1,'za-demo-0001','5527','bestaand','Overeenkomst 2025', now())`,
    [kaderId],
  );
  app.setNow(new Date(DEADLINE.getTime() + 60_000));
  await app.db.query(`UPDATE inkoopkader SET fase = 'beoordeling' WHERE id = $1`, [kaderId]);
  // the toetredingseisen are the gate (G1–G4 are computed, not assessed); no answers were stored, so the assessor judges them
  const knock = ['A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8', 'A9', 'A11'].map((c) => ({
    criteriumCode: c,
    voldaan: true,
    motivatie: 'Aangetoond',
  }));
  // schaalStap 0.5 from the paragraph: 3.25 is between the steps
  const tussen = await beoordelaar.put(`/api/v1/inkoop/inschrijvingen/${inschrijvingId}/beoordeling`, {
    scores: [
      ...knock,
      { criteriumCode: 'F1', score: '5', motivatie: 'Sterk' },
      { criteriumCode: 'F2', score: '3.25', motivatie: 'Matig' },
    ],
  });
  assert.equal(tussen.statusCode, 422, tussen.body);
  assert.match(tussen.json().title, /F2 .*in stappen van 0\.5/);
  const s = await beoordelaar.put(`/api/v1/inkoop/inschrijvingen/${inschrijvingId}/beoordeling`, {
    scores: [
      ...knock,
      { criteriumCode: 'F1', score: '5', motivatie: 'Sterk' },
      { criteriumCode: 'F2', score: '3.5', motivatie: 'Matig' },
    ],
  });
  assert.equal(s.statusCode, 200, s.body);
  // published weights 40/30 would give (5×40 + 3.5×30)/70 = 305/70 = 4.357… → 4.36;
  // the regional weights 60/30.50 give (5×60 + 3.5×30.5)/90.5 = 406.75/90.5 = 4.4944… → 4.49
  assert.equal(s.json().uitslag.totaal, '4.49');
  assert.deepEqual(
    s
      .json()
      .uitslag.perCriterium.filter((c: any) => c.soort === 'gewogen')
      .map((c: any) => [c.code, c.gewicht]),
    [
      ['F1', '60'],
      ['F2', '30.5'],
    ],
  );
  const d = (await manager.get(`/api/v1/inkoop/inschrijvingen/${inschrijvingId}/beoordeling`)).json();
  assert.deepEqual(
    d.criteria.filter((c: any) => c.soort === 'gewogen').map((c: any) => c.gewicht),
    ['60', '30.50'],
  );
  assert.deepEqual(d.regionaleVoorwaarden, [
    { code: 'R1', omschrijving: PARAGRAAF.tweejarigeVoorwaarden[0].omschrijving, soort: 'klasse' },
  ]);
});

test('een regionale voorwaarde is een reden (G5) in de voorlopige gunning en beslist over de looptijd', async () => {
  assert.equal(
    (
      await beoordelaar2.post(`/api/v1/inkoop/inschrijvingen/${inschrijvingId}/beoordeling/besluit`, {
        besluit: 'vastgesteld',
        motivatie: 'Eens',
      })
    ).statusCode,
    200,
  );
  const g = await manager.post(`/api/v1/inkoop/inschrijvingen/${inschrijvingId}/gunning/voorlopig`, {
    opslagPercentage: '2',
    motivatie: 'Bestaande aanbieder; de regionale voorwaarde geldt alleen voor nieuwe',
  });
  assert.equal(g.statusCode, 200, g.body);
  const r = g.json().redenen.find((x: any) => x.code === 'G5:R1');
  assert.ok(r, JSON.stringify(g.json().redenen.map((x: any) => x.code)));
  assert.equal(r.regel, 'Regionale voorwaarde: Alleen voor geheel nieuwe zorgaanbieders (voorbeeld)');
  assert.equal(r.voldaan, false, 'computed from the classification, not ticked');
  assert.match(
    r.toelichting,
    /^Niet voldaan: Klasse van de aanbieder: Bestaande zorgaanbieder; vereist: Geheel nieuwe zorgaanbieder/,
  );
  // the national conditions hold, so the regional one decides: one year with the mark-up, not two
  assert.deepEqual(
    g
      .json()
      .redenen.filter((x: any) => /^G[1-4]$/.test(x.code))
      .map((x: any) => [x.code, x.voldaan]),
    [
      ['G1', true],
      ['G2', true],
      ['G3', true],
      ['G4', true],
    ],
  );
  assert.equal(g.json().uitkomst, 'eenjarig-opslag');
  const row = await app.db.one<any>(`SELECT invoer FROM gunning WHERE inschrijving_id = $1 AND soort = 'voorlopig'`, [
    inschrijvingId,
  ]);
  assert.deepEqual(row.invoer.regionaleVoorwaarden, [
    { code: 'R1', omschrijving: PARAGRAAF.tweejarigeVoorwaarden[0].omschrijving },
  ]);
  assert.equal(row.invoer.regionaal.uitkomsten[0].gebruikt.klasse, 'bestaand');
  // after the deadline the kader (and its paragraph) is fixed
  const laat = await patch({ regionaleParagraaf: {} });
  assert.equal(laat.statusCode, 409);
  assert.equal(laat.json().code, 'kader-vastgelegd');
});
