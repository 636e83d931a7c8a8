/**
 * Tariefbeleid use cases: which policy applies (shipped data or a published edited version),
 * side-by-side comparison, what-if, policy versions (concept → gepubliceerd, audited), provider
 * profiles and computed tariffs with trace.
 *
 * Where policies live: the seven 2024 V&V policies and the examples are shipped as JSON in
 * src/tarieven/data and are "version 0" (beleidVersie 'meegeleverd'). They are evaluated straight
 * from that data, so a fresh database needs no loading step. A zorgkantoor manager who edits a
 * policy creates versions in tariefbeleid_versie; the latest published version for a zorgkantoor,
 * year and sector replaces the shipped one.
 */
import type { Db, Queryable } from '../platform/db/index.ts';
import type { Actor } from '../platform/auth/roles.ts';
import { appendAudit, SYSTEEM, type AuditActor } from '../platform/audit.ts';
import { auditActor } from '../platform/audit.ts';
import { AppError, badRequest, conflict, forbidden, notFound, unprocessable } from '../platform/errors.ts';
import * as store from './store.ts';
import { Decimal, pct } from '../domain/money.ts';
import {
  parseProfiel,
  profielNaarJson,
  ProfielFout,
  LEVERINGSVORMEN,
  type Beleid,
  type Leveringsvorm,
  type LooptijdNieuweAanbieder,
  type Profiel,
} from '../domain/tarieven/taal.ts';
import {
  compileerBeleid,
  valideerBeleid,
  BeleidOngeldig,
  type GecompileerdBeleid,
  type BeleidFout,
} from '../domain/tarieven/valideer.ts';
import { evalueer, evalueerMemo, berekenTarief, type Uitkomst } from '../domain/tarieven/evalueer.ts';
import beleid2024 from './data/beleid-2024-vv.json' with { type: 'json' };
import voorbeelden from './data/beleid-voorbeelden.json' with { type: 'json' };
import { ZORGKANTOREN as zorgkantorenReference } from '../reference/index.ts';

export const MEEGELEVERD = 'meegeleverd';

/** Short name ("CZ") ↔ organisation id ("zk-cz"), from the reference data. */
export const ZORGKANTOREN: { id: string; naam: string; kort: string }[] = zorgkantorenReference;
export function zorgkantoorId(s: string): string | undefined {
  const t = s.trim().toLowerCase();
  return ZORGKANTOREN.find((z) => z.id === t || z.kort.toLowerCase() === t || z.naam.toLowerCase() === t)?.id;
}

let meegeleverdCache: GecompileerdBeleid[] | null = null;
/** The shipped policies, validated and compiled once per process. */
export function meegeleverdBeleid(): GecompileerdBeleid[] {
  if (!meegeleverdCache)
    meegeleverdCache = [...(beleid2024.beleid as unknown[]), ...(voorbeelden.beleid as unknown[])].map((b) =>
      compileerBeleid(b),
    );
  return meegeleverdCache;
}

export interface GeldendBeleid {
  c: GecompileerdBeleid;
  versie: string;
  versieNummer: number;
}

const compiledCache = new Map<string, GecompileerdBeleid>();

/** Policies in force for a year and sector: the latest published version per zorgkantoor, else the shipped one. */
export async function geldendBeleid(q: Queryable, jaar: number, sector: string): Promise<GeldendBeleid[]> {
  const rows = await store.gepubliceerdBeleid(q, jaar, sector);
  const perZk = new Map(rows.map((r) => [r.zorgkantoor_id, r]));
  const out: GeldendBeleid[] = [];
  for (const c of meegeleverdBeleid()) {
    if (c.beleid.jaar !== jaar || c.beleid.sector !== sector) continue;
    const r = c.beleid.zorgkantoorId ? perZk.get(c.beleid.zorgkantoorId) : undefined;
    if (r) {
      perZk.delete(r.zorgkantoor_id);
      out.push({ c: compileerCached(r.id, r.beleid), versie: r.id, versieNummer: r.versie });
    } else out.push({ c, versie: MEEGELEVERD, versieNummer: 0 });
  }
  for (const r of perZk.values())
    out.push({ c: compileerCached(r.id, r.beleid), versie: r.id, versieNummer: r.versie });
  return out;
}

/**
 * The zorgkantoor's contract term for new providers (Beleid.looptijdNieuweAanbieder) that holds for a
 * kader of this sector starting in `jaar`: read from the zorgkantoor's latest policy of that year or
 * an earlier one (published version, else shipped), when its inkoopperiode covers `jaar`. Undefined
 * when the policy has no such term.
 */
