import { useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { hasMessage, useI18n } from '../../app/i18n.tsx';
import type { PageProps } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  DetailList,
  EmptyState,
  Fieldset,
  PageHeader,
  ProblemAlert,
  QueryState,
  Section,
  Select,
  TextArea,
  TextInput,
} from '../../ui/index.ts';
import { amsterdamNaarIso, formatAmsterdam } from './tijd.ts';
import type { Deelnemer, Dialooggesprek, InschrijvingKop } from './types.ts';
import './messages.ts';

/** Standard topics of a dialogue meeting (product choice; the Inkoopkader Langdurige Zorg 2016 names no topics). */
export const ONDERWERPEN = [
  'ontwikkelplan',
  'clientondersteuning',
  'wachtlijstbeheer',
  'informatievoorziening',
  'zorgbemiddeling',
  'materiele_controle',
  'klachten',
  'herschikking',
  'productieafspraak',
];
const ROLLEN = ['zorgkantoor', 'zorgaanbieder', 'clientenraad', 'overig'];

/**
 * Dialogue meetings of one bid: the zorgkantoor records a meeting (date-time, participants incl.
 * the cliëntenraad, topics, minutes) and sees the earlier ones; the provider (and its cliëntenraad)
 * reads its own minutes. Sealed for the zorgkantoor until the deadline (the server answers 403).
 */
export function DialoogPagina({ params }: PageProps) {
  const { t } = useI18n();
  const { gebruiker } = useSession();
  const id = params.id;
  const zk = gebruiker?.organisatieSoort === 'zorgkantoor';
  const kop = useQuery({
    queryKey: ['inkoop', 'inschrijving', id],
    queryFn: () => api.get<InschrijvingKop>(`/inkoop/inschrijvingen/${encodeURIComponent(id)}`),
    retry: false,
  });
  const gesprekken = useQuery({
    queryKey: ['inkoop', 'inschrijving', id, 'dialoog'],
    queryFn: () => api.get<Dialooggesprek[]>(`/inkoop/inschrijvingen/${encodeURIComponent(id)}/dialoog`),
    retry: false,
  });
  const naam = kop.data?.organisatieNaam;
  return (
    <>
      <PageHeader
        title={naam ? t('dialoog.titel.met', { naam }) : t('dialoog.titel')}
        intro={zk ? t('dialoog.intro.zk') : t('dialoog.intro.za')}
        kruimels={
          kop.data
            ? [
                zk
                  ? { label: kop.data.kaderTitel, to: `/inkoop/kaders/${kop.data.kaderId}/classificaties` }
                  : { label: kop.data.kaderTitel, to: `/inkoop/kaders/${kop.data.kaderId}` },
                { label: t('dialoog.titel') },
              ]
            : undefined
        }
      >
        {kop.data && (
          <DetailList
            items={[[t('dialoog.kolom.bepalend'), <Badge key="k">{kop.data.classificatie.klasseNaam}</Badge>]]}
          />
        )}
      </PageHeader>
      <QueryState query={kop} notFound={<EmptyState title={t('dialoog.titel')} />}>
        {() => (
          <>
            {zk && <GesprekVastleggen inschrijvingId={id} />}
            <Section title={t('dialoog.eerdere')}>
              <QueryState query={gesprekken}>
                {(g) =>
                  g.length === 0 ? <EmptyState title={t('dialoog.geen')} /> : <GesprekkenLijst gesprekken={g} />
                }
              </QueryState>
            </Section>
          </>
        )}
      </QueryState>
    </>
  );
}

function onderwerpNaam(t: (k: string) => string, o: string) {
  return hasMessage(`dialoog.onderwerp.${o}`) ? t(`dialoog.onderwerp.${o}`) : o;
}

