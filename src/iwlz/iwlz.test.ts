// iWlz 2.2 messages against the official XSDs (libxml2 in WebAssembly): every message type the
// product writes validates; write → read gives the same data; malformed and hostile input is
// refused with return code 0001 and the line of the problem.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  valideerBericht,
  bouwIo31,
  leesIo31,
  bouwAw33,
  leesAw33,
  bouwAw35,
  leesAw35,
  bouwAw39,
  leesAw39,
  bouwRetour,
  bouwAfkeuring,
  leesRetour,
  leesXml,
  RETOURCODE,
  retourcodeOmschrijving,
  omschrijving,
  codes,
  BERICHTEN,
  MAX_BERICHT_BYTES,
  type Aw33Bericht,
} from './index.ts';
import { voorbeeldIo31, voorbeeldAw35, voorbeeldAw39, VOORBEELD_AGB, VOORBEELD_BSN } from './voorbeelden.ts';

async function assertGeldig(xml: string, type: string) {
  const v = await valideerBericht(xml);
  assert.deepEqual(v.fouten, [], `${type} moet valide zijn`);
  assert.equal(v.geldig, true);
  assert.equal(v.type, type);
}

function aw33Voorbeeld(): Aw33Bericht {
  const io31 = leesIo31(bouwIo31(voorbeeldIo31()));
  return {
    kop: { afzender: '5526', ontvanger: VOORBEELD_AGB, berichtId: 'ZTW000001', dagtekening: '2025-05-22' },
    clienten: [
      {
        io31Blok: io31.clienten[0].blok,
        partneropname: false,
        zorgzwaartepakketten: [
          {
            zzpCode: '755',
            instelling: VOORBEELD_AGB,
            zorgkantoor: '5526',
            soort: '1',
            toewijzingsdatum: '2025-05-22',
            toewijzingstijd: '10:15:00',
            ingangsdatum: '2025-06-01',
            klasse: '99',
            leveringsvorm: '4',
            opname: true,
          },
        ],
        functies: [],
      },
    ],
  };
}

test('code lists: return codes and waiting-list statuses come from the official list', () => {
  assert.equal(retourcodeOmschrijving('0001'), 'Bericht is afgekeurd om technische redenen.');
  assert.equal(retourcodeOmschrijving('0448'), 'Client kan niet geidentificeerd worden.');
  for (const c of Object.values(RETOURCODE)) assert.ok(omschrijving('LDT_RetourCode', c), `${c} staat in de codelijst`);
  assert.deepEqual(codes('LDT_Leveringsstatus').sort(), ['1', '2', '3', '4', '5', '6', '7']);
  assert.equal(omschrijving('LDT_Leveringsstatus', '6'), 'Urgent plaatsen');
  assert.deepEqual(codes('LDT_SoortToewijzing'), ['1', '3', '5']);
});

test('IO31: written message validates against IO31.xsd and reads back to the same data', async () => {
  const b = voorbeeldIo31();
  const xml = bouwIo31(b);
  await assertGeldig(xml, 'IO31');
  const terug = leesIo31(xml);
  assert.deepEqual(terug.kop, b.kop);
  assert.deepEqual(
    terug.clienten.map(({ blok: _b, ...c }) => c),
    b.clienten,
  );
});

test('AW33: zorgtoewijzing built from the IO31 client block validates and round-trips', async () => {
  const b = aw33Voorbeeld();
  const xml = bouwAw33(b);
  await assertGeldig(xml, 'AW33');
  assert.ok(xml.includes('<iwlz:Identificatie>ZTW000001</iwlz:Identificatie>'), 'basisschema elements qualified');
  const terug = leesAw33(xml);
  assert.deepEqual(terug.kop, b.kop);
  assert.equal(terug.clienten[0].bsn, VOORBEELD_BSN[0]);
  assert.equal(terug.clienten[0].besluitnummer, '250000101');
  assert.deepEqual(terug.clienten[0].zorgzwaartepakketten, b.clienten[0].zorgzwaartepakketten);
  assert.equal(terug.clienten[0].partneropname, false);
});

