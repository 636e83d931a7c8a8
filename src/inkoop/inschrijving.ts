/**
 * Inschrijvingen (bids): drafts, answers, documents, submit with a receipt, withdraw/reopen until the
 * deadline; sealed (another provider: 404; the zorgkantoor: only after the deadline); the bidder's
 * classification; zelfanalyse and ontwikkelplan; dialogue minutes.
 */
import crypto from 'node:crypto';
import type { AppContext } from '../platform/context.ts';
import type { Queryable } from '../platform/db/index.ts';
import type { Actor } from '../platform/auth/roles.ts';
import { isAanbieder, isZorgkantoor } from '../platform/auth/roles.ts';
import { appendAudit, canonicalJson } from '../platform/audit.ts';
import { auditActor } from '../platform/audit.ts';
import { AppError, badRequest, conflict, notFound, unprocessable, type Fout } from '../platform/errors.ts';
import { controleerOpMalware, scannersVoor } from '../platform/virusscan.ts';
import {
  bepalendeKlasse,
  classificeer,
  eisGeldtVoor,
  KLASSE_NAMEN,
  type ContractRegel,
  type Klasse,
} from '../domain/inkoop/classificatie.ts';
import { accepteertInschrijvingen } from '../domain/inkoop/procedure.ts';
import {
  BRON_TWEEJARIG_2016,
  BRON_VOORWAARDEN_2008,
  GUNNINGSVOORWAARDE,
  TWEEJARIGE_VOORWAARDE,
} from '../domain/inkoop/toetreding.ts';
import { instantNaarLokaal, voorDeadline } from '../domain/inkoop/timeline.ts';
import { controleerDecimaal, parseDecimal } from '../domain/money.ts';
import { DECIMALEN, eisTijdstip, isUuid } from '../platform/validatie.ts';
import { volledigVoorstelVoorOntvangst } from './bestvalue/voorstel.ts';
import { contractrelatiesVoorHistorie } from './signalen/service.ts';
import { vereisThemaVanKader } from './themas.ts';
import { clientenraadWaarschuwing, inschrijvingWaarschuwingen } from './ontwikkelplan.ts';
import {
  deadlineVan,
  vereisOntzegeld,
  eisOut,
  geldendeTermijnen,
  isEigenaar,
  kaderVoor,
  laadEisen,
  regiosVanAanbieder,
  type EisRij,
  type KaderRij,
} from './kader.ts';
import * as store from './store.ts';
import type { AntwoordRij, InschrijvingRij, OntwikkelplanRij, ZelfanalyseRij } from './store.ts';
import type { InschrijvingKortT, InschrijvingT, OntvangstT } from './schemas.ts';

export type { InschrijvingRij } from './store.ts';

// ───────────────────────────── Documents ─────────────────────────────

/** Largest accepted document (bytes). */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // legacy Office (doc/xls/ppt)
const ZIP = [0x50, 0x4b, 0x03, 0x04]; // OOXML / ODF
export const TOEGESTANE_TYPES: Record<string, { mime: string; magic: number[]; soort: string }> = {
  pdf: { mime: 'application/pdf', magic: PDF, soort: 'PDF' },
  doc: { mime: 'application/msword', magic: OLE, soort: 'Word' },
  xls: { mime: 'application/vnd.ms-excel', magic: OLE, soort: 'Excel' },
  ppt: { mime: 'application/vnd.ms-powerpoint', magic: OLE, soort: 'PowerPoint' },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: ZIP, soort: 'Word' },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: ZIP, soort: 'Excel' },
  pptx: {
    mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    magic: ZIP,
    soort: 'PowerPoint',
  },
  odt: { mime: 'application/vnd.oasis.opendocument.text', magic: ZIP, soort: 'OpenDocument' },
  ods: { mime: 'application/vnd.oasis.opendocument.spreadsheet', magic: ZIP, soort: 'OpenDocument' },
  odp: { mime: 'application/vnd.oasis.opendocument.presentation', magic: ZIP, soort: 'OpenDocument' },
};

/** Checks name, size and content of an upload; returns the stored mime type or throws naming the rule. */
export function controleerDocument(naam: string, inhoud: Buffer, afgekapt = false): { mime: string; sha256: string } {
  const regel = 'regel inkoop.document';
  if (afgekapt || inhoud.length > MAX_DOCUMENT_BYTES) {
    throw new AppError(
      413,
      'document-te-groot',
      `Het bestand '${naam}' is groter dan ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB (${regel}.grootte).`,
      { actie: 'Verklein het bestand of splits het op.' },
    );
  }
  if (!inhoud.length) throw unprocessable('document-leeg', `Het bestand '${naam}' is leeg (${regel}.grootte).`);
  const ext = /\.([A-Za-z0-9]+)$/.exec(naam)?.[1]?.toLowerCase() ?? '';
  const type = TOEGESTANE_TYPES[ext];
  if (!type) {
    throw new AppError(415, 'document-type', `Het bestand '${naam}' is geen PDF- of Office-document (${regel}.type).`, {
      actie: `Toegestaan: ${Object.keys(TOEGESTANE_TYPES)
        .map((e) => '.' + e)
        .join(', ')}.`,
    });
  }
  if (!type.magic.every((b, i) => inhoud[i] === b)) {
    throw new AppError(
      415,
      'document-inhoud',
      `De inhoud van '${naam}' is geen ${type.soort}-bestand, hoewel de naam op .${ext} eindigt (${regel}.type: extensie én inhoud moeten kloppen).`,
      { actie: 'Sla het document opnieuw op in het juiste formaat.' },
    );
  }
  return { mime: type.mime, sha256: crypto.createHash('sha256').update(inhoud).digest('hex') };
}

// ───────────────────────────── Loading with sealing ─────────────────────────────

/**
 * An inschrijving as this actor may see it. A provider sees only its own (any other: 404, as if it
 * did not exist). The zorgkantoor owning the kader sees submitted bids only once they are unsealed
 * (after the published deadline, or at once when the kader was published unsealed: one rule,
 * src/domain/inkoop/verzegeling.ts, 403 'verzegeld'); a concept or a withdrawn bid never (404, as if
 * it did not exist: it was not submitted).
 */
