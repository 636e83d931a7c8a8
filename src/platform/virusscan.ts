/**
 * Malware check for uploaded documents (issue 3: "documents stored with SHA-256, virus-size limits,
 * PDF/Office only"). Two scanners:
 *
 * - the built-in scanner (always on, no network) refuses
 *   · the EICAR test signature anywhere in the file, or in any member of a zip container;
 *   · Office Open XML / OpenDocument (zip) files with macros: a member named `vbaProject.bin`
 *     (docm/xlsm/pptm saved under a .docx name), or an OpenDocument `Basic/` or `Scripts/` folder;
 *   · legacy OLE Office files (doc/xls/ppt) with a `_VBA_PROJECT`, `_VBA_PROJECT_CUR`, `VBA` or
 *     `Macros` storage in the compound-file directory;
 *   · PDFs with active content: the names /JavaScript, /JS, /Launch, /EmbeddedFile(s) or /RichMedia,
 *     also when hidden with #xx escapes or inside a compressed object stream (/ObjStm). /OpenAction
 *     alone is allowed (it usually only sets the first page or zoom); an /OpenAction that runs
 *     JavaScript is refused through /JS. /URI links and forms (/AcroForm) without JavaScript pass.
 *   · a zip that unpacks to more than 400 MB (zip bomb).
 *   The built-in scanner is a policy check, not an antivirus: it has no virus signatures beyond EICAR.
 *
 * - ClamAV (clamd), optional, in addition to the built-in scanner when `ZORGINKOOP_CLAMD=host:port`
 *   is set: the file is streamed with the clamd INSTREAM command over TCP. When clamd is configured
 *   but cannot be reached or answers with an error, the upload is refused (fail closed).
 *
 * Nothing here logs or returns file content; findings name only the rule or the signature.
 */
import net from 'node:net';
import zlib from 'node:zlib';
import { AppError } from './errors.ts';

export type ScanUitslag = { schoon: true } | { schoon: false; bevinding: string; actie?: string };

export interface Scanner {
  naam: string;
  /** Resolves with the verdict; rejects when the file could not be scanned (the upload is then refused). */
  scan(naam: string, inhoud: Buffer): Promise<ScanUitslag>;
}

// ───────────────────────────── Built-in scanner ─────────────────────────────

/** The EICAR anti-virus test string, assembled so this source file itself does not carry it. */
const EICAR = Buffer.from('X5O!P%@AP[4\\PZX54(P^)7CC)7}$' + 'EICAR-STANDARD-ANTIVIRUS-' + 'TEST-FILE!$H+H*', 'latin1');
const ZIP_LOCAL = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');
/** Largest total a zip container or the PDF object streams may unpack to before it counts as a bomb. */
export const MAX_UITGEPAKT_BYTES = 400 * 1024 * 1024;

const ACTIE_MACRO =
  'Sla het document op zonder macro\'s (bijv. Word: "Opslaan als" .docx in plaats van .docm) en upload het opnieuw.';
const ACTIE_PDF =
  'Maak een PDF zonder actieve inhoud (bijv. "Afdrukken als PDF" of opslaan als PDF/A) en upload die opnieuw.';
const ACTIE_VIRUS =
  'Gebruik dit bestand niet verder; laat uw computer controleren door uw IT-beheer en upload een schone versie.';

class Bom extends Error {}

interface ZipLid {
  naam: string;
  methode: number;
  gecomprimeerd: number;
  offset: number;
}

