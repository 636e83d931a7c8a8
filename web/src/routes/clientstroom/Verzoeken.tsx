import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { Link, type PageProps } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  DetailList,
  PageHeader,
  ProblemAlert,
  QueryState,
  Section,
  Table,
  TextArea,
} from '../../ui/index.ts';
import type { VerzoekViewT } from '../../../../src/clientstroom/schemas.ts';
import { verversNaWijziging } from '../../app/verversen.ts';
import { MptVelden, ToetsingVelden, mptVelden } from './ToewijzingVelden.tsx';
import './messages.ts';

const verzoekenKey = ['clientstroom', 'verzoeken'];

/**
 * Requests of providers for a (new or changed) toewijzing, from AW39 messages. The zorgbemiddelaar
 * grants (toewijzing + AW33) or refuses (with a reason); a provider sees the status of its own.
 */
export function Verzoeken(_: PageProps) {
  const { t } = useI18n();
  const { rollen } = useSession();
  const bemiddelaar = rollen.includes('zorgbemiddelaar');
  const [gekozen, setGekozen] = useState<string | null>(null);
  const q = useQuery({
    queryKey: verzoekenKey,
    queryFn: ({ signal }) => api.get<VerzoekViewT[]>('/clientstroom/verzoeken', { signal }),
  });
  return (
    <>
      <PageHeader
        title={t('clientstroom.verzoeken.titel')}
        intro={t(bemiddelaar ? 'clientstroom.verzoeken.intro' : 'clientstroom.verzoeken.introAanbieder')}
      />
      <Section title={t('clientstroom.verzoeken.lijst')}>
        <QueryState query={q}>
          {(rows) => (
            <>
              <Table<VerzoekViewT>
                caption={t('clientstroom.verzoeken.lijst')}
                captionHidden
                rows={rows}
                rowKey={(v) => v.id}
                empty={t('clientstroom.verzoeken.leeg')}
                filter={(v, s) =>
                  `${v.client} ${v.organisatieNaam} ${v.leveringsvorm} ${v.status}`.toLowerCase().includes(s)
                }
                columns={[
                  {
                    key: 'client',
                    header: t('clientstroom.kolom.client'),
                    rowHeader: true,
                    cell: (v) => <Link to={`/clientstroom/clienten/${v.clientId}`}>{v.client}</Link>,
                  },
                  { key: 'aanbieder', header: t('clientstroom.kolom.aanbieder'), cell: (v) => v.organisatieNaam },
                  {
                    key: 'gevraagd',
                    header: t('clientstroom.verzoeken.gevraagd'),
                    cell: (v) =>
                      `${t(`clientstroom.soort.${v.soort}`)}, ${v.leveringsvorm}, ${v.zorgprofielCode}${v.klasse ? ` ${v.klasse}` : ''}`,
                  },
                  {
                    key: 'periode',
                    header: t('clientstroom.verzoeken.periode'),
                    cell: (v) => `${v.ingangsdatum} – ${v.einddatum ?? '…'}`,
                  },
                  {
                    key: 'status',
                    header: t('clientstroom.kolom.status'),
                    cell: (v) => (
                      <Badge
                        variant={v.status === 'open' ? 'warning' : v.status === 'toegekend' ? 'success' : 'neutral'}
                      >
                        {t(`clientstroom.verzoek.status.${v.status}`)}
                      </Badge>
                    ),
                  },
                  { key: 'reden', header: t('clientstroom.kolom.reden'), cell: (v) => v.reden ?? '—' },
                  ...(bemiddelaar
                    ? [
                        {
                          key: 'actie',
                          header: t('clientstroom.verzoeken.actie'),
                          cell: (v: VerzoekViewT) =>
                            v.status === 'open' ? (
                              <Button onClick={() => setGekozen(v.id)}>{t('clientstroom.verzoeken.beslis')}</Button>
                            ) : (
                              '—'
                            ),
                        },
                      ]
                    : []),
                ]}
              />
              {bemiddelaar && gekozen && rows.some((v) => v.id === gekozen) && (
                <Besluit key={gekozen} v={rows.find((v) => v.id === gekozen)!} />
              )}
            </>
          )}
        </QueryState>
      </Section>
    </>
  );
}

