import type { Database } from '../db';
import { queryRows } from '../metrics/query';

/** The trust's escalation rules for reviews (trust parameters), with the defaults of the issue when none are set. */
export interface ReviewParameters {
  fulfilmentTarget: number;
  /** A consultant is "for review" when fulfilment (net) was below this … */
  reviewFulfilmentBelow: number;
  /** … or total delivery above this … */
  reviewTotalDeliveryAbove: number;
  /** … in each of this many consecutive complete months. */
  reviewMonths: number;
  /** An open action overdue by more than this many days escalates to the divisional director. */
  actionEscalationDays: number;
}

export const DEFAULT_REVIEW_PARAMETERS: ReviewParameters = {
  fulfilmentTarget: 0.95,
  reviewFulfilmentBelow: 0.8,
  reviewTotalDeliveryAbove: 1.1,
  reviewMonths: 3,
  actionEscalationDays: 28,
};

export async function getReviewParameters(
  database: Database,
  organisationId: number,
): Promise<ReviewParameters> {
  const [row] = await queryRows<ReviewParameters>(
    database,
    `SELECT fulfilment_target::float8 AS "fulfilmentTarget",
            review_fulfilment_below::float8 AS "reviewFulfilmentBelow",
            review_total_delivery_above::float8 AS "reviewTotalDeliveryAbove",
            review_months AS "reviewMonths", action_escalation_days AS "actionEscalationDays"
       FROM trust_parameters WHERE organisation_id = $1`,
    [organisationId],
  );
  return row ?? DEFAULT_REVIEW_PARAMETERS;
}
