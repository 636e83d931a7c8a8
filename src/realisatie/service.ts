/**
 * Realisatie use cases. Herschikking scenarios are computed without a database: read → pure rule →
 * view. Errors say what, where (field) and what to do.
 */
import { isUuid } from '../platform/validatie.ts';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { AppError, badRequest, notFound, unprocessable } from '../platform/errors.ts';
import type { AppContext } from '../platform/context.ts';
import type { Queryable } from '../platform/db/index.ts';
import type { Actor } from '../platform/auth/roles.ts';
import type { Progress } from '../platform/jobs.ts';
import { appendAudit, SYSTEEM } from '../platform/audit.ts';
import { auditActor } from '../platform/audit.ts';
import { BestandsFout, leesKop, parseDeclaraties } from '../domain/realisatie/declaraties.ts';
import { isUtf8 } from 'node:buffer';
import {
  leesNacalculatie,
  nacalculatieJson,
  nacalculeer,
  NacalculatieFout,
} from '../domain/realisatie/nacalculatie.ts';
import { productieSignaal, uitputting } from '../domain/realisatie/monitoring.ts';
import { crVanRegio } from '../budget/index.ts';
import { formatCenten, parseCenten } from '../domain/realisatie/centen.ts';
import { Decimal, pct } from '../domain/money.ts';
import * as store from './store.ts';
import { afspraakPrijzen, afspraakTotalenPerAanbieder } from '../budget/index.ts';
export { berekenHerschikking } from './herschikking.ts';
import type { FoutRow, ImportModus, ImportRow } from './store.ts';

/**
 * Where JSON text first goes wrong (0-based offset), for a line:column message; Node's JSON.parse
 * does not always say. A small scanner of the JSON grammar; undefined when the text is valid.
 */
export function jsonFoutPositie(t: string): number | undefined {
  let i = 0;
  const ws = () => {
    while (i < t.length && ' \t\n\r'.includes(t[i])) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const lit = (w: string) => {
    if (t.startsWith(w, i)) i += w.length;
    else fail();
  };
  const str = () => {
    i++;
    while (i < t.length && t[i] !== '"') {
      if (t[i] === '\\') i++;
      else if (t.charCodeAt(i) < 0x20) fail();
      i++;
    }
    if (i >= t.length) fail();
    i++;
  };
  const num = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(t.slice(i, i + 400));
    if (!m) fail();
    i += m![0].length;
  };
  const value = (): void => {
    ws();
    const c = t[i];
    if (c === '{') {
      i++;
      ws();
      if (t[i] === '}') return void i++;
      for (;;) {
        ws();
        if (t[i] !== '"') fail();
        str();
        ws();
        if (t[i] !== ':') fail();
        i++;
        value();
        ws();
        if (t[i] === ',') i++;
        else if (t[i] === '}') return void i++;
        else fail();
      }
    } else if (c === '[') {
      i++;
      ws();
      if (t[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (t[i] === ',') i++;
        else if (t[i] === ']') return void i++;
        else fail();
      }
    } else if (c === '"') str();
    else if (c === 't') lit('true');
    else if (c === 'f') lit('false');
    else if (c === 'n') lit('null');
    else num();
  };
  try {
    value();
    ws();
    if (i < t.length) fail();
    return undefined;
  } catch (e) {
    if (typeof e === 'number') return Math.min(e, t.length);
    throw e;
  }
}

/** Parses the text of a scenario file; a bad file is a 400 naming the line and column. */
export function leesScenarioTekst(tekst: string, bestand = 'scenario'): unknown {
  const t = tekst.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(t);
  } catch (e) {
    const pos = jsonFoutPositie(t);
    let waar = bestand;
    if (pos !== undefined) {
      const voor = t.slice(0, pos).split('\n');
      waar = `${bestand}:${voor.length}:${voor[voor.length - 1].length + 1}`;
    }
    throw badRequest('scenario-geen-json', `${bestand} is geen geldige JSON.`, {
      fouten: [{ waar, wat: (e as Error).message }],
      actie: 'Controleer komma’s, aanhalingstekens en haakjes (zie docs/formaten/herschikking.md).',
    });
  }
}

