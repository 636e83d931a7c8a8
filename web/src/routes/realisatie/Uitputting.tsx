import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useSearchParams, type PageProps } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import {
  Alert,
  Badge,
  DetailList,
  EmptyState,
  formatBedrag,
  formatPercentage,
  formatTijdstip,
  PageHeader,
  QueryState,
  Section,
  Select,
  TextInput,
} from '../../ui/index.ts';
import { Balken } from './Balken.tsx';
import { JAREN } from './Monitor.tsx';
import type { Berichten, Uitputting } from './types.ts';
import './messages.ts';
import './realisatie.css';

/** The published use of the contracteerruimte of a region (totals only) and, for a provider, its own line and messages. */
export function UitputtingPagina(_: PageProps) {
  const { t, taal } = useI18n();
  const { organisatieSoort } = useSession();
  const [sp, setSp] = useSearchParams();
  const jaar = sp.get('jaar') ?? '2025';
  const regio = sp.get('regio') ?? '';
  const q = useQuery({
    queryKey: ['realisatie', 'uitputting', jaar, regio],
    queryFn: () => api.get<Uitputting>('/realisatie/uitputting', { query: { jaar, regio } }),
    enabled: regio !== '',
  });
  const aanbieder = organisatieSoort === 'zorgaanbieder';
  const berichten = useQuery({
    queryKey: ['realisatie', 'berichten', jaar],
    queryFn: () => api.get<Berichten>('/realisatie/herschikkingsberichten', { query: { jaar } }),
    enabled: aanbieder,
  });
  return (
    <>
      <PageHeader title={t('realisatie.uitputting.titel')} intro={t('realisatie.uitputting.intro')} />
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
          {(u) => (
            <>
              {u.voorbeeld && <Badge variant="warning">{t('realisatie.voorbeeld')}</Badge>}
              <DetailList
                items={[
                  [t('realisatie.contracteerruimte'), formatBedrag(u.contracteerruimte, taal)],
                  [
                    t('realisatie.afspraak'),
                    `${formatBedrag(u.afgesproken, taal)} (${formatPercentage(u.afgesprokenPct, taal)})`,
                  ],
                  [
                    t('realisatie.uitputting.gerealiseerd', { maand: u.totMaand }),
                    `${formatBedrag(u.gerealiseerd, taal)} (${formatPercentage(u.gerealiseerdPct, taal)})`,
                  ],
                  [
                    t('realisatie.prognose'),
                    `${formatBedrag(u.prognose, taal)} (${formatPercentage(u.prognosePct, taal)})`,
                  ],
                  [t('realisatie.uitputting.aanbieders'), u.aanbieders],
                ]}
              />
              <Alert variant={u.signaal === 'overschrijding' ? 'warning' : 'info'}>
                <p data-testid="uitputting-uitleg">{u.uitleg}</p>
              </Alert>
              <Balken
                titel={t('realisatie.uitputting.titel')}
                rijen={[
                  {
                    label: t('realisatie.regioTotaal'),
                    afspraak: u.afgesproken,
                    gerealiseerd: u.gerealiseerd,
                    prognose: u.prognose,
                  },
                  ...(u.eigen ? [{ label: t('realisatie.uitputting.eigen'), ...u.eigen }] : []),
                ]}
              />
              <Section title={t('realisatie.bronnen')}>
                <ul>
                  {u.bronnen.map((b) => (
                    <li key={b}>{b}</li>
                  ))}
                </ul>
              </Section>
            </>
          )}
        </QueryState>
      )}
      {aanbieder && (
        <Section title={t('realisatie.berichten')}>
          <QueryState query={berichten}>
            {(b) =>
              b.berichten.length === 0 ? (
                <EmptyState title={t('realisatie.berichten.geen')} />
              ) : (
                <ul data-testid="berichten">
                  {b.berichten.map((x) => (
                    <li key={x.id}>
                      {formatTijdstip(x.op, taal)}: {x.tekst}
                    </li>
                  ))}
                </ul>
              )
            }
          </QueryState>
        </Section>
      )}
    </>
  );
}
