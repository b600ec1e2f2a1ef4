import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STAFF_ROLES } from '../core/actor.js';
import { DEMO_ACCOUNTS } from '../demo/load-demo.js';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { systemActor } from '../core/actor.js';
import { runOperation } from '../core/operation.js';
import { publishArticle, unpublishArticle, updateArticle } from '../core/operations/index.js';
import { findBilingualStory } from '../test/demo-stories.js';
import { describeEachDialect } from '../test/each-dialect.js';
import { cacheUrlFor, preferredLocale } from './site-app.js';

const actor = systemActor('test');

describe('cacheUrlFor', () => {
  it('keeps only the parameters that change a page, in a fixed order', () => {
    expect(cacheUrlFor(new URL('http://x/en/city/?utm_source=a&page=2'))).toBe('/en/city/?page=2');
    expect(cacheUrlFor(new URL('http://x/en/contact?article=4&page=1'))).toBe(
      '/en/contact?page=1&article=4',
    );
    expect(cacheUrlFor(new URL('http://x/en/city/story?fbclid=zzz'))).toBe('/en/city/story');
  });
});

describe('preferredLocale', () => {
  it('follows Accept-Language quality values and falls back to English', () => {
    expect(preferredLocale('es-MX,es;q=0.9,en;q=0.8')).toBe('es');
    expect(preferredLocale('fr-FR, en;q=0.5, es;q=0.7')).toBe('es');
    expect(preferredLocale('de')).toBe('en');
    expect(preferredLocale('es;q=0, en')).toBe('en');
    expect(preferredLocale(undefined)).toBe('en');
  });
});

