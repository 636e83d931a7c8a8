/**
 * Caps per provider derived from purchasing rules, as a `plafond` in euros for the allocation engine
 * (pure: no database, no solver). Two rules:
 *
 *  - the growth ceiling for residential care with treatment (Zorg en Zekerheid; see GROEIPLAFOND_BRON):
 *    "Groeiplafond tot 80% voor verblijf incl. behandeling, tegenover de totale intramurale mix."
 *  - a maximum of intramural days (verblijf) per provider (capacity), entered by the zorgkantoor.
 *
 * Product's choice (the source gives the ceiling as a share, the engine needs an amount): the rest of
 * the provider's mix is taken at last year's level and the whole growth is assumed to go to the capped
 * part. The cap so derived holds the rule however the growth is spread over the mix, as long as no
 * part of the mix shrinks below last year. Caps are rounded DOWN to the cent: never above the rule.
 */
import { Decimal } from '../money.ts';

export const GROEIPLAFOND_BRON = {
  document: 'Tabel thema’s in contractering langdurige zorg 2024 - 2026',
  sectie: 'Zorg en Zekerheid, Bekostiging en tarieven',
  tekst: 'Groeiplafond tot 80% voor verblijf incl. behandeling, tegenover de totale intramurale mix.',
} as const;

/** One line of a provider's mix: last year's realisation per prestatie. */
export interface PlafondMixRegel {
  prestatie: string;
  leveringsvorm: string | null;
  /** zorgprofiel/prestatie includes treatment (behandeling) */
  behandeling?: boolean | null;
  referentieBedrag: string;
  referentieVolume: string;
}

export interface PlafondRegels {
  /** share (percent) that verblijf incl. behandeling may reach of the intramural mix; null = rule off */
  groeiplafondBehandeling?: string | null;
  /** per provider: maximum intramural days (verblijf) */
  intramuraleDagen?: Record<string, string>;
}

export interface AfgeleidPlafond {
  aanbieder: string;
  /** euros, two decimals */
  plafond: string;
  regel: 'groeiplafond-behandeling' | 'intramurale-dagen';
  uitleg: string;
}

const INTRAMURAAL = 'verblijf';
const eur = (x: Decimal) => `€ ${x.toFixed(2)}`;
const som = (xs: PlafondMixRegel[], f: (m: PlafondMixRegel) => string) =>
  xs.reduce((s, m) => s.plus(f(m)), new Decimal(0));
const omlaag = (x: Decimal) => x.toDecimalPlaces(2, Decimal.ROUND_DOWN);

/** The growth ceiling as an amount, or null when the rule does not limit this provider. */
export function groeiplafond(id: string, mix: PlafondMixRegel[], percentage: string): AfgeleidPlafond | null {
  const p = new Decimal(percentage);
  if (p.lte(0) || p.gte(100)) return null;
  const intra = mix.filter((m) => m.leveringsvorm === INTRAMURAAL);
  const metB = som(
    intra.filter((m) => m.behandeling),
    (m) => m.referentieBedrag,
  );
  const zonderB = som(
    intra.filter((m) => !m.behandeling),
    (m) => m.referentieBedrag,
  );
  if (metB.isZero()) return null; // no residential care with treatment in the mix: nothing to cap
  const totaal = som(mix, (m) => m.referentieBedrag);
  // metB' ≤ p × (metB' + zonderB)  ⇔  metB' ≤ p / (100 − p) × zonderB
  const maxMetB = omlaag(zonderB.times(p).dividedBy(new Decimal(100).minus(p)));
  const groei = Decimal.max(0, maxMetB.minus(metB));
  const plafond = totaal.plus(groei);
  return {
    aanbieder: id,
    plafond: plafond.toFixed(2),
    regel: 'groeiplafond-behandeling',
    uitleg:
      `Groeiplafond verblijf incl. behandeling (${p.toString()}% van de intramurale mix): vorig jaar incl. behandeling ${eur(metB)}, ` +
      `overig verblijf ${eur(zonderB)}; incl. behandeling mag groeien tot ${p.toString()}/${new Decimal(100).minus(p).toString()} × ${eur(zonderB)} = ${eur(maxMetB)}` +
      `${groei.isZero() ? ' (al bereikt: geen groei)' : ''}; plafond = referentie ${eur(totaal)} + groei ${eur(groei)} = ${eur(plafond)}. ` +
      `Bron: ${GROEIPLAFOND_BRON.document}, ${GROEIPLAFOND_BRON.sectie}: "${GROEIPLAFOND_BRON.tekst}" ` +
      'Keuze van het product: de rest van de mix blijft op het niveau van vorig jaar en de hele groei telt als verblijf incl. behandeling, zodat het plafond de regel houdt hoe de groei ook valt.',
  };
}

