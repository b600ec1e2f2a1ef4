/**
 * Debian's ffmpeg and ffprobe, as Galley uses them: found once per binary pair (and cached),
 * ffprobe read as JSON, and ffmpeg runs that report their progress and can be stopped.
 *
 * Galley never needs a shell: every run is `spawn(binary, args)`, so a file name is never
 * interpreted.
 */
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export interface VideoTools {
  ffmpeg: string;
  ffprobe: string;
}

/** What `findVideoTools` found: the binaries, or why video is off. */
export type VideoToolsFound = { ok: true; tools: VideoTools } | { ok: false; reason: string };

/** The words editors and operators see when video cannot work on this machine. */
export const FFMPEG_MISSING = 'video uploads are off: ffmpeg was not found';

const found = new Map<string, Promise<VideoToolsFound>>();

/**
 * Looks for ffmpeg and ffprobe (names on PATH, or paths) once per pair; later calls share the
 * answer, so an upload never pays for the check.
 */
export function findVideoTools(names: Partial<VideoTools> = {}): Promise<VideoToolsFound> {
  const tools = { ffmpeg: names.ffmpeg ?? 'ffmpeg', ffprobe: names.ffprobe ?? 'ffprobe' };
  const cacheKey = `${tools.ffmpeg}\0${tools.ffprobe}`;
  let answer = found.get(cacheKey);
  if (!answer) {
    answer = (async (): Promise<VideoToolsFound> => {
      for (const binary of [tools.ffmpeg, tools.ffprobe]) {
        try {
          await execFileAsync(binary, ['-version'], { timeout: 10_000 });
        } catch (error) {
          const why = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : 'failed';
          return {
            ok: false,
            reason: `${FFMPEG_MISSING} (${binary}: ${why}); install ffmpeg (Debian: apt install ffmpeg) or set GALLEY_FFMPEG and GALLEY_FFPROBE`,
          };
        }
      }
      return { ok: true, tools };
    })();
    found.set(cacheKey, answer);
  }
  return answer;
}

/** What ffprobe read from a video file. */
export interface VideoProbe {
  /** ffprobe's container names, e.g. `mov,mp4,m4a,3gp,3g2,mj2` or `matroska,webm`. */
  formatName: string;
  durationMs: number;
  /** As displayed: a phone clip recorded upright (rotation 90) is taller than wide. */
  width: number;
  height: number;
  videoCodec: string;
  audioCodec: string | null;
  pixelFormat: string | null;
  /** The whole file's bits per second, when the container says. */
  bitRate: number | null;
  /** The title the file carries in its metadata (cameras and editing apps write one), or ''. */
  title: string;
}

/** The file is not a video ffprobe can read, in words for the person who uploaded it. */
export class UnreadableVideoError extends Error {
  override name = 'UnreadableVideoError';
}

interface ProbeJson {
  format?: {
    format_name?: string;
    duration?: string;
    bit_rate?: string;
    tags?: Record<string, string>;
  };
  streams?: {
    codec_type?: string;
    codec_name?: string;
    width?: number;
    height?: number;
    pix_fmt?: string;
    duration?: string;
    tags?: { rotate?: string };
    side_data_list?: { rotation?: number }[];
  }[];
}

export async function probeVideo(tools: VideoTools, file: string): Promise<VideoProbe> {
  let json: ProbeJson;
  try {
    const { stdout } = await execFileAsync(
      tools.ffprobe,
      ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file],
      { timeout: 60_000, maxBuffer: 4 * 1024 * 1024 },
    );
    json = JSON.parse(stdout) as ProbeJson;
  } catch (error) {
    const detail = String((error as { stderr?: string }).stderr ?? '')
      .trim()
      .split('\n')[0];
    throw new UnreadableVideoError(
      `the file could not be read as a video${detail ? ` (${detail.replace(/^.*?: /, '')})` : ''}; it may be damaged or incomplete`,
    );
  }
  const video = json.streams?.find((stream) => stream.codec_type === 'video');
  const audio = json.streams?.find((stream) => stream.codec_type === 'audio');
  if (!video?.codec_name || !video.width || !video.height)
    throw new UnreadableVideoError('the file has no video picture Galley can read');
  const seconds = Number(json.format?.duration ?? video.duration);
  if (!Number.isFinite(seconds) || seconds <= 0)
    throw new UnreadableVideoError('the video has no readable duration; it may be damaged');
  const rotation = Number(
    video.side_data_list?.find((data) => data.rotation !== undefined)?.rotation ??
      video.tags?.rotate ??
      0,
  );
  const isSideways = Math.abs(rotation) % 180 === 90;
  return {
    formatName: json.format?.format_name ?? '',
    durationMs: Math.round(seconds * 1000),
    width: isSideways ? video.height : video.width,
    height: isSideways ? video.width : video.height,
    videoCodec: video.codec_name,
    audioCodec: audio?.codec_name ?? null,
    pixelFormat: video.pix_fmt ?? null,
    bitRate: Number(json.format?.bit_rate) || null,
    title: (json.format?.tags?.['title'] ?? '').trim().slice(0, 600),
  };
}

