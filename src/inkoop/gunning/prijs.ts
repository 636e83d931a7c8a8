/**
 * The opslag becomes a price (src/domain/inkoop/opslag.ts; Inkoopkader Langdurige Zorg 2016, §2.2.4
 * "Bepaling van de prijs").
 *
 *  - At the provisional award the opslag is proposed from the regional paragraph's score table; the
 *    manager may deviate with a motivation, never above 3 % or the table's highest opslag. Without a
 *    table the zorgkantoor sets the opslag itself (≤ 3 %, regel F5).
 *  - Price per prestatie = basistarief (% of the NZa maximum, regional paragraph) + opslag, checked
 *    Prijs ≤ Max. tarief ZK ≤ NZa maximum; shown in the letters and the contract.
 *  - The opslag is granted at the moments the regional paragraph names (initieel, herschikking,
 *    nacalculatie); each grant is recorded (opslag_toekenning) with the prices from that moment
 *    (overeenkomst_prijs). Product choice: a regional paragraph that names no moment grants the whole
 *    opslag at the initial award.
 *  - gegundePrijzen(db, overeenkomstId) is the read function for the production agreements
 *    (exported through src/inkoop/index.ts).
 */
import type { AppContext } from '../../platform/context.ts';
import type { Queryable } from '../../platform/db/index.ts';
import type { Actor } from '../../platform/auth/roles.ts';
import { appendAudit } from '../../platform/audit.ts';
import { auditActor } from '../../platform/audit.ts';
import { conflict, notFound, unprocessable } from '../../platform/errors.ts';
import { RegelFout } from '../../domain/inkoop/beoordeling.ts';
import { bepaalUitkomst, type Uitkomst, type UitkomstInvoer } from '../../domain/inkoop/uitkomst.ts';
import { Decimal, dec, pct } from '../../domain/money.ts';
import {
  berekenPrijzen,
  besluitOpslag,
  BRON_MOMENTEN,
  BRON_PRIJS,
  MOMENT_NAMEN,
  MOMENTEN,
  OPSLAG_REGEL,
  PRIJS_REGEL,
  stelOpslagVoor,
  type Moment,
  type OpslagVoorstel,
  type Prijsregel,
} from '../../domain/inkoop/opslag.ts';
import { BRON_TWEEJARIG_2016 } from '../../domain/inkoop/toetreding.ts';
import type { RegionaleParagraaf } from '../../domain/inkoop/regionale-paragraaf.ts';
import { redenenMetHerkomst, type SignaalHerkomst } from '../signalen/service.ts';
import type { KaderRij } from '../kader.ts';
import { BRON_G5, type RegionaleBerekening } from './regionaal.ts';
import { ontwikkelplanStand } from '../ontwikkelplan.ts';
import { BESLISTABEL_TYPES, gunningsvoorwaarden } from './voorwaarden.ts';
import * as store from './store.ts';

interface KaderLike {
  id: string;
  organisatie_id: string;
  procedure_type: string;
  sector: string;
  jaar_van: number;
  regionale_paragraaf: any;
}

const alsFout = (e: unknown): never => {
  if (e instanceof RegelFout) throw unprocessable(e.regel, e.message, { fouten: e.fouten, actie: e.fouten[0]?.actie });
  throw e;
};
const paragraaf = (k: KaderLike) => (k.regionale_paragraaf ?? {}) as RegionaleParagraaf;
const momentenVan = (k: KaderLike): Moment[] => paragraaf(k).opslagMomenten ?? ['initieel'];

/**
 * The opslag for the 2016 decision table at the provisional award: with an agreed plan and a score
 * table, the table's proposal or the manager's motivated deviation. Returned fields are merged into
 * the stored UitkomstInvoer, so the award can be reproduced.
 */
