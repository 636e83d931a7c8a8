/**
 * Inkoopkader use cases: create (optionally from a template), edit (versioned), timeline, requirements,
 * publish (public snapshot), procedure transitions, visibility. Every decision is audited in its
 * transaction; every refusal names the rule.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppContext } from '../platform/context.ts';
import type { Queryable } from '../platform/db/index.ts';
import type { Actor } from '../platform/auth/roles.ts';
import { isAanbieder, isToezicht, isZorgkantoor } from '../platform/auth/roles.ts';
import { appendAudit, canonicalJson } from '../platform/audit.ts';
import { auditActor } from '../platform/audit.ts';
import { AppError, badRequest, conflict, notFound, unprocessable } from '../platform/errors.ts';
import {
  isOpenbaar,
  overgang,
  PROCEDURE_TYPES,
  toegestaneActies,
  type Actie,
  type Fase,
  type ProcedureType,
} from '../domain/inkoop/procedure.ts';
import {
  aftelling,
  controleerTijdlijn,
  instantNaarLokaal,
  lokaalNaarInstant,
  termijnenUitSjabloon,
  tijdlijn2016,
  TERMIJN_FASEN,
  TERMIJN_NAMEN,
  voorDeadline,
  type Termijn,
  type TermijnFase,
} from '../domain/inkoop/timeline.ts';
import { controleerDecimaal, parseDecimal } from '../domain/money.ts';
import { DECIMALEN, isUuid } from '../platform/validatie.ts';
import {
  deadlineWijziging,
  verzegeld as verzegeldRegel,
  voorbereidingZichtbaar,
  VERZEGELING_REGEL,
} from '../domain/inkoop/verzegeling.ts';
import {
  normaliseerRegionaleParagraaf,
  REGIONALE_PARAGRAAF_REGEL,
  valideerRegionaleParagraaf,
  type ParagraafKader,
} from '../domain/inkoop/regionale-paragraaf.ts';
import { alleenSoortToegevoegd } from '../domain/inkoop/regionale-voorwaarden.ts';
import { deadlineVan, inschrijvenOpen, vragenOpen } from '../domain/inkoop/termijnregels.ts';
import * as store from './store.ts';

/** The term rules live in the domain; callers import them from here as before. */
export { deadlineVan, inschrijvenOpen, vragenOpen };
import type { EisRij, KaderRij } from './store.ts';
import { huidigeGroep, normaliseerSnapshot } from './snapshot.ts';
import type {
  EisView,
  KaderDetailT,
  KaderLijstItemT,
  KaderSnapshot,
  KaderStatusT,
  KaderVersieT,
  SjabloonKeuzeT,
  SjabloonT,
  TermijnView,
} from './schemas.ts';

export type { EisRij, KaderRij } from './store.ts';
export type { EisView, KaderSnapshot, TermijnView } from './schemas.ts';

// ───────────────────────────── Templates ─────────────────────────────

export const EIS_GROEPEN = [
  'pve',
  'bestuursverklaring',
  'geschiktheidseis',
  'uitsluitingsgrond',
  'gunningscriterium_knockout',
  'gunningscriterium_gewogen',
  'zelfanalyse',
  'ontwikkelplan',
  // contract terms (2008 Kader 3.2) and computed two-year conditions (2016 G1–G4): src/domain/inkoop/toetreding.ts
  'gunningsvoorwaarde',
  'tweejarige_voorwaarde',
] as const;
export const EIS_SOORTEN = ['ja_nee', 'document', 'datum', 'getal', 'oordeel', 'tekst'] as const;
export const VAN_TOEPASSING = ['alle', 'bestaand', 'nieuw', 'geheel_nieuw', 'nieuw_in_regio', 'nieuw_zzp_vpt'] as const;

export interface EisInvoer {
  code: string;
  groep: string;
  tekst: string;
  soort: string;
  vanToepassing?: string[];
  bewijs?: string | null;
  gewicht?: string | null;
  schaalMin?: string | null;
  schaalMax?: string | null;
  verplicht?: boolean;
  volgorde?: number;
  bron?: string | null;
}
export type Sjabloon = SjabloonT;

const dataDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'data');
let sjablonenCache: Sjabloon[] | null = null;
export function sjablonen(): Sjabloon[] {
  sjablonenCache ??= fs
    .readdirSync(dataDir)
    .filter((f) => f.startsWith('sjabloon-') && f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dataDir, f), 'utf8')) as Sjabloon);
  return sjablonenCache;
}
export function sjabloon(id: string): Sjabloon {
  const s = sjablonen().find((x) => x.id === id);
  if (!s)
    throw badRequest('sjabloon-onbekend', `Sjabloon '${id}' bestaat niet.`, {
      actie: `Kies uit: ${sjablonen()
        .map((x) => x.id)
        .join(', ')}.`,
    });
  return s;
}

/** Quality themes for the zelfanalyse (from the 2016 template; Inkoopkader Langdurige Zorg 2016, ch. 3). */
export const KWALITEITSTHEMAS = () => sjablonen().find((s) => s.themas)?.themas ?? [];

// ───────────────────────────── Rows and views ─────────────────────────────

export const eisOut = (e: EisRij): EisView => ({
  id: e.id,
  code: e.code,
  groep: e.groep,
  tekst: e.tekst,
  soort: e.soort,
  vanToepassing: e.van_toepassing,
  bewijs: e.bewijs,
  gewicht: e.gewicht,
  schaalMin: e.schaal_min,
  schaalMax: e.schaal_max,
  verplicht: e.verplicht,
  volgorde: e.volgorde,
  bron: e.bron,
});
const termijnOut = (t: Termijn): TermijnView => ({
  fase: t.fase,
  naam: TERMIJN_NAMEN[t.fase].nl,
  omschrijving: t.omschrijving ?? null,
  begintOp: t.begintOp?.toISOString() ?? null,
  eindigtOp: t.eindigtOp?.toISOString() ?? null,
  begintLokaal: t.begintOp ? instantNaarLokaal(t.begintOp) : null,
  eindigtLokaal: t.eindigtOp ? instantNaarLokaal(t.eindigtOp) : null,
});

const VOLGORDE_TERMIJN = Object.fromEntries(TERMIJN_FASEN.map((f, i) => [f, i]));

