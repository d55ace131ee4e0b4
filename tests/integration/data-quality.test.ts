/**
 * The rows behind the data-quality counts (issue 6, part 5): sessions of unknown consultants, sessions recorded
 * twice, held lists without timestamps and held sessions with no job plan in force — each with its source ids — and
 * the counts getDataQualityReport gives. Hand-built scenario; expected rows written literally.
 *
 * Calendar (2026): March Tuesdays 3, 10, 17, 24, 31. No bank holiday in March.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  getDataQualityReport,
  listDuplicateSessions,
  listMissingTimestamps,
  listSessionsWithoutPlan,
  listUnknownConsultantSessions,
} from '@/lib/server/metrics/data-quality';
import {
  clinic,
  consultant,
  consultantId,
  createOrganisation,
  importRows,
  list,
  planLine,
} from '../helpers/ledger-scenario';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

/**
 * Trust DQA, March 2026:
 * - Q1: clinic Tuesday AM from 03-02. Held 03-03 (C1) and 03-10 recorded twice (C2, C3, same clinic code);
 *   theatre list 03-12 AM without timestamps (L1, additional: Q1 has a plan, so not "without plan"); list 03-13 AM
 *   with all timestamps (L2); list 03-20 PM with all timestamps recorded three times (L4, L5, L6).
 * - Q2: no job plan at all. Held clinics 03-04 (C4) and 03-11 (C5): additional with no plan.
 * - Unknown GMC 9999999: clinics 03-05 (C6) and 03-06 (C7); list 03-09 (L3).
 */
