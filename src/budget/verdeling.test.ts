/**
 * The allocation engine with the real HiGHS solver: the worked cases of the sources (by hand, lines
 * cited) and property tests of the invariants (fast-check).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import fc from 'fast-check';
import { Decimal } from '../domain/money.ts';
import {
  verdeel,
  verdeelMetMeting,
  valideerScenario,
  controleerScenario,
  type VerdelingScenario,
} from './verdeling.ts';
import { highsSolver, laadHighs } from './highs.ts';
import { waterfill, waterfillExact, verdeelbaar, type WaterItem } from '../domain/budget/lp.ts';
import { AppError } from '../platform/errors.ts';

const voorbeeld = (naam: string): VerdelingScenario =>
  JSON.parse(fs.readFileSync(new URL(`../../examples/verdeling/${naam}.json`, import.meta.url), 'utf8'));
const d = (s: string) => new Decimal(s);
const som = (xs: string[]) => xs.reduce((s, x) => s.plus(x), d('0'));
const bedragen = (u: { afspraken: { aanbieder: string; bedrag: string }[] }) =>
  Object.fromEntries(u.afspraken.map((a) => [a.aanbieder, a.bedrag]));

// ---------------------------------------------------------------------------------------------
// Worked by hand
// ---------------------------------------------------------------------------------------------

test('Kader 4, eerste model (ZN, Zorginkoop 2008 l.846–859): vloer 90%, 10% selectief, boven 100% mogelijk', async () => {
  // contracteerruimte 10 000 000 = Σ realisatie; vloeren 90% (l.852–853) = 4 500 000 + 2 700 000 + 1 800 000
  // = 9 000 000, so 10% is set apart for selective allocation (l.846–848: "bijvoorbeeld 10%").
  // Weights score × realisatie: 8×5M = 40M, 6×3M = 18M, 4×2M = 8M (Σ 66M).
  // Extra A = 1 000 000 × 40/66 = 606 060.6060…, B = 272 727.2727…, C = 121 212.1212…
  // Cut to cents: 606 060.60 + 272 727.27 + 121 212.12 = 999 999.99; the last cent goes to the
  // largest remainder (A, .606) → A 606 060.61.
  const u = await verdeel(voorbeeld('q'));
  assert.equal(u.status, 'opgelost');
  assert.deepEqual(bedragen(u), { A: '5106060.61', B: '2972727.27', C: '1921212.12' });
  assert.equal(u.totaal, '10000000.00'); // l.856–857: within the contracteerruimte, here all of it
  assert.equal(u.pool, '0.00');
  assert.equal(u.selectiefDeel, '1000000.00');
  // "ook boven de 100%" (l.854–855): A gets 102.12% of its realisation; everybody ≥ 90%
  assert.equal(u.afspraken[0].percentageVanRealisatie, '102.12');
  for (const a of u.afspraken) {
    assert.ok(d(a.bedrag).greaterThanOrEqualTo(a.vloer!));
    assert.deepEqual(a.bindend, ['budget']);
    assert.match(a.uitleg, /Vloer: 90,00% van de realisatie/);
  }
});

test('Q with caps and a reserve (l.858–859: not all of the budget at the start of the year)', async () => {
  // B = 10 000 000 − 200 000 = 9 800 000; floors 4 500 000 + 2 700 000 + 1 800 000 + 0 → selective 800 000.
  // Without caps A would get 800 000 × 40/66 = 484 848.48 → 4 984 848.48 > plafond 4 800 000, so A's cap binds
  // (extra 300 000). The remaining 500 000 goes to B and C as 18:8 → B 346 153.846…, C 153 846.153…
  // → B 3 046 153.85, C 1 953 846.15. D has no realisation: floor 0, no selective share.
  const u = await verdeel(voorbeeld('q-plafond'));
  assert.equal(u.status, 'opgelost');
  assert.deepEqual(bedragen(u), { A: '4800000.00', B: '3046153.85', C: '1953846.15', D: '0.00' });
  assert.equal(u.totaal, '9800000.00');
  assert.equal(u.pool, '200000.00'); // the reserve stays in the pool
  const [a, b, , dd] = u.afspraken;
  assert.deepEqual(a.bindend, ['plafond']);
  assert.match(a.uitleg, /plafond \(€ 4\.800\.000,00\) bindt/);
  assert.deepEqual(b.bindend, ['budget']);
  assert.deepEqual(dd.bindend, ['vloer']);
  assert.match(dd.uitleg, /Geen realisatie vorig jaar/);
});

test('verdeelMetMeting: the LP text and the time inside HiGHS, outside the outcome', async () => {
  const { uitkomst, meting } = await verdeelMetMeting(voorbeeld('q-plafond'));
  assert.equal(meting.lpAanroepen, 1);
  assert.equal(meting.lpGecorrigeerd, false);
  assert.ok(meting.solverMs > 0 && meting.solverMs <= meting.totaalMs);
  // the LP of docs/formaten/verdeling.md: budget row, one share row per provider with a weight, caps as bounds
  assert.match(meting.lp!, /^Minimize\n obj: lambda\nSubject To\n budget:\n {2}x0 \+ x1 \+ x2\n {2}= 1000$/m);
  assert.match(meting.lp!, /^ aandeel0: x0 - 1 lambda <= 0$/m);
  assert.match(meting.lp!, /^ 0 <= x0 <= 375$/m); // A: room 300 000 = 375 units of T/1000 (T = 800 000)
  assert.doesNotMatch(meting.lp!, /x3/); // D has no weight (no realisation): not in the LP
  assert.equal(JSON.stringify(uitkomst).includes('Ms'), false);
  // P needs no LP
  assert.equal((await verdeelMetMeting(voorbeeld('p'))).meting.lpAanroepen, 0);
});

test('Q: floors that fill the budget exactly leave no selective share; score 0 keeps only its floor', async () => {
  const precies = await verdeel({ ...voorbeeld('q'), contracteerruimte: '9000000.00' });
  assert.equal(precies.status, 'opgelost');
  assert.deepEqual(bedragen(precies), { A: '4500000.00', B: '2700000.00', C: '1800000.00' });
  assert.ok(precies.afspraken.every((a) => a.bindend.join() === 'vloer,budget'));
  const q = voorbeeld('q');
  const nul = await verdeel({ ...q, aanbieders: [{ ...q.aanbieders[0], score: '0' }, ...q.aanbieders.slice(1)] });
  assert.equal(nul.afspraken[0].bedrag, '4500000.00');
  assert.deepEqual(nul.afspraken[0].bindend, ['vloer']);
  assert.match(nul.afspraken[0].uitleg, /Score 0/);
  assert.equal(nul.totaal, '10000000.00'); // B and C share the whole selective part
});

test('Q infeasible: floors above the budget and a cap below a floor are named as conflicts', async () => {
  const u = await verdeel(voorbeeld('q-onhaalbaar'));
  assert.equal(u.status, 'onhaalbaar');
  assert.equal(u.afspraken.length, 3);
  assert.ok(u.afspraken.every((a) => a.bedrag === '0.00'));
  const c = u.conflicten!;
  assert.deepEqual(c[0].beperkingen, ['vloer C', 'plafond C']);
  assert.equal(c[0].bedrag, '50000.00'); // floor 1 800 000 − cap 1 750 000
  assert.deepEqual(c[1].beperkingen, ['budget', 'vloer A', 'vloer B', 'vloer C']);
  assert.equal(c[1].bedrag, '600000.00'); // 9 000 000 − (8 500 000 − 100 000)
  assert.match(c[1].uitleg, /prorata/);
});

test('Q prorata: every floor cut by the same factor, exact to the cent', async () => {
  // B = 8 500 000 − 100 000.01 = 8 399 999.99; factor B / 9 000 000.
  // exact: A 4 199 999.995, B 2 519 999.997, C 1 679 999.998 → cut: .99/.99/.99 (Σ 8 399 999.97),
  // two cents to the largest remainders C (.8) and B (.7).
  const u = await verdeel(voorbeeld('q-prorata'));
  assert.equal(u.status, 'prorata');
  assert.deepEqual(bedragen(u), { A: '4199999.99', B: '2520000.00', C: '1680000.00' });
  assert.equal(u.totaal, '8399999.99');
  assert.ok(u.afspraken.every((a) => a.bindend.includes('budget')));
  // the same scenario with bijTekort "melden" is infeasible
  const m = await verdeel({ ...voorbeeld('q-prorata'), bijTekort: 'melden' });
  assert.equal(m.status, 'onhaalbaar');
});

test('Kader 4, tweede model (l.861–877): price from 90% up by score, no set-aside, shortfall reported not cut', async () => {
  // A score 5 < 6: start 90%: 2000 × 150.00 × 0.90 = 270 000.00
  // B score 7 ≥ 6: 93%: 1000 × 150.00 × 0.93 = 139 500.00; 333 × 123.45 × 0.93 = 38 231.2305 → 38 231.23
  // C score 9 ≥ 8: 96%: 1500 × 180.00 × 0.96 = 259 200.00. Total 706 931.23.
  const u = await verdeel(voorbeeld('p'));
  assert.equal(u.status, 'opgelost');
  assert.deepEqual(bedragen(u), { A: '270000.00', B: '177731.23', C: '259200.00' });
  assert.equal(u.totaal, '706931.23');
  assert.equal(u.tekortBedrag, '0.00');
  assert.deepEqual(
    u.afspraken.map((a) => a.percentage),
    ['90', '93', '96'],
  );
  assert.deepEqual(u.afspraken[0].bindend, ['startpercentage']);
  assert.deepEqual(u.afspraken[1].bindend, ['prijstrap']);
  assert.equal(u.afspraken[1].prestaties![1].bedrag, '38231.23');
  // l.874–877: when the room falls short nothing is cut; the shortfall is reported
  const t = await verdeel(voorbeeld('p-tekort'));
  assert.equal(t.status, 'tekort');
  assert.deepEqual(bedragen(t), bedragen(u));
  assert.equal(t.tekortBedrag, '106931.23');
  assert.match(t.afspraken[0].uitleg, /niet gekort/);
});

test('toekenningspercentage (Inkoopkader Langdurige Zorg 2016 §2.2.4, l.1228–1236): initial agreement and pool', async () => {
  // A 4 000 000 × 85% = 3 400 000.00; B 1 234 567.89 × 85% = 1 049 382.7065 → 1 049 382.71 (half-up);
  // C 850 000 capped at 500 000. Pool = 8 000 000 − 4 949 382.71 = 3 050 617.29.
  const u = await verdeel(voorbeeld('toekenning'));
  assert.equal(u.status, 'opgelost');
  assert.deepEqual(bedragen(u), { A: '3400000.00', B: '1049382.71', C: '500000.00' });
  assert.equal(u.pool, '3050617.29');
  assert.deepEqual(u.afspraken[0].bindend, ['toekenningspercentage']);
  assert.deepEqual(u.afspraken[2].bindend, ['plafond']);
  assert.match(u.afspraken[0].uitleg, /herschikking/);
});

test('toekenning where the budget binds: one lower percentage for all, caps respected (HiGHS)', async () => {
  // 4 000 000 available; C capped at 500 000; A and B share 3 500 000 by realisation:
  // A 3 500 000 × 4 000 000 / 5 234 567.89 = 2 674 528.30…, B = 825 471.69… → cents by largest remainder.
  const { uitkomst: u, meting } = await verdeelMetMeting(voorbeeld('toekenning-budget'));
  assert.equal(meting.lpAanroepen, 1);
  assert.match(meting.lp!, /Minimize/);
  assert.deepEqual(bedragen(u), { A: '2674528.31', B: '825471.69', C: '500000.00' });
  assert.equal(u.totaal, '4000000.00');
  assert.equal(u.pool, '0.00');
  assert.equal(u.effectiefPercentage, '66.8632');
  assert.deepEqual(u.afspraken[0].bindend, ['budget']);
  assert.deepEqual(u.afspraken[2].bindend, ['plafond']);
});

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

test('invalid scenarios name the field', () => {
  const waar = (json: unknown) => {
    const r = valideerScenario(json);
    assert.equal(r.geldig, false);
    return r.fouten.map((f) => f.waar);
  };
  const q = voorbeeld('q');
  assert.deepEqual(waar(voorbeeld('ongeldig')), ['aanbieders[2].score']);
  assert.deepEqual(waar({ ...q, contracteerruimte: '10.001' }), ['contracteerruimte']);
  assert.deepEqual(waar({ ...q, reserve: '20000000.00' }), ['reserve']);
  assert.deepEqual(waar({ ...q, model: 'R' }), ['model']);
  assert.deepEqual(waar({ ...q, jaar: '2027' }), ['jaar']);
  assert.deepEqual(waar({ ...q, vloerPercentage: '101' }), ['vloerPercentage']);
  assert.deepEqual(waar({ ...q, bijTekort: 'korten' }), ['bijTekort']);
  assert.deepEqual(waar({ ...q, aanbieders: [] }), ['aanbieders']);
  assert.deepEqual(waar({ ...q, aanbieders: [q.aanbieders[0], q.aanbieders[0]] }), ['aanbieders[1].id']);
  assert.deepEqual(waar({ ...q, aanbieders: [{ id: 'A', score: '8' }] }), ['aanbieders[0].realisatieVorigJaar']);
  assert.deepEqual(waar({ ...q, aanbieders: [{ ...q.aanbieders[0], plafond: '-5' }] }), ['aanbieders[0].plafond']);
  const p = voorbeeld('p');
  assert.deepEqual(waar({ ...p, reserve: '10.00' }), ['reserve']);
  assert.deepEqual(waar({ ...p, startPercentage: undefined }), ['startPercentage']);
  assert.deepEqual(waar({ ...p, aanbieders: [{ id: 'A', score: '5' }] }), ['aanbieders[0].prestaties']);
  assert.deepEqual(
    waar({ ...p, aanbieders: [{ id: 'A', score: '5', prestaties: [{ code: 'VV5', maxTarief: 'x', volume: '1' }] }] }),
    ['aanbieders[0].prestaties[0].maxTarief'],
  );
  assert.deepEqual(waar({ ...p, prijsTrappen: [{ vanafScore: '6', percentage: '80' }] }), [
    'prijsTrappen[0].percentage',
  ]);
  assert.deepEqual(
    waar({
      ...p,
      prijsTrappen: [
        { vanafScore: '6', percentage: '95' },
        { vanafScore: '8', percentage: '93' },
      ],
    }),
    ['prijsTrappen'],
  );
  const t = voorbeeld('toekenning');
  assert.deepEqual(waar({ ...t, toekenningspercentage: undefined }), ['toekenningspercentage']);
  assert.deepEqual(waar(null), ['(scenario)']);
  assert.equal(valideerScenario(q).geldig, true);
  assert.throws(
    () => controleerScenario({ ...q, contracteerruimte: 'veel' }),
    (e: unknown) => e instanceof AppError && e.status === 400 && e.fouten[0].waar === 'contracteerruimte',
  );
});

test('verdeel rejects an invalid scenario with an AppError 400', async () => {
  await assert.rejects(
    verdeel({ ...voorbeeld('q'), jaar: 1900 }),
    (e: unknown) => e instanceof AppError && e.code === 'scenario-ongeldig',
  );
});

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

const cent = (n: number) => (n / 100).toFixed(2); // n integer cents → "x.yy" (exact for n < 2^53)
const ids = (n: number) => Array.from({ length: n }, (_, i) => `Z${String((i * 7) % n).padStart(2, '0')}-${i}`);

/** A random model-Q scenario; floors, caps and budget in whole cents. */
const qScenario = fc
  .record({
    realisaties: fc.array(fc.integer({ min: 0, max: 500_000_000 }), { minLength: 1, maxLength: 9 }),
    scores: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 9, maxLength: 9 }),
    plafondFactor: fc.array(fc.option(fc.integer({ min: 80, max: 200 }), { nil: undefined }), {
      minLength: 9,
      maxLength: 9,
    }),
    budgetFactor: fc.integer({ min: 70, max: 140 }),
    reserve: fc.integer({ min: 0, max: 1_000_000 }),
    vloer: fc.integer({ min: 0, max: 100 }),
    prorata: fc.boolean(),
  })
  .map((r) => {
    const som = r.realisaties.reduce((s, x) => s + x, 0);
    const cr = Math.floor((som * r.budgetFactor) / 100) + r.reserve;
    const namen = ids(r.realisaties.length);
    return {
      model: 'Q' as const,
      jaar: 2027,
      regio: '5527',
      contracteerruimte: cent(cr),
      reserve: cent(r.reserve),
      vloerPercentage: String(r.vloer),
      bijTekort: r.prorata ? ('prorata' as const) : ('melden' as const),
      aanbieders: r.realisaties.map((x, i) => ({
        id: namen[i],
        realisatieVorigJaar: cent(x),
        score: (r.scores[i] / 10).toString(),
        ...(r.plafondFactor[i] !== undefined ? { plafond: cent(Math.floor((x * r.plafondFactor[i]!) / 100)) } : {}),
      })),
    };
  });

