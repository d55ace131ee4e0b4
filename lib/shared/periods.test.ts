import { describe, expect, it } from 'vitest';
import {
  baselineChoices,
  describeCoverage,
  describePeriod,
  describeWeeks,
  filterSearchParams,
  minBaselineYears,
  presetEndDate,
  presetPeriod,
  resolvePeriodFilter,
  todayInLondon,
  trendWindow,
  weeksEnding,
  wholeWeeksOnly,
  yearsEarlier,
} from './periods';

describe('presetPeriod', () => {
  it('counts 4 and 13 weeks back from the end date, inclusive', () => {
    expect(presetPeriod('last-4-weeks', '2024-06-30')).toEqual({ from: '2024-06-03', to: '2024-06-30' });
    expect(presetPeriod('last-13-weeks', '2024-06-30')).toEqual({ from: '2024-04-01', to: '2024-06-30' });
  });

  it('takes the last complete month, or the month of the end date when it is its last day', () => {
    expect(presetPeriod('last-month', '2024-06-15')).toEqual({ from: '2024-05-01', to: '2024-05-31' });
    expect(presetPeriod('last-month', '2024-06-30')).toEqual({ from: '2024-06-01', to: '2024-06-30' });
    expect(presetPeriod('last-month', '2024-01-10')).toEqual({ from: '2023-12-01', to: '2023-12-31' });
    expect(presetPeriod('last-month', '2024-03-01')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
  });

  it('takes the last complete quarter', () => {
    expect(presetPeriod('last-quarter', '2024-06-15')).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect(presetPeriod('last-quarter', '2024-06-30')).toEqual({ from: '2024-04-01', to: '2024-06-30' });
    expect(presetPeriod('last-quarter', '2024-02-10')).toEqual({ from: '2023-10-01', to: '2023-12-31' });
  });

  it('runs the financial year from 1 April', () => {
    expect(presetPeriod('financial-year', '2024-06-15')).toEqual({ from: '2024-04-01', to: '2024-06-15' });
    expect(presetPeriod('financial-year', '2024-03-31')).toEqual({ from: '2023-04-01', to: '2024-03-31' });
    expect(presetPeriod('financial-year', '2024-04-01')).toEqual({ from: '2024-04-01', to: '2024-04-01' });
  });
});

describe('dates in Europe/London', () => {
  it('is already tomorrow in London late in the UTC evening in summer', () => {
    expect(todayInLondon(new Date('2024-06-30T23:30:00Z'))).toBe('2024-07-01');
    expect(todayInLondon(new Date('2024-12-31T23:30:00Z'))).toBe('2024-12-31');
  });

  it('ends presets at the last covered date unless today is earlier', () => {
    const now = new Date('2024-07-10T12:00:00Z');
    expect(presetEndDate('2024-06-30', now)).toBe('2024-06-30');
    expect(presetEndDate('2024-08-30', now)).toBe('2024-07-10');
    expect(presetEndDate(null, now)).toBe('2024-07-10');
  });
});

describe('resolvePeriodFilter', () => {
  const now = new Date('2025-01-01T12:00:00Z');

  it('defaults to the last 13 weeks of all activity', () => {
    expect(resolvePeriodFilter({}, '2024-06-30', now)).toEqual({
      preset: 'last-13-weeks',
      period: { from: '2024-04-01', to: '2024-06-30' },
      activity: 'all',
    });
  });

  it('reads a preset and an activity', () => {
    expect(resolvePeriodFilter({ period: 'last-month', activity: 'list' }, '2024-06-15', now)).toEqual({
      preset: 'last-month',
      period: { from: '2024-05-01', to: '2024-05-31' },
      activity: 'list',
    });
  });

  it('reads custom dates and falls back on bad ones', () => {
    expect(
      resolvePeriodFilter({ period: 'custom', from: '2024-01-01', to: '2024-02-01' }, null, now).period,
    ).toEqual({
      from: '2024-01-01',
      to: '2024-02-01',
    });
    const bad = resolvePeriodFilter(
      { period: 'custom', from: '2024-02-30', to: '2024-01-01' },
      '2024-06-30',
      now,
    );
    expect(bad.preset).toBe('last-13-weeks');
    expect(resolvePeriodFilter({ period: 'nonsense', activity: 'x' }, '2024-06-30', now).activity).toBe(
      'all',
    );
  });

  it('round-trips through the URL', () => {
    const filter = {
      preset: 'custom' as const,
      period: { from: '2024-01-01', to: '2024-02-01' },
      activity: 'clinic' as const,
    };
    const params = Object.fromEntries(filterSearchParams(filter));
    expect(params).toEqual({ period: 'custom', from: '2024-01-01', to: '2024-02-01', activity: 'clinic' });
    expect(resolvePeriodFilter(params, null, now)).toEqual(filter);
    expect(filterSearchParams({ preset: 'last-13-weeks', activity: 'all' }).toString()).toBe('');
  });
});

describe('yearsEarlier, baselineChoices and describePeriod', () => {
  it('shifts a year back, clipping 29 February', () => {
    expect(yearsEarlier({ from: '2024-02-29', to: '2024-06-30' })).toEqual({
      from: '2023-02-28',
      to: '2023-06-30',
    });
  });

  it('shifts several years back, keeping 29 February in a leap year', () => {
    expect(yearsEarlier({ from: '2028-02-29', to: '2028-06-30' }, 4)).toEqual({
      from: '2024-02-29',
      to: '2024-06-30',
    });
    expect(yearsEarlier({ from: '2026-09-01', to: '2026-11-30' }, 7)).toEqual({
      from: '2019-09-01',
      to: '2019-11-30',
    });
  });

  it('offers baselines as far back as the extracts reach, and always a year earlier', () => {
    const period = { from: '2026-09-01', to: '2026-11-30' };
    expect(baselineChoices(period, '2024-09-01')).toEqual([1, 2]);
    expect(baselineChoices(period, '2024-09-02')).toEqual([1]);
    expect(baselineChoices(period, '2026-01-01')).toEqual([1]);
    expect(baselineChoices(period, null)).toEqual([1]);
    expect(baselineChoices(period, '1990-01-01')).toHaveLength(10);
  });

  it('never offers a baseline that overlaps the period: a long period looks back as many years as it lasts', () => {
    expect(minBaselineYears({ from: '2026-09-01', to: '2026-11-30' })).toBe(1);
    // A whole year ending the day before its baseline's start: a year earlier still does not overlap.
    expect(minBaselineYears({ from: '2025-11-01', to: '2026-10-31' })).toBe(1);
    expect(minBaselineYears({ from: '2024-11-01', to: '2026-10-31' })).toBe(2);
    expect(minBaselineYears({ from: '2024-11-01', to: '2026-11-01' })).toBe(3);
    expect(baselineChoices({ from: '2024-11-01', to: '2026-10-31' }, '2020-01-01')).toEqual([2, 3, 4]);
    expect(baselineChoices({ from: '2024-11-01', to: '2026-10-31' }, '2024-11-01')).toEqual([2]);
  });

  it('writes dates the UK way', () => {
    expect(describePeriod({ from: '2024-04-01', to: '2024-06-30' })).toBe('01/04/2024 to 30/06/2024');
  });
});

describe('weekly chart windows: whole weeks (Monday to Sunday) only', () => {
  it('is the last n whole weeks, Monday to Sunday, on or before the given day', () => {
    // Saturday 31/10/2026: its week is still running, so the last whole week ends on Sunday 25/10.
    expect(weeksEnding('2026-10-31', 52)).toEqual({ from: '2025-10-27', to: '2026-10-25' });
    expect(weeksEnding('2026-10-26', 2)).toEqual({ from: '2026-10-12', to: '2026-10-25' });
    // A Sunday closes its week.
    expect(weeksEnding('2026-11-01', 1)).toEqual({ from: '2026-10-26', to: '2026-11-01' });
  });

  it('gives every weekly SPC chart the 52 whole weeks to the period’s end, however short the period', () => {
    const lastFourWeeks = presetPeriod('last-4-weeks', '2026-11-27');
    expect(trendWindow(lastFourWeeks)).toEqual({ from: '2025-11-24', to: '2026-11-22' });
    expect(trendWindow({ to: '2026-11-22' })).toEqual({ from: '2025-11-24', to: '2026-11-22' });
  });

  it('leaves out the part-weeks of a series, at either end', () => {
    const week = (from: string, to: string, weeks: number) => ({ from, to, weeks });
    const series = [
      week('2025-11-01', '2025-11-02', 2 / 7),
      week('2025-11-03', '2025-11-09', 1),
      week('2025-11-10', '2025-11-16', 1),
      week('2025-11-17', '2025-11-22', 6 / 7),
    ];
    expect(wholeWeeksOnly(series).map((point) => point.from)).toEqual(['2025-11-03', '2025-11-10']);
    expect(wholeWeeksOnly(undefined)).toEqual([]);
    expect(describeWeeks(wholeWeeksOnly(series))).toBe('the 2 whole weeks from 03/11/2025 to 16/11/2025');
    expect(describeWeeks(wholeWeeksOnly(series).slice(0, 1))).toBe(
      'the whole week from 03/11/2025 to 09/11/2025',
    );
    expect(describeWeeks([])).toBe('no whole weeks');
  });
});

describe('describeCoverage', () => {
  const first = '2024-11-01';
  const last = '2026-10-31';
  it('says nothing where the extracts cover the whole period', () => {
    expect(describeCoverage({ from: '2026-08-01', to: '2026-10-31' }, first, last)).toBeNull();
    expect(describeCoverage({ from: '2026-08-01', to: '2026-10-31' }, null, null)).toBeNull();
  });

  it('says when a period has none of the extracts, and which dates they cover', () => {
    expect(describeCoverage({ from: '2020-01-01', to: '2020-03-31' }, first, last)).toBe(
      'The extracts cover 01/11/2024 to 31/10/2026: there is no activity in this period to show.',
    );
  });

  it('says which part of a period the figures are for when the extracts cover only part of it', () => {
    expect(describeCoverage({ from: '2024-10-01', to: '2024-12-31' }, first, last)).toBe(
      'The extracts cover only 01/11/2024 to 31/12/2024 of this period; the figures are for those dates.',
    );
    expect(describeCoverage({ from: '2026-10-01', to: '2026-11-30' }, first, last)).toBe(
      'The extracts cover only 01/10/2026 to 31/10/2026 of this period; the figures are for those dates.',
    );
  });
});
