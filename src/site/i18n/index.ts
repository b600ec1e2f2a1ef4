import type { Locale } from '../../db/schema.js';
import { en } from './en.js';
import { es } from './es.js';
import type { Messages } from './messages.js';

export const messages: Record<Locale, Messages> = { en, es };

export const otherLocale = (locale: Locale): Locale => (locale === 'en' ? 'es' : 'en');

/** BCP 47 tags for `<html lang>`, `hreflang` and `Intl`. */
export const languageTag: Record<Locale, string> = { en: 'en', es: 'es' };

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * "November 28, 2026, 7:49 AM EST" / "28 de noviembre de 2026, 7:49 a.m. EST", in the
 * newsroom's time zone. Formatters are costly to build, so each (locale, zone) gets one.
 */
export function formatDateTime(iso: string, locale: Locale, timeZone: string): string {
  const key = `${locale}|${timeZone}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(languageTag[locale], {
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZone,
      timeZoneName: 'short',
    });
    dateFormats.set(key, format);
  }
  return format.format(new Date(iso));
}

export type { Messages };
