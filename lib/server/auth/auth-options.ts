import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AuthOptions, LoggerInstance, User } from 'next-auth';
import type { JWT } from 'next-auth/jwt';
import CredentialsProvider from 'next-auth/providers/credentials';
import type { OAuthConfig } from 'next-auth/providers/oauth';
import { z } from 'zod';
import { toSafeCallbackPath } from '@/components/auth/callback-url';
import { accountLockedError, NO_ORGANISATION } from '@/components/auth/sign-in-errors';
import { type Env, getDataDir, getEnv } from '@/lib/env';
import { AUDIT_ACTIONS, getRequestIpAddress, recordAuditEvent } from '@/lib/server/audit/audit-log';
import { getCurrentOrganisation } from '@/lib/server/dal/organisation';
import { getPrisma } from '@/lib/server/db';
import { MAX_PASSWORD_LENGTH, normaliseEmail, signInWithPassword } from './password';
import { revokeSessions } from './revoke-sessions';
import { resolveSessionUser, sessionClaimsOf } from './session-user';

/**
 * next-auth's configuration: email + password accounts (Credentials) and, when configured, Microsoft Entra ID
 * single sign-on. Sessions are encrypted JWTs in an http-only cookie; they carry only the user's id, organisation
 * and sign-in time, and the user is re-read whenever the cookie is read: by `getSessionUser` (session.ts) and
 * the API's caller, and by next-auth's own endpoints (the jwt callback), all with `resolveSessionUser`.
 */

declare module 'next-auth' {
  interface Session {
    userId?: number;
    organisationId?: number;
    /** Seconds since the epoch. */
    signedInAt?: number;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    organisationId?: number;
    signedInAt?: number;
    authMethod?: AuthMethod;
  }
}

export type AuthMethod = 'password' | 'sso';

/** The provider id of Microsoft Entra ID sign-in (its callback is /api/auth/callback/azure-ad). */
export const SSO_PROVIDER_ID = 'azure-ad';
/** next-auth's internal refresh interval: a short one, so that a sliding session never lags far behind. */
export const SESSION_UPDATE_AGE_SECONDS = 5 * 60;

export interface SsoConfig {
  clientId: string;
  clientSecret: string;
  /** The OpenID Connect discovery document. */
  wellKnownUrl: string;
}

export interface AuthConfig {
  secret: string;
  /** How long a sign-in lasts. */
  maxAgeSeconds: number;
  /** Secure cookies (`__Secure-` names): when the app is served over https. */
  useSecureCookies: boolean;
  sso: SsoConfig | null;
}

/** The user object our providers hand to next-auth's callbacks. */
interface FulfilAuthUser extends User {
  organisationId: number;
  authMethod: AuthMethod;
}

let cachedConfig: AuthConfig | undefined;

/** The authentication settings from the environment; throws a readable error for a production misconfiguration. */
export function getAuthConfig(env: Env = getEnv()): AuthConfig {
  if (cachedConfig && env === getEnv()) return cachedConfig;
  const config = readAuthConfig(env);
  if (env === getEnv()) cachedConfig = config;
  return config;
}

function readAuthConfig(env: Env): AuthConfig {
  const isDeployment = env.NODE_ENV === 'production' && env.DATABASE_URL !== undefined;
  if (isDeployment && !env.NEXTAUTH_URL) {
    throw new Error(
      'NEXTAUTH_URL must be set in production: the https:// address the app is served at (e.g. https://fulfil.example.nhs.uk).',
    );
  }
  const appUrl = new URL(env.NEXTAUTH_URL ?? 'http://localhost:3000');
  const isHttps = appUrl.protocol === 'https:';
  if (env.NODE_ENV === 'production' && !isHttps && !isLoopback(appUrl.hostname)) {
    throw new Error(
      `NEXTAUTH_URL must be an https:// address in production (it is ${appUrl.origin}): session cookies are sent only over https.`,
    );
  }
  return {
    secret: readSecret(env, isDeployment),
    maxAgeSeconds: env.FULFIL_SESSION_MAX_AGE_MINUTES * 60,
    useSecureCookies: isHttps,
    sso: readSsoConfig(env),
  };
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/**
 * NEXTAUTH_SECRET; without it (the embedded demo, development), a random secret generated once and kept in
 * FULFIL_DATA_DIR/auth-secret (mode 0600) beside the embedded database, so that `npm run demo` needs no setup.
 */
function readSecret(env: Env, isDeployment: boolean): string {
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  if (isDeployment) {
    throw new Error(
      'NEXTAUTH_SECRET must be set in production: a random value of at least 32 characters (e.g. `openssl rand -base64 32`).',
    );
  }
  const dataDir = getDataDir(env);
  const file = path.join(dataDir, 'auth-secret');
  mkdirSync(dataDir, { recursive: true });
  try {
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < 32)
    throw new Error(`${file} does not hold a usable secret: delete it to make a new one.`);
  return secret;
}

function readSsoConfig(env: Env): SsoConfig | null {
  const { AZURE_AD_CLIENT_ID: clientId, AZURE_AD_CLIENT_SECRET: clientSecret } = env;
  if (!clientId || !clientSecret) return null;
  const wellKnownUrl =
    env.AZURE_AD_WELL_KNOWN_URL ??
    `https://login.microsoftonline.com/${encodeURIComponent(env.AZURE_AD_TENANT_ID ?? '')}/v2.0/.well-known/openid-configuration`;
  return { clientId, clientSecret, wellKnownUrl };
}

/** True when "Sign in with Microsoft" is offered. */
export function isSsoConfigured(): boolean {
  return readSsoConfig(getEnv()) !== null;
}

let cachedOptions: AuthOptions | undefined;

/** next-auth's options for this deployment (built on first use, not at import: `next build` has no secrets). */
export function getAuthOptions(): AuthOptions {
  cachedOptions ??= buildAuthOptions(getAuthConfig());
  return cachedOptions;
}

const credentialsSchema = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
});

