import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { Badge, formatDatum, Table } from '../../ui/index.ts';
import type { Toelating } from './types.ts';
import './messages.ts';

/** One admission decision: the failed requirements, the reasons per requirement and the letter. */
export function BesluitInhoud({ tl, naam }: { tl: Toelating; naam: string }) {
  const { t, taal } = useI18n();
  return (
    <>
      <p>
        <Badge variant={tl.besluit === 'toegelaten' ? 'success' : 'danger'}>
          {t(`openhouse.toestand.${tl.besluit}`)}
        </Badge>{' '}
        {t('openhouse.besloten', { datum: formatDatum(tl.beslotenOp, taal), door: tl.beslotenDoor ?? '—' })}
      </p>
      {tl.nietVoldaan.length > 0 && (
        <>
          <p>{t('openhouse.nietvoldaan')}</p>
          <ul>
            {tl.nietVoldaan.map((e) => (
              <li key={e.code}>
                <strong>{e.code}</strong> {e.tekst}
              </li>
            ))}
          </ul>
        </>
      )}
      <Table
        caption={`${t('openhouse.onderbouwing')}: ${naam}`}
        captionHidden
        rows={tl.redenen}
        rowKey={(r) => r.code}
        columns={[
          { key: 'code', header: t('openhouse.kolom.eis'), rowHeader: true, cell: (r) => `${r.code} ${r.tekst}` },
          {
            key: 'v',
            header: t('openhouse.kolom.voldaan'),
            cell: (r) => (
              <Badge variant={r.voldaan ? 'success' : 'danger'}>
                {t(r.voldaan ? 'openhouse.ja' : 'openhouse.nee')}
              </Badge>
            ),
          },
          { key: 't', header: t('openhouse.kolom.toelichting'), cell: (r) => r.toelichting || '—' },
        ]}
      />
      {tl.briefDocumentId && (
        <p>
          <a href={api.url(`/inkoop/toelatingen/${tl.id}/brief`)} download>
            {t('openhouse.brief.voor', { naam })}
          </a>
        </p>
      )}
    </>
  );
}
