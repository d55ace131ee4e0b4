import type { Readable } from 'node:stream';
import { IMPORT_FORMATS, type ImportFormat, type ImportKindSlug } from '@/lib/shared/import-formats';
import { type ColumnMapping, matchHeaders } from '@/lib/shared/import-headers';
import { recordAuditEventSql } from '../audit/audit-log';
import type { Database } from '../db';
import type { LedgerRefreshResult } from '../ledger/refresh-ledger';
import { processLedgerRefreshRequests, requestLedgerRefresh } from '../ledger/refresh-requests';
import { analyseAfterImport } from './analyse-after-import';
import { type BatchRecord, findSameFileBatch, finishBatch, insertBatch, insertIssues } from './batches';
import { IMPORT_KIND_HANDLERS } from './kinds';
import type { ImportKindHandler, IssueDraft, MergeContext } from './kinds/kind';
import { FileProblem, type FileStats, formatBytes, type RecordSource, readRecords } from './read-records';
import { createRowValidator } from './row-validator';
import { Rollback, type SqlSession, withTransaction } from './sql-session';
import { createCopyLineWriter, createStageTableSql, STAGE_TABLE, stageColumns } from './staging';

export const DEFAULT_MAX_IMPORT_BYTES = 200 * 1024 * 1024;
/** Errors kept per import: enough to fix a file; the count says how many rows were rejected in all. */
const MAX_REPORTED_ERRORS = 1000;
const PROGRESS_EVERY_ROWS = 10_000;
const COPY_BUFFER_CHARS = 256 * 1024;
const IMPORT_WORK_MEM = '256MB';

export type ImportOutcome = 'committed' | 'rejected' | 'dry-run' | 'unchanged';

export interface ImportIssue {
  row: number | null;
  column: string | null;
  value: string | null;
  message: string;
}

export interface ImportResult {
  batchId: number;
  kind: ImportKindSlug;
  status: ImportOutcome;
  fileName: string;
  fileHash: string;
  /** The dates the file covers (its period column), when the kind has one. */
  period: { from: string; to: string } | null;
  rows: {
    read: number;
    inserted: number;
    updated: number;
    unchanged: number;
    deleted: number;
    rejected: number;
  };
  warnings: ImportIssue[];
  errors: ImportIssue[];
  warningCount: number;
  errorCount: number;
  /** An earlier import of the very same file (same kind and SHA-256), if any. */
  sameFileAsBatchId: number | null;
  durationMs: number;
  /** The ledger refresh that followed a committed import (null if none ran). */
  ledger?: LedgerRefreshResult | null;
}

export interface ImportProgress {
  phase: 'reading' | 'checking' | 'merging' | 'finished';
  bytesRead: number;
  rowsRead: number;
}

export interface ImportRequest {
  organisationId: number;
  kind: ImportKindSlug;
  input: Readable;
  fileName: string;
  format?: 'csv' | 'xlsx';
  dryRun?: boolean;
  mapping?: ColumnMapping;
  sourceProfileId?: number;
  actor?: { userId?: number; apiTokenId?: number };
  maxBytes?: number;
  onProgress?: (progress: ImportProgress) => void;
  /** Refresh the ledger after committing (default true; benchmarks of the import alone turn it off). */
  refreshLedger?: boolean;
}

/** The file is rejected: nothing it holds is written. */
class RejectedFile extends Error {
  constructor(
    readonly errors: IssueDraft[],
    readonly rowsRead: number,
    readonly rowsRejected: number,
  ) {
    super('rejected');
  }
}

const ORDERED_KINDS = Object.keys(IMPORT_FORMATS);

interface BatchBase {
  organisationId: number;
  format: ImportFormat;
  fileName: string;
  sourceProfileId?: number;
  createdByUserId?: number;
  apiTokenId?: number;
}

/** What a successful pass through the pipeline found, before it is returned (or rolled back, for a dry run). */
interface MergedImport {
  batchId: number;
  record: BatchRecord;
  warnings: IssueDraft[];
  sameFileAsBatchId: number | null;
}

