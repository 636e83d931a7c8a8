/**
 * Hostile input, table-driven over every API route in the OpenAPI document (anonymous routes
 * included): NUL characters and lone surrogates in path, query and body; integers written as
 * 1e309, with 400 digits or beyond int4; router and body-parser failures. Each must answer a 4xx
 * application/problem+json that names the field — never a 500. Routes are called as a user whose
 * role may call them, on real data (a published kader, a provider's bid with a document), so the
 * input reaches validation, services and the database.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { createTestApp, type TestApp, type TestClient, type TestResponse } from '../../testing.ts';
import { lokaalNaarInstant } from '../../domain/inkoop/timeline.ts';
import { DEMO_AANBIEDER } from '../../demo/index.ts';
import { multipart } from '../../../test/support/multipart.ts';

let t: TestApp;
const clients: Record<string, TestClient> = {};
const ids = { kader: '', inschrijving: '', document: '' };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** One demo account per role, to call each route as someone who may. */
const PER_ROL: Record<string, string> = {
  inkoper: 'inkoper@cz.demo',
  manager: 'manager@cz.demo',
  beoordelaar: 'beoordelaar@cz.demo',
  controller: 'controller@cz.demo',
  beheerder: 'beheerder@cz.demo',
  toezichthouder: 'toezicht@nza.demo',
  'aanbieder-contractmanager': 'contractmanager@zonnehof.demo',
  'aanbieder-bestuurder': 'bestuurder@zonnehof.demo',
  clientenraad: 'clientenraad@zonnehof.demo',
};

before(async () => {
  t = await createTestApp();
  t.setNow(lokaalNaarInstant('2025-06-02T10:00'));
  for (const [rol, email] of Object.entries(PER_ROL)) clients[rol] = await t.login(email);
  const zk = clients.inkoper;
  const k = await zk.post('/api/v1/inkoop/kaders', {
    titel: 'Inkoop V&V 2026',
    jaarVan: 2026,
    sector: 'VV',
    regioCodes: ['5526', '5527'],
    procedureType: 'dialoog',
    sjabloon: 'wlz-2016',
  });
  assert.equal(k.statusCode, 201, k.body);
  ids.kader = k.json().id;
  assert.equal((await zk.post(`/api/v1/inkoop/kaders/${ids.kader}/publiceren`, {})).statusCode, 200);
  const za = clients['aanbieder-contractmanager'];
  const i = await za.post(`/api/v1/inkoop/kaders/${ids.kader}/inschrijving`);
  assert.equal(i.statusCode, 200, i.body);
  ids.inschrijving = i.json().id;
  const m = multipart('verklaring.pdf', PDF, { eisCode: 'A2' });
  const d = await za.inject({
    method: 'POST',
    url: `/api/v1/inkoop/inschrijvingen/${ids.inschrijving}/documenten`,
    payload: m.payload,
    headers: m.headers,
  });
  assert.equal(d.statusCode, 201, d.body);
  ids.document = d.json().id;
});
after(async () => {
  await t?.close();
});

// --- the route table, from the OpenAPI document -------------------------------------------------

interface Operation {
  method: string;
  path: string;
  op: any;
}
function operations(): Operation[] {
  const spec: any = t.app.swagger();
  const out: Operation[] = [];
  for (const [p, ops] of Object.entries<any>(spec.paths))
    for (const [m, op] of Object.entries<any>(ops)) out.push({ method: m.toUpperCase(), path: p, op });
  return out;
}

