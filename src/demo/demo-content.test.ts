import { describe, expect, it } from 'vitest';
import { bodyToText, countWords } from '../content/body-text.js';
import { validateBody } from '../content/validate-body.js';
import { videosInBody } from '../content/video-node.js';
import { RESERVED_SECTION_SLUGS } from '../core/site-paths.js';
import { validateWebVtt } from '../media/webvtt.js';
import { demoContent } from './content/index.js';
import { DEMO_CAPTIONS, DEMO_VIDEO_WORDS, videoStories } from './content/stories-video.js';

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

  it('has a video story in both languages: the clip in one body, as lead video of another', () => {
    const known = (list: { key?: string; slug?: string }[], key: string) =>
      list.some((item) => (item.key ?? item.slug) === key);
    for (const story of videoStories) {
      expect(known(sections, story.section), story.key).toBe(true);
      for (const author of story.authors) expect(known(authors, author), author).toBe(true);
      for (const tag of story.tags) expect(known(demoContent.tags, tag), tag).toBe(true);
      for (const locale of ['en', 'es'] as const) {
        const body = story[locale].body(41);
        expect(validateBody(body).ok, `${story.key} ${locale}`).toBe(true);
        const otherSlugs = versions.filter((v) => v.locale === locale).map((v) => v.version.slug);
        expect(otherSlugs).not.toContain(story[locale].slug);
        // A video-first story is short; the story around the clip reads like any other.
        const words = countWords(bodyToText(body));
        expect(words, story[locale].slug).toBeGreaterThan(story.hasLeadVideo ? 40 : 300);
      }
    }
    const inBody = videoStories.filter((s) => videosInBody(s.en.body(41)).length > 0);
    expect(inBody.length).toBeGreaterThanOrEqual(1);
    expect(videosInBody(inBody[0]?.es.body(41) ?? { type: 'doc', content: [] })).toEqual([
      { path: expect.any(String), mediaId: 41 },
    ]);
    expect(videoStories.some((story) => story.hasLeadVideo)).toBe(true);
    for (const locale of ['en', 'es'] as const) {
      expect(validateWebVtt(Buffer.from(DEMO_CAPTIONS[locale])).cueCount).toBeGreaterThan(3);
      expect(DEMO_VIDEO_WORDS[locale].alt.length).toBeGreaterThan(20);
      expect(DEMO_VIDEO_WORDS[locale].caption.length).toBeGreaterThan(10);
      expect(DEMO_VIDEO_WORDS[locale].credit.length).toBeGreaterThan(3);
    }
  });
});
