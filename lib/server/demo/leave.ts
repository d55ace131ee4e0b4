import { isBankHoliday } from './bank-holidays';
import {
  civilFromDay,
  type Day,
  dayFromCivil,
  formatIsoDate,
  isoWeekday,
  isWeekend,
  mondayOf,
} from './dates';
import type { ConsultantModel, LeaveRecord } from './model';
import type { Rng } from './prng';
import type { LeavePeriod, LeaveRow, LeaveType, PlanPeriod } from './types';

/**
 * Leave: about six weeks of annual leave a year (summer, half-terms, Christmas, odd days), about two weeks of
 * study leave, a little professional leave, sickness reported on the day, and rare parental/compassionate leave.
 * Most leave is requested well ahead; some at short notice (< 42 days). Also the planted short-notice leave of
 * the under-deliverers and the overlapping records of the data-quality pattern.
 */

export interface LeaveOptions {
  startDay: Day;
  endDay: Day;
  /** Share of annual leave requested at short notice. */
  shortNoticeShare: number;
  /** Under-deliverer: plant frequent short-notice leave on these weekdays (their clinic/list days). */
  plantShortNoticeOn: readonly number[] | null;
  /** Data-quality pattern: add a study-leave record overlapping an annual-leave block. */
  plantOverlap: boolean;
}

const NOTICE_THRESHOLD_DAYS = 42;

function isWorkingDay(day: Day): boolean {
  return !isWeekend(day) && !isBankHoliday(day);
}

/** The day on which `count` working days starting at `from` end. */
function endAfterWorkingDays(from: Day, count: number): Day {
  let day = from;
  let left = count;
  for (;;) {
    if (isWorkingDay(day)) left--;
    if (left <= 0) return day;
    day++;
  }
}

class LeaveBook {
  readonly records: LeaveRecord[] = [];
  private readonly taken = new Set<Day>();

  constructor(
    private readonly rng: Rng,
    private readonly options: LeaveOptions,
  ) {}

  isFree(from: Day, to: Day): boolean {
    for (let d = from; d <= to; d++) if (this.taken.has(d)) return false;
    return true;
  }

  /** Adds leave over `workingDays` working days from the first working day on or after `from`, if free. */
  tryAdd(
    from: Day,
    workingDays: number,
    type: LeaveType,
    periods: { start: LeavePeriod; end: LeavePeriod } = { start: 'FULL', end: 'FULL' },
    notice?: number,
  ): LeaveRecord | null {
    let start = from;
    while (!isWorkingDay(start)) start++;
    const end = endAfterWorkingDays(start, workingDays);
    if (!this.isFree(start, end)) return null;
    for (let d = start; d <= end; d++) this.taken.add(d);
    const record = this.makeRecord(start, end, type, periods, notice);
    this.records.push(record);
    return record;
  }

  makeRecord(
    start: Day,
    end: Day,
    type: LeaveType,
    periods: { start: LeavePeriod; end: LeavePeriod },
    forcedNotice?: number,
  ): LeaveRecord {
    const { rng } = this;
    const notice = forcedNotice ?? this.noticeFor(type);
    let requestedOn: Day | null = start - notice;
    let approvedOn: Day | null = requestedOn + rng.int(0, Math.min(10, notice));
    if (type === 'sick') approvedOn = rng.chance(0.6) ? start : null;
    if ((type === 'annual' || type === 'study') && rng.chance(0.03)) requestedOn = null;
    return {
      start,
      end,
      startPeriod: periods.start,
      endPeriod: periods.end,
      type,
      requestedOn,
      approvedOn,
      isPlantedShortNotice: false,
      isPlantedOverlap: false,
    };
  }

  private noticeFor(type: LeaveType): number {
    const { rng } = this;
    switch (type) {
      case 'annual':
        return rng.chance(this.options.shortNoticeShare)
          ? rng.int(3, NOTICE_THRESHOLD_DAYS - 1)
          : rng.int(42, 180);
      case 'study':
        return rng.chance(0.12) ? rng.int(7, NOTICE_THRESHOLD_DAYS - 1) : rng.int(42, 120);
      case 'professional':
        return rng.chance(0.25) ? rng.int(3, NOTICE_THRESHOLD_DAYS - 1) : rng.int(42, 90);
      case 'other':
        return rng.chance(0.5) ? rng.int(1, 30) : rng.int(42, 60);
      case 'parental':
        return rng.int(60, 150);
      case 'compassionate':
        return rng.int(0, 1);
      case 'sick':
        return 0;
    }
  }
}