export async function inschrijvingVoor(
  ctx: AppContext,
  q: Queryable,
  a: Actor,
  id: string,
  lock = false,
): Promise<{ i: InschrijvingRij; k: KaderRij }> {
  if (!isUuid(id)) throw notFound('Deze inschrijving');
  const i = await store.inschrijvingRij(q, id, lock);
  if (!i) throw notFound('Deze inschrijving');
  if (isAanbieder(a)) {
    if (i.organisatie_id !== a.organisatieId) throw notFound('Deze inschrijving');
    return { i, k: await kaderVoor(q, a, i.kader_id) };
  }
  const k = await store.kaderRij(q, i.kader_id);
  if (!k || !isEigenaar(a, k)) throw notFound('Deze inschrijving');
  if (i.status !== 'ingediend') throw notFound('Deze inschrijving');
  await vereisOntzegeld(ctx, q, k);
  return { i, k };
}

/** The bid must still be open for changes: the phase accepts bids and the deadline has not passed (server clock, 1 s). */
export async function vereisOpen(ctx: AppContext, q: Queryable, k: KaderRij, wat: string) {
  // the published deadline (an unpublished working version is never enforced)
  const termijnen = await geldendeTermijnen(q, k);
  const dl = deadlineVan(termijnen);
  const nu = ctx.now();
  if (dl && !voorDeadline(nu, dl)) {
    throw conflict(
      'deadline-verstreken',
      `${wat} kan niet meer: de sluitingstermijn was ${instantNaarLokaal(dl)} (Europe/Amsterdam) en het is nu ${instantNaarLokaal(nu)} volgens de serverklok (regel inkoop.deadline.inschrijving).`,
    );
  }
  if (!accepteertInschrijvingen(k.procedure_type, k.fase)) {
    throw conflict(
      'inschrijving-gesloten',
      `${wat} kan niet in fase '${k.fase}' van de procedure (regel inkoop.procedure.v1:${k.procedure_type}).`,
    );
  }
}

/**
 * A document the zorgkantoor generated (a letter, a contract) is stored under the provider's bid but is
 * not the provider's upload: it can never be deleted, replaced or linked as the provider's own evidence
 * (regel inkoop.document.gegenereerd; 0034_document_gegenereerd.sql).
 */
function weigerGegenereerd(d: { id: string; naam: string; doel: string }, wat: string, waar: string): never {
  throw conflict(
    'document-gegenereerd',
    `Het document '${d.naam}' (${d.doel}, id ${d.id}) is door het zorgkantoor opgesteld en hoort bij het dossier; ${wat} kan niet (regel inkoop.document.gegenereerd).`,
    {
      fouten: [
        {
          waar,
          wat: `'${d.naam}' is een door het zorgkantoor gegenereerd document.`,
          actie: 'Upload een eigen document.',
        },
      ],
      actie:
        'Brieven en overeenkomsten van het zorgkantoor blijven bewaard; upload voor uw inschrijving een eigen document.',
    },
  );
}

/** A document of this bid that the provider may link as its own evidence (404 when absent, 409 when generated). */
async function eigenDocument(t: Queryable, inschrijvingId: string, documentId: string, waar: string) {
  if (!isUuid(documentId)) throw notFound('Dit document');
  const d = await store.documentVanInschrijving(t, inschrijvingId, documentId);
  if (!d) throw notFound('Dit document');
  if (d.gegenereerd) weigerGegenereerd(d, 'het als eigen bewijs koppelen', waar);
  return d;
}

function vereisAanbieder(a: Actor) {
  if (!isAanbieder(a))
    throw new AppError(403, 'alleen-aanbieders', 'Alleen de zorgaanbieder zelf werkt aan haar inschrijving.');
}

// ───────────────────────────── Classification ─────────────────────────────

/**
 * Where the classification reads a provider's production agreements and delivered care of a year. Their owners
 * (budget, realisatie) hand them over at the composition root (src/capabilities.ts): they import inkoop, so inkoop
 * cannot import them.
 */
export interface ContractHistorieBron {
  afspraken(
    q: Queryable,
    organisatieId: string,
    jaar: number,
  ): Promise<{ regio_code: string; sector: string; soort: string; overheveling: boolean }[]>;
  productie(q: Queryable, organisatieId: string, jaar: number): Promise<{ regio_code: string; sector: string }[]>;
}
let historieBron: ContractHistorieBron | null = null;
export function gebruikContractHistorieBron(bron: ContractHistorieBron) {
  historieBron = bron;
}

/** The contract/production history of the reference year (agreements and delivered care), plus the contract relations (rol). */
export async function contractHistorie(
  q: Queryable,
  organisatieId: string,
  peiljaar: number,
): Promise<ContractRegel[]> {
  if (!historieBron) throw new Error('contracthistorie: geen bron aangesloten (src/capabilities.ts)');
  const [afspraken, productie] = await Promise.all([
    historieBron.afspraken(q, organisatieId, peiljaar),
    historieBron.productie(q, organisatieId, peiljaar),
  ]);
  const geproduceerd = new Set(productie.map((p) => `${p.regio_code}|${p.sector}`));
  const rows = afspraken.map((a) => ({ ...a, productie: geproduceerd.has(`${a.regio_code}|${a.sector}`) }));
  // Roles besides the main contract (onderaannemer / zzp-pilot / pgb) from the contractrelatie table (src/inkoop/signalen).
  const relaties = await contractrelatiesVoorHistorie(q, organisatieId, peiljaar);
  return [
    ...rows.map((r) => ({
      jaar: peiljaar,
      regioCode: r.regio_code,
      sector: r.sector,
      soort: (['zzp', 'vpt', 'mpt'].includes(r.soort) ? r.soort : 'overig') as ContractRegel['soort'],
      overheveling: !!r.overheveling,
      productie: !!r.productie,
    })),
    ...relaties.map((r): ContractRegel => ({
      jaar: peiljaar,
      regioCode: r.regio_code,
      sector: r.sector,
      soort: 'overig',
      rol: r.rol,
      overheveling: false,
      productie: false,
    })),
  ];
}

/** (Re)classifies the bidder for every region of the kader it has locations in; stores with reason. */
export async function classificeerInschrijving(ctx: AppContext, q: Queryable, k: KaderRij, organisatieId: string) {
  const eigenRegios = await regiosVanAanbieder(q, organisatieId);
  const regios = k.regio_codes.filter((r) => eigenRegios.includes(r));
  const peiljaar = k.jaar_van - 1;
  const historie = await contractHistorie(q, organisatieId, peiljaar);
  const lv = await store.leveringsvormen(q, organisatieId, regios);
  const biedtZzpVpt = lv.some((l) => l.includes('verblijf') || l.includes('vpt'));
  const uit = [];
  for (const regioCode of regios) {
    const c = classificeer({ peiljaar, regioCode, sector: k.sector, biedtZzpVpt }, historie);
    await store.zetClassificatie(q, {
      kaderId: k.id,
      organisatieId,
      regioCode,
      klasse: c.klasse,
      reden: c.reden,
      bewijs: { ...c.bewijs, regel: c.regel },
      op: ctx.now(),
    });
    uit.push({ regioCode, klasse: c.klasse, reden: c.reden });
  }
  return { regios: uit, klasse: bepalendeKlasse(uit.map((x) => x.klasse)) };
}

