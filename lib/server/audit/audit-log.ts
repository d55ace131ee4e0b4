import type { Database } from '@/lib/server/db';
import type { Prisma, PrismaClient } from '@/lib/server/generated/prisma/client';
import { queryRows } from '@/lib/server/metrics/query';

/**
 * The audit log: an append-only record of who did what (sign-ins and their failures, imports, exports, user and
 * parameter changes, views of a named consultant's data). Rows are only ever inserted, never updated or deleted
 * by the app.
 */

/** The actions recorded so far; later features add theirs (e.g. "import.committed", "consultant.viewed"). */
export const AUDIT_ACTIONS = {
  signInSuccess: 'sign_in.success',
  signInFailure: 'sign_in.failure',
  signInLocked: 'sign_in.locked',
  signOut: 'sign_out',
  /** A table's CSV or XLSX download, made in the browser and recorded by POST /api/exports. */
  tableExported: 'table.exported',
} as const;

/** Why a sign-in was refused, as recorded in `details.reason`. */
export type SignInFailureReason =
  | 'bad_password'
  | 'locked'
  | 'unknown_email'
  | 'inactive_user'
  | 'no_password'
  | 'not_a_fulfil_user';

export interface AuditEventInput {
  organisationId: number;
  actorUserId?: number | null;
  actorTokenId?: number | null;
  /** A dotted verb, e.g. "sign_in.failure" (at most 64 characters). */
  action: string;
  entityType?: string | null;
  entityId?: string | number | null;
  /** What else a reader of the log needs; never secrets (passwords, tokens). */
  details?: Prisma.InputJsonValue | null;
  ipAddress?: string | null;
}

/** The Prisma client or an interactive transaction's client: an event can be written inside the change it records. */
export type AuditWriter = Pick<PrismaClient, 'auditEvent'> | Pick<Prisma.TransactionClient, 'auditEvent'>;

const MAX_LENGTH = 64;

/** Appends one event to the audit log. */
export async function recordAuditEvent(db: AuditWriter, event: AuditEventInput): Promise<void> {
  await db.auditEvent.create({
    data: {
      organisationId: event.organisationId,
      actorUserId: event.actorUserId ?? null,
      actorTokenId: event.actorTokenId ?? null,
      action: truncate(event.action),
      entityType: event.entityType ? truncate(event.entityType) : null,
      entityId:
        event.entityId === undefined || event.entityId === null ? null : truncate(String(event.entityId)),
      details: event.details ?? undefined,
      ipAddress: event.ipAddress ? truncate(event.ipAddress) : null,
    },
    select: { id: true },
  });
}

/**
 * The same, in plain SQL on the raw driver: for the import pipeline, which otherwise never starts Prisma's query
 * engine (it costs about 80 MB of memory in a command-line import).
 */
export async function recordAuditEventSql(database: Database, event: AuditEventInput): Promise<void> {
  await queryRows(
    database,
    `INSERT INTO audit_events (organisation_id, actor_user_id, actor_token_id, action, entity_type, entity_id,
                               details, ip_address)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8)`,
    [
      event.organisationId,
      event.actorUserId ?? null,
      event.actorTokenId ?? null,
      truncate(event.action),
      event.entityType ? truncate(event.entityType) : null,
      event.entityId === undefined || event.entityId === null ? null : truncate(String(event.entityId)),
      event.details === undefined || event.details === null ? null : JSON.stringify(event.details),
      event.ipAddress ? truncate(event.ipAddress) : null,
    ],
  );
}

/**
 * The client's address as the request reports it: the X-Forwarded-For chain (client first, then each proxy) or
 * X-Real-IP. Recorded as reported: only the proxies in front of the app make it trustworthy.
 */
export function getRequestIpAddress(
  headers: Headers | Record<string, string | string[] | undefined>,
): string | null {
  const read = (name: string): string | undefined => {
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const value = headers[name];
    return Array.isArray(value) ? value.join(', ') : value;
  };
  const address = read('x-forwarded-for') ?? read('x-real-ip');
  const trimmed = address?.trim();
  return trimmed ? truncate(trimmed) : null;
}

function truncate(value: string): string {
  return value.length > MAX_LENGTH ? value.slice(0, MAX_LENGTH) : value;
}
