/** Shared building blocks for pages. Import from web/src/ui/index.ts. */
import { forwardRef, useEffect, useId, useState, type ButtonHTMLAttributes, type ReactNode } from 'react';
import { isApiError } from '../app/api.ts';
import { useT } from '../app/i18n.tsx';
import { Link } from '../app/router.tsx';
import './messages.ts';

// ---------------------------------------------------------------------------------------------
/** The page's heading (h1, focused after navigation by the shell), optional intro and actions. */
export function PageHeader({
  title,
  intro,
  actions,
  children,
  kruimels,
}: {
  title: ReactNode;
  intro?: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
  /** breadcrumb: [{ label, to }] — last item is the current page and needs no `to` */
  kruimels?: { label: ReactNode; to?: string }[];
}) {
  const t = useT();
  return (
    <header className="page-header">
      {kruimels && kruimels.length > 0 && (
        <nav aria-label={t('ui.kruimelpad')} className="breadcrumb">
          <ol>
            {kruimels.map((k, i) => (
              <li key={i}>{k.to ? <Link to={k.to}>{k.label}</Link> : <span aria-current="page">{k.label}</span>}</li>
            ))}
          </ol>
        </nav>
      )}
      <div className="page-header-row">
        <h1 tabIndex={-1} id="page-title">
          {title}
        </h1>
        {actions && <div className="page-actions">{actions}</div>}
      </div>
      {intro && <p className="page-intro">{intro}</p>}
      {children}
    </header>
  );
}

// ---------------------------------------------------------------------------------------------
export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: 'primary' | 'secondary' | 'danger' | 'link';
  /** shows a busy state and disables the button */
  bezig?: boolean;
}

export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  { variant = 'secondary', bezig, className, children, disabled, type, ...rest },
  ref,
) {
  return (
    <button
      ref={ref}
      type={type ?? 'button'}
      className={['btn', `btn-${variant}`, className].filter(Boolean).join(' ')}
      disabled={disabled || bezig}
      aria-busy={bezig || undefined}
      {...rest}
    >
      {bezig && <span className="spinner" aria-hidden="true" />}
      {children}
    </button>
  );
});

// ---------------------------------------------------------------------------------------------
type AlertVariant = 'info' | 'success' | 'warning' | 'error';

/** A message box. Errors use role=alert (announced at once); others role=status. */
export function Alert({
  variant = 'info',
  title,
  children,
  actie,
}: {
  variant?: AlertVariant;
  title?: ReactNode;
  children?: ReactNode;
  actie?: ReactNode;
}) {
  return (
    <div className={`alert alert-${variant}`} role={variant === 'error' ? 'alert' : 'status'}>
      {title && <p className="alert-title">{title}</p>}
      {children}
      {actie && <p className="alert-actie">{actie}</p>}
    </div>
  );
}

