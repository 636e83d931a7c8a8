// The straight path of the declaration import (store.gewoneRegelSql, run on the real database: PGlite,
// or PostgreSQL with DATABASE_URL) against the line checks in TypeScript (leesRegel): a line the SQL
// accepts is one leesRegel accepts with the same values, and every line the common-line check
// (gewoneRegel) accepts stays on the straight path. Lines the SQL does not accept send the whole
// file to the line-by-line path, whose reasons are leesRegel's own.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { openDb, type Db } from '../platform/db/index.ts';
import { gewoneRegel, leesKop, leesRegel, splitsRegel } from '../domain/realisatie/declaraties.ts';
import { gewoneRegelSql, KORT, maakRuw } from './store.ts';

const JAAR = 2027;
const KOLOMMEN = ['client', 'aanbieder', 'prestatie', 'periode', 'aantal', 'bedrag', 'regio'];
let db: Db;
before(async () => {
  db = await openDb(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : {});
});
after(() => db.close());

// field text: anything COPY's csv format reads as it is (no quotation mark, delimiter or line break)
const teken = fc.constantFrom(
  ...'0123456789012345678901234567890123456789.,-+ \tabcXYZé€\u00a0\u2028\\_/'.split(''),
  '\u{1F600}',
);
const vrij = (max: number) => fc.array(teken, { maxLength: max }).map((xs) => xs.join(''));
const ascii = (min: number, max: number) => fc.stringMatching(new RegExp(`^[a-zA-Z0-9_-]{${min},${max}}$`));
const getal = (int: number) =>
  fc
    .tuple(
      fc.stringMatching(new RegExp(`^[0-9]{1,${int}}$`)),
      fc.constantFrom('', '', '.5', ',25', '.05', '.', ',', '.125'),
    )
    .map(([i, f]) => i + f);
/** mostly a valid value, sometimes a malformed or borderline one: most lines then differ in one field */
const meestal = <T>(goed: fc.Arbitrary<T>, fout: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: goed, weight: 8 }, { arbitrary: fout, weight: 1 });
const twee = (n: number) => String(n).padStart(2, '0');
const veld = {
  client: meestal(ascii(1, 20), fc.oneof(ascii(60, 70), vrij(8), fc.constant(''))),
  aanbieder: meestal(ascii(1, 20), fc.oneof(ascii(96, 104), vrij(8), fc.constant(' za-1'))),
  prestatie: meestal(ascii(1, 20), fc.oneof(ascii(96, 104), vrij(6))),
  periode: meestal(
    fc
      .tuple(fc.integer({ min: 1, max: 12 }), fc.option(fc.integer({ min: 1, max: 28 })))
      .map(([m, d]) => `${JAAR}-${twee(m)}${d === null ? '' : `-${twee(d)}`}`),
    fc.oneof(
      fc
        .tuple(
          fc.constantFrom(2026, 2027, 2028),
          fc.integer({ min: 0, max: 13 }),
          fc.option(fc.integer({ min: 0, max: 32 })),
        )
        .map(([j, m, d]) => `${j}-${twee(m)}${d === null ? '' : `-${twee(d)}`}`),
      vrij(10),
    ),
  ),
  aantal: meestal(getal(9), fc.oneof(vrij(6), fc.constantFrom('0', '0,00', '0.0', '-3', ' 4', '12345678901', '1.234'))),
  bedrag: meestal(getal(12), fc.oneof(vrij(6), fc.constantFrom('0', '0.00', '-1.00', '1 000,00', '007.5', '1.005'))),
  regio: meestal(fc.oneof(fc.constant(''), ascii(1, 20)), fc.oneof(ascii(96, 104), vrij(5))),
};
const regelArb = fc.record(veld).map((v) => KOLOMMEN.map((k) => v[k as keyof typeof v]));

/** Two decimals, the way numeric(…,2) prints it; the TS values are "12" / "12.5" / "12.50". */
const tweeDecimalen = (x: string) => {
  const [i, f = ''] = x.split('.');
  return `${BigInt(i)}.${(f + '00').slice(0, 2)}`;
};

test('a line the SQL straight path accepts is a line leesRegel accepts, with the same values; gewoneRegel lines stay straight', async () => {
  const kop = leesKop(KOLOMMEN.join(';'));
  const opties = { jaar: JAAR };
  await fc.assert(
    fc.asyncProperty(fc.array(regelArb, { minLength: 1, maxLength: 60 }), async (regels) => {
      const tekst = regels.map((r) => r.join(';')).join('\n') + '\n';
      const sql = await db.tx(async (t) => {
        await maakRuw(t, KOLOMMEN);
        await t.copyCsv(
          'realisatie_ruw',
          KOLOMMEN,
          ';',
          (async function* () {
            yield new TextEncoder().encode(tekst);
          })(),
        );
        const rows = await t.query<{
          regel: number;
          ok: boolean;
          client: string;
          aanbieder: string;
          prestatie: string;
          regio: string | null;
          maand: number | null;
          aantal: string | null;
          bedrag: string | null;
        }>(
          `SELECT regel, ok, client, aanbieder, prestatie, regio,
                  CASE WHEN ok THEN substr(periode, 6, 2)::int END AS maand,
                  CASE WHEN ok THEN replace(aantal, ',', '.')::numeric(14,2)::text END AS aantal,
                  CASE WHEN ok THEN replace(bedrag, ',', '.')::numeric(16,2)::text END AS bedrag
             FROM (SELECT r.*, ${gewoneRegelSql(JAAR, true)} AS ok FROM realisatie_ruw r) x ORDER BY regel`,
          [KORT],
        );
        await t.exec('DROP TABLE realisatie_ruw');
        return rows;
      });
      assert.equal(sql.length, regels.length, 'one row per line');
      regels.forEach((velden, i) => {
        const nr = i + 2;
        const s = sql[i];
        assert.equal(s.regel, nr, 'line numbers follow the file');
        const ts = leesRegel(splitsRegel(velden.join(';'), ';')!, nr, kop.kolommen, opties);
        if (s.ok) {
          assert.ok(
            !Array.isArray(ts),
            `line ${velden.join(';')}: SQL accepts, leesRegel refuses ${JSON.stringify(ts)}`,
          );
          assert.deepEqual(
            {
              client: s.client,
              aanbieder: s.aanbieder,
              prestatie: s.prestatie,
              regio: s.regio,
              maand: s.maand,
              aantal: s.aantal,
              bedrag: s.bedrag,
            },
            {
              client: ts.client,
              aanbieder: ts.aanbieder,
              prestatie: ts.prestatie,
              regio: ts.regio,
              maand: ts.maand,
              aantal: tweeDecimalen(ts.aantal),
              bedrag: tweeDecimalen(ts.bedrag),
            },
          );
        }
        // the common line (ASCII here: the SQL counts lengths in bytes) never leaves the straight path
        const gewoon = gewoneRegel(splitsRegel(velden.join(';'), ';')!, nr, kop.kolommen, opties);
        if (gewoon && !/[^\x20-\x7e]/.test(velden.join(';')))
          assert.ok(s.ok, `line ${velden.join(';')}: gewoneRegel accepts, the SQL does not`);
      });
    }),
    { numRuns: 60 },
  );
});
