/**
 * Publishing checks for the article's videos (the lead video and those in the body): a video the
 * background job has not made ready, or without captions in the article's language, gets a
 * warning. The page shows a video only once it is ready; captions are for the readers who
 * cannot hear it. Warnings, not errors: the editor may still publish.
 */
import { get } from '../api.ts';
import type { Translate } from '../i18n/index.tsx';
import { isVideo } from '../media.ts';
import type { ArticleFields, Locale, Media, VideoMedia } from '../types.ts';
import { bodyVideos } from './body-utils.ts';

export interface PublishingCheck {
  level: 'error' | 'warning';
  text: string;
}

export async function videoChecks(
  fields: Pick<ArticleFields, 'leadVideoId' | 'body'>,
  locale: Locale,
  t: Translate,
): Promise<PublishingCheck[]> {
  const uses = [
    ...(fields.leadVideoId ? [{ name: t('leadVideoName'), mediaId: fields.leadVideoId }] : []),
    ...bodyVideos(fields.body).map((video) => ({
      name: t('bodyVideoName', { n: video.index }),
      mediaId: video.mediaId,
    })),
  ];
  const ids = [...new Set(uses.map((use) => use.mediaId))];
  const found = new Map<number, VideoMedia | null>();
  await Promise.all(
    ids.map(async (id) => {
      try {
        const { media } = await get<{ media: Media }>(`/media/${id}`);
        found.set(id, isVideo(media) ? media : null);
      } catch {
        found.set(id, null);
      }
    }),
  );
  const language = t(`locale_${locale}`);
  const checks: PublishingCheck[] = [];
  for (const use of uses) {
    const video = found.get(use.mediaId);
    if (!video) {
      checks.push({ level: 'warning', text: t('checkVideoMissing', { video: use.name }) });
      continue;
    }
    if (video.processing.status !== 'ready')
      checks.push({
        level: 'warning',
        text:
          video.processing.status === 'failed'
            ? t('checkVideoFailed', { video: use.name })
            : t('checkVideoNotReady', { video: use.name, percent: video.processing.progress }),
      });
    if (!video.captions.some((caption) => caption.locale === locale))
      checks.push({
        level: 'warning',
        text: t('checkVideoNoCaptions', { video: use.name, language }),
      });
  }
  return checks;
}
