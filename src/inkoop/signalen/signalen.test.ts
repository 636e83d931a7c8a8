/**
 * Signalenregister and contract relations through the HTTP API on a real database: create, list,
 * end date and withdraw with audit entries; validation that stores nothing; who may read and
 * write; the register feeding the two-year conditions G1–G3 of the award (without leaking a
 * signal's description to the provider); and contract roles in the classification (B3).
 * Procedure setup is copied from src/inkoop/gunning/gunning.test.ts (tables filled directly).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Command } from 'commander';
import { createTestApp, type TestApp, type TestClient } from '../../testing.ts';
import { verifyAudit } from '../../platform/audit.ts';
import type { CliContext, Output } from '../../platform/cli/index.ts';
import { pdfTekst } from '../gunning/pdf.ts';
import { classificeerInschrijving } from '../inschrijving.ts';
import type { KaderRij } from '../kader.ts';
import { signalenCapability } from './capability.ts';

let t: TestApp;
let inkoper: TestClient,
  manager: TestClient,
  beoordelaar: TestClient,
  controller: TestClient,
  beheerder: TestClient,
  zonnehof: TestClient,
  vgz: TestClient,
  nza: TestClient;
let locZonnehof: { id: string; naam: string }, locHeideweg: { id: string; naam: string };
let beoordelaarId: string, beoordelaar2Id: string;
const DEADLINE = new Date('2015-07-31T15:00:00Z'); // 31 juli 2015 17:00 Amsterdam
const GEHEIM = 'Anonieme melding over declaraties dagbesteding (intern, niet delen)';

before(async () => {
  t = await createTestApp();
  t.setNow(new Date('2015-10-01T10:00:00Z'));
  [inkoper, manager, beoordelaar, controller, beheerder, zonnehof, vgz, nza] = await Promise.all(
    [
      'inkoper@cz.demo',
      'manager@cz.demo',
      'beoordelaar@cz.demo',
      'controller@cz.demo',
      'beheerder@cz.demo',
      'contractmanager@zonnehof.demo',
      'inkoper@vgz.demo',
      'toezicht@nza.demo',
    ].map((e) => t.login(e)),
  );
  locZonnehof = await t.db.one(
    `SELECT id, naam FROM locatie WHERE organisatie_id = 'za-demo-0001' ORDER BY naam LIMIT 1`,
  );
  locHeideweg = await t.db.one(
    `SELECT id, naam FROM locatie WHERE organisatie_id = 'za-demo-0002' ORDER BY naam LIMIT 1`,
  );
  beoordelaarId = (await t.db.one<{ id: string }>(`SELECT id FROM gebruiker WHERE email = 'beoordelaar@cz.demo'`)).id;
  beoordelaar2Id = (await t.db.one<{ id: string }>(`SELECT id FROM gebruiker WHERE email = 'beoordelaar2@cz.demo'`)).id;
});
after(async () => {
  await t?.close();
});

const aantal = async (tabel: string) => Number((await t.db.one<{ n: number }>(`SELECT count(*) AS n FROM ${tabel}`)).n);
const auditVan = (id: string) =>
  t.db.query<any>(`SELECT * FROM audit_regel WHERE onderwerp_id = $1 ORDER BY volgnummer`, [id]);

// ───────────────────────────── Register ─────────────────────────────

let signaalId: string;
test('vastleggen, lijst, einddatum en intrekken: elk met een auditregel; niets wordt verwijderd', async () => {
  const r = await inkoper.post('/api/v1/inkoop/signalen', {
    aanbiederId: 'za-demo-0001',
    locatieId: locZonnehof.id,
    soort: 'verscherpt_toezicht',
    omschrijving: 'Medicatieveiligheid onvoldoende',
    bron: 'IGJ-rapport 2015-03-02',
    datumVan: '2015-03-02',
  });
  assert.equal(r.statusCode, 201, r.body);
  const s = r.json();
  signaalId = s.id;
  assert.equal(s.zorgkantoorId, 'zk-cz');
  assert.equal(s.locatieNaam, locZonnehof.naam);
  assert.equal(s.datumTot, null);
  assert.equal(s.actief, true);
  assert.equal(s.vastgelegdDoor, 'Ingrid Inkoper');

  const lijst = (await manager.get('/api/v1/inkoop/signalen?aanbieder=za-demo-0001')).json();
  assert.deepEqual(
    lijst.map((x: any) => x.id),
    [signaalId],
  );
  assert.deepEqual((await manager.get('/api/v1/inkoop/signalen?aanbieder=za-demo-0002')).json(), []);

  const p = await manager.patch(`/api/v1/inkoop/signalen/${signaalId}`, { datumTot: '2015-06-30' });
  assert.equal(p.statusCode, 200, p.body);
  assert.equal(p.json().datumTot, '2015-06-30');
  assert.equal(p.json().actief, false, 'ended before today (2015-10-01)');

  const zonderReden = await manager.post(`/api/v1/inkoop/signalen/${signaalId}/intrekken`, { reden: '  ' });
  assert.equal(zonderReden.statusCode, 422);
  assert.equal(zonderReden.json().fouten[0].waar, 'reden');
  const w = await manager.post(`/api/v1/inkoop/signalen/${signaalId}/intrekken`, { reden: 'Verkeerde aanbieder' });
  assert.equal(w.statusCode, 200, w.body);
  assert.equal(w.json().intrekkingsreden, 'Verkeerde aanbieder');
  assert.equal(w.json().ingetrokkenDoor, 'Marieke Manager');
  assert.ok(w.json().ingetrokkenOp);
  // withdrawn: still listed (never deleted), no longer changeable
  assert.equal((await manager.get('/api/v1/inkoop/signalen?aanbieder=za-demo-0001')).json().length, 1);
  assert.equal(
    (await manager.patch(`/api/v1/inkoop/signalen/${signaalId}`, { datumTot: '2015-07-31' })).statusCode,
    409,
  );
  assert.equal(
    (await manager.post(`/api/v1/inkoop/signalen/${signaalId}/intrekken`, { reden: 'nogmaals' })).statusCode,
    409,
  );

  const audit = await auditVan(signaalId);
  assert.deepEqual(
    audit.map((a) => a.actie),
    ['inkoop.signaal.vastgelegd', 'inkoop.signaal.einddatum', 'inkoop.signaal.ingetrokken'],
  );
  assert.equal(audit[0].invoer.bron, 'IGJ-rapport 2015-03-02');
  assert.equal(audit[0].invoer.locatieId, locZonnehof.id);
  assert.match(audit[0].regel, /signalenregister/);
  assert.deepEqual([audit[1].invoer.datumTot, audit[1].invoer.vorigeDatumTot], ['2015-06-30', null]);
  assert.equal(audit[2].invoer.reden, 'Verkeerde aanbieder');
  assert.equal(audit[2].actor_naam, 'Marieke Manager');
  assert.equal((await verifyAudit(t.db)).ok, true);
});

test('validatie: foute datum, einddatum vóór begindatum, locatie van een andere aanbieder, fraude met einddatum → 422 met waar/wat/actie, niets opgeslagen', async () => {
  const voor = await aantal('signaal');
  const auditVoor = await aantal('audit_regel');
  const basis = {
    aanbiederId: 'za-demo-0001',
    soort: 'fraudeonderzoek',
    bron: 'eigen onderzoek',
    datumVan: '2015-07-01',
  };
  const gevallen: [Record<string, unknown>, string, RegExp][] = [
    [{ ...basis, datumVan: '2015-02-30' }, 'datumVan', /geen geldige datum/],
    [{ ...basis, datumVan: '01-07-2015' }, 'datumVan', /geen geldige datum/],
    [{ ...basis, datumTot: '2015-06-30' }, 'datumTot', /vóór de begindatum 2015-07-01/],
    [
      { ...basis, soort: 'verscherpt_toezicht', locatieId: locHeideweg.id },
      'locatieId',
      /hoort niet bij de gekozen zorgaanbieder/,
    ],
    [{ ...basis, soort: 'fraude_vastgesteld', datumTot: '2015-08-01' }, 'datumTot', /geen einddatum/],
    [{ ...basis, bron: '   ' }, 'bron', /bron ontbreekt/],
    [{ ...basis, aanbiederId: 'za-bestaat-niet' }, 'aanbiederId', /bestaat niet/],
  ];
  for (const [body, waar, wat] of gevallen) {
    const r = await inkoper.post('/api/v1/inkoop/signalen', body);
    assert.equal(r.statusCode, 422, `${waar}: ${r.body}`);
    const f = r.json().fouten.find((x: any) => x.waar === waar);
    assert.ok(f, `${waar} genoemd in ${r.body}`);
    assert.match(f.wat, wat);
    assert.ok(f.actie, 'elke fout zegt wat te doen');
  }
  assert.equal(await aantal('signaal'), voor);
  assert.equal(await aantal('audit_regel'), auditVoor);
});

test('toegang: aanbieder geweigerd, ander zorgkantoor ziet en wijzigt niets, NZa leest alles, beoordelaar en controller lezen maar schrijven niet', async () => {
  const cz = (
    await inkoper.post('/api/v1/inkoop/signalen', {
      aanbiederId: 'za-demo-0002',
      soort: 'fraude_vastgesteld',
      omschrijving: 'Uitspraak rechtbank',
      bron: 'NZa',
      datumVan: '2009-05-01',
    })
  ).json();
  const vg = await vgz.post('/api/v1/inkoop/signalen', {
    aanbiederId: 'za-demo-0001',
    soort: 'fraudeonderzoek',
    omschrijving: 'VGZ-onderzoek',
    bron: 'eigen onderzoek',
    datumVan: '2015-07-15',
  });
  assert.equal(vg.statusCode, 201, vg.body);
  // providers never see the register, not even about themselves
  assert.equal((await zonnehof.get('/api/v1/inkoop/signalen')).statusCode, 403);
  assert.equal((await zonnehof.get('/api/v1/inkoop/signalen?aanbieder=za-demo-0001')).statusCode, 403);
  assert.equal(
    (
      await zonnehof.post('/api/v1/inkoop/signalen', {
        aanbiederId: 'za-demo-0002',
        soort: 'fraudeonderzoek',
        bron: 'x',
        datumVan: '2015-07-01',
      })
    ).statusCode,
    403,
  );
  assert.equal((await zonnehof.patch(`/api/v1/inkoop/signalen/${cz.id}`, { datumTot: null })).statusCode, 403);
  assert.equal((await zonnehof.get('/api/v1/inkoop/contractrelaties')).statusCode, 403);
  // another zorgkantoor: its own only; the CZ signal does not exist for it
  const vgzLijst = (await vgz.get('/api/v1/inkoop/signalen')).json();
  assert.ok(vgzLijst.length >= 1);
  assert.ok(vgzLijst.every((s: any) => s.zorgkantoorId === 'zk-vgz'));
  assert.equal((await vgz.patch(`/api/v1/inkoop/signalen/${cz.id}`, { datumTot: null })).statusCode, 404);
  assert.equal((await vgz.post(`/api/v1/inkoop/signalen/${cz.id}/intrekken`, { reden: 'weg ermee' })).statusCode, 404);
  assert.ok((await inkoper.get('/api/v1/inkoop/signalen')).json().every((s: any) => s.zorgkantoorId === 'zk-cz'));
  // the supervisor reads every register, writes nothing
  const nzaLijst = (await nza.get('/api/v1/inkoop/signalen')).json();
  assert.ok(nzaLijst.some((s: any) => s.id === cz.id) && nzaLijst.some((s: any) => s.id === vg.json().id));
  assert.equal(
    (
      await nza.post('/api/v1/inkoop/signalen', {
        aanbiederId: 'za-demo-0002',
        soort: 'fraudeonderzoek',
        bron: 'x',
        datumVan: '2015-07-01',
      })
    ).statusCode,
    403,
  );
  // readers of the zorgkantoor
  assert.equal((await beoordelaar.get('/api/v1/inkoop/signalen')).statusCode, 200);
  assert.equal((await controller.get('/api/v1/inkoop/signalen')).statusCode, 200);
  assert.equal(
    (
      await beoordelaar.post('/api/v1/inkoop/signalen', {
        aanbiederId: 'za-demo-0002',
        soort: 'fraudeonderzoek',
        bron: 'x',
        datumVan: '2015-07-01',
      })
    ).statusCode,
    403,
  );
  assert.equal((await controller.post(`/api/v1/inkoop/signalen/${cz.id}/intrekken`, { reden: 'x' })).statusCode, 403);
  assert.equal((await beheerder.get('/api/v1/inkoop/signalen')).statusCode, 403);
  assert.equal((await t.anonymous.get('/api/v1/inkoop/signalen')).statusCode, 401);
});

test('CLI: zorginkoop inkoop signalen --aanbieder geeft de signalen (alle zorgkantoren, of één met --zorgkantoor)', async () => {
  const printed: any[] = [];
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
  program.command('inkoop');
  signalenCapability.cli!(program, cli);
  assert.equal(program.commands.filter((c) => c.name() === 'inkoop').length, 1);
  await program.parseAsync(['node', 'zorginkoop', 'inkoop', 'signalen', '--aanbieder', 'za-demo-0001']);
  assert.deepEqual([...new Set(printed[0].map((s: any) => s.zorgkantoorId))].sort(), ['zk-cz', 'zk-vgz']);
  await program.parseAsync([
    'node',
    'zorginkoop',
    'inkoop',
    'signalen',
    '--aanbieder',
    'za-demo-0001',
    '--zorgkantoor',
    'zk-vgz',
  ]);
  assert.ok(
    printed[1].length >= 1 &&
      printed[1].every((s: any) => s.zorgkantoorId === 'zk-vgz' && s.aanbiederId === 'za-demo-0001'),
  );
});

// ───────────────────────────── The register feeds the award ─────────────────────────────

let kaderTeller = 0;
/** A CZ procedure (published 2015-06-01, final award 2015-11-01) with Zonnehof's assessed bid: existing provider, final development plan. */
async function gunbareInschrijving(): Promise<string> {
  const db = t.db;
  kaderTeller++;
  const kaderId = (
    await db.one<{ id: string }>(
      `INSERT INTO inkoopkader (organisatie_id, titel, jaar_van, jaar_tot, sector, regio_codes, procedure_type, fase, gepubliceerde_versie, publieke_versie, regionale_paragraaf, bezwaartermijn_dagen, gepubliceerd_op, omschrijving)
    VALUES ('zk-cz', $1, 2016, 2016, 'VV', '{5527}', 'dialoog', 'beoordeling', 1, $2, '{}', 14, '2015-06-01T08:00:00Z', 'Dialoogmodel') RETURNING id`,
      [`Signalen-kader ${kaderTeller}`, JSON.stringify({ titel: `Signalen-kader ${kaderTeller}` })],
    )
  ).id;
  await db.query(
    `INSERT INTO termijn (kader_id, fase, begint_op, eindigt_op) VALUES ($1,'publicatie','2015-06-01T08:00:00Z',NULL),
    ($1,'inschrijving','2015-06-01T08:00:00Z',$2), ($1,'voorlopige_gunning',NULL,'2015-10-09T21:59:00Z'), ($1,'definitieve_gunning',NULL,'2015-11-01T22:59:00Z')`,
    [kaderId, DEADLINE],
  );
  const ins = (
    await db.one<{ id: string }>(
      `INSERT INTO inschrijving (kader_id, organisatie_id, status, kader_versie, regio_codes, ingediend_op) VALUES ($1,'za-demo-0001','ingediend',1,'{5527}','2015-07-30T10:00:00Z') RETURNING id`,
      [kaderId],
    )
  ).id;
  await db.query(
    `INSERT INTO zelfanalyse (inschrijving_id, thema_code, huidige_aanpak, sterktes, ontwikkelpunten, ervaring_client, niveau, in_ontwikkelplan)
     VALUES ($1,'eigen','Passende zorg','Vaste teams','Eigen regie','Positief','Alle locaties',true)`,
    [ins],
  );
  await db.query(
    `INSERT INTO ontwikkelplan (inschrijving_id, status, doelstelling) VALUES ($1,'akkoord','Meer eigen regie voor cliënten')`,
    [ins],
  );
  await db.query(
    `INSERT INTO classificatie (kader_id, organisatie_id, regio_code, klasse, reden, bepaald_op) VALUES ($1,'za-demo-0001','5527','bestaand','Overeenkomst 2015 met productie', now())`,
    [kaderId],
  );
  // the four-eyes assessment itself is covered by gunning.test.ts; here it is a given
  await db.query(
    `INSERT INTO beoordeling_besluit (inschrijving_id, eerste_beoordelaar_id, tweede_beslisser_id, status, totaalscore, motivatie, voorgesteld_op, besloten_op)
    VALUES ($1,$2,$3,'vastgesteld',3.5,'Eens','2015-08-10T10:00:00Z','2015-08-11T10:00:00Z')`,
    [ins, beoordelaarId, beoordelaar2Id],
  );
  return ins;
}

