import { z } from 'zod';
import type { Locale } from '../../db/schema.js';
import { GoneError, NotFoundError } from '../errors.js';
import { defineOperation } from '../operation.js';
import { writersPolicy } from '../policy.js';
import { findArticleForStaff } from '../newsroom/articles-for-staff.js';
import { createArticle } from './create-article.js';
import { idSchema } from './input-schemas.js';

const input = z.object({ id: idSchema });

/**
 * "Create Spanish version" (or English): a draft in the other locale, linked to the story's
 * translation group, with the same section, tags, authors, lead image, dateline and sources.
 * Headline, dek, body and backstory start as copies for the translator to replace; image captions are already per locale. A story
 * that already has that version is refused by createArticle (409, naming the existing article).
 */
export const createTranslation = defineOperation({
  name: 'create the other-language version of an article',
  input,
  policy: writersPolicy,
  async run(run, data) {
    const { trx } = run;
    const original = await findArticleForStaff(trx, data.id);
    if (!original) throw new NotFoundError(`no article with id ${data.id}`);
    if (original.deletedAt !== null) throw new GoneError(`article ${data.id} was deleted`);
    const locale: Locale = original.locale === 'en' ? 'es' : 'en';
    // The same slug reads fine in the other edition's URL space; if it is taken there, mark it.
    const isSlugTaken = await trx
      .selectFrom('articles')
      .select('id')
      .where('locale', '=', locale)
      .where('slug', '=', original.slug)
      .executeTakeFirst();
    const slug = isSlugTaken ? `${original.slug}-${locale}` : original.slug;
    // The draft is made by createArticle's own logic, inside this transaction: one way to create.
    return createArticle.run(run, {
      locale,
      translationOf: original.id,
      headline: original.headline,
      dek: original.dek,
      slug,
      sectionId: original.sectionId,
      type: original.type,
      authorIds: original.authorIds,
      tagIds: original.tagIds,
      leadMediaId: original.leadMediaId,
      leadVideoId: original.leadVideoId,
      leadVideoAutoplay: original.leadVideoAutoplay,
      seoTitle: original.seoTitle,
      seoDescription: original.seoDescription,
      // The same story: the same embargo.
      embargoUntil: original.embargoUntil,
      body: original.body,
      // Like the body, these start as copies: the place and the sources are the same story's,
      // and the translator rewrites the backstory and the sources' notes.
      dateline: original.dateline,
      backstory: original.backstory,
      sources: original.sources,
      revisionNote: `${locale === 'es' ? 'Spanish' : 'English'} version of article ${original.id}, to be translated`,
    });
  },
});
