/**
 * Openbaar (public transparency, BRIEF capability 8): published procurement frameworks for anyone,
 * without signing in. Reads only what a zorgkantoor has published:
 *   - inkoopkader_versie: the immutable snapshot of every published version (with its SHA-256);
 *   - nota_van_inlichtingen: the anonymous Nota van Inlichtingen versions;
 *   - reference data (organisation, region and sector names) to make the snapshot readable.
 * Never read here: the working (unpublished) version, concept kaders, inschrijvingen (bids, bidders,
 * counts), scores, classification, signals, or who asked a question. A kader that was never published
 * does not exist for the public (404), exactly as for a provider outside its regions.
 */
import type { AppContext } from '../platform/context.ts';
import type { Queryable } from '../platform/db/index.ts';
import { notFound } from '../platform/errors.ts';
import { PROCEDURE_NAMEN, type Fase, type ProcedureType } from '../domain/inkoop/procedure.ts';
import {
  gepubliceerdeKaders,
  gepubliceerdKader,
  gepubliceerdeVersies,
  isGepubliceerd,
  publiekeKeuzes,
  publiekeNotas,
  type KaderSnapshot,
  type PubliekKaderRij,
} from '../inkoop/index.ts';
import {
  aftelling,
  instantNaarLokaal,
  TERMIJN_NAMEN,
  voorDeadline,
  type Aftelling,
} from '../domain/inkoop/timeline.ts';

/** Dutch names of the procedure phases, for readers of the API (the web app translates the codes). */
export const FASE_NAMEN: Record<Fase, string> = {
  concept: 'Concept',
  gepubliceerd: 'Gepubliceerd',
  vragenronde: 'Vragenronde',
  nvi_gepubliceerd: 'Nota van Inlichtingen gepubliceerd',
  toelating_doorlopend: 'Doorlopende toelating',
  inschrijving_gesloten: 'Inschrijving gesloten',
  preselectie: 'Preselectie',
  onderhandeling: 'Onderhandeling',
  dialoog: 'Dialoog',
  beoordeling: 'Beoordeling',
  verduidelijking: 'Verduidelijking',
  voorlopige_gunning: 'Voorlopige gunning',
  bezwaartermijn: 'Bezwaartermijn',
  definitieve_gunning: 'Definitieve gunning',
  afgerond: 'Afgerond',
  ingetrokken: 'Ingetrokken',
};

export interface OpenbaarFilter {
  jaar?: number;
  sector?: string;
  regio?: string;
  zorgkantoor?: string;
}

const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

interface Namen {
  regios: Map<string, string>;
  sectoren: Map<string, { naam: string; naamEn: string }>;
}
async function namen(q: Queryable): Promise<Namen> {
  const r = await q.query<{ code: string; naam: string }>('SELECT code, naam FROM regio');
  const s = await q.query<{ code: string; naam: string; naam_en: string }>('SELECT code, naam, naam_en FROM sector');
  return {
    regios: new Map(r.map((x) => [x.code, x.naam])),
    sectoren: new Map(s.map((x) => [x.code, { naam: x.naam, naamEn: x.naam_en }])),
  };
}

const procedureVan = (p: ProcedureType) => ({
  type: p,
  naam: PROCEDURE_NAMEN[p].nl,
  naamEn: PROCEDURE_NAMEN[p].en,
  bron: PROCEDURE_NAMEN[p].bron,
});

/** The submission deadline as published in this snapshot, with the countdown on the server clock. */
function deadline(
  snap: KaderSnapshot,
  nu: Date,
): { deadline: string | null; deadlineLokaal: string | null; aftelling: Aftelling | null } {
  const eind = snap.termijnen?.find((t) => t.fase === 'inschrijving')?.eindigtOp;
  if (!eind) return { deadline: null, deadlineLokaal: null, aftelling: null };
  const d = new Date(eind);
  return { deadline: d.toISOString(), deadlineLokaal: instantNaarLokaal(d), aftelling: aftelling(nu, d) };
}

/** Facts about the kader the public list and page show, all taken from the published snapshot. */
function kop(r: PubliekKaderRij, n: Namen, nu: Date) {
  const s = r.snapshot;
  const sector = n.sectoren.get(s.sector);
  return {
    id: r.id,
    titel: s.titel,
    zorgkantoor: { id: r.organisatie_id, naam: r.zorgkantoor_naam },
    jaarVan: s.jaarVan,
    jaarTot: s.jaarTot,
    sector: { code: s.sector, naam: sector?.naam ?? s.sector, naamEn: sector?.naamEn ?? s.sector },
    regios: (s.regioCodes ?? []).map((code) => ({ code, naam: n.regios.get(code) ?? code })),
    procedure: procedureVan(r.procedure_type),
    fase: r.fase,
    faseNaam: FASE_NAMEN[r.fase] ?? r.fase,
    gepubliceerdeVersie: r.gepubliceerde_versie,
    eerstGepubliceerdOp: new Date(r.eerst_gepubliceerd_op).toISOString(),
    ...deadline(s, nu),
  };
}

