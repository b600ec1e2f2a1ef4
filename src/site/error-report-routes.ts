/**
 * Readers' error reports on the reader site: the form (on the contact page when `?article=`
 * names a published article), its POST, and the thank-you page. Plain HTML first: the form
 * posts to its own address and the answer is a 303 to the thank-you page, or the form again with
 * the reader's text and the problem in their language. The optional script (assets/
 * report-error.js) asks for JSON instead (`Accept: application/json`) and stays on the article.
 *
 * Protection, without server-side sessions for anonymous readers:
 * - a body limit (413) before anything is read;
 * - the Origin check: a browser that says where the POST comes from must say it comes from here
 *   (403 otherwise); together with the signed form token (core/error-reports/form-token.ts,
 *   bound to the article and to the time the form was made) that is the CSRF protection;
 * - a honeypot and a minimum fill time: caught submissions get the same thank-you as real ones
 *   and are stored nowhere (they still count against the sender's rate limit);
 * - a rate limit per client (an HMAC of the address) and per site, in the database: 429 with
 *   Retry-After and the reason in the reader's language. Once the database has said "limited
 *   until T", this process answers that client (or everyone, for the site's limit) from memory
 *   until T: a flood's refusals then cost no transaction, which keeps the site fast for readers
 *   while it lasts. The database stays the authority; the memory only remembers its answers;
 * - submissions take turns, with rests between them (`TakeTurns`), so a flood of them cannot
 *   hold up readers' pages.
 */
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import { clientKeyHasher } from '../core/accounts/client-key.js';
import { GalleyError, ValidationError } from '../core/errors.js';
import { checkFormToken, signFormToken } from '../core/error-reports/form-token.js';
import { runOperation } from '../core/operation.js';
import type { Core } from '../core/operation.js';
import { submitErrorReport } from '../core/operations/index.js';
import { findPublishedArticleLink } from '../core/reader/find-by-slug.js';
import type { SiteChrome } from '../core/reader/reader-types.js';
import { cacheKey } from '../core/change-set.js';
import { LOCALES } from '../db/schema.js';
import type { Database, Locale } from '../db/schema.js';
import { sitePaths } from '../core/site-paths.js';
import { requestClientAddress } from '../http/client-address.js';
import type { PageCache, RenderedPage } from '../http/page-cache.js';
import { pageResponseParts, SECURITY_HEADERS, sendParts } from '../http/respond.js';
import { errorReportMessages } from './i18n/error-report-messages.js';
import { finishPage } from './site-pages.js';
import type { SiteDeps } from './site-pages.js';
import { reportFormMain, reportThanksMain } from './templates/error-report-form.js';
import type { ReportField, ReportFormState } from './templates/error-report-form.js';

/**
 * The largest report body accepted. Fields are counted in characters (4,000 + 2,000 + 254), and
 * a form sends each non-ASCII character percent-encoded in up to 9 bytes: 64 KiB holds the
 * longest valid report in any script, with room for the token, and nothing much larger.
 */
export const MAX_REPORT_BODY_BYTES = 64 * 1024;

/** Pages carrying a form token or the reader's own words are never stored by anyone. */
const NO_STORE = 'no-store';

const REPORT_FIELDS: readonly ReportField[] = ['whatIsWrong', 'passage', 'replyEmail'];
const isReportField = (field: string | undefined): field is ReportField =>
  (REPORT_FIELDS as readonly string[]).includes(field ?? '');

export interface ErrorReportRoutesOptions {
  core: Core;
  db: Kysely<Database>;
  deps: SiteDeps;
  pageCache: PageCache;
  publicUrl: string;
  chromeFor: (locale: Locale) => Promise<SiteChrome>;
  /** The site's own 404 page in the reader's language. */
  notFound: (c: Context, locale: Locale) => Promise<Response>;
}

type ArticleLink = { id: number; headline: string; path: string };

/** Keys the database has refused until a given time: `site`, or a client's key. */
class RefusalMemo {
  private readonly until = new Map<string, number>();

  /** Seconds `client` must still wait, by its own limit or the site's; 0 when free to try. */
  secondsLeft(client: string, nowMs: number): number {
    const until = Math.max(this.until.get('site') ?? 0, this.until.get(client) ?? 0);
    return until > nowMs ? Math.ceil((until - nowMs) / 1000) : 0;
  }

