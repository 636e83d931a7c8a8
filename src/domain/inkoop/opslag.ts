/**
 * The opslag becomes a price (Inkoopkader Langdurige Zorg 2016, §2.2.4 "Bepaling van de prijs").
 *
 * The source: "De zorgkantoren hanteren een basistarief per prestatie en een gemaximeerde
 * tariefsopslag. Het basistarief verschilt per zorgkantoor en staat beschreven in de regionale
 * paragraaf van het zorgkantoor. De maximale tariefsopslag is landelijk vastgesteld op maximaal 3%.
 * Voor een opslag op het basistarief komt de zorgaanbieder uitsluitend in aanmerking wanneer hij met
 * het zorgkantoor overeenstemming bereikt over een definitief ontwikkelplan. Het zorgkantoor bepaalt
 * tot welke opslag op het basistarief het nader uitgewerkte ontwikkelplan leidt aan de hand van het
 * beoordelingskader […]. Echter, het finale besluit ligt bij het zorgkantoor." and the figure
 * Basistarief + Tariefsopslag = Prijs, under "Max. tarief ZK" under "Max. tarief NZa".
 * The moments: "Deze toekenning kan bij de initiële toekenning […], bij de herschikking en/of bij de
 * nacalculatie […] plaatsvinden."
 *
 * Product choices (the source leaves them to the regional paragraph), each named where it is used:
 *  - the basistarief is a percentage of the NZa maximum tariff, per leveringsvorm or per prestatie
 *    (a prestatie row wins over its leveringsvorm);
 *  - the opslag is a percentage ON the basistarief: prijs = basistarief × (1 + opslag / 100);
 *  - "Max. tarief ZK" = basistarief × (1 + 3 / 100), the basistarief with the national maximum opslag;
 *  - the zorgkantoor's beoordelingskader is a table from the weighted score (F1–F3) to an opslag:
 *    the row with the highest `vanaf` not above the score applies; below the first row: 0 %;
 *  - amounts are rounded DOWN to whole cents (basistarief, prijs, max. tarief ZK): the NZa maximum is a
 *    ceiling, and rounding half-up could lift a price a cent above it (e.g. 97.06 % of € 0.17 plus 3 %);
 *    rounding down keeps Prijs ≤ Max. tarief ZK ≤ Max. tarief NZa exact for every valid input.
 * Pure: every input is passed in. Amounts are exact (Decimal).
 */
import { Decimal, dec, pct } from '../money.ts';
import { RegelFout, type RegelFoutDetail } from './beoordeling.ts';
import { MAX_OPSLAG } from './uitkomst.ts';

export const BRON_PRIJS = 'Inkoopkader Langdurige Zorg 2016, §2.2.4 "Bepaling van de prijs"';
export const BRON_MOMENTEN =
  'Inkoopkader Langdurige Zorg 2016, §2.2.4 (toekenning: initieel, herschikking, nacalculatie)';
export const OPSLAG_REGEL = 'inkoop.gunning.opslag.v1';
export const PRIJS_REGEL = 'inkoop.gunning.prijs.v1';

export const MOMENTEN = ['initieel', 'herschikking', 'nacalculatie'] as const;
export type Moment = (typeof MOMENTEN)[number];
export const MOMENT_NAMEN: Record<Moment, string> = {
  initieel: 'initiële toekenning (bij de gunning)',
  herschikking: 'herschikking',
  nacalculatie: 'nacalculatie',
};

export interface Basistarief {
  /** leveringsvorm code (verblijf, vpt, mpt, dtv) → percentage of the NZa maximum */
  perLeveringsvorm?: Record<string, string>;
  /** prestatie code → percentage of the NZa maximum (wins over the leveringsvorm) */
  perPrestatie?: Record<string, string>;
}
export interface OpslagRij {
  /** lowest weighted score (inclusive) for this opslag */
  vanaf: string;
  /** opslag in percent on the basistarief, 0–3 */
  opslag: string;
}

const DEC = /^\d+(\.\d{1,2})?$/;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const norm = (s: string) =>
  s
    .trim()
    .replace(',', '.')
    .replace(/^0+(?=\d)/, '');

