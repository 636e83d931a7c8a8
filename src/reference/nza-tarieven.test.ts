import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createTestDb, type TestDb } from '../testing.ts';
import { loadConfig } from '../platform/config.ts';
import { JobRunner } from '../platform/jobs.ts';
import type { AppContext } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { importNzaTarieven, lijstNzaTarieven, parseNzaCsv } from './nza-tarieven.ts';
import { PRESTATIES, ensureReference } from './seed.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixture = (f: string) => path.join(root, 'test/fixtures/reference', f);
const lees = (f: string) => fs.readFileSync(fixture(f));
const bekend = new Set(PRESTATIES.map((p) => p.code));

let t: TestDb;
let ctx: AppContext;
before(async () => {
  t = await createTestDb();
  ctx = {
    db: t.db,
    config: loadConfig({ passwordHashCost: 'test' }, {}),
    jobs: new JobRunner(t.db),
    now: () => new Date(),
  };
});
after(async () => {
  await t.close();
});

const telling = async () => ({
  tarieven: (await t.db.one<{ n: number }>('SELECT count(*) AS n FROM nza_tarief')).n,
  imports: (await t.db.one<{ n: number }>('SELECT count(*) AS n FROM nza_tarief_import')).n,
  audit: (await t.db.one<{ n: number }>('SELECT count(*) AS n FROM audit_regel')).n,
});

async function fouten(bestand: string, jaar = 2024, voorbeeld = false) {
  try {
    await importNzaTarieven(ctx, null, { bestandsnaam: bestand, inhoud: lees(bestand), jaar, voorbeeld });
  } catch (e) {
    assert.ok(e instanceof AppError, String(e));
    return e;
  }
  assert.fail(`${bestand} werd geïmporteerd`);
}

test('the prestatie catalogue: ~60 V&V prestaties with stable codes, plus GZ and GGZ verblijf, each with a unit and source', async () => {
  const vv = PRESTATIES.filter((p) => p.sector === 'VV');
  assert.ok(vv.length >= 55 && vv.length <= 70, `V&V: ${vv.length}`);
  for (const code of [
    'VV-Z750-B',
    'VV-Z750-E',
    'VV-Z754-B',
    'VV-Z759-B',
    'VPT-754',
    'MPT-PV-K3',
    'MPT-VP-K1',
    'MPT-BG-IND-K0',
    'MPT-BG-GRP-KD02',
  ])
    assert.ok(bekend.has(code), code);
  assert.ok(!bekend.has('VV-Z759-E'), '10VV only with behandeling');
  assert.ok(PRESTATIES.some((p) => p.sector === 'GZ' && p.soort === 'zzp'));
  assert.ok(PRESTATIES.some((p) => p.sector === 'GGZ' && p.soort === 'zzp'));
  assert.equal(PRESTATIES.find((p) => p.code === 'MPT-BG-GRP-KD02')!.eenheid, 'dagdeel');
  assert.equal(PRESTATIES.find((p) => p.code === 'MPT-PV-K3')!.eenheid, 'uur');
  for (const p of PRESTATIES) assert.match(p.bron, /iWlz 2\.2/);
  const inDb = await t.db.one<{ n: number }>('SELECT count(*) AS n FROM prestatie WHERE bron IS NOT NULL');
  assert.equal(inDb.n, PRESTATIES.length);
});

test('ensureReference adds new catalogue rows to an existing database and is idempotent', async () => {
  await t.db.query(`DELETE FROM prestatie WHERE code = 'MPT-VP-K8'`);
  await t.db.query(
    `UPDATE regio_concessie SET organisatie_id = 'zk-vgz', voorbeeld = false WHERE regio_code = '5501' AND jaar = 2025`,
  );
  await t.db.tx((q) => ensureReference(q));
  await t.db.tx((q) => ensureReference(q));
  assert.equal((await t.db.one<{ n: number }>(`SELECT count(*) AS n FROM prestatie WHERE code = 'MPT-VP-K8'`)).n, 1);
  assert.equal((await t.db.one<{ n: number }>('SELECT count(*) AS n FROM prestatie')).n, PRESTATIES.length);
  const c = await t.db.one<any>(`SELECT * FROM regio_concessie WHERE regio_code = '5501' AND jaar = 2025`);
  assert.equal(c.organisatie_id, 'zk-vgz', 'an edited mapping is not overwritten');
  await t.db.query(
    `UPDATE regio_concessie SET organisatie_id = 'zk-menzis', voorbeeld = true WHERE regio_code = '5501' AND jaar = 2025`,
  );
});

