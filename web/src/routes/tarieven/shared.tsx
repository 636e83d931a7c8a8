/** Building blocks shared by the tariff pages: badges, the trace, a policy card and exact decimal helpers. */
import { useId, type ReactNode } from 'react';
import { useI18n, type TFunction } from '../../app/i18n.tsx';
import { Badge, formatPercentage, Table, type Column, type Taal } from '../../ui/index.ts';
import type { BeleidOverzicht, Effect, Regel, SpoorStap, Zekerheid } from './types.ts';
import './messages.ts';
import './tarieven.css';

/** The national richttarief V&V 2024 (ZN), percent of the NZa maximum excl. NHC/NIC. */
export const RICHTTARIEF = '95.50';

const DEC = /^\s*([+-])?(\d*)(?:[.,](\d*))?\s*$/;
function scaled(s: string, scale: number): bigint | null {
  const m = DEC.exec(s);
  if (!m || (!m[2] && !m[3])) return null;
  const v = BigInt((m[2] || '0') + (m[3] ?? '').slice(0, scale).padEnd(scale, '0'));
  return m[1] === '-' ? -v : v;
}

/** a − b exactly, as a decimal string with `places` decimals (inputs with at most 6 decimals). */
export function verschil(a: string, b: string, places = 2): string | null {
  const x = scaled(a, 6),
    y = scaled(b, 6);
  if (x === null || y === null) return null;
  const d = x - y;
  const neg = d < 0n;
  const abs = neg ? -d : d;
  const div = 10n ** BigInt(6 - places);
  const q = (abs * 2n + div) / (2n * div); // half-up
  const s = q.toString().padStart(places + 1, '0');
  const out = places ? `${s.slice(0, s.length - places)}.${s.slice(s.length - places)}` : s;
  return neg && q !== 0n ? `-${out}` : out;
}

/** "+0,10 pp" / "−2,00 pp" / "0,00 pp". */
export function formatPp(value: string | null | undefined, taal: Taal, t: TFunction): string {
  if (value === null || value === undefined) return '—';
  const f = formatPercentage(value, taal).replace('%', '');
  const positief = !f.startsWith('−') && !/^0[.,]0+$/.test(f);
  return t('tarieven.pp', { waarde: `${positief ? '+' : ''}${f}` });
}

export function ZekerheidBadge({ z }: { z: Zekerheid | undefined }) {
  const { t } = useI18n();
  if (!z) return null;
  const variant = z === 'H' ? 'success' : z === 'M' ? 'warning' : 'danger';
  return (
    <Badge variant={variant} title={t(`tarieven.zekerheid.${z}`)}>
      <span aria-hidden="true">{z}</span>
      <span className="visually-hidden">{t(`tarieven.zekerheid.${z}`)}</span>
    </Badge>
  );
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useI18n();
  const variant =
    status === 'bepaald' || status === 'gepubliceerd'
      ? 'success'
      : status === 'onbepaald'
        ? 'warning'
        : status === 'concept'
          ? 'info'
          : 'neutral';
  const key = `tarieven.status.${status}`;
  const label = t(key);
  return <Badge variant={variant}>{label === key ? status : label}</Badge>;
}

/** A percentage, or "onbepaald" with the interval and the reasons — never a number for an undetermined result. */
export function PercentageOfOnbepaald({
  percentage,
  status,
  redenen,
  bandbreedte,
}: {
  percentage: string | null;
  status: string;
  redenen?: string[];
  bandbreedte?: { van: string | null; tot: string | null };
}) {
  const { t, taal } = useI18n();
  if (status !== 'onbepaald' && percentage !== null)
    return <span className="tarief-pct">{formatPercentage(percentage, taal)}</span>;
  return (
    <span className="tarief-onbepaald">
      <strong>{t('tarieven.onbepaald')}</strong>
      {bandbreedte && (bandbreedte.van || bandbreedte.tot) && (
        <span className="muted">
          {' '}
          (
          {t('tarieven.bandbreedte', {
            van: bandbreedte.van ? formatPercentage(bandbreedte.van, taal) : '?',
            tot: bandbreedte.tot ? formatPercentage(bandbreedte.tot, taal) : '?',
          })}
          )
        </span>
      )}
      {redenen && redenen.length > 0 && (
        <ul className="tarief-redenen">
          {redenen.map((r, i) => (
            <li key={i}>{r}</li>
          ))}
        </ul>
      )}
    </span>
  );
}

