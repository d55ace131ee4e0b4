import { describe, expect, it } from 'vitest';
import { wholeMonthsOf, wholeWeeksOf } from './ledger-sums';
import { daysInclusive, intersectPeriods, periodSchema } from './period';
import { bucketsOf } from './series';
import { lastCompleteMonths } from './workload-balance';

describe('periods', () => {
  it('counts days inclusively and intersects ranges', () => {
    expect(daysInclusive('2026-01-01', '2026-12-31')).toBe(365);
    expect(daysInclusive('2026-01-02', '2026-01-01')).toBe(0);
    expect(
      intersectPeriods({ from: '2026-01-01', to: '2026-03-31' }, { from: '2026-03-01', to: '2026-06-30' }),
    ).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    expect(
      intersectPeriods({ from: '2026-01-01', to: '2026-01-31' }, { from: '2026-02-01', to: '2026-02-28' }),
    ).toBeNull();
  });

  it('rejects a period that ends before it starts, and dates that are not ISO', () => {
    expect(periodSchema.safeParse({ from: '2026-02-01', to: '2026-01-01' }).success).toBe(false);
    expect(periodSchema.safeParse({ from: '01/02/2026', to: '2026-03-01' }).success).toBe(false);
    expect(periodSchema.safeParse({ from: '2026-02-30', to: '2026-03-01' }).success).toBe(false);
  });
});

describe('bucketsOf', () => {
  it('splits a period into Monday–Sunday weeks clipped to it', () => {
    // 2026-11-04 is a Wednesday; 2026-11-16 a Monday.
    expect(bucketsOf({ from: '2026-11-04', to: '2026-11-16' }, 'week')).toEqual([
      { start: '2026-11-02', from: '2026-11-04', to: '2026-11-08' },
      { start: '2026-11-09', from: '2026-11-09', to: '2026-11-15' },
      { start: '2026-11-16', from: '2026-11-16', to: '2026-11-16' },
    ]);
  });

  it('splits a period into calendar months across a year end', () => {
    expect(bucketsOf({ from: '2025-12-15', to: '2026-02-10' }, 'month')).toEqual([
      { start: '2025-12-01', from: '2025-12-15', to: '2025-12-31' },
      { start: '2026-01-01', from: '2026-01-01', to: '2026-01-31' },
      { start: '2026-02-01', from: '2026-02-01', to: '2026-02-10' },
    ]);
  });
});

describe('lastCompleteMonths', () => {
  it('counts the month of the date only when the date is its last day', () => {
    expect(lastCompleteMonths('2026-10-31', 3)).toEqual({ from: '2026-08-01', to: '2026-10-31' });
    expect(lastCompleteMonths('2026-10-30', 3)).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(lastCompleteMonths('2026-02-15', 3)).toEqual({ from: '2025-11-01', to: '2026-01-31' });
    expect(lastCompleteMonths('2024-02-29', 1)).toEqual({ from: '2024-02-01', to: '2024-02-29' });
  });
});

describe('wholeMonthsOf', () => {
  it('finds the whole calendar months inside a period (read from the monthly rollup)', () => {
    expect(wholeMonthsOf({ from: '2025-11-01', to: '2026-10-31' })).toEqual({
      from: '2025-11-01',
      to: '2026-10-31',
    });
    expect(wholeMonthsOf({ from: '2025-11-15', to: '2026-02-10' })).toEqual({
      from: '2025-12-01',
      to: '2026-01-31',
    });
    expect(wholeMonthsOf({ from: '2025-12-15', to: '2026-01-10' })).toBeNull();
    expect(wholeMonthsOf({ from: '2024-02-01', to: '2024-02-29' })).toEqual({
      from: '2024-02-01',
      to: '2024-02-29',
    });
  });
});

describe('wholeWeeksOf', () => {
  it('finds the whole Monday–Sunday weeks inside a period (read from the weekly rollup)', () => {
    // 2026-11-04 is a Wednesday, 2026-11-16 a Monday, 2026-11-22 a Sunday.
    expect(wholeWeeksOf({ from: '2026-11-04', to: '2026-11-16' })).toEqual({
      from: '2026-11-09',
      to: '2026-11-15',
    });
    expect(wholeWeeksOf({ from: '2026-11-16', to: '2026-11-22' })).toEqual({
      from: '2026-11-16',
      to: '2026-11-22',
    });
    expect(wholeWeeksOf({ from: '2026-11-04', to: '2026-11-14' })).toBeNull();
    // Before 1970 too (negative day numbers): 1969-12-29 was a Monday.
    expect(wholeWeeksOf({ from: '1969-12-24', to: '1970-01-06' })).toEqual({
      from: '1969-12-29',
      to: '1970-01-04',
    });
  });
});