function randomDayBetween(rng: Rng, from: Day, to: Day): Day {
  return rng.int(from, Math.max(from, to));
}

function randomMondayBetween(rng: Rng, from: Day, to: Day): Day {
  return mondayOf(randomDayBetween(rng, from, to)) + 7 * (isoWeekday(from) === 1 ? 0 : 1);
}

/** Tries a few random placements of a leave block; returns the record or null. */
function place(book: LeaveBook, rng: Rng, pickStart: () => Day, days: number, type: LeaveType, half = false) {
  for (let attempt = 0; attempt < 6; attempt++) {
    const start = pickStart();
    const halfPeriod: LeavePeriod = rng.chance(0.5) ? 'AM' : 'PM';
    let periods: { start: LeavePeriod; end: LeavePeriod } = { start: 'FULL', end: 'FULL' };
    if (half && days === 1) periods = { start: halfPeriod, end: halfPeriod };
    else if (days > 1 && rng.chance(0.08)) periods = { start: 'PM', end: 'FULL' };
    else if (days > 1 && rng.chance(0.06)) periods = { start: 'FULL', end: 'AM' };
    const record = book.tryAdd(start, days, type, periods);
    if (record) return record;
  }
  return null;
}

/** Generates one consultant's leave (records overlapping [startDay, endDay]), sorted by start date. */
export function generateLeave(c: ConsultantModel, rng: Rng, options: LeaveOptions): LeaveRecord[] {
  const book = new LeaveBook(rng, options);
  const { startDay, endDay } = options;
  const firstYear = civilFromDay(startDay - 60).year;
  const lastYear = civilFromDay(endDay).year;

  // Planted short-notice leave goes first, so that it lands on the consultant's clinic and list days.
  if (options.plantShortNoticeOn && options.plantShortNoticeOn.length > 0) {
    const weekdays = options.plantShortNoticeOn;
    const episodes = Math.round(((endDay - startDay) / 30.4) * 1.1);
    for (let i = 0; i < episodes; i++) {
      const type = rng.weighted<LeaveType>([
        ['annual', 5],
        ['study', 2],
        ['professional', 1],
        ['other', 1],
      ]);
      for (let attempt = 0; attempt < 8; attempt++) {
        const monday = mondayOf(randomDayBetween(rng, startDay + 7, endDay - 3));
        const start = monday + (rng.pick(weekdays) - 1);
        if (start < startDay || start > endDay || !isWorkingDay(start)) continue;
        const record = book.tryAdd(
          start,
          rng.weighted([
            [1, 3],
            [2, 2],
            [3, 1],
          ] as const),
          type,
          undefined,
          rng.int(2, 30),
        );
        if (record) {
          record.isPlantedShortNotice = true;
          break;
        }
      }
    }
  }

  for (let year = firstYear; year <= lastYear; year++) {
    const d = (m: number, day: number) => dayFromCivil(year, m, day);
    if (rng.chance(0.9)) {
      const days = rng.weighted([
        [10, 6],
        [5, 2.5],
        [15, 1.5],
      ] as const);
      place(book, rng, () => randomMondayBetween(rng, d(7, 7), d(8, 18)), days, 'annual');
    }
    if (rng.chance(0.8)) place(book, rng, () => randomMondayBetween(rng, d(2, 9), d(4, 20)), 5, 'annual');
    if (rng.chance(0.7)) place(book, rng, () => randomMondayBetween(rng, d(10, 13), d(11, 3)), 5, 'annual');
    if (rng.chance(0.6)) {
      const from = d(12, rng.int(20, 24));
      let to = d(12, 31);
      while (!isWorkingDay(to)) to--;
      let start = from;
      while (!isWorkingDay(start) && start < to) start++;
      let days = 0;
      for (let x = start; x <= to; x++) if (isWorkingDay(x)) days++;
      if (days > 0) book.tryAdd(start, days, 'annual');
    }
    const yearStart = d(1, 1);
    const yearEnd = d(12, 31);
    const singles = rng.int(3, 6);
    for (let i = 0; i < singles; i++)
      place(book, rng, () => randomDayBetween(rng, yearStart, yearEnd), 1, 'annual', rng.chance(0.3));
    const studyBlocks = rng.int(3, 5);
    for (let i = 0; i < studyBlocks; i++) {
      const days = rng.chance(0.15) ? 5 : rng.int(1, 3);
      place(book, rng, () => randomDayBetween(rng, yearStart, yearEnd), days, 'study', rng.chance(0.15));
    }
    const professional = rng.int(0, 2);
    for (let i = 0; i < professional; i++)
      place(book, rng, () => randomDayBetween(rng, yearStart, yearEnd), 1, 'professional', rng.chance(0.3));
    const sickEpisodes = rng.count(1.1);
    for (let i = 0; i < sickEpisodes; i++) {
      const days = rng.weighted([
        [1, 45],
        [2, 20],
        [3, 15],
        [5, 15],
        [10, 5],
      ] as const);
      place(book, rng, () => randomDayBetween(rng, yearStart, yearEnd), days, 'sick', rng.chance(0.15));
    }
    if (rng.chance(0.03))
      place(book, rng, () => randomDayBetween(rng, yearStart, yearEnd), rng.int(1, 3), 'compassionate');
    if (rng.chance(0.05))
      place(book, rng, () => randomDayBetween(rng, yearStart, yearEnd), 1, 'other', rng.chance(0.4));
  }
  if (rng.chance(0.02)) {
    const maternity = c.title !== 'Mr' && rng.chance(0.5);
    place(book, rng, () => randomDayBetween(rng, startDay, endDay - 30), maternity ? 130 : 10, 'parental');
  }

  if (options.plantOverlap) {
    const block = book.records.find(
      (r) => r.type === 'annual' && r.end - r.start >= 3 && r.start >= startDay && !r.isPlantedShortNotice,
    );
    if (block) {
      // Two working days inside the annual leave, recorded again as study leave.
      let from = block.start + 1;
      while (!isWorkingDay(from) && from < block.end) from++;
      const to = Math.min(block.end, endAfterWorkingDays(from, 2));
      const overlap = book.makeRecord(from, to, 'study', { start: 'FULL', end: 'FULL' }, 60);
      overlap.isPlantedOverlap = true;
      book.records.push(overlap);
    }
  }

  return book.records
    .filter((r) => r.end >= startDay && r.start <= endDay)
    .sort((a, b) => a.start - b.start || a.end - b.end || a.type.localeCompare(b.type));
}

