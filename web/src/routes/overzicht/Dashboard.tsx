import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../app/i18n.tsx';
import { Link, type PageProps } from '../../app/router.tsx';
import { useSession, type Gebruiker } from '../../app/session.tsx';
import { loopt, useTaken } from '../../app/jobs.tsx';
import { formatGetal, PageHeader, QueryState, Section } from '../../ui/index.ts';
import { useRegios } from '../reference/Regios.tsx';
import { aanbiederQuery } from '../reference/AanbiederDetail.tsx';
import type { AanbiederPagina } from '../reference/types.ts';
import { api } from '../../app/api.ts';
import './messages.ts';

function Kaart({ label, waarde, children }: { label: string; waarde: string; children?: ReactNode }) {
  return (
    <div className="kaart">
      <p className="kaart-waarde">{waarde}</p>
      <p className="kaart-label">{label}</p>
      {children}
    </div>
  );
}

function ZorgkantoorOverzicht({ g }: { g: Gebruiker }) {
  const { t, taal } = useI18n();
  const q = useRegios();
  const taken = useTaken();
  // Distinct providers the user may see (zorgkantoor: in its own regions; NZa: all).
  const aanbieders = useQuery({
    queryKey: ['aanbieders', { zoek: '', regio: '', pagina: 1 }],
    queryFn: () => api.get<AanbiederPagina>('/aanbieders', { query: { pagina: 1 } }),
  });
  return (
    <QueryState query={q}>
      {(regios) => {
        const eigen = regios.filter((r) => r.zorgkantoorId === g.organisatieId);
        const locaties = regios.reduce((s, r) => s + r.aantalLocaties, 0);
        return (
          <>
            <div className="kaarten">
              <Kaart
                label={t('overzicht.kaart.regios')}
                waarde={formatGetal(regios.filter((r) => r.actief).length, taal)}
              />
              {g.organisatieSoort === 'zorgkantoor' && (
                <Kaart
                  label={t('overzicht.kaart.eigenregios', { organisatie: g.organisatieNaam })}
                  waarde={formatGetal(eigen.length, taal)}
                />
              )}
              <Kaart
                label={t(
                  aanbieders.data?.zicht === 'alle'
                    ? 'overzicht.kaart.aanbieders.uniek'
                    : 'overzicht.kaart.aanbieders.eigen',
                )}
                waarde={aanbieders.data ? formatGetal(aanbieders.data.totaal, taal) : '…'}
              />
              <Kaart label={t('overzicht.kaart.locaties.alle')} waarde={formatGetal(locaties, taal)} />
              <Kaart
                label={t('overzicht.kaart.taken')}
                waarde={formatGetal((taken.data ?? []).filter(loopt).length, taal)}
              />
            </div>
            {regios.some((r) => r.indelingIsVoorbeeld) && <p className="note">{t('overzicht.voorbeeld.melding')}</p>}
            {eigen.length > 0 && (
              <Section title={t('overzicht.kaart.eigenregios', { organisatie: g.organisatieNaam })}>
                <ul className="link-lijst">
                  {eigen.map((r) => (
                    <li key={r.code}>
                      <Link to={`/regios/${encodeURIComponent(r.code)}`}>
                        {r.code} {r.naam}
                      </Link>
                      <span className="muted">
                        {' '}
                        · {formatGetal(r.aantalAanbieders, taal)} {t('reference.kolom.aanbieders').toLowerCase()} ·{' '}
                        {formatGetal(r.aantalLocaties, taal)} {t('reference.kolom.locaties').toLowerCase()}
                      </span>
                    </li>
                  ))}
                </ul>
              </Section>
            )}
            <Section title={t('overzicht.snel')}>
              <ul className="link-lijst">
                <li>
                  <Link to="/regios">{t('overzicht.bekijk.regios')}</Link>
                </li>
                <li>
                  <Link to="/aanbieders">{t('overzicht.bekijk.aanbieders')}</Link>
                </li>
                <li>
                  <Link to="/taken">{t('overzicht.bekijk.taken')}</Link>
                </li>
              </ul>
            </Section>
          </>
        );
      }}
    </QueryState>
  );
}

function AanbiederOverzicht({ g }: { g: Gebruiker }) {
  const { t, taal } = useI18n();
  const q = useQuery(aanbiederQuery(g.organisatieId));
  return (
    <QueryState query={q}>
      {(a) => {
        const capaciteit = a.locaties.reduce((s, l) => s + (l.capaciteit ?? 0), 0);
        const regios = [...new Set(a.locaties.map((l) => l.regioCode))];
        return (
          <>
            <div className="kaarten">
              <Kaart label={t('overzicht.kaart.eigenlocaties')} waarde={formatGetal(a.locaties.length, taal)} />
              <Kaart label={t('overzicht.kaart.capaciteit')} waarde={formatGetal(capaciteit, taal)} />
              <Kaart label={t('overzicht.kaart.eigenregiosaanbieder')} waarde={formatGetal(regios.length, taal)} />
            </div>
            <Section title={t('overzicht.snel')}>
              <ul className="link-lijst">
                <li>
                  <Link to={`/aanbieders/${encodeURIComponent(a.id)}`}>{t('overzicht.bekijk.eigen')}</Link>
                </li>
                <li>
                  <Link to="/regios">{t('overzicht.bekijk.regios')}</Link>
                </li>
              </ul>
            </Section>
          </>
        );
      }}
    </QueryState>
  );
}

export function Dashboard(_: PageProps) {
  const { t } = useI18n();
  const { gebruiker: g } = useSession();
  if (!g) return null;
  const aanbieder = g.organisatieSoort === 'zorgaanbieder';
  const intro = aanbieder
    ? t('overzicht.intro.zorgaanbieder', { organisatie: g.organisatieNaam })
    : g.organisatieSoort === 'zorgkantoor'
      ? t('overzicht.intro.zorgkantoor')
      : t('overzicht.intro.overig');
  return (
    <>
      <PageHeader title={t('overzicht.welkom', { naam: g.naam })} intro={intro} />
      {aanbieder ? <AanbiederOverzicht g={g} /> : <ZorgkantoorOverzicht g={g} />}
    </>
  );
}
