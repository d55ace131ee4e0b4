import { describe, expect, it } from 'vitest';
import { consultantHref } from './consultant-href';
import { readViewFilters } from './view-filters';

describe('consultantHref', () => {
  it('opens the consultant over the period and activity on screen, as the page reads them', () => {
    const href = consultantHref(12, { period: { from: '2026-08-03', to: '2026-11-01' }, activity: 'list' });
    expect(href).toBe('/consultants/12?from=2026-08-03&to=2026-11-01&activity=list');
    const query = Object.fromEntries(new URL(href, 'http://fulfil.test').searchParams);
    const fallback = { from: '2025-11-01', to: '2026-10-31' };
    expect(readViewFilters(query, fallback)).toEqual({
      period: { from: '2026-08-03', to: '2026-11-01' },
      activity: 'list',
      problem: null,
    });
    expect(consultantHref(12, { period: { from: '2026-08-03', to: '2026-11-01' }, activity: 'all' })).toBe(
      '/consultants/12?from=2026-08-03&to=2026-11-01',
    );
    expect(consultantHref(12)).toBe('/consultants/12');
  });
});
