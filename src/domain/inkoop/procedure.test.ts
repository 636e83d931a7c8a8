import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ACTIES,
  FASEN,
  PROCEDURE_TYPES,
  accepteertInschrijvingen,
  accepteertVragen,
  fasenVan,
  inschrijvingenOntzegeld,
  overgang,
  toegestaneActies,
  type Actie,
  type Fase,
  type ProcedureType,
} from './procedure.ts';

// The expected transitions, written out by hand (not derived from the implementation):
// "fase --actie--> naar" per procedure type.
const COMMON_START = [
  'concept --publiceren--> gepubliceerd',
  'gepubliceerd --vragenronde_openen--> vragenronde',
  'vragenronde --nvi_publiceren--> nvi_gepubliceerd',
  'gepubliceerd --inschrijving_sluiten--> inschrijving_gesloten',
  'nvi_gepubliceerd --inschrijving_sluiten--> inschrijving_gesloten',
];
const COMMON_END = [
  'voorlopige_gunning --bezwaartermijn_starten--> bezwaartermijn',
  'bezwaartermijn --definitief_gunnen--> definitieve_gunning',
  'definitieve_gunning --afronden--> afgerond',
];
const intrekken = (fasen: Fase[]) => fasen.map((f) => `${f} --intrekken--> ingetrokken`);
const VOOR = ['concept', 'gepubliceerd', 'vragenronde', 'nvi_gepubliceerd', 'inschrijving_gesloten'] as Fase[];

const EXPECTED: Record<ProcedureType, string[]> = {
  openbaar: [
    ...COMMON_START,
    'inschrijving_gesloten --beoordeling_starten--> beoordeling',
    'beoordeling --voorlopig_gunnen--> voorlopige_gunning',
    ...COMMON_END,
    ...intrekken([...VOOR, 'beoordeling', 'voorlopige_gunning', 'bezwaartermijn']),
  ],
  onderhandeling_voorselectie: [
    ...COMMON_START,
    'inschrijving_gesloten --preselectie_starten--> preselectie',
    'preselectie --onderhandeling_starten--> onderhandeling',
    'onderhandeling --beoordeling_starten--> beoordeling',
    'beoordeling --voorlopig_gunnen--> voorlopige_gunning',
    ...COMMON_END,
    ...intrekken([...VOOR, 'preselectie', 'onderhandeling', 'beoordeling', 'voorlopige_gunning', 'bezwaartermijn']),
  ],
  dialoog: [
    ...COMMON_START,
    'inschrijving_gesloten --dialoog_starten--> dialoog',
    'inschrijving_gesloten --beoordeling_starten--> beoordeling',
    'dialoog --beoordeling_starten--> beoordeling',
    'beoordeling --voorlopig_gunnen--> voorlopige_gunning',
    ...COMMON_END,
    ...intrekken([...VOOR, 'dialoog', 'beoordeling', 'voorlopige_gunning', 'bezwaartermijn']),
  ],
  open_house: [
    'concept --publiceren--> gepubliceerd',
    'gepubliceerd --vragenronde_openen--> vragenronde',
    'vragenronde --nvi_publiceren--> nvi_gepubliceerd',
    'gepubliceerd --toelating_openen--> toelating_doorlopend',
    'nvi_gepubliceerd --toelating_openen--> toelating_doorlopend',
    'toelating_doorlopend --toelating_sluiten--> afgerond',
    ...intrekken(['concept', 'gepubliceerd', 'vragenronde', 'nvi_gepubliceerd', 'toelating_doorlopend']),
  ],
  best_value: [
    ...COMMON_START,
    'inschrijving_gesloten --beoordeling_starten--> beoordeling',
    'beoordeling --verduidelijking_starten--> verduidelijking',
    'verduidelijking --voorlopig_gunnen--> voorlopige_gunning',
    ...COMMON_END,
    ...intrekken([...VOOR, 'beoordeling', 'verduidelijking', 'voorlopige_gunning', 'bezwaartermijn']),
  ],
};

