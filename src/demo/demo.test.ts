import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createTestDb } from '../testing.ts';
import { loadConfig } from '../platform/config.ts';
import { persoonsgegevensSleutels, ontsleutel } from '../platform/persoonsgegevens.ts';
import { JobRunner } from '../platform/jobs.ts';
import type { AppContext } from '../platform/context.ts';
import { Decimal } from '../domain/money.ts';
import {
  generateDemo,
  checksumDemo,
  omvangVoor,
  prng,
  declaratieRegels,
  declaratieRegios,
  DECLARATIE_KOP,
} from './generator.ts';
import { importeerDeclaraties } from '../realisatie/service.ts';
import {
  loadDemo,
  ensureDemo,
  checksumDatabase,
  classificatieMix,
  voorbeeldTarieven,
  DEMO_AANBIEDER,
  DEMO_AANBIEDER_2,
  DEMO_ACCOUNTS,
} from './index.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const KLEIN = { regios: ['5526', '5527'], aanbieders: 12, clienten: 400 };
const tarieven = voorbeeldTarieven();

async function db() {
  const t = await createTestDb();
  const ctx: AppContext = {
    db: t.db,
    config: loadConfig({ passwordHashCost: 'test', databaseUrl: t.url }, {}),
    jobs: new JobRunner(t.db),
    now: () => new Date('2025-06-01T00:00:00Z'),
  };
  return { t, ctx };
}

test('the PRNG is seeded and reproducible', () => {
  const a = prng(1),
    b = prng(1),
    c = prng(2);
  const xs = Array.from({ length: 5 }, a);
  assert.deepEqual(Array.from({ length: 5 }, b), xs);
  assert.notDeepEqual(Array.from({ length: 5 }, c), xs);
  assert.ok(xs.every((x) => x >= 0 && x < 1));
});

test('determinism: the same seed gives identical data, another seed differs (generator)', () => {
  const a = checksumDemo(generateDemo(1, omvangVoor('regio', KLEIN), tarieven));
  const b = checksumDemo(generateDemo(1, omvangVoor('regio', KLEIN), tarieven));
  const c = checksumDemo(generateDemo(2, omvangVoor('regio', KLEIN), tarieven));
  assert.equal(a, b);
  assert.notEqual(a, c);
});

test('determinism: two loads with the same seed store identical tables (database checksum)', async () => {
  const x = await db();
  const y = await db();
  try {
    const rx = await loadDemo(x.ctx, { seed: 7, schaal: 'regio', omvang: KLEIN });
    const ry = await loadDemo(y.ctx, { seed: 7, schaal: 'regio', omvang: KLEIN });
    assert.equal(rx.checksum, ry.checksum);
    assert.equal(await checksumDatabase(x.t.db), await checksumDatabase(y.t.db));
    assert.equal(await ensureDemo(x.ctx, { seed: 7, schaal: 'regio' }), false, 'loaded only once');
  } finally {
    await x.t.close();
    await y.t.close();
  }
});

