/**
 * The web app's dictionaries: every Dutch text has an English one (and back), and every literal
 * key used in t('…') exists. Runs with the browser tests (no browser needed) because it reads
 * web/src; dynamic keys (template strings) are not checked here.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/src');

function walk(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (/\.(ts|tsx)$/.test(e.name)) out.push(p);
  }
  return out;
}

test('web: Dutch and English dictionaries are complete and every t() key exists', async () => {
  const files = walk(web);
  const i18n = await import(pathToFileURL(path.join(web, 'app/i18n.tsx')).href);
  // Load every messages file; registerMessages fills the shared dictionaries.
  for (const f of files.filter((x) => /messages\.ts$/.test(x))) await import(pathToFileURL(f).href);

  const problems: string[] = [];
  const nlKeys = new Set<string>(),
    enKeys = new Set<string>();
  for (const f of files.filter((x) => /messages\.ts$/.test(x))) {
    const src = fs.readFileSync(f, 'utf8');
    const ns = /registerMessages\('([^']+)'/.exec(src)?.[1];
    if (!ns) continue;
    // The blocks start at a line that opens them ("  nl: {" / "  en: {"), not at the same text inside a message.
    const nlStart = src.search(/^\s*nl: \{/m),
      enStart = src.search(/^\s*en: \{/m);
    assert.ok(nlStart >= 0 && enStart > nlStart, `${path.relative(web, f)}: nl- en en-blok niet gevonden`);
    const nlBlock = src.slice(nlStart, enStart);
    const enBlock = src.slice(enStart);
    for (const m of nlBlock.matchAll(/^\s*'([^']+)':/gm)) nlKeys.add(`${ns}.${m[1]}`);
    for (const m of enBlock.matchAll(/^\s*'([^']+)':/gm)) enKeys.add(`${ns}.${m[1]}`);
  }
  for (const k of nlKeys) if (!enKeys.has(k)) problems.push(`Engels ontbreekt: ${k}`);
  for (const k of enKeys) if (!nlKeys.has(k)) problems.push(`Nederlands ontbreekt: ${k}`);

  for (const f of files) {
    const src = fs
      .readFileSync(f, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '');
    for (const m of src.matchAll(/\bt\('([a-z][\w.-]*\.[\w.-]+)'/g)) {
      if (!i18n.hasMessage(m[1])) problems.push(`${path.relative(web, f)}: onbekende sleutel ${m[1]}`);
    }
  }
  assert.deepEqual(problems, []);
});
