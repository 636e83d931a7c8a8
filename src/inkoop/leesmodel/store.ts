/**
 * Reads of inkoop tables that other capabilities need (exported through src/inkoop/index.ts).
 * Every query has a declared row type; nothing here writes.
 */
import type { Queryable } from '../../platform/db/index.ts';

/**
 * The latest adopted assessment score (beoordeling_besluit.totaalscore, status vastgesteld) of each
 * provider, over all its inschrijvingen; providers without one are absent. Scores as text, exact.
 */
export async function laatsteVastgesteldeScores(
  q: Queryable,
  organisatieIds: string[],
): Promise<Map<string, string | null>> {
  if (!organisatieIds.length) return new Map();
  const rows = await q.query<{ organisatie_id: string; score: string | null }>(
    `SELECT DISTINCT ON (s.organisatie_id) s.organisatie_id, b.totaalscore::text AS score
       FROM beoordeling_besluit b JOIN inschrijving s ON s.id = b.inschrijving_id
      WHERE s.organisatie_id = ANY($1::text[]) AND b.status = 'vastgesteld'
      ORDER BY s.organisatie_id, b.besloten_op DESC NULLS LAST`,
    [organisatieIds],
  );
  return new Map(rows.map((r) => [r.organisatie_id, r.score]));
}
