/**
 * Open house admission through the HTTP API on a real database: a kader from the open house
 * template is published and admission opened; two providers apply; assessors score the knock-out
 * requirements and a second person confirms (four eyes); the manager records the admission per
 * bidder (toegelaten → letter + raamovereenkomst accepted by the bestuurder; afgewezen → every
 * failed requirement named); the rejected provider re-applies and is admitted in round 2. Plus the
 * refusals (no four eyes, not open house, other office, provider, award route), OCDS and the CLI.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { Command } from 'commander';
import { createTestApp, type TestApp, type TestClient } from '../../testing.ts';
import { verifyAudit } from '../../platform/audit.ts';
import type { CliContext, Output } from '../../platform/cli/index.ts';
import { lokaalNaarInstant } from '../../domain/inkoop/timeline.ts';
import { RegelFout } from '../../domain/inkoop/beoordeling.ts';
import { pdfTekst } from '../gunning/pdf.ts';
import { valideerOcds } from '../../../test/support/ocds-validatie.ts';
import { bepaalToelating } from '../../domain/inkoop/openhouse.ts';
import { openHouseCapability } from './capability.ts';

let t: TestApp;
let inkoper: TestClient, beoordelaar: TestClient, beoordelaar2: TestClient, manager: TestClient, vgz: TestClient;
let zonnehof: TestClient, bestuurder: TestClient, heideweg: TestClient;
let kaderId = '',
  insZon = '',
  insHei = '';
let naamZon = '',
  naamHei = '';

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')]);
const count = async (sql: string, p: unknown[] = []) => Number((await t.db.one<{ n: number }>(sql, p)).n);

function multipart(naam: string, inhoud: Buffer, velden: Record<string, string>) {
  const grens = '----oh' + crypto.randomBytes(6).toString('hex');
  const delen: Buffer[] = [];
  for (const [k, v] of Object.entries(velden))
    delen.push(Buffer.from(`--${grens}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  delen.push(
    Buffer.from(
      `--${grens}\r\nContent-Disposition: form-data; name="bestand"; filename="${naam}"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    inhoud,
    Buffer.from(`\r\n--${grens}--\r\n`),
  );
  return { payload: Buffer.concat(delen), headers: { 'content-type': `multipart/form-data; boundary=${grens}` } };
}

/** Answers every mandatory requirement that applies to this provider (yes / a PDF) and submits. */
async function vulInEnDienIn(c: TestClient, id: string) {
  const v = (await c.get(`/api/v1/inkoop/inschrijvingen/${id}`)).json();
  for (const e of v.eisen.filter((x: any) => x.vanToepassingOpMij && x.verplicht && !x.antwoord)) {
    if (e.soort === 'document') {
      const m = multipart(`${e.code}.pdf`, PDF, { eisCode: e.code });
      const r = await c.inject({
        method: 'POST',
        url: `/api/v1/inkoop/inschrijvingen/${id}/documenten`,
        payload: m.payload,
        headers: m.headers,
      });
      assert.equal(r.statusCode, 201, r.body);
    } else {
      const r = await c.put(`/api/v1/inkoop/inschrijvingen/${id}/antwoorden/${encodeURIComponent(e.code)}`, {
        waarde: e.soort === 'ja_nee' ? true : 'ja',
      });
      assert.equal(r.statusCode, 200, r.body);
    }
  }
  const r = await c.post(`/api/v1/inkoop/inschrijvingen/${id}/indienen`, {});
  assert.equal(r.statusCode, 200, r.body);
  return r.json();
}

const KO = ['KO1', 'KO2', 'KO3'];
const alleVoldaan = KO.map((c) => ({ criteriumCode: c, voldaan: true, motivatie: `${c} aangetoond` }));

before(async () => {
  t = await createTestApp();
  t.setNow(lokaalNaarInstant('2025-09-01T10:00'));
  [inkoper, beoordelaar, beoordelaar2, manager, vgz, zonnehof, bestuurder, heideweg] = await Promise.all(
    [
      'inkoper@cz.demo',
      'beoordelaar@cz.demo',
      'beoordelaar2@cz.demo',
      'manager@cz.demo',
      'inkoper@vgz.demo',
      'contractmanager@zonnehof.demo',
      'bestuurder@zonnehof.demo',
      'contractmanager@heideweg.demo',
    ].map((e) => t.login(e)),
  );
  naamZon = (await t.db.one<{ naam: string }>(`SELECT naam FROM organisatie WHERE id = 'za-demo-0001'`)).naam;
  naamHei = (await t.db.one<{ naam: string }>(`SELECT naam FROM organisatie WHERE id = 'za-demo-0002'`)).naam;
});
after(async () => {
  await t?.close();
});