/** Member names from the zip central directory (no unpacking needed); null when there is none. */
export function zipLeden(b: Buffer): ZipLid[] | null {
  // End of central directory: signature PK\5\6, searched backwards over at most 64 KiB of comment.
  const min = Math.max(0, b.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = b.length - 22; i >= min; i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const aantal = b.readUInt16LE(eocd + 10);
  let p = b.readUInt32LE(eocd + 16);
  const leden: ZipLid[] = [];
  for (let n = 0; n < aantal; n++) {
    if (p + 46 > b.length || b.readUInt32LE(p) !== 0x02014b50) return leden.length ? leden : null;
    const methode = b.readUInt16LE(p + 10);
    const gecomprimeerd = b.readUInt32LE(p + 20);
    const naamLen = b.readUInt16LE(p + 28);
    const extraLen = b.readUInt16LE(p + 30);
    const commentLen = b.readUInt16LE(p + 32);
    const offset = b.readUInt32LE(p + 42);
    leden.push({ naam: b.toString('utf8', p + 46, p + 46 + naamLen), methode, gecomprimeerd, offset });
    p += 46 + naamLen + extraLen + commentLen;
  }
  return leden;
}

/** The unpacked bytes of one member (stored or deflated), or null when it cannot be read. */
function zipInhoud(b: Buffer, lid: ZipLid, budget: { rest: number }): Buffer | null {
  const o = lid.offset;
  if (o + 30 > b.length || b.readUInt32LE(o) !== 0x04034b50) return null;
  const start = o + 30 + b.readUInt16LE(o + 26) + b.readUInt16LE(o + 28);
  const data = b.subarray(start, Math.min(b.length, start + lid.gecomprimeerd));
  if (lid.methode === 0) return data;
  if (lid.methode !== 8) return null;
  try {
    const uit = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, budget.rest) });
    budget.rest -= uit.length;
    return uit;
  } catch (e: any) {
    if (e?.code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) throw new Bom();
    return null;
  }
}

const ODF_MACRO = /^(Basic|Scripts)\//;
const OLE_MACRO = new Set(['_VBA_PROJECT', '_VBA_PROJECT_CUR', 'VBA', 'MACROS']);

/**
 * Storage/stream names in an OLE compound file. Directory entries are 128 bytes, always aligned to
 * 128 bytes from the start of the file (sectors are 512 or 4096 bytes after a 512-byte header), so
 * the aligned slots are read without following the FAT: name (UTF-16LE, 64 bytes), its length in
 * bytes including the terminator at 0x40, and the object type (1 storage, 2 stream, 5 root) at 0x42.
 */
export function oleNamen(b: Buffer): string[] {
  const namen: string[] = [];
  for (let o = 512; o + 128 <= b.length; o += 128) {
    const len = b.readUInt16LE(o + 0x40);
    const type = b[o + 0x42];
    if (len < 4 || len > 64 || len % 2 || ![1, 2, 5].includes(type)) continue;
    if (b.readUInt16LE(o + len - 2) !== 0) continue;
    // Names may start with one control character (e.g. \u0005SummaryInformation); the rest is printable ASCII.
    const naam = b.toString('utf16le', o + (b[o] <= 5 && b[o + 1] === 0 ? 2 : 0), o + len - 2);
    if (/^[ -~]+$/.test(naam)) namen.push(naam);
  }
  return namen;
}