export async function looptijdNieuweAanbieder(
  q: Queryable,
  zorgkantoorId: string,
  jaar: number,
  sector: string,
): Promise<(LooptijdNieuweAanbieder & { beleidId: string; versie: string; zorgkantoor: string }) | undefined> {
  for (let j = jaar; j >= jaar - 10; j--) {
    const g = (await geldendBeleid(q, j, sector)).find((x) => x.c.beleid.zorgkantoorId === zorgkantoorId);
    if (!g) continue;
    const l = g.c.beleid.looptijdNieuweAanbieder;
    if (!l || jaar < l.inkoopperiode.van || jaar > l.inkoopperiode.tot) return undefined;
    return { ...l, beleidId: g.c.beleid.id, versie: g.versie, zorgkantoor: g.c.beleid.zorgkantoor };
  }
  return undefined;
}

function compileerCached(id: string, b: Beleid): GecompileerdBeleid {
  let c = compiledCache.get(id);
  if (!c) {
    c = compileerBeleid(b);
    compiledCache.set(id, c);
  }
  return c;
}

/** Profile input → parsed profile, or a 400 naming the key. */
export function profielOf(input: unknown): Profiel {
  try {
    return parseProfiel(input);
  } catch (e) {
    if (e instanceof ProfielFout)
      throw badRequest('profiel-ongeldig', 'Het aanbiedersprofiel is ongeldig.', { fouten: e.fouten });
    throw e;
  }
}

export interface VergelijkInvoer {
  jaar: number;
  sector: string;
  leveringsvorm: Leveringsvorm;
  profiel: Profiel;
  prestatie?: string;
}

export interface VergelijkRegel {
  zorgkantoor: string;
  zorgkantoorId: string | null;
  percentage: string | null;
  status: 'bepaald' | 'onbepaald';
  bandbreedte: { van: string | null; tot: string | null };
  redenen: string[];
  uitgesloten: boolean;
  /** percentage points against the national richttarief / the policy's base, when bepaald */
  verschilMetBasis: string | null;
  uitleg: string;
  laagsteZekerheid: 'H' | 'M' | 'L';
  eenheidAangenomen: boolean;
  beleidId: string;
  beleidVersie: string;
  spoor: {
    regel: string;
    effect: string;
    bron: string;
    omschrijving: string;
    zekerheid: 'H' | 'M' | 'L';
    eenheidAangenomen: boolean;
    na: string;
    document: string;
  }[];
  tarief?: {
    prestatie: string;
    nzaTarief: string;
    tarief: string | null;
    nhc: string | null;
    nic: string | null;
    totaal: string | null;
    afronding: string;
    nzaVoorbeeld: boolean;
    toelichting: string[];
  };
}

function regelUit(g: GeldendBeleid, u: Uitkomst): VergelijkRegel {
  const zek = u.spoor.map((s) => s.zekerheid);
  const basis = g.c.basis;
  const uitleg =
    u.status === 'bepaald'
      ? `${u.percentage} = ${u.spoor.map((s) => `${s.effect} [${s.regel}]`).join('; ')}`
      : `onbepaald: ${u.redenen.join('; ')}`;
  return {
    zorgkantoor: u.zorgkantoor,
    zorgkantoorId: g.c.beleid.zorgkantoorId,
    percentage: u.percentage,
    status: u.status,
    bandbreedte: u.bandbreedte,
    redenen: u.redenen,
    uitgesloten: u.uitgesloten,
    verschilMetBasis: u.exact ? pct(u.exact.minus(basis)) : null,
    uitleg,
    laagsteZekerheid: zek.includes('L') ? 'L' : zek.includes('M') ? 'M' : 'H',
    eenheidAangenomen: u.spoor.some((s) => s.eenheidAangenomen),
    beleidId: u.beleidId,
    beleidVersie: g.versie,
    spoor: u.spoor.map((s) => ({
      regel: s.regel,
      effect: s.effect,
      bron: s.bron,
      omschrijving: s.omschrijving,
      zekerheid: s.zekerheid,
      eenheidAangenomen: s.eenheidAangenomen,
      na: s.na,
      document: s.document,
    })),
  };
}

