import { z } from 'zod';
import { ROLES } from '@/lib/shared/permissions';

/*
 * Requests and responses of the admin API (/api/admin/*): users and their role assignments, passwords, API
 * tokens, the trust parameters and the audit log. Request objects are strict (a mistyped field is an error, not
 * silently ignored); responses are not, so that a field added on the server does not break an older client.
 */

/** The changes the admin pages write to the audit log (sign-ins, imports and views record their own). */
export const ADMIN_AUDIT_ACTIONS = {
  userCreated: 'user.created',
  userUpdated: 'user.updated',
  userDeactivated: 'user.deactivated',
  userReactivated: 'user.reactivated',
  userPasswordReset: 'user.password_reset',
  roleAssigned: 'role.assigned',
  roleRevoked: 'role.revoked',
  apiTokenCreated: 'api_token.created',
  apiTokenRevoked: 'api_token.revoked',
  parametersUpdated: 'parameters.updated',
  metricTargetSet: 'metric_target.set',
  metricTargetRemoved: 'metric_target.removed',
  auditExported: 'audit.exported',
} as const;

/** Passwords: long rather than complicated (NCSC guidance); the server refuses longer input before hashing. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 1024;

const MAX_ID = 2_147_483_647;
const id = z.number().int().positive().max(MAX_ID);
const instant = z.iso.datetime();

const nameField = z
  .string({ error: 'Enter a name' })
  .trim()
  .min(1, 'Enter a name')
  .max(200, 'The name must be 200 characters or fewer');

const emailField = z
  .string({ error: 'Enter an email address' })
  .trim()
  .min(1, 'Enter an email address')
  .max(320, 'The email address must be 320 characters or fewer')
  .pipe(z.email('Enter an email address in the correct format, like name@nhs.net'));

const passwordField = z
  .string({ error: 'Enter a password' })
  .min(PASSWORD_MIN_LENGTH, `The password must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `The password must be ${PASSWORD_MAX_LENGTH} characters or fewer`);

// ---------------------------------------------------------------------------------------------------------------
// Users and role assignments
// ---------------------------------------------------------------------------------------------------------------

export const roleSchema = z.enum(ROLES, { error: `Choose a role: one of ${ROLES.join(', ')}` });

/** What a role assignment covers: the whole trust, or one division, specialty or consultant record. */
export const roleScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('trust') }),
  z.object({ kind: z.literal('division'), id, name: z.string() }),
  z.object({ kind: z.literal('specialty'), id, name: z.string() }),
  z.object({ kind: z.literal('consultant'), id, name: z.string(), gmcNumber: z.string() }),
]);
export type RoleScope = z.infer<typeof roleScopeSchema>;

export const roleAssignmentSchema = z.object({
  id,
  role: roleSchema,
  scope: roleScopeSchema,
  createdAt: instant,
});
export type RoleAssignmentSummary = z.infer<typeof roleAssignmentSchema>;

/** A user as the admin pages show them: never their password hash, only whether they have one. */
export const adminUserSchema = z.object({
  id,
  email: z.string(),
  name: z.string(),
  isActive: z.boolean(),
  hasPassword: z.boolean(),
  /** Set while the account is locked after repeated failed sign-ins. */
  lockedUntil: instant.nullable(),
  lastSignInAt: instant.nullable(),
  createdAt: instant,
  /** Live (not revoked) assignments, oldest first. */
  roles: z.array(roleAssignmentSchema),
});
export type AdminUser = z.infer<typeof adminUserSchema>;

export const adminUserListResponseSchema = z.object({ users: z.array(adminUserSchema) });
export type AdminUserListResponse = z.infer<typeof adminUserListResponseSchema>;

/** POST /api/admin/users: a new user, with an initial password, a generated one, or none (single sign-on). */
export const createUserRequestSchema = z
  .strictObject({
    email: emailField,
    name: nameField,
    password: passwordField.optional(),
    generatePassword: z.boolean().optional(),
  })
  .refine((value) => !(value.password !== undefined && value.generatePassword), {
    message: 'Either set a password or generate one, not both',
    path: ['password'],
  });
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;

/** A user with the password generated for them, shown once (null when none was generated). */
export const userWithPasswordResponseSchema = z.object({
  user: adminUserSchema,
  generatedPassword: z.string().nullable(),
});
export type UserWithPasswordResponse = z.infer<typeof userWithPasswordResponseSchema>;

