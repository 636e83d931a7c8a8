import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { Link, type PageProps } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import {
  Badge,
  DetailList,
  EmptyState,
  compareDecimal,
  formatBedrag,
  formatGetal,
  formatPercentage,
  PageHeader,
  percentageVan,
  QueryState,
  Section,
  Table,
  type Column,
} from '../../ui/index.ts';
import { useRegios } from './Regios.tsx';
import type { Aanbieder, Locatie } from './types.ts';

type Jaar = NonNullable<Aanbieder['jaren']>[number];
import './messages.ts';

export const aanbiederQuery = (id: string) => ({
  queryKey: ['aanbieders', id],
  queryFn: () => api.get<Aanbieder>(`/aanbieders/${encodeURIComponent(id)}`),
});

function inspectieVariant(s: string): 'success' | 'warning' | 'danger' | 'neutral' {
  const x = s.toLowerCase();
  if (/(voldoet|goed|in orde|ok)/.test(x)) return 'success';
  if (/(verscherpt|aanwijzing|onvoldoende|slecht)/.test(x)) return 'danger';
  if (/(aandacht|verbeter|herstel)/.test(x)) return 'warning';
  return 'neutral';
}

export function AanbiederDetail({ params }: PageProps) {
  const { t, taal } = useI18n();
  const { gebruiker } = useSession();
  const eigen = gebruiker?.organisatieSoort === 'zorgaanbieder';
  const q = useQuery(aanbiederQuery(params.id));
  const regios = useRegios();
  const regioNaam = useMemo(() => new Map((regios.data ?? []).map((r) => [r.code, r.naam])), [regios.data]);
  const regioLink = (c: string) => (
    <Link to={`/regios/${encodeURIComponent(c)}`}>
      {c}
      {regioNaam.get(c) ? ` ${regioNaam.get(c)}` : ''}
    </Link>
  );
  const columns = useMemo<Column<Locatie>[]>(
    () => [
      { key: 'naam', header: t('reference.kolom.naam'), rowHeader: true, sortValue: (l) => l.naam },
      {
        key: 'adres',
        header: t('reference.kolom.adres'),
        sortValue: (l) => l.plaats ?? '',
        cell: (l) => (
          <>
            {l.adres && (
              <>
                {l.adres}
                <br />
              </>
            )}
            {[l.postcode, l.plaats].filter(Boolean).join(' ') || '—'}
          </>
        ),
      },
      {
        key: 'regio',
        header: t('reference.kolom.regio'),
        sortValue: (l) => l.regioCode,
        cell: (l) => regioLink(l.regioCode),
      },
      {
        key: 'sectoren',
        header: t('reference.kolom.sectoren'),
        sortValue: (l) => l.sectoren.join(','),
        cell: (l) => l.sectoren.join(', ') || '—',
      },
      {
        key: 'leveringsvormen',
        header: t('reference.kolom.leveringsvormen'),
        cell: (l) => l.leveringsvormen.join(', ') || '—',
      },
      {
        key: 'capaciteit',
        header: t('reference.kolom.capaciteit'),
        align: 'right',
        sortValue: (l) => l.capaciteit ?? -1,
        cell: (l) => formatGetal(l.capaciteit, taal),
      },
      {
        key: 'inspectie',
        header: t('reference.kolom.inspectie'),
        sortValue: (l) => l.inspectieStatus,
        cell: (l) => <Badge variant={inspectieVariant(l.inspectieStatus)}>{l.inspectieStatus}</Badge>,
      },
    ],
    [t, taal, regioNaam],
  );

  const jaarKolommen = useMemo<Column<Jaar>[]>(
    () => [
      { key: 'jaar', header: t('reference.kolom.jaar'), rowHeader: true, sortValue: (j) => j.jaar },
      { key: 'regios', header: t('reference.kolom.regios'), cell: (j) => j.regios.join(', ') || '—' },
      {
        key: 'pa',
        header: t('reference.kolom.pa.bedrag'),
        align: 'right',
        compare: (a, b) => compareDecimal(a.productieafspraken.bedrag, b.productieafspraken.bedrag),
        cell: (j) => formatBedrag(j.productieafspraken.bedrag, taal),
      },
      {
        key: 'pav',
        header: t('reference.kolom.pa.volume'),
        align: 'right',
        cell: (j) => formatGetal(j.productieafspraken.volume, taal, 0),
      },
      {
        key: 're',
        header: t('reference.kolom.re.bedrag'),
        align: 'right',
        compare: (a, b) => compareDecimal(a.realisatie.bedrag, b.realisatie.bedrag),
        cell: (j) => formatBedrag(j.realisatie.bedrag, taal),
      },
      {
        key: 'maanden',
        header: t('reference.kolom.re.maanden'),
        align: 'right',
        cell: (j) => formatGetal(j.realisatie.maanden, taal),
      },
      {
        key: 'pct',
        header: t('reference.kolom.re.pct'),
        align: 'right',
        cell: (j) => {
          const p = percentageVan(j.realisatie.bedrag, j.productieafspraken.bedrag, 1);
          return p === null ? '—' : formatPercentage(p, taal, 1);
        },
      },
    ],
    [t, taal],
  );

  const kruimels = eigen
    ? undefined
    : [{ label: t('reference.aanbieders.titel'), to: '/aanbieders' }, { label: q.data?.naam ?? params.id }];
  return (
    <>
      <PageHeader title={q.data?.naam ?? t('reference.aanbieder.titel')} kruimels={kruimels} />
      <QueryState
        query={q}
        notFound={
          <EmptyState
            title={t('reference.aanbieder.nietgevonden')}
            actie={!eigen && <Link to="/aanbieders">{t('reference.aanbieder.terug')}</Link>}
          />
        }
      >
        {(a) => {
          const capaciteit = a.locaties.reduce((s, l) => s + (l.capaciteit ?? 0), 0);
          const eigenRegios = [...new Set(a.locaties.map((l) => l.regioCode))].sort();
          return (
            <>
              <Section title={t('reference.aanbieder.gegevens')}>
                <DetailList
                  items={[
                    [t('reference.kolom.agb'), a.agb ?? '—'],
                    [t('reference.kolom.kvk'), a.kvk ?? '—'],
                    [t('reference.aanbieder.aantallocaties'), formatGetal(a.locaties.length, taal)],
                    [t('reference.aanbieder.capaciteit'), formatGetal(capaciteit, taal)],
                    [
                      t('reference.aanbieder.regios'),
                      eigenRegios.length
                        ? eigenRegios.map((r, i) => (
                            <span key={r}>
                              {i > 0 && ', '}
                              {regioLink(r)}
                            </span>
                          ))
                        : '—',
                    ],
                  ]}
                />
              </Section>
              <Section title={t('reference.aanbieder.locaties')}>
                {a.locaties.length === 0 ? (
                  <EmptyState title={t('reference.aanbieder.geenlocaties')} />
                ) : (
                  <Table
                    caption={t('reference.aanbieder.locaties.tabel', { naam: a.naam })}
                    captionHidden
                    rows={a.locaties}
                    rowKey={(l) => l.id}
                    columns={columns}
                    filter={(l, s) =>
                      l.naam.toLowerCase().includes(s) ||
                      (l.plaats ?? '').toLowerCase().includes(s) ||
                      l.regioCode.includes(s)
                    }
                    initialSort={{ key: 'naam', dir: 'asc' }}
                  />
                )}
              </Section>
              {a.jaren && (
                <Section title={t('reference.aanbieder.jaren')}>
                  {a.jaren.length === 0 ? (
                    <EmptyState title={t('reference.aanbieder.jaren.geen')} />
                  ) : (
                    <Table
                      caption={t('reference.aanbieder.jaren')}
                      captionHidden
                      rows={a.jaren}
                      rowKey={(j) => String(j.jaar)}
                      columns={jaarKolommen}
                      initialSort={{ key: 'jaar', dir: 'desc' }}
                    />
                  )}
                </Section>
              )}
            </>
          );
        }}
      </QueryState>
    </>
  );
}
