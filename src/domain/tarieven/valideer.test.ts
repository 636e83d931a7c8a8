import { test } from 'node:test';
import assert from 'node:assert/strict';
import beleid2024 from '../../tarieven/data/beleid-2024-vv.json' with { type: 'json' };
import { valideerBeleid, compileerBeleid, kunnenSamenGelden, BeleidOngeldig } from './valideer.ts';
import { parseProfiel, ProfielFout } from './taal.ts';

const cz = () => structuredClone(beleid2024.beleid.find((b) => b.zorgkantoor === 'CZ')) as any;
const bron = { citaat: 'Testcitaat uit de bron, letterlijk.', document: 'test' };

test('all shipped policies are valid', () => {
  for (const b of beleid2024.beleid) assert.deepEqual(valideerBeleid(b), [], b.id);
});

test('rejects an unknown profile key, naming the rule', () => {
  const b = cz();
  b.regels[1].als = { kenmerk: 'robotsInDeZorg', is: true };
  const f = valideerBeleid(b);
  assert.equal(f.length, 1);
  assert.equal(f[0].regel, 'CZ-2024-arbeidsbesparende-technologie');
  assert.match(f[0].wat, /CZ-2024-arbeidsbesparende-technologie: onbekend profielkenmerk "robotsInDeZorg"/);
  assert.throws(() => compileerBeleid(b), BeleidOngeldig);
});

test('rejects an unknown profile key in a bereik effect', () => {
  const b = cz();
  b.regels.push({
    id: 'X',
    omschrijving: 'x',
    effect: { op: 'bereik', van: '0', tot: '1', eenheid: 'procentpunt', kenmerk: 'score' },
    bron,
    zekerheid: 'L',
  });
  assert.match(
    valideerBeleid(b)
      .map((f) => f.wat)
      .join(),
    /regel X: onbekend profielkenmerk "score"/,
  );
});

test('rejects a cycle in the order, naming the rules', () => {
  const b = cz();
  b.regels[1].na = ['CZ-2024-bewegingen-en-doelen'];
  b.regels[3].na = ['CZ-2024-arbeidsbesparende-technologie'];
  const f = valideerBeleid(b);
  assert.equal(f.length, 1);
  assert.match(
    f[0].wat,
    /cyclus in de volgorde: CZ-2024-arbeidsbesparende-technologie → CZ-2024-bewegingen-en-doelen → CZ-2024-arbeidsbesparende-technologie/,
  );
});

test('rejects a cycle against the fixed phase order (a set after a cap)', () => {
  const b = cz();
  b.regels.push({
    id: 'CAP',
    omschrijving: 'cap',
    effect: { op: 'plafond', waarde: '97', eenheid: 'procentVanNza' },
    bron,
    zekerheid: 'H',
  });
  b.regels.push({
    id: 'ZET',
    omschrijving: 'zet',
    na: ['CAP'],
    effect: { op: 'zet', waarde: '96', eenheid: 'procentVanNza' },
    bron,
    zekerheid: 'H',
  });
  assert.match(valideerBeleid(b)[0].wat, /cyclus.*ZET.*CAP|cyclus.*CAP.*ZET/);
});

test('rejects a percentage above 100 without explicit permission; accepts it with permission', () => {
  const b = cz();
  b.regels.push({
    id: 'CZ-boven',
    omschrijving: 'te hoog',
    als: { kenmerk: 'freeProposal', is: true },
    effect: { op: 'zet', waarde: '101', eenheid: 'procentVanNza' },
    bron,
    zekerheid: 'H',
    volgorde: 5,
  });
  const f = valideerBeleid(b);
  assert.ok(
    f.some(
      (x) => x.regel === 'CZ-boven' && /boven 100% van het NZa-maximum zonder uitdrukkelijke toestemming/.test(x.wat),
    ),
    JSON.stringify(f),
  );
  b.regels.at(-1).boven100Toegestaan = true;
  assert.deepEqual(
    valideerBeleid(b).filter((x) => /boven 100/.test(x.wat)),
    [],
  );
  const basis = cz();
  basis.basis.waarde = '100.5';
  assert.match(valideerBeleid(basis)[0].wat, /basispercentage 100.5 ligt boven 100%/);
});

test('rejects overlapping rules without an order, naming both; accepts them with volgorde, na or exclusive conditions', () => {
  const b = cz();
  b.regels.push({
    id: 'CZ-zet-a',
    omschrijving: 'a',
    als: { kenmerk: 'nieuweAanbieder', is: true },
    effect: { op: 'zet', waarde: '92', eenheid: 'procentVanNza' },
    bron,
    zekerheid: 'H',
  });
  b.regels.push({
    id: 'CZ-zet-b',
    omschrijving: 'b',
    als: { kenmerk: 'essentieleVoorziening', is: true },
    effect: { op: 'zet', waarde: '96', eenheid: 'procentVanNza' },
    bron,
    zekerheid: 'H',
  });
  const f = valideerBeleid(b);
  assert.equal(f.length, 1);
  assert.equal(f[0].regel, 'CZ-zet-b');
  assert.match(f[0].wat, /regels CZ-zet-a en CZ-zet-b kunnen tegelijk gelden .* geen volgorde/);
  const metVolgorde = structuredClone(b);
  metVolgorde.regels.at(-2).volgorde = 1;
  metVolgorde.regels.at(-1).volgorde = 2;
  assert.deepEqual(valideerBeleid(metVolgorde), []);
  const metNa = structuredClone(b);
  metNa.regels.at(-1).na = ['CZ-zet-a'];
  assert.deepEqual(valideerBeleid(metNa), []);
  const uitsluitend = structuredClone(b);
  uitsluitend.regels.at(-1).als = { niet: { kenmerk: 'nieuweAanbieder', is: true } };
  assert.deepEqual(valideerBeleid(uitsluitend), []);
});

