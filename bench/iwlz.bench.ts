/**
 * Benchmark (not a test): iWlz 2.2 messages in process (xmllint-wasm). Prints the time to validate
 * one small message of each type (each call starts a WebAssembly worker), an AW33 with 500 clients
 * (build + validate) and the throughput of reading. No pass/fail on time.
 */
import {
  bouwIo31,
  bouwAw33,
  bouwAw35,
  bouwAw39,
  leesIo31,
  leesAw35,
  valideerBericht,
  type Aw33Client,
} from '../src/iwlz/index.ts';
import { voorbeeldIo31, voorbeeldIo31Client, voorbeeldAw35, voorbeeldAw39 } from '../src/iwlz/voorbeelden.ts';

const ms = (t0: number) => (performance.now() - t0).toFixed(0);

const klein: [string, string][] = [
  ['IO31', bouwIo31(voorbeeldIo31())],
  ['AW35', bouwAw35(voorbeeldAw35())],
  ['AW39', bouwAw39(voorbeeldAw39())],
];
for (const [type, xml] of klein) {
  const n = 10;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const v = await valideerBericht(xml);
    if (!v.geldig) throw new Error(`${type} ongeldig`);
  }
  console.log(
    `${type}: ${(xml.length / 1024).toFixed(1)} KiB, valideren ${((performance.now() - t0) / n).toFixed(0)} ms per bericht (gemiddeld over ${n})`,
  );
}

const N = 500;
const bsn = (i: number) => {
  // 9999xxxxx numbers that pass the elfproef (fictional)
  for (let k = i * 10; ; k++) {
    const s = `9999${String(k).padStart(5, '0')}`;
    let som = 0;
    for (let j = 0; j < 8; j++) som += Number(s[j]) * (9 - j);
    if ((som - Number(s[8])) % 11 === 0) return s;
  }
};
let t0 = performance.now();
const io31 = bouwIo31({
  kop: { ontvanger: '5527', berichtId: 'BENCH1', dagtekening: '2025-05-21' },
  clienten: Array.from({ length: N }, (_, i) => voorbeeldIo31Client(bsn(i), String(300000000 + i))),
});
const blokken = leesIo31(io31).clienten.map((c) => c.blok);
const aw33 = bouwAw33({
  kop: { afzender: '5527', ontvanger: '73730001', berichtId: 'BENCH2', dagtekening: '2025-05-22' },
  clienten: blokken.map((b): Aw33Client => ({
    io31Blok: b,
    partneropname: false,
    functies: [],
    zorgzwaartepakketten: [
      {
        zzpCode: '755',
        instelling: '73730001',
        zorgkantoor: '5527',
        soort: '1',
        toewijzingsdatum: '2025-05-22',
        toewijzingstijd: '10:00:00',
        ingangsdatum: '2025-06-01',
        leveringsvorm: '4',
      },
    ],
  })),
});
console.log(
  `AW33 met ${N} cliënten: ${(aw33.length / 1024).toFixed(0)} KiB, gebouwd (incl. IO31 lezen) in ${ms(t0)} ms`,
);
t0 = performance.now();
const v = await valideerBericht(aw33);
console.log(`  valideren: ${ms(t0)} ms (${v.geldig ? 'geldig' : 'ONGELDIG'})`);
t0 = performance.now();
const aw35 = bouwAw35(voorbeeldAw35());
for (let i = 0; i < 1000; i++) leesAw35(aw35);
console.log(`AW35 lezen: ${((performance.now() - t0) / 1000).toFixed(2)} ms per bericht (1000×)`);
