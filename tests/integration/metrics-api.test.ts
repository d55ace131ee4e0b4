import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { GET as getDefinitions } from '@/app/api/definitions/route';
import { GET as getConsultant } from '@/app/api/metrics/consultants/[consultantId]/route';
import { GET as getOverview } from '@/app/api/metrics/overview/route';
import { GET as getReport } from '@/app/api/metrics/report/route';
import { GET as getSeriesRoute } from '@/app/api/metrics/series/route';
import { GET as getSpecialty } from '@/app/api/metrics/specialties/[specialtyId]/route';
import { createApiToken } from '@/lib/server/auth/api-tokens';
import { useDatabase } from '@/lib/server/db';
import { DEFAULT_PARAMETERS } from '@/lib/server/metrics/context';
import { getSeries, type UnitSeries } from '@/lib/server/metrics/series';
import { getUnitReport } from '@/lib/server/metrics/unit-report';
import { getConsultantView, getSpecialtyView, getTrustOverview } from '@/lib/server/metrics/views';
import { CHART_RULES } from '@/lib/shared/chart-rules';
import type { ImportKindSlug } from '@/lib/shared/import-formats';
import { LEDGER_RULES, METRICS } from '@/lib/shared/metrics';
import { apiErrorResponseSchema } from '@/lib/shared/schemas/api-error';
import {
  consultantViewSchema,
  definitionsResponseSchema,
  seriesResponseSchema,
  specialtyViewSchema,
  trustOverviewSchema,
  unitReportSchema,
} from '@/lib/shared/schemas/metrics';
import { type Scope, trustWideScope } from '@/lib/shared/scope';
import { clinicRow, consultantRow, csvOf, importCsv } from '../helpers/import-helpers';
import { signedInUser } from '../helpers/session';
import { createTestDatabase, type TestDatabase, testDatabaseKind } from '../helpers/test-database';

const BASE = 'http://localhost';
/**
 * What the app's own pages send: a same-origin request (Fetch Metadata) with the session cookie of a signed-in
 * executive of trust A (who sees the whole trust, named). Set once the database exists.
 */
let BROWSER: Record<string, string> = {};

/** Four whole weeks of February 2024 (no bank holidays), Monday to Sunday. */
const FROM = '2024-02-05';
const TO = '2024-03-03';
const PERIOD = { from: FROM, to: TO };

function get(path: string, headers: Record<string, string> = BROWSER): NextRequest {
  return new NextRequest(`${BASE}${path}`, { headers });
}

const params = <Name extends string>(name: Name, value: number | string) => ({
  params: Promise.resolve({ [name]: String(value) } as Record<Name, string>),
});

/**
 * A 200 whose body has the response schema's shape and equals the server function's output for the same inputs
 * (as JSON). `expected` is typed by the schema, so the server's types must fit the published schema.
 */
async function expectSameAsServer<Schema extends z.ZodType>(
  response: Response,
  schema: Schema,
  expected: z.output<Schema>,
) {
  expect(response.status).toBe(200);
  expect(response.headers.get('cache-control')).toBe('no-store');
  const body: unknown = await response.json();
  expect(schema.safeParse(body).error).toBeUndefined();
  expect(body).toEqual(JSON.parse(JSON.stringify(expected)));
  return schema.parse(body) as z.output<Schema>;
}

async function expectError(response: Response, status: number, message?: RegExp) {
  expect(response.status).toBe(status);
  const body = apiErrorResponseSchema.parse(await response.json());
  if (message) expect(body.error.message).toMatch(message);
  return body.error;
}

/** Series in unit order: the server does not promise one. */
function byUnit<Series extends { unitId: number | null }>(series: readonly Series[]): Series[] {
  return [...series].sort((a, b) => (a.unitId ?? 0) - (b.unitId ?? 0));
}

function jobPlanLine(gmc: string, planId: string, line: Record<string, string | number>) {
  return {
    gmc_number: gmc,
    job_plan_id: planId,
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
    ...line,
  };
}