test('regio scale: CZ regions, ~80 providers, ~5,000 clients, 2023–2025 contracts, 12 months of 2025, classification mix, sample tariffs', async () => {
  const { t, ctx } = await db();
  try {
    // Load time is measured in bench/demo.bench.ts, not asserted here.
    const r = await loadDemo(ctx, { seed: 1, schaal: 'regio' });
    assert.equal(r.rijen.organisatie, 82);
    assert.equal(r.rijen.client, 5000);
    assert.equal(r.rijen.indicatie, 5000);
    const regios = (await t.db.query<{ regio_code: string }>('SELECT DISTINCT regio_code FROM client ORDER BY 1')).map(
      (x) => x.regio_code,
    );
    assert.deepEqual(regios, ['5518', '5523', '5525', '5526', '5527', '5531']);
    const jaren = (await t.db.query<{ jaar: number }>('SELECT DISTINCT jaar FROM productieafspraak ORDER BY 1')).map(
      (x) => x.jaar,
    );
    assert.deepEqual(jaren, [2023, 2024, 2025]);
    const maanden = await t.db.one<{ n: number }>(
      'SELECT count(DISTINCT maand) AS n FROM realisatie WHERE jaar = 2025',
    );
    assert.equal(maanden.n, 12);
    const mix = await classificatieMix(t.db);
    assert.ok(
      mix.bestaand >= 40 && mix.nieuw >= 1 && mix['nieuw-in-regio'] >= 1 && mix['nieuw-zzp-vpt'] >= 1,
      JSON.stringify(mix),
    );
    for (const [id, regio] of [
      [DEMO_AANBIEDER, '5527'],
      [DEMO_AANBIEDER_2, '5526'],
    ]) {
      const h = await t.db.query<{ jaar: number }>(
        'SELECT DISTINCT jaar FROM productieafspraak WHERE organisatie_id = $1 AND regio_code = $2 ORDER BY 1',
        [id, regio],
      );
      assert.deepEqual(
        h.map((x) => x.jaar),
        [2023, 2024, 2025],
        `${id} has history in ${regio}`,
      );
    }
    const verscherpt = await t.db.one<{ n: number }>(
      `SELECT count(*) AS n FROM locatie WHERE inspectie_status = 'verscherpt'`,
    );
    assert.ok(verscherpt.n >= 0);
    // amounts are exact: bedrag = prijs × volume rounded half-up to cents
    for (const a of await t.db.query<any>('SELECT prijs, volume, bedrag FROM productieafspraak LIMIT 200')) {
      assert.equal(new Decimal(a.prijs).times(a.volume).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2), a.bedrag);
    }
    const imp = await t.db.query<any>('SELECT jaar, voorbeeld FROM nza_tarief_import ORDER BY jaar');
    assert.deepEqual(imp, [
      { jaar: 2024, voorbeeld: true },
      { jaar: 2025, voorbeeld: true },
    ]);
    const acc = await t.db.one<{ n: number }>('SELECT count(*) AS n FROM gebruiker');
    assert.equal(acc.n, DEMO_ACCOUNTS.length);
    const namen = await t.db.query<{ naam: string }>(
      `SELECT naam FROM organisatie WHERE soort = 'zorgaanbieder' AND id LIKE 'za-0%' LIMIT 5`,
    );
    assert.ok(
      namen.every((n) =>
        /^(Zorggroep|Stichting|Woonzorgcentrum|Zorgcentrum|Vereniging|Zorgcoöperatie|Woongroep|Zorginstelling|Thuiszorg) /.test(
          n.naam,
        ),
      ),
    );
    const rows = await t.db.query<{ id: string; bsn: string | null; bsn_versleuteld: string }>(
      'SELECT id, bsn, bsn_versleuteld FROM client LIMIT 20',
    );
    const s = persoonsgegevensSleutels(ctx.config);
    assert.ok(
      rows.every((b) => b.bsn === null && /^99\d{7}$/.test(ontsleutel(s, b.bsn_versleuteld, `client:${b.id}:bsn`))),
      'fictional 99-range BSNs, stored only encrypted',
    );
  } finally {
    await t.close();
  }
});

