import { defineOperation } from '../operation.js';
import { writersPolicy } from '../policy.js';
import {
  assertReferencesExist,
  assertSlugFree,
  checkedBody,
  createArticleInput,
  recordRevision,
  replaceBylinesAndTags,
  replaceSources,
  translationGroupFor,
} from './article-support.js';

/** Creates a draft. Nothing reaches readers until `publishArticle`. */
export const createArticle = defineOperation({
  name: 'create an article',
  input: createArticleInput,
  policy: writersPolicy,
  async run({ trx, actor, now, changes }, data) {
    const body = checkedBody(data.body, data.locale);
    await assertReferencesExist(trx, data);
    await assertSlugFree(trx, data.locale, data.slug);
    const translationGroup = await translationGroupFor(trx, data.locale, data.translationOf);
    const stamp = now.toISOString();
    const { id } = await trx
      .insertInto('articles')
      .values({
        locale: data.locale,
        translation_group: translationGroup,
        headline: data.headline,
        dek: data.dek,
        slug: data.slug,
        section_id: data.sectionId,
        type: data.type,
        ...body,
        lead_media_id: data.leadMediaId,
        lead_video_id: data.leadVideoId,
        lead_video_autoplay: data.leadVideoAutoplay ? 1 : 0,
        seo_title: data.seoTitle,
        seo_description: data.seoDescription,
        dateline: data.dateline,
        backstory: data.backstory,
        status: 'draft',
        published_at: null,
        updated_at: stamp,
        created_at: stamp,
        version: 1,
        created_by_user_id: actor.kind === 'staff' ? actor.userId : null,
        embargo_until:
          data.embargoUntil === null ? null : new Date(data.embargoUntil).toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await replaceBylinesAndTags(trx, id, data.authorIds, data.tagIds);
    await replaceSources(trx, id, data.sources);
    await recordRevision(trx, id, { actor, now, note: data.revisionNote });
    changes.events.push({ type: 'article.created', id });
    return { id, translationGroup };
  },
});
