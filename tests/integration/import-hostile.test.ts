import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_MAX_IMPORT_BYTES,
  type ImportIssue,
  type ImportRequest,
  type ImportResult,
  importFile,
} from '@/lib/server/ingest/import-file';
import { IMPORT_FORMATS, type ImportKindSlug } from '@/lib/shared/import-formats';
import { createTestDatabase, type TestDatabase, testServerUrl } from '../helpers/test-database';

/**
 * The hostile-input corpus (tests/fixtures/imports, described in its README.md): every file that must be
 * rejected is rejected with errors that say what to fix (row, column, value, message), records a rejected
 * batch with those errors, and changes no data; the valid-but-awkward files import with the right values.
 */

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/imports');
const fixture = (file: string) => path.join(FIXTURES, file);

/** No import of a small file may take long: a hang fails its test instead of the whole run. */
const IMPORT_TIMEOUT_MS = 15_000;

const DATA_TABLES = [
  'divisions',
  'specialties',
  'consultants',
  'job_plans',
  'job_plan_activities',
  'clinic_sessions',
  'theatre_lists',
  'leave',
] as const;

let db: TestDatabase;
let organisationId: number;

function withTimeout<T>(work: Promise<T>, label: string, ms = IMPORT_TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${label} did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function importFixture(
  file: string,
  kind: ImportKindSlug,
  options: Partial<ImportRequest> = {},
  timeoutMs = IMPORT_TIMEOUT_MS,
): Promise<ImportResult> {
  return withTimeout(
    importFile(db, {
      organisationId,
      kind,
      input: createReadStream(fixture(file)),
      fileName: file,
      ...options,
    }),
    `importing ${file}`,
    timeoutMs,
  );
}

/** Row count and checksum of every data table: equal snapshots mean no data changed. */
async function snapshotData(): Promise<Record<string, { rows: number; checksum: string | null }>> {
  const snapshot: Record<string, { rows: number; checksum: string | null }> = {};
  for (const table of DATA_TABLES) {
    const [row] = await db.prisma.$queryRawUnsafe<{ rows: number; checksum: string | null }[]>(
      `SELECT count(*)::int AS rows, md5(string_agg(t::text, '|' ORDER BY t.id)) AS checksum FROM ${table} t`,
    );
    snapshot[table] = row!;
  }
  return snapshot;
}

async function loadBatch(batchId: number) {
  return db.prisma.importBatch.findFirstOrThrow({
    where: { organisationId, id: batchId },
    include: { issues: { orderBy: { id: 'asc' } } },
  });
}

type Expected = { row: number | null; column: string | null; value: unknown; message: unknown };

/** An expected error: `message` is the actual message exactly, or a pattern it matches. */
function error(
  row: number | null,
  column: string | null,
  value: unknown,
  message: string | RegExp,
): Expected {
  return {
    row,
    column,
    value,
    message: typeof message === 'string' ? message : expect.stringMatching(message),
  };
}

const fileError = (message: string | RegExp) => error(null, null, null, message);

interface HostileCase {
  file: string;
  kind: ImportKindSlug;
  /** What the file gets wrong, for the test name. */
  problem: string;
  errors: Expected[];
  /** The errors include these (the file has more, e.g. one per misread column); otherwise exactly these. */
  includes?: boolean;
  /** Rows read and rows rejected, when the file gets as far as its rows. */
  rows?: { read: number; rejected: number };
  /**
   * Rejected at its header, or by a problem with the file before its end: it is not read further, so its hash is
   * '' unless the whole (small) file had already been read. Otherwise (rejected for its rows, or found empty at
   * its end) it is read through, and the batch records its size and SHA-256.
   */
  isStoppedEarly?: boolean;
  request?: Partial<ImportRequest>;
}

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/** The first read of a small file is the whole file, so the invalid bytes are "within its first" file size. */
const notUtf8 = (firstBytes: string) =>
  `the file is not UTF-8 text (invalid bytes within its first ${firstBytes}); save it as "CSV UTF-8"`;
const US_ORDER = 'looks like US order (mm/dd/yyyy); dates must be dd/mm/yyyy or YYYY-MM-DD';

const HOSTILE_CASES: HostileCase[] = [
  // Empty and near-empty files
  {
    file: 'empty.csv',
    kind: 'clinic-sessions',
    problem: 'a 0-byte file',
    errors: [fileError('the file is empty: it needs a header row and at least one data row')],
  },
  {
    file: 'blank-lines-only.csv',
    kind: 'clinic-sessions',
    problem: 'a file of blank lines',
    errors: [fileError('the file is empty: it needs a header row and at least one data row')],
  },
  {
    file: 'bom-only.csv',
    kind: 'leave',
    problem: 'a file holding only a byte-order mark',
    errors: [fileError('the file is empty: it needs a header row and at least one data row')],
  },
  {
    file: 'header-only.csv',
    kind: 'clinic-sessions',
    problem: 'a header row and no data',
    errors: [fileError('the file has a header row but no data rows')],
  },
  // Header problems
  {
    file: 'clinic-sessions-unknown-column.csv',
    kind: 'clinic-sessions',
    problem: 'an unknown column',
    isStoppedEarly: true,
    errors: [
      error(
        1,
        'W',
        'Consultant Grade',
        'column W "Consultant Grade" is not a clinic sessions column; rename it to one of the format\'s columns, or map it (or ignore it) in a source profile',
      ),
    ],
  },
  {
    file: 'clinic-sessions-missing-column.csv',
    kind: 'clinic-sessions',
    problem: 'a required column missing',
    isStoppedEarly: true,
    errors: [
      error(
        1,
        null,
        'booked',
        'the required column booked is missing (also recognised: Booked, Appointments Booked)',
      ),
    ],
  },
  {
    file: 'consultants-duplicate-column.csv',
    kind: 'consultants',
    problem: 'the same column twice (gmc_number and its alias GMC Code)',
    isStoppedEarly: true,
    errors: [
      error(1, 'B', 'GMC Code', 'columns A "gmc_number" and B "GMC Code" both give gmc_number; keep one'),
    ],
  },
  {
    file: 'clinic-sessions-blank-header-cell.csv',
    kind: 'clinic-sessions',
    problem: 'a column with no header',
    isStoppedEarly: true,
    errors: [
      error(1, 'I', null, 'column I has no header'),
      error(1, null, 'status', 'the required column status is missing (also recognised: Session Status)'),
    ],
  },
  {
    file: 'clinic-sessions-no-header.csv',
    kind: 'clinic-sessions',
    problem: 'no header row (the first row is data)',
    isStoppedEarly: true,
    errors: [
      error(
        1,
        null,
        null,
        'row 1 must be the header row naming the columns (such as session_id, clinic_code, session_date, …); none of its cells is a column name',
      ),
    ],
  },
  // Wrong delimiter
  {
    file: 'clinic-sessions-semicolon-delimited.csv',
    kind: 'clinic-sessions',
    problem: 'semicolons instead of commas',
    isStoppedEarly: true,
    errors: [
      error(
        1,
        null,
        null,
        'the file seems to be separated by semicolons, not commas; save it as CSV (comma-delimited)',
      ),
    ],
  },
  {
    file: 'leave-tab-delimited.csv',
    kind: 'leave',
    problem: 'tabs instead of commas',
    isStoppedEarly: true,
    errors: [
      error(
        1,
        null,
        null,
        'the file seems to be separated by tabs, not commas; save it as CSV (comma-delimited)',
      ),
    ],
  },
  // Encodings
  {
    file: 'consultants-latin1.csv',
    kind: 'consultants',
    problem: 'Windows-1252 / Latin-1 bytes (é, ’)',
    isStoppedEarly: true,
    errors: [fileError(notUtf8('199 bytes'))],
  },
  {
    file: 'consultants-utf16le.csv',
    kind: 'consultants',
    problem: 'UTF-16 text',
    isStoppedEarly: true,
    errors: [fileError(notUtf8('398 bytes'))],
  },
  {
    file: 'theatre-lists-valid.xlsx',
    kind: 'theatre-lists',
    problem: 'a workbook sent as CSV',
    isStoppedEarly: true,
    request: { fileName: 'theatre-lists.csv', format: 'csv' },
    errors: [fileError(notUtf8('7 KB'))],
  },
  // CSV structure
  {
    file: 'clinic-sessions-unclosed-quote.csv',
    kind: 'clinic-sessions',
    problem: 'a quoted value that is never closed',
    errors: [error(3, null, null, 'a quoted value that starts at row 3 is never closed (a missing ")')],
    rows: { read: 2, rejected: 1 },
  },
  {
    file: 'clinic-sessions-unquoted-comma-in-reason.csv',
    kind: 'clinic-sessions',
    problem: 'an unquoted comma that gives the row one value too many',
    errors: [
      error(3, null, null, 'row 3 has 23 values but the header has 22 columns (a missing or extra comma?)'),
    ],
    rows: { read: 2, rejected: 1 },
  },
  {
    file: 'clinic-sessions-quoted-newline-then-error.csv',
    kind: 'clinic-sessions',
    problem: 'an error in the row after a quoted newline (rows counted as a spreadsheet does)',
    errors: [error(3, 'dna', 'one', 'expected a whole number, got "one"')],
    rows: { read: 2, rejected: 1 },
  },
  {
    file: 'clinic-sessions-blank-line-then-error.csv',
    kind: 'clinic-sessions',
    problem: 'an error after a blank line (rows counted as a spreadsheet does)',
    errors: [error(4, 'dna', 'one', 'expected a whole number, got "one"')],
  },
  {
    file: 'clinic-sessions-nul-byte.csv',
    kind: 'clinic-sessions',
    problem: 'a NUL character in a text value',
    errors: [
      error(
        3,
        'cancel_reason',
        // The value as far as it can be stored: PostgreSQL text cannot hold a NUL.
        // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is that the value holds no NUL.
        expect.stringMatching(/^Consultant sick[^\u0000]*$/),
        'contains a control character (U+0000); remove it',
      ),
    ],
    rows: { read: 2, rejected: 1 },
  },
  // Dates
  {
    file: 'leave-invalid-date-31-02.csv',
    kind: 'leave',
    problem: 'dates that do not exist (31/02/2025, 29/02/2025)',
    errors: [
      error(2, 'start_date', '31/02/2025', '31/02/2025 is not a real date (dd/mm/yyyy)'),
      error(4, 'start_date', '29/02/2025', '29/02/2025 is not a real date (dd/mm/yyyy)'),
    ],
    rows: { read: 3, rejected: 2 },
  },
  {
    file: 'leave-us-date.csv',
    kind: 'leave',
    problem: 'US-order dates (12/31/2025)',
    errors: [
      error(3, 'start_date', '12/22/2025', `12/22/2025 ${US_ORDER}`),
      error(3, 'end_date', '12/31/2025', `12/31/2025 ${US_ORDER}`),
      error(3, 'requested_on', '10/15/2025', `10/15/2025 ${US_ORDER}`),
      error(3, 'approved_on', '10/16/2025', `10/16/2025 ${US_ORDER}`),
    ],
    rows: { read: 2, rejected: 1 },
  },
  {
    file: 'clinic-sessions-two-digit-year.csv',
    kind: 'clinic-sessions',
    problem: 'a two-digit year',
    errors: [
      error(
        2,
        'session_date',
        '18/05/26',
        '18/05/26 has a 2-digit year; write the year in full (dd/mm/yyyy)',
      ),
    ],
  },
  {
    file: 'clinic-sessions-iso-month-13.csv',
    kind: 'clinic-sessions',
    problem: 'an ISO date with month 13',
    errors: [error(2, 'session_date', '2025-13-01', '2025-13-01 is not a real date')],
  },
  {
    file: 'leave-end-before-start.csv',
    kind: 'leave',
    problem: 'leave that ends before it starts',
    errors: [
      error(2, 'end_date', '2026-08-10', 'end_date 2026-08-10 is before start_date 2026-08-14'),
      error(3, 'end_period', 'AM', 'a one-day leave cannot start PM and end AM'),
    ],
  },
  {
    file: 'job-plans-effective-to-before-from.csv',
    kind: 'job-plans',
    problem: 'a job plan that ends before it starts',
    errors: [
      error(2, 'effective_to', '2026-03-31', 'effective_to 2026-03-31 is before effective_from 2026-04-01'),
    ],
  },
  // Values
  {
    file: 'clinic-sessions-negative-count.csv',
    kind: 'clinic-sessions',
    problem: 'a negative count',
    errors: [error(3, 'dna', '-1', '-1 is negative; counts must be 0 or more')],
    rows: { read: 2, rejected: 1 },
  },
  {
    file: 'clinic-sessions-bad-yes-no.csv',
    kind: 'clinic-sessions',
    problem: 'a Y/N column holding something else',
    errors: [error(2, 'additional', 'Maybe', 'expected Y or N, got "Maybe"')],
  },
  {
    file: 'clinic-sessions-attendance-split-mismatch.csv',
    kind: 'clinic-sessions',
    problem: 'rows breaking the kind’s cross-column rules',
    errors: [
      error(2, 'attended', '11', 'first_attendances + follow_up_attendances (10) must equal attended (11)'),
      error(3, 'cancel_reason', '', 'a cancelled session needs a cancel_reason'),
    ],
  },
  {
    file: 'theatre-lists-end-before-start.csv',
    kind: 'theatre-lists',
    problem: 'lists that end before they start',
    errors: [
      error(2, 'planned_end', '08:30', 'planned_end 08:30 is not after planned_start 12:30'),
      error(3, 'actual_end', '13:40', 'actual_end 13:40 is not after actual_start 17:10'),
    ],
  },
  {
    file: 'theatre-lists-invalid-times.csv',
    kind: 'theatre-lists',
    problem: 'times 24:00 and 9:5',
    errors: [
      error(2, 'planned_end', '24:00', '24:00 is not a time of day'),
      error(2, 'actual_start', '9:5', 'expected a 24-hour time as HH:MM, got "9:5"'),
    ],
  },
  {
    file: 'theatre-lists-code-with-space.csv',
    kind: 'theatre-lists',
    problem: 'a code with a space',
    errors: [
      error(2, 'theatre_code', 'TH 03', '"TH 03" is not a code (letters, digits, - _ . / : and no spaces)'),
    ],
  },
  {
    file: 'consultants-bad-gmc-number.csv',
    kind: 'consultants',
    problem: 'GMC numbers that are not 7 digits',
    errors: [
      error(2, 'gmc_number', '412345', 'expected a 7-digit GMC number, got "412345"'),
      error(3, 'gmc_number', 'GMC4234567', 'expected a 7-digit GMC number, got "GMC4234567"'),
    ],
  },
  {
    file: 'consultants-pas-too-large.csv',
    kind: 'consultants',
    problem: 'a PA value over the column’s maximum (1000; at most 99.99)',
    errors: [error(2, 'contracted_pas', '1000', '1000 is too large; at most 99.99')],
    rows: { read: 1, rejected: 1 },
  },
  {
    file: 'job-plans-cycle-weeks-too-large.csv',
    kind: 'job-plans',
    problem: 'a cycle over the column’s maximum (40000 weeks; at most 52)',
    errors: [error(2, 'cycle_weeks', '40000', '40000 is too large; at most 52')],
    rows: { read: 1, rejected: 1 },
  },
  // Spreadsheet formulas
  {
    file: 'theatre-lists-formula.csv',
    kind: 'theatre-lists',
    problem: 'text cells that a spreadsheet would run as formulas (= and @)',
    errors: [
      error(
        3,
        'cancel_reason',
        '=HYPERLINK("http://x","y")',
        '"=HYPERLINK("http://x","y")" looks like a spreadsheet formula; remove the leading =',
      ),
      error(
        4,
        'cancel_reason',
        '@SUM(O2:O3)',
        '"@SUM(O2:O3)" looks like a spreadsheet formula; remove the leading @',
      ),
    ],
  },
  {
    file: 'theatre-lists-formula.xlsx',
    kind: 'theatre-lists',
    problem: 'a formula cell in a workbook',
    isStoppedEarly: true,
    errors: [
      error(
        3,
        null,
        null,
        'row 3 contains a spreadsheet formula; paste the values instead (Paste special → Values)',
      ),
    ],
  },
  {
    file: 'theatre-lists-csv-named-xlsx.xlsx',
    kind: 'theatre-lists',
    problem: 'a .xlsx file that is not a workbook',
    isStoppedEarly: true,
    errors: [fileError('the file is empty or not a complete XLSX workbook')],
  },
  // Duplicate keys within the file
  {
    file: 'clinic-sessions-duplicate-session-id.csv',
    kind: 'clinic-sessions',
    problem: 'the same session_id twice',
    errors: [error(4, 'session_id', 'CS000201', 'repeats row 2: session_id must be unique within the file')],
    rows: { read: 3, rejected: 1 },
  },
  {
    file: 'leave-duplicate-rows.csv',
    kind: 'leave',
    problem: 'the same leave twice (empty half-day flags mean FULL)',
    errors: [
      error(
        3,
        'gmc_number + start_date + end_date + start_period + end_period + leave_type',
        '4123456 / 2026-08-03 / 2026-08-07 / FULL / FULL / annual',
        'repeats row 2: gmc_number + start_date + end_date + start_period + end_period + leave_type must be unique within the file',
      ),
    ],
  },
];

beforeAll(async () => {
  db = await createTestDatabase();
  const organisation = await db.prisma.organisation.create({
    data: { code: 'RHX', name: 'Hostile Input NHS Trust', parameters: { create: {} } },
  });
  organisationId = organisation.id;
  // Existing data for the rejected files to leave alone.
  for (const [file, kind] of [
    ['consultants-valid.csv', 'consultants'],
    ['clinic-sessions-valid.csv', 'clinic-sessions'],
    ['theatre-lists-valid.csv', 'theatre-lists'],
    ['leave-valid.csv', 'leave'],
  ] as const) {
    const result = await importFixture(file, kind);
    expect(result.errors).toEqual([]);
    expect(result.status).toBe('committed');
  }
});

afterAll(async () => {
  // An import that hung (a bug the tests report) holds a transaction open, and closing the database then waits
  // for it for ever. Give up after a while and, on PostgreSQL, drop the test database regardless.
  const isDropped = await withTimeout(db.drop(), 'dropping the test database', 5_000).then(
    () => true,
    () => false,
  );
  if (!isDropped && testServerUrl && db.name) {
    await withTimeout(forceDrop(testServerUrl, db.name), 'force-dropping the test database', 30_000).catch(
      (error: Error) => console.warn(`${error.message}: ${db.name} is left behind`),
    );
  }
});

async function forceDrop(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

describe('hostile input: rejected with errors that say what to fix, and no data changed', () => {
  it('starts from the seeded consultants, sessions, lists and leave', async () => {
    const data = await snapshotData();
    expect(data.consultants?.rows).toBe(4);
    expect(data.clinic_sessions?.rows).toBe(4);
    expect(data.theatre_lists?.rows).toBe(3);
    expect(data.leave?.rows).toBe(4);
  });

  it.each(HOSTILE_CASES)('rejects $file ($problem)', async (hostile) => {
    const before = await snapshotData();
    const result = await importFixture(hostile.file, hostile.kind, hostile.request);

    expect(result.status).toBe('rejected');
    if (hostile.includes) {
      expect(result.errors).toEqual(expect.arrayContaining(hostile.errors));
    } else {
      expect(result.errors).toEqual(hostile.errors);
    }
    expect(result.errorCount).toBe(result.errors.length);
    if (hostile.rows) expect(result.rows).toMatchObject(hostile.rows);
    expect(result.rows).toMatchObject({ inserted: 0, updated: 0, deleted: 0 });
    expect(await snapshotData()).toEqual(before);

    const batch = await loadBatch(result.batchId);
    expect(batch).toMatchObject({
      status: 'rejected',
      kind: IMPORT_FORMATS[hostile.kind].kind,
      fileName: hostile.request?.fileName ?? hostile.file,
      rowsInserted: 0,
      rowsUpdated: 0,
      rowsDeleted: 0,
    });
    expect(batch.finishedAt).not.toBeNull();
    const stored: ImportIssue[] = batch.issues.map((issue) => {
      expect(issue.severity).toBe('error');
      return { row: issue.rowNumber, column: issue.column, value: issue.value, message: issue.message };
    });
    expect(stored).toEqual(result.errors);

    const bytes = await readFile(fixture(hostile.file));
    if (hostile.isStoppedEarly) {
      // Never the hash of part of the file. (Files big enough not to be read whole are tested below.)
      expect(['', sha256(bytes)]).toContain(result.fileHash);
      expect(Number(batch.fileBytes)).toBeLessThanOrEqual(bytes.length);
    } else {
      expect(result.fileHash).toBe(sha256(bytes));
      expect(batch.fileHash).toBe(result.fileHash);
      expect(Number(batch.fileBytes)).toBe(bytes.length);
    }
  });

  it('says, for a file with no header row, that the first row must name the columns of its kind', async () => {
    const valid = await readFile(fixture('consultants-valid.csv'), 'utf8');
    const result = await withTimeout(
      importFile(db, {
        organisationId,
        kind: 'consultants',
        input: Readable.from([Buffer.from(valid.slice(valid.indexOf('\n') + 1))]),
        fileName: 'consultants-no-header.csv',
      }),
      'importing consultants with no header row',
    );
    expect(result.status).toBe('rejected');
    expect(result.errors).toEqual([
      error(
        1,
        null,
        null,
        'row 1 must be the header row naming the columns (such as gmc_number, name, specialty_code, …); none of its cells is a column name',
      ),
    ]);
  });

  it('reports a stray quote as an error of its row, and checks the rows after it', async () => {
    const before = await snapshotData();
    const csv = await readFile(fixture('clinic-sessions-valid.csv'), 'utf8');
    const [header, first, second, third] = csv.split('\n');
    // The " after OPH does not close the value (a C follows it); the " after C01 does.
    const strayQuote = first!.replace('OPHC01', '"OPH"C01"');
    const badCount = third!.replace(/,N$/, ',Maybe');
    const result = await withTimeout(
      importFile(db, {
        organisationId,
        kind: 'clinic-sessions',
        input: Readable.from([Buffer.from(`${header}\n${strayQuote}\n${second}\n${badCount}\n`)]),
        fileName: 'clinic-sessions-stray-quote.csv',
      }),
      'importing a stray quote',
    );
    expect(result.status).toBe('rejected');
    expect(result.errors).toEqual([
      error(
        2,
        null,
        null,
        'row 2 has a " inside a value that is not quoted, or text after a closing quote; put the whole value in quotes and double each " inside it',
      ),
      error(4, 'additional', 'Maybe', 'expected Y or N, got "Maybe"'),
    ]);
    expect(result.rows).toMatchObject({ read: 3, rejected: 2, inserted: 0 });
    expect(await snapshotData()).toEqual(before);
  });

  it('rejects values over each column’s maximum, saying the maximum', async () => {
    const before = await snapshotData();
    const consultants = await withTimeout(
      importFile(db, {
        organisationId,
        kind: 'consultants',
        input: Readable.from([
          'gmc_number,name,specialty_code,specialty_name,division_code,division_name,contracted_pas,dcc_pas,spa_pas\n',
          '4123456,Dr Asha Patel,130,Ophthalmology,SURG,Surgery,100,99.991,120\n',
        ]),
        fileName: 'consultants-over-maxima.csv',
      }),
      'importing consultants over the maxima',
    );
    expect(consultants.errors).toEqual([
      error(2, 'contracted_pas', '100', '100 is too large; at most 99.99'),
      error(2, 'dcc_pas', '99.991', '99.991 is too large; at most 99.99'),
      error(2, 'spa_pas', '120', '120 is too large; at most 99.99'),
    ]);
    const jobPlans = await readFile(fixture('job-plans-cycle-weeks-too-large.csv'), 'utf8');
    const [header, row] = jobPlans.split('\n');
    // cycle_weeks … expected_weeks are the 14th to 19th columns.
    const cells = row!.split(',');
    cells.splice(13, 6, '53', '52', '10000', '100', '10000', '54');
    const plans = await withTimeout(
      importFile(db, {
        organisationId,
        kind: 'job-plans',
        input: Readable.from([`${header}\n${cells.join(',')}\n`]),
        fileName: 'job-plans-over-maxima.csv',
      }),
      'importing job plans over the maxima',
    );
    expect(plans.errors).toEqual([
      error(2, 'cycle_weeks', '53', '53 is too large; at most 52'),
      error(2, 'cycle_offset', '52', '52 is too large; at most 51'),
      error(2, 'annual_sessions', '10000', '10000 is too large; at most 9999'),
      error(2, 'pa_value', '100', '100 is too large; at most 99.999'),
      error(2, 'expected_output', '10000', '10000 is too large; at most 9999'),
      error(2, 'expected_weeks', '54', '54 is too large; at most 53'),
    ]);
    expect(await snapshotData()).toEqual(before);
  });

  it('accepts values at each column’s maximum (a dry run)', async () => {
    const jobPlans = await readFile(fixture('job-plans-cycle-weeks-too-large.csv'), 'utf8');
    const [header, row] = jobPlans.split('\n');
    const slot = row!.split(',');
    slot.splice(13, 6, '52', '51', '', '99.999', '9999', '53');
    // An annualised line of the same plan: no day or period, annual_sessions instead.
    const annualised = row!.split(',');
    annualised.splice(9, 10, '', '', '', '', '', '', '9999', '1', '12', '42');
    const result = await withTimeout(
      importFile(db, {
        organisationId,
        kind: 'job-plans',
        input: Readable.from([`${header}\n${slot.join(',')}\n${annualised.join(',')}\n`]),
        fileName: 'job-plans-at-maxima.csv',
        dryRun: true,
      }),
      'importing job plans at the maxima',
    );
    expect(result.errors).toEqual([]);
    expect(result.status).toBe('dry-run');
    expect(result.rows).toMatchObject({ read: 2, inserted: 2, rejected: 0 });
  });

  it('rejects a line longer than 64 KiB and names its row', async () => {
    const before = await snapshotData();
    const csv = await readFile(fixture('clinic-sessions-valid.csv'), 'utf8');
    const [header, first, second] = csv.split('\n');
    const runaway = second!.replace('OPHC02', `OPHC02${'x'.repeat(70_000)}`);
    const result = await withTimeout(
      importFile(db, {
        organisationId,
        kind: 'clinic-sessions',
        input: Readable.from([Buffer.from(`${header}\n${first}\n${runaway}\n`)]),
        fileName: 'clinic-sessions-long-line.csv',
      }),
      'importing a very long line',
    );
    expect(result.status).toBe('rejected');
    expect(result.errors).toEqual([
      error(
        3,
        null,
        null,
        'line 3 is longer than 65,536 characters; is this a CSV file with one row per line?',
      ),
    ]);
    expect(await snapshotData()).toEqual(before);
  });

  describe('a large file rejected before its end', () => {
    // Bigger than the stream buffers, so that most of it is still unread when it is rejected.
    let directory: string;
    let largeFile: string;
    let largeBytes: Buffer;
    let longLineFile: string;
    let longLineBytes: Buffer;

    beforeAll(async () => {
      directory = await mkdtemp(path.join(tmpdir(), 'fulfil-hostile-'));
      const unknownColumn = await readFile(fixture('clinic-sessions-unknown-column.csv'), 'utf8');
      const [header, row] = unknownColumn.split('\n');
      largeBytes = Buffer.from(`${header}\n${`${row}\n`.repeat(5_000)}`);
      largeFile = path.join(directory, 'unknown-column-large.csv');
      await writeFile(largeFile, largeBytes);
      const valid = await readFile(fixture('clinic-sessions-valid.csv'), 'utf8');
      const [validHeader, first, second] = valid.split('\n');
      const runaway = second!.replace('OPHC02', `OPHC02${'x'.repeat(70_000)}`);
      longLineBytes = Buffer.from(`${validHeader}\n${first}\n${runaway}\n${`${first}\n`.repeat(5_000)}`);
      longLineFile = path.join(directory, 'long-line-large.csv');
      await writeFile(longLineFile, longLineBytes);
    });
    afterAll(async () => {
      await rm(directory, { recursive: true, force: true });
    });

    it('reads no further than a rejected header: the batch records no hash', async () => {
      const result = await withTimeout(
        importFile(db, {
          organisationId,
          kind: 'clinic-sessions',
          input: createReadStream(largeFile),
          fileName: 'unknown-column-large.csv',
        }),
        'importing a large file with an unknown column',
      );
      expect(result.status).toBe('rejected');
      expect(result.errors).toEqual([
        error(
          1,
          'W',
          'Consultant Grade',
          'column W "Consultant Grade" is not a clinic sessions column; rename it to one of the format\'s columns, or map it (or ignore it) in a source profile',
        ),
      ]);
      expect(result.fileHash).toBe('');
      const batch = await loadBatch(result.batchId);
      expect(Number(batch.fileBytes)).toBeLessThan(largeBytes.length);
      expect(batch.fileHash).toBe('');
    });

    it('reads no further than a problem with the file (a runaway line): the batch records no hash', async () => {
      const result = await withTimeout(
        importFile(db, {
          organisationId,
          kind: 'clinic-sessions',
          input: createReadStream(longLineFile),
          fileName: 'long-line-large.csv',
        }),
        'importing a large file with a very long line',
      );
      expect(result.status).toBe('rejected');
      expect(result.errors).toEqual([
        error(
          3,
          null,
          null,
          'line 3 is longer than 65,536 characters; is this a CSV file with one row per line?',
        ),
      ]);
      expect(result.fileHash).toBe('');
      const batch = await loadBatch(result.batchId);
      expect(Number(batch.fileBytes)).toBeLessThan(longLineBytes.length);
      expect(batch.fileHash).toBe('');
    });

    it('lets go of the file it was reading', async () => {
      const input = createReadStream(largeFile);
      const result = await withTimeout(
        importFile(db, {
          organisationId,
          kind: 'clinic-sessions',
          input,
          fileName: 'unknown-column-large.csv',
        }),
        'importing a large file with an unknown column',
      );
      expect(result.status).toBe('rejected');
      expect(input.destroyed || input.readableEnded).toBe(true);
    });
  });

  it('reads a large file rejected for its rows through, recording its size and SHA-256', async () => {
    const csv = await readFile(fixture('clinic-sessions-valid.csv'), 'utf8');
    const [header, first] = csv.split('\n');
    const bad = first!.replace(/,N$/, ',Maybe');
    const rows = Array.from({ length: 5_000 }, (_, n) =>
      n === 0 ? bad : first!.replace(/^CS\d+/, `CS8${n}`),
    );
    const bytes = Buffer.from(`${header}\n${rows.join('\n')}\n`);
    const result = await withTimeout(
      importFile(db, {
        organisationId,
        kind: 'clinic-sessions',
        input: Readable.from(
          Array.from({ length: Math.ceil(bytes.length / 65_536) }, (_, n) =>
            bytes.subarray(n * 65_536, (n + 1) * 65_536),
          ),
        ),
        fileName: 'clinic-sessions-large-bad-row.csv',
      }),
      'importing a large file with a bad row',
    );
    expect(result.status).toBe('rejected');
    expect(result.errors).toEqual([error(2, 'additional', 'Maybe', 'expected Y or N, got "Maybe"')]);
    expect(result.rows).toMatchObject({ read: 5_000, rejected: 1 });
    expect(result.fileHash).toBe(sha256(bytes));
    const batch = await loadBatch(result.batchId);
    expect(batch.fileHash).toBe(sha256(bytes));
    expect(Number(batch.fileBytes)).toBe(bytes.length);
  });

  it('counts every row of a rejected file, stopping at no error', async () => {
    const result = await importFixture('leave-invalid-date-31-02.csv', 'leave');
    expect(result.rows).toEqual({ read: 3, inserted: 0, updated: 0, unchanged: 0, deleted: 0, rejected: 2 });
  });

  it('rejects a hostile file in a dry run too', async () => {
    const result = await importFixture('leave-us-date.csv', 'leave', { dryRun: true });
    expect(result.status).toBe('rejected');
    expect((await loadBatch(result.batchId)).status).toBe('rejected');
  });
});

describe('dry run: validates and reports without writing', () => {
  it('reports what a valid file would insert, changes nothing and records a dry_run batch', async () => {
    const before = await snapshotData();
    const result = await importFixture('leave-uk-dates.csv', 'leave', { dryRun: true });
    expect(result.status).toBe('dry-run');
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual({ read: 3, inserted: 3, updated: 0, unchanged: 0, deleted: 0, rejected: 0 });
    expect(result.period).toEqual({ from: '2026-09-01', to: '2026-10-03' });
    expect(await snapshotData()).toEqual(before);
    expect(await loadBatch(result.batchId)).toMatchObject({
      status: 'dry_run',
      kind: 'leave',
      rowsRead: 3,
      rowsInserted: 3,
      rowsDeleted: 0,
    });
  });

  it('reports the rows a file would delete from its period, and deletes none', async () => {
    const before = await snapshotData();
    const result = await importFixture('clinic-sessions-valid-two-removed.csv', 'clinic-sessions', {
      dryRun: true,
    });
    expect(result.status).toBe('dry-run');
    expect(result.rows).toEqual({ read: 2, inserted: 0, updated: 0, unchanged: 2, deleted: 2, rejected: 0 });
    expect(await snapshotData()).toEqual(before);
    expect(await loadBatch(result.batchId)).toMatchObject({ status: 'dry_run', rowsDeleted: 2 });
  });
});

describe('valid but awkward files import with the right values', () => {
  it('imports a file that starts with a UTF-8 byte-order mark, accents intact', async () => {
    const result = await importFixture('consultants-bom.csv', 'consultants');
    expect(result.errors).toEqual([]);
    expect(result.status).toBe('committed');
    expect(result.rows).toMatchObject({ read: 1, inserted: 1 });
    const consultant = await db.prisma.consultant.findFirstOrThrow({
      where: { organisationId, gmcNumber: '5456789' },
    });
    expect(consultant.name).toBe('Dr Renée O’Brien');
  });

  it('imports quoted newlines, commas and quotes in a text value, keeping them', async () => {
    const result = await importFixture('clinic-sessions-quoted-newline-in-reason.csv', 'clinic-sessions');
    expect(result.errors).toEqual([]);
    expect(result.status).toBe('committed');
    expect(result.rows).toMatchObject({ read: 3, inserted: 3, deleted: 0 });
    const sessions = await db.prisma.clinicSession.findMany({
      where: { organisationId, sourceSessionId: { in: ['CS000301', 'CS000302'] } },
      orderBy: { sourceSessionId: 'asc' },
    });
    expect(sessions.map((session) => session.cancelReason)).toEqual([
      'Consultant on study leave\nClinic rebooked to 15/06/2026',
      'Room unavailable, "Eye Unit" refurbishment',
    ]);
  });

  it('skips rows that are entirely empty (a spreadsheet’s trailing ,,,, lines)', async () => {
    const result = await importFixture('clinic-sessions-trailing-empty-rows.csv', 'clinic-sessions');
    expect(result.errors).toEqual([]);
    expect(result.status).toBe('committed');
    expect(result.rows).toMatchObject({ inserted: 2, deleted: 0 });
  });

  it('imports UK dates, reading ambiguous ones (03/10/2026) day first', async () => {
    const result = await importFixture('leave-uk-dates.csv', 'leave');
    expect(result.errors).toEqual([]);
    expect(result.status).toBe('committed');
    const stored = await db.prisma.$queryRawUnsafe<{ gmc: string; dates: string }[]>(
      `SELECT gmc_number AS gmc, concat_ws(' ', start_date, end_date, requested_on, approved_on) AS dates
       FROM leave WHERE organisation_id = $1 AND start_date >= '2026-09-01' ORDER BY start_date`,
      organisationId,
    );
    expect(stored).toEqual([
      { gmc: '4123456', dates: '2026-09-01 2026-09-04 2026-07-03 2026-07-06' },
      { gmc: '4234567', dates: '2026-09-14 2026-09-14 2026-08-01 2026-08-02' },
      { gmc: '6345678', dates: '2026-10-03 2026-10-05 2026-08-10 2026-08-11' },
    ]);
  });

  it('imports a workbook with date, time and number cells', async () => {
    const result = await importFixture('theatre-lists-valid.xlsx', 'theatre-lists');
    expect(result.errors).toEqual([]);
    expect(result.status).toBe('committed');
    expect(result.rows).toMatchObject({ read: 2, inserted: 2, deleted: 0 });
    const stored = await db.prisma.$queryRawUnsafe<Record<string, string | number | null>[]>(
      `SELECT source_list_id, theatre_code, list_date::text, period::text, planned_start::text,
              planned_end::text, status::text, cancel_reason, cancelled_on::text, actual_start::text,
              actual_end::text, cases_booked, cases_done, touch_minutes
       FROM theatre_lists WHERE organisation_id = $1 AND source_list_id IN ('TL004701', 'TL004702')
       ORDER BY source_list_id`,
      organisationId,
    );
    expect(stored).toEqual([
      {
        source_list_id: 'TL004701',
        theatre_code: 'TH03',
        list_date: '2026-06-08',
        period: 'AM',
        planned_start: '08:30:00',
        planned_end: '12:30:00',
        status: 'held',
        cancel_reason: null,
        cancelled_on: null,
        actual_start: '08:47:00',
        actual_end: '12:10:00',
        cases_booked: 6,
        cases_done: 6,
        touch_minutes: 165,
      },
      {
        source_list_id: 'TL004702',
        theatre_code: 'ENDO1',
        list_date: '2026-06-09',
        period: 'PM',
        planned_start: '13:30:00',
        planned_end: '17:30:00',
        status: 'cancelled',
        cancel_reason: 'No anaesthetist available',
        cancelled_on: '2026-06-02',
        actual_start: null,
        actual_end: null,
        cases_booked: 8,
        cases_done: 0,
        touch_minutes: null,
      },
    ]);
  });
});

describe('files over the size limit', () => {
  // Last in the file: an import that hung at the size limit would hold its transaction (and, on PGlite, the
  // whole database) and stall every test after it.
  it('rejects a file that never ends once it passes the size limit, without reading on', async () => {
    const before = await snapshotData();
    const header = (await readFile(fixture('header-only.csv'), 'utf8')).trim();
    const endless = Readable.from(
      (function* () {
        yield `${header}\n`;
        for (let n = 0; ; n++) {
          yield `CS9${String(n).padStart(6, '0')},OPHC01,2026-05-18,AM,09:00,13:00,4123456,130,held,,,4,8,12,11,1,0,0,0,4,7,N\n`;
        }
      })(),
    );
    const result = await withTimeout(
      importFile(db, {
        organisationId,
        kind: 'clinic-sessions',
        input: endless,
        fileName: 'endless.csv',
        maxBytes: 256 * 1024,
      }),
      'importing an endless file',
    );
    expect(result.status).toBe('rejected');
    expect(result.errors).toEqual([fileError('the file is larger than the limit of 256 KB')]);
    expect(result.fileHash).toBe('');
    expect(await snapshotData()).toEqual(before);
  });

  it('has a default size limit of 200 MB', () => {
    expect(DEFAULT_MAX_IMPORT_BYTES).toBe(200 * 1024 * 1024);
  });

  it('rejects a file over a configured limit (maxBytes) and states the limit', async () => {
    const before = await snapshotData();
    const result = await importFixture(
      'clinic-sessions-valid.csv',
      'clinic-sessions',
      { maxBytes: 300 },
      5_000,
    );
    expect(result.status).toBe('rejected');
    expect(result.errors).toEqual([fileError('the file is larger than the limit of 300 bytes')]);
    expect(await snapshotData()).toEqual(before);
    expect(result.fileHash).toBe('');
    expect(await loadBatch(result.batchId)).toMatchObject({
      status: 'rejected',
      fileName: 'clinic-sessions-valid.csv',
    });
  });

  it('rejects a workbook over the limit, without a crash or a hang', async () => {
    const result = await importFixture(
      'theatre-lists-valid.xlsx',
      'theatre-lists',
      { maxBytes: 1000 },
      5_000,
    );
    expect(result.status).toBe('rejected');
    expect(result.errors).toEqual([fileError('the file is larger than the limit of 1000 bytes')]);
    expect(result.fileHash).toBe('');
  });
});
