import { expect, it } from 'vitest';
import { sql } from 'kysely';
import { describeEachDialect } from '../test/each-dialect.js';

describeEachDialect(
  'the reader site when something breaks',
  { demo: true, pageCache: false },
  (t) => {
    it('answers 500 with a page in the reader’s language, logs one line, and keeps serving', async () => {
      expect((await t.galley.app.request('/es/')).status).toBe(200);
      // Break the database under the running app: the sections table disappears for a moment.
      await sql`alter table section_translations rename to section_translations_away`.execute(
        t.galley.db,
      );
      try {
        const broken = await t.galley.app.request('/es/ciudad/');
        expect(broken.status).toBe(500);
        expect(broken.headers.get('content-type')).toMatch(/^text\/(html|plain)/);
        const errors = t.logger.lines.filter((line) => line.level === 'error');
        expect(errors).toHaveLength(1);
        expect(errors[0]?.fields).toMatchObject({
          method: 'GET',
          path: '/es/ciudad/',
          status: 500,
        });
      } finally {
        await sql`alter table section_translations_away rename to section_translations`.execute(
          t.galley.db,
        );
      }
      const recovered = await t.galley.app.request('/es/ciudad/');
      expect(recovered.status).toBe(200);
      expect(await recovered.text()).toContain('<html lang="es">');
    });
  },
);