export function opslagVoorGunning(
  k: KaderLike,
  besluit: { totaalscore: string | number | null },
  u: UitkomstInvoer,
  inv: { opslagPercentage?: string | null; motivatie?: string },
): {
  opslagPercentage: string | null;
  opslagVoorstel: OpslagVoorstel | null;
  opslagAfwijking: boolean;
  opslagMotivatie?: string | null;
} {
  const tabel = paragraaf(k).opslagTabel;
  const planAkkoord = u.zelfanalyseEnVoorstel && u.definitiefOntwikkelplan;
  if (!tabel?.length || !planAkkoord)
    return { opslagPercentage: inv.opslagPercentage ?? null, opslagVoorstel: null, opslagAfwijking: false };
  const score = besluit.totaalscore === null ? null : dec(String(besluit.totaalscore)).toFixed(2);
  const voorstel = stelOpslagVoor(score, tabel);
  try {
    const b = besluitOpslag(inv.opslagPercentage, voorstel, inv.motivatie);
    return {
      opslagPercentage: b.opslag,
      opslagVoorstel: voorstel,
      opslagAfwijking: b.afwijking,
      opslagMotivatie: b.afwijking ? (inv.motivatie?.trim() ?? null) : null,
    };
  } catch (e) {
    return alsFout(e);
  }
}

async function nzaTarieven(q: Queryable, sector: string, jaar: number) {
  const rows = await store.nzaTarievenVan(q, sector, jaar);
  return rows.map((r) => ({
    prestatieCode: r.code,
    omschrijving: r.omschrijving,
    leveringsvorm: r.leveringsvorm,
    nzaMax: r.tarief,
    voorbeeld: r.voorbeeld,
  }));
}

const MET_OPSLAG: Uitkomst[] = ['eenjarig-opslag', 'tweejarig-opslag'];

/** The stored award input, with the opslag fields of opslagVoorGunning when the decision table set them. */
type OpslagInvoer = object & {
  opslagVoorstel?: OpslagVoorstel | null;
  opslagAfwijking?: boolean;
  opslagMotivatie?: string | null;
};

/** Prices for a letter/contract of the 2016 decision table, and how to store them with the award. */
export async function prijsGegevens(q: Queryable, k: KaderLike, uitkomst: Uitkomst, opslag: string) {
  const leeg = {
    brief: {} as { prijzen?: Prijsregel[]; prijsToelichting2016?: string[] },
    regels: [] as Prijsregel[],
    opslagInPrijs: '0.00',
    audit: null as unknown,
    opslaan: async (_t: Queryable, _g: string, _invoer: OpslagInvoer) => {},
  };
  // a 2008 kader has no basistarief and no opslag (src/domain/inkoop/uitkomst-2008.ts)
  if (
    !BESLISTABEL_TYPES.includes(k.procedure_type) ||
    uitkomst === 'geen-overeenkomst' ||
    uitkomst === 'overeenkomst-2008'
  )
    return leeg;
  const rp = paragraaf(k);
  const momenten = momentenVan(k);
  const metOpslag = MET_OPSLAG.includes(uitkomst) && dec(opslag).greaterThan(0);
  const opslagInPrijs = metOpslag && momenten.includes('initieel') ? pct(opslag) : '0.00';
  let prijzen: Prijsregel[] = [];
  if (rp.basistarief) {
    const tarieven = await nzaTarieven(q, k.sector, k.jaar_van);
    try {
      prijzen = berekenPrijzen(rp.basistarief, tarieven, opslagInPrijs);
    } catch (e) {
      alsFout(e);
    }
  }
  const toelichting: string[] = [];
  if (!rp.basistarief)
    toelichting.push(
      `Het basistarief staat nog niet in de regionale paragraaf van het zorgkantoor; de prijs per prestatie (basistarief plus opslag) wordt vastgelegd zodra het basistarief is bepaald (${BRON_PRIJS}).`,
    );
  else if (!prijzen.length)
    toelichting.push(
      `Voor ${k.jaar_van} zijn (nog) geen NZa-maximumtarieven voor sector ${k.sector} ingelezen; de prijs per prestatie volgt na het inlezen (${BRON_PRIJS}).`,
    );
  else
    toelichting.push(
      `Prijs per prestatie = basistarief (percentage van het NZa-maximumtarief volgens de regionale paragraaf) + tariefopslag op het basistarief; Prijs ≤ max. tarief zorgkantoor (basistarief + 3%) ≤ NZa-maximumtarief (${BRON_PRIJS}).`,
    );
  if (metOpslag)
    toelichting.push(
      `De tariefopslag van ${pct(opslag).replace('.', ',')}% wordt toegekend bij: ${momenten.map((m) => MOMENT_NAMEN[m]).join(', ')} (regionale paragraaf; ${BRON_MOMENTEN}).${momenten.includes('initieel') ? '' : ' De prijzen hieronder zijn daarom nog zonder opslag.'}`,
    );
  if (prijzen.some((p) => p.voorbeeld))
    toelichting.push('Let op: de NZa-tarieven in deze omgeving zijn voorbeeldcijfers, geen echte NZa-tarieven.');
  return {
    brief: { prijzen, prijsToelichting2016: toelichting },
    regels: prijzen,
    opslagInPrijs,
    audit: { regel: PRIJS_REGEL, opslagInPrijs, momenten, aantalPrestaties: prijzen.length },
    opslaan: async (t: Queryable, gunningId: string, invoer: OpslagInvoer) => {
      const v = 'opslagVoorstel' in invoer ? invoer.opslagVoorstel : null;
      await store.zetGunningPrijzen(
        t,
        gunningId,
        { regel: PRIJS_REGEL, momenten, opslagInPrijs, prijzen },
        v ? v.opslag : null,
        'opslagAfwijking' in invoer && invoer.opslagAfwijking ? (invoer.opslagMotivatie ?? null) : null,
      );
    },
  };
}

