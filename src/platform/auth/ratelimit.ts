/** Failed-login limiter: per key (IP, e-mail) at most `max` failures in a sliding window. */
export class LoginLimiter {
  private fails = new Map<string, number[]>();
  constructor(
    private max = 10,
    private windowMs = 15 * 60_000,
  ) {}
  private recent(key: string, now: number) {
    const list = (this.fails.get(key) ?? []).filter((t) => now - t < this.windowMs);
    this.fails.set(key, list);
    return list;
  }
  /** seconds to wait, or 0 when the key may try */
  retryAfter(keys: string[], now = Date.now()): number {
    let wait = 0;
    for (const k of keys) {
      const l = this.recent(k, now);
      if (l.length >= this.max) wait = Math.max(wait, Math.ceil((l[0] + this.windowMs - now) / 1000));
    }
    return wait;
  }
  fail(keys: string[], now = Date.now()) {
    for (const k of keys) this.recent(k, now).push(now);
  }
  succeed(keys: string[]) {
    for (const k of keys) this.fails.delete(k);
  }
}
