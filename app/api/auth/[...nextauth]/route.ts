import type { NextRequest } from 'next/server';
import NextAuth from 'next-auth';
import { getAuthOptions } from '@/lib/server/auth/auth-options';

interface RouteContext {
  params: Promise<{ nextauth: string[] }>;
}

/**
 * next-auth's endpoints (/api/auth/signin, callback, session, csrf, signout, providers). The options are built
 * per request, not at import, so that `next build` needs no secret.
 */
async function handleAuth(request: NextRequest, context: RouteContext): Promise<Response> {
  return NextAuth(request, context, getAuthOptions());
}

export { handleAuth as GET, handleAuth as POST };
