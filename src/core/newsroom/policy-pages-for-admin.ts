/** The policy pages as the newsroom edits them: every kind in every locale, written or not. */
import type { Kysely } from 'kysely';
import { LOCALES, POLICY_KINDS } from '../../db/schema.js';
import type { Database, Locale, PolicyKind } from '../../db/schema.js';
import { sitePaths } from '../site-paths.js';

export interface AdminPolicyPage {
  kind: PolicyKind;
  locale: Locale;
  /** Its public path, whether or not it is written yet. */
  path: string;
  /** False until someone writes it; readers see no link to it until then. */
  exists: boolean;
  title: string;
  /** ProseMirror JSON in the article body schema; null when the page is not written. */
  body: unknown;
  updatedAt: string | null;
  updatedByUserId: number | null;
}

export async function listPolicyPages(db: Kysely<Database>): Promise<AdminPolicyPage[]> {
  const rows = await db.selectFrom('policy_pages').selectAll().execute();
  return POLICY_KINDS.flatMap((kind) =>
    LOCALES.map((locale) => {
      const row = rows.find((found) => found.kind === kind && found.locale === locale);
      return {
        kind,
        locale,
        path: sitePaths.policy(locale, kind),
        exists: row !== undefined,
        title: row?.title ?? '',
        body: row ? (JSON.parse(row.body) as unknown) : null,
        updatedAt: row?.updated_at ?? null,
        updatedByUserId: row?.updated_by_user_id ?? null,
      };
    }),
  );
}
