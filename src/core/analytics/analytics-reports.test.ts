/**
 * The dashboard's report and realtime figures, on both databases, from rollup and event rows
 * written straight into the tables (as the rollup job would leave them). Every expected number
 * below was worked out by hand from the rows, including the rows that must be left out: the
 * hour before a period starts, the hour after the current one, events outside the five minutes.
 */
import { beforeAll, expect, it } from 'vitest';
import { doc, p } from '../../content/body-builders.js';
import type { Locale } from '../../db/schema.js';
import { describeEachDialect } from '../../test/each-dialect.js';
import { systemActor } from '../actor.js';
import { runOperation } from '../operation.js';
import {
  createArticle,
  createAuthor,
  createSection,
  setUpPublication,
} from '../operations/index.js';
import { analyticsRealtime } from './analytics-realtime.js';
import { analyticsReport, articleFigures } from './analytics-reports.js';
import type { AnalyticsFilter } from './analytics-reports.js';

const system = systemActor('test');
const NOW = new Date('2026-11-28T16:20:00.000Z');
const hour = (text: string) => `${text}:00:00.000Z`;
/** The report's referrer and campaign rows, in order, from [name, views] pairs. */
const referrers = (...rows: [string, number][]) =>
  rows.map(([domain, views]) => ({ domain, views }));
const campaigns = (...rows: [string, number][]) =>
  rows.map(([campaign, views]) => ({ campaign, views }));