test('regel: toegelaten alleen met vier-ogenbesluit en alle knock-outs voldaan; afgewezen noemt elke niet voldane eis', () => {
  const besluit = { id: 'b', status: 'vastgesteld', eersteBeoordelaarId: 'u1', tweedeBeslisserId: 'u2' };
  const ko = [
    { code: 'KO1', tekst: 'Toetredingseisen', voldaan: true, motivatie: 'ok' },
    { code: 'KO2', tekst: 'Geschiktheid', voldaan: false, motivatie: 'geen polis' },
    { code: 'KO3', tekst: 'Uitsluiting', voldaan: false, motivatie: 'faillissement' },
  ];
  assert.equal(bepaalToelating({ besluit, knockOuts: ko.map((k) => ({ ...k, voldaan: true })) }).besluit, 'toegelaten');
  const af = bepaalToelating({ besluit, knockOuts: ko });
  assert.equal(af.besluit, 'afgewezen');
  assert.deepEqual(af.nietVoldaan, [
    { code: 'KO2', tekst: 'Geschiktheid' },
    { code: 'KO3', tekst: 'Uitsluiting' },
  ]);
  assert.equal(af.redenen.find((r) => r.code === 'KO2')!.toelichting, 'geen polis');
  for (const b of [
    null,
    { ...besluit, status: 'voorgesteld' },
    { ...besluit, status: 'afgewezen' },
    { ...besluit, tweedeBeslisserId: null },
    { ...besluit, tweedeBeslisserId: 'u1' },
  ]) {
    assert.throws(
      () => bepaalToelating({ besluit: b, knockOuts: ko }),
      (e: unknown) => e instanceof RegelFout && e.regel === 'vier-ogen',
    );
  }
  assert.throws(
    () => bepaalToelating({ besluit, knockOuts: [{ ...ko[0], voldaan: null }] }),
    (e: unknown) => e instanceof RegelFout && e.regel === 'beoordeling-onvolledig',
  );
});

test('sjabloon open house: alleen minimumeisen met bron, geen gewogen criteria, proceduretype open_house', async () => {
  const s = (await inkoper.get('/api/v1/inkoop/sjablonen')).json().find((x: any) => x.id === 'open-house');
  assert.ok(s, 'sjabloon open-house ontbreekt');
  assert.equal(s.procedureType, 'open_house');
  assert.equal(s.tijdlijn, null);
  assert.ok(
    s.eisen.every((e: any) => typeof e.bron === 'string' && e.bron.length > 5),
    'elke eis heeft een bron',
  );
  assert.ok(
    !s.eisen.some(
      (e: any) => e.groep === 'gunningscriterium_gewogen' || e.groep === 'zelfanalyse' || e.groep === 'ontwikkelplan',
    ),
  );
  for (const g of ['pve', 'bestuursverklaring', 'geschiktheidseis', 'uitsluitingsgrond', 'gunningscriterium_knockout'])
    assert.ok(
      s.eisen.some((e: any) => e.groep === g),
      g,
    );
  assert.ok(s.eisen.some((e: any) => e.bron.includes('Inkoopkader Langdurige Zorg 2016, §2.2.2')));
  assert.ok(
    s.eisen.some((e: any) => e.bron.includes('Inkoopsafari – Verkenning van de praktijk van zorginkoop, §4.2')),
  );
});

