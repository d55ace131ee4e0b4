import { en, en_GB, Faker, generateMersenne53Randomizer } from '@faker-js/faker';
import { type ActivityContext, generateActivity } from './activity';
import { BANK_HOLIDAY_COVERAGE } from './bank-holidays';
import { calibrateOphthalmology } from './calibrate';
import { addMonths, type Day, formatIsoDate, parseIsoDate } from './dates';
import {
  assignPlanVersions,
  buildBasePattern,
  ClinicCodeAllocator,
  type PlanBuildContext,
  TheatreAllocator,
  toJobPlanRows,
} from './job-plans';
import { generateLeave, LeaveIndex, toLeaveRows } from './leave';
import { generateUnknownConsultantActivity } from './locums';
import { type ConsultantModel, fullName } from './model';
import { NHS_NAMES } from './names';
import {
  type DemoPatterns,
  ophthalmologyChangeDay,
  PatternAccumulator,
  selectPlantedRoles,
  summarisePatterns,
} from './patterns';
import { generateConsultants } from './people';
import { Rng } from './prng';
import { DEMO_ORGANISATION, DIVISIONS, getDivision, OPHTHALMOLOGY_CODE, SPECIALTIES } from './reference';
import type { ClinicSessionRow, ConsultantRow, JobPlanRow, LeaveRow, TheatreListRow } from './types';

export type { DemoPatterns } from './patterns';
export * from './types';

/**
 * The demo-trust generator: a fictional NHS trust's five extracts (consultants, job plans, clinic sessions,
 * theatre lists, leave) with planted patterns for the dashboards to find. Pure and deterministic: the same
 * options give the same rows, with no clock and no Math.random().
 */

export interface DemoTrustOptions {
  /** PRNG seed (an integer). Default 20260101. */
  seed?: number;
  /** Number of consultants (30–5000). Default 150. */
  consultants?: number;
  /** Months of activity ending at endDate (12–60). Default 24. */
  months?: number;
  /** Last day of activity, ISO date. Default '2026-10-31'. */
  endDate?: string;
}

export interface ResolvedDemoTrustOptions {
  seed: number;
  consultants: number;
  months: number;
  startDate: string;
  endDate: string;
}

export const DEMO_DEFAULTS = { seed: 20260101, consultants: 150, months: 24, endDate: '2026-10-31' } as const;

export interface DemoActivityChunk {
  clinicSessions: ClinicSessionRow[];
  theatreLists: TheatreListRow[];
  leave: LeaveRow[];
}

export interface DemoReference {
  organisation: { code: string; name: string };
  divisions: { code: string; name: string }[];
  specialties: { code: string; name: string; shortName: string; divisionCode: string }[];
}

/** The streaming form: reference rows up front, activity one consultant at a time. */
export interface DemoTrustStream extends DemoReference {
  options: ResolvedDemoTrustOptions;
  consultants: ConsultantRow[];
  jobPlans: JobPlanRow[];
  /** Yields each consultant's leave and activity, then the unknown-GMC activity. Can be iterated once. */
  chunks(): Generator<DemoActivityChunk>;
  /** The planted patterns; available once `chunks()` has been iterated to the end. */
  patterns(): DemoPatterns;
}

/** The whole trust in memory. */
export interface DemoTrust extends DemoReference {
  options: ResolvedDemoTrustOptions;
  consultants: ConsultantRow[];
  jobPlans: JobPlanRow[];
  clinicSessions: ClinicSessionRow[];
  theatreLists: TheatreListRow[];
  leave: LeaveRow[];
  patterns: DemoPatterns;
}

