import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import type { PageProps } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import {
  Alert,
  Badge,
  Button,
  DetailList,
  formatBedrag,
  formatTijdstip,
  PageHeader,
  ProblemAlert,
  QueryState,
  Section,
  Table,
  TextArea,
} from '../../ui/index.ts';
import { StatusBadge } from './Rondes.tsx';
import type { Ronde } from './types.ts';
import './messages.ts';
import './realisatie.css';

const BEDRAG = /^\d{1,13}(\.\d{1,2})?$/;
const cent = (s: string) => BigInt(s.includes('.') ? s.replace(/\.(\d)$/, '.$10').replace('.', '') : s + '00');
const euro = (c: bigint) => {
  const neg = c < 0n;
  const a = neg ? -c : c;
  return `${neg ? '-' : ''}${a / 100n}.${String(a % 100n).padStart(2, '0')}`;
};

/** One round: the proposal, the purchaser's adjustment (pool follows), the manager's decision. */
export function RondeDetailPagina({ params }: PageProps) {
  const { t, taal } = useI18n();
  const { heeftRol, organisatieSoort } = useSession();
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ['realisatie', 'ronde', params.id],
    queryFn: () => api.get<Ronde>(`/realisatie/herschikkingsrondes/${params.id}`),
  });
  const [bedragen, setBedragen] = useState<Record<string, string>>({});
  const [toelichting, setToelichting] = useState('');
  const [opslagen, setOpslagen] = useState<Record<string, { percentage: string; motivatie: string }>>({});
  useEffect(() => {
    if (q.data) {
      setBedragen(Object.fromEntries(q.data.regels.map((g) => [g.aanbieder, g.na])));
      setOpslagen(
        Object.fromEntries(
          q.data.regels.map((g) => [
            g.aanbieder,
            { percentage: g.opslag?.percentage ?? '', motivatie: g.opslag?.motivatie ?? '' },
          ]),
        ),
      );
    }
  }, [q.data]);
  const klaar = (r: Ronde) => {
    qc.setQueryData(['realisatie', 'ronde', params.id], r);
    qc.invalidateQueries({ queryKey: ['realisatie', 'rondes'] });
  };
  const aanpassen = useMutation({
    mutationFn: (pool: string) =>
      api.put<Ronde>(`/realisatie/herschikkingsrondes/${params.id}`, {
        regels: Object.entries(bedragen).map(([aanbieder, na]) => {
          const o = opslagen[aanbieder];
          return {
            aanbieder,
            na,
            opslag: o?.percentage.trim() ? o.percentage.trim() : null,
            ...(o?.motivatie.trim() ? { opslagMotivatie: o.motivatie.trim() } : {}),
          };
        }),
        pool,
      }),
    onSuccess: klaar,
  });
  const besluiten = useMutation({
    mutationFn: (besluit: 'goedkeuren' | 'afwijzen') =>
      api.post<Ronde>(`/realisatie/herschikkingsrondes/${params.id}/besluit`, {
        besluit,
        ...(toelichting ? { toelichting } : {}),
      }),
    onSuccess: klaar,
  });
  const zk = organisatieSoort === 'zorgkantoor';
  return (
    <QueryState query={q}>
      {(r) => {
        const open = r.status === 'voorgesteld';
        const magAanpassen = open && zk && heeftRol('inkoper', 'manager');
        const geldig = Object.values(bedragen).every((v) => BEDRAG.test(v));
        const totaalVoor = r.pool ? r.regels.reduce((s, g) => s + cent(g.afspraak), 0n) + cent(r.pool.voor) : 0n;
        const somNa = geldig ? Object.values(bedragen).reduce((s, v) => s + cent(v), 0n) : 0n;
        const poolNa = totaalVoor - somNa;
        return (
          <>
            <PageHeader
              title={t('realisatie.ronde.titel', { regio: r.regio, sector: r.sector, jaar: r.jaar, nr: r.volgnummer })}
              kruimels={[
                { label: t('realisatie.rondes.titel'), to: `/realisatie/herschikking?jaar=${r.jaar}` },
                { label: `${r.regio} ${r.sector} ${r.volgnummer}` },
              ]}
            >
              <StatusBadge s={r.status} />
            </PageHeader>
            <DetailList
              items={[
                [t('realisatie.ronde.peilmaand'), r.peilmaand],
                [t('realisatie.ronde.voorgesteld'), `${r.aangemaakt.door}, ${formatTijdstip(r.aangemaakt.op, taal)}`],
                ...(r.aangepast
                  ? ([
                      [t('realisatie.ronde.aangepast'), `${r.aangepast.door}, ${formatTijdstip(r.aangepast.op, taal)}`],
                    ] as [string, string][])
                  : []),
                ...(r.besluit
                  ? ([
                      [
                        t('realisatie.ronde.besluit'),
                        `${r.besluit.door}, ${formatTijdstip(r.besluit.op, taal)}${r.besluit.toelichting ? ` — ${r.besluit.toelichting}` : ''}`,
                      ],
                    ] as [string, string][])
                  : []),
                ...(r.pool
                  ? ([
                      [t('realisatie.pool'), `${formatBedrag(r.pool.voor, taal)} → ${formatBedrag(r.pool.na, taal)}`],
                    ] as [string, string][])
                  : []),
              ]}
            />
            <Table
              caption={t('realisatie.ronde.regels')}
              rows={r.regels}
              rowKey={(g) => g.aanbieder}
              columns={[
                {
                  key: 'aanbieder',
                  header: t('realisatie.aanbieder'),
                  rowHeader: true,
                  cell: (g) => `${g.naam} (${g.aanbieder})`,
                },
                {
                  key: 'afspraak',
                  header: t('realisatie.afspraak'),
                  align: 'right',
                  cell: (g) => formatBedrag(g.afspraak, taal),
                },
                {
                  key: 'gerealiseerd',
                  header: t('realisatie.gerealiseerd'),
                  align: 'right',
                  cell: (g) => formatBedrag(g.gerealiseerd, taal),
                },
                {
                  key: 'prognose',
                  header: t('realisatie.prognose'),
                  align: 'right',
                  cell: (g) => formatBedrag(g.prognose, taal),
                },
                {
                  key: 'prioriteit',
                  header: t('realisatie.ronde.prioriteit'),
                  cell: (g) => (
                    <div className="ronde-prioriteit">
                      <strong>{g.prioriteit}</strong>
                      {g.prioriteitUitleg.length > 0 && (
                        <ul>
                          {g.prioriteitUitleg.map((u) => (
                            <li key={u}>{u}</li>
                          ))}
                        </ul>
                      )}
                    </div>
                  ),
                },
                {
                  key: 'voorgesteld',
                  header: t('realisatie.ronde.regelBedrag'),
                  align: 'right',
                  cell: (g) => formatBedrag(g.voorgesteld, taal),
                },
                {
                  key: 'na',
                  header: t('realisatie.ronde.na'),
                  align: 'right',
                  cell: (g) =>
                    magAanpassen ? (
                      <input
                        className="input ronde-invoer"
                        aria-label={t('realisatie.ronde.naVoor', { aanbieder: g.aanbieder })}
                        value={bedragen[g.aanbieder] ?? g.na}
                        inputMode="decimal"
                        onChange={(e) => setBedragen({ ...bedragen, [g.aanbieder]: e.target.value.trim() })}
                      />
                    ) : (
                      formatBedrag(g.na, taal)
                    ),
                },
                {
                  key: 'maximum',
                  header: t('realisatie.ronde.maximum'),
                  align: 'right',
                  cell: (g) =>
                    g.maximum ? (
                      <>
                        {formatBedrag(g.maximum, taal)}
                        {g.maximumBron && (
                          <>
                            {' '}
                            <span
                              className="muted"
                              title={g.maximumUitleg ?? undefined}
                              data-testid={`maximum-bron-${g.aanbieder}`}
                            >
                              ({t(`realisatie.ronde.maximumBron.${g.maximumBron}`)})
                            </span>
                          </>
                        )}
                        {g.maximumBindt && (
                          <>
                            {' '}
                            <Badge variant="warning">{t('realisatie.ronde.maximumBindt')}</Badge>
                          </>
                        )}
                      </>
                    ) : (
                      '–'
                    ),
                },
                {
                  key: 'opslag',
                  header: t('realisatie.ronde.opslag'),
                  cell: (g) =>
                    magAanpassen ? (
                      <div className="ronde-opslag">
                        <input
                          className="input ronde-invoer"
                          aria-label={t('realisatie.ronde.opslagVoor', { aanbieder: g.aanbieder })}
                          value={opslagen[g.aanbieder]?.percentage ?? ''}
                          inputMode="decimal"
                          onChange={(e) =>
                            setOpslagen({
                              ...opslagen,
                              [g.aanbieder]: {
                                ...(opslagen[g.aanbieder] ?? { motivatie: '' }),
                                percentage: e.target.value,
                              },
                            })
                          }
                        />
                        <input
                          className="input"
                          aria-label={t('realisatie.ronde.opslagMotivatieVoor', { aanbieder: g.aanbieder })}
                          placeholder={t('realisatie.ronde.opslagMotivatie')}
                          value={opslagen[g.aanbieder]?.motivatie ?? ''}
                          onChange={(e) =>
                            setOpslagen({
                              ...opslagen,
                              [g.aanbieder]: {
                                ...(opslagen[g.aanbieder] ?? { percentage: '' }),
                                motivatie: e.target.value,
                              },
                            })
                          }
                        />
                      </div>
                    ) : g.opslag ? (
                      `${g.opslag.percentage}%${g.opslag.toegekend ? ` (${t('realisatie.ronde.opslagToegekend', { pct: g.opslag.toegekend })})` : ''}`
                    ) : (
                      '–'
                    ),
                },
                {
                  key: 'toegepast',
                  header: t('realisatie.ronde.toegepast'),
                  align: 'right',
                  cell: (g) => (g.toegepast ? formatBedrag(g.toegepast, taal) : '–'),
                },
              ]}
            />
            {magAanpassen && r.pool && (
              <Section title={t('realisatie.ronde.aanpassen')}>
                <p data-testid="pool-na">
                  {geldig
                    ? t('realisatie.ronde.poolNa', { bedrag: formatBedrag(euro(poolNa), taal) })
                    : t('realisatie.ronde.ongeldig')}
                </p>
                {poolNa < 0n && <Alert variant="warning">{t('realisatie.ronde.poolNegatief')}</Alert>}
                <Button
                  disabled={!geldig || poolNa < 0n}
                  bezig={aanpassen.isPending}
                  onClick={() => aanpassen.mutate(euro(poolNa))}
                >
                  {t('realisatie.ronde.opslaan')}
                </Button>
                {aanpassen.error && <ProblemAlert error={aanpassen.error} />}
              </Section>
            )}
            {open && zk && heeftRol('manager') && (
              <Section title={t('realisatie.ronde.besluiten')}>
                <p>{t('realisatie.ronde.vierOgen')}</p>
                <TextArea
                  label={t('realisatie.toelichting')}
                  value={toelichting}
                  onChange={(e) => setToelichting(e.target.value)}
                />
                <Button variant="primary" bezig={besluiten.isPending} onClick={() => besluiten.mutate('goedkeuren')}>
                  {t('realisatie.ronde.goedkeuren')}
                </Button>{' '}
                <Button variant="danger" bezig={besluiten.isPending} onClick={() => besluiten.mutate('afwijzen')}>
                  {t('realisatie.ronde.afwijzen')}
                </Button>
                {besluiten.error && <ProblemAlert error={besluiten.error} />}
              </Section>
            )}
            {r.uitleg.length > 0 && (
              <Section title={t('realisatie.ronde.uitleg')}>
                <ul>
                  {r.uitleg.map((u, i) => (
                    <li key={i}>{u}</li>
                  ))}
                </ul>
                <p className="hint">{r.regel}</p>
              </Section>
            )}
          </>
        );
      }}
    </QueryState>
  );
}
