import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ocdsPakket, type OcdsBron } from './ocds.ts';
import { valideerOcds } from '../../../test/support/ocds-validatie.ts';

const bron = (o: Partial<OcdsBron> = {}): OcdsBron => ({
  kader: {
    id: '0b8f5a3e-0000-4000-8000-000000000001',
    titel: 'Inkoopkader GZ 2016',
    omschrijving: null,
    sector: 'GZ',
    jaarVan: 2016,
    jaarTot: 2017,
    procedureType: 'dialoog',
    fase: 'nvi_gepubliceerd',
    versie: 2,
    gepubliceerdOp: new Date('2015-06-01T08:00:00Z'),
    regios: ['5527'],
  },
  koper: { id: 'zk-cz', naam: 'CZ Zorgkantoor', kvk: null },
  termijnen: [
    { fase: 'vragen', begintOp: new Date('2015-06-01T08:00:00Z'), eindigtOp: new Date('2015-06-21T21:59:59Z') },
    { fase: 'inschrijving', begintOp: null, eindigtOp: new Date('2015-07-31T15:00:00Z') },
    { fase: 'voorlopige_gunning', begintOp: null, eindigtOp: new Date('2015-10-09T21:59:59Z') },
    { fase: 'definitieve_gunning', begintOp: null, eindigtOp: new Date('2015-11-01T22:59:59Z') },
  ],
  aantalInschrijvingen: null,
  gunningen: [],
  overeenkomsten: [],
  ...o,
});

test('OCDS tijdens de inschrijving: geldig, zonder aantallen of inschrijvers (verzegeld)', () => {
  const pkg: any = ocdsPakket(bron(), new Date('2015-07-01T10:00:00Z'));
  const v = valideerOcds(pkg);
  assert.ok(v.ok, v.fouten.join('\n'));
  const r = pkg.releases[0];
  assert.equal(r.ocid, 'ocds-zkwlz-0b8f5a3e-0000-4000-8000-000000000001');
  assert.deepEqual(r.tag, ['tender']);
  assert.equal(r.tender.numberOfTenderers, undefined);
  assert.equal(r.bids, undefined);
  assert.equal(r.tender.items[0].relatedLot, r.tender.lots[0].id);
  assert.equal(r.tender.awardPeriod.endDate, '2015-11-01T22:59:59Z');
  assert.equal(r.tender.contractPeriod.endDate, '2017-12-31T23:59:59+01:00');
  assert.equal(r.tender.procurementMethod, 'open');
});

test('OCDS na de definitieve gunning: awards, contracts, leveranciers en bid-statistiek; geldig', () => {
  const pkg: any = ocdsPakket(
    bron({
      kader: { ...bron().kader, fase: 'afgerond' },
      aantalInschrijvingen: 3,
      gunningen: [
        {
          id: 'g1',
          aanbieder: { id: 'za-1', naam: 'Zonnehof', kvk: '90000001', agb: '73730001' },
          uitkomst: 'tweejarig',
          looptijdJaren: 2,
          besloten: new Date('2015-11-01T09:00:00Z'),
        },
        {
          id: 'g2',
          aanbieder: { id: 'za-2', naam: 'Heideweg', kvk: null, agb: null },
          uitkomst: 'geen',
          looptijdJaren: 0,
          besloten: new Date('2015-11-01T09:00:00Z'),
        },
      ],
      overeenkomsten: [
        {
          id: 'o1',
          gunningId: 'g1',
          ingangsdatum: '2016-01-01',
          einddatum: '2017-12-31',
          status: 'aangeboden',
          aangemaakt: new Date('2015-11-01T09:00:00Z'),
          geaccepteerd: null,
        },
      ],
    }),
    new Date('2015-11-02T10:00:00Z'),
  );
  const v = valideerOcds(pkg);
  assert.ok(v.ok, v.fouten.join('\n'));
  const r = pkg.releases[0];
  assert.deepEqual(r.tag, ['tender', 'award', 'contract']);
  assert.equal(r.tender.status, 'complete');
  assert.equal(r.tender.numberOfTenderers, 3);
  assert.equal(r.bids.statistics[0].value, 3);
  assert.deepEqual(
    r.parties.map((p: any) => [p.id, p.roles]),
    [
      ['zk-cz', ['buyer', 'procuringEntity']],
      ['za-1', ['tenderer', 'supplier']],
      ['za-2', ['tenderer']],
    ],
  );
  assert.equal(r.parties[1].identifier.scheme, 'NL-KVK');
  assert.equal(r.awards[0].status, 'active');
  assert.equal(r.awards[1].status, 'unsuccessful');
  assert.equal(r.awards[1].suppliers, undefined);
  assert.equal(r.contracts[0].status, 'pending');
  assert.equal(r.contracts[0].awardID, 'g1');
});

test('het schema wijst een ongeldig pakket af (de validatie werkt echt)', () => {
  const pkg: any = ocdsPakket(bron(), new Date('2015-07-01T10:00:00Z'));
  pkg.releases[0].tender.status = 'open-ish';
  delete pkg.publisher;
  const v = valideerOcds(pkg);
  assert.equal(v.ok, false);
  assert.ok(v.fouten.some((f) => /tender\/status/.test(f)));
  assert.ok(v.fouten.some((f) => /publisher/.test(f)));
});
