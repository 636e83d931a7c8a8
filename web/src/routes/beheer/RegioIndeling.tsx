import { useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useSearchParams, type PageProps } from '../../app/router.tsx';
import {
  Alert,
  Button,
  PageHeader,
  ProblemAlert,
  QueryState,
  Select,
  Table,
  TextInput,
  type Column,
} from '../../ui/index.ts';
import { ZorgkantoorCel } from '../reference/Regios.tsx';
import type { Regio } from '../reference/types.ts';
import './messages.ts';

/**
 * The editable region → zorgkantoor mapping per year (PUT /regios/:code/concessie/:jaar), for the
 * applicatiebeheerder only (the route in index.ts; the server checks again). Every change is audited
 * and replaces the demo ("voorbeeld") assignment of that region. A past year is shown read-only: the
 * server refuses changes to it (409).
 */
export function RegioIndelingPagina(_: PageProps) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [sp, setSp] = useSearchParams();
  const ditJaar = new Date().getFullYear();
  const jaar = Number(sp.get('jaar') ?? ditJaar) || ditJaar;
  const vergrendeld = jaar < ditJaar;
  const q = useQuery({
    queryKey: ['regios', { jaar }],
    queryFn: () => api.get<Regio[]>('/regios', { query: { jaar } }),
  });
  const alleRegios = useQuery({ queryKey: ['regios'], queryFn: () => api.get<Regio[]>('/regios') });
  const [keuze, setKeuze] = useState<Record<string, string>>({});
  const [bron, setBron] = useState('');
  const [melding, setMelding] = useState<string | null>(null);

  // The seven zorgkantoren, as they appear in the mapping (this year and the year shown).
  const zorgkantoren = useMemo(() => {
    const m = new Map<string, string>();
    for (const r of [...(alleRegios.data ?? []), ...(q.data ?? [])])
      if (r.zorgkantoorId && r.zorgkantoorNaam) m.set(r.zorgkantoorId, r.zorgkantoorNaam);
    return [...m].sort((a, b) => a[1].localeCompare(b[1], 'nl')).map(([value, label]) => ({ value, label }));
  }, [alleRegios.data, q.data]);

  const m = useMutation({
    mutationFn: (v: { code: string; organisatieId: string }) =>
      api.put<{ regioCode: string; zorgkantoorNaam: string }>(
        `/regios/${encodeURIComponent(v.code)}/concessie/${jaar}`,
        { organisatieId: v.organisatieId, ...(bron.trim() ? { bron: bron.trim() } : {}) },
      ),
    onSuccess: (r) => {
      setMelding(t('beheer.indeling.opgeslagen', { regio: r.regioCode, zorgkantoor: r.zorgkantoorNaam, jaar }));
      setKeuze((k) => {
        const n = { ...k };
        delete n[r.regioCode];
        return n;
      });
      qc.invalidateQueries({ queryKey: ['regios'] });
    },
  });

  const columns = useMemo<Column<Regio>[]>(
    () => [
      { key: 'code', header: t('reference.kolom.code'), sortValue: (r) => r.code, width: '5rem' },
      { key: 'naam', header: t('reference.kolom.naam'), rowHeader: true, sortValue: (r) => r.naam },
      {
        key: 'huidig',
        header: t('beheer.indeling.huidig', { jaar }),
        sortValue: (r) => r.zorgkantoorNaam,
        cell: (r) => <ZorgkantoorCel r={r} />,
      },
      {
        key: 'nieuw',
        header: t('beheer.indeling.nieuw'),
        cell: (r) =>
          !r.actief ? (
            <span className="muted">{t('reference.inactief')}</span>
          ) : vergrendeld ? (
            <span className="muted">{t('beheer.indeling.vast')}</span>
          ) : (
            <div className="inline-form">
              <Select
                label={t('beheer.indeling.kies', { regio: `${r.code} ${r.naam}` })}
                className="field-compact"
                value={keuze[r.code] ?? r.zorgkantoorId ?? ''}
                placeholder={r.zorgkantoorId ? undefined : t('beheer.indeling.kieszorgkantoor')}
                options={zorgkantoren}
                onChange={(e) => setKeuze({ ...keuze, [r.code]: e.target.value })}
              />
              {/* saving the current (example) holder confirms it: the region is then no longer "voorbeeld" */}
              <Button
                variant="secondary"
                disabled={
                  !(keuze[r.code] ?? r.zorgkantoorId) ||
                  ((keuze[r.code] ?? r.zorgkantoorId) === r.zorgkantoorId && !r.indelingIsVoorbeeld)
                }
                bezig={m.isPending && m.variables?.code === r.code}
                onClick={() => {
                  setMelding(null);
                  m.mutate({ code: r.code, organisatieId: (keuze[r.code] ?? r.zorgkantoorId)! });
                }}
                aria-label={t('beheer.indeling.opslaan.regio', { regio: `${r.code} ${r.naam}` })}
              >
                {t('beheer.indeling.opslaan')}
              </Button>
            </div>
          ),
      },
    ],
    [t, jaar, vergrendeld, keuze, zorgkantoren, m],
  );

  return (
    <>
      <PageHeader title={t('beheer.indeling.titel')} intro={t('beheer.indeling.intro')} />
      <div className="filters">
        <Select
          label={t('reference.regio.jaar.label')}
          className="field-inline"
          value={String(jaar)}
          options={[ditJaar - 1, ditJaar, ditJaar + 1, ditJaar + 2].map((j) => ({
            value: String(j),
            label: String(j),
          }))}
          onChange={(e) => {
            setKeuze({});
            setSp({ jaar: e.target.value });
          }}
        />
        <TextInput
          label={t('beheer.indeling.bron')}
          hint={t('beheer.indeling.bron.hint')}
          value={bron}
          onChange={(e) => setBron(e.target.value)}
          maxLength={500}
        />
      </div>
      {vergrendeld && <Alert variant="info">{t('beheer.indeling.vergrendeld', { jaar })}</Alert>}
      {melding && <Alert variant="success">{melding}</Alert>}
      {m.error && <ProblemAlert error={m.error} />}
      <QueryState query={q}>
        {(regios) => (
          <Table
            caption={t('beheer.indeling.titel')}
            captionHidden
            rows={regios}
            rowKey={(r) => r.code}
            columns={columns}
            initialSort={{ key: 'code', dir: 'asc' }}
            pageSize={100}
            filter={(r, s) =>
              r.code.includes(s) ||
              r.naam.toLowerCase().includes(s) ||
              (r.zorgkantoorNaam ?? '').toLowerCase().includes(s)
            }
          />
        )}
      </QueryState>
    </>
  );
}
