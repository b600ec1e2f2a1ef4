/** zod pieces shared by the operations' input schemas. */
import { z } from 'zod';
import { ARTICLE_TYPES, LOCALES } from '../../db/schema.js';
import { SLUG_PATTERN } from '../site-paths.js';

export const localeSchema = z.enum(LOCALES as ['en', 'es'], {
  error: 'must be "en" or "es"',
});

export const slugSchema = z
  .string()
  .min(1, 'is required')
  .max(120, 'must be at most 120 characters')
  .regex(
    SLUG_PATTERN,
    'must be lowercase letters a-z, digits and single hyphens, e.g. "city-budget-vote"',
  );

export const idSchema = z.number().int().positive();

export const requiredText = (max: number) =>
  z.string().trim().min(1, 'is required').max(max, `must be at most ${max} characters`);

export const optionalText = (max: number) =>
  z.string().trim().max(max, `must be at most ${max} characters`).default('');

export const articleTypeSchema = z.enum(ARTICLE_TYPES, {
  error: `must be one of ${ARTICLE_TYPES.join(', ')}`,
});

/** Per-locale text for both editions, e.g. `{ en: {...}, es: {...} }`. */
export const perLocale = <T extends z.ZodType>(schema: T) => z.object({ en: schema, es: schema });
