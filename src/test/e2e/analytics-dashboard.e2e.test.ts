/**
 * The newsroom's analytics dashboard in a real Chromium, under the app's real CSP: an editor
 * opens it from the navigation, changes the filters with the keyboard alone, reads the figures,
 * the chart (an image named by its summary) and its table, and downloads both CSV files, whose
 * numbers match the screen; in Spanish too. axe-core checks the screen in both languages, with
 * figures and empty.
 *
 * The figures are rows written into the rollup tables (as the rollup job leaves them) on the two
 * UTC days before today, which the running rollup job never rewrites: it recomputes only hours
 * that have raw events. The raw events seeded for "right now" are engaged-time heartbeats, which
 * add no views or visitors when the job rolls the current hour up.
 */
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startOfUtcDay } from '../../core/analytics/analytics-period.js';
import type { Locale } from '../../db/schema.js';
import { expectNoAxeViolations } from './axe.js';
import { setUpNewsroom, tabTo } from './newsroom-support.js';

const newsroom = setUpNewsroom();
const DAY_MS = 86_400_000;

interface Story {
  id: number;
  headline: string;
  sectionId: number;
}
let english: Story;
let spanish: Story;
/** The UTC days before today that hold the seeded rows. */
let twoDaysAgo = '';
let yesterday = '';

/** A published demo story in `locale`, in a section other than `otherThan` when there is one. */
async function publishedStory(locale: Locale, otherThan?: number): Promise<Story> {
  const rows = await newsroom.site.galley.db
    .selectFrom('articles')
    .select(['id', 'headline', 'section_id'])
    .where('locale', '=', locale)
    .where('status', '=', 'published')
    .orderBy('id')
    .execute();
  const row = rows.find((candidate) => candidate.section_id !== otherThan) ?? rows[0];
  if (!row) throw new Error(`the demo has no published ${locale} story`);
  return { id: row.id, headline: row.headline, sectionId: row.section_id };
}

beforeAll(async () => {
  const db = newsroom.site.galley.db;
  english = await publishedStory('en');
  spanish = await publishedStory('es', english.sectionId);
  const today = startOfUtcDay(new Date()).getTime();
  twoDaysAgo = new Date(today - 2 * DAY_MS).toISOString();
  yesterday = new Date(today - DAY_MS).toISOString();
  const at = (day: string, hour: number) =>
    new Date(Date.parse(day) + hour * 3_600_000).toISOString();
  const hourly = (
    hour: string,
    story: Story,
    locale: Locale,
    [views, visitors, engaged, impressions, clicks]: number[],
  ) => ({
    hour,
    article_id: story.id,
    locale,
    section_id: story.sectionId,
    views: views ?? 0,
    visitors: visitors ?? 0,
    engaged_seconds: engaged ?? 0,
    scroll_25: Math.round((views ?? 0) * 0.8),
    scroll_50: Math.round((views ?? 0) * 0.5),
    scroll_75: Math.round((views ?? 0) * 0.3),
    scroll_100: Math.round((views ?? 0) * 0.1),
    rec_impressions: impressions ?? 0,
    rec_clicks: clicks ?? 0,
  });
  await db
    .insertInto('analytics_hourly')
    .values([
      hourly(at(twoDaysAgo, 10), english, 'en', [40, 30, 1200, 50, 5]),
      hourly(at(yesterday, 15), english, 'en', [25, 20, 500, 20, 4]),
      hourly(at(yesterday, 15), spanish, 'es', [16, 12, 320, 8, 2]),
    ])
    .execute();
  // One reader read both stories yesterday: 31 visitors site-wide, not 32.
  await db
    .insertInto('analytics_hourly_visitors')
    .values(
      (
        [
          [at(twoDaysAgo, 10), '*', -1, 30],
          [at(twoDaysAgo, 10), 'en', -1, 30],
          [at(yesterday, 15), '*', -1, 31],
          [at(yesterday, 15), 'en', -1, 20],
          [at(yesterday, 15), 'es', -1, 12],
          [at(yesterday, 15), '*', spanish.sectionId, 12],
          [at(yesterday, 15), 'es', spanish.sectionId, 12],
        ] as const
      ).map(([hour, locale, sectionId, visitors]) => ({
        hour,
        locale,
        section_id: sectionId,
        visitors,
      })),
    )
    .execute();
  await db
    .insertInto('analytics_hourly_sources')
    .values([
      {
        hour: at(twoDaysAgo, 10),
        locale: 'en',
        section_id: english.sectionId,
        dimension: 'referrer',
        value: 'news.example',
        views: 30,
      },
      {
        hour: at(twoDaysAgo, 10),
        locale: 'en',
        section_id: english.sectionId,
        dimension: 'referrer',
        value: '',
        views: 10,
      },
      {
        hour: at(yesterday, 15),
        locale: 'es',
        section_id: spanish.sectionId,
        dimension: 'referrer',
        value: 'buscador.example',
        views: 16,
      },
      {
        hour: at(yesterday, 15),
        locale: 'en',
        section_id: english.sectionId,
        dimension: 'campaign',
        value: 'newsletter',
        views: 5,
      },
    ])
    .execute();
  // Three readers active right now: two on stories, one on the home page.
  await db
    .insertInto('analytics_events')
    .values([
      heartbeat('r1', english, 'en'),
      heartbeat('r2', spanish, 'es'),
      heartbeat('r3', null, 'en'),
    ])
    .execute();
});

