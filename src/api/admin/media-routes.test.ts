/**
 * Uploading through the Admin API: multipart in, the intake's checks (type from content, size,
 * GPS) answered with the right status and field, the library searchable, and the reader site
 * offering the AVIF, WebP and JPEG renditions of an uploaded lead image.
 */
import { beforeAll, expect, it } from 'vitest';
import sharp from 'sharp';
import { doc, p } from '../../content/body-builders.js';
import { setUpAdminApiClient } from '../../test/admin-api-client.js';
import type { AdminApiClient, Login } from '../../test/admin-api-client.js';
import { describeEachDialect } from '../../test/each-dialect.js';
import type { StaffMedia } from '../../core/newsroom/media-for-staff.js';
import { MAX_UPLOAD_BYTES } from './media-routes.js';

type MediaJson = StaffMedia;

/** A photo as a camera would leave it: EXIF with the photographer, and where it was taken. */
// EXIF text fields are ASCII, so the fixture's names are too.
const cameraPhoto = () =>
  sharp({ create: { width: 1200, height: 800, channels: 3, background: '#3a6ea5' } })
    .withExif({
      IFD0: { Artist: 'Lucia Prado', Copyright: 'Lucia Prado / AFP', Make: 'Galley Test Cam' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '40/1 25/1 0/1',
        GPSLongitudeRef: 'W',
        GPSLongitude: '3/1 42/1 0/1',
      },
    })
    .jpeg()
    .toBuffer();

