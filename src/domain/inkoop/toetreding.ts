/**
 * Gates are gates, conditions are conditions.
 *
 *  - Inkoopkader Langdurige Zorg 2016, §2.2.2 "Toets van zorgkantoor op toetredingseisen": "Onder
 *    toetredingseisen verstaan de zorgkantoren alle eisen waaraan een zorgaanbieder moet voldoen om in
 *    aanmerking te komen voor een overeenkomst" (bestuursverklaring, conceptovereenkomst, Programma van
 *    Eisen, bijlagen 5–9; for new providers the evidence of bijlage 5). They decide whether there is
 *    a contract at all.
 *  - The two-year conditions (§2.2.4 "Afsluiten eenjarige dan wel tweejarige overeenkomst": G1–G4 and
 *    the regional ones) are not assessed criteria: the decision table computes them
 *    (src/domain/inkoop/uitkomst.ts) from the signalenregister, the classification and the regional
 *    paragraph.
 *  - Kader zorginkoop 2008, §3.4: "De geschiktheideisen bepalen óf een contract wordt aangegaan" —
 *    Kader 3.1 (geschiktheidseisen, uitsluitingsgronden) is the gate; the algemene
 *    gunningsvoorwaarden of Kader 3.2 "zijn onderdeel van de overeenkomst": contract terms, not
 *    knock-outs.
 *
 * Each gate requirement is judged: automatically where the answer says it (a yes/no requirement is
 * met by "ja" and not met by "nee"), otherwise by the assessors (with motivation, four eyes). A
 * requirement that is not mandatory and was not answered (e.g. "changes since last year" without
 * changes) is not applicable. Pure.
 */

/** Requirement groups that decide whether there is a contract (the gate). */
export const POORT_GROEPEN = ['bestuursverklaring', 'pve', 'geschiktheidseis', 'uitsluitingsgrond'] as const;
/** 2008 Kader 3.2: terms that go into the contract. */
export const GUNNINGSVOORWAARDE = 'gunningsvoorwaarde';
/** 2016 G1–G4: computed by the decision table. */
export const TWEEJARIGE_VOORWAARDE = 'tweejarige_voorwaarde';
export const TOETREDING_REGEL = 'inkoop.toetreding.poort.v1';

export const BRON_TOETREDING_2016 =
  'Inkoopkader Langdurige Zorg 2016, §2.2.2 "Toets van zorgkantoor op toetredingseisen"';
export const BRON_TWEEJARIG_2016 =
  'Inkoopkader Langdurige Zorg 2016, §2.2.4 "Afsluiten eenjarige dan wel tweejarige overeenkomst met opslag op basistarief"';
export const BRON_POORT_2008 = 'Kader zorginkoop 2008 (ZN en zorgkantoren), §3.4 en Kader 3.1 Geschiktheidseisen';
export const BRON_VOORWAARDEN_2008 =
  'Kader zorginkoop 2008 (ZN en zorgkantoren), §3.4 en Kader 3.2 Algemene gunningsvoorwaarden';

export interface PoortEis {
  code: string;
  groep: string;
  tekst: string;
  soort: string;
  verplicht: boolean;
}
export interface PoortAntwoord {
  waarde: unknown;
  documentId: string | null;
}
export type PoortWijze = 'automatisch' | 'beoordelaar' | 'niet-van-toepassing';
export interface PoortOordeel {
  code: string;
  wijze: PoortWijze;
  /** automatic judgements only */
  voldaan: boolean | null;
  toelichting: string;
}

export const isPoort = (groep: string) => (POORT_GROEPEN as readonly string[]).includes(groep);

/** How one gate requirement of an applicable class is judged, from the bidder's answer. */
export function poortOordeel(e: PoortEis, a: PoortAntwoord | undefined): PoortOordeel {
  const beantwoord = !!a && ((a.waarde !== null && a.waarde !== undefined && a.waarde !== '') || !!a.documentId);
  if (e.soort === 'ja_nee' && a && typeof a.waarde === 'boolean') {
    return a.waarde
      ? {
          code: e.code,
          wijze: 'automatisch',
          voldaan: true,
          toelichting: `Automatisch: de inschrijver antwoordde "ja" op ${e.code}.`,
        }
      : {
          code: e.code,
          wijze: 'automatisch',
          voldaan: false,
          toelichting: `Automatisch: de inschrijver antwoordde "nee" op ${e.code}; daarmee is niet voldaan aan deze toetredingseis.`,
        };
  }
  if (!e.verplicht && !beantwoord)
    return {
      code: e.code,
      wijze: 'niet-van-toepassing',
      voldaan: null,
      toelichting: `Niet verplicht en niet beantwoord: ${e.code} is niet van toepassing.`,
    };
  return {
    code: e.code,
    wijze: 'beoordelaar',
    voldaan: null,
    toelichting: `De beoordelaar toetst ${e.code} (${e.soort === 'document' ? 'bewijsstuk' : 'antwoord'}) met motivatie; een tweede persoon stelt vast.`,
  };
}

