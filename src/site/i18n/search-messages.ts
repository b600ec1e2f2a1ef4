/**
 * The reader site's strings for search, typed like the main catalogs: a missing translation is a
 * type error.
 */
import type { Locale } from '../../db/schema.js';

export interface SearchMessages {
  /** The page's title and heading. */
  title: string;
  /** The search box's label. */
  label: string;
  submit: string;
  filters: string;
  section: string;
  type: string;
  author: string;
  from: string;
  to: string;
  any: string;
  /** "12 results for “ferry”"; with `more`, "More than 500 results for “ferry”". */
  results: (count: number, query: string, more: boolean) => string;
  noResults: (query: string) => string;
  /** Before any query. */
  prompt: string;
  /** Written in the language it leads to: "3 results in Spanish" → in Spanish. */
  otherLanguage: (count: number, more: boolean) => string;
  draft: string;
  /** The date filter's message for a date that is not YYYY-MM-DD. */
  badDate: string;
  badFilter: string;
}

export const searchMessages: Record<Locale, SearchMessages> = {
  en: {
    title: 'Search',
    label: 'Search the news',
    submit: 'Search',
    filters: 'Filters',
    section: 'Section',
    type: 'Type',
    author: 'Author',
    from: 'From',
    to: 'To',
    any: 'Any',
    results: (count, query, more) =>
      `${more ? 'More than ' : ''}${count.toLocaleString('en')} ${count === 1 && !more ? 'result' : 'results'} for “${query}”`,
    noResults: (query) => `Nothing found for “${query}”. Try fewer or other words.`,
    prompt: 'Type one or more words: every story that has all of them is listed.',
    otherLanguage: (count, more) =>
      `${more ? 'More than ' : ''}${count.toLocaleString('en')} ${count === 1 && !more ? 'result' : 'results'} in English`,
    draft: 'Not published',
    badDate: 'Dates are written YYYY-MM-DD, for example 2026-11-28.',
    badFilter: 'That filter is not one this page offers.',
  },
  es: {
    title: 'Buscar',
    label: 'Buscar noticias',
    submit: 'Buscar',
    filters: 'Filtros',
    section: 'Sección',
    type: 'Tipo',
    author: 'Autor',
    from: 'Desde',
    to: 'Hasta',
    any: 'Cualquiera',
    results: (count, query, more) =>
      `${more ? 'Más de ' : ''}${count.toLocaleString('es')} ${count === 1 && !more ? 'resultado' : 'resultados'} para «${query}»`,
    noResults: (query) => `No encontramos nada para «${query}». Pruebe con menos palabras u otras.`,
    prompt: 'Escriba una o más palabras: verá cada noticia que las contenga todas.',
    otherLanguage: (count, more) =>
      `${more ? 'Más de ' : ''}${count.toLocaleString('es')} ${count === 1 && !more ? 'resultado' : 'resultados'} en español`,
    draft: 'Sin publicar',
    badDate: 'Las fechas se escriben AAAA-MM-DD, por ejemplo 2026-11-28.',
    badFilter: 'Esta página no ofrece ese filtro.',
  },
};
