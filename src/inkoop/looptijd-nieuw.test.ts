/**
 * Brontrouw (issue 10, item 5): "Nieuwe zorgaanbieders: eenjarige overeenkomst, waarbij voor 2024 een
 * tariefpercentage van 91% van het NZa tarief geldt" (Tabel thema's in contractering langdurige zorg
 * 2024 - 2026, DSW, rij Bekostiging en tarieven). The DSW policy (src/tarieven/data/beleid-2024-vv.json,
 * looptijdNieuweAanbieder) reaches the award: through the API, a DSW V&V kader, two providers that both
 * meet every condition for a two-year contract — the existing one gets two years, the new one one year,
 * with the rule and its source named. The same new provider at CZ (no such policy) gets two years.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp, type TestClient } from '../testing.ts';
import { lokaalNaarInstant } from '../domain/inkoop/timeline.ts';
import { pdfTekst } from './gunning/pdf.ts';

let app: TestApp;
let dsw: { inkoper: TestClient; beoordelaar: TestClient; beoordelaar2: TestClient; manager: TestClient };
let cz: typeof dsw;
let zonnehof: TestClient, heideweg: TestClient;
let dswRegio = '';
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')]);
const CITAAT =
  'Nieuwe zorgaanbieders: eenjarige overeenkomst, waarbij voor 2024 een tariefpercentage van 91% van het NZa tarief geldt.';

function multipart(naam: string, inhoud: Buffer, velden: Record<string, string>) {
  const grens = '----ln' + Math.random().toString(16).slice(2);
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

const ZA = {
  huidigeAanpak: 'Beleid is vastgesteld en op alle locaties ingevoerd.',
  sterktes: 'Vaste teams, korte lijnen.',
  ontwikkelpunten: 'Eigen regie.',
  ervaringClient: 'Cliëntenraad positief over bejegening.',
  niveau: 'Organisatie; verschillen tussen de locaties beschreven.',
  gegevens: 'Cliëntervaringsonderzoek 2024.',
  inOntwikkelplan: true,
};
const PLAN = {
  themas: ['VV-1'],
  doelstelling: 'Meer eigen regie voor elke cliënt.',
  planVanAanpak: 'S: … M: … A: … R: … T: …',
  planning: '2026 Q1–Q4',
  investering: '40000.00',
  risicos: 'Personeelsverloop; beheerst door vaste teams.',
  resultaten: 'Elke cliënt een eigen ondersteuningsplan met eigen doelen.',
  bewijslast: 'Dossiercontrole per kwartaal.',
};

/** A V&V kader from the 2016 template with its own theme, published by the zorgkantoor's purchaser. */
async function kader(wie: typeof dsw, regio: string, titel: string): Promise<string> {
  app.setNow(lokaalNaarInstant('2025-06-02T10:00'));
  const r = await wie.inkoper.post('/api/v1/inkoop/kaders', {
    titel,
    jaarVan: 2026,
    sector: 'VV',
    regioCodes: [regio],
    procedureType: 'dialoog',
    sjabloon: 'wlz-2016',
  });
  assert.equal(r.statusCode, 201, r.body);
  const id = r.json().id;
  const th = await wie.inkoper.put(`/api/v1/inkoop/kaders/${id}/themas`, {
    themas: [{ code: 'VV-1', naam: 'Persoonsgerichte zorg', bron: 'Regionale paragraaf 2026, §2', sector: 'VV' }],
  });
  assert.equal(th.statusCode, 200, th.body);
  const pub = await wie.inkoper.post(`/api/v1/inkoop/kaders/${id}/publiceren`, {});
  assert.equal(pub.statusCode, 200, pub.body);
  return id;
}

