/**
 * Assessment and award use cases: assessors score sealed bids only after the deadline, a second
 * person decides (four-eyes), the manager awards provisionally per bidder (outcome from
 * src/domain/inkoop/uitkomst.ts on stored inputs; best value kaders from
 * src/domain/inkoop/bestvalue-uitkomst.ts on the ranking), providers may object within the window, the
 * manager awards definitively, letters and the contract are generated as PDF, and the provider's
 * registered bestuurder accepts the contract. One transaction and one audit entry per decision.
 */
import crypto from 'node:crypto';
import type { AppContext } from '../../platform/context.ts';
import type { Queryable } from '../../platform/db/index.ts';
import type { Actor } from '../../platform/auth/roles.ts';
import { isAanbieder, isZorgkantoor } from '../../platform/auth/roles.ts';
import { appendAudit } from '../../platform/audit.ts';
import { auditActor } from '../../platform/audit.ts';
import { AppError, conflict, notFound, unprocessable } from '../../platform/errors.ts';
import {
  beoordeel,
  controleerVierOgen,
  pasWegingToe,
  RegelFout,
  VIER_OGEN_REGEL,
  type Criterium,
  type ScoreInvoer,
  type BeoordelingUitslag,
} from '../../domain/inkoop/beoordeling.ts';
import { bepaalUitkomst, UITKOMST_TEKST, type Uitkomst, type UitkomstInvoer } from '../../domain/inkoop/uitkomst.ts';
import {
  berekenRegionaal,
  regionaleVoorwaardenVan,
  vereisBerekendeVoorwaarden,
  type RegionaleBerekening,
} from './regionaal.ts';
import { bepaalBestValueUitkomst, type BestValueUitkomstInvoer } from '../../domain/inkoop/bestvalue-uitkomst.ts';
import { bepaalUitkomst2008, type Uitkomst2008Invoer } from '../../domain/inkoop/uitkomst-2008.ts';
import { GUNNINGSVOORWAARDE } from '../../domain/inkoop/toetreding.ts';
import { dec } from '../../domain/money.ts';
import type { Fase } from '../../domain/inkoop/procedure.ts';
import {
  vereisOntzegeld,
  geldendeTermijnen,
  gepubliceerdeEisen,
  gepubliceerdeParagraaf,
  isVerzegeld,
  wachtOpPublicatie,
} from '../kader.ts';
import { voorDeadline } from '../../domain/inkoop/timeline.ts';
import {
  definitieveGunningsbrief,
  overeenkomstPdf,
  voorlopigeGunningsbrief,
  type BriefGegevens,
  type NviItem,
} from './pdf.ts';
import {
  instellingenVan,
  kpisAfspreken,
  laadVoorstel,
  metRangorde,
  REGELS as BEST_VALUE_REGELS,
  type Rang,
} from '../bestvalue/voorstel.ts';
import { criteriaVoorInschrijving, markeerAutomatisch, metAutomatischeOordelen } from './voorwaarden.ts';
import { beoordelingExtra, opslagVoorGunning, prijsGegevens, prijzenVastleggen } from './prijs.ts';
import { ontwikkelplanStand } from '../ontwikkelplan.ts';
import { looptijdNieuweAanbieder } from '../../tarieven/index.ts';
import { bepalendeKlasse } from '../../domain/inkoop/classificatie.ts';
import {
  combineerSignalen,
  redenenMetHerkomst,
  signalenVoorUitkomst,
  type SignaalHerkomst,
} from '../signalen/service.ts';
import type { KaderRij } from '../kader.ts';
import * as store from './store.ts';
import type { BesluitRij, InschrijvingRij } from './store.ts';

export type { KaderRij } from '../kader.ts';

/** Domain refusals become 422 with the rule named. */
export function alsAppFout(e: unknown): never {
  if (e instanceof RegelFout) throw unprocessable(e.regel, e.message, { fouten: e.fouten, actie: e.fouten[0]?.actie });
  throw e;
}

// The outcome codes of the gunning table (0020_inkoop.sql; 'bestvalue' since 0033_best_value_gunning.sql) ↔ the domain's names.
const NAAR_DB: Record<Uitkomst, string> = {
  'geen-overeenkomst': 'geen',
  'eenjarig-basistarief': 'eenjarig_basis',
  'eenjarig-opslag': 'eenjarig_opslag',
  'tweejarig-opslag': 'tweejarig',
  'bestvalue-overeenkomst': 'bestvalue',
  'overeenkomst-2008': 'kader2008',
};
const UIT_DB: Record<string, Uitkomst> = Object.fromEntries(
  Object.entries(NAAR_DB).map(([k, v]) => [v, k as Uitkomst]),
);

/** The end of a termijn as enforced: from the published snapshot once published, never an unpublished working version. */
export async function termijnEinde(q: Queryable, kaderId: string, fase: string): Promise<Date | null> {
  const k = await kader(q, kaderId);
  if (!k) return null;
  return (await geldendeTermijnen(q, k)).find((t) => t.fase === fase)?.eindigtOp ?? null;
}

/**
 * The sealing rule is the one of src/domain/inkoop/verzegeling.ts on the published facts (through
 * src/inkoop/kader.ts `isVerzegeld`): submitted bids stay sealed for the zorgkantoor until the
 * published submission deadline has passed on the server clock.
 */
export async function isOntzegeld(ctx: AppContext, q: Queryable, k: KaderRij): Promise<boolean> {
  return !(await isVerzegeld(q, k, ctx.now()));
}

const kader = store.laadKaderRij;

/** The zorgkantoor's own kader (or 404), for its staff. */
async function eigenKader(q: Queryable, a: Actor, id: string): Promise<KaderRij> {
  const k = await kader(q, id);
  if (!k || k.organisatie_id !== a.organisatieId) throw notFound('Dit inkoopkader');
  return k;
}

/**
 * A submitted inschrijving of the actor's zorgkantoor, opened only after the deadline. With `wijzigen`
 * (inside the decision's transaction) the inschrijving row is locked until the transaction ends, so
 * decisions on one bid (scoring, the four-eyes decision, provisional and final award, admission) run
 * one after the other: a second, concurrent decision waits, then sees the first one's result and is
 * refused with 409 by the same checks as a later request (one proposal, one decision, one award).
 */
export async function openInschrijving(
  ctx: AppContext,
  q: Queryable,
  a: Actor,
  id: string,
  wijzigen = true,
): Promise<{ i: InschrijvingRij; k: KaderRij }> {
  const i = await store.laadInschrijvingRij(q, id, wijzigen);
  if (!i || i.status !== 'ingediend') throw notFound('Deze inschrijving');
  const k = await kader(q, i.kader_id);
  if (!k || k.organisatie_id !== a.organisatieId) throw notFound('Deze inschrijving');
  if (wijzigen && k.fase === 'ingetrokken')
    throw conflict('ingetrokken', 'Deze procedure is ingetrokken; er wordt niet beoordeeld of gegund.');
  // the one sealed refusal (403 'verzegeld', regel inkoop.verzegeling), the same as every other route's
  await vereisOntzegeld(ctx, q, k);
  return { i, k };
}

