import { useMemo, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import type { PageProps } from '../../app/router.tsx';
import {
  Badge,
  Checkbox,
  compareDecimal,
  Fieldset,
  Loading,
  PageHeader,
  ProblemAlert,
  Section,
  Select,
  Table,
  TextInput,
  formatPercentage,
  type Column,
} from '../../ui/index.ts';
import {
  formatPp,
  PercentageOfOnbepaald,
  RICHTTARIEF,
  Spoor,
  StatusBadge,
  verschil,
  ZekerheidBadge,
} from './shared.tsx';
import {
  BOOLEAN_SLEUTELS,
  LEEG_PROFIEL,
  LEVERINGSVORMEN,
  profielNaarApi,
  type Leveringsvorm,
  type ProfielForm,
  type Vergelijking as VergelijkingData,
  type VergelijkResultaat,
  type WatAls,
  type WatAlsResultaat,
} from './types.ts';
import './messages.ts';

const JAREN = ['2024'];
const SECTOREN = ['VV'];

function Delta({ waarde }: { waarde: string | null }) {
  const { t, taal } = useI18n();
  if (waarde === null) return <>{t('tarieven.onbepaald')}</>;
  const c = compareDecimal(waarde, '0');
  return (
    <span className={c > 0 ? 'tarief-delta-plus' : c < 0 ? 'tarief-delta-min' : undefined}>
      {formatPp(waarde, taal, t)}
    </span>
  );
}

export function VergelijkingPagina(_: PageProps) {
  const { t, taal } = useI18n();
  const [profiel, setProfiel] = useState<ProfielForm>(LEEG_PROFIEL);
  const [jaar, setJaar] = useState('2024');
  const [sector, setSector] = useState('VV');
  const [leveringsvorm, setLeveringsvorm] = useState<Leveringsvorm>('verblijf');
  const [watAlsAan, setWatAlsAan] = useState(false);
  const set = <K extends keyof ProfielForm>(k: K, v: ProfielForm[K]) => setProfiel((p) => ({ ...p, [k]: v }));

  const body = useMemo(
    () => ({ jaar: Number(jaar), sector, leveringsvorm, profiel: profielNaarApi(profiel) }),
    [jaar, sector, leveringsvorm, profiel],
  );
  const q = useQuery({
    queryKey: ['tarieven', 'vergelijk', body],
    queryFn: () => api.post<VergelijkingData>('/tarieven/vergelijk', body),
    placeholderData: keepPreviousData,
    retry: false,
  });
  const wat = useQuery({
    queryKey: ['tarieven', 'wat-als', body],
    queryFn: () =>
      api.post<WatAls>('/tarieven/wat-als', { ...body, wijziging: { arbeidsbesparendeTechnologie: true } }),
    enabled: watAlsAan,
    placeholderData: keepPreviousData,
    retry: false,
  });
  const watPerZk = useMemo(() => new Map((wat.data?.resultaten ?? []).map((r) => [r.zorgkantoor, r])), [wat.data]);

  const rows = useMemo(() => q.data?.resultaten ?? [], [q.data]);
  const { hoogste, laagste } = useMemo(() => {
    const bep = rows.filter((r) => r.status === 'bepaald' && r.percentage !== null);
    if (!bep.length) return { hoogste: null, laagste: null };
    const s = [...bep].sort((a, b) => compareDecimal(b.percentage, a.percentage));
    return { hoogste: s[0], laagste: s[s.length - 1] };
  }, [rows]);
  const isHoog = (r: VergelijkResultaat) =>
    hoogste &&
    compareDecimal(r.percentage, hoogste.percentage) === 0 &&
    compareDecimal(hoogste.percentage, laagste!.percentage) !== 0;
  const isLaag = (r: VergelijkResultaat) =>
    laagste &&
    compareDecimal(r.percentage, laagste.percentage) === 0 &&
    compareDecimal(hoogste!.percentage, laagste.percentage) !== 0;

  const columns = useMemo<Column<VergelijkResultaat>[]>(() => {
    const cols: Column<VergelijkResultaat>[] = [
      {
        key: 'zorgkantoor',
        header: t('tarieven.kolom.zorgkantoor'),
        rowHeader: true,
        sortValue: (r) => r.zorgkantoor,
        cell: (r) => (
          <>
            {r.zorgkantoor}
            {isHoog(r) && (
              <>
                {' '}
                <Badge variant="success">{t('tarieven.hoogste')}</Badge>
              </>
            )}
            {isLaag(r) && (
              <>
                {' '}
                <Badge variant="danger">{t('tarieven.laagste')}</Badge>
              </>
            )}
          </>
        ),
      },
      {
        key: 'percentage',
        header: t('tarieven.kolom.percentage'),
        compare: (a, b) => compareDecimal(a.percentage, b.percentage),
        cell: (r) => (
          <PercentageOfOnbepaald
            percentage={r.percentage}
            status={r.status}
            redenen={r.redenen}
            bandbreedte={r.bandbreedte}
          />
        ),
      },
      {
        key: 'richttarief',
        header: t('tarieven.kolom.richttarief', { pct: formatPercentage(RICHTTARIEF, taal) }),
        align: 'right',
        cell: (r) =>
          r.status === 'bepaald' && r.percentage !== null ? (
            <Delta waarde={verschil(r.percentage, RICHTTARIEF)} />
          ) : (
            '—'
          ),
      },
      {
        key: 'status',
        header: t('tarieven.kolom.status'),
        sortValue: (r) => r.status,
        cell: (r) => (
          <>
            <StatusBadge status={r.status} /> <ZekerheidBadge z={r.laagsteZekerheid} />
            {r.uitgesloten && (
              <>
                {' '}
                <Badge variant="danger">{t('tarieven.uitgesloten')}</Badge>
              </>
            )}
          </>
        ),
      },
    ];
    if (watAlsAan) {
      cols.push({
        key: 'watals',
        header: t('tarieven.kolom.watals'),
        cell: (r) => {
          const w: WatAlsResultaat | undefined = watPerZk.get(r.zorgkantoor);
          if (!w) return wat.isFetching ? t('ui.laden') : '—';
          return (
            <>
              <Delta waarde={w.verschil} />
              <div className="muted">
                {w.voor.percentage ? formatPercentage(w.voor.percentage, taal) : t('tarieven.onbepaald')} →{' '}
                {w.na.percentage ? formatPercentage(w.na.percentage, taal) : t('tarieven.onbepaald')}
              </div>
              {w.verschil !== null && <div className="muted">{w.uitleg}</div>}
            </>
          );
        },
      });
    }
    cols.push({
      key: 'spoor',
      header: t('tarieven.kolom.spoor'),
      cell: (r) => <Spoor spoor={r.spoor} label={t('tarieven.spoor.toon', { zk: r.zorgkantoor })} />,
    });
    return cols;
  }, [t, taal, watAlsAan, watPerZk, wat.isFetching, hoogste, laagste]);

  const samenvatting = q.data
    ? hoogste && laagste && compareDecimal(hoogste.percentage, laagste.percentage) === 0
      ? t('tarieven.vergelijk.samenvatting.gelijk', {
          n: rows.length,
          pct: formatPercentage(hoogste.percentage, taal),
          onbepaald: rows.filter((r) => r.status === 'onbepaald').length,
        })
      : hoogste && laagste
        ? t('tarieven.vergelijk.samenvatting', {
            n: rows.length,
            hoog: hoogste.zorgkantoor,
            hoogPct: formatPercentage(hoogste.percentage, taal),
            laag: laagste.zorgkantoor,
            laagPct: formatPercentage(laagste.percentage, taal),
            onbepaald: rows.filter((r) => r.status === 'onbepaald').length,
          })
        : t('tarieven.vergelijk.samenvatting.geen', { n: rows.length })
    : '';

  return (
    <>
      <PageHeader title={t('tarieven.vergelijk.titel')} intro={t('tarieven.vergelijk.intro')} />
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          q.refetch();
        }}
        aria-describedby="tarief-form-hint"
      >
        <p id="tarief-form-hint" className="note">
          {t('tarieven.vergelijk.formhint')}
        </p>
        <div className="filters">
          <Select
            label={t('tarieven.jaar')}
            value={jaar}
            onChange={(e) => setJaar(e.target.value)}
            options={JAREN.map((j) => ({ value: j, label: j }))}
            className="field-inline"
          />
          <Select
            label={t('tarieven.sector')}
            value={sector}
            onChange={(e) => setSector(e.target.value)}
            options={SECTOREN.map((s) => ({ value: s, label: t(`tarieven.sector.${s}`) }))}
            className="field-inline"
          />
          <Select
            label={t('tarieven.leveringsvorm')}
            value={leveringsvorm}
            onChange={(e) => setLeveringsvorm(e.target.value as Leveringsvorm)}
            options={LEVERINGSVORMEN.map((l) => ({ value: l, label: t(`tarieven.lv.${l}`) }))}
            className="field-inline"
          />
        </div>
        <div className="tarief-profiel-wrap">
          <Fieldset legend={t('tarieven.profiel')} hint={t('tarieven.profiel.hint')}>
            <div className="tarief-profiel">
              {BOOLEAN_SLEUTELS.map((k) => (
                <Checkbox
                  key={k}
                  label={t(`tarieven.profiel.${k}`)}
                  checked={profiel[k]}
                  onChange={(e) => set(k, e.target.checked)}
                  name={k}
                />
              ))}
              <TextInput
                label={t('tarieven.profiel.regionaleRol')}
                hint={t('tarieven.profiel.regionaleRol.hint')}
                type="number"
                min={-2}
                max={1}
                step={0.5}
                value={profiel.regionaleRol}
                onChange={(e) => set('regionaleRol', e.target.value)}
                name="regionaleRol"
              />
              <TextInput
                label={t('tarieven.profiel.vorigJaarPercentage')}
                hint={t('tarieven.profiel.pct.hint')}
                inputMode="decimal"
                value={profiel.vorigJaarPercentage}
                onChange={(e) => set('vorigJaarPercentage', e.target.value)}
                name="vorigJaarPercentage"
              />
              <Select
                label={t('tarieven.profiel.monitorUitkomst')}
                value={profiel.monitorUitkomst}
                placeholder={t('tarieven.nietopgegeven')}
                onChange={(e) => set('monitorUitkomst', e.target.value as ProfielForm['monitorUitkomst'])}
                options={(['hoger', 'gelijk', 'lager'] as const).map((m) => ({
                  value: m,
                  label: t(`tarieven.monitor.${m}`),
                }))}
                name="monitorUitkomst"
              />
              <TextInput
                label={t('tarieven.profiel.opslagPercentage')}
                hint={t('tarieven.profiel.pct.hint')}
                inputMode="decimal"
                value={profiel.opslagPercentage}
                onChange={(e) => set('opslagPercentage', e.target.value)}
                name="opslagPercentage"
              />
            </div>
          </Fieldset>
        </div>
        <div className="tarief-acties">
          <Checkbox
            label={t('tarieven.watals.toggle')}
            hint={t('tarieven.watals.hint')}
            checked={watAlsAan}
            onChange={(e) => setWatAlsAan(e.target.checked)}
          />
        </div>
        <div className="tarief-acties">
          <button type="button" className="btn btn-secondary" onClick={() => setProfiel(LEEG_PROFIEL)}>
            {t('tarieven.profiel.wissen')}
          </button>
        </div>
      </form>

      <Section title={t('tarieven.vergelijk.resultaat')}>
        <p role="status" aria-live="polite" className="visually-hidden">
          {q.isFetching ? t('ui.laden') : samenvatting}
        </p>
        {q.error ? <ProblemAlert error={q.error} /> : null}
        {wat.error ? <ProblemAlert error={wat.error} /> : null}
        {q.isPending ? (
          <Loading />
        ) : (
          q.data && (
            <div aria-busy={q.isFetching || undefined}>
              <p>{samenvatting}</p>
              <Table
                caption={t('tarieven.vergelijk.tabel', {
                  jaar: q.data.jaar,
                  sector: q.data.sector,
                  lv: t(`tarieven.lv.${q.data.leveringsvorm}`),
                })}
                rows={rows}
                rowKey={(r) => r.beleidId}
                columns={columns}
                pageSize={50}
              />
              {q.data.verschillen.length > 0 && (
                <Section title={t('tarieven.vergelijk.verschillen')}>
                  <ul className="tarief-verschillen">
                    {q.data.verschillen.map((v, i) => (
                      <li key={i}>{v}</li>
                    ))}
                  </ul>
                </Section>
              )}
            </div>
          )
        )}
      </Section>
    </>
  );
}