export async function laadTermijnen(q: Queryable, kaderId: string): Promise<Termijn[]> {
  const rows = await store.termijnRijen(q, kaderId);
  return rows
    .map((r) => ({
      fase: r.fase,
      begintOp: r.begint_op ? new Date(r.begint_op) : null,
      eindigtOp: r.eindigt_op ? new Date(r.eindigt_op) : null,
      omschrijving: r.omschrijving,
    }))
    .sort((a, b) => VOLGORDE_TERMIJN[a.fase] - VOLGORDE_TERMIJN[b.fase]);
}
export async function laadEisen(q: Queryable, kaderId: string): Promise<EisRij[]> {
  return store.eisRijen(q, kaderId);
}

/** The kader facts the enforced (published) terms are read from. */
export type GepubliceerdeFeiten = Pick<
  KaderRij,
  'id' | 'gepubliceerde_versie' | 'publieke_versie' | 'verzegeld_voor_beoordelaars' | 'procedure_type' | 'fase'
>;

/** The published snapshot of the kader, or null before publication. */
const gepubliceerd = (k: Pick<KaderRij, 'gepubliceerde_versie' | 'publieke_versie'>): Partial<KaderSnapshot> | null =>
  k.gepubliceerde_versie !== null && !!k.publieke_versie && typeof k.publieke_versie === 'object'
    ? k.publieke_versie
    : null;

/**
 * The termijnen the server enforces: once a kader is published, those of the published snapshot (an
 * unpublished working version is never enforced: not for sealing, deadline checks, OCDS or scoring);
 * before publication, the working ones (regel inkoop.kader.gepubliceerd-geldt).
 */
export async function geldendeTermijnen(q: Queryable, k: GepubliceerdeFeiten): Promise<Termijn[]> {
  const pub = gepubliceerd(k);
  if (pub && Array.isArray(pub.termijnen)) {
    return pub.termijnen
      .map((t) => ({
        fase: t.fase,
        begintOp: t.begintOp ? new Date(t.begintOp) : null,
        eindigtOp: t.eindigtOp ? new Date(t.eindigtOp) : null,
        omschrijving: t.omschrijving ?? null,
      }))
      .sort((a, b) => VOLGORDE_TERMIJN[a.fase] - VOLGORDE_TERMIJN[b.fase]);
  }
  return laadTermijnen(q, k.id);
}

/** The seal flag as published (before publication: the working value). */
export function gepubliceerdZegel(k: GepubliceerdeFeiten): boolean {
  const pub = gepubliceerd(k);
  return typeof pub?.verzegeldVoorBeoordelaars === 'boolean'
    ? pub.verzegeldVoorBeoordelaars
    : k.verzegeld_voor_beoordelaars;
}

/** The regional paragraph as published (weights, scoring step, regional conditions); before publication the working one. */
export function gepubliceerdeParagraaf(
  k: Pick<KaderRij, 'gepubliceerde_versie' | 'publieke_versie' | 'regionale_paragraaf'>,
): any {
  const pub = gepubliceerd(k);
  return pub && pub.regionaleParagraaf && typeof pub.regionaleParagraaf === 'object'
    ? pub.regionaleParagraaf
    : k.regionale_paragraaf;
}

/** The requirements as published (in the order of the snapshot), or null before publication. */
export function gepubliceerdeEisen(
  k: Pick<KaderRij, 'gepubliceerde_versie' | 'publieke_versie'> & { sjabloon?: string | null },
): EisView[] | null {
  const pub = gepubliceerd(k);
  // in today's grouping (src/inkoop/snapshot.ts): G1–G4 and GV-… of versions published before 0036 are no knock-outs
  if (pub && Array.isArray(pub.eisen))
    return pub.eisen.map((e) => ({ ...e, groep: huidigeGroep(k.sjabloon ?? null, e.code, e.groep) }));
  return pub && Array.isArray(pub.eisen) ? pub.eisen : null;
}

/**
 * Whether scoring waits for pending working changes: only while they can still be published (a
 * publishable phase and the published deadline not passed, e.g. an open house that stays editable).
 * Once they can never be published they are void and scoring goes on against the published version
 * (no deadlock; regel inkoop.beoordeling.gepubliceerd).
 */
export async function wachtOpPublicatie(
  q: Queryable,
  k: GepubliceerdeFeiten & Pick<KaderRij, 'versie'>,
  nu: Date,
): Promise<boolean> {
  if (k.gepubliceerde_versie === null || k.versie === k.gepubliceerde_versie) return false;
  if (!PUBLICEERBAAR.includes(k.fase)) return false;
  const dl = deadlineVan(await geldendeTermijnen(q, k));
  return !dl || voorDeadline(nu, dl);
}
const PUBLICEERBAAR: Fase[] = ['gepubliceerd', 'vragenronde', 'nvi_gepubliceerd', 'toelating_doorlopend'];

/** Whether submitted bids of this kader are sealed for the zorgkantoor now: the one rule (src/domain/inkoop/verzegeling.ts) on the published facts. */
export async function isVerzegeld(q: Queryable, k: GepubliceerdeFeiten, nu: Date): Promise<boolean> {
  return verzegeldRegel({
    deadline: deadlineVan(await geldendeTermijnen(q, k)),
    nu,
    verzegeldVoorBeoordelaars: gepubliceerdZegel(k),
    procedureType: k.procedure_type,
    fase: k.fase,
  });
}

/**
 * The one refusal for a sealed bid, from every route that reads bids, documents, dialogue minutes or
 * scores: 403 'verzegeld', naming the published deadline (regel inkoop.verzegeling).
 */
export async function vereisOntzegeld(ctx: AppContext, q: Queryable, k: GepubliceerdeFeiten): Promise<void> {
  if (await isVerzegeld(q, k, ctx.now())) {
    const dl = deadlineVan(await geldendeTermijnen(q, k));
    throw new AppError(
      403,
      'verzegeld',
      `Inschrijvingen zijn verzegeld tot de sluitingstermijn${dl ? ` (${instantNaarLokaal(dl)}, Europe/Amsterdam)` : ''}; pas daarna kunnen beoordelaars en het zorgkantoor ze inzien (regel ${VERZEGELING_REGEL}).`,
      { actie: 'Wacht tot na de sluitingstermijn.' },
    );
  }
}

/**
 * The template's product choices of a kader. Kaders made before 0037_kader_keuzes.sql have none stored;
 * when the kader records its template (column sjabloon) they are read from that template, so the
 * owner's page and every version published from now on show them. Keuze van het product: filled on
 * read, not backfilled by a migration — a migration cannot read the template files without copying
 * them into SQL, and the choices named are the template's own. Versions published before stay as
 * they were published (a snapshot is never rewritten). A template that no longer exists gives none.
 */