export async function criteriaVan(
  q: Queryable,
  k: KaderRij,
): Promise<(Criterium & { eisId: string; tekst: string })[]> {
  // the published criteria once published (never an unpublished working version); the ids are the eis rows (kept, never deleted after publication)
  const GROEPEN = ['gunningscriterium_knockout', 'gunningscriterium_gewogen'];
  const pub = gepubliceerdeEisen(k);
  const rows = pub
    ? pub
        .filter((e) => GROEPEN.includes(e.groep))
        .map((e) => ({ ...e, schaal_min: e.schaalMin, schaal_max: e.schaalMax }))
    : await store.werkCriteria(q, k.id);
  const paragraaf = gepubliceerdeParagraaf(k);
  const crit = rows.map((r) => ({
    eisId: r.id,
    code: r.code,
    naam: r.tekst,
    tekst: r.tekst,
    soort: r.groep === 'gunningscriterium_knockout' ? ('knock-out' as const) : ('gewogen' as const),
    gewicht: r.gewicht === null ? undefined : String(r.gewicht),
    schaal:
      r.schaal_min === null || r.schaal_max === null
        ? undefined
        : {
            min: String(r.schaal_min),
            max: String(r.schaal_max),
            stap: paragraaf?.schaalStap ?? undefined,
          },
  }));
  // Per-zorgkantoor weights from the regional paragraph override the published default weights.
  const weging = paragraaf?.weging as Record<string, string> | undefined;
  return pasWegingToe(crit, weging) as (Criterium & { eisId: string; tekst: string })[];
}

/** The current assessment decision of a bid (src/inkoop/openhouse reads it too). */
export function laatsteBesluit(q: Queryable, inschrijvingId: string): Promise<store.BesluitRij | null> {
  return store.laatsteBesluitRij(q, inschrijvingId);
}

// ───────────────────────────── Overview and detail for the zorgkantoor ─────────────────────────────

/** The submitted bids of a kader with their current assessment and award (the rows of the overview and the input of the best value ranking). */
async function overzichtRijen(q: Queryable, kaderId: string) {
  const rows = await store.ingediendeMetStand(q, kaderId);
  return rows.map((r) => ({
    inschrijvingId: r.id,
    aanbiederId: r.organisatie_id,
    aanbiederNaam: r.naam,
    ingediendOp: r.ingediend_op ? new Date(r.ingediend_op).toISOString() : null,
    beoordeling: r.besluit ? r.besluit.status : 'open',
    // exact: numeric as text, two places (the ranking compares these as decimals)
    totaalscore:
      r.besluit?.totaalscore === null || r.besluit?.totaalscore === undefined
        ? null
        : dec(r.besluit.totaalscore).toFixed(2),
    knockOut: r.besluit?.knockout_eis_code ?? null,
    gunning: r.gunning
      ? { id: r.gunning.id, soort: r.gunning.soort, uitkomst: UIT_DB[r.gunning.uitkomst] as string }
      : null,
  }));
}

export async function beoordelingsOverzicht(ctx: AppContext, a: Actor, kaderId: string) {
  const k = await eigenKader(ctx.db, a, kaderId);
  const ontzegeld = await isOntzegeld(ctx, ctx.db, k);
  const aantal = await store.aantalIngediend(ctx.db, k.id);
  if (!ontzegeld)
    return {
      kaderId: k.id,
      titel: k.titel,
      fase: k.fase,
      ontzegeld: false,
      aantalIngediend: aantal,
      inschrijvingen: [],
    };
  const overzicht = {
    kaderId: k.id,
    titel: k.titel,
    fase: k.fase,
    ontzegeld: true,
    aantalIngediend: aantal,
    inschrijvingen: await overzichtRijen(ctx.db, k.id),
  };
  // Best value: rank, offered price and the clarification mark (src/inkoop/bestvalue/voorstel.ts, regel inkoop.bestvalue.rangorde.v1).
  return k.procedure_type === 'best_value' ? metRangorde(ctx.db, k, overzicht) : overzicht;
}

export async function beoordelingDetail(ctx: AppContext, a: Actor, inschrijvingId: string) {
  const { i, k } = await openInschrijving(ctx, ctx.db, a, inschrijvingId, false);
  // the gate requirements of the bidder's class and the kader's criteria (src/inkoop/gunning/voorwaarden.ts)
  const crit = await criteriaVoorInschrijving(ctx.db, k, i, await criteriaVan(ctx.db, k));
  const aanbiederNaam = await store.organisatieNaam(ctx.db, i.organisatie_id);
  const antwoorden = await store.antwoordenVan(ctx.db, i.id);
  const scores = await store.scoresVan(ctx.db, i.id);
  const besluit = await store.laatsteBesluitRij(ctx.db, i.id);
  const namen = besluit
    ? await store.gebruikerNamen(
        ctx.db,
        [besluit.eerste_beoordelaar_id, besluit.tweede_beslisser_id].filter((x): x is string => !!x),
      )
    : [];
  const naam = (id: string | null) => namen.find((n) => n.id === id)?.naam ?? null;
  return {
    inschrijvingId: i.id,
    kaderId: k.id,
    kaderTitel: k.titel,
    aanbiederId: i.organisatie_id,
    aanbiederNaam,
    criteria: crit.map((c) => ({
      code: c.code,
      naam: c.naam,
      soort: c.soort,
      gewicht: c.gewicht ?? null,
      schaalMin: c.schaal?.min ?? null,
      schaalMax: c.schaal?.max ?? null,
      groep: c.groep,
      bron: c.bron,
      automatisch: c.automatisch,
    })),
    // the regional conditions as published, with their kind (computed by the decision table, src/inkoop/gunning/regionaal.ts)
    regionaleVoorwaarden: regionaleVoorwaardenVan(k).map((v) => ({
      code: String(v.code),
      omschrijving: String(v.omschrijving),
      soort: v.soort ?? null,
    })),
    antwoorden: antwoorden.map((x) => ({
      code: x.code,
      tekst: x.tekst,
      waarde: x.waarde ?? null,
      toelichting: x.toelichting ?? null,
    })),
    scores: scores.map((s) => ({
      criteriumCode: s.code,
      beoordelaarId: s.beoordelaar_id,
      beoordelaarNaam: s.beoordelaar_naam,
      score: s.score === null ? null : String(s.score),
      voldaan: s.voldoet,
      motivatie: s.motivatie,
    })),
    besluit: besluit
      ? {
          id: besluit.id,
          status: besluit.status,
          totaalscore: besluit.totaalscore === null ? null : String(besluit.totaalscore),
          knockOut: besluit.knockout_eis_code,
          beoordelaarId: besluit.eerste_beoordelaar_id,
          beoordelaarNaam: naam(besluit.eerste_beoordelaar_id),
          beslisserId: besluit.tweede_beslisser_id,
          beslisserNaam: naam(besluit.tweede_beslisser_id),
          motivatie: besluit.motivatie,
          besluitenOp: besluit.besloten_op ? new Date(besluit.besloten_op).toISOString() : null,
        }
      : null,
    // Best value: the provider's proposal and own KPIs (sealed like the rest of the bid: openInschrijving above).
    bestValue: k.procedure_type === 'best_value' ? await laadVoorstel(ctx.db, i.id) : null,
    // read-only conditions with their source, the ontwikkelplan and the opslag proposal (src/inkoop/gunning/prijs.ts)
    ...(await beoordelingExtra(ctx, ctx.db, k, i, besluit, uitkomstInvoer)),
  };
}

// ───────────────────────────── Scoring (assessor) ─────────────────────────────