/** next-auth's options from explicit settings (the tests build their own). */
export function buildAuthOptions(config: AuthConfig): AuthOptions {
  const providers: AuthOptions['providers'] = [
    CredentialsProvider({
      id: 'credentials',
      name: 'Email and password',
      credentials: {
        email: { label: 'Email address', type: 'email' },
        password: { label: 'Password', type: 'password' },
      },
      async authorize(credentials, request) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const organisation = await getCurrentOrganisation();
        if (!organisation) throw new Error(NO_ORGANISATION);
        const result = await signInWithPassword(await getPrisma(), {
          organisationId: organisation.id,
          email: parsed.data.email,
          password: parsed.data.password,
          ipAddress: getRequestIpAddress(request?.headers ?? {}),
        });
        if (result.status === 'locked') throw new Error(accountLockedError(result.lockedUntil));
        if (result.status === 'invalid') return null;
        const { user } = result;
        return {
          id: String(user.id),
          organisationId: user.organisationId,
          email: user.email,
          name: user.name,
          authMethod: 'password',
        } satisfies FulfilAuthUser;
      },
    }),
  ];
  if (config.sso) providers.push(entraIdProvider(config.sso));

  return {
    secret: config.secret,
    providers,
    session: { strategy: 'jwt', maxAge: config.maxAgeSeconds, updateAge: SESSION_UPDATE_AGE_SECONDS },
    // The token's own expiry: without this, next-auth would issue 30-day tokens at sign-in.
    jwt: { maxAge: config.maxAgeSeconds },
    useSecureCookies: config.useSecureCookies,
    pages: { signIn: '/sign-in', error: '/sign-in' },
    logger: authLogger,
    callbacks: {
      async signIn({ user, account }) {
        if (account?.provider !== SSO_PROVIDER_ID) return true;
        return acceptSsoUser(user);
      },
      async jwt({ token, user }) {
        if (!user) return checkSessionStillValid(token, config);
        const signedIn = user as Partial<FulfilAuthUser>;
        if (typeof signedIn.organisationId !== 'number' || !signedIn.authMethod) {
          throw new Error('The sign-in did not resolve to a Fulfil user.');
        }
        // Only what identifies the sign-in: the rest is read from the database on every request.
        return {
          sub: signedIn.id,
          organisationId: signedIn.organisationId,
          authMethod: signedIn.authMethod,
          // To the millisecond, so that a sign-out (sessions_valid_after) a moment later still revokes it.
          signedInAt: Date.now() / 1000,
        };
      },
      async session({ session, token }) {
        return { expires: session.expires, ...sessionClaimsOf(token) };
      },
      async redirect({ url, baseUrl }) {
        if (url.startsWith('/')) return `${baseUrl}${toSafeCallbackPath(url)}`;
        try {
          const target = new URL(url);
          if (target.origin === baseUrl)
            return `${baseUrl}${toSafeCallbackPath(target.pathname + target.search)}`;
        } catch {
          // Not a URL: go home.
        }
        return baseUrl;
      },
    },
    events: {
      // next-auth only clears the cookie; a copy of it (another tab's, or a stolen one) would still decode. So a
      // sign-out revokes every session of the user signed in before now (resolveSessionUser checks it). A cookie
      // that no longer counts (already revoked, or its user deactivated) is only cleared: replaying an old copy
      // must not end the user's newer sessions, nor be recorded as their sign-out.
      async signOut({ token }) {
        const prisma = await getPrisma();
        const user = await resolveSessionUser(prisma, sessionClaimsOf(token), {
          maxAgeSeconds: config.maxAgeSeconds,
        });
        if (!user) return;
        await revokeSessions(prisma, user.organisationId, user.userId);
        await recordAuditEvent(prisma, {
          organisationId: user.organisationId,
          actorUserId: user.userId,
          action: AUDIT_ACTIONS.signOut,
          entityType: 'user',
          entityId: user.userId,
          details: { method: token?.authMethod ?? null },
          ipAddress: await getCurrentRequestIpAddress(),
        });
      },
    },
  };
}

