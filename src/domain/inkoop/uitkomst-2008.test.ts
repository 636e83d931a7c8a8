import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { bepaalUitkomst2008, type Uitkomst2008Invoer } from './uitkomst-2008.ts';

const basis: Uitkomst2008Invoer = {
  tijdigIngediend: true,
  nietVoldaneEisen: [],
  gunningsvoorwaarden: ['GV-TZ-a', 'GV-IV-c'],
  jaarVan: 2026,
  jaarTot: 2027,
};

test('2008: the Kader 3.1 gate passed → a contract for the kader period; Kader 3.2 is a term, never a knock-out', () => {
  const b = bepaalUitkomst2008(basis);
  assert.equal(b.uitkomst, 'overeenkomst-2008');
  assert.equal(b.looptijdJaren, 2);
  assert.equal(b.opslagPercentage, '0.00');
  assert.deepEqual(
    b.redenen.map((r) => [r.code, r.voldaan]),
    [
      ['A1', true],
      ['A-geschiktheid', true],
      ['V-3.2', true],
    ],
  );
});

test('2008: a failed geschiktheidseis or uitsluitingsgrond, or a late bid → geen overeenkomst, named', () => {
  const b = bepaalUitkomst2008({ ...basis, nietVoldaneEisen: ['UG-b1 Faillissement'] });
  assert.equal(b.uitkomst, 'geen-overeenkomst');
  assert.equal(b.looptijdJaren, 0);
  assert.match(b.redenen[1].toelichting, /UG-b1 Faillissement/);
  assert.equal(bepaalUitkomst2008({ ...basis, tijdigIngediend: false }).uitkomst, 'geen-overeenkomst');
});

test('2008 (property): the gunningsvoorwaarden never change the outcome; only timeliness and the gate do', () => {
  fc.assert(
    fc.property(
      fc.boolean(),
      fc.array(fc.string({ minLength: 1, maxLength: 8 }), { maxLength: 3 }),
      fc.array(fc.string({ minLength: 1, maxLength: 8 }), { maxLength: 5 }),
      fc.integer({ min: 2000, max: 2099 }),
      fc.integer({ min: 0, max: 5 }),
      (tijdig, niet, gv, van, extra) => {
        const b = bepaalUitkomst2008({
          tijdigIngediend: tijdig,
          nietVoldaneEisen: niet,
          gunningsvoorwaarden: gv,
          jaarVan: van,
          jaarTot: van + extra,
        });
        const contract = tijdig && niet.length === 0;
        assert.equal(b.uitkomst, contract ? 'overeenkomst-2008' : 'geen-overeenkomst');
        assert.equal(b.looptijdJaren, contract ? extra + 1 : 0);
      },
    ),
  );
});
