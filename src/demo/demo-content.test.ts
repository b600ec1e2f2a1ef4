import { describe, expect, it } from 'vitest';
import { bodyToText, countWords } from '../content/body-text.js';
import { RESERVED_SECTION_SLUGS } from '../core/site-paths.js';
import { demoContent } from './content/index.js';

const { stories, sections, authors, images } = demoContent;
const versions = stories.flatMap((story) =>
  (['en', 'es'] as const).flatMap((locale) =>
    story[locale] ? [{ locale, story, version: story[locale] }] : [],
  ),
);

describe('demo content', () => {
  it('is the newsroom the README promises', () => {
    expect(versions.length).toBeGreaterThanOrEqual(12);
    expect(sections.length).toBeGreaterThanOrEqual(3);
    expect(authors.length).toBeGreaterThanOrEqual(3);
    expect(stories.filter((story) => story.en && story.es).length).toBeGreaterThanOrEqual(3);
    expect(stories.some((story) => story.type === 'opinion')).toBe(true);
    for (const locale of ['en', 'es'] as const)
      expect(versions.filter((v) => v.locale === locale).length).toBeGreaterThanOrEqual(6);
  });

  it('gives every lead image alt text, a caption and a credit in both languages', () => {
    const leadImages = new Set(stories.map((story) => story.leadImage).filter(Boolean));
    expect(leadImages.size).toBeGreaterThanOrEqual(6);
    for (const image of images) {
      for (const locale of ['en', 'es'] as const) {
        expect(image[locale].alt.length, image.key).toBeGreaterThan(10);
        expect(image[locale].caption.length, image.key).toBeGreaterThan(5);
        expect(image[locale].credit.length, image.key).toBeGreaterThan(3);
      }
    }
  });

  it('uses unique slugs per language and no reserved section slug', () => {
    for (const locale of ['en', 'es'] as const) {
      const slugs = versions.filter((v) => v.locale === locale).map((v) => v.version.slug);
      expect(new Set(slugs).size).toBe(slugs.length);
      for (const section of sections)
        expect(RESERVED_SECTION_SLUGS.has(section[locale].slug)).toBe(false);
    }
  });

  it('has bodies long enough for a real reading time', () => {
    for (const { version } of versions)
      expect(countWords(bodyToText(version.body)), version.slug).toBeGreaterThan(300);
  });
});