  remember(key: string, retryAfterSeconds: number, nowMs: number): void {
    if (this.until.size >= 10_000) {
      for (const [known, until] of this.until) if (until <= nowMs) this.until.delete(known);
      // Still full: forget everything; the database will say again.
      if (this.until.size >= 10_000) this.until.clear();
    }
    this.until.set(key, nowMs + retryAfterSeconds * 1000);
  }
}

/** `?article=` as a published article, or null. */
export async function reportedArticle(
  db: Kysely<Database>,
  raw: string | undefined,
): Promise<ArticleLink | null> {
  if (raw === undefined || !/^\d{1,9}$/.test(raw)) return null;
  const id = Number(raw);
  const link = await findPublishedArticleLink(db, id);
  return link ? { id, ...link } : null;
}

/**
 * Runs report submissions one at a time in this process, each in a turn of the event loop of
 * its own, with a rest after each of three times as long as it took (at least a millisecond).
 * Without it, every submission that arrives in one turn of the loop runs to its end in that
 * turn (SQLite's driver is synchronous, so nothing in them waits on I/O): in a flood, a reader's
 * request for a cached page waits behind all of them, and the process, busy without a break,
 * waits behind every other process for the CPU. With it, a reader's request waits behind one
 * submission at most, and the process is idle most of the time, so the system wakes it promptly
 * when a reader asks. A process still takes several hundred reports a second.
 */
const REST_FACTOR = 3;

class TakeTurns {
  private readonly waiting: (() => void)[] = [];
  private isBusy = false;
  private isScheduled = false;
  private restUntil = 0;

  async run<T>(work: () => Promise<T>): Promise<T> {
    await new Promise<void>((resolve) => {
      this.waiting.push(resolve);
      this.schedule();
    });
    const started = performance.now();
    try {
      return await work();
    } finally {
      const finished = performance.now();
      this.restUntil = finished + Math.max(1, REST_FACTOR * (finished - started));
      this.isBusy = false;
      this.schedule();
    }
  }

  private schedule(): void {
    if (this.isBusy || this.isScheduled || this.waiting.length === 0) return;
    this.isScheduled = true;
    const start = () => {
      this.isScheduled = false;
      const next = this.waiting.shift();
      if (!next) return;
      this.isBusy = true;
      next();
    };
    const wait = this.restUntil - performance.now();
    if (wait > 0) setTimeout(start, wait);
    else setImmediate(start);
  }
}

/**
 * The form's fields, read straight from the request (Hono's form parser goes through Web
 * streams, several times the cost). The declared length is checked before anything is read;
 * a body without one is read up to the limit.
 */
