import { authenticateRequest } from '@/lib/server/api/caller';
import { AppError } from '@/lib/server/api/errors';
import { jsonResponse, parseIdParam, withErrorHandling } from '@/lib/server/api/route';
import { recordNamedViews } from '@/lib/server/audit/named-views';
import { getDatabase } from '@/lib/server/db';
import { getSpecialtyView } from '@/lib/server/metrics/views';
import { viewQuerySchema } from '@/lib/shared/schemas/metrics';
import { parseQueryOrBadRequest } from '../../parse-query';

/** One specialty: its metrics, its consultants' table and weekly series. 404 when unknown or out of scope. */
export const GET = withErrorHandling(
  async (request: Request, { params }: { params: Promise<{ specialtyId: string }> }) => {
    const caller = await authenticateRequest(request, 'metrics:view');
    const { specialtyId } = await params;
    const id = parseIdParam(specialtyId, 'specialty');
    const query = parseQueryOrBadRequest(viewQuerySchema, request);
    const view = await getSpecialtyView(await getDatabase(), caller.scope, { ...query, specialtyId: id });
    if (!view) throw AppError.notFound(`No specialty ${specialtyId}.`);
    await recordNamedViews(
      caller,
      view.consultants.rows.map((row) => row.id),
      {
        view: 'specialty',
        specialtyId: id,
        from: query.period.from,
        to: query.period.to,
        activity: query.activity,
      },
    );
    return jsonResponse(view);
  },
);
