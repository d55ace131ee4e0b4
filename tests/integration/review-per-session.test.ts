import ExcelJS from 'exceljs';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as packRoute from '@/app/api/reviews/[meetingId]/pack.xlsx/route';
import { useDatabase } from '@/lib/server/db';
import type { Prisma } from '@/lib/server/generated/prisma/client';
import { getMeeting } from '@/lib/server/reviews/read-meeting';
import { startMeeting } from '@/lib/server/reviews/start-meeting';
import { type AgendaMetric, COMBINED_PER_SESSION_LABEL, type FrozenAgenda } from '@/lib/shared/review-agenda';
import { importRows, list } from '../helpers/ledger-scenario';
import { createTestDatabase, type TestDatabase, testDatabaseKind } from '../helpers/test-database';
import {
  buildReviewScenario,
  personWith,
  REVIEW_PERIOD,
  type ReviewScenario,
  weekdays,
} from './review-scenario';

/**
 * Patients or cases per session in a review of clinics and lists together: compared within one activity category,
 * as the dashboards compare it (a clinic's patients and a list's cases are not the same unit), on the projector's
 * headline, in the pack's tables and in the stored members; a meeting frozen before then still opens, with its one
 * mixed figure labelled as such.
 */
describe(`review meetings: patients or cases per session per category (${testDatabaseKind})`, () => {
  let db: TestDatabase;
  let scenario: ReviewScenario;
  let lead: Awaited<ReturnType<typeof personWith>>;
  let meetingId: number;

  // The review scenario's clinics (10 patients each; 8 at 6100001's extra clinics), and 6100001 and 6100002 each hold a theatre list every Wednesday with 4 cases: 24 lists, 96 cases.
  const WEDNESDAYS = weekdays('2026-01-06', '2026-03-30', 2).map((tuesday) =>
    new Date(Date.parse(`${tuesday}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10),
  );

  beforeAll(async () => {
    db = await createTestDatabase();
    useDatabase(db);
    scenario = await buildReviewScenario(db, 'RPS');
    await importRows(
      db,
      scenario.org,
      'theatre-lists',
      ['6100001', '6100002'].flatMap((gmc) =>
        WEDNESDAYS.map((date) => list(`L-${gmc}-${date}`, gmc, date, 'AM', { attended: 4 })),
      ),
    );
    await db.prisma.metricTarget.create({
      data: {
        organisationId: scenario.org,
        metricId: 'casesPerSession',
        specialtyId: scenario.specialties.ophthalmology,
        activityCategory: 'list',
        value: 5,
        source: 'GIRFT',
      },
    });
    lead = await personWith(db, scenario.org, 'clinical_lead', {
      specialtyId: scenario.specialties.ophthalmology,
    });
    meetingId = (
      await startMeeting(db, lead.actor, {
        unit: { level: 'specialty', id: scenario.specialties.ophthalmology },
        period: REVIEW_PERIOD,
        activity: 'all',
      })
    ).id;
  });
  afterAll(() => db?.drop());

  const perSession = (headline: readonly AgendaMetric[]) =>
    headline.filter((metric) => metric.metricId === 'casesPerSession');

  it('freezes patients per clinic session and cases per list apart, each against its own target', async () => {
    const meeting = await getMeeting(db, lead.actor.scope, meetingId);
    const figures = perSession(meeting?.agenda.headline ?? []);
    expect(WEDNESDAYS).toHaveLength(12);
    expect(figures.map(({ category, label }) => [category, label])).toEqual([
      ['clinic', 'Patients per clinic session'],
      ['list', 'Cases per list'],
    ]);
    // Each the figure a review of that activity alone gives: not a mix of patients and cases, which would make the
    // list-heavy look less productive.
    const clinicsOnly = await startMeeting(db, lead.actor, {
      unit: { level: 'specialty', id: scenario.specialties.ophthalmology },
      period: REVIEW_PERIOD,
      activity: 'clinic',
    });
    const clinicFigure = perSession(
      (await getMeeting(db, lead.actor.scope, clinicsOnly.id, { live: false }))?.agenda.headline ?? [],
    )[0];
    expect(figures[0]?.value).toBeCloseTo(clinicFigure?.value ?? Number.NaN, 10);
    expect(figures[0]?.value).toBeGreaterThan(9);
    expect(figures[0]?.target).toBeNull();
    expect(figures[1]?.value).toBeCloseTo(4, 10);
    expect(figures[1]?.target).toBe(5);
    expect(figures[1]?.targetSource).toMatch(/target/);
    expect(figures.every((metric) => metric.variation !== null)).toBe(true);
    // The other headline figures stay as they were, one each.
    expect(meeting?.agenda.headline.map((metric) => metric.metricId)).toEqual([
      'fulfilmentNet',
      'fulfilmentGross',
      'totalDelivery',
      'lostSessions',
      'casesPerSession',
      'casesPerSession',
      'slotUtilisation',
      'dnaRate',
      'patientsPerWeek',
    ]);
    expect(meeting?.changes).toEqual([]);

    // Week by week, and for each consultant, the same figures per category.
    const week = meeting?.agenda.trend.find((point) => point.from === '2026-02-02');
    expect(week?.casesPerSessionByCategory?.list).toBeCloseTo(4, 10);
    // Two Monday clinics of 10 and 6100001's Tuesday clinic of 8 that week.
    expect(week?.casesPerSessionByCategory?.clinic).toBeCloseTo((2 * 10 + 8) / 3, 10);
    const byCategory = (key: string) =>
      meeting?.agenda.members.find((row) => row.member.kind === 'consultant' && row.member.key === key)
        ?.casesPerSessionByCategory;
    expect(byCategory('6100002')).toEqual({ clinic: 10, list: 4 });
    expect(byCategory('6100003')).toEqual({ clinic: 10, list: null });
  });

  it('discloses the per-category figures as it discloses the rest: peers under pseudonyms, nobody named', async () => {
    const peer = await personWith(db, scenario.org, 'consultant', {
      consultantId: scenario.consultants['6100002'],
    });
    const meeting = await getMeeting(db, peer.actor.scope, meetingId, { live: false });
    const members = meeting?.agenda.members ?? [];
    expect(members).toHaveLength(3);
    const own = members.find((row) => row.member.kind === 'consultant' && !row.member.isAnonymised);
    expect(own?.member.kind === 'consultant' && own.member.name).toBe('Dr 6100002');
    expect(own?.casesPerSessionByCategory).toEqual({ clinic: 10, list: 4 });
    expect(JSON.stringify(meeting?.agenda)).not.toMatch(/Dr 61000[13]|61000[13]/);
    // The category's figure carries nothing about who: the same headline for every reader.
    const forLead = await getMeeting(db, lead.actor.scope, meetingId, { live: false });
    expect(perSession(meeting?.agenda.headline ?? [])).toEqual(perSession(forLead?.agenda.headline ?? []));
  });

  /** The pack's sheet as rows of cells by heading. */
  const packSheet = async (id: number, name: string) => {
    const response = await packRoute.GET(
      new NextRequest(`http://localhost/api/reviews/${id}/pack.xlsx`, { headers: lead.headers }),
      { params: Promise.resolve({ meetingId: String(id) }) },
    );
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.getWorksheet(name);
    const headings: string[] = [];
    sheet?.getRow(1).eachCell((cell, column) => {
      headings[column] = String(cell.value);
    });
    const rows: Record<string, unknown>[] = [];
    sheet?.eachRow((row, number) => {
      if (number > 1)
        rows.push(
          Object.fromEntries(headings.flatMap((heading, column) => [[heading, row.getCell(column).value]])),
        );
    });
    return { headings: headings.filter((heading) => heading !== undefined), rows };
  };

  it('writes the pack with each category’s figure: the headline’s rows, the trend’s and the opportunities’ columns', async () => {
    const headline = await packSheet(meetingId, 'Headline');
    const metrics = headline.rows.map((row) => row.Metric);
    expect(metrics).toContain('Patients per clinic session');
    expect(metrics).toContain('Cases per list');
    expect(metrics).not.toContain('Patients or cases per session');
    const lists = headline.rows.find((row) => row.Metric === 'Cases per list');
    expect(lists?.Value).toBeCloseTo(4, 10);
    expect(lists?.Target).toBe(5);

    const trend = await packSheet(meetingId, 'Trend');
    expect(trend.headings).toEqual([
      'Week from',
      'Week to',
      'Fulfilment (net)',
      'Total delivery',
      'Patients per clinic session',
      'Cases per list',
      'Patients a week',
    ]);
    const week = trend.rows.find(
      (row) => (row['Week from'] as Date).getTime() === Date.parse('2026-02-02T00:00:00Z'),
    );
    expect(week?.['Cases per list']).toBeCloseTo(4, 10);

    // Each consultant's opportunity beside their own figure per category, which its productivity part comes from.
    const opportunities = await packSheet(meetingId, 'Opportunities');
    expect(opportunities.headings).toEqual([
      '',
      'Patients per clinic session',
      'Cases per list',
      'From fulfilment (patients a week)',
      'From productivity (patients a week)',
      'Total (patients a week)',
    ]);
    const own = opportunities.rows.find((row) => row[''] === 'Dr 6100002');
    expect(own?.['Patients per clinic session']).toBe(10);
    expect(own?.['Cases per list']).toBe(4);
    // No lists held: no figure, not a zero.
    expect(opportunities.rows.find((row) => row[''] === 'Dr 6100003')?.['Cases per list']).toBeNull();
  });

  it('opens a meeting frozen before the categories were shown apart, its one mixed figure labelled as such', async () => {
    // The snapshot as it was stored before: one figure for clinics and lists together, no per-category fields.
    const stored = await db.prisma.reviewSnapshot.findUniqueOrThrow({
      where: { organisationId_meetingId: { organisationId: scenario.org, meetingId } },
    });
    const current = stored.agenda as unknown as FrozenAgenda;
    const mixed = 7.3125;
    const legacy = {
      ...current,
      headline: current.headline.flatMap((metric) =>
        metric.category === 'list'
          ? ([] as AgendaMetric[])
          : metric.category === 'clinic'
            ? [
                {
                  metricId: 'casesPerSession',
                  label: 'Patients or cases per session',
                  unit: 'patientsPerSession',
                  value: mixed,
                  target: null,
                  targetSource: null,
                  variation: 'common_cause',
                  assurance: null,
                } satisfies AgendaMetric,
              ]
            : [metric],
      ),
      trend: current.trend.map(({ casesPerSessionByCategory: _dropped, ...point }) => point),
      members: current.members.map(({ casesPerSessionByCategory: _dropped, ...row }) => row),
    };
    const meeting = await db.prisma.reviewMeeting.findUniqueOrThrow({
      where: { organisationId_id: { organisationId: scenario.org, id: meetingId } },
    });
    const older = await db.prisma.reviewMeeting.create({
      data: {
        organisationId: scenario.org,
        unitLevel: meeting.unitLevel,
        specialtyId: meeting.specialtyId,
        divisionId: meeting.divisionId,
        periodFrom: meeting.periodFrom,
        periodTo: meeting.periodTo,
        activity: 'all',
        peopleCount: meeting.peopleCount,
        startedByUserId: meeting.startedByUserId,
        startedAt: meeting.startedAt,
        status: 'closed',
        closedAt: meeting.startedAt,
        snapshot: {
          create: {
            agenda: legacy as unknown as Prisma.InputJsonValue,
            takenAt: meeting.startedAt,
          },
        },
      },
    });

    const opened = await getMeeting(db, lead.actor.scope, older.id);
    const figures = perSession(opened?.agenda.headline ?? []);
    expect(figures).toHaveLength(1);
    expect(figures[0]?.label).toBe(COMBINED_PER_SESSION_LABEL);
    expect(figures[0]?.value).toBeCloseTo(mixed, 10);
    // Today's agenda has the categories apart: the mixed figure has no "now" to compare with, none is invented.
    expect(perSession(opened?.live?.headline ?? []).map((metric) => metric.category)).toEqual([
      'clinic',
      'list',
    ]);
    expect(opened?.changes).toEqual([]);

    const headline = await packSheet(older.id, 'Headline');
    expect(headline.rows.map((row) => row.Metric)).toContain(COMBINED_PER_SESSION_LABEL);
    const trend = await packSheet(older.id, 'Trend');
    expect(trend.headings).toContain(COMBINED_PER_SESSION_LABEL);
    expect(trend.headings).not.toContain('Cases per list');
  });

  it('keeps one figure, named as before, for a review of one activity', async () => {
    const lists = await startMeeting(db, lead.actor, {
      unit: { level: 'specialty', id: scenario.specialties.ophthalmology },
      period: REVIEW_PERIOD,
      activity: 'list',
    });
    const opened = await getMeeting(db, lead.actor.scope, lists.id, { live: false });
    const figures = perSession(opened?.agenda.headline ?? []);
    expect(figures.map(({ category, label }) => ({ category, label }))).toEqual([
      { category: undefined, label: 'Patients or cases per session' },
    ]);
    expect(figures[0]?.value).toBeCloseTo(4, 10);
    // The pack's trend names the figure for what it is: cases per list, not "cases per session".
    const trend = await packSheet(lists.id, 'Trend');
    expect(trend.headings).toContain('Cases per list');
    expect(trend.headings).not.toContain('Cases per session');
  });
});
