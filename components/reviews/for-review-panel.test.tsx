import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ForReviewPanel } from './for-review-panel';

describe('the for-review panel', () => {
  it('shows each consultant for review and each suggested job-plan review with its evidence by month', () => {
    const html = renderToStaticMarkup(
      createElement(ForReviewPanel, {
        forReview: [
          {
            consultantId: 3,
            gmcNumber: '6100003',
            name: 'Dr 6100003',
            specialtyId: 1,
            divisionId: 1,
            rule: 'low_fulfilment',
            months: 3,
            month: '2026-03-01',
            evidence: [
              { month: '2026-01-01', fulfilmentNet: 0.25, totalDelivery: 0.25 },
              { month: '2026-02-01', fulfilmentNet: 0.25, totalDelivery: 0.25 },
              { month: '2026-03-01', fulfilmentNet: 0.2, totalDelivery: 0.2 },
            ],
          },
        ],
        suggestions: [
          {
            consultantId: 3,
            gmcNumber: '6100003',
            name: 'Dr 6100003',
            specialtyId: 1,
            jobPlanActivityId: 9,
            activityType: 'outpatient_clinic',
            dayOfWeek: 1,
            period: 'AM',
            expectedOutput: null,
            rule: 'sessions_under_half',
            months: 3,
            month: '2026-03-01',
            evidence: [{ month: '2026-03-01', planned: 5, onLeave: 1, delivered: 1, patientsPerSession: 10 }],
          },
        ],
      }),
    );
    expect(html).toContain('Fulfilment below the threshold for 3 months');
    expect(html).toContain('January 2026: 25.0% · 25.0%');
    expect(html).toContain('outpatient clinic, Monday AM: under half its sessions held for 3 months');
    expect(html).toContain('March 2026: 1 of 4, 10.0 a session');
  });
});