async function laadClassificatie(q: Queryable, kaderId: string, organisatieId: string) {
  const rows = await store.classificatieRijen(q, kaderId, organisatieId);
  const regios = rows.map((r) => ({
    regioCode: r.regio_code,
    klasse: r.klasse,
    klasseNaam: KLASSE_NAMEN[r.klasse].nl,
    reden: r.reden,
  }));
  const klasse = bepalendeKlasse(regios.map((r) => r.klasse));
  return { klasse, klasseNaam: KLASSE_NAMEN[klasse].nl, regios };
}

// ───────────────────────────── Create / answers / documents ─────────────────────────────

/** Creates (or returns) the provider's own draft for a kader. */
export async function startInschrijving(ctx: AppContext, a: Actor, kaderId: string): Promise<string> {
  vereisAanbieder(a);
  return ctx.db.tx(async (t) => {
    const k = await kaderVoor(t, a, kaderId, true);
    const bestaand = await store.inschrijvingVan(t, kaderId, a.organisatieId);
    if (bestaand) return bestaand.id;
    await vereisOpen(ctx, t, k, 'Een inschrijving starten');
    const eigenRegios = await regiosVanAanbieder(t, a.organisatieId);
    const nu = ctx.now();
    const row = {
      id: await store.voegInschrijvingToe(t, {
        kaderId,
        organisatieId: a.organisatieId,
        kaderVersie: k.gepubliceerde_versie,
        regioCodes: k.regio_codes.filter((r) => eigenRegios.includes(r)),
        op: nu,
      }),
    };
    const c = await classificeerInschrijving(ctx, t, k, a.organisatieId);
    await appendAudit(t, auditActor(a), {
      actie: 'inkoop.inschrijving.gestart',
      onderwerpType: 'inschrijving',
      onderwerpId: row.id,
      invoer: { kaderId },
      resultaat: { status: 'concept', klasse: c.klasse },
    });
    return row.id;
  });
}

async function bewerkConcept(
  ctx: AppContext,
  a: Actor,
  id: string,
  wat: string,
  fn: (t: Queryable, i: InschrijvingRij, k: KaderRij) => Promise<unknown>,
  invoer: unknown,
) {
  vereisAanbieder(a);
  return ctx.db.tx(async (t) => {
    const { i, k } = await inschrijvingVoor(ctx, t, a, id, true);
    await vereisOpen(ctx, t, k, 'Wijzigen');
    if (i.status !== 'concept')
      throw conflict(
        'inschrijving-niet-concept',
        `De inschrijving is ${i.status}; heropen haar eerst om te wijzigen (en dien daarna opnieuw in vóór de sluitingstermijn).`,
      );
    const r = await fn(t, i, k);
    await store.raakInschrijvingAan(t, id, ctx.now());
    await appendAudit(t, auditActor(a), {
      actie: `inkoop.inschrijving.${wat}`,
      onderwerpType: 'inschrijving',
      onderwerpId: id,
      invoer,
    });
    return r;
  });
}

async function eisVan(t: Queryable, k: KaderRij, code: string): Promise<EisRij> {
  const e = await store.eisRij(t, k.id, code);
  if (!e) throw notFound(`Eis ${code}`);
  if (isVoorwaarde(e))
    throw conflict(
      'geen-eis-voor-aanbieder',
      `${e.code} is ${e.groep === GUNNINGSVOORWAARDE ? 'een voorwaarde van de overeenkomst' : 'een voorwaarde voor een tweejarige overeenkomst die het zorgkantoor berekent'}, geen eis die de aanbieder beantwoordt (regel ${VOORWAARDE_REGEL}; ${e.groep === GUNNINGSVOORWAARDE ? BRON_VOORWAARDEN_2008 : BRON_TWEEJARIG_2016}).`,
      {
        fouten: [
          { waar: `antwoorden/${e.code}`, wat: 'Geen eis voor de aanbieder.', actie: 'Beantwoord alleen de eisen.' },
        ],
      },
    );
  return e;
}

const VOORWAARDE_REGEL = 'inkoop.voorwaarde.niet-beantwoord.v1';
/** Contract conditions (2008) and computed two-year conditions (2016): not answered by the provider. */
const isVoorwaarde = (e: Pick<EisRij, 'groep'>) => e.groep === GUNNINGSVOORWAARDE || e.groep === TWEEJARIGE_VOORWAARDE;
/** [requirements the provider answers, conditions shown read-only]. */
function splitsVoorwaarden(eisen: EisRij[]): [EisRij[], EisRij[]] {
  return [eisen.filter((e) => !isVoorwaarde(e)), eisen.filter(isVoorwaarde)];
}

function valideerWaarde(e: EisRij, waarde: unknown, documentId: string | null): Fout[] {
  const waar = `antwoorden/${e.code}`;
  if (waarde === null || waarde === undefined) return [];
  switch (e.soort) {
    case 'ja_nee':
      return typeof waarde === 'boolean' ? [] : [{ waar, wat: 'Verwacht ja of nee (true/false).' }];
    case 'datum':
      return typeof waarde === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(waarde) && !Number.isNaN(Date.parse(waarde))
        ? []
        : [{ waar, wat: 'Verwacht een datum JJJJ-MM-DD.' }];
    case 'getal':
      try {
        parseDecimal(String(waarde));
        return typeof waarde === 'string' ? [] : [{ waar, wat: 'Geef het getal als tekst, bijv. "12.5".' }];
      } catch {
        return [{ waar, wat: `'${waarde}' is geen getal.` }];
      }
    case 'document':
      return documentId ? [] : [{ waar, wat: 'Voeg een document toe.' }];
    default:
      return typeof waarde === 'string' ? [] : [{ waar, wat: 'Verwacht tekst.' }];
  }
}