/** A complete bid with a careful zelfanalyse and a draft plan; submitted. */
async function bied(c: TestClient, kaderId: string): Promise<string> {
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
        waarde: e.soort === 'ja_nee' ? true : 'Geen onderaanneming.',
      });
      assert.equal(r.statusCode, 200, r.body);
    }
  }
  assert.equal((await c.put(`/api/v1/inkoop/inschrijvingen/${id}/zelfanalyse/VV-1`, ZA)).statusCode, 200);
  const p = await c.put(`/api/v1/inkoop/inschrijvingen/${id}/ontwikkelplan`, {
    themas: PLAN.themas,
    doelstelling: PLAN.doelstelling,
    planVanAanpak: PLAN.planVanAanpak,
  });
  assert.equal(p.statusCode, 200, p.body);
  const d = await c.post(`/api/v1/inkoop/inschrijvingen/${id}/indienen`);
  assert.equal(d.statusCode, 200, d.body);
  return id;
}

/** NvI, close, dialogue; each plan final and agreed by the zorgkantoor; assessed and confirmed (four eyes). */
async function totGunning(wie: typeof dsw, kaderId: string, bids: [TestClient, string][]) {
  app.setNow(lokaalNaarInstant('2025-07-20T12:00'));
  assert.equal((await wie.inkoper.post(`/api/v1/inkoop/kaders/${kaderId}/nvi`)).statusCode, 200);
  app.setNow(lokaalNaarInstant('2025-07-31T17:01'));
  for (const actie of ['inschrijving_sluiten', 'dialoog_starten']) {
    const r = await wie.inkoper.post(`/api/v1/inkoop/kaders/${kaderId}/overgangen`, { actie });
    assert.equal(r.statusCode, 200, `${actie}: ${r.body}`);
  }
  for (const [c, id] of bids) {
    assert.equal((await c.put(`/api/v1/inkoop/inschrijvingen/${id}/ontwikkelplan`, PLAN)).statusCode, 200);
    const d = await c.post(`/api/v1/inkoop/inschrijvingen/${id}/ontwikkelplan/definitief`);
    assert.equal(d.statusCode, 200, d.body);
    const a = await wie.manager.post(`/api/v1/inkoop/inschrijvingen/${id}/ontwikkelplan/akkoord`, {
      toelichting: 'Besproken in de dialoog',
    });
    assert.equal(a.statusCode, 200, a.body);
    const b = (await wie.beoordelaar.get(`/api/v1/inkoop/inschrijvingen/${id}/beoordeling`)).json();
    const scores = b.criteria
      .filter((x: any) => !x.automatisch)
      .map((x: any) =>
        /^F/.test(x.code)
          ? { criteriumCode: x.code, score: '4', motivatie: 'Goed plan' }
          : { criteriumCode: x.code, voldaan: true, motivatie: `${x.code} aangetoond` },
      );
    const s = await wie.beoordelaar.put(`/api/v1/inkoop/inschrijvingen/${id}/beoordeling`, { scores });
    assert.equal(s.statusCode, 200, s.body);
    const v = await wie.beoordelaar2.post(`/api/v1/inkoop/inschrijvingen/${id}/beoordeling/besluit`, {
      besluit: 'vastgesteld',
      motivatie: 'Eens met de beoordeling',
    });
    assert.equal(v.statusCode, 200, v.body);
  }
}

const gun = (wie: typeof dsw, id: string) =>
  wie.manager.post(`/api/v1/inkoop/inschrijvingen/${id}/gunning/voorlopig`, {
    opslagPercentage: '1',
    overeenkomstVorigJaar: true,
  });

