import { useMemo, useState, type FormEvent } from 'react';
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
  EmptyState,
  formatDatum,
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
import {
  CONTRACT_ROLLEN,
  SIGNAAL_SOORTEN,
  type AanbiederDetail,
  type AanbiederLijst,
  type ContractRelatie,
  type RegioKort,
  type Signaal,
  type SignaalSoort,
} from './types.ts';
import './messages.ts';

export const signalenKey = ['signalen'];
const relatiesKey = ['contractrelaties'];

/** Who may register and withdraw (the server checks again). */
export function magSchrijven(rollen: string[], organisatieSoort?: string) {
  return organisatieSoort === 'zorgkantoor' && (rollen.includes('manager') || rollen.includes('inkoper'));
}

export function signaalStatus(s: Signaal, vandaag: string): 'ingetrokken' | 'actief' | 'afgelopen' | 'toekomst' {
  if (s.ingetrokkenOp) return 'ingetrokken';
  if (s.actief) return 'actief';
  return s.datumVan > vandaag ? 'toekomst' : 'afgelopen';
}
const STATUS_VARIANT = { ingetrokken: 'neutral', actief: 'danger', afgelopen: 'info', toekomst: 'warning' } as const;

export function Signalenregister(_: PageProps) {
  const { t } = useI18n();
  const { rollen, gebruiker } = useSession();
  const schrijver = magSchrijven(rollen, gebruiker?.organisatieSoort);
  const nza = gebruiker?.organisatieSoort === 'nza';
  return (
    <>
      <PageHeader
        title={t('signalen.titel')}
        intro={
          <>
            {t('signalen.intro')}
            {nza && <> {t('signalen.intro.nza')}</>}
          </>
        }
      />
      <SignalenLijst schrijver={schrijver} toonZorgkantoor={nza} />
      {schrijver && <NieuwSignaal />}
      <Contractrelaties schrijver={schrijver} toonZorgkantoor={nza} />
    </>
  );
}

