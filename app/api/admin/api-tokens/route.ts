import { authenticateRequest } from '@/lib/server/api/caller';
import { readJsonBody } from '@/lib/server/api/read-json-body';
import { jsonResponse, withErrorHandling } from '@/lib/server/api/route';
import { createApiTokenForCaller, listApiTokens } from '@/lib/server/dal/api-token-admin';
import { createApiTokenRequestSchema } from '@/lib/shared/schemas/admin';

/** The organisation's API tokens (never the tokens or their hashes). */
export const GET = withErrorHandling(async (request: Request) => {
  const caller = await authenticateRequest(request, 'api-tokens:manage');
  return jsonResponse({ tokens: await listApiTokens(caller) });
});

/** Creates an API token for automated imports: 201 with the token's secret, shown this once. */
export const POST = withErrorHandling(async (request: Request) => {
  const caller = await authenticateRequest(request, 'api-tokens:manage');
  const input = await readJsonBody(request, createApiTokenRequestSchema, {
    expected: '{ name }',
    invalid: 'The API token is not valid',
  });
  return jsonResponse(await createApiTokenForCaller(caller, input), { status: 201 });
});
