/**
 * OpenID Connect failures a user or an outage can cause: a malformed state cookie, an unreachable
 * identity provider. Each answers a Dutch problem (400/401/503), never a 500.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { createTestApp, type TestApp } from '../../testing.ts';

let t: TestApp;
const cookie = (v: string) => ({ cookie: `zk_oidc=${encodeURIComponent(v)}` });

before(async () => {
  // a port on this machine that nobody listens on: the identity provider is down
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  t = await createTestApp({
    demo: false,
    config: {
      oidc: {
        issuer: `http://127.0.0.1:${port}`,
        clientId: 'zorginkoop',
        clientSecret: 'geheim',
        redirectUri: 'http://127.0.0.1:9/api/v1/auth/oidc/callback',
        emailClaim: 'email',
      },
    },
  });
});
after(async () => {
  await t?.close();
});

async function probleem(r: Awaited<ReturnType<TestApp['anonymous']['get']>>, status: number, code: string) {
  assert.equal(r.statusCode, status, r.body);
  assert.match(String(r.headers['content-type']), /application\/problem\+json/);
  assert.equal(r.json().code, code);
}

test('callback with a missing or malformed state cookie: 400 oidc-sessie', async () => {
  const url = '/api/v1/auth/oidc/callback?code=x&state=y';
  await probleem(await t.anonymous.get(url), 400, 'oidc-sessie');
  for (const v of ['geen-json', '{"verifier":1}', 'null', '[]', '{"verifier":"a"}', '%E0%A4%A'])
    await probleem(await t.anonymous.inject({ method: 'GET', url, headers: cookie(v) }), 400, 'oidc-sessie');
});

test('unreachable identity provider: 503 oidc-onbereikbaar at the start and at the callback', async () => {
  await probleem(await t.anonymous.get('/api/v1/auth/oidc'), 503, 'oidc-onbereikbaar');
  const r = await t.anonymous.inject({
    method: 'GET',
    url: '/api/v1/auth/oidc/callback?code=x&state=y',
    headers: cookie(JSON.stringify({ verifier: 'v', state: 'y' })),
  });
  await probleem(r, 503, 'oidc-onbereikbaar');
});