function GesprekkenLijst({ gesprekken }: { gesprekken: Dialooggesprek[] }) {
  const { t, taal } = useI18n();
  const nieuwste = [...gesprekken].sort((a, b) => b.datum.localeCompare(a.datum));
  return (
    <ol className="dialoog-lijst" aria-label={t('dialoog.eerdere')}>
      {nieuwste.map((g) => (
        <li key={g.id} className="dialoog-gesprek">
          <article aria-labelledby={`gesprek-${g.id}`}>
            <h3 id={`gesprek-${g.id}`}>{t('dialoog.gesprek', { datum: formatAmsterdam(g.datum, taal) })}</h3>
            <DetailList
              items={[
                [
                  t('dialoog.deelnemers'),
                  <ul key="d">
                    {g.deelnemers.map((d, i) => (
                      <li key={i}>
                        {d.naam}
                        {d.rol ? ` (${hasMessage(`dialoog.rol.${d.rol}`) ? t(`dialoog.rol.${d.rol}`) : d.rol})` : ''}
                        {d.organisatie ? `, ${d.organisatie}` : ''}
                      </li>
                    ))}
                  </ul>,
                ],
                [t('dialoog.onderwerpen'), g.onderwerpen.map((o) => onderwerpNaam(t, o)).join(', ') || '—'],
              ]}
            />
            {!g.deelnemers.some((d) => d.rol === 'clientenraad') && (
              <p className="muted">{t('dialoog.cr.ontbreekt')}</p>
            )}
            <h4>{t('dialoog.verslag')}</h4>
            {g.verslag ? (
              <p className="dialoog-verslag">{g.verslag}</p>
            ) : (
              <p className="muted">{t('dialoog.verslag.geen')}</p>
            )}
          </article>
        </li>
      ))}
    </ol>
  );
}

interface DeelnemerRij extends Deelnemer {
  sleutel: number;
}

