/**
 * Test clips made on the spot with ffmpeg's built-in sources (a test pattern and a tone), so no
 * video file is checked in and every test knows exactly what it feeds the pipeline.
 */
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface ClipOptions {
  seconds?: number;
  width?: number;
  height?: number;
  /** mp4 (H.264/AAC), webm (VP9/Opus) or mov (H.264/AAC in QuickTime). */
  format?: 'mp4' | 'webm' | 'mov';
  /** Include a 440 Hz tone as the audio track (default true). */
  audio?: boolean;
  frameRate?: number;
}

/** Makes a clip and returns its path in a fresh temporary folder. */
export async function makeTestClip(options: ClipOptions = {}): Promise<string> {
  const {
    seconds = 3,
    width = 320,
    height = 180,
    format = 'mp4',
    audio = true,
    frameRate = 25,
  } = options;
  const dir = await mkdtemp(join(tmpdir(), 'galley-clip-'));
  const file = join(dir, `clip.${format}`);
  const codecs =
    format === 'webm'
      ? ['-c:v', 'libvpx-vp9', '-deadline', 'realtime', '-cpu-used', '8', '-c:a', 'libopus']
      : ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac'];
  await run('ffmpeg', [
    '-hide_banner',
    '-loglevel',
    'error',
    '-f',
    'lavfi',
    '-i',
    `testsrc=size=${width}x${height}:rate=${frameRate}:duration=${seconds}`,
    ...(audio ? ['-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}`] : []),
    ...codecs,
    ...(audio ? [] : ['-an']),
    '-shortest',
    file,
  ]);
  return file;
}

/** Whether ffmpeg and ffprobe are installed (CI installs them; `.ci/run`). */
export async function haveFfmpeg(): Promise<boolean> {
  try {
    await run('ffmpeg', ['-version']);
    await run('ffprobe', ['-version']);
    return true;
  } catch {
    return false;
  }
}
