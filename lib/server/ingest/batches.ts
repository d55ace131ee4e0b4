import type { ImportFormat } from '@/lib/shared/import-formats';
import type { IssueDraft } from './kinds/kind';
import type { SqlSession } from './sql-session';

export type BatchStatus = 'running' | 'committed' | 'rejected' | 'dry_run' | 'unchanged' | 'failed';

export interface BatchRecord {
  organisationId: number;
  format: ImportFormat;
  status: BatchStatus;
  fileName: string;
  fileHash: string;
  fileBytes: number;
  sourceProfileId?: number | null;
  createdByUserId?: number | null;
  apiTokenId?: number | null;
  period?: { from: string; to: string } | null;
  rows?: {
    read: number;
    inserted: number;
    updated: number;
    unchanged: number;
    deleted: number;
    rejected: number;
  };
  warningCount?: number;
  durationMs?: number;
}

/** Inserts an import batch row and returns its id. */
export async function insertBatch(session: SqlSession, batch: BatchRecord): Promise<number> {
  const [row] = await session.query<{ id: number }>(
    `INSERT INTO import_batches (organisation_id, kind, status, file_name, file_hash, file_bytes, source_profile_id,
       created_by_user_id, api_token_id)
     VALUES ($1, $2::import_kind, $3::import_status, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      batch.organisationId,
      batch.format.kind,
      batch.status,
      batch.fileName,
      batch.fileHash,
      batch.fileBytes,
      batch.sourceProfileId ?? null,
      batch.createdByUserId ?? null,
      batch.apiTokenId ?? null,
    ],
  );
  if (!row) throw new Error('import batch was not created');
  await finishBatch(session, row.id, batch);
  return row.id;
}

/** Writes a batch's outcome: status, file facts, counts, period and duration. */
export async function finishBatch(session: SqlSession, batchId: number, batch: BatchRecord): Promise<void> {
  const rows = batch.rows ?? { read: 0, inserted: 0, updated: 0, unchanged: 0, deleted: 0, rejected: 0 };
  await session.query(
    `UPDATE import_batches SET status = $3::import_status, file_hash = $4, file_bytes = $5,
       period_from = $6::date, period_to = $7::date, rows_read = $8, rows_inserted = $9, rows_updated = $10,
       rows_unchanged = $11, rows_deleted = $12, rows_rejected = $13, warning_count = $14,
       finished_at = CASE WHEN $3 = 'running' THEN NULL ELSE now() END, duration_ms = $15
     WHERE organisation_id = $1 AND id = $2`,
    [
      batch.organisationId,
      batchId,
      batch.status,
      batch.fileHash,
      batch.fileBytes,
      batch.period?.from ?? null,
      batch.period?.to ?? null,
      rows.read,
      rows.inserted,
      rows.updated,
      rows.unchanged,
      rows.deleted,
      rows.rejected,
      batch.warningCount ?? 0,
      batch.durationMs === undefined ? null : Math.round(batch.durationMs),
    ],
  );
}

/** Stores a batch's errors or warnings (one statement, whatever the number). */
export async function insertIssues(
  session: SqlSession,
  organisationId: number,
  batchId: number,
  severity: 'error' | 'warning',
  issues: readonly IssueDraft[],
): Promise<void> {
  if (issues.length === 0) return;
  await session.query(
    `INSERT INTO import_issues (organisation_id, batch_id, severity, row_number, "column", value, message)
     SELECT $1, $2, $3::import_issue_severity, r.row_number, r.column_name, r.value, r.message
     FROM jsonb_to_recordset($4::jsonb) AS r(row_number int, column_name text, value text, message text)`,
    [
      organisationId,
      batchId,
      severity,
      JSON.stringify(
        issues.map((issue) => ({
          row_number: issue.rowNumber ?? null,
          column_name: issue.column ?? null,
          value: issue.value == null ? null : withoutNul(issue.value),
          message: withoutNul(issue.message),
        })),
      ),
    ],
  );
}

/** PostgreSQL text cannot hold U+0000: show it as ␀ in stored issues (the file was rejected for it anyway). */
function withoutNul(text: string): string {
  return text.replaceAll('\u0000', '\u2400');
}

/** The latest batch that took in the same file (same kind and hash) and kept it, if any. */
export async function findSameFileBatch(
  session: SqlSession,
  organisationId: number,
  format: ImportFormat,
  fileHash: string,
): Promise<number | null> {
  const [row] = await session.query<{ id: number }>(
    `SELECT id FROM import_batches
     WHERE organisation_id = $1 AND kind = $2::import_kind AND file_hash = $3 AND status IN ('committed', 'unchanged')
     ORDER BY id DESC LIMIT 1`,
    [organisationId, format.kind, fileHash],
  );
  return row?.id ?? null;
}
