/**
 * POST /api/admin/embeds/preview against a local oEmbed server (node:http on 127.0.0.1 serving
 * oEmbed answers shaped like each network's): fields filled from X, YouTube, Vimeo, Bluesky,
 * Mastodon and TikTok; a thumbnail copied into the media library; a provider that is down, slow,
 * talks junk or answers too much gives `prefilled: false` with a message and the network still
 * set; private addresses are refused; only staff may ask.
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Hono } from 'hono';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEFAULT_OEMBED_SETTINGS } from '../../content/embeds/oembed.js';
import type { EmbedFields } from '../../content/embeds/oembed.js';
import { memoryLogger } from '../../lib/log.js';
import { ConfigError, loadConfig } from '../../server/config.js';
import { createGalley } from '../../server/create-galley.js';
import { setUpAdminApiClient } from '../../test/admin-api-client.js';
import type { AdminApiClient } from '../../test/admin-api-client.js';
import { describeEachDialect } from '../../test/each-dialect.js';
import { createAdminApi } from './admin-api.js';
import type { EmbedPreview } from './embed-routes.js';

const X_POST = 'https://x.com/mareas_pc/status/1860000000000000001';
const YOUTUBE = (id: string) => `https://www.youtube.com/watch?v=${id}`;

/** What each network's oEmbed answers for a post, as the networks shape it (invented content). */
function oembedAnswer(network: string, postUrl: string, base: string): unknown {
  switch (network) {
    case 'x':
      return {
        url: postUrl,
        author_name: 'Mareas de Puerto Claro',
        author_url: 'https://twitter.com/mareas_pc',
        html: `<blockquote class="twitter-tweet"><p lang="es" dir="ltr">Marea alta a las 18:42.<br>Rampa del ferry cerrada hasta las 20:00 <a href="https://t.co/abc">#PuertoClaro</a></p>&mdash; Mareas de Puerto Claro (@mareas_pc) <a href="${postUrl}?ref_src=twsrc%5Etfw">November 20, 2026</a></blockquote>\n<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>\n`,
        width: 550,
        height: null,
        type: 'rich',
        cache_age: '3153600000',
        provider_name: 'Twitter',
        provider_url: 'https://twitter.com',
        version: '1.0',
      };
    case 'youtube':
      return {
        title: 'Dredging the north channel, in two minutes',
        author_name: 'Puerto Claro Port Authority',
        author_url: 'https://www.youtube.com/@PuertoClaroPort',
        type: 'video',
        height: 113,
        width: 200,
        version: '1.0',
        provider_name: 'YouTube',
        provider_url: 'https://www.youtube.com/',
        thumbnail_height: 360,
        thumbnail_width: 480,
        thumbnail_url: `${base}/thumbs/hqdefault.jpg`,
        html: '<iframe width="200" height="113" src="https://www.youtube.com/embed/x" frameborder="0" allowfullscreen></iframe>',
      };
    case 'vimeo':
      return {
        type: 'video',
        version: '1.0',
        provider_name: 'Vimeo',
        title: 'Net menders of Punta Brava',
        author_name: 'Colectivo Ribera',
        author_url: 'https://vimeo.com/colectivoribera',
        upload_date: '2026-10-02 09:15:00',
        // A thumbnail that is neither https nor on the operator's base: not fetched.
        thumbnail_url: 'http://i.vimeocdn.example/video/1.jpg',
        html: '<iframe src="https://player.vimeo.com/video/912345678"></iframe>',
      };
    case 'bluesky':
      return {
        type: 'rich',
        version: '1.0',
        author_name: 'Lucía Fernández',
        author_url: 'https://bsky.app/profile/did:plc:abcdefghijklmnopqrstuvwx',
        provider_name: 'Bluesky Social',
        html: '<blockquote class="bluesky-embed" data-bluesky-uri="at://did:plc:abcdefghijklmnopqrstuvwx/app.bsky.feed.post/3kqmooj3ems2w" data-bluesky-cid="bafy"><p lang="en">The council vote is at 7. Bring a chair.<br><br><a href="https://bsky.app/profile/did:plc:abcdefghijklmnopqrstuvwx/post/3kqmooj3ems2w?ref_src=embed">[image or embed]</a></p>&mdash; Lucía Fernández (<a href="https://bsky.app/profile/did:plc:abcdefghijklmnopqrstuvwx?ref_src=embed">@lucia.puertoclaro.example</a>) <a href="https://bsky.app/profile/did:plc:abcdefghijklmnopqrstuvwx/post/3kqmooj3ems2w?ref_src=embed">Nov 21, 2026 at 18:09</a></blockquote><script async src="https://embed.bsky.app/static/embed.js" charset="utf-8"></script>',
        width: 600,
        height: null,
      };
    case 'mastodon':
      return {
        type: 'rich',
        version: '1.0',
        author_name: 'Radio Ribera',
        author_url: 'https://social.puertoclaro.example/@radioribera',
        provider_name: 'social.puertoclaro.example',
        html: '<blockquote class="mastodon-embed" data-embed-url="https://social.puertoclaro.example/@radioribera/113456789012345678/embed"><a href="https://social.puertoclaro.example/@radioribera/113456789012345678" target="_blank"><svg></svg><div>Post by @radioribera@social.puertoclaro.example</div><div>View on Mastodon</div></a></blockquote><script data-allowed-prefixes="https://social.puertoclaro.example/" async src="https://social.puertoclaro.example/embed.js"></script>',
        width: 400,
        height: null,
      };
    case 'tiktok':
      return {
        version: '1.0',
        type: 'video',
        title: 'Six fish, one grill, zero patience #puertoclaro',
        author_url: 'https://www.tiktok.com/@lamarea.pc',
        author_name: 'La Marea',
        // A private address that is not the operator's base: refused.
        thumbnail_url: 'https://10.1.2.3/thumb.jpg',
        html: '<blockquote class="tiktok-embed"><section><a>@lamarea.pc</a> Six fish</section></blockquote>',
      };
  }
  return {};
}

