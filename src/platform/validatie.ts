/**
 * Field checks that services share, answering 400 with `{ waar, wat, actie }` in Dutch:
 * decimals bounded like their numeric(p, s) column, and points in time within a sane range.
 */
import { controleerDecimaal, type DecimaalRegels } from '../domain/money.ts';
import { lokaalNaarInstant } from '../domain/inkoop/timeline.ts';
import { badRequest } from './errors.ts';

/** Bounds of the numeric columns (digits before the point, decimals). */
export const DECIMALEN = {
  /** numeric(14,2) euros: investering, aangeboden prijs */
  bedrag: { cijfers: 12, decimalen: 2, teken: 'niet-negatief' },
  /** numeric(7,2) ≥ 0: gewicht */
  gewicht: { cijfers: 5, decimalen: 2, teken: 'niet-negatief' },
  /** numeric(7,2): schaal, score */
  score: { cijfers: 5, decimalen: 2 },
} as const satisfies Record<string, DecimaalRegels>;

/** The normalised decimal string, or 400 'decimaal-ongeldig' naming `waar`. */
export function eisDecimaal(v: unknown, waar: string, regels: DecimaalRegels): string {
  const r = controleerDecimaal(v, regels);
  if (r.ok) return r.waarde;
  throw badRequest('decimaal-ongeldig', `Ongeldig getal in ${waar}: ${r.wat}`, {
    fouten: [{ waar, wat: r.wat, actie: r.actie }],
  });
}

const ISO_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/i;

/**
 * A point in time: an ISO 8601 instant with Z or an offset ("2025-08-20T10:00:00+02:00"), or
 * Amsterdam local time ("2025-08-20T10:00", a date alone is 00:00). Years outside 2000–2100 are refused.
 */
export function eisTijdstip(
  v: unknown,
  waar: string,
  jaren: { van: number; tot: number } = { van: 2000, tot: 2100 },
): Date {
  const fout = (wat: string) =>
    badRequest('tijdstip-ongeldig', `Ongeldig tijdstip in ${waar}.`, {
      fouten: [
        {
          waar,
          wat,
          actie: 'Geef een datum en tijd als JJJJ-MM-DDTUU:MM (Europe/Amsterdam) of ISO 8601 met tijdzone.',
        },
      ],
    });
  if (typeof v !== 'string') throw fout('Verwacht een tijdstip als tekst.');
  const s = v.trim();
  let d: Date;
  if (ISO_RE.test(s)) d = new Date(s);
  else {
    try {
      d = lokaalNaarInstant(s);
    } catch {
      throw fout(`'${s.slice(0, 40)}' is geen tijdstip.`);
    }
  }
  if (Number.isNaN(d.getTime())) throw fout(`'${s.slice(0, 40)}' is geen bestaand tijdstip.`);
  const jaar = Number(s.slice(0, 4));
  if (jaar < jaren.van || jaar > jaren.tot) throw fout(`Het jaar ${jaar} ligt buiten ${jaren.van}–${jaren.tot}.`);
  return d;
}

/**
 * Whether s has the shape of a UUID as the database writes it (36 characters: hex digits and
 * dashes). Checked before a lookup, so a malformed id answers 404 instead of a database error.
 */
export function isUuid(s: string): boolean {
  return /^[0-9a-f-]{36}$/i.test(s);
}
