/**
 * Removes location data from the metadata blocks every container shares: the EXIF GPS IFD (TIFF
 * structure) and the GPS properties of an XMP packet. Both edits are in place and keep the length
 * of the block, so nothing that points into the file by offset (TIFF offsets, JPEG MPF offsets
 * to a phone's secondary images, AVIF item locations) has to be rewritten, and pixel data is
 * never touched.
 */

export class MetadataFormatError extends Error {}

/** EXIF tag 0x8825, GPSInfoIFDPointer: where the GPS IFD starts. */
const GPS_IFD_POINTER_TAG = 0x8825;
/** Bytes per value of each TIFF field type (1 BYTE ... 13 IFD); unknown types have no entry. */
const TIFF_TYPE_SIZES: Readonly<Record<number, number>> = {
  1: 1,
  2: 1,
  3: 2,
  4: 4,
  5: 8,
  6: 1,
  7: 1,
  8: 2,
  9: 4,
  10: 8,
  11: 4,
  12: 8,
  13: 4,
};
const IFD_ENTRY_BYTES = 12;
const MAX_IFDS_IN_CHAIN = 16;

/**
 * Drops the GPS IFD pointer from every IFD of the chain (IFD0, IFD1 ...) and zeroes the GPS IFD
 * and the values it points to, so the coordinates are gone from the bytes, not just unlinked.
 * The pointer entry is removed by sliding the later entries of its IFD up by one and lowering the
 * count; the IFD keeps its start, so no other offset changes. `tiff` is a view into the file
 * (from the "II*\0" / "MM\0*" header on) and is edited in place. Throws MetadataFormatError if
 * the structure is not one it can edit safely.
 */
export function stripGpsFromTiff(tiff: Buffer): boolean {
  const reader = tiffReader(tiff);
  let ifdOffset = reader.u32(4);
  const visited = new Set<number>();
  let removed = false;
  while (ifdOffset !== 0) {
    if (visited.has(ifdOffset) || visited.size >= MAX_IFDS_IN_CHAIN) {
      throw new MetadataFormatError('the EXIF IFD chain loops');
    }
    visited.add(ifdOffset);
    const entryCount = reader.u16(ifdOffset);
    const entriesStart = ifdOffset + 2;
    const nextIfdField = entriesStart + entryCount * IFD_ENTRY_BYTES;
    const nextIfdOffset = reader.u32(nextIfdField);
    let kept = 0;
    for (let index = 0; index < entryCount; index++) {
      const entry = entriesStart + index * IFD_ENTRY_BYTES;
      if (reader.u16(entry) === GPS_IFD_POINTER_TAG) {
        zeroGpsIfd(tiff, reader, reader.u32(entry + 8));
        removed = true;
        continue;
      }
      // Entries are only ever moved to slots already read, so the loop still sees each once.
      if (kept !== index) {
        tiff.copyWithin(entriesStart + kept * IFD_ENTRY_BYTES, entry, entry + IFD_ENTRY_BYTES);
      }
      kept++;
    }
    if (kept !== entryCount) {
      reader.setU16(ifdOffset, kept);
      const newNextIfdField = entriesStart + kept * IFD_ENTRY_BYTES;
      reader.setU32(newNextIfdField, nextIfdOffset);
      tiff.fill(0, newNextIfdField + 4, nextIfdField + 4);
    }
    ifdOffset = nextIfdOffset;
  }
  return removed;
}

