import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import type { PageProps } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { TaakVoortgang } from '../../app/jobs.tsx';
import {
  Alert,
  Badge,
  Button,
  compareDecimal,
  DetailList,
  formatBedrag,
  formatPercentage,
  PageHeader,
  ProblemAlert,
  QueryState,
  Section,
  Select,
  Table,
  TextInput,
} from '../../ui/index.ts';
import { MODELLEN } from './Scenarios.tsx';
import type { Scenario, VerdelingUitkomst } from './types.ts';
import './messages.ts';

type Afspraak = VerdelingUitkomst['afspraken'][number];
const schoon = (s: string) => s.trim().replace(',', '.');

export function ScenarioDetailPagina({ params }: PageProps) {
  const { t, taal } = useI18n();
  const { heeftRol, organisatieSoort, gebruiker } = useSession();
  const qc = useQueryClient();
  const key = ['budget', 'scenario', params.id];
  const q = useQuery({ queryKey: key, queryFn: () => api.get<Scenario>(`/budget/scenarios/${params.id}`) });
  const [p, setP] = useState<Record<string, string>>({});
  const [scores, setScores] = useState<Record<string, string>>({});
  const [dagen, setDagen] = useState<Record<string, string>>({});
  const [taakId, setTaakId] = useState<string | null>(null);
  const s = q.data;
  useEffect(() => {
    if (!s) return;
    setP({
      model: s.model,
      contracteerruimte: s.parameters.contracteerruimte,
      reserve: s.parameters.reserve,
      vloerPercentage: s.parameters.vloerPercentage,
      toekenningspercentage: s.parameters.toekenningspercentage,
      startPercentage: s.parameters.startPercentage,
      tariefFactor: s.parameters.tariefFactor,
      populariteitFactor: s.parameters.populariteitFactor ?? '0',
      groeiplafond: s.parameters.plafondRegels?.groeiplafondBehandeling ?? '',
    });
    setScores(s.parameters.scores);
    setDagen(s.parameters.plafondRegels?.intramuraleDagen ?? {});
  }, [s?.id, s?.status]);
  const klaar = (x: Scenario) => {
    qc.setQueryData(key, x);
    void qc.invalidateQueries({ queryKey: ['budget', 'scenarios'] });
  };
  const opslaan = useMutation({
    mutationFn: () =>
      api.put<Scenario>(`/budget/scenarios/${params.id}`, {
        model: p.model,
        contracteerruimte: schoon(p.contracteerruimte),
        reserve: schoon(p.reserve),
        vloerPercentage: schoon(p.vloerPercentage),
        toekenningspercentage: schoon(p.toekenningspercentage),
        startPercentage: schoon(p.startPercentage),
        tariefFactor: schoon(p.tariefFactor),
        populariteitFactor: schoon(p.populariteitFactor ?? '') || '0',
        scores: Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, schoon(v)])),
        plafondRegels: {
          groeiplafondBehandeling: schoon(p.groeiplafond ?? '') || null,
          intramuraleDagen: Object.fromEntries(
            Object.entries(dagen).map(([k, v]) => [k, v.trim() === '' ? null : v.trim()]),
          ),
        },
      }),
    onSuccess: klaar,
  });
  const reken = useMutation({
    mutationFn: async () => {
      await opslaan.mutateAsync();
      return api.post<{ taakId: string }>(`/budget/scenarios/${params.id}/bereken`);
    },
    onSuccess: (r) => setTaakId(r.taakId),
  });
  const promoveer = useMutation({
    mutationFn: () => api.post<Scenario>(`/budget/scenarios/${params.id}/promoveer`, {}),
    onSuccess: (x) => {
      klaar(x);
      void qc.invalidateQueries({ queryKey: ['budget'] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    reken.mutate();
  };
  return (
    <QueryState query={q}>
      {(s) => {
        const schrijft =
          organisatieSoort === 'zorgkantoor' &&
          gebruiker?.organisatieId === s.zorgkantoorId &&
          (heeftRol('inkoper') || heeftRol('manager')) &&
          s.status !== 'gepromoveerd';
        const veld = (k: string, label: string) => (
          <TextInput
            label={label}
            value={p[k] ?? ''}
            onChange={(e) => setP((x) => ({ ...x, [k]: e.target.value }))}
            inputMode="decimal"
            disabled={!schrijft}
          />
        );
        const uitkomst = s.uitkomst as VerdelingUitkomst | null;
        return (
          <>
            <PageHeader
              title={s.naam}
              kruimels={[
                { label: t('budget.scenario.titel'), to: `/budget/scenarios?jaar=${s.jaar}` },
                { label: s.naam },
              ]}
            >
              <p>
                {s.regioCode} · {s.jaar} · {s.sector} · model {s.model} · <Badge>{s.status}</Badge>
              </p>
              {s.basis.contracteerruimte.voorbeeld && <Alert variant="warning">{t('budget.voorbeeld.uitleg')}</Alert>}
            </PageHeader>
            {s.gepromoveerd && (
              <Alert variant="success">{t('budget.scenario.gepromoveerd', { door: s.gepromoveerd.door ?? '' })}</Alert>
            )}
            {s.fout && <Alert variant="error">{s.fout}</Alert>}
            <form onSubmit={submit} aria-label={t('budget.scenario.titel')}>
              <div className="budget-formulieren">
                <div>
                  <Select
                    label={t('budget.scenario.model')}
                    value={p.model ?? s.model}
                    onChange={(e) => setP((x) => ({ ...x, model: e.target.value }))}
                    options={MODELLEN.map((m) => ({ value: m, label: m }))}
                    disabled={!schrijft}
                  />
                  {veld('contracteerruimte', t('budget.scenario.budget'))}
                  {veld('reserve', t('budget.reserve'))}
                </div>
                <div>
                  {veld('vloerPercentage', t('budget.scenario.bodem'))}
                  {veld('toekenningspercentage', t('budget.scenario.toekenning'))}
                  {veld('startPercentage', t('budget.scenario.start'))}
                  {veld('tariefFactor', t('budget.scenario.tariefFactor'))}
                  {veld('groeiplafond', t('budget.scenario.groeiplafond'))}
                  {veld('populariteitFactor', t('budget.scenario.populariteitFactor'))}
                  <p className="hint">{t('budget.scenario.populariteitHint')}</p>
                </div>
              </div>
              <Section title={t('budget.scenario.gewichten')}>
                <Table
                  caption={t('budget.scenario.gewichten')}
                  captionHidden
                  rows={s.aanbieders}
                  rowKey={(a) => a.id}
                  pageSize={25}
                  columns={[
                    {
                      key: 'naam',
                      header: t('budget.aanbieder'),
                      rowHeader: true,
                      sortValue: (a) => a.naam,
                      cell: (a) => a.naam,
                    },
                    {
                      key: 'real',
                      header: t('budget.scenario.realisatie'),
                      align: 'right',
                      compare: (a, b) => compareDecimal(a.realisatieVorigJaar, b.realisatieVorigJaar),
                      cell: (a) => formatBedrag(a.realisatieVorigJaar, taal),
                    },
                    {
                      key: 'score',
                      header: t('budget.scenario.score'),
                      cell: (a) => (
                        <TextInput
                          label={`${t('budget.scenario.score')} ${a.naam}`}
                          className="score-veld"
                          value={scores[a.id] ?? '1'}
                          onChange={(e) => setScores((x) => ({ ...x, [a.id]: e.target.value }))}
                          inputMode="decimal"
                          disabled={!schrijft}
                        />
                      ),
                    },
                    {
                      key: 'dagen',
                      header: t('budget.scenario.intramuraleDagen'),
                      cell: (a) => (
                        <TextInput
                          label={`${t('budget.scenario.intramuraleDagen')} ${a.naam}`}
                          className="score-veld"
                          value={dagen[a.id] ?? ''}
                          onChange={(e) => setDagen((x) => ({ ...x, [a.id]: e.target.value }))}
                          inputMode="numeric"
                          disabled={!schrijft}
                        />
                      ),
                    },
                    {
                      key: 'plafond',
                      header: t('budget.scenario.plafondUitRegels'),
                      align: 'right',
                      cell: (a) => {
                        const x = s.plafondsUitRegels.find((y) => y.aanbieder === a.id);
                        return x ? <span title={x.uitleg}>{formatBedrag(x.plafond, taal)}</span> : '—';
                      },
                    },
                  ]}
                />
              </Section>
              {(opslaan.error || reken.error) && <ProblemAlert error={opslaan.error ?? reken.error} />}
              {schrijft && (
                <Button type="submit" variant="primary" bezig={reken.isPending}>
                  {t('budget.scenario.reken')}
                </Button>
              )}
            </form>
            {(taakId ?? (s.status === 'bezig' ? s.taakId : null)) && (
              <TaakVoortgang id={(taakId ?? s.taakId)!} onKlaar={() => void qc.invalidateQueries({ queryKey: key })} />
            )}
            {uitkomst && s.voorstel && (
              <Section title={t('budget.scenario.uitkomst')}>
                <DetailList
                  items={[
                    [t('budget.scenario.status'), uitkomst.status],
                    [
                      t('budget.afspraken'),
                      <span data-testid="scenario-totaal">{formatBedrag(s.voorstel.totalen.totaal, taal)}</span>,
                    ],
                    [t('budget.pool'), formatBedrag(uitkomst.pool, taal)],
                    [t('budget.scenario.motor'), s.motor ?? ''],
                  ]}
                />
                <Table<Afspraak>
                  caption={t('budget.scenario.perAanbieder')}
                  rows={uitkomst.afspraken}
                  rowKey={(x) => x.aanbieder}
                  pageSize={25}
                  columns={[
                    {
                      key: 'a',
                      header: t('budget.aanbieder'),
                      rowHeader: true,
                      cell: (x) => s.aanbieders.find((a) => a.id === x.aanbieder)?.naam ?? x.aanbieder,
                    },
                    {
                      key: 'b',
                      header: t('budget.bedrag'),
                      align: 'right',
                      compare: (a, b) => compareDecimal(a.bedrag, b.bedrag),
                      cell: (x) => formatBedrag(x.bedrag, taal),
                    },
                    {
                      key: 'pct',
                      header: t('budget.scenario.pctRealisatie'),
                      align: 'right',
                      cell: (x) => formatPercentage(x.percentageVanRealisatie ?? x.percentage ?? null, taal, 1),
                    },
                    { key: 'bindend', header: t('budget.scenario.bindend'), cell: (x) => x.bindend.join(', ') },
                    ...(uitkomst.afspraken.some((x) => x.signaal)
                      ? [
                          {
                            key: 'signaal',
                            header: t('budget.scenario.signaal'),
                            cell: (x: Afspraak) =>
                              x.signaal
                                ? t('budget.scenario.signaalTekst', {
                                    wachtend: x.signaal.wachtend,
                                    voorkeur: x.signaal.voorkeur,
                                    capaciteit: x.signaal.capaciteit,
                                    populariteit: (x.populariteit ?? '0').replace('.', taal === 'nl' ? ',' : '.'),
                                    gewicht: (x.populariteitGewicht ?? '1').replace('.', taal === 'nl' ? ',' : '.'),
                                  })
                                : '—',
                          },
                        ]
                      : []),
                    { key: 'uitleg', header: t('budget.scenario.uitleg'), cell: (x) => x.uitleg },
                  ]}
                />
                {organisatieSoort === 'zorgkantoor' && heeftRol('manager') && s.status === 'berekend' && (
                  <>
                    <p className="hint">{t('budget.scenario.promoveer.uitleg')}</p>
                    <Button variant="primary" onClick={() => promoveer.mutate()} bezig={promoveer.isPending}>
                      {t('budget.scenario.promoveer')}
                    </Button>
                    {promoveer.error && <ProblemAlert error={promoveer.error} />}
                  </>
                )}
              </Section>
            )}
          </>
        );
      }}
    </QueryState>
  );
}
