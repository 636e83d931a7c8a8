import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  bepaalBestValueUitkomst,
  BEST_VALUE_UITKOMST_REGEL,
  type BestValueUitkomstInvoer,
} from './bestvalue-uitkomst.ts';
import { bepaalUitkomst, UITKOMST_TEKST, UITKOMSTEN, type UitkomstInvoer } from './uitkomst.ts';
import { RegelFout } from './beoordeling.ts';

/** The best-ranked bid of three in a 2027–2029 kader, N = 1: a contract. Each row below changes one thing. */
const beste = (o: Partial<BestValueUitkomstInvoer> = {}): BestValueUitkomstInvoer => ({
  tijdigIngediend: true,
  vierOgenVastgesteld: true,
  knockOuts: [],
  rang: 1,
  aantalGerangschikt: 3,
  aantalTeGunnen: 1,
  jaarVan: 2027,
  jaarTot: 2029,
  ...o,
});
const reden = (b: ReturnType<typeof bepaalBestValueUitkomst>, code: string) => b.redenen.find((r) => r.code === code)!;

test('best value rij 1: rang 1, tijdig, vier ogen, geen knock-out → overeenkomst voor de hele looptijd van het kader', () => {
  const b = bepaalBestValueUitkomst(beste());
  assert.equal(b.uitkomst, 'bestvalue-overeenkomst');
  assert.equal(b.looptijdJaren, 3, '2027 t/m 2029');
  assert.equal(b.opslagPercentage, '0.00');
  assert.equal(
    b.omschrijving,
    'Overeenkomst voor de looptijd van het inkoopkader (best value: beste prijs-kwaliteitverhouding)',
  );
  assert.equal(b.omschrijving, UITKOMST_TEKST['bestvalue-overeenkomst']);
  assert.deepEqual(
    b.redenen.map((r) => [r.code, r.voldaan]),
    [
      ['A1', true],
      ['vier-ogen', true],
      ['knock-out', true],
      ['BV-rang', true],
    ],
  );
  assert.match(reden(b, 'BV-rang').toelichting, /^Rang 1 van 3; alleen de beste inschrijving wordt gegund\.$/);
  assert.equal(b.regel, BEST_VALUE_UITKOMST_REGEL);
  assert.match(b.regel, /Inkoopsafari – Verkenning van de praktijk van zorginkoop, §4\.2/);
  // a one-year kader gives a one-year contract; a five-year kader five years
  assert.equal(bepaalBestValueUitkomst(beste({ jaarVan: 2027, jaarTot: 2027 })).looptijdJaren, 1);
  assert.equal(bepaalBestValueUitkomst(beste({ jaarVan: 2026, jaarTot: 2030 })).looptijdJaren, 5);
});

test('best value rij 2: rang 2 van 3 bij N = 1 → geen overeenkomst, de rang genoemd', () => {
  const b = bepaalBestValueUitkomst(beste({ rang: 2 }));
  assert.equal(b.uitkomst, 'geen-overeenkomst');
  assert.equal(b.looptijdJaren, 0);
  assert.equal(b.opslagPercentage, '0.00');
  assert.equal(reden(b, 'BV-rang').voldaan, false);
  assert.equal(reden(b, 'BV-rang').toelichting, 'Rang 2 van 3; alleen de beste inschrijving wordt gegund.');
});

test('best value rij 3: N = 2 → rang 2 krijgt een overeenkomst, rang 3 niet', () => {
  assert.equal(bepaalBestValueUitkomst(beste({ rang: 2, aantalTeGunnen: 2 })).uitkomst, 'bestvalue-overeenkomst');
  const b = bepaalBestValueUitkomst(beste({ rang: 3, aantalTeGunnen: 2 }));
  assert.equal(b.uitkomst, 'geen-overeenkomst');
  assert.equal(reden(b, 'BV-rang').toelichting, 'Rang 3 van 3; alleen de beste 2 inschrijvingen worden gegund.');
  assert.match(reden(b, 'BV-rang').regel, /rang ten hoogste 2/);
});

test('best value rij 4: knock-out → geen overeenkomst met de eis genoemd, ook met rang 1', () => {
  const b = bepaalBestValueUitkomst(
    beste({ rang: null, aantalGerangschikt: 2, knockOuts: [{ code: 'KO1', tekst: 'Bestuursverklaring getekend' }] }),
  );
  assert.equal(b.uitkomst, 'geen-overeenkomst');
  assert.equal(reden(b, 'knock-out').voldaan, false);
  assert.equal(reden(b, 'knock-out').toelichting, 'Niet voldaan aan: KO1 Bestuursverklaring getekend.');
  assert.match(reden(b, 'BV-rang').toelichting, /Geen rang/);
  // inconsistent input (a rank despite a knock-out) still gives no contract
  assert.equal(
    bepaalBestValueUitkomst(beste({ knockOuts: [{ code: 'KO2', tekst: 'Toelating' }] })).uitkomst,
    'geen-overeenkomst',
  );
});

