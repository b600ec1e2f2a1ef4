/**
 * Shared set-up for the end-to-end tests: a real Galley server with the demo content on a random
 * port (SQLite only: the HTTP tests already cover both dialects), Debian's Chromium through
 * playwright-core, and demo pages found through the database rather than hard-coded.
 *
 * The project compiles without the DOM library, so code that runs in the page reaches the DOM
 * through small structural types or string expressions.
 */
import type { Server } from 'node:http';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { createNodeServer, listen } from '../../server/node-server.js';
import type { Galley } from '../../server/create-galley.js';
import { openTestGalley } from '../each-dialect.js';
import { findBilingualStory } from '../demo-stories.js';

export { findBilingualStory };
export type { BilingualStory } from '../demo-stories.js';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export interface TestSite {
  galley: Galley;
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  close: () => Promise<void>;
}

/** A free TCP port on 127.0.0.1, to know the server's address before the server exists. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((done) => probe.close(() => done()));
  return port;
}

/**
 * A Galley with the demo loaded, served over node:http on 127.0.0.1 and a free port. Its public
 * URL is that same address, as the browser sees it: the Admin API accepts changes only from its
 * own origin, and canonical links point where the pages really are.
 */
export async function startSite(): Promise<TestSite> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const { galley, cleanUp } = await openTestGalley('sqlite', { demo: true, publicUrl: origin });
  let server: Server | undefined;
  try {
    server = createNodeServer(galley);
    await listen(server, port, '127.0.0.1');
    const opened = server;
    return {
      galley,
      origin,
      close: async () => {
        opened.closeAllConnections();
        await new Promise<void>((resolveClose) => opened.close(() => resolveClose()));
        await cleanUp();
      },
    };
  } catch (error) {
    server?.close();
    await cleanUp();
    throw error;
  }
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export async function findOpinionStory(
  galley: Galley,
): Promise<{ path: string; headline: string }> {
  const row = await galley.db
    .selectFrom('articles as a')
    .innerJoin('section_translations as st', (join) =>
      join.onRef('st.section_id', '=', 'a.section_id').onRef('st.locale', '=', 'a.locale'),
    )
    .select(['a.slug', 'a.headline', 'st.slug as section'])
    .where('a.locale', '=', 'en')
    .where('a.type', '=', 'opinion')
    .where('a.status', '=', 'published')
    .orderBy('a.id')
    .executeTakeFirst();
  if (!row) throw new Error('the demo has no English opinion piece');
  return { path: `/en/${row.section}/${row.slug}`, headline: row.headline };
}

/** The first author of a story, by byline position. */
export async function firstAuthorSlug(galley: Galley, articleId: number): Promise<string> {
  const row = await galley.db
    .selectFrom('article_authors as aa')
    .innerJoin('authors as au', 'au.id', 'aa.author_id')
    .select('au.slug')
    .where('aa.article_id', '=', articleId)
    .orderBy('aa.position')
    .executeTakeFirst();
  if (!row) throw new Error(`article ${articleId} has no author`);
  return row.slug;
}

/** The slug of one of a story's tags in the given edition. */
export async function firstTagSlug(
  galley: Galley,
  articleId: number,
  locale: 'en' | 'es',
): Promise<string> {
  const row = await galley.db
    .selectFrom('article_tags as at')
    .innerJoin('tag_translations as tt', 'tt.tag_id', 'at.tag_id')
    .select('tt.slug')
    .where('at.article_id', '=', articleId)
    .where('tt.locale', '=', locale)
    .orderBy('tt.slug')
    .executeTakeFirst();
  if (!row) throw new Error(`article ${articleId} has no tag in ${locale}`);
  return row.slug;
}

export interface SitePage {
  name: string;
  path: string;
  status: number;
}

/**
 * The pages the accessibility and validity tests cover: article, home, section and author pages
 * in both editions, plus the contact page a "Found a mistake?" link opens, a tag page and 404s.
 */
export async function pagesToCheck(galley: Galley): Promise<SitePage[]> {
  const story = await findBilingualStory(galley);
  const author = await firstAuthorSlug(galley, story.id);
  const [sectionEn, sectionEs] = story.sectionPaths;
  const tag = await firstTagSlug(galley, story.otherId, 'es');
  return [
    { name: 'article-en', path: story.path, status: 200 },
    { name: 'article-es', path: story.otherPath, status: 200 },
    { name: 'home-en', path: '/en/', status: 200 },
    { name: 'home-es', path: '/es/', status: 200 },
    { name: 'section-en', path: sectionEn, status: 200 },
    { name: 'section-es', path: sectionEs, status: 200 },
    { name: 'author-en', path: `/en/author/${author}`, status: 200 },
    { name: 'author-es', path: `/es/autor/${author}`, status: 200 },
    { name: 'contact-en', path: `/en/contact?article=${story.id}`, status: 200 },
    { name: 'tag-es', path: `/es/tema/${tag}`, status: 200 },
    { name: 'policy-en', path: '/en/policies/ethics', status: 200 },
    { name: 'policy-es', path: '/es/politicas/politica-de-correcciones', status: 200 },
    { name: 'not-found-en', path: '/en/no-such-section/no-such-story', status: 404 },
    { name: 'not-found-es', path: '/es/ciudad/no-existe', status: 404 },
    { name: 'search-en', path: '/en/search?q=ferry', status: 200 },
    { name: 'search-es', path: '/es/buscar?q=ferry&type=news', status: 200 },
  ];
}

export interface FocusInfo {
  tag: string;
  id: string;
  className: string;
  text: string;
  href: string | null;
  outlineStyle: string;
  outlineWidth: string;
  insideMain: boolean;
}

/** What has the keyboard focus now, with its computed outline; null when nothing (body) has it. */
export function focusedElement(page: Page): Promise<FocusInfo | null> {
  return page.evaluate<FocusInfo | null>(`(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      className: typeof el.className === 'string' ? el.className : '',
      text: (el.textContent || '').trim(),
      href: el.getAttribute('href'),
      outlineStyle: style.outlineStyle,
      outlineWidth: style.outlineWidth,
      insideMain: el.closest('main#content') !== null,
    };
  })()`);
}
