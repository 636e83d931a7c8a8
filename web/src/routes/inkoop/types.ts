/** Shapes of the inkoop API: the server's named TypeBox shapes (src/inkoop/schemas.ts) where they exist. */
import type { EisView as Eis, KaderDetailT } from '../../../../src/inkoop/schemas.ts';
export type {
  Aftelling,
  KaderLijstItemT as KaderRij,
  TermijnView as Termijn,
  EisView as Eis,
  KaderStatusT as KaderStatus,
  VraagT as Vraag,
  NotaVanInlichtingenT as NvI,
  SjabloonT as Sjabloon,
} from '../../../../src/inkoop/schemas.ts';
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
/** A kader as the actor sees it, with the regional paragraph's shape spelled out for the pages. */
export type Kader = Omit<KaderDetailT, 'regionaleParagraaf'> & { regionaleParagraaf?: RegionaleParagraaf };
export type InschrijvingEis = Eis & {
  vanToepassingOpMij: boolean;
  antwoord: {
    waarde: unknown;
    toelichting: string | null;
    documentId: string | null;
    documentNaam: string | null;
  } | null;
};
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
  /** G1–G4 and 2008 contract conditions: not answered by the provider, shown read-only with their source */
  voorwaarden?: { code: string; groep: string; tekst: string; bron: string; toelichting: string }[];
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
