/**
 * The ontwikkelplan is agreed by the zorgkantoor (Inkoopkader Langdurige Zorg 2016, §2.2.4 "Stap 5 -
 * (Verbeter)afspraken vaststellen": "De (verbeter)afspraak die zorgkantoor en zorgaanbieder sluiten
 * […] bestaat uit een uitgewerkt definitief ontwikkelplan" and "Voor een opslag op het basistarief komt
 * de zorgaanbieder uitsluitend in aanmerking wanneer hij met het zorgkantoor overeenstemming bereikt
 * over een definitief ontwikkelplan. […] Echter, het finale besluit ligt bij het zorgkantoor.").
 *
 *   voorstel ──(provider offers it, 7 elements)──▶ definitief ──(inkoper/manager: akkoord)──▶ akkoord
 *       ▲                                              │
 *       └──────(inkoper/manager: teruggestuurd, with a reason)
 *
 * Only an agreed plan opens the opslag and the two-year contract (gunning/service.ts uitkomstInvoer
 * reads ontwikkelplanStand). Agreeing needs every element E1–E7 and a "zorgvuldige zelfanalyse"
 * (§2.2.3: every element for each of the zorgkantoor's themes). Cliëntenraad involvement is asked for
 * ("Wij vragen zorgaanbieders dan ook hun cliëntenraad actief en aantoonbaar te betrekken", §1.6):
 * recorded and shown, a warning when absent, never a hard stop.
 */
import crypto from 'node:crypto';
import type { AppContext } from '../platform/context.ts';
import type { Queryable } from '../platform/db/index.ts';
import type { Actor } from '../platform/auth/roles.ts';
import { appendAudit, canonicalJson } from '../platform/audit.ts';
import { auditActor } from '../platform/audit.ts';
import { conflict, notFound, unprocessable, type Fout } from '../platform/errors.ts';
import { isUuid } from '../platform/validatie.ts';
import {
  BRON_TOETREDING_2016,
  BRON_POORT_2008,
  BRON_ZELFANALYSE,
  isPoort,
  poortWaarschuwingen,
  ZELFANALYSE_REGEL,
  zorgvuldigeZelfanalyse,
  type PoortAntwoord,
} from '../domain/inkoop/toetreding.ts';
import { eisGeldtVoor, type Klasse } from '../domain/inkoop/classificatie.ts';
import { vereisOntzegeld, type KaderRij } from './kader.ts';
import { themasVanKader } from './themas.ts';
import * as store from './store.ts';
import type { OntwikkelplanRij } from './store.ts';

export const ONTWIKKELPLAN_REGEL = 'inkoop.ontwikkelplan.akkoord.v1';
export const BRON_AKKOORD = 'Inkoopkader Langdurige Zorg 2016, §2.2.4 "Stap 5 - (Verbeter)afspraken vaststellen"';
export const BRON_CLIENTENRAAD =
  'Inkoopkader Langdurige Zorg 2016, §1.6 "Zichtbaar zorgkantoor" ("Wij vragen zorgaanbieders …")';

/** The 7 elements of a final ontwikkelplan (§2.2.4, "leidt in principe tot een uitgewerkt definitief ontwikkelplan met daarin"). */
const ELEMENTEN = [
  { veld: 'doelstelling', code: 'E1', naam: 'de doelstelling van het ontwikkelplan voor de cliënt' },
  { veld: 'plan_van_aanpak', code: 'E2', naam: 'een SMART plan van aanpak' },
  { veld: 'planning', code: 'E3', naam: 'de planning' },
  { veld: 'investering', code: 'E4', naam: 'de financiële investering' },
  { veld: 'risicos', code: 'E5', naam: "de risico's en de beheersing daarvan" },
  { veld: 'resultaten', code: 'E6', naam: 'de resultaten waartoe het plan leidt' },
  { veld: 'bewijslast', code: 'E7', naam: 'de bewijslast rondom het behalen van de resultaten' },
] as const;

export function clientenraadWaarschuwing(o: {
  clientenraadBetrokkenheid?: string | null;
  clientenraadDocumentId?: string | null;
}): { code: string; wat: string }[] {
  return o.clientenraadBetrokkenheid?.trim() || o.clientenraadDocumentId
    ? []
    : [
        {
          code: 'D6',
          wat: `De betrokkenheid van de cliëntenraad bij het opstellen van het ontwikkelplan is niet vastgelegd. Het zorgkantoor vraagt u de cliëntenraad actief en aantoonbaar te betrekken (${BRON_CLIENTENRAAD}); dit is een verzoek, geen voorwaarde.`,
        },
      ];
}

