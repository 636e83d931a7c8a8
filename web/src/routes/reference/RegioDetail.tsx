import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { Link, useSearchParams, type PageProps } from '../../app/router.tsx';
import {
  Alert,
  Badge,
  DetailList,
  EmptyState,
  formatBedrag,
  formatGetal,
  formatPercentage,
  formatTijdstip,
  PageHeader,
  percentageVan,
  QueryState,
  Section,
  Select,
  Table,
  type Column,
} from '../../ui/index.ts';
import { ZorgkantoorCel } from './Regios.tsx';
import type { RegioDetail as RegioDetailData } from './types.ts';
import './messages.ts';

type AanbiederInRegio = RegioDetailData['aanbieders'][number];

export function RegioDetail({ params }: PageProps) {
  const { t, taal } = useI18n();
  const code = params.code;
  const [sp, setSp] = useSearchParams();
  const jaarParam = sp.get('jaar');
  const jaar = jaarParam && /^\d{4}$/.test(jaarParam) ? Number(jaarParam) : undefined;
  const q = useQuery({
    queryKey: ['regios', code, jaar ?? null],
    queryFn: () => api.get<RegioDetailData>(`/regios/${encodeURIComponent(code)}`, { query: { jaar } }),
    placeholderData: (prev) => prev,
  });

  const kolommen = useMemo<Column<AanbiederInRegio>[]>(
    () => [
      {
        key: 'naam',
        header: t('reference.kolom.aanbieder'),
        rowHeader: true,
        sortValue: (a) => a.naam,
        cell: (a) => <Link to={`/aanbieders/${encodeURIComponent(a.id)}`}>{a.naam}</Link>,
      },
      {
        key: 'sectoren',
        header: t('reference.kolom.sectoren'),
        sortValue: (a) => a.sectoren.join(','),
        cell: (a) => a.sectoren.join(', ') || '—',
      },
      {
        key: 'locaties',
        header: t('reference.kolom.locaties'),
        align: 'right',
        sortValue: (a) => a.aantalLocaties,
        cell: (a) => formatGetal(a.aantalLocaties, taal),
      },
      {
        key: 'capaciteit',
        header: t('reference.kolom.capaciteit'),
        align: 'right',
        sortValue: (a) => a.capaciteit,
        cell: (a) => formatGetal(a.capaciteit, taal),
      },
      {
        key: 'toezicht',
        header: t('reference.kolom.toezicht'),
        sortValue: (a) => (a.verscherptToezicht ? 0 : 1),
        cell: (a) => (a.verscherptToezicht ? <Badge variant="danger">{t('reference.verscherpt')}</Badge> : '—'),
      },
    ],
    [t, taal],
  );

  const d = q.data;
  const titel = d
    ? t('reference.regio.titel', { code: d.code, naam: d.naam })
    : `${t('reference.regio.paginatitel')} ${code}`;
  const kruimels = [{ label: t('reference.regios.titel'), to: '/regios' }, { label: d ? `${d.code} ${d.naam}` : code }];
  const huidig = d?.jaar ?? new Date().getFullYear();
  const jaren = [huidig - 2, huidig - 1, huidig, huidig + 1];

  return (
    <>
      <PageHeader
        title={titel}
        kruimels={kruimels}
        actions={
          d && (
            <Select
              label={t('reference.regio.jaar.label')}
              className="field-inline"
              value={String(d.jaar)}
              options={jaren.map((j) => ({ value: String(j), label: String(j) }))}
              onChange={(e) => setSp({ jaar: e.target.value })}
            />
          )
        }
      />
      <QueryState
        query={q}
        notFound={
          <EmptyState
            title={t('reference.regio.nietgevonden', { code })}
            actie={<Link to="/regios">{t('reference.regio.terug')}</Link>}
          />
        }
      >
        {(r) => {
          const pct = r.totalen
            ? percentageVan(r.totalen.realisatie.bedrag, r.totalen.productieafspraken.bedrag, 1)
            : null;
          return (
            <>
              {r.inzage === 'beperkt' && (
                <Alert variant="info">{t('reference.regio.inzage.beperkt', { jaar: r.jaar })}</Alert>
              )}
              {r.inzage === 'eigen-aanbieder' && <Alert variant="info">{t('reference.regio.inzage.eigen')}</Alert>}
              <Section title={t('reference.regio.gegevens')}>
                <DetailList
                  items={[
                    [t('reference.regio.code'), r.code],
                    [
                      t('reference.kolom.zorgkantoor'),
                      <ZorgkantoorCel
                        r={{
                          zorgkantoorNaam: r.concessie?.zorgkantoorNaam ?? null,
                          indelingIsVoorbeeld: !!r.concessie?.voorbeeld,
                        }}
                      />,
                    ],
                    [
                      t('reference.regio.status'),
                      r.actief ? t('reference.regio.actief') : <Badge>{t('reference.inactief')}</Badge>,
                    ],
                    ...(r.opmerking ? [[t('reference.regio.opmerking'), r.opmerking] as [string, string]] : []),
                    [t('reference.regio.bron'), r.bron],
                  ]}
                />
                {r.concessie && (
                  <p className="note">
                    {r.concessie.voorbeeld && (
                      <>
                        <strong>{t('reference.voorbeeld.uitleg')}</strong>
                        <br />
                      </>
                    )}
                    {t('reference.regio.concessie.bron')}: {r.concessie.bron}
                    {r.concessie.gewijzigdOp && <> ({formatTijdstip(r.concessie.gewijzigdOp, taal)})</>}
                  </p>
                )}
              </Section>
              {r.totalen && (
                <Section title={t('reference.regio.totalen', { jaar: r.jaar })}>
                  <div className="kaarten">
                    <div className="kaart">
                      <p className="kaart-waarde kaart-bedrag">
                        {formatBedrag(r.totalen.productieafspraken.bedrag, taal)}
                      </p>
                      <p className="kaart-label">
                        {t('reference.regio.pa')} ·{' '}
                        {t('reference.regio.regels.n', { n: formatGetal(r.totalen.productieafspraken.regels, taal) })}
                      </p>
                    </div>
                    <div className="kaart">
                      <p className="kaart-waarde kaart-bedrag">{formatBedrag(r.totalen.realisatie.bedrag, taal)}</p>
                      <p className="kaart-label">
                        {t('reference.regio.re')} ·{' '}
                        {t('reference.regio.maanden.n', { n: formatGetal(r.totalen.realisatie.maanden, taal) })}
                      </p>
                    </div>
                    <div className="kaart">
                      <p className="kaart-waarde">{pct === null ? '—' : formatPercentage(pct, taal, 1)}</p>
                      <p className="kaart-label">{t('reference.regio.pct')}</p>
                    </div>
                  </div>
                </Section>
              )}
              {r.inzage !== 'beperkt' && (
                <Section title={t('reference.regio.aanbieders')}>
                  <Table
                    caption={t('reference.regio.aanbieders')}
                    captionHidden
                    rows={r.aanbieders}
                    rowKey={(a) => a.id}
                    columns={kolommen}
                    filter={(a, s) => a.naam.toLowerCase().includes(s)}
                    initialSort={{ key: 'naam', dir: 'asc' }}
                    empty={t('reference.regio.geenaanbieders')}
                  />
                </Section>
              )}
            </>
          );
        }}
      </QueryState>
    </>
  );
}
