import type { Caller } from '@/lib/server/api/caller';
import { recordAuditEvent } from '@/lib/server/audit/audit-log';
import { getDatabase, getPrisma } from '@/lib/server/db';
import { processLedgerRefreshRequests } from '@/lib/server/ledger/refresh-requests';
import { DEFAULT_PARAMETERS } from '@/lib/server/metrics/context';
import { DEFAULT_REVIEW_PARAMETERS } from '@/lib/server/reviews/parameters';
import {
  ADMIN_AUDIT_ACTIONS,
  PARAMETER_FIELDS,
  type ParameterField,
  type TrustParametersResponse,
  type UpdateTrustParametersRequest,
  type UpdateTrustParametersResponse,
} from '@/lib/shared/schemas/admin';
import { auditEntryFor } from './audit-events';

/**
 * The trust parameters an administrator sets (the metrics' and the review escalation rules'). All but one are read
 * at query time; the leave-notice threshold decides ledger outcomes (short or adequate notice), so changing it
 * rebuilds the whole ledger.
 */

const parameterSelect = {
  noticeThresholdDays: true,
  fulfilmentTarget: true,
  dnaIncludesLateNotSeen: true,
  benchmarkMinHeldSessions: true,
  overDeliveryThreshold: true,
  underDeliveryThreshold: true,
  sustainedMonths: true,
  jobPlanReviewMonths: true,
  reviewFulfilmentBelow: true,
  reviewTotalDeliveryAbove: true,
  reviewMonths: true,
  actionEscalationDays: true,
  updatedAt: true,
} as const;

interface ParameterRow {
  noticeThresholdDays: number;
  fulfilmentTarget: unknown;
  dnaIncludesLateNotSeen: boolean;
  benchmarkMinHeldSessions: number;
  overDeliveryThreshold: unknown;
  underDeliveryThreshold: unknown;
  sustainedMonths: number;
  jobPlanReviewMonths: number;
  reviewFulfilmentBelow: unknown;
  reviewTotalDeliveryAbove: unknown;
  reviewMonths: number;
  actionEscalationDays: number;
  updatedAt: Date;
}

/** The escalation rules' defaults (issue 7), while the trust has saved no parameters. */
const ESCALATION_DEFAULTS = {
  reviewFulfilmentBelow: DEFAULT_REVIEW_PARAMETERS.reviewFulfilmentBelow,
  reviewTotalDeliveryAbove: DEFAULT_REVIEW_PARAMETERS.reviewTotalDeliveryAbove,
  reviewMonths: DEFAULT_REVIEW_PARAMETERS.reviewMonths,
  actionEscalationDays: DEFAULT_REVIEW_PARAMETERS.actionEscalationDays,
};

/** Decimal columns as numbers (4 decimal places at most, so exact enough as doubles). */
function toResponse(row: ParameterRow | null): TrustParametersResponse {
  if (!row) return { ...DEFAULT_PARAMETERS, ...ESCALATION_DEFAULTS, updatedAt: null };
  return {
    noticeThresholdDays: row.noticeThresholdDays,
    fulfilmentTarget: Number(row.fulfilmentTarget),
    dnaIncludesLateNotSeen: row.dnaIncludesLateNotSeen,
    benchmarkMinHeldSessions: row.benchmarkMinHeldSessions,
    overDeliveryThreshold: Number(row.overDeliveryThreshold),
    underDeliveryThreshold: Number(row.underDeliveryThreshold),
    sustainedMonths: row.sustainedMonths,
    jobPlanReviewMonths: row.jobPlanReviewMonths,
    reviewFulfilmentBelow: Number(row.reviewFulfilmentBelow),
    reviewTotalDeliveryAbove: Number(row.reviewTotalDeliveryAbove),
    reviewMonths: row.reviewMonths,
    actionEscalationDays: row.actionEscalationDays,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The caller's organisation's parameters (the metric dictionary's defaults while none are saved). */
export async function getTrustParameters(caller: Caller): Promise<TrustParametersResponse> {
  const prisma = await getPrisma();
  const row = await prisma.trustParameters.findUnique({
    where: { organisationId: caller.organisationId },
    select: parameterSelect,
  });
  return toResponse(row);
}

const roundTo4 = (value: number) => Math.round(value * 10_000) / 10_000;

/**
 * Saves every parameter. Changed values are recorded as 'parameters.updated' with their values before and after,
 * in the same transaction. A changed notice threshold also files a full ledger refresh request in that
 * transaction and, once it has committed, rebuilds the ledger; if the rebuild fails the parameters stay saved and
 * the request stays pending for the next refresh (an import or `ledger:refresh`).
 */
export async function updateTrustParameters(
  caller: Caller,
  input: UpdateTrustParametersRequest,
): Promise<UpdateTrustParametersResponse> {
  const prisma = await getPrisma();
  const organisationId = caller.organisationId;
  const values = {
    ...input,
    fulfilmentTarget: roundTo4(input.fulfilmentTarget),
    overDeliveryThreshold: roundTo4(input.overDeliveryThreshold),
    underDeliveryThreshold: roundTo4(input.underDeliveryThreshold),
    reviewFulfilmentBelow: roundTo4(input.reviewFulfilmentBelow),
    reviewTotalDeliveryAbove: roundTo4(input.reviewTotalDeliveryAbove),
  };
  const { changed, row } = await prisma.$transaction(async (tx) => {
    const before = toResponse(
      await tx.trustParameters.findUnique({ where: { organisationId }, select: parameterSelect }),
    );
    const changed: ParameterField[] = PARAMETER_FIELDS.filter((field) => before[field] !== values[field]);
    if (changed.length === 0) {
      return {
        changed,
        row: await tx.trustParameters.findUnique({ where: { organisationId }, select: parameterSelect }),
      };
    }
    const row = await tx.trustParameters.upsert({
      where: { organisationId },
      create: { organisationId, ...values },
      update: values,
      select: parameterSelect,
    });
    await recordAuditEvent(tx, {
      ...auditEntryFor(caller),
      action: ADMIN_AUDIT_ACTIONS.parametersUpdated,
      entityType: 'trust_parameters',
      entityId: organisationId,
      details: {
        before: Object.fromEntries(changed.map((field) => [field, before[field]])),
        after: Object.fromEntries(changed.map((field) => [field, values[field]])),
      },
    });
    if (changed.includes('noticeThresholdDays')) {
      // Every consultant, every date: a crash before the rebuild below leaves this for the next refresh.
      await tx.ledgerRefreshRequest.create({ data: { organisationId, consultantIds: [] } });
    }
    return { changed, row };
  });

  let ledgerRebuild: UpdateTrustParametersResponse['ledgerRebuild'] = 'not-needed';
  if (changed.includes('noticeThresholdDays')) {
    try {
      await processLedgerRefreshRequests(await getDatabase(), organisationId);
      ledgerRebuild = 'done';
    } catch (error) {
      console.error('The ledger rebuild after a notice-threshold change failed; it stays pending', error);
      ledgerRebuild = 'failed';
    }
  }
  return { parameters: toResponse(row), changed, ledgerRebuild };
}
