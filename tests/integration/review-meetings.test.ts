import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as packRoute from '@/app/api/reviews/[meetingId]/pack.xlsx/route';
import * as meetingRoute from '@/app/api/reviews/[meetingId]/route';
import * as listRoute from '@/app/api/reviews/route';
import * as startRoute from '@/app/api/reviews/start/route';
import { useDatabase } from '@/lib/server/db';
import { applyMigrations, DEFAULT_MIGRATIONS_DIR, readMigrations } from '@/lib/server/migrations/migrations';
import { raiseChallenge, resolveChallenge } from '@/lib/server/reviews/challenges';
import { closeMeeting } from '@/lib/server/reviews/close-meeting';
import { listMeetings } from '@/lib/server/reviews/list-meetings';
import { londonWallClock } from '@/lib/server/reviews/meeting-pack';
import { getMeeting } from '@/lib/server/reviews/read-meeting';
import { startMeeting } from '@/lib/server/reviews/start-meeting';
import { todayInLondon } from '@/lib/shared/periods';
import { NO_GRANT, type Scope } from '@/lib/shared/scope';
import { consultant, importRows, planLine } from '../helpers/ledger-scenario';
import { createTestDatabase, type TestDatabase, testDatabaseKind } from '../helpers/test-database';
import {
  buildReviewScenario,
  clinicRows,
  heldMondays,
  personWith,
  REVIEW_PERIOD,
  type ReviewScenario,
  weekdays,
} from './review-scenario';

/**
 * Review meetings: starting one freezes its agenda, so a later import changes the live view and never the record
 * of what was discussed; who may start and open a meeting, and what each reader sees of the consultants in it.
 */
