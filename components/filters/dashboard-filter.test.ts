import { describe, expect, it } from 'vitest';
import { dashboardSearchParams, readDashboardFilter, searchParamsObject } from './dashboard-filter';

const divisions = [
  { id: 3, name: 'Medicine' },
  { id: 7, name: 'Surgery' },
];
const now = new Date('2026-11-26T12:00:00Z');

describe('readDashboardFilter', () => {
  it('keeps a division the caller may see', () => {
    const filter = readDashboardFilter({ division: '7', activity: 'clinic' }, '2026-10-31', divisions, now);
    expect(filter.divisionId).toBe(7);
    expect(filter.activity).toBe('clinic');
  });

  it('ignores a division the caller may not see, or one that is not a number', () => {
    expect(readDashboardFilter({ division: '9' }, '2026-10-31', divisions, now).divisionId).toBeNull();
    expect(readDashboardFilter({ division: 'SURG' }, '2026-10-31', divisions, now).divisionId).toBeNull();
    expect(readDashboardFilter({ division: ['7', '3'] }, '2026-10-31', divisions, now).divisionId).toBe(7);
    expect(readDashboardFilter({}, '2026-10-31', [], now).divisionId).toBeNull();
  });

  it('reads the baseline as 1 to 10 years earlier, anything else as a year earlier', () => {
    const baselineOf = (baseline: string | undefined) =>
      readDashboardFilter({ baseline }, '2026-10-31', divisions, now).baselineYears;
    expect(baselineOf('3')).toBe(3);
    expect(baselineOf('10')).toBe(10);
    expect(baselineOf(undefined)).toBe(1);
    for (const wrong of ['0', '11', '2.5', '-1', 'two', '']) expect(baselineOf(wrong)).toBe(1);
  });

  it('moves a baseline that would overlap a long period back as many years as the period lasts', () => {
    const twoYears = { period: 'custom', from: '2024-11-01', to: '2026-10-31' };
    expect(readDashboardFilter(twoYears, '2026-10-31', divisions, now).baselineYears).toBe(2);
    expect(
      readDashboardFilter({ ...twoYears, baseline: '1' }, '2026-10-31', divisions, now).baselineYears,
    ).toBe(2);
    expect(
      readDashboardFilter({ ...twoYears, baseline: '3' }, '2026-10-31', divisions, now).baselineYears,
    ).toBe(3);
  });

  it('opens on the caller’s one division when they see only one; division=all asks for the whole trust', () => {
    const surgery = [{ id: 7, name: 'Surgery' }];
    expect(readDashboardFilter({}, '2026-10-31', surgery, now).divisionId).toBe(7);
    expect(readDashboardFilter({ division: 'all' }, '2026-10-31', surgery, now).divisionId).toBeNull();
    expect(readDashboardFilter({ division: '3' }, '2026-10-31', surgery, now).divisionId).toBe(7);
    // Several divisions: the whole trust unless one is asked for.
    expect(readDashboardFilter({}, '2026-10-31', divisions, now).divisionId).toBeNull();
    expect(readDashboardFilter({ division: 'all' }, '2026-10-31', divisions, now).divisionId).toBeNull();
    // The URL leaves the default out, and says "all" only where the whole trust is not the default.
    const base = { preset: 'last-13-weeks', activity: 'all' } as const;
    expect(dashboardSearchParams({ ...base, divisionId: 7, defaultDivisionId: 7 }).toString()).toBe('');
    expect(dashboardSearchParams({ ...base, divisionId: null, defaultDivisionId: 7 }).toString()).toBe(
      'division=all',
    );
    expect(dashboardSearchParams({ ...base, divisionId: null, defaultDivisionId: null }).toString()).toBe('');
  });

  it('reads the period as the server does (presets end on the last covered date)', () => {
    const filter = readDashboardFilter(
      { period: 'custom', from: '2026-04-01', to: '2026-06-30' },
      '2026-10-31',
      divisions,
      now,
    );
    expect(filter.preset).toBe('custom');
    expect(filter.period).toEqual({ from: '2026-04-01', to: '2026-06-30' });
  });
});

describe('dashboardSearchParams', () => {
  it('writes the division beside the period and activity, and leaves defaults out', () => {
    expect(
      dashboardSearchParams({ preset: 'last-13-weeks', activity: 'all', divisionId: null }).toString(),
    ).toBe('');
    expect(
      dashboardSearchParams({ preset: 'last-4-weeks', activity: 'list', divisionId: 7 }).toString(),
    ).toBe('period=last-4-weeks&activity=list&division=7');
    expect(
      dashboardSearchParams({
        preset: 'last-13-weeks',
        activity: 'all',
        divisionId: null,
        baselineYears: 1,
      }).toString(),
    ).toBe('');
  });

  it('round-trips through the URL', () => {
    const params = dashboardSearchParams({
      preset: 'custom',
      period: { from: '2026-01-01', to: '2026-03-31' },
      activity: 'clinic',
      divisionId: 3,
      baselineYears: 2,
    });
    const filter = readDashboardFilter(searchParamsObject(params), '2026-10-31', divisions, now);
    expect(filter).toEqual({
      preset: 'custom',
      period: { from: '2026-01-01', to: '2026-03-31' },
      activity: 'clinic',
      divisionId: 3,
      baselineYears: 2,
    });
  });
});
