import { describe, expect, it } from 'vitest';
import type { ImageView } from '../core/reader/reader-types.js';
import { shareImage, shareableRenditions, socialMetaTags } from './social-meta.js';
import type { SocialMetaInput } from './social-meta.js';

const image: ImageView = {
  id: 1,
  path: 'a/w1600.jpg',
  width: 1600,
  height: 900,
  crops: [],
  variants: [
    { path: 'a/w800.avif', width: 800, height: 450, mime: 'image/avif' },
    { path: 'a/w800.webp', width: 800, height: 450, mime: 'image/webp' },
    { path: 'a/w1600.webp', width: 1600, height: 900, mime: 'image/webp' },
  ],
  alt: 'Boats "at" <dawn>',
  caption: '',
  credit: '',
  sourceAgency: null,
};

const base: SocialMetaInput = {
  siteName: 'The Tide',
  type: 'website',
  title: 'City',
  description: 'City news',
  url: 'https://news.example/en/city/',
  locale: 'en',
  alternateLocales: ['es'],
  image: null,
};

/** Every meta tag as [name-or-property, content], in order. */
function tags(htmlText: string): [string, string][] {
  return [...htmlText.matchAll(/<meta (?:property|name)="([^"]+)" content="([^"]*)">/g)].map(
    (match) => [match[1] ?? '', match[2] ?? ''],
  );
}

describe('shareableRenditions', () => {
  it('prefers the most widely decoded format, largest first, and skips AVIF when it can', () => {
    expect(shareableRenditions(image).map((r) => r.path)).toEqual(['a/w1600.webp', 'a/w800.webp']);
    const legacy = { ...image, variants: [] };
    expect(shareableRenditions(legacy)).toEqual([
      expect.objectContaining({ path: 'a/w1600.jpg', width: 1600, mime: '' }),
    ]);
  });
});

describe('socialMetaTags', () => {
  it('gives a list page a summary card without image or article tags', () => {
    const out = tags(socialMetaTags(base).value);
    expect(out).toEqual([
      ['og:site_name', 'The Tide'],
      ['og:type', 'website'],
      ['og:title', 'City'],
      ['og:description', 'City news'],
      ['og:url', 'https://news.example/en/city/'],
      ['og:locale', 'en_US'],
      ['og:locale:alternate', 'es_US'],
      ['twitter:card', 'summary'],
      ['twitter:title', 'City'],
      ['twitter:description', 'City news'],
    ]);
  });

  it('gives an article a large image card with its dates, section, tags and authors', () => {
    const out = tags(
      socialMetaTags({
        ...base,
        type: 'article',
        locale: 'es',
        alternateLocales: ['en'],
        image: shareImage(image, 'https://news.example'),
        article: {
          publishedTime: '2026-07-01T10:30:00-04:00',
          modifiedTime: '2026-07-02T05:00:00-04:00',
          section: 'Ciudad',
          tags: ['Puerto', 'Transporte'],
          authorUrls: ['https://news.example/es/autor/a', 'https://news.example/es/autor/b'],
        },
      }).value,
    );
    const values = (name: string) => out.filter(([key]) => key === name).map(([, v]) => v);
    expect(values('og:type')).toEqual(['article']);
    expect(values('og:locale')).toEqual(['es_US']);
    expect(values('og:locale:alternate')).toEqual(['en_US']);
    expect(values('og:image')).toEqual(['https://news.example/media/a/w1600.webp']);
    expect(values('og:image:width')).toEqual(['1600']);
    expect(values('og:image:height')).toEqual(['900']);
    // Escaped by the html tag like every other value.
    expect(values('og:image:alt')).toEqual(['Boats &quot;at&quot; &lt;dawn&gt;']);
    expect(values('article:published_time')).toEqual(['2026-07-01T10:30:00-04:00']);
    expect(values('article:modified_time')).toEqual(['2026-07-02T05:00:00-04:00']);
    expect(values('article:section')).toEqual(['Ciudad']);
    expect(values('article:tag')).toEqual(['Puerto', 'Transporte']);
    expect(values('article:author')).toEqual([
      'https://news.example/es/autor/a',
      'https://news.example/es/autor/b',
    ]);
    expect(values('twitter:card')).toEqual(['summary_large_image']);
    expect(values('twitter:image')).toEqual(['https://news.example/media/a/w1600.webp']);
    expect(values('twitter:image:alt')).toEqual(['Boats &quot;at&quot; &lt;dawn&gt;']);
  });

  it('leaves og:url out of pages with no canonical address', () => {
    expect(socialMetaTags({ ...base, url: null }).value).not.toContain('og:url');
  });
});
