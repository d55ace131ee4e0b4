import {
  type Day,
  formatIsoDate,
  formatTime,
  mondayOf,
  startOfMonth,
  WEEKDAY_NAMES,
  type Weekday,
} from './dates';
import {
  type ConsultantModel,
  categoryOf,
  type PlanCurrency,
  type PlanLine,
  type PlanVersion,
} from './model';
import type { Rng } from './prng';
import type { SpecialtyDef } from './reference';
import type { ActivityType, JobPlanRow, PlanPeriod } from './types';

/**
 * Job plans: a weekly pattern per consultant built to fit their DCC/SPA split, clinic codes and theatre slots
 * allocated without clashes, and the versions the job-plans extract shows (history, stale, expired, draft, none).
 */

const PERIOD_ORDER: Record<PlanPeriod, number> = { AM: 0, PM: 1, EVE: 2 };
const EXPECTED_WEEKS = 42;
const ON_CALL_EXPECTED_WEEKS = 52;
/** A whole number of weeks divisible by every cycle used (1, 2, 4, 6, 8): shifting a plan's start by it keeps its cycles. */
const CYCLE_SAFE_SHIFT_DAYS = 24 * 7;

type SlotMask = 1 | 2 | 3;
const BOTH: SlotMask = 3;

/** One consultant's weekday AM/PM/EVE grid; each slot has two fortnight halves (mask bit 1 = offset 0, bit 2 = offset 1). */
export class WeekGrid {
  private readonly taken = new Map<string, number>();

  isFree(day: Weekday, period: PlanPeriod, mask: SlotMask): boolean {
    return ((this.taken.get(`${day}${period}`) ?? 0) & mask) === 0;
  }

  take(day: Weekday, period: PlanPeriod, mask: SlotMask): void {
    const key = `${day}${period}`;
    this.taken.set(key, (this.taken.get(key) ?? 0) | mask);
  }

  release(day: Weekday, period: PlanPeriod, mask: SlotMask): void {
    const key = `${day}${period}`;
    this.taken.set(key, (this.taken.get(key) ?? 0) & ~mask);
  }

  freeSlots(periods: readonly PlanPeriod[], mask: SlotMask): { day: Weekday; period: PlanPeriod }[] {
    const slots: { day: Weekday; period: PlanPeriod }[] = [];
    for (let d = 1; d <= 5; d++) {
      for (const period of periods) {
        if (this.isFree(d as Weekday, period, mask)) slots.push({ day: d as Weekday, period });
      }
    }
    return slots;
  }
}

/** Shared theatres: a list takes its theatre for that weekday and period, for every consultant. */
export class TheatreAllocator {
  private readonly taken = new Set<string>();

  allocate(prefix: 'TH' | 'EYE' | 'ENDO', day: Weekday, periods: readonly PlanPeriod[]): string {
    for (let n = 1; ; n++) {
      const code = prefix === 'TH' ? `TH${n < 10 ? '0' : ''}${n}` : `${prefix}${n}`;
      if (periods.every((p) => !this.taken.has(`${code}|${day}|${p}`))) {
        for (const p of periods) this.taken.add(`${code}|${day}|${p}`);
        return code;
      }
    }
  }
}

/** Clinic codes: structured (GSU-C-MON-AM-01) or PAS-style (CL1234), unique across the trust. */
export class ClinicCodeAllocator {
  private readonly counters = new Map<string, number>();
  private readonly pasCodes = new Set<string>();

  constructor(private readonly rng: Rng) {}

  forSlot(specialty: SpecialtyDef, day: Weekday, period: PlanPeriod): string {
    if (specialty.clinic.codeStyle === 'pas') return this.pas();
    const dayName = WEEKDAY_NAMES[day - 1]?.toUpperCase() ?? 'MON';
    return this.numbered(`${specialty.abbrev}-C-${dayName}-${period}`);
  }

