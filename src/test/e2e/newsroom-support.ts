/**
 * Set-up shared by the newsroom app's browser tests: a Galley with the demo content and a
 * Chromium for the whole file, browser contexts in either interface language, opening the app
 * with its page errors (and CSP violations) collected, and logging in as any demo account.
 *
 * Needs the built app (`vite build --config admin/vite.config.ts`, part of `npm run build`).
 */
import sharp from 'sharp';
import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { runOperation } from '../../core/operation.js';
import { createArticle, publishArticle } from '../../core/operations/index.js';
import { DEMO_ACCOUNTS } from '../../demo/load-demo.js';
import type { Galley } from '../../server/create-galley.js';
import type { TestSite } from './browser.js';
import { launchChromium, startSite } from './browser.js';

export type UiLocale = 'en' | 'es';
export type DemoRole = (typeof DEMO_ACCOUNTS)[number]['role'];

/** The few interface words the shared steps look for, in both languages. */
export const LABELS = {
  en: { email: 'Email', password: 'Password', logIn: 'Log in', articles: 'Articles' },
  es: {
    email: 'Correo electrónico',
    password: 'Contraseña',
    logIn: 'Entrar',
    articles: 'Artículos',
  },
} as const;

export function demoAccount(role: DemoRole): { email: string; password: string; name: string } {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.role === role);
  if (!account) throw new Error(`the demo has no ${role} account`);
  return account;
}

export interface Newsroom {
  readonly site: TestSite;
  readonly browser: Browser;
  url(path: string): string;
  /** Interface language from navigator.language; `bypassCSP` only for axe, which injects code. */
  newContext(options?: { locale?: UiLocale; bypassCSP?: boolean }): Promise<BrowserContext>;
  /**
   * A fresh context (its own session) logged in as `role` in the app, then on `path`. Page
   * errors go into `errors`.
   */
  signedIn(
    role: DemoRole,
    path: string,
    options?: { locale?: UiLocale; bypassCSP?: boolean; errors?: string[] },
  ): Promise<{ context: BrowserContext; page: Page }>;
}

/**
 * Starts the site and the browser before the file's tests and stops them after. The returned
 * object's getters throw if used outside the tests (before the start, or after a failed one).
 */
export function setUpNewsroom(): Newsroom {
  let site: TestSite | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    site = await startSite();
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  }, 60_000);
  const started = () => {
    if (!site || !browser) throw new Error('the newsroom site is not running');
    return { site, browser };
  };
  const url = (path: string) => `${started().site.origin}${path}`;
  const newContext: Newsroom['newContext'] = ({ locale = 'en', bypassCSP = false } = {}) =>
    started().browser.newContext({
      bypassCSP,
      locale: locale === 'es' ? 'es-ES' : 'en-US',
      viewport: { width: 1280, height: 900 },
    });
  return {
    get site() {
      return started().site;
    },
    get browser() {
      return started().browser;
    },
    url,
    newContext,
    signedIn: async (role, path, { locale = 'en', bypassCSP = false, errors = [] } = {}) => {
      const context = await newContext({ locale, bypassCSP });
      const page = await openApp(context, url('/admin/'), errors);
      await logIn(page, { role, locale });
      await page.goto(url(path), { waitUntil: 'load' });
      return { context, page };
    },
  };
}

/**
 * A new page at `url`. Uncaught errors and CSP violations (reported on the console) go into
 * `errors`, for a test to assert there were none.
 */
export async function openApp(context: BrowserContext, url: string, errors: string[] = []) {
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content.Security.Policy/i.test(message.text()))
      errors.push(message.text());
  });
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

/** Logs in on the login screen the page shows, and waits for the article list. */
export async function logIn(
  page: Page,
  { role = 'editor', locale = 'en' }: { role?: DemoRole; locale?: UiLocale } = {},
): Promise<void> {
  const labels = LABELS[locale];
  const account = demoAccount(role);
  await page.getByLabel(labels.email).fill(account.email);
  await page.getByLabel(labels.password).fill(account.password);
  await page.getByRole('button', { name: labels.logIn }).click();
  await page.getByRole('heading', { level: 1, name: labels.articles }).waitFor();
}

/** Tab until the focused element matches `selector` (a CSS selector); fails after `max` presses. */
export async function tabTo(page: Page, selector: string, max = 60): Promise<void> {
  for (let step = 0; step < max; step++) {
    await page.keyboard.press('Tab');
    const matches = await page.evaluate<boolean>(
      `document.activeElement !== null && document.activeElement.matches(${JSON.stringify(selector)})`,
    );
    if (matches) return;
  }
  throw new Error(`${selector} never got the focus after ${max} Tab presses`);
}

/** The editor's save status line ("Save status: Saved"). */
export const saveStatus = (page: Page) => page.locator('[aria-live="polite"].save-text');

/** A small real JPEG, made here. */
export function testJpeg(): Promise<Buffer> {
  return sharp({
    create: { width: 640, height: 400, channels: 3, background: { r: 30, g: 90, b: 150 } },
  })
    .jpeg({ quality: 80 })
    .toBuffer();
}

/**
 * A draft made through the core operations as the demo account of `role` (which then counts as
 * its creator), published first if `publish`: faster than the screens, for tests about something
 * else. Returns its id and the public path it has (or will have).
 */
export async function createStory(
  galley: Galley,
  {
    role = 'editor',
    headline,
    publish = false,
  }: { role?: DemoRole; headline: string; publish?: boolean },
): Promise<{ id: number; path: string }> {
  const user = await galley.db
    .selectFrom('staff_users')
    .select(['id', 'role'])
    .where('email', '=', demoAccount(role).email)
    .executeTakeFirstOrThrow();
  const section = await galley.db
    .selectFrom('section_translations')
    .select(['section_id', 'slug'])
    .where('locale', '=', 'en')
    .orderBy('section_id')
    .executeTakeFirstOrThrow();
  const author = await galley.db
    .selectFrom('authors')
    .select('id')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const actor = { kind: 'staff', userId: user.id, role: user.role } as const;
  const slug = headline
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const { id } = await runOperation(galley.core, createArticle, actor, {
    locale: 'en',
    headline,
    slug,
    sectionId: section.section_id,
    authorIds: [author.id],
    body: {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The first paragraph.' }] }],
    },
  });
  if (publish) await runOperation(galley.core, publishArticle, actor, { id });
  return { id, path: `/en/${section.slug}/${slug}` };
}
