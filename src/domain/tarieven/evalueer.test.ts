import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import beleid2024 from '../../tarieven/data/beleid-2024-vv.json' with { type: 'json' };
import voorbeelden from '../../tarieven/data/beleid-voorbeelden.json' with { type: 'json' };
import { Decimal, applyPercentage } from '../money.ts';
import { compileerBeleid, type GecompileerdBeleid } from './valideer.ts';
import {
  evalueer,
  evalueerMemo,
  berekenTarief,
  maalPercentage,
  bereidNzaVoor,
  tariefInCenten,
  type Uitkomst,
} from './evalueer.ts';
import { parseProfiel, LEVERINGSVORMEN, type Leveringsvorm } from './taal.ts';

const alle = [...beleid2024.beleid, ...voorbeelden.beleid].map((b) => compileerBeleid(b));
const per = (naam: string) => alle.find((c) => c.beleid.zorgkantoor === naam)!;
const ev = (naam: string, profiel: object, lv: Leveringsvorm = 'verblijf') =>
  evalueer(per(naam), parseProfiel(profiel), { leveringsvorm: lv });
const regels = (u: Uitkomst) => u.spoor.map((s) => s.regel);

/** One case per shipped rule: [zorgkantoor, profiel, leveringsvorm, expected percentage or 'onbepaald', rule that must fire]. */
const CASES: [string, object, Leveringsvorm, string, string][] = [
  ['Zilveren Kruis', {}, 'verblijf', '95.50', 'ZN-2024-VV-richttarief'],
  ['Zilveren Kruis', { essentieleVoorziening: true }, 'verblijf', '96.00', 'ZK-2024-essentiele-voorzieningen'],
  ['Zilveren Kruis', { nieuweAanbieder: true }, 'verblijf', 'onbepaald', 'ZK-2024-nieuwe-aanbieder-alleen-thuis'],
  ['Zilveren Kruis', { nieuweAanbieder: true }, 'vpt', 'onbepaald', 'ZK-2024-nieuwe-aanbieder-lager'],
  ['VGZ', { specifiekPlanVptMpt: true }, 'vpt', '95.90', 'VGZ-2024-toeslag-vpt'],
  ['VGZ', { specifiekPlanVptMpt: true }, 'mpt', '99.00', 'VGZ-2024-toeslag-mpt'],
  ['VGZ', { commitmentRegionaleTafels: true }, 'verblijf', 'onbepaald', 'VGZ-2024-regionale-tafels'],
  ['Menzis', { nieuweAanbieder: true }, 'verblijf', '93.50', 'MENZIS-2024-nieuwe-aanbieder'],
  ['Menzis', { regionaleRol: 1 }, 'verblijf', '96.50', 'MENZIS-2024-differentiatie-regionale-rol'],
  ['CZ', { nieuweAanbieder: true }, 'verblijf', '93.50', 'CZ-2024-nieuwe-aanbieder'],
  [
    'CZ',
    { nieuweAanbieder: true, arbeidsbesparendeTechnologie: true },
    'verblijf',
    '93.60',
    'CZ-2024-arbeidsbesparende-technologie',
  ],
  [
    'CZ',
    { arbeidsbesparendeTechnologie: true, bewegingenEnDoelen: true },
    'verblijf',
    '95.90',
    'CZ-2024-bewegingen-en-doelen',
  ],
  ['CZ', { freeProposal: true }, 'verblijf', 'onbepaald', 'CZ-2024-free-proposal'],
  ['Salland', { voldoetAanBasis: false }, 'verblijf', 'onbepaald', 'SALLAND-2024-basis-niet-gehaald'],
  ['DSW', { nieuweAanbieder: true }, 'verblijf', '91.00', 'DSW-2024-nieuwe-aanbieder'],
  ['DSW', { vorigJaarPercentage: '96.0', monitorUitkomst: 'gelijk' }, 'verblijf', '96.00', 'DSW-2024-monitor-gelijk'],
  ['DSW', { vorigJaarPercentage: '96.0', monitorUitkomst: 'gelijk' }, 'verblijf', '96.00', 'DSW-2024-percentage-2023'],
  ['DSW', { vorigJaarPercentage: '96.8', monitorUitkomst: 'hoger' }, 'verblijf', 'onbepaald', 'DSW-2024-monitor-hoger'],
  ['DSW', { vorigJaarPercentage: '97.5', monitorUitkomst: 'hoger' }, 'verblijf', '97.50', 'DSW-2024-maximum'],
  ['DSW', { vorigJaarPercentage: '95.5', monitorUitkomst: 'lager' }, 'verblijf', 'onbepaald', 'DSW-2024-monitor-lager'],
  ['DSW', { vorigJaarPercentage: '95.5' }, 'verblijf', 'onbepaald', 'DSW-2024-monitor-onbekend'],
  ['Zorg en Zekerheid', { nieuweAanbieder: true }, 'verblijf', 'onbepaald', 'ZZ-2024-nieuwe-aanbieder'],
  ['Zorg en Zekerheid', { werkgeversopslag: true }, 'verblijf', '95.80', 'ZZ-2024-werkgeversopslag'],
  ['Voorbeeld 2016 (NZa)', {}, 'verblijf', '94.00', 'NZA2016-basistarief'],
  ['Voorbeeld 2016 (NZa)', {}, 'mpt', '94.50', 'NZA2016-hoger-basistarief-vpt-mpt'],
  [
    'Voorbeeld 2016 (NZa)',
    { ontwikkelplanAkkoord: true, opslagPercentage: '3' },
    'vpt',
    '97.34',
    'INKOOPKADER2016-opslag-ontwikkelplan',
  ],
  ['Model P (ZN 2008)', {}, 'verblijf', '90.00', 'MODELP-startprijs'],
  ['Model P (ZN 2008)', { presteertBeter: true }, 'verblijf', 'onbepaald', 'MODELP-hogere-prijs-bij-prestaties'],
  ['Menzis', { nieuweAanbieder: true, regionaleRol: -2 }, 'verblijf', '93.50', 'MENZIS-2024-differentiatie-bodem'],
];

