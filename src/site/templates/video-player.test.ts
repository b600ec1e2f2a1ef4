/**
 * Video on the reader site, on both databases: the lead video's checks in the article operations
 * (a video where an image belongs and the reverse are 422s naming the field), publishing refused
 * while a video is not ready, the player's markup in both languages (sources, poster, tracks,
 * accessible names, the shortcuts dialog), what a page without a video loads (no player script),
 * the page's CSP and cache keys, VideoObject, feeds and the Content API without the placeholder,
 * and video files sent in byte ranges.
 */
import { beforeAll, expect, it } from 'vitest';
import { setUpAdminApiClient } from '../../test/admin-api-client.js';
import type { AdminApiClient } from '../../test/admin-api-client.js';
import { describeEachDialect } from '../../test/each-dialect.js';
import { addTestVideo } from '../../test/video-fixtures.js';
import type { TestVideo } from '../../test/video-fixtures.js';
import { playerAssets } from '../player-assets.js';

const p = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const videoNode = (mediaId: number, autoplay = false) => ({
  type: 'video',
  attrs: { mediaId, caption: 'Gulls over the pier.', credit: 'Test Desk', autoplay },
});
const doc = (...content: unknown[]) => ({ type: 'doc', content });

describeEachDialect('video on the reader site', { demo: false }, (t) => {
  let api: AdminApiClient;
  let ready: TestVideo;
  let second: TestVideo;
  let imageId = 0;
  const json = async <T>(response: Response | Promise<Response>) =>
    (await (await response).json()) as T;

  beforeAll(async () => {
    api = await setUpAdminApiClient(t.galley);
    ready = await addTestVideo(t.galley, { seconds: 3 });
    second = await addTestVideo(t.galley, {
      seconds: 2,
      captions: ['en'],
      alt: { en: 'Gulls over the pier', es: 'Gaviotas sobre el muelle' },
    });
    imageId = ready.posterId;
  }, 120_000);

  /** Creates (and optionally publishes) an article; returns its id and public path. */
  async function story(
    fields: Record<string, unknown>,
    options: { publish?: boolean; locale?: 'en' | 'es' } = {},
  ): Promise<{ id: number; path: string }> {
    const locale = options.locale ?? 'en';
    const slug = `video-story-${Math.random().toString(36).slice(2, 10)}`;
    const created = await api.call('POST', '/articles', api.logins.editor, {
      locale,
      headline: locale === 'es' ? 'El ferry en vídeo' : 'The ferry on video',
      slug,
      sectionId: api.sectionId,
      authorIds: [api.authorId],
      body: doc(p('The ferry crossed the bay.')),
      ...fields,
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const { article } = await json<{ article: { id: number } }>(created);
    if (options.publish !== false) {
      const published = await api.call(
        'POST',
        `/articles/${article.id}/publish`,
        api.logins.editor,
      );
      expect(published.status, await published.clone().text()).toBe(200);
    }
    return { id: article.id, path: `/${locale}/${locale === 'es' ? 'puerto' : 'port'}/${slug}` };
  }

  const page = (path: string) => t.galley.app.request(path);

  it('takes a lead video, and says so in the Admin API', async () => {
    const created = await api.call('POST', '/articles', api.logins.editor, {
      locale: 'en',
      headline: 'Lead video',
      slug: 'lead-video-fields',
      sectionId: api.sectionId,
      authorIds: [api.authorId],
      body: doc(p('Text.')),
      leadVideoId: ready.id,
      leadVideoAutoplay: true,
    });
    expect(created.status).toBe(201);
    const { article } = await json<{
      article: {
        id: number;
        version: number;
        leadVideoId: number;
        leadVideoAutoplay: boolean;
        leadVideo: { id: number } | null;
      };
    }>(created);
    expect(article.leadVideoId).toBe(ready.id);
    expect(article.leadVideoAutoplay).toBe(true);
    expect(article.leadVideo?.id).toBe(ready.id);
    // An edit that does not mention them leaves them; one that does changes them.
    const edited = await api.call('PATCH', `/articles/${article.id}`, api.logins.editor, {
      expectedVersion: article.version,
      headline: 'Lead video, edited',
    });
    const afterEdit = (await json<{ article: typeof article }>(edited)).article;
    expect([afterEdit.leadVideoId, afterEdit.leadVideoAutoplay]).toEqual([ready.id, true]);
    const cleared = await api.call('PATCH', `/articles/${article.id}`, api.logins.editor, {
      expectedVersion: afterEdit.version,
      leadVideoId: null,
      leadVideoAutoplay: false,
    });
    const afterClear = (await json<{ article: typeof article }>(cleared)).article;
    expect([afterClear.leadVideoId, afterClear.leadVideoAutoplay]).toEqual([null, false]);
  });

  it('refuses an image as lead video and a video as lead image (422 naming the field)', async () => {
    const base = {
      locale: 'en',
      headline: 'Wrong kinds',
      sectionId: api.sectionId,
      authorIds: [api.authorId],
      body: doc(p('Text.')),
    };
    const imageAsVideo = await api.call('POST', '/articles', api.logins.editor, {
      ...base,
      slug: 'image-as-video',
      leadVideoId: imageId,
    });
    expect(imageAsVideo.status).toBe(422);
    expect((await json<{ error: { field: string; message: string } }>(imageAsVideo)).error).toEqual(
      { field: 'leadVideoId', message: `leadVideoId: media ${imageId} is an image, not a video` },
    );
    const videoAsImage = await api.call('POST', '/articles', api.logins.editor, {
      ...base,
      slug: 'video-as-image',
      leadMediaId: ready.id,
    });
    expect(videoAsImage.status).toBe(422);
    expect((await json<{ error: { field: string } }>(videoAsImage)).error.field).toBe(
      'leadMediaId',
    );
    const missing = await api.call('POST', '/articles', api.logins.editor, {
      ...base,
      slug: 'no-such-video',
      leadVideoId: 999_999,
    });
    expect(missing.status).toBe(422);
    expect((await json<{ error: { field: string } }>(missing)).error.field).toBe('leadVideoId');
  });

  it('refuses to publish a video that is not ready, lead or body (422 naming it)', async () => {
    const processing = await addTestVideo(t.galley, { seconds: 1, status: 'processing' });
    const lead = await story({ leadVideoId: processing.id }, { publish: false });
    const leadRefused = await api.call('POST', `/articles/${lead.id}/publish`, api.logins.editor);
    expect(leadRefused.status).toBe(422);
    expect((await json<{ error: { field: string; message: string } }>(leadRefused)).error).toEqual({
      field: 'leadVideoId',
      message: `leadVideoId: video ${processing.id} is still processing; publish when it is ready`,
    });
    const body = await story(
      { body: doc(p('Text.'), videoNode(processing.id)) },
      { publish: false },
    );
    const bodyRefused = await api.call('POST', `/articles/${body.id}/publish`, api.logins.editor);
    expect(bodyRefused.status).toBe(422);
    expect((await json<{ error: { field: string } }>(bodyRefused)).error.field).toBe(
      'body.content[1]',
    );
    // Once processing is done, it publishes.
    await t.galley.db
      .updateTable('media')
      .set({ processing_status: 'ready' })
      .where('id', '=', processing.id)
      .execute();
    const accepted = await api.call('POST', `/articles/${body.id}/publish`, api.logins.editor);
    expect(accepted.status).toBe(200);
  });

  it('renders the lead and body players with sources, poster, tracks and names (English)', async () => {
    const { id, path } = await story({
      leadVideoId: ready.id,
      body: doc(p('The ferry crossed the bay.'), videoNode(second.id)),
    });
    const response = await page(path);
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(body).not.toContain('galley:video');
    // Two players, each a native <video controls> inside Media Chrome.
    expect(body.match(/<video slot="media" controls preload="metadata"/g)).toHaveLength(2);
    expect(body).toContain(`<source src="/media/${ready.webKey}" type="video/mp4">`);
    expect(body).toMatch(/poster="\/media\/videos\/test-[^"]+\/poster\/[^"]+\.jpg"/);
    expect(body).toContain(
      `<track kind="captions" srclang="en" label="English" src="/media/${ready.captionKeys.en}" default>`,
    );
    expect(body).toContain(
      `<track kind="captions" srclang="es" label="Español" src="/media/${ready.captionKeys.es}">`,
    );
    for (const element of [
      'media-play-button',
      'media-time-range',
      'media-time-display',
      'media-mute-button',
      'media-volume-range',
      'media-captions-menu-button',
      'media-playback-rate-button',
      'media-fullscreen-button',
    ])
      expect(body).toContain(`<${element}`);
    expect(body).toContain('<media-controller lang="en"');
    expect(body).toContain('data-label="Video: The morning ferry leaving the harbour"');
    expect(body).toContain(
      '<p class="visually-hidden" id="video-' +
        `${ready.id}-0-hint" hidden>Press shift question mark to access a list of keyboard shortcuts</p>`,
    );
    expect(body).toContain('>Keyboard shortcuts</button>');
    expect(body).toMatch(
      /<dialog class="video-shortcuts"[^>]*>\s*<h2[^>]*>Keyboard shortcuts<\/h2>/,
    );
    // The lead video's words, and the body video's figcaption kept.
    expect(body).toContain(
      '<figcaption>The harbour at dawn. <span class="credit">Test Desk</span>',
    );
    expect(body).toContain(
      '</div><figcaption>Gulls over the pier. <span class="credit">Test Desk</span></figcaption></figure>',
    );
    // No autoplay attribute ever: the script decides.
    expect(body).not.toMatch(/<video[^>]* autoplay/);
    expect(body).not.toContain('data-autoplay');

    const player = playerAssets();
    expect(
      player,
      'build the player: npx vite build --config player/vite.config.ts',
    ).not.toBeNull();
    expect(body).toContain(`<script src="${player?.scriptPath}" defer></script>`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("media-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    const keys = response.headers.get('surrogate-key') ?? '';
    expect(keys.split(' ')).toEqual(
      expect.arrayContaining([`article:${id}`, `media:${ready.id}`, `media:${second.id}`]),
    );

    // The script is served under its hashed name, for good.
    const script = await page(player?.scriptPath ?? '');
    expect(script.status).toBe(200);
    expect(script.headers.get('cache-control')).toContain('immutable');
  });

  it('speaks Spanish on a Spanish page, with the Spanish track by default', async () => {
    const { path } = await story(
      { leadVideoId: ready.id, leadVideoAutoplay: true },
      { locale: 'es' },
    );
    const body = await (await page(path)).text();
    expect(body).toContain('<media-controller lang="es"');
    expect(body).toContain('data-label="Vídeo: El ferry de la mañana saliendo del puerto"');
    expect(body).toContain(
      'Pulsa mayúsculas y signo de interrogación para acceder a una lista de atajos de teclado',
    );
    expect(body).toContain('>Atajos de teclado</button>');
    expect(body).toContain('<dd>Reproducir o pausar</dd>');
    expect(body).toContain('<form method="dialog"><button type="submit">Cerrar</button></form>');
    expect(body).toContain(
      `<track kind="captions" srclang="es" label="Español" src="/media/${ready.captionKeys.es}" default>`,
    );
    expect(body).toContain(
      `<track kind="captions" srclang="en" label="English" src="/media/${ready.captionKeys.en}">`,
    );
    expect(body).toContain('data-autoplay');
    expect(body).toContain('<figcaption>El puerto al amanecer.');
  });

  it('loads no player script, and allows no media, on a page without a video', async () => {
    const { path } = await story({});
    const response = await page(path);
    const body = await response.text();
    expect(body).not.toContain('<media-controller');
    expect(body).not.toContain('/assets/player.');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).not.toContain('media-src');
    expect(csp).not.toContain('unsafe-inline');
  });

  it('shows nothing of a video that stopped being ready (never a broken player)', async () => {
    const failing = await addTestVideo(t.galley, { seconds: 1 });
    const { path } = await story({
      leadVideoId: failing.id,
      body: doc(p('Before.'), videoNode(failing.id), p('After.')),
    });
    await t.galley.db
      .updateTable('media')
      .set({ processing_status: 'failed' })
      .where('id', '=', failing.id)
      .execute();
    t.galley.pageCache.invalidate(new Set([`media:${failing.id}`]));
    const body = await (await page(path)).text();
    expect(body).not.toContain('<video');
    expect(body).not.toContain('body-video');
    expect(body).not.toContain('galley:video');
    expect(body).not.toContain('/assets/player.');
    expect(body).toContain('<p>Before.</p>');
    expect(body).toContain('<p>After.</p>');
  });

  it('describes the videos as VideoObject in the page’s JSON-LD', async () => {
    const { path } = await story({ leadVideoId: ready.id });
    const body = await (await page(path)).text();
    const [block] = [
      ...body.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g),
    ];
    const entities = JSON.parse(block?.[1] ?? '[]') as Record<string, unknown>[];
    const article = entities.find((entity) => 'video' in entity) as
      { video: Record<string, unknown>[] } | undefined;
    expect(article?.video).toHaveLength(1);
    const [video] = article?.video ?? [];
    expect(video).toMatchObject({
      '@type': 'VideoObject',
      description: 'The morning ferry leaving the harbour',
      duration: 'PT3S',
      contentUrl: `https://news.galley.test/media/${ready.webKey}`,
      width: 320,
      height: 180,
      inLanguage: 'en',
    });
    expect(video?.['thumbnailUrl']).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^https:\/\/news\.galley\.test\/media\/.+\.jpg$/),
      ]),
    );
  });

  it('gives feeds a link to the article and the Content API a plain <video>, never the placeholder', async () => {
    const { id, path } = await story({
      leadVideoId: ready.id,
      body: doc(p('The ferry crossed the bay.'), videoNode(second.id)),
    });
    const feed = await (await page('/en/port/feed.xml')).text();
    expect(feed).not.toContain('galley:video');
    expect(feed).toContain(
      `&lt;a href=&quot;https://news.galley.test${path}&quot;&gt;Watch the video&lt;/a&gt;`,
    );

    const created = await api.call('POST', '/content-keys', api.logins.editor, {
      name: 'Video partner',
      allowedOrigins: [],
    });
    const { key } = await json<{ key: string }>(created);
    const response = await t.galley.app.request(`/api/content/articles/${id}`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(response.status).toBe(200);
    const { article } = await json<{
      article: { bodyHtml: string; video: Record<string, unknown> | null };
    }>(response);
    expect(article.bodyHtml).not.toContain('galley:video');
    expect(article.bodyHtml).toContain(
      `<video controls preload="metadata" width="320" height="180" poster="https://news.galley.test/media/`,
    );
    expect(article.bodyHtml).toContain(`src="https://news.galley.test/media/${second.webKey}"`);
    expect(article.bodyHtml).toContain(
      `<track kind="captions" srclang="en" label="English" src="https://news.galley.test/media/${second.captionKeys.en}">`,
    );
    expect(article.video).toMatchObject({
      id: ready.id,
      durationSeconds: 3,
      alt: 'The morning ferry leaving the harbour',
      renditions: [
        {
          url: `https://news.galley.test/media/${ready.webKey}`,
          width: 320,
          height: 180,
          type: 'video/mp4',
        },
      ],
      captions: [
        {
          locale: 'en',
          label: 'English',
          url: `https://news.galley.test/media/${ready.captionKeys.en}`,
        },
        {
          locale: 'es',
          label: 'Español',
          url: `https://news.galley.test/media/${ready.captionKeys.es}`,
        },
      ],
    });
  });

  it('sends video in byte ranges, and captions as WebVTT', async () => {
    const whole = await page(`/media/${ready.webKey}`);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('video/mp4');
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    const size = (await whole.arrayBuffer()).byteLength;
    expect(size).toBeGreaterThan(1000);

    const part = await t.galley.app.request(`/media/${ready.webKey}`, {
      headers: { range: 'bytes=100-199' },
    });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 100-199/${size}`);
    expect((await part.arrayBuffer()).byteLength).toBe(100);

    const tail = await t.galley.app.request(`/media/${ready.webKey}`, {
      headers: { range: 'bytes=-10' },
    });
    expect(tail.headers.get('content-range')).toBe(`bytes ${size - 10}-${size - 1}/${size}`);

    const beyond = await t.galley.app.request(`/media/${ready.webKey}`, {
      headers: { range: `bytes=${size}-` },
    });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe(`bytes */${size}`);

    const head = await t.galley.app.request(`/media/${ready.webKey}`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(size));

    // The upload as it came is never sent: its metadata may say where it was filmed.
    const original = ready.webKey.replace(/[^/]+$/, 'original.mp4');
    expect((await page(`/media/${original}`)).status).toBe(404);

    const captions = await page(`/media/${ready.captionKeys.en}`);
    expect(captions.headers.get('content-type')).toBe('text/vtt; charset=utf-8');
    expect(await captions.text()).toContain('The first ferry of the morning leaves the dock.');
  });
});
