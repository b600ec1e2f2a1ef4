/**
 * The interface language: English or Spanish, chosen by the user (kept in localStorage), else
 * taken from the browser. `<html lang>` and the document title follow it.
 *
 * Each catalog is its own chunk, loaded when its language is first used: a person works in one
 * language, and the two catalogs together were a tenth of the app's first download. The first
 * one loads while the app asks the server for the session, so it costs no extra wait.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { MessageKey, Messages } from './en.ts';

export type UiLocale = 'en' | 'es';
export type { MessageKey };
export const UI_LOCALES: readonly UiLocale[] = ['en', 'es'];
const CATALOG_LOADERS: Record<UiLocale, () => Promise<Messages>> = {
  en: () => import('./en.ts').then((module) => module.en),
  es: () => import('./es.ts').then((module) => module.es),
};
const loadedCatalogs: Partial<Record<UiLocale, Messages>> = {};

/** The catalog of `locale`, loaded once and kept. */
function loadCatalog(locale: UiLocale): Promise<Messages> {
  const known = loadedCatalogs[locale];
  if (known) return Promise.resolve(known);
  return CATALOG_LOADERS[locale]().then((catalog) => (loadedCatalogs[locale] = catalog));
}
const STORAGE_KEY = 'galley-admin:ui-locale';

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function format(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in vars ? String(vars[name]) : match,
  );
}

export function initialLocale(): UiLocale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'en' || stored === 'es') return stored;
  } catch {
    // Storage can be unavailable (private mode); fall back to the browser's language.
  }
  return navigator.language.toLowerCase().startsWith('es') ? 'es' : 'en';
}

interface I18nValue {
  locale: UiLocale;
  setLocale: (locale: UiLocale) => void;
  t: Translate;
  formatDate: (iso: string | null | undefined) => string;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<UiLocale>(initialLocale);
  // The language shown, and its catalog: the previous one stays until the next has loaded.
  const [shown, setShown] = useState<{ locale: UiLocale; catalog: Messages } | null>(null);
  const [loadError, setLoadError] = useState(false);
  const setLocale = useCallback((next: UiLocale) => {
    setLocaleState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not kept across reloads; still switched for now.
    }
  }, []);
  useEffect(() => {
    let live = true;
    loadCatalog(locale).then(
      (catalog) => {
        if (live) setShown({ locale, catalog });
      },
      () => {
        if (live) setLoadError(true);
      },
    );
    return () => {
      live = false;
    };
  }, [locale]);
  useEffect(() => {
    if (shown) document.documentElement.lang = shown.locale;
  }, [shown]);
  const value = useMemo<I18nValue | null>(() => {
    if (!shown) return null;
    const dateFormat = new Intl.DateTimeFormat(shown.locale, {
      dateStyle: 'medium',
      timeStyle: 'short',
    });
    return {
      locale: shown.locale,
      setLocale,
      t: (key, vars) => format(shown.catalog[key], vars),
      formatDate: (iso) => (iso ? dateFormat.format(new Date(iso)) : ''),
    };
  }, [shown, setLocale]);
  // Without its words the app can say nothing; the page's <noscript> text is bilingual, so is this.
  if (loadError && !value)
    return (
      <p role="alert">
        The newsroom could not load. Reload the page. / No se pudo cargar la redacción. Recarga la
        página.
      </p>
    );
  if (!value) return null;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
