/**
 * Validating an iWlz message: size, UTF-8, no DTD (so no external entities and no entity
 * expansion: XXE and "billion laughs" never reach a parser), well-formedness, which message it
 * is (namespace of the root element), then the official XSD with libxml2 in WebAssembly
 * (xmllint-wasm, in process, with --nonet; its file system holds only the schemas and the
 * message). Every failure is reported with its line and return code 0001 ("Bericht is afgekeurd
 * om technische redenen", LDT_RetourCode), which is what the standard answers to a message it
 * cannot process.
 */
import fs from 'node:fs';
import path from 'node:path';
import { validateXML, memoryPages } from 'xmllint-wasm';
import { XMLValidator } from 'fast-xml-parser';
import { BERICHTEN, XSD_DIR, berichtVoorNamespace, type BerichtType } from './berichten.ts';
import { RETOURCODE } from './codelijsten.ts';

/** Largest message accepted (bytes). A real AW33 with hundreds of clients is a few MB. */
export const MAX_BERICHT_BYTES = 10 * 1024 * 1024;

export interface Validatiefout {
  /** line in the message (1-based), when known */
  regel: number | null;
  melding: string;
}

export interface Validatie {
  geldig: boolean;
  type: BerichtType | null;
  /** LDT_RetourCode for the whole message when refused (0001), null when valid */
  retourcode: string | null;
  fouten: Validatiefout[];
  /** the message as text (UTF-8, without BOM), when it could be decoded */
  xml?: string;
}

const schemaCache = new Map<string, string>();
function schemaTekst(bestand: string): string {
  let s = schemaCache.get(bestand);
  if (!s) {
    s = fs.readFileSync(path.join(XSD_DIR, bestand), 'utf8');
    schemaCache.set(bestand, s);
  }
  return s;
}

const afgekeurd = (fouten: Validatiefout[], type: BerichtType | null = null, xml?: string): Validatie => ({
  geldig: false,
  type,
  retourcode: RETOURCODE.TECHNISCH,
  fouten,
  xml,
});

const regelVan = (tekst: string, index: number) => tekst.slice(0, index).split('\n').length;

/** Nine-digit numbers (BSNs) never appear in a message about the message. */
const maskeer = (s: string) => s.replace(/\b\d{9}\b/g, '*********');

/** The namespace of the root element, read from its start tag. */
function rootNamespace(xml: string): string | undefined {
  const m = /<(?:([A-Za-z_][\w.-]*):)?([A-Za-z_][\w.-]*)\b([^>]*)>/.exec(
    xml.replace(/<\?[\s\S]*?\?>/g, '').replace(/<!--[\s\S]*?-->/g, ''),
  );
  if (!m) return undefined;
  const prefix = m[1];
  const attrs = m[3];
  const re = prefix ? new RegExp(`xmlns:${prefix}\\s*=\\s*["']([^"']*)["']`) : /xmlns\s*=\s*["']([^"']*)["']/;
  return re.exec(attrs)?.[1];
}

export interface ValideerOpties {
  /** only these message types are accepted */
  verwacht?: readonly BerichtType[];
  maxBytes?: number;
}

export async function valideerBericht(input: string | Uint8Array, opts: ValideerOpties = {}): Promise<Validatie> {
  const max = opts.maxBytes ?? MAX_BERICHT_BYTES;
  const bytes = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.byteLength;
  if (bytes > max)
    return afgekeurd([
      {
        regel: null,
        melding: `Het bericht is ${bytes} bytes; het maximum is ${max} bytes. Splits het bericht in kleinere berichten.`,
      },
    ]);
  let xml: string;
  if (typeof input === 'string') xml = input;
  else {
    try {
      xml = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      return afgekeurd([
        { regel: null, melding: 'Het bericht is geen geldige UTF-8-tekst; iWlz-berichten zijn UTF-8.' },
      ]);
    }
  }
  if (xml.charCodeAt(0) === 0xfeff) xml = xml.slice(1);
  if (!xml.trim()) return afgekeurd([{ regel: null, melding: 'Het bericht is leeg.' }]);

  const dtd = /<!(DOCTYPE|ENTITY)/i.exec(xml);
  if (dtd)
    return afgekeurd(
      [
        {
          regel: regelVan(xml, dtd.index),
          melding:
            'Het bericht bevat een DTD (<!DOCTYPE> of <!ENTITY>). iWlz-berichten hebben geen DTD; om veiligheidsredenen (externe entiteiten, entiteitexpansie) wordt het niet verwerkt.',
        },
      ],
      null,
      xml,
    );

  const wf = XMLValidator.validate(xml);
  if (wf !== true)
    return afgekeurd(
      [{ regel: wf.err.line ?? null, melding: `Geen goedgevormde XML: ${maskeer(wf.err.msg)}` }],
      null,
      xml,
    );

  const ns = rootNamespace(xml);
  const def = ns ? berichtVoorNamespace(ns) : undefined;
  if (!def)
    return afgekeurd(
      [
        {
          regel: 1,
          melding: `Onbekend berichttype (namespace ${ns ? `"${ns}"` : 'ontbreekt'}). Ondersteund: ${Object.keys(BERICHTEN).join(', ')} van iWlz 2.2.`,
        },
      ],
      null,
      xml,
    );
  if (opts.verwacht && !opts.verwacht.includes(def.type))
    return afgekeurd(
      [{ regel: 1, melding: `Dit is een ${def.type}-bericht; hier wordt ${opts.verwacht.join(' of ')} verwacht.` }],
      def.type,
      xml,
    );

  let r;
  try {
    r = await validateXML({
      xml: { fileName: 'bericht.xml', contents: xml },
      schema: { fileName: def.xsd, contents: schemaTekst(def.xsd) },
      preload: [{ fileName: 'basisschema.xsd', contents: schemaTekst('basisschema.xsd') }],
      modifyArguments: (args) => ['--nonet', ...args],
      initialMemoryPages: memoryPages.defaultInitialMemoryPages,
      maxMemoryPages: 512 * memoryPages.MiB,
    });
  } catch (e) {
    return afgekeurd(
      [{ regel: null, melding: `Het bericht kon niet tegen het schema worden gecontroleerd: ${(e as Error).message}` }],
      def.type,
      xml,
    );
  }
  if (r.valid) return { geldig: true, type: def.type, retourcode: null, fouten: [], xml };
  const fouten: Validatiefout[] = r.errors
    .filter((e) => e.loc?.fileName === 'bericht.xml' || (!e.loc && !/fails to validate/.test(e.rawMessage)))
    .filter((e) => e.message.trim())
    .map((e) => ({
      regel: e.loc && Number.isFinite(e.loc.lineNumber) ? e.loc.lineNumber : null,
      melding: 'Schemafout: ' + maskeer(e.message.replace(/^(element \S+: )?Schemas validity error : /, '')),
    }));
  if (!fouten.length) fouten.push({ regel: null, melding: 'Het bericht voldoet niet aan het schema ' + def.xsd });
  return afgekeurd(fouten, def.type, xml);
}
