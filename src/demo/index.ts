/**
 * Demo data: fictional organisations, people and figures, deterministic from a seed. Loaded once
 * on first start. Everything it writes is marked as example data; no figure is an NZa tariff or
 * a real budget.
 */
import type { AppContext } from '../platform/context.ts';
import type { Progress } from '../platform/jobs.ts';
import { APPLICATIEBEHEER, type Rol } from '../platform/auth/roles.ts';
import { hashPassword } from '../platform/auth/password.ts';
import { appendAudit, SYSTEEM } from '../platform/audit.ts';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db, Queryable } from '../platform/db/index.ts';
import { Decimal } from '../domain/money.ts';
import { PRESTATIES } from '../reference/index.ts';
import { parseNzaCsv, importNzaTarievenIn } from '../reference/index.ts';
import { persoonsgegevensSleutels } from '../platform/persoonsgegevens.ts';
import { beschermBsn } from '../clientstroom/index.ts';
import {
  generateDemo,
  checksumDemo,
  omvangVoor,
  declaratieRegels,
  declaratieRegios,
  DECLARATIE_KOP,
  KOLOMMEN,
  type DemoData,
  type DemoOmvang,
  type Rij,
  type Tarieven,
} from './generator.ts';

export const DEMO_PASSWORD = 'zorginkoop-demo';
/** Columns of the client table as the demo writes it (the generator's bsn becomes token + ciphertext). */
const CLIENT_KOLOMMEN = ['id', 'bsn_token', 'bsn_versleuteld', 'geboortejaar', 'regio_code'];

export interface DemoAccount {
  email: string;
  naam: string;
  organisatieId: string;
  rollen: Rol[];
  omschrijving: string;
}

export const DEMO_ZORGKANTOOR = 'zk-cz';
export const DEMO_AANBIEDER = 'za-demo-0001';
export const DEMO_AANBIEDER_2 = 'za-demo-0002';

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    email: 'inkoper@cz.demo',
    naam: 'Ingrid Inkoper',
    organisatieId: DEMO_ZORGKANTOOR,
    rollen: ['inkoper'],
    omschrijving: 'inkoper, CZ Zorgkantoor',
  },
  {
    email: 'beoordelaar@cz.demo',
    naam: 'Bram Beoordelaar',
    organisatieId: DEMO_ZORGKANTOOR,
    rollen: ['beoordelaar'],
    omschrijving: 'beoordelaar, CZ Zorgkantoor',
  },
  {
    email: 'beoordelaar2@cz.demo',
    naam: 'Bea Tweede',
    organisatieId: DEMO_ZORGKANTOOR,
    rollen: ['beoordelaar'],
    omschrijving: 'tweede beoordelaar (vier ogen), CZ Zorgkantoor',
  },
  {
    email: 'manager@cz.demo',
    naam: 'Marieke Manager',
    organisatieId: DEMO_ZORGKANTOOR,
    rollen: ['manager'],
    omschrijving: 'manager zorginkoop, CZ Zorgkantoor',
  },
  {
    email: 'controller@cz.demo',
    naam: 'Chris Controller',
    organisatieId: DEMO_ZORGKANTOOR,
    rollen: ['controller'],
    omschrijving: 'controller, CZ Zorgkantoor',
  },
  {
    email: 'zorgbemiddelaar@cz.demo',
    naam: 'Zoë Zorgbemiddelaar',
    organisatieId: DEMO_ZORGKANTOOR,
    rollen: ['zorgbemiddelaar'],
    omschrijving: 'zorgbemiddelaar (cliëntstroom, persoonsgegevens), CZ Zorgkantoor',
  },
  {
    email: 'beheerder@cz.demo',
    naam: 'Ben Beheerder',
    organisatieId: DEMO_ZORGKANTOOR,
    rollen: ['beheerder'],
    omschrijving: 'beheerder, CZ Zorgkantoor',
  },
  {
    email: 'inkoper@vgz.demo',
    naam: 'Vera Inkoper',
    organisatieId: 'zk-vgz',
    rollen: ['inkoper', 'manager'],
    omschrijving: 'inkoper en manager, VGZ Zorgkantoor',
  },
  {
    email: 'contractmanager@zonnehof.demo',
    naam: 'Carla Contract',
    organisatieId: DEMO_AANBIEDER,
    rollen: ['aanbieder-contractmanager'],
    omschrijving: 'contractmanager, Zorggroep Zonnehof (fictief)',
  },
  {
    email: 'bestuurder@zonnehof.demo',
    naam: 'Bert Bestuurder',
    organisatieId: DEMO_AANBIEDER,
    rollen: ['aanbieder-bestuurder'],
    omschrijving: 'bestuurder, Zorggroep Zonnehof (fictief)',
  },
  {
    email: 'clientenraad@zonnehof.demo',
    naam: 'Cor Cliëntenraad',
    organisatieId: DEMO_AANBIEDER,
    rollen: ['clientenraad'],
    omschrijving: 'cliëntenraad, Zorggroep Zonnehof (fictief)',
  },
  {
    email: 'contractmanager@heideweg.demo',
    naam: 'Henk Heideweg',
    organisatieId: DEMO_AANBIEDER_2,
    rollen: ['aanbieder-contractmanager'],
    omschrijving: 'contractmanager, Stichting Heideweg (fictief)',
  },
  {
    // the operator of the application (organisation 'applicatiebeheer', made by migration 0006): sets the
    // region → zorgkantoor concessions for everyone and manages the operator's own accounts
    email: 'applicatiebeheerder@zorginkoop.demo',
    naam: 'Anouk Applicatiebeheer',
    organisatieId: APPLICATIEBEHEER,
    rollen: ['applicatiebeheerder', 'beheerder'],
    omschrijving: 'applicatiebeheerder (regio-indeling voor alle zorgkantoren), Applicatiebeheer Zorginkoop Wlz',
  },
  {
    email: 'toezicht@nza.demo',
    naam: 'Nina NZa',
    organisatieId: 'nza',
    rollen: ['toezichthouder'],
    omschrijving: 'toezichthouder, NZa',
  },
];

