import type { TFunction, Taal } from '../../app/i18n.tsx';
import { Badge, compareDecimal, formatBedrag, type Column } from '../../ui/index.ts';
import type { RangordeKop, RangVelden } from './types.ts';
import './messages.ts';

/** Rank, price and clarification columns for the assessment overview of a best value kader (gunning/KaderBeoordelingen.tsx). */
export function bestValueKolommen<R extends RangVelden>(t: TFunction, taal: Taal): Column<R>[] {
  return [
    {
      key: 'rang',
      header: t('bestvalue.kolom.rang'),
      align: 'right',
      sortValue: (r) => r.rang ?? Number.MAX_SAFE_INTEGER,
      cell: (r) =>
        r.rang ? (
          <>
            {r.rang}
            {r.verduidelijking && (
              <>
                {' '}
                <Badge variant="info">{t('bestvalue.verduidelijking')}</Badge>
              </>
            )}
          </>
        ) : (
          '—'
        ),
    },
    {
      key: 'prijs',
      header: t('bestvalue.kolom.prijs'),
      align: 'right',
      compare: (a, b) => compareDecimal(a.aangebodenPrijs ?? null, b.aangebodenPrijs ?? null),
      cell: (r) => formatBedrag(r.aangebodenPrijs ?? null, taal),
    },
  ];
}

/** The ranking rule above the table. */
export function Rangorde({ kop, t }: { kop: RangordeKop; t: TFunction }) {
  return <p className="muted">{t('bestvalue.rangorde', { n: kop.verduidelijkingAantal, regel: kop.regel })}</p>;
}
