/**
 * Zorgbemiddeling: which contracted providers to suggest to a client without a provider, and
 * waiting-list signals for purchasing. Pure.
 *
 * "De cliënt kan kiezen uit aanbieders waarmee het zorgkantoor een contract heeft gesloten."
 * (Kader zorginkoop 2008, keuzemogelijkheden cliënt). "Nieuwe zorgvragers die geen
 * voorkeursaanbieder hebben, worden via “zachte sturing” naar de instelling met de beste scores
 * geleid" (idem, contracteerruimte en productieafspraken). The client's own preference goes first
 * ("Hierbij dient ook de keuzevrijheid van de cliënt rond zijn/haar zorgaanbieder van voorkeur en
 * locatie van zorgverlening geborgd te worden", Inkoopkader Langdurige Zorg 2016, §1.4).
 *
 * Signals: "Minder capaciteit voor zorgaanbieders die niet populair zijn bij cliënten." (NZa,
 * Doelmatige zorg in de Wlz, doelmatigheidsinitiatief "Wachtlijstinformatie en zorginkoop").
 * Popularity = waiting clients who prefer the provider per place of capacity.
 */
import { Decimal } from '../money.ts';

export interface Kandidaat {
  organisatieId: string;
  naam: string;
  /** AGB code */
  agb: string | null;
  /** places in the region for the sector and leveringsvorm (sum of the locations' capacity) */
  capaciteit: number;
  /** clients in care there now */
  bezet: number;
  /** latest assessment score of the provider (inkoop), higher is better; null = not assessed */
  score: string | null;
}

export interface Suggestie extends Kandidaat {
  vrij: number;
  voorkeur: boolean;
  reden: string;
}

/**
 * Candidates with free capacity, the client's preferred provider first (also when full: the client
 * may choose to wait for it), then by score (soft steering to the best scores), then by free places.
 */
export function suggesties(kandidaten: readonly Kandidaat[], voorkeurAgb: string | null, max = 5): Suggestie[] {
  const metVrij = kandidaten.map((k) => ({ ...k, vrij: Math.max(0, k.capaciteit - k.bezet) }));
  const uit: Suggestie[] = [];
  const voorkeur = voorkeurAgb ? metVrij.find((k) => k.agb === voorkeurAgb) : undefined;
  if (voorkeur)
    uit.push({
      ...voorkeur,
      voorkeur: true,
      reden:
        voorkeur.vrij > 0
          ? 'Voorkeur van de cliënt (indicatiebesluit), met vrije plaatsen.'
          : 'Voorkeur van de cliënt (indicatiebesluit); nu geen vrije plaats — de cliënt kan kiezen te wachten.',
    });
  const rest = metVrij
    .filter((k) => k !== voorkeur && k.vrij > 0)
    .sort((a, b) => {
      const sa = a.score === null ? null : new Decimal(a.score);
      const sb = b.score === null ? null : new Decimal(b.score);
      if (sa && sb && !sa.eq(sb)) return sb.cmp(sa);
      if (sa && !sb) return -1;
      if (!sa && sb) return 1;
      return b.vrij - a.vrij || a.naam.localeCompare(b.naam) || a.organisatieId.localeCompare(b.organisatieId);
    });
  for (const k of rest) {
    if (uit.length >= max) break;
    uit.push({
      ...k,
      voorkeur: false,
      reden:
        k.score !== null
          ? `Gecontracteerd, ${k.vrij} vrije plaats(en), beoordelingsscore ${k.score} (zachte sturing naar de beste scores).`
          : `Gecontracteerd, ${k.vrij} vrije plaats(en).`,
    });
  }
  return uit;
}

export interface Populariteit {
  organisatieId: string;
  wachtend: number;
  voorkeur: number;
  capaciteit: number;
  /** waiting clients with this provider as preference per place, 2 decimals; null without capacity */
  populariteit: string | null;
}

export function populariteit(p: {
  organisatieId: string;
  wachtend: number;
  voorkeur: number;
  capaciteit: number;
}): Populariteit {
  return {
    ...p,
    populariteit: p.capaciteit > 0 ? new Decimal(p.voorkeur).div(p.capaciteit).toDecimalPlaces(2).toFixed(2) : null,
  };
}