describe('data-quality rows', () => {
  const [Q1, Q2, UNKNOWN] = ['5200001', '5200002', '9999999'];
  const march = { from: '2026-03-01', to: '2026-03-31' };
  let org: number;
  let q1: number;
  let q2: number;

  beforeAll(async () => {
    org = await createOrganisation(db, 'DQA');
    await importRows(db, org, 'consultants', [consultant(Q1), consultant(Q2)]);
    await importRows(db, org, 'job-plans', [
      planLine({ gmc: Q1, id: 'JP-Q1', from: '2026-03-02' }, { day: 'Tue', period: 'AM' }),
    ]);
    await importRows(db, org, 'clinic-sessions', [
      clinic('C1', Q1, '2026-03-03', 'AM', { attended: 10 }),
      clinic('C2', Q1, '2026-03-10', 'AM', { attended: 12 }),
      clinic('C3', Q1, '2026-03-10', 'AM', { attended: 12 }),
      clinic('C4', Q2, '2026-03-04', 'PM', { attended: 9 }),
      clinic('C5', Q2, '2026-03-11', 'PM', { attended: 7 }),
      clinic('C6', UNKNOWN, '2026-03-05', 'AM', { attended: 5 }),
      clinic('C7', UNKNOWN, '2026-03-06', 'PM', { cancelled: 'Consultant unavailable' }),
    ]);
    await importRows(db, org, 'theatre-lists', [
      list('L1', Q1, '2026-03-12', 'AM', { attended: 3 }),
      {
        ...list('L2', Q1, '2026-03-13', 'AM', { attended: 4 }),
        actual_start: '08:05',
        actual_end: '11:50',
        touch_minutes: 190,
      },
      list('L3', UNKNOWN, '2026-03-09', 'PM', { attended: 2 }),
      ...['L4', 'L5', 'L6'].map((id) => ({
        ...list(id, Q1, '2026-03-20', 'PM', { attended: 4 }),
        actual_start: '13:30',
        actual_end: '17:00',
        touch_minutes: 180,
      })),
    ]);
    q1 = await consultantId(db, org, Q1);
    q2 = await consultantId(db, org, Q2);
  });

  it('lists the sessions of unknown consultants with their source ids, as many as counted', async () => {
    const page = await listUnknownConsultantSessions(db, org, march);
    expect(page.total).toBe(3);
    expect(page.rows).toEqual([
      {
        category: 'clinic',
        sourceId: 'C6',
        date: '2026-03-05',
        period: 'AM',
        location: 'CLIN01',
        gmcNumber: UNKNOWN,
        consultantId: null,
        consultantName: null,
        status: 'held',
      },
      {
        category: 'clinic',
        sourceId: 'C7',
        date: '2026-03-06',
        period: 'PM',
        location: 'CLIN01',
        gmcNumber: UNKNOWN,
        consultantId: null,
        consultantName: null,
        status: 'cancelled',
      },
      {
        category: 'list',
        sourceId: 'L3',
        date: '2026-03-09',
        period: 'PM',
        location: 'TH01',
        gmcNumber: UNKNOWN,
        consultantId: null,
        consultantName: null,
        status: 'held',
      },
    ]);
  });

  it('lists each group of duplicates once with all its source ids', async () => {
    const page = await listDuplicateSessions(db, org, march);
    expect(page.total).toBe(2);
    expect(page.extraRows).toBe(3);
    expect(page.rows).toEqual([
      {
        category: 'clinic',
        date: '2026-03-10',
        period: 'AM',
        location: 'CLIN01',
        gmcNumber: Q1,
        consultantId: q1,
        consultantName: `Dr ${Q1}`,
        sourceIds: ['C2', 'C3'],
      },
      {
        category: 'list',
        date: '2026-03-20',
        period: 'PM',
        location: 'TH01',
        gmcNumber: Q1,
        consultantId: q1,
        consultantName: `Dr ${Q1}`,
        sourceIds: ['L4', 'L5', 'L6'],
      },
    ]);
  });

  it('counts each fault as many times as its rows show', async () => {
    expect((await getDataQualityReport(db, org, march)).counts).toEqual({
      unknownConsultantSessions: 3,
      unknownGmcNumbers: [{ gmcNumber: UNKNOWN, sessions: 3 }],
      sessionsWithoutPlan: 2,
      missingTimestamps: 2,
      duplicateSessions: 3,
    });
  });

  it('lists held lists missing timestamps, saying which are missing', async () => {
    const page = await listMissingTimestamps(db, org, march);
    expect(page.total).toBe(2);
    expect(page.rows.map((row) => [row.sourceId, row.date, row.consultantId, row.missing])).toEqual([
      ['L3', '2026-03-09', null, ['actual start', 'actual end', 'touch time']],
      ['L1', '2026-03-12', q1, ['actual start', 'actual end', 'touch time']],
    ]);
  });

  it('lists held sessions of consultants with no plan in force, not additional sessions of planned ones', async () => {
    const page = await listSessionsWithoutPlan(db, org, march);
    expect(page.total).toBe(2);
    expect(
      page.rows.map((row) => [row.sourceId, row.date, row.period, row.consultantId, row.status]),
    ).toEqual([
      ['C4', '2026-03-04', 'PM', q2, 'held'],
      ['C5', '2026-03-11', 'PM', q2, 'held'],
    ]);
  });

  it('pages with limit and offset, keeping the total', async () => {
    const second = await listUnknownConsultantSessions(db, org, march, { limit: 1, offset: 1 });
    expect(second.total).toBe(3);
    expect(second.rows.map((row) => row.sourceId)).toEqual(['C7']);
    // A page past the end (an old link) has no rows, but still the totals.
    const past = await listUnknownConsultantSessions(db, org, march, { limit: 10, offset: 10 });
    expect(past).toEqual({ total: 3, rows: [] });
    const report = await getDataQualityReport(db, org, march, { duplicates: { limit: 50, offset: 50 } });
    expect(report.duplicates).toEqual({ total: 2, extraRows: 3, rows: [] });
    expect(report.counts.duplicateSessions).toBe(3);
  });

  it('keeps to the period and the organisation', async () => {
    const april = { from: '2026-04-01', to: '2026-04-30' };
    expect((await listUnknownConsultantSessions(db, org, april)).total).toBe(0);
    expect((await listDuplicateSessions(db, org, april)).total).toBe(0);
    const other = await createOrganisation(db, 'DQB');
    expect((await listSessionsWithoutPlan(db, other, march)).total).toBe(0);
    expect((await listMissingTimestamps(db, other, march)).total).toBe(0);
  });
});
