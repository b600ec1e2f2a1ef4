/**
 * Editors' choices for an article's Recommended block: up to three stories pinned (shown first,
 * in this order) and up to fifty excluded (never shown). The ranking itself lives in
 * `core/recommend/`; it reads these choices when it computes the block, which this operation asks
 * for through the refresh queue, in the same transaction.
 *
 * The choices are page furniture, not the story: saving them neither moves the article's version
 * (the editor's autosave would then conflict with a panel beside it) nor records a revision.
 *
 * A newsroom's rules, as the operation applies them:
 * - a story cannot recommend itself, nor its own translation (readers reach that from the
 *   language switch), and a deleted story is never chosen;
 * - only a published story can be newly pinned: a pin is a promise that readers see it, and a
 *   draft or a scheduled story pinned now would show at a time nobody chose. Exclusions may name
 *   any story, published or not ("never put the follow-up next to this one");
 * - a pin that was published when it was chosen and has since been withdrawn stays pinned, so
 *   saving other choices does not force the editor to drop it; the ranking shows only published
 *   stories, so it reappears only if it is published again.
 */
import type { Transaction } from 'kysely';
import { z } from 'zod';
import type { ArticleStatus, Database, Locale } from '../../db/schema.js';
import { cacheKey } from '../change-set.js';
import { ValidationError } from '../errors.js';
import { defineOperation } from '../operation.js';
import { writersPolicy } from '../policy.js';
import { enqueueRecommendationRefresh } from '../recommend/refresh-queue.js';
import { idSchema } from './input-schemas.js';
import { assertMayChangeArticle, findArticleToChange } from './article-support.js';

export const MAX_PINNED_STORIES = 3;
export const MAX_EXCLUDED_STORIES = 50;

const storyIds = (max: number, what: string) =>
  z
    .array(idSchema, { error: 'must be a list of article ids' })
    .max(max, `must list at most ${max} ${what}`);

/** The choices as a request sends them; the article comes from elsewhere (the URL). */
export const recommendationChoicesBody = z.object({
  /** Stories shown first in the block, in this order. */
  pins: storyIds(MAX_PINNED_STORIES, 'pinned stories'),
  /** Stories the block never shows. */
  excludes: storyIds(MAX_EXCLUDED_STORIES, 'excluded stories'),
});

const input = recommendationChoicesBody.extend({ articleId: idSchema });

interface Story {
  id: number;
  headline: string;
  locale: Locale;
  status: ArticleStatus;
  translation_group: string;
  deleted_at: string | null;
}

const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', es: 'Spanish' };

/** Replaces the article's pinned and excluded stories with these, and asks for a new block. */
export const setRecommendationChoices = defineOperation({
  name: "choose the stories pinned to and excluded from an article's Recommended block",
  input,
  policy: writersPolicy,
  async run({ trx, actor, now, changes }, data) {
    const article = await findArticleToChange(trx, data.articleId);
    // Whoever may edit the article's fields may choose its recommendations: they are its page.
    assertMayChangeArticle(actor, article, 'edit');

    assertNoRepeats('pins', data.pins);
    assertNoRepeats('excludes', data.excludes);
    data.excludes.forEach((id, index) => {
      const pinnedAt = data.pins.indexOf(id);
      if (pinnedAt >= 0)
        throw new ValidationError(
          `excludes[${index}]`,
          `story ${id} is also pinned (pins[${pinnedAt}]); a story is either pinned or excluded`,
        );
    });

    const stories = await findStories(trx, [...data.pins, ...data.excludes]);
    const current = await trx
      .selectFrom('recommendation_choices')
      .select(['target_id', 'kind', 'created_at'])
      .where('article_id', '=', article.id)
      .execute();
    const chosenAt = new Map(
      current.map((row) => [`${row.kind}:${row.target_id}`, row.created_at]),
    );

    data.pins.forEach((id, index) => {
      const story = assertChoosable(`pins[${index}]`, id, article, stories);
      const wasPinned = chosenAt.has(`pin:${id}`);
      if (story.status !== 'published' && !wasPinned)
        throw new ValidationError(
          `pins[${index}]`,
          `"${story.headline}" (article ${id}) is not published (${story.status.replace('_', ' ')}); pin it once readers can see it`,
        );
    });
    data.excludes.forEach((id, index) =>
      assertChoosable(`excludes[${index}]`, id, article, stories),
    );

    await trx.deleteFrom('recommendation_choices').where('article_id', '=', article.id).execute();
    const rows = [
      ...data.pins.map((id, position) => ({ id, kind: 'pin' as const, position })),
      ...data.excludes.map((id) => ({ id, kind: 'exclude' as const, position: 0 })),
    ];
    if (rows.length > 0)
      await trx
        .insertInto('recommendation_choices')
        .values(
          rows.map((row) => ({
            article_id: article.id,
            target_id: row.id,
            kind: row.kind,
            position: row.position,
            // When the story was chosen, kept across saves that leave the choice as it was.
            created_at: chosenAt.get(`${row.kind}:${row.id}`) ?? now.toISOString(),
          })),
        )
        .execute();

    await enqueueRecommendationRefresh(trx, { articleIds: [article.id], changedIds: [] }, now);
    changes.cacheKeys.add(cacheKey.article(article.id));
    return { articleId: article.id, pins: data.pins, excludes: data.excludes };
  },
});

function assertNoRepeats(field: 'pins' | 'excludes', ids: number[]): void {
  ids.forEach((id, index) => {
    const first = ids.indexOf(id);
    if (first !== index)
      throw new ValidationError(
        `${field}[${index}]`,
        `story ${id} is listed twice (also ${field}[${first}])`,
      );
  });
}

async function findStories(trx: Transaction<Database>, ids: number[]): Promise<Map<number, Story>> {
  if (ids.length === 0) return new Map();
  const rows = await trx
    .selectFrom('articles')
    .select(['id', 'headline', 'locale', 'status', 'translation_group', 'deleted_at'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((row) => [row.id, row]));
}

/** The story `id` may be chosen for `article`'s block at all, whichever the choice. */
function assertChoosable(
  field: string,
  id: number,
  article: { id: number; translation_group: string },
  stories: Map<number, Story>,
): Story {
  if (id === article.id)
    throw new ValidationError(field, `is this article itself; a story never recommends itself`);
  const story = stories.get(id);
  if (!story) throw new ValidationError(field, `no article with id ${id}`);
  if (story.deleted_at !== null) throw new ValidationError(field, `article ${id} was deleted`);
  if (story.translation_group === article.translation_group)
    throw new ValidationError(
      field,
      `"${story.headline}" is this story's ${LANGUAGE_NAMES[story.locale]} version; readers reach it from the language switch`,
    );
  return story;
}
