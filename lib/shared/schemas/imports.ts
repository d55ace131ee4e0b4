import { z } from 'zod';
import { IMPORT_FORMATS, IMPORT_KIND_SLUGS, type ImportKindSlug } from '@/lib/shared/import-formats';
import { IGNORE_COLUMN } from '@/lib/shared/import-headers';

/** One of the import kinds, by its URL slug (`clinic-sessions`, …). */
export const importKindSchema = z.enum(IMPORT_KIND_SLUGS as [ImportKindSlug, ...ImportKindSlug[]]);

/** What an import did: `dry-run` checked everything and changed nothing; `rejected` changed nothing either. */
export const importOutcomeSchema = z.enum(['committed', 'rejected', 'dry-run', 'unchanged']);
/** A recorded batch may also still be running, or have failed without a result. */
export const importBatchStatusSchema = z.enum([
  'committed',
  'rejected',
  'dry-run',
  'unchanged',
  'running',
  'failed',
]);

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date (YYYY-MM-DD)');

export const importPeriodSchema = z.object({ from: isoDate, to: isoDate });

export const importRowCountsSchema = z.object({
  read: z.number().int().nonnegative(),
  inserted: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  deleted: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
});

/** A row error or warning: spreadsheet row number (header = 1), canonical column, the value as given. */
export const importIssueSchema = z.object({
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  value: z.string().nullable(),
  message: z.string(),
});

/** Response of POST /api/imports (200 committed/unchanged/dry run, 422 rejected): the batch summary. */
export const importResultSchema = z.object({
  batchId: z.number().int(),
  kind: importKindSchema,
  status: importOutcomeSchema,
  fileName: z.string(),
  fileHash: z.string(),
  period: importPeriodSchema.nullable(),
  rows: importRowCountsSchema,
  warnings: z.array(importIssueSchema),
  errors: z.array(importIssueSchema),
  warningCount: z.number().int().nonnegative(),
  errorCount: z.number().int().nonnegative(),
  sameFileAsBatchId: z.number().int().nullable(),
  durationMs: z.number().int().nonnegative(),
});

/** The phases an import goes through, as reported on the progress stream. */
export const importPhaseSchema = z.enum(['reading', 'checking', 'merging', 'finished']);

/**
 * One line of the `Accept: application/x-ndjson` response to POST /api/imports: progress lines while the import
 * runs, then exactly one `result` (or `error`) line.
 */
export const importStreamEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('progress'),
    phase: importPhaseSchema,
    /** Bytes of the file received and read by the server so far. */
    bytesRead: z.number().int().nonnegative(),
    rowsRead: z.number().int().nonnegative(),
  }),
  z.object({ type: z.literal('result'), result: importResultSchema }),
  z.object({
    type: z.literal('error'),
    error: z.object({ code: z.string(), message: z.string() }),
  }),
]);

/** Source header → canonical column of the kind, or "(ignore)". */
export const columnMappingSchema = z.record(z.string().trim().min(1).max(200), z.string().min(1).max(100));

/** Adds an issue for every mapping target that is neither a column of `kind` nor "(ignore)". */
function checkMappingTargets(
  kind: ImportKindSlug,
  mapping: Record<string, string> | undefined,
  context: z.RefinementCtx,
  path: string,
) {
  if (!mapping) return;
  const columns = new Set(IMPORT_FORMATS[kind].columns.map((column) => column.name));
  for (const [source, target] of Object.entries(mapping)) {
    if (target !== IGNORE_COLUMN && !columns.has(target)) {
      context.addIssue({
        code: 'custom',
        path: [path, source],
        message: `"${target}" is not a ${IMPORT_FORMATS[kind].label.toLowerCase()} column (or "${IGNORE_COLUMN}")`,
      });
    }
  }
}

const booleanText = z.enum(['true', 'false']).transform((value) => value === 'true');
const idText = z
  .string()
  .regex(/^[1-9]\d{0,9}$/, 'expected a positive whole number')
  .transform(Number);

/**
 * The text fields of the multipart POST /api/imports, which must come before the `file` part:
 * `kind`, optional `dryRun` (true/false), `mapping` (JSON object) and `sourceProfileId`.
 */
