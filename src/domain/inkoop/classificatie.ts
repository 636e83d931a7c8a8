/**
 * Classification of a bidder (Inkoopkader Langdurige Zorg 2016, §2.2.2 "Toetredingseisen"):
 * bestaand / geheel_nieuw / nieuw_in_regio / nieuw_zzp_vpt, from the contract and production
 * history of the year before the contract year. It decides the burden of proof: existing providers
 * hand in only the bestuursverklaring (plus changes since last year); new providers must show they
 * meet the toetredingseisen (Bijlage 5 evidence).
 *
 * Rules, in the order they are applied:
 *  1. nieuw_zzp_vpt — the bid is for zzp/vpt and every main-contractor contract of the reference year
 *     (any zorgkantoor, any region) was for extramural services only (mpt / functies en klassen).
 *     This specific rule goes before rule 2: an mpt-only provider bidding for zzp/vpt is new to that care.
 *  2. bestaand (a) — a contract in the region bid in (i.e. with that region's zorgkantoor), in the
 *     sector, with actual production charged to that region's contracteerruimte (B2).
 *     bestaand (b) — a productieafspraak in that region and sector whose budget was transferred
 *     (overheveling) from another region or zorgkantoor; production is not required.
 *  3. geheel_nieuw — no main-contractor contract with any zorgkantoor. Subcontractor-only,
 *     zzp-pilot-only and pgb-only providers count as entirely new (B3).
 *  4. nieuw_in_regio — "een overeenkomst voor levering van zorg … met zorgkantoor X in regio X en ook
 *     daadwerkelijk productie leveren" (l.856–862): a contract for this care elsewhere WITH production.
 * Cases the source does not name are the product's interpretation, and the reason says so:
 *  - a contract in another sector only: entirely new for this sector (the strictest burden of proof);
 *  - contracts for this care without any production (in this region or elsewhere): not existing (B2);
 *    new in the region when there was production elsewhere, otherwise entirely new.
 */

export const KLASSEN = ['bestaand', 'geheel_nieuw', 'nieuw_in_regio', 'nieuw_zzp_vpt'] as const;
export type Klasse = (typeof KLASSEN)[number];

export const KLASSE_NAMEN: Record<Klasse, { nl: string; en: string }> = {
  bestaand: { nl: 'Bestaande zorgaanbieder', en: 'Existing provider' },
  geheel_nieuw: { nl: 'Geheel nieuwe zorgaanbieder', en: 'Entirely new provider' },
  nieuw_in_regio: { nl: 'Nieuw in de regio', en: 'New in the region' },
  nieuw_zzp_vpt: { nl: 'Nieuw voor zzp/vpt', en: 'New to zzp/vpt' },
};

export const REGEL = 'inkoop.classificatie.2016 (Inkoopkader Langdurige Zorg 2016, §2.2.2)';

/** Prefix of a reason that is the product's reading of a case the source does not name. */
export const INTERPRETATIE = 'Interpretatie (keuze van het product; het inkoopkader noemt dit geval niet):';

export type ContractSoort = 'zzp' | 'vpt' | 'mpt' | 'overig';
export type ContractRol = 'hoofdaannemer' | 'onderaannemer' | 'zzp_pilot' | 'pgb';

/** One contract (productieafspraak) line of the reference year, with whether production was delivered. */
export interface ContractRegel {
  jaar: number;
  regioCode: string;
  sector: string;
  soort: ContractSoort;
  rol?: ContractRol; // default hoofdaannemer
  overheveling?: boolean; // budget transferred from another region / zorgkantoor
  productie: boolean; // actual production charged to this region's contracteerruimte
}

export interface ClassificatieVraag {
  peiljaar: number; // the year before the contract year (2015 for the 2016 procedure)
  regioCode: string;
  sector: string;
  biedtZzpVpt: boolean; // the bid includes zzp (verblijf) and/or vpt
}

export interface ClassificatieUitkomst {
  klasse: Klasse;
  reden: string;
  regel: string;
  bewijs: {
    contractRegels: number;
    inRegio: boolean;
    metProductie: boolean;
    overheveling: boolean;
    alleenExtramuraal: boolean;
    rollen: ContractRol[];
  };
}

const isExtramuraal = (s: ContractSoort) => s === 'mpt';

