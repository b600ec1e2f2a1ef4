/** Search for the newsroom: every article that is not deleted, drafts included. */
import { ValidationError } from '../../core/errors.js';
import { apiSearch, searchQuery } from '../search-api.js';
import { anyStaff, parsedQuery } from './admin-route.js';
import type { AdminRoute } from './admin-route.js';

export const searchRoutes: AdminRoute[] = [
  {
    method: 'GET',
    path: '/search',
    policy: anyStaff,
    summary:
      'Full-text search of every article in one language, drafts included, best first, ten per page, with marked snippets',
    query: searchQuery,
    async handle(c, { db }) {
      const { unknown, found } = await apiSearch(
        db,
        parsedQuery(c, searchQuery),
        'staff',
        (path) => path,
      );
      if (unknown) throw new ValidationError(unknown, `no ${unknown} with that slug`);
      return c.json(found);
    },
  },
];
