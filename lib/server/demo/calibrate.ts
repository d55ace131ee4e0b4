import { expandOccurrences } from './activity';
import type { Day } from './dates';
import type { LeaveIndex } from './leave';
import { type ConsultantModel, categoryOf } from './model';
import { CATARACT_CASES, DELIVERY_RATES, type DeliveryRates, OPHTHALMOLOGY_TARGET_RATIO } from './patterns';

/**
 * Calibrates the ophthalmology improvement. Leave comes in two-week blocks, so in a department of a dozen
 * consultants the sessions left after leave differ by several per cent between two 8-month windows. Rather than
 * leave the headline 18% to that chance, the after-change delivery rate is set from the department's actual
 * leave-adjusted planned sessions so that the *expected* patients-per-week ratio is exactly the target; only the
 * session-by-session randomness (about ±1%) remains.
 */

/** Expected attended patients per held clinic per template slot (fill 0.95 × seen after DNA/late ≈ 0.918). */
const ATTENDED_PER_SLOT = 0.95 * 0.918;

export interface OphthalmologyCalibration {
  afterRates: DeliveryRates;
  /** Share of leave-free planned sessions delivered, before and after (clinics; lists before differ slightly). */
  deliveredShareBefore: number;
  deliveredShareAfter: number;
  /** True when the target needed more than 99% delivery and was capped (the ratio then falls short). */
  capped: boolean;
}

export function calibrateOphthalmology(
  department: readonly { consultant: ConsultantModel; leave: LeaveIndex }[],
  baseline: { from: Day; to: Day },
  after: { from: Day; to: Day },
  startDay: Day,
  endDay: Day,
): OphthalmologyCalibration {
  const before = DELIVERY_RATES.ophthalmologyBefore;
  const pClinicBefore = (1 - before.notScheduled) * (1 - before.clinicCancelled);
  const pListBefore = (1 - before.notScheduled) * (1 - before.listCancelled);
  let expectedBaseline = 0;
  let potentialAfter = 0;
  for (const { consultant: c, leave } of department) {
    for (const { day, line } of expandOccurrences(c.workedVersions, startDay, endDay, new Set())) {
      const inBaseline = day >= baseline.from && day <= baseline.to;
      const inAfter = day >= after.from && day <= after.to;
      if (!inBaseline && !inAfter) continue;
      if (leave.covering(day, line.period ?? 'AM')) continue;
      const isClinic = categoryOf(line.activityType) === 'clinic';
      const patients = (mean: number) =>
        (isClinic ? (line.expectedOutput ?? 10) * ATTENDED_PER_SLOT : mean) * c.productivity;
      if (inBaseline)
        expectedBaseline += patients(CATARACT_CASES.before) * (isClinic ? pClinicBefore : pListBefore);
      if (inAfter) potentialAfter += patients(CATARACT_CASES.after);
    }
  }
  const baselineDays = baseline.to - baseline.from + 1;
  const afterDays = after.to - after.from + 1;
  let delivered =
    potentialAfter > 0
      ? (OPHTHALMOLOGY_TARGET_RATIO * expectedBaseline * afterDays) / (baselineDays * potentialAfter)
      : 0.97;
  const capped = delivered > 0.99;
  delivered = Math.min(0.99, delivered);
  const loss = 1 - delivered;
  const notScheduled = round4(loss * 0.4);
  const cancelled = round4(1 - delivered / (1 - notScheduled));
  return {
    afterRates: {
      notScheduled,
      clinicCancelled: cancelled,
      listCancelled: cancelled,
      backfill: before.backfill,
    },
    deliveredShareBefore: round4(pClinicBefore),
    deliveredShareAfter: round4(delivered),
    capped,
  };
}

function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}
