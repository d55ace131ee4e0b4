import type { OphthalmologyCalibration } from './calibrate';
import { addMonths, civilFromDay, type Day, dayFromCivil, formatIsoDate, mondayOf } from './dates';
import type { BasePattern, ClinicCodeAllocator } from './job-plans';
import { type ConsultantModel, categoryOf, fullName, type LeaveRecord, type PlanCurrency } from './model';
import type { Rng } from './prng';
import { CANCEL_REASONS, OPHTHALMOLOGY_CODE, SPECIALTIES, UNKNOWN_GMC_NUMBERS } from './reference';
import type { ClinicSessionRow, TheatreListRow } from './types';

/**
 * The planted patterns: who plays which part, the delivery rates that make each pattern, and an accumulator
 * that records what was actually generated, for patterns.json and the tests.
 */

export interface DeliveryRates {
  /** Planned session missing from the extracts altogether. */
  notScheduled: number;
  clinicCancelled: number;
  listCancelled: number;
  /** Session on leave (with adequate notice) held by a colleague instead. */
  backfill: number;
}

/** Delivery rates per planned session (after leave is taken into account). */
export const DELIVERY_RATES = {
  normal: { notScheduled: 0.02, clinicCancelled: 0.03, listCancelled: 0.045, backfill: 0.08 },
  underDeliverer: { notScheduled: 0.18, clinicCancelled: 0.08, listCancelled: 0.08, backfill: 0 },
  /** The surgical under-deliverer's lists: beds and staff. */
  underDelivererSurgicalLists: { listCancelled: 0.28 },
  ophthalmologyBefore: { notScheduled: 0.06, clinicCancelled: 0.06, listCancelled: 0.07, backfill: 0.08 },
  /** Share of leave-affected sessions that appear in the extract as cancelled (the rest are simply absent). */
  leaveCancelledRecord: 0.5,
} as const;

/** Mean cataract cases per list before and after the ophthalmology change date. */
export const CATARACT_CASES = { before: 7, after: 9 } as const;
/** Ophthalmology patients per week after the change date, relative to the baseline. */
export const OPHTHALMOLOGY_TARGET_RATIO = 1.18;
/** Over-deliverers' additional sessions as a share of their planned clinic and list sessions a week. */
export const OVER_DELIVERY_UPLIFT = 0.22;
/** Template drift: slots fall in equal steps from `from` to `to` over the period. */
export const TEMPLATE_DRIFT = { from: 12, to: 8 } as const;

export interface ConsultantRole {
  isUnderDeliverer: boolean;
  isSurgicalUnderDeliverer: boolean;
  isOverDeliverer: boolean;
  driftClinicCode: string | null;
  unlinkedClinicCode: string | null;
  hasOverlappingLeave: boolean;
}

const NO_ROLE: ConsultantRole = {
  isUnderDeliverer: false,
  isSurgicalUnderDeliverer: false,
  isOverDeliverer: false,
  driftClinicCode: null,
  unlinkedClinicCode: null,
  hasOverlappingLeave: false,
};

export interface PlantedRoles {
  roleOf(c: ConsultantModel): ConsultantRole;
  currencyOf(c: ConsultantModel): PlanCurrency;
}

function weeklyLines(base: BasePattern, category: 'clinic' | 'list') {
  return base.lines.filter(
    (l) => categoryOf(l.activityType) === category && l.cycleWeeks === 1 && l.dayOfWeek !== null,
  );
}

