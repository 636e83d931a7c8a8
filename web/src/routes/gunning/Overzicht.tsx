import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { faseNaam } from '../../app/namen.ts';
import { Link, type PageProps } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { Badge, EmptyState, formatDatum, PageHeader, QueryState, Section, Table, type Column } from '../../ui/index.ts';
import type { Gunning, KaderKort } from './types.ts';
import './messages.ts';

export const gunningenQuery = (kader?: string) => ({
  queryKey: ['gunningen', kader ?? 'alle'],
  queryFn: () => api.get<Gunning[]>('/inkoop/gunningen', { query: kader ? { kader } : undefined }),
});

export function uitkomstVariant(u: string): 'success' | 'info' | 'danger' | 'neutral' {
  return u === 'geen-overeenkomst'
    ? 'danger'
    : u === 'tweejarig-opslag' || u === 'bestvalue-overeenkomst'
      ? 'success'
      : 'info';
}

/** Zorgkantoor: kaders to assess; provider: its own awards. */
export function GunningOverzicht(_: PageProps) {
  const { gebruiker } = useSession();
  return gebruiker?.organisatieSoort === 'zorgaanbieder' ? <MijnGunningen /> : <Kaders />;
}

function Kaders() {
  const { t } = useI18n();
  const q = useQuery({ queryKey: ['inkoop', 'kaders'], queryFn: () => api.get<KaderKort[]>('/inkoop/kaders') });
  const columns = useMemo<Column<KaderKort>[]>(
    () => [
      {
        key: 'titel',
        header: t('gunning.kolom.kader'),
        rowHeader: true,
        sortValue: (k) => k.titel,
        cell: (k) => <Link to={`/gunning/kaders/${k.id}`}>{k.titel}</Link>,
      },
      { key: 'fase', header: t('gunning.kolom.fase'), sortValue: (k) => k.fase, cell: (k) => faseNaam(t, k.fase) },
      {
        key: 'ingediend',
        header: t('gunning.kolom.ingediend'),
        align: 'right',
        sortValue: (k) => k.aantalIngediend ?? 0,
        cell: (k) => String(k.aantalIngediend ?? '—'),
      },
    ],
    [t],
  );
  return (
    <>
      <PageHeader title={t('gunning.titel')} intro={t('gunning.intro.zk')} />
      <Section title={t('gunning.kaders')}>
        <QueryState query={q}>
          {(rows) =>
            rows.length === 0 ? (
              <EmptyState title={t('gunning.geen.kaders')} />
            ) : (
              <Table
                caption={t('gunning.kaders')}
                captionHidden
                rows={rows}
                rowKey={(k) => k.id}
                columns={columns}
                initialSort={{ key: 'titel', dir: 'asc' }}
              />
            )
          }
        </QueryState>
      </Section>
    </>
  );
}

function MijnGunningen() {
  const { t, taal } = useI18n();
  const q = useQuery(gunningenQuery());
  const columns = useMemo<Column<Gunning>[]>(
    () => [
      {
        key: 'kader',
        header: t('gunning.kolom.kader'),
        rowHeader: true,
        sortValue: (g) => g.kaderTitel,
        cell: (g) => <Link to={`/gunning/gunningen/${g.id}`}>{g.kaderTitel}</Link>,
      },
      {
        key: 'soort',
        header: t('gunning.kolom.soort'),
        sortValue: (g) => g.soort,
        cell: (g) => t(`gunning.soort.${g.soort}`),
      },
      {
        key: 'uitkomst',
        header: t('gunning.kolom.uitkomst'),
        sortValue: (g) => g.uitkomst,
        cell: (g) => <Badge variant={uitkomstVariant(g.uitkomst)}>{t(`gunning.uitkomst.${g.uitkomst}`)}</Badge>,
      },
      {
        key: 'datum',
        header: t('gunning.kolom.datum'),
        sortValue: (g) => g.beslotenOp,
        cell: (g) => formatDatum(g.beslotenOp, taal),
      },
    ],
    [t, taal],
  );
  return (
    <>
      <PageHeader title={t('gunning.nav.za')} intro={t('gunning.intro.za')} />
      <QueryState query={q}>
        {(rows) =>
          rows.length === 0 ? (
            <EmptyState title={t('gunning.geen.gunningen')} />
          ) : (
            <Table
              caption={t('gunning.nav.za')}
              captionHidden
              rows={rows}
              rowKey={(g) => g.id}
              columns={columns}
              initialSort={{ key: 'datum', dir: 'desc' }}
            />
          )
        }
      </QueryState>
    </>
  );
}
