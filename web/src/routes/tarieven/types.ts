/** Shapes of the /api/v1/tarieven answers (see src/tarieven/capability.ts). Decimals are strings. */
export type Zekerheid = 'H' | 'M' | 'L';
export type Leveringsvorm = 'verblijf' | 'vpt' | 'mpt';
export const LEVERINGSVORMEN: Leveringsvorm[] = ['verblijf', 'vpt', 'mpt'];

export interface SpoorStap {
  regel: string;
  effect: string;
  bron: string;
  omschrijving?: string;
  zekerheid?: Zekerheid;
  eenheidAangenomen?: boolean;
  na?: string;
  document?: string;
}

export interface VergelijkResultaat {
  zorgkantoor: string;
  zorgkantoorId: string | null;
  percentage: string | null;
  status: 'bepaald' | 'onbepaald';
  bandbreedte: { van: string | null; tot: string | null };
  redenen: string[];
  uitgesloten: boolean;
  verschilMetBasis: string | null;
  uitleg: string;
  laagsteZekerheid: Zekerheid;
  eenheidAangenomen: boolean;
  beleidId: string;
  beleidVersie: string;
  spoor: SpoorStap[];
}
export interface Vergelijking {
  jaar: number;
  sector: string;
  leveringsvorm: string;
  resultaten: VergelijkResultaat[];
  verschillen: string[];
}

export interface WatAlsResultaat {
  zorgkantoor: string;
  voor: { percentage: string | null; status: string };
  na: { percentage: string | null; status: string };
  verschil: string | null;
  uitleg: string;
  spoorNa: SpoorStap[];
}
export interface WatAls {
  resultaten: WatAlsResultaat[];
}

export interface Bron {
  citaat: string;
  document: string;
  vindplaats?: string;
}
export interface Effect {
  op: string;
  waarde?: string;
  van?: string;
  tot?: string;
  eenheid?: string;
  richting?: string;
  kenmerk?: string;
}
export interface Regel {
  id: string;
  omschrijving: string;
  als?: unknown;
  effect: Effect;
  eenheidAangenomen?: boolean;
  bron: Bron;
  zekerheid: Zekerheid;
  toelichting?: string;
  reden?: string;
  volgorde?: number;
  na?: string[];
  groep?: string;
}
export interface Beleid {
  id: string;
  zorgkantoor: string;
  zorgkantoorId: string | null;
  jaar: number;
  sector: string;
  titel: string;
  soort: string;
  bron: { document: string; peildatum?: string; toelichting?: string };
  basis: {
    regel: string;
    omschrijving: string;
    waarde: string;
    bron: Bron;
    zekerheid: Zekerheid;
    toelichting?: string;
  };
  nhcNic: { percentage: string | null; toelichting: string };
  regels: Regel[];
  randvoorwaarden?: { id: string; omschrijving: string; bron: Bron; zekerheid: Zekerheid }[];
  /** the longest contract a new provider gets at the award (DSW 2024–2026: one year) */
  looptijdNieuweAanbieder?: {
    jaren: number;
    inkoopperiode: { van: number; tot: number };
    bron: Bron;
    zekerheid: Zekerheid;
    toelichting?: string;
  };
}
export interface BeleidOverzicht {
  zorgkantoor: string;
  zorgkantoorId: string | null;
  jaar: number;
  sector: string;
  versie: string;
  versieNummer: number;
  beleid: Beleid;
}

export interface BeleidVersie {
  id: string;
  jaar: number;
  sector: string;
  versie: number;
  status: string;
  toelichting: string | null;
  gebaseerdOp: string;
  aangemaaktDoor: string;
  aangemaaktOp: string;
  gepubliceerdDoor: string | null;
  gepubliceerdOp: string | null;
  beleid: Beleid;
}
export interface ValideerFout {
  waar: string;
  wat: string;
  actie?: string;
  regel?: string;
}
export interface VoorbeeldRegel {
  aanbiederId: string;
  naam: string;
  leveringsvorm: string;
  huidig: string | null;
  huidigStatus: string;
  nieuw: string | null;
  nieuwStatus: string;
  verschil: string | null;
}
export interface Validatie {
  geldig: boolean;
  fouten: ValideerFout[];
  voorbeeld: VoorbeeldRegel[];
}

export interface BerekendTarief {
  zorgkantoorId: string;
  prestatie: string;
  omschrijving: string;
  leveringsvorm: string | null;
  status: string;
  percentage: string | null;
  nzaTarief: string;
  tarief: string | null;
  nhc: string | null;
  nic: string | null;
  nzaVoorbeeld: boolean;
  beleidVersie: string;
  redenen: unknown;
  spoor: unknown;
  berekendOp: string;
}

/** The provider profile as the form keeps it (strings for the decimal fields). */
export interface ProfielForm {
  nieuweAanbieder: boolean;
  arbeidsbesparendeTechnologie: boolean;
  bewegingenEnDoelen: boolean;
  essentieleVoorziening: boolean;
  regionaleRol: string;
  commitmentRegionaleTafels: boolean;
  specifiekPlanVptMpt: boolean;
  voldoetAanBasis: boolean;
  vorigJaarPercentage: string;
  monitorUitkomst: '' | 'hoger' | 'gelijk' | 'lager';
  ontwikkelplanAkkoord: boolean;
  socialeContextVraagtZzp4: boolean;
  presteertBeter: boolean;
  opslagPercentage: string;
}
export const BOOLEAN_SLEUTELS = [
  'nieuweAanbieder',
  'arbeidsbesparendeTechnologie',
  'bewegingenEnDoelen',
  'essentieleVoorziening',
  'commitmentRegionaleTafels',
  'specifiekPlanVptMpt',
  'voldoetAanBasis',
  'ontwikkelplanAkkoord',
  'socialeContextVraagtZzp4',
  'presteertBeter',
] as const;
export type BooleanSleutel = (typeof BOOLEAN_SLEUTELS)[number];

export const LEEG_PROFIEL: ProfielForm = {
  nieuweAanbieder: false,
  arbeidsbesparendeTechnologie: false,
  bewegingenEnDoelen: false,
  essentieleVoorziening: false,
  regionaleRol: '',
  commitmentRegionaleTafels: false,
  specifiekPlanVptMpt: false,
  voldoetAanBasis: false,
  vorigJaarPercentage: '',
  monitorUitkomst: '',
  ontwikkelplanAkkoord: false,
  socialeContextVraagtZzp4: false,
  presteertBeter: false,
  opslagPercentage: '',
};

/** Form → API profile: ticked boxes become true, unticked boxes and empty fields are left out (unknown). */
export function profielNaarApi(p: ProfielForm): Record<string, boolean | string> {
  const o: Record<string, boolean | string> = {};
  for (const k of BOOLEAN_SLEUTELS) if (p[k]) o[k] = true;
  const dec = (s: string) => s.trim().replace(',', '.');
  if (p.regionaleRol.trim()) o.regionaleRol = dec(p.regionaleRol);
  if (p.vorigJaarPercentage.trim()) o.vorigJaarPercentage = dec(p.vorigJaarPercentage);
  if (p.opslagPercentage.trim()) o.opslagPercentage = dec(p.opslagPercentage);
  if (p.monitorUitkomst) o.monitorUitkomst = p.monitorUitkomst;
  return o;
}
