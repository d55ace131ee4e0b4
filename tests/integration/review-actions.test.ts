import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as actionRoute from '@/app/api/actions/[actionId]/route';
import * as actionsRoute from '@/app/api/actions/route';
import * as closeRoute from '@/app/api/reviews/[meetingId]/close/route';
import { useDatabase } from '@/lib/server/db';
import { listActionOwnerChoices } from '@/lib/server/reviews/action-owners';
import { closeMeeting } from '@/lib/server/reviews/close-meeting';
import { createAction } from '@/lib/server/reviews/create-action';
import {
  getAction,
  getMyActions,
  listActions,
  listOthersActionsInUnits,
} from '@/lib/server/reviews/read-actions';
import { getMeeting } from '@/lib/server/reviews/read-meeting';
import { startMeeting } from '@/lib/server/reviews/start-meeting';
import { updateAction } from '@/lib/server/reviews/update-action';
import { todayInLondon } from '@/lib/shared/periods';
import { createTestDatabase, type TestDatabase, testDatabaseKind } from '../helpers/test-database';
import { buildReviewScenario, personWith, REVIEW_PERIOD, type ReviewScenario } from './review-scenario';

type Person = Awaited<ReturnType<typeof personWith>>;

/**
 * Actions: created in a meeting or on a view, changed with a history, "my actions" with overdue flags, and carried
 * forward into the next meeting of the same unit automatically — open ones, and those closed since the last
 * meeting with their status — but never into another unit's.
 */
