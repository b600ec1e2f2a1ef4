/**
 * Pasted addresses: every network's usual forms are recognised and come back canonical (https,
 * the main host, no tracking parameters); addresses of nothing quotable are refused with a
 * message; each post's player page is the network's own, built only from the parsed id.
 */
import { describe, expect, it } from 'vitest';
import { embedFrameFor, embedFrameForUrl, parseEmbedUrl } from './networks.js';
import type { EmbedPost } from './networks.js';

function post(input: string): EmbedPost {
  const result = parseEmbedUrl(input);
  if (!result.ok) throw new Error(`${input}: ${result.message}`);
  return result.post;
}

function refusal(input: string): string {
  const result = parseEmbedUrl(input);
  if (result.ok) throw new Error(`${input} was accepted as ${result.post.url}`);
  return result.message;
}

describe('parseEmbedUrl', () => {
  it.each([
    // X, under both names, with share and tracking parameters
    [
      'https://x.com/puertoclaro_news/status/1860000000000000001',
      'x',
      'https://x.com/puertoclaro_news/status/1860000000000000001',
      '1860000000000000001',
      '@puertoclaro_news',
    ],
    [
      'http://twitter.com/PuertoClaro/status/1860000000000000002?s=20&t=AbC123&utm_source=share',
      'x',
      'https://x.com/PuertoClaro/status/1860000000000000002',
      '1860000000000000002',
      '@PuertoClaro',
    ],
    [
      'https://mobile.twitter.com/ana_ruiz/statuses/1860000000000000003/photo/1',
      'x',
      'https://x.com/ana_ruiz/status/1860000000000000003',
      '1860000000000000003',
      '@ana_ruiz',
    ],
    [
      'x.com/i/web/status/1860000000000000004',
      'x',
      'https://x.com/i/status/1860000000000000004',
      '1860000000000000004',
      null,
    ],
    // YouTube: watch, youtu.be, shorts, embed, live; si and feature dropped, a start time kept
    [
      'https://www.youtube.com/watch?v=Zq3bW9xY7kQ&feature=share&si=xYz',
      'youtube',
      'https://www.youtube.com/watch?v=Zq3bW9xY7kQ',
      'Zq3bW9xY7kQ',
      null,
    ],
    [
      'https://youtu.be/Zq3bW9xY7kQ?si=AbCdEf&t=95',
      'youtube',
      'https://www.youtube.com/watch?v=Zq3bW9xY7kQ&t=95s',
      'Zq3bW9xY7kQ',
      null,
    ],
    [
      'https://m.youtube.com/watch?v=Zq3bW9xY7kQ&t=1m30s&utm_campaign=x',
      'youtube',
      'https://www.youtube.com/watch?v=Zq3bW9xY7kQ&t=90s',
      'Zq3bW9xY7kQ',
      null,
    ],
    [
      'https://youtube.com/shorts/Ab-_9cdEFgh?feature=share',
      'youtube',
      'https://www.youtube.com/shorts/Ab-_9cdEFgh',
      'Ab-_9cdEFgh',
      null,
    ],
    [
      'https://www.youtube-nocookie.com/embed/Zq3bW9xY7kQ',
      'youtube',
      'https://www.youtube.com/watch?v=Zq3bW9xY7kQ',
      'Zq3bW9xY7kQ',
      null,
    ],
    // Vimeo: plain, channel, player, unlisted with its hash
    [
      'https://vimeo.com/912345678?share=copy',
      'vimeo',
      'https://vimeo.com/912345678',
      '912345678',
      null,
    ],
    [
      'https://vimeo.com/channels/staffpicks/912345678',
      'vimeo',
      'https://vimeo.com/912345678',
      '912345678',
      null,
    ],
    [
      'https://player.vimeo.com/video/912345678?h=abc123def0',
      'vimeo',
      'https://vimeo.com/912345678/abc123def0',
      '912345678',
      null,
    ],
    // Instagram: posts and reels, igshid and utm dropped
    [
      'https://www.instagram.com/p/C9xYz12AbCd/?igshid=MzRlODBiNWFlZA==',
      'instagram',
      'https://www.instagram.com/p/C9xYz12AbCd/',
      'C9xYz12AbCd',
      null,
    ],
    [
      'https://instagram.com/reel/C9xYz12AbCd?utm_source=ig_web_copy_link',
      'instagram',
      'https://www.instagram.com/reel/C9xYz12AbCd/',
      'C9xYz12AbCd',
      null,
    ],
    // Facebook: posts, videos, watch
    [
      'https://www.facebook.com/LaMareaNoticias/posts/pfbid02AbCdEf123?__cft__=x&__tn__=R',
      'facebook',
      'https://www.facebook.com/LaMareaNoticias/posts/pfbid02AbCdEf123',
      'pfbid02AbCdEf123',
      'LaMareaNoticias',
    ],
    [
      'https://m.facebook.com/LaMareaNoticias/videos/123456789012345/',
      'facebook',
      'https://www.facebook.com/LaMareaNoticias/videos/123456789012345',
      '123456789012345',
      'LaMareaNoticias',
    ],
    [
      'https://www.facebook.com/watch/?v=123456789012345&ref=sharing',
      'facebook',
      'https://www.facebook.com/watch/?v=123456789012345',
      '123456789012345',
      null,
    ],
    // Bluesky: by handle and by DID
    [
      'https://bsky.app/profile/PuertoClaro.example/post/3kqmooj3ems2w?ref_src=embed',
      'bluesky',
      'https://bsky.app/profile/puertoclaro.example/post/3kqmooj3ems2w',
      '3kqmooj3ems2w',
      '@puertoclaro.example',
    ],
    [
      'https://bsky.app/profile/did:plc:abcdefghijklmnopqrstuvwx/post/3kqmooj3ems2w',
      'bluesky',
      'https://bsky.app/profile/did:plc:abcdefghijklmnopqrstuvwx/post/3kqmooj3ems2w',
      '3kqmooj3ems2w',
      null,
    ],
    // Mastodon: any instance, both path forms
    [
      'https://social.puertoclaro.example/@mareas/113456789012345678?utm_source=x',
      'mastodon',
      'https://social.puertoclaro.example/@mareas/113456789012345678',
      '113456789012345678',
      '@mareas@social.puertoclaro.example',
    ],
    [
      'https://Mastodon.Example/users/mareas/statuses/113456789012345678',
      'mastodon',
      'https://mastodon.example/@mareas/113456789012345678',
      '113456789012345678',
      '@mareas@mastodon.example',
    ],
    // TikTok
    [
      'https://www.tiktok.com/@lamarea.pc/video/7400000000000000001?is_from_webapp=1&sender_device=pc',
      'tiktok',
      'https://www.tiktok.com/@lamarea.pc/video/7400000000000000001',
      '7400000000000000001',
      '@lamarea.pc',
    ],
  ])('%s is %s', (input, network, url, id, handle) => {
    const found = post(input);
    expect(found).toMatchObject({ network, url, id, handle });
    // The canonical form parses to itself.
    expect(post(found.url).url).toBe(found.url);
    expect(found.url).not.toMatch(/utm_|[?&]si=|igshid|[?&]s=20|feature=|__cft__/);
  });

  it.each([
    ['', /paste the address/],
    ['not a url at all', /not a web address|cannot quote/],
    ['javascript:alert(1)', /only web addresses/],
    ['ftp://x.com/a/status/1', /only web addresses/],
    ['https://user:secret@x.com/a/status/1', /user name, password or port/],
    ['https://x.com:8443/a/status/1', /port/],
    ['https://x.com/puertoclaro', /one post/],
    ['https://x.com/puertoclaro/status/notanumber', /one post/],
    ['https://www.youtube.com/watch?v=tooshort', /one video/],
    ['https://www.youtube.com/channel/UC1234567890', /one video/],
    ['https://vimeo.com/about', /one video/],
    ['https://www.instagram.com/lamarea/', /one post/],
    ['https://www.facebook.com/LaMareaNoticias', /one post or video/],
    ['https://bsky.app/profile/puertoclaro.example', /one post/],
    ['https://www.tiktok.com/@lamarea.pc', /one video/],
    ['https://10.0.0.5/@mareas/113456789012345678', /named by its domain/],
    ['https://news.example/en/city/story', /cannot quote posts from news\.example/],
  ])('refuses %j', (input, message) => {
    expect(refusal(input)).toMatch(message);
  });
});