/** Nacalculatie from a scenario (docs/realisatie.md): 400 for field errors, 422 when refused. */
export function berekenNacalculatie(raw: unknown): ReturnType<typeof nacalculatieJson> {
  const { invoer, fouten } = leesNacalculatie(raw);
  if (!invoer)
    throw badRequest('nacalculatie-ongeldig', 'Het nacalculatiebestand is ongeldig.', {
      fouten,
      actie: 'Zie docs/realisatie.md (Nacalculatie) voor het formaat.',
    });
  try {
    return nacalculatieJson(nacalculeer(invoer));
  } catch (e) {
    if (e instanceof NacalculatieFout)
      throw unprocessable('nacalculatie-onmogelijk', 'Deze nacalculatie is met deze cijfers niet uit te voeren.', {
        fouten: [{ waar: e.waar, wat: e.message }],
      });
    throw e;
  }
}

export const isUsageError = (e: unknown) => e instanceof AppError && e.status === 400;

// ------------------------------------------------------------------ declaration import

/**
 * Imports a declaration file (docs/formaten/declaraties.md) in ONE transaction: stream-parse → COPY
 * into a staging table → check in SQL against prestaties, providers, agreements and tariffs →
 * replace the periods the file contains → audit. Idempotent: the same file whose periods are all
 * still its own changes nothing. Mode 'alles-of-niets' (default) writes no realisation when any line
 * is refused; 'geldige-regels' loads the valid lines. Refused lines are kept as a report (line,
 * field, reason; never the line's content).
 */
export interface ImportOpties {
  jaar: number;
  modus: ImportModus;
  bestandsnaam: string;
  /** when given, filled with the milliseconds spent per phase (for the benchmark) */
  fasen?: Record<string, number>;
}

export interface ImportResultaat {
  importId: string;
  status: 'geladen' | 'geweigerd' | 'ongewijzigd';
  jaar: number;
  sha256: string;
  regels: number;
  geladen: number;
  geweigerd: number;
  perioden: number;
  eersteFouten: FoutRow[];
}

