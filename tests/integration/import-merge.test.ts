import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDataCoverage } from '@/lib/server/dal/organisation';
import { useDatabase } from '@/lib/server/db';
import { trustWideScope } from '@/lib/shared/scope';
import { clinicRow, consultantRow, csvOf, importCsv, tableChecksum } from '../helpers/import-helpers';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

describe('merging imports by natural key', () => {
  let db: TestDatabase;
  let organisationId: number;

  beforeAll(async () => {
    db = await createTestDatabase();
    const organisation = await db.prisma.organisation.create({
      data: { code: 'RMM', name: 'Merge Trust', parameters: { create: {} } },
    });
    organisationId = organisation.id;
    const consultants = await importCsv(
      db,
      organisationId,
      'consultants',
      csvOf('consultants', [consultantRow('4000001'), consultantRow('4000002')]),
    );
    expect(consultants.status).toBe('committed');
  });
  afterAll(() => db.drop());

  const sessions = (id: number) =>
    db.prisma.clinicSession.findMany({ where: { organisationId: id }, orderBy: { sourceSessionId: 'asc' } });

  it('inserts, then recognises the same file as unchanged, then updates and removes what the extract no longer holds', async () => {
    const before = clinicRow('CS-OLD', '2026-01-05');
    await importCsv(db, organisationId, 'clinic-sessions', csvOf('clinic-sessions', [before]));

    const file = csvOf('clinic-sessions', [
      clinicRow('CS1', '2026-02-02'),
      clinicRow('CS2', '2026-02-03'),
      clinicRow('CS3', '2026-02-04'),
    ]);
    const first = await importCsv(db, organisationId, 'clinic-sessions', file);
    expect(first).toMatchObject({
      status: 'committed',
      period: { from: '2026-02-02', to: '2026-02-04' },
      rows: { read: 3, inserted: 3, updated: 0, unchanged: 0, deleted: 0, rejected: 0 },
    });

    const again = await importCsv(db, organisationId, 'clinic-sessions', file);
    expect(again).toMatchObject({
      status: 'unchanged',
      sameFileAsBatchId: first.batchId,
      rows: { read: 3, inserted: 0, updated: 0, unchanged: 3, deleted: 0 },
    });

    const changed = csvOf('clinic-sessions', [
      clinicRow('CS1', '2026-02-02', { attended: 11, follow_up_attendances: 7 }),
      clinicRow('CS3', '2026-02-04'),
    ]);
    const third = await importCsv(db, organisationId, 'clinic-sessions', changed);
    expect(third.rows).toMatchObject({ read: 2, inserted: 0, updated: 1, unchanged: 1, deleted: 1 });

    const stored = await sessions(organisationId);
    // CS2 was inside the extract's period and is gone; CS-OLD was outside it and stays.
    expect(stored.map((session) => session.sourceSessionId)).toEqual(['CS-OLD', 'CS1', 'CS3']);
    expect(stored.find((session) => session.sourceSessionId === 'CS1')?.attended).toBe(11);
    expect(stored.find((session) => session.sourceSessionId === 'CS1')?.importBatchId).toBe(third.batchId);
    expect(stored.find((session) => session.sourceSessionId === 'CS3')?.importBatchId).toBe(first.batchId);
  });

  it('keeps activity of an unknown GMC number with a warning, and links it when the consultant arrives', async () => {
    const result = await importCsv(
      db,
      organisationId,
      'clinic-sessions',
      csvOf('clinic-sessions', [clinicRow('CS-LOCUM', '2026-03-02', { gmc_number: '7777777' })]),
    );
    expect(result.status).toBe('committed');
    expect(result.warnings).toEqual([
      expect.objectContaining({
        row: 2,
        column: 'gmc_number',
        value: '7777777',
        message: expect.stringContaining('not in the consultant list'),
      }),
    ]);
    const locumSession = () =>
      db.prisma.clinicSession.findFirstOrThrow({ where: { sourceSessionId: 'CS-LOCUM' } });
    expect((await locumSession()).consultantId).toBeNull();

    await importCsv(db, organisationId, 'consultants', csvOf('consultants', [consultantRow('7777777')]));
    const consultant = await db.prisma.consultant.findFirstOrThrow({ where: { gmcNumber: '7777777' } });
    expect((await locumSession()).consultantId).toBe(consultant.id);
  });

  it('warns about attended over booked and held sessions with nobody seen, without rejecting', async () => {
    const result = await importCsv(
      db,
      organisationId,
      'clinic-sessions',
      csvOf('clinic-sessions', [
        clinicRow('CS-W1', '2026-04-06', { booked: 5, attended: 10 }),
        clinicRow('CS-W2', '2026-04-07', { attended: 0, first_attendances: 0, follow_up_attendances: 0 }),
      ]),
    );
    expect(result.status).toBe('committed');
    expect(result.warnings.map((warning) => [warning.row, warning.message])).toEqual([
      [2, 'more patients attended than were booked'],
      [3, 'the session was held but no patient attended'],
    ]);
    const stored = await db.prisma.importIssue.findMany({ where: { batchId: result.batchId } });
    expect(stored.map((issue) => issue.severity)).toEqual(['warning', 'warning']);
  });

  it('rejects a whole file for one bad row and changes nothing, saying row, column, value and what to fix', async () => {
    const before = await tableChecksum(db, 'clinic_sessions');
    const result = await importCsv(
      db,
      organisationId,
      'clinic-sessions',
      csvOf('clinic-sessions', [
        clinicRow('CS-X1', '2026-02-02', { attended: 9, follow_up_attendances: 5 }),
        clinicRow('CS-X2', '31/02/2026'),
      ]),
    );
    expect(result.status).toBe('rejected');
    expect(result.errors).toEqual([
      {
        row: 3,
        column: 'session_date',
        value: '31/02/2026',
        message: '31/02/2026 is not a real date (dd/mm/yyyy)',
      },
    ]);
    expect(result.rows).toMatchObject({ read: 2, rejected: 1, inserted: 0 });
    expect(await tableChecksum(db, 'clinic_sessions')).toBe(before);
    const batch = await db.prisma.importBatch.findFirstOrThrow({
      where: { id: result.batchId },
      include: { issues: true },
    });
    expect(batch.status).toBe('rejected');
    expect(batch.issues).toHaveLength(1);
  });

  it('dry run reports what would change and changes nothing', async () => {
    const before = await tableChecksum(db, 'clinic_sessions');
    const result = await importCsv(
      db,
      organisationId,
      'clinic-sessions',
      csvOf('clinic-sessions', [clinicRow('CS-DRY', '2027-01-04')]),
      { dryRun: true },
    );
    expect(result).toMatchObject({ status: 'dry-run', rows: { inserted: 1 } });
    expect(await tableChecksum(db, 'clinic_sessions')).toBe(before);
    expect((await db.prisma.importBatch.findFirstOrThrow({ where: { id: result.batchId } })).status).toBe(
      'dry_run',
    );
  });
});

