/**
 * The outcome of a procurement per bidder (Inkoopkader Langdurige Zorg 2016, §2.2.2–§2.2.4): no contract, a
 * one-year contract at the basistarief, one year plus an opslag (≤ 3 %, only with an agreed FINAL
 * ontwikkelplan), or two years plus opslag when the four national conditions (G1–G4) and the
 * zorgkantoor's regional conditions (G5) hold. Pure: every input is passed in, every condition is
 * reported with whether it held, so the decision can be reproduced and explained.
 */
import { Decimal, dec, pct } from '../money.ts';
import { RegelFout } from './beoordeling.ts';

/**
 * Every award outcome. 'bestvalue-overeenkomst' is decided only by the best value rule
 * (bestvalue-uitkomst.ts), 'overeenkomst-2008' only by the 2008 gate (uitkomst-2008.ts);
 * bepaalUitkomst below never returns them.
 */
export const UITKOMSTEN = [
  'geen-overeenkomst',
  'eenjarig-basistarief',
  'eenjarig-opslag',
  'tweejarig-opslag',
  'bestvalue-overeenkomst',
  'overeenkomst-2008',
] as const;
export type Uitkomst = (typeof UITKOMSTEN)[number];
/** The outcomes of the 2016 decision table (bepaalUitkomst). */
export type Uitkomst2016 = Exclude<Uitkomst, 'bestvalue-overeenkomst' | 'overeenkomst-2008'>;

export const UITKOMST_TEKST: Record<Uitkomst, string> = {
  'geen-overeenkomst': 'Geen overeenkomst',
  'eenjarig-basistarief': 'Eenjarige overeenkomst tegen het basistarief',
  'eenjarig-opslag': 'Eenjarige overeenkomst met tariefopslag',
  'tweejarig-opslag': 'Tweejarige overeenkomst met tariefopslag',
  'bestvalue-overeenkomst':
    'Overeenkomst voor de looptijd van het inkoopkader (best value: beste prijs-kwaliteitverhouding)',
  'overeenkomst-2008':
    'Overeenkomst voor de looptijd van het inkoopkader (Kader zorginkoop 2008: voldaan aan de geschiktheidseisen)',
};

/** National maximum mark-up (Inkoopkader Langdurige Zorg 2016, §2.2.4: "landelijk vastgesteld op maximaal 3%"). */
export const MAX_OPSLAG = '3';
/** "Na 2010 is er geen fraude vastgesteld": established in 2011 or later counts (Inkoopkader Langdurige Zorg 2016, §2.2.4, G3). */
export const FRAUDE_NA_JAAR = 2010;

export interface RegionaleVoorwaarde {
  code: string;
  omschrijving: string;
}

export interface UitkomstInvoer {
  /** the year the contract starts (2016 in the Inkoopkader Langdurige Zorg 2016); the previous-year contract is jaar − 1 */
  jaar: number;
  /** inschrijving received before the submission deadline (A1) */
  tijdigIngediend: boolean;
  /** all toetredingseisen met (A2–A11, B4–B6); false when a knock-out failed */
  toetredingseisenVoldaan: boolean;
  /** the requirements that were not met (named in the reason) */
  nietVoldaneEisen?: string[];
  /** a careful zelfanalyse and a voorstel ontwikkelplan were submitted with the bid (C, D) */
  zelfanalyseEnVoorstel: boolean;
  /** agreement reached on a FINAL ontwikkelplan (E1–E7, G0) */
  definitiefOntwikkelplan: boolean;
  /** mark-up decided by the zorgkantoor against the beoordelingskader, percent as a string ("2.5") */
  opslagPercentage?: string | null;
  /** G1: names (or ids) of locations under verscherpt toezicht now */
  locatiesVerscherptToezicht: string[];
  /** G2: start dates (YYYY-MM-DD) of fraud investigations by insurers, zorgkantoren or municipalities */
  fraudeonderzoekenGestart: string[];
  /** G2: the procedure period — publication date up to and including the final award date */
  procedurePeriode: { van: string; tot: string };
  /** G3: dates (YYYY-MM-DD) on which fraud was established at the provider */
  fraudeVastgesteld: string[];
  /** G4: years in which the provider had a contract with a zorgkantoor */
  overeenkomstJaren: number[];
  /** G5: the regional conditions of the zorgkantoor's regionale paragraaf … */
  regionaleVoorwaarden: RegionaleVoorwaarde[];
  /** … and whether each holds for this provider (missing = not established = not met), computed by
   * beoordeelRegionaleVoorwaarden (regionale-voorwaarden.ts) from the classification, signals and contract history */
  regionaalVoldaan: Record<string, boolean>;
  /** … with what was checked and found, per code (shown as the reason's explanation) */
  regionaleUitleg?: Record<string, string>;
  /**
   * The zorgkantoor's own cap on the term for a NEW provider (any class but 'bestaand'), from its
   * policy (e.g. DSW 2024–2026: "Nieuwe zorgaanbieders: eenjarige overeenkomst"); absent when the
   * policy has none.
   */
  looptijdNieuweAanbieder?: LooptijdNieuweAanbiederInvoer;
}

