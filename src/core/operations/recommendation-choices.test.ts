/**
 * setRecommendationChoices on both databases: choices replaced in order, the refresh job and the
 * cache key written with them, every refusal naming its field (the article itself, its
 * translation, unknown, deleted and unpublished stories, repeats, limits), nothing written by a
 * refused save, and who may choose (whoever may edit the article).
 */
import { beforeAll, expect, it } from 'vitest';
import { doc, p } from '../../content/body-builders.js';
import { describeEachDialect } from '../../test/each-dialect.js';
import { systemActor } from '../actor.js';
import type { Actor } from '../actor.js';
import { cacheKey } from '../change-set.js';
import type { ChangeSet } from '../change-set.js';
import type { GalleyError } from '../errors.js';
import { runOperation } from '../operation.js';
import { RECOMMENDATIONS_JOB } from '../recommend/refresh-queue.js';
import {
  createArticle,
  createAuthor,
  createSection,
  createStaffUser,
  deleteArticle,
  publishArticle,
  scheduleArticle,
  setRecommendationChoices,
  setUpPublication,
  unpublishArticle,
} from './index.js';

const system = systemActor('test');

describeEachDialect('recommendation choices', { demo: false }, (t) => {
  const run = <I, O>(
    operation: Parameters<typeof runOperation<I, O>>[1],
    input: unknown,
    actor: Actor = system,
  ) => runOperation(t.galley.core, operation, actor, input);
  const choose = (input: Record<string, unknown>, actor: Actor = staff.editor) =>
    run(setRecommendationChoices, input, actor);

  /** The refusal a promise ends with: its HTTP status, field and message. */
  const refusal = async (promise: Promise<unknown>) => {
    const error = (await promise.then(
      () => null,
      (caught: unknown) => caught,
    )) as GalleyError | null;
    if (!error) throw new Error('the operation was expected to refuse');
    return { status: error.status, field: error.field, message: error.message };
  };

  const staff = {} as Record<'contributor' | 'author' | 'otherAuthor' | 'editor', Actor>;
  let sectionId = 0;
  let authorId = 0;
  let slugCounter = 0;

  async function story(
    options: {
      locale?: 'en' | 'es';
      headline?: string;
      translationOf?: number;
      publish?: boolean;
      actor?: Actor;
    } = {},
  ): Promise<number> {
    const { id } = await run(
      createArticle,
      {
        locale: options.locale ?? 'en',
        headline: options.headline ?? `Story ${slugCounter + 1}`,
        slug: `story-${++slugCounter}`,
        sectionId,
        authorIds: [authorId],
        translationOf: options.translationOf ?? null,
        body: doc(p('The ferry runs again from Monday.')),
      },
      options.actor ?? system,
    );
    if (options.publish ?? true) await run(publishArticle, { id });
    return id;
  }

  const storedChoices = (articleId: number) =>
    t.galley.db
      .selectFrom('recommendation_choices')
      .select(['target_id', 'kind', 'position', 'created_at'])
      .where('article_id', '=', articleId)
      .orderBy('kind', 'desc')
      .orderBy('position')
      .orderBy('target_id')
      .execute();

  const refreshJobsFor = async (articleId: number) => {
    const jobs = await t.galley.db
      .selectFrom('jobs')
      .select('payload')
      .where('kind', '=', RECOMMENDATIONS_JOB)
      .orderBy('id')
      .execute();
    return jobs
      .map((job) => JSON.parse(job.payload) as { articleIds: number[]; changedIds: number[] })
      .filter((payload) => payload.articleIds.includes(articleId));
  };

  beforeAll(async () => {
    const roles = {
      contributor: 'contributor',
      author: 'author',
      otherAuthor: 'author',
      editor: 'editor',
    } as const;
    for (const [key, role] of Object.entries(roles) as [keyof typeof staff, string][]) {
      const { id } = await run(createStaffUser, {
        email: `${key.toLowerCase()}@recommend.galley.example`,
        name: key,
        role,
        password: 'a long enough passphrase',
      });
      staff[key] = { kind: 'staff', userId: id, role: roles[key] };
    }
    await run(setUpPublication, {
      name: 'Test Gazette',
      timeZone: 'UTC',
      translations: { en: { tagline: 'News' }, es: { tagline: 'Noticias' } },
    });
    ({ id: sectionId } = await run(createSection, {
      translations: { en: { name: 'Port', slug: 'port' }, es: { name: 'Puerto', slug: 'puerto' } },
    }));
    ({ id: authorId } = await run(createAuthor, {
      slug: 'rita-gomez',
      name: 'Rita Gómez',
      translations: { en: { bio: '' }, es: { bio: '' } },
    }));
  });

  it('stores pins in order and excludes, asks for the block again, and drops the article page', async () => {
    const article = await story();
    const [first, second] = [await story(), await story({ locale: 'es' })];
    const draft = await story({ publish: false });
    const seen: ChangeSet[] = [];
    t.galley.core.listeners.push((changes) => seen.push(changes));
    // Publishing may ask for blocks too; the jobs that count here are the ones this save adds.
    const jobsBefore = (await refreshJobsFor(article)).length;

    const result = await choose({ articleId: article, pins: [second, first], excludes: [draft] });

    expect(result).toEqual({ articleId: article, pins: [second, first], excludes: [draft] });
    expect(
      (await storedChoices(article)).map(({ target_id, kind, position }) => ({
        target_id,
        kind,
        position,
      })),
    ).toEqual([
      { target_id: second, kind: 'pin', position: 0 },
      { target_id: first, kind: 'pin', position: 1 },
      { target_id: draft, kind: 'exclude', position: 0 },
    ]);
    expect((await refreshJobsFor(article)).slice(jobsBefore)).toEqual([
      { articleIds: [article], changedIds: [] },
    ]);
    expect([...(seen.at(-1)?.cacheKeys ?? [])]).toContain(cacheKey.article(article));
  });

  it('replaces every earlier choice, keeping when an unchanged one was first made', async () => {
    const article = await story();
    const [kept, dropped, excluded] = [await story(), await story(), await story()];
    const jobsBefore = (await refreshJobsFor(article)).length;
    await choose({ articleId: article, pins: [dropped, kept], excludes: [excluded] });
    const before = await storedChoices(article);
    await new Promise((resolve) => setTimeout(resolve, 5));

    await choose({ articleId: article, pins: [kept], excludes: [] });

    const after = await storedChoices(article);
    expect(after.map((row) => [row.target_id, row.kind, row.position])).toEqual([[kept, 'pin', 0]]);
    const keptBefore = before.find((row) => row.target_id === kept);
    expect(after[0]?.created_at).toBe(keptBefore?.created_at);
    await choose({ articleId: article, pins: [], excludes: [] });
    expect(await storedChoices(article)).toEqual([]);
    expect(await refreshJobsFor(article)).toHaveLength(jobsBefore + 3);
  });

  it('refuses the article itself, its translation, unknown and deleted stories, naming the field', async () => {
    const article = await story({ headline: 'Port strike ends' });
    const translation = await story({ locale: 'es', translationOf: article });
    const other = await story();
    const deleted = await story();
    await run(deleteArticle, { id: deleted });

    expect(await refusal(choose({ articleId: article, pins: [article], excludes: [] }))).toEqual({
      status: 422,
      field: 'pins[0]',
      message: 'pins[0]: is this article itself; a story never recommends itself',
    });
    expect(
      await refusal(choose({ articleId: article, pins: [other, translation], excludes: [] })),
    ).toMatchObject({ status: 422, field: 'pins[1]', message: /Spanish version/ });
    expect(
      await refusal(choose({ articleId: article, pins: [], excludes: [other, translation] })),
    ).toMatchObject({ status: 422, field: 'excludes[1]', message: /Spanish version/ });
    expect(
      await refusal(choose({ articleId: article, pins: [], excludes: [article] })),
    ).toMatchObject({ status: 422, field: 'excludes[0]' });
    expect(await refusal(choose({ articleId: article, pins: [], excludes: [987_654] }))).toEqual({
      status: 422,
      field: 'excludes[0]',
      message: 'excludes[0]: no article with id 987654',
    });
    expect(await refusal(choose({ articleId: article, pins: [deleted], excludes: [] }))).toEqual({
      status: 422,
      field: 'pins[0]',
      message: `pins[0]: article ${deleted} was deleted`,
    });
    // The translation's own block refuses the original the same way.
    expect(
      await refusal(choose({ articleId: translation, pins: [article], excludes: [] })),
    ).toMatchObject({ field: 'pins[0]', message: /"Port strike ends" is this story's English/ });
  });

  it('refuses repeats, a story both pinned and excluded, and more than the limits', async () => {
    const article = await story();
    const [a, b] = [await story(), await story()];
    const many = Array.from({ length: 51 }, (_, index) => 100_000 + index);

    expect(await refusal(choose({ articleId: article, pins: [a, b, a], excludes: [] }))).toEqual({
      status: 422,
      field: 'pins[2]',
      message: `pins[2]: story ${a} is listed twice (also pins[0])`,
    });
    expect(await refusal(choose({ articleId: article, pins: [], excludes: [b, b] }))).toMatchObject(
      { field: 'excludes[1]' },
    );
    expect(await refusal(choose({ articleId: article, pins: [a], excludes: [b, a] }))).toEqual({
      status: 422,
      field: 'excludes[1]',
      message: `excludes[1]: story ${a} is also pinned (pins[0]); a story is either pinned or excluded`,
    });
    expect(await refusal(choose({ articleId: article, pins: [1, 2, 3, 4], excludes: [] }))).toEqual(
      {
        status: 422,
        field: 'pins',
        message: 'pins: must list at most 3 pinned stories',
      },
    );
    expect(await refusal(choose({ articleId: article, pins: [], excludes: many }))).toEqual({
      status: 422,
      field: 'excludes',
      message: 'excludes: must list at most 50 excluded stories',
    });
    expect(await refusal(choose({ articleId: article, excludes: [] }))).toEqual({
      status: 422,
      field: 'pins',
      message: 'pins: must be a list of article ids',
    });
    expect(await refusal(choose({ articleId: article, pins: ['7'], excludes: [] }))).toMatchObject({
      status: 422,
      field: 'pins.0',
    });
  });

  it('refuses to pin an unpublished story, and keeps a pin whose story was withdrawn later', async () => {
    const article = await story();
    const draft = await story({ publish: false, headline: 'Budget draft' });
    const scheduled = await story({ publish: false });
    await run(scheduleArticle, {
      id: scheduled,
      at: new Date(Date.now() + 86_400_000).toISOString(),
    });
    const withdrawn = await story();

    expect(await refusal(choose({ articleId: article, pins: [draft], excludes: [] }))).toEqual({
      status: 422,
      field: 'pins[0]',
      message: `pins[0]: "Budget draft" (article ${draft}) is not published (draft); pin it once readers can see it`,
    });
    expect(
      await refusal(choose({ articleId: article, pins: [withdrawn, scheduled], excludes: [] })),
    ).toMatchObject({ field: 'pins[1]', message: /is not published \(scheduled\)/ });
    // Excluding a story that is not out yet is how an editor keeps it away from this one.
    await choose({ articleId: article, pins: [withdrawn], excludes: [draft, scheduled] });

    await run(unpublishArticle, { id: withdrawn });
    const other = await story();
    await choose({ articleId: article, pins: [withdrawn, other], excludes: [draft] });
    expect((await storedChoices(article)).map((row) => row.target_id)).toEqual([
      withdrawn,
      other,
      draft,
    ]);
  });

  it('writes nothing when it refuses', async () => {
    const article = await story();
    const pinned = await story();
    await choose({ articleId: article, pins: [pinned], excludes: [] });
    const jobsBefore = (await refreshJobsFor(article)).length;

    await refusal(choose({ articleId: article, pins: [await story()], excludes: [article] }));

    expect((await storedChoices(article)).map((row) => row.target_id)).toEqual([pinned]);
    expect(await refreshJobsFor(article)).toHaveLength(jobsBefore);
  });

  it('answers 404 for an unknown article and 410 for a deleted one', async () => {
    expect(await refusal(choose({ articleId: 987_654, pins: [], excludes: [] }))).toMatchObject({
      status: 404,
    });
    const deleted = await story();
    await run(deleteArticle, { id: deleted });
    expect(await refusal(choose({ articleId: deleted, pins: [], excludes: [] }))).toMatchObject({
      status: 410,
    });
  });

  it('lets whoever may edit the article choose: editors any, authors their own, contributors their own drafts', async () => {
    const target = await story();
    const editorsStory = await story();
    const authorsStory = await story({ actor: staff.author });
    const contributorsDraft = await story({ actor: staff.contributor, publish: false });
    const choice = (articleId: number) => ({ articleId, pins: [target], excludes: [] });

    await expect(choose(choice(editorsStory), staff.editor)).resolves.toBeDefined();
    await expect(choose(choice(authorsStory), staff.author)).resolves.toBeDefined();
    await expect(choose(choice(contributorsDraft), staff.contributor)).resolves.toBeDefined();
    expect(await refusal(choose(choice(authorsStory), staff.otherAuthor))).toMatchObject({
      status: 403,
      message: /only the articles they created/,
    });
    expect(await refusal(choose(choice(editorsStory), staff.contributor))).toMatchObject({
      status: 403,
    });
    expect(await refusal(choose(choice(editorsStory), { kind: 'anonymous' }))).toMatchObject({
      status: 403,
    });
    await run(publishArticle, { id: contributorsDraft });
    expect(await refusal(choose(choice(contributorsDraft), staff.contributor))).toMatchObject({
      status: 403,
      message: /only drafts/,
    });
  });
});
