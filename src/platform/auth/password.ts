import crypto from 'node:crypto';
import argon2 from 'argon2';

// argon2id with OWASP's minimum (19 MiB, 2 passes); tests use a cheaper setting for speed only.
const COST = {
  normaal: { memoryCost: 19456, timeCost: 2, parallelism: 1 },
  test: { memoryCost: 1024, timeCost: 1, parallelism: 1 },
};
export type HashCost = keyof typeof COST;

export function hashPassword(pw: string, cost: HashCost = 'normaal'): Promise<string> {
  return argon2.hash(pw, { type: argon2.argon2id, ...COST[cost] });
}

export async function verifyPassword(hash: string | null | undefined, pw: string): Promise<boolean> {
  if (!hash) return false;
  try {
    return await argon2.verify(hash, pw);
  } catch {
    return false;
  }
}

// One hash of a random secret per cost, made on first use: what an unknown e-mail address (or an
// account without a password) is checked against, so that sign-in costs the same argon2 work
// whether the address exists or not and the answer time does not tell which addresses exist.
const dummies = new Map<HashCost, Promise<string>>();
function dummyHash(cost: HashCost): Promise<string> {
  let h = dummies.get(cost);
  if (!h) {
    h = hashPassword(crypto.randomBytes(32).toString('base64url'), cost);
    dummies.set(cost, h);
  }
  return h;
}

/** Makes the dummy hash ahead of the first sign-in with an unknown address (that one would otherwise take longer). */
export async function prepareLoginCheck(cost: HashCost): Promise<void> {
  await dummyHash(cost);
}

/**
 * Checks a sign-in attempt in constant work: the stored hash when there is one, else a dummy hash
 * of the same cost (the answer is then always false).
 */
export async function verifyLogin(hash: string | null | undefined, pw: string, cost: HashCost): Promise<boolean> {
  if (hash) return verifyPassword(hash, pw);
  await verifyPassword(await dummyHash(cost), pw);
  return false;
}

export const MIN_PASSWORD_LENGTH = 12;