/** Validates the regional paragraph's basistarief, opslagTabel and opslagMomenten; returns every problem. */
export function valideerPrijsafspraken(invoer: Record<string, unknown>, P = 'regionaleParagraaf'): RegelFoutDetail[] {
  const fouten: RegelFoutDetail[] = [];
  const maxBasis = dec(100).dividedBy(dec(1).plus(dec(MAX_OPSLAG).dividedBy(100)));
  if (invoer.basistarief !== undefined) {
    const b = invoer.basistarief;
    if (!isObject(b)) {
      fouten.push({
        waar: `${P}.basistarief`,
        wat: 'Het basistarief moet een object zijn met perLeveringsvorm en/of perPrestatie.',
        actie: 'Bijvoorbeeld { "perLeveringsvorm": { "verblijf": "95" } }.',
      });
    } else {
      for (const k of Object.keys(b))
        if (k !== 'perLeveringsvorm' && k !== 'perPrestatie')
          fouten.push({
            waar: `${P}.basistarief.${k}`,
            wat: `Onbekend onderdeel '${k}' in het basistarief.`,
            actie: 'Toegestaan: perLeveringsvorm, perPrestatie.',
          });
      for (const soort of ['perLeveringsvorm', 'perPrestatie'] as const) {
        const m = b[soort];
        if (m === undefined) continue;
        if (!isObject(m)) {
          fouten.push({ waar: `${P}.basistarief.${soort}`, wat: `${soort} moet een object zijn: code → percentage.` });
          continue;
        }
        for (const [code, v] of Object.entries(m)) {
          const waar = `${P}.basistarief.${soort}.${code}`;
          if (typeof v !== 'string' || !DEC.test(norm(v))) {
            fouten.push({
              waar,
              wat: `Het basistarief van ${code} "${String(v)}" is geen percentage met hoogstens twee decimalen.`,
              actie: 'Geef een percentage van het NZa-maximumtarief als tekst, bijv. "95" of "96.5".',
            });
            continue;
          }
          const p = dec(norm(v));
          if (!p.greaterThan(0))
            fouten.push({
              waar,
              wat: `Het basistarief van ${code} is 0%.`,
              actie: 'Geef een percentage groter dan 0.',
            });
          else if (p.greaterThan(maxBasis))
            fouten.push({
              waar,
              wat: `Met een basistarief van ${pct(p)}% van het NZa-maximum komt het maximale tarief van het zorgkantoor (basistarief + ${MAX_OPSLAG}% opslag) op ${pct(p.times(dec(1).plus(dec(MAX_OPSLAG).dividedBy(100))))}%, boven het NZa-maximumtarief (regel ${PRIJS_REGEL}: Prijs ≤ Max. tarief ZK ≤ Max. tarief NZa; ${BRON_PRIJS}).`,
              actie: `Kies een basistarief van ten hoogste ${pct(maxBasis.toDecimalPlaces(2, Decimal.ROUND_DOWN))}% van het NZa-maximum.`,
            });
        }
      }
    }
  }
  if (invoer.opslagTabel !== undefined) {
    const t = invoer.opslagTabel;
    if (!Array.isArray(t) || t.length === 0 || t.length > 20) {
      fouten.push({
        waar: `${P}.opslagTabel`,
        wat: 'De opslagtabel moet een lijst van 1 tot 20 rijen { vanaf, opslag } zijn.',
        actie: 'Bijvoorbeeld [{ "vanaf": "3", "opslag": "1" }, { "vanaf": "4", "opslag": "2" }].',
      });
    } else {
      let vorige: { vanaf: Decimal; opslag: Decimal } | null = null;
      t.forEach((r, i) => {
        const waar = `${P}.opslagTabel[${i}]`;
        if (!isObject(r) || typeof r.vanaf !== 'string' || typeof r.opslag !== 'string') {
          fouten.push({ waar, wat: `Rij ${i + 1} heeft geen vanaf en opslag als tekst.` });
          return;
        }
        const extra = Object.keys(r).filter((k) => k !== 'vanaf' && k !== 'opslag');
        for (const k of extra)
          fouten.push({ waar: `${waar}.${k}`, wat: `Onbekend onderdeel '${k}'.`, actie: 'Toegestaan: vanaf, opslag.' });
        if (!DEC.test(norm(r.vanaf))) {
          fouten.push({ waar: `${waar}.vanaf`, wat: `"${r.vanaf}" is geen score met hoogstens twee decimalen.` });
          return;
        }
        if (!DEC.test(norm(r.opslag))) {
          fouten.push({
            waar: `${waar}.opslag`,
            wat: `"${r.opslag}" is geen percentage met hoogstens twee decimalen.`,
          });
          return;
        }
        const vanaf = dec(norm(r.vanaf));
        const opslag = dec(norm(r.opslag));
        if (opslag.greaterThan(MAX_OPSLAG))
          fouten.push({
            waar: `${waar}.opslag`,
            wat: `Een opslag van ${pct(opslag)}% is hoger dan het landelijke maximum van ${MAX_OPSLAG}% (regel F5; ${BRON_PRIJS}: "De maximale tariefsopslag is landelijk vastgesteld op maximaal 3%").`,
            actie: `Kies een opslag van ten hoogste ${MAX_OPSLAG}%.`,
          });
        if (vorige && !vanaf.greaterThan(vorige.vanaf))
          fouten.push({
            waar: `${waar}.vanaf`,
            wat: `Rij ${i + 1} begint bij score ${vanaf.toString()}, niet hoger dan de vorige rij (${vorige.vanaf.toString()}).`,
            actie: 'Zet de rijen op oplopende score.',
          });
        if (vorige && opslag.lessThan(vorige.opslag))
          fouten.push({
            waar: `${waar}.opslag`,
            wat: `Rij ${i + 1} geeft een lagere opslag (${pct(opslag)}%) dan de vorige rij (${pct(vorige.opslag)}%) bij een hogere score.`,
            actie: 'Een hogere score geeft niet minder opslag.',
          });
        vorige = { vanaf, opslag };
      });
    }
  }
  if (invoer.opslagMomenten !== undefined) {
    const m = invoer.opslagMomenten;
    if (!Array.isArray(m) || m.length === 0) {
      fouten.push({
        waar: `${P}.opslagMomenten`,
        wat: 'De toekenningsmomenten moeten een niet-lege lijst zijn.',
        actie: `Kies uit: ${MOMENTEN.join(', ')} (${BRON_MOMENTEN}).`,
      });
    } else {
      const gezien = new Set<string>();
      m.forEach((x, i) => {
        if (typeof x !== 'string' || !(MOMENTEN as readonly string[]).includes(x))
          fouten.push({
            waar: `${P}.opslagMomenten[${i}]`,
            wat: `'${String(x)}' is geen toekenningsmoment.`,
            actie: `Kies uit: ${MOMENTEN.join(', ')} (${BRON_MOMENTEN}).`,
          });
        else if (gezien.has(x))
          fouten.push({ waar: `${P}.opslagMomenten[${i}]`, wat: `Moment '${x}' staat er twee keer in.` });
        gezien.add(String(x));
      });
    }
  }
  return fouten;
}

