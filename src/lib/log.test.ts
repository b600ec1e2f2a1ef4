import { describe, expect, it } from 'vitest';
import { memoryLogger, redact } from './log.js';

describe('redact', () => {
  it('removes passwords from connection strings and secrets from key=value text', () => {
    expect(redact('connect postgres://galley:hunter2@db:5432/news failed')).toBe(
      'connect postgres://galley:***@db:5432/news failed',
    );
    expect(redact('password=hunter2 token: abc123 api_key="k-9"')).toBe(
      'password=*** token: *** api_key="***"',
    );
    expect(redact('nothing secret here')).toBe('nothing secret here');
  });

  it('applies to what the logger records', () => {
    const logger = memoryLogger();
    logger.error('could not reach postgres://u:s3cret@h/db');
    expect(logger.lines[0]?.message).not.toContain('s3cret');
  });
});
