/**
 * The metric registry: every number Fulfil shows is defined once here. The Definitions page, tooltips, SPC icons
 * (through the improvement direction) and exports all read it. Formulas follow the metric dictionary in PRODUCT.md;
 * the rules for cases it leaves open are in LEDGER_RULES below.
 */
export type MetricUnit =
  | 'sessions'
  | 'ratio'
  | 'patients'
  | 'patientsPerSession'
  | 'patientsPerWeek'
  | 'minutes'
  | 'count';

/** Which way is better; `neutral` when neither is (SPC then shows neutral variation and no assurance). */
export type ImprovementDirection = 'increase' | 'decrease' | 'neutral';

export interface MetricDefinition {
  id: string;
  label: string;
  unit: MetricUnit;
  formula: string;
  direction: ImprovementDirection;
  /** The default target (in the metric's unit), and where it comes from; trusts can set their own. */
  defaultTarget: { value: number; source: string } | null;
  group: 'sessions' | 'productivity' | 'theatre' | 'opportunity' | 'balance' | 'data';
}

const DEFINITIONS = [
  {
    id: 'plannedSessions',
    label: 'Planned sessions',
    unit: 'sessions',
    formula:
      'Job-plan occurrences of clinic and list lines in the period, excluding England & Wales bank holidays. A line with a cycle of N weeks and offset k occurs in the weeks where (whole weeks since the Monday of the week of the job plan’s effective-from date) mod N = k.',
    direction: 'neutral',
    defaultTarget: null,
    group: 'sessions',
  },
  {
    id: 'expectedNet',
    label: 'Expected sessions (net of leave)',
    unit: 'sessions',
    formula:
      'Planned − leave with adequate notice − leave at short notice − sickness, + the pro-rata expectation of annualised lines (annual count × days ÷ 365).',
    direction: 'neutral',
    defaultTarget: null,
    group: 'sessions',
  },
  {
    id: 'expectedGross',
    label: 'Expected sessions (gross, annualised)',
    unit: 'sessions',
    formula:
      'Σ lines’ weekly sessions (1/N for an N-week cycle) × expected weeks a year × days in the period ÷ 365, + annualised count × days ÷ 365.',
    direction: 'neutral',
    defaultTarget: null,
    group: 'sessions',
  },
  {
    id: 'delivered',
    label: 'Delivered sessions',
    unit: 'sessions',
    formula:
      'Planned sessions with a held session in the extracts for the same consultant, date, period and category, + held unplanned sessions credited to annualised lines (up to their pro-rata expectation).',
    direction: 'increase',
    defaultTarget: null,
    group: 'sessions',
  },
  {
    id: 'additional',
    label: 'Additional sessions',
    unit: 'sessions',
    formula: 'Held sessions that match no planned session, less those credited to annualised lines.',
    direction: 'neutral',
    defaultTarget: null,
    group: 'sessions',
  },
  {
    id: 'fulfilmentNet',
    label: 'Session fulfilment (net)',
    unit: 'ratio',
    formula: 'Delivered ÷ expected sessions net of leave.',
    direction: 'increase',
    defaultTarget: { value: 0.95, source: 'Fulfil default (trust parameter “fulfilment target”)' },
    group: 'sessions',
  },
  {
    id: 'fulfilmentGross',
    label: 'Session fulfilment (gross)',
    unit: 'ratio',
    formula: 'Delivered ÷ expected sessions gross (annualised).',
    direction: 'increase',
    defaultTarget: null,
    group: 'sessions',
  },
  {
    id: 'totalDelivery',
    label: 'Total delivery',
    unit: 'ratio',
    formula: '(Delivered + additional) ÷ expected sessions net of leave.',
    direction: 'neutral',
    defaultTarget: null,
    group: 'balance',
  },
  {
    id: 'lostSessions',
    label: 'Lost sessions',
    unit: 'sessions',
    formula:
      'Planned sessions cancelled by the hospital + planned sessions not scheduled (no record at all).',
    direction: 'decrease',
    defaultTarget: null,
    group: 'sessions',
  },
  {
    id: 'leaveAdequateNotice',
    label: 'Leave, adequate notice',
    unit: 'sessions',
    formula:
      'Planned sessions not held and covered by annual, study, professional or other leave requested at least the notice threshold before the session (requested date, else approved date; neither known counts as adequate).',
    direction: 'neutral',
    defaultTarget: null,
    group: 'sessions',
  },
  {
    id: 'leaveShortNotice',
    label: 'Leave, short notice',
    unit: 'sessions',
    formula:
      'As leave with adequate notice, but requested less than the notice threshold before the session.',
    direction: 'decrease',
    defaultTarget: null,
    group: 'sessions',
  },
  {
    id: 'sickness',
    label: 'Sickness and other unplanned absence',
    unit: 'sessions',
    formula: 'Planned sessions not held and covered by sick, parental or compassionate leave.',
    direction: 'neutral',
    defaultTarget: null,
    group: 'sessions',
  },
  {
    id: 'hospitalCancelled',
    label: 'Cancelled by the hospital',
    unit: 'sessions',
    formula:
      'Planned sessions not held, not covered by leave, with a cancelled (or reallocated) session in the extracts; the reason is kept.',
    direction: 'decrease',
    defaultTarget: null,
    group: 'sessions',
  },
  {
    id: 'notScheduled',
    label: 'Not scheduled',
    unit: 'sessions',
    formula: 'Planned sessions with no record at all: not held, no leave, no cancelled session.',
    direction: 'decrease',
    defaultTarget: null,
    group: 'sessions',
  },
  {
    id: 'heldSessions',
    label: 'Held sessions',
    unit: 'sessions',
    formula: 'Delivered + additional sessions.',
    direction: 'increase',
    defaultTarget: null,
    group: 'productivity',
  },
  {
    id: 'patients',
    label: 'Patients or cases',
    unit: 'patients',
    formula: 'Clinics: patients attended (attendance codes 5 and 6). Lists: cases done.',
    direction: 'increase',
    defaultTarget: null,
    group: 'productivity',
  },
  {
    id: 'patientsPerWeek',
    label: 'Patients or cases per week',
    unit: 'patientsPerWeek',
    formula: 'Patients or cases ÷ weeks in the period (days ÷ 7, counting only days the extracts cover).',
    direction: 'increase',
    defaultTarget: null,
    group: 'productivity',
  },
  {
    id: 'casesPerSession',
    label: 'Patients or cases per session',
    unit: 'patientsPerSession',
    formula:
      'Patients attended (clinics) or cases done (lists) ÷ held sessions, within one activity category. A ratio of sums. With clinics and lists chosen together, each category’s figure is shown beside the combined one, and consultants are compared within one category only: a clinic’s patients and a list’s cases are not the same unit.',
    direction: 'increase',
    defaultTarget: null,
    group: 'productivity',
  },
  {
    id: 'casesPer4Hours',
    label: 'Patients or cases per 4-hour session',
    unit: 'patientsPerSession',
    formula:
      'Patients or cases × 240 ÷ planned minutes of the held sessions (the extract’s planned start–end, else the job plan line’s, else 240).',
    direction: 'increase',
    defaultTarget: null,
    group: 'productivity',
  },
  {
    id: 'slotUtilisation',
    label: 'Slot utilisation',
    unit: 'ratio',
    formula: 'Patients attended ÷ template slots (new + follow-up) of held clinics.',
    direction: 'increase',
    defaultTarget: null,
    group: 'productivity',
  },
  {
    id: 'dnaRate',
    label: 'DNA rate',
    unit: 'ratio',
    formula:
      'Did not attend (code 3) ÷ (attended (codes 5, 6) + arrived late not seen (code 7) + DNA). Code 7 counts as a DNA when the trust parameter says so.',
    direction: 'decrease',
    defaultTarget: null,
    group: 'productivity',
  },
  {
    id: 'theatreUtilisationCapped',
    label: 'Theatre utilisation (capped)',
    unit: 'ratio',
    formula:
      'Touch time inside the planned start–end ÷ planned minutes, over held lists with touch time. A ratio of sums, never an average of percentages.',
    direction: 'increase',
    defaultTarget: { value: 0.85, source: 'GIRFT / NHS England theatre productivity benchmark' },
    group: 'theatre',
  },
  {
    id: 'theatreUtilisationUncapped',
    label: 'Theatre utilisation (uncapped)',
    unit: 'ratio',
    formula: 'All touch time, overruns included ÷ planned minutes, over held lists with touch time.',
    direction: 'neutral',
    defaultTarget: null,
    group: 'theatre',
  },
  {
    id: 'lateStart15',
    label: 'Late starts (≥ 15 minutes)',
    unit: 'ratio',
    formula: 'Lists starting 15 minutes or more after the planned start ÷ held lists with start times.',
    direction: 'decrease',
    defaultTarget: null,
    group: 'theatre',
  },
  {
    id: 'lateStart30',
    label: 'Late starts (≥ 30 minutes)',
    unit: 'ratio',
    formula: 'Lists starting 30 minutes or more after the planned start ÷ held lists with start times.',
    direction: 'decrease',
    defaultTarget: null,
    group: 'theatre',
  },
  {
    id: 'lateStartMeanMinutes',
    label: 'Mean late start',
    unit: 'minutes',
    formula: 'Mean minutes late over all held lists with start times (on-time and early starts count as 0).',
    direction: 'decrease',
    defaultTarget: null,
    group: 'theatre',
  },
  {
    id: 'earlyFinish15',
    label: 'Early finishes (≥ 15 minutes)',
    unit: 'ratio',
    formula: 'Lists finishing 15 minutes or more before the planned end ÷ held lists with finish times.',
    direction: 'decrease',
    defaultTarget: null,
    group: 'theatre',
  },
  {
    id: 'earlyFinish30',
    label: 'Early finishes (≥ 30 minutes)',
    unit: 'ratio',
    formula: 'Lists finishing 30 minutes or more before the planned end ÷ held lists with finish times.',
    direction: 'decrease',
    defaultTarget: null,
    group: 'theatre',
  },
  {
    id: 'earlyFinishMeanMinutes',
    label: 'Mean early finish',
    unit: 'minutes',
    formula: 'Mean minutes early over all held lists with finish times (late finishes count as 0).',
    direction: 'decrease',
    defaultTarget: null,
    group: 'theatre',
  },
  {
    id: 'opportunityFulfilment',
    label: 'Opportunity from fulfilment',
    unit: 'patientsPerWeek',
    formula:
      'max(0, fulfilment target × expected net − delivered) × own patients per session ÷ weeks, per consultant and category, summed up the hierarchy. A consultant with no held sessions is valued at the specialty benchmark.',
    direction: 'decrease',
    defaultTarget: null,
    group: 'opportunity',
  },
  {
    id: 'opportunityProductivity',
    label: 'Opportunity from productivity',
    unit: 'patientsPerWeek',
    formula:
      'max(0, benchmark − own patients per session) × held sessions ÷ weeks, per consultant and category, summed up the hierarchy. Benchmark: a configured target, else the specialty median of consultants’ patients per session over consultants with at least the minimum held sessions.',
    direction: 'decrease',
    defaultTarget: null,
    group: 'opportunity',
  },
  {
    id: 'opportunityTotal',
    label: 'Opportunity (patients per week)',
    unit: 'patientsPerWeek',
    formula: 'Opportunity from fulfilment + opportunity from productivity.',
    direction: 'decrease',
    defaultTarget: null,
    group: 'opportunity',
  },
  {
    id: 'baselineChange',
    label: 'Patients per week against baseline',
    unit: 'ratio',
    formula:
      '(Patients per week in the period − patients per week in the baseline period) ÷ the baseline. The baseline is the same period a year earlier, or as many years earlier as chosen on the overview (as far back as the extracts reach), e.g. the same months before a change of practice.',
    direction: 'increase',
    defaultTarget: null,
    group: 'productivity',
  },
  {
    id: 'overDelivery',
    label: 'Sustained over-delivery',
    unit: 'count',
    formula:
      'Consultants whose total delivery was at or above the over-delivery threshold (default 110%) in each of the last N complete months of the period (default 3).',
    direction: 'decrease',
    defaultTarget: null,
    group: 'balance',
  },
  {
    id: 'underDelivery',
    label: 'Sustained under-delivery',
    unit: 'count',
    formula:
      'Consultants whose total delivery was below the under-delivery threshold (default 80%) in each of the last N complete months of the period (default 3).',
    direction: 'decrease',
    defaultTarget: null,
    group: 'balance',
  },
  {
    id: 'jobPlanCurrency',
    label: 'Job plan currency',
    unit: 'ratio',
    formula:
      'Consultants with an agreed job plan in force at the end of the period and agreed within the review interval (default 12 months) ÷ active consultants.',
    direction: 'increase',
    defaultTarget: { value: 1, source: 'NHS Employers: job plans reviewed at least annually' },
    group: 'data',
  },
  {
    id: 'unknownConsultantSessions',
    label: 'Sessions with an unknown consultant',
    unit: 'count',
    formula: 'Clinic sessions and lists in the period whose GMC number matches no consultant.',
    direction: 'decrease',
    defaultTarget: null,
    group: 'data',
  },
  {
    id: 'sessionsWithoutPlan',
    label: 'Held sessions with no job plan',
    unit: 'count',
    formula: 'Held sessions in the period of consultants who had no job plan in force that day.',
    direction: 'decrease',
    defaultTarget: null,
    group: 'data',
  },
  {
    id: 'missingTimestamps',
    label: 'Lists missing timestamps',
    unit: 'count',
    formula: 'Held lists in the period without an actual start, an actual end or touch time.',
    direction: 'decrease',
    defaultTarget: null,
    group: 'data',
  },
  {
    id: 'duplicateSessions',
    label: 'Duplicate sessions',
    unit: 'count',
    formula:
      'Sessions recorded more than once (same consultant, date, period and clinic or theatre under another id); each counts once in the ledger.',
    direction: 'decrease',
    defaultTarget: null,
    group: 'data',
  },
] as const satisfies readonly MetricDefinition[];

