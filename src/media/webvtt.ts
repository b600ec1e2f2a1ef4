/**
 * Checks a captions file before Galley stores it: UTF-8, the `WEBVTT` signature, cue blocks
 * with timings `hh:mm:ss.ttt --> hh:mm:ss.ttt` (end after start, starts in order), valid cue
 * settings, and cue text. A refusal names the line that is wrong, counted from 1, so an editor
 * can open the file and fix it.
 *
 * The parsing is webvtt-parser's (the W3C validator's parser, which reports line numbers); this
 * module adds the byte-level checks and points a malformed timing line at itself rather than at
 * the line after it, where the parser notices.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// webvtt-parser is a CommonJS file with no types: only the part used here is declared.
const { WebVTTParser } = require('webvtt-parser') as {
  WebVTTParser: new () => {
    parse(
      text: string,
      mode: 'metadata',
    ): { cues: unknown[]; errors: { message: string; line: number; col?: number }[] };
  };
};

/** 512 KiB: a feature film's captions are about 100 KB; a news clip's a few KB. */
export const MAX_CAPTIONS_BYTES = 512 * 1024;

export class WebVttError extends Error {
  override name = 'WebVttError';
  constructor(
    message: string,
    /** The line at fault, from 1; null when the whole file is (too large). */
    readonly line: number | null,
    readonly status: 413 | 422 = 422,
  ) {
    super(message);
  }
}

const TIMING_LIKE = /-->|->|\d\d:\d\d/;

/** The file as text if it is valid WebVTT; otherwise a WebVttError naming the line. */
export function validateWebVtt(bytes: Uint8Array): { text: string; cueCount: number } {
  if (bytes.length > MAX_CAPTIONS_BYTES)
    throw new WebVttError(
      `the captions file is ${Math.ceil(bytes.length / 1024)} KiB; the limit is ${MAX_CAPTIONS_BYTES / 1024} KiB`,
      null,
      413,
    );
  const text = decodeUtf8(bytes);
  if (text.includes('\0')) {
    const line = text.slice(0, text.indexOf('\0')).split(/\r\n|\r|\n/).length;
    throw atLine(line, 'contains a NUL character; captions must be plain text');
  }
  const lines = text.split(/\r\n|\r|\n/);
  const { cues, errors } = new WebVTTParser().parse(text, 'metadata');
  const first = [...errors].sort((a, b) => a.line - b.line)[0];
  if (first) {
    const previous = lines[first.line - 2] ?? '';
    // CASE: a cue whose timing line is malformed ("00:01.000 -> 00:02.000"): the parser takes
    // it for the cue's identifier and complains about the next line. The timing line is wrong.
    if (/identifier/i.test(first.message) && TIMING_LIKE.test(previous))
      throw atLine(
        first.line - 1,
        `the cue timing is malformed ("${previous.trim().slice(0, 60)}"); write it as 00:00:01.000 --> 00:00:04.000`,
      );
    throw atLine(first.line, sentence(first.message));
  }
  if (cues.length === 0)
    throw atLine(lines.length, 'the file has no captions: no cue follows the WEBVTT header');
  return { text, cueCount: cues.length };
}

function atLine(line: number, message: string): WebVttError {
  return new WebVttError(`line ${line}: ${message}`, line);
}

const sentence = (message: string) =>
  message.charAt(0).toLowerCase() + message.slice(1).replace(/\.$/, '');

/** The text, or an error naming the first line with bytes that are not UTF-8. */
function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    let line = 1;
    let start = 0;
    for (let index = 0; index <= bytes.length; index++) {
      if (index === bytes.length || bytes[index] === 0x0a) {
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start, index));
        } catch {
          break;
        }
        line++;
        start = index + 1;
      }
    }
    throw atLine(line, 'is not UTF-8 text; save the captions file as UTF-8');
  }
}