/** At the final award: the prices of the initial moment, and the initial grant of the opslag. */
export async function prijzenVastleggen(
  t: Queryable,
  k: KaderLike,
  overeenkomstId: string,
  p: Awaited<ReturnType<typeof prijsGegevens>>,
  door: string,
  nu: Date,
) {
  if (!BESLISTABEL_TYPES.includes(k.procedure_type)) return null;
  if (dec(p.opslagInPrijs).greaterThan(0))
    await store.schrijfOpslagToekenning(t, {
      overeenkomstId,
      moment: 'initieel',
      percentage: p.opslagInPrijs,
      cumulatief: p.opslagInPrijs,
      motivatie: 'Initiële toekenning bij de definitieve gunning (regionale paragraaf).',
      door,
      op: nu,
    });
  await schrijfPrijzen(t, overeenkomstId, 'initieel', k.jaar_van, p.regels);
  return { opslagInPrijs: p.opslagInPrijs, prestaties: p.regels.length };
}

async function schrijfPrijzen(
  t: Queryable,
  overeenkomstId: string,
  moment: Moment,
  jaar: number,
  regels: Prijsregel[],
) {
  for (const r of regels) await store.schrijfOvereenkomstPrijs(t, overeenkomstId, moment, jaar, r);
}

type OpslagOvereenkomst = NonNullable<Awaited<ReturnType<typeof store.overeenkomstVoorOpslag>>>;
type OpslagKader = NonNullable<Awaited<ReturnType<typeof store.laadKaderRij>>>;

/**
 * The checks of a later grant (herschikking or nacalculatie) on a loaded contract: the moment is named
 * by the regional paragraph, an opslag was agreed, not yet granted at this moment, and the cumulative
 * opslag stays within what was agreed. Returns the normalised percentage and the new cumulative.
 */
