/**
 * Benchmark (not a test): all tariffs for 2,000 providers × 60 prestaties × 7 policies (the
 * shipped 2024 V&V policies), the same path as the stored calculation: one evaluation per
 * provider × policy × leveringsvorm (memoised on the profile keys the policy reads), then NZa
 * maximum × exact percentage in integer cents, half-up. Measured cold: no warm-up run.
 * Prints the time and tariffs per second. Target: under 2 seconds.
 */
import { meegeleverdBeleid } from '../src/tarieven/service.ts';
import { evalueerMemo, bereidNzaVoor, tariefInCenten, type Uitkomst } from '../src/domain/tarieven/evalueer.ts';
import { parseProfiel, LEVERINGSVORMEN, type Profiel } from '../src/domain/tarieven/taal.ts';

const AANBIEDERS = 2000;
const PRESTATIES = 60;

let seed = 42;
const rnd = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const kies = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];

const beleid = meegeleverdBeleid().filter((c) => c.beleid.jaar === 2024 && c.beleid.sector === 'VV');
if (beleid.length !== 7) throw new Error(`verwacht 7 beleidsregels 2024 V&V, gevonden ${beleid.length}`);

const profielen: Profiel[] = Array.from({ length: AANBIEDERS }, () =>
  parseProfiel({
    nieuweAanbieder: rnd() < 0.1,
    arbeidsbesparendeTechnologie: rnd() < 0.4,
    bewegingenEnDoelen: rnd() < 0.3,
    essentieleVoorziening: rnd() < 0.2,
    regionaleRol: kies(['-2', '-1', '0', '0.5', '1']),
    commitmentRegionaleTafels: rnd() < 0.1,
    specifiekPlanVptMpt: rnd() < 0.3,
    voldoetAanBasis: rnd() < 0.95,
    vorigJaarPercentage: kies(['94.5', '95.5', '96.0', '96.8', '97.5']),
    monitorUitkomst: kies(['gelijk', 'gelijk', 'gelijk', 'hoger', 'lager']),
    werkgeversopslag: rnd() < 0.5,
  }),
);
const prestaties = Array.from({ length: PRESTATIES }, (_, i) =>
  bereidNzaVoor({
    tarief: (100 + Math.floor(rnd() * 30000) / 100).toFixed(2),
    nhc: i % 3 === 0 ? '21.37' : null,
    nic: i % 3 === 0 ? '3.11' : null,
  }),
).map((p, i) => ({ ...p, code: `P${i}`, leveringsvorm: LEVERINGSVORMEN[i % 3] }));

function run() {
  let n = 0;
  let bepaald = 0;
  let cents = 0;
  for (const c of beleid) {
    for (const p of profielen) {
      const perLv = new Map<string, Uitkomst>();
      for (const lv of LEVERINGSVORMEN) perLv.set(lv, evalueerMemo(c, p, { leveringsvorm: lv }));
      for (const pr of prestaties) {
        const u = perLv.get(pr.leveringsvorm)!;
        const t = tariefInCenten(u, pr);
        n++;
        if (t !== null) {
          bepaald++;
          cents += t;
        }
      }
    }
  }
  return { n, bepaald, cents };
}

const t0 = performance.now();
const r = run();
const ms = performance.now() - t0;
console.log(
  `tarieven: ${r.n.toLocaleString('nl-NL')} (${AANBIEDERS} aanbieders × ${PRESTATIES} prestaties × ${beleid.length} beleid), bepaald ${r.bepaald.toLocaleString('nl-NL')}`,
);
console.log(
  `tijd: ${(ms / 1000).toFixed(3)} s — ${Math.round(r.n / (ms / 1000)).toLocaleString('nl-NL')} tarieven/seconde (doel: < 2 s)`,
);
console.log(
  `controlesom: € ${Math.floor(r.cents / 100).toLocaleString('nl-NL')} (som van alle bepaalde tarieven excl. NHC/NIC)`,
);
