import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { computeWhatIf } from '@/lib/shared/review-what-if';
import { checkDraftChanges, WhatIfPanel, WhatIfResultView } from './what-if-panel';

const CONSULTANTS = [
  {
    id: 1,
    name: 'Dr Ada Able',
    expectedNet: 100,
    delivered: 80,
    additional: 0,
    heldSessions: 80,
    patients: 800,
  },
  {
    id: 2,
    name: 'Dr Ben Baker',
    expectedNet: 100,
    delivered: 100,
    additional: 20,
    heldSessions: 120,
    patients: 960,
  },
  {
    id: 3,
    name: 'Dr Cat Cole',
    expectedNet: 100,
    delivered: 95,
    additional: 0,
    heldSessions: 95,
    patients: 950,
  },
];

describe('the what-if panel', () => {
  it('turns the typed changes into the request, and says what is wrong with each one that is not ready', () => {
    expect(
      checkDraftChanges(
        [
          { key: 1, kind: 'move', fromConsultantId: '2', toConsultantId: '1', sessionsPerWeek: '1.5' },
          { key: 2, kind: 'output', consultantId: '3', casesPerSession: '12' },
        ],
        'clinic',
      ),
    ).toEqual({
      changes: [
        { kind: 'move', fromConsultantId: 2, toConsultantId: 1, sessionsPerWeek: 1.5 },
        { kind: 'output', consultantId: 3, casesPerSession: 12 },
      ],
      errors: [],
    });
    expect(checkDraftChanges([], 'clinic').errors).toEqual([
      'Add a change to try: a move of sessions or a template change.',
    ]);
    const { changes, errors } = checkDraftChanges(
      [
        { key: 1, kind: 'move', fromConsultantId: '2', toConsultantId: '2', sessionsPerWeek: '1' },
        { key: 2, kind: 'move', fromConsultantId: '2', toConsultantId: '1', sessionsPerWeek: '0' },
        { key: 3, kind: 'output', consultantId: '3', casesPerSession: '12' },
      ],
      'all',
    );
    expect(changes).toEqual([]);
    expect(errors).toEqual([
      'Change 1: choose two different consultants.',
      'Change 2: give the sessions a week moved, a number more than 0 and at most 20.',
      'Change 3: a template change needs one activity; choose clinics or lists above.',
    ]);
  });

  it('shows the effect before and after, each number with its definition and period, and the assumptions', () => {
    const result = computeWhatIf(
      CONSULTANTS,
      [{ kind: 'move', fromConsultantId: 2, toConsultantId: 1, sessionsPerWeek: 1 }],
      { weeks: 10, thresholds: { over: 1.1, under: 0.8 } },
    );
    const html = renderToStaticMarkup(
      createElement(WhatIfResultView, {
        result: { ...result, weeks: 10 },
        specialtyName: 'Ophthalmology',
        period: { from: '2026-01-01', to: '2026-03-11' },
        activityLabel: 'Clinics',
      }),
    );
    expect(html).toContain('The effect on Ophthalmology');
    expect(html).toContain('01/01/2026 to 11/03/2026 (10 weeks)');
    // The unit: fulfilment 275 of 300 before; after, Ben gives 10 sessions (all delivered) and Ada delivers 8.
    expect(html).toContain('91.7%');
    expect(html).toContain('91.0%');
    expect(html).toContain('Delivered sessions ÷ expected sessions net of leave, over the period');
    expect(html).toContain('Patients seen (clinics) or cases done (lists) ÷ weeks in the period');
    // Ben over-delivered (120%) and is still flagged after giving a session a week (110 of 90 = 122%).
    expect(html).toContain('1 of 3 flagged');
    // Only the two consultants the move touches are listed.
    expect(html).toContain('Dr Ada Able');
    expect(html).toContain('Dr Ben Baker');
    expect(html).not.toContain('Dr Cat Cole');
    expect(html).toContain('Assumptions made');
    expect(html).toContain(result.assumptions[0]);
  });

  it('renders an accessible form: every field labelled, the specialty and its consultants offered', () => {
    const html = renderToStaticMarkup(
      createElement(
        QueryClientProvider,
        { client: new QueryClient() },
        createElement(WhatIfPanel, {
          specialties: [
            {
              id: 7,
              code: '130',
              name: 'Ophthalmology',
              consultants: CONSULTANTS.map(({ id, name }) => ({ id, name })),
            },
          ],
          period: { from: '2026-01-01', to: '2026-03-31' },
        }),
      ),
    );
    expect(html).toContain('Ophthalmology (specialty 130)');
    expect(html).toContain('Add a move of sessions');
    expect(html).toContain('Add a template change');
    expect(html).toContain('Show the effect');
    for (const label of ['Specialty', 'From', 'To', 'Activity']) {
      const match = html.match(new RegExp(`<label[^>]*for="([^"]+)"[^>]*>${label}</label>`));
      expect(match, label).not.toBeNull();
      expect(html).toContain(`id="${match?.[1]}"`);
    }
  });
});
