/**
 * Row types of the five demo extracts. Property names are the CSV column names; `null` is written as an empty
 * field. Each `*_COLUMNS` list fixes the column order of its file.
 */

export type ActivityType =
  | 'outpatient_clinic'
  | 'theatre_list'
  | 'endoscopy_list'
  | 'ward_round'
  | 'mdt'
  | 'spa'
  | 'on_call'
  | 'admin'
  | 'other';

export type PlanPeriod = 'AM' | 'PM' | 'EVE';
export type ListPeriod = PlanPeriod | 'ALL';
export type LeavePeriod = 'FULL' | 'AM' | 'PM';
export type LeaveType = 'annual' | 'study' | 'professional' | 'sick' | 'parental' | 'compassionate' | 'other';
export type YesNo = 'Y' | 'N';

export interface ConsultantRow {
  gmc_number: string;
  name: string;
  specialty_code: string;
  specialty_name: string;
  division_code: string;
  division_name: string;
  contracted_pas: number;
  dcc_pas: number;
  spa_pas: number;
  email: string;
}

export interface JobPlanRow {
  gmc_number: string;
  job_plan_id: string;
  version: number;
  status: 'draft' | 'agreed';
  agreed_on: string | null;
  effective_from: string;
  effective_to: string | null;
  activity_type: ActivityType;
  specialty_code: string;
  day_of_week: string | null;
  period: PlanPeriod | null;
  start_time: string | null;
  end_time: string | null;
  cycle_weeks: number;
  cycle_offset: number;
  annual_sessions: number | null;
  pa_value: number;
  expected_output: number | null;
  expected_weeks: number;
  linked_codes: string;
}

export interface ClinicSessionRow {
  session_id: string;
  clinic_code: string;
  session_date: string;
  period: PlanPeriod;
  planned_start: string;
  planned_end: string;
  gmc_number: string;
  specialty_code: string;
  status: 'held' | 'cancelled';
  cancel_reason: string | null;
  cancelled_on: string | null;
  slots_new: number;
  slots_fu: number;
  booked: number;
  attended: number;
  dna: number;
  late_not_seen: number;
  patient_cancelled: number;
  hospital_cancelled: number;
  first_attendances: number;
  follow_up_attendances: number;
  additional: YesNo;
}

export interface TheatreListRow {
  list_id: string;
  theatre_code: string;
  list_date: string;
  period: ListPeriod;
  planned_start: string;
  planned_end: string;
  gmc_number: string;
  specialty_code: string;
  list_type: 'theatre' | 'endoscopy';
  status: 'held' | 'cancelled';
  cancel_reason: string | null;
  cancelled_on: string | null;
  actual_start: string | null;
  actual_end: string | null;
  cases_booked: number;
  cases_done: number;
  touch_minutes: number | null;
  additional: YesNo;
}

export interface LeaveRow {
  gmc_number: string;
  start_date: string;
  end_date: string;
  start_period: LeavePeriod;
  end_period: LeavePeriod;
  leave_type: LeaveType;
  requested_on: string | null;
  approved_on: string | null;
}

export const CONSULTANT_COLUMNS = [
  'gmc_number',
  'name',
  'specialty_code',
  'specialty_name',
  'division_code',
  'division_name',
  'contracted_pas',
  'dcc_pas',
  'spa_pas',
  'email',
] as const satisfies readonly (keyof ConsultantRow)[];

export const JOB_PLAN_COLUMNS = [
  'gmc_number',
  'job_plan_id',
  'version',
  'status',
  'agreed_on',
  'effective_from',
  'effective_to',
  'activity_type',
  'specialty_code',
  'day_of_week',
  'period',
  'start_time',
  'end_time',
  'cycle_weeks',
  'cycle_offset',
  'annual_sessions',
  'pa_value',
  'expected_output',
  'expected_weeks',
  'linked_codes',
] as const satisfies readonly (keyof JobPlanRow)[];

export const CLINIC_SESSION_COLUMNS = [
  'session_id',
  'clinic_code',
  'session_date',
  'period',
  'planned_start',
  'planned_end',
  'gmc_number',
  'specialty_code',
  'status',
  'cancel_reason',
  'cancelled_on',
  'slots_new',
  'slots_fu',
  'booked',
  'attended',
  'dna',
  'late_not_seen',
  'patient_cancelled',
  'hospital_cancelled',
  'first_attendances',
  'follow_up_attendances',
  'additional',
] as const satisfies readonly (keyof ClinicSessionRow)[];

export const THEATRE_LIST_COLUMNS = [
  'list_id',
  'theatre_code',
  'list_date',
  'period',
  'planned_start',
  'planned_end',
  'gmc_number',
  'specialty_code',
  'list_type',
  'status',
  'cancel_reason',
  'cancelled_on',
  'actual_start',
  'actual_end',
  'cases_booked',
  'cases_done',
  'touch_minutes',
  'additional',
] as const satisfies readonly (keyof TheatreListRow)[];

export const LEAVE_COLUMNS = [
  'gmc_number',
  'start_date',
  'end_date',
  'start_period',
  'end_period',
  'leave_type',
  'requested_on',
  'approved_on',
] as const satisfies readonly (keyof LeaveRow)[];