function SignalenLijst({ schrijver, toonZorgkantoor }: { schrijver: boolean; toonZorgkantoor: boolean }) {
  const { t, taal } = useI18n();
  const [soort, setSoort] = useState('');
  const [ingetrokken, setIngetrokken] = useState(false);
  const [gekozen, setGekozen] = useState<string | null>(null);
  const q = useQuery({
    queryKey: [...signalenKey, soort],
    queryFn: () => api.get<Signaal[]>('/inkoop/signalen', { query: { soort: soort || undefined } }),
  });
  const vandaag = new Date().toISOString().slice(0, 10);
  const columns = useMemo<Column<Signaal>[]>(
    () => [
      {
        key: 'aanbieder',
        header: t('signalen.kolom.aanbieder'),
        rowHeader: true,
        sortValue: (s) => s.aanbiederNaam,
        cell: (s) => (
          <>
            {s.aanbiederNaam} <small>({s.aanbiederId})</small>
          </>
        ),
      },
      ...(toonZorgkantoor
        ? [
            {
              key: 'zk',
              header: t('signalen.kolom.zorgkantoor'),
              sortValue: (s: Signaal) => s.zorgkantoorNaam,
              cell: (s: Signaal) => s.zorgkantoorNaam,
            },
          ]
        : []),
      {
        key: 'soort',
        header: t('signalen.kolom.soort'),
        sortValue: (s) => s.soort,
        cell: (s) => t(`signalen.soort.${s.soort}`),
      },
      {
        key: 'locatie',
        header: t('signalen.kolom.locatie'),
        sortValue: (s) => s.locatieNaam ?? '',
        cell: (s) => s.locatieNaam ?? (s.soort === 'verscherpt_toezicht' ? t('signalen.hele.organisatie') : '—'),
      },
      {
        key: 'periode',
        header: t('signalen.kolom.periode'),
        sortValue: (s) => s.datumVan,
        cell: (s) =>
          s.datumTot
            ? t('signalen.periode.tot', { van: formatDatum(s.datumVan, taal), tot: formatDatum(s.datumTot, taal) })
            : t('signalen.periode.vanaf', { van: formatDatum(s.datumVan, taal) }),
      },
      { key: 'bron', header: t('signalen.kolom.bron'), sortValue: (s) => s.bron, cell: (s) => s.bron },
      { key: 'omschrijving', header: t('signalen.kolom.omschrijving'), cell: (s) => s.omschrijving || '—' },
      {
        key: 'status',
        header: t('signalen.kolom.status'),
        sortValue: (s) => signaalStatus(s, vandaag),
        cell: (s) => {
          const st = signaalStatus(s, vandaag);
          return (
            <span title={s.intrekkingsreden ?? undefined}>
              <Badge variant={STATUS_VARIANT[st]}>{t(`signalen.status.${st}`)}</Badge>
            </span>
          );
        },
      },
      ...(schrijver
        ? [
            {
              key: 'acties',
              header: t('signalen.kolom.acties'),
              cell: (s: Signaal) =>
                s.ingetrokkenOp ? null : (
                  <Button
                    onClick={() => setGekozen(s.id)}
                    aria-label={`${t('signalen.bewerken')}: ${t(`signalen.soort.${s.soort}`)}, ${s.aanbiederNaam}, ${s.datumVan}`}
                  >
                    {t('signalen.bewerken')}
                  </Button>
                ),
            },
          ]
        : []),
    ],
    [t, taal, schrijver, toonZorgkantoor, vandaag],
  );
  return (
    <Section title={t('signalen.lijst')}>
      <div className="toolbar">
        <Select
          label={t('signalen.filter.soort')}
          value={soort}
          onChange={(e) => setSoort(e.target.value)}
          options={[
            { value: '', label: t('signalen.filter.alle') },
            ...SIGNAAL_SOORTEN.map((s) => ({ value: s, label: t(`signalen.soort.${s}`) })),
          ]}
        />
        <Checkbox
          label={t('signalen.filter.ingetrokken')}
          checked={ingetrokken}
          onChange={(e) => setIngetrokken(e.target.checked)}
        />
      </div>
      <QueryState query={q}>
        {(rows) => {
          const zichtbaar = rows.filter((s) => ingetrokken || !s.ingetrokkenOp);
          const keuze = rows.find((s) => s.id === gekozen && !s.ingetrokkenOp);
          return (
            <>
              {zichtbaar.length === 0 ? (
                <EmptyState title={t('signalen.geen')} />
              ) : (
                <Table
                  caption={t('signalen.lijst')}
                  captionHidden
                  rows={zichtbaar}
                  rowKey={(s) => s.id}
                  columns={columns}
                  initialSort={{ key: 'periode', dir: 'desc' }}
                  filter={(s, z) =>
                    s.aanbiederNaam.toLowerCase().includes(z) || s.aanbiederId.toLowerCase().includes(z)
                  }
                  filterFrom={10}
                />
              )}
              {keuze && <SignaalBewerken key={keuze.id} s={keuze} onSluit={() => setGekozen(null)} />}
            </>
          );
        }}
      </QueryState>
    </Section>
  );
}

function SignaalBewerken({ s, onSluit }: { s: Signaal; onSluit: () => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [tot, setTot] = useState(s.datumTot ?? '');
  const [reden, setReden] = useState('');
  const ververs = () => qc.invalidateQueries({ queryKey: signalenKey });
  const eind = useMutation({
    mutationFn: () => api.patch<Signaal>(`/inkoop/signalen/${s.id}`, { datumTot: tot.trim() || null }),
    onSuccess: ververs,
  });
  const intrek = useMutation({
    mutationFn: () => api.post<Signaal>(`/inkoop/signalen/${s.id}/intrekken`, { reden }),
    onSuccess: () => {
      ververs();
      onSluit();
    },
  });
  return (
    <div
      className="card"
      role="group"
      aria-label={t('signalen.bewerken.titel', { soort: t(`signalen.soort.${s.soort}`), aanbieder: s.aanbiederNaam })}
    >
      <h3>{t('signalen.bewerken.titel', { soort: t(`signalen.soort.${s.soort}`), aanbieder: s.aanbiederNaam })}</h3>
      {s.soort !== 'fraude_vastgesteld' && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            eind.mutate();
          }}
          noValidate
        >
          <TextInput
            label={t('signalen.einddatum')}
            hint={t('signalen.einddatum.hint')}
            placeholder="2015-09-30"
            value={tot}
            onChange={(e) => setTot(e.target.value)}
          />
          {eind.error && <ProblemAlert error={eind.error} />}
          {eind.isSuccess && <Alert variant="success">{t('signalen.opgeslagen')}</Alert>}
          <Button type="submit" variant="primary" bezig={eind.isPending}>
            {t('signalen.einddatum.opslaan')}
          </Button>
        </form>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          intrek.mutate();
        }}
        noValidate
      >
        <TextArea
          label={t('signalen.intrekken.reden')}
          hint={t('signalen.intrekken.hint')}
          rows={2}
          value={reden}
          onChange={(e) => setReden(e.target.value)}
        />
        {intrek.error && <ProblemAlert error={intrek.error} />}
        <div className="button-row">
          <Button type="submit" variant="danger" bezig={intrek.isPending}>
            {t('signalen.intrekken')}
          </Button>{' '}
          <Button type="button" onClick={onSluit}>
            {t('signalen.sluiten')}
          </Button>
        </div>
      </form>
    </div>
  );
}