export function classificeer(v: ClassificatieVraag, historie: ContractRegel[]): ClassificatieUitkomst {
  const jaar = historie.filter((c) => c.jaar === v.peiljaar);
  const rollen = [...new Set(jaar.map((c) => c.rol ?? 'hoofdaannemer'))];
  const hoofd = jaar.filter((c) => (c.rol ?? 'hoofdaannemer') === 'hoofdaannemer');
  const sector = hoofd.filter((c) => c.sector === v.sector);
  const inRegio = sector.filter((c) => c.regioCode === v.regioCode);
  const metProductie = inRegio.some((c) => c.productie);
  const overheveling = inRegio.some((c) => c.overheveling);
  const alleenExtramuraal = hoofd.length > 0 && hoofd.every((c) => isExtramuraal(c.soort));
  const bewijs = {
    contractRegels: jaar.length,
    inRegio: inRegio.length > 0,
    metProductie,
    overheveling,
    alleenExtramuraal,
    rollen,
  };
  const uit = (klasse: Klasse, reden: string): ClassificatieUitkomst => ({ klasse, reden, regel: REGEL, bewijs });
  const j = v.peiljaar;

  if (v.biedtZzpVpt && alleenExtramuraal) {
    return uit(
      'nieuw_zzp_vpt',
      `In ${j} had de aanbieder alleen een overeenkomst voor extramurale prestaties (mpt/functies en klassen) en schrijft nu in voor zzp/vpt.`,
    );
  }
  if (inRegio.length && metProductie) {
    return uit(
      'bestaand',
      `In ${j} had de aanbieder een overeenkomst met het zorgkantoor voor regio ${v.regioCode} in sector ${v.sector}, met daadwerkelijke productie ten laste van de contracteerruimte van die regio.`,
    );
  }
  if (inRegio.length && overheveling) {
    return uit(
      'bestaand',
      `In ${j} had de aanbieder een productieafspraak in regio ${v.regioCode}, sector ${v.sector}, met budget overgeheveld uit een andere regio of van een ander zorgkantoor.`,
    );
  }
  if (!sector.length) {
    if (!jaar.length)
      return uit('geheel_nieuw', `In ${j} had de aanbieder met geen enkel zorgkantoor een overeenkomst.`);
    if (!hoofd.length) {
      const wat = rollen
        .map(
          (r) =>
            ({
              onderaannemer: 'als onderaannemer',
              zzp_pilot: "in de pilot zzp'ers",
              pgb: 'alleen zorg ingekocht met een pgb',
              hoofdaannemer: '',
            })[r],
        )
        .filter(Boolean)
        .join(', ');
      return uit('geheel_nieuw', `In ${j} werkte de aanbieder alleen ${wat}; dat telt als geheel nieuw.`);
    }
    return uit(
      'geheel_nieuw',
      `${INTERPRETATIE} in ${j} had de aanbieder geen overeenkomst voor sector ${v.sector} (wel voor ${[...new Set(hoofd.map((c) => c.sector))].join(', ')}); voor deze sector geldt de aanbieder als geheel nieuw, met de zwaarste bewijslast.`,
    );
  }
  const eldersMetProductie = sector.filter((c) => c.regioCode !== v.regioCode && c.productie);
  if (eldersMetProductie.length) {
    const elders = [...new Set(eldersMetProductie.map((c) => c.regioCode))].join(', ');
    if (inRegio.length)
      return uit(
        'nieuw_in_regio',
        `${INTERPRETATIE} in ${j} had de aanbieder een overeenkomst in regio ${v.regioCode} zonder daadwerkelijke productie (telt niet als bestaand), en een overeenkomst met productie voor deze zorg in regio ${elders}.`,
      );
    return uit(
      'nieuw_in_regio',
      `In ${j} had de aanbieder een overeenkomst voor deze zorg in regio ${elders}, met daadwerkelijke productie, maar niet in regio ${v.regioCode}.`,
    );
  }
  return uit(
    'geheel_nieuw',
    `${INTERPRETATIE} in ${j} had de aanbieder een overeenkomst voor deze zorg (${[...new Set(sector.map((c) => c.regioCode))].join(', ')}) maar nergens daadwerkelijke productie; zonder productie telt een overeenkomst niet als bestaand en is de aanbieder ook niet "nieuw in de regio" (dat vraagt productie elders), dus geheel nieuw.`,
  );
}

/** The class that decides the requirements across several regions: the strictest (a new class anywhere → new). */
export function bepalendeKlasse(klassen: Klasse[]): Klasse {
  if (!klassen.length) return 'geheel_nieuw';
  if (klassen.includes('geheel_nieuw')) return 'geheel_nieuw';
  if (klassen.includes('nieuw_zzp_vpt')) return 'nieuw_zzp_vpt';
  if (klassen.includes('nieuw_in_regio')) return 'nieuw_in_regio';
  return 'bestaand';
}

/** Whether a requirement with these van_toepassing values applies to a class. */
export function eisGeldtVoor(vanToepassing: readonly string[], klasse: Klasse): boolean {
  return vanToepassing.some((v) => v === 'alle' || v === klasse || (v === 'nieuw' && klasse !== 'bestaand'));
}
