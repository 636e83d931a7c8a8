/**
 * Best value / prestatie-inkoop: the rules for the provider's short proposal and its own KPIs, and
 * the database helpers the rest of inkoop calls (submission, receipt, assessment, ranking, contract).
 * Imports nothing from src/inkoop/inschrijving.ts, so inschrijving.ts and gunning/service.ts can
 * import this file without an import cycle.
 *
 * Sources (Inkoopsafari – Verkenning van de praktijk van zorginkoop):
 *   §4.2  best value procurement: "De aanbieder geeft een open omschrijving van het hulpaanbod, maakt
 *         een inschatting van kansen en risico's en doet zelf een voorstel voor kpi's … De aanbieder
 *         met het beste voorstel, waarbij prestaties worden gewogen tegen de kosten, krijgt vervolgens
 *         de gunning."
 *   §1.3  prestatie-inkoop: "op twee A4'tjes hun propositie aan te geven" → the word limit.
 *   §2.2  "welke uitkomstindicatoren van kwaliteit ze willen verbeteren en hoe ze daarop beoordeeld
 *         willen worden. Dat kan ook het streven zijn om een al hoge score te handhaven." → richting.
 */
import type { Queryable } from '../../platform/db/index.ts';
import { unprocessable, type Fout } from '../../platform/errors.ts';
import { Decimal, dec } from '../../domain/money.ts';
import type { ProcedureType } from '../../domain/inkoop/procedure.ts';
import { aangebodenPrijzen, kpiRijen, markeerKpisAfgesproken, voorstelRij, type KpiRijOpgeslagen } from './store.ts';

// ───────────────────────────── Settings ─────────────────────────────

/**
 * Defaults, overridable per kader in inkoopkader.regionale_paragraaf.bestValue:
 *  - maxWoorden 1000: the stand-in for "two A4 pages" (Inkoopsafari §1.3); two A4 pages of running text
 *    at 11 pt hold roughly 450–550 words each.
 *  - maxKpis 5: a short proposal names a handful of outcome indicators, not tens ("tienduizenden
 *    indicatoren" is the burden Inkoopsafari §1.3 complains about).
 *  - verduidelijkingAantal 1: best value clarifies with the best-scoring provider (procedure.ts).
 */
export const STANDAARD = { maxWoorden: 1000, maxKpis: 5, verduidelijkingAantal: 1 } as const;
export type Instellingen = { maxWoorden: number; maxKpis: number; verduidelijkingAantal: number };

const positief = (v: unknown, standaard: number): number =>
  typeof v === 'number' && Number.isInteger(v) && v > 0
    ? v
    : typeof v === 'string' && /^\d+$/.test(v) && Number(v) > 0
      ? Number(v)
      : standaard;

export function instellingen(regionaleParagraaf: any): Instellingen {
  const bv = regionaleParagraaf?.bestValue ?? {};
  return {
    maxWoorden: positief(bv.maxWoorden, STANDAARD.maxWoorden),
    maxKpis: positief(bv.maxKpis, STANDAARD.maxKpis),
    verduidelijkingAantal: positief(bv.verduidelijkingAantal, STANDAARD.verduidelijkingAantal),
  };
}

/** The settings that bind providers: those of the published version (the working copy until the first publication). */
export function instellingenVan(k: { regionale_paragraaf: any; publieke_versie?: any }): Instellingen {
  return instellingen(k.publieke_versie?.regionaleParagraaf ?? k.regionale_paragraaf);
}

export const REGELS = {
  procedure: 'inkoop.bestvalue.procedure',
  omvang: 'inkoop.bestvalue.omvang',
  kpi: 'inkoop.bestvalue.kpi',
  prijs: 'inkoop.bestvalue.prijs',
  volledig: 'inkoop.bestvalue.volledig',
  rangorde: 'inkoop.bestvalue.rangorde.v1',
  contract: 'inkoop.bestvalue.contract',
  /** the award of a best value bid (src/domain/inkoop/bestvalue-uitkomst.ts) and its preconditions */
  gunning: 'inkoop.bestvalue.gunning',
} as const;

