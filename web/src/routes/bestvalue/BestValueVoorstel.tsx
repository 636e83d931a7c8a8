import { useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import {
  Alert,
  Button,
  Fieldset,
  ProblemAlert,
  QueryState,
  Section,
  Select,
  TextArea,
  TextInput,
} from '../../ui/index.ts';
import { BestValueWeergave } from './BestValueWeergave.tsx';
import { telWoorden } from './woorden.ts';
import { RICHTINGEN, type BestValue } from './types.ts';
import './messages.ts';

export const bestValueKey = (id: string) => ['inkoop', 'bestvalue', id];

/**
 * The provider's best value proposal on its inschrijving page. Renders nothing unless the kader's
 * procedure is best_value; editable while the bid is a concept before the deadline (the server
 * decides: `wijzigbaar`), otherwise read-only.
 */
export function BestValueVoorstel({ inschrijvingId, kaderId }: { inschrijvingId: string; kaderId: string }) {
  const { t } = useI18n();
  const kader = useQuery({
    queryKey: ['inkoop', 'kader', kaderId],
    queryFn: () => api.get<{ procedureType: string }>(`/inkoop/kaders/${kaderId}`),
  });
  const isBv = kader.data?.procedureType === 'best_value';
  const q = useQuery({
    queryKey: bestValueKey(inschrijvingId),
    queryFn: () => api.get<BestValue>(`/inkoop/inschrijvingen/${inschrijvingId}/best-value`),
    enabled: isBv,
  });
  if (!isBv) return null;
  return (
    <QueryState query={q}>
      {(bv) =>
        bv.wijzigbaar ? <Formulier bv={bv} /> : <BestValueWeergave voorstel={bv} titel={t('bestvalue.titel')} />
      }
    </QueryState>
  );
}

interface KpiForm {
  sleutel: number;
  naam: string;
  omschrijving: string;
  eenheid: string;
  nulmeting: string;
  streefwaarde: string;
  richting: string;
  meetmethode: string;
  meetmoment: string;
  bron: string;
}
const TEKSTVELDEN = [
  'naam',
  'omschrijving',
  'eenheid',
  'nulmeting',
  'streefwaarde',
  'meetmethode',
  'meetmoment',
  'bron',
] as const;

function Formulier({ bv }: { bv: BestValue }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const volgende = useRef(0);
  const nieuweKpi = (): KpiForm => ({
    sleutel: volgende.current++,
    naam: '',
    omschrijving: '',
    eenheid: '',
    nulmeting: '',
    streefwaarde: '',
    richting: '',
    meetmethode: '',
    meetmoment: '',
    bron: '',
  });
  const [tekst, setTekst] = useState({
    voorstel: bv.voorstel ?? '',
    kansen: bv.kansen ?? '',
    risicos: bv.risicos ?? '',
    aangebodenPrijs: bv.aangebodenPrijs ?? '',
    prijsToelichting: bv.prijsToelichting ?? '',
    voorwaarden: bv.voorwaarden ?? '',
  });
  const [kpis, setKpis] = useState<KpiForm[]>(() =>
    bv.kpis.length
      ? bv.kpis.map((k) => ({
          ...nieuweKpi(),
          ...Object.fromEntries(TEKSTVELDEN.map((f) => [f, k[f] ?? ''])),
          richting: k.richting,
        }))
      : [nieuweKpi()],
  );
  const max = bv.instellingen.maxWoorden;
  const woorden = telWoorden(tekst.voorstel) + telWoorden(tekst.kansen) + telWoorden(tekst.risicos);
  const m = useMutation({
    mutationFn: () =>
      api.put<BestValue>(`/inkoop/inschrijvingen/${bv.inschrijvingId}/best-value`, {
        ...Object.fromEntries(Object.entries(tekst).map(([k, v]) => [k, v.trim() ? v : null])),
        kpis: kpis.map(({ sleutel: _s, ...k }) =>
          Object.fromEntries(Object.entries(k).map(([f, v]) => [f, v.trim() ? v : null])),
        ),
      }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: bestValueKey(bv.inschrijvingId) });
      qc.invalidateQueries({ queryKey: ['inkoop', 'inschrijving', bv.inschrijvingId] });
    },
  });
  // Errors per field from the problem's fouten (waar = "voorstel", "aangebodenPrijs", "kpis[1].streefwaarde", …).
  const fout = (waar: string) =>
    isApiError(m.error)
      ? m.error.fouten
          .filter((f) => f.waar === waar)
          .map((f) => f.wat)
          .join(' ') || undefined
      : undefined;
  const zetKpi = (n: number, veld: keyof KpiForm, v: string) =>
    setKpis((ks) => ks.map((k, i) => (i === n ? { ...k, [veld]: v } : k)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    m.reset();
    m.mutate();
  };
  const teVeel = woorden > max;
  return (
    <Section title={t('bestvalue.titel')}>
      <p>{t('bestvalue.intro', { max })}</p>
      {bv.ontbreekt.length > 0 && (
        <Alert variant="warning" title={t('bestvalue.ontbreekt')}>
          <ul>
            {bv.ontbreekt.map((f, n) => (
              <li key={n}>{f.wat}</li>
            ))}
          </ul>
        </Alert>
      )}
      <form className="form" onSubmit={submit} noValidate>
        <TextArea
          id="bv-voorstel"
          label={t('bestvalue.voorstel')}
          rows={10}
          value={tekst.voorstel}
          error={fout('voorstel')}
          onChange={(e) => setTekst({ ...tekst, voorstel: e.target.value })}
        />
        <TextArea
          id="bv-kansen"
          label={t('bestvalue.kansen')}
          rows={4}
          value={tekst.kansen}
          error={fout('kansen')}
          onChange={(e) => setTekst({ ...tekst, kansen: e.target.value })}
        />
        <TextArea
          id="bv-risicos"
          label={t('bestvalue.risicos')}
          rows={4}
          value={tekst.risicos}
          error={fout('risicos')}
          onChange={(e) => setTekst({ ...tekst, risicos: e.target.value })}
        />
        <p id="bv-woorden" aria-live="polite" className={teVeel ? 'field-error-text' : 'muted'}>
          {teVeel
            ? t('bestvalue.woorden.teveel', { n: woorden, max, over: woorden - max })
            : t('bestvalue.woorden', { n: woorden, max })}
        </p>
        <TextInput
          id="bv-prijs"
          inputMode="decimal"
          label={t('bestvalue.prijs')}
          hint={t('bestvalue.prijs.hint')}
          value={tekst.aangebodenPrijs}
          error={fout('aangebodenPrijs')}
          onChange={(e) => setTekst({ ...tekst, aangebodenPrijs: e.target.value })}
        />
        <TextArea
          id="bv-prijs-toelichting"
          label={t('bestvalue.prijs.toelichting')}
          rows={2}
          value={tekst.prijsToelichting}
          error={fout('prijsToelichting')}
          onChange={(e) => setTekst({ ...tekst, prijsToelichting: e.target.value })}
        />
        <TextArea
          id="bv-voorwaarden"
          label={t('bestvalue.voorwaarden')}
          hint={t('bestvalue.voorwaarden.hint')}
          rows={4}
          value={tekst.voorwaarden}
          error={fout('voorwaarden')}
          onChange={(e) => setTekst({ ...tekst, voorwaarden: e.target.value })}
        />
        <h3>{t('bestvalue.kpis', { n: kpis.length, max: bv.instellingen.maxKpis })}</h3>
        <p className="muted">{t('bestvalue.kpis.uitleg')}</p>
        {fout('kpis') && (
          <p className="field-error-text" role="alert">
            {fout('kpis')}
          </p>
        )}
        {kpis.map((k, n) => {
          const nr = n + 1;
          const waar = (veld: string) => fout(`kpis[${n}].${veld}`);
          return (
            <Fieldset key={k.sleutel} legend={t('bestvalue.kpi.legend', { n: nr })}>
              <TextInput
                id={`bv-kpi-${k.sleutel}-naam`}
                label={t('bestvalue.kpi.naam', { n: nr })}
                value={k.naam}
                error={waar('naam')}
                onChange={(e) => zetKpi(n, 'naam', e.target.value)}
              />
              <TextArea
                id={`bv-kpi-${k.sleutel}-omschrijving`}
                label={t('bestvalue.kpi.omschrijving', { n: nr })}
                rows={2}
                value={k.omschrijving}
                error={waar('omschrijving')}
                onChange={(e) => zetKpi(n, 'omschrijving', e.target.value)}
              />
              <TextInput
                id={`bv-kpi-${k.sleutel}-eenheid`}
                label={t('bestvalue.kpi.eenheid', { n: nr })}
                hint={t('bestvalue.kpi.eenheid.hint')}
                value={k.eenheid}
                error={waar('eenheid')}
                onChange={(e) => zetKpi(n, 'eenheid', e.target.value)}
              />
              <TextInput
                id={`bv-kpi-${k.sleutel}-nulmeting`}
                inputMode="decimal"
                label={t('bestvalue.kpi.nulmeting', { n: nr })}
                value={k.nulmeting}
                error={waar('nulmeting')}
                onChange={(e) => zetKpi(n, 'nulmeting', e.target.value)}
              />
              <TextInput
                id={`bv-kpi-${k.sleutel}-streefwaarde`}
                inputMode="decimal"
                label={t('bestvalue.kpi.streefwaarde', { n: nr })}
                value={k.streefwaarde}
                error={waar('streefwaarde')}
                onChange={(e) => zetKpi(n, 'streefwaarde', e.target.value)}
              />
              <Select
                id={`bv-kpi-${k.sleutel}-richting`}
                label={t('bestvalue.kpi.richting', { n: nr })}
                value={k.richting}
                error={waar('richting')}
                placeholder={t('bestvalue.richting.kies')}
                options={RICHTINGEN.map((r) => ({ value: r, label: t(`bestvalue.richting.${r}`) }))}
                onChange={(e) => zetKpi(n, 'richting', e.target.value)}
              />
              <TextArea
                id={`bv-kpi-${k.sleutel}-meetmethode`}
                label={t('bestvalue.kpi.meetmethode', { n: nr })}
                rows={2}
                value={k.meetmethode}
                error={waar('meetmethode')}
                onChange={(e) => zetKpi(n, 'meetmethode', e.target.value)}
              />
              <TextInput
                id={`bv-kpi-${k.sleutel}-meetmoment`}
                label={t('bestvalue.kpi.meetmoment', { n: nr })}
                value={k.meetmoment}
                error={waar('meetmoment')}
                onChange={(e) => zetKpi(n, 'meetmoment', e.target.value)}
              />
              <TextInput
                id={`bv-kpi-${k.sleutel}-bron`}
                label={t('bestvalue.kpi.bron', { n: nr })}
                value={k.bron}
                error={waar('bron')}
                onChange={(e) => zetKpi(n, 'bron', e.target.value)}
              />
              <Button variant="danger" onClick={() => setKpis((ks) => ks.filter((_, i) => i !== n))}>
                {t('bestvalue.kpi.verwijderen', { n: nr })}
              </Button>
            </Fieldset>
          );
        })}
        {kpis.length < bv.instellingen.maxKpis ? (
          <Button onClick={() => setKpis((ks) => [...ks, nieuweKpi()])}>{t('bestvalue.kpi.toevoegen')}</Button>
        ) : (
          <p className="muted">{t('bestvalue.kpi.max', { max: bv.instellingen.maxKpis })}</p>
        )}
        {m.error && <ProblemAlert error={m.error} />}
        {m.isSuccess && <Alert variant="success">{t('bestvalue.opgeslagen')}</Alert>}
        <Button type="submit" variant="primary" bezig={m.isPending}>
          {t('bestvalue.opslaan')}
        </Button>
      </form>
    </Section>
  );
}
