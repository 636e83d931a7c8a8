import { useState } from 'react';
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
  EmptyState,
  formatDatum,
  formatPercentage,
  formatTijdstip,
  PageHeader,
  ProblemAlert,
  QueryState,
  Section,
  Table,
  TextArea,
} from '../../ui/index.ts';
import { uitkomstVariant } from './Overzicht.tsx';
import { OvereenkomstPrijzen } from './Afspraken.tsx';
import type { Gunning } from './types.ts';
import './messages.ts';

export function GunningDetail({ params }: PageProps) {
  const { t } = useI18n();
  const { organisatieSoort } = useSession();
  const q = useQuery({
    queryKey: ['gunning', 'detail', params.id],
    queryFn: () => api.get<Gunning>(`/inkoop/gunningen/${encodeURIComponent(params.id)}`),
  });
  const kruimels =
    organisatieSoort === 'zorgaanbieder'
      ? [{ label: t('gunning.nav.za'), to: '/gunning' }, { label: q.data?.kaderTitel ?? '…' }]
      : [
          { label: t('gunning.titel'), to: '/gunning' },
          ...(q.data ? [{ label: q.data.kaderTitel, to: `/gunning/kaders/${q.data.kaderId}` }] : []),
          { label: q.data?.aanbiederNaam ?? '…' },
        ];
  return (
    <>
      <PageHeader
        title={
          q.data
            ? `${t('gunning.gunning.titel')} (${t(`gunning.soort.${q.data.soort}`)}): ${q.data.kaderTitel}`
            : t('gunning.gunning.titel')
        }
        kruimels={kruimels}
      />
      <QueryState query={q} notFound={<EmptyState title={t('gunning.nietgevonden')} />}>
        {(g) => <Inhoud g={g} />}
      </QueryState>
    </>
  );
}