test('parser: decimal comma and point, separators ; and ,, comments, BOM', () => {
  const a = parseNzaCsv(
    'a.csv',
    '\uFEFF# opmerking\nprestatie;jaar;tarief;nhc;nic\nVV-Z754-B;2024;242,1;19.85;\n',
    2024,
    bekend,
  );
  assert.deepEqual(a.fouten, []);
  assert.deepEqual(a.regels[0], {
    prestatie: 'VV-Z754-B',
    jaar: 2024,
    tarief: '242.10',
    nhc: '19.85',
    nic: null,
    regel: 3,
  });
  const b = parseNzaCsv('b.csv', 'tarief,prestatie,jaar\n"12.50",MPT-PV-K3,2024\n', 2024, bekend);
  assert.deepEqual(b.fouten, []);
  assert.equal(b.regels[0].tarief, '12.50');
  const c = parseNzaCsv('c.csv', 'prestatie,jaar,tarief\nMPT-PV-K3,2024,"12,50"\n', 2024, bekend);
  assert.equal(c.fouten.length, 1, 'with , as separator only a decimal point');
});

test('a valid file imports in one go, with sha256, audit and source; a new file replaces the year', async () => {
  const voor = await telling();
  const r = await importNzaTarieven(ctx, null, {
    bestandsnaam: 'tarieven-2024-geldig.csv',
    inhoud: lees('tarieven-2024-geldig.csv'),
    jaar: 2024,
    voorbeeld: false,
  });
  assert.equal(r.regels, 5);
  assert.equal(r.voorbeeld, false);
  assert.equal(r.label, null);
  assert.match(r.sha256, /^[0-9a-f]{64}$/);
  const na = await telling();
  assert.equal(na.tarieven - voor.tarieven, 5);
  assert.equal(na.audit - voor.audit, 1);
  const audit = await t.db.one<any>('SELECT * FROM audit_regel ORDER BY volgnummer DESC LIMIT 1');
  assert.equal(audit.actie, 'nza-tarieven.geimporteerd');
  assert.equal(audit.invoer.sha256, r.sha256);
  const l = await lijstNzaTarieven(t.db, 2024);
  assert.equal(l.tarieven.find((x) => x.prestatie === 'VV-Z754-E')!.tarief, '214.00');
  assert.equal(l.tarieven.find((x) => x.prestatie === 'VPT-754')!.nhc, null);
  const r2 = await importNzaTarieven(ctx, null, {
    bestandsnaam: 'tarieven-2024-komma.csv',
    inhoud: lees('tarieven-2024-komma.csv'),
    jaar: 2024,
    voorbeeld: false,
  });
  assert.equal(r2.vervangen, 5);
  assert.deepEqual(
    (await lijstNzaTarieven(t.db, 2024)).tarieven.map((x) => x.prestatie),
    ['MPT-VP-K1', 'VV-Z755-B'],
  );
});

test('bad input: a malformed file imports nothing and names file, line, column and reason for every error', async () => {
  const voor = await telling();
  const e = await fouten('tarieven-2024-fout.csv');
  assert.equal(e.status, 422);
  const waar = e.fouten.map((f) => `${f.waar} ${f.wat}`);
  const heeft = (re: RegExp) =>
    assert.ok(
      waar.some((w) => re.test(w)),
      `${re} in\n${waar.join('\n')}`,
    );
  heeft(/^tarieven-2024-fout\.csv:3:1 onbekende prestatie "VV-Z999-X"/);
  heeft(/^tarieven-2024-fout\.csv:4:3 tarief "12,3,4" is geen geldig bedrag/);
  heeft(/^tarieven-2024-fout\.csv:5:2 jaar 2023 hoort niet bij deze import voor 2024/);
  heeft(/^tarieven-2024-fout\.csv:6:1 prestatie "VV-Z754-B" staat dubbel \(ook op regel 2\)/);
  heeft(/^tarieven-2024-fout\.csv:7:\d+ 3 kolommen, de kopregel heeft er 5/);
  heeft(/^tarieven-2024-fout\.csv:8:3 tarief "€ 80" is geen geldig bedrag/);
  assert.equal(e.fouten.length, 6);
  for (const f of e.fouten) assert.ok(f.actie, 'every error says what to do');
  assert.deepEqual(await telling(), voor, 'nothing imported, nothing audited');
});