/** Chooses the consultants of each planted pattern (never ophthalmology, whose numbers carry pattern 4). */
export function selectPlantedRoles(
  consultants: readonly ConsultantModel[],
  bases: readonly BasePattern[],
  rng: Rng,
  clinicCodes: ClinicCodeAllocator,
): PlantedRoles {
  const roles = new Map<number, ConsultantRole>();
  const taken = new Set<number>();
  const baseOf = (c: ConsultantModel) => bases[c.index] as BasePattern;
  const free = (c: ConsultantModel) => !taken.has(c.index) && c.specialty.code !== OPHTHALMOLOGY_CODE;
  const assign = (c: ConsultantModel, role: Partial<ConsultantRole>) => {
    taken.add(c.index);
    roles.set(c.index, { ...(roles.get(c.index) ?? NO_ROLE), ...role });
  };
  const bySpecialty = (code: string) => consultants.filter((c) => c.specialty.code === code && free(c));

  // 1. Under-deliverers: one surgeon with theatre lists, and three physicians/paediatricians from two specialties.
  const surgical = rng.shuffle(
    consultants.filter(
      (c) =>
        free(c) && c.specialty.lists?.theatrePrefix === 'TH' && weeklyLines(baseOf(c), 'list').length > 0,
    ),
  );
  const surgeon = surgical[0];
  if (surgeon) assign(surgeon, { isUnderDeliverer: true, isSurgicalUnderDeliverer: true });
  const medicalCodes = rng.shuffle(
    SPECIALTIES.filter(
      (s) =>
        !s.isSurgical &&
        bySpecialty(s.code).filter((c) => weeklyLines(baseOf(c), 'clinic').length >= 2).length >= 2,
    ).map((s) => s.code),
  );
  [2, 1].forEach((n, i) => {
    const code = medicalCodes[i];
    if (!code) return;
    const pool = rng.shuffle(bySpecialty(code).filter((c) => weeklyLines(baseOf(c), 'clinic').length >= 2));
    for (const c of pool.slice(0, n)) assign(c, { isUnderDeliverer: true });
  });

  // 2. Over-deliverers: four consultants from three other specialties.
  const underCodes = new Set(
    consultants.filter((c) => roles.get(c.index)?.isUnderDeliverer).map((c) => c.specialty.code),
  );
  const overCodes = rng.shuffle(
    SPECIALTIES.filter(
      (s) => s.code !== OPHTHALMOLOGY_CODE && !underCodes.has(s.code) && bySpecialty(s.code).length >= 2,
    ).map((s) => s.code),
  );
  [2, 1, 1].forEach((n, i) => {
    const code = overCodes[i];
    if (!code) return;
    for (const c of rng.shuffle(bySpecialty(code)).slice(0, n)) assign(c, { isOverDeliverer: true });
  });

  // 3. Template drift: a weekly 12-slot clinic in three specialties whose clinics are that size.
  const driftCodes = rng.shuffle(
    SPECIALTIES.filter((s) => s.code !== OPHTHALMOLOGY_CODE && s.clinic.expected[1] >= 12).map((s) => s.code),
  );
  let drifted = 0;
  for (const code of driftCodes) {
    if (drifted >= 3) break;
    const c = rng.shuffle(bySpecialty(code).filter((x) => weeklyLines(baseOf(x), 'clinic').length > 0))[0];
    if (!c) continue;
    const line = rng.pick(weeklyLines(baseOf(c), 'clinic'));
    line.expectedOutput = TEMPLATE_DRIFT.from;
    assign(c, { driftClinicCode: line.linkedCode });
    drifted++;
  }

  // 5. Data quality: clinics under codes no job plan links to; overlapping leave records.
  const others = rng.shuffle(consultants.filter(free));
  for (const c of others.slice(0, 3)) assign(c, { unlinkedClinicCode: clinicCodes.unlinked(c.specialty) });
  for (const c of others.slice(3, 5)) assign(c, { hasOverlappingLeave: true });

  // 6. Job-plan currency: at least one of each; planted under/over/drift consultants keep a plan with history.
  const currency = new Map<number, PlanCurrency>();
  const mustKeepHistory = (c: ConsultantModel) => {
    const r = roles.get(c.index);
    return r !== undefined && (r.isUnderDeliverer || r.isOverDeliverer || r.driftClinicCode !== null);
  };
  const flexible = rng.shuffle(consultants.filter((c) => !mustKeepHistory(c)));
  const guaranteed: PlanCurrency[] = ['none', 'expired', 'draft_only', 'stale'];
  flexible.forEach((c, i) => {
    currency.set(
      c.index,
      guaranteed[i] ??
        rng.weighted<PlanCurrency>([
          ['history', 78],
          ['stale', 10],
          ['none', 4],
          ['expired', 4],
          ['draft_only', 4],
        ]),
    );
  });

  return {
    roleOf: (c) => roles.get(c.index) ?? NO_ROLE,
    currencyOf: (c) => currency.get(c.index) ?? 'history',
  };
}

