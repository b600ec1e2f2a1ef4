import { beforeAll, expect, it } from 'vitest';
import { doc, h2, p } from '../../content/body-builders.js';
import { setUpAdminApiClient } from '../../test/admin-api-client.js';
import type { AdminApiClient } from '../../test/admin-api-client.js';
import { describeEachDialect } from '../../test/each-dialect.js';

const PUBLIC_URL = 'https://news.galley.test';

interface ArticleJson {
  id: number;
  version: number;
  dateline: string;
  backstory: string;
  sources: { name: string; url: string; note: string }[];
}

/** The JSON-LD blocks of a page, parsed. */
function jsonLd(page: string): Record<string, unknown>[] {
  return [...page.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].flatMap(
    (match) => {
      const parsed = JSON.parse(match[1] ?? 'null') as unknown;
      return (Array.isArray(parsed) ? parsed : [parsed]) as Record<string, unknown>[];
    },
  );
}

describeEachDialect('trust indicators through the Admin API', { demo: false }, (t) => {
  let api: AdminApiClient;
  const read = (path: string) => t.galley.app.request(path);

  beforeAll(async () => {
    api = await setUpAdminApiClient(t.galley);
  });

  const sources = [
    {
      name: 'Port Authority annual report',
      url: 'https://port.example/report',
      note: 'Tonnage figures <b>2025</b>',
    },
    { name: 'Dock workers interviewed on the pier', url: '  ' },
  ];

  it('stores dateline, backstory and sources, validates them, and keeps them in revisions', async () => {
    const created = await api.call('POST', '/articles', api.logins.editor, {
      locale: 'en',
      headline: 'Port traffic hits a record',
      slug: 'port-traffic-record',
      sectionId: api.sectionId,
      authorIds: [api.authorId],
      body: doc(h2('The numbers'), p('More ships than ever docked this year.')),
      dateline: 'Puerto Claro',
      backstory: 'We read the port’s filings.\n\nWe spent two nights on the docks.',
      sources,
    });
    expect(created.status).toBe(201);
    const { article } = (await created.json()) as { article: ArticleJson };
    expect(article.dateline).toBe('Puerto Claro');
    expect(article.backstory).toBe(
      'We read the port’s filings.\n\nWe spent two nights on the docks.',
    );
    expect(article.sources).toEqual([
      { name: sources[0]?.name, url: sources[0]?.url, note: sources[0]?.note },
      { name: 'Dock workers interviewed on the pier', url: '', note: '' },
    ]);

    // A bad URL is refused, naming the exact field.
    const badUrl = await api.call('PATCH', `/articles/${article.id}`, api.logins.editor, {
      expectedVersion: article.version,
      sources: [{ name: 'A source', url: 'javascript:alert(1)' }],
    });
    expect(badUrl.status).toBe(422);
    expect(((await badUrl.json()) as { error: { field: string } }).error.field).toBe(
      'sources.0.url',
    );
    const longDateline = await api.call('PATCH', `/articles/${article.id}`, api.logins.editor, {
      expectedVersion: article.version,
      dateline: 'x'.repeat(121),
    });
    expect(longDateline.status).toBe(422);
    expect(((await longDateline.json()) as { error: { field: string } }).error.field).toBe(
      'dateline',
    );
    const noName = await api.call('PATCH', `/articles/${article.id}`, api.logins.editor, {
      expectedVersion: article.version,
      sources: [{ name: ' ', url: 'https://port.example/' }],
    });
    expect(noName.status).toBe(422);

    // An edit that leaves the sources out keeps them; one that sends them replaces them all.
    const edited = await api.call('PATCH', `/articles/${article.id}`, api.logins.editor, {
      expectedVersion: article.version,
      dateline: 'Bahía Clara',
    });
    expect(edited.status).toBe(200);
    const afterEdit = ((await edited.json()) as { article: ArticleJson }).article;
    expect(afterEdit.dateline).toBe('Bahía Clara');
    expect(afterEdit.sources).toHaveLength(2);
    const replaced = await api.call('PATCH', `/articles/${article.id}`, api.logins.editor, {
      expectedVersion: afterEdit.version,
      sources: [{ name: 'Harbor master' }],
    });
    const afterReplace = ((await replaced.json()) as { article: ArticleJson }).article;
    expect(afterReplace.sources).toEqual([{ name: 'Harbor master', url: '', note: '' }]);

    // Every revision keeps the fields as they stood, and restoring one brings them back.
    const first = await api.call('GET', `/articles/${article.id}/revisions/1`, api.logins.editor);
    const { revision } = (await first.json()) as {
      revision: { snapshot: { dateline: string; backstory: string; sources: unknown[] } };
    };
    expect(revision.snapshot.dateline).toBe('Puerto Claro');
    expect(revision.snapshot.backstory).toContain('two nights on the docks');
    expect(revision.snapshot.sources).toHaveLength(2);
    const restored = await api.call(
      'POST',
      `/articles/${article.id}/revisions/1/restore`,
      api.logins.editor,
      { expectedVersion: afterReplace.version },
    );
    expect(restored.status).toBe(200);
    const afterRestore = ((await restored.json()) as { article: ArticleJson }).article;
    expect(afterRestore.dateline).toBe('Puerto Claro');
    expect(afterRestore.sources).toHaveLength(2);
  });

  it('shows them on the article page in both languages, and in the JSON-LD', async () => {
    const created = await api.call('POST', '/articles', api.logins.editor, {
      locale: 'en',
      headline: 'Tugboats go electric',
      slug: 'tugboats-go-electric',
      sectionId: api.sectionId,
      authorIds: [api.authorId],
      type: 'opinion',
      body: doc(p('The shipyard launched its first battery tug.')),
      dateline: 'Ribera',
      backstory: 'First paragraph of the method.\n\nSecond <script>paragraph</script>.',
      sources,
    });
    const { article } = (await created.json()) as { article: ArticleJson };
    await api.call('POST', `/articles/${article.id}/publish`, api.logins.editor, {});
    const translated = await api.call(
      'POST',
      `/articles/${article.id}/translations`,
      api.logins.editor,
      {},
    );
    expect(translated.status).toBe(201);
    const spanish = ((await translated.json()) as { article: ArticleJson }).article;
    // The translation starts from the same place and sources.
    expect(spanish.dateline).toBe('Ribera');
    expect(spanish.sources).toHaveLength(2);
    await api.call('POST', `/articles/${spanish.id}/publish`, api.logins.editor, {});

    const english = await (await read('/en/port/tugboats-go-electric')).text();
    expect(english).toMatch(
      /<div class="article-body">\s*<p class="dateline"><span class="dateline-place">Ribera<\/span> —<\/p>/,
    );
    expect(english).toContain('<h2 id="backstory-heading">How we reported this</h2>');
    expect(english).toContain('<p>First paragraph of the method.</p>');
    expect(english).toContain('<p>Second &lt;script&gt;paragraph&lt;/script&gt;.</p>');
    expect(english).toContain('<h2 id="sources-heading">Sources</h2>');
    expect(english).toContain(
      '<li><a href="https://port.example/report">Port Authority annual report</a>: Tonnage figures &lt;b&gt;2025&lt;/b&gt;</li>',
    );
    expect(english).toContain(
      '<li><span class="source-name">Dock workers interviewed on the pier</span></li>',
    );
    // Opinion is labeled, and styled apart from reporting.
    expect(english).toContain('<span class="type-label type-opinion">Opinion</span>');

    const [newsArticle] = jsonLd(english);
    expect(newsArticle?.['@type']).toBe('OpinionNewsArticle');
    expect(newsArticle?.['dateline']).toBe('Ribera');
    expect(newsArticle?.['citation']).toEqual([
      {
        '@type': 'CreativeWork',
        name: 'Port Authority annual report',
        url: 'https://port.example/report',
      },
      { '@type': 'CreativeWork', name: 'Dock workers interviewed on the pier' },
    ]);

    const spanishPage = await (await read('/es/puerto/tugboats-go-electric')).text();
    expect(spanishPage).toContain('<h2 id="backstory-heading">Cómo lo reportamos</h2>');
    expect(spanishPage).toContain('<h2 id="sources-heading">Fuentes</h2>');
    expect(spanishPage).toContain('<span class="type-label type-opinion">Opinión</span>');
    expect(spanishPage).toContain('<span class="dateline-place">Ribera</span>');
  });

  it('shows no trust sections on an article without them', async () => {
    const created = await api.call('POST', '/articles', api.logins.editor, {
      locale: 'en',
      headline: 'Plain story',
      slug: 'plain-story',
      sectionId: api.sectionId,
      authorIds: [api.authorId],
      body: doc(p('Nothing more to say.')),
    });
    const { article } = (await created.json()) as { article: ArticleJson };
    expect(article).toMatchObject({ dateline: '', backstory: '', sources: [] });
    await api.call('POST', `/articles/${article.id}/publish`, api.logins.editor, {});
    const page = await (await read('/en/port/plain-story')).text();
    expect(page).not.toContain('class="dateline"');
    expect(page).not.toContain('article-trust');
    expect(jsonLd(page)[0]?.['citation']).toBeUndefined();
  });

  const ethics = (title: string) => ({
    title,
    body: doc(h2('Accuracy'), p('We check what we publish.')),
  });

  it('lets admins, and only admins, write policy pages', async () => {
    for (const role of ['contributor', 'author', 'editor'] as const) {
      expect((await api.call('GET', '/policies', api.logins[role])).status, role).toBe(403);
      expect(
        (await api.call('PUT', '/policies/ethics/en', api.logins[role], ethics('Ethics'))).status,
        role,
      ).toBe(403);
    }
    expect((await api.call('PUT', '/policies/ethics/en', null, ethics('Ethics'))).status).toBe(401);

    const before = await api.call('GET', '/policies', api.logins.admin);
    expect(before.status).toBe(200);
    const { policies } = (await before.json()) as {
      policies: { kind: string; locale: string; exists: boolean; path: string }[];
    };
    expect(policies).toHaveLength(12);
    expect(policies.every((policy) => !policy.exists)).toBe(true);
    expect(
      policies.find((policy) => policy.kind === 'ethics' && policy.locale === 'es')?.path,
    ).toBe('/es/politicas/etica');

    const written = await api.call(
      'PUT',
      '/policies/ethics/en',
      api.logins.admin,
      ethics('Ethics'),
    );
    expect(written.status).toBe(200);
    expect(await written.json()).toMatchObject({
      kind: 'ethics',
      locale: 'en',
      title: 'Ethics',
      path: '/en/policies/ethics',
    });

    // Bad input names the field.
    const cases: [string, unknown, string][] = [
      ['/policies/ethics/en', { title: '', body: doc(p('x')) }, 'title'],
      ['/policies/ethics/fr', ethics('Ethique'), 'locale'],
      ['/policies/gossip/en', ethics('Gossip'), 'kind'],
      ['/policies/ethics/en', { ...ethics('Ethics'), kind: 'masthead' }, 'kind'],
    ];
    for (const [path, body, field] of cases) {
      const response = await api.call('PUT', path, api.logins.admin, body);
      expect(response.status, path).toBe(422);
      expect(((await response.json()) as { error: { field: string } }).error.field, path).toBe(
        field,
      );
    }
    const badBody = await api.call('PUT', '/policies/ethics/en', api.logins.admin, {
      title: 'Ethics',
      body: { type: 'doc', content: [{ type: 'script' }] },
    });
    expect(badBody.status).toBe(422);
  });

  it('serves policy pages per locale, links them from every footer and the publisher markup', async () => {
    // Cached first, so the writes below must drop it.
    const homeBefore = await (await read('/en/')).text();
    expect(homeBefore).not.toContain('Masthead');
    expect((await read('/en/policies/masthead')).status).toBe(404);
    expect((await read('/en/policies/no-such-policy')).status).toBe(404);

    await api.call('PUT', '/policies/ethics/en', api.logins.admin, ethics('Ethics and standards'));
    await api.call('PUT', '/policies/masthead/en', api.logins.admin, ethics('Masthead'));
    const home = await (await read('/en/')).text();
    expect(home).toContain(
      '<nav class="policy-links" aria-label="About our journalism">\n<ul><li><a href="/en/policies/ethics">Ethics and standards</a></li><li><a href="/en/policies/masthead">Masthead</a></li></ul>',
    );

    const response = await read('/en/policies/ethics');
    expect(response.status).toBe(200);
    expect(response.headers.get('surrogate-key')).toContain('policy:ethics:en');
    const page = await response.text();
    expect(page).toContain('<h1>Ethics and standards</h1>');
    expect(page).toContain('<h2>Accuracy</h2>');
    // Only one language version so far: no hreflang to a Spanish page that does not exist.
    expect(page).not.toContain('<link rel="alternate" hreflang="es"');
    expect((await read('/es/politicas/etica')).status).toBe(404);
    // The Spanish slug does not work under /en, nor the English one under /es.
    expect((await read('/en/policies/etica')).status).toBe(404);

    await api.call('PUT', '/policies/ethics/es', api.logins.admin, ethics('Ética y normas'));
    const spanish = await (await read('/es/politicas/etica')).text();
    expect(spanish).toContain('<h1>Ética y normas</h1>');
    expect(spanish).toContain(
      `<link rel="alternate" hreflang="en" href="${PUBLIC_URL}/en/policies/ethics">`,
    );
    const englishAgain = await (await read('/en/policies/ethics')).text();
    expect(englishAgain).toContain(
      `<link rel="alternate" hreflang="es" href="${PUBLIC_URL}/es/politicas/etica">`,
    );
    // The Spanish footer lists only the Spanish pages.
    expect(spanish).toContain('<a href="/es/politicas/etica">Ética y normas</a>');
    expect(spanish).not.toContain('/en/policies/masthead');

    // The publisher markup names every page that exists, and no other.
    const [website] = jsonLd(await (await read('/en/')).text());
    const publisher = website?.['publisher'] as Record<string, unknown>;
    expect(publisher['@type']).toBe('NewsMediaOrganization');
    expect(publisher['ethicsPolicy']).toBe(`${PUBLIC_URL}/en/policies/ethics`);
    expect(publisher['publishingPrinciples']).toBe(`${PUBLIC_URL}/en/policies/ethics`);
    expect(publisher['masthead']).toBe(`${PUBLIC_URL}/en/policies/masthead`);
    expect(publisher['correctionsPolicy']).toBeUndefined();
    expect(publisher['diversityPolicy']).toBeUndefined();

    // An edit shows at once: the cached page is dropped.
    await api.call('PUT', '/policies/ethics/en', api.logins.admin, ethics('Our standards'));
    expect(await (await read('/en/policies/ethics')).text()).toContain('<h1>Our standards</h1>');
    expect(await (await read('/en/')).text()).toContain(
      '<a href="/en/policies/ethics">Our standards</a>',
    );
  });
});
