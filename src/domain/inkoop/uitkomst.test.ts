import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bepaalUitkomst, type UitkomstInvoer } from './uitkomst.ts';
import { RegelFout } from './beoordeling.ts';

/** A provider that meets everything: two-year contract with opslag. Each row below changes one thing. */
const alles = (o: Partial<UitkomstInvoer> = {}): UitkomstInvoer => ({
  jaar: 2016,
  tijdigIngediend: true,
  toetredingseisenVoldaan: true,
  zelfanalyseEnVoorstel: true,
  definitiefOntwikkelplan: true,
  opslagPercentage: '2.5',
  locatiesVerscherptToezicht: [],
  fraudeonderzoekenGestart: [],
  procedurePeriode: { van: '2015-06-01', tot: '2015-11-01' },
  fraudeVastgesteld: [],
  overeenkomstJaren: [2014, 2015],
  regionaleVoorwaarden: [{ code: 'R1', omschrijving: 'Deelname aan het regionale wachtlijstoverleg' }],
  regionaalVoldaan: { R1: true },
  ...o,
});
const reden = (b: ReturnType<typeof bepaalUitkomst>, code: string) => b.redenen.find((r) => r.code === code)!;

test('rij 1: inschrijving niet tijdig → geen overeenkomst (A1)', () => {
  const b = bepaalUitkomst(alles({ tijdigIngediend: false }));
  assert.equal(b.uitkomst, 'geen-overeenkomst');
  assert.equal(b.looptijdJaren, 0);
  assert.equal(b.opslagPercentage, '0.00');
  assert.equal(reden(b, 'A1').voldaan, false);
});

test('rij 2: toetredingseisen niet voldaan → geen overeenkomst, eis genoemd', () => {
  const b = bepaalUitkomst(alles({ toetredingseisenVoldaan: false, nietVoldaneEisen: ['A2 Bestuursverklaring'] }));
  assert.equal(b.uitkomst, 'geen-overeenkomst');
  assert.match(reden(b, 'A-toetreding').toelichting, /A2 Bestuursverklaring/);
});

test('rij 3: toetreding voldaan, geen zelfanalyse/voorstel → eenjarig basistarief', () => {
  const b = bepaalUitkomst(alles({ zelfanalyseEnVoorstel: false, definitiefOntwikkelplan: false }));
  assert.equal(b.uitkomst, 'eenjarig-basistarief');
  assert.equal(b.looptijdJaren, 1);
  assert.equal(b.opslagPercentage, '0.00');
  assert.match(reden(b, 'F5').toelichting, /vervalt/);
});

test('rij 4: zelfanalyse + voorstel maar geen definitief ontwikkelplan → eenjarig basistarief, opslag vervalt', () => {
  const b = bepaalUitkomst(alles({ definitiefOntwikkelplan: false }));
  assert.equal(b.uitkomst, 'eenjarig-basistarief');
  assert.equal(b.opslagPercentage, '0.00');
  assert.equal(reden(b, 'E-G0').voldaan, false);
});

test('rij 4b: definitief plan zonder ingediende zelfanalyse telt niet', () => {
  assert.equal(bepaalUitkomst(alles({ zelfanalyseEnVoorstel: false })).uitkomst, 'eenjarig-basistarief');
});

test('rij 5: definitief plan, locatie onder verscherpt toezicht (G1) → eenjarig met opslag', () => {
  const b = bepaalUitkomst(alles({ locatiesVerscherptToezicht: ['De Linde'] }));
  assert.equal(b.uitkomst, 'eenjarig-opslag');
  assert.equal(b.looptijdJaren, 1);
  assert.equal(b.opslagPercentage, '2.50');
  assert.equal(reden(b, 'G1').voldaan, false);
  assert.match(reden(b, 'G1').toelichting, /De Linde/);
});

test('rij 6: fraudeonderzoek tijdens de procedure (G2) → eenjarig met opslag; ervoor of erna telt niet', () => {
  assert.equal(bepaalUitkomst(alles({ fraudeonderzoekenGestart: ['2015-06-01'] })).uitkomst, 'eenjarig-opslag');
  assert.equal(bepaalUitkomst(alles({ fraudeonderzoekenGestart: ['2015-11-01'] })).uitkomst, 'eenjarig-opslag');
  assert.equal(
    bepaalUitkomst(alles({ fraudeonderzoekenGestart: ['2015-05-31', '2015-11-02'] })).uitkomst,
    'tweejarig-opslag',
  );
});

test('rij 7: fraude vastgesteld na 2010 (G3) → eenjarig met opslag; in 2010 telt niet', () => {
  const b = bepaalUitkomst(alles({ fraudeVastgesteld: ['2011-01-01'] }));
  assert.equal(b.uitkomst, 'eenjarig-opslag');
  assert.match(reden(b, 'G3').toelichting, /2011-01-01/);
  assert.equal(bepaalUitkomst(alles({ fraudeVastgesteld: ['2010-12-31'] })).uitkomst, 'tweejarig-opslag');
});

