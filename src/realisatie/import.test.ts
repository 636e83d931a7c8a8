// Declaration import end to end on the real database (PGlite, or PostgreSQL with DATABASE_URL):
// idempotency, corrected files replacing their periods, a bad line in the middle, SQL checks,
// zorgkantoor scope, and the API with a job and a downloadable report.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestApp, type TestApp } from '../testing.ts';
import { multipart } from '../../test/support/multipart.ts';
import { AppError } from '../platform/errors.ts';
import { importeerDeclaraties, type ImportOpties } from './service.ts';
import { DEMO_AANBIEDER } from '../demo/index.ts';

let app: TestApp;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zk-decl-'));
const JAAR = 2025;
interface Afspraak {
  organisatie_id: string;
  prestatie_code: string;
  regio_code: string;
  prijs: string;
}
let af: Afspraak[] = [];

before(async () => {
  app = await createTestApp();
  // three agreements of 2025 whose provider × prestatie is in exactly one region, in a CZ region
  af = await app.db.query<Afspraak>(
    `SELECT DISTINCT ON (organisatie_id) * FROM (
       SELECT p.organisatie_id, p.prestatie_code, min(p.regio_code) AS regio_code, max(p.prijs)::text AS prijs
         FROM productieafspraak p
        WHERE p.jaar = $1 AND EXISTS (SELECT 1 FROM regio_concessie c WHERE c.regio_code = p.regio_code AND c.jaar = $1 AND c.organisatie_id = 'zk-cz')
        GROUP BY 1, 2 HAVING count(DISTINCT p.regio_code) = 1) x
      ORDER BY organisatie_id, prestatie_code LIMIT 3`,
    [JAAR],
  );
  assert.equal(af.length, 3, 'demo has agreements to declare against');
});
after(() => app.close());

const bedrag = (prijs: string, aantal: number) =>
  ((BigInt(prijs.replace('.', '')) * BigInt(aantal)) / 1n).toString().replace(/(\d\d)$/, '.$1');
function csv(regels: string[][]): string {
  return ['client;aanbieder;prestatie;periode;aantal;bedrag', ...regels.map((r) => r.join(';'))].join('\n') + '\n';
}
/** n lines: clients c0..c(k) for agreement a, months m */
function goed(maanden: number[], clienten = 3, aantal = 10): string[][] {
  const out: string[][] = [];
  for (const a of af)
    for (const m of maanden)
      for (let c = 0; c < clienten; c++)
        out.push([
          `clt-${c}`,
          a.organisatie_id,
          a.prestatie_code,
          `${JAAR}-${String(m).padStart(2, '0')}`,
          String(aantal),
          bedrag(a.prijs, aantal),
        ]);
  return out;
}
function bestand(naam: string, inhoud: string) {
  const p = path.join(tmp, naam);
  fs.writeFileSync(p, inhoud);
  return p;
}
const opt = (naam: string, modus: ImportOpties['modus'] = 'alles-of-niets'): ImportOpties => ({
  jaar: JAAR,
  modus,
  bestandsnaam: naam,
});
const snapshot = async () =>
  JSON.stringify(
    await app.db.query(
      `SELECT maand, regio_code, organisatie_id, prestatie_code, clienten, volume::text, bedrag::text FROM realisatie WHERE jaar = $1 ORDER BY 1,2,3,4`,
      [JAAR],
    ),
  );
const tel = async () => (await app.db.one<{ n: number }>('SELECT count(*)::int AS n FROM realisatie_import')).n;

test('a valid file replaces the periods it contains with its aggregate, and is audited', async () => {
  const p = bestand('jan-feb.csv', csv(goed([1, 2])));
  const r = await importeerDeclaraties(app.ctx, null, p, opt('jan-feb.csv'));
  assert.equal(r.status, 'geladen');
  assert.equal(r.regels, 18);
  assert.equal(r.geladen, 18);
  assert.equal(r.geweigerd, 0);
  assert.equal(r.perioden, 6); // 3 providers × 2 months
  const a = af[0];
  const rows = await app.db.query<{ clienten: number; volume: string; bedrag: string }>(
    `SELECT clienten, volume::text, bedrag::text FROM realisatie WHERE jaar = $1 AND maand = 1 AND organisatie_id = $2 ORDER BY prestatie_code`,
    [JAAR, a.organisatie_id],
  );
  // The demo may have had more prestaties for this provider in January: the period is replaced as a whole.
  assert.equal(rows.length, 1);
  assert.equal(rows[0].clienten, 3);
  assert.equal(rows[0].volume, '30.00');
  const audit = await app.db.one<{ n: number }>(
    `SELECT count(*)::int AS n FROM audit_regel WHERE actie = 'realisatie.import' AND onderwerp_id = $1`,
    [r.importId],
  );
  assert.equal(audit.n, 1);
});

