import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { Link, type PageProps } from '../../app/router.tsx';
import {
  Alert,
  Badge,
  EmptyState,
  formatGetal,
  formatTijdstip,
  PageHeader,
  QueryState,
  Table,
  type Column,
} from '../../ui/index.ts';
import { uitkomstVariant } from './Overzicht.tsx';
import type { Overzicht } from './types.ts';
import { bestValueKolommen, Rangorde } from '../bestvalue/Rangorde.tsx';
import './messages.ts';

type Rij = Overzicht['inschrijvingen'][number];

export function KaderBeoordelingen({ params }: PageProps) {
  const { t, taal } = useI18n();
  const q = useQuery({
    queryKey: ['gunning', 'kader', params.id],
    queryFn: () => api.get<Overzicht>(`/inkoop/kaders/${encodeURIComponent(params.id)}/beoordelingen`),
  });
  const bv = !!q.data?.bestValue; // best value: rank + offered price (src/inkoop/bestvalue)
  const columns = useMemo<Column<Rij>[]>(
    () => [
      ...(bv ? bestValueKolommen<Rij>(t, taal).slice(0, 1) : []),
      {
        key: 'naam',
        header: t('gunning.kolom.aanbieder'),
        rowHeader: true,
        sortValue: (r) => r.aanbiederNaam,
        cell: (r) => <Link to={`/gunning/inschrijvingen/${r.inschrijvingId}`}>{r.aanbiederNaam}</Link>,
      },
      {
        key: 'ingediend',
        header: t('gunning.kolom.ingediend'),
        sortValue: (r) => r.ingediendOp ?? '',
        cell: (r) => formatTijdstip(r.ingediendOp, taal),
      },
      {
        key: 'beoordeling',
        header: t('gunning.kolom.beoordeling'),
        sortValue: (r) => r.beoordeling,
        cell: (r) => (
          <>
            {t(`gunning.status.${r.beoordeling}`)}
            {r.knockOut && (
              <>
                {' '}
                <Badge variant="danger">{t('gunning.knockout', { code: r.knockOut })}</Badge>
              </>
            )}
          </>
        ),
      },
      {
        key: 'score',
        header: t('gunning.kolom.score'),
        align: 'right',
        sortValue: (r) => r.totaalscore ?? '',
        cell: (r) => (r.totaalscore ? formatGetal(r.totaalscore, taal, 2) : '—'),
      },
      ...(bv ? bestValueKolommen<Rij>(t, taal).slice(1) : []),
      {
        key: 'gunning',
        header: t('gunning.kolom.gunning'),
        sortValue: (r) => r.gunning?.uitkomst ?? '',
        cell: (r) =>
          r.gunning ? (
            <Link to={`/gunning/gunningen/${r.gunning.id}`}>
              <Badge variant={uitkomstVariant(r.gunning.uitkomst)}>
                {t(`gunning.soort.${r.gunning.soort}`)}: {t(`gunning.uitkomst.${r.gunning.uitkomst}`)}
              </Badge>
            </Link>
          ) : (
            '—'
          ),
      },
    ],
    [t, taal, bv],
  );
  return (
    <>
      <PageHeader
        title={q.data ? `${t('gunning.kader.titel')}: ${q.data.titel}` : t('gunning.kader.titel')}
        kruimels={[{ label: t('gunning.titel'), to: '/gunning' }, { label: q.data?.titel ?? '…' }]}
      />
      <QueryState query={q}>
        {(o) =>
          !o.ontzegeld ? (
            <Alert variant="info">{t('gunning.verzegeld', { n: o.aantalIngediend })}</Alert>
          ) : o.inschrijvingen.length === 0 ? (
            <EmptyState title={t('gunning.geen.inschrijvingen')} />
          ) : (
            <>
              {o.bestValue && <Rangorde kop={o.bestValue} t={t} />}
              <Table
                caption={t('gunning.kader.titel')}
                captionHidden
                rows={o.inschrijvingen}
                rowKey={(r) => r.inschrijvingId}
                columns={columns}
                initialSort={{ key: o.bestValue ? 'rang' : 'naam', dir: 'asc' }}
              />
            </>
          )
        }
      </QueryState>
    </>
  );
}
