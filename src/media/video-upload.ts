/**
 * Receives a video upload: multipart/form-data parsed by busboy as it arrives, the file written
 * straight to a temporary file under the media root, never held whole in memory. Counting
 * happens as the bytes arrive: past the limit, reading stops and the partial file is deleted.
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';
import busboy from 'busboy';
import { SNIFF_BYTES } from './video-sniff.js';

/** The multipart envelope and the small fields beside the file. */
const ENVELOPE_BYTES = 64 * 1024;

export class UploadRejectedError extends Error {
  override name = 'UploadRejectedError';
  constructor(
    readonly status: 413 | 415 | 422,
    message: string,
  ) {
    super(message);
  }
}

export interface ReceivedUpload {
  /** The temporary file; the caller moves it into place or deletes it. */
  file: string;
  bytes: number;
  /** The first bytes, for the type check. */
  head: Buffer;
  filename: string;
  fields: Record<string, string>;
}

const formatSize = (bytes: number) =>
  bytes >= 1024 ** 3
    ? `${(bytes / 1024 ** 3).toFixed(1)} GiB`
    : `${(bytes / 1024 ** 2).toFixed(1)} MiB`;

/** Where uploads are written while they arrive (the reader site serves no file type there). */
export const incomingFolder = (mediaRoot: string) => join(mediaRoot, 'incoming');

export async function receiveVideoUpload(
  request: Request,
  options: { mediaRoot: string; maxBytes: number },
): Promise<ReceivedUpload> {
  const contentType = request.headers.get('content-type') ?? '';
  const howToSend = 'send the video as multipart/form-data, in a field named "file"';
  if (!contentType.toLowerCase().startsWith('multipart/form-data') || !request.body)
    throw new UploadRejectedError(422, howToSend);
  const tooLarge = `the video is larger than ${formatSize(options.maxBytes)}, the limit; upload a shorter or more compressed file`;
  // CASE: the client says up front that it sends too much: refuse before reading a byte.
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (declared > options.maxBytes + ENVELOPE_BYTES) throw new UploadRejectedError(413, tooLarge);

  const folder = incomingFolder(options.mediaRoot);
  await mkdir(folder, { recursive: true });
  const file = join(folder, `${randomUUID()}.upload`);
  const source = Readable.fromWeb(request.body as NodeWebStream<Uint8Array>);

  let out: WriteStream | undefined;
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { 'content-type': contentType },
      limits: { fileSize: options.maxBytes, files: 1, fields: 8, fieldSize: 1024, parts: 10 },
    });
  } catch {
    throw new UploadRejectedError(422, howToSend);
  }

  try {
    return await new Promise<ReceivedUpload>((resolve, reject) => {
      const fields: Record<string, string> = {};
      let received: Promise<Omit<ReceivedUpload, 'fields'>> | undefined;
      let isDone = false;
      const fail = (error: Error) => {
        if (isDone) return;
        isDone = true;
        // Stop reading the request: nothing more of it is wanted.
        source.unpipe(parser);
        source.destroy();
        reject(error);
      };
      parser.on('field', (name, value) => {
        fields[name] = value;
      });
      parser.on('file', (name, stream, info) => {
        if (name !== 'file' || received) {
          stream.resume();
          return;
        }
        received = new Promise((resolveFile, rejectFile) => {
          const head: Buffer[] = [];
          let headBytes = 0;
          let bytes = 0;
          stream.on('data', (chunk: Buffer) => {
            bytes += chunk.length;
            if (headBytes < SNIFF_BYTES) {
              head.push(chunk.subarray(0, SNIFF_BYTES - headBytes));
              headBytes += Math.min(chunk.length, SNIFF_BYTES - headBytes);
            }
          });
          stream.on('limit', () => {
            const error = new UploadRejectedError(413, tooLarge);
            rejectFile(error);
            fail(error);
          });
          out = createWriteStream(file);
          out.on('error', (error) => {
            rejectFile(error);
            fail(error);
          });
          out.on('finish', () =>
            resolveFile({ file, bytes, head: Buffer.concat(head), filename: info.filename ?? '' }),
          );
          stream.pipe(out as WriteStream);
        });
        // Settled through `fail`; keeps an early rejection from being reported as unhandled.
        received.catch(() => undefined);
      });
      parser.on('error', (error: Error) =>
        fail(new UploadRejectedError(422, `the upload could not be read (${error.message})`)),
      );
      parser.on('close', () => {
        if (isDone) return;
        if (!received) {
          fail(new UploadRejectedError(422, howToSend));
          return;
        }
        received.then(
          (upload) => {
            isDone = true;
            if (upload.bytes === 0) reject(new UploadRejectedError(422, 'the file is empty'));
            else resolve({ ...upload, fields });
          },
          (error: Error) => fail(error),
        );
      });
      source.on('error', (error) => fail(error));
      source.pipe(parser);
    });
  } catch (error) {
    // The file must be closed before it is removed: a write stream still opening would
    // otherwise create it again after the removal.
    if (out && !out.closed) {
      const closing = new Promise<void>((resolve) => out?.once('close', () => resolve()));
      out.destroy();
      await closing;
    }
    await rm(file, { force: true });
    throw error;
  }
}
