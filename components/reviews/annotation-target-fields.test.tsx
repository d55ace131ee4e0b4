import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DataPointFields, mondayOf, readDataPoint } from './annotation-target-fields';

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};

describe('what a note or challenge is about', () => {
  it('reads a session picked from the list, or typed with its period', () => {
    expect(readDataPoint(form({ about: 'session', session: '2026-03-04|PM' }))).toEqual({
      point: { sessionDate: '2026-03-04', sessionPeriod: 'PM' },
    });
    expect(
      readDataPoint(
        form({ about: 'session', session: 'other', sessionDate: '2026-03-05', sessionPeriod: 'ALL' }),
      ),
    ).toEqual({ point: { sessionDate: '2026-03-05', sessionPeriod: 'ALL' } });
    expect(readDataPoint(form({ about: 'session', sessionDate: '' }))).toEqual({
      problem: 'Enter the date of the session.',
      field: 'sessionDate',
    });
  });

  it('reads a week as its Monday, and a figure by its metric id', () => {
    expect(readDataPoint(form({ about: 'week', weekStart: '2026-03-08' }))).toEqual({
      point: { weekStart: '2026-03-02' },
    });
    expect(mondayOf('2026-03-02')).toBe('2026-03-02');
    expect(readDataPoint(form({ about: 'metric', metricId: 'fulfilmentNet' }))).toEqual({
      point: { metricId: 'fulfilmentNet' },
    });
    expect(readDataPoint(form({ about: 'metric', metricId: '' }))).toMatchObject({ field: 'metricId' });
    expect(readDataPoint(form({ about: 'week', weekStart: '08/03/2026' }))).toMatchObject({
      field: 'weekStart',
    });
  });

  it('offers the listed sessions by name, each field labelled, the erroneous one marked invalid', () => {
    const html = renderToStaticMarkup(
      createElement(DataPointFields, {
        sessions: [{ date: '2026-03-04', period: 'AM', label: 'Wed 04/03/2026, AM: Not scheduled' }],
        metrics: [{ id: 'fulfilmentNet', label: 'Session fulfilment (net)' }],
        idPrefix: 'note',
        errors: { sessionDate: 'Date of the session: enter a date as dd/mm/yyyy' },
      }),
    );
    expect(html).toContain('<legend');
    expect(html).toContain('What is it about?');
    expect(html).toContain('value="2026-03-04|AM"');
    expect(html).toContain('Wed 04/03/2026, AM: Not scheduled');
    expect(html).toMatch(/<label[^>]*for="([^"]+)"[^>]*>Date of the session<\/label>/);
    const dateFor = html.match(/<label[^>]*for="([^"]+)"[^>]*>Date of the session/)?.[1] as string;
    expect(dateFor).toBe('note-session-date');
    expect(html).toMatch(
      /<input[^>]*id="note-session-date"[^>]*aria-invalid="true"[^>]*aria-describedby="note-session-date-error"/,
    );
    // The message stands beside its field, above the input, for everyone (not colour alone: "Error:").
    expect(html).toContain(
      '<p class="mb-2 font-bold text-nhs-red" id="note-session-date-error"><span class="sr-only">Error: </span>Date of the session: enter a date as dd/mm/yyyy</p>',
    );
    expect(html).not.toMatch(/id="note-session-period"[^>]*aria-invalid/);
  });
});
