/**
 * Finds the EXIF and XMP blocks inside each accepted container and removes their location data
 * (see metadata-gps.ts), leaving the image data, the rest of the EXIF (camera, copyright,
 * orientation), IPTC and ICC profiles as they were. Works on a copy; the upload is not changed.
 *
 * When a block cannot be edited safely (a damaged TIFF structure, say), the fallback is to take
 * the whole block out: it might hold coordinates, and an uploaded photo must never publish where
 * it was taken by accident. `gpsRemoved` is true only when location data was actually seen.
 */
import { crc32, deflateSync, inflateSync } from 'node:zlib';
import type { AcceptedImageFormat } from './image-sniff.js';
import { MetadataFormatError, stripGpsFromTiff, stripGpsFromXmp } from './metadata-gps.js';

export interface LocationStripResult {
  bytes: Buffer;
  gpsRemoved: boolean;
}

export function stripLocation(bytes: Buffer, format: AcceptedImageFormat): LocationStripResult {
  const copy = Buffer.from(bytes);
  switch (format) {
    case 'jpeg':
      return stripJpeg(copy);
    case 'png':
      return stripPng(copy);
    case 'webp':
      return stripWebp(copy);
    case 'avif':
      return stripAvif(copy);
  }
}

const EXIF_HEADER = Buffer.from('Exif\0\0', 'latin1');
const XMP_NAMESPACE = Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1');
const EXTENDED_XMP_NAMESPACE = Buffer.from('http://ns.adobe.com/xmp/extension/\0', 'latin1');

/** Strips a TIFF block in place; if it cannot be parsed, zeroes it (see the file comment). */
function stripTiffOrBlank(tiff: Buffer): { gpsRemoved: boolean; blanked: boolean } {
  try {
    return { gpsRemoved: stripGpsFromTiff(tiff), blanked: false };
  } catch (error) {
    if (!(error instanceof MetadataFormatError)) throw error;
    tiff.fill(0);
    return { gpsRemoved: false, blanked: true };
  }
}

// ---------------------------------------------------------------------------------------------
// JPEG: APP1 segments. The primary image's header is walked segment by segment up to its first
// scan. After that, APP1 markers are looked for by signature: entropy-coded data cannot contain
// the byte pair FF E1, so a match there belongs to a segment between progressive scans or to a
// secondary image a phone appended after the primary (MPF previews, HDR gain maps), which carry
// EXIF of their own. Every edit keeps segment lengths, so MPF offsets stay valid.

