import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deadlineVan, inschrijvenOpen, vragenOpen } from './termijnregels.ts';

const termijnen = [
  { fase: 'vragen' as const, begintOp: null, eindigtOp: new Date('2026-03-01T12:00:00Z') },
  { fase: 'inschrijving' as const, begintOp: null, eindigtOp: new Date('2026-04-01T10:00:00Z') },
];

test('bids are open in an open phase up to and including the deadline second, not the second after', () => {
  assert.equal(deadlineVan(termijnen)?.toISOString(), '2026-04-01T10:00:00.000Z');
  const k = { procedure_type: 'openbaar' as const, fase: 'nvi_gepubliceerd' as const };
  assert.equal(inschrijvenOpen(k, termijnen, new Date('2026-04-01T10:00:00Z')), true);
  assert.equal(inschrijvenOpen(k, termijnen, new Date('2026-04-01T10:00:01Z')), false);
  assert.equal(
    inschrijvenOpen({ ...k, fase: 'beoordeling' as const }, termijnen, new Date('2026-03-01T00:00:00Z')),
    false,
  );
  assert.equal(deadlineVan([]), null);
});

test('questions are open only in the question round and before its end', () => {
  assert.equal(vragenOpen({ fase: 'vragenronde' }, termijnen, new Date('2026-02-28T00:00:00Z')), true);
  assert.equal(vragenOpen({ fase: 'vragenronde' }, termijnen, new Date('2026-03-02T00:00:00Z')), false);
  assert.equal(vragenOpen({ fase: 'nvi_gepubliceerd' }, termijnen, new Date('2026-02-28T00:00:00Z')), false);
});
