import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getJobPlanCurrencyRoute } from '@/app/api/metrics/job-plan-currency/route';
import { GET as getWorkloadBalanceRoute } from '@/app/api/metrics/workload-balance/route';
import { jobPlanCurrencyResponseSchema, workloadBalanceResponseSchema } from '@/lib/client/metrics-requests';
import { useDatabase } from '@/lib/server/db';
import { getJobPlanCurrency } from '@/lib/server/metrics/job-plan-currency';
import { getWorkloadBalance } from '@/lib/server/metrics/workload-balance';
import type { ImportKindSlug } from '@/lib/shared/import-formats';
import { apiErrorResponseSchema } from '@/lib/shared/schemas/api-error';
import { trustWideScope } from '@/lib/shared/scope';
import { clinicRow, consultantRow, csvOf, importCsv } from '../helpers/import-helpers';
import { signedInUser } from '../helpers/session';
import { createTestDatabase, type TestDatabase, testDatabaseKind } from '../helpers/test-database';

/*
 * The dashboards' helper routes (job plan currency for the overview, workload balance for the specialty page):
 * the same numbers as the server functions, the caller's scope applied, and a 400 that names a bad parameter.
 */

const BASE = 'http://localhost';

function get(path: string, headers: Record<string, string>): NextRequest {
  return new NextRequest(`${BASE}${path}`, { headers });
}

describe(`the dashboards' helper routes (${testDatabaseKind})`, () => {
  let db: TestDatabase;
  let organisationId: number;
  let surgeryId: number;
  let executive: Record<string, string>;
  let director: Record<string, string>;

  async function load(kind: ImportKindSlug, rows: Record<string, string | number>[]) {
    const result = await importCsv(db, organisationId, kind, csvOf(kind, rows));
    expect(result.status, JSON.stringify(result.errors)).toBe('committed');
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    useDatabase(db);
    const organisation = await db.prisma.organisation.create({
      data: { code: 'RAA', name: 'Trust A', parameters: { create: {} } },
    });
    organisationId = organisation.id;
    await load('consultants', [
      consultantRow('4000001'),
      consultantRow('4000002'),
      consultantRow('4000003', {
        specialty_code: '330',
        specialty_name: 'Dermatology',
        division_code: 'MED',
        division_name: 'Medicine',
      }),
    ]);
    const line = {
      job_plan_id: 'JP-1',
      version: 1,
      status: 'agreed',
      agreed_on: '2023-12-01',
      effective_from: '2024-01-01',
      effective_to: '',
      specialty_code: '130',
      start_time: '09:00',
      end_time: '13:00',
      pa_value: 1,
      expected_output: 10,
      expected_weeks: 42,
      activity_type: 'outpatient_clinic',
      day_of_week: 'Tue',
      period: 'AM',
    };
    // 4000002 has no job plan (missing); 4000003's plan is only a draft.
    await load('job-plans', [
      { ...line, gmc_number: '4000001' },
      { ...line, gmc_number: '4000003', job_plan_id: 'JP-3', status: 'draft', specialty_code: '330' },
    ]);
    await load('clinic-sessions', [
      clinicRow('S1', '2024-02-06', { gmc_number: '4000001' }),
      clinicRow('S2', '2024-02-13', { gmc_number: '4000001' }),
    ]);
    surgeryId = (
      await db.prisma.division.findFirstOrThrow({
        where: { organisationId, code: 'SURG' },
        select: { id: true },
      })
    ).id;
    executive = { ...(await signedInUser(db, organisationId, 'executive')).headers };
    director = {
      ...(await signedInUser(db, organisationId, 'divisional_director', { divisionId: surgeryId })).headers,
    };
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('answers job plan currency as counts and a share, equal to the server function, listing only those not current', async () => {
    const response = await getJobPlanCurrencyRoute(
      get('/api/metrics/job-plan-currency?as_of=2024-03-01', executive),
    );
    expect(response.status).toBe(200);
    const body = jobPlanCurrencyResponseSchema.parse(await response.json());
    const expected = await getJobPlanCurrency(db, trustWideScope(organisationId), { asOf: '2024-03-01' });
    expect(body).toEqual({
      asOf: '2024-03-01',
      reviewMonths: expected.reviewMonths,
      consultantCount: 3,
      counts: expected.counts,
      share: expected.share,
      notCurrent: expected.consultants
        .filter((consultant) => consultant.status !== 'current')
        .map(({ consultantId, name, status, endedOn }) => ({ consultantId, name, status, endedOn })),
    });
    expect(body.counts).toMatchObject({ current: 1, missing: 1, draft_only: 1 });
    // No plan in force first: the missing one, then the draft.
    expect(body.notCurrent.map((consultant) => consultant.status)).toEqual(['missing', 'draft_only']);
  });

  it('narrows job plan currency to a division, and to the director’s own division whatever they ask', async () => {
    const surgery = await getJobPlanCurrencyRoute(
      get(
        `/api/metrics/job-plan-currency?as_of=2024-03-01&within_level=division&within_id=${surgeryId}`,
        executive,
      ),
    );
    expect(jobPlanCurrencyResponseSchema.parse(await surgery.json()).consultantCount).toBe(2);
    const directorView = await getJobPlanCurrencyRoute(
      get('/api/metrics/job-plan-currency?as_of=2024-03-01', director),
    );
    expect(jobPlanCurrencyResponseSchema.parse(await directorView.json()).consultantCount).toBe(2);
  });

  it('answers workload balance equal to the server function', async () => {
    const response = await getWorkloadBalanceRoute(
      get('/api/metrics/workload-balance?from=2024-02-01&to=2024-02-29&activity=clinic', executive),
    );
    expect(response.status).toBe(200);
    const body = workloadBalanceResponseSchema.parse(await response.json());
    const expected = await getWorkloadBalance(db, trustWideScope(organisationId), {
      period: { from: '2024-02-01', to: '2024-02-29' },
      activity: 'clinic',
    });
    expect(body).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it('names a bad parameter in a 400', async () => {
    for (const [path, parameter] of [
      ['/api/metrics/job-plan-currency?as_of=2024-02-30', 'as_of'],
      ['/api/metrics/job-plan-currency?as_of=2024-03-01&within_level=division', 'within_id'],
      ['/api/metrics/job-plan-currency?as_of=2024-03-01&asof=1', 'asof'],
      ['/api/metrics/workload-balance?from=2024-03-01&to=2024-02-01', 'to'],
      ['/api/metrics/workload-balance?from=2024-02-01&to=2024-02-29&activity=ward', 'activity'],
    ] as const) {
      const route = path.includes('job-plan') ? getJobPlanCurrencyRoute : getWorkloadBalanceRoute;
      const response = await route(get(path, executive));
      expect(response.status, path).toBe(400);
      const body = apiErrorResponseSchema.parse(await response.json());
      expect(body.error.message, path).toContain(parameter);
    }
  });

  it('refuses a request that is not signed in', async () => {
    const response = await getJobPlanCurrencyRoute(
      get('/api/metrics/job-plan-currency?as_of=2024-03-01', {}),
    );
    expect([401, 403]).toContain(response.status);
  });
});
