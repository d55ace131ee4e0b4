import { describe, expect, it } from 'vitest';
import { formatCount, formatDate, formatDateTime, formatDaysAgo, formatNumber } from './format';

describe('formatNumber', () => {
  it('uses en-GB thousands separators', () => {
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatNumber(0)).toBe('0');
  });
});

describe('formatDate', () => {
  it('shows a calendar date as dd/mm/yyyy without shifting it', () => {
    expect(formatDate('2024-03-31')).toBe('31/03/2024');
    expect(formatDate('2024-01-01')).toBe('01/01/2024');
  });

  it('shows an instant on its Europe/London day', () => {
    // 23:30 UTC on 30 June is 00:30 BST on 1 July.
    expect(formatDate(new Date('2024-06-30T23:30:00Z'))).toBe('01/07/2024');
  });
});

describe('formatDateTime', () => {
  it('shows the Europe/London wall-clock time', () => {
    expect(formatDateTime('2024-06-30T23:30:00Z')).toBe('01/07/2024, 00:30');
    expect(formatDateTime('2024-12-01T09:05:00Z')).toBe('01/12/2024, 09:05');
  });
});

describe('formatDaysAgo', () => {
  it('counts London calendar days, not 24-hour spans', () => {
    const now = new Date('2026-07-10T09:00:00Z');
    expect(formatDaysAgo('2026-07-10T00:30:00Z', now)).toBe('today');
    // 23:30 UTC on the 9th is already the 10th in London (BST).
    expect(formatDaysAgo('2026-07-09T23:30:00Z', now)).toBe('today');
    expect(formatDaysAgo('2026-07-09T22:30:00Z', now)).toBe('yesterday');
    expect(formatDaysAgo('2026-06-30T12:00:00Z', now)).toBe('10 days ago');
  });
});

describe('formatCount', () => {
  it('puts the noun in the singular for one only, with the number formatted', () => {
    expect(formatCount(1, 'consultant')).toBe('1 consultant');
    expect(formatCount(0, 'consultant')).toBe('0 consultants');
    expect(formatCount(1200, 'consultant')).toBe('1,200 consultants');
    expect(formatCount(2, 'complete month', 'complete months in a row')).toBe('2 complete months in a row');
  });
});