export async function zetAntwoord(
  ctx: AppContext,
  a: Actor,
  id: string,
  code: string,
  inv: { waarde?: unknown; toelichting?: string | null; documentId?: string | null },
) {
  return bewerkConcept(
    ctx,
    a,
    id,
    'antwoord_gewijzigd',
    async (t, i, k) => {
      const e = await eisVan(t, k, code);
      if (inv.documentId) await eigenDocument(t, i.id, inv.documentId, 'documentId');
      const documentId = inv.documentId !== undefined ? inv.documentId : await store.antwoordDocument(t, i.id, e.id);
      const fouten = e.soort === 'document' ? [] : valideerWaarde(e, inv.waarde, documentId);
      if (fouten.length)
        throw badRequest('antwoord-ongeldig', `Het antwoord op eis ${e.code} past niet bij de soort '${e.soort}'.`, {
          fouten,
        });
      await store.zetAntwoordRij(t, {
        inschrijvingId: i.id,
        eisId: e.id,
        waarde: inv.waarde,
        toelichting: inv.toelichting ?? null,
        documentId,
        op: ctx.now(),
      });
    },
    { code, documentId: inv.documentId ?? null },
  );
}

/** Stores an uploaded document (validated before anything is written) and, with an eisCode, links it as that answer. */
export async function uploadDocument(
  ctx: AppContext,
  a: Actor,
  id: string,
  f: { naam: string; inhoud: Buffer; afgekapt?: boolean; eisCode?: string; doel?: string },
) {
  const naam = f.naam.replace(/[/\\]/g, '_').slice(0, 200);
  const { mime, sha256 } = controleerDocument(naam, f.inhoud, f.afgekapt);
  const doel = f.doel ?? 'inschrijving';
  if (!['inschrijving', 'ontwikkelplan', 'clientenraad', 'zelfanalyse'].includes(doel))
    throw badRequest('doel-onbekend', `Onbekend doel '${doel}'.`);
  // Malware check (built-in + ClamAV when configured) before anything is written: a refused file stores nothing.
  try {
    await controleerOpMalware(
      scannersVoor(ctx.config),
      naam,
      f.inhoud,
      `bestand '${naam}'${f.eisCode ? ` bij eis ${f.eisCode}` : ''} (doel ${doel})`,
    );
  } catch (e) {
    // A refused file is a security event: audited (name, size, hash and finding; never the content) for the provider's own bid.
    if (
      e instanceof AppError &&
      e.code === 'document-malware' &&
      isUuid(id) &&
      (await store.isInschrijvingVan(ctx.db, id, a.organisatieId))
    ) {
      await ctx.db.tx((t) =>
        appendAudit(t, auditActor(a), {
          actie: 'inkoop.document.geweigerd',
          onderwerpType: 'inschrijving',
          onderwerpId: id,
          invoer: { naam, grootte: f.inhoud.length, sha256, doel, eisCode: f.eisCode ?? null },
          resultaat: { code: e.code, bevinding: e.fouten[0]?.wat ?? e.message },
          regel: 'inkoop.document.malware',
        }),
      );
    }
    throw e;
  }
  const opslaan = async (t: Queryable, i: InschrijvingRij, k: KaderRij) => {
    const e = f.eisCode ? await eisVan(t, k, f.eisCode) : null;
    const d = {
      id: await store.voegDocumentToe(t, {
        organisatieId: a.organisatieId,
        inschrijvingId: i.id,
        kaderId: k.id,
        doel,
        eisCode: e?.code ?? null,
        naam,
        mime,
        grootte: f.inhoud.length,
        sha256,
        inhoud: f.inhoud,
        door: a.gebruikerId,
        op: ctx.now(),
      }),
    };
    if (e) await store.koppelDocument(t, i.id, e.id, d.id, ctx.now());
    return { id: d.id, naam, mime, grootte: f.inhoud.length, sha256, eisCode: e?.code ?? null };
  };
  if (doel === 'ontwikkelplan' || doel === 'clientenraad') {
    // Plan evidence may still be added after the deadline, during the dialogue (Inkoopkader Langdurige Zorg 2016, §2.2.4).
    vereisAanbieder(a);
    return ctx.db.tx(async (t) => {
      const { i, k } = await inschrijvingVoor(ctx, t, a, id, true);
      await vereisPlanBewerkbaar(ctx, t, i, k);
      const r = await opslaan(t, i, k);
      await appendAudit(t, auditActor(a), {
        actie: 'inkoop.inschrijving.document_toegevoegd',
        onderwerpType: 'inschrijving',
        onderwerpId: id,
        invoer: { naam, sha256, grootte: f.inhoud.length, doel },
      });
      return r;
    });
  }
  return bewerkConcept(ctx, a, id, 'document_toegevoegd', opslaan, {
    naam,
    sha256,
    grootte: f.inhoud.length,
    eisCode: f.eisCode ?? null,
    doel,
  }) as Promise<{ id: string; naam: string; mime: string; grootte: number; sha256: string; eisCode: string | null }>;
}

export async function verwijderDocument(ctx: AppContext, a: Actor, id: string, documentId: string) {
  await bewerkConcept(
    ctx,
    a,
    id,
    'document_verwijderd',
    async (t, i) => {
      if (!isUuid(documentId)) throw notFound('Dit document');
      const d = await store.documentVanInschrijving(t, i.id, documentId);
      if (!d) throw notFound('Dit document');
      if (d.gegenereerd) weigerGegenereerd(d, 'verwijderen', 'documentId');
      await store.verwijderDocumentRij(t, i.id, documentId);
    },
    { documentId },
  );
}

/** A document's bytes, for its owner, or for the zorgkantoor once the bid is unsealed. */
export async function laadDocument(ctx: AppContext, a: Actor, documentId: string) {
  if (!isUuid(documentId)) throw notFound('Dit document');
  const d = await store.documentMetInhoud(ctx.db, documentId);
  if (!d) throw notFound('Dit document');
  if (d.organisatie_id !== a.organisatieId) {
    if (!d.inschrijving_id) throw notFound('Dit document');
    await inschrijvingVoor(ctx, ctx.db, a, d.inschrijving_id);
  }
  return { naam: d.naam, mime: d.mime, sha256: d.sha256, inhoud: Buffer.from(d.inhoud) };
}

// ───────────────────────────── Completeness, submit, withdraw ─────────────────────────────

/** Requirements that apply to this bidder's class, with what is missing for submission. */
async function toets(q: Queryable, i: InschrijvingRij, k: KaderRij, klasse: Klasse) {
  const eisen = splitsVoorwaarden(await laadEisen(q, k.id))[0].filter((e) => eisGeldtVoor(e.van_toepassing, klasse));
  const antwoorden = await store.antwoordRijen(q, i.id);
  const by = new Map(antwoorden.map((x) => [x.eis_id, x]));
  const ontbreekt: Fout[] = [];
  for (const e of eisen) {
    if (!e.verplicht) continue;
    const x = by.get(e.id);
    const waar = `eis ${e.code}`;
    if (e.soort === 'document') {
      if (!x?.sha256)
        ontbreekt.push({
          waar,
          wat: `Verplicht document ontbreekt: ${e.code} — ${e.tekst}${e.bewijs ? ` (gevraagd: ${e.bewijs})` : ''}`,
          actie: 'Voeg het document toe.',
        });
    } else if (x?.waarde === null || x?.waarde === undefined || (typeof x.waarde === 'string' && !x.waarde.trim())) {
      ontbreekt.push({
        waar,
        wat: `Verplicht antwoord ontbreekt: ${e.code} — ${e.tekst}`,
        actie: 'Vul het antwoord in.',
      });
    }
  }
  return { eisen, antwoorden: by, ontbreekt };
}