export async function importeerDeclaraties(
  ctx: AppContext,
  actor: Actor | null,
  pad: string,
  opties: ImportOpties,
  progress?: Progress,
): Promise<ImportResultaat> {
  const { jaar, modus, bestandsnaam } = opties;
  // Progress is reported without awaiting the database: on PGlite a query outside the open
  // transaction would wait for it to finish.
  const melden = (f: number, stap: string) => void progress?.(f, stap)?.catch(() => undefined);
  let klok = performance.now();
  const fase = (naam: string) => {
    const nu = performance.now();
    if (opties.fasen) opties.fasen[naam] = (opties.fasen[naam] ?? 0) + (nu - klok);
    klok = nu;
  };
  const grootte = Math.max(1, fs.statSync(pad).size);
  const zorgkantoorId = actor && actor.organisatieSoort === 'zorgkantoor' ? actor.organisatieId : null;
  // The file's hash first (one cheap read, no parsing): the same file again is found before anything
  // is parsed or staged. It is computed once more while the file is parsed, to be sure the lines
  // loaded are those of this hash.
  const sha256 = await bestandsHash(pad);
  const kop = await kopVoorRechtstreeks(pad);
  fase('hash');
  const hash = crypto.createHash('sha256');
  const bron = (async function* () {
    for await (const chunk of fs.createReadStream(pad, { highWaterMark: 1 << 20 })) {
      hash.update(chunk as Buffer);
      yield chunk as Buffer;
    }
  })();
  try {
    const uit = await ctx.db.tx(async (t) => {
      await store.lockJaar(t, jaar);
      const eerder = await store.ongewijzigdeImport(t, sha256, jaar, modus, zorgkantoorId);
      if (eerder) {
        melden(1, 'ongewijzigd');
        return {
          importId: eerder.id,
          status: 'ongewijzigd' as const,
          jaar,
          sha256,
          regels: eerder.regels,
          geladen: eerder.geladen,
          geweigerd: eerder.geweigerd,
          perioden: eerder.perioden,
          eersteFouten: [],
        };
      }
      fase('voorbereiden');
      await store.maakStaging(t);
      // The straight path first: the data lines as they are into a staging table by COPY, checked and
      // converted in SQL. Any line that is not plain (or any doubt about the bytes) sends the file
      // to the line-by-line path below, which names every refused line's field and reason.
      let rechtstreeks = false;
      if (kop) {
        await t.exec('SAVEPOINT realisatie_ruw');
        try {
          await store.maakRuw(t, kop.kolommen);
          const teller = { regels: 0 };
          await t.copyCsv(
            'realisatie_ruw',
            kop.kolommen,
            kop.scheiding,
            ruweStukken(pad, kop.kopBytes, sha256, teller, (b) => melden(0.05 + 0.65 * (b / grootte), 'regels lezen')),
          );
          fase('ruw-copy');
          rechtstreeks =
            (await store.ruwAantal(t)) === teller.regels &&
            (await store.ruwNaarRegels(t, jaar, kop.kolommen.includes('regio')));
          fase('ruw-controle');
        } catch (e) {
          // a database error that is not about the file's content is raised again by the other path
          if (!(e instanceof NietRechtstreeks) && !isDbFout(e)) throw e;
          fase('ruw-copy');
        }
        await t.exec(rechtstreeks ? 'RELEASE SAVEPOINT realisatie_ruw' : 'ROLLBACK TO SAVEPOINT realisatie_ruw');
      }
      if (!rechtstreeks) {
        const staging = new store.StagingSchrijver(t);
        // Reading the next batch overlaps the COPY of the previous one (on PostgreSQL the server does
        // the COPY work meanwhile); batches still reach the staging table one at a time, in order.
        let vorige: Promise<void> | null = null;
        try {
          for await (const b of parseDeclaraties(bron, { jaar, batchGrootte: 20_000 })) {
            fase('lezen');
            if (vorige) await vorige;
            fase('staging-copy');
            vorige = staging.laad(b.regels, b.fouten);
            fase('staging-copy');
            melden(0.05 + 0.65 * (b.bytes / grootte), 'regels lezen');
          }
          fase('lezen');
          if (vorige) await vorige;
          fase('staging-copy');
        } catch (e) {
          if (vorige) await vorige.catch(() => undefined);
          throw e;
        }
        if (hash.digest('hex') !== sha256)
          throw unprocessable('declaraties-gewijzigd', `${bestandsnaam} veranderde tijdens het inlezen.`, {
            actie: 'Lever het bestand opnieuw aan. Er is niets ingelezen.',
          });
      }
      melden(0.75, 'controleren tegen afspraken en tarieven');
      await store.laadAfspraken(t, await afspraakPrijzen(t, jaar));
      // a file without refusals takes the fast path; otherwise every line gets its reasons
      const snel = await store.snelleControle(t, jaar, zorgkantoorId);
      let n: store.Telling;
      if (snel !== null) n = { regels: snel, geweigerd: 0 };
      else {
        await store.controleer(t, jaar, zorgkantoorId);
        n = await store.telling(t);
      }
      fase('controles');
      const status = modus === 'alles-of-niets' && n.geweigerd > 0 ? 'geweigerd' : 'geladen';
      const importId = await store.nieuweImport(t, {
        jaar,
        bestandsnaam,
        sha256,
        modus,
        status,
        regels: n.regels,
        geweigerd: n.geweigerd,
        organisatie_id: zorgkantoorId,
        gebruiker_id: actor?.gebruikerId ?? null,
      });
      await store.bewaarFouten(t, importId);
      fase('rapport');
      let geschreven = { geladen: 0, perioden: 0 };
      if (status === 'geladen') {
        melden(0.85, 'realisatie bijwerken');
        geschreven =
          snel !== null ? await store.schrijfSnel(t, jaar, importId) : await store.schrijfRealisatie(t, jaar, importId);
        fase('schrijven');
        // the monitoring aggregate follows the periods this import replaced, in the same transaction
        await store.werkMonitorAggregaatBij(t, jaar, importId);
        fase('monitoraggregaat');
      }
      const resultaat: ImportResultaat = {
        importId,
        status,
        jaar,
        sha256,
        regels: n.regels,
        geweigerd: n.geweigerd,
        ...geschreven,
        eersteFouten: await store.eersteFouten(t, 20),
      };
      await appendAudit(t, actor ? auditActor(actor) : SYSTEEM, {
        actie: 'realisatie.import',
        onderwerpType: 'realisatie_import',
        onderwerpId: importId,
        invoer: { bestandsnaam, sha256, jaar, modus },
        resultaat: {
          status,
          regels: n.regels,
          geladen: geschreven.geladen,
          geweigerd: n.geweigerd,
          perioden: geschreven.perioden,
        },
        regel: 'declaratie-import (docs/formaten/declaraties.md)',
      });
      melden(1, status);
      fase('afronden');
      return resultaat;
    });
    fase('commit');
    return uit;
  } catch (e) {
    if (e instanceof BestandsFout)
      throw badRequest('declaraties-onleesbaar', `${bestandsnaam} is niet te lezen: ${e.message}`, {
        fouten: [{ waar: `${bestandsnaam}:${e.regel} (${e.veld})`, wat: e.message, actie: e.actie }],
        actie: `${e.actie} Er is niets ingelezen.`,
      });
    throw e;
  }
}

