/**
 * Checks of the architecture's two rules (one owner per table, no import circles), shared by
 * test/architectuur.test.ts and `npm run architectuur` (prints the current debt as JSON).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const src = path.join(root, 'src');
export const baselinePad = path.join(root, 'test/architectuur-baseline.json');

export function bestanden(dir: string, ext: RegExp, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) bestanden(p, ext, out);
    else if (ext.test(e.name)) out.push(p);
  }
  return out;
}
export const rel = (p: string) => path.relative(root, p).split(path.sep).join('/');

/** table → owning capability folder (first path segment under src/). */
export function eigenaren(): Map<string, string> {
  const m = new Map<string, string>();
  for (const f of bestanden(src, /^\d{4}_.*\.sql$/)) {
    const cap = rel(f).split('/')[1];
    const sql = fs.readFileSync(f, 'utf8').replace(/--.*$/gm, '');
    for (const x of sql.matchAll(/CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?([a-z_][a-z0-9_]*)/gi))
      m.set(x[1].toLowerCase(), cap);
  }
  return m;
}

const VRIJ_LEESBAAR = new Set(['platform', 'reference']);
export const SQL_VERWIJZING =
  /\b(FROM|JOIN|INTO|UPDATE|TABLE|REFERENCES|DELETE\s+FROM|TRUNCATE)\s+(?:ONLY\s+)?([a-z_][a-z0-9_]*)\b|copyInto\(\s*['"`]([a-z_][a-z0-9_]*)/gi;

/** "file → table" for every use of a table outside its owner's store.ts. */
export function tabelOvertredingen(dir = src): string[] {
  const eig = eigenaren();
  const uit = new Set<string>();
  for (const f of bestanden(dir, /\.ts$/)) {
    const r = 'src/' + path.relative(dir, f).split(path.sep).join('/');
    if (r.endsWith('.test.ts') || r.startsWith('src/demo/')) continue;
    const cap = r.split('/')[1];
    const isStore = path.basename(f) === 'store.ts';
    const tekst = fs.readFileSync(f, 'utf8');
    for (const x of tekst.matchAll(SQL_VERWIJZING)) {
      const tabel = (x[2] ?? x[3]).toLowerCase();
      const eigenaar = eig.get(tabel);
      if (!eigenaar) continue;
      const schrijft = /INTO|UPDATE|DELETE|TRUNCATE|TABLE|copyInto/i.test(x[1] ?? 'copyInto');
      if (eigenaar === cap && isStore) continue;
      if (VRIJ_LEESBAAR.has(eigenaar) && !schrijft) continue;
      if (eigenaar === 'platform' && cap === 'platform') continue;
      uit.add(`${r} → ${tabel}`);
    }
  }
  return [...uit].sort();
}

/** Strongly connected components (size > 1) of the import graph of src/. */
export function importKringen(dir = src): string[][] {
  const graaf = new Map<string, string[]>();
  for (const f of bestanden(dir, /\.tsx?$/)) {
    if (f.endsWith('.test.ts')) continue;
    const tekst = fs.readFileSync(f, 'utf8');
    const naar: string[] = [];
    for (const x of tekst.matchAll(
      /(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g,
    )) {
      const doel = path.resolve(path.dirname(f), x[1] ?? x[2]);
      if (fs.existsSync(doel) && /\.tsx?$/.test(doel)) naar.push(rel(doel));
    }
    graaf.set(rel(f), naar);
  }
  // Tarjan
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stapel: string[] = [];
  const op = new Set<string>();
  const kringen: string[][] = [];
  const bezoek = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stapel.push(v);
    op.add(v);
    for (const w of graaf.get(v) ?? []) {
      if (!idx.has(w)) {
        bezoek(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (op.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const c: string[] = [];
      let w: string;
      do {
        w = stapel.pop()!;
        op.delete(w);
        c.push(w);
      } while (w !== v);
      if (c.length > 1) kringen.push(c.sort());
    }
  };
  for (const v of graaf.keys()) if (!idx.has(v)) bezoek(v);
  return kringen.sort((a, b) => a[0].localeCompare(b[0]));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  console.log(JSON.stringify({ tabellen: tabelOvertredingen(), kringen: importKringen() }, null, 1));
}