/** One profile, every zorgkantoor's policy for that year and sector, side by side. */
export async function vergelijk(q: Queryable, inv: VergelijkInvoer) {
  const beleid = await geldendBeleid(q, inv.jaar, inv.sector);
  const nza = inv.prestatie ? await store.nzaRij(q, inv.prestatie, inv.jaar) : undefined;
  if (inv.prestatie && !nza) throw notFound(`Het NZa-tarief voor prestatie ${inv.prestatie} in ${inv.jaar}`);
  const resultaten = beleid.map((g) => {
    const u = evalueer(g.c, inv.profiel, { leveringsvorm: inv.leveringsvorm, prestatie: inv.prestatie });
    const r = regelUit(g, u);
    if (nza && inv.prestatie) {
      const t = berekenTarief(u, g.c.nhcNic, nza);
      r.tarief = {
        prestatie: inv.prestatie,
        nzaTarief: new Decimal(nza.tarief).toFixed(2),
        ...t,
        nzaVoorbeeld: nza.voorbeeld,
      };
    }
    return r;
  });
  return {
    jaar: inv.jaar,
    sector: inv.sector,
    leveringsvorm: inv.leveringsvorm,
    profiel: profielNaarJson(inv.profiel),
    resultaten,
    verschillen: verschillen(resultaten),
  };
}

/** Plain-language explanation of the differences between the zorgkantoren. */
function verschillen(rs: VergelijkRegel[]): string[] {
  const bep = rs.filter((r) => r.status === 'bepaald');
  const out: string[] = [];
  if (bep.length) {
    const sorted = [...bep].sort((a, b) => new Decimal(b.percentage!).comparedTo(new Decimal(a.percentage!)));
    const hoog = sorted[0];
    const laag = sorted[sorted.length - 1];
    out.push(
      `Hoogste: ${hoog.zorgkantoor} ${hoog.percentage}%; laagste: ${laag.zorgkantoor} ${laag.percentage}% (verschil ${pct(new Decimal(hoog.percentage!).minus(laag.percentage!))} procentpunt).`,
    );
  }
  for (const r of rs) {
    const eigen = r.spoor.slice(1).filter((s) => !s.effect.startsWith('niet toegepast'));
    if (r.status === 'onbepaald') out.push(`${r.zorgkantoor}: onbepaald — ${r.redenen.join('; ')}.`);
    else if (eigen.length)
      out.push(
        `${r.zorgkantoor}: ${r.percentage}% door ${eigen.map((s) => `${s.omschrijving} (${s.effect})`).join(', ')}.`,
      );
    else out.push(`${r.zorgkantoor}: ${r.percentage}% — alleen het basispercentage.`);
  }
  return out;
}

/** What-if: the same profile with and without a change, at every zorgkantoor. */
export async function watAls(q: Queryable, inv: VergelijkInvoer & { wijziging: Profiel }) {
  const voor = await vergelijk(q, inv);
  const naProfiel: Profiel = { ...inv.profiel, ...inv.wijziging };
  const na = await vergelijk(q, { ...inv, profiel: naProfiel });
  return {
    jaar: inv.jaar,
    sector: inv.sector,
    leveringsvorm: inv.leveringsvorm,
    profiel: profielNaarJson(inv.profiel),
    wijziging: profielNaarJson(inv.wijziging),
    resultaten: voor.resultaten.map((v, i) => {
      const n = na.resultaten[i];
      const verschil =
        v.percentage !== null && n.percentage !== null ? pct(new Decimal(n.percentage).minus(v.percentage)) : null;
      const nieuweRegels = n.spoor
        .filter((s) => !v.spoor.some((x) => x.regel === s.regel && x.effect === s.effect))
        .map((s) => `${s.regel}: ${s.effect}`);
      return {
        zorgkantoor: v.zorgkantoor,
        voor: { percentage: v.percentage, status: v.status },
        na: { percentage: n.percentage, status: n.status },
        verschil,
        uitleg:
          verschil === null
            ? `onbepaald: ${[...v.redenen, ...n.redenen].join('; ')}`
            : verschil === '0.00'
              ? 'geen effect bij dit zorgkantoor'
              : nieuweRegels.join('; '),
        spoorNa: n.spoor.map((s) => ({ regel: s.regel, effect: s.effect, bron: s.bron })),
      };
    }),
  };
}

// ---- policy versions ----

export function isManagerVan(a: Actor, zkId: string): boolean {
  return a.organisatieId === zkId && a.organisatieSoort === 'zorgkantoor' && a.rollen.includes('manager');
}