// ───────────────────────────── List ─────────────────────────────

/** Published kaders of all zorgkantoren (latest published version), with filter choices. */
export async function lijstOpenbaar(ctx: AppContext, f: OpenbaarFilter) {
  const nu = ctx.now();
  const rows = await gepubliceerdeKaders(ctx.db, f);
  const n = await namen(ctx.db);
  const kaders = rows.map((r) => ({
    ...kop(r, n, nu),
    versieGepubliceerdOp: new Date(r.versie_gepubliceerd_op).toISOString(),
  }));

  // The choices for the filters: over every published kader, not only the filtered ones.
  const alle = await publiekeKeuzes(ctx.db);
  const jaren = new Set<number>();
  const sectoren = new Set<string>();
  const regios = new Set<string>();
  const zk = new Map<string, string>();
  for (const a of alle) {
    for (let j = Number(a.jaar_van); j <= Number(a.jaar_tot); j++) jaren.add(j);
    sectoren.add(a.sector);
    for (const r of a.regios ?? []) regios.add(r);
    zk.set(a.organisatie_id, a.naam);
  }
  return {
    nu: nu.toISOString(),
    aantal: kaders.length,
    kaders,
    keuzes: {
      jaren: [...jaren].sort((a, b) => b - a),
      sectoren: [...sectoren].sort().map((code) => ({
        code,
        naam: n.sectoren.get(code)?.naam ?? code,
        naamEn: n.sectoren.get(code)?.naamEn ?? code,
      })),
      regios: [...regios].sort().map((code) => ({ code, naam: n.regios.get(code) ?? code })),
      zorgkantoren: [...zk].map(([id, naam]) => ({ id, naam })).sort((a, b) => a.naam.localeCompare(b.naam, 'nl')),
    },
  };
}

// ───────────────────────────── One kader ─────────────────────────────

/**
 * One published kader: a published version exactly as stored (latest by default), its timeline with
 * countdowns on the server clock, every published version with its SHA-256, and the anonymous Nota
 * van Inlichtingen versions. 404 for anything that was never published.
 */
export async function kaderOpenbaar(ctx: AppContext, id: string, versie?: number) {
  if (!isUuid(id)) throw notFound('Dit inkoopkader');
  const nu = ctx.now();
  const r = await gepubliceerdKader(ctx.db, id, versie);
  if (!r) {
    if (versie !== undefined && (await isGepubliceerd(ctx.db, id)))
      throw notFound(`Versie ${versie} van dit inkoopkader`);
    throw notFound('Dit inkoopkader');
  }
  const n = await namen(ctx.db);
  const versies = await gepubliceerdeVersies(ctx.db, id, r.gepubliceerde_versie);
  // Only the published, anonymous content of each Nota (src/inkoop/publiek.ts).
  const nvis = await publiekeNotas(ctx.db, id);
  const snap = r.snapshot;
  const tijdlijn = (snap.termijnen ?? []).map((t) => {
    const eind = t.eindigtOp ? new Date(t.eindigtOp) : null;
    return {
      fase: t.fase,
      naam: TERMIJN_NAMEN[t.fase]?.nl ?? t.naam,
      naamEn: TERMIJN_NAMEN[t.fase]?.en ?? t.naam,
      begintOp: t.begintOp,
      eindigtOp: t.eindigtOp,
      begintLokaal: t.begintLokaal,
      eindigtLokaal: t.eindigtLokaal,
      omschrijving: t.omschrijving ?? null,
      verstreken: eind ? !voorDeadline(nu, eind) : false,
      aftelling: eind ? aftelling(nu, eind) : null,
    };
  });
  return {
    ...kop(r, n, nu),
    nu: nu.toISOString(),
    tijdzone: 'Europe/Amsterdam',
    versie: r.versie,
    actueel: r.versie === r.gepubliceerde_versie,
    sha256: r.sha256,
    gepubliceerdOp: new Date(r.versie_gepubliceerd_op).toISOString(),
    wijzigingen: r.wijzigingen,
    tijdlijn,
    /** the stored snapshot, unchanged: SHA-256 of its canonical JSON equals `sha256` */
    gepubliceerd: snap,
    versies: versies.map((v) => ({
      versie: v.versie,
      sha256: v.sha256,
      gepubliceerdOp: new Date(v.gepubliceerd_op).toISOString(),
      wijzigingen: v.wijzigingen,
    })),
    notasVanInlichtingen: nvis,
  };
}
