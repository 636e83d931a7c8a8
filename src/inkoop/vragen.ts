/**
 * Questions and the Nota van Inlichtingen (Inkoopkader Langdurige Zorg 2016, §2.2.1): providers ask until the cut-off; the
 * zorgkantoor answers; publishing a Nota makes all answered questions public to every provider,
 * anonymously, as a new cumulative version. The Nota becomes part of the contract.
 */
import crypto from 'node:crypto';
import type { AppContext } from '../platform/context.ts';
import type { Actor } from '../platform/auth/roles.ts';
import { isAanbieder } from '../platform/auth/roles.ts';
import { appendAudit, canonicalJson } from '../platform/audit.ts';
import { auditActor } from '../platform/audit.ts';
import { AppError, conflict, notFound } from '../platform/errors.ts';
import { isUuid } from '../platform/validatie.ts';
import { overgang } from '../domain/inkoop/procedure.ts';
import { instantNaarLokaal } from '../domain/inkoop/timeline.ts';
import { geldendeTermijnen, isEigenaar, kaderVoor, vragenOpen } from './kader.ts';
import * as store from './store.ts';
import type { Static } from '@fastify/type-provider-typebox';
import type { NotaVanInlichtingenT, NvIRegel as NvIRegelS, VraagT } from './schemas.ts';

export type NvIRegel = Static<typeof NvIRegelS>;
export type NotaVanInlichtingen = NotaVanInlichtingenT;

export async function stelVraag(
  ctx: AppContext,
  a: Actor,
  kaderId: string,
  v: { tekst: string; onderwerp?: string; eisCode?: string },
) {
  if (!isAanbieder(a))
    throw new AppError(403, 'alleen-aanbieders', 'Alleen zorgaanbieders stellen vragen voor de Nota van Inlichtingen.');
  return ctx.db.tx(async (t) => {
    const k = await kaderVoor(t, a, kaderId);
    const termijnen = await geldendeTermijnen(t, k);
    const nu = ctx.now();
    if (!vragenOpen(k, termijnen, nu)) {
      const eind = termijnen.find((x) => x.fase === 'vragen')?.eindigtOp;
      throw conflict(
        'vragen-gesloten',
        eind && nu > eind
          ? `Vragen stellen kon tot ${instantNaarLokaal(eind)} (Europe/Amsterdam); na de sluitingsdatum is er geen gelegenheid meer tot het stellen van vragen (regel inkoop.deadline.vragen, Inkoopkader Langdurige Zorg 2016, §2.2.1).`
          : `Vragen stellen kan alleen tijdens de vragenronde; de procedure is in fase '${k.fase}' (regel inkoop.deadline.vragen).`,
      );
    }
    const row = {
      id: await store.voegVraagToe(t, {
        kaderId,
        organisatieId: a.organisatieId,
        door: a.gebruikerId,
        eisCode: v.eisCode ?? null,
        onderwerp: v.onderwerp ?? null,
        tekst: v.tekst,
        op: nu,
      }),
    };
    await appendAudit(t, auditActor(a), {
      actie: 'inkoop.vraag.gesteld',
      onderwerpType: 'vraag',
      onderwerpId: row.id,
      invoer: { kaderId, eisCode: v.eisCode ?? null },
      regel: 'inkoop.deadline.vragen',
    });
    return row.id;
  });
}

/** The zorgkantoor sees all questions (with who asked); a provider only its own. */
export async function lijstVragen(ctx: AppContext, a: Actor, kaderId: string): Promise<VraagT[]> {
  const k = await kaderVoor(ctx.db, a, kaderId);
  const eigen = isEigenaar(a, k);
  if (!eigen && !isAanbieder(a)) return [];
  const rows = await store.vraagRijen(ctx.db, kaderId, eigen ? null : a.organisatieId);
  return rows.map((r) => ({
    id: r.id,
    onderwerp: r.onderwerp,
    eisCode: r.eis_code,
    tekst: r.tekst,
    gesteldOp: new Date(r.gesteld_op).toISOString(),
    antwoord: r.antwoord,
    beantwoordOp: r.beantwoord_op ? new Date(r.beantwoord_op).toISOString() : null,
    nviVersie: r.nvi_versie,
    organisatieId: eigen ? r.organisatie_id : null,
    organisatieNaam: eigen ? r.org_naam : null,
  }));
}

