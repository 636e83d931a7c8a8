import { useEffect, useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import type { PageProps } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import {
  Alert,
  Button,
  compareDecimal,
  EmptyState,
  formatTijdstip,
  PageHeader,
  ProblemAlert,
  QueryState,
  Section,
  Table,
  TextArea,
  TextInput,
  type Column,
} from '../../ui/index.ts';
import { beleidQuery } from './Beleid.tsx';
import { formatPp, PercentageOfOnbepaald, StatusBadge } from './shared.tsx';
import type { BeleidVersie, Validatie, VoorbeeldRegel } from './types.ts';
import './messages.ts';

const JAAR = 2024;

export function BeleidBewerken(_: PageProps) {
  const { t, taal } = useI18n();
  const { gebruiker } = useSession();
  const qc = useQueryClient();
  const zkId = gebruiker?.organisatieId ?? '';
  const versies = useQuery({
    queryKey: ['tarieven', 'versies', zkId],
    queryFn: () => api.get<BeleidVersie[]>('/tarieven/beleid/versies'),
  });
  const geldend = useQuery(beleidQuery(JAAR));
  const eigen = useMemo(() => geldend.data?.find((b) => b.zorgkantoorId === zkId), [geldend.data, zkId]);

  const [tekst, setTekst] = useState('');
  const [toelichting, setToelichting] = useState('');
  const [bron, setBron] = useState('');
  const [fout, setFout] = useState<unknown>(null);
  const [validatie, setValidatie] = useState<Validatie | null>(null);
  const [melding, setMelding] = useState('');

  // Prefill once with the newest version (concept or published), else the policy in force.
  useEffect(() => {
    if (tekst || !versies.data || !geldend.data) return;
    const laatste = versies.data.find((v) => v.jaar === JAAR);
    if (laatste) {
      setTekst(JSON.stringify(laatste.beleid, null, 2));
      setBron(
        t('tarieven.bewerken.bron.versie', { n: laatste.versie, status: t(`tarieven.status.${laatste.status}`) }),
      );
    } else if (eigen) {
      setTekst(JSON.stringify(eigen.beleid, null, 2));
      setBron(t('tarieven.bewerken.bron.geldend'));
    }
  }, [versies.data, geldend.data, eigen, tekst, t]);

  const parse = (): unknown | undefined => {
    try {
      return JSON.parse(tekst);
    } catch (e) {
      setFout(
        new ApiError(400, 'json-ongeldig', t('tarieven.bewerken.json.ongeldig'), [
          { waar: 'JSON', wat: (e as Error).message, actie: t('tarieven.bewerken.json.actie') },
        ]),
      );
      return undefined;
    }
  };

  const valideer = useMutation({
    mutationFn: (beleid: unknown) => api.post<Validatie>('/tarieven/beleid/valideer', { beleid }),
    onSuccess: (v) => {
      setValidatie(v);
      if (!v.geldig) {
        setFout(
          new ApiError(
            422,
            'beleid-ongeldig',
            t('tarieven.bewerken.ongeldig', { n: v.fouten.length }),
            v.fouten.map((f) => ({
              waar: f.regel && !f.waar.includes(f.regel) ? `${f.regel} · ${f.waar}` : f.waar,
              wat: f.wat,
              actie: f.actie,
            })),
          ),
        );
        setMelding('');
      } else {
        setFout(null);
        setMelding(t('tarieven.bewerken.geldig'));
      }
    },
    onError: (e) => {
      setFout(e);
      setValidatie(null);
    },
  });
  const opslaan = useMutation({
    mutationFn: (beleid: unknown) =>
      api.post<{ id: string; versie: number; status: string }>('/tarieven/beleid/versies', {
        beleid,
        toelichting: toelichting.trim() || undefined,
      }),
    onSuccess: (r) => {
      setFout(null);
      setMelding(t('tarieven.bewerken.opgeslagen', { n: r.versie }));
      setToelichting('');
      qc.invalidateQueries({ queryKey: ['tarieven', 'versies'] });
    },
    onError: (e) => {
      setFout(e);
      setMelding('');
    },
  });
  const publiceer = useMutation({
    mutationFn: (v: BeleidVersie) =>
      api.post<{ versie: number }>(`/tarieven/beleid/versies/${encodeURIComponent(v.id)}/publiceer`),
    onSuccess: (r) => {
      setFout(null);
      setMelding(t('tarieven.bewerken.gepubliceerd', { n: r.versie }));
      qc.invalidateQueries({ queryKey: ['tarieven'] });
    },
    onError: (e) => {
      setFout(e);
      setMelding('');
    },
  });

  const voorbeeldKolommen = useMemo<Column<VoorbeeldRegel>[]>(
    () => [
      { key: 'naam', header: t('tarieven.kolom.aanbieder'), rowHeader: true, sortValue: (r) => r.naam },
      {
        key: 'lv',
        header: t('tarieven.leveringsvorm'),
        sortValue: (r) => r.leveringsvorm,
        cell: (r) => t(`tarieven.lv.${r.leveringsvorm}`),
      },
      {
        key: 'huidig',
        header: t('tarieven.kolom.huidig'),
        compare: (a, b) => compareDecimal(a.huidig, b.huidig),
        cell: (r) => <PercentageOfOnbepaald percentage={r.huidig} status={r.huidigStatus} />,
      },
      {
        key: 'nieuw',
        header: t('tarieven.kolom.nieuw'),
        compare: (a, b) => compareDecimal(a.nieuw, b.nieuw),
        cell: (r) => <PercentageOfOnbepaald percentage={r.nieuw} status={r.nieuwStatus} />,
      },
      {
        key: 'verschil',
        header: t('tarieven.kolom.verschil'),
        align: 'right',
        compare: (a, b) => compareDecimal(a.verschil, b.verschil),
        cell: (r) => formatPp(r.verschil, taal, t),
      },
    ],
    [t, taal],
  );

  const versieKolommen = useMemo<Column<BeleidVersie>[]>(
    () => [
      {
        key: 'versie',
        header: t('tarieven.kolom.versie'),
        rowHeader: true,
        sortValue: (v) => v.versie,
        cell: (v) => `${v.jaar} ${v.sector} v${v.versie}`,
      },
      {
        key: 'status',
        header: t('tarieven.kolom.status'),
        sortValue: (v) => v.status,
        cell: (v) => <StatusBadge status={v.status} />,
      },
      {
        key: 'aangemaakt',
        header: t('tarieven.kolom.aangemaakt'),
        sortValue: (v) => v.aangemaaktOp,
        cell: (v) => (
          <>
            {v.aangemaaktDoor}
            <div className="muted">{formatTijdstip(v.aangemaaktOp, taal)}</div>
          </>
        ),
      },
      {
        key: 'gepubliceerd',
        header: t('tarieven.kolom.gepubliceerd'),
        cell: (v) =>
          v.gepubliceerdOp ? (
            <>
              {v.gepubliceerdDoor}
              <div className="muted">{formatTijdstip(v.gepubliceerdOp, taal)}</div>
            </>
          ) : (
            '—'
          ),
      },
      { key: 'toelichting', header: t('tarieven.kolom.toelichting'), cell: (v) => v.toelichting ?? '—' },
      {
        key: 'acties',
        header: t('tarieven.kolom.acties'),
        cell: (v) => (
          <div className="tarief-acties">
            <Button
              variant="link"
              onClick={() => {
                setTekst(JSON.stringify(v.beleid, null, 2));
                setBron(t('tarieven.bewerken.bron.versie', { n: v.versie, status: t(`tarieven.status.${v.status}`) }));
                setValidatie(null);
                setFout(null);
              }}
              aria-label={t('tarieven.bewerken.laad.label', { n: v.versie })}
            >
              {t('tarieven.bewerken.laad')}
            </Button>
            {v.status === 'concept' && (
              <Button
                variant="primary"
                bezig={publiceer.isPending && publiceer.variables?.id === v.id}
                onClick={() => publiceer.mutate(v)}
                aria-label={t('tarieven.bewerken.publiceer.label', { n: v.versie })}
              >
                {t('tarieven.bewerken.publiceer')}
              </Button>
            )}
          </div>
        ),
      },
    ],
    [t, taal, publiceer],
  );

  return (
    <>
      <PageHeader title={t('tarieven.bewerken.titel')} intro={t('tarieven.bewerken.intro')} />
      <Section title={t('tarieven.bewerken.editor')}>
        {bron && <p className="muted">{bron}</p>}
        <TextArea
          label={t('tarieven.bewerken.json')}
          hint={t('tarieven.bewerken.json.hint')}
          value={tekst}
          spellCheck={false}
          onChange={(e) => {
            setTekst(e.target.value);
            setValidatie(null);
          }}
          className="tarief-json-field"
          rows={24}
        />
        <TextInput
          label={t('tarieven.bewerken.toelichting')}
          value={toelichting}
          onChange={(e) => setToelichting(e.target.value)}
          maxLength={2000}
        />
        <div className="tarief-acties">
          <Button
            bezig={valideer.isPending}
            onClick={() => {
              setMelding('');
              const b = parse();
              if (b !== undefined) valideer.mutate(b);
            }}
          >
            {t('tarieven.bewerken.valideer')}
          </Button>
          <Button
            variant="primary"
            bezig={opslaan.isPending}
            onClick={() => {
              setMelding('');
              const b = parse();
              if (b !== undefined) opslaan.mutate(b);
            }}
          >
            {t('tarieven.bewerken.opslaan')}
          </Button>
        </div>
        <div aria-live="polite">
          {fout ? <ProblemAlert error={fout} /> : null}
          {melding && <Alert variant="success">{melding}</Alert>}
        </div>
      </Section>
      {validatie?.geldig && (
        <Section title={t('tarieven.bewerken.voorbeeld')}>
          {validatie.voorbeeld.length === 0 ? (
            <EmptyState title={t('tarieven.bewerken.voorbeeld.geen')} />
          ) : (
            <>
              <p role="status">
                {t('tarieven.bewerken.voorbeeld.samenvatting', {
                  n: validatie.voorbeeld.filter(
                    (r) =>
                      r.huidigStatus !== r.nieuwStatus ||
                      (r.verschil !== null && compareDecimal(r.verschil, '0') !== 0),
                  ).length,
                  totaal: validatie.voorbeeld.length,
                })}
              </p>
              <Table
                caption={t('tarieven.bewerken.voorbeeld')}
                captionHidden
                rows={validatie.voorbeeld}
                rowKey={(r) => `${r.aanbiederId}/${r.leveringsvorm}`}
                columns={voorbeeldKolommen}
                filter={(r, s) => r.naam.toLowerCase().includes(s)}
                initialSort={{ key: 'naam', dir: 'asc' }}
              />
            </>
          )}
        </Section>
      )}
      <Section title={t('tarieven.bewerken.versies')}>
        <QueryState query={versies}>
          {(lijst) =>
            lijst.length === 0 ? (
              <EmptyState title={t('tarieven.bewerken.versies.geen')} />
            ) : (
              <Table
                caption={t('tarieven.bewerken.versies')}
                captionHidden
                rows={lijst}
                rowKey={(v) => v.id}
                columns={versieKolommen}
              />
            )
          }
        </QueryState>
      </Section>
    </>
  );
}
