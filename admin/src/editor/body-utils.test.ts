import { describe, expect, it } from 'vitest';
import { bodyImages, bodyText, bodyVideos, isoToLocal, localToIso, slugify } from './body-utils.ts';

const doc = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Title' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'One ' },
        { type: 'text', text: 'two' },
      ],
    },
    { type: 'image', attrs: { src: '/m/1.webp', alt: '', caption: null } },
    {
      type: 'blockquote',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Quoted' }] }],
    },
  ],
};

describe('body utilities', () => {
  it('turn a body into plain text, one block per line', () => {
    expect(bodyText(doc)).toBe('## Title\nOne two\n[image: ]\nQuoted');
  });

  it('list images with their alt text and caption', () => {
    expect(bodyImages(doc)).toEqual([{ index: 1, src: '/m/1.webp', alt: '', caption: '' }]);
  });

  it('convert datetime-local values to ISO with an offset and back', () => {
    const iso = localToIso('2026-05-01T09:30');
    expect(iso).toMatch(/^2026-05-01T09:30:00[+-]\d\d:\d\d$/);
    expect(isoToLocal(iso)).toBe('2026-05-01T09:30');
    expect(localToIso('')).toBeNull();
  });

  it('make slugs the server accepts', () => {
    expect(slugify('  ¿Qué pasó en el Ayuntamiento?  ')).toBe('que-paso-en-el-ayuntamiento');
  });

  it('show videos and embeds in the plain text, and list the videos in order', () => {
    const withMedia = {
      type: 'doc',
      content: [
        { type: 'video', attrs: { mediaId: 4, caption: 'Dawn', credit: null, autoplay: false } },
        { type: 'paragraph', content: [{ type: 'text', text: 'Between' }] },
        {
          type: 'embed',
          attrs: { url: 'https://x.com/a/status/1', network: 'x', text: 'Words' },
        },
        { type: 'video', attrs: { mediaId: 9, caption: null, credit: null, autoplay: true } },
      ],
    };
    expect(bodyText(withMedia)).toBe(
      '[video 4: Dawn]\nBetween\n[x: Words — https://x.com/a/status/1]\n[video 9]',
    );
    expect(bodyVideos(withMedia)).toEqual([
      { index: 1, mediaId: 4 },
      { index: 2, mediaId: 9 },
    ]);
  });
});