test('kader uit het sjabloon: publiceren, toelating openen, twee aanbieders melden zich aan', async () => {
  const r = await inkoper.post('/api/v1/inkoop/kaders', {
    titel: 'Open house V&V 2026',
    jaarVan: 2026,
    sector: 'VV',
    regioCodes: ['5526', '5527'],
    procedureType: 'open_house',
    sjabloon: 'open-house',
  });
  assert.equal(r.statusCode, 201, r.body);
  kaderId = r.json().id;
  const p = await inkoper.post(`/api/v1/inkoop/kaders/${kaderId}/publiceren`, {});
  assert.equal(p.statusCode, 200, p.body);
  assert.equal(p.json().fase, 'gepubliceerd');
  // A Nota van Inlichtingen (published by the core's question round; stored directly here) becomes part of every framework contract.
  await t.db.query(
    `INSERT INTO nota_van_inlichtingen (kader_id, versie, inhoud, sha256, gepubliceerd_op) VALUES ($1, 1, $2, 'x', '2025-09-01T08:00:00Z')`,
    [
      kaderId,
      JSON.stringify([
        {
          nummer: 1,
          eisCode: 'OH1',
          vraag: 'Geldt het maximumtarief ook voor vpt?',
          antwoord: 'Ja, het tariefbeleid geldt voor alle prestaties van de sector.',
        },
      ]),
    ],
  );
  const o = await inkoper.post(`/api/v1/inkoop/kaders/${kaderId}/overgangen`, { actie: 'toelating_openen' });
  assert.equal(o.statusCode, 200, o.body);
  insZon = (await zonnehof.post(`/api/v1/inkoop/kaders/${kaderId}/inschrijving`, {})).json().id;
  insHei = (await heideweg.post(`/api/v1/inkoop/kaders/${kaderId}/inschrijving`, {})).json().id;
  const ontvangst = await vulInEnDienIn(zonnehof, insZon);
  assert.match(ontvangst.hash, /^[0-9a-f]{64}$/);
  await vulInEnDienIn(heideweg, insHei);
  const ov = await manager.get(`/api/v1/inkoop/kaders/${kaderId}/toelatingen`);
  assert.equal(ov.statusCode, 200, ov.body);
  assert.equal(ov.json().toelatingOpen, true);
  assert.deepEqual(
    ov
      .json()
      .aanbieders.map((a: any) => [a.aanbiederId, a.toestand, a.beoordeling.status, a.kanVastleggen])
      .sort(),
    [
      ['za-demo-0001', 'in_behandeling', 'open', false],
      ['za-demo-0002', 'in_behandeling', 'open', false],
    ],
  );
});

test('zonder vier-ogenbesluit: geweigerd (422, regel genoemd), niets opgeslagen', async () => {
  const telling = async () => [
    await count('SELECT count(*) AS n FROM toelating'),
    await count('SELECT count(*) AS n FROM overeenkomst'),
    await count(`SELECT count(*) AS n FROM document WHERE doel IN ('brief','overeenkomst')`),
    await count(`SELECT count(*) AS n FROM audit_regel WHERE actie LIKE 'inkoop.toelating.%'`),
  ];
  const voor = await telling();
  const r = await manager.post(`/api/v1/inkoop/inschrijvingen/${insZon}/toelating`, {});
  assert.equal(r.statusCode, 422);
  assert.equal(r.json().code, 'vier-ogen');
  assert.match(r.json().title, /open-house\.toelating/);
  assert.match(r.json().title, /vier-ogen/);
  const s = await beoordelaar.put(`/api/v1/inkoop/inschrijvingen/${insZon}/beoordeling`, { scores: alleVoldaan });
  assert.equal(s.statusCode, 200, s.body);
  const nogNiet = await manager.post(`/api/v1/inkoop/inschrijvingen/${insZon}/toelating`, {});
  assert.equal(nogNiet.statusCode, 422);
  assert.match(nogNiet.json().fouten[0].wat, /wacht nog op het besluit van een tweede persoon/);
  assert.deepEqual(await telling(), voor);
});