before(async () => {
  app = await createTestApp();
  const db = app.db;
  assert.ok(await db.maybeOne(`SELECT 1 FROM organisatie WHERE id = 'zk-dsw'`), 'DSW is a reference organisation');
  dswRegio = (
    await db.one<{ regio_code: string }>(
      `SELECT regio_code FROM regio_concessie WHERE organisatie_id = 'zk-dsw' AND jaar = 2026 ORDER BY regio_code LIMIT 1`,
    )
  ).regio_code;
  // no DSW accounts in the demo: a purchaser, two assessors and a manager of DSW, made here
  for (const [email, rollen] of [
    ['inkoper@dsw.test', ['inkoper']],
    ['beoordelaar@dsw.test', ['beoordelaar']],
    ['beoordelaar2@dsw.test', ['beoordelaar']],
    ['manager@dsw.test', ['manager']],
  ] as const)
    await db.query(
      `INSERT INTO gebruiker (email, naam, organisatie_id, rollen, wachtwoord_hash) VALUES ($1, $1, 'zk-dsw', $2, 'geen-wachtwoord')`,
      [email, rollen],
    );
  const [i, b1, b2, m] = await Promise.all(
    ['inkoper', 'beoordelaar', 'beoordelaar2', 'manager'].map((x) => app.login(`${x}@dsw.test`)),
  );
  dsw = { inkoper: i, beoordelaar: b1, beoordelaar2: b2, manager: m };
  const [ci, cb1, cb2, cm] = await Promise.all(
    ['inkoper', 'beoordelaar', 'beoordelaar2', 'manager'].map((x) => app.login(`${x}@cz.demo`)),
  );
  cz = { inkoper: ci, beoordelaar: cb1, beoordelaar2: cb2, manager: cm };
  [zonnehof, heideweg] = await Promise.all(
    ['contractmanager@zonnehof.demo', 'contractmanager@heideweg.demo'].map((e) => app.login(e)),
  );
  // Zonnehof: an existing V&V provider in the DSW region (a 2025 contract with production there); Heideweg: none there.
  const p = await db.one<{ code: string }>(
    `SELECT code FROM prestatie WHERE sector = 'VV' AND leveringsvorm = 'verblijf' ORDER BY code LIMIT 1`,
  );
  await db.query(
    `INSERT INTO productieafspraak (jaar, regio_code, organisatie_id, sector, prestatie_code, prijs, volume, bedrag) VALUES (2025,$1,'za-demo-0001','VV',$2,'100.00','10','1000.00') ON CONFLICT DO NOTHING`,
    [dswRegio, p.code],
  );
  await db.query(
    `INSERT INTO realisatie (jaar, maand, regio_code, organisatie_id, prestatie_code, clienten, volume, bedrag) VALUES (2025,1,$1,'za-demo-0001',$2,3,'5','500.00') ON CONFLICT DO NOTHING`,
    [dswRegio, p.code],
  );
  // both have a (fictional) location in the DSW region, so they see its kader
  for (const org of ['za-demo-0001', 'za-demo-0002'])
    await db.query(
      `INSERT INTO locatie (organisatie_id, naam, regio_code, sectoren, leveringsvormen) VALUES ($1, $2, $3, '{VV}', '{verblijf}')`,
      [org, `Locatie ${org} (test)`, dswRegio],
    );
  await db.query(`DELETE FROM productieafspraak WHERE organisatie_id = 'za-demo-0002' AND jaar = 2025`);
  await db.query(`DELETE FROM realisatie WHERE organisatie_id = 'za-demo-0002' AND jaar = 2025`);
  await db.query(
    `UPDATE locatie SET inspectie_status = 'normaal' WHERE organisatie_id IN ('za-demo-0001','za-demo-0002')`,
  );
});
after(async () => {
  await app?.close();
});

