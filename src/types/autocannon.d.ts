// autocannon ships no type declarations; it is used only by bench/api.bench.ts (a benchmark, dev only).
declare module 'autocannon' {
  interface Result {
    non2xx: number;
    errors: number;
    timeouts: number;
  }
  interface Instance extends PromiseLike<Result> {
    on(event: 'response', fn: (client: unknown, status: number, bytes: number, ms: number) => void): void;
  }
  function autocannon(opts: {
    url: string;
    connections?: number;
    amount?: number;
    duration?: number;
    headers?: Record<string, string>;
  }): Instance;
  export default autocannon;
}
