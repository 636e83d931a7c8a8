import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  GRENZEN,
  normaliseerRegionaleParagraaf,
  valideerRegionaleParagraaf,
  type ParagraafKader,
} from './regionale-paragraaf.ts';
import { beoordeel, pasWegingToe, type Criterium } from './beoordeling.ts';
import { dec } from '../money.ts';

const dialoog: ParagraafKader = {
  procedureType: 'dialoog',
  eisen: [
    { code: 'A2', groep: 'bestuursverklaring', gewicht: null, schaalMin: null, schaalMax: null },
    { code: 'KO1', groep: 'gunningscriterium_knockout', gewicht: null, schaalMin: null, schaalMax: null },
    { code: 'F1', groep: 'gunningscriterium_gewogen', gewicht: '40.00', schaalMin: '1.00', schaalMax: '5.00' },
    { code: 'F2', groep: 'gunningscriterium_gewogen', gewicht: '30.00', schaalMin: '1.00', schaalMax: '5.00' },
    { code: 'F3', groep: 'gunningscriterium_gewogen', gewicht: '30.00', schaalMin: '0.00', schaalMax: '10.00' },
  ],
};
const bestValue: ParagraafKader = { ...dialoog, procedureType: 'best_value' };
const waar = (invoer: unknown, k = dialoog) => valideerRegionaleParagraaf(invoer, k).map((f) => f.waar);

test('een volledige, geldige paragraaf heeft geen fouten en wordt genormaliseerd zonder floats', () => {
  const p = {
    toelichting: '  Het zorgkantoor weegt het effect voor de cliënt zwaarder.  ',
    weging: { F1: '060,50', F2: '20', F3: '19.50' },
    schaalStap: '0,5',
    tweejarigeVoorwaarden: [
      { code: ' R1 ', omschrijving: ' Deelname regionaal wachtlijstoverleg ', soort: 'klasse', klassen: ['bestaand'] },
      {
        code: 'R2',
        omschrijving: 'Geen fraude',
        soort: 'geen-signalen',
        signaalSoorten: ['fraude_vastgesteld'],
        jaren: '5',
      },
      { code: 'R3', omschrijving: 'Drie jaar klant', soort: 'contractjaren', jaren: 3 },
    ],
  };
  assert.deepEqual(valideerRegionaleParagraaf(p, dialoog), []);
  assert.deepEqual(normaliseerRegionaleParagraaf(p), {
    toelichting: 'Het zorgkantoor weegt het effect voor de cliënt zwaarder.',
    weging: { F1: '60.50', F2: '20', F3: '19.50' },
    schaalStap: '0.5',
    tweejarigeVoorwaarden: [
      { code: 'R1', omschrijving: 'Deelname regionaal wachtlijstoverleg', soort: 'klasse', klassen: ['bestaand'] },
      {
        code: 'R2',
        omschrijving: 'Geen fraude',
        soort: 'geen-signalen',
        signaalSoorten: ['fraude_vastgesteld'],
        jaren: 5,
      },
      { code: 'R3', omschrijving: 'Drie jaar klant', soort: 'contractjaren', jaren: 3 },
    ],
  });
  assert.deepEqual(normaliseerRegionaleParagraaf({}), {});
  assert.deepEqual(
    normaliseerRegionaleParagraaf({ toelichting: '  ', weging: {}, tweejarigeVoorwaarden: [] }),
    {},
    'empty parts are left out',
  );
});

test('onbekende onderdelen worden geweigerd en genoemd, ook binnen voorwaarden en bestValue', () => {
  const f = valideerRegionaleParagraaf({ weging: {}, gewichten: { F1: '1' }, opslag: '2' }, dialoog);
  assert.deepEqual(
    f.map((x) => x.waar),
    ['regionaleParagraaf.gewichten', 'regionaleParagraaf.opslag'],
  );
  assert.match(f[0].wat, /Onbekend onderdeel 'gewichten'/);
  assert.match(
    f[0].actie!,
    /toelichting, weging, schaalStap, tweejarigeVoorwaarden, bestValue, basistarief, opslagTabel, opslagMomenten/,
  );
  assert.deepEqual(
    waar({
      tweejarigeVoorwaarden: [{ code: 'R1', omschrijving: 'x', voldaan: true, soort: 'klasse', klassen: ['bestaand'] }],
    }),
    ['regionaleParagraaf.tweejarigeVoorwaarden[0].voldaan'],
  );
  assert.deepEqual(waar({ bestValue: { maxWoorden: 500, maxPaginas: 2 } }, bestValue), [
    'regionaleParagraaf.bestValue.maxPaginas',
  ]);
  assert.deepEqual(waar([]), ['regionaleParagraaf']);
  assert.deepEqual(waar(null), ['regionaleParagraaf']);
  assert.deepEqual(waar('tekst'), ['regionaleParagraaf']);
});

