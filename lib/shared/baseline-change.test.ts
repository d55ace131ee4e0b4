import { describe, expect, it } from 'vitest';
import { baselineChange, isWhollyCovered } from './baseline-change';

describe('baselineChange', () => {
  it('is the change against the baseline as a share of it', () => {
    expect(baselineChange(118, 100)).toBeCloseTo(0.18, 12);
    expect(baselineChange(96, 100)).toBeCloseTo(-0.04, 12);
    expect(baselineChange(0, 50)).toBe(-1);
  });

  it('has no value without both figures, or with no patients in the baseline', () => {
    expect(baselineChange(null, 100)).toBeNull();
    expect(baselineChange(100, null)).toBeNull();
    expect(baselineChange(100, 0)).toBeNull();
  });
});

describe('isWhollyCovered', () => {
  const period = { from: '2025-09-01', to: '2025-11-30' };
  it('compares a baseline only when the extracts cover all of it', () => {
    expect(isWhollyCovered({ period, coveredPeriod: period })).toBe(true);
    expect(isWhollyCovered({ period, coveredPeriod: { from: '2025-10-15', to: '2025-11-30' } })).toBe(false);
    expect(isWhollyCovered({ period, coveredPeriod: { from: '2025-09-01', to: '2025-11-29' } })).toBe(false);
    expect(isWhollyCovered({ period, coveredPeriod: null })).toBe(false);
  });
});
