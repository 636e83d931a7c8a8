import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import type { PageProps } from '../../app/router.tsx';
import { EmptyState, PageHeader, QueryState, Select } from '../../ui/index.ts';
import { BeleidKaart } from './shared.tsx';
import type { BeleidOverzicht } from './types.ts';
import './messages.ts';

export const beleidQuery = (jaar: number, sector = 'VV') => ({
  queryKey: ['tarieven', 'beleid', jaar, sector],
  queryFn: () => api.get<BeleidOverzicht[]>('/tarieven/beleid', { query: { jaar, sector } }),
});

export function BeleidPagina(_: PageProps) {
  const { t } = useI18n();
  const [jaar, setJaar] = useState('2024');
  const [zk, setZk] = useState('');
  const q = useQuery(beleidQuery(Number(jaar)));
  return (
    <>
      <PageHeader title={t('tarieven.beleid.titel')} intro={t('tarieven.beleid.intro')} />
      <div className="filters">
        <Select
          label={t('tarieven.jaar')}
          value={jaar}
          onChange={(e) => {
            setJaar(e.target.value);
            setZk('');
          }}
          options={['2024', '2016', '2008'].map((j) => ({ value: j, label: j }))}
          className="field-inline"
        />
        <Select
          label={t('tarieven.kolom.zorgkantoor')}
          value={zk}
          onChange={(e) => setZk(e.target.value)}
          placeholder={t('tarieven.alle')}
          options={(q.data ?? []).map((b) => ({ value: b.beleid.id, label: b.zorgkantoor }))}
          className="field-inline"
        />
      </div>
      <p className="note">{t('tarieven.zekerheid.uitleg')}</p>
      <QueryState query={q}>
        {(lijst) => {
          const zichtbaar = lijst.filter((b) => !zk || b.beleid.id === zk);
          if (!zichtbaar.length) return <EmptyState title={t('tarieven.beleid.geen', { jaar })} />;
          return (
            <div aria-live="polite">
              {zichtbaar.map((b) => (
                <BeleidKaart key={b.beleid.id} b={b} />
              ))}
            </div>
          );
        }}
      </QueryState>
    </>
  );
}