const NUM_RUNS = 60;

test('property Q: sum within budget, floors and caps held, every provider present in order, exact cents', async () => {
  await fc.assert(
    fc.asyncProperty(qScenario, async (s) => {
      const u = await verdeel(s);
      const B = d(s.contracteerruimte).minus(s.reserve);
      assert.deepEqual(
        u.afspraken.map((a) => a.aanbieder),
        s.aanbieders.map((a) => a.id),
      );
      for (const a of u.afspraken) assert.match(a.bedrag, /^\d+\.\d{2}$/);
      assert.equal(som(u.afspraken.map((a) => a.bedrag)).toFixed(2), u.totaal);
      assert.ok(d(u.totaal).lessThanOrEqualTo(B), `${u.totaal} > ${B}`);
      assert.equal(u.pool, d(s.contracteerruimte).minus(u.totaal).toFixed(2));
      const vloeren = u.afspraken.map((a) => d(a.vloer!));
      const vloerBovenPlafond = s.aanbieders.some(
        (a, i) => a.plafond !== undefined && vloeren[i].greaterThan(a.plafond),
      );
      const teVeel = som(u.afspraken.map((a) => a.vloer!)).greaterThan(B);
      if (vloerBovenPlafond || (teVeel && s.bijTekort === 'melden')) {
        assert.equal(u.status, 'onhaalbaar');
        assert.ok(u.conflicten!.length > 0);
        return;
      }
      if (teVeel) {
        assert.equal(u.status, 'prorata');
        assert.equal(u.totaal, B.toFixed(2));
        u.afspraken.forEach((a, i) => assert.ok(d(a.bedrag).lessThanOrEqualTo(vloeren[i])));
        return;
      }
      assert.equal(u.status, 'opgelost');
      u.afspraken.forEach((a, i) => {
        assert.ok(d(a.bedrag).greaterThanOrEqualTo(vloeren[i]), `${a.aanbieder}: ${a.bedrag} < vloer ${a.vloer}`);
        const p = s.aanbieders[i].plafond;
        if (p !== undefined) assert.ok(d(a.bedrag).lessThanOrEqualTo(p), `${a.aanbieder}: ${a.bedrag} > plafond ${p}`);
      });
      // without caps (and with someone to give it to) the whole budget is allocated
      const iemand = s.aanbieders.some((a) => d(a.score).greaterThan(0) && d(a.realisatieVorigJaar).greaterThan(0));
      if (iemand && s.aanbieders.every((a) => a.plafond === undefined)) assert.equal(u.totaal, B.toFixed(2));
    }),
    { numRuns: NUM_RUNS },
  );
});