/** Rules that depend on the prestatie: [zorgkantoor, profiel, prestatie, expected, rule]. */
const PRESTATIE_CASES: [string, object, string, string, string][] = [
  ['Zilveren Kruis', {}, 'VV-Z753-B', 'uitgesloten', 'ZK-2024-geen-zzp4'],
  ['VGZ', {}, 'VV-Z753-E', 'uitgesloten', 'VGZ-2024-geen-zzp4'],
];
const evP = (naam: string, profiel: object, prestatie: string) =>
  evalueer(per(naam), parseProfiel(profiel), { leveringsvorm: 'verblijf', prestatie });

for (const [zk, profiel, prestatie, verwacht, regel] of PRESTATIE_CASES) {
  test(`${regel}: ${zk} ${JSON.stringify(profiel)} ${prestatie} → ${verwacht}`, () => {
    const u = evP(zk, profiel, prestatie);
    assert.equal(u.uitgesloten, true);
    assert.equal(u.percentage, null);
    assert.ok(regels(u).includes(regel), `${regel} niet in spoor: ${regels(u).join(', ')}`);
  });
}

test('ZZP4 intramural: excluded at Zilveren Kruis; at VGZ only unless the social context requires it; other prestaties priced', () => {
  for (const code of ['VV-Z753-B', 'VV-Z753-E']) {
    assert.equal(evP('Zilveren Kruis', { essentieleVoorziening: true }, code).uitgesloten, true);
    assert.match(evP('VGZ', {}, code).redenen.join(), /sociale context/);
    const sociaal = evP('VGZ', { socialeContextVraagtZzp4: true }, code);
    assert.equal(sociaal.uitgesloten, false);
    assert.equal(sociaal.percentage, '95.50');
  }
  assert.equal(evP('Zilveren Kruis', {}, 'VV-Z755-B').percentage, '95.50');
  assert.equal(evP('Menzis', {}, 'VV-Z753-B').percentage, '95.50');
});

test('Menzis: "Maximale differentiatie is van -2% tot +1% van richttarief" bounds the stacked result', () => {
  assert.equal(ev('Menzis', { nieuweAanbieder: true, regionaleRol: -2 }).percentage, '93.50');
  assert.equal(ev('Menzis', { nieuweAanbieder: true, regionaleRol: -1 }).percentage, '93.50');
  assert.equal(ev('Menzis', { nieuweAanbieder: true, regionaleRol: 1 }).percentage, '94.50');
  assert.equal(ev('Menzis', { nieuweAanbieder: true }).percentage, '93.50');
  assert.equal(ev('Menzis', { regionaleRol: -2 }).percentage, '93.50');
});