/**
 * Imports one extract: stream → match headers → validate each row → COPY into a staging table → set-based merge,
 * all in one transaction, recorded as an import batch with its errors and warnings. Any invalid row rejects the
 * whole file and changes no data; a dry run does everything and then rolls back.
 */
export async function importFile(database: Database, request: ImportRequest): Promise<ImportResult> {
  const result = await stageMergeAndRecord(database, request);
  // Every import, by whoever and however (browser, API token, command line), goes into the audit log too.
  await recordAuditEventSql(database, {
    organisationId: request.organisationId,
    actorUserId: request.actor?.userId ?? null,
    actorTokenId: request.actor?.apiTokenId ?? null,
    action: `import.${result.status}`,
    entityType: 'import_batch',
    entityId: result.batchId,
    details: {
      kind: result.kind,
      fileName: result.fileName,
      rows: { ...result.rows },
      errors: result.errorCount,
      warnings: result.warningCount,
    },
  });
  return result;
}

async function stageMergeAndRecord(database: Database, request: ImportRequest): Promise<ImportResult> {
  const started = performance.now();
  const handler = IMPORT_KIND_HANDLERS[request.kind];
  const source = readRecords(
    request.input,
    request.format ?? guessFormat(request.fileName),
    request.maxBytes ?? DEFAULT_MAX_IMPORT_BYTES,
  );
  const base: BatchBase = {
    organisationId: request.organisationId,
    format: handler.format,
    fileName: request.fileName,
    sourceProfileId: request.sourceProfileId,
    createdByUserId: request.actor?.userId,
    apiTokenId: request.actor?.apiTokenId,
  };
  const elapsed = () => performance.now() - started;
  let merged: MergedImport;
  try {
    merged = await withTransaction(database, (session) =>
      stageAndMerge(session, handler, source, request, base, elapsed),
    );
  } catch (error) {
    if (!(error instanceof RejectedFile || error instanceof FileProblem)) throw error;
    const rejection =
      error instanceof RejectedFile
        ? error
        : new RejectedFile([{ rowNumber: error.rowNumber ?? null, message: error.message }], 0, 0);
    return recordRejection(database, request, base, source, rejection, elapsed);
  }
  // A dry run rolled everything back, its batch row included: record that it happened, with what it found.
  const batchId = request.dryRun
    ? await recordBatch(database, merged.record, 'warning', merged.warnings)
    : merged.batchId;
  const status: ImportOutcome =
    merged.record.status === 'dry_run' ? 'dry-run' : (merged.record.status as ImportOutcome);
  if (status === 'committed') {
    const rows = merged.record.rows ?? emptyCounts();
    await analyseAfterImport(database, request.kind, rows.inserted + rows.updated + rows.deleted);
  }
  // The import is committed: bring the ledger up to date for what it changed (in its own transaction; a request
  // left by a crash here is picked up by the next refresh).
  const ledger =
    status === 'committed' && request.refreshLedger !== false
      ? await processLedgerRefreshRequests(database, request.organisationId)
      : null;
  return {
    batchId,
    kind: request.kind,
    status,
    fileName: request.fileName,
    fileHash: merged.record.fileHash,
    period: merged.record.period ?? null,
    rows: merged.record.rows ?? emptyCounts(),
    warnings: merged.warnings.map(toIssue),
    errors: [],
    warningCount: merged.warnings.length,
    errorCount: 0,
    sameFileAsBatchId: merged.sameFileAsBatchId,
    durationMs: Math.round(elapsed()),
    ledger,
  };
}