export const importUploadFieldsSchema = z
  .object({
    kind: importKindSchema,
    dryRun: booleanText.optional(),
    mapping: z
      .string()
      .max(64 * 1024)
      .transform((text, context) => {
        try {
          return JSON.parse(text) as unknown;
        } catch {
          context.addIssue({ code: 'custom', message: 'mapping must be a JSON object' });
          return z.NEVER;
        }
      })
      .pipe(columnMappingSchema)
      .optional(),
    sourceProfileId: idText.optional(),
  })
  .superRefine((fields, context) => checkMappingTargets(fields.kind, fields.mapping, context, 'mapping'));

export type ImportUploadFields = z.infer<typeof importUploadFieldsSchema>;

/** One import batch in the history. Times are ISO instants; `period` is the dates the file covered. */
export const importBatchSummarySchema = z.object({
  id: z.number().int(),
  kind: importKindSchema,
  status: importBatchStatusSchema,
  fileName: z.string(),
  fileBytes: z.number().int().nonnegative(),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
  durationMs: z.number().int().nonnegative().nullable(),
  period: importPeriodSchema.nullable(),
  rows: importRowCountsSchema,
  warningCount: z.number().int().nonnegative(),
  errorCount: z.number().int().nonnegative(),
  /** Sent with an API token (automated drop) rather than from the app's pages or the CLI. */
  isViaApi: z.boolean(),
});

/** The latest import that took in data of one kind (committed, or unchanged: the data was current then). */
export const sourceFreshnessSchema = z.object({
  kind: importKindSchema,
  lastImport: z
    .object({
      batchId: z.number().int(),
      status: z.enum(['committed', 'unchanged']),
      finishedAt: z.iso.datetime(),
      fileName: z.string(),
      period: importPeriodSchema.nullable(),
      rowsRead: z.number().int().nonnegative(),
    })
    .nullable(),
});

/** Response of GET /api/imports: recent batches, newest first, and data freshness per kind. */
export const importHistoryResponseSchema = z.object({
  batches: z.array(importBatchSummarySchema),
  freshness: z.array(sourceFreshnessSchema),
});

/** Response of GET /api/imports/:id: the batch with its errors and warnings (the first 1,000 of each). */
export const importBatchDetailSchema = importBatchSummarySchema.extend({
  fileHash: z.string(),
  sourceProfileId: z.number().int().nullable(),
  errors: z.array(importIssueSchema),
  warnings: z.array(importIssueSchema),
});

/** A saved column mapping for one kind of extract. */
export const sourceProfileSchema = z.object({
  id: z.number().int(),
  kind: importKindSchema,
  name: z.string(),
  mapping: columnMappingSchema,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

/** Response of GET /api/source-profiles[?kind=…]. */
export const sourceProfileListResponseSchema = z.object({ profiles: z.array(sourceProfileSchema) });

/** Body of POST /api/source-profiles. Names are unique per kind. */
export const createSourceProfileRequestSchema = z
  .object({
    kind: importKindSchema,
    name: z.string().trim().min(1, 'give the mapping a name').max(100),
    mapping: columnMappingSchema.refine((mapping) => Object.keys(mapping).length > 0, {
      message: 'the mapping has no columns',
    }),
  })
  .superRefine((body, context) => checkMappingTargets(body.kind, body.mapping, context, 'mapping'));

export type ImportOutcome = z.infer<typeof importOutcomeSchema>;
export type ImportBatchStatus = z.infer<typeof importBatchStatusSchema>;
export type ImportPhase = z.infer<typeof importPhaseSchema>;
export type ImportIssue = z.infer<typeof importIssueSchema>;
export type ImportResultResponse = z.infer<typeof importResultSchema>;
export type ImportStreamEvent = z.infer<typeof importStreamEventSchema>;
export type ImportBatchSummary = z.infer<typeof importBatchSummarySchema>;
export type ImportBatchDetail = z.infer<typeof importBatchDetailSchema>;
export type SourceFreshness = z.infer<typeof sourceFreshnessSchema>;
export type ImportHistoryResponse = z.infer<typeof importHistoryResponseSchema>;
export type SourceProfile = z.infer<typeof sourceProfileSchema>;
export type SourceProfileListResponse = z.infer<typeof sourceProfileListResponseSchema>;
export type CreateSourceProfileRequest = z.infer<typeof createSourceProfileRequestSchema>;
