/**
 * Serves the newsroom app (admin/, built by Vite into dist/admin-app) under /admin/. The app is a
 * single page: its hashed assets are cached forever, and every other /admin/ path gets
 * index.html, where the app's router takes over. The files are read once, at start.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import type { Context } from 'hono';

// The project root, both from src/server (tests) and from dist/server (the build).
const BUILT_APP_DIR = join(fileURLToPath(new URL('../../', import.meta.url)), 'dist', 'admin-app');

/**
 * The app talks only to its own origin and runs only its own bundled code. Images may be blob:
 * URLs (previews of files being uploaded); the article preview is framed from the same origin.
 */
const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const APP_HEADERS = {
  'content-security-policy': APP_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
  'x-robots-tag': 'noindex, nofollow',
};

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.json': 'application/json',
};

interface BuiltFile {
  bytes: Buffer;
  contentType: string;
}

function readBuiltApp(dir: string): { index: Buffer; assets: Map<string, BuiltFile> } | null {
  const indexFile = join(dir, 'index.html');
  if (!existsSync(indexFile)) return null;
  const assets = new Map<string, BuiltFile>();
  const assetsDir = join(dir, 'assets');
  if (existsSync(assetsDir))
    for (const name of readdirSync(assetsDir)) {
      const contentType = CONTENT_TYPES[extname(name)];
      if (contentType)
        assets.set(name, { bytes: readFileSync(join(assetsDir, name)), contentType });
    }
  return { index: readFileSync(indexFile), assets };
}

export function createAdminAppRoutes(dir: string = BUILT_APP_DIR): Hono {
  const built = readBuiltApp(dir);
  const app = new Hono();

  app.get('/admin', (c) => c.redirect('/admin/', 301));
  app.get('/admin/assets/:name', (c) => {
    const file = built?.assets.get(c.req.param('name'));
    if (!file) return c.text('Not found', 404, APP_HEADERS);
    return c.body(new Uint8Array(file.bytes), 200, {
      ...APP_HEADERS,
      'content-type': file.contentType,
      // Vite puts a hash of the content in every asset's name.
      'cache-control': 'public, max-age=31536000, immutable',
    });
  });
  const page = (c: Context) => {
    if (!built)
      return c.text(
        'The newsroom app is not built. Run `npm run build` (npm install does it), then restart.',
        503,
        APP_HEADERS,
      );
    return c.body(new Uint8Array(built.index), 200, {
      ...APP_HEADERS,
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-cache',
    });
  };
  app.get('/admin/', page);
  app.get('/admin/*', page);
  return app;
}
