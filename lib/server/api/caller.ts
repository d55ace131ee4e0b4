import { verifyApiToken } from '@/lib/server/auth/api-tokens';
import { getCurrentOrganisation } from '@/lib/server/dal/organisation';
import { getPrisma } from '@/lib/server/db';
import { type Scope, trustWideScope } from '@/lib/shared/scope';
import { AppError } from './errors';

/** Who is asking: their organisation and scope, and what to record as the actor of what they do. */
export interface Caller {
  organisationId: number;
  scope: Scope;
  /** Set when the request came with an API token. */
  apiTokenId?: number;
  /** Set once sign-in exists (#5). */
  userId?: number;
}

/**
 * The caller of the app's own pages, and of API requests they make without a token. The single place where the
 * signed-in user's session and permission will be checked.
 */
export async function getBrowserCaller(): Promise<Caller> {
  // TODO(#5): require a signed-in session whose role grants the imports permission (admins), resolve its
  // organisation, scope and user id from it, and throw a 401 (no session) or 403 (no permission) here. Until sign-in
  // arrives, the app's pages act for the deployment's current organisation with a trust-wide scope.
  const organisation = await getCurrentOrganisation();
  if (!organisation) {
    throw new AppError(
      409,
      'no_organisation',
      'There is no trust yet: create it with `npm run --silent cli -- organisation:create <ODS code> "<name>"`.',
    );
  }
  return { organisationId: organisation.id, scope: trustWideScope(organisation.id) };
}

/**
 * Authenticates an API request. With `Authorization: Bearer <token>`, the token's organisation (a bad or revoked
 * token is a 401, never a fall-back). Without one, only the app's own pages in a browser may call: their requests
 * carry `Sec-Fetch-Site: same-origin` (or an Origin of this host), which another site's page cannot forge, so it
 * cannot submit an import cross-site. This is not authentication (any HTTP client can send those headers): the
 * session check in `getBrowserCaller` is.
 */
export async function authenticateRequest(request: Request): Promise<Caller> {
  const authorization = request.headers.get('authorization');
  if (authorization !== null) {
    const token = await verifyApiToken(await getPrisma(), authorization);
    return {
      organisationId: token.organisationId,
      scope: trustWideScope(token.organisationId),
      apiTokenId: token.apiTokenId,
    };
  }
  if (!isFromOwnPages(request)) {
    throw AppError.unauthorized(
      'This request needs an API token: send "Authorization: Bearer <token>" (an administrator can create one).',
    );
  }
  return getBrowserCaller();
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
