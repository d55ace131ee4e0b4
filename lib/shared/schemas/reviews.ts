import { z } from 'zod';
import { METRICS } from '../metrics';

/*
 * Requests of the review API (meetings, annotations, challenges, actions). Bodies are small JSON objects; dates are
 * ISO yyyy-mm-dd; ids are positive integers. Each schema is strict so that a misspelt field is a 400, not ignored.
 */

const MAX_ID = 2_147_483_647;
const id = z.number().int().positive().max(MAX_ID);
const isoDate = z.iso
  .date('Give a date (yyyy-mm-dd)')
  .refine((value) => value >= '1900-01-01' && value <= '2999-12-31', {
    message: 'Give a date between 1900 and 2999',
  });
const text = (max: number) => z.string().trim().min(1, 'Write something').max(max);
const METRIC_IDS = new Set(METRICS.map((metric) => metric.id));
/** A metric of the registry (lib/shared/metrics.ts), so that an annotation or action points at a real one. */
const metricId = z
  .string()
  .trim()
  .refine((value) => METRIC_IDS.has(value), {
    message: 'Give a metric id from the definitions, e.g. fulfilmentNet',
  });

export const REVIEW_UNIT_LEVELS = ['specialty', 'division'] as const;
export const REVIEW_ACTIVITIES = ['clinic', 'list', 'all'] as const;
export const SESSION_PERIODS = ['AM', 'PM', 'EVE', 'ALL'] as const;
export const ACTION_STATUSES = ['open', 'in_progress', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const CHALLENGE_RESOLUTIONS = ['accepted', 'explained'] as const;
export const ANNOTATION_VISIBILITIES = ['shared', 'private'] as const;

/** The longest period a meeting may review: about two years. */
export const MAX_MEETING_DAYS = 731;

/**
 * Starting a meeting. Whether the period has begun depends on today, so the library checks it (start-meeting.ts):
 * a period that starts after today is refused there.
 */
export const startMeetingRequestSchema = z
  .strictObject({
    unit: z.strictObject({ level: z.enum(REVIEW_UNIT_LEVELS), id }),
    period: z.strictObject({ from: isoDate, to: isoDate }),
    activity: z.enum(REVIEW_ACTIVITIES).default('all'),
    /** Start it even if the unit already has an open meeting for the same period and activity (else 409). */
    startAnother: z.boolean().optional(),
  })
  .refine((request) => request.period.from <= request.period.to, {
    message: 'The period must end on or after its start',
    path: ['period'],
  })
  .refine(
    (request) => {
      const days = (Date.parse(request.period.to) - Date.parse(request.period.from)) / 86_400_000;
      // A date that is not one is reported on its own field, not as a period too long.
      return Number.isNaN(days) || days < MAX_MEETING_DAYS;
    },
    { message: `A review covers at most ${MAX_MEETING_DAYS} days`, path: ['period'] },
  );
export type StartMeetingRequest = z.infer<typeof startMeetingRequestSchema>;

/** The code of the 409 that refuses to start a second open meeting of a unit, period and activity. */
export const MEETING_OPEN_CODE = 'meeting_open';

/** The 409 body when the unit already has an open meeting for the period: the meeting to open instead. */
export const meetingOpenErrorSchema = z.object({
  error: z.object({
    code: z.literal(MEETING_OPEN_CODE),
    message: z.string(),
    details: z.object({
      meetingId: id,
      href: z.string().startsWith('/reviews/'),
      startedAt: z.string(),
    }),
  }),
});
export type MeetingOpenError = z.infer<typeof meetingOpenErrorSchema>;

/** Where an annotation or a challenge points: a session, a week or a metric of one consultant. */
const dataPoint = {
  consultantId: id,
  sessionDate: isoDate.optional(),
  sessionPeriod: z.enum(SESSION_PERIODS).optional(),
  weekStart: isoDate.optional(),
  metricId: metricId.optional(),
};

export const createAnnotationRequestSchema = z
  .strictObject({
    ...dataPoint,
    text: text(2000),
    visibility: z.enum(ANNOTATION_VISIBILITIES).default('shared'),
  })
  .refine((request) => !(request.sessionPeriod && !request.sessionDate), {
    message: 'A session period needs its session date',
    path: ['sessionPeriod'],
  });
export type CreateAnnotationRequest = z.infer<typeof createAnnotationRequestSchema>;

export const updateAnnotationRequestSchema = z
  .strictObject({ text: text(2000).optional(), visibility: z.enum(ANNOTATION_VISIBILITIES).optional() })
  .refine((request) => request.text !== undefined || request.visibility !== undefined, {
    message: 'Give the new text or visibility',
  });
export type UpdateAnnotationRequest = z.infer<typeof updateAnnotationRequestSchema>;

export const raiseChallengeRequestSchema = z
  .strictObject({ ...dataPoint, shownValue: z.string().trim().max(200).optional(), reason: text(2000) })
  .refine((request) => !(request.sessionPeriod && !request.sessionDate), {
    message: 'A session period needs its session date',
    path: ['sessionPeriod'],
  });
export type RaiseChallengeRequest = z.infer<typeof raiseChallengeRequestSchema>;

/** Accepted needs the correction made (or to be made) to the source data; explained needs the explanation. */
export const resolveChallengeRequestSchema = z.discriminatedUnion('status', [
  z.strictObject({
    status: z.literal('accepted'),
    correctionNote: text(2000),
    resolution: text(2000).optional(),
  }),
  z.strictObject({ status: z.literal('explained'), resolution: text(2000) }),
]);
export type ResolveChallengeRequest = z.infer<typeof resolveChallengeRequestSchema>;

export const createActionRequestSchema = z
  .strictObject({
    title: text(300),
    ownerUserId: id.optional(),
    dueOn: isoDate.nullable().optional(),
    meetingId: id.optional(),
    divisionId: id.optional(),
    specialtyId: id.optional(),
    consultantId: id.optional(),
    metricId: metricId.optional(),
  })
  .refine(
    (request) =>
      request.meetingId !== undefined ||
      request.divisionId !== undefined ||
      request.specialtyId !== undefined ||
      request.consultantId !== undefined,
    { message: 'Link the action to a meeting, division, specialty or consultant' },
  );
export type CreateActionRequest = z.infer<typeof createActionRequestSchema>;

export const updateActionRequestSchema = z
  .strictObject({
    title: text(300).optional(),
    ownerUserId: id.optional(),
    dueOn: isoDate.nullable().optional(),
    status: z.enum(ACTION_STATUSES).optional(),
    metricId: metricId.nullable().optional(),
    note: text(2000).optional(),
  })
  .refine((request) => Object.values(request).some((value) => value !== undefined), {
    message: 'Give at least one change or a note',
  });
export type UpdateActionRequest = z.infer<typeof updateActionRequestSchema>;

/** Query of GET /api/actions: a unit's actions (none: every action the caller may see). */
export const listActionsQuerySchema = z.object({
  divisionId: z.coerce.number().pipe(id).optional(),
  specialtyId: z.coerce.number().pipe(id).optional(),
  consultantId: z.coerce.number().pipe(id).optional(),
  status: z.enum([...ACTION_STATUSES, 'active']).optional(),
});
export type ListActionsQuery = z.infer<typeof listActionsQuerySchema>;

export const listAnnotationsQuerySchema = z
  .object({
    consultantId: z.coerce.number().pipe(id),
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .refine((query) => !(query.from && query.to && query.from > query.to), {
    message: 'The period must end on or after its start',
  });
export type ListAnnotationsQuery = z.infer<typeof listAnnotationsQuerySchema>;

export const readMeetingQuerySchema = z.object({
  anonymise: z.enum(['true', 'false', '1', '0']).optional(),
  live: z.enum(['true', 'false', '1', '0']).optional(),
});

export const listMeetingsQuerySchema = z.object({
  level: z.enum(REVIEW_UNIT_LEVELS).optional(),
  unitId: z.coerce.number().pipe(id).optional(),
});

/** Query of the "for review" list: as of a date (default today), optionally one unit. */
export const forReviewQuerySchema = z.object({
  asOf: isoDate.optional(),
  specialtyId: z.coerce.number().pipe(id).optional(),
  divisionId: z.coerce.number().pipe(id).optional(),
});

export const escalatedActionsQuerySchema = z.object({ asOf: isoDate.optional() });

export const challengeQueueQuerySchema = z.object({
  status: z.enum(['open', 'accepted', 'explained']).default('open'),
});

/** Query strings say true as "true" or "1". */
export const isTrue = (value: string | undefined): boolean => value === 'true' || value === '1';

/** A what-if for one specialty over a period: moves of sessions between its consultants, new template outputs. */
export const whatIfRequestSchema = z
  .strictObject({
    specialtyId: id,
    period: z.strictObject({ from: isoDate, to: isoDate }),
    activity: z.enum(REVIEW_ACTIVITIES).default('all'),
    changes: z
      .array(
        z.discriminatedUnion('kind', [
          z.strictObject({
            kind: z.literal('move'),
            fromConsultantId: id,
            toConsultantId: id,
            sessionsPerWeek: z.number().positive().max(20),
          }),
          z.strictObject({
            kind: z.literal('output'),
            consultantId: id,
            casesPerSession: z.number().min(0).max(1000),
          }),
        ]),
      )
      .min(1)
      .max(50),
  })
  .refine((request) => request.period.from <= request.period.to, {
    message: 'The period must end on or after its start',
    path: ['period'],
  })
  // Output per session is a clinic's patients or a list's cases, never both: a new one needs one activity.
  .refine(
    (request) => request.activity !== 'all' || request.changes.every((change) => change.kind !== 'output'),
    {
      message: 'A new output per session needs one activity: set activity to "clinic" or "list"',
      path: ['activity'],
    },
  );
export type WhatIfRequest = z.infer<typeof whatIfRequestSchema>;
