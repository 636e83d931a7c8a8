/**
 * Errors a user can act on. Every failure that reaches a user (HTTP problem+json, CLI message)
 * says what was wrong, where, and what to do.
 */
export interface Fout {
  /** where: file:line:column, a field path, a route parameter */
  waar?: string;
  /** what was wrong */
  wat: string;
  /** what to do about it */
  actie?: string;
}

export class AppError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fouten: Fout[];
  readonly actie?: string;
  constructor(status: number, code: string, message: string, opts: { fouten?: Fout[]; actie?: string } = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.fouten = opts.fouten ?? [];
    this.actie = opts.actie;
  }
}

export const badRequest = (code: string, message: string, opts?: { fouten?: Fout[]; actie?: string }) =>
  new AppError(400, code, message, opts);
export const unauthorized = (message = 'Niet ingelogd. Log in en probeer het opnieuw.') =>
  new AppError(401, 'niet-ingelogd', message);
export const forbidden = (message = 'U heeft geen toegang tot deze gegevens.') =>
  new AppError(403, 'geen-toegang', message);
export const notFound = (what: string) =>
  new AppError(404, 'niet-gevonden', `${what} bestaat niet of is niet voor u zichtbaar.`);
export const conflict = (code: string, message: string, opts?: { fouten?: Fout[]; actie?: string }) =>
  new AppError(409, code, message, opts);
export const unprocessable = (code: string, message: string, opts?: { fouten?: Fout[]; actie?: string }) =>
  new AppError(422, code, message, opts);

/** One line per error for a terminal: message, then each fout as "waar: wat (actie)". */
export function formatForTerminal(err: unknown): string {
  if (err instanceof AppError) {
    const lines = [err.message];
    for (const f of err.fouten)
      lines.push(`  - ${f.waar ? f.waar + ': ' : ''}${f.wat}${f.actie ? ` → ${f.actie}` : ''}`);
    if (err.actie) lines.push(`  ${err.actie}`);
    return lines.join('\n');
  }
  if (err instanceof Error) return err.message;
  return String(err);
}