type PlanRij = OntwikkelplanRij;

/** Where the zelfanalyse and the plan stand: what the decision table and the screens use. */
export async function ontwikkelplanStand(q: Queryable, k: KaderRij, inschrijvingId: string) {
  const rijen = await store.zelfanalyseRijen(q, inschrijvingId);
  const plan = await store.ontwikkelplanRij(q, inschrijvingId);
  const themas = themasVanKader(k);
  const za = zorgvuldigeZelfanalyse(
    themas,
    rijen.map((r) => ({
      themaCode: r.thema_code,
      huidigeAanpak: r.huidige_aanpak,
      sterktes: r.sterktes,
      ontwikkelpunten: r.ontwikkelpunten,
      ervaringClient: r.ervaring_client,
      niveau: r.niveau,
      inOntwikkelplan: r.in_ontwikkelplan,
    })),
  );
  const ontbrekendeElementen = plan
    ? ELEMENTEN.filter((e) => plan[e.veld] === null || String(plan[e.veld]).trim() === '').map((e) => ({
        code: e.code,
        waar: e.veld,
        wat: `Element ${e.code} ontbreekt: ${e.naam}.`,
      }))
    : [];
  const clientenraad = !!plan && (!!plan.clientenraad_betrokkenheid?.trim() || !!plan.clientenraad_document_id);
  return {
    themas,
    aantalZelfanalyseRijen: rijen.length,
    zelfanalyseZorgvuldig: rijen.length > 0 && za.zorgvuldig,
    zelfanalyseOntbreekt: rijen.length
      ? za.ontbreekt
      : [{ waar: 'zelfanalyse', wat: 'Er is geen zelfanalyse ingediend.' }],
    planStatus: (plan?.status ?? null) as string | null,
    planAkkoord: plan?.status === 'akkoord',
    planAkkoordOp: plan?.akkoord_op ? new Date(plan.akkoord_op).toISOString() : null,
    teruggestuurdReden: plan?.teruggestuurd_reden ?? null,
    ontbrekendeElementen,
    clientenraadBetrokken: clientenraad,
    clientenraadBetrokkenheid: plan?.clientenraad_betrokkenheid ?? null,
    bron: { zelfanalyse: BRON_ZELFANALYSE, akkoord: BRON_AKKOORD, clientenraad: BRON_CLIENTENRAAD },
  };
}
export type OntwikkelplanStand = Awaited<ReturnType<typeof ontwikkelplanStand>>;

/** Warnings for the provider before submitting (none of them stops the submission). */
export async function inschrijvingWaarschuwingen(q: Queryable, k: KaderRij, inschrijvingId: string, klasse: Klasse) {
  const eisen = await store.eisRijen(q, k.id);
  const ant = await store.antwoordRijen(q, inschrijvingId);
  const byCode = new Map<string, PoortAntwoord>();
  for (const e of eisen) {
    const a = ant.find((x) => x.eis_id === e.id);
    if (a) byCode.set(e.code, { waarde: a.waarde, documentId: a.document_id });
  }
  const geldend = eisen.filter((e) => isPoort(e.groep) && eisGeldtVoor(e.van_toepassing, klasse));
  const bron = geldend.some((e) => e.groep === 'geschiktheidseis' || e.groep === 'uitsluitingsgrond')
    ? BRON_POORT_2008
    : BRON_TOETREDING_2016;
  const uit: { code: string; wat: string }[] = poortWaarschuwingen(geldend, byCode, bron);
  if (k.procedure_type === 'dialoog') {
    const s = await ontwikkelplanStand(q, k, inschrijvingId);
    if ((s.aantalZelfanalyseRijen > 0 || s.planStatus) && !s.zelfanalyseZorgvuldig)
      uit.push({
        code: 'C',
        wat: `De zelfanalyse is nog niet zorgvuldig: ${s.zelfanalyseOntbreekt
          .slice(0, 3)
          .map((x) => x.wat)
          .join(
            ' ',
          )}${s.zelfanalyseOntbreekt.length > 3 ? ` (en ${s.zelfanalyseOntbreekt.length - 3} meer)` : ''} Zonder zorgvuldige zelfanalyse geen dialoog over een opslag (${BRON_ZELFANALYSE}).`,
      });
    if (s.planStatus && !s.clientenraadBetrokken)
      uit.push(...clientenraadWaarschuwing({ clientenraadBetrokkenheid: s.clientenraadBetrokkenheid }));
  }
  return uit;
}

