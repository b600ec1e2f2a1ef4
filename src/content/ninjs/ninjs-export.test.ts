/**
 * Every demo article (every type, with and without a lead image, in both languages) as ninjs 3.1,
 * checked by ajv against IPTC's official schema with zero errors.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formatsPlugin from 'ajv-formats';
import { expect, it } from 'vitest';
import { findArticleForNinjs } from '../../api/admin/ninjs-routes.js';
import { systemActor } from '../../core/actor.js';
import { runOperation } from '../../core/operation.js';
import { updateArticle } from '../../core/operations/index.js';
import { ARTICLE_TYPES } from '../../db/schema.js';
import { describeEachDialect } from '../../test/each-dialect.js';
import { testdataPath } from '../../test/testdata.js';
import { doc, image, link, p } from '../body-builders.js';
import { articleToNinjs, ninjsArticleUri } from './ninjs-export.js';

// ajv-formats is CommonJS: its default export is the module itself under some loaders.
const addFormats = ((formatsPlugin as unknown as { default?: typeof formatsPlugin }).default ??
  formatsPlugin) as unknown as (ajv: Ajv2020) => Ajv2020;

const readJson = (path: string): object => JSON.parse(readFileSync(path, 'utf8')) as object;
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
ajv.addSchema(readJson(testdataPath('ninjs/specification/GeoJSON-schema.json')));
const validate = ajv.compile(readJson(testdataPath('ninjs/specification/ninjs-schema_3.1.json')));

const options = { publicUrl: 'https://news.galley.test', publicationName: 'La Marea' };

describeEachDialect('ninjs export', { demo: true }, (t) => {
  it('exports every demo article as valid ninjs 3.1 (every type, with and without images)', async () => {
    const rows = await t.galley.db
      .selectFrom('articles')
      .select(['id', 'type', 'lead_media_id'])
      .orderBy('id')
      .execute();
    expect(new Set(rows.map((row) => row.type))).toEqual(new Set(ARTICLE_TYPES));
    expect(rows.some((row) => row.lead_media_id === null)).toBe(true);
    expect(rows.some((row) => row.lead_media_id !== null)).toBe(true);
    for (const row of rows) {
      const data = await findArticleForNinjs(t.galley.db, row.id);
      if (!data) throw new Error(`article ${row.id} vanished`);
      const ninjs = articleToNinjs(data, options);
      expect(validate(ninjs), `article ${row.id}: ${JSON.stringify(validate.errors)}`).toBe(true);
      expect(ninjs).toMatchObject({
        uri: ninjsArticleUri(options.publicUrl, data),
        version: String(data.version),
        language: data.locale,
        pubStatus: 'usable',
        headlines: [
          { role: 'main', value: data.headline },
          ...(data.dek ? [{ role: 'subheadline', value: data.dek }] : []),
        ],
        genres: [expect.objectContaining({ literal: row.type })],
        by: expect.stringContaining(data.authors[0]?.name ?? '?'),
      });
      const bodies = ninjs['bodies'] as { contentType: string; value: string }[];
      expect(bodies.map((body) => body.contentType)).toEqual(['text/html', 'text/plain']);
      expect(bodies[0]?.value).not.toMatch(/(src|href)="\/(?!\/)/);
      if (row.lead_media_id !== null) {
        const [lead] = ninjs['associations'] as {
          name: string;
          renditions: { href: string; width: number }[];
        }[];
        expect(lead?.name).toBe('featureimage');
        expect(lead?.renditions[0]?.href).toMatch(/^https:\/\/news\.galley\.test\/media\//);
      }
    }
  });

  it('makes body images associations and site links absolute; an embargoed draft is withheld', async () => {
    const [row] = await t.galley.db
      .selectFrom('articles')
      .select(['id', 'version'])
      .where('type', '=', 'news')
      .orderBy('id')
      .limit(1)
      .execute();
    if (!row) throw new Error('no news article in the demo');
    await runOperation(t.galley.core, updateArticle, systemActor('test'), {
      id: row.id,
      body: doc(
        p('See ', link('the section', '/en/city/'), '.'),
        image({
          src: '/media/demo/harbor-960.webp',
          alt: 'The harbour',
          caption: 'At dawn',
          credit: 'Lucia Prado',
          width: 960,
          height: 640,
        }),
      ),
      embargoUntil: '2999-01-01T00:00:00Z',
    });
    await t.galley.db
      .updateTable('articles')
      .set({ status: 'draft' })
      .where('id', '=', row.id)
      .execute();
    const data = await findArticleForNinjs(t.galley.db, row.id);
    if (!data) throw new Error('vanished');
    const ninjs = articleToNinjs(data, options);
    expect(validate(ninjs), JSON.stringify(validate.errors)).toBe(true);
    expect(ninjs).toMatchObject({
      pubStatus: 'withheld',
      embargoedUntil: '2999-01-01T00:00:00.000Z',
      version: String(row.version + 1),
    });
    const html = (ninjs['bodies'] as { value: string }[])[0]?.value ?? '';
    expect(html).toContain('<a href="https://news.galley.test/en/city/">the section</a>');
    expect(html).toContain('src="https://news.galley.test/media/demo/harbor-960.webp"');
    const inline = (ninjs['associations'] as Record<string, unknown>[]).find(
      (a) => a['name'] === 'image-1',
    );
    expect(inline).toMatchObject({
      by: 'Lucia Prado',
      descriptions: [
        { role: 'caption', value: 'At dawn' },
        { role: 'alt', value: 'The harbour' },
      ],
      renditions: [
        {
          name: 'original',
          href: 'https://news.galley.test/media/demo/harbor-960.webp',
          width: 960,
          height: 640,
        },
      ],
    });
  });
});
