/**
 * The video player's script, built by Vite from player/ into dist/site-player/ (`npm run build`),
 * served under a name that carries a hash of its content so browsers and CDNs keep it forever.
 * Read once, at start. When it has not been built, pages with a video still work: readers get
 * the native `<video controls>` the markup starts with.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// The project root, both from src/site (tests) and from dist/site (the build).
const BUILT_PLAYER = fileURLToPath(new URL('../../dist/site-player/player.js', import.meta.url));

export interface PlayerAssets {
  script: string;
  /** `/assets/player.<hash>.js` */
  scriptPath: string;
}

let loaded: PlayerAssets | null | undefined;

/** The built player, or null when player/ has not been built. */
export function playerAssets(file: string = BUILT_PLAYER): PlayerAssets | null {
  if (file === BUILT_PLAYER && loaded !== undefined) return loaded;
  const assets = existsSync(file) ? assetsFrom(readFileSync(file, 'utf8')) : null;
  if (file === BUILT_PLAYER) loaded = assets;
  return assets;
}

function assetsFrom(script: string): PlayerAssets {
  const hash = createHash('sha256').update(script).digest('hex').slice(0, 12);
  return { script, scriptPath: `/assets/player.${hash}.js` };
}
