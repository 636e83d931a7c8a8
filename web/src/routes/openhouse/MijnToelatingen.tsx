import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { Link, type PageProps } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import {
  Alert,
  Badge,
  Button,
  DetailList,
  EmptyState,
  formatDatum,
  formatTijdstip,
  PageHeader,
  ProblemAlert,
  QueryState,
  Section,
} from '../../ui/index.ts';
import { BesluitInhoud } from './Besluit.tsx';
import { toestandVariant } from './KaderToelatingen.tsx';
import type { MijnToelating, Overeenkomst } from './types.ts';
import './messages.ts';

const KEY = ['openhouse', 'mijn'];

/** Provider: its open house applications with the decision, letter, framework contract and re-application. */
export function MijnToelatingen(_: PageProps) {
  const { t } = useI18n();
  const q = useQuery({ queryKey: KEY, queryFn: () => api.get<MijnToelating[]>('/inkoop/toelatingen') });
  return (
    <>
      <PageHeader title={t('openhouse.nav.za')} intro={t('openhouse.intro.za')} />
      <QueryState query={q}>
        {(rows) =>
          rows.length === 0 ? (
            <EmptyState title={t('openhouse.geen.toelatingen')} />
          ) : (
            <>
              {rows.map((r) => (
                <Aanmelding key={r.inschrijvingId} r={r} />
              ))}
            </>
          )
        }
      </QueryState>
    </>
  );
}

function Aanmelding({ r }: { r: MijnToelating }) {
  const { t, taal } = useI18n();
  const naam = r.kaderTitel;
  return (
    <Section title={r.kaderTitel}>
      <p>
        <Badge variant={toestandVariant(r.toestand)}>{t(`openhouse.toestand.${r.toestand}`)}</Badge>
      </p>
      <DetailList
        items={[
          [t('openhouse.zorgkantoor'), r.zorgkantoorNaam],
          [t('openhouse.kolom.jaren'), r.jaarTot !== r.jaarVan ? `${r.jaarVan}–${r.jaarTot}` : String(r.jaarVan)],
          [t('openhouse.kolom.ingediend'), formatTijdstip(r.ingediendOp, taal)],
        ]}
      />
      {r.toestand === 'in_behandeling' && <Alert variant="info">{t('openhouse.in_behandeling.uitleg')}</Alert>}
      {r.toestand === 'concept' && (
        <p>
          {t('openhouse.concept.uitleg')}{' '}
          <Link to={`/inkoop/inschrijvingen/${r.inschrijvingId}`}>{t('openhouse.naar.inschrijving')}</Link>
        </p>
      )}
      {r.toelating && <BesluitInhoud tl={r.toelating} naam={naam} />}
      {r.toelating?.overeenkomst && <Raamovereenkomst o={r.toelating.overeenkomst} />}
      {r.heraanmeldenMogelijk && <Heraanmelden r={r} />}
      {r.eerdere.length > 0 && (
        <details>
          <summary>
            {t('openhouse.eerdere')} ({r.eerdere.length})
          </summary>
          {r.eerdere.map((tl) => (
            <div key={tl.id} className="card">
              <h3>
                {t('openhouse.kolom.ronde')} {tl.ronde} —{' '}
                {t('openhouse.heraangemeld', { datum: formatDatum(tl.heraangemeldOp, taal) })}
              </h3>
              <BesluitInhoud tl={tl} naam={`${naam} (${t('openhouse.kolom.ronde').toLowerCase()} ${tl.ronde})`} />
            </div>
          ))}
        </details>
      )}
    </Section>
  );
}

function Raamovereenkomst({ o }: { o: Overeenkomst }) {
  const { t, taal } = useI18n();
  const { heeftRol } = useSession();
  const qc = useQueryClient();
  const m = useMutation({
    mutationFn: (akkoord: boolean) => api.post(`/inkoop/overeenkomsten/${o.id}/acceptatie`, { akkoord }),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
  return (
    <div className="card">
      <h3>{t('openhouse.overeenkomst')}</h3>
      <p>
        {t('openhouse.overeenkomst.periode', {
          van: formatDatum(o.ingangsdatum, taal),
          tot: formatDatum(o.einddatum, taal),
        })}
      </p>
      <p>{t('openhouse.overeenkomst.status', { status: t(`openhouse.ovkstatus.${o.status}`) })}</p>
      {o.documentId && (
        <p>
          <a href={api.url(`/inkoop/gunningsdocumenten/${o.documentId}`)} download>
            {t('openhouse.overeenkomst.pdf')}
          </a>
        </p>
      )}
      {o.status === 'aangeboden' &&
        (heeftRol('aanbieder-bestuurder') ? (
          <div>
            {m.error && <ProblemAlert error={m.error} />}
            <Button variant="primary" bezig={m.isPending} onClick={() => m.mutate(true)}>
              {t('openhouse.accepteren')}
            </Button>{' '}
            <Button variant="danger" bezig={m.isPending} onClick={() => m.mutate(false)}>
              {t('openhouse.weigeren')}
            </Button>
          </div>
        ) : (
          <Alert>{t('openhouse.alleen.bestuurder')}</Alert>
        ))}
    </div>
  );
}

function Heraanmelden({ r }: { r: MijnToelating }) {
  const { t } = useI18n();
  const { heeftRol } = useSession();
  const qc = useQueryClient();
  const m = useMutation({
    mutationFn: () => api.post(`/inkoop/inschrijvingen/${r.inschrijvingId}/heraanmelden`, {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
  if (!heeftRol('aanbieder-contractmanager', 'aanbieder-bestuurder')) return null;
  return (
    <div>
      <p>{t('openhouse.heraanmelden.uitleg')}</p>
      {m.error && <ProblemAlert error={m.error} />}
      {m.isSuccess && <Alert variant="success">{t('openhouse.heraangemeld.ok')}</Alert>}
      <Button variant="primary" bezig={m.isPending} onClick={() => m.mutate()}>
        {t('openhouse.heraanmelden')}
      </Button>
    </div>
  );
}
