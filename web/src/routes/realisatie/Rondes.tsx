import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { Link, navigate, useSearchParams, type PageProps } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import {
  Badge,
  Button,
  EmptyState,
  formatDatum,
  PageHeader,
  ProblemAlert,
  QueryState,
  Section,
  Select,
  Table,
  TextInput,
} from '../../ui/index.ts';
import { JAREN } from './Monitor.tsx';
import type { Ronde, Rondes } from './types.ts';
import './messages.ts';
import './realisatie.css';

export function StatusBadge({ s }: { s: Ronde['status'] }) {
  const { t } = useI18n();
  return (
    <Badge variant={s === 'besloten' ? 'success' : s === 'afgewezen' ? 'neutral' : 'info'}>
      {t(`realisatie.ronde.status.${s}`)}
    </Badge>
  );
}

/** Herschikking rounds of a year; a purchaser or manager starts a new round (the system proposes). */
export function RondesPagina(_: PageProps) {
  const { t, taal } = useI18n();
  const { heeftRol, organisatieSoort } = useSession();
  const qc = useQueryClient();
  const [sp, setSp] = useSearchParams();
  const jaar = sp.get('jaar') ?? '2025';
  const [regio, setRegio] = useState('');
  const [sector, setSector] = useState('VV');
  // maxima as "aanbieder=bedrag" separated by commas or new lines, e.g. "za-demo-0001=1200000.00"
  const [maximaTekst, setMaximaTekst] = useState('');
  const maxima = Object.fromEntries(
    maximaTekst
      .split(/[,\n]/)
      .map((x) => x.split('=').map((y) => y.trim()))
      .filter((x) => x.length === 2 && x[0] && x[1]),
  );
  const q = useQuery({
    queryKey: ['realisatie', 'rondes', jaar],
    queryFn: () => api.get<Rondes>('/realisatie/herschikkingsrondes', { query: { jaar } }),
  });
  const nieuw = useMutation({
    mutationFn: () =>
      api.post<Ronde>('/realisatie/herschikkingsrondes', {
        regio,
        jaar: Number(jaar),
        sector,
        ...(Object.keys(maxima).length ? { maxima } : {}),
      }),
    onSuccess: (r) => {
      qc.invalidateQueries({ queryKey: ['realisatie', 'rondes'] });
      navigate(`/realisatie/herschikking/${r.id}`);
    },
  });
  const magVoorstellen = organisatieSoort === 'zorgkantoor' && heeftRol('inkoper', 'manager');
  return (
    <>
      <PageHeader title={t('realisatie.rondes.titel')} intro={t('realisatie.rondes.intro')} />
      <Select
        label={t('realisatie.jaar')}
        value={jaar}
        onChange={(e) => setSp({ jaar: e.target.value })}
        options={JAREN.map((j) => ({ value: j, label: j }))}
      />
      {magVoorstellen && (
        <Section title={t('realisatie.rondes.nieuw')}>
          <form
            className="realisatie-filters"
            onSubmit={(e) => {
              e.preventDefault();
              nieuw.mutate();
            }}
          >
            <TextInput
              label={t('realisatie.regio')}
              value={regio}
              onChange={(e) => setRegio(e.target.value.trim())}
              required
            />
            <Select
              label={t('realisatie.sector')}
              value={sector}
              onChange={(e) => setSector(e.target.value)}
              options={['VV', 'GZ', 'GGZ'].map((s) => ({ value: s, label: s }))}
            />
            <TextInput
              label={t('realisatie.rondes.maxima')}
              hint={t('realisatie.rondes.maximaHint')}
              value={maximaTekst}
              onChange={(e) => setMaximaTekst(e.target.value)}
            />
            <Button type="submit" variant="primary" bezig={nieuw.isPending}>
              {t('realisatie.rondes.voorstellen')}
            </Button>
          </form>
          {nieuw.error && <ProblemAlert error={nieuw.error} />}
        </Section>
      )}
      <QueryState query={q}>
        {(d) => (
          <>
            {d.rondesPerJaar !== null && <p>{t('realisatie.rondes.perJaar', { n: d.rondesPerJaar })}</p>}
            {d.rondes.length === 0 ? (
              <EmptyState title={t('realisatie.rondes.geen')} />
            ) : (
              <Table
                caption={t('realisatie.rondes.titel')}
                captionHidden
                rows={d.rondes}
                rowKey={(r) => r.id}
                columns={[
                  {
                    key: 'ronde',
                    header: t('realisatie.ronde'),
                    rowHeader: true,
                    cell: (r) => (
                      <Link to={`/realisatie/herschikking/${r.id}`}>
                        {t('realisatie.ronde.naam', { regio: r.regio, sector: r.sector, nr: r.volgnummer })}
                      </Link>
                    ),
                  },
                  { key: 'status', header: t('realisatie.status'), cell: (r) => <StatusBadge s={r.status} /> },
                  { key: 'peil', header: t('realisatie.ronde.peilmaand'), align: 'right', cell: (r) => r.peilmaand },
                  {
                    key: 'door',
                    header: t('realisatie.ronde.voorgesteld'),
                    cell: (r) => `${r.aangemaakt.door}, ${formatDatum(r.aangemaakt.op, taal)}`,
                  },
                  { key: 'besluit', header: t('realisatie.ronde.besluit'), cell: (r) => r.besluit?.door ?? '–' },
                ]}
              />
            )}
          </>
        )}
      </QueryState>
    </>
  );
}
