import { useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { Link, navigate, useSearchParams, type PageProps } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import {
  Button,
  compareDecimal,
  Alert,
  EmptyState,
  FileInput,
  formatBedrag,
  formatGetal,
  PageHeader,
  ProblemAlert,
  QueryState,
  Section,
  Select,
  Table,
  TextInput,
  type Column,
} from '../../ui/index.ts';
import { JAREN } from './Grootboek.tsx';
import { DeadlineMelding, StatusBadge } from './shared.tsx';
import type { AfsprakenLijst, Productieafspraak, ProductieafspraakDetail } from './types.ts';
import './messages.ts';

export function useAfspraakKolommen(metAanbieder: boolean) {
  const { t, taal } = useI18n();
  return useMemo<Column<Productieafspraak>[]>(
    () => [
      ...(metAanbieder
        ? [
            {
              key: 'aanbieder',
              header: t('budget.aanbieder'),
              sortValue: (r: Productieafspraak) => r.aanbiederNaam,
              cell: (r: Productieafspraak) => r.aanbiederNaam,
            },
          ]
        : []),
      { key: 'regio', header: t('budget.regio'), sortValue: (r) => r.regioCode, cell: (r) => r.regioCode },
      {
        key: 'prestatie',
        header: t('budget.prestatie'),
        rowHeader: true,
        sortValue: (r) => r.prestatie,
        cell: (r) => (
          <Link to={`/budget/afspraken/${r.id}`}>
            <code>{r.prestatie}</code> {r.prestatieOmschrijving}
          </Link>
        ),
      },
      {
        key: 'lv',
        header: t('budget.leveringsvorm'),
        sortValue: (r) => r.leveringsvorm ?? '',
        cell: (r) => r.leveringsvorm ?? '—',
      },
      {
        key: 'prijs',
        header: t('budget.prijs'),
        align: 'right',
        compare: (a, b) => compareDecimal(a.prijs, b.prijs),
        cell: (r) => <span className="bedrag">{formatBedrag(r.prijs, taal)}</span>,
      },
      {
        key: 'volume',
        header: t('budget.volume'),
        align: 'right',
        compare: (a, b) => compareDecimal(a.volume, b.volume),
        cell: (r) => `${formatGetal(r.volume, taal, 2)} ${r.eenheid}`,
      },
      {
        key: 'bedrag',
        header: t('budget.bedrag'),
        align: 'right',
        compare: (a, b) => compareDecimal(a.bedrag, b.bedrag),
        cell: (r) => <span className="bedrag">{formatBedrag(r.bedrag, taal)}</span>,
      },
      {
        key: 'status',
        header: t('budget.status'),
        sortValue: (r) => r.status,
        cell: (r) => <StatusBadge status={r.status} />,
      },
      { key: 'soort', header: t('budget.soort'), cell: (r) => t(`budget.soort.${r.soort}`) },
      { key: 'bron', header: t('budget.prijsBron'), cell: (r) => t(`budget.prijsBron.${r.prijsBron}`) },
      { key: 'versie', header: t('budget.versie'), sortValue: (r) => r.versie, cell: (r) => r.versie },
    ],
    [t, taal, metAanbieder],
  );
}

export function AfsprakenPagina(_: PageProps) {
  const { t, taal } = useI18n();
  const { heeftRol, organisatieSoort } = useSession();
  const [sp, setSp] = useSearchParams();
  const jaar = sp.get('jaar') ?? '2026';
  const regio = sp.get('regio') ?? '';
  const q = useQuery({
    queryKey: ['budget', 'afspraken', jaar, regio],
    queryFn: () =>
      api.get<AfsprakenLijst>('/budget/productieafspraken', { query: { jaar, ...(regio ? { regio } : {}) } }),
  });
  const kolommen = useAfspraakKolommen(true);
  const magSchrijven = organisatieSoort === 'zorgkantoor' && (heeftRol('inkoper') || heeftRol('manager'));
  return (
    <>
      <PageHeader title={t('budget.afspraken.titel')} intro={t('budget.afspraken.intro')} />
      <div className="filters">
        <Select
          label={t('budget.jaar')}
          value={jaar}
          onChange={(e) => setSp({ jaar: e.target.value, regio })}
          options={JAREN.map((j) => ({ value: j, label: j }))}
        />
        <TextInput
          label={t('budget.regio')}
          value={regio}
          onChange={(e) => setSp({ jaar, regio: e.target.value || null })}
        />
      </div>
      <QueryState query={q}>
        {(d) => (
          <>
            <DeadlineMelding d={d.nzaDeadline} />
            {regio && (
              <p>
                {t('budget.export')}:{' '}
                <a href={api.url('/budget/productieafspraken/export', { jaar, regio, formaat: 'csv' })} download>
                  {t('budget.export.csv')}
                </a>{' '}
                ·{' '}
                <a href={api.url('/budget/productieafspraken/export', { jaar, regio, formaat: 'xlsx' })} download>
                  {t('budget.export.xlsx')}
                </a>
              </p>
            )}
            <p>{t('budget.afspraken.totaal', { bedrag: formatBedrag(d.totalen.bedrag, taal), n: d.totalen.regels })}</p>
            {d.afspraken.length === 0 ? (
              <EmptyState title={t('budget.afspraken.geen')} />
            ) : (
              <Table
                caption={t('budget.afspraken.titel')}
                captionHidden
                rows={d.afspraken}
                columns={kolommen}
                rowKey={(r) => r.id}
                pageSize={50}
                filter={(r, s) =>
                  `${r.aanbiederNaam} ${r.prestatie} ${r.regioCode}`.toLowerCase().includes(s.toLowerCase())
                }
              />
            )}
          </>
        )}
      </QueryState>
      {magSchrijven && <NieuweAfspraak jaar={jaar} regio={regio} />}
      {magSchrijven && <Importeren />}
    </>
  );
}

function NieuweAfspraak({ jaar, regio: regioStart }: { jaar: string; regio: string }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [v, setV] = useState({
    aanbiederId: '',
    regio: regioStart,
    prestatie: '',
    volume: '',
    prijsBron: 'ingevoerd',
    prijs: '',
    soort: 'tweezijdig',
  });
  const zet = (k: keyof typeof v) => (e: { target: { value: string } }) => setV((x) => ({ ...x, [k]: e.target.value }));
  const m = useMutation({
    mutationFn: () =>
      api.post<ProductieafspraakDetail>('/budget/productieafspraken', {
        aanbiederId: v.aanbiederId.trim(),
        regio: v.regio.trim(),
        jaar: Number(jaar),
        prestatie: v.prestatie.trim(),
        volume: v.volume.trim().replace(',', '.'),
        prijsBron: v.prijsBron,
        ...(v.prijsBron === 'ingevoerd' ? { prijs: v.prijs.trim().replace(',', '.') } : {}),
        soort: v.soort,
      }),
    onSuccess: (a) => {
      void qc.invalidateQueries({ queryKey: ['budget'] });
      navigate(`/budget/afspraken/${a.id}`);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    m.mutate();
  };
  return (
    <Section title={t('budget.afspraak.nieuw')}>
      <form onSubmit={submit} aria-label={t('budget.afspraak.nieuw')} className="budget-formulieren">
        <div>
          <TextInput label={t('budget.aanbieder')} value={v.aanbiederId} onChange={zet('aanbiederId')} required />
          <TextInput label={t('budget.regio')} value={v.regio} onChange={zet('regio')} required pattern="55\d\d" />
          <TextInput label={t('budget.prestatie')} value={v.prestatie} onChange={zet('prestatie')} required />
          <TextInput
            label={t('budget.volume')}
            value={v.volume}
            onChange={zet('volume')}
            required
            inputMode="decimal"
          />
        </div>
        <div>
          <Select
            label={t('budget.prijsBron')}
            value={v.prijsBron}
            onChange={zet('prijsBron')}
            options={['ingevoerd', 'tariefbeleid', 'nza-maximum'].map((x) => ({
              value: x,
              label: t(`budget.prijsBron.${x}`),
            }))}
          />
          {v.prijsBron === 'ingevoerd' && (
            <TextInput label={t('budget.prijs')} value={v.prijs} onChange={zet('prijs')} required inputMode="decimal" />
          )}
          <Select
            label={t('budget.soort')}
            value={v.soort}
            onChange={zet('soort')}
            options={['tweezijdig', 'eenzijdig'].map((x) => ({ value: x, label: t(`budget.soort.${x}`) }))}
          />
          {m.error && <ProblemAlert error={m.error} />}
          <Button type="submit" variant="primary" bezig={m.isPending}>
            {t('budget.afspraak.knop')}
          </Button>
        </div>
      </form>
    </Section>
  );
}

async function naarBase64(f: File): Promise<string> {
  const bytes = new Uint8Array(await f.arrayBuffer());
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

function Importeren() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [bestand, setBestand] = useState<File | null>(null);
  const m = useMutation({
    mutationFn: async () =>
      api.post<{ regels: number }>('/budget/productieafspraken/import', {
        bestandsnaam: bestand!.name,
        inhoudBase64: await naarBase64(bestand!),
      }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['budget'] }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (bestand) m.mutate();
  };
  return (
    <Section title={t('budget.import.titel')}>
      <form onSubmit={submit} aria-label={t('budget.import.titel')}>
        <FileInput
          label={t('budget.import.titel')}
          hint={t('budget.import.hint')}
          accept=".csv,.xlsx"
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