async function inhoudVoorOntvangst(
  q: Queryable,
  i: InschrijvingRij,
  k: KaderRij,
  ingediendOp: Date,
  eisen: EisRij[],
  by: Map<string, AntwoordRij>,
) {
  const docs = await store.eigenDocumentRijen(q, i.id);
  const za = await store.zelfanalyseRijen(q, i.id);
  const plan = await store.ontwikkelplanRij(q, i.id);
  // the plan's fields as they go into the receipt (its hash covers exactly these)
  const op = plan
    ? {
        status: plan.status,
        themas: plan.themas,
        doelstelling: plan.doelstelling,
        plan_van_aanpak: plan.plan_van_aanpak,
        planning: plan.planning,
        investering: plan.investering,
        risicos: plan.risicos,
        resultaten: plan.resultaten,
        bewijslast: plan.bewijslast,
        clientenraad_betrokkenheid: plan.clientenraad_betrokkenheid,
      }
    : null;
  return {
    inschrijvingId: i.id,
    kaderId: k.id,
    kaderVersie: k.gepubliceerde_versie,
    organisatieId: i.organisatie_id,
    ingediendOp: ingediendOp.toISOString(),
    antwoorden: eisen
      .filter((e) => by.has(e.id))
      .map((e) => {
        const x = by.get(e.id)!;
        return {
          eis: e.code,
          waarde: x.waarde ?? null,
          toelichting: x.toelichting ?? null,
          documentSha256: x.sha256 ?? null,
        };
      }),
    documenten: docs.map((d) => ({
      naam: d.naam,
      sha256: d.sha256,
      grootte: Number(d.grootte),
      doel: d.doel,
      eis: d.eis_code,
    })),
    zelfanalyse: za,
    ontwikkelplan: op,
  };
}

/** Submits the bid: checks mandatory answers/documents for the bidder's class, then issues the receipt. */
export async function dienIn(ctx: AppContext, a: Actor, id: string): Promise<OntvangstT> {
  vereisAanbieder(a);
  return ctx.db.tx(async (t) => {
    const { i, k } = await inschrijvingVoor(ctx, t, a, id, true);
    await vereisOpen(ctx, t, k, 'Indienen');
    if (i.status === 'ingediend')
      throw conflict(
        'al-ingediend',
        'Deze inschrijving is al ingediend; het ontvangstbewijs staat bij de inschrijving.',
      );
    if (i.status === 'ingetrokken')
      throw conflict('ingetrokken', 'Deze inschrijving is ingetrokken; heropen haar om opnieuw in te dienen.');
    const c = await classificeerInschrijving(ctx, t, k, a.organisatieId);
    const { eisen, antwoorden, ontbreekt } = await toets(t, i, k, c.klasse);
    if (ontbreekt.length) {
      throw unprocessable(
        'inschrijving-onvolledig',
        `De inschrijving is niet compleet: ${ontbreekt.length} verplicht${ontbreekt.length === 1 ? 'e eis ontbreekt' : 'e eisen ontbreken'} voor een ${KLASSE_NAMEN[c.klasse].nl.toLowerCase()} (regel inkoop.inschrijving.volledig). Eerste: ${ontbreekt[0].wat}`,
        { fouten: ontbreekt },
      );
    }
    // Best value: a complete proposal with KPIs is part of the bid, and of the receipt (src/inkoop/bestvalue/).
    const bestValue = k.procedure_type === 'best_value' ? await volledigVoorstelVoorOntvangst(t, i.id) : null;
    const nu = ctx.now();
    const inhoud = {
      ...(await inhoudVoorOntvangst(t, i, k, nu, eisen, antwoorden)),
      ...(bestValue ? { bestValue } : {}),
    };
    const hash = crypto.createHash('sha256').update(canonicalJson(inhoud)).digest('hex');
    const ontvangst = {
      hash,
      algoritme: 'SHA-256 over canonieke JSON van de ingediende inhoud',
      ingediendOp: nu.toISOString(),
      ingediendOpLokaal: instantNaarLokaal(nu),
      kaderVersie: k.gepubliceerde_versie,
      klasse: c.klasse,
      aantalAntwoorden: inhoud.antwoorden.length,
      documenten: inhoud.documenten,
    };
    await store.zetIngediend(t, id, {
      op: nu,
      door: a.gebruikerId,
      hash,
      ontvangst: { ...ontvangst, inhoud },
      kaderVersie: k.gepubliceerde_versie,
    });
    await appendAudit(t, auditActor(a), {
      actie: 'inkoop.inschrijving.ingediend',
      onderwerpType: 'inschrijving',
      onderwerpId: id,
      invoer: { kaderId: k.id, kaderVersie: k.gepubliceerde_versie },
      resultaat: { hash, klasse: c.klasse },
      regel: 'inkoop.deadline.inschrijving',
    });
    return ontvangst;
  });
}

/** Withdraws (ingetrokken) or reopens (concept) a bid, only before the deadline. */
export async function wijzigStatus(ctx: AppContext, a: Actor, id: string, naar: 'ingetrokken' | 'concept') {
  vereisAanbieder(a);
  return ctx.db.tx(async (t) => {
    const { i, k } = await inschrijvingVoor(ctx, t, a, id, true);
    await vereisOpen(ctx, t, k, naar === 'ingetrokken' ? 'Intrekken' : 'Heropenen');
    if (naar === 'ingetrokken' && i.status === 'ingetrokken')
      throw conflict('al-ingetrokken', 'Deze inschrijving is al ingetrokken.');
    if (naar === 'concept' && i.status === 'concept')
      throw conflict('al-concept', 'Deze inschrijving is al een concept.');
    // Open house: once assessed, a bid changes only by re-applying after a rejection (src/inkoop/openhouse, 0031_open_house.sql).
    if (naar === 'concept' && k.procedure_type === 'open_house' && (await store.heeftBeoordelingsbesluit(t, id))) {
      throw conflict(
        'in-beoordeling',
        'Deze aanmelding is beoordeeld of wordt beoordeeld voor toelating; heropenen kan niet. Na een afwijzing kunt u zich opnieuw aanmelden (regel open-house.toelating).',
      );
    }
    const nu = ctx.now();
    await store.zetInschrijvingStatus(t, id, naar, nu);
    await appendAudit(t, auditActor(a), {
      actie: naar === 'ingetrokken' ? 'inkoop.inschrijving.ingetrokken' : 'inkoop.inschrijving.heropend',
      onderwerpType: 'inschrijving',
      onderwerpId: id,
      invoer: { van: i.status },
      resultaat: { naar },
      regel: 'inkoop.deadline.inschrijving',
    });
    return { status: naar };
  });
}

