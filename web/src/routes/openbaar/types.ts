/** Shapes of the public API (src/openbaar/capability.ts). */
export interface Aftelling {
  deadline: string;
  deadlineLokaal: string;
  verstreken: boolean;
  resterendeSeconden: number;
  tekst: string;
}
export interface Naam {
  code: string;
  naam: string;
}
export interface KaderKop {
  id: string;
  titel: string;
  zorgkantoor: { id: string; naam: string };
  jaarVan: number;
  jaarTot: number;
  sector: { code: string; naam: string; naamEn: string };
  regios: Naam[];
  procedure: { type: string; naam: string; naamEn: string; bron: string };
  fase: string;
  faseNaam: string;
  gepubliceerdeVersie: number;
  eerstGepubliceerdOp: string;
  deadline: string | null;
  deadlineLokaal: string | null;
  aftelling: Aftelling | null;
}
export interface Lijst {
  nu: string;
  aantal: number;
  kaders: (KaderKop & { versieGepubliceerdOp: string })[];
  keuzes: {
    jaren: number[];
    sectoren: { code: string; naam: string; naamEn: string }[];
    regios: Naam[];
    zorgkantoren: { id: string; naam: string }[];
  };
}
export interface Eis {
  code: string;
  groep: string;
  tekst: string;
  soort: string;
  vanToepassing?: string[];
  bewijs?: string | null;
  gewicht?: string | null;
  schaalMin?: string | null;
  schaalMax?: string | null;
  verplicht?: boolean;
  volgorde?: number;
  bron: string | null;
}
export interface Termijn {
  fase: string;
  naam: string;
  naamEn: string;
  begintOp: string | null;
  eindigtOp: string | null;
  begintLokaal: string | null;
  eindigtLokaal: string | null;
  omschrijving: string | null;
  verstreken: boolean;
  aftelling: Aftelling | null;
}
export interface Snapshot {
  id: string;
  versie: number;
  titel: string;
  omschrijving: string | null;
  jaarVan: number;
  jaarTot: number;
  sector: string;
  regioCodes: string[];
  procedureType: string;
  regionaleParagraaf?: Record<string, unknown> | null;
  eisen: Eis[];
  [k: string]: unknown;
}
export interface NvIRegel {
  nummer: number;
  onderwerp: string | null;
  eisCode: string | null;
  vraag: string;
  antwoord: string;
}
export interface Detail extends KaderKop {
  nu: string;
  tijdzone: string;
  versie: number;
  actueel: boolean;
  sha256: string;
  gepubliceerdOp: string;
  wijzigingen: string | null;
  tijdlijn: Termijn[];
  gepubliceerd: Snapshot;
  versies: { versie: number; sha256: string; gepubliceerdOp: string; wijzigingen: string | null }[];
  notasVanInlichtingen: { versie: number; sha256: string; gepubliceerdOp: string; regels: NvIRegel[] }[];
}