/** PATCH /api/admin/users/:userId: rename, deactivate or reactivate. */
export const updateUserRequestSchema = z
  .strictObject({
    name: nameField.optional(),
    isActive: z.boolean({ error: 'isActive must be true or false' }).optional(),
  })
  .refine((value) => value.name !== undefined || value.isActive !== undefined, {
    message: 'Send a new name or isActive',
  });
export type UpdateUserRequest = z.infer<typeof updateUserRequestSchema>;

/** POST /api/admin/users/:userId/password: set a new password, or generate a random one (shown once). */
export const resetPasswordRequestSchema = z.discriminatedUnion(
  'mode',
  [
    z.strictObject({ mode: z.literal('set'), password: passwordField }),
    z.strictObject({ mode: z.literal('generate') }),
  ],
  { error: 'Choose whether to set a new password ("set") or generate one ("generate")' },
);
export type ResetPasswordRequest = z.infer<typeof resetPasswordRequestSchema>;

const scopeId = (message: string) =>
  z.number({ error: message }).int(message).positive(message).max(MAX_ID, message);

/**
 * POST /api/admin/users/:userId/roles. Each role names exactly the scope it needs: none for administrators and
 * executives (trust-wide), a division for a divisional director, a specialty for a clinical lead, a consultant
 * record for a consultant.
 */
export const assignRoleRequestSchema = z.discriminatedUnion(
  'role',
  [
    z.strictObject({ role: z.literal('admin') }),
    z.strictObject({ role: z.literal('executive') }),
    z.strictObject({
      role: z.literal('divisional_director'),
      divisionId: scopeId('Choose the division this divisional director covers'),
    }),
    z.strictObject({
      role: z.literal('clinical_lead'),
      specialtyId: scopeId('Choose the specialty this clinical lead covers'),
    }),
    z.strictObject({
      role: z.literal('consultant'),
      consultantId: scopeId('Choose the consultant record this user is'),
    }),
  ],
  { error: `Choose a role: one of ${ROLES.join(', ')}` },
);
export type AssignRoleRequest = z.infer<typeof assignRoleRequestSchema>;

/** The divisions, specialties and consultants a role can be scoped to (the role pickers' options). */
export const roleScopeOptionsSchema = z.object({
  divisions: z.array(z.object({ id, code: z.string(), name: z.string() })),
  specialties: z.array(z.object({ id, code: z.string(), name: z.string(), divisionId: id })),
  consultants: z.array(
    z.object({ id, name: z.string(), gmcNumber: z.string(), specialtyId: id, isActive: z.boolean() }),
  ),
});
export type RoleScopeOptions = z.infer<typeof roleScopeOptionsSchema>;

// ---------------------------------------------------------------------------------------------------------------
// API tokens
// ---------------------------------------------------------------------------------------------------------------

/** An API token as listed: never the token or its hash. */
export const apiTokenSchema = z.object({
  id,
  name: z.string(),
  createdAt: instant,
  createdBy: z.object({ id, name: z.string() }).nullable(),
  lastUsedAt: instant.nullable(),
  revokedAt: instant.nullable(),
});
export type ApiTokenSummary = z.infer<typeof apiTokenSchema>;

export const apiTokenListResponseSchema = z.object({ tokens: z.array(apiTokenSchema) });
export type ApiTokenListResponse = z.infer<typeof apiTokenListResponseSchema>;

export const createApiTokenRequestSchema = z.strictObject({
  name: z
    .string({ error: 'Enter a name for the token' })
    .trim()
    .min(1, 'Enter a name for the token, such as the server or job that will use it')
    .max(100, 'The name must be 100 characters or fewer'),
});
export type CreateApiTokenRequest = z.infer<typeof createApiTokenRequestSchema>;

/** The new token, and the secret itself: returned this once, never stored or shown again. */
export const createApiTokenResponseSchema = z.object({ token: apiTokenSchema, secret: z.string() });
export type CreateApiTokenResponse = z.infer<typeof createApiTokenResponseSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Trust parameters
// ---------------------------------------------------------------------------------------------------------------

