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
import {
  type CreateSourceProfileRequest,
  type ImportHistoryResponse,
  importHistoryResponseSchema,
  type SourceProfile,
  type SourceProfileListResponse,
  sourceProfileListResponseSchema,
  sourceProfileSchema,
} from '@/lib/shared/schemas/imports';
import { ApiError, getJson, postJson, type RequestOptions } from './http';

export { fetchHealth } from './health-api';
export { ApiError, type RequestOptions } from './http';
export {
  fetchJobPlanCurrency,
  fetchMetricsReport,
  fetchMetricsSeries,
  fetchWorkloadBalance,
} from './metrics-api';

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
// Sending JSON (admin and review forms): refusals keep the API's field issues and details
// ---------------------------------------------------------------------------------------------------------------

/** A failed call that also says which fields were wrong (`issues`), so a form can mark each one. */
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

/**
 * A failed call whose `{ error }` body also says what the caller needs to act on it (`details`), e.g. the open
 * meeting a new one would duplicate.
 */
export class ApiErrorWithDetails extends ApiError {
  readonly details: Record<string, unknown>;

  constructor(status: number, code: string, message: string, details: Record<string, unknown>) {
    super(status, code, message);
    this.name = 'ApiErrorWithDetails';
    this.details = details;
  }
}

/**
 * The `{ error }` body of a failed call as an ApiError; when the API named the fields at fault (`issues`), an
 * ApiValidationError that keeps them, so a form can say what is wrong in its own words (the message is the same);
 * when it sent `details`, an ApiErrorWithDetails that keeps those.
 */
export async function toApiError(response: Response): Promise<ApiError> {
  const parsed = apiErrorResponseSchema.safeParse(await response.json().catch(() => null));
  if (!parsed.success) {
    return new ApiError(response.status, 'http_error', `Request failed with status ${response.status}`);
  }
  const { code, message, issues, details } = parsed.data.error;
  if (issues && issues.length > 0) return new ApiValidationError(response.status, code, message, issues);
  if (details) return new ApiErrorWithDetails(response.status, code, message, details);
  return new ApiError(response.status, code, message);
}

/**
 * Sends a JSON body (or none) with `method` to one of the app's own routes (same origin, so the session cookie goes
 * and the request is CSRF-safe) and reads the JSON answer, validated by `schema` when one is given. A refusal is
 * thrown as toApiError makes it, so a form can show its field issues and a caller can act on its details.
 */
export async function sendJson<T>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body: unknown,
  schema: z.ZodType<T>,
): Promise<T>;
/** Without a schema the answer is not checked: for an answer the caller ignores, or one its own route writes. */
export async function sendJson<T = unknown>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T>;
export async function sendJson<T>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  schema?: z.ZodType<T>,
): Promise<T> {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: {
      Accept: 'application/json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw await toApiError(response);
  const answer: unknown = await response.json();
  return schema ? schema.parse(answer) : (answer as T);
}

// ---------------------------------------------------------------------------------------------------------------
// Admin (/api/admin/*): users, role assignments, passwords, API tokens, trust parameters, audit log
// ---------------------------------------------------------------------------------------------------------------

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
