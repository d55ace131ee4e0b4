import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '@/lib/server/api/errors';
import type { PrismaClient } from '@/lib/server/generated/prisma/client';

/**
 * API tokens for automated imports (nightly drops). A token reads `ful_<ORGANISATION CODE>_<43 random
 * base64url characters>` (256 random bits). Only its SHA-256 is stored, and it is looked up by organisation and
 * hash like every other key, so a token can never reach another organisation's data.
 */
const TOKEN_PATTERN = /^ful_([A-Z0-9]{3,10})_([A-Za-z0-9_-]{43})$/;
const BEARER_PATTERN = /^Bearer[ \t]+(\S+)[ \t]*$/i;

export interface VerifiedApiToken {
  apiTokenId: number;
  organisationId: number;
  organisationCode: string;
  name: string;
}

/** SHA-256 of the token, hex: what `api_tokens.token_hash` holds. */
export function hashApiToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Creates a token for the organisation. The token itself is returned here once and never stored. */
export async function createApiToken(
  prisma: PrismaClient,
  organisationId: number,
  name: string,
  createdByUserId?: number,
): Promise<{ token: string; id: number }> {
  const organisation = await prisma.organisation.findUniqueOrThrow({
    where: { id: organisationId },
    select: { code: true },
  });
  const token = `ful_${organisation.code}_${randomBytes(32).toString('base64url')}`;
  const created = await prisma.apiToken.create({
    data: { organisationId, name, tokenHash: hashApiToken(token), createdByUserId },
    select: { id: true },
  });
  return { token, id: created.id };
}

/** Revokes a token of the organisation; it is refused from then on. Returns false when there is no such token. */
export async function revokeApiToken(
  prisma: PrismaClient,
  organisationId: number,
  id: number,
): Promise<boolean> {
  const { count } = await prisma.apiToken.updateMany({
    where: { organisationId, id, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return count > 0;
}

/**
 * Checks an `Authorization: Bearer ful_…` header and records the token's use. Throws a 401 AppError saying
 * what is wrong: not a bearer header, not a Fulfil token, not recognised, or revoked.
 */
export async function verifyApiToken(prisma: PrismaClient, header: string): Promise<VerifiedApiToken> {
  const bearer = BEARER_PATTERN.exec(header.trim());
  if (!bearer?.[1]) {
    throw AppError.unauthorized('Send the API token as "Authorization: Bearer <token>".');
  }
  const token = bearer[1];
  const parts = TOKEN_PATTERN.exec(token);
  const organisationCode = parts?.[1];
  if (!organisationCode) {
    throw AppError.unauthorized(
      'This is not a Fulfil API token: tokens look like ful_<organisation code>_<43 characters>.',
    );
  }
  const notRecognised = () =>
    AppError.unauthorized('The API token is not recognised; check that it was copied in full.');
  const organisation = await prisma.organisation.findUnique({
    where: { code: organisationCode },
    select: { id: true, code: true },
  });
  if (!organisation) throw notRecognised();
  const stored = await prisma.apiToken.findUnique({
    where: {
      organisationId_tokenHash: { organisationId: organisation.id, tokenHash: hashApiToken(token) },
    },
    select: { id: true, name: true, revokedAt: true },
  });
  if (!stored) throw notRecognised();
  if (stored.revokedAt) {
    throw AppError.unauthorized(
      `The API token "${stored.name}" was revoked on ${stored.revokedAt.toLocaleDateString('en-GB', { timeZone: 'Europe/London' })}; ask an administrator for a new one.`,
    );
  }
  await prisma.apiToken.update({
    where: { organisationId_id: { organisationId: organisation.id, id: stored.id } },
    data: { lastUsedAt: new Date() },
  });
  return {
    apiTokenId: stored.id,
    organisationId: organisation.id,
    organisationCode: organisation.code,
    name: stored.name,
  };
}
