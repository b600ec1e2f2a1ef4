import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, createDeflate } from 'node:zlib';
import exifr from 'exifr';
import sharp from 'sharp';
import type { Sharp } from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImageRejectedError, intakeImage, UPLOAD_LIMITS, variantWidths } from './image-intake.js';
import type { IntakeResult } from './image-intake.js';
import { LocalMediaStore } from './media-store.js';
import { stripGpsFromTiff } from './metadata-gps.js';

const KEY_PREFIX = 'uploads/2026/11/0b7e5c1e-2f4a-4c51-9a57-6f1de3f0c9a1';

let storeDir: string;
let store: LocalMediaStore;

beforeEach(async () => {
  storeDir = await mkdtemp(join(tmpdir(), 'galley-image-intake-'));
  store = new LocalMediaStore(storeDir);
});

afterEach(async () => {
  await rm(storeDir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// Fixtures, built here so each test says exactly what its file holds.

const GPS_EXIF = {
  GPSLatitudeRef: 'N',
  GPSLatitude: '40/1 25/1 1234/100',
  GPSLongitudeRef: 'W',
  GPSLongitude: '3/1 42/1 567/100',
};

const CAMERA_EXIF = {
  Make: 'NIKON CORPORATION',
  Model: 'NIKON Z 8',
  // ASCII: EXIF text is ASCII, and sharp transliterates anything else when it writes it.
  Copyright: 'Copyright 2026 Agence France-Presse',
  Artist: 'Lucia Perez',
};

/** A photograph-like surface: noise over a colour, so encoders and pixel checks do real work. */
function texturedImage(width: number, height: number): Sharp {
  return sharp({
    create: {
      width,
      height,
      channels: 3,
      background: { r: 90, g: 120, b: 160 },
      noise: { type: 'gaussian', mean: 128, sigma: 40 },
    },
  });
}

function xmpPacket(descriptionAttributes: string, body: string): string {
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"
 xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/"
 xmlns:exif="http://ns.adobe.com/exif/1.0/" ${descriptionAttributes}>
${body}
</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
}

function langAlt(...entries: [lang: string, text: string][]): string {
  const items = entries.map(([lang, text]) => `<rdf:li xml:lang="${lang}">${text}</rdf:li>`);
  return `<rdf:Alt>${items.join('')}</rdf:Alt>`;
}

/** One IPTC IIM dataset: 0x1C, record, dataset, 16-bit length, value. */
function iptcDataset(record: number, dataset: number, value: string | Buffer): Buffer {
  const data = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
  const header = Buffer.from([0x1c, record, dataset, data.length >> 8, data.length & 0xff]);
  return Buffer.concat([header, data]);
}

/** An APP13 segment: "Photoshop 3.0", one 8BIM resource 0x0404 holding the IIM datasets. */
function iptcApp13(datasets: Buffer[]): Buffer {
  let iim = Buffer.concat(datasets);
  if (iim.length % 2 === 1) iim = Buffer.concat([iim, Buffer.alloc(1)]);
  const resourceHeader = Buffer.alloc(12);
  resourceHeader.write('8BIM', 0, 'latin1');
  resourceHeader.writeUInt16BE(0x0404, 4); // IPTC-NAA record; bytes 6-7 are an empty name
  resourceHeader.writeUInt32BE(iim.length, 8);
  const payload = Buffer.concat([Buffer.from('Photoshop 3.0\0', 'latin1'), resourceHeader, iim]);
  const marker = Buffer.from([0xff, 0xed, 0, 0]);
  marker.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([marker, payload]);
}

/** Puts a segment right after SOI, where JPEG writers put their APPn segments. */
function insertAfterSoi(jpeg: Buffer, segment: Buffer): Buffer {
  return Buffer.concat([jpeg.subarray(0, 2), segment, jpeg.subarray(2)]);
}

const WIRE_IPTC = iptcApp13([
  iptcDataset(1, 90, Buffer.from([0x1b, 0x25, 0x47])), // UTF-8
  iptcDataset(2, 120, 'Manifestantes en la Puerta del Sol, Madrid (España), el 8 de marzo.'),
  iptcDataset(2, 80, 'Lucía Pérez'),
  iptcDataset(2, 110, 'AFP'),
  iptcDataset(2, 115, 'AFP'),
]);

const WIRE_XMP = xmpPacket(
  'photoshop:Credit="AFP" exif:GPSLatitude="40,25.2N" exif:GPSLongitude="3,42.1W"',
  `<dc:description>${langAlt(['x-default', 'XMP caption, not used when IPTC has one'])}</dc:description>
<Iptc4xmpCore:AltTextAccessibility>${langAlt(
    ['es', 'Una multitud con pancartas moradas'],
    ['x-default', 'A crowd holding purple banners in a city square'],
  )}</Iptc4xmpCore:AltTextAccessibility>
<exif:GPSAltitude>650/1</exif:GPSAltitude>`,
);

async function wirePhotoJpeg(): Promise<Buffer> {
  const jpeg = await texturedImage(1200, 800)
    .withExif({ IFD0: CAMERA_EXIF, IFD3: GPS_EXIF })
    .withXmp(WIRE_XMP)
    .jpeg({ quality: 90 })
    .toBuffer();
  return insertAfterSoi(jpeg, WIRE_IPTC);
}

interface ParsedMetadata {
  ifd0?: Record<string, unknown>;
  gps?: Record<string, unknown>;
}

async function parseExif(tiffOrFile: Buffer): Promise<ParsedMetadata> {
  const parsed: unknown = await exifr.parse(tiffOrFile, {
    tiff: true,
    gps: true,
    xmp: false,
    iptc: false,
    mergeOutput: false,
  });
  return (parsed ?? {}) as ParsedMetadata;
}

/** EXIF of any format, through sharp (exifr cannot find it in WebP or AVIF). */
async function exifOf(file: Buffer): Promise<ParsedMetadata> {
  const { exif } = await sharp(file).metadata();
  if (exif === undefined) return {};
  const tiff = exif.toString('latin1', 0, 4) === 'Exif' ? exif.subarray(6) : exif;
  return parseExif(tiff);
}

async function storedFiles(): Promise<string[]> {
  const entries = await readdir(storeDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(storeDir.length + 1))
    .sort();
}

async function stored(key: string): Promise<Buffer> {
  return readFile(join(storeDir, key));
}

async function rejection(bytes: Buffer, limits = UPLOAD_LIMITS): Promise<ImageRejectedError> {
  const error: unknown = await intakeImage(store, bytes, { keyPrefix: KEY_PREFIX, limits }).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ImageRejectedError);
  // A refused upload leaves nothing behind, whichever check refused it.
  expect(await storedFiles()).toEqual([]);
  return error as ImageRejectedError;
}

// ---------------------------------------------------------------------------------------------

describe('intakeImage: the original keeps its metadata but not its location', () => {
  let input: Buffer;
  let result: IntakeResult;
  let original: Buffer;

  beforeEach(async () => {
    input = await wirePhotoJpeg();
    expect((await parseExif(input)).gps?.latitude).toBeCloseTo(40.4201, 3); // the fixture has GPS
    result = await intakeImage(store, input, { keyPrefix: KEY_PREFIX });
    original = await stored(`${KEY_PREFIX}/original.jpg`);
  });

  it('removes the GPS IFD and keeps camera, copyright and orientation', async () => {
    expect(result.gpsRemoved).toBe(true);
    expect(result.original).toEqual({
      key: `${KEY_PREFIX}/original.jpg`,
      mime: 'image/jpeg',
      width: 1200,
      height: 800,
      bytes: original.length,
    });
    const exif = await parseExif(original);
    expect(exif.gps).toBeUndefined();
    expect(exif.ifd0).toMatchObject({
      Make: 'NIKON CORPORATION',
      Model: 'NIKON Z 8',
      Orientation: 'Horizontal (normal)',
      Copyright: 'Copyright 2026 Agence France-Presse',
      Artist: 'Lucia Perez',
    });
    // Zeroed, not just unlinked: the latitude's seconds, the rational 1234/100 as written
    // (little-endian), are in the upload's EXIF block and gone from the stored one.
    const seconds = Buffer.from([0xd2, 0x04, 0, 0, 0x64, 0, 0, 0]);
    const exifBlock = async (file: Buffer) =>
      (await sharp(file).metadata()).exif ?? Buffer.alloc(0);
    expect((await exifBlock(input)).includes(seconds)).toBe(true);
    expect((await exifBlock(original)).includes(seconds)).toBe(false);
    expect((await exifBlock(original)).length).toBe((await exifBlock(input)).length);
  });

  it('removes GPS from the XMP packet and keeps the rest of it and the IPTC block', async () => {
    const before = await sharp(input).metadata();
    const after = await sharp(original).metadata();
    expect(after.iptc?.equals(before.iptc ?? Buffer.alloc(0))).toBe(true);
    const xmp = after.xmpAsString ?? '';
    expect(xmp).not.toMatch(/GPS/);
    expect(xmp).toContain('photoshop:Credit="AFP"');
    expect(xmp).toContain('A crowd holding purple banners');
    // Still XML that parses to the same credit.
    const parsed = (await exifr.parse(original, { xmp: true, mergeOutput: false })) as {
      photoshop?: { Credit?: string };
      exif?: Record<string, unknown>;
    };
    expect(parsed.photoshop?.Credit).toBe('AFP');
    expect(parsed.exif?.GPSLatitude).toBeUndefined();
  });

  it('leaves the pixels and the image data untouched', async () => {
    expect(original.length).toBe(input.length);
    const scanStart = input.indexOf(Buffer.from([0xff, 0xda]));
    expect(scanStart).toBeGreaterThan(0);
    expect(original.subarray(scanStart).equals(input.subarray(scanStart))).toBe(true);
    const [inputPixels, originalPixels] = await Promise.all(
      [input, original].map((file) => sharp(file).raw().toBuffer()),
    );
    expect(originalPixels?.equals(inputPixels ?? Buffer.alloc(0))).toBe(true);
  });

  it('prefills caption, credit, agency and alt text from IPTC and XMP', () => {
    expect(result.prefill).toEqual({
      caption: 'Manifestantes en la Puerta del Sol, Madrid (España), el 8 de marzo.',
      credit: 'Lucía Pérez / AFP',
      sourceAgency: 'AFP',
      alt: 'A crowd holding purple banners in a city square',
    });
  });

  it('makes 16x9, 4x3 and 1x1 JPEG crops for structured data, as wide as allowed', () => {
    expect(
      result.crops.map(({ ratio, width, height, mime }) => [ratio, width, height, mime]),
    ).toEqual([
      ['16x9', 1200, 675, 'image/jpeg'],
      ['4x3', 1066, 800, 'image/jpeg'],
      ['1x1', 800, 800, 'image/jpeg'],
    ]);
  });

  it('writes the original, nine variants and three crops, nothing else', async () => {
    expect(await storedFiles()).toEqual(
      [
        'original.jpg',
        ...['480', '960', '1200'].flatMap((width) =>
          ['avif', 'webp', 'jpg'].map((extension) => `w${width}.${extension}`),
        ),
        ...['16x9', '4x3', '1x1'].map((ratio) => `crop-${ratio}.jpg`),
      ]
        .map((name) => `${KEY_PREFIX}/${name}`)
        .sort(),
    );
  });
});

describe('intakeImage: prefill', () => {
  it('falls back to XMP, then EXIF, and cleans what it takes', async () => {
    const longCaption = `Vista\u0007 de la bahía\r\n al amanecer. ${'Muy largo. '.repeat(80)}`;
    const xmpOnly = await texturedImage(300, 200)
      .withXmp(
        xmpPacket(
          'photoshop:Credit="Reuters" photoshop:Source="Reuters"',
          `<dc:description>${langAlt(['x-default', longCaption])}</dc:description>`,
        ),
      )
      .jpeg()
      .toBuffer();
    const { prefill } = await intakeImage(store, xmpOnly, { keyPrefix: KEY_PREFIX });
    expect(prefill.caption.startsWith('Vista de la bahía al amanecer. Muy largo.')).toBe(true);
    expect(Array.from(prefill.caption)).toHaveLength(600);
    expect(prefill).toMatchObject({ credit: 'Reuters', sourceAgency: 'Reuters', alt: '' });

    const exifOnly = await texturedImage(300, 200)
      .withExif({ IFD0: { ImageDescription: 'OLYMPUS DIGITAL CAMERA', Artist: '  Ana Ruiz\t' } })
      .jpeg()
      .toBuffer();
    const fromExif = await intakeImage(store, exifOnly, { keyPrefix: `${KEY_PREFIX}-b` });
    // The camera's placeholder description is not a caption.
    expect(fromExif.prefill).toEqual({
      caption: '',
      credit: 'Ana Ruiz',
      sourceAgency: null,
      alt: '',
    });
  });

  it('gives empty fields, and no GPS flag, for a file without metadata', async () => {
    const plain = await texturedImage(320, 240).png().toBuffer();
    const result = await intakeImage(store, plain, { keyPrefix: KEY_PREFIX });
    expect(result.prefill).toEqual({ caption: '', credit: '', sourceAgency: null, alt: '' });
    expect(result.gpsRemoved).toBe(false);
  });

  it('reads Latin-1 IPTC from older software', async () => {
    const jpeg = await texturedImage(320, 240).jpeg().toBuffer();
    const latin1 = iptcApp13([iptcDataset(2, 120, Buffer.from('Año nuevo en Cádiz', 'latin1'))]);
    const { prefill } = await intakeImage(store, insertAfterSoi(jpeg, latin1), {
      keyPrefix: KEY_PREFIX,
    });
    expect(prefill.caption).toBe('Año nuevo en Cádiz');
  });
});

describe('intakeImage: other formats', () => {
  it.each([
    ['png', 'image/png'],
    ['webp', 'image/webp'],
    ['avif', 'image/avif'],
  ] as const)(
    'takes %s, stored without GPS but with the rest of its EXIF',
    async (format, mime) => {
      const input = await texturedImage(800, 500)
        .withExif({ IFD0: CAMERA_EXIF, IFD3: GPS_EXIF })
        .toFormat(format, format === 'avif' ? { effort: 0 } : {}) // effort 4 takes seconds
        .toBuffer();
      expect((await exifOf(input)).gps?.latitude).toBeCloseTo(40.4201, 3);

      const result = await intakeImage(store, input, { keyPrefix: KEY_PREFIX });
      expect(result.original).toMatchObject({ mime, width: 800, height: 500 });
      expect(result.gpsRemoved).toBe(true);
      const original = await stored(result.original.key);
      const exif = await exifOf(original);
      expect(exif.gps).toBeUndefined();
      expect(exif.ifd0?.Make).toBe('NIKON CORPORATION');
      const [inputPixels, originalPixels] = await Promise.all(
        [input, original].map((file) => sharp(file).raw().toBuffer()),
      );
      expect(originalPixels?.equals(inputPixels ?? Buffer.alloc(0))).toBe(true);
    },
  );

  it('goes by content, not name: a PNG sent as "photo.jpg" is stored as the PNG it is', async () => {
    const png = await texturedImage(640, 480).png().toBuffer();
    const result = await intakeImage(store, png, { keyPrefix: KEY_PREFIX });
    expect(result.original).toMatchObject({ key: `${KEY_PREFIX}/original.png`, mime: 'image/png' });
    expect((await stored(result.original.key)).equals(png)).toBe(true);
  });

  it('turns an EXIF-rotated photo upright in the variants and reports its upright size', async () => {
    const sideways = await texturedImage(800, 600)
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    expect((await sharp(sideways).metadata()).orientation).toBe(6);
    const result = await intakeImage(store, sideways, { keyPrefix: KEY_PREFIX });
    expect(result.original).toMatchObject({ width: 600, height: 800 });
    expect(result.variants.filter((variant) => variant.mime === 'image/webp')).toMatchObject([
      { width: 480, height: 640 },
      { width: 600, height: 800 },
    ]);
    const variant = await sharp(await stored(`${KEY_PREFIX}/w480.webp`)).metadata();
    expect([variant.width, variant.height, variant.orientation]).toEqual([480, 640, undefined]);
  });

  it('puts a transparent PNG on white in the JPEG variant and keeps alpha in WebP', async () => {
    const transparent = await sharp({
      create: { width: 500, height: 300, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer();
    await intakeImage(store, transparent, { keyPrefix: KEY_PREFIX });
    const jpeg = await sharp(await stored(`${KEY_PREFIX}/w480.jpg`))
      .raw()
      .toBuffer();
    expect(Math.min(...jpeg.subarray(0, 300))).toBeGreaterThan(250);
    expect((await sharp(await stored(`${KEY_PREFIX}/w480.webp`)).metadata()).hasAlpha).toBe(true);
  });
});

describe('intakeImage: variants', () => {
  it('makes AVIF, WebP and JPEG at each width, smallest first, stripped, in sRGB', async () => {
    const input = await texturedImage(2000, 1000)
      .withExif({ IFD0: CAMERA_EXIF, IFD3: GPS_EXIF })
      .withIccProfile('p3')
      .jpeg()
      .toBuffer();
    const result = await intakeImage(store, input, { keyPrefix: KEY_PREFIX });
    const expected = (['avif', 'webp', 'jpeg'] as const).flatMap((format) =>
      [480, 960, 1600].map((width) => ({
        key: `${KEY_PREFIX}/w${width}.${format === 'jpeg' ? 'jpg' : format}`,
        width,
        height: width / 2,
        mime: `image/${format}`,
      })),
    );
    expect(result.variants).toEqual(expected);
    for (const variant of result.variants) {
      const metadata = await sharp(await stored(variant.key)).metadata();
      expect(metadata.format).toBe(variant.mime === 'image/avif' ? 'heif' : variant.mime.slice(6));
      expect([metadata.width, metadata.height]).toEqual([variant.width, variant.height]);
      expect(metadata.exif).toBeUndefined();
      expect(metadata.xmp).toBeUndefined();
      expect(metadata.hasProfile).toBe(false);
      expect(metadata.space).toBe('srgb');
    }
    const jpeg = await sharp(await stored(`${KEY_PREFIX}/w960.jpg`)).metadata();
    expect(jpeg.isProgressive).toBe(true); // mozjpeg
  });

  it('never enlarges: a 600 px image gets 480 and its own 600, a 300 px image only 300', async () => {
    const result = await intakeImage(store, await texturedImage(600, 400).jpeg().toBuffer(), {
      keyPrefix: KEY_PREFIX,
    });
    expect(
      result.variants.map((variant) => `${variant.mime} ${variant.width}x${variant.height}`),
    ).toEqual([
      'image/avif 480x320',
      'image/avif 600x400',
      'image/webp 480x320',
      'image/webp 600x400',
      'image/jpeg 480x320',
      'image/jpeg 600x400',
    ]);
    const small = await intakeImage(store, await texturedImage(300, 100).png().toBuffer(), {
      keyPrefix: `${KEY_PREFIX}-small`,
    });
    expect(small.variants.map((variant) => variant.width)).toEqual([300, 300, 300]);
  });

  it('chooses widths without upscaling', () => {
    expect(variantWidths(6000, [1600, 480, 960])).toEqual([480, 960, 1600]);
    expect(variantWidths(1600, [480, 960, 1600])).toEqual([480, 960, 1600]);
    expect(variantWidths(1200, [480, 960, 1600])).toEqual([480, 960, 1200]);
    expect(variantWidths(300, [480, 960, 1600])).toEqual([300]);
    expect(variantWidths(480, [480, 480, 960])).toEqual([480]);
  });
});

describe('intakeImage: refusals', () => {
  it.each([
    ['plain text', Buffer.from('Dear editor,\nplease find the photo attached.\n'), 'a text file'],
    [
      'a PDF',
      Buffer.from('%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<<>>\nendobj\n', 'latin1'),
      'a PDF document',
    ],
    [
      'an SVG',
      Buffer.from(
        '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      ),
      'an SVG drawing (refused because SVG can carry scripts',
    ],
    ['bare SVG', Buffer.from('  <svg viewBox="0 0 1 1"></svg>'), 'an SVG drawing'],
    ['HTML', Buffer.from('<!DOCTYPE html><html><body><img src=x></body></html>'), 'an HTML page'],
    ['a ZIP', Buffer.from('PK\x03\x04\x14\x00\x00\x00\x08\x00', 'latin1'), 'a ZIP archive'],
    ['an empty file', Buffer.alloc(0), 'an empty file (0 bytes)'],
    ['a GIF', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'), 'a GIF'],
  ])('refuses %s with 422 and says what it looks like', async (_name, bytes, looksLike) => {
    const error = await rejection(bytes);
    expect(error.status).toBe(422);
    expect(error.message).toContain(
      `the file is not an image Galley accepts (JPEG, PNG, WebP or AVIF); it looks like ${looksLike}`,
    );
  });

  it('refuses unrecognisable bytes without guessing', async () => {
    const error = await rejection(Buffer.from([0x00, 0x01, 0x02, 0x03, 0x00, 0xfe, 0x00, 0x9a]));
    expect(error.message).toBe(
      'the file is not an image Galley accepts (JPEG, PNG, WebP or AVIF); it looks like a file of a type Galley does not recognise',
    );
  });

  it('refuses a truncated JPEG with 422 (not a sharp error)', async () => {
    const jpeg = await texturedImage(1200, 800).jpeg().toBuffer();
    const error = await rejection(jpeg.subarray(0, Math.floor(jpeg.length * 0.6)));
    expect(error.status).toBe(422);
    expect(error.message).toBe(
      'the file starts like a JPEG image but cannot be read: it is truncated or damaged (try exporting it again)',
    );
  });

  it('refuses a PNG whose header is garbage with 422', async () => {
    const png = await texturedImage(64, 64).png().toBuffer();
    png.fill(0x41, 16, 40);
    expect((await rejection(png)).status).toBe(422);
  });

  it('refuses a file over the byte limit with 413, naming the limit in MB', async () => {
    const jpeg = await texturedImage(400, 300).jpeg().toBuffer();
    const limits = { maxBytes: 2 * 1024, maxPixels: UPLOAD_LIMITS.maxPixels };
    const error = await rejection(jpeg, limits);
    expect(error.status).toBe(413);
    expect(error.message).toMatch(/^the file is [\d.]+ MB; the limit is 0\.0 MB$/);
    const big = await rejection(Buffer.alloc(UPLOAD_LIMITS.maxBytes + 1, 0xff));
    expect(big.status).toBe(413);
    expect(big.message).toBe('the file is 30.0 MB; the limit is 30 MB');
  });

  it('refuses a decompression bomb from its header, without decoding it', async () => {
    const bomb = await pngBomb(30_000, 30_000);
    expect(bomb.length).toBeLessThan(200 * 1024);
    const started = performance.now();
    const error = await rejection(bomb);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(error.status).toBe(422);
    expect(error.message).toBe('the image is 30000 x 30000 pixels (900 MP); the limit is 100 MP');
  });

  it('refuses an animated WebP', async () => {
    const frames = await Promise.all(
      ['#c00', '#0c0'].map((colour) =>
        sharp({ create: { width: 40, height: 40, channels: 3, background: colour } })
          .png()
          .toBuffer(),
      ),
    );
    const animated = await sharp(frames, { join: { animated: true } })
      .webp()
      .toBuffer();
    expect((await sharp(animated).metadata()).pages).toBe(2);
    const error = await rejection(animated);
    expect(error.message).toMatch(/animated WebP/);
  });
});

describe('stripGpsFromTiff', () => {
  it('edits big-endian TIFF and keeps the entries after the GPS pointer', async () => {
    const tiff = bigEndianTiffWithGps();
    expect((await parseExif(tiff)).gps?.GPSLatitude).toEqual([40, 30, 0]);
    expect(stripGpsFromTiff(tiff)).toBe(true);
    const parsed = await parseExif(tiff);
    expect(parsed.gps).toBeUndefined();
    expect(parsed.ifd0).toMatchObject({ Make: 'Canon', Copyright: 'AP' });
    expect(stripGpsFromTiff(tiff)).toBe(false); // nothing left to remove
  });
});

// ---------------------------------------------------------------------------------------------

/**
 * A real decompression bomb: a valid 1-bit greyscale PNG of width x height, all black. Rows of
 * zeros deflate about 1000:1, so 30000 x 30000 (900 MP, 2.7 GB as RGB) is about 110 KB.
 */
async function pngBomb(width: number, height: number): Promise<Buffer> {
  const row = Buffer.alloc(1 + Math.ceil(width / 8)); // filter byte 0, then the packed pixels
  const deflate = createDeflate({ level: 9 });
  const compressed: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => compressed.push(chunk));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const rowsPerWrite = 1000;
  const block = Buffer.concat(Array.from({ length: rowsPerWrite }, () => row));
  for (let written = 0; written < height; written += rowsPerWrite) deflate.write(block);
  deflate.end();
  await done;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', Buffer.concat(compressed)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write(type, 4, 'latin1');
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
  return chunk;
}

/**
 * "MM" TIFF: IFD0 with Make, the GPS pointer, Copyright (the pointer in the middle, so the entry
 * after it has to move); the GPS IFD with a latitude of 40° 30' 0" N stored out of line.
 */
function bigEndianTiffWithGps(): Buffer {
  const tiff = Buffer.alloc(200);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4);
  const entry = (at: number, tag: number, type: number, count: number, value: number): void => {
    tiff.writeUInt16BE(tag, at);
    tiff.writeUInt16BE(type, at + 2);
    tiff.writeUInt32BE(count, at + 4);
    tiff.writeUInt32BE(value, at + 8);
  };
  // IFD0 at 8: 3 entries, ends at 8 + 2 + 36 + 4 = 50
  tiff.writeUInt16BE(3, 8);
  entry(10, 0x010f, 2, 6, 100); // Make -> "Canon\0" at 100
  entry(22, 0x8825, 4, 1, 60); // GPS IFD at 60
  entry(34, 0x8298, 2, 3, 0); // Copyright "AP\0", inline
  tiff.write('AP\0', 42, 'latin1');
  tiff.writeUInt32BE(0, 46); // no IFD1
  // GPS IFD at 60: 2 entries, ends at 60 + 2 + 24 + 4 = 90
  tiff.writeUInt16BE(2, 60);
  entry(62, 0x0001, 2, 2, 0); // GPSLatitudeRef "N\0", inline
  tiff.write('N\0', 70, 'latin1');
  entry(74, 0x0002, 5, 3, 120); // GPSLatitude, 3 rationals at 120
  tiff.write('Canon\0', 100, 'latin1');
  [40, 1, 30, 1, 0, 1].forEach((value, index) => tiff.writeUInt32BE(value, 120 + index * 4));
  return tiff;
}
