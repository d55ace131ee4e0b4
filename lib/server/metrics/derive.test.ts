import { describe, expect, it } from 'vitest';
import { deriveSessionMetrics, opportunityOf } from './derive';
import { emptySums, type LedgerSums } from './ledger-sums';

function sums(values: Partial<LedgerSums>): LedgerSums {
  return { ...emptySums(), ...values };
}

describe('deriveSessionMetrics', () => {
  // 20 planned: 14 delivered, 2 adequate-notice leave, 1 short notice, 1 sick, 1 cancelled, 1 not scheduled;
  // 3 unplanned held sessions, 1.5 of them credited to an annualised line expecting 1.5 in the period.
  const example = sums({
    planned: 20,
    deliveredSlots: 14,
    leaveAdequateNotice: 2,
    leaveShortNotice: 1,
    sickness: 1,
    hospitalCancelled: 1,
    notScheduled: 1,
    unmatchedHeld: 3,
    annualisedExpectation: 1.5,
    annualisedCredit: 1.5,
    expectedGrossSlots: 17.5,
    patients: 170,
    clinicPatients: 170,
    slots: 200,
    dna: 15,
    lateNotSeen: 5,
    heldPlannedMinutes: 17 * 240,
  });

  it('follows the metric dictionary', () => {
    const metrics = deriveSessionMetrics(example, { weeks: 4, dnaIncludesLateNotSeen: true });
    expect(metrics.delivered).toBe(15.5); // 14 + 1.5 credited
    expect(metrics.additional).toBe(1.5); // 3 − 1.5
    expect(metrics.expectedNet).toBe(17.5); // 20 − 2 − 1 − 1 + 1.5
    expect(metrics.fulfilmentNet).toBeCloseTo(15.5 / 17.5, 12);
    expect(metrics.fulfilmentGross).toBeCloseTo(15.5 / 17.5, 12);
    expect(metrics.totalDelivery).toBeCloseTo(17 / 17.5, 12);
    expect(metrics.lostSessions).toBe(2);
    expect(metrics.heldSessions).toBe(17);
    expect(metrics.casesPerSession).toBeCloseTo(10, 12);
    expect(metrics.casesPer4Hours).toBeCloseTo(10, 12);
    expect(metrics.patientsPerWeek).toBe(42.5);
    expect(metrics.slotUtilisation).toBe(0.85);
    expect(metrics.dnaRate).toBeCloseTo(20 / 190, 12); // (3 + 7) ÷ (5 + 6 + 7 + 3)
  });

  it('leaves code 7 out of the DNA numerator when the trust says so', () => {
    const metrics = deriveSessionMetrics(example, { weeks: 4, dnaIncludesLateNotSeen: false });
    expect(metrics.dnaRate).toBeCloseTo(15 / 190, 12);
  });

  it('gives null, not zero or infinity, for ratios with nothing under them', () => {
    const metrics = deriveSessionMetrics(emptySums(), { weeks: 0, dnaIncludesLateNotSeen: true });
    expect(metrics.fulfilmentNet).toBeNull();
    expect(metrics.casesPerSession).toBeNull();
    expect(metrics.patientsPerWeek).toBeNull();
    expect(metrics.theatreUtilisationCapped).toBeNull();
  });

  it('takes theatre utilisation and late starts as ratios of sums', () => {
    const metrics = deriveSessionMetrics(
      sums({
        touchMinutes: 500,
        touchMinutesCapped: 450,
        utilisationPlannedMinutes: 600,
        timedStarts: 4,
        lateStartMinutes: 70,
        lateStarts15: 2,
        lateStarts30: 1,
      }),
      { weeks: 1, dnaIncludesLateNotSeen: true },
    );
    expect(metrics.theatreUtilisationCapped).toBe(0.75);
    expect(metrics.theatreUtilisationUncapped).toBeCloseTo(500 / 600, 12);
    expect(metrics.lateStart15).toBe(0.5);
    expect(metrics.lateStart30).toBe(0.25);
    expect(metrics.lateStartMeanMinutes).toBe(17.5);
  });
});

describe('opportunityOf', () => {
  it('values the fulfilment shortfall at own patients per session and the productivity gap at the benchmark', () => {
    // expected net 20, delivered 15 → shortfall 0.95 × 20 − 15 = 4 sessions × 8 patients = 32 over 4 weeks = 8/week;
    // productivity: (10 − 8) × 15 held ÷ 4 weeks = 7.5/week.
    const opportunity = opportunityOf(sums({ planned: 20, deliveredSlots: 15, patients: 120 }), {
      weeks: 4,
      fulfilmentTarget: 0.95,
      benchmark: 10,
    });
    expect(opportunity.fulfilment).toBeCloseTo(8, 12);
    expect(opportunity.productivity).toBeCloseTo(7.5, 12);
  });

  it('is never negative, and values a consultant with no held sessions at the benchmark', () => {
    const above = opportunityOf(sums({ planned: 10, deliveredSlots: 10, patients: 150 }), {
      weeks: 2,
      fulfilmentTarget: 0.95,
      benchmark: 10,
    });
    expect(above).toEqual({ fulfilment: 0, productivity: 0 });
    const none = opportunityOf(sums({ planned: 4, notScheduled: 4 }), {
      weeks: 2,
      fulfilmentTarget: 0.95,
      benchmark: 10,
    });
    expect(none.fulfilment).toBeCloseTo((3.8 * 10) / 2, 12);
    expect(none.productivity).toBe(0);
  });

  it('has no productivity part without a benchmark', () => {
    const opportunity = opportunityOf(sums({ planned: 10, deliveredSlots: 5, patients: 20 }), {
      weeks: 1,
      fulfilmentTarget: 0.95,
      benchmark: null,
    });
    expect(opportunity.productivity).toBe(0);
    expect(opportunity.fulfilment).toBeCloseTo(4.5 * 4, 12);
  });
});