/** The ophthalmology change date: the first Monday of the month seven months before the end date's month. */
export function ophthalmologyChangeDay(endDay: Day): Day {
  const { year, month } = civilFromDay(addMonths(endDay, -7));
  const first = dayFromCivil(year, month, 1);
  const monday = mondayOf(first);
  return monday < first ? monday + 7 : monday;
}

interface Window {
  from: Day;
  to: Day;
  patients: number;
  clinicAttendances: number;
  cataractCases: number;
  cataractLists: number;
  heldClinics: number;
}

function newWindow(from: Day, to: Day): Window {
  return { from, to, patients: 0, clinicAttendances: 0, cataractCases: 0, cataractLists: 0, heldClinics: 0 };
}

interface ConsultantTally {
  plannedClinicalSessions: number;
  deliveredPlanned: number;
  additionalFlagged: number;
  shortNoticeLeaveSessions: number;
  listsPlanned: number;
  listsHospitalCancelled: number;
  shortNoticeLeave: {
    startDate: string;
    endDate: string;
    requestedOn: string | null;
    noticeDays: number | null;
    leaveType: string;
  }[];
  unlinkedSessions: number;
  overlappingLeave: { startDate: string; endDate: string }[];
}

function newTally(): ConsultantTally {
  return {
    plannedClinicalSessions: 0,
    deliveredPlanned: 0,
    additionalFlagged: 0,
    shortNoticeLeaveSessions: 0,
    listsPlanned: 0,
    listsHospitalCancelled: 0,
    shortNoticeLeave: [],
    unlinkedSessions: 0,
    overlappingLeave: [],
  };
}

/** Collects what the planted patterns produced while the activity streams out. */
export class PatternAccumulator {
  readonly after: Window;
  readonly baseline: Window;
  readonly allBefore: Window;
  readonly baselineKind: 'same_weeks_previous_year' | 'all_weeks_before_change';
  readonly tallies = new Map<string, ConsultantTally>();
  readonly duplicateClinicSessionIds: string[] = [];
  readonly duplicateTheatreListIds: string[] = [];
  readonly missingTimestampListIds: string[] = [];
  readonly unknownGmc = { clinicSessions: 0, theatreLists: 0 };

  constructor(
    readonly startDay: Day,
    readonly endDay: Day,
    readonly changeDay: Day,
  ) {
    this.after = newWindow(changeDay, endDay);
    this.allBefore = newWindow(startDay, changeDay - 1);
    // Compare with the same 52 weeks earlier (seasonality cancels out) when the extract reaches back that far.
    if (changeDay - 364 >= startDay) {
      this.baseline = newWindow(changeDay - 364, endDay - 364);
      this.baselineKind = 'same_weeks_previous_year';
    } else {
      this.baseline = this.allBefore;
      this.baselineKind = 'all_weeks_before_change';
    }
  }

  tally(gmc: string): ConsultantTally {
    let t = this.tallies.get(gmc);
    if (!t) {
      t = newTally();
      this.tallies.set(gmc, t);
    }
    return t;
  }

  /** Ophthalmology patients: clinic attendances and cataract cases of held sessions (before duplication). */
  observe(
    clinics: readonly { day: Day; row: ClinicSessionRow }[],
    lists: readonly { day: Day; row: TheatreListRow }[],
  ) {
    const windows =
      this.baseline === this.allBefore
        ? [this.after, this.allBefore]
        : [this.after, this.baseline, this.allBefore];
    for (const { day, row } of clinics) {
      if (row.specialty_code !== OPHTHALMOLOGY_CODE || row.status !== 'held') continue;
      for (const w of windows) {
        if (day < w.from || day > w.to) continue;
        w.patients += row.attended;
        w.clinicAttendances += row.attended;
        w.heldClinics++;
      }
    }
    for (const { day, row } of lists) {
      if (row.specialty_code !== OPHTHALMOLOGY_CODE || row.status !== 'held') continue;
      for (const w of windows) {
        if (day < w.from || day > w.to) continue;
        w.patients += row.cases_done;
        w.cataractCases += row.cases_done;
        w.cataractLists++;
      }
    }
  }

