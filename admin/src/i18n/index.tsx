/**
 * The interface language: English or Spanish, chosen by the user (kept in localStorage), else
 * taken from the browser. `<html lang>` and the document title follow it.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { en } from './en.ts';
import type { MessageKey, Messages } from './en.ts';
import { es } from './es.ts';

export type UiLocale = 'en' | 'es';
export type { MessageKey };
export const UI_LOCALES: readonly UiLocale[] = ['en', 'es'];
const CATALOGS: Record<UiLocale, Messages> = { en, es };
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
  const setLocale = useCallback((next: UiLocale) => {
    setLocaleState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not kept across reloads; still switched for now.
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const value = useMemo<I18nValue>(() => {
    const catalog = CATALOGS[locale];
    const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    return {
      locale,
      setLocale,
      t: (key, vars) => format(catalog[key], vars),
      formatDate: (iso) => (iso ? dateFormat.format(new Date(iso)) : ''),
    };
  }, [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
