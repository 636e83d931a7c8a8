/**
 * Signalenregister: inspection and fraud signals a zorgkantoor registers about a provider, with
 * source and dates, so the two-year conditions G1–G3 of the outcome (src/domain/inkoop/uitkomst.ts;
 * Inkoopkader Langdurige Zorg 2016, §2.2.4, G1–G3) are decided on traceable facts instead of dates typed at
 * the award. Also the contract roles (onderaannemer / zzp-pilot / pgb) the classification needs
 * (Inkoopkader Langdurige Zorg 2016, §2.2.2, B3). Rows are never deleted: a mistake is withdrawn with a reason. Every create,
 * end-date change and withdrawal is audited in the same transaction.
 *
 * Who: zorgkantoor manager and inkoper register and withdraw; manager, inkoper, beoordelaar and
 * controller of the same zorgkantoor read; the toezichthouder (NZa) reads every register; a
 * provider never sees the register (the routes refuse it with 403).
 */
import type { AppContext } from '../../platform/context.ts';
import type { Queryable } from '../../platform/db/index.ts';
import { isToezicht, isZorgkantoor, type Actor, type Rol } from '../../platform/auth/roles.ts';
import { appendAudit } from '../../platform/audit.ts';
import { auditActor } from '../../platform/audit.ts';
import { AppError, conflict, notFound, unprocessable, type Fout } from '../../platform/errors.ts';
import { FRAUDE_NA_JAAR, type Reden, type UitkomstInvoer } from '../../domain/inkoop/uitkomst.ts';
import { isUuid } from '../../platform/validatie.ts';
import * as store from './store.ts';
import type { ContractRelatieWeergaveRij, SignaalRij, SignaalWeergaveRij } from './store.ts';

export const SIGNAAL_SOORTEN = ['verscherpt_toezicht', 'fraudeonderzoek', 'fraude_vastgesteld'] as const;
export type SignaalSoort = (typeof SIGNAAL_SOORTEN)[number];
export const SIGNAAL_SOORT_TEKST: Record<SignaalSoort, string> = {
  verscherpt_toezicht: 'verscherpt toezicht',
  fraudeonderzoek: 'fraudeonderzoek',
  fraude_vastgesteld: 'fraude vastgesteld',
};
export const CONTRACT_ROLLEN = ['onderaannemer', 'zzp_pilot', 'pgb'] as const;
export type ContractRelatieRol = (typeof CONTRACT_ROLLEN)[number];

export const SIGNAAL_REGEL =
  'signalenregister v1 (tweejarige voorwaarden G1–G3, Inkoopkader Langdurige Zorg 2016, §2.2.4)';
export const CONTRACTRELATIE_REGEL = 'contractrelaties v1 (classificatie B3, Inkoopkader Langdurige Zorg 2016, §2.2.2)';

export const SIGNAAL_LEZERS: Rol[] = ['manager', 'inkoper', 'beoordelaar', 'controller'];
export const SIGNAAL_SCHRIJVERS: Rol[] = ['manager', 'inkoper'];

