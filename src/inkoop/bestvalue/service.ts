/**
 * Best value use cases: the provider writes its short proposal with its own KPIs on its
 * inschrijving (only while the bid is a concept and before the deadline; one transaction, audited);
 * the zorgkantoor reads it only once the bids are unsealed; after the final award the agreed KPIs
 * of a contract can be read by the provider and its zorgkantoor (for monitoring progress; the KPIs are
 * the ones the provider proposed, Inkoopsafari §2.2 and §4.2). Rules and sources: ./voorstel.ts and
 * docs/best-value.md.
 */
import type { AppContext } from '../../platform/context.ts';
import type { Queryable } from '../../platform/db/index.ts';
import type { Actor } from '../../platform/auth/roles.ts';
import { isAanbieder, isZorgkantoor } from '../../platform/auth/roles.ts';
import { appendAudit } from '../../platform/audit.ts';
import { auditActor } from '../../platform/audit.ts';
import { AppError, conflict, notFound, unprocessable } from '../../platform/errors.ts';
import { accepteertInschrijvingen } from '../../domain/inkoop/procedure.ts';
import { voorDeadline } from '../../domain/inkoop/timeline.ts';
import { deadlineVan, geldendeTermijnen, type KaderRij } from '../kader.ts';
import { vereisOpen, inschrijvingVoor, type InschrijvingRij } from '../inschrijving.ts';
import {
  eisBestValueKader,
  instellingenVan,
  laadKpis,
  laadVoorstel,
  ontbrekendeOnderdelen,
  REGELS,
  valideerVoorstel,
  woordenVan,
  type VoorstelInvoer,
} from './voorstel.ts';
import { isUuid } from '../../platform/validatie.ts';
import { overeenkomstMetKader, vervangVoorstel } from './store.ts';

async function view(ctx: AppContext, q: Queryable, a: Actor, i: InschrijvingRij, k: KaderRij) {
  const v = await laadVoorstel(q, i.id);
  const dl = deadlineVan(await geldendeTermijnen(q, k));
  const wijzigbaar =
    isAanbieder(a) &&
    i.status === 'concept' &&
    (!dl || voorDeadline(ctx.now(), dl)) &&
    accepteertInschrijvingen(k.procedure_type, k.fase);
  return {
    inschrijvingId: i.id,
    kaderId: k.id,
    status: i.status,
    wijzigbaar,
    instellingen: {
      ...instellingenVan(k),
      bron: "inkoopkader.regionale_paragraaf.bestValue (standaard: 1000 woorden ≈ twee A4, 5 KPI's, 1 inschrijving in verduidelijking)",
    },
    ...v,
    ontbreekt: ontbrekendeOnderdelen(v),
  };
}
export type BestValueView = Awaited<ReturnType<typeof view>>;

/**
 * The proposal of an inschrijving. Provider: its own only (any other: 404). Zorgkantoor owning the
 * kader: only a submitted bid and only once unsealed (the sealing rule of inschrijvingVoor).
 * A kader of another procedure type: 422 naming the rule.
 */
export async function getBestValue(ctx: AppContext, a: Actor, id: string): Promise<BestValueView> {
  const { i, k } = await inschrijvingVoor(ctx, ctx.db, a, id);
  eisBestValueKader(k);
  return view(ctx, ctx.db, a, i, k);
}

/** Replaces the proposal and its KPIs as a whole; every problem is reported at once and nothing is stored on a refusal. */
export async function zetBestValue(ctx: AppContext, a: Actor, id: string, inv: VoorstelInvoer): Promise<BestValueView> {
  if (!isAanbieder(a))
    throw new AppError(403, 'alleen-aanbieders', 'Alleen de zorgaanbieder zelf werkt aan haar best value-voorstel.');
  return ctx.db.tx(async (t) => {
    const { i, k } = await inschrijvingVoor(ctx, t, a, id, true);
    eisBestValueKader(k);
    await vereisOpen(ctx, t, k, 'Het best value-voorstel wijzigen');
    if (i.status !== 'concept')
      throw conflict(
        'inschrijving-niet-concept',
        `De inschrijving is ${i.status}; heropen haar eerst om het voorstel te wijzigen (en dien daarna opnieuw in vóór de sluitingstermijn).`,
      );
    const inst = instellingenVan(k);
    const { fouten, waarden } = valideerVoorstel(inv, inst);
    if (fouten.length) {
      const regels = [
        ...new Set(fouten.map((f) => /regel (inkoop\.bestvalue\.[a-z]+)/.exec(f.wat)?.[1]).filter(Boolean)),
      ];
      throw unprocessable(
        'best-value-ongeldig',
        `Het best value-voorstel is niet opgeslagen: ${fouten.length} ${fouten.length === 1 ? 'probleem' : 'problemen'} (${regels.join(', ') || REGELS.kpi}). Eerste: ${fouten[0].waar}: ${fouten[0].wat}`,
        { fouten },
      );
    }
    const nu = ctx.now();
    await vervangVoorstel(t, i.id, waarden, waarden.kpis, nu);
    await appendAudit(t, auditActor(a), {
      actie: 'inkoop.bestvalue.voorstel_gewijzigd',
      onderwerpType: 'inschrijving',
      onderwerpId: i.id,
      invoer: {
        kaderId: k.id,
        woorden: woordenVan(waarden),
        aangebodenPrijs: waarden.aangebodenPrijs,
        kpis: waarden.kpis.map((x) => ({
          naam: x.naam,
          nulmeting: x.nulmeting,
          streefwaarde: x.streefwaarde,
          richting: x.richting,
        })),
      },
      resultaat: { aantalKpis: waarden.kpis.length },
      regel: `${REGELS.omvang}, ${REGELS.kpi}, ${REGELS.prijs}`,
    });
    return view(ctx, t, a, { ...i, gewijzigd_op: nu }, k);
  });
}

/**
 * The agreed KPIs of a contract (overeenkomst): for its provider and for the zorgkantoor that
 * awarded it; anyone else 404. A later quality capability monitors progress against these.
 */
export async function overeenkomstKpis(ctx: AppContext, a: Actor, overeenkomstId: string) {
  if (!isUuid(overeenkomstId)) throw notFound('Deze overeenkomst');
  const o = await overeenkomstMetKader(ctx.db, overeenkomstId);
  if (!o) throw notFound('Deze overeenkomst');
  const mag = isAanbieder(a)
    ? o.organisatie_id === a.organisatieId
    : isZorgkantoor(a) && o.zorgkantoor_id === a.organisatieId;
  if (!mag) throw notFound('Deze overeenkomst');
  return {
    overeenkomstId: o.id,
    kaderId: o.kader_id,
    kaderTitel: o.titel,
    aanbiederId: o.organisatie_id,
    procedureType: o.procedure_type as string,
    status: o.status,
    ingangsdatum: o.ingangsdatum,
    einddatum: o.einddatum,
    regel: REGELS.contract,
    kpis: await laadKpis(ctx.db, o.inschrijving_id, true),
  };
}