/** The file's content does not suit the straight path (the line-by-line path reads it). */
class NietRechtstreeks extends Error {}

/** An error raised by the database server (it has a SQLSTATE code): a COPY the file's bytes failed. */
const isDbFout = (e: unknown) =>
  typeof (e as { code?: unknown })?.code === 'string' && /^[0-9A-Z]{5}$/.test((e as { code: string }).code);

/**
 * The header for the straight path: column names in file order, delimiter and the header's length
 * in bytes; null when the header is not plainly readable (the line-by-line path then reports it).
 */
async function kopVoorRechtstreeks(
  pad: string,
): Promise<{ kolommen: string[]; scheiding: string; kopBytes: number } | null> {
  const fh = await fs.promises.open(pad, 'r');
  try {
    const buf = Buffer.alloc(1 << 16);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    const nl = buf.subarray(0, bytesRead).indexOf(10);
    if (nl < 0 || !isUtf8(buf.subarray(0, nl))) return null;
    let regel = buf.subarray(0, nl).toString('utf8');
    if (regel.charCodeAt(0) === 0xfeff) regel = regel.slice(1);
    if (regel.endsWith('\r')) regel = regel.slice(0, -1);
    const kop = leesKop(regel);
    const kolommen = [...kop.kolommen.entries()].sort((a, b) => a[1] - b[1]).map(([k]) => k);
    return { kolommen, scheiding: kop.scheiding, kopBytes: nl + 1 };
  } catch {
    return null;
  } finally {
    await fh.close();
  }
}

/**
 * The file's data lines (after the header) in chunks that end at a line end, for COPY: counts the
 * lines, checks UTF-8 per chunk and the hash of the whole file; throws NietRechtstreeks at a
 * quotation mark (COPY's csv quoting is not the format's), invalid UTF-8, a very long line or a
 * changed file.
 */
async function* ruweStukken(
  pad: string,
  kopBytes: number,
  sha256: string,
  teller: { regels: number },
  voortgang: (bytes: number) => void,
): AsyncGenerator<Buffer> {
  const hash = crypto.createHash('sha256');
  let rest: Buffer = Buffer.alloc(0);
  let bytes = 0;
  const stuk = (b: Buffer): Buffer => {
    if (b.indexOf(0x22) !== -1 || !isUtf8(b)) throw new NietRechtstreeks();
    for (let i = b.indexOf(10); i !== -1; i = b.indexOf(10, i + 1)) teller.regels++;
    return b;
  };
  for await (const c of fs.createReadStream(pad, { highWaterMark: 1 << 20 })) {
    const chunk = c as Buffer;
    hash.update(chunk);
    let b = bytes < kopBytes ? chunk.subarray(Math.min(chunk.length, kopBytes - bytes)) : chunk;
    bytes += chunk.length;
    if (rest.length) b = Buffer.concat([rest, b]);
    const laatste = b.lastIndexOf(10);
    if (laatste === -1) {
      if (b.length > 1 << 20) throw new NietRechtstreeks();
      rest = b;
      continue;
    }
    rest = b.subarray(laatste + 1);
    yield stuk(b.subarray(0, laatste + 1));
    voortgang(bytes);
  }
  if (hash.digest('hex') !== sha256) throw new NietRechtstreeks();
  if (rest.length) {
    yield stuk(rest);
    teller.regels++;
  }
}

/** The SHA-256 of a file, read in 1 MB chunks (memory bounded). */
async function bestandsHash(pad: string): Promise<string> {
  const h = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(pad, { highWaterMark: 1 << 20 })) h.update(chunk as Buffer);
  return h.digest('hex');
}

