/**
 * The signed-in user. useSession() gives { gebruiker, rollen, organisatieSoort, csrf, login, logout, logoutOveral,
 * heeftRol, kiesTaal }. The session lives in an HTTP-only cookie; GET /api/v1/auth/sessie tells who
 * is signed in and gives the CSRF token, which api.ts then sends on every state-changing request.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, haalSessie, isApiError, setCsrfToken, setUnauthorizedHandler } from './api.ts';
import { useI18n, type Taal } from './i18n.tsx';

/** Same names as src/platform/auth/roles.ts. */
export type Rol =
  | 'inkoper'
  | 'beoordelaar'
  | 'controller'
  | 'manager'
  | 'zorgbemiddelaar'
  | 'aanbieder-contractmanager'
  | 'aanbieder-bestuurder'
  | 'clientenraad'
  | 'toezichthouder'
  | 'beheerder'
  | 'applicatiebeheerder';
export type OrganisatieSoort = 'zorgkantoor' | 'zorgaanbieder' | 'nza' | 'cak' | 'ciz' | 'beheer';

export interface Gebruiker {
  gebruikerId: string;
  naam: string;
  email: string;
  organisatieId: string;
  organisatieNaam: string;
  organisatieSoort: OrganisatieSoort;
  rollen: Rol[];
  taal: Taal;
}
export interface Sessie {
  gebruiker: Gebruiker;
  csrfToken: string;
}

export interface SessionValue {
  /** null when nobody is signed in */
  gebruiker: Gebruiker | null;
  rollen: Rol[];
  organisatieSoort: OrganisatieSoort | null;
  csrf: string | null;
  /** true while the first GET /auth/sessie is under way */
  laden: boolean;
  heeftRol(...rollen: Rol[]): boolean;
  login(email: string, wachtwoord: string): Promise<Gebruiker>;
  logout(): Promise<void>;
  /** ends every session of the signed-in person (all devices), then shows the login form here */
  logoutOveral(): Promise<void>;
  /** switch language here and save it for the signed-in user */
  kiesTaal(t: Taal): Promise<void>;
}

export const SESSIE_KEY = ['auth', 'sessie'] as const;

const SessionContext = createContext<SessionValue | null>(null);

/** The session; api.ts learns the CSRF token right here, before any page sends a state-changing request. */
function fetchSessie(): Promise<Sessie | null> {
  return haalSessie<Sessie>();
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const { setTaal } = useI18n();
  const q = useQuery({
    queryKey: SESSIE_KEY,
    queryFn: fetchSessie,
    staleTime: 5 * 60_000,
    retry: false,
    refetchOnWindowFocus: true,
  });
  const sessie = q.data ?? null;

  useEffect(() => {
    if (!q.isPending) setCsrfToken(sessie?.csrfToken ?? null);
  }, [sessie?.csrfToken, q.isPending]);
  useEffect(() => {
    setUnauthorizedHandler(() => {
      if (qc.getQueryData(SESSIE_KEY)) {
        setCsrfToken(null);
        qc.setQueryData(SESSIE_KEY, null);
        qc.removeQueries({ predicate: (x) => x.queryKey[0] !== 'auth' });
      }
    });
    return () => setUnauthorizedHandler(null);
  }, [qc]);

  const login = useCallback(
    async (email: string, wachtwoord: string) => {
      const s = await api.post<Sessie>('/auth/login', { email, wachtwoord });
      setCsrfToken(s.csrfToken);
      qc.removeQueries({ predicate: (x) => x.queryKey[0] !== 'auth' });
      qc.setQueryData(SESSIE_KEY, s);
      if (s.gebruiker.taal === 'nl' || s.gebruiker.taal === 'en') setTaal(s.gebruiker.taal);
      return s.gebruiker;
    },
    [qc, setTaal],
  );

  const uitloggenVia = useCallback(
    async (pad: '/auth/logout' | '/auth/uitloggen-overal') => {
      try {
        await api.post(pad);
      } catch (e) {
        if (!isApiError(e) || e.status !== 401) throw e;
      }
      setCsrfToken(null);
      // Keep the session query (its observer stays subscribed), forget everyone else's data.
      qc.setQueryData(SESSIE_KEY, null);
      qc.removeQueries({ predicate: (x) => x.queryKey[0] !== 'auth' });
    },
    [qc],
  );
  const logout = useCallback(() => uitloggenVia('/auth/logout'), [uitloggenVia]);
  const logoutOveral = useCallback(() => uitloggenVia('/auth/uitloggen-overal'), [uitloggenVia]);

  const kiesTaal = useCallback(
    async (t: Taal) => {
      setTaal(t);
      const s = qc.getQueryData<Sessie | null>(SESSIE_KEY);
      if (s) {
        qc.setQueryData(SESSIE_KEY, { ...s, gebruiker: { ...s.gebruiker, taal: t } });
        try {
          await api.put('/auth/taal', { taal: t });
        } catch {
          /* the choice still holds on this device */
        }
      }
    },
    [qc, setTaal],
  );

  const value = useMemo<SessionValue>(() => {
    const g = sessie?.gebruiker ?? null;
    const rollen = g?.rollen ?? [];
    return {
      gebruiker: g,
      rollen,
      organisatieSoort: g?.organisatieSoort ?? null,
      csrf: sessie?.csrfToken ?? null,
      laden: q.isPending,
      heeftRol: (...r: Rol[]) => r.some((x) => rollen.includes(x)),
      login,
      logout,
      logoutOveral,
      kiesTaal,
    };
  }, [sessie, q.isPending, login, logout, logoutOveral, kiesTaal]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession buiten <SessionProvider>');
  return v;
}
