import { authenticateRequest } from '@/lib/server/api/caller';
import { readJsonBody } from '@/lib/server/api/read-json-body';
import { jsonResponse, parseIdParam, withErrorHandling } from '@/lib/server/api/route';
import { getAdminUser, updateUser } from '@/lib/server/dal/users';
import { updateUserRequestSchema } from '@/lib/shared/schemas/admin';

type Context = { params: Promise<{ userId: string }> };

/** One user of the organisation with their live role assignments. */
export const GET = withErrorHandling(async (request: Request, { params }: Context) => {
  const caller = await authenticateRequest(request, 'users:manage');
  const { userId } = await params;
  return jsonResponse(await getAdminUser(caller, parseIdParam(userId, 'user')));
});

/** Renames, deactivates (`isActive: false`) or reactivates a user. */
export const PATCH = withErrorHandling(async (request: Request, { params }: Context) => {
  const caller = await authenticateRequest(request, 'users:manage');
  const id = parseIdParam((await params).userId, 'user');
  const input = await readJsonBody(request, updateUserRequestSchema, {
    expected: '{ name?, isActive? }',
    invalid: 'The change is not valid',
  });
  return jsonResponse(await updateUser(caller, id, input));
});
