/**
 * `npm run bench:image`: how long the upload intake takes for a 24-megapixel camera JPEG
 * (6000 x 4000): sniff, header, GPS strip, prefill, one decode and nine variants. Three runs after
 * a warm-up; the median and each run. Beside it, in the same process, a plain
 * `sharp(file).resize(1600).jpeg()`, so the ratio means something on a noisy shared machine,
 * and a breakdown by step, and AVIF at a few efforts (the setting that dominated the total).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { intakeImage, VARIANT_ENCODERS } from '../media/image-intake.js';
import { LocalMediaStore } from '../media/media-store.js';

const RUNS = 3;
const WIDTH = 6000;
const HEIGHT = 4000;
const VARIANT_WIDTHS = [480, 960, 1600];

/**
 * A camera-like 24 MP JPEG: large soft shapes (coarse noise blown up with a smooth kernel), a
 * light falloff from corner to corner, and fine sensor-like grain on top. Pure noise would make
 * every encoder look slower than on photographs, a flat colour much faster.
 */
async function cameraLikeJpeg(): Promise<Buffer> {
  const shapes = await sharp({
    create: {
      width: WIDTH / 8,
      height: HEIGHT / 8,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 120, sigma: 60 },
    },
  })
    .resize(WIDTH, HEIGHT, { kernel: 'cubic' })
    .png({ compressionLevel: 0 })
    .toBuffer();
  const grain = await sharp({
    create: {
      width: WIDTH,
      height: HEIGHT,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 10 },
    },
  })
    .png({ compressionLevel: 0 })
    .toBuffer();
  const falloff = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}">
      <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
        <stop offset="0" stop-color="#fff6e0"/><stop offset="1" stop-color="#303848"/>
      </linearGradient></defs>
      <rect width="100%" height="100%" fill="url(#g)"/></svg>`,
  );
  return sharp(shapes)
    .composite([
      { input: falloff, blend: 'multiply' },
      { input: grain, blend: 'overlay' },
    ])
    .jpeg({ quality: 92 })
    .toBuffer();
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = process.hrtime.bigint();
  const value = await work();
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, value };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Peak signal-to-noise ratio of 8-bit samples: a rough quality measure, enough to compare efforts. */
function psnr(reference: Buffer, candidate: Buffer): number {
  let squaredError = 0;
  for (let index = 0; index < reference.length; index++) {
    const difference = (reference[index] ?? 0) - (candidate[index] ?? 0);
    squaredError += difference * difference;
  }
  return 10 * Math.log10((255 * 255) / (squaredError / reference.length));
}

const formatMs = (ms: number): string => `${ms.toFixed(0)} ms`;

const storeDir = mkdtempSync(join(tmpdir(), 'galley-bench-image-'));
try {
  const store = new LocalMediaStore(storeDir);
  const camera = await cameraLikeJpeg();
  console.log(
    `input: ${WIDTH} x ${HEIGHT} JPEG, ${(camera.length / 1024 / 1024).toFixed(1)} MB; ` +
      `${availableParallelism()} cores, libvips threads per pipeline ${sharp.concurrency()}, ` +
      `libuv pool ${process.env.UV_THREADPOOL_SIZE ?? '4'}`,
  );

  const baseline = async (): Promise<number> =>
    (await timed(() => sharp(camera).resize(1600).jpeg().toBuffer())).ms;
  await baseline(); // warm-up: loads libjpeg, fills caches
  await intakeImage(store, camera, { keyPrefix: 'uploads/bench/warmup' });

  const intakeRuns: number[] = [];
  const baselineRuns: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    baselineRuns.push(await baseline());
    const { ms } = await timed(() =>
      intakeImage(store, camera, { keyPrefix: `uploads/bench/run-${run}` }),
    );
    intakeRuns.push(ms);
  }
  const intakeMedian = median(intakeRuns);
  const baselineMedian = median(baselineRuns);
  console.log(
    `intakeImage (9 variants: AVIF, WebP, JPEG at ${VARIANT_WIDTHS.join('/')}): ` +
      `median ${formatMs(intakeMedian)} (runs ${intakeRuns.map(formatMs).join(', ')})`,
  );
  console.log(
    `baseline sharp(file).resize(1600).jpeg(): median ${formatMs(baselineMedian)} ` +
      `(runs ${baselineRuns.map(formatMs).join(', ')}); intake = ${(intakeMedian / baselineMedian).toFixed(1)} x baseline`,
  );

  // Breakdown, one step at a time (the intake runs the encoders concurrently, so its total is
  // less than the sum below).
  const decode = await timed(() =>
    sharp(camera)
      .autoOrient()
      .resize({ width: 1600 })
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true }),
  );
  const { data: pixels, info } = decode.value;
  const raw = { width: info.width, height: info.height, channels: info.channels };
  console.log(`  decode + shrink to 1600 px, once: ${formatMs(decode.ms)}`);
  for (const encoder of VARIANT_ENCODERS) {
    let bytes = 0;
    const { ms } = await timed(async () => {
      for (const width of VARIANT_WIDTHS) {
        const output = await encoder.encode(sharp(pixels, { raw }).resize({ width })).toBuffer();
        bytes += output.length;
      }
    });
    console.log(
      `  ${encoder.mime} at 3 widths, one after another: ${formatMs(ms)}, ${(bytes / 1024).toFixed(0)} KB`,
    );
  }
  for (const effort of [0, 2, 4]) {
    const { ms, value } = await timed(() =>
      sharp(pixels, { raw }).avif({ quality: 50, effort, chromaSubsampling: '4:2:0' }).toBuffer(),
    );
    const decoded = await sharp(value).raw().toBuffer();
    console.log(
      `  AVIF 1600 px, quality 50, effort ${effort}: ${formatMs(ms)}, ` +
        `${(value.length / 1024).toFixed(0)} KB, PSNR ${psnr(pixels, decoded).toFixed(2)} dB`,
    );
  }
} finally {
  rmSync(storeDir, { recursive: true, force: true });
}
