/** Shapes of the inkoop API (src/inkoop/*.ts). */
export interface Aftelling {
  deadline: string;
  deadlineLokaal: string;
  verstreken: boolean;
  resterendeSeconden: number;
  tekst: string;
}
export interface KaderRij {
  id: string;
  titel: string;
  zorgkantoorId: string;
  jaarVan: number;
  jaarTot: number;
  sector: string;
  regioCodes: string[];
  procedureType: string;
  fase: string;
  versie: number;
  deadline: string | null;
  deadlineLokaal: string | null;
  aftelling: Aftelling | null;
  inschrijvenOpen: boolean;
  vragenOpen: boolean;
  eigenInschrijving: { id: string; status: string } | null;
  aantalIngediend: number | null;
  nu: string;
}
export interface Termijn {
  fase: string;
  naam: string;
  begintOp: string | null;
  eindigtOp: string | null;
  begintLokaal: string | null;
  eindigtLokaal: string | null;
  omschrijving: string | null;
}
export interface Eis {
  id: string;
  code: string;
  groep: string;
  tekst: string;
  soort: string;
  vanToepassing: string[];
  bewijs: string | null;
  gewicht: string | null;
  schaalMin: string | null;
  schaalMax: string | null;
  verplicht: boolean;
  volgorde: number;
  bron: string | null;
}
export interface KaderStatus {
  nu: string;
  fase: string;
  toegestaneActies: string[];
  deadline: string | null;
  deadlineLokaal: string | null;
  aftelling: Aftelling | null;
  vragenOpen: boolean;
  inschrijvenOpen: boolean;
  verzegeld: boolean;
  /** concept and ingetrokken are null until the published deadline has passed (sealed) */
  aantallen: Record<string, number | null>;
}
/** The zorgkantoor's regional paragraph (src/domain/inkoop/regionale-paragraaf.ts); absent parts: published defaults apply. */
export interface RegionaleParagraaf {
  toelichting?: string;
  weging?: Record<string, string>;
  schaalStap?: string;
  tweejarigeVoorwaarden?: { code: string; omschrijving: string }[];
  bestValue?: { maxWoorden?: number; maxKpis?: number; verduidelijkingAantal?: number };
  basistarief?: { perLeveringsvorm?: Record<string, string>; perPrestatie?: Record<string, string> };
  opslagTabel?: { vanaf: string; opslag: string }[];
  opslagMomenten?: string[];
}
export interface Kader {
  id: string;
  versie: number;
  titel: string;
  jaarVan: number;
  jaarTot: number;
  sector: string;
  regioCodes: string[];
  procedureType: string;
  omschrijving: string | null;
  verzegeldVoorBeoordelaars: boolean;
  termijnen: Termijn[];
  eisen: Eis[];
  fase: string;
  eigenaar: boolean;
  gepubliceerdeVersie: number | null;
  ongepubliceerdeWijzigingen: boolean;
  status: KaderStatus;
  /** older published versions may lack it */
  regionaleParagraaf?: RegionaleParagraaf;
}
export interface Vraag {
  id: string;
  onderwerp: string | null;
  eisCode: string | null;
  tekst: string;
  gesteldOp: string;
  antwoord: string | null;
  nviVersie: number | null;
  organisatieNaam: string | null;
}
export interface NvI {
  versie: number;
  sha256: string;
  gepubliceerdOp: string;
  regels: { nummer: number; onderwerp: string | null; eisCode: string | null; vraag: string; antwoord: string }[];
}
export interface Sjabloon {
  id: string;
  naam: string;
  procedureType: string;
  bron: string;
  /** the values the product chose where the source is silent, each with its reason */
  keuzes?: { onderwerp: string; bron: string }[];
  themas?: { code: string; naam: string }[];
}
export interface InschrijvingEis extends Eis {
  vanToepassingOpMij: boolean;
  antwoord: {
    waarde: unknown;
    toelichting: string | null;
    documentId: string | null;
    documentNaam: string | null;
  } | null;
}
export interface Inschrijving {
  id: string;
  kaderId: string;
  kaderTitel: string;
  organisatieNaam: string;
  status: 'concept' | 'ingediend' | 'ingetrokken';
  ingediendOp: string | null;
  ontvangstHash: string | null;
  ontvangst: { hash: string; ingediendOpLokaal: string } | null;
  deadline: string | null;
  wijzigbaar: boolean;
  nu: string;
  voorDeadline: boolean;
  ontwikkelplanBewerkbaar: boolean;
  classificatie: {
    klasse: string;
    klasseNaam: string;
    regios: { regioCode: string; klasse: string; klasseNaam: string; reden: string }[];
  };
  eisen: InschrijvingEis[];
  ontbreekt: { waar?: string; wat: string }[];
  documenten: { id: string; naam: string; grootte: number; sha256: string; doel: string; eisCode: string | null }[];
  zelfanalyse: {
    themaCode: string;
    huidigeAanpak: string | null;
    sterktes: string | null;
    ontwikkelpunten: string | null;
    ervaringClient: string | null;
    inOntwikkelplan: boolean;
  }[];
  ontwikkelplan: Record<string, any> | null;
  /** before submitting: a toetredingseis answered "nee", a careless zelfanalyse, no cliëntenraad (never a stop) */
  waarschuwingen?: { code: string; wat: string }[];
}
