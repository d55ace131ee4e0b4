import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useDatabase } from '@/lib/server/db';
import { getBaselineComparison } from '@/lib/server/metrics/baseline';
import { getDataQualityReport } from '@/lib/server/metrics/data-quality';
import { getJobPlanCurrency } from '@/lib/server/metrics/job-plan-currency';
import { getUnitReport, type UnitReportRow } from '@/lib/server/metrics/unit-report';
import { getWorkloadBalance } from '@/lib/server/metrics/workload-balance';
import { setupDemo } from '@/lib/server/seed/demo-setup';
import { trustWideScope } from '@/lib/shared/scope';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

/**
 * The demo trust's planted patterns (lib/server/demo/README.md) must come out of the ledger and the metrics.
 * The generator writes what it planted to patterns.json; these tests read the same numbers back.
 */
interface Window {
  from: string;
  to: string;
  patientsPerWeek: number;
}
interface Patterns {
  generator: { startDate: string; endDate: string };
  underDeliverers: {
    gmcNumber: string;
    plannedClinicAndListSessions: number;
    deliveredPlannedSessions: number;
  }[];
  overDeliverers: { gmcNumber: string; plannedClinicAndListSessions: number }[];
  ophthalmology: { specialtyCode: string; baseline: Window; after: Window; ratio: number };
  dataQuality: {
    unknownGmcNumbers: string[];
    unknownGmcClinicSessions: number;
    unknownGmcTheatreLists: number;
    duplicateClinicSessionIds: string[];
    duplicateTheatreListIds: string[];
    missingTimestampListIds: string[];
  };
  jobPlans: Record<'noJobPlan' | 'draftOnly' | 'expired', { gmcNumber: string }[]>;
}