test('toegang: ander zorgkantoor 404, aanbieder en beoordelaar 403 op de zorgkantoorroute', async () => {
  assert.equal(
    (
      await beoordelaar2.post(`/api/v1/inkoop/inschrijvingen/${insZon}/beoordeling/besluit`, {
        besluit: 'vastgesteld',
        motivatie: 'Eens',
      })
    ).statusCode,
    200,
  );
  assert.equal((await vgz.post(`/api/v1/inkoop/inschrijvingen/${insZon}/toelating`, {})).statusCode, 404);
  assert.equal((await vgz.get(`/api/v1/inkoop/kaders/${kaderId}/toelatingen`)).statusCode, 404);
  assert.equal((await zonnehof.post(`/api/v1/inkoop/inschrijvingen/${insZon}/toelating`, {})).statusCode, 403);
  assert.equal((await heideweg.post(`/api/v1/inkoop/inschrijvingen/${insZon}/toelating`, {})).statusCode, 403);
  assert.equal((await zonnehof.get(`/api/v1/inkoop/kaders/${kaderId}/toelatingen`)).statusCode, 403);
  assert.equal((await beoordelaar.post(`/api/v1/inkoop/inschrijvingen/${insZon}/toelating`, {})).statusCode, 403);
  assert.equal(await count('SELECT count(*) AS n FROM toelating'), 0);
});

let overeenkomstZon = '';
test('toegelaten: toelating met invoer en redenen, brief, raamovereenkomst (kaderjaren, NvI, maximumtarief, vrije keuze), audit', async () => {
  const r = await manager.post(`/api/v1/inkoop/inschrijvingen/${insZon}/toelating`, {
    motivatie: 'Voldoet aan alle minimumeisen',
  });
  assert.equal(r.statusCode, 200, r.body);
  const b = r.json();
  assert.equal(b.besluit, 'toegelaten');
  assert.equal(b.ronde, 1);
  assert.deepEqual(b.nietVoldaan, []);
  assert.deepEqual(
    b.redenen.map((x: any) => [x.code, x.voldaan]),
    [
      ['VIER-OGEN', true],
      ['KO1', true],
      ['KO2', true],
      ['KO3', true],
    ],
  );
  assert.ok(b.overeenkomstId);
  overeenkomstZon = b.overeenkomstId;
  const row = await t.db.one<any>('SELECT * FROM toelating WHERE id = $1', [b.toelatingId]);
  assert.equal(row.besluit, 'toegelaten');
  assert.equal(row.overeenkomst_id, b.overeenkomstId);
  assert.equal(row.invoer.scores.length, 3);
  assert.equal(
    row.ontvangst_hash,
    (await t.db.one<any>('SELECT ontvangst_hash FROM inschrijving WHERE id = $1', [insZon])).ontvangst_hash,
  );
  assert.match(row.regel, /Inkoopsafari – Verkenning van de praktijk van zorginkoop, §4\.2/);
  const ok = await t.db.one<any>(
    `SELECT *, ingangsdatum::text AS van, einddatum::text AS tot FROM overeenkomst WHERE id = $1`,
    [b.overeenkomstId],
  );
  assert.deepEqual(
    [ok.soort, ok.gunning_id, ok.toelating_id, ok.van, ok.tot, ok.status],
    ['raamovereenkomst', null, b.toelatingId, '2026-01-01', '2026-12-31', 'aangeboden'],
  );
  // the letter: a real PDF, stored with its hash and size, naming the provider and the decision
  const brief = await zonnehof.get(`/api/v1/inkoop/toelatingen/${b.toelatingId}/brief`);
  assert.equal(brief.statusCode, 200);
  assert.equal(brief.rawPayload.subarray(0, 5).toString(), '%PDF-');
  const doc = await t.db.one<any>('SELECT sha256, grootte, doel FROM document WHERE id = $1', [b.briefDocumentId]);
  assert.equal(doc.sha256, crypto.createHash('sha256').update(brief.rawPayload).digest('hex'));
  assert.equal(Number(doc.grootte), brief.rawPayload.length);
  const briefTekst = pdfTekst(brief.rawPayload).replace(/\s+/g, ' ');
  assert.match(briefTekst, /Besluit: toegelaten/);
  assert.ok(briefTekst.includes(naamZon), 'de brief noemt de aanbieder');
  // the contract, through the existing award document route
  const pdf = await bestuurder.get(`/api/v1/inkoop/gunningsdocumenten/${b.overeenkomstDocumentId}`);
  assert.equal(pdf.statusCode, 200);
  const tekst = pdfTekst(pdf.rawPayload).replace(/\s+/g, ' ');
  assert.match(tekst, /Raamovereenkomst Wlz-zorg \(open house\)/);
  assert.match(tekst, /maximumtarief/);
  assert.match(tekst, /De cliënt kiest vrij/);
  assert.match(tekst, /1 januari 2026 tot en met 31 december 2026/);
  assert.match(tekst, /Bijlage 1 – Nota van Inlichtingen \(versie 1\)/);
  assert.match(tekst, /het tariefbeleid geldt voor alle prestaties van de sector/);
  assert.equal(ok.nvi_versie, 1);
  assert.equal((await heideweg.get(`/api/v1/inkoop/gunningsdocumenten/${b.overeenkomstDocumentId}`)).statusCode, 404);
  assert.equal((await heideweg.get(`/api/v1/inkoop/toelatingen/${b.toelatingId}/brief`)).statusCode, 404);
  assert.equal((await vgz.get(`/api/v1/inkoop/toelatingen/${b.toelatingId}/brief`)).statusCode, 404);
  const audit = await t.db.one<any>(
    `SELECT * FROM audit_regel WHERE actie = 'inkoop.toelating.toegelaten' AND onderwerp_id = $1`,
    [insZon],
  );
  assert.equal(audit.actor_naam, 'Marieke Manager');
  assert.equal(audit.resultaat.overeenkomstId, b.overeenkomstId);
  assert.equal(audit.invoer.beoordelingBesluitId, row.beoordeling_besluit_id);
  assert.match(audit.regel, /open-house\.toelating/);
  // not twice on the same assessment
  const twee = await manager.post(`/api/v1/inkoop/inschrijvingen/${insZon}/toelating`, {});
  assert.equal(twee.statusCode, 409);
  assert.equal(twee.json().code, 'al-besloten');
});