test('AW33: bridging and administrative toewijzingen and a toegewezen functie (MPT) validate', async () => {
  const b = aw33Voorbeeld();
  b.clienten[0].zorgzwaartepakketten[0].soort = '3';
  b.clienten[0].zorgzwaartepakketten.push({ ...b.clienten[0].zorgzwaartepakketten[0], soort: '5', percentage: '5000' });
  b.clienten[0].functies = [
    {
      functieCode: '31',
      instelling: VOORBEELD_AGB,
      zorgkantoor: '5526',
      soort: '1',
      toewijzingsdatum: '2025-05-22',
      toewijzingstijd: '10:15:00',
      ingangsdatum: '2025-06-01',
      klasse: 'K3',
    },
  ];
  const xml = bouwAw33(b);
  await assertGeldig(xml, 'AW33');
  const terug = leesAw33(xml);
  assert.deepEqual(terug.clienten[0].functies, b.clienten[0].functies);
  assert.deepEqual(
    terug.clienten[0].zorgzwaartepakketten.map((z) => z.soort),
    ['3', '5'],
  );
});

test('AW35 and AW39: validate and round-trip (incl. waiting-list status and classification)', async () => {
  const a35 = voorbeeldAw35();
  const x35 = bouwAw35(a35);
  await assertGeldig(x35, 'AW35');
  assert.deepEqual(leesAw35(x35), a35);

  const a39 = voorbeeldAw39();
  a39.clienten[0].aanvragen = [
    {
      besluitnummer: '250000102',
      afgiftedatum: '2025-05-20',
      instelling: VOORBEELD_AGB,
      zzpCode: '755',
      leveringsvorm: '5',
      doelmatig: true,
      verantwoord: false,
      instellingen: [{ instelling: VOORBEELD_AGB, soort: '1', toewijzingIngangsdatum: '2025-07-01' }],
    },
  ];
  const x39 = bouwAw39(a39);
  await assertGeldig(x39, 'AW39');
  assert.deepEqual(leesAw39(x39), a39);
});

test('answers AW34, AW36, AW310 and IO32 validate, with codes where given, 0200 elsewhere and 0233 below a refusal', async () => {
  const rk = { identificatieRetour: 'RET000001', dagtekeningRetour: '2025-06-11' };
  const gevallen: [keyof typeof BERICHTEN, string][] = [
    ['AW33', bouwAw33(aw33Voorbeeld())],
    ['AW35', bouwAw35(voorbeeldAw35())],
    ['AW39', bouwAw39(voorbeeldAw39())],
    ['IO31', bouwIo31(voorbeeldIo31())],
  ];
  for (const [type, heenXml] of gevallen) {
    const heen = leesXml(heenXml);
    const eersteClient = (heen.Clienten as any).Client[0];
    const xml = bouwRetour(type, heen, rk, (klasse, _el, client) =>
      klasse === 'Client' && client === eersteClient ? [RETOURCODE.CLIENT_ONBEKEND] : undefined,
    );
    const retour = BERICHTEN[type].retour!;
    await assertGeldig(xml, retour);
    const r = leesRetour(xml);
    assert.equal(r.kop.identificatieRetour, 'RET000001');
    assert.deepEqual(r.klassen.find((k) => k.pad === 'Client[0]')?.codes, ['0448']);
    const onder = r.klassen.filter((k) => k.pad.startsWith('Client[0]/'));
    assert.ok(onder.length > 0 && onder.every((k) => k.codes[0] === '0233'), `${retour}: 0233 onder de afkeuring`);
    const rest = r.klassen.filter((k) => !k.pad.startsWith('Client[0]'));
    assert.ok(rest.every((k) => k.codes[0] === '0200'));
  }
});

test('a message refused as a whole gets an answer with only the header and 0001', async () => {
  const heen = leesXml(bouwAw35(voorbeeldAw35()));
  const xml = bouwAfkeuring('AW35', heen.Header as any, {
    identificatieRetour: 'RET2',
    dagtekeningRetour: '2025-06-11',
  });
  await assertGeldig(xml, 'AW36');
  assert.deepEqual(leesRetour(xml).kopCodes, ['0001']);
});

