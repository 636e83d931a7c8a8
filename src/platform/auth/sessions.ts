/**
 * Sessions: a random token in an HTTP-only cookie, only its SHA-256 stored. A session ends
 *  - at the latest SESSION_HOURS after sign-in (absolute limit),
 *  - after `inactiefMinuten` without a request (idle timeout, Config.sessieInactiefMinuten, default 30),
 *  - when the person signs out, signs out everywhere, or signs in again with a password
 *    (a password sign-in ends that person's earlier sessions: docs/beheer.md).
 * Ended and expired rows are purged at every sign-in (purgeExpiredSessions).
 */
import crypto from 'node:crypto';
import type { Queryable } from '../db/index.ts';
import type { Actor } from './roles.ts';

export const SESSION_COOKIE = 'zk_sessie';
export const SESSION_HOURS = 12;
export const DEFAULT_IDLE_MINUTES = 30;
/** laatst_actief_op is written at most once per this many seconds per session (not on every request). */
const ACTIVITY_WRITE_SECONDS = 60;

const sha = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

/** Creates a session; only the token's hash is stored, so a database leak reveals no live session. */
export async function createSession(
  q: Queryable,
  gebruikerId: string,
): Promise<{ token: string; csrf: string; verlooptOp: Date }> {
  const token = crypto.randomBytes(32).toString('base64url');
  const csrf = crypto.randomBytes(24).toString('base64url');
  const verlooptOp = new Date(Date.now() + SESSION_HOURS * 3600_000);
  await q.query(
    'INSERT INTO sessie (token_hash, gebruiker_id, csrf_token, verloopt_op, laatst_actief_op) VALUES ($1,$2,$3,$4,now())',
    [sha(token), gebruikerId, csrf, verlooptOp],
  );
  return { token, csrf, verlooptOp };
}

/** The user and organisation columns every sign-in query reads. */
interface ActorRij {
  id: string;
  naam: string;
  email: string;
  rollen: Actor['rollen'];
  taal: Actor['taal'];
  org_id: string;
  org_naam: string;
  soort: Actor['organisatieSoort'];
}

function actorVanRij(r: ActorRij): Actor {
  return {
    gebruikerId: r.id,
    naam: r.naam,
    email: r.email,
    rollen: r.rollen,
    taal: r.taal,
    organisatieId: r.org_id,
    organisatieNaam: r.org_naam,
    organisatieSoort: r.soort,
  };
}

/**
 * The live session of a token, or null when it is unknown, past its absolute end, idle for longer
 * than `inactiefMinuten`, or its user is inactive. A live session's activity time is refreshed.
 */
export async function loadSession(
  q: Queryable,
  token: string | undefined,
  inactiefMinuten: number = DEFAULT_IDLE_MINUTES,
): Promise<{ actor: Actor; csrf: string } | null> {
  if (!token) return null;
  const hash = sha(token);
  const r = await q.maybeOne<ActorRij & { csrf_token: string; bijwerken: boolean }>(
    `SELECT s.csrf_token, g.id, g.naam, g.email, g.rollen, g.taal, o.id AS org_id, o.naam AS org_naam, o.soort,
            s.laatst_actief_op < now() - make_interval(secs => $3) AS bijwerken
     FROM sessie s JOIN gebruiker g ON g.id = s.gebruiker_id JOIN organisatie o ON o.id = g.organisatie_id
     WHERE s.token_hash = $1 AND s.verloopt_op > now() AND s.laatst_actief_op > now() - make_interval(mins => $2) AND g.actief`,
    [hash, inactiefMinuten, ACTIVITY_WRITE_SECONDS],
  );
  if (!r) return null;
  if (r.bijwerken) await q.query('UPDATE sessie SET laatst_actief_op = now() WHERE token_hash = $1', [hash]);
  return { csrf: r.csrf_token, actor: actorVanRij(r) };
}

export async function deleteSession(q: Queryable, token: string): Promise<void> {
  await q.query('DELETE FROM sessie WHERE token_hash = $1', [sha(token)]);
}

/** Ends every session of a person (log out everywhere; a new password sign-in). Returns how many ended. */
export async function deleteSessionsOf(q: Queryable, gebruikerId: string): Promise<number> {
  return (await q.query('DELETE FROM sessie WHERE gebruiker_id = $1 RETURNING 1', [gebruikerId])).length;
}

/** Removes sessions past their absolute end or idle for longer than `inactiefMinuten`. Returns how many. */
export async function purgeExpiredSessions(
  q: Queryable,
  inactiefMinuten: number = DEFAULT_IDLE_MINUTES,
): Promise<number> {
  return (
    await q.query(
      'DELETE FROM sessie WHERE verloopt_op <= now() OR laatst_actief_op <= now() - make_interval(mins => $1) RETURNING 1',
      [inactiefMinuten],
    )
  ).length;
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

/** The signed-in shape of an active user by e-mail (case-insensitive), for CLI decisions (`--als`) and the demo. */
export async function actorByEmail(q: Queryable, email: string): Promise<Actor | undefined> {
  const r = await q.maybeOne<ActorRij>(
    `SELECT g.id, g.naam, g.email, g.rollen, g.taal, o.id AS org_id, o.naam AS org_naam, o.soort
       FROM gebruiker g JOIN organisatie o ON o.id = g.organisatie_id WHERE lower(g.email) = lower($1) AND g.actief`,
    [email],
  );
  return r ? actorVanRij(r) : undefined;
}