for (const type of PROCEDURE_TYPES) {
  test(`procedure ${type}: every (fase, actie) pair is allowed exactly as specified, otherwise refused naming the rule`, () => {
    const expected = new Map<string, Fase>();
    for (const line of EXPECTED[type]) {
      const m = /^(\w+) --(\w+)--> (\w+)$/.exec(line)!;
      expected.set(`${m[1]}|${m[2]}`, m[3] as Fase);
    }
    let allowed = 0;
    let refused = 0;
    for (const fase of FASEN) {
      for (const actie of ACTIES) {
        const r = overgang(type, fase, actie as Actie);
        const want = expected.get(`${fase}|${actie}`);
        if (want) {
          assert.ok(r.ok, `${type}: ${fase} --${actie}--> should be allowed`);
          assert.equal(r.ok && r.naar, want, `${type}: ${fase} --${actie}-->`);
          assert.equal(r.ok && r.regel, `inkoop.procedure.v1:${type}`);
          allowed++;
        } else {
          assert.equal(r.ok, false, `${type}: ${fase} --${actie}--> should be refused`);
          if (!r.ok) {
            assert.match(r.reden, /regel inkoop\.procedure\.v1/);
            assert.deepEqual(r.toegestaan, toegestaneActies(type, fase));
          }
          refused++;
        }
      }
    }
    assert.equal(allowed, expected.size, 'every expected transition was exercised');
    assert.equal(allowed + refused, FASEN.length * ACTIES.length);
  });
}

test('a full happy path per procedure type ends in afgerond', () => {
  const paths: Record<ProcedureType, Actie[]> = {
    openbaar: [
      'publiceren',
      'vragenronde_openen',
      'nvi_publiceren',
      'inschrijving_sluiten',
      'beoordeling_starten',
      'voorlopig_gunnen',
      'bezwaartermijn_starten',
      'definitief_gunnen',
      'afronden',
    ],
    onderhandeling_voorselectie: [
      'publiceren',
      'inschrijving_sluiten',
      'preselectie_starten',
      'onderhandeling_starten',
      'beoordeling_starten',
      'voorlopig_gunnen',
      'bezwaartermijn_starten',
      'definitief_gunnen',
      'afronden',
    ],
    dialoog: [
      'publiceren',
      'vragenronde_openen',
      'nvi_publiceren',
      'inschrijving_sluiten',
      'dialoog_starten',
      'beoordeling_starten',
      'voorlopig_gunnen',
      'bezwaartermijn_starten',
      'definitief_gunnen',
      'afronden',
    ],
    open_house: ['publiceren', 'toelating_openen', 'toelating_sluiten'],
    best_value: [
      'publiceren',
      'inschrijving_sluiten',
      'beoordeling_starten',
      'verduidelijking_starten',
      'voorlopig_gunnen',
      'bezwaartermijn_starten',
      'definitief_gunnen',
      'afronden',
    ],
  };
  for (const type of PROCEDURE_TYPES) {
    let f: Fase = 'concept';
    for (const a of paths[type]) {
      const r = overgang(type, f, a);
      assert.ok(r.ok, `${type} ${f} ${a}`);
      f = r.naar;
    }
    assert.equal(f, 'afgerond');
    assert.ok(fasenVan(type).includes('afgerond'));
  }
});

test('final phases refuse everything with a clear reason', () => {
  const r = overgang('openbaar', 'afgerond', 'intrekken');
  assert.equal(r.ok, false);
  assert.match(!r.ok ? r.reden : '', /geen overgangen meer/);
  const u = overgang('openbaar', 'concept', 'toelating_openen');
  assert.match(!u.ok ? u.reden : '', /bestaat niet bij een openbare procedure/);
});

test('which phases accept bids and questions, and when bids are unsealed', () => {
  assert.ok(accepteertInschrijvingen('openbaar', 'nvi_gepubliceerd'));
  assert.ok(!accepteertInschrijvingen('openbaar', 'concept'));
  assert.ok(!accepteertInschrijvingen('openbaar', 'inschrijving_gesloten'));
  assert.ok(accepteertInschrijvingen('open_house', 'toelating_doorlopend'));
  assert.ok(accepteertVragen('vragenronde'));
  assert.ok(!accepteertVragen('nvi_gepubliceerd'));
  assert.ok(!inschrijvingenOntzegeld('openbaar', 'nvi_gepubliceerd'));
  assert.ok(inschrijvingenOntzegeld('openbaar', 'inschrijving_gesloten'));
  assert.ok(inschrijvingenOntzegeld('dialoog', 'beoordeling'));
  assert.ok(inschrijvingenOntzegeld('open_house', 'toelating_doorlopend'));
  assert.ok(!inschrijvingenOntzegeld('open_house', 'gepubliceerd'));
});
