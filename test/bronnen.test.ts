/**
 * Sourced means sourced: every `citaat` in the shipped data files occurs in the source documents
 * (the Dutch texts in ../shared/domain/seeds or the reconstructed table of the 2024 overview),
 * tolerant only of PDF line breaks, hyphenation, typographic quotes and editorial insertions
 * ("[in]", "…"); every `document` names a registered document or is marked as the product's choice;
 * and the words of this repository ("seed", "digest") never reach a user through those files.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BRONNEN, INTERNE_BRONWOORDEN, bronVermelding, noemtBekendeBron } from '../src/domain/bronnen.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(root, '../shared/domain');

/** Lower-case, straight quotes, no hyphenation breaks, no whitespace at all. */
export function normaliseer(s: string): string {
  return (
    s
      .replace(/[‘’‚`´]/g, "'")
      .replace(/[“”„]/g, '"')
      .replace(/[–—]/g, '-')
      .replace(/\s+/g, '')
      // a hyphen between letters may be a line-break hyphen or the word's own ("maximum-\ntarief")
      .replace(/(\p{L})-(?=\p{L})/gu, '$1')
      .toLowerCase()
  );
}

function corpus(): string {
  const delen: string[] = [];
  for (const f of fs.readdirSync(path.join(shared, 'seeds')))
    delen.push(fs.readFileSync(path.join(shared, 'seeds', f), 'utf8'));
  const tabel = JSON.parse(fs.readFileSync(path.join(shared, 'digests/table_003.json'), 'utf8')) as { text: string }[];
  for (const t of tabel) delen.push(t.text);
  return normaliseer(delen.join('\n'));
}

/** The fragments of a quote between editorial insertions ([…], …, ...) that must each occur verbatim. */
function fragmenten(citaat: string): string[] {
  return citaat
    .split(/\[[^\]]*\]|…|\.\.\./)
    .map((f) => normaliseer(f))
    .filter((f) => f.length >= 8);
}

function dataBestanden(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) dataBestanden(p, out);
    else if (e.name.endsWith('.json') && path.basename(path.dirname(p)) === 'data') out.push(p);
  }
  return out;
}

interface Gevonden {
  bestand: string;
  pad: string;
  waarde: string;
}
function verzamel(v: unknown, sleutel: string, bestand: string, pad = '', out: Gevonden[] = []): Gevonden[] {
  if (Array.isArray(v)) v.forEach((x, i) => verzamel(x, sleutel, bestand, `${pad}[${i}]`, out));
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) {
      if (k === sleutel && typeof x === 'string') out.push({ bestand, pad: `${pad}.${k}`, waarde: x });
      verzamel(x, sleutel, bestand, `${pad}.${k}`, out);
    }
  return out;
}
function alleTeksten(v: unknown, bestand: string, pad = '', out: Gevonden[] = []): Gevonden[] {
  if (typeof v === 'string') out.push({ bestand, pad, waarde: v });
  else if (Array.isArray(v)) v.forEach((x, i) => alleTeksten(x, bestand, `${pad}[${i}]`, out));
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) alleTeksten(x, bestand, `${pad}.${k}`, out);
  return out;
}

const bestanden = dataBestanden(path.join(root, 'src'));
const inhoud = new Map(bestanden.map((b) => [path.relative(root, b), JSON.parse(fs.readFileSync(b, 'utf8'))]));

test('the normalisation is tolerant of line breaks and hyphenation only', () => {
  assert.equal(
    normaliseer('Geen intramurale zorg\nmet ZZP4 meer (verblijf\nmet behan-\ndeling).'),
    normaliseer('Geen intramurale zorg met ZZP4 meer (verblijf met behandeling).'),
  );
  assert.notEqual(normaliseer('max. 95,5%'), normaliseer('max. 96,5%'));
});

test('every citaat in src/**/data/*.json occurs verbatim in the source documents', () => {
  const tekst = corpus();
  const citaten = [...inhoud].flatMap(([b, j]) => verzamel(j, 'citaat', b));
  assert.ok(citaten.length >= 40, `te weinig citaten gevonden (${citaten.length})`);
  const fout = citaten.filter((c) => fragmenten(c.waarde).some((f) => !tekst.includes(f)));
  assert.deepEqual(
    fout.map((c) => `${c.bestand}${c.pad}: ${c.waarde}`),
    [],
    'deze citaten staan niet (letterlijk) in de bronnen',
  );
});

test('a citation that is not in the sources is caught', () => {
  const tekst = corpus();
  assert.ok(fragmenten('Maximale differentiatie is van -2% tot +1% van richttarief.').every((f) => tekst.includes(f)));
  assert.ok(fragmenten('Maximale differentiatie is van -3% tot +2% van richttarief.').some((f) => !tekst.includes(f)));
});

test('every document of a source names a registered document (title) or the product choice', () => {
  const docs = [...inhoud].flatMap(([b, j]) => verzamel(j, 'document', b));
  assert.ok(docs.length > 0);
  const fout = docs.filter((d) => !noemtBekendeBron(d.waarde));
  assert.deepEqual(
    fout.map((d) => `${d.bestand}${d.pad}: ${d.waarde}`),
    [],
  );
});

test('the words of this repository (seed, digest) appear in no user-visible text of the tariff and reference data', () => {
  const fout = [...inhoud]
    .filter(([b]) => !b.startsWith('src/inkoop/'))
    .flatMap(([b, j]) => alleTeksten(j, b))
    .filter((t) => INTERNE_BRONWOORDEN.test(t.waarde));
  assert.deepEqual(
    fout.map((t) => `${t.bestand}${t.pad}: ${t.waarde}`),
    [],
  );
});

test('the register names each document by title and publisher', () => {
  assert.equal(BRONNEN.length, 5);
  assert.equal(
    bronVermelding('inkoopkader-2016', '§2.2.4'),
    'Inkoopkader Langdurige Zorg 2016 (de zorgkantoren (Wlz-uitvoerders), 2016), §2.2.4',
  );
  for (const b of BRONNEN) assert.doesNotMatch(`${b.titel} ${b.uitgever} ${b.omschrijving}`, INTERNE_BRONWOORDEN);
});
