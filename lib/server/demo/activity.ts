import { isBankHoliday } from './bank-holidays';
import { type Day, formatIsoDate, formatTime, isoWeekday, isWeekend, mondayOf } from './dates';
import { occursOn } from './job-plans';
import { isShortNotice, type LeaveIndex } from './leave';
import { type ConsultantModel, categoryOf, type LeaveRecord, type PlanLine, type PlanVersion } from './model';
import {
  CATARACT_CASES,
  type ConsultantRole,
  DELIVERY_RATES,
  type DeliveryRates,
  OVER_DELIVERY_UPLIFT,
  type PatternAccumulator,
  TEMPLATE_DRIFT,
} from './patterns';
import type { Rng } from './prng';
import { CANCEL_REASONS, OPHTHALMOLOGY_CODE } from './reference';
import type { ClinicSessionRow, ListPeriod, PlanPeriod, TheatreListRow } from './types';

/**
 * Delivered activity: each consultant's worked job plan expanded into dated sessions (bank holidays skipped),
 * with leave, hospital cancellations and unscheduled slots applied, plus additional sessions (waiting-list
 * initiatives, annualised lines, backfill for colleagues), and the planted duplicates and missing timestamps.
 */

export interface ActivityContext {
  startDay: Day;
  endDay: Day;
  /** Ophthalmology change date. */
  changeDay: Day;
  /** Ophthalmology delivery rates from the change date on (calibrated, see calibrateOphthalmology). */
  ophthalmologyAfterRates: DeliveryRates;
  colleagues: ReadonlyMap<string, readonly ConsultantModel[]>;
  acc: PatternAccumulator;
}

export interface ConsultantActivity {
  clinicSessions: ClinicSessionRow[];
  theatreLists: TheatreListRow[];
}

export interface DraftClinic {
  day: Day;
  order: number;
  row: ClinicSessionRow;
}

export interface DraftList {
  day: Day;
  order: number;
  row: TheatreListRow;
}

const PERIOD_ORDER: Record<ListPeriod, number> = { AM: 0, ALL: 0.5, PM: 1, EVE: 2 };
const DUPLICATE_CLINIC_RATE = 0.003;
const DUPLICATE_LIST_RATE = 0.0008;
const MISSING_TIMESTAMP_RATE = 0.006;

interface Occurrence {
  day: Day;
  line: PlanLine;
}

/** Planned occurrences of the clinic and list lines of the worked versions, in [startDay, endDay]. */
export function expandOccurrences(
  versions: readonly PlanVersion[],
  startDay: Day,
  endDay: Day,
  planned: Set<number>,
): Occurrence[] {
  const occurrences: Occurrence[] = [];
  for (const v of versions) {
    const from = Math.max(v.effectiveFrom, startDay);
    const to = Math.min(v.effectiveTo ?? endDay, endDay);
    for (const line of v.lines) {
      if (line.dayOfWeek === null || line.period === null) continue;
      const isClinical = categoryOf(line.activityType) !== null;
      if (line.allDayId !== null && line.period === 'PM') continue;
      for (let monday = mondayOf(from); monday <= to; monday += 7) {
        const day = monday + line.dayOfWeek - 1;
        if (day < from || day > to || !occursOn(v, line, day)) continue;
        if (isClinical) {
          planned.add(slotKey(day, line.period));
          if (line.allDayId !== null) planned.add(slotKey(day, 'PM'));
        }
        if (isClinical && !isBankHoliday(day)) occurrences.push({ day, line });
      }
    }
  }
  return occurrences.sort(
    (a, b) => a.day - b.day || PERIOD_ORDER[a.line.period ?? 'AM'] - PERIOD_ORDER[b.line.period ?? 'AM'],
  );
}

function slotKey(day: Day, period: PlanPeriod): number {
  return day * 4 + (period === 'AM' ? 0 : period === 'PM' ? 1 : 2);
}

function clamp(x: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, x));
}

