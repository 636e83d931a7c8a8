/**
 * Assessment → four-eyes → provisional award → objection → final award → contract acceptance,
 * through the HTTP API on a real database. The procedure itself (kader, deadlines, criteria,
 * submissions) is set up directly in the tables of 0020_inkoop.sql so these tests do not depend on
 * the core screens; the core's own tests cover publishing and submitting.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp, type TestClient } from '../../testing.ts';
import { verifyAudit } from '../../platform/audit.ts';
import { pdfTekst } from './pdf.ts';
import { valideerOcds } from '../../../test/support/ocds-validatie.ts';
import { Command } from 'commander';
import type { CliContext, Output } from '../../platform/cli/index.ts';
import { AppError } from '../../platform/errors.ts';
import { gunningCapability } from './capability.ts';

let t: TestApp;
let beoordelaar: TestClient,
  beoordelaar2: TestClient,
  manager: TestClient,
  inkoper: TestClient,
  zonnehof: TestClient,
  bestuurder: TestClient,
  heideweg: TestClient,
  vgz: TestClient;
let kaderId: string, insZonnehof: string, insHeideweg: string;
const DEADLINE = new Date('2015-07-31T15:00:00Z'); // 31 juli 2015 17:00 Amsterdam

before(async () => {
  t = await createTestApp();
  t.setNow(new Date('2015-07-20T10:00:00Z'));
  [beoordelaar, beoordelaar2, manager, inkoper, zonnehof, bestuurder, heideweg, vgz] = await Promise.all(
    [
      'beoordelaar@cz.demo',
      'beoordelaar2@cz.demo',
      'manager@cz.demo',
      'inkoper@cz.demo',
      'contractmanager@zonnehof.demo',
      'bestuurder@zonnehof.demo',
      'contractmanager@heideweg.demo',
      'inkoper@vgz.demo',
    ].map((e) => t.login(e)),
  );
  const db = t.db;
  kaderId = (
    await db.one<{ id: string }>(
      `INSERT INTO inkoopkader (organisatie_id, titel, jaar_van, jaar_tot, sector, regio_codes, procedure_type, fase, gepubliceerde_versie, publieke_versie, regionale_paragraaf, bezwaartermijn_dagen, gepubliceerd_op, omschrijving)
    VALUES ('zk-cz', 'Inkoopkader V&V 2016', 2016, 2016, 'VV', '{5527}', 'dialoog', 'nvi_gepubliceerd', 1, $1, $2, 14, '2015-06-01T08:00:00Z', 'Dialoogmodel') RETURNING id`,
      [
        JSON.stringify({ titel: 'Inkoopkader V&V 2016', omschrijving: 'Dialoogmodel' }),
        JSON.stringify({
          weging: { F1: '60', F2: '40' },
          tweejarigeVoorwaarden: [
            { code: 'R1', omschrijving: 'Bestaande zorgaanbieder', soort: 'klasse', klassen: ['bestaand'] },
          ],
        }),
      ],
    )
  ).id;
  await db.query(
    `INSERT INTO termijn (kader_id, fase, begint_op, eindigt_op) VALUES ($1,'publicatie','2015-06-01T08:00:00Z',NULL), ($1,'vragen','2015-06-01T08:00:00Z','2015-06-21T21:59:00Z'),
    ($1,'inschrijving','2015-06-01T08:00:00Z',$2), ($1,'voorlopige_gunning',NULL,'2015-10-09T21:59:00Z'), ($1,'definitieve_gunning',NULL,'2015-11-01T22:59:00Z')`,
    [kaderId, DEADLINE],
  );
  await db.query(
    `INSERT INTO eis (kader_id, code, groep, tekst, soort, gewicht, schaal_min, schaal_max, volgorde) VALUES
    ($1,'A2','bestuursverklaring','Bestuursverklaring (bijlage 3) getekend','document',NULL,NULL,NULL,1),
    ($1,'KO1','gunningscriterium_knockout','Voldoet aan het Programma van Eisen','oordeel',NULL,NULL,NULL,2),
    ($1,'F1','gunningscriterium_gewogen','Effect voor de cliënt','oordeel',50,1,5,3),
    ($1,'F2','gunningscriterium_gewogen','Haalbaarheid van de implementatie','oordeel',50,1,5,4)`,
    [kaderId],
  );
  insZonnehof = (
    await db.one<{ id: string }>(
      `INSERT INTO inschrijving (kader_id, organisatie_id, status, kader_versie, regio_codes, ingediend_op) VALUES ($1,'za-demo-0001','ingediend',1,'{5527}','2015-07-31T14:59:00Z') RETURNING id`,
      [kaderId],
    )
  ).id;
  insHeideweg = (
    await db.one<{ id: string }>(
      `INSERT INTO inschrijving (kader_id, organisatie_id, status, kader_versie, regio_codes, ingediend_op) VALUES ($1,'za-demo-0002','ingediend',1,'{5526}','2015-07-30T10:00:00Z') RETURNING id`,
      [kaderId],
    )
  ).id;
  await db.query(
    // a careful zelfanalyse (every element; this hand-made kader has no themes of its own, so one 'eigen' row)
    `INSERT INTO zelfanalyse (inschrijving_id, thema_code, huidige_aanpak, sterktes, ontwikkelpunten, ervaring_client, niveau, in_ontwikkelplan)
     VALUES ($1,'eigen','Passende zorg','Vaste teams','Eigen regie','Cliëntenraad positief','Alle locaties',true)`,
    [insZonnehof],
  );
  await db.query(
    // a plan agreed by the zorgkantoor (src/inkoop/ontwikkelplan.ts); the agreement itself is tested in src/inkoop/brontrouw.test.ts
    `INSERT INTO ontwikkelplan (inschrijving_id, status, doelstelling) VALUES ($1,'akkoord','Meer eigen regie voor cliënten')`,
    [insZonnehof],
  );
  await db.query(
    `INSERT INTO classificatie (kader_id, organisatie_id, regio_code, klasse, reden, bepaald_op) VALUES ($1,'za-demo-0001','5527','bestaand','Overeenkomst 2015 met productie', now())`,
    [kaderId],
  );
  await db.query(
    `INSERT INTO nota_van_inlichtingen (kader_id, versie, inhoud, sha256, gepubliceerd_op) VALUES ($1, 1, $2, 'x', '2015-07-03T10:00:00Z')`,
    [
      kaderId,
      JSON.stringify([
        {
          nummer: 1,
          eisCode: 'A2',
          vraag: 'Mag de bestuursverklaring digitaal worden getekend?',
          antwoord: 'Ja, met een gekwalificeerde elektronische handtekening.',
        },
      ]),
    ],
  );
});
after(async () => {
  await t?.close();
});

const scoresOk = [
  { criteriumCode: 'A2', voldaan: true, motivatie: 'Bestuursverklaring getekend door de bestuurder' },
  { criteriumCode: 'KO1', voldaan: true, motivatie: 'Programma van Eisen aantoonbaar' },
  { criteriumCode: 'F1', score: '4', motivatie: 'Concreet cliëntdoel' },
  { criteriumCode: 'F2', score: '3', motivatie: 'Planning krap' },
];

test('verzegeld: vóór de sluitingstermijn ziet en scoort een beoordelaar niets', async () => {
  const o = await beoordelaar.get(`/api/v1/inkoop/kaders/${kaderId}/beoordelingen`);
  assert.equal(o.statusCode, 200);
  assert.equal(o.json().ontzegeld, false);
  assert.deepEqual(o.json().inschrijvingen, []);
  const r = await beoordelaar.put(`/api/v1/inkoop/inschrijvingen/${insZonnehof}/beoordeling`, { scores: scoresOk });
  // one sealing rule, one answer from every route (issue 8): 403 'verzegeld'
  assert.equal(r.statusCode, 403);
  assert.equal(r.json().code, 'verzegeld');
  // the deadline second itself still counts as before the deadline
  t.setNow(DEADLINE);
  assert.equal((await beoordelaar.get(`/api/v1/inkoop/inschrijvingen/${insZonnehof}/beoordeling`)).statusCode, 403);
  // one second after the deadline the bids are open for assessment
  t.setNow(new Date(DEADLINE.getTime() + 1_000));
  assert.equal((await beoordelaar.get(`/api/v1/inkoop/inschrijvingen/${insZonnehof}/beoordeling`)).statusCode, 200);
  await t.db.query(`UPDATE inkoopkader SET fase = 'beoordeling' WHERE id = $1`, [kaderId]);
});

test('OCDS vóór de gunning: geldig tegen het release-package-schema, geen inschrijvers of scores', async () => {
  const r = await t.anonymous.get(`/api/v1/inkoop/kaders/${kaderId}/ocds`);
  assert.equal(r.statusCode, 200);
  const pkg = r.json();
  const v = valideerOcds(pkg);
  assert.ok(v.ok, v.fouten.join('\n'));
  const rel = pkg.releases[0];
  assert.equal(rel.ocid, `ocds-zkwlz-${kaderId}`);
  assert.equal(rel.tender.numberOfTenderers, 2);
  assert.equal(rel.tender.tenderPeriod.endDate, '2015-07-31T15:00:00Z');
  assert.equal(rel.tender.enquiryPeriod.endDate, '2015-06-21T21:59:00Z');
  assert.deepEqual(
    rel.parties.map((p: any) => p.roles),
    [['buyer', 'procuringEntity']],
  );
  assert.equal(rel.awards, undefined);
  const text = JSON.stringify(pkg);
  assert.doesNotMatch(text, /Zonnehof|Heideweg|Concreet cliëntdoel/);
  assert.equal(
    (await t.anonymous.get('/api/v1/inkoop/kaders/00000000-0000-4000-8000-000000000000/ocds')).statusCode,
    404,
  );
});

test('score buiten de schaal: geweigerd met criterium en schaal genoemd, niets opgeslagen', async () => {
  const r = await beoordelaar.put(`/api/v1/inkoop/inschrijvingen/${insZonnehof}/beoordeling`, {
    scores: [scoresOk[0], scoresOk[1], { ...scoresOk[2], score: '7' }, scoresOk[3]],
  });
  assert.equal(r.statusCode, 422);
  assert.equal(r.json().code, 'schaal');
  assert.match(r.json().title, /Score 7 bij criterium F1 \(Effect voor de cliënt\) valt buiten de schaal 1\.00?–5/);
  assert.equal(Number((await t.db.one<{ n: number }>('SELECT count(*) AS n FROM beoordeling')).n), 0);
  assert.equal(Number((await t.db.one<{ n: number }>('SELECT count(*) AS n FROM beoordeling_besluit')).n), 0);
});

test('gunnen zonder vier-ogenbesluit wordt geweigerd met de regel genoemd', async () => {
  const s = await beoordelaar.put(`/api/v1/inkoop/inschrijvingen/${insZonnehof}/beoordeling`, { scores: scoresOk });
  assert.equal(s.statusCode, 200, s.body);
  assert.equal(s.json().uitslag.totaal, '3.60'); // regional weights 60/40: (4×60 + 3×40)/100
  const r = await manager.post(`/api/v1/inkoop/inschrijvingen/${insZonnehof}/gunning/voorlopig`, {
    opslagPercentage: '2.5',
  });
  assert.equal(r.statusCode, 422);
  assert.equal(r.json().code, 'vier-ogen');
  assert.match(r.json().title, /vier-ogenbesluit/);
  assert.equal(Number((await t.db.one<{ n: number }>('SELECT count(*) AS n FROM gunning')).n), 0);
});

test('vier ogen: de beoordelaar besluit niet zelf; een inkoper mag niet; een tweede beoordelaar wel', async () => {
  const zelf = await beoordelaar.post(`/api/v1/inkoop/inschrijvingen/${insZonnehof}/beoordeling/besluit`, {
    besluit: 'vastgesteld',
    motivatie: 'ok',
  });
  assert.equal(zelf.statusCode, 422);
  assert.equal(zelf.json().code, 'vier-ogen');
  assert.match(zelf.json().title, /zelf beoordeeld/);
  assert.equal(
    (
      await inkoper.post(`/api/v1/inkoop/inschrijvingen/${insZonnehof}/beoordeling/besluit`, {
        besluit: 'vastgesteld',
        motivatie: 'ok',
      })
    ).statusCode,
    403,
  );
  assert.equal(
    (
      await vgz.post(`/api/v1/inkoop/inschrijvingen/${insZonnehof}/beoordeling/besluit`, {
        besluit: 'vastgesteld',
        motivatie: 'ok',
      })
    ).statusCode,
    404,
  );
  const ok = await beoordelaar2.post(`/api/v1/inkoop/inschrijvingen/${insZonnehof}/beoordeling/besluit`, {
    besluit: 'vastgesteld',
    motivatie: 'Eens met de scores',
  });
  assert.equal(ok.statusCode, 200, ok.body);
  const d = (await manager.get(`/api/v1/inkoop/inschrijvingen/${insZonnehof}/beoordeling`)).json();
  assert.equal(d.besluit.status, 'vastgesteld');
  assert.deepEqual(d.regionaleVoorwaarden, [{ code: 'R1', omschrijving: 'Bestaande zorgaanbieder', soort: 'klasse' }]);
  assert.equal(d.besluit.beoordelaarNaam, 'Bram Beoordelaar');
  assert.equal(d.besluit.beslisserNaam, 'Bea Tweede');
  assert.equal(d.scores.find((s: any) => s.criteriumCode === 'F2').motivatie, 'Planning krap');
  // scores are frozen after the decision
  assert.equal(
    (await beoordelaar.put(`/api/v1/inkoop/inschrijvingen/${insZonnehof}/beoordeling`, { scores: scoresOk }))
      .statusCode,
    409,
  );
});

test('knock-out beëindigt de beoordeling van Heideweg met de eis genoemd; uitkomst: geen overeenkomst', async () => {
  const s = await beoordelaar2.put(`/api/v1/inkoop/inschrijvingen/${insHeideweg}/beoordeling`, {
    scores: [
      { criteriumCode: 'A2', voldaan: true, motivatie: 'Bestuursverklaring getekend' },
      { criteriumCode: 'KO1', voldaan: false, motivatie: 'PvE niet aangetoond' },
    ],
  });
  assert.equal(s.statusCode, 200, s.body);
  assert.equal(s.json().uitslag.status, 'knock-out');
  assert.deepEqual(s.json().uitslag.knockOut, [{ code: 'KO1', naam: 'Voldoet aan het Programma van Eisen' }]);
  // another assessor cannot overwrite a pending assessment
  assert.equal(
    (await beoordelaar.put(`/api/v1/inkoop/inschrijvingen/${insHeideweg}/beoordeling`, { scores: scoresOk }))
      .statusCode,
    409,
  );
  // the decider rejects; the assessment is redone and then confirmed
  assert.equal(
    (
      await manager.post(`/api/v1/inkoop/inschrijvingen/${insHeideweg}/beoordeling/besluit`, {
        besluit: 'afgewezen',
        motivatie: 'Motiveer de knock-out beter',
      })
    ).statusCode,
    200,
  );
  assert.equal(
    (await manager.post(`/api/v1/inkoop/inschrijvingen/${insHeideweg}/gunning/voorlopig`, {})).json().code,
    'vier-ogen',
  );
  const opnieuw = await beoordelaar2.put(`/api/v1/inkoop/inschrijvingen/${insHeideweg}/beoordeling`, {
    scores: [
      { criteriumCode: 'A2', voldaan: true, motivatie: 'Bestuursverklaring getekend' },
      { criteriumCode: 'KO1', voldaan: false, motivatie: 'PvE-eisen 3 en 7 niet aangetoond' },
    ],
  });
  assert.equal(opnieuw.statusCode, 200, opnieuw.body);
  assert.equal(
    (
      await manager.post(`/api/v1/inkoop/inschrijvingen/${insHeideweg}/beoordeling/besluit`, {
        besluit: 'vastgesteld',
        motivatie: 'Knock-out terecht',
      })
    ).statusCode,
    200,
  );
  assert.equal(
    Number(
      (
        await t.db.one<{ n: number }>('SELECT count(*) AS n FROM beoordeling_besluit WHERE inschrijving_id = $1', [
          insHeideweg,
        ])
      ).n,
    ),
    2,
  );
  const g = await manager.post(`/api/v1/inkoop/inschrijvingen/${insHeideweg}/gunning/voorlopig`, {});
  assert.equal(g.statusCode, 200, g.body);
  assert.equal(g.json().uitkomst, 'geen-overeenkomst');
  assert.match(
    g.json().redenen.find((r: any) => r.code === 'A-toetreding').toelichting,
    /KO1 Voldoet aan het Programma van Eisen/,
  );
});

let gunningZonnehof: string;
test('voorlopige gunning: uitkomst uit de beslistabel op opgeslagen invoer, opslag > 3% geweigerd, brief als PDF', async () => {
  const teHoog = await manager.post(`/api/v1/inkoop/inschrijvingen/${insZonnehof}/gunning/voorlopig`, {
    opslagPercentage: '3.5',
  });
  assert.equal(teHoog.statusCode, 422);
  assert.equal(teHoog.json().code, 'F5');
  assert.match(teHoog.json().title, /landelijke maximum van 3%/);
  const r = await manager.post(`/api/v1/inkoop/inschrijvingen/${insZonnehof}/gunning/voorlopig`, {
    opslagPercentage: '2,5',
    motivatie: 'Goed plan',
  });
  assert.equal(r.statusCode, 200, r.body);
  const g = r.json();
  gunningZonnehof = g.gunningId;
  assert.equal(g.uitkomst, 'tweejarig-opslag');
  assert.equal(g.looptijdJaren, 2);
  assert.equal(g.opslagPercentage, '2.50');
  assert.ok(g.redenen.find((x: any) => x.code === 'G4').voldaan, 'bestaand → contract in 2015');
  const row = await t.db.one<any>('SELECT invoer, regel FROM gunning WHERE id = $1', [g.gunningId]);
  assert.equal(row.invoer.definitiefOntwikkelplan, true);
  assert.deepEqual(row.invoer.overeenkomstJaren, [2015]);
  const audit = await t.db.one<any>(
    `SELECT * FROM audit_regel WHERE actie = 'inkoop.gunning.voorlopig' AND onderwerp_id = $1`,
    [insZonnehof],
  );
  assert.equal(audit.actor_naam, 'Marieke Manager');
  assert.equal(audit.resultaat.uitkomst, 'tweejarig-opslag');
  assert.match(audit.regel, /beslisboom/);
  // the provider sees its award and letter
  const mijn = (await zonnehof.get('/api/v1/inkoop/gunningen')).json();
  assert.equal(mijn.length, 1);
  assert.equal(mijn[0].uitkomst, 'tweejarig-opslag');
  const pdf = await zonnehof.get(`/api/v1/inkoop/gunningsdocumenten/${mijn[0].briefDocumentId}`);
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
  assert.match(pdfTekst(pdf.rawPayload), /Tweejarige overeenkomst met tariefopslag/);
});

test('een aanbieder ziet de gunning en brieven van een ander niet (404)', async () => {
  assert.equal((await heideweg.get(`/api/v1/inkoop/gunningen/${gunningZonnehof}`)).statusCode, 404);
  const brief = (await zonnehof.get(`/api/v1/inkoop/gunningen/${gunningZonnehof}`)).json().briefDocumentId;
  assert.equal((await heideweg.get(`/api/v1/inkoop/gunningsdocumenten/${brief}`)).statusCode, 404);
  assert.equal((await vgz.get(`/api/v1/inkoop/gunningsdocumenten/${brief}`)).statusCode, 404);
  const lijst = (await heideweg.get('/api/v1/inkoop/gunningen')).json();
  assert.ok(lijst.every((g: any) => g.aanbiederId === 'za-demo-0002'));
  assert.equal(
    (await heideweg.post(`/api/v1/inkoop/gunningen/${gunningZonnehof}/bezwaar`, { tekst: 'oneens' })).statusCode,
    404,
  );
  assert.equal((await heideweg.get(`/api/v1/inkoop/inschrijvingen/${insZonnehof}/beoordeling`)).statusCode, 403);
});

test('bezwaar binnen de termijn; definitief gunnen pas na de termijn en het besluit op bezwaar', async () => {
  const b = await zonnehof.post(`/api/v1/inkoop/gunningen/${gunningZonnehof}/bezwaar`, {
    tekst: 'Wij vinden de score op F2 te laag.',
  });
  assert.equal(b.statusCode, 201, b.body);
  const vroeg = await manager.post(`/api/v1/inkoop/inschrijvingen/${insZonnehof}/gunning/definitief`, {});
  assert.equal(vroeg.statusCode, 422);
  assert.equal(vroeg.json().code, 'bezwaartermijn');
  // Heideweg objects; the objection is upheld, so the provisional award must be revised before the final award
  const hg = (await heideweg.get('/api/v1/inkoop/gunningen')).json()[0];
  const hb = await heideweg.post(`/api/v1/inkoop/gunningen/${hg.id}/bezwaar`, {
    tekst: 'Het PvE is wel aangetoond, zie bijlage 3.',
  });
  assert.equal(hb.statusCode, 201, hb.body);
  assert.equal(
    (await heideweg.post(`/api/v1/inkoop/bezwaren/${hb.json().bezwaarId}/besluit`, { status: 'gegrond', besluit: 'x' }))
      .statusCode,
    403,
  );
  assert.equal(
    (await vgz.post(`/api/v1/inkoop/bezwaren/${hb.json().bezwaarId}/besluit`, { status: 'gegrond', besluit: 'x' }))
      .statusCode,
    404,
  );
  assert.equal(
    (
      await manager.post(`/api/v1/inkoop/bezwaren/${hb.json().bezwaarId}/besluit`, {
        status: 'gegrond',
        besluit: 'Bijlage 3 was over het hoofd gezien.',
      })
    ).statusCode,
    200,
  );
  assert.equal(
    (
      await manager.post(`/api/v1/inkoop/inschrijvingen/${insHeideweg}/gunning/voorlopig`, {
        motivatie: 'Herzien na bezwaar',
      })
    ).statusCode,
    200,
  );
  assert.equal(
    (await manager.post(`/api/v1/inkoop/inschrijvingen/${insHeideweg}/gunning/voorlopig`, {})).json().code,
    'al-gegund',
  );
  assert.ok(
    await t.db.maybeOne(
      `SELECT 1 FROM audit_regel WHERE actie = 'inkoop.gunning.voorlopig-herzien' AND onderwerp_id = $1`,
      [insHeideweg],
    ),
  );
  t.setNow(new Date(DEADLINE.getTime() + 30 * 86_400_000));
  const laat = await zonnehof.post(`/api/v1/inkoop/gunningen/${gunningZonnehof}/bezwaar`, { tekst: 'nog een' });
  assert.equal(laat.statusCode, 422);
  assert.equal(laat.json().code, 'bezwaartermijn');
  const open = await manager.post(`/api/v1/inkoop/inschrijvingen/${insZonnehof}/gunning/definitief`, {});
  assert.equal(open.json().code, 'bezwaar-open');
  const besluit = await manager.post(`/api/v1/inkoop/bezwaren/${b.json().bezwaarId}/besluit`, {
    status: 'ongegrond',
    besluit: 'De score is gemotiveerd.',
  });
  assert.equal(besluit.statusCode, 200, besluit.body);
  const d = await manager.post(`/api/v1/inkoop/inschrijvingen/${insZonnehof}/gunning/definitief`, {
    motivatie: 'Na bezwaar',
  });
  assert.equal(d.statusCode, 200, d.body);
  assert.ok(d.json().overeenkomstId);
  // Heideweg: no contract
  const h = await manager.post(`/api/v1/inkoop/inschrijvingen/${insHeideweg}/gunning/definitief`, {});
  assert.equal(h.statusCode, 200, h.body);
  assert.equal(h.json().overeenkomstId, null);
});

test('overeenkomst met Nota van Inlichtingen; alleen de geregistreerde bestuurder accepteert', async () => {
  const g = (await zonnehof.get(`/api/v1/inkoop/gunningen`)).json().find((x: any) => x.soort === 'definitief');
  assert.equal(g.overeenkomst.status, 'aangeboden');
  assert.equal(g.overeenkomst.ingangsdatum, '2016-01-01');
  assert.equal(g.overeenkomst.einddatum, '2017-12-31');
  const pdf = await bestuurder.get(`/api/v1/inkoop/gunningsdocumenten/${g.overeenkomst.documentId}`);
  const tekst = pdfTekst(pdf.rawPayload).replace(/\s+/g, ' ');
  assert.match(tekst, /Overeenkomst Wlz-zorg/);
  assert.match(tekst, /Nota van Inlichtingen \(versie 1\)/);
  assert.match(tekst, /gekwalificeerde elektronische handtekening/);
  assert.equal((await heideweg.get(`/api/v1/inkoop/gunningsdocumenten/${g.overeenkomst.documentId}`)).statusCode, 404);
  assert.equal(
    (await zonnehof.post(`/api/v1/inkoop/overeenkomsten/${g.overeenkomst.id}/acceptatie`, { akkoord: true }))
      .statusCode,
    403,
  );
  assert.equal(
    (await heideweg.post(`/api/v1/inkoop/overeenkomsten/${g.overeenkomst.id}/acceptatie`, { akkoord: true }))
      .statusCode,
    403,
  );
  const ok = await bestuurder.post(`/api/v1/inkoop/overeenkomsten/${g.overeenkomst.id}/acceptatie`, { akkoord: true });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal(ok.json().status, 'geaccepteerd');
  assert.equal(
    (await bestuurder.post(`/api/v1/inkoop/overeenkomsten/${g.overeenkomst.id}/acceptatie`, { akkoord: true }))
      .statusCode,
    409,
  );
});

test('OCDS na de gunning: awards, contracts, leveranciers; geen scores; geldig', async () => {
  await t.db.query(`UPDATE inkoopkader SET fase = 'definitieve_gunning' WHERE id = $1`, [kaderId]);
  const pkg = (await t.anonymous.get(`/api/v1/inkoop/kaders/${kaderId}/ocds`)).json();
  const v = valideerOcds(pkg);
  assert.ok(v.ok, v.fouten.join('\n'));
  const rel = pkg.releases[0];
  assert.deepEqual(rel.tag, ['tender', 'award', 'contract']);
  assert.equal(rel.tender.status, 'complete');
  assert.equal(rel.awards.length, 2);
  assert.deepEqual(rel.awards.map((a: any) => a.status).sort(), ['active', 'unsuccessful']);
  assert.equal(rel.contracts[0].status, 'active');
  const zon = rel.parties.find((p: any) => p.id === 'za-demo-0001');
  assert.deepEqual(zon.roles, ['tenderer', 'supplier']);
  assert.deepEqual(rel.parties.find((p: any) => p.id === 'za-demo-0002').roles, ['tenderer']);
  assert.doesNotMatch(JSON.stringify(pkg), /3\.60|Planning krap|PvE niet aangetoond|Bram/);
});

test('elk besluit staat in de auditketen en de keten is intact', async () => {
  const acties = (
    await t.db.query<{ actie: string }>(`SELECT actie FROM audit_regel WHERE actie LIKE 'inkoop.%' ORDER BY volgnummer`)
  ).map((r) => r.actie);
  for (const a of [
    'inkoop.beoordeling.gescoord',
    'inkoop.beoordeling.vastgesteld',
    'inkoop.gunning.voorlopig',
    'inkoop.bezwaar.ingediend',
    'inkoop.bezwaar.ongegrond',
    'inkoop.gunning.definitief',
    'inkoop.overeenkomst.geaccepteerd',
  ]) {
    assert.ok(acties.includes(a), a);
  }
  assert.equal((await verifyAudit(t.db)).ok, true);
});

test('CLI: zorginkoop inkoop ocds --kader geeft het pakket (in-process, met de database van de test)', async () => {
  const printed: unknown[] = [];
  const out: Output = {
    json: true,
    result: (d) => {
      printed.push(d);
    },
    info: () => {},
    progress: () => Object.assign(async () => {}, { end: () => {} }) as any,
  };
  const cli = {
    run: async (_cmd: Command, fn: (ctx: typeof t.ctx, o: Output) => Promise<unknown>) => {
      await fn(t.ctx, out);
    },
  } as unknown as CliContext;
  const program = new Command().exitOverride();
  program.command('inkoop'); // the core's group exists already: the command is added to it
  gunningCapability.cli!(program, cli);
  assert.equal(program.commands.filter((c) => c.name() === 'inkoop').length, 1);
  await program.parseAsync(['node', 'zorginkoop', 'inkoop', 'ocds', '--kader', kaderId]);
  const pkg: any = printed[0];
  assert.ok(valideerOcds(pkg).ok);
  assert.equal(pkg.releases[0].ocid, `ocds-zkwlz-${kaderId}`);
  await assert.rejects(
    program.parseAsync(['node', 'zorginkoop', 'inkoop', 'ocds', '--kader', '00000000-0000-4000-8000-000000000000']),
    (e: unknown) => e instanceof AppError && e.status === 404 && /Dit inkoopkader bestaat niet/.test(e.message),
  );
});