/** Normalised form of a VALID basistarief / opslagTabel / opslagMomenten (decimal point, no leading zeros). */
export function normaliseerPrijsafspraken(invoer: Record<string, unknown>): {
  basistarief?: Basistarief;
  opslagTabel?: OpslagRij[];
  opslagMomenten?: Moment[];
} {
  const uit: { basistarief?: Basistarief; opslagTabel?: OpslagRij[]; opslagMomenten?: Moment[] } = {};
  if (isObject(invoer.basistarief)) {
    const b: Basistarief = {};
    for (const soort of ['perLeveringsvorm', 'perPrestatie'] as const) {
      const m = invoer.basistarief[soort];
      if (isObject(m) && Object.keys(m).length)
        b[soort] = Object.fromEntries(Object.entries(m).map(([k, v]) => [k.trim(), norm(String(v))]));
    }
    if (Object.keys(b).length) uit.basistarief = b;
  }
  if (Array.isArray(invoer.opslagTabel) && invoer.opslagTabel.length)
    uit.opslagTabel = invoer.opslagTabel
      .filter(isObject)
      .map((r) => ({ vanaf: norm(String(r.vanaf)), opslag: norm(String(r.opslag)) }));
  if (Array.isArray(invoer.opslagMomenten) && invoer.opslagMomenten.length)
    uit.opslagMomenten = [...new Set(invoer.opslagMomenten.map(String))].filter((m): m is Moment =>
      (MOMENTEN as readonly string[]).includes(m),
    );
  return uit;
}

