/**
 * Structured logging: an unexpected error gets an id that the user sees and the log holds (without
 * personal data); security refusals are logged at warn with route, status, code and user id; no
 * bodies, cookies, CSRF tokens, e-mail addresses or passwords reach the log.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { Type } from '@fastify/type-provider-typebox';
import { createTestApp, type TestApp } from '../../testing.ts';
import { DEMO_PASSWORD } from '../../demo/index.ts';
import { schoon } from './logging.ts';

let t: TestApp;
let log = '';
const regels = () =>
  log
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));

before(async () => {
  const stream = new PassThrough();
  stream.on('data', (c) => (log += c.toString()));
  t = await createTestApp({
    app: {
      logger: { stream },
      extraRoutes: (app) => {
        app.get(
          '/api/v1/test/kapot',
          { config: { access: { publiek: true } }, schema: { hide: true, response: { 200: Type.Null() } } },
          async () => {
            throw new Error('duplicate key value (email)=(jan.jansen@example.nl) bsn 123456782 "Jan Jansen"');
          },
        );
      },
    },
  });
});
after(async () => {
  await t?.close();
});

test('a 500 carries a foutId in the answer (field, title, actie) and in the log, without personal data', async () => {
  const r = await t.anonymous.get('/api/v1/test/kapot');
  assert.equal(r.statusCode, 500);
  assert.match(String(r.headers['content-type']), /application\/problem\+json/);
  const p = r.json();
  assert.match(p.foutId, /^[0-9a-f-]{36}$/);
  assert.ok(p.title.includes(`meld dan foutcode ${p.foutId} aan de beheerder`), p.title);
  assert.ok(p.actie.includes(p.foutId));
  assert.doesNotMatch(r.body, /jan\.jansen|123456782|duplicate key/, 'no internals in the answer');
  const fout = regels().find((l) => l.foutId === p.foutId);
  assert.ok(fout, `no log line with foutId ${p.foutId}:\n${log}`);
  assert.equal(fout.level, 50);
  assert.equal(fout.route, '/api/v1/test/kapot');
  assert.equal(fout.err.type, 'Error');
  assert.ok(Array.isArray(fout.err.stack) && fout.err.stack.length > 0);
  assert.doesNotMatch(log, /jan\.jansen|123456782|Jan Jansen/);
  // a second failure gets another id
  assert.notEqual((await t.anonymous.get('/api/v1/test/kapot')).json().foutId, p.foutId);
});

test('401, 403 and CSRF refusals are logged at warn with route, status, code and user id; no e-mail', async () => {
  const za = await t.login('contractmanager@zonnehof.demo');
  assert.equal((await za.get('/api/v1/audit')).statusCode, 403);
  assert.equal((await t.anonymous.get('/api/v1/regios')).statusCode, 401);
  const csrf = await za.inject({
    method: 'PUT',
    url: '/api/v1/auth/taal',
    payload: { taal: 'en' },
    headers: { 'x-csrf-token': 'fout' },
  });
  assert.equal(csrf.statusCode, 403);
  const warn = regels().filter((l) => l.level === 40);
  const geenToegang = warn.find((l) => l.route === '/api/v1/audit');
  assert.ok(geenToegang, log);
  assert.deepEqual([geenToegang.status, geenToegang.code, geenToegang.methode], [403, 'geen-toegang', 'GET']);
  assert.match(geenToegang.gebruikerId, /^[0-9a-f-]{36}$/);
  const anoniem = warn.find((l) => l.route === '/api/v1/regios');
  assert.deepEqual([anoniem.status, anoniem.code, anoniem.gebruikerId], [401, 'niet-ingelogd', null]);
  const c = warn.find((l) => l.code === 'csrf');
  assert.equal(c.route, '/api/v1/auth/taal');
  assert.equal(c.gebruikerId, geenToegang.gebruikerId);
});

test('requests are logged without bodies, query strings, cookies, tokens, e-mail addresses or passwords', async () => {
  const za = await t.login('bestuurder@zonnehof.demo');
  await za.get('/api/v1/aanbieders?zoek=geheim-zoekwoord');
  const cookie = String((await za.inject({ method: 'GET', url: '/api/v1/auth/sessie' })).headers['set-cookie'] ?? '');
  const regs = regels();
  assert.ok(
    regs.some((l) => l.req?.pad === '/api/v1/aanbieders'),
    'requests are logged with their path',
  );
  assert.ok(regs.some((l) => l.res?.status === 200 && typeof l.responseTime === 'number'));
  for (const verboden of [DEMO_PASSWORD, 'zonnehof.demo', 'geheim-zoekwoord', za.csrf, 'zk_sessie=']) {
    assert.ok(!log.includes(verboden), `log contains ${verboden}`);
  }
  assert.ok(!cookie || !log.includes(cookie.split(';')[0]));
});

test('scrubbing hides quoted values, key=(value) pairs, e-mail addresses and long digit runs', () => {
  assert.equal(
    schoon(`invalid input syntax for type uuid: "abc" key (email)=(a@b.nl) 123456782 'x'`),
    `invalid input syntax for type uuid: "…" key (…)=(…) [getal] '…'`,
  );
  assert.equal(schoon('mail jan@example.nl now'), 'mail [e-mail] now');
});