test('property Q: a higher score never yields less, all else equal', async () => {
  await fc.assert(
    fc.asyncProperty(qScenario, fc.nat(), fc.integer({ min: 1, max: 50 }), async (s, wie, plus) => {
      const i = wie % s.aanbieders.length;
      const hoger = structuredClone(s);
      hoger.aanbieders[i].score = d(s.aanbieders[i].score)
        .plus(d(String(plus)).dividedBy(10))
        .toString();
      const [u1, u2] = [await verdeel(s), await verdeel(hoger)];
      assert.ok(
        d(u2.afspraken[i].bedrag).greaterThanOrEqualTo(u1.afspraken[i].bedrag),
        `score ${s.aanbieders[i].score} → ${hoger.aanbieders[i].score}: ${u1.afspraken[i].bedrag} → ${u2.afspraken[i].bedrag}`,
      );
    }),
    { numRuns: NUM_RUNS },
  );
});

test('property: same input → same output byte for byte; provider order does not change any amount', async () => {
  await fc.assert(
    fc.asyncProperty(qScenario, async (s) => {
      const a = JSON.stringify(await verdeel(s));
      const b = JSON.stringify(await verdeel(structuredClone(s)));
      assert.equal(a, b);
      const omgekeerd = await verdeel({ ...s, aanbieders: [...s.aanbieders].reverse() });
      assert.deepEqual(bedragen(omgekeerd), bedragen(JSON.parse(a)));
    }),
    { numRuns: 30 },
  );
});

