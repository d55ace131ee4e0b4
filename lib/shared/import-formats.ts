/**
 * The import formats: each kind of extract, its canonical columns, their types, the aliases recognised
 * automatically, and the rules a file must follow. One definition serves the import pipeline (validation), the
 * formats page and the downloadable templates.
 */

export type FieldType =
  | { kind: 'date' }
  | { kind: 'time' }
  | { kind: 'count'; max?: number }
  | { kind: 'decimal'; max?: number }
  | { kind: 'gmc' }
  | { kind: 'yesno' }
  | { kind: 'oneOf'; values: readonly string[] }
  | { kind: 'text'; maxLength: number }
  | { kind: 'code'; maxLength: number };

export interface ColumnFormat {
  name: string;
  type: FieldType;
  /** Must have a value in every row. (Conditional rules are listed in the format's `rules`.) */
  isRequired: boolean;
  description: string;
  example: string;
  /** Other headers that mean this column, matched ignoring case, spaces and punctuation. */
  aliases: readonly string[];
}

export type ImportKindSlug =
  | 'consultants'
  | 'job-plans'
  | 'clinic-sessions'
  | 'clinic-appointments'
  | 'theatre-lists'
  | 'leave';

export interface ImportFormat {
  slug: ImportKindSlug;
  /** The `import_kind` database value. */
  kind: 'consultants' | 'job_plans' | 'clinic_sessions' | 'clinic_appointments' | 'theatre_lists' | 'leave';
  label: string;
  description: string;
  columns: readonly ColumnFormat[];
  /** The natural key: rows with the same values are the same record (upserted on re-import). */
  naturalKey: readonly string[];
  /** The date column that defines the period an extract covers (rows in it missing from the file are removed). */
  periodColumn?: string;
  rules: readonly string[];
}

const DATE = { kind: 'date' } as const;
const TIME = { kind: 'time' } as const;
const COUNT = { kind: 'count' } as const;
const GMC = { kind: 'gmc' } as const;
const YES_NO = { kind: 'yesno' } as const;
const count = (max: number) => ({ kind: 'count', max }) as const;
const decimal = (max: number) => ({ kind: 'decimal', max }) as const;
const code = (maxLength: number) => ({ kind: 'code', maxLength }) as const;
const text = (maxLength: number) => ({ kind: 'text', maxLength }) as const;
const oneOf = (...values: string[]) => ({ kind: 'oneOf', values }) as const;

export const SESSION_PERIODS = ['AM', 'PM', 'EVE'] as const;
export const LIST_PERIODS = ['AM', 'PM', 'EVE', 'ALL'] as const;
export const LEAVE_PERIODS = ['FULL', 'AM', 'PM'] as const;
export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
export const ACTIVITY_TYPES = [
  'outpatient_clinic',
  'theatre_list',
  'endoscopy_list',
  'ward_round',
  'mdt',
  'spa',
  'on_call',
  'admin',
  'other',
] as const;
export const LEAVE_TYPES = [
  'annual',
  'study',
  'professional',
  'sick',
  'parental',
  'compassionate',
  'other',
] as const;

function column(
  name: string,
  type: FieldType,
  isRequired: boolean,
  description: string,
  example: string,
  aliases: readonly string[] = [],
): ColumnFormat {
  return { name, type, isRequired, description, example, aliases };
}

const gmcNumber = column('gmc_number', GMC, true, 'The consultant’s 7-digit GMC number.', '4123456', [
  'GMC',
  'GMC Number',
  'GMC No',
  'GMC Code',
  'GMC Ref',
  'Consultant GMC',
  'Consultant GMC Code',
  'Lead Surgeon GMC',
  'Surgeon GMC',
]);
const specialtyCode = (description: string) =>
  column('specialty_code', code(10), true, description, '130', [
    'Treatment Function Code',
    'Treatment Function',
    'TFC',
    'Specialty',
    'Specialty Code',
    'Main Specialty Code',
  ]);

const COMMON_DATE_RULE = 'Dates are YYYY-MM-DD or dd/mm/yyyy (never US order, always a four-digit year).';
const COMMON_TIME_RULE = 'Times are 24-hour HH:MM.';
const COMMON_BOOL_RULE = 'Y/N columns take Y or N.';