test('percentage-point additions commute and need no order; relative and point changes together do', () => {
  const b = cz();
  b.regels.push({
    id: 'REL',
    omschrijving: 'rel',
    als: { kenmerk: 'bewegingenEnDoelen', is: true },
    effect: { op: 'plus', waarde: '1', eenheid: 'relatief' },
    bron,
    zekerheid: 'M',
  });
  const f = valideerBeleid(b);
  assert.ok(f.some((x) => x.regel === 'REL' && /CZ-2024-arbeidsbesparende-technologie en REL/.test(x.wat)));
});

test('the unit must be explicit on every change', () => {
  const b = cz();
  delete b.regels[1].effect.eenheid;
  assert.match(valideerBeleid(b)[0].wat, /eenheid moet expliciet zijn: procentpunt of relatief/);
});

test('structure errors: duplicate id, missing source, bad decimal, unknown op', () => {
  const b = cz();
  b.regels[2].id = b.regels[1].id;
  b.regels[0].bron = { citaat: '', document: '' };
  b.regels[3].effect.waarde = '0,3';
  b.regels.push({ id: 'Y', omschrijving: 'y', effect: { op: 'vermenigvuldig' }, bron, zekerheid: 'H' });
  const wat = valideerBeleid(b)
    .map((f) => f.wat)
    .join('\n');
  assert.match(wat, /komt twee keer voor/);
  assert.match(wat, /bron \(citaat en document\) ontbreekt/);
  assert.match(wat, /moet een decimaal als tekst zijn/);
  assert.match(wat, /onbekende op "vermenigvuldig"/);
});

test('kunnenSamenGelden: exclusive conditions do not overlap', () => {
  assert.equal(
    kunnenSamenGelden({ kenmerk: 'nieuweAanbieder', is: true }, { niet: { kenmerk: 'nieuweAanbieder', is: true } }),
    false,
  );
  assert.equal(kunnenSamenGelden({ leveringsvorm: ['vpt'] }, { leveringsvorm: ['mpt'] }), false);
  assert.equal(
    kunnenSamenGelden({ kenmerk: 'monitorUitkomst', is: 'hoger' }, { kenmerk: 'monitorUitkomst', bekend: false }),
    false,
  );
  assert.equal(kunnenSamenGelden(undefined, { kenmerk: 'nieuweAanbieder', is: true }), true);
});

test('profile input: unknown key, wrong type, out of range are refused with the key named', () => {
  assert.throws(
    () => parseProfiel({ nieuwAanbieder: true }),
    (e: any) => e instanceof ProfielFout && /onbekend profielkenmerk "nieuwAanbieder"/.test(e.message),
  );
  assert.throws(() => parseProfiel({ nieuweAanbieder: 'ja' }), /nieuweAanbieder: moet true of false zijn/);
  assert.throws(() => parseProfiel({ monitorUitkomst: 'beter' }), /monitorUitkomst: moet een van hoger, gelijk, lager/);
  assert.throws(() => parseProfiel({ vorigJaarPercentage: '1e2' }), /decimaal getal/);
  assert.throws(() => parseProfiel([]), /JSON-object/);
  assert.equal(parseProfiel({ vorigJaarPercentage: '96,5' }).vorigJaarPercentage!.toString(), '96.5');
});

test('looptijdNieuweAanbieder: DSW has it with the source quoted; a wrong term, period or missing source is refused', () => {
  const dsw = () => structuredClone(beleid2024.beleid.find((b) => b.zorgkantoorId === 'zk-dsw')) as any;
  assert.equal(dsw().looptijdNieuweAanbieder.jaren, 1);
  assert.match(dsw().looptijdNieuweAanbieder.bron.citaat, /^Nieuwe zorgaanbieders: eenjarige overeenkomst/);
  assert.deepEqual(valideerBeleid(dsw()), []);
  const met = (l: unknown) => ({ ...dsw(), looptijdNieuweAanbieder: l });
  const waar = (l: unknown) => valideerBeleid(met(l)).map((f) => f.waar);
  const goed = dsw().looptijdNieuweAanbieder;
  assert.deepEqual(waar({ ...goed, jaren: 0 }), ['looptijdNieuweAanbieder.jaren']);
  assert.deepEqual(waar({ ...goed, jaren: 1.5 }), ['looptijdNieuweAanbieder.jaren']);
  assert.deepEqual(waar({ ...goed, inkoopperiode: { van: 2026, tot: 2024 } }), [
    'looptijdNieuweAanbieder.inkoopperiode',
  ]);
  assert.deepEqual(waar({ ...goed, bron: { document: 'x' } }), ['looptijdNieuweAanbieder.bron']);
  assert.deepEqual(waar({ ...goed, zekerheid: 'X' }), ['looptijdNieuweAanbieder.zekerheid']);
  assert.deepEqual(waar('één jaar'), ['looptijdNieuweAanbieder']);
});