test('idempotent: the same file again changes nothing and writes no new import', async () => {
  const p = bestand('jan-feb.csv', csv(goed([1, 2])));
  const voor = await snapshot();
  const n = await tel();
  const r = await importeerDeclaraties(app.ctx, null, p, opt('jan-feb.csv'));
  assert.equal(r.status, 'ongewijzigd');
  assert.equal(await snapshot(), voor);
  assert.equal(await tel(), n);
});

test('the straight path (COPY, checks in SQL) and the line-by-line path load the same realisation', async () => {
  const regels = goed([3], 2, 4);
  const fasen1: Record<string, number> = {};
  const r1 = await importeerDeclaraties(app.ctx, null, bestand('maart.csv', csv(regels)), {
    ...opt('maart.csv'),
    fasen: fasen1,
  });
  assert.equal(r1.status, 'geladen');
  assert.ok('ruw-controle' in fasen1 && !('lezen' in fasen1), 'a plain file takes the straight path');
  const recht = await snapshot();
  // the same lines with a quoted client and a decimal comma: read line by line
  const anders = regels.map(([c, ...rest], i) =>
    i === 0 ? [`"${c}"`, ...rest.slice(0, 3), '4,0', rest[4]] : [c, ...rest],
  );
  const fasen2: Record<string, number> = {};
  const r2 = await importeerDeclaraties(app.ctx, null, bestand('maart-2.csv', csv(anders).replace(/\n/g, '\r\n')), {
    ...opt('maart-2.csv'),
    fasen: fasen2,
  });
  assert.equal(r2.status, 'geladen');
  assert.ok('lezen' in fasen2, 'a quoted field sends the file to the line-by-line path');
  assert.deepEqual([r2.regels, r2.geladen, r2.perioden], [r1.regels, r1.geladen, r1.perioden]);
  assert.equal(await snapshot(), recht);
});

test('a corrected file replaces only its own periods; the original file is then no longer a no-op', async () => {
  const eerst = bestand('jan-feb.csv', csv(goed([1, 2])));
  const correctie = bestand('feb-gecorrigeerd.csv', csv(goed([2], 2, 7)));
  const r = await importeerDeclaraties(app.ctx, null, correctie, opt('feb-gecorrigeerd.csv'));
  assert.equal(r.status, 'geladen');
  assert.equal(r.perioden, 3);
  const q = (m: number) =>
    app.db.one<{ clienten: number; volume: string }>(
      `SELECT clienten, volume::text FROM realisatie WHERE jaar = $1 AND maand = $2 AND organisatie_id = $3 AND prestatie_code = $4`,
      [JAAR, m, af[1].organisatie_id, af[1].prestatie_code],
    );
  assert.deepEqual(await q(2), { clienten: 2, volume: '14.00' });
  assert.deepEqual(await q(1), { clienten: 3, volume: '30.00' }, 'January untouched');
  const weer = await importeerDeclaraties(app.ctx, null, eerst, opt('jan-feb.csv'));
  assert.equal(weer.status, 'geladen', 'restoring the original file is a real import');
  assert.deepEqual(await q(2), { clienten: 3, volume: '30.00' });
});

