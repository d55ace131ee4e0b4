import { type AuthOptions, getServerSession } from 'next-auth';
import { cache } from 'react';
import { getPrisma } from '@/lib/server/db';
import { getAuthConfig, getAuthOptions } from './auth-options';
import { resolveSessionUser, type SessionUser } from './session-user';

export { resolveSessionUser, type SessionUser } from './session-user';

/**
 * The signed-in user of the current request, or null: no session cookie, an expired or forged one, a sign-in
 * older than the session's maximum age or than the user's `sessions_valid_after` (signed out, password reset),
 * or a user who has since been deactivated or removed. The user row is
 * read afresh on every request (once: React's cache), so a deactivation takes effect at once; roles are not in
 * the session at all, so the caller resolves them from role_assignments on each request too.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(withoutJwtCallbackCheck(getAuthOptions()));
  return resolveSessionUser(await getPrisma(), session, { maxAgeSeconds: getAuthConfig().maxAgeSeconds });
});

/**
 * next-auth's options without the jwt callback's check of the session (resolveSessionUser, for next-auth's own
 * endpoints): getSessionUser makes the same check right after, and needs the user it reads, so the user is
 * read once a request, not twice. A database error then surfaces as an error, not as "signed out".
 */
function withoutJwtCallbackCheck(options: AuthOptions): AuthOptions {
  return { ...options, callbacks: { ...options.callbacks, jwt: async ({ token }) => token } };
}