  forAnnualised(specialty: SpecialtyDef): string {
    if (specialty.clinic.codeStyle === 'pas') return this.pas();
    return this.numbered(`${specialty.abbrev}-C-ANN`);
  }

  /** A code the PAS uses that no job plan links to (data-quality pattern). */
  unlinked(specialty: SpecialtyDef): string {
    return this.numbered(`${specialty.abbrev}-C-TMP`);
  }

  private numbered(prefix: string): string {
    const n = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, n);
    return `${prefix}-${n < 10 ? '0' : ''}${n}`;
  }

  private pas(): string {
    let code: string;
    do code = `CL${this.rng.int(1000, 8999)}`;
    while (this.pasCodes.has(code));
    this.pasCodes.add(code);
    return code;
  }
}

export interface PlanBuildContext {
  rng: Rng;
  startDay: Day;
  endDay: Day;
  theatres: TheatreAllocator;
  clinicCodes: ClinicCodeAllocator;
}

export interface BasePattern {
  lines: PlanLine[];
  grid: WeekGrid;
}

/** Session times (minutes) by activity and period. */
function timesFor(type: ActivityType, period: PlanPeriod, paValue: number): [number, number] {
  if (period === 'EVE')
    return type === 'outpatient_clinic' ? [1050, 1230] : [1050, 1050 + Math.round(paValue * 180)];
  const am = period === 'AM';
  switch (type) {
    case 'outpatient_clinic':
      return am ? [540, 780] : [810, 1050];
    case 'theatre_list':
    case 'endoscopy_list':
      return am ? [510, 750] : [810, 1050];
    case 'ward_round':
      return am ? [480, 720] : [780, 1020];
    case 'mdt':
      return am ? [480, 600] : [780, 900];
    default: {
      const minutes = paValue >= 1 ? 240 : 120;
      return am ? [540, 540 + minutes] : [810, 810 + minutes];
    }
  }
}

function slotLine(
  type: ActivityType,
  specialtyCode: string,
  day: Weekday,
  period: PlanPeriod,
  paValue: number,
  extra: Partial<PlanLine> = {},
): PlanLine {
  const [startMinute, endMinute] = timesFor(type, period, paValue);
  return {
    activityType: type,
    specialtyCode,
    dayOfWeek: day,
    period,
    startMinute,
    endMinute,
    cycleWeeks: 1,
    cycleOffset: 0,
    annualSessions: null,
    paValue,
    expectedOutput: null,
    expectedWeeks: type === 'on_call' ? ON_CALL_EXPECTED_WEEKS : EXPECTED_WEEKS,
    linkedCode: null,
    allDayId: null,
    ...extra,
  };
}

function listActivity(specialty: SpecialtyDef): ActivityType {
  return specialty.lists?.type === 'endoscopy' ? 'endoscopy_list' : 'theatre_list';
}

