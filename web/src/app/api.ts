/**
 * The API client. Every page talks to the server through `api`:
 *
 *   const regios = await api.get<Regio[]>('/regios');            // path relative to /api/v1
 *   await api.post<{ id: string }>('/gebruikers', body);
 *   await api.upload<Resultaat>('/tarieven/import', file, { jaar: '2026' });
 *
 * - State-changing requests carry the session's CSRF token (X-CSRF-Token). Until the token is known
 *   (a page opened or reloaded directly) they first wait for GET /auth/sessie; a 403 `csrf` answer
 *   fetches the token again and retries the request once.
 * - Errors (application/problem+json) become an ApiError with status, code, title, fouten
 *   [{ waar, wat, actie }] and actie — show them with <ProblemAlert error={e} /> from ui/.
 * - A 401 tells the session provider that the session has ended (it then shows the login page).
 */
export interface Fout {
  waar?: string;
  wat: string;
  actie?: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly fouten: Fout[];
  readonly actie?: string;
  /** on a 500: the id under which the server logged the error (to report to the beheerder) */
  readonly foutId?: string;
  constructor(status: number, code: string, title: string, fouten: Fout[] = [], actie?: string, foutId?: string) {
    super(title);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.title = title;
    this.fouten = fouten;
    this.actie = actie;
    this.foutId = foutId;
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;
export const isNotFound = (e: unknown) => isApiError(e) && e.status === 404;

export const API_BASE = '/api/v1';

let csrfToken: string | null = null;
/** false until the session is known (signed in with a token, or known to be signed out) */
let csrfBekend = false;
let sessieBezig: Promise<unknown> | null = null;
let onUnauthorized: (() => void) | null = null;

/** Called by the session provider when it learns the CSRF token (login, logout or GET /auth/sessie). */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
  csrfBekend = true;
}

/**
 * GET /auth/sessie once at a time: the session (or null when signed out). Learns the CSRF token on
 * the way, so every state-changing request that waits on it can leave with the right token.
 */
export function haalSessie<T extends { csrfToken: string }>(): Promise<T | null> {
  if (!sessieBezig) {
    sessieBezig = (async () => {
      try {
        const s = await request<T>('GET', '/auth/sessie');
        setCsrfToken(s.csrfToken);
        return s;
      } catch (e) {
        if (isApiError(e) && e.status === 401) {
          setCsrfToken(null);
          return null;
        }
        throw e;
      } finally {
        sessieBezig = null;
      }
    })();
  }
  return sessieBezig as Promise<T | null>;
}

const isStateChanging = (method: string) => method !== 'GET' && method !== 'HEAD';
/** Called by the session provider: what to do when the server answers 401. */
export function setUnauthorizedHandler(fn: (() => void) | null) {
  onUnauthorized = fn;
}

type Query = Record<string, string | number | boolean | null | undefined | (string | number)[]>;

/** Builds "/path?a=1&b=2", leaving out empty values. */
export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) v.forEach((x) => qs.append(k, String(x)));
    else qs.set(k, String(v));
  }
  const s = qs.toString();
  return s ? `${path}${path.includes('?') ? '&' : '?'}${s}` : path;
}

async function toError(res: Response): Promise<ApiError> {
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const p = await res.json();
      return new ApiError(
        res.status,
        p.code ?? 'fout',
        p.title ?? res.statusText,
        Array.isArray(p.fouten) ? p.fouten : [],
        p.actie,
        typeof p.foutId === 'string' ? p.foutId : undefined,
      );
    } catch {
      /* fall through */
    }
  }
  if (res.status === 413)
    return new ApiError(413, 'te-groot', 'Het bestand is te groot.', [], 'Kies een kleiner bestand.');
  return new ApiError(
    res.status,
    'http-' + res.status,
    `De server antwoordde met ${res.status} ${res.statusText}.`,
    [],
    'Probeer het opnieuw; blijft het misgaan, meld het aan de beheerder.',
  );
}

export interface RequestOptions {
  query?: Query;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

async function request<T>(method: string, path: string, body?: unknown, opts: RequestOptions = {}): Promise<T> {
  const login = path.startsWith('/auth/login');
  // A page opened directly may send its first POST before the session is known: wait for the token.
  if (isStateChanging(method) && !login && !csrfBekend) {
    try {
      await haalSessie();
    } catch {
      /* the request itself will report what is wrong */
    }
  }
  try {
    return await verstuur<T>(method, path, body, opts);
  } catch (e) {
    // The token changed (new session in another tab, server restarted): fetch it and retry once.
    if (isApiError(e) && e.status === 403 && e.code === 'csrf' && isStateChanging(method) && !login) {
      csrfBekend = false;
      await haalSessie();
      return verstuur<T>(method, path, body, opts);
    }
    throw e;
  }
}

async function verstuur<T>(method: string, path: string, body?: unknown, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json', ...opts.headers };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body instanceof Blob) {
    // raw upload (e.g. an iWlz XML message): the Blob's type is the Content-Type
    payload = body;
    if (body.type) headers['content-type'] = body.type;
  } else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  if (isStateChanging(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(API_BASE + withQuery(path, opts.query), {
      method,
      headers,
      body: payload,
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(
      0,
      'netwerk',
      'De server is niet bereikbaar.',
      [],
      'Controleer uw verbinding en probeer het opnieuw.',
    );
  }
  if (!res.ok) {
    const err = await toError(res);
    if (res.status === 401 && !path.startsWith('/auth/login') && onUnauthorized) onUnauthorized();
    throw err;
  }
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) return (await res.json()) as T;
  return (await res.text()) as unknown as T;
}

export const api = {
  get: <T>(path: string, opts?: RequestOptions) => request<T>('GET', path, undefined, opts),
  post: <T = void>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('POST', path, body ?? {}, opts),
  put: <T = void>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('PUT', path, body ?? {}, opts),
  patch: <T = void>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('PATCH', path, body ?? {}, opts),
  del: <T = void>(path: string, opts?: RequestOptions) => request<T>('DELETE', path, undefined, opts),
  /** multipart/form-data upload: one file (field name `bestand` unless given) plus text fields. */
  upload: <T>(
    path: string,
    file: Blob | File,
    fields: Record<string, string> = {},
    opts: RequestOptions & { veld?: string } = {},
  ) => {
    const fd = new FormData();
    for (const [k, v] of Object.entries(fields)) fd.append(k, v);
    fd.append(opts.veld ?? 'bestand', file, (file as File).name ?? 'bestand');
    return request<T>('POST', path, fd, opts);
  },
  /** URL for a download link (GET, same origin, the cookie goes along). */
  url: (path: string, query?: Query) => API_BASE + withQuery(path, query),
};