async function stageAndMerge(
  session: SqlSession,
  handler: ImportKindHandler,
  source: RecordSource,
  request: ImportRequest,
  base: BatchBase,
  elapsed: () => number,
): Promise<MergedImport> {
  // Sorts and hashes over a whole extract: give them memory for this transaction only (default 4 MB made the
  // changed-rows join of a 1M-row re-import three times slower).
  await session.query(`SET LOCAL work_mem = '${IMPORT_WORK_MEM}'`);
  // One import per organisation and kind at a time; others wait here.
  await session.query('SELECT pg_advisory_xact_lock($1::int, $2::int)', [
    request.organisationId,
    ORDERED_KINDS.indexOf(request.kind),
  ]);
  const batchId = await insertBatch(session, { ...base, status: 'running', fileHash: '', fileBytes: 0 });
  const staged = await stageFile(session, handler, source, request);
  const context: MergeContext = { organisationId: request.organisationId, batchId, period: staged.period };
  const progress = (phase: ImportProgress['phase']) =>
    request.onProgress?.({ phase, bytesRead: source.stats.bytes, rowsRead: staged.rowsRead });

  progress('checking');
  const fileErrors = (await handler.findFileErrors?.(session, context)) ?? [];
  if (fileErrors.length > 0) {
    const rejectedRows = new Set(fileErrors.map((error) => error.rowNumber)).size;
    throw new RejectedFile(fileErrors, staged.rowsRead, rejectedRows);
  }

  progress('merging');
  const counts = await handler.merge(session, context);
  const warnings = (await handler.findWarnings?.(session, context)) ?? [];
  const isUnchanged = counts.inserted + counts.updated + counts.deleted === 0;
  const record: BatchRecord = {
    ...base,
    status: request.dryRun ? 'dry_run' : isUnchanged ? 'unchanged' : 'committed',
    fileHash: source.stats.hash,
    fileBytes: source.stats.bytes,
    period: staged.period,
    rows: {
      read: staged.rowsRead,
      ...counts,
      unchanged: Math.max(0, staged.rowsRead - counts.inserted - counts.updated),
      rejected: 0,
    },
    warningCount: warnings.length,
    durationMs: elapsed(),
  };
  const sameFileAsBatchId = await findSameFileBatch(
    session,
    request.organisationId,
    base.format,
    source.stats.hash,
  );
  const merged: MergedImport = { batchId, record, warnings, sameFileAsBatchId };
  if (request.dryRun) throw new Rollback(merged);
  if (!isUnchanged) {
    await requestLedgerRefresh(session, { ...context, kind: request.kind, deleted: counts.deleted });
  }
  await finishBatch(session, batchId, record);
  await insertIssues(session, request.organisationId, batchId, 'warning', warnings);
  progress('finished');
  return merged;
}

async function recordRejection(
  database: Database,
  request: ImportRequest,
  base: BatchBase,
  source: RecordSource,
  rejection: RejectedFile,
  elapsed: () => number,
): Promise<ImportResult> {
  await source.finish();
  const rows = { ...emptyCounts(), read: rejection.rowsRead, rejected: rejection.rowsRejected };
  const record: BatchRecord = {
    ...base,
    status: 'rejected',
    fileHash: source.stats.hash,
    fileBytes: source.stats.bytes,
    rows,
    durationMs: elapsed(),
  };
  const batchId = await recordBatch(database, record, 'error', rejection.errors);
  return {
    batchId,
    kind: request.kind,
    status: 'rejected',
    fileName: request.fileName,
    fileHash: source.stats.hash,
    period: null,
    rows,
    warnings: [],
    errors: rejection.errors.map(toIssue),
    warningCount: 0,
    errorCount: rejection.errors.length,
    sameFileAsBatchId: null,
    durationMs: Math.round(elapsed()),
  };
}

function emptyCounts(): ImportResult['rows'] {
  return { read: 0, inserted: 0, updated: 0, unchanged: 0, deleted: 0, rejected: 0 };
}

