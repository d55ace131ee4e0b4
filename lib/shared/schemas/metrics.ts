import { z } from 'zod';

/*
 * Requests and responses of the metrics API (GET /api/metrics/*, GET /api/definitions). Query schemas take the
 * query string as an object of strings (`queryObjectOf`) and give the request the server function expects; each
 * problem names the parameter, the value it got and what it expected, so a 400 says exactly what to fix.
 */

export const UNIT_LEVELS = ['consultant', 'specialty', 'division', 'trust'] as const;
/** Levels a report or series can be narrowed to (the trust is no narrowing). */
export const FILTER_LEVELS = ['consultant', 'specialty', 'division'] as const;
export const ACTIVITY_FILTERS = ['clinic', 'list', 'all'] as const;
export const SERIES_BUCKETS = ['week', 'month'] as const;

/** The longest period a request may cover: about ten years (a baseline year and today). */
export const MAX_PERIOD_DAYS = 3_660;
/** The longest period of a weekly series: about five years (261 weeks per unit). */
export const MAX_WEEKLY_SERIES_DAYS = 1_830;
/** Dates outside these years are typing mistakes (and PostgreSQL refuses year 0). */
const EARLIEST_DATE = '1900-01-01';
const LATEST_DATE = '2999-12-31';
const MAX_ID = 2_147_483_647;

/** A query string as an object: one string per parameter, an array when a parameter is repeated. */
export function queryObjectOf(searchParams: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const name of new Set(searchParams.keys())) {
    const values = searchParams.getAll(name);
    query[name] = values.length === 1 ? (values[0] as string) : values;
  }
  return query;
}

/** What a parameter held, for a message: missing, repeated, or its value (shortened). */
function describeInput(input: unknown): string {
  if (input === undefined) return 'it is missing';
  if (Array.isArray(input)) return `it was given ${input.length} times; give it once`;
  const text = String(input);
  return `got "${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;
}

/** zod's error option for a parameter: `must be <expected> (got "<value>")`. */
function expecting(expected: string) {
  return { error: (issue: { input?: unknown }) => `must be ${expected} (${describeInput(issue.input)})` };
}

const oneOfText = (values: readonly string[]) => `one of ${values.join(', ')}`;

const dateParam = z.iso
  .date(expecting('a date as YYYY-MM-DD'))
  .refine((date) => date >= EARLIEST_DATE && date <= LATEST_DATE, {
    ...expecting(`a date between ${EARLIEST_DATE} and ${LATEST_DATE}`),
    abort: true,
  });

const activityParam = z.enum(ACTIVITY_FILTERS, expecting(oneOfText(ACTIVITY_FILTERS))).default('all');
const levelParam = z.enum(UNIT_LEVELS, expecting(oneOfText(UNIT_LEVELS)));
const filterLevelParam = z.enum(FILTER_LEVELS, expecting(oneOfText(FILTER_LEVELS)));
const bucketParam = z.enum(SERIES_BUCKETS, expecting(oneOfText(SERIES_BUCKETS)));
const idParam = z
  .string(expecting(`a whole number from 1 to ${MAX_ID}`))
  .regex(/^[1-9]\d{0,9}$/, expecting(`a whole number from 1 to ${MAX_ID}`))
  .transform(Number)
  .refine((id) => id <= MAX_ID, expecting(`a whole number from 1 to ${MAX_ID}`));

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS + 1;

/** A query object that rejects parameters it does not know (a typo must not silently fall back to a default). */
function queryObject<Shape extends z.ZodRawShape>(shape: Shape) {
  const known = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown parameter${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((key) => `"${key}"`).join(', ')} (the parameters are ${known})`
        : undefined,
  });
}

