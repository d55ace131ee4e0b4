import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCurrentOrganisation, getDataCoverage, listSpecialties } from '@/lib/server/dal/organisation';
import { useDatabase } from '@/lib/server/db';
import { DEMO_ORGANISATION } from '@/lib/server/demo/reference';
import { type DemoSetupResult, setupDemo } from '@/lib/server/seed/demo-setup';
import { trustWideScope } from '@/lib/shared/scope';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

async function readCsvRows(dir: string, file: string): Promise<Record<string, string>[]> {
  return parse(await readFile(path.join(dir, file), 'utf8'), { columns: true });
}

describe('loading the demo trust', () => {
  let db: TestDatabase;
  let csvDir: string;
  let first: DemoSetupResult;

  beforeAll(async () => {
    db = await createTestDatabase();
    useDatabase(db);
    csvDir = await mkdtemp(path.join(tmpdir(), 'fulfil-demo-'));
    first = await setupDemo(db, { csvDir, consultants: 30, months: 12 });
  });
  afterAll(async () => {
    await db.drop();
    await rm(csvDir, { recursive: true, force: true });
  });

  it('generates the extracts and loads every row of them', async () => {
    expect(first.status).toBe('loaded');
    if (first.status !== 'loaded') return;
    expect(first.generated).toBe(true);
    const [consultants, jobPlans, clinics, lists, leave] = await Promise.all(
      ['consultants.csv', 'job-plans.csv', 'clinic-sessions.csv', 'theatre-lists.csv', 'leave.csv'].map(
        (file) => readCsvRows(csvDir, file),
      ),
    );
    const inserted = Object.fromEntries(first.imports.map((batch) => [batch.kind, batch.rows.inserted]));
    expect(first.imports.every((batch) => batch.status === 'committed')).toBe(true);
    expect(inserted).toEqual({
      consultants: consultants!.length,
      'job-plans': jobPlans!.length,
      'clinic-sessions': clinics!.length,
      'theatre-lists': lists!.length,
      leave: leave!.length,
    });
    expect(await db.prisma.jobPlan.count()).toBe(
      new Set(jobPlans!.map((row) => `${row.job_plan_id}/${row.version}`)).size,
    );
    expect(await db.prisma.importBatch.count({ where: { status: 'committed' } })).toBe(5);
    expect(await db.prisma.clinicSession.count()).toBe(clinics!.length);
  });

  it('does nothing the second time', async () => {
    const again = await setupDemo(db, { csvDir, consultants: 30, months: 12 });
    expect(again).toEqual({ status: 'already-loaded', organisation: DEMO_ORGANISATION.name });
    expect(await db.prisma.organisation.count()).toBe(1);
  });

  it('keeps activity of unknown consultants, unresolved, and resolves everyone else', async () => {
    const patterns = JSON.parse(await readFile(path.join(csvDir, 'patterns.json'), 'utf8'));
    const unknown: string[] = patterns.dataQuality.unknownGmcNumbers;
    expect(unknown.length).toBeGreaterThan(0);
    const unresolved = await db.prisma.clinicSession.groupBy({
      by: ['gmcNumber'],
      where: { consultantId: null },
      _count: true,
    });
    expect(unresolved.length).toBeGreaterThan(0);
    for (const row of unresolved) expect(unknown).toContain(row.gmcNumber);
    const knownButUnresolved = await db.prisma.theatreList.count({
      where: { consultantId: null, gmcNumber: { notIn: unknown } },
    });
    expect(knownButUnresolved).toBe(0);
    expect(await db.prisma.leave.count({ where: { consultantId: null } })).toBe(0);
  });

  it('keeps job-plan lines in file order with their cycles, slots and linked codes', async () => {
    const lines = await readCsvRows(csvDir, 'job-plans.csv');
    const fortnightly = lines.find((row) => row.cycle_weeks === '2' && row.linked_codes !== '');
    expect(fortnightly).toBeDefined();
    const plan = await db.prisma.jobPlan.findFirstOrThrow({
      where: { sourceJobPlanId: fortnightly!.job_plan_id, version: Number(fortnightly!.version) },
      include: { activities: { orderBy: { lineNumber: 'asc' } }, consultant: true },
    });
    expect(plan.consultant.gmcNumber).toBe(fortnightly!.gmc_number);
    const linesOfPlan = lines.filter(
      (row) => row.job_plan_id === fortnightly!.job_plan_id && row.version === fortnightly!.version,
    );
    expect(plan.activities.map((line) => line.activityType)).toEqual(
      linesOfPlan.map((row) => row.activity_type),
    );
    const stored = plan.activities[linesOfPlan.indexOf(fortnightly!)];
    expect(stored).toMatchObject({
      cycleWeeks: 2,
      cycleOffset: Number(fortnightly!.cycle_offset),
      linkedCodes: fortnightly!.linked_codes!.split(';'),
    });
  });

  it('reports the organisation, its specialties and the period each source covers', async () => {
    const organisation = await getCurrentOrganisation();
    expect(organisation).toMatchObject({ code: DEMO_ORGANISATION.code });
    const scope = trustWideScope(organisation!.id);
    const specialties = await listSpecialties(scope);
    expect(specialties).toHaveLength(12);
    expect(specialties.reduce((sum, specialty) => sum + specialty.consultantCount, 0)).toBe(30);
    const coverage = await getDataCoverage(scope);
    const clinics = coverage.find((source) => source.source === 'clinic_sessions');
    expect(clinics?.from).toMatch(/^2025-11-0\d$/);
    expect(clinics?.to).toMatch(/^2026-10-\d\d$/);
    // Each source's latest import that took its data in: the demo imported every one.
    const importedAt = await db.prisma.importBatch.aggregate({
      where: {
        organisationId: organisation!.id,
        kind: 'clinic_sessions',
        status: { in: ['committed', 'unchanged'] },
      },
      _max: { finishedAt: true },
    });
    expect(clinics?.lastImportedAt).toBe(importedAt._max.finishedAt?.toISOString());
    expect(coverage.every((source) => source.lastImportedAt !== null)).toBe(true);
    // The demo's PAS extract is at session grain: no appointments row.
    expect(coverage.map((source) => source.source)).toEqual([
      'consultants',
      'job_plans',
      'clinic_sessions',
      'theatre_lists',
      'leave',
    ]);
  });

  it('scopes specialties: a scope for one division sees only that division’s specialties', async () => {
    const organisation = await getCurrentOrganisation();
    const division = await db.prisma.division.findFirstOrThrow({ where: { code: 'SURG' } });
    const inDivision = await db.prisma.specialty.count({ where: { divisionId: division.id } });
    const specialties = await listSpecialties({
      ...trustWideScope(organisation!.id),
      aggregates: { divisionIds: [division.id], specialtyIds: [], consultantIds: [] },
    });
    expect(specialties).toHaveLength(inDivision);
    expect(specialties.every((specialty) => specialty.divisionCode === 'SURG')).toBe(true);
    const otherTrust = await listSpecialties(trustWideScope(organisation!.id + 999));
    expect(otherTrust).toEqual([]);
  });
});
