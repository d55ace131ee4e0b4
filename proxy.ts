import { type NextRequest, NextResponse } from 'next/server';
import { REQUESTED_PATH_HEADER } from '@/components/auth/callback-url';

/**
 * Next.js proxy (formerly middleware): sends a visitor without a session cookie straight to the sign-in page,
 * coming back to the page they asked for. It only looks for the cookie, which is cheap; whether the session is
 * valid (and its user still active) is checked on the server by getSessionUser, in the pages and API routes.
 * It also tells the server components which path was requested (layouts are not given it).
 */

/** next-auth's session cookie, with the `__Secure-` prefix over https, split into `.0`, `.1`… when large. */
const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const requestedPath = `${pathname}${search}`;
  const hasSessionCookie = request.cookies.getAll().some((cookie) => SESSION_COOKIE.test(cookie.name));
  if (!hasSessionCookie && pathname !== '/sign-in') {
    const signIn = new URL('/sign-in', request.url);
    if (requestedPath !== '/') signIn.searchParams.set('callbackUrl', requestedPath);
    return NextResponse.redirect(signIn);
  }
  const headers = new Headers(request.headers);
  headers.set(REQUESTED_PATH_HEADER, requestedPath);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // Pages only: not the API (it answers 401 itself), Next's assets, or files with an extension (icons, robots).
  matcher: ['/((?!api/|_next/static|_next/image|.*\\.[a-zA-Z0-9]+$).*)'],
};