export function keuzesVan(k: Pick<KaderRij, 'keuzes' | 'sjabloon'>): SjabloonKeuzeT[] {
  if (Array.isArray(k.keuzes) && k.keuzes.length) return k.keuzes;
  if (!k.sjabloon) return [];
  return sjablonen().find((x) => x.id === k.sjabloon)?.keuzes ?? [];
}

/** The public content of a version: what providers see and what bids are made against. */
async function snapshot(q: Queryable, k: KaderRij, versie: number): Promise<KaderSnapshot> {
  const [termijnen, eisen] = [await laadTermijnen(q, k.id), await laadEisen(q, k.id)];
  return {
    id: k.id,
    versie,
    zorgkantoorId: k.organisatie_id,
    titel: k.titel,
    jaarVan: k.jaar_van,
    jaarTot: k.jaar_tot,
    sector: k.sector,
    regioCodes: k.regio_codes,
    procedureType: k.procedure_type,
    omschrijving: k.omschrijving,
    verzegeldVoorBeoordelaars: k.verzegeld_voor_beoordelaars,
    bezwaartermijnDagen: k.bezwaartermijn_dagen,
    regionaleParagraaf: k.regionale_paragraaf ?? {},
    keuzes: keuzesVan(k),
    termijnen: termijnen.map(termijnOut),
    eisen: eisen.map(eisOut),
  };
}

// ───────────────────────────── Visibility ─────────────────────────────

export const regiosVanAanbieder = store.regiosVanAanbieder;

export const isEigenaar = (a: Actor, k: Pick<KaderRij, 'organisatie_id'>) =>
  isZorgkantoor(a) && a.organisatieId === k.organisatie_id;

/** A kader as this actor may see it, or 404 (a provider outside its regions, a concept of another office). */
export async function kaderVoor(q: Queryable, a: Actor, id: string, lock = false): Promise<KaderRij> {
  if (!isUuid(id)) throw notFound('Dit inkoopkader');
  const k = await store.kaderRij(q, id, lock);
  if (!k) throw notFound('Dit inkoopkader');
  if (isEigenaar(a, k)) return k;
  if (!isOpenbaar(k.fase)) throw notFound('Dit inkoopkader');
  if (isAanbieder(a)) {
    const regios = await regiosVanAanbieder(q, a.organisatieId);
    if (!k.regio_codes.some((r) => regios.includes(r))) throw notFound('Dit inkoopkader');
    return k;
  }
  if (isToezicht(a)) return k;
  throw notFound('Dit inkoopkader');
}

export function vereisEigenaar(a: Actor, k: KaderRij) {
  if (!isEigenaar(a, k))
    throw new AppError(403, 'geen-eigenaar', 'Alleen het zorgkantoor dat dit inkoopkader opstelt kan het wijzigen.');
}

// ───────────────────────────── Create and edit ─────────────────────────────

export interface KaderInvoer {
  titel: string;
  jaarVan: number;
  jaarTot?: number;
  sector: string;
  regioCodes: string[];
  procedureType: ProcedureType;
  sjabloon?: string;
  omschrijving?: string;
  verzegeldVoorBeoordelaars?: boolean;
  bezwaartermijnDagen?: number;
}

async function controleerRegios(q: Queryable, a: Actor, regioCodes: string[], jaar: number) {
  const fouten = [];
  for (const r of regioCodes) {
    if (!(await store.bestaatRegio(q, r))) {
      fouten.push({
        waar: `regioCodes/${r}`,
        wat: `Regio ${r} bestaat niet.`,
        actie: 'Kies een zorgkantoorregio (COD001), zie GET /api/v1/regios.',
      });
      continue;
    }
    const houder = await store.concessieHouder(q, r, jaar);
    if (houder && houder !== a.organisatieId)
      fouten.push({
        waar: `regioCodes/${r}`,
        wat: `Regio ${r} hoort in ${jaar} bij een ander zorgkantoor (${houder}).`,
        actie: "Koop alleen in voor de eigen concessieregio's.",
      });
  }
  if (fouten.length) throw unprocessable('regio-ongeldig', "Niet alle regio's passen bij dit zorgkantoor.", { fouten });
}

export async function maakKader(ctx: AppContext, a: Actor, inv: KaderInvoer): Promise<string> {
  if (!PROCEDURE_TYPES.includes(inv.procedureType))
    throw badRequest('procedure-onbekend', `Onbekend proceduretype '${inv.procedureType}'.`);
  const tpl = inv.sjabloon ? sjabloon(inv.sjabloon) : null;
  const jaarTot = inv.jaarTot ?? inv.jaarVan;
  if (jaarTot < inv.jaarVan)
    throw badRequest('jaren-ongeldig', 'Het laatste jaar ligt vóór het eerste jaar.', {
      fouten: [{ waar: 'jaarTot', wat: `${jaarTot} < ${inv.jaarVan}` }],
    });
  if (!inv.regioCodes.length)
    throw badRequest('regio-ontbreekt', 'Kies minstens één regio.', { fouten: [{ waar: 'regioCodes', wat: 'leeg' }] });
  return ctx.db.tx(async (t) => {
    if (!(await store.bestaatSector(t, inv.sector)))
      throw badRequest('sector-onbekend', `Sector '${inv.sector}' bestaat niet.`, {
        actie: 'Kies VV, GZ of GGZ.',
        fouten: [{ waar: 'sector', wat: `Onbekende sector '${inv.sector}'.`, actie: 'Kies VV, GZ of GGZ.' }],
      });
    await controleerRegios(t, a, inv.regioCodes, inv.jaarVan);
    const row = {
      id: await store.voegKaderToe(t, {
        organisatieId: a.organisatieId,
        titel: inv.titel,
        jaarVan: inv.jaarVan,
        jaarTot,
        sector: inv.sector,
        regioCodes: inv.regioCodes,
        procedureType: inv.procedureType,
        verzegeld: inv.verzegeldVoorBeoordelaars ?? true,
        sjabloon: tpl?.id ?? null,
        omschrijving: inv.omschrijving ?? tpl?.toelichting ?? null,
        bezwaartermijnDagen: inv.bezwaartermijnDagen ?? 14,
        keuzes: tpl?.keuzes ?? [],
        door: a.gebruikerId,
        op: ctx.now(),
      }),
    };
    if (tpl) {
      for (const e of tpl.eisen) await voegEisToe(t, row.id, e);
      if (tpl.tijdlijn === '2016') {
        for (const tm of termijnenUitSjabloon(tijdlijn2016(inv.jaarVan - 1))) await schrijfTermijn(t, row.id, tm);
      }
    }
    await appendAudit(t, auditActor(a), {
      actie: 'inkoop.kader.aangemaakt',
      onderwerpType: 'inkoopkader',
      onderwerpId: row.id,
      invoer: inv,
      resultaat: { fase: 'concept', versie: 1 },
    });
    return row.id;
  });
}

