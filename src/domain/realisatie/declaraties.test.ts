import v8 from 'node:v8';
import vm from 'node:vm';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  BestandsFout,
  gewoneRegel,
  leesKop,
  leesRegel,
  parseDeclaraties,
  splitsRegel,
  type Batch,
} from './declaraties.ts';

async function lees(inhoud: string | Uint8Array, jaar = 2027, chunk = 7, prestaties?: Set<string>) {
  const bytes = typeof inhoud === 'string' ? new TextEncoder().encode(inhoud) : inhoud;
  async function* bron() {
    for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk);
  }
  const out: Batch = { regels: [], fouten: [], bytes: 0 };
  for await (const b of parseDeclaraties(bron(), { jaar, batchGrootte: 3, prestaties })) {
    out.regels.push(...b.regels);
    out.fouten.push(...b.fouten);
    out.bytes = b.bytes;
  }
  return out;
}

const KOP = 'client;aanbieder;prestatie;periode;aantal;bedrag\n';

test('reads a file with ; and Dutch decimal commas, CRLF, BOM, a trailing blank line, split at any byte', async () => {
  const csv =
    '\uFEFF' +
    KOP.replace('\n', '\r\n') +
    'c1;za-1;VV-Z754-E;2027-03;31;4123,5\r\nc2;za-1;MPT-PV-K3;2027-03-15;12,25;600\r\n\r\n';
  for (const chunk of [1, 2, 5, 1000]) {
    const r = await lees(csv, 2027, chunk);
    assert.deepEqual(r.fouten, []);
    assert.deepEqual(
      r.regels.map((x) => [x.regel, x.client, x.prestatie, x.maand, x.aantal, x.bedrag]),
      [
        [2, 'c1', 'VV-Z754-E', 3, '31', '4123.50'],
        [3, 'c2', 'MPT-PV-K3', 3, '12.25', '600.00'],
      ],
    );
  }
});

test('delimiter detected from the header: comma with quoted decimals, tab; optional regio column in any order', async () => {
  const c = await lees(
    'aanbieder,client,periode,prestatie,aantal,bedrag,regio\nza-1,"c,1",2027-01,P,"1,5",10.00,5527\n',
  );
  assert.deepEqual(c.fouten, []);
  assert.equal(c.regels[0].client, 'c,1');
  assert.equal(c.regels[0].aantal, '1.5');
  assert.equal(c.regels[0].regio, '5527');
  const t = await lees('client\taanbieder\tprestatie\tperiode\taantal\tbedrag\nx\ty\tP\t2027-12\t1\t1\n');
  assert.equal(t.regels[0].maand, 12);
});

test('line and field errors: negative quantity, zero, date outside the year, bad amount, missing fields, quoting, field count', async () => {
  const csv =
    KOP +
    'c;za;P;2027-01;-3;10\n' + // 2 negative
    'c;za;P;2026-12;3;10\n' + // 3 outside year
    'c;za;P;2027-02-30;3;10\n' + // 4 no such date
    'c;za;P;2027-01;3;1.234,00\n' + // 5 thousands separator
    ';za;P;2027-01;3;10\n' + // 6 client missing
    'c;za;P;2027-01;0;10\n' + // 7 zero
    'c;"za;P;2027-01;3;10\n' + // 8 quoting
    'c;za;P;2027-01\n' + // 9 too few fields
    'c;za;P;2027-01;3;-10\n' + // 10 negative amount
    'c;za;P;2027-01;3;10\n'; // 11 fine
  const r = await lees(csv);
  assert.deepEqual(
    r.fouten.map((f) => [f.regel, f.veld]),
    [
      [2, 'aantal'],
      [3, 'periode'],
      [4, 'periode'],
      [5, 'bedrag'],
      [6, 'client'],
      [7, 'aantal'],
      [8, '(regel)'],
      [9, '(regel)'],
      [10, 'bedrag'],
    ],
  );
  assert.match(r.fouten[0].reden, /negatief aantal/);
  assert.match(r.fouten[1].reden, /buiten het jaar 2027/);
  assert.deepEqual(
    r.regels.map((x) => x.regel),
    [11],
  );
});

test('unknown prestatie when the catalogue is given', async () => {
  const r = await lees(KOP + 'c;za;BESTAAT-NIET;2027-01;1;1\nc;za;P;2027-01;1;1\n', 2027, 100, new Set(['P']));
  assert.deepEqual(
    r.fouten.map((f) => [f.regel, f.veld]),
    [[2, 'prestatie']],
  );
});

test('the client value never appears in an error reason', async () => {
  const bsn = '123456782';
  const r = await lees(KOP + `${bsn};za;P;2027-13;x;y\n${bsn}${'9'.repeat(80)};za;P;2027-01;1;1\n`);
  assert.ok(r.fouten.length >= 3);
  for (const f of r.fouten) assert.ok(!f.reden.includes(bsn));
});