export interface LooptijdNieuweAanbiederInvoer {
  /** at most this many years for a new provider */
  maxJaren: number;
  /** the class of the bid ('bestaand', 'geheel_nieuw', …); new = anything but 'bestaand' */
  klasse: string;
  /** whose policy, e.g. "DSW" */
  zorgkantoor: string;
  /** the policy and its version, e.g. "zk-dsw-2024-VV (meegeleverd)" */
  beleid: string;
  /** the source: document and place */
  bron: string;
  /** the source's words, verbatim */
  citaat: string;
}

export interface Reden {
  /** the requirement or condition id of the 2016 template (A1, A-toetreding, C, E, F5, G1 … G5:code) */
  code: string;
  regel: string;
  voldaan: boolean;
  toelichting: string;
}

export interface UitkomstBesluit {
  uitkomst: Uitkomst2016;
  omschrijving: string;
  looptijdJaren: 0 | 1 | 2;
  /** percent with two decimals; "0.00" without opslag */
  opslagPercentage: string;
  redenen: Reden[];
  regel: string;
}

export const UITKOMST_REGEL = 'inkoopkader-2016 §2.2 beslisboom (Inkoopkader Langdurige Zorg 2016, §2.2.2–§2.2.4) v1';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The reason code of the zorgkantoor's cap on the term for new providers (Beleid.looptijdNieuweAanbieder). */
export const LOOPTIJD_NIEUW_CODE = 'L-nieuw';
const jarenTekst = (n: number) => (n === 1 ? 'een eenjarige' : `een ${n}-jarige`);

