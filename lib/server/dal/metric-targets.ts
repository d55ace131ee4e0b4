import type { Caller } from '@/lib/server/api/caller';
import { AppError } from '@/lib/server/api/errors';
import { recordAuditEvent } from '@/lib/server/audit/audit-log';
import { getPrisma } from '@/lib/server/db';
import {
  ADMIN_AUDIT_ACTIONS,
  type MetricTargetListResponse,
  type MetricTargetSummary,
  type SetMetricTargetRequest,
  TARGET_METRIC_IDS,
} from '@/lib/shared/schemas/admin';
import { auditEntryFor } from './audit-events';

/**
 * Metric targets an administrator sets for the trust (metric_targets): read by the metrics at query time (a
 * cases-per-session target replaces the specialty median as the benchmark, lib/server/metrics/benchmarks.ts), so a
 * change shows on the next page load. One target per metric, specialty and activity; setting one again replaces it.
 */

const targetSelect = {
  id: true,
  metricId: true,
  specialtyId: true,
  activityCategory: true,
  value: true,
  source: true,
  sourceUrl: true,
  createdAt: true,
} as const;

interface TargetRow {
  id: number;
  metricId: string;
  specialtyId: number | null;
  activityCategory: string | null;
  value: unknown;
  source: string;
  sourceUrl: string | null;
  createdAt: Date;
}

type SpecialtyRef = { id: number; code: string; name: string };

function toSummary(row: TargetRow, specialties: ReadonlyMap<number, SpecialtyRef>): MetricTargetSummary {
  return {
    id: row.id,
    metricId: row.metricId,
    specialty: row.specialtyId === null ? null : (specialties.get(row.specialtyId) ?? null),
    activityCategory: row.activityCategory as MetricTargetSummary['activityCategory'],
    value: Number(row.value),
    source: row.source,
    sourceUrl: row.sourceUrl,
    createdAt: row.createdAt.toISOString(),
  };
}

async function getSpecialties(organisationId: number): Promise<Map<number, SpecialtyRef>> {
  const prisma = await getPrisma();
  const rows = await prisma.specialty.findMany({
    where: { organisationId },
    select: { id: true, code: true, name: true },
    orderBy: { name: 'asc' },
  });
  return new Map(rows.map((row) => [row.id, row]));
}

/** The trust's targets (trust-wide first, then by specialty), with its specialties for the form. */
export async function listMetricTargets(caller: Caller): Promise<MetricTargetListResponse> {
  const prisma = await getPrisma();
  const specialties = await getSpecialties(caller.organisationId);
  const rows = await prisma.metricTarget.findMany({
    where: { organisationId: caller.organisationId, metricId: { in: [...TARGET_METRIC_IDS] } },
    select: targetSelect,
    orderBy: [{ metricId: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
  });
  const targets = rows.map((row) => toSummary(row, specialties));
  const order = (target: MetricTargetSummary) =>
    `${target.metricId} ${target.specialty ? `1 ${target.specialty.name}` : '0'} ${target.activityCategory ?? ''}`;
  targets.sort((a, b) => order(a).localeCompare(order(b)));
  return { targets, specialties: [...specialties.values()] };
}

/**
 * Sets the target for a metric, specialty (or every specialty) and activity (or both), replacing the one there
 * was; recorded as 'metric_target.set' with the value before and after. A specialty of another trust is a 404.
 */
export async function setMetricTarget(
  caller: Caller,
  input: SetMetricTargetRequest,
): Promise<MetricTargetSummary> {
  const prisma = await getPrisma();
  const organisationId = caller.organisationId;
  const specialties = await getSpecialties(organisationId);
  if (input.specialtyId !== null && !specialties.has(input.specialtyId)) {
    throw AppError.notFound(`No specialty ${input.specialtyId}.`);
  }
  const value = Math.round(input.value * 10_000) / 10_000;
  const row = await prisma.$transaction(async (tx) => {
    const where = {
      organisationId,
      metricId: input.metricId,
      specialtyId: input.specialtyId,
      activityCategory: input.activityCategory,
    };
    const before = await tx.metricTarget.findMany({ where, select: targetSelect });
    await tx.metricTarget.deleteMany({ where });
    const created = await tx.metricTarget.create({
      data: { ...where, value, source: input.source, sourceUrl: input.sourceUrl },
      select: targetSelect,
    });
    const summarise = (target: TargetRow) => ({
      value: Number(target.value),
      source: target.source,
      sourceUrl: target.sourceUrl,
    });
    await recordAuditEvent(tx, {
      ...auditEntryFor(caller),
      action: ADMIN_AUDIT_ACTIONS.metricTargetSet,
      entityType: 'metric_target',
      entityId: created.id,
      details: {
        metricId: input.metricId,
        specialty: input.specialtyId === null ? null : (specialties.get(input.specialtyId)?.code ?? null),
        activityCategory: input.activityCategory,
        before: before[0] ? summarise(before[0]) : null,
        after: summarise(created),
      },
    });
    return created;
  });
  return toSummary(row, specialties);
}

/** Removes a target (the metric falls back to the broader target or its default); 'metric_target.removed'. */
export async function removeMetricTarget(caller: Caller, targetId: number): Promise<void> {
  const prisma = await getPrisma();
  const organisationId = caller.organisationId;
  const specialties = await getSpecialties(organisationId);
  await prisma.$transaction(async (tx) => {
    const target = await tx.metricTarget.findUnique({
      where: { organisationId_id: { organisationId, id: targetId } },
      select: targetSelect,
    });
    if (!target) throw AppError.notFound(`No metric target ${targetId}.`);
    await tx.metricTarget.delete({ where: { organisationId_id: { organisationId, id: targetId } } });
    await recordAuditEvent(tx, {
      ...auditEntryFor(caller),
      action: ADMIN_AUDIT_ACTIONS.metricTargetRemoved,
      entityType: 'metric_target',
      entityId: targetId,
      details: {
        metricId: target.metricId,
        specialty: target.specialtyId === null ? null : (specialties.get(target.specialtyId)?.code ?? null),
        activityCategory: target.activityCategory,
        value: Number(target.value),
        source: target.source,
      },
    });
  });
}
