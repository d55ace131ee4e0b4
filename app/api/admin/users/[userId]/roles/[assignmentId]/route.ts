import { authenticateRequest } from '@/lib/server/api/caller';
import { jsonResponse, parseIdParam, withErrorHandling } from '@/lib/server/api/route';
import { revokeRole } from '@/lib/server/dal/role-assignments';

/** Revokes one of the user's role assignments (it stays on record, with the time it was revoked). */
export const DELETE = withErrorHandling(
  async (request: Request, { params }: { params: Promise<{ userId: string; assignmentId: string }> }) => {
    const caller = await authenticateRequest(request, 'users:manage');
    const { userId, assignmentId } = await params;
    return jsonResponse(
      await revokeRole(caller, parseIdParam(userId, 'user'), parseIdParam(assignmentId, 'role assignment')),
    );
  },
);