async function gun(body: Record<string, unknown> = {}) {
  const ins = await gunbareInschrijving();
  const r = await manager.post(`/api/v1/inkoop/inschrijvingen/${ins}/gunning/voorlopig`, {
    opslagPercentage: '2',
    ...body,
  });
  assert.equal(r.statusCode, 200, r.body);
  const g = r.json();
  const reden = (code: string) => g.redenen.find((x: any) => x.code === code);
  return {
    ...g,
    reden,
    ins,
    rij: await t.db.one<any>('SELECT invoer, redenen FROM gunning WHERE id = $1', [g.gunningId]),
  };
}

const signaal = async (c: TestClient, body: Record<string, unknown>) => {
  const r = await c.post('/api/v1/inkoop/signalen', {
    aanbiederId: 'za-demo-0001',
    omschrijving: GEHEIM,
    bron: 'eigen onderzoek (dossier 2015-118)',
    ...body,
  });
  assert.equal(r.statusCode, 201, r.body);
  return r.json().id as string;
};

test('uitkomst: signalen buiten de voorwaarden (oud onderzoek, fraude in 2010, afgelopen toezicht, ander zorgkantoor) houden tweejarig', async () => {
  await signaal(inkoper, { soort: 'fraudeonderzoek', datumVan: '2014-03-01', datumTot: '2014-09-01' }); // before the procedure
  await signaal(inkoper, { soort: 'fraude_vastgesteld', datumVan: '2010-12-31' }); // "na 2010" = from 2011
  await signaal(inkoper, {
    soort: 'verscherpt_toezicht',
    locatieId: locZonnehof.id,
    datumVan: '2015-01-10',
    datumTot: '2015-05-01',
  }); // ended
  // VGZ's investigation of 2015-07-15 (previous test) is in VGZ's register, not in CZ's
  const g = await gun();
  assert.equal(g.uitkomst, 'tweejarig-opslag', JSON.stringify(g.redenen));
  assert.equal(g.looptijdJaren, 2);
  assert.equal(g.rij.invoer.herkomst.register.fraudeonderzoekenGestart.length, 1);
  assert.deepEqual(g.rij.invoer.fraudeVastgesteld, ['2010-12-31']);
  assert.deepEqual(g.rij.invoer.locatiesVerscherptToezicht, []);
  assert.ok(!JSON.stringify(g.rij.invoer).includes('2015-07-15'), "another zorgkantoor's signal is not used");
});