async function controleerLatereToekenning(
  t: Queryable,
  o: OpslagOvereenkomst,
  k: OpslagKader,
  moment: string,
  percentage: string | undefined,
): Promise<{ m: Moment; p: string; cumulatief: Decimal; eerder: string | null }> {
  const momenten = momentenVan(k);
  const m = moment as Moment;
  if (!(MOMENTEN as readonly string[]).includes(m) || m === 'initieel')
    throw unprocessable(
      OPSLAG_REGEL,
      `'${moment}' is geen later toekenningsmoment (herschikking of nacalculatie; ${BRON_MOMENTEN}).`,
      {
        fouten: [{ waar: 'moment', wat: `Onbekend moment '${moment}'.`, actie: 'Kies herschikking of nacalculatie.' }],
      },
    );
  if (!momenten.includes(m))
    throw unprocessable(
      OPSLAG_REGEL,
      `De regionale paragraaf noemt ${MOMENT_NAMEN[m]} niet als moment waarop de opslag wordt toegekend (genoemd: ${momenten.map((x) => MOMENT_NAMEN[x]).join(', ')}; ${BRON_MOMENTEN}: "Zorgkantoren lichten in hun regionale paragraaf toe wanneer en onder welke condities zij (delen van) de tariefsopslag in het tarief verwerken").`,
      {
        fouten: [
          {
            waar: 'moment',
            wat: `Moment ${m} staat niet in de regionale paragraaf.`,
            actie: 'Kies een moment uit de regionale paragraaf.',
          },
        ],
      },
    );
  if (!['eenjarig_opslag', 'tweejarig'].includes(o.uitkomst) || !o.opslag || dec(o.opslag).isZero())
    throw unprocessable(
      OPSLAG_REGEL,
      'Bij deze overeenkomst is geen tariefopslag afgesproken; er valt niets toe te kennen.',
    );
  const p = percentage?.trim().replace(',', '.');
  if (!p || !/^\d+(\.\d{1,2})?$/.test(p))
    throw unprocessable(OPSLAG_REGEL, `"${percentage}" is geen percentage.`, {
      fouten: [{ waar: 'percentage', wat: 'Geen percentage.', actie: 'Geef bijv. "1.5".' }],
    });
  if (await store.isOpslagToegekend(t, o.id, m))
    throw conflict('al-toegekend', `Bij ${MOMENT_NAMEN[m]} is de opslag al toegekend.`);
  const eerder = await store.toegekendeOpslag(t, o.id);
  const cumulatief = dec(eerder ?? '0').plus(p);
  if (cumulatief.greaterThan(o.opslag))
    throw unprocessable(
      OPSLAG_REGEL,
      `Met ${pct(p)}% komt de toegekende opslag op ${pct(cumulatief)}%, meer dan de bij de gunning afgesproken opslag van ${pct(o.opslag)}% (regel ${OPSLAG_REGEL}; ${BRON_PRIJS}).`,
      {
        fouten: [
          {
            waar: 'percentage',
            wat: `Ten hoogste ${pct(dec(o.opslag).minus(eerder ?? '0'))}% kan nog worden toegekend.`,
          },
        ],
      },
    );
  return { m, p, cumulatief, eerder };
}

/** Records a checked grant: the grant row, the prices from this moment, the audit entry. */
async function schrijfLatereToekenning(
  t: Queryable,
  a: Actor,
  o: OpslagOvereenkomst,
  k: OpslagKader,
  x: { m: Moment; p: string; cumulatief: Decimal; motivatie: string | null; nu: Date; extra?: object },
) {
  await store.schrijfOpslagToekenning(t, {
    overeenkomstId: o.id,
    moment: x.m,
    percentage: pct(x.p),
    cumulatief: pct(x.cumulatief),
    motivatie: x.motivatie,
    door: a.gebruikerId,
    op: x.nu,
  });
  const rp = paragraaf(k);
  let regels: Prijsregel[] = [];
  if (rp.basistarief) {
    try {
      regels = berekenPrijzen(rp.basistarief, await nzaTarieven(t, k.sector, k.jaar_van), pct(x.cumulatief));
    } catch (e) {
      alsFout(e);
    }
  }
  await schrijfPrijzen(t, o.id, x.m, k.jaar_van, regels);
  await appendAudit(t, auditActor(a), {
    actie: 'inkoop.opslag.toegekend',
    onderwerpType: 'overeenkomst',
    onderwerpId: o.id,
    invoer: {
      moment: x.m,
      percentage: pct(x.p),
      motivatie: x.motivatie,
      afgesproken: pct(o.opslag ?? '0'),
      ...x.extra,
    },
    resultaat: { cumulatief: pct(x.cumulatief), prestaties: regels.length },
    regel: OPSLAG_REGEL,
  });
}

