// The `zorginkoop inkoop status` and `zorginkoop inkoop ocds` commands as a user runs them: the real
// binary (node bin/zorginkoop.mjs) in a child process against an embedded PGlite data dir.
// The data dir is prepared in this process first (demo data, a published kader with one submitted
// and one draft bid), then closed, because only one process at a time may open it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/platform/config.ts';
import { openDb } from '../src/platform/db/index.ts';
import { JobRunner } from '../src/platform/jobs.ts';
import type { AppContext } from '../src/platform/context.ts';
import { buildApp } from '../src/platform/http/app.ts';
import { capabilities } from '../src/capabilities.ts';
import { pgliteTemplateTarball } from '../src/testing.ts';
import { loadDemo, DEMO_PASSWORD } from '../src/demo/index.ts';
import { lokaalNaarInstant } from '../src/domain/inkoop/timeline.ts';
import { valideerOcds } from './support/ocds-validatie.ts';

const bin = path.resolve('bin/zorginkoop.mjs');
const env = { ...process.env };
delete env.DATABASE_URL; // always the embedded database, also when the suite runs on PostgreSQL
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zk-inkoop-cli-'));
let kaderId = '';

function run(args: string[]) {
  const r = spawnSync(process.execPath, [bin, '--data-dir', dataDir, ...args], {
    env,
    encoding: 'utf8',
    timeout: 180_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const noStack = (s: string) => assert.doesNotMatch(s, /\n\s+at .+:\d+:\d+/, 'no stack trace');

before(async () => {
  // starts from the migrated template (migrating a data dir is tested in test/cli.test.ts)
  const db = await openDb({ dataDir, loadDataDir: await pgliteTemplateTarball() });
  try {
    let nu = lokaalNaarInstant('2015-06-02T10:00');
    const ctx: AppContext = {
      db,
      config: loadConfig({ dataDir, passwordHashCost: 'test' }, {}),
      jobs: new JobRunner(db),
      now: () => nu,
    };
    await loadDemo(ctx, { seed: 1, schaal: 'regio' });
    const app = await buildApp(ctx, { capabilities, logger: false });
    const als = async (email: string) => {
      const r = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, wachtwoord: DEMO_PASSWORD },
      });
      assert.equal(r.statusCode, 200, r.body);
      const headers = { cookie: String(r.headers['set-cookie']).split(';')[0], 'x-csrf-token': r.json().csrfToken };
      return (method: 'POST' | 'PUT', url: string, payload: object = {}) =>
        app.inject({ method, url: `/api/v1${url}`, payload, headers });
    };
    const zk = await als('inkoper@cz.demo');
    const k = await zk('POST', '/inkoop/kaders', {
      titel: 'CLI-test V&V 2016',
      jaarVan: 2016,
      sector: 'VV',
      regioCodes: ['5526', '5527'],
      procedureType: 'openbaar',
    });
    assert.equal(k.statusCode, 201, k.body);
    kaderId = k.json().id;
    const tl = await zk('PUT', `/inkoop/kaders/${kaderId}/termijnen`, {
      termijnen: [
        { fase: 'vragen', eindigt: '2015-06-20T17:00' },
        { fase: 'inschrijving', begint: '2015-06-01T09:00', eindigt: '2015-07-31T17:00' },
      ],
    });
    assert.equal(tl.statusCode, 200, tl.body);
    const eis = await zk('POST', `/inkoop/kaders/${kaderId}/eisen`, {
      code: 'KO1',
      groep: 'gunningscriterium_knockout',
      tekst: 'Voldoet aan het Programma van Eisen',
      soort: 'oordeel',
      verplicht: false,
    });
    assert.equal(eis.statusCode, 201, eis.body);
    const pub = await zk('POST', `/inkoop/kaders/${kaderId}/publiceren`);
    assert.equal(pub.statusCode, 200, pub.body);
    const za1 = await als('contractmanager@zonnehof.demo');
    const i1 = await za1('POST', `/inkoop/kaders/${kaderId}/inschrijving`);
    assert.equal(i1.statusCode, 200, i1.body);
    const ind = await za1('POST', `/inkoop/inschrijvingen/${i1.json().id}/indienen`);
    assert.equal(ind.statusCode, 200, ind.body);
    const za2 = await als('contractmanager@heideweg.demo');
    assert.equal(
      (await za2('POST', `/inkoop/kaders/${kaderId}/inschrijving`)).statusCode,
      200,
      'a draft that stays a concept',
    );
    nu = new Date();
    await ctx.jobs.idle();
    await app.close();
  } finally {
    await db.close(); // releases the data dir for the child processes
  }
});
after(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('inkoop status --kader <id> --json: phase, deadlines and counts per state (exit 0)', () => {
  const r = run(['inkoop', 'status', '--kader', kaderId, '--json']);
  assert.equal(r.code, 0, r.err);
  const s = JSON.parse(r.out);
  assert.equal(s.id, kaderId);
  assert.equal(s.titel, 'CLI-test V&V 2016');
  assert.equal(s.procedureType, 'openbaar');
  assert.equal(s.fase, 'vragenronde');
  assert.equal(s.deadlineLokaal, '2015-07-31T17:00:00+02:00');
  assert.equal(s.deadline, '2015-07-31T15:00:00.000Z');
  assert.deepEqual(s.aantallen, {
    concept: 1,
    ingediend: 1,
    ingetrokken: 0,
    vragen: 0,
    vragenOnbeantwoord: 0,
    nviVersies: 0,
  });
  // the CLI runs on the real clock: long after the 2015 deadline, so unsealed and closed
  assert.equal(s.aftelling.verstreken, true);
  assert.equal(s.verzegeld, false);
  assert.equal(s.inschrijvenOpen, false);
  const inschrijving = s.termijnen.find((t: any) => t.fase === 'inschrijving');
  assert.equal(inschrijving.begintLokaal, '2015-06-01T09:00:00+02:00');
  assert.equal(inschrijving.eindigtLokaal, '2015-07-31T17:00:00+02:00');
  assert.ok(Array.isArray(s.toegestaneActies) && s.toegestaneActies.length > 0);
  // the human text carries the same facts
  const h = run(['inkoop', 'status', '--kader', kaderId]);
  assert.equal(h.code, 0, h.err);
  assert.match(h.out, /CLI-test V&V 2016 \(openbaar\) — fase: vragenronde/);
  assert.match(h.out, /Sluitingstermijn: 2015-07-31T17:00:00\+02:00/);
  assert.match(h.out, /Inschrijvingen: 1 concept, 1 ingediend, 0 ingetrokken/);
});

test('inkoop status: an unknown kader exits 1 with a message (no stack); a missing --kader is wrong usage (exit 2)', () => {
  const onbekend = run(['inkoop', 'status', '--kader', '00000000-0000-4000-8000-000000000000', '--json']);
  assert.equal(onbekend.code, 1);
  const fout = JSON.parse(onbekend.out);
  assert.equal(fout.code, 'niet-gevonden');
  assert.match(fout.fout, /Inkoopkader 00000000-0000-4000-8000-000000000000 bestaat niet/);
  assert.match(onbekend.err, /^Fout: Inkoopkader 00000000-0000-4000-8000-000000000000 bestaat niet/m);
  noStack(onbekend.err);
  const zonder = run(['inkoop', 'status']);
  assert.equal(zonder.code, 2);
  assert.match(zonder.err, /--kader/);
  noStack(zonder.err);
});

test('inkoop ocds --kader <id>: a valid OCDS 1.1 release package on stdout', () => {
  const r = run(['inkoop', 'ocds', '--kader', kaderId]);
  assert.equal(r.code, 0, r.err);
  const pkg = JSON.parse(r.out);
  const v = valideerOcds(pkg);
  assert.deepEqual(v.fouten, []);
  assert.equal(v.ok, true);
  assert.equal(pkg.version, '1.1');
  assert.ok(pkg.releases.length >= 1);
  assert.ok(
    pkg.releases.every((rel: any) => rel.tender?.title === 'CLI-test V&V 2016'),
    'every release is about this kader',
  );
  // bidder identities of a procedure without award are not published
  assert.doesNotMatch(r.out, /Heideweg/);
});
