import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BackOff, PER_ACCOUNT_EN_ADRES, PER_ADRES } from './ratelimit.ts';
import { mayCall, type Actor } from './roles.ts';

test('back-off: free failures, then waits that double up to the maximum; nothing is a hard lock', () => {
  const b = new BackOff({ vrij: 3, basisMs: 1000, maxMs: 8000, vergeetMs: 60_000 });
  assert.equal(b.fail('k', 0), 0);
  assert.equal(b.fail('k', 0), 0);
  assert.equal(b.fail('k', 0), 0);
  assert.equal(b.retryAfter('k', 0), 0, 'within the free failures there is no wait');
  assert.equal(b.fail('k', 0), 1, '4th failure: 1 s');
  assert.equal(b.retryAfter('k', 0), 1);
  assert.equal(b.retryAfter('k', 1000), 0, 'the wait is over after 1 s');
  assert.equal(b.fail('k', 1000), 2, '5th: 2 s');
  assert.equal(b.fail('k', 3000), 4, '6th: 4 s');
  assert.equal(b.fail('k', 7000), 8, '7th: 8 s');
  assert.equal(b.fail('k', 15_000), 8, 'capped at the maximum');
  assert.equal(b.retryAfter('other', 15_000), 0, 'another key is not affected');
  assert.equal(b.failures('k', 15_000), 8);
  b.succeed('k');
  assert.equal(b.failures('k', 15_000), 0, 'success forgets the key');
});

test('back-off: failures are forgotten a while after the last one', () => {
  const b = new BackOff({ vrij: 1, basisMs: 1000, maxMs: 60_000, vergeetMs: 10_000 });
  b.fail('k', 0);
  assert.equal(b.fail('k', 0), 1);
  assert.equal(b.failures('k', 9_999), 2);
  assert.equal(b.failures('k', 10_000), 0);
  assert.equal(b.fail('k', 10_000), 0, 'a fresh start: the first failure is free again');
});

test('the shipped settings: per account and address strict, per address loose', () => {
  assert.ok(PER_ACCOUNT_EN_ADRES.vrij < PER_ADRES.vrij);
  assert.ok(PER_ACCOUNT_EN_ADRES.maxMs > PER_ADRES.maxMs);
  const paar = new BackOff(PER_ACCOUNT_EN_ADRES);
  let wacht = 0;
  for (let i = 0; i < 10; i++) wacht = paar.fail('k', 0);
  assert.equal(wacht, 16, '10 failures: 16 s, not 15 minutes');
});

test('mayCall: roles, organisation kinds, public', () => {
  const a = { rollen: ['inkoper'], organisatieSoort: 'zorgkantoor' } as unknown as Actor;
  assert.equal(mayCall({ publiek: true }, null), 'ok');
  assert.equal(mayCall({ rollen: 'ingelogd', data: 'alle' }, null), 'niet-ingelogd');
  assert.equal(mayCall({ rollen: ['inkoper'], data: 'zorgkantoor-regio' }, a), 'ok');
  assert.equal(mayCall({ rollen: ['manager'], data: 'zorgkantoor-regio' }, a), 'geen-toegang');
  assert.equal(mayCall({ rollen: 'ingelogd', data: 'alle', organisaties: ['nza'] }, a), 'geen-toegang');
});
