/**
 * The hand-built ledger scenarios (issue 4, point 5), part 2: the report numbers (getUnitReport at consultant,
 * specialty and trust level, getLedgerEntries), all-day lists, sessions recorded twice, report periods that cut
 * weeks, and incremental refresh after each import. Expected values are worked out by hand (PRODUCT.md's metric
 * dictionary and LEDGER_RULES in lib/shared/metrics.ts) and written literally, with the arithmetic beside them.
 *
 * Calendar (2026): March Mondays 2, 9, 16, 23, 30; Tuesdays 3, 10, 17, 24, 31; Wednesdays 4, 11, 18, 25;
 * Thursdays 5, 12, 19, 26. No bank holiday in March. January Tuesdays 6, 13, 20, 27; Wednesdays 7, 14, 21, 28;
 * February Tuesdays 3, 10, 17, 24; Wednesdays 4, 11, 18, 25.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getLedgerEntries } from '@/lib/server/metrics/ledger-entries';
import { getSeries } from '@/lib/server/metrics/series';
import { trustWideScope } from '@/lib/shared/scope';
import { csvOf, importCsv } from '../helpers/import-helpers';
import {
  clinic,
  consultant,
  consultantId,
  createOrganisation,
  expectMetrics,
  importRows,
  incrementalAndFullLedger,
  type LedgerRow,
  leave,
  ledgerLines,
  ledgerRows,
  lineOf,
  list,
  planLine,
  rowOf,
  UROLOGY,
  unitReport,
} from '../helpers/ledger-scenario';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

/**
 * Trust SCNA, benchmark over consultants with at least 1 held session (so that a median exists).
 * - A1 (Ophthalmology): clinic Tuesday AM from 03-02. Held 03-03 (10 patients), 03-10 (12, recorded twice),
 *   03-31 (8); cancelled 03-17; nothing on 03-24; an extra clinic on Monday 03-02 PM (6).
 * - A2 (Ophthalmology): clinic Wednesday PM. Held 03-04 (12) and 03-25 (14); annual leave 03-11 (requested 60
 *   days before), study leave 03-18 (requested 17 days before).
 * - A3 (Urology): theatre lists Thursday AM and Thursday PM. All-day list 03-05 (6 cases); AM list 03-12 (3);
 *   all-day list cancelled 03-19; all-day list 03-26 (8 cases, recorded twice); extra lists 03-02 AM (2) and
 *   03-31 PM (4).
 * - A4 (Ophthalmology): clinic Monday AM, nothing recorded at all.
 * Clinic and list coverage are both 2026-03-02 … 2026-03-31: 30 days, 30/7 weeks.
 */