test('property: the caps HiGHS finds binding give exactly the amounts of the exact water-filling', async () => {
  const solver = highsSolver(await laadHighs());
  let gebruikt = 0;
  let gecorrigeerd = 0;
  await fc.assert(
    fc.property(
      fc.array(
        fc.record({
          vloer: fc.integer({ min: 0, max: 100_000_000 }),
          ruimte: fc.option(fc.integer({ min: 0, max: 100_000_000 }), { nil: null }),
          gewicht: fc.integer({ min: 0, max: 1_000_000 }),
        }),
        { minLength: 1, maxLength: 40 },
      ),
      fc.integer({ min: 0, max: 2_000_000_000 }),
      (rijen, beschikbaarCent) => {
        const items: WaterItem[] = rijen.map((r, i) => ({
          id: `i${i}`,
          vloer: BigInt(r.vloer),
          plafond: r.ruimte === null ? null : BigInt(r.vloer + r.ruimte),
          gewicht: BigInt(r.gewicht),
        }));
        const T = verdeelbaar(items, BigInt(beschikbaarCent));
        const lp = waterfill(items, T, solver, 'test');
        const ex = waterfillExact(items, T);
        if (lp.lpGebruikt) gebruikt++;
        if (lp.lpGecorrigeerd) gecorrigeerd++;
        // same shares as exact rationals: heel + rest/noemer
        items.forEach((_, i) => {
          assert.equal(
            lp.heel[i] * lp.noemer + lp.rest[i],
            ((ex.heel[i] * ex.noemer + ex.rest[i]) * lp.noemer) / ex.noemer,
          );
          assert.equal(((ex.heel[i] * ex.noemer + ex.rest[i]) * lp.noemer) % ex.noemer, 0n);
        });
        // the exact shares sum to T and respect the caps
        const somTeller = items.reduce((s, _, i) => s + lp.heel[i] * lp.noemer + lp.rest[i], 0n);
        assert.equal(somTeller, T * lp.noemer);
        items.forEach((it, i) => {
          if (it.plafond !== null) assert.ok(lp.heel[i] <= it.plafond - it.vloer);
        });
      },
    ),
    { numRuns: 150 },
  );
  // HiGHS decides: its binding set passes the exact check (nearly) always
  assert.ok(gebruikt > 100, `LP ${gebruikt}×`);
  assert.ok(gecorrigeerd <= 2, `${gecorrigeerd} of ${gebruikt} LP answers overruled`);
});

