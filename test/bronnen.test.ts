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
import os from 'node:os';
import ts from 'typescript';
import { BRONNEN, INTERNE_BRONWOORDEN, PRODUCTKEUZE, bronVermelding, noemtBekendeBron } from '../src/domain/bronnen.ts';
import { tijdlijn2016 } from '../src/domain/inkoop/timeline.ts';
import { PROCEDURE_NAMEN } from '../src/domain/inkoop/procedure.ts';

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

test('the words of this repository (seed, digest) appear in no text of any data file (tariffs, reference, procurement templates)', () => {
  assert.ok([...inhoud.keys()].some((b) => b.startsWith('src/inkoop/data/sjabloon-')));
  const fout = [...inhoud].flatMap(([b, j]) => alleTeksten(j, b)).filter((t) => INTERNE_BRONWOORDEN.test(t.waarde));
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

// ───────────────────────────── What users see in the code ─────────────────────────────

/** Non-test TypeScript of the server (src) and the web app (web/src). */
function bronBestanden(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules' && e.name !== 'dist') bronBestanden(p, out);
    } else if (/\.tsx?$/.test(e.name) && !/\.(test|e2e)\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

interface Letterlijk {
  bestand: string;
  regel: number;
  tekst: string;
}
/** The string and template literals of a file (not comments, not module names of imports/exports). */
function letterlijken(bestand: string): Letterlijk[] {
  const code = fs.readFileSync(bestand, 'utf8');
  const sf = ts.createSourceFile(
    bestand,
    code,
    ts.ScriptTarget.Latest,
    true,
    bestand.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const out: Letterlijk[] = [];
  const bezoek = (n: ts.Node): void => {
    // the module name of an import/export is a file name, not a text (import/export clauses hold no literals)
    if ((ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) && n.moduleSpecifier) return;
    if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword) return;
    if (
      ts.isStringLiteral(n) ||
      ts.isNoSubstitutionTemplateLiteral(n) ||
      ts.isTemplateHead(n) ||
      ts.isTemplateMiddle(n) ||
      ts.isTemplateTail(n) ||
      ts.isJsxText(n)
    )
      out.push({
        bestand: path.relative(root, bestand),
        regel: sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1,
        tekst: n.text,
      });
    ts.forEachChild(n, bezoek);
  };
  bezoek(sf);
  return out;
}

const INTERN = /\bseeds?\b|\bdigests?\b|table_003/i;
/**
 * The one other meaning of "seed" in this product: the demo generator's random seed (`zorginkoop demo
 * --seed 1`), a number, never a source file; allowed only there and never followed by a document number.
 */
const DEMO_SEED = (l: Letterlijk) =>
  (l.bestand.startsWith('src/demo/') || l.bestand === 'src/server.ts') &&
  !/\bseeds?\s+0\d\d|\bdigests?\b|table_003/i.test(l.tekst);

test('user-visible string literals in src and web/src never say seed, digest or table_003 (file:line)', () => {
  const bestanden = [...bronBestanden(path.join(root, 'src')), ...bronBestanden(path.join(root, 'web/src'))];
  assert.ok(bestanden.length > 100, `te weinig bestanden (${bestanden.length})`);
  const alle = bestanden.flatMap(letterlijken);
  assert.ok(alle.length > 5000, `te weinig teksten (${alle.length})`);
  const fout = alle.filter((l) => INTERN.test(l.tekst) && !DEMO_SEED(l));
  assert.deepEqual(
    fout.map((l) => `${l.bestand}:${l.regel}: ${l.tekst.slice(0, 160)}`),
    [],
    'gebruik de titel van het document en de paragraaf (src/domain/bronnen.ts), niet de bestandsnaam',
  );
});

test('the literal scan finds a source file name in a string or template, and skips comments and imports', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bronnen-'));
  const f = path.join(tmp, 'x.ts');
  fs.writeFileSync(
    f,
    [
      "import { a } from './reference/seed.ts';",
      '// seed 002 §2.2 in a comment is fine',
      "const r = 'regel x (seed 002 §2.2.4)';",
      'const t = `regel ${r}, digest 002 F4`;',
      "const ok = crypto.createHash('sha256').update(r).digest('hex');",
    ].join('\n'),
  );
  const gevonden = letterlijken(f).filter((l) => INTERN.test(l.tekst));
  fs.rmSync(tmp, { recursive: true });
  assert.deepEqual(
    gevonden.map((l) => l.regel),
    [3, 4],
  );
});

// ───────────────────────────── Procurement templates and timetables ─────────────────────────────

const sjablonen = [...inhoud].filter(([b]) => /^src\/inkoop\/data\/sjabloon-.*\.json$/.test(b));

test('every bron of the procurement templates names a registered document by title, or starts with the product-choice marker', () => {
  assert.equal(sjablonen.length, 4);
  const bronnen = sjablonen.flatMap(([b, j]) => verzamel(j, 'bron', b));
  assert.ok(bronnen.length > 80, `te weinig bronnen (${bronnen.length})`);
  const fout = bronnen.filter((x) => !noemtBekendeBron(x.waarde) || INTERNE_BRONWOORDEN.test(x.waarde));
  assert.deepEqual(
    fout.map((x) => `${x.bestand}${x.pad}: ${x.waarde}`),
    [],
  );
  // what a bron quotes ("…") stands verbatim in the sources
  const tekst = corpus();
  const citaten = bronnen.flatMap((x) => [...x.waarde.matchAll(/"([^"]{12,})"/g)].map((m) => ({ ...x, citaat: m[1] })));
  assert.ok(citaten.length >= 10, `te weinig citaten in de sjablonen (${citaten.length})`);
  assert.deepEqual(
    citaten
      .filter((c) => fragmenten(c.citaat).some((f) => !tekst.includes(f)))
      .map((c) => `${c.bestand}${c.pad}: "${c.citaat}"`),
    [],
    'deze aanhalingen in de sjablonen staan niet letterlijk in de bronnen',
  );
  // a bron that names no document is a product choice, with a reason after the marker
  for (const x of bronnen.filter((y) => y.waarde.startsWith(PRODUCTKEUZE)))
    assert.ok(x.waarde.length > PRODUCTKEUZE.length + 20, `${x.bestand}${x.pad}: keuze zonder reden`);
  // a section is named where a document is named (§, hoofdstuk or Kader)
  for (const x of bronnen.filter((y) => !y.waarde.startsWith(PRODUCTKEUZE)))
    assert.match(x.waarde, /§\s?\d|hoofdstuk \d|Kader \d/, `${x.bestand}${x.pad}: geen vindplaats`);
});

test("the templates' own choices are marked as choices with a reason: weights, scale, times, windows, admission, award", () => {
  const j = (id: string) => sjablonen.find(([, x]) => x.id === id)![1];
  const keuzes = (id: string) => (j(id).keuzes as { onderwerp: string; bron: string }[]).map((k) => k.bron).join('\n');
  for (const [, s] of sjablonen) {
    assert.ok(Array.isArray(s.keuzes) && s.keuzes.length > 0, `${s.id}: keuzes ontbreken`);
    for (const k of s.keuzes) assert.ok(k.bron.startsWith(`${PRODUCTKEUZE}: `), `${s.id}: ${k.onderwerp}`);
    // every weighted criterion says its weight and scale are the product's example
    for (const e of s.eisen.filter((x: any) => x.gewicht != null))
      assert.match(
        e.bron,
        new RegExp(`Gewicht ${e.gewicht} en schaal ${e.schaalMin}–${e.schaalMax}: ${PRODUCTKEUZE}: `),
      );
  }
  assert.match(keuzes('wlz-2016'), /09:00/);
  assert.match(keuzes('wlz-2016'), /dialoog/);
  assert.match(keuzes('wlz-2016'), /14 dagen/);
  assert.match(keuzes('wlz-2016'), /40\/30\/30.*schaal 1–5/);
  assert.match(keuzes('awbz-2008'), /14 dagen/);
  assert.match(keuzes('open-house'), /toelating staat open/);
  assert.match(keuzes('open-house'), /opnieuw aanmelden/);
  assert.match(keuzes('best-value'), /verduidelijkingsfase/);
  assert.match(keuzes('best-value'), /\(N\)/);
  // open house and best value: described in the Inkoopsafari as municipal and insurer practice; for the Wlz an option
  assert.match(
    j('open-house').bron,
    /^Inkoopsafari – .*§4\.2 \(l\.3749–3776\).*Wmo.*voor de Wlz is open house een keuzemogelijkheid van het product/,
  );
  assert.match(
    j('best-value').bron,
    /^Inkoopsafari – .*l\.3770–3776.*Wmo.*l\.934–944.*l\.1790–1798.*Zvw.*voor de Wlz is best value een keuzemogelijkheid van het product/,
  );
});

test('the timetable and the procedure names give their source by title; dates the source does not give are choices', () => {
  const t = tijdlijn2016(2025);
  for (const x of t) assert.ok(noemtBekendeBron(x.bron) && !INTERNE_BRONWOORDEN.test(x.bron), `${x.fase}: ${x.bron}`);
  const fase = (f: string) => t.find((x) => x.fase === f)!.bron;
  assert.ok(fase('dialoog').startsWith(PRODUCTKEUZE));
  assert.ok(fase('bezwaar').startsWith(PRODUCTKEUZE));
  assert.match(fase('publicatie'), /Inkoopkader Langdurige Zorg 2016, §2\.2.*Tijdstip 09:00: Keuze van het product/);
  assert.match(fase('nvi'), /^Inkoopkader Langdurige Zorg 2016, §2\.2 \(De planning voor de inkoopprocedure\)$/);
  for (const [type, n] of Object.entries(PROCEDURE_NAMEN))
    assert.ok(noemtBekendeBron(n.bron) && !INTERNE_BRONWOORDEN.test(n.bron), `${type}: ${n.bron}`);
  assert.match(PROCEDURE_NAMEN.open_house.bron, /Inkoopsafari.*Wmo.*Keuze van het product: voor de Wlz/);
});
