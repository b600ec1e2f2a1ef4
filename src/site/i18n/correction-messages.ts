/**
 * The reader site's strings for public notes and the corrections page, typed like the main
 * catalogs: a missing translation is a type error.
 */
import type { ArticleNoteType, Locale } from '../../db/schema.js';

export interface CorrectionMessages {
  /** The label each note carries, e.g. "Correction". */
  noteTypes: Record<ArticleNoteType, string>;
  /** The corrections page's title and heading. */
  correctionsTitle: string;
  correctionsIntro: string;
  noCorrections: string;
  /** "Amended on <date>", before the date element. */
  amendedOn: string;
  /** Before the headline of the article a note is about, on the corrections page. */
  onArticle: string;
  /** The heading over the notes at the end of an article (screen readers list it). */
  notesHeading: string;
  /** The name of the corrections feed, after the publication's. */
  feedTitle: string;
  feedDescription: (publication: string) => string;
  /** A feed item's title: "Correction: <headline>". */
  feedItemTitle: (type: string, headline: string) => string;
}

export const correctionMessages: Record<Locale, CorrectionMessages> = {
  en: {
    noteTypes: {
      correction: 'Correction',
      clarification: 'Clarification',
      update: 'Update',
      editors_note: "Editor's note",
    },
    correctionsTitle: 'Corrections',
    correctionsIntro:
      'When we get something wrong, we fix it and say so. These are the corrections, clarifications and updates to our stories, newest first.',
    noCorrections: 'There are no corrections yet.',
    amendedOn: 'Amended on',
    onArticle: 'On',
    notesHeading: 'Corrections and updates',
    feedTitle: 'Corrections',
    feedDescription: (publication) =>
      `Corrections, clarifications and updates to stories in ${publication}`,
    feedItemTitle: (type, headline) => `${type}: ${headline}`,
  },
  es: {
    noteTypes: {
      correction: 'Corrección',
      clarification: 'Aclaración',
      update: 'Actualización',
      editors_note: 'Nota del editor',
    },
    correctionsTitle: 'Correcciones',
    correctionsIntro:
      'Cuando nos equivocamos, lo corregimos y lo decimos. Estas son las correcciones, aclaraciones y actualizaciones de nuestros artículos, de la más reciente a la más antigua.',
    noCorrections: 'Todavía no hay correcciones.',
    amendedOn: 'Modificada el',
    onArticle: 'En',
    notesHeading: 'Correcciones y actualizaciones',
    feedTitle: 'Correcciones',
    feedDescription: (publication) =>
      `Correcciones, aclaraciones y actualizaciones de los artículos de ${publication}`,
    feedItemTitle: (type, headline) => `${type}: ${headline}`,
  },
};
