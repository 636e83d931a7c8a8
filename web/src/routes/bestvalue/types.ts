/** Shapes of the best value API (src/inkoop/bestvalue/). Numbers and amounts are exact decimal strings. */
export type Richting = 'hoger_is_beter' | 'lager_is_beter' | 'handhaven';
export const RICHTINGEN: Richting[] = ['hoger_is_beter', 'lager_is_beter', 'handhaven'];

export interface Kpi {
  id: string;
  volgnummer: number;
  naam: string;
  omschrijving: string | null;
  eenheid: string;
  nulmeting: string;
  streefwaarde: string;
  richting: Richting;
  meetmethode: string;
  meetmoment: string | null;
  bron: string | null;
  afgesproken: boolean;
  afgesprokenOp: string | null;
}
/** The proposal as the assessment view shows it (beoordelingDetail.bestValue). */
export interface Voorstel {
  voorstel: string | null;
  kansen: string | null;
  risicos: string | null;
  aangebodenPrijs: string | null;
  prijsToelichting: string | null;
  voorwaarden: string | null;
  woorden: number;
  gewijzigdOp: string | null;
  kpis: Kpi[];
}
export interface BestValue extends Voorstel {
  inschrijvingId: string;
  kaderId: string;
  status: string;
  wijzigbaar: boolean;
  instellingen: { maxWoorden: number; maxKpis: number; verduidelijkingAantal: number; bron: string };
  ontbreekt: { waar?: string; wat: string; actie?: string }[];
}
/** Extra fields of the assessment overview rows for a best value kader. */
export interface RangVelden {
  rang?: number | null;
  aangebodenPrijs?: string | null;
  verduidelijking?: boolean;
}
export interface RangordeKop {
  regel: string;
  uitleg: string;
  verduidelijkingAantal: number;
  verduidelijkingsfase: boolean;
}