/** Grants (part of) the agreed opslag at herschikking or nacalculatie, as the regional paragraph names. */
export async function kenOpslagToe(
  ctx: AppContext,
  a: Actor,
  overeenkomstId: string,
  body: { moment: string; percentage: string; motivatie?: string },
) {
  return ctx.db.tx(async (t) => {
    const o = await store.overeenkomstVoorOpslag(t, overeenkomstId);
    if (!o || o.zorgkantoor_id !== a.organisatieId) throw notFound('Deze overeenkomst');
    const k = await store.laadKaderRij(t, o.kader_id);
    if (!k) throw notFound('Deze overeenkomst');
    const c = await controleerLatereToekenning(t, o, k, body.moment, body.percentage);
    await schrijfLatereToekenning(t, a, o, k, { ...c, motivatie: body.motivatie?.trim() || null, nu: ctx.now() });
    return gegundePrijzen(t, o.id);
  });
}

export interface OpslagBijHerschikking {
  overeenkomstId: string;
  /** the percentage granted at this moment (two decimals) */
  percentage: string;
  /** the opslag in the price after this grant */
  cumulatief: string;
  /** what the rules propose: the rest of the opslag agreed at the award */
  voorstel: string;
  tabelMaximum: string;
  afwijking: boolean;
  motivatie: string | null;
}

/**
 * The rules for an opslag granted at a herschikking round (realisatie), the same as at the award and
 * on the price page: the contract the provider holds with the zorgkantoor for the year; never above
 * 3 % (F5) or the score table's highest opslag; a percentage other than the proposal (the rest of the
 * opslag agreed at the award) needs a motivation; the moment herschikking must be in the regional
 * paragraph; cumulative never above what was agreed. Refuses with the rule and its source (422).
 */
export async function toetsOpslagBijHerschikking(
  q: Queryable,
  inv: { zorgkantoorId: string; aanbiederId: string; jaar: number; percentage: string; motivatie?: string | null },
): Promise<OpslagBijHerschikking> {
  const id = await store.overeenkomstIdVoorAanbieder(q, inv.aanbiederId, inv.zorgkantoorId, inv.jaar);
  const o = id ? await store.overeenkomstVoorOpslag(q, id) : null;
  const k = o ? await store.laadKaderRij(q, o.kader_id) : null;
  if (!o || !k || o.zorgkantoor_id !== inv.zorgkantoorId)
    throw unprocessable(
      OPSLAG_REGEL,
      `${inv.aanbiederId} heeft voor ${inv.jaar} geen overeenkomst uit een gunning met het zorgkantoor; een tariefopslag hoort bij een overeenkomst (${BRON_PRIJS}).`,
      { fouten: [{ waar: 'opslag', wat: 'geen overeenkomst', actie: 'Laat de opslag leeg voor deze aanbieder.' }] },
    );
  const eerder = await store.toegekendeOpslag(q, o.id);
  const rest = Decimal.max(0, dec(o.opslag ?? '0').minus(eerder ?? '0'));
  const tabel = stelOpslagVoor(null, paragraaf(k).opslagTabel);
  const voorstel: OpslagVoorstel = {
    opslag: pct(rest),
    rij: null,
    tabelMaximum: tabel.tabelMaximum,
    toelichting: `Rest van de bij de gunning afgesproken opslag (${pct(o.opslag ?? '0')}% afgesproken, ${pct(eerder ?? '0')}% toegekend).`,
  };
  let b: { opslag: string; afwijking: boolean };
  try {
    b = besluitOpslag(inv.percentage, voorstel, inv.motivatie);
  } catch (e) {
    return alsFout(e);
  }
  const c = await controleerLatereToekenning(q, o, k, 'herschikking', b.opslag);
  return {
    overeenkomstId: o.id,
    percentage: pct(c.p),
    cumulatief: pct(c.cumulatief),
    voorstel: voorstel.opslag,
    tabelMaximum: voorstel.tabelMaximum,
    afwijking: b.afwijking,
    motivatie: b.afwijking ? (inv.motivatie?.trim() ?? null) : inv.motivatie?.trim() || null,
  };
}

