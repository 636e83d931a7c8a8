import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BRON_VAN_GROEP, leesbareBron, poortBron } from './voorwaarden.ts';

test('leesbareBron: repository words in an old stored source are dropped on read; the document and section stay', () => {
  assert.equal(
    leesbareBron('Inkoopkader Langdurige Zorg 2016, §2.2.2 Toetredingseisen (seed 002 l.787–809)'),
    'Inkoopkader Langdurige Zorg 2016, §2.2.2 Toetredingseisen',
  );
  assert.equal(
    leesbareBron('Kader zorginkoop 2008, §3.4, seed 000 l.645, Kader 3.1'),
    'Kader zorginkoop 2008, §3.4, Kader 3.1',
  );
  // nothing left that names a document: the framework's section instead
  assert.equal(leesbareBron('seed 000 l.660; digest table_003.json', 'X'), 'X');
  assert.equal(leesbareBron('digest 002 §2.2.2'), null);
  // a zorgkantoor's own text is shown as written
  assert.equal(leesbareBron('Regionale paragraaf CZ, artikel 4'), 'Regionale paragraaf CZ, artikel 4');
  assert.equal(leesbareBron('  ', 'X'), 'X');
});

test('poortBron: 2008 groups fall back to Kader 3.1, 2016 to §2.2.2, named by document from the register', () => {
  assert.equal(poortBron('uitsluitingsgrond', 'seed 000 l.700'), BRON_VAN_GROEP.poort2008);
  assert.equal(poortBron('pve', null), BRON_VAN_GROEP.toetreding2016);
  assert.match(BRON_VAN_GROEP.poort2008, /^Kader zorginkoop 2008 \(Zorgverzekeraars Nederland/);
  for (const b of Object.values(BRON_VAN_GROEP)) assert.doesNotMatch(b, /seed|digest/i);
});