export interface DemoOptions {
  seed: number;
  schaal: 'regio' | 'nationaal';
  /** overrides of the sizes of the chosen scale (tests use small sizes) */
  omvang?: Partial<DemoOmvang>;
  /** when given, filled with the milliseconds the declaration imports spent per phase (bench/demo.bench.ts) */
  importFasen?: Record<string, number>;
}

const voorbeeldDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data/voorbeeld');
/** The sample tariff files the demo loads, marked as example figures (voorbeeld = true). */
export const VOORBEELD_TARIEFBESTANDEN = [2024, 2025].map((jaar) => ({
  jaar,
  pad: path.join(voorbeeldDir, `nza-maximumtarieven-${jaar}-VOORBEELD.csv`),
}));

/** Sample tariffs in cents per year; 2023 is derived from 2024 (÷ 1.04) for the contract history. */
export function voorbeeldTarieven(): Tarieven {
  const bekend = new Set(PRESTATIES.map((p) => p.code));
  const t: Tarieven = new Map();
  for (const b of VOORBEELD_TARIEFBESTANDEN) {
    const p = parseNzaCsv(path.basename(b.pad), fs.readFileSync(b.pad, 'utf8'), b.jaar, bekend);
    if (p.fouten.length) throw new Error(`${b.pad}: ${p.fouten.map((f) => `${f.waar} ${f.wat}`).join('; ')}`);
    t.set(b.jaar, new Map(p.regels.map((r) => [r.prestatie, BigInt(new Decimal(r.tarief).times(100).toFixed(0))])));
  }
  const t2024 = t.get(2024)!;
  t.set(2023, new Map([...t2024].map(([k, v]) => [k, (v * 100n + 52n) / 104n])));
  return t;
}