test('de bestuurder accepteert de raamovereenkomst via de bestaande acceptatieroute; de aanbieder ziet haar toelating', async () => {
  assert.equal(
    (await zonnehof.post(`/api/v1/inkoop/overeenkomsten/${overeenkomstZon}/acceptatie`, { akkoord: true })).statusCode,
    403,
  );
  assert.equal(
    (await heideweg.post(`/api/v1/inkoop/overeenkomsten/${overeenkomstZon}/acceptatie`, { akkoord: true })).statusCode,
    403,
  );
  const a = await bestuurder.post(`/api/v1/inkoop/overeenkomsten/${overeenkomstZon}/acceptatie`, { akkoord: true });
  assert.equal(a.statusCode, 200, a.body);
  assert.equal(a.json().status, 'geaccepteerd');
  const mijn = (await bestuurder.get('/api/v1/inkoop/toelatingen')).json();
  const m = mijn.find((x: any) => x.kaderId === kaderId);
  assert.equal(m.toestand, 'toegelaten');
  assert.equal(m.heraanmeldenMogelijk, false);
  assert.equal(m.toelating.overeenkomst.status, 'geaccepteerd');
  assert.equal(m.toelating.overeenkomst.soort, 'raamovereenkomst');
  assert.ok(!mijn.some((x: any) => x.inschrijvingId === insHei), 'een aanbieder ziet alleen de eigen aanmeldingen');
  // an admitted provider neither re-applies nor reopens its bid
  assert.equal((await zonnehof.post(`/api/v1/inkoop/inschrijvingen/${insZon}/heraanmelden`, {})).statusCode, 409);
  const heropen = await zonnehof.post(`/api/v1/inkoop/inschrijvingen/${insZon}/heropenen`, {});
  assert.equal(heropen.statusCode, 409);
  assert.equal(heropen.json().code, 'in-beoordeling');
});

