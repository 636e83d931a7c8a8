import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { faseNaam } from '../../app/namen.ts';
import { Link, type PageProps } from '../../app/router.tsx';
import {
  Alert,
  Badge,
  Countdown,
  DetailList,
  EmptyState,
  PageHeader,
  QueryState,
  Section,
  Table,
  type Column,
} from '../../ui/index.ts';
import { amsterdam, lokaleTijd, periode } from './OpenbareKaders.tsx';
import type { Detail, Eis, Termijn } from './types.ts';
import { soortTekst, type Voorwaarde } from '../inkoop/RegionaleParagraaf.tsx';
import './messages.ts';
import './openbaar.css';

const GROEPEN = [
  'pve',
  'bestuursverklaring',
  'geschiktheidseis',
  'uitsluitingsgrond',
  'gunningscriterium_knockout',
  'gunningscriterium_gewogen',
  'zelfanalyse',
  'ontwikkelplan',
  'gunningsvoorwaarde',
  'tweejarige_voorwaarde',
];

/** One published purchasing framework exactly as published (the latest version, or /versies/:versie). */
export function OpenbaarKader({ params }: PageProps) {
  const { t } = useI18n();
  const { id, versie } = params;
  const q = useQuery({
    queryKey: ['openbaar', 'inkoopkader', id, versie ?? 'actueel'],
    queryFn: () =>
      api.get<Detail>(versie ? `/openbaar/inkoopkaders/${id}/versies/${versie}` : `/openbaar/inkoopkaders/${id}`),
  });
  const terug = { label: t('openbaar.lijst.titel'), to: '/openbaar/inkoopkaders' };
  return (
    <div className="openbaar">
      <QueryState
        query={q}
        notFound={
          <>
            <PageHeader title={t('openbaar.detail.titel')} kruimels={[terug, { label: t('openbaar.detail.titel') }]} />
            <EmptyState
              title={t('openbaar.detail.niet.gevonden')}
              actie={<Link to="/openbaar/inkoopkaders">{t('openbaar.terug')}</Link>}
            />
          </>
        }
      >
        {(k) => <Weergave k={k} terug={terug} />}
      </QueryState>
    </div>
  );
}

function Weergave({ k, terug }: { k: Detail; terug: { label: string; to: string } }) {
  const { t, taal } = useI18n();
  const s = k.gepubliceerd;
  return (
    <>
      <PageHeader title={k.titel} kruimels={[terug, { label: k.titel }]} intro={s.omschrijving ?? undefined}>
        <DetailList
          items={[
            [t('openbaar.detail.zorgkantoor'), k.zorgkantoor.naam],
            [
              t('openbaar.detail.procedure'),
              <>
                {taal === 'en' ? k.procedure.naamEn : k.procedure.naam}{' '}
                <span className="muted">({t('openbaar.detail.bron', { bron: k.procedure.bron })})</span>
              </>,
            ],
            [t('openbaar.detail.fase'), <Badge key="f">{faseNaam(t, k.fase)}</Badge>],
            [
              t('openbaar.detail.sector'),
              `${k.sector.code} (${taal === 'en' ? k.sector.naamEn : k.sector.naam}) · ${periode(k.jaarVan, k.jaarTot)}`,
            ],
            [t('openbaar.detail.regios'), k.regios.map((r) => `${r.code} ${r.naam}`).join(', ')],
            [
              t('openbaar.detail.publicatie'),
              t('openbaar.detail.versie', { v: k.versie, datum: amsterdam(k.gepubliceerdOp, taal) }),
            ],
            [
              t('openbaar.detail.deadline'),
              k.deadline ? (
                <>
                  {lokaleTijd(k.deadlineLokaal)} · <Countdown tot={k.deadline} serverNu={k.nu} />
                </>
              ) : (
                t('openbaar.geen.deadline')
              ),
            ],
            [
              <span key="sha" title={t('openbaar.detail.sha.uitleg')}>
                {t('openbaar.detail.sha')}
              </span>,
              <code key="h" className="openbaar-sha">
                {k.sha256}
              </code>,
            ],
            ...(k.wijzigingen ? [[t('openbaar.detail.wijzigingen'), k.wijzigingen] as [string, string]] : []),
          ]}
        />
      </PageHeader>
      {!k.actueel && (
        <Alert
          variant="warning"
          actie={<Link to={`/openbaar/inkoopkaders/${k.id}`}>{t('openbaar.detail.naar.actueel')}</Link>}
        >
          {t('openbaar.detail.oud', { v: k.versie, actueel: k.gepubliceerdeVersie })}
        </Alert>
      )}
      <Eisen eisen={s.eisen ?? []} />
      <Tijdlijn k={k} />
      <RegionaleParagraaf paragraaf={s.regionaleParagraaf ?? null} eisen={s.eisen ?? []} />
      <NotaVanInlichtingen k={k} />
      <Versies k={k} />
    </>
  );
}