/** Loads the demo data unless the database already has it. Returns whether it loaded. */
export async function ensureDemo(ctx: AppContext, opts: DemoOptions, progress?: Progress): Promise<boolean> {
  const done = await ctx.db.maybeOne('SELECT 1 FROM instelling WHERE sleutel = $1', ['demo']);
  if (done) {
    await ensureDemoAccounts(ctx);
    return false;
  }
  await loadDemo(ctx, opts, progress);
  return true;
}

/** Adds demo accounts added to DEMO_ACCOUNTS after the demo was loaded (e.g. the applicatiebeheerder); existing ones stay as they are. */
async function ensureDemoAccounts(ctx: AppContext): Promise<void> {
  const bestaand = new Set(
    (
      await ctx.db.query<{ email: string }>('SELECT email FROM gebruiker WHERE email = ANY($1::text[])', [
        DEMO_ACCOUNTS.map((a) => a.email),
      ])
    ).map((r) => r.email),
  );
  const nieuw = DEMO_ACCOUNTS.filter((a) => !bestaand.has(a.email));
  if (!nieuw.length) return;
  const hash = await hashPassword(DEMO_PASSWORD, ctx.config.passwordHashCost);
  for (const a of nieuw)
    await ctx.db.query(
      'INSERT INTO gebruiker (email, naam, organisatie_id, rollen, wachtwoord_hash) VALUES ($1,$2,$3,$4,$5) ON CONFLICT (email) DO NOTHING',
      [a.email, a.naam, a.organisatieId, a.rollen, hash],
    );
}

export interface DemoResultaat {
  seed: number;
  schaal: string;
  checksum: string;
  rijen: Record<string, number>;
  klassen: Record<string, number>;
  /** the declaration files the realisatie came from: one per region, imported like a zorgkantoor's */
  declaraties: { bestand: string; importId: string; regels: number; geweigerd: number; perioden: number }[];
  seconden: number;
}

/**
 * Generates and loads the demo data in one transaction (all or nothing), bulk-loaded with COPY.
 * Progress is reported without waiting on the database: on PGlite a query outside the open
 * transaction waits for it to finish.
 */
