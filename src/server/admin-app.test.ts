import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdminAppRoutes } from './admin-app.js';

describe('the newsroom app under /admin/', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'galley-admin-app-'));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>Newsroom</title>');
    await writeFile(join(dir, 'assets', 'index-3f2a.js'), 'console.log(1)');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('serves index.html for every app path, never cached as stale, under a strict policy', async () => {
    const app = createAdminAppRoutes(dir);
    for (const path of ['/admin/', '/admin/articles/12', '/admin/media']) {
      const response = await app.request(path);
      expect(response.status, path).toBe(200);
      expect(await response.text()).toContain('<title>Newsroom</title>');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
    }
    expect((await app.request('/admin')).headers.get('location')).toBe('/admin/');
  });

  it('serves hashed assets as immutable, and 404 for unknown ones', async () => {
    const app = createAdminAppRoutes(dir);
    const asset = await app.request('/admin/assets/index-3f2a.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toContain('text/javascript');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await app.request('/admin/assets/missing.js')).status).toBe(404);
    expect((await app.request('/admin/assets/..%2Findex.html')).status).toBe(404);
  });

  it('explains how to build it when it is not built', async () => {
    const response = await createAdminAppRoutes(join(dir, 'nowhere')).request('/admin/');
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm run build');
  });
});
