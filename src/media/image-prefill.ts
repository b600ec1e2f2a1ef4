/**
 * Suggests the caption, credit, source agency and alt text of an uploaded photo from what the
 * photographer or agency embedded: IPTC (the wire services' format), XMP (Lightroom, Photo
 * Mechanic) and EXIF (cameras). The editor sees these as prefilled fields and decides; nothing
 * here is published unreviewed, so a missing or odd value is never an error.
 *
 * The blocks come from sharp's metadata (the same header read that gives the dimensions) because
 * exifr 7 cannot find them in WebP, and misses some in PNG and AVIF. exifr then reads the EXIF
 * (a bare TIFF block) and the XMP packet. IPTC is read here: exifr decodes IPTC text as Latin-1
 * whatever its character-set record says, which garbles UTF-8 captions ("EspaÃ±a").
 */
import * as exifrModule from 'exifr';

export interface ImagePrefill {
  caption: string;
  credit: string;
  sourceAgency: string | null;
  alt: string;
}

export interface EmbeddedMetadata {
  exif?: Buffer | undefined;
  iptc?: Buffer | undefined;
  xmp?: Buffer | undefined;
}

// exifr ships a UMD bundle as `main` and an ES module as `module`. Node's loader takes the first,
// where everything hangs off the default export; Vite and Vitest take the second, whose default
// export lacks `sidecar`. Each function is taken from wherever this load put it.
const exifr = {
  parse: exifrModule.parse ?? exifrModule.default.parse,
  sidecar: exifrModule.sidecar ?? exifrModule.default.sidecar,
};

/** Character caps: a caption is a paragraph, a credit a line, an agency a name. */
export const PREFILL_MAX_CHARS = { caption: 600, credit: 200, sourceAgency: 120, alt: 400 };

// Strings cameras write into ImageDescription when the photographer wrote nothing.
const CAMERA_PLACEHOLDER_DESCRIPTIONS =
  /^(?:olympus digital camera|sony dsc|samsung( digital)? camera|kodak .*|default|dcim|image|photo|picture|untitled|\s*)$/i;

export async function readPrefill(metadata: EmbeddedMetadata): Promise<ImagePrefill> {
  const [exif, xmp] = await Promise.all([readExif(metadata.exif), readXmp(metadata.xmp)]);
  const iptc = metadata.iptc === undefined ? new Map<string, string[]>() : readIptc(metadata.iptc);
  const first = (...values: (string | undefined)[]): string =>
    values.find((value) => value !== undefined && value.trim() !== '') ?? '';

  const exifDescription = exif.ImageDescription;
  const caption = first(
    iptc.get(IPTC.caption)?.[0],
    xmpText(xmp.dc?.description),
    exifDescription !== undefined && !CAMERA_PLACEHOLDER_DESCRIPTIONS.test(exifDescription)
      ? exifDescription
      : undefined,
  );
  const byline = first(iptc.get(IPTC.byline)?.join(', '), xmpText(xmp.dc?.creator));
  const creditLine = first(iptc.get(IPTC.credit)?.[0], xmpText(xmp.photoshop?.Credit));
  const credit = first(
    combineBylineAndCredit(clean(byline, 200), clean(creditLine, 200)),
    exif.Artist,
    exif.Copyright === undefined ? undefined : withoutCopyrightNotice(exif.Copyright),
  );
  const sourceAgency = clean(
    first(iptc.get(IPTC.source)?.[0], xmpText(xmp.photoshop?.Source)),
    PREFILL_MAX_CHARS.sourceAgency,
  );
  return {
    caption: clean(caption, PREFILL_MAX_CHARS.caption),
    credit: clean(credit, PREFILL_MAX_CHARS.credit),
    sourceAgency: sourceAgency === '' ? null : sourceAgency,
    alt: clean(xmpText(xmp.Iptc4xmpCore?.AltTextAccessibility) ?? '', PREFILL_MAX_CHARS.alt),
  };
}

/**
 * Newsrooms print "Photographer / Agency" (AP style "Jane Doe/AP"). Agencies often repeat one in
 * the other ("Jane Doe / AFP" in both), so a part already contained in the other is not doubled.
 */
