import type { Messages } from './messages.js';

const plural = new Intl.PluralRules('en');

export const en: Messages = {
  languageName: 'English',
  editionSwitchLabel: 'English edition',
  skipToContent: 'Skip to content',
  mainNavigation: 'Sections',
  sectionsHeading: 'Sections',
  by: 'By',
  and: 'and',
  published: 'Published',
  updated: 'Updated',
  // "1 min read" and "2 min read" read the same in English, but the rule is kept for symmetry
  // with catalogs whose abbreviations do change.
  minRead: (minutes) =>
    plural.select(minutes) === 'one' ? `${minutes} min read` : `${minutes} min read`,
  articleTypes: {
    opinion: 'Opinion',
    analysis: 'Analysis',
    explainer: 'Explainer',
    interview: 'Interview',
    review: 'Review',
  },
  readInOtherLanguage: 'Lee esta historia en español',
  foundMistake: 'Found a mistake? Contact us!',
  recommended: 'Recommended',
  inLanguage: (locale) => (locale === 'es' ? 'In Spanish' : 'In English'),
  tags: 'Topics',
  latest: 'Latest',
  leadStory: 'Top story',
  moreIn: (section) => `More in ${section}`,
  articlesBy: (name) => `Stories by ${name}`,
  taggedWith: (tag) => `Stories about ${tag}`,
  pagination: 'Pages',
  previousPage: 'Newer stories',
  nextPage: 'Older stories',
  pageOf: (page, count) => `Page ${page} of ${count}`,
  noArticles: 'No stories here yet.',
  notFoundTitle: 'Page not found',
  notFoundText: 'We could not find that page. It may have moved, or the address may be mistyped.',
  goneTitle: 'This story is no longer available',
  goneText: 'The newsroom removed this page. It will not come back.',
  backHome: 'Go to the front page',
  badRequestTitle: 'That request did not make sense',
  badPageNumber: 'The page number must be a whole number, 1 or more.',
  serverErrorTitle: 'Something went wrong',
  serverErrorText: 'The page could not be shown. Please try again in a moment.',
  contactTitle: 'Contact us',
  contactIntro: 'We want to hear from you, whether you have a tip, a question or a complaint.',
  contactCorrections:
    'Found a mistake in one of our stories? Tell us which story and what is wrong; an editor reads every report.',
  contactEmailLabel: 'Write to the newsroom:',
  photo: 'Photo',
  footerNote: 'Independent local journalism in English and Spanish.',
  authorLinks: 'Elsewhere',
  emailAuthor: 'Email',
};
