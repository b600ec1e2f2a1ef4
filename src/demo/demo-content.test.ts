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

  it('shows every trust indicator: sources, backstory, dateline, notes and six policy pages', () => {
    const { trust = {}, notes = [], policies = [] } = demoContent;
    const storyByKey = new Map(stories.map((story) => [story.key, story]));
    for (const [key, byLocale] of Object.entries(trust))
      for (const locale of ['en', 'es'] as const) {
        const indicators = byLocale[locale];
        if (!indicators) continue;
        expect(storyByKey.get(key)?.[locale], `${key} ${locale}`).toBeDefined();
        expect(indicators.dateline?.length, key).toBeGreaterThan(2);
        expect(indicators.backstory?.split('\n\n').length, key).toBeGreaterThan(1);
        expect(indicators.sources?.some((source) => source.url?.startsWith('https://'))).toBe(true);
      }
    for (const note of notes) {
      const story = storyByKey.get(note.story);
      expect(story?.[note.locale], `${note.story} ${note.locale}`).toBeDefined();
      // A note comes after the story it is about.
      expect(note.hoursAgo).toBeLessThan(story?.publishedHoursAgo ?? 0);
    }
    for (const locale of ['en', 'es'] as const) {
      expect(
        notes.some((n) => n.locale === locale && n.type === 'correction' && n.isProminent),
      ).toBe(true);
      expect(notes.some((n) => n.locale === locale && n.type === 'update')).toBe(true);
    }
    expect(policies.map((policy) => policy.kind).sort()).toEqual(
      ['corrections', 'diversity', 'ethics', 'feedback', 'masthead', 'ownership'].sort(),
    );
    for (const policy of policies)
      for (const locale of ['en', 'es'] as const)
        expect(
          countWords(bodyToText(policy[locale].body)),
          `${policy.kind} ${locale}`,
        ).toBeGreaterThan(120);
  });

  it('has bodies long enough for a real reading time', () => {
    for (const { version } of versions)
      expect(countWords(bodyToText(version.body)), version.slug).toBeGreaterThan(300);
  });
});