  recordLeave(c: ConsultantModel, records: readonly LeaveRecord[]) {
    for (const r of records) {
      if (r.isPlantedShortNotice) {
        const asked = r.requestedOn ?? r.approvedOn;
        this.tally(c.gmcNumber).shortNoticeLeave.push({
          startDate: formatIsoDate(r.start),
          endDate: formatIsoDate(r.end),
          requestedOn: r.requestedOn === null ? null : formatIsoDate(r.requestedOn),
          noticeDays: asked === null ? null : r.start - asked,
          leaveType: r.type,
        });
      }
      if (r.isPlantedOverlap) {
        this.tally(c.gmcNumber).overlappingLeave.push({
          startDate: formatIsoDate(r.start),
          endDate: formatIsoDate(r.end),
        });
      }
    }
  }
}

function summariseWindow(w: Window) {
  const weeks = (w.to - w.from + 1) / 7;
  return {
    from: formatIsoDate(w.from),
    to: formatIsoDate(w.to),
    weeks: round(weeks, 2),
    clinicAttendances: w.clinicAttendances,
    cataractCases: w.cataractCases,
    heldClinics: w.heldClinics,
    cataractLists: w.cataractLists,
    patientsPerWeek: round(w.patients / weeks, 1),
    casesPerCataractList: w.cataractLists > 0 ? round(w.cataractCases / w.cataractLists, 2) : null,
  };
}

function round(x: number, places: number): number {
  const f = 10 ** places;
  return Math.round(x * f) / f;
}

export interface PatternInputs {
  calibration: OphthalmologyCalibration;
  seed: number;
  consultants: readonly ConsultantModel[];
  roles: PlantedRoles;
  acc: PatternAccumulator;
  months: number;
}

