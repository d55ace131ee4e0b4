import { authenticateRequest } from '@/lib/server/api/caller';
import { AppError } from '@/lib/server/api/errors';
import { jsonResponse, parseIdParam, withErrorHandling } from '@/lib/server/api/route';
import { recordNamedViews } from '@/lib/server/audit/named-views';
import { getDatabase } from '@/lib/server/db';
import { getConsultantView } from '@/lib/server/metrics/views';
import { viewQuerySchema } from '@/lib/shared/schemas/metrics';
import { parseQueryOrBadRequest } from '../../parse-query';

/** One consultant: metrics, weekly series and every ledger session. 404 when unknown or out of scope. */
export const GET = withErrorHandling(
  async (request: Request, { params }: { params: Promise<{ consultantId: string }> }) => {
    const caller = await authenticateRequest(request, 'metrics:view');
    const { consultantId } = await params;
    const id = parseIdParam(consultantId, 'consultant');
    const query = parseQueryOrBadRequest(viewQuerySchema, request);
    const view = await getConsultantView(await getDatabase(), caller.scope, { ...query, consultantId: id });
    if (!view) throw AppError.notFound(`No consultant ${consultantId}.`);
    await recordNamedViews(caller, [id], {
      view: 'consultant',
      from: query.period.from,
      to: query.period.to,
      activity: query.activity,
    });
    return jsonResponse(view);
  },
);