/** The period's end is on or after its start, and it is not longer than `maxDays`. */
function checkPeriod(
  query: { from: string; to: string },
  context: z.RefinementCtx,
  maxDays = MAX_PERIOD_DAYS,
  what = 'a period',
) {
  if (query.to < query.from) {
    context.addIssue({
      code: 'custom',
      path: ['to'],
      input: query.to,
      message: `must be on or after from (got from ${query.from}, to ${query.to})`,
    });
    return;
  }
  const days = daysBetween(query.from, query.to);
  if (days > maxDays) {
    context.addIssue({
      code: 'custom',
      path: ['to'],
      input: query.to,
      message: `must be at most ${maxDays.toLocaleString('en-GB')} days after from for ${what} (from ${query.from} to ${query.to} is ${days.toLocaleString('en-GB')} days)`,
    });
  }
}

/** Two parameters that come together (`within_level` and `within_id`): both or neither. */
function checkPair(
  query: Record<string, unknown>,
  context: z.RefinementCtx,
  [first, second]: [string, string],
) {
  for (const [present, missing] of [
    [first, second],
    [second, first],
  ] as const) {
    if (query[present] !== undefined && query[missing] === undefined) {
      context.addIssue({
        code: 'custom',
        path: [missing],
        input: undefined,
        message: `must be given with ${present} (it is missing)`,
      });
    }
  }
}

const periodFields = { from: dateParam, to: dateParam, activity: activityParam };

/** Query of GET /api/metrics/overview, /specialties/:id and /consultants/:id: `from`, `to`, [`activity`]. */
export const viewQuerySchema = queryObject(periodFields)
  .superRefine((query, context) => checkPeriod(query, context))
  .transform(({ from, to, activity }) => ({ period: { from, to }, activity }));

/** Query of GET /api/metrics/report: `level`, `from`, `to`, [`activity`], [`within_level` + `within_id`]. */
export const reportQuerySchema = queryObject({
  level: levelParam,
  ...periodFields,
  within_level: filterLevelParam.optional(),
  within_id: idParam.optional(),
})
  .superRefine((query, context) => {
    checkPeriod(query, context);
    checkPair(query, context, ['within_level', 'within_id']);
  })
  .transform(({ level, from, to, activity, within_level, within_id }) => ({
    level,
    period: { from, to },
    activity,
    ...(within_level && within_id ? { within: { level: within_level, id: within_id } } : {}),
  }));

/** Query of GET /api/metrics/series: `level`, `bucket`, `from`, `to`, [`activity`], [`unit_level` + `unit_id`]. */
export const seriesQuerySchema = queryObject({
  level: levelParam,
  bucket: bucketParam,
  ...periodFields,
  unit_level: filterLevelParam.optional(),
  unit_id: idParam.optional(),
})
  .superRefine((query, context) => {
    if (query.bucket === 'week') checkPeriod(query, context, MAX_WEEKLY_SERIES_DAYS, 'a weekly series');
    else checkPeriod(query, context);
    checkPair(query, context, ['unit_level', 'unit_id']);
  })
  .transform(({ level, bucket, from, to, activity, unit_level, unit_id }) => ({
    level,
    bucket,
    period: { from, to },
    activity,
    ...(unit_level && unit_id ? { unit: { level: unit_level, id: unit_id } } : {}),
  }));

export type ViewQuery = z.output<typeof viewQuerySchema>;
export type ReportQuery = z.output<typeof reportQuerySchema>;
export type SeriesQuery = z.output<typeof seriesQuerySchema>;

/** The message of a 400 for a bad query: every problem, each naming its parameter. */
export function describeQueryError(error: z.ZodError): string {
  const problems = error.issues.map((issue) =>
    issue.path.length === 0 ? issue.message : `${issue.path.map(String).join('.')} ${issue.message}`,
  );
  return `The query is not valid: ${problems.join('; ')}.`;
}

// Responses. Objects are not strict: a field added on the server does not break an older client.

const isoDate = z.iso.date();
const periodSchema = z.object({ from: isoDate, to: isoDate });
const categorySchema = z.enum(['clinic', 'list']);
const ratio = z.number().nullable();

