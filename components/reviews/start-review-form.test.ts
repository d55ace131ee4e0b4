import { describe, expect, it } from 'vitest';
import { readJsonBody } from '@/app/api/admin/read-json-body';
import { toApiError } from '@/lib/client/api-client';
import { describeError } from '@/lib/server/api/errors';
import { startMeetingRequestSchema } from '@/lib/shared/schemas/reviews';
import { describeRefusal } from './start-review-form';

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
