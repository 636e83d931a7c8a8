import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import type { PageProps } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import {
  Button,
  DetailList,
  formatBedrag,
  formatGetal,
  formatTijdstip,
  PageHeader,
  ProblemAlert,
  QueryState,
  Section,
  Table,
  TextInput,
} from '../../ui/index.ts';
import { DeadlineMelding, StatusBadge } from './shared.tsx';
import type { ProductieafspraakDetail } from './types.ts';
import './messages.ts';

type Versie = ProductieafspraakDetail['versies'][number];

export function AfspraakDetailPagina({ params }: PageProps) {
  const { t, taal } = useI18n();
  const { heeftRol, organisatieSoort } = useSession();
  const qc = useQueryClient();
  const key = ['budget', 'afspraak', params.id];
  const q = useQuery({
    queryKey: key,
    queryFn: () => api.get<ProductieafspraakDetail>(`/budget/productieafspraken/${params.id}`),
  });
  const [volume, setVolume] = useState('');
  const klaar = (a: ProductieafspraakDetail) => {
    qc.setQueryData(key, a);
    void qc.invalidateQueries({ queryKey: ['budget', 'afspraken'] });
  };
  const status = useMutation({
    mutationFn: (s: string) =>
      api.post<ProductieafspraakDetail>(`/budget/productieafspraken/${params.id}/status`, { status: s }),
    onSuccess: klaar,
  });
  const wijzig = useMutation({
    mutationFn: () =>
      api.put<ProductieafspraakDetail>(`/budget/productieafspraken/${params.id}`, {
        volume: volume.trim().replace(',', '.'),
      }),
    onSuccess: klaar,
  });
  const schrijft = organisatieSoort === 'zorgkantoor' && (heeftRol('inkoper') || heeftRol('manager'));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    wijzig.mutate();
  };
  return (
    <QueryState query={q}>
      {(a) => (
        <>
          <PageHeader
            title={t('budget.afspraak.titel', { prestatie: a.prestatie })}
            kruimels={[
              { label: t('budget.afspraken.titel'), to: `/budget/afspraken?jaar=${a.jaar}` },
              { label: a.prestatie },
            ]}
          >
            <p>
              <StatusBadge status={a.status} /> {a.aanbiederNaam} · {a.regioCode} {a.regioNaam} · {a.jaar}
            </p>
          </PageHeader>
          <DeadlineMelding d={a.nzaDeadline} />
          <DetailList
            items={[
              [t('budget.prestatie'), `${a.prestatie} ${a.prestatieOmschrijving}`],
              [t('budget.leveringsvorm'), a.leveringsvorm ?? '—'],
              [t('budget.prijs'), `${formatBedrag(a.prijs, taal)} (${t(`budget.prijsBron.${a.prijsBron}`)})`],
              [t('budget.volume'), `${formatGetal(a.volume, taal, 2)} ${a.eenheid}`],
              [t('budget.bedrag'), <span data-testid="afspraak-bedrag">{formatBedrag(a.bedrag, taal)}</span>],
              [t('budget.soort'), t(`budget.soort.${a.soort}`)],
              [t('budget.versie'), a.versie],
            ]}
          />
          {schrijft && (
            <Section title={t('budget.status')}>
              {a.status === 'concept' && (
                <Button onClick={() => status.mutate('ingediend')}>{t('budget.afspraak.indienen')}</Button>
              )}
              {a.status === 'ingediend' && (
                <>
                  <Button variant="primary" onClick={() => status.mutate('vastgesteld')}>
                    {t('budget.afspraak.vaststellen')}
                  </Button>{' '}
                  <Button onClick={() => status.mutate('concept')}>{t('budget.afspraak.intrekken')}</Button>
                </>
              )}
              {status.error && <ProblemAlert error={status.error} />}
              <form onSubmit={submit} aria-label={t('budget.afspraak.wijzig')}>
                <h3>{t('budget.afspraak.wijzig')}</h3>
                <TextInput
                  label={t('budget.volume')}
                  value={volume}
                  onChange={(e) => setVolume(e.target.value)}
                  required
                  inputMode="decimal"
                />
                {wijzig.error && <ProblemAlert error={wijzig.error} />}
                <Button type="submit" bezig={wijzig.isPending}>
                  {t('budget.afspraak.wijzig.knop')}
                </Button>
              </form>
            </Section>
          )}
          <Section title={t('budget.afspraak.versies')}>
            <Table<Versie>
              caption={t('budget.afspraak.versies')}
              captionHidden
              rows={a.versies}
              rowKey={(v) => String(v.versie)}
              columns={[
                { key: 'versie', header: t('budget.versie'), sortValue: (v) => v.versie, cell: (v) => v.versie },
                { key: 'status', header: t('budget.status'), cell: (v) => <StatusBadge status={v.status} /> },
                {
                  key: 'reden',
                  header: t('budget.reden'),
                  cell: (v) => (v.reden === 'herschikking' ? t('budget.reden.herschikking') : v.reden),
                },
                { key: 'prijs', header: t('budget.prijs'), align: 'right', cell: (v) => formatBedrag(v.prijs, taal) },
                {
                  key: 'volume',
                  header: t('budget.volume'),
                  align: 'right',
                  cell: (v) => formatGetal(v.volume, taal, 2),
                },
                {
                  key: 'bedrag',
                  header: t('budget.bedrag'),
                  align: 'right',
                  cell: (v) => formatBedrag(v.bedrag, taal),
                },
                {
                  key: 'toelichting',
                  header: t('budget.toelichting'),
                  cell: (v) => v.toelichting ?? v.prijsToelichting ?? '',
                },
                { key: 'door', header: t('budget.mutatie.door'), cell: (v) => v.door },
                { key: 'op', header: t('budget.mutatie.op'), cell: (v) => formatTijdstip(v.op, taal) },
              ]}
            />
          </Section>
        </>
      )}
    </QueryState>
  );
}