test('best value rij 5: niet tijdig ingediend → geen overeenkomst (A1)', () => {
  const b = bepaalBestValueUitkomst(beste({ tijdigIngediend: false }));
  assert.equal(b.uitkomst, 'geen-overeenkomst');
  assert.equal(reden(b, 'A1').voldaan, false);
});

test('best value rij 6: beoordeling niet door een tweede persoon vastgesteld → geen overeenkomst', () => {
  const b = bepaalBestValueUitkomst(beste({ vierOgenVastgesteld: false }));
  assert.equal(b.uitkomst, 'geen-overeenkomst');
  assert.equal(reden(b, 'vier-ogen').voldaan, false);
});

test('best value rij 7: zonder rang (geen vastgestelde beoordeling) → geen overeenkomst', () => {
  const b = bepaalBestValueUitkomst(beste({ rang: null }));
  assert.equal(b.uitkomst, 'geen-overeenkomst');
  assert.equal(
    reden(b, 'BV-rang').toelichting,
    'Geen rang in de rangorde (geen vastgestelde beoordeling of een knock-out); alleen de beste inschrijving wordt gegund.',
  );
});

test('best value: ongeldige invoer wordt geweigerd met het veld genoemd', () => {
  const fout = (o: Partial<BestValueUitkomstInvoer>, waar: string) =>
    assert.throws(
      () => bepaalBestValueUitkomst(beste(o)),
      (e: unknown) =>
        e instanceof RegelFout && e.regel === 'best-value-uitkomst-invoer' && e.fouten.some((f) => f.waar === waar),
      waar,
    );
  fout({ rang: 4 }, 'rang');
  fout({ rang: 0 }, 'rang');
  fout({ rang: 1.5 }, 'rang');
  fout({ aantalTeGunnen: 0 }, 'aantalTeGunnen');
  fout({ jaarVan: 2029, jaarTot: 2027 }, 'jaarTot');
  fout({ aantalGerangschikt: -1, rang: null }, 'aantalGerangschikt');
});

test('de beslistabel 2016 geeft nooit de best value-uitkomst; de lijst van uitkomsten bevat hem wel', () => {
  assert.ok((UITKOMSTEN as readonly string[]).includes('bestvalue-overeenkomst'));
  const datum = fc
    .date({ min: new Date('2005-01-01'), max: new Date('2020-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  const invoer: fc.Arbitrary<UitkomstInvoer> = fc.record({
    jaar: fc.integer({ min: 2010, max: 2030 }),
    tijdigIngediend: fc.boolean(),
    toetredingseisenVoldaan: fc.boolean(),
    zelfanalyseEnVoorstel: fc.boolean(),
    definitiefOntwikkelplan: fc.boolean(),
    opslagPercentage: fc.constantFrom(null, '0', '1.5', '3'),
    locatiesVerscherptToezicht: fc.array(fc.constantFrom('De Linde'), { maxLength: 1 }),
    fraudeonderzoekenGestart: fc.array(datum, { maxLength: 2 }),
    procedurePeriode: fc.constant({ van: '2015-06-01', tot: '2015-11-01' }),
    fraudeVastgesteld: fc.array(datum, { maxLength: 2 }),
    overeenkomstJaren: fc.array(fc.integer({ min: 2008, max: 2030 }), { maxLength: 3 }),
    regionaleVoorwaarden: fc.constant([{ code: 'R1', omschrijving: 'Wachtlijstoverleg' }]),
    regionaalVoldaan: fc.record({ R1: fc.boolean() }),
  });
  fc.assert(fc.property(invoer, (inv) => (bepaalUitkomst(inv).uitkomst as string) !== 'bestvalue-overeenkomst'));
});

test('eigenschap: bij rangen 1..m krijgen precies min(N, m) inschrijvingen een overeenkomst, alle voor de looptijd van het kader', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 12 }),
      fc.integer({ min: 1, max: 5 }),
      fc.integer({ min: 2020, max: 2040 }),
      fc.integer({ min: 0, max: 9 }),
      (m, n, van, extra) => {
        const besluiten = Array.from({ length: m }, (_, i) =>
          bepaalBestValueUitkomst(
            beste({ rang: i + 1, aantalGerangschikt: m, aantalTeGunnen: n, jaarVan: van, jaarTot: van + extra }),
          ),
        );
        const gegund = besluiten.filter((b) => b.uitkomst === 'bestvalue-overeenkomst');
        return (
          gegund.length === Math.min(n, m) &&
          gegund.every((b) => b.looptijdJaren === extra + 1) &&
          besluiten.every((b, i) => (b.uitkomst === 'bestvalue-overeenkomst') === i + 1 <= n)
        );
      },
    ),
  );
});