/** Template, bookings and outcomes of a held clinic (NHS attendance codes 5/6 attended, 3 DNA, 7 late). */
function heldClinicCounts(template: number, newShare: number, productivity: number, rng: Rng) {
  const slotsNew = Math.round(template * newShare);
  const fill = clamp(rng.normal(0.95, 0.06) * productivity, 0.5, 1.15);
  const booked = Math.round(template * fill);
  const dna = rng.binomial(booked, 0.075);
  const lateNotSeen = rng.binomial(booked - dna, 0.008);
  const unoutcomed = booked - dna - lateNotSeen > 0 && rng.chance(0.04) ? 1 : 0;
  const attended = booked - dna - lateNotSeen - unoutcomed;
  const first = clamp(
    Math.round((attended * slotsNew) / Math.max(1, template) + rng.normal(0, 0.7)),
    0,
    attended,
  );
  return {
    slots_new: slotsNew,
    slots_fu: template - slotsNew,
    booked,
    attended,
    dna,
    late_not_seen: lateNotSeen,
    patient_cancelled: rng.binomial(template, 0.06),
    hospital_cancelled: rng.binomial(template, 0.02),
    first_attendances: first,
    follow_up_attendances: attended - first,
  };
}

/** Start/finish times, cases and touch time of a held list. */
function heldListTimes(plannedStart: number, plannedEnd: number, rng: Rng) {
  const late = rng.chance(0.2) ? rng.int(0, 5) : Math.min(90, Math.round(5 + rng.exponential(18)));
  const r = rng.next();
  const endOffset =
    r < 0.12 ? Math.round(rng.exponential(20)) : r < 0.35 ? rng.int(-5, 5) : -Math.round(rng.exponential(22));
  const actualStart = plannedStart + late;
  const actualEnd = Math.max(actualStart + 45, plannedEnd + endOffset);
  return {
    actualStart,
    actualEnd,
    touch: Math.round((actualEnd - actualStart) * rng.float(0.78, 0.92)),
  };
}

/** Session times for an activity in a period (additional sessions have no plan line). */
export function defaultTimes(kind: 'clinic' | 'list', period: ListPeriod): [number, number] {
  if (period === 'EVE') return [1050, 1230];
  if (period === 'ALL') return [510, 1050];
  if (kind === 'clinic') return period === 'AM' ? [540, 780] : [810, 1050];
  return period === 'AM' ? [510, 750] : [810, 1050];
}

export class ConsultantActivityBuilder {
  readonly clinics: DraftClinic[] = [];
  readonly lists: DraftList[] = [];
  private readonly used = new Set<number>();

  constructor(
    private readonly c: ConsultantModel,
    private readonly rng: Rng,
  ) {}

  isUsed(day: Day, period: PlanPeriod): boolean {
    return this.used.has(slotKey(day, period));
  }

  clinic(
    args: {
      day: Day;
      period: PlanPeriod;
      code: string;
      times: [number, number];
      gmc?: string;
      additional: boolean;
    } & (
      | { held: true; template: number }
      | { held: false; template: number; reason: string; cancelledOn: Day; patientsMoved: number }
    ),
  ): ClinicSessionRow {
    const { c, rng } = this;
    const s = c.specialty;
    this.used.add(slotKey(args.day, args.period));
    const counts = args.held
      ? heldClinicCounts(args.template, s.clinic.newShare, c.productivity, rng)
      : {
          slots_new: Math.round(args.template * s.clinic.newShare),
          slots_fu: args.template - Math.round(args.template * s.clinic.newShare),
          booked: 0,
          attended: 0,
          dna: 0,
          late_not_seen: 0,
          patient_cancelled: 0,
          hospital_cancelled: args.patientsMoved,
          first_attendances: 0,
          follow_up_attendances: 0,
        };
    const row: ClinicSessionRow = {
      session_id: '',
      clinic_code: args.code,
      session_date: formatIsoDate(args.day),
      period: args.period,
      planned_start: formatTime(args.times[0]),
      planned_end: formatTime(args.times[1]),
      gmc_number: args.gmc ?? c.gmcNumber,
      specialty_code: s.code,
      status: args.held ? 'held' : 'cancelled',
      cancel_reason: args.held ? null : args.reason,
      cancelled_on: args.held ? null : formatIsoDate(args.cancelledOn),
      ...counts,
      additional: args.additional ? 'Y' : 'N',
    };
    this.clinics.push({ day: args.day, order: PERIOD_ORDER[args.period], row });
    return row;
  }