describe('job plans', () => {
  let db: TestDatabase;
  let organisationId: number;
  const line = (overrides: Record<string, string>) => ({
    gmc_number: '4100001',
    job_plan_id: 'JP-1',
    version: '1',
    status: 'agreed',
    agreed_on: '2026-01-10',
    effective_from: '2026-02-02',
    effective_to: '',
    activity_type: 'outpatient_clinic',
    specialty_code: '130',
    day_of_week: 'Mon',
    period: 'AM',
    start_time: '09:00',
    end_time: '13:00',
    cycle_weeks: '1',
    cycle_offset: '0',
    annual_sessions: '',
    pa_value: '1',
    expected_output: '12',
    expected_weeks: '42',
    linked_codes: 'OPHC01',
    ...overrides,
  });

  beforeAll(async () => {
    db = await createTestDatabase();
    organisationId = (await db.prisma.organisation.create({ data: { code: 'RJP', name: 'Plans' } })).id;
    await importCsv(db, organisationId, 'consultants', csvOf('consultants', [consultantRow('4100001')]));
  });
  afterAll(() => db.drop());

  it('stores lines in file order, then replaces a version’s lines on re-import', async () => {
    const first = await importCsv(
      db,
      organisationId,
      'job-plans',
      csvOf('job-plans', [
        line({}),
        line({
          day_of_week: 'Tue',
          period: 'PM',
          activity_type: 'theatre_list',
          cycle_weeks: '2',
          cycle_offset: '1',
          linked_codes: 'TH01;TH02',
        }),
        line({
          day_of_week: '',
          period: '',
          start_time: '',
          end_time: '',
          annual_sessions: '20',
          activity_type: 'outpatient_clinic',
        }),
      ]),
    );
    expect(first).toMatchObject({ status: 'committed', rows: { inserted: 3 } });
    const plan = await db.prisma.jobPlan.findFirstOrThrow({
      where: { sourceJobPlanId: 'JP-1' },
      include: { activities: { orderBy: { lineNumber: 'asc' } } },
    });
    expect(
      plan.activities.map((a) => [
        a.lineNumber,
        a.activityType,
        a.dayOfWeek,
        a.cycleWeeks,
        a.cycleOffset,
        a.linkedCodes,
      ]),
    ).toEqual([
      [1, 'outpatient_clinic', 1, 1, 0, ['OPHC01']],
      [2, 'theatre_list', 2, 2, 1, ['TH01', 'TH02']],
      [3, 'outpatient_clinic', null, 1, 0, ['OPHC01']],
    ]);
    expect(Number(plan.activities[2]?.annualSessions)).toBe(20);

    const second = await importCsv(
      db,
      organisationId,
      'job-plans',
      csvOf('job-plans', [
        line({ effective_to: '2026-12-31' }),
        line({ effective_to: '2026-12-31', day_of_week: 'Wed', period: 'PM' }),
      ]),
    );
    // Line 2 changed, line 3 went, and line 1 counts as updated because its plan's dates changed.
    expect(second.rows).toMatchObject({ read: 2, inserted: 0, updated: 2, deleted: 1 });
    const lines = await db.prisma.jobPlanActivity.findMany({
      where: { jobPlanId: plan.id },
      orderBy: { lineNumber: 'asc' },
    });
    expect(lines.map((a) => [a.lineNumber, a.activityType, a.dayOfWeek])).toEqual([
      [1, 'outpatient_clinic', 1],
      [2, 'outpatient_clinic', 3],
    ]);
  });

  it('rejects lines that are neither a slot nor annualised, bad cycles, and unknown consultants', async () => {
    const result = await importCsv(
      db,
      organisationId,
      'job-plans',
      csvOf('job-plans', [
        line({ job_plan_id: 'JP-2', day_of_week: '', period: '' }),
        line({ job_plan_id: 'JP-2', cycle_weeks: '2', cycle_offset: '2' }),
      ]),
    );
    expect(result.status).toBe('rejected');
    expect(result.errors.map((error) => [error.row, error.column])).toEqual([
      [2, 'day_of_week'],
      [3, 'cycle_offset'],
    ]);
    const unknown = await importCsv(
      db,
      organisationId,
      'job-plans',
      csvOf('job-plans', [line({ job_plan_id: 'JP-3', gmc_number: '4999999' })]),
    );
    expect(unknown.status).toBe('rejected');
    expect(unknown.errors[0]?.message).toContain('import the consultants first');
  });
});

