export interface Reden {
  code: string;
  tekst: string;
  voldaan: boolean;
  toelichting: string;
}
export interface Overeenkomst {
  id: string;
  soort: string;
  status: string;
  ingangsdatum: string;
  einddatum: string;
  documentId: string | null;
  geaccepteerdOp: string | null;
}
export interface Toelating {
  id: string;
  ronde: number;
  besluit: 'toegelaten' | 'afgewezen';
  redenen: Reden[];
  nietVoldaan: { code: string; tekst: string }[];
  regel: string;
  motivatie: string | null;
  beslotenOp: string;
  beslotenDoor: string | null;
  briefDocumentId: string | null;
  heraangemeldOp: string | null;
  overeenkomst: Overeenkomst | null;
}
export type Toestand = 'concept' | 'in_behandeling' | 'toegelaten' | 'afgewezen' | 'ingetrokken';
export interface AanbiederRij {
  inschrijvingId: string;
  aanbiederId: string;
  aanbiederNaam: string;
  inschrijvingStatus: string;
  ingediendOp: string | null;
  beoordeling: { status: string; knockOut: string | null; vierOgen: boolean; verouderd: boolean };
  toestand: Toestand;
  verwachtBesluit: 'toegelaten' | 'afgewezen' | null;
  kanVastleggen: boolean;
  toelating: Toelating | null;
  eerdere: Toelating[];
}
export interface KaderOverzicht {
  kaderId: string;
  titel: string;
  fase: string;
  jaarVan: number;
  jaarTot: number;
  toelatingOpen: boolean;
  ontzegeld: boolean;
  regel: string;
  aanbieders: AanbiederRij[];
}
export interface MijnToelating {
  inschrijvingId: string;
  kaderId: string;
  kaderTitel: string;
  zorgkantoorNaam: string;
  jaarVan: number;
  jaarTot: number;
  fase: string;
  inschrijvingStatus: string;
  ingediendOp: string | null;
  toestand: Toestand;
  heraanmeldenMogelijk: boolean;
  toelating: Toelating | null;
  eerdere: Toelating[];
}
export interface KaderKort {
  id: string;
  titel: string;
  procedureType: string;
  fase: string;
  jaarVan: number;
  jaarTot: number;
  sector: string;
  regioCodes: string[];
  aantalIngediend: number | null;
}
