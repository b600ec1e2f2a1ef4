/**
 * The demo's video story, loaded as `galley serve` loads it on an empty database (both
 * dialects): the clip drawn by ffmpeg, processed by the pipeline, ready with both captions, in
 * one story's body and as another story's lead video, all published.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { createTestDatabase } from '../db/dialects/postgres/postgres-test-database.js';
import { memoryLogger } from '../lib/log.js';
import { createGalley } from '../server/create-galley.js';
import { describeEachDialect } from '../test/each-dialect.js';
import { videoStories } from './content/stories-video.js';

const run = promisify(execFile);

describeEachDialect('demo video story', { demo: true }, (t) => {
  it('loads a ready, captioned video shown by published stories in both languages', async () => {
    const { db, mediaStore } = t.galley;
    const video = await db
      .selectFrom('media')
      .selectAll()
      .where('kind', '=', 'video')
      .executeTakeFirstOrThrow();
    expect(video).toMatchObject({ processing_status: 'ready', width: 1280, height: 720 });
    expect(Math.abs((video.duration_ms ?? 0) - 20_000)).toBeLessThan(100);
    const [rendition] = JSON.parse(video.variants) as { path: string; mime: string }[];
    expect(rendition?.mime).toBe('video/mp4');
    const { stdout } = await run('ffprobe', [
      '-v',
      'error',
      '-show_entries',
      'stream=codec_name',
      '-of',
      'csv=p=0',
      join(mediaStore.root, rendition?.path ?? ''),
    ]);
    expect(stdout.trim().split('\n').sort()).toEqual(['aac', 'h264']);

    const captions = await db
      .selectFrom('media_captions')
      .select(['locale', 'label'])
      .where('media_id', '=', video.id)
      .orderBy('locale')
      .execute();
    expect(captions).toEqual([
      { locale: 'en', label: 'English' },
      { locale: 'es', label: 'Español' },
    ]);

    const slugs = videoStories.flatMap((story) => [story.en.slug, story.es.slug]);
    const articles = await db
      .selectFrom('articles')
      .select(['slug', 'status', 'body_html', 'lead_video_id', 'lead_media_id'])
      .where('slug', 'in', slugs)
      .execute();
    expect(articles).toHaveLength(slugs.length);
    for (const article of articles) {
      expect(article.status, article.slug).toBe('published');
      // Cards and share tags show the poster.
      expect(article.lead_media_id).toBe(video.poster_media_id);
    }
    const withLead = videoStories.find((story) => story.hasLeadVideo);
    const withBody = videoStories.find((story) => !story.hasLeadVideo);
    for (const locale of ['en', 'es'] as const) {
      const lead = articles.find((a) => a.slug === withLead?.[locale].slug);
      expect(lead?.lead_video_id).toBe(video.id);
      const body = articles.find((a) => a.slug === withBody?.[locale].slug);
      expect(body?.body_html).toContain(`<!--galley:video:${video.id}-->`);
    }
  });

  it('loads without the video story when ffmpeg is missing, and says so', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'galley-demo-noffmpeg-'));
    const pg = t.dialect === 'postgres' ? await createTestDatabase() : null;
    const logger = memoryLogger();
    try {
      const galley = await createGalley(
        {
          ...t.galley.config,
          dataDir,
          databaseUrl: pg?.url ?? `sqlite:${join(dataDir, 'galley.db')}`,
          ffmpegPath: '/nonexistent/galley-test/ffmpeg',
          loadDemo: true,
        },
        { logger, jobs: { intervalMs: 3_600_000 } },
      );
      try {
        const videos = await galley.db
          .selectFrom('media')
          .select('id')
          .where('kind', '=', 'video')
          .execute();
        expect(videos).toEqual([]);
        const published = await galley.db
          .selectFrom('articles')
          .select('id')
          .where('status', '=', 'published')
          .execute();
        expect(published.length).toBeGreaterThan(10);
        expect(logger.lines.map((line) => line.message)).toContainEqual(
          expect.stringMatching(/demo loads without its video story: video uploads are off/),
        );
      } finally {
        await galley.close();
      }
    } finally {
      await pg?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
