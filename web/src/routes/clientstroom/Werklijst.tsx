import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { Link, type PageProps } from '../../app/router.tsx';
import {
  Alert,
  Badge,
  Button,
  FileInput,
  PageHeader,
  ProblemAlert,
  QueryState,
  Section,
  Table,
} from '../../ui/index.ts';
import type { WerklijstView } from '../../../../src/clientstroom/schemas.ts';
import { verversNaWijziging } from '../../app/verversen.ts';
import './messages.ts';

type Regel = WerklijstView[number];
export const werklijstKey = ['clientstroom', 'werklijst'];

/** An XML file as the body of a request (Content-Type application/xml). */
export async function xmlBody(f: File): Promise<Blob> {
  return new Blob([await f.arrayBuffer()], { type: 'application/xml' });
}

export function Werklijst(_: PageProps) {
  const { t } = useI18n();
  const q = useQuery({
    queryKey: werklijstKey,
    queryFn: ({ signal }) => api.get<WerklijstView>('/clientstroom/werklijst', { query: { limiet: 1000 }, signal }),
  });
  return (
    <>
      <PageHeader title={t('clientstroom.titel')} intro={t('clientstroom.intro')} />
      <Io31Upload />
      <Section title={t('clientstroom.werklijst')}>
        <QueryState query={q}>
          {(rows) => (
            <Table<Regel>
              caption={t('clientstroom.werklijst')}
              captionHidden
              rows={rows}
              rowKey={(r) => r.clientId}
              empty={t('clientstroom.werklijst.leeg')}
              filter={(r, s) =>
                `${r.bsn} (${r.geboortejaar}) ${r.regioCode} ${r.zorgprofielCode} ${r.sector}`.toLowerCase().includes(s)
              }
              columns={[
                {
                  key: 'client',
                  header: t('clientstroom.kolom.client'),
                  rowHeader: true,
                  cell: (r) => (
                    <Link to={`/clientstroom/clienten/${r.clientId}`}>{`${r.bsn} (${r.geboortejaar})`}</Link>
                  ),
                  sortValue: (r) => r.bsn,
                },
                {
                  key: 'regio',
                  header: t('clientstroom.kolom.regio'),
                  cell: (r) => r.regioCode,
                  sortValue: (r) => r.regioCode,
                },
                {
                  key: 'profiel',
                  header: t('clientstroom.kolom.profiel'),
                  cell: (r) => `${r.sector} ${r.zorgprofielCode}`,
                },
                { key: 'lv', header: t('clientstroom.kolom.leveringsvorm'), cell: (r) => r.leveringsvorm ?? '—' },
                { key: 'status', header: t('clientstroom.kolom.status'), cell: (r) => r.statusNaam },
                {
                  key: 'dagen',
                  header: t('clientstroom.kolom.wachttijd'),
                  align: 'right',
                  cell: (r) => r.dagenNorm,
                  sortValue: (r) => r.dagenNorm,
                },
                { key: 'norm', header: t('clientstroom.kolom.norm'), align: 'right', cell: (r) => r.norm ?? '—' },
                {
                  key: 'reden',
                  header: t('clientstroom.kolom.reden'),
                  cell: (r) => (
                    <Badge variant={r.overschreden ? 'danger' : 'warning'}>{t(`clientstroom.reden.${r.reden}`)}</Badge>
                  ),
                },
                {
                  key: 'suggesties',
                  header: t('clientstroom.kolom.suggesties'),
                  cell: (r) => r.suggesties.map((s) => `${s.organisatieNaam} (${s.vrij})`).join('; ') || '—',
                },
              ]}
            />
          )}
        </QueryState>
      </Section>
    </>
  );
}

function Io31Upload() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [bestand, setBestand] = useState<File | null>(null);
  const m = useMutation({
    mutationFn: async (f: File) =>
      api.post<{ opgeslagen: number; alOntvangen: number; geweigerd: number }>(
        '/clientstroom/indicaties/io31',
        await xmlBody(f),
      ),
    onSuccess: () => verversNaWijziging(qc, ['clientstroom']),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (bestand) m.mutate(bestand);
  };
  return (
    <Section title={t('clientstroom.io31.titel')}>
      <form onSubmit={submit}>
        <FileInput label={t('clientstroom.io31.bestand')} accept=".xml,application/xml,text/xml" onFile={setBestand} />
        <Button type="submit" variant="primary" bezig={m.isPending} disabled={!bestand}>
          {t('clientstroom.io31.knop')}
        </Button>
      </form>
      <ProblemAlert error={m.error} />
      {m.data && (
        <Alert variant="success">
          {t('clientstroom.io31.resultaat', {
            opgeslagen: m.data.opgeslagen,
            al: m.data.alOntvangen,
            geweigerd: m.data.geweigerd,
          })}
        </Alert>
      )}
    </Section>
  );
}