/** Warnings for the provider before submitting: a mandatory yes/no gate answered "nee". */
export function poortWaarschuwingen(
  eisen: PoortEis[],
  antwoorden: Map<string, PoortAntwoord>,
  bron: string,
): { code: string; wat: string }[] {
  return eisen
    .filter((e) => isPoort(e.groep) && e.soort === 'ja_nee' && e.verplicht && antwoorden.get(e.code)?.waarde === false)
    .map((e) => ({
      code: e.code,
      wat: `U antwoordde "nee" op ${e.code} (${e.tekst}). Dit is een toetredingseis: met "nee" is er niet aan voldaan en krijgt u geen overeenkomst (${bron}).`,
    }));
}

// ───────────────────────────── Zelfanalyse and themes ─────────────────────────────

export const ZELFANALYSE_REGEL = 'inkoop.zelfanalyse.zorgvuldig.v1';
export const BRON_ZELFANALYSE = 'Inkoopkader Langdurige Zorg 2016, §2.2.3 "De zelfanalyse"';
export const THEMA_REGEL = 'inkoop.kwaliteitsthema.sector.v1';

/** The elements of a careful zelfanalyse per theme (§2.2.3); "de eventueel gegevens" is optional. */
export const ZELFANALYSE_ELEMENTEN = [
  {
    veld: 'huidigeAanpak',
    code: 'C3',
    naam: 'de wijze waarop de zorgaanbieder momenteel invulling geeft aan de doelstellingen',
  },
  { veld: 'sterktes', code: 'C4', naam: 'de sterktes' },
  { veld: 'ontwikkelpunten', code: 'C4', naam: 'de ontwikkelpunten' },
  { veld: 'ervaringClient', code: 'C5', naam: 'de ervaring van de cliënt(vertegenwoordiging)' },
  { veld: 'niveau', code: 'C6', naam: 'het niveau waarop de analyse van toepassing is' },
] as const;

export interface Thema {
  code: string;
  naam: string;
  bron: string;
  sector: string;
}
export interface ZelfanalyseRij {
  themaCode: string;
  huidigeAanpak: string | null;
  sterktes: string | null;
  ontwikkelpunten: string | null;
  ervaringClient: string | null;
  niveau: string | null;
  inOntwikkelplan: boolean;
}

/**
 * A "zorgvuldige zelfanalyse" (§2.2.3): "dat de zorgaanbieder in de zelfanalyse voor de
 * kwaliteitsthema's gedefinieerd door het zorgkantoor […] beknopt ingaat op" every element, and
 * "Daarnaast geeft de zorgaanbieder aan op basis van welke kwaliteitsthema's de zorgaanbieder een
 * ontwikkelplan aanlevert". Product choice: a kader without themes of its own needs at least one
 * complete row of the provider's own choosing ('eigen').
 */
export function zorgvuldigeZelfanalyse(
  themas: Thema[],
  rijen: ZelfanalyseRij[],
): { zorgvuldig: boolean; ontbreekt: { waar: string; wat: string }[] } {
  const ontbreekt: { waar: string; wat: string }[] = [];
  const leeg = (v: string | null) => !v || !v.trim();
  const teToetsen = themas.length ? themas.map((t) => t.code) : rijen.map((r) => r.themaCode).slice(0, 1);
  if (!teToetsen.length) ontbreekt.push({ waar: 'zelfanalyse', wat: 'Er is geen zelfanalyse ingediend.' });
  for (const code of teToetsen) {
    const r = rijen.find((x) => x.themaCode === code);
    const naam = themas.find((t) => t.code === code)?.naam ?? code;
    if (!r) {
      ontbreekt.push({ waar: `zelfanalyse.${code}`, wat: `Thema ${code} (${naam}) is niet geanalyseerd.` });
      continue;
    }
    for (const e of ZELFANALYSE_ELEMENTEN)
      if (leeg(r[e.veld]))
        ontbreekt.push({
          waar: `zelfanalyse.${code}.${e.veld}`,
          wat: `Thema ${code}: ${e.naam} (${e.code}) ontbreekt.`,
        });
  }
  if (rijen.length && !rijen.some((r) => r.inOntwikkelplan))
    ontbreekt.push({
      waar: 'zelfanalyse.inOntwikkelplan',
      wat: 'De zelfanalyse geeft niet aan op basis van welke kwaliteitsthema’s het ontwikkelplan wordt aangeleverd (C8).',
    });
  return { zorgvuldig: ontbreekt.length === 0, ontbreekt };
}

/** Themes belong to a sector: refuses (returns the problems of) themes of another sector. */
export function themaSectorFouten(themas: Thema[], sector: string): { waar: string; wat: string; actie: string }[] {
  return themas
    .map((t, i) => ({ t, i }))
    .filter(({ t }) => t.sector !== sector)
    .map(({ t, i }) => ({
      waar: `themas[${i}]`,
      wat: `Kwaliteitsthema ${t.code} (${t.naam}) hoort bij sector ${t.sector} (bron: ${t.bron}); dit inkoopkader is voor sector ${sector} (regel ${THEMA_REGEL}).`,
      actie: `Gebruik kwaliteitsthema's van sector ${sector} met hun eigen bron, of maak een kader voor sector ${t.sector}.`,
    }));
}
