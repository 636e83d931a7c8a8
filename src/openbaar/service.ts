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
  aftelling,
  instantNaarLokaal,
  TERMIJN_NAMEN,
  voorDeadline,
  type Aftelling,
  type TermijnFase,
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

/** The snapshot as stored by publiceer() in src/inkoop/kader.ts (read, never rebuilt). */
interface Snapshot {
  id: string;
  versie: number;
  zorgkantoorId: string;
  titel: string;
  jaarVan: number;
  jaarTot: number;
  sector: string;
  regioCodes: string[];
  procedureType: ProcedureType;
  omschrijving: string | null;
  regionaleParagraaf?: unknown;
  termijnen: {
    fase: TermijnFase;
    naam: string;
    begintOp: string | null;
    eindigtOp: string | null;
    begintLokaal: string | null;
    eindigtLokaal: string | null;
    omschrijving: string | null;
  }[];
  eisen: { code: string; groep: string; tekst: string; soort: string; bron: string | null; [k: string]: unknown }[];
  [k: string]: unknown;
}

/** The rows every public read starts from: published kaders joined with the stored snapshot of a version. */
interface PubliekRij {
  id: string;
  organisatie_id: string;
  zorgkantoor_naam: string;
  fase: Fase;
  procedure_type: ProcedureType;
  gepubliceerde_versie: number;
  eerst_gepubliceerd_op: Date;
  versie: number;
  snapshot: Snapshot;
  sha256: string;
  versie_gepubliceerd_op: Date;
  wijzigingen: string | null;
}

const BASIS = `SELECT k.id, k.organisatie_id, o.naam AS zorgkantoor_naam, k.fase, k.procedure_type, k.gepubliceerde_versie, k.gepubliceerd_op AS eerst_gepubliceerd_op,
    v.versie, v.snapshot, v.sha256, v.gepubliceerd_op AS versie_gepubliceerd_op, v.wijzigingen
  FROM inkoopkader k
  JOIN inkoopkader_versie v ON v.kader_id = k.id
  JOIN organisatie o ON o.id = k.organisatie_id
  WHERE k.fase <> 'concept' AND k.gepubliceerde_versie IS NOT NULL`;

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
  snap: Snapshot,
  nu: Date,
): { deadline: string | null; deadlineLokaal: string | null; aftelling: Aftelling | null } {
  const eind = snap.termijnen?.find((t) => t.fase === 'inschrijving')?.eindigtOp;
  if (!eind) return { deadline: null, deadlineLokaal: null, aftelling: null };
  const d = new Date(eind);
  return { deadline: d.toISOString(), deadlineLokaal: instantNaarLokaal(d), aftelling: aftelling(nu, d) };
}

/** Facts about the kader the public list and page show, all taken from the published snapshot. */
function kop(r: PubliekRij, n: Namen, nu: Date) {
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
  const where: string[] = ['v.versie = k.gepubliceerde_versie'];
  const p: unknown[] = [];
  if (f.jaar !== undefined) {
    p.push(f.jaar);
    where.push(`(v.snapshot->>'jaarVan')::int <= $${p.length} AND (v.snapshot->>'jaarTot')::int >= $${p.length}`);
  }
  if (f.sector) {
    p.push(f.sector);
    where.push(`v.snapshot->>'sector' = $${p.length}`);
  }
  if (f.regio) {
    p.push(f.regio);
    where.push(`v.snapshot->'regioCodes' @> jsonb_build_array($${p.length}::text)`);
  }
  if (f.zorgkantoor) {
    p.push(f.zorgkantoor);
    where.push(`k.organisatie_id = $${p.length}`);
  }
  const rows = await ctx.db.query<PubliekRij>(
    `${BASIS} AND ${where.join(' AND ')}
    ORDER BY (v.snapshot->>'jaarVan')::int DESC, o.naam, v.snapshot->>'titel', k.id`,
    p,
  );
  const n = await namen(ctx.db);
  const kaders = rows.map((r) => ({
    ...kop(r, n, nu),
    versieGepubliceerdOp: new Date(r.versie_gepubliceerd_op).toISOString(),
  }));

  // The choices for the filters: over every published kader, not only the filtered ones.
  const alle = await ctx.db.query<{
    organisatie_id: string;
    naam: string;
    jaar_van: number;
    jaar_tot: number;
    sector: string;
    regios: string[];
  }>(
    `SELECT k.organisatie_id, o.naam, (v.snapshot->>'jaarVan')::int AS jaar_van, (v.snapshot->>'jaarTot')::int AS jaar_tot, v.snapshot->>'sector' AS sector,
       ARRAY(SELECT jsonb_array_elements_text(v.snapshot->'regioCodes')) AS regios
     FROM inkoopkader k JOIN inkoopkader_versie v ON v.kader_id = k.id AND v.versie = k.gepubliceerde_versie JOIN organisatie o ON o.id = k.organisatie_id
     WHERE k.fase <> 'concept' AND k.gepubliceerde_versie IS NOT NULL`,
  );
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
  const r = await ctx.db.maybeOne<PubliekRij>(
    `${BASIS} AND k.id = $1 AND v.versie = ${versie === undefined ? 'k.gepubliceerde_versie' : '$2'}`,
    versie === undefined ? [id] : [id, versie],
  );
  if (!r) {
    if (versie !== undefined && (await ctx.db.maybeOne(`${BASIS} AND k.id = $1 LIMIT 1`, [id])))
      throw notFound(`Versie ${versie} van dit inkoopkader`);
    throw notFound('Dit inkoopkader');
  }
  const n = await namen(ctx.db);
  const versies = await ctx.db.query<{
    versie: number;
    sha256: string;
    gepubliceerd_op: Date;
    wijzigingen: string | null;
  }>(
    'SELECT versie, sha256, gepubliceerd_op, wijzigingen FROM inkoopkader_versie WHERE kader_id = $1 AND versie <= $2 ORDER BY versie DESC',
    [id, r.gepubliceerde_versie],
  );
  // Only the published, anonymous content of each Nota: the columns that name the asker (vraag.organisatie_id,
  // gesteld_door) are in another table and never read here; the fields of each line are listed explicitly.
  const nvis = await ctx.db.query<{ versie: number; sha256: string; gepubliceerd_op: Date; inhoud: any[] }>(
    'SELECT versie, sha256, gepubliceerd_op, inhoud FROM nota_van_inlichtingen WHERE kader_id = $1 ORDER BY versie DESC',
    [id],
  );
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
    notasVanInlichtingen: nvis.map((x) => ({
      versie: x.versie,
      sha256: x.sha256,
      gepubliceerdOp: new Date(x.gepubliceerd_op).toISOString(),
      regels: (Array.isArray(x.inhoud) ? x.inhoud : []).map((l) => ({
        nummer: Number(l.nummer),
        onderwerp: l.onderwerp ?? null,
        eisCode: l.eisCode ?? null,
        vraag: String(l.vraag ?? ''),
        antwoord: String(l.antwoord ?? ''),
      })),
    })),
  };
}
