/**
 * A published article that quotes posts, on both databases: its page carries the cards, loads
 * the embed loader and names exactly its players' origins in the CSP; an article without embeds
 * asks for neither; RSS, Atom and JSON Feed carry each quote and its link, valid, without the
 * button; plain text (`bodyToText`) gives the quote, the author and the address.
 */
import { beforeAll, expect, it } from 'vitest';
import { systemActor } from '../../core/actor.js';
import { runOperation } from '../../core/operation.js';
import { createArticle, publishArticle } from '../../core/operations/index.js';
import { FEED_FORMATS, sitePaths } from '../../core/site-paths.js';
import {
  atomProblems,
  evaluateXPath,
  jsonFeedProblems,
  rssProblems,
} from '../../feeds/feed-validators.test-support.js';
import { setUpAdminApiClient } from '../../test/admin-api-client.js';
import { describeEachDialect } from '../../test/each-dialect.js';
import { testdataPath } from '../../test/testdata.js';
import { doc, p } from '../body-builders.js';
import { bodyToText, countWords } from '../body-text.js';
import type { BodyNodeJson } from '../body-schema.js';

const actor = systemActor('test');

const xPost: BodyNodeJson = {
  type: 'embed',
  attrs: {
    url: 'https://x.com/mareas_pc_demo/status/2990000000000000001',
    network: 'x',
    authorName: 'Vigía de Mareas',
    authorHandle: '@mareas_pc_demo',
    publishedAt: '2026-11-14',
    text: 'King tide: 2.31 m at 6:42 pm. <Leave> before 5:30 & "take care".',
    thumbnail: '/media/embeds/2026/11/tide.jpg',
  },
};
const mastodonPost: BodyNodeJson = {
  type: 'embed',
  attrs: {
    url: 'https://social.puertoclaro.example/@radioribera/113456789012345678',
    network: 'mastodon',
    authorName: 'Radio Ribera',
    authorHandle: '@radioribera@social.puertoclaro.example',
    publishedAt: null,
    text: 'Live from the pier at 7.',
    thumbnail: null,
  },
};

describeEachDialect('embeds on pages and in feeds', { demo: false }, (t) => {
  const paths = { withEmbeds: '', without: '' };

  beforeAll(async () => {
    const { sectionId, authorId } = await setUpAdminApiClient(t.galley);
    const publish = async (slug: string, body: ReturnType<typeof doc>) => {
      const { id } = await runOperation(t.galley.core, createArticle, actor, {
        locale: 'en',
        headline: `Story ${slug}`,
        dek: 'A dek',
        slug,
        sectionId,
        authorIds: [authorId],
        body,
      });
      await runOperation(t.galley.core, publishArticle, actor, { id });
      return sitePaths.article('en', 'port', slug);
    };
    paths.withEmbeds = await publish(
      'tide-posts',
      doc(p('The watchers posted:'), xPost, mastodonPost),
    );
    paths.without = await publish('no-posts', doc(p('Nothing quoted here.')));
  });

  it('serves the cards with the loader, and a CSP naming only their players', async () => {
    const response = await t.galley.app.request(paths.withEmbeds);
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain(
      '<blockquote cite="https://x.com/mareas_pc_demo/status/2990000000000000001"><p>King tide: 2.31 m at 6:42 pm. &lt;Leave&gt; before 5:30 &amp; &quot;take care&quot;.</p></blockquote>',
    );
    expect(page).toMatch(/<script src="\/assets\/embeds\.[0-9a-f]{12}\.js" defer>/);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain(
      'frame-src https://platform.twitter.com https://social.puertoclaro.example',
    );
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('youtube');

    const script = await t.galley.app.request(
      /src="(\/assets\/embeds\.[0-9a-f]{12}\.js)"/.exec(page)?.[1] ?? '/missing',
    );
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('cache-control')).toContain('immutable');
    expect(await script.text()).toContain('galley.embeds.alwaysLoad');

    const plain = await t.galley.app.request(paths.without);
    expect(await plain.text()).not.toContain('/assets/embeds.');
    expect(plain.headers.get('content-security-policy')).not.toContain('frame-src');
  });

  it('carries each quote and its link in RSS, Atom and JSON Feed, valid and without the button', async () => {
    for (const format of FEED_FORMATS) {
      const body = await (await t.galley.app.request(sitePaths.feed('/en/', format))).text();
      const problems =
        format === 'rss'
          ? rssProblems(body)
          : format === 'atom'
            ? atomProblems(body)
            : jsonFeedProblems(JSON.parse(body), testdataPath('jsonfeed/schema-v1.1.json'));
      expect(problems, format).toEqual([]);
      expect(body, format).not.toMatch(/button|embed-actions|data-embed-|Load content from/);
    }
    const json = JSON.parse(
      await (await t.galley.app.request(sitePaths.feed('/en/', 'json'))).text(),
    ) as { items: { url: string; content_html: string }[] };
    const item = json.items.find((entry) => entry.url.endsWith(paths.withEmbeds));
    expect(item?.content_html).toContain(
      '<blockquote cite="https://x.com/mareas_pc_demo/status/2990000000000000001"><p>King tide: 2.31 m at 6:42 pm. &lt;Leave&gt; before 5:30 &amp; &quot;take care&quot;.</p></blockquote>',
    );
    expect(item?.content_html).toContain(
      '<a href="https://social.puertoclaro.example/@radioribera/113456789012345678" rel="noopener nofollow">View on Mastodon</a>',
    );
    // The thumbnail's site path became an absolute address on this site.
    expect(item?.content_html).toContain(
      `src="${t.galley.config.publicUrl}/media/embeds/2026/11/tide.jpg"`,
    );

    const rss = await (await t.galley.app.request('/en/feed.xml')).text();
    const [content] = evaluateXPath(rss, [
      `string(/rss/channel/item[contains(link, "tide-posts")]/*[local-name()="encoded"])`,
    ]);
    expect(content).toContain('King tide: 2.31 m at 6:42 pm. &lt;Leave&gt; before 5:30');
    expect(content).toContain('Post by <span class="embed-author">Radio Ribera</span>');
  });

  it('counts the quotes in the stored word count', async () => {
    const row = await t.galley.db
      .selectFrom('articles')
      .select(['word_count'])
      .where('slug', '=', 'tide-posts')
      .executeTakeFirstOrThrow();
    const body = doc(p('The watchers posted:'), xPost, mastodonPost);
    expect(row.word_count).toBe(countWords(bodyToText(body)));
    expect(row.word_count).toBeGreaterThan(countWords('The watchers posted:') + 20);
  });
});