test('bad input: missing column, empty file, wrong year, example file without --voorbeeld, not UTF-8', async () => {
  const voor = await telling();
  const k = await fouten('tarieven-2024-kolom-ontbreekt.csv');
  assert.match(k.fouten[0].waar!, /^tarieven-2024-kolom-ontbreekt\.csv:1:\d+$/);
  assert.match(k.fouten[0].wat, /verplichte kolom "tarief" ontbreekt/);
  const leeg = await fouten('tarieven-2024-leeg.csv');
  assert.match(leeg.fouten[0].wat, /geen tariefregels/);
  const jaar = await fouten('tarieven-2024-geldig.csv', 2025);
  assert.equal(jaar.fouten.length, 5);
  assert.ok(jaar.fouten.every((f) => /:\d+:2$/.test(f.waar!)));
  const vb = await (async () => {
    try {
      await importNzaTarieven(ctx, null, {
        bestandsnaam: 'nza-maximumtarieven-2024-VOORBEELD.csv',
        inhoud: fs.readFileSync(path.join(root, 'data/voorbeeld/nza-maximumtarieven-2024-VOORBEELD.csv')),
        jaar: 2024,
        voorbeeld: false,
      });
    } catch (e) {
      return e as AppError;
    }
  })();
  assert.ok(vb && /gemarkeerd als VOORBEELD/.test(vb.fouten[0].wat));
  const bin = await (async () => {
    try {
      await importNzaTarieven(ctx, null, {
        bestandsnaam: 'x.csv',
        inhoud: Buffer.from([0x70, 0x72, 0xff, 0xfe, 0x0a]),
        jaar: 2024,
        voorbeeld: false,
      });
    } catch (e) {
      return e as AppError;
    }
  })();
  assert.equal(bin?.fouten[0].waar, 'x.csv:1:1');
  assert.deepEqual(await telling(), voor);
});

test('the sample files are complete, parse cleanly and import as voorbeeldcijfers', async () => {
  for (const jaar of [2024, 2025]) {
    const f = path.join(root, `data/voorbeeld/nza-maximumtarieven-${jaar}-VOORBEELD.csv`);
    const tekst = fs.readFileSync(f, 'utf8');
    assert.match(tekst.split('\n')[0], /^# VOORBEELDCIJFERS.*GEEN NZa-tarieven/);
    const p = parseNzaCsv(path.basename(f), tekst, jaar, bekend);
    assert.deepEqual(p.fouten, []);
    assert.equal(p.regels.length, PRESTATIES.length);
    assert.ok(p.gemarkeerdAlsVoorbeeld);
  }
  const r = await importNzaTarieven(ctx, null, {
    bestandsnaam: 'nza-maximumtarieven-2025-VOORBEELD.csv',
    inhoud: fs.readFileSync(path.join(root, 'data/voorbeeld/nza-maximumtarieven-2025-VOORBEELD.csv')),
    jaar: 2025,
    voorbeeld: true,
  });
  assert.equal(r.label, 'voorbeeldcijfers');
  const l = await lijstNzaTarieven(t.db, 2025);
  assert.equal(l.voorbeeld, true);
  assert.equal(l.label, 'voorbeeldcijfers');
  assert.match(l.bron!, /geen NZa-tarieven/);
  assert.ok(l.tarieven.every((x) => x.voorbeeld));
  assert.equal(
    (await t.db.one<any>('SELECT voorbeeld FROM nza_tarief_import WHERE id = $1', [r.importId])).voorbeeld,
    true,
  );
});

test('CLI: a malformed file exits 1 with the list of errors and imports nothing', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zk-nza-'));
  const env = { ...process.env };
  delete env.DATABASE_URL;
  try {
    const bin = path.join(root, 'bin/zorginkoop.mjs');
    const r = spawnSync(
      process.execPath,
      [bin, '--data-dir', dir, 'nza-tarieven', 'import', fixture('tarieven-2024-fout.csv'), '--jaar', '2024'],
      { env, encoding: 'utf8' },
    );
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, /tarieven-2024-fout\.csv: 6 fout\(en\); er is niets geïmporteerd/);
    assert.match(r.stderr, /tarieven-2024-fout\.csv:3:1: onbekende prestatie "VV-Z999-X"/);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    const ok = spawnSync(
      process.execPath,
      [bin, '--data-dir', dir, '--json', 'nza-tarieven', 'lijst', '--jaar', '2024'],
      { env, encoding: 'utf8' },
    );
    assert.equal(ok.status, 0, ok.stderr);
    assert.equal(JSON.parse(ok.stdout).tarieven.length, 0);
    const json = spawnSync(
      process.execPath,
      [
        bin,
        '--data-dir',
        dir,
        '--json',
        'nza-tarieven',
        'import',
        fixture('tarieven-2024-geldig.csv'),
        '--jaar',
        '2024',
      ],
      { env, encoding: 'utf8' },
    );
    assert.equal(json.status, 0, json.stderr);
    assert.equal(JSON.parse(json.stdout).regels, 5);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