let onderzoekId: string;
test('uitkomst: een fraudeonderzoek gestart tijdens de procedure maakt er eenjarig van; de brief noemt de herkomst maar niet de omschrijving', async () => {
  onderzoekId = await signaal(inkoper, { soort: 'fraudeonderzoek', datumVan: '2015-07-01' });
  const g = await gun({ motivatie: 'Goed plan' });
  assert.equal(g.uitkomst, 'eenjarig-opslag');
  assert.equal(g.looptijdJaren, 1);
  assert.equal(g.opslagPercentage, '2.00');
  const g2 = g.reden('G2');
  assert.equal(g2.voldaan, false);
  assert.match(g2.toelichting, /Fraudeonderzoek gestart op 2015-07-01/);
  assert.match(g2.toelichting, /Herkomst: fraudeonderzoek gestart op 2015-07-01 \(signalenregister\)\./);
  // stored input: which fact came from which signal
  assert.deepEqual(
    g.rij.invoer.herkomst.register.fraudeonderzoekenGestart.find((x: any) => x.datum === '2015-07-01'),
    { signaalId: onderzoekId, datum: '2015-07-01' },
  );
  assert.deepEqual(g.rij.invoer.herkomst.aanvullend, { fraudeonderzoekenGestart: [], fraudeVastgesteld: [] });
  const audit = await t.db.one<any>(
    `SELECT invoer FROM audit_regel WHERE actie = 'inkoop.gunning.voorlopig' AND onderwerp_id = $1`,
    [g.ins],
  );
  assert.equal(
    audit.invoer.herkomst.register.fraudeonderzoekenGestart.some((x: any) => x.signaalId === onderzoekId),
    true,
  );
  // what the provider gets: reasons and letter without the description or the source text
  const zicht = await zonnehof.get(`/api/v1/inkoop/gunningen/${g.gunningId}`);
  assert.equal(zicht.statusCode, 200);
  assert.ok(!zicht.body.includes(GEHEIM) && !zicht.body.includes('dossier 2015-118'), zicht.body);
  assert.match(zicht.body, /signalenregister/);
  const pdf = await zonnehof.get(`/api/v1/inkoop/gunningsdocumenten/${zicht.json().briefDocumentId}`);
  assert.equal(pdf.statusCode, 200);
  const tekst = pdfTekst(pdf.rawPayload);
  assert.match(tekst, /Eenjarige overeenkomst met tariefopslag/);
  assert.doesNotMatch(tekst, /declaraties dagbesteding|dossier 2015-118/);
  assert.ok(!JSON.stringify(g.rij.redenen).includes(GEHEIM));
});

