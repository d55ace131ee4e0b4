import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as annotationRoute from '@/app/api/annotations/[annotationId]/route';
import * as annotationsRoute from '@/app/api/annotations/route';
import * as resolveRoute from '@/app/api/challenges/[challengeId]/route';
import * as queueRoute from '@/app/api/challenges/queue/route';
import * as challengesRoute from '@/app/api/challenges/route';
import { useDatabase } from '@/lib/server/db';
import {
  createAnnotation,
  deleteAnnotation,
  listAnnotations,
  updateAnnotation,
} from '@/lib/server/reviews/annotations';
import {
  getChallengeQueue,
  listConsultantChallenges,
  listMyChallenges,
  raiseChallenge,
  resolveChallenge,
} from '@/lib/server/reviews/challenges';
import { getMeeting } from '@/lib/server/reviews/read-meeting';
import { startMeeting } from '@/lib/server/reviews/start-meeting';
import { createTestDatabase, type TestDatabase, testDatabaseKind } from '../helpers/test-database';
import { buildReviewScenario, personWith, REVIEW_PERIOD, type ReviewScenario } from './review-scenario';

type Person = Awaited<ReturnType<typeof personWith>>;

/**
 * Challenges: raised by a consultant about their own data (or by their lead), queued for the admins, resolved once
 * — accepted with a correction or explained — with the record kept and audited. Annotations: written for
 * consultants the caller sees named, private ones their author's alone, shown in the meeting without the names of
 * peers.
 */
