/**
 * A productieafspraak: provider × region × year × prestatie with price, volume and amount.
 *
 * - amount = price × volume, rounded to cents half-up (the product's rounding rule; the sources
 *   give none for this product).
 * - status: concept → ingediend (bij de NZa) → vastgesteld. The agreement is submitted to the NZa
 *   either with the provider's consent or without: "Dat kan zijn: (a) in overeenstemming met
 *   aanbieder (= tweezijdig verzoek), of (b) zonder overeenstemming (= eenzijdige basis). In het
 *   laatste geval beslist de NZa over “volume en prijs” volgens landelijke spelregels."
 *   (Kader zorginkoop 2008, §2.2, stap 5)
 * - deadline: "Voor 1 november wordt het volledige budgetformulier naar de NZa gestuurd, die er
 *   tariefbeschikkingen van maakt." (Inkoopsafari – Verkenning van de praktijk van zorginkoop, p. 32) — for agreements of year J that is
 *   before 1 November of J − 1, Europe/Amsterdam.
 */
import { Decimal, dec, roundCents, type DecimalInput } from '../money.ts';
import { lokaalNaarInstant } from '../inkoop/timeline.ts';

export const AFSPRAAK_STATUSSEN = ['concept', 'ingediend', 'vastgesteld'] as const;
export type AfspraakStatus = (typeof AFSPRAAK_STATUSSEN)[number];
export const AFSPRAAK_SOORTEN = ['tweezijdig', 'eenzijdig'] as const;
export type AfspraakSoort = (typeof AFSPRAAK_SOORTEN)[number];
export const PRIJS_BRONNEN = ['gunning', 'tariefbeleid', 'nza-maximum', 'ingevoerd', 'historisch', 'scenario'] as const;
export type PrijsBron = (typeof PRIJS_BRONNEN)[number];

/** Allowed status steps. Back to concept from ingediend = withdrawn before the NZa decided. */
const OVERGANGEN: Record<AfspraakStatus, AfspraakStatus[]> = {
  concept: ['ingediend'],
  ingediend: ['vastgesteld', 'concept'],
  vastgesteld: [],
};

export function magNaarStatus(van: AfspraakStatus, naar: AfspraakStatus): boolean {
  return OVERGANGEN[van].includes(naar);
}

/** amount = price × volume, cents half-up. */
export function bedragVan(prijs: DecimalInput, volume: DecimalInput): Decimal {
  return roundCents(dec(prijs).times(dec(volume)));
}

/** The instant before which the NZa budget form for agreements of `jaar` is due: 1 Nov of jaar − 1, 00:00 Amsterdam. */
export function nzaDeadline(jaar: number): Date {
  return lokaalNaarInstant(`${jaar - 1}-11-01T00:00`);
}

export const NZA_DEADLINE_BRON =
  'Inkoopsafari – Verkenning van de praktijk van zorginkoop (Raad voor Volksgezondheid en Samenleving), p. 32: "Voor 1 november wordt het volledige budgetformulier naar de NZa gestuurd, die er tariefbeschikkingen van maakt."';

export interface DeadlineStand {
  jaar: number;
  /** the instant (exclusive) */
  deadline: Date;
  /** last whole day to submit, 'YYYY-MM-DD' (31 October of jaar − 1) */
  laatsteDag: string;
  verstreken: boolean;
  /** whole days left until the deadline (0 on the last day, negative after) */
  dagenOver: number;
}

export function deadlineStand(jaar: number, nu: Date): DeadlineStand {
  const deadline = nzaDeadline(jaar);
  const ms = deadline.getTime() - nu.getTime();
  return {
    jaar,
    deadline,
    laatsteDag: `${jaar - 1}-10-31`,
    verstreken: ms <= 0,
    dagenOver: Math.ceil(ms / 86_400_000) - 1,
  };
}

export { Decimal };