/** Search box + select of the providers the caller may see (GET /aanbieders). */
function AanbiederKiezer({
  zoekLabel,
  label,
  leegLabel,
  value,
  onChange,
}: {
  zoekLabel: string;
  label: string;
  leegLabel: string;
  value: string;
  onChange: (id: string) => void;
}) {
  const { t } = useI18n();
  const [zoek, setZoek] = useState('');
  const q = useQuery({
    queryKey: ['aanbieders', 'kiezer', zoek],
    queryFn: () => api.get<AanbiederLijst>('/aanbieders', { query: { zoek: zoek.trim() || undefined } }),
  });
  const items = q.data?.items ?? [];
  return (
    <>
      <TextInput label={zoekLabel} type="search" value={zoek} onChange={(e) => setZoek(e.target.value)} />
      <Select
        label={label}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder={leegLabel}
        hint={
          q.data && q.data.totaal > items.length
            ? t('signalen.veld.aanbieder.meer', { n: items.length, totaal: q.data.totaal })
            : undefined
        }
        options={items.map((a) => ({ value: a.id, label: `${a.naam} (${a.id})` }))}
      />
    </>
  );
}

function NieuwSignaal() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const leeg = {
    soort: 'verscherpt_toezicht' as SignaalSoort,
    aanbiederId: '',
    locatieId: '',
    omschrijving: '',
    bron: '',
    datumVan: '',
    datumTot: '',
  };
  const [v, setV] = useState(leeg);
  const zet = (k: keyof typeof leeg, w: string) => setV((x) => ({ ...x, [k]: w }));
  const locaties = useQuery({
    queryKey: ['aanbieders', v.aanbiederId],
    enabled: !!v.aanbiederId,
    queryFn: () => api.get<AanbiederDetail>(`/aanbieders/${encodeURIComponent(v.aanbiederId)}`),
  });
  const m = useMutation({
    mutationFn: () =>
      api.post<Signaal>('/inkoop/signalen', {
        aanbiederId: v.aanbiederId,
        soort: v.soort,
        locatieId: v.locatieId || null,
        omschrijving: v.omschrijving || null,
        bron: v.bron,
        datumVan: v.datumVan.trim(),
        datumTot: v.soort === 'fraude_vastgesteld' ? null : v.datumTot.trim() || null,
      }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: signalenKey });
      setV({ ...leeg, soort: v.soort });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    m.mutate();
  };
  return (
    <Section title={t('signalen.nieuw')}>
      <p>{t('signalen.nieuw.uitleg')}</p>
      <form onSubmit={submit} noValidate>
        <Select
          label={t('signalen.veld.soort')}
          required
          value={v.soort}
          onChange={(e) => zet('soort', e.target.value)}
          options={SIGNAAL_SOORTEN.map((s) => ({ value: s, label: t(`signalen.soort.${s}`) }))}
        />
        <AanbiederKiezer
          zoekLabel={t('signalen.veld.aanbieder.zoek')}
          label={t('signalen.veld.aanbieder')}
          leegLabel={t('signalen.veld.aanbieder.kies')}
          value={v.aanbiederId}
          onChange={(id) => setV((x) => ({ ...x, aanbiederId: id, locatieId: '' }))}
        />
        {v.aanbiederId && (
          <Select
            label={t('signalen.veld.locatie')}
            hint={t('signalen.veld.locatie.hint')}
            value={v.locatieId}
            onChange={(e) => zet('locatieId', e.target.value)}
            placeholder={t('signalen.veld.locatie.geen')}
            options={(locaties.data?.locaties ?? []).map((l) => ({
              value: l.id,
              label: `${l.naam}${l.plaats ? `, ${l.plaats}` : ''} (${l.regioCode})`,
            }))}
          />
        )}
        <TextInput
          label={t(`signalen.veld.datumvan.${v.soort}`)}
          required
          placeholder="2015-07-01"
          value={v.datumVan}
          onChange={(e) => zet('datumVan', e.target.value)}
        />
        {v.soort !== 'fraude_vastgesteld' && (
          <TextInput
            label={t('signalen.veld.datumtot')}
            placeholder="2015-12-31"
            value={v.datumTot}
            onChange={(e) => zet('datumTot', e.target.value)}
          />
        )}
        <TextInput
          label={t('signalen.veld.bron')}
          hint={t('signalen.veld.bron.hint')}
          required
          value={v.bron}
          onChange={(e) => zet('bron', e.target.value)}
        />
        <TextArea
          label={t('signalen.veld.omschrijving')}
          rows={2}
          value={v.omschrijving}
          onChange={(e) => zet('omschrijving', e.target.value)}
        />
        {m.error && <ProblemAlert error={m.error} />}
        {m.isSuccess && <Alert variant="success">{t('signalen.vastgelegd')}</Alert>}
        <Button type="submit" variant="primary" bezig={m.isPending}>
          {t('signalen.vastleggen')}
        </Button>
      </form>
    </Section>
  );
}

