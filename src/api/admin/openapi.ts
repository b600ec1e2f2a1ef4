/**
 * The OpenAPI 3.1 document of the Admin API, built from the route list and the very zod schemas
 * that validate the requests, so the document cannot drift from the code.
 */
import { z } from 'zod';
import type { AdminRoute } from './admin-route.js';

const jsonSchema = (schema: z.ZodType): Record<string, unknown> => {
  // `io: 'input'` documents what clients send (before defaults and transforms apply). The
  // `$schema` marker is dropped: inside an OpenAPI 3.1 document the dialect is implied.
  const converted: Record<string, unknown> = {
    ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }),
  };
  delete converted['$schema'];
  return converted;
};

const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['message'],
      properties: { message: { type: 'string' }, field: { type: 'string' } },
      additionalProperties: true,
    },
  },
};

export function adminOpenApi(
  routes: readonly AdminRoute[],
  publicUrl: string,
): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = `/api/admin${route.path}`.replace(/:(\w+)/g, '{$1}');
    const pathParameters = [...route.path.matchAll(/:(\w+)/g)].map(([, name]) => ({
      name,
      in: 'path',
      required: true,
      schema: { type: 'integer', minimum: 1 },
    }));
    const queryParameters = route.query
      ? Object.entries(
          (jsonSchema(route.query) as { properties?: Record<string, unknown> }).properties ?? {},
        ).map(([name, schema]) => ({ name, in: 'query', required: false, schema }))
      : [];
    const isPublic = route.policy.anonymous === true;
    (paths[path] ??= {})[route.method.toLowerCase()] = {
      summary: route.summary,
      ...(pathParameters.length + queryParameters.length > 0 && {
        parameters: [...pathParameters, ...queryParameters],
      }),
      ...(route.requestBody && {
        requestBody: {
          required: true,
          content: { 'application/json': { schema: jsonSchema(route.requestBody) } },
        },
      }),
      ...(isPublic ? { security: [] } : {}),
      responses: {
        '2XX': {
          description: 'Success',
          content: { 'application/json': { schema: { type: 'object' } } },
        },
        default: {
          description: 'An error',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Galley Admin API', version: '1' },
    servers: [{ url: publicUrl }],
    security: [{ session: [] }],
    components: {
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'galley_session',
          description: 'Changes also need the x-csrf-token header.',
        },
      },
      schemas: { Error: errorSchema },
    },
    paths,
  };
}