describe('embedFrameFor', () => {
  it.each([
    [
      'https://x.com/puertoclaro_news/status/1860000000000000001',
      'https://platform.twitter.com/embed/Tweet.html?id=1860000000000000001&dnt=true',
    ],
    [
      'https://youtu.be/Zq3bW9xY7kQ?t=95',
      'https://www.youtube-nocookie.com/embed/Zq3bW9xY7kQ?start=95',
    ],
    [
      'https://youtube.com/shorts/Ab-_9cdEFgh',
      'https://www.youtube-nocookie.com/embed/Ab-_9cdEFgh',
    ],
    ['https://vimeo.com/912345678', 'https://player.vimeo.com/video/912345678?dnt=1'],
    [
      'https://vimeo.com/912345678/abc123def0',
      'https://player.vimeo.com/video/912345678?dnt=1&h=abc123def0',
    ],
    ['https://www.instagram.com/p/C9xYz12AbCd/', 'https://www.instagram.com/p/C9xYz12AbCd/embed/'],
    [
      'https://www.instagram.com/reel/C9xYz12AbCd/',
      'https://www.instagram.com/reel/C9xYz12AbCd/embed/',
    ],
    [
      'https://www.facebook.com/LaMareaNoticias/posts/pfbid02AbCdEf123',
      'https://www.facebook.com/plugins/post.php?href=https%3A%2F%2Fwww.facebook.com%2FLaMareaNoticias%2Fposts%2Fpfbid02AbCdEf123',
    ],
    [
      'https://www.facebook.com/LaMareaNoticias/videos/123456789012345',
      'https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2FLaMareaNoticias%2Fvideos%2F123456789012345',
    ],
    [
      'https://bsky.app/profile/did:plc:abcdefghijklmnopqrstuvwx/post/3kqmooj3ems2w',
      'https://embed.bsky.app/embed/did:plc:abcdefghijklmnopqrstuvwx/app.bsky.feed.post/3kqmooj3ems2w',
    ],
    [
      'https://social.puertoclaro.example/@mareas/113456789012345678',
      'https://social.puertoclaro.example/@mareas/113456789012345678/embed',
    ],
    [
      'https://www.tiktok.com/@lamarea.pc/video/7400000000000000001',
      'https://www.tiktok.com/player/v1/7400000000000000001',
    ],
  ])('%s plays from %s', (input, src) => {
    const frame = embedFrameFor(post(input));
    expect(frame?.src).toBe(src);
    expect(frame?.origin).toBe(new URL(src).origin);
    expect(frame?.sandbox).toContain('allow-scripts');
    // Never the top page: a player cannot navigate the article away or reach the site's forms.
    expect(frame?.sandbox).not.toMatch(/allow-top-navigation|allow-forms|allow-modals/);
  });

  it('gives video players only what playing needs, and posts nothing', () => {
    expect(embedFrameFor(post('https://youtu.be/Zq3bW9xY7kQ'))?.allow).toBe(
      'encrypted-media; picture-in-picture; fullscreen',
    );
    expect(embedFrameFor(post('https://x.com/a/status/1'))?.allow).toBe('');
  });

  it('loads nothing for a Bluesky post named by handle (its player needs the DID)', () => {
    expect(
      embedFrameFor(post('https://bsky.app/profile/puertoclaro.example/post/3kqmooj3ems2w')),
    ).toBeNull();
  });

  it('builds no player for an address that is not the stated network’s', () => {
    expect(embedFrameForUrl('youtube', 'https://x.com/a/status/1')).toBeNull();
    expect(embedFrameForUrl('x', 'https://evil.example/a/status/1')).toBeNull();
    expect(embedFrameForUrl('x', 'https://x.com/a/status/1')?.origin).toBe(
      'https://platform.twitter.com',
    );
  });
});
