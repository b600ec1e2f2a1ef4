import { describe, expect, it } from 'vitest';
import type { ArticlePageData, SiteChrome, VideoView } from '../core/reader/reader-types.js';
import { ARTICLE_TYPES } from '../db/schema.js';
import {
  ARTICLE_SCHEMA_TYPES,
  articleStructuredData,
  isoDuration,
  isoWithOffset,
  jsonLdScript,
  webSiteStructuredData,
} from './structured-data.js';
import type { JsonObject } from './structured-data.js';

const PUBLIC_URL = 'https://news.example';

const chrome: SiteChrome = {
  locale: 'en',
  publication: {
    name: 'The Tide',
    timeZone: 'America/New_York',
    tagline: 'News',
    description: 'A newsroom.',
    logoPath: null,
    contactEmail: null,
  },
  sections: [{ id: 1, name: 'City', slug: 'city' }],
};

function pageData(overrides: Partial<ArticlePageData['article']> = {}): ArticlePageData {
  return {
    article: {
      id: 20,
      locale: 'en',
      headline: 'Ferry service starts',
      slug: 'ferry-service-starts',
      type: 'opinion',
      section: { id: 1, name: 'City', slug: 'city' },
      publishedAt: '2026-07-01T14:30:00.000Z',
      updatedAt: '2026-07-02T09:00:00.000Z',
      authors: [{ id: 3, name: 'Ana Ruiz', slug: 'ana-ruiz' }],
      dek: 'The first boat left at dawn.',
      image: {
        id: 9,
        path: 'img/ferry-1600.webp',
        width: 1600,
        height: 900,
        crops: [],
        variants: [
          { path: 'img/ferry-480.webp', width: 480, height: 270, mime: 'image/webp' },
          { path: 'img/ferry-1600.webp', width: 1600, height: 900, mime: 'image/webp' },
          { path: 'img/ferry-1600.avif', width: 1600, height: 900, mime: 'image/avif' },
          { path: 'img/ferry-1600.jpg', width: 1600, height: 900, mime: 'image/jpeg' },
          { path: 'img/ferry-800.jpg', width: 800, height: 450, mime: 'image/jpeg' },
        ],
        alt: 'A ferry at the pier',
        caption: '',
        credit: '',
        sourceAgency: null,
      },
      translationGroup: 'g1',
      bodyHtml: '<p>Text</p>',
      wordCount: 300,
      version: 2,
      tags: [
        { id: 1, name: 'Transit', slug: 'transit' },
        { id: 2, name: 'Port', slug: 'port' },
      ],
      seoTitle: '',
      seoDescription: '',
      dateline: '',
      backstory: '',
      sources: [],
      leadVideoId: null,
      leadVideoAutoplay: false,
      ...overrides,
    },
    videos: new Map(),
    translations: [
      { id: 21, locale: 'es', headline: 'Empieza el ferry', path: '/es/ciudad/ferry' },
    ],
    recommended: [],
    notes: [],
  };
}

const context = { chrome, publicUrl: PUBLIC_URL, description: 'The first boat left at dawn.' };

/** What the page carries: the entity as JSON, where `undefined` members are left out. */
const asJson = (value: JsonObject | undefined): JsonObject =>
  JSON.parse(JSON.stringify(value ?? null)) as JsonObject;