test('property toekenning: agreement = min(plafond, realisatie × %), lowered uniformly when the budget binds', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(
        fc.record({
          r: fc.integer({ min: 0, max: 500_000_000 }),
          cap: fc.option(fc.integer({ min: 0, max: 500_000_000 }), { nil: undefined }),
        }),
        { minLength: 1, maxLength: 9 },
      ),
      fc.integer({ min: 0, max: 100 }),
      fc.integer({ min: 0, max: 3_000_000_000 }),
      async (rijen, pct, crCent) => {
        const namen = ids(rijen.length);
        const s = {
          model: 'toekenning' as const,
          jaar: 2027,
          regio: '5527',
          contracteerruimte: cent(crCent),
          toekenningspercentage: String(pct),
          aanbieders: rijen.map((x, i) => ({
            id: namen[i],
            realisatieVorigJaar: cent(x.r),
            ...(x.cap !== undefined ? { plafond: cent(x.cap) } : {}),
          })),
        };
        const u = await verdeel(s);
        assert.equal(u.status, 'opgelost');
        const gevraagd = s.aanbieders.map((a) => {
          const g = d(a.realisatieVorigJaar).times(pct).dividedBy(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
          return a.plafond !== undefined ? Decimal.min(g, a.plafond) : g;
        });
        const past = som(gevraagd.map((g) => g.toFixed(2))).lessThanOrEqualTo(s.contracteerruimte);
        u.afspraken.forEach((a, i) => {
          assert.match(a.bedrag, /^\d+\.\d{2}$/);
          assert.ok(d(a.bedrag).lessThanOrEqualTo(gevraagd[i]));
          if (past) assert.equal(a.bedrag, gevraagd[i].toFixed(2));
        });
        assert.ok(d(u.totaal).lessThanOrEqualTo(s.contracteerruimte));
        if (!past) assert.equal(u.totaal, d(s.contracteerruimte).toFixed(2));
        assert.equal(u.pool, d(s.contracteerruimte).minus(u.totaal).toFixed(2));
      },
    ),
    { numRuns: NUM_RUNS },
  );
});