/** Any edit goes through here: refuses after bids are sealed, and bumps the working version after publication. */
async function bewerk(
  ctx: AppContext,
  a: Actor,
  id: string,
  wat: string,
  fn: (t: Queryable, k: KaderRij) => Promise<unknown>,
  invoer: unknown,
  /** an edit that is allowed after the terms are fixed and changes no published term (no new version) */
  uitzondering?: (k: KaderRij) => boolean,
) {
  return ctx.db.tx(async (t) => {
    const k = await kaderVoor(t, a, id, true);
    vereisEigenaar(a, k);
    if (uitzondering?.(k)) {
      const resultaat = await fn(t, k);
      await appendAudit(t, auditActor(a), {
        actie: `inkoop.kader.${wat}`,
        onderwerpType: 'inkoopkader',
        onderwerpId: id,
        invoer,
        resultaat: { versie: k.versie, ...(resultaat && typeof resultaat === 'object' ? resultaat : {}) },
      });
      return resultaat;
    }
    const bewerkbaar: Fase[] = ['concept', 'gepubliceerd', 'vragenronde', 'nvi_gepubliceerd', 'toelating_doorlopend'];
    if (!bewerkbaar.includes(k.fase)) {
      throw conflict(
        'kader-vastgelegd',
        `Het inkoopkader is in fase '${k.fase}'; eisen en termijnen liggen vast zodra de inschrijving gesloten is (regel inkoop.kader.wijzigen).`,
        { actie: 'Trek de procedure in en start een nieuwe als het kader echt anders moet.' },
      );
    }
    // Once published and past the submission deadline, the terms bids were made against are fixed:
    // no later edit of requirements, weights or deadlines (an extension after the deadline would be unfair).
    const dl = k.gepubliceerde_versie !== null ? deadlineVan(await geldendeTermijnen(t, k)) : null;
    if (dl && !voorDeadline(ctx.now(), dl)) {
      throw conflict(
        'kader-vastgelegd',
        `De sluitingstermijn voor inschrijving (${instantNaarLokaal(dl)}, Europe/Amsterdam) is verstreken; eisen, weging en termijnen liggen vast (regel inkoop.kader.wijzigen).`,
        {
          actie: 'Trek de procedure in en start een nieuwe als het kader echt anders moet.',
        },
      );
    }
    const resultaat = await fn(t, k);
    const versie = k.gepubliceerde_versie !== null && k.versie === k.gepubliceerde_versie ? k.versie + 1 : k.versie;
    await store.zetKaderVersie(t, id, versie, ctx.now());
    await appendAudit(t, auditActor(a), {
      actie: `inkoop.kader.${wat}`,
      onderwerpType: 'inkoopkader',
      onderwerpId: id,
      invoer,
      resultaat: { versie, ...(resultaat && typeof resultaat === 'object' ? resultaat : {}) },
    });
    return resultaat;
  });
}

/** The kader facts the regional paragraph rules need (src/domain/inkoop/regionale-paragraaf.ts). */
const paragraafKader = (k: KaderRij, eisen: EisRij[]): ParagraafKader => ({
  procedureType: k.procedure_type,
  eisen: eisen.map((e) => ({
    code: e.code,
    groep: e.groep,
    gewicht: e.gewicht,
    schaalMin: e.schaal_min,
    schaalMax: e.schaal_max,
  })),
});

export async function wijzigKader(
  ctx: AppContext,
  a: Actor,
  id: string,
  inv: Partial<Omit<KaderInvoer, 'procedureType' | 'sjabloon'>> & { regionaleParagraaf?: unknown },
) {
  await bewerk(
    ctx,
    a,
    id,
    'gewijzigd',
    async (t, k) => {
      // The seal is part of what providers bid against: it can only be set before publication (product choice,
      // src/domain/inkoop/verzegeling.ts). Lifting it later would show bids to the zorgkantoor before the deadline.
      if (
        inv.verzegeldVoorBeoordelaars !== undefined &&
        k.gepubliceerde_versie !== null &&
        inv.verzegeldVoorBeoordelaars !== gepubliceerdZegel(k)
      ) {
        throw conflict(
          'verzegeling-vast',
          `Het veld verzegeldVoorBeoordelaars kan na publicatie niet meer worden gewijzigd: het inkoopkader is gepubliceerd als ${gepubliceerdZegel(k) ? 'verzegeld' : 'niet verzegeld'} en inschrijvers rekenen daarop (regel ${VERZEGELING_REGEL}).`,
          {
            fouten: [
              {
                waar: 'verzegeldVoorBeoordelaars',
                wat: 'De verzegeling wordt alleen vóór publicatie ingesteld.',
                actie:
                  'Laat het veld weg; ingediende inschrijvingen worden vanzelf zichtbaar na de gepubliceerde sluitingstermijn.',
              },
            ],
            actie:
              'Laat het veld weg; ingediende inschrijvingen worden vanzelf zichtbaar na de gepubliceerde sluitingstermijn.',
          },
        );
      }
      // The regional paragraph is validated against this kader's current criteria; refused → 422, nothing stored (the transaction rolls back).
      let paragraaf: unknown = k.regionale_paragraaf ?? {};
      if (inv.regionaleParagraaf !== undefined) {
        const fouten = valideerRegionaleParagraaf(inv.regionaleParagraaf, paragraafKader(k, await laadEisen(t, id)));
        if (fouten.length) {
          throw unprocessable(
            'regionale-paragraaf-ongeldig',
            `De regionale paragraaf is ongeldig: ${fouten.length === 1 ? fouten[0].wat : `${fouten.length} fouten`} (regel ${REGIONALE_PARAGRAAF_REGEL}).`,
            { fouten, actie: fouten[0].actie },
          );
        }
        paragraaf = normaliseerRegionaleParagraaf(inv.regionaleParagraaf);
      }
      if (inv.regioCodes) {
        if (!inv.regioCodes.length) throw badRequest('regio-ontbreekt', 'Kies minstens één regio.');
        await controleerRegios(t, a, inv.regioCodes, inv.jaarVan ?? k.jaar_van);
      }
      if (inv.sector !== undefined && !(await store.bestaatSector(t, inv.sector)))
        throw badRequest('sector-onbekend', `Sector '${inv.sector}' bestaat niet.`, {
          fouten: [{ waar: 'sector', wat: `Onbekende sector '${inv.sector}'.`, actie: 'Kies VV, GZ of GGZ.' }],
        });
      const jaarVan = inv.jaarVan ?? k.jaar_van;
      const jaarTot = inv.jaarTot ?? Math.max(k.jaar_tot, jaarVan);
      if (jaarTot < jaarVan) throw badRequest('jaren-ongeldig', 'Het laatste jaar ligt vóór het eerste jaar.');
      await store.zetKaderVelden(t, id, {
        titel: inv.titel ?? k.titel,
        jaarVan,
        jaarTot,
        sector: inv.sector ?? k.sector,
        regioCodes: inv.regioCodes ?? k.regio_codes,
        omschrijving: inv.omschrijving ?? k.omschrijving,
        verzegeld: inv.verzegeldVoorBeoordelaars ?? k.verzegeld_voor_beoordelaars,
        bezwaartermijnDagen: inv.bezwaartermijnDagen ?? k.bezwaartermijn_dagen,
        regionaleParagraaf: paragraaf,
      });
      // the audit entry records the paragraph before and after (normalised) when it was part of the edit
      return inv.regionaleParagraaf !== undefined
        ? {
            regionaleParagraaf: { oud: k.regionale_paragraaf ?? {}, nieuw: paragraaf },
            regel: REGIONALE_PARAGRAAF_REGEL,
          }
        : undefined;
    },
    inv,
    // Giving a kind to regional conditions stored without one (before kinds existed) stays possible after the
    // deadline: the award refuses until they have one (src/inkoop/gunning/regionaal.ts), and it changes no published term.
    (k) =>
      Object.keys(inv).every((x) => x === 'regionaleParagraaf') &&
      inv.regionaleParagraaf !== undefined &&
      alleenSoortToegevoegd(k.regionale_paragraaf ?? {}, normaliseerRegionaleParagraaf(inv.regionaleParagraaf)),
  );
}