/** Validates a policy; throws 422 with the errors (each naming the rule). */
export function valideerOf422(beleid: unknown): GecompileerdBeleid {
  const fouten = valideerBeleid(beleid);
  if (fouten.length) {
    throw unprocessable(
      'beleid-ongeldig',
      `Het tariefbeleid is ongeldig (${fouten.length} ${fouten.length === 1 ? 'fout' : 'fouten'}).`,
      {
        fouten: fouten.map((f) => ({ waar: f.waar, wat: f.wat, actie: f.actie })),
        actie: 'Herstel de genoemde regels en sla opnieuw op.',
      },
    );
  }
  return compileerBeleid(beleid);
}

export interface VoorbeeldRegel {
  aanbiederId: string;
  naam: string;
  leveringsvorm: Leveringsvorm;
  huidig: string | null;
  huidigStatus: string;
  nieuw: string | null;
  nieuwStatus: string;
  verschil: string | null;
}

/** Preview: the policy on the real providers in the zorgkantoor's regions (with their stored profile). */
export async function voorbeeldOpAanbieders(q: Queryable, c: GecompileerdBeleid): Promise<VoorbeeldRegel[]> {
  const zk = c.beleid.zorgkantoorId;
  if (!zk) return [];
  const huidig = (await geldendBeleid(q, c.beleid.jaar, c.beleid.sector)).find((g) => g.c.beleid.zorgkantoorId === zk);
  const aanbieders = await aanbiedersVan(q, zk, c.beleid.jaar);
  const out: VoorbeeldRegel[] = [];
  for (const a of aanbieders.slice(0, 100)) {
    const profiel = parseProfiel(a.profiel ?? {});
    for (const lv of a.leveringsvormen) {
      const n = evalueer(c, profiel, { leveringsvorm: lv });
      const h = huidig ? evalueer(huidig.c, profiel, { leveringsvorm: lv }) : null;
      out.push({
        aanbiederId: a.id,
        naam: a.naam,
        leveringsvorm: lv,
        huidig: h?.percentage ?? null,
        huidigStatus: h?.status ?? 'geen beleid',
        nieuw: n.percentage,
        nieuwStatus: n.status,
        verschil: h?.exact && n.exact ? pct(n.exact.minus(h.exact)) : null,
      });
    }
  }
  return out;
}

/** Providers with a location in a region whose concession the zorgkantoor holds that year, or with a profile there. */
async function aanbiedersVan(q: Queryable, zkId: string, jaar: number) {
  const rows = await store.aanbiedersVan(q, zkId, jaar);
  // A provider known only through its profile (no location in the zorgkantoor's regions): all three forms.
  return rows.map((r) => ({
    ...r,
    leveringsvormen: r.leveringsvormen?.length
      ? (r.leveringsvormen.filter((x) => (LEVERINGSVORMEN as readonly string[]).includes(x)) as Leveringsvorm[]).sort()
      : [...LEVERINGSVORMEN],
  }));
}

export async function conceptOpslaan(db: Db, actor: Actor, input: { beleid: unknown; toelichting?: string }) {
  const b = input.beleid as Beleid;
  const zk = typeof b?.zorgkantoorId === 'string' ? b.zorgkantoorId : null;
  if (!zk)
    throw badRequest('zorgkantoor-ontbreekt', 'Het beleid noemt geen zorgkantoorId.', {
      actie: `Zet zorgkantoorId op ${actor.organisatieId}.`,
    });
  if (!isManagerVan(actor, zk))
    throw forbidden('Alleen een manager van dit zorgkantoor kan zijn tariefbeleid wijzigen.');
  const kort = ZORGKANTOREN.find((z) => z.id === zk)?.kort;
  if (kort && b.zorgkantoor !== kort)
    throw badRequest('zorgkantoor-naam', `zorgkantoor moet "${kort}" zijn bij zorgkantoorId ${zk}.`);
  const c = valideerOf422(b);
  return db.tx(async (t) => {
    const vorige = await store.laatsteVersieVoorWijziging(t, zk, b.jaar, b.sector);
    const versie = (vorige?.versie ?? 0) + 1;
    const row = await store.conceptToevoegen(t, {
      zorgkantoorId: zk,
      jaar: b.jaar,
      sector: b.sector,
      versie,
      beleid: b,
      toelichting: input.toelichting ?? null,
      gebaseerdOp: vorige?.id ?? MEEGELEVERD,
      aangemaaktDoor: actor.gebruikerId,
      aangemaaktNaam: actor.naam,
    });
    await appendAudit(t, auditActor(actor), {
      actie: 'tariefbeleid.concept',
      onderwerpType: 'tariefbeleid',
      onderwerpId: row.id,
      invoer: {
        zorgkantoorId: zk,
        jaar: b.jaar,
        sector: b.sector,
        versie,
        toelichting: input.toelichting ?? null,
        beleid: b,
      },
      resultaat: { status: 'concept', regels: c.regels.length },
      regel: 'tarieven/valideer.ts',
    });
    return { id: row.id, versie, status: 'concept' as const };
  });
}