test('property P: amount = Σ round(volume × maxTarief × % / 100) per line, step by score, shortfall = total − room', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(
        fc.record({
          score: fc.integer({ min: 0, max: 10 }),
          regels: fc.array(
            fc.record({ tariefCent: fc.integer({ min: 0, max: 100_000 }), volume: fc.integer({ min: 0, max: 5000 }) }),
            { maxLength: 5 },
          ),
        }),
        { minLength: 1, maxLength: 8 },
      ),
      fc.integer({ min: 0, max: 200_000_000 }),
      async (rijen, crCent) => {
        const namen = ids(rijen.length);
        const trappen: [number, number][] = [
          [4, 92],
          [6, 95],
          [8, 97],
        ];
        const s = {
          model: 'P' as const,
          jaar: 2027,
          regio: '5527',
          contracteerruimte: cent(crCent),
          startPercentage: '90',
          prijsTrappen: trappen.map(([v, p]) => ({ vanafScore: String(v), percentage: String(p) })),
          aanbieders: rijen.map((r, i) => ({
            id: namen[i],
            score: String(r.score),
            prestaties: r.regels.map((x, j) => ({
              code: `VV${j}`,
              maxTarief: cent(x.tariefCent),
              volume: String(x.volume),
            })),
          })),
        };
        const u = await verdeel(s);
        // independent oracle in BigInt cents: round half up of volume × tariefCent × pct / 100
        let totaal = 0n;
        rijen.forEach((r, i) => {
          const pct = BigInt(trappen.filter(([v]) => v <= r.score).pop()?.[1] ?? 90);
          let b = 0n;
          for (const x of r.regels) b += (BigInt(x.volume) * BigInt(x.tariefCent) * pct + 50n) / 100n;
          totaal += b;
          assert.equal(u.afspraken[i].bedrag, cent(Number(b)));
        });
        assert.equal(u.totaal, cent(Number(totaal)));
        const tekort = totaal - BigInt(crCent);
        assert.equal(u.status, tekort > 0n ? 'tekort' : 'opgelost');
        assert.equal(u.tekortBedrag, cent(Number(tekort > 0n ? tekort : 0n)));
      },
    ),
    { numRuns: NUM_RUNS },
  );
});

