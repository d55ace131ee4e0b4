import { authenticateRequest } from '@/lib/server/api/caller';
import { readJsonBody } from '@/lib/server/api/read-json-body';
import { jsonResponse, withErrorHandling } from '@/lib/server/api/route';
import { createUser, listAdminUsers } from '@/lib/server/dal/users';
import { createUserRequestSchema } from '@/lib/shared/schemas/admin';

/** The organisation's users with their live role assignments. */
export const GET = withErrorHandling(async (request: Request) => {
  const caller = await authenticateRequest(request, 'users:manage');
  return jsonResponse({ users: await listAdminUsers(caller) });
});

/** Creates a user: 201 with the user (and a generated password, shown once), 409 when the email is taken. */
export const POST = withErrorHandling(async (request: Request) => {
  const caller = await authenticateRequest(request, 'users:manage');
  const input = await readJsonBody(request, createUserRequestSchema, {
    expected: '{ email, name, password? , generatePassword? }',
    invalid: 'The new user is not valid',
  });
  return jsonResponse(await createUser(caller, input), { status: 201 });
});
