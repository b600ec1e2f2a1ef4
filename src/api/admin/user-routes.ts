/** Staff accounts, for admins: list, add, reset a password, log someone out everywhere. */
import { z } from 'zod';
import { NotFoundError } from '../../core/errors.js';
import { findStaffUserEmail, listStaffUsers } from '../../core/newsroom/staff-users.js';
import { runOperation } from '../../core/operation.js';
import {
  createStaffUser,
  endStaffSessions,
  resetStaffPassword,
} from '../../core/operations/index.js';
import { jsonObject, positiveIntParam } from './admin-route.js';
import type { AdminRoute } from './admin-route.js';

const userId = (raw: string | undefined) => positiveIntParam(raw, 'id');

export const userRoutes: AdminRoute[] = [
  {
    method: 'GET',
    path: '/users',
    policy: createStaffUser.policy,
    summary: 'Every staff account: name, email, role',
    handle: async (c, { db }) => c.json({ users: await listStaffUsers(db) }),
  },
  {
    method: 'POST',
    path: '/users',
    policy: createStaffUser.policy,
    summary: 'Add a staff account with a first password (the person changes it)',
    requestBody: createStaffUser.input,
    async handle(c, { core, db, actor }) {
      const body = await jsonObject(c);
      if (body instanceof Response) return body;
      const { id } = await runOperation(core, createStaffUser, actor, body);
      const user = (await listStaffUsers(db)).find((row) => row.id === id);
      return c.json({ user }, 201);
    },
  },
  {
    method: 'POST',
    path: '/users/:id/password',
    policy: resetStaffPassword.policy,
    summary: "Set a new password; every one of the account's sessions ends",
    requestBody: z.object({ password: z.string() }),
    async handle(c, { core, db, actor }) {
      const body = await jsonObject(c);
      if (body instanceof Response) return body;
      const id = userId(c.req.param('id'));
      const email = await findStaffUserEmail(db, id);
      if (email === null) throw new NotFoundError(`no staff account with id ${id}`);
      await runOperation(core, resetStaffPassword, actor, { email, password: body['password'] });
      return c.body(null, 204);
    },
  },
  {
    method: 'POST',
    path: '/users/:id/end-sessions',
    policy: endStaffSessions.policy,
    summary: 'Log the account out everywhere (a lost laptop, a departure)',
    async handle(c, { core, actor }) {
      const result = await runOperation(core, endStaffSessions, actor, {
        userId: userId(c.req.param('id')),
      });
      return c.json(result);
    },
  },
];