for (const [zk, profiel, lv, verwacht, regel] of CASES) {
  test(`${regel}: ${zk} ${JSON.stringify(profiel)} ${lv} → ${verwacht}`, () => {
    const u = ev(zk, profiel, lv);
    assert.equal(u.percentage ?? 'onbepaald', verwacht, JSON.stringify(u.spoor, null, 1));
    assert.equal(u.status, verwacht === 'onbepaald' ? 'onbepaald' : 'bepaald');
    assert.ok(regels(u).includes(regel), `${regel} niet in spoor: ${regels(u).join(', ')}`);
    if (u.status === 'onbepaald') {
      assert.equal(u.percentage, null);
      assert.ok(u.redenen.length > 0, 'onbepaald zonder reden');
    }
    for (const s of u.spoor) assert.ok(s.bron.length > 10 && s.effect.length > 0);
  });
}

test('every rule of every shipped policy has a case above', () => {
  const gedekt = new Set([...CASES.map((c) => c[4]), ...PRESTATIE_CASES.map((c) => c[4])]);
  for (const c of alle) {
    assert.ok(gedekt.has(c.beleid.basis.regel), c.beleid.basis.regel);
    for (const r of c.beleid.regels) assert.ok(gedekt.has(r.id), `geen testgeval voor ${r.id}`);
  }
});

test('shipped data: seven 2024 V&V policies, short names of zorgkantoren.json, base 95.5 excl. NHC/NIC, quotes and confidence on every rule', () => {
  const v = alle.filter((c) => c.beleid.jaar === 2024 && c.beleid.sector === 'VV');
  assert.deepEqual(
    v.map((c) => c.beleid.zorgkantoor),
    ['Zilveren Kruis', 'VGZ', 'Menzis', 'CZ', 'Salland', 'DSW', 'Zorg en Zekerheid'],
  );
  for (const c of v) {
    assert.equal(c.beleid.basis.waarde, '95.5');
    assert.equal(c.beleid.nhcNic.percentage, null);
    for (const r of c.beleid.regels) {
      assert.ok(['H', 'M', 'L'].includes(r.zekerheid));
      assert.ok(r.bron.citaat.length > 10);
    }
  }
});

test('DSW worked examples of the 2024 overview table (row Bekostiging en tarieven): 96.8 up → at most 97.5; new provider 91', () => {
  const u = ev('DSW', { vorigJaarPercentage: '96.8', monitorUitkomst: 'hoger' });
  assert.deepEqual(u.bandbreedte, { van: '96.80', tot: '97.50' });
  assert.match(u.redenen.join(), /maximaal 1%/);
  const l = ev('DSW', { vorigJaarPercentage: '95.5', monitorUitkomst: 'lager' });
  assert.deepEqual(l.bandbreedte, { van: '94.50', tot: '95.50' });
  assert.equal(ev('DSW', {}).status, 'onbepaald');
});

test('ZK: a new provider gets no residential agreement; names the reason', () => {
  const u = ev('Zilveren Kruis', { nieuweAanbieder: true }, 'verblijf');
  assert.equal(u.uitgesloten, true);
  assert.match(u.redenen[0], /alleen afspraken voor zorg thuis/);
});

test('CZ: free proposal and bewegingen en doelen are alternatives (one of both)', () => {
  const u = ev('CZ', { freeProposal: true, bewegingenEnDoelen: true });
  assert.equal(u.status, 'onbepaald');
  assert.deepEqual(u.bandbreedte, { van: '95.50', tot: '100.00' });
  assert.ok(u.spoor.some((s) => s.regel === 'CZ-2024-bewegingen-en-doelen' && s.effect.startsWith('niet toegepast')));
});

test('Menzis regionaleRol is clamped to −2 … +1 and read as percentage points', () => {
  assert.equal(ev('Menzis', { regionaleRol: -2 }).percentage, '93.50');
  assert.equal(ev('Menzis', { regionaleRol: '0.5' }).percentage, '96.00');
  assert.throws(() => parseProfiel({ regionaleRol: 3 }), /tussen -2 en \+1/);
});