function zeroGpsIfd(tiff: Buffer, reader: TiffReader, gpsIfdOffset: number): void {
  // A pointer to nowhere is simply dropped with its entry; there is nothing to zero.
  if (gpsIfdOffset + 2 > tiff.length) return;
  const entryCount = reader.u16(gpsIfdOffset);
  const ifdEnd = Math.min(gpsIfdOffset + 2 + entryCount * IFD_ENTRY_BYTES + 4, tiff.length);
  for (let index = 0; index < entryCount; index++) {
    const entry = gpsIfdOffset + 2 + index * IFD_ENTRY_BYTES;
    if (entry + IFD_ENTRY_BYTES > tiff.length) break;
    const typeSize = TIFF_TYPE_SIZES[reader.u16(entry + 2)];
    const valueBytes = typeSize === undefined ? 0 : typeSize * reader.u32(entry + 4);
    // Values of up to four bytes sit inside the entry, which is zeroed below with the IFD.
    if (valueBytes > 4) {
      const valueOffset = reader.u32(entry + 8);
      if (valueOffset + valueBytes <= tiff.length)
        tiff.fill(0, valueOffset, valueOffset + valueBytes);
    }
  }
  tiff.fill(0, gpsIfdOffset, ifdEnd);
}

interface TiffReader {
  u16(offset: number): number;
  u32(offset: number): number;
  setU16(offset: number, value: number): void;
  setU32(offset: number, value: number): void;
}

function tiffReader(tiff: Buffer): TiffReader {
  const byteOrder = tiff.toString('latin1', 0, 2);
  if (tiff.length < 8 || (byteOrder !== 'II' && byteOrder !== 'MM')) {
    throw new MetadataFormatError('the EXIF block has no TIFF header');
  }
  const littleEndian = byteOrder === 'II';
  const inBounds = (offset: number, size: number): void => {
    if (offset < 0 || offset + size > tiff.length) {
      throw new MetadataFormatError('an EXIF offset points outside the block');
    }
  };
  const reader: TiffReader = {
    u16: (offset) => {
      inBounds(offset, 2);
      return littleEndian ? tiff.readUInt16LE(offset) : tiff.readUInt16BE(offset);
    },
    u32: (offset) => {
      inBounds(offset, 4);
      return littleEndian ? tiff.readUInt32LE(offset) : tiff.readUInt32BE(offset);
    },
    setU16: (offset, value) => {
      inBounds(offset, 2);
      if (littleEndian) tiff.writeUInt16LE(value, offset);
      else tiff.writeUInt16BE(value, offset);
    },
    setU32: (offset, value) => {
      inBounds(offset, 4);
      if (littleEndian) tiff.writeUInt32LE(value, offset);
      else tiff.writeUInt32BE(value, offset);
    },
  };
  if (reader.u16(2) !== 42) throw new MetadataFormatError('the EXIF block has no TIFF header');
  return reader;
}

// Any property whose local name starts with GPS, whatever its prefix: exif:GPSLatitude,
// exif:GPSLongitude ..., and the IPTC Extension's Iptc4xmpExt:GPSLatitude inside a location.
const GPS_NAME = String.raw`[A-Za-z_][\w.-]*:GPS[\w.-]*`;
const XMP_GPS_PATTERNS = [
  // Self-closing elements first, so the paired pattern below never mistakes one for an opening tag.
  new RegExp(String.raw`<(${GPS_NAME})(?:\s[^>]*)?/>`, 'g'),
  new RegExp(String.raw`<(${GPS_NAME})(?:\s[^>]*)?>[\s\S]*?</\1\s*>`, 'g'),
  new RegExp(String.raw`\s${GPS_NAME}\s*=\s*(?:"[^"]*"|'[^']*')`, 'g'),
];

/**
 * Blanks GPS properties of an XMP packet with spaces, in place: attributes and elements become
 * whitespace, which XML and RDF ignore, and the packet keeps its length. Works on the bytes as
 * Latin-1 so string indexes are byte offsets; the patterns are ASCII, so UTF-8 text elsewhere is
 * left as it was.
 */
export function stripGpsFromXmp(xmp: Buffer): boolean {
  let removed = false;
  for (const pattern of XMP_GPS_PATTERNS) {
    const text = xmp.toString('latin1');
    for (const match of text.matchAll(pattern)) {
      xmp.fill(0x20, match.index, match.index + match[0].length);
      removed = true;
    }
  }
  return removed;
}