describe('the demo trust’s planted patterns', () => {
  let db: TestDatabase;
  let csvDir: string;
  let patterns: Patterns;
  let organisationId: number;
  let whole: { from: string; to: string };
  let consultants: Map<string, UnitReportRow>;

  beforeAll(async () => {
    db = await createTestDatabase();
    useDatabase(db);
    csvDir = await mkdtemp(path.join(tmpdir(), 'fulfil-demo-patterns-'));
    const result = await setupDemo(db, { csvDir });
    if (result.status !== 'loaded') throw new Error(`demo not loaded: ${result.status}`);
    patterns = JSON.parse(await readFile(path.join(csvDir, 'patterns.json'), 'utf8'));
    organisationId = (await db.prisma.organisation.findFirstOrThrow()).id;
    whole = { from: patterns.generator.startDate, to: patterns.generator.endDate };
    const report = await getUnitReport(db, trustWideScope(organisationId), {
      level: 'consultant',
      period: whole,
      activity: 'all',
    });
    consultants = new Map(report.rows.map((row) => [row.key, row]));
    // The default demo trust (150 consultants, 24 months): about 15 s on PostgreSQL, 30 s on PGlite, unloaded.
  }, 600_000);
  afterAll(async () => {
    await db?.drop();
    await rm(csvDir, { recursive: true, force: true });
  });

  it('shows ophthalmology’s patients per week rising about 18% after the change date', async () => {
    const { specialtyCode, baseline, after, ratio } = patterns.ophthalmology;
    const rows = await getBaselineComparison(db, trustWideScope(organisationId), {
      level: 'specialty',
      period: after,
      baseline,
      activity: 'all',
    });
    const eye = rows.find((row) => row.key === specialtyCode);
    // patterns.json rounds to one decimal place.
    expect(eye?.baselinePatientsPerWeek).toBeCloseTo(baseline.patientsPerWeek, 0);
    expect(eye?.patientsPerWeek).toBeCloseTo(after.patientsPerWeek, 0);
    expect(eye?.change).toBeCloseTo(ratio - 1, 2);
    expect(eye?.change).toBeGreaterThan(0.15);
    expect(eye?.change).toBeLessThan(0.21);
  });

  it('finds the under-deliverers’ planned and delivered sessions, and their fulfilment below 80%', async () => {
    for (const planted of patterns.underDeliverers) {
      const row = consultants.get(planted.gmcNumber);
      expect(row?.plannedSessions, planted.gmcNumber).toBe(planted.plannedClinicAndListSessions);
      // The generator counts planned slots held; the report's "delivered" also credits annualised lines.
      const [slots] = await db.prisma.$queryRaw<{ delivered: number }[]>`
        SELECT count(*)::int AS delivered FROM ledger_sessions l
          JOIN consultants c ON c.organisation_id = l.organisation_id AND c.id = l.consultant_id
         WHERE c.gmc_number = ${planted.gmcNumber} AND l.outcome = 'delivered'`;
      expect(slots?.delivered, planted.gmcNumber).toBe(planted.deliveredPlannedSessions);
      expect(row?.fulfilmentNet, planted.gmcNumber).toBeLessThan(0.8);
      expect((row?.lost.leaveShortNotice ?? 0) + (row?.lost.hospitalCancelled ?? 0)).toBeGreaterThan(40);
    }
  });

  it('finds the over-deliverers doing more than 110% of their expected sessions', async () => {
    for (const planted of patterns.overDeliverers) {
      const row = consultants.get(planted.gmcNumber);
      expect(row?.plannedSessions, planted.gmcNumber).toBe(planted.plannedClinicAndListSessions);
      expect(row?.totalDelivery, planted.gmcNumber).toBeGreaterThanOrEqual(1.1);
    }
    const balance = await getWorkloadBalance(db, trustWideScope(organisationId), {
      period: whole,
      activity: 'all',
    });
    const idToGmc = new Map([...consultants.values()].map((row) => [row.id, row.key]));
    const overFlagged = balance.consultants
      .filter((consultant) => consultant.flag === 'over')
      .map((consultant) => idToGmc.get(consultant.consultantId));
    const planted = patterns.overDeliverers.map((consultant) => consultant.gmcNumber);
    expect(overFlagged.length).toBeGreaterThanOrEqual(2);
    for (const gmc of overFlagged) expect(planted).toContain(gmc);
  });

  it('counts the planted data-quality faults exactly', async () => {
    const planted = patterns.dataQuality;
    const quality = (await getDataQualityReport(db, organisationId, whole)).counts;
    expect(quality.unknownConsultantSessions).toBe(
      planted.unknownGmcClinicSessions + planted.unknownGmcTheatreLists,
    );
    expect(quality.unknownGmcNumbers.map((row) => row.gmcNumber).sort()).toEqual(
      [...planted.unknownGmcNumbers].sort(),
    );
    expect(quality.duplicateSessions).toBe(
      planted.duplicateClinicSessionIds.length + planted.duplicateTheatreListIds.length,
    );
    expect(quality.missingTimestamps).toBe(planted.missingTimestampListIds.length);
  });

  it('marks consultants with no job plan, draft-only plans and expired plans', async () => {
    const currency = await getJobPlanCurrency(db, trustWideScope(organisationId), { asOf: whole.to });
    const idToGmc = new Map([...consultants.values()].map((row) => [row.id, row.key]));
    const gmcsWith = (status: string) =>
      currency.consultants
        .filter((consultant) => consultant.status === status)
        .map((consultant) => idToGmc.get(consultant.consultantId))
        .sort();
    const gmcsOf = (list: { gmcNumber: string }[]) => list.map((consultant) => consultant.gmcNumber).sort();
    expect(gmcsWith('missing')).toEqual(gmcsOf(patterns.jobPlans.noJobPlan));
    expect(gmcsWith('draft_only')).toEqual(gmcsOf(patterns.jobPlans.draftOnly));
    expect(gmcsWith('expired')).toEqual(gmcsOf(patterns.jobPlans.expired));
    // An expired plan says when it ended (before the date); one never agreed or never planned says nothing.
    for (const consultant of currency.consultants) {
      if (consultant.status === 'expired') {
        expect(consultant.endedOn, idToGmc.get(consultant.consultantId)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect((consultant.endedOn ?? '') < whole.to).toBe(true);
      } else if (consultant.status === 'missing') {
        expect(consultant.endedOn).toBeNull();
      }
    }
    for (const { gmcNumber } of patterns.jobPlans.noJobPlan) {
      const row = consultants.get(gmcNumber);
      expect(row?.plannedSessions, gmcNumber).toBe(0);
      expect(row?.additional, gmcNumber).toBeGreaterThan(0);
      expect(row?.fulfilmentNet, gmcNumber).toBeNull();
    }
  });
});