function stripJpeg(jpeg: Buffer): LocationStripResult {
  let gpsRemoved = false;
  let offset = 2;
  let scanStart: number | null = null;
  while (offset + 4 <= jpeg.length && scanStart === null) {
    if (jpeg[offset] !== 0xff) throw new MetadataFormatError('the JPEG header is damaged');
    const marker = jpeg[offset + 1];
    if (marker === 0xff) {
      offset += 1; // fill byte before a marker
      continue;
    }
    if (marker === 0xda) {
      scanStart = offset;
      break;
    }
    if (marker === 0xd9) break;
    if (marker === 0x01 || (marker !== undefined && marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2; // markers without a length
      continue;
    }
    const segmentLength = jpeg.readUInt16BE(offset + 2);
    const segmentEnd = offset + 2 + segmentLength;
    if (segmentLength < 2 || segmentEnd > jpeg.length) {
      throw new MetadataFormatError('a JPEG segment runs past the end of the file');
    }
    if (marker === 0xe1 && stripApp1Payload(jpeg.subarray(offset + 4, segmentEnd))) {
      gpsRemoved = true;
    }
    offset = segmentEnd;
  }
  if (scanStart === null) throw new MetadataFormatError('the JPEG has no image data');

  for (
    let found = jpeg.indexOf(APP1_MARKER, scanStart);
    found !== -1 && found + 4 <= jpeg.length;
    found = jpeg.indexOf(APP1_MARKER, found + 2)
  ) {
    const segmentEnd = found + 2 + jpeg.readUInt16BE(found + 2);
    if (segmentEnd > jpeg.length) continue;
    const payload = jpeg.subarray(found + 4, segmentEnd);
    if (startsWithAny(payload, [EXIF_HEADER, XMP_NAMESPACE, EXTENDED_XMP_NAMESPACE])) {
      if (stripApp1Payload(payload)) gpsRemoved = true;
    }
  }
  return { bytes: jpeg, gpsRemoved };
}

const APP1_MARKER = Buffer.from([0xff, 0xe1]);

function stripApp1Payload(payload: Buffer): boolean {
  if (startsWith(payload, EXIF_HEADER)) {
    const result = stripTiffOrBlank(payload.subarray(EXIF_HEADER.length));
    // A blanked block keeps its "Exif" name but no TIFF header; zeroing the name too turns it
    // into an APP1 no reader claims, instead of one every reader reports as broken.
    if (result.blanked) payload.fill(0);
    return result.gpsRemoved;
  }
  if (startsWith(payload, XMP_NAMESPACE)) {
    return stripGpsFromXmp(payload.subarray(XMP_NAMESPACE.length));
  }
  if (startsWith(payload, EXTENDED_XMP_NAMESPACE)) {
    // Extended XMP (Photoshop history, Camera Raw settings) is split across segments with an MD5
    // over the whole, so it cannot be edited piecewise. Nothing in it matters to a newsroom, and
    // it can hold coordinates, so it goes: zeroed, it is an APP1 no reader claims.
    const hadGps = payload.includes('GPS', 0, 'latin1');
    payload.fill(0);
    return hadGps;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// PNG: eXIf holds a bare TIFF block; XMP sits in an iTXt (or zTXt) chunk keyed
// "XML:com.adobe.xmp", often compressed. PNG chunks carry their own length and CRC and nothing
// points at them, so edited chunks are simply rebuilt. ImageMagick's hex-encoded "Raw profile
// type exif/xmp/app1" text chunks are dropped: they duplicate metadata in a form no browser or
// newsroom tool reads, and decoding them to edit in place is not worth the risk of missing one.

const PNG_SIGNATURE_BYTES = 8;

function stripPng(png: Buffer): LocationStripResult {
  const chunks: Buffer[] = [png.subarray(0, PNG_SIGNATURE_BYTES)];
  let gpsRemoved = false;
  let offset = PNG_SIGNATURE_BYTES;
  while (offset + 12 <= png.length) {
    const dataLength = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const chunkEnd = offset + 12 + dataLength;
    if (chunkEnd > png.length) throw new MetadataFormatError('a PNG chunk runs past the end');
    const data = png.subarray(offset + 8, offset + 8 + dataLength);
    const original = png.subarray(offset, chunkEnd);
    offset = chunkEnd;

    if (type === 'eXIf') {
      const tiff = startsWith(data, EXIF_HEADER) ? data.subarray(EXIF_HEADER.length) : data;
      const result = stripTiffOrBlank(tiff);
      gpsRemoved ||= result.gpsRemoved;
      if (!result.blanked) chunks.push(pngChunk(type, data));
    } else if (type === 'iTXt' || type === 'zTXt' || type === 'tEXt') {
      const keyword = data.toString('latin1', 0, Math.max(data.indexOf(0), 0));
      if (keyword.startsWith('Raw profile type ')) {
        const profile = keyword.slice('Raw profile type '.length).toLowerCase();
        if (profile === 'exif' || profile === 'xmp' || profile === 'app1') continue;
      }
      if (keyword === 'XML:com.adobe.xmp') {
        const stripped = stripPngXmpChunk(type, data);
        gpsRemoved ||= stripped.gpsRemoved;
        chunks.push(stripped.chunk);
      } else {
        chunks.push(original);
      }
    } else {
      chunks.push(original);
    }
    // Bytes after IEND are not part of the image (and are how PNG/ZIP polyglots are made).
    if (type === 'IEND') break;
  }
  return { bytes: Buffer.concat(chunks), gpsRemoved };
}

function stripPngXmpChunk(type: string, data: Buffer): { chunk: Buffer; gpsRemoved: boolean } {
  const keywordEnd = data.indexOf(0);
  if (type === 'iTXt') {
    // keyword \0 compressionFlag compressionMethod languageTag \0 translatedKeyword \0 text
    const compressed = data[keywordEnd + 1] === 1;
    const languageEnd = data.indexOf(0, keywordEnd + 3);
    const translatedEnd = data.indexOf(0, languageEnd + 1);
    if (languageEnd === -1 || translatedEnd === -1) {
      throw new MetadataFormatError('a PNG XMP chunk is damaged');
    }
    const head = data.subarray(0, translatedEnd + 1);
    const text = data.subarray(translatedEnd + 1);
    const xmp = compressed ? inflateSync(text) : Buffer.from(text);
    const gpsRemoved = stripGpsFromXmp(xmp);
    const body = compressed ? deflateSync(xmp) : xmp;
    return { chunk: pngChunk(type, Buffer.concat([head, body])), gpsRemoved };
  }
  // zTXt: keyword \0 compressionMethod compressed text; tEXt: keyword \0 text
  const headLength = type === 'zTXt' ? keywordEnd + 2 : keywordEnd + 1;
  const head = data.subarray(0, headLength);
  const xmp =
    type === 'zTXt'
      ? inflateSync(data.subarray(headLength))
      : Buffer.from(data.subarray(headLength));
  const gpsRemoved = stripGpsFromXmp(xmp);
  const body = type === 'zTXt' ? deflateSync(xmp) : xmp;
  return { chunk: pngChunk(type, Buffer.concat([head, body])), gpsRemoved };
}

function pngChunk(type: string, data: Buffer): Buffer {
  const typeBytes = Buffer.from(type, 'latin1');
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  typeBytes.copy(chunk, 4);
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(Buffer.concat([typeBytes, data])), 8 + data.length);
  return chunk;
}

// ---------------------------------------------------------------------------------------------
// WebP: a RIFF file whose EXIF and "XMP " chunks hold a TIFF block (some writers put "Exif\0\0"
// in front) and an XMP packet. Both are edited in place; an EXIF chunk that cannot be parsed is
// dropped, which means rewriting the RIFF size and clearing the EXIF flag in the VP8X header.

const VP8X_EXIF_FLAG = 0x08;

function stripWebp(webp: Buffer): LocationStripResult {
  let gpsRemoved = false;
  const kept: Buffer[] = [];
  let droppedExif = false;
  let offset = 12;
  while (offset + 8 <= webp.length) {
    const fourCc = webp.toString('latin1', offset, offset + 4);
    const size = webp.readUInt32LE(offset + 4);
    const dataEnd = offset + 8 + size;
    if (dataEnd > webp.length) throw new MetadataFormatError('a WebP chunk runs past the end');
    const chunkEnd = Math.min(dataEnd + (size % 2), webp.length);
    const data = webp.subarray(offset + 8, dataEnd);
    if (fourCc === 'EXIF') {
      const tiff = startsWith(data, EXIF_HEADER) ? data.subarray(EXIF_HEADER.length) : data;
      const result = stripTiffOrBlank(tiff);
      gpsRemoved ||= result.gpsRemoved;
      if (result.blanked) droppedExif = true;
      else kept.push(webp.subarray(offset, chunkEnd));
    } else {
      if (fourCc === 'XMP ' && stripGpsFromXmp(data)) gpsRemoved = true;
      kept.push(webp.subarray(offset, chunkEnd));
    }
    offset = chunkEnd;
  }
  if (!droppedExif) return { bytes: webp.subarray(0, offset), gpsRemoved };
  for (const chunk of kept) {
    if (chunk.toString('latin1', 0, 4) === 'VP8X') chunk[8] = (chunk[8] ?? 0) & ~VP8X_EXIF_FLAG;
  }
  const body = Buffer.concat(kept);
  const header = Buffer.from(webp.subarray(0, 12));
  header.writeUInt32LE(4 + body.length, 4);
  return { bytes: Buffer.concat([header, body]), gpsRemoved };
}

// ---------------------------------------------------------------------------------------------
// AVIF (HEIF): EXIF and XMP are items of the top-level `meta` box. `iinf` says which item is
// which ("Exif", or "mime" with type application/rdf+xml), `iloc` says where its bytes are (in
// `mdat` or `idat`). An Exif item starts with a 4-byte offset to its TIFF header. Edits are in
// place, so no `iloc` offset changes. An item split over several extents, or stored in a way this
// reader does not follow, is zeroed rather than left with its coordinates.

interface IsoBox {
  type: string;
  start: number;
  bodyStart: number;
  end: number;
}

function stripAvif(avif: Buffer): LocationStripResult {
  const meta = childBoxes(avif, 0, avif.length).find((box) => box.type === 'meta');
  if (meta === undefined) return { bytes: avif, gpsRemoved: false };
  const metaChildren = childBoxes(avif, meta.bodyStart + 4, meta.end); // meta is a FullBox
  const itemTypes = readItemTypes(
    avif,
    metaChildren.find((box) => box.type === 'iinf'),
  );
  const idat = metaChildren.find((box) => box.type === 'idat');
  const locations = readItemLocations(
    avif,
    metaChildren.find((box) => box.type === 'iloc'),
  );
  let gpsRemoved = false;
  for (const [itemId, kind] of itemTypes) {
    const location = locations.get(itemId);
    if (location === undefined) continue;
    const extents = location.extents.map(({ offset, length }) => {
      const base = location.constructionMethod === 1 ? (idat?.bodyStart ?? 0) : 0;
      const start = base + location.baseOffset + offset;
      // A length of 0 means "to the end of the file" (or of idat).
      const wholeEnd = location.constructionMethod === 1 ? (idat?.end ?? 0) : avif.length;
      const end = length === 0 ? wholeEnd : start + length;
      return { start, end: Math.min(end, avif.length) };
    });
    const onlyExtent = extents.length === 1 ? extents[0] : undefined;
    if (onlyExtent === undefined || location.constructionMethod > 1) {
      for (const extent of extents) avif.fill(0, extent.start, extent.end);
      continue;
    }
    const payload = avif.subarray(onlyExtent.start, onlyExtent.end);
    if (kind === 'xmp') {
      gpsRemoved = stripGpsFromXmp(payload) || gpsRemoved;
    } else if (payload.length >= 4) {
      const tiffStart = 4 + payload.readUInt32BE(0);
      const result = stripTiffOrBlank(payload.subarray(Math.min(tiffStart, payload.length)));
      gpsRemoved ||= result.gpsRemoved;
    }
  }
  return { bytes: avif, gpsRemoved };
}

function childBoxes(file: Buffer, start: number, end: number): IsoBox[] {
  const boxes: IsoBox[] = [];
  let offset = start;
  while (offset + 8 <= end) {
    let size = file.readUInt32BE(offset);
    const type = file.toString('latin1', offset + 4, offset + 8);
    let bodyStart = offset + 8;
    if (size === 1) {
      if (offset + 16 > end) break;
      size = Number(file.readBigUInt64BE(offset + 8));
      bodyStart = offset + 16;
    } else if (size === 0) {
      size = end - offset;
    }
    if (size < bodyStart - offset || offset + size > end) {
      throw new MetadataFormatError('an AVIF box runs past the end');
    }
    boxes.push({ type, start: offset, bodyStart, end: offset + size });
    offset += size;
  }
  return boxes;
}

function readItemTypes(file: Buffer, iinf: IsoBox | undefined): Map<number, 'exif' | 'xmp'> {
  const items = new Map<number, 'exif' | 'xmp'>();
  if (iinf === undefined) return items;
  const version = file[iinf.bodyStart] ?? 0;
  const entriesStart = iinf.bodyStart + 4 + (version === 0 ? 2 : 4);
  for (const infe of childBoxes(file, entriesStart, iinf.end)) {
    if (infe.type !== 'infe') continue;
    const infeVersion = file[infe.bodyStart] ?? 0;
    if (infeVersion < 2) continue; // versions 0 and 1 predate item types; AVIF uses 2 or 3
    let offset = infe.bodyStart + 4;
    const itemId = infeVersion === 2 ? file.readUInt16BE(offset) : file.readUInt32BE(offset);
    offset += (infeVersion === 2 ? 2 : 4) + 2; // item_ID, item_protection_index
    const itemType = file.toString('latin1', offset, offset + 4);
    offset += 4;
    if (itemType === 'Exif') {
      items.set(itemId, 'exif');
    } else if (itemType === 'mime') {
      const nameEnd = file.indexOf(0, offset);
      const typeEnd = file.indexOf(0, nameEnd + 1);
      if (nameEnd === -1 || nameEnd >= infe.end) continue;
      const contentType = file.toString(
        'latin1',
        nameEnd + 1,
        typeEnd === -1 ? infe.end : Math.min(typeEnd, infe.end),
      );
      if (contentType === 'application/rdf+xml') items.set(itemId, 'xmp');
    }
  }
  return items;
}

interface ItemLocation {
  constructionMethod: number;
  baseOffset: number;
  extents: { offset: number; length: number }[];
}

function readItemLocations(file: Buffer, iloc: IsoBox | undefined): Map<number, ItemLocation> {
  const locations = new Map<number, ItemLocation>();
  if (iloc === undefined) return locations;
  let offset = iloc.bodyStart;
  const version = file[offset] ?? 0;
  offset += 4;
  const sizes1 = file[offset] ?? 0;
  const sizes2 = file[offset + 1] ?? 0;
  offset += 2;
  const offsetSize = sizes1 >> 4;
  const lengthSize = sizes1 & 0x0f;
  const baseOffsetSize = sizes2 >> 4;
  const indexSize = version === 1 || version === 2 ? sizes2 & 0x0f : 0;
  const tableEnd = iloc.end;
  const readU16 = (): number => {
    if (offset + 2 > tableEnd) throw new MetadataFormatError('the AVIF item table is damaged');
    const value = file.readUInt16BE(offset);
    offset += 2;
    return value;
  };
  const readSized = (size: number): number => {
    if (offset + size > tableEnd) throw new MetadataFormatError('the AVIF item table is damaged');
    const value =
      size === 0
        ? 0
        : size === 4
          ? file.readUInt32BE(offset)
          : size === 8
            ? Number(file.readBigUInt64BE(offset))
            : Number.NaN;
    if (Number.isNaN(value)) throw new MetadataFormatError('the AVIF item table is damaged');
    offset += size;
    return value;
  };
  const itemCount = version < 2 ? readU16() : readSized(4);
  for (let item = 0; item < itemCount; item++) {
    const itemId = version < 2 ? readU16() : readSized(4);
    const constructionMethod = version === 1 || version === 2 ? readU16() & 0x0f : 0;
    readU16(); // data_reference_index
    const baseOffset = readSized(baseOffsetSize);
    const extentCount = readU16();
    const extents: { offset: number; length: number }[] = [];
    for (let extent = 0; extent < extentCount; extent++) {
      readSized(indexSize);
      extents.push({ offset: readSized(offsetSize), length: readSized(lengthSize) });
    }
    locations.set(itemId, { constructionMethod, baseOffset, extents });
  }
  return locations;
}

function startsWith(bytes: Buffer, prefix: Buffer): boolean {
  return bytes.length >= prefix.length && bytes.subarray(0, prefix.length).equals(prefix);
}

function startsWithAny(bytes: Buffer, prefixes: Buffer[]): boolean {
  return prefixes.some((prefix) => startsWith(bytes, prefix));
}
