/**
 * Exponential back-off for failed sign-ins, per key. A key may fail `vrij` times without waiting;
 * each failure after that makes the key wait `basisMs` × 2^(failures − vrij), at most `maxMs`.
 * The count is forgotten `vergeetMs` after the last failure, or at once on success (`succeed`).
 *
 * The sign-in route (src/platform/capability.ts) uses two of these:
 *  - per (account, source address) pair — strict: guessing one account's password from one place
 *    slows down quickly, but the same person signing in from another address is not held up;
 *  - per source address — loose: many people behind one office NAT fail now and then without
 *    anyone being locked out, while one address trying many accounts still slows down.
 * Nothing is ever locked: there is only a wait, answered as 429 with Retry-After. State lives in
 * this process's memory (one server process; behind several, each keeps its own).
 */
export interface BackOffOptions {
  /** failures without any wait */
  vrij: number;
  /** first wait after the free failures */
  basisMs: number;
  /** longest wait */
  maxMs: number;
  /** a key's failures are forgotten this long after its last failure */
  vergeetMs: number;
}

interface Staat {
  fouten: number;
  laatste: number;
  wachtTot: number;
}

export class BackOff {
  private staat = new Map<string, Staat>();
  private volgendeOpruiming = 0;
  constructor(readonly opts: BackOffOptions) {}

  private lees(key: string, now: number): Staat | undefined {
    const s = this.staat.get(key);
    if (s && now - s.laatste >= this.opts.vergeetMs && now >= s.wachtTot) {
      this.staat.delete(key);
      return undefined;
    }
    return s;
  }

  /** Seconds this key must still wait (rounded up), 0 when it may try now. */
  retryAfter(key: string, now = Date.now()): number {
    const s = this.lees(key, now);
    return s && s.wachtTot > now ? Math.ceil((s.wachtTot - now) / 1000) : 0;
  }

  /** Records a failure; returns the wait in seconds it starts (0 while within the free failures). */
  fail(key: string, now = Date.now()): number {
    this.opruimen(now);
    const s = this.lees(key, now) ?? { fouten: 0, laatste: now, wachtTot: 0 };
    s.fouten += 1;
    s.laatste = now;
    const boven = s.fouten - this.opts.vrij;
    const wacht = boven > 0 ? Math.min(this.opts.maxMs, this.opts.basisMs * 2 ** (boven - 1)) : 0;
    s.wachtTot = now + wacht;
    this.staat.set(key, s);
    return Math.ceil(wacht / 1000);
  }

  /** Failures recorded for this key (0 once forgotten). */
  failures(key: string, now = Date.now()): number {
    return this.lees(key, now)?.fouten ?? 0;
  }

  succeed(key: string) {
    this.staat.delete(key);
  }

  /** Drops forgotten keys now and then, so memory stays bounded by recent failures. */
  private opruimen(now: number) {
    if (now < this.volgendeOpruiming) return;
    this.volgendeOpruiming = now + 60_000;
    for (const k of [...this.staat.keys()]) this.lees(k, now);
  }
}

/**
 * Strict: per (account, source address). 5 free failures, then 1 s, 2 s, 4 s, … up to 15 minutes;
 * forgotten an hour after the last failure (so a guesser stays at the longest wait).
 */
export const PER_ACCOUNT_EN_ADRES: BackOffOptions = {
  vrij: 5,
  basisMs: 1_000,
  maxMs: 15 * 60_000,
  vergeetMs: 60 * 60_000,
};

/** Loose: per source address. 50 free failures, then 1 s, 2 s, … up to 1 minute. */
export const PER_ADRES: BackOffOptions = {
  vrij: 50,
  basisMs: 1_000,
  maxMs: 60_000,
  vergeetMs: 15 * 60_000,
};
