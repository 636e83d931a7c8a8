import { useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import type { PageProps } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import {
  Alert,
  Button,
  Checkbox,
  DetailList,
  formatBedrag,
  formatPercentage,
  formatTijdstip,
  PageHeader,
  ProblemAlert,
  QueryState,
  Section,
  Table,
  TextInput,
} from '../../ui/index.ts';
import { BalansBadge } from './Grootboek.tsx';
import { DeadlineMelding, StatusBadge, VerdelingBalk, VoorbeeldBadge } from './shared.tsx';
import type { Contracteerruimte, Benutting } from './types.ts';
import './messages.ts';

type Mutatie = NonNullable<Contracteerruimte['mutaties']>[number];

function Formulier({
  titel,
  hint,
  knop,
  pad,
  body,
  children,
  onKlaar,
}: {
  titel: string;
  hint?: string;
  knop: string;
  pad: string;
  body: () => unknown;
  children: ReactNode;
  onKlaar: () => void;
}) {
  const qc = useQueryClient();
  const m = useMutation({
    mutationFn: () => api.post<Contracteerruimte>(pad, body()),
    onSuccess: (c) => {
      qc.setQueryData(['budget', 'cr-detail', c.id], c);
      void qc.invalidateQueries({ queryKey: ['budget'] });
      onKlaar();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    m.mutate();
  };
  return (
    <form onSubmit={submit} aria-label={titel}>
      <h3>{titel}</h3>
      {hint && <p className="hint">{hint}</p>}
      {children}
      {m.error && <ProblemAlert error={m.error} />}
      <Button type="submit" variant="primary" bezig={m.isPending}>
        {knop}
      </Button>
    </form>
  );
}

const bedragTekst = (s: string) => s.trim().replace(',', '.');

export function GrootboekDetailPagina({ params }: PageProps) {
  const { t, taal } = useI18n();
  const { heeftRol, organisatieSoort, gebruiker } = useSession();
  const q = useQuery({
    queryKey: ['budget', 'cr-detail', params.id],
    queryFn: () => api.get<Contracteerruimte | Benutting>(`/budget/contracteerruimte/${params.id}`),
  });
  const [melding, setMelding] = useState<string | null>(null);
  const [label, setLabel] = useState('innovatie');
  const [oormerkBedrag, setOormerkBedrag] = useState('');
  const [oormerkPct, setOormerkPct] = useState('');
  const [reserve, setReserve] = useState('');
  const [naar, setNaar] = useState('');
  const [ovBedrag, setOvBedrag] = useState('');
  const [totaal, setTotaal] = useState('');
  const [definitief, setDefinitief] = useState(false);
  const klaar = () => setMelding(t('budget.opgeslagen'));
  return (
    <QueryState query={q}>
      {(c) => {
        if (!('controle' in c))
          return (
            <>
              <PageHeader title={t('budget.detail.titel', { regio: c.regioNaam, jaar: c.jaar, sector: c.sector })} />
              <DetailList
                items={[
                  [t('budget.totaal'), formatBedrag(c.totaal, taal)],
                  [t('budget.afspraken'), formatBedrag(c.afspraken, taal)],
                  [t('budget.benutting'), formatPercentage(c.benutting, taal, 1)],
                ]}
              />
            </>
          );
        const schrijft =
          organisatieSoort === 'zorgkantoor' &&
          gebruiker?.organisatieId === c.zorgkantoorId &&
          (heeftRol('inkoper') || heeftRol('manager'));
        const pad = `/budget/contracteerruimte/${c.id}`;
        return (
          <>
            <PageHeader
              title={t('budget.detail.titel', {
                regio: `${c.regioCode} ${c.regioNaam}`,
                jaar: c.jaar,
                sector: c.sector,
              })}
              kruimels={[
                { label: t('budget.grootboek.titel'), to: `/budget/contracteerruimte?jaar=${c.jaar}` },
                { label: c.regioNaam },
              ]}
            >
              <p>
                <StatusBadge status={c.status} /> <VoorbeeldBadge voorbeeld={c.voorbeeld} /> <BalansBadge c={c} />{' '}
                {c.zorgkantoorNaam}
              </p>
              {c.label && <Alert variant="warning">{c.label}</Alert>}
            </PageHeader>
            <DeadlineMelding d={c.nzaDeadline} />
            <DetailList
              items={[
                [
                  t('budget.totaal'),
                  <span className="bedrag" data-testid="cr-totaal">
                    {formatBedrag(c.totaal, taal)}
                  </span>,
                ],
                [
                  t('budget.afspraken'),
                  <span className="bedrag" data-testid="cr-afspraken">
                    {formatBedrag(c.afspraken, taal)}
                  </span>,
                ],
                [
                  t('budget.oormerk'),
                  <>
                    {formatBedrag(c.oormerk, taal)}
                    {c.oormerken.map((o) => (
                      <div key={o.label}>
                        {o.label}: {formatBedrag(o.bedrag, taal)}
                      </div>
                    ))}
                  </>,
                ],
                [t('budget.reserve'), formatBedrag(c.reserve, taal)],
                [
                  t('budget.pool'),
                  <span className="bedrag" data-testid="cr-pool">
                    {formatBedrag(c.pool, taal)}
                  </span>,
                ],
                [t('budget.benutting'), formatPercentage(c.benutting, taal, 1)],
              ]}
            />
            <VerdelingBalk c={c} />
            {melding && <Alert variant="success">{melding}</Alert>}
            {schrijft && (
              <div className="budget-formulieren">
                <Formulier
                  titel={t('budget.oormerk.titel')}
                  hint={t('budget.oormerk.hint')}
                  knop={t('budget.oormerk.knop')}
                  pad={`${pad}/oormerk`}
                  body={() =>
                    oormerkPct.trim()
                      ? { label, percentage: bedragTekst(oormerkPct) }
                      : { label, bedrag: bedragTekst(oormerkBedrag) }
                  }
                  onKlaar={klaar}
                >
                  <TextInput
                    label={t('budget.label')}
                    value={label}
                    onChange={(e) => setLabel(e.target.value)}
                    required
                  />
                  <TextInput
                    label={t('budget.bedrag')}
                    value={oormerkBedrag}
                    onChange={(e) => setOormerkBedrag(e.target.value)}
                    inputMode="decimal"
                  />
                  <TextInput
                    label={t('budget.percentage')}
                    value={oormerkPct}
                    onChange={(e) => setOormerkPct(e.target.value)}
                    inputMode="decimal"
                  />
                </Formulier>
                <Formulier
                  titel={t('budget.reserve.titel')}
                  hint={t('budget.reserve.hint')}
                  knop={t('budget.reserve.knop')}
                  pad={`${pad}/reserve`}
                  body={() => ({ bedrag: bedragTekst(reserve) })}
                  onKlaar={klaar}
                >
                  <TextInput
                    label={t('budget.bedrag')}
                    value={reserve}
                    onChange={(e) => setReserve(e.target.value)}
                    required
                    inputMode="decimal"
                  />
                </Formulier>
                <Formulier
                  titel={t('budget.overheveling.titel')}
                  hint={t('budget.overheveling.hint')}
                  knop={t('budget.overheveling.knop')}
                  pad={`${pad}/overheveling`}
                  body={() => ({ naarRegio: naar.trim(), bedrag: bedragTekst(ovBedrag) })}
                  onKlaar={klaar}
                >
                  <TextInput
                    label={t('budget.overheveling.naar')}
                    value={naar}
                    onChange={(e) => setNaar(e.target.value)}
                    required
                    pattern="55\d\d"
                  />
                  <TextInput
                    label={t('budget.bedrag')}
                    value={ovBedrag}
                    onChange={(e) => setOvBedrag(e.target.value)}
                    required
                    inputMode="decimal"
                  />
                </Formulier>
                {c.status === 'voorlopig' && (
                  <Formulier
                    titel={t('budget.vaststelling.titel')}
                    knop={t('budget.vaststelling.knop')}
                    pad={`${pad}/vaststelling`}
                    body={() => ({ totaal: bedragTekst(totaal), status: definitief ? 'definitief' : 'voorlopig' })}
                    onKlaar={klaar}
                  >
                    <TextInput
                      label={t('budget.totaal')}
                      value={totaal}
                      onChange={(e) => setTotaal(e.target.value)}
                      required
                      inputMode="decimal"
                    />
                    {heeftRol('manager') && (
                      <Checkbox
                        label={t('budget.vaststelling.definitief')}
                        checked={definitief}
                        onChange={(e) => setDefinitief(e.target.checked)}
                      />
                    )}
                  </Formulier>
                )}
              </div>
            )}
            <Section title={t('budget.mutaties')}>
              <Table<Mutatie>
                caption={t('budget.mutaties')}
                captionHidden
                rows={c.mutaties ?? []}
                rowKey={(m) => m.id}
                initialSort={{ key: 'nr', dir: 'desc' }}
                columns={[
                  {
                    key: 'nr',
                    header: t('budget.mutatie.nr'),
                    sortValue: (m) => m.volgnummer,
                    cell: (m) => m.volgnummer,
                  },
                  { key: 'soort', header: t('budget.mutatie.soort'), cell: (m) => t(`budget.soort.${m.soort}`) },
                  { key: 'omschrijving', header: t('budget.mutatie.omschrijving'), cell: (m) => m.omschrijving },
                  ...(['totaal', 'afspraken', 'oormerk', 'reserve', 'pool'] as const).map((k) => ({
                    key: k,
                    header: t(`budget.${k}`),
                    align: 'right' as const,
                    cell: (m: Mutatie) =>
                      m[k] === '0.00' ? '' : <span className="bedrag">{formatBedrag(m[k], taal)}</span>,
                  })),
                  { key: 'door', header: t('budget.mutatie.door'), cell: (m) => m.door },
                  { key: 'op', header: t('budget.mutatie.op'), cell: (m) => formatTijdstip(m.op, taal) },
                ]}
              />
            </Section>
          </>
        );
      }}
    </QueryState>
  );
}
