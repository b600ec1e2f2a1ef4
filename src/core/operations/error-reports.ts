/**
 * Readers' error reports: the anonymous submission behind "Found a mistake?", and the editors'
 * changes as a report moves through the queue (status, assignee, the correction that resolved
 * it, the recorded reply), each kept in `error_report_events` with who made it and when.
 */
import { z } from 'zod';
import { ERROR_REPORT_STATUSES, LOCALES } from '../../db/schema.js';
import type { ErrorReportStatus } from '../../db/schema.js';
import { clientKey } from '../accounts/client-key.js';
import { NotFoundError, ValidationError } from '../errors.js';
import { checkFormToken, MIN_FILL_MS } from '../error-reports/form-token.js';
import {
  countSubmission,
  GLOBAL_THROTTLE_KEY,
  REPORTS_PER_CLIENT,
  REPORTS_PER_SITE,
} from '../error-reports/report-throttle.js';
import { defineOperation } from '../operation.js';
import { editorsPolicy } from '../policy.js';
import { idSchema, requiredText } from './input-schemas.js';

export const ERROR_REPORT_LIMITS = { whatIsWrong: 4000, passage: 2000, replyEmail: 254 } as const;

const emailAddress = z.email();

const submitInput = z.object({
  articleId: idSchema,
  /** The edition the reader wrote from. */
  locale: z.enum(LOCALES as ['en', 'es'], { error: 'must be "en" or "es"' }),
  whatIsWrong: requiredText(ERROR_REPORT_LIMITS.whatIsWrong),
  passage: z
    .string()
    .trim()
    .max(ERROR_REPORT_LIMITS.passage, `must be at most ${ERROR_REPORT_LIMITS.passage} characters`)
    .default(''),
  /** '' or absent: the reader wants no reply. */
  replyEmail: z
    .string()
    .trim()
    .max(ERROR_REPORT_LIMITS.replyEmail, 'must be at most 254 characters')
    .refine((email) => email === '' || emailAddress.safeParse(email).success, {
      message: 'must be an email address, or empty',
    })
    .optional()
    .transform((email) => (email ? email : null)),
  /** The signed token from the form (core/error-reports/form-token.ts). */
  formToken: z.string().max(200).default(''),
  /** The field people never see; whatever a bot types there, it gets no error message about it. */
  honeypot: z.string().default(''),
  /** The client's network address, hashed before it is stored or compared. */
  clientAddress: z.string().max(100),
});

export type SubmitErrorReportResult =
  | { outcome: 'stored'; id: number }
  /** The honeypot was filled or the form was sent too fast: answered like `stored`, kept nowhere. */
  | { outcome: 'discarded' }
  /** The form token is missing, forged, for another article or too old: the reader sends again. */
  | { outcome: 'expired' }
  /** `client`: this client's limit; `site`: the limit for everyone. */
  | { outcome: 'rate_limited'; scope: 'client' | 'site'; retryAfterSeconds: number };

/**
 * Takes a reader's report. Limits and traps are results, not errors: the throttle's counts must
 * be committed, and an error would roll them back.
 */
