import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  alleenSoortToegevoegd,
  beoordeelRegionaleVoorwaarden,
  zonderSoort,
  type RegionaleFeiten,
  type RegionaleVoorwaarde,
} from './regionale-voorwaarden.ts';

const feiten = (f: Partial<RegionaleFeiten> = {}): RegionaleFeiten => ({
  klasse: 'bestaand',
  peildatum: '2025-10-01',
  jaar: 2026,
  signalen: [],
  contractjaren: [],
  ...f,
});
const vw = (v: Partial<RegionaleVoorwaarde>): RegionaleVoorwaarde => ({ code: 'R1', omschrijving: 'x', ...v });

test('klasse: voldaan alleen als de klasse in de lijst staat', () => {
  const v = vw({ soort: 'klasse', klassen: ['bestaand', 'nieuw_in_regio'] });
  assert.equal(beoordeelRegionaleVoorwaarden([v], feiten())[0].voldaan, true);
  const n = beoordeelRegionaleVoorwaarden([v], feiten({ klasse: 'geheel_nieuw' }))[0];
  assert.equal(n.voldaan, false);
  assert.deepEqual(n.gebruikt, { klasse: 'geheel_nieuw', klassen: ['bestaand', 'nieuw_in_regio'] });
});

test('geen-signalen: alleen de genoemde soorten binnen het venster; toezicht telt zolang het loopt', () => {
  const v = vw({ soort: 'geen-signalen', signaalSoorten: ['fraudeonderzoek', 'verscherpt_toezicht'], jaren: 3 });
  const s = (soort: any, van: string, tot: string | null = van) => ({ soort, van, tot, herkomst: 'signalenregister' });
  const oordeel = (signalen: any[]) => beoordeelRegionaleVoorwaarden([v], feiten({ signalen }))[0];
  assert.equal(oordeel([s('fraudeonderzoek', '2022-09-30')]).voldaan, true, 'just outside the 3 years');
  assert.equal(oordeel([s('fraudeonderzoek', '2022-10-01')]).voldaan, false, 'on the window start');
  assert.equal(oordeel([s('fraude_vastgesteld', '2024-01-01')]).voldaan, true, 'a kind not named');
  assert.equal(oordeel([s('verscherpt_toezicht', '2019-01-01', null)]).voldaan, false, 'ongoing supervision');
  assert.equal(oordeel([s('verscherpt_toezicht', '2019-01-01', '2020-01-01')]).voldaan, true, 'ended before');
  assert.equal(oordeel([s('fraudeonderzoek', '2025-12-01')]).voldaan, true, 'after the decision date');
});

test('contractjaren: elk van de N jaar direct vóór het contractjaar', () => {
  const v = vw({ soort: 'contractjaren', jaren: 2 });
  const c = (...jaren: number[]) => jaren.map((jaar) => ({ jaar, herkomst: 'productieafspraak' }));
  assert.equal(beoordeelRegionaleVoorwaarden([v], feiten({ contractjaren: c(2024, 2025) }))[0].voldaan, true);
  const n = beoordeelRegionaleVoorwaarden([v], feiten({ contractjaren: c(2023, 2025) }))[0];
  assert.equal(n.voldaan, false);
  assert.match(n.toelichting, /Geen overeenkomst met dit zorgkantoor in 2024/);
});

test('zonder soort: niet berekend (overgeslagen, apart gemeld), nooit voldaan of niet voldaan', () => {
  const vs = [vw({ code: 'R1' }), vw({ code: 'R2', soort: 'contractjaren', jaren: 1 })];
  assert.deepEqual(
    beoordeelRegionaleVoorwaarden(vs, feiten()).map((x) => x.code),
    ['R2'],
  );
  assert.deepEqual(
    zonderSoort(vs).map((x) => x.code),
    ['R1'],
  );
});

test('alleenSoortToegevoegd: alleen een soort geven aan voorwaarden zonder, verder niets', () => {
  const oud = { weging: { F1: '60' }, tweejarigeVoorwaarden: [{ code: 'R1', omschrijving: 'x' }] };
  const met = {
    tweejarigeVoorwaarden: [{ code: 'R1', omschrijving: 'x', soort: 'contractjaren', jaren: 1 }],
    weging: { F1: '60' },
  };
  assert.equal(alleenSoortToegevoegd(oud, met), true, 'key order does not count');
  assert.equal(alleenSoortToegevoegd(oud, oud), false, 'nothing added');
  assert.equal(alleenSoortToegevoegd(oud, { ...met, weging: { F1: '61' } }), false);
  assert.equal(
    alleenSoortToegevoegd(oud, {
      ...met,
      tweejarigeVoorwaarden: [{ ...met.tweejarigeVoorwaarden[0], omschrijving: 'y' }],
    }),
    false,
  );
  assert.equal(
    alleenSoortToegevoegd(met, { ...met, tweejarigeVoorwaarden: [{ ...met.tweejarigeVoorwaarden[0], jaren: 2 }] }),
    false,
  );
});
