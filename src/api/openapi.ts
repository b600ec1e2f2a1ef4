/**
 * OpenAPI 3.1 documents for Galley's APIs (Admin and Content), built from each API's route list
 * and the very zod schemas that validate the requests, so a document cannot drift from the code.
 */
import { z } from 'zod';

/** What a document needs to know of a route; both APIs' route types have these. */
export interface DocumentedRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Below the API's base path, in Hono's syntax: `/articles/:id`. */
  path: string;
  summary: string;
  requestBody?: z.ZodType;
  query?: z.ZodObject;
  /** Callable without credentials. */
  isPublic: boolean;
}

export interface ApiDescription {
  title: string;
  /** e.g. `/api/admin` */
  basePath: string;
  publicUrl: string;
  /** The OpenAPI security schemes; every route needs the first unless it is public. */
  securitySchemes: Record<string, Record<string, unknown>>;
}

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

export function openApiDocument(
  api: ApiDescription,
  routes: readonly DocumentedRoute[],
): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = `${api.basePath}${route.path}`.replace(/:(\w+)/g, '{$1}');
    const pathParameters = [...route.path.matchAll(/:(\w+)/g)].map(([, name]) => ({
      name,
      in: 'path',
      required: true,
      // Numeric ids (`:id`, `:version`); other parameters (`:slug`, `:locale`) are text.
      schema: /^(id|version)$/.test(name ?? '')
        ? { type: 'integer', minimum: 1 }
        : { type: 'string' },
    }));
    const queryParameters = route.query
      ? Object.entries(
          (jsonSchema(route.query) as { properties?: Record<string, unknown> }).properties ?? {},
        ).map(([name, schema]) => ({ name, in: 'query', required: false, schema }))
      : [];
    const isPublic = route.isPublic;
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
  const [firstScheme] = Object.keys(api.securitySchemes);
  return {
    openapi: '3.1.0',
    info: { title: api.title, version: '1' },
    servers: [{ url: api.publicUrl }],
    ...(firstScheme && { security: [{ [firstScheme]: [] }] }),
    components: { securitySchemes: api.securitySchemes, schemas: { Error: errorSchema } },
    paths,
  };
}