function listRow(listId: string, date: string, overrides: Record<string, string | number> = {}) {
  return {
    list_id: listId,
    theatre_code: 'TH01',
    list_date: date,
    period: 'PM',
    planned_start: '13:30',
    planned_end: '17:30',
    gmc_number: '4000001',
    specialty_code: '130',
    list_type: 'theatre',
    status: 'held',
    actual_start: '13:50',
    actual_end: '17:10',
    cases_booked: 4,
    cases_done: 4,
    touch_minutes: 180,
    additional: 'N',
    ...overrides,
  };
}

const cancelled = (reason: string) => ({
  status: 'cancelled',
  cancel_reason: reason,
  cancelled_on: '2024-02-01',
  booked: 0,
  attended: 0,
  dna: 0,
  patient_cancelled: 0,
  first_attendances: 0,
  follow_up_attendances: 0,
});

describe(`the metrics HTTP API (${testDatabaseKind})`, () => {
  let db: TestDatabase;
  let orgA: { id: number };
  let orgB: { id: number };
  let scopeA: Scope;
  let tokenB: string;
  let ophthalmologyId: number;
  let dermatologyId: number;
  let surgeryId: number;
  let consultantId: number;
  let orgBSpecialtyId: number;
  let orgBConsultantId: number;

  async function load(organisationId: number, kind: ImportKindSlug, rows: Record<string, string | number>[]) {
    const result = await importCsv(db, organisationId, kind, csvOf(kind, rows));
    expect(result.status, JSON.stringify(result.errors)).toBe('committed');
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    useDatabase(db);
    // The first organisation is the deployment's current one: token-less browser requests act for it.
    orgA = await db.prisma.organisation.create({
      data: {
        code: 'RAA',
        name: 'Trust A',
        parameters: { create: { noticeThresholdDays: 28, fulfilmentTarget: 0.9 } },
      },
    });
    orgB = await db.prisma.organisation.create({
      data: { code: 'RBB', name: 'Trust B', parameters: { create: {} } },
    });
    scopeA = trustWideScope(orgA.id);
    BROWSER = (await signedInUser(db, orgA.id, 'executive')).headers;
    tokenB = (await createApiToken(db.prisma, orgB.id, 'nightly drop')).token;

    await load(orgA.id, 'consultants', [
      consultantRow('4000001'),
      consultantRow('4000002'),
      consultantRow('4000003', {
        specialty_code: '330',
        specialty_name: 'Dermatology',
        division_code: 'MED',
        division_name: 'Medicine',
      }),
    ]);
    await load(orgA.id, 'job-plans', [
      jobPlanLine('4000001', 'JP-1', {
        activity_type: 'outpatient_clinic',
        day_of_week: 'Tue',
        period: 'AM',
      }),
      jobPlanLine('4000001', 'JP-1', {
        activity_type: 'theatre_list',
        day_of_week: 'Wed',
        period: 'PM',
        start_time: '13:30',
        end_time: '17:30',
        expected_output: 4,
      }),
      jobPlanLine('4000002', 'JP-2', {
        activity_type: 'outpatient_clinic',
        day_of_week: 'Mon',
        period: 'AM',
      }),
      jobPlanLine('4000003', 'JP-3', {
        activity_type: 'outpatient_clinic',
        day_of_week: 'Thu',
        period: 'AM',
        specialty_code: '330',
      }),
    ]);
    await load(orgA.id, 'clinic-sessions', [
      clinicRow('C1-1', '2024-02-06'),
      clinicRow('C1-2', '2024-02-13', { attended: 8, first_attendances: 3, follow_up_attendances: 5 }),
      clinicRow('C1-3', '2024-02-20', cancelled('Consultant covering the ward')),
      // 27/02: annual leave, booked well ahead.
      clinicRow('C2-1', '2024-02-05', { gmc_number: '4000002', clinic_code: 'OPHC02' }),
      clinicRow('C2-2', '2024-02-12', { gmc_number: '4000002', clinic_code: 'OPHC02' }),
      clinicRow('C2-3', '2024-02-19', { gmc_number: '4000002', clinic_code: 'OPHC02' }),
      clinicRow('C2-4', '2024-02-26', { gmc_number: '4000002', clinic_code: 'OPHC02' }),
      clinicRow('C2-X', '2024-02-09', {
        gmc_number: '4000002',
        clinic_code: 'OPHC02',
        period: 'PM',
        planned_start: '13:30',
        planned_end: '17:30',
        additional: 'Y',
      }),
      clinicRow('C3-1', '2024-02-08', {
        gmc_number: '4000003',
        clinic_code: 'DERM01',
        specialty_code: '330',
      }),
      clinicRow('C3-2', '2024-02-15', {
        gmc_number: '4000003',
        clinic_code: 'DERM01',
        specialty_code: '330',
      }),
      // 22/02: no record at all (not scheduled).
      clinicRow('C3-4', '2024-02-29', {
        gmc_number: '4000003',
        clinic_code: 'DERM01',
        specialty_code: '330',
      }),
    ]);
    await load(orgA.id, 'theatre-lists', [
      listRow('L1-1', '2024-02-07'),
      listRow('L1-2', '2024-02-14', { cases_done: 3, touch_minutes: 150 }),
      listRow('L1-3', '2024-02-21'),
      listRow('L1-4', '2024-02-28', {
        status: 'cancelled',
        cancel_reason: 'No anaesthetist',
        cancelled_on: '2024-02-26',
        actual_start: '',
        actual_end: '',
        cases_done: 0,
        touch_minutes: '',
      }),
    ]);
    await load(orgA.id, 'leave', [
      {
        gmc_number: '4000001',
        start_date: '2024-02-27',
        end_date: '2024-02-27',
        start_period: 'FULL',
        end_period: 'FULL',
        leave_type: 'annual',
        requested_on: '2023-12-01',
        approved_on: '2023-12-02',
      },
    ]);

    const specialties = await db.prisma.specialty.findMany({
      where: { organisationId: orgA.id },
      select: { id: true, code: true, divisionId: true },
    });
    const ophthalmology = specialties.find((specialty) => specialty.code === '130')!;
    ophthalmologyId = ophthalmology.id;
    surgeryId = ophthalmology.divisionId;
    dermatologyId = specialties.find((specialty) => specialty.code === '330')!.id;
    consultantId = (
      await db.prisma.consultant.findFirstOrThrow({
        where: { organisationId: orgA.id, gmcNumber: '4000001' },
      })
    ).id;

    // Trust B has data of its own, which trust A's callers must never reach.
    await load(orgB.id, 'consultants', [consultantRow('5000001', { specialty_code: '101' })]);
    orgBSpecialtyId = (await db.prisma.specialty.findFirstOrThrow({ where: { organisationId: orgB.id } })).id;
    orgBConsultantId = (await db.prisma.consultant.findFirstOrThrow({ where: { organisationId: orgB.id } }))
      .id;
  });
  afterAll(() => db.drop());

  describe('valid requests answer what the server functions compute', () => {
    it('GET /api/metrics/overview: the trust, every specialty and the monthly series', async () => {
      const response = await getOverview(get(`/api/metrics/overview?from=${FROM}&to=${TO}`));
      const body = await expectSameAsServer(
        response,
        trustOverviewSchema,
        await getTrustOverview(db, scopeA, { period: PERIOD, activity: 'all' }),
      );
      // The fixture reached the ledger: 4 weeks × 4 planned sessions a week, with every outcome represented.
      expect(body.trust).toMatchObject({ level: 'trust', key: 'RAA', plannedSessions: 16, additional: 1 });
      expect(body.trust?.lost).toMatchObject({
        leaveAdequateNotice: 1,
        hospitalCancelled: 2,
        notScheduled: 1,
      });
      expect(body.specialties.rows.map((row) => row.name).sort()).toEqual(['Dermatology', 'Ophthalmology']);
      expect(body.specialties.parameters).toMatchObject({ noticeThresholdDays: 28, fulfilmentTarget: 0.9 });
      expect(body.monthly.length).toBeGreaterThan(0);
    });

    it.each(['clinic', 'list'] as const)('GET /api/metrics/overview?activity=%s', async (activity) => {
      const response = await getOverview(
        get(`/api/metrics/overview?from=${FROM}&to=${TO}&activity=${activity}`),
      );
      const body = await expectSameAsServer(
        response,
        trustOverviewSchema,
        await getTrustOverview(db, scopeA, { period: PERIOD, activity }),
      );
      expect(body.specialties.activity).toBe(activity);
      expect(body.trust?.plannedSessions).toBe(activity === 'clinic' ? 12 : 4);
    });

    it('with clinics and lists together, each row also carries patients or cases per session per category, equal to that category’s own report', async () => {
      const request = { level: 'consultant' as const, period: PERIOD };
      const all = await getUnitReport(db, scopeA, { ...request, activity: 'all' });
      expect(all.rows.length).toBeGreaterThan(0);
      for (const category of ['clinic', 'list'] as const) {
        const own = await getUnitReport(db, scopeA, { ...request, activity: category });
        const ownByKey = new Map(own.rows.map((row) => [row.key, row]));
        for (const row of all.rows) {
          const expected = ownByKey.get(row.key);
          expect(row.perSessionByCategory[category]).toEqual({
            heldSessions: expected?.heldSessions ?? 0,
            patients: expected?.patients ?? 0,
            casesPerSession: expected?.casesPerSession ?? null,
          });
        }
        // One category's report does not describe the other.
        expect(Object.keys(own.rows[0]?.perSessionByCategory ?? {})).toEqual([category]);
      }
      // The fixture has clinics and a list whose ratios differ: the mixed figure is neither of them.
      const [trust] = (await getUnitReport(db, scopeA, { level: 'trust', period: PERIOD, activity: 'all' }))
        .rows;
      if (!trust) throw new Error('The fixture has a trust row.');
      const { clinic, list } = trust.perSessionByCategory;
      expect(clinic?.casesPerSession).not.toBeNull();
      expect(list?.casesPerSession).not.toBeNull();
      expect(trust.casesPerSession).not.toBe(clinic?.casesPerSession);
      expect(trust.patients).toBe((clinic?.patients ?? 0) + (list?.patients ?? 0));
    });

    it('GET /api/metrics/specialties/:id: the specialty, its consultants and its weekly series', async () => {
      const response = await getSpecialty(
        get(`/api/metrics/specialties/${ophthalmologyId}?from=${FROM}&to=${TO}`),
        params('specialtyId', ophthalmologyId),
      );
      const expected = (await getSpecialtyView(db, scopeA, {
        period: PERIOD,
        activity: 'all',
        specialtyId: ophthalmologyId,
      }))!;
      expect(response.status).toBe(200);
      const json = await response.json();
      const body = specialtyViewSchema.parse(json);
      expect(json).toEqual(JSON.parse(JSON.stringify(expected)));
      expect(body.specialty).toMatchObject({ name: 'Ophthalmology', consultants: 2 });
      expect(body.consultants.rows.map((row) => row.key)).toEqual(['4000001', '4000002']);
      expect(body.weekly).toHaveLength(4);
      expect(json).not.toHaveProperty('consultantWeekly');
    });

    it('GET /api/metrics/consultants/:id: the consultant, weekly series and every ledger session', async () => {
      const response = await getConsultant(
        get(`/api/metrics/consultants/${consultantId}?from=${FROM}&to=${TO}&activity=clinic`),
        params('consultantId', consultantId),
      );
      const body = await expectSameAsServer(
        response,
        consultantViewSchema,
        (await getConsultantView(db, scopeA, { period: PERIOD, activity: 'clinic', consultantId }))!,
      );
      expect(body.consultant).toMatchObject({ key: '4000001', plannedSessions: 4, delivered: 2 });
      expect(body.sessions.map((session) => [session.date, session.outcome])).toEqual([
        ['2024-02-06', 'delivered'],
        ['2024-02-13', 'delivered'],
        ['2024-02-20', 'hospital_cancelled'],
        ['2024-02-27', 'leave_adequate_notice'],
      ]);
      expect(body.sessions[2]?.cancelReason).toBe('Consultant covering the ward');
    });

    it('GET /api/metrics/report at each level', async () => {
      for (const level of ['consultant', 'specialty', 'division', 'trust'] as const) {
        const response = await getReport(
          get(`/api/metrics/report?level=${level}&from=${FROM}&to=${TO}&activity=all`),
        );
        const body = await expectSameAsServer(
          response,
          unitReportSchema,
          await getUnitReport(db, scopeA, { level, period: PERIOD, activity: 'all' }),
        );
        expect(body.rows).toHaveLength({ consultant: 3, specialty: 2, division: 2, trust: 1 }[level]);
        expect(body.coveredPeriod).toEqual({ from: '2024-02-05', to: '2024-02-29' });
      }
    });

    it('GET /api/metrics/report within one unit', async () => {
      const response = await getReport(
        get(
          `/api/metrics/report?level=consultant&from=${FROM}&to=${TO}&within_level=division&within_id=${surgeryId}`,
        ),
      );
      const body = await expectSameAsServer(
        response,
        unitReportSchema,
        await getUnitReport(db, scopeA, {
          level: 'consultant',
          period: PERIOD,
          activity: 'all',
          within: { level: 'division', id: surgeryId },
        }),
      );
      expect(body.rows.map((row) => row.key)).toEqual(['4000001', '4000002']);
    });

    it('GET /api/metrics/series: weekly and monthly, for every unit or one', async () => {
      const weekly = await getSeriesRoute(
        get(`/api/metrics/series?level=specialty&bucket=week&from=${FROM}&to=${TO}`),
      );
      const expectedWeekly = await getSeries(db, scopeA, {
        level: 'specialty',
        bucket: 'week',
        period: PERIOD,
        activity: 'all',
      });
      expect(weekly.status).toBe(200);
      const weeklyJson = (await weekly.json()) as { series: UnitSeries[] };
      const weeklyBody = seriesResponseSchema.parse(weeklyJson);
      expect(byUnit(weeklyJson.series)).toEqual(JSON.parse(JSON.stringify(byUnit(expectedWeekly))));
      expect(weeklyBody.series.map((series) => series.unitId).sort()).toEqual(
        [ophthalmologyId, dermatologyId].sort(),
      );

      const monthly = await getSeriesRoute(
        get(
          `/api/metrics/series?level=consultant&bucket=month&from=${FROM}&to=${TO}&activity=clinic&unit_level=specialty&unit_id=${dermatologyId}`,
        ),
      );
      const body = await expectSameAsServer(monthly, seriesResponseSchema, {
        series: await getSeries(db, scopeA, {
          level: 'consultant',
          bucket: 'month',
          period: PERIOD,
          activity: 'clinic',
          unit: { level: 'specialty', id: dermatologyId },
        }),
      });
      expect(body.series).toHaveLength(1);
      // March is left out: the clinic extracts end on 29/02, and no data is not zero.
      expect(body.series[0]?.points.map((point) => [point.from, point.to])).toEqual([
        ['2024-02-05', '2024-02-29'],
      ]);
    });

    it('GET /api/definitions: the registry, the ledger and chart rules and the trust parameters in force', async () => {
      const response = await getDefinitions(get('/api/definitions'));
      const body = await expectSameAsServer(response, definitionsResponseSchema, {
        metrics: [...METRICS],
        ledgerRules: [...LEDGER_RULES],
        chartRules: [...CHART_RULES],
        parameters: { ...DEFAULT_PARAMETERS, noticeThresholdDays: 28, fulfilmentTarget: 0.9 },
        coverage: {
          clinic: { from: '2024-02-05', to: '2024-02-29' },
          list: { from: '2024-02-07', to: '2024-02-28' },
        },
      });
      expect(body.metrics.find((metric) => metric.id === 'fulfilmentNet')?.formula).toMatch(/Delivered/);
    });

    it('answers a user of another trust with that trust’s parameters', async () => {
      const userB = await signedInUser(db, orgB.id, 'consultant');
      const response = await getDefinitions(get('/api/definitions', userB.headers));
      const body = definitionsResponseSchema.parse(await response.json());
      expect(body.parameters).toEqual(DEFAULT_PARAMETERS);
      expect(body.coverage).toEqual({});
    });

    it('refuses an API token: tokens are for imports only', async () => {
      const response = await getDefinitions(get('/api/definitions', { authorization: `Bearer ${tokenB}` }));
      await expectError(response, 403);
    });
  });

  describe('bad parameters are a 400 that names the parameter, its value and what was expected', () => {
    const period = `from=${FROM}&to=${TO}`;
    const cases: { route: string; query: string; parameter: string; message: RegExp }[] = [
      { route: 'overview', query: `to=${TO}`, parameter: 'from', message: /from must be a date .*missing/ },
      {
        route: 'overview',
        query: `from=2024-02-30&to=${TO}`,
        parameter: 'from',
        message: /from must be a date as YYYY-MM-DD \(got "2024-02-30"\)/,
      },
      {
        route: 'overview',
        query: `from=05/02/2024&to=${TO}`,
        parameter: 'from',
        message: /from .*got "05\/02\/2024"/,
      },
      {
        route: 'overview',
        query: `from=${TO}&to=${FROM}`,
        parameter: 'to',
        message: /to must be on or after from/,
      },
      {
        route: 'overview',
        query: `from=0000-01-01&to=${TO}`,
        parameter: 'from',
        message: /from must be a date between 1900-01-01 and 2999-12-31/,
      },
      {
        route: 'overview',
        query: `from=1990-01-01&to=${TO}`,
        parameter: 'to',
        message: /at most 3,660 days/,
      },
      {
        route: 'overview',
        query: `${period}&activity=theatre`,
        parameter: 'activity',
        message: /activity must be one of clinic, list, all \(got "theatre"\)/,
      },
      {
        route: 'overview',
        query: `${period}&activity=clinic&activity=list`,
        parameter: 'activity',
        message: /activity .*given 2 times/,
      },
      {
        route: 'overview',
        query: `${period}&acivity=clinic`,
        parameter: '',
        message: /unknown parameter "acivity"/,
      },
      {
        route: 'report',
        query: period,
        parameter: 'level',
        message: /level must be one of consultant, specialty/,
      },
      {
        route: 'report',
        query: `level=ward&${period}`,
        parameter: 'level',
        message: /level .*got "ward"/,
      },
      {
        route: 'report',
        query: `level=consultant&${period}&within_level=specialty`,
        parameter: 'within_id',
        message: /within_id must be given with within_level/,
      },
      {
        route: 'report',
        query: `level=consultant&${period}&within_level=specialty&within_id=12x`,
        parameter: 'within_id',
        message: /within_id must be a whole number from 1 to 2147483647 \(got "12x"\)/,
      },
      {
        route: 'report',
        query: `level=consultant&${period}&within_level=trust&within_id=1`,
        parameter: 'within_level',
        message: /within_level must be one of consultant, specialty, division \(got "trust"\)/,
      },
      {
        route: 'series',
        query: `level=trust&${period}`,
        parameter: 'bucket',
        message: /bucket must be one of week, month .*missing/,
      },
      {
        route: 'series',
        query: `level=trust&bucket=day&${period}`,
        parameter: 'bucket',
        message: /got "day"/,
      },
      {
        route: 'series',
        query: `level=trust&bucket=week&from=2015-01-01&to=${TO}`,
        parameter: 'to',
        message: /at most 1,830 days after from for a weekly series/,
      },
      {
        route: 'series',
        query: `level=trust&bucket=month&${period}&unit_id=99999999999&unit_level=specialty`,
        parameter: 'unit_id',
        message: /unit_id .*got "99999999999"/,
      },
      {
        route: 'specialty',
        query: `from=${FROM}`,
        parameter: 'to',
        message: /to must be a date .*missing/,
      },
      {
        route: 'consultant',
        query: `${period}&activity=`,
        parameter: 'activity',
        message: /activity .*got ""/,
      },
    ];

    function call(route: string, query: string): Promise<Response> {
      switch (route) {
        case 'specialty':
          return getSpecialty(
            get(`/api/metrics/specialties/${ophthalmologyId}?${query}`),
            params('specialtyId', ophthalmologyId),
          );
        case 'consultant':
          return getConsultant(
            get(`/api/metrics/consultants/${consultantId}?${query}`),
            params('consultantId', consultantId),
          );
        case 'overview':
          return getOverview(get(`/api/metrics/overview?${query}`));
        case 'report':
          return getReport(get(`/api/metrics/report?${query}`));
        default:
          return getSeriesRoute(get(`/api/metrics/series?${query}`));
      }
    }

    for (const { route, query, parameter, message } of cases) {
      it(`${route}?${query} → 400 on ${parameter || 'the query'}`, async () => {
        const error = await expectError(await call(route, query), 400, message);
        expect(error.code).toBe('bad_request');
        expect(error.message).toMatch(/^The query is not valid: /);
        expect(error.issues?.map((issue) => issue.path)).toContain(parameter);
      });
    }

    it('lists every problem at once', async () => {
      const error = await expectError(
        await getReport(get('/api/metrics/report?level=ward&from=2024-13-01&activity=none')),
        400,
      );
      expect(error.issues?.map((issue) => issue.path).sort()).toEqual(['activity', 'from', 'level', 'to']);
      for (const parameter of ['level', 'from', 'to', 'activity']) expect(error.message).toContain(parameter);
    });
  });

  describe('unknown, malformed and out-of-scope ids are a 404', () => {
    const query = `?from=${FROM}&to=${TO}`;
    const badIds = [
      ['abc', 'not a number'],
      ['0', 'zero'],
      ['-3', 'negative'],
      ['1.5', 'not whole'],
      ['99999999999', 'beyond the int range'],
      ['987654', 'unknown'],
    ];

    it('for a specialty', async () => {
      for (const [id, why] of [...badIds, [String(orgBSpecialtyId), "another trust's specialty"]]) {
        const response = await getSpecialty(
          get(`/api/metrics/specialties/${id}${query}`),
          params('specialtyId', id!),
        );
        const error = await expectError(response, 404, /^No specialty /);
        expect(error.code, `${id} (${why})`).toBe('not_found');
      }
    });

    it('for a consultant', async () => {
      for (const [id, why] of [...badIds, [String(orgBConsultantId), "another trust's consultant"]]) {
        const response = await getConsultant(
          get(`/api/metrics/consultants/${id}${query}`),
          params('consultantId', id!),
        );
        const error = await expectError(response, 404, /^No consultant /);
        expect(error.code, `${id} (${why})`).toBe('not_found');
      }
    });

    it("for trust A's consultant asked by trust B's executive", async () => {
      const executiveB = await signedInUser(db, orgB.id, 'executive');
      const response = await getConsultant(
        get(`/api/metrics/consultants/${consultantId}${query}`, executiveB.headers),
        params('consultantId', consultantId),
      );
      await expectError(response, 404);
    });
  });

  it('refuses a cross-site request without a token (401)', async () => {
    for (const call of [
      () =>
        getOverview(get(`/api/metrics/overview?from=${FROM}&to=${TO}`, { 'sec-fetch-site': 'cross-site' })),
      () => getDefinitions(get('/api/definitions', { 'sec-fetch-site': 'cross-site' })),
    ]) {
      await expectError(await call(), 401);
    }
  });

  describe('views of named consultants are audited', () => {
    const query = `?from=${FROM}&to=${TO}`;
    const viewsOf = (userId: number) =>
      db.prisma.auditEvent.findMany({ where: { actorUserId: userId, action: 'consultant.viewed' } });

    it('records an executive opening a consultant, and a consultant table', async () => {
      const executive = await signedInUser(db, orgA.id, 'executive');
      const response = await getConsultant(
        get(`/api/metrics/consultants/${consultantId}${query}`, executive.headers),
        params('consultantId', consultantId),
      );
      expect(response.status).toBe(200);
      const [event] = await viewsOf(executive.userId);
      expect(event).toMatchObject({ entityType: 'consultant', entityId: String(consultantId) });
      await getReport(get(`/api/metrics/report?level=consultant&from=${FROM}&to=${TO}`, executive.headers));
      expect(await viewsOf(executive.userId)).toHaveLength(2);
    });

    it('does not record a consultant looking at their own data', async () => {
      const self = await signedInUser(db, orgA.id, 'consultant', { consultantId });
      const response = await getConsultant(
        get(`/api/metrics/consultants/${consultantId}${query}`, self.headers),
        params('consultantId', consultantId),
      );
      expect(response.status).toBe(200);
      expect(await viewsOf(self.userId)).toEqual([]);
    });
  });
});
