import argon2 from 'argon2';

// argon2id with OWASP's minimum (19 MiB, 2 passes); tests use a cheaper setting for speed only.
const COST = {
  normaal: { memoryCost: 19456, timeCost: 2, parallelism: 1 },
  test: { memoryCost: 1024, timeCost: 1, parallelism: 1 },
};

export function hashPassword(pw: string, cost: keyof typeof COST = 'normaal'): Promise<string> {
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

export const MIN_PASSWORD_LENGTH = 12;