/** Validates options and fills in defaults; throws RangeError on bad input. */
export function resolveDemoTrustOptions(options: DemoTrustOptions = {}): ResolvedDemoTrustOptions {
  const seed = options.seed ?? DEMO_DEFAULTS.seed;
  const consultants = options.consultants ?? DEMO_DEFAULTS.consultants;
  const months = options.months ?? DEMO_DEFAULTS.months;
  const endDate = options.endDate ?? DEMO_DEFAULTS.endDate;
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  if (!Number.isInteger(consultants) || consultants < 30 || consultants > 5000) {
    throw new RangeError(`consultants must be an integer from 30 to 5000, got ${consultants}`);
  }
  if (!Number.isInteger(months) || months < 12 || months > 60) {
    throw new RangeError(`months must be an integer from 12 to 60, got ${months}`);
  }
  const endDay = parseIsoDate(endDate);
  const startDay = addMonths(endDay, -months) + 1;
  if (
    startDay < parseIsoDate(BANK_HOLIDAY_COVERAGE.from) ||
    endDay > parseIsoDate(BANK_HOLIDAY_COVERAGE.to)
  ) {
    throw new RangeError(
      `activity ${formatIsoDate(startDay)}..${endDate} is outside the bank holidays known (${BANK_HOLIDAY_COVERAGE.from}..${BANK_HOLIDAY_COVERAGE.to})`,
    );
  }
  return { seed, consultants, months, startDate: formatIsoDate(startDay), endDate };
}

function reference(): DemoReference {
  return {
    organisation: { ...DEMO_ORGANISATION },
    divisions: DIVISIONS.map((d) => ({ ...d })),
    specialties: SPECIALTIES.map((s) => ({
      code: s.code,
      name: s.name,
      shortName: s.shortName,
      divisionCode: s.divisionCode,
    })),
  };
}

function toConsultantRow(c: ConsultantModel): ConsultantRow {
  const division = getDivision(c.specialty.divisionCode);
  return {
    gmc_number: c.gmcNumber,
    name: fullName(c),
    specialty_code: c.specialty.code,
    specialty_name: c.specialty.name,
    division_code: division.code,
    division_name: division.name,
    contracted_pas: c.contractedPas,
    dcc_pas: c.dccPas,
    spa_pas: c.spaPas,
    email: c.email,
  };
}

