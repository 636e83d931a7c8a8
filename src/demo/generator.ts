/**
 * The demo data generator: pure and deterministic. The same seed and size give the same rows,
 * byte for byte (a seeded PRNG, never Math.random; ids derived from the PRNG, not the database).
 * Every name, address, postcode and BSN is invented (see docs/formaten/demodata.md).
 *
 * The history is shaped so the classification of providers (existing / entirely new / new in a
 * region / new for zzp-vpt) has something to classify:
 *  - bestaand: contract and production history in every region where it has a location;
 *  - nieuw: locations, no history anywhere;
 *  - nieuw-in-regio: history in its home region, a location in a second region without history;
 *  - nieuw-zzp-vpt: V&V provider with only MPT history, locations that now offer verblijf/vpt.
 */
import crypto from 'node:crypto';
import { PRESTATIES, voorbeeldRegiosVan, actieveRegios, type PrestatieDef } from '../reference/index.ts';

export type Schaal = 'regio' | 'nationaal';
export type Klasse = 'bestaand' | 'nieuw' | 'nieuw-in-regio' | 'nieuw-zzp-vpt';

export interface DemoOmvang {
  regios: string[];
  aanbieders: number;
  clienten: number;
  /** years with productieafspraken */
  jaren: number[];
  /** year with 12 months of realisatie */
  realisatieJaar: number;
}

export function omvangVoor(schaal: Schaal, over: Partial<DemoOmvang> = {}): DemoOmvang {
  const basis: DemoOmvang =
    schaal === 'nationaal'
      ? {
          regios: actieveRegios(),
          aanbieders: 2000,
          clienten: 300_000,
          jaren: [2023, 2024, 2025],
          realisatieJaar: 2025,
        }
      : {
          regios: voorbeeldRegiosVan('zk-cz'),
          aanbieders: 80,
          clienten: 5_000,
          jaren: [2023, 2024, 2025],
          realisatieJaar: 2025,
        };
  return { ...basis, ...over };
}

/** Fixed demo providers that the demo accounts belong to; both have history. */
export const VASTE_AANBIEDERS = [
  {
    id: 'za-demo-0001',
    naam: 'Zorggroep Zonnehof (fictief)',
    agb: '73730001',
    kvk: '90000001',
    regio: '5527',
    locatie: 'Zonnehof Centrum',
    plaats: 'Tilburg',
    leveringsvormen: ['verblijf', 'vpt'],
    capaciteit: 80,
  },
  {
    id: 'za-demo-0002',
    naam: 'Stichting Heideweg (fictief)',
    agb: '73730002',
    kvk: '90000002',
    regio: '5526',
    locatie: 'Heideweg',
    plaats: 'Breda',
    leveringsvormen: ['verblijf'],
    capaciteit: 60,
  },
] as const;

