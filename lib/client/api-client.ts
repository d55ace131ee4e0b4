import type { z } from 'zod';
import {
  type AdminUser,
  type AdminUserListResponse,
  type ApiTokenListResponse,
  type ApiTokenSummary,
  type AssignRoleRequest,
  type AuditEventFilter,
  type AuditEventListResponse,
  type AuditEventQuery,
  adminUserListResponseSchema,
  adminUserSchema,
  apiTokenListResponseSchema,
  apiTokenSchema,
  auditEventListResponseSchema,
  auditFilterSearchParams,
  type CreateApiTokenRequest,
  type CreateApiTokenResponse,
  type CreateUserRequest,
  createApiTokenResponseSchema,
  type ResetPasswordRequest,
  type RoleAssignmentSummary,
  roleAssignmentSchema,
  type TrustParametersResponse,
  trustParametersSchema,
  type UpdateTrustParametersRequest,
  type UpdateTrustParametersResponse,
  type UpdateUserRequest,
  type UserWithPasswordResponse,
  updateTrustParametersResponseSchema,
  userWithPasswordResponseSchema,
} from '@/lib/shared/schemas/admin';
import { apiErrorResponseSchema } from '@/lib/shared/schemas/api-error';
import { type HealthResponse, healthResponseSchema } from '@/lib/shared/schemas/health';
import {
  type CreateSourceProfileRequest,
  type ImportHistoryResponse,
  importHistoryResponseSchema,
  type SourceProfile,
  type SourceProfileListResponse,
  sourceProfileListResponseSchema,
  sourceProfileSchema,
} from '@/lib/shared/schemas/imports';
import {
  type SeriesResponse,
  seriesResponseSchema,
  type UnitReportResponse,
  unitReportSchema,
} from '@/lib/shared/schemas/metrics';
import {
  type JobPlanCurrencyRequest,
  type JobPlanCurrencyResponse,
  jobPlanCurrencyResponseSchema,
  jobPlanCurrencySearchParams,
  type ReportRequest,
  reportSearchParams,
  type SeriesRequest,
  seriesSearchParams,
  type WorkloadBalanceRequest,
  type WorkloadBalanceResponse,
  workloadBalanceResponseSchema,
  workloadBalanceSearchParams,
} from './metrics-requests';

/** A failed API call: the HTTP status and the `{ error: { code, message } }` body the routes return. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

export interface RequestOptions {
  /** Aborts the request when react-query cancels the query (unmount, newer key). */
  signal?: AbortSignal;
}

/**
 * GETs a JSON resource and validates it against its schema, so that a drifting API fails loudly here rather
 * than as `undefined` deep in a component. Statuses listed in `acceptStatuses` are parsed like a success.
 */
async function getJson<T>(
  path: string,
  schema: z.ZodType<T>,
  { signal, acceptStatuses = [] }: RequestOptions & { acceptStatuses?: number[] } = {},
): Promise<T> {
  const response = await fetch(path, { signal, headers: { Accept: 'application/json' }, cache: 'no-store' });
  if (!response.ok && !acceptStatuses.includes(response.status)) throw await toApiError(response);
  return schema.parse(await response.json());
}

