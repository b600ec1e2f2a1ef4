import { describe, expect, it } from 'vitest';
import { isPrivateMediaKey, requestedRange } from './media-files.js';

describe('requestedRange', () => {
  it('reads a range, an open-ended range and a suffix', () => {
    expect(requestedRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 });
    expect(requestedRange('bytes=500-', 1000)).toEqual({ start: 500, end: 999 });
    expect(requestedRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 });
    // A range past the end is cut to the file; a suffix longer than the file is the whole file.
    expect(requestedRange('bytes=900-5000', 1000)).toEqual({ start: 900, end: 999 });
    expect(requestedRange('bytes=-5000', 1000)).toEqual({ start: 0, end: 999 });
  });

  it('sends the whole file for no header, a malformed one, or several ranges', () => {
    expect(requestedRange(undefined, 1000)).toBeNull();
    expect(requestedRange('bytes=abc', 1000)).toBeNull();
    expect(requestedRange('items=0-1', 1000)).toBeNull();
    expect(requestedRange('bytes=0-1,5-9', 1000)).toBeNull();
    expect(requestedRange('bytes=-', 1000)).toBeNull();
  });

  it('cannot satisfy a range that starts past the end, ends before it starts, or is empty', () => {
    expect(requestedRange('bytes=1000-', 1000)).toBe('unsatisfiable');
    expect(requestedRange('bytes=50-10', 1000)).toBe('unsatisfiable');
    expect(requestedRange('bytes=-0', 1000)).toBe('unsatisfiable');
  });
});

describe('isPrivateMediaKey', () => {
  it("keeps videos' original uploads and uploads in progress from readers", () => {
    expect(isPrivateMediaKey('videos/2026/11/0b6f/original.mp4')).toBe(true);
    expect(isPrivateMediaKey('/videos/2026/11/0b6f/original.MOV')).toBe(true);
    expect(isPrivateMediaKey('incoming/upload-1.part')).toBe(true);
    expect(isPrivateMediaKey('videos/2026/11/0b6f/web.mp4')).toBe(false);
    expect(isPrivateMediaKey('videos/2026/11/0b6f/poster-1-960.webp')).toBe(false);
    expect(isPrivateMediaKey('uploads/2026/11/photo-960.avif')).toBe(false);
  });
});