/** Refuses (422, rule named) anything best value on a kader of another procedure type. */
export function eisBestValueKader(k: { procedure_type: ProcedureType }) {
  if (k.procedure_type !== 'best_value') {
    throw unprocessable(
      REGELS.procedure,
      `Een best value-voorstel met eigen KPI's hoort alleen bij een inkoopkader met procedure 'best_value'; dit kader heeft procedure '${k.procedure_type}' (regel ${REGELS.procedure}).`,
      { actie: 'Vul de eisen van dit inkoopkader in; een best value-voorstel is hier niet nodig.' },
    );
  }
}

// ───────────────────────────── Words ─────────────────────────────

/** Words = runs of non-whitespace. The web page counts the same way (web/src/routes/bestvalue/woorden.ts). */
export function telWoorden(s: string | null | undefined): number {
  if (!s) return 0;
  const m = s.match(/\S+/g);
  return m ? m.length : 0;
}

/** The words that count against the limit: the proposal, the opportunities and the risks together. */
export const woordenVan = (v: { voorstel?: string | null; kansen?: string | null; risicos?: string | null }) =>
  telWoorden(v.voorstel) + telWoorden(v.kansen) + telWoorden(v.risicos);

// ───────────────────────────── Validation ─────────────────────────────

export const RICHTINGEN = ['hoger_is_beter', 'lager_is_beter', 'handhaven'] as const;
export type Richting = (typeof RICHTINGEN)[number];
const RICHTING_NL: Record<Richting, string> = {
  hoger_is_beter: 'hoger is beter',
  lager_is_beter: 'lager is beter',
  handhaven: 'handhaven',
};

export interface KpiInvoer {
  naam?: string | null;
  omschrijving?: string | null;
  eenheid?: string | null;
  nulmeting?: string | null;
  streefwaarde?: string | null;
  richting?: string | null;
  meetmethode?: string | null;
  meetmoment?: string | null;
  bron?: string | null;
}
export interface VoorstelInvoer {
  voorstel?: string | null;
  kansen?: string | null;
  risicos?: string | null;
  aangebodenPrijs?: string | null;
  prijsToelichting?: string | null;
  /** the contract conditions the provider proposes itself */
  voorwaarden?: string | null;
  kpis: KpiInvoer[];
}
export interface KpiRij {
  naam: string;
  omschrijving: string | null;
  eenheid: string;
  nulmeting: string;
  streefwaarde: string;
  richting: Richting;
  meetmethode: string;
  meetmoment: string | null;
  bron: string | null;
}
export interface Genormaliseerd {
  voorstel: string | null;
  kansen: string | null;
  risicos: string | null;
  aangebodenPrijs: string | null;
  prijsToelichting: string | null;
  voorwaarden: string | null;
  kpis: KpiRij[];
}

const tekst = (s: string | null | undefined) => (s === null || s === undefined || !s.trim() ? null : s.trim());
const GETAL_RE = /^-?\d{1,20}([.,]\d{1,10})?$/;
const BEDRAG_RE = /^\d+([.,]\d+)?$/;

/** A decimal as entered ("12,5" → "12.5"); null when it is not a number. Never through JS number. */
export function normaliseerGetal(s: string): string | null {
  const t = s.trim();
  return GETAL_RE.test(t) ? t.replace(',', '.') : null;
}

