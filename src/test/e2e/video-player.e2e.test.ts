/**
 * The video player in a real Chromium, under the page's own Content-Security-Policy: it plays,
 * the keyboard shortcuts and their dialog work, captions show, the native player is there
 * without JavaScript, autoplay happens only when chosen (muted) and never with reduced motion,
 * Media Chrome speaks the page's language, and axe finds nothing in either edition.
 *
 * Needs the player script built (`npm run build`, or `npx vite build --config
 * player/vite.config.ts`): without it pages fall back to the native player, which is what the
 * no-JavaScript test checks, but the rest would have nothing to test.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { systemActor } from '../../core/actor.js';
import { runOperation } from '../../core/operation.js';
import { createArticle, publishArticle } from '../../core/operations/index.js';
import type { Locale } from '../../db/schema.js';
import { playerAssets } from '../../site/player-assets.js';
import { addTestVideo } from '../video-fixtures.js';
import type { TestVideo } from '../video-fixtures.js';
import { describeViolations, expectNoAxeViolations, runAxe } from './axe.js';
import { launchChromium, startSite } from './browser.js';
import type { TestSite } from './browser.js';

let site: TestSite | undefined;
let browser: Browser | undefined;
let video: TestVideo;
/** The body's video: another one, as a real story would have (two players, two names). */
let bodyVideo: TestVideo;
const paths = { leadEn: '', leadEs: '', autoplay: '' };
const cspViolations: string[] = [];

function paragraph(text: string) {
  return { type: 'paragraph', content: [{ type: 'text', text }] };
}

async function publishStory(
  galley: TestSite['galley'],
  story: {
    locale: Locale;
    slug: string;
    headline: string;
    leadVideo: boolean;
    bodyVideo: { autoplay: boolean } | null;
  },
): Promise<string> {
  const system = systemActor('test');
  const section = await galley.db
    .selectFrom('section_translations')
    .select(['section_id', 'slug'])
    .where('locale', '=', story.locale)
    .orderBy('section_id')
    .executeTakeFirstOrThrow();
  const author = await galley.db
    .selectFrom('authors')
    .select('id')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const { id } = await runOperation(galley.core, createArticle, system, {
    locale: story.locale,
    headline: story.headline,
    slug: story.slug,
    sectionId: section.section_id,
    authorIds: [author.id],
    leadVideoId: story.leadVideo ? video.id : null,
    body: {
      type: 'doc',
      content: [
        paragraph(
          story.locale === 'es'
            ? 'El ferry volvió a cruzar la bahía esta mañana.'
            : 'The ferry crossed the bay again this morning.',
        ),
        ...(story.bodyVideo
          ? [
              {
                type: 'video',
                attrs: {
                  mediaId: bodyVideo.id,
                  caption: 'The crossing, seen from the pier.',
                  credit: 'Test Desk',
                  autoplay: story.bodyVideo.autoplay,
                },
              },
            ]
          : []),
      ],
    },
  });
  await runOperation(galley.core, publishArticle, system, { id });
  return `/${story.locale}/${section.slug}/${story.slug}`;
}

beforeAll(async () => {
  expect(
    playerAssets(),
    'the player script is not built: run `npx vite build --config player/vite.config.ts`',
  ).not.toBeNull();
  site = await startSite();
  browser = await launchChromium();
  video = await addTestVideo(site.galley, { seconds: 6 });
  bodyVideo = await addTestVideo(site.galley, {
    seconds: 4,
    alt: { en: 'Gulls over the pier', es: 'Gaviotas sobre el muelle' },
  });
  paths.leadEn = await publishStory(site.galley, {
    locale: 'en',
    slug: 'ferry-video',
    headline: 'The ferry, on video',
    leadVideo: true,
    bodyVideo: { autoplay: false },
  });
  paths.leadEs = await publishStory(site.galley, {
    locale: 'es',
    slug: 'ferry-en-video',
    headline: 'El ferry, en vídeo',
    leadVideo: true,
    bodyVideo: null,
  });
  paths.autoplay = await publishStory(site.galley, {
    locale: 'en',
    slug: 'ferry-autoplay',
    headline: 'The ferry, playing by itself',
    leadVideo: false,
    bodyVideo: { autoplay: true },
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
}, 60_000);

async function newContext(options: Parameters<Browser['newContext']>[0] = {}) {
  if (!browser) throw new Error('no browser');
  return browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
}

/** Opens a page and waits until Media Chrome has taken over its first player. */
async function openPlayer(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text()))
      cspViolations.push(message.text());
  });
  const response = await page.goto(`${site?.origin}${path}`, { waitUntil: 'load' });
  expect(response?.status()).toBe(200);
  await until(
    page,
    `customElements.get('media-controller') !== undefined && !document.querySelector('[data-video-player] video').hasAttribute('controls')`,
  );
  return page;
}