/** POSTs a JSON body and validates the JSON answer against its schema. */
async function postJson<T>(
  path: string,
  body: unknown,
  schema: z.ZodType<T>,
  { signal }: RequestOptions = {},
) {
  const response = await fetch(path, {
    method: 'POST',
    signal,
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw await toApiError(response);
  return schema.parse(await response.json());
}

/** The `{ error }` body of a failed call as an ApiError (exported for callers that do not use fetch). */
export async function toApiError(response: Response): Promise<ApiError> {
  const body = apiErrorResponseSchema.safeParse(await response.json().catch(() => null));
  if (body.success) return new ApiError(response.status, body.data.error.code, body.data.error.message);
  return new ApiError(response.status, 'http_error', `Request failed with status ${response.status}`);
}

/** GET /api/health. A 503 still carries a health report (database unreachable, migrations pending). */
export function fetchHealth(options: RequestOptions = {}): Promise<HealthResponse> {
  return getJson('/api/health', healthResponseSchema, { ...options, acceptStatuses: [503] });
}

/** GET /api/imports: recent import batches, newest first, and data freshness per kind. */
export function fetchImportHistory(options: RequestOptions = {}): Promise<ImportHistoryResponse> {
  return getJson('/api/imports', importHistoryResponseSchema, options);
}

/** GET /api/source-profiles?kind=…: the saved column mappings of one kind. */
export function fetchSourceProfiles(
  kind: string,
  options: RequestOptions = {},
): Promise<SourceProfileListResponse> {
  return getJson(
    `/api/source-profiles?kind=${encodeURIComponent(kind)}`,
    sourceProfileListResponseSchema,
    options,
  );
}

/** POST /api/source-profiles: saves a named column mapping (409 when the name is taken for the kind). */
export function createSourceProfile(input: CreateSourceProfileRequest): Promise<SourceProfile> {
  return postJson('/api/source-profiles', input, sourceProfileSchema);
}

// ---------------------------------------------------------------------------------------------------------------
// Admin (/api/admin/*): users, role assignments, passwords, API tokens, trust parameters, audit log
// ---------------------------------------------------------------------------------------------------------------

/** A failed admin call that also says which fields were wrong (`issues`), so a form can mark each one. */
export class ApiValidationError extends ApiError {
  readonly issues: readonly { path: string; message: string }[];

  constructor(
    status: number,
    code: string,
    message: string,
    issues: readonly { path: string; message: string }[],
  ) {
    super(status, code, message);
    this.name = 'ApiValidationError';
    this.issues = issues;
  }
}

/** Sends a JSON body (or none) with `method` and validates the JSON answer; errors keep their field issues. */
async function sendJson<T>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body: unknown,
  schema: z.ZodType<T>,
) {
  const response = await fetch(path, {
    method,
    headers: {
      Accept: 'application/json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    const parsed = apiErrorResponseSchema.safeParse(await response.json().catch(() => null));
    if (!parsed.success) {
      throw new ApiError(response.status, 'http_error', `Request failed with status ${response.status}`);
    }
    const { code, message, issues } = parsed.data.error;
    throw new ApiValidationError(response.status, code, message, issues ?? []);
  }
  return schema.parse(await response.json());
}

const adminUserPath = (userId: number) => `/api/admin/users/${encodeURIComponent(String(userId))}`;

/** GET /api/admin/users: the trust's users with their live roles. */
export function fetchAdminUsers(options: RequestOptions = {}): Promise<AdminUserListResponse> {
  return getJson('/api/admin/users', adminUserListResponseSchema, options);
}

/** GET /api/admin/users/:userId. */
export function fetchAdminUser(userId: number, options: RequestOptions = {}): Promise<AdminUser> {
  return getJson(adminUserPath(userId), adminUserSchema, options);
}

/** POST /api/admin/users: creates a user (409 when the email is taken); a generated password comes back once. */
export function createAdminUser(input: CreateUserRequest): Promise<UserWithPasswordResponse> {
  return sendJson('POST', '/api/admin/users', input, userWithPasswordResponseSchema);
}

/** PATCH /api/admin/users/:userId: rename, deactivate or reactivate. */
export function updateAdminUser(userId: number, input: UpdateUserRequest): Promise<AdminUser> {
  return sendJson('PATCH', adminUserPath(userId), input, adminUserSchema);
}

/** POST /api/admin/users/:userId/password: set or generate a new password. */
export function resetAdminUserPassword(
  userId: number,
  input: ResetPasswordRequest,
): Promise<UserWithPasswordResponse> {
  return sendJson('POST', `${adminUserPath(userId)}/password`, input, userWithPasswordResponseSchema);
}

/** POST /api/admin/users/:userId/roles: assigns a role with its scope. */
export function assignAdminRole(userId: number, input: AssignRoleRequest): Promise<RoleAssignmentSummary> {
  return sendJson('POST', `${adminUserPath(userId)}/roles`, input, roleAssignmentSchema);
}

/** DELETE /api/admin/users/:userId/roles/:assignmentId: revokes a role assignment. */
export function revokeAdminRole(userId: number, assignmentId: number): Promise<RoleAssignmentSummary> {
  return sendJson(
    'DELETE',
    `${adminUserPath(userId)}/roles/${encodeURIComponent(String(assignmentId))}`,
    undefined,
    roleAssignmentSchema,
  );
}

/** GET /api/admin/api-tokens: the trust's API tokens (never their secrets). */
export function fetchAdminApiTokens(options: RequestOptions = {}): Promise<ApiTokenListResponse> {
  return getJson('/api/admin/api-tokens', apiTokenListResponseSchema, options);
}

/** POST /api/admin/api-tokens: creates a token; its secret is in the answer this once. */
export function createAdminApiToken(input: CreateApiTokenRequest): Promise<CreateApiTokenResponse> {
  return sendJson('POST', '/api/admin/api-tokens', input, createApiTokenResponseSchema);
}

/** DELETE /api/admin/api-tokens/:tokenId: revokes a token. */
export function revokeAdminApiToken(tokenId: number): Promise<ApiTokenSummary> {
  return sendJson(
    'DELETE',
    `/api/admin/api-tokens/${encodeURIComponent(String(tokenId))}`,
    undefined,
    apiTokenSchema,
  );
}

/** GET /api/admin/parameters: the trust parameters in force. */
export function fetchAdminParameters(options: RequestOptions = {}): Promise<TrustParametersResponse> {
  return getJson('/api/admin/parameters', trustParametersSchema, options);
}

/** PUT /api/admin/parameters: saves every parameter (a changed notice threshold rebuilds the ledger). */
export function updateAdminParameters(
  input: UpdateTrustParametersRequest,
): Promise<UpdateTrustParametersResponse> {
  return sendJson('PUT', '/api/admin/parameters', input, updateTrustParametersResponseSchema);
}

/** GET /api/admin/audit-events: one page of the audit log with these filters, newest first. */
export function fetchAdminAuditEvents(
  query: AuditEventQuery,
  options: RequestOptions = {},
): Promise<AuditEventListResponse> {
  const search = auditFilterSearchParams(query).toString();
  return getJson(
    `/api/admin/audit-events${search ? `?${search}` : ''}`,
    auditEventListResponseSchema,
    options,
  );
}

/** The CSV download of the audit log with these filters (a link's href: the browser downloads it). */
export function adminAuditCsvHref(filter: Partial<AuditEventFilter>): string {
  const search = auditFilterSearchParams({ ...filter, page: undefined, pageSize: undefined }).toString();
  return `/api/admin/audit-events.csv${search ? `?${search}` : ''}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Metrics (/api/metrics/*): what the dashboards refetch when a filter changes
// ---------------------------------------------------------------------------------------------------------------

/** GET /api/metrics/report: every unit at one level over the period, optionally within one unit. */
export function fetchMetricsReport(
  request: ReportRequest,
  options: RequestOptions = {},
): Promise<UnitReportResponse> {
  return getJson(`/api/metrics/report?${reportSearchParams(request)}`, unitReportSchema, options);
}

/** GET /api/metrics/series: weekly or monthly series per unit at one level. */
export function fetchMetricsSeries(
  request: SeriesRequest,
  options: RequestOptions = {},
): Promise<SeriesResponse> {
  return getJson(`/api/metrics/series?${seriesSearchParams(request)}`, seriesResponseSchema, options);
}

/** GET /api/metrics/job-plan-currency: job plan currency on a date, optionally within one unit. */
export function fetchJobPlanCurrency(
  request: JobPlanCurrencyRequest,
  options: RequestOptions = {},
): Promise<JobPlanCurrencyResponse> {
  return getJson(
    `/api/metrics/job-plan-currency?${jobPlanCurrencySearchParams(request)}`,
    jobPlanCurrencyResponseSchema,
    options,
  );
}

/** GET /api/metrics/workload-balance: sustained over- and under-delivery flags of the consultants. */
export function fetchWorkloadBalance(
  request: WorkloadBalanceRequest,
  options: RequestOptions = {},
): Promise<WorkloadBalanceResponse> {
  return getJson(
    `/api/metrics/workload-balance?${workloadBalanceSearchParams(request)}`,
    workloadBalanceResponseSchema,
    options,
  );
}
