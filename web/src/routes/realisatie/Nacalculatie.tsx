import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useSearchParams, type PageProps } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import {
  Badge,
  Button,
  EmptyState,
  formatBedrag,
  formatDatum,
  PageHeader,
  ProblemAlert,
  QueryState,
  Section,
  Select,
  Table,
  TextInput,
} from '../../ui/index.ts';
import { JAREN } from './Monitor.tsx';
import type { Nacalculatie, Nacalculaties, OpslagOordeel, OverproductieRegel } from './types.ts';
import './messages.ts';
import './realisatie.css';

const REGELS: OverproductieRegel[] = ['niet-vergoed', 'later-vergoed', 'tariefkorting'];

/** One nacalculatie: per provider the final amount with its explanation; a manager decides. */
function NacalculatieSectie({ n }: { n: Nacalculatie }) {
  const { t, taal } = useI18n();
  const { heeftRol, organisatieSoort } = useSession();
  const qc = useQueryClient();
  const besluit = useMutation({
    mutationFn: (b: 'vaststellen' | 'afwijzen') =>
      api.post<Nacalculatie>(`/realisatie/nacalculatie/${n.id}/besluit`, { besluit: b }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['realisatie', 'nacalculatie'] }),
  });
  const magBesluiten = organisatieSoort === 'zorgkantoor' && heeftRol('manager') && n.status === 'voorgesteld';
  return (
    <Section title={t('realisatie.nacalculatie.naam', { regio: n.regio, sector: n.sector, jaar: n.jaar })}>
      <p>
        <Badge variant={n.status === 'vastgesteld' ? 'success' : n.status === 'afgewezen' ? 'neutral' : 'info'}>
          {t(`realisatie.nacalculatie.status.${n.status}`)}
        </Badge>{' '}
        {t(`realisatie.nacalculatie.regel.${n.regel}`)}
        {n.kortingspercentage ? ` — ${t('realisatie.nacalculatie.korting', { pct: n.kortingspercentage })}` : ''}
      </p>
      <p>
        {t('realisatie.nacalculatie.voorgesteldDoor', {
          door: n.voorgesteld.door,
          op: formatDatum(n.voorgesteld.op, taal),
        })}
        {n.besluit
          ? ` ${t('realisatie.nacalculatie.beslotenDoor', { door: n.besluit.door, op: formatDatum(n.besluit.op, taal) })}`
          : ''}
      </p>
      {n.uitleg.length > 0 && (
        <ul>
          {n.uitleg.map((u) => (
            <li key={u}>{u}</li>
          ))}
        </ul>
      )}
      <Table
        caption={t('realisatie.nacalculatie.regels')}
        rows={n.regels}
        rowKey={(g) => g.aanbieder}
        columns={[
          {
            key: 'aanbieder',
            header: t('realisatie.aanbieder'),
            rowHeader: true,
            cell: (g) => `${g.naam} (${g.aanbieder})${g.model === 'P' ? ' — model P' : ''}`,
          },
          {
            key: 'afspraak',
            header: t('realisatie.afspraak'),
            align: 'right',
            cell: (g) => formatBedrag(g.afspraak, taal),
          },
          {
            key: 'declarabel',
            header: t('realisatie.nacalculatie.declarabel'),
            align: 'right',
            cell: (g) => formatBedrag(g.declarabel, taal),
          },
          {
            key: 'vastgesteld',
            header: t('realisatie.nacalculatie.vastgesteld'),
            align: 'right',
            cell: (g) => formatBedrag(g.vastgesteld, taal),
          },
          {
            key: 'opslag',
            header: t('realisatie.nacalculatie.opslag'),
            cell: (g) =>
              g.opslag ? (
                <div data-testid={`opslag-${g.aanbieder}`}>
                  <Badge variant={g.opslag.oordeel === 'toegekend' ? 'success' : 'warning'}>
                    {t(`realisatie.nacalculatie.opslag.${g.opslag.oordeel}`, { pct: g.opslag.percentage })}
                  </Badge>
                  <div>
                    {t('realisatie.nacalculatie.opslag.met', { bedrag: formatBedrag(g.opslag.metOpslag, taal) })}
                  </div>
                  {g.opslag.zonderOpslag && (
                    <div>
                      {t('realisatie.nacalculatie.opslag.zonder', {
                        bedrag: formatBedrag(g.opslag.zonderOpslag, taal),
                        minder: formatBedrag(g.opslag.onthouden, taal),
                      })}
                    </div>
                  )}
                  <div>{g.opslag.motivatie}</div>
                </div>
              ) : (
                '–'
              ),
          },
          {
            key: 'onbetaald',
            header: t('realisatie.nacalculatie.onbetaald'),
            align: 'right',
            cell: (g) => formatBedrag(g.onbetaald, taal),
          },
          {
            key: 'basis',
            header: t('realisatie.nacalculatie.basis'),
            align: 'right',
            cell: (g) => formatBedrag(g.basisVolgendJaar, taal),
          },
          {
            key: 'uitleg',
            header: t('realisatie.nacalculatie.uitleg'),
            cell: (g) => (
              <ul className="nacalculatie-uitleg">
                {g.uitleg.map((u) => (
                  <li key={u}>{u}</li>
                ))}
              </ul>
            ),
          },
        ]}
      />
      {magBesluiten && (
        <p>
          <Button variant="primary" bezig={besluit.isPending} onClick={() => besluit.mutate('vaststellen')}>
            {t('realisatie.nacalculatie.vaststellen')}
          </Button>{' '}
          <Button bezig={besluit.isPending} onClick={() => besluit.mutate('afwijzen')}>
            {t('realisatie.nacalculatie.afwijzen')}
          </Button>
        </p>
      )}
      {besluit.error && <ProblemAlert error={besluit.error} />}
    </Section>
  );
}

