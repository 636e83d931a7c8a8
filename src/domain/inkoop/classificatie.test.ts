import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  bepalendeKlasse,
  classificeer,
  eisGeldtVoor,
  type ClassificatieVraag,
  type ContractRegel,
} from './classificatie.ts';

// Cases from Inkoopkader Langdurige Zorg 2016 §2.2.2: the zorgkantoor of region 5509 classifies bidders for GZ 2016.
const vraag: ClassificatieVraag = { peiljaar: 2015, regioCode: '5509', sector: 'GZ', biedtZzpVpt: true };
const c = (p: Partial<ContractRegel>): ContractRegel => ({
  jaar: 2015,
  regioCode: '5509',
  sector: 'GZ',
  soort: 'zzp',
  productie: true,
  ...p,
});

test('bestaand (a): contract in the region and sector with actual production', () => {
  const r = classificeer(vraag, [c({})]);
  assert.equal(r.klasse, 'bestaand');
  assert.match(r.reden, /daadwerkelijke productie/);
  assert.match(r.regel, /Inkoopkader Langdurige Zorg 2016, §2\.2\.2/);
});

test('bestaand (a) also for an mpt contract when the bid is not for zzp/vpt', () => {
  assert.equal(classificeer({ ...vraag, biedtZzpVpt: false }, [c({ soort: 'mpt' })]).klasse, 'bestaand');
});

test('bestaand (b): productieafspraak with budget transferred from another region, even without production', () => {
  const r = classificeer(vraag, [c({ productie: false, overheveling: true })]);
  assert.equal(r.klasse, 'bestaand');
  assert.match(r.reden, /overgeheveld/);
});

test('a contract without production anywhere is not existing (B2) and not new in the region: entirely new, as an interpretation', () => {
  const r = classificeer(vraag, [c({ productie: false }), c({ productie: false, regioCode: '5501' })]);
  assert.equal(r.klasse, 'geheel_nieuw');
  assert.match(r.reden, /^Interpretatie \(keuze van het product/);
  assert.match(r.reden, /nergens daadwerkelijke productie/);
});

test('a contract in the region without production but with production elsewhere: new in the region, as an interpretation', () => {
  const r = classificeer(vraag, [c({ productie: false }), c({ regioCode: '5501' })]);
  assert.equal(r.klasse, 'nieuw_in_regio');
  assert.match(r.reden, /^Interpretatie/);
  assert.match(r.reden, /zonder daadwerkelijke productie \(telt niet als bestaand\)/);
});

test('nieuw in de regio requires actual production elsewhere (l.856–862): a contract elsewhere without production is not enough', () => {
  const r = classificeer(vraag, [c({ regioCode: '5501', productie: false })]);
  assert.equal(r.klasse, 'geheel_nieuw');
  assert.match(r.reden, /^Interpretatie/);
});

test('geheel nieuw: no contract at all', () => {
  const r = classificeer(vraag, []);
  assert.equal(r.klasse, 'geheel_nieuw');
  assert.match(r.reden, /geen enkel zorgkantoor/);
});

test('geheel nieuw: only subcontractor, only zzp pilot, only pgb (B3)', () => {
  for (const rol of ['onderaannemer', 'zzp_pilot', 'pgb'] as const) {
    const r = classificeer(vraag, [c({ rol })]);
    assert.equal(r.klasse, 'geheel_nieuw', rol);
    assert.match(r.reden, /telt als geheel nieuw/);
  }
});

test('geheel nieuw for this sector: contract only in another sector', () => {
  const r = classificeer(vraag, [c({ sector: 'VV' })]);
  assert.equal(r.klasse, 'geheel_nieuw');
  assert.match(r.reden, /geen overeenkomst voor sector GZ \(wel voor VV\)/);
  assert.match(r.reden, /^Interpretatie \(keuze van het product/);
});

test('a contract in an older year does not count', () => {
  assert.equal(classificeer(vraag, [c({ jaar: 2014 })]).klasse, 'geheel_nieuw');
});

test('nieuw in de regio: contract with production in another region, bids here for the same care', () => {
  const r = classificeer(vraag, [c({ regioCode: '5501' })]);
  assert.equal(r.klasse, 'nieuw_in_regio');
  assert.match(r.reden, /regio 5501, met daadwerkelijke productie, maar niet in regio 5509/);
  assert.doesNotMatch(r.reden, /Interpretatie/);
});

test('nieuw zzp/vpt: only extramural (mpt) contracts anywhere, now bids for zzp/vpt', () => {
  const r = classificeer(vraag, [c({ soort: 'mpt' }), c({ soort: 'mpt', regioCode: '5501' })]);
  assert.equal(r.klasse, 'nieuw_zzp_vpt');
  assert.match(r.reden, /alleen een overeenkomst voor extramurale prestaties/);
});

test('an mpt + vpt history bidding for zzp/vpt stays existing', () => {
  assert.equal(classificeer(vraag, [c({ soort: 'mpt' }), c({ soort: 'vpt' })]).klasse, 'bestaand');
});

test('the deciding class over several regions is the strictest', () => {
  assert.equal(bepalendeKlasse(['bestaand', 'bestaand']), 'bestaand');
  assert.equal(bepalendeKlasse(['bestaand', 'nieuw_in_regio']), 'nieuw_in_regio');
  assert.equal(bepalendeKlasse(['nieuw_zzp_vpt', 'geheel_nieuw']), 'geheel_nieuw');
  assert.equal(bepalendeKlasse([]), 'geheel_nieuw');
});

test('which requirements apply to which class', () => {
  assert.ok(eisGeldtVoor(['alle'], 'bestaand'));
  assert.ok(eisGeldtVoor(['bestaand'], 'bestaand'));
  assert.ok(!eisGeldtVoor(['bestaand'], 'geheel_nieuw'));
  assert.ok(eisGeldtVoor(['nieuw'], 'nieuw_in_regio'));
  assert.ok(!eisGeldtVoor(['nieuw'], 'bestaand'));
  assert.ok(eisGeldtVoor(['nieuw_zzp_vpt'], 'nieuw_zzp_vpt'));
  assert.ok(!eisGeldtVoor(['nieuw_zzp_vpt'], 'geheel_nieuw'));
});