/** The ranges an administrator may set; outside them a value is almost certainly a typing mistake. */
export const PARAMETER_RANGES = {
  noticeThresholdDays: { min: 0, max: 365 },
  fulfilmentTarget: { min: 0.5, max: 1 },
  benchmarkMinHeldSessions: { min: 1, max: 500 },
  overDeliveryThreshold: { min: 1, max: 2 },
  underDeliveryThreshold: { min: 0.1, max: 1 },
  sustainedMonths: { min: 1, max: 12 },
  jobPlanReviewMonths: { min: 1, max: 36 },
  reviewFulfilmentBelow: { min: 0.1, max: 1 },
  reviewTotalDeliveryAbove: { min: 1, max: 2 },
  reviewMonths: { min: 1, max: 12 },
  actionEscalationDays: { min: 1, max: 365 },
} as const;

type RangedParameter = keyof typeof PARAMETER_RANGES;

const percent = (value: number) => `${Math.round(value * 10_000) / 100}%`;

function wholeNumber(field: RangedParameter, label: string) {
  const { min, max } = PARAMETER_RANGES[field];
  const message = `${label} must be a whole number from ${min} to ${max}`;
  return z.number({ error: message }).int(message).min(min, message).max(max, message);
}

/** A fraction stored to 4 decimal places (a percentage to 2), e.g. 0.95 for 95%. */
function fraction(field: RangedParameter, label: string) {
  const { min, max } = PARAMETER_RANGES[field];
  const message = `${label} must be from ${percent(min)} to ${percent(max)}`;
  return z
    .number({ error: message })
    .min(min, message)
    .max(max, message)
    .refine((value) => Math.abs(value * 10_000 - Math.round(value * 10_000)) < 1e-6, {
      message: `${label} can have at most 2 decimal places as a percentage`,
    });
}

/** PUT /api/admin/parameters: every parameter, validated; the response has the same shape plus updatedAt. */
export const updateTrustParametersRequestSchema = z
  .strictObject({
    noticeThresholdDays: wholeNumber('noticeThresholdDays', 'The leave-notice threshold'),
    fulfilmentTarget: fraction('fulfilmentTarget', 'The fulfilment target'),
    dnaIncludesLateNotSeen: z.boolean({ error: 'Say whether DNA includes code 7 (true or false)' }),
    benchmarkMinHeldSessions: wholeNumber('benchmarkMinHeldSessions', 'The benchmark minimum'),
    overDeliveryThreshold: fraction('overDeliveryThreshold', 'The over-delivery threshold'),
    underDeliveryThreshold: fraction('underDeliveryThreshold', 'The under-delivery threshold'),
    sustainedMonths: wholeNumber('sustainedMonths', 'Sustained for'),
    jobPlanReviewMonths: wholeNumber('jobPlanReviewMonths', 'The job plan review interval'),
    reviewFulfilmentBelow: fraction('reviewFulfilmentBelow', 'The “for review” fulfilment threshold'),
    reviewTotalDeliveryAbove: fraction(
      'reviewTotalDeliveryAbove',
      'The “for review” total delivery threshold',
    ),
    reviewMonths: wholeNumber('reviewMonths', 'The “for review” run of months'),
    actionEscalationDays: wholeNumber('actionEscalationDays', 'The action escalation delay'),
  })
  .refine((value) => value.underDeliveryThreshold < value.overDeliveryThreshold, {
    message: 'The under-delivery threshold must be below the over-delivery threshold',
    path: ['underDeliveryThreshold'],
  })
  .refine((value) => value.reviewFulfilmentBelow < value.reviewTotalDeliveryAbove, {
    message: 'The “for review” fulfilment threshold must be below the total delivery threshold',
    path: ['reviewFulfilmentBelow'],
  });
export type UpdateTrustParametersRequest = z.infer<typeof updateTrustParametersRequestSchema>;

export const PARAMETER_FIELDS = [
  'noticeThresholdDays',
  'fulfilmentTarget',
  'dnaIncludesLateNotSeen',
  'benchmarkMinHeldSessions',
  'overDeliveryThreshold',
  'underDeliveryThreshold',
  'sustainedMonths',
  'jobPlanReviewMonths',
  'reviewFulfilmentBelow',
  'reviewTotalDeliveryAbove',
  'reviewMonths',
  'actionEscalationDays',
] as const satisfies readonly (keyof UpdateTrustParametersRequest)[];
export type ParameterField = (typeof PARAMETER_FIELDS)[number];

