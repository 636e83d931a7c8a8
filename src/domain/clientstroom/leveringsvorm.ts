/**
 * Which toewijzingen may exist side by side, per leveringsvorm (Inkoopkader Langdurige Zorg 2016,
 * §1.2 "Zorg en leveringsvormen in de Wlz"), and the assessment of care at home. Pure.
 *
 * The overview in §1.2 states, for Zzp / Vpt / Mpt / Pgb:
 *   "Aantal zorgaanbieders Eén Eén Meerdere Meerdere"
 *   "Combinatie leveringsvorm mogelijk Nee Nee pgb mpt"
 * and: "Als cliënten (en/of hun netwerk) in de Wlz ervoor kiezen de zorg te verzilveren in de
 * thuissituatie als zorg in natura in de vorm van een mpt of een vpt, heeft het zorgkantoor de taak
 * te beoordelen of deze zorg in de thuissituatie verantwoord en doelmatig geleverd kan worden."
 *
 * Zzp = leveringsvorm verblijf. Deeltijdverblijf (dtv) is not in that overview; the product treats
 * it like verblijf (one provider, no combination) because it is a form of stay. Only regular
 * toewijzingen (LDT_SoortToewijzing 1) count: bridging care (3) is given precisely while the client
 * waits for the regular provider, and an administrative toewijzing (5) delivers no care.
 */

export type Leveringsvorm = 'verblijf' | 'vpt' | 'mpt' | 'pgb' | 'dtv';
/** LDT_SoortToewijzing */
export type SoortToewijzing = '1' | '3' | '5';

export const SOORT_TOEWIJZING_NAAM: Record<SoortToewijzing, string> = {
  '1': 'Regulier',
  '3': 'Overbrugging',
  '5': 'Administratief',
};

/** LDT_Leveringsvorm codes of iWlz 2.2. */
export const IWLZ_LEVERINGSVORM: Record<Leveringsvorm, string> = {
  pgb: '2',
  verblijf: '4',
  vpt: '5',
  mpt: '7',
  dtv: '8',
};
export const LEVERINGSVORM_UIT_IWLZ: Record<string, Leveringsvorm> = Object.fromEntries(
  Object.entries(IWLZ_LEVERINGSVORM).map(([k, v]) => [v, k as Leveringsvorm]),
);

/** LDT_VoorkeurClient → the leveringsvorm the client prefers (combinations: the natura part). */
export const VOORKEUR_LEVERINGSVORM: Record<string, Leveringsvorm | null> = {
  '2': 'pgb',
  '3': null,
  '4': 'verblijf',
  '5': 'vpt',
  '6': 'mpt',
  '7': 'mpt',
  '8': 'vpt',
  '9': 'verblijf',
  '10': 'dtv',
};

const EEN_AANBIEDER: readonly Leveringsvorm[] = ['verblijf', 'vpt', 'dtv'];
const COMBINATIE: Record<Leveringsvorm, readonly Leveringsvorm[]> = {
  verblijf: [],
  vpt: [],
  dtv: [],
  mpt: ['mpt', 'pgb'],
  pgb: ['mpt'],
};

export const BRON_LEVERINGSVORMEN = 'Inkoopkader Langdurige Zorg 2016, §1.2 Zorg en leveringsvormen in de Wlz';

export interface BestaandeToewijzing {
  leveringsvorm: Leveringsvorm;
  organisatieId: string | null;
  soort: SoortToewijzing;
}

export interface NieuweToewijzing extends BestaandeToewijzing {
  toetsing?: { verantwoord?: boolean | null; doelmatig?: boolean | null };
}

export interface Bezwaar {
  regel: 'een-aanbieder' | 'combinatie' | 'toetsing-ontbreekt' | 'niet-verantwoord' | 'niet-doelmatig';
  wat: string;
  bron: string;
}

