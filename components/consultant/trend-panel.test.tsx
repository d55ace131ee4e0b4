import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { SeriesPoint } from '@/lib/server/metrics/series';
import { TrendPanel } from './trend-panel';

const week = (from: string, to: string, weeks: number, patients: number) =>
  ({ from, to, weeks, patients }) as unknown as SeriesPoint;

describe('the consultant trend chart', () => {
  it('charts whole weeks only: a weekend at the start and a part-week at the end are no points', () => {
    const html = renderToStaticMarkup(
      createElement(TrendPanel, {
        title: 'Patients or cases',
        metricId: 'patientsPerWeek',
        weekly: [
          week('2025-11-01', '2025-11-02', 2 / 7, 0),
          week('2025-11-03', '2025-11-09', 1, 40),
          week('2025-11-10', '2025-11-16', 1, 44),
          week('2025-11-17', '2025-11-23', 1, 42),
          week('2025-11-24', '2025-11-26', 3 / 7, 30),
        ],
        value: (point) => point.patients,
        exportName: 'patients',
      }),
    );
    // The mean of the whole weeks alone: (40 + 44 + 42) / 3 = 42. A zero weekend or 30 × 7/3 = 70 would move it.
    expect(html).toContain('Mean 42 a week');
    const table = html.slice(html.indexOf('<tbody>'));
    const weeksInTable = [...table.matchAll(/>(\d\d\/\d\d\/\d{4})<\/t[dh]>/g)].map((match) => match[1]);
    expect(weeksInTable).toEqual(['03/11/2025', '10/11/2025', '17/11/2025']);
  });

  it('recalculates the limits from the week asked for: a mean of its own from there', () => {
    const weekly = Array.from({ length: 8 }, (_, index) => {
      const from = new Date(Date.UTC(2026, 0, 5 + 7 * index)).toISOString().slice(0, 10);
      const to = new Date(Date.UTC(2026, 0, 11 + 7 * index)).toISOString().slice(0, 10);
      return week(from, to, 1, index < 4 ? 20 + (index % 2) : 40 + (index % 2));
    });
    const html = renderToStaticMarkup(
      createElement(TrendPanel, {
        title: 'Patients or cases',
        metricId: 'patientsPerWeek',
        weekly,
        value: (point) => point.patients,
        limitsFrom: '2026-02-02',
        exportName: 'patients',
      }),
    );
    expect(html).toContain('Limits recalculated from the week of 02/02/2026');
    const table = html.slice(html.indexOf('<tbody>'));
    const means = [
      ...table.matchAll(/<tr[^>]*>(?:<t[dh][^>]*>[^<]*<\/t[dh]>){2}<td[^>]*>([^<]*)<\/td>/g),
    ].map((match) => match[1]);
    expect(new Set(means)).toEqual(new Set(['20.5', '40.5']));
  });
});