export async function scoor(ctx: AppContext, a: Actor, inschrijvingId: string, scores: ScoreInvoer[]) {
  return ctx.db.tx(async (t) => {
    const { i, k } = await openInschrijving(ctx, t, a, inschrijvingId);
    // Scores are given against the published criteria only: with unpublished edits pending that can still be
    // published (open house, where admission runs while the kader stays editable) scoring waits for the publication;
    // edits that can never be published (the published deadline passed) are void and do not block (wachtOpPublicatie).
    if (await wachtOpPublicatie(t, k, ctx.now())) {
      throw conflict(
        'kader-niet-gepubliceerd',
        `Het inkoopkader heeft wijzigingen die nog niet zijn gepubliceerd (werkversie ${k.versie}, gepubliceerd ${k.gepubliceerde_versie}); beoordelen gebeurt alleen tegen de gepubliceerde eisen en weging (regel inkoop.beoordeling.gepubliceerd).`,
        {
          actie: 'Publiceer de wijzigingen eerst, of maak ze ongedaan.',
        },
      );
    }
    const vorige = await store.laatsteBesluitRij(t, i.id);
    if (vorige?.status === 'vastgesteld') {
      throw conflict(
        'beoordeling-vastgesteld',
        'Over deze beoordeling is al besloten (vier ogen); scores kunnen niet meer worden gewijzigd.',
        { actie: 'Neem contact op met de manager als de beoordeling opnieuw moet.' },
      );
    }
    if (vorige?.status === 'voorgesteld' && vorige.eerste_beoordelaar_id !== a.gebruikerId) {
      throw conflict(
        'beoordeling-in-behandeling',
        'Een andere beoordelaar heeft deze inschrijving al beoordeeld; die beoordeling wacht op een besluit.',
        { actie: 'Besluit over de beoordeling (vier ogen) of wijs hem af.' },
      );
    }
    const crit = await criteriaVoorInschrijving(t, k, i, await criteriaVan(t, k));
    scores = metAutomatischeOordelen(crit, scores);
    let uitslag: BeoordelingUitslag;
    try {
      uitslag = beoordeel(crit, scores);
    } catch (e) {
      alsAppFout(e);
    }
    const nu = ctx.now();
    await store.verwijderScores(t, i.id, a.gebruikerId);
    for (const s of scores) {
      const c = crit.find((x) => x.code === s.criteriumCode)!;
      await store.schrijfScore(t, {
        inschrijvingId: i.id,
        eisId: c.eisId,
        beoordelaarId: a.gebruikerId,
        voldoet: c.soort === 'knock-out' ? s.voldaan : null,
        score: c.soort === 'gewogen' ? s.score!.trim().replace(',', '.') : null,
        motivatie: s.motivatie.trim(),
        op: nu,
      });
    }
    await markeerAutomatisch(t, i.id, a.gebruikerId, crit);
    const knock = uitslag.knockOut.map((x) => x.code).join(', ') || null;
    const voorstel = { totaal: uitslag.totaal, knockOut: knock, uitslag, regel: uitslag.regel, op: nu };
    let besluitId: string;
    if (vorige?.status === 'voorgesteld') {
      besluitId = vorige.id;
      await store.werkVoorstelBij(t, vorige.id, voorstel);
    } else {
      besluitId = await store.nieuwVoorstel(t, i.id, a.gebruikerId, voorstel);
    }
    await appendAudit(t, auditActor(a), {
      actie: 'inkoop.beoordeling.gescoord',
      onderwerpType: 'inschrijving',
      onderwerpId: i.id,
      invoer: {
        kaderId: k.id,
        criteria: crit.map(({ eisId: _e, tekst: _t, ...c }) => c),
        scores,
      },
      resultaat: { besluitId, ...uitslag },
      regel: uitslag.regel,
    });
    return { besluitId, status: 'voorgesteld' as const, uitslag };
  });
}

// ───────────────────────────── Four-eyes decision ─────────────────────────────

export async function besluitBeoordeling(
  ctx: AppContext,
  a: Actor,
  inschrijvingId: string,
  body: { besluit: 'vastgesteld' | 'afgewezen'; motivatie: string },
) {
  return ctx.db.tx(async (t) => {
    const { i, k } = await openInschrijving(ctx, t, a, inschrijvingId);
    const b = await store.laatsteBesluitRij(t, i.id);
    if (!b)
      throw unprocessable('vier-ogen', 'Er is nog geen beoordeling om over te besluiten (vier-ogenprincipe).', {
        actie: 'Laat eerst een beoordelaar scoren.',
      });
    if (b.status !== 'voorgesteld')
      throw conflict('al-besloten', `Over deze beoordeling is al besloten (${b.status}).`);
    const ids = new Set([b.eerste_beoordelaar_id, ...(await store.beoordelaarsVan(t, i.id))]);
    try {
      controleerVierOgen(
        [...ids].map((id) => ({ gebruikerId: id, organisatieId: k.organisatie_id, rollen: ['beoordelaar'] })),
        { gebruikerId: a.gebruikerId, organisatieId: a.organisatieId, rollen: a.rollen },
        k.organisatie_id,
      );
    } catch (e) {
      alsAppFout(e);
    }
    if (!body.motivatie?.trim())
      throw unprocessable('motivatie', 'Een besluit over een beoordeling vraagt een motivatie.', {
        fouten: [{ waar: 'motivatie', wat: 'Motivatie ontbreekt.' }],
      });
    const nu = ctx.now();
    await store.legBesluitVast(t, b.id, {
      status: body.besluit,
      beslisserId: a.gebruikerId,
      motivatie: body.motivatie.trim(),
      op: nu,
    });
    await appendAudit(t, auditActor(a), {
      actie: `inkoop.beoordeling.${body.besluit}`,
      onderwerpType: 'inschrijving',
      onderwerpId: i.id,
      invoer: {
        besluitId: b.id,
        beoordelaars: [...ids],
        totaalscore: b.totaalscore === null ? null : String(b.totaalscore),
        knockOut: b.knockout_eis_code,
        motivatie: body.motivatie.trim(),
      },
      resultaat: { status: body.besluit, beslisser: a.gebruikerId },
      regel: VIER_OGEN_REGEL,
    });
    return { besluitId: b.id, status: body.besluit };
  });
}

// ───────────────────────────── Awards ─────────────────────────────

