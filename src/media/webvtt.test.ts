import { describe, expect, it } from 'vitest';
import { DEMO_CAPTIONS } from '../demo/content/stories-video.js';
import { MAX_CAPTIONS_BYTES, WebVttError, validateWebVtt } from './webvtt.js';

const bytes = (text: string) => Buffer.from(text, 'utf8');

/** The refusal for a file, which must be one. */
function refusal(input: string | Buffer): WebVttError {
  try {
    validateWebVtt(typeof input === 'string' ? bytes(input) : input);
  } catch (error) {
    if (error instanceof WebVttError) return error;
    throw error;
  }
  throw new Error('the file was accepted');
}

const VALID = `WEBVTT - The harbor at dawn

NOTE written for Galley's tests

intro
00:00:00.500 --> 00:00:04.000 line:85% align:center
Dawn over <i>Bahía Clara</i>.

00:04.000 --> 00:08.500
<v Narrator>The ferries warm their engines.
`;

describe('validateWebVtt', () => {
  it('accepts valid WebVTT: header text, notes, identifiers, short timings, settings, tags', () => {
    expect(validateWebVtt(bytes(VALID))).toMatchObject({ cueCount: 2 });
    // With a byte-order mark and Windows line ends too.
    expect(validateWebVtt(bytes(`\ufeff${VALID.replace(/\n/g, '\r\n')}`)).cueCount).toBe(2);
    for (const locale of ['en', 'es'] as const)
      expect(validateWebVtt(bytes(DEMO_CAPTIONS[locale])).cueCount).toBe(5);
  });

  it('names the line of a missing or wrong signature', () => {
    expect(refusal('WEBVT\n\n00:00:01.000 --> 00:00:02.000\nHi\n')).toMatchObject({ line: 1 });
    expect(refusal('1\n00:00:01.000 --> 00:00:02.000\nHi\n').line).toBe(1);
    const noBlank = refusal('WEBVTT\n00:00:01.000 --> 00:00:02.000\nHi\n');
    expect(noBlank.line).toBe(2);
    expect(noBlank.message).toMatch(/^line 2: /);
  });

  it('names the line of a cue that ends before it starts', () => {
    const error = refusal(
      'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nA\n\n00:00:05.000 --> 00:00:04.000\nB\n',
    );
    expect(error.line).toBe(6);
    expect(error.message).toContain('end timestamp is not greater than start timestamp');
  });

  it('names a malformed timing line itself, not the text after it', () => {
    const arrow = refusal(
      'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nA\n\n00:00:03.000 -> 00:00:04.000\nB\n',
    );
    expect(arrow.line).toBe(6);
    expect(arrow.message).toContain('cue timing is malformed');
    expect(refusal('WEBVTT\n\n00:00:61.000 --> 00:01:02.000\nHi\n').line).toBe(3);
  });

  it('names the line of a bad cue setting, and of cues out of order', () => {
    expect(refusal('WEBVTT\n\n00:00:01.000 --> 00:00:02.000 align:middle\nHi\n').line).toBe(3);
    const outOfOrder = refusal(
      'WEBVTT\n\n00:00:05.000 --> 00:00:06.000\nA\n\n00:00:01.000 --> 00:00:02.000\nB\n',
    );
    expect(outOfOrder.line).toBe(6);
  });

  it('refuses a file with no cue, bytes that are not UTF-8, and files over the limit', () => {
    expect(refusal('WEBVTT\n').message).toContain('no captions');
    const latin1 = Buffer.concat([
      bytes('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n'),
      Buffer.from('Ma\xf1ana\n', 'latin1'),
    ]);
    const notUtf8 = refusal(latin1);
    expect(notUtf8.line).toBe(4);
    expect(notUtf8.message).toContain('UTF-8');
    const huge = refusal(bytes(`WEBVTT\n\n${'x'.repeat(MAX_CAPTIONS_BYTES)}`));
    expect(huge.status).toBe(413);
    expect(huge.line).toBeNull();
  });
});
