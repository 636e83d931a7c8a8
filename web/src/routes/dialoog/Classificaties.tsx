import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api, isApiError } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { Link, type PageProps } from '../../app/router.tsx';
import { Alert, Badge, EmptyState, PageHeader, QueryState, Table, type Column } from '../../ui/index.ts';
import { formatAmsterdam } from './tijd.ts';
import type { IngediendeInschrijving, KaderKop } from './types.ts';
import './messages.ts';

interface Rij {
  key: string;
  inschrijvingId: string;
  aanbieder: string;
  regioCode: string;
  klasse: string;
  klasseNaam: string;
  bepalend: string;
  reden: string;
  eerste: boolean;
}

const klasseVariant = (k: string) => (k === 'bestaand' ? 'success' : k === 'geheel_nieuw' ? 'warning' : 'info');

/**
 * The zorgkantoor's list of every submitted bid with the bidder's class per region and the reason
 * (GET /inkoop/kaders/:id/inschrijvingen). Sealed until the deadline: the server refuses with
 * 403 'verzegeld', shown here as the sealed message.
 */
export function Classificaties({ params }: PageProps) {
  const { t, taal } = useI18n();
  const id = params.id;
  const kader = useQuery({
    queryKey: ['inkoop', 'kader', id],
    queryFn: () => api.get<KaderKop>(`/inkoop/kaders/${encodeURIComponent(id)}`),
  });
  const lijst = useQuery({
    queryKey: ['inkoop', 'kader', id, 'inschrijvingen'],
    queryFn: () => api.get<IngediendeInschrijving[]>(`/inkoop/kaders/${encodeURIComponent(id)}/inschrijvingen`),
    retry: false,
  });
  const verzegeld = isApiError(lijst.error) && lijst.error.code === 'verzegeld';

  const rijen = useMemo<Rij[]>(
    () =>
      (lijst.data ?? []).flatMap((i) => {
        const regios = i.classificatie.regios.length
          ? i.classificatie.regios
          : [{ regioCode: '—', klasse: i.classificatie.klasse, klasseNaam: i.classificatie.klasseNaam, reden: '—' }];
        return regios.map((r, n) => ({
          key: `${i.id}-${r.regioCode}`,
          inschrijvingId: i.id,
          aanbieder: i.organisatieNaam,
          regioCode: r.regioCode,
          klasse: r.klasse,
          klasseNaam: r.klasseNaam,
          bepalend: i.classificatie.klasseNaam,
          reden: r.reden,
          eerste: n === 0,
        }));
      }),
    [lijst.data],
  );

  const columns = useMemo<Column<Rij>[]>(
    () => [
      {
        key: 'aanbieder',
        header: t('dialoog.kolom.aanbieder'),
        rowHeader: true,
        sortValue: (r) => `${r.aanbieder} ${r.regioCode}`,
        cell: (r) => r.aanbieder,
      },
      { key: 'regio', header: t('dialoog.kolom.regio'), sortValue: (r) => r.regioCode, cell: (r) => r.regioCode },
      {
        key: 'klasse',
        header: t('dialoog.kolom.klasse'),
        sortValue: (r) => r.klasseNaam,
        cell: (r) => <Badge variant={klasseVariant(r.klasse)}>{r.klasseNaam}</Badge>,
      },
      { key: 'bepalend', header: t('dialoog.kolom.bepalend'), sortValue: (r) => r.bepalend, cell: (r) => r.bepalend },
      { key: 'reden', header: t('dialoog.kolom.reden'), cell: (r) => r.reden },
      {
        key: 'dialoog',
        header: t('dialoog.kolom.dialoog'),
        cell: (r) =>
          r.eerste ? (
            <Link to={`/inkoop/inschrijvingen/${r.inschrijvingId}/dialoog`}>
              {t('dialoog.dialoog.link', { naam: r.aanbieder })}
            </Link>
          ) : null,
      },
    ],
    [t],
  );

  const titel = kader.data?.titel;
  return (
    <>
      <PageHeader
        title={t('dialoog.classificaties.titel')}
        intro={t('dialoog.classificaties.intro')}
        kruimels={[
          { label: t('inkoop.lijst.titel'), to: '/inkoop/kaders' },
          { label: titel ?? '…', to: `/inkoop/kaders/${id}` },
          { label: t('dialoog.classificaties.titel') },
        ]}
      />
      {verzegeld ? (
        <Alert variant="info">
          {t('dialoog.classificaties.verzegeld', {
            deadline: kader.data?.status?.deadline ? ` (${formatAmsterdam(kader.data.status.deadline, taal)})` : '',
          })}
        </Alert>
      ) : (
        <QueryState query={lijst}>
          {(l) =>
            l.length === 0 ? (
              <EmptyState title={t('dialoog.classificaties.geen')} />
            ) : (
              <>
                <p className="muted">
                  {l.length === 1
                    ? t('dialoog.classificaties.aantal.een')
                    : t('dialoog.classificaties.aantal', { n: l.length })}
                </p>
                <Table
                  caption={t('dialoog.classificaties.tabel')}
                  rows={rijen}
                  rowKey={(r) => r.key}
                  columns={columns}
                  initialSort={{ key: 'aanbieder', dir: 'asc' }}
                  pageSize={200}
                  filter={(r, q) => `${r.aanbieder} ${r.regioCode} ${r.klasseNaam}`.toLowerCase().includes(q)}
                />
              </>
            )
          }
        </QueryState>
      )}
    </>
  );
}
