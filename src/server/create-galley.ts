/**
 * Composes a Galley instance: database (migrated), page cache wired to core's change sets,
 * demo content on first start, and the HTTP app. Entry points (CLI, tests, benchmark) call this;
 * it holds no logic of its own.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { createAdminApi } from '../api/admin/admin-api.js';
import { DEFAULT_OEMBED_SETTINGS } from '../content/embeds/oembed.js';
import { createContentApi } from '../api/content/content-api.js';
import { createFeedsApp } from '../feeds/feeds-app.js';
import { createSitemapsApp } from '../feeds/sitemaps-app.js';
import type { Kysely } from 'kysely';
import type { Core } from '../core/operation.js';
import { adapterForUrl } from '../db/dialects/adapter-for-url.js';
import type { DialectAdapter } from '../db/dialects/dialect-adapter.js';
import { migrateToLatest } from '../db/migrate.js';
import type { Database } from '../db/schema.js';
import { isDatabaseEmpty, loadDemo } from '../demo/load-demo.js';
import { PageCache } from '../http/page-cache.js';
import { SiteChromeCache } from '../core/reader/site-chrome-cache.js';
import { consoleLogger } from '../lib/log.js';
import type { Logger } from '../lib/log.js';
import { LocalMediaStore } from '../media/media-store.js';
import { attachVideoSettings, videoSettingsFrom } from '../media/video-settings.js';
import { articlePreviewRenderer, createSiteApp } from '../site/site-app.js';
import type { Config } from './config.js';
import { createAdminAppRoutes } from './admin-app.js';
import { InvalidationFeed } from './invalidation-feed.js';
import { JobRunner } from './job-runner.js';
import { indexUnindexedArticles } from '../core/search/search-index.js';
import type { JobRunnerOptions } from './job-runner.js';
import { Scheduler } from './scheduler.js';
import { PeriodicTask } from '../lib/periodic-task.js';
import { RECOMMENDATIONS_JOB } from '../core/recommend/refresh-queue.js';
import {
  prepareRecommendations,
  queuePopularityRefresh,
  recommendationsJobHandler,
} from '../core/recommend/recommendations-job.js';
import { createAnalyticsService } from '../analytics/analytics-service.js';
import type { AnalyticsService } from '../analytics/analytics-service.js';
import type { InvalidationFeedOptions } from './invalidation-feed.js';

export interface Galley {
  config: Config;
  adapter: DialectAdapter;
  db: Kysely<Database>;
  core: Core;
  pageCache: PageCache;
  mediaStore: LocalMediaStore;
  app: Hono;
  feed: InvalidationFeed;
  scheduler: Scheduler;
  jobs: JobRunner;
  /** First-party analytics; null when switched off (`GALLEY_ANALYTICS=0`). */
  analytics: AnalyticsService | null;
  close(): Promise<void>;
}