/** A submitted, unsealed bid of the actor's own zorgkantoor, locked for the decision (or 404/409). */
async function eigenIngediend(ctx: AppContext, t: Queryable, a: Actor, id: string) {
  const { i, k } = await ingediendVanEigenZorgkantoor(ctx, t, a, id);
  if (k.fase === 'ingetrokken') throw conflict('ingetrokken', 'Deze procedure is ingetrokken.');
  if (await store.isDefinitiefGegund(t, i.id))
    throw conflict('al-definitief', 'Deze inschrijving is al definitief gegund; het ontwikkelplan ligt vast.');
  const plan = await store.ontwikkelplanRij(t, i.id, true);
  return { i, k, plan };
}

/** A submitted bid of a kader of the actor's own zorgkantoor, once unsealed (404 otherwise, 403 while sealed). */
async function ingediendVanEigenZorgkantoor(ctx: AppContext, q: Queryable, a: Actor, id: string) {
  const i = isUuid(id) ? await store.inschrijvingRij(q, id) : undefined;
  if (!i || i.status !== 'ingediend') throw notFound('Deze inschrijving');
  const k = await store.kaderRij(q, i.kader_id);
  if (!k || k.organisatie_id !== a.organisatieId) throw notFound('Deze inschrijving');
  await vereisOntzegeld(ctx, q, k);
  return { i, k };
}

const planHash = (p: PlanRij) =>
  crypto
    .createHash('sha256')
    .update(
      canonicalJson({
        themas: p.themas,
        ...Object.fromEntries(ELEMENTEN.map((e) => [e.veld, p[e.veld] === null ? null : String(p[e.veld])])),
        clientenraad_betrokkenheid: p.clientenraad_betrokkenheid,
        clientenraad_document_id: p.clientenraad_document_id,
      }),
    )
    .digest('hex');

/** The zorgkantoor agrees with the plan the provider offered as final. */
export async function akkoordOntwikkelplan(ctx: AppContext, a: Actor, inschrijvingId: string, toelichting?: string) {
  return ctx.db.tx(async (t) => {
    const { i, k, plan } = await eigenIngediend(ctx, t, a, inschrijvingId);
    if (!plan || plan.status !== 'definitief')
      throw conflict(
        'ontwikkelplan-niet-aangeboden',
        plan?.status === 'akkoord'
          ? 'Met dit ontwikkelplan is al ingestemd.'
          : `Er is geen als definitief aangeboden ontwikkelplan${plan ? ` (status: ${plan.status})` : ''}; de aanbieder biedt het plan eerst definitief aan (regel ${ONTWIKKELPLAN_REGEL}).`,
        { actie: 'Vraag de aanbieder het uitgewerkte plan definitief aan te bieden.' },
      );
    const stand = await ontwikkelplanStand(t, k, i.id);
    const fouten: Fout[] = [
      ...stand.ontbrekendeElementen.map((f) => ({
        waar: f.waar,
        wat: f.wat,
        actie: 'Stuur het plan terug met deze reden.',
      })),
      ...(stand.zelfanalyseZorgvuldig
        ? []
        : stand.zelfanalyseOntbreekt.map((f) => ({
            ...f,
            actie: 'Stuur het plan terug; de zelfanalyse is niet zorgvuldig.',
          }))),
    ];
    if (fouten.length)
      throw unprocessable(
        stand.ontbrekendeElementen.length ? ONTWIKKELPLAN_REGEL : ZELFANALYSE_REGEL,
        stand.ontbrekendeElementen.length
          ? `Instemmen kan niet: het definitieve ontwikkelplan mist ${stand.ontbrekendeElementen.map((e) => e.code).join(', ')} (regel ${ONTWIKKELPLAN_REGEL}; ${BRON_AKKOORD}: het definitieve ontwikkelplan bevat doelstelling, SMART plan van aanpak, planning, investering, risico's, resultaten en bewijslast).`
          : `Instemmen kan niet: de zelfanalyse is niet zorgvuldig (regel ${ZELFANALYSE_REGEL}; ${BRON_ZELFANALYSE}).`,
        { fouten, actie: 'Stuur het plan terug met een reden.' },
      );
    const nu = ctx.now();
    const sha = planHash(plan);
    const b = {
      id: await store.besluitOverPlan(t, {
        inschrijvingId: i.id,
        besluit: 'akkoord',
        reden: toelichting?.trim() || null,
        sha256: sha,
        door: a.gebruikerId,
        op: nu,
      }),
    };
    const waarschuwingen = stand.clientenraadBetrokken
      ? []
      : clientenraadWaarschuwing({ clientenraadBetrokkenheid: null });
    await appendAudit(t, auditActor(a), {
      actie: 'inkoop.ontwikkelplan.akkoord',
      onderwerpType: 'inschrijving',
      onderwerpId: i.id,
      invoer: {
        planSha256: sha,
        toelichting: toelichting?.trim() || null,
        clientenraadBetrokken: stand.clientenraadBetrokken,
      },
      resultaat: { besluitId: b.id, status: 'akkoord', waarschuwingen },
      regel: ONTWIKKELPLAN_REGEL,
    });
    return { status: 'akkoord' as const, besluitId: b.id, planSha256: sha, waarschuwingen };
  });
}