/** "2015-07-31T17:00" (Amsterdam) or an ISO instant with Z/offset. */
export function parseTijd(s: string, waar: string): Date {
  try {
    if (/[zZ]$|[+-]\d{2}:\d{2}$/.test(s)) {
      const d = new Date(s);
      if (Number.isNaN(d.getTime())) throw new Error('ongeldig');
      return d;
    }
    return lokaalNaarInstant(s);
  } catch (e) {
    throw badRequest('tijd-ongeldig', `Ongeldig tijdstip '${s}'.`, {
      fouten: [
        {
          waar,
          wat: (e as Error).message,
          actie: 'Schrijf JJJJ-MM-DDTUU:MM (Europe/Amsterdam) of een ISO-tijdstip met tijdzone.',
        },
      ],
    });
  }
}

const schrijfTermijn = store.schrijfTermijn;

export interface TermijnInvoer {
  fase: string;
  begint?: string | null;
  eindigt?: string | null;
  omschrijving?: string | null;
}

/** Replaces the timeline. Refuses an inconsistent order, naming the phases. */
export async function zetTermijnen(ctx: AppContext, a: Actor, id: string, invoer: TermijnInvoer[]) {
  const termijnen: Termijn[] = invoer.map((x, i) => {
    if (!(TERMIJN_FASEN as readonly string[]).includes(x.fase))
      throw badRequest('termijn-onbekend', `Onbekende fase '${x.fase}'.`, {
        fouten: [{ waar: `termijnen/${i}/fase`, wat: x.fase, actie: `Kies uit ${TERMIJN_FASEN.join(', ')}.` }],
      });
    return {
      fase: x.fase as TermijnFase,
      begintOp: x.begint ? parseTijd(x.begint, `termijnen/${i}/begint`) : null,
      eindigtOp: x.eindigt ? parseTijd(x.eindigt, `termijnen/${i}/eindigt`) : null,
      omschrijving: x.omschrijving ?? null,
    };
  });
  const dubbel = termijnen.map((t) => t.fase).filter((f, i, arr) => arr.indexOf(f) !== i);
  if (dubbel.length) throw badRequest('termijn-dubbel', `Fase ${dubbel.join(', ')} staat er meer dan eens in.`);
  const fouten = controleerTijdlijn(termijnen);
  if (fouten.length)
    throw unprocessable(
      'tijdlijn-ongeldig',
      'De termijnen staan niet in een geldige volgorde (regel inkoop.tijdlijn).',
      { fouten: fouten.map((wat) => ({ wat, waar: 'termijnen' })) },
    );
  await bewerk(
    ctx,
    a,
    id,
    'termijnen_gewijzigd',
    async (t, k) => {
      // After publication the submission deadline only moves later (an extension, effective when published).
      const gepubliceerd = k.gepubliceerde_versie !== null ? deadlineVan(await geldendeTermijnen(t, k)) : null;
      const nieuw = deadlineVan(termijnen);
      const ingediend = await store.aantalIngediend(t, id);
      const fout = deadlineWijziging({
        procedureType: k.procedure_type,
        gepubliceerd,
        isGepubliceerd: k.gepubliceerde_versie !== null,
        nieuw,
        nu: ctx.now(),
        ingediend,
      });
      if (fout) {
        const i = termijnen.findIndex((x) => x.fase === 'inschrijving');
        throw conflict('deadline-niet-vervroegen', fout.wat, {
          fouten: [{ waar: i < 0 ? 'termijnen' : `termijnen/${i}/eindigt`, wat: fout.wat, actie: fout.actie }],
          actie: fout.actie,
        });
      }
      await store.wisTermijnen(t, id);
      for (const tm of termijnen) await schrijfTermijn(t, id, tm);
      const verschuift = (gepubliceerd?.getTime() ?? null) !== (nieuw?.getTime() ?? null);
      return gepubliceerd && verschuift
        ? {
            verlenging: {
              gepubliceerdeDeadline: gepubliceerd.toISOString(),
              nieuweDeadline: nieuw?.toISOString() ?? null,
              ingediend,
              geldtNa: 'publicatie',
            },
            regel: 'inkoop.deadline.wijzigen',
          }
        : undefined;
    },
    { termijnen: invoer },
  );
}