/** Builds the consultant's weekly pattern (version 1 of their plan). */
export function buildBasePattern(c: ConsultantModel, ctx: PlanBuildContext): BasePattern {
  const { rng } = ctx;
  const s = c.specialty;
  const grid = new WeekGrid();
  const lines: PlanLine[] = [];

  const onCallPas = s.hasOnCall ? 1 : 0;
  const mdtPas = 0.5;
  let adminPas = rng.pick([0.5, 1]);
  let clinicalPas = c.dccPas - onCallPas - mdtPas - adminPas;
  if (clinicalPas > 7) {
    adminPas += clinicalPas - 7;
    clinicalPas = 7;
  }
  const weekly = Math.floor(clinicalPas);
  const hasHalf = clinicalPas - weekly >= 0.5;

  let lists = s.lists ? rng.int(s.lists.perWeek[0], s.lists.perWeek[1]) : 0;
  let clinics = rng.int(s.clinic.perWeek[0], s.clinic.perWeek[1]);
  if (lists + clinics > weekly) clinics = Math.max(1, weekly - lists);
  if (lists + clinics > weekly) lists = Math.max(0, weekly - clinics);
  // Beyond two ward rounds (or other direct care) a week, give the time to more clinics and lists instead.
  while (weekly - lists - clinics > 2) {
    if (clinics < s.clinic.perWeek[1] + 1) clinics++;
    else if (s.lists && lists < s.lists.perWeek[1] + 1) lists++;
    else break;
  }
  const filler = weekly - lists - clinics;

  const pickSlot = (
    periods: readonly PlanPeriod[],
    mask: SlotMask,
    avoidDays: ReadonlySet<number> = new Set(),
  ) => {
    const free = grid.freeSlots(periods, mask);
    const preferred = free.filter((x) => !avoidDays.has(x.day));
    const pool = preferred.length > 0 ? preferred : free;
    return pool.length > 0 ? rng.pick(pool) : null;
  };
  const listDays = new Set<number>();

  // Lists first: they need a theatre as well as a free slot.
  if (s.lists && lists >= 2 && rng.chance(s.lists.allDayShare)) {
    const days = ([1, 2, 3, 4, 5] as Weekday[]).filter(
      (d) => grid.isFree(d, 'AM', BOTH) && grid.isFree(d, 'PM', BOTH),
    );
    const day = rng.pick(days);
    const code = ctx.theatres.allocate(s.lists.theatrePrefix, day, ['AM', 'PM']);
    const expected = rng.int(s.lists.expected[0], s.lists.expected[1]);
    const allDayId = `${c.gmcNumber}-${day}`;
    for (const period of ['AM', 'PM'] as const) {
      grid.take(day, period, BOTH);
      lines.push(
        slotLine(listActivity(s), s.code, day, period, 1, {
          startMinute: period === 'AM' ? 510 : 780,
          endMinute: period === 'AM' ? 780 : 1050,
          expectedOutput: expected,
          linkedCode: code,
          allDayId,
        }),
      );
    }
    listDays.add(day);
    lists -= 2;
  }
  for (let i = 0; i < lists && s.lists; i++) {
    const slot = pickSlot(['AM', 'PM'], BOTH, listDays);
    if (!slot) break;
    grid.take(slot.day, slot.period, BOTH);
    listDays.add(slot.day);
    lines.push(
      slotLine(listActivity(s), s.code, slot.day, slot.period, 1, {
        expectedOutput: rng.int(s.lists.expected[0], s.lists.expected[1]),
        linkedCode: ctx.theatres.allocate(s.lists.theatrePrefix, slot.day, [slot.period]),
      }),
    );
  }
  for (let i = 0; i < clinics; i++) {
    const slot = pickSlot(['AM', 'PM'], BOTH, listDays);
    if (!slot) break;
    grid.take(slot.day, slot.period, BOTH);
    lines.push(
      slotLine('outpatient_clinic', s.code, slot.day, slot.period, 1, {
        expectedOutput: rng.int(s.clinic.expected[0], s.clinic.expected[1]),
        linkedCode: ctx.clinicCodes.forSlot(s, slot.day, slot.period),
      }),
    );
  }
  for (let i = 0; i < filler; i++) {
    const slot =
      pickSlot(s.fillerActivity === 'ward_round' ? ['AM'] : ['AM', 'PM'], BOTH) ?? pickSlot(['PM'], BOTH);
    if (!slot) break;
    grid.take(slot.day, slot.period, BOTH);
    lines.push(slotLine(s.fillerActivity, s.code, slot.day, slot.period, 1));
  }
  if (hasHalf) {
    // Half a clinical PA: a fortnightly clinic or list, or an annualised block of clinics (21 a year ≈ 0.5 PA).
    const offset = rng.int(0, 1);
    const mask: SlotMask = offset === 0 ? 1 : 2;
    const slot = rng.chance(0.6) ? pickSlot(['AM', 'PM'], mask) : null;
    if (slot) {
      grid.take(slot.day, slot.period, mask);
      const asList = s.lists !== undefined && rng.chance(0.4);
      lines.push(
        asList && s.lists
          ? slotLine(listActivity(s), s.code, slot.day, slot.period, 0.5, {
              cycleWeeks: 2,
              cycleOffset: offset,
              expectedOutput: rng.int(s.lists.expected[0], s.lists.expected[1]),
              linkedCode: ctx.theatres.allocate(s.lists.theatrePrefix, slot.day, [slot.period]),
            })
          : slotLine('outpatient_clinic', s.code, slot.day, slot.period, 0.5, {
              cycleWeeks: 2,
              cycleOffset: offset,
              expectedOutput: rng.int(s.clinic.expected[0], s.clinic.expected[1]),
              linkedCode: ctx.clinicCodes.forSlot(s, slot.day, slot.period),
            }),
      );
    } else {
      lines.push(annualisedClinic(s, 21, ctx));
    }
  }

  placeNonClinical('mdt', mdtPas, c, grid, lines, rng);
  placeNonClinical('admin', adminPas, c, grid, lines, rng);
  placeNonClinical('spa', c.spaPas, c, grid, lines, rng);
  placeNonClinical('other', round3(c.contractedPas - c.dccPas - c.spaPas), c, grid, lines, rng);
  if (onCallPas > 0) {
    // A 1-in-N weekend on-call (Saturday morning take and ward round), averaged to 1 PA a week.
    const cycle = rng.pick([4, 6, 8]);
    lines.push(
      slotLine('on_call', s.code, 6, 'AM', onCallPas, {
        startMinute: 480,
        endMinute: 780,
        cycleWeeks: cycle,
        cycleOffset: rng.int(0, cycle - 1),
      }),
    );
  }
  return { lines: sortLines(lines), grid };
}

