import { useI18n } from '../../app/i18n.tsx';
import { Alert, Badge, compareDecimal, formatBedrag, formatDatum } from '../../ui/index.ts';
import type { Contracteerruimte } from './types.ts';
import './budget.css';

export function DeadlineMelding({ d }: { d: Contracteerruimte['nzaDeadline'] }) {
  const { t, taal } = useI18n();
  return (
    <Alert variant={d.verstreken ? 'info' : d.dagenOver <= 30 ? 'warning' : 'info'}>
      <span data-testid="nza-deadline">
        {t('budget.deadline.tekst', { jaar: d.jaar, dag: formatDatum(d.laatsteDag, taal) })}{' '}
        {d.verstreken ? t('budget.deadline.verstreken') : t('budget.deadline.over', { n: d.dagenOver })}
      </span>{' '}
      <small title={d.bron}>({d.bron.split(':')[0]})</small>
    </Alert>
  );
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useI18n();
  const v =
    status === 'definitief' || status === 'vastgesteld' ? 'success' : status === 'ingediend' ? 'info' : 'neutral';
  return <Badge variant={v}>{t(`budget.status.${status}`)}</Badge>;
}

export function VoorbeeldBadge({ voorbeeld }: { voorbeeld: boolean }) {
  const { t } = useI18n();
  if (!voorbeeld) return null;
  return (
    <Badge variant="warning" title={t('budget.voorbeeld.uitleg')}>
      {t('budget.voorbeeld')}
    </Badge>
  );
}

/** Exact-enough share for drawing only (never for money): a/b as a fraction 0..1 of decimal strings. */
function aandeel(a: string, b: string): number {
  const x = Number(a.replace('-', '')),
    y = Number(b);
  return y > 0 ? Math.max(0, Math.min(1, x / y)) : 0;
}

/** One stacked bar: agreements, earmarks, reserve and pool as parts of the contracteerruimte. */
export function VerdelingBalk({ c }: { c: Contracteerruimte }) {
  const { t, taal } = useI18n();
  const delen: [string, string, string][] = [
    ['afspraken', c.afspraken, 'var(--kleur-afspraken, #1f6feb)'],
    ['oormerk', c.oormerk, 'var(--kleur-oormerk, #8250df)'],
    ['reserve', c.reserve, 'var(--kleur-reserve, #bf8700)'],
    ['pool', c.pool, 'var(--kleur-pool, #57ab5a)'],
  ];
  let x = 0;
  return (
    <figure className="verdeling">
      <svg viewBox="0 0 1000 40" role="img" aria-label={t('budget.verdeling')} preserveAspectRatio="none">
        {delen.map(([k, v, kleur]) => {
          const w = aandeel(v, c.totaal) * 1000;
          const r = <rect key={k} x={x} y={0} width={w} height={40} fill={kleur} />;
          x += w;
          return r;
        })}
      </svg>
      <figcaption>
        <ul className="legenda">
          {delen.map(([k, v, kleur]) => (
            <li key={k}>
              <span className="legenda-kleur" style={{ background: kleur }} aria-hidden="true" /> {t(`budget.${k}`)}:{' '}
              {formatBedrag(v, taal)}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

/** Horizontal bars per label for one or two series (scenario comparison). */
export function Staafdiagram({
  titel,
  rijen,
  series,
}: {
  titel: string;
  rijen: { label: string; waarden: (string | null)[] }[];
  series: string[];
}) {
  const { taal } = useI18n();
  const max = rijen.flatMap((r) => r.waarden).reduce<string>((m, v) => (v && compareDecimal(v, m) > 0 ? v : m), '0');
  const kleuren = ['#1f6feb', '#bf8700'];
  const hoogte = 18;
  const rijH = hoogte * series.length + 10;
  return (
    <figure className="staafdiagram">
      <figcaption>{titel}</figcaption>
      <ul className="legenda">
        {series.map((s, i) => (
          <li key={s}>
            <span className="legenda-kleur" style={{ background: kleuren[i] }} aria-hidden="true" /> {s}
          </li>
        ))}
      </ul>
      <svg viewBox={`0 0 1000 ${rijH * rijen.length}`} role="img" aria-label={titel} width="100%">
        {rijen.map((r, i) => (
          <g key={r.label} transform={`translate(0, ${i * rijH})`}>
            <text x={0} y={hoogte} fontSize={14}>
              {r.label.slice(0, 34)}
            </text>
            {r.waarden.map((v, j) => (
              <g key={j}>
                <rect
                  x={300}
                  y={j * hoogte + 2}
                  width={aandeel(v ?? '0', max) * 500}
                  height={hoogte - 4}
                  fill={kleuren[j]}
                >
                  <title>{`${series[j]}: ${formatBedrag(v, taal)}`}</title>
                </rect>
                <text x={305 + aandeel(v ?? '0', max) * 500} y={j * hoogte + hoogte - 5} fontSize={12}>
                  {formatBedrag(v, taal, { decimalen: 0 })}
                </text>
              </g>
            ))}
          </g>
        ))}
      </svg>
    </figure>
  );
}
