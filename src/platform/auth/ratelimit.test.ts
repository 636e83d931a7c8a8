import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LoginLimiter } from './ratelimit.ts';
import { mayCall, type Actor } from './roles.ts';

test('limiter blocks after max failures within the window and frees after it', () => {
  const l = new LoginLimiter(3, 1000);
  l.fail(['a'], 0);
  l.fail(['a'], 10);
  assert.equal(l.retryAfter(['a'], 20), 0);
  l.fail(['a'], 20);
  assert.equal(l.retryAfter(['a'], 30), 1);
  assert.equal(l.retryAfter(['a'], 1001), 0);
});

test('mayCall: roles, organisation kinds, public', () => {
  const a = { rollen: ['inkoper'], organisatieSoort: 'zorgkantoor' } as unknown as Actor;
  assert.equal(mayCall({ publiek: true }, null), 'ok');
  assert.equal(mayCall({ rollen: 'ingelogd', data: 'alle' }, null), 'niet-ingelogd');
  assert.equal(mayCall({ rollen: ['inkoper'], data: 'zorgkantoor-regio' }, a), 'ok');
  assert.equal(mayCall({ rollen: ['manager'], data: 'zorgkantoor-regio' }, a), 'geen-toegang');
  assert.equal(mayCall({ rollen: 'ingelogd', data: 'alle', organisaties: ['nza'] }, a), 'geen-toegang');
});