function GesprekVastleggen({ inschrijvingId }: { inschrijvingId: string }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const volgende = useRef(3);
  const [datum, setDatum] = useState('');
  const [deelnemers, setDeelnemers] = useState<DeelnemerRij[]>([
    { sleutel: 0, naam: '', rol: 'zorgkantoor' },
    { sleutel: 1, naam: '', rol: 'zorgaanbieder' },
    { sleutel: 2, naam: '', rol: 'clientenraad' },
  ]);
  const [onderwerpen, setOnderwerpen] = useState<string[]>([]);
  const [anders, setAnders] = useState('');
  const [verslag, setVerslag] = useState('');
  const [fouten, setFouten] = useState<{ datum?: string; deelnemers?: string; onderwerpen?: string }>({});
  const [ok, setOk] = useState(false);
  const datumRef = useRef<HTMLInputElement>(null);

  const m = useMutation({
    mutationFn: (body: { datum: string; deelnemers: Deelnemer[]; onderwerpen: string[]; verslag?: string }) =>
      api.post<{ id: string }>(`/inkoop/inschrijvingen/${inschrijvingId}/dialoog`, body),
    onSuccess: () => {
      setOk(true);
      setDatum('');
      setOnderwerpen([]);
      setAnders('');
      setVerslag('');
      setDeelnemers((ds) => ds.map((d) => ({ ...d, naam: '', organisatie: '' })));
      qc.invalidateQueries({ queryKey: ['inkoop', 'inschrijving', inschrijvingId] });
    },
  });

  function zet(sleutel: number, veld: keyof Deelnemer, waarde: string) {
    setDeelnemers((ds) => ds.map((d) => (d.sleutel === sleutel ? { ...d, [veld]: waarde } : d)));
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    setOk(false);
    const iso = amsterdamNaarIso(datum);
    const genoemd = deelnemers
      .filter((d) => d.naam.trim())
      .map((d) => ({ naam: d.naam.trim(), rol: d.rol || undefined, organisatie: d.organisatie?.trim() || undefined }));
    const alle = [
      ...onderwerpen,
      ...anders
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ];
    const f = {
      datum: iso ? undefined : t('dialoog.datum.leeg'),
      deelnemers: genoemd.length ? undefined : t('dialoog.deelnemers.leeg'),
      onderwerpen: alle.length ? undefined : t('dialoog.onderwerpen.leeg'),
    };
    setFouten(f);
    if (f.datum || f.deelnemers || f.onderwerpen) {
      if (f.datum) datumRef.current?.focus();
      return;
    }
    m.mutate({ datum: iso!, deelnemers: genoemd, onderwerpen: alle, verslag: verslag.trim() || undefined });
  }

  const rolOpties = ROLLEN.map((r) => ({ value: r, label: t(`dialoog.rol.${r}`) }));
  return (
    <Section title={t('dialoog.vastleggen')}>
      <form className="form" onSubmit={submit} noValidate aria-label={t('dialoog.vastleggen')}>
        {ok && <Alert variant="success">{t('dialoog.opgeslagen')}</Alert>}
        {m.error && <ProblemAlert error={m.error} />}
        {(fouten.datum || fouten.deelnemers || fouten.onderwerpen) && (
          <Alert variant="error">{t('dialoog.controleer')}</Alert>
        )}
        <TextInput
          ref={datumRef}
          id="dialoog-datum"
          type="datetime-local"
          label={t('dialoog.datum')}
          required
          value={datum}
          onChange={(e) => setDatum(e.target.value)}
          error={fouten.datum}
        />
        <Fieldset legend={t('dialoog.deelnemers')} hint={t('dialoog.deelnemers.hint')} error={fouten.deelnemers}>
          {deelnemers.map((d, i) => (
            <div key={d.sleutel} className="dialoog-deelnemer">
              <TextInput
                id={`deelnemer-naam-${d.sleutel}`}
                label={t('dialoog.deelnemer.naam', { n: i + 1 })}
                value={d.naam}
                onChange={(e) => zet(d.sleutel, 'naam', e.target.value)}
              />
              <Select
                id={`deelnemer-rol-${d.sleutel}`}
                label={t('dialoog.deelnemer.rol', { n: i + 1 })}
                options={rolOpties}
                value={d.rol ?? 'overig'}
                onChange={(e) => zet(d.sleutel, 'rol', e.target.value)}
              />
              <TextInput
                id={`deelnemer-org-${d.sleutel}`}
                label={t('dialoog.deelnemer.organisatie', { n: i + 1 })}
                value={d.organisatie ?? ''}
                onChange={(e) => zet(d.sleutel, 'organisatie', e.target.value)}
              />
              {deelnemers.length > 1 && (
                <Button type="button" onClick={() => setDeelnemers((ds) => ds.filter((x) => x.sleutel !== d.sleutel))}>
                  {t('dialoog.deelnemer.verwijderen', { n: i + 1 })}
                </Button>
              )}
            </div>
          ))}
          <Button
            type="button"
            onClick={() => setDeelnemers((ds) => [...ds, { sleutel: volgende.current++, naam: '', rol: 'overig' }])}
          >
            {t('dialoog.deelnemer.toevoegen')}
          </Button>
        </Fieldset>
        <Fieldset legend={t('dialoog.onderwerpen')} error={fouten.onderwerpen}>
          {ONDERWERPEN.map((o) => (
            <Checkbox
              key={o}
              id={`onderwerp-${o}`}
              label={t(`dialoog.onderwerp.${o}`)}
              checked={onderwerpen.includes(o)}
              onChange={(e) => setOnderwerpen((xs) => (e.target.checked ? [...xs, o] : xs.filter((x) => x !== o)))}
            />
          ))}
          <TextInput
            id="onderwerpen-anders"
            label={t('dialoog.onderwerpen.anders')}
            value={anders}
            onChange={(e) => setAnders(e.target.value)}
          />
        </Fieldset>
        <TextArea
          id="dialoog-verslag"
          label={t('dialoog.verslag')}
          hint={t('dialoog.verslag.hint')}
          rows={8}
          value={verslag}
          onChange={(e) => setVerslag(e.target.value)}
        />
        <Button type="submit" variant="primary" bezig={m.isPending}>
          {t('dialoog.opslaan')}
        </Button>
      </form>
    </Section>
  );
}