export async function beantwoordVraag(ctx: AppContext, a: Actor, kaderId: string, vraagId: string, antwoord: string) {
  return ctx.db.tx(async (t) => {
    const k = await kaderVoor(t, a, kaderId);
    if (!isEigenaar(a, k))
      throw new AppError(403, 'geen-eigenaar', 'Alleen het zorgkantoor van dit inkoopkader beantwoordt vragen.');
    const v = isUuid(vraagId) ? await store.vraagRij(t, kaderId, vraagId) : undefined;
    if (!v) throw notFound('Deze vraag');
    if (v.nvi_versie !== null)
      throw conflict(
        'al-gepubliceerd',
        `Deze vraag is al gepubliceerd in Nota van Inlichtingen versie ${v.nvi_versie}; een correctie hoort in een nieuwe vraag/antwoord.`,
      );
    await store.zetAntwoord(t, vraagId, antwoord, ctx.now(), a.gebruikerId);
    await appendAudit(t, auditActor(a), {
      actie: 'inkoop.vraag.beantwoord',
      onderwerpType: 'vraag',
      onderwerpId: vraagId,
      invoer: { kaderId },
    });
  });
}

/**
 * Publishes a new version of the Nota van Inlichtingen with all answered questions (cumulative,
 * numbered by time asked, without the asking provider). Moves vragenronde → nvi_gepubliceerd.
 */
export async function publiceerNvI(ctx: AppContext, a: Actor, kaderId: string): Promise<NotaVanInlichtingen> {
  return ctx.db.tx(async (t) => {
    const k = await kaderVoor(t, a, kaderId, true);
    if (!isEigenaar(a, k))
      throw new AppError(
        403,
        'geen-eigenaar',
        'Alleen het zorgkantoor van dit inkoopkader publiceert de Nota van Inlichtingen.',
      );
    let naar = k.fase;
    if (k.fase === 'vragenronde') {
      const r = overgang(k.procedure_type, k.fase, 'nvi_publiceren');
      if (!r.ok) throw conflict('overgang-geweigerd', r.reden);
      naar = r.naar;
    } else if (k.fase !== 'nvi_gepubliceerd') {
      throw conflict(
        'overgang-geweigerd',
        `Een Nota van Inlichtingen kan in fase '${k.fase}' niet gepubliceerd worden; dat kan na de vragenronde (regel inkoop.procedure.v1:${k.procedure_type}).`,
      );
    }
    const onbeantwoord = await store.aantalOnbeantwoord(t, kaderId);
    if (onbeantwoord > 0 && k.fase === 'vragenronde') {
      const termijnen = await geldendeTermijnen(t, k);
      const eind = termijnen.find((x) => x.fase === 'vragen')?.eindigtOp;
      if (!eind || ctx.now() <= eind) {
        /* still open: publishing an interim Nota is allowed */
      } else {
        throw conflict(
          'vragen-onbeantwoord',
          `Er ${onbeantwoord === 1 ? 'is nog 1 vraag' : `zijn nog ${onbeantwoord} vragen`} zonder antwoord; de Nota van Inlichtingen beantwoordt alle gestelde vragen (regel inkoop.nvi.volledig).`,
          { actie: 'Beantwoord eerst alle vragen.' },
        );
      }
    }
    const versie = (await store.laatsteNotaVersie(t, kaderId)) + 1;
    const rows = await store.beantwoordeVragen(t, kaderId);
    const regels: NvIRegel[] = rows.map((r, i) => ({
      nummer: i + 1,
      onderwerp: r.onderwerp,
      eisCode: r.eis_code,
      vraag: r.tekst,
      antwoord: r.antwoord ?? '',
    }));
    const nu = ctx.now();
    const sha256 = crypto.createHash('sha256').update(canonicalJson({ kaderId, versie, regels })).digest('hex');
    await store.slaNotaOp(t, { kaderId, versie, regels, sha256, op: nu, door: a.gebruikerId });
    if (naar !== k.fase) {
      await store.zetKaderFase(t, kaderId, naar, nu);
      await appendAudit(t, auditActor(a), {
        actie: 'inkoop.procedure.nvi_publiceren',
        onderwerpType: 'inkoopkader',
        onderwerpId: kaderId,
        invoer: { van: k.fase, actie: 'nvi_publiceren' },
        resultaat: { naar },
        regel: `inkoop.procedure.v1:${k.procedure_type}`,
      });
    }
    await appendAudit(t, auditActor(a), {
      actie: 'inkoop.nvi.gepubliceerd',
      onderwerpType: 'inkoopkader',
      onderwerpId: kaderId,
      invoer: { versie, vragen: regels.length },
      resultaat: { sha256 },
    });
    return { kaderId, versie, sha256, gepubliceerdOp: nu.toISOString(), regels };
  });
}

/** The latest (or a given) version of the Nota van Inlichtingen; null when none is published yet. */
export async function laadNotaVanInlichtingen(
  ctx: AppContext,
  a: Actor | null,
  kaderId: string,
  versie?: number,
): Promise<NotaVanInlichtingen | null> {
  if (a) await kaderVoor(ctx.db, a, kaderId);
  const r = await store.notaRij(ctx.db, kaderId, versie);
  if (!r) return null;
  return {
    kaderId,
    versie: r.versie,
    sha256: r.sha256,
    gepubliceerdOp: new Date(r.gepubliceerd_op).toISOString(),
    regels: (r.inhoud ?? []) as NvIRegel[],
  };
}
