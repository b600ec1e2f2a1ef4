import { describe, expect, it } from 'vitest';
import { TrustedProxies } from './client-address.js';

describe('the client address behind trusted proxies', () => {
  const proxies = new TrustedProxies(['10.0.0.2', '10.0.0.3', '::1']);

  it('is the socket’s address when that is not a trusted proxy, whatever the header says', () => {
    expect(proxies.clientOf('198.51.100.7', '203.0.113.9')).toBe('198.51.100.7');
    expect(new TrustedProxies().clientOf('127.0.0.1', '203.0.113.9')).toBe('127.0.0.1');
  });

  it('is the right-most forwarded address that is not a trusted proxy', () => {
    expect(proxies.clientOf('10.0.0.2', '203.0.113.9')).toBe('203.0.113.9');
    // Two proxies in a row (10.0.0.3 forwarded to 10.0.0.2).
    expect(proxies.clientOf('10.0.0.2', '203.0.113.9, 10.0.0.3')).toBe('203.0.113.9');
    // A client that writes its own header cannot choose its address: the proxy appends the
    // address it saw, and that one is read.
    expect(proxies.clientOf('10.0.0.2', '192.0.2.1, 203.0.113.9')).toBe('203.0.113.9');
    // Several header lines are one list.
    expect(proxies.clientOf('10.0.0.2', ['192.0.2.1', '203.0.113.9, 10.0.0.3'])).toBe(
      '203.0.113.9',
    );
    expect(proxies.clientOf('::1', '2001:db8::5')).toBe('2001:db8::5');
  });

  it('stops at the last good address when an entry is not an address', () => {
    expect(proxies.clientOf('10.0.0.2', 'unknown, 10.0.0.3')).toBe('10.0.0.3');
    expect(proxies.clientOf('10.0.0.2', '203.0.113.9, <script>')).toBe('10.0.0.2');
  });

  it('is the proxy itself when the header is missing or names only proxies', () => {
    expect(proxies.clientOf('10.0.0.2', undefined)).toBe('10.0.0.2');
    expect(proxies.clientOf('10.0.0.2', '10.0.0.3')).toBe('10.0.0.3');
  });

  it('reads IPv4 clients of a dual-stack socket as IPv4', () => {
    expect(proxies.clientOf('::ffff:10.0.0.2', '::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(proxies.clientOf('::ffff:198.51.100.7', undefined)).toBe('198.51.100.7');
  });
});