/** Zorgkantoor staff judge the opslag per provider at the nacalculatie: granted (kept) or withheld (basistarief). */
function OpslagOordeelSectie({ jaar, regio, sector }: { jaar: string; regio: string; sector: string }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [v, setV] = useState({
    aanbieder: '',
    oordeel: 'toegekend' as OpslagOordeel['oordeel'],
    percentage: '',
    motivatie: '',
  });
  const zet = useMutation({
    mutationFn: () =>
      api.put<OpslagOordeel>('/realisatie/nacalculatie/opslag', {
        regio,
        jaar: Number(jaar),
        sector,
        aanbieder: v.aanbieder,
        oordeel: v.oordeel,
        motivatie: v.motivatie,
        ...(v.percentage.trim() ? { percentage: v.percentage.trim() } : {}),
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['realisatie', 'nacalculatie'] }),
  });
  return (
    <Section title={t('realisatie.nacalculatie.opslag.titel')}>
      <p>{t('realisatie.nacalculatie.opslag.intro')}</p>
      <p>
        {regio
          ? t('realisatie.nacalculatie.opslag.voor', { regio, sector, jaar })
          : t('realisatie.nacalculatie.opslag.kiesRegio')}
      </p>
      <form
        className="realisatie-filters"
        onSubmit={(e) => {
          e.preventDefault();
          zet.mutate();
        }}
      >
        <TextInput
          label={t('realisatie.aanbieder')}
          value={v.aanbieder}
          onChange={(e) => setV({ ...v, aanbieder: e.target.value.trim() })}
          required
        />
        <Select
          label={t('realisatie.nacalculatie.opslag.oordeel')}
          value={v.oordeel}
          onChange={(e) => setV({ ...v, oordeel: e.target.value as OpslagOordeel['oordeel'] })}
          options={(['toegekend', 'onthouden'] as const).map((o) => ({
            value: o,
            label: t(`realisatie.nacalculatie.opslag.kies.${o}`),
          }))}
        />
        <TextInput
          label={t('realisatie.nacalculatie.opslag.percentage')}
          value={v.percentage}
          onChange={(e) => setV({ ...v, percentage: e.target.value })}
        />
        <TextInput
          label={t('realisatie.nacalculatie.opslag.motivatie')}
          value={v.motivatie}
          onChange={(e) => setV({ ...v, motivatie: e.target.value })}
          required
        />
        <Button type="submit" bezig={zet.isPending} disabled={!regio}>
          {t('realisatie.nacalculatie.opslag.vastleggen')}
        </Button>
      </form>
      {zet.data && (
        <p role="status">
          {t(`realisatie.nacalculatie.opslag.${zet.data.oordeel}`, { pct: zet.data.percentage })} — {zet.data.aanbieder}
        </p>
      )}
      {zet.error && <ProblemAlert error={zet.error} />}
    </Section>
  );
}

