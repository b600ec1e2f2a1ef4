/**
 * The newsroom app: a separate Vite root, built into dist/admin-app and served by Galley at
 * /admin/ (with an SPA fallback). The page runs under a strict CSP (`default-src 'self'`, no
 * inline script or style), so the build emits only external files.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/admin/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/admin-app', import.meta.url)),
    emptyOutDir: true,
    // Never inline assets as data: URLs into scripts or styles, and no inline preload polyfill.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    target: 'es2022',
    sourcemap: false,
  },
  server: {
    // `npm run dev:admin` next to `galley serve` on port 3000: the API is on the same origin.
    proxy: { '/api': process.env['GALLEY_URL'] ?? 'http://127.0.0.1:3000' },
  },
});