// ───────────────────────────── Read ─────────────────────────────

export async function inschrijvingView(
  ctx: AppContext,
  q: Queryable,
  i: InschrijvingRij,
  k: KaderRij,
): Promise<InschrijvingT> {
  const cl = await laadClassificatie(q, k.id, i.organisatie_id);
  const { eisen, antwoorden, ontbreekt } = await toets(q, i, k, cl.klasse);
  // conditions of the contract (2008 Kader 3.2) and the computed two-year conditions (2016 G1–G4) are no
  // requirements the provider answers: shown apart, read-only, with their source
  const [alle, voorwaarden] = splitsVoorwaarden(await laadEisen(q, k.id));
  const orgNaam = await store.organisatieNaam(q, i.organisatie_id);
  const docs = await store.documentRijen(q, i.id);
  const za = await store.zelfanalyseRijen(q, i.id);
  const op = await store.ontwikkelplanRij(q, i.id);
  const gesprekken = await laadDialooggesprekken(q, i.id);
  const dl = deadlineVan(await geldendeTermijnen(q, k));
  const van = new Set(eisen.map((e) => e.id));
  const nu = ctx.now();
  const voor = !dl || voorDeadline(nu, dl);
  const planOpen =
    op?.status !== 'definitief' &&
    (voor
      ? i.status === 'concept' && accepteertInschrijvingen(k.procedure_type, k.fase)
      : i.status === 'ingediend' &&
        ['inschrijving_gesloten', 'dialoog', 'beoordeling', 'onderhandeling', 'verduidelijking'].includes(k.fase));
  return {
    nu: nu.toISOString(),
    voorDeadline: voor,
    ontwikkelplanBewerkbaar: planOpen,
    id: i.id,
    kaderId: k.id,
    kaderTitel: k.titel,
    organisatieId: i.organisatie_id,
    organisatieNaam: orgNaam,
    status: i.status,
    kaderVersie: i.kader_versie,
    actueleKaderVersie: k.gepubliceerde_versie,
    regioCodes: i.regio_codes,
    ingediendOp: i.ingediend_op ? new Date(i.ingediend_op).toISOString() : null,
    ontvangstHash: i.ontvangst_hash,
    ontvangst: i.ontvangst ? zonderInhoud(i.ontvangst) : null,
    deadline: dl?.toISOString() ?? null,
    wijzigbaar: i.status === 'concept' && voor && accepteertInschrijvingen(k.procedure_type, k.fase),
    classificatie: cl,
    eisen: alle.map((e) => {
      const x = antwoorden.get(e.id);
      return {
        ...eisOut(e),
        vanToepassingOpMij: van.has(e.id),
        antwoord: x
          ? {
              waarde: x.waarde ?? null,
              toelichting: x.toelichting ?? null,
              documentId: x.document_id ?? null,
              documentNaam: x.naam ?? null,
            }
          : null,
      };
    }),
    voorwaarden: voorwaarden.map((e) => ({
      code: e.code,
      groep: e.groep,
      tekst: e.tekst,
      bron: e.bron ?? (e.groep === GUNNINGSVOORWAARDE ? BRON_VOORWAARDEN_2008 : BRON_TWEEJARIG_2016),
      toelichting:
        e.groep === GUNNINGSVOORWAARDE
          ? 'Voorwaarde van de overeenkomst; geen eis die u beantwoordt.'
          : 'Berekend door het zorgkantoor (beslistabel: signalenregister, classificatie, regionale paragraaf); geen eis die u beantwoordt.',
    })),
    ontbreekt,
    documenten: docs.map((d) => ({
      id: d.id,
      naam: d.naam,
      mime: d.mime,
      grootte: Number(d.grootte),
      sha256: d.sha256,
      doel: d.doel,
      eisCode: d.eis_code,
      geuploadOp: new Date(d.geupload_op).toISOString(),
      /** generated by the zorgkantoor (letter, contract): never deletable by the provider */
      gegenereerd: !!d.gegenereerd,
    })),
    zelfanalyse: za.map(zaOut),
    ontwikkelplan: op ? opOut(op) : null,
    dialooggesprekken: gesprekken,
    // warnings before submitting: a gate answered "nee", a careless zelfanalyse, no cliëntenraad (src/inkoop/ontwikkelplan.ts)
    waarschuwingen: await inschrijvingWaarschuwingen(q, k, i.id, cl.klasse),
  };
}
export type InschrijvingView = Awaited<ReturnType<typeof inschrijvingView>>;

async function laadDialooggesprekken(q: Queryable, inschrijvingId: string) {
  const rows = await store.dialooggesprekRijen(q, inschrijvingId);
  return rows.map((g) => ({
    id: g.id,
    datum: new Date(g.datum).toISOString(),
    deelnemers: g.deelnemers,
    onderwerpen: g.onderwerpen,
    verslag: g.verslag,
  }));
}

/** The dialogue minutes of an inschrijving, for whoever may see the inschrijving (same rules as laadInschrijving). */
export async function dialooggesprekken(ctx: AppContext, a: Actor, id: string) {
  const { i } = await inschrijvingVoor(ctx, ctx.db, a, id);
  return laadDialooggesprekken(ctx.db, i.id);
}

export async function laadInschrijving(ctx: AppContext, a: Actor, id: string) {
  const { i, k } = await inschrijvingVoor(ctx, ctx.db, a, id);
  return inschrijvingView(ctx, ctx.db, i, k);
}

/** The provider's own inschrijving for a kader (null when it has none). */
export async function eigenInschrijving(ctx: AppContext, a: Actor, kaderId: string) {
  vereisAanbieder(a);
  const k = await kaderVoor(ctx.db, a, kaderId);
  const i = await store.inschrijvingVan(ctx.db, k.id, a.organisatieId);
  return i ? inschrijvingView(ctx, ctx.db, i, k) : null;
}

