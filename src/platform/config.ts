import path from 'node:path';
import { AppError } from './errors.ts';

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret?: string;
  redirectUri: string;
  /** claim that holds the user's e-mail, matched against local accounts */
  emailClaim: string;
  /** name of the identity provider on the login button ("Inloggen met …"); OIDC_NAAM, default the issuer's host name */
  naam?: string;
}

export interface Config {
  /** PostgreSQL server; when absent the embedded PGlite database in dataDir is used */
  databaseUrl?: string;
  dataDir: string;
  port: number;
  host: string;
  cookieSecure: boolean;
  oidc?: OidcConfig;
  /**
   * ClamAV daemon for scanning uploaded documents, `host:port` (ZORGINKOOP_CLAMD, e.g. 127.0.0.1:3310).
   * Used in addition to the built-in check (src/platform/virusscan.ts); when set but unreachable,
   * uploads are refused (fail closed). Unset: only the built-in check.
   */
  clamd?: string;
  /**
   * Key for personal data at rest (BSN, names), 32 bytes base64 (ZORGINKOOP_SLEUTEL_PERSOONSGEGEVENS).
   * Required with a PostgreSQL server; the embedded database generates one in its data directory
   * (src/platform/persoonsgegevens.ts). Never in git, never logged.
   */
  sleutelPersoonsgegevens?: string;
  /** argon2 cost; lowered only in tests */
  passwordHashCost: 'normaal' | 'test';
  /**
   * Idle timeout of a session in minutes (ZORGINKOOP_SESSIE_INACTIEF_MINUTEN, default 30): a session
   * without a request for this long ends, on top of the absolute limit of 12 hours.
   */
  sessieInactiefMinuten: number;
}

/** Whole minutes from 1 to 720 (the absolute session limit); anything else is refused at start. */
function minuten(raw: string | undefined, standaard: number, naam: string): number {
  if (raw === undefined || raw.trim() === '') return standaard;
  const n = Number(raw.trim());
  if (!Number.isInteger(n) || n < 1 || n > 720)
    throw new AppError(1, 'configuratie-ongeldig', `${naam} moet een heel aantal minuten zijn (nu: "${raw}").`, {
      actie: `Geef ${naam} een getal van 1 tot en met 720, of laat hem weg voor ${standaard} minuten.`,
    });
  return n;
}

export function loadConfig(overrides: Partial<Config> = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const oidc: OidcConfig | undefined = env.OIDC_ISSUER
    ? {
        issuer: env.OIDC_ISSUER,
        clientId: env.OIDC_CLIENT_ID ?? '',
        clientSecret: env.OIDC_CLIENT_SECRET,
        redirectUri: env.OIDC_REDIRECT_URI ?? `http://localhost:${env.PORT ?? 3000}/api/v1/auth/oidc/callback`,
        emailClaim: env.OIDC_EMAIL_CLAIM ?? 'email',
        naam: env.OIDC_NAAM || undefined,
      }
    : undefined;
  const portRaw = env.PORT ?? '3000';
  const port = Number(portRaw);
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.ZORGINKOOP_DATA_DIR ?? '.zorginkoop'),
    port: Number.isInteger(port) ? port : NaN,
    host: env.HOST ?? '127.0.0.1',
    cookieSecure: env.COOKIE_SECURE === 'true' || env.NODE_ENV === 'production',
    oidc,
    clamd: env.ZORGINKOOP_CLAMD?.trim() || undefined,
    sleutelPersoonsgegevens: env.ZORGINKOOP_SLEUTEL_PERSOONSGEGEVENS?.trim() || undefined,
    passwordHashCost: 'normaal',
    sessieInactiefMinuten: minuten(env.ZORGINKOOP_SESSIE_INACTIEF_MINUTEN, 30, 'ZORGINKOOP_SESSIE_INACTIEF_MINUTEN'),
    ...overrides,
  };
}
