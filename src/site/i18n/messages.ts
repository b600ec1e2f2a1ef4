/**
 * The reader site's interface strings. Each locale's catalog implements this interface, so a
 * missing translation is a type error, not a blank on the page.
 */
import type { ArticleType, Locale } from '../../db/schema.js';

export interface Messages {
  languageName: string;
  /** The edition switch, in the language it points to. */
  editionSwitchLabel: string;
  skipToContent: string;
  mainNavigation: string;
  sectionsHeading: string;
  by: string;
  and: string;
  published: string;
  updated: string;
  minRead: (minutes: number) => string;
  articleTypes: Record<Exclude<ArticleType, 'news'>, string>;
  readInOtherLanguage: string;
  foundMistake: string;
  recommended: string;
  inLanguage: (locale: Locale) => string;
  tags: string;
  latest: string;
  leadStory: string;
  moreIn: (section: string) => string;
  articlesBy: (name: string) => string;
  taggedWith: (tag: string) => string;
  pagination: string;
  previousPage: string;
  nextPage: string;
  pageOf: (page: number, count: number) => string;
  noArticles: string;
  notFoundTitle: string;
  notFoundText: string;
  goneTitle: string;
  goneText: string;
  backHome: string;
  badRequestTitle: string;
  badPageNumber: string;
  badAddress: string;
  serverErrorTitle: string;
  serverErrorText: string;
  contactTitle: string;
  contactIntro: string;
  contactCorrections: string;
  contactEmailLabel: string;
  photo: string;
  footerNote: string;
  authorLinks: string;
  emailAuthor: string;
}
