import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { proxy } from '@/proxy';

/**
 * proxy.ts, called as Next calls it: a page without a session cookie goes to the sign-in page; every page it lets
 * through gets a Content-Security-Policy with a fresh nonce, on the response and on the request (where Next reads
 * the nonce for its own scripts, and `x-nonce` for ours). No database: the proxy only looks at the cookie.
 */
const SESSION = { cookie: 'next-auth.session-token=anything' };

/** A request header the proxy overrides for the app, as Next passes it on. */
const forwarded = (response: Response, name: string) => response.headers.get(`x-middleware-request-${name}`);

describe('the proxy', () => {
  it('sends a visitor without a session cookie to the sign-in page and back', () => {
    const response = proxy(new NextRequest('http://localhost/consultants/12?from=2026-01-01'));
    expect(response.status).toBe(307);
    const location = new URL(response.headers.get('location') ?? '');
    expect(location.pathname).toBe('/sign-in');
    expect(location.searchParams.get('callbackUrl')).toBe('/consultants/12?from=2026-01-01');
  });

  it('lets the sign-in page and files through without a session, with the policy', () => {
    for (const path of ['/sign-in', '/favicon.ico']) {
      const response = proxy(new NextRequest(`http://localhost${path}`));
      expect(response.headers.get('location'), path).toBeNull();
      expect(response.headers.get('content-security-policy'), path).toContain("'strict-dynamic'");
    }
  });

  it('gives each page a policy with a fresh nonce, passed on to the app with the requested path', () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const response = proxy(new NextRequest('http://localhost/specialties?x=1', { headers: SESSION }));
      const policy = response.headers.get('content-security-policy') ?? '';
      const nonce = forwarded(response, 'x-nonce') ?? '';
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(policy).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
      expect(policy).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
      expect(forwarded(response, 'content-security-policy')).toBe(policy);
      expect(forwarded(response, 'x-fulfil-requested-path')).toBe('/specialties?x=1');
      nonces.add(nonce);
    }
    expect(nonces.size).toBe(3);
  });
});
