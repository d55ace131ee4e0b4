import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as escalatedRoute from '@/app/api/actions/escalated/route';
import * as forReviewRoute from '@/app/api/reviews/for-review/route';
import * as suggestionsRoute from '@/app/api/reviews/job-plan-suggestions/route';
import * as whatIfRoute from '@/app/api/reviews/what-if/route';
import { useDatabase } from '@/lib/server/db';
import { createAction } from '@/lib/server/reviews/create-action';
import { getEscalatedActions } from '@/lib/server/reviews/escalated-actions';
import { getForReviewList } from '@/lib/server/reviews/for-review';
import { getJobPlanReviewSuggestions } from '@/lib/server/reviews/job-plan-suggestions';
import { getMeeting } from '@/lib/server/reviews/read-meeting';
import { startMeeting } from '@/lib/server/reviews/start-meeting';
import { updateAction } from '@/lib/server/reviews/update-action';
import { createTestDatabase, type TestDatabase, testDatabaseKind } from '../helpers/test-database';
import { buildReviewScenario, personWith, REVIEW_PERIOD, type ReviewScenario } from './review-scenario';

type Person = Awaited<ReturnType<typeof personWith>>;

/**
 * Escalation rules (trust parameters): fulfilment below 80% or total delivery above 110% in each of the last three
 * complete months puts a consultant on their lead's "for review" list; an action overdue by more than four weeks
 * escalates to the divisional director.
 */