test('a bad line in the middle: all-or-nothing writes no realisation; the report names line, field and reason', async () => {
  const regels = goed([3]);
  regels.splice(4, 0, ['clt-x', af[0].organisatie_id, af[0].prestatie_code, `${JAAR}-03`, '-2', '1.00']);
  const p = bestand('maart-fout.csv', csv(regels));
  const voor = await snapshot();
  const r = await importeerDeclaraties(app.ctx, null, p, opt('maart-fout.csv'));
  assert.equal(r.status, 'geweigerd');
  assert.equal(r.geladen, 0);
  assert.equal(r.geweigerd, 1);
  assert.deepEqual(
    r.eersteFouten.map((f) => [f.regel, f.veld]),
    [[6, 'aantal']],
  );
  assert.equal(await snapshot(), voor, 'never half a file');
  const rapport = await app.db.query(`SELECT regel, veld, reden FROM realisatie_import_fout WHERE import_id = $1`, [
    r.importId,
  ]);
  assert.equal(rapport.length, 1);
  assert.match(rapport[0].reden, /negatief aantal/);

  const k = await importeerDeclaraties(app.ctx, null, p, opt('maart-fout.csv', 'geldige-regels'));
  assert.equal(k.status, 'geladen');
  assert.equal(k.geladen, 9);
  assert.equal(k.geweigerd, 1);
  assert.notEqual(await snapshot(), voor);
});

test('SQL checks: unknown provider and prestatie, no agreement, amount above the agreed price, duplicate line', async () => {
  const a = af[0];
  const b = af[1];
  const p = bestand(
    'controles.csv',
    csv([
      ['c1', 'bestaat-niet', a.prestatie_code, `${JAAR}-04`, '1', '1.00'], // 2
      ['c1', a.organisatie_id, 'GEEN-PRESTATIE', `${JAAR}-04`, '1', '1.00'], // 3
      [
        'c1',
        a.organisatie_id,
        b.prestatie_code === a.prestatie_code ? 'VV-Z750-B' : b.prestatie_code,
        `${JAAR}-04`,
        '1',
        '0.01',
      ], // 4 maybe no agreement
      ['c1', a.organisatie_id, a.prestatie_code, `${JAAR}-04`, '2', bedrag(a.prijs, 3)], // 5 above price
      ['c2', a.organisatie_id, a.prestatie_code, `${JAAR}-04`, '1', bedrag(a.prijs, 1)], // 6 fine
      ['c2', a.organisatie_id, a.prestatie_code, `${JAAR}-04-20`, '1', bedrag(a.prijs, 1)], // 7 duplicate of 6
    ]),
  );
  const r = await importeerDeclaraties(app.ctx, null, p, opt('controles.csv'));
  assert.equal(r.status, 'geweigerd');
  const f = (regel: number) =>
    r.eersteFouten
      .filter((x) => x.regel === regel)
      .map((x) => `${x.veld}: ${x.reden}`)
      .join(' | ');
  assert.match(f(2), /^aanbieder: onbekende zorgaanbieder/);
  assert.match(f(3), /prestatie: onbekende prestatie/);
  if (f(4)) assert.match(f(4), /geen productieafspraak 2025/);
  assert.match(f(5), /bedrag: bedrag [\d.]+ ligt boven aantal × afgesproken prijs/);
  assert.equal(f(6), '');
  assert.match(f(7), /dubbele regel.*regel 6/);
});

test('SQL checks on the regio column: a region without agreement is named in full (even with a "|"); the agreed region passes', async () => {
  const a = af[0];
  const kop = 'client;aanbieder;prestatie;periode;aantal;bedrag;regio';
  const r = (regio: string, client: string) =>
    [client, a.organisatie_id, a.prestatie_code, `${JAAR}-05`, '1', bedrag(a.prijs, 1), regio].join(';');
  const p = bestand('regio.csv', [kop, r('98|99', 'c1'), r(a.regio_code, 'c2')].join('\n') + '\n');
  const res = await importeerDeclaraties(app.ctx, null, p, opt('regio.csv'));
  assert.equal(res.status, 'geweigerd');
  assert.deepEqual(
    res.eersteFouten.map((x) => [x.regel, x.veld, x.reden]),
    [[2, 'regio', `geen productieafspraak ${JAAR} in regio 98|99 voor deze aanbieder en prestatie`]],
  );
});

