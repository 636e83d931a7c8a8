import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { Link, type PageProps } from '../../app/router.tsx';
import { Alert, Button, FileInput, PageHeader, ProblemAlert, QueryState, Section, Table } from '../../ui/index.ts';
import type { ToewijzingViewT, VerwerkResultaatView } from '../../../../src/clientstroom/schemas.ts';
import { xmlBody } from './Werklijst.tsx';
import { verversNaWijziging } from '../../app/verversen.ts';
import './messages.ts';

export function Berichten(_: PageProps) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [bestand, setBestand] = useState<File | null>(null);
  const tw = useQuery({
    queryKey: ['clientstroom', 'toewijzingen'],
    queryFn: () => api.get<ToewijzingViewT[]>('/clientstroom/toewijzingen'),
  });
  const m = useMutation({
    mutationFn: async ({ f, soort }: { f: File; soort: 'aw35' | 'aw39' }) =>
      api.post<VerwerkResultaatView>(`/iwlz/${soort}`, await xmlBody(f)),
    onSuccess: () => verversNaWijziging(qc, ['clientstroom']),
  });
  const verstuur = (soort: 'aw35' | 'aw39') => (e: FormEvent) => {
    e.preventDefault();
    if (bestand) m.mutate({ f: bestand, soort });
  };
  return (
    <>
      <PageHeader title={t('clientstroom.berichten.titel')} intro={t('clientstroom.berichten.intro')} />
      <Section title={t('clientstroom.berichten.versturen')}>
        <form onSubmit={verstuur('aw35')}>
          <FileInput
            label={t('clientstroom.berichten.bestand')}
            accept=".xml,application/xml,text/xml"
            onFile={setBestand}
          />
          <Button type="submit" variant="primary" bezig={m.isPending} disabled={!bestand}>
            {t('clientstroom.berichten.aw35')}
          </Button>{' '}
          <Button onClick={verstuur('aw39')} bezig={m.isPending} disabled={!bestand}>
            {t('clientstroom.berichten.aw39')}
          </Button>
        </form>
        <ProblemAlert error={m.error} />
        {m.data && (
          <Alert variant={m.data.geweigerd ? 'warning' : 'success'}>
            <p>
              {t('clientstroom.berichten.antwoord', {
                type: m.data.antwoordType,
                verwerkt: m.data.verwerkt,
                geweigerd: m.data.geweigerd,
              })}
            </p>
            <ul>
              {m.data.clienten.map((c, i) => (
                <li key={i}>
                  {c.bsn}: {c.retourcodes.join(', ')} — {c.uitkomst}
                </li>
              ))}
            </ul>
          </Alert>
        )}
      </Section>
      <Section title={t('clientstroom.berichten.toewijzingen')}>
        <QueryState query={tw}>
          {(rows) => (
            <Table<ToewijzingViewT>
              caption={t('clientstroom.berichten.toewijzingen')}
              captionHidden
              rows={rows}
              rowKey={(x) => x.id}
              empty={t('clientstroom.geen')}
              columns={[
                {
                  key: 'client',
                  header: t('clientstroom.kolom.client'),
                  rowHeader: true,
                  cell: (x) => <Link to={`/clientstroom/clienten/${x.clientId}`}>{x.zorgprofielCode}</Link>,
                },
                {
                  key: 'soort',
                  header: t('clientstroom.kolom.soort'),
                  cell: (x) => t(`clientstroom.soort.${x.soort}`),
                },
                { key: 'lv', header: t('clientstroom.kolom.leveringsvorm'), cell: (x) => x.leveringsvorm },
                { key: 'ingang', header: t('clientstroom.kolom.ingang'), cell: (x) => x.ingangsdatum },
                { key: 'status', header: t('clientstroom.kolom.status'), cell: (x) => x.status },
                {
                  key: 'aw33',
                  header: t('clientstroom.kolom.aw33'),
                  cell: (x) =>
                    x.aw33BerichtId ? (
                      <a href={api.url(`/iwlz/toewijzingen/${x.id}/aw33`)} download={`aw33-${x.id}.xml`}>
                        {t('clientstroom.berichten.download')}
                      </a>
                    ) : (
                      '—'
                    ),
                },
              ]}
            />
          )}
        </QueryState>
      </Section>
    </>
  );
}