describe(`actions and carry-forward (${testDatabaseKind})`, () => {
  let db: TestDatabase;
  let scenario: ReviewScenario;
  let lead: Person;
  let urologyLead: Person;

  beforeAll(async () => {
    db = await createTestDatabase();
    useDatabase(db);
    scenario = await buildReviewScenario(db, 'RRA');
    lead = await personWith(db, scenario.org, 'clinical_lead', {
      specialtyId: scenario.specialties.ophthalmology,
    });
    urologyLead = await personWith(db, scenario.org, 'clinical_lead', {
      specialtyId: scenario.specialties.urology,
    });
  });
  afterAll(() => db?.drop());

  const start = (person: Person, specialtyId: number) =>
    startMeeting(db, person.actor, {
      unit: { level: 'specialty', id: specialtyId },
      period: REVIEW_PERIOD,
      activity: 'all',
    });
  const titles = (actions: { title: string; status: string }[]) =>
    actions.map((action) => `${action.title}: ${action.status}`);

  it('carries the last review’s actions forward into the next meeting of the same unit, with their status', async () => {
    const first = await start(lead, scenario.specialties.ophthalmology);
    const owner = await personWith(db, scenario.org, 'consultant', {
      consultantId: scenario.consultants['6100003'],
    });
    const template = await createAction(db, lead.actor, {
      title: 'Review the Monday clinic template',
      meetingId: first.id,
      dueOn: '2026-04-30',
    });
    const backfill = await createAction(db, lead.actor, {
      title: 'Backfill clinics lost to short-notice leave',
      meetingId: first.id,
      consultantId: scenario.consultants['6100003'],
      ownerUserId: owner.userId,
    });
    const done = await createAction(db, lead.actor, {
      title: 'Ask for the theatre extract',
      meetingId: first.id,
    });
    await createAction(db, urologyLead.actor, {
      title: 'Urology: validate the waiting list',
      specialtyId: scenario.specialties.urology,
    });
    // The owner (a consultant) updates their own action; the lead closes another.
    await updateAction(db, owner.actor, backfill.id, {
      status: 'in_progress',
      note: 'Two locum clinics booked.',
    });
    await updateAction(db, lead.actor, done.id, { status: 'done' });

    // The first meeting's numbers were frozen before any of them existed; its new actions are as they stand now.
    const firstRead = await getMeeting(db, lead.actor.scope, first.id);
    const stored = await db.prisma.reviewSnapshot.findUniqueOrThrow({
      where: { organisationId_meetingId: { organisationId: scenario.org, meetingId: first.id } },
    });
    expect((stored.agenda as { newActions: unknown[] }).newActions).toEqual([]);
    expect(titles(firstRead?.live?.newActions ?? [])).toEqual(titles(firstRead?.agenda.newActions ?? []));
    expect(titles(firstRead?.agenda.newActions ?? []).sort()).toEqual([
      'Ask for the theatre extract: done',
      'Backfill clinics lost to short-notice leave: in_progress',
      'Review the Monday clinic template: open',
    ]);

    const second = await start(lead, scenario.specialties.ophthalmology);
    const secondRead = await getMeeting(db, lead.actor.scope, second.id, { live: false });
    expect(titles(secondRead?.agenda.actionsCarriedForward ?? []).sort()).toEqual([
      'Ask for the theatre extract: done',
      'Backfill clinics lost to short-notice leave: in_progress',
      'Review the Monday clinic template: open',
    ]);
    expect(secondRead?.agenda.newActions).toEqual([]);

    // The action closed before the second meeting is not carried again into the third; open ones are.
    await updateAction(db, lead.actor, template.id, {
      status: 'dropped',
      note: 'Superseded by the job plan review.',
    });
    const third = await start(lead, scenario.specialties.ophthalmology);
    const thirdRead = await getMeeting(db, lead.actor.scope, third.id, { live: false });
    expect(titles(thirdRead?.agenda.actionsCarriedForward ?? []).sort()).toEqual([
      'Backfill clinics lost to short-notice leave: in_progress',
      'Review the Monday clinic template: dropped',
    ]);

    // Urology's meeting carries only Urology's action.
    const urology = await start(urologyLead, scenario.specialties.urology);
    const urologyRead = await getMeeting(db, urologyLead.actor.scope, urology.id, { live: false });
    expect(titles(urologyRead?.agenda.actionsCarriedForward ?? [])).toEqual([
      'Urology: validate the waiting list: open',
    ]);
  });

  it('records every change in the action’s history and flags overdue actions in “my actions”', async () => {
    const owner = await personWith(db, scenario.org, 'consultant', {
      consultantId: scenario.consultants['6100002'],
    });
    const action = await createAction(db, lead.actor, {
      title: 'Agree a new job plan',
      consultantId: scenario.consultants['6100002'],
      ownerUserId: owner.userId,
      dueOn: '2026-03-01',
      metricId: 'fulfilmentNet',
    });
    await updateAction(db, lead.actor, action.id, {
      dueOn: '2026-03-15',
      title: 'Agree a new job plan (PA split)',
    });
    await updateAction(db, owner.actor, action.id, { note: 'Meeting booked for 10 March.' });
    const read = await getAction(db, owner.actor, action.id, '2026-03-20');
    expect(
      read?.history.map((event) => [event.kind, event.changes, event.note, event.actor?.userId]),
    ).toEqual([
      [
        'created',
        expect.objectContaining({ title: 'Agree a new job plan', dueOn: '2026-03-01', status: 'open' }),
        null,
        lead.userId,
      ],
      [
        'updated',
        {
          title: { from: 'Agree a new job plan', to: 'Agree a new job plan (PA split)' },
          dueOn: { from: '2026-03-01', to: '2026-03-15' },
        },
        null,
        lead.userId,
      ],
      ['commented', null, 'Meeting booked for 10 March.', owner.userId],
    ]);
    const mine = await getMyActions(db, owner.actor, '2026-03-20');
    expect(mine.map((row) => [row.title, row.isOverdue, row.isEscalated])).toEqual([
      ['Agree a new job plan (PA split)', true, false],
    ]);
    const history = await db.prisma.actionEvent.count({
      where: { organisationId: scenario.org, actionId: action.id },
    });
    expect(history).toBe(3);
    // The history is append-only in the database itself: rewriting an event is refused, even through SQL.
    await expect(
      db.prisma.actionEvent.updateMany({
        where: { organisationId: scenario.org, actionId: action.id },
        data: { note: 'rewritten' },
      }),
    ).rejects.toThrow(/never changed once written/);
  });

  it('keeps actions within scope: a consultant acts only on their own, another specialty’s action reads as not found', async () => {
    const consultant = await personWith(db, scenario.org, 'consultant', {
      consultantId: scenario.consultants['6100001'],
    });
    await expect(
      createAction(db, consultant.actor, {
        title: 'Peer action',
        consultantId: scenario.consultants['6100002'],
      }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      createAction(db, consultant.actor, {
        title: 'Unit action',
        specialtyId: scenario.specialties.ophthalmology,
      }),
    ).rejects.toMatchObject({ status: 404 });
    const own = await createAction(db, consultant.actor, {
      title: 'Swap the Tuesday clinic for a Monday one',
      consultantId: scenario.consultants['6100001'],
    });
    expect(own.owner.userId).toBe(consultant.userId);

    const urologyAction = await createAction(db, urologyLead.actor, {
      title: 'Urology only',
      specialtyId: scenario.specialties.urology,
    });
    const params = { actionId: String(urologyAction.id) };
    const url = `http://localhost/api/actions/${urologyAction.id}`;
    const read = await actionRoute.GET(new NextRequest(url, { headers: lead.headers }), {
      params: Promise.resolve(params),
    });
    expect(read.status).toBe(404);
    const patch = await actionRoute.PATCH(
      new NextRequest(url, {
        method: 'PATCH',
        headers: { ...lead.headers, 'content-type': 'application/json' },
        body: JSON.stringify({ status: 'done' }),
      }),
      { params: Promise.resolve(params) },
    );
    expect(patch.status).toBe(404);
    // Those who see the whole trust named (the administrator) see and may change it.
    const admin = await personWith(db, scenario.org, 'admin');
    const adminSees = await listActions(db, admin.actor, { specialtyId: scenario.specialties.urology });
    expect(adminSees.map((action) => action.title)).toContain('Urology only');
    await updateAction(db, admin.actor, urologyAction.id, { status: 'in_progress' });
    const created = await actionsRoute.POST(
      new NextRequest('http://localhost/api/actions', {
        method: 'POST',
        headers: { ...lead.headers, 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'Not my unit', specialtyId: scenario.specialties.urology }),
      }),
    );
    expect(created.status).toBe(404);
    const listed = await actionsRoute.GET(
      new NextRequest(`http://localhost/api/actions?specialtyId=${scenario.specialties.urology}`, {
        headers: lead.headers,
      }),
    );
    expect(((await listed.json()) as { actions: unknown[] }).actions).toEqual([]);
  });

  it('offers as owners the people with a role in the unit, only to those who see all of it named', async () => {
    const ophthalmologist = await personWith(db, scenario.org, 'consultant', {
      consultantId: scenario.consultants['6100001'],
    });
    const urologist = await personWith(db, scenario.org, 'consultant', {
      consultantId: scenario.consultants['6200001'],
    });
    const division = await db.prisma.specialty.findFirstOrThrow({
      where: { organisationId: scenario.org, id: scenario.specialties.ophthalmology },
      select: { divisionId: true },
    });
    const unit = { divisionId: division.divisionId, specialtyId: scenario.specialties.ophthalmology };
    const offered = (await listActionOwnerChoices(db, lead.actor.scope, unit)).map((choice) => choice.userId);
    expect(offered).toEqual(expect.arrayContaining([lead.userId, ophthalmologist.userId]));
    expect(offered).not.toContain(urologist.userId);
    expect(offered).not.toContain(urologyLead.userId);
    // A consultant sees their peers anonymised: the list would name them, so they are offered no one.
    expect(await listActionOwnerChoices(db, ophthalmologist.actor.scope, unit)).toEqual([]);
    // Nor does another specialty's lead get Ophthalmology's people.
    expect(await listActionOwnerChoices(db, urologyLead.actor.scope, unit)).toEqual([]);
  });

  it('refuses a due date in the past when an action is created or its due date moved, yet lets an overdue action be worked on', async () => {
    const today = todayInLondon();
    const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const specialtyId = scenario.specialties.ophthalmology;
    const send = (method: 'POST' | 'PATCH', url: string, body: unknown) =>
      new NextRequest(url, {
        method,
        headers: { ...lead.headers, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const create = (body: unknown) => actionsRoute.POST(send('POST', 'http://localhost/api/actions', body));
    const change = (actionId: number, body: unknown) =>
      actionRoute.PATCH(send('PATCH', `http://localhost/api/actions/${actionId}`, body), {
        params: Promise.resolve({ actionId: String(actionId) }),
      });
    const messageOf = async (response: Response) =>
      ((await response.json()) as { error: { message: string } }).error.message;

    const refused = await create({ title: 'Due yesterday', specialtyId, dueOn: yesterday });
    expect(refused.status).toBe(400);
    expect(await messageOf(refused)).toBe('The due date is in the past.');
    expect(
      await db.prisma.reviewAction.count({ where: { organisationId: scenario.org, title: 'Due yesterday' } }),
    ).toBe(0);
    expect((await create({ title: 'Due today', specialtyId, dueOn: today })).status).toBe(201);
    expect((await create({ title: 'Due whenever', specialtyId })).status).toBe(201);
    await expect(
      createAction(
        db,
        lead.actor,
        { title: 'Due before the day', specialtyId, dueOn: '2026-03-01' },
        { dueNotBefore: '2026-03-02' },
      ),
    ).rejects.toMatchObject({ status: 400, message: 'The due date is in the past.' });

    // An action due on 1 March, recorded as it was: overdue now.
    const overdue = await createAction(db, lead.actor, {
      title: 'Re-template the Monday clinic',
      specialtyId,
      dueOn: '2026-03-01',
    });
    const moved = await change(overdue.id, { dueOn: yesterday, note: 'Pushed back.' });
    expect(moved.status).toBe(400);
    expect(await messageOf(moved)).toBe('The due date is in the past.');
    // Other changes still work, even when the form sends the due date as it stands.
    const started = await change(overdue.id, {
      status: 'in_progress',
      dueOn: '2026-03-01',
      note: 'Started.',
    });
    expect(started.status).toBe(200);
    expect(await started.json()).toMatchObject({
      status: 'in_progress',
      dueOn: '2026-03-01',
      isOverdue: true,
    });
    expect((await change(overdue.id, { title: 'Re-template the Monday clinics' })).status).toBe(200);
    expect((await change(overdue.id, { dueOn: today })).status).toBe(200);
    expect((await change(overdue.id, { status: 'done' })).status).toBe(200);
    const read = await getAction(db, lead.actor, overdue.id);
    expect(read?.history.map((event) => [event.kind, event.changes, event.note])).toEqual([
      ['created', expect.objectContaining({ dueOn: '2026-03-01' }), null],
      ['updated', { status: { from: 'open', to: 'in_progress' } }, 'Started.'],
      [
        'updated',
        { title: { from: 'Re-template the Monday clinic', to: 'Re-template the Monday clinics' } },
        null,
      ],
      ['updated', { dueOn: { from: '2026-03-01', to: today } }, null],
      ['updated', { status: { from: 'in_progress', to: 'done' } }, null],
    ]);
  });

  it('closes a meeting once, by those who may run it; a closed meeting takes no new actions', async () => {
    const meeting = await start(lead, scenario.specialties.ophthalmology);
    const close = (headers: Record<string, string>) =>
      closeRoute.POST(
        new NextRequest(`http://localhost/api/reviews/${meeting.id}/close`, { method: 'POST', headers }),
        { params: Promise.resolve({ meetingId: String(meeting.id) }) },
      );
    const consultant = await personWith(db, scenario.org, 'consultant', {
      consultantId: scenario.consultants['6100001'],
    });
    expect((await close(consultant.headers)).status).toBe(403);
    expect((await close(urologyLead.headers)).status).toBe(404);
    const closed = await close(lead.headers);
    expect(closed.status).toBe(200);
    expect(((await closed.json()) as { status: string }).status).toBe('closed');
    await expect(closeMeeting(db, lead.actor, meeting.id)).rejects.toMatchObject({ status: 409 });
    await expect(
      createAction(db, lead.actor, { title: 'Too late', meetingId: meeting.id }),
    ).rejects.toMatchObject({
      status: 409,
    });
  });
  it('takes the agenda at the clock its caller passes: the frozen one at the start, the live one when read', async () => {
    const startedAt = new Date('2026-04-02T09:15:00.000Z');
    const meeting = await startMeeting(
      db,
      lead.actor,
      {
        unit: { level: 'specialty', id: scenario.specialties.ophthalmology },
        period: REVIEW_PERIOD,
        activity: 'all',
      },
      startedAt,
    );
    const stored = await db.prisma.reviewSnapshot.findUniqueOrThrow({
      where: { organisationId_meetingId: { organisationId: scenario.org, meetingId: meeting.id } },
    });
    expect((stored.agenda as { takenAt: string }).takenAt).toBe('2026-04-02T09:15:00.000Z');
    const readAt = new Date('2026-04-09T14:00:00.000Z');
    const read = await getMeeting(db, lead.actor.scope, meeting.id, { now: readAt });
    expect(read?.agenda.takenAt).toBe('2026-04-02T09:15:00.000Z');
    expect(read?.live?.takenAt).toBe('2026-04-09T14:00:00.000Z');
  });

  it('pages the open actions others own in the units, overdue first then by due date; none outside the scope', async () => {
    const owner = await personWith(db, scenario.org, 'consultant', {
      consultantId: scenario.consultants['6100003'],
    });
    const specialtyId = scenario.specialties.ophthalmology;
    const { divisionId } = await db.prisma.specialty.findFirstOrThrow({
      where: { organisationId: scenario.org, id: specialtyId },
      select: { divisionId: true },
    });
    const dueDay = (day: number) => new Date(Date.UTC(2000, 0, day));
    const backlog = (rank: number) => `Backlog item ${String(rank).padStart(2, '0')}`;
    const row = (title: string, ownerUserId: number, due: Date, status: 'open' | 'done' = 'open') => ({
      organisationId: scenario.org,
      title,
      ownerUserId,
      dueOn: due,
      status,
      divisionId,
      specialtyId,
      createdByUserId: lead.userId,
    });
    // Sixty overdue actions of the unit another person owns, written latest due first (so that the order is the
    // query's, not the order they were written in); one closed and one the lead owns, which the list leaves out.
    await db.prisma.reviewAction.createMany({
      data: [
        ...Array.from({ length: 60 }, (_, index) =>
          row(backlog(60 - index), owner.userId, dueDay(60 - index)),
        ),
        row('Closed long ago', owner.userId, dueDay(1), 'done'),
        row('The lead’s own', lead.userId, dueDay(1)),
      ],
    });
    const today = '2026-05-01';
    const first = await listOthersActionsInUnits(db, lead.actor, { page: 1 }, today);
    const second = await listOthersActionsInUnits(db, lead.actor, { page: 2 }, today);
    expect(first.pageSize).toBe(50);
    expect(first.actions.map((action) => action.title)).toEqual(
      Array.from({ length: 50 }, (_, index) => backlog(index + 1)),
    );
    // Page 2 starts where page 1 stopped; the unit's other open actions (due later, or with no date) follow.
    expect(second.page).toBe(2);
    expect(second.actions.slice(0, 10).map((action) => action.title)).toEqual(
      Array.from({ length: 10 }, (_, index) => backlog(index + 51)),
    );
    expect(second.actions.slice(0, 10).every((action) => action.isOverdue)).toBe(true);
    const dues = second.actions.map((action) => action.dueOn ?? '9999-12-31');
    expect(dues).toEqual([...dues].sort());
    const everyRow = [...first.actions, ...second.actions];
    expect(first.total).toBe(second.total);
    expect(first.total).toBeGreaterThanOrEqual(60);
    expect(everyRow.map((action) => action.title)).not.toContain('Closed long ago');
    expect(everyRow.map((action) => action.title)).not.toContain('The lead’s own');
    expect(everyRow.some((action) => action.owner.userId === lead.userId)).toBe(false);
    expect(
      (await listOthersActionsInUnits(db, lead.actor, { page: 2, pageSize: 25 }, today)).actions
        .slice(0, 5)
        .map((action) => action.title),
    ).toEqual([26, 27, 28, 29, 30].map(backlog));
    // Past the last page: no rows, the total still told.
    const beyond = await listOthersActionsInUnits(db, lead.actor, { page: 99 }, today);
    expect(beyond).toMatchObject({ actions: [], total: first.total });

    // Urology's lead sees none of Ophthalmology's, on any page; the total counts none of them either.
    const urology = await listOthersActionsInUnits(db, urologyLead.actor, { page: 1 }, today);
    expect(urology.actions.map((action) => action.title)).not.toContain(backlog(1));
    expect(urology.actions.every((action) => action.specialtyId !== specialtyId)).toBe(true);
    expect(urology.total).toBe(urology.actions.length);
    expect(urology.total).toBeLessThan(50);
  });
  it('refuses an action in words: the field named as the form names it, with what it expects', async () => {
    type Refusal = { error: { message: string; issues?: { path: string; message: string }[] } };
    const send = async (response: Promise<Response>) => {
      const answer = await response;
      expect(answer.status).toBe(400);
      return ((await answer.json()) as Refusal).error;
    };
    const request = (method: 'POST' | 'PATCH', url: string, body: unknown) =>
      new NextRequest(url, {
        method,
        headers: { ...lead.headers, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const specialtyId = scenario.specialties.ophthalmology;
    const created = await send(
      actionsRoute.POST(
        request('POST', 'http://localhost/api/actions', { title: ' ', specialtyId, dueOn: '31/12/2030' }),
      ),
    );
    expect(created.issues).toEqual([
      { path: 'title', message: 'Action: write what the action is' },
      { path: 'dueOn', message: 'Due date: enter a date as dd/mm/yyyy' },
    ]);
    expect(created.message).toBe(
      'The action could not be added. Action: write what the action is. Due date: enter a date as dd/mm/yyyy.',
    );
    // A due date in the past, and an owner who is no one: the field each is about is named too.
    const past = await send(
      actionsRoute.POST(
        request('POST', 'http://localhost/api/actions', { title: 'Late', specialtyId, dueOn: '2020-01-01' }),
      ),
    );
    expect(past).toMatchObject({
      message: 'The due date is in the past.',
      issues: [{ path: 'dueOn', message: 'Due date: enter today or a later date' }],
    });
    const nobody = await send(
      actionsRoute.POST(
        request('POST', 'http://localhost/api/actions', { title: 'Lost', specialtyId, ownerUserId: 999_999 }),
      ),
    );
    expect(nobody.issues).toEqual([{ path: 'ownerUserId', message: 'Owner: choose someone from the list' }]);

    const action = await createAction(db, lead.actor, { title: 'Audit the DNA letters', specialtyId });
    const changed = await send(
      actionRoute.PATCH(
        request('PATCH', `http://localhost/api/actions/${action.id}`, {
          status: 'finished',
          note: 'x'.repeat(2001),
        }),
        { params: Promise.resolve({ actionId: String(action.id) }) },
      ),
    );
    expect(changed.issues).toEqual([
      { path: 'status', message: 'Status: choose open, in progress, done or dropped' },
      { path: 'note', message: 'Note: write 2,000 characters or fewer' },
    ]);
    expect(changed.message).not.toMatch(/Invalid|expected one of|too big/i);
  });
});