describe('report numbers of a small trust', () => {
  const [A1, A2, A3, A4] = ['5100001', '5100002', '5100003', '5100004'];
  let org: number;
  const march = { from: '2026-03-01', to: '2026-03-31' };

  beforeAll(async () => {
    org = await createOrganisation(db, 'SCNA', { benchmarkMinHeldSessions: 1 });
    await importRows(db, org, 'consultants', [
      consultant(A1),
      consultant(A2),
      consultant(A3, UROLOGY),
      consultant(A4),
    ]);
    const since = '2026-01-05';
    await importRows(db, org, 'job-plans', [
      planLine({ gmc: A1, id: 'JP-A1', from: '2026-03-02' }, { day: 'Tue', period: 'AM' }),
      planLine({ gmc: A2, id: 'JP-A2', from: since }, { day: 'Wed', period: 'PM' }),
      planLine(
        { gmc: A3, id: 'JP-A3', from: since },
        { type: 'theatre_list', day: 'Thu', period: 'AM', specialty: '101' },
      ),
      planLine(
        { gmc: A3, id: 'JP-A3', from: since },
        { type: 'theatre_list', day: 'Thu', period: 'PM', specialty: '101' },
      ),
      planLine({ gmc: A4, id: 'JP-A4', from: since }, { day: 'Mon', period: 'AM' }),
    ]);
    await importRows(db, org, 'clinic-sessions', [
      clinic('A1-0302', A1, '2026-03-02', 'PM', { attended: 6 }, 'OPHC01'),
      clinic('A1-0303', A1, '2026-03-03', 'AM', { attended: 10 }, 'OPHC01'),
      clinic('A1-0310', A1, '2026-03-10', 'AM', { attended: 12 }, 'OPHC01'),
      clinic('A1-0310-DUP', A1, '2026-03-10', 'AM', { attended: 12 }, 'OPHC01'),
      clinic('A1-0317', A1, '2026-03-17', 'AM', { cancelled: 'Consultant on call cover' }, 'OPHC01'),
      clinic('A1-0331', A1, '2026-03-31', 'AM', { attended: 8 }, 'OPHC01'),
      clinic('A2-0304', A2, '2026-03-04', 'PM', { attended: 12 }, 'OPHC02'),
      clinic('A2-0325', A2, '2026-03-25', 'PM', { attended: 14 }, 'OPHC02'),
    ]);
    await importRows(db, org, 'theatre-lists', [
      list('A3-0302', A3, '2026-03-02', 'AM', { attended: 2 }, 'TH01', '101'),
      list('A3-0305', A3, '2026-03-05', 'ALL', { attended: 6 }, 'TH01', '101'),
      list('A3-0312', A3, '2026-03-12', 'AM', { attended: 3 }, 'TH01', '101'),
      list('A3-0319', A3, '2026-03-19', 'ALL', { cancelled: 'No anaesthetist' }, 'TH01', '101'),
      list('A3-0326', A3, '2026-03-26', 'ALL', { attended: 8 }, 'TH01', '101'),
      list('A3-0326-DUP', A3, '2026-03-26', 'ALL', { attended: 8 }, 'TH01', '101'),
      list('A3-0331', A3, '2026-03-31', 'PM', { attended: 4 }, 'TH01', '101'),
    ]);
    await importRows(db, org, 'leave', [
      // 01-10 → 03-11: 21 + 28 + 11 = 60 days (adequate); 03-01 → 03-18: 17 days (short).
      leave(A2, '2026-03-11', '2026-03-11', 'annual', { requestedOn: '2026-01-10' }),
      leave(A2, '2026-03-18', '2026-03-18', 'study', { requestedOn: '2026-03-01' }),
    ]);
  });

  it('settles each planned session of each consultant', async () => {
    expect(await ledgerLines(db, org, A1)).toEqual([
      '2026-03-02 PM clinic additional',
      '2026-03-03 AM clinic delivered',
      '2026-03-10 AM clinic delivered', // recorded twice, counted once
      '2026-03-17 AM clinic hospital_cancelled',
      '2026-03-24 AM clinic not_scheduled',
      '2026-03-31 AM clinic delivered',
    ]);
    expect(await ledgerLines(db, org, A2)).toEqual([
      '2026-03-04 PM clinic delivered',
      '2026-03-11 PM clinic leave_adequate_notice',
      '2026-03-18 PM clinic leave_short_notice',
      '2026-03-25 PM clinic delivered',
    ]);
    expect(await ledgerLines(db, org, A4)).toEqual([
      '2026-03-02 AM clinic not_scheduled',
      '2026-03-09 AM clinic not_scheduled',
      '2026-03-16 AM clinic not_scheduled',
      '2026-03-23 AM clinic not_scheduled',
      '2026-03-30 AM clinic not_scheduled',
    ]);
  });

  it('splits all-day lists into AM and PM halves with half the cases and minutes each, counting a copy once', async () => {
    const rows = await ledgerRows(db, org, A3);
    // ALL lists run 08:00–17:00 = 540 minutes: 270 per half. AM lists 08:00–12:00, PM 13:00–17:00: 240.
    expect(
      rows.map((row) => `${lineOf(row)} ${row.patients} ${row.plannedMinutes} ${row.cancelReason}`),
    ).toEqual([
      '2026-03-02 AM list additional 2 240 null',
      '2026-03-05 AM list delivered 3 270 null', // 6 cases / 2
      '2026-03-05 PM list delivered 3 270 null',
      '2026-03-12 AM list delivered 3 240 null',
      '2026-03-12 PM list not_scheduled 0 null null',
      '2026-03-19 AM list hospital_cancelled 0 null No anaesthetist',
      '2026-03-19 PM list hospital_cancelled 0 null No anaesthetist',
      '2026-03-26 AM list delivered 4 270 null', // 8 cases / 2, the copy ignored
      '2026-03-26 PM list delivered 4 270 null',
      '2026-03-31 PM list additional 4 240 null',
    ]);
  });

  it('lists a consultant’s sessions with location, reason and patients (getLedgerEntries)', async () => {
    const entries = await getLedgerEntries(db, trustWideScope(org), {
      consultantId: await consultantId(db, org, A1),
      period: march,
      activity: 'all',
    });
    expect(
      entries.map((entry) => [
        entry.date,
        entry.period,
        entry.outcome,
        entry.activityType,
        entry.location,
        entry.cancelReason,
        entry.patients,
      ]),
    ).toEqual([
      ['2026-03-02', 'PM', 'additional', null, 'OPHC01', null, 6],
      ['2026-03-03', 'AM', 'delivered', 'outpatient_clinic', 'OPHC01', null, 10],
      ['2026-03-10', 'AM', 'delivered', 'outpatient_clinic', 'OPHC01', null, 12],
      [
        '2026-03-17',
        'AM',
        'hospital_cancelled',
        'outpatient_clinic',
        'OPHC01',
        'Consultant on call cover',
        0,
      ],
      ['2026-03-24', 'AM', 'not_scheduled', 'outpatient_clinic', null, null, 0],
      ['2026-03-31', 'AM', 'delivered', 'outpatient_clinic', 'OPHC01', null, 8],
    ]);
  });

  it('reports each consultant', async () => {
    const report = await unitReport(db, org, 'consultant', march);
    expect(report.coveredPeriod).toEqual({ from: '2026-03-02', to: '2026-03-31' });
    expect(report.weeks).toBeCloseTo(30 / 7, 9);
    // Gross per weekly line: 1 × 42 × 30 / 365 = 1260 / 365.
    // Benchmarks (median of consultants' patients per held session, ≥ 1 held):
    //   Ophthalmology clinics: A1 36/4 = 9, A2 26/2 = 13 (A4 held none) → median 11. Urology lists: A3 23/7.
    // Opportunity, weeks = 30/7, target 0.95:
    //   A1 fulfilment (0.95 × 5 − 3) × 9 ÷ 30/7 = 1.75 × 9 × 7/30 = 110.25/30 = 3.675;
    //      productivity (11 − 9) × 4 ÷ 30/7 = 56/30.
    //   A2 fulfilment max(0, 0.95 × 2 − 2) = 0; productivity max(0, 11 − 13) = 0.
    //   A3 fulfilment (0.95 × 8 − 5) × 23/7 ÷ 30/7 = 2.6 × 23/30 = 59.8/30; productivity 23/7 − 23/7 = 0.
    //   A4 held none: valued at the benchmark, (0.95 × 5 − 0) × 11 ÷ 30/7 = 52.25 × 7/30 = 365.75/30.
    expectMetrics(rowOf(report, A1), {
      plannedSessions: 5,
      expectedNet: 5,
      expectedGross: 1260 / 365,
      delivered: 3,
      additional: 1,
      fulfilmentNet: 3 / 5,
      fulfilmentGross: (3 * 365) / 1260,
      totalDelivery: 4 / 5,
      lost: {
        leaveAdequateNotice: 0,
        leaveShortNotice: 0,
        sickness: 0,
        hospitalCancelled: 1,
        notScheduled: 1,
      },
      lostSessions: 2,
      heldSessions: 4,
      patients: 36, // 6 + 10 + 12 + 8
      casesPerSession: 9,
      casesPer4Hours: 9, // 36 × 240 / (4 held × 240 minutes)
      slotUtilisation: 36 / 48, // 4 held clinics × (4 + 8) template slots
      dnaRate: 0,
      opportunityPerWeek: { fulfilment: 110.25 / 30, productivity: 56 / 30, total: 166.25 / 30 },
    });
    expectMetrics(rowOf(report, A2), {
      plannedSessions: 4,
      expectedNet: 2, // 4 − 1 adequate − 1 short
      expectedGross: 1260 / 365,
      delivered: 2,
      additional: 0,
      fulfilmentNet: 1,
      fulfilmentGross: (2 * 365) / 1260,
      totalDelivery: 1,
      lost: {
        leaveAdequateNotice: 1,
        leaveShortNotice: 1,
        sickness: 0,
        hospitalCancelled: 0,
        notScheduled: 0,
      },
      lostSessions: 0,
      heldSessions: 2,
      patients: 26,
      casesPerSession: 13,
      opportunityPerWeek: { fulfilment: 0, productivity: 0, total: 0 },
    });
    expectMetrics(rowOf(report, A3), {
      plannedSessions: 8, // 4 Thursdays × AM + PM
      expectedNet: 8,
      expectedGross: 2520 / 365,
      delivered: 5,
      additional: 2,
      fulfilmentNet: 5 / 8,
      fulfilmentGross: (5 * 365) / 2520,
      totalDelivery: 7 / 8,
      lost: { hospitalCancelled: 2, notScheduled: 1 },
      lostSessions: 3,
      heldSessions: 7,
      patients: 23, // 2 + 3 + 3 + 3 + 4 + 4 + 4
      casesPerSession: 23 / 7,
      // minutes: 240 (03-02) + 2 × 270 (03-05) + 240 (03-12) + 2 × 270 (03-26) + 240 (03-31) = 1800
      casesPer4Hours: (23 * 240) / 1800,
      slotUtilisation: null,
      theatreUtilisationCapped: null, // no touch time recorded
      opportunityPerWeek: { fulfilment: 59.8 / 30, productivity: 0, total: 59.8 / 30 },
    });
    expectMetrics(rowOf(report, A4), {
      plannedSessions: 5,
      expectedNet: 5,
      expectedGross: 1260 / 365,
      delivered: 0,
      additional: 0,
      fulfilmentNet: 0,
      fulfilmentGross: 0,
      totalDelivery: 0,
      lost: { notScheduled: 5 },
      heldSessions: 0,
      patients: 0,
      casesPerSession: null,
      opportunityPerWeek: { fulfilment: 365.75 / 30, productivity: 0, total: 365.75 / 30 },
    });
  });

  it('reports each specialty as the sum of its consultants', async () => {
    const report = await unitReport(db, org, 'specialty', march);
    // Ophthalmology = A1 + A2 + A4.
    expectMetrics(rowOf(report, '130'), {
      consultants: 3,
      plannedSessions: 14, // 5 + 4 + 5
      expectedNet: 12, // 5 + 2 + 5
      expectedGross: 3780 / 365, // 3 lines × 1260/365
      delivered: 5,
      additional: 1,
      fulfilmentNet: 5 / 12,
      fulfilmentGross: (5 * 365) / 3780,
      totalDelivery: 6 / 12,
      lost: {
        leaveAdequateNotice: 1,
        leaveShortNotice: 1,
        sickness: 0,
        hospitalCancelled: 1,
        notScheduled: 6,
      },
      lostSessions: 7,
      heldSessions: 6,
      patients: 62,
      casesPerSession: 62 / 6,
      // (110.25 + 0 + 365.75)/30 and 56/30
      opportunityPerWeek: { fulfilment: 476 / 30, productivity: 56 / 30, total: 532 / 30 },
    });
    expect(rowOf(report, '130').benchmarks).toEqual({ clinic: { value: 11, source: 'median' }, list: null });
    expectMetrics(rowOf(report, '101'), {
      consultants: 1,
      plannedSessions: 8,
      delivered: 5,
      additional: 2,
      expectedGross: 2520 / 365,
      opportunityPerWeek: { fulfilment: 59.8 / 30, productivity: 0 },
    });
    expect(rowOf(report, '101').benchmarks?.list?.value).toBeCloseTo(23 / 7, 9);
  });

  it('reports the trust as the sum of everyone', async () => {
    const report = await unitReport(db, org, 'trust', march);
    expectMetrics(rowOf(report, 'SCNA'), {
      consultants: 4,
      plannedSessions: 22, // 14 clinics + 8 lists
      expectedNet: 20, // 12 + 8
      expectedGross: 6300 / 365, // 3780/365 + 2520/365
      delivered: 10,
      additional: 3,
      fulfilmentNet: 10 / 20,
      fulfilmentGross: (10 * 365) / 6300,
      totalDelivery: 13 / 20,
      lost: {
        leaveAdequateNotice: 1,
        leaveShortNotice: 1,
        sickness: 0,
        hospitalCancelled: 3,
        notScheduled: 7,
      },
      lostSessions: 10,
      heldSessions: 13,
      patients: 85, // 62 + 23
      casesPerSession: 85 / 13,
      casesPer4Hours: (85 * 240) / 3240, // minutes 960 (A1) + 480 (A2) + 1800 (A3)
      slotUtilisation: 62 / 72, // (4 + 2) held clinics × 12 slots
      patientsPerWeek: (85 * 7) / 30,
      // (476 + 59.8)/30 and 56/30
      opportunityPerWeek: { fulfilment: 535.8 / 30, productivity: 56 / 30, total: 591.8 / 30 },
    });
    const division = await unitReport(db, org, 'division', march);
    expectMetrics(rowOf(division, 'SURG'), { consultants: 4, plannedSessions: 22, delivered: 10 });
  });

  it('gives a weekly series whose buckets hold their own sessions and days (getSeries)', async () => {
    const [series] = await getSeries(db, trustWideScope(org), {
      level: 'consultant',
      unit: { level: 'consultant', id: await consultantId(db, org, A3) },
      period: { from: '2026-03-02', to: '2026-03-31' },
      activity: 'list',
      bucket: 'week',
    });
    // A3, Thursday AM + PM lists. Gross per full week: 2 lines × 42 × 7/365 = 588/365; the last bucket
    // (Mon 03-30 … Tue 03-31) has 2 days: 2 × 42 × 2/365 = 168/365.
    const points = series?.points.map((point) => ({
      from: point.from,
      to: point.to,
      weeks: point.weeks,
      planned: point.plannedSessions,
      delivered: point.delivered,
      additional: point.additional,
      cancelled: point.lost.hospitalCancelled,
      notScheduled: point.lost.notScheduled,
      gross: point.expectedGross,
    }));
    expect(points).toHaveLength(5);
    const expected = [
      ['2026-03-02', '2026-03-08', 1, 2, 2, 1, 0, 0, 588 / 365], // 03-02 extra list, 03-05 all-day list
      ['2026-03-09', '2026-03-15', 1, 2, 1, 0, 0, 1, 588 / 365], // 03-12 AM only
      ['2026-03-16', '2026-03-22', 1, 2, 0, 0, 2, 0, 588 / 365], // 03-19 cancelled
      ['2026-03-23', '2026-03-29', 1, 2, 2, 0, 0, 0, 588 / 365], // 03-26 all-day list (and its copy)
      ['2026-03-30', '2026-03-31', 2 / 7, 0, 0, 1, 0, 0, 168 / 365], // 03-31 extra list
    ] as const;
    expected.forEach(
      ([from, to, weeks, planned, delivered, additional, cancelled, notScheduled, gross], i) => {
        expectMetrics(points?.[i], {
          from,
          to,
          weeks,
          planned,
          delivered,
          additional,
          cancelled,
          notScheduled,
          gross,
        });
      },
    );
  });

  it('splits each week’s patients or cases per session by category, which add up to the week’s own', async () => {
    const [trust] = await getSeries(db, trustWideScope(org), {
      level: 'trust',
      period: { from: '2026-03-02', to: '2026-03-29' },
      activity: 'all',
      bucket: 'week',
    });
    expect(trust?.points.length).toBe(4);
    let heldInBoth = 0;
    for (const point of trust?.points ?? []) {
      const { clinic, list } = point.perSessionByCategory;
      expect(Object.keys(point.perSessionByCategory).sort()).toEqual(['clinic', 'list']);
      expect((clinic?.heldSessions ?? 0) + (list?.heldSessions ?? 0)).toBeCloseTo(point.heldSessions, 10);
      expect((clinic?.patients ?? 0) + (list?.patients ?? 0)).toBeCloseTo(point.patients, 10);
      for (const category of [clinic, list]) {
        expect(category?.casesPerSession ?? null).toEqual(
          category && category.heldSessions > 0 ? category.patients / category.heldSessions : null,
        );
      }
      if ((clinic?.heldSessions ?? 0) > 0 && (list?.heldSessions ?? 0) > 0) heldInBoth += 1;
    }
    // The scenario holds clinics and lists in the same weeks: the split is tested, not one side of it.
    expect(heldInBoth).toBeGreaterThan(0);
  });

  it('counts only sessions inside a period that starts and ends mid-week, and gross pro rata by days', async () => {
    // Wednesday 03-04 … Thursday 03-19: 16 days. A1 Tuesdays 03-10 (delivered), 03-17 (cancelled);
    // A2 Wednesdays 03-04 (delivered), 03-11 (adequate), 03-18 (short). Gross per line 42 × 16 / 365 = 672/365.
    const report = await unitReport(
      db,
      org,
      'consultant',
      { from: '2026-03-04', to: '2026-03-19' },
      'clinic',
    );
    expect(report.coveredPeriod).toEqual({ from: '2026-03-04', to: '2026-03-19' });
    expect(report.weeks).toBeCloseTo(16 / 7, 9);
    // Benchmark in this period: A1 12/1, A2 12/1 → median 12.
    // A1 fulfilment opportunity (0.95 × 2 − 1) × 12 ÷ 16/7 = 0.9 × 12 × 7/16 = 75.6/16.
    expectMetrics(rowOf(report, A1), {
      plannedSessions: 2,
      expectedNet: 2,
      expectedGross: 672 / 365,
      delivered: 1,
      additional: 0, // the extra clinic of 03-02 is outside the period
      fulfilmentNet: 1 / 2,
      lost: { hospitalCancelled: 1, notScheduled: 0 },
      heldSessions: 1,
      patients: 12,
      opportunityPerWeek: { fulfilment: 75.6 / 16, productivity: 0 },
    });
    expectMetrics(rowOf(report, A2), {
      plannedSessions: 3,
      expectedNet: 1,
      expectedGross: 672 / 365,
      delivered: 1,
      fulfilmentNet: 1,
      lost: { leaveAdequateNotice: 1, leaveShortNotice: 1 },
    });
  });

  it('counts only the covered days of a period longer than the extracts', async () => {
    // 02-15 … 04-15 asked; the clinics cover 03-02 … 03-31 only: 30 days.
    const report = await unitReport(db, org, 'trust', { from: '2026-02-15', to: '2026-04-15' }, 'clinic');
    expect(report.coveredPeriod).toEqual({ from: '2026-03-02', to: '2026-03-31' });
    expect(report.weeks).toBeCloseTo(30 / 7, 9);
    expectMetrics(rowOf(report, 'SCNA'), {
      plannedSessions: 14,
      expectedGross: 3780 / 365, // 3 clinic lines × 42 × 30/365
      delivered: 5,
      patientsPerWeek: (62 * 7) / 30,
    });
  });

  it('leaves an incremental ledger equal to a full rebuild', async () => {
    const { incremental, full } = await incrementalAndFullLedger(db, org);
    expect(incremental).toEqual(full);
  });
});

