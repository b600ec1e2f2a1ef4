/**
 * Step 1 of issue 5's end-to-end loop, for reuse: a reader reports a mistake on an article, in a
 * real Chromium, with JavaScript on (the form opens in place under the article, the selected
 * passage fills in, the report is sent without leaving the page) or off (the footer link opens
 * the contact page's form, which posts and lands on the thank-you page). Later steps (the
 * editors' queue, the correction) can start from the report these leave in the database.
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { MIN_FILL_MS } from '../../core/error-reports/form-token.js';
import { errorReportMessages } from '../../site/i18n/error-report-messages.js';
import { messages } from '../../site/i18n/index.js';
import type { Galley } from '../../server/create-galley.js';

export interface ReaderReport {
  /** The article's public path, e.g. `/es/ciudad/...`. */
  articlePath: string;
  locale: 'en' | 'es';
  whatIsWrong: string;
  replyEmail?: string;
}

/** A person needs a few seconds to write a report; the server ignores faster ones. */
export const waitLikeAPerson = (page: Page) => page.waitForTimeout(MIN_FILL_MS + 300);

/**
 * Selects the text of the article body's first paragraph (what a reader does before clicking
 * "Found a mistake?") and returns it.
 */
export async function selectFirstParagraph(page: Page): Promise<string> {
  return page.evaluate<string>(`(() => {
    const paragraph = document.querySelector('.article-body p');
    const range = document.createRange();
    range.selectNodeContents(paragraph);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    return selection.toString().trim();
  })()`);
}

/**
 * With JavaScript on: opens the article, selects its first paragraph, clicks the footer link,
 * fills the form that opens in place and sends it. Returns the passage that was selected. The
 * page stays on the article, showing the thank-you message.
 */
export async function reportWithScript(
  page: Page,
  origin: string,
  report: ReaderReport,
): Promise<{ passage: string }> {
  const t = errorReportMessages[report.locale];
  await page.goto(`${origin}${report.articlePath}`, { waitUntil: 'load' });
  const passage = await selectFirstParagraph(page);
  await page.getByRole('link', { name: messages[report.locale].foundMistake }).click();
  const form = page.locator('.report-inline form.report-form');
  await form.waitFor({ state: 'visible', timeout: 5_000 });
  await expect.poll(() => form.getByLabel(t.passageLabel).inputValue()).toBe(passage);
  await form.getByLabel(t.whatIsWrongLabel).fill(report.whatIsWrong);
  if (report.replyEmail) await form.getByLabel(t.replyEmailLabel).fill(report.replyEmail);
  await waitLikeAPerson(page);
  await form.getByRole('button', { name: t.send }).click();
  await page
    .getByRole('heading', { name: t.thanksTitle })
    .waitFor({ state: 'visible', timeout: 5_000 });
  expect(new URL(page.url()).pathname).toBe(report.articlePath);
  return { passage };
}

/**
 * With JavaScript off (the page must come from a context made with `javaScriptEnabled: false`):
 * follows the footer link to the contact page, fills the form, sends it, and lands on the
 * thank-you page in the reader's language.
 */
export async function reportWithoutScript(
  page: Page,
  origin: string,
  report: ReaderReport & { passage?: string },
): Promise<void> {
  const t = errorReportMessages[report.locale];
  await page.goto(`${origin}${report.articlePath}`, { waitUntil: 'load' });
  await page.getByRole('link', { name: messages[report.locale].foundMistake }).click();
  await page.getByRole('heading', { level: 1, name: t.formTitle }).waitFor();
  await page.getByLabel(t.whatIsWrongLabel).fill(report.whatIsWrong);
  if (report.passage) await page.getByLabel(t.passageLabel).fill(report.passage);
  if (report.replyEmail) await page.getByLabel(t.replyEmailLabel).fill(report.replyEmail);
  await waitLikeAPerson(page);
  await Promise.all([
    page.waitForURL(/\/(contact\/thanks|contacto\/gracias)\?article=\d+$/),
    page.getByRole('button', { name: t.send }).click(),
  ]);
  await page.getByRole('heading', { level: 1, name: t.thanksTitle }).waitFor();
}

/** The newest report about an article, as stored. */
export async function latestReport(galley: Galley, articleId: number) {
  return galley.db
    .selectFrom('error_reports')
    .selectAll()
    .where('article_id', '=', articleId)
    .orderBy('id', 'desc')
    .executeTakeFirst();
}
