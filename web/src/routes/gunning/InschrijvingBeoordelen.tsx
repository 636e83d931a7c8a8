import { useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { Link, type PageProps } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import {
  Alert,
  Badge,
  Button,
  DetailList,
  EmptyState,
  Fieldset,
  formatBedrag,
  formatGetal,
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
import { gunningenQuery, uitkomstVariant } from './Overzicht.tsx';
import type { Detail, Gunning, Overzicht } from './types.ts';
import { BestValueWeergave } from '../bestvalue/BestValueWeergave.tsx';
import { SignalenVanAanbieder } from '../signalen/SignalenVanAanbieder.tsx';
import { OntwikkelplanBesluit, OpslagVoorstel, VoorwaardenWeergave } from './Afspraken.tsx';
import './messages.ts';

const detailKey = (id: string) => ['gunning', 'inschrijving', id];

export function InschrijvingBeoordelen({ params }: PageProps) {
  const { t } = useI18n();
  const q = useQuery({
    queryKey: detailKey(params.id),
    queryFn: () => api.get<Detail>(`/inkoop/inschrijvingen/${encodeURIComponent(params.id)}/beoordeling`),
  });
  return (
    <>
      <PageHeader
        title={q.data ? t('gunning.ins.titel', { naam: q.data.aanbiederNaam }) : t('gunning.kader.titel')}
        kruimels={[
          { label: t('gunning.titel'), to: '/gunning' },
          ...(q.data ? [{ label: q.data.kaderTitel, to: `/gunning/kaders/${q.data.kaderId}` }] : []),
          { label: q.data?.aanbiederNaam ?? '…' },
        ]}
      />
      <QueryState query={q} notFound={<EmptyState title={t('gunning.ins.nietgevonden')} />}>
        {(d) => <Inhoud d={d} />}
      </QueryState>
    </>
  );
}

function Inhoud({ d }: { d: Detail }) {
  const { t, taal } = useI18n();
  const { gebruiker, rollen } = useSession();
  const mijnId = gebruiker?.gebruikerId;
  const g = useQuery(gunningenQuery(d.kaderId));
  const mijnGunningen = (g.data ?? []).filter((x) => x.inschrijvingId === d.inschrijvingId);
  const b = d.besluit;
  const magScoren =
    rollen.includes('beoordelaar') &&
    (!b || b.status === 'afgewezen' || (b.status === 'voorgesteld' && b.beoordelaarId === mijnId));
  const magBesluiten = (rollen.includes('beoordelaar') || rollen.includes('manager')) && b?.status === 'voorgesteld';
  const zelfBeoordeeld = !!b && (b.beoordelaarId === mijnId || d.scores.some((s) => s.beoordelaarId === mijnId));

  const scoreColumns = useMemo<Column<Detail['scores'][number]>[]>(
    () => [
      {
        key: 'c',
        header: t('gunning.kolom.criterium'),
        rowHeader: true,
        sortValue: (s) => s.criteriumCode,
        cell: (s) => s.criteriumCode,
      },
      { key: 'b', header: t('gunning.kolom.beoordelaar'), cell: (s) => s.beoordelaarNaam },
      {
        key: 's',
        header: t('gunning.kolom.scorecriterium'),
        cell: (s) =>
          s.score !== null
            ? formatGetal(s.score, taal)
            : s.voldaan === null
              ? '—'
              : t(s.voldaan ? 'gunning.ja' : 'gunning.nee'),
      },
      { key: 'm', header: t('gunning.kolom.motivatie'), cell: (s) => s.motivatie },
    ],
    [t, taal],
  );

  return (
    <>
      <Section title={t('gunning.antwoorden')}>
        {d.antwoorden.length === 0 ? (
          <p>{t('gunning.geen.antwoorden')}</p>
        ) : (
          <Table
            caption={t('gunning.antwoorden')}
            captionHidden
            rows={d.antwoorden}
            rowKey={(a) => a.code}
            columns={[
              { key: 'code', header: t('gunning.kolom.eis'), rowHeader: true, cell: (a) => `${a.code} ${a.tekst}` },
              {
                key: 'w',
                header: t('gunning.kolom.antwoord'),
                cell: (a) =>
                  typeof a.waarde === 'boolean'
                    ? t(a.waarde ? 'gunning.ja' : 'gunning.nee')
                    : a.waarde === null
                      ? '—'
                      : String(a.waarde),
              },
              { key: 't', header: t('gunning.kolom.toelichting'), cell: (a) => a.toelichting ?? '' },
            ]}
          />
        )}
      </Section>
      {d.bestValue && <BestValueWeergave voorstel={d.bestValue} />}
      <VoorwaardenWeergave d={d} />
      <OntwikkelplanBesluit d={d} />
      {magScoren && <ScoreForm d={d} />}
      {d.scores.length > 0 && (
        <Section title={t('gunning.scores')}>
          <Table
            caption={t('gunning.scores')}
            captionHidden
            rows={d.scores}
            rowKey={(s) => `${s.beoordelaarId}-${s.criteriumCode}`}
            columns={scoreColumns}
          />
          {b && (
            <p>
              {t('gunning.kolom.score')}: <strong>{b.totaalscore ? formatGetal(b.totaalscore, taal, 2) : '—'}</strong>
              {b.knockOut && (
                <>
                  {' '}
                  <Badge variant="danger">{t('gunning.knockout', { code: b.knockOut })}</Badge>
                </>
              )}
            </p>
          )}
        </Section>
      )}
      {b && (
        <Section title={t('gunning.besluit')}>
          <p>
            {t('gunning.besluit.status', {
              status: t(`gunning.status.${b.status}`),
              beoordelaar: b.beoordelaarNaam ?? '—',
              beslisser: b.beslisserNaam ?? '—',
            })}
          </p>
          {magBesluiten &&
            (zelfBeoordeeld ? <Alert variant="warning">{t('gunning.besluit.eigen')}</Alert> : <BesluitForm d={d} />)}
        </Section>
      )}
      {rollen.includes('manager') && b?.status === 'vastgesteld' && <GunnenPanel d={d} gunningen={mijnGunningen} />}
      {mijnGunningen.length > 0 && (
        <Section title={t('gunning.kolom.gunning')}>
          <ul>
            {mijnGunningen.map((x) => (
              <li key={x.id}>
                <Link to={`/gunning/gunningen/${x.id}`}>
                  {t(`gunning.soort.${x.soort}`)}: {t(`gunning.uitkomst.${x.uitkomst}`)}
                </Link>
              </li>
            ))}
          </ul>
        </Section>
      )}
    </>
  );
}

function ScoreForm({ d }: { d: Detail }) {
  const { t, taal } = useI18n();
  const qc = useQueryClient();
  const { gebruiker } = useSession();
  const eigen = (code: string) =>
    d.scores.find((s) => s.criteriumCode === code && s.beoordelaarId === gebruiker?.gebruikerId);
  const [waarden, setWaarden] = useState<Record<string, { score: string; voldaan: string; motivatie: string }>>(() =>
    Object.fromEntries(
      d.criteria.map((c) => {
        const s = eigen(c.code);
        return [
          c.code,
          {
            score: s?.score ?? '',
            voldaan: s?.voldaan === null || s?.voldaan === undefined ? '' : String(s.voldaan),
            motivatie: s?.motivatie ?? '',
          },
        ];
      }),
    ),
  );
  const zet = (code: string, veld: 'score' | 'voldaan' | 'motivatie', v: string) =>
    setWaarden((w) => ({ ...w, [code]: { ...w[code], [veld]: v } }));
  const m = useMutation({
    mutationFn: () =>
      api.put(`/inkoop/inschrijvingen/${d.inschrijvingId}/beoordeling`, {
        scores: d.criteria
          // judged from the answer itself: the server adds these (regel inkoop.toetreding.poort.v1)
          .filter((c) => !c.automatisch)
          .filter((c) => !(c.soort === 'gewogen' && !waarden[c.code].score && !waarden[c.code].motivatie))
          .map((c) =>
            c.soort === 'knock-out'
              ? {
                  criteriumCode: c.code,
                  voldaan: waarden[c.code].voldaan === '' ? null : waarden[c.code].voldaan === 'true',
                  motivatie: waarden[c.code].motivatie,
                }
              : { criteriumCode: c.code, score: waarden[c.code].score, motivatie: waarden[c.code].motivatie },
          ),
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: detailKey(d.inschrijvingId) }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    m.mutate();
  };
  return (
    <Section title={t('gunning.scoren')}>
      <p>{t('gunning.scoren.uitleg')}</p>
      <form onSubmit={submit} noValidate>
        {d.criteria
          .filter((c) => c.automatisch)
          .map((c) => (
            <p key={c.code}>
              <Badge variant={c.automatisch!.voldaan ? 'success' : 'danger'}>
                {c.code} {t(c.automatisch!.voldaan ? 'gunning.ja' : 'gunning.nee')}
              </Badge>{' '}
              {c.naam} — {t('gunning.automatisch')} {c.automatisch!.toelichting}
            </p>
          ))}
        {d.criteria
          .filter((c) => !c.automatisch)
          .map((c) => (
            <Fieldset
              key={c.code}
              legend={`${c.code} ${c.naam}${c.gewicht ? ` (${t('gunning.kolom.gewicht')} ${formatGetal(c.gewicht, taal)})` : ''}`}
            >
              {c.soort === 'knock-out' ? (
                <Select
                  label={t('gunning.voldaan.label', { code: c.code })}
                  value={waarden[c.code].voldaan}
                  onChange={(e) => zet(c.code, 'voldaan', e.target.value)}
                  placeholder="—"
                  options={[
                    { value: 'true', label: t('gunning.ja') },
                    { value: 'false', label: t('gunning.nee') },
                  ]}
                />
              ) : (
                <TextInput
                  label={t('gunning.score.label', {
                    code: c.code,
                    min: formatGetal(c.schaalMin, taal),
                    max: formatGetal(c.schaalMax, taal),
                  })}
                  inputMode="decimal"
                  value={waarden[c.code].score}
                  onChange={(e) => zet(c.code, 'score', e.target.value)}
                />
              )}
              <TextArea
                label={t('gunning.motivatie.label', { code: c.code })}
                rows={2}
                value={waarden[c.code].motivatie}
                onChange={(e) => zet(c.code, 'motivatie', e.target.value)}
              />
            </Fieldset>
          ))}
        {m.error && <ProblemAlert error={m.error} />}
        {m.isSuccess && <Alert variant="success">{t('gunning.scores.opgeslagen')}</Alert>}
        <Button type="submit" variant="primary" bezig={m.isPending}>
          {t('gunning.scores.opslaan')}
        </Button>
      </form>
    </Section>
  );
}

function BesluitForm({ d }: { d: Detail }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [motivatie, setMotivatie] = useState('');
  const m = useMutation({
    mutationFn: (besluit: 'vastgesteld' | 'afgewezen') =>
      api.post(`/inkoop/inschrijvingen/${d.inschrijvingId}/beoordeling/besluit`, { besluit, motivatie }),
    onSuccess: () => qc.invalidateQueries({ queryKey: detailKey(d.inschrijvingId) }),
  });
  return (
    <div>
      <p>{t('gunning.besluit.uitleg')}</p>
      <TextArea
        label={t('gunning.besluit.motivatie')}
        rows={2}
        value={motivatie}
        onChange={(e) => setMotivatie(e.target.value)}
      />
      {m.error && <ProblemAlert error={m.error} />}
      <div className="button-row">
        <Button variant="primary" bezig={m.isPending} onClick={() => m.mutate('vastgesteld')}>
          {t('gunning.besluit.vaststellen')}
        </Button>{' '}
        <Button variant="danger" bezig={m.isPending} onClick={() => m.mutate('afgewezen')}>
          {t('gunning.besluit.afwijzen')}
        </Button>
      </div>
    </div>
  );
}

const datums = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

/**
 * Best value (src/domain/inkoop/bestvalue-uitkomst.ts): the award follows the rank in the ranking, not
 * the 2016 decision table, so instead of the mark-up and the G-conditions the panel shows the rank
 * and the offered price (from the assessment overview, same query as KaderBeoordelingen).
 */
function BestValueRang({ d }: { d: Detail }) {
  const { t, taal } = useI18n();
  const q = useQuery({
    queryKey: ['gunning', 'kader', d.kaderId],
    queryFn: () => api.get<Overzicht>(`/inkoop/kaders/${encodeURIComponent(d.kaderId)}/beoordelingen`),
  });
  if (!q.data) return null;
  const rij = q.data.inschrijvingen.find((r) => r.inschrijvingId === d.inschrijvingId);
  const gerangschikt = q.data.inschrijvingen.filter((r) => r.rang).length;
  const open = q.data.inschrijvingen.filter((r) => r.beoordeling !== 'vastgesteld').length;
  return (
    <>
      <p>{t('gunning.gunnen.uitleg.bestvalue', { n: q.data.bestValue?.verduidelijkingAantal ?? 1 })}</p>
      <DetailList
        items={[
          [
            t('gunning.bestvalue.rang'),
            rij?.rang
              ? t('gunning.bestvalue.rang.waarde', { rang: rij.rang, aantal: gerangschikt })
              : t('gunning.bestvalue.rang.geen'),
          ],
          [
            t('gunning.bestvalue.prijs'),
            formatBedrag(rij?.aangebodenPrijs ?? d.bestValue?.aangebodenPrijs ?? null, taal),
          ],
        ]}
      />
      {open > 0 && <Alert variant="warning">{t('gunning.bestvalue.open', { open })}</Alert>}
    </>
  );
}

function GunnenPanel({ d, gunningen }: { d: Detail; gunningen: Gunning[] }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const bestValue = !!d.bestValue;
  const voorlopig = gunningen.find((g) => g.soort === 'voorlopig');
  const definitief = gunningen.find((g) => g.soort === 'definitief');
  const gegrond = voorlopig?.bezwaren.some((b) => b.status === 'gegrond' && !b.verwerkt);
  const [opslag, setOpslag] = useState('');
  const [onderzoek, setOnderzoek] = useState('');
  const [vastgesteld, setVastgesteld] = useState('');
  const [motivatie, setMotivatie] = useState('');
  const [vorigJaar, setVorigJaar] = useState('');
  const ververs = () => {
    qc.invalidateQueries({ queryKey: ['gunningen'] });
    qc.invalidateQueries({ queryKey: ['gunning'] });
  };
  const vg = useMutation({
    mutationFn: () =>
      api.post<{ uitkomst: string }>(
        `/inkoop/inschrijvingen/${d.inschrijvingId}/gunning/voorlopig`,
        bestValue
          ? { motivatie: motivatie || undefined }
          : {
              opslagPercentage: opslag || null,
              fraudeonderzoekenGestart: datums(onderzoek),
              fraudeVastgesteld: datums(vastgesteld),
              motivatie: motivatie || undefined,
              ...(vorigJaar ? { overeenkomstVorigJaar: vorigJaar === 'ja' } : {}),
            },
      ),
    onSuccess: ververs,
  });
  const dg = useMutation({
    mutationFn: () =>
      api.post<{ uitkomst: string }>(`/inkoop/inschrijvingen/${d.inschrijvingId}/gunning/definitief`, {
        motivatie: motivatie || undefined,
      }),
    onSuccess: ververs,
  });
  return (
    <Section title={t('gunning.gunnen')}>
      {(!voorlopig || gegrond) && !definitief && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            vg.mutate();
          }}
          noValidate
        >
          {bestValue ? (
            <BestValueRang d={d} />
          ) : (
            <>
              <p>{t('gunning.gunnen.uitleg')}</p>
              <OpslagVoorstel d={d} onOvernemen={setOpslag} />
              <TextInput
                label={t('gunning.opslag')}
                hint={t('gunning.opslag.hint')}
                inputMode="decimal"
                value={opslag}
                onChange={(e) => setOpslag(e.target.value)}
              />
              <SignalenVanAanbieder aanbiederId={d.aanbiederId} />
              <TextInput
                label={t('gunning.fraudeonderzoek')}
                hint={t('gunning.fraude.aanvullend.hint')}
                placeholder="2015-07-01"
                value={onderzoek}
                onChange={(e) => setOnderzoek(e.target.value)}
              />
              <TextInput
                label={t('gunning.fraudevastgesteld')}
                hint={t('gunning.fraude.aanvullend.hint')}
                placeholder="2012-03-15"
                value={vastgesteld}
                onChange={(e) => setVastgesteld(e.target.value)}
              />
              <Select
                label={t('gunning.vorigjaar')}
                hint={t('gunning.vorigjaar.hint')}
                value={vorigJaar}
                onChange={(e) => setVorigJaar(e.target.value)}
                options={[
                  { value: '', label: t('gunning.vorigjaar.auto') },
                  { value: 'ja', label: t('gunning.ja') },
                  { value: 'nee', label: t('gunning.nee') },
                ]}
              />
              {d.regionaleVoorwaarden.length > 0 && (
                // computed by the decision table (read-only, with data and source under the two-year conditions); no tick box
                <div>
                  <h4>{t('gunning.regionaal')}</h4>
                  <p className="muted">
                    {t('gunning.regionaal.berekend', { codes: d.regionaleVoorwaarden.map((v) => v.code).join(', ') })}
                  </p>
                  {d.regionaleVoorwaarden.some((v) => !v.soort) && (
                    <Alert variant="warning">
                      {t('gunning.regionaal.zonderSoort', {
                        codes: d.regionaleVoorwaarden
                          .filter((v) => !v.soort)
                          .map((v) => v.code)
                          .join(', '),
                      })}
                    </Alert>
                  )}
                </div>
              )}
            </>
          )}
          <TextArea
            label={t('gunning.gunning.motivatie')}
            rows={2}
            value={motivatie}
            onChange={(e) => setMotivatie(e.target.value)}
          />
          {vg.error && <ProblemAlert error={vg.error} />}
          <Button type="submit" variant="primary" bezig={vg.isPending}>
            {t('gunning.voorlopig.gunnen')}
          </Button>
        </form>
      )}
      {vg.data && (
        <Alert variant="success">{t('gunning.gegund', { uitkomst: t(`gunning.uitkomst.${vg.data.uitkomst}`) })}</Alert>
      )}
      {voorlopig && !definitief && <BezwaarBesluiten gunning={voorlopig} />}
      {voorlopig && !definitief && !gegrond && (
        <div>
          <p>
            <Badge variant={uitkomstVariant(voorlopig.uitkomst)}>
              {t('gunning.soort.voorlopig')}: {t(`gunning.uitkomst.${voorlopig.uitkomst}`)}
            </Badge>
          </p>
          {dg.error && <ProblemAlert error={dg.error} />}
          <Button variant="primary" bezig={dg.isPending} onClick={() => dg.mutate()}>
            {t('gunning.definitief.gunnen')}
          </Button>
        </div>
      )}
      {definitief && (
        <Alert variant="success">
          {t('gunning.gegund', { uitkomst: t(`gunning.uitkomst.${definitief.uitkomst}`) })}
        </Alert>
      )}
    </Section>
  );
}

function BezwaarBesluiten({ gunning }: { gunning: Gunning }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [tekst, setTekst] = useState<Record<string, string>>({});
  const m = useMutation({
    mutationFn: (x: { id: string; status: 'gegrond' | 'ongegrond' }) =>
      api.post(`/inkoop/bezwaren/${x.id}/besluit`, { status: x.status, besluit: tekst[x.id] ?? '' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['gunningen'] }),
  });
  if (gunning.bezwaren.length === 0) return null;
  return (
    <div>
      <h3>{t('gunning.bezwaren')}</h3>
      {m.error && <ProblemAlert error={m.error} />}
      {gunning.bezwaren.map((b) => (
        <div key={b.id} className="card">
          <p>{b.tekst}</p>
          {b.status === 'ingediend' ? (
            <>
              <TextArea
                label={t('gunning.bezwaar.besluit')}
                rows={2}
                value={tekst[b.id] ?? ''}
                onChange={(e) => setTekst((x) => ({ ...x, [b.id]: e.target.value }))}
              />
              <Button bezig={m.isPending} onClick={() => m.mutate({ id: b.id, status: 'gegrond' })}>
                {t('gunning.bezwaar.gegrond')}
              </Button>{' '}
              <Button bezig={m.isPending} onClick={() => m.mutate({ id: b.id, status: 'ongegrond' })}>
                {t('gunning.bezwaar.ongegrond')}
              </Button>
            </>
          ) : (
            <p>
              <Badge>{t(`gunning.bezwaarstatus.${b.status}`)}</Badge> {b.besluit}
            </p>
          )}
        </div>
      ))}
    </div>
  );
}