export function annualisedClinic(s: SpecialtyDef, perYear: number, ctx: PlanBuildContext): PlanLine {
  return {
    activityType: 'outpatient_clinic',
    specialtyCode: s.code,
    dayOfWeek: null,
    period: null,
    startMinute: null,
    endMinute: null,
    cycleWeeks: 1,
    cycleOffset: 0,
    annualSessions: perYear,
    paValue: round3(perYear / EXPECTED_WEEKS),
    expectedOutput: ctx.rng.int(s.clinic.expected[0], s.clinic.expected[1]),
    expectedWeeks: EXPECTED_WEEKS,
    linkedCode: ctx.clinicCodes.forAnnualised(s),
    allDayId: null,
  };
}

/** Places whole PAs as weekly 4-hour slots and a half PA as a 2-hour weekly or a 4-hour fortnightly slot. */
function placeNonClinical(
  type: ActivityType,
  pas: number,
  c: ConsultantModel,
  grid: WeekGrid,
  lines: PlanLine[],
  rng: Rng,
): void {
  let left = round3(pas);
  while (left > 0.001) {
    const unit = Math.min(1, left);
    const fortnightly = unit < 1 && type !== 'mdt' && rng.chance(0.35);
    const offset = rng.int(0, 1);
    const mask: SlotMask = fortnightly ? (offset === 0 ? 1 : 2) : BOTH;
    let free = grid.freeSlots(['AM', 'PM'], mask);
    if (free.length === 0) free = grid.freeSlots(['EVE'], mask);
    if (free.length === 0) break;
    const slot = rng.pick(free);
    grid.take(slot.day, slot.period, mask);
    // A fortnightly half PA is a full 4-hour session every other week; times follow the session length.
    const line = slotLine(type, c.specialty.code, slot.day, slot.period, fortnightly ? 1 : unit, {
      paValue: unit,
      cycleWeeks: fortnightly ? 2 : 1,
      cycleOffset: fortnightly ? offset : 0,
    });
    lines.push(line);
    left = round3(left - unit);
  }
}

