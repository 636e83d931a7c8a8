/**
 * Brontrouw (issue 10, items 1–4): who gets which contract, decided exactly as the sources say —
 * through the API and the TEMPLATES (wlz-2016, awbz-2008), as a zorgkantoor purchaser would, not
 * through the pure decision function.
 *
 * The rows of the 2016 decision table (Inkoopkader Langdurige Zorg 2016, §2.2.2–§2.2.4):
 *   R0 not (on time) submitted                      → no bid, no contract (submission refused after the deadline)
 *   R1 a toetredingseis not met                      → geen-overeenkomst, the requirement named
 *   R2 toetredingseisen met, no zelfanalyse + plan   → eenjarig-basistarief            (reproduction 1: new provider)
 *   R3 zelfanalyse + plan, plan not agreed           → eenjarig-basistarief
 *   R4 agreed plan, a two-year condition not met     → eenjarig-opslag                 (reproduction 2: verscherpt toezicht)
 *   R5 agreed plan and every two-year condition met  → tweejarig-opslag
 * and the 2008 gate (Kader zorginkoop 2008, §3.4: "De geschiktheideisen bepalen óf een contract wordt
 * aangegaan"), with the Kader 3.2 algemene gunningsvoorwaarden in the contract, not among the knock-outs.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp, type TestClient } from '../testing.ts';
import { lokaalNaarInstant } from '../domain/inkoop/timeline.ts';
import { pdfTekst } from './gunning/pdf.ts';
import { gegundePrijzen } from './index.ts';
import { verifyAudit } from '../platform/audit.ts';

let app: TestApp;
let inkoper: TestClient, beoordelaar: TestClient, beoordelaar2: TestClient, manager: TestClient;
let zonnehof: TestClient, heideweg: TestClient;
const NA_DEADLINE = lokaalNaarInstant('2025-07-31T17:01');
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')]);
let prestatieVerblijf = '';
let prestatieAnder = '';

/** The regional two-year conditions (G5), each with a kind the decision table computes. */
const REGIONAAL = [
  { code: 'R1', omschrijving: 'Bestaande zorgaanbieder', soort: 'klasse', klassen: ['bestaand'] },
  {
    code: 'R2',
    omschrijving: 'Geen fraudeonderzoek in de afgelopen vijf jaar',
    soort: 'geen-signalen',
    signaalSoorten: ['fraudeonderzoek'],
    jaren: 5,
  },
  { code: 'R3', omschrijving: 'Overeenkomst met het zorgkantoor in het jaar ervoor', soort: 'contractjaren', jaren: 1 },
];
const PARAGRAAF = (momenten: string[]) => ({
  tweejarigeVoorwaarden: REGIONAAL,
  basistarief: { perLeveringsvorm: { verblijf: '95' }, perPrestatie: { [prestatieAnder]: '96.5' } },
  opslagTabel: [
    { vanaf: '1', opslag: '0' },
    { vanaf: '3', opslag: '1.5' },
    { vanaf: '4', opslag: '2.5' },
  ],
  opslagMomenten: momenten,
});

function multipart(naam: string, inhoud: Buffer, velden: Record<string, string>) {
  const grens = '----bt' + Math.random().toString(16).slice(2);
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
  return { payload: Buffer.concat(delen), headers: { 'content-type': `multipart/form-data; boundary=${grens}` } };
}

/** A kader from a template, through the API; published. */
async function kader(sjabloon: string, sector: string, titel: string, paragraaf?: unknown): Promise<string> {
  app.setNow(lokaalNaarInstant('2025-06-02T10:00'));
  const r = await inkoper.post('/api/v1/inkoop/kaders', {
    titel,
    jaarVan: 2026,
    sector,
    regioCodes: ['5526', '5527'],
    procedureType: sjabloon === 'awbz-2008' ? 'openbaar' : 'dialoog',
    sjabloon,
  });
  assert.equal(r.statusCode, 201, r.body);
  const id = r.json().id;
  if (sjabloon === 'awbz-2008') {
    const tm = await inkoper.put(`/api/v1/inkoop/kaders/${id}/termijnen`, {
      termijnen: [{ fase: 'inschrijving', begint: '2025-06-01T09:00', eindigt: '2025-07-31T17:00' }],
    });
    assert.equal(tm.statusCode, 200, tm.body);
  }
  if (paragraaf) {
    const p = await inkoper.patch(`/api/v1/inkoop/kaders/${id}`, { regionaleParagraaf: paragraaf });
    assert.equal(p.statusCode, 200, p.body);
  }
  const pub = await inkoper.post(`/api/v1/inkoop/kaders/${id}/publiceren`, {});
  assert.equal(pub.statusCode, 200, pub.body);
  return id;
}

/** Starts a bid and answers every mandatory requirement of the bidder's class: yes/no "ja" unless overridden, documents uploaded. */
async function bied(c: TestClient, kaderId: string, nee: string[] = []): Promise<string> {
  app.setNow(lokaalNaarInstant('2025-07-10T12:00'));
  const s = await c.post(`/api/v1/inkoop/kaders/${kaderId}/inschrijving`);
  assert.equal(s.statusCode, 200, s.body);
  const id = s.json().id;
  const v = (await c.get(`/api/v1/inkoop/inschrijvingen/${id}`)).json();
  for (const e of v.eisen.filter((x: any) => x.vanToepassingOpMij && x.verplicht)) {
    if (e.soort === 'document') {
      const m = multipart(`${e.code}.pdf`, PDF, { eisCode: e.code });
      const u = await c.inject({
        method: 'POST',
        url: `/api/v1/inkoop/inschrijvingen/${id}/documenten`,
        payload: m.payload,
        headers: m.headers,
      });
      assert.equal(u.statusCode, 201, u.body);
    } else {
      const r = await c.put(`/api/v1/inkoop/inschrijvingen/${id}/antwoorden/${e.code}`, {
        waarde: e.soort === 'ja_nee' ? !nee.includes(e.code) : 'Geen onderaanneming.',
      });
      assert.equal(r.statusCode, 200, r.body);
    }
  }
  return id;
}

const ZA_VOLLEDIG = {
  huidigeAanpak: 'Beleid is vastgesteld en op alle locaties ingevoerd.',
  sterktes: 'Vaste teams, korte lijnen.',
  ontwikkelpunten: 'Dagbesteding en eigen regie.',
  ervaringClient: 'Cliëntenraad en cliëntervaringsonderzoek positief over bejegening.',
  niveau: 'Organisatie; verschillen tussen de locaties beschreven.',
  gegevens: 'Cliëntervaringsonderzoek 2024.',
};
const PLAN = {
  themas: ['3.2.3'],
  doelstelling: 'Meer eigen regie voor elke cliënt.',
  planVanAanpak: 'S: … M: … A: … R: … T: …',
  planning: '2026 Q1–Q4',
  investering: '40000.00',
  risicos: 'Personeelsverloop; beheerst door vaste teams.',
  resultaten: 'Elke cliënt een eigen ondersteuningsplan met eigen doelen.',
  bewijslast: 'Dossiercontrole per kwartaal.',
};

