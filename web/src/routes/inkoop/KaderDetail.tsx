import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isNotFound } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { faseNaam, procedureNaam, termijnNaam } from '../../app/namen.ts';
import { Link, useNavigate, type PageProps } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Countdown,
  DetailList,
  EmptyState,
  formatTijdstip,
  PageHeader,
  ProblemAlert,
  QueryState,
  Section,
  Select,
  Table,
  TextArea,
  TextInput,
  type Column,
} from '../../ui/index.ts';
import type { Eis, Kader, NvI, Vraag } from './types.ts';
import { RegionaleParagraaf } from './RegionaleParagraaf.tsx';
import './messages.ts';

const FASEN = [
  'publicatie',
  'vragen',
  'nvi',
  'inschrijving',
  'dialoog',
  'voorlopige_gunning',
  'bezwaar',
  'definitieve_gunning',
  'toelating',
];
const GROEPEN = [
  'pve',
  'bestuursverklaring',
  'geschiktheidseis',
  'uitsluitingsgrond',
  'gunningscriterium_knockout',
  'gunningscriterium_gewogen',
  'zelfanalyse',
  'ontwikkelplan',
  'gunningsvoorwaarde',
  'tweejarige_voorwaarde',
];
const SOORTEN = ['ja_nee', 'document', 'datum', 'getal', 'oordeel', 'tekst'];
const KLASSEN = ['alle', 'bestaand', 'nieuw', 'geheel_nieuw', 'nieuw_in_regio', 'nieuw_zzp_vpt'];

export function KaderDetail({ params }: PageProps) {
  const { t } = useI18n();
  const id = params.id;
  const q = useQuery({ queryKey: ['inkoop', 'kader', id], queryFn: () => api.get<Kader>(`/inkoop/kaders/${id}`) });
  return (
    <QueryState query={q} notFound={<EmptyState title={t('inkoop.kader.kader')} />}>
      {(k) => (
        <>
          <PageHeader
            title={k.titel}
            kruimels={[{ label: t('inkoop.lijst.titel'), to: '/inkoop/kaders' }, { label: k.titel }]}
            intro={k.omschrijving ?? undefined}
          >
            <DetailList
              items={[
                [t('inkoop.kolom.procedure'), procedureNaam(t, k.procedureType)],
                [t('inkoop.kolom.fase'), <Badge key="f">{faseNaam(t, k.fase)}</Badge>],
                [
                  t('inkoop.kolom.sector'),
                  `${k.sector} · ${k.jaarVan}${k.jaarTot !== k.jaarVan ? `–${k.jaarTot}` : ''}`,
                ],
                [t('inkoop.kolom.regios'), k.regioCodes.join(', ')],
                [
                  t('inkoop.kader.versie', { v: k.versie }),
                  k.gepubliceerdeVersie ? t('inkoop.kader.gepubliceerd', { v: k.gepubliceerdeVersie }) : '—',
                ],
                [
                  t('inkoop.kader.deadline'),
                  k.status.deadline ? (
                    <>
                      {k.status.deadlineLokaal?.slice(0, 16).replace('T', ' ')} ·{' '}
                      <Countdown tot={k.status.deadline} serverNu={k.status.nu} />
                    </>
                  ) : (
                    t('inkoop.kader.geen.deadline')
                  ),
                ],
              ]}
            />
          </PageHeader>
          {k.eigenaar ? <Eigenaar k={k} /> : <Aanbieder k={k} />}
        </>
      )}
    </QueryState>
  );
}

// ─────────────────────────── purchaser ───────────────────────────

function useInvalidate(id: string) {
  const qc = useQueryClient();
  return () => {
    qc.invalidateQueries({ queryKey: ['inkoop'] });
    void id;
  };
}

