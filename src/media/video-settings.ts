/**
 * The video settings of one Galley instance: which ffmpeg it runs and how large an upload may
 * be. `createGalley` attaches them to the instance's Core; the upload route and the processing
 * job read them from there, so two Galleys in one process (tests) can differ.
 */
import type { Core } from '../core/operation.js';
import { findVideoTools } from './ffmpeg.js';
import type { VideoToolsFound } from './ffmpeg.js';

/**
 * 2 GiB: about 25 minutes of 1080p at a camera's 10 Mbit/s, more than a news clip needs; raise
 * it with GALLEY_VIDEO_MAX_BYTES for long interviews. The file streams to disk, so the limit
 * bounds disk use, not memory.
 */
export const DEFAULT_VIDEO_MAX_BYTES = 2 * 1024 * 1024 * 1024;

export interface VideoSettings {
  tools: Promise<VideoToolsFound>;
  maxBytes: number;
}

const settingsByCore = new WeakMap<Core, VideoSettings>();

export function videoSettingsFrom(config: {
  ffmpegPath?: string | undefined;
  ffprobePath?: string | undefined;
  videoMaxBytes?: number | undefined;
}): VideoSettings {
  return {
    tools: findVideoTools({
      ...(config.ffmpegPath && { ffmpeg: config.ffmpegPath }),
      ...(config.ffprobePath && { ffprobe: config.ffprobePath }),
    }),
    maxBytes: config.videoMaxBytes ?? DEFAULT_VIDEO_MAX_BYTES,
  };
}

export function attachVideoSettings(core: Core, settings: VideoSettings): void {
  settingsByCore.set(core, settings);
}

/** The instance's settings; without any attached, ffmpeg from PATH and the default limit. */
export function videoSettingsOf(core: Core): VideoSettings {
  let settings = settingsByCore.get(core);
  if (!settings) {
    settings = videoSettingsFrom({});
    settingsByCore.set(core, settings);
  }
  return settings;
}
