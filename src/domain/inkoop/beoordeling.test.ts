import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  beoordeel,
  controleerVierOgen,
  pasWegingToe,
  RegelFout,
  type Criterium,
  type ScoreInvoer,
} from './beoordeling.ts';

const criteria: Criterium[] = [
  { code: 'KO1', naam: 'Bestuursverklaring getekend', soort: 'knock-out' },
  {
    code: 'F1',
    naam: 'Effect voor de cliënt',
    soort: 'gewogen',
    gewicht: '50',
    schaal: { min: '1', max: '5', stap: '1' },
  },
  {
    code: 'F2',
    naam: 'Ambitie past bij de organisatie',
    soort: 'gewogen',
    gewicht: '30',
    schaal: { min: '1', max: '5', stap: '1' },
  },
  { code: 'F3', naam: 'Haalbaarheid', soort: 'gewogen', gewicht: '20', schaal: { min: '1', max: '5', stap: '0.5' } },
];
const ok: ScoreInvoer[] = [
  { criteriumCode: 'KO1', voldaan: true, motivatie: 'Getekend door beide bestuurders' },
  { criteriumCode: 'F1', score: '4', motivatie: 'Duidelijk cliëntdoel' },
  { criteriumCode: 'F2', score: '3', motivatie: 'Redelijk' },
  { criteriumCode: 'F3', score: '4.5', motivatie: 'Haalbaar' },
];

test('gewogen totaal is exact: (4×50 + 3×30 + 4.5×20) / 100 = 3.80', () => {
  const u = beoordeel(criteria, ok);
  assert.equal(u.status, 'gescoord');
  assert.equal(u.totaal, '3.80');
  assert.equal(u.perCriterium.find((c) => c.code === 'F3')!.gewogen, '90');
  assert.equal(u.perCriterium.find((c) => c.code === 'F1')!.motivatie, 'Duidelijk cliëntdoel');
});

test('gewichten per zorgkantoor: de regionale weging gaat voor de gepubliceerde', () => {
  const u = beoordeel(pasWegingToe(criteria, { F1: '1', F2: '1', F3: '1' }), ok);
  assert.equal(u.totaal, '3.83'); // 11.5 / 3 = 3.8333… half-up
});

test('score buiten de schaal wordt geweigerd met criterium en schaal genoemd', () => {
  const bad = ok.map((s) => (s.criteriumCode === 'F1' ? { ...s, score: '6' } : s));
  assert.throws(
    () => beoordeel(criteria, bad),
    (e: unknown) =>
      e instanceof RegelFout &&
      e.regel === 'schaal' &&
      /Score 6 bij criterium F1 \(Effect voor de cliënt\) valt buiten de schaal 1–5/.test(e.message),
  );
  const tussen = ok.map((s) => (s.criteriumCode === 'F2' ? { ...s, score: '2.5' } : s));
  assert.throws(() => beoordeel(criteria, tussen), /F2.*buiten de schaal 1–5 in stappen van 1/);
  const nul = ok.map((s) => (s.criteriumCode === 'F3' ? { ...s, score: '0.5' } : s));
  assert.throws(() => beoordeel(criteria, nul), /F3/);
  assert.throws(
    () =>
      beoordeel(
        criteria,
        ok.map((s) => (s.criteriumCode === 'F3' ? { ...s, score: 'veel' } : s)),
      ),
    /geen getal/,
  );
});

test('ontbrekende motivatie, ontbrekend criterium en onbekend criterium worden geweigerd', () => {
  assert.throws(
    () =>
      beoordeel(
        criteria,
        ok.map((s) => ({ ...s, motivatie: s.criteriumCode === 'F2' ? ' ' : s.motivatie })),
      ),
    /Motivatie ontbreekt bij criterium F2/,
  );
  assert.throws(
    () =>
      beoordeel(
        criteria,
        ok.filter((s) => s.criteriumCode !== 'F3'),
      ),
    /F3 \(Haalbaarheid\) is niet beoordeeld/,
  );
  assert.throws(
    () => beoordeel(criteria, [...ok, { criteriumCode: 'X9', score: '1', motivatie: 'x' }]),
    /X9 is niet gepubliceerd/,
  );
});

test('knock-out beëindigt de beoordeling met de eis genoemd; gewogen scores zijn dan niet nodig', () => {
  const u = beoordeel(criteria, [{ criteriumCode: 'KO1', voldaan: false, motivatie: 'Niet getekend' }]);
  assert.equal(u.status, 'knock-out');
  assert.deepEqual(u.knockOut, [{ code: 'KO1', naam: 'Bestuursverklaring getekend' }]);
  assert.equal(u.totaal, null);
  assert.throws(
    () => beoordeel(criteria, [{ criteriumCode: 'KO1', motivatie: 'x' }, ...ok.slice(1)]),
    /voldaan ja\/nee/,
  );
});

test('criteria zonder gewicht of schaal worden geweigerd', () => {
  assert.throws(
    () => beoordeel([{ code: 'F1', naam: 'x', soort: 'gewogen', gewicht: '0', schaal: { min: '1', max: '5' } }], []),
    /geen positief gewicht/,
  );
  assert.throws(
    () => beoordeel([{ code: 'F1', naam: 'x', soort: 'gewogen', gewicht: '1', schaal: { min: '5', max: '5' } }], []),
    /geen geldige schaal/,
  );
});

test('vier ogen: een ander persoon, met rol beoordelaar of manager, van hetzelfde zorgkantoor', () => {
  const a = { gebruikerId: 'u1', organisatieId: 'cz', rollen: ['beoordelaar'] };
  controleerVierOgen([a], { gebruikerId: 'u2', organisatieId: 'cz', rollen: ['beoordelaar'] }, 'cz');
  controleerVierOgen([a], { gebruikerId: 'u3', organisatieId: 'cz', rollen: ['manager'] }, 'cz');
  assert.throws(
    () => controleerVierOgen([a], { ...a }, 'cz'),
    (e: unknown) => e instanceof RegelFout && e.regel === 'vier-ogen' && /zelf beoordeeld/.test(e.message),
  );
  assert.throws(
    () => controleerVierOgen([a], { gebruikerId: 'u4', organisatieId: 'cz', rollen: ['inkoper'] }, 'cz'),
    /beoordelaar of manager/,
  );
  assert.throws(
    () => controleerVierOgen([a], { gebruikerId: 'u5', organisatieId: 'vgz', rollen: ['manager'] }, 'cz'),
    /zorgkantoor/,
  );
  assert.throws(
    () => controleerVierOgen([], { gebruikerId: 'u2', organisatieId: 'cz', rollen: ['manager'] }, 'cz'),
    /nog geen beoordeling/,
  );
});
