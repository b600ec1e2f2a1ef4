/**
 * The server side of an image upload: decide from the bytes whether Galley takes the file, keep
 * the original without its location data, suggest caption and credit from its metadata, and make
 * the web variants (AVIF, WebP, JPEG at a few widths) the site puts in `srcset`.
 *
 * Everything that can refuse the file runs before anything is written, so a refused upload
 * leaves nothing in the store. The order is cheapest check first: size, magic bytes, the
 * header's dimensions (sharp reads only the header), then one decode for all variants.
 */
import sharp from 'sharp';
import type { Metadata, Sharp } from 'sharp';
import { readPrefill } from './image-prefill.js';
import type { ImagePrefill } from './image-prefill.js';
import { sniffImageType } from './image-sniff.js';
import type { AcceptedImageFormat } from './image-sniff.js';
import type { LocalMediaStore } from './media-store.js';
import { MetadataFormatError } from './metadata-gps.js';
import { stripLocation } from './strip-location.js';

/**
 * maxBytes, 30 MB: a full-quality JPEG from a 45-61 MP camera (Nikon Z8/Z9, Canon R5, Sony A7R)
 * is 15-30 MB, a 4K screenshot as PNG about 10 MB; anything larger is a TIFF-like export a
 * newsroom should not be publishing from, and refusing it early bounds memory per upload.
 * maxPixels, 100 MP: above every common camera body (61 MP) and large panoramas, and it bounds a
 * decompression bomb to about 300 MB of RGB in the worst case (a PNG decoded whole for an EXIF
 * rotation). Medium-format 102 MP files (Fujifilm GFX100) are just over: downsize them first.
 */
export const UPLOAD_LIMITS = { maxBytes: 30 * 1024 * 1024, maxPixels: 100_000_000 };

export const DEFAULT_VARIANT_WIDTHS = [480, 960, 1600];

export class ImageRejectedError extends Error {
  constructor(
    readonly status: 413 | 422,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'ImageRejectedError';
  }
}

export interface IntakeVariant {
  key: string;
  width: number;
  height: number;
  mime: 'image/avif' | 'image/webp' | 'image/jpeg';
}

export const CROP_RATIOS = { '16x9': 16 / 9, '4x3': 4 / 3, '1x1': 1 } as const;
export type CropRatio = keyof typeof CROP_RATIOS;
/** Crops are made this wide (or as wide as the image allows): Google asks for at least 1200 px. */
const CROP_WIDTH = 1200;

export interface IntakeCrop extends IntakeVariant {
  ratio: CropRatio;
}

export interface IntakeResult {
  /** width and height as displayed, after the EXIF orientation. */
  original: { key: string; mime: string; width: number; height: number; bytes: number };
  /** AVIF, then WebP, then JPEG; smallest first within each mime. */
  variants: IntakeVariant[];
  prefill: ImagePrefill;
  /** 16x9, 4x3 and 1x1 JPEG crops, for search engines' structured data (Google asks for all three). */
  crops: IntakeCrop[];
  /** Whether the upload carried location data (EXIF GPS or XMP GPS) that was removed. */
  gpsRemoved: boolean;
}

/** What the media library stores of an intake: the files by store key, as `createImage` takes them. */
export function storedImageFiles(intake: IntakeResult) {
  return {
    path: intake.original.key,
    width: intake.original.width,
    height: intake.original.height,
    mime: intake.original.mime,
    variants: intake.variants.map(({ key, ...size }) => ({ path: key, ...size })),
    crops: intake.crops.map(({ key, ...crop }) => ({ path: key, ...crop })),
  };
}

const FORMAT_FILES: Record<AcceptedImageFormat, { mime: string; extension: string }> = {
  jpeg: { mime: 'image/jpeg', extension: 'jpg' },
  png: { mime: 'image/png', extension: 'png' },
  webp: { mime: 'image/webp', extension: 'webp' },
  avif: { mime: 'image/avif', extension: 'avif' },
};

/**
 * Encoder settings, measured with src/bench/image-intake.ts on the 2-core machine (libvips runs
 * one thread per pipeline there, so an AVIF encode is single-threaded). AVIF of a 1600 px
 * camera-like image at quality 50, 4:2:0: effort 0 took 171 ms for 285 KB at 23.3 dB PSNR,
 * effort 2 1.7 s for 301 KB, effort 4 (sharp's default) 9.0 s for 267 KB at 23.4 dB: the same
 * quality for 7 % more bytes at a fiftieth of the time, so effort 0. 4:2:0 because photographs
 * do not need full-resolution chroma and it encodes faster. WebP 78 and mozjpeg 80 land at about
 * the same PSNR as each other; mozjpeg (progressive, trellis) is kept for the JPEG because the
 * JPEG is what social networks fetch for link previews, where its 4 % saving is paid per fetch.
 */
