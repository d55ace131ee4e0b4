import type { LedgerSums } from './ledger-sums';

/** Session counts and ratios of one unit over one period, derived from its ledger sums. Ratios are null when
 * their denominator is zero. */
export interface SessionMetrics {
  plannedSessions: number;
  expectedNet: number;
  expectedGross: number;
  delivered: number;
  additional: number;
  fulfilmentNet: number | null;
  fulfilmentGross: number | null;
  totalDelivery: number | null;
  lost: {
    leaveAdequateNotice: number;
    leaveShortNotice: number;
    sickness: number;
    hospitalCancelled: number;
    notScheduled: number;
  };
  lostSessions: number;
  heldSessions: number;
  patients: number;
  patientsPerWeek: number | null;
  casesPerSession: number | null;
  casesPer4Hours: number | null;
  slotUtilisation: number | null;
  dnaRate: number | null;
  theatreUtilisationCapped: number | null;
  theatreUtilisationUncapped: number | null;
  lateStart15: number | null;
  lateStart30: number | null;
  lateStartMeanMinutes: number | null;
  earlyFinish15: number | null;
  earlyFinish30: number | null;
  earlyFinishMeanMinutes: number | null;
}

export interface DeriveOptions {
  /** Weeks the sums cover (covered days ÷ 7). */
  weeks: number;
  /** Whether "arrived late, not seen" (code 7) counts as a DNA in the numerator. */
  dnaIncludesLateNotSeen: boolean;
}

const ratio = (numerator: number, denominator: number) => (denominator > 0 ? numerator / denominator : null);

export function deliveredOf(sums: LedgerSums): number {
  return sums.deliveredSlots + sums.annualisedCredit;
}

export function expectedNetOf(sums: LedgerSums): number {
  return (
    sums.planned -
    sums.leaveAdequateNotice -
    sums.leaveShortNotice -
    sums.sickness +
    sums.annualisedExpectation
  );
}

export function heldOf(sums: LedgerSums): number {
  return sums.deliveredSlots + sums.unmatchedHeld;
}

export function deriveSessionMetrics(sums: LedgerSums, options: DeriveOptions): SessionMetrics {
  const delivered = deliveredOf(sums);
  const additional = sums.unmatchedHeld - sums.annualisedCredit;
  const expectedNet = expectedNetOf(sums);
  const held = heldOf(sums);
  const dnaNumerator = sums.dna + (options.dnaIncludesLateNotSeen ? sums.lateNotSeen : 0);
  return {
    plannedSessions: sums.planned,
    expectedNet,
    expectedGross: sums.expectedGrossSlots,
    delivered,
    additional,
    fulfilmentNet: ratio(delivered, expectedNet),
    fulfilmentGross: ratio(delivered, sums.expectedGrossSlots),
    totalDelivery: ratio(delivered + additional, expectedNet),
    lost: {
      leaveAdequateNotice: sums.leaveAdequateNotice,
      leaveShortNotice: sums.leaveShortNotice,
      sickness: sums.sickness,
      hospitalCancelled: sums.hospitalCancelled,
      notScheduled: sums.notScheduled,
    },
    lostSessions: sums.hospitalCancelled + sums.notScheduled,
    heldSessions: held,
    patients: sums.patients,
    patientsPerWeek: ratio(sums.patients, options.weeks),
    casesPerSession: ratio(sums.patients, held),
    casesPer4Hours: ratio(sums.patients * 240, sums.heldPlannedMinutes),
    slotUtilisation: ratio(sums.clinicPatients, sums.slots),
    dnaRate: ratio(dnaNumerator, sums.clinicPatients + sums.lateNotSeen + sums.dna),
    theatreUtilisationCapped: ratio(sums.touchMinutesCapped, sums.utilisationPlannedMinutes),
    theatreUtilisationUncapped: ratio(sums.touchMinutes, sums.utilisationPlannedMinutes),
    lateStart15: ratio(sums.lateStarts15, sums.timedStarts),
    lateStart30: ratio(sums.lateStarts30, sums.timedStarts),
    lateStartMeanMinutes: ratio(sums.lateStartMinutes, sums.timedStarts),
    earlyFinish15: ratio(sums.earlyFinishes15, sums.timedFinishes),
    earlyFinish30: ratio(sums.earlyFinishes30, sums.timedFinishes),
    earlyFinishMeanMinutes: ratio(sums.earlyFinishMinutes, sums.timedFinishes),
  };
}

export interface Opportunity {
  fulfilment: number;
  productivity: number;
}

/**
 * Opportunity in patients a week for one consultant and one category (PRODUCT.md): the fulfilment part values the
 * sessions short of target at the consultant's own patients per session (the benchmark if they held none); the
 * productivity part is the shortfall against the benchmark over the sessions they held.
 */
export function opportunityOf(
  sums: LedgerSums,
  options: { weeks: number; fulfilmentTarget: number; benchmark: number | null },
): Opportunity {
  if (options.weeks <= 0) return { fulfilment: 0, productivity: 0 };
  const held = heldOf(sums);
  const own = held > 0 ? sums.patients / held : options.benchmark;
  const shortfall = Math.max(0, options.fulfilmentTarget * expectedNetOf(sums) - deliveredOf(sums));
  const fulfilment = own === null ? 0 : (shortfall * own) / options.weeks;
  const productivity =
    options.benchmark === null || held === 0
      ? 0
      : (Math.max(0, options.benchmark - sums.patients / held) * held) / options.weeks;
  return { fulfilment, productivity };
}

/** One category's held sessions and patients (clinics) or cases (lists), and their ratio. */
export interface CategoryPerSession {
  heldSessions: number;
  patients: number;
  casesPerSession: number | null;
}

/**
 * Patients or cases per held session for each category summed: the registry defines the ratio within one
 * category, so comparisons (between units, or week by week) use these, not the mixed figure.
 */
export function perSessionByCategoryOf(
  sumsByCategory: Partial<Record<'clinic' | 'list', LedgerSums>>,
): Partial<Record<'clinic' | 'list', CategoryPerSession>> {
  return Object.fromEntries(
    Object.entries(sumsByCategory).map(([category, sums]) => {
      const heldSessions = heldOf(sums);
      const casesPerSession = heldSessions > 0 ? sums.patients / heldSessions : null;
      return [category, { heldSessions, patients: sums.patients, casesPerSession }];
    }),
  );
}