test('uitkomst: na intrekken van het signaal weer tweejarig', async () => {
  assert.equal(
    (
      await manager.post(`/api/v1/inkoop/signalen/${onderzoekId}/intrekken`, {
        reden: 'Onderzoek betrof een andere aanbieder',
      })
    ).statusCode,
    200,
  );
  const g = await gun();
  assert.equal(g.uitkomst, 'tweejarig-opslag', JSON.stringify(g.redenen));
  assert.equal(g.reden('G2').voldaan, true);
  assert.ok(!g.rij.invoer.herkomst.register.fraudeonderzoekenGestart.some((x: any) => x.signaalId === onderzoekId));
});

test('uitkomst: lopend verscherpt toezicht op een locatie blokkeert tweejarig met de locatie genoemd; met einddatum vóór de besluitdatum niet meer', async () => {
  const id = await signaal(manager, {
    soort: 'verscherpt_toezicht',
    locatieId: locZonnehof.id,
    datumVan: '2015-09-01',
    bron: 'IGJ-rapport 2015-09-01',
  });
  const g = await gun();
  assert.equal(g.uitkomst, 'eenjarig-opslag');
  const g1 = g.reden('G1');
  assert.equal(g1.voldaan, false);
  assert.match(
    g1.toelichting,
    new RegExp(`Onder verscherpt toezicht: ${locZonnehof.naam.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.`),
  );
  assert.match(g1.toelichting, /\(signalenregister\)/);
  assert.doesNotMatch(g1.toelichting, /IGJ-rapport/);
  assert.deepEqual(g.rij.invoer.herkomst.register.verscherptToezicht, [{ signaalId: id, locatie: locZonnehof.naam }]);
  // the inspection ended on 2015-09-20; the decision date is 2015-10-01
  assert.equal((await inkoper.patch(`/api/v1/inkoop/signalen/${id}`, { datumTot: '2015-09-20' })).statusCode, 200);
  const na = await gun();
  assert.equal(na.uitkomst, 'tweejarig-opslag', JSON.stringify(na.redenen));
  assert.deepEqual(na.rij.invoer.locatiesVerscherptToezicht, []);
});

