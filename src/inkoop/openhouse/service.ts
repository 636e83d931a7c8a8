/**
 * Open house admission (issue 3; Inkoopsafari – Verkenning van de praktijk van zorginkoop, §4.2 "Zeeuwse model"). While admission is open
 * (phase toelating_doorlopend) providers submit at any time; assessors score the knock-out
 * requirements and a second person confirms (four eyes) with the existing assessment routes
 * (src/inkoop/gunning). Then the zorgkantoor records the admission per bidder: the outcome follows
 * from the rule in regel.ts, is stored with its inputs and reasons, audited, and explained in a PDF
 * letter; an admitted provider gets a raamovereenkomst (an overeenkomst of soort
 * 'raamovereenkomst') that its registered bestuurder accepts through the existing acceptance route.
 * A rejected provider may re-apply: its bid goes back to concept; earlier rounds stay as history.
 */
import crypto from 'node:crypto';
import type { AppContext } from '../../platform/context.ts';
import type { Queryable } from '../../platform/db/index.ts';
import type { Actor } from '../../platform/auth/roles.ts';
import { isAanbieder, isZorgkantoor } from '../../platform/auth/roles.ts';
import { appendAudit } from '../../platform/audit.ts';
import { auditActor } from '../../platform/audit.ts';
import { AppError, conflict, notFound, unprocessable } from '../../platform/errors.ts';
import { PROCEDURE_NAMEN } from '../../domain/inkoop/procedure.ts';
import {
  alsAppFout,
  isOntzegeld,
  laatsteBesluit,
  laatsteNvi,
  openInschrijving,
  opslaanPdf,
  type KaderRij,
} from '../gunning/service.ts';
import { inschrijvingVoor } from '../inschrijving.ts';
import {
  bepaalToelating,
  knockOutsUitBesluit,
  TOELATING_REGEL,
  type ToelatingUitkomst,
} from '../../domain/inkoop/openhouse.ts';
import { raamovereenkomstPdf, toelatingsbrief } from './pdf.ts';
import { isUuid } from '../../platform/validatie.ts';
import * as store from './store.ts';
import type { BesluitRij } from '../gunning/store.ts';
import type { RaamovereenkomstRij, ToelatingRij } from './store.ts';

const REGEL_NAAM = 'open-house.toelating';
const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
const isoOfNull = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);

function eisOpenHouse(k: KaderRij) {
  if (k.procedure_type !== 'open_house') {
    throw unprocessable(
      'geen-open-house',
      `Toelating per aanbieder bestaat alleen bij een open house-procedure; dit inkoopkader is een ${PROCEDURE_NAMEN[k.procedure_type].nl.toLowerCase()} (regel ${REGEL_NAAM}).`,
      {
        actie:
          'Gun deze inschrijving via de beoordelings- en gunningsroutes (/inkoop/inschrijvingen/{id}/gunning/voorlopig).',
      },
    );
  }
}

function eisToelatingOpen(k: KaderRij, wat: string) {
  if (k.fase !== 'toelating_doorlopend') {
    throw conflict(
      'toelating-gesloten',
      `${wat} kan alleen zolang de toelating openstaat (fase 'toelating_doorlopend'); de procedure is in fase '${k.fase}' (regel inkoop.procedure.v1:open_house).`,
      {
        actie:
          k.fase === 'afgerond' || k.fase === 'ingetrokken'
            ? 'De toelating is gesloten.'
            : 'Open eerst de toelating (actie toelating_openen).',
      },
    );
  }
}

async function eisTeksten(q: Queryable, kaderId: string): Promise<Map<string, string>> {
  const rows = await store.eisTekstRijen(q, kaderId);
  return new Map(rows.map((r) => [r.code, r.tekst]));
}

function besluitInvoer(b: BesluitRij | null) {
  return b
    ? {
        id: b.id,
        status: b.status,
        eersteBeoordelaarId: b.eerste_beoordelaar_id,
        tweedeBeslisserId: b.tweede_beslisser_id ?? null,
      }
    : null;
}

/** The framework contract's term: the kader's years, first to last day. */
const looptijd = (k: KaderRij) => ({ ingang: `${k.jaar_van}-01-01`, eind: `${k.jaar_tot}-12-31` });

// ───────────────────────────── Recording the admission ─────────────────────────────

