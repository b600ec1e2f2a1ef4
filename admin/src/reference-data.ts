/** Sections, tags and authors: loaded once per session and shared by every screen. */
import { useEffect, useState } from 'react';
import { get } from './api.ts';
import type { Author, Locale, Section, Tag } from './types.ts';

export interface ReferenceData {
  sections: Section[];
  tags: Tag[];
  authors: Author[];
}

let cached: Promise<ReferenceData> | null = null;

function load(): Promise<ReferenceData> {
  cached ??= Promise.all([
    get<{ sections: Section[] }>('/sections'),
    get<{ tags: Tag[] }>('/tags'),
    get<{ authors: Author[] }>('/authors'),
  ]).then(
    ([sections, tags, authors]) => ({
      sections: [...sections.sections].sort((a, b) => a.position - b.position),
      tags: tags.tags,
      authors: authors.authors,
    }),
    (error: unknown) => {
      cached = null;
      throw error;
    },
  );
  return cached;
}

/** Forget the cache (after creating a tag, say). */
export function reloadReferenceData(): Promise<ReferenceData> {
  cached = null;
  return load();
}

export function useReferenceData(): { data: ReferenceData | null; error: unknown } {
  const [state, setState] = useState<{ data: ReferenceData | null; error: unknown }>({
    data: null,
    error: null,
  });
  useEffect(() => {
    let live = true;
    load().then(
      (data) => live && setState({ data, error: null }),
      (error: unknown) => live && setState({ data: null, error }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}

export function sectionName(section: Section | undefined, locale: Locale): string {
  if (!section) return '';
  return section.translations[locale]?.name ?? section.translations.en?.name ?? `#${section.id}`;
}

export function tagName(tag: Tag, locale: Locale): string {
  return tag.translations[locale]?.name ?? tag.translations.en?.name ?? `#${tag.id}`;
}
