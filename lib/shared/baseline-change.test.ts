import { describe, expect, it } from 'vitest';
import { baselineChange } from './baseline-change';

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
