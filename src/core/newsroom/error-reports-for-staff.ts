/**
 * The editors' queue of readers' error reports: a filtered page, newest first, and one report
 * with its history. Each report carries its article's headline, language, status and public path
 * (the newsroom links to it and highlights the quoted passage there).
 */
import type { Kysely } from 'kysely';
import type { Database, ErrorReportStatus, Locale } from '../../db/schema.js';
import { sitePaths } from '../site-paths.js';
import { pageOf } from './page-of.js';
import type { PageOf } from './page-of.js';

export const ERROR_REPORTS_PAGE_SIZE = 50;

export interface ErrorReportView {
  id: number;
  status: ErrorReportStatus;
  /** The edition the reader wrote from. */
  locale: Locale;
  whatIsWrong: string;
  passage: string;
  replyEmail: string | null;
  article: { id: number; headline: string; locale: Locale; status: string; path: string };
  assignedTo: { id: number; name: string } | null;
  correctionId: number | null;
  replyText: string | null;
  repliedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ErrorReportEventView {
  id: number;
  /** status | assignedToUserId | correctionId | replyText */
  field: string;
  from: string | null;
  to: string | null;
  by: { id: number; name: string } | null;
  at: string;
}

function reportQuery(db: Kysely<Database>) {
  return db
    .selectFrom('error_reports as r')
    .innerJoin('articles as a', 'a.id', 'r.article_id')
    .innerJoin('section_translations as st', (join) =>
      join.onRef('st.section_id', '=', 'a.section_id').onRef('st.locale', '=', 'a.locale'),
    )
    .leftJoin('staff_users as u', 'u.id', 'r.assigned_to_user_id')
    .select([
      'r.id',
      'r.status',
      'r.locale',
      'r.what_is_wrong',
      'r.passage',
      'r.reply_email',
      'r.correction_id',
      'r.reply_text',
      'r.replied_at',
      'r.created_at',
      'r.updated_at',
      'a.id as article_id',
      'a.headline',
      'a.locale as article_locale',
      'a.status as article_status',
      'a.slug',
      'st.slug as section_slug',
      'u.id as assignee_id',
      'u.name as assignee_name',
    ]);
}

type ReportRow = Awaited<ReturnType<ReturnType<typeof reportQuery>['executeTakeFirstOrThrow']>>;

function present(row: ReportRow): ErrorReportView {
  return {
    id: row.id,
    status: row.status,
    locale: row.locale,
    whatIsWrong: row.what_is_wrong,
    passage: row.passage,
    replyEmail: row.reply_email,
    article: {
      id: row.article_id,
      headline: row.headline,
      locale: row.article_locale,
      status: row.article_status,
      path: sitePaths.article(row.article_locale, row.section_slug, row.slug),
    },
    assignedTo:
      row.assignee_id === null ? null : { id: row.assignee_id, name: row.assignee_name ?? '' },
    correctionId: row.correction_id,
    replyText: row.reply_text,
    repliedAt: row.replied_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface ErrorReportFilter {
  status?: ErrorReportStatus;
  locale?: Locale;
  page: number;
}

export async function listErrorReports(
  db: Kysely<Database>,
  filter: ErrorReportFilter,
): Promise<PageOf<ErrorReportView>> {
  let query = reportQuery(db);
  let count = db.selectFrom('error_reports as r').select((eb) => eb.fn.countAll<number>().as('n'));
  if (filter.status) {
    query = query.where('r.status', '=', filter.status);
    count = count.where('r.status', '=', filter.status);
  }
  if (filter.locale) {
    query = query.where('r.locale', '=', filter.locale);
    count = count.where('r.locale', '=', filter.locale);
  }
  const rows = await query
    .orderBy('r.id', 'desc')
    .limit(ERROR_REPORTS_PAGE_SIZE)
    .offset((filter.page - 1) * ERROR_REPORTS_PAGE_SIZE)
    .execute();
  const { n } = await count.executeTakeFirstOrThrow();
  return pageOf(rows.map(present), Number(n), {
    page: filter.page,
    pageSize: ERROR_REPORTS_PAGE_SIZE,
  });
}

export async function findErrorReport(
  db: Kysely<Database>,
  id: number,
): Promise<(ErrorReportView & { history: ErrorReportEventView[] }) | null> {
  const row = await reportQuery(db).where('r.id', '=', id).executeTakeFirst();
  if (!row) return null;
  const events = await db
    .selectFrom('error_report_events as e')
    .leftJoin('staff_users as u', 'u.id', 'e.user_id')
    .select([
      'e.id',
      'e.field',
      'e.from_value',
      'e.to_value',
      'e.created_at',
      'u.id as user_id',
      'u.name as user_name',
    ])
    .where('e.report_id', '=', id)
    .orderBy('e.id')
    .execute();
  return {
    ...present(row),
    history: events.map((event) => ({
      id: event.id,
      field: event.field,
      from: event.from_value,
      to: event.to_value,
      by: event.user_id === null ? null : { id: event.user_id, name: event.user_name ?? '' },
      at: event.created_at,
    })),
  };
}