/** An engaged-time heartbeat 20 seconds ago: a reader active on `story` (or another page). */
const heartbeat = (visitor: string, story: Story | null, locale: Locale) => ({
  received_at: new Date(Date.now() - 20_000).toISOString(),
  kind: 'engaged' as const,
  visitor,
  article_id: story?.id ?? null,
  locale,
  section_id: story?.sectionId ?? null,
  path: '/',
  referrer_domain: '',
  utm_campaign: '',
  value: 5,
  target_article_id: null,
});

// The project compiles without the DOM library: table rows as the page's script sees them.
interface RowLike {
  cells: ArrayLike<{ textContent: string | null }>;
}

/** The rows of a table body as text, cell by cell (the row header first). */
const tableRows = (page: Page, selector: string) =>
  page
    .locator(`${selector} tbody tr`)
    .evaluateAll((rows) =>
      (rows as unknown as RowLike[]).map((row) =>
        Array.from(row.cells).map((cell) => (cell.textContent ?? '').trim()),
      ),
    );

/** The file a download link gives, read as text (without its byte order mark). */
async function download(page: Page, name: string | RegExp) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name }).click(),
  ]);
  const text = (await readFile(await file.path(), 'utf8')).replace(/^\uFEFF/, '');
  return { name: file.suggestedFilename(), lines: text.trimEnd().split('\r\n') };
}

