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
import { overgang } from '../domain/inkoop/procedure.ts';
import { instantNaarLokaal } from '../domain/inkoop/timeline.ts';
import { geldendeTermijnen, isEigenaar, kaderVoor, vragenOpen } from './kader.ts';

export interface NvIRegel {
  nummer: number;
  onderwerp: string | null;
  eisCode: string | null;
  vraag: string;
  antwoord: string;
}
export interface NotaVanInlichtingen {
  kaderId: string;
  versie: number;
  sha256: string;
  gepubliceerdOp: string;
  regels: NvIRegel[];
}

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
    const row = await t.one<{ id: string }>(
      'INSERT INTO vraag (kader_id, organisatie_id, gesteld_door, eis_code, onderwerp, tekst, gesteld_op) VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id',
      [kaderId, a.organisatieId, a.gebruikerId, v.eisCode ?? null, v.onderwerp ?? null, v.tekst, nu],
    );
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
export async function lijstVragen(ctx: AppContext, a: Actor, kaderId: string) {
  const k = await kaderVoor(ctx.db, a, kaderId);
  const eigen = isEigenaar(a, k);
  if (!eigen && !isAanbieder(a)) return [];
  const rows = await ctx.db.query<any>(
    `SELECT v.*, o.naam AS org_naam FROM vraag v JOIN organisatie o ON o.id = v.organisatie_id
    WHERE v.kader_id = $1 AND ($2::text IS NULL OR v.organisatie_id = $2) ORDER BY v.gesteld_op, v.id`,
    [kaderId, eigen ? null : a.organisatieId],
  );
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
    const v = await t.maybeOne<any>('SELECT * FROM vraag WHERE id = $1 AND kader_id = $2', [vraagId, kaderId]);
    if (!v) throw notFound('Deze vraag');
    if (v.nvi_versie !== null)
      throw conflict(
        'al-gepubliceerd',
        `Deze vraag is al gepubliceerd in Nota van Inlichtingen versie ${v.nvi_versie}; een correctie hoort in een nieuwe vraag/antwoord.`,
      );
    await t.query('UPDATE vraag SET antwoord = $2, beantwoord_op = $3, beantwoord_door = $4 WHERE id = $1', [
      vraagId,
      antwoord,
      ctx.now(),
      a.gebruikerId,
    ]);
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
    const onbeantwoord = await t.one<{ n: number }>(
      'SELECT count(*) AS n FROM vraag WHERE kader_id = $1 AND antwoord IS NULL',
      [kaderId],
    );
    if (Number(onbeantwoord.n) > 0 && k.fase === 'vragenronde') {
      const termijnen = await geldendeTermijnen(t, k);
      const eind = termijnen.find((x) => x.fase === 'vragen')?.eindigtOp;
      if (!eind || ctx.now() <= eind) {
        /* still open: publishing an interim Nota is allowed */
      } else {
        throw conflict(
          'vragen-onbeantwoord',
          `Er ${Number(onbeantwoord.n) === 1 ? 'is nog 1 vraag' : `zijn nog ${onbeantwoord.n} vragen`} zonder antwoord; de Nota van Inlichtingen beantwoordt alle gestelde vragen (regel inkoop.nvi.volledig).`,
          { actie: 'Beantwoord eerst alle vragen.' },
        );
      }
    }
    const vorige = await t.one<{ v: number | null }>(
      'SELECT max(versie) AS v FROM nota_van_inlichtingen WHERE kader_id = $1',
      [kaderId],
    );
    const versie = Number(vorige.v ?? 0) + 1;
    const rows = await t.query<any>(
      'SELECT * FROM vraag WHERE kader_id = $1 AND antwoord IS NOT NULL ORDER BY gesteld_op, id',
      [kaderId],
    );
    const regels: NvIRegel[] = rows.map((r, i) => ({
      nummer: i + 1,
      onderwerp: r.onderwerp,
      eisCode: r.eis_code,
      vraag: r.tekst,
      antwoord: r.antwoord,
    }));
    const nu = ctx.now();
    const sha256 = crypto.createHash('sha256').update(canonicalJson({ kaderId, versie, regels })).digest('hex');
    await t.query(
      'INSERT INTO nota_van_inlichtingen (kader_id, versie, inhoud, sha256, gepubliceerd_op, gepubliceerd_door) VALUES ($1,$2,$3,$4,$5,$6)',
      [kaderId, versie, JSON.stringify(regels), sha256, nu, a.gebruikerId],
    );
    await t.query(
      'UPDATE vraag SET nvi_versie = $2 WHERE kader_id = $1 AND antwoord IS NOT NULL AND nvi_versie IS NULL',
      [kaderId, versie],
    );
    if (naar !== k.fase) {
      await t.query('UPDATE inkoopkader SET fase = $2, gewijzigd_op = $3 WHERE id = $1', [kaderId, naar, nu]);
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
export async function getNotaVanInlichtingen(
  ctx: AppContext,
  a: Actor | null,
  kaderId: string,
  versie?: number,
): Promise<NotaVanInlichtingen | null> {
  if (a) await kaderVoor(ctx.db, a, kaderId);
  const r = await ctx.db.maybeOne<any>(
    `SELECT * FROM nota_van_inlichtingen WHERE kader_id = $1 ${versie ? 'AND versie = $2' : ''} ORDER BY versie DESC LIMIT 1`,
    versie ? [kaderId, versie] : [kaderId],
  );
  if (!r) return null;
  return {
    kaderId,
    versie: r.versie,
    sha256: r.sha256,
    gepubliceerdOp: new Date(r.gepubliceerd_op).toISOString(),
    regels: r.inhoud,
  };
}
