import { useMemo } from 'react';
import { useI18n } from '../../app/i18n.tsx';
import type { PageProps } from '../../app/router.tsx';
import { loopt, TaakStatus, useTaken, type Taak } from '../../app/jobs.tsx';
import { EmptyState, formatTijdstip, PageHeader, ProgressBar, QueryState, Table, type Column } from '../../ui/index.ts';
import './messages.ts';

export function TakenPagina(_: PageProps) {
  const { t, taal } = useI18n();
  const q = useTaken();
  const columns = useMemo<Column<Taak>[]>(
    () => [
      {
        key: 'omschrijving',
        header: t('app.taken.kolom.omschrijving'),
        rowHeader: true,
        sortValue: (x) => x.omschrijving,
        cell: (x) => (
          <>
            {x.omschrijving}
            {x.fout && <p className="taak-fout">{x.fout}</p>}
            {x.stap && loopt(x) && <p className="taak-stap">{t('app.taken.stap', { stap: x.stap })}</p>}
          </>
        ),
      },
      { key: 'soort', header: t('app.taken.kolom.soort'), sortValue: (x) => x.soort },
      {
        key: 'status',
        header: t('app.taken.kolom.status'),
        sortValue: (x) => x.status,
        cell: (x) => <TaakStatus taak={x} />,
      },
      {
        key: 'voortgang',
        header: t('app.taken.kolom.voortgang'),
        width: '12rem',
        cell: (x) => <ProgressBar value={x.status === 'klaar' ? 1 : x.voortgang} label={x.omschrijving} />,
      },
      {
        key: 'aangemaakt',
        header: t('app.taken.kolom.gestart'),
        sortValue: (x) => x.aangemaaktOp,
        cell: (x) => formatTijdstip(x.aangemaaktOp, taal),
      },
      {
        key: 'klaar',
        header: t('app.taken.kolom.klaar'),
        sortValue: (x) => x.klaarOp ?? '',
        cell: (x) => formatTijdstip(x.klaarOp, taal),
      },
    ],
    [t, taal],
  );
  return (
    <>
      <PageHeader title={t('overzicht.taken.titel')} intro={t('app.taken.intro')} />
      <QueryState query={q}>
        {(taken) =>
          taken.length === 0 ? (
            <EmptyState title={t('app.taken.geen')} />
          ) : (
            <Table
              caption={t('overzicht.taken.titel')}
              captionHidden
              rows={taken}
              rowKey={(x) => x.id}
              columns={columns}
              initialSort={{ key: 'aangemaakt', dir: 'desc' }}
              filter={(x, s) => x.omschrijving.toLowerCase().includes(s) || x.soort.toLowerCase().includes(s)}
            />
          )
        }
      </QueryState>
    </>
  );
}