function Besluit({ v }: { v: VerzoekViewT }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [reden, setReden] = useState('');
  const [functie, setFunctie] = useState('31');
  const [klasse, setKlasse] = useState(v.klasse ?? '');
  const [eigenToetsing, setEigenToetsing] = useState(false);
  const [verantwoord, setVerantwoord] = useState(v.verantwoord ?? false);
  const [doelmatig, setDoelmatig] = useState(v.doelmatig ?? false);
  const thuis = v.leveringsvorm === 'vpt' || v.leveringsvorm === 'mpt';
  const klaar = () => void verversNaWijziging(qc, ['clientstroom']);
  const toekennen = useMutation({
    mutationFn: () =>
      api.post(`/clientstroom/verzoeken/${v.id}/toekennen`, {
        ...(thuis && eigenToetsing ? { toetsing: { verantwoord, doelmatig } } : {}),
        ...(v.leveringsvorm === 'mpt' ? mptVelden(functie, klasse) : {}),
      }),
    onSuccess: klaar,
  });
  const weigeren = useMutation({
    mutationFn: () => api.post(`/clientstroom/verzoeken/${v.id}/weigeren`, { reden }),
    onSuccess: klaar,
  });
  const geefToe = (e: FormEvent) => {
    e.preventDefault();
    toekennen.mutate();
  };
  const weiger = (e: FormEvent) => {
    e.preventDefault();
    weigeren.mutate();
  };
  const ja = (b: boolean | null) => (b === null ? '—' : t(b ? 'clientstroom.ja' : 'clientstroom.nee'));
  return (
    <Section title={t('clientstroom.verzoek.besluit')}>
      <DetailList
        items={[
          [t('clientstroom.kolom.client'), v.client],
          [t('clientstroom.verzoek.bericht'), `AW39 ${v.berichtIdentificatie}`],
          [t('clientstroom.verzoek.instelling'), v.instellingAgb],
          [t('clientstroom.verzoek.aanbiederVerantwoord'), ja(v.verantwoord)],
          [t('clientstroom.verzoek.aanbiederDoelmatig'), ja(v.doelmatig)],
        ]}
      />
      {v.status === 'open' && (
        <form onSubmit={geefToe}>
          {v.leveringsvorm === 'mpt' && (
            <MptVelden functie={functie} setFunctie={setFunctie} klasse={klasse} setKlasse={setKlasse} />
          )}
          {thuis && (
            <>
              <Checkbox
                label={t('clientstroom.verzoek.eigenToetsing')}
                checked={eigenToetsing}
                onChange={(e) => setEigenToetsing(e.target.checked)}
              />
              {eigenToetsing && (
                <ToetsingVelden
                  verantwoord={verantwoord}
                  setVerantwoord={setVerantwoord}
                  doelmatig={doelmatig}
                  setDoelmatig={setDoelmatig}
                />
              )}
            </>
          )}
          <Button type="submit" variant="primary" bezig={toekennen.isPending}>
            {t('clientstroom.verzoek.toekennen')}
          </Button>
        </form>
      )}
      <ProblemAlert error={toekennen.error} />
      {toekennen.isSuccess && <Alert variant="success">{t('clientstroom.verzoek.toegekend')}</Alert>}
      {v.status === 'open' && (
        <form onSubmit={weiger}>
          <TextArea
            label={t('clientstroom.verzoek.reden')}
            required
            value={reden}
            onChange={(e) => setReden(e.target.value)}
          />
          <Button type="submit" bezig={weigeren.isPending}>
            {t('clientstroom.verzoek.weigeren')}
          </Button>
        </form>
      )}
      <ProblemAlert error={weigeren.error} />
      {weigeren.isSuccess && <Alert variant="success">{t('clientstroom.verzoek.geweigerd')}</Alert>}
    </Section>
  );
}
