/**
 * Fictional example messages (tests, `examples/iwlz/`, the e2e flow). Test BSNs in the 9999000xx
 * range pass the elfproef and are no real persons; AGB codes and names are invented.
 */
import type { Io31Bericht, Io31Client } from './io31.ts';
import type { Aw35Bericht } from './aw35.ts';
import type { Aw39Bericht } from './aw39.ts';

export const VOORBEELD_BSN = ['999900006', '999900018', '999900031', '999900043'] as const;
export const VOORBEELD_AGB = '99990001';

export function voorbeeldIo31Client(bsn: string, besluitnummer: string, over: Partial<Io31Client> = {}): Io31Client {
  return {
    bsn,
    geheim: false,
    geboortedatum: '1938-04-12',
    geslacht: '2',
    achternaam: 'Voorbeeld',
    voorvoegsel: 'de',
    voorletters: 'AM',
    naamGebruik: '1',
    leefeenheid: '1',
    contacten: [
      { soort: '01', huisnummer: '12', postcode: '9999ZZ', straatnaam: 'Proefstraat', plaatsnaam: 'Testdorp' },
    ],
    indicatie: {
      besluitnummer,
      soort: '1',
      grondslagen: ['01'],
      afgiftedatum: '2025-05-20',
      ingangsdatum: '2025-06-01',
      zorgzwaartepakketten: [
        { zzpCode: '755', ingangsdatum: '2025-06-01', klasse: '99', voorkeurClient: '4', financiering: '1' },
      ],
      functies: [],
    },
    ...over,
  };
}

export function voorbeeldIo31(zorgkantoor = '5526'): Io31Bericht {
  return {
    kop: { ontvanger: zorgkantoor, berichtId: 'CIZ000001', dagtekening: '2025-05-21' },
    clienten: [voorbeeldIo31Client(VOORBEELD_BSN[0], '250000101'), voorbeeldIo31Client(VOORBEELD_BSN[1], '250000102')],
  };
}

export function voorbeeldAw35(zorgkantoor = '5526', agb = VOORBEELD_AGB): Aw35Bericht {
  return {
    kop: { afzender: agb, ontvanger: zorgkantoor, berichtId: 'MAZ000001', dagtekening: '2025-06-10' },
    clienten: [
      {
        bsn: VOORBEELD_BSN[0],
        geboortedatum: '1938-04-12',
        geslacht: '2',
        naam: { achternaam: 'Voorbeeld', voorvoegsel: 'de', voorletters: 'AM' },
        functies: [],
        zorgzwaartepakketten: [
          {
            besluitnummer: '250000101',
            zzpCode: '755',
            toewijzingIngangsdatum: '2025-06-01',
            begindatum: '2025-06-09',
            instelling: agb,
            leveringsstatus: '4',
            leveringsvorm: '4',
            statusAanlevering: '1',
          },
        ],
      },
    ],
  };
}

export function voorbeeldAw39(zorgkantoor = '5526', agb = VOORBEELD_AGB): Aw39Bericht {
  return {
    kop: { afzender: agb, ontvanger: zorgkantoor, berichtId: 'MUT000001', dagtekening: '2025-06-15' },
    clienten: [
      {
        bsn: VOORBEELD_BSN[1],
        geboortedatum: '1938-04-12',
        geslacht: '2',
        naam: { achternaam: 'Voorbeeld', voorletters: 'AM' },
        functies: [],
        zorgzwaartepakketten: [
          {
            besluitnummer: '250000102',
            zzpCode: '755',
            toewijzingIngangsdatum: '2025-06-01',
            instelling: agb,
            mutatiecode: '18',
            mutatiedatum: '2025-06-14',
            leveringsstatus: '2',
            leveringsstatusClassificatie: '12',
            leveringsvorm: '4',
            statusAanlevering: '1',
          },
        ],
        aanvragen: [],
      },
    ],
  };
}
