import type { Day, Weekday } from './dates';
import type { SpecialtyDef } from './reference';
import type { ActivityType, LeavePeriod, LeaveType, PlanPeriod } from './types';

/** The generator's internal model. Rows for the CSVs are derived from it at the end. */

export type ActivityCategory = 'clinic' | 'list';

export interface PlanLine {
  activityType: ActivityType;
  specialtyCode: string;
  /** Null for annualised lines. */
  dayOfWeek: Weekday | null;
  period: PlanPeriod | null;
  /** Minutes after midnight. */
  startMinute: number | null;
  endMinute: number | null;
  cycleWeeks: number;
  cycleOffset: number;
  annualSessions: number | null;
  paValue: number;
  expectedOutput: number | null;
  expectedWeeks: number;
  /** Clinic code or theatre id. */
  linkedCode: string | null;
  /** AM and PM lines of one all-day theatre list share an id; the extract shows one list with period ALL. */
  allDayId: string | null;
}

export type PlanStatus = 'draft' | 'agreed';

export interface PlanVersion {
  jobPlanId: string;
  version: number;
  status: PlanStatus;
  agreedOn: Day | null;
  effectiveFrom: Day;
  /** Inclusive; null = open-ended. */
  effectiveTo: Day | null;
  lines: PlanLine[];
}

/** How the consultant's job plan appears in the job-plans extract (the activity is generated regardless). */
export type PlanCurrency = 'history' | 'stale' | 'expired' | 'draft_only' | 'none';

export interface ConsultantModel {
  index: number;
  gmcNumber: string;
  title: 'Dr' | 'Mr' | 'Ms' | 'Miss';
  firstName: string;
  lastName: string;
  email: string;
  specialty: SpecialtyDef;
  contractedPas: number;
  dccPas: number;
  spaPas: number;
  /** Relative productivity (cases/patients per session), around 1. */
  productivity: number;
  /** Weekly probability of an ad-hoc additional session (waiting-list initiative). */
  additionalRate: number;
  planCurrency: PlanCurrency;
  /** What the job-plans extract shows. */
  exportedVersions: PlanVersion[];
  /** What the consultant actually works to (the same lines; an expired plan's pattern carries on). */
  workedVersions: PlanVersion[];
  /** Description of the mid-period change, for `history` consultants. */
  planChange: string | null;
}

export interface LeaveRecord {
  start: Day;
  end: Day;
  startPeriod: LeavePeriod;
  endPeriod: LeavePeriod;
  type: LeaveType;
  requestedOn: Day | null;
  approvedOn: Day | null;
  /** Planted by the under-delivery pattern. */
  isPlantedShortNotice: boolean;
  /** Planted by the overlapping-leave data-quality fault. */
  isPlantedOverlap: boolean;
}

export function categoryOf(type: ActivityType): ActivityCategory | null {
  if (type === 'outpatient_clinic') return 'clinic';
  if (type === 'theatre_list' || type === 'endoscopy_list') return 'list';
  return null;
}

export function fullName(c: ConsultantModel): string {
  return `${c.title} ${c.firstName} ${c.lastName}`;
}
