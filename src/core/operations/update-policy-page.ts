import { z } from 'zod';
import { validateBody } from '../../content/validate-body.js';
import { POLICY_KINDS } from '../../db/schema.js';
import { cacheKey } from '../change-set.js';
import { ValidationError } from '../errors.js';
import { defineOperation } from '../operation.js';
import { adminsPolicy } from '../policy.js';
import { sitePaths } from '../site-paths.js';
import { localeSchema, requiredText } from './input-schemas.js';

/** What a policy page says; the Admin API takes it as the body and the page from the path. */
export const policyPageText = z.object({
  title: requiredText(200),
  // Checked by validateBody, which names the bad node; zod only sees "some JSON".
  body: z.unknown(),
});

const input = policyPageText.extend({
  kind: z.enum(POLICY_KINDS, { error: `must be one of ${POLICY_KINDS.join(', ')}` }),
  locale: localeSchema,
});

/**
 * Writes a policy page (ethics, corrections policy, masthead, ownership and funding, feedback,
 * diversity) in one locale, creating it the first time. Its text uses the article body schema,
 * so the newsroom edits it with the same editor. Admins only: these pages speak for the
 * publication, like its settings.
 */
export const updatePolicyPage = defineOperation({
  name: 'write a policy page',
  input,
  policy: adminsPolicy,
  async run({ trx, actor, now, changes }, data) {
    const checked = validateBody(data.body);
    if (!checked.ok) throw new ValidationError(checked.path, checked.message);
    const row = {
      title: data.title,
      body: JSON.stringify(checked.doc),
      updated_at: now.toISOString(),
      updated_by_user_id: actor.kind === 'staff' ? actor.userId : null,
    };
    await trx
      .insertInto('policy_pages')
      .values({ kind: data.kind, locale: data.locale, ...row })
      .onConflict((conflict) => conflict.columns(['kind', 'locale']).doUpdateSet(row))
      .execute();
    // Every page's footer links the policy pages, and the publisher markup names them.
    changes.cacheKeys.add(cacheKey.layout);
    changes.cacheKeys.add(cacheKey.policy(data.kind, data.locale));
    return {
      kind: data.kind,
      locale: data.locale,
      title: data.title,
      path: sitePaths.policy(data.locale, data.kind),
      updatedAt: row.updated_at,
    };
  },
});
