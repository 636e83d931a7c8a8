import type {
  NacalculatieOut,
  NacalculatieRegelOut,
  NacalculatiesOut,
  OpslagOordeelOut,
} from '../../../../src/realisatie/nacalculatie/schemas.ts';
/** Shapes of the realisatie API (src/realisatie/schemas.ts). Amounts are decimal strings. */
export type Signaal = 'overproductie' | 'onderproductie' | 'afspraak-overschreden' | 'binnen';
export interface Monitor {
  jaar: number;
  regio: string;
  totMaand: number;
  aanbieders: {
    aanbieder: string;
    soort: Signaal;
    afspraak: string;
    gerealiseerd: string;
    prognose: string;
    afwijking: string | null;
    uitleg: string;
  }[];
  totaal: { afspraak: string; gerealiseerd: string; prognose: string } | null;
}
export interface RondeRegel {
  aanbieder: string;
  naam: string;
  afspraak: string;
  gerealiseerd: string;
  prognose: string;
  prioriteit: number;
  /** why this priority: the zorgkantoor's policy, the waiting list, or the purchaser */
  prioriteitUitleg: string[];
  voorgesteld: string;
  na: string;
  verschil: string;
  toegepast: string | null;
  toelichting: string | null;
  /** the highest agreement after the round the purchaser gave (then HiGHS solves the proposal) */
  maximum: string | null;
  maximumBron: 'budgetplafond' | 'capaciteit' | 'inkoper' | null;
  maximumUitleg: string | null;
  maximumBindt: boolean;
  /** the tariff opslag proposed for this herschikking; toegekend after the decision */
  opslag: { percentage: string; motivatie: string | null; toegekend: string | null } | null;
}
export interface Ronde {
  id: string;
  regio: string;
  jaar: number;
  sector: string;
  volgnummer: number;
  peilmaand: number;
  status: 'voorgesteld' | 'besloten' | 'afgewezen';
  regels: RondeRegel[];
  pool: { voor: string; na: string } | null;
  toelichting: string | null;
  uitleg: string[];
  regel: string;
  aangemaakt: { door: string; op: string };
  aangepast: { door: string; op: string } | null;
  besluit: { door: string; op: string; toelichting: string | null } | null;
}
export interface Rondes {
  jaar: number;
  rondesPerJaar: number | null;
  rondes: Ronde[];
}
export interface Uitputting {
  jaar: number;
  regio: string;
  totMaand: number;
  contracteerruimte: string;
  voorbeeld: boolean;
  afgesproken: string;
  gerealiseerd: string;
  prognose: string;
  afgesprokenPct: string | null;
  gerealiseerdPct: string | null;
  prognosePct: string | null;
  uitgeputInMaand: number | null;
  signaal: 'binnen' | 'krap' | 'overschrijding' | null;
  uitleg: string;
  aanbieders: number;
  eigen: { afspraak: string; gerealiseerd: string; prognose: string; signaal: string } | null;
  bronnen: string[];
}
export interface Berichten {
  jaar: number;
  berichten: {
    id: string;
    rondeId: string;
    regio: string;
    sector: string;
    voor: string;
    na: string;
    tekst: string;
    op: string;
  }[];
}

// The nacalculatie shapes are the API's own TypeBox schemas (one declaration, as the inkoop pages do).
export type OverproductieRegel = NacalculatieOut['regel'];
export type NacalculatieRegel = NacalculatieRegelOut;
export type Nacalculatie = NacalculatieOut;
export type Nacalculaties = NacalculatiesOut;
export type OpslagOordeel = OpslagOordeelOut;
