import type { Caller } from '@/lib/server/api/caller';
import { AppError } from '@/lib/server/api/errors';
import { recordAuditEvent } from '@/lib/server/audit/audit-log';
import { createApiToken, revokeApiToken } from '@/lib/server/auth/api-tokens';
import { getPrisma } from '@/lib/server/db';
import type { PrismaClient } from '@/lib/server/generated/prisma/client';
import {
  ADMIN_AUDIT_ACTIONS,
  type ApiTokenSummary,
  type CreateApiTokenRequest,
  type CreateApiTokenResponse,
} from '@/lib/shared/schemas/admin';
import { auditEntryFor } from './audit-events';

/**
 * API tokens for automated imports, as the admin page manages them. Tokens are created and revoked by
 * lib/server/auth/api-tokens.ts (which stores only their SHA-256); this adds the listing, the checks and the audit
 * events. Neither the token nor its hash is ever listed or logged.
 */

const tokenSelect = {
  id: true,
  name: true,
  createdAt: true,
  createdByUserId: true,
  lastUsedAt: true,
  revokedAt: true,
} as const;

interface TokenRow {
  id: number;
  name: string;
  createdAt: Date;
  createdByUserId: number | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

async function toSummaries(organisationId: number, rows: readonly TokenRow[]): Promise<ApiTokenSummary[]> {
  const prisma = await getPrisma();
  const creatorIds = [
    ...new Set(rows.flatMap((row) => (row.createdByUserId === null ? [] : [row.createdByUserId]))),
  ];
  const creators =
    creatorIds.length === 0
      ? []
      : await prisma.user.findMany({
          where: { organisationId, id: { in: creatorIds } },
          select: { id: true, name: true },
        });
  const creatorById = new Map(creators.map((creator) => [creator.id, creator]));
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdByUserId === null ? null : (creatorById.get(row.createdByUserId) ?? null),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  }));
}

/** The organisation's API tokens, live ones first, newest first within each. */
export async function listApiTokens(caller: Caller): Promise<ApiTokenSummary[]> {
  const prisma = await getPrisma();
  const rows = await prisma.apiToken.findMany({
    where: { organisationId: caller.organisationId },
    select: tokenSelect,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  });
  const summaries = await toSummaries(caller.organisationId, rows);
  return [...summaries.filter((token) => !token.revokedAt), ...summaries.filter((token) => token.revokedAt)];
}

/**
 * Creates an API token for the caller's organisation. The secret is in the answer this once and nowhere else.
 * Recorded as 'api_token.created' (its name and id) in the same transaction.
 */
export async function createApiTokenForCaller(
  caller: Caller,
  input: CreateApiTokenRequest,
): Promise<CreateApiTokenResponse> {
  const prisma = await getPrisma();
  const organisationId = caller.organisationId;
  const created = await prisma.$transaction(async (tx) => {
    // createApiToken only touches organisation and apiToken, which the transaction's client has too.
    const { token, id } = await createApiToken(
      tx as unknown as PrismaClient,
      organisationId,
      input.name,
      caller.userId,
    );
    await recordAuditEvent(tx, {
      ...auditEntryFor(caller),
      action: ADMIN_AUDIT_ACTIONS.apiTokenCreated,
      entityType: 'api_token',
      entityId: id,
      details: { name: input.name },
    });
    return { secret: token, id };
  });
  return { token: await getApiToken(caller, created.id), secret: created.secret };
}

async function getApiToken(caller: Caller, tokenId: number): Promise<ApiTokenSummary> {
  const prisma = await getPrisma();
  const row = await prisma.apiToken.findUnique({
    where: { organisationId_id: { organisationId: caller.organisationId, id: tokenId } },
    select: tokenSelect,
  });
  if (!row) throw AppError.notFound(`No API token ${tokenId}.`);
  const [summary] = await toSummaries(caller.organisationId, [row]);
  if (!summary) throw AppError.notFound(`No API token ${tokenId}.`);
  return summary;
}

/**
 * Revokes an API token of the caller's organisation: imports with it are refused (401) from then on. 404 for an
 * unknown id, 409 when already revoked. Recorded as 'api_token.revoked' in the same transaction.
 */
export async function revokeApiTokenForCaller(caller: Caller, tokenId: number): Promise<ApiTokenSummary> {
  const prisma = await getPrisma();
  const organisationId = caller.organisationId;
  await prisma.$transaction(async (tx) => {
    const token = await tx.apiToken.findUnique({
      where: { organisationId_id: { organisationId, id: tokenId } },
      select: { id: true, name: true, revokedAt: true },
    });
    if (!token) throw AppError.notFound(`No API token ${tokenId}.`);
    if (token.revokedAt || !(await revokeApiToken(tx as unknown as PrismaClient, organisationId, tokenId))) {
      throw AppError.conflict(`The API token "${token.name}" is already revoked.`);
    }
    await recordAuditEvent(tx, {
      ...auditEntryFor(caller),
      action: ADMIN_AUDIT_ACTIONS.apiTokenRevoked,
      entityType: 'api_token',
      entityId: tokenId,
      details: { name: token.name },
    });
  });
  return getApiToken(caller, tokenId);
}
