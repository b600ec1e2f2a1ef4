/**
 * The reader site's static files: one stylesheet and the icon. The stylesheet is served under a
 * name that carries a hash of its content, so browsers and CDNs may keep it forever.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

// Resolves to src/site/assets/ both from src/ (tests) and from dist/ (the build): tsc does not copy CSS.
const ASSETS_DIR = new URL('../../src/site/assets/', import.meta.url);

export interface SiteAssets {
  stylesheet: string;
  stylesheetPath: string;
  favicon: string;
}

let loaded: SiteAssets | undefined;

export function siteAssets(): SiteAssets {
  if (loaded) return loaded;
  const stylesheet = readFileSync(new URL('style.css', ASSETS_DIR), 'utf8');
  const hash = createHash('sha256').update(stylesheet).digest('hex').slice(0, 12);
  loaded = {
    stylesheet,
    stylesheetPath: `/assets/style.${hash}.css`,
    favicon: readFileSync(new URL('favicon.svg', ASSETS_DIR), 'utf8'),
  };
  return loaded;
}
