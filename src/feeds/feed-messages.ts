/**
 * The few feed strings the site's catalogs (site/i18n) do not have. Typed like them: a missing
 * translation is a type error.
 */
import type { Locale } from '../db/schema.js';

export interface FeedMessages {
  /** A feed's title: the publication first, so a reader's list of subscriptions groups them. */
  title: (publication: string, list: string) => string;
  sectionDescription: (section: string, publication: string) => string;
  tagDescription: (tag: string, publication: string) => string;
  authorDescription: (author: string, publication: string) => string;
}

export const feedMessages: Record<Locale, FeedMessages> = {
  en: {
    title: (publication, list) => `${publication}: ${list}`,
    sectionDescription: (section, publication) =>
      `The latest ${section} stories from ${publication}`,
    tagDescription: (tag, publication) => `The latest stories about ${tag} from ${publication}`,
    authorDescription: (author, publication) => `The latest stories by ${author} in ${publication}`,
  },
  es: {
    title: (publication, list) => `${publication}: ${list}`,
    sectionDescription: (section, publication) => `Lo último de ${section} en ${publication}`,
    tagDescription: (tag, publication) => `Lo último sobre ${tag} en ${publication}`,
    authorDescription: (author, publication) => `Lo último de ${author} en ${publication}`,
  },
};
