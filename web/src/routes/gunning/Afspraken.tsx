/**
 * "Stap 5 - (Verbeter)afspraken vaststellen" (Inkoopkader Langdurige Zorg 2016, §2.2.4) on the
 * assessment and award screens: the read-only conditions with their source, the zorgkantoor's
 * decision on the ontwikkelplan (agree / send back with a reason), the opslag proposed from the score
 * table, and the prices per prestatie of a contract with the grants of the opslag.
 */
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useSession } from '../../app/session.tsx';
import {
  Alert,
  Badge,
  Button,
  DetailList,
  formatBedrag,
  formatGetal,
  ProblemAlert,
  Section,
  Select,
  Table,
  TextArea,
  TextInput,
} from '../../ui/index.ts';
import type { Detail } from './types.ts';
import './messages.ts';

const pctTekst = (p: string, taal: 'nl' | 'en') => `${formatGetal(p, taal, 2)}%`;

/** The two-year conditions (2016) and the algemene gunningsvoorwaarden (2008): computed or contract terms, never scored. */
export function VoorwaardenWeergave({ d }: { d: Detail }) {
  const { t } = useI18n();
  const v = d.voorwaarden;
  if (!v || (v.tweejarig.length === 0 && v.gunningsvoorwaarden.length === 0)) return null;
  return (
    <Section title={t('gunning.voorwaarden.titel')}>
      <p>{t('gunning.voorwaarden.uitleg')}</p>
      {v.tweejarig.length > 0 && (
        <Table
          caption={t('gunning.voorwaarden.tweejarig')}
          rows={v.tweejarig}
          rowKey={(x) => x.code}
          columns={[
            { key: 'c', header: t('gunning.kolom.criterium'), rowHeader: true, cell: (x) => `${x.code} ${x.regel}` },
            {
              key: 'v',
              header: t('gunning.voorwaarden.voldaan'),
              cell: (x) => (
                <Badge variant={x.voldaan ? 'success' : 'warning'}>{t(x.voldaan ? 'gunning.ja' : 'gunning.nee')}</Badge>
              ),
            },
            { key: 't', header: t('gunning.kolom.toelichting'), cell: (x) => x.toelichting },
            { key: 'b', header: t('gunning.voorwaarden.bron'), cell: (x) => x.bron },
          ]}
        />
      )}
      {v.gunningsvoorwaarden.length > 0 && (
        <Table
          caption={t('gunning.voorwaarden.contract')}
          rows={v.gunningsvoorwaarden}
          rowKey={(x) => x.code}
          columns={[
            { key: 'c', header: t('gunning.kolom.eis'), rowHeader: true, cell: (x) => `${x.code} ${x.tekst}` },
            { key: 'b', header: t('gunning.voorwaarden.bron'), cell: (x) => x.bron },
          ]}
        />
      )}
    </Section>
  );
}

interface PlanBeoordeling {
  stand: {
    zelfanalyseZorgvuldig: boolean;
    zelfanalyseOntbreekt: { waar: string; wat: string }[];
    planStatus: string | null;
    planAkkoord: boolean;
    teruggestuurdReden: string | null;
    ontbrekendeElementen: { code: string; wat: string }[];
    clientenraadBetrokken: boolean;
    clientenraadBetrokkenheid: string | null;
    bron: { zelfanalyse: string; akkoord: string; clientenraad: string };
  };
  plan: Record<string, string | string[] | null> | null;
  besluiten: { besluit: string; reden: string | null; beslotenOp: string; door: string }[];
}

const PLAN_VELDEN = ['doelstelling', 'planVanAanpak', 'planning', 'investering', 'risicos', 'resultaten', 'bewijslast'];

