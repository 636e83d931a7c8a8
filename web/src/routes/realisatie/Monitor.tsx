import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useSearchParams, type PageProps } from '../../app/router.tsx';
import {
  Badge,
  EmptyState,
  formatBedrag,
  PageHeader,
  QueryState,
  Section,
  Select,
  Table,
  TextInput,
} from '../../ui/index.ts';
import { Balken } from './Balken.tsx';
import type { Monitor, Signaal } from './types.ts';
import './messages.ts';
import './realisatie.css';

export const JAREN = ['2024', '2025', '2026', '2027'];

const VARIANT: Record<Signaal, 'danger' | 'warning' | 'info' | 'success'> = {
  'afspraak-overschreden': 'danger',
  overproductie: 'warning',
  onderproductie: 'info',
  binnen: 'success',
};

export function SignaalBadge({ s }: { s: Signaal }) {
  const { t } = useI18n();
  return <Badge variant={VARIANT[s]}>{t(`realisatie.signaal.${s}`)}</Badge>;
}

/** Realised against agreed per provider in a region, with year-end forecast and signals. */
export function MonitorPagina(_: PageProps) {
  const { t, taal } = useI18n();
  const [sp, setSp] = useSearchParams();
  const jaar = sp.get('jaar') ?? '2025';
  const regio = sp.get('regio') ?? '';
  const q = useQuery({
    queryKey: ['realisatie', 'monitor', jaar, regio],
    queryFn: () => api.get<Monitor>('/realisatie/monitor', { query: { jaar, regio } }),
    enabled: regio !== '',
  });
  return (
    <>
      <PageHeader title={t('realisatie.monitor.titel')} intro={t('realisatie.monitor.intro')} />
      <div className="realisatie-filters">
        <Select
          label={t('realisatie.jaar')}
          value={jaar}
          onChange={(e) => setSp({ jaar: e.target.value, regio })}
          options={JAREN.map((j) => ({ value: j, label: j }))}
        />
        <TextInput
          label={t('realisatie.regio')}
          hint={t('realisatie.regio.hint')}
          defaultValue={regio}
          onBlur={(e) => setSp({ jaar, regio: e.target.value.trim() })}
          onKeyDown={(e) => {
            if (e.key === 'Enter') setSp({ jaar, regio: (e.target as HTMLInputElement).value.trim() });
          }}
        />
      </div>
      {regio === '' ? (
        <EmptyState title={t('realisatie.monitor.kiesRegio')} />
      ) : (
        <QueryState query={q}>
          {(d) => {
            const signalen = d.aanbieders.filter((a) => a.soort !== 'binnen');
            return (
              <>
                <p>{t('realisatie.monitor.totMaand', { maand: d.totMaand })}</p>
                {d.totaal && (
                  <p data-testid="monitor-totaal">
                    {t('realisatie.afspraak')}: {formatBedrag(d.totaal.afspraak, taal)} · {t('realisatie.gerealiseerd')}
                    : {formatBedrag(d.totaal.gerealiseerd, taal)} · {t('realisatie.prognose')}:{' '}
                    {formatBedrag(d.totaal.prognose, taal)}
                  </p>
                )}
                <Section title={t('realisatie.monitor.signalen')}>
                  {signalen.length === 0 ? (
                    <EmptyState title={t('realisatie.monitor.geenSignalen')} />
                  ) : (
                    <ul data-testid="signalen">
                      {signalen.map((s) => (
                        <li key={s.aanbieder}>
                          <SignaalBadge s={s.soort} /> <strong>{s.aanbieder}</strong>: {s.uitleg}
                        </li>
                      ))}
                    </ul>
                  )}
                </Section>
                <Section title={t('realisatie.monitor.grafiek')}>
                  <Balken
                    titel={t('realisatie.monitor.grafiek')}
                    rijen={d.aanbieders.map((a) => ({ label: a.aanbieder, ...a }))}
                  />
                </Section>
                <Table
                  caption={t('realisatie.monitor.tabel')}
                  rows={d.aanbieders}
                  rowKey={(r) => r.aanbieder}
                  filter={(r, s) => r.aanbieder.toLowerCase().includes(s)}
                  columns={[
                    {
                      key: 'aanbieder',
                      header: t('realisatie.aanbieder'),
                      rowHeader: true,
                      sortValue: (r) => r.aanbieder,
                    },
                    {
                      key: 'afspraak',
                      header: t('realisatie.afspraak'),
                      align: 'right',
                      cell: (r) => formatBedrag(r.afspraak, taal),
                    },
                    {
                      key: 'gerealiseerd',
                      header: t('realisatie.gerealiseerd'),
                      align: 'right',
                      cell: (r) => formatBedrag(r.gerealiseerd, taal),
                    },
                    {
                      key: 'prognose',
                      header: t('realisatie.prognose'),
                      align: 'right',
                      cell: (r) => formatBedrag(r.prognose, taal),
                    },
                    {
                      key: 'afwijking',
                      header: t('realisatie.afwijking'),
                      align: 'right',
                      cell: (r) => (r.afwijking ? `${r.afwijking}%` : '–'),
                    },
                    { key: 'soort', header: t('realisatie.signaal'), cell: (r) => <SignaalBadge s={r.soort} /> },
                  ]}
                />
              </>
            );
          }}
        </QueryState>
      )}
    </>
  );
}