test('relative unit is explicit: opslag 3% relative on 94.5 = 97.335, shown 97.34, tariff uses the exact value', () => {
  const u = ev('Voorbeeld 2016 (NZa)', { ontwikkelplanAkkoord: true, opslagPercentage: '3' }, 'vpt');
  assert.equal(u.exact!.toString(), '97.335');
  assert.equal(berekenTarief(u, null, { tarief: '100.00', nhc: null, nic: null }).tarief, '97.34'); // 97.335 → half-up
  assert.equal(berekenTarief(u, null, { tarief: '200.00', nhc: null, nic: null }).tarief, '194.67'); // 194.67 exact, not 194.68 from 97.34
  const teHoog = ev('Voorbeeld 2016 (NZa)', { ontwikkelplanAkkoord: true, opslagPercentage: '5' }, 'verblijf');
  assert.equal(teHoog.percentage, '96.82'); // capped at 3%: 94 × 1.03 = 96.82
  assert.equal(ev('Voorbeeld 2016 (NZa)', { ontwikkelplanAkkoord: true }, 'verblijf').status, 'onbepaald');
});

test('rounding to cents half-up, named and exact (no binary float)', () => {
  const u = ev('CZ', { arbeidsbesparendeTechnologie: true, bewegingenEnDoelen: true }); // 95.9
  assert.equal(u.exact!.toString(), '95.9');
  assert.equal(berekenTarief(u, null, { tarief: '250.00', nhc: null, nic: null }).tarief, '239.75');
  const r = ev('CZ', {}); // 95.5
  assert.equal(berekenTarief(r, null, { tarief: '187.33', nhc: null, nic: null }).tarief, '178.90'); // 178.90015
  assert.equal(berekenTarief(r, null, { tarief: '0.01', nhc: null, nic: null }).tarief, '0.01'); // 0.00955 → 0.01
  assert.equal(berekenTarief(r, null, { tarief: '0.00', nhc: null, nic: null }).tarief, '0.00');
  // exactly half a cent: 10.01 × 95.5% = 9.55955 → 9.56; 1.10 × 95.5% = 1.0505 → 1.05
  assert.equal(berekenTarief(r, null, { tarief: '10.01', nhc: null, nic: null }).tarief, '9.56');
  assert.equal(berekenTarief(r, null, { tarief: '1.10', nhc: null, nic: null }).tarief, '1.05');
  const half = ev('Zorg en Zekerheid', { werkgeversopslag: true }); // 95.8: 0.25 × 0.958 = 0.2395 → 0.24
  assert.equal(berekenTarief(half, null, { tarief: '0.25', nhc: null, nic: null }).tarief, '0.24');
  assert.equal(
    berekenTarief(r, null, { tarief: '9999999999.99', nhc: null, nic: null }).tarief,
    applyPercentage('9999999999.99', '95.5').toFixed(2),
  );
});

test('NHC/NIC separate: not multiplied by the percentage; undetermined when the policy names none', () => {
  const u = ev('CZ', {});
  const t = berekenTarief(u, null, { tarief: '250.00', nhc: '21.37', nic: '3.11' });
  assert.equal(t.tarief, '238.75');
  assert.equal(t.nhc, null);
  assert.equal(t.nic, null);
  assert.equal(t.totaal, null);
  assert.match(t.toelichting.join(), /NHC/);
  const m = berekenTarief(u, new Decimal(100), { tarief: '250.00', nhc: '21.37', nic: '3.11' });
  assert.deepEqual([m.nhc, m.nic, m.totaal], ['21.37', '3.11', '263.23']);
});

