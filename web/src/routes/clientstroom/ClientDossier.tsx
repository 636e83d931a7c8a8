import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import type { PageProps } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import {
  Alert,
  Button,
  DetailList,
  PageHeader,
  ProblemAlert,
  QueryState,
  Section,
  Select,
  Table,
  TextArea,
  TextInput,
} from '../../ui/index.ts';
import type { ClientDetailView, ToewijzingViewT, WerklijstView } from '../../../../src/clientstroom/schemas.ts';
import { werklijstKey } from './Werklijst.tsx';
import { verversNaWijziging } from '../../app/verversen.ts';
import { MptVelden, ToetsingVelden, mptVelden } from './ToewijzingVelden.tsx';
import './messages.ts';

export function ClientDossier({ params }: PageProps) {
  const { t } = useI18n();
  const { rollen } = useSession();
  const bemiddelaar = rollen.includes('zorgbemiddelaar');
  const key = ['clientstroom', 'client', params.id];
  const q = useQuery({
    queryKey: key,
    queryFn: () => api.get<ClientDetailView>(`/clientstroom/clienten/${params.id}`),
  });
  return (
    <QueryState query={q}>
      {(c) => (
        <>
          <PageHeader title={`${t('clientstroom.client.titel')} ${c.naam ?? ''}`} />
          <Section title={t('clientstroom.client.titel')}>
            <DetailList
              items={[
                [t('clientstroom.client.bsn'), c.bsn],
                [t('clientstroom.client.naam'), c.naam],
                [t('clientstroom.client.geboortedatum'), c.geboortedatum ?? String(c.geboortejaar)],
                [t('clientstroom.client.regio'), c.regioCode],
              ]}
            />
          </Section>
          <Section title={t('clientstroom.indicaties')}>
            <Table
              caption={t('clientstroom.indicaties')}
              captionHidden
              rows={c.indicaties}
              rowKey={(i) => i.id}
              columns={[
                { key: 'besluit', header: '#', cell: (i) => i.besluitnummer ?? '—', rowHeader: true },
                {
                  key: 'profiel',
                  header: t('clientstroom.kolom.profiel'),
                  cell: (i) => `${i.sector} ${i.zorgprofielCode}`,
                },
                { key: 'ingang', header: t('clientstroom.kolom.ingang'), cell: (i) => i.ingangsdatum },
                { key: 'lv', header: t('clientstroom.kolom.leveringsvorm'), cell: (i) => i.leveringsvorm ?? '—' },
                { key: 'voorkeur', header: t('clientstroom.kolom.voorkeur'), cell: (i) => i.voorkeurAgb ?? '—' },
              ]}
            />
          </Section>
          <Section title={t('clientstroom.toewijzingen')}>
            <Table<ToewijzingViewT>
              caption={t('clientstroom.toewijzingen')}
              captionHidden
              rows={c.toewijzingen}
              rowKey={(x) => x.id}
              empty={t('clientstroom.geen')}
              columns={[
                {
                  key: 'aanbieder',
                  header: t('clientstroom.kolom.aanbieder'),
                  cell: (x) => x.organisatieNaam ?? 'pgb',
                  rowHeader: true,
                },
                {
                  key: 'soort',
                  header: t('clientstroom.kolom.soort'),
                  cell: (x) => t(`clientstroom.soort.${x.soort}`),
                },
                {
                  key: 'lv',
                  header: t('clientstroom.kolom.leveringsvorm'),
                  cell: (x) =>
                    x.functieCode ? `${x.leveringsvorm} ${x.functieCode} (${x.functieKlasse})` : x.leveringsvorm,
                },
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
          </Section>
          <Section title={t('clientstroom.statussen')}>
            <Table
              caption={t('clientstroom.statussen')}
              captionHidden
              rows={c.statussen}
              rowKey={(s) => `${s.vanaf}-${s.status}-${s.bron}`}
              empty={t('clientstroom.geen')}
              columns={[
                { key: 'vanaf', header: t('clientstroom.kolom.vanaf'), cell: (s) => s.vanaf, rowHeader: true },
                {
                  key: 'status',
                  header: t('clientstroom.kolom.status'),
                  cell: (s) => `${s.statusNaam}${s.classificatie ? ` (${s.classificatie})` : ''}`,
                },
                { key: 'bron', header: t('clientstroom.kolom.bron'), cell: (s) => s.bron.toUpperCase() },
              ]}
            />
          </Section>
          {bemiddelaar && c.indicaties[0] && (
            <Toewijzen clientId={c.id} indicatieId={c.indicaties[0].id} onKlaar={() => void q.refetch()} />
          )}
          {bemiddelaar && <Notities clientId={c.id} notities={c.notities} />}
        </>
      )}
    </QueryState>
  );
}

function Toewijzen({ clientId, indicatieId, onKlaar }: { clientId: string; indicatieId: string; onKlaar: () => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const werk = useQuery({
    queryKey: werklijstKey,
    queryFn: () => api.get<WerklijstView>('/clientstroom/werklijst', { query: { limiet: 1000 } }),
  });
  const suggesties = werk.data?.find((r) => r.clientId === clientId)?.suggesties ?? [];
  const [organisatieId, setOrganisatieId] = useState('');
  const [soort, setSoort] = useState('1');
  const [lv, setLv] = useState('verblijf');
  const [ingang, setIngang] = useState('');
  const [verantwoord, setVerantwoord] = useState(false);
  const [doelmatig, setDoelmatig] = useState(false);
  const [functie, setFunctie] = useState('31');
  const [klasse, setKlasse] = useState('');
  const m = useMutation({
    mutationFn: () =>
      api.post<ToewijzingViewT>('/clientstroom/toewijzingen', {
        indicatieId,
        organisatieId: lv === 'pgb' ? null : organisatieId,
        soort,
        leveringsvorm: lv,
        ...(ingang ? { ingangsdatum: ingang } : {}),
        ...(lv === 'vpt' || lv === 'mpt' ? { toetsing: { verantwoord, doelmatig } } : {}),
        ...(lv === 'mpt' ? mptVelden(functie, klasse) : {}),
      }),
    onSuccess: () => {
      void verversNaWijziging(qc, ['clientstroom']);
      onKlaar();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    m.mutate();
  };
  return (
    <Section title={t('clientstroom.toewijzen.titel')}>
      <form onSubmit={submit}>
        <Select
          label={t('clientstroom.toewijzen.aanbieder')}
          value={organisatieId}
          onChange={(e) => setOrganisatieId(e.target.value)}
          placeholder="—"
          options={suggesties.map((s) => ({ value: s.organisatieId, label: `${s.organisatieNaam} — ${s.reden}` }))}
        />
        <TextInput
          label={`${t('clientstroom.toewijzen.aanbieder')} (id)`}
          value={organisatieId}
          onChange={(e) => setOrganisatieId(e.target.value)}
        />
        <Select
          label={t('clientstroom.toewijzen.soort')}
          value={soort}
          onChange={(e) => setSoort(e.target.value)}
          options={['1', '3', '5'].map((s) => ({ value: s, label: t(`clientstroom.soort.${s}`) }))}
        />
        <Select
          label={t('clientstroom.toewijzen.leveringsvorm')}
          value={lv}
          onChange={(e) => setLv(e.target.value)}
          options={['verblijf', 'vpt', 'mpt', 'pgb', 'dtv'].map((x) => ({ value: x, label: x }))}
        />
        <TextInput
          label={t('clientstroom.toewijzen.ingang')}
          type="date"
          value={ingang}
          onChange={(e) => setIngang(e.target.value)}
        />
        {lv === 'mpt' && <MptVelden functie={functie} setFunctie={setFunctie} klasse={klasse} setKlasse={setKlasse} />}
        {(lv === 'vpt' || lv === 'mpt') && (
          <ToetsingVelden
            verantwoord={verantwoord}
            setVerantwoord={setVerantwoord}
            doelmatig={doelmatig}
            setDoelmatig={setDoelmatig}
          />
        )}
        <Button type="submit" variant="primary" bezig={m.isPending}>
          {t('clientstroom.toewijzen.knop')}
        </Button>
      </form>
      <ProblemAlert error={m.error} />
      {m.data && <Alert variant="success">{t('clientstroom.toewijzen.klaar')}</Alert>}
    </Section>
  );
}

function Notities({ clientId, notities }: { clientId: string; notities: ClientDetailView['notities'] }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [tekst, setTekst] = useState('');
  const m = useMutation({
    mutationFn: () => api.post(`/clientstroom/clienten/${clientId}/notities`, { tekst }),
    onSuccess: () => {
      setTekst('');
      void verversNaWijziging(qc, ['clientstroom', 'client', clientId]);
    },
  });
  return (
    <Section title={t('clientstroom.notities')}>
      <ul>
        {notities.map((n) => (
          <NotitieRegel key={n.id} clientId={clientId} n={n} />
        ))}
      </ul>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (tekst.trim()) m.mutate();
        }}
      >
        <TextArea label={t('clientstroom.notitie.nieuw')} value={tekst} onChange={(e) => setTekst(e.target.value)} />
        <Button type="submit" bezig={m.isPending}>
          {t('clientstroom.notitie.knop')}
        </Button>
      </form>
      <ProblemAlert error={m.error} />
    </Section>
  );
}

function NotitieRegel({ clientId, n }: { clientId: string; n: ClientDetailView['notities'][number] }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [bewerk, setBewerk] = useState<string | null>(null);
  const m = useMutation({
    mutationFn: (tekst: string) => api.put(`/clientstroom/clienten/${clientId}/notities/${n.id}`, { tekst }),
    onSuccess: () => {
      setBewerk(null);
      void verversNaWijziging(qc, ['clientstroom', 'client', clientId]);
    },
  });
  return (
    <li>
      {n.op.slice(0, 10)} — {n.door}: {n.tekst}
      {n.gewijzigdOp && ` (${t('clientstroom.notitie.gewijzigd', { op: n.gewijzigdOp.slice(0, 10) })})`}
      {n.eerdere.length > 0 && (
        <details>
          <summary>{t('clientstroom.notitie.eerdere', { n: n.eerdere.length })}</summary>
          <ul>
            {n.eerdere.map((v, i) => (
              <li key={i}>
                {t('clientstroom.notitie.tot', { op: v.tot.slice(0, 10) })}: {v.tekst}
              </li>
            ))}
          </ul>
        </details>
      )}
      {n.eigen && bewerk === null && (
        <Button onClick={() => setBewerk(n.tekst)}>{t('clientstroom.notitie.wijzig')}</Button>
      )}
      {bewerk !== null && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (bewerk.trim()) m.mutate(bewerk);
          }}
        >
          <TextArea
            label={t('clientstroom.notitie.nieuweTekst')}
            value={bewerk}
            onChange={(e) => setBewerk(e.target.value)}
          />
          <Button type="submit" variant="primary" bezig={m.isPending}>
            {t('clientstroom.notitie.opslaan')}
          </Button>
          <Button onClick={() => setBewerk(null)}>{t('clientstroom.notitie.annuleer')}</Button>
        </form>
      )}
      <ProblemAlert error={m.error} />
    </li>
  );
}
