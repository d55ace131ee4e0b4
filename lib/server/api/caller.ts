import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import type { Session } from 'next-auth';
import { decode } from 'next-auth/jwt';
import { getRequestIpAddress } from '@/lib/server/audit/audit-log';
import { verifyApiToken } from '@/lib/server/auth/api-tokens';
import { getAuthConfig } from '@/lib/server/auth/auth-options';
import { getAssignments, scopeOf } from '@/lib/server/auth/scope';
import { getSessionUser, resolveSessionUser, type SessionUser } from '@/lib/server/auth/session';
import { getDatabase, getPrisma } from '@/lib/server/db';
import { type Permission, permissionsOf } from '@/lib/shared/permissions';
import { type Scope, trustWideScope } from '@/lib/shared/scope';
import { AppError } from './errors';

/** Who is asking: their organisation, scope and permissions, and what to record as the actor of what they do. */
export interface Caller {
  organisationId: number;
  scope: Scope;
  permissions: ReadonlySet<Permission>;
  /** Set for a signed-in person. */
  userId?: number;
  /** Set when the request came with an API token. */
  apiTokenId?: number;
  ipAddress?: string | null;
}

/** API tokens exist for automated imports: that is all they may do. */
const API_TOKEN_PERMISSIONS: ReadonlySet<Permission> = new Set<Permission>(['imports:manage']);

/** The caller a signed-in user is: their scope and permissions from their live role assignments. */
async function callerForUser(user: SessionUser, ipAddress: string | null): Promise<Caller> {
  const database = await getDatabase();
  const assignments = await getAssignments(database, user.organisationId, user.userId);
  return {
    organisationId: user.organisationId,
    scope: scopeOf(user.organisationId, user.userId, assignments),
    permissions: permissionsOf(assignments.map((assignment) => assignment.role)),
    userId: user.userId,
    ipAddress,
  };
}

/** Throws 403 unless the caller holds the permission. */
export function requirePermission(caller: Caller, permission: Permission): Caller {
  if (!caller.permissions.has(permission)) {
    throw new AppError(
      403,
      'forbidden',
      `Your role does not allow this (it needs the “${permission}” permission).`,
    );
  }
  return caller;
}

/**
 * The caller of a server-rendered page: the signed-in user with the permission the page needs (or any one of
 * several, for an index of sections that each check their own). No session: to the sign-in page, and back
 * afterwards. No permission: not found, as if the page did not exist for them.
 */
export async function getPageCaller(
  permission: Permission | readonly Permission[],
  returnTo = '/',
): Promise<Caller> {
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  const caller = await callerForUser(user, getRequestIpAddress(await headers()));
  const anyOf: readonly Permission[] = typeof permission === 'string' ? [permission] : permission;
  if (!anyOf.some((candidate) => caller.permissions.has(candidate))) notFound();
  return caller;
}

/**
 * Authenticates an API request and checks it may do what the route does (every route names its permission).
 * With `Authorization: Bearer <token>`: the token's organisation, for imports only (a bad or revoked token is a
 * 401, never a fall-back). Otherwise the session cookie of a signed-in user, on a request from the app's own
 * pages: `Sec-Fetch-Site: same-origin` (or an Origin of this host), which another site's page cannot forge, so
 * no other site can make a signed-in browser act (CSRF).
 */
export async function authenticateRequest(request: Request, permission: Permission): Promise<Caller> {
  const ipAddress = getRequestIpAddress(request.headers);
  const authorization = request.headers.get('authorization');
  if (authorization !== null) {
    const token = await verifyApiToken(await getPrisma(), authorization);
    return requirePermission(
      {
        organisationId: token.organisationId,
        scope: trustWideScope(token.organisationId),
        permissions: API_TOKEN_PERMISSIONS,
        apiTokenId: token.apiTokenId,
        ipAddress,
      },
      permission,
    );
  }
  if (!isFromOwnPages(request)) {
    throw AppError.unauthorized(
      'This request needs an API token ("Authorization: Bearer <token>") or a signed-in session from the app itself.',
    );
  }
  const user = await getSessionUserFromRequest(request);
  if (!user)
    throw new AppError(
      401,
      'unauthorized',
      'Sign in to continue: your session has ended or was never started.',
    );
  return requirePermission(await callerForUser(user, ipAddress), permission);
}

/**
 * The user of a request's session cookie (route handlers get the request itself, so this needs no request
 * context and works the same under test).
 */
async function getSessionUserFromRequest(request: Request): Promise<SessionUser | null> {
  const config = getAuthConfig();
  const cookieName = `${config.useSecureCookies ? '__Secure-' : ''}next-auth.session-token`;
  const token = readCookie(request.headers.get('cookie') ?? '', cookieName);
  if (!token) return null;
  const decoded = await decode({ token, secret: config.secret }).catch(() => null);
  if (!decoded?.sub) return null;
  return resolveSessionUser(
    await getPrisma(),
    {
      expires: '',
      userId: Number(decoded.sub),
      organisationId: decoded.organisationId,
      signedInAt: decoded.signedInAt,
    } as Session,
    { maxAgeSeconds: config.maxAgeSeconds },
  );
}

/** A cookie's value, joining next-auth's chunks (`name.0`, `name.1`, …) when a large token was split. */
function readCookie(header: string, name: string): string | null {
  const cookies = new Map<string, string>();
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index > 0) cookies.set(part.slice(0, index).trim(), decodeURIComponent(part.slice(index + 1).trim()));
  }
  const whole = cookies.get(name);
  if (whole !== undefined) return whole;
  const chunks: string[] = [];
  for (let i = 0; cookies.has(`${name}.${i}`); i++) chunks.push(cookies.get(`${name}.${i}`) as string);
  return chunks.length > 0 ? chunks.join('') : null;
}

/** A browser request that our own pages made (or the user typed): same origin, never cross-site. */
function isFromOwnPages(request: Request): boolean {
  const fetchSite = request.headers.get('sec-fetch-site');
  if (fetchSite !== null) return fetchSite === 'same-origin' || fetchSite === 'none';
  // Browsers without Fetch Metadata still send Origin on POST; compare it with the host the request came to.
  const origin = request.headers.get('origin');
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  if (origin === null || host === null) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
