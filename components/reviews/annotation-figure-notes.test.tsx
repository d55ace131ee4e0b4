import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MetricTiles } from '@/components/consultant/metric-tiles';
import { TrendPanel } from '@/components/consultant/trend-panel';
import type { SessionMetrics } from '@/lib/server/metrics/derive';
import { FigureNotes } from './annotation-figure-notes';

const note = (id: number, text: string, point: { metricId?: string; weekStart?: string }) => ({
  id,
  sessionDate: null,
  sessionPeriod: null,
  weekStart: point.weekStart ?? null,
  metricId: point.metricId ?? null,
  text,
  author: { name: 'Dr Ada Able' },
});

const METRICS = {
  expectedNet: 40,
  delivered: 30,
  additional: 2,
  fulfilmentNet: 0.75,
  fulfilmentGross: 0.7,
  lostSessions: 4,
  casesPerSession: 9.5,
  patients: 304,
  heldSessions: 32,
  patientsPerWeek: 23.4,
} as unknown as SessionMetrics;

/** The markup of one tile, from its metric to the next tile. */
const tileOf = (html: string, metricId: string) =>
  html.split('data-metric="').find((part) => part.startsWith(`${metricId}"`)) ?? '';

describe('notes about a figure, beside the figure', () => {
  it('lists each note in words, under a named list, and nothing when there are none', () => {
    expect(renderToStaticMarkup(createElement(FigureNotes, { notes: [], figure: 'Lost sessions' }))).toBe('');
    const html = renderToStaticMarkup(
      createElement(FigureNotes, {
        notes: [note(1, 'Two lists lost to the refurbishment.', {}), note(2, 'Ward closed in March.', {})],
        figure: 'Lost sessions',
      }),
    );
    expect(html).toContain('2 notes');
    expect(html).toContain('aria-label="Notes about Lost sessions"');
    expect(html).toContain('Two lists lost to the refurbishment.');
    expect(html).toContain('Ward closed in March.');
    expect(html).toContain('(Dr Ada Able)');
  });

  it('puts a note on the tile of its figure only, and leaves dated notes to the charts', () => {
    const html = renderToStaticMarkup(
      createElement(MetricTiles, {
        metrics: { ...METRICS, perSessionByCategory: {} },
        periodLabel: '01/01/2026 to 31/03/2026, all clinics and lists',
        notes: [
          note(1, 'Covering the ward for a colleague.', { metricId: 'fulfilmentNet' }),
          note(2, 'Only that week.', { metricId: 'lostSessions', weekStart: '2026-03-02' }),
        ],
      }),
    );
    const net = tileOf(html, 'fulfilmentNet');
    expect(net).toContain('Covering the ward for a colleague.');
    expect(net).toContain('aria-label="Notes about Session fulfilment (net)"');
    expect(html.match(/Covering the ward for a colleague\./g)).toHaveLength(1);
    expect(tileOf(html, 'fulfilmentGross')).not.toContain('Note');
    expect(html).not.toContain('Only that week.');
  });

  it('lists the notes about a trend chart’s figure under it', () => {
    const html = renderToStaticMarkup(
      createElement(TrendPanel, {
        title: 'Patients or cases',
        metricId: 'patientsPerWeek',
        weekly: [],
        value: () => 0,
        exportName: 'patients',
        annotations: [
          note(1, 'Complex cases this quarter.', { metricId: 'patientsPerWeek' }),
          note(2, 'About fulfilment.', { metricId: 'fulfilmentNet' }),
        ],
      }),
    );
    expect(html).toContain('Complex cases this quarter.');
    expect(html).toContain('aria-label="Notes about Patients or cases per week"');
    expect(html).not.toContain('About fulfilment.');
  });
});