export const submitErrorReport = defineOperation({
  name: 'submit an error report',
  input: submitInput,
  policy: {
    staff: ['contributor', 'author', 'editor', 'admin'],
    system: true,
    anonymous: true,
  },
  async run({ trx, now, changes }, data): Promise<SubmitErrorReportResult> {
    const article = await trx
      .selectFrom('articles')
      .select('id')
      .where('id', '=', data.articleId)
      .where('status', '=', 'published')
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!article) throw new NotFoundError(`no published article with id ${data.articleId}`);

    const token = await checkFormToken(trx, data.formToken, data.articleId, now);
    if (!token.valid) return { outcome: 'expired' };

    const client = await clientKey(trx, data.clientAddress);
    for (const [scope, key, limit] of [
      ['client', `client:${client}`, REPORTS_PER_CLIENT],
      ['site', GLOBAL_THROTTLE_KEY, REPORTS_PER_SITE],
    ] as const) {
      const retryAfterSeconds = await countSubmission(trx, key, limit, now);
      if (retryAfterSeconds > 0) return { outcome: 'rate_limited', scope, retryAfterSeconds };
    }

    // Counted above, so a bot's traps fill its own quota, but never stored or announced.
    if (data.honeypot !== '' || token.ageMs < MIN_FILL_MS) return { outcome: 'discarded' };

    const { id } = await trx
      .insertInto('error_reports')
      .values({
        article_id: data.articleId,
        locale: data.locale,
        what_is_wrong: data.whatIsWrong,
        passage: data.passage,
        reply_email: data.replyEmail,
        client_key: client,
        status: 'new',
        assigned_to_user_id: null,
        correction_id: null,
        reply_text: null,
        replied_at: null,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    changes.events.push({ type: 'error_report.received', id });
    return { outcome: 'stored', id };
  },
});

const updateInput = z
  .object({
    id: idSchema,
    status: z
      .enum(ERROR_REPORT_STATUSES, {
        error: `must be one of ${ERROR_REPORT_STATUSES.join(', ')}`,
      })
      .optional(),
    /** null: nobody. */
    assignedToUserId: idSchema.nullable().optional(),
    /** The public correction (a note on the article) that resolved the report; null: none. */
    correctionId: idSchema.nullable().optional(),
    /** The newsroom's answer to the reader, recorded (sent by email once Galley sends email). */
    replyText: requiredText(10_000).optional(),
  })
  .refine(
    (edit) =>
      edit.status !== undefined ||
      edit.assignedToUserId !== undefined ||
      edit.correctionId !== undefined ||
      edit.replyText !== undefined,
    { message: 'send at least one of status, assignedToUserId, correctionId, replyText' },
  );

/**
 * Moves a report through the queue. Only what changed is written, and each change is recorded
 * with who made it; sending the same status again records nothing.
 */
export const updateErrorReport = defineOperation({
  name: 'update an error report',
  input: updateInput,
  policy: editorsPolicy,
  async run({ trx, now, actor }, data) {
    const report = await trx
      .selectFrom('error_reports')
      .select(['id', 'status', 'assigned_to_user_id', 'correction_id', 'reply_text'])
      .where('id', '=', data.id)
      .executeTakeFirst();
    if (!report) throw new NotFoundError(`no error report with id ${data.id}`);

    if (data.assignedToUserId !== undefined && data.assignedToUserId !== null) {
      const user = await trx
        .selectFrom('staff_users')
        .select('id')
        .where('id', '=', data.assignedToUserId)
        .where('disabled_at', 'is', null)
        .executeTakeFirst();
      if (!user) throw new ValidationError('assignedToUserId', 'is not an active staff account');
    }

    const changed: { field: string; from: string | null; to: string | null }[] = [];
    const set: {
      status?: ErrorReportStatus;
      assigned_to_user_id?: number | null;
      correction_id?: number | null;
      reply_text?: string;
      replied_at?: string;
    } = {};
    const text = (value: number | string | null) => (value === null ? null : String(value));
    if (data.status !== undefined && data.status !== report.status) {
      set.status = data.status;
      changed.push({ field: 'status', from: report.status, to: data.status });
    }
    if (
      data.assignedToUserId !== undefined &&
      data.assignedToUserId !== report.assigned_to_user_id
    ) {
      set.assigned_to_user_id = data.assignedToUserId;
      changed.push({
        field: 'assignedToUserId',
        from: text(report.assigned_to_user_id),
        to: text(data.assignedToUserId),
      });
    }
    if (data.correctionId !== undefined && data.correctionId !== report.correction_id) {
      set.correction_id = data.correctionId;
      changed.push({
        field: 'correctionId',
        from: text(report.correction_id),
        to: text(data.correctionId),
      });
    }
    if (data.replyText !== undefined && data.replyText !== report.reply_text) {
      set.reply_text = data.replyText;
      set.replied_at = now.toISOString();
      changed.push({ field: 'replyText', from: report.reply_text, to: data.replyText });
    }
    if (changed.length === 0) return { id: report.id, changed: [] as string[] };

    await trx
      .updateTable('error_reports')
      .set({ ...set, updated_at: now.toISOString() })
      .where('id', '=', report.id)
      .execute();
    await trx
      .insertInto('error_report_events')
      .values(
        changed.map((change) => ({
          report_id: report.id,
          user_id: actor.kind === 'staff' ? actor.userId : null,
          field: change.field,
          from_value: change.from,
          to_value: change.to,
          created_at: now.toISOString(),
        })),
      )
      .execute();
    return { id: report.id, changed: changed.map((change) => change.field) };
  },
});
