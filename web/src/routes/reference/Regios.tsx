import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { Link, type PageProps } from '../../app/router.tsx';
import { Badge, formatGetal, PageHeader, QueryState, Table, type Column } from '../../ui/index.ts';
import type { Regio } from './types.ts';
import './messages.ts';

export const regiosQuery = { queryKey: ['regios'], queryFn: () => api.get<Regio[]>('/regios'), staleTime: 5 * 60_000 };
export const useRegios = () => useQuery(regiosQuery);

export function ZorgkantoorCel({ r }: { r: Pick<Regio, 'zorgkantoorNaam' | 'indelingIsVoorbeeld'> }) {
  const { t } = useI18n();
  if (!r.zorgkantoorNaam) return <span className="muted">{t('reference.geen.zorgkantoor')}</span>;
  return (
    <>
      {r.zorgkantoorNaam}
      {r.indelingIsVoorbeeld && (
        <>
          {' '}
          <Badge variant="warning" title={t('reference.voorbeeld.uitleg')}>
            {t('reference.voorbeeld')}
          </Badge>
        </>
      )}
    </>
  );
}

export function RegioOverzicht(_: PageProps) {
  const { t, taal } = useI18n();
  const q = useRegios();
  const columns = useMemo<Column<Regio>[]>(
    () => [
      { key: 'code', header: t('reference.kolom.code'), sortValue: (r) => r.code, width: '6rem' },
      {
        key: 'naam',
        header: t('reference.kolom.naam'),
        sortValue: (r) => r.naam,
        rowHeader: true,
        cell: (r) => (
          <>
            <Link to={`/regios/${encodeURIComponent(r.code)}`}>{r.naam}</Link>
            {!r.actief && (
              <>
                {' '}
                <Badge>{t('reference.inactief')}</Badge>
              </>
            )}
          </>
        ),
      },
      {
        key: 'zorgkantoor',
        header: t('reference.kolom.zorgkantoor'),
        sortValue: (r) => r.zorgkantoorNaam,
        cell: (r) => <ZorgkantoorCel r={r} />,
      },
      {
        key: 'aanbieders',
        header: t('reference.kolom.aanbieders'),
        align: 'right',
        sortValue: (r) => r.aantalAanbieders,
        cell: (r) => formatGetal(r.aantalAanbieders, taal),
      },
      {
        key: 'locaties',
        header: t('reference.kolom.locaties'),
        align: 'right',
        sortValue: (r) => r.aantalLocaties,
        cell: (r) => formatGetal(r.aantalLocaties, taal),
      },
    ],
    [t, taal],
  );
  const filter = (r: Regio, s: string) =>
    r.code.includes(s) || r.naam.toLowerCase().includes(s) || (r.zorgkantoorNaam ?? '').toLowerCase().includes(s);
  return (
    <>
      <PageHeader title={t('reference.regios.titel')} intro={t('reference.regios.intro')} />
      <QueryState query={q}>
        {(regios) => (
          <>
            {regios.some((r) => r.indelingIsVoorbeeld) && <p className="note">{t('reference.voorbeeld.uitleg')}</p>}
            <Table
              caption={t('reference.regios.tabel')}
              captionHidden
              rows={regios}
              rowKey={(r) => r.code}
              columns={columns}
              filter={filter}
              initialSort={{ key: 'code', dir: 'asc' }}
              pageSize={100}
            />
          </>
        )}
      </QueryState>
    </>
  );
}
