/**
 * Caps derived from rules reach the engine (real HiGHS): in a Q allocation no provider ever gets more
 * than its derived cap (property, fast-check), and a scenario carries the caps (API).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Decimal } from '../domain/money.ts';
import { verdeel } from './verdeling.ts';
import { afgeleidePlafonds, bouwInvoer, type ScenarioParameters } from './scenario.ts';

const cent = (c: number) => new Decimal(c).dividedBy(100).toFixed(2);

const aanbieder = fc.record({
  b: fc.integer({ min: 0, max: 50_000_000 }),
  z: fc.integer({ min: 0, max: 50_000_000 }),
  e: fc.integer({ min: 0, max: 50_000_000 }),
  dagen: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: undefined }),
  score: fc.integer({ min: 1, max: 10 }),
});

test('property: Q with rule-derived caps — no provider above its cap, the sum within the budget', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(aanbieder, { minLength: 1, maxLength: 6 }),
      fc.integer({ min: 50, max: 95 }),
      fc.integer({ min: 100, max: 200 }),
      async (as, pct, budgetPct) => {
        const aanbieders = as.map((x, i) => ({
          id: `A${i}`,
          naam: `Aanbieder ${i}`,
          realisatieVorigJaar: cent(x.b + x.z + x.e),
          mix: [
            {
              prestatie: 'B',
              leveringsvorm: 'verblijf',
              behandeling: true,
              prijs: '100.00',
              referentieBedrag: cent(x.b),
              referentieVolume: String(Math.floor(x.b / 10000)),
              nzaMax: null,
            },
            {
              prestatie: 'Z',
              leveringsvorm: 'verblijf',
              behandeling: false,
              prijs: '100.00',
              referentieBedrag: cent(x.z),
              referentieVolume: String(Math.floor(x.z / 10000)),
              nzaMax: null,
            },
            {
              prestatie: 'E',
              leveringsvorm: 'mpt',
              behandeling: false,
              prijs: '50.00',
              referentieBedrag: cent(x.e),
              referentieVolume: '0',
              nzaMax: null,
            },
          ],
        }));
        const totaal = as.reduce((s, x) => s.plus(cent(x.b + x.z + x.e)), new Decimal(0));
        const budget = totaal.times(budgetPct).dividedBy(100).toDecimalPlaces(2, Decimal.ROUND_DOWN).toFixed(2);
        const basis = {
          contracteerruimte: {
            id: 'x',
            totaal: budget,
            oormerk: '0.00',
            reserve: '0.00',
            afspraken: '0.00',
            status: 'voorlopig',
            voorbeeld: true,
          },
          nzaJaar: null,
          nzaVoorbeeld: false,
          aanbieders,
        };
        const p: ScenarioParameters = {
          contracteerruimte: budget,
          reserve: '0.00',
          vloerPercentage: '0',
          toekenningspercentage: '90',
          startPercentage: '90',
          bijTekort: 'melden',
          prijsTrappen: [],
          scores: Object.fromEntries(as.map((x, i) => [`A${i}`, String(x.score)])),
          plafonds: {},
          tariefFactor: '100',
          plafondRegels: {
            groeiplafondBehandeling: String(pct),
            intramuraleDagen: Object.fromEntries(
              as.flatMap((x, i) => (x.dagen === undefined ? [] : [[`A${i}`, String(x.dagen)]])),
            ),
          },
        };
        const caps = afgeleidePlafonds(basis, p);
        const invoer = bouwInvoer(
          { model: 'Q', jaar: 2027, regio: '5527', regio_code: '5527', naam: 'prop' } as any,
          basis,
          p,
        );
        const u = await verdeel(invoer);
        if (u.status === 'onhaalbaar') return;
        let som = new Decimal(0);
        for (const a of u.afspraken) {
          som = som.plus(a.bedrag);
          const c = caps.get(a.aanbieder);
          if (c) assert.ok(new Decimal(a.bedrag).lte(c.plafond), `${a.aanbieder}: ${a.bedrag} > plafond ${c.plafond}`);
        }
        assert.ok(som.lte(budget));
      },
    ),
    { numRuns: 40 },
  );
});