/** A client allowed to call the operation (from "Toegang: …" in its description). */
function clientFor(o: Operation): TestClient {
  const d: string = o.op.description ?? '';
  if (/Toegang: publiek/.test(d)) return t.anonymous;
  const m = /Toegang: ([^;(]+)/.exec(d);
  const rollen = m ? m[1].split(',').map((s) => s.trim()) : [];
  if (/zorgaanbieder/.test(d)) {
    const r = rollen.find((x) => x.startsWith('aanbieder') || x === 'clientenraad');
    if (r) return clients[r];
  }
  for (const r of rollen) if (clients[r]) return clients[r];
  return clients.inkoper; // "iedere ingelogde gebruiker"
}

/** A realistic value for a path parameter, so the request reaches the service. */
function paramValue(path: string, name: string): string {
  if (name === 'id') {
    if (path.startsWith('/api/v1/inkoop/kaders/') || path.startsWith('/api/v1/openbaar/inkoopkaders/'))
      return ids.kader;
    if (path.startsWith('/api/v1/inkoop/inschrijvingen/')) return ids.inschrijving;
    if (path.startsWith('/api/v1/inkoop/documenten/')) return ids.document;
    if (path.startsWith('/api/v1/aanbieders/') || path.startsWith('/api/v1/tarieven/aanbieders/'))
      return DEMO_AANBIEDER;
    return crypto.randomUUID();
  }
  if (name === 'aanbiederId') return DEMO_AANBIEDER;
  if (name === 'code') return path.includes('/regios/') ? '5526' : 'A2';
  if (name === 'versie') return '1';
  if (name === 'jaar') return '2025';
  if (name === 'thema') return 'T1';
  if (name === 'documentId') return ids.document;
  return crypto.randomUUID();
}

function url(o: Operation, override: Record<string, string> = {}, query = ''): string {
  const p = o.path.replace(/\{(\w+)\}/g, (_, n) => override[n] ?? encodeURIComponent(paramValue(o.path, n)));
  return p + (query ? '?' + query : '');
}

/** A plausible body from the JSON schema; every string leaf is `str`, every integer leaf `int`. */
const HOLE = '\u0001GAT\u0001';
function sample(s: any, path: string[], target: string[] | null, hole: boolean): any {
  if (!s) return null;
  const here = target && path.length === target.length && path.every((p, i) => p === target[i]);
  if (here && hole) return HOLE;
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  if (s.anyOf) {
    const pick = s.anyOf.find((x: any) => x.type !== 'null') ?? s.anyOf[0];
    return sample(pick, path, target, hole);
  }
  switch (s.type) {
    case 'object': {
      const o: Record<string, unknown> = {};
      for (const [k, v] of Object.entries<any>(s.properties ?? {})) o[k] = sample(v, [...path, k], target, hole);
      return o;
    }
    case 'array':
      return [sample(s.items, [...path, '0'], target, hole)];
    case 'integer':
      return s.minimum ?? 1;
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case 'string':
      if (s.format === 'uuid') return crypto.randomUUID();
      if (s.format === 'email') return 'iemand@cz.demo';
      if (s.format === 'date') return '2025-06-02';
      if (s.format === 'date-time') return '2025-06-02T10:00:00Z';
      return 'tekst';
    default:
      return null;
  }
}

/** Every leaf path of a schema with its type ('string' | 'integer'). */
function leaves(s: any, path: string[] = [], out: { path: string[]; type: string }[] = []) {
  if (!s) return out;
  if (s.anyOf) {
    const pick = s.anyOf.find((x: any) => x.type !== 'null');
    return leaves(pick, path, out);
  }
  if (s.type === 'object') for (const [k, v] of Object.entries<any>(s.properties ?? {})) leaves(v, [...path, k], out);
  else if (s.type === 'array') leaves(s.items, [...path, '0'], out);
  else if ((s.type === 'string' && s.const === undefined && !s.enum) || s.type === 'integer')
    out.push({ path, type: s.type });
  return out;
}

function bodyWith(schema: any, target: string[], raw: string): string {
  return JSON.stringify(sample(schema, [], target, true)).replace(JSON.stringify(HOLE), raw);
}

interface Probe {
  naam: string;
  veld: string | null;
  /** the value may be valid text: any answer but a 500 (and 4xx as problem+json) */
  tekstMag?: boolean;
  send: () => Promise<TestResponse>;
}

const BIG = '9'.repeat(400);
const INT_HOSTILE = ['1e309', BIG, '2147483648', '-1e309', '1.5'];

function probes(): Probe[] {
  const out: Probe[] = [];
  for (const o of operations()) {
    const c = clientFor(o);
    const name = `${o.method} ${o.path}`;
    const params: any[] = o.op.parameters ?? [];
    const body = o.op.requestBody?.content?.['application/json']?.schema;
    const validBody = body ? JSON.stringify(sample(body, [], null, false)) : undefined;
    const send = (u: string, payload?: string) =>
      c.inject({
        method: o.method,
        url: u,
        ...(payload !== undefined ? { payload, headers: { 'content-type': 'application/json' } } : {}),
      });
    for (const p of params.filter((x) => x.in === 'path')) {
      out.push({
        naam: `${name}: NUL in ${p.name}`,
        veld: p.name,
        send: () => send(url(o, { [p.name]: encodeURIComponent(paramValue(o.path, p.name)) + '%00' }), validBody),
      });
      out.push({
        naam: `${name}: ${p.name}=geen-uuid`,
        veld: null,
        tekstMag: true,
        send: () => send(url(o, { [p.name]: 'geen-uuid' }), validBody),
      });
      if (p.schema?.type === 'integer')
        for (const v of INT_HOSTILE)
          out.push({
            naam: `${name}: ${p.name}=${v.slice(0, 12)}`,
            veld: p.name,
            send: () => send(url(o, { [p.name]: v }), validBody),
          });
    }
    for (const p of params.filter((x) => x.in === 'query')) {
      out.push({
        naam: `${name}: NUL in ?${p.name}`,
        veld: p.name,
        send: () => send(url(o, {}, `${p.name}=a%00b`), validBody),
      });
      if (p.schema?.type === 'integer')
        for (const v of INT_HOSTILE)
          out.push({
            naam: `${name}: ?${p.name}=${v.slice(0, 12)}`,
            veld: p.name,
            send: () => send(url(o, {}, `${p.name}=${v}`), validBody),
          });
    }
    if (body) {
      const ls = leaves(body);
      for (const l of ls.filter((x) => x.type === 'string')) {
        const veld = l.path.filter((x) => x !== '0').at(-1)!;
        out.push({
          naam: `${name}: NUL in body.${l.path.join('.')}`,
          veld,
          send: () => send(url(o), bodyWith(body, l.path, JSON.stringify('a\u0000b'))),
        });
      }
      // a 400-digit or negative number where text is expected (amounts, weights, scores are decimal strings)
      for (const l of ls.filter((x) => x.type === 'string'))
        for (const v of [BIG, '-1e309'])
          out.push({
            naam: `${name}: body.${l.path.join('.')}="${v.slice(0, 8)}…"`,
            veld: null,
            tekstMag: true,
            send: () => send(url(o), bodyWith(body, l.path, JSON.stringify(v))),
          });
      const firstString = ls.find((x) => x.type === 'string');
      if (firstString)
        out.push({
          naam: `${name}: lone surrogate in body.${firstString.path.join('.')}`,
          veld: firstString.path.filter((x) => x !== '0').at(-1)!,
          send: () => send(url(o), bodyWith(body, firstString.path, '"a\\ud800b"')),
        });
      for (const l of ls.filter((x) => x.type === 'integer'))
        for (const v of ['1e309', BIG, '2147483648'])
          out.push({
            naam: `${name}: body.${l.path.join('.')}=${v.slice(0, 12)}`,
            veld: l.path.filter((x) => x !== '0').at(-1)!,
            send: () => send(url(o), bodyWith(body, l.path, v)),
          });
    }
  }
  return out;
}

async function expectProblem(naam: string, veld: string | null, r: TestResponse, fails: string[], tekstMag = false) {
  const ct = String(r.headers['content-type'] ?? '');
  if (tekstMag && r.statusCode < 400) return;
  if (r.statusCode >= 500 || r.statusCode < 400 || !ct.includes('application/problem+json')) {
    fails.push(`${naam} → ${r.statusCode} ${ct} ${r.body.slice(0, 160)}`);
    return;
  }
  if (r.statusCode === 400 && veld) {
    const fouten: any[] = r.json().fouten ?? [];
    if (!fouten.some((f) => String(f.waar ?? '').includes(veld)))
      fails.push(`${naam} → 400 without naming ${veld}: ${r.body.slice(0, 200)}`);
  }
}

test('every route: NUL, lone surrogates and hostile integers answer 4xx problem+json naming the field', async () => {
  const ps = probes();
  assert.ok(ps.length > 200, `only ${ps.length} probes`);
  const fails: string[] = [];
  for (const p of ps) await expectProblem(p.naam, p.veld, await p.send(), fails, p.tekstMag);
  assert.deepEqual(fails, [], `${fails.length} of ${ps.length} probes failed:\n${fails.join('\n')}`);
});

// --- uploads, router and body parser ----------------------------------------------------------

const uploadUrl = () => `/api/v1/inkoop/inschrijvingen/${ids.inschrijving}/documenten`;

test('multipart without boundary, truncated, or with NUL in the file name or a field: 4xx problem+json', async () => {
  const za = clients['aanbieder-contractmanager'];
  const fails: string[] = [];
  const m = multipart('verklaring.pdf', PDF, { eisCode: 'A2' });
  const gevallen: [string, string | null, Record<string, any>][] = [
    ['geen boundary', null, { payload: m.payload, headers: { 'content-type': 'multipart/form-data' } }],
    ['afgekapt', null, { payload: m.payload.subarray(0, m.payload.length - 40), headers: m.headers }],
    ['leeg', null, { payload: Buffer.alloc(0), headers: m.headers }],
    [
      'alleen de grens',
      null,
      { payload: Buffer.from(`--${m.headers['content-type'].split('=')[1]}\r\n`), headers: m.headers },
    ],
    ['NUL in bestandsnaam', 'bestand', multipart('a\u0000b.pdf', PDF)],
    ['NUL in veld', 'eisCode', multipart('verklaring.pdf', PDF, { eisCode: 'A\u00002' })],
    ['JSON in plaats van multipart', null, { payload: '{}', headers: { 'content-type': 'application/json' } }],
    ['tekst/plain', null, { payload: 'x', headers: { 'content-type': 'text/plain' } }],
  ];
  for (const [naam, veld, o] of gevallen) {
    const r = await za.inject({ method: 'POST', url: uploadUrl(), ...o });
    await expectProblem(`upload ${naam}`, veld, r, fails);
  }
  assert.deepEqual(fails, []);
  const n = await t.db.one<{ n: number }>('SELECT count(*)::int AS n FROM document WHERE inschrijving_id = $1', [
    ids.inschrijving,
  ]);
  assert.equal(n.n, 1, 'nothing half-written');
});

test('router and body-parser failures answer problem+json in Dutch', async () => {
  const c = clients.inkoper;
  const fails: string[] = [];
  const gevallen: [string, Record<string, any>][] = [
    ['ongeldige procentcodering', { method: 'GET', url: `/api/v1/inkoop/kaders/%E0%A4%A` }],
    ['te lange padparameter', { method: 'GET', url: `/api/v1/inkoop/kaders/${'a'.repeat(500)}` }],
    [
      'ongeldige JSON',
      {
        method: 'POST',
        url: '/api/v1/inkoop/kaders',
        payload: '{"titel":',
        headers: { 'content-type': 'application/json' },
      },
    ],
    [
      'lege JSON',
      { method: 'POST', url: '/api/v1/inkoop/kaders', payload: '', headers: { 'content-type': 'application/json' } },
    ],
    [
      'onbekend inhoudstype',
      { method: 'POST', url: '/api/v1/inkoop/kaders', payload: 'x', headers: { 'content-type': 'text/csv' } },
    ],
    [
      'te groot',
      {
        method: 'POST',
        url: '/api/v1/inkoop/kaders',
        payload: JSON.stringify({ titel: 'x'.repeat(3 * 1024 * 1024) }),
        headers: { 'content-type': 'application/json' },
      },
    ],
    [
      'prototype',
      {
        method: 'POST',
        url: '/api/v1/inkoop/kaders',
        payload: '{"__proto__":{"x":1}}',
        headers: { 'content-type': 'application/json' },
      },
    ],
  ];
  for (const [naam, o] of gevallen) {
    const r = await c.inject(o);
    await expectProblem(naam, null, r, fails);
    if (r.statusCode < 500 && /[a-z]/.test(r.json().title ?? '') && /Bad Request|is not a valid|exceeding/.test(r.body))
      fails.push(`${naam}: English title ${r.body.slice(0, 120)}`);
  }
  assert.deepEqual(fails, []);
});

test('anonymous public routes refuse hostile numbers without a 500', async () => {
  const fails: string[] = [];
  for (const q of [
    'jaar=1e309',
    `jaar=${BIG}`,
    'jaar=2147483648',
    'jaar=%20%20',
    'jaar=0x7e9',
    'jaar=a%00',
    'sector=%00',
  ])
    await expectProblem(
      `openbaar ?${q}`,
      q.split('=')[0],
      await t.anonymous.get(`/api/v1/openbaar/inkoopkaders?${q}`),
      fails,
    );
  assert.deepEqual(fails, []);
  assert.equal((await t.anonymous.get('/api/v1/openbaar/inkoopkaders?jaar=2026')).statusCode, 200);
});

// --- sanity of individual fields ------------------------------------------------------------------

async function veldGeweigerd(r: TestResponse, veld: string) {
  assert.equal(r.statusCode, 400, r.body);
  assert.match(String(r.headers['content-type']), /application\/problem\+json/);
  const fouten: any[] = r.json().fouten ?? [];
  assert.ok(
    fouten.some((f) => String(f.waar ?? '').includes(veld)),
    `${veld} not named: ${r.body}`,
  );
  assert.ok(fouten.every((f) => typeof f.wat === 'string' && f.wat.length > 0));
}

test('kader: PATCH refuses an unknown sector like POST does; nothing changes', async () => {
  const zk = clients.inkoper;
  await veldGeweigerd(await zk.patch(`/api/v1/inkoop/kaders/${ids.kader}`, { sector: 'XX' }), 'sector');
  await veldGeweigerd(
    await zk.post('/api/v1/inkoop/kaders', {
      titel: 'x',
      jaarVan: 2026,
      sector: 'XX',
      regioCodes: ['5526'],
      procedureType: 'openbaar',
    }),
    'sector',
  );
  const k = await t.db.one<{ sector: string }>('SELECT sector FROM inkoopkader WHERE id = $1', [ids.kader]);
  assert.equal(k.sector, 'VV');
});

test('weighted criterion: scale "abc", negative or overflowing weight are refused naming the field', async () => {
  const zk = clients.inkoper;
  const eis = (x: Record<string, unknown>) =>
    zk.post(`/api/v1/inkoop/kaders/${ids.kader}/eisen`, {
      code: 'Z' + Math.random().toString(36).slice(2, 6),
      groep: 'gunningscriterium_gewogen',
      tekst: 'Kwaliteit van zorg',
      soort: 'tekst',
      gewicht: '10',
      schaalMin: '0',
      schaalMax: '10',
      ...x,
    });
  await veldGeweigerd(await eis({ schaalMin: 'abc' }), 'schaalMin');
  await veldGeweigerd(await eis({ schaalMax: 'abc' }), 'schaalMax');
  await veldGeweigerd(await eis({ gewicht: '-1' }), 'gewicht');
  await veldGeweigerd(await eis({ gewicht: '1e3' }), 'gewicht');
  await veldGeweigerd(await eis({ gewicht: '1234567' }), 'gewicht');
  await veldGeweigerd(await eis({ gewicht: '12.345' }), 'gewicht');
  await veldGeweigerd(await eis({ gewicht: 10 }), 'gewicht');
  await veldGeweigerd(await eis({ volgorde: 2147483648 }), 'volgorde');
  const ok = await eis({ gewicht: '12,5' });
  assert.equal(ok.statusCode, 201, ok.body);
  const n = await t.db.one<{ n: number }>(
    `SELECT count(*)::int AS n FROM eis WHERE kader_id = $1 AND groep = 'gunningscriterium_gewogen' AND code LIKE 'Z%'`,
    [ids.kader],
  );
  assert.equal(n.n, 1, 'only the valid criterion is stored');
  const g = await t.db.one<{ gewicht: string }>(`SELECT gewicht FROM eis WHERE kader_id = $1 AND code LIKE 'Z%'`, [
    ids.kader,
  ]);
  assert.equal(g.gewicht, '12.50');
});

test('ontwikkelplan: negative or 13+ digit investering is refused; a valid amount is stored exactly', async () => {
  const za = clients['aanbieder-contractmanager'];
  const url = `/api/v1/inkoop/inschrijvingen/${ids.inschrijving}/ontwikkelplan`;
  for (const v of ['-1', '1234567890123', '9'.repeat(400), '1e5', '12.345', ' ', 'abc'])
    await veldGeweigerd(await za.put(url, { investering: v }), 'investering');
  const ok = await za.put(url, { investering: '25000,50' });
  assert.equal(ok.statusCode, 200, ok.body);
  const r = await t.db.one<{ investering: string }>(
    'SELECT investering FROM ontwikkelplan WHERE inschrijving_id = $1',
    [ids.inschrijving],
  );
  assert.equal(r.investering, '25000.50');
});

test('dialogue: a date of "-1", 1.5 or year 1 is refused naming datum', async () => {
  const zk = clients.inkoper;
  const url = `/api/v1/inkoop/inschrijvingen/${ids.inschrijving}/dialoog`;
  const body = { deelnemers: [{ naam: 'A. Jansen' }], onderwerpen: ['kwaliteit'] };
  for (const datum of ['-1', 1.5, '1.5', '0001-01-01T10:00', '2025-02-30T10:00', 'morgen', '2025-08-20T10:00:00+99:00'])
    await veldGeweigerd(await zk.post(url, { ...body, datum }), 'datum');
  const n = await t.db.one<{ n: number }>('SELECT count(*)::int AS n FROM dialooggesprek');
  assert.equal(n.n, 0);
});

test('tarieven: regionaleRol "   " is refused, not read as 0', async () => {
  const r = await t.anonymous.post('/api/v1/tarieven/vergelijk', {
    jaar: 2024,
    sector: 'VV',
    leveringsvorm: 'verblijf',
    profiel: { regionaleRol: '   ' },
  });
  await veldGeweigerd(r, 'regionaleRol');
  const p = await clients.inkoper.put(`/api/v1/tarieven/profielen/${DEMO_AANBIEDER}`, {
    jaar: 2024,
    profiel: { regionaleRol: '   ' },
  });
  assert.equal(p.statusCode, 400, p.body);
  assert.match(p.body, /regionaleRol/);
});

// --- downloads and headers ------------------------------------------------------------------------

test('documents named "Plan – 2027.pdf", with ‘’, €, CJK or emoji upload and download (RFC 6266/5987 names, no-store)', async () => {
  const za = clients['aanbieder-contractmanager'];
  for (const naam of [
    'Plan – 2027.pdf',
    'Bestuurs‘verklaring’.pdf',
    'Begroting €.pdf',
    '计划书.pdf',
    'Plan 🚀.pdf',
    "Zorg & welzijn (v2) 'def'.pdf",
  ]) {
    const m = multipart(naam, PDF, { eisCode: 'A2' });
    const u = await za.inject({ method: 'POST', url: uploadUrl(), payload: m.payload, headers: m.headers });
    assert.equal(u.statusCode, 201, `${naam}: ${u.body}`);
    assert.equal(u.json().naam, naam);
    const d = await za.get(`/api/v1/inkoop/documenten/${u.json().id}`);
    assert.equal(d.statusCode, 200, `${naam}: ${d.body.slice(0, 200)}`);
    assert.deepEqual(d.rawPayload, PDF);
    assert.equal(d.headers['cache-control'], 'no-store');
    const cd = String(d.headers['content-disposition']);
    assert.match(cd, /^attachment; filename="[\x20-\x7e]+"/, cd);
    const ster = /filename\*=UTF-8''([^;]+)/.exec(cd);
    if (/^[\x20-\x7e]*$/.test(naam)) assert.equal(cd, `attachment; filename="${naam}"`);
    else {
      assert.ok(ster, `${naam}: no filename* in ${cd}`);
      assert.equal(decodeURIComponent(ster[1]), naam);
    }
  }
});

test('Cache-Control: no-store on every non-public API answer; Permissions-Policy on every answer', async () => {
  const zk = clients.inkoper;
  const gevallen: [string, TestResponse, boolean][] = [
    ['eigen kaders', await zk.get('/api/v1/inkoop/kaders'), true],
    ['sessie', await zk.get('/api/v1/auth/sessie'), true],
    ['401', await t.anonymous.get('/api/v1/inkoop/kaders'), true],
    ['404 api', await zk.get('/api/v1/bestaat-niet'), true],
    ['400', await zk.get('/api/v1/regios?jaar=abc'), true],
    ['publiek, ingelogd', await zk.get('/api/v1/openbaar/inkoopkaders'), true],
    ['publiek, anoniem', await t.anonymous.get('/api/v1/openbaar/inkoopkaders'), false],
    ['healthz', await t.anonymous.get('/healthz'), false],
  ];
  for (const [naam, r, noStore] of gevallen) {
    assert.match(String(r.headers['permissions-policy']), /camera=\(\).*geolocation=\(\).*microphone=\(\)/, naam);
    if (noStore) assert.equal(r.headers['cache-control'], 'no-store', naam);
    else assert.notEqual(r.headers['cache-control'], 'no-store', naam);
  }
});

test("requests Node's HTTP parser refuses (raw NUL in the request line) get problem+json, not bare JSON", async () => {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as import('node:net').AddressInfo;
  const net = await import('node:net');
  const antwoord = await new Promise<string>((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1', () => s.write('GET /api/v1/regios\u0000x HTTP/1.1\r\nHost: a\r\n\r\n'));
    let data = '';
    s.on('data', (c) => (data += c.toString()));
    s.on('close', () => resolve(data));
    s.on('error', reject);
  });
  assert.match(antwoord, /^HTTP\/1\.1 400 /);
  assert.match(antwoord, /Content-Type: application\/problem\+json/i);
  assert.match(antwoord, /Permissions-Policy: /);
  const body = JSON.parse(antwoord.split('\r\n\r\n')[1]);
  assert.equal(body.code, 'verzoek-ongeldig');
  assert.equal(body.status, 400);
});