export const trustParametersSchema = z.object({
  noticeThresholdDays: z.number().int(),
  fulfilmentTarget: z.number(),
  dnaIncludesLateNotSeen: z.boolean(),
  benchmarkMinHeldSessions: z.number().int(),
  overDeliveryThreshold: z.number(),
  underDeliveryThreshold: z.number(),
  sustainedMonths: z.number().int(),
  jobPlanReviewMonths: z.number().int(),
  /** Escalation rules: fulfilment (net) below, or total delivery above, for this many complete months → "for review". */
  reviewFulfilmentBelow: z.number(),
  reviewTotalDeliveryAbove: z.number(),
  reviewMonths: z.number().int(),
  /** An open action overdue by more than this many days escalates to the divisional director. */
  actionEscalationDays: z.number().int(),
  /** Null while the trust runs on the defaults (nothing saved yet). */
  updatedAt: instant.nullable(),
});
export type TrustParametersResponse = z.infer<typeof trustParametersSchema>;

/**
 * The saved parameters, what changed, and what became of the ledger rebuild a changed notice threshold needs:
 * `done`, `not-needed`, or `failed` (the parameters are saved; the rebuild is left pending for the next refresh).
 */
export const updateTrustParametersResponseSchema = z.object({
  parameters: trustParametersSchema,
  changed: z.array(z.enum(PARAMETER_FIELDS)),
  ledgerRebuild: z.enum(['done', 'not-needed', 'failed']),
});
export type UpdateTrustParametersResponse = z.infer<typeof updateTrustParametersResponseSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Audit log
// ---------------------------------------------------------------------------------------------------------------

export const AUDIT_PAGE_SIZE = 50;
export const AUDIT_MAX_PAGE_SIZE = 200;

const queryDate = (label: string) =>
  z.iso
    .date({ error: `${label} must be a date as YYYY-MM-DD` })
    .refine((date) => date >= '1900-01-01' && date <= '2999-12-31', {
      message: `${label} must be a date between 1900 and 2999`,
    });
const queryId = (label: string) =>
  z
    .string()
    .regex(/^[1-9]\d{0,9}$/, `${label} must be a whole number`)
    .transform(Number)
    .refine((value) => value <= MAX_ID, `${label} must be a whole number`);
const queryWord = (label: string) =>
  z
    .string()
    .trim()
    .regex(/^[a-z0-9_.:-]{1,64}$/i, `${label} must be up to 64 letters, digits, dots or underscores`);
const optionalParam = <Schema extends z.ZodType>(schema: Schema) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

/** The audit log's filters, as a query string (`from`, `to` dates in Europe/London, inclusive). */
const auditFilterShape = {
  from: optionalParam(queryDate('"from"')),
  to: optionalParam(queryDate('"to"')),
  action: optionalParam(queryWord('"action"')),
  actorUserId: optionalParam(queryId('"actorUserId"')),
  entityType: optionalParam(queryWord('"entityType"')),
};

const checkDateOrder = <T extends { from?: string; to?: string }>(value: T) =>
  !(value.from && value.to && value.from > value.to);
const dateOrder = { message: '"from" must be on or before "to"', path: ['to'] };

/** GET /api/admin/audit-events.csv: the filters only. */
export const auditEventFilterSchema = z.strictObject(auditFilterShape).refine(checkDateOrder, dateOrder);
export type AuditEventFilter = z.infer<typeof auditEventFilterSchema>;

/** GET /api/admin/audit-events: the filters and the page (newest first). */
export const auditEventQuerySchema = z
  .strictObject({
    ...auditFilterShape,
    page: optionalParam(queryId('"page"')).transform((value) => value ?? 1),
    pageSize: optionalParam(
      queryId('"pageSize"').refine(
        (value) => value <= AUDIT_MAX_PAGE_SIZE,
        `"pageSize" must be at most ${AUDIT_MAX_PAGE_SIZE}`,
      ),
    ).transform((value) => value ?? AUDIT_PAGE_SIZE),
  })
  .refine(checkDateOrder, dateOrder);
export type AuditEventQuery = z.infer<typeof auditEventQuerySchema>;

/** Who did it: a user, an API token, or nobody known (e.g. a failed sign-in with an unknown email). */
export const auditActorSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('user'), id, name: z.string().nullable(), email: z.string().nullable() }),
  z.object({ kind: z.literal('token'), id, name: z.string().nullable() }),
  z.object({ kind: z.literal('none') }),
]);
export type AuditActor = z.infer<typeof auditActorSchema>;