export async function toelatingVastleggen(
  ctx: AppContext,
  a: Actor,
  inschrijvingId: string,
  body: { motivatie?: string | null } = {},
) {
  return ctx.db.tx(async (t) => {
    const { i, k } = await openInschrijving(ctx, t, a, inschrijvingId);
    eisOpenHouse(k);
    eisToelatingOpen(k, 'Toelaten of afwijzen');
    const ins = await store.indieningVoorBesluit(t, i.id);
    const b = await laatsteBesluit(t, i.id);
    if (b && (await store.isBeslotenOp(t, b.id))) {
      throw conflict('al-besloten', 'Over de toelating op deze beoordeling is al besloten.', {
        actie: 'Na een afwijzing kan de aanbieder zich opnieuw aanmelden; die aanmelding wordt opnieuw beoordeeld.',
      });
    }
    const teksten = await eisTeksten(t, k.id);
    const knockOuts = b ? knockOutsUitBesluit(b.uitslag, b.knockout_eis_code, teksten) : [];
    let u: ToelatingUitkomst;
    try {
      u = bepaalToelating({ besluit: besluitInvoer(b), knockOuts });
    } catch (e) {
      alsAppFout(e);
    }
    // bepaalToelating refuses without a confirmed decision, so b is there from here on.
    if (!b) throw new Error('toelating zonder beoordelingsbesluit');
    // The decision must be about the submission on file: a bid re-submitted after the assessment needs a new one.
    if (ins.ingediend_op && new Date(b.voorgesteld_op) < new Date(ins.ingediend_op)) {
      throw unprocessable(
        'beoordeling-verouderd',
        `De beoordeling (${new Date(b.voorgesteld_op).toISOString()}) is van vóór de laatste indiening (${new Date(ins.ingediend_op).toISOString()}) (regel ${REGEL_NAAM}).`,
        {
          actie: 'Beoordeel de nieuwe indiening en laat die beoordeling vaststellen (vier ogen).',
        },
      );
    }
    const nu = ctx.now();
    const ronde = await store.volgendeRonde(t, i.id);
    const scores = await store.scoreRijen(t, i.id);
    const invoer = {
      kaderId: k.id,
      ronde,
      beoordelingBesluitId: b.id,
      beoordelaarId: b.eerste_beoordelaar_id,
      beslisserId: b.tweede_beslisser_id,
      besluitOp: isoOfNull(b.besloten_op),
      ontvangstHash: ins.ontvangst_hash,
      ingediendOp: isoOfNull(ins.ingediend_op),
      knockOuts,
      scores: scores.map((s) => ({
        code: s.code,
        beoordelaarId: s.beoordelaar_id,
        voldaan: s.voldoet,
        score: s.score === null ? null : String(s.score),
        motivatie: s.motivatie,
      })),
    };
    const namen = await store.organisatieNamen(t, [k.organisatie_id, i.organisatie_id]);
    const naam = (id: string) => namen.find((x) => x.id === id)?.naam ?? id;
    const { ingang, eind } = looptijd(k);
    const motivatie = body.motivatie?.trim() || null;
    const kenmerk = `TL-${k.jaar_van}-${i.id.slice(0, 8)}-${ronde}`;
    const gegevens = {
      kenmerk,
      zorgkantoorNaam: naam(k.organisatie_id),
      aanbiederNaam: naam(i.organisatie_id),
      aanbiederId: i.organisatie_id,
      kaderTitel: k.titel,
      sector: k.sector,
      jaarVan: k.jaar_van,
      jaarTot: k.jaar_tot,
      besluit: u.besluit,
      ronde,
      redenen: u.redenen,
      nietVoldaan: u.nietVoldaan,
      regel: u.regel,
      motivatie,
      datum: nu,
      besluitDoor: a.naam,
      ...(u.besluit === 'toegelaten' ? { ingangsdatum: ingang, einddatum: eind } : {}),
    };
    const brief = await toelatingsbrief(gegevens);
    const briefId = await opslaanPdf(t, {
      organisatieId: i.organisatie_id,
      inschrijvingId: i.id,
      kaderId: k.id,
      doel: 'brief',
      naam: `toelatingsbesluit-${kenmerk}.pdf`,
      pdf: brief,
      door: a.gebruikerId,
    });
    const tl = {
      id: await store.voegToelatingToe(t, {
        inschrijvingId: i.id,
        kaderId: k.id,
        organisatieId: i.organisatie_id,
        ronde,
        besluit: u.besluit,
        beoordelingBesluitId: b.id,
        regel: u.regel,
        invoer,
        redenen: u.redenen,
        motivatie,
        ontvangstHash: ins.ontvangst_hash,
        briefDocumentId: briefId,
        door: a.gebruikerId,
        op: nu,
      }),
    };
    let overeenkomst: { id: string; documentId: string; sha256: string } | null = null;
    if (u.besluit === 'toegelaten') {
      const { nvi, items } = await laatsteNvi(t, k.id);
      const eisen = await store.contractEisen(t, k.id);
      const okKenmerk = `RO-${k.jaar_van}-${i.id.slice(0, 8)}`;
      const kaderVersie = i.kader_versie ?? k.gepubliceerde_versie;
      const pdf = await raamovereenkomstPdf({
        ...gegevens,
        kenmerk: okKenmerk,
        ingangsdatum: ingang,
        einddatum: eind,
        regios: ins.regio_codes?.length ? ins.regio_codes : k.regio_codes,
        kaderVersie,
        nviVersie: nvi?.versie ?? null,
        nvi: items,
        eisen,
      });
      const docNaam = `raamovereenkomst-${okKenmerk}.pdf`;
      const docId = await opslaanPdf(t, {
        organisatieId: i.organisatie_id,
        inschrijvingId: i.id,
        kaderId: k.id,
        doel: 'overeenkomst',
        naam: docNaam,
        pdf,
        door: a.gebruikerId,
      });
      const ok = {
        id: await store.voegRaamovereenkomstToe(t, {
          inschrijvingId: i.id,
          toelatingId: tl.id,
          kaderId: k.id,
          organisatieId: i.organisatie_id,
          ingangsdatum: ingang,
          einddatum: eind,
          kaderVersie,
          nviVersie: nvi?.versie ?? null,
          documenten: [
            { soort: 'raamovereenkomst', naam: docNaam, sha256: sha256(pdf), documentId: docId },
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
        }),
      };
      overeenkomst = { id: ok.id, documentId: docId, sha256: sha256(pdf) };
    }
    await appendAudit(t, auditActor(a), {
      actie: `inkoop.toelating.${u.besluit}`,
      onderwerpType: 'inschrijving',
      onderwerpId: i.id,
      invoer: { ...invoer, motivatie },
      resultaat: {
        toelatingId: tl.id,
        besluit: u.besluit,
        redenen: u.redenen,
        nietVoldaan: u.nietVoldaan,
        briefDocumentId: briefId,
        briefSha256: sha256(brief),
        overeenkomstId: overeenkomst?.id ?? null,
        overeenkomstSha256: overeenkomst?.sha256 ?? null,
        looptijd: overeenkomst ? { van: ingang, tot: eind } : null,
      },
      regel: u.regel,
    });
    return {
      toelatingId: tl.id,
      inschrijvingId: i.id,
      besluit: u.besluit,
      ronde,
      redenen: u.redenen,
      nietVoldaan: u.nietVoldaan,
      regel: u.regel,
      briefDocumentId: briefId,
      overeenkomstId: overeenkomst?.id ?? null,
      overeenkomstDocumentId: overeenkomst?.documentId ?? null,
    };
  });
}

// ───────────────────────────── Re-application ─────────────────────────────

/**
 * A rejected provider re-applies while admission is open: its bid goes back to concept (to be
 * changed and submitted again, with a new receipt); the rejected assessment is marked superseded and
 * the rejection records when the provider re-applied. Nothing is deleted.
 */
export async function heraanmelden(ctx: AppContext, a: Actor, inschrijvingId: string) {
  if (!isAanbieder(a))
    throw new AppError(403, 'alleen-aanbieders', 'Alleen de zorgaanbieder zelf meldt zich opnieuw aan.');
  return ctx.db.tx(async (t) => {
    const { i, k } = await inschrijvingVoor(ctx, t, a, inschrijvingId, true);
    eisOpenHouse(k as unknown as KaderRij);
    eisToelatingOpen(k as unknown as KaderRij, 'Opnieuw aanmelden');
    const tl = await store.laatsteToelating(t, i.id);
    if (!tl || tl.besluit !== 'afgewezen' || tl.heraangemeld_op) {
      const wat = !tl
        ? 'Er is nog geen besluit over uw toelating.'
        : tl.besluit === 'toegelaten'
          ? 'U bent al toegelaten.'
          : 'U heeft zich na deze afwijzing al opnieuw aangemeld.';
      throw conflict(
        'heraanmelden-niet-mogelijk',
        `Opnieuw aanmelden kan alleen na een afwijzing (regel ${REGEL_NAAM}). ${wat}`,
      );
    }
    if (i.status === 'concept') throw conflict('al-concept', 'Deze aanmelding is al een concept.');
    const nu = ctx.now();
    const vervallen = await store.heropenVoorHeraanmelding(t, i.id, tl.id, nu);
    await appendAudit(t, auditActor(a), {
      actie: 'inkoop.toelating.heraangemeld',
      onderwerpType: 'inschrijving',
      onderwerpId: i.id,
      invoer: {
        kaderId: k.id,
        afwijzingId: tl.id,
        ronde: tl.ronde,
        van: i.status,
        vorigeOntvangstHash: i.ontvangst_hash,
      },
      resultaat: { naar: 'concept', vervallenBeoordelingen: vervallen },
      regel: `${REGEL_NAAM}: heraanmelden na afwijzing zolang de toelating openstaat`,
    });
    return { inschrijvingId: i.id, status: 'concept' as const };
  });
}

// ───────────────────────────── Views ─────────────────────────────

function toelatingUit(r: ToelatingRij, ok: RaamovereenkomstRij | null) {
  return {
    id: r.id as string,
    ronde: Number(r.ronde),
    besluit: r.besluit as 'toegelaten' | 'afgewezen',
    redenen: (r.redenen ?? []) as { code: string; tekst: string; voldaan: boolean; toelichting: string }[],
    nietVoldaan: ((r.redenen ?? []) as any[])
      .filter((x) => !x.voldaan)
      .map((x) => ({ code: String(x.code), tekst: String(x.tekst) })),
    regel: r.regel as string,
    motivatie: (r.motivatie ?? null) as string | null,
    beslotenOp: new Date(r.besloten_op).toISOString(),
    beslotenDoor: (r.beslist_naam ?? null) as string | null,
    briefDocumentId: (r.brief_document_id ?? null) as string | null,
    heraangemeldOp: isoOfNull(r.heraangemeld_op),
    overeenkomst: ok
      ? {
          id: ok.id as string,
          soort: ok.soort as string,
          status: ok.status as string,
          ingangsdatum: ok.ingangsdatum as string,
          einddatum: ok.einddatum as string,
          documentId: (ok.document_id ?? null) as string | null,
          geaccepteerdOp: isoOfNull(ok.geaccepteerd_op),
        }
      : null,
  };
}
export type ToelatingView = ReturnType<typeof toelatingUit>;

type Toestand = 'concept' | 'in_behandeling' | 'toegelaten' | 'afgewezen' | 'ingetrokken';
function toestandVan(status: string, huidige: ToelatingView | null): Toestand {
  if (huidige && !huidige.heraangemeldOp) return huidige.besluit;
  return status === 'concept' ? 'concept' : status === 'ingetrokken' ? 'ingetrokken' : 'in_behandeling';
}

async function laadToelatingen(q: Queryable, inschrijvingIds: string[]) {
  if (!inschrijvingIds.length) return new Map<string, ToelatingView[]>();
  const rows = await store.toelatingRijen(q, inschrijvingIds);
  const oks = await store.overeenkomstenVanToelatingen(
    q,
    rows.map((r) => r.id),
  );
  const m = new Map<string, ToelatingView[]>();
  for (const r of rows) {
    const lijst = m.get(r.inschrijving_id) ?? [];
    lijst.push(toelatingUit(r, oks.find((o) => o.toelating_id === r.id) ?? null));
    m.set(r.inschrijving_id, lijst);
  }
  return m;
}

/**
 * Every bidder of an open house kader with its assessment state and admission (rounds newest
 * first). Bids are listed once they were submitted (or have an admission history). For the
 * zorgkantoor's screen and the CLI.
 */
export async function toelatingsOverzicht(ctx: AppContext, q: Queryable, k: KaderRij) {
  eisOpenHouse(k);
  const ontzegeld = await isOntzegeld(ctx, q, k);
  const basis = {
    kaderId: k.id,
    titel: k.titel,
    fase: k.fase,
    jaarVan: k.jaar_van,
    jaarTot: k.jaar_tot,
    toelatingOpen: k.fase === 'toelating_doorlopend',
    ontzegeld,
    regel: TOELATING_REGEL,
  };
  if (!ontzegeld) return { ...basis, aanbieders: [] };
  const rows = await store.aanmeldingen(q, k.id);
  const toelatingen = await laadToelatingen(
    q,
    rows.map((r) => r.id),
  );
  const teksten = await eisTeksten(q, k.id);
  const aanbieders = [];
  for (const r of rows) {
    const b = r.status === 'ingediend' ? await laatsteBesluit(q, r.id) : null;
    const lijst = toelatingen.get(r.id) ?? [];
    const huidige = lijst[0] && !lijst[0].heraangemeldOp ? lijst[0] : null;
    const besloten = b ? await store.isBeslotenOp(q, b.id) : false;
    let verwacht: ToelatingUitkomst | null = null;
    if (b && !besloten && b.status === 'vastgesteld') {
      try {
        verwacht = bepaalToelating({
          besluit: besluitInvoer(b),
          knockOuts: knockOutsUitBesluit(b.uitslag, b.knockout_eis_code, teksten),
        });
      } catch {
        verwacht = null;
      }
    }
    const verouderd = !!(b && r.ingediend_op && new Date(b.voorgesteld_op) < new Date(r.ingediend_op));
    aanbieders.push({
      inschrijvingId: r.id as string,
      aanbiederId: r.organisatie_id as string,
      aanbiederNaam: r.naam as string,
      inschrijvingStatus: r.status as string,
      ingediendOp: isoOfNull(r.ingediend_op),
      beoordeling: b
        ? {
            status: b.status as string,
            knockOut: (b.knockout_eis_code ?? null) as string | null,
            vierOgen: b.status === 'vastgesteld' && !!b.tweede_beslisser_id,
            verouderd,
          }
        : { status: 'open', knockOut: null, vierOgen: false, verouderd: false },
      toestand: toestandVan(r.status, huidige ?? lijst[0] ?? null),
      verwachtBesluit: verwacht?.besluit ?? null,
      kanVastleggen: basis.toelatingOpen && r.status === 'ingediend' && !!verwacht && !verouderd,
      toelating: huidige,
      eerdere: lijst.filter((x) => x !== huidige),
    });
  }
  return { ...basis, aanbieders };
}

export async function kaderToelatingen(ctx: AppContext, a: Actor, kaderId: string) {
  const k = isUuid(kaderId) ? await store.kaderRij(ctx.db, kaderId) : null;
  if (!k || !isZorgkantoor(a) || k.organisatie_id !== a.organisatieId) throw notFound('Dit inkoopkader');
  return toelatingsOverzicht(ctx, ctx.db, k);
}

/** The provider's own open house applications with the current admission, letter and contract. */
export async function mijnToelatingen(ctx: AppContext, a: Actor) {
  if (!isAanbieder(a)) throw new AppError(403, 'alleen-aanbieders', 'Alleen een zorgaanbieder heeft toelatingen.');
  const rows = await store.eigenAanmeldingen(ctx.db, a.organisatieId);
  const toelatingen = await laadToelatingen(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const lijst = toelatingen.get(r.id) ?? [];
    const laatste = lijst[0] ?? null;
    const toestand = toestandVan(r.status, laatste);
    return {
      inschrijvingId: r.id as string,
      kaderId: r.kader_id as string,
      kaderTitel: r.titel as string,
      zorgkantoorNaam: r.zorgkantoor_naam as string,
      jaarVan: r.jaar_van as number,
      jaarTot: r.jaar_tot as number,
      fase: r.fase as string,
      inschrijvingStatus: r.status as string,
      ingediendOp: isoOfNull(r.ingediend_op),
      toestand,
      heraanmeldenMogelijk: toestand === 'afgewezen' && r.fase === 'toelating_doorlopend',
      toelating: laatste && !laatste.heraangemeldOp ? laatste : null,
      eerdere: lijst.filter((x) => x.heraangemeldOp),
    };
  });
}

/** The admission letter: its provider or its zorgkantoor only; anyone else 404. */
export async function toelatingBrief(
  ctx: AppContext,
  a: Actor,
  toelatingId: string,
): Promise<{ naam: string; inhoud: Buffer; sha256: string }> {
  if (!isUuid(toelatingId)) throw notFound('Dit toelatingsbesluit');
  const d = await store.toelatingsbriefRij(ctx.db, toelatingId);
  if (!d) throw notFound('Dit toelatingsbesluit');
  const mag = isAanbieder(a)
    ? d.organisatie_id === a.organisatieId
    : isZorgkantoor(a) && d.zorgkantoor_id === a.organisatieId;
  if (!mag) throw notFound('Dit toelatingsbesluit');
  return { naam: d.naam, inhoud: Buffer.from(d.inhoud), sha256: d.sha256 };
}
