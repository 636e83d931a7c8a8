/**
 * The append-only audit log. Every entry carries the hash of its predecessor, so changing,
 * inserting or removing any entry breaks the chain from that point on; `verifyAudit` finds it.
 */
import crypto from 'node:crypto';
import type { Db, Queryable } from './db/index.ts';
import type { Actor } from './auth/roles.ts';

/** Who decided, as the audit log records it (never the e-mail address). */
/** A row of the audit log (table audit_regel) as it is read back. */
export interface AuditRij {
  volgnummer: number | string;
  tijd: Date | string;
  actor_id: string | null;
  actor_naam: string | null;
  organisatie_id: string | null;
  actie: string;
  onderwerp_type: string;
  onderwerp_id: string;
  invoer: unknown;
  resultaat: unknown;
  regel: string | null;
  vorige_hash: string;
  hash: string;
}

export function auditActor(a: Actor) {
  return { gebruikerId: a.gebruikerId, naam: a.naam, organisatieId: a.organisatieId };
}

export interface AuditActor {
  gebruikerId: string | null;
  naam: string;
  organisatieId: string | null;
}

export const SYSTEEM: AuditActor = { gebruikerId: null, naam: 'systeem', organisatieId: null };

export interface AuditInput {
  actie: string;
  onderwerpType: string;
  onderwerpId: string;
  /** everything the decision was based on */
  invoer?: unknown;
  resultaat?: unknown;
  /** the rule, model or policy version applied */
  regel?: string;
}

/** JSON with object keys sorted at every level: the same value always gives the same text. */
export function canonicalJson(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return '[' + v.map(canonicalJson).join(',') + ']';
  if (v instanceof Date) return JSON.stringify(v.toISOString());
  if (typeof v === 'object') {
    const keys = Object.keys(v as object)
      .filter((k) => (v as any)[k] !== undefined)
      .sort();
    return '{' + keys.map((k) => JSON.stringify(k) + ':' + canonicalJson((v as any)[k])).join(',') + '}';
  }
  if (typeof v === 'number' && !Number.isFinite(v)) return 'null';
  return JSON.stringify(v);
}

interface Hashable {
  volgnummer: number;
  tijd: string;
  actor_id: string | null;
  actor_naam: string | null;
  organisatie_id: string | null;
  actie: string;
  onderwerp_type: string;
  onderwerp_id: string;
  invoer: unknown;
  resultaat: unknown;
  regel: string | null;
  vorige_hash: string;
}

export function entryHash(e: Hashable): string {
  const body = canonicalJson({
    volgnummer: e.volgnummer,
    tijd: e.tijd,
    actor_id: e.actor_id,
    actor_naam: e.actor_naam,
    organisatie_id: e.organisatie_id,
    actie: e.actie,
    onderwerp_type: e.onderwerp_type,
    onderwerp_id: e.onderwerp_id,
    invoer: e.invoer ?? {},
    resultaat: e.resultaat ?? null,
    regel: e.regel,
    vorige_hash: e.vorige_hash,
  });
  return crypto.createHash('sha256').update(body).digest('hex');
}

/** JSON round trip so what we hash is exactly what jsonb gives back. */
const normalise = (v: unknown) => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));

/** Append one entry. Call inside the transaction that makes the decision, so both commit or neither. */
export async function appendAudit(
  q: Queryable,
  actor: AuditActor,
  input: AuditInput,
): Promise<{ volgnummer: number; hash: string }> {
  const kop = await q.one<{ volgnummer: number; hash: string }>(
    'SELECT volgnummer, hash FROM audit_kop WHERE id = 1 FOR UPDATE',
  );
  const e: Hashable = {
    volgnummer: Number(kop.volgnummer) + 1,
    tijd: new Date().toISOString(),
    actor_id: actor.gebruikerId,
    actor_naam: actor.naam,
    organisatie_id: actor.organisatieId,
    actie: input.actie,
    onderwerp_type: input.onderwerpType,
    onderwerp_id: input.onderwerpId,
    invoer: normalise(input.invoer) ?? {},
    resultaat: normalise(input.resultaat) ?? null,
    regel: input.regel ?? null,
    vorige_hash: kop.hash,
  };
  const hash = entryHash(e);
  await q.query(
    `INSERT INTO audit_regel (volgnummer, tijd, actor_id, actor_naam, organisatie_id, actie, onderwerp_type, onderwerp_id, invoer, resultaat, regel, vorige_hash, hash)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)`,
    [
      e.volgnummer,
      e.tijd,
      e.actor_id,
      e.actor_naam,
      e.organisatie_id,
      e.actie,
      e.onderwerp_type,
      e.onderwerp_id,
      JSON.stringify(e.invoer),
      e.resultaat === null ? null : JSON.stringify(e.resultaat),
      e.regel,
      e.vorige_hash,
      hash,
    ],
  );
  await q.query('UPDATE audit_kop SET volgnummer = $1, hash = $2 WHERE id = 1', [e.volgnummer, hash]);
  return { volgnummer: e.volgnummer, hash };
}

export interface AuditVerification {
  ok: boolean;
  gecontroleerd: number;
  kopHash: string;
  /** the first entry where the chain is broken, with the reason */
  fout?: { volgnummer: number; reden: string };
}

export async function verifyAudit(
  db: Db,
  onProgress?: (done: number, total: number) => void,
): Promise<AuditVerification> {
  const kop = await db.one<{ volgnummer: number; hash: string }>('SELECT volgnummer, hash FROM audit_kop WHERE id = 1');
  const total = Number((await db.one<{ n: number }>('SELECT count(*) AS n FROM audit_regel')).n);
  let prevHash = 'genesis';
  let expected = 1;
  const batch = 5000;
  for (;;) {
    const rows = await db.query<AuditRij>(
      `SELECT volgnummer, tijd, actor_id, actor_naam, organisatie_id, actie, onderwerp_type, onderwerp_id, invoer, resultaat, regel, vorige_hash, hash
       FROM audit_regel WHERE volgnummer >= $1 ORDER BY volgnummer LIMIT ${batch}`,
      [expected],
    );
    for (const r of rows) {
      const n = Number(r.volgnummer);
      if (n !== expected)
        return {
          ok: false,
          gecontroleerd: expected - 1,
          kopHash: kop.hash,
          fout: { volgnummer: expected, reden: `regel ${expected} ontbreekt (verwijderd?)` },
        };
      if (r.vorige_hash !== prevHash)
        return {
          ok: false,
          gecontroleerd: n - 1,
          kopHash: kop.hash,
          fout: { volgnummer: n, reden: 'vorige_hash past niet bij de voorgaande regel' },
        };
      const h = entryHash({ ...r, volgnummer: n, tijd: new Date(r.tijd).toISOString() });
      if (h !== r.hash)
        return {
          ok: false,
          gecontroleerd: n - 1,
          kopHash: kop.hash,
          fout: { volgnummer: n, reden: 'inhoud gewijzigd: hash klopt niet' },
        };
      prevHash = r.hash;
      expected = n + 1;
    }
    onProgress?.(expected - 1, total);
    if (rows.length < batch) break;
  }
  if (expected - 1 !== Number(kop.volgnummer) || prevHash !== kop.hash) {
    return {
      ok: false,
      gecontroleerd: expected - 1,
      kopHash: kop.hash,
      fout: {
        volgnummer: expected,
        reden: `de keten eindigt bij ${expected - 1}, de kop wijst naar ${kop.volgnummer} (regels aan het eind verwijderd?)`,
      },
    };
  }
  return { ok: true, gecontroleerd: expected - 1, kopHash: kop.hash };
}
