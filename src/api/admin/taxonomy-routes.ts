/** Sections, tags and authors: what the editor's pickers list, and editors create. */
import type { Kysely } from 'kysely';
import {
  listAuthorsForStaff,
  listSectionsForStaff,
  listTagsForStaff,
} from '../../core/newsroom/taxonomy-for-staff.js';
import { runOperation } from '../../core/operation.js';
import type { Operation } from '../../core/operation.js';
import { createAuthor, createSection, createTag } from '../../core/operations/index.js';
import type { Database } from '../../db/schema.js';
import { anyStaff, jsonObject } from './admin-route.js';
import type { AdminRoute } from './admin-route.js';

/** `GET /<plural>` lists them all; `POST /<plural>` runs the create operation, then lists again. */
function listAndCreateRoutes<Item extends { id: number }, Input>(
  plural: string,
  singular: string,
  list: (db: Kysely<Database>) => Promise<Item[]>,
  create: Operation<Input, { id: number }>,
): AdminRoute[] {
  return [
    {
      method: 'GET',
      path: `/${plural}`,
      policy: anyStaff,
      summary: `Every ${singular}, with its words in both editions`,
      handle: async (c, { db }) => c.json({ [plural]: await list(db) }),
    },
    {
      method: 'POST',
      path: `/${plural}`,
      policy: create.policy,
      summary: `Create a ${singular}`,
      requestBody: create.input,
      async handle(c, { core, db, actor }) {
        const body = await jsonObject(c);
        if (body instanceof Response) return body;
        const { id } = await runOperation(core, create, actor, body);
        const created = (await list(db)).find((item) => item.id === id);
        return c.json({ [singular]: created }, 201);
      },
    },
  ];
}

export const taxonomyRoutes: AdminRoute[] = [
  ...listAndCreateRoutes('sections', 'section', listSectionsForStaff, createSection),
  ...listAndCreateRoutes('tags', 'tag', listTagsForStaff, createTag),
  ...listAndCreateRoutes('authors', 'author', listAuthorsForStaff, createAuthor),
];
