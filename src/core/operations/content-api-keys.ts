/** Content API keys: how apps and partner sites read published content. */
import { z } from 'zod';
import { newToken, sessionIdFor } from '../accounts/session-tokens.js';
import { NotFoundError } from '../errors.js';
import { defineOperation } from '../operation.js';
import { editorsPolicy } from '../policy.js';
import { idSchema, requiredText } from './input-schemas.js';

/** `https://app.example` or `http://localhost:5173`: scheme, host and port, nothing else. */
const originSchema = z
  .string()
  .trim()
  .refine(
    (value) => value === '*' || /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i.test(value),
    'must be an origin such as https://app.example (scheme, host, optional port), or *',
  );

/**
 * Makes a key for a consumer. The key is in the result once, and nowhere else; the database keeps
 * its SHA-256. Browsers may call the API with it only from the listed origins.
 */
export const createContentApiKey = defineOperation({
  name: 'create a Content API key',
  input: z.object({
    name: requiredText(80),
    allowedOrigins: z.array(originSchema).max(20).default([]),
  }),
  policy: editorsPolicy,
  async run({ trx, actor, now }, data) {
    const key = `galley_content_${newToken()}`;
    const { id } = await trx
      .insertInto('content_api_keys')
      .values({
        name: data.name,
        key_hash: sessionIdFor(key),
        allowed_origins: JSON.stringify([...new Set(data.allowedOrigins)]),
        created_by_user_id: actor.kind === 'staff' ? actor.userId : null,
        created_at: now.toISOString(),
        revoked_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id, key };
  },
});

export const revokeContentApiKey = defineOperation({
  name: 'revoke a Content API key',
  input: z.object({ id: idSchema }),
  policy: editorsPolicy,
  async run({ trx, now }, data) {
    const revoked = await trx
      .updateTable('content_api_keys')
      .set({ revoked_at: now.toISOString() })
      .where('id', '=', data.id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(revoked.numUpdatedRows) === 0)
      throw new NotFoundError(`no active Content API key with id ${data.id}`);
    return { id: data.id };
  },
});