/**
 * Trust SCNI: I1 has a Tuesday AM clinic, I2 a Wednesday AM clinic, both from 2026-01-05. A January extract
 * (01-06 … 01-27), then a February extract (02-03 … 02-24/25), then leave for I1.
 */
describe('incremental refresh', () => {
  const [I1, I2] = ['5900001', '5900002'];
  let org: number;
  let januaryRows: LedgerRow[];
  const february = [
    clinic('I1-0203', I1, '2026-02-03', 'AM', { attended: 10 }),
    clinic('I1-0210', I1, '2026-02-10', 'AM', { attended: 10 }),
    // nothing for I1 on 02-17
    clinic('I1-0224', I1, '2026-02-24', 'AM', { attended: 10 }),
    clinic('I2-0204', I2, '2026-02-04', 'AM', { attended: 10 }),
    clinic('I2-0211', I2, '2026-02-11', 'AM', { attended: 10 }),
    clinic('I2-0218', I2, '2026-02-18', 'AM', { attended: 10 }),
    clinic('I2-0225', I2, '2026-02-25', 'AM', { attended: 10 }),
  ];

  beforeAll(async () => {
    org = await createOrganisation(db, 'SCNI');
    await importRows(db, org, 'consultants', [consultant(I1), consultant(I2)]);
    await importRows(db, org, 'job-plans', [
      planLine({ gmc: I1, id: 'JP-I1', from: '2026-01-05' }, { day: 'Tue', period: 'AM' }),
      planLine({ gmc: I2, id: 'JP-I2', from: '2026-01-05' }, { day: 'Wed', period: 'AM' }),
    ]);
    // January: I1 every Tuesday; I2 01-07, 01-14, 01-21 and nothing on 01-28. Coverage 01-06 … 01-27.
    await importRows(db, org, 'clinic-sessions', [
      ...['01-06', '01-13', '01-20', '01-27'].map((date) =>
        clinic(`I1-${date}`, I1, `2026-${date}`, 'AM', { attended: 10 }),
      ),
      ...['01-07', '01-14', '01-21'].map((date) =>
        clinic(`I2-${date}`, I2, `2026-${date}`, 'AM', { attended: 10 }),
      ),
    ]);
    januaryRows = await ledgerRows(db, org);
  });

  it('judges January only within the January extract’s dates', () => {
    expect(januaryRows.map((row) => `${row.gmc} ${lineOf(row)}`)).toEqual([
      '5900001 2026-01-06 AM clinic delivered',
      '5900001 2026-01-13 AM clinic delivered',
      '5900001 2026-01-20 AM clinic delivered',
      '5900001 2026-01-27 AM clinic delivered',
      '5900002 2026-01-07 AM clinic delivered',
      '5900002 2026-01-14 AM clinic delivered',
      '5900002 2026-01-21 AM clinic delivered',
    ]);
  });

  it('a new month of clinics adds that month’s rows and leaves earlier rows untouched (same ids)', async () => {
    const result = await importRows(db, org, 'clinic-sessions', february);
    expect(result.ledger?.scope).toEqual({
      consultants: 'all',
      dates: { from: '2026-02-03', to: '2026-02-25' },
    });
    const rows = await ledgerRows(db, org);
    expect(rows.filter((row) => row.date < '2026-01-28')).toEqual(januaryRows);
    expect(rows.filter((row) => row.date >= '2026-02-01').map((row) => `${row.gmc} ${lineOf(row)}`)).toEqual([
      '5900001 2026-02-03 AM clinic delivered',
      '5900001 2026-02-10 AM clinic delivered',
      '5900001 2026-02-17 AM clinic not_scheduled',
      '5900001 2026-02-24 AM clinic delivered',
      '5900002 2026-02-04 AM clinic delivered',
      '5900002 2026-02-11 AM clinic delivered',
      '5900002 2026-02-18 AM clinic delivered',
      '5900002 2026-02-25 AM clinic delivered',
    ]);
  });

  it('a leave import re-judges only that consultant', async () => {
    const before = await ledgerRows(db, org);
    const result = await importRows(db, org, 'leave', [leave(I1, '2026-02-17', '2026-02-17', 'annual')]);
    expect(result.ledger?.scope).toEqual({ consultants: 1, dates: null });
    const after = await ledgerRows(db, org);
    // I2: the same rows with the same ids.
    expect(after.filter((row) => row.gmc === I2)).toEqual(before.filter((row) => row.gmc === I2));
    // I1: 02-17 is now leave (no dates known: adequate notice); everything else as before.
    const outcome = (rows: LedgerRow[]) =>
      rows.filter((row) => row.gmc === I1).map((row) => `${row.date} ${row.outcome}`);
    expect(outcome(after)).toEqual(
      outcome(before).map((line) =>
        line === '2026-02-17 not_scheduled' ? '2026-02-17 leave_adequate_notice' : line,
      ),
    );
  });

  it('an unchanged re-import changes nothing and refreshes nothing', async () => {
    const before = await ledgerRows(db, org);
    const again = await importCsv(db, org, 'clinic-sessions', csvOf('clinic-sessions', february));
    expect(again.status).toBe('unchanged');
    expect(again.ledger).toBeNull();
    expect(await ledgerRows(db, org)).toEqual(before);
  });

  describe('coverage grown by a later extract (regression)', () => {
    // The January extract ended on 01-27, so I2's Wednesday 01-28 was outside the coverage then. The February
    // extract (02-03 … 02-25) moves the coverage to 01-06 … 02-25: the refresh must also judge the days between
    // the two files (01-28 not_scheduled: no record at all), as a full rebuild does, whatever order files arrive in.
    it('judges a planned session in the gap between the old coverage and a new extract (01-28 not_scheduled)', async () => {
      expect(await ledgerLines(db, org, I2)).toContain('2026-01-28 AM clinic not_scheduled');
    });

    it('leaves an incremental ledger equal to a full rebuild', async () => {
      const { incremental, full } = await incrementalAndFullLedger(db, org);
      expect(incremental).toEqual(full);
    });
  });
});