/**
 * The jwt callback on every read of the cookie by next-auth itself (`GET /api/auth/session`, and its update):
 * the token as it is while resolveSessionUser still accepts it. Otherwise it throws: next-auth 4.24 then answers
 * `{}`, as for no cookie, and clears the cookie. (Returning null means "no session" only from Auth.js v5 on; in
 * 4.24 it would reach the session callback.)
 */
async function checkSessionStillValid(token: JWT, config: AuthConfig): Promise<JWT> {
  const user = await resolveSessionUser(await getPrisma(), sessionClaimsOf(token), {
    maxAgeSeconds: config.maxAgeSeconds,
  });
  if (!user) throw new Error('revoked, past its maximum age, or its user is inactive');
  return token;
}

/** Claims of an Entra ID token that we read. */
interface EntraIdProfile extends Record<string, unknown> {
  sub: string;
  oid?: string;
  name?: string;
  email?: string;
  preferred_username?: string;
}

/**
 * Microsoft Entra ID (Azure AD) through OpenID Connect: authorisation code with PKCE, state and nonce, and the
 * person read from the signed ID token. Unlike next-auth's built-in Azure AD provider, it does not call Microsoft
 * Graph for a photo. Only the trust's own tenant is configured (lib/env.ts refuses "common"), so the email
 * claim comes from the trust's directory.
 */
function entraIdProvider(sso: SsoConfig): OAuthConfig<EntraIdProfile> {
  return {
    id: SSO_PROVIDER_ID,
    name: 'Microsoft',
    type: 'oauth',
    wellKnown: sso.wellKnownUrl,
    clientId: sso.clientId,
    clientSecret: sso.clientSecret,
    authorization: { params: { scope: 'openid profile email' } },
    idToken: true,
    checks: ['pkce', 'state', 'nonce'],
    profile(profile) {
      return {
        id: profile.oid ?? profile.sub,
        name: profile.name ?? null,
        // Entra ID sends `email` when the directory has one; otherwise the sign-in name is the email address.
        email: profile.email ?? profile.preferred_username ?? null,
      };
    },
  };
}

/**
 * Lets a single sign-on in only when it maps, by email (case-insensitive), to an active Fulfil user of this
 * deployment's organisation; the user object then carries that user for the session. Recorded either way.
 */
async function acceptSsoUser(user: User): Promise<boolean> {
  const organisation = await getCurrentOrganisation();
  if (!organisation) return false;
  const prisma = await getPrisma();
  const email = user.email ? normaliseEmail(user.email).slice(0, 320) : '';
  const ipAddress = await getCurrentRequestIpAddress();
  const fulfilUser = email
    ? await prisma.user.findFirst({
        where: { organisationId: organisation.id, email: { equals: email, mode: 'insensitive' } },
        select: { id: true, email: true, name: true, isActive: true },
        orderBy: { id: 'asc' },
      })
    : null;
  if (!fulfilUser?.isActive) {
    await recordAuditEvent(prisma, {
      organisationId: organisation.id,
      actorUserId: fulfilUser?.id ?? null,
      action: AUDIT_ACTIONS.signInFailure,
      entityType: fulfilUser ? 'user' : null,
      entityId: fulfilUser?.id ?? null,
      details: { method: 'sso', reason: fulfilUser ? 'inactive_user' : 'not_a_fulfil_user', email },
      ipAddress,
    });
    return false;
  }
  await prisma.user.update({
    where: { organisationId_id: { organisationId: organisation.id, id: fulfilUser.id } },
    data: { lastSignInAt: new Date() },
  });
  await recordAuditEvent(prisma, {
    organisationId: organisation.id,
    actorUserId: fulfilUser.id,
    action: AUDIT_ACTIONS.signInSuccess,
    entityType: 'user',
    entityId: fulfilUser.id,
    details: { method: 'sso' },
    ipAddress,
  });
  // next-auth hands this same object to the jwt callback (there is no adapter): it now names the Fulfil user.
  Object.assign(user, {
    id: String(fulfilUser.id),
    organisationId: organisation.id,
    email: fulfilUser.email,
    name: fulfilUser.name,
    authMethod: 'sso',
  } satisfies FulfilAuthUser);
  return true;
}

/** The address of the request being handled, when there is one (route handlers); null elsewhere. */
async function getCurrentRequestIpAddress(): Promise<string | null> {
  try {
    const { headers } = await import('next/headers');
    return getRequestIpAddress(await headers());
  } catch {
    return null;
  }
}

/** next-auth's log lines, without the metadata (which can hold tokens) and without stack traces for the expected. */
const authLogger: Partial<LoggerInstance> = {
  error(code, metadata) {
    const message =
      metadata instanceof Error ? metadata.message : (metadata as { message?: string })?.message;
    if (code === 'JWT_SESSION_ERROR') {
      console.warn(`[auth] a session cookie was refused (expired, revoked or not ours): ${message ?? ''}`);
      return;
    }
    console.error(`[auth] ${code}${message ? `: ${message}` : ''}`);
  },
  warn(code) {
    // NEXTAUTH_URL is validated by lib/env.ts; next-auth's own warning about it is noise for the embedded demo.
    if (code !== 'NEXTAUTH_URL') console.warn(`[auth] ${code}`);
  },
  debug() {},
};