test('DSW: een nieuwe aanbieder krijgt bij de gunning ten hoogste een eenjarige overeenkomst, met regel en bron; een bestaande twee jaar', async () => {
  const k = await kader(dsw, dswRegio, 'DSW V&V 2026 – looptijd nieuwe aanbieders');
  const bz = await bied(zonnehof, k);
  const bh = await bied(heideweg, k);
  assert.equal((await zonnehof.get(`/api/v1/inkoop/inschrijvingen/${bz}`)).json().classificatie.klasse, 'bestaand');
  const klasseH = (await heideweg.get(`/api/v1/inkoop/inschrijvingen/${bh}`)).json().classificatie.klasse;
  assert.notEqual(klasseH, 'bestaand');
  await totGunning(dsw, k, [
    [zonnehof, bz],
    [heideweg, bh],
  ]);

  // the existing provider: every two-year condition holds → two years; the DSW rule is reported, not applied
  const gz = await gun(dsw, bz);
  assert.equal(gz.statusCode, 200, gz.body);
  assert.equal(gz.json().uitkomst, 'tweejarig-opslag');
  assert.equal(gz.json().looptijdJaren, 2);
  const lz = gz.json().redenen.find((r: any) => r.code === 'L-nieuw');
  assert.equal(lz.voldaan, true);
  assert.match(lz.toelichting, /bestaand: deze beperking geldt niet/);

  // the new provider: the same conditions hold (G1–G4 all met), yet DSW gives a new provider one year
  const gh = await gun(dsw, bh);
  assert.equal(gh.statusCode, 200, gh.body);
  assert.equal(gh.json().uitkomst, 'eenjarig-opslag');
  assert.equal(gh.json().looptijdJaren, 1);
  assert.equal(gh.json().opslagPercentage, '1.00', 'the opslag stays: only the term is capped');
  const r = (c: string) => gh.json().redenen.find((x: any) => x.code === c);
  for (const g of ['G1', 'G2', 'G3', 'G4']) assert.equal(r(g).voldaan, true, g);
  const ln = r('L-nieuw');
  assert.equal(ln.voldaan, false);
  assert.ok(ln.regel.includes(`Beleid DSW: een nieuwe zorgaanbieder krijgt ten hoogste een eenjarige overeenkomst`));
  assert.ok(ln.regel.includes(`Tabel thema's in contractering langdurige zorg 2024 - 2026`), ln.regel);
  assert.ok(ln.regel.includes(`"${CITAAT}"`), 'the source is quoted verbatim');
  assert.match(ln.toelichting, new RegExp(`nieuw \\(klasse ${klasseH}\\).*ook al is aan de voorwaarden`));
  assert.match(ln.toelichting, /zk-dsw-2024-VV \(meegeleverd\)/);
  assert.doesNotMatch(gh.body, /seed|digest/i);

  // stored with its input: the decision can be reproduced (the class and the policy are in the input)
  const row = await app.db.one<any>('SELECT looptijd_jaren, invoer, redenen FROM gunning WHERE id = $1', [
    gh.json().gunningId,
  ]);
  assert.equal(row.looptijd_jaren, 1);
  assert.equal(row.invoer.looptijdNieuweAanbieder.maxJaren, 1);
  assert.equal(row.invoer.looptijdNieuweAanbieder.klasse, klasseH);
  // the letter names the outcome and the rule
  const brief = pdfTekst(
    (await dsw.manager.get(`/api/v1/inkoop/gunningsdocumenten/${gh.json().briefDocumentId}`)).rawPayload,
  );
  assert.match(brief, /Eenjarige overeenkomst met tariefopslag/);
});

test('CZ heeft zo’n regel niet: dezelfde nieuwe aanbieder krijgt daar, met alle voorwaarden voldaan, twee jaar', async () => {
  const czRegio = (
    await app.db.one<{ regio_code: string }>(
      `SELECT c.regio_code FROM regio_concessie c JOIN locatie l ON l.regio_code = c.regio_code AND l.organisatie_id = 'za-demo-0002'
       WHERE c.organisatie_id = 'zk-cz' AND c.jaar = 2026 ORDER BY c.regio_code LIMIT 1`,
    )
  ).regio_code;
  const k = await kader(cz, czRegio, 'CZ V&V 2026 – looptijd');
  const bh = await bied(heideweg, k);
  assert.notEqual((await heideweg.get(`/api/v1/inkoop/inschrijvingen/${bh}`)).json().classificatie.klasse, 'bestaand');
  await totGunning(cz, k, [[heideweg, bh]]);
  const g = await gun(cz, bh);
  assert.equal(g.statusCode, 200, g.body);
  assert.equal(g.json().uitkomst, 'tweejarig-opslag');
  assert.equal(g.json().looptijdJaren, 2);
  assert.equal(
    g.json().redenen.find((r: any) => r.code === 'L-nieuw'),
    undefined,
  );
});
