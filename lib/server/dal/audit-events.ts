import type { Caller } from '@/lib/server/api/caller';
import { defuseFormula, toCsv } from '@/lib/server/api/csv';
import { AUDIT_ACTIONS, type AuditEventInput, recordAuditEvent } from '@/lib/server/audit/audit-log';
import { NAMED_VIEW_ACTION } from '@/lib/server/audit/named-views';
import { getPrisma } from '@/lib/server/db';
import type { Prisma } from '@/lib/server/generated/prisma/client';
import { REVIEW_AUDIT_ACTIONS } from '@/lib/server/reviews/actor';
import {
  ADMIN_AUDIT_ACTIONS,
  type AuditActor,
  type AuditEventFilter,
  type AuditEventListResponse,
  type AuditEventQuery,
  type AuditEventSummary,
  type AuditFilterOptions,
} from '@/lib/shared/schemas/admin';

/**
 * Reading the audit log (the admin page and its CSV export), and who to record as the actor of an admin change.
 * The log is append-only: nothing here updates or deletes a row.
 */

const LONDON = 'Europe/London';

/** The actor fields of an audit event for what `caller` does. */
export function auditEntryFor(
  caller: Caller,
): Pick<AuditEventInput, 'organisationId' | 'actorUserId' | 'actorTokenId' | 'ipAddress'> {
  return {
    organisationId: caller.organisationId,
    actorUserId: caller.userId ?? null,
    actorTokenId: caller.apiTokenId ?? null,
    ipAddress: caller.ipAddress ?? null,
  };
}

const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function partsOf(instant: Date): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string> {
  const parts = Object.fromEntries(londonParts.formatToParts(instant).map((part) => [part.type, part.value]));
  return parts as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string>;
}