  list(
    args: {
      day: Day;
      period: ListPeriod;
      code: string;
      times: [number, number];
      gmc?: string;
      additional: boolean;
      expectedCases: number;
      isCataract: boolean;
      cataractMean: number;
    } & ({ held: true } | { held: false; reason: string; cancelledOn: Day; casesBooked: number }),
  ): TheatreListRow {
    const { c, rng } = this;
    const s = c.specialty;
    if (args.period === 'ALL') {
      this.used.add(slotKey(args.day, 'AM'));
      this.used.add(slotKey(args.day, 'PM'));
    } else {
      this.used.add(slotKey(args.day, args.period));
    }
    let times: Pick<
      TheatreListRow,
      'actual_start' | 'actual_end' | 'cases_booked' | 'cases_done' | 'touch_minutes'
    >;
    if (args.held) {
      const t = heldListTimes(args.times[0], args.times[1], rng);
      const dayScale = args.period === 'ALL' ? 2 : 1;
      let booked: number;
      let cancelledOnDay: number;
      if (args.isCataract) {
        booked = Math.max(2, Math.round(rng.normal((args.cataractMean * c.productivity) / 0.95, 0.8)));
        cancelledOnDay = rng.binomial(booked, 0.05);
      } else {
        const ratio = s.lists?.bookingRatio ?? 1;
        booked = Math.max(
          1,
          Math.round(rng.normal(args.expectedCases * dayScale * ratio * c.productivity, 0.7)),
        );
        cancelledOnDay = rng.binomial(booked, 0.07);
      }
      times = {
        actual_start: formatTime(t.actualStart),
        actual_end: formatTime(t.actualEnd),
        cases_booked: booked,
        cases_done: Math.max(1, booked - cancelledOnDay),
        touch_minutes: t.touch,
      };
    } else {
      times = {
        actual_start: null,
        actual_end: null,
        cases_booked: args.casesBooked,
        cases_done: 0,
        touch_minutes: null,
      };
    }
    const row: TheatreListRow = {
      list_id: '',
      theatre_code: args.code,
      list_date: formatIsoDate(args.day),
      period: args.period,
      planned_start: formatTime(args.times[0]),
      planned_end: formatTime(args.times[1]),
      gmc_number: args.gmc ?? c.gmcNumber,
      specialty_code: s.code,
      list_type: s.lists?.type ?? 'theatre',
      status: args.held ? 'held' : 'cancelled',
      cancel_reason: args.held ? null : args.reason,
      cancelled_on: args.held ? null : formatIsoDate(args.cancelledOn),
      ...times,
      additional: args.additional ? 'Y' : 'N',
    };
    this.lists.push({ day: args.day, order: PERIOD_ORDER[args.period], row });
    return row;
  }
}

function ratesFor(c: ConsultantModel, role: ConsultantRole, day: Day, ctx: ActivityContext): DeliveryRates {
  if (c.specialty.code === OPHTHALMOLOGY_CODE) {
    return day >= ctx.changeDay ? ctx.ophthalmologyAfterRates : DELIVERY_RATES.ophthalmologyBefore;
  }
  return role.isUnderDeliverer ? DELIVERY_RATES.underDeliverer : DELIVERY_RATES.normal;
}

function driftTemplate(day: Day, startDay: Day, endDay: Day): number {
  const steps = TEMPLATE_DRIFT.from - TEMPLATE_DRIFT.to;
  const band = Math.floor(((steps + 1) * (day - startDay)) / (endDay - startDay + 1));
  return TEMPLATE_DRIFT.from - Math.min(steps, band);
}

