/**
 * SQL on the inkoop capability's tables. For now only the reads of the public read model
 * (src/inkoop/publiek.ts): published kaders, their stored snapshots and the Nota's van Inlichtingen.
 * Every query has a declared row type.
 */
import type { Queryable } from '../platform/db/index.ts';
import type { Fase, ProcedureType } from '../domain/inkoop/procedure.ts';
import type { KaderSnapshot } from './kader.ts';

type Tijdstip = Date | string;

/** A published kader joined with the stored snapshot of one of its published versions. */
export interface PubliekKaderRij {
  id: string;
  organisatie_id: string;
  zorgkantoor_naam: string;
  fase: Fase;
  procedure_type: ProcedureType;
  gepubliceerde_versie: number;
  eerst_gepubliceerd_op: Tijdstip;
  versie: number;
  snapshot: KaderSnapshot;
  sha256: string;
  versie_gepubliceerd_op: Tijdstip;
  wijzigingen: string | null;
}

const BASIS = `SELECT k.id, k.organisatie_id, o.naam AS zorgkantoor_naam, k.fase, k.procedure_type, k.gepubliceerde_versie, k.gepubliceerd_op AS eerst_gepubliceerd_op,
    v.versie, v.snapshot, v.sha256, v.gepubliceerd_op AS versie_gepubliceerd_op, v.wijzigingen
  FROM inkoopkader k
  JOIN inkoopkader_versie v ON v.kader_id = k.id
  JOIN organisatie o ON o.id = k.organisatie_id
  WHERE k.fase <> 'concept' AND k.gepubliceerde_versie IS NOT NULL`;

export interface PubliekFilter {
  jaar?: number;
  sector?: string;
  regio?: string;
  zorgkantoor?: string;
}

/** The latest published version of every published kader that passes the filter. */
export function gepubliceerdeKaders(q: Queryable, f: PubliekFilter): Promise<PubliekKaderRij[]> {
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
  return q.query<PubliekKaderRij>(
    `${BASIS} AND ${where.join(' AND ')}
    ORDER BY (v.snapshot->>'jaarVan')::int DESC, o.naam, v.snapshot->>'titel', k.id`,
    p,
  );
}

export interface PubliekeKeuzeRij {
  organisatie_id: string;
  naam: string;
  jaar_van: number;
  jaar_tot: number;
  sector: string;
  regios: string[];
}

/** Zorgkantoor, years, sector and regions of every published kader (for filter choices). */
export function publiekeKeuzes(q: Queryable): Promise<PubliekeKeuzeRij[]> {
  return q.query<PubliekeKeuzeRij>(
    `SELECT k.organisatie_id, o.naam, (v.snapshot->>'jaarVan')::int AS jaar_van, (v.snapshot->>'jaarTot')::int AS jaar_tot, v.snapshot->>'sector' AS sector,
       ARRAY(SELECT jsonb_array_elements_text(v.snapshot->'regioCodes')) AS regios
     FROM inkoopkader k JOIN inkoopkader_versie v ON v.kader_id = k.id AND v.versie = k.gepubliceerde_versie JOIN organisatie o ON o.id = k.organisatie_id
     WHERE k.fase <> 'concept' AND k.gepubliceerde_versie IS NOT NULL`,
  );
}

/** One published version of a kader (the latest published when versie is undefined). */
export function gepubliceerdKader(
  q: Queryable,
  id: string,
  versie: number | undefined,
): Promise<PubliekKaderRij | undefined> {
  return q.maybeOne<PubliekKaderRij>(
    `${BASIS} AND k.id = $1 AND v.versie = ${versie === undefined ? 'k.gepubliceerde_versie' : '$2'}`,
    versie === undefined ? [id] : [id, versie],
  );
}

/** Whether any version of the kader was published. */
export async function isGepubliceerd(q: Queryable, id: string): Promise<boolean> {
  return !!(await q.maybeOne<PubliekKaderRij>(`${BASIS} AND k.id = $1 LIMIT 1`, [id]));
}

export interface PubliekeVersieRij {
  versie: number;
  sha256: string;
  gepubliceerd_op: Tijdstip;
  wijzigingen: string | null;
}

/** The published versions of a kader up to and including tot, newest first. */
export function gepubliceerdeVersies(q: Queryable, id: string, tot: number): Promise<PubliekeVersieRij[]> {
  return q.query<PubliekeVersieRij>(
    'SELECT versie, sha256, gepubliceerd_op, wijzigingen FROM inkoopkader_versie WHERE kader_id = $1 AND versie <= $2 ORDER BY versie DESC',
    [id, tot],
  );
}

/** One stored line of a published Nota van Inlichtingen (as written by publishing it; read defensively). */
export interface NotaRegelOpgeslagen {
  nummer?: unknown;
  onderwerp?: string | null;
  eisCode?: string | null;
  vraag?: unknown;
  antwoord?: unknown;
}

export interface NotaRij {
  versie: number;
  sha256: string;
  gepubliceerd_op: Tijdstip;
  inhoud: NotaRegelOpgeslagen[] | null;
}

/**
 * The published Nota's van Inlichtingen of a kader, newest first. Only the published, anonymous
 * content: the columns that name the asker (vraag.organisatie_id, gesteld_door) are in another table
 * and never read here.
 */
export function notasVanInlichtingen(q: Queryable, kaderId: string): Promise<NotaRij[]> {
  return q.query<NotaRij>(
    'SELECT versie, sha256, gepubliceerd_op, inhoud FROM nota_van_inlichtingen WHERE kader_id = $1 ORDER BY versie DESC',
    [kaderId],
  );
}
