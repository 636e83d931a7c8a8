export type SignaalSoort = 'verscherpt_toezicht' | 'fraudeonderzoek' | 'fraude_vastgesteld';
export const SIGNAAL_SOORTEN: SignaalSoort[] = ['verscherpt_toezicht', 'fraudeonderzoek', 'fraude_vastgesteld'];
export type ContractRol = 'onderaannemer' | 'zzp_pilot' | 'pgb';
export const CONTRACT_ROLLEN: ContractRol[] = ['onderaannemer', 'zzp_pilot', 'pgb'];

export interface Signaal {
  id: string;
  zorgkantoorId: string;
  zorgkantoorNaam: string;
  aanbiederId: string;
  aanbiederNaam: string;
  locatieId: string | null;
  locatieNaam: string | null;
  soort: SignaalSoort;
  omschrijving: string;
  bron: string;
  datumVan: string;
  datumTot: string | null;
  actief: boolean;
  vastgelegdDoor: string;
  vastgelegdOp: string;
  gewijzigdOp: string | null;
  ingetrokkenOp: string | null;
  ingetrokkenDoor: string | null;
  intrekkingsreden: string | null;
}

export interface ContractRelatie {
  id: string;
  zorgkantoorId: string;
  zorgkantoorNaam: string;
  aanbiederId: string;
  aanbiederNaam: string;
  jaar: number;
  regioCode: string;
  sector: string;
  rol: ContractRol;
  hoofdaannemerId: string | null;
  hoofdaannemerNaam: string | null;
  bron: string;
  vastgelegdDoor: string;
  vastgelegdOp: string;
  ingetrokkenOp: string | null;
  intrekkingsreden: string | null;
}

export interface AanbiederKort {
  id: string;
  naam: string;
  agb: string | null;
  regios: string[];
}
export interface AanbiederLijst {
  pagina: number;
  perPagina: number;
  totaal: number;
  items: AanbiederKort[];
}
export interface AanbiederDetail {
  id: string;
  naam: string;
  locaties: { id: string; naam: string; plaats: string | null; regioCode: string; inspectieStatus: string }[];
}
export interface RegioKort {
  code: string;
  naam: string;
}
