import { useMemo } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { faseNaam } from '../../app/namen.ts';
import { Link, useSearchParams, type PageProps } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import {
  Badge,
  Button,
  Countdown,
  EmptyState,
  PageHeader,
  QueryState,
  Select,
  Table,
  type Column,
} from '../../ui/index.ts';
import type { Lijst } from './types.ts';
import './messages.ts';
import './openbaar.css';

type Rij = Lijst['kaders'][number];
const FILTERS = ['jaar', 'sector', 'regio', 'zorgkantoor'] as const;

/** "2026" or "2026–2027" */
export const periode = (van: number, tot: number) => (van === tot ? String(van) : `${van}–${tot}`);
/** "2025-07-31T17:00:00+02:00" → "2025-07-31 17:00" (the Amsterdam wall clock as published) */
export const lokaleTijd = (s: string | null) => (s ? s.slice(0, 16).replace('T', ' ') : '—');
/** An instant on the Amsterdam clock, whatever the browser's time zone: "2 jun 2025 10:00". */
export function amsterdam(iso: string, taal: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(taal === 'en' ? 'en-GB' : 'nl-NL', {
    timeZone: 'Europe/Amsterdam',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** The login page's companion for people without an account: every published purchasing framework. */
export function OpenbareKaders(_: PageProps) {
  const { t, taal } = useI18n();
  const { gebruiker } = useSession();
  const [sp, setSp] = useSearchParams();
  const filters = Object.fromEntries(FILTERS.map((f) => [f, sp.get(f) ?? ''])) as Record<
    (typeof FILTERS)[number],
    string
  >;
  const q = useQuery({
    queryKey: ['openbaar', 'inkoopkaders', filters],
    queryFn: () => api.get<Lijst>('/openbaar/inkoopkaders', { query: filters }),
    placeholderData: keepPreviousData,
  });
  const columns = useMemo<Column<Rij>[]>(
    () => [
      {
        key: 'titel',
        header: t('openbaar.kolom.titel'),
        rowHeader: true,
        sortValue: (k) => k.titel,
        cell: (k) => <Link to={`/openbaar/inkoopkaders/${k.id}`}>{k.titel}</Link>,
      },
      {
        key: 'zorgkantoor',
        header: t('openbaar.kolom.zorgkantoor'),
        sortValue: (k) => k.zorgkantoor.naam,
        cell: (k) => k.zorgkantoor.naam,
      },
      {
        key: 'periode',
        header: t('openbaar.kolom.periode'),
        sortValue: (k) => k.jaarVan,
        cell: (k) => periode(k.jaarVan, k.jaarTot),
      },
      {
        key: 'sector',
        header: t('openbaar.kolom.sector'),
        sortValue: (k) => k.sector.code,
        cell: (k) => <abbr title={taal === 'en' ? k.sector.naamEn : k.sector.naam}>{k.sector.code}</abbr>,
      },
      {
        key: 'regios',
        header: t('openbaar.kolom.regios'),
        cell: (k) => k.regios.map((r) => `${r.code} ${r.naam}`).join(', '),
      },
      {
        key: 'procedure',
        header: t('openbaar.kolom.procedure'),
        sortValue: (k) => k.procedure.type,
        cell: (k) => (taal === 'en' ? k.procedure.naamEn : k.procedure.naam),
      },
      {
        key: 'fase',
        header: t('openbaar.kolom.fase'),
        sortValue: (k) => k.fase,
        cell: (k) => <Badge>{faseNaam(t, k.fase)}</Badge>,
      },
      {
        key: 'versie',
        header: t('openbaar.kolom.versie'),
        align: 'right',
        sortValue: (k) => k.gepubliceerdeVersie,
        cell: (k) => String(k.gepubliceerdeVersie),
      },
      {
        key: 'deadline',
        header: t('openbaar.kolom.deadline'),
        sortValue: (k) => k.deadline ?? '',
        cell: (k) =>
          k.deadline ? (
            <>
              {lokaleTijd(k.deadlineLokaal)}
              <br />
              <Countdown tot={k.deadline} serverNu={q.data?.nu} />
            </>
          ) : (
            t('openbaar.geen.deadline')
          ),
      },
    ],
    [t, taal, q.data?.nu],
  );
  const k = q.data?.keuzes;
  const alle = { value: '', label: t('openbaar.filter.alle') };
  return (
    <div className="openbaar">
      <PageHeader title={t('openbaar.lijst.titel')} intro={t('openbaar.lijst.intro')} />
      <p className="muted">{t('openbaar.lijst.nooit')}</p>
      {!gebruiker && (
        <p>
          {t('openbaar.inloggen.tekst')} <Link to="/inloggen">{t('openbaar.inloggen')}</Link>
        </p>
      )}
      <form className="openbaar-filters" aria-label={t('openbaar.filters')} onSubmit={(e) => e.preventDefault()}>
        <Select
          id="openbaar-jaar"
          label={t('openbaar.filter.jaar')}
          value={filters.jaar}
          onChange={(e) => setSp({ jaar: e.target.value })}
          options={[alle, ...(k?.jaren ?? []).map((j) => ({ value: String(j), label: String(j) }))]}
        />
        <Select
          id="openbaar-sector"
          label={t('openbaar.filter.sector')}
          value={filters.sector}
          onChange={(e) => setSp({ sector: e.target.value })}
          options={[
            alle,
            ...(k?.sectoren ?? []).map((s) => ({
              value: s.code,
              label: `${s.code} – ${taal === 'en' ? s.naamEn : s.naam}`,
            })),
          ]}
        />
        <Select
          id="openbaar-regio"
          label={t('openbaar.filter.regio')}
          value={filters.regio}
          onChange={(e) => setSp({ regio: e.target.value })}
          options={[alle, ...(k?.regios ?? []).map((r) => ({ value: r.code, label: `${r.code} ${r.naam}` }))]}
        />
        <Select
          id="openbaar-zorgkantoor"
          label={t('openbaar.filter.zorgkantoor')}
          value={filters.zorgkantoor}
          onChange={(e) => setSp({ zorgkantoor: e.target.value })}
          options={[alle, ...(k?.zorgkantoren ?? []).map((z) => ({ value: z.id, label: z.naam }))]}
        />
        {FILTERS.some((f) => filters[f]) && (
          <Button onClick={() => setSp({ jaar: null, sector: null, regio: null, zorgkantoor: null })}>
            {t('openbaar.filter.wissen')}
          </Button>
        )}
      </form>
      <QueryState query={q}>
        {(l) => (
          <>
            <p role="status" className="muted">
              {t('openbaar.lijst.aantal', { n: l.aantal })}
            </p>
            {l.kaders.length === 0 ? (
              <EmptyState>{t('openbaar.lijst.leeg')}</EmptyState>
            ) : (
              <Table
                caption={t('openbaar.lijst.tabel')}
                captionHidden
                rows={l.kaders}
                rowKey={(r) => r.id}
                columns={columns}
                filter={(r, s) => `${r.titel} ${r.zorgkantoor.naam}`.toLowerCase().includes(s)}
              />
            )}
          </>
        )}
      </QueryState>
    </div>
  );
}