function combineBylineAndCredit(byline: string, credit: string): string {
  if (byline === '' || credit.toLowerCase().includes(byline.toLowerCase())) return credit;
  if (credit === '' || byline.toLowerCase().includes(credit.toLowerCase())) return byline;
  return `${byline} / ${credit}`;
}

/** "© 2026 Jane Doe" -> "Jane Doe": the credit line names the holder, not the notice. */
function withoutCopyrightNotice(copyright: string): string {
  return copyright.replace(
    /^\s*(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?)?\s*/i,
    '',
  );
}

// Whitespace controls become spaces; other C0/C1 controls and the bidirectional overrides and
// isolates (which can make a credit display as something else) are removed.
const CONTROL_CHARACTERS = new RegExp(
  '[' +
    String.fromCharCode(0) +
    '-' +
    String.fromCharCode(0x1f) +
    String.fromCharCode(0x7f) +
    '-' +
    String.fromCharCode(0x9f) +
    '\u200e\u200f\u202a-\u202e\u2066-\u2069]',
  'g',
);

/** Trims, drops control characters, collapses whitespace and caps at `maxChars` code points. */
export function clean(value: string, maxChars: number): string {
  const text = value
    .normalize('NFC')
    .replace(/[\t\n\v\f\r]+/g, ' ')
    .replace(CONTROL_CHARACTERS, '')
    .replace(/\s+/g, ' ')
    .trim();
  const codePoints = Array.from(text);
  return codePoints.length <= maxChars ? text : codePoints.slice(0, maxChars).join('').trimEnd();
}

// ---------------------------------------------------------------------------------------------
// EXIF, through exifr.

interface ExifText {
  ImageDescription?: string;
  Artist?: string;
  Copyright?: string;
}

const EXIF_HEADER = Buffer.from('Exif\0\0', 'latin1');

async function readExif(exif: Buffer | undefined): Promise<ExifText> {
  if (exif === undefined) return {};
  const tiff = exif.subarray(0, 6).equals(EXIF_HEADER) ? exif.subarray(6) : exif;
  try {
    const parsed: unknown = await exifr.parse(tiff, {
      tiff: true,
      ifd0: { pick: ['ImageDescription', 'Artist', 'Copyright'] },
      exif: false,
      gps: false,
      interop: false,
      ifd1: false,
      xmp: false,
      iptc: false,
      icc: false,
    });
    if (typeof parsed !== 'object' || parsed === null) return {};
    const fields = parsed as Record<string, unknown>;
    const text = (name: string): string | undefined =>
      typeof fields[name] === 'string' ? repairUtf8(fields[name]) : undefined;
    return {
      ImageDescription: text('ImageDescription'),
      Artist: text('Artist'),
      Copyright: text('Copyright'),
    };
  } catch {
    return {}; // unreadable EXIF just means nothing to suggest
  }
}

/**
 * EXIF text is nominally ASCII, but cameras and phones write UTF-8, which exifr reads one byte
 * per character. If the string is made of bytes that form valid UTF-8, decode it as such.
 */
function repairUtf8(text: string): string {
  const codes = Array.from(text, (character) => character.codePointAt(0) ?? 0);
  if (!codes.some((code) => code >= 0x80) || codes.some((code) => code > 0xff)) return text;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(text, 'latin1'));
  } catch {
    return text;
  }
}

// ---------------------------------------------------------------------------------------------
// XMP, through exifr's XMP parser (it returns one object per namespace prefix).

interface XmpFields {
  dc?: { description?: unknown; creator?: unknown };
  photoshop?: { Credit?: unknown; Source?: unknown };
  Iptc4xmpCore?: { AltTextAccessibility?: unknown };
}

async function readXmp(xmp: Buffer | undefined): Promise<XmpFields> {
  if (xmp === undefined) return {};
  try {
    const parsed: unknown = await exifr.sidecar(xmp, { mergeOutput: false }, 'xmp');
    return typeof parsed === 'object' && parsed !== null ? (parsed as XmpFields) : {};
  } catch {
    return {};
  }
}