export type MetricId = (typeof DEFINITIONS)[number]['id'];

export const METRICS: readonly MetricDefinition[] = DEFINITIONS;

/** Every metric's id and label: the choices of a form that points at a figure (a note, an action). */
export const METRIC_CHOICES: readonly { id: string; label: string }[] = METRICS.map(({ id, label }) => ({
  id,
  label,
}));

const BY_ID = new Map<string, MetricDefinition>(METRICS.map((metric) => [metric.id, metric]));

export function getMetric(id: MetricId): MetricDefinition {
  const metric = BY_ID.get(id);
  if (!metric) throw new Error(`Unknown metric ${id}`);
  return metric;
}

/**
 * Rules the metric dictionary leaves open, as Fulfil applies them; shown on the Definitions page and tested in the
 * ledger scenario suite.
 */
export const LEDGER_RULES: readonly { title: string; rule: string }[] = [
  {
    title: 'What is reconciled',
    rule: 'Outpatient clinics (category “clinic”) and theatre and endoscopy lists (category “list”). SPA, ward rounds, MDTs, on-call and admin lines stay in the job plan but no extract records them, so they are not judged.',
  },
  {
    title: 'Which job plan is in force',
    rule: 'Agreed job plans are used. A consultant with only draft plans is planned from the drafts (and flagged as such). A later version ends the one before it the day before it starts.',
  },
  {
    title: 'Dates the ledger covers',
    rule: 'For each category, from the first to the last date in that category’s extracts: a planned session outside them is not judged, because no extract could show it delivered. Gross expectation and weeks count the same days.',
  },
  {
    title: 'All-day sessions',
    rule: 'An all-day list (period ALL) is two half-day sessions, AM and PM, each carrying half of its cases and minutes; an all-day job plan line plans both.',
  },
  {
    title: 'Sessions recorded twice',
    rule: 'Two sessions with the same consultant, date, period and clinic code (or theatre) are one session recorded twice: the ledger counts it once and Data quality lists the copy. Two held sessions in one slot at different clinics are both counted (the second is additional).',
  },
  {
    title: 'Half-day leave',
    rule: 'Full-day leave covers AM, PM and EVE. On the first day of a leave the start period applies (PM: the afternoon and evening), on the last day the end period (AM: the morning; PM: the morning and afternoon). A one-day leave marked with one half is that half only.',
  },
  {
    title: 'Leave and cancellations',
    rule: 'A session held during leave is delivered. A cancelled session inside leave counts as leave, not as a hospital cancellation. Where leave records overlap, the first outcome in the order adequate notice, short notice, sickness applies.',
  },
  {
    title: 'Bank holidays',
    rule: 'No session is planned on an England & Wales bank holiday; a session held on one is additional.',
  },
  {
    title: 'Unknown consultants',
    rule: 'Sessions whose GMC number matches no consultant are kept, left out of the ledger and counted under Data quality until the consultant is imported.',
  },
  {
    title: 'Specialty',
    rule: 'A consultant’s sessions count towards their primary specialty and its division.',
  },
];
