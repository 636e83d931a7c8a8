/**
 * Dialogue times are Dutch wall-clock times (Europe/Amsterdam), whatever the browser's own time
 * zone: entered as "JJJJ-MM-DDTUU:MM" and sent as an ISO instant; shown in Amsterdam time.
 */
import type { Taal } from '../../ui/index.ts';

const TZ = 'Europe/Amsterdam';

/** Minutes Amsterdam is ahead of UTC at this instant. */
function offsetMinuten(ms: number): number {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: TZ,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(new Date(ms))
      .map((x) => [x.type, x.value]),
  );
  return (
    (Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second) - Math.floor(ms / 1000) * 1000) / 60000
  );
}

/** "2025-08-20T10:00" (Amsterdam) → "2025-08-20T08:00:00.000Z"; null when it is no valid time. */
export function amsterdamNaarIso(lokaal: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(lokaal);
  if (!m) return null;
  const alsUtc = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  if (Number.isNaN(alsUtc)) return null;
  let ms = alsUtc - offsetMinuten(alsUtc) * 60000;
  ms = alsUtc - offsetMinuten(ms) * 60000;
  return new Date(ms).toISOString();
}

/** An instant as "20 aug 2025 10:00" / "20 Aug 2025 10:00" in Amsterdam time. */
export function formatAmsterdam(iso: string | null | undefined, taal: Taal): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(taal === 'en' ? 'en-GB' : 'nl-NL', {
    timeZone: TZ,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}