test('weging: alleen gewogen criteria van dit kader, exacte decimalen > 0 met hoogstens twee decimalen', () => {
  const f = valideerRegionaleParagraaf({ weging: { F9: '10', KO1: '10', A2: '5' } }, dialoog);
  assert.deepEqual(
    f.map((x) => x.waar),
    ['regionaleParagraaf.weging.F9', 'regionaleParagraaf.weging.KO1', 'regionaleParagraaf.weging.A2'],
  );
  assert.match(f[0].wat, /F9 is geen gunningscriterium van dit inkoopkader/);
  assert.match(f[0].actie!, /Kies uit: F1, F2, F3/);
  assert.match(f[1].wat, /KO1 is geen gewogen gunningscriterium \(groep gunningscriterium_knockout: voldaan ja\/nee/);
  const fout = (w: unknown) => valideerRegionaleParagraaf({ weging: { F1: w } }, dialoog);
  assert.match(fout('1.234')[0].wat, /meer dan twee decimalen/);
  assert.match(fout('-5')[0].wat, /negatief/);
  assert.match(fout('0')[0].wat, /groter zijn dan 0/);
  assert.match(fout('0.00')[0].wat, /groter zijn dan 0/);
  assert.match(fout('veel')[0].wat, /geen decimaal getal/);
  assert.match(fout('')[0].wat, /leeg/);
  assert.match(fout(60)[0].wat, /geen tekst \(number\)/, 'never a JS number');
  assert.match(fout('100000')[0].wat, /groter dan 99999\.99/);
  assert.deepEqual(fout('99999.99'), []);
  assert.deepEqual(fout('0.01'), []);
  assert.deepEqual(
    fout('1e3').map((x) => x.waar),
    ['regionaleParagraaf.weging.F1'],
  );
  assert.deepEqual(waar({ weging: ['F1'] }), ['regionaleParagraaf.weging']);
});

test('schaalStap: positief decimaal waarin elke schaal precies opgaat', () => {
  assert.deepEqual(waar({ schaalStap: '0.5' }), []);
  assert.deepEqual(waar({ schaalStap: '2' }), [], '1–5 (4) and 0–10 (10) are multiples of 2');
  const f = valideerRegionaleParagraaf({ schaalStap: '3' }, dialoog);
  assert.equal(f.length, 3, 'F1, F2 and F3 all unreachable with step 3');
  assert.match(f[0].wat, /maximum 5 van de schaal van F1 \(1–5\) niet te bereiken/);
  assert.match(valideerRegionaleParagraaf({ schaalStap: '0' }, dialoog)[0].wat, /groter zijn dan 0/);
  assert.match(valideerRegionaleParagraaf({ schaalStap: '0.125' }, dialoog)[0].wat, /meer dan twee decimalen/);
  assert.match(valideerRegionaleParagraaf({ schaalStap: 1 }, dialoog)[0].wat, /geen tekst/);
});

test('tweejarige voorwaarden: code uniek, niet G1–G4, omschrijving verplicht', () => {
  const f = valideerRegionaleParagraaf(
    {
      tweejarigeVoorwaarden: [
        { code: 'R1', omschrijving: 'Wachtlijstoverleg', soort: 'klasse', klassen: ['bestaand'] },
        { code: 'r1', omschrijving: 'Dubbel', soort: 'klasse', klassen: ['bestaand'] },
        { code: 'g2', omschrijving: 'Geen fraudeonderzoek', soort: 'klasse', klassen: ['bestaand'] },
        { code: '', omschrijving: 'Zonder code', soort: 'klasse', klassen: ['bestaand'] },
        { code: 'R5', omschrijving: '  ', soort: 'klasse', klassen: ['bestaand'] },
        { code: 'R:6', omschrijving: 'Dubbele punt', soort: 'klasse', klassen: ['bestaand'] },
        'R7',
      ],
    },
    dialoog,
  );
  assert.deepEqual(
    f.map((x) => x.waar),
    [
      'regionaleParagraaf.tweejarigeVoorwaarden[1].code',
      'regionaleParagraaf.tweejarigeVoorwaarden[2].code',
      'regionaleParagraaf.tweejarigeVoorwaarden[3].code',
      'regionaleParagraaf.tweejarigeVoorwaarden[4].omschrijving',
      'regionaleParagraaf.tweejarigeVoorwaarden[5].code',
      'regionaleParagraaf.tweejarigeVoorwaarden[6]',
    ],
  );
  assert.match(f[0].wat, /Code r1 komt al voor bij voorwaarde 1/);
  assert.match(f[1].wat, /landelijke voorwaarde .*G1–G4/);
  const veel = Array.from({ length: GRENZEN.voorwaarden + 1 }, (_, i) => ({
    code: `R${i}`,
    omschrijving: 'x',
    soort: 'klasse',
    klassen: ['bestaand'],
  }));
  assert.deepEqual(waar({ tweejarigeVoorwaarden: veel }), ['regionaleParagraaf.tweejarigeVoorwaarden']);
  assert.deepEqual(waar({ tweejarigeVoorwaarden: { R1: 'x' } }), ['regionaleParagraaf.tweejarigeVoorwaarden']);
});

test('bestValue: alleen bij best value, gehele getallen binnen de grenzen', () => {
  assert.deepEqual(waar({ bestValue: { maxKpis: 3 } }), ['regionaleParagraaf.bestValue']);
  assert.match(
    valideerRegionaleParagraaf({ bestValue: { maxKpis: 3 } }, dialoog)[0].wat,
    /alleen bij een best value-procedure; .*dialoog/,
  );
  assert.deepEqual(waar({ bestValue: { maxWoorden: 100, maxKpis: 20, verduidelijkingAantal: 1 } }, bestValue), []);
  assert.deepEqual(waar({ bestValue: { maxWoorden: 99, maxKpis: 21, verduidelijkingAantal: 0 } }, bestValue), [
    'regionaleParagraaf.bestValue.maxWoorden',
    'regionaleParagraaf.bestValue.maxKpis',
    'regionaleParagraaf.bestValue.verduidelijkingAantal',
  ]);
  assert.deepEqual(waar({ bestValue: { maxWoorden: 10001, maxKpis: 2.5, verduidelijkingAantal: 'twee' } }, bestValue), [
    'regionaleParagraaf.bestValue.maxWoorden',
    'regionaleParagraaf.bestValue.maxKpis',
    'regionaleParagraaf.bestValue.verduidelijkingAantal',
  ]);
  assert.deepEqual(normaliseerRegionaleParagraaf({ bestValue: { maxWoorden: ' 800 ', maxKpis: 3 } }), {
    bestValue: { maxWoorden: 800, maxKpis: 3 },
  });
});

test('toelichting: hoogstens 20.000 tekens', () => {
  assert.deepEqual(waar({ toelichting: 'x'.repeat(GRENZEN.toelichting) }), []);
  assert.deepEqual(waar({ toelichting: 'x'.repeat(GRENZEN.toelichting + 1) }), ['regionaleParagraaf.toelichting']);
  assert.deepEqual(waar({ toelichting: 5 }), ['regionaleParagraaf.toelichting']);
});

// ── property tests ──

const gewicht = fc
  .tuple(
    fc.integer({ min: 0, max: 99999 }),
    fc.option(fc.integer({ min: 0, max: 99 }), { nil: undefined }),
    fc.boolean(),
  )
  .filter(([i, f]) => i > 0 || (f ?? 0) > 0)
  .map(([i, f, komma]) => `${i}${f === undefined ? '' : `${komma ? ',' : '.'}${String(f).padStart(2, '0')}`}`);
const geldig = fc.record(
  {
    toelichting: fc.option(fc.string({ maxLength: 200 }), { nil: undefined }),
    weging: fc.option(fc.record({ F1: gewicht, F2: gewicht, F3: gewicht }, { requiredKeys: [] }), { nil: undefined }),
    schaalStap: fc.option(fc.constantFrom('1', '0.5', '0,25', '2', '0.1'), { nil: undefined }),
    tweejarigeVoorwaarden: fc.option(
      fc.uniqueArray(fc.integer({ min: 1, max: 999 }), { maxLength: 5 }).map((ns) =>
        ns.map((n) => ({
          code: `R${n}`,
          omschrijving: `Voorwaarde ${n}`,
          soort: 'contractjaren',
          jaren: (n % 20) + 1,
        })),
      ),
      { nil: undefined },
    ),
  },
  { requiredKeys: [] },
);

test('eigenschap: geldige invoer blijft na normaliseren geldig, normaliseren is idempotent en gewichten blijven exact', () => {
  fc.assert(
    fc.property(geldig, (p) => {
      assert.deepEqual(valideerRegionaleParagraaf(p, dialoog), []);
      const n = normaliseerRegionaleParagraaf(p);
      assert.deepEqual(valideerRegionaleParagraaf(n, dialoog), []);
      assert.deepEqual(normaliseerRegionaleParagraaf(n), n);
      for (const [code, w] of Object.entries(p.weging ?? {})) {
        assert.ok(dec(n.weging![code]).equals(dec(w.replace(',', '.'))), `${w} → ${n.weging![code]}`);
        assert.doesNotMatch(n.weging![code], /,|^0\d/);
      }
    }),
    { numRuns: 300 },
  );
});

test('eigenschap: elke onbekende sleutel wordt bij naam geweigerd', () => {
  const onbekend = fc
    .string({ minLength: 1, maxLength: 12 })
    .filter(
      (s) => !['toelichting', 'weging', 'schaalStap', 'tweejarigeVoorwaarden', 'bestValue', '__proto__'].includes(s),
    );
  fc.assert(
    fc.property(geldig, onbekend, (p, k) => {
      const f = valideerRegionaleParagraaf({ ...p, [k]: 'x' }, dialoog);
      assert.deepEqual(
        f.map((x) => x.waar),
        [`regionaleParagraaf.${k}`],
      );
    }),
    { numRuns: 200 },
  );
});

test('eigenschap: een regionaal gewicht dat door de regels komt, laat de beoordeling altijd een exact totaal berekenen', () => {
  const criteria: Criterium[] = dialoog.eisen
    .filter((e) => e.groep === 'gunningscriterium_gewogen')
    .map((e) => ({
      code: e.code,
      naam: e.code,
      soort: 'gewogen',
      gewicht: e.gewicht!,
      schaal: { min: e.schaalMin!, max: e.schaalMax! },
    }));
  fc.assert(
    fc.property(fc.record({ F1: gewicht, F2: gewicht, F3: gewicht }), (w) => {
      const n = normaliseerRegionaleParagraaf({ weging: w });
      const u = beoordeel(
        pasWegingToe(criteria, n.weging),
        criteria.map((c) => ({ criteriumCode: c.code, score: c.schaal!.max, motivatie: 'max' })),
      );
      // every criterion at its maximum: total = Σ max×w / Σ w, exact to two decimals
      const teller = dec(5).times(n.weging!.F1).plus(dec(5).times(n.weging!.F2)).plus(dec(10).times(n.weging!.F3));
      const noemer = dec(n.weging!.F1).plus(n.weging!.F2).plus(n.weging!.F3);
      assert.equal(u.totaal, teller.dividedBy(noemer).toDecimalPlaces(2).toFixed(2));
    }),
    { numRuns: 200 },
  );
});

test('regionale voorwaarden hebben een berekenbare soort met geldige gegevens; fouten met pad, wat en actie', () => {
  const f = valideerRegionaleParagraaf(
    {
      tweejarigeVoorwaarden: [
        { code: 'R1', omschrijving: 'Zonder soort' },
        { code: 'R2', omschrijving: 'Onbekend', soort: 'handmatig' },
        { code: 'R3', omschrijving: 'Lege klassen', soort: 'klasse', klassen: [] },
        { code: 'R4', omschrijving: 'Verkeerde klasse', soort: 'klasse', klassen: ['bestaand', 'oud'] },
        { code: 'R5', omschrijving: 'Geen jaren', soort: 'geen-signalen', signaalSoorten: ['fraudeonderzoek'] },
        { code: 'R6', omschrijving: 'Te veel jaren', soort: 'contractjaren', jaren: 21 },
        { code: 'R7', omschrijving: 'Jaren bij klasse', soort: 'klasse', klassen: ['bestaand'], jaren: 2 },
        { code: 'R8', omschrijving: 'Onbekend signaal', soort: 'geen-signalen', signaalSoorten: ['boete'], jaren: 2 },
        { code: 'R9', omschrijving: 'Half jaar', soort: 'contractjaren', jaren: 1.5 },
      ],
    },
    dialoog,
  );
  assert.deepEqual(
    f.map((x) => x.waar),
    [
      'regionaleParagraaf.tweejarigeVoorwaarden[0].soort',
      'regionaleParagraaf.tweejarigeVoorwaarden[1].soort',
      'regionaleParagraaf.tweejarigeVoorwaarden[2].klassen',
      'regionaleParagraaf.tweejarigeVoorwaarden[3].klassen[1]',
      'regionaleParagraaf.tweejarigeVoorwaarden[4].jaren',
      'regionaleParagraaf.tweejarigeVoorwaarden[5].jaren',
      'regionaleParagraaf.tweejarigeVoorwaarden[6].jaren',
      'regionaleParagraaf.tweejarigeVoorwaarden[7].signaalSoorten[0]',
      'regionaleParagraaf.tweejarigeVoorwaarden[8].jaren',
    ],
  );
  for (const x of f) assert.ok(x.wat && x.actie, JSON.stringify(x));
  assert.match(f[0].wat, /R1\) heeft geen soort/);
  assert.match(f[0].actie!, /klasse, geen-signalen, contractjaren/);
  assert.match(f[3].wat, /onbekende klasse 'oud'/);
  assert.match(f[5].wat, /geen geheel getal van 1 tot en met 20/);
  assert.match(f[6].wat, /'jaren' hoort niet bij de soort klasse/);
});