/** A maximum of intramural days as an amount: days × last year's average intramural day price + the rest of the mix. */
export function dagenplafond(id: string, mix: PlafondMixRegel[], dagen: string): AfgeleidPlafond | null {
  const n = new Decimal(dagen);
  const intra = mix.filter((m) => m.leveringsvorm === INTRAMURAAL);
  const bedrag = som(intra, (m) => m.referentieBedrag);
  const volume = som(intra, (m) => m.referentieVolume);
  if (volume.isZero()) return null; // no intramural days last year: no day price to convert with
  const dagprijs = bedrag.dividedBy(volume);
  const intraMax = omlaag(n.times(dagprijs));
  const rest = som(mix, (m) => m.referentieBedrag).minus(bedrag);
  const plafond = rest.plus(intraMax);
  return {
    aanbieder: id,
    plafond: plafond.toFixed(2),
    regel: 'intramurale-dagen',
    uitleg:
      `Plafond intramurale dagen: ten hoogste ${n.toString()} dagen verblijf × gemiddelde dagprijs vorig jaar ` +
      `(${eur(bedrag)} / ${volume.toString()} dagen) = ${eur(intraMax)}, plus de rest van de mix ${eur(rest)} = ${eur(plafond)}. ` +
      'Keuze van het product: het aantal dagen is een capaciteitsgrens die het zorgkantoor invoert; omgerekend met de gerealiseerde dagprijs.',
  };
}

/**
 * Per provider the tightest cap its rules give (null: none). An explicit cap of the scenario, when
 * lower, stays the cap; the explanation names every rule that applied.
 */
export function plafondsUitRegels(
  aanbieders: { id: string; mix: PlafondMixRegel[]; plafond?: string | null }[],
  regels: PlafondRegels,
): Map<string, { plafond: string; regels: AfgeleidPlafond[]; uitleg: string }> {
  const uit = new Map<string, { plafond: string; regels: AfgeleidPlafond[]; uitleg: string }>();
  for (const a of aanbieders) {
    const afgeleid: AfgeleidPlafond[] = [];
    if (regels.groeiplafondBehandeling) {
      const g = groeiplafond(a.id, a.mix, regels.groeiplafondBehandeling);
      if (g) afgeleid.push(g);
    }
    const dagen = regels.intramuraleDagen?.[a.id];
    if (dagen !== undefined && dagen !== null) {
      const g = dagenplafond(a.id, a.mix, dagen);
      if (g) afgeleid.push(g);
    }
    if (!afgeleid.length) continue;
    let laagste = afgeleid.reduce(
      (m, x) => (new Decimal(x.plafond).lt(m) ? new Decimal(x.plafond) : m),
      new Decimal(Infinity),
    );
    const zinnen = afgeleid.map((x) => x.uitleg);
    if (a.plafond && new Decimal(a.plafond).lt(laagste)) {
      laagste = new Decimal(a.plafond);
      zinnen.push(`Het ingevoerde plafond (${eur(laagste)}) is lager en geldt.`);
    }
    uit.set(a.id, { plafond: laagste.toFixed(2), regels: afgeleid, uitleg: zinnen.join(' ') });
  }
  return uit;
}

/** Appends the rule behind a derived cap to the engine's explanation of each provider it applies to. */
export function metPlafondUitleg<T extends { aanbieder: string; uitleg: string; bindend: string[] }>(
  afspraken: T[],
  plafonds: Map<string, { plafond: string; uitleg: string }>,
): T[] {
  return afspraken.map((x) => {
    const p = plafonds.get(x.aanbieder);
    if (!p) return x;
    const bindt = x.bindend.includes('plafond');
    return {
      ...x,
      uitleg: `${x.uitleg} Plafond ${eur(new Decimal(p.plafond))}${bindt ? ' (bindt)' : ''}: ${p.uitleg}`,
    };
  });
}