function Eisen({ eisen }: { eisen: Eis[] }) {
  const { t } = useI18n();
  const columns = useMemo<Column<Eis>[]>(
    () => [
      { key: 'code', header: t('openbaar.eis.code'), width: '6rem' },
      {
        key: 'tekst',
        header: t('openbaar.eis.tekst'),
        rowHeader: true,
        cell: (e) => (
          <>
            {e.tekst}
            {e.bewijs && <div className="muted">{t('openbaar.eis.bewijs', { bewijs: e.bewijs })}</div>}
          </>
        ),
      },
      { key: 'soort', header: t('openbaar.eis.soort'), cell: (e) => t(`openbaar.soort.${e.soort}`) },
      {
        key: 'voor',
        header: t('openbaar.eis.voor'),
        cell: (e) => (e.vanToepassing ?? ['alle']).map((v) => t(`openbaar.voor.${v}`)).join(', '),
      },
      {
        key: 'verplicht',
        header: t('openbaar.eis.verplicht'),
        cell: (e) => (e.verplicht === false ? t('openbaar.nee') : t('openbaar.ja')),
      },
      {
        key: 'gewicht',
        header: t('openbaar.eis.gewicht'),
        cell: (e) =>
          e.gewicht ? `${e.gewicht}${e.schaalMin && e.schaalMax ? ` (${e.schaalMin}–${e.schaalMax})` : ''}` : '—',
      },
      { key: 'bron', header: t('openbaar.eis.bron'), cell: (e) => <span className="muted">{e.bron ?? '—'}</span> },
    ],
    [t],
  );
  const groepen = [...GROEPEN, ...new Set(eisen.map((e) => e.groep).filter((g) => !GROEPEN.includes(g)))]
    .map((g) => ({ g, rijen: eisen.filter((e) => e.groep === g) }))
    .filter((x) => x.rijen.length > 0);
  return (
    <Section title={t('openbaar.eisen.titel')}>
      {groepen.length === 0 && <p>{t('openbaar.eisen.geen')}</p>}
      {groepen.map(({ g, rijen }) => {
        const naam = t(`openbaar.groep.${g}`);
        return (
          <div key={g} className="openbaar-eisgroep">
            <h3>
              {naam} <span className="muted">({rijen.length})</span>
            </h3>
            <Table
              caption={t('openbaar.eisen.tabel', { groep: naam })}
              captionHidden
              rows={rijen}
              rowKey={(e) => e.code}
              columns={columns}
              pageSize={200}
              dense
            />
          </div>
        );
      })}
    </Section>
  );
}

