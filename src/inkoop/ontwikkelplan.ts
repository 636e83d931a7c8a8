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

interface PlanRij {
  status: string;
  doelstelling: string | null;
  plan_van_aanpak: string | null;
  planning: string | null;
  investering: string | null;
  risicos: string | null;
  resultaten: string | null;
  bewijslast: string | null;
  clientenraad_betrokkenheid: string | null;
  clientenraad_document_id: string | null;
  akkoord_op: Date | null;
  teruggestuurd_reden: string | null;
  themas: string[];
}

/** Where the zelfanalyse and the plan stand: what the decision table and the screens use. */
export async function ontwikkelplanStand(q: Queryable, k: KaderRij, inschrijvingId: string) {
  const rijen = await q.query<any>('SELECT * FROM zelfanalyse WHERE inschrijving_id = $1 ORDER BY thema_code', [
    inschrijvingId,
  ]);
  const plan = await q.maybeOne<PlanRij>('SELECT * FROM ontwikkelplan WHERE inschrijving_id = $1', [inschrijvingId]);
  const themas = themasVanKader(k as any);
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
  const eisen = await q.query<any>(
    'SELECT id, code, groep, tekst, soort, verplicht, van_toepassing FROM eis WHERE kader_id = $1 AND NOT vervallen ORDER BY volgorde, code',
    [k.id],
  );
  const ant = await q.query<{ eis_id: string; waarde: unknown; document_id: string | null }>(
    'SELECT eis_id, waarde, document_id FROM inschrijving_antwoord WHERE inschrijving_id = $1',
    [inschrijvingId],
  );
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
  const i = await t.maybeOne<{ id: string; kader_id: string; status: string; organisatie_id: string }>(
    'SELECT id, kader_id, status, organisatie_id FROM inschrijving WHERE id = $1',
    [id],
  );
  if (!i || i.status !== 'ingediend') throw notFound('Deze inschrijving');
  const k = await t.maybeOne<KaderRij>('SELECT * FROM inkoopkader WHERE id = $1', [i.kader_id]);
  if (!k || k.organisatie_id !== a.organisatieId) throw notFound('Deze inschrijving');
  await vereisOntzegeld(ctx, t, k);
  if (k.fase === 'ingetrokken') throw conflict('ingetrokken', 'Deze procedure is ingetrokken.');
  if (await t.maybeOne(`SELECT 1 FROM gunning WHERE inschrijving_id = $1 AND soort = 'definitief'`, [i.id]))
    throw conflict('al-definitief', 'Deze inschrijving is al definitief gegund; het ontwikkelplan ligt vast.');
  const plan = await t.maybeOne<PlanRij & { id: string }>(
    'SELECT * FROM ontwikkelplan WHERE inschrijving_id = $1 FOR UPDATE',
    [i.id],
  );
  return { i, k, plan };
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
    await t.query(
      `UPDATE ontwikkelplan SET status = 'akkoord', akkoord_op = $2, akkoord_door = $3, teruggestuurd_reden = NULL, gewijzigd_op = $2 WHERE inschrijving_id = $1`,
      [i.id, nu, a.gebruikerId],
    );
    const b = await t.one<{ id: string }>(
      `INSERT INTO ontwikkelplan_besluit (inschrijving_id, besluit, reden, plan_sha256, besloten_door, besloten_op) VALUES ($1,'akkoord',$2,$3,$4,$5) RETURNING id`,
      [i.id, toelichting?.trim() || null, sha, a.gebruikerId, nu],
    );
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
    await t.query(
      `UPDATE ontwikkelplan SET status = 'voorstel', teruggestuurd_reden = $2, definitief_op = NULL, definitief_door = NULL, gewijzigd_op = $3 WHERE inschrijving_id = $1`,
      [i.id, reden.trim(), nu],
    );
    const b = await t.one<{ id: string }>(
      `INSERT INTO ontwikkelplan_besluit (inschrijving_id, besluit, reden, plan_sha256, besloten_door, besloten_op) VALUES ($1,'teruggestuurd',$2,$3,$4,$5) RETURNING id`,
      [i.id, reden.trim(), sha, a.gebruikerId, nu],
    );
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
  const i = await ctx.db.maybeOne<{ id: string; kader_id: string; status: string }>(
    'SELECT id, kader_id, status FROM inschrijving WHERE id = $1',
    [inschrijvingId],
  );
  if (!i || i.status !== 'ingediend') throw notFound('Deze inschrijving');
  const k = await ctx.db.maybeOne<KaderRij>('SELECT * FROM inkoopkader WHERE id = $1', [i.kader_id]);
  if (!k || k.organisatie_id !== a.organisatieId) throw notFound('Deze inschrijving');
  await vereisOntzegeld(ctx, ctx.db, k);
  const plan = await ctx.db.maybeOne<any>('SELECT * FROM ontwikkelplan WHERE inschrijving_id = $1', [i.id]);
  const besluiten = await ctx.db.query<any>(
    `SELECT b.besluit, b.reden, b.plan_sha256, b.besloten_op, g.naam FROM ontwikkelplan_besluit b JOIN gebruiker g ON g.id = b.besloten_door
     WHERE b.inschrijving_id = $1 ORDER BY b.besloten_op`,
    [i.id],
  );
  return {
    inschrijvingId: i.id,
    stand: await ontwikkelplanStand(ctx.db, k, i.id),
    plan: plan
      ? {
          status: plan.status as string,
          themas: plan.themas as string[],
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
      reden: b.reden as string | null,
      planSha256: b.plan_sha256 as string,
      beslotenOp: new Date(b.besloten_op).toISOString(),
      door: b.naam as string,
    })),
  };
}
