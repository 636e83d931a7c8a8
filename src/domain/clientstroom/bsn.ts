/**
 * The BSN check (elfproef): 9 digits d1..d9 with 9·d1 + 8·d2 + … + 2·d8 − 1·d9 divisible by 11
 * (and not 0). Pure.
 */
export function isGeldigBsn(bsn: string): boolean {
  if (!/^\d{9}$/.test(bsn)) return false;
  let s = 0;
  for (let i = 0; i < 8; i++) s += Number(bsn[i]) * (9 - i);
  s -= Number(bsn[8]);
  return s % 11 === 0 && bsn !== '000000000';
}