describeEachDialect('Admin API embed preview', { demo: false }, (t) => {
  let oembedServer: Server;
  let base: string;
  let client: AdminApiClient;
  const requests: string[] = [];
  let thumbnailJpeg: Buffer;

  beforeAll(async () => {
    thumbnailJpeg = await sharp({
      create: { width: 480, height: 360, channels: 3, background: '#2a6f97' },
    })
      .jpeg()
      .toBuffer();
    oembedServer = createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      requests.push(url.pathname + url.search);
      if (url.pathname === '/thumbs/hqdefault.jpg') {
        response.writeHead(200, { 'content-type': 'image/jpeg' });
        response.end(thumbnailJpeg);
        return;
      }
      const network = /^\/([a-z]+)\/oembed$/.exec(url.pathname)?.[1];
      const postUrl = url.searchParams.get('url') ?? '';
      if (!network || url.searchParams.get('format') !== 'json') {
        response.writeHead(404).end();
        return;
      }
      // Misbehaving providers, chosen by the video id.
      if (postUrl.includes('DOWN')) return void response.writeHead(503).end('unavailable');
      if (postUrl.includes('SLOW')) return; // never answers
      if (postUrl.includes('JUNK'))
        return void response
          .writeHead(200, { 'content-type': 'application/json' })
          .end('<html>Not JSON</html>');
      if (postUrl.includes('NONE'))
        return void response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      if (postUrl.includes('HUGE'))
        return void response
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ title: 'x'.repeat(400 * 1024) }));
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(oembedAnswer(network, postUrl, base)));
    });
    await new Promise<void>((resolve) => oembedServer.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(oembedServer.address() as AddressInfo).port}`;

    const { galley } = t;
    const app = new Hono();
    app.route(
      '/api/admin',
      createAdminApi({
        core: galley.core,
        db: galley.db,
        publicUrl: galley.config.publicUrl,
        logger: memoryLogger(),
        mediaStore: galley.mediaStore,
        previewArticle: () => Promise.resolve(null),
        oembed: { ...DEFAULT_OEMBED_SETTINGS, base },
      }),
    );
    client = await setUpAdminApiClient({ ...galley, app });
  });

  afterAll(async () => {
    oembedServer.closeAllConnections();
    await new Promise((resolve) => oembedServer.close(resolve));
  });

  async function preview(
    url: string,
    role: 'contributor' | 'editor' = 'contributor',
  ): Promise<{
    status: number;
    body: EmbedPreview & { error?: { message: string; field?: string } };
  }> {
    const response = await client.call('POST', '/embeds/preview', client.logins[role], { url });
    return { status: response.status, body: (await response.json()) as never };
  }

  it('fills an X post from oEmbed: author, handle, date, and the words without markup', async () => {
    const { status, body } = await preview(`${X_POST}?s=20&t=Zx9`);
    expect(status).toBe(200);
    expect(body.prefilled).toBe(true);
    expect(body.embed).toEqual<EmbedFields>({
      url: X_POST,
      network: 'x',
      authorName: 'Mareas de Puerto Claro',
      authorHandle: '@mareas_pc',
      publishedAt: '2026-11-20',
      text: 'Marea alta a las 18:42.\nRampa del ferry cerrada hasta las 20:00 #PuertoClaro',
      thumbnail: null,
    });
    // The canonical address was asked about, privately (dnt) and without the widgets script.
    const asked = new URL(requests.findLast((r) => r.startsWith('/x/')) ?? '', base);
    expect(asked.searchParams.get('url')).toBe(X_POST);
    expect(asked.searchParams.get('dnt')).toBe('true');
    expect(asked.searchParams.get('omit_script')).toBe('true');
  });

  it('fills a YouTube video and copies its thumbnail into the media library', async () => {
    const { status, body } = await preview('https://youtu.be/Zq3bW9xY7kQ?si=share');
    expect(status).toBe(200);
    expect(body.prefilled).toBe(true);
    expect(body.message).toBeUndefined();
    expect(body.embed).toMatchObject({
      url: YOUTUBE('Zq3bW9xY7kQ'),
      network: 'youtube',
      authorName: 'Puerto Claro Port Authority',
      authorHandle: '@PuertoClaroPort',
      publishedAt: null,
      text: 'Dredging the north channel, in two minutes',
    });
    const thumbnail = body.embed.thumbnail ?? '';
    expect(thumbnail).toMatch(/^\/media\/embeds\/\d{4}\/\d{2}\/[0-9a-f-]+.*\.jpg$/);
    expect(existsSync(join(t.galley.mediaStore.root, thumbnail.slice('/media/'.length)))).toBe(
      true,
    );
    const media = await t.galley.db
      .selectFrom('media')
      .innerJoin('media_translations as mt', 'mt.media_id', 'media.id')
      .select(['media.kind', 'media.source_agency', 'mt.locale', 'mt.alt', 'mt.credit'])
      .where('media.path', 'like', 'embeds/%')
      .orderBy('mt.locale')
      .execute();
    expect(media).toEqual([
      {
        kind: 'image',
        source_agency: 'YouTube',
        locale: 'en',
        alt: 'Thumbnail of a YouTube post by Puerto Claro Port Authority',
        credit: 'Puerto Claro Port Authority',
      },
      {
        kind: 'image',
        source_agency: 'YouTube',
        locale: 'es',
        alt: 'Miniatura de una publicación de YouTube de Puerto Claro Port Authority',
        credit: 'Puerto Claro Port Authority',
      },
    ]);
  });

  it('fills Vimeo (with its upload date) and refuses a thumbnail over plain http', async () => {
    const { body } = await preview('https://vimeo.com/912345678?share=copy');
    expect(body.prefilled).toBe(true);
    expect(body.embed).toMatchObject({
      url: 'https://vimeo.com/912345678',
      authorName: 'Colectivo Ribera',
      publishedAt: '2026-10-02',
      text: 'Net menders of Punta Brava',
      thumbnail: null,
    });
    expect(body.message).toMatch(/thumbnail was not copied \(only https addresses/);
  });

  it('fills Bluesky, keeping the post by its DID so the player can load', async () => {
    const { body } = await preview(
      'https://bsky.app/profile/lucia.puertoclaro.example/post/3kqmooj3ems2w',
    );
    expect(body.prefilled).toBe(true);
    expect(body.embed).toEqual({
      url: 'https://bsky.app/profile/did:plc:abcdefghijklmnopqrstuvwx/post/3kqmooj3ems2w',
      network: 'bluesky',
      authorName: 'Lucía Fernández',
      authorHandle: '@lucia.puertoclaro.example',
      publishedAt: '2026-11-21',
      text: 'The council vote is at 7. Bring a chair.',
      thumbnail: null,
    });
  });

  it('fills Mastodon’s author (its answer carries no text) and TikTok, refusing a private thumbnail', async () => {
    const mastodon = await preview(
      'https://social.puertoclaro.example/@radioribera/113456789012345678',
    );
    expect(mastodon.body.embed).toMatchObject({
      network: 'mastodon',
      authorName: 'Radio Ribera',
      authorHandle: '@radioribera@social.puertoclaro.example',
      text: null,
    });
    const tiktok = await preview('https://www.tiktok.com/@lamarea.pc/video/7400000000000000001');
    expect(tiktok.body.embed).toMatchObject({
      network: 'tiktok',
      authorName: 'La Marea',
      authorHandle: '@lamarea.pc',
      text: 'Six fish, one grill, zero patience #puertoclaro',
      thumbnail: null,
    });
    expect(tiktok.body.message).toMatch(/10\.1\.2\.3 is a private or local address/);
  });

  it.each([
    ['DOWNxxxxxxx', /YouTube did not answer: it answered 503/],
    ['JUNKxxxxxxx', /not oEmbed JSON/],
    ['NONExxxxxxx', /without any of the post's details/],
    ['HUGExxxxxxx', /larger than 262144 bytes/],
  ])('a provider that misbehaves (%s) leaves the fields to the editor', async (id, message) => {
    const { status, body } = await preview(YOUTUBE(id));
    expect(status).toBe(200);
    expect(body.prefilled).toBe(false);
    expect(body.message).toMatch(message);
    expect(body.message).toMatch(/Type the author, date and text yourself/);
    expect(body.embed).toEqual({
      url: YOUTUBE(id),
      network: 'youtube',
      authorName: null,
      authorHandle: null,
      publishedAt: null,
      text: null,
      thumbnail: null,
    });
  });

  it('gives up on a provider that does not answer within 3 s', async () => {
    const started = Date.now();
    const { status, body } = await preview(YOUTUBE('SLOWxxxxxxx'));
    const took = Date.now() - started;
    expect(status).toBe(200);
    expect(body.prefilled).toBe(false);
    expect(body.message).toMatch(/no answer within 3 s/);
    expect(took).toBeGreaterThanOrEqual(2_900);
    expect(took).toBeLessThan(6_000);
  }, 10_000);

  it('sets the network for Instagram and Facebook, whose details need a token', async () => {
    const { status, body } = await preview('https://www.instagram.com/p/C9xYz12AbCd/?igshid=abc');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      prefilled: false,
      embed: { url: 'https://www.instagram.com/p/C9xYz12AbCd/', network: 'instagram' },
    });
    expect(body.message).toMatch(/Instagram shares post details only with registered apps/);
    const facebook = await preview('https://www.facebook.com/LaMarea/posts/123?__tn__=R');
    expect(facebook.body.embed.network).toBe('facebook');
  });

  it('refuses an address of no known network, and private addresses, with a 422 on url', async () => {
    for (const [url, message] of [
      ['https://news.example/en/city/story', /cannot quote posts from news\.example/],
      ['https://x.com/mareas_pc', /one post/],
      ['https://mastodon.local/@radio/113456789012345678', /private or local address/],
      ['https://social.localhost/@radio/113456789012345678', /private or local address/],
      ['', /paste the address/],
    ] as const) {
      const { status, body } = await preview(url);
      expect(status, url).toBe(422);
      expect(body.error?.field).toBe('url');
      expect(body.error?.message).toMatch(message);
    }
    const before = requests.length;
    await preview('https://mastodon.local/@radio/113456789012345678');
    expect(requests.length).toBe(before);
  });

  it('is for signed-in staff only', async () => {
    const anonymous = await client.call('POST', '/embeds/preview', null, { url: X_POST });
    expect(anonymous.status).toBe(401);
    for (const role of ['contributor', 'author', 'editor', 'admin'] as const) {
      const response = await client.call('POST', '/embeds/preview', client.logins[role], {
        url: X_POST,
      });
      expect(response.status, role).toBe(200);
    }
    const notJson = await client.call('POST', '/embeds/preview', client.logins.editor, [X_POST]);
    expect(notJson.status).toBe(400);
  });

  it('reaches the providers named by GALLEY_OEMBED_BASE when Galley is composed from config', async () => {
    const config = loadConfig({
      DATA_DIR: t.galley.config.dataDir,
      DATABASE_URL: t.galley.config.databaseUrl,
      PUBLIC_URL: t.galley.config.publicUrl,
      GALLEY_DEMO: '0',
      GALLEY_OEMBED_BASE: `${base}/`,
    });
    expect(config.oembedBase).toBe(base);
    const composed = await createGalley(config, { logger: memoryLogger() });
    try {
      const login = await client.logIn('editor');
      const response = await composed.app.request('/api/admin/embeds/preview', {
        method: 'POST',
        headers: {
          cookie: login.cookie,
          'x-csrf-token': login.csrf,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ url: X_POST }),
      });
      expect(response.status).toBe(200);
      expect(((await response.json()) as EmbedPreview).prefilled).toBe(true);
    } finally {
      await composed.close();
    }
  });
});

it('GALLEY_OEMBED_BASE must be an http(s) URL', () => {
  expect(() => loadConfig({ GALLEY_OEMBED_BASE: 'ftp://127.0.0.1' })).toThrow(ConfigError);
  expect(loadConfig({}).oembedBase).toBeUndefined();
});