export function sortLines(lines: PlanLine[]): PlanLine[] {
  return lines.sort((a, b) => {
    if (a.dayOfWeek === null || b.dayOfWeek === null)
      return (a.dayOfWeek === null ? 1 : 0) - (b.dayOfWeek === null ? 1 : 0);
    return (
      a.dayOfWeek - b.dayOfWeek ||
      PERIOD_ORDER[a.period ?? 'AM'] - PERIOD_ORDER[b.period ?? 'AM'] ||
      (a.startMinute ?? 0) - (b.startMinute ?? 0) ||
      a.cycleOffset - b.cycleOffset
    );
  });
}

export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

export interface VersionOptions {
  /** A clinic code that must keep its slot (template-drift clinic). */
  protectedCode: string | null;
  /** Only move a line in the mid-period change (keeps session counts unchanged). */
  moveOnly: boolean;
}

/**
 * Sets the consultant's exported and worked plan versions for their plan currency. The worked versions are what
 * the activity follows; they equal the exported ones except that an expired plan's pattern carries on, and a
 * consultant with no plan in the extract still works one.
 */
export function assignPlanVersions(
  c: ConsultantModel,
  base: BasePattern,
  currency: PlanCurrency,
  ctx: PlanBuildContext,
  options: VersionOptions,
): void {
  const { rng, startDay, endDay } = ctx;
  const jobPlanId = `JP${String(c.index + 1).padStart(5, '0')}`;
  const version = (
    n: number,
    from: Day,
    to: Day | null,
    agreedOn: Day | null,
    lines: PlanLine[],
  ): PlanVersion => ({
    jobPlanId,
    version: n,
    status: agreedOn === null ? 'draft' : 'agreed',
    agreedOn,
    effectiveFrom: from,
    effectiveTo: to,
    lines,
  });
  c.planCurrency = currency;

  switch (currency) {
    case 'history': {
      const v1From = plausibleStart(startDay - rng.int(30, 540), rng);
      const span = endDay - startDay;
      const earliest = Math.min(75, Math.floor(span / 3));
      let change = startDay + rng.int(earliest, Math.max(earliest + 1, span - 45));
      if (rng.chance(0.5)) change = Math.max(startOfMonth(change), startDay + 30);
      const v2Lines = base.lines.map((l) => ({ ...l }));
      c.planChange = changePattern(c, v2Lines, base.grid, ctx, options);
      const v1 = version(1, v1From, change - 1, v1From - rng.int(3, 60), base.lines);
      const v2 = version(2, change, null, change - rng.int(2, 45), sortLines(v2Lines));
      c.exportedVersions = [v1, v2];
      c.workedVersions = [v1, v2];
      return;
    }
    case 'stale': {
      const from = Math.min(plausibleStart(startDay - rng.int(10, 300), rng), endDay - 400);
      const v1 = version(1, from, null, from - rng.int(3, 40), base.lines);
      c.exportedVersions = [v1];
      c.workedVersions = [v1];
      return;
    }
    case 'expired': {
      // Agreed for a year that ended before the extract's end date, never renewed; the consultant works on.
      const from = endDay - rng.int(420, 600);
      const exported = version(1, from, from + 364, from - rng.int(5, 40), base.lines);
      const workedFrom =
        from <= startDay
          ? from
          : from - Math.ceil((from - startDay) / CYCLE_SAFE_SHIFT_DAYS) * CYCLE_SAFE_SHIFT_DAYS;
      c.exportedVersions = [exported];
      c.workedVersions = [{ ...exported, effectiveFrom: workedFrom, effectiveTo: null }];
      return;
    }
    case 'draft_only': {
      const from = plausibleStart(startDay - rng.int(0, 150), rng);
      const draft = version(1, from, null, null, base.lines);
      c.exportedVersions = [draft];
      c.workedVersions = [draft];
      return;
    }
    case 'none': {
      const worked = version(1, startDay - rng.int(30, 300), null, null, base.lines);
      c.exportedVersions = [];
      c.workedVersions = [worked];
      return;
    }
  }
}

