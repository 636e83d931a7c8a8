/**
 * Published snapshots as users read them. A snapshot is stored once and never rewritten (its SHA-256
 * is public), but versions published before migration 0036 carry the old requirement groups: the
 * 2016 template's two-year conditions G1–G4 and the 2008 template's Kader 3.2 gunningsvoorwaarden
 * (GV-…) as knock-out criteria. Read, they get today's grouping (the same mapping 0036 applied to the
 * working requirements, for template-made kaders only), and the snapshot says which codes were mapped.
 */
import type { KaderSnapshot } from './schemas.ts';

export const SNAPSHOT_GROEPEN_REGEL = 'inkoop.kader.snapshot.groepen.v1';

/** The group a requirement has today, given the template the kader was made from (0036_poort_voorwaarden_ontwikkelplan_prijs.sql). */
export function huidigeGroep(sjabloon: string | null, code: string, groep: string): string {
  if (groep !== 'gunningscriterium_knockout') return groep;
  if (sjabloon === 'wlz-2016' && ['G1', 'G2', 'G3', 'G4'].includes(code)) return 'tweejarige_voorwaarde';
  if (sjabloon === 'awbz-2008' && code.startsWith('GV-')) return 'gunningsvoorwaarde';
  return groep;
}

/**
 * The snapshot in today's grouping (a copy; the stored snapshot is not touched). A snapshot that needs
 * no mapping is returned as it is, so its SHA-256 still checks; a mapped one names every code it mapped.
 */
export function normaliseerSnapshot(snap: KaderSnapshot, sjabloon: string | null): KaderSnapshot {
  const bijgewerkt: { code: string; van: string; naar: string; regel: string }[] = [];
  const eisen = (Array.isArray(snap.eisen) ? snap.eisen : []).map((e) => {
    const naar = huidigeGroep(sjabloon, e.code, e.groep);
    if (naar === e.groep) return e;
    bijgewerkt.push({ code: e.code, van: e.groep, naar, regel: SNAPSHOT_GROEPEN_REGEL });
    return { ...e, groep: naar };
  });
  return bijgewerkt.length ? { ...snap, eisen, eisGroepenBijgewerkt: bijgewerkt } : snap;
}
