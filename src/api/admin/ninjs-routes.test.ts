/**
 * ninjs through the Admin API: the IPTC text examples come in and go out again as valid ninjs
 * 3.1; importing twice changes nothing; newer versions update; broken documents are refused with
 * the schema path; hostile HTML arrives clean; images are fetched from a local server, and the
 * ones that cannot be fetched keep their words and are marked missing.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formatsPlugin from 'ajv-formats';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemActor } from '../../core/actor.js';
import { runOperation } from '../../core/operation.js';
import { createSection, createTag } from '../../core/operations/index.js';
import type { NinjsImportReport } from '../../core/operations/import-ninjs.js';
import { setUpAdminApiClient } from '../../test/admin-api-client.js';
import type { AdminApiClient } from '../../test/admin-api-client.js';
import { describeEachDialect } from '../../test/each-dialect.js';
import { testdataPath } from '../../test/testdata.js';
import { LocalMediaStore } from '../../media/media-store.js';
import { importNinjsDocument } from './ninjs-routes.js';

// ajv-formats is CommonJS: its default export is the module itself under some loaders.
const addFormats = ((formatsPlugin as unknown as { default?: typeof formatsPlugin }).default ??
  formatsPlugin) as unknown as (ajv: Ajv2020) => Ajv2020;

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
ajv.addSchema(readJson(testdataPath('ninjs/specification/GeoJSON-schema.json')) as object);
const validateNinjs31 = ajv.compile(
  readJson(testdataPath('ninjs/specification/ninjs-schema_3.1.json')) as object,
);

type Json = Record<string, unknown>;
const folder = testdataPath('ninjs/examples/3.0');
/** Text stories: type text or composite, or no type but a body and no event details. */
const textExamples = readdirSync(folder)
  .filter((name) => name.endsWith('.json'))
  .map((name) => ({ name, json: readJson(join(folder, name)) as Json }))
  .filter(
    ({ json }) =>
      json['type'] === 'text' ||
      json['type'] === 'composite' ||
      (json['type'] === undefined &&
        json['bodies'] !== undefined &&
        json['eventDetails'] === undefined),
  );

const example = (match: (e: { name: string }) => boolean): Json => {
  const found = textExamples.find(match);
  if (!found) throw new Error('no such example');
  return found.json;
};

/**
 * The examples' images live on agency servers; tests never use the network. Every rendition is
 * pointed at a loopback address, which the API refuses to fetch, so each is reported missing.
 */
function offline(json: Json): Json {
  return JSON.parse(
    JSON.stringify(json).replace(/"href":"https?:\/\/[^/"]+/g, '"href":"http://127.0.0.1:9'),
  ) as Json;
}

const story = (overrides: Json = {}): Json => ({
  uri: 'urn:galley-test:wire:harbour-1',
  type: 'text',
  version: '1',
  language: 'en-GB',
  firstCreated: '2024-05-17T08:00:00Z',
  headlines: [{ role: 'main', value: 'Harbour crane returns to service' }],
  by: 'Marta Lindqvist and Rita Gómez',
  subjects: [{ name: 'Port', rel: 'about' }],
  bodies: [
    { contentType: 'text/html', value: '<p>The crane lifted its first container at dawn.</p>' },
  ],
  ...overrides,
});