/**
 * Submitted bids of a kader for the zorgkantoor (assessors, purchasers), only once unsealed; concepts
 * and withdrawn bids are not listed. Each with the bidder's classification and reason.
 */
export async function lijstInschrijvingen(ctx: AppContext, a: Actor, kaderId: string): Promise<InschrijvingKortT[]> {
  const k = await kaderVoor(ctx.db, a, kaderId);
  if (!isEigenaar(a, k))
    throw new AppError(403, 'geen-eigenaar', 'Alleen het zorgkantoor van dit inkoopkader ziet de inschrijvingen.');
  await vereisOntzegeld(ctx, ctx.db, k);
  const rows = await store.ingediendeInschrijvingen(ctx.db, kaderId);
  const out = [];
  for (const r of rows) {
    const cl = await laadClassificatie(ctx.db, kaderId, r.organisatie_id);
    out.push({
      id: r.id,
      organisatieId: r.organisatie_id,
      organisatieNaam: r.org_naam,
      status: r.status,
      ingediendOp: r.ingediend_op ? new Date(r.ingediend_op).toISOString() : null,
      ontvangstHash: r.ontvangst_hash,
      kaderVersie: r.kader_versie,
      classificatie: cl,
    });
  }
  return out;
}

// ───────────────────────────── Zelfanalyse / ontwikkelplan / dialoog ─────────────────────────────

/** The receipt without the submitted content (the bid itself is shown in full elsewhere in the view). */
function zonderInhoud(o: OntvangstT & { inhoud?: unknown }): OntvangstT {
  const { inhoud: _inhoud, ...rest } = o;
  return rest;
}

const zaOut = (z: ZelfanalyseRij) => ({
  themaCode: z.thema_code,
  huidigeAanpak: z.huidige_aanpak,
  sterktes: z.sterktes,
  ontwikkelpunten: z.ontwikkelpunten,
  ervaringClient: z.ervaring_client,
  niveau: z.niveau,
  gegevens: z.gegevens,
  inOntwikkelplan: z.in_ontwikkelplan,
});

export interface ZelfanalyseInvoer {
  huidigeAanpak?: string | null;
  sterktes?: string | null;
  ontwikkelpunten?: string | null;
  ervaringClient?: string | null;
  niveau?: string | null;
  gegevens?: string | null;
  inOntwikkelplan?: boolean;
}

/** One quality theme of the zelfanalyse (Inkoopkader Langdurige Zorg 2016, §2.2.3; C3–C8); part of the bid, so only while it is a concept. */
export async function zetZelfanalyse(ctx: AppContext, a: Actor, id: string, themaCode: string, z: ZelfanalyseInvoer) {
  await bewerkConcept(
    ctx,
    a,
    id,
    'zelfanalyse_gewijzigd',
    async (t, i, k) => {
      // the kader's own themes, or its template's of the same sector (src/inkoop/themas.ts)
      vereisThemaVanKader(k, themaCode);
      await store.zetZelfanalyseRij(
        t,
        i.id,
        {
          themaCode,
          huidigeAanpak: z.huidigeAanpak ?? null,
          sterktes: z.sterktes ?? null,
          ontwikkelpunten: z.ontwikkelpunten ?? null,
          ervaringClient: z.ervaringClient ?? null,
          niveau: z.niveau ?? null,
          gegevens: z.gegevens ?? null,
          inOntwikkelplan: z.inOntwikkelplan ?? false,
        },
        ctx.now(),
      );
    },
    { themaCode },
  );
}

export const opOut = (o: OntwikkelplanRij) => ({
  status: o.status,
  akkoordOp: o.akkoord_op ? new Date(o.akkoord_op).toISOString() : null,
  teruggestuurdReden: o.teruggestuurd_reden ?? null,
  themas: o.themas,
  doelstelling: o.doelstelling,
  planVanAanpak: o.plan_van_aanpak,
  planning: o.planning,
  investering: o.investering,
  risicos: o.risicos,
  resultaten: o.resultaten,
  bewijslast: o.bewijslast,
  clientenraadBetrokkenheid: o.clientenraad_betrokkenheid,
  clientenraadDocumentId: o.clientenraad_document_id,
  definitiefOp: o.definitief_op ? new Date(o.definitief_op).toISOString() : null,
});

/** The 7 required elements of a final ontwikkelplan (Inkoopkader Langdurige Zorg 2016, §2.2.4). */
export const ONTWIKKELPLAN_ELEMENTEN = [
  { veld: 'doelstelling', code: 'E1', naam: 'de doelstelling van het ontwikkelplan voor de cliënt' },
  { veld: 'planVanAanpak', code: 'E2', naam: 'een SMART plan van aanpak' },
  { veld: 'planning', code: 'E3', naam: 'de planning' },
  { veld: 'investering', code: 'E4', naam: 'de financiële investering' },
  { veld: 'risicos', code: 'E5', naam: "de risico's en de beheersing daarvan" },
  { veld: 'resultaten', code: 'E6', naam: 'de resultaten waartoe het plan leidt' },
  { veld: 'bewijslast', code: 'E7', naam: 'de bewijslast rondom het behalen van de resultaten' },
] as const;

export interface OntwikkelplanInvoer {
  themas?: string[];
  doelstelling?: string | null;
  planVanAanpak?: string | null;
  planning?: string | null;
  investering?: string | null;
  risicos?: string | null;
  resultaten?: string | null;
  bewijslast?: string | null;
  clientenraadBetrokkenheid?: string | null;
  clientenraadDocumentId?: string | null;
}

/**
 * The voorstel is part of the bid (editable while the bid is a concept, before the deadline); after
 * the deadline the plan is worked out in the dialogue (phases inschrijving_gesloten / dialoog /
 * beoordeling) for a submitted bid, until it is final.
 */
async function vereisPlanBewerkbaar(ctx: AppContext, t: Queryable, i: InschrijvingRij, k: KaderRij) {
  const dl = deadlineVan(await geldendeTermijnen(t, k));
  const voor = !dl || voorDeadline(ctx.now(), dl);
  if (voor) {
    if (i.status !== 'concept')
      throw conflict(
        'inschrijving-niet-concept',
        `De inschrijving is ${i.status}; heropen haar eerst om het voorstel te wijzigen.`,
      );
    if (!accepteertInschrijvingen(k.procedure_type, k.fase))
      throw conflict('inschrijving-gesloten', `Wijzigen kan niet in fase '${k.fase}'.`);
    return;
  }
  if (
    i.status !== 'ingediend' ||
    !['inschrijving_gesloten', 'dialoog', 'beoordeling', 'onderhandeling', 'verduidelijking'].includes(k.fase)
  ) {
    throw conflict(
      'ontwikkelplan-gesloten',
      `Het ontwikkelplan kan nu niet gewijzigd worden: de sluitingstermijn is verstreken en de procedure is in fase '${k.fase}' (regel inkoop.ontwikkelplan.dialoog: na de sluiting alleen voor een ingediende inschrijving tijdens dialoog/beoordeling).`,
    );
  }
}

