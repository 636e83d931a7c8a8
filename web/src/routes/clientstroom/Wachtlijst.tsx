import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { Link, type PageProps } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import {
  Alert,
  Button,
  PageHeader,
  ProblemAlert,
  QueryState,
  Section,
  Select,
  Table,
  TextInput,
} from '../../ui/index.ts';
import type { InkoopsignaalView, WachtlijstView } from '../../../../src/clientstroom/schemas.ts';
import { verversNaWijziging } from '../../app/verversen.ts';
import './messages.ts';

interface Norm {
  sector: string;
  status: string;
  statusNaam: string;
  dagen: number | null;
  bron: string;
  standaard: boolean;
}

export function Wachtlijst(_: PageProps) {
  const { t } = useI18n();
  const { rollen } = useSession();
  const q = useQuery({
    queryKey: ['clientstroom', 'wachtlijst'],
    queryFn: () => api.get<WachtlijstView>('/clientstroom/wachtlijst'),
  });
  const normen = useQuery({
    queryKey: ['clientstroom', 'normen'],
    queryFn: () => api.get<Norm[]>('/clientstroom/normen'),
  });
  const [regio, setRegio] = useState('5527');
  return (
    <>
      <PageHeader title={t('clientstroom.wachtlijst.titel')} intro={t('clientstroom.wachtlijst.intro')} />
      <QueryState query={q}>
        {(w) => (
          <>
            <Alert variant="info">
              {t('clientstroom.wachtlijst.samenvatting', {
                totaal: w.totaal,
                zonder: w.zonderAanbieder,
                boven: w.bovenNorm,
                overbrugging: w.overbrugging,
              })}
            </Alert>
            <Section title={t('clientstroom.wachtlijst.perStatus')}>
              <Table
                caption={t('clientstroom.wachtlijst.perStatus')}
                captionHidden
                rows={w.perStatus}
                rowKey={(s) => s.status}
                columns={[
                  { key: 'status', header: t('clientstroom.kolom.status'), cell: (s) => s.statusNaam, rowHeader: true },
                  { key: 'aantal', header: t('clientstroom.kolom.aantal'), align: 'right', cell: (s) => s.aantal },
                  { key: 'boven', header: t('clientstroom.kolom.bovenNorm'), align: 'right', cell: (s) => s.bovenNorm },
                  {
                    key: 'gem',
                    header: t('clientstroom.kolom.gemiddeld'),
                    align: 'right',
                    cell: (s) => s.gemiddeldeDagen,
                  },
                ]}
              />
            </Section>
            {w.clienten && rollen.includes('zorgbemiddelaar') && (
              <Section title={t('clientstroom.werklijst')}>
                <Table
                  caption={t('clientstroom.werklijst')}
                  captionHidden
                  rows={w.clienten}
                  rowKey={(c) => c.clientId}
                  columns={[
                    {
                      key: 'client',
                      header: t('clientstroom.kolom.client'),
                      rowHeader: true,
                      cell: (c) => <Link to={`/clientstroom/clienten/${c.clientId}`}>{c.bsn}</Link>,
                    },
                    { key: 'status', header: t('clientstroom.kolom.status'), cell: (c) => c.statusNaam },
                    {
                      key: 'dagen',
                      header: t('clientstroom.kolom.wachttijd'),
                      align: 'right',
                      cell: (c) => c.dagen,
                      sortValue: (c) => c.dagen,
                    },
                    { key: 'norm', header: t('clientstroom.kolom.norm'), align: 'right', cell: (c) => c.norm ?? '—' },
                    {
                      key: 'reden',
                      header: t('clientstroom.kolom.reden'),
                      cell: (c) => t(`clientstroom.reden.${c.reden}`),
                    },
                  ]}
                />
              </Section>
            )}
          </>
        )}
      </QueryState>
      <Section title={t('clientstroom.normen')}>
        <QueryState query={normen}>
          {(n) => (
            <Table
              caption={t('clientstroom.normen')}
              captionHidden
              rows={n}
              rowKey={(x) => `${x.sector}|${x.status}`}
              columns={[
                { key: 'sector', header: t('clientstroom.kolom.sector'), cell: (x) => x.sector, rowHeader: true },
                { key: 'status', header: t('clientstroom.kolom.status'), cell: (x) => x.statusNaam },
                { key: 'dagen', header: t('clientstroom.kolom.dagen'), align: 'right', cell: (x) => x.dagen ?? '—' },
                { key: 'bron', header: t('clientstroom.kolom.bron'), cell: (x) => x.bron },
              ]}
            />
          )}
        </QueryState>
        {(rollen.includes('manager') || rollen.includes('zorgbemiddelaar')) && <NormWijzigen />}
      </Section>
      <Section title={t('clientstroom.signalen')}>
        <TextInput label={t('clientstroom.signalen.regio')} value={regio} onChange={(e) => setRegio(e.target.value)} />
        {/^\d{4}$/.test(regio) && <Signalen regio={regio} />}
      </Section>
    </>
  );
}