describeEachDialect('Admin API media', { demo: false }, (t) => {
  let api: AdminApiClient;

  const upload = (
    bytes: Buffer,
    login: Login | null,
    fields: { name?: string; locale?: string; csrf?: boolean } = {},
  ) => {
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(bytes)]), fields.name ?? 'photo.jpg');
    if (fields.locale) form.set('locale', fields.locale);
    return t.galley.app.request('/api/admin/media', {
      method: 'POST',
      headers: {
        ...(login && { cookie: login.cookie }),
        ...(login && fields.csrf !== false && { 'x-csrf-token': login.csrf }),
      },
      body: form,
    });
  };

  beforeAll(async () => {
    api = await setUpAdminApiClient(t.galley);
  });

  it('takes a photo: GPS removed, credit pre-filled, AVIF/WebP/JPEG renditions made', async () => {
    // The name says PNG; the content is JPEG, and the content decides.
    const response = await upload(await cameraPhoto(), api.logins.contributor, { name: 'x.png' });
    expect(response.status, await response.clone().text()).toBe(201);
    const { media, gpsRemoved, prefill } = (await response.json()) as {
      media: MediaJson;
      gpsRemoved: boolean;
      prefill: { credit: string };
    };
    expect(gpsRemoved).toBe(true);
    expect(prefill.credit).toContain('Lucia Prado');
    expect(media).toMatchObject({ mime: 'image/jpeg', width: 1200, height: 800 });
    expect(media.translations.en.credit).toContain('Lucia Prado');
    expect(media.translations.es.credit).toContain('Lucia Prado');
    expect(new Set(media.variants.map((v) => v.mime))).toEqual(
      new Set(['image/avif', 'image/webp', 'image/jpeg']),
    );
    for (const variant of media.variants) {
      expect(variant.width).toBeLessThanOrEqual(1200);
      expect(variant.height).toBe(Math.round((variant.width * 800) / 1200));
    }

    // The stored original is served and carries no location.
    const original = await t.galley.app.request(media.url);
    expect(original.status).toBe(200);
    const stored = await sharp(Buffer.from(await original.arrayBuffer())).metadata();
    expect(stored.exif?.includes(Buffer.from('Galley Test Cam'))).toBe(true);
    const exifr = (await import('exifr')).default;
    const gps = (await exifr.parse(
      Buffer.from(await (await t.galley.app.request(media.url)).arrayBuffer()),
      { gps: true },
    )) as Record<string, unknown> | undefined;
    expect(gps?.['latitude']).toBeUndefined();

    // Searchable by its credit, in the library.
    const found = (await (await api.call('GET', '/media?q=PRADO', api.logins.author)).json()) as {
      items: { id: number }[];
    };
    expect(found.items.map((item) => item.id)).toContain(media.id);
    const none = (await (
      await api.call('GET', '/media?q=nobody-at-all', api.logins.author)
    ).json()) as {
      items: unknown[];
    };
    expect(none.items).toEqual([]);
  });

  it('refuses what is not an image, or too big, naming the file field', async () => {
    const text = await upload(Buffer.from('%PDF-1.7\n1 0 obj\n'), api.logins.author, {
      name: 'a.jpg',
    });
    expect(text.status).toBe(422);
    expect(await text.json()).toMatchObject({
      error: { field: 'file', message: expect.stringContaining('PDF') },
    });

    const huge = await upload(Buffer.alloc(MAX_UPLOAD_BYTES + 1), api.logins.author);
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ error: { field: 'file' } });

    const noFile = await api.call('POST', '/media', api.logins.author, { file: 'nope' });
    expect(noFile.status).toBe(422);
    expect(await noFile.json()).toMatchObject({ error: { field: 'file' } });

    expect((await upload(await cameraPhoto(), null)).status).toBe(401);
    expect((await upload(await cameraPhoto(), api.logins.author, { csrf: false })).status).toBe(
      403,
    );
    // Nothing refused was recorded.
    const rows = await t.galley.db.selectFrom('media').select('id').execute();
    expect(rows).toHaveLength(1);
  });

  it('serves an uploaded lead image to readers as <picture> with AVIF, WebP and a JPEG fallback', async () => {
    const uploaded = (await (
      await upload(await cameraPhoto(), api.logins.editor, { locale: 'en' })
    ).json()) as {
      media: MediaJson;
    };
    const media = uploaded.media;
    await api.call('PATCH', `/media/${media.id}`, api.logins.editor, {
      translations: { en: { alt: 'A blue sky over the harbour', caption: 'The harbour at noon.' } },
      sourceAgency: 'AFP',
    });
    const created = (await (
      await api.call('POST', '/articles', api.logins.editor, {
        locale: 'en',
        headline: 'Harbour under a blue sky',
        slug: 'harbour-blue-sky',
        sectionId: api.sectionId,
        authorIds: [api.authorId],
        leadMediaId: media.id,
        body: doc(p('A clear day.')),
      })
    ).json()) as { article: { id: number; path: string } };
    const published = await api.call(
      'POST',
      `/articles/${created.article.id}/publish`,
      api.logins.editor,
      {},
    );
    expect(published.status).toBe(200);
    const page = await (await t.galley.app.request(created.article.path)).text();
    const picture = /<picture>.*?<\/picture>/s.exec(page)?.[0] ?? '';
    expect(picture).toContain('<source type="image/avif"');
    expect(picture).toContain('<source type="image/webp"');
    expect(picture).toMatch(/<img src="\/media\/uploads\/[^"]+\.jpg" srcset="[^"]+\.jpg \d+w/);
    expect(picture).toContain('alt="A blue sky over the harbour"');
    expect(picture).not.toContain('original.');
    expect(picture).not.toContain('crop-');
    // Search engines get the fixed-ratio crops, in the article's JSON-LD.
    type JsonLdBlock = { image?: { url: string; width: number; height: number }[] };
    const blocks = [...page.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)]
      .map((match) => JSON.parse(match[1] ?? '{}') as JsonLdBlock | JsonLdBlock[])
      .flat();
    const images = blocks.find((block) => block.image)?.image ?? [];
    expect(images.map((image) => /crop-(\w+)\.jpg$/.exec(image.url)?.[1])).toEqual([
      '16x9',
      '4x3',
      '1x1',
    ]);
    expect(images.map((image) => Math.round((image.width / image.height) * 100) / 100)).toEqual([
      1.78, 1.33, 1,
    ]);
    expect(page).toContain('The harbour at noon.');
    expect(page).toContain('AFP');
  });
});