function Contractrelaties({ schrijver, toonZorgkantoor }: { schrijver: boolean; toonZorgkantoor: boolean }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: relatiesKey, queryFn: () => api.get<ContractRelatie[]>('/inkoop/contractrelaties') });
  const [intrekken, setIntrekken] = useState<ContractRelatie | null>(null);
  const [reden, setReden] = useState('');
  const m = useMutation({
    mutationFn: (id: string) => api.post(`/inkoop/contractrelaties/${id}/intrekken`, { reden }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: relatiesKey });
      setIntrekken(null);
      setReden('');
    },
  });
  const columns = useMemo<Column<ContractRelatie>[]>(
    () => [
      {
        key: 'aanbieder',
        header: t('signalen.kolom.aanbieder'),
        rowHeader: true,
        sortValue: (r) => r.aanbiederNaam,
        cell: (r) => (
          <>
            {r.aanbiederNaam} <small>({r.aanbiederId})</small>
          </>
        ),
      },
      { key: 'jaar', header: t('signalen.kolom.jaar'), sortValue: (r) => r.jaar, cell: (r) => String(r.jaar) },
      { key: 'regio', header: t('signalen.kolom.regio'), sortValue: (r) => r.regioCode, cell: (r) => r.regioCode },
      { key: 'sector', header: t('signalen.kolom.sector'), sortValue: (r) => r.sector, cell: (r) => r.sector },
      { key: 'rol', header: t('signalen.kolom.rol'), sortValue: (r) => r.rol, cell: (r) => t(`signalen.rol.${r.rol}`) },
      { key: 'hoofd', header: t('signalen.kolom.hoofdaannemer'), cell: (r) => r.hoofdaannemerNaam ?? '—' },
      { key: 'bron', header: t('signalen.kolom.bron'), cell: (r) => r.bron },
      ...(toonZorgkantoor
        ? [{ key: 'zk', header: t('signalen.kolom.zorgkantoor'), cell: (r: ContractRelatie) => r.zorgkantoorNaam }]
        : []),
      {
        key: 'status',
        header: t('signalen.kolom.status'),
        cell: (r) =>
          r.ingetrokkenOp ? (
            <span title={r.intrekkingsreden ?? undefined}>
              <Badge>{t('signalen.status.ingetrokken')}</Badge>
            </span>
          ) : schrijver ? (
            <Button
              onClick={() => {
                setIntrekken(r);
                setReden('');
              }}
              aria-label={`${t('signalen.relatie.intrekken')}: ${r.aanbiederNaam} ${r.jaar} ${t(`signalen.rol.${r.rol}`)}`}
            >
              {t('signalen.relatie.intrekken')}
            </Button>
          ) : (
            '—'
          ),
      },
    ],
    [t, schrijver, toonZorgkantoor],
  );
  return (
    <Section title={t('signalen.relaties')}>
      <p>{t('signalen.relaties.uitleg')}</p>
      <QueryState query={q}>
        {(rows) =>
          rows.length === 0 ? (
            <EmptyState title={t('signalen.relaties.geen')} />
          ) : (
            <Table
              caption={t('signalen.relaties')}
              captionHidden
              rows={rows}
              rowKey={(r) => r.id}
              columns={columns}
              initialSort={{ key: 'jaar', dir: 'desc' }}
              filter={(r, z) => r.aanbiederNaam.toLowerCase().includes(z) || r.aanbiederId.toLowerCase().includes(z)}
              filterFrom={10}
            />
          )
        }
      </QueryState>
      {intrekken && (
        <form
          className="card"
          onSubmit={(e) => {
            e.preventDefault();
            m.mutate(intrekken.id);
          }}
          noValidate
        >
          <TextArea
            label={t('signalen.relatie.intrekken.reden', { naam: intrekken.aanbiederNaam, jaar: intrekken.jaar })}
            rows={2}
            value={reden}
            onChange={(e) => setReden(e.target.value)}
          />
          {m.error && <ProblemAlert error={m.error} />}
          <div className="button-row">
            <Button type="submit" variant="danger" bezig={m.isPending}>
              {t('signalen.relatie.intrekken')}
            </Button>{' '}
            <Button type="button" onClick={() => setIntrekken(null)}>
              {t('signalen.sluiten')}
            </Button>
          </div>
        </form>
      )}
      {schrijver && <NieuweRelatie />}
    </Section>
  );
}