describeEachDialect('the reader site', { demo: true }, (t) => {
  const get = (path: string, headers: Record<string, string> = {}) =>
    t.galley.app.request(path, { headers });

  /** A demo story in both languages with every element of the article page. */
  async function bilingualStory() {
    const story = await findBilingualStory(t.galley);
    return { ...story, section: story.path.split('/')[2] as string };
  }

  it('has one demo staff account per role, each able to log in with the password the README gives', async () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(DEMO_ACCOUNTS.map((account) => account.role).sort()).toEqual([...STAFF_ROLES].sort());
    for (const account of DEMO_ACCOUNTS) {
      // A row of the README's table, however the formatter aligns it.
      const cells = [account.role, `\`${account.email}\``, `\`${account.password}\``].map((cell) =>
        cell.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
      );
      expect(readme).toMatch(new RegExp(`^\\|\\s*${cells.join('\\s*\\|\\s*')}\\s*\\|$`, 'm'));
      const login = await t.galley.app.request('/api/admin/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: account.email, password: account.password }),
      });
      expect(login.status, account.email).toBe(200);
      expect(((await login.json()) as { user: { role: string } }).user.role).toBe(account.role);
    }
  });

  it('sends / to the edition the reader prefers', async () => {
    const toSpanish = await get('/', { 'accept-language': 'es-ES,es;q=0.9' });
    expect(toSpanish.status).toBe(302);
    expect(toSpanish.headers.get('location')).toBe('/es/');
    expect(toSpanish.headers.get('vary')).toContain('Accept-Language');
    expect((await get('/')).headers.get('location')).toBe('/en/');
  });

  it('shows every element of the article page', async () => {
    const story = await bilingualStory();
    const response = await get(story.path);
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('<html lang="en">');
    expect(page).toContain(`<link rel="canonical" href="https://news.galley.test${story.path}">`);
    expect(page).toContain(`hreflang="en" href="https://news.galley.test${story.path}"`);
    expect(page).toContain(`hreflang="es" href="https://news.galley.test${story.otherPath}"`);
    expect(page).toContain(`hreflang="x-default" href="https://news.galley.test${story.path}"`);
    expect(page).toMatch(/<meta name="description" content="[^"]+">/);
    expect(page).toContain(`<h1>${story.headline.replace(/'/g, '&#39;')}</h1>`);
    expect(page).toMatch(/<p class="dek">/);
    expect(page).toMatch(/<figure class="lead-image">\s*<img [^>]*srcset="[^"]+480w[^"]+960w/);
    expect(page).toMatch(/<figcaption>[^<]+<span class="credit">/);
    expect(page).toMatch(/<p class="byline">By <a rel="author" href="\/en\/author\/[a-z-]+">/);
    expect(page).toMatch(/<time datetime="\d{4}-\d\d-\d\dT[\d:.]+Z">[A-Z][a-z]+ \d{1,2}, \d{4}/);
    expect(page).toMatch(/<p class="reading-time">\d+ min read<\/p>/);
    expect(page).toContain('Found a mistake? Contact us!');
    expect(page).toContain(
      `<a href="${story.otherPath}" hreflang="es" lang="es">Lee esta historia en español</a>`,
    );
    expect(page).toContain('<h2 id="recommended-heading">Recommended</h2>');
    expect(page).toMatch(/<nav class="sections" aria-label="Sections">/);
    // The reader page runs no script but the site's own optional error-report enhancement and
    // its first-party analytics beacon (same origin, deferred; the page works without them),
    // besides JSON-LD data, which browsers never execute; and it loads nothing from another origin.
    expect(page.match(/<script[^>]*>/gi)).toEqual([
      expect.stringMatching(/^<script src="\/assets\/report-error\.[0-9a-f]{12}\.js" defer>$/),
      expect.stringMatching(/^<script src="\/assets\/beacon\.[0-9a-f]{12}\.js" defer>$/),
      '<script type="application/ld+json">',
    ]);
    // Nothing the page loads comes from another origin (links to sources elsewhere are fine:
    // the reader chooses to follow them).
    expect(page).not.toMatch(/\ssrc(set)?="(https?:)?\/\/(?!news\.galley\.test)/);
    expect(page).not.toMatch(/<link [^>]*href="(https?:)?\/\/(?!news\.galley\.test)/);
  });

  it('links the Spanish version back, in Spanish', async () => {
    const story = await bilingualStory();
    const page = await (await get(story.otherPath)).text();
    expect(page).toContain('<html lang="es">');
    expect(page).toContain(`hreflang="en" href="https://news.galley.test${story.path}"`);
    expect(page).toContain(`hreflang="x-default" href="https://news.galley.test${story.path}"`);
    expect(page).toMatch(/<p class="reading-time">\d+ min de lectura<\/p>/);
    expect(page).toContain('¿Encontraste un error? Contáctanos');
    expect(page).toContain('Recomendados');
    expect(page).toMatch(/<time datetime="[^"]+">\d{1,2} de [a-z]+ de \d{4}/);
  });

  it('labels a recommended story from the other edition and marks its language', async () => {
    // Spanish-only demo stories are recommended on English pages of the same section.
    const spanishOnly = await t.galley.db
      .selectFrom('articles as a')
      .select(['a.section_id', 'a.headline'])
      .where('a.locale', '=', 'es')
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('articles as b')
              .select('b.id')
              .whereRef('b.translation_group', '=', 'a.translation_group')
              .where('b.locale', '=', 'en'),
          ),
        ),
      )
      .orderBy('a.published_at', 'desc')
      .executeTakeFirstOrThrow();
    const english = await t.galley.db
      .selectFrom('articles as a')
      .innerJoin('section_translations as st', (join) =>
        join.onRef('st.section_id', '=', 'a.section_id').on('st.locale', '=', 'en'),
      )
      .select(['a.slug', 'st.slug as section'])
      .where('a.locale', '=', 'en')
      .where('a.section_id', '=', spanishOnly.section_id)
      .executeTakeFirstOrThrow();
    const page = await (await get(`/en/${english.section}/${english.slug}`)).text();
    expect(page).toMatch(
      /<article class="story-card" lang="es">[\s\S]*?<span class="lang-label" lang="en">In Spanish<\/span>/,
    );
  });

  it('serves home, section, tag and author pages in both languages', async () => {
    for (const path of ['/en/', '/es/', '/en/city/', '/es/ciudad/']) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
    }
    const story = await bilingualStory();
    const article = await (await get(story.path)).text();
    const authorPath = /href="(\/en\/author\/[a-z-]+)"/.exec(article)?.[1] ?? '/en/author/none';
    const author = await get(authorPath);
    expect(author.status).toBe(200);
    expect(await author.text()).toMatch(/class="author-bio"/);
    const spanishAuthor = await get(authorPath.replace('/en/author/', '/es/autor/'));
    expect(spanishAuthor.status).toBe(200);
    const tagPath = /href="(\/en\/tag\/[a-z0-9-]+)"/.exec(article)?.[1];
    expect(tagPath).toBeDefined();
    const tag = await get(tagPath as string);
    expect(tag.status).toBe(200);
    expect(await tag.text()).toContain(story.headline.replace(/'/g, '&#39;'));
  });

  it('paginates lists and refuses a malformed page number with 400', async () => {
    const firstPage = await (await get('/en/city/')).text();
    expect(firstPage).toContain('<link rel="canonical" href="https://news.galley.test/en/city/">');
    for (const bad of ['abc', '0', '-1', '1e3', '2.5', '']) {
      const response = await get(`/en/city/?page=${bad}`);
      expect(response.status, bad).toBe(400);
      expect(await response.text()).toContain('The page number must be a whole number');
    }
    const spanish = await get('/es/ciudad/?page=x');
    expect(spanish.status).toBe(400);
    expect(await spanish.text()).toContain('El número de página');
    expect((await get('/en/city/?page=999')).status).toBe(404);
  });

  it('answers unknown URLs with a 404 page in the right language', async () => {
    const english = await get('/en/city/no-such-story');
    expect(english.status).toBe(404);
    expect(await english.text()).toContain('Page not found');
    const spanish = await get('/es/ciudad/no-existe');
    expect(spanish.status).toBe(404);
    expect(await spanish.text()).toContain('Página no encontrada');
    const outside = await get('/wp-login.php', { 'accept-language': 'es' });
    expect(outside.status).toBe(404);
    expect(await outside.text()).toContain('<html lang="es">');
    expect((await get('/en/%E0%A4%A')).status).toBe(404);
  });

  it('refuses writes to reader pages with 405', async () => {
    const response = await t.galley.app.request('/en/', { method: 'POST' });
    expect(response.status).toBe(405);
  });

  it('never answers odd URLs with a 5xx', async () => {
    const odd = [
      '/%',
      '/en/%',
      '/en/city/%ZZ',
      '/es/autor/%E0',
      '/en/tag/',
      '/en//',
      '//',
      '/en/city/story/extra/segments',
      '/es/ciudad/año',
      `/en/city/${'x'.repeat(5000)}`,
      '/en/city/?page[]=1',
      '/en/city/?page=1&page=2',
      '/en/city/?page=99999999999999999999',
      '/media/',
      '/media/%2e%2e/%2e%2e/etc/passwd',
      '/assets/style.0000.css',
      '/en/contact?article=1e9',
      '/en/contact?article=-1',
    ];
    for (const path of odd) {
      const response = await get(path);
      expect(response.status, path).toBeLessThan(500);
    }
    expect(t.logger.lines.filter((line) => line.level === 'error')).toEqual([]);
  });

  it('answers a malformed percent-encoding with 400, not 500', async () => {
    const response = await get('/media/%E0%A4%A', { 'accept-language': 'es' });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('La dirección de esta página está mal formada');
    expect(t.logger.lines.filter((line) => line.level === 'error')).toEqual([]);
  });

  it('does not serve files outside the media folder', async () => {
    expect((await get('/media/..%2Fgalley.db')).status).toBe(404);
    expect((await get('/media/../galley.db')).status).toBe(404);
  });

  it('answers If-None-Match with 304 and negotiates Brotli and gzip', async () => {
    const story = await bilingualStory();
    const first = await get(story.path);
    const plain = await first.text();
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get('cache-control')).toContain('s-maxage=');
    expect(first.headers.get('surrogate-key')).toContain(`article:${story.id}`);
    const revalidated = await get(story.path, { 'if-none-match': etag as string });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe('');

    const brotli = await get(story.path, { 'accept-encoding': 'gzip, br' });
    expect(brotli.headers.get('content-encoding')).toBe('br');
    expect(brotliDecompressSync(Buffer.from(await brotli.arrayBuffer())).toString()).toBe(plain);
    const gzip = await get(story.path, { 'accept-encoding': 'gzip' });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gzip.arrayBuffer())).toString()).toBe(plain);
    expect(gzip.headers.get('etag')).not.toBe(etag);
    expect(
      (
        await get(story.path, {
          'accept-encoding': 'gzip',
          'if-none-match': gzip.headers.get('etag') as string,
        })
      ).status,
    ).toBe(304);
  });

  it('drops exactly the cached pages a change touches', async () => {
    const story = await bilingualStory();
    await get(story.path);
    await get(story.otherPath);
    await get('/en/culture/');
    const cache = t.galley.pageCache;
    expect(cache.get(story.path)).toBeDefined();
    expect(cache.get('/en/culture/')).toBeDefined();

    await runOperation(t.galley.core, updateArticle, actor, {
      id: story.id,
      headline: 'A corrected headline for the test',
    });
    expect(cache.get(story.path)).toBeUndefined();
    // The other language version links to this one, so it goes too; unrelated sections stay.
    expect(cache.get(story.otherPath)).toBeUndefined();
    expect(cache.get('/en/culture/')).toBeDefined();
    expect(await (await get(story.path)).text()).toContain(
      '<h1>A corrected headline for the test</h1>',
    );
  });

  it('renders the body again when the stored HTML came from an older renderer', async () => {
    const story = await bilingualStory();
    t.galley.pageCache.clear();
    const fresh = await (await get(story.path)).text();
    await t.galley.db
      .updateTable('articles')
      .set({ body_html: '<p>stale rendering</p>', body_html_version: 0 })
      .where('id', '=', story.id)
      .execute();
    t.galley.pageCache.clear();
    const rerendered = await (await get(story.path)).text();
    expect(rerendered).not.toContain('stale rendering');
    expect(rerendered).toBe(fresh);
  });

  it('redirects an old slug with 301, and answers 410 for an unpublished story', async () => {
    const story = await bilingualStory();
    await runOperation(t.galley.core, updateArticle, actor, {
      id: story.id,
      slug: 'a-brand-new-slug',
    });
    const moved = await get(story.path);
    expect(moved.status).toBe(301);
    expect(moved.headers.get('location')).toBe(`/en/${story.section}/a-brand-new-slug`);
    expect((await get(`/en/${story.section}/a-brand-new-slug`)).status).toBe(200);

    await runOperation(t.galley.core, unpublishArticle, actor, { id: story.id });
    const gone = await get(`/en/${story.section}/a-brand-new-slug`);
    expect(gone.status).toBe(410);
    expect(await gone.text()).toContain('This story is no longer available');
    await runOperation(t.galley.core, publishArticle, actor, { id: story.id });
    expect((await get(`/en/${story.section}/a-brand-new-slug`)).status).toBe(200);
  });
});