let afwijzingHei = '';
test('afgewezen: elke niet voldane eis met code en tekst genoemd, in de brief; geen overeenkomst', async () => {
  const s = await beoordelaar.put(`/api/v1/inkoop/inschrijvingen/${insHei}/beoordeling`, {
    scores: [
      { criteriumCode: 'KO1', voldaan: true, motivatie: 'Toetredingseisen aangetoond' },
      { criteriumCode: 'KO2', voldaan: false, motivatie: 'Polis aansprakelijkheidsverzekering verlopen' },
      { criteriumCode: 'KO3', voldaan: false, motivatie: 'Verklaring belastingdienst ontbreekt' },
    ],
  });
  assert.equal(s.statusCode, 200, s.body);
  assert.equal(
    (
      await beoordelaar2.post(`/api/v1/inkoop/inschrijvingen/${insHei}/beoordeling/besluit`, {
        besluit: 'vastgesteld',
        motivatie: 'Knock-outs terecht',
      })
    ).statusCode,
    200,
  );
  const ov = (await manager.get(`/api/v1/inkoop/kaders/${kaderId}/toelatingen`)).json();
  const rij = ov.aanbieders.find((a: any) => a.inschrijvingId === insHei);
  assert.deepEqual([rij.verwachtBesluit, rij.kanVastleggen, rij.beoordeling.vierOgen], ['afgewezen', true, true]);
  const r = await inkoper.post(`/api/v1/inkoop/inschrijvingen/${insHei}/toelating`, {});
  assert.equal(r.statusCode, 200, r.body);
  const b = r.json();
  afwijzingHei = b.toelatingId;
  assert.equal(b.besluit, 'afgewezen');
  assert.deepEqual(b.nietVoldaan, [
    { code: 'KO2', tekst: 'Voldoet aan de geschiktheidseisen (GE-1 tot en met GE-5).' },
    { code: 'KO3', tekst: 'Geen van de uitsluitingsgronden is van toepassing (UG-1 tot en met UG-4).' },
  ]);
  assert.equal(b.overeenkomstId, null);
  assert.equal(await count('SELECT count(*) AS n FROM overeenkomst WHERE inschrijving_id = $1', [insHei]), 0);
  const brief = await heideweg.get(`/api/v1/inkoop/toelatingen/${b.toelatingId}/brief`);
  const tekst = pdfTekst(brief.rawPayload).replace(/\s+/g, ' ');
  assert.match(tekst, /Besluit: niet toegelaten/);
  assert.match(tekst, /KO2: Voldoet aan de geschiktheidseisen/);
  assert.match(tekst, /KO3: Geen van de uitsluitingsgronden/);
  assert.match(tekst, /Polis aansprakelijkheidsverzekering verlopen/);
  assert.ok(tekst.includes(naamHei));
  const mijn = (await heideweg.get('/api/v1/inkoop/toelatingen')).json().find((x: any) => x.kaderId === kaderId);
  assert.equal(mijn.toestand, 'afgewezen');
  assert.equal(mijn.heraanmeldenMogelijk, true);
  assert.deepEqual(
    mijn.toelating.nietVoldaan.map((x: any) => x.code),
    ['KO2', 'KO3'],
  );
});

