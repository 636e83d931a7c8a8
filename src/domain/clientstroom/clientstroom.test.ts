import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { berekenWachttijd, toetsNorm, standaardNorm, type StatusMoment, LEVERINGSSTATUSSEN } from './wachtlijst.ts';
import { toetsToewijzing, pgbBijGecontracteerde, VOORKEUR_LEVERINGSVORM } from './leveringsvorm.ts';
import { suggesties, populariteit, type Kandidaat } from './bemiddeling.ts';
import { isGeldigBsn } from './bsn.ts';

test('wachttijd: one episode across status changes, ended by in zorg; days per status', () => {
  const m: StatusMoment[] = [
    { status: '7', vanaf: '2025-01-01' },
    { status: '2', vanaf: '2025-01-11' },
    { status: '7', vanaf: '2025-02-10' },
    { status: '4', vanaf: '2025-02-20' },
  ];
  const w = berekenWachttijd(m, '2025-06-01');
  assert.equal(w.status, '4');
  assert.equal(w.wachtend, false);
  assert.equal(w.sinds, '2025-01-01');
  assert.equal(w.tot, '2025-02-20');
  assert.equal(w.dagen, 50);
  assert.deepEqual(w.perStatus, { '7': 20, '2': 30 });
  assert.equal(w.dagenNorm, 20, 'wish-waiting days do not count towards the norm');
});

test('wachttijd: still waiting counts up to the peildatum; moments after it are ignored; a new episode after care', () => {
  const m: StatusMoment[] = [
    { status: '1', vanaf: '2024-01-01' },
    { status: '4', vanaf: '2024-02-01' },
    { status: '6', vanaf: '2025-03-01' },
    { status: '4', vanaf: '2025-04-01' },
  ];
  const w = berekenWachttijd(m, '2025-03-11');
  assert.equal(w.wachtend, true);
  assert.equal(w.sinds, '2025-03-01');
  assert.equal(w.dagen, 10);
  assert.equal(berekenWachttijd([], '2025-01-01').status, null);
  assert.equal(berekenWachttijd([{ status: '4', vanaf: '2025-01-01' }], '2025-02-01').sinds, null);
});

test('wachttijd (property): total = sum per status, norm days ≤ total, independent of input order for distinct dates', () => {
  const moment = fc.record({
    status: fc.constantFrom(...LEVERINGSSTATUSSEN),
    dag: fc.integer({ min: 0, max: 700 }),
  });
  fc.assert(
    fc.property(fc.uniqueArray(moment, { selector: (x) => x.dag, maxLength: 12 }), (xs) => {
      const iso = (d: number) => new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
      const m = xs.map((x) => ({ status: x.status, vanaf: iso(x.dag) }));
      const w = berekenWachttijd(m, '2026-01-01');
      const som = Object.values(w.perStatus).reduce((a, b) => a + (b ?? 0), 0);
      assert.equal(som, w.dagen);
      assert.ok(w.dagenNorm <= w.dagen);
      assert.deepEqual(berekenWachttijd([...m].reverse(), '2026-01-01'), w);
    }),
  );
});

test('norm: actief plaatsen past 42 days is a breach; wacht op voorkeur has no norm', () => {
  const w = berekenWachttijd([{ status: '7', vanaf: '2025-01-01' }], '2025-02-20');
  assert.deepEqual(toetsNorm(w, standaardNorm('7')), { norm: 42, overschreden: true, dagenOver: 8, dagenGeteld: 50 });
  const gemengd = berekenWachttijd(
    [
      { status: '2', vanaf: '2025-01-01' },
      { status: '7', vanaf: '2025-02-01' },
    ],
    '2025-02-11',
  );
  assert.equal(toetsNorm(gemengd, 20).dagenGeteld, 10, 'wish-waiting days do not count by default');
  assert.equal(toetsNorm(gemengd, 20, () => true).overschreden, true, 'unless the zorgkantoor counts them');
  const v = berekenWachttijd([{ status: '2', vanaf: '2024-01-01' }], '2025-02-20');
  assert.equal(toetsNorm(v, standaardNorm('2')).overschreden, false);
  assert.equal(standaardNorm('6'), 7);
  const inZorg = berekenWachttijd(
    [
      { status: '7', vanaf: '2025-01-01' },
      { status: '4', vanaf: '2025-05-01' },
    ],
    '2025-06-01',
  );
  assert.equal(toetsNorm(inZorg, 42).overschreden, false, 'no breach once in care');
});