/** The JSON inside every JSON-LD block of an HTML fragment. */
function blocks(htmlText: string): unknown[] {
  return [...htmlText.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(
    (match) => JSON.parse(match[1] ?? '') as unknown,
  );
}

describe('jsonLdScript', () => {
  it('keeps a hostile headline inside the JSON string, and reads back unchanged', () => {
    const headline = 'Quote </script><script>alert(1)</script> <!-- & \u2028 \u2029 end';
    const out = jsonLdScript([{ '@type': 'Thing', name: headline }])?.value ?? '';
    // One block, ended once: nothing in the value can close it or open a comment.
    expect(out.match(/<\/script/gi)).toHaveLength(1);
    expect(out).not.toMatch(/<!--|<script>alert/);
    expect(out).not.toMatch(/[\u2028\u2029]/);
    expect(out).toContain('\\u003c/script\\u003e');
    expect(out).toContain('\\u0026');
    expect(out).toContain('\\u2028');
    expect(blocks(out)).toEqual([{ '@type': 'Thing', name: headline }]);
  });

  it('writes nothing for no entities, an object for one and an array for several', () => {
    expect(jsonLdScript([])).toBeNull();
    expect(blocks(jsonLdScript([{ a: 1 }])?.value ?? '')).toEqual([{ a: 1 }]);
    expect(blocks(jsonLdScript([{ a: 1 }, { b: 2 }])?.value ?? '')).toEqual([[{ a: 1 }, { b: 2 }]]);
  });
});

describe('isoWithOffset', () => {
  it('gives the newsroom’s local time with its offset, summer and winter', () => {
    expect(isoWithOffset('2026-07-01T14:30:00.000Z', 'America/New_York')).toBe(
      '2026-07-01T10:30:00-04:00',
    );
    expect(isoWithOffset('2026-01-15T03:05:09.000Z', 'America/New_York')).toBe(
      '2026-01-14T22:05:09-05:00',
    );
    expect(isoWithOffset('2026-01-15T03:05:09.000Z', 'UTC')).toBe('2026-01-15T03:05:09+00:00');
    expect(isoWithOffset('2026-01-15T03:05:09.000Z', 'Asia/Kolkata')).toBe(
      '2026-01-15T08:35:09+05:30',
    );
    // The same instant as the UTC input.
    expect(Date.parse(isoWithOffset('2026-07-01T14:30:00.000Z', 'Europe/Madrid'))).toBe(
      Date.parse('2026-07-01T14:30:00.000Z'),
    );
  });
});

describe('articleStructuredData', () => {
  it('maps every article type to a NewsArticle type', () => {
    expect(Object.keys(ARTICLE_SCHEMA_TYPES).sort()).toEqual([...ARTICLE_TYPES].sort());
    for (const type of Object.values(ARTICLE_SCHEMA_TYPES)) expect(type).toMatch(/NewsArticle$/);
    expect(ARTICLE_SCHEMA_TYPES.explainer).toBe('BackgroundNewsArticle');
  });

  it('describes the article, its publisher, authors, images and translation', () => {
    const [article, breadcrumbs] = articleStructuredData(pageData(), context);
    expect(article).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'OpinionNewsArticle',
      url: 'https://news.example/en/city/ferry-service-starts',
      mainEntityOfPage: { '@id': 'https://news.example/en/city/ferry-service-starts' },
      headline: 'Ferry service starts',
      description: 'The first boat left at dawn.',
      datePublished: '2026-07-01T10:30:00-04:00',
      dateModified: '2026-07-02T05:00:00-04:00',
      author: [
        { '@type': 'Person', name: 'Ana Ruiz', url: 'https://news.example/en/author/ana-ruiz' },
      ],
      publisher: {
        '@type': 'NewsMediaOrganization',
        name: 'The Tide',
        url: 'https://news.example/en/',
        logo: { '@type': 'ImageObject', url: 'https://news.example/favicon.svg' },
      },
      inLanguage: 'en',
      articleSection: 'City',
      keywords: ['Transit', 'Port'],
      isAccessibleForFree: true,
      // The Spanish version was made from this one (higher id).
      workTranslation: [
        {
          '@id': 'https://news.example/es/ciudad/ferry',
          inLanguage: 'es',
          name: 'Empieza el ferry',
        },
      ],
    });
    expect(asJson(article)).not.toHaveProperty('translationOfWork');
    // JPEG renditions, largest first: the format every reader of this data decodes.
    expect(article?.['image']).toEqual([
      {
        '@type': 'ImageObject',
        url: 'https://news.example/media/img/ferry-1600.jpg',
        width: 1600,
        height: 900,
      },
      {
        '@type': 'ImageObject',
        url: 'https://news.example/media/img/ferry-800.jpg',
        width: 800,
        height: 450,
      },
    ]);
    expect(breadcrumbs).toEqual({
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'The Tide', item: 'https://news.example/en/' },
        { '@type': 'ListItem', position: 2, name: 'City', item: 'https://news.example/en/city/' },
        {
          '@type': 'ListItem',
          position: 3,
          name: 'Ferry service starts',
          item: 'https://news.example/en/city/ferry-service-starts',
        },
      ],
    });
  });

  it('marks the newer language version as the translation, and uses the publication logo', () => {
    const data = pageData({ id: 30 });
    const withLogo = { ...chrome, publication: { ...chrome.publication, logoPath: 'logo.png' } };
    const [article] = articleStructuredData(data, {
      ...context,
      chrome: withLogo,
      policyLinks: { correctionsPolicy: 'https://news.example/en/corrections' },
    });
    expect(article?.['translationOfWork']).toEqual([
      expect.objectContaining({ url: 'https://news.example/es/ciudad/ferry' }),
    ]);
    expect(asJson(article)).not.toHaveProperty('workTranslation');
    expect(article?.['publisher']).toMatchObject({
      logo: { url: 'https://news.example/media/logo.png' },
      correctionsPolicy: 'https://news.example/en/corrections',
    });
  });

  it('leaves out what the article does not have', () => {
    const [article] = articleStructuredData(
      { ...pageData({ image: null, tags: [] }), translations: [] },
      context,
    );
    const json = asJson(article);
    for (const absent of ['image', 'keywords', 'workTranslation', 'translationOfWork'])
      expect(json).not.toHaveProperty(absent);
    expect(json).toHaveProperty('headline', 'Ferry service starts');
  });
});

