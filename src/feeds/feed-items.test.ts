import { describe, expect, it } from 'vitest';
import type { ImageView } from '../core/reader/reader-types.js';
import { absoluteUrls, feedImage } from './feed-items.js';

describe('absoluteUrls', () => {
  it('makes site paths absolute and leaves other URLs and text alone', () => {
    const body =
      '<p><a href="/en/city/ferry">ferry</a> <a href="//cdn.example/x">cdn</a> ' +
      '<a href="https://other.example/">other</a></p>' +
      '<figure class="body-image"><img src="/media/2026/11/tide.jpg" alt=""></figure>';
    expect(absoluteUrls(body, 'https://news.example')).toBe(
      '<p><a href="https://news.example/en/city/ferry">ferry</a> <a href="//cdn.example/x">cdn</a> ' +
        '<a href="https://other.example/">other</a></p>' +
        '<figure class="body-image"><img src="https://news.example/media/2026/11/tide.jpg" alt=""></figure>',
    );
  });
});

describe('feedImage', () => {
  const image: ImageView = {
    id: 1,
    path: 'up/tide-original.png',
    width: 3000,
    height: 2000,
    crops: [],
    variants: [
      { path: 'up/tide-960.avif', width: 960, height: 640, mime: 'image/avif' },
      { path: 'up/tide-1600.avif', width: 1600, height: 1067, mime: 'image/avif' },
      { path: 'up/tide-960.jpg', width: 960, height: 640, mime: 'image/jpeg' },
      { path: 'up/tide-1600.jpg', width: 1600, height: 1067, mime: 'image/jpeg' },
      { path: 'up/tide-480.jpg', width: 480, height: 320, mime: 'image/jpeg' },
    ],
    alt: 'High tide at the pier',
    caption: '',
    credit: 'Ana Ruiz / AFP',
    sourceAgency: 'AFP',
  };
  const absolute = (path: string) => `https://news.example${path}`;

  it('takes the largest JPEG rendition, never the original upload', () => {
    expect(feedImage(image, absolute)).toEqual({
      url: 'https://news.example/media/up/tide-1600.jpg',
      width: 1600,
      height: 1067,
      mime: 'image/jpeg',
      alt: 'High tide at the pier',
      credit: 'Ana Ruiz / AFP',
    });
  });

  it('takes the largest rendition when there is no JPEG, and names the agency once', () => {
    const webpOnly = {
      ...image,
      credit: 'Ana Ruiz',
      variants: [
        { path: 'demo/pier-1600.webp', width: 1600, height: 900, mime: 'image/webp' },
        { path: 'demo/pier-800.webp', width: 800, height: 450, mime: 'image/webp' },
      ],
    };
    expect(feedImage(webpOnly, absolute)).toMatchObject({
      url: 'https://news.example/media/demo/pier-1600.webp',
      mime: 'image/webp',
      credit: 'Ana Ruiz / AFP',
    });
    expect(feedImage({ ...image, variants: [] }, absolute)).toMatchObject({
      url: 'https://news.example/media/up/tide-original.png',
      mime: 'image/png',
    });
  });
});