/** Whether a colleague's own plan leaves the slot free (so a backfill does not double-book them). */
function isFreeAt(x: ConsultantModel, day: Day, period: PlanPeriod, isAllDay: boolean): boolean {
  const weekday = isoWeekday(day);
  for (const v of x.workedVersions) {
    if (day < v.effectiveFrom || (v.effectiveTo !== null && day > v.effectiveTo)) continue;
    for (const line of v.lines) {
      if (line.dayOfWeek !== weekday || categoryOf(line.activityType) === null) continue;
      if (line.period === period || (isAllDay && (line.period === 'AM' || line.period === 'PM')))
        return false;
    }
  }
  return true;
}

function leaveCancelledOn(record: LeaveRecord, day: Day, rng: Rng): Day {
  if (record.type === 'sick' || record.type === 'compassionate') return Math.min(day, record.start);
  const asked = record.requestedOn ?? record.approvedOn ?? day - 14;
  return Math.min(day, asked + rng.int(0, 5));
}

/** Generates one consultant's clinic sessions and lists (ids assigned, duplicates planted). */
export function generateActivity(
  c: ConsultantModel,
  role: ConsultantRole,
  leave: LeaveIndex,
  rng: Rng,
  ctx: ActivityContext,
): ConsultantActivity {
  const { startDay, endDay, changeDay, acc } = ctx;
  const s = c.specialty;
  const tally = acc.tally(c.gmcNumber);
  const planned = new Set<number>();
  const occurrences = expandOccurrences(c.workedVersions, startDay, endDay, planned);
  const builder = new ConsultantActivityBuilder(c, rng);
  const colleagues = (ctx.colleagues.get(s.code) ?? []).filter((x) => x.index !== c.index);
  const builders = new Map<number, ConsultantActivityBuilder>();
  const builderFor = (x: ConsultantModel) => {
    let b = builders.get(x.index);
    if (!b) {
      b = new ConsultantActivityBuilder(x, rng);
      builders.set(x.index, b);
    }
    return b;
  };

  for (const { day, line } of occurrences) {
    const period = line.period ?? 'AM';
    const isAllDay = line.allDayId !== null;
    const category = categoryOf(line.activityType);
    const sessions = isAllDay ? 2 : 1;
    const code = line.linkedCode ?? `${s.abbrev}-UNLINKED`;
    const listPeriod: ListPeriod = isAllDay ? 'ALL' : period;
    const times: [number, number] = isAllDay ? [510, 1050] : [line.startMinute ?? 540, line.endMinute ?? 780];
    const template =
      role.driftClinicCode !== null && code === role.driftClinicCode
        ? driftTemplate(day, startDay, endDay)
        : (line.expectedOutput ?? 10);
    const isCataract = s.code === OPHTHALMOLOGY_CODE && category === 'list';
    const cataractMean = day >= changeDay ? CATARACT_CASES.after : CATARACT_CASES.before;
    const listArgs = {
      day,
      period: listPeriod,
      code,
      times,
      expectedCases: line.expectedOutput ?? 4,
      isCataract,
      cataractMean,
    };
    tally.plannedClinicalSessions += sessions;
    if (category === 'list') tally.listsPlanned++;

    const onLeave = leave.covering(day, period) ?? (isAllDay ? leave.covering(day, 'PM') : undefined);
    if (onLeave) {
      if (onLeave.isPlantedShortNotice) tally.shortNoticeLeaveSessions += sessions;
      const isAbsence =
        onLeave.type === 'sick' || onLeave.type === 'parental' || onLeave.type === 'compassionate';
      const rates = ratesFor(c, role, day, ctx);
      const colleague = colleagues.length > 0 ? rng.pick(colleagues) : null;
      const colleagueFree = colleague !== null && isFreeAt(colleague, day, period, isAllDay);
      if (!isAbsence && !isShortNotice(onLeave) && colleague && colleagueFree && rng.chance(rates.backfill)) {
        // A colleague takes over the clinic or list: delivered for them, as an additional session.
        const b = builderFor(colleague);
        if (category === 'clinic')
          b.clinic({
            day,
            period,
            code,
            times,
            gmc: colleague.gmcNumber,
            additional: true,
            held: true,
            template,
          });
        else b.list({ ...listArgs, gmc: colleague.gmcNumber, additional: true, held: true });
        acc.tally(colleague.gmcNumber).additionalFlagged++;
        continue;
      }
      const recordChance = onLeave.type === 'parental' ? 0.2 : DELIVERY_RATES.leaveCancelledRecord;
      if (rng.chance(recordChance)) {
        const reason = isAbsence ? CANCEL_REASONS.sickness : CANCEL_REASONS.leave;
        const cancelledOn = leaveCancelledOn(onLeave, day, rng);
        const moved = day - cancelledOn < 42 ? Math.round(template * 0.7) : 0;
        if (category === 'clinic')
          builder.clinic({
            day,
            period,
            code,
            times,
            additional: false,
            held: false,
            template,
            reason,
            cancelledOn,
            patientsMoved: moved,
          });
        else
          builder.list({
            ...listArgs,
            additional: false,
            held: false,
            reason,
            cancelledOn,
            casesBooked: moved > 0 ? (line.expectedOutput ?? 4) : 0,
          });
      }
      continue;
    }

    const rates = ratesFor(c, role, day, ctx);
    if (rng.chance(rates.notScheduled)) continue;
    const cancelRate =
      category === 'list'
        ? role.isSurgicalUnderDeliverer
          ? DELIVERY_RATES.underDelivererSurgicalLists.listCancelled
          : rates.listCancelled
        : rates.clinicCancelled;
    if (rng.chance(cancelRate)) {
      if (category === 'clinic') {
        const reason = rng.pick(CANCEL_REASONS.clinicHospital);
        const cancelledOn = day - rng.int(1, 28);
        builder.clinic({
          day,
          period,
          code,
          times,
          additional: false,
          held: false,
          template,
          reason,
          cancelledOn,
          patientsMoved: Math.round(template * 0.85),
        });
      } else {
        const reason = role.isSurgicalUnderDeliverer
          ? rng.pick(CANCEL_REASONS.listPressure)
          : rng.pick(CANCEL_REASONS.listHospital);
        const cancelledOn = reason === 'No beds' ? day - rng.int(0, 1) : day - rng.int(0, 14);
        builder.list({
          ...listArgs,
          additional: false,
          held: false,
          reason,
          cancelledOn,
          casesBooked: line.expectedOutput ?? 4,
        });
        tally.listsHospitalCancelled++;
      }
      continue;
    }
    tally.deliveredPlanned += sessions;
    if (category === 'clinic')
      builder.clinic({ day, period, code, times, additional: false, held: true, template });
    else builder.list({ ...listArgs, additional: false, held: true });
  }

  addAnnualisedSessions(c, builder, leave, planned, rng, ctx);
  addWaitingListInitiatives(c, role, builder, leave, planned, rng, ctx);
  if (role.unlinkedClinicCode) {
    tally.unlinkedSessions += addUnlinkedSessions(
      c,
      role.unlinkedClinicCode,
      builder,
      leave,
      planned,
      rng,
      ctx,
    );
  }

  const clinics = [...builder.clinics];
  const lists = [...builder.lists];
  for (const b of builders.values()) {
    clinics.push(...b.clinics);
    lists.push(...b.lists);
  }
  return finalise(c.index, clinics, lists, rng, acc);
}

