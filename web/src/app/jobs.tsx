/**
 * Jobs (Taken): long work on the server with progress. The shell shows a panel with running and
 * recent jobs; pages that start a job can follow it:
 *
 *   const { id } = await api.post<{ taakId: string }>('/tarieven/import', …);
 *   <TaakVoortgang id={id} onKlaar={(t) => …} />
 *
 * useTaken() polls GET /api/v1/taken (fast while something runs), useTaak(id) polls GET /taken/:id.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './api.ts';
import { useI18n, useT } from './i18n.tsx';
import { Link } from './router.tsx';
import { useSession } from './session.tsx';
import { Badge, ProgressBar, ProblemAlert } from '../ui/components.tsx';
import { formatTijdstip } from '../ui/format.ts';
import './messages.ts';

export interface Taak {
  id: string;
  soort: string;
  omschrijving: string;
  status: 'wachtend' | 'bezig' | 'klaar' | 'mislukt';
  /** fraction "0.0000".."1.0000" */
  voortgang: string;
  stap: string | null;
  fout: string | null;
  resultaat: unknown;
  aangemaaktOp: string;
  klaarOp: string | null;
}

export const TAKEN_KEY = ['taken'] as const;
export const loopt = (t: Taak) => t.status === 'wachtend' || t.status === 'bezig';

export function useTaken(enabled = true) {
  return useQuery({
    queryKey: TAKEN_KEY,
    queryFn: () => api.get<Taak[]>('/taken'),
    enabled,
    refetchInterval: (q) => (q.state.data?.some(loopt) ? 1000 : 10_000),
    refetchIntervalInBackground: false,
  });
}

export function useTaak(id: string | null | undefined) {
  const qc = useQueryClient();
  return useQuery({
    queryKey: ['taken', id],
    queryFn: async () => {
      const t = await api.get<Taak>(`/taken/${id}`);
      if (!loopt(t)) qc.invalidateQueries({ queryKey: TAKEN_KEY, exact: true });
      return t;
    },
    enabled: !!id,
    refetchInterval: (q) => (q.state.data && !loopt(q.state.data) ? false : 700),
  });
}

export function TaakStatus({ taak }: { taak: Taak }) {
  const t = useT();
  const v =
    taak.status === 'klaar'
      ? 'success'
      : taak.status === 'mislukt'
        ? 'danger'
        : taak.status === 'bezig'
          ? 'info'
          : 'neutral';
  return <Badge variant={v}>{t(`app.taken.status.${taak.status}`)}</Badge>;
}

/** Progress of one job; calls onKlaar once when it has finished. */
export function TaakVoortgang({ id, onKlaar }: { id: string; onKlaar?: (t: Taak) => void }) {
  const t = useT();
  const q = useTaak(id);
  const done = useRef(false);
  useEffect(() => {
    if (q.data && !loopt(q.data) && !done.current) {
      done.current = true;
      onKlaar?.(q.data);
    }
  }, [q.data, onKlaar]);
  if (q.error) return <ProblemAlert error={q.error} />;
  if (!q.data) return <ProgressBar value={0} label={t('ui.voortgang')} />;
  const taak = q.data;
  return (
    <div className="taak">
      <div className="taak-kop">
        <span className="taak-omschrijving">{taak.omschrijving}</span> <TaakStatus taak={taak} />
      </div>
      <ProgressBar value={taak.status === 'klaar' ? 1 : taak.voortgang} label={taak.omschrijving} />
      {taak.stap && loopt(taak) && <p className="taak-stap">{t('app.taken.stap', { stap: taak.stap })}</p>}
      {taak.fout && (
        <p className="taak-fout" role="alert">
          {taak.fout}
        </p>
      )}
    </div>
  );
}

/** The header button + panel listing running and recent jobs. */
export function TakenPaneel() {
  const t = useT();
  const { taal } = useI18n();
  const { gebruiker } = useSession();
  const q = useTaken(!!gebruiker);
  const [open, setOpen] = useState(false);
  const [melding, setMelding] = useState('');
  const panelId = useId();
  const btn = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const vorige = useRef<Map<string, Taak['status']>>(new Map());

  const taken = q.data ?? [];
  const bezig = taken.filter(loopt);

  // Announce jobs that finish while the user is here.
  useEffect(() => {
    const prev = vorige.current;
    for (const tk of taken) {
      const was = prev.get(tk.id);
      if (was && (was === 'wachtend' || was === 'bezig') && !loopt(tk)) {
        setMelding(
          t(tk.status === 'klaar' ? 'app.taken.klaar.melding' : 'app.taken.mislukt.melding', {
            omschrijving: tk.omschrijving,
          }),
        );
      }
    }
    vorige.current = new Map(taken.map((x) => [x.id, x.status]));
  }, [taken, t]);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        btn.current?.focus();
      }
    };
    const onClick = (e: MouseEvent) => {
      if (!panel.current?.contains(e.target as Node) && !btn.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onClick);
    };
  }, [open]);

  return (
    <div className="taken">
      <button
        ref={btn}
        type="button"
        className="btn btn-header"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        {t('app.taken.knop')}
        {bezig.length > 0 && <span className="taken-teller">{t('app.taken.bezig', { n: bezig.length })}</span>}
      </button>
      <div className="visually-hidden" aria-live="polite">
        {melding}
      </div>
      {open && (
        <div ref={panel} id={panelId} className="taken-paneel" role="region" aria-label={t('app.taken.paneel')}>
          <h2>{t('app.taken.paneel')}</h2>
          {q.error ? (
            <ProblemAlert error={q.error} />
          ) : taken.length === 0 ? (
            <p>{t('app.taken.geen')}</p>
          ) : (
            <ul className="taken-lijst">
              {taken.slice(0, 6).map((tk) => (
                <li key={tk.id}>
                  <div className="taak-kop">
                    <span className="taak-omschrijving">{tk.omschrijving}</span> <TaakStatus taak={tk} />
                  </div>
                  {loopt(tk) ? (
                    <ProgressBar value={tk.voortgang} label={tk.omschrijving} />
                  ) : (
                    <p className="taak-meta">{formatTijdstip(tk.klaarOp ?? tk.aangemaaktOp, taal)}</p>
                  )}
                  {tk.fout && <p className="taak-fout">{tk.fout}</p>}
                </li>
              ))}
            </ul>
          )}
          <p>
            <Link to="/taken" onClick={() => setOpen(false)}>
              {t('app.taken.alle')}
            </Link>
          </p>
        </div>
      )}
    </div>
  );
}