export async function loadDemo(ctx: AppContext, opts: DemoOptions, progress?: Progress): Promise<DemoResultaat> {
  const t0 = performance.now();
  const melden = (f: number, stap: string) => {
    void progress?.(f, stap)?.catch(() => undefined);
  };
  const hash = await hashPassword(DEMO_PASSWORD, ctx.config.passwordHashCost);
  melden(0.02, 'gegevens genereren');
  const omvang = omvangVoor(opts.schaal, opts.omvang);
  const data = generateDemo(opts.seed, omvang, voorbeeldTarieven());
  const checksum = checksumDemo(data);
  const rijen: Record<string, number> = {};
  const declaraties: DemoResultaat['declaraties'] = [];
  await ctx.db.tx(async (t) => {
    await t.query(
      `INSERT INTO organisatie (id, soort, naam, voorbeeld) VALUES ('nza','nza','Nederlandse Zorgautoriteit',false) ON CONFLICT DO NOTHING`,
    );
    // BSNs are stored only as token + ciphertext (src/clientstroom: beschermBsn), never readable.
    const sleutels = persoonsgegevensSleutels(ctx.config);
    const clienten = data.clienten.map(([id, bsn, geboortejaar, regio]) => {
      const b = beschermBsn(sleutels, String(id), String(bsn));
      return [id, b.bsn_token, b.bsn_versleuteld, geboortejaar, regio];
    });
    const stappen: [keyof typeof KOLOMMEN, Rij[], string][] = [
      ['organisatie', data.organisaties, 'zorgaanbieders'],
      ['locatie', data.locaties, 'locaties'],
      ['client', clienten, 'cliënten'],
      ['indicatie', data.indicaties, 'indicaties'],
      ['productieafspraak', data.productieafspraken, 'productieafspraken'],
    ];
    const totaal = stappen.reduce((n, s) => n + s[1].length, 0) || 1;
    let klaar = 0;
    // Row-by-row foreign-key triggers dominate a bulk load (minutes on PGlite for the national
    // scale). Where the database role may (PGlite; a superuser on PostgreSQL) they are switched off
    // for this transaction only, and the same references are checked set-based afterwards.
    const snel = !!(await t.maybeOne<{ s: boolean }>('SELECT rolsuper AS s FROM pg_roles WHERE rolname = current_user'))
      ?.s;
    if (snel) await t.query(`SET LOCAL session_replication_role = replica`);
    for (const [tabel, rows, stap] of stappen) {
      melden(0.1 + 0.3 * (klaar / totaal), stap);
      const kolommen = tabel === 'client' ? CLIENT_KOLOMMEN : [...KOLOMMEN[tabel]];
      rijen[tabel] = await t.copyInto(tabel, kolommen, rows);
      klaar += rows.length;
    }
    if (snel) {
      await t.query(`SET LOCAL session_replication_role = DEFAULT`);
      melden(0.4, 'verwijzingen controleren');
      await controleerVerwijzingen(t);
    }
    // statistics for the tables just bulk-loaded, so the import's checks and writes get sensible plans
    // (autovacuum has not seen them yet; PGlite has no autovacuum at all)
    await t.exec(`ANALYZE organisatie; ANALYZE locatie; ANALYZE client; ANALYZE indicatie; ANALYZE productieafspraak;`);
    melden(0.42, 'voorbeeldtarieven');
    for (const b of VOORBEELD_TARIEFBESTANDEN) {
      await importNzaTarievenIn(t, null, {
        bestandsnaam: path.basename(b.pad),
        inhoud: fs.readFileSync(b.pad),
        jaar: b.jaar,
        voorbeeld: true,
      });
    }
    // The realisatie comes in as a zorgkantoor's does: declaration files through the import, so the
    // lines are checked against agreements and tariffs, and `realisatie`, its periods and the
    // monitoring aggregate are written by the import itself.
    declaraties.push(
      ...(await importeerDemoDeclaraties(ctx, t, data, (f, stap) => melden(0.45 + 0.5 * f, stap), opts.importFasen)),
    );
    rijen.declaratieregel = declaraties.reduce((n, d) => n + d.regels, 0);
    rijen.realisatie = (
      await t.one<{ n: number }>('SELECT count(*) AS n FROM realisatie WHERE jaar = $1', [data.omvang.realisatieJaar])
    ).n;
    melden(0.96, 'accounts');
    for (const a of DEMO_ACCOUNTS) {
      await t.query(
        'INSERT INTO gebruiker (email, naam, organisatie_id, rollen, wachtwoord_hash) VALUES ($1,$2,$3,$4,$5) ON CONFLICT (email) DO NOTHING',
        [a.email, a.naam, a.organisatieId, a.rollen, hash],
      );
    }
    const invoer = { seed: opts.seed, schaal: opts.schaal, ...(opts.omvang ? { omvang: opts.omvang } : {}) };
    await appendAudit(t, SYSTEEM, {
      actie: 'demo.geladen',
      onderwerpType: 'database',
      onderwerpId: 'demo',
      invoer,
      resultaat: { checksum, rijen, declaraties: declaraties.map((d) => d.importId) },
    });
    await t.query(`INSERT INTO instelling (sleutel, waarde) VALUES ('demo', $1)`, [
      JSON.stringify({ ...invoer, checksum, geladenOp: ctx.now().toISOString() }),
    ]);
  });
  const klassen: Record<string, number> = {};
  for (const k of Object.values(data.klassen)) klassen[k] = (klassen[k] ?? 0) + 1;
  melden(1, 'klaar');
  return {
    seed: opts.seed,
    schaal: opts.schaal,
    checksum,
    rijen,
    klassen,
    declaraties,
    seconden: Math.round((performance.now() - t0) / 100) / 10,
  };
}