/** PDF names (/Name) with #xx escapes decoded. */
function pdfNamen(tekst: string): Set<string> {
  const uit = new Set<string>();
  for (const m of tekst.matchAll(/\/([^\s/<>[\]()%{}]+)/g)) {
    uit.add(m[1].replace(/#([0-9A-Fa-f]{2})/g, (_x, h) => String.fromCharCode(parseInt(h, 16))));
  }
  return uit;
}

const PDF_ACTIEF: Record<string, string> = {
  JavaScript: 'JavaScript',
  JS: 'JavaScript',
  Launch: 'een opdracht die een programma start (/Launch)',
  EmbeddedFile: 'een ingesloten bestand (/EmbeddedFile)',
  EmbeddedFiles: 'ingesloten bestanden (/EmbeddedFiles)',
  RichMedia: 'ingesloten media (/RichMedia)',
};

function pdfActief(b: Buffer): string | null {
  const tekst = b.toString('latin1');
  const teksten = [tekst];
  // Compressed object streams (PDF 1.5+) can hold the catalogue and actions: unpack those.
  const budget = { rest: MAX_UITGEPAKT_BYTES };
  for (const m of tekst.matchAll(/>>\s*stream\r?\n/g)) {
    // The stream's dictionary: from the object header ("n 0 obj") to the keyword `stream`.
    const dict = tekst.slice(Math.max(tekst.lastIndexOf('obj', m.index), m.index - 4000), m.index);
    if (!/\/Type\s*\/ObjStm/.test(dict) || !/\/FlateDecode/.test(dict)) continue;
    const start = m.index! + m[0].length;
    const eind = tekst.indexOf('endstream', start);
    if (eind < 0) continue;
    try {
      const uit = zlib.inflateSync(b.subarray(start, eind), { maxOutputLength: Math.max(1, budget.rest) });
      budget.rest -= uit.length;
      teksten.push(uit.toString('latin1'));
    } catch (e: any) {
      if (e?.code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) throw new Bom();
    }
  }
  for (const t of teksten) {
    const namen = pdfNamen(t);
    for (const [naam, wat] of Object.entries(PDF_ACTIEF))
      if (namen.has(naam)) return `de PDF bevat actieve inhoud: ${wat}`;
  }
  return null;
}

function ingebouwd(naam: string, inhoud: Buffer): ScanUitslag {
  if (inhoud.includes(EICAR))
    return {
      schoon: false,
      bevinding: 'het bestand bevat de EICAR-testsignatuur (Eicar-Test-Signature)',
      actie: ACTIE_VIRUS,
    };
  try {
    if (inhoud.subarray(0, 4).equals(ZIP_LOCAL)) {
      // Member names appear in the local headers as well as in the central directory: check the raw bytes too.
      if (inhoud.includes('vbaProject.bin', 0, 'latin1'))
        return { schoon: false, bevinding: "het Office-document bevat macro's (vbaProject.bin)", actie: ACTIE_MACRO };
      const leden = zipLeden(inhoud) ?? [];
      for (const l of leden) {
        if (/(^|\/)vbaProject\.bin$/i.test(l.naam))
          return { schoon: false, bevinding: `het Office-document bevat macro's (${l.naam})`, actie: ACTIE_MACRO };
        if (ODF_MACRO.test(l.naam))
          return {
            schoon: false,
            bevinding: `het OpenDocument-bestand bevat macro's (${l.naam.split('/')[0]}/)`,
            actie: ACTIE_MACRO,
          };
      }
      const budget = { rest: MAX_UITGEPAKT_BYTES };
      for (const l of leden) {
        const data = zipInhoud(inhoud, l, budget);
        if (data?.includes(EICAR))
          return {
            schoon: false,
            bevinding: `het onderdeel ${l.naam} bevat de EICAR-testsignatuur (Eicar-Test-Signature)`,
            actie: ACTIE_VIRUS,
          };
      }
    } else if (inhoud.subarray(0, 8).equals(OLE_MAGIC)) {
      const macro = oleNamen(inhoud).find((n) => OLE_MACRO.has(n.toUpperCase()));
      if (macro)
        return { schoon: false, bevinding: `het Office-document bevat macro's (${macro})`, actie: ACTIE_MACRO };
    } else if (inhoud.subarray(0, 5).equals(PDF_MAGIC) || /\.pdf$/i.test(naam)) {
      const actief = pdfActief(inhoud);
      if (actief) return { schoon: false, bevinding: actief, actie: ACTIE_PDF };
    }
  } catch (e) {
    if (e instanceof Bom)
      return {
        schoon: false,
        bevinding: `het bestand pakt uit tot meer dan ${MAX_UITGEPAKT_BYTES / 1024 / 1024} MB (mogelijk een zip-bom)`,
        actie: 'Lever het document in een gewone, niet kunstmatig samengeperste vorm aan.',
      };
    throw e;
  }
  return { schoon: true };
}

/** The always-on policy scanner (EICAR, macros, active PDF content). */
export const ingebouwdeScanner: Scanner = {
  naam: 'ingebouwd',
  async scan(naam, inhoud) {
    return ingebouwd(naam, inhoud);
  },
};

// ───────────────────────────── ClamAV (clamd INSTREAM) ─────────────────────────────

export interface ClamdAdres {
  host: string;
  port: number;
}

/** Parses `host:port` (also `[::1]:3310`); null when the value is not of that form. */
export function parseClamd(waarde: string): ClamdAdres | null {
  const m = /^\[?([^\]]+?)\]?:(\d{1,5})$/.exec(waarde.trim());
  if (!m) return null;
  const port = Number(m[2]);
  return port > 0 && port < 65536 ? { host: m[1], port } : null;
}

/** Thrown when a scanner cannot give a verdict; the upload is then refused (fail closed). */
export class ScannerOnbeschikbaar extends Error {}

/**
 * A clamd client: `zINSTREAM\0`, the file in chunks of <4-byte big-endian length><bytes>, a zero
 * length, then one reply `stream: OK` or `stream: <signature> FOUND` (or `... ERROR`).
 */
export function clamdScanner(adres: ClamdAdres, opts: { timeoutMs?: number; chunk?: number } = {}): Scanner {
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const chunk = opts.chunk ?? 64 * 1024;
  const wie = `ClamAV (clamd op ${adres.host}:${adres.port})`;
  return {
    naam: 'clamav',
    scan(_naam, inhoud) {
      return new Promise<ScanUitslag>((resolve, reject) => {
        let antwoord = '';
        let klaar = false;
        const socket = net.createConnection({ host: adres.host, port: adres.port });
        const einde = (fn: () => void) => {
          if (klaar) return;
          klaar = true;
          socket.destroy();
          fn();
        };
        socket.setTimeout(timeoutMs, () =>
          einde(() => reject(new ScannerOnbeschikbaar(`${wie} antwoordde niet binnen ${timeoutMs / 1000} s`))),
        );
        socket.on('error', (e: any) =>
          einde(() => reject(new ScannerOnbeschikbaar(`${wie} is niet bereikbaar (${e?.code ?? e?.message ?? e})`))),
        );
        socket.on('data', (d) => {
          antwoord += d.toString('utf8');
          if (antwoord.includes('\0')) socket.end();
        });
        socket.on('close', () =>
          einde(() => {
            const r = antwoord.replace(/\0[\s\S]*$/, '').trim();
            const gevonden = /^(?:stream: )?(.+) FOUND$/.exec(r);
            if (/^(?:stream: )?OK$/.test(r)) resolve({ schoon: true });
            else if (gevonden) resolve({ schoon: false, bevinding: `ClamAV vond ${gevonden[1]}`, actie: ACTIE_VIRUS });
            else reject(new ScannerOnbeschikbaar(`${wie} gaf geen uitslag${r ? ` ('${r.slice(0, 200)}')` : ''}`));
          }),
        );
        socket.on('connect', () => {
          socket.write('zINSTREAM\0');
          for (let o = 0; o < inhoud.length; o += chunk) {
            const deel = inhoud.subarray(o, o + chunk);
            const len = Buffer.alloc(4);
            len.writeUInt32BE(deel.length);
            socket.write(len);
            socket.write(deel);
          }
          socket.write(Buffer.alloc(4));
        });
      });
    },
  };
}

// ───────────────────────────── Checking an upload ─────────────────────────────

/** The scanners for this configuration: always the built-in one, plus clamd when configured. */
export function scannersVoor(cfg: { clamd?: string }): Scanner[] {
  if (!cfg.clamd) return [ingebouwdeScanner];
  const adres = parseClamd(cfg.clamd);
  if (!adres) {
    return [
      ingebouwdeScanner,
      {
        naam: 'clamav',
        scan: () => Promise.reject(new ScannerOnbeschikbaar(`ZORGINKOOP_CLAMD='${cfg.clamd}' is geen host:poort`)),
      },
    ];
  }
  return [ingebouwdeScanner, clamdScanner(adres)];
}

/**
 * Runs every scanner; throws a 422 naming the file (`waar`), what was found and what to do, or a
 * 503 when a configured scanner is unavailable. Never includes file content.
 */
export async function controleerOpMalware(
  scanners: Scanner[],
  naam: string,
  inhoud: Buffer,
  waar = `bestand '${naam}'`,
): Promise<void> {
  for (const s of scanners) {
    let u: ScanUitslag;
    try {
      u = await s.scan(naam, inhoud);
    } catch (e) {
      throw new AppError(
        503,
        'virusscanner-onbeschikbaar',
        `Het bestand '${naam}' is niet opgeslagen: de virusscanner is niet beschikbaar (${e instanceof Error ? e.message : String(e)}); zonder controle wordt niets opgeslagen (regel inkoop.document.malware).`,
        {
          fouten: [
            {
              waar,
              wat: 'Niet op malware gecontroleerd: virusscanner niet beschikbaar.',
              actie:
                'Probeer het over enkele minuten opnieuw; blijft het mislukken, meld het dan aan de beheerder (ZORGINKOOP_CLAMD).',
            },
          ],
          actie: 'Probeer het later opnieuw.',
        },
      );
    }
    if (!u.schoon) {
      throw new AppError(
        422,
        'document-malware',
        `Het bestand '${naam}' is geweigerd: ${u.bevinding} (regel inkoop.document.malware, scanner: ${s.naam}).`,
        { fouten: [{ waar, wat: u.bevinding, actie: u.actie ?? ACTIE_VIRUS }], actie: u.actie ?? ACTIE_VIRUS },
      );
    }
  }
}