export interface OpslagVoorstel {
  /** proposed opslag, percent with two decimals */
  opslag: string;
  /** the table row applied (null: score below the table, or no score) */
  rij: OpslagRij | null;
  toelichting: string;
  /** the highest opslag the table gives (the ceiling of a deviation) */
  tabelMaximum: string;
}

/** The opslag the table proposes for a weighted score (null score: no plan scored → 0 %). */
export function stelOpslagVoor(score: string | null, tabel: OpslagRij[] | undefined): OpslagVoorstel {
  const rijen = tabel ?? [];
  const tabelMaximum = rijen.length ? pct(Decimal.max(...rijen.map((r) => dec(r.opslag)))) : pct(MAX_OPSLAG);
  if (!rijen.length)
    return {
      opslag: '0.00',
      rij: null,
      tabelMaximum,
      toelichting: 'De regionale paragraaf heeft geen opslagtabel; het zorgkantoor bepaalt de opslag (ten hoogste 3%).',
    };
  if (score === null)
    return { opslag: '0.00', rij: null, tabelMaximum, toelichting: 'Geen gewogen score: geen opslag voorgesteld.' };
  const s = dec(score);
  let rij: OpslagRij | null = null;
  for (const r of rijen) if (s.greaterThanOrEqualTo(r.vanaf)) rij = r;
  return rij
    ? {
        opslag: pct(rij.opslag),
        rij,
        tabelMaximum,
        toelichting: `Gewogen score ${pct(s)} ≥ ${rij.vanaf}: opslag ${pct(rij.opslag)}% volgens de opslagtabel van de regionale paragraaf.`,
      }
    : {
        opslag: '0.00',
        rij: null,
        tabelMaximum,
        toelichting: `Gewogen score ${pct(s)} ligt onder de eerste rij van de opslagtabel (${rijen[0].vanaf}): geen opslag.`,
      };
}

/**
 * The opslag decided at the award: the proposal, or a deviation by the manager with a motivation,
 * never above 3 % and never above the table's highest opslag. Refuses (RegelFout) otherwise.
 */
export function besluitOpslag(
  gevraagd: string | null | undefined,
  voorstel: OpslagVoorstel,
  motivatie: string | null | undefined,
): { opslag: string; afwijking: boolean } {
  const g = gevraagd?.trim();
  if (!g) return { opslag: voorstel.opslag, afwijking: false };
  if (!DEC.test(norm(g)) && !/^\d+(\.\d+)?$/.test(norm(g)))
    throw new RegelFout(OPSLAG_REGEL, `"${g}" is geen percentage.`, [
      { waar: 'opslagPercentage', wat: `"${g}" is geen percentage.`, actie: 'Geef een percentage, bijv. 2.5.' },
    ]);
  const o = dec(norm(g));
  const fouten: RegelFoutDetail[] = [];
  if (o.greaterThan(MAX_OPSLAG))
    fouten.push({
      waar: 'opslagPercentage',
      wat: `Een tariefopslag van ${pct(o)}% is hoger dan het landelijke maximum van ${MAX_OPSLAG}% (regel F5; ${BRON_PRIJS}: "De maximale tariefsopslag is landelijk vastgesteld op maximaal 3%").`,
      actie: `Kies een opslag van ten hoogste ${MAX_OPSLAG}%.`,
    });
  else if (o.greaterThan(voorstel.tabelMaximum))
    fouten.push({
      waar: 'opslagPercentage',
      wat: `Een tariefopslag van ${pct(o)}% is hoger dan de hoogste opslag van de opslagtabel in de regionale paragraaf (${voorstel.tabelMaximum}%) (regel ${OPSLAG_REGEL}; ${BRON_PRIJS}: het zorgkantoor bepaalt de opslag "aan de hand van het beoordelingskader").`,
      actie: `Kies een opslag van ten hoogste ${voorstel.tabelMaximum}%.`,
    });
  const afwijking = !o.equals(voorstel.opslag);
  if (!fouten.length && afwijking && !motivatie?.trim())
    fouten.push({
      waar: 'motivatie',
      wat: `De opslag ${pct(o)}% wijkt af van het voorstel uit de opslagtabel (${voorstel.opslag}%) zonder motivatie (regel ${OPSLAG_REGEL}: "het finale besluit ligt bij het zorgkantoor", gemotiveerd).`,
      actie: 'Motiveer de afwijking, of neem de voorgestelde opslag over.',
    });
  if (fouten.length) throw new RegelFout(fouten[0].waar === 'motivatie' ? OPSLAG_REGEL : 'F5', fouten[0].wat, fouten);
  return { opslag: pct(o), afwijking };
}