// ------------------------------------------------------------------ popularity (cliëntstroom signals)

/** A Q scenario with popularity per provider (0…2 waiting clients per place, two decimals) and a factor. */
const qPopulair = fc
  .tuple(
    qScenario,
    fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 9, maxLength: 9 }),
    fc.integer({ min: 1, max: 100 }),
  )
  .map(([s, pops, f]) => ({
    ...s,
    populariteitFactor: (f / 100).toString(),
    aanbieders: s.aanbieders.map((a, i) => ({ ...a, populariteit: (pops[i] / 100).toFixed(2) })),
  }));

test('property Q: a more popular provider never gets less, all else equal; invariants hold with popularity', async () => {
  await fc.assert(
    fc.asyncProperty(qPopulair, fc.nat(), fc.integer({ min: 1, max: 150 }), async (s, wie, plus) => {
      const i = wie % s.aanbieders.length;
      const populairder = structuredClone(s);
      populairder.aanbieders[i].populariteit = d(s.aanbieders[i].populariteit)
        .plus(d(String(plus)).dividedBy(100))
        .toFixed(2);
      const [u1, u2] = [await verdeel(s), await verdeel(populairder)];
      assert.ok(
        d(u2.afspraken[i].bedrag).greaterThanOrEqualTo(u1.afspraken[i].bedrag),
        `populariteit ${s.aanbieders[i].populariteit} → ${populairder.aanbieders[i].populariteit}: ${u1.afspraken[i].bedrag} → ${u2.afspraken[i].bedrag}`,
      );
      for (const u of [u1, u2]) {
        const B = d(s.contracteerruimte).minus(s.reserve);
        assert.equal(som(u.afspraken.map((a) => a.bedrag)).toFixed(2), u.totaal);
        assert.ok(d(u.totaal).lessThanOrEqualTo(B));
        if (u.status === 'opgelost')
          u.afspraken.forEach((a, j) => {
            assert.ok(d(a.bedrag).greaterThanOrEqualTo(a.vloer!));
            const p = s.aanbieders[j].plafond;
            if (p !== undefined) assert.ok(d(a.bedrag).lessThanOrEqualTo(p));
          });
      }
    }),
    { numRuns: NUM_RUNS },
  );
});