/** A careful zelfanalyse on every theme of the kader and a draft plan, as part of the bid. */
async function zelfanalyseEnVoorstel(c: TestClient, id: string, themas: string[]) {
  for (const th of themas) {
    const r = await c.put(`/api/v1/inkoop/inschrijvingen/${id}/zelfanalyse/${th}`, {
      ...ZA_VOLLEDIG,
      inOntwikkelplan: th === '3.2.3',
    });
    assert.equal(r.statusCode, 200, r.body);
  }
  const p = await c.put(`/api/v1/inkoop/inschrijvingen/${id}/ontwikkelplan`, {
    themas: PLAN.themas,
    doelstelling: PLAN.doelstelling,
    planVanAanpak: PLAN.planVanAanpak,
  });
  assert.equal(p.statusCode, 200, p.body);
}

const dienIn = async (c: TestClient, id: string) => {
  const r = await c.post(`/api/v1/inkoop/inschrijvingen/${id}/indienen`);
  assert.equal(r.statusCode, 200, r.body);
};

/** After the deadline: NvI, close, and start the dialogue (2016) or the assessment (2008). */
async function sluit(kaderId: string, volgende: 'dialoog_starten' | 'beoordeling_starten') {
  app.setNow(lokaalNaarInstant('2025-07-20T12:00'));
  if ((await inkoper.get(`/api/v1/inkoop/kaders/${kaderId}`)).json().fase === 'vragenronde') {
    const n = await inkoper.post(`/api/v1/inkoop/kaders/${kaderId}/nvi`);
    assert.equal(n.statusCode, 200, n.body);
  }
  app.setNow(NA_DEADLINE);
  for (const actie of ['inschrijving_sluiten', volgende]) {
    const r = await inkoper.post(`/api/v1/inkoop/kaders/${kaderId}/overgangen`, { actie });
    assert.equal(r.statusCode, 200, `${actie}: ${r.body}`);
  }
}

async function scoorEnStelVast(id: string, scores: unknown[]) {
  const s = await beoordelaar.put(`/api/v1/inkoop/inschrijvingen/${id}/beoordeling`, { scores });
  assert.equal(s.statusCode, 200, s.body);
  const b = await beoordelaar2.post(`/api/v1/inkoop/inschrijvingen/${id}/beoordeling/besluit`, {
    besluit: 'vastgesteld',
    motivatie: 'Eens met de beoordeling',
  });
  assert.equal(b.statusCode, 200, b.body);
  return s.json();
}

const F_SCORES = [
  { criteriumCode: 'F1', score: '4', motivatie: 'Concreet effect voor de cliënt' },
  { criteriumCode: 'F2', score: '4', motivatie: 'Past bij omvang' },
  { criteriumCode: 'F3', score: '3', motivatie: 'Planning krap' },
];
const GZ_THEMAS = ['3.1', '3.2.1', '3.2.2', '3.2.3', '3.2.4', '3.3.1', '3.3.2', '3.3.3'];
const ok = (code: string) => ({ criteriumCode: code, voldaan: true, motivatie: `${code} aangetoond` });

before(async () => {
  app = await createTestApp();
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
  const db = app.db;
  // GZ prestaties with EXAMPLE NZa maximum tariffs for 2026 (never real NZa figures)
  // two GZ verblijf prestaties: the first at the leveringsvorm's basistarief, the second with its own (per prestatie)
  const p = await db.query<{ code: string }>(
    `SELECT code FROM prestatie WHERE sector = 'GZ' AND leveringsvorm = 'verblijf' ORDER BY code LIMIT 2`,
  );
  prestatieVerblijf = p[0].code;
  prestatieAnder = p[1].code;
  const imp = await db.one<{ id: string }>(
    `INSERT INTO nza_tarief_import (bestandsnaam, sha256, jaar, regels, voorbeeld, bron) VALUES ('voorbeeld-2026.csv','x',2026,2,true,'VOORBEELD, geen NZa-cijfers') RETURNING id`,
  );
  await db.query(
    `INSERT INTO nza_tarief (prestatie_code, jaar, tarief, import_id) VALUES ($1, 2026, '200.00', $3), ($2, 2026, '87.40', $3)`,
    [prestatieVerblijf, prestatieAnder, imp.id],
  );
  // Zonnehof: an existing GZ provider (contract with production in 2025 in each of its regions); Heideweg: no GZ history.
  await db.query(`DELETE FROM realisatie WHERE organisatie_id = 'za-demo-0002' AND jaar = 2025`);
  await db.query(`DELETE FROM productieafspraak WHERE organisatie_id = 'za-demo-0002' AND jaar = 2025`);
  const regios = await db.query<{ regio_code: string }>(
    `SELECT DISTINCT regio_code FROM locatie WHERE organisatie_id = 'za-demo-0001' AND regio_code IN ('5526','5527')`,
  );
  for (const { regio_code } of regios) {
    await db.query(
      `INSERT INTO productieafspraak (jaar, regio_code, organisatie_id, sector, prestatie_code, prijs, volume, bedrag) VALUES (2025,$1,'za-demo-0001','GZ',$2,'100.00','10','1000.00') ON CONFLICT DO NOTHING`,
      [regio_code, prestatieVerblijf],
    );
    await db.query(
      `INSERT INTO realisatie (jaar, maand, regio_code, organisatie_id, prestatie_code, clienten, volume, bedrag) VALUES (2025,1,$1,'za-demo-0001',$2,3,'5','500.00') ON CONFLICT DO NOTHING`,
      [regio_code, prestatieVerblijf],
    );
  }
  await db.query(
    `UPDATE locatie SET inspectie_status = 'normaal' WHERE organisatie_id IN ('za-demo-0001','za-demo-0002')`,
  );
});
after(async () => {
  await app?.close();
});

// ───────────────────────────── Bad input on the regional paragraph ─────────────────────────────

test('regionale paragraaf: een basistarief waarmee de prijs boven het NZa-maximum kan komen, en een opslag boven 3% in de tabel, worden geweigerd met regel en bron', async () => {
  app.setNow(lokaalNaarInstant('2025-06-02T10:00'));
  const k = await inkoper.post('/api/v1/inkoop/kaders', {
    titel: 'Paragraaftoets GZ 2026',
    jaarVan: 2026,
    sector: 'GZ',
    regioCodes: ['5527'],
    procedureType: 'dialoog',
    sjabloon: 'wlz-2016',
  });
  const r = await inkoper.patch(`/api/v1/inkoop/kaders/${k.json().id}`, {
    regionaleParagraaf: {
      basistarief: { perLeveringsvorm: { verblijf: '99' } },
      opslagTabel: [{ vanaf: '3', opslag: '3.5' }],
      opslagMomenten: ['initieel', 'kerst'],
    },
  });
  assert.equal(r.statusCode, 422);
  assert.equal(r.headers['content-type'], 'application/problem+json; charset=utf-8');
  const f = (w: string) => r.json().fouten.find((x: any) => x.waar === w);
  assert.match(f('regionaleParagraaf.basistarief.perLeveringsvorm.verblijf').wat, /boven het NZa-maximumtarief/);
  assert.match(
    f('regionaleParagraaf.basistarief.perLeveringsvorm.verblijf').wat,
    /Inkoopkader Langdurige Zorg 2016, §2\.2\.4 "Bepaling van de prijs"/,
  );
  assert.match(f('regionaleParagraaf.basistarief.perLeveringsvorm.verblijf').actie, /ten hoogste 97\.08%/);
  assert.match(f('regionaleParagraaf.opslagTabel[0].opslag').wat, /landelijke maximum van 3%/);
  assert.match(f('regionaleParagraaf.opslagMomenten[1]').actie, /initieel, herschikking, nacalculatie/);
  assert.doesNotMatch(r.body, /seed|digest/i);
  assert.deepEqual((await inkoper.get(`/api/v1/inkoop/kaders/${k.json().id}`)).json().regionaleParagraaf, {});
});