/** The trace as an expandable ordered list (native <details>, keyboard accessible). */
export function Spoor({ spoor, label }: { spoor: SpoorStap[]; label: string }) {
  const { t, taal } = useI18n();
  return (
    <details className="tarief-spoor">
      <summary>
        {label} <span className="muted">({t('tarieven.spoor.stappen', { n: spoor.length })})</span>
      </summary>
      <ol>
        {spoor.map((s, i) => (
          <li key={i}>
            <div>
              <code>{s.regel}</code> {s.zekerheid && <ZekerheidBadge z={s.zekerheid} />}
              {s.eenheidAangenomen && (
                <>
                  {' '}
                  <Badge variant="neutral">{t('tarieven.eenheid.aangenomen')}</Badge>
                </>
              )}
            </div>
            {s.omschrijving && <div>{s.omschrijving}</div>}
            <div>
              <span className="fout-label">{t('tarieven.spoor.effect')}:</span> {s.effect}
              {s.na && (
                <>
                  {' '}
                  → <strong>{formatPercentage(s.na, taal)}</strong>
                </>
              )}
            </div>
            <blockquote className="tarief-bron" cite={s.document}>
              “{s.bron}”
            </blockquote>
          </li>
        ))}
      </ol>
    </details>
  );
}

/** A rule's effect in words. */
export function effectTekst(e: Effect, t: TFunction, taal: Taal): string {
  const eenheid = e.eenheid ? t(`tarieven.eenheid.${e.eenheid}`) : '';
  const g = (v?: string) => (v === undefined ? '?' : formatPercentage(v, taal).replace('%', ''));
  switch (e.op) {
    case 'zet':
      return t('tarieven.effect.zet', { waarde: g(e.waarde) });
    case 'vorigJaar':
      return t('tarieven.effect.vorigJaar');
    case 'plus':
      return t('tarieven.effect.plus', { waarde: g(e.waarde), eenheid });
    case 'min':
      return t('tarieven.effect.min', { waarde: g(e.waarde), eenheid });
    case 'bereik':
      return t('tarieven.effect.bereik', { van: g(e.van), tot: g(e.tot), eenheid });
    case 'onbepaald':
      return t('tarieven.effect.onbepaald', { richting: t(`tarieven.richting.${e.richting ?? 'onbekend'}`) });
    case 'plafond':
      return t('tarieven.effect.plafond', { waarde: g(e.waarde) });
    case 'bodem':
      return t('tarieven.effect.bodem', { waarde: g(e.waarde) });
    case 'uitgesloten':
      return t('tarieven.effect.uitgesloten');
    default:
      return e.op;
  }
}

/** A condition (als) in compact text. */
export function voorwaardeTekst(v: unknown): string {
  if (!v || typeof v !== 'object') return '—';
  const o = v as Record<string, unknown>;
  if (Array.isArray(o.alle)) return o.alle.map(voorwaardeTekst).join(' en ');
  if (Array.isArray(o.een)) return '(' + o.een.map(voorwaardeTekst).join(' of ') + ')';
  if (o.niet) return 'niet ' + voorwaardeTekst(o.niet);
  if (typeof o.kenmerk === 'string' && 'is' in o) return `${o.kenmerk} = ${JSON.stringify(o.is)}`;
  if (typeof o.kenmerk === 'string' && 'bekend' in o) return `${o.kenmerk} ${o.bekend ? 'bekend' : 'onbekend'}`;
  if (Array.isArray(o.leveringsvorm)) return `leveringsvorm ∈ {${o.leveringsvorm.join(', ')}}`;
  if (Array.isArray(o.prestatie)) return `prestatie ∈ {${o.prestatie.join(', ')}}`;
  return JSON.stringify(v);
}

/** A rule that leads to "onbepaald": op onbepaald, or a range without a profile value to pick from it. */
export const isOnbepaaldeRegel = (r: Regel) =>
  r.effect.op === 'onbepaald' || (r.effect.op === 'bereik' && !r.effect.kenmerk);