/** The zorgkantoor sends the offered plan back with a reason; the provider works it out further. */
export async function stuurOntwikkelplanTerug(ctx: AppContext, a: Actor, inschrijvingId: string, reden: string) {
  if (!reden?.trim())
    throw unprocessable('reden', `Een teruggestuurd ontwikkelplan vraagt een reden (regel ${ONTWIKKELPLAN_REGEL}).`, {
      fouten: [{ waar: 'reden', wat: 'Reden ontbreekt.', actie: 'Schrijf waarom het plan nog niet akkoord is.' }],
    });
  return ctx.db.tx(async (t) => {
    const { i, plan } = await eigenIngediend(ctx, t, a, inschrijvingId);
    if (!plan || plan.status !== 'definitief')
      throw conflict(
        'ontwikkelplan-niet-aangeboden',
        `Alleen een als definitief aangeboden ontwikkelplan kan worden teruggestuurd${plan ? ` (status: ${plan.status})` : ''}.`,
      );
    const nu = ctx.now();
    const sha = planHash(plan);
    const b = {
      id: await store.besluitOverPlan(t, {
        inschrijvingId: i.id,
        besluit: 'teruggestuurd',
        reden: reden.trim(),
        sha256: sha,
        door: a.gebruikerId,
        op: nu,
      }),
    };
    await appendAudit(t, auditActor(a), {
      actie: 'inkoop.ontwikkelplan.teruggestuurd',
      onderwerpType: 'inschrijving',
      onderwerpId: i.id,
      invoer: { planSha256: sha, reden: reden.trim() },
      resultaat: { besluitId: b.id, status: 'voorstel' },
      regel: ONTWIKKELPLAN_REGEL,
    });
    return { status: 'voorstel' as const, besluitId: b.id, planSha256: sha, waarschuwingen: [] };
  });
}

/** The plan, the zelfanalyse check and the decisions on the plan, for the zorgkantoor's screen. */
export async function ontwikkelplanVoorZorgkantoor(ctx: AppContext, a: Actor, inschrijvingId: string) {
  const { i, k } = await ingediendVanEigenZorgkantoor(ctx, ctx.db, a, inschrijvingId);
  const plan = await store.ontwikkelplanRij(ctx.db, i.id);
  const besluiten = await store.planBesluiten(ctx.db, i.id);
  return {
    inschrijvingId: i.id,
    stand: await ontwikkelplanStand(ctx.db, k, i.id),
    plan: plan
      ? {
          status: plan.status as string,
          themas: plan.themas,
          doelstelling: plan.doelstelling,
          planVanAanpak: plan.plan_van_aanpak,
          planning: plan.planning,
          investering: plan.investering === null ? null : String(plan.investering),
          risicos: plan.risicos,
          resultaten: plan.resultaten,
          bewijslast: plan.bewijslast,
          clientenraadBetrokkenheid: plan.clientenraad_betrokkenheid,
        }
      : null,
    besluiten: besluiten.map((b) => ({
      besluit: b.besluit as string,
      reden: b.reden,
      planSha256: b.plan_sha256,
      beslotenOp: new Date(b.besloten_op).toISOString(),
      door: b.naam,
    })),
  };
}