function NieuweRelatie() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const leeg = {
    aanbiederId: '',
    jaar: String(new Date().getFullYear() - 1),
    regioCode: '',
    sector: 'VV',
    rol: 'onderaannemer',
    hoofdaannemerId: '',
    bron: '',
  };
  const [v, setV] = useState(leeg);
  const zet = (k: keyof typeof leeg, w: string) => setV((x) => ({ ...x, [k]: w }));
  const regios = useQuery({ queryKey: ['signalen-regios'], queryFn: () => api.get<RegioKort[]>('/regios') });
  const m = useMutation({
    mutationFn: () =>
      api.post<ContractRelatie>('/inkoop/contractrelaties', {
        aanbiederId: v.aanbiederId,
        jaar: Number(v.jaar),
        regioCode: v.regioCode,
        sector: v.sector,
        rol: v.rol,
        hoofdaannemerId: v.rol === 'onderaannemer' ? v.hoofdaannemerId || null : null,
        bron: v.bron,
      }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: relatiesKey });
      setV(leeg);
    },
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        m.mutate();
      }}
      noValidate
    >
      <h3>{t('signalen.relatie.nieuw')}</h3>
      <AanbiederKiezer
        zoekLabel={t('signalen.veld.aanbieder.zoek')}
        label={t('signalen.veld.aanbieder')}
        leegLabel={t('signalen.veld.aanbieder.kies')}
        value={v.aanbiederId}
        onChange={(id) => zet('aanbiederId', id)}
      />
      <TextInput
        label={t('signalen.veld.jaar')}
        required
        inputMode="numeric"
        value={v.jaar}
        onChange={(e) => zet('jaar', e.target.value)}
      />
      <Select
        label={t('signalen.veld.regio')}
        required
        value={v.regioCode}
        onChange={(e) => zet('regioCode', e.target.value)}
        placeholder="—"
        options={(regios.data ?? []).map((r) => ({ value: r.code, label: `${r.code} ${r.naam}` }))}
      />
      <Select
        label={t('signalen.veld.sector')}
        required
        value={v.sector}
        onChange={(e) => zet('sector', e.target.value)}
        options={['VV', 'GZ', 'GGZ'].map((s) => ({ value: s, label: s }))}
      />
      <Select
        label={t('signalen.veld.rol')}
        required
        value={v.rol}
        onChange={(e) => zet('rol', e.target.value)}
        options={CONTRACT_ROLLEN.map((r) => ({ value: r, label: t(`signalen.rol.${r}`) }))}
      />
      {v.rol === 'onderaannemer' && (
        <AanbiederKiezer
          zoekLabel={t('signalen.veld.hoofdaannemer.zoek')}
          label={t('signalen.veld.hoofdaannemer')}
          leegLabel={t('signalen.veld.hoofdaannemer.geen')}
          value={v.hoofdaannemerId}
          onChange={(id) => zet('hoofdaannemerId', id)}
        />
      )}
      <TextInput
        label={t('signalen.veld.bron')}
        required
        value={v.bron}
        onChange={(e) => zet('bron', e.target.value)}
      />
      {m.error && <ProblemAlert error={m.error} />}
      {m.isSuccess && <Alert variant="success">{t('signalen.relatie.vastgelegd')}</Alert>}
      <Button type="submit" variant="primary" bezig={m.isPending}>
        {t('signalen.relatie.vastleggen')}
      </Button>
    </form>
  );
}
