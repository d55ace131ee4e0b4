import { encode } from 'next-auth/jwt';
import { getAuthConfig } from '@/lib/server/auth/auth-options';
import type { Database } from '@/lib/server/db';
import type { Role } from '@/lib/shared/permissions';

export interface TestUser {
  userId: number;
  /** Headers of a request from the app's own pages by this user: same-origin, with their session cookie. */
  headers: Record<string, string>;
}

let counter = 0;

/**
 * A user holding one role (scoped to a division, specialty or consultant id as the role needs), signed in: the
 * session cookie next-auth would set, encoded with the app's secret. Requests carrying it go through the same
 * cookie check as a browser's.
 */
export async function signedInUser(
  db: Database,
  organisationId: number,
  role: Role,
  target: { divisionId?: number; specialtyId?: number; consultantId?: number } = {},
): Promise<TestUser> {
  counter += 1;
  const user = await db.prisma.user.create({
    data: {
      organisationId,
      email: `${role}-${counter}-${Date.now()}@test.fulfil.nhs.uk`,
      name: `Test ${role} ${counter}`,
      roleAssignments: {
        create: {
          role,
          divisionId: target.divisionId ?? null,
          specialtyId: target.specialtyId ?? null,
          consultantId: target.consultantId ?? null,
        },
      },
    },
  });
  return { userId: user.id, headers: await sessionHeaders(organisationId, user.id) };
}

/** Request headers carrying a session for an existing user. */
export async function sessionHeaders(
  organisationId: number,
  userId: number,
  signedInAt = Date.now() / 1000,
): Promise<Record<string, string>> {
  const config = getAuthConfig();
  const token = await encode({
    token: { sub: String(userId), organisationId, signedInAt },
    secret: config.secret,
    maxAge: config.maxAgeSeconds,
  });
  const name = `${config.useSecureCookies ? '__Secure-' : ''}next-auth.session-token`;
  return { 'sec-fetch-site': 'same-origin', cookie: `${name}=${token}` };
}
