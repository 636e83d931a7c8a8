import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import type { PageProps } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import {
  Badge,
  compareDecimal,
  EmptyState,
  formatBedrag,
  formatTijdstip,
  PageHeader,
  QueryState,
  Section,
  Select,
  Table,
  type Column,
} from '../../ui/index.ts';
import { BeleidKaart, PercentageOfOnbepaald, StatusBadge } from './shared.tsx';
import type { BeleidOverzicht, BerekendTarief } from './types.ts';
import './messages.ts';

interface BeleidVoorAanbieder {
  versie: string;
  versieNummer: number;
  beleid: BeleidOverzicht['beleid'];
}

const redenenVan = (r: unknown): string[] =>
  Array.isArray(r) ? r.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))) : [];

export function MijnTarieven(_: PageProps) {
  const { t, taal } = useI18n();
  const { gebruiker } = useSession();
  const id = gebruiker?.organisatieId ?? '';
  const [jaar, setJaar] = useState('2024');
  const pad = `/tarieven/aanbieders/${encodeURIComponent(id)}`;
  const beleid = useQuery({
    queryKey: ['tarieven', 'aanbieder', id, 'beleid', jaar],
    queryFn: () => api.get<BeleidVoorAanbieder[]>(`${pad}/beleid`, { query: { jaar } }),
    enabled: !!id,
  });
  const tarieven = useQuery({
    queryKey: ['tarieven', 'aanbieder', id, 'tarieven', jaar],
    queryFn: () => api.get<BerekendTarief[]>(`${pad}/tarieven`, { query: { jaar } }),
    enabled: !!id,
  });
  const zkNaam = useMemo(
    () => new Map((beleid.data ?? []).map((b) => [b.beleid.zorgkantoorId ?? '', b.beleid.zorgkantoor])),
    [beleid.data],
  );

  const columns = useMemo<Column<BerekendTarief>[]>(
    () => [
      {
        key: 'zk',
        header: t('tarieven.kolom.zorgkantoor'),
        sortValue: (r) => zkNaam.get(r.zorgkantoorId) ?? r.zorgkantoorId,
        cell: (r) => zkNaam.get(r.zorgkantoorId) ?? r.zorgkantoorId,
      },
      {
        key: 'prestatie',
        header: t('tarieven.kolom.prestatie'),
        rowHeader: true,
        sortValue: (r) => r.prestatie,
        cell: (r) => (
          <>
            <code>{r.prestatie}</code> <span>{r.omschrijving}</span>
          </>
        ),
      },
      {
        key: 'lv',
        header: t('tarieven.leveringsvorm'),
        sortValue: (r) => r.leveringsvorm ?? '',
        cell: (r) => (r.leveringsvorm ? t(`tarieven.lv.kort.${r.leveringsvorm}`) : '—'),
      },
      {
        key: 'status',
        header: t('tarieven.kolom.status'),
        sortValue: (r) => r.status,
        cell: (r) => <StatusBadge status={r.status} />,
      },
      {
        key: 'pct',
        header: t('tarieven.kolom.percentage'),
        compare: (a, b) => compareDecimal(a.percentage, b.percentage),
        cell: (r) => (
          <PercentageOfOnbepaald percentage={r.percentage} status={r.status} redenen={redenenVan(r.redenen)} />
        ),
      },
      {
        key: 'nza',
        header: t('tarieven.kolom.nza'),
        align: 'right',
        compare: (a, b) => compareDecimal(a.nzaTarief, b.nzaTarief),
        cell: (r) => (
          <>
            <span className="tarief-bedrag">{formatBedrag(r.nzaTarief, taal)}</span>
            {r.nzaVoorbeeld && (
              <>
                {' '}
                <Badge variant="neutral" title={t('tarieven.nza.voorbeeld.uitleg')}>
                  {t('tarieven.nza.voorbeeld')}
                </Badge>
              </>
            )}
          </>
        ),
      },
      {
        key: 'tarief',
        header: t('tarieven.kolom.tarief'),
        align: 'right',
        compare: (a, b) => compareDecimal(a.tarief, b.tarief),
        cell: (r) =>
          r.tarief === null ? (
            t('tarieven.onbepaald')
          ) : (
            <strong className="tarief-bedrag">{formatBedrag(r.tarief, taal)}</strong>
          ),
      },
      {
        key: 'nhcnic',
        header: t('tarieven.kolom.nhcnic'),
        align: 'right',
        cell: (r) => (
          <>
            {r.nhc === null ? (
              t('tarieven.onbepaald')
            ) : (
              <span className="tarief-bedrag">{formatBedrag(r.nhc, taal)}</span>
            )}{' '}
            /{' '}
            {r.nic === null ? (
              t('tarieven.onbepaald')
            ) : (
              <span className="tarief-bedrag">{formatBedrag(r.nic, taal)}</span>
            )}
          </>
        ),
      },
    ],
    [t, taal, zkNaam],
  );

  return (
    <>
      <PageHeader title={t('tarieven.mijn.titel')} intro={t('tarieven.mijn.intro')} />
      <div className="filters">
        <Select
          label={t('tarieven.jaar')}
          value={jaar}
          onChange={(e) => setJaar(e.target.value)}
          options={['2024', '2025', '2026'].map((j) => ({ value: j, label: j }))}
          className="field-inline"
        />
      </div>
      <Section title={t('tarieven.mijn.tarieven')}>
        <QueryState query={tarieven}>
          {(rows) =>
            rows.length === 0 ? (
              <EmptyState title={t('tarieven.mijn.geentarieven')}>{t('tarieven.mijn.geentarieven.uitleg')}</EmptyState>
            ) : (
              <>
                <p className="muted">
                  {t('tarieven.mijn.berekendop', { op: formatTijdstip(rows[0].berekendOp, taal) })} ·{' '}
                  {t('tarieven.afronding')}
                </p>
                <Table
                  caption={t('tarieven.mijn.tarieven')}
                  captionHidden
                  rows={rows}
                  rowKey={(r) => `${r.zorgkantoorId}/${r.prestatie}`}
                  columns={columns}
                  filter={(r, s) => r.prestatie.toLowerCase().includes(s) || r.omschrijving.toLowerCase().includes(s)}
                  initialSort={{ key: 'prestatie', dir: 'asc' }}
                />
              </>
            )
          }
        </QueryState>
      </Section>
      <Section title={t('tarieven.mijn.beleid')}>
        <QueryState query={beleid}>
          {(lijst) =>
            lijst.length === 0 ? (
              <EmptyState title={t('tarieven.mijn.geenbeleid')} />
            ) : (
              <>
                {lijst.map((b) => (
                  <BeleidKaart
                    key={b.beleid.id}
                    b={{
                      ...b,
                      zorgkantoor: b.beleid.zorgkantoor,
                      zorgkantoorId: b.beleid.zorgkantoorId,
                      jaar: b.beleid.jaar,
                      sector: b.beleid.sector,
                    }}
                    niveau={3}
                  />
                ))}
              </>
            )
          }
        </QueryState>
      </Section>
    </>
  );
}
