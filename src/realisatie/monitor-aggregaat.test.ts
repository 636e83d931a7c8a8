// The monitoring aggregate `realisatie_maand` (docs/realisatie.md, "Monitoraggregaat") on the real
// database (PGlite, or PostgreSQL with DATABASE_URL): after the demo load, an import, the same file
// again, a corrected file, a refused file and a file loaded in 'geldige-regels' mode it equals a fresh
// GROUP BY of `realisatie`, and the monitor and the depletion view give exactly what they gave when
// they summed `realisatie` directly (store.maandbedragenUitRealisatie, the old query, is the oracle).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { createTestApp, type TestApp } from '../testing.ts';
import { importeerDeclaraties, monitor, uitputtingRegio, type ImportOpties } from './service.ts';
import * as store from './store.ts';
import type { Actor } from '../platform/auth/roles.ts';
import { DEMO_AANBIEDER } from '../demo/index.ts';

let app: TestApp;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zk-aggr-'));
const JAAR = 2025;
interface Afspraak {
  organisatie_id: string;
  prestatie_code: string;
  regio_code: string;
  prijs: string;
}
let af: Afspraak[] = [];
let regios: string[] = [];

before(async () => {
  app = await createTestApp();
  // agreements of 2025 in one region each, two prestaties per provider where it has them
  af = await app.db.query<Afspraak>(
    `SELECT organisatie_id, prestatie_code, regio_code, prijs FROM (
       SELECT p.organisatie_id, p.prestatie_code, min(p.regio_code) AS regio_code, max(p.prijs)::text AS prijs,
              row_number() OVER (PARTITION BY p.organisatie_id ORDER BY p.prestatie_code) AS nr
         FROM productieafspraak p
        WHERE p.jaar = $1 AND p.prijs > 0
          AND EXISTS (SELECT 1 FROM regio_concessie c WHERE c.regio_code = p.regio_code AND c.jaar = $1 AND c.organisatie_id = 'zk-cz')
        GROUP BY 1, 2 HAVING count(DISTINCT p.regio_code) = 1) x
      WHERE nr <= 2 ORDER BY organisatie_id, prestatie_code LIMIT 6`,
    [JAAR],
  );
  assert.ok(af.length >= 4, 'demo has agreements to declare against');
  regios = (
    await app.db.query<{ r: string }>('SELECT regio_code AS r FROM realisatie GROUP BY 1 ORDER BY count(*) DESC, 1')
  ).map((x) => x.r);
});
after(() => app.close());

const bedrag = (prijs: string, aantal: number) =>
  (BigInt(prijs.replace('.', '')) * BigInt(aantal)).toString().replace(/(\d\d)$/, '.$1');
const csv = (regels: string[][]) =>
  ['client;aanbieder;prestatie;periode;aantal;bedrag', ...regels.map((r) => r.join(';'))].join('\n') + '\n';
/** lines for agreements `welke` (indexes into af), months, clients and a quantity per line */
function regels(welke: number[], maanden: number[], clienten: number, aantal: number): string[][] {
  const out: string[][] = [];
  for (const i of welke)
    for (const m of maanden)
      for (let c = 0; c < clienten; c++) {
        const a = af[i];
        out.push([
          `clt-${c}`,
          a.organisatie_id,
          a.prestatie_code,
          `${JAAR}-${String(m).padStart(2, '0')}`,
          String(aantal),
          bedrag(a.prijs, aantal),
        ]);
      }
  return out;
}
let nr = 0;
async function importeer(inhoud: string, modus: ImportOpties['modus'] = 'alles-of-niets', naam?: string) {
  const bestandsnaam = naam ?? `bestand-${++nr}.csv`;
  const p = path.join(tmp, bestandsnaam);
  fs.writeFileSync(p, inhoud);
  return importeerDeclaraties(app.ctx, null, p, { jaar: JAAR, modus, bestandsnaam });
}

/** The aggregate equals a fresh GROUP BY of realisatie, row for row. */
async function gelijkAanVers(wanneer: string) {
  assert.deepEqual(await store.monitorAggregaatVerschillen(app.db), [], `aggregate equals GROUP BY ${wanneer}`);
}

const ZK: Actor = {
  gebruikerId: '00000000-0000-0000-0000-000000000000',
  naam: 'test',
  email: '',
  organisatieId: 'nza',
  organisatieNaam: 'NZa',
  organisatieSoort: 'nza',
  rollen: ['toezichthouder' as never],
  taal: 'nl',
};

