import { z } from 'zod';
import { STAFF_ROLES } from '../actor.js';
import { hashPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../accounts/passwords.js';
import { ConflictError } from '../errors.js';
import { defineOperation } from '../operation.js';
import { adminsPolicy } from '../policy.js';
import { requiredText } from './input-schemas.js';

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`);

export const emailSchema = z
  .email('must be an email address')
  .max(254)
  .transform((email) => email.toLowerCase());

const input = z.object({
  email: emailSchema,
  name: requiredText(120),
  role: z.enum(STAFF_ROLES, { error: `must be one of ${STAFF_ROLES.join(', ')}` }),
  password: passwordSchema,
});

/** Adds a staff account. Only admins (and the command line) may. */
export const createStaffUser = defineOperation({
  name: 'create a staff account',
  input,
  policy: adminsPolicy,
  async run({ trx, now }, data) {
    const taken = await trx
      .selectFrom('staff_users')
      .select('id')
      .where('email', '=', data.email)
      .executeTakeFirst();
    if (taken) throw new ConflictError('email', `an account for ${data.email} already exists`);
    const stamp = now.toISOString();
    const { id } = await trx
      .insertInto('staff_users')
      .values({
        email: data.email,
        name: data.name,
        role: data.role,
        password_hash: await hashPassword(data.password),
        created_at: stamp,
        updated_at: stamp,
        disabled_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id };
  },
});
