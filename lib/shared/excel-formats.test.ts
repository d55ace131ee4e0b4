import { describe, expect, it } from 'vitest';
import { columnFormat, unitFormat } from './excel-formats';

describe('Excel formats', () => {
  it('formats a downloaded column by its metric: percentages for ratios, rates to one decimal place', () => {
    expect(columnFormat('fulfilmentNet')).toBe('0.0%');
    expect(columnFormat('baselineChange')).toBe('0.0%');
    expect(columnFormat('casesPerSession')).toBe('0.0');
    expect(columnFormat('opportunityTotal')).toBe('0.0');
    // Sessions may have a fraction: shown as they are; text columns have no format.
    expect(columnFormat('lostSessions')).toBeNull();
    expect(columnFormat(null)).toBeNull();
    expect(columnFormat('not a metric')).toBeNull();
  });

  it('formats a single figure by its unit, sessions whole unless they have a fraction', () => {
    expect(unitFormat('ratio', 0.5)).toBe('0.0%');
    expect(unitFormat('sessions', 12)).toBe('0');
    expect(unitFormat('sessions', 12.5)).toBe('0.0');
  });
});
