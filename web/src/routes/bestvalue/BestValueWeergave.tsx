import { useI18n } from '../../app/i18n.tsx';
import { Badge, DetailList, formatBedrag, formatGetal, Section, Table } from '../../ui/index.ts';
import type { Kpi, Voorstel } from './types.ts';
import './messages.ts';

/** Read-only proposal with KPIs and price: for assessors (after the deadline) and for a bid that can no longer be changed. */
export function BestValueWeergave({ voorstel, titel }: { voorstel: Voorstel; titel?: string }) {
  const { t, taal } = useI18n();
  const leeg =
    !voorstel.voorstel &&
    !voorstel.kansen &&
    !voorstel.risicos &&
    !voorstel.aangebodenPrijs &&
    voorstel.kpis.length === 0;
  return (
    <Section title={titel ?? t('bestvalue.weergave.titel')}>
      {leeg ? (
        <p>{t('bestvalue.weergave.geen')}</p>
      ) : (
        <>
          <DetailList
            items={[
              [t('bestvalue.prijs'), voorstel.aangebodenPrijs ? formatBedrag(voorstel.aangebodenPrijs, taal) : '—'],
              [t('bestvalue.prijs.toelichting'), voorstel.prijsToelichting ?? '—'],
              [t('bestvalue.weergave.woorden'), t('bestvalue.weergave.woorden.n', { n: voorstel.woorden })],
            ]}
          />
          {(
            [
              ['voorstel', voorstel.voorstel],
              ['kansen', voorstel.kansen],
              ['risicos', voorstel.risicos],
              ['voorwaarden', voorstel.voorwaarden],
            ] as const
          ).map(([k, v]) => (
            <div key={k}>
              <h3>{t(`bestvalue.${k}`)}</h3>
              <p style={{ whiteSpace: 'pre-wrap' }}>{v ?? '—'}</p>
            </div>
          ))}
          <h3>{t('bestvalue.weergave.kpis')}</h3>
          <Table<Kpi>
            caption={t('bestvalue.weergave.kpis')}
            captionHidden
            rows={voorstel.kpis}
            rowKey={(k) => k.id}
            columns={[
              {
                key: 'naam',
                header: t('bestvalue.kolom.kpi'),
                rowHeader: true,
                cell: (k) => (
                  <>
                    {k.naam}
                    {k.omschrijving && (
                      <>
                        <br />
                        <span className="muted">{k.omschrijving}</span>
                      </>
                    )}
                  </>
                ),
              },
              { key: 'eenheid', header: t('bestvalue.kolom.eenheid'), cell: (k) => k.eenheid },
              {
                key: 'nul',
                header: t('bestvalue.kolom.nulmeting'),
                align: 'right',
                cell: (k) => formatGetal(k.nulmeting, taal),
              },
              {
                key: 'streef',
                header: t('bestvalue.kolom.streefwaarde'),
                align: 'right',
                cell: (k) => formatGetal(k.streefwaarde, taal),
              },
              {
                key: 'richting',
                header: t('bestvalue.kolom.richting'),
                cell: (k) => t(`bestvalue.richting.${k.richting}`),
              },
              { key: 'methode', header: t('bestvalue.kolom.meetmethode'), cell: (k) => k.meetmethode },
              { key: 'moment', header: t('bestvalue.kolom.meetmoment'), cell: (k) => k.meetmoment ?? '—' },
              { key: 'bron', header: t('bestvalue.kolom.bron'), cell: (k) => k.bron ?? '—' },
              // after the final award the KPIs are contract terms
              ...(voorstel.kpis.some((k) => k.afgesproken)
                ? [
                    {
                      key: 'afgesproken',
                      header: t('bestvalue.kolom.afgesproken'),
                      cell: (k: Kpi) =>
                        k.afgesproken ? <Badge variant="success">{t('bestvalue.kolom.afgesproken')}</Badge> : '—',
                    },
                  ]
                : []),
            ]}
          />
        </>
      )}
    </Section>
  );
}
