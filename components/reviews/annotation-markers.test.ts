import { describe, expect, it } from 'vitest';
import { describeDataPoint, figureNotesOf, toChartAnnotations } from './annotation-markers';

const note = (text: string, point: { sessionDate?: string; weekStart?: string; metricId?: string }) => ({
  sessionDate: point.sessionDate ?? null,
  sessionPeriod: point.sessionDate ? 'AM' : null,
  weekStart: point.weekStart ?? null,
  metricId: point.metricId ?? null,
  text,
});

describe('notes on a weekly chart', () => {
  const weeks = ['2026-03-02', '2026-03-09', '2026-03-16'];

  it('marks each dated note at the week holding it, joining notes of one week', () => {
    expect(
      toChartAnnotations(
        [
          note('no beds', { sessionDate: '2026-03-04' }),
          note('covering the ward', { weekStart: '2026-03-02' }),
          note('last day', { sessionDate: '2026-03-22' }),
        ],
        weeks,
      ),
    ).toEqual([
      { x: '2026-03-02', text: 'no beds · covering the ward' },
      { x: '2026-03-16', text: 'last day' },
    ]);
  });

  it('leaves out notes about a figure and notes outside the chart’s weeks', () => {
    expect(
      toChartAnnotations(
        [
          note('complex cases', { metricId: 'casesPerSession' }),
          note('early', { sessionDate: '2026-02-27' }),
          // The part-week after the last whole week (Monday 16/03 to Sunday 22/03) is no week of the chart.
          note('late', { sessionDate: '2026-03-23' }),
        ],
        weeks,
      ),
    ).toEqual([]);
    expect(toChartAnnotations([note('x', { sessionDate: '2026-03-04' })], [])).toEqual([]);
  });

  it('says what a note is about in words, dates as dd/mm/yyyy', () => {
    const metrics = [{ id: 'casesPerSession', label: 'Cases per session' }];
    expect(describeDataPoint(note('', { sessionDate: '2026-03-04' }), metrics)).toBe(
      'Session Wed 04/03/2026, AM',
    );
    expect(describeDataPoint(note('', { weekStart: '2026-03-02' }), metrics)).toBe(
      'Week beginning 02/03/2026',
    );
    expect(describeDataPoint(note('', { metricId: 'casesPerSession' }), metrics)).toBe('Cases per session');
    expect(describeDataPoint(note('', {}), metrics)).toBe('General');
  });

  it('picks the notes about one figure: its metric, with no session or week', () => {
    const notes = [
      note('complex cases', { metricId: 'casesPerSession' }),
      note('covering the ward', { metricId: 'fulfilmentNet' }),
      note('that week only', { metricId: 'casesPerSession', weekStart: '2026-03-02' }),
      note('no beds', { sessionDate: '2026-03-04' }),
    ];
    expect(figureNotesOf(notes, 'casesPerSession').map((row) => row.text)).toEqual(['complex cases']);
    expect(figureNotesOf(notes, 'fulfilmentNet').map((row) => row.text)).toEqual(['covering the ward']);
    expect(figureNotesOf(notes, 'dnaRate')).toEqual([]);
  });
});