describeEachDialect('Admin API ninjs', { demo: false }, (t) => {
  let api: AdminApiClient;
  let imageServer: ReturnType<typeof createServer>;
  let imageUrl = '';
  let closedPortUrl = '';

  const post = async (document: unknown, query = '') => {
    const response = await api.call('POST', `/imports/ninjs${query}`, api.logins.editor, document);
    return {
      status: response.status,
      body: (await response.json()) as {
        import: NinjsImportReport;
        error?: { message: string; field?: string };
      },
    };
  };
  const exported = async (id: number) => {
    const response = await api.call('GET', `/articles/${id}/ninjs`, api.logins.contributor);
    expect(response.status).toBe(200);
    return (await response.json()) as Json;
  };
  const articleRow = (id: number) =>
    t.galley.db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  beforeAll(async () => {
    api = await setUpAdminApiClient(t.galley);
    const system = systemActor('test');
    await runOperation(t.galley.core, createSection, system, {
      position: 1,
      translations: {
        en: { name: 'Sport', slug: 'sport' },
        es: { name: 'Deportes', slug: 'deportes' },
      },
    });
    await runOperation(t.galley.core, createTag, system, {
      translations: {
        en: { name: 'Cycling', slug: 'cycling' },
        es: { name: 'Ciclismo', slug: 'ciclismo' },
      },
    });
    const jpeg = await sharp({
      create: { width: 1200, height: 800, channels: 3, background: '#2a6f97' },
    })
      .jpeg()
      .toBuffer();
    imageServer = createServer((request, response) => {
      if (request.url === '/crane.jpg')
        response.writeHead(200, { 'content-type': 'image/jpeg' }).end(jpeg);
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => imageServer.listen(0, '127.0.0.1', resolve));
    imageUrl = `http://127.0.0.1:${(imageServer.address() as AddressInfo).port}/crane.jpg`;
    // A port that was open a moment ago and is closed now: connection refused, at once.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    closedPortUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/gone.jpg`;
    await new Promise((resolve) => closed.close(resolve));
  });
  afterAll(() => new Promise((resolve) => imageServer.close(resolve)));

  it('imports every IPTC text example and exports it again as valid ninjs 3.1; twice changes nothing', async () => {
    expect(textExamples.map((e) => e.name).sort()).toEqual([
      '20231008-anti-doping-measures-at-the-tour-down-under-will-be-the-toughest-ever-addb-ninjs-nitf.json',
      'businesswire-newsml-20130605006126.json',
      'businesswire-newsml-20130731006140.json',
      'dpa_text.json',
      'ninjsExSimpleText_3.json',
      'ntb_text.json',
      'tt_text_image_3.json',
    ]);
    for (const { name, json } of textExamples) {
      const document = offline(json);
      const language = String(json['language'] ?? '');
      const isOurs = /^(en|es)\b/.test(language);
      if (!isOurs && language) {
        const refused = await post(document);
        expect(refused.status, name).toBe(422);
        expect(refused.body.error?.field).toBe('/language');
      }
      const first = await post(document, isOurs ? '' : '?locale=en');
      expect(first.status, `${name}: ${JSON.stringify(first.body)}`).toBe(201);
      expect(first.body.import).toMatchObject({ uri: json['uri'], result: 'created' });
      const articleId = first.body.import.articleId ?? 0;
      const before = await articleRow(articleId);
      expect(before.status).toBe('draft');
      expect(before.headline.length).toBeGreaterThan(0);

      const ninjs = await exported(articleId);
      const valid = validateNinjs31(ninjs);
      expect(validateNinjs31.errors ?? [], name).toEqual([]);
      expect(valid).toBe(true);

      const again = await post(document, isOurs ? '' : '?locale=en');
      expect(again.status, name).toBe(200);
      expect(again.body.import).toMatchObject({
        result: 'skipped',
        articleId,
        version: before.version,
      });
      expect((await articleRow(articleId)).version).toBe(before.version);
    }
    const total = await t.galley.db
      .selectFrom('ninjs_imports')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(total.n)).toBe(textExamples.length);
  });

  it('maps subjects to the section and tags, bylines to authors, images to missing with their words', async () => {
    const antiDoping = example((e) => e.name.startsWith('20231008'));
    const record = await t.galley.db
      .selectFrom('ninjs_imports')
      .selectAll()
      .where('source_uri', '=', String(antiDoping['uri']))
      .executeTakeFirstOrThrow();
    const article = await articleRow(record.article_id);
    const sport = await t.galley.db
      .selectFrom('section_translations')
      .select('section_id')
      .where('slug', '=', 'sport')
      .executeTakeFirstOrThrow();
    expect(article.section_id).toBe(sport.section_id);
    const tags = await t.galley.db
      .selectFrom('article_tags as at')
      .innerJoin('tag_translations as t', 't.tag_id', 'at.tag_id')
      .select('t.name')
      .where('at.article_id', '=', article.id)
      .where('t.locale', '=', 'en')
      .execute();
    expect(tags.map((tag) => tag.name)).toEqual(['Cycling']);
    const authors = await t.galley.db
      .selectFrom('article_authors as aa')
      .innerJoin('authors as a', 'a.id', 'aa.author_id')
      .select('a.name')
      .where('aa.article_id', '=', article.id)
      .orderBy('aa.position')
      .execute();
    expect(authors.map((a) => a.name)).toEqual(['Trond Husø', 'The Anti-Doping Database']);

    // TT's picture could not be fetched (the API does not fetch from private addresses).
    const tt = example((e) => e.name === 'tt_text_image_3.json');
    const ttRecord = await t.galley.db
      .selectFrom('ninjs_imports')
      .selectAll()
      .where('source_uri', '=', String(tt['uri']))
      .executeTakeFirstOrThrow();
    const response = await api.call(
      'GET',
      `/articles/${ttRecord.article_id}/ninjs-import`,
      api.logins.author,
    );
    const { import: imported } = (await response.json()) as {
      import: {
        missingImages: { name: string; credit: string; caption: string; reason: string }[];
      };
    };
    expect(imported.missingImages).toEqual([
      expect.objectContaining({
        name: 'a001',
        credit: 'Karl Melander/TT',
        reason: expect.stringMatching(/private or local address/),
      }),
    ]);
    expect(imported.missingImages[0]?.caption).toMatch(/^En stor internationell försvarsövning/);
    expect((await articleRow(ttRecord.article_id)).lead_media_id).toBeNull();
  });

  it('refuses an invalid document with the schema path that failed, and non-stories', async () => {
    const broken = await post(story({ headlines: [{ role: 'main', value: 7 }] }));
    expect(broken.status).toBe(422);
    expect(broken.body.error).toEqual({
      message: '/headlines/0/value: must be string',
      field: '/headlines/0/value',
    });
    const noUri = await post({ headlines: [{ value: 'x' }] });
    expect(noUri.body.error?.message).toBe('/uri: is required');
    const picture = await post({ uri: 'urn:x:1', type: 'picture' });
    expect(picture.status).toBe(422);
    expect(picture.body.error?.field).toBe('/type');
    const contributor = await api.call('POST', '/imports/ninjs', api.logins.contributor, story());
    expect(contributor.status).toBe(403);
  });

  it('imports hostile HTML clean, published with ?publish=true', async () => {
    const hostile = story({
      uri: 'urn:galley-test:wire:hostile',
      headlines: [{ role: 'main', value: 'Council approves ferry budget' }],
      bodies: [
        {
          contentType: 'text/html',
          value: `<p onclick="steal()">The council voted <script>document.location='https://evil.example'</script>9-2.</p>
          <p><a href="javascript:alert(1)">Read more</a> <a href="https://council.example/minutes" onmouseover="x()">minutes</a></p>
          <iframe src="https://evil.example/frame"></iframe><img src="https://evil.example/pixel.gif" onerror="alert(2)">
          <div><span><b><i>Nested <u>junk</u></i></b></span></div><style>*{display:none}</style>`,
        },
      ],
    });
    const { status, body } = await post(hostile, '?publish=true');
    expect(status).toBe(201);
    expect(body.import.reasons).toContain('published');
    const article = await articleRow(body.import.articleId ?? 0);
    expect(article.status).toBe('published');
    const page = await t.galley.app.request(`/en/port/${article.slug}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('The council voted 9-2.');
    expect(html).toContain('<a href="https://council.example/minutes">minutes</a>');
    for (const stored of [article.body, article.body_html, html])
      for (const bad of [
        'evil.example',
        'javascript:',
        'onclick',
        'onmouseover',
        'onerror',
        'steal()',
        'alert(',
        'display:none',
        '<iframe',
      ])
        expect(stored, bad).not.toContain(bad);
  });

  it('updates on a newer version, skips an older one, and unpublishes a canceled story', async () => {
    const first = await post(story({ uri: 'urn:galley-test:wire:versions' }), '?publish=true');
    expect(first.body.import.result).toBe('created');
    const id = first.body.import.articleId ?? 0;
    const v1 = await articleRow(id);
    expect(v1.status).toBe('published');
    expect(v1.published_at).toBe('2024-05-17T08:00:00.000Z');

    const newer = await post(
      story({
        uri: 'urn:galley-test:wire:versions',
        version: '2',
        headlines: [{ role: 'main', value: 'Harbour crane back after repairs' }],
      }),
    );
    expect(newer.status).toBe(200);
    expect(newer.body.import).toMatchObject({
      result: 'updated',
      articleId: id,
      version: v1.version + 1,
    });
    const v2 = await articleRow(id);
    expect(v2.headline).toBe('Harbour crane back after repairs');
    expect(v2.slug).toBe(v1.slug);
    const revision = await t.galley.db
      .selectFrom('article_revisions')
      .select('note')
      .where('article_id', '=', id)
      .where('version', '=', v2.version)
      .executeTakeFirstOrThrow();
    expect(revision.note).toBe('imported from ninjs urn:galley-test:wire:versions (version 2)');

    const older = await post(
      story({
        uri: 'urn:galley-test:wire:versions',
        version: '1',
        headlines: [{ role: 'main', value: 'Old' }],
      }),
    );
    expect(older.body.import.result).toBe('skipped');
    expect(older.body.import.reasons[0]).toMatch(/older than the imported version 2/);
    expect((await articleRow(id)).headline).toBe('Harbour crane back after repairs');

    const killed = await post(
      story({ uri: 'urn:galley-test:wire:versions', version: '3', pubStatus: 'canceled' }),
    );
    expect(killed.body.import).toMatchObject({ result: 'updated', articleId: id });
    expect((await articleRow(id)).status).toBe('unpublished');
  });

  it('fetches images (lead and in the body), marks unreachable ones missing, and publishes only with alt text', async () => {
    const deps = {
      core: t.galley.core,
      db: t.galley.db,
      mediaStore: new LocalMediaStore(join(t.galley.config.dataDir, 'media')),
    };
    const withImages = (alt: string) =>
      story({
        uri: `urn:galley-test:wire:images-${alt ? 'alt' : 'no-alt'}`,
        headlines: [{ role: 'main', value: `Crane pictures ${alt ? 'described' : 'undescribed'}` }],
        bodies: [
          {
            contentType: 'text/html',
            value: `<p>Look.</p><figure><img src="${closedPortUrl}" data-assoc-ref="gone"><figcaption>Lost picture</figcaption></figure><img src="${imageUrl}" alt="${alt}">`,
          },
        ],
        associations: [
          {
            name: 'featureimage',
            uri: 'urn:galley-test:img:lead',
            type: 'picture',
            by: 'Ana Ruiz/Wire',
            descriptions: [
              { role: 'caption', value: 'The crane at dawn' },
              ...(alt ? [{ role: 'alt', value: 'A blue crane over containers' }] : []),
            ],
            renditions: [
              {
                name: 'large',
                href: imageUrl,
                contentType: 'image/jpeg',
                width: 1200,
                height: 800,
              },
            ],
          },
          {
            name: 'gone',
            uri: 'urn:galley-test:img:gone',
            type: 'picture',
            by: 'Pablo Ortega',
            descriptions: [{ role: 'caption', value: 'Lost picture' }],
            renditions: [
              { name: 'large', href: closedPortUrl, contentType: 'image/jpeg', width: 1600 },
            ],
          },
          {
            name: 'inline',
            uri: imageUrl,
            type: 'picture',
            renditions: [{ name: 'large', href: imageUrl, contentType: 'image/jpeg' }],
          },
        ],
      });
    const options = {
      publish: true,
      sectionSlug: null,
      locale: null,
      fetch: { timeoutMs: 2000, maxBytes: 5_000_000, allowPrivateNetwork: true },
    };

    const undescribed = await importNinjsDocument(
      deps,
      systemActor('test'),
      withImages(''),
      options,
    );
    expect(undescribed.result).toBe('created');
    expect(undescribed.reasons.join('\n')).toMatch(
      /image "gone" is missing \(could not fetch it \(ECONNREFUSED\)\)/,
    );
    expect(undescribed.reasons.join('\n')).toMatch(
      /left as a draft: leadMediaId: the lead image has no alt text in English/,
    );
    const draft = await articleRow(undescribed.articleId ?? 0);
    expect(draft.status).toBe('draft');
    expect(draft.lead_media_id).not.toBeNull();
    const lead = await t.galley.db
      .selectFrom('media_translations')
      .selectAll()
      .where('media_id', '=', draft.lead_media_id ?? 0)
      .where('locale', '=', 'en')
      .executeTakeFirstOrThrow();
    expect(lead).toMatchObject({ caption: 'The crane at dawn', credit: 'Ana Ruiz/Wire', alt: '' });
    const record = await t.galley.db
      .selectFrom('ninjs_imports')
      .selectAll()
      .where('article_id', '=', draft.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(record.missing_images)).toEqual([
      expect.objectContaining({
        name: 'gone',
        caption: 'Lost picture',
        credit: 'Pablo Ortega',
        href: closedPortUrl,
      }),
    ]);

    const described = await importNinjsDocument(
      deps,
      systemActor('test'),
      withImages('A crane, seen from the quay'),
      options,
    );
    expect(described.reasons).toContain('published');
    const published = await articleRow(described.articleId ?? 0);
    expect(published.status).toBe('published');
    expect(published.body_html).toMatch(
      /<img src="\/media\/imports\/[^"]+\.jpg" alt="A crane, seen from the quay"/,
    );
    expect(published.body_html).not.toContain('127.0.0.1');
    const page = await t.galley.app.request(`/en/port/${published.slug}`);
    expect(page.status).toBe(200);

    const ninjs = await exported(published.id);
    expect(validateNinjs31(ninjs), JSON.stringify(validateNinjs31.errors)).toBe(true);
    const associations = ninjs['associations'] as Json[];
    expect(associations.map((a) => a['name'])).toEqual(['featureimage', 'image-1']);
    expect(associations[0]).toMatchObject({
      by: 'Ana Ruiz/Wire',
      descriptions: [
        { role: 'caption', value: 'The crane at dawn' },
        { role: 'alt', value: 'A blue crane over containers' },
      ],
    });
    const renditions = associations[0]?.['renditions'] as Json[];
    expect(renditions[0]).toMatchObject({
      href: expect.stringMatching(/^https:\/\/news\.galley\.test\/media\/imports\//),
      width: 1200,
      height: 800,
      contentType: 'image/jpeg',
    });
    expect(renditions.length).toBeGreaterThan(3);
  });
});
