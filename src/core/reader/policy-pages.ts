/**
 * The publication's policy pages as readers see them: the footer's links (through the site
 * chrome) and the pages themselves. URLs are fixed per kind and locale (site-paths.ts), so a page
 * is found by resolving its slug to a kind first.
 */
import type { Kysely } from 'kysely';
import type { BodyDoc } from '../../content/body-schema.js';
import { bodyToText } from '../../content/body-text.js';
import { renderBodyHtml } from '../../content/render-body-html.js';
import { preparedQuery } from '../../db/prepared-query.js';
import { LOCALES, POLICY_KINDS } from '../../db/schema.js';
import type { Database, Locale, PolicyKind } from '../../db/schema.js';
import { POLICY_SLUGS, sitePaths } from '../site-paths.js';
import type { PolicyLink } from './reader-types.js';

export interface PolicyPageView {
  kind: PolicyKind;
  locale: Locale;
  title: string;
  /** Rendered by renderBodyHtml (escaped by construction) from a body that passed validateBody. */
  bodyHtml: string;
  /** The start of its text, for the page's description. */
  summary: string;
  updatedAt: string;
  /** This page in every locale that has it, this one included: the hreflang set. */
  versions: { locale: Locale; path: string }[];
}

const policyTitlesIn = preparedQuery((db, p: { locale: Locale }) =>
  db.selectFrom('policy_pages').select(['kind', 'title']).where('locale', '=', p.locale),
);

/** The edition's policy pages, in the order of POLICY_KINDS; a missing page is not listed. */
export async function loadPolicyLinks(db: Kysely<Database>, locale: Locale): Promise<PolicyLink[]> {
  const rows = await policyTitlesIn(db, { locale });
  return POLICY_KINDS.flatMap((kind) => {
    const row = rows.find((found) => found.kind === kind);
    return row ? [{ kind, title: row.title, path: sitePaths.policy(locale, kind) }] : [];
  });
}

/** Both language versions of one kind: the page itself and whether the other exists. */
const policyPageRows = preparedQuery((db, p: { kind: string }) =>
  db
    .selectFrom('policy_pages')
    .select(['kind', 'locale', 'title', 'body', 'updated_at'])
    .where('kind', '=', p.kind as PolicyKind),
);

const SUMMARY_LENGTH = 200;

/** The first real paragraph (not a short heading), cut at a word boundary when it is long. */
function summaryOf(text: string): string {
  const blocks = text.split(/\n\n+/).map((block) => block.trim());
  const first = blocks.find((block) => block.length >= 40) ?? blocks[0] ?? '';
  if (first.length <= SUMMARY_LENGTH) return first;
  const cut = first.slice(0, SUMMARY_LENGTH);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : SUMMARY_LENGTH)}…`;
}

/** The kind a URL slug names in this locale, or null. */
export function policyKindForSlug(locale: Locale, slug: string): PolicyKind | null {
  return POLICY_KINDS.find((kind) => POLICY_SLUGS[locale][kind] === slug) ?? null;
}

export async function loadPolicyPage(
  db: Kysely<Database>,
  locale: Locale,
  slug: string,
): Promise<PolicyPageView | null> {
  const kind = policyKindForSlug(locale, slug);
  if (kind === null) return null;
  const rows = await policyPageRows(db, { kind });
  const own = rows.find((row) => row.locale === locale);
  if (!own) return null;
  const body = JSON.parse(own.body) as BodyDoc;
  return {
    kind,
    locale,
    title: own.title,
    bodyHtml: renderBodyHtml(body, locale),
    summary: summaryOf(bodyToText(body)),
    updatedAt: own.updated_at,
    versions: LOCALES.filter((version) => rows.some((row) => row.locale === version)).map(
      (version) => ({ locale: version, path: sitePaths.policy(version, kind) }),
    ),
  };
}