/** Nacalculatie at year end: the zorgkantoor's overproduction rule, proposals, decisions; a provider sees its own line. */
export function NacalculatiePagina(_: PageProps) {
  const { t } = useI18n();
  const { heeftRol, organisatieSoort } = useSession();
  const qc = useQueryClient();
  const [sp, setSp] = useSearchParams();
  const jaar = sp.get('jaar') ?? '2025';
  const [regio, setRegio] = useState('');
  const [sector, setSector] = useState('VV');
  const [regel, setRegel] = useState<OverproductieRegel>('niet-vergoed');
  const q = useQuery({
    queryKey: ['realisatie', 'nacalculatie', jaar],
    queryFn: () => api.get<Nacalculaties>('/realisatie/nacalculatie', { query: { jaar } }),
  });
  const zetRegel = useMutation({
    mutationFn: () => api.put('/realisatie/nacalculatie/regel', { jaar: Number(jaar), regel }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['realisatie', 'nacalculatie'] }),
  });
  const voorstel = useMutation({
    mutationFn: () => api.post<Nacalculatie>('/realisatie/nacalculatie', { regio, jaar: Number(jaar), sector }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['realisatie', 'nacalculatie'] }),
  });
  const zk = organisatieSoort === 'zorgkantoor';
  return (
    <>
      <PageHeader title={t('realisatie.nacalculatie.titel')} intro={t('realisatie.nacalculatie.intro')} />
      <Select
        label={t('realisatie.jaar')}
        value={jaar}
        onChange={(e) => setSp({ jaar: e.target.value })}
        options={JAREN.map((j) => ({ value: j, label: j }))}
      />
      <QueryState query={q}>
        {(d) => (
          <>
            {zk && (
              <Section title={t('realisatie.nacalculatie.regelTitel')}>
                <p data-testid="overproductieregel">
                  {d.overproductieRegel
                    ? t(`realisatie.nacalculatie.regel.${d.overproductieRegel.regel}`)
                    : t('realisatie.nacalculatie.geenRegel')}
                </p>
                {heeftRol('manager') && (
                  <form
                    className="realisatie-filters"
                    onSubmit={(e) => {
                      e.preventDefault();
                      zetRegel.mutate();
                    }}
                  >
                    <Select
                      label={t('realisatie.nacalculatie.regelKies')}
                      value={regel}
                      onChange={(e) => setRegel(e.target.value as OverproductieRegel)}
                      options={REGELS.map((r) => ({ value: r, label: t(`realisatie.nacalculatie.regel.${r}`) }))}
                    />
                    <Button type="submit" bezig={zetRegel.isPending}>
                      {t('realisatie.nacalculatie.regelZetten')}
                    </Button>
                  </form>
                )}
                {zetRegel.error && <ProblemAlert error={zetRegel.error} />}
              </Section>
            )}
            {zk && heeftRol('inkoper', 'controller', 'manager') && (
              <Section title={t('realisatie.nacalculatie.nieuw')}>
                <form
                  className="realisatie-filters"
                  onSubmit={(e) => {
                    e.preventDefault();
                    voorstel.mutate();
                  }}
                >
                  <TextInput
                    label={t('realisatie.regio')}
                    value={regio}
                    onChange={(e) => setRegio(e.target.value.trim())}
                    required
                  />
                  <Select
                    label={t('realisatie.sector')}
                    value={sector}
                    onChange={(e) => setSector(e.target.value)}
                    options={['VV', 'GZ', 'GGZ'].map((s) => ({ value: s, label: s }))}
                  />
                  <Button type="submit" variant="primary" bezig={voorstel.isPending}>
                    {t('realisatie.nacalculatie.voorstellen')}
                  </Button>
                </form>
                {voorstel.error && <ProblemAlert error={voorstel.error} />}
              </Section>
            )}
            {zk && heeftRol('inkoper', 'controller', 'manager') && (
              <OpslagOordeelSectie jaar={jaar} regio={regio} sector={sector} />
            )}
            {d.nacalculaties.length === 0 ? (
              <EmptyState title={t('realisatie.nacalculatie.geen')} />
            ) : (
              d.nacalculaties.map((n) => <NacalculatieSectie key={n.id} n={n} />)
            )}
          </>
        )}
      </QueryState>
    </>
  );
}
