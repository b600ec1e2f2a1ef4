import { z } from 'zod';
import { sessionIdFor } from '../accounts/session-tokens.js';
import { defineOperation } from '../operation.js';

const input = z.object({ token: z.string().min(1).max(200) });

/** Ends the session the token names. */
export const logOut = defineOperation({
  name: 'log out',
  input,
  policy: { staff: ['contributor', 'author', 'editor', 'admin'], system: false },
  async run({ trx }, data) {
    await trx.deleteFrom('staff_sessions').where('id', '=', sessionIdFor(data.token)).execute();
    return { ok: true };
  },
});