function valideerEis(e: EisInvoer, waar = 'eis') {
  const fouten = [];
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/.test(e.code))
    fouten.push({
      waar: `${waar}/code`,
      wat: `Code '${e.code}' is ongeldig.`,
      actie: 'Letters, cijfers, punt, streep; max. 40 tekens.',
    });
  if (!(EIS_GROEPEN as readonly string[]).includes(e.groep))
    fouten.push({
      waar: `${waar}/groep`,
      wat: `Onbekende groep '${e.groep}'.`,
      actie: `Kies uit ${EIS_GROEPEN.join(', ')}.`,
    });
  if (!(EIS_SOORTEN as readonly string[]).includes(e.soort))
    fouten.push({
      waar: `${waar}/soort`,
      wat: `Onbekende soort '${e.soort}'.`,
      actie: `Kies uit ${EIS_SOORTEN.join(', ')}.`,
    });
  for (const v of e.vanToepassing ?? ['alle'])
    if (!(VAN_TOEPASSING as readonly string[]).includes(v))
      fouten.push({
        waar: `${waar}/vanToepassing`,
        wat: `Onbekende klasse '${v}'.`,
        actie: `Kies uit ${VAN_TOEPASSING.join(', ')}.`,
      });
  if (!e.tekst?.trim()) fouten.push({ waar: `${waar}/tekst`, wat: 'De tekst ontbreekt.' });
  const getalOk = { gewicht: true, schaalMin: true, schaalMax: true };
  for (const f of ['gewicht', 'schaalMin', 'schaalMax'] as const) {
    if (e[f] !== undefined && e[f] !== null) {
      const r = controleerDecimaal(e[f], f === 'gewicht' ? DECIMALEN.gewicht : DECIMALEN.score);
      if (!r.ok) {
        getalOk[f] = false;
        fouten.push({ waar: `${waar}/${f}`, wat: r.wat, actie: r.actie });
      } else e[f] = r.waarde; // stored as typed, with a decimal point
    }
  }
  if (e.groep === 'gunningscriterium_gewogen') {
    if (!getalOk.gewicht || !getalOk.schaalMin || !getalOk.schaalMax) {
      // already named above
    } else if (e.gewicht == null || e.schaalMin == null || e.schaalMax == null)
      fouten.push({
        waar: `${waar}/gewicht`,
        wat: 'Een gewogen gunningscriterium heeft een gewicht en een schaal (min en max).',
      });
    else if (parseDecimal(String(e.schaalMin)).gte(parseDecimal(String(e.schaalMax))))
      fouten.push({ waar: `${waar}/schaalMax`, wat: 'Het maximum van de schaal moet groter zijn dan het minimum.' });
  }
  if (fouten.length) throw badRequest('eis-ongeldig', 'De eis is ongeldig.', { fouten });
}

async function voegEisToe(t: Queryable, kaderId: string, e: EisInvoer) {
  valideerEis(e);
  const bestaat = await store.eisBestaat(t, kaderId, e.code);
  if (bestaat && !bestaat.vervallen) throw conflict('eis-bestaat', `Er is al een eis met code ${e.code}.`);
  if (bestaat) await store.zetEisRij(t, kaderId, eisVelden(e), true);
  else await store.voegEisRijToe(t, kaderId, eisVelden(e));
}

/** The stored fields of a requirement, with the defaults. */
const eisVelden = (e: EisInvoer): store.EisVelden => ({
  code: e.code,
  groep: e.groep,
  tekst: e.tekst,
  soort: e.soort,
  vanToepassing: e.vanToepassing ?? ['alle'],
  bewijs: e.bewijs ?? null,
  gewicht: e.gewicht ?? null,
  schaalMin: e.schaalMin ?? null,
  schaalMax: e.schaalMax ?? null,
  verplicht: e.verplicht ?? true,
  volgorde: e.volgorde ?? 0,
  bron: e.bron ?? null,
});

export async function maakEis(ctx: AppContext, a: Actor, id: string, e: EisInvoer) {
  await bewerk(ctx, a, id, 'eis_toegevoegd', (t) => voegEisToe(t, id, e), e);
}

export async function wijzigEis(ctx: AppContext, a: Actor, id: string, code: string, e: Partial<EisInvoer>) {
  await bewerk(
    ctx,
    a,
    id,
    'eis_gewijzigd',
    async (t) => {
      const cur = await store.eisRij(t, id, code);
      if (!cur) throw notFound(`Eis ${code}`);
      const m: EisInvoer = { ...eisOut(cur), ...e, code };
      valideerEis(m);
      await store.zetEisRij(t, id, eisVelden(m));
    },
    { code, ...e },
  );
}

/** Removes a requirement; once the kader was ever published it is kept as 'vervallen' (answers may refer to it). */
export async function verwijderEis(ctx: AppContext, a: Actor, id: string, code: string) {
  await bewerk(
    ctx,
    a,
    id,
    'eis_verwijderd',
    async (t, k) => {
      const cur = await store.eisRij(t, id, code);
      if (!cur) throw notFound(`Eis ${code}`);
      if (k.gepubliceerde_versie !== null || (await store.eisBeantwoord(t, cur.id)))
        await store.laatEisVervallen(t, cur.id);
      else await store.verwijderEisRij(t, cur.id);
    },
    { code },
  );
}

// ───────────────────────────── Publish and transitions ─────────────────────────────

function publicatieFouten(k: KaderRij, termijnen: Termijn[], eisen: EisRij[]) {
  const fouten = [];
  if (!k.regio_codes.length) fouten.push({ waar: 'regioCodes', wat: 'Er is geen regio gekozen.' });
  if (!eisen.length)
    fouten.push({ waar: 'eisen', wat: 'Er zijn nog geen eisen.', actie: 'Voeg eisen toe of begin met een sjabloon.' });
  if (k.procedure_type !== 'open_house' && !deadlineVan(termijnen))
    fouten.push({
      waar: 'termijnen/inschrijving',
      wat: 'De sluitingstermijn voor inschrijvingen ontbreekt.',
      actie: 'Zet de termijn "inschrijving" met een einddatum en -tijd.',
    });
  const gewogen = eisen.filter((e) => e.groep === 'gunningscriterium_gewogen');
  if (gewogen.length && gewogen.every((e) => !e.gewicht || parseDecimal(e.gewicht).isZero()))
    fouten.push({ waar: 'eisen', wat: 'Gewogen gunningscriteria hebben samen geen gewicht.' });
  for (const w of controleerTijdlijn(termijnen)) fouten.push({ waar: 'termijnen', wat: w });
  // the regional paragraph must still fit the criteria (a weight for a removed criterion, a step that no longer fits a scale)
  fouten.push(...valideerRegionaleParagraaf(k.regionale_paragraaf ?? {}, paragraafKader(k, eisen)));
  return fouten;
}

/**
 * Publishes the working version: the first time moves the procedure from concept to gepubliceerd (and
 * opens the question round when there is a 'vragen' termijn); later, publishes a new version of an
 * already published kader (until the submission deadline). Stores the immutable public snapshot.
 */