/** The zorgkantoor agrees with the plan the provider offered as final, or sends it back with a reason. */
export function OntwikkelplanBesluit({ d }: { d: Detail }) {
  const { t, taal } = useI18n();
  const { rollen } = useSession();
  const qc = useQueryClient();
  const sleutel = ['gunning', 'ontwikkelplan', d.inschrijvingId];
  const q = useQuery({
    queryKey: sleutel,
    queryFn: () =>
      api.get<PlanBeoordeling>(
        `/inkoop/inschrijvingen/${encodeURIComponent(d.inschrijvingId)}/ontwikkelplan/beoordeling`,
      ),
    enabled: !!d.ontwikkelplan,
  });
  const [reden, setReden] = useState('');
  const ververs = () => {
    qc.invalidateQueries({ queryKey: sleutel });
    qc.invalidateQueries({ queryKey: ['gunning', 'inschrijving', d.inschrijvingId] });
  };
  const akkoord = useMutation({
    mutationFn: () =>
      api.post<{ waarschuwingen: { code: string; wat: string }[] }>(
        `/inkoop/inschrijvingen/${d.inschrijvingId}/ontwikkelplan/akkoord`,
        {},
      ),
    onSuccess: ververs,
  });
  const terug = useMutation({
    mutationFn: () => api.post(`/inkoop/inschrijvingen/${d.inschrijvingId}/ontwikkelplan/terugsturen`, { reden }),
    onSuccess: () => {
      setReden('');
      ververs();
    },
  });
  if (!d.ontwikkelplan || !q.data) return null;
  const { stand, plan, besluiten } = q.data;
  const magBesluiten = (rollen.includes('inkoper') || rollen.includes('manager')) && stand.planStatus === 'definitief';
  return (
    <Section title={t('gunning.plan.titel')}>
      <p>{t('gunning.plan.uitleg', { bron: stand.bron.akkoord })}</p>
      <DetailList
        items={[
          [t('gunning.plan.status'), <Badge key="s">{t(`gunning.plan.status.${stand.planStatus ?? 'geen'}`)}</Badge>],
          [
            t('gunning.plan.zelfanalyse'),
            stand.zelfanalyseZorgvuldig
              ? t('gunning.plan.zorgvuldig')
              : `${t('gunning.plan.nietzorgvuldig')} ${stand.zelfanalyseOntbreekt.map((x) => x.wat).join(' ')}`,
          ],
          [
            t('gunning.plan.clientenraad'),
            stand.clientenraadBetrokken ? (stand.clientenraadBetrokkenheid ?? t('gunning.ja')) : t('gunning.nee'),
          ],
          ...PLAN_VELDEN.map(
            (v) =>
              [
                t(`gunning.plan.veld.${v}`),
                v === 'investering' && plan?.[v] ? formatBedrag(String(plan[v]), taal) : ((plan?.[v] as string) ?? '—'),
              ] as [string, string],
          ),
        ]}
      />
      {!stand.clientenraadBetrokken && (
        <Alert variant="warning">
          {t('gunning.plan.clientenraad.waarschuwing', { bron: stand.bron.clientenraad })}
        </Alert>
      )}
      {stand.teruggestuurdReden && stand.planStatus === 'voorstel' && (
        <Alert variant="info">{t('gunning.plan.teruggestuurd', { reden: stand.teruggestuurdReden })}</Alert>
      )}
      {magBesluiten && (
        <div>
          {akkoord.error && <ProblemAlert error={akkoord.error} />}
          <Button variant="primary" bezig={akkoord.isPending} onClick={() => akkoord.mutate()}>
            {t('gunning.plan.akkoord')}
          </Button>
          <TextArea label={t('gunning.plan.reden')} rows={2} value={reden} onChange={(e) => setReden(e.target.value)} />
          {terug.error && <ProblemAlert error={terug.error} />}
          <Button bezig={terug.isPending} onClick={() => terug.mutate()}>
            {t('gunning.plan.terugsturen')}
          </Button>
        </div>
      )}
      {besluiten.length > 0 && (
        <ul>
          {besluiten.map((b, i) => (
            <li key={i}>
              {t(`gunning.plan.besluit.${b.besluit}`)} — {b.door}
              {b.reden ? `: ${b.reden}` : ''}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

/** The opslag the score table proposes; the manager may deviate with a motivation (never above the table or 3%). */
export function OpslagVoorstel({ d, onOvernemen }: { d: Detail; onOvernemen: (opslag: string) => void }) {
  const { t, taal } = useI18n();
  if (!d.opslagVoorstel)
    return d.ontwikkelplan && !d.ontwikkelplan.akkoord ? (
      <Alert variant="info">{t('gunning.opslag.geenplan')}</Alert>
    ) : null;
  const v = d.opslagVoorstel;
  return (
    <Alert variant="info" title={t('gunning.opslag.voorstel', { opslag: pctTekst(v.opslag, taal) })}>
      <p>{v.toelichting}</p>
      <p>{t('gunning.opslag.afwijken', { max: pctTekst(v.tabelMaximum, taal) })}</p>
      <Button onClick={() => onOvernemen(v.opslag)}>{t('gunning.opslag.overnemen')}</Button>
    </Alert>
  );
}

interface Prijzen {
  opslagAfgesproken: string;
  opslagToegekend: string;
  toekenningen: { moment: string; percentage: string; cumulatief: string; motivatie: string | null }[];
  prijzen: {
    prestatieCode: string;
    nzaMax: string;
    basistariefPct: string;
    basistarief: string;
    opslagPct: string;
    prijs: string;
    maxTariefZk: string;
    voorbeeld: boolean;
  }[];
  bron: string;
}

/** The prices per prestatie of a contract and, for the manager, granting the opslag at herschikking / nacalculatie. */
export function OvereenkomstPrijzen({ overeenkomstId }: { overeenkomstId: string }) {
  const { t, taal } = useI18n();
  const { rollen } = useSession();
  const qc = useQueryClient();
  const sleutel = ['gunning', 'prijzen', overeenkomstId];
  const q = useQuery({
    queryKey: sleutel,
    queryFn: () => api.get<Prijzen>(`/inkoop/overeenkomsten/${encodeURIComponent(overeenkomstId)}/prijzen`),
  });
  const [moment, setMoment] = useState('herschikking');
  const [percentage, setPercentage] = useState('');
  const [motivatie, setMotivatie] = useState('');
  const m = useMutation({
    mutationFn: () =>
      api.post(`/inkoop/overeenkomsten/${overeenkomstId}/opslag-toekenning`, {
        moment,
        percentage,
        motivatie: motivatie || undefined,
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: sleutel }),
  });
  if (!q.data) return null;
  const p = q.data;
  return (
    <Section title={t('gunning.prijzen.titel')}>
      <p>{t('gunning.prijzen.uitleg', { bron: p.bron })}</p>
      <DetailList
        items={[
          [t('gunning.prijzen.afgesproken'), pctTekst(p.opslagAfgesproken, taal)],
          [t('gunning.prijzen.toegekend'), pctTekst(p.opslagToegekend, taal)],
          ...p.toekenningen.map(
            (x) =>
              [
                t(`gunning.prijzen.moment.${x.moment}`),
                `${pctTekst(x.percentage, taal)}${x.motivatie ? ` — ${x.motivatie}` : ''}`,
              ] as [string, string],
          ),
        ]}
      />
      {p.prijzen.some((x) => x.voorbeeld) && <Alert variant="warning">{t('gunning.prijzen.voorbeeld')}</Alert>}
      {p.prijzen.length === 0 ? (
        <p>{t('gunning.prijzen.geen')}</p>
      ) : (
        <Table
          caption={t('gunning.prijzen.titel')}
          captionHidden
          rows={p.prijzen}
          rowKey={(x) => x.prestatieCode}
          columns={[
            { key: 'p', header: t('gunning.prijzen.prestatie'), rowHeader: true, cell: (x) => x.prestatieCode },
            { key: 'n', header: t('gunning.prijzen.nza'), cell: (x) => formatBedrag(x.nzaMax, taal) },
            { key: 'bp', header: t('gunning.prijzen.basispct'), cell: (x) => pctTekst(x.basistariefPct, taal) },
            { key: 'b', header: t('gunning.prijzen.basis'), cell: (x) => formatBedrag(x.basistarief, taal) },
            { key: 'o', header: t('gunning.prijzen.opslag'), cell: (x) => pctTekst(x.opslagPct, taal) },
            { key: 'pr', header: t('gunning.prijzen.prijs'), cell: (x) => formatBedrag(x.prijs, taal) },
            { key: 'm', header: t('gunning.prijzen.maxzk'), cell: (x) => formatBedrag(x.maxTariefZk, taal) },
          ]}
        />
      )}
      {rollen.includes('manager') && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            m.mutate();
          }}
          noValidate
        >
          <Select
            label={t('gunning.prijzen.moment')}
            value={moment}
            onChange={(e) => setMoment(e.target.value)}
            options={[
              { value: 'herschikking', label: t('gunning.prijzen.moment.herschikking') },
              { value: 'nacalculatie', label: t('gunning.prijzen.moment.nacalculatie') },
            ]}
          />
          <TextInput
            label={t('gunning.prijzen.percentage')}
            inputMode="decimal"
            value={percentage}
            onChange={(e) => setPercentage(e.target.value)}
          />
          <TextArea
            label={t('gunning.prijzen.motivatie')}
            rows={2}
            value={motivatie}
            onChange={(e) => setMotivatie(e.target.value)}
          />
          {m.error && <ProblemAlert error={m.error} />}
          {m.isSuccess && <Alert variant="success">{t('gunning.prijzen.toegekend.ok')}</Alert>}
          <Button type="submit" variant="primary" bezig={m.isPending}>
            {t('gunning.prijzen.toekennen')}
          </Button>
        </form>
      )}
    </Section>
  );
}