export const IMPORT_FORMATS: Record<ImportKindSlug, ImportFormat> = {
  consultants: {
    slug: 'consultants',
    kind: 'consultants',
    label: 'Consultants',
    description: 'One row per consultant, with their primary specialty, division and programmed activities.',
    naturalKey: ['gmc_number'],
    columns: [
      gmcNumber,
      column('name', text(200), true, 'Full name as it should appear to colleagues.', 'Dr Asha Patel', [
        'Consultant',
        'Consultant Name',
        'Full Name',
      ]),
      specialtyCode('Primary specialty: NHS treatment function code.'),
      column('specialty_name', text(200), true, 'Name of the primary specialty.', 'Ophthalmology', [
        'Treatment Function Name',
        'Specialty Description',
      ]),
      column('division_code', code(20), true, 'The division’s code in the trust.', 'SURG', [
        'Division',
        'Directorate Code',
      ]),
      column('division_name', text(200), true, 'The division’s name.', 'Surgery', [
        'Directorate',
        'Directorate Name',
      ]),
      column('contracted_pas', decimal(99.99), false, 'Contracted programmed activities per week.', '10', [
        'PAs',
        'Total PAs',
      ]),
      column('dcc_pas', decimal(99.99), false, 'Direct clinical care PAs per week.', '7.5', [
        'DCC',
        'DCC PAs',
      ]),
      column('spa_pas', decimal(99.99), false, 'Supporting professional activity PAs per week.', '2.5', [
        'SPA',
        'SPA PAs',
      ]),
      column(
        'email',
        text(254),
        false,
        'Work e-mail address (used to match sign-ins).',
        'asha.patel@nhs.net',
        ['E-mail', 'Email Address'],
      ),
    ],
    rules: [
      'GMC numbers are unique within the file.',
      'Each specialty code has one name and one division in the file; each division code has one name.',
      'Consultants missing from a later file are kept (a consultants file is not a complete list).',
    ],
  },
  'job-plans': {
    slug: 'job-plans',
    kind: 'job_plans',
    label: 'Job plans',
    description:
      'One row per activity line of a job plan version. Lines with a fixed slot give day_of_week and period; annualised lines give annual_sessions instead.',
    naturalKey: ['job_plan_id', 'version', 'line'],
    columns: [
      gmcNumber,
      column('job_plan_id', code(64), true, 'The job planning system’s id for the plan.', 'JP-2041', [
        'Job Plan ID',
        'Plan ID',
      ]),
      column('version', COUNT, true, 'Version number of the plan.', '3', [
        'Job Plan Version',
        'Plan Version',
      ]),
      column('status', oneOf('draft', 'agreed'), true, 'Sign-off status of this version.', 'agreed', [
        'Plan Status',
      ]),
      column('agreed_on', DATE, false, 'Date the version was agreed (signed off).', '2026-04-01', [
        'Agreed Date',
        'Sign Off Date',
      ]),
      column('effective_from', DATE, true, 'First day the version applies.', '2026-04-01', [
        'Start Date',
        'Valid From',
      ]),
      column('effective_to', DATE, false, 'Last day the version applies (empty: open-ended).', '', [
        'End Date',
        'Valid To',
      ]),
      column('activity_type', oneOf(...ACTIVITY_TYPES), true, 'What the line is.', 'outpatient_clinic', [
        'Activity',
        'Activity Type',
      ]),
      specialtyCode('Specialty of the activity: NHS treatment function code.'),
      column('day_of_week', oneOf(...WEEKDAYS), false, 'Day of a fixed slot (Mon … Sun).', 'Tue', [
        'Day',
        'Weekday',
      ]),
      column('period', oneOf(...SESSION_PERIODS), false, 'Session of a fixed slot (AM, PM, EVE).', 'AM', [
        'Session',
        'AM/PM',
      ]),
      column('start_time', TIME, false, 'Start of the slot.', '09:00', ['Start', 'Start Time']),
      column('end_time', TIME, false, 'End of the slot.', '13:00', ['End', 'End Time']),
      column(
        'cycle_weeks',
        count(52),
        false,
        'The slot repeats every this many weeks (1 = weekly; default 1).',
        '2',
        ['Frequency Weeks', 'Cycle'],
      ),
      column(
        'cycle_offset',
        count(51),
        false,
        'Which week of the cycle (0 … cycle_weeks−1; default 0).',
        '1',
        ['Week of Cycle', 'Offset'],
      ),
      column(
        'annual_sessions',
        decimal(9999),
        false,
        'For annualised lines: sessions per year, no fixed slot.',
        '',
        ['Annualised Sessions', 'Sessions Per Year'],
      ),
      column('pa_value', decimal(99.999), true, 'Programmed activities of the line per week.', '1', [
        'PA',
        'PAs',
        'PA Value',
      ]),
      column('expected_output', decimal(9999), false, 'Expected patients or cases per session.', '12', [
        'Expected Patients',
        'Expected Cases',
        'Output',
      ]),
      column(
        'expected_weeks',
        decimal(53),
        false,
        'Weeks a year the activity runs (default 42; 52 for on-call).',
        '42',
        ['Weeks Per Year'],
      ),
      column(
        'linked_codes',
        text(2000),
        false,
        'Clinic codes or theatre ids the line runs in, separated by ;',
        'OPHC01;OPHC02',
        ['Clinic Codes', 'Theatre Codes'],
      ),
    ],
    rules: [
      COMMON_DATE_RULE,
      COMMON_TIME_RULE,
      'A line has either a fixed slot (day_of_week and period) or annual_sessions, not both and not neither.',
      'cycle_offset is less than cycle_weeks; effective_to is not before effective_from; end_time is after start_time.',
      'Every line of one job_plan_id + version has the same consultant, status and dates.',
      'Lines are numbered in file order within each plan version; re-importing a version replaces its lines.',
    ],
  },
  'clinic-sessions': {
    slug: 'clinic-sessions',
    kind: 'clinic_sessions',
    label: 'Clinic sessions',
    description: 'One row per outpatient clinic session from the PAS.',
    naturalKey: ['session_id'],
    periodColumn: 'session_date',
    columns: [
      column('session_id', code(64), true, 'The PAS id of the session.', 'CS000123', [
        'Session ID',
        'Clinic Session ID',
      ]),
      column('clinic_code', code(32), true, 'The clinic (template) code.', 'OPHC01', [
        'Clinic',
        'Clinic Code',
      ]),
      column('session_date', DATE, true, 'Date of the session.', '2026-05-12', [
        'Date',
        'Clinic Date',
        'Session Date',
      ]),
      column('period', oneOf(...SESSION_PERIODS), true, 'AM, PM or EVE.', 'AM', ['Session', 'AM/PM']),
      column('planned_start', TIME, false, 'Planned start time.', '09:00', ['Start Time']),
      column('planned_end', TIME, false, 'Planned end time.', '13:00', ['End Time']),
      { ...gmcNumber, description: 'GMC number of the responsible consultant.' },
      specialtyCode('Treatment function code of the clinic.'),
      column(
        'status',
        oneOf('held', 'cancelled'),
        true,
        'Whether the session was held or cancelled.',
        'held',
        ['Session Status'],
      ),
      column('cancel_reason', text(200), false, 'Why it was cancelled (required when cancelled).', '', [
        'Cancellation Reason',
      ]),
      column('cancelled_on', DATE, false, 'When it was cancelled.', '', [
        'Cancellation Date',
        'Cancelled Date',
      ]),
      column('slots_new', COUNT, true, 'Template slots for new patients.', '4', ['New Slots']),
      column('slots_fu', COUNT, true, 'Template slots for follow-up patients.', '8', [
        'Follow Up Slots',
        'FU Slots',
      ]),
      column('booked', COUNT, true, 'Appointments booked.', '12', ['Booked', 'Appointments Booked']),
      column('attended', COUNT, true, 'Attended and seen (attendance codes 5 and 6).', '11', [
        'Attended',
        'Seen',
      ]),
      column('dna', COUNT, true, 'Did not attend (code 3).', '1', ['DNA', 'DNAs']),
      column('late_not_seen', COUNT, true, 'Arrived late, could not be seen (code 7).', '0', [
        'Late Not Seen',
      ]),
      column('patient_cancelled', COUNT, true, 'Cancelled by the patient (code 2).', '0', [
        'Patient Cancellations',
      ]),
      column('hospital_cancelled', COUNT, true, 'Cancelled by the hospital (code 4).', '0', [
        'Hospital Cancellations',
      ]),
      column('first_attendances', COUNT, true, 'First attendances among those attended.', '4', [
        'New Attendances',
        'First Attendances',
      ]),
      column('follow_up_attendances', COUNT, true, 'Follow-up attendances among those attended.', '7', [
        'Follow Up Attendances',
      ]),
      column(
        'additional',
        YES_NO,
        true,
        'Y if the session is additional to the job plan (e.g. a waiting-list initiative).',
        'N',
        ['Additional', 'WLI'],
      ),
    ],
    rules: [
      COMMON_DATE_RULE,
      COMMON_TIME_RULE,
      COMMON_BOOL_RULE,
      'session_id is unique within the file.',
      'A cancelled session has a cancel_reason.',
      'first_attendances + follow_up_attendances = attended.',
      'The file covers the dates from its earliest to its latest session_date: sessions in that period that the file no longer contains are removed.',
      'Warnings (the file is still imported): attended more than booked; a held session with no attendances; a GMC number not in the consultant list.',
    ],
  },
  'clinic-appointments': {
    slug: 'clinic-appointments',
    kind: 'clinic_appointments',
    label: 'Clinic appointments',
    description:
      'One row per outpatient appointment, for a PAS that reports appointments rather than sessions. Appointments are added up into one clinic session per clinic, date, period and consultant.',
    naturalKey: ['appointment_id'],
    periodColumn: 'session_date',
    columns: [
      column('appointment_id', code(64), true, 'The PAS id of the appointment.', 'AP0012345', [
        'Appointment ID',
        'Attendance ID',
      ]),
      column('clinic_code', code(32), true, 'The clinic (template) code.', 'OPHC01', [
        'Clinic',
        'Clinic Code',
      ]),
      column('session_date', DATE, true, 'Date of the clinic.', '2026-05-12', [
        'Date',
        'Appointment Date',
        'Clinic Date',
      ]),
      column('period', oneOf(...SESSION_PERIODS), true, 'AM, PM or EVE.', 'AM', ['Session', 'AM/PM']),
      { ...gmcNumber, description: 'GMC number of the responsible consultant.' },
      specialtyCode('Treatment function code of the clinic.'),
      column(
        'attendance_code',
        oneOf('2', '3', '4', '5', '6', '7'),
        true,
        'NHS attendance status: 2 patient cancelled, 3 did not attend, 4 hospital cancelled, 5 seen, 6 seen after arriving late, 7 arrived late and not seen.',
        '5',
        ['Attendance Status', 'Attended or DNA', 'Outcome Code'],
      ),
      column(
        'first_attendance',
        oneOf('1', '2', '3', '4', '5'),
        false,
        'NHS first attendance: 1 first face to face, 2 follow-up face to face, 3 first remote, 4 follow-up remote, 5 administrative.',
        '1',
        ['First Attendance', 'New or Follow Up'],
      ),
    ],
    rules: [
      COMMON_DATE_RULE,
      'appointment_id is unique within the file.',
      'Sessions are made from appointments: booked = all appointments; attended = codes 5 and 6; DNA = 3; late not seen = 7; patient cancelled = 2; hospital cancelled = 4; first and follow-up attendances from first_attendance (1 or 3, 2 or 4).',
      'A session whose appointments were all cancelled by the hospital is recorded as cancelled ("All appointments cancelled by the hospital"); template slots are not known from appointments.',
      'The file covers the dates from its earliest to its latest session_date: appointments in that period that the file no longer contains are removed, and the sessions made from them are recalculated.',
      'Use either clinic sessions or clinic appointments for a clinic, not both: sessions made from appointments have their own ids.',
      'Warnings: a GMC number not in the consultant list.',
    ],
  },
  'theatre-lists': {
    slug: 'theatre-lists',
    kind: 'theatre_lists',
    label: 'Theatre and endoscopy lists',
    description: 'One row per theatre or endoscopy list from the theatre system.',
    naturalKey: ['list_id'],
    periodColumn: 'list_date',
    columns: [
      column('list_id', code(64), true, 'The theatre system’s id of the list.', 'TL004512', [
        'List ID',
        'Session ID',
      ]),
      column('theatre_code', code(32), true, 'Theatre or endoscopy room.', 'TH03', [
        'Theatre',
        'Theatre ID',
        'Room',
      ]),
      column('list_date', DATE, true, 'Date of the list.', '2026-05-12', [
        'Date',
        'List Date',
        'Session Date',
      ]),
      column('period', oneOf(...LIST_PERIODS), true, 'AM, PM, EVE, or ALL for an all-day list.', 'AM', [
        'Session',
        'AM/PM',
      ]),
      column('planned_start', TIME, true, 'Planned start time.', '08:30', ['Scheduled Start']),
      column('planned_end', TIME, true, 'Planned end time.', '12:30', ['Scheduled End']),
      { ...gmcNumber, description: 'GMC number of the lead surgeon or endoscopist.' },
      specialtyCode('Treatment function code of the list.'),
      column('list_type', oneOf('theatre', 'endoscopy'), true, 'theatre or endoscopy.', 'theatre', [
        'Type',
        'List Type',
      ]),
      column('status', oneOf('held', 'cancelled'), true, 'Whether the list was held or cancelled.', 'held', [
        'List Status',
      ]),
      column('cancel_reason', text(200), false, 'Why it was cancelled (required when cancelled).', '', [
        'Cancellation Reason',
      ]),
      column('cancelled_on', DATE, false, 'When it was cancelled.', '', ['Cancellation Date']),
      column(
        'actual_start',
        TIME,
        false,
        'When the list actually started (first patient into the anaesthetic room).',
        '08:47',
        ['Actual Start'],
      ),
      column('actual_end', TIME, false, 'When the list actually finished.', '12:10', ['Actual End']),
      column('cases_booked', COUNT, true, 'Cases booked on the list.', '5', ['Booked Cases']),
      column('cases_done', COUNT, true, 'Cases done.', '5', ['Cases', 'Completed Cases']),
      column('touch_minutes', COUNT, false, 'Sum of knife-to-skin (or scope) minutes.', '190', [
        'Touch Time',
        'Utilised Minutes',
      ]),
      column('additional', YES_NO, true, 'Y if the list is additional to the job plan.', 'N', [
        'Additional',
        'WLI',
      ]),
    ],
    rules: [
      COMMON_DATE_RULE,
      COMMON_TIME_RULE,
      COMMON_BOOL_RULE,
      'list_id is unique within the file.',
      'A cancelled list has a cancel_reason; planned_end is after planned_start; actual_end is after actual_start.',
      'The file covers the dates from its earliest to its latest list_date: lists in that period that the file no longer contains are removed.',
      'Warnings: cases done more than booked; a held list with no cases; a held list with no actual times; a GMC number not in the consultant list.',
    ],
  },
  leave: {
    slug: 'leave',
    kind: 'leave',
    label: 'Leave',
    description:
      'One row per period of leave or absence, with when it was requested (to compute notice given).',
    naturalKey: ['gmc_number', 'start_date', 'end_date', 'start_period', 'end_period', 'leave_type'],
    periodColumn: 'start_date',
    columns: [
      gmcNumber,
      column('start_date', DATE, true, 'First day of leave.', '2026-07-20', ['Start', 'From', 'Leave Start']),
      column('end_date', DATE, true, 'Last day of leave.', '2026-07-31', ['End', 'To', 'Leave End']),
      column(
        'start_period',
        oneOf(...LEAVE_PERIODS),
        false,
        'FULL, AM or PM on the first day (default FULL).',
        'FULL',
        ['Start Session'],
      ),
      column(
        'end_period',
        oneOf(...LEAVE_PERIODS),
        false,
        'FULL, AM or PM on the last day (default FULL).',
        'FULL',
        ['End Session'],
      ),
      column('leave_type', oneOf(...LEAVE_TYPES), true, 'Type of leave.', 'annual', [
        'Type',
        'Leave Type',
        'Absence Type',
      ]),
      column('requested_on', DATE, false, 'When the leave was requested.', '2026-05-01', [
        'Requested',
        'Request Date',
      ]),
      column('approved_on', DATE, false, 'When the leave was approved.', '2026-05-03', [
        'Approved',
        'Approval Date',
      ]),
    ],
    rules: [
      COMMON_DATE_RULE,
      'end_date is not before start_date; on a one-day leave, an AM end after a PM start is not allowed.',
      'A record is identified by consultant, dates, periods and type; changing any of them replaces the record.',
      'The file covers the dates from its earliest to its latest start_date: leave starting in that period that the file no longer contains is removed.',
      'Warnings: leave that overlaps other leave of the same consultant; a GMC number not in the consultant list.',
    ],
  },
};

export const IMPORT_KIND_SLUGS = Object.keys(IMPORT_FORMATS) as ImportKindSlug[];

export function isImportKindSlug(value: string): value is ImportKindSlug {
  return value in IMPORT_FORMATS;
}
