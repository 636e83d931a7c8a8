import { useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { faseNaam, procedureNaam } from '../../app/namen.ts';
import { Link, useNavigate, type PageProps } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import {
  Badge,
  Button,
  Countdown,
  EmptyState,
  PageHeader,
  ProblemAlert,
  QueryState,
  Section,
  Select,
  Table,
  TextInput,
  type Column,
} from '../../ui/index.ts';
import type { KaderRij, Sjabloon } from './types.ts';
import './messages.ts';

export const PROCEDURES = ['openbaar', 'onderhandeling_voorselectie', 'dialoog', 'open_house', 'best_value'];

export function KaderLijst(_: PageProps) {
  const { t } = useI18n();
  const { gebruiker } = useSession();
  const zk = gebruiker?.organisatieSoort === 'zorgkantoor';
  const q = useQuery({ queryKey: ['inkoop', 'kaders'], queryFn: () => api.get<KaderRij[]>('/inkoop/kaders') });
  const columns = useMemo<Column<KaderRij>[]>(
    () => [
      {
        key: 'titel',
        header: t('inkoop.kolom.titel'),
        rowHeader: true,
        sortValue: (k) => k.titel,
        cell: (k) => <Link to={`/inkoop/kaders/${k.id}`}>{k.titel}</Link>,
      },
      {
        key: 'procedure',
        header: t('inkoop.kolom.procedure'),
        sortValue: (k) => k.procedureType,
        cell: (k) => procedureNaam(t, k.procedureType),
      },
      { key: 'sector', header: t('inkoop.kolom.sector'), sortValue: (k) => k.sector },
      { key: 'regios', header: t('inkoop.kolom.regios'), cell: (k) => k.regioCodes.join(', ') },
      {
        key: 'fase',
        header: t('inkoop.kolom.fase'),
        sortValue: (k) => k.fase,
        cell: (k) => <Badge>{faseNaam(t, k.fase)}</Badge>,
      },
      {
        key: 'deadline',
        header: t('inkoop.kolom.deadline'),
        sortValue: (k) => k.deadline ?? '',
        cell: (k) => k.deadlineLokaal?.slice(0, 16).replace('T', ' ') ?? '—',
      },
      {
        key: 'aftelling',
        header: t('inkoop.kolom.aftelling'),
        cell: (k) => (k.deadline ? <Countdown tot={k.deadline} serverNu={k.nu} /> : '—'),
      },
      zk
        ? {
            key: 'ingediend',
            header: t('inkoop.kolom.ingediend'),
            align: 'right',
            sortValue: (k) => k.aantalIngediend ?? 0,
            cell: (k) => String(k.aantalIngediend ?? 0),
          }
        : {
            key: 'inschrijving',
            header: t('inkoop.kolom.inschrijving'),
            cell: (k) =>
              k.eigenInschrijving ? (
                <Link to={`/inkoop/inschrijvingen/${k.eigenInschrijving.id}`}>
                  {t(`inkoop.status.${k.eigenInschrijving.status}`)}
                </Link>
              ) : (
                '—'
              ),
          },
    ],
    [t, zk],
  );
  return (
    <>
      <PageHeader
        title={zk ? t('inkoop.lijst.titel') : t('inkoop.nav.za')}
        intro={zk ? t('inkoop.lijst.intro.zk') : t('inkoop.lijst.intro.za')}
      />
      <QueryState query={q}>
        {(rows) =>
          rows.length === 0 ? (
            <EmptyState>{zk ? t('inkoop.lijst.leeg') : t('inkoop.lijst.leeg.za')}</EmptyState>
          ) : (
            <Table caption={t('inkoop.lijst.tabel')} captionHidden rows={rows} rowKey={(k) => k.id} columns={columns} />
          )
        }
      </QueryState>
      {zk && gebruiker?.rollen.some((r) => r === 'inkoper' || r === 'manager') && <NieuwKader />}
    </>
  );
}

function NieuwKader() {
  const { t } = useI18n();
  const nav = useNavigate();
  const sj = useQuery({
    queryKey: ['inkoop', 'sjablonen'],
    queryFn: () => api.get<Sjabloon[]>('/inkoop/sjablonen'),
    staleTime: 600_000,
  });
  const [titel, setTitel] = useState('');
  const [jaar, setJaar] = useState(String(new Date().getFullYear() + 1));
  const [sector, setSector] = useState('VV');
  const [regios, setRegios] = useState('');
  const [procedure, setProcedure] = useState('openbaar');
  const [sjabloon, setSjabloon] = useState('');
  const gekozen = sj.data?.find((x) => x.id === sjabloon);
  const m = useMutation({
    mutationFn: () =>
      api.post<{ id: string }>('/inkoop/kaders', {
        titel: titel.trim(),
        jaarVan: Number(jaar),
        sector,
        procedureType: procedure,
        sjabloon: sjabloon || undefined,
        regioCodes: regios
          .split(/[\s,;]+/)
          .map((s) => s.trim())
          .filter(Boolean),
      }),
    onSuccess: (r) => nav(`/inkoop/kaders/${r.id}`),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    m.mutate();
  };
  return (
    <Section title={t('inkoop.nieuw.titel')}>
      {m.error && <ProblemAlert error={m.error} />}
      <form className="form form-narrow" onSubmit={submit} noValidate>
        <TextInput
          id="kader-titel"
          label={t('inkoop.nieuw.titelveld')}
          value={titel}
          onChange={(e) => setTitel(e.target.value)}
        />
        <TextInput
          id="kader-jaar"
          label={t('inkoop.nieuw.jaar')}
          type="number"
          value={jaar}
          onChange={(e) => setJaar(e.target.value)}
        />
        <Select
          id="kader-sector"
          label={t('inkoop.nieuw.sector')}
          value={sector}
          onChange={(e) => setSector(e.target.value)}
          options={['VV', 'GZ', 'GGZ'].map((s) => ({ value: s, label: s }))}
        />
        <TextInput
          id="kader-regios"
          label={t('inkoop.nieuw.regios')}
          hint={t('inkoop.nieuw.regios.hint')}
          value={regios}
          onChange={(e) => setRegios(e.target.value)}
        />
        <Select
          id="kader-procedure"
          label={t('inkoop.nieuw.procedure')}
          value={procedure}
          onChange={(e) => setProcedure(e.target.value)}
          options={PROCEDURES.map((p) => ({ value: p, label: procedureNaam(t, p) }))}
        />
        <Select
          id="kader-sjabloon"
          label={t('inkoop.nieuw.sjabloon')}
          value={sjabloon}
          onChange={(e) => {
            setSjabloon(e.target.value);
            const s = sj.data?.find((x) => x.id === e.target.value);
            if (s) setProcedure(s.procedureType);
          }}
          options={[
            { value: '', label: t('inkoop.nieuw.sjabloon.geen') },
            ...(sj.data ?? []).map((s) => ({ value: s.id, label: s.naam })),
          ]}
        />
        {gekozen ? (
          <div className="sjabloon-bron">
            <p>
              <strong>{t('inkoop.nieuw.sjabloon.bron')}:</strong> {gekozen.bron}
            </p>
            {gekozen.keuzes?.length ? (
              <>
                <p>
                  <strong>{t('inkoop.nieuw.sjabloon.keuzes')}</strong>
                </p>
                <ul>
                  {gekozen.keuzes.map((k) => (
                    <li key={k.onderwerp}>
                      {k.onderwerp}: {k.bron}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </div>
        ) : null}
        <Button type="submit" variant="primary" bezig={m.isPending}>
          {t('inkoop.nieuw.knop')}
        </Button>
      </form>
    </Section>
  );
}