export const VARIANT_ENCODERS = [
  {
    mime: 'image/avif',
    extension: 'avif',
    encode: (image: Sharp) => image.avif({ quality: 50, effort: 0, chromaSubsampling: '4:2:0' }),
  },
  {
    mime: 'image/webp',
    extension: 'webp',
    encode: (image: Sharp) => image.webp({ quality: 78, effort: 4 }),
  },
  {
    mime: 'image/jpeg',
    extension: 'jpg',
    // JPEG has no alpha: a transparent PNG gets a white background, as on the page.
    encode: (image: Sharp) =>
      image.flatten({ background: '#ffffff' }).jpeg({ quality: 80, mozjpeg: true }),
  },
] as const satisfies readonly {
  mime: IntakeVariant['mime'];
  extension: string;
  encode: (image: Sharp) => Sharp;
}[];

const NOT_ACCEPTED = 'the file is not an image Galley accepts (JPEG, PNG, WebP or AVIF)';
const BYTES_PER_MB = 1024 * 1024;

export async function intakeImage(
  store: LocalMediaStore,
  bytes: Buffer,
  options: { keyPrefix: string; limits?: typeof UPLOAD_LIMITS; widths?: number[] },
): Promise<IntakeResult> {
  const limits = options.limits ?? UPLOAD_LIMITS;
  if (bytes.length > limits.maxBytes) {
    throw new ImageRejectedError(
      413,
      `the file is ${formatMb(bytes.length)} MB; the limit is ${formatMb(limits.maxBytes)} MB`,
    );
  }
  const sniffed = sniffImageType(bytes);
  if (!sniffed.accepted) {
    const looksLike = sniffed.looksLike ?? 'a file of a type Galley does not recognise';
    throw new ImageRejectedError(422, `${NOT_ACCEPTED}; it looks like ${looksLike}`);
  }
  const format = sniffed.format;
  const metadata = await readHeader(bytes, format);
  checkHeader(metadata, format, limits);

  const widths = variantWidths(metadata.autoOrient.width, options.widths ?? DEFAULT_VARIANT_WIDTHS);
  const [decoded, stripped, prefill] = await Promise.all([
    decodeForVariants(bytes, format, widths.at(-1) ?? metadata.autoOrient.width, limits.maxPixels),
    Promise.resolve().then(() => stripOriginal(bytes, format)),
    readPrefill(metadata),
  ]);
  const [encoded, crops] = await Promise.all([
    encodeVariants(decoded, widths, options.keyPrefix),
    encodeCrops(decoded, options.keyPrefix),
  ]);

  const file = FORMAT_FILES[format];
  const originalKey = `${options.keyPrefix}/original.${file.extension}`;
  await Promise.all([
    store.write(originalKey, stripped.bytes),
    ...encoded.map(({ variant, data }) => store.write(variant.key, data)),
    ...crops.map(({ crop, data }) => store.write(crop.key, data)),
  ]);
  return {
    original: {
      key: originalKey,
      mime: file.mime,
      width: metadata.autoOrient.width,
      height: metadata.autoOrient.height,
      bytes: stripped.bytes.length,
    },
    variants: encoded.map(({ variant }) => variant),
    crops: crops.map(({ crop }) => crop),
    prefill,
    gpsRemoved: stripped.gpsRemoved,
  };
}

/**
 * The widths to make: every requested width narrower than the image, plus the image's own width
 * when some requested width would have been an enlargement. So a 600 px image gets 480 and 600,
 * a 300 px one just 300, and a 6000 px one 480, 960 and 1600: the largest variant is always the
 * most detail there is, and nothing is upscaled.
 */
export function variantWidths(imageWidth: number, requested: number[]): number[] {
  const sorted = [...new Set(requested.map(Math.round))]
    .filter((width) => width > 0)
    .sort((a, b) => a - b);
  const narrower = sorted.filter((width) => width < imageWidth);
  if (narrower.length < sorted.length || narrower.length === 0) narrower.push(imageWidth);
  return narrower;
}

async function readHeader(bytes: Buffer, format: AcceptedImageFormat): Promise<Metadata> {
  try {
    // The pixel limit is checked against these dimensions below, with a message that says them;
    // sharp's own check here would only say "exceeds pixel limit".
    return await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw new ImageRejectedError(422, damagedMessage(format), { cause: error });
  }
}

function checkHeader(
  metadata: Metadata,
  format: AcceptedImageFormat,
  limits: typeof UPLOAD_LIMITS,
): void {
  const expected = format === 'avif' ? 'heif' : format;
  if (metadata.format !== expected || (format === 'avif' && metadata.compression !== 'av1')) {
    throw new ImageRejectedError(422, damagedMessage(format));
  }
  const { width, height } = metadata;
  if (!(width > 0 && height > 0)) throw new ImageRejectedError(422, damagedMessage(format));
  if (width * height > limits.maxPixels) {
    throw new ImageRejectedError(
      422,
      `the image is ${width} x ${height} pixels (${formatMegapixels(width * height)} MP); ` +
        `the limit is ${formatMegapixels(limits.maxPixels)} MP`,
    );
  }
  // Only WebP among the accepted formats animates in practice (an AVIF's extra pages are
  // alternative images, of which sharp uses the primary one).
  if (format === 'webp' && (metadata.pages ?? 1) > 1) {
    throw new ImageRejectedError(
      422,
      'the file is an animated WebP; Galley takes still images (export one frame as PNG or JPEG)',
    );
  }
}

