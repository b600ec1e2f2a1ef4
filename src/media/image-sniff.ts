/**
 * Tells what an uploaded file is from its first bytes, never from its name or the browser's
 * Content-Type (both are whatever the sender says). Accepted: JPEG, PNG, WebP, AVIF. For
 * anything else it names what the file looks like, so the editor knows what went wrong ("a PDF
 * document") instead of a bare "unsupported".
 */

export type AcceptedImageFormat = 'jpeg' | 'png' | 'webp' | 'avif';

export type SniffResult =
  { accepted: true; format: AcceptedImageFormat } | { accepted: false; looksLike: string | null };

const ISO_BMFF_AVIF_BRANDS = new Set(['avif', 'avis']);
const ISO_BMFF_HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1']);
const ISO_BMFF_VIDEO_BRANDS = new Set(['isom', 'iso2', 'mp41', 'mp42', 'qt  ', 'M4V ', 'avc1']);

export function sniffImageType(bytes: Buffer): SniffResult {
  if (bytes.length === 0) return { accepted: false, looksLike: 'an empty file (0 bytes)' };
  const ascii = (start: number, end: number): string => bytes.toString('latin1', start, end);
  const startsWith = (...signature: number[]): boolean =>
    signature.every((byte, index) => bytes[index] === byte);

  if (startsWith(0xff, 0xd8, 0xff)) return { accepted: true, format: 'jpeg' };
  if (startsWith(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) {
    return { accepted: true, format: 'png' };
  }
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return { accepted: true, format: 'webp' };
  if (ascii(4, 8) === 'ftyp') {
    const brands = isoBmffBrands(bytes);
    if (brands.some((brand) => ISO_BMFF_AVIF_BRANDS.has(brand))) {
      return { accepted: true, format: 'avif' };
    }
    if (brands.some((brand) => ISO_BMFF_HEIC_BRANDS.has(brand))) {
      return {
        accepted: false,
        looksLike: 'a HEIC/HEIF photo (the iPhone default); export it as JPEG first',
      };
    }
    if (brands.some((brand) => ISO_BMFF_VIDEO_BRANDS.has(brand) || brand.startsWith('3g'))) {
      return { accepted: false, looksLike: 'a video (MP4/MOV)' };
    }
    return { accepted: false, looksLike: 'an ISO media file (MP4 family) that is not AVIF' };
  }
  // GIF is refused on purpose: news photos never arrive as GIF, graphics belong in PNG, and an
  // animated GIF turned into its first frame would silently lose what the editor meant to show.
  if (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a') {
    return { accepted: false, looksLike: 'a GIF; save a still image as PNG instead' };
  }
  if (ascii(0, 5) === '%PDF-') return { accepted: false, looksLike: 'a PDF document' };
  if (startsWith(0x50, 0x4b, 0x03, 0x04) || startsWith(0x50, 0x4b, 0x05, 0x06)) {
    return {
      accepted: false,
      looksLike: 'a ZIP archive (or an Office document, which is one)',
    };
  }
  if (startsWith(0x49, 0x49, 0x2a, 0x00) || startsWith(0x4d, 0x4d, 0x00, 0x2a)) {
    return { accepted: false, looksLike: 'a TIFF image or a camera raw file' };
  }
  if (ascii(0, 4) === '8BPS') return { accepted: false, looksLike: 'a Photoshop document (PSD)' };
  if (ascii(0, 2) === 'BM' && bytes.length > 26 && bytes.readUInt32LE(2) === bytes.length) {
    return { accepted: false, looksLike: 'a BMP image' };
  }
  if (startsWith(0xff, 0x0a) || (ascii(4, 8) === 'JXL ' && bytes.readUInt32BE(0) === 12)) {
    return { accepted: false, looksLike: 'a JPEG XL image' };
  }
  if (ascii(4, 8) === 'jP  ') return { accepted: false, looksLike: 'a JPEG 2000 image' };
  if (ascii(0, 4) === 'RIFF') return { accepted: false, looksLike: 'a RIFF audio or video file' };
  return { accepted: false, looksLike: describeText(bytes) };
}

function isoBmffBrands(bytes: Buffer): string[] {
  if (bytes.length < 16) return [];
  const boxEnd = Math.min(bytes.readUInt32BE(0), bytes.length, 4096);
  const brands = [bytes.toString('latin1', 8, 12)];
  for (let offset = 16; offset + 4 <= boxEnd; offset += 4) {
    brands.push(bytes.toString('latin1', offset, offset + 4));
  }
  return brands;
}

/** Text formats people upload by mistake; SVG is named so the refusal is understood. */
function describeText(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 4096);
  if (head.includes(0)) return null;
  const text = head.toString('utf8').replace(/^\uFEFF/, '');
  const start = text.trimStart().slice(0, 512).toLowerCase();
  if (start.startsWith('<svg') || (start.startsWith('<?xml') && text.includes('<svg'))) {
    return 'an SVG drawing (refused because SVG can carry scripts; export it as PNG)';
  }
  if (start.startsWith('<!doctype html') || start.startsWith('<html')) {
    return 'an HTML page';
  }
  if (start.startsWith('<?xml')) return 'an XML document';
  if (unprintableShare(text) <= 0.05) return 'a text file';
  return null;
}

/** Share of characters no text file has: controls other than whitespace, and decoding errors. */
function unprintableShare(text: string): number {
  if (text.length === 0) return 0;
  let unprintable = 0;
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    const whitespace = code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d;
    if ((code < 0x20 && !whitespace) || code === 0x7f || code === 0xfffd) unprintable++;
  }
  return unprintable / text.length;
}
