import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { faseNaam } from '../../app/namen.ts';
import { Link, type PageProps } from '../../app/router.tsx';
import { Badge, EmptyState, PageHeader, QueryState, Section, Table, type Column } from '../../ui/index.ts';
import type { KaderKort } from './types.ts';
import './messages.ts';

/** Zorgkantoor: its open house procurement frameworks (GET /inkoop/kaders, filtered on the procedure type). */
export function OpenHouseKaders(_: PageProps) {
  const { t } = useI18n();
  const q = useQuery({ queryKey: ['inkoop', 'kaders'], queryFn: () => api.get<KaderKort[]>('/inkoop/kaders') });
  const columns = useMemo<Column<KaderKort>[]>(
    () => [
      {
        key: 'titel',
        header: t('openhouse.kolom.kader'),
        rowHeader: true,
        sortValue: (k) => k.titel,
        cell: (k) => <Link to={`/openhouse/kaders/${k.id}`}>{k.titel}</Link>,
      },
      {
        key: 'jaren',
        header: t('openhouse.kolom.jaren'),
        sortValue: (k) => k.jaarVan,
        cell: (k) => (k.jaarTot !== k.jaarVan ? `${k.jaarVan}–${k.jaarTot}` : String(k.jaarVan)),
      },
      {
        key: 'fase',
        header: t('openhouse.kolom.fase'),
        sortValue: (k) => k.fase,
        cell: (k) => (
          <Badge variant={k.fase === 'toelating_doorlopend' ? 'success' : 'neutral'}>{faseNaam(t, k.fase)}</Badge>
        ),
      },
      {
        key: 'ingediend',
        header: t('openhouse.kolom.ingediend'),
        align: 'right',
        sortValue: (k) => k.aantalIngediend ?? 0,
        cell: (k) => String(k.aantalIngediend ?? '—'),
      },
    ],
    [t],
  );
  return (
    <>
      <PageHeader title={t('openhouse.titel')} intro={t('openhouse.intro.zk')} />
      <Section title={t('openhouse.kaders')}>
        <QueryState query={q}>
          {(alle) => {
            const rows = alle.filter((k) => k.procedureType === 'open_house');
            return rows.length === 0 ? (
              <EmptyState title={t('openhouse.geen.kaders')} />
            ) : (
              <Table
                caption={t('openhouse.kaders')}
                captionHidden
                rows={rows}
                rowKey={(k) => k.id}
                columns={columns}
                initialSort={{ key: 'titel', dir: 'asc' }}
              />
            );
          }}
        </QueryState>
      </Section>
    </>
  );
}