interface DecodedImage {
  pixels: Buffer;
  width: number;
  height: number;
  channels: 3 | 4;
}

/**
 * Decodes the upload once, already turned upright, in sRGB and shrunk to the largest variant
 * width; every variant is made from these pixels. JPEG decodes at 1/2, 1/4 or 1/8 scale when the
 * target allows (shrink-on-load), which is most of the saving on camera files. failOn 'error'
 * refuses truncated and corrupt data but lets through the harmless warnings some cameras and
 * editors cause (extra bytes before a marker).
 */
async function decodeForVariants(
  bytes: Buffer,
  format: AcceptedImageFormat,
  width: number,
  maxPixels: number,
): Promise<DecodedImage> {
  try {
    const { data, info } = await sharp(bytes, { limitInputPixels: maxPixels, failOn: 'error' })
      .autoOrient()
      .resize({ width, withoutEnlargement: true })
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 3 && info.channels !== 4) {
      throw new Error(`unexpected channel count ${info.channels}`);
    }
    return { pixels: data, width: info.width, height: info.height, channels: info.channels };
  } catch (error) {
    throw new ImageRejectedError(422, damagedMessage(format), { cause: error });
  }
}

function stripOriginal(bytes: Buffer, format: AcceptedImageFormat) {
  try {
    return stripLocation(bytes, format);
  } catch (error) {
    if (error instanceof MetadataFormatError) {
      throw new ImageRejectedError(422, damagedMessage(format), { cause: error });
    }
    throw error;
  }
}

/**
 * One crop per ratio, from the decoded pixels, keeping what sharp's attention strategy finds most
 * salient (faces, contrast) rather than the geometric centre.
 */
async function encodeCrops(
  decoded: DecodedImage,
  keyPrefix: string,
): Promise<{ crop: IntakeCrop; data: Buffer }[]> {
  const raw = { width: decoded.width, height: decoded.height, channels: decoded.channels };
  return Promise.all(
    (Object.entries(CROP_RATIOS) as [CropRatio, number][]).map(async ([ratio, aspect]) => {
      // As wide as allowed without enlarging: limited by the width, or by the height for tall ratios.
      const width = Math.min(CROP_WIDTH, decoded.width, Math.floor(decoded.height * aspect));
      const height = Math.round(width / aspect);
      const { data, info } = await sharp(decoded.pixels, { raw })
        .resize({ width, height, fit: 'cover', position: sharp.strategy.attention })
        .jpeg({ quality: 80, progressive: true, mozjpeg: true })
        .toBuffer({ resolveWithObject: true });
      return {
        crop: {
          ratio,
          key: `${keyPrefix}/crop-${ratio}.jpg`,
          width: info.width,
          height: info.height,
          mime: 'image/jpeg' as const,
        },
        data,
      };
    }),
  );
}

async function encodeVariants(
  decoded: DecodedImage,
  widths: number[],
  keyPrefix: string,
): Promise<{ variant: IntakeVariant; data: Buffer }[]> {
  const raw = { width: decoded.width, height: decoded.height, channels: decoded.channels };
  const jobs = VARIANT_ENCODERS.flatMap((encoder) =>
    widths.map(async (width) => {
      const resized = sharp(decoded.pixels, { raw }).resize({
        width: Math.min(width, decoded.width),
      });
      const { data, info } = await encoder.encode(resized).toBuffer({ resolveWithObject: true });
      const variant: IntakeVariant = {
        key: `${keyPrefix}/w${width}.${encoder.extension}`,
        width: info.width,
        height: info.height,
        mime: encoder.mime,
      };
      return { variant, data };
    }),
  );
  // All at once: sharp runs them on libuv's pool (4 threads), which keeps both cores busy while
  // one encoder is in a single-threaded stretch.
  return Promise.all(jobs);
}

function damagedMessage(format: AcceptedImageFormat): string {
  const name = { jpeg: 'JPEG', png: 'PNG', webp: 'WebP', avif: 'AVIF' }[format];
  return `the file starts like a ${name} image but cannot be read: it is truncated or damaged (try exporting it again)`;
}

function formatMb(bytes: number): string {
  return (bytes / BYTES_PER_MB).toFixed(bytes % BYTES_PER_MB === 0 ? 0 : 1);
}

function formatMegapixels(pixels: number): string {
  return (pixels / 1_000_000).toFixed(pixels % 1_000_000 === 0 ? 0 : 1);
}
