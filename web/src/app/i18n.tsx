/**
 * Translations. Dutch is the default; English is complete. Each capability registers its own
 * dictionary once, at module level, in web/src/routes/<capability>/messages.ts:
 *
 *   registerMessages('tarieven', {
 *     nl: { 'titel': 'Tarieven', 'regel.aantal': '{n} regels' },
 *     en: { 'titel': 'Tariffs',  'regel.aantal': '{n} rows' },
 *   });
 *
 * Keys are namespaced by the first argument: t('tarieven.titel'), t('tarieven.regel.aantal', { n: 3 }).
 * A missing English key falls back to Dutch, a missing Dutch key shows the key itself.
 * The language choice is kept in localStorage and, when signed in, saved with PUT /api/v1/auth/taal.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
/// <reference types="vite/client" />
import type { Taal } from '../ui/format.ts';

export type { Taal };
export type Dictionary = Record<string, string>;
export interface Messages {
  nl: Dictionary;
  en: Dictionary;
}

const dictionaries: Record<Taal, Dictionary> = { nl: {}, en: {} };

export function registerMessages(namespace: string, messages: Messages) {
  const prefix = namespace ? namespace + '.' : '';
  if (import.meta.env?.DEV) {
    const nl = Object.keys(messages.nl),
      en = new Set(Object.keys(messages.en));
    const missing = nl.filter((k) => !en.has(k));
    if (missing.length) console.warn(`i18n ${namespace}: Engelse vertaling ontbreekt voor ${missing.join(', ')}`);
  }
  for (const taal of ['nl', 'en'] as const) {
    for (const [k, v] of Object.entries(messages[taal])) dictionaries[taal][prefix + k] = v;
  }
}

/** Translate outside React (e.g. in a column definition built once); prefer useT() in components. */
export function translate(taal: Taal, key: string, vars?: Record<string, string | number>): string {
  const raw = dictionaries[taal][key] ?? dictionaries.nl[key] ?? key;
  if (!vars) return raw;
  return raw.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
}

export function hasMessage(key: string) {
  return key in dictionaries.nl;
}

const STORAGE_KEY = 'zorginkoop.taal';

function initialTaal(): Taal {
  try {
    const s = localStorage.getItem(STORAGE_KEY);
    if (s === 'nl' || s === 'en') return s;
  } catch {
    /* storage blocked */
  }
  return 'nl';
}

export type TFunction = (key: string, vars?: Record<string, string | number>) => string;

interface I18nValue {
  taal: Taal;
  /** Changes the language on this device; session.tsx also saves it for the signed-in user. */
  setTaal(t: Taal): void;
  t: TFunction;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [taal, setTaalState] = useState<Taal>(initialTaal);
  useEffect(() => {
    document.documentElement.lang = taal;
  }, [taal]);
  const setTaal = useCallback((t: Taal) => {
    setTaalState(t);
    try {
      localStorage.setItem(STORAGE_KEY, t);
    } catch {
      /* storage blocked */
    }
  }, []);
  const value = useMemo<I18nValue>(
    () => ({ taal, setTaal, t: (key, vars) => translate(taal, key, vars) }),
    [taal, setTaal],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n buiten <I18nProvider>');
  return v;
}

/** const t = useT(); t('reference.regios.titel') */
export function useT(): TFunction {
  return useI18n().t;
}
