import { authenticateRequest } from '@/lib/server/api/caller';
import { jsonResponse, withErrorHandling } from '@/lib/server/api/route';
import { recordNamedViews } from '@/lib/server/audit/named-views';
import { getDatabase } from '@/lib/server/db';
import { getSeries } from '@/lib/server/metrics/series';
import { seriesQuerySchema } from '@/lib/shared/schemas/metrics';
import { parseQueryOrBadRequest } from '../parse-query';

/** Weekly or monthly series per unit at one level, optionally of one unit (`unit_level`, `unit_id`). */
export const GET = withErrorHandling(async (request: Request) => {
  const caller = await authenticateRequest(request, 'metrics:view');
  const query = parseQueryOrBadRequest(seriesQuerySchema, request);
  const series = await getSeries(await getDatabase(), caller.scope, query);
  if (query.level === 'consultant') {
    await recordNamedViews(
      caller,
      series.map((unit) => unit.unitId),
      { view: 'series', from: query.period.from, to: query.period.to, activity: query.activity },
    );
  }
  return jsonResponse({ series });
});