/**
 * Grants the opslag at moment herschikking inside the caller's transaction (a manager's decision on a
 * herschikking round): the checks of toetsOpslagBijHerschikking again, then the grant, the prices of
 * this moment and the audit entry. The agreement lines priced by the award then read the new price.
 */
export async function kenOpslagToeBijHerschikking(
  t: Queryable,
  a: Actor,
  nu: Date,
  inv: {
    zorgkantoorId: string;
    aanbiederId: string;
    jaar: number;
    percentage: string;
    motivatie?: string | null;
    rondeId: string;
  },
): Promise<OpslagBijHerschikking> {
  const r = await toetsOpslagBijHerschikking(t, inv);
  const o = (await store.overeenkomstVoorOpslag(t, r.overeenkomstId))!;
  const k = (await store.laadKaderRij(t, o.kader_id))!;
  await schrijfLatereToekenning(t, a, o, k, {
    m: 'herschikking',
    p: r.percentage,
    cumulatief: dec(r.cumulatief),
    motivatie: r.motivatie ?? `Toegekend bij herschikkingsronde ${inv.rondeId}.`,
    nu,
    extra: { herschikkingsronde: inv.rondeId, voorstel: r.voorstel, afwijking: r.afwijking },
  });
  return r;
}

const MOMENT_VOLGORDE: Record<string, number> = { initieel: 0, herschikking: 1, nacalculatie: 2 };

/**
 * The contract from an award that a provider holds with a zorgkantoor for a year (the kader's years
 * cover it; not refused), for the production agreements (src/inkoop/index.ts). null when none.
 */
export async function overeenkomstVoorAanbieder(
  db: Queryable,
  aanbiederId: string,
  zorgkantoorId: string,
  jaar: number,
): Promise<string | null> {
  return store.overeenkomstIdVoorAanbieder(db, aanbiederId, zorgkantoorId, jaar);
}

/**
 * The prices agreed in a contract, as they apply now (the latest grant moment per prestatie), with
 * every grant. For the production agreements (src/inkoop/index.ts). Amounts as strings, two decimals.
 */
export async function gegundePrijzen(db: Queryable, overeenkomstId: string) {
  const o = await store.overeenkomstMetOpslag(db, overeenkomstId);
  if (!o) return null;
  const toek = await store.opslagToekenningen(db, o.id);
  const rijen = await store.overeenkomstPrijzen(db, o.id);
  const laatste = new Map<string, store.OvereenkomstPrijsRij>();
  for (const r of rijen) {
    const cur = laatste.get(r.prestatie_code);
    if (!cur || MOMENT_VOLGORDE[r.moment] > MOMENT_VOLGORDE[cur.moment]) laatste.set(r.prestatie_code, r);
  }
  const toekenningen = toek
    .sort((a, b) => MOMENT_VOLGORDE[a.moment] - MOMENT_VOLGORDE[b.moment])
    .map((x) => ({
      moment: x.moment as Moment,
      percentage: pct(x.percentage),
      cumulatief: pct(x.cumulatief),
      motivatie: x.motivatie,
      toegekendOp: new Date(x.toegekend_op).toISOString(),
    }));
  return {
    overeenkomstId: o.id,
    jaar: o.jaar_van,
    opslagAfgesproken: o.opslag === null ? '0.00' : pct(o.opslag),
    opslagToegekend: toekenningen.length ? toekenningen[toekenningen.length - 1].cumulatief : '0.00',
    toekenningen,
    prijzen: [...laatste.values()]
      .sort((a, b) => (a.prestatie_code < b.prestatie_code ? -1 : 1))
      .map((r) => ({
        prestatieCode: r.prestatie_code,
        moment: r.moment as Moment,
        nzaMax: dec(r.nza_max).toFixed(2),
        basistariefPct: pct(r.basistarief_pct),
        basistarief: dec(r.basistarief).toFixed(2),
        opslagPct: pct(r.opslag_pct),
        prijs: dec(r.prijs).toFixed(2),
        maxTariefZk: dec(r.max_tarief_zk).toFixed(2),
        voorbeeld: !!r.voorbeeld,
      })),
    regel: PRIJS_REGEL,
    bron: BRON_PRIJS,
  };
}

