import { useMemo } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { faseNaam } from '../../app/namen.ts';
import { Link, type PageProps } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import {
  Alert,
  Badge,
  Button,
  EmptyState,
  formatDatum,
  formatTijdstip,
  PageHeader,
  ProblemAlert,
  QueryState,
  Section,
  Table,
  type Column,
} from '../../ui/index.ts';
import { BesluitInhoud } from './Besluit.tsx';
import type { AanbiederRij, KaderOverzicht, Toestand } from './types.ts';
import './messages.ts';

export const toestandVariant = (s: Toestand): 'success' | 'danger' | 'info' | 'neutral' =>
  s === 'toegelaten' ? 'success' : s === 'afgewezen' ? 'danger' : s === 'in_behandeling' ? 'info' : 'neutral';

/** Zorgkantoor: every bidder of an open house kader, its assessment state, and the admission per bidder. */
export function KaderToelatingen({ params }: PageProps) {
  const { t, taal } = useI18n();
  const { heeftRol } = useSession();
  const qc = useQueryClient();
  const key = ['openhouse', 'kader', params.id];
  const q = useQuery({
    queryKey: key,
    queryFn: () => api.get<KaderOverzicht>(`/inkoop/kaders/${encodeURIComponent(params.id)}/toelatingen`),
  });
  const mag = heeftRol('manager', 'inkoper');
  const m = useMutation({
    mutationFn: (r: AanbiederRij) =>
      api
        .post<{ besluit: string }>(`/inkoop/inschrijvingen/${r.inschrijvingId}/toelating`, {})
        .then((x) => ({ ...x, naam: r.aanbiederNaam })),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
  const columns = useMemo<Column<AanbiederRij>[]>(
    () => [
      {
        key: 'naam',
        header: t('openhouse.kolom.aanbieder'),
        rowHeader: true,
        sortValue: (r) => r.aanbiederNaam,
        cell: (r) => r.aanbiederNaam,
      },
      {
        key: 'ingediend',
        header: t('openhouse.kolom.ingediend'),
        sortValue: (r) => r.ingediendOp ?? '',
        cell: (r) => formatTijdstip(r.ingediendOp, taal),
      },
      {
        key: 'beoordeling',
        header: t('openhouse.kolom.beoordeling'),
        sortValue: (r) => r.beoordeling.status,
        cell: (r) => (
          <>
            {r.inschrijvingStatus === 'ingediend' ? (
              <Link
                to={`/gunning/inschrijvingen/${r.inschrijvingId}`}
                aria-label={`${t(`openhouse.beoordeling.${r.beoordeling.status}`)}: ${r.aanbiederNaam}`}
              >
                {t(`openhouse.beoordeling.${r.beoordeling.status}`)}
              </Link>
            ) : (
              '—'
            )}
            {r.beoordeling.knockOut && (
              <>
                {' '}
                <Badge variant="danger">{r.beoordeling.knockOut}</Badge>
              </>
            )}
            {r.beoordeling.verouderd && (
              <>
                {' '}
                <Badge variant="warning">{t('openhouse.verouderd')}</Badge>
              </>
            )}
          </>
        ),
      },
      {
        key: 'toestand',
        header: t('openhouse.kolom.toestand'),
        sortValue: (r) => r.toestand,
        cell: (r) => <Badge variant={toestandVariant(r.toestand)}>{t(`openhouse.toestand.${r.toestand}`)}</Badge>,
      },
      {
        key: 'verwacht',
        header: t('openhouse.kolom.verwacht'),
        cell: (r) => (r.verwachtBesluit ? t(`openhouse.besluit.${r.verwachtBesluit}`) : '—'),
      },
      ...(mag
        ? [
            {
              key: 'actie',
              header: t('openhouse.kolom.actie'),
              cell: (r: AanbiederRij) =>
                r.kanVastleggen ? (
                  <Button
                    variant="primary"
                    bezig={m.isPending && m.variables?.inschrijvingId === r.inschrijvingId}
                    aria-label={t('openhouse.vastleggen.voor', { naam: r.aanbiederNaam })}
                    onClick={() => m.mutate(r)}
                  >
                    {t('openhouse.vastleggen')}
                  </Button>
                ) : (
                  '—'
                ),
            },
          ]
        : []),
    ],
    [t, taal, mag, m],
  );
  return (
    <>
      <PageHeader
        title={q.data ? `${t('openhouse.kader.titel')}: ${q.data.titel}` : t('openhouse.kader.titel')}
        kruimels={[{ label: t('openhouse.titel'), to: '/openhouse' }, { label: q.data?.titel ?? '…' }]}
      />
      <QueryState query={q}>
        {(o) => (
          <>
            <p className="hint">{t('openhouse.regel', { regel: o.regel })}</p>
            {!o.toelatingOpen && o.ontzegeld && (
              <Alert variant="info">{t('openhouse.gesloten', { fase: faseNaam(t, o.fase) })}</Alert>
            )}
            {m.error && <ProblemAlert error={m.error} />}
            {m.data && (
              <Alert variant="success">
                {t('openhouse.vastgelegd', { naam: m.data.naam, besluit: t(`openhouse.besluit.${m.data.besluit}`) })}
              </Alert>
            )}
            {!o.ontzegeld ? (
              <Alert variant="info">{t('openhouse.verzegeld')}</Alert>
            ) : o.aanbieders.length === 0 ? (
              <EmptyState title={t('openhouse.geen.aanbieders')} />
            ) : (
              <Table
                caption={t('openhouse.kader.titel')}
                captionHidden
                rows={o.aanbieders}
                rowKey={(r) => r.inschrijvingId}
                columns={columns}
                initialSort={{ key: 'naam', dir: 'asc' }}
              />
            )}
            {o.aanbieders.some((r) => r.toelating || r.eerdere.length) && (
              <Section title={t('openhouse.resultaten')}>
                {o.aanbieders
                  .filter((r) => r.toelating || r.eerdere.length)
                  .map((r) => (
                    <div key={r.inschrijvingId} className="card">
                      {[...(r.toelating ? [r.toelating] : []), ...r.eerdere].map((tl) => (
                        <div key={tl.id}>
                          <h3>
                            {t('openhouse.besluit.kop', {
                              naam: r.aanbiederNaam,
                              besluit: t(`openhouse.besluit.${tl.besluit}`),
                              ronde: tl.ronde,
                            })}
                            {tl.heraangemeldOp && (
                              <> — {t('openhouse.heraangemeld', { datum: formatDatum(tl.heraangemeldOp, taal) })}</>
                            )}
                          </h3>
                          <BesluitInhoud tl={tl} naam={r.aanbiederNaam} />
                          {tl.overeenkomst && (
                            <p>
                              {t('openhouse.overeenkomst')}:{' '}
                              {t('openhouse.overeenkomst.periode', {
                                van: formatDatum(tl.overeenkomst.ingangsdatum, taal),
                                tot: formatDatum(tl.overeenkomst.einddatum, taal),
                              })}
                              ,{' '}
                              {t('openhouse.overeenkomst.status', {
                                status: t(`openhouse.ovkstatus.${tl.overeenkomst.status}`),
                              })}
                            </p>
                          )}
                        </div>
                      ))}
                    </div>
                  ))}
              </Section>
            )}
          </>
        )}
      </QueryState>
    </>
  );
}
