import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import type { PageProps } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Countdown,
  DetailList,
  EmptyState,
  FileInput,
  PageHeader,
  ProblemAlert,
  QueryState,
  Section,
  Select,
  TextArea,
  TextInput,
} from '../../ui/index.ts';
import type { Inschrijving, InschrijvingEis } from './types.ts';
import { BestValueVoorstel } from '../bestvalue/BestValueVoorstel.tsx';
import './messages.ts';

const ACCEPT = '.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp';
const sleutel = (id: string) => ['inkoop', 'inschrijving', id];

export function InschrijvingPagina({ params }: PageProps) {
  const { t } = useI18n();
  const q = useQuery({
    queryKey: sleutel(params.id),
    queryFn: () => api.get<Inschrijving>(`/inkoop/inschrijvingen/${params.id}`),
  });
  return (
    <QueryState query={q} notFound={<EmptyState title={t('inkoop.inschrijving.titel')} />}>
      {(i) => <Inhoud i={i} />}
    </QueryState>
  );
}

function Inhoud({ i }: { i: Inschrijving }) {
  const { t } = useI18n();
  const { gebruiker } = useSession();
  const qc = useQueryClient();
  const eigen = gebruiker?.organisatieSoort === 'zorgaanbieder';
  const inval = () => qc.invalidateQueries({ queryKey: ['inkoop'] });
  const actie = useMutation({
    mutationFn: (a: 'indienen' | 'intrekken' | 'heropenen') => api.post(`/inkoop/inschrijvingen/${i.id}/${a}`),
    onSuccess: inval,
  });
  const kan = eigen && (i.wijzigbaar || (i.status !== 'concept' && i.voorDeadline));
  return (
    <>
      <PageHeader
        title={`${t('inkoop.inschrijving.titel')}: ${i.kaderTitel}`}
        kruimels={[
          { label: t('inkoop.lijst.titel'), to: '/inkoop/kaders' },
          { label: i.kaderTitel, to: `/inkoop/kaders/${i.kaderId}` },
          { label: i.organisatieNaam },
        ]}
      >
        <DetailList
          items={[
            [
              t('inkoop.inschrijving.status'),
              <Badge
                key="s"
                variant={i.status === 'ingediend' ? 'success' : i.status === 'ingetrokken' ? 'warning' : 'neutral'}
              >
                {t(`inkoop.status.${i.status}`)}
              </Badge>,
            ],
            [t('inkoop.kader.deadline'), i.deadline ? <Countdown tot={i.deadline} serverNu={i.nu} /> : '—'],
            [t('inkoop.inschrijving.klasse'), i.classificatie.klasseNaam],
          ]}
        />
      </PageHeader>
      {actie.error && <ProblemAlert error={actie.error} />}
      {i.status === 'ingediend' && i.ontvangst && (
        <Section title={t('inkoop.ontvangst.titel')}>
          <DetailList
            items={[
              [t('inkoop.ontvangst.tijd'), i.ontvangst.ingediendOpLokaal],
              [t('inkoop.ontvangst.hash'), <code key="h">{i.ontvangst.hash}</code>],
            ]}
          />
        </Section>
      )}
      {kan && (
        <div className="button-row">
          {i.status === 'concept' && (
            <Button variant="primary" bezig={actie.isPending} onClick={() => actie.mutate('indienen')}>
              {t('inkoop.indienen')}
            </Button>
          )}
          {i.status === 'ingediend' && (
            <Button variant="danger" bezig={actie.isPending} onClick={() => actie.mutate('intrekken')}>
              {t('inkoop.intrekken')}
            </Button>
          )}
          {i.status !== 'concept' && (
            <Button bezig={actie.isPending} onClick={() => actie.mutate('heropenen')}>
              {t('inkoop.heropenen')}
            </Button>
          )}
        </div>
      )}
      {eigen && i.status === 'concept' && i.ontbreekt.length > 0 && (
        <Alert variant="warning" title={t('inkoop.ontbreekt.titel')}>
          <ul>
            {i.ontbreekt.map((f, n) => (
              <li key={n}>{f.wat}</li>
            ))}
          </ul>
        </Alert>
      )}
      {eigen && (i.waarschuwingen ?? []).length > 0 && (
        <Alert variant="warning" title={t('inkoop.waarschuwingen.titel')}>
          <ul>
            {i.waarschuwingen!.map((w, n) => (
              <li key={n}>{w.wat}</li>
            ))}
          </ul>
        </Alert>
      )}
      <Section title={t('inkoop.inschrijving.classificatie')}>
        <DetailList
          items={i.classificatie.regios.map((r) => [
            t('inkoop.inschrijving.reden', { regio: r.regioCode }),
            `${r.klasseNaam}: ${r.reden}`,
          ])}
        />
      </Section>
      <Section title={t('inkoop.inschrijving.eisen')}>
        <ol className="stack">
          {i.eisen.map((e) => (
            <li key={e.code}>
              <EisAntwoord i={i} e={e} bewerkbaar={eigen && i.wijzigbaar} />
            </li>
          ))}
        </ol>
      </Section>
      {i.voorwaarden?.length ? (
        <Section title={t('inkoop.inschrijving.voorwaarden')}>
          <p className="muted">{t('inkoop.inschrijving.voorwaarden.intro')}</p>
          <ul className="voorwaarden">
            {i.voorwaarden.map((v) => (
              <li key={v.code}>
                <strong>{v.code}</strong> {v.tekst} <span className="muted">({v.bron})</span>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      <Section title={t('inkoop.documenten.titel')}>
        {i.documenten.length === 0 ? (
          <p>{t('inkoop.documenten.geen')}</p>
        ) : (
          <ul>
            {i.documenten.map((d) => (
              <li key={d.id}>
                <a href={api.url(`/inkoop/documenten/${d.id}`)}>{d.naam}</a>{' '}
                <span className="muted">
                  ({d.eisCode ?? d.doel}, SHA-256 {d.sha256.slice(0, 12)}…)
                </span>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Zelfanalyse i={i} bewerkbaar={eigen && i.wijzigbaar} />
      <Ontwikkelplan i={i} eigen={eigen} />
      {/* best value kaders only: the component checks procedureType === 'best_value' itself */}
      <BestValueVoorstel inschrijvingId={i.id} kaderId={i.kaderId} />
    </>
  );
}

function EisAntwoord({ i, e, bewerkbaar }: { i: Inschrijving; e: InschrijvingEis; bewerkbaar: boolean }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [waarde, setWaarde] = useState<string>(
    e.antwoord?.waarde === null || e.antwoord?.waarde === undefined ? '' : String(e.antwoord.waarde),
  );
  const [toelichting, setToelichting] = useState(e.antwoord?.toelichting ?? '');
  const [bestand, setBestand] = useState<File | null>(null);
  const [ok, setOk] = useState<string | null>(null);
  const inval = () => qc.invalidateQueries({ queryKey: sleutel(i.id) });
  const opslaan = useMutation({
    mutationFn: () =>
      api.put(`/inkoop/inschrijvingen/${i.id}/antwoorden/${encodeURIComponent(e.code)}`, {
        waarde: waarde === '' ? null : e.soort === 'ja_nee' ? waarde === 'true' : waarde,
        toelichting: toelichting || null,
      }),
    onSuccess: () => {
      setOk(t('inkoop.antwoord.opgeslagen', { code: e.code }));
      inval();
    },
  });
  const upload = useMutation({
    mutationFn: () =>
      api.upload<{ naam: string; sha256: string }>(`/inkoop/inschrijvingen/${i.id}/documenten`, bestand!, {
        eisCode: e.code,
      }),
    onSuccess: (r) => {
      setOk(t('inkoop.document.ok', { naam: r.naam, hash: r.sha256.slice(0, 12) }));
      setBestand(null);
      inval();
    },
  });
  const kop = (
    <p>
      <strong>{e.code}</strong> — {e.tekst}
      {e.verplicht && e.vanToepassingOpMij ? ' *' : ''}
      {!e.vanToepassingOpMij && (
        <>
          {' '}
          <Badge>{t('inkoop.inschrijving.nvtmij')}</Badge>
        </>
      )}
    </p>
  );
  if (!bewerkbaar) {
    return (
      <>
        {kop}
        <p>
          {e.antwoord?.documentNaam ??
            (e.antwoord?.waarde === undefined || e.antwoord?.waarde === null ? '—' : String(e.antwoord.waarde))}
          {e.antwoord?.toelichting ? ` — ${e.antwoord.toelichting}` : ''}
        </p>
      </>
    );
  }
  if (!e.vanToepassingOpMij) return kop;
  return (
    <div className="form">
      {kop}
      {e.bewijs && <p className="muted">{e.bewijs}</p>}
      {ok && <Alert variant="success">{ok}</Alert>}
      {opslaan.error && <ProblemAlert error={opslaan.error} />}
      {upload.error && <ProblemAlert error={upload.error} />}
      {e.soort === 'document' ? (
        <form
          onSubmit={(ev) => {
            ev.preventDefault();
            if (bestand) upload.mutate();
          }}
        >
          {e.antwoord?.documentNaam && <p>{t('inkoop.antwoord.huidig', { naam: e.antwoord.documentNaam })}</p>}
          <FileInput
            id={`doc-${e.code}`}
            label={t('inkoop.antwoord.document', { code: e.code })}
            hint={t('inkoop.document.hint')}
            accept={ACCEPT}
            onFile={setBestand}
          />
          <Button type="submit" disabled={!bestand} bezig={upload.isPending}>
            {t('inkoop.document.upload', { code: e.code })}
          </Button>
        </form>
      ) : (
        <form
          onSubmit={(ev) => {
            ev.preventDefault();
            opslaan.mutate();
          }}
        >
          {e.soort === 'ja_nee' ? (
            <Select
              id={`antw-${e.code}`}
              label={t('inkoop.antwoord.label', { code: e.code })}
              value={waarde}
              onChange={(x) => setWaarde(x.target.value)}
              placeholder={t('inkoop.antwoord.kies')}
              options={[
                { value: 'true', label: t('inkoop.ja') },
                { value: 'false', label: t('inkoop.nee') },
              ]}
            />
          ) : e.soort === 'datum' ? (
            <TextInput
              id={`antw-${e.code}`}
              type="date"
              label={t('inkoop.antwoord.label', { code: e.code })}
              value={waarde}
              onChange={(x) => setWaarde(x.target.value)}
            />
          ) : e.soort === 'getal' ? (
            <TextInput
              id={`antw-${e.code}`}
              inputMode="decimal"
              label={t('inkoop.antwoord.label', { code: e.code })}
              value={waarde}
              onChange={(x) => setWaarde(x.target.value)}
            />
          ) : (
            <TextArea
              id={`antw-${e.code}`}
              label={t('inkoop.antwoord.label', { code: e.code })}
              value={waarde}
              onChange={(x) => setWaarde(x.target.value)}
              rows={3}
            />
          )}
          <TextInput
            id={`toel-${e.code}`}
            label={t('inkoop.antwoord.toelichting', { code: e.code })}
            value={toelichting}
            onChange={(x) => setToelichting(x.target.value)}
          />
          <Button type="submit" bezig={opslaan.isPending}>
            {t('inkoop.antwoord.opslaan', { code: e.code })}
          </Button>
        </form>
      )}
    </div>
  );
}

function Zelfanalyse({ i, bewerkbaar }: { i: Inschrijving; bewerkbaar: boolean }) {
  const { t } = useI18n();
  // the kader's own themes (a kader of another sector than the template's themes gets none: src/inkoop/themas.ts)
  const themas = useQuery({
    queryKey: ['inkoop', 'themas', i.kaderId],
    queryFn: async () => {
      const r = await api.get<{ themas: { code: string; naam: string }[] }>(
        `/inkoop/kaders/${encodeURIComponent(i.kaderId)}/themas`,
      );
      return r.themas.length ? r.themas : [{ code: 'eigen', naam: t('inkoop.zelfanalyse.eigen') }];
    },
    staleTime: 600_000,
  });
  if (!bewerkbaar && i.zelfanalyse.length === 0) return null;
  return (
    <Section title={t('inkoop.zelfanalyse.titel')}>
      {(themas.data ?? []).map((th) => (
        <ZelfanalyseThema key={th.code} i={i} code={th.code} naam={th.naam} bewerkbaar={bewerkbaar} />
      ))}
    </Section>
  );
}

function ZelfanalyseThema({
  i,
  code,
  naam,
  bewerkbaar,
}: {
  i: Inschrijving;
  code: string;
  naam: string;
  bewerkbaar: boolean;
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const cur = i.zelfanalyse.find((z) => z.themaCode === code);
  const [z, setZ] = useState({
    huidigeAanpak: cur?.huidigeAanpak ?? '',
    sterktes: cur?.sterktes ?? '',
    ontwikkelpunten: cur?.ontwikkelpunten ?? '',
    ervaringClient: cur?.ervaringClient ?? '',
    inOntwikkelplan: cur?.inOntwikkelplan ?? false,
  });
  const [ok, setOk] = useState(false);
  const m = useMutation({
    mutationFn: () => api.put(`/inkoop/inschrijvingen/${i.id}/zelfanalyse/${encodeURIComponent(code)}`, z),
    onSuccess: () => {
      setOk(true);
      qc.invalidateQueries({ queryKey: sleutel(i.id) });
    },
  });
  if (!bewerkbaar && !cur) return null;
  return (
    <details open={!!cur}>
      <summary>{t('inkoop.zelfanalyse.thema', { code, naam })}</summary>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          setOk(false);
          m.mutate();
        }}
      >
        {ok && <Alert variant="success">{t('inkoop.za.ok', { code })}</Alert>}
        {m.error && <ProblemAlert error={m.error} />}
        {(['huidigeAanpak', 'sterktes', 'ontwikkelpunten', 'ervaringClient'] as const).map((f) => (
          <TextArea
            key={f}
            id={`za-${code}-${f}`}
            label={t(`inkoop.za.${f}`, { code })}
            value={z[f]}
            readOnly={!bewerkbaar}
            rows={2}
            onChange={(e) => setZ({ ...z, [f]: e.target.value })}
          />
        ))}
        <Checkbox
          id={`za-${code}-op`}
          label={t('inkoop.za.inOntwikkelplan', { code })}
          checked={z.inOntwikkelplan}
          disabled={!bewerkbaar}
          onChange={(e) => setZ({ ...z, inOntwikkelplan: e.target.checked })}
        />
        {bewerkbaar && (
          <Button type="submit" bezig={m.isPending}>
            {t('inkoop.za.opslaan', { code })}
          </Button>
        )}
      </form>
    </details>
  );
}

const OP_VELDEN = [
  'doelstelling',
  'planVanAanpak',
  'planning',
  'investering',
  'risicos',
  'resultaten',
  'bewijslast',
] as const;

function Ontwikkelplan({ i, eigen }: { i: Inschrijving; eigen: boolean }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const cur: Partial<NonNullable<Inschrijving['ontwikkelplan']>> = i.ontwikkelplan ?? {};
  const [p, setP] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      [...OP_VELDEN, 'clientenraadBetrokkenheid' as const].map((f) => [f, (cur[f] as string | null | undefined) ?? '']),
    ),
  );
  const [bestand, setBestand] = useState<File | null>(null);
  const [ok, setOk] = useState<string | null>(null);
  const inval = () => qc.invalidateQueries({ queryKey: sleutel(i.id) });
  const bewerkbaar = eigen && i.ontwikkelplanBewerkbaar;
  const opslaan = useMutation({
    mutationFn: async () => {
      let clientenraadDocumentId: string | undefined;
      if (bestand)
        clientenraadDocumentId = (
          await api.upload<{ id: string }>(`/inkoop/inschrijvingen/${i.id}/documenten`, bestand, {
            doel: 'clientenraad',
          })
        ).id;
      await api.put(`/inkoop/inschrijvingen/${i.id}/ontwikkelplan`, {
        ...Object.fromEntries(Object.entries(p).map(([k, v]) => [k, v || null])),
        ...(clientenraadDocumentId ? { clientenraadDocumentId } : {}),
      });
    },
    onSuccess: () => {
      setOk(t('inkoop.op.ok'));
      setBestand(null);
      inval();
    },
  });
  const maakDefinitief = useMutation({
    mutationFn: () => api.post(`/inkoop/inschrijvingen/${i.id}/ontwikkelplan/definitief`),
    onSuccess: inval,
  });
  if (!bewerkbaar && !i.ontwikkelplan) return null;
  return (
    <Section title={t('inkoop.ontwikkelplan.titel')}>
      {i.ontwikkelplan && <p>{t('inkoop.ontwikkelplan.status', { status: i.ontwikkelplan.status })}</p>}
      {cur.status === 'voorstel' && cur.teruggestuurdReden && (
        <Alert variant="warning">{t('inkoop.ontwikkelplan.teruggestuurd', { reden: cur.teruggestuurdReden })}</Alert>
      )}
      {cur.status === 'definitief' && <Alert>{t('inkoop.ontwikkelplan.wacht')}</Alert>}
      {cur.status === 'akkoord' && <Alert variant="success">{t('inkoop.ontwikkelplan.akkoord')}</Alert>}
      {ok && <Alert variant="success">{ok}</Alert>}
      {opslaan.error && <ProblemAlert error={opslaan.error} />}
      {maakDefinitief.error && <ProblemAlert error={maakDefinitief.error} />}
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          setOk(null);
          opslaan.mutate();
        }}
      >
        {OP_VELDEN.map((f) =>
          f === 'investering' ? (
            <TextInput
              key={f}
              id={`op-${f}`}
              inputMode="decimal"
              label={t(`inkoop.op.${f}`)}
              value={p[f]}
              readOnly={!bewerkbaar}
              onChange={(e) => setP({ ...p, [f]: e.target.value })}
            />
          ) : (
            <TextArea
              key={f}
              id={`op-${f}`}
              label={t(`inkoop.op.${f}`)}
              value={p[f]}
              readOnly={!bewerkbaar}
              rows={2}
              onChange={(e) => setP({ ...p, [f]: e.target.value })}
            />
          ),
        )}
        <TextArea
          id="op-clientenraad"
          label={t('inkoop.op.clientenraad')}
          value={p.clientenraadBetrokkenheid}
          readOnly={!bewerkbaar}
          rows={2}
          onChange={(e) => setP({ ...p, clientenraadBetrokkenheid: e.target.value })}
        />
        {bewerkbaar && (
          <FileInput
            id="op-clientenraad-doc"
            label={t('inkoop.op.clientenraad.document')}
            hint={t('inkoop.document.hint')}
            accept={ACCEPT}
            onFile={setBestand}
          />
        )}
        {bewerkbaar && (
          <div className="button-row">
            <Button type="submit" bezig={opslaan.isPending}>
              {t('inkoop.op.opslaan')}
            </Button>
            {!i.voorDeadline && (
              <Button variant="primary" bezig={maakDefinitief.isPending} onClick={() => maakDefinitief.mutate()}>
                {t('inkoop.op.definitief')}
              </Button>
            )}
          </div>
        )}
      </form>
    </Section>
  );
}
