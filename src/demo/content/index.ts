/**
 * Galley's demo content: La Marea, a fictional bilingual newsroom in the fictional port city of
 * Puerto Claro. Everything here was written for this project; all people, places and quotes are
 * invented.
 */
import type { DemoContent } from '../demo-content-types.js';
import { authors, images, publication, sections, tags } from './publication.js';
import { businessStories } from './stories-business.js';
import { cityStories } from './stories-city.js';
import { climateStories } from './stories-climate.js';
import { cultureStories } from './stories-culture.js';
import { embedStories } from './stories-embeds.js';
import { DEMO_POLICIES } from './policies.js';
import { DEMO_NOTES, DEMO_TRUST } from './trust.js';

export const demoContent: DemoContent = {
  publication,
  sections,
  tags,
  authors,
  images,
  stories: [
    ...cityStories,
    ...climateStories,
    ...cultureStories,
    ...businessStories,
    ...embedStories,
  ],
  trust: DEMO_TRUST,
  notes: DEMO_NOTES,
  policies: DEMO_POLICIES,
};
