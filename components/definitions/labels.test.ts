import { describe, expect, it } from 'vitest';
import { METRICS } from '@/lib/shared/metrics';
import { describeDirection, formatMetricValue, formatPercent, METRIC_GROUPS } from './labels';

describe('definition labels', () => {
  it('gives every metric group of the registry a heading, once', () => {
    const groups = METRIC_GROUPS.map((entry) => entry.group);
    expect(new Set(groups).size).toBe(groups.length);
    for (const metric of METRICS) expect(groups).toContain(metric.group);
  });

  it('says which way is better in words', () => {
    expect(describeDirection('increase')).toBe('Higher is better');
    expect(describeDirection('decrease')).toBe('Lower is better');
    expect(describeDirection('neutral')).toMatch(/neither/i);
  });

  it('shows ratios as percentages and other values with their unit', () => {
    expect(formatPercent(0.95)).toBe('95%');
    expect(formatPercent(1.1)).toBe('110%');
    expect(formatPercent(0.8725)).toBe('87.3%');
    expect(formatMetricValue(0.85, 'ratio')).toBe('85%');
    expect(formatMetricValue(10, 'patientsPerSession')).toBe('10 per session');
    expect(formatMetricValue(1, 'sessions')).toBe('1 session');
  });
});