/** The monitor (all providers, per sector, one provider, to month 6) and the depletion view, new = old. */
async function monitorGelijk(regio: string, wanneer: string) {
  const oud = store.maandbedragenUitRealisatie;
  for (const sector of [undefined, 'VV', 'GZ', 'GGZ'])
    for (const totMaand of [undefined, 6]) {
      const o = { jaar: JAAR, regio, sector, totMaand };
      assert.deepEqual(
        await monitor(app.ctx, null, o),
        await monitor(app.ctx, null, o, app.db, oud),
        `${wanneer} ${regio}`,
      );
    }
  const aanbieder = { ...ZK, organisatieId: DEMO_AANBIEDER, organisatieSoort: 'zorgaanbieder' as const };
  const o = { jaar: JAAR, regio };
  assert.deepEqual(await monitor(app.ctx, aanbieder, o), await monitor(app.ctx, aanbieder, o, app.db, oud));
  assert.deepEqual(await uitputtingRegio(app.ctx, ZK, o), await uitputtingRegio(app.ctx, ZK, o, oud));
}

test('after the demo load the aggregate equals GROUP BY; every region reads the same months; the monitor equals the old computation', async () => {
  const n = await app.db.one<{ n: number }>('SELECT count(*)::int AS n FROM realisatie_maand');
  assert.ok(n.n > 0, 'the demo load fills the aggregate');
  await gelijkAanVers('after the demo load');
  for (const regio of regios)
    for (const sector of [null, 'VV', 'GZ', 'GGZ'])
      assert.deepEqual(
        await store.maandbedragen(app.db, regio, JAAR, null, sector),
        await store.maandbedragenUitRealisatie(app.db, regio, JAAR, null, sector),
        `${regio} ${sector}`,
      );
  // the whole monitor and depletion view: the largest region and the one the imports below use
  await monitorGelijk(regios[0], 'demo');
  if (af[0].regio_code !== regios[0]) await monitorGelijk(af[0].regio_code, 'demo');
});

test('import, the same file again, a corrected file, a refused file, valid lines only: aggregate and monitor stay exact', async () => {
  const regio = af[0].regio_code;
  const eerst = csv(regels([0, 1, 2, 3], [1, 2, 3], 3, 10));
  const r1 = await importeer(eerst, 'alles-of-niets', 'q1.csv');
  assert.equal(r1.status, 'geladen');
  await gelijkAanVers('after an import');
  await monitorGelijk(regio, 'import');

  const r2 = await importeer(eerst, 'alles-of-niets', 'q1.csv');
  assert.equal(r2.status, 'ongewijzigd');
  await gelijkAanVers('after the same file again');

  // corrected February for two agreements only: their periods are replaced, including the other
  // prestatie of the same provider that the corrected file no longer contains
  const r3 = await importeer(csv(regels([0, 2], [2], 2, 7)), 'alles-of-niets', 'feb-correctie.csv');
  assert.equal(r3.status, 'geladen');
  await gelijkAanVers('after a corrected file');
  await monitorGelijk(regio, 'correctie');

  const fout = regels([1], [4], 2, 5);
  fout.splice(1, 0, ['clt-x', af[1].organisatie_id, af[1].prestatie_code, `${JAAR}-04`, '-2', '1.00']);
  const r4 = await importeer(csv(fout), 'alles-of-niets');
  assert.equal(r4.status, 'geweigerd');
  await gelijkAanVers('after a refused file');
  const r5 = await importeer(csv(fout), 'geldige-regels');
  assert.equal(r5.status, 'geladen');
  assert.equal(r5.geweigerd, 1);
  await gelijkAanVers('after valid lines only');
  await monitorGelijk(regio, 'geldige regels');

  // the original file again is a real import (its February is no longer its own)
  const r6 = await importeer(eerst, 'alles-of-niets', 'q1.csv');
  assert.equal(r6.status, 'geladen');
  await gelijkAanVers('after restoring the original file');
});

test('property: any sequence of files (months, agreements, clients, amounts) keeps the aggregate equal to GROUP BY', async () => {
  const bestandArb = fc.record({
    welke: fc.uniqueArray(fc.integer({ min: 0, max: af.length - 1 }), { minLength: 1, maxLength: af.length }),
    maanden: fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 4 }),
    clienten: fc.integer({ min: 1, max: 3 }),
    aantal: fc.integer({ min: 1, max: 40 }),
  });
  await fc.assert(
    fc.asyncProperty(fc.array(bestandArb, { minLength: 1, maxLength: 3 }), async (bestanden) => {
      for (const b of bestanden) {
        const r = await importeer(csv(regels(b.welke, b.maanden, b.clienten, b.aantal)));
        assert.equal(r.status, 'geladen');
      }
      const verschil = await store.monitorAggregaatVerschillen(app.db);
      assert.deepEqual(verschil, []);
    }),
    { numRuns: 6 },
  );
  await monitorGelijk(af[0].regio_code, 'na willekeurige bestanden');
});