/** Job plans mostly start on the 1st of a month; some on an arbitrary day (so cycle anchors vary). */
function plausibleStart(day: Day, rng: Rng): Day {
  return rng.chance(0.6) ? startOfMonth(day) : day;
}

/** Applies the mid-period change to version 2's lines; returns a description for patterns.json. */
function changePattern(
  c: ConsultantModel,
  lines: PlanLine[],
  grid: WeekGrid,
  ctx: PlanBuildContext,
  options: VersionOptions,
): string {
  const { rng } = ctx;
  const kind = options.moveOnly
    ? 'move'
    : rng.weighted<'move' | 'convert' | 'reduce'>([
        ['move', 6],
        ['convert', 2],
        ['reduce', 2],
      ]);
  if (kind === 'convert') {
    const filler = lines.find(
      (l) => l.activityType === c.specialty.fillerActivity && l.dayOfWeek !== null && l.cycleWeeks === 1,
    );
    if (filler?.dayOfWeek && filler.period) {
      const s = c.specialty;
      const [startMinute, endMinute] = timesFor('outpatient_clinic', filler.period, 1);
      Object.assign(filler, {
        activityType: 'outpatient_clinic',
        startMinute,
        endMinute,
        expectedOutput: rng.int(s.clinic.expected[0], s.clinic.expected[1]),
        linkedCode: ctx.clinicCodes.forSlot(s, filler.dayOfWeek, filler.period),
      } satisfies Partial<PlanLine>);
      return `${describeSlot(filler)} ${s.fillerActivity.replace('_', ' ')} became clinic ${filler.linkedCode}`;
    }
  }
  if (kind === 'reduce') {
    const clinic = lines.find(
      (l) =>
        l.activityType === 'outpatient_clinic' &&
        l.cycleWeeks === 1 &&
        l.dayOfWeek !== null &&
        l.linkedCode !== options.protectedCode,
    );
    if (clinic?.dayOfWeek && clinic.period) {
      const offset = rng.int(0, 1);
      clinic.cycleWeeks = 2;
      clinic.cycleOffset = offset;
      clinic.paValue = 0.5;
      const [startMinute, endMinute] = timesFor('admin', clinic.period, 1);
      lines.push({
        ...clinic,
        activityType: 'admin',
        cycleOffset: 1 - offset,
        expectedOutput: null,
        linkedCode: null,
        startMinute,
        endMinute,
      });
      return `clinic ${clinic.linkedCode} (${describeSlot(clinic)}) reduced to fortnightly, alternating with admin`;
    }
  }
  // Move one weekly clinic or list to a different weekday.
  const movable = lines.filter(
    (l) =>
      categoryOf(l.activityType) !== null &&
      l.cycleWeeks === 1 &&
      l.dayOfWeek !== null &&
      l.allDayId === null &&
      l.linkedCode !== options.protectedCode,
  );
  const line = movable.length > 0 ? rng.pick(movable) : null;
  if (!line?.dayOfWeek || !line.period) return 'job plan re-agreed without changes to sessions';
  const free = grid.freeSlots(['AM', 'PM'], BOTH).filter((x) => x.day !== line.dayOfWeek);
  // With no free slot, trade places with a weekly SPA, admin, MDT or other session on another day.
  const swappable = lines.filter(
    (l) =>
      ['spa', 'admin', 'mdt', 'other'].includes(l.activityType) &&
      l.cycleWeeks === 1 &&
      l.dayOfWeek !== null &&
      l.dayOfWeek !== line.dayOfWeek &&
      (l.period === 'AM' || l.period === 'PM'),
  );
  if (free.length === 0 && swappable.length === 0) return 'job plan re-agreed without changes to sessions';
  const before = describeSlot(line);
  const oldCode = line.linkedCode;
  const oldDay = line.dayOfWeek;
  const oldPeriod = line.period;
  let slot: { day: Weekday; period: PlanPeriod };
  let swapped: PlanLine | null = null;
  if (free.length > 0) {
    slot = rng.pick(free);
    grid.release(oldDay, oldPeriod, BOTH);
    grid.take(slot.day, slot.period, BOTH);
  } else {
    swapped = rng.pick(swappable);
    slot = { day: swapped.dayOfWeek ?? oldDay, period: swapped.period ?? oldPeriod };
    const [start, end] = timesFor(swapped.activityType, oldPeriod, swapped.paValue);
    Object.assign(swapped, { dayOfWeek: oldDay, period: oldPeriod, startMinute: start, endMinute: end });
  }
  const [startMinute, endMinute] = timesFor(line.activityType, slot.period, 1);
  line.dayOfWeek = slot.day;
  line.period = slot.period;
  line.startMinute = startMinute;
  line.endMinute = endMinute;
  if (line.activityType === 'outpatient_clinic') {
    line.linkedCode = ctx.clinicCodes.forSlot(c.specialty, slot.day, slot.period);
  } else if (c.specialty.lists) {
    line.linkedCode = ctx.theatres.allocate(c.specialty.lists.theatrePrefix, slot.day, [slot.period]);
  }
  const what = line.activityType === 'outpatient_clinic' ? 'clinic' : 'list';
  const trade = swapped
    ? `, swapping with ${swapped.activityType.toUpperCase() === 'SPA' ? 'SPA' : swapped.activityType}`
    : '';
  return `${what} moved from ${before} (${oldCode}) to ${describeSlot(line)} (${line.linkedCode})${trade}`;
}

