/**
 * Which changes webhooks hear of, and how a change becomes deliveries: one job per subscribed
 * webhook, enqueued in the change's own transaction (so a rolled-back change sends nothing and a
 * committed one is never forgotten, even if the process dies right after).
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ChangeSet } from '../change-set.js';
import { enqueueJobs } from '../jobs/job-queue.js';
import { sitePaths } from '../site-paths.js';

export const WEBHOOK_EVENTS = [
  'article.published',
  'article.updated',
  'article.unpublished',
  'correction.added',
  'error_report.received',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const WEBHOOK_JOB = 'webhook.deliver';

/** What a receiver gets (the `data` differs per event type). */
export interface WebhookEventBody {
  /** Unique per event; the same in every delivery and redelivery of it, for de-duplication. */
  id: string;
  type: WebhookEvent;
  occurredAt: string;
  data: Record<string, unknown>;
}

export interface WebhookJobPayload {
  webhookId: number;
  event: WebhookEventBody;
}

const isWebhookEvent = (type: string): type is WebhookEvent =>
  (WEBHOOK_EVENTS as readonly string[]).includes(type);

/** The event's subject as receivers see it: an article's id, language, headline and path. */
async function eventData(
  trx: Transaction<Database>,
  type: WebhookEvent,
  id: number,
): Promise<Record<string, unknown>> {
  if (type === 'correction.added') return correctionData(trx, id);
  if (type === 'error_report.received') return errorReportData(trx, id);
  if (!type.startsWith('article.')) return { id };
  const article = await trx
    .selectFrom('articles as a')
    .innerJoin('section_translations as st', (join) =>
      join.onRef('st.section_id', '=', 'a.section_id').onRef('st.locale', '=', 'a.locale'),
    )
    .select([
      'a.id',
      'a.locale',
      'a.headline',
      'a.slug',
      'a.status',
      'a.version',
      'a.published_at',
      'a.updated_at',
      'st.slug as section_slug',
    ])
    .where('a.id', '=', id)
    .executeTakeFirst();
  if (!article) return { id };
  return {
    article: {
      id: article.id,
      locale: article.locale,
      headline: article.headline,
      status: article.status,
      version: article.version,
      path: sitePaths.article(article.locale, article.section_slug, article.slug),
      publishedAt: article.published_at,
      updatedAt: article.updated_at,
    },
  };
}

/**
 * A reader's error report, for the desk's tools: what was reported and about which article. The
 * reader's email address stays in the newsroom.
 */
async function errorReportData(
  trx: Transaction<Database>,
  reportId: number,
): Promise<Record<string, unknown>> {
  const report = await trx
    .selectFrom('error_reports')
    .select(['id', 'article_id', 'locale', 'what_is_wrong', 'passage', 'created_at'])
    .where('id', '=', reportId)
    .executeTakeFirst();
  if (!report) return { id: reportId };
  const { article } = await eventData(trx, 'article.updated', report.article_id);
  return {
    id: report.id,
    report: {
      id: report.id,
      locale: report.locale,
      whatIsWrong: report.what_is_wrong,
      passage: report.passage,
      receivedAt: report.created_at,
    },
    article,
  };
}

/** A note added to an article: the note itself (any type: see `note.type`) and its article. */
async function correctionData(
  trx: Transaction<Database>,
  noteId: number,
): Promise<Record<string, unknown>> {
  const note = await trx
    .selectFrom('article_notes')
    .select(['id', 'article_id', 'type', 'text', 'is_prominent', 'noted_at', 'amended_at'])
    .where('id', '=', noteId)
    .executeTakeFirst();
  if (!note) return { id: noteId };
  const { article } = await eventData(trx, 'article.updated', note.article_id);
  return {
    note: {
      id: note.id,
      type: note.type,
      text: note.text,
      isProminent: note.is_prominent === 1,
      notedAt: note.noted_at,
      amendedAt: note.amended_at,
    },
    article,
  };
}

export async function enqueueWebhookDeliveries(
  trx: Transaction<Database>,
  events: ChangeSet['events'],
  now: Date,
): Promise<void> {
  const relevant = events.filter((event) => isWebhookEvent(event.type));
  if (relevant.length === 0) return;
  const webhooks = await trx
    .selectFrom('webhooks')
    .select(['id', 'events'])
    .where('deleted_at', 'is', null)
    .execute();
  if (webhooks.length === 0) return;
  const jobs = [];
  for (const event of relevant) {
    const type = event.type as WebhookEvent;
    const subscribers = webhooks.filter((hook) =>
      (JSON.parse(hook.events) as string[]).includes(type),
    );
    if (subscribers.length === 0) continue;
    const data = await eventData(trx, type, event.id);
    // Drafts change all the time (autosave); receivers care about what readers can see.
    const article = data['article'] as { status?: string } | undefined;
    if (type === 'article.updated' && article?.status !== 'published') continue;
    const body: WebhookEventBody = {
      id: randomUUID(),
      type,
      occurredAt: new Date().toISOString(),
      data,
    };
    for (const hook of subscribers)
      jobs.push({ kind: WEBHOOK_JOB, payload: { webhookId: hook.id, event: body } });
  }
  await enqueueJobs(trx, jobs, now);
}
