import { getPrisma } from '@/lib/server/db';
import type { ImportKind, ImportStatus } from '@/lib/server/generated/prisma/client';
import { IMPORT_FORMATS, IMPORT_KIND_SLUGS, type ImportKindSlug } from '@/lib/shared/import-formats';
import type {
  ImportBatchDetail,
  ImportBatchStatus,
  ImportBatchSummary,
  ImportHistoryResponse,
  ImportIssue,
  SourceFreshness,
} from '@/lib/shared/schemas/imports';
import type { Scope } from '@/lib/shared/scope';

/** Batches shown in the history. */
const HISTORY_LENGTH = 50;
/** Issues of each severity returned with a batch; the CSV download has them all. */
const MAX_ISSUES_IN_DETAIL = 1000;

const SLUG_BY_KIND = new Map<string, ImportKindSlug>(
  IMPORT_KIND_SLUGS.map((slug) => [IMPORT_FORMATS[slug].kind, slug]),
);
/** Kinds that have a published format (the database also knows clinic_appointments, not importable yet). */
const IMPORTABLE_KINDS = IMPORT_KIND_SLUGS.map((slug) => IMPORT_FORMATS[slug].kind) as ImportKind[];

const STATUS_NAMES: Record<ImportStatus, ImportBatchStatus> = {
  committed: 'committed',
  rejected: 'rejected',
  dry_run: 'dry-run',
  unchanged: 'unchanged',
  running: 'running',
  failed: 'failed',
};

const summarySelect = {
  id: true,
  kind: true,
  status: true,
  fileName: true,
  fileBytes: true,
  startedAt: true,
  finishedAt: true,
  durationMs: true,
  periodFrom: true,
  periodTo: true,
  rowsRead: true,
  rowsInserted: true,
  rowsUpdated: true,
  rowsUnchanged: true,
  rowsDeleted: true,
  rowsRejected: true,
  warningCount: true,
  apiTokenId: true,
  _count: { select: { issues: { where: { severity: 'error' } } } },
} as const;

interface BatchRow {
  id: number;
  kind: ImportKind;
  status: ImportStatus;
  fileName: string;
  fileBytes: bigint;
  startedAt: Date;
  finishedAt: Date | null;
  durationMs: number | null;
  periodFrom: Date | null;
  periodTo: Date | null;
  rowsRead: number;
  rowsInserted: number;
  rowsUpdated: number;
  rowsUnchanged: number;
  rowsDeleted: number;
  rowsRejected: number;
  warningCount: number;
  apiTokenId: number | null;
  _count: { issues: number };
}

/** A calendar date column (read by Prisma as UTC midnight) as YYYY-MM-DD. */
function toIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function toPeriod(from: Date | null, to: Date | null): { from: string; to: string } | null {
  return from && to ? { from: toIsoDate(from), to: toIsoDate(to) } : null;
}

function toSlug(kind: string): ImportKindSlug {
  const slug = SLUG_BY_KIND.get(kind);
  if (!slug) throw new Error(`import kind ${kind} has no published format`);
  return slug;
}

function toSummary(row: BatchRow): ImportBatchSummary {
  return {
    id: row.id,
    kind: toSlug(row.kind),
    status: STATUS_NAMES[row.status],
    fileName: row.fileName,
    fileBytes: Number(row.fileBytes),
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    durationMs: row.durationMs,
    period: toPeriod(row.periodFrom, row.periodTo),
    rows: {
      read: row.rowsRead,
      inserted: row.rowsInserted,
      updated: row.rowsUpdated,
      unchanged: row.rowsUnchanged,
      deleted: row.rowsDeleted,
      rejected: row.rowsRejected,
    },
    warningCount: row.warningCount,
    errorCount: row._count.issues,
    isViaApi: row.apiTokenId !== null,
  };
}

/** The organisation's most recent import batches, newest first. */
export async function listImportBatches(scope: Scope, limit = HISTORY_LENGTH): Promise<ImportBatchSummary[]> {
  const prisma = await getPrisma();
  const rows = await prisma.importBatch.findMany({
    where: { organisationId: scope.organisationId, kind: { in: IMPORTABLE_KINDS } },
    select: summarySelect,
    orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
    take: limit,
  });
  return rows.map(toSummary);
}

