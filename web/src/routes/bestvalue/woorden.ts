/**
 * Word count as the server counts it (src/inkoop/bestvalue/voorstel.ts telWoorden): runs of
 * non-whitespace; the limit applies to voorstel + kansen + risico's together.
 */
export function telWoorden(s: string | null | undefined): number {
  if (!s) return 0;
  const m = s.match(/\S+/g);
  return m ? m.length : 0;
}
