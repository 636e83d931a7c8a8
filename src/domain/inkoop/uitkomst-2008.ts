/**
 * The award of a kader after the Kader zorginkoop 2008 (ZN en zorgkantoren), §3.4 "Selectie van
 * zorgaanbieders": "De geschiktheideisen bepalen óf een contract wordt aangegaan". The gate is Kader
 * 3.1 (geschiktheidseisen and uitsluitingsgronden); the algemene gunningsvoorwaarden of Kader 3.2
 * "zijn onderdeel van de overeenkomst": terms of the contract, never a reason to refuse one. The 2016
 * decision table (basistarief, ontwikkelplan, opslag, two-year conditions) does not apply.
 *
 * Keuze van het product: the 2008 framework names no contract term; the contract runs for the kader's
 * period (jaarVan–jaarTot), as the zorgkantoor published it. Pure.
 */
import { UITKOMST_TEKST, type Reden } from './uitkomst.ts';

export const UITKOMST_2008_REGEL =
  'kader-zorginkoop-2008 §3.4 geschiktheid (Kader 3.1 poort, Kader 3.2 in de overeenkomst) v1';
export const BRON_GESCHIKTHEID_2008 = 'Kader zorginkoop 2008, §3.4 Selectie van zorgaanbieders';

export interface Uitkomst2008Invoer {
  /** received before the submission deadline */
  tijdigIngediend: boolean;
  /** the Kader 3.1 requirements that were not met ("CODE tekst"); empty = the gate is passed */
  nietVoldaneEisen: string[];
  /** codes of the Kader 3.2 algemene gunningsvoorwaarden that go into the contract */
  gunningsvoorwaarden: string[];
  jaarVan: number;
  jaarTot: number;
}

export interface Uitkomst2008 {
  uitkomst: 'geen-overeenkomst' | 'overeenkomst-2008';
  omschrijving: string;
  looptijdJaren: number;
  opslagPercentage: '0.00';
  redenen: Reden[];
  regel: string;
}

export function bepaalUitkomst2008(inv: Uitkomst2008Invoer): Uitkomst2008 {
  const poort = inv.nietVoldaneEisen.length === 0;
  const redenen: Reden[] = [
    {
      code: 'A1',
      regel: 'Inschrijving tijdig ingediend',
      voldaan: inv.tijdigIngediend,
      toelichting: inv.tijdigIngediend
        ? 'De inschrijving is voor de sluitingstermijn ingediend.'
        : 'De inschrijving is niet voor de sluitingstermijn ingediend.',
    },
    {
      code: 'A-geschiktheid',
      regel: `Voldaan aan de geschiktheidseisen en geen uitsluitingsgrond (Kader 3.1; ${BRON_GESCHIKTHEID_2008}: "De geschiktheideisen bepalen óf een contract wordt aangegaan")`,
      voldaan: poort,
      toelichting: poort
        ? 'Aan alle geschiktheidseisen is voldaan en geen uitsluitingsgrond is van toepassing.'
        : `Niet voldaan aan: ${inv.nietVoldaneEisen.join(', ')}.`,
    },
  ];
  if (inv.gunningsvoorwaarden.length)
    redenen.push({
      code: 'V-3.2',
      regel: `Algemene gunningsvoorwaarden (Kader 3.2; ${BRON_GESCHIKTHEID_2008}: "Die voorwaarden zijn onderdeel van de overeenkomst")`,
      voldaan: true,
      toelichting: `Geen knock-out: ${inv.gunningsvoorwaarden.join(', ')} ${inv.gunningsvoorwaarden.length === 1 ? 'is' : 'zijn'} onderdeel van de overeenkomst.`,
    });
  const uitkomst = inv.tijdigIngediend && poort ? 'overeenkomst-2008' : 'geen-overeenkomst';
  return {
    uitkomst,
    omschrijving: UITKOMST_TEKST[uitkomst],
    looptijdJaren: uitkomst === 'geen-overeenkomst' ? 0 : inv.jaarTot - inv.jaarVan + 1,
    opslagPercentage: '0.00',
    redenen,
    regel: UITKOMST_2008_REGEL,
  };
}
