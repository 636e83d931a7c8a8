import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  jaarprognose,
  productieSignaal,
  toetsBandbreedte,
  toetsIntramuraalPlafond,
  toetsMix,
  uitputting,
} from './monitoring.ts';
import { genereerAanbieder, rng } from './testdata.ts';
import { formatCenten } from './centen.ts';

const m = (...xs: number[]) => xs.map((x) => BigInt(x * 100));

test('forecast: linear without history, seasonal with it (ratio of sums), exact cents half-up', () => {
  const lin = jaarprognose(m(100, 100, 100));
  assert.equal(lin.methode, 'lineair');
  assert.equal(formatCenten(lin.prognose), '1200.00');
  // Past year: 10% of the year in Q1 (100 of 1000). This year Q1 = 150 → 1500.
  const verleden = [m(30, 30, 40, 90, 90, 90, 90, 90, 90, 90, 90, 180)];
  const s = jaarprognose(m(50, 50, 50), verleden);
  assert.equal(s.methode, 'seizoen');
  assert.equal(s.seizoensaandeel, '10.00');
  assert.equal(formatCenten(s.prognose), '1500.00');
  // 1.00 / 3 × 12 = 4.00; 0.01 × 12 / 7 = 0.0171… → 0.02 (half-up)
  assert.equal(formatCenten(jaarprognose([1n, 0n, 0n, 0n, 0n, 0n, 0n]).prognose), '0.02');
  assert.equal(jaarprognose(m(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)).methode, 'volledig');
  assert.throws(() => jaarprognose([]));
});

test('forecast error on generated past data: seasonal beats linear (figures in docs/realisatie.md)', () => {
  const r = rng(2027);
  const fout = { seizoen: [0n, 0n], lineair: [0n, 0n] }; // Σ |error| and Σ actual, per method
  for (let i = 0; i < 300; i++) {
    const { jaren } = genereerAanbieder(r);
    const [verleden, dit] = [jaren.slice(0, 3), jaren[3]];
    const werkelijk = dit.reduce((s, x) => s + x, 0n);
    for (const mnd of [3, 6, 9]) {
      const s = jaarprognose(dit.slice(0, mnd), verleden).prognose;
      const l = jaarprognose(dit.slice(0, mnd)).prognose;
      fout.seizoen[0] += s > werkelijk ? s - werkelijk : werkelijk - s;
      fout.lineair[0] += l > werkelijk ? l - werkelijk : werkelijk - l;
      fout.seizoen[1] += werkelijk;
      fout.lineair[1] += werkelijk;
    }
  }
  const wape = (x: bigint[]) => Number((x[0] * 10000n) / x[1]) / 100;
  assert.ok(wape(fout.seizoen) < wape(fout.lineair), `${wape(fout.seizoen)} < ${wape(fout.lineair)}`);
  assert.ok(wape(fout.seizoen) < 8, `seasonal error ${wape(fout.seizoen)}%`);
});

test('depletion: month in which the contracteerruimte runs out, krap and within', () => {
  const verleden = [m(100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100)];
  const over = uitputting(BigInt(1000_00), m(110, 110, 110), verleden);
  assert.equal(over.signaal, 'overschrijding');
  assert.equal(formatCenten(over.prognose), '1320.00');
  assert.equal(over.uitgeputInMaand, 10); // 110 × 10 = 1100 > 1000, 110 × 9 = 990
  assert.equal(over.uitnuttingTotNu, '33.00');
  assert.equal(over.uitnuttingPrognose, '132.00');
  const krap = uitputting(BigInt(1210_00), m(100, 100, 100), verleden);
  assert.equal(krap.signaal, 'krap');
  assert.equal(krap.uitgeputInMaand, null);
  assert.equal(uitputting(BigInt(2000_00), m(100, 100, 100), verleden).signaal, 'binnen');
});

test('property: depletion agrees with the forecast; the forecast is never below what was realised', () => {
  fc.assert(
    fc.property(
      fc.array(fc.bigInt({ min: 0n, max: 10n ** 9n }), { minLength: 1, maxLength: 11 }),
      fc.array(fc.array(fc.bigInt({ min: 0n, max: 10n ** 9n }), { minLength: 12, maxLength: 12 }), { maxLength: 3 }),
      fc.bigInt({ min: 1n, max: 10n ** 10n }),
      (dit, verleden, C) => {
        const u = uitputting(C, dit, verleden);
        const p = jaarprognose(dit, verleden);
        assert.equal(u.prognose, p.prognose);
        assert.ok(p.prognose >= dit.reduce((s, x) => s + x, 0n), 'forecast never below realised');
        assert.equal(u.signaal === 'overschrijding', p.prognose > C);
        assert.equal(u.uitgeputInMaand !== null, p.prognose > C);
      },
    ),
  );
});