describe(`review meetings (${testDatabaseKind})`, () => {
  let db: TestDatabase;
  let scenario: ReviewScenario;
  let lead: Awaited<ReturnType<typeof personWith>>;
  let meetingId: number;

  beforeAll(async () => {
    db = await createTestDatabase();
    useDatabase(db);
    scenario = await buildReviewScenario(db, 'RRM');
    lead = await personWith(db, scenario.org, 'clinical_lead', {
      specialtyId: scenario.specialties.ophthalmology,
    });
    const meeting = await startMeeting(db, lead.actor, {
      unit: { level: 'specialty', id: scenario.specialties.ophthalmology },
      period: REVIEW_PERIOD,
      activity: 'all',
    });
    meetingId = meeting.id;
  });
  afterAll(() => db?.drop());

  const headline = (agenda: { headline: { metricId: string; value: number | null }[] }, metricId: string) =>
    agenda.headline.find((metric) => metric.metricId === metricId)?.value;

  it('freezes the standardised agenda when the meeting starts', async () => {
    const meeting = await getMeeting(db, lead.actor.scope, meetingId);
    expect(meeting?.status).toBe('in_progress');
    const agenda = meeting?.agenda;
    // 13 Mondays each: 13 + 10 + 3 delivered of 39 expected.
    expect(headline(agenda ?? { headline: [] }, 'fulfilmentNet')).toBeCloseTo(26 / 39, 10);
    expect(agenda?.headline.map((metric) => metric.metricId)).toEqual([
      'fulfilmentNet',
      'fulfilmentGross',
      'totalDelivery',
      'lostSessions',
      'casesPerSession',
      'slotUtilisation',
      'dnaRate',
      'patientsPerWeek',
    ]);
    expect(agenda?.headline[0]?.target).toBe(0.95);
    // Beside patients per week, the same weeks a year earlier: before the extracts begin, so no figure.
    expect(agenda?.baseline).toEqual({
      period: { from: '2025-01-01', to: '2025-03-31' },
      patientsPerWeek: null,
    });
    expect(agenda?.lostSessions.byOutcome.notScheduled).toBe(13);
    expect(agenda?.members.map((row) => row.member.kind === 'consultant' && row.member.key)).toEqual([
      '6100001',
      '6100002',
      '6100003',
    ]);
    expect(agenda?.funnel.points).toHaveLength(3);
    // Whole weeks the extracts cover: 5 January to the week of 23 March (1–4 January and 30–31 March are part-weeks).
    expect(agenda?.trend.map((point) => point.from)).toEqual(weekdays('2026-01-05', '2026-03-23', 1));
    expect(meeting?.changes).toEqual([]);
  });

  it('keeps the snapshot as it was after a later import, while the live view changes', async () => {
    const stored = await db.prisma.reviewSnapshot.findUniqueOrThrow({
      where: { organisationId_meetingId: { organisationId: scenario.org, meetingId } },
    });
    const before = await getMeeting(db, lead.actor.scope, meetingId);
    // A corrected extract: 6100003 did hold every Monday clinic.
    const mondays = weekdays('2026-01-05', '2026-03-31', 1);
    await importRows(
      db,
      scenario.org,
      'clinic-sessions',
      clinicRows((gmc) => (gmc === '6100003' ? mondays : heldMondays(gmc))),
    );
    const after = await getMeeting(db, lead.actor.scope, meetingId);
    expect(after?.agenda).toEqual(before?.agenda);
    const storedAfter = await db.prisma.reviewSnapshot.findUniqueOrThrow({
      where: { organisationId_meetingId: { organisationId: scenario.org, meetingId } },
    });
    expect(storedAfter.agenda).toEqual(stored.agenda);
    expect(headline(after?.agenda ?? { headline: [] }, 'fulfilmentNet')).toBeCloseTo(26 / 39, 10);
    expect(headline(after?.live ?? { headline: [] }, 'fulfilmentNet')).toBeCloseTo(36 / 39, 10);
    expect(after?.changes.map((change) => change.metricId)).toContain('fulfilmentNet');
    const frozen3 = after?.agenda.members.find(
      (row) => row.member.kind === 'consultant' && row.member.key === '6100003',
    );
    const live3 = after?.live?.members.find(
      (row) => row.member.kind === 'consultant' && row.member.key === '6100003',
    );
    expect(frozen3?.fulfilmentNet).toBeCloseTo(3 / 13, 10);
    expect(live3?.fulfilmentNet).toBeCloseTo(1, 10);
  });

  it('refuses to change a snapshot once written, even through SQL', async () => {
    await expect(
      db.prisma.$executeRawUnsafe(
        `UPDATE review_snapshots SET agenda = '{}'::jsonb WHERE organisation_id = ${scenario.org} AND meeting_id = ${meetingId}`,
      ),
    ).rejects.toThrow(/never changed once written/);
    const stored = await db.prisma.reviewSnapshot.findUniqueOrThrow({
      where: { organisationId_meetingId: { organisationId: scenario.org, meetingId } },
    });
    expect(stored.agenda).not.toEqual({});
  });

  it('warns instead of starting a second open meeting of a unit and period (409 with its link), unless asked', async () => {
    const unit = { level: 'specialty' as const, id: scenario.specialties.ophthalmology };
    const start = (body: object, headers = lead.headers) =>
      startRoute.POST(
        new NextRequest('http://localhost/api/reviews/start', {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }),
      );
    const meetings = () => db.prisma.reviewMeeting.count({ where: { organisationId: scenario.org } });
    const before = await meetings();
    const refused = await start({ unit, period: REVIEW_PERIOD });
    expect(refused.status).toBe(409);
    const body = (await refused.json()) as {
      error: { code: string; message: string; details: { meetingId: number; href: string } };
    };
    expect(body.error.code).toBe('meeting_open');
    expect(body.error.details).toMatchObject({ meetingId, href: `/reviews/${meetingId}` });
    expect(body.error.message).toMatch(
      new RegExp(
        `^Ophthalmology already has an open review meeting for 01/01/2026 to 31/03/2026 \\(clinics and lists\\), started .*: open it at /reviews/${meetingId}, or send "startAnother": true to start a second one\\.$`,
      ),
    );
    expect(await meetings()).toBe(before);

    // Another activity, or another period, is another review.
    const clinics = await start({ unit, period: REVIEW_PERIOD, activity: 'clinic' });
    expect(clinics.status).toBe(201);
    const february = await start({ unit, period: { from: '2026-02-01', to: '2026-02-28' } });
    expect(february.status).toBe(201);
    // Asked for a second one anyway: started.
    const another = await start({ unit, period: REVIEW_PERIOD, startAnother: true });
    expect(another.status).toBe(201);
    expect(((await another.json()) as { id: number }).id).not.toBe(meetingId);
    // A closed meeting is no reason to warn.
    const februaryId = ((await february.json()) as { id: number }).id;
    await closeMeeting(db, lead.actor, februaryId);
    expect((await start({ unit, period: { from: '2026-02-01', to: '2026-02-28' } })).status).toBe(201);

    // Two people pressing "Start" at once for a unit and period with no meeting: one starts it, the other is warned.
    const urologyLead = await personWith(db, scenario.org, 'clinical_lead', {
      specialtyId: scenario.specialties.urology,
    });
    const urology = { level: 'specialty' as const, id: scenario.specialties.urology };
    const both = await Promise.all(
      [0, 1].map(() => start({ unit: urology, period: REVIEW_PERIOD }, urologyLead.headers)),
    );
    expect(both.map((response) => response.status).sort()).toEqual([201, 409]);
  });

  it('lists who started each meeting, for every reader who may open it', async () => {
    const user = await db.prisma.user.findUniqueOrThrow({
      where: { organisationId_id: { organisationId: scenario.org, id: lead.userId } },
    });
    const own = await personWith(db, scenario.org, 'consultant', {
      consultantId: scenario.consultants['6100002'],
    });
    for (const reader of [lead, own]) {
      const listed = (await listMeetings(db, reader.actor.scope)).find((meeting) => meeting.id === meetingId);
      expect(listed?.startedByName).toBe(user.name);
    }
  });

  it('lists and opens the meeting for those who see the whole trust (executive, admin), not for another specialty’s lead', async () => {
    const executive = await personWith(db, scenario.org, 'executive');
    const admin = await personWith(db, scenario.org, 'admin');
    for (const reader of [executive, admin]) {
      expect((await listMeetings(db, reader.actor.scope)).map((meeting) => meeting.id)).toContain(meetingId);
      expect((await getMeeting(db, reader.actor.scope, meetingId))?.unit.name).toBeTruthy();
    }
    const otherLead = await personWith(db, scenario.org, 'clinical_lead', {
      specialtyId: scenario.specialties.urology,
    });
    expect((await listMeetings(db, otherLead.actor.scope)).map((meeting) => meeting.id)).not.toContain(
      meetingId,
    );
  });

  it('lets a consultant open their own specialty’s meeting with their peers anonymised, and no other (404)', async () => {
    const own = await personWith(db, scenario.org, 'consultant', {
      consultantId: scenario.consultants['6100002'],
    });
    const meeting = await getMeeting(db, own.actor.scope, meetingId);
    const members = meeting?.agenda.members.map((row) => row.member) ?? [];
    expect(members.filter((member) => member.kind === 'consultant' && !member.isAnonymised)).toEqual([
      expect.objectContaining({
        key: '6100002',
        name: 'Dr 6100002',
        consultantId: scenario.consultants['6100002'],
      }),
    ]);
    expect(members.filter((member) => member.kind === 'consultant' && member.isAnonymised)).toHaveLength(2);
    const text = JSON.stringify(meeting);
    for (const peer of ['6100001', '6100003'] as const) {
      expect(text).not.toContain(peer);
      expect(text).not.toContain(`"consultantId":${scenario.consultants[peer]}`);
    }

    const other = await personWith(db, scenario.org, 'consultant', {
      consultantId: scenario.consultants['6200001'],
    });
    expect(await getMeeting(db, other.actor.scope, meetingId)).toBeNull();
    const response = await meetingRoute.GET(
      new NextRequest(`http://localhost/api/reviews/${meetingId}`, { headers: other.headers }),
      { params: Promise.resolve({ meetingId: String(meetingId) }) },
    );
    expect(response.status).toBe(404);
    const allowed = await meetingRoute.GET(
      new NextRequest(`http://localhost/api/reviews/${meetingId}?live=false`, { headers: own.headers }),
      { params: Promise.resolve({ meetingId: String(meetingId) }) },
    );
    expect(allowed.status).toBe(200);
  });

  it('shows no name anywhere with the anonymise switch on', async () => {
    const meeting = await getMeeting(db, lead.actor.scope, meetingId, { anonymise: true });
    const text = JSON.stringify(meeting);
    expect(text).not.toMatch(/Dr \d/);
    expect(text).not.toMatch(/61000\d\d/);
    expect(
      meeting?.agenda.members.every((row) => row.member.kind === 'consultant' && row.member.isAnonymised),
    ).toBe(true);
  });

  it('starts a meeting only for a unit the caller sees named: another specialty’s lead gets 404, a consultant 403', async () => {
    const urologyLead = await personWith(db, scenario.org, 'clinical_lead', {
      specialtyId: scenario.specialties.urology,
    });
    const body = JSON.stringify({
      unit: { level: 'specialty', id: scenario.specialties.ophthalmology },
      period: REVIEW_PERIOD,
      // The lead's meeting of the same period is open: this one is wanted all the same.
      startAnother: true,
    });
    const start = (headers: Record<string, string>) =>
      startRoute.POST(
        new NextRequest('http://localhost/api/reviews/start', {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body,
        }),
      );
    expect((await start(urologyLead.headers)).status).toBe(404);
    const consultant = await personWith(db, scenario.org, 'consultant', {
      consultantId: scenario.consultants['6100001'],
    });
    expect((await start(consultant.headers)).status).toBe(403);
    const director = await personWith(db, scenario.org, 'divisional_director', {
      divisionId: scenario.division,
    });
    const created = await start(director.headers);
    expect(created.status).toBe(201);
    const division = await startMeeting(db, director.actor, {
      unit: { level: 'division', id: scenario.division },
      period: REVIEW_PERIOD,
      activity: 'all',
    });
    const read = await getMeeting(db, director.actor.scope, division.id, { live: false });
    expect(read?.agenda.funnel.basis).toBe('specialty');
    expect(
      read?.agenda.members.map((row) => row.member.kind === 'specialty' && row.member.code).sort(),
    ).toEqual(['101', '130']);
    // A lead sees their specialty's consultants, not the division's: its meeting is not theirs to open.
    expect(await getMeeting(db, lead.actor.scope, division.id)).toBeNull();
  });

  it('exports the meeting pack as XLSX, anonymised as the reader must see it', async () => {
    const cellsOf = async (response: Response) => {
      expect(response.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await response.arrayBuffer());
      const cells: string[] = [];
      for (const sheet of workbook.worksheets) {
        sheet.eachRow((row) => {
          row.eachCell((cell) => {
            cells.push(String(cell.value));
          });
        });
      }
      return { sheets: workbook.worksheets.map((sheet) => sheet.name), cells };
    };
    const download = (headers: Record<string, string>, query = '') =>
      packRoute.GET(
        new NextRequest(`http://localhost/api/reviews/${meetingId}/pack.xlsx${query}`, { headers }),
        {
          params: Promise.resolve({ meetingId: String(meetingId) }),
        },
      );

    const named = await cellsOf(await download(lead.headers));
    expect(named.sheets).toEqual([
      'Meeting',
      'Headline',
      'Trend',
      'Funnel',
      'Lost sessions',
      'Workload',
      'For review',
      'Opportunities',
      'Annotations',
      'Challenges',
      'Actions carried forward',
      'New actions',
    ]);
    expect(named.cells).toContain('Dr 6100001');

    const anonymised = await cellsOf(await download(lead.headers, '?anonymise=1'));
    expect(anonymised.cells.filter((cell) => /Dr \d|61000\d\d/.test(cell))).toEqual([]);

    const peer = await personWith(db, scenario.org, 'consultant', {
      consultantId: scenario.consultants['6100002'],
    });
    const forPeer = await cellsOf(await download(peer.headers));
    expect(forPeer.cells).toContain('Dr 6100002');
    expect(forPeer.cells.filter((cell) => /Dr 61000[13]/.test(cell))).toEqual([]);

    const exported = await db.prisma.auditEvent.count({
      where: { organisationId: scenario.org, action: 'review.exported', entityId: String(meetingId) },
    });
    expect(exported).toBe(3);
  });

  it('writes the pack as the dashboards show it: numbers with their formats, dates as dates, codes in words', async () => {
    const admin = await personWith(db, scenario.org, 'admin');
    const accepted = await raiseChallenge(db, lead.actor, {
      consultantId: scenario.consultants['6100003'],
      sessionDate: '2026-02-16',
      reason: 'Dr 6100003 held this clinic: it is missing from the extract.',
    });
    await resolveChallenge(db, admin.actor, accepted.id, {
      status: 'accepted',
      correctionNote: 'Clinic added to the PAS extract; the next import carries it.',
    });
    const explained = await raiseChallenge(db, lead.actor, {
      consultantId: scenario.consultants['6100002'],
      weekStart: '2026-03-16',
      metricId: 'fulfilmentNet',
      reason: 'Dr 6100002 was covering the ward that week.',
    });
    await resolveChallenge(db, admin.actor, explained.id, {
      status: 'explained',
      resolution: 'Ward cover is not in the job plan: the clinic was lost.',
    });
    const meeting = await startMeeting(db, lead.actor, {
      unit: { level: 'specialty', id: scenario.specialties.ophthalmology },
      period: REVIEW_PERIOD,
      activity: 'all',
    });
    const response = await packRoute.GET(
      new NextRequest(`http://localhost/api/reviews/${meeting.id}/pack.xlsx`, { headers: lead.headers }),
      { params: Promise.resolve({ meetingId: String(meeting.id) }) },
    );
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = (name: string) => {
      const found = workbook.getWorksheet(name);
      if (!found) throw new Error(`No sheet ${name}`);
      return found;
    };
    /** The rows of a sheet under its heading row, by heading. */
    const rowsOf = (name: string) => {
      const rows: Record<string, ExcelJS.Cell>[] = [];
      const headings: string[] = [];
      sheet(name)
        .getRow(1)
        .eachCell({ includeEmpty: true }, (cell, column) => {
          headings[column] = String(cell.value ?? '');
        });
      sheet(name).eachRow((row, number) => {
        if (number === 1) return;
        rows.push(
          Object.fromEntries(
            headings.flatMap((heading, column) => (column > 0 ? [[heading, row.getCell(column)]] : [])),
          ),
        );
      });
      return rows;
    };

    // The cover: the period in UK dates, the activity in words, the time the numbers were frozen in London (BST).
    const cover = sheet('Meeting');
    expect(cover.getCell('B2').value).toBe('01/01/2026 to 31/03/2026');
    expect(cover.getCell('B3').value).toBe('Clinics and lists');
    expect(cover.getCell('A4').value).toBe('Numbers frozen at (UK time)');
    const takenAt = (await getMeeting(db, lead.actor.scope, meeting.id, { live: false }))?.agenda.takenAt;
    const minute = (zone: string) =>
      new Intl.DateTimeFormat('en-GB', { timeZone: zone, dateStyle: 'short', timeStyle: 'short' });
    expect(cover.getCell('B4').value).toBeInstanceOf(Date);
    expect(minute('UTC').format(cover.getCell('B4').value as Date)).toBe(
      minute('Europe/London').format(new Date(takenAt ?? 0)),
    );
    // Summer time: 13:05 UTC is 14:05 on a London clock.
    expect(londonWallClock('2026-07-01T13:05:00Z')).toEqual(new Date('2026-07-01T14:05:00Z'));
    expect(londonWallClock('2026-12-01T13:05:00Z')).toEqual(new Date('2026-12-01T13:05:00Z'));
    expect(cover.getCell('B4').numFmt).toBe('dd/mm/yyyy hh:mm');

    // A percentage is a number shown as one; SPC icons and metric ids are in words.
    const fulfilment = rowsOf('Headline').find((row) => row.Metric?.value === 'Session fulfilment (net)');
    // 36 of 39 since the corrected import of an earlier test.
    expect(fulfilment?.Value?.value).toBeCloseTo(36 / 39, 10);
    expect(fulfilment?.Value?.numFmt).toBe('0.0%');
    const lost = rowsOf('Headline').find((row) => row.Metric?.value === 'Lost sessions');
    expect(typeof lost?.Value?.value).toBe('number');
    expect(lost?.Value?.numFmt).toBe('0');
    const variations = rowsOf('Headline').map((row) => String(row.Variation?.value));
    expect(variations).toContain('Common cause variation');
    expect(variations.filter((text) => /_/.test(text))).toEqual([]);
    expect(sheet('Headline').views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet('Headline').getRow(1).font?.bold).toBe(true);

    // A date is a date, in UK order.
    const [firstWeek] = rowsOf('Trend');
    expect(firstWeek?.['Week from']?.value).toEqual(new Date('2026-01-05T00:00:00Z'));
    expect(firstWeek?.['Week from']?.numFmt).toBe('dd/mm/yyyy');
    expect(firstWeek?.['Fulfilment (net)']?.numFmt).toBe('0.0%');

    // Challenges say what became of them: the correction when accepted, the explanation when explained.
    const challenges = rowsOf('Challenges');
    const correction = challenges.find((row) =>
      String(row.Reason?.value).includes('missing from the extract'),
    );
    expect(correction?.Status?.value).toBe('Accepted: the data was corrected');
    expect(correction?.Resolution?.value).toBe(
      'Clinic added to the PAS extract; the next import carries it.',
    );
    expect(correction?.Session?.value).toEqual(new Date('2026-02-16T00:00:00Z'));
    const explanation = challenges.find((row) => String(row.Reason?.value).includes('covering the ward'));
    expect(explanation?.Status?.value).toBe('Explained: the data stands');
    expect(explanation?.Resolution?.value).toBe('Ward cover is not in the job plan: the clinic was lost.');
    expect(explanation?.Figure?.value).toBe('Session fulfilment (net)');
  });

  it('keeps a meeting of a unit too small for its totals from those who do not see everyone in it named', async () => {
    const dermatology = { specialty_code: '330', specialty_name: 'Dermatology' };
    await importRows(db, scenario.org, 'consultants', [
      consultant('6300001', dermatology),
      consultant('6300002', dermatology),
    ]);
    const specialty = await db.prisma.specialty.findFirstOrThrow({
      where: { organisationId: scenario.org, code: '330' },
    });
    const director = await personWith(db, scenario.org, 'divisional_director', {
      divisionId: scenario.division,
    });
    const meeting = await startMeeting(db, director.actor, {
      unit: { level: 'specialty', id: specialty.id },
      period: REVIEW_PERIOD,
      activity: 'all',
    });
    expect(await getMeeting(db, director.actor.scope, meeting.id, { live: false })).not.toBeNull();
    const member = await db.prisma.consultant.findFirstOrThrow({
      where: { organisationId: scenario.org, gmcNumber: '6300001' },
    });
    const own = await personWith(db, scenario.org, 'consultant', { consultantId: member.id });
    expect(await getMeeting(db, own.actor.scope, meeting.id, { live: false })).toBeNull();
    // Nor does the list of meetings offer it to them (it would open as not found), through the library or the API;
    // the director, who sees both consultants named, still finds it there.
    const listed = async (person: typeof own) =>
      (await listMeetings(db, person.actor.scope)).map((row) => row.id);
    expect(await listed(own)).not.toContain(meeting.id);
    const response = await listRoute.GET(
      new NextRequest('http://localhost/api/reviews', { headers: own.headers }),
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as { meetings: { id: number }[] };
    expect(body.meetings.map((row) => row.id)).not.toContain(meeting.id);
    expect(await listed(director)).toContain(meeting.id);
    // A meeting of their specialty they may open is still listed for them: only the small unit's is left out.
    const ophthalmologist = await personWith(db, scenario.org, 'consultant', {
      consultantId: scenario.consultants['6100002'],
    });
    expect(await listed(ophthalmologist)).toContain(meetingId);
    expect(await listed(ophthalmologist)).not.toContain(meeting.id);
  });
  it('refuses a period that starts after today, in plain words; one begun and not yet ended is reviewed', async () => {
    const day = (iso: string, days: number) =>
      new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    const tomorrow = day(todayInLondon(), 1);
    const unit = { level: 'specialty' as const, id: scenario.specialties.ophthalmology };
    const response = await startRoute.POST(
      new NextRequest('http://localhost/api/reviews/start', {
        method: 'POST',
        headers: { ...lead.headers, 'content-type': 'application/json' },
        body: JSON.stringify({ unit, period: { from: tomorrow, to: day(tomorrow, 30) } }),
      }),
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe(
      'The period starts after today: there are no numbers to review yet.',
    );
    const started = () =>
      db.prisma.reviewMeeting.count({
        where: { organisationId: scenario.org, periodFrom: new Date(tomorrow) },
      });
    expect(await started()).toBe(0);

    // Today is London's: at 00:30 BST on 1 April (23:30 UTC on 31 March) April has begun; at 23:30 UTC on 30 March
    // (00:30 BST on 31 March) it has not.
    const april = { unit, period: { from: '2026-04-01', to: '2026-06-30' }, activity: 'all' as const };
    await expect(startMeeting(db, lead.actor, april, new Date('2026-03-30T23:30:00Z'))).rejects.toMatchObject(
      {
        status: 400,
        message: 'The period starts after today: there are no numbers to review yet.',
      },
    );
    expect((await startMeeting(db, lead.actor, april, new Date('2026-03-31T23:30:00Z'))).period).toEqual(
      april.period,
    );
    // A quarter half over: its numbers so far.
    const begun = await startMeeting(
      db,
      lead.actor,
      { unit, period: REVIEW_PERIOD, activity: 'all' },
      new Date('2026-02-15T12:00:00Z'),
    );
    expect(begun.period).toEqual(REVIEW_PERIOD);
  });
  it('says each consultant’s specialty in a division’s workload table, never where it would name an anonymised one', async () => {
    // By now Surgery has Ophthalmology (3), Urology (3) and Dermatology (2, an earlier test's; no job plans).
    const director = await personWith(db, scenario.org, 'divisional_director', {
      divisionId: scenario.division,
    });
    const divisionMeeting = () =>
      startMeeting(db, director.actor, {
        unit: { level: 'division', id: scenario.division },
        period: REVIEW_PERIOD,
        activity: 'all',
      });
    const workload = async (id: number, anonymise: boolean) =>
      (await getMeeting(db, director.actor.scope, id, { live: false, anonymise }))?.agenda.workload.rows.map(
        (row) => [row.member.kind === 'consultant' ? row.member.key : row.member.code, row.specialty],
      ) ?? [];
    const first = await divisionMeeting();
    const named = await workload(first.id, false);
    expect(named).toContainEqual(['6100001', 'Ophthalmology']);
    expect(named).toContainEqual(['6200001', 'Urology']);
    // Anonymised, Dermatology's two would be the only rows without a specialty, so nobody's is shown.
    const anonymised = await workload(first.id, true);
    expect(anonymised.length).toBeGreaterThan(0);
    expect(anonymised.every(([, specialty]) => specialty === null)).toBe(true);

    // With a third consultant in a small specialty (Vascular surgery, one), the three are not shown; the rest are.
    const vascular = { specialty_code: '107', specialty_name: 'Vascular surgery' };
    await importRows(db, scenario.org, 'consultants', [
      consultant('6400001', vascular),
      consultant('6300001', { specialty_code: '330', specialty_name: 'Dermatology' }),
      consultant('6300002', { specialty_code: '330', specialty_name: 'Dermatology' }),
    ]);
    await importRows(
      db,
      scenario.org,
      'job-plans',
      ['6400001', '6300001'].map((gmc) =>
        planLine({ gmc, id: `JP-${gmc}`, from: '2026-01-05' }, { day: 'Mon', period: 'AM' }),
      ),
    );
    const second = await divisionMeeting();
    const rows = await workload(second.id, true);
    const specialties = rows.map(([, specialty]) => specialty);
    expect(specialties.filter((specialty) => specialty === 'Ophthalmology')).toHaveLength(3);
    expect(specialties.filter((specialty) => specialty === 'Urology')).toHaveLength(3);
    expect(specialties).not.toContain('Vascular surgery');
    expect(specialties).not.toContain('Dermatology');
    expect(specialties.filter((specialty) => specialty === null).length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toMatch(/6[1-4]000\d\d|Dr \d/);

    // The "for review" list says the same, by the same rule: the small specialties' consultants flagged (no clinics
    // held against their plans) without theirs, Ophthalmology's (6100001, total delivery about 200%) with it.
    const forReview = async (id: number, anonymise: boolean) =>
      (await getMeeting(db, director.actor.scope, id, { live: false, anonymise }))?.agenda.forReview.map(
        (row) => [row.member.kind === 'consultant' ? row.member.key : row.member.code, row.specialty],
      ) ?? [];
    const namedForReview = await forReview(second.id, false);
    expect(namedForReview).toContainEqual(['6100001', 'Ophthalmology']);
    expect(namedForReview).toContainEqual(['6400001', 'Vascular surgery']);
    expect(namedForReview).toContainEqual(['6300001', 'Dermatology']);
    const anonymisedForReview = await forReview(second.id, true);
    expect(anonymisedForReview.map(([, specialty]) => specialty).sort()).toEqual([
      'Ophthalmology',
      null,
      null,
    ]);
    expect(JSON.stringify(anonymisedForReview)).not.toMatch(/6[1-4]000\d\d|Dr \d|Vascular|Dermatology/);
    // Where the small specialties' consultants would be the only rows without one, nobody's is shown.
    expect((await forReview(first.id, true)).every(([, specialty]) => specialty === null)).toBe(true);

    // The pack's workload sheet has the column too, as the reader sees it.
    const response = await packRoute.GET(
      new NextRequest(`http://localhost/api/reviews/${second.id}/pack.xlsx?anonymise=1`, {
        headers: director.headers,
      }),
      { params: Promise.resolve({ meetingId: String(second.id) }) },
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.getWorksheet('Workload');
    expect(sheet?.getRow(1).getCell(2).value).toBe('Specialty');
    const cells: string[] = [];
    sheet?.eachRow((row) => {
      cells.push(String(row.getCell(2).value));
    });
    expect(cells).toContain('Urology');
    expect(cells).not.toContain('Vascular surgery');
    expect(cells).toContain('Not shown: too few consultants in the specialty to say without naming them');
    const forReviewSheet = workbook.getWorksheet('For review');
    expect(forReviewSheet?.getRow(1).getCell(2).value).toBe('Specialty');
    const forReviewCells: string[] = [];
    forReviewSheet?.eachRow((row) => {
      forReviewCells.push(String(row.getCell(2).value));
    });
    expect(forReviewCells).toContain('Ophthalmology');
    expect(forReviewCells).not.toContain('Vascular surgery');
    expect(forReviewCells).toContain(
      'Not shown: too few consultants in the specialty to say without naming them',
    );
  });
});

/**
 * A meeting started before meetings stored their unit's size takes it from its snapshot's people as the migration
 * runs, so the list leaves out the same small units' meetings for them as getMeeting does.
 */
describe(`review meetings started before people_count (${testDatabaseKind})`, () => {
  let db: TestDatabase;
  let before: string;
  afterAll(async () => {
    await db?.drop();
    if (before) await rm(before, { recursive: true, force: true });
  });

  it('counts the people of their snapshot and lists them by the same rule', async () => {
    const migrations = await readMigrations();
    const added = migrations.findIndex((migration) =>
      migration.name.endsWith('_review_meetings_people_count'),
    );
    expect(added).toBeGreaterThan(0);
    before = await mkdtemp(path.join(tmpdir(), 'fulfil-migrations-'));
    await cp(
      path.join(DEFAULT_MIGRATIONS_DIR, 'migration_lock.toml'),
      path.join(before, 'migration_lock.toml'),
    );
    for (const migration of migrations.slice(0, added)) {
      await cp(path.join(DEFAULT_MIGRATIONS_DIR, migration.name), path.join(before, migration.name), {
        recursive: true,
      });
    }
    db = await createTestDatabase({ migrate: false });
    await applyMigrations(db.adapterFactory, before);

    const org = await db.prisma.organisation.create({ data: { code: 'RPC', name: 'Before people_count' } });
    const division = await db.prisma.division.create({
      data: { organisationId: org.id, code: 'SURG', name: 'Surgery' },
    });
    const specialty = async (code: string) =>
      (
        await db.prisma.specialty.create({
          data: { organisationId: org.id, code, name: `Specialty ${code}`, divisionId: division.id },
        })
      ).id;
    const [pair, alone, four] = [await specialty('101'), await specialty('102'), await specialty('103')];
    const person = (id: number, specialtyId: number) => ({
      id,
      gmcNumber: String(7000000 + id),
      name: `Consultant ${id}`,
      specialtyId,
      divisionId: division.id,
    });
    // The old way: the meeting row without a count, its snapshot holding the people.
    const startOld = async (specialtyId: number, people: ReturnType<typeof person>[]) => {
      const [row] = await db.prisma.$queryRaw<{ id: number }[]>`
        INSERT INTO review_meetings (organisation_id, unit_level, specialty_id, division_id, period_from, period_to,
                                     activity, started_by_user_id, started_at)
        VALUES (${org.id}, 'specialty', ${specialtyId}, ${division.id}, '2026-01-01', '2026-03-31', 'all', 1, now())
        RETURNING id`;
      const id = row?.id ?? 0;
      await db.prisma.$executeRaw`
        INSERT INTO review_snapshots (organisation_id, meeting_id, agenda)
        VALUES (${org.id}, ${id}, ${JSON.stringify({ people })}::jsonb)`;
      return id;
    };
    const meetings = {
      pair: await startOld(pair, [person(1, pair), person(2, pair)]),
      alone: await startOld(alone, [person(3, alone)]),
      four: await startOld(
        four,
        [4, 5, 6, 7].map((id) => person(id, four)),
      ),
    };

    // It, and any migration after it.
    expect(await applyMigrations(db.adapterFactory)).toEqual(
      migrations.slice(added).map((migration) => migration.name),
    );
    const counts = await db.prisma.reviewMeeting.findMany({
      where: { organisationId: org.id },
      select: { id: true, peopleCount: true },
      orderBy: { id: 'asc' },
    });
    expect(counts).toEqual([
      { id: meetings.pair, peopleCount: 2 },
      { id: meetings.alone, peopleCount: 1 },
      { id: meetings.four, peopleCount: 4 },
    ]);

    // Consultants see their own specialty's meetings, their peers anonymised (lib/server/auth/scope.ts).
    const consultantScope = (consultantId: number, specialtyId: number): Scope => ({
      organisationId: org.id,
      named: { divisionIds: [], specialtyIds: [], consultantIds: [consultantId] },
      anonymised: { divisionIds: [], specialtyIds: [specialtyId], consultantIds: [] },
      aggregates: { divisionIds: [], specialtyIds: [specialtyId], consultantIds: [] },
    });
    const listed = async (scope: Scope) => (await listMeetings(db, scope)).map((meeting) => meeting.id);
    // One of two does not see the other named: not listed. Alone in a specialty, they see all of it named: listed.
    expect(await listed(consultantScope(1, pair))).toEqual([]);
    expect(await listed(consultantScope(3, alone))).toEqual([meetings.alone]);
    expect(await listed(consultantScope(4, four))).toEqual([meetings.four]);
    const lead: Scope = {
      organisationId: org.id,
      named: { divisionIds: [], specialtyIds: [pair], consultantIds: [] },
      anonymised: NO_GRANT,
      aggregates: 'all',
    };
    expect(await listed(lead)).toEqual([meetings.pair]);
  });
});
