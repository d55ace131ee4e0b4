import { describe, expect, it } from 'vitest';
import { createNonce, getContentSecurityPolicy, getSecurityHeaders } from './security-headers';

const directives = (policy: string) =>
  new Map(policy.split('; ').map((directive) => [directive.split(' ')[0], directive.split(' ').slice(1)]));

describe('the Content-Security-Policy', () => {
  it('lets a page run only scripts with its nonce (and what they load), never inline script or eval', () => {
    const policy = directives(getContentSecurityPolicy({ nonce: 'abc123', isDevelopment: false }));
    expect(policy.get('script-src')).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(policy.get('style-src')).toEqual(["'self'", "'nonce-abc123'"]);
    expect(policy.get('style-src-attr')).toEqual(["'unsafe-inline'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('adds eval in development only (React’s error overlay needs it)', () => {
    const policy = directives(getContentSecurityPolicy({ nonce: 'abc123', isDevelopment: true }));
    expect(policy.get('script-src')).toContain("'unsafe-eval'");
  });

  it('allows no inline script at all on responses without a nonce (API answers, files)', () => {
    const header = getSecurityHeaders({ isDevelopment: false }).find(
      (candidate) => candidate.key === 'Content-Security-Policy',
    );
    expect(directives(header?.value ?? '').get('script-src')).toEqual(["'self'"]);
  });

  it('makes a new, unguessable nonce each time', () => {
    const nonces = new Set(Array.from({ length: 100 }, () => createNonce()));
    expect(nonces.size).toBe(100);
    expect([...nonces][0]).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