test('production signals: realised above agreement, over, under, within the margin', () => {
  const hist = [m(100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100)];
  assert.equal(productieSignaal('A', BigInt(250_00), m(100, 100, 100), hist).soort, 'afspraak-overschreden');
  const o = productieSignaal('B', BigInt(1000_00), m(100, 100, 100), hist);
  assert.equal(o.soort, 'overproductie');
  assert.equal(o.afwijking, '20.00');
  assert.equal(productieSignaal('C', BigInt(1500_00), m(100, 100, 100), hist).soort, 'onderproductie');
  assert.equal(productieSignaal('D', BigInt(1180_00), m(100, 100, 100), hist).soort, 'binnen');
  assert.equal(productieSignaal('D', BigInt(1180_00), m(100, 100, 100), hist, '1').soort, 'overproductie');
});

test('bandwidth: a population average in the class bandwidth, 50% by default, never per client', () => {
  // Class K3 = 4 to 7 hours a week. 100 client-weeks, 520 hours → 5.2 h/week = 40% of the band.
  const ok = toetsBandbreedte({
    klasse: 'MPT-PV-K3',
    ondergrens: '4',
    bovengrens: '7',
    gedeclareerdeUren: '520',
    clientweken: '100',
  });
  assert.equal(ok.status, 'ok');
  assert.equal(ok.waarde, '40.00');
  assert.equal(ok.gemiddeldeUren, '5.20');
  const hoog = toetsBandbreedte({
    klasse: 'MPT-PV-K3',
    ondergrens: '4',
    bovengrens: '7',
    gedeclareerdeUren: '580',
    clientweken: '100',
  });
  assert.equal(hoog.status, 'signaal');
  assert.equal(hoog.waarde, '60.00');
  assert.match(hoog.bron, /geen norm voor de zorg per cliënt/);
  assert.equal(
    toetsBandbreedte({
      klasse: 'x',
      ondergrens: '4',
      bovengrens: '7',
      gedeclareerdeUren: '580',
      clientweken: '100',
      maxPositie: '65',
    }).status,
    'ok',
  );
  assert.equal(
    toetsBandbreedte({ klasse: 'x', ondergrens: '4', bovengrens: '7', gedeclareerdeUren: '0', clientweken: '0' })
      .status,
    'onbepaald',
  );
  // exactly 50% is still within
  assert.equal(
    toetsBandbreedte({ klasse: 'x', ondergrens: '0', bovengrens: '2', gedeclareerdeUren: '100', clientweken: '100' })
      .status,
    'ok',
  );
});

test('mix: PV-extra near 15% of PV+VP, PV-speciaal at most 10% of PV, OB not all speciaal', () => {
  const goed = toetsMix({
    pvBasis: '700',
    pvExtra: '150',
    pvSpeciaal: '50',
    vp: '100',
    obBasis: '60',
    obSpeciaal: '40',
  });
  assert.deepEqual(
    goed.map((t) => [t.status, t.waarde]),
    [
      ['ok', '15.00'],
      ['ok', '5.56'],
      ['ok', '40.00'],
    ],
  );
  const slecht = toetsMix({ pvBasis: '600', pvExtra: '50', pvSpeciaal: '150', vp: '200', obSpeciaal: '10' });
  assert.deepEqual(
    slecht.map((t) => [t.status, t.waarde]),
    [
      ['signaal', '5.00'],
      ['signaal', '18.75'],
      ['signaal', '100.00'],
    ],
  );
  assert.match(slecht[0].uitleg, /ineffectief/);
  assert.equal(toetsMix({ pvBasis: '100', pvExtra: '100' })[0].status, 'signaal'); // 50%: inefficiënt
  assert.match(toetsMix({ pvBasis: '100', pvExtra: '100' })[0].uitleg, /inefficiënt/);
  assert.deepEqual(
    toetsMix({}).map((t) => t.status),
    ['onbepaald', 'onbepaald', 'onbepaald'],
  );
  assert.equal(toetsMix({ obBasis: '50', obSpeciaal: '50' }, { obSpeciaalMax: '40' })[2].status, 'signaal');
});

test('intramural cap: realised or forecast days above the cap', () => {
  assert.equal(toetsIntramuraalPlafond({ plafondDagen: 12000, dagenPerMaand: [1000, 1000, 1000] }).status, 'ok');
  const t = toetsIntramuraalPlafond({ plafondDagen: 11000, dagenPerMaand: [1000, 1000, 1000] });
  assert.equal(t.status, 'signaal');
  assert.equal(t.prognoseDagen, 12000);
  assert.match(t.uitleg, /keuzevrijheid/);
  assert.match(
    toetsIntramuraalPlafond({ plafondDagen: 2500, dagenPerMaand: [1000, 1000, 1000] }).uitleg,
    /Al 3000 dagen/,
  );
});
