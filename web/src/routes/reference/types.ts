/** API shapes of the reference capability (src/reference/capability.ts). Amounts are decimal strings. */
export interface Regio {
  code: string;
  naam: string;
  actief: boolean;
  opmerking: string | null;
  zorgkantoorId: string | null;
  zorgkantoorNaam: string | null;
  indelingIsVoorbeeld: boolean;
  aantalAanbieders: number;
  aantalLocaties: number;
}

export interface Bedragen {
  regels: number;
  volume: string;
  bedrag: string;
}
export interface Realisatie {
  regels: number;
  maanden: number;
  volume: string;
  bedrag: string;
}

export interface Locatie {
  id: string;
  naam: string;
  adres?: string | null;
  postcode?: string | null;
  plaats: string | null;
  regioCode: string;
  sectoren: string[];
  leveringsvormen: string[];
  capaciteit: number | null;
  inspectieStatus: string;
}

/** GET /aanbieders/:id */
export interface Aanbieder {
  id: string;
  naam: string;
  agb: string | null;
  kvk: string | null;
  locaties: Locatie[];
  jaren?: { jaar: number; regios: string[]; productieafspraken: Bedragen; realisatie: Realisatie }[];
}

/** One row of GET /aanbieders */
export interface AanbiederRij {
  id: string;
  naam: string;
  agb: string | null;
  regios: string[];
  aantalLocaties: number;
  sectoren: string[];
  verscherptToezicht: boolean;
}
/** GET /aanbieders?regio&zoek&pagina&jaar — paged on the server */
export interface AanbiederPagina {
  pagina: number;
  perPagina: number;
  totaal: number;
  zicht: string;
  items: AanbiederRij[];
}

export type Inzage = 'volledig' | 'eigen-aanbieder' | 'beperkt';

/** GET /regios/:code?jaar */
export interface RegioDetail {
  code: string;
  naam: string;
  actief: boolean;
  opmerking: string | null;
  bron: string;
  jaar: number;
  inzage: Inzage;
  concessie: {
    zorgkantoorId: string;
    zorgkantoorNaam: string;
    voorbeeld: boolean;
    bron: string;
    gewijzigdOp: string | null;
  } | null;
  aanbieders: {
    id: string;
    naam: string;
    aantalLocaties: number;
    capaciteit: number;
    sectoren: string[];
    verscherptToezicht: boolean;
  }[];
  totalen: { productieafspraken: Bedragen; realisatie: Realisatie } | null;
}
