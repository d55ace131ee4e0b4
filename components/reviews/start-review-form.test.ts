import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { toApiError } from '@/lib/client/api-client';
import { AppError, describeError } from '@/lib/server/api/errors';
import { readJsonBody } from '@/lib/server/api/read-json-body';
import { startMeetingRequestSchema } from '@/lib/shared/schemas/reviews';
import { describeRefusal, OpenMeetingWarning, requestMeetingStart } from './start-review-form';

/** What the start route answers for `body`, read back as the form reads it (through toApiError). */
async function refusalOf(body: unknown): Promise<string> {
  const request = new Request('http://localhost/api/reviews/start', {
    method: 'POST',
    body: JSON.stringify(body),
  });
  const error = await readJsonBody(request, startMeetingRequestSchema, {
    expected: '{ unit, period, activity? }',
    invalid: 'The meeting cannot be started',
  }).then(
    () => null,
    (caught: unknown) => caught,
  );
  const answer = describeError(error);
  return describeRefusal(
    await toApiError(new Response(JSON.stringify(answer.body), { status: answer.status })),
  );
}

describe('the start form’s refusals', () => {
  const unit = { level: 'specialty', id: 1 };

  it('say what is wrong in the form’s words, never the request’s internal paths', async () => {
    expect(await refusalOf({ unit, period: { from: '2026-03-31', to: '2026-01-01' } })).toBe(
      'The period must end on or after its start.',
    );
    const missing = await refusalOf({ unit, period: { from: '', to: '2026-01-01' } });
    expect(missing).toBe('From: Give a date (yyyy-mm-dd).');
    expect(missing).not.toMatch(/period/);
  });

  it('keep a message that names no field as the API wrote it', async () => {
    const response = new Response(
      JSON.stringify({
        error: {
          code: 'bad_request',
          message: 'The period starts after today: there are no numbers to review yet.',
        },
      }),
      { status: 400 },
    );
    expect(describeRefusal(await toApiError(response))).toBe(
      'The period starts after today: there are no numbers to review yet.',
    );
  });
});

describe('starting a meeting when one is already open', () => {
  const body = {
    unit: { level: 'specialty', id: 1 },
    period: { from: '2026-01-01', to: '2026-03-31' },
    activity: 'all' as const,
  };
  const open = { meetingId: 12, href: '/reviews/12', startedAt: '2026-04-02T09:15:00.000Z' };
  /** Answers the start request as the route does for `error` (an AppError), or 201 with the meeting. */
  const answering = (error: AppError | null) => {
    const send = vi.fn(async (_path: string, _init: RequestInit) => {
      if (!error) return new Response(JSON.stringify({ id: 34 }), { status: 201 });
      const answer = describeError(error);
      return new Response(JSON.stringify(answer.body), { status: answer.status });
    });
    vi.stubGlobal('fetch', send);
    return send;
  };
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('reads the 409 `meeting_open` as the meeting to open, and a new meeting as its id', async () => {
    const conflict = AppError.conflict('Ophthalmology already has an open review meeting…', {
      code: 'meeting_open',
      details: open,
    });
    answering(conflict);
    expect(await requestMeetingStart(body)).toEqual({ kind: 'open', meeting: open });
    const send = answering(null);
    expect(await requestMeetingStart(body)).toEqual({ kind: 'started', meetingId: 34 });
    // The app's own route, with the session cookie (same origin) and the form's choices as JSON.
    expect(send).toHaveBeenCalledWith(
      '/api/reviews/start',
      expect.objectContaining({ method: 'POST', credentials: 'same-origin', body: JSON.stringify(body) }),
    );
  });

  it('still reports any other refusal, a plain 409 included, in the API’s words', async () => {
    answering(AppError.conflict('Something else is in the way.'));
    await expect(requestMeetingStart(body)).rejects.toMatchObject({
      status: 409,
      message: 'Something else is in the way.',
    });
    answering(AppError.notFound('No specialty 1.'));
    await expect(requestMeetingStart(body)).rejects.toMatchObject({ status: 404 });
  });

  it('warns with a link to the open meeting and a button to start another anyway', () => {
    const html = renderToStaticMarkup(
      createElement(OpenMeetingWarning, {
        unitName: 'Ophthalmology',
        body,
        meeting: open,
        isStarting: false,
        onStartAnother: () => {},
      }),
    );
    expect(html).toContain('Warning: </span>A meeting of Ophthalmology for this period is already open');
    expect(html).toMatch(/<a [^>]*href="\/reviews\/12"[^>]*>Open the existing meeting<\/a>/);
    expect(html).toMatch(/<button [^>]*>Start another anyway<\/button>/);
    // When it was started, in UK time (10:15 BST), and what it reviews.
    expect(html).toContain('01/01/2026 to 31/03/2026 (clinics and lists) and was started 02/04/2026, 10:15');
  });
});
