// `zorginkoop herschik` as a user meets it: exit 0 / 1 (impossible figures) / 2 (usage or invalid
// file, field named), JSON and Dutch table, and no database opened.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const bin = path.resolve('bin/zorginkoop.mjs');
const examples = path.resolve('examples/herschikking');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zk-herschik-'));

function run(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}) {
  const env: Record<string, string | undefined> = { ...process.env, ...opts.env };
  if (!opts.env?.DATABASE_URL) delete env.DATABASE_URL;
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: opts.cwd ?? process.cwd(),
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const file = (name: string, content: unknown) => {
  const p = path.join(tmp, name);
  fs.writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
};
const noStack = (s: string) => assert.doesNotMatch(s, /\n\s+at .+:\d+:\d+/);

test('exit 0: the brief example gives the exact JSON', () => {
  const p = file('brief.json', {
    jaar: 2027,
    regio: '5527',
    pool: '950000.00',
    aanbieders: [
      { id: 'X', afspraak: '2550000.00', gerealiseerdTotNu: '1450000.00', prognoseJaar: '2900000.00', prioriteit: 0 },
    ],
  });
  const r = run(['herschik', '--scenario', p, '--json']);
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  assert.deepEqual(Object.keys(j), ['afspraken', 'pool', 'uitleg']);
  assert.deepEqual(j.afspraken, [{ aanbieder: 'X', voor: '2550000.00', na: '2900000.00', verschil: '350000.00' }]);
  assert.deepEqual(j.pool, { voor: '950000.00', na: '600000.00' });
  assert.ok(j.uitleg.every((u: unknown) => typeof u === 'string'));
});

test('exit 0 without --json: a Dutch table; the global --json before the command works too', () => {
  const r = run(['herschik', '--scenario', path.join(examples, '02-pool-te-klein.json')]);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /Aanbieder\s+Afspraak voor\s+Afspraak na\s+Verschil/);
  assert.match(r.out, /B\s+€ 2\.000\.000,00\s+€ 1\.828\.571,43\s+-€ 171\.428,57/);
  assert.match(r.out, /Pool: € 100\.000,00 → € 0,00/);
  const g = run(['--json', 'herschik', '--scenario', path.join(examples, '02-pool-te-klein.json')]);
  assert.equal(g.code, 0, g.err);
  assert.equal(JSON.parse(g.out).afspraken[2].na, '471428.57');
});

test('every shipped example runs, and examples are labelled as example data', () => {
  for (const f of fs.readdirSync(examples).filter((x) => x.endsWith('.json'))) {
    const raw = JSON.parse(fs.readFileSync(path.join(examples, f), 'utf8'));
    assert.equal(raw.voorbeeld, true, f);
    assert.match(raw.toelichting, /Voorbeeldgegevens/, f);
    const r = run(['herschik', '--scenario', path.join(examples, f), '--json']);
    assert.equal(r.code, f.includes('onmogelijk') ? 1 : 0, `${f}: ${r.err}`);
  }
});

test('exit 1: agreement already below realised — the reason is printed, in JSON too', () => {
  const r = run(['herschik', '--scenario', path.join(examples, '04-onmogelijk.json')]);
  assert.equal(r.code, 1);
  assert.match(r.err, /aanbieders\[0\] \(Y\).*onder wat gerealiseerd is/);
  noStack(r.err);
  const j = run(['herschik', '--scenario', path.join(examples, '04-onmogelijk.json'), '--json']);
  assert.equal(j.code, 1);
  const body = JSON.parse(j.out);
  assert.equal(body.code, 'herschikking-onmogelijk');
  assert.equal(body.fouten[0].waar, 'aanbieders[0] (Y)');
});

test('exit 2: usage errors and invalid files, with the field named', () => {
  const missing = run(['herschik']);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /--scenario/);

  const nofile = run(['herschik', '--scenario', path.join(tmp, 'bestaat-niet.json')]);
  assert.equal(nofile.code, 2);
  assert.match(nofile.err, /bestaat niet/);

  const badJson = run(['herschik', '--scenario', file('kapot.json', '{\n  "jaar": 2027,\n  "pool": }')]);
  assert.equal(badJson.code, 2);
  assert.match(badJson.err, /geen geldige JSON/);
  assert.match(badJson.err, /kapot\.json:3:\d+/);
  noStack(badJson.err);

  const badField = run([
    'herschik',
    '--json',
    '--scenario',
    file('veld.json', {
      jaar: 2027,
      regio: '5527',
      pool: '950000.00',
      aanbieders: [{ id: 'X', afspraak: 'veel', gerealiseerdTotNu: '1.00', prognoseJaar: '2.00' }],
    }),
  ]);
  assert.equal(badField.code, 2);
  assert.equal(JSON.parse(badField.out).fouten[0].waar, 'aanbieders[0].afspraak');
  assert.match(badField.err, /aanbieders\[0\]\.afspraak: "veel" is geen bedrag/);

  const noPool = run(['herschik', '--scenario', file('nopool.json', { jaar: 2027, regio: '5527', aanbieders: [] })]);
  assert.equal(noPool.code, 2);
  assert.match(noPool.err, /pool: ontbreekt/);
});

test('no database is opened: an unreachable DATABASE_URL and an unwritable data dir do not matter', () => {
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'zk-herschik-cwd-'));
  const r = run(['herschik', '--scenario', path.join(examples, '01-basis.json'), '--json'], {
    cwd,
    env: { DATABASE_URL: 'postgres://niemand@127.0.0.1:1/nergens', ZORGINKOOP_DATA_DIR: '/proc/geen-toegang' },
  });
  assert.equal(r.code, 0, r.err);
  assert.equal(JSON.parse(r.out).pool.na, '600000.00');
  assert.deepEqual(fs.readdirSync(cwd), [], 'nothing written in the working directory');
});

test('zorginkoop nacalculatie: exit 0 with the general tariff cut, exit 2 for a field error, exit 1 when refused', () => {
  const r = run(['nacalculatie', '--scenario', path.resolve('examples/nacalculatie/01-tariefkorting.json'), '--json']);
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  assert.equal(j.kortingspercentage, '9.0909');
  assert.deepEqual(
    j.aanbieders.map((a: { vastgesteld: string }) => a.vastgesteld),
    ['636.36', '272.73', '90.91'],
  );
  assert.equal(j.totaal.vastgesteld, '1000.00');
  const p = run([
    'nacalculatie',
    '--scenario',
    path.resolve('examples/nacalculatie/02-niet-vergoed-plafond-model-p.json'),
  ]);
  assert.equal(p.code, 0, p.err);
  assert.match(p.out, /inspanningsverplichting/);
  const bad = run([
    'nacalculatie',
    '--scenario',
    file('n.json', { jaar: 2027, regio: 'r', regel: 'soms', contracteerruimte: '1', aanbieders: [] }),
  ]);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /regel: "soms" is geen overproductieregel/);
  const boven = run([
    'nacalculatie',
    '--scenario',
    file('boven.json', {
      jaar: 2027,
      regio: 'r',
      regel: 'niet-vergoed',
      contracteerruimte: '10.00',
      aanbieders: [{ id: 'A', afspraak: '11.00', gedeclareerd: '1.00' }],
    }),
  ]);
  assert.equal(boven.code, 1);
  assert.match(boven.err, /boven de contracteerruimte/);
});
