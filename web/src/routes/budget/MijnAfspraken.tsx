import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useSearchParams, type PageProps } from '../../app/router.tsx';
import {
  EmptyState,
  formatBedrag,
  formatPercentage,
  PageHeader,
  QueryState,
  Section,
  Select,
  Table,
} from '../../ui/index.ts';
import { JAREN } from './Grootboek.tsx';
import { useAfspraakKolommen } from './Afspraken.tsx';
import { DeadlineMelding, VoorbeeldBadge } from './shared.tsx';
import type { AfsprakenLijst, Benutting, ContracteerruimteLijst, Toelichting } from './types.ts';
import './messages.ts';

/** The provider's own agreements and, per region it works in, only the region's total use. */
export function MijnAfsprakenPagina(_: PageProps) {
  const { t, taal } = useI18n();
  const [sp, setSp] = useSearchParams();
  const jaar = sp.get('jaar') ?? '2026';
  const afspraken = useQuery({
    queryKey: ['budget', 'afspraken', 'mijn', jaar],
    queryFn: () => api.get<AfsprakenLijst>('/budget/productieafspraken', { query: { jaar } }),
  });
  const ruimte = useQuery({
    queryKey: ['budget', 'cr', jaar],
    queryFn: () => api.get<ContracteerruimteLijst>('/budget/contracteerruimte', { query: { jaar } }),
  });
  const toelichting = useQuery({
    queryKey: ['budget', 'toelichting', jaar],
    queryFn: () => api.get<Toelichting>('/budget/toelichting', { query: { jaar } }),
  });
  const kolommen = useAfspraakKolommen(false);
  return (
    <>
      <PageHeader title={t('budget.mijn.titel')} intro={t('budget.mijn.intro')} />
      <Select
        label={t('budget.jaar')}
        value={jaar}
        onChange={(e) => setSp({ jaar: e.target.value })}
        options={JAREN.map((j) => ({ value: j, label: j }))}
      />
      <QueryState query={afspraken}>
        {(d) => (
          <>
            <DeadlineMelding d={d.nzaDeadline} />
            <p>{t('budget.afspraken.totaal', { bedrag: formatBedrag(d.totalen.bedrag, taal), n: d.totalen.regels })}</p>
            {d.afspraken.length === 0 ? (
              <EmptyState title={t('budget.afspraken.geen')} />
            ) : (
              <Table
                caption={t('budget.mijn.titel')}
                captionHidden
                rows={d.afspraken}
                columns={kolommen}
                rowKey={(r) => r.id}
              />
            )}
          </>
        )}
      </QueryState>
      <Section title={t('budget.mijn.uitleg')}>
        <QueryState query={toelichting}>
          {(xs) =>
            xs.length === 0 ? (
              <EmptyState title={t('budget.mijn.uitleg.geen')} />
            ) : (
              <ul className="toelichting">
                {xs.map((x) => (
                  <li key={x.scenarioId} data-testid="toelichting">
                    <strong>
                      {x.regioCode} {x.sector} {x.jaar}: {formatBedrag(x.bedrag, taal)}
                    </strong>{' '}
                    ({t('budget.mijn.model', { model: x.model })}
                    {x.besluit.door ? `; ${t('budget.mijn.besluit', { door: x.besluit.door })}` : ''})<p>{x.uitleg}</p>
                  </li>
                ))}
              </ul>
            )
          }
        </QueryState>
      </Section>
      <Section title={t('budget.mijn.benutting')}>
        <p className="hint">{t('budget.mijn.benutting.uitleg')}</p>
        <QueryState query={ruimte}>
          {(d) => (
            <Table<Benutting>
              caption={t('budget.mijn.benutting')}
              captionHidden
              rows={d.benutting}
              rowKey={(b) => b.id}
              empty={t('budget.geen')}
              columns={[
                {
                  key: 'regio',
                  header: t('budget.regio'),
                  rowHeader: true,
                  cell: (b) => `${b.regioCode} ${b.regioNaam}`,
                },
                { key: 'sector', header: t('budget.sector'), cell: (b) => b.sector },
                {
                  key: 'totaal',
                  header: t('budget.totaal'),
                  align: 'right',
                  cell: (b) => formatBedrag(b.totaal, taal),
                },
                {
                  key: 'afspraken',
                  header: t('budget.afspraken'),
                  align: 'right',
                  cell: (b) => formatBedrag(b.afspraken, taal),
                },
                {
                  key: 'benutting',
                  header: t('budget.benutting'),
                  align: 'right',
                  cell: (b) => formatPercentage(b.benutting, taal, 1),
                },
                { key: 'vb', header: '', cell: (b) => <VoorbeeldBadge voorbeeld={b.voorbeeld} /> },
              ]}
            />
          )}
        </QueryState>
      </Section>
    </>
  );
}
