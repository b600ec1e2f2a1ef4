/**
 * The newsroom app's distribution screens in a real Chromium: webhooks (subscribe, the secret
 * shown once, a real delivery to a receiver on 127.0.0.1, the delivery log, redeliver, delete),
 * Content API keys (create with origins, the key works, revoke, and it stops working), the ninjs
 * import (paste and file, the report, idempotency) and the editor's ninjs export. axe-core checks
 * each screen in both interface languages, and one webhook is made with the keyboard alone.
 */
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from './axe.js';
import { createStory, setUpNewsroom, tabTo } from './newsroom-support.js';

const newsroom = setUpNewsroom();
const db = () => newsroom.site.galley.db;

/** What the test receiver was sent. */
interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A webhook receiver on 127.0.0.1 that answers 200 and keeps every request. */
let receiver: Server;
let receiverUrl = '';
const received: Received[] = [];

beforeAll(async () => {
  receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((done) => receiver.listen(0, '127.0.0.1', done));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/galley`;
});

afterAll(async () => {
  receiver.closeAllConnections();
  await new Promise<void>((done) => receiver.close(() => done()));
});

const { signedIn } = newsroom;

/** Runs due jobs until `done` holds (the runner in the background may also take some). */
async function runJobsUntil(done: () => boolean, what: string): Promise<void> {
  for (let round = 0; round < 50; round++) {
    if (done()) return;
    await newsroom.site.galley.jobs.runOnce();
    if (done()) return;
    await new Promise((wait) => setTimeout(wait, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('webhooks in the newsroom app', () => {
  it('subscribes a receiver, delivers a signed event, logs it, redelivers it and deletes', async () => {
    const errors: string[] = [];
    const { context, page } = await signedIn('admin', '/admin/webhooks', { errors });
    try {
      await page.getByRole('heading', { level: 1, name: 'Webhooks' }).waitFor();
      await page.getByLabel('Name').fill('Partner wire desk');
      await page.getByLabel('Address (URL)').fill(receiverUrl);
      await page.getByLabel('article.published').check();
      await page.getByRole('button', { name: 'Add a webhook' }).click();

      const secretField = page.locator('#webhook-secret');
      await secretField.waitFor();
      const secret = await secretField.inputValue();
      expect(secret).toMatch(/^whsec_[\w-]{20,}$/);
      await page.getByRole('row', { name: /Partner wire desk/ }).waitFor();
      const stored = await db()
        .selectFrom('webhooks')
        .select(['id', 'url', 'events', 'secret'])
        .where('name', '=', 'Partner wire desk')
        .executeTakeFirstOrThrow();
      expect(stored).toMatchObject({ url: receiverUrl, secret });
      expect(JSON.parse(stored.events)).toEqual(['article.published']);

      // A story published now reaches the receiver, signed with the secret the screen showed.
      const headline = `Webhook story ${Date.now()}`;
      const story = await createStory(newsroom.site.galley, { headline, publish: true });
      await runJobsUntil(() => received.length >= 1, 'the first delivery');
      const first = received[0];
      if (!first) throw new Error('nothing was received');
      const event = JSON.parse(first.body) as {
        id: string;
        type: string;
        data: { article: { id: number; headline: string } };
      };
      expect(event.type).toBe('article.published');
      expect(event.data.article).toMatchObject({ id: story.id, headline });
      const timestamp = String(first.headers['x-galley-timestamp']);
      const expected = createHmac('sha256', secret).update(`${timestamp}.${first.body}`);
      expect(first.headers['x-galley-signature']).toBe(`sha256=${expected.digest('hex')}`);

      // The log shows the attempt and what the receiver answered.
      await page.getByRole('button', { name: 'Delivery log of Partner wire desk' }).click();
      const log = page.locator('table.deliveries tbody tr');
      await log.first().waitFor();
      await expect.poll(() => log.count()).toBe(1);
      const row = log.first();
      expect(await row.locator('td').nth(0).textContent()).toBe('article.published');
      expect(await row.locator('td').nth(1).textContent()).toBe('1');
      expect(await row.locator('td').nth(2).textContent()).toBe('HTTP 200');
      expect(await row.locator('td').nth(3).textContent()).toMatch(/^\d+ ms$/);

      // Redeliver: the same event (same id) arrives again, and the log gains a row.
      await row.getByRole('button', { name: /^Redeliver article\.published/ }).click();
      await page.getByText('article.published queued for redelivery').waitFor();
      await runJobsUntil(() => received.length >= 2, 'the redelivery');
      const again = JSON.parse(received[1]?.body ?? '{}') as { id?: string };
      expect(again.id).toBe(event.id);
      await page.getByRole('button', { name: 'Refresh' }).click();
      await expect.poll(() => log.count(), { timeout: 5_000 }).toBe(2);

      // Delete, through the confirmation dialog; Cancel first changes nothing.
      await page.getByRole('button', { name: 'Delete Partner wire desk' }).click();
      const dialog = page.getByRole('alertdialog');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByRole('button', { name: 'Delete Partner wire desk' }).click();
      await dialog.getByRole('button', { name: 'Delete' }).click();
      await page.getByText('Webhook “Partner wire desk” deleted.').waitFor();
      const deleted = await db()
        .selectFrom('webhooks')
        .select('deleted_at')
        .where('id', '=', stored.id)
        .executeTakeFirstOrThrow();
      expect(deleted.deleted_at).not.toBeNull();
      // The list reloads after the message: poll until the table has gone.
      await expect.poll(() => page.locator('table.webhooks').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);

  it('names the field the server refused', async () => {
    const { context, page } = await signedIn('admin', '/admin/webhooks');
    try {
      await page.getByLabel('Name').fill('No events');
      await page.getByLabel('Address (URL)').fill('https://receiver.example/hook');
      await page.getByRole('button', { name: 'Add a webhook' }).click();
      await page.getByText('choose at least one event').waitFor();
      // The focus goes to the first event checkbox, which is marked invalid.
      await expect
        .poll(() => page.evaluate<string>('document.activeElement.id'))
        .toBe('webhook-event-0');
      expect(await page.locator('#webhook-event-0').getAttribute('aria-invalid')).toBe('true');
    } finally {
      await context.close();
    }
  }, 60_000);

  it('is not offered to editors', async () => {
    const { context, page } = await signedIn('editor', '/admin/webhooks');
    try {
      await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
      expect(await page.getByRole('link', { name: 'Webhooks' }).count()).toBe(0);
    } finally {
      await context.close();
    }
  }, 60_000);
});

describe('Content API keys in the newsroom app', () => {
  it('creates a key that reads the Content API, then revokes it', async () => {
    const errors: string[] = [];
    const { context, page } = await signedIn('editor', '/admin/content-keys', { errors });
    try {
      await page.getByLabel('Name').fill('Mobile app');
      const origins = page.getByLabel('Allowed browser origins');
      await origins.fill('https://app.example\nnot an origin');
      await page.getByRole('button', { name: 'Create a key' }).click();
      await page.getByText(/^Line 2: must be an origin/).waitFor();
      expect(await origins.getAttribute('aria-invalid')).toBe('true');

      await origins.fill('https://app.example\n\n  http://localhost:5173  \n');
      await page.getByRole('button', { name: 'Create a key' }).click();
      const keyField = page.locator('#content-key-value');
      await keyField.waitFor();
      const key = await keyField.inputValue();
      expect(key).toMatch(/^galley_content_/);
      const row = page.getByRole('row', { name: /Mobile app/ });
      await row.waitFor();
      expect(await row.locator('li').allTextContents()).toEqual([
        'https://app.example',
        'http://localhost:5173',
      ]);

      const read = (withKey: string) =>
        fetch(newsroom.url('/api/content/sections'), {
          headers: { authorization: `Bearer ${withKey}` },
        });
      expect((await read(key)).status).toBe(200);

      await row.getByRole('button', { name: 'Revoke Mobile app' }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Revoke' }).click();
      await page.getByText('Key “Mobile app” revoked.').waitFor();
      await row.getByText(/^Revoked/).waitFor();
      expect((await read(key)).status).toBe(401);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});

const wireStory = (uri: string, headline: string) => ({
  uri,
  type: 'text',
  version: '1',
  language: 'en',
  headlines: [{ role: 'main', value: headline }],
  by: 'Ines Wirth',
  bodies: [
    {
      contentType: 'text/html',
      value: '<p>The ferry ran on time.</p><script>alert(1)</script>',
    },
  ],
});

describe('ninjs in the newsroom app', () => {
  it('imports pasted and uploaded documents, reports what it did, and skips a repeat', async () => {
    const errors: string[] = [];
    const { context, page } = await signedIn('editor', '/admin/import', { errors });
    try {
      const uri = `urn:galley-test:wire:ferry-${Date.now()}`;
      const paste = page.getByLabel('Or paste a ninjs document');
      await paste.fill(JSON.stringify(wireStory(uri, 'Ferry keeps its timetable')));
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      const report = page.locator('.import-report');
      await report.getByText('Created: 1. Updated: 0. Skipped: 0. Refused: 0.').waitFor();
      await report.getByText(uri).waitFor();
      const imported = await db()
        .selectFrom('ninjs_imports as n')
        .innerJoin('articles as a', 'a.id', 'n.article_id')
        .select(['a.id', 'a.status', 'a.headline', 'a.body_html'])
        .where('n.source_uri', '=', uri)
        .executeTakeFirstOrThrow();
      expect(imported).toMatchObject({ status: 'draft', headline: 'Ferry keeps its timetable' });
      expect(imported.body_html).not.toContain('<script');
      const link = report.getByRole('link', { name: /^Open the story \(article \d+/ });
      expect(await link.getAttribute('href')).toBe(`/admin/articles/${imported.id}`);
      expect(await report.locator('ul[lang="en"] li').count()).toBeGreaterThan(0);

      // The same document again, as a file this time: skipped, nothing changed.
      await page.getByLabel('ninjs files (.json)').setInputFiles({
        name: 'ferry.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(wireStory(uri, 'Ferry keeps its timetable'))),
      });
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await report.getByText('Created: 0. Updated: 0. Skipped: 1. Refused: 0.').waitFor();
      await report.getByRole('heading', { name: 'ferry.json: skipped' }).waitFor();

      // Broken input is reported per document, with the server's reason.
      await paste.fill('{"uri": ');
      await page.getByLabel('ninjs files (.json)').setInputFiles({
        name: 'no-uri.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify({ headlines: [{ value: 'x' }] })),
      });
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await report.getByText('Created: 0. Updated: 0. Skipped: 0. Refused: 2.').waitFor();
      await report.getByText('/uri: is required').waitFor();
      await report.getByText(/^This is not JSON/).waitFor();

      // Publishing on import, into a chosen section.
      const published = `urn:galley-test:wire:published-${Date.now()}`;
      await page.getByLabel('ninjs files (.json)').setInputFiles([]);
      await paste.fill(JSON.stringify(wireStory(published, 'Harbour opens a second quay')));
      await page.getByLabel('Publish at once').check();
      const section = await db()
        .selectFrom('section_translations')
        .select(['section_id', 'name'])
        .where('locale', '=', 'en')
        .orderBy('section_id', 'desc')
        .executeTakeFirstOrThrow();
      await page.getByLabel('Section').selectOption(String(section.section_id));
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await report.getByText('Created: 1. Updated: 0. Skipped: 0. Refused: 0.').waitFor();
      const row = await db()
        .selectFrom('ninjs_imports as n')
        .innerJoin('articles as a', 'a.id', 'n.article_id')
        .select(['a.status', 'a.section_id'])
        .where('n.source_uri', '=', published)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ status: 'published', section_id: section.section_id });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);

  it('downloads an article as ninjs from the editor', async () => {
    const { id } = await createStory(newsroom.site.galley, { headline: `Export ${Date.now()}` });
    const { context, page } = await signedIn('editor', `/admin/articles/${id}`);
    try {
      await page.locator('.ProseMirror').waitFor();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Export as ninjs' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`article-${id}.ninjs.json`);
      const path = await download.path();
      const { readFile } = await import('node:fs/promises');
      const document = JSON.parse(await readFile(path, 'utf8')) as {
        uri: string;
        headlines: { value: string }[];
      };
      expect(document.headlines[0]?.value).toMatch(/^Export \d+$/);
      expect(typeof document.uri).toBe('string');
    } finally {
      await context.close();
    }
  }, 60_000);
});

/** The screens' words in both interface languages, for the axe walk. */
const AXE_LABELS = {
  en: {
    name: 'Name',
    url: 'Address (URL)',
    addWebhook: 'Add a webhook',
    log: /^Delivery log of/,
    createKey: 'Create a key',
    paste: 'Or paste a ninjs document',
    importDo: 'Import',
    deleteWebhook: /^Delete /,
  },
  es: {
    name: 'Nombre',
    url: 'Dirección (URL)',
    addWebhook: 'Añadir un webhook',
    log: /^Registro de envíos de/,
    createKey: 'Crear una clave',
    paste: 'O pega un documento ninjs',
    importDo: 'Importar',
    deleteWebhook: /^Eliminar /,
  },
} as const;

describe('axe-core finds no violation on the distribution screens', () => {
  for (const locale of ['en', 'es'] as const) {
    it(`webhooks, Content API keys and ninjs import (${locale})`, async () => {
      const labels = AXE_LABELS[locale];
      const { context, page } = await signedIn('admin', '/admin/webhooks', {
        locale,
        bypassCSP: true,
      });
      try {
        await page.getByRole('button', { name: labels.addWebhook }).waitFor();
        await expectNoAxeViolations(page, `webhooks (${locale})`);
        // The refused form, then the secret shown once and the delivery log.
        await page.getByRole('button', { name: labels.addWebhook }).click();
        await page.locator('#webhook-name[aria-invalid="true"]').waitFor();
        await expectNoAxeViolations(page, `webhooks with an error (${locale})`);
        await page.getByLabel(labels.name).fill(`Axe ${locale}`);
        await page.getByLabel(labels.url).fill(receiverUrl);
        await page.locator('#webhook-event-0').check();
        await page.getByRole('button', { name: labels.addWebhook }).click();
        await page.locator('#webhook-secret').waitFor();
        await createStory(newsroom.site.galley, {
          headline: `Axe ${locale} ${Date.now()}`,
          publish: true,
        });
        const before = received.length;
        await runJobsUntil(() => received.length > before, 'a delivery');
        await page.getByRole('button', { name: labels.log }).last().click();
        await page.locator('table.deliveries tbody tr').first().waitFor();
        await expectNoAxeViolations(page, `webhooks with a delivery log (${locale})`);
        await page.getByRole('button', { name: labels.deleteWebhook }).last().click();
        await page.getByRole('alertdialog').waitFor();
        await expectNoAxeViolations(page, `the delete-webhook dialog (${locale})`);
        await page.keyboard.press('Escape');
        await page.getByRole('alertdialog').waitFor({ state: 'detached' });

        await page.goto(newsroom.url('/admin/content-keys'), { waitUntil: 'load' });
        await page.getByLabel(labels.name).fill(`Axe key ${locale}`);
        await page.getByRole('button', { name: labels.createKey }).click();
        await page.locator('#content-key-value').waitFor();
        await page.locator('table.content-keys tbody tr').first().waitFor();
        await expectNoAxeViolations(page, `Content API keys (${locale})`);

        await page.goto(newsroom.url('/admin/import'), { waitUntil: 'load' });
        await page.getByLabel(labels.paste).waitFor();
        await expectNoAxeViolations(page, `ninjs import (${locale})`);
        await page
          .getByLabel(labels.paste)
          .fill(JSON.stringify(wireStory(`urn:galley-test:wire:axe-${locale}`, 'Quay news')));
        await page.getByRole('button', { name: labels.importDo, exact: true }).click();
        await page.locator('.import-report a').waitFor();
        await expectNoAxeViolations(page, `ninjs import report (${locale})`);
      } finally {
        await context.close();
      }
    }, 120_000);
  }
});

/** Tab (forwards, wrapping round the page) until the focused element's text is `text`. */
async function tabToText(page: Page, text: string, max = 120): Promise<void> {
  for (let step = 0; step < max; step++) {
    await page.keyboard.press('Tab');
    const found = await page.evaluate<string>(
      `document.activeElement ? (document.activeElement.textContent || '').trim() : ''`,
    );
    if (found === text) return;
  }
  throw new Error(`no element with the text ${text} got the focus after ${max} Tab presses`);
}

describe('the distribution screens from the keyboard alone', () => {
  it('adds a webhook, opens its log and deletes it without a mouse', async () => {
    const { context, page } = await signedIn('admin', '/admin/webhooks');
    try {
      await page.getByRole('heading', { level: 1, name: 'Webhooks' }).waitFor();
      await tabTo(page, '#webhook-name');
      await page.keyboard.type('Keyboard hook');
      await tabTo(page, '#webhook-url', 3);
      await page.keyboard.type('https://receiver.example/keyboard');
      await tabTo(page, '#webhook-event-1', 4);
      await page.keyboard.press('Space');
      await tabTo(page, 'button[type="submit"]', 8);
      await page.keyboard.press('Enter');
      await page.locator('#webhook-secret').waitFor();
      // The secret field has the focus (and its text is selected), ready for Ctrl+C.
      await expect
        .poll(() => page.evaluate<string>('document.activeElement.id'))
        .toBe('webhook-secret');
      const hook = await db()
        .selectFrom('webhooks')
        .select(['id', 'events'])
        .where('name', '=', 'Keyboard hook')
        .executeTakeFirstOrThrow();
      expect(JSON.parse(hook.events)).toEqual(['article.updated']);

      await tabToText(page, 'Delivery log of Keyboard hook');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Delivery log: Keyboard hook' }).waitFor();
      await expect
        .poll(() => page.evaluate<string>('document.activeElement.id'))
        .toBe('deliveries-title');

      await page.keyboard.press('Shift+Tab');
      await tabToText(page, 'Delete Keyboard hook');
      await page.keyboard.press('Enter');
      await page.getByRole('alertdialog').waitFor();
      // Cancel has the focus: Tab to the dangerous button on purpose.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.getByText('Webhook “Keyboard hook” deleted.').waitFor();
      const row = await db()
        .selectFrom('webhooks')
        .select('deleted_at')
        .where('id', '=', hook.id)
        .executeTakeFirstOrThrow();
      expect(row.deleted_at).not.toBeNull();
    } finally {
      await context.close();
    }
  }, 60_000);
});
