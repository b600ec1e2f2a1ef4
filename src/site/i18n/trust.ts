/**
 * The reader site's strings for the trust indicators (sources, backstory, dateline, policy
 * pages). Kept beside the main catalogs so each locale still has every string (a missing one is
 * a type error), without every feature editing the same two files.
 */
import type { Locale } from '../../db/schema.js';

export interface TrustMessages {
  /** The type label of straight reporting (the other types' are in the main catalog). */
  newsLabel: string;
  /** Heading of an article's list of sources. */
  sources: string;
  /** Heading of an article's backstory (The Trust Project's "Methods"). */
  howWeReported: string;
  /** What follows the place in a dateline ("PUERTO CLARO —"). */
  datelineDash: string;
  /** The label of the footer's list of policy pages. */
  aboutOurJournalism: string;
  /** "Last updated" on a policy page. */
  policyUpdated: string;
}

export const trustMessages: Record<Locale, TrustMessages> = {
  en: {
    newsLabel: 'News',
    sources: 'Sources',
    howWeReported: 'How we reported this',
    datelineDash: '—',
    aboutOurJournalism: 'About our journalism',
    policyUpdated: 'Last updated',
  },
  es: {
    newsLabel: 'Noticias',
    sources: 'Fuentes',
    howWeReported: 'Cómo lo reportamos',
    datelineDash: '—',
    aboutOurJournalism: 'Sobre nuestro periodismo',
    policyUpdated: 'Última actualización',
  },
};
