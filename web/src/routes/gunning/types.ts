import type { RangordeKop, RangVelden, Voorstel } from '../bestvalue/types.ts';

export interface Reden {
  code: string;
  regel: string;
  voldaan: boolean;
  toelichting: string;
}
export interface Bezwaar {
  id: string;
  tekst: string;
  status: string;
  besluit: string | null;
  ingediendOp: string;
  verwerkt: boolean;
}
export interface Gunning {
  id: string;
  inschrijvingId: string;
  kaderId: string;
  kaderTitel: string;
  aanbiederId: string;
  aanbiederNaam: string;
  soort: 'voorlopig' | 'definitief';
  uitkomst: string;
  omschrijving: string;
  looptijdJaren: number;
  opslagPercentage: string;
  redenen: Reden[];
  beslotenOp: string;
  bezwaarTot: string | null;
  bezwaarOpen: boolean;
  briefDocumentId: string | null;
  bezwaren: Bezwaar[];
  overeenkomst: {
    id: string;
    status: string;
    ingangsdatum: string;
    einddatum: string;
    documentId: string | null;
    nviVersie: number | null;
    geaccepteerdOp: string | null;
  } | null;
}
export interface KaderKort {
  id: string;
  titel: string;
  fase: string;
  jaarVan: number;
  sector: string;
  aantalIngediend: number | null;
}
export interface Overzicht {
  kaderId: string;
  titel: string;
  fase: string;
  ontzegeld: boolean;
  aantalIngediend: number;
  inschrijvingen: ({
    inschrijvingId: string;
    aanbiederId: string;
    aanbiederNaam: string;
    ingediendOp: string | null;
    beoordeling: string;
    totaalscore: string | null;
    knockOut: string | null;
    gunning: { id: string; soort: string; uitkomst: string } | null;
  } & RangVelden)[];
  /** best value kaders: the ranking rule (src/inkoop/bestvalue) */
  bestValue?: RangordeKop;
}
export interface Detail {
  inschrijvingId: string;
  kaderId: string;
  kaderTitel: string;
  aanbiederId: string;
  aanbiederNaam: string;
  criteria: {
    code: string;
    naam: string;
    soort: 'knock-out' | 'gewogen';
    gewicht: string | null;
    schaalMin: string | null;
    schaalMax: string | null;
    groep?: string;
    bron?: string | null;
    /** a toetredingseis judged from the answer itself (yes/no) */
    automatisch?: { voldaan: boolean; toelichting: string } | null;
  }[];
  regionaleVoorwaarden: { code: string; omschrijving: string; soort: string | null }[];
  antwoorden: { code: string; tekst: string; waarde: unknown; toelichting: string | null }[];
  scores: {
    criteriumCode: string;
    beoordelaarId: string;
    beoordelaarNaam: string;
    score: string | null;
    voldaan: boolean | null;
    motivatie: string;
  }[];
  besluit: {
    id: string;
    status: string;
    totaalscore: string | null;
    knockOut: string | null;
    beoordelaarId: string;
    beoordelaarNaam: string | null;
    beslisserId: string | null;
    beslisserNaam: string | null;
    motivatie: string | null;
    besluitenOp: string | null;
  } | null;
  /** best value kaders: the provider's proposal and own KPIs */
  bestValue?: Voorstel | null;
  /** read-only conditions with their source (2016 two-year conditions, 2008 contract terms) */
  voorwaarden?: {
    tweejarig: {
      code: string;
      regel: string;
      voldaan: boolean;
      toelichting: string;
      bron: string;
      gebruikt?: Record<string, unknown>;
    }[];
    gunningsvoorwaarden: { code: string; tekst: string; bron: string; toelichting: string }[];
    toelichting: string;
  };
  ontwikkelplan?: {
    status: string | null;
    akkoord: boolean;
    zelfanalyseZorgvuldig: boolean;
    zelfanalyseOntbreekt: string[];
    clientenraadBetrokken: boolean;
    teruggestuurdReden: string | null;
  } | null;
  opslagVoorstel?: { opslag: string; tabelMaximum: string; toelichting: string } | null;
}
