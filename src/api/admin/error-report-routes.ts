/**
 * The editors' queue of readers' error reports: list (filtered, newest first), one report with
 * its history, and changes (status, assignee, the correction that resolved it, the recorded
 * reply). Resolving a report with a correction is two calls: add the note to the article
 * (`POST /articles/:id/corrections`), then `PATCH` here with `status: "corrected"` and the
 * note's id as `correctionId`.
 */
import { z } from 'zod';
import { NotFoundError } from '../../core/errors.js';
import { findErrorReport, listErrorReports } from '../../core/newsroom/error-reports-for-staff.js';
import { runOperation } from '../../core/operation.js';
import { updateErrorReport } from '../../core/operations/index.js';
import { ERROR_REPORT_STATUSES, LOCALES } from '../../db/schema.js';
import { jsonObject, pageParam, parsedQuery, positiveIntParam } from './admin-route.js';
import type { AdminRoute } from './admin-route.js';

const listQuery = z.object({
  status: z
    .enum(ERROR_REPORT_STATUSES, { error: `must be one of ${ERROR_REPORT_STATUSES.join(', ')}` })
    .optional(),
  locale: z.enum(LOCALES as ['en', 'es'], { error: 'must be "en" or "es"' }).optional(),
  page: pageParam,
});

/** The PATCH body: the operation's fields without the id, which is in the path. */
const patchBody = z.object({
  status: z.enum(ERROR_REPORT_STATUSES).optional(),
  assignedToUserId: z.number().int().positive().nullable().optional(),
  correctionId: z.number().int().positive().nullable().optional(),
  replyText: z.string().optional(),
});

async function reportOr404(db: Parameters<typeof findErrorReport>[0], id: number) {
  const report = await findErrorReport(db, id);
  if (!report) throw new NotFoundError(`no error report with id ${id}`);
  return report;
}

export const errorReportRoutes: AdminRoute[] = [
  {
    method: 'GET',
    path: '/error-reports',
    policy: updateErrorReport.policy,
    summary: "Readers' error reports, newest first, with their articles; filter by status, locale",
    query: listQuery,
    async handle(c, { db }) {
      const query = parsedQuery(c, listQuery);
      const page = await listErrorReports(db, query);
      return c.json({
        reports: page.items,
        total: page.total,
        page: page.page,
        pageCount: page.pageCount,
      });
    },
  },
  {
    method: 'GET',
    path: '/error-reports/:id',
    policy: updateErrorReport.policy,
    summary: 'One error report, with the history of who changed what',
    async handle(c, { db }) {
      const id = positiveIntParam(c.req.param('id'), 'id');
      return c.json({ report: await reportOr404(db, id) });
    },
  },
  {
    method: 'PATCH',
    path: '/error-reports/:id',
    policy: updateErrorReport.policy,
    summary:
      'Change status, assignee, the resolving correction or the recorded reply (each change is logged)',
    requestBody: patchBody,
    async handle(c, { core, db, actor }) {
      const id = positiveIntParam(c.req.param('id'), 'id');
      const body = await jsonObject(c);
      if (body instanceof Response) return body;
      await runOperation(core, updateErrorReport, actor, { ...body, id });
      return c.json({ report: await reportOr404(db, id) });
    },
  },
];