/** Checks the whole proposal; returns every problem with its field path, or the normalised values. */
export function valideerVoorstel(inv: VoorstelInvoer, inst: Instellingen): { fouten: Fout[]; waarden: Genormaliseerd } {
  const fouten: Fout[] = [];
  const woorden = woordenVan(inv);
  if (woorden > inst.maxWoorden) {
    fouten.push({
      waar: 'voorstel',
      wat: `Het voorstel telt ${woorden} woorden (voorstel, kansen en risico's samen); ten hoogste ${inst.maxWoorden} zijn toegestaan, ongeveer twee A4 (regel ${REGELS.omvang}, Inkoopsafari – Verkenning van de praktijk van zorginkoop, §1.3).`,
      actie: `Kort het voorstel met ${woorden - inst.maxWoorden} woorden in.`,
    });
  }

  let prijs: string | null = null;
  const p = tekst(inv.aangebodenPrijs);
  if (p !== null) {
    if (!BEDRAG_RE.test(p)) {
      fouten.push({
        waar: 'aangebodenPrijs',
        wat: `'${p}' is geen bedrag (regel ${REGELS.prijs}).`,
        actie: "Geef de prijs in euro's, bijv. 125000 of 125000,50 (zonder punten voor duizendtallen).",
      });
    } else {
      const [heel, frac = ''] = p.replace(',', '.').split('.');
      if (frac.length > 2)
        fouten.push({
          waar: 'aangebodenPrijs',
          wat: `De prijs '${p}' heeft ${frac.length} decimalen; een bedrag in euro's heeft er ten hoogste 2 (regel ${REGELS.prijs}).`,
          actie: 'Rond af op hele centen, bijv. 125000,50.',
        });
      else if (heel.replace(/^0+(?=\d)/, '').length > 12)
        fouten.push({
          waar: 'aangebodenPrijs',
          wat: `De prijs '${p}' is te groot (ten hoogste 12 cijfers voor de komma; regel ${REGELS.prijs}).`,
          actie: 'Controleer het bedrag.',
        });
      else if (!dec(p.replace(',', '.')).greaterThan(0))
        fouten.push({
          waar: 'aangebodenPrijs',
          wat: `De prijs moet groter zijn dan € 0 (regel ${REGELS.prijs}).`,
          actie: 'Geef de prijs van uw aanbod.',
        });
      else prijs = p.replace(',', '.');
    }
  }

  const kpis: KpiRij[] = [];
  if (!inv.kpis.length) {
    fouten.push({
      waar: 'kpis',
      wat: `Geef minstens één KPI: de aanbieder stelt zelf de prestatie-indicatoren voor waarop zij beoordeeld wil worden (regel ${REGELS.kpi}, Inkoopsafari – Verkenning van de praktijk van zorginkoop, §4.2).`,
      actie: 'Voeg een KPI toe met naam, eenheid, nulmeting, streefwaarde, richting en meetmethode.',
    });
  } else if (inv.kpis.length > inst.maxKpis) {
    fouten.push({
      waar: 'kpis',
      wat: `U geeft ${inv.kpis.length} KPI's; dit inkoopkader staat er ten hoogste ${inst.maxKpis} toe (regel ${REGELS.kpi}).`,
      actie: `Kies de ${inst.maxKpis} belangrijkste KPI's.`,
    });
  }
  inv.kpis.forEach((x, n) => {
    const waar = (veld: string) => `kpis[${n}].${veld}`;
    const wie = `KPI ${n + 1}${tekst(x.naam) ? ` (${tekst(x.naam)})` : ''}`;
    const verplicht: [keyof KpiInvoer, string, string][] = [
      ['naam', 'de naam', 'Geef de KPI een naam, bijv. "Cliënttevredenheid".'],
      ['eenheid', 'de eenheid', 'Geef de eenheid, bijv. %, dagen, aantal of score 1–10.'],
      ['nulmeting', 'de nulmeting', 'Geef de huidige waarde (nulmeting) als getal.'],
      ['streefwaarde', 'de streefwaarde', 'Geef de streefwaarde als getal.'],
      ['richting', 'de richting', 'Kies hoger is beter, lager is beter of handhaven.'],
      ['meetmethode', 'de meetmethode', 'Beschrijf hoe de KPI gemeten en beoordeeld wordt.'],
    ];
    let compleet = true;
    for (const [veld, naam, actie] of verplicht) {
      if (tekst(x[veld]) === null) {
        compleet = false;
        fouten.push({ waar: waar(veld), wat: `Bij ${wie} ontbreekt ${naam} (regel ${REGELS.kpi}).`, actie });
      }
    }
    const r = tekst(x.richting);
    if (r !== null && !(RICHTINGEN as readonly string[]).includes(r)) {
      compleet = false;
      fouten.push({
        waar: waar('richting'),
        wat: `Onbekende richting '${r}' bij ${wie}.`,
        actie: `Kies uit ${RICHTINGEN.join(', ')}.`,
      });
    }
    const getallen: Record<'nulmeting' | 'streefwaarde', string | null> = { nulmeting: null, streefwaarde: null };
    for (const veld of ['nulmeting', 'streefwaarde'] as const) {
      const v = tekst(x[veld]);
      if (v === null) continue;
      const g = normaliseerGetal(v);
      if (g === null) {
        compleet = false;
        fouten.push({
          waar: waar(veld),
          wat: `'${v}' bij ${wie} is geen getal (regel ${REGELS.kpi}).`,
          actie: 'Gebruik een getal zoals 85, 12,5 of -3 (zonder eenheid of %-teken).',
        });
      }
      getallen[veld] = g;
    }
    if (compleet && getallen.nulmeting !== null && getallen.streefwaarde !== null) {
      const nul = new Decimal(getallen.nulmeting),
        streef = new Decimal(getallen.streefwaarde);
      const richting = r as Richting;
      const ok =
        richting === 'hoger_is_beter'
          ? streef.gte(nul)
          : richting === 'lager_is_beter'
            ? streef.lte(nul)
            : streef.eq(nul);
      if (!ok) {
        fouten.push({
          waar: waar('streefwaarde'),
          wat:
            richting === 'handhaven'
              ? `Bij ${wie} is de richting 'handhaven': de streefwaarde is het niveau dat u vasthoudt en moet gelijk zijn aan de nulmeting (${getallen.nulmeting}), niet ${getallen.streefwaarde} (regel ${REGELS.kpi}, Inkoopsafari – Verkenning van de praktijk van zorginkoop, §2.2).`
              : `Bij ${wie} is de richting '${RICHTING_NL[richting]}', maar de streefwaarde ${getallen.streefwaarde} is ${richting === 'hoger_is_beter' ? 'lager' : 'hoger'} dan de nulmeting ${getallen.nulmeting}: dat is een verslechtering (regel ${REGELS.kpi}).`,
          actie:
            richting === 'handhaven'
              ? 'Zet de streefwaarde gelijk aan de nulmeting, of kies hoger is beter / lager is beter als u wilt verbeteren.'
              : `Kies een streefwaarde ${richting === 'hoger_is_beter' ? 'van minstens' : 'van hoogstens'} ${getallen.nulmeting}, of pas de richting aan.`,
        });
      }
    }
    if (compleet) {
      kpis.push({
        naam: tekst(x.naam)!,
        omschrijving: tekst(x.omschrijving),
        eenheid: tekst(x.eenheid)!,
        nulmeting: getallen.nulmeting!,
        streefwaarde: getallen.streefwaarde!,
        richting: r as Richting,
        meetmethode: tekst(x.meetmethode)!,
        meetmoment: tekst(x.meetmoment),
        bron: tekst(x.bron),
      });
    }
  });
  return {
    fouten,
    waarden: {
      voorstel: tekst(inv.voorstel),
      kansen: tekst(inv.kansen),
      risicos: tekst(inv.risicos),
      aangebodenPrijs: prijs,
      prijsToelichting: tekst(inv.prijsToelichting),
      voorwaarden: tekst(inv.voorwaarden),
      kpis,
    },
  };
}

