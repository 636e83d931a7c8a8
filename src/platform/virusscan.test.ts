// Malware check on uploads: the built-in policy scanner, the clamd INSTREAM client against a small
// clamd-speaking TCP server, fail-closed behaviour, and the real upload route.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import zlib from 'node:zlib';
import {
  clamdScanner,
  controleerOpMalware,
  ingebouwdeScanner,
  parseClamd,
  scannersVoor,
  zipLeden,
  type Scanner,
} from './virusscan.ts';
import { AppError } from './errors.ts';
import { loadConfig } from './config.ts';
import { createTestApp, type TestApp, type TestClient } from '../testing.ts';
import { lokaalNaarInstant } from '../domain/inkoop/timeline.ts';
import { multipart } from '../../test/support/multipart.ts';

// Assembled from parts so this test file does not itself carry the signature.
const EICAR = Buffer.from('X5O!P%@AP[4\\PZX54(P^)7CC)7}$' + 'EICAR-STANDARD-ANTIVIRUS-' + 'TEST-FILE!$H+H*', 'latin1');

// ───────────── small builders for real file formats ─────────────

/** A zip (deflated members unless `opgeslagen`) with a correct central directory. */
function zip(leden: Record<string, string | Buffer>, opgeslagen = false): Buffer {
  const lokaal: Buffer[] = [];
  const centraal: Buffer[] = [];
  let offset = 0;
  for (const [naam, inhoudRaw] of Object.entries(leden)) {
    const inhoud = Buffer.isBuffer(inhoudRaw) ? inhoudRaw : Buffer.from(inhoudRaw, 'utf8');
    const data = opgeslagen ? inhoud : zlib.deflateRawSync(inhoud);
    const n = Buffer.from(naam, 'utf8');
    const crc = zlib.crc32(inhoud);
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(opgeslagen ? 0 : 8, 8);
    lh.writeUInt32LE(crc, 14);
    lh.writeUInt32LE(data.length, 18);
    lh.writeUInt32LE(inhoud.length, 22);
    lh.writeUInt16LE(n.length, 26);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(opgeslagen ? 0 : 8, 10);
    ch.writeUInt32LE(crc, 16);
    ch.writeUInt32LE(data.length, 20);
    ch.writeUInt32LE(inhoud.length, 24);
    ch.writeUInt16LE(n.length, 28);
    ch.writeUInt32LE(offset, 42);
    lokaal.push(lh, n, data);
    centraal.push(ch, n);
    offset += 30 + n.length + data.length;
  }
  const cd = Buffer.concat(centraal);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(Object.keys(leden).length, 8);
  eocd.writeUInt16LE(Object.keys(leden).length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...lokaal, cd, eocd]);
}

const DOCX_BASIS = {
  '[Content_Types].xml':
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
  '_rels/.rels':
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>',
  'word/document.xml':
    '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Bestuursverklaring: geen macro\'s hier.</w:t></w:r></w:p></w:body></w:document>',
};

/** A compound file whose directory (at sector 0, offset 512) holds these entries. */
function ole(entries: { naam: string; type: number }[], extra = Buffer.alloc(0)): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  header.writeUInt16LE(0x3e, 0x18);
  header.writeUInt16LE(3, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e);
  const dir = Buffer.alloc(512);
  entries.forEach((e, i) => {
    const o = i * 128;
    const n = Buffer.from(e.naam + '\0', 'utf16le');
    n.copy(dir, o);
    dir.writeUInt16LE(n.length, o + 0x40);
    dir[o + 0x42] = e.type;
  });
  return Buffer.concat([header, dir, extra]);
}

function pdf(objecten: string[], objStm?: string): Buffer {
  const delen: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  objecten.forEach((o, i) => delen.push(Buffer.from(`${i + 1} 0 obj\n${o}\nendobj\n`, 'latin1')));
  if (objStm) {
    const data = zlib.deflateSync(Buffer.from(objStm, 'latin1'));
    delen.push(
      Buffer.from(
        `${objecten.length + 1} 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${data.length} >>\nstream\n`,
        'latin1',
      ),
      data,
      Buffer.from('\nendstream\nendobj\n', 'latin1'),
    );
  }
  delen.push(Buffer.from('trailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1'));
  return Buffer.concat(delen);
}
const SCHONE_PDF = pdf(
  [
    '<< /Type /Catalog /Pages 2 0 R /OpenAction [3 0 R /Fit] >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /Annots [<< /Type /Annot /Subtype /Link /A << /S /URI /URI (https://www.zorginstituutnederland.nl) >> >>] >>',
  ],
  '4 0 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
);

