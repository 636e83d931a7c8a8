/**
 * Read-only list of the register's signals about one provider, shown in the award form
 * (web/src/routes/gunning/InschrijvingBeoordelen.tsx) above the fields for dates not in the register.
 */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { Link } from '../../app/router.tsx';
import { Badge, formatDatum, QueryState } from '../../ui/index.ts';
import { signaalStatus, signalenKey } from './Signalenregister.tsx';
import type { Signaal } from './types.ts';
import './messages.ts';

export function SignalenVanAanbieder({ aanbiederId }: { aanbiederId: string }) {
  const { t, taal } = useI18n();
  const q = useQuery({
    queryKey: [...signalenKey, 'aanbieder', aanbiederId],
    queryFn: () => api.get<Signaal[]>('/inkoop/signalen', { query: { aanbieder: aanbiederId } }),
  });
  const vandaag = new Date().toISOString().slice(0, 10);
  return (
    <div className="card" role="group" aria-labelledby="signalen-award-titel">
      <h3 id="signalen-award-titel">{t('signalen.award.titel')}</h3>
      <p>{t('signalen.award.uitleg')}</p>
      <QueryState query={q}>
        {(rows) => {
          const geldig = rows.filter((s) => !s.ingetrokkenOp);
          return geldig.length === 0 ? (
            <p>{t('signalen.award.geen')}</p>
          ) : (
            <ul>
              {geldig.map((s) => {
                const st = signaalStatus(s, vandaag);
                return (
                  <li key={s.id}>
                    <strong>{t(`signalen.soort.${s.soort}`)}</strong>
                    {s.locatieNaam ? ` — ${s.locatieNaam}` : ''}:{' '}
                    {s.datumTot
                      ? t('signalen.periode.tot', {
                          van: formatDatum(s.datumVan, taal),
                          tot: formatDatum(s.datumTot, taal),
                        })
                      : t('signalen.periode.vanaf', { van: formatDatum(s.datumVan, taal) })}{' '}
                    ({s.bron}){' '}
                    <Badge variant={st === 'actief' ? 'danger' : 'neutral'}>{t(`signalen.status.${st}`)}</Badge>
                  </li>
                );
              })}
            </ul>
          );
        }}
      </QueryState>
      <p>
        <Link to="/signalen">{t('signalen.award.register')}</Link>
      </p>
    </div>
  );
}
