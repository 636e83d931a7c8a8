/**
 * Types of the allocation engine (issue 11, "Contracteerruimte en productieafspraken"): the
 * scenario as it arrives (JSON, amounts as strings) and the outcome as it leaves (JSON, amounts as
 * strings with two decimals). Pure types: no I/O, used by the engine, the CLI and the API.
 */

export type VerdelingsModel = 'Q' | 'P' | 'toekenning';
export type BijTekort = 'melden' | 'prorata';

/** A decimal as text ("4000000.00", "8", "92.5"); JSON numbers are accepted by the validator too. */
export type DecimaalTekst = string;

export interface PrestatieInvoer {
  code: string;
  /** NZa maximum tariff per unit, euros */
  maxTarief: DecimaalTekst;
  /** units (days, hours, …) expected to follow client choice */
  volume: DecimaalTekst;
}

export interface AanbiederInvoer {
  id: string;
  /** realised production last year, euros (Q, toekenning: the reference volume) */
  realisatieVorigJaar?: DecimaalTekst;
  /** score on the gunningscriteria (Q, P); higher is better, ≥ 0 */
  score?: DecimaalTekst;
  /** maximum total agreement, euros (Q, toekenning) */
  plafond?: DecimaalTekst | null;
  /** expected volume per prestatie (P) */
  prestaties?: PrestatieInvoer[];
  /** optional display name */
  naam?: string;
  /**
   * Q: popularity from the cliëntstroom (clients waiting for this provider per place, ≥ 0); used
   * only with `populariteitFactor`, and counted up to 1 (see docs/formaten/verdeling.md)
   */
  populariteit?: DecimaalTekst;
}

export interface PrijsTrap {
  vanafScore: DecimaalTekst;
  percentage: DecimaalTekst;
}

export interface VerdelingScenario {
  model: VerdelingsModel;
  jaar: number;
  regio: string;
  contracteerruimte: DecimaalTekst;
  reserve?: DecimaalTekst;
  /** Q: floor as a percentage of last year's realisation (default 90) */
  vloerPercentage?: DecimaalTekst;
  /** Q: what to do when the floors do not fit (default "melden") */
  bijTekort?: BijTekort;
  /** toekenning: share of the reference volume fixed in the initial agreement */
  toekenningspercentage?: DecimaalTekst;
  /** P: price as a percentage of the NZa maximum tariff for every provider */
  startPercentage?: DecimaalTekst;
  /** P: higher price percentages from a score upward */
  prijsTrappen?: PrijsTrap[];
  /**
   * Q: how strongly popularity raises a provider's weight in the selective part, 0…1: weight =
   * score × realisatie × (1 + factor × min(populariteit, 1)). Absent or 0: popularity plays no part.
   */
  populariteitFactor?: DecimaalTekst;
  aanbieders: AanbiederInvoer[];
  /** free text (e.g. "voorbeeld, geen echte bedragen"); ignored by the engine */
  toelichting?: string;
}

export type Status = 'opgelost' | 'prorata' | 'onhaalbaar' | 'tekort';
export type Bindend = 'vloer' | 'plafond' | 'budget' | 'toekenningspercentage' | 'prijstrap' | 'startpercentage';

export interface PrestatieUitkomst {
  code: string;
  volume: string;
  maxTarief: string;
  percentage: string;
  bedrag: string;
}

export interface Afspraak {
  aanbieder: string;
  /** the production agreement, euros with two decimals */
  bedrag: string;
  /** which bounds determine the amount */
  bindend: Bindend[];
  /** why, in Dutch */
  uitleg: string;
  /** Q: the continuity floor (after rounding to cents) */
  vloer?: string;
  /** Q, toekenning: the cap given in the scenario, or null */
  plafond?: string | null;
  /** Q, P: the score */
  score?: string;
  /** Q, toekenning: the agreement as a percentage of last year's realisation (null when that is 0) */
  percentageVanRealisatie?: string | null;
  /** P: price percentage of the NZa maximum tariff */
  percentage?: string;
  /** P: the amount per prestatie */
  prestaties?: PrestatieUitkomst[];
  /** Q with populariteitFactor: the popularity counted (after the bound of 1) */
  populariteit?: string;
  /** Q with populariteitFactor: the weight multiplier 1 + factor × populariteit */
  populariteitGewicht?: string;
  /** scenario route: the cliëntstroom signal the popularity came from */
  signaal?: { wachtend: number; voorkeur: number; capaciteit: number };
}

export interface Conflict {
  /** the constraints that cannot hold together, e.g. ["budget", "vloer A", "vloer B"] */
  beperkingen: string[];
  /** by how much they conflict, euros */
  bedrag: string;
  uitleg: string;
}

export interface VerdelingUitkomst {
  status: Status;
  model: VerdelingsModel;
  jaar: number;
  regio: string;
  contracteerruimte: string;
  reserve: string;
  /** sum of the agreements */
  totaal: string;
  /** what the agreements leave of the contracteerruimte (including the reserve); for the herschikking */
  pool: string;
  /** Q: contracteerruimte − reserve − Σ floors, the part allocated selectively by score */
  selectiefDeel?: string;
  /** Q: percentage of realisation per score point above the floor (the proportionality factor) */
  procentPerScorepunt?: string;
  /** toekenning: the percentage actually applied (lower than asked when the budget binds) */
  effectiefPercentage?: string;
  /** P: total − contracteerruimte when positive, else "0.00" */
  tekortBedrag?: string;
  /** onhaalbaar: the constraints in conflict */
  conflicten?: Conflict[];
  afspraken: Afspraak[];
}

/** A field error: where (field path), what is wrong, what to do. Same shape as the platform's Fout. */
export interface VeldFout {
  waar: string;
  wat: string;
  actie?: string;
}
