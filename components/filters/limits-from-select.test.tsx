import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { computeSpc } from '@/lib/shared/stats';
import { describeLimitsFrom, LimitsFromSelect, limitsFromChoices } from './limits-from-select';

const weeks = (count: number, level: (index: number) => number) =>
  Array.from({ length: count }, (_, index) => ({
    x: new Date(Date.UTC(2026, 0, 5 + 7 * index)).toISOString().slice(0, 10),
    y: level(index) + (index % 3),
  }));

describe('the caption of recalculated SPC limits', () => {
  it('says nothing without a recalculation', () => {
    expect(describeLimitsFrom(computeSpc(weeks(20, () => 10)), null)).toBe('');
  });

  it('names the week the limits were recalculated from', () => {
    const series = weeks(30, (index) => (index < 15 ? 10 : 14));
    const result = computeSpc(series, { rebaseAt: ['2026-04-20'] });
    expect(result.groups).toHaveLength(2);
    expect(describeLimitsFrom(result, '2026-04-20')).toBe(
      ' Limits recalculated from the week of 20/04/2026.',
    );
  });

  it('calls limits provisional when either side of the change has fewer than 13 weeks', () => {
    const series = weeks(20, (index) => (index < 15 ? 10 : 14));
    const result = computeSpc(series, { rebaseAt: ['2026-04-20'] });
    expect(describeLimitsFrom(result, '2026-04-20')).toBe(
      ' Limits recalculated from the week of 20/04/2026; with fewer than 13 weeks on one side of it, those limits are provisional.',
    );
  });
});

describe('the weeks limits can be recalculated from', () => {
  it('leaves at least two weeks on each side, so that both groups have limits', () => {
    const weeks = ['2026-01-05', '2026-01-12', '2026-01-19', '2026-01-26', '2026-02-02'];
    expect(limitsFromChoices(weeks)).toEqual(['2026-01-19', '2026-01-26']);
    expect(limitsFromChoices(weeks.slice(0, 3))).toEqual([]);
  });
});

describe('the week chooser', () => {
  it('offers the choices, names a week’s note (a new job plan) and is labelled with its hint', () => {
    const weeks = ['2026-01-05', '2026-01-12', '2026-01-19', '2026-01-26', '2026-02-02'];
    const html = renderToStaticMarkup(
      createElement(LimitsFromSelect, {
        weekStarts: weeks,
        value: '2026-01-26',
        weekNotes: { '2026-01-19': 'job plan JP-1 version 2 from 21/01/2026' },
      }),
    );
    const options = [...html.matchAll(/<option[^>]*>([^<]*)<\/option>/g)].map((match) => match[1]);
    expect(options).toEqual([
      'No change: one mean and limits for every week',
      'The week of 19/01/2026: job plan JP-1 version 2 from 21/01/2026',
      'The week of 26/01/2026',
    ]);
    expect(html).toMatch(/<option value="2026-01-26" selected="">/);
    expect(html).toMatch(/<label for="([^"]+)"[^>]*>Recalculate the limits from<\/label>/);
    expect(html).toMatch(/aria-describedby="[^"]+-hint"/);
  });

  it('is not offered for a chart too short to recalculate', () => {
    const html = renderToStaticMarkup(
      createElement(LimitsFromSelect, {
        weekStarts: ['2026-01-05', '2026-01-12', '2026-01-19'],
        value: null,
      }),
    );
    expect(html).toBe('');
  });
});
