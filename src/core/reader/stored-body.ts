import type { Kysely } from 'kysely';
import type { BodyDoc } from '../../content/body-schema.js';
import { renderBodyHtml } from '../../content/render-body-html.js';
import type { Database } from '../../db/schema.js';

/**
 * CASE: the row's HTML was rendered by an older renderer (or written before bodies were rendered
 * at write time). Render it now from the stored JSON; the next edit stores fresh HTML.
 */
export async function renderStoredBody(db: Kysely<Database>, articleId: number): Promise<string> {
  const { body, locale } = await db
    .selectFrom('articles')
    .select(['body', 'locale'])
    .where('id', '=', articleId)
    .executeTakeFirstOrThrow();
  return renderBodyHtml(JSON.parse(body) as BodyDoc, locale);
}