/** Minutes London is ahead of UTC at an instant (0 in winter, 60 in summer). */
function londonOffsetMinutes(instant: Date): number {
  const p = partsOf(instant);
  const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** The instant a calendar day starts in London (clocks change at 01:00 UTC, never at London midnight). */
export function startOfLondonDay(date: string): Date {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  return new Date(utcMidnight - londonOffsetMinutes(new Date(utcMidnight)) * 60_000);
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** dd/mm/yyyy HH:mm:ss in Europe/London, as a spreadsheet shows it. */
function formatLondonTime(instant: Date): string {
  const p = partsOf(instant);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}:${p.second}`;
}

/** The filters as a WHERE clause: always the caller's organisation; dates are whole London days, inclusive. */
function whereOf(caller: Caller, filter: AuditEventFilter): Prisma.AuditEventWhereInput {
  return {
    organisationId: caller.organisationId,
    ...(filter.from || filter.to
      ? {
          occurredAt: {
            ...(filter.from ? { gte: startOfLondonDay(filter.from) } : {}),
            ...(filter.to ? { lt: startOfLondonDay(nextDay(filter.to)) } : {}),
          },
        }
      : {}),
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.actorUserId ? { actorUserId: filter.actorUserId } : {}),
    ...(filter.entityType ? { entityType: filter.entityType } : {}),
  };
}

const eventSelect = {
  id: true,
  occurredAt: true,
  actorUserId: true,
  actorTokenId: true,
  action: true,
  entityType: true,
  entityId: true,
  details: true,
  ipAddress: true,
} as const;

type EventRow = Prisma.AuditEventGetPayload<{ select: typeof eventSelect }>;

/** The events with their actors' names (users and tokens of the same organisation only). */
async function withActors(caller: Caller, rows: readonly EventRow[]): Promise<AuditEventSummary[]> {
  const prisma = await getPrisma();
  const userIds = [...new Set(rows.flatMap((row) => (row.actorUserId === null ? [] : [row.actorUserId])))];
  const tokenIds = [...new Set(rows.flatMap((row) => (row.actorTokenId === null ? [] : [row.actorTokenId])))];
  const [users, tokens] = await Promise.all([
    userIds.length === 0
      ? []
      : prisma.user.findMany({
          where: { organisationId: caller.organisationId, id: { in: userIds } },
          select: { id: true, name: true, email: true },
        }),
    tokenIds.length === 0
      ? []
      : prisma.apiToken.findMany({
          where: { organisationId: caller.organisationId, id: { in: tokenIds } },
          select: { id: true, name: true },
        }),
  ]);
  const userById = new Map(users.map((user) => [user.id, user]));
  const tokenById = new Map(tokens.map((token) => [token.id, token]));
  return rows.map((row) => {
    let actor: AuditActor = { kind: 'none' };
    if (row.actorUserId !== null) {
      const user = userById.get(row.actorUserId);
      actor = { kind: 'user', id: row.actorUserId, name: user?.name ?? null, email: user?.email ?? null };
    } else if (row.actorTokenId !== null) {
      actor = { kind: 'token', id: row.actorTokenId, name: tokenById.get(row.actorTokenId)?.name ?? null };
    }
    return {
      id: row.id.toString(),
      occurredAt: row.occurredAt.toISOString(),
      action: row.action,
      actor,
      entityType: row.entityType,
      entityId: row.entityId,
      details: row.details ?? null,
      ipAddress: row.ipAddress,
    };
  });
}

/** One page of the organisation's audit log, newest first, with the number of events the filters match. */
export async function listAuditEvents(
  caller: Caller,
  query: AuditEventQuery,
): Promise<AuditEventListResponse> {
  const prisma = await getPrisma();
  const where = whereOf(caller, query);
  const [total, rows] = await Promise.all([
    prisma.auditEvent.count({ where }),
    prisma.auditEvent.findMany({
      where,
      select: eventSelect,
      orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
  ]);
  return { events: await withActors(caller, rows), page: query.page, pageSize: query.pageSize, total };
}

/** Actions every trust's log can hold, offered as filters even before the first of each happens. */
const KNOWN_ACTIONS: readonly string[] = [
  ...Object.values(AUDIT_ACTIONS),
  ...Object.values(ADMIN_AUDIT_ACTIONS),
  ...Object.values(REVIEW_AUDIT_ACTIONS),
  NAMED_VIEW_ACTION,
];

/** The filters' choices: actions and entity types in the log (and the known actions), and the trust's users. */
export async function getAuditFilterOptions(caller: Caller): Promise<AuditFilterOptions> {
  const prisma = await getPrisma();
  const organisationId = caller.organisationId;
  const [actions, entityTypes, users] = await Promise.all([
    prisma.auditEvent.groupBy({ by: ['action'], where: { organisationId } }),
    prisma.auditEvent.groupBy({ by: ['entityType'], where: { organisationId, entityType: { not: null } } }),
    prisma.user.findMany({
      where: { organisationId },
      select: { id: true, name: true, email: true },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
    }),
  ]);
  const sorted = (values: Iterable<string>) => [...new Set(values)].sort();
  return {
    actions: sorted([...KNOWN_ACTIONS, ...actions.map((row) => row.action)]),
    entityTypes: sorted(entityTypes.flatMap((row) => (row.entityType === null ? [] : [row.entityType]))),
    users,
  };
}

const CSV_HEADER = [
  'id',
  'occurred_at_london',
  'occurred_at_utc',
  'action',
  'actor_type',
  'actor_id',
  'actor_name',
  'actor_email',
  'entity_type',
  'entity_id',
  'details',
  'ip_address',
];

/** One event as a CSV row: every cell defused, so that no cell runs as a spreadsheet formula. */
function toCsvRow(event: AuditEventSummary): string[] {
  const actor = event.actor;
  return [
    event.id,
    formatLondonTime(new Date(event.occurredAt)),
    event.occurredAt,
    event.action,
    actor.kind === 'none' ? '' : actor.kind,
    actor.kind === 'none' ? '' : String(actor.id),
    actor.kind === 'none' ? '' : (actor.name ?? ''),
    actor.kind === 'user' ? (actor.email ?? '') : '',
    event.entityType ?? '',
    event.entityId ?? '',
    event.details === null || event.details === undefined ? '' : JSON.stringify(event.details),
    event.ipAddress ?? '',
  ].map(defuseFormula);
}

const EXPORT_BATCH = 1000;

/**
 * The events the filters match, newest first, as a CSV stream (read in batches, so a long log is never held in
 * memory). The export is itself recorded ('audit.exported', with the filters and row count) once the first batch
 * has been read, so it is not part of its own file.
 */
export async function exportAuditEvents(
  caller: Caller,
  filter: AuditEventFilter,
): Promise<{ stream: ReadableStream<Uint8Array>; rowCount: number }> {
  const prisma = await getPrisma();
  const where = whereOf(caller, filter);
  const readAfter = (last: EventRow | null) =>
    prisma.auditEvent.findMany({
      where: last
        ? {
            AND: [
              where,
              {
                OR: [
                  { occurredAt: { lt: last.occurredAt } },
                  { occurredAt: last.occurredAt, id: { lt: last.id } },
                ],
              },
            ],
          }
        : where,
      select: eventSelect,
      orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
      take: EXPORT_BATCH,
    });

  const rowCount = await prisma.auditEvent.count({ where });
  let batch = await readAfter(null);
  await recordAuditEvent(prisma, {
    ...auditEntryFor(caller),
    action: ADMIN_AUDIT_ACTIONS.auditExported,
    entityType: 'audit_log',
    details: { filters: { ...filter }, rowCount },
  });

  const encoder = new TextEncoder();
  let isHeaderSent = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!isHeaderSent) {
        isHeaderSent = true;
        controller.enqueue(encoder.encode(`\uFEFF${toCsv([CSV_HEADER])}`));
        return;
      }
      if (batch.length === 0) {
        controller.close();
        return;
      }
      const events = await withActors(caller, batch);
      controller.enqueue(encoder.encode(toCsv(events.map(toCsvRow))));
      batch = batch.length < EXPORT_BATCH ? [] : await readAfter(batch.at(-1) ?? null);
    },
  });
  return { stream, rowCount };
}