function Tijdlijn({ k }: { k: Detail }) {
  const { t, taal } = useI18n();
  const columns: Column<Termijn>[] = [
    {
      key: 'fase',
      header: t('openbaar.tijdlijn.fase'),
      rowHeader: true,
      cell: (x) => (
        <>
          {taal === 'en' ? x.naamEn : x.naam}
          {x.omschrijving && <div className="muted">{x.omschrijving}</div>}
        </>
      ),
    },
    { key: 'begint', header: t('openbaar.tijdlijn.begint'), cell: (x) => lokaleTijd(x.begintLokaal) },
    { key: 'eindigt', header: t('openbaar.tijdlijn.eindigt'), cell: (x) => lokaleTijd(x.eindigtLokaal) },
    {
      key: 'stand',
      header: t('openbaar.tijdlijn.stand'),
      cell: (x) =>
        x.verstreken ? (
          <Badge>{t('openbaar.tijdlijn.verstreken')}</Badge>
        ) : x.eindigtOp ? (
          <Countdown tot={x.eindigtOp} serverNu={k.nu} />
        ) : (
          '—'
        ),
    },
  ];
  return (
    <Section title={t('openbaar.tijdlijn.titel')}>
      {k.tijdlijn.length === 0 ? (
        <p>{t('openbaar.tijdlijn.geen')}</p>
      ) : (
        <>
          <Table
            caption={t('openbaar.tijdlijn.tabel')}
            captionHidden
            rows={k.tijdlijn}
            rowKey={(x) => x.fase}
            columns={columns}
            dense
          />
          <p className="muted">{t('openbaar.tijdlijn.serverklok', { nu: amsterdam(k.nu, taal) })}</p>
        </>
      )}
    </Section>
  );
}

const BEKEND = ['toelichting', 'weging', 'schaalStap', 'tweejarigeVoorwaarden', 'bestValue'];

