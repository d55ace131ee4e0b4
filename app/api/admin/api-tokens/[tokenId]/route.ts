import { authenticateRequest } from '@/lib/server/api/caller';
import { jsonResponse, parseIdParam, withErrorHandling } from '@/lib/server/api/route';
import { revokeApiTokenForCaller } from '@/lib/server/dal/api-token-admin';

/** Revokes an API token: imports with it are refused from now on. 409 when it is already revoked. */
export const DELETE = withErrorHandling(
  async (request: Request, { params }: { params: Promise<{ tokenId: string }> }) => {
    const caller = await authenticateRequest(request, 'api-tokens:manage');
    const { tokenId } = await params;
    return jsonResponse(await revokeApiTokenForCaller(caller, parseIdParam(tokenId, 'API token')));
  },
);