export const metricParametersSchema = z.object({
  noticeThresholdDays: z.number().int(),
  fulfilmentTarget: z.number(),
  dnaIncludesLateNotSeen: z.boolean(),
  benchmarkMinHeldSessions: z.number().int(),
  overDeliveryThreshold: z.number(),
  underDeliveryThreshold: z.number(),
  sustainedMonths: z.number().int(),
  jobPlanReviewMonths: z.number().int(),
});

/** The dates the ledger covers per activity category (absent: no extracts of that category yet). */
export const ledgerCoverageSchema = z.object({
  clinic: periodSchema.optional(),
  list: periodSchema.optional(),
});

/** Session counts and ratios of one unit over one period; ratios are null when their denominator is zero. */
export const sessionMetricsSchema = z.object({
  plannedSessions: z.number(),
  expectedNet: z.number(),
  expectedGross: z.number(),
  delivered: z.number(),
  additional: z.number(),
  fulfilmentNet: ratio,
  fulfilmentGross: ratio,
  totalDelivery: ratio,
  lost: z.object({
    leaveAdequateNotice: z.number(),
    leaveShortNotice: z.number(),
    sickness: z.number(),
    hospitalCancelled: z.number(),
    notScheduled: z.number(),
  }),
  lostSessions: z.number(),
  heldSessions: z.number(),
  patients: z.number(),
  patientsPerWeek: ratio,
  casesPerSession: ratio,
  casesPer4Hours: ratio,
  slotUtilisation: ratio,
  dnaRate: ratio,
  theatreUtilisationCapped: ratio,
  theatreUtilisationUncapped: ratio,
  lateStart15: ratio,
  lateStart30: ratio,
  lateStartMeanMinutes: ratio,
  earlyFinish15: ratio,
  earlyFinish30: ratio,
  earlyFinishMeanMinutes: ratio,
});

const unitRefSchema = z.object({ id: z.number().int(), code: z.string(), name: z.string() });
const categoryPerSessionSchema = z.object({
  heldSessions: z.number(),
  patients: z.number(),
  casesPerSession: ratio,
});
const perSessionByCategorySchema = z.object({
  clinic: categoryPerSessionSchema.optional(),
  list: categoryPerSessionSchema.optional(),
});
const benchmarkSchema = z.object({ value: z.number(), source: z.enum(['target', 'median']) }).nullable();

/** One unit's row of a report: its metrics, the units above it, opportunity and the benchmarks used. */
export const unitReportRowSchema = sessionMetricsSchema.extend({
  level: z.enum(UNIT_LEVELS),
  /** GMC number, specialty, division or organisation code; a pseudonym for an anonymised consultant. */
  key: z.string(),
  name: z.string(),
  /** Null for an anonymised consultant: no id, GMC number or name of theirs leaves the server. */
  id: z.number().int().nullable(),
  isAnonymised: z.boolean(),
  specialty: unitRefSchema.optional(),
  division: unitRefSchema.optional(),
  consultants: z.number().int(),
  opportunityPerWeek: z.object({ fulfilment: z.number(), productivity: z.number(), total: z.number() }),
  benchmarks: z.object({ clinic: benchmarkSchema.optional(), list: benchmarkSchema.optional() }).optional(),
  perSessionByCategory: perSessionByCategorySchema,
});

/** Response of GET /api/metrics/report: every unit at one level over the period. */
export const unitReportSchema = z.object({
  level: z.enum(UNIT_LEVELS),
  period: periodSchema,
  activity: z.enum(ACTIVITY_FILTERS),
  coveredPeriod: periodSchema.nullable(),
  weeks: z.number(),
  parameters: metricParametersSchema,
  rows: z.array(unitReportRowSchema),
});

/** One week or month of a series (clipped to the period), with the weeks of it the extracts cover. */
export const seriesPointSchema = sessionMetricsSchema.extend({
  from: isoDate,
  to: isoDate,
  weeks: z.number(),
  perSessionByCategory: perSessionByCategorySchema,
});