/** ffmpeg ended with an error; `message` is the end of what it said. */
export class FfmpegError extends Error {
  override name = 'FfmpegError';
}

export interface FfmpegRunOptions {
  /** The output's expected duration, to turn `out_time_us` into a percentage. */
  durationMs?: number;
  /** Whole percent, 0-100, as ffmpeg reports it (about twice a second). */
  onProgress?: (percent: number) => void;
  /** Stops ffmpeg (SIGKILL) and rejects. */
  signal?: AbortSignal;
}

/**
 * Runs ffmpeg with `-progress pipe:1`. Besides the progress it gives, the pipe ties ffmpeg to
 * this process: if Galley dies, ffmpeg's next progress write fails and it stops instead of
 * running on as an orphan next to the process that takes the job over.
 */
export function runFfmpeg(
  tools: VideoTools,
  args: string[],
  options: FfmpegRunOptions = {},
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new Error('stopped before ffmpeg started'));
      return;
    }
    const child = spawn(
      tools.ffmpeg,
      [
        '-hide_banner',
        '-nostdin',
        '-loglevel',
        'error',
        '-progress',
        'pipe:1',
        '-nostats',
        ...args,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    let pending = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const match = /^out_time_us=(\d+)/.exec(line);
        if (match && options.durationMs && options.onProgress) {
          const percent = Number(match[1]) / 1000 / options.durationMs;
          options.onProgress(Math.max(0, Math.min(100, Math.floor(percent * 100))));
        }
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      // Only the end matters for the message; a long run must not grow this without bound.
      stderr = (stderr + chunk).slice(-4000);
    });
    const onAbort = () => child.kill('SIGKILL');
    options.signal?.addEventListener('abort', onAbort, { once: true });
    child.on('error', (error) => {
      options.signal?.removeEventListener('abort', onAbort);
      reject(error);
    });
    child.on('close', (code, signal) => {
      options.signal?.removeEventListener('abort', onAbort);
      if (code === 0) resolve();
      else if (options.signal?.aborted) reject(new Error('ffmpeg was stopped'));
      else
        reject(
          new FfmpegError(
            lastLines(stderr) ||
              `ffmpeg ended with ${signal ? `signal ${signal}` : `code ${code}`}`,
          ),
        );
    });
  });
}

const lastLines = (text: string) => text.trim().split('\n').slice(-3).join('; ');

/** One frame at `atSeconds`, as a JPEG in memory (a poster is a few hundred KB at most). */
export async function extractFrame(
  tools: VideoTools,
  file: string,
  atSeconds: number,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      tools.ffmpeg,
      [
        '-hide_banner',
        '-nostdin',
        '-loglevel',
        'error',
        // Before -i: a fast seek to the nearest key frame, then decoding up to the exact time.
        '-ss',
        atSeconds.toFixed(3),
        '-i',
        file,
        '-frames:v',
        '1',
        '-q:v',
        '2',
        '-f',
        'image2pipe',
        '-c:v',
        'mjpeg',
        'pipe:1',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-4000);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const jpeg = Buffer.concat(chunks);
      if (code === 0 && jpeg.length > 0) resolve(jpeg);
      else
        reject(
          new FfmpegError(
            lastLines(stderr) || `no frame at ${atSeconds.toFixed(1)} s could be decoded`,
          ),
        );
    });
  });
}