test('heraanmelden: alleen de eigen afgewezen aanmelding; concept → wijzigen → opnieuw indienen → nieuwe ronde; historie blijft', async () => {
  assert.equal((await zonnehof.post(`/api/v1/inkoop/inschrijvingen/${insHei}/heraanmelden`, {})).statusCode, 404);
  assert.equal((await manager.post(`/api/v1/inkoop/inschrijvingen/${insHei}/heraanmelden`, {})).statusCode, 403);
  const oudeHash = (await t.db.one<any>('SELECT ontvangst_hash FROM inschrijving WHERE id = $1', [insHei]))
    .ontvangst_hash;
  const h = await heideweg.post(`/api/v1/inkoop/inschrijvingen/${insHei}/heraanmelden`, {});
  assert.equal(h.statusCode, 200, h.body);
  assert.equal(h.json().status, 'concept');
  assert.equal((await heideweg.post(`/api/v1/inkoop/inschrijvingen/${insHei}/heraanmelden`, {})).statusCode, 409);
  const oud = await t.db.one<any>('SELECT * FROM toelating WHERE id = $1', [afwijzingHei]);
  assert.ok(oud.heraangemeld_op, 'de afwijzing blijft, met het moment van heraanmelden');
  assert.equal(
    await count(
      'SELECT count(*) AS n FROM beoordeling_besluit WHERE inschrijving_id = $1 AND vervallen_op IS NOT NULL',
      [insHei],
    ),
    1,
  );
  // the concept can be changed and is submitted again, with a new receipt
  const w = await heideweg.put(`/api/v1/inkoop/inschrijvingen/${insHei}/antwoorden/UG-3`, {
    waarde: true,
    toelichting: 'Verklaring belastingdienst nu bijgevoegd',
  });
  assert.equal(w.statusCode, 200, w.body);
  t.setNow(lokaalNaarInstant('2025-09-08T10:00'));
  const ontvangst = await vulInEnDienIn(heideweg, insHei);
  assert.notEqual(ontvangst.hash, oudeHash);
  // a fresh assessment (the earlier one is history), four eyes, then round 2
  const s = await beoordelaar2.put(`/api/v1/inkoop/inschrijvingen/${insHei}/beoordeling`, { scores: alleVoldaan });
  assert.equal(s.statusCode, 200, s.body);
  assert.equal(
    (
      await manager.post(`/api/v1/inkoop/inschrijvingen/${insHei}/beoordeling/besluit`, {
        besluit: 'vastgesteld',
        motivatie: 'Herstel aangetoond',
      })
    ).statusCode,
    200,
  );
  const r = await manager.post(`/api/v1/inkoop/inschrijvingen/${insHei}/toelating`, {});
  assert.equal(r.statusCode, 200, r.body);
  assert.deepEqual([r.json().besluit, r.json().ronde], ['toegelaten', 2]);
  assert.equal(await count('SELECT count(*) AS n FROM toelating WHERE inschrijving_id = $1', [insHei]), 2);
  assert.equal(await count('SELECT count(*) AS n FROM beoordeling_besluit WHERE inschrijving_id = $1', [insHei]), 2);
  const mijn = (await heideweg.get('/api/v1/inkoop/toelatingen')).json().find((x: any) => x.kaderId === kaderId);
  assert.equal(mijn.toestand, 'toegelaten');
  assert.equal(mijn.eerdere.length, 1);
  assert.equal(mijn.eerdere[0].besluit, 'afgewezen');
  const ov = (await manager.get(`/api/v1/inkoop/kaders/${kaderId}/toelatingen`))
    .json()
    .aanbieders.find((a: any) => a.inschrijvingId === insHei);
  assert.equal(ov.toestand, 'toegelaten');
  assert.equal(ov.eerdere.length, 1);
  assert.ok(
    await t.db.maybeOne(
      `SELECT 1 FROM audit_regel WHERE actie = 'inkoop.toelating.heraangemeld' AND onderwerp_id = $1`,
      [insHei],
    ),
  );
});

test('gunnen bestaat niet bij open house: voorlopig gunnen verwijst naar de toelatingsroute', async () => {
  const r = await manager.post(`/api/v1/inkoop/inschrijvingen/${insZon}/gunning/voorlopig`, {});
  assert.equal(r.statusCode, 422);
  assert.equal(r.json().code, 'open-house');
  assert.match(r.json().actie, new RegExp(`/inkoop/inschrijvingen/${insZon}/toelating`));
  assert.equal(await count('SELECT count(*) AS n FROM gunning'), 0);
});

test('geen open house: toelating geweigerd (422), niets opgeslagen', async () => {
  const k = (
    await t.db.one<{
      id: string;
    }>(`INSERT INTO inkoopkader (organisatie_id, titel, jaar_van, jaar_tot, sector, regio_codes, procedure_type, fase, gepubliceerde_versie, publieke_versie, gepubliceerd_op)
    VALUES ('zk-cz', 'Openbaar 2026', 2026, 2026, 'VV', '{5527}', 'openbaar', 'beoordeling', 1, '{}', '2025-06-01T08:00:00Z') RETURNING id`)
  ).id;
  const i = (
    await t.db.one<{ id: string }>(
      `INSERT INTO inschrijving (kader_id, organisatie_id, status, kader_versie, regio_codes, ingediend_op) VALUES ($1,'za-demo-0001','ingediend',1,'{5527}','2025-07-01T10:00:00Z') RETURNING id`,
      [k],
    )
  ).id;
  const voor = await count('SELECT count(*) AS n FROM toelating');
  const r = await manager.post(`/api/v1/inkoop/inschrijvingen/${i}/toelating`, {});
  assert.equal(r.statusCode, 422);
  assert.equal(r.json().code, 'geen-open-house');
  assert.match(r.json().title, /openbare procedure/);
  assert.equal((await manager.get(`/api/v1/inkoop/kaders/${k}/toelatingen`)).statusCode, 422);
  assert.equal(await count('SELECT count(*) AS n FROM toelating'), voor);
});