function Eigenaar({ k }: { k: Kader }) {
  const { t } = useI18n();
  const inval = useInvalidate(k.id);
  const [melding, setMelding] = useState<string | null>(null);
  const [wijzigingen, setWijzigingen] = useState('');
  const publiceer = useMutation({
    mutationFn: () =>
      api.post<{ versie: number }>(`/inkoop/kaders/${k.id}/publiceren`, { wijzigingen: wijzigingen || undefined }),
    onSuccess: (r) => {
      setMelding(t('inkoop.kader.gepubliceerd.ok', { v: r.versie }));
      inval();
    },
  });
  const overgang = useMutation({
    mutationFn: (actie: string) => api.post<{ naar: string }>(`/inkoop/kaders/${k.id}/overgangen`, { actie }),
    onSuccess: (r) => {
      setMelding(t('inkoop.kader.overgang.ok', { fase: r.naar }));
      inval();
    },
  });
  const acties = k.status.toegestaneActies.filter((a) => a !== 'publiceren' && a !== 'nvi_publiceren');
  return (
    <>
      {melding && <Alert variant="success">{melding}</Alert>}
      <Section title={t('inkoop.kader.overgangen')}>
        {/* classification list and dialogue minutes (web/src/routes/dialoog) */}
        <p>
          <Link to={`/inkoop/kaders/${k.id}/classificaties`}>{t('dialoog.classificaties.link')}</Link>
        </p>
        {k.ongepubliceerdeWijzigingen && k.gepubliceerdeVersie && (
          <Alert variant="warning">{t('inkoop.kader.ongepubliceerd')}</Alert>
        )}
        {publiceer.error && <ProblemAlert error={publiceer.error} />}
        {overgang.error && <ProblemAlert error={overgang.error} />}
        {(k.fase === 'concept' || k.ongepubliceerdeWijzigingen) && (
          <div className="form form-narrow">
            {k.gepubliceerdeVersie && (
              <TextInput
                id="publiceer-wijzigingen"
                label={t('inkoop.kader.wijzigingen')}
                value={wijzigingen}
                onChange={(e) => setWijzigingen(e.target.value)}
              />
            )}
            <Button variant="primary" bezig={publiceer.isPending} onClick={() => publiceer.mutate()}>
              {t('inkoop.kader.publiceren')}
            </Button>
          </div>
        )}
        <div className="button-row">
          {acties.map((a) => (
            <Button key={a} bezig={overgang.isPending && overgang.variables === a} onClick={() => overgang.mutate(a)}>
              {t('inkoop.kader.overgang', { actie: a })}
            </Button>
          ))}
        </div>
      </Section>
      <TermijnenEditor k={k} />
      <EisenEditor k={k} />
      <RegionaleParagraaf k={k} />
      <Keuzes k={k} />
      {k.fase !== 'concept' && <VragenBeheer k={k} />}
    </>
  );
}

/** "2015-07-31T17:00:00+02:00" → "2015-07-31T17:00" for <input type="datetime-local"> (Amsterdam wall clock). */
const lokaal = (s: string | null) => (s ? s.slice(0, 16) : '');

