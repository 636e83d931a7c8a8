/**
 * Caps from purchasing rules (pure): the growth ceiling of Zorg en Zekerheid and intramural days,
 * worked by hand and as properties (fast-check).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Decimal } from '../money.ts';
import {
  dagenplafond,
  groeiplafond,
  GROEIPLAFOND_BRON,
  metPlafondUitleg,
  plafondsUitRegels,
  type PlafondMixRegel,
} from './plafondregels.ts';

const regel = (
  prestatie: string,
  leveringsvorm: string,
  behandeling: boolean,
  bedrag: string,
  volume = '0',
): PlafondMixRegel => ({ prestatie, leveringsvorm, behandeling, referentieBedrag: bedrag, referentieVolume: volume });

test('groeiplafond by hand: incl. behandeling 600, overig verblijf 200, MPT 100 → may grow to 80/20 × 200 = 800; cap 900 + 200 = 1100', () => {
  const g = groeiplafond(
    'A',
    [
      regel('VV6', 'verblijf', true, '600.00'),
      regel('VV4', 'verblijf', false, '200.00'),
      regel('MPT', 'mpt', false, '100.00'),
    ],
    '80',
  )!;
  assert.equal(g.plafond, '1100.00');
  assert.equal(g.regel, 'groeiplafond-behandeling');
  // the explanation names the rule verbatim, the document and the product's choice
  assert.ok(g.uitleg.includes(`"${GROEIPLAFOND_BRON.tekst}"`));
  assert.ok(g.uitleg.includes(GROEIPLAFOND_BRON.document));
  assert.match(g.uitleg, /Keuze van het product/);
  assert.equal(
    GROEIPLAFOND_BRON.tekst,
    'Groeiplafond tot 80% voor verblijf incl. behandeling, tegenover de totale intramurale mix.',
  );
});

test('groeiplafond: already at or above 80% → no growth (cap = last year); no treatment in the mix → no cap', () => {
  const vol = groeiplafond(
    'A',
    [regel('VV6', 'verblijf', true, '900.00'), regel('VV4', 'verblijf', false, '100.00')],
    '80',
  )!;
  assert.equal(vol.plafond, '1000.00');
  assert.match(vol.uitleg, /al bereikt/);
  assert.equal(groeiplafond('B', [regel('VV4', 'verblijf', false, '100.00')], '80'), null);
});

test('intramural days by hand: 1000 days × (36 500.00 / 365 days = 100.00) + MPT 500.00 = 100 500.00', () => {
  const g = dagenplafond(
    'A',
    [regel('VV5', 'verblijf', false, '36500.00', '365'), regel('MPT', 'mpt', false, '500.00', '10')],
    '1000',
  )!;
  assert.equal(g.plafond, '100500.00');
});

test('the tightest rule wins, a lower entered cap stays; the explanation is appended to the engine explanation', () => {
  const mix = [regel('VV6', 'verblijf', true, '600.00', '6'), regel('VV4', 'verblijf', false, '200.00', '2')];
  const m = plafondsUitRegels([{ id: 'A', mix }], { groeiplafondBehandeling: '80', intramuraleDagen: { A: '9' } });
  // groei: 800 + (800 − 600) = 1000.00; dagen: 9 × 100.00 = 900.00 → 900.00
  assert.equal(m.get('A')!.plafond, '900.00');
  const lager = plafondsUitRegels([{ id: 'A', mix, plafond: '850.00' }], { groeiplafondBehandeling: '80' });
  assert.equal(lager.get('A')!.plafond, '850.00');
  const [x] = metPlafondUitleg([{ aanbieder: 'A', uitleg: 'Vloer.', bindend: ['plafond'] }], m);
  assert.match(x.uitleg, /^Vloer\. Plafond € 900\.00 \(bindt\): Groeiplafond/);
});

const bedrag = fc.integer({ min: 0, max: 100_000_000 }).map((c) => new Decimal(c).dividedBy(100).toFixed(2));

test('property: the derived growth cap never lets treatment exceed the share, whatever part of the growth it takes, and never cuts below last year', () => {
  fc.assert(
    fc.property(bedrag, bedrag, bedrag, fc.integer({ min: 1, max: 99 }), (b, z, e, pct) => {
      const mix = [regel('B', 'verblijf', true, b), regel('Z', 'verblijf', false, z), regel('E', 'mpt', false, e)];
      const g = groeiplafond('A', mix, String(pct));
      const R = new Decimal(b).plus(z).plus(e);
      if (new Decimal(b).isZero()) return assert.equal(g, null);
      const cap = new Decimal(g!.plafond);
      assert.ok(cap.gte(R), 'a growth ceiling never cuts');
      const groei = cap.minus(R);
      if (groei.isZero()) return;
      // worst case: all growth goes to treatment
      const metB = new Decimal(b).plus(groei);
      assert.ok(metB.lte(metB.plus(z).times(pct).dividedBy(100)), `${metB} > ${pct}% of ${metB.plus(z)}`);
    }),
  );
});
