/**
 * A small router on the history API: paths with parameters ("/regios/:code"), <Link>, navigate(),
 * useParams(), useSearchParams(). Page routes are declared as PageRoute objects (see
 * web/src/routes/index.ts for the pattern every capability follows).
 */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type AnchorHTMLAttributes,
  type ComponentType,
  type MouseEvent,
  type ReactNode,
} from 'react';
import type { OrganisatieSoort, Rol } from './session.tsx';

// ---------------------------------------------------------------------------------------------
// Page routes

/** Navigation sections, in this order (MODEL.md "Navigation a purchaser expects"). */
export const NAV_SECTIONS = [
  'overzicht',
  'inkoop',
  'tarieven',
  'budget',
  'realisatie',
  'clienten',
  'kwaliteit',
  'openbaar',
  'beheer',
] as const;
export type NavSection = (typeof NAV_SECTIONS)[number];

export interface PageProps {
  params: Record<string, string>;
}

export interface NavContext {
  organisatieId: string;
  organisatieSoort: OrganisatieSoort;
  rollen: Rol[];
}

export interface PageRoute {
  /** "/regios" or "/regios/:code"; a trailing "/*" matches the rest */
  path: string;
  /** the page; also gets its path parameters via props (or useParams()) */
  component: ComponentType<PageProps>;
  /** i18n key of the page title (document title; the page renders its own <PageHeader>) */
  titleKey: string;
  /** shown in the navigation when present */
  nav?: {
    section: NavSection;
    labelKey: string;
    /** position within the section, low first */
    order: number;
    /** link target when it differs from path (e.g. a provider's own page) */
    to?: string | ((c: NavContext) => string);
    /** show this nav item only for these organisation kinds (the route itself may be wider) */
    organisaties?: OrganisatieSoort[];
  };
  /** who may open the page: 'ingelogd' (default) or a list of roles (any of them) */
  rollen?: Rol[] | 'ingelogd';
  /** which organisation kinds may open the page (default: all) */
  organisaties?: OrganisatieSoort[];
  /** reachable without signing in (public pages, login) */
  publiek?: boolean;
}

export function mayOpen(r: Pick<PageRoute, 'rollen' | 'organisaties' | 'publiek'>, c: NavContext | null): boolean {
  if (r.publiek) return true;
  if (!c) return false;
  if (r.organisaties && !r.organisaties.includes(c.organisatieSoort)) return false;
  if (!r.rollen || r.rollen === 'ingelogd') return true;
  return r.rollen.some((x) => c.rollen.includes(x));
}

// ---------------------------------------------------------------------------------------------
// Matching

/** Matches "/regios/:code" against "/regios/5533" → { code: '5533' }; null when it does not match. */
export function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const norm = (s: string) => (s.length > 1 ? s.replace(/\/+$/, '') : s);
  const p = norm(pattern).split('/');
  const u = norm(pathname).split('/');
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i] === '*') {
      params['*'] = u.slice(i).map(safeDecode).join('/');
      return params;
    }
    if (i >= u.length) return null;
    if (p[i].startsWith(':')) {
      if (!u[i]) return null;
      params[p[i].slice(1)] = safeDecode(u[i]);
    } else if (p[i] !== u[i]) return null;
  }
  return p.length === u.length ? params : null;
}

function safeDecode(s: string) {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Builds a path from a pattern: buildPath('/regios/:code', { code: '5533' }) → "/regios/5533". */
export function buildPath(pattern: string, params: Record<string, string | number>): string {
  return pattern.replace(/:(\w+)/g, (_m, k) => encodeURIComponent(String(params[k] ?? '')));
}

// ---------------------------------------------------------------------------------------------
// Location

export interface Location {
  pathname: string;
  search: string;
  hash: string;
}
interface RouterValue {
  location: Location;
  navigate(to: string, opts?: { replace?: boolean }): void;
  params: Record<string, string>;
}

const RouterContext = createContext<RouterValue | null>(null);
const ParamsContext = createContext<Record<string, string>>({});

function current(): Location {
  return { pathname: window.location.pathname, search: window.location.search, hash: window.location.hash };
}

const NAV_EVENT = 'zorginkoop:navigate';

/** Navigate from anywhere (outside React too). */
export function navigate(to: string, opts: { replace?: boolean } = {}) {
  if (to === window.location.pathname + window.location.search + window.location.hash) return;
  if (opts.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAV_EVENT));
}

