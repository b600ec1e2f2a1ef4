/**
 * The dashboard's Admin API routes: who may read them, the 400s that name a bad parameter, the
 * JSON report and realtime figures, and the CSV downloads (headers, escaping, formula guard).
 * Rows are written into the rollup tables at today's first UTC hour, which every "today"
 * request sees whatever the clock says while the test runs.
 */
import { beforeAll, expect, it } from 'vitest';
import { doc, p } from '../../content/body-builders.js';
import { startOfUtcDay } from '../../core/analytics/analytics-period.js';
import { setUpAdminApiClient } from '../../test/admin-api-client.js';
import type { AdminApiClient } from '../../test/admin-api-client.js';
import { describeEachDialect } from '../../test/each-dialect.js';

describeEachDialect('Admin API: analytics', { demo: false }, (t) => {
  let api: AdminApiClient;
  let plainId = 0;
  let formulaId = 0;
  const editorGet = (path: string) => api.call('GET', path, api.logins.editor);

  beforeAll(async () => {
    api = await setUpAdminApiClient(t.galley);
    const create = async (headline: string, slug: string) => {
      const response = await api.call('POST', '/articles', api.logins.editor, {
        locale: 'en',
        headline,
        slug,
        sectionId: api.sectionId,
        authorIds: [api.authorId],
        body: doc(p('Text.')),
      });
      expect(response.status, await response.clone().text()).toBe(201);
      return ((await response.json()) as { article: { id: number } }).article.id;
    };
    plainId = await create('Harbour reopens, "at last"', 'harbour');
    formulaId = await create('=HYPERLINK("http://evil.example","win")', 'formula');
    const hour = startOfUtcDay(new Date()).toISOString();
    const row = (articleId: number, views: number, visitors: number) => ({
      hour,
      article_id: articleId,
      locale: 'en' as const,
      section_id: api.sectionId,
      views,
      visitors,
      engaged_seconds: views * 10,
      scroll_25: views,
      scroll_50: 0,
      scroll_75: 0,
      scroll_100: 0,
      rec_impressions: 4,
      rec_clicks: 1,
    });
    await t.galley.db
      .insertInto('analytics_hourly')
      .values([row(plainId, 12, 9), row(formulaId, 5, 5)])
      .execute();
    await t.galley.db
      .insertInto('analytics_hourly_visitors')
      .values([
        { hour, locale: '*', section_id: -1, visitors: 13 },
        { hour, locale: 'en', section_id: api.sectionId, visitors: 13 },
      ])
      .execute();
    await t.galley.db
      .insertInto('analytics_events')
      .values({
        received_at: new Date(Date.now() - 60_000).toISOString(),
        kind: 'view',
        visitor: 'abc',
        article_id: plainId,
        locale: 'en',
        section_id: api.sectionId,
        path: '/en/port/harbour',
        referrer_domain: '',
        utm_campaign: '',
        value: 0,
        target_article_id: null,
      })
      .execute();
  });

  it('is for editors and admins: others get 403, anonymous callers 401', async () => {
    for (const path of [
      '/analytics',
      '/analytics/realtime',
      '/analytics/export.csv?table=series',
    ]) {
      expect((await api.call('GET', path, null)).status).toBe(401);
      expect((await api.call('GET', path, api.logins.contributor)).status).toBe(403);
      expect((await api.call('GET', path, api.logins.author)).status).toBe(403);
      expect((await api.call('GET', path, api.logins.editor)).status).toBe(200);
      expect((await api.call('GET', path, api.logins.admin)).status).toBe(200);
    }
  });

  it('answers a bad parameter with a 400 that names it', async () => {
    const cases: [string, string][] = [
      ['/analytics?period=year', 'period'],
      ['/analytics?locale=fr', 'locale'],
      ['/analytics?section=port', 'section'],
      ['/analytics?section=0', 'section'],
      ['/analytics?section=999999', 'section'],
      ['/analytics/realtime?locale=EN', 'locale'],
      ['/analytics/export.csv', 'table'],
      ['/analytics/export.csv?table=users', 'table'],
      ['/analytics/export.csv?table=series&period=1d', 'period'],
    ];
    for (const [path, field] of cases) {
      const response = await editorGet(path);
      expect(response.status, path).toBe(400);
      const body = (await response.json()) as { error: { message: string; field: string } };
      expect(body.error.field, path).toBe(field);
      expect(body.error.message, path).toMatch(new RegExp(`^${field}: `));
    }
  });

  it("reports today's figures, with empty parameters meaning all", async () => {
    const response = await editorGet(`/analytics?period=today&locale=&section=`);
    expect(response.status).toBe(200);
    const { report } = (await response.json()) as {
      report: {
        locale: string | null;
        totals: { views: number; visitors: number; clickThroughRate: number };
        topArticles: { articleId: number; views: number; headline: string }[];
      };
    };
    expect(report.locale).toBeNull();
    expect(report.totals).toMatchObject({ views: 17, visitors: 13, clickThroughRate: 2 / 8 });
    expect(report.topArticles.map(({ articleId, views }) => [articleId, views])).toEqual([
      [plainId, 12],
      [formulaId, 5],
    ]);
    const spanish = (await (await editorGet('/analytics?locale=es')).json()) as {
      report: { totals: { views: number; visitors: number } };
    };
    expect(spanish.report.totals).toMatchObject({ views: 0, visitors: 0 });
    const section = (await (
      await editorGet(`/analytics?period=7d&locale=en&section=${api.sectionId}`)
    ).json()) as { report: { sectionId: number; totals: { views: number; visitors: number } } };
    expect(section.report).toMatchObject({
      sectionId: api.sectionId,
      totals: { views: 17, visitors: 13 },
    });
  });

  it('counts the readers of the last five minutes', async () => {
    const { realtime } = (await (await editorGet('/analytics/realtime')).json()) as {
      realtime: { readers: number; stories: { articleId: number; readers: number }[] };
    };
    expect(realtime.readers).toBe(1);
    expect(realtime.stories).toEqual([
      { articleId: plainId, headline: 'Harbour reopens, "at last"', locale: 'en', readers: 1 },
    ]);
  });

  it('downloads the per-article figures as CSV, escaped and defused', async () => {
    const response = await editorGet(`/analytics/export.csv?table=articles&period=7d&locale=en`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const day = new Date().toISOString().slice(0, 10);
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="galley-analytics-articles-7d-en-${day}.csv"`,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // TextDecoder drops the byte order mark by default.
    expect(new TextDecoder().decode(bytes).split('\r\n')).toEqual([
      'article_id,headline,locale,views,visitors,engaged_seconds,engaged_seconds_per_view,rec_impressions,rec_clicks,rec_click_through_rate',
      `${plainId},"Harbour reopens, ""at last""",en,12,9,120,10,4,1,0.25`,
      `${formulaId},"'=HYPERLINK(""http://evil.example"",""win"")",en,5,5,50,10,4,1,0.25`,
      '',
    ]);
  });

  it('downloads the series as CSV, one row per hour today', async () => {
    const response = await editorGet(`/analytics/export.csv?table=series&section=${api.sectionId}`);
    expect(response.headers.get('content-disposition')).toMatch(
      new RegExp(`filename="galley-analytics-series-today-section-${api.sectionId}-`),
    );
    const lines = (await response.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe('start_utc,views,visitors');
    expect(lines[1]).toBe(`${startOfUtcDay(new Date()).toISOString()},17,0`);
    expect(lines).toHaveLength(1 + new Date().getUTCHours() + 1);
  });
});
