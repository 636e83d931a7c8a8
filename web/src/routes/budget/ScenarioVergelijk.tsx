import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { Link, useSearchParams, type PageProps } from '../../app/router.tsx';
import { formatBedrag, PageHeader, QueryState, Section, Table } from '../../ui/index.ts';
import { Staafdiagram } from './shared.tsx';
import type { ScenarioVergelijking } from './types.ts';
import './messages.ts';

type Rij = ScenarioVergelijking['perLeveringsvorm'][number] & { naam?: string };

export function ScenarioVergelijkPagina(_: PageProps) {
  const { t, taal } = useI18n();
  const [sp] = useSearchParams();
  const a = sp.get('a') ?? '',
    b = sp.get('b') ?? '';
  const q = useQuery({
    queryKey: ['budget', 'vergelijk', a, b],
    queryFn: () => api.get<ScenarioVergelijking>('/budget/scenarios/vergelijk', { query: { a, b } }),
    enabled: !!a && !!b,
  });
  const kolommen = (v: ScenarioVergelijking, label: string) => [
    { key: 'k', header: label, rowHeader: true, cell: (r: Rij) => r.naam ?? r.sleutel },
    { key: 'a', header: v.a.naam, align: 'right' as const, cell: (r: Rij) => formatBedrag(r.a, taal) },
    { key: 'b', header: v.b.naam, align: 'right' as const, cell: (r: Rij) => formatBedrag(r.b, taal) },
    {
      key: 'v',
      header: t('budget.scenario.verschil'),
      align: 'right' as const,
      cell: (r: Rij) => formatBedrag(r.verschil, taal),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('budget.scenario.vergelijk.titel')}
        kruimels={[
          { label: t('budget.scenario.titel'), to: '/budget/scenarios' },
          { label: t('budget.scenario.vergelijk') },
        ]}
      />
      <QueryState query={q}>
        {(v) => (
          <>
            <p>
              <Link to={`/budget/scenarios/${v.a.id}`}>{v.a.naam}</Link> ({v.a.model}): {formatBedrag(v.a.totaal, taal)}{' '}
              · <Link to={`/budget/scenarios/${v.b.id}`}>{v.b.naam}</Link> ({v.b.model}):{' '}
              {formatBedrag(v.b.totaal, taal)} · {t('budget.scenario.verschil')}:{' '}
              <span data-testid="vergelijk-verschil">{formatBedrag(v.verschil, taal)}</span>
            </p>
            <Staafdiagram
              titel={t('budget.scenario.perAanbieder')}
              series={[v.a.naam, v.b.naam]}
              rijen={v.perAanbieder.map((r) => ({ label: r.naam, waarden: [r.a, r.b] }))}
            />
            <Section title={t('budget.scenario.perLeveringsvorm')}>
              <Table<Rij>
                caption={t('budget.scenario.perLeveringsvorm')}
                captionHidden
                rows={v.perLeveringsvorm}
                rowKey={(r) => r.sleutel}
                columns={kolommen(v, t('budget.leveringsvorm'))}
              />
            </Section>
            <Section title={t('budget.scenario.perAanbieder')}>
              <Table<Rij>
                caption={t('budget.scenario.perAanbieder')}
                captionHidden
                rows={v.perAanbieder}
                rowKey={(r) => r.sleutel}
                columns={kolommen(v, t('budget.aanbieder'))}
                pageSize={50}
              />
            </Section>
          </>
        )}
      </QueryState>
    </>
  );
}
