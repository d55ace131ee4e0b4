import { describe, expect, it } from 'vitest';
import { overviewRequests } from '@/components/overview/overview-requests';
import { specialtyRequests } from '@/components/specialty/specialty-requests';
import {
  isSameRequest,
  jobPlanCurrencySearchParams,
  reportSearchParams,
  seriesSearchParams,
  summariseJobPlanCurrency,
  workloadBalanceSearchParams,
} from './metrics-requests';

const filter = {
  preset: 'custom' as const,
  period: { from: '2026-01-01', to: '2026-03-31' },
  activity: 'clinic' as const,
  baselineYears: 1,
};

describe('metrics request query strings', () => {
  it('match the routes’ parameter names', () => {
    expect(
      reportSearchParams({
        level: 'specialty',
        from: '2026-01-01',
        to: '2026-03-31',
        activity: 'all',
        within: { level: 'division', id: 4 },
      }).toString(),
    ).toBe('level=specialty&from=2026-01-01&to=2026-03-31&activity=all&within_level=division&within_id=4');
    expect(
      seriesSearchParams({
        level: 'trust',
        bucket: 'week',
        from: '2026-01-05',
        to: '2026-03-29',
        activity: 'list',
      }).toString(),
    ).toBe('level=trust&bucket=week&from=2026-01-05&to=2026-03-29&activity=list');
    expect(jobPlanCurrencySearchParams({ asOf: '2026-03-31' }).toString()).toBe('as_of=2026-03-31');
    expect(
      workloadBalanceSearchParams({
        from: '2026-01-01',
        to: '2026-03-31',
        activity: 'all',
        within: { level: 'specialty', id: 2 },
      }).toString(),
    ).toBe('from=2026-01-01&to=2026-03-31&activity=all&within_level=specialty&within_id=2');
  });
});

describe('overviewRequests', () => {
  it('asks for the trust, or for one division and its specialties', () => {
    const trust = overviewRequests({ ...filter, divisionId: null });
    expect(trust.headline).toEqual({
      level: 'trust',
      from: '2026-01-01',
      to: '2026-03-31',
      activity: 'clinic',
    });
    expect(trust.specialties.within).toBeUndefined();
    expect(trust.baseline).toMatchObject({ level: 'trust', from: '2025-01-01', to: '2025-03-31' });
    expect(trust.specialtiesBaseline).toEqual({
      level: 'specialty',
      from: '2025-01-01',
      to: '2025-03-31',
      activity: 'clinic',
    });
    // A baseline further back moves the trust's and the specialties' baselines alike.
    const earlier = overviewRequests({ ...filter, divisionId: 4, baselineYears: 3 });
    expect(earlier.baseline).toMatchObject({ level: 'division', from: '2023-01-01', to: '2023-03-31' });
    expect(earlier.specialtiesBaseline).toMatchObject({
      from: '2023-01-01',
      to: '2023-03-31',
      within: { level: 'division', id: 4 },
    });
    const division = overviewRequests({ ...filter, divisionId: 4 });
    expect(division.headline).toMatchObject({ level: 'division', within: { level: 'division', id: 4 } });
    expect(division.specialties.within).toEqual({ level: 'division', id: 4 });
    expect(division.weekly).toMatchObject({
      level: 'division',
      bucket: 'week',
      unit: { level: 'division', id: 4 },
    });
    expect(division.currency).toEqual({ asOf: '2026-03-31', within: { level: 'division', id: 4 } });
  });

  it('builds equal requests for equal filters (the server’s first paint seeds the client’s cache)', () => {
    const a = overviewRequests({ ...filter, divisionId: 4 });
    const b = overviewRequests({ ...filter, period: { ...filter.period }, divisionId: 4 });
    expect(isSameRequest(a.headline, b.headline)).toBe(true);
    expect(isSameRequest(a.headline, overviewRequests({ ...filter, divisionId: null }).headline)).toBe(false);
  });
});

describe('specialtyRequests', () => {
  it('narrows every request to the specialty, the SPC series to the year to the period’s end', () => {
    const requests = specialtyRequests(filter, 12);
    expect(requests.consultants).toMatchObject({
      level: 'consultant',
      within: { level: 'specialty', id: 12 },
    });
    expect(requests.weekly.to >= '2026-03-29').toBe(true);
    expect(requests.weekly.unit).toEqual({ level: 'specialty', id: 12 });
  });
});

describe('summariseJobPlanCurrency', () => {
  it('keeps the counts and share, and lists only those without a current plan, no plan in force first', () => {
    const consultant = (
      consultantId: number,
      name: string,
      status: 'current' | 'missing' | 'expired' | 'review_overdue',
    ) => ({
      consultantId,
      name,
      status,
      endedOn: status === 'expired' ? '2026-01-31' : null,
      jobPlanId: null,
    });
    const summary = summariseJobPlanCurrency({
      asOf: '2026-03-31',
      reviewMonths: 12,
      consultants: [
        consultant(1, 'Dr Ada Able', 'current'),
        consultant(2, 'Dr Ben Bell', 'review_overdue'),
        consultant(3, 'Dr Cal Cole', 'expired'),
        consultant(4, 'Dr Dee Dunn', 'missing'),
      ],
      counts: { current: 1, review_overdue: 1, draft_only: 0, expired: 1, missing: 1 },
      share: 1 / 4,
    });
    expect(summary).toEqual({
      asOf: '2026-03-31',
      reviewMonths: 12,
      consultantCount: 4,
      counts: { current: 1, review_overdue: 1, draft_only: 0, expired: 1, missing: 1 },
      share: 1 / 4,
      notCurrent: [
        { consultantId: 4, name: 'Dr Dee Dunn', status: 'missing', endedOn: null },
        { consultantId: 3, name: 'Dr Cal Cole', status: 'expired', endedOn: '2026-01-31' },
        { consultantId: 2, name: 'Dr Ben Bell', status: 'review_overdue', endedOn: null },
      ],
    });
    expect('consultants' in summary).toBe(false);
  });
});
