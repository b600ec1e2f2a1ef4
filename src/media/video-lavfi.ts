/**
 * Clips drawn by ffmpeg itself from its lavfi sources (gradients, tones), for the demo and the
 * benchmark: no video file is copied from anywhere or checked in.
 *
 * The same recipe always gives the same clip, so a made clip is kept in the system's temporary
 * folder under the recipe's hash and reused: every test that loads the demo would otherwise
 * spend seconds of a shared CPU encoding it again.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runFfmpeg } from './ffmpeg.js';
import type { VideoTools } from './ffmpeg.js';

export interface LavfiRecipe {
  /** A lavfi video source, e.g. `gradients=s=160x90:r=25:d=20`. */
  video: string;
  /** A lavfi audio source, e.g. `sine=frequency=440:duration=20`; none for a silent clip. */
  audio?: string;
  /** Filters after the source (scaling, fades). */
  videoFilter?: string;
  audioFilter?: string;
  /** Encoder arguments; the default is H.264/AAC in MP4 with the index first. */
  encode?: string[];
  /** The file's extension, which picks the container. */
  extension?: 'mp4' | 'webm' | 'mov';
}

const DEFAULT_ENCODE = [
  '-c:v',
  'libx264',
  '-preset',
  'veryfast',
  '-crf',
  '26',
  '-pix_fmt',
  'yuv420p',
  '-c:a',
  'aac',
  '-b:a',
  '96k',
  '-movflags',
  '+faststart',
];

function lavfiArgs(recipe: LavfiRecipe, output: string): string[] {
  return [
    '-y',
    '-f',
    'lavfi',
    '-i',
    recipe.video,
    ...(recipe.audio ? ['-f', 'lavfi', '-i', recipe.audio] : []),
    ...(recipe.videoFilter ? ['-vf', recipe.videoFilter] : []),
    ...(recipe.audioFilter && recipe.audio ? ['-af', recipe.audioFilter] : []),
    ...(recipe.encode ?? DEFAULT_ENCODE),
    ...(recipe.audio ? ['-shortest'] : ['-an']),
    output,
  ];
}

/** Makes the clip (or finds it made) and returns its path; do not change the file. */
export async function lavfiClip(tools: VideoTools, recipe: LavfiRecipe): Promise<string> {
  const hash = createHash('sha256')
    .update(JSON.stringify(lavfiArgs(recipe, '')))
    .digest('hex')
    .slice(0, 16);
  const folder = join(tmpdir(), 'galley-lavfi-clips');
  const file = join(folder, `${hash}.${recipe.extension ?? 'mp4'}`);
  try {
    if ((await stat(file)).size > 0) return file;
  } catch {
    // not made yet
  }
  await mkdir(folder, { recursive: true });
  // Made under a name of its own and renamed: two processes making it at once both succeed.
  const partial = `${file}.${randomUUID()}.part${recipe.extension ? `.${recipe.extension}` : '.mp4'}`;
  try {
    await runFfmpeg(tools, lavfiArgs(recipe, partial));
    await rename(partial, file);
  } finally {
    await rm(partial, { force: true });
  }
  return file;
}
