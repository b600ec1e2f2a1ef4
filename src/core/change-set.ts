/**
 * What a write changed, in the terms the caches understand: surrogate keys. A rendered page
 * records the keys of everything it shows; a write returns the keys it touched; the page cache
 * (and, through `Surrogate-Key` headers, a CDN) drops exactly the pages that share a key.
 */
export interface ChangeSet {
  cacheKeys: Set<string>;
  events: { type: string; id: number }[];
}

/** The names of the surrogate keys, in one place so writers and readers cannot drift apart. */
export const cacheKey = {
  /** Everything on every page: the publication header, navigation, footer. */
  layout: 'layout',
  article: (id: number) => `article:${id}`,
  /** Lists that would gain or lose an article: home, section, tag, author, recommendations. */
  homeList: (locale: string) => `list:home:${locale}`,
  sectionList: (sectionId: number) => `list:section:${sectionId}`,
  tagList: (tagId: number) => `list:tag:${tagId}`,
  authorList: (authorId: number) => `list:author:${authorId}`,
  section: (id: number) => `section:${id}`,
  tag: (id: number) => `tag:${id}`,
  author: (id: number) => `author:${id}`,
  media: (id: number) => `media:${id}`,
  redirects: 'redirects',
  /** One policy page in one locale (its footer link and publisher markup are `layout`). */
  policy: (kind: string, locale: string) => `policy:${kind}:${locale}`,
  /** An edition's corrections page and feeds: every public note on its articles. */
  corrections: (locale: string) => `list:corrections:${locale}`,
} as const;

export function emptyChangeSet(): ChangeSet {
  return { cacheKeys: new Set(), events: [] };
}