describe('the analytics dashboard', () => {
  it('works from the keyboard and shows the seeded figures, chart table and CSV (en)', async () => {
    const errors: string[] = [];
    const { context, page } = await newsroom.signedIn('editor', '/admin/', { errors });
    try {
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Analytics' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Analytics' }).waitFor();

      // Right now: three readers, two of them on stories.
      const realtime = page.locator('.analytics-realtime');
      await expect
        .poll(() => realtime.locator('.analytics-big-number .value').textContent())
        .toBe('3');
      // One reader each: listed by article id.
      expect(await tableRows(page, '.analytics-realtime-stories')).toEqual(
        [english, spanish].sort((a, b) => a.id - b.id).map((story) => [story.headline, '1']),
      );

      // Today has no views yet (the seeded days are earlier): the empty states say so.
      await page.getByText('No views in this period yet.').first().waitFor();
      expect(await page.locator('[role="img"]').count()).toBe(0);

      // The filters by keyboard: the period's next option is "Last 7 days"; Apply with Enter.
      await tabTo(page, '#analytics-period');
      await page.keyboard.press('ArrowDown');
      await tabTo(page, 'form.filters button[type="submit"]');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 2, name: 'Last 7 days' }).waitFor();
      expect(new URL(page.url()).search).toBe('?period=7d');
      // The focus stays where the person was.
      expect(await page.evaluate<string>('document.activeElement.textContent')).toBe('Apply');

      expect(await page.locator('.analytics-kpi dt').allTextContents()).toEqual([
        'Views',
        'Visitors',
        'Engaged time',
        'Recommended click-through',
      ]);
      // 2,020 engaged seconds; 11 clicks of 78 impressions.
      expect(await page.locator('.analytics-kpi .value').allTextContents()).toEqual([
        '81',
        '61',
        '33 min 40 sec',
        '14.1%',
      ]);

      // The chart is one image, named by its summary; its table has every day's numbers.
      const chart = page.getByRole('img', { name: /81 views and 61 visitors in all/ });
      await chart.waitFor();
      expect(await chart.locator('canvas').count()).toBeGreaterThan(0);
      const series = await tableRows(page, '.analytics-series');
      expect(series).toHaveLength(7);
      expect(series.map((row) => row.slice(1))).toEqual([
        ['0', '0'],
        ['0', '0'],
        ['0', '0'],
        ['0', '0'],
        ['40', '30'],
        ['41', '31'],
        ['0', '0'],
      ]);

      expect(
        (await tableRows(page, '.analytics-top-articles')).map((row) => row.slice(0, 4)),
      ).toEqual([
        [english.headline, 'English', '65', '50'],
        [spanish.headline, 'Spanish', '16', '12'],
      ]);

      // The CSV files hold the same numbers.
      const articles = await download(page, 'Per-article figures for this period (CSV)');
      expect(articles.name).toMatch(/^galley-analytics-articles-7d-\d{4}-\d{2}-\d{2}\.csv$/);
      expect(articles.lines[0]).toBe(
        'article_id,headline,locale,views,visitors,engaged_seconds,engaged_seconds_per_view,rec_impressions,rec_clicks,rec_click_through_rate',
      );
      expect(articles.lines.slice(1).map((line) => line.split(',').slice(-7, -4))).toEqual([
        ['65', '50', expect.any(String)],
        ['16', '12', expect.any(String)],
      ]);
      expect(articles.lines[1]?.startsWith(`${english.id},`)).toBe(true);
      const seriesCsv = await download(page, 'Views and visitors over time (CSV)');
      expect(seriesCsv.lines).toEqual([
        'start_utc,views,visitors',
        ...[6, 5, 4, 3, 2, 1, 0].map((daysBack) => {
          const start = new Date(startOfUtcDay(new Date()).getTime() - daysBack * DAY_MS);
          const [views, visitors] = daysBack === 2 ? [40, 30] : daysBack === 1 ? [41, 31] : [0, 0];
          return `${start.toISOString()},${views},${visitors}`;
        }),
      ]);

      // The live region has stayed quiet through the refreshes; a new reader is said once.
      const live = realtime.locator('[aria-live="polite"]');
      expect(await live.textContent()).toBe('');
      await newsroom.site.galley.db
        .insertInto('analytics_events')
        .values({ ...heartbeat('r4', english, 'en'), received_at: new Date().toISOString() })
        .execute();
      await expect.poll(() => live.textContent(), { timeout: 20_000 }).toBe('Readers right now: 4');

      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);

  it('speaks Spanish and narrows to one language and section', async () => {
    const { context, page } = await newsroom.signedIn(
      'editor',
      `/admin/analytics?period=7d&locale=es&section=${spanish.sectionId}`,
      { locale: 'es' },
    );
    try {
      await page.getByRole('heading', { level: 1, name: 'Analítica' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Últimos 7 días' }).waitFor();
      expect(await page.locator('#analytics-locale').inputValue()).toBe('es');
      expect(await page.locator('#analytics-section').inputValue()).toBe(String(spanish.sectionId));
      await page.getByRole('img', { name: /16 visitas y 12 visitantes en total/ }).waitFor();
      expect(
        (await tableRows(page, '.analytics-top-articles')).map((row) => row.slice(0, 4)),
      ).toEqual([[spanish.headline, 'Español', '16', '12']]);
      expect(await tableRows(page, '.analytics-sources')).toContainEqual([
        'buscador.example',
        '16',
      ]);
      // Only the reader on the Spanish story, right now.
      await expect
        .poll(() => page.locator('.analytics-realtime .analytics-big-number .value').textContent())
        .toBe('1');
    } finally {
      await context.close();
    }
  }, 60_000);

  it('is closed to authors', async () => {
    const { context, page } = await newsroom.signedIn('author', '/admin/analytics');
    try {
      await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
      expect(await page.getByRole('link', { name: 'Analytics' }).count()).toBe(0);
    } finally {
      await context.close();
    }
  }, 60_000);
});

describe('axe-core finds no accessibility violation on the analytics dashboard', () => {
  for (const locale of ['en', 'es'] as const) {
    it(`with figures and empty (${locale})`, async () => {
      const { context, page } = await newsroom.signedIn('editor', '/admin/analytics?period=7d', {
        locale,
        bypassCSP: true,
      });
      try {
        await page.locator('.analytics-series tbody tr').first().waitFor();
        await page.locator('.analytics-realtime-stories').waitFor();
        await expectNoAxeViolations(page, `the analytics dashboard, 7 days (${locale})`);
        await page.goto(newsroom.url('/admin/analytics'), { waitUntil: 'load' });
        await page.locator('.analytics-top-articles, .analytics-kpis').first().waitFor();
        await expectNoAxeViolations(page, `the analytics dashboard, today (${locale})`);
      } finally {
        await context.close();
      }
    }, 90_000);
  }
});
