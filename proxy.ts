import { type NextRequest, NextResponse } from 'next/server';
import { REQUESTED_PATH_HEADER } from '@/components/auth/callback-url';
import { getEnv } from '@/lib/env';
import { createNonce, getContentSecurityPolicy, NONCE_HEADER } from '@/lib/shared/security-headers';

/**
 * Next.js proxy (formerly middleware), for pages:
 * - sends a visitor without a session cookie straight to the sign-in page, coming back to the page they asked
 *   for. It only looks for the cookie, which is cheap; whether the session is valid (its user still active, not
 *   signed out since) is checked on the server by getSessionUser, in the pages and API routes;
 * - sets the Content-Security-Policy with a fresh nonce (Next's documented pattern: the policy on the request, from
 *   which Next reads the nonce for its own scripts, and on the response; the nonce also in `x-nonce`). Every page
 *   is rendered per request (they read the session), so each gets its own nonce;
 * - tells the server components which path was requested (layouts are not given it).
 */

/** next-auth's session cookie, with the `__Secure-` prefix over https, split into `.0`, `.1`… when large. */
const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;
/** Files (icons, robots.txt) are public: no sign-in redirect, but a policy all the same. */
const FILE_PATH = /\.[a-zA-Z0-9]+$/;

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const requestedPath = `${pathname}${search}`;
  const hasSessionCookie = request.cookies.getAll().some((cookie) => SESSION_COOKIE.test(cookie.name));
  if (!hasSessionCookie && pathname !== '/sign-in' && !FILE_PATH.test(pathname)) {
    const signIn = new URL('/sign-in', request.url);
    if (requestedPath !== '/') signIn.searchParams.set('callbackUrl', requestedPath);
    return NextResponse.redirect(signIn);
  }
  const nonce = createNonce();
  const policy = getContentSecurityPolicy({ nonce, isDevelopment: getEnv().NODE_ENV === 'development' });
  const headers = new Headers(request.headers);
  headers.set(REQUESTED_PATH_HEADER, requestedPath);
  headers.set(NONCE_HEADER, nonce);
  headers.set('Content-Security-Policy', policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

export const config = {
  // Pages and files: not the API (it answers 401 itself, with next.config.ts's policy) or Next's built assets.
  matcher: ['/((?!api/|_next/static|_next/image).*)'],
};
