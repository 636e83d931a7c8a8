import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../testing.ts';
import { DEMO_AANBIEDER, DEMO_AANBIEDER_2 } from '../../demo/index.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => {
  await t.close();
});

test('401 without a session, as problem+json with an actionable message', async () => {
  const r = await t.anonymous.get('/api/v1/regios');
  assert.equal(r.statusCode, 401);
  assert.match(r.headers['content-type'], /application\/problem\+json/);
  assert.equal(r.json().code, 'niet-ingelogd');
});

test('wrong password: 401, and no session cookie', async () => {
  const r = await t.anonymous.post('/api/v1/auth/login', { email: 'inkoper@cz.demo', wachtwoord: 'fout-wachtwoord' });
  assert.equal(r.statusCode, 401);
  assert.equal(r.headers['set-cookie'], undefined);
});

test('session cookie is HttpOnly and SameSite; security headers are set', async () => {
  const r = await t.anonymous.post('/api/v1/auth/login', { email: 'inkoper@cz.demo', wachtwoord: 'zorginkoop-demo' });
  assert.equal(r.statusCode, 200);
  const c = String(r.headers['set-cookie']);
  assert.match(c, /HttpOnly/);
  assert.match(c, /SameSite=Lax/);
  assert.ok(r.headers['content-security-policy']);
  assert.equal(r.headers['x-content-type-options'], 'nosniff');
});

test('a provider cannot see another provider: 404, same as non-existent', async () => {
  const p = await t.login('contractmanager@zonnehof.demo');
  assert.equal((await p.get(`/api/v1/aanbieders/${DEMO_AANBIEDER}`)).statusCode, 200);
  const other = await p.get(`/api/v1/aanbieders/${DEMO_AANBIEDER_2}`);
  assert.equal(other.statusCode, 404);
  assert.equal((await p.get('/api/v1/aanbieders/bestaat-niet')).statusCode, 404);
});

test('a role without access gets 403', async () => {
  const p = await t.login('contractmanager@zonnehof.demo');
  const r = await p.get('/api/v1/audit');
  assert.equal(r.statusCode, 403);
  assert.equal(r.json().code, 'geen-toegang');
});

test('CSRF: a state-changing request without or with a wrong token is refused', async () => {
  const c = await t.login('beheerder@cz.demo');
  const body = { email: 'nieuw@cz.demo', naam: 'Nieuw', rollen: ['inkoper'], wachtwoord: 'lang-genoeg-wachtwoord' };
  const none = await c.inject({
    method: 'POST',
    url: '/api/v1/gebruikers',
    payload: body,
    headers: { 'x-csrf-token': '' },
  });
  assert.equal(none.statusCode, 403);
  assert.equal(none.json().code, 'csrf');
  const wrong = await c.inject({
    method: 'POST',
    url: '/api/v1/gebruikers',
    payload: body,
    headers: { 'x-csrf-token': 'x'.repeat(32) },
  });
  assert.equal(wrong.statusCode, 403);
  assert.equal((await t.db.query(`SELECT 1 FROM gebruiker WHERE email = 'nieuw@cz.demo'`)).length, 0);
  const ok = await c.post('/api/v1/gebruikers', body);
  assert.equal(ok.statusCode, 201);
});

test('roles must fit the organisation kind', async () => {
  const c = await t.login('beheerder@cz.demo');
  const r = await c.post('/api/v1/gebruikers', {
    email: 'x@cz.demo',
    naam: 'X',
    rollen: ['aanbieder-bestuurder'],
    wachtwoord: 'lang-genoeg-wachtwoord',
  });
  assert.equal(r.statusCode, 400);
  assert.equal(r.json().code, 'rol-past-niet');
});

test('invalid input names the field', async () => {
  const r = await t.anonymous.post('/api/v1/auth/login', { email: 'inkoper@cz.demo' });
  assert.equal(r.statusCode, 400);
  assert.ok(r.json().fouten.some((f: any) => /wachtwoord/.test(f.waar)));
});

test('login rate limiting: after 10 failures the next try gets 429 with Retry-After', async () => {
  for (let i = 0; i < 10; i++)
    await t.anonymous.post('/api/v1/auth/login', { email: 'manager@cz.demo', wachtwoord: 'fout' + i });
  const r = await t.anonymous.post('/api/v1/auth/login', { email: 'manager@cz.demo', wachtwoord: 'zorginkoop-demo' });
  assert.equal(r.statusCode, 429);
  assert.ok(Number(r.headers['retry-after']) > 0);
});

test('logout ends the session', async () => {
  const c = await t.login('controller@cz.demo');
  assert.equal((await c.get('/api/v1/auth/sessie')).statusCode, 200);
  assert.equal((await c.post('/api/v1/auth/logout')).statusCode, 204);
  assert.equal((await c.get('/api/v1/auth/sessie')).statusCode, 401);
});

test('every API route declares its access and has a response schema', () => {
  const spec: any = t.app.swagger();
  for (const [p, ops] of Object.entries<any>(spec.paths)) {
    for (const [m, op] of Object.entries<any>(ops)) {
      assert.match(op.description ?? '', /Toegang:/, `${m.toUpperCase()} ${p} declares no access`);
      assert.ok(op.responses && Object.keys(op.responses).length > 0, `${m.toUpperCase()} ${p} has no response schema`);
    }
  }
});

test('healthz and readyz', async () => {
  assert.equal((await t.anonymous.get('/healthz')).statusCode, 200);
  const r = await t.anonymous.get('/readyz');
  assert.equal(r.statusCode, 200);
  assert.equal(r.json().database, t.db.kind);
});