/** Annualised clinic lines delivered as extra sessions on free weekday slots (additional = N: they are in the plan). */
function addAnnualisedSessions(
  c: ConsultantModel,
  builder: ConsultantActivityBuilder,
  leave: LeaveIndex,
  planned: ReadonlySet<number>,
  rng: Rng,
  ctx: ActivityContext,
) {
  for (const v of c.workedVersions) {
    const from = Math.max(v.effectiveFrom, ctx.startDay);
    const to = Math.min(v.effectiveTo ?? ctx.endDay, ctx.endDay);
    if (to < from) continue;
    for (const line of v.lines) {
      if (line.annualSessions === null || categoryOf(line.activityType) !== 'clinic') continue;
      const span = to - from + 1;
      const count = Math.round(((line.annualSessions * span) / 365) * rng.float(0.85, 1));
      for (let k = 0; k < count; k++) {
        const target = from + Math.floor(((k + rng.next()) * span) / count);
        for (let day = target; day <= Math.min(to, target + 14); day++) {
          const period: PlanPeriod = rng.chance(0.5) ? 'AM' : 'PM';
          if (isWeekend(day) || isBankHoliday(day) || leave.touches(day)) continue;
          if (planned.has(slotKey(day, period)) || builder.isUsed(day, period)) continue;
          builder.clinic({
            day,
            period,
            code: line.linkedCode ?? `${c.specialty.abbrev}-C-ANN`,
            times: defaultTimes('clinic', period),
            additional: false,
            held: true,
            template: line.expectedOutput ?? 10,
          });
          break;
        }
      }
    }
  }
}

