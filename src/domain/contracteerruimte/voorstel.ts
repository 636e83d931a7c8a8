/**
 * From an allocation (a total per provider, or per prestatie under model P) to proposed
 * productieafspraken per provider × prestatie, each obeying amount = price × volume.
 *
 * Product choice (the sources give no rule for this step): a provider's total is split over its
 * prestaties in proportion to last year's realised amounts (its mix), to the cent by largest
 * remainder; the volume is that share divided by the price, rounded DOWN to hundredths, so a line
 * never exceeds its share and the region's total never exceeds the allocation. The cents that
 * rounding leaves stay in the pool.
 */
import { Decimal, dec, roundCents } from '../money.ts';
import { naarRato } from '../budget/afronden.ts';
import { bedragVan } from './afspraak.ts';

export interface MixRegel {
  prestatie: string;
  leveringsvorm: string | null;
  /** price per unit for the agreement (before a tariff change of the scenario) */
  prijs: string;
  /** last year's realised amount for this prestatie (the weight) */
  referentieBedrag: string;
}

export interface Toekenning {
  aanbieder: string;
  bedrag: string;
  /** model P: amounts per prestatie from the engine */
  prestaties?: { code: string; volume: string; maxTarief: string; percentage: string }[];
}

export interface VoorstelRegel {
  aanbiederId: string;
  prestatie: string;
  leveringsvorm: string | null;
  prijs: string;
  volume: string;
  bedrag: string;
}

export interface Voorstel {
  regels: VoorstelRegel[];
  /** providers with an allocation but no prestatie mix to turn it into lines */
  zonderMix: string[];
}

export function maakVoorstel(
  toekenningen: Toekenning[],
  mix: Record<string, MixRegel[]>,
  opts: { tariefFactor?: string; leveringsvormVan?: (code: string) => string | null } = {},
): Voorstel {
  const factor = dec(opts.tariefFactor ?? '100').dividedBy(100);
  const regels: VoorstelRegel[] = [];
  const zonderMix: string[] = [];
  for (const t of [...toekenningen].sort((a, b) => (a.aanbieder < b.aanbieder ? -1 : 1))) {
    if (t.prestaties?.length) {
      for (const p of t.prestaties) {
        const prijs = roundCents(dec(p.maxTarief).times(p.percentage).dividedBy(100));
        const volume = dec(p.volume).toDecimalPlaces(2, Decimal.ROUND_DOWN);
        regels.push({
          aanbiederId: t.aanbieder,
          prestatie: p.code,
          leveringsvorm:
            opts.leveringsvormVan?.(p.code) ??
            mix[t.aanbieder]?.find((m) => m.prestatie === p.code)?.leveringsvorm ??
            null,
          prijs: prijs.toFixed(2),
          volume: volume.toFixed(2),
          bedrag: bedragVan(prijs, volume).toFixed(2),
        });
      }
      continue;
    }
    const m = (mix[t.aanbieder] ?? []).filter((x) => dec(x.prijs).greaterThan(0));
    const totaal = dec(t.bedrag);
    if (totaal.isZero()) continue;
    if (!m.length) {
      zonderMix.push(t.aanbieder);
      continue;
    }
    const inCenten = (v: string) => BigInt(dec(v).times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0));
    let gewichten = m.map((x) => inCenten(x.referentieBedrag));
    if (gewichten.every((g) => g === 0n)) gewichten = m.map(() => 1n);
    const delen = naarRato(
      m.map((x) => x.prestatie),
      gewichten,
      inCenten(t.bedrag),
    ).map((c) => new Decimal(c.toString()).dividedBy(100));
    m.forEach((x, i) => {
      const prijs = roundCents(dec(x.prijs).times(factor));
      if (prijs.isZero()) return;
      const volume = delen[i].dividedBy(prijs).toDecimalPlaces(2, Decimal.ROUND_DOWN);
      regels.push({
        aanbiederId: t.aanbieder,
        prestatie: x.prestatie,
        leveringsvorm: x.leveringsvorm,
        prijs: prijs.toFixed(2),
        volume: volume.toFixed(2),
        bedrag: bedragVan(prijs, volume).toFixed(2),
      });
    });
  }
  return { regels, zonderMix };
}

/** Totals of a proposal per provider and per leveringsvorm (for comparing scenarios). */
export function totalenVoorstel(v: VoorstelRegel[]) {
  const perAanbieder = new Map<string, Decimal>();
  const perLv = new Map<string, Decimal>();
  let totaal = new Decimal(0);
  for (const r of v) {
    perAanbieder.set(r.aanbiederId, (perAanbieder.get(r.aanbiederId) ?? new Decimal(0)).plus(r.bedrag));
    const lv = r.leveringsvorm ?? 'overig';
    perLv.set(lv, (perLv.get(lv) ?? new Decimal(0)).plus(r.bedrag));
    totaal = totaal.plus(r.bedrag);
  }
  const uit = (m: Map<string, Decimal>) => Object.fromEntries([...m].sort().map(([k, b]) => [k, b.toFixed(2)]));
  return { totaal: totaal.toFixed(2), perAanbieder: uit(perAanbieder), perLeveringsvorm: uit(perLv) };
}
