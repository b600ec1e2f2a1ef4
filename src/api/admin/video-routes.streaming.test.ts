/**
 * A video upload over real HTTP (node:http, as `galley serve` runs), on both databases: a
 * 150 MB body sent in chunks without Content-Length is on disk while it is still arriving (so it
 * is not gathered in memory first), and a body that declares a size over the limit is refused
 * before it is read.
 */
import { readdirSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { attachVideoSettings, videoSettingsOf } from '../../media/video-settings.js';
import { createNodeServer, listen } from '../../server/node-server.js';
import { setUpAdminApiClient } from '../../test/admin-api-client.js';
import type { Login } from '../../test/admin-api-client.js';
import { describeEachDialect } from '../../test/each-dialect.js';

const MB = 1024 * 1024;
const BOUNDARY = 'galley-test-boundary';

/** A multipart body of `size` bytes of "video" (an MP4 box header, then zeros), in 1 MB chunks. */
function multipartStream(
  size: number,
  onSent: (bytes: number) => void,
): ReadableStream<Uint8Array> {
  const head = Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="big.mp4"\r\nContent-Type: video/mp4\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
  const ftyp = Buffer.from('00000018667479706d703432000000006d70343269736f6d', 'hex');
  const chunk = Buffer.alloc(MB);
  let sent = 0;
  let stage: 'head' | 'body' | 'tail' | 'done' = 'head';
  return new ReadableStream({
    pull(controller) {
      if (stage === 'head') {
        controller.enqueue(new Uint8Array(Buffer.concat([head, ftyp])));
        sent = ftyp.length;
        stage = 'body';
      } else if (stage === 'body') {
        const length = Math.min(MB, size - sent);
        controller.enqueue(new Uint8Array(chunk.subarray(0, length)));
        sent += length;
        onSent(sent);
        if (sent >= size) stage = 'tail';
      } else if (stage === 'tail') {
        controller.enqueue(new Uint8Array(tail));
        stage = 'done';
      } else controller.close();
    },
  });
}

describeEachDialect('video upload over HTTP', { demo: false }, (t) => {
  let server: Server;
  let origin: string;
  let login: Login;

  beforeAll(async () => {
    const api = await setUpAdminApiClient(t.galley);
    login = api.logins.author;
    server = createNodeServer(t.galley);
    const port = await listen(server, 0, '127.0.0.1');
    origin = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const post = (body: Buffer | ReadableStream<Uint8Array>, headers: Record<string, string> = {}) =>
    fetch(`${origin}/api/admin/media/videos`, {
      method: 'POST',
      headers: {
        cookie: login.cookie,
        'x-csrf-token': login.csrf,
        'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
        ...headers,
      },
      body,
      duplex: 'half',
    } as RequestInit);

  it('writes 150 MB to disk as it arrives (then ffprobe refuses the zeros: 422)', async () => {
    const incoming = join(t.galley.mediaStore.root, 'incoming');
    /** How much of the upload is on disk when the client has sent 120 MB of 150. */
    let onDiskAt120 = -1;
    const onSent = (sent: number) => {
      if (sent < 120 * MB || onDiskAt120 >= 0) return;
      try {
        onDiskAt120 = readdirSync(incoming).reduce(
          (total, name) => total + statSync(join(incoming, name)).size,
          0,
        );
      } catch {
        onDiskAt120 = 0;
      }
    };
    const response = await post(multipartStream(150 * MB, onSent));
    expect(response.status).toBe(422);
    // Gathered in memory first, nothing would be on disk yet; streamed, most of it is (what is
    // still in the socket's and streams' buffers is not).
    expect(onDiskAt120 / MB).toBeGreaterThan(60);
    expect(await readdir(incoming)).toEqual([]);
  });

  it('refuses a body that declares more than the limit before reading it (413)', async () => {
    const settings = videoSettingsOf(t.galley.core);
    attachVideoSettings(t.galley.core, { ...settings, maxBytes: 5 * MB });
    try {
      const body = Buffer.alloc(20 * MB);
      const response = await post(body, { 'content-length': String(body.length) });
      expect(response.status).toBe(413);
      expect(await response.json()).toMatchObject({ error: { field: 'file' } });
    } finally {
      attachVideoSettings(t.galley.core, settings);
    }
  });
});