test('property: the fast integer path equals money.ts applyPercentage', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 99_999_999 }), fc.integer({ min: 0, max: 100_000_000 }), (c, p) => {
      const bedrag = `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;
      const perc = new Decimal(p).dividedBy(1_000_000);
      assert.equal(maalPercentage(bedrag, perc).tekst, applyPercentage(bedrag, perc).toFixed(2));
      const u = { exact: perc } as Uitkomst;
      assert.equal(
        tariefInCenten(u, bereidNzaVoor({ tarief: bedrag, nhc: null, nic: null })),
        Number(applyPercentage(bedrag, perc).times(100).toFixed(0)),
      );
    }),
    { numRuns: 2000 },
  );
});

const profielArb = fc.record(
  {
    nieuweAanbieder: fc.option(fc.boolean(), { nil: undefined }),
    arbeidsbesparendeTechnologie: fc.option(fc.boolean(), { nil: undefined }),
    bewegingenEnDoelen: fc.option(fc.boolean(), { nil: undefined }),
    essentieleVoorziening: fc.option(fc.boolean(), { nil: undefined }),
    regionaleRol: fc.option(
      fc.integer({ min: -200, max: 100 }).map((x) => (x / 100).toFixed(2)),
      { nil: undefined },
    ),
    commitmentRegionaleTafels: fc.option(fc.boolean(), { nil: undefined }),
    specifiekPlanVptMpt: fc.option(fc.boolean(), { nil: undefined }),
    voldoetAanBasis: fc.option(fc.boolean(), { nil: undefined }),
    vorigJaarPercentage: fc.option(
      fc.integer({ min: 8000, max: 10000 }).map((x) => (x / 100).toFixed(2)),
      { nil: undefined },
    ),
    monitorUitkomst: fc.option(fc.constantFrom('hoger', 'gelijk', 'lager'), { nil: undefined }),
    ontwikkelplanAkkoord: fc.option(fc.boolean(), { nil: undefined }),
    opslagPercentage: fc.option(
      fc.integer({ min: 0, max: 1000 }).map((x) => (x / 100).toFixed(2)),
      { nil: undefined },
    ),
    freeProposal: fc.option(fc.boolean(), { nil: undefined }),
    werkgeversopslag: fc.option(fc.boolean(), { nil: undefined }),
  },
  { requiredKeys: [] },
);
const schoon = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

function plafonds(c: GecompileerdBeleid): Decimal[] {
  return [
    new Decimal(100),
    ...c.regels.filter((g) => g.regel.effect.op === 'plafond' && !g.regel.als).map((g) => g.waarde!),
  ];
}

test('property: a cap is never exceeded (policy caps, and 100% of the NZa maximum), interval included', () => {
  fc.assert(
    fc.property(profielArb, fc.constantFrom(...LEVERINGSVORMEN), fc.constantFrom(...alle), (p, lv, c) => {
      const u = evalueer(c, parseProfiel(schoon(p)), { leveringsvorm: lv });
      for (const cap of plafonds(c)) {
        if (u.exact) assert.ok(u.exact.lessThanOrEqualTo(cap), `${c.beleid.id}: ${u.exact} > ${cap}`);
        if (u.bandbreedte.tot !== null) assert.ok(new Decimal(u.bandbreedte.tot).lessThanOrEqualTo(cap));
      }
      if (u.exact) assert.ok(!u.exact.isNegative());
    }),
    { numRuns: 1500 },
  );
});

test('property: evaluation is deterministic (same input → same output, memoised or not, any key order)', () => {
  fc.assert(
    fc.property(profielArb, fc.constantFrom(...LEVERINGSVORMEN), fc.constantFrom(...alle), (p, lv, c) => {
      const a = evalueer(c, parseProfiel(schoon(p)), { leveringsvorm: lv });
      const omgekeerd = Object.fromEntries(Object.entries(schoon(p)).reverse());
      const b = evalueer(c, parseProfiel(omgekeerd), { leveringsvorm: lv });
      const m = evalueerMemo(c, parseProfiel(schoon(p)), { leveringsvorm: lv });
      const strip = (u: Uitkomst) => JSON.stringify({ ...u, exact: u.exact?.toString() ?? null });
      assert.equal(strip(a), strip(b));
      assert.equal(strip(a), strip(m));
    }),
    { numRuns: 1000 },
  );
});

test('property: a figure never appears for a rule the source leaves open (onbepaald has no percentage)', () => {
  fc.assert(
    fc.property(profielArb, fc.constantFrom(...LEVERINGSVORMEN), fc.constantFrom(...alle), (p, lv, c) => {
      const u = evalueer(c, parseProfiel(schoon(p)), { leveringsvorm: lv });
      if (u.status === 'onbepaald') {
        assert.equal(u.percentage, null);
        assert.equal(u.exact, null);
        assert.ok(u.redenen.length);
      } else assert.match(u.percentage!, /^\d{1,3}\.\d{2}$/);
    }),
    { numRuns: 800 },
  );
});
