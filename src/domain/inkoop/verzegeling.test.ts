import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { deadlineWijziging, verzegeld, voorbereidingZichtbaar } from './verzegeling.ts';
import { lokaalNaarInstant } from './timeline.ts';

const DL = lokaalNaarInstant('2025-07-31T17:00');
const sec = (n: number) => new Date(DL.getTime() + n * 1000);
const basis = {
  deadline: DL,
  nu: sec(-1),
  verzegeldVoorBeoordelaars: true,
  procedureType: 'openbaar' as const,
  fase: 'vragenronde' as const,
};

test('verzegeld tot en met de seconde van de gepubliceerde sluitingstermijn; daarna open', () => {
  assert.equal(verzegeld(basis), true);
  assert.equal(verzegeld({ ...basis, nu: DL }), true, 'the deadline second itself is still sealed');
  assert.equal(verzegeld({ ...basis, nu: new Date(DL.getTime() + 999) }), true);
  assert.equal(verzegeld({ ...basis, nu: sec(1) }), false);
  // the phase does not unseal before the deadline (a purchaser closing early changes nothing)
  assert.equal(verzegeld({ ...basis, fase: 'beoordeling' }), true);
});

test('zonder sluitingstermijn beslist de fase (open house: pas bij doorlopende toelating)', () => {
  const oh = { ...basis, deadline: null, procedureType: 'open_house' as const };
  assert.equal(verzegeld({ ...oh, fase: 'gepubliceerd' }), true);
  assert.equal(verzegeld({ ...oh, fase: 'toelating_doorlopend' }), false);
});

test('een kader dat onverzegeld is gepubliceerd is meteen leesbaar', () => {
  assert.equal(verzegeld({ ...basis, verzegeldVoorBeoordelaars: false }), false);
});

test('concepten en ingetrokken aantallen: pas zichtbaar na de sluitingstermijn; zonder termijn nooit', () => {
  assert.equal(voorbereidingZichtbaar(DL, DL), false);
  assert.equal(voorbereidingZichtbaar(DL, sec(1)), true);
  assert.equal(voorbereidingZichtbaar(null, sec(1_000_000)), false);
});

test('sluitingstermijn wijzigen: vóór publicatie vrij; daarna alleen later, nooit eerder of weg (open house mag de einddatum laten vervallen)', () => {
  const w = {
    procedureType: 'openbaar' as const,
    gepubliceerd: DL,
    isGepubliceerd: true,
    nieuw: sec(3600),
    nu: sec(-86_400),
    ingediend: 1,
  };
  assert.equal(deadlineWijziging(w), null, 'an extension');
  assert.equal(deadlineWijziging({ ...w, nieuw: DL }), null, 'unchanged');
  const eerder = deadlineWijziging({ ...w, nieuw: sec(-60) });
  assert.match(eerder!.wat, /alleen later.*nooit eerder.*1 inschrijving ingediend/);
  assert.ok(eerder!.actie);
  assert.ok(deadlineWijziging({ ...w, nieuw: null }));
  assert.equal(deadlineWijziging({ ...w, procedureType: 'open_house', nieuw: null }), null);
  assert.equal(deadlineWijziging({ ...w, isGepubliceerd: false, gepubliceerd: null, nieuw: sec(-1e6) }), null);
});

test('eigenschap: na publicatie wordt elke vervroeging geweigerd en elke verlenging in de toekomst toegestaan', () => {
  fc.assert(
    fc.property(fc.integer({ min: -1e7, max: 1e7 }), fc.integer({ min: 0, max: 1e6 }), (delta, ingediend) => {
      const nieuw = sec(delta);
      const r = deadlineWijziging({
        procedureType: 'dialoog',
        gepubliceerd: DL,
        isGepubliceerd: true,
        nieuw,
        nu: sec(-1e7 - 10),
        ingediend,
      });
      return delta < 0 ? r !== null : r === null;
    }),
  );
});