/**
 * Trust SCNJ: J1 has a Tuesday AM clinic from 2026-01-05. The January extract holds session J-4 on Tuesday
 * 01-27; the February extract moves the same session (same session_id) to Tuesday 02-03.
 */
describe('a session moved to another date by a later extract (regression)', () => {
  const J1 = '5910001';
  let org: number;

  beforeAll(async () => {
    org = await createOrganisation(db, 'SCNJ');
    await importRows(db, org, 'consultants', [consultant(J1)]);
    await importRows(db, org, 'job-plans', [
      planLine({ gmc: J1, id: 'JP-J1', from: '2026-01-05' }, { day: 'Tue', period: 'AM' }),
    ]);
    await importRows(db, org, 'clinic-sessions', [
      clinic('J-1', J1, '2026-01-06', 'AM', { attended: 10 }),
      clinic('J-2', J1, '2026-01-13', 'AM', { attended: 10 }),
      clinic('J-3', J1, '2026-01-20', 'AM', { attended: 10 }),
      clinic('J-4', J1, '2026-01-27', 'AM', { attended: 10 }),
    ]);
    await importRows(db, org, 'clinic-sessions', [
      clinic('J-4', J1, '2026-02-03', 'AM', { attended: 10 }),
      clinic('J-5', J1, '2026-02-10', 'AM', { attended: 10 }),
    ]);
  });

  it('re-judges the date a session moved away from (01-27 not_scheduled, J-4 counted once)', async () => {
    // Tuesdays 01-06 … 02-10: 6 planned. Held: J-1, J-2, J-3 in January, J-4 (now 02-03) and J-5 in February.
    expect(await ledgerLines(db, org, J1)).toEqual([
      '2026-01-06 AM clinic delivered',
      '2026-01-13 AM clinic delivered',
      '2026-01-20 AM clinic delivered',
      '2026-01-27 AM clinic not_scheduled',
      '2026-02-03 AM clinic delivered',
      '2026-02-10 AM clinic delivered',
    ]);
    const report = await unitReport(db, org, 'consultant', { from: '2026-01-01', to: '2026-02-28' });
    expectMetrics(rowOf(report, J1), { plannedSessions: 6, delivered: 5, heldSessions: 5, patients: 50 });
  });
});
