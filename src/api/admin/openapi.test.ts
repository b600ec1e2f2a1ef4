import { Validator } from '@seriousme/openapi-schema-validator';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/each-dialect.js';
import { ADMIN_ROUTES } from './admin-api.js';

describeEachDialect('the Admin API OpenAPI document', { demo: false }, (t) => {
  it('is valid OpenAPI 3.1 and describes every route', async () => {
    const response = await t.galley.app.request('/api/admin/openapi.json');
    expect(response.status).toBe(200);
    const document = (await response.json()) as { paths: Record<string, Record<string, unknown>> };
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    for (const route of ADMIN_ROUTES) {
      const path = `/api/admin${route.path}`.replace(/:(\w+)/g, '{$1}');
      expect(
        document.paths[path]?.[route.method.toLowerCase()],
        `${route.method} ${path}`,
      ).toBeDefined();
    }
    // The request schemas are the validators' own: the create body lists what createArticle needs.
    const create = document.paths['/api/admin/articles']?.['post'] as {
      requestBody: { content: { 'application/json': { schema: { required: string[] } } } };
    };
    expect(create.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['headline', 'slug', 'sectionId', 'authorIds', 'locale']),
    );
  });
});