/** Objections against a new toewijzing next to the client's active toewijzingen; empty = allowed. */
export function toetsToewijzing(actief: readonly BestaandeToewijzing[], nieuw: NieuweToewijzing): Bezwaar[] {
  const uit: Bezwaar[] = [];
  if (nieuw.soort === '1') {
    const regulier = actief.filter((t) => t.soort === '1');
    for (const t of regulier) {
      if (t.leveringsvorm === nieuw.leveringsvorm && EEN_AANBIEDER.includes(t.leveringsvorm)) {
        if (t.organisatieId !== nieuw.organisatieId)
          uit.push({
            regel: 'een-aanbieder',
            wat: `Bij ${nieuw.leveringsvorm} levert één zorgaanbieder de zorg; de cliënt heeft al een toewijzing ${t.leveringsvorm} bij een andere aanbieder. Trek die eerst in of wijs overbrugging toe.`,
            bron: `${BRON_LEVERINGSVORMEN}: "Aantal zorgaanbieders Eén Eén Meerdere Meerdere"`,
          });
        continue;
      }
      if (t.leveringsvorm !== nieuw.leveringsvorm && !COMBINATIE[nieuw.leveringsvorm].includes(t.leveringsvorm))
        uit.push({
          regel: 'combinatie',
          wat: `${nieuw.leveringsvorm} kan niet gecombineerd worden met de bestaande toewijzing ${t.leveringsvorm}.`,
          bron: `${BRON_LEVERINGSVORMEN}: "Combinatie leveringsvorm mogelijk Nee Nee pgb mpt"`,
        });
    }
  }
  if (nieuw.leveringsvorm === 'vpt' || nieuw.leveringsvorm === 'mpt') {
    const bron = `${BRON_LEVERINGSVORMEN}: "… heeft het zorgkantoor de taak te beoordelen of deze zorg in de thuissituatie verantwoord en doelmatig geleverd kan worden."`;
    const t = nieuw.toetsing;
    if (t?.verantwoord == null || t?.doelmatig == null)
      uit.push({
        regel: 'toetsing-ontbreekt',
        wat: `Voor ${nieuw.leveringsvorm} moet het zorgkantoor eerst beoordelen of de zorg thuis verantwoord en doelmatig is (toetsingskader); vul beide antwoorden in.`,
        bron,
      });
    else {
      if (!t.verantwoord)
        uit.push({ regel: 'niet-verantwoord', wat: 'De zorg thuis is beoordeeld als niet verantwoord.', bron });
      if (!t.doelmatig)
        uit.push({ regel: 'niet-doelmatig', wat: 'De zorg thuis is beoordeeld als niet doelmatig.', bron });
    }
  }
  return uit;
}

/**
 * A contracted provider that also serves clients on a pgb: "het komt voor dat een zorgaanbieder
 * een contract heeft en een deel van haar cliënten een pgb. Dat is niet conform de wet." (NZa,
 * Doelmatige zorg in de Wlz, §3.3.4 Omzetten pgb-aanbod naar zorg in natura).
 */
export const BRON_PGB_GECONTRACTEERD =
  'NZa, Doelmatige zorg in de Wlz, §3.3.4: "het komt voor dat een zorgaanbieder een contract heeft en een deel van haar cliënten een pgb. Dat is niet conform de wet."';

export function pgbBijGecontracteerde(
  gecontracteerd: ReadonlySet<string>,
  pgbRelaties: readonly { organisatieId: string; clientId: string }[],
): { organisatieId: string; clienten: number }[] {
  const n = new Map<string, Set<string>>();
  for (const r of pgbRelaties) {
    if (!gecontracteerd.has(r.organisatieId)) continue;
    if (!n.has(r.organisatieId)) n.set(r.organisatieId, new Set());
    n.get(r.organisatieId)!.add(r.clientId);
  }
  return [...n]
    .map(([organisatieId, s]) => ({ organisatieId, clienten: s.size }))
    .sort((a, b) => b.clienten - a.clienten || a.organisatieId.localeCompare(b.organisatieId));
}
