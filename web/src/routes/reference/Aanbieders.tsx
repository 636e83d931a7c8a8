import { useEffect, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { Link, Redirect, useSearchParams, type PageProps } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { Badge, formatGetal, PageHeader, QueryState, Select, Table, TextInput, type Column } from '../../ui/index.ts';
import { useRegios } from './Regios.tsx';
import type { AanbiederPagina, AanbiederRij } from './types.ts';
import './messages.ts';

export function AanbiederLijst(_: PageProps) {
  const { gebruiker } = useSession();
  // A provider has exactly one provider to look at: its own.
  if (gebruiker?.organisatieSoort === 'zorgaanbieder')
    return <Redirect to={`/aanbieders/${encodeURIComponent(gebruiker.organisatieId)}`} />;
  return <AanbiederTabel />;
}

/** The list is paged and searched on the server (nationaal: ~2,000 providers); state lives in the URL. */
function AanbiederTabel() {
  const { t, taal } = useI18n();
  const [sp, setSp] = useSearchParams();
  const zoek = sp.get('zoek') ?? '';
  const regio = sp.get('regio') ?? '';
  const pagina = Math.max(1, Number(sp.get('pagina') ?? '1') || 1);
  const [invoer, setInvoer] = useState(zoek);
  useEffect(() => {
    if (invoer === zoek) return;
    const id = setTimeout(() => setSp({ zoek: invoer, pagina: null }), 300);
    return () => clearTimeout(id);
  }, [invoer, zoek, setSp]);

  const regios = useRegios();
  const q = useQuery({
    queryKey: ['aanbieders', { zoek, regio, pagina }],
    queryFn: () => api.get<AanbiederPagina>('/aanbieders', { query: { zoek, regio, pagina } }),
    placeholderData: (prev) => prev,
    staleTime: 60_000,
  });
  const regioNaam = useMemo(() => new Map((regios.data ?? []).map((r) => [r.code, r.naam])), [regios.data]);

  const columns = useMemo<Column<AanbiederRij>[]>(
    () => [
      {
        key: 'naam',
        header: t('reference.kolom.aanbieder'),
        rowHeader: true,
        cell: (a) => <Link to={`/aanbieders/${encodeURIComponent(a.id)}`}>{a.naam}</Link>,
      },
      { key: 'agb', header: t('reference.kolom.agb'), cell: (a) => a.agb ?? '—' },
      {
        key: 'regios',
        header: t('reference.kolom.regios'),
        cell: (a) =>
          a.regios.map((c) => (
            <span key={c} className="regio-tag" title={regioNaam.get(c)}>
              {c}
              {regioNaam.get(c) ? ` ${regioNaam.get(c)}` : ''}
            </span>
          )),
      },
      { key: 'sectoren', header: t('reference.kolom.sectoren'), cell: (a) => a.sectoren.join(', ') || '—' },
      {
        key: 'locaties',
        header: t('reference.kolom.locaties'),
        align: 'right',
        cell: (a) => formatGetal(a.aantalLocaties, taal),
      },
      {
        key: 'toezicht',
        header: t('reference.kolom.toezicht'),
        cell: (a) => (a.verscherptToezicht ? <Badge variant="danger">{t('reference.verscherpt')}</Badge> : '—'),
      },
    ],
    [t, taal, regioNaam],
  );

  return (
    <>
      <PageHeader title={t('reference.aanbieders.titel')} intro={t('reference.aanbieders.intro')} />
      <div className="filters" role="search">
        <TextInput
          label={t('reference.aanbieders.zoek')}
          type="search"
          value={invoer}
          onChange={(e) => setInvoer(e.target.value)}
        />
        <Select
          label={t('reference.aanbieders.regio')}
          value={regio}
          placeholder={t('reference.aanbieders.alleregios')}
          options={(regios.data ?? []).map((r) => ({ value: r.code, label: `${r.code} ${r.naam}` }))}
          onChange={(e) => setSp({ regio: e.target.value, pagina: null })}
        />
      </div>
      <QueryState query={q}>
        {(p) => (
          <>
            <p className="muted" role="status">
              {t('reference.aanbieders.totaal', { n: formatGetal(p.totaal, taal) })} ·{' '}
              {t(p.zicht === 'alle' ? 'reference.aanbieders.zicht.alle' : 'reference.aanbieders.zicht.regios')}
            </p>
            <Table
              caption={t('reference.aanbieders.tabel')}
              captionHidden
              rows={p.items}
              rowKey={(a) => a.id}
              columns={columns}
              empty={t('reference.aanbieders.geen')}
              paging={{
                pagina: p.pagina,
                perPagina: p.perPagina,
                totaal: p.totaal,
                onPagina: (n) => setSp({ pagina: String(n) }),
              }}
            />
          </>
        )}
      </QueryState>
    </>
  );
}
