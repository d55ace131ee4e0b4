import type { ImportFormat } from '@/lib/shared/import-formats';
import type { RowCheck } from '../row-validator';
import type { SqlSession } from '../sql-session';

/** An error or warning to record against the import, located by spreadsheet row and column when it can be. */
export interface IssueDraft {
  rowNumber?: number | null;
  column?: string | null;
  value?: string | null;
  message: string;
}

export interface MergeContext {
  organisationId: number;
  batchId: number;
  /** First and last date of the file's period column (ISO), for kinds that have one. */
  period: { from: string; to: string } | null;
}

export interface MergeCounts {
  inserted: number;
  updated: number;
  deleted: number;
}

/** Everything that is particular to one kind of extract; the pipeline around it is shared. */
export interface ImportKindHandler {
  format: ImportFormat;
  /** Cross-field rules checked on each row as it is read. */
  checkRow?: RowCheck;
  /** Rules across rows, checked in SQL on the staged file; any problem rejects the file. */
  findFileErrors?(session: SqlSession, context: MergeContext): Promise<IssueDraft[]>;
  /** Upserts the staged rows by natural key, removes what the file's period no longer holds, and counts. */
  merge(session: SqlSession, context: MergeContext): Promise<MergeCounts>;
  /** Problems worth knowing that do not reject the file. */
  findWarnings?(session: SqlSession, context: MergeContext): Promise<IssueDraft[]>;
}
