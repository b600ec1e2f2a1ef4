/**
 * The reader site's video player: Media Chrome's elements that the player uses and our keyboard
 * shortcuts, built into one script in dist/site-player/player.js and served by the reader site
 * under a hashed name (src/site/player-assets.ts). Only pages that show a video load it.
 *
 * It is built as one self-contained script (an IIFE, no imports, no chunks): the page loads it
 * with a plain deferred `<script src>` like the site's other scripts, under `script-src 'self'`,
 * and nothing of it leaks into the page's global scope.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL('../dist/site-player', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    assetsInlineLimit: 0,
    lib: {
      entry: fileURLToPath(new URL('src/player.ts', import.meta.url)),
      formats: ['iife'],
      name: 'galleyPlayer',
      fileName: () => 'player.js',
    },
  },
});
