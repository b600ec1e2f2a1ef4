import { z } from 'zod';
import { NotFoundError } from '../errors.js';
import { defineOperation } from '../operation.js';
import { adminsPolicy } from '../policy.js';
import { idSchema } from './input-schemas.js';

const input = z.object({ userId: idSchema });

/** Logs an account out everywhere (a lost laptop, a departure). Admins only. */
export const endStaffSessions = defineOperation({
  name: "end a staff account's sessions",
  input,
  policy: adminsPolicy,
  async run({ trx }, data) {
    const user = await trx
      .selectFrom('staff_users')
      .select('id')
      .where('id', '=', data.userId)
      .executeTakeFirst();
    if (!user) throw new NotFoundError(`no staff account with id ${data.userId}`);
    const ended = await trx
      .deleteFrom('staff_sessions')
      .where('user_id', '=', data.userId)
      .executeTakeFirst();
    return { ended: Number(ended.numDeletedRows) };
  },
});