test('file faults: not UTF-8, empty, unknown delimiter/columns, duplicate or unknown column', async () => {
  const latin1 = Uint8Array.from([
    ...new TextEncoder().encode(KOP + 'Jos'),
    0xe9,
    ...new TextEncoder().encode(';za;P;2027-01;1;1\n'),
  ]);
  await assert.rejects(
    lees(latin1),
    (e: unknown) => e instanceof BestandsFout && /UTF-8/.test(e.message) && /CSV UTF-8/.test(e.actie),
  );
  await assert.rejects(lees(''), (e: unknown) => e instanceof BestandsFout && /leeg/.test(e.message));
  await assert.rejects(
    lees('a|b|c\n'),
    (e: unknown) => e instanceof BestandsFout && /kopregel is niet herkend/.test(e.message),
  );
  await assert.rejects(
    lees('client;aanbieder;prestatie;periode;aantal;bedrag;bsn\n'),
    (e: unknown) => e instanceof BestandsFout && /"bsn"/.test(e.message),
  );
  await assert.rejects(lees('client;client;aanbieder;prestatie;periode;aantal;bedrag\n'), /twee keer/);
});

test('splitsRegel: round trip of any fields through RFC 4180 quoting', () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.string({ unit: 'grapheme-ascii' }).filter((s) => !/[\r\n]/.test(s)),
        { minLength: 1, maxLength: 8 },
      ),
      fc.constantFrom(';', ',', '\t'),
      (velden, d) => {
        const line = velden
          .map((v) => (v.includes(d) || v.includes('"') ? '"' + v.replace(/"/g, '""') + '"' : v))
          .join(d);
        assert.deepEqual(splitsRegel(line, d), velden);
      },
    ),
  );
});

test('bounded memory: 300,000 generated lines stream through without the heap growing with the file', async () => {
  async function* bron() {
    const enc = new TextEncoder();
    yield enc.encode('client;aanbieder;prestatie;periode;aantal;bedrag\n');
    let buf = '';
    for (let i = 0; i < 300_000; i++) {
      buf += `clt-${i};za-${i % 97};P;2027-${String((i % 12) + 1).padStart(2, '0')};${1 + (i % 9)};${i % 1000}.50\n`;
      if (buf.length > 1 << 16) {
        yield enc.encode(buf);
        buf = '';
      }
    }
    yield enc.encode(buf);
  }
  // Measure what is retained, not garbage not yet collected (its timing differs between Node versions).
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  gc();
  const voor = process.memoryUsage().heapUsed;
  let piek = 0;
  let n = 0;
  for await (const b of parseDeclaraties(bron(), { jaar: 2027, batchGrootte: 5_000 })) {
    n += b.regels.length;
    gc();
    piek = Math.max(piek, process.memoryUsage().heapUsed - voor);
  }
  assert.equal(n, 300_000);
  // ~20 MB of text passes through; what is held at any time is one batch and one chunk.
  assert.ok(piek < 60 * 1024 * 1024, `heap grew by ${Math.round(piek / 1024 / 1024)} MB`);
});

test('the fast check of a common line accepts only what the full check accepts, with the same result', () => {
  const kolommenZonder = leesKop('client;aanbieder;prestatie;periode;aantal;bedrag').kolommen;
  const kolommenMet = leesKop('regio;client;aanbieder;prestatie;periode;aantal;bedrag').kolommen;
  const deel = fc.constantFrom(
    '',
    ' ',
    '0',
    '00',
    '1',
    '9',
    '12',
    '-',
    '.',
    ',',
    '5',
    '150',
    'a',
    '2027',
    '-0',
    '13',
    '01',
  );
  const veld = fc.array(deel, { maxLength: 5 }).map((d) => d.join(''));
  fc.assert(
    fc.property(
      fc.boolean(),
      fc.array(veld, { minLength: 7, maxLength: 7 }),
      fc.constantFrom('2027-03', '2027-13', '2026-03', '2027-00', '2027-3', '2027-03-01', ''),
      fc.boolean(),
      (metRegio, v, periode, periodeVeld) => {
        const kolommen = metRegio ? kolommenMet : kolommenZonder;
        const velden = metRegio
          ? [v[6], v[0], v[1], v[2], periodeVeld ? periode : v[3], v[4], v[5]]
          : [v[0], v[1], v[2], periodeVeld ? periode : v[3], v[4], v[5]];
        const opties = { jaar: 2027 };
        const snel = gewoneRegel(velden, 4, kolommen, opties);
        const vol = leesRegel(velden, 4, kolommen, opties);
        if (snel) assert.deepEqual(snel, vol);
      },
    ),
    { numRuns: 20000 },
  );
  // and the common line does take the fast path
  assert.deepEqual(
    gewoneRegel(['c-1', 'za-1', 'VV-1', '2027-03', '12.5', '1500.00'], 2, kolommenZonder, { jaar: 2027 }),
    {
      regel: 2,
      client: 'c-1',
      aanbieder: 'za-1',
      prestatie: 'VV-1',
      regio: null,
      maand: 3,
      aantal: '12.5',
      bedrag: '1500.00',
    },
  );
});