/**
 * Waits until an expression is true in the page, asking from here. Playwright's own
 * waitForFunction compiles a string in the page, which the page's CSP (no 'unsafe-eval') refuses;
 * these tests keep the policy on, so that the player is tested as readers get it.
 */
async function until(page: Page, expression: string, timeout = 5_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await page.evaluate<boolean>(`Boolean(${expression})`))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${expression}`);
    await new Promise((resolveLater) => setTimeout(resolveLater, 50));
  }
}

const firstVideo = `document.querySelector('[data-video-player] video')`;
const controller = `document.querySelector('[data-video-player] media-controller')`;

/** Focuses the first player's play button, as a keyboard user tabbing into the player would. */
async function focusPlayButton(page: Page): Promise<void> {
  await page.focus('[data-video-player] media-play-button');
  await until(
    page,
    `document.activeElement === document.querySelector('[data-video-player] media-play-button')`,
  );
}

describe('the video player', () => {
  it('plays: Media Chrome replaces the native controls and the time advances', async () => {
    const context = await newContext();
    try {
      const page = await openPlayer(context, paths.leadEn);
      await page.click('[data-video-player] media-play-button');
      await until(page, `${firstVideo}.currentTime > 0.5`, 10_000);
      expect(await page.evaluate(`${firstVideo}.paused`)).toBe(false);
    } finally {
      await context.close();
    }
  });

  it('opens the shortcuts dialog with Shift+? and closes it with Esc, focus back on the player', async () => {
    const context = await newContext();
    try {
      const page = await openPlayer(context, paths.leadEn);
      await focusPlayButton(page);
      await page.keyboard.press('Shift+?');
      const dialog = `document.querySelector('[data-video-player] dialog')`;
      await until(page, `${dialog}.open`);
      expect(await page.evaluate(`${dialog}.contains(document.activeElement)`)).toBe(true);
      expect(await page.textContent('[data-video-player] dialog h2')).toBe('Keyboard shortcuts');
      expect(
        await page.evaluate(
          `document.querySelector('[data-video-player] dialog').matches(':modal')`,
        ),
      ).toBe(true);
      await page.keyboard.press('Escape');
      await until(page, `!${dialog}.open`);
      await until(
        page,
        `document.activeElement === document.querySelector('[data-video-player] media-play-button')`,
      );
    } finally {
      await context.close();
    }
  });

  it('k plays and pauses, m mutes, c turns the captions on and off', async () => {
    const context = await newContext();
    try {
      const page = await openPlayer(context, paths.leadEn);
      await until(page, `${firstVideo}.readyState >= 1`);
      await focusPlayButton(page);
      await page.keyboard.press('k');
      await until(page, `!${firstVideo}.paused && !${controller}.hasAttribute('mediapaused')`);
      await page.keyboard.press('k');
      await until(page, `${firstVideo}.paused`);

      expect(await page.evaluate(`${firstVideo}.muted`)).toBe(false);
      await page.keyboard.press('m');
      // Media Chrome decides what a key does from its own state, which follows the video a
      // moment later: a reader's second press comes long after; the test waits for it.
      await until(
        page,
        `${firstVideo}.muted && ${controller}.getAttribute('mediavolumelevel') === 'off'`,
      );
      await page.keyboard.press('m');
      await until(page, `!${firstVideo}.muted`);

      // The page's language is shown by default; c hides it and shows it again.
      const englishMode = `[...${firstVideo}.textTracks].find((t) => t.language === 'en').mode`;
      await until(page, `${englishMode} === 'showing'`);
      await page.keyboard.press('c');
      await until(page, `${englishMode} === 'hidden'`);
      await page.keyboard.press('c');
      await until(page, `${englishMode} === 'showing'`);
    } finally {
      await context.close();
    }
  });

  it('seeks 5 seconds with the arrow keys and changes the volume', async () => {
    const context = await newContext();
    try {
      const page = await openPlayer(context, paths.leadEn);
      await until(page, `${firstVideo}.readyState >= 1`);
      await focusPlayButton(page);
      await page.keyboard.press('ArrowRight');
      await until(page, `Math.abs(${firstVideo}.currentTime - 5) < 0.5`);
      await page.keyboard.press('ArrowLeft');
      await until(page, `${firstVideo}.currentTime < 0.5`);
      await page.keyboard.press('ArrowDown');
      await until(page, `${firstVideo}.volume < 0.95`);
    } finally {
      await context.close();
    }
  });

  it('shows the captions track: a cue becomes active as the video plays', async () => {
    const context = await newContext();
    try {
      const page = await openPlayer(context, paths.leadEn);
      await page.click('[data-video-player] media-play-button');
      const english = `[...${firstVideo}.textTracks].find((t) => t.language === 'en')`;
      await until(
        page,
        `${english}.mode === 'showing' && ${english}.activeCues && ${english}.activeCues.length > 0`,
        10_000,
      );
      expect(await page.evaluate(`${english}.activeCues[0].text`)).toBe(
        'The first ferry of the morning leaves the dock.',
      );
    } finally {
      await context.close();
    }
  });

  it('speaks Spanish on Spanish pages: control names and the time in words', async () => {
    const context = await newContext({ locale: 'en-US' });
    try {
      const page = await openPlayer(context, paths.leadEs);
      await until(page, `${firstVideo}.readyState >= 1`);
      const label = (selector: string) =>
        page.getAttribute(`[data-video-player] ${selector}`, 'aria-label');
      expect(await label('media-play-button')).toBe('reproducir');
      expect(await label('media-mute-button')).toBe('silenciar');
      expect(await label('media-fullscreen-button')).toBe('entrar en modo pantalla completa');
      expect(await label('media-controller')).toBe(
        'Vídeo: El ferry de la mañana saliendo del puerto',
      );
      expect(await page.textContent('[data-video-player] .video-shortcuts-button')).toBe(
        'Atajos de teclado',
      );
      // "0 segundos de 6 segundos": the time range's value in words, in the page's language.
      await until(
        page,
        `(document.querySelector('[data-video-player] media-time-range').shadowRoot.querySelector('[aria-valuetext]')?.getAttribute('aria-valuetext') ?? '').includes(' de 6 segundos')`,
      );
      const valueText = await page.evaluate<string>(
        `document.querySelector('[data-video-player] media-time-range').shadowRoot.querySelector('[aria-valuetext]').getAttribute('aria-valuetext')`,
      );
      expect(valueText).toBe('0 segundos de 6 segundos');
      const hint = await page.textContent('[data-video-player] .visually-hidden');
      expect(hint).toContain('atajos de teclado');
    } finally {
      await context.close();
    }
  });

  it('with JavaScript off, the native player with its tracks is there', async () => {
    const context = await newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${site?.origin}${paths.leadEn}`, { waitUntil: 'load' });
      const native = await page.$eval('[data-video-player] video', (element) => ({
        controls: element.hasAttribute('controls'),
        tracks: [...element.querySelectorAll('track')].map((track) =>
          track.getAttribute('srclang'),
        ),
        source: element.querySelector('source')?.getAttribute('type'),
        poster: element.getAttribute('poster'),
      }));
      expect(native.controls).toBe(true);
      expect(native.tracks).toEqual(['en', 'es']);
      expect(native.source).toBe('video/mp4');
      expect(native.poster).toMatch(/^\/media\/.+\.jpg$/);
      expect(await page.isHidden('[data-video-player] .video-shortcuts-button')).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('autoplays muted when the editor chose it', async () => {
    const context = await newContext();
    try {
      const page = await openPlayer(context, paths.autoplay);
      await until(page, `!${firstVideo}.paused && ${firstVideo}.currentTime > 0.3`, 10_000);
      expect(await page.evaluate(`${firstVideo}.muted`)).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('never autoplays for a reader who prefers reduced motion', async () => {
    const context = await newContext({ reducedMotion: 'reduce' });
    try {
      const page = await openPlayer(context, paths.autoplay);
      await until(page, `${firstVideo}.readyState >= 2`);
      // Long enough for the autoplay above to have started twice over.
      await page.waitForTimeout(1500);
      expect(await page.evaluate(`${firstVideo}.paused && ${firstVideo}.currentTime === 0`)).toBe(
        true,
      );
    } finally {
      await context.close();
    }
  });

  it('does not autoplay what the editor did not choose', async () => {
    const context = await newContext();
    try {
      const page = await openPlayer(context, paths.leadEn);
      await until(page, `${firstVideo}.readyState >= 2`);
      await page.waitForTimeout(1000);
      expect(await page.evaluate(`${firstVideo}.paused`)).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('runs under the page policy with no CSP violation', () => {
    // Media Chrome keeps its styles in <style> elements in its shadow roots: without the page's
    // 'unsafe-inline' for styles (allowances.inlineStyles) Chromium refuses every one of them.
    expect(cspViolations, cspViolations[0]).toEqual([]);
  });
});

describe('accessibility of pages with a video', () => {
  // axe is injected into the page, which the page's CSP forbids: these contexts bypass it.
  const desktop = { width: 1280, height: 800 };
  const phone = { width: 360, height: 740 };
  for (const [name, path, colorScheme, viewport] of [
    ['English', () => paths.leadEn, 'light', desktop],
    ['Spanish', () => paths.leadEs, 'light', desktop],
    ['English, dark', () => paths.leadEn, 'dark', desktop],
    ['Spanish, phone', () => paths.leadEs, 'light', phone],
    ['English, 320 px', () => paths.leadEn, 'light', { width: 320, height: 640 }],
  ] as const) {
    it(`axe finds no violations (${name})`, async () => {
      const context = await newContext({ bypassCSP: true, colorScheme, viewport });
      try {
        const page = await openPlayer(context, path());
        await until(page, `${firstVideo}.readyState >= 1`);
        await expectNoAxeViolations(page, `${path()} (${name})`);
        // Every control lies inside the player's box: none wraps out of sight.
        expect(
          await page.evaluate<boolean>(`(() => {
            return [...document.querySelectorAll('[data-video-player] media-controller')].every((controller) => {
              const box = controller.getBoundingClientRect();
              return [...controller.querySelectorAll('media-control-bar > :not(.video-spacer)')]
                .filter((control) => getComputedStyle(control).display !== 'none')
                .every((control) => {
                  const r = control.getBoundingClientRect();
                  return r.width >= 24 && r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5 &&
                    r.left >= box.left - 0.5 && r.right <= box.right + 0.5;
                });
            });
          })()`),
        ).toBe(true);
        // The control bar fits: the page never scrolls sideways (WCAG 1.4.10, Reflow).
        expect(
          await page.evaluate<boolean>('document.documentElement.scrollWidth <= innerWidth'),
        ).toBe(true);
        // And with the dialog open.
        await focusPlayButton(page);
        await page.keyboard.press('Shift+?');
        await until(page, `document.querySelector('[data-video-player] dialog').open`);
        // Over a video frame axe cannot tell the dialog's background (it reports the contrast as
        // "incomplete"), so this run asks only for no violations; the run above checked contrast.
        const withDialog = await runAxe(page);
        expect(
          withDialog.violations,
          `with the shortcuts dialog open:\n${describeViolations(withDialog.violations)}`,
        ).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});

describe('the Nu HTML Checker on pages with a video', () => {
  it(
    'finds no error: Media Chrome’s elements are valid custom elements',
    { timeout: 120_000 },
    async () => {
      const vnuJar = fileURLToPath(
        new URL('../../../node_modules/vnu-jar/build/dist/vnu.jar', import.meta.url),
      );
      const dir = mkdtempSync(join(tmpdir(), 'galley-video-vnu-'));
      try {
        const files = [];
        for (const [name, path] of Object.entries(paths)) {
          const response = await fetch(`${site?.origin}${path}`);
          expect(response.status).toBe(200);
          const file = join(dir, `${name}.html`);
          writeFileSync(file, await response.text());
          files.push(file);
        }
        const { stdout } = await promisify(execFile)(
          'java',
          ['-jar', vnuJar, '--format', 'json', '--exit-zero-always', '--stdout', ...files],
          { maxBuffer: 16 * 1024 * 1024 },
        );
        const { messages } = JSON.parse(stdout) as {
          messages: { type: string; message: string; extract?: string; url?: string }[];
        };
        const errors = messages.filter((message) => message.type !== 'info');
        expect(
          errors,
          errors.map((e) => `${e.url}: ${e.message} ${e.extract ?? ''}`).join('\n'),
        ).toEqual([]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