function TermijnenEditor({ k }: { k: Kader }) {
  const { t } = useI18n();
  const inval = useInvalidate(k.id);
  const [rijen, setRijen] = useState(() =>
    FASEN.map((f) => {
      const x = k.termijnen.find((y) => y.fase === f);
      return { fase: f, begint: lokaal(x?.begintLokaal ?? null), eindigt: lokaal(x?.eindigtLokaal ?? null) };
    }),
  );
  const [ok, setOk] = useState(false);
  const m = useMutation({
    mutationFn: () =>
      api.put(`/inkoop/kaders/${k.id}/termijnen`, {
        termijnen: rijen
          .filter((r) => r.begint || r.eindigt)
          .map((r) => ({ fase: r.fase, begint: r.begint || null, eindigt: r.eindigt || null })),
      }),
    onSuccess: () => {
      setOk(true);
      inval();
    },
  });
  const zet = (i: number, veld: 'begint' | 'eindigt', v: string) => {
    setOk(false);
    setRijen(rijen.map((r, j) => (j === i ? { ...r, [veld]: v } : r)));
  };
  return (
    <Section title={t('inkoop.termijnen.titel')}>
      {ok && <Alert variant="success">{t('inkoop.termijnen.ok')}</Alert>}
      {m.error && <ProblemAlert error={m.error} />}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          m.mutate();
        }}
      >
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('inkoop.termijnen.fase')}</th>
              <th scope="col">{t('inkoop.termijnen.begint', { fase: '' })}</th>
              <th scope="col">{t('inkoop.termijnen.eindigt', { fase: '' })}</th>
            </tr>
          </thead>
          <tbody>
            {rijen.map((r, i) => (
              <tr key={r.fase}>
                <th scope="row">{termijnNaam(t, r.fase)}</th>
                <td>
                  <input
                    className="input"
                    type="datetime-local"
                    aria-label={t('inkoop.termijnen.begint', { fase: r.fase })}
                    value={r.begint}
                    onChange={(e) => zet(i, 'begint', e.target.value)}
                  />
                </td>
                <td>
                  <input
                    className="input"
                    type="datetime-local"
                    aria-label={t('inkoop.termijnen.eindigt', { fase: r.fase })}
                    value={r.eindigt}
                    onChange={(e) => zet(i, 'eindigt', e.target.value)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <Button type="submit" bezig={m.isPending}>
          {t('inkoop.termijnen.opslaan')}
        </Button>
      </form>
    </Section>
  );
}

function EisenEditor({ k }: { k: Kader }) {
  const { t } = useI18n();
  const inval = useInvalidate(k.id);
  const weg = useMutation({
    mutationFn: (code: string) => api.del(`/inkoop/kaders/${k.id}/eisen/${encodeURIComponent(code)}`),
    onSuccess: inval,
  });
  const columns: Column<Eis>[] = [
    { key: 'code', header: t('inkoop.eis.code'), sortValue: (e) => e.volgorde },
    { key: 'groep', header: t('inkoop.eis.groep'), sortValue: (e) => e.groep },
    {
      key: 'tekst',
      header: t('inkoop.eis.tekst'),
      rowHeader: true,
      cell: (e) => (
        <>
          {e.tekst}
          {e.bewijs && <div className="muted">{e.bewijs}</div>}
        </>
      ),
    },
    { key: 'soort', header: t('inkoop.eis.soort') },
    { key: 'voor', header: t('inkoop.eis.voor'), cell: (e) => e.vanToepassing.join(', ') },
    {
      key: 'verplicht',
      header: t('inkoop.eis.verplicht'),
      cell: (e) => (e.verplicht ? t('inkoop.ja') : t('inkoop.nee')),
    },
    {
      key: 'gewicht',
      header: t('inkoop.eis.gewicht'),
      cell: (e) => (e.gewicht ? `${e.gewicht} (${e.schaalMin}–${e.schaalMax})` : '—'),
    },
    { key: 'bron', header: t('inkoop.eis.bron'), cell: (e) => <span className="muted">{e.bron ?? ''}</span> },
    {
      key: 'x',
      header: '',
      cell: (e) => (
        <Button variant="link" onClick={() => weg.mutate(e.code)}>
          {t('inkoop.eis.verwijderen', { code: e.code })}
        </Button>
      ),
    },
  ];
  return (
    <Section title={t('inkoop.eisen.titel')}>
      {weg.error && <ProblemAlert error={weg.error} />}
      <Table
        caption={t('inkoop.eisen.tabel')}
        captionHidden
        rows={k.eisen}
        rowKey={(e) => e.code}
        columns={columns}
        pageSize={100}
        dense
      />
      <NieuweEis k={k} />
    </Section>
  );
}

function NieuweEis({ k }: { k: Kader }) {
  const { t } = useI18n();
  const inval = useInvalidate(k.id);
  const leeg = {
    code: '',
    groep: 'pve',
    tekst: '',
    soort: 'ja_nee',
    bewijs: '',
    gewicht: '',
    schaalMin: '',
    schaalMax: '',
    verplicht: true,
    voor: 'alle',
  };
  const [e, setE] = useState(leeg);
  const m = useMutation({
    mutationFn: () =>
      api.post(`/inkoop/kaders/${k.id}/eisen`, {
        code: e.code.trim(),
        groep: e.groep,
        tekst: e.tekst.trim(),
        soort: e.soort,
        bewijs: e.bewijs || null,
        verplicht: e.verplicht,
        vanToepassing: [e.voor],
        volgorde: k.eisen.length + 1,
        ...(e.groep === 'gunningscriterium_gewogen'
          ? { gewicht: e.gewicht, schaalMin: e.schaalMin, schaalMax: e.schaalMax }
          : {}),
      }),
    onSuccess: () => {
      setE(leeg);
      inval();
    },
  });
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    m.mutate();
  };
  return (
    <form className="form form-narrow" onSubmit={submit} noValidate aria-label={t('inkoop.eis.nieuw')}>
      <h3>{t('inkoop.eis.nieuw')}</h3>
      {m.error && <ProblemAlert error={m.error} />}
      <TextInput
        id="eis-code"
        label={t('inkoop.eis.nieuw.code')}
        value={e.code}
        onChange={(x) => setE({ ...e, code: x.target.value })}
      />
      <Select
        id="eis-groep"
        label={t('inkoop.eis.groep')}
        value={e.groep}
        onChange={(x) => setE({ ...e, groep: x.target.value })}
        options={GROEPEN.map((g) => ({ value: g, label: g }))}
      />
      <TextArea
        id="eis-tekst"
        label={t('inkoop.eis.nieuw.tekst')}
        value={e.tekst}
        onChange={(x) => setE({ ...e, tekst: x.target.value })}
      />
      <Select
        id="eis-soort"
        label={t('inkoop.eis.soort')}
        value={e.soort}
        onChange={(x) => setE({ ...e, soort: x.target.value })}
        options={SOORTEN.map((g) => ({ value: g, label: g }))}
      />
      <Select
        id="eis-voor"
        label={t('inkoop.eis.voor')}
        value={e.voor}
        onChange={(x) => setE({ ...e, voor: x.target.value })}
        options={KLASSEN.map((g) => ({ value: g, label: g }))}
      />
      <TextInput
        id="eis-bewijs"
        label={t('inkoop.eis.nieuw.bewijs')}
        value={e.bewijs}
        onChange={(x) => setE({ ...e, bewijs: x.target.value })}
      />
      {e.groep === 'gunningscriterium_gewogen' && (
        <>
          <TextInput
            id="eis-gewicht"
            label={t('inkoop.eis.nieuw.gewicht')}
            inputMode="decimal"
            value={e.gewicht}
            onChange={(x) => setE({ ...e, gewicht: x.target.value })}
          />
          <TextInput
            id="eis-min"
            label={t('inkoop.eis.nieuw.min')}
            inputMode="decimal"
            value={e.schaalMin}
            onChange={(x) => setE({ ...e, schaalMin: x.target.value })}
          />
          <TextInput
            id="eis-max"
            label={t('inkoop.eis.nieuw.max')}
            inputMode="decimal"
            value={e.schaalMax}
            onChange={(x) => setE({ ...e, schaalMax: x.target.value })}
          />
        </>
      )}
      <Checkbox
        id="eis-verplicht"
        label={t('inkoop.eis.verplicht')}
        checked={e.verplicht}
        onChange={(x) => setE({ ...e, verplicht: x.target.checked })}
      />
      <Button type="submit" bezig={m.isPending}>
        {t('inkoop.eis.nieuw.knop')}
      </Button>
    </form>
  );
}

function VragenBeheer({ k }: { k: Kader }) {
  const { t, taal } = useI18n();
  const inval = useInvalidate(k.id);
  const q = useQuery({
    queryKey: ['inkoop', 'vragen', k.id],
    queryFn: () => api.get<Vraag[]>(`/inkoop/kaders/${k.id}/vragen`),
  });
  const [nvi, setNvi] = useState<string | null>(null);
  const pub = useMutation({
    mutationFn: () => api.post<NvI>(`/inkoop/kaders/${k.id}/nvi`),
    onSuccess: (r) => {
      setNvi(t('inkoop.vragen.nvi.ok', { v: r.versie }));
      inval();
    },
  });
  return (
    <Section title={t('inkoop.vragen.titel')}>
      {nvi && <Alert variant="success">{nvi}</Alert>}
      {pub.error && <ProblemAlert error={pub.error} />}
      <QueryState query={q}>
        {(vragen) =>
          vragen.length === 0 ? (
            <p>{t('inkoop.vragen.geen')}</p>
          ) : (
            <ol className="stack">
              {vragen.map((v, i) => (
                <li key={v.id}>
                  <p>
                    <strong>
                      {v.eisCode ? `[${v.eisCode}] ` : ''}
                      {v.tekst}
                    </strong>
                  </p>
                  <p className="muted">
                    {t('inkoop.vragen.gesteld', {
                      org: v.organisatieNaam ?? '',
                      tijd: formatTijdstip(v.gesteldOp, taal),
                    })}
                    {v.nviVersie ? ` · NvI ${v.nviVersie}` : ''}
                  </p>
                  {v.nviVersie ? <p>{v.antwoord}</p> : <Antwoord kaderId={k.id} vraag={v} n={i + 1} />}
                </li>
              ))}
            </ol>
          )
        }
      </QueryState>
      {(k.fase === 'vragenronde' || k.fase === 'nvi_gepubliceerd') && (
        <Button variant="primary" bezig={pub.isPending} onClick={() => pub.mutate()}>
          {t('inkoop.vragen.nvi')}
        </Button>
      )}
      <NotaVanInlichtingen kaderId={k.id} />
    </Section>
  );
}

function Antwoord({ kaderId, vraag, n }: { kaderId: string; vraag: Vraag; n: number }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [a, setA] = useState(vraag.antwoord ?? '');
  const m = useMutation({
    mutationFn: () => api.put(`/inkoop/kaders/${kaderId}/vragen/${vraag.id}/antwoord`, { antwoord: a }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['inkoop', 'vragen', kaderId] }),
  });
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        m.mutate();
      }}
    >
      {m.error && <ProblemAlert error={m.error} />}
      <TextArea
        id={`antwoord-${vraag.id}`}
        label={t('inkoop.vragen.antwoord', { n })}
        value={a}
        onChange={(e) => setA(e.target.value)}
        rows={2}
      />
      <Button type="submit" bezig={m.isPending}>
        {t('inkoop.vragen.beantwoorden')}
      </Button>
    </form>
  );
}