export async function publiceer(db: Db, actor: Actor, id: string) {
  return db.tx(async (t) => {
    const v = await store.versieVoorWijziging(t, id);
    if (!v || v.zorgkantoor_id !== actor.organisatieId) throw notFound('Deze beleidsversie');
    if (!isManagerVan(actor, v.zorgkantoor_id))
      throw forbidden('Alleen een manager van dit zorgkantoor kan tariefbeleid publiceren.');
    if (v.status !== 'concept')
      throw conflict('niet-concept', `Versie ${v.versie} is al ${v.status}.`, { actie: 'Maak een nieuw concept.' });
    valideerOf422(v.beleid);
    await store.publiceerVersie(t, {
      id,
      zorgkantoorId: v.zorgkantoor_id,
      jaar: v.jaar,
      sector: v.sector,
      door: actor.gebruikerId,
      naam: actor.naam,
    });
    await appendAudit(t, auditActor(actor), {
      actie: 'tariefbeleid.gepubliceerd',
      onderwerpType: 'tariefbeleid',
      onderwerpId: id,
      invoer: { zorgkantoorId: v.zorgkantoor_id, jaar: v.jaar, sector: v.sector, versie: v.versie },
      resultaat: { status: 'gepubliceerd' },
    });
    return { id, versie: v.versie, status: 'gepubliceerd' as const };
  });
}

export async function versies(q: Queryable, zkId: string, jaar?: number) {
  const rows = await store.versiesVan(q, zkId, jaar ?? null);
  return rows.map((r) => ({
    id: r.id,
    jaar: r.jaar,
    sector: r.sector,
    versie: r.versie,
    status: r.status,
    toelichting: r.toelichting,
    gebaseerdOp: r.gebaseerd_op,
    aangemaaktDoor: r.aangemaakt_naam,
    aangemaaktOp: new Date(r.aangemaakt_op).toISOString(),
    gepubliceerdDoor: r.gepubliceerd_naam,
    gepubliceerdOp: r.gepubliceerd_op ? new Date(r.gepubliceerd_op).toISOString() : null,
    beleid: r.beleid,
  }));
}

// ---- profiles and computed tariffs ----

export async function profielOpslaan(db: Db, actor: Actor, aanbiederId: string, jaar: number, profiel: Profiel) {
  if (!(await store.isZorgaanbieder(db, aanbiederId))) throw notFound('Deze zorgaanbieder');
  return db.tx(async (t) => {
    const json = profielNaarJson(profiel);
    await store.profielOpslaan(t, {
      aanbiederId,
      zorgkantoorId: actor.organisatieId,
      jaar,
      profiel: json,
      door: actor.gebruikerId,
    });
    await appendAudit(t, auditActor(actor), {
      actie: 'tariefprofiel.vastgelegd',
      onderwerpType: 'zorgaanbieder',
      onderwerpId: aanbiederId,
      invoer: { jaar, profiel: json },
    });
    return { aanbiederId, zorgkantoorId: actor.organisatieId, jaar, profiel: json };
  });
}

/**
 * Computes and stores every tariff of a zorgkantoor's providers for a year: provider × prestatie
 * (NZa maximum present) × the policy in force. One transaction, one audit entry.
 */
