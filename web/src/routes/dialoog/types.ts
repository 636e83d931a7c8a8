/** Shapes of the inkoop API used by these pages (src/inkoop/inschrijving.ts, src/inkoop/capability.ts). */
export interface Klassering {
  regioCode: string;
  klasse: string;
  klasseNaam: string;
  reden: string;
}
export interface Classificatie {
  klasse: string;
  klasseNaam: string;
  regios: Klassering[];
}

/** GET /inkoop/kaders/:id/inschrijvingen (zorgkantoor, after the deadline). */
export interface IngediendeInschrijving {
  id: string;
  organisatieId: string;
  organisatieNaam: string;
  status: string;
  ingediendOp: string | null;
  ontvangstHash: string | null;
  kaderVersie: number | null;
  classificatie: Classificatie;
}

/** The part of GET /inkoop/kaders/:id these pages use. */
export interface KaderKop {
  id: string;
  titel: string;
  eigenaar: boolean;
  fase: string;
  status?: { deadline: string | null; verzegeld: boolean };
}

/** The part of GET /inkoop/inschrijvingen/:id these pages use. */
export interface InschrijvingKop {
  id: string;
  kaderId: string;
  kaderTitel: string;
  organisatieNaam: string;
  status: string;
  classificatie: Classificatie;
}

export interface Deelnemer {
  naam: string;
  rol?: string;
  organisatie?: string;
}
/** GET /inkoop/inschrijvingen/:id/dialoog */
export interface Dialooggesprek {
  id: string;
  datum: string;
  deelnemers: Deelnemer[];
  onderwerpen: string[];
  verslag: string | null;
}