function describeSlot(line: PlanLine): string {
  return `${WEEKDAY_NAMES[(line.dayOfWeek ?? 1) - 1]} ${line.period}`;
}

/** The job-plans extract rows of one consultant (one row per activity line per version). */
export function toJobPlanRows(c: ConsultantModel): JobPlanRow[] {
  const rows: JobPlanRow[] = [];
  for (const v of c.exportedVersions) {
    for (const line of v.lines) {
      rows.push({
        gmc_number: c.gmcNumber,
        job_plan_id: v.jobPlanId,
        version: v.version,
        status: v.status,
        agreed_on: v.agreedOn === null ? null : formatIsoDate(v.agreedOn),
        effective_from: formatIsoDate(v.effectiveFrom),
        effective_to: v.effectiveTo === null ? null : formatIsoDate(v.effectiveTo),
        activity_type: line.activityType,
        specialty_code: line.specialtyCode,
        day_of_week: line.dayOfWeek === null ? null : (WEEKDAY_NAMES[line.dayOfWeek - 1] ?? null),
        period: line.period,
        start_time: line.startMinute === null ? null : formatTime(line.startMinute),
        end_time: line.endMinute === null ? null : formatTime(line.endMinute),
        cycle_weeks: line.cycleWeeks,
        cycle_offset: line.cycleOffset,
        annual_sessions: line.annualSessions,
        pa_value: line.paValue,
        expected_output: line.expectedOutput,
        expected_weeks: line.expectedWeeks,
        linked_codes: line.linkedCode ?? '',
      });
    }
  }
  return rows;
}

/** Whether a fixed-slot line of `v` occurs on `day` (whole weeks since the Monday of effective-from, mod cycle). */
export function occursOn(v: PlanVersion, line: PlanLine, day: Day): boolean {
  if (line.dayOfWeek === null) return false;
  const weeks = Math.round((mondayOf(day) - mondayOf(v.effectiveFrom)) / 7);
  return ((weeks % line.cycleWeeks) + line.cycleWeeks) % line.cycleWeeks === line.cycleOffset;
}
