/**
 * What the newsroom sees of an article's Recommended block: the editors' choices (pins in order,
 * excludes), each with enough of its story to name it, and the block as last computed.
 */
import type { Kysely } from 'kysely';
import type { ArticleStatus, Database, Locale } from '../../db/schema.js';

/** A chosen story: which one, in which language, and whether readers can see it. */
export interface ChosenStory {
  id: number;
  headline: string;
  locale: Locale;
  status: ArticleStatus;
}

/** One story of the computed block, in its place. */
export interface BlockStory {
  id: number;
  headline: string;
  locale: Locale;
  /** The story's status now: a block computed before it was withdrawn may still list it. */
  status: ArticleStatus;
  /** 'pin' when an editor pinned it; 'ranked' when the ranking chose it. */
  reason: 'pin' | 'ranked';
  position: number;
}

export interface StaffRecommendations {
  choices: { pins: ChosenStory[]; excludes: ChosenStory[] };
  block: BlockStory[];
  /** When the block was computed; null before it ever was. */
  computedAt: string | null;
}

export async function findRecommendationsForStaff(
  db: Kysely<Database>,
  articleId: number,
): Promise<StaffRecommendations> {
  const [choices, block] = await Promise.all([
    db
      .selectFrom('recommendation_choices as c')
      .innerJoin('articles as a', 'a.id', 'c.target_id')
      .select(['c.kind', 'a.id', 'a.headline', 'a.locale', 'a.status'])
      // A deleted story is out of every block; the next save drops the choice.
      .where('a.deleted_at', 'is', null)
      .where('c.article_id', '=', articleId)
      .orderBy('c.position')
      .orderBy('a.headline')
      .execute(),
    db
      .selectFrom('article_recommendations as r')
      .innerJoin('articles as a', 'a.id', 'r.recommended_id')
      .select([
        'a.id',
        'a.headline',
        'a.locale',
        'a.status',
        'r.reason',
        'r.position',
        'r.computed_at',
      ])
      .where('r.article_id', '=', articleId)
      .orderBy('r.position')
      .execute(),
  ]);
  const story = (row: ChosenStory): ChosenStory => ({
    id: row.id,
    headline: row.headline,
    locale: row.locale,
    status: row.status,
  });
  return {
    choices: {
      pins: choices.filter((row) => row.kind === 'pin').map(story),
      excludes: choices.filter((row) => row.kind === 'exclude').map(story),
    },
    block: block.map((row) => ({
      id: row.id,
      headline: row.headline,
      locale: row.locale,
      status: row.status,
      reason: row.reason,
      position: row.position,
    })),
    computedAt: block[0]?.computed_at ?? null,
  };
}
