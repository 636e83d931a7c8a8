import { useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { Link, navigate, useSearchParams, type PageProps } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import {
  Badge,
  Button,
  compareDecimal,
  Alert,
  EmptyState,
  FileInput,
  formatBedrag,
  formatPercentage,
  PageHeader,
  ProblemAlert,
  QueryState,
  Section,
  Select,
  Table,
  TextInput,
  type Column,
} from '../../ui/index.ts';
import { DeadlineMelding, StatusBadge, VoorbeeldBadge } from './shared.tsx';
import type { Contracteerruimte, ContracteerruimteLijst } from './types.ts';
import './messages.ts';

export const SECTOREN = ['VV', 'GZ', 'GGZ'];
export const JAREN = ['2023', '2024', '2025', '2026', '2027'];

export function BalansBadge({ c }: { c: Contracteerruimte }) {
  const { t } = useI18n();
  const ok = c.controle.inBalans && c.controle.mutatiesKloppen && c.controle.afsprakenKloppen;
  return (
    <Badge variant={ok ? 'success' : 'danger'} title={c.controle.regel}>
      {t(ok ? 'budget.balans.ok' : 'budget.balans.fout')}
    </Badge>
  );
}

export function GrootboekPagina(_: PageProps) {
  const { t, taal } = useI18n();
  const { heeftRol, organisatieSoort } = useSession();
  const [sp, setSp] = useSearchParams();
  const jaar = sp.get('jaar') ?? '2026';
  const q = useQuery({
    queryKey: ['budget', 'cr', jaar],
    queryFn: () => api.get<ContracteerruimteLijst>('/budget/contracteerruimte', { query: { jaar } }),
  });
  const magInvoeren = organisatieSoort === 'zorgkantoor' && (heeftRol('inkoper') || heeftRol('manager'));
  const columns = useMemo<Column<Contracteerruimte>[]>(
    () => [
      {
        key: 'regio',
        header: t('budget.regio'),
        rowHeader: true,
        sortValue: (r) => r.regioCode,
        cell: (r) => (
          <Link to={`/budget/contracteerruimte/${r.id}`}>
            {r.regioCode} {r.regioNaam}
          </Link>
        ),
      },
      { key: 'sector', header: t('budget.sector'), sortValue: (r) => r.sector, cell: (r) => r.sector },
      {
        key: 'status',
        header: t('budget.status'),
        sortValue: (r) => r.status,
        cell: (r) => (
          <>
            <StatusBadge status={r.status} /> <VoorbeeldBadge voorbeeld={r.voorbeeld} />
          </>
        ),
      },
      ...(['totaal', 'afspraken', 'oormerk', 'reserve', 'pool'] as const).map((k): Column<Contracteerruimte> => ({
        key: k,
        header: t(`budget.${k}`),
        align: 'right',
        compare: (a, b) => compareDecimal(a[k], b[k]),
        cell: (r) => <span className="bedrag">{formatBedrag(r[k], taal)}</span>,
      })),
      {
        key: 'benutting',
        header: t('budget.benutting'),
        align: 'right',
        compare: (a, b) => compareDecimal(a.benutting, b.benutting),
        cell: (r) => formatPercentage(r.benutting, taal, 1),
      },
      { key: 'balans', header: t('budget.balans'), cell: (r) => <BalansBadge c={r} /> },
    ],
    [t, taal],
  );
  return (
    <>
      <PageHeader title={t('budget.grootboek.titel')} intro={t('budget.grootboek.intro')} />
      <Select
        label={t('budget.jaar')}
        value={jaar}
        onChange={(e) => setSp({ jaar: e.target.value })}
        options={JAREN.map((j) => ({ value: j, label: j }))}
      />
      <QueryState query={q}>
        {(d) => (
          <>
            <DeadlineMelding d={d.nzaDeadline} />
            {d.contracteerruimtes.length === 0 ? (
              <EmptyState title={t('budget.geen')} />
            ) : (
              <Table
                caption={t('budget.grootboek.titel')}
                rows={d.contracteerruimtes}
                columns={columns}
                rowKey={(r) => r.id}
              />
            )}
          </>
        )}
      </QueryState>
      {magInvoeren && <NieuweContracteerruimte jaar={jaar} />}
      {magInvoeren && <ContracteerruimteImport />}
    </>
  );
}

function NieuweContracteerruimte({ jaar }: { jaar: string }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [regio, setRegio] = useState('');
  const [sector, setSector] = useState('VV');
  const [totaal, setTotaal] = useState('');
  const [bron, setBron] = useState('');
  const m = useMutation({
    mutationFn: () =>
      api.post<Contracteerruimte>('/budget/contracteerruimte', {
        regio,
        jaar: Number(jaar),
        sector,
        totaal: totaal.trim().replace(',', '.'),
        ...(bron.trim() ? { bron: bron.trim() } : {}),
      }),
    onSuccess: (c) => {
      void qc.invalidateQueries({ queryKey: ['budget'] });
      navigate(`/budget/contracteerruimte/${c.id}`);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    m.mutate();
  };
  return (
    <Section title={t('budget.nieuw.titel')}>
      <form onSubmit={submit} className="budget-formulieren" aria-label={t('budget.nieuw.titel')}>
        <div>
          <TextInput
            label={t('budget.regio')}
            value={regio}
            onChange={(e) => setRegio(e.target.value)}
            required
            pattern="55\d\d"
          />
          <Select
            label={t('budget.sector')}
            value={sector}
            onChange={(e) => setSector(e.target.value)}
            options={SECTOREN.map((s) => ({ value: s, label: s }))}
          />
          <TextInput
            label={t('budget.totaal')}
            value={totaal}
            onChange={(e) => setTotaal(e.target.value)}
            required
            inputMode="decimal"
          />
          <TextInput label={t('budget.bron')} value={bron} onChange={(e) => setBron(e.target.value)} />
          {m.error && <ProblemAlert error={m.error} />}
          <Button type="submit" variant="primary" bezig={m.isPending}>
            {t('budget.nieuw.knop')}
          </Button>
        </div>
      </form>
    </Section>
  );
}

function ContracteerruimteImport() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [bestand, setBestand] = useState<File | null>(null);
  const m = useMutation({
    mutationFn: async () =>
      api.post<{ regels: number }>('/budget/contracteerruimte/import', {
        bestandsnaam: bestand!.name,
        inhoud: await bestand!.text(),
      }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['budget'] }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (bestand) m.mutate();
  };
  return (
    <Section title={t('budget.crimport.titel')}>
      <form onSubmit={submit} aria-label={t('budget.crimport.titel')}>
        <FileInput
          label={t('budget.crimport.bestand')}
          hint={t('budget.crimport.hint')}
          accept=".csv"
          onFile={setBestand}
          required
        />
        {m.error && <ProblemAlert error={m.error} />}
        {m.data && <Alert variant="success">{t('budget.import.klaar', { n: m.data.regels })}</Alert>}
        <Button type="submit" bezig={m.isPending} disabled={!bestand}>
          {t('budget.import.knop')}
        </Button>
      </form>
    </Section>
  );
}