/** Decides the outcome. Refuses (RegelFout) an opslag above 3 %, a negative opslag or a malformed date. */
export function bepaalUitkomst(inv: UitkomstInvoer): UitkomstBesluit {
  const fouten: { waar: string; wat: string; actie: string }[] = [];
  const datums: [string, string][] = [
    ['procedurePeriode.van', inv.procedurePeriode.van],
    ['procedurePeriode.tot', inv.procedurePeriode.tot],
    ...inv.fraudeonderzoekenGestart.map((d, i) => [`fraudeonderzoekenGestart[${i}]`, d] as [string, string]),
    ...inv.fraudeVastgesteld.map((d, i) => [`fraudeVastgesteld[${i}]`, d] as [string, string]),
  ];
  for (const [waar, d] of datums)
    if (!ISO_DATE.test(d)) fouten.push({ waar, wat: `"${d}" is geen datum`, actie: 'Gebruik JJJJ-MM-DD.' });
  let opslag = new Decimal(0);
  if (inv.opslagPercentage !== undefined && inv.opslagPercentage !== null && inv.opslagPercentage !== '') {
    if (!/^\d+(\.\d+)?$/.test(inv.opslagPercentage.trim())) {
      fouten.push({
        waar: 'opslagPercentage',
        wat: `"${inv.opslagPercentage}" is geen percentage`,
        actie: 'Geef een percentage tussen 0 en 3, bijv. 2.5.',
      });
    } else {
      opslag = dec(inv.opslagPercentage.trim());
      if (opslag.greaterThan(MAX_OPSLAG)) {
        fouten.push({
          waar: 'opslagPercentage',
          wat: `Een tariefopslag van ${inv.opslagPercentage}% is hoger dan het landelijke maximum van ${MAX_OPSLAG}% (regel F5)`,
          actie: `Kies een opslag van ten hoogste ${MAX_OPSLAG}%.`,
        });
      }
    }
  }
  if (fouten.length)
    throw new RegelFout(
      fouten.some((f) => f.waar === 'opslagPercentage') ? 'F5' : 'uitkomst-invoer',
      `De invoer voor de uitkomst is ongeldig: ${fouten.map((f) => `${f.waar}: ${f.wat}`).join('; ')}.`,
      fouten,
    );

  const r: Reden[] = [];
  r.push({
    code: 'A1',
    regel: 'Inschrijving vóór de sluitingstermijn ontvangen',
    voldaan: inv.tijdigIngediend,
    toelichting: inv.tijdigIngediend
      ? 'De inschrijving is tijdig ontvangen.'
      : 'De inschrijving is niet (tijdig) ontvangen.',
  });
  const niet = inv.nietVoldaneEisen ?? [];
  r.push({
    code: 'A-toetreding',
    regel: 'Voldoet aan de toetredingseisen (bestuursverklaring, overeenkomst, Programma van Eisen, bijlagen)',
    voldaan: inv.toetredingseisenVoldaan,
    toelichting: inv.toetredingseisenVoldaan
      ? 'Aan alle toetredingseisen is voldaan.'
      : `Niet voldaan${niet.length ? ` aan: ${niet.join(', ')}` : ''}.`,
  });
  r.push({
    code: 'C-D',
    regel: 'Zorgvuldige zelfanalyse en voorstel ontwikkelplan ingediend',
    voldaan: inv.zelfanalyseEnVoorstel,
    toelichting: inv.zelfanalyseEnVoorstel
      ? 'Zelfanalyse en voorstel ontwikkelplan zijn ingediend.'
      : 'Geen (zorgvuldige) zelfanalyse met voorstel ontwikkelplan: geen dialoog over een opslag.',
  });
  const definitief = inv.zelfanalyseEnVoorstel && inv.definitiefOntwikkelplan;
  r.push({
    code: 'E-G0',
    regel: 'Overeenstemming over een definitief ontwikkelplan',
    voldaan: definitief,
    toelichting: definitief
      ? 'Er is overeenstemming over een definitief ontwikkelplan.'
      : inv.definitiefOntwikkelplan
        ? 'Een definitief ontwikkelplan zonder ingediende zelfanalyse en voorstel telt niet.'
        : 'Er is geen overeenstemming over een definitief ontwikkelplan: geen opslag.',
  });
  const opslagToegestaan = definitief;
  r.push({
    code: 'F5',
    regel: `Tariefopslag ten hoogste ${MAX_OPSLAG}%, alleen met een definitief ontwikkelplan`,
    voldaan: opslagToegestaan || opslag.isZero(),
    toelichting: opslagToegestaan
      ? `Opslag ${pct(opslag)}% (maximum ${MAX_OPSLAG}%).`
      : opslag.isZero()
        ? 'Geen opslag.'
        : `Gevraagde opslag ${pct(opslag)}% vervalt: er is geen definitief ontwikkelplan.`,
  });

  // The two-year conditions are always evaluated and reported, also when an earlier gate already decides.
  const g1 = inv.locatiesVerscherptToezicht.length === 0;
  r.push({
    code: 'G1',
    regel: 'Geen locaties onder verscherpt toezicht van de inspectie',
    voldaan: g1,
    toelichting: g1
      ? 'Geen locatie staat onder verscherpt toezicht.'
      : `Onder verscherpt toezicht: ${inv.locatiesVerscherptToezicht.join(', ')}.`,
  });
  const { van, tot } = inv.procedurePeriode;
  const tijdens = inv.fraudeonderzoekenGestart.filter((d) => d >= van && d <= tot).sort();
  r.push({
    code: 'G2',
    regel: 'Tijdens de inkoopprocedure geen fraudeonderzoek ingesteld',
    voldaan: tijdens.length === 0,
    toelichting:
      tijdens.length === 0
        ? `Geen fraudeonderzoek gestart tussen ${van} en ${tot}.`
        : `Fraudeonderzoek gestart op ${tijdens.join(', ')} (procedure ${van} t/m ${tot}).`,
  });
  const na2010 = inv.fraudeVastgesteld.filter((d) => Number(d.slice(0, 4)) > FRAUDE_NA_JAAR).sort();
  r.push({
    code: 'G3',
    regel: `Na ${FRAUDE_NA_JAAR} geen fraude vastgesteld`,
    voldaan: na2010.length === 0,
    toelichting:
      na2010.length === 0
        ? `Geen fraude vastgesteld na ${FRAUDE_NA_JAAR}.`
        : `Fraude vastgesteld op ${na2010.join(', ')}.`,
  });
  const vorig = inv.jaar - 1;
  const g4 = inv.overeenkomstJaren.includes(vorig);
  r.push({
    code: 'G4',
    regel: `Overeenkomst met een zorgkantoor in ${vorig}`,
    voldaan: g4,
    toelichting: g4
      ? `Had in ${vorig} een overeenkomst met een zorgkantoor.`
      : `Had in ${vorig} geen overeenkomst met een zorgkantoor.`,
  });
  for (const v of inv.regionaleVoorwaarden) {
    const ok = inv.regionaalVoldaan[v.code] === true;
    r.push({
      code: `G5:${v.code}`,
      regel: `Regionale voorwaarde: ${v.omschrijving}`,
      voldaan: ok,
      toelichting: inv.regionaleUitleg?.[v.code]
        ? inv.regionaleUitleg[v.code]
        : ok
          ? 'Voldaan.'
          : inv.regionaalVoldaan[v.code] === false
            ? 'Niet voldaan.'
            : 'Niet vastgesteld, dus niet voldaan.',
    });
  }
  const tweejaar = r.filter((x) => x.code.startsWith('G')).every((x) => x.voldaan);
  // The zorgkantoor's cap for new providers (reported always when its policy has one; decides only about two years).
  const ln = inv.looptijdNieuweAanbieder;
  const nieuwBegrensd = !!ln && ln.klasse !== 'bestaand' && ln.maxJaren < 2;
  if (ln) {
    const nieuw = ln.klasse !== 'bestaand';
    r.push({
      code: LOOPTIJD_NIEUW_CODE,
      regel: `Beleid ${ln.zorgkantoor}: een nieuwe zorgaanbieder krijgt ten hoogste ${jarenTekst(ln.maxJaren)} overeenkomst (${ln.bron}: "${ln.citaat}")`,
      voldaan: !nieuwBegrensd,
      toelichting: !nieuw
        ? 'De aanbieder is bestaand: deze beperking geldt niet.'
        : nieuwBegrensd
          ? `De aanbieder is nieuw (klasse ${ln.klasse}): ten hoogste ${jarenTekst(ln.maxJaren)} overeenkomst${tweejaar && definitief && inv.tijdigIngediend && inv.toetredingseisenVoldaan ? ', ook al is aan de voorwaarden voor een tweejarige overeenkomst voldaan' : ''} (beleid ${ln.beleid}).`
          : `De aanbieder is nieuw (klasse ${ln.klasse}); het beleid staat ${ln.maxJaren} jaar toe, niet minder dan deze beslistabel.`,
    });
  }

  let uitkomst: Uitkomst2016;
  if (!inv.tijdigIngediend || !inv.toetredingseisenVoldaan) uitkomst = 'geen-overeenkomst';
  else if (!definitief) uitkomst = 'eenjarig-basistarief';
  else if (!tweejaar || nieuwBegrensd) uitkomst = 'eenjarig-opslag';
  else uitkomst = 'tweejarig-opslag';
  const metOpslag = uitkomst === 'eenjarig-opslag' || uitkomst === 'tweejarig-opslag';
  return {
    uitkomst,
    omschrijving: UITKOMST_TEKST[uitkomst],
    looptijdJaren: uitkomst === 'geen-overeenkomst' ? 0 : uitkomst === 'tweejarig-opslag' ? 2 : 1,
    opslagPercentage: metOpslag ? pct(opslag) : '0.00',
    redenen: r,
    regel: UITKOMST_REGEL,
  };
}