/** One unit's series: its id (null for an anonymised consultant) and key (as in the report's rows). */
export const unitSeriesSchema = z.object({
  unitId: z.number().int().nullable(),
  key: z.string(),
  points: z.array(seriesPointSchema),
});

/** Response of GET /api/metrics/series: one series per unit in scope (buckets with no data are left out). */
export const seriesResponseSchema = z.object({ series: z.array(unitSeriesSchema) });

/** Response of GET /api/metrics/overview. */
export const trustOverviewSchema = z.object({
  trust: unitReportRowSchema.nullable(),
  specialties: unitReportSchema,
  monthly: z.array(seriesPointSchema),
});

/** Response of GET /api/metrics/specialties/:specialtyId. */
export const specialtyViewSchema = z.object({
  specialty: unitReportRowSchema,
  consultants: unitReportSchema,
  weekly: z.array(seriesPointSchema),
});

/** One planned or additional session of a consultant's ledger, with its outcome. */
export const ledgerEntrySchema = z.object({
  date: isoDate,
  period: z.enum(['AM', 'PM', 'EVE']),
  category: categorySchema,
  outcome: z.enum([
    'delivered',
    'leave_adequate_notice',
    'leave_short_notice',
    'sickness',
    'hospital_cancelled',
    'not_scheduled',
    'additional',
  ]),
  activityType: z.string().nullable(),
  location: z.string().nullable(),
  cancelReason: z.string().nullable(),
  noticeDays: z.number().int().nullable(),
  patients: z.number(),
});

/** Response of GET /api/metrics/consultants/:consultantId. */
export const consultantViewSchema = z.object({
  consultant: unitReportRowSchema,
  report: unitReportSchema,
  weekly: z.array(seriesPointSchema),
  sessions: z.array(ledgerEntrySchema),
});

export const metricDefinitionSchema = z.object({
  id: z.string(),
  label: z.string(),
  unit: z.enum([
    'sessions',
    'ratio',
    'patients',
    'patientsPerSession',
    'patientsPerWeek',
    'minutes',
    'count',
  ]),
  formula: z.string(),
  direction: z.enum(['increase', 'decrease', 'neutral']),
  defaultTarget: z.object({ value: z.number(), source: z.string() }).nullable(),
  group: z.enum(['sessions', 'productivity', 'theatre', 'opportunity', 'balance', 'data']),
});

/** Response of GET /api/definitions: the metric registry, the ledger's rules, and the trust's parameters in force. */
export const definitionsResponseSchema = z.object({
  metrics: z.array(metricDefinitionSchema),
  ledgerRules: z.array(z.object({ title: z.string(), rule: z.string() })),
  chartRules: z.array(z.object({ title: z.string(), rule: z.string() })),
  parameters: metricParametersSchema,
  coverage: ledgerCoverageSchema,
});

export type MetricParametersResponse = z.infer<typeof metricParametersSchema>;
export type LedgerCoverageResponse = z.infer<typeof ledgerCoverageSchema>;
export type SessionMetricsResponse = z.infer<typeof sessionMetricsSchema>;
export type UnitReportRowResponse = z.infer<typeof unitReportRowSchema>;
export type UnitReportResponse = z.infer<typeof unitReportSchema>;
export type SeriesPointResponse = z.infer<typeof seriesPointSchema>;
export type SeriesResponse = z.infer<typeof seriesResponseSchema>;
export type TrustOverviewResponse = z.infer<typeof trustOverviewSchema>;
export type SpecialtyViewResponse = z.infer<typeof specialtyViewSchema>;
export type ConsultantViewResponse = z.infer<typeof consultantViewSchema>;
export type LedgerEntryResponse = z.infer<typeof ledgerEntrySchema>;
export type DefinitionsResponse = z.infer<typeof definitionsResponseSchema>;