function Inhoud({ g }: { g: Gunning }) {
  const { t, taal } = useI18n();
  const { organisatieSoort, rollen } = useSession();
  const aanbieder = organisatieSoort === 'zorgaanbieder';
  const bezwaarOpen = aanbieder && g.bezwaarOpen;
  return (
    <>
      <Section title={t('gunning.kolom.uitkomst')}>
        <p>
          <Badge variant={uitkomstVariant(g.uitkomst)}>{t(`gunning.uitkomst.${g.uitkomst}`)}</Badge> {g.omschrijving}
        </p>
        <DetailList
          items={[
            [t('gunning.kolom.aanbieder'), g.aanbiederNaam],
            [
              t('gunning.looptijd'),
              g.looptijdJaren > 2 ? t('gunning.jaarN', { n: g.looptijdJaren }) : t(`gunning.jaar${g.looptijdJaren}`),
            ],
            // best value has no tariff mark-up (src/domain/inkoop/bestvalue-uitkomst.ts)
            ...(g.uitkomst === 'bestvalue-overeenkomst'
              ? []
              : [[t('gunning.opslag'), formatPercentage(g.opslagPercentage, taal)] as [string, string]]),
            [t('gunning.kolom.datum'), formatDatum(g.beslotenOp, taal)],
            ...(g.bezwaarTot && g.soort === 'voorlopig'
              ? [
                  [t('gunning.bezwaren'), t('gunning.bezwaartot', { tot: formatTijdstip(g.bezwaarTot, taal) })] as [
                    string,
                    string,
                  ],
                ]
              : []),
          ]}
        />
        {g.briefDocumentId && (
          <p>
            <a href={api.url(`/inkoop/gunningsdocumenten/${g.briefDocumentId}`)} download>
              {t('gunning.brief')}
            </a>
          </p>
        )}
      </Section>
      <Section title={t('gunning.onderbouwing')}>
        <Table
          caption={t('gunning.onderbouwing')}
          captionHidden
          rows={g.redenen}
          rowKey={(r) => r.code}
          columns={[
            {
              key: 'code',
              header: t('gunning.kolom.voorwaarde'),
              rowHeader: true,
              cell: (r) => `${r.code} ${r.regel}`,
            },
            {
              key: 'v',
              header: t('gunning.kolom.voldaan'),
              cell: (r) => (
                <Badge variant={r.voldaan ? 'success' : 'warning'}>{t(r.voldaan ? 'gunning.ja' : 'gunning.nee')}</Badge>
              ),
            },
            { key: 't', header: t('gunning.kolom.toelichting'), cell: (r) => r.toelichting },
          ]}
        />
      </Section>
      {(g.bezwaren.length > 0 || bezwaarOpen) && (
        <Section title={t('gunning.bezwaren')}>
          {g.bezwaren.map((b) => (
            <div key={b.id} className="card">
              <p>{b.tekst}</p>
              <p>
                <Badge>{t(`gunning.bezwaarstatus.${b.status}`)}</Badge> {b.besluit}
              </p>
            </div>
          ))}
          {bezwaarOpen && <BezwaarForm g={g} />}
        </Section>
      )}
      {g.overeenkomst && (
        <Section title={t('gunning.overeenkomst')}>
          <p>
            {t('gunning.overeenkomst.periode', {
              van: formatDatum(g.overeenkomst.ingangsdatum, taal),
              tot: formatDatum(g.overeenkomst.einddatum, taal),
            })}
          </p>
          <p>{t('gunning.overeenkomst.status', { status: t(`gunning.ovkstatus.${g.overeenkomst.status}`) })}</p>
          {g.overeenkomst.documentId && (
            <p>
              <a href={api.url(`/inkoop/gunningsdocumenten/${g.overeenkomst.documentId}`)} download>
                {t('gunning.overeenkomst.pdf')}
              </a>
            </p>
          )}
          {aanbieder &&
            g.overeenkomst.status === 'aangeboden' &&
            (rollen.includes('aanbieder-bestuurder') ? (
              <Acceptatie id={g.overeenkomst.id} />
            ) : (
              <Alert>{t('gunning.alleen.bestuurder')}</Alert>
            ))}
        </Section>
      )}
      {g.overeenkomst && g.uitkomst !== 'bestvalue-overeenkomst' && (
        <OvereenkomstPrijzen overeenkomstId={g.overeenkomst.id} />
      )}
    </>
  );
}

function BezwaarForm({ g }: { g: Gunning }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [tekst, setTekst] = useState('');
  const m = useMutation({
    mutationFn: () => api.post(`/inkoop/gunningen/${g.id}/bezwaar`, { tekst }),
    onSuccess: () => {
      setTekst('');
      qc.invalidateQueries({ queryKey: ['gunning', 'detail', g.id] });
    },
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        m.mutate();
      }}
      noValidate
    >
      <TextArea label={t('gunning.bezwaar.tekst')} rows={3} value={tekst} onChange={(e) => setTekst(e.target.value)} />
      {m.error && <ProblemAlert error={m.error} />}
      {m.isSuccess && <Alert variant="success">{t('gunning.bezwaar.ingediend')}</Alert>}
      <Button type="submit" bezig={m.isPending}>
        {t('gunning.bezwaar.maken')}
      </Button>
    </form>
  );
}

function Acceptatie({ id }: { id: string }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const m = useMutation({
    mutationFn: (akkoord: boolean) => api.post(`/inkoop/overeenkomsten/${id}/acceptatie`, { akkoord }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['gunning'] }),
  });
  return (
    <div>
      {m.error && <ProblemAlert error={m.error} />}
      <Button variant="primary" bezig={m.isPending} onClick={() => m.mutate(true)}>
        {t('gunning.accepteren')}
      </Button>{' '}
      <Button variant="danger" bezig={m.isPending} onClick={() => m.mutate(false)}>
        {t('gunning.weigeren')}
      </Button>
    </div>
  );
}