/** Every reference of the bulk-loaded tables, checked set-based (one anti-join per foreign key). */
const VERWIJZINGEN: [string, string, string, string][] = [
  ['locatie', 'organisatie_id', 'organisatie', 'id'],
  ['locatie', 'regio_code', 'regio', 'code'],
  ['client', 'regio_code', 'regio', 'code'],
  ['indicatie', 'client_id', 'client', 'id'],
  ['indicatie', 'zorgprofiel_code', 'zorgprofiel', 'code'],
  ['indicatie', 'sector', 'sector', 'code'],
  ['indicatie', 'leveringsvorm', 'leveringsvorm', 'code'],
  ['indicatie', 'organisatie_id', 'organisatie', 'id'],
  ['productieafspraak', 'regio_code', 'regio', 'code'],
  ['productieafspraak', 'organisatie_id', 'organisatie', 'id'],
  ['productieafspraak', 'sector', 'sector', 'code'],
  ['productieafspraak', 'prestatie_code', 'prestatie', 'code'],
];

/**
 * The declaration import the demo's realisatie goes through (realisatie's importeerDeclaraties), handed
 * over by the composition root (src/capabilities.ts): realisatie reads budget, which reads realisatie,
 * so the demo importing realisatie's index directly would close an import circle. The shape below is
 * what the demo uses of it.
 */
export type DeclaratieImport = (
  ctx: AppContext,
  actor: null,
  pad: string,
  opties: { jaar: number; modus: 'alles-of-niets'; bestandsnaam: string; fasen?: Record<string, number> },
) => Promise<{
  importId: string;
  status: 'geladen' | 'geweigerd' | 'ongewijzigd';
  regels: number;
  geweigerd: number;
  perioden: number;
  eersteFouten: { regel: number; veld: string; reden: string }[];
}>;
let declaratieImport: DeclaratieImport | undefined;
export function gebruikDeclaratieImport(f: DeclaratieImport) {
  declaratieImport = f;
}

/**
 * The demo's declaration files, one per region for the realisatie year (as a zorgkantoor delivers a
 * region's month files; here the whole year at once), each written to a temporary file in chunks
 * (never a whole file in memory) and imported with importeerDeclaraties in mode alles-of-niets by
 * the system (no actor: no concession check, audit actor 'systeem'). The imports run inside the
 * demo's transaction, each in a savepoint, so the demo still loads all or nothing. A refused line
 * stops the load: the demo's lines must all be valid.
 */
async function importeerDemoDeclaraties(
  ctx: AppContext,
  t: Queryable,
  data: DemoData,
  melden: (f: number, stap: string) => void,
  fasen?: Record<string, number>,
): Promise<DemoResultaat['declaraties']> {
  const importeer = declaratieImport;
  if (!importeer)
    throw new Error(
      'Demodata: de declaratie-import is niet aangesloten (src/capabilities.ts gebruikDeclaratieImport).',
    );
  const jaar = data.omvang.realisatieJaar;
  const regios = declaratieRegios(data);
  const uit: DemoResultaat['declaraties'] = [];
  const map = fs.mkdtempSync(path.join(os.tmpdir(), 'zorginkoop-demo-'));
  const binnen: AppContext = { ...ctx, db: inTransactie(ctx.db.kind, t) };
  const bestand = (regio: string) => `demo-declaraties-${regio}-${jaar}.csv`;
  const schrijf = (i: number) => schrijfBestand(path.join(map, bestand(regios[i])), declaratieRegels(data, regios[i]));
  // the next file is written while the current one is imported (on PostgreSQL the server works meanwhile)
  let volgende: Promise<void> | null = regios.length ? schrijf(0) : null;
  try {
    melden(0, 'declaraties schrijven');
    for (const [i, regio] of regios.entries()) {
      const pad = path.join(map, bestand(regio));
      await volgende;
      volgende = i + 1 < regios.length ? schrijf(i + 1) : null;
      melden(i / regios.length, 'declaraties importeren');
      let r: Awaited<ReturnType<DeclaratieImport>>;
      try {
        r = await importeer(binnen, null, pad, {
          jaar,
          modus: 'alles-of-niets',
          bestandsnaam: bestand(regio),
          fasen,
        });
      } finally {
        fs.rmSync(pad, { force: true });
      }
      if (r.status !== 'geladen' || r.geweigerd > 0)
        throw new Error(
          `Demodata: ${bestand(regio)} is bij het inlezen geweigerd (${r.geweigerd} regels, eerst: ${r.eersteFouten
            .slice(0, 3)
            .map((f) => `regel ${f.regel} ${f.veld}: ${f.reden}`)
            .join('; ')}); er is niets geladen.`,
        );
      uit.push({
        bestand: bestand(regio),
        importId: r.importId,
        regels: r.regels,
        geweigerd: r.geweigerd,
        perioden: r.perioden,
      });
    }
  } finally {
    await volgende?.catch(() => undefined);
    fs.rmSync(map, { recursive: true, force: true });
  }
  return uit;
}