const scan = (naam: string, b: Buffer) => ingebouwdeScanner.scan(naam, b);
const bevinding = async (naam: string, b: Buffer) => {
  const u = await scan(naam, b);
  assert.equal(u.schoon, false, `${naam} should be refused`);
  return (u as { bevinding: string }).bevinding;
};

// ───────────── built-in scanner ─────────────

test('built-in: EICAR anywhere in a file is refused, also inside a deflated docx member', async () => {
  assert.match(await bevinding('a.pdf', Buffer.concat([Buffer.from('%PDF-1.4\n'), EICAR])), /EICAR-testsignatuur/);
  assert.match(await bevinding('b.doc', Buffer.concat([ole([{ naam: 'Root Entry', type: 5 }]), EICAR])), /EICAR/);
  const docx = zip({ ...DOCX_BASIS, 'word/media/bijlage.bin': Buffer.concat([Buffer.from('x'.repeat(50)), EICAR]) });
  assert.equal(docx.includes(EICAR), false, 'the signature is only visible after inflating');
  assert.match(await bevinding('c.docx', docx), /word\/media\/bijlage\.bin bevat de EICAR-testsignatuur/);
});

test('built-in: Office files with macros are refused (OOXML vbaProject.bin, OLE _VBA_PROJECT/Macros, ODF Basic/)', async () => {
  const docm = zip({ ...DOCX_BASIS, 'word/vbaProject.bin': Buffer.from('Attribute VB_Name = "ThisDocument"') });
  assert.ok(zipLeden(docm)!.some((l) => l.naam === 'word/vbaProject.bin'));
  assert.match(await bevinding('verklaring.docx', docm), /macro's \(vbaProject\.bin\)/);
  const xlsm = zip({ 'xl/workbook.xml': '<workbook/>', 'xl/vbaProject.bin': Buffer.alloc(10) }, true);
  assert.match(await bevinding('begroting.xlsx', xlsm), /macro's/);
  const doc = ole([
    { naam: 'Root Entry', type: 5 },
    { naam: 'WordDocument', type: 2 },
    { naam: 'Macros', type: 1 },
    { naam: 'VBA', type: 1 },
  ]);
  assert.match(await bevinding('oud.doc', doc), /macro's \((Macros|VBA)\)/);
  const xls = ole([
    { naam: 'Root Entry', type: 5 },
    { naam: 'Workbook', type: 2 },
    { naam: '_VBA_PROJECT_CUR', type: 1 },
  ]);
  assert.match(await bevinding('oud.xls', xls), /_VBA_PROJECT_CUR/);
  const odt = zip(
    {
      mimetype: 'application/vnd.oasis.opendocument.text',
      'content.xml': '<office:document-content/>',
      'Basic/Standard/Module1.xml': '<script:module/>',
    },
    true,
  );
  assert.match(await bevinding('plan.odt', odt), /OpenDocument-bestand bevat macro's \(Basic\/\)/);
});

test('built-in: PDFs with active content are refused, also with #-escapes or inside a compressed object stream', async () => {
  const js = pdf(['<< /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >> >>']);
  assert.match(await bevinding('a.pdf', js), /actieve inhoud: JavaScript/);
  assert.match(
    await bevinding('b.pdf', pdf(['<< /Type /Catalog /OpenAction << /S /J#61vaScript /J#53 (x) >> >>'])),
    /JavaScript/,
  );
  assert.match(await bevinding('c.pdf', pdf(['<< /Type /Action /S /Launch /F (cmd.exe) >>'])), /\/Launch/);
  assert.match(
    await bevinding(
      'd.pdf',
      pdf(['<< /Type /Catalog /Names << /EmbeddedFiles 2 0 R >> >>', '<< /Type /EmbeddedFile >>']),
    ),
    /ingesloten bestand/,
  );
  const verstopt = pdf(
    ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>'],
    '3 0 << /S /JavaScript /JS (this.exportDataObject\\({cName: "x"}\\)) >>',
  );
  assert.equal(
    verstopt.toString('latin1').includes('/JavaScript'),
    false,
    'only visible after inflating the object stream',
  );
  assert.match(await bevinding('e.pdf', verstopt), /JavaScript/);
});

test('built-in: clean PDF (with /OpenAction to a page and a /URI link), clean docx, clean .doc and a bare zip are accepted', async () => {
  assert.deepEqual(await scan('schoon.pdf', SCHONE_PDF), { schoon: true });
  assert.deepEqual(await scan('schoon.docx', zip(DOCX_BASIS)), { schoon: true });
  // the word "Macros" as text in a Word stream (UTF-16LE, not a directory entry) is no macro
  const tekst = Buffer.alloc(256);
  tekst.write('Macros en _VBA_PROJECT staan hier als gewone tekst in het document.', 0, 'utf16le');
  const doc = ole(
    [
      { naam: 'Root Entry', type: 5 },
      { naam: 'WordDocument', type: 2 },
    ],
    tekst,
  );
  assert.deepEqual(await scan('schoon.doc', doc), { schoon: true });
  // what the existing inkoop tests upload as a .docx: zip magic and zeros, no central directory
  assert.deepEqual(await scan('kaal.docx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)])), {
    schoon: true,
  });
});

test('controleerOpMalware: 422 naming the file, where, what was found and what to do', async () => {
  const e = await controleerOpMalware(
    [ingebouwdeScanner],
    'verklaring.docx',
    zip({ ...DOCX_BASIS, 'word/vbaProject.bin': 'x' }),
    "bestand 'verklaring.docx' bij eis A2",
  ).then(
    () => null,
    (x) => x,
  );
  assert.ok(e instanceof AppError);
  assert.equal(e.status, 422);
  assert.equal(e.code, 'document-malware');
  assert.match(
    e.message,
    /'verklaring\.docx' is geweigerd: het Office-document bevat macro's .*regel inkoop\.document\.malware, scanner: ingebouwd/,
  );
  assert.equal(e.fouten[0].waar, "bestand 'verklaring.docx' bij eis A2");
  assert.match(e.fouten[0].actie!, /\.docx in plaats van \.docm/);
  assert.equal(await controleerOpMalware([ingebouwdeScanner], 'schoon.pdf', SCHONE_PDF), undefined);
});

// ───────────── clamd ─────────────

/** A clamd stand-in speaking INSTREAM: records what it received, answers per `antwoord`. */
async function nepClamd(antwoord: (inhoud: Buffer) => string | null) {
  const ontvangen: Buffer[] = [];
  const server = net.createServer((s) => {
    let buf = Buffer.alloc(0);
    let kop = false;
    const delen: Buffer[] = [];
    s.on('data', (d: Buffer) => {
      buf = Buffer.concat([buf, d]);
      if (!kop) {
        const z = buf.indexOf(0);
        if (z < 0) return;
        assert.equal(buf.subarray(0, z).toString(), 'zINSTREAM');
        buf = buf.subarray(z + 1);
        kop = true;
      }
      while (buf.length >= 4) {
        const n = buf.readUInt32BE(0);
        if (n === 0) {
          const inhoud = Buffer.concat(delen);
          ontvangen.push(inhoud);
          const a = antwoord(inhoud);
          if (a !== null) s.end(a + '\0');
          return;
        }
        if (buf.length < 4 + n) return;
        delen.push(buf.subarray(4, 4 + n));
        buf = buf.subarray(4 + n);
      }
    });
    s.on('error', () => undefined);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    port: (server.address() as net.AddressInfo).port,
    ontvangen,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

test('clamd INSTREAM: clean → OK, EICAR → FOUND with the signature name; the bytes arrive intact in chunks', async () => {
  const clamd = await nepClamd((b) => (b.includes(EICAR) ? 'stream: Eicar-Test-Signature FOUND' : 'stream: OK'));
  try {
    const s = clamdScanner({ host: '127.0.0.1', port: clamd.port }, { chunk: 7 });
    assert.deepEqual(await s.scan('schoon.pdf', SCHONE_PDF), { schoon: true });
    assert.deepEqual(clamd.ontvangen[0], SCHONE_PDF);
    const u = await s.scan('x.pdf', Buffer.concat([Buffer.from('%PDF-1.4\n'), EICAR]));
    assert.equal(u.schoon, false);
    assert.match((u as any).bevinding, /^ClamAV vond Eicar-Test-Signature$/);
    // through the configuration: both scanners run, clamd's finding is reported with its name
    const scanners = scannersVoor({ clamd: `127.0.0.1:${clamd.port}` });
    assert.deepEqual(
      scanners.map((x) => x.naam),
      ['ingebouwd', 'clamav'],
    );
    const eigen: Scanner = { naam: 'alleen-clamd', scan: scanners[1].scan };
    const e = await controleerOpMalware([eigen], 'y.docx', Buffer.concat([zip(DOCX_BASIS), EICAR])).then(
      () => null,
      (x) => x,
    );
    assert.equal(e?.status, 422);
    assert.match(e.message, /ClamAV vond Eicar-Test-Signature/);
  } finally {
    await clamd.close();
  }
});

test('clamd fail closed: unreachable, an ERROR reply, a silent daemon and a bad address all refuse with 503 "niet beschikbaar"', async () => {
  const leeg = net.createServer();
  await new Promise<void>((r) => leeg.listen(0, '127.0.0.1', () => r()));
  const dichtePoort = (leeg.address() as net.AddressInfo).port;
  await new Promise<void>((r) => leeg.close(() => r()));
  const fout = await nepClamd(() => 'INSTREAM size limit exceeded. ERROR');
  const stil = await nepClamd(() => null);
  try {
    const gevallen: [Scanner, RegExp][] = [
      [clamdScanner({ host: '127.0.0.1', port: dichtePoort }), /niet bereikbaar \(ECONNREFUSED\)/],
      [
        clamdScanner({ host: '127.0.0.1', port: fout.port }),
        /gaf geen uitslag \('INSTREAM size limit exceeded\. ERROR'\)/,
      ],
      [clamdScanner({ host: '127.0.0.1', port: stil.port }, { timeoutMs: 300 }), /antwoordde niet binnen 0\.3 s/],
      [scannersVoor({ clamd: 'geen-poort' })[1], /ZORGINKOOP_CLAMD='geen-poort' is geen host:poort/],
    ];
    for (const [s, reden] of gevallen) {
      const e = await controleerOpMalware([ingebouwdeScanner, s], 'schoon.pdf', SCHONE_PDF).then(
        () => null,
        (x) => x,
      );
      assert.ok(e instanceof AppError, 'must not pass without a verdict');
      assert.equal(e.status, 503);
      assert.equal(e.code, 'virusscanner-onbeschikbaar');
      assert.match(e.message, /virusscanner is niet beschikbaar/);
      assert.match(e.message, reden);
      assert.match(e.fouten[0].actie!, /opnieuw/);
    }
  } finally {
    await fout.close();
    await stil.close();
  }
});

test('parseClamd: host:port and [ipv6]:port; anything else is no address', () => {
  assert.deepEqual(parseClamd('clamav.intern:3310'), { host: 'clamav.intern', port: 3310 });
  assert.deepEqual(parseClamd('[::1]:3310'), { host: '::1', port: 3310 });
  assert.equal(parseClamd('clamav.intern'), null);
  assert.equal(parseClamd('h:70000'), null);
  assert.deepEqual(
    scannersVoor({}).map((s) => s.naam),
    ['ingebouwd'],
  );
  // the setting comes from the environment
  assert.equal(loadConfig({}, { ZORGINKOOP_CLAMD: ' clamav.intern:3310 ' }).clamd, 'clamav.intern:3310');
  assert.equal(loadConfig({}, {}).clamd, undefined);
});

// ───────────── through the real upload route ─────────────

let app: TestApp;
let za1: TestClient;
let inschrijvingId = '';

const upload = (naam: string, inhoud: Buffer, velden?: Record<string, string>) => {
  const m = multipart(naam, inhoud, velden);
  return za1.inject({
    method: 'POST',
    url: `/api/v1/inkoop/inschrijvingen/${inschrijvingId}/documenten`,
    payload: m.payload,
    headers: m.headers,
  });
};
const aantalDocumenten = async () =>
  Number(
    (await app.db.one<{ n: number }>('SELECT count(*) AS n FROM document WHERE inschrijving_id = $1', [inschrijvingId]))
      .n,
  );

before(async () => {
  app = await createTestApp();
  app.setNow(lokaalNaarInstant('2025-06-02T10:00'));
  const zk = await app.login('inkoper@cz.demo');
  za1 = await app.login('contractmanager@zonnehof.demo');
  const k = await zk.post('/api/v1/inkoop/kaders', {
    titel: 'Inkoop V&V 2026 (uploads)',
    jaarVan: 2026,
    sector: 'VV',
    regioCodes: ['5526', '5527'],
    procedureType: 'openbaar',
    sjabloon: 'wlz-2016',
  });
  assert.equal(k.statusCode, 201, k.body);
  assert.equal((await zk.post(`/api/v1/inkoop/kaders/${k.json().id}/publiceren`, {})).statusCode, 200);
  const s = await za1.post(`/api/v1/inkoop/kaders/${k.json().id}/inschrijving`);
  assert.equal(s.statusCode, 200, s.body);
  inschrijvingId = s.json().id;
});
after(async () => {
  await app?.close();
});

test('upload route: an EICAR file is refused (422 naming file, eis and finding); no document row, no answer linked', async () => {
  const r = await upload(
    'bestuursverklaring.pdf',
    Buffer.concat([Buffer.from('%PDF-1.4\n'), EICAR, Buffer.from('\n%%EOF\n')]),
    { eisCode: 'A2' },
  );
  assert.equal(r.statusCode, 422, r.body);
  assert.equal(r.json().code, 'document-malware');
  assert.match(r.json().title, /'bestuursverklaring\.pdf' is geweigerd: het bestand bevat de EICAR-testsignatuur/);
  assert.equal(r.json().fouten[0].waar, "bestand 'bestuursverklaring.pdf' bij eis A2 (doel inschrijving)");
  assert.match(r.json().fouten[0].actie, /IT-beheer/);
  assert.equal(await aantalDocumenten(), 0);
  assert.equal(
    Number(
      (
        await app.db.one<{ n: number }>('SELECT count(*) AS n FROM inschrijving_antwoord WHERE inschrijving_id = $1', [
          inschrijvingId,
        ])
      ).n,
    ),
    0,
  );
  // the refusal is audited with name, size, hash and finding, never the content
  const audit = await app.db.one<any>(
    `SELECT * FROM audit_regel WHERE actie = 'inkoop.document.geweigerd' AND onderwerp_id = $1 ORDER BY volgnummer DESC LIMIT 1`,
    [inschrijvingId],
  );
  assert.equal(audit.invoer.naam, 'bestuursverklaring.pdf');
  assert.equal(audit.invoer.eisCode, 'A2');
  assert.match(audit.invoer.sha256, /^[0-9a-f]{64}$/);
  assert.match(audit.resultaat.bevinding, /EICAR/);
  assert.equal(audit.regel, 'inkoop.document.malware');
  assert.ok(!JSON.stringify(audit).includes('EICAR-STANDARD'), 'no file content in the audit log');
  // a macro document and an active PDF likewise; a clean PDF is stored
  assert.equal((await upload('plan.docx', zip({ ...DOCX_BASIS, 'word/vbaProject.bin': 'x' }))).statusCode, 422);
  assert.equal(
    (await upload('a.pdf', pdf(['<< /Type /Catalog /OpenAction << /S /JavaScript /JS (x) >> >>']))).statusCode,
    422,
  );
  assert.equal(await aantalDocumenten(), 0);
  const ok = await upload('bestuursverklaring.pdf', SCHONE_PDF, { eisCode: 'A2' });
  assert.equal(ok.statusCode, 201, ok.body);
  assert.equal(await aantalDocumenten(), 1);
});

test('upload route: with ZORGINKOOP_CLAMD set, clamd findings refuse the upload, and an unreachable clamd refuses all (503)', async () => {
  // A file the built-in check passes but "clamd" flags: only the daemon's verdict refuses it.
  const clamd = await nepClamd((b) => (b.includes('Win.Test.Nep') ? 'stream: Win.Test.Nep-1 FOUND' : 'stream: OK'));
  const voor = app.ctx.config.clamd;
  try {
    app.ctx.config.clamd = `127.0.0.1:${clamd.port}`;
    const nep = await upload('x.pdf', Buffer.concat([SCHONE_PDF, Buffer.from('% Win.Test.Nep\n')]));
    assert.equal(nep.statusCode, 422, nep.body);
    assert.match(nep.json().title, /ClamAV vond Win\.Test\.Nep-1 .*scanner: clamav/);
    assert.equal((await upload('schoon.pdf', SCHONE_PDF)).statusCode, 201);
    assert.equal(clamd.ontvangen.length, 2);
    await clamd.close();
    const weg = await upload('schoon2.pdf', SCHONE_PDF);
    assert.equal(weg.statusCode, 503, weg.body);
    assert.match(weg.json().title, /virusscanner is niet beschikbaar/);
    assert.equal(await aantalDocumenten(), 2);
  } finally {
    app.ctx.config.clamd = voor;
  }
});
