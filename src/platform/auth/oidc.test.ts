// OpenID Connect login against a real OpenID provider (oidc-provider) running on this machine.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { createTestApp, type TestApp } from '../../testing.ts';

let t: TestApp;
let idp: http.Server;
let issuer: string;
const redirectUri = 'http://127.0.0.1:9/api/v1/auth/oidc/callback';
const accounts: Record<string, string> = { 'sub-inkoper': 'inkoper@cz.demo', 'sub-onbekend': 'onbekend@elders.nl' };

before(async () => {
  idp = http.createServer();
  await new Promise<void>((r) => idp.listen(0, '127.0.0.1', () => r()));
  issuer = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'zorginkoop',
        client_secret: 'test-geheim',
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { email: ['email'], openid: ['sub'] },
    findAccount: async (_ctx: unknown, sub: string) => ({
      accountId: sub,
      claims: async () => ({ sub, email: accounts[sub] }),
    }),
    pkce: { required: () => true },
  });
  idp.on('request', provider.callback());
  t = await createTestApp({
    config: { oidc: { issuer, clientId: 'zorginkoop', clientSecret: 'test-geheim', redirectUri, emailClaim: 'email' } },
  });
});
after(async () => {
  await t.close();
  idp.close();
});

/** Follows the identity provider's redirects and dev login/consent forms like a browser would. */
async function signInAt(authUrl: string, accountId: string): Promise<string> {
  const jar = new Map<string, string>();
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  let url = authUrl;
  let method = 'GET';
  let body: string | undefined;
  for (let i = 0; i < 20; i++) {
    if (url.startsWith(redirectUri)) return url;
    const r = await fetch(url, {
      method,
      body,
      redirect: 'manual',
      headers: { cookie: cookieHeader(), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
    });
    for (const c of r.headers.getSetCookie()) {
      const [kv] = c.split(';');
      const [k, ...v] = kv.split('=');
      jar.set(k, v.join('='));
    }
    if (r.status >= 300 && r.status < 400) {
      url = new URL(r.headers.get('location')!, url).href;
      method = 'GET';
      body = undefined;
      continue;
    }
    const html = await r.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    assert.ok(action, `expected a form at ${url}: ${html.slice(0, 200)}`);
    const prompt = /name="prompt" value="([^"]+)"/.exec(html)?.[1] ?? 'consent';
    url = new URL(action, url).href;
    method = 'POST';
    body = new URLSearchParams(
      prompt === 'login' ? { prompt, login: accountId, password: 'x' } : { prompt },
    ).toString();
  }
  throw new Error('too many redirects');
}

test('OIDC: the e-mail claim signs in the matching local user with its own organisation and roles', async () => {
  const start = await t.anonymous.get('/api/v1/auth/oidc');
  assert.equal(start.statusCode, 302);
  const cookie = String(start.headers['set-cookie']).split(';')[0];
  const back = await signInAt(start.headers.location, 'sub-inkoper');
  const cb = await t.anonymous.inject({
    method: 'GET',
    url: back.replace('http://127.0.0.1:9', ''),
    headers: { cookie },
  });
  assert.equal(cb.statusCode, 302, cb.body);
  const session = String(cb.headers['set-cookie']).match(/zk_sessie=[^;]+/)?.[0];
  assert.ok(session);
  const me = await t.anonymous.inject({ method: 'GET', url: '/api/v1/auth/sessie', headers: { cookie: session } });
  assert.equal(me.statusCode, 200);
  assert.equal(me.json().gebruiker.email, 'inkoper@cz.demo');
  assert.deepEqual(me.json().gebruiker.rollen, ['inkoper']);
});

test('OIDC: a person without a local account is refused with what to do', async () => {
  const start = await t.anonymous.get('/api/v1/auth/oidc');
  const cookie = String(start.headers['set-cookie']).split(';')[0];
  const back = await signInAt(start.headers.location, 'sub-onbekend');
  const cb = await t.anonymous.inject({
    method: 'GET',
    url: back.replace('http://127.0.0.1:9', ''),
    headers: { cookie },
  });
  assert.equal(cb.statusCode, 401);
  assert.equal(cb.json().code, 'oidc-onbekend');
  assert.match(cb.json().actie, /beheerder/);
});

test('GET /auth/methoden (public): password always, OIDC with the provider name from OIDC_NAAM or the issuer host', async () => {
  const r = await t.anonymous.get('/api/v1/auth/methoden');
  assert.equal(r.statusCode, 200);
  assert.deepEqual(r.json(), { wachtwoord: true, oidc: { naam: '127.0.0.1' } });
  const oud = t.ctx.config.oidc!;
  try {
    t.ctx.config.oidc = { ...oud, naam: 'Microsoft Entra' };
    assert.deepEqual((await t.anonymous.get('/api/v1/auth/methoden')).json().oidc, { naam: 'Microsoft Entra' });
    t.ctx.config.oidc = undefined;
    assert.deepEqual((await t.anonymous.get('/api/v1/auth/methoden')).json(), { wachtwoord: true, oidc: null });
    assert.equal((await t.anonymous.get('/api/v1/auth/oidc')).statusCode, 404, 'and the flow itself is off');
  } finally {
    t.ctx.config.oidc = oud;
  }
});