/** The regional paragraph (src/domain/inkoop/regionale-paragraaf.ts); unknown parts are shown as published. */
function RegionaleParagraaf({ paragraaf, eisen }: { paragraaf: Record<string, unknown> | null; eisen: Eis[] }) {
  const { t } = useI18n();
  const p = paragraaf && typeof paragraaf === 'object' ? paragraaf : {};
  const weging = p.weging && typeof p.weging === 'object' ? Object.entries(p.weging as Record<string, unknown>) : [];
  const voorwaarden = Array.isArray(p.tweejarigeVoorwaarden) ? (p.tweejarigeVoorwaarden as Voorwaarde[]) : [];
  const bv = p.bestValue && typeof p.bestValue === 'object' ? (p.bestValue as Record<string, unknown>) : null;
  const overig = Object.keys(p).filter((x) => !BEKEND.includes(x));
  const leeg = Object.keys(p).length === 0;
  return (
    <Section title={t('openbaar.paragraaf.titel')}>
      {leeg && <p>{t('openbaar.paragraaf.geen')}</p>}
      {typeof p.toelichting === 'string' && p.toelichting && <p className="openbaar-toelichting">{p.toelichting}</p>}
      {weging.length > 0 && (
        <>
          <h3>{t('openbaar.paragraaf.weging')}</h3>
          <Table
            caption={t('openbaar.paragraaf.weging.tabel')}
            captionHidden
            rows={weging}
            rowKey={([code]) => code}
            dense
            columns={[
              {
                key: 'code',
                header: t('openbaar.paragraaf.criterium'),
                rowHeader: true,
                cell: ([code]) => `${code} ${eisen.find((e) => e.code === code)?.tekst ?? ''}`,
              },
              { key: 'gewicht', header: t('openbaar.paragraaf.gewicht'), align: 'right', cell: ([, w]) => String(w) },
            ]}
          />
        </>
      )}
      {typeof p.schaalStap === 'string' && <p>{t('openbaar.paragraaf.schaalstap', { stap: p.schaalStap })}</p>}
      {voorwaarden.length > 0 && (
        <>
          <h3>{t('openbaar.paragraaf.voorwaarden')}</h3>
          <ul>
            {voorwaarden.map((v, i) => (
              <li key={i}>
                <strong>{String(v.code ?? '')}</strong> {String(v.omschrijving ?? '')}{' '}
                {v.soort && <span className="muted">({soortTekst(v, t)})</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      {bv && (
        <>
          <h3>{t('openbaar.paragraaf.bestvalue')}</h3>
          <ul>
            {bv.maxWoorden !== undefined && <li>{t('openbaar.paragraaf.maxWoorden', { n: String(bv.maxWoorden) })}</li>}
            {bv.maxKpis !== undefined && <li>{t('openbaar.paragraaf.maxKpis', { n: String(bv.maxKpis) })}</li>}
            {bv.verduidelijkingAantal !== undefined && (
              <li>{t('openbaar.paragraaf.verduidelijkingAantal', { n: String(bv.verduidelijkingAantal) })}</li>
            )}
          </ul>
        </>
      )}
      {overig.length > 0 && (
        <>
          <h3>{t('openbaar.paragraaf.overig')}</h3>
          <pre className="openbaar-toelichting">
            {JSON.stringify(Object.fromEntries(overig.map((x) => [x, p[x]])), null, 2)}
          </pre>
        </>
      )}
    </Section>
  );
}

function NotaVanInlichtingen({ k }: { k: Detail }) {
  const { t, taal } = useI18n();
  const [laatste, ...eerder] = k.notasVanInlichtingen;
  return (
    <Section title={t('openbaar.nvi.titel')}>
      <p className="muted">{t('openbaar.nvi.anoniem')}</p>
      {!laatste ? (
        <p>{t('openbaar.nvi.geen')}</p>
      ) : (
        <>
          <p>
            {t('openbaar.nvi.versie', { v: laatste.versie, datum: amsterdam(laatste.gepubliceerdOp, taal) })} ·{' '}
            <code className="openbaar-sha">{laatste.sha256}</code>
          </p>
          <ol className="openbaar-nvi">
            {laatste.regels.map((r) => (
              <li key={r.nummer}>
                <h4>
                  {t('openbaar.nvi.vraag', { n: r.nummer })}
                  {r.onderwerp ? `: ${r.onderwerp}` : ''}
                  {r.eisCode ? ` (${t('openbaar.nvi.over', { code: r.eisCode })})` : ''}
                </h4>
                <p>{r.vraag}</p>
                <p className="antwoord">
                  <strong>{t('openbaar.nvi.antwoord')}:</strong> {r.antwoord}
                </p>
              </li>
            ))}
          </ol>
          {eerder.length > 0 && (
            <details>
              <summary>{t('openbaar.nvi.eerder')}</summary>
              <ul>
                {eerder.map((n) => (
                  <li key={n.versie}>
                    {t('openbaar.nvi.eerder.regel', {
                      v: n.versie,
                      datum: amsterdam(n.gepubliceerdOp, taal),
                      n: n.regels.length,
                      sha: n.sha256.slice(0, 16) + '…',
                    })}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </Section>
  );
}

function Versies({ k }: { k: Detail }) {
  const { t, taal } = useI18n();
  const columns: Column<Detail['versies'][number]>[] = [
    {
      key: 'versie',
      header: t('openbaar.versies.versie'),
      rowHeader: true,
      cell: (v) =>
        v.versie === k.versie ? (
          <>
            {v.versie} <span className="muted">({t('openbaar.versies.deze')})</span>
          </>
        ) : (
          String(v.versie)
        ),
    },
    { key: 'op', header: t('openbaar.versies.op'), cell: (v) => amsterdam(v.gepubliceerdOp, taal) },
    { key: 'wijzigingen', header: t('openbaar.versies.wijzigingen'), cell: (v) => v.wijzigingen ?? '—' },
    { key: 'sha', header: 'SHA-256', cell: (v) => <code className="openbaar-sha">{v.sha256}</code> },
    {
      key: 'bekijk',
      header: '',
      cell: (v) =>
        v.versie === k.versie ? null : (
          <Link
            to={
              v.versie === k.gepubliceerdeVersie
                ? `/openbaar/inkoopkaders/${k.id}`
                : `/openbaar/inkoopkaders/${k.id}/versies/${v.versie}`
            }
          >
            {t('openbaar.versies.bekijk', { v: v.versie })}
          </Link>
        ),
    },
  ];
  return (
    <Section title={t('openbaar.versies.titel')}>
      <Table
        caption={t('openbaar.versies.tabel')}
        captionHidden
        rows={k.versies}
        rowKey={(v) => String(v.versie)}
        columns={columns}
        dense
      />
    </Section>
  );
}