/** Builds the trust (people and plans) and returns a stream of its activity. */
export function createDemoTrustStream(options: DemoTrustOptions = {}): DemoTrustStream {
  const resolved = resolveDemoTrustOptions(options);
  const startDay: Day = parseIsoDate(resolved.startDate);
  const endDay: Day = parseIsoDate(resolved.endDate);
  const root = new Rng(`fulfil-demo:${resolved.seed}`);

  // A seeded randomizer from the start: faker's default one would draw its initial seed from Math.random().
  const faker = new Faker({
    locale: [NHS_NAMES, en_GB, en],
    randomizer: generateMersenne53Randomizer(resolved.seed),
  });
  faker.seed(resolved.seed);
  const consultants = generateConsultants(resolved.consultants, root.fork('people'), faker);

  const planRng = root.fork('plans');
  const planContext: PlanBuildContext = {
    rng: planRng,
    startDay,
    endDay,
    theatres: new TheatreAllocator(),
    clinicCodes: new ClinicCodeAllocator(planRng),
  };
  const bases = consultants.map((c) => buildBasePattern(c, planContext));
  const roles = selectPlantedRoles(consultants, bases, root.fork('roles'), planContext.clinicCodes);
  consultants.forEach((c, i) => {
    const role = roles.roleOf(c);
    const base = bases[i];
    if (!base) return;
    if (role.isUnderDeliverer) c.additionalRate = 0;
    assignPlanVersions(c, base, roles.currencyOf(c), planContext, {
      protectedCode: role.driftClinicCode,
      moveOnly:
        c.specialty.code === OPHTHALMOLOGY_CODE ||
        role.isUnderDeliverer ||
        role.isOverDeliverer ||
        role.driftClinicCode !== null,
    });
  });

  const colleagues = new Map<string, ConsultantModel[]>();
  for (const c of consultants)
    colleagues.set(c.specialty.code, [...(colleagues.get(c.specialty.code) ?? []), c]);
  const changeDay = ophthalmologyChangeDay(endDay);
  const acc = new PatternAccumulator(startDay, endDay, changeDay);

  // Leave streams are forked by consultant, so generating a consultant's leave twice gives the same records.
  const leaveOf = (c: ConsultantModel) => {
    const role = roles.roleOf(c);
    return generateLeave(c, root.fork(`leave/${c.index}`), {
      startDay,
      endDay,
      shortNoticeShare: role.isUnderDeliverer ? 0.35 : 0.08,
      plantShortNoticeOn: role.isUnderDeliverer ? clinicalWeekdays(c) : null,
      plantOverlap: role.hasOverlappingLeave,
    });
  };
  const calibration = calibrateOphthalmology(
    consultants
      .filter((c) => c.specialty.code === OPHTHALMOLOGY_CODE)
      .map((c) => ({ consultant: c, leave: new LeaveIndex(leaveOf(c)) })),
    acc.baseline,
    acc.after,
    startDay,
    endDay,
  );
  const activityContext: ActivityContext = {
    startDay,
    endDay,
    changeDay,
    ophthalmologyAfterRates: calibration.afterRates,
    colleagues,
    acc,
  };

  let started = false;
  let finished = false;
  function* chunks(): Generator<DemoActivityChunk> {
    if (started) throw new Error('chunks() can be iterated only once');
    started = true;
    for (const c of consultants) {
      const leaveRecords = leaveOf(c);
      acc.recordLeave(c, leaveRecords);
      const activity = generateActivity(
        c,
        roles.roleOf(c),
        new LeaveIndex(leaveRecords),
        root.fork(`activity/${c.index}`),
        activityContext,
      );
      yield { ...activity, leave: toLeaveRows(c, leaveRecords) };
    }
    const scale = Math.max(1, Math.round(consultants.length / 150));
    const unknown = generateUnknownConsultantActivity(
      SPECIALTIES,
      scale,
      root.fork('unknown-gmc'),
      activityContext,
    );
    yield { ...unknown, leave: [] };
    finished = true;
  }

  return {
    options: resolved,
    ...reference(),
    consultants: consultants.map(toConsultantRow),
    jobPlans: consultants.flatMap(toJobPlanRows),
    chunks,
    patterns: () => {
      if (!finished) throw new Error('patterns() is available once chunks() has been iterated to the end');
      return summarisePatterns({
        seed: resolved.seed,
        consultants,
        roles,
        acc,
        months: resolved.months,
        calibration,
      });
    },
  };
}

/** The weekdays of the consultant's clinics and lists (under-deliverers' short-notice leave lands on them). */
function clinicalWeekdays(c: ConsultantModel): number[] {
  const days = new Set<number>();
  for (const v of c.workedVersions) {
    for (const line of v.lines) {
      if (
        line.dayOfWeek !== null &&
        line.dayOfWeek <= 5 &&
        (line.activityType === 'outpatient_clinic' || line.activityType.endsWith('_list'))
      ) {
        days.add(line.dayOfWeek);
      }
    }
  }
  return [...days].sort();
}

/** Generates the whole demo trust in memory (deterministic for the given options). */
export function generateDemoTrust(options: DemoTrustOptions = {}): DemoTrust {
  const stream = createDemoTrustStream(options);
  const clinicSessions: ClinicSessionRow[] = [];
  const theatreLists: TheatreListRow[] = [];
  const leave: LeaveRow[] = [];
  for (const chunk of stream.chunks()) {
    for (const row of chunk.clinicSessions) clinicSessions.push(row);
    for (const row of chunk.theatreLists) theatreLists.push(row);
    for (const row of chunk.leave) leave.push(row);
  }
  return {
    options: stream.options,
    organisation: stream.organisation,
    divisions: stream.divisions,
    specialties: stream.specialties,
    consultants: stream.consultants,
    jobPlans: stream.jobPlans,
    clinicSessions,
    theatreLists,
    leave,
    patterns: stream.patterns(),
  };
}