// ───────────────────────────── Themes belong to a sector ─────────────────────────────

test("thema's: een V&V-kader gebruikt de GZ-thema's van het sjabloon niet; GZ-thema's instellen of gebruiken wordt geweigerd met regel en bron", async () => {
  app.setNow(lokaalNaarInstant('2025-06-02T10:00'));
  const k = await inkoper.post('/api/v1/inkoop/kaders', {
    titel: 'Thematoets V&V 2026',
    jaarVan: 2026,
    sector: 'VV',
    regioCodes: ['5527'],
    procedureType: 'dialoog',
    sjabloon: 'wlz-2016',
  });
  const id = k.json().id;
  const th = (await inkoper.get(`/api/v1/inkoop/kaders/${id}/themas`)).json();
  assert.deepEqual(th.themas, []);
  assert.equal(th.uitgesloten.length, 8);
  assert.match(th.uitgesloten[0].reden, /hoort bij sector GZ.*Inkoopkader Langdurige Zorg 2016 \(GZ\), hoofdstuk 3/i);
  const gz = (await inkoper.get('/api/v1/inkoop/themas')).json();
  const fout = await inkoper.put(`/api/v1/inkoop/kaders/${id}/themas`, { themas: [gz[2]] });
  assert.equal(fout.statusCode, 422);
  assert.equal(fout.json().code, 'inkoop.kwaliteitsthema.sector.v1');
  assert.match(fout.json().title, /hoort bij sector GZ \(bron: Inkoopkader Langdurige Zorg 2016 \(GZ\)/);
  assert.match(fout.json().title, /dit inkoopkader is voor sector VV/);
  // V&V themes with their own source are accepted
  const eigen = await inkoper.put(`/api/v1/inkoop/kaders/${id}/themas`, {
    themas: [{ code: 'VV-1', naam: 'Persoonsgerichte zorg', bron: 'Regionale paragraaf CZ 2026, §2', sector: 'VV' }],
  });
  assert.equal(eigen.statusCode, 200, eigen.body);
  assert.deepEqual(
    eigen.json().themas.map((x: any) => x.code),
    ['VV-1'],
  );
  const pub = await inkoper.post(`/api/v1/inkoop/kaders/${id}/publiceren`, {});
  assert.equal(pub.statusCode, 200, pub.body);
  app.setNow(lokaalNaarInstant('2025-07-10T12:00'));
  const ins = (await zonnehof.post(`/api/v1/inkoop/kaders/${id}/inschrijving`)).json().id;
  const za = await zonnehof.put(`/api/v1/inkoop/inschrijvingen/${ins}/zelfanalyse/3.2.1`, ZA_VOLLEDIG);
  assert.equal(za.statusCode, 422, za.body);
  assert.equal(za.json().code, 'inkoop.kwaliteitsthema.sector.v1');
  assert.equal(
    (await zonnehof.put(`/api/v1/inkoop/inschrijvingen/${ins}/zelfanalyse/VV-1`, ZA_VOLLEDIG)).statusCode,
    200,
  );
  // after publication the themes are fixed
  assert.equal((await inkoper.put(`/api/v1/inkoop/kaders/${id}/themas`, { themas: null })).statusCode, 409);
});

// ───────────────────────────── 2016: R2/R4 (the two reproductions) and R1/R5 ─────────────────────────────

let k1 = '',
  k2 = '';
let k1Heideweg = '',
  k1Zonnehof = '',
  k2Heideweg = '',
  k2Zonnehof = '';

test('inschrijven via het sjabloon wlz-2016: een "nee" op een verplichte toetredingseis geeft vooraf een waarschuwing', async () => {
  k1 = await kader('wlz-2016', 'GZ', 'Brontrouw GZ 2026 – K1', PARAGRAAF(['initieel']));
  k2 = await kader('wlz-2016', 'GZ', 'Brontrouw GZ 2026 – K2', PARAGRAAF(['herschikking', 'nacalculatie']));
  const k = (await inkoper.get(`/api/v1/inkoop/kaders/${k1}`)).json();
  // G1–G4 are computed conditions, not criteria; the toetredingseisen are the gate
  assert.deepEqual(
    k.eisen.filter((e: any) => /^G[1-4]$/.test(e.code)).map((e: any) => e.groep),
    ['tweejarige_voorwaarde', 'tweejarige_voorwaarde', 'tweejarige_voorwaarde', 'tweejarige_voorwaarde'],
  );
  assert.equal(k.eisen.filter((e: any) => e.groep === 'gunningscriterium_knockout').length, 0);

  // K1: Heideweg, entirely new, meets the toetredingseisen, no zelfanalyse or plan (reproduction 1)
  k1Heideweg = await bied(heideweg, k1);
  const vh = (await heideweg.get(`/api/v1/inkoop/inschrijvingen/${k1Heideweg}`)).json();
  assert.equal(vh.classificatie.klasse, 'geheel_nieuw');
  assert.deepEqual(vh.waarschuwingen, []);
  await dienIn(heideweg, k1Heideweg);
  // K1: Zonnehof, existing, a careful zelfanalyse on every GZ theme and a draft plan (reproduction 2)
  k1Zonnehof = await bied(zonnehof, k1);
  await zelfanalyseEnVoorstel(zonnehof, k1Zonnehof, GZ_THEMAS);
  assert.equal(
    (await zonnehof.get(`/api/v1/inkoop/inschrijvingen/${k1Zonnehof}`)).json().classificatie.klasse,
    'bestaand',
  );
  await dienIn(zonnehof, k1Zonnehof);

  // K2: Heideweg answers "nee" on A5 (crisis care): warned before submitting, submission still possible
  k2Heideweg = await bied(heideweg, k2, ['A5']);
  const w = (await heideweg.get(`/api/v1/inkoop/inschrijvingen/${k2Heideweg}`)).json().waarschuwingen;
  assert.equal(w.length, 1);
  assert.equal(w[0].code, 'A5');
  assert.match(w[0].wat, /"nee" op A5.*toetredingseis.*geen overeenkomst \(Inkoopkader Langdurige Zorg 2016, §2\.2\.2/);
  await dienIn(heideweg, k2Heideweg);
  k2Zonnehof = await bied(zonnehof, k2);
  await zelfanalyseEnVoorstel(zonnehof, k2Zonnehof, GZ_THEMAS);
  await dienIn(zonnehof, k2Zonnehof);
});

test('dialoog: de aanbieder biedt het plan definitief aan (zonder cliëntenraad: waarschuwing, geen stop); het zorgkantoor stemt in', async () => {
  await sluit(k1, 'dialoog_starten');
  await sluit(k2, 'dialoog_starten');
  for (const id of [k1Zonnehof, k2Zonnehof]) {
    assert.equal((await zonnehof.put(`/api/v1/inkoop/inschrijvingen/${id}/ontwikkelplan`, PLAN)).statusCode, 200);
    const d = await zonnehof.post(`/api/v1/inkoop/inschrijvingen/${id}/ontwikkelplan/definitief`);
    assert.equal(d.statusCode, 200, d.body);
    assert.equal(d.json().waarschuwingen[0]?.code, 'D6');
    assert.match(d.json().waarschuwingen[0].wat, /Wij vragen zorgaanbieders/);
    // only the zorgkantoor agrees: not the provider, not an assessor
    assert.equal(
      (await zonnehof.post(`/api/v1/inkoop/inschrijvingen/${id}/ontwikkelplan/akkoord`, {})).statusCode,
      403,
    );
    assert.equal(
      (await beoordelaar.post(`/api/v1/inkoop/inschrijvingen/${id}/ontwikkelplan/akkoord`, {})).statusCode,
      403,
    );
    const a = await manager.post(`/api/v1/inkoop/inschrijvingen/${id}/ontwikkelplan/akkoord`, {
      toelichting: 'Besproken in de dialoog',
    });
    assert.equal(a.statusCode, 200, a.body);
    assert.equal(a.json().status, 'akkoord');
    assert.equal(a.json().waarschuwingen[0].code, 'D6', 'the absent cliëntenraad is shown, not a stop');
    assert.match(a.json().planSha256, /^[0-9a-f]{64}$/);
    // agreed is fixed
    assert.equal(
      (await zonnehof.put(`/api/v1/inkoop/inschrijvingen/${id}/ontwikkelplan`, { planning: 'later' })).statusCode,
      409,
    );
  }
  const audit = await app.db.query<any>(
    `SELECT actie, regel FROM audit_regel WHERE onderwerp_id = $1 AND actie LIKE 'inkoop.ontwikkelplan.%' ORDER BY volgnummer`,
    [k1Zonnehof],
  );
  assert.deepEqual(audit.map((x) => x.actie).slice(-2), [
    'inkoop.ontwikkelplan.definitief',
    'inkoop.ontwikkelplan.akkoord',
  ]);
});

test('beoordeling: ja/nee-toetredingseisen automatisch, documenten door de beoordelaar; G1–G4 zijn geen criteria maar staan alleen-lezen met bron', async () => {
  const d = (await beoordelaar.get(`/api/v1/inkoop/inschrijvingen/${k1Zonnehof}/beoordeling`)).json();
  const codes = d.criteria.map((c: any) => c.code);
  assert.deepEqual(codes, ['A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8', 'A9', 'A11', 'F1', 'F2', 'F3']);
  assert.ok(!codes.some((c: string) => /^G/.test(c)));
  assert.equal(d.criteria.find((c: any) => c.code === 'A2').automatisch, null);
  assert.match(d.criteria.find((c: any) => c.code === 'A2').bron, /^Inkoopkader Langdurige Zorg 2016, §2\.2\.2/);
  assert.equal(d.criteria.find((c: any) => c.code === 'A3').automatisch.voldaan, true);
  assert.deepEqual(
    d.voorwaarden.tweejarig.map((v: any) => [v.code, v.voldaan]),
    [
      ['G1', true],
      ['G2', true],
      ['G3', true],
      ['G4', true],
      ['G5:R1', true],
      ['G5:R2', true],
      ['G5:R3', true],
    ],
  );
  assert.match(d.voorwaarden.tweejarig[0].bron, /Inkoopkader Langdurige Zorg 2016, §2\.2\.4/);
  // the regional conditions are computed, each with the data it used and its source
  const r = (c: string) => d.voorwaarden.tweejarig.find((v: any) => v.code === c);
  assert.deepEqual(r('G5:R1').gebruikt, { soort: 'klasse', klasse: 'bestaand', klassen: ['bestaand'] });
  assert.match(r('G5:R1').bron, /Regionale paragraaf van het zorgkantoor.*gegevens: classificatie van de inschrijving/);
  assert.match(r('G5:R2').toelichting, /Geen fraudeonderzoek tussen 20\d\d-\d\d-\d\d en /);
  assert.match(r('G5:R2').bron, /signalenregister/);
  assert.deepEqual(r('G5:R3').gebruikt.vereisteJaren, [2025]);
  assert.match(r('G5:R3').gebruikt.gevonden[0].herkomst[0], /^productieafspraak 552[67] GZ$/);
  assert.equal(d.ontwikkelplan.akkoord, true);
  assert.equal(d.ontwikkelplan.zelfanalyseZorgvuldig, true);
  // Heideweg (no plan): F1–F3 are not scored; B5 (evidence for new providers) is judged by the assessor
  const dh = (await beoordelaar.get(`/api/v1/inkoop/inschrijvingen/${k1Heideweg}/beoordeling`)).json();
  assert.deepEqual(
    dh.criteria.filter((c: any) => !c.automatisch).map((c: any) => c.code),
    ['A2', 'B5'],
  );
  // a G criterion cannot be scored
  const g = await beoordelaar.put(`/api/v1/inkoop/inschrijvingen/${k1Zonnehof}/beoordeling`, {
    scores: [ok('A2'), ...F_SCORES, ok('G1')],
  });
  assert.equal(g.statusCode, 422);
  assert.match(g.json().title, /G1 is niet gepubliceerd/);
  // an automatic "nee" cannot be turned around by an assessor
  const om = await beoordelaar.put(`/api/v1/inkoop/inschrijvingen/${k2Heideweg}/beoordeling`, {
    scores: [ok('A2'), ok('B5'), ok('A5')],
  });
  assert.equal(om.statusCode, 422);
  assert.equal(om.json().code, 'inkoop.toetreding.poort.v1');
  assert.match(om.json().title, /A5 is automatisch beoordeeld .*niet voldaan/);

  const s = await scoorEnStelVast(k1Zonnehof, [ok('A2'), ...F_SCORES]);
  assert.equal(s.uitslag.totaal, '3.70'); // (4×40 + 4×30 + 3×30) / 100
  await scoorEnStelVast(k1Heideweg, [ok('A2'), ok('B5')]);
  const k2h = await scoorEnStelVast(k2Heideweg, [ok('A2'), ok('B5')]);
  assert.deepEqual(
    k2h.uitslag.knockOut.map((x: any) => x.code),
    ['A5'],
  );
  await scoorEnStelVast(k2Zonnehof, [ok('A2'), ...F_SCORES]);
  const auto = await app.db.one<{ n: number }>(
    `SELECT count(*) AS n FROM beoordeling b JOIN eis e ON e.id = b.eis_id WHERE b.inschrijving_id = $1 AND b.automatisch AND e.code = 'A5' AND NOT b.voldoet`,
    [k2Heideweg],
  );
  assert.equal(Number(auto.n), 1);
});

let k2ZonnehofGunning = '';
test('R5: plan akkoord en alle voorwaarden → tweejarig met de voorgestelde opslag; afwijken alleen gemotiveerd, nooit boven de tabel of 3%', async () => {
  const url = `/api/v1/inkoop/inschrijvingen/${k2Zonnehof}/gunning/voorlopig`;
  const d = (await manager.get(`/api/v1/inkoop/inschrijvingen/${k2Zonnehof}/beoordeling`)).json();
  assert.equal(d.opslagVoorstel.opslag, '1.50');
  assert.equal(d.opslagVoorstel.tabelMaximum, '2.50');
  const f5 = await manager.post(url, { opslagPercentage: '3.5', motivatie: 'x' });
  assert.equal(f5.statusCode, 422);
  assert.equal(f5.json().code, 'F5');
  assert.match(f5.json().title, /landelijke maximum van 3%.*Inkoopkader Langdurige Zorg 2016, §2\.2\.4/);
  const tabel = await manager.post(url, { opslagPercentage: '2.8', motivatie: 'x' });
  assert.equal(tabel.statusCode, 422);
  assert.match(tabel.json().title, /hoogste opslag van de opslagtabel in de regionale paragraaf \(2\.50%\)/);
  const zonder = await manager.post(url, { opslagPercentage: '2' });
  // the manager no longer ticks the regional conditions: the field is refused by name
  const vink = await manager.post(url, { opslagPercentage: '2', regionaalVoldaan: { R1: true }, motivatie: 'x' });
  assert.equal(vink.statusCode, 400, vink.body);
  assert.equal(vink.json().fouten[0].waar, 'regionaalVoldaan');
  assert.match(vink.json().title, /beslistabel berekent ze/);
  assert.equal(zonder.statusCode, 422);
  assert.equal(zonder.json().code, 'inkoop.gunning.opslag.v1');
  assert.match(zonder.json().title, /wijkt af van het voorstel uit de opslagtabel \(1\.50%\) zonder motivatie/);
  assert.equal(Number((await app.db.one<{ n: number }>('SELECT count(*) AS n FROM gunning')).n), 0, 'nothing stored');
  const g = await manager.post(url, {
    opslagPercentage: '2',
    motivatie: 'Ambitieus plan; de cliëntenraad wordt alsnog betrokken',
  });
  assert.equal(g.statusCode, 200, g.body);
  assert.equal(g.json().uitkomst, 'tweejarig-opslag');
  assert.equal(g.json().opslagPercentage, '2.00');
  // every regional condition computed and met → two years
  assert.deepEqual(
    g
      .json()
      .redenen.filter((x: any) => x.code.startsWith('G5:'))
      .map((x: any) => [x.code, x.voldaan]),
    [
      ['G5:R1', true],
      ['G5:R2', true],
      ['G5:R3', true],
    ],
  );
  k2ZonnehofGunning = g.json().gunningId;
  const row = await app.db.one<any>(
    'SELECT opslag_voorstel::text AS v, opslag_motivatie, prijzen FROM gunning WHERE id = $1',
    [k2ZonnehofGunning],
  );
  assert.equal(row.v, '1.50');
  assert.match(row.opslag_motivatie, /Ambitieus plan/);
  // moments herschikking + nacalculatie: the initial prices are the basistarief; the letter says when the opslag comes
  const verblijf = row.prijzen.prijzen.find((p: any) => p.prestatieCode === prestatieVerblijf);
  assert.deepEqual(
    [verblijf.basistarief, verblijf.opslagPct, verblijf.prijs, verblijf.maxTariefZk],
    ['190.00', '0.00', '190.00', '195.70'],
  );
  const brief = pdfTekst(
    (await manager.get(`/api/v1/inkoop/gunningsdocumenten/${g.json().briefDocumentId}`)).rawPayload,
  );
  assert.match(brief, /herschikking, nacalculatie/);
  assert.match(brief, /voorbeeldcijfers/);
});

test('R1: een "nee" op een verplichte toetredingseis → geen overeenkomst, de eis genoemd', async () => {
  const g = await manager.post(`/api/v1/inkoop/inschrijvingen/${k2Heideweg}/gunning/voorlopig`, {});
  assert.equal(g.statusCode, 200, g.body);
  assert.equal(g.json().uitkomst, 'geen-overeenkomst');
  assert.match(g.json().redenen.find((r: any) => r.code === 'A-toetreding').toelichting, /Niet voldaan aan: A5 /);
});

test('R2 (reproductie 1): een geheel nieuwe aanbieder die aan de toetredingseisen voldoet, zonder ontwikkelplan → eenjarig tegen het basistarief', async () => {
  const g = await manager.post(`/api/v1/inkoop/inschrijvingen/${k1Heideweg}/gunning/voorlopig`, {});
  assert.equal(g.statusCode, 200, g.body);
  assert.equal(g.json().uitkomst, 'eenjarig-basistarief');
  assert.equal(g.json().opslagPercentage, '0.00');
  const r = (c: string) => g.json().redenen.find((x: any) => x.code === c);
  assert.equal(r('A-toetreding').voldaan, true);
  assert.equal(r('G4').voldaan, false, 'G4 is reported, but only decides about two years');
});

test('R4 (reproductie 2): bestaande aanbieder met akkoord plan en één locatie onder verscherpt toezicht → eenjarig met opslag', async () => {
  const loc = await app.db.one<{ id: string; naam: string }>(
    `SELECT id, naam FROM locatie WHERE organisatie_id = 'za-demo-0001' ORDER BY naam LIMIT 1`,
  );
  const s = await inkoper.post('/api/v1/inkoop/signalen', {
    aanbiederId: 'za-demo-0001',
    locatieId: loc.id,
    soort: 'verscherpt_toezicht',
    bron: 'IGJ-rapport (voorbeeld)',
    datumVan: '2025-03-01',
  });
  assert.equal(s.statusCode, 201, s.body);
  const d = (await beoordelaar.get(`/api/v1/inkoop/inschrijvingen/${k1Zonnehof}/beoordeling`)).json();
  const g1 = d.voorwaarden.tweejarig.find((v: any) => v.code === 'G1');
  assert.equal(g1.voldaan, false, 'shown read-only to the assessor, computed from the signalenregister');
  assert.match(g1.toelichting, new RegExp(loc.naam));
  const g = await manager.post(`/api/v1/inkoop/inschrijvingen/${k1Zonnehof}/gunning/voorlopig`, {});
  assert.equal(g.statusCode, 200, g.body);
  assert.equal(g.json().uitkomst, 'eenjarig-opslag');
  assert.equal(g.json().opslagPercentage, '1.50', 'proposed from the score 3.70 by the table');
  assert.equal(g.json().looptijdJaren, 1);
  // moment initieel: the price includes the opslag: 190.00 × 1.015 = 192.85; 87.40 × 96.5% = 84.34 × 1.015 = 85.60 (down to cents)
  const brief = pdfTekst(
    (await manager.get(`/api/v1/inkoop/gunningsdocumenten/${g.json().briefDocumentId}`)).rawPayload,
  );
  assert.match(brief, /€ 192,85/);
  assert.match(brief, /€ 85,60/);
  assert.match(brief, /Tariefopslag op het basistarief: 1,50%/);
});

test('definitief: de overeenkomst noemt de prijzen; de opslag wordt toegekend op de momenten van de regionale paragraaf; gegundePrijzen leest ze', async () => {
  const v = await app.db.one<{ bezwaar_tot: Date }>('SELECT bezwaar_tot FROM gunning WHERE id = $1', [
    k2ZonnehofGunning,
  ]);
  app.setNow(new Date(new Date(v.bezwaar_tot).getTime() + 60_000));
  const d = await manager.post(`/api/v1/inkoop/inschrijvingen/${k2Zonnehof}/gunning/definitief`, {});
  assert.equal(d.statusCode, 200, d.body);
  const okId = d.json().overeenkomstId;
  const ok0 = (await manager.get(`/api/v1/inkoop/gunningen/${d.json().gunningId}`)).json().overeenkomst;
  const pdf = pdfTekst((await manager.get(`/api/v1/inkoop/gunningsdocumenten/${ok0.documentId}`)).rawPayload);
  assert.match(pdf, /tweejarige overeenkomst/);
  assert.match(pdf, /€ 190,00/);
  let p = (await gegundePrijzen(app.db, okId))!;
  assert.equal(p.opslagAfgesproken, '2.00');
  assert.equal(p.opslagToegekend, '0.00');
  assert.equal(p.prijzen.find((x) => x.prestatieCode === prestatieVerblijf)!.prijs, '190.00');
  // initieel is not a later moment; a moment the paragraph does not name is refused
  const url = `/api/v1/inkoop/overeenkomsten/${okId}/opslag-toekenning`;
  assert.equal((await manager.post(url, { moment: 'initieel', percentage: '1' })).statusCode, 422);
  const h = await manager.post(url, {
    moment: 'herschikking',
    percentage: '1',
    motivatie: 'Voortgang Q1–Q2 op schema',
  });
  assert.equal(h.statusCode, 200, h.body);
  assert.equal(h.json().prijzen.find((x: any) => x.prestatieCode === prestatieVerblijf).prijs, '191.90');
  const teVeel = await manager.post(url, { moment: 'nacalculatie', percentage: '1.5' });
  assert.equal(teVeel.statusCode, 422);
  assert.match(teVeel.json().title, /meer dan de bij de gunning afgesproken opslag van 2\.00%/);
  assert.equal((await manager.post(url, { moment: 'nacalculatie', percentage: '1' })).statusCode, 200);
  assert.equal((await manager.post(url, { moment: 'nacalculatie', percentage: '0' })).statusCode, 409);
  p = (await gegundePrijzen(app.db, okId))!;
  assert.deepEqual(
    p.toekenningen.map((x) => [x.moment, x.percentage, x.cumulatief]),
    [
      ['herschikking', '1.00', '1.00'],
      ['nacalculatie', '1.00', '2.00'],
    ],
  );
  assert.equal(p.prijzen.find((x) => x.prestatieCode === prestatieVerblijf)!.prijs, '193.80');
  assert.ok(p.prijzen.every((x) => x.voorbeeld));
  // the provider reads its own prices; another provider gets 404
  assert.equal((await zonnehof.get(`/api/v1/inkoop/overeenkomsten/${okId}/prijzen`)).statusCode, 200);
  assert.equal((await heideweg.get(`/api/v1/inkoop/overeenkomsten/${okId}/prijzen`)).statusCode, 404);
  // K1 has moment initieel: the contract's prices include the opslag at once
  const v1 = await app.db.one<{ id: string }>(
    `SELECT id FROM gunning WHERE inschrijving_id = $1 AND soort = 'voorlopig'`,
    [k1Zonnehof],
  );
  assert.ok(v1);
  const d1 = await manager.post(`/api/v1/inkoop/inschrijvingen/${k1Zonnehof}/gunning/definitief`, {});
  assert.equal(d1.statusCode, 200, d1.body);
  const p1 = (await gegundePrijzen(app.db, d1.json().overeenkomstId))!;
  assert.deepEqual(
    p1.toekenningen.map((x) => [x.moment, x.cumulatief]),
    [['initieel', '1.50']],
  );
  assert.equal(p1.prijzen.find((x) => x.prestatieCode === prestatieVerblijf)!.prijs, '192.85');
  assert.ok((await verifyAudit(app.db)).ok);
});

// ───────────────────────────── R0 and R3 ─────────────────────────────

test('R0 en R3: na de sluitingstermijn indienen kan niet; een teruggestuurd plan geeft geen opslag; akkoord op een onvolledig plan wordt geweigerd', async () => {
  const k3 = await kader('wlz-2016', 'GZ', 'Brontrouw GZ 2026 – K3', PARAGRAAF(['initieel']));
  const z = await bied(zonnehof, k3);
  // a zelfanalyse on ONE theme only: not careful
  await zelfanalyseEnVoorstel(zonnehof, z, ['3.2.3']);
  assert.match(
    (await zonnehof.get(`/api/v1/inkoop/inschrijvingen/${z}`)).json().waarschuwingen.find((w: any) => w.code === 'C')
      .wat,
    /niet zorgvuldig: Thema 3\.1 .* is niet geanalyseerd/,
  );
  await dienIn(zonnehof, z);
  const h = await bied(heideweg, k3);
  await sluit(k3, 'dialoog_starten');
  // R0: after the deadline a bid is not submitted
  const laat = await heideweg.post(`/api/v1/inkoop/inschrijvingen/${h}/indienen`);
  assert.equal(laat.statusCode, 409);
  assert.match(laat.json().title, /inkoop\.deadline\.inschrijving/);
  const overzicht = (await beoordelaar.get(`/api/v1/inkoop/kaders/${k3}/beoordelingen`)).json();
  assert.deepEqual(
    overzicht.inschrijvingen.map((x: any) => x.aanbiederId),
    ['za-demo-0001'],
  );

  assert.equal((await zonnehof.put(`/api/v1/inkoop/inschrijvingen/${z}/ontwikkelplan`, PLAN)).statusCode, 200);
  assert.equal((await zonnehof.post(`/api/v1/inkoop/inschrijvingen/${z}/ontwikkelplan/definitief`)).statusCode, 200);
  // agreeing: the zelfanalyse is not careful (7 themes missing)
  const za = await inkoper.post(`/api/v1/inkoop/inschrijvingen/${z}/ontwikkelplan/akkoord`, {});
  assert.equal(za.statusCode, 422);
  assert.equal(za.json().code, 'inkoop.zelfanalyse.zorgvuldig.v1');
  assert.match(za.json().title, /Inkoopkader Langdurige Zorg 2016, §2\.2\.3/);
  // agreeing on a plan that misses an element (e.g. offered before the elements were checked) is refused, E7 named
  await app.db.query(`UPDATE ontwikkelplan SET bewijslast = NULL WHERE inschrijving_id = $1`, [z]);
  const e7 = await inkoper.post(`/api/v1/inkoop/inschrijvingen/${z}/ontwikkelplan/akkoord`, {});
  assert.equal(e7.statusCode, 422);
  assert.equal(e7.json().code, 'inkoop.ontwikkelplan.akkoord.v1');
  assert.match(e7.json().title, /mist E7/);
  assert.equal(
    (await app.db.one<any>('SELECT status FROM ontwikkelplan WHERE inschrijving_id = $1', [z])).status,
    'definitief',
  );
  // sending back needs a reason
  const zonder = await inkoper.post(`/api/v1/inkoop/inschrijvingen/${z}/ontwikkelplan/terugsturen`, { reden: ' ' });
  assert.equal(zonder.statusCode, 422);
  const terug = await inkoper.post(`/api/v1/inkoop/inschrijvingen/${z}/ontwikkelplan/terugsturen`, {
    reden: 'De bewijslast ontbreekt en de zelfanalyse dekt maar één thema.',
  });
  assert.equal(terug.statusCode, 200, terug.body);
  const view = (await zonnehof.get(`/api/v1/inkoop/inschrijvingen/${z}`)).json();
  assert.equal(view.ontwikkelplan.status, 'voorstel');
  assert.match(view.ontwikkelplan.teruggestuurdReden, /bewijslast ontbreekt/);
  const zk = (await inkoper.get(`/api/v1/inkoop/inschrijvingen/${z}/ontwikkelplan/beoordeling`)).json();
  assert.deepEqual(
    zk.besluiten.map((b: any) => b.besluit),
    ['teruggestuurd'],
  );
  // R3: zelfanalyse and plan, but no agreement → one year at the basistarief; an opslag asked for lapses
  await scoorEnStelVast(z, [ok('A2'), ...F_SCORES]);
  const g = await manager.post(`/api/v1/inkoop/inschrijvingen/${z}/gunning/voorlopig`, { opslagPercentage: '2' });
  assert.equal(g.statusCode, 200, g.body);
  assert.equal(g.json().uitkomst, 'eenjarig-basistarief');
  assert.equal(g.json().opslagPercentage, '0.00');
  assert.match(g.json().redenen.find((r: any) => r.code === 'E-G0').toelichting, /geen overeenstemming/);
});

// ───────────────────────────── G5: regional conditions computed, legacy ones refused ─────────────────────────────

test('G5: een aanbieder die aan G1–G4 voldoet maar niet aan een regionale voorwaarde krijgt eenjarig met opslag (R4), niet twee jaar; een voorwaarde zonder soort weigert de gunning (409) tot zij er een heeft', async () => {
  const k4 = await kader('wlz-2016', 'GZ', 'Brontrouw GZ 2026 – K4', PARAGRAAF(['initieel']));
  const z = await bied(zonnehof, k4);
  await zelfanalyseEnVoorstel(zonnehof, z, GZ_THEMAS);
  await dienIn(zonnehof, z);
  await sluit(k4, 'dialoog_starten');
  assert.equal((await zonnehof.put(`/api/v1/inkoop/inschrijvingen/${z}/ontwikkelplan`, PLAN)).statusCode, 200);
  assert.equal((await zonnehof.post(`/api/v1/inkoop/inschrijvingen/${z}/ontwikkelplan/definitief`)).statusCode, 200);
  assert.equal((await manager.post(`/api/v1/inkoop/inschrijvingen/${z}/ontwikkelplan/akkoord`, {})).statusCode, 200);
  await scoorEnStelVast(z, [ok('A2'), ...F_SCORES]);
  const url = `/api/v1/inkoop/inschrijvingen/${z}/gunning/voorlopig`;

  // (c) a condition stored before kinds existed (free text only), published and in the working paragraph
  const zonderSoort = JSON.stringify([
    REGIONAAL[0],
    REGIONAAL[1],
    { code: 'R3', omschrijving: REGIONAAL[2].omschrijving },
  ]);
  await app.db.query(
    `UPDATE inkoopkader SET publieke_versie = jsonb_set(publieke_versie, '{regionaleParagraaf,tweejarigeVoorwaarden}', $2::jsonb),
            regionale_paragraaf = jsonb_set(regionale_paragraaf, '{tweejarigeVoorwaarden}', $2::jsonb) WHERE id = $1`,
    [k4, zonderSoort],
  );
  const d = (await beoordelaar.get(`/api/v1/inkoop/inschrijvingen/${z}/beoordeling`)).json();
  const r3 = d.voorwaarden.tweejarig.find((v: any) => v.code === 'G5:R3');
  assert.equal(r3.voldaan, false);
  assert.match(r3.toelichting, /Niet berekend: deze regionale voorwaarde heeft geen soort/);
  assert.equal(d.regionaleVoorwaarden[2].soort, null);
  const weiger = await manager.post(url, {});
  assert.equal(weiger.statusCode, 409, weiger.body);
  assert.equal(weiger.json().code, 'regionale-voorwaarde-zonder-soort');
  assert.match(weiger.json().title, /R3 "Overeenkomst met het zorgkantoor in het jaar ervoor" heeft geen soort/);
  assert.match(weiger.json().title, /niet stilzwijgend als voldaan of niet voldaan/);
  assert.deepEqual(
    weiger.json().fouten.map((f: any) => f.waar),
    ['regionaleParagraaf.tweejarigeVoorwaarden[2]'],
  );
  assert.match(weiger.json().fouten[0].actie, /regionale paragraaf .*soort/);
  assert.equal(
    Number(
      (
        await app.db.one<{ n: number }>(
          'SELECT count(*) AS n FROM gunning g JOIN inschrijving i ON i.id = g.inschrijving_id WHERE i.kader_id = $1',
          [k4],
        )
      ).n,
    ),
    0,
    'nothing stored',
  );
  // after the deadline the purchaser may still give it a kind (nothing else): the award then computes it
  const basis = PARAGRAAF(['initieel']);
  const anders = await inkoper.patch(`/api/v1/inkoop/kaders/${k4}`, {
    regionaleParagraaf: {
      ...basis,
      tweejarigeVoorwaarden: [REGIONAAL[0], REGIONAAL[1], { ...REGIONAAL[2], omschrijving: 'Iets anders' }],
    },
  });
  assert.equal(anders.statusCode, 409, 'changing the text after the deadline stays refused');
  const soort = await inkoper.patch(`/api/v1/inkoop/kaders/${k4}`, { regionaleParagraaf: basis });
  assert.equal(soort.statusCode, 200, soort.body);

  // the verscherpt toezicht of the R4 test is withdrawn, so G1 holds again
  for (const { id } of await app.db.query<{ id: string }>(
    `SELECT id FROM signaal WHERE aanbieder_id = 'za-demo-0001' AND soort = 'verscherpt_toezicht' AND ingetrokken_op IS NULL`,
  )) {
    const w = await inkoper.post(`/api/v1/inkoop/signalen/${id}/intrekken`, {
      reden: 'Ten onrechte geregistreerd (test)',
    });
    assert.equal(w.statusCode, 200, w.body);
  }
  // (a) a fraud investigation in 2023: before the procedure (G2 met, G3 is about established fraud), within R2's five years
  const sig = await inkoper.post('/api/v1/inkoop/signalen', {
    aanbiederId: 'za-demo-0001',
    soort: 'fraudeonderzoek',
    bron: 'Melding zorgverzekeraar (voorbeeld)',
    datumVan: '2023-05-01',
  });
  assert.equal(sig.statusCode, 201, sig.body);
  const g = await manager.post(url, {});
  assert.equal(g.statusCode, 200, g.body);
  const red = (c: string) => g.json().redenen.find((x: any) => x.code === c);
  assert.deepEqual(
    ['G1', 'G2', 'G3', 'G4'].map((c) => red(c).voldaan),
    [true, true, true, true],
  );
  assert.equal(red('G5:R2').voldaan, false);
  assert.match(red('G5:R2').toelichting, /fraudeonderzoek vanaf 2023-05-01 \(signalenregister\)/);
  assert.equal(red('G5:R1').voldaan, true);
  assert.equal(red('G5:R3').voldaan, true);
  assert.match(red('G5:R3').toelichting, /soort is na publicatie in de regionale paragraaf/);
  assert.equal(g.json().uitkomst, 'eenjarig-opslag', 'one year with opslag, not two years');
  assert.equal(g.json().looptijdJaren, 1);
  assert.equal(g.json().opslagPercentage, '1.50');
  // the stored input holds each computed condition with the data it used and its source
  const rij = await app.db.one<any>('SELECT invoer FROM gunning WHERE id = $1', [g.json().gunningId]);
  const r2 = rij.invoer.regionaal.uitkomsten.find((x: any) => x.code === 'R2');
  assert.equal(r2.gebruikt.gevonden[0].van, '2023-05-01');
  assert.match(r2.bron, /signalenregister/);
  assert.equal(rij.invoer.regionaal.uitkomsten.find((x: any) => x.code === 'R3').soortNaPublicatie, true);
});

// ───────────────────────────── 2008: the gate ─────────────────────────────

test('2008 (sjabloon awbz-2008): geschiktheidseisen en uitsluitingsgronden zijn de poort; de algemene gunningsvoorwaarden gaan de overeenkomst in', async () => {
  const k5 = await kader('awbz-2008', 'VV', 'Brontrouw AWBZ-kader 2008-model');
  const k = (await inkoper.get(`/api/v1/inkoop/kaders/${k5}`)).json();
  assert.ok(k.eisen.filter((e: any) => e.code.startsWith('GV-')).every((e: any) => e.groep === 'gunningsvoorwaarde'));
  assert.equal(k.eisen.filter((e: any) => e.groep === 'gunningscriterium_knockout').length, 0);
  const z = await bied(zonnehof, k5);
  await dienIn(zonnehof, z);
  const h = await bied(heideweg, k5, ['UG-b1']);
  assert.match(
    (await heideweg.get(`/api/v1/inkoop/inschrijvingen/${h}`)).json().waarschuwingen[0].wat,
    /"nee" op UG-b1.*Kader zorginkoop 2008/,
  );
  await dienIn(heideweg, h);
  await sluit(k5, 'beoordeling_starten');
  // a source text stored by an earlier version, with words of this repository: never shown, normalised on read
  await app.db.query(`UPDATE eis SET bron = 'seed 000 l.660–700 (digest)' WHERE kader_id = $1 AND code = 'UG-c'`, [k5]);
  await app.db.query(
    `UPDATE eis SET bron = 'Kader zorginkoop 2008, §3.4, Kader 3.2 (seed 000 l.744)' WHERE kader_id = $1 AND code = 'GV-TZ-a'`,
    [k5],
  );
  const ruw = await beoordelaar.get(`/api/v1/inkoop/inschrijvingen/${z}/beoordeling`);
  assert.doesNotMatch(ruw.body, /seed|digest/i);
  const d = ruw.json();
  assert.match(
    d.criteria.find((c: any) => c.code === 'UG-c').bron,
    /^Kader zorginkoop 2008 \(Zorgverzekeraars Nederland.*Kader 3\.1/,
  );
  assert.equal(
    d.voorwaarden.gunningsvoorwaarden.find((v: any) => v.code === 'GV-TZ-a').bron,
    'Kader zorginkoop 2008, §3.4, Kader 3.2',
  );
  assert.ok(!d.criteria.some((c: any) => c.code.startsWith('GV-')), 'Kader 3.2 is not a knock-out');
  assert.ok(d.voorwaarden.gunningsvoorwaarden.some((v: any) => v.code === 'GV-TZ-a' && /Kader 3\.2/.test(v.bron)));
  const teBeoordelen = d.criteria.filter((c: any) => !c.automatisch && c.soort === 'knock-out').map((c: any) => c.code);
  assert.deepEqual(teBeoordelen, ['GE-TB-b', 'GE-TB-d', 'GE-TB-f', 'GE-TB-h', 'GE-FE-a', 'UG-c']);
  const gc = ['GC-1', 'GC-2', 'GC-3', 'GC-4'].map((c) => ({ criteriumCode: c, score: '4', motivatie: 'Goed' }));
  const gv = await beoordelaar.put(`/api/v1/inkoop/inschrijvingen/${z}/beoordeling`, {
    scores: [...teBeoordelen.map(ok), ...gc, ok('GV-TZ-a')],
  });
  assert.equal(gv.statusCode, 422);
  assert.match(gv.json().title, /GV-TZ-a is niet gepubliceerd/);
  await scoorEnStelVast(z, [...teBeoordelen.map(ok), ...gc]);
  const hk = await scoorEnStelVast(h, [...teBeoordelen.map(ok), ...gc]);
  assert.deepEqual(
    hk.uitslag.knockOut.map((x: any) => x.code),
    ['UG-b1'],
  );
  const gh = await manager.post(`/api/v1/inkoop/inschrijvingen/${h}/gunning/voorlopig`, {});
  assert.equal(gh.json().uitkomst, 'geen-overeenkomst');
  assert.match(gh.json().redenen.find((r: any) => r.code === 'A-geschiktheid').toelichting, /UG-b1/);
  // the 2016 decision table does not apply to a 2008 kader: no opslag ...
  const opslag = await manager.post(`/api/v1/inkoop/inschrijvingen/${z}/gunning/voorlopig`, { opslagPercentage: '1' });
  assert.equal(opslag.statusCode, 422, opslag.body);
  assert.match(opslag.json().title, /Kader zorginkoop 2008/);
  const gz = await manager.post(`/api/v1/inkoop/inschrijvingen/${z}/gunning/voorlopig`, {});
  assert.equal(gz.statusCode, 200, gz.body);
  // ... the gate decides: a contract for the kader period, with Kader 3.2 as terms, not basistarief, plan or G1–G4
  assert.equal(gz.json().uitkomst, 'overeenkomst-2008');
  assert.equal(gz.json().looptijdJaren, 1);
  assert.equal(gz.json().opslagPercentage, '0.00');
  assert.deepEqual(
    gz.json().redenen.map((r: any) => r.code),
    ['A1', 'A-geschiktheid', 'V-3.2'],
  );
  assert.ok(gz.json().redenen.every((r: any) => r.voldaan));
  assert.match(gz.json().redenen[2].toelichting, /GV-TZ-a.*onderdeel van de overeenkomst/);
  const v = await app.db.one<{ bezwaar_tot: Date }>(
    `SELECT bezwaar_tot FROM gunning WHERE inschrijving_id = $1 AND soort = 'voorlopig'`,
    [z],
  );
  app.setNow(new Date(new Date(v.bezwaar_tot).getTime() + 60_000));
  const def = await manager.post(`/api/v1/inkoop/inschrijvingen/${z}/gunning/definitief`, {});
  assert.equal(def.statusCode, 200, def.body);
  assert.equal(def.json().uitkomst, 'overeenkomst-2008');
  const ok0 = (await manager.get(`/api/v1/inkoop/gunningen/${def.json().gunningId}`)).json().overeenkomst;
  assert.equal(ok0.ingangsdatum, '2026-01-01');
  assert.equal(ok0.einddatum, '2026-12-31');
  const pdf = pdfTekst((await manager.get(`/api/v1/inkoop/gunningsdocumenten/${ok0.documentId}`)).rawPayload);
  assert.match(pdf, /GV-TZ-a/);
  assert.match(pdf, /GV-IV-c/);
});
