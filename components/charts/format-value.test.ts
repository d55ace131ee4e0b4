import { describe, expect, it } from 'vitest';
import { formatChange } from './format-value';

describe('formatChange', () => {
  it('always shows the sign of a change, to one decimal place', () => {
    expect(formatChange(0.182)).toBe('+18.2%');
    expect(formatChange(0)).toBe('+0.0%');
    expect(formatChange(-0.04)).toBe('-4.0%');
    expect(formatChange(null)).toBe('–');
  });
});