// ───────────────────────────── Reading ─────────────────────────────

export interface KpiView {
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
export interface VoorstelView {
  voorstel: string | null;
  kansen: string | null;
  risicos: string | null;
  aangebodenPrijs: string | null;
  prijsToelichting: string | null;
  voorwaarden: string | null;
  woorden: number;
  gewijzigdOp: string | null;
  kpis: KpiView[];
}

const kpiOut = (r: KpiRijOpgeslagen): KpiView => ({
  id: r.id,
  volgnummer: Number(r.volgnummer),
  naam: r.naam,
  omschrijving: r.omschrijving,
  eenheid: r.eenheid,
  nulmeting: String(r.nulmeting),
  streefwaarde: String(r.streefwaarde),
  richting: r.richting,
  meetmethode: r.meetmethode,
  meetmoment: r.meetmoment,
  bron: r.bron,
  afgesproken: !!r.afgesproken,
  afgesprokenOp: r.afgesproken_op ? new Date(r.afgesproken_op).toISOString() : null,
});

export async function laadKpis(q: Queryable, inschrijvingId: string, alleenAfgesproken = false): Promise<KpiView[]> {
  const rows = await kpiRijen(q, inschrijvingId, alleenAfgesproken);
  return rows.map(kpiOut);
}

export async function laadVoorstel(q: Queryable, inschrijvingId: string): Promise<VoorstelView> {
  const v = await voorstelRij(q, inschrijvingId);
  const kpis = await laadKpis(q, inschrijvingId);
  return {
    voorstel: v?.voorstel ?? null,
    kansen: v?.kansen ?? null,
    risicos: v?.risicos ?? null,
    aangebodenPrijs: v?.aangeboden_prijs ?? null,
    prijsToelichting: v?.prijs_toelichting ?? null,
    voorwaarden: v?.voorwaarden ?? null,
    woorden: woordenVan(v ?? {}),
    gewijzigdOp: v?.gewijzigd_op ? new Date(v.gewijzigd_op).toISOString() : null,
    kpis,
  };
}

/** What a submission still needs (Inkoopsafari §4.2: offer, opportunities and risks, KPIs, and the cost). */
export function ontbrekendeOnderdelen(v: VoorstelView): Fout[] {
  const f: Fout[] = [];
  if (!v.voorstel)
    f.push({
      waar: 'voorstel',
      wat: 'Het voorstel (de omschrijving van uw aanbod) ontbreekt.',
      actie: 'Beschrijf in ten hoogste twee A4 wat u aanbiedt en wat het de cliënt oplevert.',
    });
  if (!v.kansen)
    f.push({
      waar: 'kansen',
      wat: 'De inschatting van de kansen ontbreekt.',
      actie: 'Beschrijf de kansen van uw aanbod.',
    });
  if (!v.risicos)
    f.push({
      waar: 'risicos',
      wat: "De inschatting van de risico's ontbreekt.",
      actie: "Beschrijf de risico's en hoe u ze beheerst.",
    });
  if (!v.aangebodenPrijs)
    f.push({
      waar: 'aangebodenPrijs',
      wat: 'De prijs van het aanbod ontbreekt.',
      actie: "Geef de prijs in euro's; prestaties worden tegen de kosten gewogen.",
    });
  if (!v.kpis.length)
    f.push({ waar: 'kpis', wat: 'Er is nog geen KPI voorgesteld.', actie: 'Voeg minstens één KPI toe.' });
  return f;
}

/** Refuses the submission of a best value bid without a complete proposal (called from dienIn). */
/**
 * Refuses an incomplete proposal at submission; otherwise returns the proposal and KPIs as they go
 * into the receipt hash (everything the provider submitted). One read for both.
 */
export async function volledigVoorstelVoorOntvangst(q: Queryable, inschrijvingId: string) {
  const v = await laadVoorstel(q, inschrijvingId);
  const f = ontbrekendeOnderdelen(v);
  if (f.length) {
    throw unprocessable(
      'best-value-onvolledig',
      `Het best value-voorstel is niet compleet: ${f.map((x) => x.waar).join(', ')} ontbreekt (regel ${REGELS.volledig}, Inkoopsafari – Verkenning van de praktijk van zorginkoop, §4.2).`,
      { fouten: f },
    );
  }
  return {
    voorstel: v.voorstel,
    kansen: v.kansen,
    risicos: v.risicos,
    aangebodenPrijs: v.aangebodenPrijs,
    prijsToelichting: v.prijsToelichting,
    voorwaarden: v.voorwaarden,
    kpis: v.kpis.map(({ id: _id, afgesproken: _a, afgesprokenOp: _o, ...k }) => k),
  };
}

// ───────────────────────────── Ranking (assessment overview) ─────────────────────────────

export const RANGORDE_UITLEG = `Rangorde (regel ${REGELS.rangorde}): op de vastgestelde gewogen totaalscore (vier ogen), hoogste eerst; bij gelijke score gaat de laagste aangeboden prijs voor. Inschrijvingen zonder vastgestelde beoordeling of met een knock-out krijgen geen rang. De afweging prestatie tegen kosten zit in de gunningscriteria; score en prijs staan naast elkaar (een quotiënt score/prijs is niet exact als decimaal en wordt daarom niet getoond).`;

export interface Rang {
  rang: number | null;
  aangebodenPrijs: string | null;
  verduidelijking: boolean;
}

/** One row of the assessment overview as far as ranking needs it (totaalscore: decimal string, two places). */
export interface RangInvoer {
  inschrijvingId: string;
  aanbiederNaam: string;
  beoordeling: string;
  totaalscore: string | null;
  knockOut: string | null;
  aangebodenPrijs: string | null;
}

/**
 * Rank of the submitted bids of a best value kader (pure): confirmed (four-eyes) score, highest first;
 * ties go to the lowest price, then the name, then the inschrijving id (a total order: the rank never
 * depends on the order of the input). The top N (verduidelijkingAantal) go to clarification.
 */
export function rangschik(rijen: RangInvoer[], inst: Instellingen): Map<string, Rang> {
  const rangbaar = rijen
    .filter((r) => r.beoordeling === 'vastgesteld' && r.totaalscore !== null && !r.knockOut)
    .sort((a, b) => {
      const s = new Decimal(b.totaalscore!).comparedTo(new Decimal(a.totaalscore!));
      if (s !== 0) return s;
      if (a.aangebodenPrijs !== null && b.aangebodenPrijs !== null) {
        const p = new Decimal(a.aangebodenPrijs).comparedTo(new Decimal(b.aangebodenPrijs));
        if (p !== 0) return p;
      } else if (a.aangebodenPrijs !== b.aangebodenPrijs) return a.aangebodenPrijs === null ? 1 : -1;
      // last the id, so equal names never leave the rank to the order the rows came in (the award depends on it)
      return (
        a.aanbiederNaam.localeCompare(b.aanbiederNaam, 'nl') ||
        (a.inschrijvingId < b.inschrijvingId ? -1 : a.inschrijvingId > b.inschrijvingId ? 1 : 0)
      );
    });
  const uit = new Map<string, Rang>();
  for (const r of rijen)
    uit.set(r.inschrijvingId, { rang: null, aangebodenPrijs: r.aangebodenPrijs, verduidelijking: false });
  rangbaar.forEach((r, n) =>
    uit.set(r.inschrijvingId, {
      rang: n + 1,
      aangebodenPrijs: r.aangebodenPrijs,
      verduidelijking: n < inst.verduidelijkingAantal,
    }),
  );
  return uit;
}

/**
 * Adds rank, offered price and the clarification mark to the assessment overview of a best value
 * kader (beoordelingsOverzicht in gunning/service.ts), ordered by rank (unranked last, by name).
 */
export async function metRangorde<
  R extends {
    inschrijvingId: string;
    aanbiederNaam: string;
    beoordeling: string;
    totaalscore: string | null;
    knockOut: string | null;
  },
  O extends { inschrijvingen: R[] },
>(q: Queryable, k: { id: string; fase: string; regionale_paragraaf: any; publieke_versie?: any }, overzicht: O) {
  const prijzen = new Map((await aangebodenPrijzen(q, k.id)).map((r) => [r.inschrijving_id, r.prijs]));
  const inst = instellingenVan(k);
  const rang = rangschik(
    overzicht.inschrijvingen.map((r) => ({ ...r, aangebodenPrijs: prijzen.get(r.inschrijvingId) ?? null })),
    inst,
  );
  const inschrijvingen = overzicht.inschrijvingen
    .map((r) => ({ ...r, ...rang.get(r.inschrijvingId)! }))
    .sort(
      (a, b) => (a.rang ?? Infinity) - (b.rang ?? Infinity) || a.aanbiederNaam.localeCompare(b.aanbiederNaam, 'nl'),
    );
  return {
    ...overzicht,
    inschrijvingen,
    bestValue: {
      regel: REGELS.rangorde,
      uitleg: RANGORDE_UITLEG,
      verduidelijkingAantal: inst.verduidelijkingAantal,
      verduidelijkingsfase: k.fase === 'verduidelijking',
    },
  };
}

// ───────────────────────────── Contract ─────────────────────────────

/** At the final award the proposed KPIs become the agreed ones (same transaction as the award). */
export async function kpisAfspreken(q: Queryable, inschrijvingId: string, nu: Date): Promise<KpiView[]> {
  await markeerKpisAfgesproken(q, inschrijvingId, nu);
  return laadKpis(q, inschrijvingId, true);
}