test('uitkomst: een getypte datum (niet in het register) telt nog en is herkenbaar als aanvullend', async () => {
  const g = await gun({ fraudeVastgesteld: ['2012-03-15'] });
  assert.equal(g.uitkomst, 'eenjarig-opslag');
  assert.match(
    g.reden('G3').toelichting,
    /fraude vastgesteld op 2012-03-15 \(aanvullend opgegeven door het zorgkantoor\)/,
  );
  assert.deepEqual(g.rij.invoer.herkomst.aanvullend.fraudeVastgesteld, ['2012-03-15']);
  assert.deepEqual(
    g.rij.invoer.herkomst.register.fraudeVastgesteld.map((x: any) => x.datum),
    ['2010-12-31'],
  );
  assert.equal((await verifyAudit(t.db)).ok, true);
});

// ───────────────────────────── Contract roles in the classification ─────────────────────────────

let classKader: KaderRij;
async function testAanbieder(id: string) {
  await t.db.query(`INSERT INTO organisatie (id, soort, naam, voorbeeld) VALUES ($1,'zorgaanbieder',$2,true)`, [
    id,
    `Testaanbieder ${id}`,
  ]);
  await t.db.query(
    `INSERT INTO locatie (organisatie_id, naam, regio_code, sectoren, leveringsvormen, capaciteit) VALUES ($1,$2,'5527','{VV}','{verblijf}',20)`,
    [id, `Locatie ${id}`],
  );
}
const klasse = async (id: string) => {
  await classificeerInschrijving(t.ctx, t.db, classKader, id);
  return t.db.one<{ klasse: string; reden: string; bewijs: any }>(
    'SELECT klasse, reden, bewijs FROM classificatie WHERE kader_id = $1 AND organisatie_id = $2 AND regio_code = $3',
    [classKader.id, id, '5527'],
  );
};

