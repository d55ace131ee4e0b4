import type { Caller } from '@/lib/server/api/caller';
import { auditEntryFor } from '@/lib/server/dal/audit-events';
import { getPrisma } from '@/lib/server/db';
import type { TableExportRecord } from '@/lib/shared/schemas/exports';
import { AUDIT_ACTIONS, recordAuditEvent } from './audit-log';

/**
 * Records that the caller downloaded a table (a CSV or XLSX file made in their browser from the data on screen).
 * The file name, format, row count and page are as the browser reported them; who, from where and when are the
 * server's.
 */
export async function recordTableExport(caller: Caller, record: TableExportRecord): Promise<void> {
  await recordAuditEvent(await getPrisma(), {
    ...auditEntryFor(caller),
    action: AUDIT_ACTIONS.tableExported,
    details: {
      fileName: record.fileName,
      format: record.format,
      rows: record.rows,
      pagePath: record.pagePath,
    },
  });
}
