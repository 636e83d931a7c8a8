import path from 'node:path';

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
    ...overrides,
  };
}
