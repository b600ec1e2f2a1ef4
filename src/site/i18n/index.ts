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
  // Formatting costs a few microseconds and a page shows the same dates request after request.
  const memoKey = `${iso}|${locale}|${timeZone}`;
  const known = formatted.get(memoKey);
  if (known !== undefined) return known;
  if (formatted.size >= FORMATTED_LIMIT) formatted.clear();
  const text = formatterFor(locale, timeZone).format(new Date(iso));
  formatted.set(memoKey, text);
  return text;
}

const FORMATTED_LIMIT = 10_000;
const formatted = new Map<string, string>();

function formatterFor(locale: Locale, timeZone: string): Intl.DateTimeFormat {
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
  return format;
}

export type { Messages };