/** Per kind, the latest import that took its data in (committed, or unchanged: it was current then). */
export async function getDataFreshness(scope: Scope): Promise<SourceFreshness[]> {
  const prisma = await getPrisma();
  const rows = await prisma.$queryRaw<
    {
      id: number;
      kind: string;
      status: 'committed' | 'unchanged';
      finished_at: Date;
      file_name: string;
      period_from: string | null;
      period_to: string | null;
      rows_read: number;
    }[]
  >`
    SELECT DISTINCT ON (kind) id, kind::text AS kind, status::text AS status, finished_at, file_name,
      period_from::text AS period_from, period_to::text AS period_to, rows_read
    FROM import_batches
    WHERE organisation_id = ${scope.organisationId} AND status IN ('committed', 'unchanged')
      AND finished_at IS NOT NULL
    ORDER BY kind, finished_at DESC, id DESC`;
  const latest = new Map(rows.map((row) => [row.kind, row]));
  return IMPORT_KIND_SLUGS.map((slug) => {
    const row = latest.get(IMPORT_FORMATS[slug].kind);
    return {
      kind: slug,
      lastImport: row
        ? {
            batchId: row.id,
            status: row.status,
            finishedAt: new Date(row.finished_at).toISOString(),
            fileName: row.file_name,
            period: row.period_from && row.period_to ? { from: row.period_from, to: row.period_to } : null,
            rowsRead: row.rows_read,
          }
        : null,
    };
  });
}

/** The history page's data: recent batches and freshness per kind. */
export async function getImportHistory(scope: Scope): Promise<ImportHistoryResponse> {
  const [batches, freshness] = await Promise.all([listImportBatches(scope), getDataFreshness(scope)]);
  return { batches, freshness };
}

async function findIssues(
  scope: Scope,
  batchId: number,
  severity: 'error' | 'warning',
  take?: number,
): Promise<ImportIssue[]> {
  const prisma = await getPrisma();
  const rows = await prisma.importIssue.findMany({
    where: { organisationId: scope.organisationId, batchId, severity },
    select: { rowNumber: true, column: true, value: true, message: true },
    orderBy: [{ rowNumber: { sort: 'asc', nulls: 'first' } }, { id: 'asc' }],
    take,
  });
  return rows.map((row) => ({
    row: row.rowNumber,
    column: row.column,
    value: row.value,
    message: row.message,
  }));
}

/** One batch of the organisation with its errors and warnings, or null when the organisation has no such batch. */
export async function getImportBatch(scope: Scope, batchId: number): Promise<ImportBatchDetail | null> {
  const prisma = await getPrisma();
  const row = await prisma.importBatch.findFirst({
    where: { organisationId: scope.organisationId, id: batchId, kind: { in: IMPORTABLE_KINDS } },
    select: { ...summarySelect, fileHash: true, sourceProfileId: true },
  });
  if (!row) return null;
  const [errors, warnings] = await Promise.all([
    findIssues(scope, batchId, 'error', MAX_ISSUES_IN_DETAIL),
    findIssues(scope, batchId, 'warning', MAX_ISSUES_IN_DETAIL),
  ]);
  return {
    ...toSummary(row),
    fileHash: row.fileHash.trim(),
    sourceProfileId: row.sourceProfileId,
    errors,
    warnings,
  };
}

/** Every error and warning of one batch (errors first), or null when the organisation has no such batch. */
export async function listImportIssues(
  scope: Scope,
  batchId: number,
): Promise<{
  batch: { id: number; fileName: string };
  issues: (ImportIssue & { severity: 'error' | 'warning' })[];
} | null> {
  const prisma = await getPrisma();
  const batch = await prisma.importBatch.findFirst({
    where: { organisationId: scope.organisationId, id: batchId },
    select: { id: true, fileName: true },
  });
  if (!batch) return null;
  const [errors, warnings] = await Promise.all([
    findIssues(scope, batchId, 'error'),
    findIssues(scope, batchId, 'warning'),
  ]);
  return {
    batch,
    issues: [
      ...errors.map((issue) => ({ ...issue, severity: 'error' as const })),
      ...warnings.map((issue) => ({ ...issue, severity: 'warning' as const })),
    ],
  };
}