/** Writes the header and the generated chunks to a file, waiting when the stream's buffer is full. */
async function schrijfBestand(pad: string, stukken: Iterable<string>): Promise<void> {
  const w = fs.createWriteStream(pad);
  const klaar = new Promise<void>((ok, fout) => {
    w.on('finish', ok);
    w.on('error', fout);
  });
  w.write(DECLARATIE_KOP);
  for (const s of stukken) if (!w.write(s)) await new Promise((ok) => w.once('drain', ok));
  w.end();
  await klaar;
}

/**
 * A Db whose transactions are savepoints in the already open transaction t, so code that opens its
 * own transaction (the declaration import) runs inside the demo's. Temporary tables the nested code
 * made (ON COMMIT DROP would only drop them at the outer commit) are dropped after each one.
 */
function inTransactie(kind: Db['kind'], t: Queryable): Db {
  return {
    kind,
    query: (sql, p) => t.query(sql, p),
    one: (sql, p) => t.one(sql, p),
    maybeOne: (sql, p) => t.maybeOne(sql, p),
    exec: (sql) => t.exec(sql),
    copyInto: (tabel, kolommen, rows) => t.copyInto(tabel, kolommen, rows),
    copyText: (tabel, kolommen, tekst) => t.copyText(tabel, kolommen, tekst),
    copyCsv: (tabel, kolommen, scheiding, stukken) => t.copyCsv(tabel, kolommen, scheiding, stukken),
    async tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
      await t.query('SAVEPOINT demo_import');
      try {
        const r = await fn(t);
        await t.query('RELEASE SAVEPOINT demo_import');
        return r;
      } catch (e) {
        await t.query('ROLLBACK TO SAVEPOINT demo_import');
        throw e;
      } finally {
        await t.exec('DISCARD TEMP');
      }
    },
    async close() {},
  };
}

async function controleerVerwijzingen(t: Queryable): Promise<void> {
  for (const [tabel, kolom, doel, sleutel] of VERWIJZINGEN) {
    const r = await t.one<{ n: number }>(
      `SELECT count(*) AS n FROM ${tabel} x WHERE x.${kolom} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${doel} d WHERE d.${sleutel} = x.${kolom})`,
    );
    if (r.n > 0)
      throw new Error(
        `Demodata: ${r.n} rijen in ${tabel}.${kolom} verwijzen naar een niet-bestaande ${doel}; er is niets geladen.`,
      );
  }
}

/** What is loaded: the demo settings, or undefined for a database without demo data. */
export async function demoStatus(
  q: Queryable,
): Promise<{ seed: number; schaal: string; checksum?: string; geladenOp?: string } | undefined> {
  const r = await q.maybeOne<{ waarde: any }>('SELECT waarde FROM instelling WHERE sleutel = $1', ['demo']);
  return r?.waarde;
}