export interface PrestatieTarief {
  prestatieCode: string;
  omschrijving?: string;
  leveringsvorm: string | null;
  /** NZa maximum tariff (euros, string) */
  nzaMax: string;
  /** whether the NZa figures are examples */
  voorbeeld?: boolean;
}
export interface Prijsregel {
  prestatieCode: string;
  omschrijving: string | null;
  leveringsvorm: string | null;
  nzaMax: string;
  basistariefPct: string;
  basistarief: string;
  opslagPct: string;
  prijs: string;
  maxTariefZk: string;
  voorbeeld: boolean;
}

/** Down to whole cents (see the header: the NZa maximum is a ceiling). */
const omlaag = (v: Decimal) => v.toDecimalPlaces(2, Decimal.ROUND_DOWN);

/** Basistarief % for a prestatie: its own row, else its leveringsvorm's; null = not covered. */
export function basistariefPct(b: Basistarief | undefined, p: { prestatieCode: string; leveringsvorm: string | null }) {
  return (
    b?.perPrestatie?.[p.prestatieCode] ?? (p.leveringsvorm ? b?.perLeveringsvorm?.[p.leveringsvorm] : undefined) ?? null
  );
}

/**
 * Price per prestatie = basistarief + opslag, checked Prijs ≤ Max. tarief ZK ≤ Max. tarief NZa.
 * Prestaties without a basistarief in the regional paragraph are left out. Refuses (RegelFout) a price
 * or a Max. tarief ZK above the NZa maximum, naming the prestatie.
 */
export function berekenPrijzen(b: Basistarief | undefined, tarieven: PrestatieTarief[], opslag: string): Prijsregel[] {
  const o = dec(opslag);
  if (o.isNegative() || o.greaterThan(MAX_OPSLAG))
    throw new RegelFout('F5', `Een tariefopslag van ${pct(o)}% ligt buiten 0–${MAX_OPSLAG}% (${BRON_PRIJS}).`, [
      { waar: 'opslagPercentage', wat: `Opslag ${pct(o)}%.`, actie: `Kies 0 tot en met ${MAX_OPSLAG}%.` },
    ]);
  const uit: Prijsregel[] = [];
  const fouten: RegelFoutDetail[] = [];
  for (const t of tarieven) {
    const p = basistariefPct(b, t);
    if (p === null) continue;
    const nza = dec(t.nzaMax);
    const basis = omlaag(nza.times(p).dividedBy(100));
    const prijs = omlaag(basis.times(dec(1).plus(o.dividedBy(100))));
    const maxZk = omlaag(basis.times(dec(1).plus(dec(MAX_OPSLAG).dividedBy(100))));
    if (prijs.greaterThan(maxZk) || maxZk.greaterThan(nza))
      fouten.push({
        waar: `prestatie ${t.prestatieCode}`,
        wat: `De prijs voor ${t.prestatieCode} (€ ${prijs.toFixed(2)}; max. tarief zorgkantoor € ${maxZk.toFixed(2)}) ligt boven het NZa-maximumtarief van € ${nza.toFixed(2)} (regel ${PRIJS_REGEL}: Prijs ≤ Max. tarief ZK ≤ Max. tarief NZa; ${BRON_PRIJS}).`,
        actie: 'Verlaag het basistarief in de regionale paragraaf.',
      });
    uit.push({
      prestatieCode: t.prestatieCode,
      omschrijving: t.omschrijving ?? null,
      leveringsvorm: t.leveringsvorm,
      nzaMax: nza.toFixed(2),
      basistariefPct: pct(p),
      basistarief: basis.toFixed(2),
      opslagPct: pct(o),
      prijs: prijs.toFixed(2),
      maxTariefZk: maxZk.toFixed(2),
      voorbeeld: !!t.voorbeeld,
    });
  }
  if (fouten.length) throw new RegelFout(PRIJS_REGEL, fouten[0].wat, fouten);
  return uit;
}