/**
 * XMP text comes as a plain value, a language alternative ({ lang, value } or a list of them,
 * of which "x-default" is the one meant for everyone) or an ordered list (several creators).
 */
function xmpText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    const isLanguageAlternative = value.every((item) => languageValue(item) !== undefined);
    if (isLanguageAlternative) {
      const preferred = value.find((item) => languageValue(item)?.lang === 'x-default');
      return languageValue(preferred ?? value[0])?.value;
    }
    const parts = value.map(xmpText).filter((part): part is string => part !== undefined);
    return parts.length > 0 ? parts.join(', ') : undefined;
  }
  return languageValue(value)?.value;
}

function languageValue(value: unknown): { lang: string; value: string } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { lang, value: text } = value as { lang?: unknown; value?: unknown };
  if (typeof lang !== 'string') return undefined;
  if (typeof text === 'string') return { lang, value: text };
  if (typeof text === 'number') return { lang, value: String(text) };
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// IPTC IIM (the wire services' metadata), inside a Photoshop resource block in JPEG's APP13.

const IPTC = {
  characterSet: '1:90',
  byline: '2:80',
  credit: '2:110',
  source: '2:115',
  caption: '2:120',
} as const;
const PHOTOSHOP_HEADER = 'Photoshop 3.0\0';
const IPTC_RESOURCE_ID = 0x0404;
const UTF8_ESCAPE = Buffer.from([0x1b, 0x25, 0x47]); // ESC % G, the 1:90 value for UTF-8

/** Datasets by "record:dataset", each with every value it had (by-line repeats). */
export function readIptc(block: Buffer): Map<string, string[]> {
  const iim = findIimData(block);
  const raw = new Map<string, Buffer[]>();
  let offset = 0;
  while (iim !== undefined && offset + 5 <= iim.length && iim[offset] === 0x1c) {
    const key = `${iim[offset + 1]}:${iim[offset + 2]}`;
    const length = iim.readUInt16BE(offset + 3);
    // A set high bit announces an extended length, used only for binary data; stop there.
    if (length & 0x8000) break;
    const value = iim.subarray(offset + 5, Math.min(offset + 5 + length, iim.length));
    raw.set(key, [...(raw.get(key) ?? []), value]);
    offset += 5 + length;
  }
  const declaredUtf8 = raw.get(IPTC.characterSet)?.[0]?.equals(UTF8_ESCAPE) === true;
  const datasets = new Map<string, string[]>();
  for (const [key, values] of raw) {
    datasets.set(
      key,
      values.map((value) => decodeIptcText(value, declaredUtf8)),
    );
  }
  return datasets;
}

/** Undeclared text is UTF-8 if it decodes as such (most tools today), else Windows-1252. */
function decodeIptcText(value: Buffer, declaredUtf8: boolean): string {
  if (declaredUtf8) return value.toString('utf8');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(value);
  } catch {
    return new TextDecoder('windows-1252').decode(value);
  }
}

function findIimData(block: Buffer): Buffer | undefined {
  if (block[0] === 0x1c) return block;
  let offset = block.toString('latin1', 0, PHOTOSHOP_HEADER.length) === PHOTOSHOP_HEADER ? 14 : 0;
  while (offset + 12 <= block.length && block.toString('latin1', offset, offset + 4) === '8BIM') {
    const resourceId = block.readUInt16BE(offset + 4);
    const nameLength = block[offset + 6] ?? 0;
    const nameBytes = 1 + nameLength + ((1 + nameLength) % 2); // Pascal string, padded to even
    const sizeOffset = offset + 6 + nameBytes;
    if (sizeOffset + 4 > block.length) return undefined;
    const size = block.readUInt32BE(sizeOffset);
    const dataStart = sizeOffset + 4;
    if (resourceId === IPTC_RESOURCE_ID) {
      return block.subarray(dataStart, Math.min(dataStart + size, block.length));
    }
    offset = dataStart + size + (size % 2);
  }
  return undefined;
}