test('a zorgkantoor may only import lines of its own regions', async () => {
  const vgz = {
    gebruikerId: null as unknown as string,
    naam: 'test',
    email: '',
    organisatieId: 'zk-vgz',
    organisatieNaam: 'VGZ',
    organisatieSoort: 'zorgkantoor' as const,
    rollen: ['inkoper' as const],
    taal: 'nl' as const,
  };
  const g = await app.db.maybeOne('SELECT id FROM gebruiker WHERE email = $1', ['inkoper@vgz.demo']);
  vgz.gebruikerId = g!.id;
  const p = bestand('vgz.csv', csv(goed([5], 1)));
  const r = await importeerDeclaraties(app.ctx, vgz, p, opt('vgz.csv'));
  assert.equal(r.status, 'geweigerd');
  assert.ok(r.eersteFouten.every((x) => x.veld === 'regio' && /niet bij uw zorgkantoor/.test(x.reden)));
});

test('a file that cannot be read at all: 400 naming file, line and what to do; nothing stored', async () => {
  const n = await tel();
  const p = bestand('latin1.csv', '');
  fs.writeFileSync(
    p,
    Buffer.concat([
      Buffer.from(csv([['Jos', af[0].organisatie_id, af[0].prestatie_code, `${JAAR}-01`, '1', '1.00']])),
      Buffer.from([0xe9, 0x0a]),
    ]),
  );
  await assert.rejects(
    importeerDeclaraties(app.ctx, null, p, opt('latin1.csv')),
    (e: unknown) =>
      e instanceof AppError &&
      e.status === 400 &&
      /latin1\.csv:\d/.test(e.fouten[0].waar ?? '') &&
      /UTF-8/.test(e.message),
  );
  const kop = bestand('kop.csv', 'klant,zorgaanbieder\n');
  await assert.rejects(importeerDeclaraties(app.ctx, null, kop, opt('kop.csv')), /kopregel is niet herkend/);
  assert.equal(await tel(), n);
});

test('API: upload runs as a job; the import and its report of refused lines can be fetched; providers are refused', async () => {
  const inkoper = await app.login('inkoper@cz.demo');
  const regels = goed([6], 1);
  regels.push(['clt-y', af[0].organisatie_id, af[0].prestatie_code, `${JAAR - 1}-06`, '1', '1.00']);
  const body = multipart('juni.csv', Buffer.from(csv(regels)), { jaar: String(JAAR), modus: 'geldige-regels' });
  const res = await inkoper.post('/api/v1/realisatie/import', body.payload, body.headers);
  assert.equal(res.statusCode, 202, res.body);
  const { taakId } = res.json();
  const uitkomst = await app.ctx.jobs.done<{ importId: string; status: string; geweigerd: number }>(taakId);
  assert.equal(uitkomst.status, 'geladen');
  assert.equal(uitkomst.geweigerd, 1);
  const taak = (await inkoper.get(`/api/v1/taken/${taakId}`)).json();
  assert.equal(taak.status, 'klaar');
  assert.equal(Number(taak.voortgang), 1);
  const imp = await inkoper.get(`/api/v1/realisatie/import/${uitkomst.importId}`);
  assert.equal(imp.statusCode, 200);
  assert.equal(imp.json().geweigerd, 1);
  const rapport = await inkoper.get(`/api/v1/realisatie/import/${uitkomst.importId}/fouten.csv`);
  assert.equal(rapport.statusCode, 200);
  assert.match(String(rapport.headers['content-type']), /text\/csv/);
  assert.match(rapport.body, /^regel;veld;reden\n5;periode;2024-06 ligt buiten het jaar 2025\n$/);
  assert.ok(!rapport.body.includes('clt-y'), 'no client identifiers in the report');

  const vgz = await app.login('inkoper@vgz.demo');
  assert.equal((await vgz.get(`/api/v1/realisatie/import/${uitkomst.importId}`)).statusCode, 404);
  const aanbieder = await app.login('contractmanager@zonnehof.demo');
  const b2 = multipart('x.csv', Buffer.from(csv(goed([6], 1))), { jaar: String(JAAR) });
  assert.equal((await aanbieder.post('/api/v1/realisatie/import', b2.payload, b2.headers)).statusCode, 403);
  const zonderJaar = multipart('x.csv', Buffer.from(csv(goed([6], 1))));
  const r400 = await inkoper.post('/api/v1/realisatie/import', zonderJaar.payload, zonderJaar.headers);
  assert.equal(r400.statusCode, 400);
  assert.match(String(r400.headers['content-type']), /problem\+json/);
});