test('OCDS van het open house-kader: toegelaten aanbieders als actieve awards met hun raamovereenkomst; geldig; geen afwijzingsgronden', async () => {
  const r = await t.anonymous.get(`/api/v1/inkoop/kaders/${kaderId}/ocds`);
  assert.equal(r.statusCode, 200);
  const pkg = r.json();
  const v = valideerOcds(pkg);
  assert.ok(v.ok, v.fouten.join('\n'));
  const rel = pkg.releases[0];
  assert.equal(rel.tender.procurementMethodDetails, 'Open house');
  assert.deepEqual(rel.awards.map((a: any) => [a.suppliers[0].id, a.status]).sort(), [
    ['za-demo-0001', 'active'],
    ['za-demo-0002', 'active'],
  ]);
  const tl = await t.db.query<{ id: string; overeenkomst_id: string }>(
    `SELECT id, overeenkomst_id FROM toelating WHERE kader_id = $1 AND besluit = 'toegelaten'`,
    [kaderId],
  );
  for (const x of tl) {
    const c = rel.contracts.find((k: any) => k.id === x.overeenkomst_id);
    assert.ok(c, 'contract bij de toelating');
    assert.equal(c.awardID, x.id);
    assert.ok(rel.awards.some((a: any) => a.id === x.id));
  }
  assert.equal(rel.contracts.find((c: any) => c.id === overeenkomstZon).status, 'active');
  assert.equal(
    rel.awards.find((a: any) => a.suppliers[0].id === 'za-demo-0001').contractPeriod.endDate,
    '2026-12-31T23:59:59+01:00',
  );
  assert.doesNotMatch(JSON.stringify(pkg), /Polis aansprakelijkheidsverzekering|Verklaring belastingdienst|KO2/);
});

test('CLI: zorginkoop inkoop toelatingen --kader (in het bestaande inkoop-commando)', async () => {
  const printed: unknown[] = [];
  const human: string[] = [];
  const out: Output = {
    json: false,
    result: (d, f) => {
      printed.push(d);
      if (f) human.push(f(d as any));
    },
    info: () => {},
    progress: () => Object.assign(async () => {}, { end: () => {} }) as any,
  } as Output;
  const cli = {
    run: async (_cmd: Command, fn: (ctx: typeof t.ctx, o: Output) => Promise<unknown>) => {
      await fn(t.ctx, out);
    },
  } as unknown as CliContext;
  const program = new Command().exitOverride();
  program.command('inkoop');
  openHouseCapability.cli!(program, cli);
  assert.equal(program.commands.filter((c) => c.name() === 'inkoop').length, 1);
  await program.parseAsync(['node', 'zorginkoop', 'inkoop', 'toelatingen', '--kader', kaderId]);
  const r: any = printed[0];
  assert.equal(r.aanbieders.length, 2);
  assert.ok(r.aanbieders.every((a: any) => a.toestand === 'toegelaten'));
  assert.match(
    human[0],
    new RegExp(`${naamHei.replace(/[()]/g, '\\$&')}.*toegelaten.*raamovereenkomst aangeboden \\(1 eerdere\\)`),
  );
});

test('na het sluiten van de toelating: geen toelating of heraanmelding meer; de auditketen is intact', async () => {
  assert.equal(
    (await inkoper.post(`/api/v1/inkoop/kaders/${kaderId}/overgangen`, { actie: 'toelating_sluiten' })).statusCode,
    200,
  );
  const r = await manager.post(`/api/v1/inkoop/inschrijvingen/${insHei}/toelating`, {});
  assert.equal(r.statusCode, 409);
  assert.equal(r.json().code, 'toelating-gesloten');
  assert.equal((await heideweg.post(`/api/v1/inkoop/inschrijvingen/${insHei}/heraanmelden`, {})).statusCode, 409);
  const acties = (
    await t.db.query<{ actie: string }>(
      `SELECT actie FROM audit_regel WHERE actie LIKE 'inkoop.toelating.%' ORDER BY volgnummer`,
    )
  ).map((x) => x.actie);
  assert.deepEqual(acties, [
    'inkoop.toelating.toegelaten',
    'inkoop.toelating.afgewezen',
    'inkoop.toelating.heraangemeld',
    'inkoop.toelating.toegelaten',
  ]);
  assert.equal((await verifyAudit(t.db)).ok, true);
});
