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
import {
  type CreateSourceProfileRequest,
  type ImportHistoryResponse,
  importHistoryResponseSchema,
  type SourceProfile,
  type SourceProfileListResponse,
  sourceProfileListResponseSchema,
  sourceProfileSchema,
} from '@/lib/shared/schemas/imports';
import { getJson, type RequestOptions, sendJson } from './http';

export { fetchHealth } from './health-api';
export { ApiError, ApiValidationError, type RequestOptions, sendJson, toApiError } from './http';
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
  return sendJson('POST', '/api/source-profiles', input, sourceProfileSchema);
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
