/** The opslag becomes a price: the score table, the deviation rule and Prijs ≤ Max. tarief ZK ≤ NZa-maximum, exact. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { berekenPrijzen, besluitOpslag, stelOpslagVoor, valideerPrijsafspraken, type OpslagRij } from './opslag.ts';
import { RegelFout } from './beoordeling.ts';
import { dec } from '../money.ts';

const TABEL: OpslagRij[] = [
  { vanaf: '1', opslag: '0' },
  { vanaf: '3', opslag: '1.5' },
  { vanaf: '4', opslag: '2.5' },
];

test('de opslagtabel: de rij met de hoogste "vanaf" niet boven de score; onder de tabel of zonder score 0%', () => {
  assert.equal(stelOpslagVoor('3.70', TABEL).opslag, '1.50');
  assert.equal(stelOpslagVoor('4.00', TABEL).opslag, '2.50');
  assert.equal(stelOpslagVoor('2.99', TABEL).opslag, '0.00');
  assert.equal(stelOpslagVoor('0.50', TABEL).opslag, '0.00');
  assert.equal(stelOpslagVoor(null, TABEL).opslag, '0.00');
  assert.equal(stelOpslagVoor('3.70', TABEL).tabelMaximum, '2.50');
});

test('afwijken van het voorstel: alleen met motivatie, nooit boven de tabel of 3%', () => {
  const v = stelOpslagVoor('3.70', TABEL);
  assert.deepEqual(besluitOpslag(null, v, null), { opslag: '1.50', afwijking: false });
  assert.deepEqual(besluitOpslag('1.5', v, null), { opslag: '1.50', afwijking: false });
  assert.throws(
    () => besluitOpslag('2', v, ''),
    (e: RegelFout) => e.regel === 'inkoop.gunning.opslag.v1',
  );
  assert.deepEqual(besluitOpslag('2', v, 'Ambitieus'), { opslag: '2.00', afwijking: true });
  assert.throws(() => besluitOpslag('2.6', v, 'x'), /hoogste opslag van de opslagtabel/);
  assert.throws(
    () => besluitOpslag('3.01', v, 'x'),
    (e: RegelFout) => e.regel === 'F5',
  );
});

test('validatie: basistarief waarmee Max. tarief ZK boven het NZa-maximum komt, opslag > 3%, dalende tabel, onbekend moment', () => {
  const f = valideerPrijsafspraken({
    basistarief: { perLeveringsvorm: { verblijf: '97.09' }, perPrestatie: { X: '97.08' } },
    opslagTabel: [
      { vanaf: '3', opslag: '2' },
      { vanaf: '2', opslag: '1' },
      { vanaf: '4', opslag: '3.5' },
    ],
    opslagMomenten: ['initieel', 'initieel', 'kerst'],
  });
  assert.deepEqual(
    f.map((x) => x.waar),
    [
      'regionaleParagraaf.basistarief.perLeveringsvorm.verblijf',
      'regionaleParagraaf.opslagTabel[1].vanaf',
      'regionaleParagraaf.opslagTabel[1].opslag',
      'regionaleParagraaf.opslagTabel[2].opslag',
      'regionaleParagraaf.opslagMomenten[1]',
      'regionaleParagraaf.opslagMomenten[2]',
    ],
  );
});

test('prijs = basistarief × (1 + opslag); naar beneden afgerond op centen (het NZa-maximum is een plafond)', () => {
  const [p] = berekenPrijzen(
    { perLeveringsvorm: { verblijf: '95' } },
    [{ prestatieCode: 'P', leveringsvorm: 'verblijf', nzaMax: '200.00' }],
    '1.5',
  );
  assert.deepEqual([p.basistarief, p.prijs, p.maxTariefZk], ['190.00', '192.85', '195.70']);
  // 97.06 % of € 0.17 = 0.165 → 0.16; × 1.03 = 0.1648 → 0.16 ≤ 0.17 (half-up would give 0.17 × 1.03 = 0.18 > 0.17)
  const [klein] = berekenPrijzen(
    { perPrestatie: { P: '97.06' } },
    [{ prestatieCode: 'P', leveringsvorm: null, nzaMax: '0.17' }],
    '3',
  );
  assert.deepEqual([klein.basistarief, klein.prijs, klein.maxTariefZk], ['0.16', '0.16', '0.16']);
  assert.deepEqual(
    berekenPrijzen(
      { perLeveringsvorm: { vpt: '95' } },
      [{ prestatieCode: 'P', leveringsvorm: 'verblijf', nzaMax: '1' }],
      '0',
    ),
    [],
  );
  assert.throws(
    () =>
      berekenPrijzen(
        { perPrestatie: { P: '99' } },
        [{ prestatieCode: 'P', leveringsvorm: null, nzaMax: '100.00' }],
        '3',
      ),
    /boven het NZa-maximumtarief/,
  );
});

test('eigenschap: met een geldig basistarief en een opslag van 0–3% geldt altijd Prijs ≤ Max. tarief ZK ≤ NZa-maximum', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 9708 }), // basistarief in hundredths of a percent, ≤ 97.08
      fc.integer({ min: 0, max: 300 }), // opslag in hundredths
      fc.integer({ min: 1, max: 100_000_00 }), // NZa maximum in cents (small amounts included: rounding edge)
      (b, o, n) => {
        const basis = (b / 100).toFixed(2);
        const fouten = valideerPrijsafspraken({ basistarief: { perPrestatie: { P: basis } } });
        fc.pre(fouten.length === 0);
        const [p] = berekenPrijzen(
          { perPrestatie: { P: basis } },
          [{ prestatieCode: 'P', leveringsvorm: null, nzaMax: (n / 100).toFixed(2) }],
          (o / 100).toFixed(2),
        );
        return dec(p.prijs).lessThanOrEqualTo(p.maxTariefZk) && dec(p.maxTariefZk).lessThanOrEqualTo(p.nzaMax);
      },
    ),
    { numRuns: 2000 },
  );
});
