import { authenticateRequest } from '@/lib/server/api/caller';
import { jsonResponse, withErrorHandling } from '@/lib/server/api/route';
import { recordNamedViews } from '@/lib/server/audit/named-views';
import { getDatabase } from '@/lib/server/db';
import { getUnitReport } from '@/lib/server/metrics/unit-report';
import { reportQuerySchema } from '@/lib/shared/schemas/metrics';
import { parseQueryOrBadRequest } from '../parse-query';

/** Metrics for every unit at one level over a period, optionally within one unit (`within_level`, `within_id`). */
export const GET = withErrorHandling(async (request: Request) => {
  const caller = await authenticateRequest(request, 'metrics:view');
  const query = parseQueryOrBadRequest(reportQuerySchema, request);
  const report = await getUnitReport(await getDatabase(), caller.scope, query);
  if (report.level === 'consultant') {
    await recordNamedViews(
      caller,
      report.rows.map((row) => row.id),
      { view: 'report', from: query.period.from, to: query.period.to, activity: query.activity },
    );
  }
  return jsonResponse(report);
});