/** Clinics and lists a week from the consultant's latest worked plan (fortnightly lines count a half). */
function plannedPerWeek(c: ConsultantModel): {
  clinics: number;
  lists: number;
  listCode: string | null;
  listExpected: number;
} {
  const v = c.workedVersions[c.workedVersions.length - 1];
  let clinics = 0;
  let lists = 0;
  let listCode: string | null = null;
  let listExpected = 4;
  for (const line of v?.lines ?? []) {
    if (line.dayOfWeek === null) continue;
    const category = categoryOf(line.activityType);
    if (category === 'clinic') clinics += 1 / line.cycleWeeks;
    if (category === 'list') {
      lists += 1 / line.cycleWeeks;
      listCode ??= line.linkedCode;
      listExpected = line.expectedOutput ?? listExpected;
    }
  }
  return { clinics, lists, listCode, listExpected };
}

/** Waiting-list initiatives on Saturdays and weekday evenings (additional = Y). */
function addWaitingListInitiatives(
  c: ConsultantModel,
  role: ConsultantRole,
  builder: ConsultantActivityBuilder,
  leave: LeaveIndex,
  planned: ReadonlySet<number>,
  rng: Rng,
  ctx: ActivityContext,
) {
  const s = c.specialty;
  const perWeek = plannedPerWeek(c);
  const total = perWeek.clinics + perWeek.lists;
  if (total === 0) return;
  const listShare = perWeek.lists / total;
  const tally = ctx.acc.tally(c.gmcNumber);
  for (let monday = mondayOf(ctx.startDay); monday <= ctx.endDay; monday += 7) {
    const n = role.isOverDeliverer
      ? rng.count(total * OVER_DELIVERY_UPLIFT)
      : rng.chance(c.additionalRate)
        ? 1
        : 0;
    for (let i = 0; i < n; i++) {
      const asList = s.lists !== undefined && perWeek.listCode !== null && rng.chance(listShare);
      for (let attempt = 0; attempt < 4; attempt++) {
        const slot = asList
          ? rng.pick<[number, PlanPeriod]>([
              [5, 'AM'],
              [5, 'PM'],
            ])
          : rng.pick<[number, PlanPeriod]>([
              [5, 'AM'],
              [5, 'PM'],
              [0, 'EVE'],
              [1, 'EVE'],
              [2, 'EVE'],
              [3, 'EVE'],
            ]);
        const day = monday + slot[0];
        const period = slot[1];
        if (day < ctx.startDay || day > ctx.endDay || leave.touches(day) || isBankHoliday(day)) continue;
        if (planned.has(slotKey(day, period)) || builder.isUsed(day, period)) continue;
        if (asList && s.lists) {
          builder.list({
            day,
            period,
            code: perWeek.listCode ?? `${s.lists.theatrePrefix}1`,
            times: defaultTimes('list', period),
            additional: true,
            held: true,
            expectedCases: perWeek.listExpected,
            isCataract: s.code === OPHTHALMOLOGY_CODE,
            cataractMean: day >= ctx.changeDay ? CATARACT_CASES.after : CATARACT_CASES.before,
          });
        } else {
          builder.clinic({
            day,
            period,
            code: `${s.abbrev}-WLI-01`,
            times: defaultTimes('clinic', period),
            additional: true,
            held: true,
            template: s.clinic.expected[1],
          });
        }
        tally.additionalFlagged++;
        break;
      }
    }
  }
}