/** Builds the patterns.json object. */
export function summarisePatterns({ seed, consultants, roles, acc, months, calibration }: PatternInputs) {
  const person = (c: ConsultantModel) => ({
    gmcNumber: c.gmcNumber,
    name: fullName(c),
    specialtyCode: c.specialty.code,
    specialtyName: c.specialty.shortName,
  });
  const tallyOf = (c: ConsultantModel) => acc.tally(c.gmcNumber);
  const withRole = (pred: (r: ConsultantRole) => boolean) => consultants.filter((c) => pred(roles.roleOf(c)));
  const withCurrency = (v: PlanCurrency) => consultants.filter((c) => roles.currencyOf(c) === v);
  const ratio =
    acc.baseline.patients > 0
      ? acc.after.patients /
        (acc.after.to - acc.after.from + 1) /
        (acc.baseline.patients / (acc.baseline.to - acc.baseline.from + 1))
      : null;
  const ratioAll =
    acc.allBefore.patients > 0
      ? acc.after.patients /
        (acc.after.to - acc.after.from + 1) /
        (acc.allBefore.patients / (acc.allBefore.to - acc.allBefore.from + 1))
      : null;

  return {
    generator: {
      seed,
      consultants: consultants.length,
      months,
      startDate: formatIsoDate(acc.startDay),
      endDate: formatIsoDate(acc.endDay),
    },
    noticeThresholdDays: 42,
    underDeliverers: withRole((r) => r.isUnderDeliverer).map((c) => {
      const t = tallyOf(c);
      return {
        ...person(c),
        kind: roles.roleOf(c).isSurgicalUnderDeliverer
          ? 'short-notice leave and hospital-cancelled lists'
          : 'short-notice leave',
        plannedClinicAndListSessions: t.plannedClinicalSessions,
        deliveredPlannedSessions: t.deliveredPlanned,
        plannedSessionsLostToShortNoticeLeave: t.shortNoticeLeaveSessions,
        listsPlanned: t.listsPlanned,
        listsHospitalCancelled: t.listsHospitalCancelled,
        listCancelReasons: roles.roleOf(c).isSurgicalUnderDeliverer ? [...CANCEL_REASONS.listPressure] : [],
        shortNoticeLeave: t.shortNoticeLeave,
      };
    }),
    overDeliverers: withRole((r) => r.isOverDeliverer).map((c) => {
      const t = tallyOf(c);
      return {
        ...person(c),
        plannedClinicAndListSessions: t.plannedClinicalSessions,
        deliveredPlannedSessions: t.deliveredPlanned,
        additionalSessions: t.additionalFlagged,
        additionalShareOfDelivered:
          t.deliveredPlanned > 0 ? round(t.additionalFlagged / t.deliveredPlanned, 3) : null,
      };
    }),
    templateDrift: withRole((r) => r.driftClinicCode !== null).map((c) => ({
      ...person(c),
      clinicCode: roles.roleOf(c).driftClinicCode,
      jobPlanExpectedOutput: TEMPLATE_DRIFT.from,
      slotsAtStart: TEMPLATE_DRIFT.from,
      slotsAtEnd: TEMPLATE_DRIFT.to,
    })),
    ophthalmology: {
      specialtyCode: OPHTHALMOLOGY_CODE,
      changeDate: formatIsoDate(acc.changeDay),
      metric:
        'patients per week = (attended at held clinic sessions + cases done on held lists) of specialty 130, ÷ (days ÷ 7)',
      baselineKind: acc.baselineKind,
      baseline: summariseWindow(acc.baseline),
      after: summariseWindow(acc.after),
      ratio: ratio === null ? null : round(ratio, 3),
      allWeeksBeforeChange: summariseWindow(acc.allBefore),
      ratioVersusAllWeeksBefore: ratioAll === null ? null : round(ratioAll, 3),
      targetRatio: OPHTHALMOLOGY_TARGET_RATIO,
      mechanism: {
        before: {
          ...DELIVERY_RATES.ophthalmologyBefore,
          deliveredShareOfLeaveFreeClinics: calibration.deliveredShareBefore,
          cataractCasesPerList: CATARACT_CASES.before,
        },
        after: {
          ...calibration.afterRates,
          deliveredShareOfLeaveFreeClinics: calibration.deliveredShareAfter,
          cataractCasesPerList: CATARACT_CASES.after,
        },
        calibrationCapped: calibration.capped,
      },
    },
    dataQuality: {
      unknownGmcNumbers: [...UNKNOWN_GMC_NUMBERS],
      unknownGmcClinicSessions: acc.unknownGmc.clinicSessions,
      unknownGmcTheatreLists: acc.unknownGmc.theatreLists,
      duplicateClinicSessionIds: acc.duplicateClinicSessionIds,
      duplicateTheatreListIds: acc.duplicateTheatreListIds,
      missingTimestampListIds: acc.missingTimestampListIds,
      unlinkedClinicCodes: withRole((r) => r.unlinkedClinicCode !== null).map((c) => ({
        ...person(c),
        clinicCode: roles.roleOf(c).unlinkedClinicCode,
        sessions: tallyOf(c).unlinkedSessions,
      })),
      overlappingLeave: withRole((r) => r.hasOverlappingLeave).map((c) => ({
        ...person(c),
        records: tallyOf(c).overlappingLeave,
      })),
    },
    jobPlans: {
      noJobPlan: withCurrency('none').map(person),
      draftOnly: withCurrency('draft_only').map(person),
      expired: withCurrency('expired').map((c) => ({
        ...person(c),
        effectiveTo: formatIsoDate(c.exportedVersions[0]?.effectiveTo ?? acc.endDay),
      })),
      notReviewedIn12Months: withCurrency('stale').map(person),
      changedMidPeriod: consultants
        .filter((c) => c.planCurrency === 'history' && c.exportedVersions[1])
        .map((c) => ({
          gmcNumber: c.gmcNumber,
          changeDate: formatIsoDate(c.exportedVersions[1]?.effectiveFrom ?? acc.startDay),
          change: c.planChange,
        })),
    },
  };
}

export type DemoPatterns = ReturnType<typeof summarisePatterns>;