export async function createGalley(
  config: Config,
  options: { logger?: Logger; feed?: InvalidationFeedOptions; jobs?: JobRunnerOptions } = {},
): Promise<Galley> {
  const logger = options.logger ?? consoleLogger;
  const adapter = adapterForUrl(config.databaseUrl);
  const db = adapter.createKysely();
  try {
    await migrateToLatest(db, adapter);
    // Articles written before the search index existed are indexed once, here.
    const indexed = await indexUnindexedArticles(db);
    if (indexed > 0) logger.info(`search index: added ${indexed} articles`);
    const pageCache = new PageCache(config.pageCache);
    const siteChrome = new SiteChromeCache(db);
    const analytics =
      config.analytics === false
        ? null
        : createAnalyticsService({
            db,
            databaseUrl: config.databaseUrl,
            publicUrl: config.publicUrl,
            logger,
            retentionDays: config.analyticsRetentionDays,
            clientRatePerSecond: config.analyticsClientRate,
            beaconPort:
              config.analyticsPort === undefined
                ? undefined
                : { port: config.analyticsPort, host: config.host },
            trustedProxies: config.trustedProxies,
          });
    const dropCached = (keys: Set<string>) => {
      pageCache.invalidate(keys);
      siteChrome.invalidate(keys);
      analytics?.invalidate(keys);
    };
    const core: Core = {
      db,
      listeners: [(changes) => dropCached(changes.cacheKeys)],
      origin: `${hostname()}:${process.pid}:${randomUUID()}`,
    };
    const mediaStore = new LocalMediaStore(join(config.dataDir, 'media'));
    const videoSettings = videoSettingsFrom(config);
    attachVideoSettings(core, videoSettings);
    const video = await videoSettings.tools;
    // Galley runs without ffmpeg; only video is off, and it says so once here and on upload.
    if (!video.ok) logger.error(video.reason);
    const videoContext = video.ok ? { core, store: mediaStore, tools: video.tools } : undefined;
    if (config.loadDemo && (await isDatabaseEmpty(core))) {
      const { articles } = await loadDemo(core, mediaStore, undefined, undefined, {
        logger,
        videoTools: videoSettings.tools,
      });
      logger.info(`loaded demo content: ${articles} articles`);
    }
    // Recommended blocks for articles that have none (a new database, an upgrade, the demo).
    const prepared = await prepareRecommendations(core);
    if (prepared.vectors + prepared.blocks + prepared.queued > 0)
      logger.info(
        `recommendations: ${prepared.vectors} vectors, ${prepared.blocks} blocks, ${prepared.queued} queued`,
      );
    const site = createSiteApp({
      db,
      core,
      pageCache,
      siteChrome,
      publicUrl: config.publicUrl,
      mediaDir: mediaStore.root,
      logger,
      analytics: analytics !== null,
    });
    const app = new Hono();
    app.route(
      '/api/admin',
      createAdminApi({
        core,
        db,
        publicUrl: config.publicUrl,
        logger,
        mediaStore,
        previewArticle: articlePreviewRenderer({ db, siteChrome, publicUrl: config.publicUrl }),
        oembed: { ...DEFAULT_OEMBED_SETTINGS, base: config.oembedBase ?? null },
      }),
    );
    app.route('/api/content', createContentApi({ db, publicUrl: config.publicUrl, logger }));
    // POST /api/beacon, before the site (whose 404 would otherwise answer it).
    if (analytics) app.route('/', analytics.app);
    app.route('/', createAdminAppRoutes());
    app.route(
      '/',
      createFeedsApp({
        db,
        pageCache,
        siteChrome,
        logger,
        publicUrl: config.publicUrl,
        feedContent: config.feedContent ?? 'full',
      }),
    );
    app.route('/', createSitemapsApp({ db, pageCache, logger, publicUrl: config.publicUrl }));
    app.route('/', site);
    // Unmatched paths: JSON under /api/, otherwise the site's own 404, 410 and redirect handling.
    app.notFound((c) =>
      c.req.path.startsWith('/api/')
        ? c.json({ error: { message: `no such endpoint: ${c.req.method} ${c.req.path}` } }, 404)
        : site.fetch(c.req.raw, c.env),
    );
    // Other processes' writes reach this one's caches through the feed.
    const feed = new InvalidationFeed(db, core.origin, dropCached, logger, options.feed);
    feed.start();
    const scheduler = new Scheduler(core, logger);
    scheduler.start();
    // Webhook deliveries and other persisted work, claimed safely however many processes run.
    const jobs = new JobRunner(db, logger, {
      ...options.jobs,
      video: videoContext,
      handlers: { [RECOMMENDATIONS_JOB]: recommendationsJobHandler(core) },
    });
    jobs.start();
    // Popularity moves by the hour: blocks around the stories read in the last day are recomputed.
    const popularity = new PeriodicTask(
      () =>
        queuePopularityRefresh(db).catch((error: unknown) => {
          logger.error(`recommendations: popularity refresh failed: ${(error as Error).message}`);
          return 0;
        }),
      3_600_000,
    );
    popularity.start();
    analytics?.start();
    return {
      config,
      adapter,
      db,
      core,
      pageCache,
      mediaStore,
      app,
      feed,
      scheduler,
      jobs,
      analytics,
      close: async () => {
        // Accepted beacon events are written before the database closes.
        await analytics?.stop();
        await scheduler.stop();
        await popularity.stop();
        await jobs.stop();
        await feed.stop();
        await db.destroy();
      },
    };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}
