/**
 * Loads the demo's video and its stories (content/stories-video.ts): the clip is drawn by
 * ffmpeg, uploaded into the media library as an editor's file would be, processed by the same
 * pipeline as any upload (run here directly, so the video is ready at the first page view),
 * captioned in both languages, and shown by two stories: in the body of one, as the lead
 * video of the other.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { systemActor } from '../core/actor.js';
import { runOperation } from '../core/operation.js';
import type { Core } from '../core/operation.js';
import {
  createArticle,
  createVideo,
  publishArticle,
  setVideoCaptions,
} from '../core/operations/index.js';
import { probeVideo } from '../media/ffmpeg.js';
import type { LocalMediaStore } from '../media/media-store.js';
import { lavfiClip } from '../media/video-lavfi.js';
import { processVideo } from '../media/video-processing.js';
import type { VideoJobContext } from '../media/video-processing.js';
import { validateWebVtt } from '../media/webvtt.js';
import {
  DEMO_CAPTIONS,
  DEMO_CLIP,
  DEMO_VIDEO_WORDS,
  videoStories,
} from './content/stories-video.js';

const actor = systemActor('demo');
const HOUR_MS = 3_600_000;
const VIDEO_FOLDER = 'demo/video/bay-at-first-light';

export interface DemoIds {
  sections: Map<string, number>;
  authors: Map<string, number>;
  tags: Map<string, number>;
}

/** Returns how many articles it added. */
export async function loadDemoVideo(
  core: Core,
  store: LocalMediaStore,
  video: VideoJobContext,
  ids: DemoIds,
  now: Date,
): Promise<number> {
  const clip = await lavfiClip(video.tools, DEMO_CLIP);
  const key = `${VIDEO_FOLDER}/original.mp4`;
  await mkdir(dirname(join(store.root, key)), { recursive: true });
  await copyFile(clip, join(store.root, key));
  const probe = await probeVideo(video.tools, join(store.root, key));
  const { id: videoId } = await runOperation(core, createVideo, actor, {
    path: key,
    mime: 'video/mp4',
    width: probe.width,
    height: probe.height,
    durationMs: probe.durationMs,
    videoCodec: probe.videoCodec,
    audioCodec: probe.audioCodec,
    translations: DEMO_VIDEO_WORDS,
  });
  // The job createVideo enqueued finds the video ready and ends at once.
  await processVideo(video, videoId);
  for (const locale of ['en', 'es'] as const) {
    const { text } = validateWebVtt(Buffer.from(DEMO_CAPTIONS[locale], 'utf8'));
    const captionsKey = `${VIDEO_FOLDER}/captions-${locale}.vtt`;
    await store.write(captionsKey, Buffer.from(text, 'utf8'));
    await runOperation(core, setVideoCaptions, actor, { id: videoId, locale, path: captionsKey });
  }
  const poster = await core.db
    .selectFrom('media')
    .select('poster_media_id')
    .where('id', '=', videoId)
    .executeTakeFirstOrThrow();

  let articles = 0;
  for (const story of videoStories) {
    const publishedAt = new Date(now.getTime() - story.publishedHoursAgo * HOUR_MS);
    let firstVersionId: number | null = null;
    for (const locale of ['en', 'es'] as const) {
      const version = story[locale];
      const { id }: { id: number } = await runOperation(
        core,
        createArticle,
        actor,
        {
          locale,
          translationOf: firstVersionId,
          headline: version.headline,
          dek: version.dek,
          slug: version.slug,
          body: version.body(videoId),
          type: story.type,
          sectionId: lookup(ids.sections, story.section),
          authorIds: story.authors.map((slug) => lookup(ids.authors, slug)),
          tagIds: story.tags.map((tag) => lookup(ids.tags, tag)),
          // Cards, feeds and share tags show an image: the video's poster.
          leadMediaId: poster.poster_media_id,
          leadVideoId: story.hasLeadVideo ? videoId : null,
        },
        { now: publishedAt },
      );
      firstVersionId ??= id;
      await runOperation(core, publishArticle, actor, { id }, { now: publishedAt });
      articles++;
    }
  }
  return articles;
}

function lookup(ids: Map<string, number>, key: string): number {
  const id = ids.get(key);
  if (id === undefined) throw new Error(`the demo video stories name an unknown "${key}"`);
  return id;
}