/** The refused lines of an import as CSV (regel;veld;reden), for download. */
export async function foutenRapport(ctx: AppContext, actor: Actor | null, importId: string): Promise<string> {
  const imp = await zichtbareImport(ctx, actor, importId);
  const rijen = await store.foutenVan(ctx.db, imp.id);
  const cel = (s: string) => (/[;"\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return ['regel;veld;reden', ...rijen.map((r) => `${r.regel};${cel(r.veld)};${cel(r.reden)}`)].join('\n') + '\n';
}

export async function zichtbareImport(ctx: AppContext, actor: Actor | null, importId: string): Promise<ImportRow> {
  const imp = isUuid(importId) ? await store.importVan(ctx.db, importId) : undefined;
  // A zorgkantoor sees its own imports; the CLI (no actor) sees all.
  if (!imp || (actor && imp.organisatie_id !== actor.organisatieId)) throw notFound('Deze import');
  return imp;
}

// ------------------------------------------------------------------ monitoring

export interface MonitorOpties {
  jaar: number;
  regio: string;
  /** months 1..totMaand count as realised (default: the last month with data) */
  totMaand?: number;
  /** margin in % for under/overproduction signals (default 5) */
  marge?: string;
  /** only prestaties of this sector (VV, GZ, GGZ) */
  sector?: string;
}

/**
 * Realisation against agreement per provider in a region: year-end forecast (seasonal run-rate on the
 * region's earlier years of each provider, else linear) and a signal per provider. A zorgkantoor sees
 * its own regions; a provider only its own row; the supervisor everything.
 */
export async function monitor(
  ctx: AppContext,
  actor: Actor | null,
  o: MonitorOpties,
  q: Queryable = ctx.db,
  lees: MaandLezer = store.maandbedragen,
) {
  return (await monitorMetMaanden(ctx, actor, o, q, lees)).view;
}

/**
 * Where the monitor reads the realised amount per provider × year × month: the monitoring aggregate
 * (store.maandbedragen); the tests pass the direct computation on `realisatie` as the oracle.
 */
export type MaandLezer = typeof store.maandbedragen;

/** monitor() plus the monthly amounts it read (so the depletion view needs no second read). */
async function monitorMetMaanden(
  ctx: AppContext,
  actor: Actor | null,
  o: MonitorOpties,
  q: Queryable = ctx.db,
  lees: MaandLezer = store.maandbedragen,
) {
  const alleenEigen = actor?.organisatieSoort === 'zorgaanbieder';
  if (
    actor &&
    actor.organisatieSoort === 'zorgkantoor' &&
    !(await store.heeftConcessie(q, actor.organisatieId, o.regio, o.jaar))
  )
    throw notFound(`Regio ${o.regio} in ${o.jaar}`);
  const org = alleenEigen ? actor!.organisatieId : null;
  const [maanden, afspraken] = await Promise.all([
    lees(q, o.regio, o.jaar, org, o.sector ?? null),
    afspraakTotalenPerAanbieder(q, o.regio, o.jaar, org, o.sector ?? null),
  ]);
  const centen = (s: string) => parseCenten(s)!;
  const dit = maanden.filter((m) => m.jaar === o.jaar);
  const totMaand = o.totMaand ?? Math.max(0, ...dit.map((m) => m.maand));
  const ids = [...new Set([...afspraken.map((a) => a.organisatie_id), ...dit.map((m) => m.organisatie_id)])].sort();
  // one pass over the months: provider → year → 12 monthly amounts (was a scan of all months per provider × year)
  const perAanbieder = new Map<string, Map<number, bigint[]>>();
  for (const m of maanden) {
    let jaren = perAanbieder.get(m.organisatie_id);
    if (!jaren) perAanbieder.set(m.organisatie_id, (jaren = new Map()));
    let j = jaren.get(m.jaar);
    if (!j) jaren.set(m.jaar, (j = Array.from({ length: 12 }, () => 0n)));
    j[m.maand - 1] += centen(m.bedrag);
  }
  const reeks = (id: string, jaar: number, tot: number) => {
    const j = perAanbieder.get(id)?.get(jaar);
    return Array.from({ length: tot }, (_, k) => j?.[k] ?? 0n);
  };
  const afspraakVan = new Map(afspraken.map((a) => [a.organisatie_id, a.bedrag]));
  const signalen =
    totMaand === 0
      ? []
      : ids.map((id) => {
          const verleden = [1, 2, 3].map((k) => reeks(id, o.jaar - k, 12)).filter((j) => j.some((x) => x > 0n));
          const afspraak = centen(afspraakVan.get(id) ?? '0');
          const s = productieSignaal(id, afspraak, reeks(id, o.jaar, totMaand), verleden, o.marge ?? '5');
          return {
            aanbieder: id,
            soort: s.soort,
            afspraak: formatCenten(s.afspraak),
            gerealiseerd: formatCenten(s.gerealiseerd),
            prognose: formatCenten(s.prognose),
            afwijking: s.afwijking,
            uitleg: s.uitleg,
          };
        });
  const som = (k: 'afspraak' | 'gerealiseerd' | 'prognose') =>
    formatCenten(signalen.reduce((x, s) => x + centen(s[k]), 0n));
  const view = {
    jaar: o.jaar,
    regio: o.regio,
    totMaand,
    aanbieders: signalen,
    totaal: alleenEigen
      ? null
      : { afspraak: som('afspraak'), gerealiseerd: som('gerealiseerd'), prognose: som('prognose') },
  };
  return { view, maanden };
}

// ------------------------------------------------------------------ published depletion view

export const UITPUTTING_BRONNEN = [
  'Inkoopkader Langdurige Zorg 2016, §2.2.4: “Om zorgaanbieders comfort te bieden bij deze werkwijze, publiceren zorgkantoren periodiek over de uitnutting van de contracteerruimte.”',
  'NZa, Doelmatige zorg in de Wlz, §3.3.2: “Aandachtspunten bij dit initiatief zijn: transparantie over budgetuitputting, zodat alle zorgaanbieders het financiële risico van een tariefkorting zo vroeg mogelijk kennen.”',
];

/**
 * The use of the contracteerruimte of a region in a year (agreed total, realised to date, forecast,
 * % used), for the providers with an agreement there, the region's zorgkantoor and the NZa. Only
 * region totals: a provider sees its own line beside them, never another provider's amounts.
 */
export async function uitputtingRegio(
  ctx: AppContext,
  actor: Actor,
  o: { jaar: number; regio: string },
  lees: MaandLezer = store.maandbedragen,
) {
  const q = ctx.db;
  const isAanbieder = actor.organisatieSoort === 'zorgaanbieder';
  if (
    actor.organisatieSoort === 'zorgkantoor' &&
    !(await store.heeftConcessie(q, actor.organisatieId, o.regio, o.jaar))
  )
    throw notFound(`Regio ${o.regio} in ${o.jaar}`);
  if (isAanbieder && !(await afspraakTotalenPerAanbieder(q, o.regio, o.jaar, actor.organisatieId)).length)
    throw notFound(`Regio ${o.regio} in ${o.jaar}`);
  const [{ view: m, maanden }, crs] = await Promise.all([
    monitorMetMaanden(ctx, null, { jaar: o.jaar, regio: o.regio }, q, lees),
    crVanRegio(q, o.regio, o.jaar),
  ]);
  const cr = crs.reduce((s, x) => s + parseCenten(x.totaal)!, 0n);
  const afspraak = m.totaal ? parseCenten(m.totaal.afspraak)! : 0n;
  const perJaar = new Map<number, bigint[]>();
  for (const x of maanden) {
    let j = perJaar.get(x.jaar);
    if (!j) perJaar.set(x.jaar, (j = Array.from({ length: 12 }, () => 0n)));
    j[x.maand - 1] += parseCenten(x.bedrag)!;
  }
  const reeks = (jaar: number, tot: number) => Array.from({ length: tot }, (_, k) => perJaar.get(jaar)?.[k] ?? 0n);
  const verleden = [1, 2, 3].map((k) => reeks(o.jaar - k, 12)).filter((j) => j.some((x) => x > 0n));
  const u = m.totMaand > 0 && cr > 0n ? uitputting(cr, reeks(o.jaar, m.totMaand), verleden) : null;
  const pctVan = (x: bigint) => (cr > 0n ? pct(new Decimal(String(x)).times(100).div(String(cr))) : null);
  const eigen = isAanbieder ? (m.aanbieders.find((x) => x.aanbieder === actor.organisatieId) ?? null) : null;
  return {
    jaar: o.jaar,
    regio: o.regio,
    totMaand: m.totMaand,
    contracteerruimte: formatCenten(cr),
    voorbeeld: crs.some((x) => x.voorbeeld),
    afgesproken: formatCenten(afspraak),
    gerealiseerd: m.totaal?.gerealiseerd ?? '0.00',
    prognose: m.totaal?.prognose ?? '0.00',
    afgesprokenPct: pctVan(afspraak),
    gerealiseerdPct: u?.uitnuttingTotNu ?? null,
    prognosePct: u?.uitnuttingPrognose ?? null,
    uitgeputInMaand: u?.uitgeputInMaand ?? null,
    signaal: u?.signaal ?? null,
    uitleg: u?.uitleg ?? 'Nog geen realisatie of geen contracteerruimte bekend voor deze regio en dit jaar.',
    aanbieders: m.aanbieders.length,
    eigen: eigen
      ? { afspraak: eigen.afspraak, gerealiseerd: eigen.gerealiseerd, prognose: eigen.prognose, signaal: eigen.soort }
      : null,
    bronnen: UITPUTTING_BRONNEN,
  };
}
