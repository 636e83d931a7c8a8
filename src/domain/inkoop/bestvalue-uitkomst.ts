/**
 * The award outcome of a best value / prestatie-inkoop bid. This is not the 2016 decision table of
 * uitkomst.ts: best value has no ontwikkelplan, no tariff mark-up and no two-year conditions. The
 * proposal with the best price-quality ratio gets the award (Inkoopsafari §4.2: "De aanbieder met het
 * beste voorstel, waarbij prestaties worden gewogen tegen de kosten, krijgt vervolgens de
 * gunning"). "Best" is the rank of the best value ranking (src/inkoop/bestvalue/voorstel.ts
 * `rangschik`, rule inkoop.bestvalue.rangorde.v1: confirmed weighted score, then the lower price).
 * The contract runs for the whole period of the inkoopkader: prestatie-inkoop gives multi-year
 * contracts (Inkoopsafari §1.3 "krijgen een meerjarencontract met een open volume"; §2.2 "driejarige
 * contracten met een budgetgarantie"); the zorgkantoor chooses that length when it sets the
 * kader's years.
 *
 * Pure: every input is passed in and every condition is reported with whether it held.
 */
import { RegelFout } from './beoordeling.ts';
import { UITKOMST_TEKST, type Reden, type UitkomstBesluit } from './uitkomst.ts';

export const BEST_VALUE_UITKOMST_REGEL =
  'best value-gunning: rang ≤ N in de rangorde (beste prijs-kwaliteitverhouding), geen knock-out, tijdig, vier ogen → overeenkomst voor de looptijd van het inkoopkader (Inkoopsafari – Verkenning van de praktijk van zorginkoop, §4.2) v1';

export interface BestValueUitkomstInvoer {
  /** the bid was received before the submission deadline */
  tijdigIngediend: boolean;
  /** the assessment was confirmed by a second person (four-eyes) */
  vierOgenVastgesteld: boolean;
  /** knock-out criteria that were not met (empty: all met) */
  knockOuts: { code: string; tekst: string }[];
  /** the bid's rank in the best value ranking; null when it has no rank */
  rang: number | null;
  /** how many bids of the kader have a rank */
  aantalGerangschikt: number;
  /** N: how many of the best-ranked bids are awarded (regionale_paragraaf.bestValue.verduidelijkingAantal) */
  aantalTeGunnen: number;
  /** the inkoopkader's first and last year: the contract period */
  jaarVan: number;
  jaarTot: number;
}

export type BestValueUitkomst = 'bestvalue-overeenkomst' | 'geen-overeenkomst';

export interface BestValueBesluit extends Omit<UitkomstBesluit, 'uitkomst' | 'looptijdJaren'> {
  uitkomst: BestValueUitkomst;
  /** 0 without a contract; otherwise jaarTot − jaarVan + 1 */
  looptijdJaren: number;
}

const geheel = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n);

/** Decides the outcome. Refuses (RegelFout) inconsistent input: a rank outside 1..aantalGerangschikt, N < 1, jaarTot < jaarVan. */
export function bepaalBestValueUitkomst(inv: BestValueUitkomstInvoer): BestValueBesluit {
  const fouten: { waar: string; wat: string; actie: string }[] = [];
  if (!geheel(inv.jaarVan) || !geheel(inv.jaarTot) || inv.jaarTot < inv.jaarVan) {
    fouten.push({
      waar: 'jaarTot',
      wat: `De looptijd van het inkoopkader (${inv.jaarVan}–${inv.jaarTot}) is ongeldig.`,
      actie: 'Het laatste jaar mag niet vóór het eerste jaar liggen.',
    });
  }
  if (!geheel(inv.aantalTeGunnen) || inv.aantalTeGunnen < 1) {
    fouten.push({
      waar: 'aantalTeGunnen',
      wat: `Het aantal te gunnen inschrijvingen (${inv.aantalTeGunnen}) moet een geheel getal van minstens 1 zijn.`,
      actie: 'Stel regionale_paragraaf.bestValue.verduidelijkingAantal in op 1 of meer.',
    });
  }
  if (!geheel(inv.aantalGerangschikt) || inv.aantalGerangschikt < 0) {
    fouten.push({
      waar: 'aantalGerangschikt',
      wat: `Het aantal gerangschikte inschrijvingen (${inv.aantalGerangschikt}) is ongeldig.`,
      actie: 'Bepaal de rangorde opnieuw.',
    });
  }
  if (inv.rang !== null && (!geheel(inv.rang) || inv.rang < 1 || inv.rang > inv.aantalGerangschikt)) {
    fouten.push({
      waar: 'rang',
      wat: `Rang ${inv.rang} ligt buiten 1..${inv.aantalGerangschikt}.`,
      actie: 'Bepaal de rangorde opnieuw.',
    });
  }
  if (fouten.length)
    throw new RegelFout(
      'best-value-uitkomst-invoer',
      `De invoer voor de best value-gunning is ongeldig: ${fouten.map((f) => `${f.waar}: ${f.wat}`).join('; ')}.`,
      fouten,
    );

  const n = inv.aantalTeGunnen;
  const beste =
    n === 1 ? 'alleen de beste inschrijving wordt gegund' : `alleen de beste ${n} inschrijvingen worden gegund`;
  const r: Reden[] = [];
  r.push({
    code: 'A1',
    regel: 'Inschrijving vóór de sluitingstermijn ontvangen',
    voldaan: inv.tijdigIngediend,
    toelichting: inv.tijdigIngediend
      ? 'De inschrijving is tijdig ontvangen.'
      : 'De inschrijving is niet (tijdig) ontvangen.',
  });
  r.push({
    code: 'vier-ogen',
    regel: 'Beoordeling vastgesteld door een tweede persoon (vier ogen)',
    voldaan: inv.vierOgenVastgesteld,
    toelichting: inv.vierOgenVastgesteld
      ? 'De beoordeling is door een tweede persoon vastgesteld.'
      : 'De beoordeling is niet door een tweede persoon vastgesteld.',
  });
  const ko = inv.knockOuts.length === 0;
  r.push({
    code: 'knock-out',
    regel: 'Voldoet aan alle knock-outcriteria',
    voldaan: ko,
    toelichting: ko
      ? 'Aan alle knock-outcriteria is voldaan.'
      : `Niet voldaan aan: ${inv.knockOuts.map((k) => `${k.code} ${k.tekst}`.trim()).join(', ')}.`,
  });
  const binnen = inv.rang !== null && inv.rang <= n;
  r.push({
    code: 'BV-rang',
    regel: `Beste prijs-kwaliteitverhouding: rang ten hoogste ${n} in de rangorde (Inkoopsafari – Verkenning van de praktijk van zorginkoop, §4.2)`,
    voldaan: binnen,
    toelichting:
      inv.rang === null
        ? `Geen rang in de rangorde (geen vastgestelde beoordeling of een knock-out); ${beste}.`
        : `Rang ${inv.rang} van ${inv.aantalGerangschikt}; ${beste}.`,
  });

  const gegund = inv.tijdigIngediend && inv.vierOgenVastgesteld && ko && binnen;
  const uitkomst: BestValueUitkomst = gegund ? 'bestvalue-overeenkomst' : 'geen-overeenkomst';
  const looptijd = inv.jaarTot - inv.jaarVan + 1;
  return {
    uitkomst,
    omschrijving: UITKOMST_TEKST[uitkomst],
    looptijdJaren: gegund ? looptijd : 0,
    opslagPercentage: '0.00',
    redenen: r,
    regel: BEST_VALUE_UITKOMST_REGEL,
  };
}