test('rij 8: geen overeenkomst in het vorige jaar (G4) → eenjarig met opslag', () => {
  const b = bepaalUitkomst(alles({ overeenkomstJaren: [2014] }));
  assert.equal(b.uitkomst, 'eenjarig-opslag');
  assert.match(reden(b, 'G4').regel, /2015/);
});

test('rij 9: regionale voorwaarde niet voldaan of niet vastgesteld (G5) → eenjarig met opslag', () => {
  assert.equal(bepaalUitkomst(alles({ regionaalVoldaan: { R1: false } })).uitkomst, 'eenjarig-opslag');
  const b = bepaalUitkomst(alles({ regionaalVoldaan: {} }));
  assert.equal(b.uitkomst, 'eenjarig-opslag');
  assert.match(reden(b, 'G5:R1').toelichting, /Niet vastgesteld/);
});

test('rij 10: alle landelijke en regionale voorwaarden → tweejarig met opslag; redenen per voorwaarde', () => {
  const b = bepaalUitkomst(alles());
  assert.equal(b.uitkomst, 'tweejarig-opslag');
  assert.equal(b.looptijdJaren, 2);
  assert.equal(b.opslagPercentage, '2.50');
  assert.deepEqual(
    b.redenen.map((r) => r.code),
    ['A1', 'A-toetreding', 'C-D', 'E-G0', 'F5', 'G1', 'G2', 'G3', 'G4', 'G5:R1'],
  );
  assert.ok(b.redenen.every((r) => r.voldaan));
  // without regional conditions the four national ones suffice
  assert.equal(bepaalUitkomst(alles({ regionaleVoorwaarden: [], regionaalVoldaan: {} })).uitkomst, 'tweejarig-opslag');
});

test('opslag: precies 3% mag, meer dan 3% wordt geweigerd met de regel genoemd', () => {
  assert.equal(bepaalUitkomst(alles({ opslagPercentage: '3' })).opslagPercentage, '3.00');
  assert.throws(
    () => bepaalUitkomst(alles({ opslagPercentage: '3.01' })),
    (e: unknown) =>
      e instanceof RegelFout && e.regel === 'F5' && /hoger dan het landelijke maximum van 3%/.test(e.fouten[0].wat),
  );
  assert.throws(() => bepaalUitkomst(alles({ opslagPercentage: '-1' })), RegelFout);
  assert.throws(() => bepaalUitkomst(alles({ fraudeVastgesteld: ['2015'] })), /geen datum/);
});

test('looptijd nieuwe aanbieder (beleid zorgkantoor): nieuw → ten hoogste één jaar ook als alles voldaan is; bestaand → twee jaar; bron genoemd', () => {
  const ln = {
    maxJaren: 1,
    klasse: 'nieuw_in_regio',
    zorgkantoor: 'DSW',
    beleid: 'zk-dsw-2024-VV (meegeleverd)',
    bron: "Tabel thema's in contractering langdurige zorg 2024 - 2026, rij Bekostiging en tarieven",
    citaat: 'Nieuwe zorgaanbieders: eenjarige overeenkomst',
  };
  const nieuw = bepaalUitkomst(alles({ looptijdNieuweAanbieder: ln }));
  assert.equal(nieuw.uitkomst, 'eenjarig-opslag');
  assert.equal(nieuw.looptijdJaren, 1);
  assert.equal(nieuw.opslagPercentage, '2.50', 'only the term is capped, not the opslag');
  assert.equal(reden(nieuw, 'L-nieuw').voldaan, false);
  assert.match(
    reden(nieuw, 'L-nieuw').regel,
    /^Beleid DSW: .*eenjarige overeenkomst \(Tabel thema's .*"Nieuwe zorgaanbieders/,
  );
  assert.ok(['G1', 'G2', 'G3', 'G4'].every((c) => reden(nieuw, c).voldaan));
  const bestaand = bepaalUitkomst(alles({ looptijdNieuweAanbieder: { ...ln, klasse: 'bestaand' } }));
  assert.equal(bestaand.uitkomst, 'tweejarig-opslag');
  assert.equal(reden(bestaand, 'L-nieuw').voldaan, true);
  // a policy that allows two years changes nothing; without a policy there is no such reason
  assert.equal(bepaalUitkomst(alles({ looptijdNieuweAanbieder: { ...ln, maxJaren: 2 } })).uitkomst, 'tweejarig-opslag');
  assert.equal(reden(bepaalUitkomst(alles()), 'L-nieuw'), undefined);
  // it never makes an outcome better: no plan stays one year at the basistarief, a failed gate no contract
  assert.equal(
    bepaalUitkomst(alles({ looptijdNieuweAanbieder: ln, definitiefOntwikkelplan: false })).uitkomst,
    'eenjarig-basistarief',
  );
  assert.equal(bepaalUitkomst(alles({ looptijdNieuweAanbieder: ln, toetredingseisenVoldaan: false })).looptijdJaren, 0);
});