describe('VideoObject', () => {
  const video: VideoView = {
    id: 40,
    width: 1280,
    height: 720,
    durationMs: 86_400,
    sources: [{ path: 'videos/ferry/web.mp4', width: 1280, height: 720, mime: 'video/mp4' }],
    poster: {
      id: 41,
      path: 'videos/ferry/poster/original.jpg',
      width: 1280,
      height: 720,
      variants: [
        { path: 'videos/ferry/poster/480.jpg', width: 480, height: 270, mime: 'image/jpeg' },
        { path: 'videos/ferry/poster/960.webp', width: 960, height: 540, mime: 'image/webp' },
        { path: 'videos/ferry/poster/960.jpg', width: 960, height: 540, mime: 'image/jpeg' },
      ],
    },
    captions: [],
    alt: 'The ferry leaving the pier at dawn',
    caption: 'The first crossing',
    credit: 'Ana Ruiz',
    uploadedAt: '2026-06-30T12:00:00.000Z',
  };

  it('lists each video the page shows as the article’s `video`, with absolute URLs', () => {
    const data = pageData({ leadVideoId: 40 });
    data.videos = new Map([[40, video]]);
    const [article] = articleStructuredData(data, context).map(asJson);
    expect(article?.['video']).toEqual([
      {
        '@type': 'VideoObject',
        name: 'The first crossing',
        description: 'The ferry leaving the pier at dawn',
        thumbnailUrl: [
          `${PUBLIC_URL}/media/videos/ferry/poster/960.jpg`,
          `${PUBLIC_URL}/media/videos/ferry/poster/480.jpg`,
        ],
        uploadDate: '2026-06-30T08:00:00-04:00',
        duration: 'PT1M26S',
        contentUrl: `${PUBLIC_URL}/media/videos/ferry/web.mp4`,
        encodingFormat: 'video/mp4',
        width: 1280,
        height: 720,
        inLanguage: 'en',
      },
    ]);
  });

  it('has no `video` without one', () => {
    const [article] = articleStructuredData(pageData(), context).map(asJson);
    expect(article).not.toHaveProperty('video');
  });

  it('writes durations in ISO 8601', () => {
    expect(isoDuration(86_400)).toBe('PT1M26S');
    expect(isoDuration(0)).toBe('PT0S');
    expect(isoDuration(60_000)).toBe('PT1M');
    expect(isoDuration(3_723_400)).toBe('PT1H2M3S');
  });
});

describe('webSiteStructuredData', () => {
  it('names the edition, its address and language, and its search page', () => {
    const site = webSiteStructuredData({
      chrome: { ...chrome, locale: 'es' },
      publicUrl: PUBLIC_URL,
      description: 'Una redacción.',
      locale: 'es',
    });
    expect(site).toMatchObject({
      '@type': 'WebSite',
      name: 'The Tide',
      url: 'https://news.example/es/',
      inLanguage: 'es',
      description: 'Una redacción.',
      publisher: { '@type': 'NewsMediaOrganization', url: 'https://news.example/es/' },
    });
    expect(site['potentialAction']).toEqual({
      '@type': 'SearchAction',
      target: {
        '@type': 'EntryPoint',
        urlTemplate: 'https://news.example/es/buscar?q={search_term_string}',
      },
      'query-input': 'required name=search_term_string',
    });
  });
});
