import { authenticateRequest } from '@/lib/server/api/caller';
import { readJsonBody } from '@/lib/server/api/read-json-body';
import { jsonResponse, parseIdParam, withErrorHandling } from '@/lib/server/api/route';
import { resetUserPassword } from '@/lib/server/dal/users';
import { resetPasswordRequestSchema } from '@/lib/shared/schemas/admin';

/**
 * Resets a user's password: `{ mode: "set", password }` sets the one given, `{ mode: "generate" }` generates one
 * and returns it this once. Either way the old password stops working and any lockout is lifted.
 */
export const POST = withErrorHandling(
  async (request: Request, { params }: { params: Promise<{ userId: string }> }) => {
    const caller = await authenticateRequest(request, 'users:manage');
    const id = parseIdParam((await params).userId, 'user');
    const input = await readJsonBody(request, resetPasswordRequestSchema, {
      expected: '{ mode: "set", password } or { mode: "generate" }',
      invalid: 'The password reset is not valid',
    });
    return jsonResponse(await resetUserPassword(caller, id, input));
  },
);