test('schema errors: unknown code, wrong BSN pattern and missing element are reported with their line and 0001', async () => {
  const xml = bouwAw35(voorbeeldAw35());
  const slecht = xml.replace('<Leveringsstatus>4</Leveringsstatus>', '<Leveringsstatus>8</Leveringsstatus>');
  const v = await valideerBericht(slecht);
  assert.equal(v.geldig, false);
  assert.equal(v.type, 'AW35');
  assert.equal(v.retourcode, '0001');
  const regel = slecht.split('\n').findIndex((l) => l.includes('<Leveringsstatus>8')) + 1;
  assert.ok(
    v.fouten.some((f) => f.regel === regel && /Leveringsstatus/.test(f.melding)),
    JSON.stringify(v.fouten),
  );

  const bsn = await valideerBericht(xml.replace(`<Bsn>${VOORBEELD_BSN[0]}</Bsn>`, '<Bsn>12345678A</Bsn>'));
  assert.equal(bsn.geldig, false);
  assert.ok(bsn.fouten.some((f) => /Bsn/.test(f.melding)));

  const zonder = await valideerBericht(xml.replace(/<Geslacht>2<\/Geslacht>\n/, ''));
  assert.equal(zonder.geldig, false);
  assert.ok(zonder.fouten.every((f) => f.regel !== null));
});

test('schema error messages never contain a nine-digit number (BSN)', async () => {
  const xml = bouwAw35(voorbeeldAw35()).replace('<Geslacht>2</Geslacht>', `<Geslacht>${VOORBEELD_BSN[2]}</Geslacht>`);
  const v = await valideerBericht(xml);
  assert.equal(v.geldig, false);
  assert.ok(!JSON.stringify(v.fouten).includes(VOORBEELD_BSN[2]));
});

test('malformed XML, an unknown namespace, the wrong message type and empty input are refused with 0001', async () => {
  const kapot = await valideerBericht('<Bericht xmlns="x">\n<Header>\n</Bericht>');
  assert.equal(kapot.geldig, false);
  assert.equal(kapot.retourcode, '0001');
  assert.ok(kapot.fouten[0].regel! >= 2, JSON.stringify(kapot.fouten));

  const onbekend = await valideerBericht('<Bericht xmlns="urn:iets-anders"/>');
  assert.equal(onbekend.type, null);
  assert.match(onbekend.fouten[0].melding, /Onbekend berichttype/);

  const verkeerd = await valideerBericht(bouwAw35(voorbeeldAw35()), { verwacht: ['AW39'] });
  assert.equal(verkeerd.geldig, false);
  assert.match(verkeerd.fouten[0].melding, /AW35.*AW39/);

  assert.equal((await valideerBericht('')).geldig, false);
  assert.equal((await valideerBericht(new Uint8Array([0x3c, 0xff, 0xfe, 0x3e]))).geldig, false, 'geen UTF-8');
});

test('XXE: an external entity is refused before any parser sees it (no file is read)', async () => {
  const xml = `<?xml version="1.0"?>\n<!DOCTYPE Bericht [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<Bericht xmlns="${BERICHTEN.AW35.namespace}"><Header>&x;</Header></Bericht>`;
  const v = await valideerBericht(xml);
  assert.equal(v.geldig, false);
  assert.equal(v.retourcode, '0001');
  assert.equal(v.fouten[0].regel, 2);
  assert.match(v.fouten[0].melding, /DTD/);
  assert.ok(!JSON.stringify(v).includes('root:'), 'no file content');
});

test('billion laughs: nested entities are refused quickly, nothing is expanded', async () => {
  let ents = '<!ENTITY lol "lol">';
  for (let i = 1; i <= 9; i++) ents += `<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`;
  const xml = `<?xml version="1.0"?>\n<!DOCTYPE lolz [${ents}]>\n<lolz>&lol9;</lolz>`;
  const t0 = performance.now();
  const v = await valideerBericht(xml);
  assert.equal(v.geldig, false);
  assert.ok(performance.now() - t0 < 2000);
  assert.match(v.fouten[0].melding, /DTD/);
});

test('oversized message is refused before parsing, with the limit in the message', async () => {
  const v = await valideerBericht('<a>' + 'x'.repeat(2000) + '</a>', { maxBytes: 1000 });
  assert.equal(v.geldig, false);
  assert.match(v.fouten[0].melding, /maximum is 1000 bytes/);
  assert.ok(MAX_BERICHT_BYTES >= 1024 * 1024);
});