function Signalen({ regio }: { regio: string }) {
  const { t } = useI18n();
  const q = useQuery({
    queryKey: ['clientstroom', 'signalen', regio],
    queryFn: () => api.get<InkoopsignaalView>('/clientstroom/signalen', { query: { regio } }),
  });
  return (
    <QueryState query={q}>
      {(s) => (
        <>
          <Table
            caption={t('clientstroom.signalen')}
            captionHidden
            rows={s.aanbieders}
            rowKey={(a) => a.organisatieId}
            columns={[
              { key: 'naam', header: t('clientstroom.kolom.aanbieder'), cell: (a) => a.naam, rowHeader: true },
              { key: 'cap', header: t('clientstroom.kolom.capaciteit'), align: 'right', cell: (a) => a.capaciteit },
              { key: 'wacht', header: t('clientstroom.kolom.wachtend'), align: 'right', cell: (a) => a.wachtend },
              { key: 'voorkeur', header: t('clientstroom.kolom.voorkeur'), align: 'right', cell: (a) => a.voorkeur },
              {
                key: 'pop',
                header: t('clientstroom.kolom.populariteit'),
                align: 'right',
                cell: (a) => a.populariteit ?? '—',
              },
            ]}
          />
          {s.pgbBijGecontracteerde.length > 0 && (
            <Alert variant="warning" title={t('clientstroom.signalen.pgb')}>
              <ul>
                {s.pgbBijGecontracteerde.map((p) => (
                  <li key={p.organisatieId}>
                    {p.naam}: {p.clienten} — {p.bron}
                  </li>
                ))}
              </ul>
            </Alert>
          )}
        </>
      )}
    </QueryState>
  );
}

function NormWijzigen() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [sector, setSector] = useState('VV');
  const [status, setStatus] = useState('7');
  const [dagen, setDagen] = useState('');
  const [bron, setBron] = useState('');
  const m = useMutation({
    mutationFn: () =>
      api.put('/clientstroom/normen', {
        sector,
        status,
        dagen: dagen.trim() === '' ? null : /^\d+$/.test(dagen.trim()) ? Number(dagen) : dagen,
        bron,
      }),
    onSuccess: () => verversNaWijziging(qc, ['clientstroom']),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    m.mutate();
  };
  return (
    <form onSubmit={submit}>
      <Select
        label={t('clientstroom.kolom.sector')}
        value={sector}
        onChange={(e) => setSector(e.target.value)}
        options={['VV', 'GZ', 'GGZ'].map((x) => ({ value: x, label: x }))}
      />
      <Select
        label={t('clientstroom.kolom.status')}
        value={status}
        onChange={(e) => setStatus(e.target.value)}
        options={['6', '7', '1', '2', '3'].map((x) => ({ value: x, label: t(`clientstroom.status.${x}`) }))}
      />
      <TextInput
        label={t('clientstroom.norm.dagen')}
        hint={t('clientstroom.norm.dagen.hint')}
        inputMode="numeric"
        value={dagen}
        onChange={(e) => setDagen(e.target.value)}
      />
      <TextInput label={t('clientstroom.norm.bron')} value={bron} onChange={(e) => setBron(e.target.value)} required />
      <Button type="submit" bezig={m.isPending}>
        {t('clientstroom.norm.knop')}
      </Button>
      <ProblemAlert error={m.error} />
      {m.isSuccess && <Alert variant="success">{t('clientstroom.norm.klaar')}</Alert>}
    </form>
  );
}
