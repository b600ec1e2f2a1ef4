/**
 * The reader site's static files: one stylesheet, the icon and the error-report script. The
 * stylesheet and the script are served under names that carry a hash of their content, so
 * browsers and CDNs may keep them forever.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

// Resolves to src/site/assets/ both from src/ (tests) and from dist/ (the build): tsc does not copy CSS.
const ASSETS_DIR = new URL('../../src/site/assets/', import.meta.url);

export interface SiteAssets {
  stylesheet: string;
  stylesheetPath: string;
  favicon: string;
  /** The optional error-report enhancement (report-error.js), under a hashed name too. */
  reportScript: string;
  reportScriptPath: string;
  /** The social embeds' loader (embeds.js), for article pages that quote a post. */
  embedsScript: string;
  embedsScriptPath: string;
  /** The first-party analytics beacon (beacon.js), on every reader page while analytics is on. */
  beaconScript: string;
  beaconScriptPath: string;
}

let loaded: SiteAssets | undefined;

export function siteAssets(): SiteAssets {
  if (loaded) return loaded;
  const stylesheet = readFileSync(new URL('style.css', ASSETS_DIR), 'utf8');
  const hash = createHash('sha256').update(stylesheet).digest('hex').slice(0, 12);
  const reportScript = readFileSync(new URL('report-error.js', ASSETS_DIR), 'utf8');
  const scriptHash = createHash('sha256').update(reportScript).digest('hex').slice(0, 12);
  const embedsScript = readFileSync(new URL('embeds.js', ASSETS_DIR), 'utf8');
  const embedsHash = createHash('sha256').update(embedsScript).digest('hex').slice(0, 12);
  const beaconScript = readFileSync(new URL('beacon.js', ASSETS_DIR), 'utf8');
  const beaconHash = createHash('sha256').update(beaconScript).digest('hex').slice(0, 12);
  loaded = {
    stylesheet,
    stylesheetPath: `/assets/style.${hash}.css`,
    reportScript,
    reportScriptPath: `/assets/report-error.${scriptHash}.js`,
    embedsScript,
    embedsScriptPath: `/assets/embeds.${embedsHash}.js`,
    beaconScript,
    beaconScriptPath: `/assets/beacon.${beaconHash}.js`,
    favicon: readFileSync(new URL('favicon.svg', ASSETS_DIR), 'utf8'),
  };
  return loaded;
}
