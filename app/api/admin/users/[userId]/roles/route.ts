import { authenticateRequest } from '@/lib/server/api/caller';
import { readJsonBody } from '@/lib/server/api/read-json-body';
import { jsonResponse, parseIdParam, withErrorHandling } from '@/lib/server/api/route';
import { assignRole } from '@/lib/server/dal/role-assignments';
import { assignRoleRequestSchema } from '@/lib/shared/schemas/admin';

/**
 * Gives the user a role with its scope (`divisionId`, `specialtyId` or `consultantId` as the role needs): 201 with
 * the assignment; 404 for a user or scope id that is not the organisation's; 409 when already held.
 */
export const POST = withErrorHandling(
  async (request: Request, { params }: { params: Promise<{ userId: string }> }) => {
    const caller = await authenticateRequest(request, 'users:manage');
    const id = parseIdParam((await params).userId, 'user');
    const input = await readJsonBody(request, assignRoleRequestSchema, {
      expected: '{ role, divisionId? | specialtyId? | consultantId? }',
      invalid: 'The role assignment is not valid',
    });
    return jsonResponse(await assignRole(caller, id, input), { status: 201 });
  },
);
