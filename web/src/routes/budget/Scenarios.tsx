import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { Link, navigate, useSearchParams, type PageProps } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import {
  Button,
  Checkbox,
  EmptyState,
  formatBedrag,
  formatTijdstip,
  PageHeader,
  ProblemAlert,
  QueryState,
  Section,
  Select,
  Table,
  TextInput,
} from '../../ui/index.ts';
import { JAREN, SECTOREN } from './Grootboek.tsx';
import type { Scenario } from './types.ts';
import './messages.ts';

export const MODELLEN = ['Q', 'P', 'toekenning'];

export function ScenariosPagina(_: PageProps) {
  const { t, taal } = useI18n();
  const { heeftRol, organisatieSoort } = useSession();
  const [sp, setSp] = useSearchParams();
  const jaar = sp.get('jaar') ?? '2026';
  const [keuze, setKeuze] = useState<string[]>([]);
  const q = useQuery({
    queryKey: ['budget', 'scenarios', jaar],
    queryFn: () => api.get<Scenario[]>('/budget/scenarios', { query: { jaar } }),
  });
  const magSchrijven = organisatieSoort === 'zorgkantoor' && (heeftRol('inkoper') || heeftRol('manager'));
  const kies = (id: string, aan: boolean) =>
    setKeuze((k) => (aan ? [...k.filter((x) => x !== id), id].slice(-2) : k.filter((x) => x !== id)));
  return (
    <>
      <PageHeader title={t('budget.scenario.titel')} intro={t('budget.scenario.intro')} />
      <Select
        label={t('budget.jaar')}
        value={jaar}
        onChange={(e) => setSp({ jaar: e.target.value })}
        options={JAREN.map((j) => ({ value: j, label: j }))}
      />
      <QueryState query={q}>
        {(rows) =>
          rows.length === 0 ? (
            <EmptyState title={t('budget.scenario.geen')} />
          ) : (
            <>
              <Table<Scenario>
                caption={t('budget.scenario.titel')}
                captionHidden
                rows={rows}
                rowKey={(s) => s.id}
                columns={[
                  {
                    key: 'kies',
                    header: t('budget.scenario.vergelijk'),
                    cell: (s) => (
                      <Checkbox
                        label={s.naam}
                        checked={keuze.includes(s.id)}
                        onChange={(e) => kies(s.id, e.target.checked)}
                        disabled={!s.voorstel}
                      />
                    ),
                  },
                  {
                    key: 'naam',
                    header: t('budget.scenario.naam'),
                    rowHeader: true,
                    sortValue: (s) => s.naam,
                    cell: (s) => <Link to={`/budget/scenarios/${s.id}`}>{s.naam}</Link>,
                  },
                  { key: 'regio', header: t('budget.regio'), cell: (s) => `${s.regioCode} ${s.sector}` },
                  { key: 'model', header: t('budget.scenario.model'), cell: (s) => s.model },
                  { key: 'status', header: t('budget.scenario.status'), cell: (s) => s.status },
                  {
                    key: 'totaal',
                    header: t('budget.afspraken'),
                    align: 'right',
                    cell: (s) => (s.voorstel ? formatBedrag(s.voorstel.totalen.totaal, taal) : '—'),
                  },
                  { key: 'door', header: t('budget.mutatie.door'), cell: (s) => s.aangemaakt.door },
                  { key: 'op', header: t('budget.mutatie.op'), cell: (s) => formatTijdstip(s.aangemaakt.op, taal) },
                ]}
              />
              <Button
                variant="primary"
                disabled={keuze.length !== 2}
                onClick={() => navigate(`/budget/scenarios/vergelijk?a=${keuze[0]}&b=${keuze[1]}`)}
              >
                {t('budget.scenario.vergelijk')}
              </Button>
            </>
          )
        }
      </QueryState>
      {magSchrijven && <NieuwScenario jaar={jaar} bestaande={q.data ?? []} />}
    </>
  );
}

function NieuwScenario({ jaar, bestaande }: { jaar: string; bestaande: Scenario[] }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [v, setV] = useState({ regio: '', sector: 'VV', naam: '', model: 'Q', kopieVan: '' });
  const zet = (k: keyof typeof v) => (e: { target: { value: string } }) => setV((x) => ({ ...x, [k]: e.target.value }));
  const m = useMutation({
    mutationFn: () =>
      api.post<Scenario>('/budget/scenarios', {
        regio: v.regio.trim(),
        jaar: Number(jaar),
        sector: v.sector,
        naam: v.naam.trim(),
        model: v.model,
        ...(v.kopieVan ? { kopieVan: v.kopieVan } : {}),
      }),
    onSuccess: (s) => {
      void qc.invalidateQueries({ queryKey: ['budget', 'scenarios'] });
      navigate(`/budget/scenarios/${s.id}`);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    m.mutate();
  };
  return (
    <Section title={t('budget.scenario.nieuw')}>
      <form onSubmit={submit} aria-label={t('budget.scenario.nieuw')}>
        <TextInput label={t('budget.scenario.naam')} value={v.naam} onChange={zet('naam')} required />
        <TextInput label={t('budget.regio')} value={v.regio} onChange={zet('regio')} required pattern="55\d\d" />
        <Select
          label={t('budget.sector')}
          value={v.sector}
          onChange={zet('sector')}
          options={SECTOREN.map((s) => ({ value: s, label: s }))}
        />
        <Select
          label={t('budget.scenario.model')}
          value={v.model}
          onChange={zet('model')}
          options={MODELLEN.map((s) => ({ value: s, label: s }))}
        />
        <Select
          label={t('budget.scenario.kopie')}
          value={v.kopieVan}
          onChange={zet('kopieVan')}
          options={[
            { value: '', label: t('budget.scenario.kopie.huidig') },
            ...bestaande.map((s) => ({ value: s.id, label: s.naam })),
          ]}
        />
        {m.error && <ProblemAlert error={m.error} />}
        <Button type="submit" variant="primary" bezig={m.isPending}>
          {t('budget.scenario.maak')}
        </Button>
      </form>
    </Section>
  );
}