export interface VoorlopigInvoer {
  opslagPercentage?: string | null;
  fraudeonderzoekenGestart?: string[];
  fraudeVastgesteld?: string[];
  /** override of the previous-year contract check (G4), e.g. a contract with another zorgkantoor */
  overeenkomstVorigJaar?: boolean;
  motivatie?: string;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The terms that go into the contract text (2008: with the algemene gunningsvoorwaarden of Kader 3.2). */
const CONTRACT_GROEPEN = ['pve', 'bestuursverklaring', 'geschiktheidseis', 'gunningsvoorwaarde'];

/** Gathers the stored facts the outcome is decided on (G1–G3 from the signalenregister); the manager supplies the opslag and any fraud dates not in the register. */
export async function uitkomstInvoer(
  ctx: AppContext,
  q: Queryable,
  k: KaderRij,
  i: InschrijvingRij,
  besluit: Pick<BesluitRij, 'knockout_eis_code'>,
  inv: VoorlopigInvoer,
): Promise<UitkomstInvoer & { herkomst: SignaalHerkomst; regionaal: RegionaleBerekening }> {
  const deadline = await termijnEinde(q, k.id, 'inschrijving');
  const tijdig =
    i.status === 'ingediend' && !!i.ingediend_op && (!deadline || voorDeadline(new Date(i.ingediend_op), deadline));
  const knock = besluit.knockout_eis_code;
  const knockNamen = knock ? await store.eisTeksten(q, k.id, knock.split(', ')) : [];
  // a careful zelfanalyse with a plan (C-D), and a plan AGREED by the zorgkantoor (E-G0): src/inkoop/ontwikkelplan.ts
  const plan = await ontwikkelplanStand(q, k, i.id);
  const vt = await store.locatiesVerscherptToezicht(q, i.organisatie_id);
  // G1–G3 from the signalenregister (src/inkoop/signalen) plus the dates typed at the award; `herkomst` records which came from where.
  const peildatum = iso(ctx.now());
  const signalen = combineerSignalen(
    await signalenVoorUitkomst(q, k.organisatie_id, i.organisatie_id, peildatum),
    vt,
    inv,
    peildatum,
  );
  const eerdere = await store.geaccepteerdePeriodes(q, i.organisatie_id);
  const jaren = new Set<number>();
  for (const e of eerdere) for (let j = Number(e.van.slice(0, 4)); j <= Number(e.tot.slice(0, 4)); j++) jaren.add(j);
  const klassen = await store.klassenVan(q, k.id, i.organisatie_id);
  const bestaand = klassen.includes('bestaand');
  // "bestaand" (Inkoopkader Langdurige Zorg 2016, §2.2.2) means a contract with this zorgkantoor in the previous year.
  if (bestaand) jaren.add(k.jaar_van - 1);
  if (inv.overeenkomstVorigJaar === true) jaren.add(k.jaar_van - 1);
  if (inv.overeenkomstVorigJaar === false) jaren.delete(k.jaar_van - 1);
  // the zorgkantoor's own cap on the term for a new provider (its tariff policy, e.g. DSW 2024–2026)
  const ln = await looptijdNieuweAanbieder(q, k.organisatie_id, k.jaar_van, k.sector);
  const eindeProcedure = await termijnEinde(q, k.id, 'definitieve_gunning');
  // G5: the regional conditions, computed from the classification, the same signals and the contract history
  const regionaal = await berekenRegionaal(ctx, q, k, i.organisatie_id, klassen, vt, inv, peildatum);
  return {
    jaar: k.jaar_van,
    tijdigIngediend: tijdig,
    toetredingseisenVoldaan: !knock,
    nietVoldaneEisen: knockNamen.map((x) => `${x.code} ${x.tekst}`),
    zelfanalyseEnVoorstel: plan.zelfanalyseZorgvuldig && !!plan.planStatus,
    definitiefOntwikkelplan: plan.planAkkoord,
    opslagPercentage: inv.opslagPercentage ?? null,
    locatiesVerscherptToezicht: signalen.locatiesVerscherptToezicht,
    fraudeonderzoekenGestart: signalen.fraudeonderzoekenGestart,
    procedurePeriode: {
      van: iso(k.gepubliceerd_op ? new Date(k.gepubliceerd_op) : ctx.now()),
      tot: iso(eindeProcedure && eindeProcedure > ctx.now() ? eindeProcedure : ctx.now()),
    },
    fraudeVastgesteld: signalen.fraudeVastgesteld,
    overeenkomstJaren: [...jaren].sort(),
    regionaleVoorwaarden: regionaal.voorwaarden,
    regionaalVoldaan: regionaal.voldaan,
    regionaleUitleg: regionaal.uitleg,
    ...(ln
      ? {
          looptijdNieuweAanbieder: {
            maxJaren: ln.jaren,
            klasse: bepalendeKlasse(klassen),
            zorgkantoor: ln.zorgkantoor,
            beleid: `${ln.beleidId} (${ln.versie})`,
            bron: [
              ln.bron.document,
              ln.bron.vindplaats && !ln.bron.document.includes(ln.bron.vindplaats) ? ln.bron.vindplaats : null,
            ]
              .filter(Boolean)
              .join(', '),
            citaat: ln.bron.citaat,
          },
        }
      : {}),
    herkomst: signalen.herkomst,
    regionaal,
  };
}

/**
 * Best value (src/domain/inkoop/bestvalue-uitkomst.ts): the facts the award is decided on — on time,
 * four eyes, knock-outs, and the bid's place in the ranking of the whole kader (rule
 * inkoop.bestvalue.rangorde.v1). The ranking is only final when every submitted bid of the kader has
 * a confirmed assessment; before that an award could go to a bid that a later assessment overtakes,
 * so it is refused. The whole ranking goes into the stored input, so the decision can be reproduced.
 */
async function bestValueInvoer(ctx: AppContext, q: Queryable, k: KaderRij, i: InschrijvingRij, besluit: BesluitRij) {
  const rijen = await overzichtRijen(q, k.id);
  const open = rijen.filter((r) => r.beoordeling !== 'vastgesteld');
  if (open.length) {
    throw unprocessable(
      BEST_VALUE_REGELS.gunning,
      `De rangorde is nog niet definitief: ${open.length === 1 ? 'één inschrijving heeft' : `${open.length} inschrijvingen hebben`} geen vastgestelde beoordeling (${open.map((r) => r.aanbiederNaam).join(', ')}). Bij best value wordt gegund op de rangorde van alle inschrijvingen (regel ${BEST_VALUE_REGELS.gunning}).`,
      {
        fouten: open.map((r) => ({
          waar: `inschrijvingen.${r.inschrijvingId}`,
          wat: `${r.aanbiederNaam}: beoordeling ${r.beoordeling}.`,
          actie: 'Laat deze inschrijving beoordelen en door een tweede persoon vaststellen.',
        })),
        actie: 'Stel eerst alle beoordelingen vast (vier ogen); gun daarna.',
      },
    );
  }
  const rangorde = (await metRangorde(q, k, { inschrijvingen: rijen })).inschrijvingen as ((typeof rijen)[number] &
    Rang)[];
  const eigen = rangorde.find((r) => r.inschrijvingId === i.id)!;
  const deadline = await termijnEinde(q, k.id, 'inschrijving');
  const knock = besluit.knockout_eis_code;
  const knockOuts = knock ? await store.eisTeksten(q, k.id, knock.split(', '), true) : [];
  const invoer: BestValueUitkomstInvoer = {
    tijdigIngediend:
      i.status === 'ingediend' && !!i.ingediend_op && (!deadline || voorDeadline(new Date(i.ingediend_op), deadline)),
    vierOgenVastgesteld: besluit.status === 'vastgesteld' && !!besluit.tweede_beslisser_id,
    // a knock-out code without its requirement text (removed requirement) is still a knock-out
    knockOuts: knock
      ? knock.split(', ').map((code) => ({ code, tekst: knockOuts.find((x) => x.code === code)?.tekst ?? '' }))
      : [],
    rang: eigen.rang,
    aantalGerangschikt: rangorde.filter((r) => r.rang !== null).length,
    aantalTeGunnen: instellingenVan(k).verduidelijkingAantal,
    jaarVan: k.jaar_van,
    jaarTot: k.jaar_tot,
  };
  return {
    ...invoer,
    aangebodenPrijs: eigen.aangebodenPrijs,
    rangorde: rangorde.map((r) => ({
      inschrijvingId: r.inschrijvingId,
      aanbiederId: r.aanbiederId,
      rang: r.rang,
      totaalscore: r.totaalscore,
      aangebodenPrijs: r.aangebodenPrijs,
      knockOut: r.knockOut,
    })),
    rangordeRegel: BEST_VALUE_REGELS.rangorde,
  };
}

/**
 * A kader after the Kader zorginkoop 2008: the sjabloon awbz-2008, or any kader whose gate is Kader 3.1
 * (geschiktheidseisen, uitsluitingsgronden) rather than the 2016 toetredingseisen.
 */
async function isKader2008(q: Queryable, k: KaderRij): Promise<boolean> {
  if (k.procedure_type === 'best_value' || k.procedure_type === 'open_house') return false;
  if (k.sjabloon === 'awbz-2008') return true;
  return (await store.eisBronnen(q, k.id)).some((e) => GROEPEN_2008.includes(e.groep));
}
const GROEPEN_2008 = ['geschiktheidseis', 'uitsluitingsgrond'];

/** 2008 (src/domain/inkoop/uitkomst-2008.ts): on time, the Kader 3.1 gate from the four-eyes assessment, the Kader 3.2 terms. */
async function invoer2008(
  q: Queryable,
  k: KaderRij,
  i: InschrijvingRij,
  besluit: BesluitRij,
): Promise<Uitkomst2008Invoer> {
  const deadline = await termijnEinde(q, k.id, 'inschrijving');
  const knock = besluit.knockout_eis_code;
  const teksten = knock ? await store.eisTeksten(q, k.id, knock.split(', '), true) : [];
  return {
    tijdigIngediend:
      i.status === 'ingediend' && !!i.ingediend_op && (!deadline || voorDeadline(new Date(i.ingediend_op), deadline)),
    nietVoldaneEisen: knock
      ? knock.split(', ').map((code) => `${code} ${teksten.find((x) => x.code === code)?.tekst ?? ''}`.trim())
      : [],
    gunningsvoorwaarden: (await store.eisenMetBronVanGroep(q, k.id, GUNNINGSVOORWAARDE)).map((e) => e.code),
    jaarVan: k.jaar_van,
    jaarTot: k.jaar_tot,
  };
}

/** A 2008 kader has no tariff mark-up (no basistarief, no ontwikkelplan): an opslag other than zero is refused. */
function vereisGeenOpslagBij2008(inv: VoorlopigInvoer) {
  const o = inv.opslagPercentage?.trim();
  if (!o || (/^\d+(\.\d+)?$/.test(o) && dec(o).isZero())) return;
  throw unprocessable(
    'inkoop.gunning.2008',
    `Bij een inkoopkader volgens het Kader zorginkoop 2008 is er geen tariefopslag: de geschiktheidseisen (Kader 3.1) bepalen óf er een overeenkomst komt (Kader zorginkoop 2008, §3.4). De opslag van ten hoogste 3% hoort bij het Inkoopkader Langdurige Zorg 2016.`,
    {
      fouten: [
        {
          waar: 'opslagPercentage',
          wat: `Opslag '${o}' is bij een kader volgens het Kader zorginkoop 2008 niet mogelijk.`,
          actie: 'Laat de tariefopslag leeg.',
        },
      ],
      actie: 'Laat de tariefopslag leeg.',
    },
  );
}

/** Best value has no tariff mark-up: the offered price applies. An opslag (other than zero) is refused, nothing is stored. */
function vereisGeenOpslagBijBestValue(inv: VoorlopigInvoer) {
  const o = inv.opslagPercentage?.trim();
  if (!o) return;
  if (/^\d+(\.\d+)?$/.test(o) && dec(o).isZero()) return;
  throw unprocessable(
    BEST_VALUE_REGELS.gunning,
    `Bij best value is er geen tariefopslag: de aangeboden prijs uit het voorstel geldt (regel ${BEST_VALUE_REGELS.gunning}, Inkoopsafari – Verkenning van de praktijk van zorginkoop, §4.2). De opslag van ten hoogste 3% (F5) hoort bij de beslistabel van het inkoopkader 2016.`,
    {
      fouten: [
        {
          waar: 'opslagPercentage',
          wat: `Opslag '${o}' is bij een best value-procedure niet mogelijk.`,
          actie: 'Laat de tariefopslag leeg.',
        },
      ],
      actie: 'Laat de tariefopslag leeg.',
    },
  );
}

/** The latest Nota van Inlichtingen of a kader (annex of every contract) and its items for the PDF. */
export async function laatsteNvi(
  q: Queryable,
  kaderId: string,
): Promise<{ nvi: store.NviRij | null; items: NviItem[] }> {
  const nvi = await store.laatsteNviRij(q, kaderId);
  type Item = Record<string, unknown>;
  const inhoud = nvi?.inhoud as Item[] | { items?: Item[] } | null | undefined;
  const lijst: Item[] = Array.isArray(inhoud) ? inhoud : (inhoud?.items ?? []);
  const tekstOfNull = (v: unknown) => (v === undefined || v === null ? null : (v as string));
  const items: NviItem[] = lijst.map((x, n) => ({
    nummer: Number(x.nummer ?? n + 1),
    onderwerp: tekstOfNull(x.onderwerp),
    eisCode: tekstOfNull(x.eisCode ?? x.eis_code),
    vraag: String(x.vraag ?? ''),
    antwoord: String(x.antwoord ?? ''),
  }));
  return { nvi, items };
}

export async function opslaanPdf(
  q: Queryable,
  o: {
    organisatieId: string;
    inschrijvingId: string;
    kaderId: string;
    doel: string;
    naam: string;
    pdf: Buffer;
    door: string;
  },
): Promise<string> {
  const sha256 = crypto.createHash('sha256').update(o.pdf).digest('hex');
  return store.nieuwGegenereerdDocument(q, { ...o, sha256 });
}

async function briefGegevens(
  q: Queryable,
  k: KaderRij,
  i: InschrijvingRij,
  g: {
    uitkomst: Uitkomst;
    looptijd: number;
    opslag: string;
    redenen: BriefGegevens['redenen'];
    totaal: string | null;
    knock: string | null;
    datum: Date;
    bezwaarTot: Date | null;
    door: string;
    kenmerk: string;
    aangebodenPrijs?: string | null;
  },
): Promise<BriefGegevens> {
  const namen = await store.organisatieNamen(q, [k.organisatie_id, i.organisatie_id]);
  const n = (id: string) => namen.find((x) => x.id === id)?.naam ?? id;
  return {
    kenmerk: g.kenmerk,
    zorgkantoorNaam: n(k.organisatie_id),
    aanbiederNaam: n(i.organisatie_id),
    aanbiederId: i.organisatie_id,
    kaderTitel: k.titel,
    sector: k.sector,
    jaarVan: k.jaar_van,
    jaarTot: k.jaar_tot,
    uitkomst: g.uitkomst,
    uitkomstTekst: UITKOMST_TEKST[g.uitkomst],
    looptijdJaren: g.looptijd,
    opslagPercentage: g.opslag,
    redenen: g.redenen,
    totaalscore: g.totaal,
    knockOut: g.knock,
    datum: g.datum,
    bezwaarTot: g.bezwaarTot,
    besluitDoor: g.door,
    ...(k.procedure_type === 'best_value' ? { aangebodenPrijs: g.aangebodenPrijs ?? null } : {}),
  };
}

const VOORLOPIG_FASEN: Fase[] = [
  'beoordeling',
  'verduidelijking',
  'voorlopige_gunning',
  'bezwaartermijn',
  'toelating_doorlopend',
  'dialoog',
  'inschrijving_gesloten',
  'onderhandeling',
];

export async function voorlopigGunnen(ctx: AppContext, a: Actor, inschrijvingId: string, inv: VoorlopigInvoer) {
  return ctx.db.tx(async (t) => {
    const { i, k } = await openInschrijving(ctx, t, a, inschrijvingId);
    if (k.procedure_type === 'open_house') {
      throw unprocessable(
        'open-house',
        'Bij een open house-procedure wordt niet gegund: iedere aanbieder die aan de minimumeisen voldoet wordt toegelaten en krijgt een raamovereenkomst (regel open-house.toelating, Inkoopsafari – Verkenning van de praktijk van zorginkoop, §4.2).',
        {
          actie: `Leg de toelating vast via POST /api/v1/inkoop/inschrijvingen/${i.id}/toelating.`,
        },
      );
    }
    if (!VOORLOPIG_FASEN.includes(k.fase))
      throw conflict('fase', `In fase '${k.fase}' kan niet voorlopig worden gegund.`, {
        actie: 'Sluit eerst de inschrijving en start de beoordeling.',
      });
    const besluit = await store.laatsteBesluitRij(t, i.id);
    if (!besluit || besluit.status !== 'vastgesteld' || !besluit.tweede_beslisser_id) {
      throw unprocessable('vier-ogen', `Gunnen zonder vier-ogenbesluit is niet toegestaan: ${VIER_OGEN_REGEL}.`, {
        fouten: [
          {
            waar: 'beoordeling',
            wat: besluit
              ? `De beoordeling is ${besluit.status}, niet vastgesteld door een tweede persoon.`
              : 'Er is geen beoordeling.',
            actie: 'Laat een tweede beoordelaar of manager de beoordeling vaststellen.',
          },
        ],
      });
    }
    const bestaande = await store.gunningVan(t, i.id, 'voorlopig');
    if (bestaande) {
      const gegrond = await store.heeftOnverwerktGegrondBezwaar(t, bestaande.id);
      if (!gegrond)
        throw conflict(
          'al-gegund',
          'Deze inschrijving is al voorlopig gegund; herzien kan alleen na een gegrond bezwaar.',
        );
      if (await store.isDefinitiefGegund(t, i.id))
        throw conflict('al-definitief', 'Deze inschrijving is al definitief gegund.');
    }
    // Best value has its own award rule (rank in the ranking, contract for the kader period); the 2016
    // decision table's opslag, fraud dates, previous-year and regional conditions do not apply and are not used.
    let invoer:
      | Awaited<ReturnType<typeof uitkomstInvoer>>
      | Awaited<ReturnType<typeof bestValueInvoer>>
      | Awaited<ReturnType<typeof invoer2008>>;
    let b: {
      uitkomst: Uitkomst;
      omschrijving: string;
      looptijdJaren: number;
      opslagPercentage: string;
      redenen: BriefGegevens['redenen'];
      regel: string;
    };
    if (k.procedure_type === 'best_value') {
      vereisGeenOpslagBijBestValue(inv);
      const bv = await bestValueInvoer(ctx, t, k, i, besluit);
      invoer = bv;
      try {
        b = bepaalBestValueUitkomst(bv);
      } catch (e) {
        alsAppFout(e);
      }
    } else if (await isKader2008(t, k)) {
      // Kader zorginkoop 2008: Kader 3.1 is the gate, Kader 3.2 goes into the contract; not the 2016 decision table
      vereisGeenOpslagBij2008(inv);
      const i2008 = await invoer2008(t, k, i, besluit);
      invoer = i2008;
      b = bepaalUitkomst2008(i2008);
    } else {
      const inv2016 = await uitkomstInvoer(ctx, t, k, i, besluit, inv);
      // a regional condition without a kind cannot be computed: refused, never silently passed or failed
      vereisBerekendeVoorwaarden(inv2016.regionaal);
      // the opslag proposed from the score table, or the manager's motivated deviation (src/inkoop/gunning/prijs.ts)
      Object.assign(inv2016, opslagVoorGunning(k, besluit, inv2016, inv));
      invoer = inv2016;
      let b2016;
      try {
        b2016 = bepaalUitkomst(inv2016);
      } catch (e) {
        alsAppFout(e);
      }
      b = { ...b2016, redenen: redenenMetHerkomst(b2016.redenen, inv2016) };
    }
    const knockTekst =
      'knockOuts' in invoer
        ? invoer.knockOuts.map((x) => `${x.code} ${x.tekst}`.trim()).join(', ') || null
        : invoer.nietVoldaneEisen?.join(', ') || null;
    const nu = ctx.now();
    const bezwaarTermijn = await termijnEinde(t, k.id, 'bezwaar');
    const bezwaarTot =
      bezwaarTermijn && bezwaarTermijn > nu
        ? bezwaarTermijn
        : new Date(nu.getTime() + k.bezwaartermijn_dagen * 86_400_000);
    const kenmerk = `VG-${k.jaar_van}-${i.id.slice(0, 8)}`;
    const prijzen = await prijsGegevens(t, k, b.uitkomst, b.opslagPercentage);
    const pdf = await voorlopigeGunningsbrief({
      ...prijzen.brief,
      ...(await briefGegevens(t, k, i, {
        uitkomst: b.uitkomst,
        looptijd: b.looptijdJaren,
        opslag: b.opslagPercentage,
        redenen: b.redenen,
        totaal: besluit.totaalscore === null ? null : String(besluit.totaalscore),
        knock: knockTekst,
        datum: nu,
        bezwaarTot,
        door: a.naam,
        kenmerk,
        aangebodenPrijs: 'aangebodenPrijs' in invoer ? invoer.aangebodenPrijs : null,
      })),
    });
    const docId = await opslaanPdf(t, {
      organisatieId: i.organisatie_id,
      inschrijvingId: i.id,
      kaderId: k.id,
      doel: 'brief',
      naam: `voorlopige-gunning-${kenmerk}.pdf`,
      pdf,
      door: a.gebruikerId,
    });
    const velden = {
      uitkomst: NAAR_DB[b.uitkomst],
      opslagPct: b.opslagPercentage,
      motivatie: inv.motivatie ?? null,
      briefDocumentId: docId,
      beslotenDoor: a.gebruikerId,
      op: nu,
      looptijdJaren: b.looptijdJaren,
      invoer,
      redenen: b.redenen,
      regel: b.regel,
      bezwaarTot,
      besluitId: besluit.id,
    };
    let gunningId: string;
    if (bestaande) {
      gunningId = bestaande.id;
      await store.herzieVoorlopigeGunning(t, bestaande.id, velden);
    } else {
      gunningId = await store.nieuweVoorlopigeGunning(t, i.id, velden);
    }
    await prijzen.opslaan(t, gunningId, invoer);
    await appendAudit(t, auditActor(a), {
      actie: bestaande ? 'inkoop.gunning.voorlopig-herzien' : 'inkoop.gunning.voorlopig',
      onderwerpType: 'inschrijving',
      onderwerpId: i.id,
      invoer: { ...invoer, besluitId: besluit.id, motivatie: inv.motivatie ?? null },
      resultaat: {
        gunningId,
        uitkomst: b.uitkomst,
        looptijdJaren: b.looptijdJaren,
        opslagPercentage: b.opslagPercentage,
        redenen: b.redenen,
        bezwaarTot: bezwaarTot.toISOString(),
        briefSha256: crypto.createHash('sha256').update(pdf).digest('hex'),
        prijzen: prijzen.audit,
      },
      regel: b.regel,
    });
    return { gunningId, ...b, bezwaarTot: bezwaarTot.toISOString(), briefDocumentId: docId };
  });
}

export async function definitiefGunnen(
  ctx: AppContext,
  a: Actor,
  inschrijvingId: string,
  body: { motivatie?: string },
) {
  return ctx.db.tx(async (t) => {
    const { i, k } = await openInschrijving(ctx, t, a, inschrijvingId);
    const v = await store.gunningVan(t, i.id, 'voorlopig');
    if (!v)
      throw unprocessable(
        'voorlopig-eerst',
        'Definitief gunnen kan pas na een voorlopige gunning en de bezwaartermijn.',
        { actie: 'Gun eerst voorlopig.' },
      );
    if (await store.isDefinitiefGegund(t, i.id))
      throw conflict('al-definitief', 'Deze inschrijving is al definitief gegund.');
    const nu = ctx.now();
    if (v.bezwaar_tot && nu <= new Date(v.bezwaar_tot)) {
      throw unprocessable(
        'bezwaartermijn',
        `De bezwaartermijn loopt nog tot ${new Date(v.bezwaar_tot).toISOString()}; definitief gunnen kan daarna (regel bezwaartermijn).`,
        { actie: 'Wacht tot de bezwaartermijn is verstreken.' },
      );
    }
    const open = await store.openBezwaren(t, v.id);
    if (open.length)
      throw unprocessable(
        'bezwaar-open',
        `Er ${open.length === 1 ? 'is één bezwaar' : `zijn ${open.length} bezwaren`} nog niet beslist (regel bezwaar).`,
        { actie: 'Beslis eerst over het bezwaar.' },
      );
    const gegrondNietHerzien = await store.heeftOnverwerktGegrondBezwaar(t, v.id);
    if (gegrondNietHerzien)
      throw unprocessable('bezwaar-gegrond', 'Een bezwaar is gegrond verklaard; herzie eerst de voorlopige gunning.', {
        actie: 'Gun opnieuw voorlopig met de aangepaste invoer.',
      });
    const uitkomst = UIT_DB[v.uitkomst];
    const opslag = v.opslag_pct === null ? '0.00' : Number(v.opslag_pct).toFixed(2);
    const besluit = await store.besluitTotaalscore(t, v.besluit_id);
    const kenmerk = `DG-${k.jaar_van}-${i.id.slice(0, 8)}`;
    // Best value: the offered price of the (sealed, no longer changeable) proposal goes into the letter and the contract.
    const voorstel = k.procedure_type === 'best_value' ? await laadVoorstel(t, i.id) : null;
    const opgeslagen = v.invoer as {
      knockOuts?: { code: string; tekst: string }[];
      nietVoldaneEisen?: string[];
    } | null;
    const knock = Array.isArray(opgeslagen?.knockOuts)
      ? opgeslagen.knockOuts.map((x) => `${x.code} ${x.tekst}`.trim()).join(', ')
      : (opgeslagen?.nietVoldaneEisen ?? []).join(', ');
    const gegevens = await briefGegevens(t, k, i, {
      uitkomst,
      looptijd: v.looptijd_jaren ?? 0,
      opslag,
      redenen: v.redenen ?? [],
      totaal: besluit?.totaalscore === null || !besluit ? null : String(besluit.totaalscore),
      knock: knock || null,
      datum: nu,
      bezwaarTot: null,
      door: a.naam,
      kenmerk,
      aangebodenPrijs: voorstel?.aangebodenPrijs ?? null,
    });
    const prijzen = await prijsGegevens(t, k, uitkomst, opslag);
    const brief = await definitieveGunningsbrief({ ...gegevens, ...prijzen.brief });
    const briefId = await opslaanPdf(t, {
      organisatieId: i.organisatie_id,
      inschrijvingId: i.id,
      kaderId: k.id,
      doel: 'brief',
      naam: `definitieve-gunning-${kenmerk}.pdf`,
      pdf: brief,
      door: a.gebruikerId,
    });
    const g = {
      id: await store.nieuweDefinitieveGunning(t, i.id, {
        besluitId: v.besluit_id,
        uitkomst: v.uitkomst,
        opslagPct: opslag,
        motivatie: body.motivatie ?? null,
        briefDocumentId: briefId,
        beslotenDoor: a.gebruikerId,
        op: nu,
        looptijdJaren: v.looptijd_jaren,
        invoer: v.invoer,
        redenen: v.redenen,
        regel: v.regel,
      }),
    };
    let overeenkomstId: string | null = null;
    let afgesprokenKpis: { id: string; naam: string; nulmeting: string; streefwaarde: string; richting: string }[] = [];
    if (uitkomst !== 'geen-overeenkomst') {
      // Best value: the provider's own KPIs become agreed contract terms, in this transaction (regel inkoop.bestvalue.contract).
      const kpis = k.procedure_type === 'best_value' ? await kpisAfspreken(t, i.id, nu) : [];
      afgesprokenKpis = kpis.map((x) => ({
        id: x.id,
        naam: x.naam,
        nulmeting: x.nulmeting,
        streefwaarde: x.streefwaarde,
        richting: x.richting,
      }));
      const looptijd = v.looptijd_jaren as number;
      const ingang = `${k.jaar_van}-01-01`;
      // best value: the contract runs for the kader period (src/domain/inkoop/bestvalue-uitkomst.ts); 2016: one or two years from jaar_van
      const eind = uitkomst === 'bestvalue-overeenkomst' ? `${k.jaar_tot}-12-31` : `${k.jaar_van + looptijd - 1}-12-31`;
      const { nvi, items } = await laatsteNvi(t, k.id);
      // the terms of the contract, with the 2008 algemene gunningsvoorwaarden (Kader 3.2: "onderdeel van de overeenkomst")
      const eisen = await store.eisenVanGroepen(t, k.id, CONTRACT_GROEPEN);
      const okKenmerk = `OK-${k.jaar_van}-${i.id.slice(0, 8)}`;
      const pdf = await overeenkomstPdf({
        ...gegevens,
        ...prijzen.brief,
        kenmerk: okKenmerk,
        ingangsdatum: ingang,
        einddatum: eind,
        kaderVersie: i.kader_versie ?? k.gepubliceerde_versie,
        nviVersie: nvi?.versie ?? null,
        nvi: items,
        eisen,
        ...(kpis.length ? { kpis } : {}),
        ...(voorstel ? { prijsToelichting: voorstel.prijsToelichting, voorwaarden: voorstel.voorwaarden } : {}),
      });
      const docId = await opslaanPdf(t, {
        organisatieId: i.organisatie_id,
        inschrijvingId: i.id,
        kaderId: k.id,
        doel: 'overeenkomst',
        naam: `overeenkomst-${okKenmerk}.pdf`,
        pdf,
        door: a.gebruikerId,
      });
      const sha = crypto.createHash('sha256').update(pdf).digest('hex');
      overeenkomstId = await store.nieuweOvereenkomst(t, {
        inschrijvingId: i.id,
        gunningId: g.id,
        kaderId: k.id,
        organisatieId: i.organisatie_id,
        ingangsdatum: ingang,
        einddatum: eind,
        kaderVersie: i.kader_versie ?? k.gepubliceerde_versie,
        nviVersie: nvi?.versie ?? null,
        documenten: [
          { soort: 'overeenkomst', naam: `overeenkomst-${okKenmerk}.pdf`, sha256: sha, documentId: docId },
          ...(nvi
            ? [
                {
                  soort: 'nota_van_inlichtingen',
                  naam: `Nota van Inlichtingen versie ${nvi.versie}`,
                  versie: nvi.versie,
                },
              ]
            : []),
        ],
        documentId: docId,
        op: nu,
      });
    }
    const vastgelegd = overeenkomstId
      ? await prijzenVastleggen(t, k, overeenkomstId, prijzen, a.gebruikerId, nu)
      : null;
    await appendAudit(t, auditActor(a), {
      actie: 'inkoop.gunning.definitief',
      onderwerpType: 'inschrijving',
      onderwerpId: i.id,
      invoer: {
        voorlopigeGunningId: v.id,
        uitkomst,
        opslagPercentage: opslag,
        bezwaarTot: v.bezwaar_tot ? new Date(v.bezwaar_tot).toISOString() : null,
        motivatie: body.motivatie ?? null,
        ...(afgesprokenKpis.length ? { afgesprokenKpis, kpiRegel: BEST_VALUE_REGELS.contract } : {}),
      },
      resultaat: { gunningId: g.id, overeenkomstId, briefDocumentId: briefId, prijzen: vastgelegd },
      regel: v.regel ?? undefined,
    });
    return { gunningId: g.id, uitkomst, overeenkomstId, briefDocumentId: briefId };
  });
}

// ───────────────────────────── Objections ─────────────────────────────

/** A gunning as its provider or its zorgkantoor may see it; anyone else gets 404. */
async function zichtbareGunning(q: Queryable, a: Actor, gunningId: string) {
  const g = await store.gunningMetPartijen(q, gunningId);
  if (!g) throw notFound('Deze gunning');
  if (isAanbieder(a) ? g.aanbieder_id !== a.organisatieId : !(isZorgkantoor(a) && g.zorgkantoor_id === a.organisatieId))
    throw notFound('Deze gunning');
  return g;
}

export async function bezwaarIndienen(ctx: AppContext, a: Actor, gunningId: string, tekst: string) {
  return ctx.db.tx(async (t) => {
    const g = await zichtbareGunning(t, a, gunningId);
    if (!isAanbieder(a)) throw notFound('Deze gunning');
    if (g.soort !== 'voorlopig')
      throw unprocessable('bezwaar-alleen-voorlopig', 'Bezwaar kan alleen tegen een voorlopige gunning.');
    const nu = ctx.now();
    if (g.bezwaar_tot && nu > new Date(g.bezwaar_tot)) {
      throw unprocessable(
        'bezwaartermijn',
        `De bezwaartermijn is verstreken op ${new Date(g.bezwaar_tot).toISOString()} (regel bezwaartermijn).`,
        { actie: 'Neem contact op met het zorgkantoor.' },
      );
    }
    if (!tekst.trim())
      throw unprocessable('bezwaar-tekst', 'Licht uw bezwaar toe.', {
        fouten: [{ waar: 'tekst', wat: 'Toelichting ontbreekt.' }],
      });
    const b = {
      id: await store.nieuwBezwaar(t, {
        gunningId: g.id,
        inschrijvingId: g.inschrijving_id,
        tekst: tekst.trim(),
        op: nu,
        door: a.gebruikerId,
      }),
    };
    await appendAudit(t, auditActor(a), {
      actie: 'inkoop.bezwaar.ingediend',
      onderwerpType: 'gunning',
      onderwerpId: g.id,
      invoer: { tekst: tekst.trim(), bezwaarTot: g.bezwaar_tot ? new Date(g.bezwaar_tot).toISOString() : null },
      resultaat: { bezwaarId: b.id },
      regel: 'bezwaartermijn',
    });
    return { bezwaarId: b.id, status: 'ingediend' as const };
  });
}

export async function bezwaarBeslissen(
  ctx: AppContext,
  a: Actor,
  bezwaarId: string,
  body: { status: 'gegrond' | 'ongegrond'; besluit: string },
) {
  return ctx.db.tx(async (t) => {
    const b = await store.laadBezwaar(t, bezwaarId);
    if (!b || isAanbieder(a)) throw notFound('Dit bezwaar');
    const g = await zichtbareGunning(t, a, b.gunning_id).catch(() => {
      throw notFound('Dit bezwaar');
    });
    if (b.status !== 'ingediend') throw conflict('al-besloten', `Over dit bezwaar is al besloten (${b.status}).`);
    if (!body.besluit?.trim())
      throw unprocessable('motivatie', 'Een besluit op bezwaar vraagt een motivatie.', {
        fouten: [{ waar: 'besluit', wat: 'Motivatie ontbreekt.' }],
      });
    const nu = ctx.now();
    await store.beslisBezwaar(t, b.id, {
      status: body.status,
      besluit: body.besluit.trim(),
      op: nu,
      door: a.gebruikerId,
    });
    await appendAudit(t, auditActor(a), {
      actie: `inkoop.bezwaar.${body.status}`,
      onderwerpType: 'gunning',
      onderwerpId: g.id,
      invoer: { bezwaarId: b.id, tekst: b.tekst, besluit: body.besluit.trim() },
      resultaat: { status: body.status },
      regel: 'bezwaar: besluit door manager zorgkantoor',
    });
    return { bezwaarId: b.id, status: body.status };
  });
}

// ───────────────────────────── Views: awards, documents, contract ─────────────────────────────

function gunningUit(
  g: store.GunningLijstRij,
  bezwaren: store.BezwaarRij[],
  ok: store.OvereenkomstRij | null,
  nu: Date,
) {
  return {
    id: g.id,
    inschrijvingId: g.inschrijving_id,
    kaderId: g.kader_id,
    kaderTitel: g.kader_titel,
    aanbiederId: g.aanbieder_id,
    aanbiederNaam: g.aanbieder_naam,
    soort: g.soort as string,
    uitkomst: UIT_DB[g.uitkomst] as string,
    omschrijving: UITKOMST_TEKST[UIT_DB[g.uitkomst]],
    looptijdJaren: g.looptijd_jaren ?? 0,
    opslagPercentage: g.opslag_pct === null ? '0.00' : Number(g.opslag_pct).toFixed(2),
    redenen: g.redenen ?? [],
    beslotenOp: new Date(g.besloten_op).toISOString(),
    bezwaarTot: g.bezwaar_tot ? new Date(g.bezwaar_tot).toISOString() : null,
    // judged on the server clock, so the screen never offers an objection the server would refuse
    bezwaarOpen: g.soort === 'voorlopig' && !!g.bezwaar_tot && nu <= new Date(g.bezwaar_tot),
    briefDocumentId: g.brief_document_id ?? null,
    bezwaren: bezwaren.map((b) => ({
      id: b.id,
      tekst: b.tekst,
      status: b.status,
      besluit: b.besluit ?? null,
      ingediendOp: new Date(b.ingediend_op).toISOString(),
      verwerkt: !!b.verwerkt_op,
    })),
    overeenkomst: ok
      ? {
          id: ok.id,
          status: ok.status,
          ingangsdatum: ok.ingangsdatum,
          einddatum: ok.einddatum,
          documentId: ok.document_id ?? null,
          nviVersie: ok.nvi_versie ?? null,
          geaccepteerdOp: ok.geaccepteerd_op ? new Date(ok.geaccepteerd_op).toISOString() : null,
        }
      : null,
  };
}

export async function gunningen(ctx: AppContext, a: Actor, kaderId?: string) {
  const rows = await store.gunningenVan(ctx.db, a.organisatieId, isAanbieder(a), kaderId ?? null);
  const ids = rows.map((r) => r.id);
  const bez = ids.length ? await store.bezwarenVan(ctx.db, ids) : [];
  const oks = ids.length ? await store.overeenkomstenVanGunningen(ctx.db, ids) : [];
  return rows.map((g) =>
    gunningUit(
      g,
      bez.filter((b) => b.gunning_id === g.id),
      oks.find((o) => o.gunning_id === g.id) ?? null,
      ctx.now(),
    ),
  );
}

export async function gunning(ctx: AppContext, a: Actor, id: string) {
  const g = await zichtbareGunning(ctx.db, a, id);
  const extra = await store.kaderTitelEnAanbiederNaam(ctx.db, g.kader_id, g.aanbieder_id);
  const bez = await store.bezwarenVan(ctx.db, [g.id]);
  const [ok] = await store.overeenkomstenVanGunningen(ctx.db, [g.id]);
  return gunningUit({ ...g, ...extra }, bez, ok ?? null, ctx.now());
}

/** A generated letter or contract: its provider or its zorgkantoor only; anyone else 404. */
export async function gunningDocument(
  ctx: AppContext,
  a: Actor,
  id: string,
): Promise<{ naam: string; inhoud: Buffer; sha256: string }> {
  const d = await store.laadGunningDocument(ctx.db, id);
  if (!d) throw notFound('Dit document');
  const mag = isAanbieder(a)
    ? d.organisatie_id === a.organisatieId
    : isZorgkantoor(a) && d.zorgkantoor_id === a.organisatieId;
  if (!mag) throw notFound('Dit document');
  return { naam: d.naam, inhoud: Buffer.from(d.inhoud), sha256: d.sha256 };
}

export async function overeenkomstAccepteren(ctx: AppContext, a: Actor, id: string, akkoord: boolean) {
  return ctx.db.tx(async (t) => {
    const o = await store.laadOvereenkomst(t, id);
    if (!o || o.organisatie_id !== a.organisatieId) throw notFound('Deze overeenkomst');
    if (!a.rollen.includes('aanbieder-bestuurder')) {
      throw new AppError(
        403,
        'bestuurder',
        'Alleen de geregistreerde bestuurder van de zorgaanbieder kan de overeenkomst accepteren (regel bestuurdersacceptatie).',
        { actie: 'Vraag uw bestuurder om in te loggen en te accepteren.' },
      );
    }
    if (o.status !== 'aangeboden') throw conflict('al-besloten', `De overeenkomst is al ${o.status}.`);
    const nu = ctx.now();
    const status = akkoord ? 'geaccepteerd' : 'geweigerd';
    await store.beslisOvereenkomst(t, o.id, { status, door: a.gebruikerId, op: nu });
    const doc = o.document_id ? { sha256: await store.documentSha256(t, o.document_id) } : null;
    await appendAudit(t, auditActor(a), {
      actie: `inkoop.overeenkomst.${status}`,
      onderwerpType: 'overeenkomst',
      onderwerpId: o.id,
      invoer: { akkoord, documentSha256: doc?.sha256 ?? null, nviVersie: o.nvi_versie },
      resultaat: { status },
      regel: 'acceptatie door geregistreerde aanbieder-bestuurder',
    });
    return { id: o.id, status };
  });
}