export async function publiceer(ctx: AppContext, a: Actor, id: string, wijzigingen?: string) {
  return ctx.db.tx(async (t) => {
    const k = await kaderVoor(t, a, id, true);
    vereisEigenaar(a, k);
    const nu = ctx.now();
    const termijnen = await laadTermijnen(t, id);
    const eisen = await laadEisen(t, id);
    const fouten = publicatieFouten(k, termijnen, eisen);
    if (fouten.length)
      throw unprocessable(
        'publicatie-onvolledig',
        'Het inkoopkader kan nog niet gepubliceerd worden (regel inkoop.kader.publiceren).',
        { fouten },
      );
    const dl = deadlineVan(termijnen);
    // The published deadline governs: once it has passed no new version is published (an extension published
    // after the deadline would reopen bids the zorgkantoor may already have read).
    const gepubliceerdDl = k.gepubliceerde_versie !== null ? deadlineVan(await geldendeTermijnen(t, k)) : null;
    for (const d of [gepubliceerdDl, dl])
      if (d && !voorDeadline(nu, d))
        throw conflict(
          'deadline-verstreken',
          `De sluitingstermijn (${instantNaarLokaal(d)}) is al verstreken; publiceren kan niet meer (regel inkoop.kader.publiceren).`,
        );
    if (k.gepubliceerde_versie !== null) {
      const fout = deadlineWijziging({
        procedureType: k.procedure_type,
        gepubliceerd: gepubliceerdDl,
        isGepubliceerd: true,
        nieuw: dl,
        nu,
        ingediend: 0,
      });
      if (fout)
        throw conflict('deadline-niet-vervroegen', fout.wat, {
          fouten: [{ waar: 'termijnen/inschrijving', wat: fout.wat, actie: fout.actie }],
        });
      if (k.verzegeld_voor_beoordelaars !== gepubliceerdZegel(k))
        throw conflict(
          'verzegeling-vast',
          `Het veld verzegeldVoorBeoordelaars wijkt af van de gepubliceerde versie; de verzegeling wordt alleen vóór publicatie ingesteld (regel ${VERZEGELING_REGEL}).`,
          { fouten: [{ waar: 'verzegeldVoorBeoordelaars', wat: 'Afwijkend van de gepubliceerde versie.' }] },
        );
    }
    const overgangen: { van: Fase; naar: Fase; actie: Actie }[] = [];
    let fase = k.fase;
    if (fase === 'concept') {
      const r = overgang(k.procedure_type, fase, 'publiceren');
      if (!r.ok) throw conflict('overgang-geweigerd', r.reden);
      overgangen.push(r);
      fase = r.naar;
      if (termijnen.some((x) => x.fase === 'vragen')) {
        const v = overgang(k.procedure_type, fase, 'vragenronde_openen');
        if (v.ok) {
          overgangen.push(v);
          fase = v.naar;
        }
      }
    } else if (k.gepubliceerde_versie !== null && k.versie === k.gepubliceerde_versie) {
      throw conflict('niets-te-publiceren', `Versie ${k.versie} is al gepubliceerd; er zijn geen wijzigingen.`);
    } else if (!['gepubliceerd', 'vragenronde', 'nvi_gepubliceerd', 'toelating_doorlopend'].includes(fase)) {
      throw conflict(
        'kader-vastgelegd',
        `In fase '${fase}' kan geen nieuwe versie gepubliceerd worden (regel inkoop.kader.publiceren).`,
      );
    }
    const versie = k.versie;
    const snap = await snapshot(t, { ...k, fase }, versie);
    const sha256 = crypto.createHash('sha256').update(canonicalJson(snap)).digest('hex');
    await store.slaPublicatieOp(t, {
      id,
      fase,
      versie,
      snapshot: snap,
      sha256,
      op: nu,
      door: a.gebruikerId,
      wijzigingen: wijzigingen ?? null,
    });
    for (const o of overgangen) {
      await appendAudit(t, auditActor(a), {
        actie: `inkoop.procedure.${o.actie}`,
        onderwerpType: 'inkoopkader',
        onderwerpId: id,
        invoer: { van: o.van, actie: o.actie },
        resultaat: { naar: o.naar },
        regel: `inkoop.procedure.v1:${k.procedure_type}`,
      });
    }
    await appendAudit(t, auditActor(a), {
      actie: 'inkoop.kader.gepubliceerd',
      onderwerpType: 'inkoopkader',
      onderwerpId: id,
      invoer: { versie, wijzigingen: wijzigingen ?? null },
      resultaat: {
        sha256,
        fase,
        // an extension of the submission deadline takes effect here, and is recorded with both dates
        ...(gepubliceerdDl && dl && gepubliceerdDl.getTime() !== dl.getTime()
          ? { deadline: { was: gepubliceerdDl.toISOString(), wordt: dl.toISOString() } }
          : {}),
      },
      regel: 'inkoop.kader.publiceren',
    });
    return { versie, sha256, fase };
  });
}

/** Applies a procedure transition (state machine + deadline guards), audited. */
export async function voerOvergangUit(ctx: AppContext, a: Actor, id: string, actie: Actie, t0?: Queryable) {
  const run = async (t: Queryable) => {
    const k = await kaderVoor(t, a, id, true);
    vereisEigenaar(a, k);
    if (actie === 'publiceren')
      throw badRequest(
        'gebruik-publiceren',
        'Publiceren gaat via POST /inkoop/kaders/{id}/publiceren (dat legt ook de publieke versie vast).',
      );
    if (actie === 'nvi_publiceren')
      throw badRequest('gebruik-nvi', 'Een Nota van Inlichtingen publiceert u via POST /inkoop/kaders/{id}/nvi.');
    const r = overgang(k.procedure_type, k.fase, actie);
    if (!r.ok)
      throw conflict('overgang-geweigerd', r.reden, {
        fouten: [{ waar: 'actie', wat: r.reden, actie: `Toegestaan: ${r.toegestaan.join(', ') || 'geen'}.` }],
      });
    const nu = ctx.now();
    const termijnen = await geldendeTermijnen(t, k);
    if (actie === 'inschrijving_sluiten') {
      const dl = deadlineVan(termijnen);
      if (dl && voorDeadline(nu, dl))
        throw conflict(
          'deadline-niet-verstreken',
          `De inschrijving sluit pas op ${instantNaarLokaal(dl)} (Europe/Amsterdam); sluiten kan daarna (regel inkoop.deadline.inschrijving).`,
        );
    }
    await store.zetKaderFase(t, id, r.naar, nu);
    await appendAudit(t, auditActor(a), {
      actie: `inkoop.procedure.${actie}`,
      onderwerpType: 'inkoopkader',
      onderwerpId: id,
      invoer: { van: k.fase, actie },
      resultaat: { naar: r.naar },
      regel: r.regel,
    });
    return { van: k.fase, naar: r.naar };
  };
  return t0 ? run(t0) : ctx.db.tx(run);
}

