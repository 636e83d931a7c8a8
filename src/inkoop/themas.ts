/**
 * Quality themes belong to a sector. The 2016 template's themes are chapter 3 of the GZ edition of
 * the framework ("Hoofdstuk 3 Kwaliteit en persoonsgerichte gehandicaptenzorg", "Inkoopkader
 * langdurige zorg 2016 GZ"), so they carry sector GZ. A kader's themes are its own
 * (inkoopkader.kwaliteitsthemas, set by the zorgkantoor with their source) or, when it has none, the
 * template's — only when the template's themes are of the kader's sector. A kader of another sector
 * cannot use them: setting them, or a zelfanalyse on such a theme, is refused with the rule and the
 * source named (regel inkoop.kwaliteitsthema.sector.v1).
 */
import type { AppContext } from '../platform/context.ts';
import type { Queryable } from '../platform/db/index.ts';
import type { Actor } from '../platform/auth/roles.ts';
import { appendAudit } from '../platform/audit.ts';
import { auditActor } from '../platform/audit.ts';
import { AppError, badRequest, conflict, notFound, unprocessable } from '../platform/errors.ts';
import { THEMA_REGEL, themaSectorFouten, type Thema } from '../domain/inkoop/toetreding.ts';
import { isEigenaar, kaderVoor, sjablonen, type KaderRij } from './kader.ts';
import * as store from './store.ts';

type KaderMetThemas = KaderRij & { kwaliteitsthemas?: Thema[] | null; sjabloon?: string | null };

/** The template's themes (all sectors), as published in the template files. */
export function sjabloonThemas(sjabloonId: string | null | undefined): Thema[] {
  const s = sjablonen().find((x) => x.id === sjabloonId);
  return (s?.themas ?? []).map((t) => ({ code: t.code, naam: t.naam, bron: t.bron, sector: t.sector }));
}

/** The themes a kader uses for the zelfanalyse: its own, else its template's of the same sector. */
export function themasVanKader(k: KaderMetThemas): Thema[] {
  if (Array.isArray(k.kwaliteitsthemas)) return k.kwaliteitsthemas;
  return sjabloonThemas(k.sjabloon).filter((t) => t.sector === k.sector);
}

/** Template themes a kader of another sector leaves out (shown, so the purchaser knows why). */
export function uitgeslotenThemas(k: KaderMetThemas): Thema[] {
  const eigen = Array.isArray(k.kwaliteitsthemas) ? k.kwaliteitsthemas : [];
  return sjabloonThemas(k.sjabloon).filter((t) => t.sector !== k.sector && !eigen.some((e) => e.code === t.code));
}

/** Any template's theme with this code that belongs to another sector than the kader's. */
function themaVanAndereSector(k: KaderMetThemas, code: string): Thema | undefined {
  return sjablonen()
    .flatMap((s) => sjabloonThemas(s.id))
    .find((t) => t.code === code && t.sector !== k.sector);
}

export async function kaderThemas(ctx: AppContext, a: Actor, kaderId: string) {
  return themasView((await kaderVoor(ctx.db, a, kaderId)) as KaderMetThemas);
}

function themasView(k: KaderMetThemas) {
  return {
    kaderId: k.id,
    sector: k.sector,
    eigen: Array.isArray(k.kwaliteitsthemas),
    themas: themasVanKader(k),
    uitgesloten: uitgeslotenThemas(k).map((t) => ({
      ...t,
      reden: `Hoort bij sector ${t.sector} (bron: ${t.bron}); dit kader is voor sector ${k.sector} (regel ${THEMA_REGEL}).`,
    })),
  };
}

