import type { QueryClient, QueryKey } from '@tanstack/react-query';

/**
 * Refreshes the queries under `key` after a change on the server. A fetch still in flight started
 * before the change and may answer without it; `invalidateQueries` alone reuses such a fetch when
 * the query has no data yet (the first load of a page, slow on a large worklist), so the page would
 * keep the old answer. Cancel those fetches first, then fetch again.
 */
export async function verversNaWijziging(qc: QueryClient, key: QueryKey): Promise<void> {
  await qc.cancelQueries({ queryKey: key });
  await qc.invalidateQueries({ queryKey: key });
}