describeEachDialect('analytics reports', { demo: false }, (t) => {
  // The test galley's analytics prune and roll up at start, in the background. Fixed-date events
  // written here would race them: the prune deletes events past the retention, and a round may
  // rewrite the hours under test. Stop that work (it waits for a run in progress) first.
  beforeAll(() => t.galley.analytics?.stop());

  let city = 0;
  let port = 0;
  /** A1: English, city. A2: Spanish, port. A3: English, port. */
  let a1 = 0;
  let a2 = 0;
  let a3 = 0;

  const report = (filter: Partial<AnalyticsFilter> = {}) =>
    analyticsReport(t.galley.db, { period: 'today', now: NOW, ...filter });

  beforeAll(async () => {
    const run = (operation: Parameters<typeof runOperation>[1], input: unknown) =>
      runOperation(t.galley.core, operation, system, input) as Promise<{ id: number }>;
    await run(setUpPublication, {
      name: 'Tide Times',
      timeZone: 'UTC',
      translations: { en: { tagline: 'News' }, es: { tagline: 'Noticias' } },
    });
    city = (
      await run(createSection, {
        translations: {
          en: { name: 'City', slug: 'city' },
          es: { name: 'Ciudad', slug: 'ciudad' },
        },
      })
    ).id;
    port = (
      await run(createSection, {
        translations: {
          en: { name: 'Port', slug: 'port' },
          es: { name: 'Puerto', slug: 'puerto' },
        },
      })
    ).id;
    const author = (
      await run(createAuthor, {
        slug: 'ana',
        name: 'Ana',
        translations: { en: { bio: '' }, es: { bio: '' } },
      })
    ).id;
    const story = async (locale: Locale, headline: string, slug: string, sectionId: number) =>
      (
        await run(createArticle, {
          locale,
          headline,
          slug,
          sectionId,
          authorIds: [author],
          body: doc(p('Text.')),
        })
      ).id;
    a1 = await story('en', 'Tide tables for the week', 'tides', city);
    a2 = await story('es', 'Mareas vivas en el puerto', 'mareas', port);
    a3 = await story('en', 'Ferry timetable changes', 'ferry', port);

    const zero = { scroll: [0, 0, 0, 0], rec: [0, 0] };
    // [hour, article, locale, section, views, visitors, engaged, [scroll 25..100], [rec imp, clicks]]
    const hourly: [string, number, Locale, number, number, number, number, number[], number[]][] = [
      ['2026-10-29T23', a2, 'es', port, 50, 50, 500, zero.scroll, zero.rec], // before 30 days
      ['2026-10-30T00', a2, 'es', port, 9, 9, 90, zero.scroll, [10, 1]], // first hour of 30 days
      ['2026-11-21T23', a1, 'en', city, 100, 80, 1000, zero.scroll, zero.rec], // 30 days, not 7
      ['2026-11-22T00', a1, 'en', city, 3, 3, 60, [3, 2, 1, 0], [6, 0]], // first hour of 7 days
      ['2026-11-25T12', a3, 'en', port, 20, 15, 400, [18, 12, 8, 4], [40, 2]],
      ['2026-11-28T09', a1, 'en', city, 10, 8, 300, [9, 6, 4, 2], [20, 3]],
      ['2026-11-28T10', a2, 'es', port, 7, 6, 210, [7, 5, 2, 1], [14, 7]],
      ['2026-11-28T11', 0, 'en', 0, 4, 3, 0, zero.scroll, zero.rec], // the home page
      ['2026-11-28T16', a1, 'en', city, 5, 2, 100, [5, 3, 1, 0], [10, 1]], // the current hour
      ['2026-11-28T17', a1, 'en', city, 1000, 900, 9000, zero.scroll, zero.rec], // after now
    ];
    await t.galley.db
      .insertInto('analytics_hourly')
      .values(
        hourly.map(([h, article, locale, section, views, visitors, engaged, scroll, rec]) => ({
          hour: hour(h),
          article_id: article,
          locale,
          section_id: section,
          views,
          visitors,
          engaged_seconds: engaged,
          scroll_25: scroll[0] ?? 0,
          scroll_50: scroll[1] ?? 0,
          scroll_75: scroll[2] ?? 0,
          scroll_100: scroll[3] ?? 0,
          rec_impressions: rec[0] ?? 0,
          rec_clicks: rec[1] ?? 0,
        })),
      )
      .execute();

    // Visitors first seen that UTC day in each hour, per locale ('*' all) and section (-1 all).
    // The 11:00 home-page readers were mostly seen at 09:00 already: 1 new site-wide, 3 new to
    // the home page.
    const visitors: [string, string, number, number][] = [
      ['2026-10-29T23', '*', -1, 50],
      ['2026-10-30T00', '*', -1, 9],
      ['2026-11-21T23', '*', -1, 80],
      ['2026-11-22T00', '*', -1, 3],
      ['2026-11-25T12', '*', -1, 15],
      ['2026-11-28T09', '*', -1, 9],
      ['2026-11-28T09', 'en', -1, 9],
      ['2026-11-28T09', '*', city, 8],
      ['2026-11-28T10', '*', -1, 6],
      ['2026-11-28T10', 'es', -1, 6],
      ['2026-11-28T10', 'es', port, 6],
      ['2026-11-28T11', '*', -1, 1],
      ['2026-11-28T11', 'en', -1, 1],
      ['2026-11-28T11', '*', 0, 3],
      ['2026-11-28T16', '*', -1, 2],
      ['2026-11-28T16', 'en', -1, 2],
      ['2026-11-28T16', '*', city, 2],
      ['2026-11-28T17', '*', -1, 500],
    ];
    await t.galley.db
      .insertInto('analytics_hourly_visitors')
      .values(
        visitors.map(([h, locale, section, count]) => ({
          hour: hour(h),
          locale,
          section_id: section,
          visitors: count,
        })),
      )
      .execute();

    const sources: [string, Locale, number, 'referrer' | 'campaign', string, number][] = [
      ['2026-11-28T09', 'en', city, 'referrer', 'news.example', 6],
      ['2026-11-28T09', 'en', city, 'referrer', '', 4],
      ['2026-11-28T10', 'es', port, 'referrer', 'social.example', 7],
      ['2026-11-28T11', 'en', 0, 'referrer', '', 4],
      ['2026-11-28T16', 'en', city, 'referrer', 'news.example', 5],
      ['2026-11-25T12', 'en', port, 'referrer', 'social.example', 20],
      ['2026-11-21T23', 'en', city, 'referrer', 'old.example', 100],
      ['2026-11-28T09', 'en', city, 'campaign', '', 7],
      ['2026-11-28T09', 'en', city, 'campaign', 'spring', 3],
      ['2026-11-28T10', 'es', port, 'campaign', 'otoño', 7],
      ['2026-11-25T12', 'en', port, 'campaign', 'spring', 20],
    ];
    await t.galley.db
      .insertInto('analytics_hourly_sources')
      .values(
        sources.map(([h, locale, section, dimension, value, views]) => ({
          hour: hour(h),
          locale,
          section_id: section,
          dimension,
          value,
          views,
        })),
      )
      .execute();

    // Raw events around the five minutes before NOW (16:15:00.000 to 16:20:00.000).
    const events: [string, string, number | null, Locale, number | null, 'view' | 'engaged'][] = [
      ['16:16:00', 'v1', a1, 'en', city, 'view'],
      ['16:18:00', 'v1', a1, 'en', city, 'engaged'], // the same reader again: counted once
      ['16:19:00', 'v2', a1, 'en', city, 'view'],
      ['16:17:00', 'v3', a2, 'es', port, 'view'],
      ['16:19:30', 'v4', null, 'en', null, 'view'], // the home page: a reader, on no story
      ['16:15:00', 'v7', a3, 'en', port, 'view'], // exactly five minutes ago: in
      ['16:14:59', 'v5', a3, 'en', port, 'view'], // just before: out
      ['16:21:00', 'v6', a1, 'en', city, 'view'], // after now: out
    ];
    await t.galley.db
      .insertInto('analytics_events')
      .values(
        events.map(([time, visitor, article, locale, section, kind]) => ({
          received_at: `2026-11-28T${time}.000Z`,
          kind,
          visitor,
          article_id: article,
          locale,
          section_id: section,
          path: '/',
          referrer_domain: '',
          utm_campaign: '',
          value: kind === 'engaged' ? 5 : 0,
          target_article_id: null,
        })),
      )
      .execute();
  });

  it('sums today, hour by hour through the current hour, with every page counted', async () => {
    const today = await report();
    expect(today).toMatchObject({
      period: 'today',
      from: '2026-11-28T00:00:00.000Z',
      until: '2026-11-28T17:00:00.000Z',
      bucket: 'hour',
      locale: null,
      sectionId: null,
    });
    expect(today.totals).toEqual({
      views: 26,
      visitors: 18,
      engagedSeconds: 610,
      engagedSecondsPerView: 610 / 26,
      scrollDepth: [
        { quarter: 25, views: 21, share: 21 / 26 },
        { quarter: 50, views: 14, share: 14 / 26 },
        { quarter: 75, views: 7, share: 7 / 26 },
        { quarter: 100, views: 3, share: 3 / 26 },
      ],
      recImpressions: 44,
      recClicks: 11,
      clickThroughRate: 11 / 44,
    });
    expect(today.series).toHaveLength(17);
    expect(today.series[0]).toEqual({ start: '2026-11-28T00:00:00.000Z', views: 0, visitors: 0 });
    expect(today.series.filter((point) => point.views > 0 || point.visitors > 0)).toEqual([
      { start: '2026-11-28T09:00:00.000Z', views: 10, visitors: 9 },
      { start: '2026-11-28T10:00:00.000Z', views: 7, visitors: 6 },
      { start: '2026-11-28T11:00:00.000Z', views: 4, visitors: 1 },
      { start: '2026-11-28T16:00:00.000Z', views: 5, visitors: 2 },
    ]);
    expect(today.topArticles).toEqual([
      {
        articleId: a1,
        headline: 'Tide tables for the week',
        locale: 'en',
        views: 15,
        visitors: 10,
        engagedSeconds: 400,
        engagedSecondsPerView: 400 / 15,
        recImpressions: 30,
        recClicks: 4,
        clickThroughRate: 4 / 30,
      },
      {
        articleId: a2,
        headline: 'Mareas vivas en el puerto',
        locale: 'es',
        views: 7,
        visitors: 6,
        engagedSeconds: 210,
        engagedSecondsPerView: 30,
        recImpressions: 14,
        recClicks: 7,
        clickThroughRate: 0.5,
      },
    ]);
    expect(today.topReferrers).toEqual(
      referrers(['news.example', 11], ['', 8], ['social.example', 7]),
    );
    expect(today.topCampaigns).toEqual(campaigns(['otoño', 7], ['spring', 3]));
  });

  it('narrows to a locale, a section, or both', async () => {
    const english = await report({ locale: 'en' });
    expect(english.totals).toMatchObject({ views: 19, visitors: 12, engagedSeconds: 400 });
    expect(english.topArticles.map((article) => article.articleId)).toEqual([a1]);
    expect(english.topReferrers).toEqual(referrers(['news.example', 11], ['', 8]));

    const cityToday = await report({ sectionId: city });
    expect(cityToday).toMatchObject({ locale: null, sectionId: city });
    expect(cityToday.totals).toMatchObject({
      views: 15,
      visitors: 10,
      recImpressions: 30,
      recClicks: 4,
    });
    expect(cityToday.topReferrers).toEqual(referrers(['news.example', 11], ['', 4]));
    expect(cityToday.topCampaigns).toEqual(campaigns(['spring', 3]));

    const spanishPort = await report({ locale: 'es', sectionId: port });
    expect(spanishPort.totals).toMatchObject({ views: 7, visitors: 6, engagedSeconds: 210 });
    expect(spanishPort.topArticles.map((article) => article.articleId)).toEqual([a2]);
    expect(spanishPort.topCampaigns).toEqual(campaigns(['otoño', 7]));
  });

  it('sums 7 days by UTC day, from midnight six days ago', async () => {
    const week = await report({ period: '7d' });
    expect(week).toMatchObject({ from: '2026-11-22T00:00:00.000Z', bucket: 'day' });
    expect(week.totals).toMatchObject({ views: 49, visitors: 36, recImpressions: 90 });
    expect(week.series).toEqual([
      { start: '2026-11-22T00:00:00.000Z', views: 3, visitors: 3 },
      { start: '2026-11-23T00:00:00.000Z', views: 0, visitors: 0 },
      { start: '2026-11-24T00:00:00.000Z', views: 0, visitors: 0 },
      { start: '2026-11-25T00:00:00.000Z', views: 20, visitors: 15 },
      { start: '2026-11-26T00:00:00.000Z', views: 0, visitors: 0 },
      { start: '2026-11-27T00:00:00.000Z', views: 0, visitors: 0 },
      { start: '2026-11-28T00:00:00.000Z', views: 26, visitors: 18 },
    ]);
    expect(
      week.topArticles.map(({ articleId, views, visitors }) => [articleId, views, visitors]),
    ).toEqual([
      [a3, 20, 15],
      [a1, 18, 13],
      [a2, 7, 6],
    ]);
    expect(week.topReferrers).toEqual(
      referrers(['social.example', 27], ['news.example', 11], ['', 8]),
    );
    expect(week.topCampaigns).toEqual(campaigns(['spring', 23], ['otoño', 7]));
  });

  it('sums 30 days, from midnight 29 days ago', async () => {
    const month = await report({ period: '30d' });
    expect(month.from).toBe('2026-10-30T00:00:00.000Z');
    expect(month.series).toHaveLength(30);
    expect(month.series[0]).toEqual({ start: '2026-10-30T00:00:00.000Z', views: 9, visitors: 9 });
    expect(month.totals).toMatchObject({ views: 158, visitors: 125, recClicks: 14 });
    expect(month.topArticles.map(({ articleId, views }) => [articleId, views])).toEqual([
      [a1, 118],
      [a3, 20],
      [a2, 16],
    ]);
  });

  it('lists every article read for the CSV, and says "no data" as zeros and nulls', async () => {
    const all = await articleFigures(t.galley.db, { period: '30d', now: NOW });
    expect(all.map((article) => article.articleId)).toEqual([a1, a3, a2]);
    const nothing = await report({ now: new Date('2027-03-01T08:00:00.000Z') });
    expect(nothing.totals).toEqual({
      views: 0,
      visitors: 0,
      engagedSeconds: 0,
      engagedSecondsPerView: null,
      scrollDepth: [25, 50, 75, 100].map((quarter) => ({ quarter, views: 0, share: null })),
      recImpressions: 0,
      recClicks: 0,
      clickThroughRate: null,
    });
    expect(nothing.series).toHaveLength(9);
    expect(nothing.topArticles).toEqual([]);
    expect(nothing.topReferrers).toEqual([]);
  });

  it('counts readers of the last five minutes once each, in all and per story', async () => {
    const now = await analyticsRealtime(t.galley.db, { now: NOW });
    expect(now).toEqual({
      since: '2026-11-28T16:15:00.000Z',
      until: '2026-11-28T16:20:00.000Z',
      windowMinutes: 5,
      readers: 5,
      stories: [
        { articleId: a1, headline: 'Tide tables for the week', locale: 'en', readers: 2 },
        { articleId: a2, headline: 'Mareas vivas en el puerto', locale: 'es', readers: 1 },
        { articleId: a3, headline: 'Ferry timetable changes', locale: 'en', readers: 1 },
      ],
    });
    const spanish = await analyticsRealtime(t.galley.db, { now: NOW, locale: 'es' });
    expect(spanish.readers).toBe(1);
    expect(spanish.stories.map((story) => story.articleId)).toEqual([a2]);
    const cityNow = await analyticsRealtime(t.galley.db, { now: NOW, sectionId: city });
    expect(cityNow.readers).toBe(2);
    const later = await analyticsRealtime(t.galley.db, { now: new Date('2026-11-28T17:00:00Z') });
    expect(later).toMatchObject({ readers: 0, stories: [] });
  });
});