/** Refuses a zelfanalyse on a theme the kader does not use (another sector's, or unknown). */
export function vereisThemaVanKader(k: KaderRij, themaCode: string): void {
  if (themaCode === 'eigen') return;
  const kk = k as KaderMetThemas;
  const themas = themasVanKader(kk);
  if (themas.some((t) => t.code === themaCode)) return;
  const ander = themaVanAndereSector(kk, themaCode);
  if (ander)
    throw unprocessable(
      THEMA_REGEL,
      `Kwaliteitsthema ${ander.code} (${ander.naam}) hoort bij sector ${ander.sector} (bron: ${ander.bron}); dit inkoopkader is voor sector ${k.sector} en gebruikt het niet (regel ${THEMA_REGEL}).`,
      {
        fouten: [{ waar: 'thema', wat: `Thema ${ander.code} is van sector ${ander.sector}.` }],
        actie: `Kies een thema van dit kader${themas.length ? ` (${themas.map((t) => t.code).join(', ')})` : ''} of 'eigen'.`,
      },
    );
  throw badRequest('thema-onbekend', `Onbekend kwaliteitsthema '${themaCode}'.`, {
    actie: `Kies uit ${[...themas.map((t) => t.code), 'eigen'].join(', ')}.`,
  });
}

/** The zorgkantoor sets the kader's own themes (each with its source and sector), before publication. */
export async function zetKaderThemas(ctx: AppContext, a: Actor, kaderId: string, themas: Thema[] | null) {
  return ctx.db.tx(async (t) => {
    const k = (await kaderVoor(t, a, kaderId, true)) as KaderMetThemas;
    if (!isEigenaar(a, k))
      throw new AppError(
        403,
        'geen-eigenaar',
        'Alleen het zorgkantoor van dit inkoopkader bepaalt de kwaliteitsthema’s.',
      );
    if (k.gepubliceerde_versie !== null && k.gepubliceerde_versie !== undefined)
      throw conflict(
        'kader-gepubliceerd',
        'De kwaliteitsthema’s liggen vast zodra het inkoopkader is gepubliceerd (de zelfanalyse is erop gebaseerd).',
      );
    if (themas !== null) {
      const fouten = [
        ...themaSectorFouten(themas, k.sector),
        ...themas.flatMap((x, i) =>
          [
            !x.code?.trim()
              ? { waar: `themas[${i}].code`, wat: 'Code ontbreekt.', actie: 'Geef een code, bijv. VV-1.' }
              : null,
            !x.naam?.trim()
              ? { waar: `themas[${i}].naam`, wat: 'Naam ontbreekt.', actie: 'Geef de naam van het thema.' }
              : null,
            !x.bron?.trim()
              ? {
                  waar: `themas[${i}].bron`,
                  wat: `Thema ${x.code}: de bron ontbreekt.`,
                  actie: 'Noem de bron met documenttitel en paragraaf.',
                }
              : null,
            x.code === 'eigen'
              ? { waar: `themas[${i}].code`, wat: "'eigen' is gereserveerd.", actie: 'Kies een andere code.' }
              : null,
          ].filter((f): f is { waar: string; wat: string; actie: string } => f !== null),
        ),
      ];
      const codes = themas.map((x) => x.code);
      codes.forEach((c, i) => {
        if (codes.indexOf(c) !== i)
          fouten.push({
            waar: `themas[${i}].code`,
            wat: `Code ${c} komt twee keer voor.`,
            actie: 'Maak de codes uniek.',
          });
      });
      if (fouten.length)
        throw unprocessable(
          fouten.some((f) => f.wat.includes(THEMA_REGEL)) ? THEMA_REGEL : 'kwaliteitsthemas-ongeldig',
          fouten[0].wat,
          { fouten, actie: fouten[0].actie },
        );
    }
    const nieuw =
      themas?.map((x) => ({ code: x.code.trim(), naam: x.naam.trim(), bron: x.bron.trim(), sector: x.sector })) ?? null;
    await store.zetKwaliteitsthemas(t, k.id, nieuw);
    await appendAudit(t, auditActor(a), {
      actie: 'inkoop.kader.kwaliteitsthemas',
      onderwerpType: 'inkoopkader',
      onderwerpId: k.id,
      invoer: { oud: k.kwaliteitsthemas ?? null, nieuw },
      resultaat: { aantal: nieuw?.length ?? null },
      regel: THEMA_REGEL,
    });
    return themasView({ ...k, kwaliteitsthemas: nieuw });
  });
}

export const themasLezen = async (q: Queryable, kaderId: string): Promise<Thema[]> => {
  const k = await store.kaderRij(q, kaderId);
  if (!k) throw notFound('Dit inkoopkader');
  return themasVanKader(k);
};