test('contractrelaties: vastleggen met validatie en audit; alleen onderaannemer of alleen pgb → geheel nieuw; met hoofdcontract blijft bestaand', async () => {
  for (const id of ['za-test-onder', 'za-test-pgb', 'za-test-beide']) await testAanbieder(id);
  classKader = await t.db
    .one<KaderRij>(`INSERT INTO inkoopkader (organisatie_id, titel, jaar_van, jaar_tot, sector, regio_codes, procedure_type, fase, regionale_paragraaf, bezwaartermijn_dagen)
    VALUES ('zk-cz','Classificatie 2016',2016,2016,'VV','{5527}','dialoog','concept','{}',14) RETURNING *`);

  // validation: nothing stored
  const voor = await aantal('contractrelatie');
  const fout = await inkoper.post('/api/v1/inkoop/contractrelaties', {
    aanbiederId: 'za-test-pgb',
    jaar: 2015,
    regioCode: '0000',
    sector: 'VV',
    rol: 'pgb',
    hoofdaannemerId: 'za-demo-0001',
    bron: '',
  });
  assert.equal(fout.statusCode, 422, fout.body);
  assert.deepEqual(
    fout
      .json()
      .fouten.map((f: any) => f.waar)
      .sort(),
    ['bron', 'hoofdaannemerId', 'regioCode'],
  );
  assert.equal(
    (
      await beoordelaar.post('/api/v1/inkoop/contractrelaties', {
        aanbiederId: 'za-test-pgb',
        jaar: 2015,
        regioCode: '5527',
        sector: 'VV',
        rol: 'pgb',
        bron: 'x',
      })
    ).statusCode,
    403,
  );
  assert.equal(await aantal('contractrelatie'), voor);

  const onder = await inkoper.post('/api/v1/inkoop/contractrelaties', {
    aanbiederId: 'za-test-onder',
    jaar: 2015,
    regioCode: '5527',
    sector: 'VV',
    rol: 'onderaannemer',
    hoofdaannemerId: 'za-demo-0001',
    bron: 'Onderaannemingsovereenkomst 2015',
  });
  assert.equal(onder.statusCode, 201, onder.body);
  assert.equal(
    onder.json().hoofdaannemerNaam,
    (await t.db.one<{ naam: string }>(`SELECT naam FROM organisatie WHERE id = 'za-demo-0001'`)).naam,
  );
  const a = (await auditVan(onder.json().id))[0];
  assert.equal(a.actie, 'inkoop.contractrelatie.vastgelegd');
  assert.equal(a.invoer.rol, 'onderaannemer');
  assert.equal(
    (
      await inkoper.post('/api/v1/inkoop/contractrelaties', {
        aanbiederId: 'za-test-pgb',
        jaar: 2015,
        regioCode: '5527',
        sector: 'VV',
        rol: 'pgb',
        bron: 'SVB-overzicht 2015',
      })
    ).statusCode,
    201,
  );
  assert.equal(
    (
      await inkoper.post('/api/v1/inkoop/contractrelaties', {
        aanbiederId: 'za-test-beide',
        jaar: 2015,
        regioCode: '5527',
        sector: 'VV',
        rol: 'onderaannemer',
        bron: 'opgave aanbieder',
      })
    ).statusCode,
    201,
  );
  // a relation of another year does not count for the 2016 procedure (reference year 2015)
  assert.equal(
    (
      await inkoper.post('/api/v1/inkoop/contractrelaties', {
        aanbiederId: 'za-test-pgb',
        jaar: 2013,
        regioCode: '5527',
        sector: 'VV',
        rol: 'zzp_pilot',
        bron: 'archief',
      })
    ).statusCode,
    201,
  );

  // the main contract for za-test-beide: productieafspraak 2015 with actual production in 5527
  const p = await t.db.one<{ code: string }>(
    `SELECT code FROM prestatie WHERE sector = 'VV' AND soort = 'zzp' ORDER BY code LIMIT 1`,
  );
  await t.db.query(
    `INSERT INTO productieafspraak (jaar, regio_code, organisatie_id, sector, prestatie_code, prijs, volume, bedrag) VALUES (2015,'5527','za-test-beide','VV',$1,'100.00','10.00','1000.00')`,
    [p.code],
  );
  await t.db.query(
    `INSERT INTO realisatie (jaar, maand, regio_code, organisatie_id, prestatie_code, clienten, volume, bedrag) VALUES (2015,3,'5527','za-test-beide',$1,2,'5.00','500.00')`,
    [p.code],
  );

  const ko = await klasse('za-test-onder');
  assert.equal(ko.klasse, 'geheel_nieuw');
  assert.match(ko.reden, /In 2015 werkte de aanbieder alleen als onderaannemer; dat telt als geheel nieuw\./);
  assert.deepEqual(ko.bewijs.rollen, ['onderaannemer']);
  const kp = await klasse('za-test-pgb');
  assert.equal(kp.klasse, 'geheel_nieuw');
  assert.match(kp.reden, /alleen zorg ingekocht met een pgb/);
  assert.doesNotMatch(kp.reden, /pilot/, 'the 2013 zzp-pilot relation is not of the reference year');
  const kb = await klasse('za-test-beide');
  assert.equal(kb.klasse, 'bestaand', kb.reden);
  assert.deepEqual([...kb.bewijs.rollen].sort(), ['hoofdaannemer', 'onderaannemer']);

  // the list: readable by zorgkantoor staff and NZa
  const lijst = (await controller.get('/api/v1/inkoop/contractrelaties?aanbieder=za-test-pgb')).json();
  assert.deepEqual(
    lijst.map((x: any) => x.jaar),
    [2015, 2013],
  );
  assert.equal((await nza.get('/api/v1/inkoop/contractrelaties?jaar=2015')).json().length, 3);

  // withdrawing the subcontract: no longer in the history → no contract at all (still geheel nieuw, other reason)
  assert.equal(
    (await manager.post(`/api/v1/inkoop/contractrelaties/${onder.json().id}/intrekken`, { reden: 'Dubbel vastgelegd' }))
      .statusCode,
    200,
  );
  assert.equal(
    (await vgz.post(`/api/v1/inkoop/contractrelaties/${onder.json().id}/intrekken`, { reden: 'x' })).statusCode,
    404,
  );
  const na = await klasse('za-test-onder');
  assert.match(na.reden, /met geen enkel zorgkantoor een overeenkomst/);
  assert.equal((await verifyAudit(t.db)).ok, true);
});