/** Clinics held under a code no job plan links to, on weekday slots outside the plan (data-quality fault). */
function addUnlinkedSessions(
  c: ConsultantModel,
  code: string,
  builder: ConsultantActivityBuilder,
  leave: LeaveIndex,
  planned: ReadonlySet<number>,
  rng: Rng,
  ctx: ActivityContext,
): number {
  const target = Math.max(4, Math.round((ctx.endDay - ctx.startDay) / 75));
  let made = 0;
  for (let attempt = 0; attempt < target * 10 && made < target; attempt++) {
    const day = rng.int(ctx.startDay, ctx.endDay);
    const period: PlanPeriod = rng.chance(0.5) ? 'AM' : 'PM';
    if (isWeekend(day) || isBankHoliday(day) || leave.touches(day)) continue;
    if (planned.has(slotKey(day, period)) || builder.isUsed(day, period)) continue;
    builder.clinic({
      day,
      period,
      code,
      times: defaultTimes('clinic', period),
      additional: false,
      held: true,
      template: c.specialty.clinic.expected[0],
    });
    made++;
  }
  return made;
}

/**
 * A planted duplicate: the same session recorded a second time in the source system under a new id (as when a
 * clinic is keyed in twice). Ids stay unique, so the file imports; the duplicate shows as two records for one
 * consultant, date, period and clinic or theatre — a data-quality fault for the dashboards to find.
 */
export function duplicateRecord<Row extends object, Key extends keyof Row & string>(
  row: Row,
  idKey: Key,
): Row {
  return { ...row, [idKey]: `${String(row[idKey])}-2` };
}

/** Sorts, assigns ids, records ophthalmology numbers, and plants duplicates and missing timestamps. */
export function finalise(
  ownerIndex: number,
  clinics: DraftClinic[],
  lists: DraftList[],
  rng: Rng,
  acc: PatternAccumulator,
): ConsultantActivity {
  const byTime = <T extends { day: Day; order: number }>(a: T, b: T) => a.day - b.day || a.order - b.order;
  clinics.sort(
    (a, b) =>
      byTime(a, b) ||
      a.row.clinic_code.localeCompare(b.row.clinic_code) ||
      a.row.gmc_number.localeCompare(b.row.gmc_number),
  );
  lists.sort(
    (a, b) =>
      byTime(a, b) ||
      a.row.theatre_code.localeCompare(b.row.theatre_code) ||
      a.row.gmc_number.localeCompare(b.row.gmc_number),
  );
  const prefix = String(ownerIndex + 1).padStart(4, '0');
  clinics.forEach((d, i) => {
    d.row.session_id = `CS${prefix}${String(i + 1).padStart(5, '0')}`;
  });
  lists.forEach((d, i) => {
    d.row.list_id = `TL${prefix}${String(i + 1).padStart(5, '0')}`;
  });
  for (const d of lists) {
    if (d.row.status === 'held' && rng.chance(MISSING_TIMESTAMP_RATE)) {
      d.row.actual_start = null;
      d.row.actual_end = null;
      acc.missingTimestampListIds.push(d.row.list_id);
    }
  }
  acc.observe(clinics, lists);

  const clinicSessions: ClinicSessionRow[] = [];
  for (const d of clinics) {
    clinicSessions.push(d.row);
    if (rng.chance(DUPLICATE_CLINIC_RATE)) {
      const copy = duplicateRecord(d.row, 'session_id');
      clinicSessions.push(copy);
      acc.duplicateClinicSessionIds.push(copy.session_id);
    }
  }
  const theatreLists: TheatreListRow[] = [];
  for (const d of lists) {
    theatreLists.push(d.row);
    if (rng.chance(DUPLICATE_LIST_RATE)) {
      const copy = duplicateRecord(d.row, 'list_id');
      theatreLists.push(copy);
      acc.duplicateTheatreListIds.push(copy.list_id);
    }
  }
  return { clinicSessions, theatreLists };
}