describe(`challenges and annotations (${testDatabaseKind})`, () => {
  let db: TestDatabase;
  let scenario: ReviewScenario;
  let admin: Person;
  let lead: Person;
  let own: Person;

  beforeAll(async () => {
    db = await createTestDatabase();
    useDatabase(db);
    scenario = await buildReviewScenario(db, 'RRC');
    admin = await personWith(db, scenario.org, 'admin');
    lead = await personWith(db, scenario.org, 'clinical_lead', {
      specialtyId: scenario.specialties.ophthalmology,
    });
    own = await personWith(db, scenario.org, 'consultant', { consultantId: scenario.consultants['6100003'] });
  });
  afterAll(() => db?.drop());

  const post = (
    handler: (request: Request, context: never) => Promise<Response>,
    url: string,
    headers: Record<string, string>,
    body: unknown,
    method = 'POST',
    params: Record<string, string> = {},
  ) =>
    handler(
      new NextRequest(url, {
        method,
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
      { params: Promise.resolve(params) } as never,
    );

  it('runs a challenge from raised to accepted with a correction, once, with the record and audit kept', async () => {
    const raised = await post(challengesRoute.POST, 'http://localhost/api/challenges', own.headers, {
      consultantId: scenario.consultants['6100003'],
      sessionDate: '2026-01-19',
      sessionPeriod: 'AM',
      shownValue: 'not scheduled',
      reason: 'The clinic ran in another room (OPHC02); the extract has it under a locum.',
    });
    expect(raised.status).toBe(201);
    const challenge = (await raised.json()) as { id: number; status: string };
    expect(challenge.status).toBe('open');

    // The admins' queue has it; a lead may not work the queue.
    const queue = await queueRoute.GET(
      new NextRequest('http://localhost/api/challenges/queue', { headers: admin.headers }),
    );
    const queued = (await queue.json()) as {
      challenges: { id: number; consultant: { gmcNumber: string } }[];
    };
    expect(queued.challenges.map((row) => [row.id, row.consultant.gmcNumber])).toEqual([
      [challenge.id, '6100003'],
    ]);
    expect(
      (
        await queueRoute.GET(
          new NextRequest('http://localhost/api/challenges/queue', { headers: lead.headers }),
        )
      ).status,
    ).toBe(403);

    // Accepting needs the correction made.
    const url = `http://localhost/api/challenges/${challenge.id}`;
    const params = { challengeId: String(challenge.id) };
    const incomplete = await post(
      resolveRoute.PATCH,
      url,
      admin.headers,
      { status: 'accepted' },
      'PATCH',
      params,
    );
    expect(incomplete.status).toBe(400);
    const accepted = await post(
      resolveRoute.PATCH,
      url,
      admin.headers,
      {
        status: 'accepted',
        correctionNote: 'Session re-attributed to 6100003 in the PAS; next extract carries it.',
      },
      'PATCH',
      params,
    );
    expect(accepted.status).toBe(200);
    const resolved = (await accepted.json()) as Record<string, unknown>;
    expect(resolved).toMatchObject({
      status: 'accepted',
      correctionNote: 'Session re-attributed to 6100003 in the PAS; next extract carries it.',
      resolvedBy: { userId: admin.userId },
    });
    expect(resolved.resolvedAt).toEqual(expect.any(String));

    // The first resolution stands.
    const again = await post(
      resolveRoute.PATCH,
      url,
      admin.headers,
      { status: 'explained', resolution: 'No.' },
      'PATCH',
      params,
    );
    expect(again.status).toBe(409);
    expect(await getChallengeQueue(db, admin.actor)).toEqual([]);
    expect((await getChallengeQueue(db, admin.actor, 'accepted')).map((row) => row.id)).toEqual([
      challenge.id,
    ]);

    // The consultant sees what became of it.
    const mine = await listMyChallenges(db, own.actor);
    expect(mine.map((row) => [row.id, row.status, row.resolvedBy?.userId])).toEqual([
      [challenge.id, 'accepted', admin.userId],
    ]);
    const audit = await db.prisma.auditEvent.findMany({
      where: { organisationId: scenario.org, entityType: 'challenge', entityId: String(challenge.id) },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((event) => [event.action, event.actorUserId])).toEqual([
      ['challenge.raised', own.userId],
      ['challenge.accepted', admin.userId],
    ]);
  });

  it('explains a challenge raised by the lead, and refuses a challenge about someone the caller does not see named', async () => {
    const challenge = await raiseChallenge(db, lead.actor, {
      consultantId: scenario.consultants['6100002'],
      weekStart: '2026-03-16',
      metricId: 'fulfilmentNet',
      reason: 'Dr 6100002 was covering the ward that week.',
    });
    const explained = await resolveChallenge(db, admin.actor, challenge.id, {
      status: 'explained',
      resolution: 'Ward cover is not in the job plan: the clinic was lost. Annotate it instead.',
    });
    expect(explained).toMatchObject({
      status: 'explained',
      correctionNote: null,
      resolvedBy: { userId: admin.userId },
    });

    // A consultant may challenge only their own data: a peer (whom they see anonymised) is not found.
    await expect(
      raiseChallenge(db, own.actor, {
        consultantId: scenario.consultants['6100001'],
        reason: 'Too many clinics?',
      }),
    ).rejects.toMatchObject({ status: 404 });
    const other = await post(challengesRoute.POST, 'http://localhost/api/challenges', own.headers, {
      consultantId: scenario.consultants['6200001'],
      reason: 'Not mine',
    });
    expect(other.status).toBe(404);
  });

  it('keeps annotations to consultants the caller sees named, private ones to their author, and peers’ authors out of a consultant’s meeting', async () => {
    const shared = await createAnnotation(db, own.actor, {
      consultantId: scenario.consultants['6100003'],
      sessionDate: '2026-02-02',
      sessionPeriod: 'AM',
      text: 'List cancelled: no beds.',
      visibility: 'shared',
    });
    await createAnnotation(db, own.actor, {
      consultantId: scenario.consultants['6100003'],
      weekStart: '2026-02-16',
      text: 'Draft: check with the rota.',
      visibility: 'private',
    });
    await createAnnotation(db, lead.actor, {
      consultantId: scenario.consultants['6100001'],
      metricId: 'totalDelivery',
      text: 'Extra Tuesday clinics agreed for the waiting list.',
      visibility: 'shared',
    });
    await expect(
      createAnnotation(db, own.actor, {
        consultantId: scenario.consultants['6100001'],
        text: 'Not mine to write',
        visibility: 'shared',
      }),
    ).rejects.toMatchObject({ status: 404 });

    const leadView = await listAnnotations(db, lead.actor, { consultantId: scenario.consultants['6100003'] });
    expect(leadView.map((row) => row.text)).toEqual(['List cancelled: no beds.']);
    const ownView = await listAnnotations(db, own.actor, { consultantId: scenario.consultants['6100003'] });
    expect(ownView.map((row) => row.text).sort()).toEqual([
      'Draft: check with the rota.',
      'List cancelled: no beds.',
    ]);
    await expect(
      updateAnnotation(db, lead.actor, shared.id, { text: 'Overwritten by the lead' }),
    ).rejects.toMatchObject({ status: 404 });
    const edited = await updateAnnotation(db, own.actor, shared.id, {
      text: 'List cancelled: no beds (ward closed).',
    });
    expect(edited.text).toBe('List cancelled: no beds (ward closed).');

    const meeting = await startMeeting(db, lead.actor, {
      unit: { level: 'specialty', id: scenario.specialties.ophthalmology },
      period: REVIEW_PERIOD,
      activity: 'all',
    });
    const forLead = await getMeeting(db, lead.actor.scope, meeting.id, { live: false });
    expect(
      forLead?.agenda.annotations.map((row) => [
        row.member.kind === 'consultant' && row.member.key,
        row.text,
      ]),
    ).toEqual([
      ['6100001', 'Extra Tuesday clinics agreed for the waiting list.'],
      ['6100003', 'List cancelled: no beds (ward closed).'],
    ]);
    expect(forLead?.agenda.challenges.map((row) => row.status).sort()).toEqual(['accepted', 'explained']);

    // 6100002 sees both notes under pseudonyms, without who wrote them.
    const peer = await personWith(db, scenario.org, 'consultant', {
      consultantId: scenario.consultants['6100002'],
    });
    const forPeer = await getMeeting(db, peer.actor.scope, meeting.id, { live: false });
    expect(
      forPeer?.agenda.annotations.map((row) => [
        row.member.kind === 'consultant' && row.member.isAnonymised,
        row.authorName,
      ]),
    ).toEqual([
      [true, null],
      [true, null],
    ]);
    expect(JSON.stringify(forPeer)).not.toContain('Test consultant');

    await deleteAnnotation(db, own.actor, shared.id);
    await expect(deleteAnnotation(db, own.actor, shared.id)).rejects.toMatchObject({ status: 404 });
  });

  it('shows a consultant every challenge about them, those their lead raised too; never a peer or another specialty', async () => {
    const ownId = scenario.consultants['6100003'];
    const byLead = await raiseChallenge(db, lead.actor, {
      consultantId: ownId,
      sessionDate: '2026-02-16',
      sessionPeriod: 'AM',
      shownValue: 'not scheduled',
      reason: 'Clinic moved to Tuesday that week by the lead.',
    });
    const byOwn = await raiseChallenge(db, own.actor, {
      consultantId: ownId,
      metricId: 'fulfilmentNet',
      reason: 'My job plan changed in February.',
    });
    await resolveChallenge(db, admin.actor, byLead.id, {
      status: 'explained',
      resolution: 'The Tuesday clinic is in the extract as an additional session.',
    });

    // The consultant reads both, with who raised each and what became of it.
    const forOwn = await listConsultantChallenges(db, own.actor, ownId);
    const fromLead = forOwn.find((row) => row.id === byLead.id);
    expect(fromLead).toMatchObject({
      status: 'explained',
      resolution: 'The Tuesday clinic is in the extract as an additional session.',
      raisedBy: { userId: lead.userId, name: expect.any(String) },
      resolvedBy: { userId: admin.userId },
      consultant: { id: ownId, gmcNumber: '6100003' },
    });
    expect(fromLead?.raisedBy.name).not.toBe('');
    expect(forOwn.map((row) => row.id)).toContain(byOwn.id);
    expect(forOwn.every((row) => row.consultant.id === ownId)).toBe(true);
    // The lead, who sees 6100003 named, reads the one the consultant raised too.
    const forLead = await listConsultantChallenges(db, lead.actor, ownId);
    expect(forLead.map((row) => row.id)).toEqual(expect.arrayContaining([byLead.id, byOwn.id]));
    expect(forLead.find((row) => row.id === byOwn.id)?.raisedBy.userId).toBe(own.userId);

    // A peer of the specialty (who sees 6100003 only anonymised), a consultant and the lead of another specialty
    // read none of them, nor anyone's name.
    const peer = await personWith(db, scenario.org, 'consultant', {
      consultantId: scenario.consultants['6100002'],
    });
    const urologist = await personWith(db, scenario.org, 'consultant', {
      consultantId: scenario.consultants['6200001'],
    });
    const urologyLead = await personWith(db, scenario.org, 'clinical_lead', {
      specialtyId: scenario.specialties.urology,
    });
    for (const outsider of [peer, urologist, urologyLead]) {
      expect(await listConsultantChallenges(db, outsider.actor, ownId)).toEqual([]);
    }
    // Nor among the challenges about themselves.
    const peersOwn = await listConsultantChallenges(db, peer.actor, scenario.consultants['6100002']);
    expect(peersOwn.every((row) => row.consultant.id === scenario.consultants['6100002'])).toBe(true);
    expect(JSON.stringify(peersOwn)).not.toContain('6100003');
    expect(await listConsultantChallenges(db, urologist.actor, scenario.consultants['6200001'])).toEqual([]);
  });

  it('refuses a change to a note by anyone but its author, by the API, and keeps the note as it was', async () => {
    const note = await createAnnotation(db, own.actor, {
      consultantId: scenario.consultants['6100003'],
      metricId: 'lostSessions',
      text: 'Two lists lost to the theatre refurbishment.',
      visibility: 'shared',
    });
    const url = `http://localhost/api/annotations/${note.id}`;
    const params = { annotationId: String(note.id) };
    const peer = await personWith(db, scenario.org, 'consultant', {
      consultantId: scenario.consultants['6100002'],
    });
    // The lead reads the note but may not change it; a peer may neither (both: not found, so nothing is told).
    for (const other of [lead, peer, admin]) {
      const refused = await post(
        annotationRoute.PATCH,
        url,
        other.headers,
        { text: 'Changed by someone else' },
        'PATCH',
        params,
      );
      expect(refused.status).toBe(404);
      expect(await refused.text()).not.toContain('Two lists lost');
    }
    // The author changes its text and who may read it; the lead no longer reads it.
    const changed = await post(
      annotationRoute.PATCH,
      url,
      own.headers,
      { text: 'Three lists lost to the theatre refurbishment.', visibility: 'private' },
      'PATCH',
      params,
    );
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({
      id: note.id,
      text: 'Three lists lost to the theatre refurbishment.',
      visibility: 'private',
      isOwn: true,
    });
    const empty = await post(annotationRoute.PATCH, url, own.headers, {}, 'PATCH', params);
    expect(empty.status).toBe(400);
    const leadView = await listAnnotations(db, lead.actor, { consultantId: scenario.consultants['6100003'] });
    expect(leadView.map((row) => row.id)).not.toContain(note.id);
    const ownView = await listAnnotations(db, own.actor, { consultantId: scenario.consultants['6100003'] });
    expect(ownView.find((row) => row.id === note.id)?.text).toBe(
      'Three lists lost to the theatre refurbishment.',
    );
    await deleteAnnotation(db, own.actor, note.id);
  });
  it('refuses a note, a challenge or a resolution in words: each field named as the form names it, with what it expects', async () => {
    type Refusal = { error: { message: string; issues?: { path: string; message: string }[] } };
    const refusal = async (response: Response) => {
      expect(response.status).toBe(400);
      return ((await response.json()) as Refusal).error;
    };
    const consultantId = scenario.consultants['6100003'];
    const note = await refusal(
      await post(annotationsRoute.POST, 'http://localhost/api/annotations', own.headers, {
        consultantId,
        weekStart: '2026-02-30',
        text: '   ',
        visibility: 'everyone',
      }),
    );
    expect(note.issues).toEqual([
      { path: 'weekStart', message: 'Week starting: enter a date as dd/mm/yyyy' },
      { path: 'text', message: 'Note: write the note' },
      { path: 'visibility', message: 'Who can read it: choose shared or only me' },
    ]);
    expect(note.message).toBe(
      'The note could not be added. Week starting: enter a date as dd/mm/yyyy. Note: write the note. Who can read it: choose shared or only me.',
    );

    const challenge = await refusal(
      await post(challengesRoute.POST, 'http://localhost/api/challenges', own.headers, {
        consultantId,
        sessionDate: '19/01/2026',
        sessionPeriod: 'AM',
        shownValue: 'x'.repeat(201),
        colour: 'red',
      }),
    );
    expect(challenge.issues).toEqual([
      { path: 'sessionDate', message: 'Date of the session: enter a date as dd/mm/yyyy' },
      { path: 'shownValue', message: 'What Fulfil shows: write 200 characters or fewer' },
      { path: 'reason', message: 'Why it is wrong: say what is wrong and what is right' },
      { path: '', message: '“colour” is not a field of this form' },
    ]);
    // No schema path or zod wording reaches a person.
    for (const error of [note, challenge]) {
      expect(error.message).not.toMatch(/Invalid input|expected string|sessionDate|weekStart/);
    }
    const period = await refusal(
      await post(challengesRoute.POST, 'http://localhost/api/challenges', own.headers, {
        consultantId,
        sessionPeriod: 'PM',
        reason: 'The list ran.',
      }),
    );
    expect(period.issues).toEqual([
      { path: 'sessionPeriod', message: 'Period: a session period needs its session date' },
    ]);

    const raised = await raiseChallenge(db, own.actor, {
      consultantId,
      weekStart: '2026-01-19',
      reason: 'The week had two clinics more.',
    });
    const resolve = (body: unknown) =>
      post(resolveRoute.PATCH, `http://localhost/api/challenges/${raised.id}`, admin.headers, body, 'PATCH', {
        challengeId: String(raised.id),
      });
    expect((await refusal(await resolve({ status: 'maybe' }))).issues).toEqual([
      { path: 'status', message: 'Resolve the challenge: choose accepted or explained' },
    ]);
    expect((await refusal(await resolve({ status: 'accepted', correctionNote: '' }))).issues).toEqual([
      { path: 'correctionNote', message: 'The correction made: say what was corrected in the source data' },
    ]);
  });
});