/** SHA-256 over the demo tables as stored, in key order (independent of generated ids' insertion order). */
export async function checksumDatabase(q: Queryable): Promise<string> {
  const h = crypto.createHash('sha256');
  const queries: [string, string][] = [
    [
      'organisatie',
      `SELECT id, soort, naam, agb, kvk, voorbeeld FROM organisatie WHERE soort = 'zorgaanbieder' ORDER BY id`,
    ],
    ['locatie', `SELECT ${KOLOMMEN.locatie.join(', ')} FROM locatie ORDER BY id`],
    // The BSN ciphertext has a random IV and the token depends on the key: not part of the checksum.
    ['client', `SELECT id, geboortejaar, regio_code FROM client ORDER BY id`],
    ['indicatie', `SELECT ${KOLOMMEN.indicatie.join(', ')} FROM indicatie ORDER BY id`],
    ['productieafspraak', `SELECT ${KOLOMMEN.productieafspraak.join(', ')} FROM productieafspraak ORDER BY id`],
    [
      'realisatie',
      `SELECT ${KOLOMMEN.realisatie.join(', ')} FROM realisatie ORDER BY jaar, maand, regio_code, organisatie_id, prestatie_code`,
    ],
  ];
  for (const [naam, sql] of queries) {
    h.update(`#${naam}\n`);
    for (const row of await q.query(sql)) h.update(JSON.stringify(Object.values(row)) + '\n');
  }
  return h.digest('hex');
}

/**
 * How the history classifies providers, computed from the tables (not from the generator):
 * existing, entirely new (no history), new in a region (a location in a region without history
 * there, history elsewhere), new for zzp/vpt (history only on MPT).
 */
export async function classificatieMix(
  q: Queryable,
): Promise<Record<'bestaand' | 'nieuw' | 'nieuw-in-regio' | 'nieuw-zzp-vpt', number>> {
  const r = await q.one<{ bestaand: number; nieuw: number; nieuw_in_regio: number; nieuw_zzp_vpt: number }>(`
    WITH hist AS (SELECT DISTINCT organisatie_id, regio_code, (p.soort IN ('zzp','vpt')) AS zzpvpt
                  FROM productieafspraak pa JOIN prestatie p ON p.code = pa.prestatie_code),
         loc AS (SELECT DISTINCT organisatie_id, regio_code FROM locatie)
    SELECT
      (SELECT count(DISTINCT l.organisatie_id) FROM loc l WHERE NOT EXISTS (SELECT 1 FROM hist h WHERE h.organisatie_id = l.organisatie_id)) AS nieuw,
      (SELECT count(DISTINCT l.organisatie_id) FROM loc l WHERE EXISTS (SELECT 1 FROM hist h WHERE h.organisatie_id = l.organisatie_id)
         AND NOT EXISTS (SELECT 1 FROM hist h WHERE h.organisatie_id = l.organisatie_id AND h.regio_code = l.regio_code)) AS nieuw_in_regio,
      (SELECT count(DISTINCT h.organisatie_id) FROM hist h WHERE NOT EXISTS (SELECT 1 FROM hist h2 WHERE h2.organisatie_id = h.organisatie_id AND h2.zzpvpt)) AS nieuw_zzp_vpt,
      (SELECT count(DISTINCT h.organisatie_id) FROM hist h WHERE h.zzpvpt
         AND NOT EXISTS (SELECT 1 FROM loc l WHERE l.organisatie_id = h.organisatie_id
           AND NOT EXISTS (SELECT 1 FROM hist h2 WHERE h2.organisatie_id = l.organisatie_id AND h2.regio_code = l.regio_code))) AS bestaand`);
  return {
    bestaand: Number(r.bestaand),
    nieuw: Number(r.nieuw),
    'nieuw-in-regio': Number(r.nieuw_in_regio),
    'nieuw-zzp-vpt': Number(r.nieuw_zzp_vpt),
  };
}
