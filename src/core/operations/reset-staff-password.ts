import { z } from 'zod';
import { hashPassword } from '../accounts/passwords.js';
import { NotFoundError } from '../errors.js';
import { defineOperation } from '../operation.js';
import { adminsPolicy } from '../policy.js';
import { emailSchema, passwordSchema } from './create-staff-user.js';

const input = z.object({ email: emailSchema, password: passwordSchema });

/** Sets a new password and ends every session of the account, wherever it was logged in. */
export const resetStaffPassword = defineOperation({
  name: 'reset a staff password',
  input,
  policy: adminsPolicy,
  async run({ trx, now }, data) {
    const user = await trx
      .selectFrom('staff_users')
      .select('id')
      .where('email', '=', data.email)
      .executeTakeFirst();
    if (!user) throw new NotFoundError(`no staff account for ${data.email}`);
    await trx
      .updateTable('staff_users')
      .set({ password_hash: await hashPassword(data.password), updated_at: now.toISOString() })
      .where('id', '=', user.id)
      .execute();
    await trx.deleteFrom('staff_sessions').where('user_id', '=', user.id).execute();
    return { id: user.id };
  },
});