/** One zorgkantoor's policy: base, rules with source quotes and confidence, constraints. */
export function BeleidKaart({ b, kop, niveau = 2 }: { b: BeleidOverzicht; kop?: ReactNode; niveau?: 2 | 3 }) {
  const H = niveau === 2 ? 'h2' : 'h3';
  const H2 = niveau === 2 ? 'h3' : 'h4';
  const { t, taal } = useI18n();
  const id = useId();
  const beleid = b.beleid;
  const columns: Column<Regel>[] = [
    {
      key: 'id',
      header: t('tarieven.kolom.regel'),
      rowHeader: true,
      cell: (r) => (
        <>
          <code>{r.id}</code>
          <div>{r.omschrijving}</div>
        </>
      ),
    },
    {
      key: 'als',
      header: t('tarieven.kolom.voorwaarde'),
      cell: (r) => <code className="tarief-als">{voorwaardeTekst(r.als)}</code>,
    },
    {
      key: 'effect',
      header: t('tarieven.kolom.effect'),
      cell: (r) => (
        <>
          {effectTekst(r.effect, t, taal)}
          {r.eenheidAangenomen && (
            <div>
              <Badge variant="neutral">{t('tarieven.eenheid.aangenomen')}</Badge>
            </div>
          )}
          {isOnbepaaldeRegel(r) && (
            <div>
              <Badge variant="warning">{t('tarieven.onbepaald')}</Badge>
              {r.reden && <span className="muted"> {r.reden}</span>}
            </div>
          )}
        </>
      ),
    },
    {
      key: 'bron',
      header: t('tarieven.kolom.bron'),
      cell: (r) => (
        <>
          <blockquote className="tarief-bron">“{r.bron.citaat}”</blockquote>
          {r.toelichting && (
            <details className="tarief-toelichting">
              <summary>{t('tarieven.toelichting')}</summary>
              <p>{r.toelichting}</p>
            </details>
          )}
        </>
      ),
    },
    {
      key: 'zekerheid',
      header: t('tarieven.kolom.zekerheid'),
      align: 'center',
      cell: (r) => <ZekerheidBadge z={r.zekerheid} />,
    },
  ];
  return (
    <section className="section tarief-beleid" aria-labelledby={id}>
      <div className="section-head">
        <H id={id}>{kop ?? beleid.zorgkantoor}</H>
        <span>
          {b.versie === 'meegeleverd' ? (
            <Badge variant="neutral">{t('tarieven.versie.meegeleverd')}</Badge>
          ) : (
            <Badge variant="info">{t('tarieven.versie.nummer', { n: b.versieNummer })}</Badge>
          )}
        </span>
      </div>
      <p className="muted">
        {beleid.titel} · {beleid.bron.document}
        {beleid.bron.peildatum ? ` · ${t('tarieven.peildatum')} ${beleid.bron.peildatum}` : ''}
      </p>
      <dl className="details">
        <div>
          <dt>{t('tarieven.basis')}</dt>
          <dd>
            {formatPercentage(beleid.basis.waarde, taal)} <ZekerheidBadge z={beleid.basis.zekerheid} />
            <div className="muted">{beleid.basis.omschrijving}</div>
          </dd>
        </div>
        <div>
          <dt>{t('tarieven.nhcnic')}</dt>
          <dd>
            {beleid.nhcNic.percentage === null ? (
              <Badge variant="warning">{t('tarieven.onbepaald')}</Badge>
            ) : (
              formatPercentage(beleid.nhcNic.percentage, taal)
            )}
            <div className="muted">{beleid.nhcNic.toelichting}</div>
          </dd>
        </div>
        {beleid.looptijdNieuweAanbieder && (
          <div>
            <dt>{t('tarieven.looptijdNieuw')}</dt>
            <dd>
              {t('tarieven.looptijdNieuw.waarde', {
                n: beleid.looptijdNieuweAanbieder.jaren,
                van: beleid.looptijdNieuweAanbieder.inkoopperiode.van,
                tot: beleid.looptijdNieuweAanbieder.inkoopperiode.tot,
              })}{' '}
              <ZekerheidBadge z={beleid.looptijdNieuweAanbieder.zekerheid} />
              <blockquote className="tarief-bron">“{beleid.looptijdNieuweAanbieder.bron.citaat}”</blockquote>
              <div className="muted">
                {t('tarieven.looptijdNieuw.bron', { document: beleid.looptijdNieuweAanbieder.bron.document })}
              </div>
            </dd>
          </div>
        )}
      </dl>
      <blockquote className="tarief-bron">“{beleid.basis.bron.citaat}”</blockquote>
      <Table
        caption={t('tarieven.beleid.regels', { zk: beleid.zorgkantoor })}
        captionHidden
        rows={beleid.regels}
        rowKey={(r) => r.id}
        columns={columns}
        pageSize={100}
        dense
        empty={t('tarieven.beleid.geenregels')}
      />
      {beleid.randvoorwaarden && beleid.randvoorwaarden.length > 0 && (
        <>
          <H2>{t('tarieven.randvoorwaarden')}</H2>
          <ul className="tarief-randvoorwaarden">
            {beleid.randvoorwaarden.map((r) => (
              <li key={r.id}>
                <code>{r.id}</code> {r.omschrijving} <ZekerheidBadge z={r.zekerheid} />
                <blockquote className="tarief-bron">“{r.bron.citaat}”</blockquote>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