test('property Q: without signals (no factor, factor 0, or nobody popular) the outcome is byte for byte unchanged', async () => {
  await fc.assert(
    fc.asyncProperty(qScenario, fc.integer({ min: 0, max: 100 }), async (s, f) => {
      const zonder = JSON.stringify(await verdeel(s));
      const factorNul = {
        ...s,
        populariteitFactor: '0',
        aanbieders: s.aanbieders.map((a) => ({ ...a, populariteit: '0.80' })),
      };
      const niemand = {
        ...s,
        populariteitFactor: (f / 100).toString(),
        aanbieders: s.aanbieders.map((a) => ({ ...a, populariteit: '0' })),
      };
      assert.equal(JSON.stringify(await verdeel(factorNul)), zonder);
      assert.equal(JSON.stringify(await verdeel(niemand)), zonder);
    }),
    { numRuns: 30 },
  );
});

test('Q with popularity: the popular provider gets more of the selective part, the explanation says why, bounded at 1', async () => {
  const basis = {
    model: 'Q' as const,
    jaar: 2027,
    regio: '5527',
    contracteerruimte: '2000000.00',
    vloerPercentage: '90',
    aanbieders: [
      { id: 'A', realisatieVorigJaar: '1000000.00', score: '8' },
      { id: 'B', realisatieVorigJaar: '1000000.00', score: '8' },
    ],
  };
  const zonder = await verdeel(basis);
  assert.deepEqual(
    zonder.afspraken.map((a) => a.bedrag),
    ['1000000.00', '1000000.00'],
  );
  const met = await verdeel({
    ...basis,
    populariteitFactor: '0.5',
    aanbieders: [{ ...basis.aanbieders[0], populariteit: '3' }, basis.aanbieders[1]],
  });
  // selective part 200,000: weights 1.5 : 1 → 120,000 : 80,000 (popularity 3 counts as 1)
  assert.deepEqual(
    met.afspraken.map((a) => a.bedrag),
    ['1020000.00', '980000.00'],
  );
  assert.equal(met.afspraken[0].populariteit, '1');
  assert.equal(met.afspraken[0].populariteitGewicht, '1.5');
  assert.equal(met.afspraken[1].populariteitGewicht, '1.0');
  assert.match(met.afspraken[0].uitleg, /Keuze van het product: populariteit/);
  assert.match(met.afspraken[0].uitleg, /populariteitsfactor 0,5 weegt het selectieve deel × 1,5/);
  assert.equal(zonder.afspraken[0].populariteit, undefined);
});

test('validation: populariteitFactor above 1 and a negative populariteit name their field', () => {
  const r = valideerScenario({
    model: 'Q',
    jaar: 2027,
    regio: '5527',
    contracteerruimte: '100.00',
    populariteitFactor: '1.5',
    aanbieders: [{ id: 'A', realisatieVorigJaar: '10.00', score: '1', populariteit: '-1' }],
  });
  assert.equal(r.geldig, false);
  assert.deepEqual(r.fouten.map((f) => f.waar).sort(), ['aanbieders[0].populariteit', 'populariteitFactor']);
});
