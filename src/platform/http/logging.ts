/**
 * Structured JSON logging (pino, through Fastify's logger). One JSON object per line on stdout:
 * requests (method, path without query string, status, duration), security refusals (401/403/429
 * with route, status, problem code and user id) and unexpected errors under a `foutId` that the
 * user sees in the answer. Never logged: bodies, query strings, cookies, the Authorization and
 * X-CSRF-Token headers, e-mail addresses, BSNs, passwords, IP addresses. Error messages are
 * scrubbed of quoted values (PostgreSQL quotes the offending input) before they are logged.
 */
import type { Writable } from 'node:stream';

/** false: no log (tests); true: stdout at level info; or a stream (tests that read the log) and a level. */
export type LogOptie = boolean | undefined | { stream: Writable; level?: string };

export const LOG_REDACT = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'headers.cookie',
  'headers.authorization',
  'headers["x-csrf-token"]',
  '*.bsn',
  '*.wachtwoord',
  '*.email',
  '*.csrfToken',
];

export function loggerOpties(o: LogOptie): false | Record<string, unknown> {
  if (!o) return false;
  const level = (typeof o === 'object' ? o.level : undefined) ?? process.env.LOG_LEVEL ?? 'info';
  return {
    level,
    ...(typeof o === 'object' ? { stream: o.stream } : {}),
    redact: { paths: LOG_REDACT, censor: '[verborgen]' },
    serializers: {
      req: (req: { method?: string; url?: string; id?: string }) => ({
        methode: req.method,
        pad: String(req.url ?? '').split('?')[0],
      }),
      res: (res: { statusCode?: number }) => ({ status: res.statusCode }),
      err: veiligeFout,
    },
  };
}

/** Values between quotes, key=(value) pairs, e-mail addresses and long digit runs (BSN-like) are hidden. */
export function schoon(s: string): string {
  return s
    .replace(/"[^"]*"/g, '"…"')
    .replace(/'[^']*'/g, "'…'")
    .replace(/\(([^)]*)\)=\(([^)]*)\)/g, '(…)=(…)')
    .replace(/[^\s@"'()]+@[^\s@"'()]+/g, '[e-mail]')
    .replace(/\d{8,}/g, '[getal]');
}

/** An error as it may be logged: type, code, scrubbed message, stack frames; PostgreSQL's table/column names. */
export function veiligeFout(err: unknown): Record<string, unknown> {
  if (err && typeof err === 'object' && !(err instanceof Error) && 'bericht' in err)
    return err as Record<string, unknown>;
  if (!(err instanceof Error)) return { type: typeof err, bericht: schoon(String(err)).slice(0, 500) };
  const e = err as Error & Record<string, unknown>;
  const out: Record<string, unknown> = {
    type: e.constructor?.name ?? 'Error',
    bericht: schoon(e.message ?? '').slice(0, 500),
  };
  for (const k of ['code', 'table', 'column', 'constraint', 'routine', 'statusCode'])
    if (typeof e[k] === 'string' || typeof e[k] === 'number') out[k] = e[k];
  if (e.stack)
    out.stack = e.stack
      .split('\n')
      .filter((l) => /^\s+at /.test(l))
      .slice(0, 15)
      .map((l) => l.trim());
  return out;
}