export async function zetOntwikkelplan(ctx: AppContext, a: Actor, id: string, p: OntwikkelplanInvoer) {
  vereisAanbieder(a);
  if (p.investering !== undefined && p.investering !== null) {
    const r = controleerDecimaal(p.investering, DECIMALEN.bedrag);
    if (!r.ok)
      throw badRequest('investering-ongeldig', `'${p.investering.slice(0, 40)}' is geen geldig bedrag.`, {
        fouten: [{ waar: 'investering', wat: r.wat, actie: 'Geef een bedrag in euro\'s als tekst, bijv. "25000.00".' }],
      });
    p = { ...p, investering: r.waarde };
  }
  return ctx.db.tx(async (t) => {
    const { i, k } = await inschrijvingVoor(ctx, t, a, id, true);
    await vereisPlanBewerkbaar(ctx, t, i, k);
    const cur = await store.ontwikkelplanRij(t, i.id);
    if (cur?.status === 'definitief' || cur?.status === 'akkoord')
      throw conflict(
        'ontwikkelplan-definitief',
        cur.status === 'akkoord'
          ? 'Het zorgkantoor heeft met dit definitieve ontwikkelplan ingestemd; het kan niet meer gewijzigd worden.'
          : 'Het ontwikkelplan is als definitief aangeboden en wacht op het zorgkantoor (akkoord of teruggestuurd met een reden); het kan nu niet gewijzigd worden.',
      );
    if (p.clientenraadDocumentId) await eigenDocument(t, i.id, p.clientenraadDocumentId, 'clientenraadDocumentId');
    const m: OntwikkelplanInvoer = { ...(cur ? opOut(cur) : {}), ...p };
    await store.zetOntwikkelplanRij(
      t,
      i.id,
      {
        themas: m.themas ?? [],
        doelstelling: m.doelstelling ?? null,
        planVanAanpak: m.planVanAanpak ?? null,
        planning: m.planning ?? null,
        investering: m.investering ?? null,
        risicos: m.risicos ?? null,
        resultaten: m.resultaten ?? null,
        bewijslast: m.bewijslast ?? null,
        clientenraadBetrokkenheid: m.clientenraadBetrokkenheid ?? null,
        clientenraadDocumentId: m.clientenraadDocumentId ?? null,
      },
      ctx.now(),
    );
    await appendAudit(t, auditActor(a), {
      actie: 'inkoop.ontwikkelplan.gewijzigd',
      onderwerpType: 'inschrijving',
      onderwerpId: id,
      invoer: { velden: Object.keys(p) },
    });
  });
}

/** Voorstel → definitief: all 7 elements and evidence of cliëntenraad involvement (D6) are required. */
export async function maakOntwikkelplanDefinitief(ctx: AppContext, a: Actor, id: string) {
  vereisAanbieder(a);
  return ctx.db.tx(async (t) => {
    const { i, k } = await inschrijvingVoor(ctx, t, a, id, true);
    await vereisPlanBewerkbaar(ctx, t, i, k);
    const cur = await store.ontwikkelplanRij(t, i.id);
    if (!cur) throw unprocessable('ontwikkelplan-ontbreekt', 'Er is nog geen ontwikkelplan.');
    if (cur.status === 'definitief' || cur.status === 'akkoord')
      throw conflict('ontwikkelplan-definitief', 'Het ontwikkelplan is al definitief aangeboden.');
    const o = opOut(cur);
    const fouten: Fout[] = ONTWIKKELPLAN_ELEMENTEN.filter(
      (e) => o[e.veld] === null || o[e.veld] === undefined || String(o[e.veld]).trim() === '',
    ).map((e) => ({ waar: e.veld, wat: `Element ${e.code} ontbreekt: ${e.naam}.`, actie: 'Vul dit element in.' }));
    // Cliëntenraad involvement is asked for ("Wij vragen zorgaanbieders …"), not a condition: a warning (src/inkoop/ontwikkelplan.ts).
    const waarschuwingen = clientenraadWaarschuwing(o);
    if (fouten.length)
      throw unprocessable(
        'ontwikkelplan-onvolledig',
        `Het ontwikkelplan kan niet definitief worden: ${fouten.length} onderde${fouten.length === 1 ? 'el ontbreekt' : 'len ontbreken'} (regel inkoop.ontwikkelplan.definitief, Inkoopkader Langdurige Zorg 2016, §2.2.4).`,
        { fouten },
      );
    const nu = ctx.now();
    await store.zetPlanDefinitief(t, i.id, nu, a.gebruikerId);
    await appendAudit(t, auditActor(a), {
      actie: 'inkoop.ontwikkelplan.definitief',
      onderwerpType: 'inschrijving',
      onderwerpId: id,
      invoer: { van: 'voorstel' },
      resultaat: { naar: 'definitief', waarschuwingen },
      regel: 'inkoop.ontwikkelplan.definitief',
    });
    return { status: 'definitief', waarschuwingen };
  });
}

/** Minutes of a dialogue meeting (zorgkantoor, after the deadline). */
export async function legDialoogVast(
  ctx: AppContext,
  a: Actor,
  id: string,
  g: {
    datum: string;
    deelnemers: { naam: string; rol?: string; organisatie?: string }[];
    onderwerpen: string[];
    verslag?: string;
  },
) {
  if (!isZorgkantoor(a))
    throw new AppError(403, 'alleen-zorgkantoor', 'Alleen het zorgkantoor legt een dialooggesprek vast.');
  const datum = eisTijdstip(g.datum, 'datum');
  return ctx.db.tx(async (t) => {
    const { i } = await inschrijvingVoor(ctx, t, a, id);
    const row = {
      id: await store.voegDialooggesprekToe(t, {
        inschrijvingId: i.id,
        datum,
        deelnemers: g.deelnemers,
        onderwerpen: g.onderwerpen,
        verslag: g.verslag ?? null,
        door: a.gebruikerId,
        op: ctx.now(),
      }),
    };
    await appendAudit(t, auditActor(a), {
      actie: 'inkoop.dialoog.vastgelegd',
      onderwerpType: 'inschrijving',
      onderwerpId: id,
      invoer: { datum: g.datum, onderwerpen: g.onderwerpen },
    });
    return row.id;
  });
}
