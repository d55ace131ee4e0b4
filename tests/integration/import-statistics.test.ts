/**
 * A committed import that changed many rows refreshes the planner's statistics of the tables it wrote
 * (lib/server/ingest/analyse-after-import.ts): the embedded database never analyses a table by itself, and until
 * something does, the ledger and the dashboards are planned as if the tables were empty.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANALYSE_AFTER_CHANGED_ROWS } from '@/lib/server/ingest/analyse-after-import';
import { queryRows } from '@/lib/server/metrics/query';
import { clinicRow, consultantRow, csvOf, importCsv } from '../helpers/import-helpers';
import { createTestDatabase, type TestDatabase, testDatabaseKind } from '../helpers/test-database';

describe(`statistics after an import (${testDatabaseKind})`, () => {
  let db: TestDatabase;
  let organisationId: number;

  beforeAll(async () => {
    db = await createTestDatabase();
    const organisation = await db.prisma.organisation.create({
      data: { code: 'RST', name: 'Statistics Trust', parameters: { create: {} } },
    });
    organisationId = organisation.id;
  });
  afterAll(() => db.drop());

  /** The planner's row estimate of a table: -1 until it has been analysed. */
  const estimatedRows = async (table: string) =>
    (
      await queryRows<{ rows: number }>(
        db,
        'SELECT reltuples::float8 AS rows FROM pg_class WHERE relname = $1',
        [table],
      )
    )[0]?.rows;

  it('analyses the tables of an import that changed many rows, and leaves a small one to the database', async () => {
    const consultants = await importCsv(
      db,
      organisationId,
      'consultants',
      csvOf('consultants', [consultantRow('4000001')]),
    );
    expect(consultants.status).toBe('committed');
    expect(await estimatedRows('consultants')).toBe(-1);

    const day = (index: number) =>
      new Date(Date.UTC(2026, 0, 1) + index * 86_400_000).toISOString().slice(0, 10);
    const rows = Array.from({ length: ANALYSE_AFTER_CHANGED_ROWS }, (_, index) =>
      clinicRow(`CS${index}`, day(Math.floor(index / 2)), { period: index % 2 === 0 ? 'AM' : 'PM' }),
    );
    const clinics = await importCsv(db, organisationId, 'clinic-sessions', csvOf('clinic-sessions', rows));
    expect(clinics).toMatchObject({ status: 'committed', rows: { inserted: ANALYSE_AFTER_CHANGED_ROWS } });
    expect(await estimatedRows('clinic_sessions')).toBe(ANALYSE_AFTER_CHANGED_ROWS);
  });
});