function NotaVanInlichtingen({ kaderId }: { kaderId: string }) {
  const { t } = useI18n();
  const q = useQuery({
    queryKey: ['inkoop', 'nvi', kaderId],
    queryFn: () => api.get<NvI>(`/inkoop/kaders/${kaderId}/nvi`),
    retry: false,
  });
  if (q.error && isNotFound(q.error)) return <p className="muted">{t('inkoop.nvi.geen')}</p>;
  return (
    <QueryState query={q}>
      {(n) => (
        <section aria-label={t('inkoop.nvi.titel', { v: n.versie })}>
          <h3>{t('inkoop.nvi.titel', { v: n.versie })}</h3>
          <dl className="details">
            {n.regels.map((r) => (
              <div key={r.nummer}>
                <dt>
                  {t('inkoop.nvi.vraag', { n: r.nummer })}
                  {r.eisCode ? ` (${r.eisCode})` : ''}: {r.vraag}
                </dt>
                <dd>{r.antwoord}</dd>
              </div>
            ))}
          </dl>
          <p className="muted">SHA-256 {n.sha256}</p>
        </section>
      )}
    </QueryState>
  );
}

// ─────────────────────────── provider ───────────────────────────

function Aanbieder({ k }: { k: Kader }) {
  const { t } = useI18n();
  const { gebruiker } = useSession();
  const nav = useNavigate();
  const eigen = useQuery({
    queryKey: ['inkoop', 'eigen', k.id],
    queryFn: () => api.get<{ id: string } | null>(`/inkoop/kaders/${k.id}/inschrijving`),
    enabled: gebruiker?.organisatieSoort === 'zorgaanbieder',
  });
  const start = useMutation({
    mutationFn: () => api.post<{ id: string }>(`/inkoop/kaders/${k.id}/inschrijving`),
    onSuccess: (r) => nav(`/inkoop/inschrijvingen/${r.id}`),
  });
  const isAanbieder = gebruiker?.organisatieSoort === 'zorgaanbieder';
  const columns: Column<Eis>[] = [
    { key: 'code', header: t('inkoop.eis.code'), sortValue: (e) => e.volgorde },
    {
      key: 'tekst',
      header: t('inkoop.eis.tekst'),
      rowHeader: true,
      cell: (e) => (
        <>
          {e.tekst}
          {e.bewijs && <div className="muted">{e.bewijs}</div>}
        </>
      ),
    },
    { key: 'groep', header: t('inkoop.eis.groep') },
    { key: 'voor', header: t('inkoop.eis.voor'), cell: (e) => e.vanToepassing.join(', ') },
    {
      key: 'verplicht',
      header: t('inkoop.eis.verplicht'),
      cell: (e) => (e.verplicht ? t('inkoop.ja') : t('inkoop.nee')),
    },
  ];
  return (
    <>
      {isAanbieder && (
        <Section title={t('inkoop.inschrijving.titel')}>
          {start.error && <ProblemAlert error={start.error} />}
          {eigen.data ? (
            <>
              <Button variant="primary" onClick={() => nav(`/inkoop/inschrijvingen/${eigen.data!.id}`)}>
                {t('inkoop.inschrijving.openen')}
              </Button>{' '}
              <Link to={`/inkoop/inschrijvingen/${eigen.data.id}/dialoog`}>{t('dialoog.mijn.link')}</Link>
            </>
          ) : k.status.inschrijvenOpen ? (
            <Button variant="primary" bezig={start.isPending} onClick={() => start.mutate()}>
              {t('inkoop.inschrijving.starten')}
            </Button>
          ) : (
            <p>{t('inkoop.inschrijving.dicht')}</p>
          )}
        </Section>
      )}
      <Section title={t('inkoop.termijnen.titel')}>
        <DetailList
          items={k.termijnen.map((x) => [
            x.naam,
            `${x.begintLokaal?.slice(0, 16).replace('T', ' ') ?? '—'} → ${x.eindigtLokaal?.slice(0, 16).replace('T', ' ') ?? '—'}`,
          ])}
        />
      </Section>
      <Section title={t('inkoop.eisen.titel')}>
        <Table
          caption={t('inkoop.eisen.tabel')}
          captionHidden
          rows={k.eisen}
          rowKey={(e) => e.code}
          columns={columns}
          pageSize={100}
          dense
        />
      </Section>
      <RegionaleParagraaf k={k} />
      <Keuzes k={k} />
      <Section title={t('inkoop.vragen.titel')}>
        {isAanbieder &&
          (k.status.vragenOpen ? <VraagStellen kaderId={k.id} /> : <p className="muted">{t('inkoop.vragen.dicht')}</p>)}
        <NotaVanInlichtingen kaderId={k.id} />
      </Section>
    </>
  );
}

