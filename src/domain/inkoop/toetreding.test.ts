/** Gates are gates: how a toetredingseis is judged from the answer, warnings, the careful zelfanalyse, themes per sector. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { poortOordeel, poortWaarschuwingen, themaSectorFouten, zorgvuldigeZelfanalyse } from './toetreding.ts';

const eis = (soort: string, verplicht = true) => ({ code: 'A5', groep: 'pve', tekst: 'Crisiszorg', soort, verplicht });

test('ja/nee: "ja" voldaan en "nee" niet voldaan, automatisch; documenten door de beoordelaar; niet verplicht en leeg: n.v.t.', () => {
  assert.deepEqual(
    [poortOordeel(eis('ja_nee'), { waarde: true, documentId: null })].map((o) => [o.wijze, o.voldaan]),
    [['automatisch', true]],
  );
  assert.deepEqual(
    [poortOordeel(eis('ja_nee'), { waarde: false, documentId: null })].map((o) => [o.wijze, o.voldaan]),
    [['automatisch', false]],
  );
  assert.equal(poortOordeel(eis('document'), { waarde: null, documentId: 'd' }).wijze, 'beoordelaar');
  assert.equal(poortOordeel(eis('document'), undefined).wijze, 'beoordelaar');
  assert.equal(poortOordeel(eis('document', false), undefined).wijze, 'niet-van-toepassing');
  assert.equal(poortOordeel(eis('ja_nee'), undefined).wijze, 'beoordelaar');
});

test('waarschuwing vóór het indienen bij een "nee" op een verplichte toetredingseis, met de bron', () => {
  const w = poortWaarschuwingen([eis('ja_nee')], new Map([['A5', { waarde: false, documentId: null }]]), 'Bron X');
  assert.equal(w.length, 1);
  assert.match(w[0].wat, /"nee" op A5.*\(Bron X\)/);
  assert.deepEqual(
    poortWaarschuwingen([eis('ja_nee')], new Map([['A5', { waarde: true, documentId: null }]]), 'B'),
    [],
  );
});

const rij = (themaCode: string, leeg: string[] = [], inOntwikkelplan = false) => ({
  themaCode,
  huidigeAanpak: leeg.includes('huidigeAanpak') ? null : 'x',
  sterktes: leeg.includes('sterktes') ? null : 'x',
  ontwikkelpunten: leeg.includes('ontwikkelpunten') ? ' ' : 'x',
  ervaringClient: 'x',
  niveau: 'x',
  inOntwikkelplan,
});
const T = (code: string) => ({ code, naam: code, bron: 'b', sector: 'GZ' });

test('zorgvuldige zelfanalyse: elk element voor elk thema van het zorgkantoor, en de thema’s voor het ontwikkelplan', () => {
  assert.equal(zorgvuldigeZelfanalyse([T('1'), T('2')], [rij('1', [], true), rij('2')]).zorgvuldig, true);
  const een = zorgvuldigeZelfanalyse([T('1'), T('2')], [rij('1', [], true)]);
  assert.deepEqual(
    een.ontbreekt.map((x) => x.waar),
    ['zelfanalyse.2'],
  );
  const leeg = zorgvuldigeZelfanalyse([T('1')], [rij('1', ['sterktes', 'ontwikkelpunten'])]);
  assert.deepEqual(
    leeg.ontbreekt.map((x) => x.waar),
    ['zelfanalyse.1.sterktes', 'zelfanalyse.1.ontwikkelpunten', 'zelfanalyse.inOntwikkelplan'],
  );
  // no themes of the zorgkantoor: one complete row of the provider's own choosing
  assert.equal(zorgvuldigeZelfanalyse([], [rij('eigen', [], true)]).zorgvuldig, true);
  assert.equal(zorgvuldigeZelfanalyse([], []).zorgvuldig, false);
});

test('thema’s horen bij een sector: een GZ-thema in een V&V-kader wordt geweigerd met regel en bron', () => {
  const f = themaSectorFouten(
    [{ code: '3.1', naam: 'Basis', bron: 'Inkoopkader Langdurige Zorg 2016 (GZ), §3.1', sector: 'GZ' }],
    'VV',
  );
  assert.equal(f.length, 1);
  assert.match(
    f[0].wat,
    /sector GZ \(bron: Inkoopkader Langdurige Zorg 2016 \(GZ\), §3\.1\).*sector VV \(regel inkoop\.kwaliteitsthema\.sector\.v1\)/,
  );
  assert.deepEqual(themaSectorFouten([T('1')], 'GZ'), []);
});
