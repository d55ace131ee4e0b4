import { Readable } from 'node:stream';
import type { Database } from '@/lib/server/db';
import { type ImportRequest, type ImportResult, importFile } from '@/lib/server/ingest/import-file';
import { IMPORT_FORMATS, type ImportKindSlug } from '@/lib/shared/import-formats';

/** A CSV in the canonical format of `kind`: header from the format, then rows of { column: value }. */
export function csvOf(kind: ImportKindSlug, rows: Record<string, string | number>[]): string {
  const columns = IMPORT_FORMATS[kind].columns.map((column) => column.name);
  const lines = rows.map((row) => columns.map((column) => String(row[column] ?? '')).join(','));
  return `${[columns.join(','), ...lines].join('\n')}\n`;
}

/** Imports CSV text as if it were a file. */
export function importCsv(
  db: Database,
  organisationId: number,
  kind: ImportKindSlug,
  csv: string,
  options: Partial<ImportRequest> = {},
): Promise<ImportResult> {
  return importFile(db, {
    organisationId,
    kind,
    input: Readable.from([Buffer.from(csv)]),
    fileName: `${kind}.csv`,
    ...options,
  });
}

export function consultantRow(gmc: string, overrides: Record<string, string> = {}) {
  return {
    gmc_number: gmc,
    name: `Dr ${gmc}`,
    specialty_code: '130',
    specialty_name: 'Ophthalmology',
    division_code: 'SURG',
    division_name: 'Surgery',
    contracted_pas: '10',
    dcc_pas: '8',
    spa_pas: '2',
    email: `${gmc}@nhs.net`,
    ...overrides,
  };
}

export function clinicRow(sessionId: string, date: string, overrides: Record<string, string | number> = {}) {
  return {
    session_id: sessionId,
    clinic_code: 'OPHC01',
    session_date: date,
    period: 'AM',
    planned_start: '09:00',
    planned_end: '13:00',
    gmc_number: '4000001',
    specialty_code: '130',
    status: 'held',
    slots_new: 4,
    slots_fu: 8,
    booked: 12,
    attended: 10,
    dna: 1,
    late_not_seen: 0,
    patient_cancelled: 1,
    hospital_cancelled: 0,
    first_attendances: 4,
    follow_up_attendances: 6,
    additional: 'N',
    ...overrides,
  };
}

/** A checksum of every row of a table: equal before and after means nothing changed. */
export async function tableChecksum(db: Database, table: string): Promise<string> {
  const [row] = await db.prisma.$queryRawUnsafe<[{ checksum: string | null; count: number }]>(
    `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS checksum, count(*)::int AS count FROM ${table} t`,
  );
  return `${row.count}:${row.checksum}`;
}