/** The template's product choices, stored with the kader (and in every snapshot published since 0037). */
function Keuzes({ k }: { k: Kader }) {
  const { t } = useI18n();
  if (!k.keuzes?.length) return null;
  return (
    <Section title={t('inkoop.kader.keuzes')}>
      <ul className="kader-keuzes">
        {k.keuzes.map((x) => (
          <li key={x.onderwerp}>
            <strong>{x.onderwerp}</strong>: {x.bron}
          </li>
        ))}
      </ul>
    </Section>
  );
}

function VraagStellen({ kaderId }: { kaderId: string }) {
  const { t } = useI18n();
  const [tekst, setTekst] = useState('');
  const [eisCode, setEisCode] = useState('');
  const [ok, setOk] = useState(false);
  const m = useMutation({
    mutationFn: () => api.post(`/inkoop/kaders/${kaderId}/vragen`, { tekst, eisCode: eisCode || undefined }),
    onSuccess: () => {
      setOk(true);
      setTekst('');
      setEisCode('');
    },
  });
  return (
    <form
      className="form form-narrow"
      onSubmit={(e) => {
        e.preventDefault();
        setOk(false);
        m.mutate();
      }}
      aria-label={t('inkoop.vragen.stellen')}
    >
      {ok && <Alert variant="success">{t('inkoop.vragen.verstuurd')}</Alert>}
      {m.error && <ProblemAlert error={m.error} />}
      <TextArea
        id="vraag-tekst"
        label={t('inkoop.vragen.tekst')}
        value={tekst}
        onChange={(e) => setTekst(e.target.value)}
      />
      <TextInput
        id="vraag-eis"
        label={t('inkoop.vragen.eis')}
        value={eisCode}
        onChange={(e) => setEisCode(e.target.value)}
      />
      <Button type="submit" bezig={m.isPending}>
        {t('inkoop.vragen.verstuur')}
      </Button>
    </form>
  );
}
