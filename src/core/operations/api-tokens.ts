/** API tokens: how scripts act as a staff member, without a browser session. */
import { z } from 'zod';
import { newToken, sessionIdFor } from '../accounts/session-tokens.js';
import { NotFoundError } from '../errors.js';
import { defineOperation } from '../operation.js';
import type { Policy } from '../policy.js';
import { idSchema, requiredText } from './input-schemas.js';

/** Staff make and revoke their own tokens; a token acts with its owner's role. */
const ownTokensPolicy: Policy = {
  staff: ['contributor', 'author', 'editor', 'admin'],
  system: false,
};

/** Makes a token for the acting staff member. The token is in the result once, and nowhere else. */
export const createApiToken = defineOperation({
  name: 'create an API token',
  input: z.object({ name: requiredText(80) }),
  policy: ownTokensPolicy,
  async run({ trx, actor, now }, data) {
    if (actor.kind !== 'staff') throw new Error('unreachable: the policy admits staff only');
    const token = `galley_${newToken()}`;
    const { id } = await trx
      .insertInto('api_tokens')
      .values({
        user_id: actor.userId,
        name: data.name,
        token_hash: sessionIdFor(token),
        created_at: now.toISOString(),
        revoked_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id, token };
  },
});

/** Revokes one of the acting staff member's tokens. */
export const revokeApiToken = defineOperation({
  name: 'revoke an API token',
  input: z.object({ id: idSchema }),
  policy: ownTokensPolicy,
  async run({ trx, actor, now }, data) {
    if (actor.kind !== 'staff') throw new Error('unreachable: the policy admits staff only');
    const revoked = await trx
      .updateTable('api_tokens')
      .set({ revoked_at: now.toISOString() })
      .where('id', '=', data.id)
      .where('user_id', '=', actor.userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(revoked.numUpdatedRows) === 0)
      throw new NotFoundError(`you have no active token with id ${data.id}`);
    return { id: data.id };
  },
});