export const auditEventSchema = z.object({
  /** A bigint in the database: a string here. */
  id: z.string(),
  occurredAt: instant,
  action: z.string(),
  actor: auditActorSchema,
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  details: z.unknown(),
  ipAddress: z.string().nullable(),
});
export type AuditEventSummary = z.infer<typeof auditEventSchema>;

export const auditEventListResponseSchema = z.object({
  events: z.array(auditEventSchema),
  page: z.number().int().positive(),
  pageSize: z.number().int().positive(),
  total: z.number().int().nonnegative(),
});
export type AuditEventListResponse = z.infer<typeof auditEventListResponseSchema>;

/** The filters' choices: actions and entity types seen in the log, and the trust's users. */
export const auditFilterOptionsSchema = z.object({
  actions: z.array(z.string()),
  entityTypes: z.array(z.string()),
  users: z.array(z.object({ id, name: z.string(), email: z.string() })),
});
export type AuditFilterOptions = z.infer<typeof auditFilterOptionsSchema>;

/** The filters as a query string, without empty values (shared by the page's URL, the API and the CSV link). */
export function auditFilterSearchParams(
  filter: Partial<AuditEventFilter> & { page?: number; pageSize?: number },
): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ['from', 'to', 'action', 'actorUserId', 'entityType', 'page', 'pageSize'] as const) {
    const value = filter[key];
    if (value === undefined || value === '') continue;
    if (key === 'page' && value === 1) continue;
    if (key === 'pageSize' && value === AUDIT_PAGE_SIZE) continue;
    params.set(key, String(value));
  }
  return params;
}

// ---------------------------------------------------------------------------------------------------------------
// Metric targets
// ---------------------------------------------------------------------------------------------------------------

/**
 * The metrics whose targets the numbers use: cases per session (a configured target replaces the specialty median
 * as the productivity benchmark, e.g. GIRFT's 10 cataracts per half-day list). The fulfilment target is a trust
 * parameter.
 */
export const TARGET_METRIC_IDS = ['casesPerSession'] as const;
export const TARGET_ACTIVITY_CATEGORIES = ['clinic', 'list'] as const;
/** Upper bound of a target's value: no session sees more patients or cases than this. */
export const METRIC_TARGET_MAX = 1000;

const specialtyRef = z.object({ id, code: z.string(), name: z.string() });

export const metricTargetSchema = z.object({
  id,
  metricId: z.string(),
  /** Null: every specialty without one of its own. */
  specialty: specialtyRef.nullable(),
  /** Null: clinics and lists alike. */
  activityCategory: z.enum(TARGET_ACTIVITY_CATEGORIES).nullable(),
  value: z.number(),
  source: z.string(),
  sourceUrl: z.string().nullable(),
  createdAt: instant,
});
export type MetricTargetSummary = z.infer<typeof metricTargetSchema>;

export const metricTargetListResponseSchema = z.object({
  targets: z.array(metricTargetSchema),
  /** The trust's specialties, for the form's choice. */
  specialties: z.array(specialtyRef),
});
export type MetricTargetListResponse = z.infer<typeof metricTargetListResponseSchema>;

/** POST /api/admin/metric-targets: sets the target for a metric, specialty and activity (replacing one there). */
export const setMetricTargetRequestSchema = z.strictObject({
  metricId: z.enum(TARGET_METRIC_IDS, { error: `Choose a metric: one of ${TARGET_METRIC_IDS.join(', ')}` }),
  specialtyId: scopeId('Choose a specialty, or none for every specialty').nullable(),
  activityCategory: z
    .enum(TARGET_ACTIVITY_CATEGORIES, { error: 'Choose clinics, lists, or neither for both' })
    .nullable(),
  value: z
    .number({ error: 'Enter the target as a number' })
    .positive('The target must be more than 0')
    .max(METRIC_TARGET_MAX, `The target must be ${METRIC_TARGET_MAX} or less`),
  source: z
    .string({ error: 'Enter where the target comes from' })
    .trim()
    .min(1, 'Enter where the target comes from, like “GIRFT ophthalmology”')
    .max(200, 'The source must be 200 characters or fewer'),
  sourceUrl: z
    .url({ protocol: /^https?$/, error: 'Enter the source’s web address, starting https://' })
    .max(500, 'The web address must be 500 characters or fewer')
    .nullable(),
});
export type SetMetricTargetRequest = z.infer<typeof setMetricTargetRequestSchema>;