const PERIOD_INDEX: Record<PlanPeriod, number> = { AM: 0, PM: 1, EVE: 2 };

/** Which leave record (if any) covers a consultant's session, by date and period (PRODUCT.md rules). */
export class LeaveIndex {
  private readonly cover = new Map<number, LeaveRecord>();
  private readonly days = new Set<Day>();

  constructor(records: readonly LeaveRecord[]) {
    for (const r of records) {
      for (let d = r.start; d <= r.end; d++) {
        // Full-day leave covers AM, PM and EVE; half-day leave covers its own period. On a multi-day leave the
        // start period applies to the first day and the end period to the last.
        const half = d === r.start ? r.startPeriod : d === r.end ? r.endPeriod : 'FULL';
        const single = r.start === r.end && r.startPeriod !== 'FULL' ? r.startPeriod : half;
        const periods: PlanPeriod[] = single === 'FULL' ? ['AM', 'PM', 'EVE'] : [single];
        for (const p of periods) {
          const key = d * 4 + PERIOD_INDEX[p];
          if (!this.cover.has(key)) this.cover.set(key, r);
        }
        this.days.add(d);
      }
    }
  }

  covering(day: Day, period: PlanPeriod): LeaveRecord | undefined {
    return this.cover.get(day * 4 + PERIOD_INDEX[period]);
  }

  /** Any leave at all on this day (additional sessions avoid such days). */
  touches(day: Day): boolean {
    return this.days.has(day);
  }
}

/** Days of notice: requested date, else approved date; null when neither is known (counts as adequate). */
export function noticeDays(r: LeaveRecord): number | null {
  const asked = r.requestedOn ?? r.approvedOn;
  return asked === null ? null : r.start - asked;
}

export function isShortNotice(r: LeaveRecord): boolean {
  if (r.type === 'sick' || r.type === 'parental' || r.type === 'compassionate') return false;
  const notice = noticeDays(r);
  return notice !== null && notice < NOTICE_THRESHOLD_DAYS;
}

export function toLeaveRows(c: ConsultantModel, records: readonly LeaveRecord[]): LeaveRow[] {
  return records.map((r) => ({
    gmc_number: c.gmcNumber,
    start_date: formatIsoDate(r.start),
    end_date: formatIsoDate(r.end),
    start_period: r.startPeriod,
    end_period: r.endPeriod,
    leave_type: r.type,
    requested_on: r.requestedOn === null ? null : formatIsoDate(r.requestedOn),
    approved_on: r.approvedOn === null ? null : formatIsoDate(r.approvedOn),
  }));
}