describe(`escalation rules (${testDatabaseKind})`, () => {
  let db: TestDatabase;
  let scenario: ReviewScenario;
  let lead: Person;
  let director: Person;

  beforeAll(async () => {
    db = await createTestDatabase();
    useDatabase(db);
    scenario = await buildReviewScenario(db, 'RRE');
    lead = await personWith(db, scenario.org, 'clinical_lead', {
      specialtyId: scenario.specialties.ophthalmology,
    });
    director = await personWith(db, scenario.org, 'divisional_director', { divisionId: scenario.division });
  });
  afterAll(() => db?.drop());

  it('lists consultants below 80% fulfilment or above 110% total delivery for three consecutive months', async () => {
    const list = await getForReviewList(db, lead.actor.scope, { asOf: '2026-03-31' });
    expect(list.map((entry) => [entry.gmcNumber, entry.rule, entry.months, entry.month])).toEqual([
      // 6100001: 9/4, 8/4 and 10/5 sessions held of those expected (every Monday, every Tuesday, New Year's Day).
      ['6100001', 'high_total_delivery', 3, '2026-03-01'],
      // 6100003: one Monday a month: 1/4, 1/4, 1/5. 6100002 (100%, 100%, 40%) is below 80% for one month only.
      ['6100003', 'low_fulfilment', 3, '2026-03-01'],
    ]);
    const low = list.find((entry) => entry.rule === 'low_fulfilment');
    expect(low?.evidence.map((month) => [month.month, month.fulfilmentNet])).toEqual([
      ['2026-01-01', 0.25],
      ['2026-02-01', 0.25],
      ['2026-03-01', 0.2],
    ]);
    const high = list.find((entry) => entry.rule === 'high_total_delivery');
    expect(high?.evidence.map((month) => month.totalDelivery)).toEqual([2.25, 2, 2]);
  });

  it('judges only complete months the extracts cover, up to the date asked', async () => {
    // As of mid-March only January and February are complete: two months are not three.
    expect(await getForReviewList(db, lead.actor.scope, { asOf: '2026-03-15' })).toEqual([]);
  });

  it('follows the trust parameters', async () => {
    await db.prisma.trustParameters.update({
      where: { organisationId: scenario.org },
      data: { reviewMonths: 2, reviewFulfilmentBelow: 0.5, reviewTotalDeliveryAbove: 2.1 },
    });
    try {
      const list = await getForReviewList(db, lead.actor.scope, { asOf: '2026-03-31' });
      // 6100002's March (40%) is one month; 6100001's February and March (200%) do not exceed 210%.
      expect(list.map((entry) => [entry.gmcNumber, entry.rule, entry.months])).toEqual([
        ['6100003', 'low_fulfilment', 3],
      ]);
    } finally {
      await db.prisma.trustParameters.update({
        where: { organisationId: scenario.org },
        data: { reviewMonths: 3, reviewFulfilmentBelow: 0.8, reviewTotalDeliveryAbove: 1.1 },
      });
    }
  });

  it('keeps the list to consultants the caller sees named, and puts it on the meeting’s agenda', async () => {
    const urologyLead = await personWith(db, scenario.org, 'clinical_lead', {
      specialtyId: scenario.specialties.urology,
    });
    expect(await getForReviewList(db, urologyLead.actor.scope, { asOf: '2026-03-31' })).toEqual([]);
    const response = await forReviewRoute.GET(
      new NextRequest('http://localhost/api/reviews/for-review?asOf=2026-03-31', {
        headers: director.headers,
      }),
    );
    const body = (await response.json()) as { consultants: { gmcNumber: string }[] };
    expect(body.consultants.map((entry) => entry.gmcNumber)).toEqual(['6100001', '6100003']);
    const consultant = await personWith(db, scenario.org, 'consultant', {
      consultantId: scenario.consultants['6100003'],
    });
    const forbidden = await forReviewRoute.GET(
      new NextRequest('http://localhost/api/reviews/for-review', { headers: consultant.headers }),
    );
    expect(forbidden.status).toBe(403);

    const meeting = await startMeeting(db, lead.actor, {
      unit: { level: 'specialty', id: scenario.specialties.ophthalmology },
      period: REVIEW_PERIOD,
      activity: 'all',
    });
    const read = await getMeeting(db, lead.actor.scope, meeting.id, { live: false });
    expect(
      read?.agenda.forReview.map((entry) => [
        entry.member.kind === 'consultant' && entry.member.key,
        entry.rule,
      ]),
    ).toEqual([
      ['6100001', 'high_total_delivery'],
      ['6100003', 'low_fulfilment'],
    ]);
  });

  it('escalates an action overdue by more than four weeks to the divisional director', async () => {
    const overdueLong = await createAction(db, lead.actor, {
      title: 'Re-template the cataract clinic',
      specialtyId: scenario.specialties.ophthalmology,
      dueOn: '2026-01-30',
    });
    await createAction(db, lead.actor, {
      title: 'Check leave notice with the rota team',
      specialtyId: scenario.specialties.ophthalmology,
      dueOn: '2026-02-20',
    });
    const closed = await createAction(db, lead.actor, {
      title: 'Closed long ago',
      specialtyId: scenario.specialties.ophthalmology,
      dueOn: '2026-01-10',
    });
    await updateAction(db, lead.actor, closed.id, { status: 'done' });
    const urologyLead = await personWith(db, scenario.org, 'clinical_lead', {
      specialtyId: scenario.specialties.urology,
    });
    await createAction(db, urologyLead.actor, {
      title: 'Urology overdue',
      specialtyId: scenario.specialties.urology,
      dueOn: '2026-01-05',
    });

    // On 2 March: 31 days overdue escalates; 10 days overdue does not; a closed action never does.
    const forDirector = await getEscalatedActions(db, director.actor, '2026-03-02');
    expect(forDirector.map((action) => action.title)).toEqual([
      'Urology overdue',
      'Re-template the cataract clinic',
    ]);
    expect(forDirector.find((action) => action.id === overdueLong.id)?.escalatedTo).toEqual([
      { userId: director.userId, name: expect.any(String) },
    ]);
    expect(forDirector.every((action) => action.isEscalated && action.isOverdue)).toBe(true);
    // Exactly four weeks overdue is not yet more than four weeks.
    expect(
      (await getEscalatedActions(db, director.actor, '2026-02-27')).map((action) => action.title),
    ).toEqual(['Urology overdue']);
    // The Ophthalmology lead sees their own unit's only; the route needs reviews:run.
    expect((await getEscalatedActions(db, lead.actor, '2026-03-02')).map((action) => action.title)).toEqual([
      'Re-template the cataract clinic',
    ]);
    const response = await escalatedRoute.GET(
      new NextRequest('http://localhost/api/actions/escalated?asOf=2026-03-02', {
        headers: director.headers,
      }),
    );
    expect(((await response.json()) as { actions: unknown[] }).actions).toHaveLength(2);
  });

  it('suggests a job-plan review where a line is delivered under half its sessions or output for three months', async () => {
    const executive = await personWith(db, scenario.org, 'executive');
    const suggestions = await getJobPlanReviewSuggestions(db, executive.actor.scope, { asOf: '2026-03-31' });
    expect(
      suggestions.map((row) => [row.gmcNumber, row.rule, row.months, row.dayOfWeek, row.period]),
    ).toEqual([
      // 6100003 held one of the Monday clinics a month; 6100002 two of five in March only.
      ['6100003', 'sessions_under_half', 3, 1, 'AM'],
      // 6200001's clinics see 10 patients of the 25 planned.
      ['6200001', 'output_under_half', 3, 1, 'AM'],
    ]);
    expect(suggestions[0]?.evidence).toEqual([
      { month: '2026-01-01', planned: 4, onLeave: 0, delivered: 1, patientsPerSession: 10 },
      { month: '2026-02-01', planned: 4, onLeave: 0, delivered: 1, patientsPerSession: 10 },
      { month: '2026-03-01', planned: 5, onLeave: 0, delivered: 1, patientsPerSession: 10 },
    ]);
    // Within the caller's named scope only.
    const forLead = await getJobPlanReviewSuggestions(db, lead.actor.scope, { asOf: '2026-03-31' });
    expect(forLead.map((row) => row.gmcNumber)).toEqual(['6100003']);
    const response = await suggestionsRoute.GET(
      new NextRequest(
        `http://localhost/api/reviews/job-plan-suggestions?asOf=2026-03-31&specialtyId=${scenario.specialties.urology}`,
        { headers: director.headers },
      ),
    );
    const body = (await response.json()) as { suggestions: { gmcNumber: string }[] };
    expect(body.suggestions.map((row) => row.gmcNumber)).toEqual(['6200001']);
  });

  it('shows what moving a weekly clinic from one consultant to another would do, for the lead’s own specialty only', async () => {
    const body = {
      specialtyId: scenario.specialties.ophthalmology,
      period: REVIEW_PERIOD,
      changes: [
        {
          kind: 'move',
          fromConsultantId: scenario.consultants['6100003'],
          toConsultantId: scenario.consultants['6100001'],
          sessionsPerWeek: 1,
        },
      ],
    };
    const post = (headers: Record<string, string>) =>
      whatIfRoute.POST(
        new NextRequest('http://localhost/api/reviews/what-if', {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }),
      );
    const response = await post(lead.headers);
    expect(response.status).toBe(200);
    const result = (await response.json()) as {
      weeks: number;
      unit: { before: { fulfilment: number }; after: { fulfilment: number } };
      consultants: { name: string; after: { expectedNet: number; delivered: number } }[];
    };
    // 90 days are 12.857 weeks: 6100003 gives 12.857 of their 13 expected sessions and loses them at 3/13;
    // 6100001 delivers all of them. The specialty: 26 of 39 delivered before, 35.89 after.
    expect(result.weeks).toBeCloseTo(12.857, 3);
    expect(result.unit.before.fulfilment).toBeCloseTo(26 / 39, 10);
    expect(result.unit.after.fulfilment).toBeCloseTo(35.89011 / 39, 5);
    expect(result.consultants.find((row) => row.name === 'Dr 6100003')?.after.delivered).toBeCloseTo(
      0.032967,
      5,
    );
    const urologyLead = await personWith(db, scenario.org, 'clinical_lead', {
      specialtyId: scenario.specialties.urology,
    });
    expect((await post(urologyLead.headers)).status).toBe(404);
  });

  it('refuses a new output per session for clinics and lists together, and takes it for one activity', async () => {
    const post = (activity: 'all' | 'clinic') =>
      whatIfRoute.POST(
        new NextRequest('http://localhost/api/reviews/what-if', {
          method: 'POST',
          headers: { ...lead.headers, 'content-type': 'application/json' },
          body: JSON.stringify({
            specialtyId: scenario.specialties.ophthalmology,
            period: REVIEW_PERIOD,
            activity,
            changes: [{ kind: 'output', consultantId: scenario.consultants['6100001'], casesPerSession: 14 }],
          }),
        }),
      );
    const refused = await post('all');
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toContain('A new output per session needs one activity');
    expect((await post('clinic')).status).toBe(200);
  });
});
