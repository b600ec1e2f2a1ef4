import { expect, it } from 'vitest';
import { b, doc, h2, p } from '../../content/body-builders.js';
import { describeEachDialect } from '../../test/each-dialect.js';
import { systemActor } from '../actor.js';
import type { Actor } from '../actor.js';
import { cacheKey } from '../change-set.js';
import type { ChangeSet } from '../change-set.js';
import type { GalleyError } from '../errors.js';
import { ConflictError, ForbiddenError, ValidationError } from '../errors.js';
import { runOperation } from '../operation.js';
import {
  createArticle,
  createAuthor,
  createSection,
  createStaffUser,
  publishArticle,
  setUpPublication,
  unpublishArticle,
  updateArticle,
} from './index.js';

const system = systemActor('test');
/** Staff actors backed by real accounts (articles remember who created them). */
const staff: Record<'contributor' | 'author' | 'otherAuthor' | 'editor', Actor> = {
  contributor: { kind: 'anonymous' },
  author: { kind: 'anonymous' },
  otherAuthor: { kind: 'anonymous' },
  editor: { kind: 'anonymous' },
};

describeEachDialect('article operations', { demo: false }, (t) => {
  const run = <I, O>(
    operation: Parameters<typeof runOperation<I, O>>[1],
    input: unknown,
    actor: Actor = system,
  ) => runOperation(t.galley.core, operation, actor, input);
  let sectionId = 0;
  let authorId = 0;
  let slugCounter = 0;
  const draft = (overrides: Record<string, unknown> = {}) => ({
    locale: 'en',
    headline: 'Harbor reopens after storm',
    dek: 'Cranes are back at work.',
    slug: `harbor-reopens-${++slugCounter}`,
    sectionId,
    authorIds: [authorId],
    body: doc(h2('What happened'), p('The port ', b('reopened'), ' at dawn.')),
    ...overrides,
  });

  it('sets up the publication, a section and an author', async () => {
    const roles = {
      contributor: 'contributor',
      author: 'author',
      otherAuthor: 'author',
      editor: 'editor',
    } as const;
    for (const [key, role] of Object.entries(roles) as [
      keyof typeof staff,
      (typeof roles)[keyof typeof roles],
    ][]) {
      const { id } = await run(createStaffUser, {
        email: `${key.toLowerCase()}@ops.galley.example`,
        name: key,
        role,
        password: 'a long enough passphrase',
      });
      staff[key] = { kind: 'staff', userId: id, role };
    }
    await run(setUpPublication, {
      name: 'Test Gazette',
      timeZone: 'America/New_York',
      translations: { en: { tagline: 'News' }, es: { tagline: 'Noticias' } },
    });
    sectionId = (
      await run(createSection, {
        translations: {
          en: { name: 'Port', slug: 'port' },
          es: { name: 'Puerto', slug: 'puerto' },
        },
      })
    ).id;
    authorId = (
      await run(createAuthor, {
        slug: 'ana-ruiz',
        name: 'Ana Ruiz',
        translations: { en: { bio: 'Reporter.' }, es: { bio: 'Reportera.' } },
      })
    ).id;
    expect(sectionId).toBeGreaterThan(0);
    expect(authorId).toBeGreaterThan(0);
  });

  it('creates a draft with a word count from its body', async () => {
    const { id } = await run(createArticle, draft());
    const row = await t.galley.db
      .selectFrom('articles')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'draft', published_at: null, version: 1, word_count: 7 });
    expect(JSON.parse(row.body)).toEqual(draft().body);
  });

  it('refuses a body that does not fit the schema, naming the node, and stores nothing', async () => {
    const before = await t.galley.db
      .selectFrom('articles')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const bad = draft({
      body: doc(p('fine'), { type: 'heading', attrs: { level: 7 }, content: [] }),
    });
    const error = await run(createArticle, bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as GalleyError).status).toBe(422);
    expect((error as GalleyError).message).toMatch(
      /^body\.content\[1\] \(heading\): heading: level must be one of 2, 3, 4/,
    );
    const after = await t.galley.db
      .selectFrom('articles')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('refuses a slug that is already taken in the same language, with a clear message', async () => {
    await run(createArticle, draft({ slug: 'taken-slug' }));
    const error = await run(createArticle, draft({ slug: 'taken-slug' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as GalleyError).status).toBe(409);
    expect((error as GalleyError).message).toMatch(
      /slug: "taken-slug" is already used in en by "Harbor reopens after storm"/,
    );
    // The same slug in the other language is a different URL, so it is allowed.
    await expect(
      run(createArticle, draft({ slug: 'taken-slug', locale: 'es' })),
    ).resolves.toMatchObject({ id: expect.any(Number) });
  });

  it('names the field of malformed input', async () => {
    await expect(run(createArticle, draft({ slug: 'Not A Slug' }))).rejects.toThrow(
      /^slug: must be lowercase letters/,
    );
    await expect(run(createArticle, draft({ locale: 'fr' }))).rejects.toThrow(
      /^locale: must be "en" or "es"/,
    );
    await expect(run(createArticle, draft({ authorIds: [] }))).rejects.toThrow(
      /^authorIds: needs at least one author/,
    );
    await expect(run(createArticle, draft({ sectionId: 9999 }))).rejects.toThrow(
      /^sectionId: no section with id 9999/,
    );
    await expect(
      run(createSection, {
        translations: { en: { name: 'Tags', slug: 'tag' }, es: { name: 'Temas', slug: 'temas-x' } },
      }),
    ).rejects.toThrow(/reserved/);
  });

  it('links translations into one group, one version per language', async () => {
    const english = await run(createArticle, draft());
    const spanish = await run(createArticle, draft({ locale: 'es', translationOf: english.id }));
    expect(spanish.translationGroup).toBe(english.translationGroup);
    await expect(
      run(createArticle, draft({ locale: 'es', translationOf: english.id })),
    ).rejects.toThrow(/already has a es version/);
  });

  it('denies by default: contributors may not publish, anonymous visitors may do nothing', async () => {
    const { id } = await run(createArticle, draft());
    await expect(run(publishArticle, { id }, staff.contributor)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(run(createArticle, draft(), { kind: 'anonymous' })).rejects.toThrow(
      /an anonymous visitor may not create an article/,
    );
    await expect(run(createArticle, draft(), staff.contributor)).resolves.toBeDefined();
  });

  it('publishes, reports the cache keys it touched, and keeps the first publication date', async () => {
    const seen: ChangeSet[] = [];
    t.galley.core.listeners.push((changes) => seen.push(changes));
    const { id } = await run(createArticle, draft());
    await runOperation(t.galley.core, publishArticle, system, {
      id,
      publishedAt: '2026-01-02T03:04:05.000Z',
    });
    const published = seen.at(-1) as ChangeSet;
    expect([...published.cacheKeys]).toEqual(
      expect.arrayContaining([
        cacheKey.article(id),
        cacheKey.homeList('en'),
        cacheKey.sectionList(sectionId),
        cacheKey.authorList(authorId),
      ]),
    );
    expect(published.events).toContainEqual({ type: 'article.published', id });
    await run(unpublishArticle, { id });
    await run(publishArticle, { id });
    const row = await t.galley.db
      .selectFrom('articles')
      .select(['status', 'published_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'published', published_at: '2026-01-02T03:04:05.000Z' });
    await expect(run(publishArticle, { id, publishedAt: '2999-01-01T00:00:00Z' })).rejects.toThrow(
      /future/,
    );
  });

  it('versions edits and refuses to save over a newer version', async () => {
    const { id } = await run(createArticle, draft());
    const first = await run(updateArticle, { id, headline: 'Second take', expectedVersion: 1 });
    expect(first.version).toBe(2);
    await expect(
      run(updateArticle, { id, headline: 'Stale edit', expectedVersion: 1 }),
    ).rejects.toThrow(/is at version 2/);
  });

  it('leaves a 301 from the old URL when a published slug changes, collapsing chains', async () => {
    const { id } = await run(createArticle, draft({ slug: 'first-slug' }));
    await run(publishArticle, { id });
    await run(updateArticle, { id, slug: 'second-slug' });
    await run(updateArticle, { id, slug: 'third-slug' });
    const redirects = await t.galley.db
      .selectFrom('redirects')
      .select(['from_path', 'to_path', 'status_code'])
      .where('to_path', 'like', '/en/port/%-slug')
      .orderBy('from_path')
      .execute();
    expect(redirects).toEqual([
      { from_path: '/en/port/first-slug', to_path: '/en/port/third-slug', status_code: 301 },
      { from_path: '/en/port/second-slug', to_path: '/en/port/third-slug', status_code: 301 },
    ]);
  });

  it('lets contributors and authors change only what they created', async () => {
    const own = await run(createArticle, draft(), staff.contributor);
    const authors = await run(createArticle, draft(), staff.author);
    const row = await t.galley.db
      .selectFrom('articles')
      .select('created_by_user_id')
      .where('id', '=', own.id)
      .executeTakeFirstOrThrow();
    expect(row.created_by_user_id).toBe((staff.contributor as { userId: number }).userId);

    await expect(
      run(updateArticle, { id: own.id, headline: 'My own draft' }, staff.contributor),
    ).resolves.toBeDefined();
    await expect(
      run(updateArticle, { id: authors.id, headline: 'Not mine' }, staff.contributor),
    ).rejects.toThrow(/a contributor may edit only the articles they created/);
    await expect(run(publishArticle, { id: authors.id }, staff.otherAuthor)).rejects.toThrow(
      /an author may publish only/,
    );
    await expect(run(publishArticle, { id: authors.id }, staff.author)).resolves.toBeDefined();
    // Once an editor publishes a contributor's piece, it is out of the contributor's hands.
    await run(publishArticle, { id: own.id }, staff.editor);
    await expect(
      run(updateArticle, { id: own.id, headline: 'Late change' }, staff.contributor),
    ).rejects.toThrow(/may edit only drafts/);
    await expect(
      run(updateArticle, { id: own.id, headline: 'Copy edit' }, staff.editor),
    ).resolves.toBeDefined();
  });
});
