/**
 * Webhooks end to end on both databases: subscriptions through the Admin API, deliveries as
 * persisted jobs with HMAC-SHA256 signatures, exactly one delivery per attempt with two processes
 * claiming at once, back-off after a 500, a receiver that never answers, a restart in between,
 * redelivery, and nothing for drafts' autosaves.
 */
import { RECOMMENDATIONS_JOB } from '../core/recommend/refresh-queue.js';
import { WEBHOOK_JOB } from '../core/webhooks/webhook-events.js';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { doc, p } from '../content/body-builders.js';
import { memoryLogger } from '../lib/log.js';
import { setUpAdminApiClient } from '../test/admin-api-client.js';
import type { AdminApiClient } from '../test/admin-api-client.js';
import { describeEachDialect } from '../test/each-dialect.js';
import { webhookSignature } from '../webhooks/deliver-webhook.js';
import { createGalley } from './create-galley.js';
import type { Galley } from './create-galley.js';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A receiver on 127.0.0.1 that answers as told: 200, 500 once, or never. */
async function startReceiver() {
  const received: Received[] = [];
  let mode: 'ok' | 'fail-once' | 'hang' = 'ok';
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      if (mode === 'hang') return; // never answers
      if (mode === 'fail-once') {
        mode = 'ok';
        response.writeHead(500).end('try later');
        return;
      }
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/galley`,
    received,
    setMode: (next: typeof mode) => (mode = next),
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((done) => server.close(() => done()));
    },
  };
}

describeEachDialect('webhooks', { demo: false }, (t) => {
  let api: AdminApiClient;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  // Two more processes on the same database, whose job runners the tests drive by hand.
  let first: Galley;
  let second: Galley;
  let webhook = { id: 0, secret: '' };
  let stories = 0;

  const jobOptions = { intervalMs: 3_600_000, webhookTimeoutMs: 300 };
  const json = async <T>(response: Response | Promise<Response>) =>
    (await (await response).json()) as T;
  const publishStory = async () => {
    stories += 1;
    const { article } = await json<{ article: { id: number } }>(
      api.call('POST', '/articles', api.logins.editor, {
        locale: 'en',
        headline: `Hooked story ${stories}`,
        slug: `hooked-story-${stories}`,
        sectionId: api.sectionId,
        authorIds: [api.authorId],
        body: doc(p('Partners hear of this.')),
      }),
    );
    const published = await api.call(
      'POST',
      `/articles/${article.id}/publish`,
      api.logins.editor,
      {},
    );
    expect(published.status).toBe(200);
    // Publishing also queues a refresh of Recommended blocks (core/recommend); this suite counts
    // and runs webhook jobs only.
    await t.galley.db.deleteFrom('jobs').where('kind', '=', RECOMMENDATIONS_JOB).execute();
    return article.id;
  };
  const pendingJobs = () =>
    t.galley.db
      .selectFrom('jobs')
      .selectAll()
      .where('status', '=', 'pending')
      .where('kind', '=', WEBHOOK_JOB)
      .execute();

  beforeAll(async () => {
    // This suite's own process runs no jobs: the two below do, when told.
    await t.galley.jobs.stop();
    api = await setUpAdminApiClient(t.galley);
    receiver = await startReceiver();
    first = await createGalley(t.galley.config, { logger: memoryLogger(), jobs: jobOptions });
    second = await createGalley(t.galley.config, { logger: memoryLogger(), jobs: jobOptions });
    const created = await api.call('POST', '/webhooks', api.logins.admin, {
      name: 'Partner site',
      url: receiver.url,
      events: ['article.published', 'article.updated'],
    });
    expect(created.status).toBe(201);
    webhook = await json(created);
  });
  afterAll(async () => {
    await first.close();
    await second.close();
    await receiver.close();
  });

  it('refuses bad subscriptions, and non-admins', async () => {
    const bad = await api.call('POST', '/webhooks', api.logins.admin, {
      name: 'Bad',
      url: 'ftp://example.com/x',
      events: ['article.published'],
    });
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ error: { field: 'url' } });
    const unknownEvent = await api.call('POST', '/webhooks', api.logins.admin, {
      name: 'Bad',
      url: receiver.url,
      events: ['article.exploded'],
    });
    expect(unknownEvent.status).toBe(422);
    expect((await api.call('GET', '/webhooks', api.logins.editor)).status).toBe(403);
  });

  it('delivers a signed event once a process runs the job', async () => {
    const id = await publishStory();
    expect(receiver.received).toHaveLength(0); // publishing did not wait for the receiver
    expect(await first.jobs.runOnce()).toBe(1);
    expect(receiver.received).toHaveLength(1);
    const [delivery] = receiver.received as [Received];
    const timestamp = String(delivery.headers['x-galley-timestamp']);
    expect(delivery.headers['x-galley-signature']).toBe(
      webhookSignature(webhook.secret, timestamp, delivery.body),
    );
    expect(delivery.headers['x-galley-event']).toBe('article.published');
    const event = JSON.parse(delivery.body) as {
      id: string;
      type: string;
      data: { article: { id: number; path: string } };
    };
    expect(event).toMatchObject({
      type: 'article.published',
      data: { article: { id, path: `/en/port/hooked-story-${stories}` } },
    });
    expect(delivery.headers['x-galley-delivery']).toBe(event.id);
    const log = await json<{ deliveries: { statusCode: number; attempt: number }[] }>(
      api.call('GET', `/webhooks/${webhook.id}/deliveries`, api.logins.admin),
    );
    expect(log.deliveries[0]).toMatchObject({ statusCode: 204, attempt: 1, error: null });
  });

  it('delivers each event exactly once when two processes claim at the same moment', async () => {
    receiver.received.length = 0;
    for (let index = 0; index < 6; index += 1) await publishStory();
    const [a, b] = await Promise.all([first.jobs.runOnce(), second.jobs.runOnce()]);
    // Each process ran up to its batch of 10; together, every job once.
    expect(a + b).toBe(6);
    const ids = receiver.received.map((r) => (JSON.parse(r.body) as { id: string }).id);
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
    expect(await pendingJobs()).toHaveLength(0);
  });

  it('retries after a 500 with back-off, and logs both attempts', async () => {
    receiver.received.length = 0;
    receiver.setMode('fail-once');
    await publishStory();
    await first.jobs.runOnce();
    const [job] = await pendingJobs();
    expect(job).toMatchObject({ attempts: 1, last_error: 'the receiver answered 500' });
    const delay = Date.parse(job?.run_at ?? '') - Date.now();
    expect(delay).toBeGreaterThan(20_000);
    expect(delay).toBeLessThanOrEqual(30_000);
    // Not due yet: nobody runs it.
    expect(await second.jobs.runOnce()).toBe(0);
    // Time passes (the row is moved, rather than the test waiting 30 s).
    await t.galley.db
      .updateTable('jobs')
      .set({ run_at: new Date(0).toISOString() })
      .where('id', '=', job?.id ?? 0)
      .execute();
    expect(await second.jobs.runOnce()).toBe(1);
    expect(receiver.received).toHaveLength(2);
    const log = await json<{ deliveries: { statusCode: number; attempt: number }[] }>(
      api.call('GET', `/webhooks/${webhook.id}/deliveries`, api.logins.admin),
    );
    expect(log.deliveries.slice(0, 2).map((d) => [d.attempt, d.statusCode])).toEqual([
      [2, 204],
      [1, 500],
    ]);
  });

  it('gives up on a receiver that never answers, and tries again later', async () => {
    receiver.received.length = 0;
    receiver.setMode('hang');
    await publishStory();
    await first.jobs.runOnce();
    const [job] = await pendingJobs();
    expect(job?.last_error).toBe('no answer within 0.3 s');
    const log = await json<{ deliveries: { statusCode: number | null; error: string }[] }>(
      api.call('GET', `/webhooks/${webhook.id}/deliveries`, api.logins.admin),
    );
    expect(log.deliveries[0]).toMatchObject({ statusCode: null, error: 'no answer within 0.3 s' });
    receiver.setMode('ok');
    await t.galley.db
      .updateTable('jobs')
      .set({ run_at: new Date(0).toISOString() })
      .where('id', '=', job?.id ?? 0)
      .execute();
    await second.jobs.runOnce();
    expect(await pendingJobs()).toHaveLength(0);
  });

  it('keeps jobs across a restart: a process started later delivers them', async () => {
    receiver.received.length = 0;
    await publishStory();
    expect(await pendingJobs()).toHaveLength(1);
    // A new process runs due jobs as soon as it starts.
    const restarted = await createGalley(t.galley.config, {
      logger: memoryLogger(),
      jobs: { intervalMs: 3_600_000 },
    });
    try {
      await expect.poll(() => receiver.received.length, { timeout: 5000, interval: 50 }).toBe(1);
    } finally {
      await restarted.close();
    }
  });

  it('redelivers a logged event with the same event id', async () => {
    receiver.received.length = 0;
    const log = await json<{ deliveries: { id: number; eventId: string }[] }>(
      api.call('GET', `/webhooks/${webhook.id}/deliveries`, api.logins.admin),
    );
    const latest = log.deliveries[0];
    const redelivered = await api.call(
      'POST',
      `/webhooks/${webhook.id}/deliveries/${latest?.id}/redeliver`,
      api.logins.admin,
      {},
    );
    expect(redelivered.status).toBe(202);
    await first.jobs.runOnce();
    expect(receiver.received.map((r) => (JSON.parse(r.body) as { id: string }).id)).toEqual([
      latest?.eventId,
    ]);
  });

  it('tells of edits to published stories, not of drafts saving themselves', async () => {
    const { article } = await json<{ article: { id: number; version: number } }>(
      api.call('POST', '/articles', api.logins.editor, {
        locale: 'en',
        headline: 'A draft',
        slug: `quiet-draft`,
        sectionId: api.sectionId,
        authorIds: [api.authorId],
        body: doc(p('Autosaved.')),
      }),
    );
    await api.call('PATCH', `/articles/${article.id}`, api.logins.editor, {
      expectedVersion: article.version,
      dek: 'Still a draft',
    });
    expect(await pendingJobs()).toHaveLength(0);
    const id = await publishStory();
    await first.jobs.runOnce();
    const current = await json<{ article: { version: number } }>(
      api.call('GET', `/articles/${id}`, api.logins.editor),
    );
    await api.call('PATCH', `/articles/${id}`, api.logins.editor, {
      expectedVersion: current.article.version,
      dek: 'A correction to the dek',
    });
    const jobs = await pendingJobs();
    expect(
      jobs.map((job) => (JSON.parse(job.payload) as { event: { type: string } }).event.type),
    ).toEqual(['article.updated']);
    await first.jobs.runOnce();
  });

  it('stops delivering when the webhook is deleted', async () => {
    expect((await api.call('DELETE', `/webhooks/${webhook.id}`, api.logins.admin)).status).toBe(
      204,
    );
    receiver.received.length = 0;
    await publishStory();
    expect(await pendingJobs()).toHaveLength(0);
    await first.jobs.runOnce();
    expect(receiver.received).toHaveLength(0);
  });
});
