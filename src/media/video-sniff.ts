/**
 * A video's container from its first bytes, never from its name or the type the browser claims:
 * MP4 and QuickTime open with an ISO base media box (`ftyp`, or an old QuickTime file's `moov`,
 * `mdat`, `wide`, `free`), WebM and Matroska with the EBML magic number 1A 45 DF A3.
 */

export type VideoContainer = 'mp4' | 'mov' | 'webm';

export const VIDEO_CONTAINER_MIME: Record<VideoContainer, string> = {
  mp4: 'video/mp4',
  mov: 'video/quicktime',
  webm: 'video/webm',
};

/** How many bytes the sniffer needs. */
export const SNIFF_BYTES = 64;

// Still images and image sequences in the same box format (AVIF, HEIF) are not videos here.
const IMAGE_BRANDS = new Set(['avif', 'avis', 'heic', 'heix', 'heim', 'heis', 'mif1', 'msf1']);
const QUICKTIME_ATOMS = new Set(['moov', 'mdat', 'wide', 'free', 'skip', 'pnot']);

/** A pattern, or a prefix of bytes (written as latin1 text). */
const KNOWN_OTHERS: [RegExp | string, string][] = [
  [/^%PDF-/, 'a PDF document'],
  [/^\x89PNG/, 'a PNG image'],
  [/^\xff\xd8\xff/, 'a JPEG image'],
  [/^GIF8/, 'a GIF image'],
  ['PK\x03\x04', 'a ZIP archive (or an Office document)'],
  [/^RIFF....AVI /s, 'an AVI video (convert it to MP4 first)'],
  [/^RIFF....WAVE/s, 'a WAV sound file'],
  [/^RIFF....WEBP/s, 'a WebP image'],
  [/^ID3|^\xff[\xfb\xf3\xf2]/, 'an MP3 sound file'],
  [/^OggS/, 'an Ogg file'],
  ['\x00\x00\x01\xba', 'an MPEG program stream (convert it to MP4 first)'],
  [/^\s*</, 'a text or HTML document'],
];

export type SniffedVideo =
  | { accepted: true; container: VideoContainer; mime: string }
  | { accepted: false; looksLike: string | null };

export function sniffVideoType(head: Buffer): SniffedVideo {
  const accept = (container: VideoContainer): SniffedVideo => ({
    accepted: true,
    container,
    mime: VIDEO_CONTAINER_MIME[container],
  });
  if (head.length >= 4 && head.readUInt32BE(0) === 0x1a45dfa3) return accept('webm');
  if (head.length >= 12) {
    const boxType = head.toString('latin1', 4, 8);
    if (boxType === 'ftyp') {
      const brand = head.toString('latin1', 8, 12);
      if (IMAGE_BRANDS.has(brand)) return { accepted: false, looksLike: 'an AVIF or HEIF image' };
      return accept(brand === 'qt  ' ? 'mov' : 'mp4');
    }
    if (QUICKTIME_ATOMS.has(boxType)) return accept('mov');
  }
  const text = head.toString('latin1');
  const other = KNOWN_OTHERS.find(([pattern]) =>
    typeof pattern === 'string' ? text.startsWith(pattern) : pattern.test(text),
  );
  return { accepted: false, looksLike: other?.[1] ?? null };
}