async function readForm(c: Context): Promise<URLSearchParams | 'too-large' | 'not-a-form'> {
  const type = c.req.header('content-type') ?? '';
  if (!type.toLowerCase().startsWith('application/x-www-form-urlencoded')) return 'not-a-form';
  const declared = c.req.header('content-length');
  if (declared !== undefined) {
    if (!/^\d{1,12}$/.test(declared) || Number(declared) > MAX_REPORT_BODY_BYTES)
      return 'too-large';
    // Node's parser holds the body to the declared length.
    return new URLSearchParams(await c.req.text());
  }
  const reader = c.req.raw.body?.getReader();
  if (!reader) return new URLSearchParams();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_REPORT_BODY_BYTES) {
      await reader.cancel();
      return 'too-large';
    }
    chunks.push(value);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export function errorReportRoutes(options: ErrorReportRoutesOptions) {
  const { core, db, deps, pageCache } = options;
  const publicOrigin = new URL(options.publicUrl).origin;
  const refusals = new RefusalMemo();
  const turns = new TakeTurns();
  let hasher: Promise<(address: string) => string> | undefined;

  const wantsJson = (c: Context) => (c.req.header('accept') ?? '').includes('application/json');

  const sendUncached = (c: Context, page: RenderedPage, extraHeaders: Record<string, string>) => {
    const parts = pageResponseParts(pageCache, null, page, {
      method: c.req.method,
      acceptEncoding: c.req.header('accept-encoding'),
      ifNoneMatch: null,
    });
    return sendParts(c, { ...parts, headers: { ...parts.headers, ...extraHeaders } });
  };

  /** JSON for the script, written straight to the socket like every page (respond.ts). */
  const json = (
    c: Context,
    body: unknown,
    status: 200 | 403 | 404 | 413 | 415 | 422 | 429,
    extraHeaders: Record<string, string> = {},
  ) => {
    const payload = Buffer.from(JSON.stringify(body));
    return sendParts(c, {
      status,
      headers: {
        ...SECURITY_HEADERS,
        'content-type': 'application/json; charset=utf-8',
        'content-length': String(payload.length),
        'cache-control': NO_STORE,
        ...extraHeaders,
      },
      body: payload,
    });
  };

  async function formPage(
    locale: Locale,
    article: ArticleLink,
    status: number,
    input: Partial<Pick<ReportFormState, 'values' | 'fieldError' | 'formError' | 'formToken'>>,
  ): Promise<RenderedPage> {
    const chrome = await options.chromeFor(locale);
    const t = errorReportMessages[locale];
    const hasError = input.fieldError || input.formError;
    const state: ReportFormState = {
      article,
      action: `${sitePaths.contact(locale)}?article=${article.id}`,
      formToken: input.formToken ?? (await signFormToken(db, article.id, new Date())),
      values: input.values ?? { whatIsWrong: '', passage: '', replyEmail: '' },
      fieldError: input.fieldError ?? null,
      formError: input.formError ?? null,
      contactEmail: chrome.publication.contactEmail,
    };
    const page = finishPage(deps, {
      chrome,
      title: hasError ? `${t.errorTitlePrefix} ${t.formTitle}` : t.formTitle,
      description: t.formIntro,
      canonicalPath: sitePaths.contact(locale),
      alternates: LOCALES.map((other) => ({ locale: other, path: sitePaths.contact(other) })),
      main: reportFormMain(locale, state),
      keys: new Set(),
      status,
    });
    return { ...page, cacheControl: NO_STORE };
  }

  /** GET /{locale}/contact?article=N: the form, with a token made now. */
  async function showForm(c: Context, locale: Locale, article: ArticleLink): Promise<Response> {
    return sendUncached(c, await formPage(locale, article, 200, {}), {});
  }

  /**
   * POST /{locale}/contact?article=N. Every submission takes its turn (see `TakeTurns`); a
   * client the database has already refused is answered from memory when its turn comes.
   */
  async function submit(c: Context, locale: Locale): Promise<Response> {
    const isJson = wantsJson(c);
    const client = (await (hasher ??= clientKeyHasher(db)))(requestClientAddress(c));
    return turns.run(() => {
      const waitSeconds = refusals.secondsLeft(client, Date.now());
      // CASE: a flood. The cheapest answer there is: no body, no database.
      return waitSeconds > 0 && isJson
        ? tooMany(c, locale, waitSeconds)
        : handleSubmission(c, locale, client, waitSeconds);
    });
  }

  async function tooMany(c: Context, locale: Locale, retryAfterSeconds: number) {
    const message = errorReportMessages[locale].tooMany(Math.ceil(retryAfterSeconds / 60));
    return json(c, { error: { message } }, 429, { 'retry-after': String(retryAfterSeconds) });
  }

  async function handleSubmission(
    c: Context,
    locale: Locale,
    client: string,
    waitSeconds: number,
  ): Promise<Response> {
    const t = errorReportMessages[locale];
    const isJson = wantsJson(c);
    const article = await reportedArticle(db, c.req.query('article'));
    if (!article) {
      return isJson
        ? json(c, { error: { message: 'no published article with that id' } }, 404)
        : options.notFound(c, locale);
    }
    const formProblem = async (status: 403 | 413 | 415, message: string) => {
      // An unread oversized body is not worth draining to keep the connection.
      const close: Record<string, string> = status === 413 ? { connection: 'close' } : {};
      return isJson
        ? json(c, { error: { message } }, status, close)
        : sendUncached(c, await formPage(locale, article, status, { formError: message }), close);
    };
    // CASE: another site's page posting here. Browsers name the origin of every POST.
    const origin = c.req.header('origin');
    if (
      (origin !== undefined && origin !== publicOrigin) ||
      c.req.header('sec-fetch-site') === 'cross-site'
    ) {
      return formProblem(403, t.wrongOrigin);
    }
    const form = await readForm(c);
    if (form === 'too-large') return formProblem(413, t.tooLarge);
    if (form === 'not-a-form') return formProblem(415, t.failed);
    const text = (name: string) => form.get(name) ?? '';
    const values = {
      whatIsWrong: text('whatIsWrong'),
      passage: text('passage'),
      replyEmail: text('replyEmail'),
    };
    const formToken = text('formToken');
    // A form shown again keeps its token while it is valid, so the fill time keeps counting.
    const tokenToKeep = async () =>
      (await checkFormToken(db, formToken, article.id, new Date())).valid ? formToken : undefined;

    const refuse = async (retryAfterSeconds: number) => {
      if (isJson) return tooMany(c, locale, retryAfterSeconds);
      const page = await formPage(locale, article, 429, {
        values,
        formError: t.tooMany(Math.ceil(retryAfterSeconds / 60)),
        formToken: await tokenToKeep(),
      });
      return sendUncached(c, page, { 'retry-after': String(retryAfterSeconds) });
    };
    if (waitSeconds > 0) return refuse(waitSeconds);

    let result;
    try {
      result = await runOperation(
        core,
        submitErrorReport,
        { kind: 'anonymous' },
        {
          articleId: article.id,
          locale,
          ...values,
          formToken,
          honeypot: text('website'),
          clientAddress: requestClientAddress(c),
        },
      );
    } catch (error) {
      if (error instanceof ValidationError && isReportField(error.field)) {
        const message = t.fieldErrors[error.field];
        if (isJson) return json(c, { error: { message, field: error.field } }, 422);
        const page = await formPage(locale, article, 422, {
          values,
          fieldError: { field: error.field, message },
          formToken: await tokenToKeep(),
        });
        return sendUncached(c, page, {});
      }
      // An over-long token is no token.
      if (error instanceof ValidationError && error.field === 'formToken') {
        result = { outcome: 'expired' as const };
      } else if (error instanceof GalleyError && error.status === 404) {
        return isJson
          ? json(c, { error: { message: error.message } }, 404)
          : options.notFound(c, locale);
      } else {
        throw error;
      }
    }

    switch (result.outcome) {
      case 'stored':
      case 'discarded':
        // The same answer either way: a bot learns nothing from it.
        return isJson
          ? json(c, { status: 'received', title: t.thanksTitle, message: t.thanksText }, 200)
          : c.redirect(`${sitePaths.contactThanks(locale)}?article=${article.id}`, 303);
      case 'expired': {
        const fresh = await signFormToken(db, article.id, new Date());
        if (isJson)
          return json(
            c,
            { error: { message: t.expired, field: 'formToken' }, formToken: fresh },
            422,
          );
        const page = await formPage(locale, article, 422, {
          values,
          formError: t.expired,
          formToken: fresh,
        });
        return sendUncached(c, page, {});
      }
      case 'rate_limited':
        refusals.remember(
          result.scope === 'site' ? 'site' : client,
          result.retryAfterSeconds,
          Date.now(),
        );
        return refuse(result.retryAfterSeconds);
    }
  }

  /** GET /{locale}/contact/thanks?article=N: cached like any page; it names no reader. */
  async function thanks(c: Context, locale: Locale, cacheUrl: string): Promise<Response> {
    const chrome = await options.chromeFor(locale);
    const t = errorReportMessages[locale];
    const article = await reportedArticle(db, c.req.query('article'));
    const keys = new Set<string>(article ? [cacheKey.article(article.id)] : []);
    const page = finishPage(deps, {
      chrome,
      title: t.thanksTitle,
      description: t.thanksText,
      canonicalPath: sitePaths.contactThanks(locale),
      alternates: LOCALES.map((other) => ({ locale: other, path: sitePaths.contactThanks(other) })),
      main: reportThanksMain(locale, article),
      keys,
    });
    // Only pages for real articles are kept: arbitrary ids must not fill the cache.
    const isKept = article !== null || c.req.query('article') === undefined;
    if (isKept) pageCache.set(cacheUrl, page);
    const parts = pageResponseParts(pageCache, isKept ? cacheUrl : null, page, {
      method: c.req.method,
      acceptEncoding: c.req.header('accept-encoding'),
      ifNoneMatch: c.req.header('if-none-match'),
    });
    return sendParts(c, parts);
  }

  return { showForm, submit, thanks };
}
