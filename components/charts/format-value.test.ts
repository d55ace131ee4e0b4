import { describe, expect, it } from 'vitest';
import { formatChange, formatTick } from './format-value';

describe('formatChange', () => {
  it('always shows the sign of a change, to one decimal place', () => {
    expect(formatChange(0.182)).toBe('+18.2%');
    expect(formatChange(0)).toBe('+0.0%');
    expect(formatChange(-0.04)).toBe('-4.0%');
    expect(formatChange(null)).toBe('–');
  });
});

describe('formatTick', () => {
  it('drops a trailing .0 from a round tick, and nothing else', () => {
    expect(formatTick('70.0%')).toBe('70%');
    expect(formatTick('300.0')).toBe('300');
    expect(formatTick('72.5%')).toBe('72.5%');
    expect(formatTick('1,000')).toBe('1,000');
    expect(formatTick('10.05')).toBe('10.05');
  });
});
