import crypto from 'node:crypto';
import type { Queryable } from '../db/index.ts';
import type { Actor } from './roles.ts';

export const SESSION_COOKIE = 'zk_sessie';
export const SESSION_HOURS = 12;

const sha = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

/** Creates a session; only the token's hash is stored, so a database leak reveals no live session. */
export async function createSession(
  q: Queryable,
  gebruikerId: string,
): Promise<{ token: string; csrf: string; verlooptOp: Date }> {
  const token = crypto.randomBytes(32).toString('base64url');
  const csrf = crypto.randomBytes(24).toString('base64url');
  const verlooptOp = new Date(Date.now() + SESSION_HOURS * 3600_000);
  await q.query('INSERT INTO sessie (token_hash, gebruiker_id, csrf_token, verloopt_op) VALUES ($1,$2,$3,$4)', [
    sha(token),
    gebruikerId,
    csrf,
    verlooptOp,
  ]);
  return { token, csrf, verlooptOp };
}

export async function loadSession(
  q: Queryable,
  token: string | undefined,
): Promise<{ actor: Actor; csrf: string } | null> {
  if (!token) return null;
  const r = await q.maybeOne<any>(
    `SELECT s.csrf_token, g.id, g.naam, g.email, g.rollen, g.taal, o.id AS org_id, o.naam AS org_naam, o.soort
     FROM sessie s JOIN gebruiker g ON g.id = s.gebruiker_id JOIN organisatie o ON o.id = g.organisatie_id
     WHERE s.token_hash = $1 AND s.verloopt_op > now() AND g.actief`,
    [sha(token)],
  );
  if (!r) return null;
  return {
    csrf: r.csrf_token,
    actor: {
      gebruikerId: r.id,
      naam: r.naam,
      email: r.email,
      rollen: r.rollen,
      taal: r.taal,
      organisatieId: r.org_id,
      organisatieNaam: r.org_naam,
      organisatieSoort: r.soort,
    },
  };
}

export async function deleteSession(q: Queryable, token: string): Promise<void> {
  await q.query('DELETE FROM sessie WHERE token_hash = $1', [sha(token)]);
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}
