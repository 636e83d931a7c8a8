/** Shapes of the inkoop API: the server's named TypeBox shapes (src/inkoop/schemas.ts) where they exist. */
import type { InschrijvingT, KaderDetailT } from '../../../../src/inkoop/schemas.ts';
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
  /** G5, each with the kind the decision table computes (src/domain/inkoop/regionale-voorwaarden.ts); no kind: stored before kinds existed */
  tweejarigeVoorwaarden?: {
    code: string;
    omschrijving: string;
    soort?: 'klasse' | 'geen-signalen' | 'contractjaren';
    klassen?: string[];
    signaalSoorten?: string[];
    jaren?: number;
  }[];
  bestValue?: { maxWoorden?: number; maxKpis?: number; verduidelijkingAantal?: number };
  basistarief?: { perLeveringsvorm?: Record<string, string>; perPrestatie?: Record<string, string> };
  opslagTabel?: { vanaf: string; opslag: string }[];
  opslagMomenten?: string[];
}
/** A kader as the actor sees it, with the regional paragraph's shape spelled out for the pages. */
export type Kader = Omit<KaderDetailT, 'regionaleParagraaf'> & { regionaleParagraaf?: RegionaleParagraaf };
export type Inschrijving = InschrijvingT;
export type InschrijvingEis = InschrijvingT['eisen'][number];