/** Shows an API problem (title, fouten with waar/wat/actie, actie) or any other error. */
export function ProblemAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  if (!error) return null;
  if (isApiError(error)) {
    return (
      <Alert variant="error" title={error.title}>
        {error.fouten.length > 0 && (
          <ul className="fouten">
            {error.fouten.map((f, i) => (
              <li key={i}>
                {f.waar && (
                  <>
                    <span className="fout-label">{t('ui.fout.waar')}:</span> <code>{f.waar}</code> —{' '}
                  </>
                )}
                <span>{f.wat}</span>
                {f.actie && (
                  <>
                    {' '}
                    <span className="fout-label">{t('ui.fout.actie')}:</span> {f.actie}
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
        {error.actie && <p className="alert-actie">{error.actie}</p>}
        {error.foutId && (
          <p className="fout-id">
            <span className="fout-label">{t('ui.fout.foutId')}:</span> <code>{error.foutId}</code>
          </p>
        )}
        {onRetry && <Button onClick={onRetry}>{t('ui.fout.opnieuw')}</Button>}
      </Alert>
    );
  }
  return (
    <Alert variant="error" title={t('ui.fout.titel')}>
      <p>{error instanceof Error ? error.message : String(error)}</p>
      {onRetry && <Button onClick={onRetry}>{t('ui.fout.opnieuw')}</Button>}
    </Alert>
  );
}

// ---------------------------------------------------------------------------------------------
export function Badge({
  children,
  variant = 'neutral',
  title,
}: {
  children: ReactNode;
  variant?: 'neutral' | 'info' | 'success' | 'warning' | 'danger';
  title?: string;
}) {
  return (
    <span className={`badge badge-${variant}`} title={title}>
      {children}
    </span>
  );
}

export function Loading({ label }: { label?: string }) {
  const t = useT();
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('ui.laden')}
    </div>
  );
}

export function EmptyState({ title, children, actie }: { title?: ReactNode; children?: ReactNode; actie?: ReactNode }) {
  const t = useT();
  return (
    <div className="empty-state">
      <p className="empty-title">{title ?? t('ui.leeg')}</p>
      {children}
      {actie && <div className="empty-actie">{actie}</div>}
    </div>
  );
}

/**
 * Renders a TanStack query's state: loading, error (with retry) or the data.
 *   <QueryState query={q}>{(data) => <Table rows={data} … />}</QueryState>
 */
export function QueryState<T>({
  query,
  children,
  notFound,
}: {
  query: { data: T | undefined; error: unknown; isPending: boolean; refetch: () => unknown };
  children: (data: T) => ReactNode;
  /** what to show for a 404 instead of the error */
  notFound?: ReactNode;
}) {
  if (query.isPending) return <Loading />;
  if (query.error) {
    if (notFound && isApiError(query.error) && query.error.status === 404) return <>{notFound}</>;
    return (
      <ProblemAlert
        error={query.error}
        onRetry={() => {
          query.refetch();
        }}
      />
    );
  }
  return <>{children(query.data as T)}</>;
}

// ---------------------------------------------------------------------------------------------
/** Progress 0..1 (a fraction, as the Taak API gives it) or value/max. */
export function ProgressBar({
  value,
  max = 1,
  label,
  showText = true,
}: {
  value: number | string;
  max?: number;
  label: string;
  showText?: boolean;
}) {
  const v = typeof value === 'string' ? Number(value) : value;
  const pct = max > 0 ? Math.max(0, Math.min(100, Math.round((v / max) * 100))) : 0;
  return (
    <div className="progress">
      <div
        className="progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-valuetext={`${pct}%`}
      >
        <div className="progress-fill" style={{ width: `${pct}%` }} />
      </div>
      {showText && (
        <span className="progress-text" aria-hidden="true">
          {pct}%
        </span>
      )}
    </div>
  );
}

/**
 * Time left until a deadline (ISO timestamp). `serverNu` (the server's "now" from the same
 * response) corrects for a wrong clock on this computer.
 */
export function Countdown({ tot, serverNu, onVerlopen }: { tot: string; serverNu?: string; onVerlopen?: () => void }) {
  const t = useT();
  const [skew] = useState(() => (serverNu ? new Date(serverNu).getTime() - Date.now() : 0));
  const [nu, setNu] = useState(() => Date.now() + skew);
  const end = new Date(tot).getTime();
  const left = end - nu;
  useEffect(() => {
    if (left <= 0) return;
    const id = setInterval(() => setNu(Date.now() + skew), left < 3600_000 ? 1000 : 30_000);
    return () => clearInterval(id);
  }, [left <= 0, left < 3600_000, skew]);
  useEffect(() => {
    if (left <= 0) onVerlopen?.();
  }, [left <= 0]);
  if (Number.isNaN(end)) return null;
  if (left <= 0) return <span className="countdown countdown-verlopen">{t('ui.countdown.verlopen')}</span>;
  const s = Math.floor(left / 1000);
  const d = Math.floor(s / 86400),
    h = Math.floor((s % 86400) / 3600),
    m = Math.floor((s % 3600) / 60),
    sec = s % 60;
  const parts =
    d > 0
      ? [t('ui.countdown.dagen', { n: d }), t('ui.countdown.uren', { n: h })]
      : h > 0
        ? [t('ui.countdown.uren', { n: h }), t('ui.countdown.minuten', { n: m })]
        : [t('ui.countdown.minuten', { n: m }), t('ui.countdown.seconden', { n: sec })];
  return (
    <time
      className={`countdown${left < 86400_000 ? ' countdown-kort' : ''}`}
      dateTime={tot}
      title={new Date(tot).toLocaleString()}
    >
      {t('ui.countdown.nog', { tijd: parts.join(' ') })}
    </time>
  );
}

/** Definition list for detail pages: <DetailList items={[[label, value], …]} /> */
export function DetailList({ items }: { items: [ReactNode, ReactNode][] }) {
  return (
    <dl className="details">
      {items.map(([k, v], i) => (
        <div key={i}>
          <dt>{k}</dt>
          <dd>{v ?? '—'}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A titled block on a page. */
export function Section({
  title,
  children,
  actions,
  id,
}: {
  title: ReactNode;
  children: ReactNode;
  actions?: ReactNode;
  id?: string;
}) {
  const auto = useId();
  id = id ?? auto;
  return (
    <section className="section" aria-labelledby={id}>
      <div className="section-head">
        <h2 id={id}>{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

/** Visually hidden text for screen readers. */
export const VisuallyHidden = ({ children }: { children: ReactNode }) => (
  <span className="visually-hidden">{children}</span>
);
