/**
 * Personal data at rest: a BSN is stored only as a keyed token (HMAC-SHA256, for lookup) and as
 * AES-256-GCM ciphertext (to write it into iWlz messages); other personal data (names,
 * addresses) only as ciphertext. The key never lives in git or in the database:
 *   1. ZORGINKOOP_SLEUTEL_PERSOONSGEGEVENS (32 bytes, base64) — required with a PostgreSQL server;
 *   2. under the test runner (NODE_ENV=test): a random key per process, never written anywhere;
 *   3. the embedded database: a key generated once in its data directory
 *      (`persoonsgegevens.sleutel`, mode 0600), next to the data it protects — development only.
 * Encryption and token keys are derived from that one key with HKDF, so they differ.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './config.ts';
import { AppError } from './errors.ts';

export interface Sleutels {
  enc: Buffer;
  mac: Buffer;
  /** where the key came from (never the key itself) */
  herkomst: 'omgeving' | 'test' | 'bestand';
}

export const SLEUTEL_ENV = 'ZORGINKOOP_SLEUTEL_PERSOONSGEGEVENS';
export const SLEUTEL_BESTAND = 'persoonsgegevens.sleutel';

let testSleutel: Buffer | undefined;
const cache = new Map<string, Sleutels>();

function afleiden(master: Buffer, herkomst: Sleutels['herkomst']): Sleutels {
  const d = (info: string) => Buffer.from(crypto.hkdfSync('sha256', master, Buffer.alloc(0), info, 32));
  return { enc: d('zorginkoop/persoonsgegevens/aes-gcm'), mac: d('zorginkoop/persoonsgegevens/bsn-token'), herkomst };
}

function decodeer(b64: string): Buffer {
  const k = Buffer.from(b64.trim(), 'base64');
  if (k.length !== 32)
    throw new AppError(1, 'sleutel-ongeldig', `${SLEUTEL_ENV} moet 32 bytes in base64 zijn (nu ${k.length} bytes).`, {
      actie: "Maak een sleutel met `node -e \"console.log(require('crypto').randomBytes(32).toString('base64'))\"`.",
    });
  return k;
}

export function persoonsgegevensSleutels(config: Config): Sleutels {
  if (config.sleutelPersoonsgegevens) {
    const c = cache.get(config.sleutelPersoonsgegevens);
    if (c) return c;
    const s = afleiden(decodeer(config.sleutelPersoonsgegevens), 'omgeving');
    cache.set(config.sleutelPersoonsgegevens, s);
    return s;
  }
  if (process.env.NODE_ENV === 'test') {
    testSleutel ??= crypto.randomBytes(32);
    return afleiden(testSleutel, 'test');
  }
  if (!config.databaseUrl) {
    const pad = path.join(config.dataDir, SLEUTEL_BESTAND);
    const c = cache.get(pad);
    if (c) return c;
    if (!fs.existsSync(pad)) {
      fs.mkdirSync(config.dataDir, { recursive: true });
      fs.writeFileSync(pad, crypto.randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
    }
    const s = afleiden(decodeer(fs.readFileSync(pad, 'utf8')), 'bestand');
    cache.set(pad, s);
    return s;
  }
  throw new AppError(
    1,
    'sleutel-ontbreekt',
    `Er is geen sleutel voor persoonsgegevens ingesteld (${SLEUTEL_ENV}); zonder sleutel worden geen BSN's of namen opgeslagen.`,
    {
      actie: `Zet ${SLEUTEL_ENV} op 32 willekeurige bytes in base64 (bewaar hem in uw sleutelkluis, niet in git) en start opnieuw.`,
    },
  );
}

/** Keyed token of a BSN: equal BSNs give equal tokens under one key; not reversible. */
export function bsnToken(s: Sleutels, bsn: string): string {
  return crypto.createHmac('sha256', s.mac).update(bsn, 'utf8').digest('hex');
}

/**
 * AES-256-GCM with a random 96-bit IV; `context` (e.g. the row id) is bound as additional
 * authenticated data, so a ciphertext copied to another row does not decrypt.
 */
export function versleutel(s: Sleutels, tekst: string, context: string): string {
  const iv = crypto.randomBytes(12);
  const c = crypto.createCipheriv('aes-256-gcm', s.enc, iv);
  c.setAAD(Buffer.from(context, 'utf8'));
  const ct = Buffer.concat([c.update(tekst, 'utf8'), c.final()]);
  return 'v1:' + Buffer.concat([iv, ct, c.getAuthTag()]).toString('base64');
}

export function ontsleutel(s: Sleutels, waarde: string, context: string): string {
  if (!waarde.startsWith('v1:')) throw new Error('onbekend versleutelformaat');
  const b = Buffer.from(waarde.slice(3), 'base64');
  const d = crypto.createDecipheriv('aes-256-gcm', s.enc, b.subarray(0, 12));
  d.setAAD(Buffer.from(context, 'utf8'));
  d.setAuthTag(b.subarray(b.length - 16));
  return Buffer.concat([d.update(b.subarray(12, b.length - 16)), d.final()]).toString('utf8');
}

/** A BSN as people may see it in lists: only the last three digits. */
export const maskeerBsn = (bsn: string) => '******' + bsn.slice(-3);