/** For the assessment screen: the read-only conditions with their source, the plan, the opslag proposal. */
export async function beoordelingExtra(
  ctx: AppContext,
  q: Queryable,
  k: KaderRij,
  i: store.InschrijvingRij,
  besluit: { totaalscore: string | number | null } | null,
  uitkomstInvoer: (
    ctx: AppContext,
    q: Queryable,
    k: KaderRij,
    i: store.InschrijvingRij,
    besluit: { knockout_eis_code: string | null },
    inv: Record<string, never>,
  ) => Promise<UitkomstInvoer & { herkomst?: SignaalHerkomst; regionaal?: RegionaleBerekening }>,
) {
  if (!BESLISTABEL_TYPES.includes(k.procedure_type)) return {};
  const gv = await gunningsvoorwaarden(q, k.id);
  let tweejarig: {
    code: string;
    regel: string;
    voldaan: boolean;
    toelichting: string;
    bron: string;
    gebruikt?: Record<string, unknown>;
  }[] = [];
  let stand: Awaited<ReturnType<typeof ontwikkelplanStand>> | null = null;
  let opslagVoorstel: OpslagVoorstel | null = null;
  if (k.procedure_type === 'dialoog') {
    const inv = await uitkomstInvoer(ctx, q, k, i, { knockout_eis_code: null }, {});
    const b = bepaalUitkomst(inv);
    tweejarig = redenenMetHerkomst(b.redenen, inv)
      .filter((r) => r.code.startsWith('G'))
      .map((r) => {
        if (!r.code.startsWith('G5')) return { ...r, bron: BRON_TWEEJARIG_2016 };
        // G5: computed (src/inkoop/gunning/regionaal.ts) with the data it used and where that came from
        const u = inv.regionaal?.uitkomsten.find((x) => `G5:${x.code}` === r.code);
        return {
          ...r,
          bron: u ? `${BRON_G5}; gegevens: ${u.bron}` : BRON_G5,
          ...(u ? { gebruikt: { soort: u.soort, ...u.gebruikt } } : {}),
        };
      });
    stand = await ontwikkelplanStand(q, k, i.id);
    if (stand.planAkkoord && paragraaf(k).opslagTabel?.length)
      opslagVoorstel = stelOpslagVoor(
        besluit?.totaalscore === null || besluit?.totaalscore === undefined
          ? null
          : dec(String(besluit.totaalscore)).toFixed(2),
        paragraaf(k).opslagTabel,
      );
  }
  return {
    voorwaarden: {
      tweejarig,
      gunningsvoorwaarden: gv,
      toelichting:
        'Deze voorwaarden worden niet beoordeeld: de beslistabel berekent ze bij de gunning (signalenregister, classificatie, regionale paragraaf), of ze zijn onderdeel van de overeenkomst.',
    },
    ontwikkelplan: stand
      ? {
          status: stand.planStatus,
          akkoord: stand.planAkkoord,
          zelfanalyseZorgvuldig: stand.zelfanalyseZorgvuldig,
          zelfanalyseOntbreekt: stand.zelfanalyseOntbreekt.map((x) => x.wat),
          clientenraadBetrokken: stand.clientenraadBetrokken,
          teruggestuurdReden: stand.teruggestuurdReden,
        }
      : null,
    opslagVoorstel: opslagVoorstel
      ? {
          opslag: opslagVoorstel.opslag,
          tabelMaximum: opslagVoorstel.tabelMaximum,
          toelichting: opslagVoorstel.toelichting,
        }
      : null,
  };
}