test('the realisatie comes from importing the demo declaration lines: one import per region, none refused, totals as intended', async () => {
  const { t, ctx } = await db();
  try {
    const seed = 5;
    const r = await loadDemo(ctx, { seed, schaal: 'regio', omvang: KLEIN });
    const data = generateDemo(seed, omvangVoor('regio', KLEIN), tarieven);
    const regios = declaratieRegios(data);
    assert.deepEqual(regios, ['5526', '5527']);
    assert.deepEqual(
      r.declaraties.map((d) => d.bestand),
      regios.map((x) => `demo-declaraties-${x}-2025.csv`),
    );
    // every file is an import record, loaded without a refused line, supplying the periods it covers
    const imports = await t.db.query<any>(
      `SELECT i.id, i.bestandsnaam, i.status, i.regels, i.geweigerd, i.organisatie_id,
              (SELECT count(*) FROM realisatie_periode p WHERE p.import_id = i.id) AS perioden
         FROM realisatie_import i ORDER BY i.bestandsnaam`,
    );
    assert.equal(imports.length, regios.length);
    for (const [i, imp] of imports.entries()) {
      assert.equal(imp.status, 'geladen');
      assert.equal(imp.geweigerd, 0);
      assert.equal(imp.organisatie_id, null, 'imported by the system');
      assert.equal(imp.id, r.declaraties[i].importId);
      assert.ok(imp.perioden > 0 && imp.perioden === r.declaraties[i].perioden);
    }
    // one line per client × month × prestatie: lines = the intended monthly client counts
    const clienten = data.realisatie.reduce((n, x) => n + (x[5] as number), 0);
    assert.equal(
      imports.reduce((n: number, x: any) => n + x.regels, 0),
      clienten,
    );
    // the imported monthly totals are exactly the generator's intended ones (clients, volume, amount)
    const opgeslagen = await t.db.query<any>(
      `SELECT jaar, maand, regio_code, organisatie_id, prestatie_code, clienten, volume, bedrag FROM realisatie
        ORDER BY organisatie_id, regio_code, prestatie_code, maand`,
    );
    assert.equal(opgeslagen.length, data.realisatie.length);
    assert.deepEqual(
      opgeslagen.map((x) => Object.values(x).map(String)),
      data.realisatie.map((x) => x.map(String)),
    );
    // the monitoring aggregate was written by the imports and matches the realisatie
    const agg = await t.db.one<{ a: string; b: string }>(
      `SELECT (SELECT sum(bedrag) FROM realisatie_maand WHERE jaar = 2025)::text AS a,
              (SELECT sum(bedrag) FROM realisatie WHERE jaar = 2025)::text AS b`,
    );
    assert.equal(agg.a, agg.b);
    // the same file again, as a user would import it, changes nothing: the realisatie is that file's
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zk-demo-decl-'));
    try {
      const pad = path.join(dir, 'opnieuw.csv');
      fs.writeFileSync(pad, DECLARATIE_KOP + [...declaratieRegels(data, '5527')].join(''));
      const again = await importeerDeclaraties(ctx, null, pad, {
        jaar: 2025,
        modus: 'alles-of-niets',
        bestandsnaam: 'opnieuw.csv',
      });
      assert.equal(again.status, 'ongewijzigd');
      assert.equal(again.importId, r.declaraties[regios.indexOf('5527')].importId);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    await t.close();
  }
});

test('declaration lines: one per client in care, no line above the agreed price, within the month', () => {
  const data = generateDemo(3, omvangVoor('regio', KLEIN), tarieven);
  const prijs = new Map(
    data.productieafspraken
      .filter((a) => a[1] === 2025)
      .map((a) => [`${a[3]}|${a[2]}|${a[5]}`, new Decimal(a[6] as string)]),
  );
  const gezien = new Set<string>();
  let n = 0;
  for (const regio of declaratieRegios(data))
    for (const stuk of declaratieRegels(data, regio, 50))
      for (const regel of stuk.trimEnd().split('\n')) {
        const [client, org, code, periode, aantal, bedrag, r] = regel.split(';');
        n++;
        assert.equal(r, regio);
        assert.ok(new Decimal(aantal).gt(0), regel);
        const max = new Decimal(aantal)
          .times(prijs.get(`${org}|${r}|${code}`)!)
          .toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
        assert.ok(new Decimal(bedrag).lte(max), `${regel}: above ${max}`);
        const sleutel = `${client}|${org}|${code}|${periode}`;
        assert.ok(!gezien.has(sleutel), `duplicate ${sleutel}`);
        gezien.add(sleutel);
        // a client from the indicaties is only declared from the month the indicatie starts
        const ind = data.indicaties.find((i) => i[1] === client);
        if (ind) assert.ok((ind[5] as string).slice(0, 7) <= periode, `${regel} before ${ind[5]}`);
        else assert.match(client, /^instroom-\d+$/);
      }
  assert.equal(
    n,
    data.realisatie.reduce((s, x) => s + (x[5] as number), 0),
  );
});

test('CLI: zorginkoop demo loads as a job with --json, and refuses a second time with a clear message', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zk-demo-'));
  const env = { ...process.env };
  delete env.DATABASE_URL;
  try {
    const bin = path.join(root, 'bin/zorginkoop.mjs');
    const r = spawnSync(
      process.execPath,
      [bin, '--data-dir', dir, '--json', 'demo', '--seed', '3', '--schaal', 'regio'],
      { env, encoding: 'utf8' },
    );
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.rijen.client, 5000);
    assert.match(out.taak, /^[0-9a-f-]{36}$/);
    const again = spawnSync(process.execPath, [bin, '--data-dir', dir, 'demo', '--seed', '1'], {
      env,
      encoding: 'utf8',
    });
    assert.equal(again.status, 1);
    assert.match(again.stderr, /al demodata \(seed 3, schaal regio\)/);
    assert.match(again.stderr, /--data-dir/);
    const usage = spawnSync(process.execPath, [bin, '--data-dir', dir, 'demo', '--schaal', 'wereld'], {
      env,
      encoding: 'utf8',
    });
    assert.equal(usage.status, 2);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