describe('clinic appointments', () => {
  let db: TestDatabase;
  let organisationId: number;
  const appointment = (
    id: string,
    attendance: string,
    first = '1',
    overrides: Record<string, string> = {},
  ) => ({
    appointment_id: id,
    clinic_code: 'OPHC01',
    session_date: '2026-05-11',
    period: 'AM',
    gmc_number: '4000001',
    specialty_code: '130',
    attendance_code: attendance,
    first_attendance: first,
    ...overrides,
  });

  beforeAll(async () => {
    db = await createTestDatabase();
    organisationId = (await db.prisma.organisation.create({ data: { code: 'RAP', name: 'Appointments' } }))
      .id;
    await importCsv(db, organisationId, 'consultants', csvOf('consultants', [consultantRow('4000001')]));
  });
  afterAll(() => db.drop());

  it('adds appointments up into one session per clinic, date, period and consultant, and recalculates on re-import', async () => {
    const first = await importCsv(
      db,
      organisationId,
      'clinic-appointments',
      csvOf('clinic-appointments', [
        appointment('A1', '5', '1'),
        appointment('A2', '6', '2'),
        appointment('A3', '3', '2'),
        appointment('A4', '7', '2'),
        appointment('A5', '2', '1'),
        appointment('A6', '4', '2'),
        appointment('B1', '4', '1', { session_date: '2026-05-12' }),
      ]),
    );
    expect(first).toMatchObject({ status: 'committed', rows: { inserted: 7 } });
    const sessions = await db.prisma.clinicSession.findMany({ orderBy: { sessionDate: 'asc' } });
    expect(sessions).toHaveLength(2);
    expect(sessions[0]).toMatchObject({
      sourceSessionId: 'APPT:OPHC01:2026-05-11:AM:4000001',
      status: 'held',
      booked: 6,
      attended: 2,
      dna: 1,
      lateNotSeen: 1,
      patientCancelled: 1,
      hospitalCancelled: 1,
      firstAttendances: 1,
      followUpAttendances: 1,
    });
    expect(sessions[1]).toMatchObject({
      status: 'cancelled',
      cancelReason: 'All appointments cancelled by the hospital',
    });

    // The 12 May appointment is gone from the new extract, and one DNA became seen.
    const second = await importCsv(
      db,
      organisationId,
      'clinic-appointments',
      csvOf('clinic-appointments', [
        appointment('A1', '5', '1'),
        appointment('A2', '6', '2'),
        appointment('A3', '5', '2'),
        appointment('A4', '7', '2'),
        appointment('A5', '2', '1'),
        appointment('A6', '4', '2', { session_date: '2026-05-12' }),
      ]),
    );
    expect(second.rows).toMatchObject({ updated: 2, deleted: 1, unchanged: 4 });
    const after = await db.prisma.clinicSession.findMany({ orderBy: { sessionDate: 'asc' } });
    expect(
      after.map((s) => [s.sessionDate.toISOString().slice(0, 10), s.status, s.booked, s.attended, s.dna]),
    ).toEqual([
      ['2026-05-11', 'held', 5, 3, 0],
      ['2026-05-12', 'cancelled', 1, 0, 0],
    ]);

    // A trust that sends appointments sees them on the overview's data freshness, with their latest import.
    useDatabase(db);
    const latest = await db.prisma.importBatch.findFirstOrThrow({
      where: { organisationId, kind: 'clinic_appointments' },
      orderBy: { finishedAt: 'desc' },
    });
    const coverage = await getDataCoverage(trustWideScope(organisationId));
    expect(coverage.find((source) => source.source === 'clinic_appointments')).toEqual({
      source: 'clinic_appointments',
      label: 'Clinic appointments',
      rows: 6,
      from: '2026-05-11',
      to: '2026-05-12',
      lastImportedAt: latest.finishedAt?.toISOString(),
    });
  });
});