test('leveringsvorm: one provider for verblijf/vpt, several for mpt/pgb, only mpt+pgb combine; bridging exempt', () => {
  const verblijfA = { leveringsvorm: 'verblijf' as const, organisatieId: 'A', soort: '1' as const };
  assert.equal(toetsToewijzing([verblijfA], { ...verblijfA, organisatieId: 'B' })[0].regel, 'een-aanbieder');
  assert.deepEqual(toetsToewijzing([verblijfA], { ...verblijfA, organisatieId: 'B', soort: '3' }), []);
  const ok = { verantwoord: true, doelmatig: true };
  const mptA = { leveringsvorm: 'mpt' as const, organisatieId: 'A', soort: '1' as const };
  assert.deepEqual(toetsToewijzing([mptA], { ...mptA, organisatieId: 'B', toetsing: ok }), []);
  assert.deepEqual(toetsToewijzing([mptA], { leveringsvorm: 'pgb', organisatieId: null, soort: '1' }), [], 'mpt + pgb');
  assert.equal(
    toetsToewijzing([mptA], { leveringsvorm: 'vpt', organisatieId: 'A', soort: '1', toetsing: ok })[0].regel,
    'combinatie',
  );
  assert.equal(
    toetsToewijzing([], { leveringsvorm: 'vpt', organisatieId: 'A', soort: '1' })[0].regel,
    'toetsing-ontbreekt',
  );
  assert.deepEqual(
    toetsToewijzing([], {
      leveringsvorm: 'mpt',
      organisatieId: 'A',
      soort: '1',
      toetsing: { verantwoord: true, doelmatig: false },
    }).map((b) => b.regel),
    ['niet-doelmatig'],
  );
  assert.match(toetsToewijzing([verblijfA], { ...verblijfA, organisatieId: 'B' })[0].bron, /Aantal zorgaanbieders Eén/);
  assert.equal(VOORKEUR_LEVERINGSVORM['4'], 'verblijf');
});

test('pgb at a contracted provider is flagged, counting distinct clients', () => {
  const r = pgbBijGecontracteerde(new Set(['A', 'B']), [
    { organisatieId: 'A', clientId: '1' },
    { organisatieId: 'A', clientId: '1' },
    { organisatieId: 'A', clientId: '2' },
    { organisatieId: 'C', clientId: '3' },
  ]);
  assert.deepEqual(r, [{ organisatieId: 'A', clienten: 2 }]);
});

test('suggestions: preference first even when full, then best score, then free places; full providers left out', () => {
  const k = (id: string, score: string | null, capaciteit: number, bezet: number): Kandidaat => ({
    organisatieId: id,
    naam: id,
    agb: `7373000${id.length}${id}`,
    capaciteit,
    bezet,
    score,
  });
  const lijst = [k('a', '7.00', 10, 5), k('b', '9.00', 10, 9), k('c', null, 20, 0), k('d', '9.50', 5, 5)];
  const s = suggesties(lijst, lijst[3].agb);
  assert.deepEqual(
    s.map((x) => x.organisatieId),
    ['d', 'b', 'a', 'c'],
  );
  assert.equal(s[0].voorkeur, true);
  assert.equal(s[0].vrij, 0);
  assert.deepEqual(
    suggesties(lijst, null).map((x) => x.organisatieId),
    ['b', 'a', 'c'],
  );
});

test('popularity: preference per place, exact to 2 decimals; no capacity gives null', () => {
  assert.equal(populariteit({ organisatieId: 'a', wachtend: 5, voorkeur: 2, capaciteit: 3 }).populariteit, '0.67');
  assert.equal(populariteit({ organisatieId: 'a', wachtend: 5, voorkeur: 2, capaciteit: 0 }).populariteit, null);
});

test('BSN elfproef', () => {
  assert.equal(isGeldigBsn('999900006'), true);
  assert.equal(isGeldigBsn('999900007'), false);
  assert.equal(isGeldigBsn('99990000'), false);
  assert.equal(isGeldigBsn('000000000'), false);
});