// ───────────────────────────── Read ─────────────────────────────

export type KaderStatus = KaderStatusT;

export async function kaderStatus(ctx: AppContext, q: Queryable, k: KaderRij): Promise<KaderStatus> {
  const nu = ctx.now();
  // the enforced (published) termijnen; the owner sees its working version in laadKader
  const termijnen = await geldendeTermijnen(q, k);
  const dl = deadlineVan(termijnen);
  const voorbereiding = voorbereidingZichtbaar(dl, nu);
  const cnt = await store.inschrijvingenPerStatus(q, k.id);
  const c = (s: string) => Number(cnt.find((x) => x.status === s)?.n ?? 0);
  const vr = await store.aantallenVragen(q, k.id);
  const nvi = await store.aantalNotas(q, k.id);
  return {
    id: k.id,
    titel: k.titel,
    procedureType: k.procedure_type,
    fase: k.fase,
    versie: k.versie,
    gepubliceerdeVersie: k.gepubliceerde_versie,
    nu: nu.toISOString(),
    toegestaneActies: toegestaneActies(k.procedure_type, k.fase),
    deadline: dl?.toISOString() ?? null,
    deadlineLokaal: dl ? instantNaarLokaal(dl) : null,
    aftelling: dl ? aftelling(nu, dl) : null,
    vragenOpen: vragenOpen(k, termijnen, nu),
    inschrijvenOpen: inschrijvenOpen(k, termijnen, nu),
    verzegeld: await isVerzegeld(q, k, nu),
    termijnen: termijnen.map(termijnOut),
    aantallen: {
      concept: voorbereiding ? c('concept') : null,
      ingediend: c('ingediend'),
      ingetrokken: voorbereiding ? c('ingetrokken') : null,
      vragen: vr.n,
      vragenOnbeantwoord: vr.open,
      nviVersies: nvi,
    },
  };
}

/** The kader as the actor sees it: the owner gets the working version; others the published one. */
export async function laadKader(ctx: AppContext, a: Actor, id: string): Promise<KaderDetailT> {
  const k = await kaderVoor(ctx.db, a, id);
  const status = await kaderStatus(ctx, ctx.db, k);
  if (isEigenaar(a, k)) {
    const werk = await snapshot(ctx.db, k, k.versie);
    return {
      ...werk,
      fase: k.fase,
      eigenaar: true,
      gepubliceerdeVersie: k.gepubliceerde_versie,
      ongepubliceerdeWijzigingen: k.gepubliceerde_versie !== k.versie,
      status,
    };
  }
  // a non-owner only sees published kaders (kaderVoor); read in today's requirement grouping
  const pub = normaliseerSnapshot(k.publieke_versie as KaderSnapshot, k.sjabloon);
  // Providers see only counts that reveal nothing about competitors: none.
  const publiekeStatus = {
    ...status,
    aantallen: {
      concept: 0,
      ingediend: 0,
      ingetrokken: 0,
      vragen: 0,
      vragenOnbeantwoord: 0,
      nviVersies: status.aantallen.nviVersies,
    },
  };
  return {
    ...pub,
    fase: k.fase,
    eigenaar: false,
    gepubliceerdeVersie: k.gepubliceerde_versie,
    ongepubliceerdeWijzigingen: false,
    status: publiekeStatus,
  };
}

/** Kaders visible to the actor: own (zorgkantoor), open procedures in its regions (provider), published (supervisor). */
export async function lijstKaders(ctx: AppContext, a: Actor): Promise<KaderLijstItemT[]> {
  let rows: KaderRij[];
  if (isZorgkantoor(a)) rows = await store.kadersVanZorgkantoor(ctx.db, a.organisatieId);
  else if (isAanbieder(a)) rows = await store.openbareKaders(ctx.db, await regiosVanAanbieder(ctx.db, a.organisatieId));
  else if (isToezicht(a)) rows = await store.openbareKaders(ctx.db);
  else rows = [];
  const out: KaderLijstItemT[] = [];
  for (const k of rows) {
    const s = await kaderStatus(ctx, ctx.db, k);
    const eigen = isAanbieder(a) ? await store.eigenInschrijvingRij(ctx.db, k.id, a.organisatieId) : undefined;
    const pub = isEigenaar(a, k) ? null : k.publieke_versie;
    out.push({
      id: k.id,
      titel: pub?.titel ?? k.titel,
      zorgkantoorId: k.organisatie_id,
      jaarVan: pub?.jaarVan ?? k.jaar_van,
      jaarTot: pub?.jaarTot ?? k.jaar_tot,
      sector: pub?.sector ?? k.sector,
      regioCodes: pub?.regioCodes ?? k.regio_codes,
      procedureType: k.procedure_type,
      fase: k.fase,
      versie: isEigenaar(a, k) ? k.versie : (k.gepubliceerde_versie ?? 0),
      deadline: s.deadline,
      deadlineLokaal: s.deadlineLokaal,
      aftelling: s.aftelling,
      inschrijvenOpen: s.inschrijvenOpen,
      vragenOpen: s.vragenOpen,
      nu: s.nu,
      eigenInschrijving: eigen ? { id: eigen.id, status: eigen.status } : null,
      aantalIngediend: isEigenaar(a, k) ? s.aantallen.ingediend : null,
    });
  }
  return out;
}

export async function kaderVersie(ctx: AppContext, a: Actor, id: string, versie: number): Promise<KaderVersieT> {
  const k = await kaderVoor(ctx.db, a, id);
  const v = await store.kaderVersieRij(ctx.db, id, versie);
  if (!v) throw notFound(`Versie ${versie}`);
  return {
    versie: v.versie,
    sha256: v.sha256,
    gepubliceerdOp: new Date(v.gepubliceerd_op).toISOString(),
    wijzigingen: v.wijzigingen,
    snapshot: normaliseerSnapshot(v.snapshot, k.sjabloon),
  };
}

export async function kaderVersies(ctx: AppContext, a: Actor, id: string) {
  await kaderVoor(ctx.db, a, id);
  const rows = await store.kaderVersieRijen(ctx.db, id);
  return rows.map((v) => ({
    versie: v.versie,
    sha256: v.sha256,
    gepubliceerdOp: new Date(v.gepubliceerd_op).toISOString(),
    wijzigingen: v.wijzigingen,
  }));
}