test('API: herschikking bereken for the zorgkantoor; providers refused; schema errors are 400 problem+json', async () => {
  const inkoper = await app.login('inkoper@cz.demo');
  const scenario = {
    jaar: 2027,
    regio: '5527',
    pool: '950000.00',
    aanbieders: [
      { id: 'X', afspraak: '2550000.00', gerealiseerdTotNu: '1450000.00', prognoseJaar: '2900000.00', prioriteit: 0 },
    ],
  };
  const r = await inkoper.post('/api/v1/realisatie/herschikking/bereken', scenario);
  assert.equal(r.statusCode, 200, r.body);
  assert.deepEqual(r.json().pool, { voor: '950000.00', na: '600000.00' });
  const onmogelijk = await inkoper.post('/api/v1/realisatie/herschikking/bereken', {
    ...scenario,
    aanbieders: [{ ...scenario.aanbieders[0], afspraak: '1000.00' }],
  });
  assert.equal(onmogelijk.statusCode, 422);
  const fout = await inkoper.post('/api/v1/realisatie/herschikking/bereken', { ...scenario, pool: '-1' });
  assert.equal(fout.statusCode, 400);
  assert.match(String(fout.headers['content-type']), /problem\+json/);
  const aanbieder = await app.login('contractmanager@zonnehof.demo');
  assert.equal((await aanbieder.post('/api/v1/realisatie/herschikking/bereken', scenario)).statusCode, 403);
});

test('API: an unreadable file fails the job with what to do; no import is recorded', async () => {
  const inkoper = await app.login('inkoper@cz.demo');
  const n = await tel();
  const body = multipart('kapot.csv', Buffer.from('klant|aanbieder\n'), { jaar: String(JAAR) });
  const res = await inkoper.post('/api/v1/realisatie/import', body.payload, body.headers);
  assert.equal(res.statusCode, 202, res.body);
  const { taakId } = res.json();
  await assert.rejects(app.ctx.jobs.done(taakId), /kopregel is niet herkend/);
  const taak = (await inkoper.get(`/api/v1/taken/${taakId}`)).json();
  assert.equal(taak.status, 'mislukt');
  assert.match(taak.fout, /kapot\.csv is niet te lezen/);
  assert.equal(await tel(), n);
});

test('API: monitor — forecast and signal per provider for the zorgkantoor; a provider sees only itself', async () => {
  const regio = af[0].regio_code;
  const inkoper = await app.login('inkoper@cz.demo');
  const r = await inkoper.get(`/api/v1/realisatie/monitor?jaar=${JAAR}&regio=${regio}&totMaand=6`);
  assert.equal(r.statusCode, 200, r.body);
  const m = r.json();
  assert.equal(m.totMaand, 6);
  assert.ok(m.aanbieders.length > 1);
  const c = (s: string) => BigInt(s.replace('.', ''));
  let somP = 0n;
  for (const a of m.aanbieders) {
    assert.ok(c(a.prognose) >= c(a.gerealiseerd));
    // no earlier years in the demo: linear run-rate, gerealiseerd × 12 / 6, half-up
    assert.equal(c(a.prognose), c(a.gerealiseerd) * 2n);
    assert.ok(['overproductie', 'onderproductie', 'afspraak-overschreden', 'binnen'].includes(a.soort));
    somP += c(a.prognose);
  }
  assert.equal(c(m.totaal.prognose), somP);
  const vgz = await app.login('inkoper@vgz.demo');
  assert.equal((await vgz.get(`/api/v1/realisatie/monitor?jaar=${JAAR}&regio=${regio}`)).statusCode, 404);
  const aanbieder = await app.login('contractmanager@zonnehof.demo');
  const eigen = (await aanbieder.get(`/api/v1/realisatie/monitor?jaar=${JAAR}&regio=${regio}`)).json();
  assert.ok(eigen.aanbieders.length <= 1);
  assert.equal(eigen.totaal, null);
  for (const a of eigen.aanbieders) assert.equal(a.aanbieder, DEMO_AANBIEDER);
});