export function RouterProvider({ children }: { children: ReactNode }) {
  const [location, setLocation] = useState<Location>(current);
  useEffect(() => {
    const on = () => setLocation(current());
    window.addEventListener('popstate', on);
    window.addEventListener(NAV_EVENT, on);
    return () => {
      window.removeEventListener('popstate', on);
      window.removeEventListener(NAV_EVENT, on);
    };
  }, []);
  const value = useMemo(() => ({ location, navigate, params: {} }), [location]);
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}

function useRouter(): RouterValue {
  const v = useContext(RouterContext);
  if (!v) throw new Error('buiten <RouterProvider>');
  return v;
}

export const useLocation = () => useRouter().location;
export const useNavigate = () => useRouter().navigate;
/** Parameters of the current page route. */
export const useParams = <T extends Record<string, string> = Record<string, string>>() =>
  useContext(ParamsContext) as T;
export function ParamsProvider({ params, children }: { params: Record<string, string>; children: ReactNode }) {
  return <ParamsContext.Provider value={params}>{children}</ParamsContext.Provider>;
}

/** Query string as state: const [sp, setSp] = useSearchParams(); setSp({ zoek: 'x' }) (replaces history entry). */
export function useSearchParams(): [URLSearchParams, (next: Record<string, string | null | undefined>) => void] {
  const { location, navigate: nav } = useRouter();
  const sp = useMemo(() => new URLSearchParams(location.search), [location.search]);
  const set = useCallback(
    (next: Record<string, string | null | undefined>) => {
      const n = new URLSearchParams(location.search);
      for (const [k, v] of Object.entries(next)) {
        if (v === null || v === undefined || v === '') n.delete(k);
        else n.set(k, v);
      }
      const s = n.toString();
      nav(location.pathname + (s ? '?' + s : ''), { replace: true });
    },
    [location.pathname, location.search, nav],
  );
  return [sp, set];
}

// ---------------------------------------------------------------------------------------------
// Links

export interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  to: string;
  replace?: boolean;
  /** for navigation: sets aria-current="page" when the current path starts with `to` */
  activeMatch?: 'exact' | 'prefix';
}

export function Link({ to, replace, activeMatch, onClick, children, ...rest }: LinkProps) {
  const { location, navigate: nav } = useRouter();
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || rest.target) return;
    if (/^[a-z]+:/i.test(to) || to.startsWith('/api/')) return;
    e.preventDefault();
    nav(to, { replace });
  };
  let current: 'page' | undefined;
  if (activeMatch === 'exact' && location.pathname === to) current = 'page';
  if (
    activeMatch === 'prefix' &&
    (location.pathname === to || location.pathname.startsWith(to.replace(/\/$/, '') + '/'))
  )
    current = 'page';
  return (
    <a href={to} onClick={handle} aria-current={current} {...rest}>
      {children}
    </a>
  );
}

/** Redirects on render (e.g. a provider landing on its own page). */
export function Redirect({ to }: { to: string }) {
  useEffect(() => {
    navigate(to, { replace: true });
  }, [to]);
  return null;
}

/** Finds the first route that matches the path, with its parameters. */
export function findRoute<R extends { path: string }>(
  routes: R[],
  pathname: string,
): { route: R; params: Record<string, string> } | null {
  for (const route of routes) {
    const params = matchPath(route.path, pathname);
    if (params) return { route, params };
  }
  return null;
}