const ISO = /^\d{4}-\d{2}-\d{2}$/;
/** A real calendar date in YYYY-MM-DD (2015-02-30 is refused). */
export function isIsoDatum(s: unknown): s is string {
  if (typeof s !== 'string' || !ISO.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
const vandaag = (ctx: AppContext) => ctx.now().toISOString().slice(0, 10);

function eisSchrijver(a: Actor) {
  if (!isZorgkantoor(a) || !a.rollen.some((r) => SIGNAAL_SCHRIJVERS.includes(r))) {
    throw new AppError(
      403,
      'geen-toegang',
      'Alleen een manager of inkoper van een zorgkantoor legt signalen en contractrelaties vast of trekt ze in.',
      { actie: 'Vraag een manager of inkoper van uw zorgkantoor.' },
    );
  }
}
function eisLezer(a: Actor) {
  if (isToezicht(a)) return;
  if (!isZorgkantoor(a) || !a.rollen.some((r) => SIGNAAL_LEZERS.includes(r))) {
    throw new AppError(
      403,
      'geen-toegang',
      'Het signalenregister is alleen voor medewerkers van het zorgkantoor en de toezichthouder.',
    );
  }
}

// ───────────────────────────── Signals ─────────────────────────────

export interface SignaalInvoer {
  aanbiederId: string;
  locatieId?: string | null;
  soort: string;
  omschrijving?: string | null;
  bron: string;
  datumVan: string;
  datumTot?: string | null;
}

/** Active on a day: not withdrawn, started on or before it, not ended before it. */
const isActief = (r: { ingetrokken_op: unknown; datum_van: string; datum_tot: string | null }, dag: string) =>
  !r.ingetrokken_op && r.datum_van <= dag && (!r.datum_tot || r.datum_tot >= dag);

function signaalUit(r: SignaalWeergaveRij, dag: string) {
  return {
    id: r.id as string,
    zorgkantoorId: r.zorgkantoor_id as string,
    zorgkantoorNaam: r.zorgkantoor_naam as string,
    aanbiederId: r.aanbieder_id as string,
    aanbiederNaam: r.aanbieder_naam as string,
    locatieId: (r.locatie_id ?? null) as string | null,
    locatieNaam: (r.locatie_naam ?? null) as string | null,
    soort: r.soort as SignaalSoort,
    omschrijving: r.omschrijving as string,
    bron: r.bron as string,
    datumVan: r.datum_van as string,
    datumTot: (r.datum_tot ?? null) as string | null,
    actief: isActief(r, dag),
    vastgelegdDoor: r.vastgelegd_door_naam as string,
    vastgelegdOp: new Date(r.vastgelegd_op).toISOString(),
    gewijzigdOp: r.gewijzigd_op ? new Date(r.gewijzigd_op).toISOString() : null,
    ingetrokkenOp: r.ingetrokken_op ? new Date(r.ingetrokken_op).toISOString() : null,
    ingetrokkenDoor: (r.ingetrokken_door_naam ?? null) as string | null,
    intrekkingsreden: (r.intrekkingsreden ?? null) as string | null,
  };
}
export type Signaal = ReturnType<typeof signaalUit>;

/** The register as this actor may read it: own zorgkantoor; the toezichthouder all. */
export async function signalen(
  ctx: AppContext,
  a: Actor,
  f: { aanbieder?: string; soort?: string } = {},
): Promise<Signaal[]> {
  eisLezer(a);
  const alle = isToezicht(a);
  const rows = await store.signaalRijen(ctx.db, {
    alle,
    zorgkantoorId: a.organisatieId,
    aanbieder: f.aanbieder ?? null,
    soort: f.soort ?? null,
  });
  const dag = vandaag(ctx);
  return rows.map((r) => signaalUit(r, dag));
}

async function valideerSignaal(q: Queryable, inv: SignaalInvoer): Promise<Fout[]> {
  const fouten: Fout[] = [];
  if (!(SIGNAAL_SOORTEN as readonly string[]).includes(inv.soort)) {
    fouten.push({
      waar: 'soort',
      wat: `Onbekende soort '${inv.soort}'.`,
      actie: `Kies ${SIGNAAL_SOORTEN.join(', ')}.`,
    });
  }
  if ((await store.organisatieSoort(q, inv.aanbiederId)) !== 'zorgaanbieder') {
    fouten.push({
      waar: 'aanbiederId',
      wat: `Zorgaanbieder '${inv.aanbiederId}' bestaat niet.`,
      actie: 'Kies een zorgaanbieder uit de lijst.',
    });
  }
  if (inv.locatieId) {
    const l = isUuid(inv.locatieId) ? await store.locatieOrganisatie(q, inv.locatieId) : null;
    if (!l)
      fouten.push({
        waar: 'locatieId',
        wat: `Locatie '${inv.locatieId}' bestaat niet.`,
        actie: 'Kies een locatie van deze zorgaanbieder.',
      });
    else if (l !== inv.aanbiederId)
      fouten.push({
        waar: 'locatieId',
        wat: 'Deze locatie hoort niet bij de gekozen zorgaanbieder.',
        actie: 'Kies een locatie van deze zorgaanbieder, of laat de locatie leeg.',
      });
  }
  if (!inv.bron?.trim())
    fouten.push({
      waar: 'bron',
      wat: 'De bron ontbreekt.',
      actie: "Noem de bron, bijv. 'IGJ-rapport 12-05-2015', 'NZa' of 'eigen onderzoek'.",
    });
  fouten.push(...valideerDatums(inv.soort, inv.datumVan, inv.datumTot ?? null));
  return fouten;
}

function valideerDatums(soort: string, van: string, tot: string | null): Fout[] {
  const fouten: Fout[] = [];
  if (!isIsoDatum(van))
    fouten.push({
      waar: 'datumVan',
      wat: `'${van}' is geen geldige datum.`,
      actie: 'Gebruik JJJJ-MM-DD, bijv. 2015-07-01.',
    });
  if (tot !== null && tot !== '') {
    if (soort === 'fraude_vastgesteld')
      fouten.push({
        waar: 'datumTot',
        wat: 'Vastgestelde fraude heeft geen einddatum.',
        actie: 'Laat de einddatum leeg; trek het signaal in als het onjuist is.',
      });
    else if (!isIsoDatum(tot))
      fouten.push({
        waar: 'datumTot',
        wat: `'${tot}' is geen geldige datum.`,
        actie: 'Gebruik JJJJ-MM-DD, of laat de einddatum leeg.',
      });
    else if (isIsoDatum(van) && tot < van)
      fouten.push({
        waar: 'datumTot',
        wat: `De einddatum ${tot} ligt vóór de begindatum ${van}.`,
        actie: 'Kies een einddatum op of na de begindatum.',
      });
  }
  return fouten;
}

export async function signaalVastleggen(ctx: AppContext, a: Actor, inv: SignaalInvoer): Promise<Signaal> {
  eisSchrijver(a);
  return ctx.db.tx(async (t) => {
    const fouten = await valideerSignaal(t, inv);
    if (fouten.length)
      throw unprocessable(
        'signaal-ongeldig',
        `Het signaal is niet vastgelegd: ${fouten.map((f) => `${f.waar}: ${f.wat}`).join('; ')}`,
        { fouten, actie: fouten[0].actie },
      );
    const nu = ctx.now();
    const tot = inv.datumTot ? inv.datumTot : null;
    const row = {
      id: await store.voegSignaalToe(t, {
        zorgkantoorId: a.organisatieId,
        aanbiederId: inv.aanbiederId,
        locatieId: inv.locatieId || null,
        soort: inv.soort,
        omschrijving: inv.omschrijving?.trim() ?? '',
        bron: inv.bron.trim(),
        datumVan: inv.datumVan,
        datumTot: tot,
        door: a.gebruikerId,
        op: nu,
      }),
    };
    await appendAudit(t, auditActor(a), {
      actie: 'inkoop.signaal.vastgelegd',
      onderwerpType: 'signaal',
      onderwerpId: row.id,
      invoer: {
        aanbiederId: inv.aanbiederId,
        locatieId: inv.locatieId || null,
        soort: inv.soort,
        omschrijving: inv.omschrijving?.trim() ?? '',
        bron: inv.bron.trim(),
        datumVan: inv.datumVan,
        datumTot: tot,
      },
      resultaat: { signaalId: row.id, zorgkantoorId: a.organisatieId },
      regel: SIGNAAL_REGEL,
    });
    return signaalUit(await store.signaalWeergave(t, row.id), vandaag(ctx));
  });
}

/** A signal of the actor's own zorgkantoor (or 404, also for another zorgkantoor's). */
async function eigenSignaal(q: Queryable, a: Actor, id: string): Promise<SignaalRij> {
  const s = isUuid(id) ? await store.signaalVoorWijziging(q, id) : null;
  if (!s || s.zorgkantoor_id !== a.organisatieId) throw notFound('Dit signaal');
  return s;
}

export async function signaalEinddatum(
  ctx: AppContext,
  a: Actor,
  id: string,
  datumTot: string | null,
): Promise<Signaal> {
  eisSchrijver(a);
  return ctx.db.tx(async (t) => {
    const s = await eigenSignaal(t, a, id);
    if (s.ingetrokken_op)
      throw conflict('ingetrokken', 'Dit signaal is ingetrokken en kan niet meer worden gewijzigd.', {
        actie: 'Leg zo nodig een nieuw signaal vast.',
      });
    const tot = datumTot === '' ? null : datumTot;
    const fouten = valideerDatums(s.soort, s.datum_van, tot);
    if (fouten.length)
      throw unprocessable(
        'signaal-ongeldig',
        `De einddatum is niet gewijzigd: ${fouten.map((f) => `${f.waar}: ${f.wat}`).join('; ')}`,
        { fouten, actie: fouten[0].actie },
      );
    const nu = ctx.now();
    await store.zetSignaalEinddatum(t, s.id, tot, a.gebruikerId, nu);
    await appendAudit(t, auditActor(a), {
      actie: 'inkoop.signaal.einddatum',
      onderwerpType: 'signaal',
      onderwerpId: s.id,
      invoer: { datumTot: tot, vorigeDatumTot: s.datum_tot ?? null },
      resultaat: { signaalId: s.id, datumVan: s.datum_van, datumTot: tot },
      regel: SIGNAAL_REGEL,
    });
    return signaalUit(await store.signaalWeergave(t, s.id), vandaag(ctx));
  });
}

export async function signaalIntrekken(ctx: AppContext, a: Actor, id: string, reden: string): Promise<Signaal> {
  eisSchrijver(a);
  return ctx.db.tx(async (t) => {
    const s = await eigenSignaal(t, a, id);
    if (s.ingetrokken_op) throw conflict('ingetrokken', 'Dit signaal is al ingetrokken.');
    if (!reden?.trim())
      throw unprocessable('reden', 'Een intrekking vraagt een reden.', {
        fouten: [{ waar: 'reden', wat: 'De reden ontbreekt.', actie: 'Leg uit waarom het signaal wordt ingetrokken.' }],
        actie: 'Leg uit waarom het signaal wordt ingetrokken.',
      });
    const nu = ctx.now();
    await store.trekSignaalIn(t, s.id, nu, a.gebruikerId, reden.trim());
    await appendAudit(t, auditActor(a), {
      actie: 'inkoop.signaal.ingetrokken',
      onderwerpType: 'signaal',
      onderwerpId: s.id,
      invoer: { reden: reden.trim() },
      resultaat: { signaalId: s.id, soort: s.soort, aanbiederId: s.aanbieder_id, ingetrokkenOp: nu.toISOString() },
      regel: SIGNAAL_REGEL,
    });
    return signaalUit(await store.signaalWeergave(t, s.id), vandaag(ctx));
  });
}

/** For the CLI (operator, direct database access): every signal about a provider, optionally of one zorgkantoor. */
export async function signalenVoorBeheer(
  ctx: AppContext,
  aanbiederId: string,
  zorgkantoorId?: string,
): Promise<Signaal[]> {
  const rows = await store.signaalRijenVanAanbieder(ctx.db, aanbiederId, zorgkantoorId ?? null);
  const dag = vandaag(ctx);
  return rows.map((r) => signaalUit(r, dag));
}

// ───────────────────────────── Feeding the outcome ─────────────────────────────

/** Where each G1–G3 fact of an award came from: signal ids from the register, or typed at the award. */
export interface SignaalHerkomst {
  regel: string;
  /** the day verscherpt toezicht had to be active on (the decision date) */
  peildatum: string;
  register: {
    verscherptToezicht: { signaalId: string; locatie: string }[];
    fraudeonderzoekenGestart: { signaalId: string; datum: string }[];
    fraudeVastgesteld: { signaalId: string; datum: string }[];
  };
  /** locations with inspectie_status 'verscherpt' in the location table */
  inspectieStatus: string[];
  /** dates the manager typed at the award (facts not in the register) */
  aanvullend: { fraudeonderzoekenGestart: string[]; fraudeVastgesteld: string[] };
}

/**
 * The register's facts for one award: non-withdrawn signals of THIS zorgkantoor about THIS provider.
 * Verscherpt toezicht counts when active on the decision date; fraud investigations by their start
 * date (the domain checks it falls in the procedure period); established fraud by its date (the
 * domain checks "na 2010").
 */
export async function signalenVoorUitkomst(
  q: Queryable,
  zorgkantoorId: string,
  aanbiederId: string,
  peildatum: string,
): Promise<SignaalHerkomst['register']> {
  const rows = await store.signalenVanAanbieder(q, zorgkantoorId, aanbiederId);
  return {
    verscherptToezicht: rows
      .filter((r) => r.soort === 'verscherpt_toezicht' && isActief({ ingetrokken_op: null, ...r }, peildatum))
      .map((r) => ({ signaalId: r.id, locatie: r.locatie_naam ?? `${r.aanbieder_naam} (hele organisatie)` })),
    fraudeonderzoekenGestart: rows
      .filter((r) => r.soort === 'fraudeonderzoek')
      .map((r) => ({ signaalId: r.id, datum: r.datum_van })),
    fraudeVastgesteld: rows
      .filter((r) => r.soort === 'fraude_vastgesteld')
      .map((r) => ({ signaalId: r.id, datum: r.datum_van })),
  };
}

/**
 * Every non-withdrawn signal of THIS zorgkantoor about THIS provider with its period, for the regional
 * `geen-signalen` conditions (src/domain/inkoop/regionale-voorwaarden.ts), which look back over years.
 */
export async function signaalFeitenVoorUitkomst(
  q: Queryable,
  zorgkantoorId: string,
  aanbiederId: string,
): Promise<{ soort: SignaalSoort; van: string; tot: string | null; herkomst: string }[]> {
  const rows = await store.signalenVanAanbieder(q, zorgkantoorId, aanbiederId);
  return rows.map((r) => ({
    soort: r.soort,
    van: r.datum_van,
    // fraud investigations and established fraud are moments; verscherpt toezicht lasts until its end date
    tot: r.soort === 'verscherpt_toezicht' ? r.datum_tot : r.datum_van,
    herkomst: `signalenregister${r.locatie_naam ? `, locatie ${r.locatie_naam}` : ''}`,
  }));
}

const uniek = (xs: string[]) => [...new Set(xs)].sort();

/** Merges the register's facts with the location table and the typed dates into the outcome input, recording where each came from. */
export function combineerSignalen(
  register: SignaalHerkomst['register'],
  inspectieStatus: string[],
  getypt: { fraudeonderzoekenGestart?: string[]; fraudeVastgesteld?: string[] },
  peildatum: string,
) {
  const aanvullend = {
    fraudeonderzoekenGestart: getypt.fraudeonderzoekenGestart ?? [],
    fraudeVastgesteld: getypt.fraudeVastgesteld ?? [],
  };
  return {
    locatiesVerscherptToezicht: uniek([...inspectieStatus, ...register.verscherptToezicht.map((x) => x.locatie)]),
    fraudeonderzoekenGestart: uniek([
      ...register.fraudeonderzoekenGestart.map((x) => x.datum),
      ...aanvullend.fraudeonderzoekenGestart,
    ]),
    fraudeVastgesteld: uniek([...register.fraudeVastgesteld.map((x) => x.datum), ...aanvullend.fraudeVastgesteld]),
    herkomst: { regel: SIGNAAL_REGEL, peildatum, register, inspectieStatus, aanvullend } satisfies SignaalHerkomst,
  };
}

const BRON_REGISTER = 'signalenregister';
const BRON_INSPECTIE = 'inspectiestatus locatie';
const BRON_AANVULLEND = 'aanvullend opgegeven door het zorgkantoor';

/**
 * Adds to the G1–G3 reasons where each fact came from, e.g. "Herkomst: 2015-07-01 (signalenregister)."
 * Only dates, location names and the kind of source: never a signal's description or source text,
 * because these reasons go into the letter to the provider.
 */
export function redenenMetHerkomst(redenen: Reden[], invoer: UitkomstInvoer & { herkomst?: SignaalHerkomst }): Reden[] {
  const h = invoer.herkomst;
  if (!h) return redenen;
  const bronnen = (d: string, reg: { datum: string }[], getypt: string[]) =>
    [...(reg.some((x) => x.datum === d) ? [BRON_REGISTER] : []), ...(getypt.includes(d) ? [BRON_AANVULLEND] : [])].join(
      ', ',
    );
  const zin = (delen: string[]) => (delen.length ? ` Herkomst: ${delen.join('; ')}.` : '');
  return redenen.map((r) => {
    if (r.voldaan) return r;
    if (r.code === 'G1') {
      const delen = invoer.locatiesVerscherptToezicht.map(
        (l) =>
          `${l} (${[
            ...(h.register.verscherptToezicht.some((x) => x.locatie === l) ? [BRON_REGISTER] : []),
            ...(h.inspectieStatus.includes(l) ? [BRON_INSPECTIE] : []),
          ].join(', ')})`,
      );
      return { ...r, toelichting: r.toelichting + zin(delen) };
    }
    if (r.code === 'G2') {
      const { van, tot } = invoer.procedurePeriode;
      const delen = invoer.fraudeonderzoekenGestart
        .filter((d) => d >= van && d <= tot)
        .map(
          (d) =>
            `fraudeonderzoek gestart op ${d} (${bronnen(d, h.register.fraudeonderzoekenGestart, h.aanvullend.fraudeonderzoekenGestart)})`,
        );
      return { ...r, toelichting: r.toelichting + zin(delen) };
    }
    if (r.code === 'G3') {
      const delen = invoer.fraudeVastgesteld
        .filter((d) => Number(d.slice(0, 4)) > FRAUDE_NA_JAAR)
        .map(
          (d) =>
            `fraude vastgesteld op ${d} (${bronnen(d, h.register.fraudeVastgesteld, h.aanvullend.fraudeVastgesteld)})`,
        );
      return { ...r, toelichting: r.toelichting + zin(delen) };
    }
    return r;
  });
}

// ───────────────────────────── Contract relations (classification B3) ─────────────────────────────

export interface ContractRelatieInvoer {
  aanbiederId: string;
  jaar: number;
  regioCode: string;
  sector: string;
  rol: string;
  hoofdaannemerId?: string | null;
  bron: string;
}

function relatieUit(r: ContractRelatieWeergaveRij) {
  return {
    id: r.id as string,
    zorgkantoorId: r.zorgkantoor_id as string,
    zorgkantoorNaam: r.zorgkantoor_naam as string,
    aanbiederId: r.organisatie_id as string,
    aanbiederNaam: r.organisatie_naam as string,
    jaar: Number(r.jaar),
    regioCode: r.regio_code as string,
    sector: r.sector as string,
    rol: r.rol as ContractRelatieRol,
    hoofdaannemerId: (r.hoofdaannemer_id ?? null) as string | null,
    hoofdaannemerNaam: (r.hoofdaannemer_naam ?? null) as string | null,
    bron: r.bron as string,
    vastgelegdDoor: r.vastgelegd_door_naam as string,
    vastgelegdOp: new Date(r.vastgelegd_op).toISOString(),
    ingetrokkenOp: r.ingetrokken_op ? new Date(r.ingetrokken_op).toISOString() : null,
    intrekkingsreden: (r.intrekkingsreden ?? null) as string | null,
  };
}
export type ContractRelatie = ReturnType<typeof relatieUit>;

/**
 * Contract relations are contract history, not suspicions: every zorgkantoor's staff and the
 * toezichthouder read all of them, because the classification of a bidder uses the relations
 * with any zorgkantoor (Inkoopkader Langdurige Zorg 2016, §2.2.2).
 */
export async function contractrelaties(
  ctx: AppContext,
  a: Actor,
  f: { aanbieder?: string; jaar?: number } = {},
): Promise<ContractRelatie[]> {
  eisLezer(a);
  const rows = await store.contractrelatieRijen(ctx.db, { aanbieder: f.aanbieder ?? null, jaar: f.jaar ?? null });
  return rows.map(relatieUit);
}

export async function contractrelatieVastleggen(
  ctx: AppContext,
  a: Actor,
  inv: ContractRelatieInvoer,
): Promise<ContractRelatie> {
  eisSchrijver(a);
  return ctx.db.tx(async (t) => {
    const fouten: Fout[] = [];
    if ((await store.organisatieSoort(t, inv.aanbiederId)) !== 'zorgaanbieder')
      fouten.push({
        waar: 'aanbiederId',
        wat: `Zorgaanbieder '${inv.aanbiederId}' bestaat niet.`,
        actie: 'Kies een zorgaanbieder uit de lijst.',
      });
    if (!Number.isInteger(inv.jaar) || inv.jaar < 2000 || inv.jaar > 2100)
      fouten.push({
        waar: 'jaar',
        wat: `'${inv.jaar}' is geen jaartal.`,
        actie: 'Geef het jaar van de relatie, bijv. 2015.',
      });
    if (!(await store.bestaatRegio(t, inv.regioCode)))
      fouten.push({
        waar: 'regioCode',
        wat: `Regio '${inv.regioCode}' bestaat niet.`,
        actie: 'Kies een zorgkantoorregio (vier cijfers).',
      });
    if (!(await store.bestaatSector(t, inv.sector)))
      fouten.push({ waar: 'sector', wat: `Sector '${inv.sector}' bestaat niet.`, actie: 'Kies VV, GZ of GGZ.' });
    if (!(CONTRACT_ROLLEN as readonly string[]).includes(inv.rol))
      fouten.push({ waar: 'rol', wat: `Onbekende rol '${inv.rol}'.`, actie: `Kies ${CONTRACT_ROLLEN.join(', ')}.` });
    if (inv.hoofdaannemerId) {
      if (inv.rol !== 'onderaannemer')
        fouten.push({
          waar: 'hoofdaannemerId',
          wat: 'Alleen een onderaannemer heeft een hoofdaannemer.',
          actie: 'Laat de hoofdaannemer leeg of kies rol onderaannemer.',
        });
      else if (inv.hoofdaannemerId === inv.aanbiederId)
        fouten.push({
          waar: 'hoofdaannemerId',
          wat: 'Een aanbieder is niet haar eigen hoofdaannemer.',
          actie: 'Kies een andere zorgaanbieder als hoofdaannemer.',
        });
      else {
        if ((await store.organisatieSoort(t, inv.hoofdaannemerId)) !== 'zorgaanbieder')
          fouten.push({
            waar: 'hoofdaannemerId',
            wat: `Zorgaanbieder '${inv.hoofdaannemerId}' bestaat niet.`,
            actie: 'Kies de hoofdaannemer uit de lijst, of laat het veld leeg.',
          });
      }
    }
    if (!inv.bron?.trim())
      fouten.push({
        waar: 'bron',
        wat: 'De bron ontbreekt.',
        actie: "Noem de bron, bijv. 'onderaannemingsovereenkomst 2015' of 'SVB-overzicht pgb'.",
      });
    if (fouten.length)
      throw unprocessable(
        'contractrelatie-ongeldig',
        `De contractrelatie is niet vastgelegd: ${fouten.map((f) => `${f.waar}: ${f.wat}`).join('; ')}`,
        { fouten, actie: fouten[0].actie },
      );
    const row = {
      id: await store.voegContractrelatieToe(t, {
        zorgkantoorId: a.organisatieId,
        aanbiederId: inv.aanbiederId,
        jaar: inv.jaar,
        regioCode: inv.regioCode,
        sector: inv.sector,
        rol: inv.rol,
        hoofdaannemerId: inv.hoofdaannemerId || null,
        bron: inv.bron.trim(),
        door: a.gebruikerId,
        op: ctx.now(),
      }),
    };
    await appendAudit(t, auditActor(a), {
      actie: 'inkoop.contractrelatie.vastgelegd',
      onderwerpType: 'contractrelatie',
      onderwerpId: row.id,
      invoer: {
        aanbiederId: inv.aanbiederId,
        jaar: inv.jaar,
        regioCode: inv.regioCode,
        sector: inv.sector,
        rol: inv.rol,
        hoofdaannemerId: inv.hoofdaannemerId || null,
        bron: inv.bron.trim(),
      },
      resultaat: { contractrelatieId: row.id },
      regel: CONTRACTRELATIE_REGEL,
    });
    return relatieUit(await store.contractrelatieWeergave(t, row.id));
  });
}

export async function contractrelatieIntrekken(
  ctx: AppContext,
  a: Actor,
  id: string,
  reden: string,
): Promise<ContractRelatie> {
  eisSchrijver(a);
  return ctx.db.tx(async (t) => {
    const c = isUuid(id) ? await store.contractrelatieVoorWijziging(t, id) : null;
    if (!c || c.zorgkantoor_id !== a.organisatieId) throw notFound('Deze contractrelatie');
    if (c.ingetrokken_op) throw conflict('ingetrokken', 'Deze contractrelatie is al ingetrokken.');
    if (!reden?.trim())
      throw unprocessable('reden', 'Een intrekking vraagt een reden.', {
        fouten: [{ waar: 'reden', wat: 'De reden ontbreekt.', actie: 'Leg uit waarom de relatie wordt ingetrokken.' }],
      });
    const nu = ctx.now();
    await store.trekContractrelatieIn(t, c.id, nu, a.gebruikerId, reden.trim());
    await appendAudit(t, auditActor(a), {
      actie: 'inkoop.contractrelatie.ingetrokken',
      onderwerpType: 'contractrelatie',
      onderwerpId: c.id,
      invoer: { reden: reden.trim() },
      resultaat: { contractrelatieId: c.id, ingetrokkenOp: nu.toISOString() },
      regel: CONTRACTRELATIE_REGEL,
    });
    return relatieUit(await store.contractrelatieWeergave(t, c.id));
  });
}

/** The non-withdrawn relations of a provider in a year, for contractHistorie (classification). */
export const contractrelatiesVoorHistorie = store.contractrelatiesVoorHistorie;