// ------------------------------------------------------------------ PRNG
/** sfc32, seeded through a string hash: fast, good enough, and reproducible everywhere. */
export function prng(seed: number | string): () => number {
  let h = 1779033703 ^ String(seed).length;
  const s = `zorginkoop-demo:${seed}`;
  for (let i = 0; i < s.length; i++) {
    h = Math.imul(h ^ s.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  const next = () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    return (h ^= h >>> 16) >>> 0;
  };
  let a = next(),
    b = next(),
    c = next(),
    d = next();
  return () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

class Rnd {
  constructor(readonly next: () => number) {}
  int(min: number, max: number) {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
  chance(p: number) {
    return this.next() < p;
  }
  weighted<T>(xs: readonly (readonly [T, number])[]): T {
    let tot = 0;
    for (const [, w] of xs) tot += w;
    let r = this.next() * tot;
    for (const [x, w] of xs) {
      r -= w;
      if (r < 0) return x;
    }
    return xs[xs.length - 1][0];
  }
  uuid(): string {
    const h: string[] = [];
    for (let i = 0; i < 4; i++)
      h.push(
        Math.floor(this.next() * 4294967296)
          .toString(16)
          .padStart(8, '0'),
      );
    const s = h.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-${'89ab'[parseInt(s[16], 16) & 3]}${s.slice(17, 20)}-${s.slice(20, 32)}`;
  }
}

// ------------------------------------------------------------------ word lists (fictional)
const VORM = [
  'Zorggroep',
  'Stichting',
  'Woonzorgcentrum',
  'Zorgcentrum',
  'Vereniging',
  'Zorgcoöperatie',
  'Woongroep',
  'Zorginstelling',
  'Stichting Zorg',
  'Thuiszorg',
];
const NAAM = [
  'De Linde',
  'Het Anker',
  'De Eik',
  'Het Baken',
  'De Hoeve',
  'Het Kompas',
  'De Waterlelie',
  'De Beuk',
  'Het Zonnelicht',
  'De Vlinder',
  'Het Lichtpunt',
  'De Brug',
  'De Horizon',
  'Het Palet',
  'De Zeven Bronnen',
  'De Kastanje',
  'Het Klaverblad',
  'De Meander',
  'Het Veldhuis',
  'De Heuvelrand',
  'De Wilg',
  'Het Rozenhof',
  'De Esdoorn',
  'Het Erf',
  'De Vuurtoren',
  'De Boomgaard',
  'Het Dorpshart',
  'De Regenboog',
  'Het Wiel',
  'De Zonnebloem',
  'De Parel',
  'Het Schateiland',
  'De Populier',
  'De Lindehof',
  'Het Weidelicht',
  'De Duinroos',
  'Het Hofje',
  'De Molenwiek',
  'De Kempen',
  'Het Veer',
];
const PLAATS_A = [
  'Ooster',
  'Wester',
  'Zuider',
  'Noorder',
  'Linde',
  'Hoog',
  'Laag',
  'Berk',
  'Eiken',
  'Heide',
  'Zand',
  'Veen',
  'Beek',
  'Wilgen',
  'Molen',
  'Klaver',
  'Elzen',
  'Esch',
];
const PLAATS_B = [
  'veen',
  'broek',
  'dorp',
  'hoven',
  'dam',
  'wijk',
  'hout',
  'rade',
  'loo',
  'horst',
  'meer',
  'kerk',
  'hem',
  'zande',
  'burg',
];
const STRAAT_A = [
  'Linden',
  'Eiken',
  'Kastanje',
  'Zonne',
  'Molen',
  'Kerk',
  'School',
  'Heide',
  'Beuken',
  'Vlinder',
  'Meidoorn',
  'Tulpen',
  'Klaver',
  'Dorps',
];
const STRAAT_B = ['laan', 'straat', 'weg', 'hof', 'plein', 'pad', 'dreef', 'singel'];
const LOC_A = ['Huize', 'Hof', 'Woonhuis', 'Locatie', 'Paviljoen', 'Residentie', 'Woonvorm'];

// ------------------------------------------------------------------ prestaties and sizes
const PRESTATIE = new Map(PRESTATIES.map((p) => [p.code, p]));
const VV_PROFIEL: [string, number][] = [
  ['750', 2],
  ['751', 3],
  ['752', 5],
  ['753', 14],
  ['754', 34],
  ['755', 24],
  ['756', 6],
  ['757', 6],
  ['758', 3],
  ['759', 3],
];
const GZ_PROFIEL: [string, number][] = [
  ...['800', '802', '804', '806', '808', '810', '812', '814'].map((c, i): [string, number] => [c, 10 - i]),
  ...['820', '822', '824', '826', '828', '830', '832'].map((c): [string, number] => [c, 2]),
  ['780', 2],
  ['781', 2],
  ['782', 1],
  ['790', 1],
  ...['840', '842', '844', '850', '852'].map((c): [string, number] => [c, 0.6]),
];
const GGZ_PROFIEL: [string, number][] = [
  ['760', 4],
  ['762', 6],
  ['764', 5],
  ['766', 3],
  ['768', 2],
  ['770', 1],
  ['860', 2],
  ['862', 2],
  ['864', 1],
  ['880', 1],
  ['882', 1],
];
const MPT: [string, number][] = [
  ['MPT-PV-K2', 8],
  ['MPT-PV-K3', 10],
  ['MPT-PV-K4', 6],
  ['MPT-VP-K1', 5],
  ['MPT-VP-K2', 4],
  ['MPT-BG-IND-K1', 5],
  ['MPT-BG-IND-K2', 6],
  ['MPT-BG-IND-K3', 3],
  ['MPT-BG-GRP-KD02', 5],
  ['MPT-BG-GRP-KD04', 3],
  ['MPT-PV-K6', 1],
  ['MPT-VP-K4', 1],
];
const UREN_PER_WEEK: Record<string, number> = {
  K0: 0.5,
  K1: 1,
  K2: 3,
  K3: 5.5,
  K4: 8.5,
  K5: 11.5,
  K6: 14.5,
  K7: 18,
  K8: 22.5,
};

/** Volume units per client per day for a prestatie (dag = 1; uur/dagdeel from the class). */
function perDag(p: PrestatieDef): number {
  if (p.eenheid === 'dag') return 1;
  if (p.klasse?.startsWith('KD')) return Number(p.klasse.slice(2)) / 7;
  return (UREN_PER_WEEK[p.klasse ?? 'K1'] ?? 1) / 7;
}

function verblijfPrestatie(r: Rnd, sector: string, profiel: string): string {
  const b = `${sector}-Z${profiel}-B`,
    e = `${sector}-Z${profiel}-E`;
  if (!PRESTATIE.has(e)) return b;
  if (!PRESTATIE.has(b)) return e;
  return r.chance(sector === 'VV' ? 0.3 : 0.45) ? b : e;
}

/** BSN-shaped numbers in the 99xxxxxxx range that pass the elfproef; fictional. */
function elfproef(n: string): boolean {
  let s = 0;
  for (let i = 0; i < 8; i++) s += Number(n[i]) * (9 - i);
  s -= Number(n[8]);
  return s % 11 === 0;
}

// ------------------------------------------------------------------ output
export type Rij = (string | number | boolean | null)[];
export interface DemoData {
  omvang: DemoOmvang;
  /** id, soort, naam, agb, kvk, voorbeeld */
  organisaties: Rij[];
  /** id, organisatie_id, naam, adres, postcode, plaats, regio_code, sectoren, leveringsvormen, capaciteit, inspectie_status */
  locaties: Rij[];
  /** id, bsn, geboortejaar, regio_code */
  clienten: Rij[];
  /** id, client_id, zorgprofiel_code, sector, grondslag, ingangsdatum, einddatum, leveringsvorm, organisatie_id */
  indicaties: Rij[];
  /** id, jaar, regio_code, organisatie_id, sector, prestatie_code, prijs, volume, bedrag, versie */
  productieafspraken: Rij[];
  /**
   * jaar, maand, regio_code, organisatie_id, prestatie_code, clienten, volume, bedrag: the intended
   * monthly totals. The demo does not write these rows: it writes declaration lines that add up to
   * them exactly (declaratieRegels) and imports those, as a zorgkantoor imports its files.
   */
  realisatie: Rij[];
  /** per org|regio|prestatie: the clients in care there (id, ingangsdatum) and the contract price in cents */
  declaratieBron: { clienten: Map<string, [string, string][]>; prijzen: Map<string, bigint> };
  /** the intended class of every provider (for tests and the bench; the inkoop capability derives its own) */
  klassen: Record<string, Klasse>;
}

export const KOLOMMEN = {
  organisatie: ['id', 'soort', 'naam', 'agb', 'kvk', 'voorbeeld'],
  locatie: [
    'id',
    'organisatie_id',
    'naam',
    'adres',
    'postcode',
    'plaats',
    'regio_code',
    'sectoren',
    'leveringsvormen',
    'capaciteit',
    'inspectie_status',
  ],
  client: ['id', 'bsn', 'geboortejaar', 'regio_code'],
  indicatie: [
    'id',
    'client_id',
    'zorgprofiel_code',
    'sector',
    'grondslag',
    'ingangsdatum',
    'einddatum',
    'leveringsvorm',
    'organisatie_id',
  ],
  productieafspraak: [
    'id',
    'jaar',
    'regio_code',
    'organisatie_id',
    'sector',
    'prestatie_code',
    'prijs',
    'volume',
    'bedrag',
    'versie',
  ],
  realisatie: ['jaar', 'maand', 'regio_code', 'organisatie_id', 'prestatie_code', 'clienten', 'volume', 'bedrag'],
} as const;

/** Money as exact integer cents (bigint), written as a Decimal string "1234.56". */
const centen = (c: bigint) => {
  const neg = c < 0n;
  const a = neg ? -c : c;
  return `${neg ? '-' : ''}${a / 100n}.${String(a % 100n).padStart(2, '0')}`;
};
/** volume in hundredths × price in cents → cents, half-up (all values positive). */
const bedragCenten = (volumeH: bigint, prijsC: bigint) => (volumeH * prijsC + 50n) / 100n;

/** Maximum tariffs per year in cents, as the caller read them (the demo uses the sample file). */
export type Tarieven = Map<number, Map<string, bigint>>;

interface Aanbieder {
  id: string;
  sector: string;
  klasse: Klasse;
  thuis: string;
  korting: number;
  regios: Map<string, 'vol' | 'mpt' | 'geen'>;
}

export function generateDemo(seed: number, omvang: DemoOmvang, tarieven: Tarieven): DemoData {
  const r = new Rnd(prng(seed));
  const regios = [...omvang.regios].sort();
  const regioGewicht = new Map(regios.map((c) => [c, 0.5 + r.next()]));
  const out: DemoData = {
    omvang,
    organisaties: [],
    locaties: [],
    clienten: [],
    indicaties: [],
    productieafspraken: [],
    realisatie: [],
    declaratieBron: { clienten: new Map(), prijzen: new Map() },
    klassen: {},
  };
  const namen = new Set<string>();
  const plaatsen = new Map(
    regios.map((c) => [c, Array.from({ length: 6 }, () => r.pick(PLAATS_A) + r.pick(PLAATS_B))]),
  );
  const postcodeBasis = new Map(regios.map((c, i) => [c, 1000 + Math.floor((i * 8900) / regios.length)]));
  const adres = (regio: string) => {
    if (!plaatsen.has(regio)) plaatsen.set(regio, [r.pick(PLAATS_A) + r.pick(PLAATS_B)]);
    if (!postcodeBasis.has(regio)) postcodeBasis.set(regio, 9000);
    const plaats = r.pick(plaatsen.get(regio)!);
    const pc = `${postcodeBasis.get(regio)! + r.int(0, 250)} ${String.fromCharCode(65 + r.int(0, 25))}${String.fromCharCode(65 + r.int(0, 25))}`;
    return { plaats, postcode: pc, straat: `${r.pick(STRAAT_A)}${r.pick(STRAAT_B)} ${r.int(1, 180)}` };
  };

  // ---------------------------------------------------------------- providers and locations
  const aanbieders: Aanbieder[] = [];
  const locatie = (
    a: Aanbieder,
    regio: string,
    naam: string,
    lv: string[],
    cap: number | null,
    vast?: { plaats: string },
  ) => {
    const ad = adres(regio);
    out.locaties.push([
      r.uuid(),
      a.id,
      naam,
      ad.straat,
      ad.postcode,
      vast?.plaats ?? ad.plaats,
      regio,
      `{${a.sector}}`,
      `{${lv.join(',')}}`,
      cap,
      r.chance(0.015) ? 'verscherpt' : 'normaal',
    ]);
  };
  for (const v of VASTE_AANBIEDERS) {
    const a: Aanbieder = {
      id: v.id,
      sector: 'VV',
      klasse: 'bestaand',
      thuis: v.regio,
      korting: 0.97,
      regios: new Map([[v.regio, 'vol']]),
    };
    aanbieders.push(a);
    out.organisaties.push([v.id, 'zorgaanbieder', v.naam, v.agb, v.kvk, true]);
    locatie(a, v.regio, v.locatie, [...v.leveringsvormen], v.capaciteit, { plaats: v.plaats });
  }
  for (let n = 1; n <= omvang.aanbieders; n++) {
    const id = `za-${String(n).padStart(5, '0')}`;
    const sector = r.weighted([
      ['VV', 55],
      ['GZ', 25],
      ['GGZ', 20],
    ] as const);
    let klasse: Klasse = r.weighted([
      ['bestaand', 72],
      ['nieuw', 9],
      ['nieuw-in-regio', 12],
      ['nieuw-zzp-vpt', 7],
    ] as const);
    if (klasse === 'nieuw-zzp-vpt' && sector !== 'VV') klasse = 'bestaand';
    const thuis = r.weighted(regios.map((c) => [c, regioGewicht.get(c)!] as const));
    let naam = `${r.pick(VORM)} ${r.pick(NAAM)}`;
    if (namen.has(naam)) naam = `${naam} ${r.pick(plaatsen.get(thuis)!)}`;
    while (namen.has(naam)) naam = `${naam} ${r.int(2, 99)}`;
    namen.add(naam);
    const a: Aanbieder = { id, sector, klasse, thuis, korting: 0.94 + r.next() * 0.06, regios: new Map() };
    aanbieders.push(a);
    out.organisaties.push([
      id,
      'zorgaanbieder',
      naam,
      `98${String(n).padStart(6, '0')}`,
      `8${String(n).padStart(7, '0')}`,
      true,
    ]);
    out.klassen[id] = klasse;
    const tweede = regios.length > 1 ? r.pick(regios.filter((c) => c !== thuis)) : thuis;
    const lvVerblijf = () =>
      sector === 'VV'
        ? ['verblijf', ...(r.chance(0.4) ? ['vpt'] : []), ...(r.chance(0.25) ? ['mpt'] : [])]
        : ['verblijf'];
    const nLoc = r.weighted([
      [1, 40],
      [2, 30],
      [3, 18],
      [4, 8],
      [6, 4],
    ] as const);
    const kort = naam.replace(
      /^(Stichting Zorg|Stichting|Zorggroep|Woonzorgcentrum|Zorgcentrum|Vereniging|Zorgcoöperatie|Woongroep|Zorginstelling|Thuiszorg) /,
      '',
    );
    for (let i = 0; i < nLoc; i++) {
      const lv = klasse === 'nieuw-zzp-vpt' ? (i === 0 ? ['mpt'] : ['mpt', 'verblijf', 'vpt']) : lvVerblijf();
      const cap = lv.includes('verblijf') ? r.int(12, 160) : null;
      locatie(a, thuis, i === 0 ? kort : `${r.pick(LOC_A)} ${r.pick(NAAM).replace(/^(De|Het) /, '')}`, lv, cap);
    }
    if (klasse === 'nieuw') a.regios.set(thuis, 'geen');
    else if (klasse === 'nieuw-zzp-vpt') a.regios.set(thuis, 'mpt');
    else a.regios.set(thuis, 'vol');
    if (klasse === 'nieuw-in-regio' && tweede !== thuis) {
      locatie(a, tweede, `${r.pick(LOC_A)} ${r.pick(NAAM).replace(/^(De|Het) /, '')}`, lvVerblijf(), r.int(12, 80));
      a.regios.set(tweede, 'geen');
    } else if (klasse === 'bestaand' && tweede !== thuis && r.chance(0.2)) {
      locatie(a, tweede, `${r.pick(LOC_A)} ${r.pick(NAAM).replace(/^(De|Het) /, '')}`, lvVerblijf(), r.int(12, 80));
      a.regios.set(tweede, 'vol');
    }
  }

  // Candidates per region × sector × kind of care, weighted (capacity is implied by a random weight).
  const kandidaten = new Map<string, [Aanbieder, number][]>();
  for (const a of aanbieders) {
    const w = a.id.startsWith('za-demo') ? 3 : 0.3 + r.next() * 2;
    for (const [regio, mode] of a.regios) {
      if (mode === 'geen') continue;
      const soorten = mode === 'vol' ? ['verblijf', 'vpt', 'mpt'] : ['mpt'];
      for (const s of soorten) {
        const k = `${regio}|${a.sector}|${s}`;
        if (!kandidaten.has(k)) kandidaten.set(k, []);
        kandidaten.get(k)!.push([a, w]);
      }
    }
  }

  // ---------------------------------------------------------------- clients and indicaties
  const telling = new Map<string, number>(); // org|regio|prestatie → clients in care
  let bsnTeller = 1_000_000 + r.int(0, 999_999);
  const regioKeuze = regios.map((c) => [c, regioGewicht.get(c)!] as const);
  for (let i = 0; i < omvang.clienten; i++) {
    const regio = r.weighted(regioKeuze);
    const sector = r.weighted([
      ['VV', 60],
      ['GZ', 28],
      ['GGZ', 12],
    ] as const);
    const profiel = r.weighted(sector === 'VV' ? VV_PROFIEL : sector === 'GZ' ? GZ_PROFIEL : GGZ_PROFIEL);
    const lv =
      sector === 'VV'
        ? r.weighted([
            ['verblijf', 65],
            ['vpt', 12],
            ['mpt', 13],
            ['pgb', 10],
          ] as const)
        : r.weighted([
            ['verblijf', 85],
            ['pgb', 15],
          ] as const);
    const geboortejaar = sector === 'VV' ? r.int(1922, 1952) : sector === 'GZ' ? r.int(1950, 2016) : r.int(1945, 2002);
    let bsn: string;
    do {
      bsn = `99${String(bsnTeller++).padStart(7, '0')}`;
    } while (!elfproef(bsn));
    const clientId = r.uuid();
    out.clienten.push([clientId, bsn, geboortejaar, regio]);
    const ingang = `${r.int(2012, 2025)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
    const beeindigd = ingang < '2025-01-01' && r.chance(0.06);
    const einde = beeindigd
      ? `2025-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`
      : null;
    const grondslag =
      sector === 'VV'
        ? profiel === '754' || profiel === '756'
          ? 'PG'
          : 'SOM'
        : sector === 'GGZ'
          ? 'PSY'
          : profiel >= '840'
            ? 'ZG'
            : profiel >= '820' && profiel < '840'
              ? 'LG'
              : 'VG';
    let org: string | null = null;
    if (lv !== 'pgb' && r.chance(0.9)) {
      const lijst = kandidaten.get(`${regio}|${sector}|${lv}`);
      if (lijst?.length) {
        const a = r.weighted(lijst);
        org = a.id;
        if (!beeindigd) {
          const p =
            lv === 'verblijf'
              ? verblijfPrestatie(r, sector, profiel)
              : lv === 'vpt'
                ? `VPT-${profiel}`
                : r.weighted(MPT);
          const k = `${a.id}|${regio}|${p}`;
          telling.set(k, (telling.get(k) ?? 0) + 1);
          const lijst = out.declaratieBron.clienten.get(k);
          if (lijst) lijst.push([clientId, ingang]);
          else out.declaratieBron.clienten.set(k, [[clientId, ingang]]);
        }
      }
    }
    out.indicaties.push([r.uuid(), clientId, profiel, sector, grondslag, ingang, einde, lv, org]);
  }

  // Every pair with history has at least one prestatie, also when no client happened to land there.
  const metHistorie = new Set([...telling.keys()].map((k) => k.split('|', 2).join('|')));
  for (const a of aanbieders) {
    for (const [regio, mode] of a.regios) {
      if (mode === 'geen' || metHistorie.has(`${a.id}|${regio}`)) continue;
      const p =
        mode === 'mpt' ? 'MPT-PV-K3' : a.sector === 'VV' ? 'VV-Z754-E' : a.sector === 'GZ' ? 'GZ-Z804-E' : 'GGZ-Z764-E';
      telling.set(`${a.id}|${regio}|${p}`, r.int(2, 8));
    }
  }

  // ---------------------------------------------------------------- productieafspraken and realisatie
  const aanbiederVan = new Map(aanbieders.map((a) => [a.id, a]));
  const prijs = (jaar: number, code: string, korting: number): bigint => {
    const t = tarieven.get(jaar)?.get(code) ?? tarieven.get(omvang.realisatieJaar)?.get(code) ?? 10000n;
    // Contract price: the maximum tariff times the provider's percentage (94–100 %), in whole cents.
    return (t * BigInt(Math.round(korting * 10000)) + 5000n) / 10000n;
  };
  const dagenInJaar = (j: number) => ((j % 4 === 0 && j % 100 !== 0) || j % 400 === 0 ? 366 : 365);
  const sleutels = [...telling.keys()].sort();
  for (const k of sleutels) {
    const [orgId, regio, code] = k.split('|');
    const a = aanbiederVan.get(orgId)!;
    const p = PRESTATIE.get(code)!;
    const n = telling.get(k)!;
    const startJaar = a.id.startsWith('za-demo')
      ? omvang.jaren[0]
      : r.chance(0.12)
        ? omvang.jaren[Math.min(1, omvang.jaren.length - 1)]
        : omvang.jaren[0];
    for (const jaar of omvang.jaren) {
      if (jaar < startJaar) continue;
      const groei = 1 - 0.03 * (omvang.realisatieJaar - jaar);
      const volumeH = BigInt(Math.round(n * perDag(p) * dagenInJaar(jaar) * groei * (0.95 + r.next() * 0.13) * 100));
      const pc = prijs(jaar, code, a.korting);
      out.productieafspraken.push([
        r.uuid(),
        jaar,
        regio,
        orgId,
        p.sector,
        code,
        centen(pc),
        centen(volumeH),
        centen(bedragCenten(volumeH, pc)),
        'initieel',
      ]);
    }
    const jaar = omvang.realisatieJaar;
    const pc = prijs(jaar, code, a.korting);
    out.declaratieBron.prijzen.set(k, pc);
    for (let maand = 1; maand <= 12; maand++) {
      const clienten = Math.max(0, Math.round(n * (0.93 + r.next() * 0.12)));
      if (!clienten) continue;
      const dagen = new Date(Date.UTC(jaar, maand, 0)).getUTCDate();
      const volumeH = BigInt(Math.round(clienten * perDag(p) * dagen * (0.96 + r.next() * 0.04) * 100));
      out.realisatie.push([
        jaar,
        maand,
        regio,
        orgId,
        code,
        clienten,
        centen(volumeH),
        centen(bedragCenten(volumeH, pc)),
      ]);
    }
  }
  return out;
}

// ------------------------------------------------------------------ declaration lines

/** Header of the demo's declaration files (docs/formaten/declaraties.md). */
export const DECLARATIE_KOP = 'client;aanbieder;prestatie;periode;aantal;bedrag;regio\n';

/** The regions that have realisatie, in order: the demo imports one declaration file per region. */
export function declaratieRegios(d: DemoData): string[] {
  return [...new Set(d.realisatie.map((r) => r[2] as string))].sort();
}

/** a non-negative whole number of hundredths as "12" or "12.05" */
const honderdsten = (h: number) =>
  h % 100 === 0 ? String(h / 100) : `${Math.floor(h / 100)}.${String(h % 100).padStart(2, '0')}`;
/** non-negative whole cents as "4123.50" */
const euro = (c: number) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;

/**
 * The declaration lines of one region (docs/formaten/declaraties.md), one per client × month ×
 * prestatie, generated on the fly in chunks of about `chunk` lines (text with line ends, no header).
 * They add up exactly to the intended monthly totals of `d.realisatie`: per month the row's number
 * of clients, volume and amount. Who is in care: the clients whose indicatie points to the provider
 * for that prestatie, from the month their indicatie starts, in a rotating order; when the month's
 * number is larger (the totals vary 93–105 % around the clients in care), the rest are clients
 * without an indicatie in the demo (`instroom-N`, a provider's own client number; not stored).
 * Volume: every client but the last gets whole units (days, hours, dagdelen), the same for all up to
 * one unit; the last client gets the rest with its hundredths. Amount: whole units × the contract
 * price, exact; the last line gets the rest, which is then exactly its volume × price rounded
 * half-up, so no line is above the agreed price and the month's total is the intended one.
 */
export function* declaratieRegels(d: DemoData, regio: string, chunk = 20_000): Generator<string> {
  // integer arithmetic in Numbers: a month's volume (hundredths) times a price (cents) stays far below 2^53
  let buf: string[] = [];
  let vorige = '';
  let inZorg: [string, string][] = [];
  let pc = 0;
  for (const row of d.realisatie) {
    if (row[2] !== regio) continue;
    const [jaar, maand, , org, code, clienten] = row as [number, number, string, string, string, number];
    const k = `${org}|${regio}|${code}`;
    if (k !== vorige) {
      // the clients in care, by the start of their indicatie: those in care in a month are a prefix
      inZorg = [...(d.declaratieBron.clienten.get(k) ?? [])].sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
      pc = Number(d.declaratieBron.prijzen.get(k)!);
      vorige = k;
    }
    const V = Number((row[6] as string).replace('.', ''));
    const B = Number((row[7] as string).replace('.', ''));
    const periode = `${jaar}-${String(maand).padStart(2, '0')}`;
    let n = 0;
    while (n < inZorg.length && inZorg[n][1].slice(0, 7) <= periode) n++;
    const basis = Math.floor(V / (clienten * 100));
    const extra = Math.floor((V - clienten * basis * 100) / 100);
    const midden = `;${org};${code};${periode};`;
    let restV = V;
    let restB = B;
    for (let i = 0; i < clienten; i++) {
      let v: number, b: number;
      if (i < clienten - 1 && basis > 0) {
        const eenheden = basis + (i < extra ? 1 : 0);
        v = eenheden * 100;
        b = eenheden * pc;
      } else if (i < clienten - 1) {
        // less than one unit per client (does not occur at the demo's sizes): equal hundredths, rounded down
        v = Math.floor(V / clienten);
        b = Math.floor((v * pc) / 100);
      } else {
        v = restV;
        b = restB;
      }
      restV -= v;
      restB -= b;
      const client = i < n ? inZorg[(maand * 7 + i) % n][0] : `instroom-${i - n + 1}`;
      buf.push(`${client}${midden}${honderdsten(v)};${euro(b)};${regio}`);
    }
    if (buf.length >= chunk) {
      yield buf.join('\n') + '\n';
      buf = [];
    }
  }
  if (buf.length) yield buf.join('\n') + '\n';
}

/** SHA-256 over every generated row, table by table, in generation order. */
export function checksumDemo(d: DemoData): string {
  const h = crypto.createHash('sha256');
  for (const t of ['organisaties', 'locaties', 'clienten', 'indicaties', 'productieafspraken', 'realisatie'] as const) {
    h.update(`#${t}\n`);
    for (const row of d[t]) h.update(JSON.stringify(row) + '\n');
  }
  return h.digest('hex');
}
