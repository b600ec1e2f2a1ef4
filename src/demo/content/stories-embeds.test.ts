/**
 * The embeds demo story holds to the demo's rules (valid bodies, a real reading time in both
 * languages) and quotes what the issue asks for: a post on X and a YouTube video, each edition
 * in its own language, at addresses that parse as those networks' posts.
 */
import { describe, expect, it } from 'vitest';
import type { BodyNodeJson } from '../../content/body-schema.js';
import { bodyToText, countWords } from '../../content/body-text.js';
import { parseEmbedUrl } from '../../content/embeds/networks.js';
import { validateBody } from '../../content/validate-body.js';
import { demoContent } from './index.js';
import { embedStories } from './stories-embeds.js';

const embedsOf = (body: BodyNodeJson): Record<string, unknown>[] =>
  (body.content ?? []).filter((node) => node.type === 'embed').map((node) => node.attrs ?? {});

describe('the embeds demo story', () => {
  it('is part of the demo, valid and long enough in both languages', () => {
    for (const story of embedStories) {
      expect(demoContent.stories).toContain(story);
      for (const locale of ['en', 'es'] as const) {
        const version = story[locale];
        expect(version, `${story.key} ${locale}`).toBeDefined();
        if (!version) continue;
        expect(validateBody(version.body).ok).toBe(true);
        expect(countWords(bodyToText(version.body)), version.slug).toBeGreaterThan(300);
      }
    }
  });

  it('quotes a post on X and a YouTube video in each edition, at addresses of those networks', () => {
    const [story] = embedStories;
    for (const locale of ['en', 'es'] as const) {
      const embeds = embedsOf(story?.[locale]?.body ?? { type: 'doc' });
      expect(embeds.map((embed) => embed['network'])).toEqual(['x', 'youtube']);
      for (const embed of embeds) {
        const parsed = parseEmbedUrl(String(embed['url']));
        expect(parsed.ok && parsed.post.url).toBe(embed['url']);
        expect(parsed.ok && parsed.post.network).toBe(embed['network']);
        expect(embed['text']).toEqual(expect.any(String));
        expect(embed['authorName']).toEqual(expect.any(String));
      }
    }
    // Each edition quotes the post and the video published in its own language.
    const urls = (locale: 'en' | 'es') =>
      embedsOf(story?.[locale]?.body ?? { type: 'doc' }).map((embed) => embed['url']);
    expect(urls('en')).not.toEqual(urls('es'));
  });
});