export async function berekenTarieven(db: Db, actor: Actor | null, zkId: string, jaar: number, now: Date) {
  const beleid = (await geldendBeleid(db, jaar, 'VV')).find((g) => g.c.beleid.zorgkantoorId === zkId);
  if (!beleid) throw notFound(`Tariefbeleid V&V ${jaar} van ${zkId}`);
  const prestaties = await store.nzaTarievenVv<Leveringsvorm>(db, jaar);
  if (!prestaties.length)
    throw new AppError(422, 'geen-nza-tarieven', `Er zijn geen NZa-maximumtarieven V&V voor ${jaar}.`, {
      actie: 'Importeer eerst de NZa-tarieven (referentiegegevens).',
    });
  const aanbieders = await aanbiedersVan(db, zkId, jaar);
  const actorAudit: AuditActor = actor ? auditActor(actor) : SYSTEEM;
  return db.tx(async (t) => {
    await store.berekendeTarievenWissen(t, zkId, jaar);
    const rows: unknown[][] = [];
    let bepaald = 0;
    for (const a of aanbieders) {
      const profiel = parseProfiel(a.profiel ?? {});
      const perLv = new Map<string, Uitkomst>();
      for (const p of prestaties) {
        if (!a.leveringsvormen.includes(p.leveringsvorm)) continue;
        const u = beleid.c.prestatieAfhankelijk
          ? evalueerMemo(beleid.c, profiel, { leveringsvorm: p.leveringsvorm, prestatie: p.code })
          : (perLv.get(p.leveringsvorm) ?? evalueerMemo(beleid.c, profiel, { leveringsvorm: p.leveringsvorm }));
        perLv.set(p.leveringsvorm, u);
        const tr = berekenTarief(u, beleid.c.nhcNic, p);
        if (u.status === 'bepaald') bepaald++;
        rows.push([
          a.id,
          zkId,
          jaar,
          p.code,
          beleid.versie,
          u.status,
          u.exact?.toString() ?? null,
          p.tarief,
          tr.tarief,
          tr.nhc,
          tr.nic,
          JSON.stringify(
            u.spoor.map((s) => ({ regel: s.regel, effect: s.effect, bron: s.bron, zekerheid: s.zekerheid })),
          ),
          JSON.stringify(u.redenen),
          p.voorbeeld,
          now,
        ]);
      }
    }
    await store.berekendeTarievenToevoegen(t, rows);
    await appendAudit(t, actorAudit, {
      actie: 'tarieven.berekend',
      onderwerpType: 'tariefbeleid',
      onderwerpId: `${zkId}/${jaar}/VV`,
      invoer: {
        zorgkantoorId: zkId,
        jaar,
        beleidVersie: beleid.versie,
        aanbieders: aanbieders.length,
        prestaties: prestaties.length,
      },
      resultaat: { tarieven: rows.length, bepaald, onbepaald: rows.length - bepaald },
      regel: `${beleid.c.beleid.id}@${beleid.versie}; afronding centen-half-up`,
    });
    return {
      zorgkantoorId: zkId,
      jaar,
      beleidVersie: beleid.versie,
      aanbieders: aanbieders.length,
      tarieven: rows.length,
      bepaald,
      onbepaald: rows.length - bepaald,
    };
  });
}

export async function tarievenVanAanbieder(q: Queryable, aanbiederId: string, jaar: number, zorgkantoorId?: string) {
  const rows = await store.berekendeTarieven(q, aanbiederId, jaar, zorgkantoorId ?? null);
  return rows.map((r) => ({
    zorgkantoorId: r.zorgkantoor_id,
    prestatie: r.prestatie_code,
    omschrijving: r.omschrijving,
    leveringsvorm: r.leveringsvorm,
    status: r.status,
    percentage: r.percentage === null ? null : pct(r.percentage),
    nzaTarief: new Decimal(r.nza_tarief).toFixed(2),
    tarief: r.tarief === null ? null : new Decimal(r.tarief).toFixed(2),
    nhc: r.nhc === null ? null : new Decimal(r.nhc).toFixed(2),
    nic: r.nic === null ? null : new Decimal(r.nic).toFixed(2),
    nzaVoorbeeld: r.nza_voorbeeld,
    beleidVersie: r.beleid_versie,
    redenen: r.redenen,
    spoor: r.spoor,
    berekendOp: new Date(r.berekend_op).toISOString(),
  }));
}

/** The zorgkantoren whose regions the provider works in (that year), with the policy in force. */
export async function beleidVoorAanbieder(q: Queryable, aanbiederId: string, jaar: number) {
  const ids = new Set(await store.zorgkantorenVanAanbieder(q, aanbiederId, jaar));
  const g = await geldendBeleid(q, jaar, 'VV');
  return g
    .filter((x) => x.c.beleid.zorgkantoorId && ids.has(x.c.beleid.zorgkantoorId))
    .map((x) => ({ versie: x.versie, versieNummer: x.versieNummer, beleid: x.c.beleid }));
}

export function beleidFoutenTekst(f: BeleidFout[]): string {
  return f.map((x) => `${x.waar}: ${x.wat}`).join('\n');
}
export { BeleidOngeldig };
