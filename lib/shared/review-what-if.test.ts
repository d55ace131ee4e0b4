import { describe, expect, it } from 'vitest';
import { computeWhatIf, type WhatIfConsultant } from './review-what-if';

// Ten weeks: A has 20 expected sessions and delivers 10 (50%), 12 patients a session; B 20 of 20, 8 a session.
const A: WhatIfConsultant = {
  id: 1,
  name: 'A',
  expectedNet: 20,
  delivered: 10,
  additional: 0,
  heldSessions: 10,
  patients: 120,
};
const B: WhatIfConsultant = {
  id: 2,
  name: 'B',
  expectedNet: 20,
  delivered: 20,
  additional: 4,
  heldSessions: 24,
  patients: 192,
};
const options = { weeks: 10, thresholds: { over: 1.1, under: 0.8 } };

describe('computeWhatIf', () => {
  it('moves sessions from a consultant who delivers half to one who delivers all, with their own output', () => {
    const result = computeWhatIf(
      [A, B],
      [{ kind: 'move', fromConsultantId: 1, toConsultantId: 2, sessionsPerWeek: 1 }],
      options,
    );
    const [a, b] = result.consultants;
    // A gives 10 expected sessions, losing 5 delivered (60 patients); B gains 10 delivered at 8 a session (80).
    expect(a?.after).toMatchObject({ expectedNet: 10, delivered: 5, fulfilment: 0.5, patientsPerWeek: 6 });
    expect(b?.after).toMatchObject({ expectedNet: 30, delivered: 30, fulfilment: 1, patientsPerWeek: 27.2 });
    expect(result.unit.before.patientsPerWeek).toBeCloseTo(31.2);
    expect(result.unit.after.patientsPerWeek).toBeCloseTo(33.2);
    expect(result.unit.after.fulfilment).toBeCloseTo(35 / 40);
    // B's total delivery falls from 120% (over) to 34/30.
    expect(b?.before.flag).toBe('over');
    expect(b?.after.totalDelivery).toBeCloseTo(34 / 30);
    expect(a?.before.flag).toBe('under');
    expect(result.problems).toEqual([]);
  });

  it('applies a new template output to every held session, and reports changes it cannot make', () => {
    const result = computeWhatIf(
      [A, B],
      [
        { kind: 'output', consultantId: 1, casesPerSession: 14 },
        { kind: 'move', fromConsultantId: 2, toConsultantId: 1, sessionsPerWeek: 3 },
        { kind: 'output', consultantId: 9, casesPerSession: 10 },
      ],
      options,
    );
    expect(result.consultants[0]?.after.patientsPerWeek).toBe(14);
    expect(result.problems).toEqual([
      'B has 2.0 expected sessions a week in the period, fewer than the 3 a week to move (20.0 against 30.0 over the period’s 10.0 weeks).',
      'Consultant 9 is not in this unit.',
    ]);
  });
});