/** Reads, validates and COPYs every row into the staging table; throws RejectedFile when any row is invalid. */
async function stageFile(
  session: SqlSession,
  handler: ImportKindHandler,
  source: RecordSource,
  request: ImportRequest,
): Promise<{ rowsRead: number; period: { from: string; to: string } | null }> {
  const format = handler.format;
  await session.query(createStageTableSql(format));
  const copy = session.openCopy(STAGE_TABLE, stageColumns(format));
  const toCopyLine = createCopyLineWriter(format);
  const errors: IssueDraft[] = [];
  let rowsRead = 0;
  let rowsRejected = 0;
  let buffer = '';
  let validate: ReturnType<typeof createRowValidator> | undefined;
  try {
    for await (const batch of source.batches) {
      for (const { rowNumber, cells, problem } of batch) {
        if (!validate) {
          validate = createValidatorFromHeader(format, cells, request.mapping, handler);
          continue;
        }
        rowsRead++;
        if (rowsRead % PROGRESS_EVERY_ROWS === 0) {
          request.onProgress?.({ phase: 'reading', bytesRead: source.stats.bytes, rowsRead });
        }
        const checked = problem ? { problems: [{ message: problem }] } : validate(cells);
        if ('problems' in checked) {
          rowsRejected++;
          for (const rowProblem of checked.problems) {
            if (errors.length < MAX_REPORTED_ERRORS) errors.push({ rowNumber, ...rowProblem });
          }
          continue;
        }
        if (rowsRejected > 0) continue; // the file is rejected: stop loading, keep checking
        buffer += toCopyLine(rowNumber, checked.values);
      }
      if (buffer.length >= COPY_BUFFER_CHARS) {
        await copy.write(buffer);
        buffer = '';
      }
    }
    if (buffer !== '') await copy.write(buffer);
  } finally {
    await copy.end().catch((error) => {
      if (rowsRejected === 0) throw error;
    });
  }
  if (!validate) throw new FileProblem('the file is empty: it needs a header row and at least one data row');
  if (rowsRead === 0) throw new FileProblem('the file has a header row but no data rows');
  if (rowsRejected > 0) throw new RejectedFile(errors, rowsRead, rowsRejected);
  // Temporary tables are never auto-analysed: without statistics the planner takes the staged file for a few
  // rows and joins it by nested loops (the "missing in period" anti-join went quadratic: minutes for 100k rows).
  await session.query(`ANALYZE ${STAGE_TABLE}`);
  return { rowsRead, period: await readPeriod(session, format) };
}

function createValidatorFromHeader(
  format: ImportFormat,
  header: string[],
  mapping: ColumnMapping | undefined,
  handler: ImportKindHandler,
) {
  const [only] = header;
  if (header.length === 1 && only !== undefined && /[;\t|]/.test(only)) {
    const separator = only.includes(';') ? 'semicolons' : only.includes('\t') ? 'tabs' : 'vertical bars';
    throw new FileProblem(
      `the file seems to be separated by ${separator}, not commas; save it as CSV (comma-delimited)`,
      1,
    );
  }
  const match = matchHeaders(format, header, mapping);
  if (!match.ok) {
    throw new RejectedFile(
      match.problems.map((problem) => ({
        rowNumber: 1,
        column: problem.column,
        value: problem.value,
        message: problem.message,
      })),
      0,
      0,
    );
  }
  return createRowValidator(format, match.indexes, handler.checkRow);
}

async function readPeriod(
  session: SqlSession,
  format: ImportFormat,
): Promise<{ from: string; to: string } | null> {
  if (!format.periodColumn) return null;
  const [row] = await session.query<{ from: string | null; to: string | null }>(
    `SELECT min(${format.periodColumn})::text AS "from", max(${format.periodColumn})::text AS "to" FROM ${STAGE_TABLE}`,
  );
  return row?.from && row.to ? { from: row.from, to: row.to } : null;
}

async function recordBatch(
  database: Database,
  record: BatchRecord,
  severity: 'error' | 'warning',
  issues: IssueDraft[],
): Promise<number> {
  return withTransaction(database, async (session) => {
    const batchId = await insertBatch(session, record);
    await insertIssues(session, record.organisationId, batchId, severity, issues);
    return batchId;
  });
}

function toIssue(issue: IssueDraft): ImportIssue {
  return {
    row: issue.rowNumber ?? null,
    column: issue.column ?? null,
    value: issue.value?.replaceAll('\u0000', '\u2400') ?? null,
    message: issue.message,
  };
}

function guessFormat(fileName: string): 'csv' | 'xlsx' {
  return /\.xlsx$/i.test(fileName) ? 'xlsx' : 'csv';
}

export { type FileStats, formatBytes };
