import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      host: '127.0.0.1',
      dataDir: resolve('./data'),
      databaseUrl: `sqlite:${resolve('./data/galley.db')}`,
      publicUrl: 'http://127.0.0.1:3000',
      loadDemo: true,
      pageCache: true,
    });
  });

  it('reads the environment', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATA_DIR: '/srv/galley',
      DATABASE_URL: 'postgres://galley@db/galley',
      PUBLIC_URL: 'https://news.example/',
      GALLEY_DEMO: '0',
      GALLEY_ANALYTICS_PORT: '8081',
      GALLEY_TRUSTED_PROXIES: '10.0.0.2, ::1',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      dataDir: '/srv/galley',
      databaseUrl: 'postgres://galley@db/galley',
      publicUrl: 'https://news.example',
      loadDemo: false,
      analyticsPort: 8081,
      trustedProxies: ['10.0.0.2', '::1'],
    });
  });

  it('takes an optional JSON file, with the environment winning', () => {
    const dir = mkdtempSync(join(tmpdir(), 'galley-config-'));
    const file = join(dir, 'galley.json');
    writeFileSync(file, JSON.stringify({ PORT: 4000, PUBLIC_URL: 'https://file.example' }));
    expect(loadConfig({ GALLEY_CONFIG: file, PORT: '5000' })).toMatchObject({
      port: 5000,
      publicUrl: 'https://file.example',
    });
    writeFileSync(file, JSON.stringify({ PROT: 1 }));
    expect(() => loadConfig({ GALLEY_CONFIG: file })).toThrow(/unknown setting PROT/);
  });

  it('names the setting that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/^PORT:/);
    expect(() => loadConfig({ PUBLIC_URL: 'news.example' })).toThrow(
      /^PUBLIC_URL: must be an http\(s\) URL/,
    );
    expect(() => loadConfig({ GALLEY_DEMO: 'yes' })).toThrow(/^GALLEY_DEMO:/);
    expect(() => loadConfig({ GALLEY_ANALYTICS_PORT: '0' })).toThrow(/^GALLEY_ANALYTICS_PORT:/);
    expect(() => loadConfig({ GALLEY_TRUSTED_PROXIES: '10.0.0.0/8' })).toThrow(
      /^GALLEY_TRUSTED_PROXIES: must list IP addresses/,
    );
  });
});
