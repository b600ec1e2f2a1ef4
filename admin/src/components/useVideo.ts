/**
 * One video of the library, kept current: loaded by id, and asked for again every
 * 1.5 seconds while the background job is still making it ready, so its progress shows.
 */
import { useCallback, useEffect, useState } from 'react';
import { errorMessage, get } from '../api.ts';
import { isProcessing, isVideo } from '../media.ts';
import type { Media, VideoMedia } from '../types.ts';

const POLL_MS = 1500;

/** The error when the id names an image: the caller says so in the interface's language. */
export const NOT_A_VIDEO = 'not-a-video';

export function useVideo(
  id: number,
  initial: VideoMedia | null = null,
): {
  video: VideoMedia | null;
  error: string | null;
  /** Take a newer copy the app already has (the answer to a change). */
  setVideo: (video: VideoMedia) => void;
  /** Ask the server again now (after a change whose answer is not the whole video). */
  refresh: () => Promise<VideoMedia | null>;
} {
  const [video, setVideo] = useState<VideoMedia | null>(initial?.id === id ? initial : null);
  const [error, setError] = useState<string | null>(null);
  // Whether to ask (again): on start without a copy, and while the video is being processed.
  const shouldAsk = video === null || video.id !== id || isProcessing(video);
  // A failed question while following processing is asked again (a moment offline, a restart).
  const [retries, setRetries] = useState(0);

  useEffect(() => {
    if (!shouldAsk) return;
    const controller = new AbortController();
    const delay = video === null || video.id !== id ? 0 : POLL_MS;
    const timer = setTimeout(() => {
      get<{ media: Media }>(`/media/${id}`, controller.signal).then(
        ({ media }) => {
          if (!isVideo(media)) {
            setError(NOT_A_VIDEO);
            return;
          }
          setError(null);
          setVideo(media);
        },
        (caught: unknown) => {
          if (controller.signal.aborted) return;
          setError(errorMessage(caught));
          if (video?.id === id) setRetries((n) => n + 1);
        },
      );
    }, delay);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // Each answer is a new `video`, which schedules the next question while processing goes on.
  }, [id, shouldAsk, video, retries]);

  const refresh = useCallback(async () => {
    const { media } = await get<{ media: Media }>(`/media/${id}`);
    if (!isVideo(media)) return null;
    setVideo(media);
    return media;
  }, [id]);

  return { video: video?.id === id ? video : null, error, setVideo, refresh };
}
